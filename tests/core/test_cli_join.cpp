// restrack join as a user runs it: the real register, real GeoPackage layers in a temporary folder.
#include "catch_compat.h"
#include "clitestutil.h"
#include "testutil.h"

#include "rtjoin.h"
#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

namespace
{
  using RtCliTest::Run;
  using RtCliTest::restrack;

  //! One ward polygon: a 600 m square around a point inside the ward (GSO list, WGS 84).
  struct Ward
  {
    QString code;
    QString name;
    double lon;
    double lat;
  };

  /**
   * Writes a layer of ward squares in \a epsg (TM-3 107-45 unless told), with the code and
   * name in fields \a codeField and \a nameField. \a declaredEpsg is the CRS written into
   * the file (0: none), so a wrong declaration can be made on purpose.
   */
  void writeWards( const QString &path, const char *driverName, const char *layerName, const QVector<Ward> &wards,
                   const char *codeField, const char *nameField, int epsg = 5899, int declaredEpsg = 5899 )
  {
    OGRSpatialReference wgs84;
    OGRSpatialReference target;
    REQUIRE( wgs84.importFromEPSG( 4326 ) == OGRERR_NONE );
    REQUIRE( target.importFromEPSG( epsg ) == OGRERR_NONE );
    wgs84.SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
    target.SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
    std::unique_ptr<OGRCoordinateTransformation> ct( OGRCreateCoordinateTransformation( &wgs84, &target ) );
    REQUIRE( ct );
    OGRSpatialReference declared;
    if ( declaredEpsg )
      REQUIRE( declared.importFromEPSG( declaredEpsg ) == OGRERR_NONE );

    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName( driverName );
    REQUIRE( driver );
    GDALDataset *ds = QFileInfo::exists( path ) ? GDALDataset::Open( path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE )
                      : driver->Create( path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr );
    REQUIRE( ds );
    OGRLayer *layer = ds->CreateLayer( layerName, declaredEpsg ? &declared : nullptr, wkbPolygon, nullptr );
    REQUIRE( layer );
    OGRFieldDefn code( codeField, OFTString );
    OGRFieldDefn name( nameField, OFTString );
    REQUIRE( layer->CreateField( &code ) == OGRERR_NONE );
    REQUIRE( layer->CreateField( &name ) == OGRERR_NONE );
    for ( const Ward &w : wards )
    {
      double x = w.lon;
      double y = w.lat;
      REQUIRE( ct->Transform( 1, &x, &y ) );
      const double h = epsg == 4326 ? 0.003 : 300;
      OGRLinearRing ring;
      ring.addPoint( x - h, y - h );
      ring.addPoint( x + h, y - h );
      ring.addPoint( x + h, y + h );
      ring.addPoint( x - h, y + h );
      ring.closeRings();
      OGRPolygon polygon;
      polygon.addRing( &ring );
      OGRFeature *f = OGRFeature::CreateFeature( layer->GetLayerDefn() );
      f->SetField( codeField, w.code.toUtf8().constData() );
      f->SetField( nameField, w.name.toUtf8().constData() );
      f->SetGeometry( &polygon );
      REQUIRE( layer->CreateFeature( f ) == OGRERR_NONE );
      OGRFeature::DestroyFeature( f );
    }
    GDALClose( ds );
  }

  //! Wards of Móng Cái as a provincial dataset spells them: prefixes, old tone marks, NFD, no spaces, no accents.
  QVector<Ward> sampleWards()
  {
    return
    {
      { "06742", QStringLiteral( "Phường Hải Hoà" ).normalized( QString::NormalizationForm_D ), 108.008, 21.519 },
      { "06721", QStringLiteral( "P.Trà Cổ" ), 108.028, 21.483 },
      { "06727", QStringLiteral( "XãBắc Sơn" ), 107.864, 21.604 },
      { "06733", QStringLiteral( "Xa Hai Tien" ), 107.839, 21.508 },
      { "06709", QStringLiteral( "Ka Long" ), 107.963, 21.525 },
      { "06745", QStringLiteral( "Hải Xuân" ), 107.990, 21.490 },
      { "06745", QStringLiteral( "Hải Xuân (đảo)" ), 107.995, 21.485 }, // the same code twice: ambiguous
    };
  }

  //! The register's tasks, as the bundled build holds them.
  QVector<RtTask> registerTasks()
  {
    const RtResult<RtRegisterFile> reg = RtRegister::load( RtTestPaths::registerJson() );
    REQUIRE( reg.ok() );
    return reg.value().tasks;
  }

  QStringList strings( const QJsonArray &a )
  {
    QStringList out;
    for ( const QJsonValue &v : a )
      out << v.toString();
    return out;
  }

  //! What a feature keyed by GSO code \a code must show: the register's tasks naming it, in order.
  struct Expected
  {
    QStringList taskIds;
    RtStatusCounts counts;
  };
  Expected expectedFor( const QVector<RtTask> &tasks, const QString &place, const QDate &asOf )
  {
    Expected e;
    for ( const RtTask &t : tasks )
    {
      if ( !t.places.contains( place ) )
        continue;
      e.taskIds << t.id;
      e.counts.add( t.status, t.deadline.kind() == RtDeadline::Kind::Date && RtStatuses::isOverdue( t.status, t.deadline.date(), asOf ) );
    }
    return e;
  }

  QString sqlValue( const QString &gpkg, const QString &sql )
  {
    GDALDataset *ds = GDALDataset::Open( gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY );
    REQUIRE( ds );
    QString value;
    OGRLayer *rs = ds->ExecuteSQL( sql.toUtf8().constData(), nullptr, nullptr );
    if ( rs )
    {
      OGRFeature *f = rs->GetNextFeature();
      if ( f )
      {
        value = QString::fromUtf8( f->GetFieldAsString( 0 ) );
        OGRFeature::DestroyFeature( f );
      }
      ds->ReleaseResultSet( rs );
    }
    GDALClose( ds );
    return value;
  }

  void execSql( const QString &gpkg, const QString &sql )
  {
    GDALDataset *ds = GDALDataset::Open( gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE );
    REQUIRE( ds );
    OGRLayer *rs = ds->ExecuteSQL( sql.toUtf8().constData(), nullptr, nullptr );
    if ( rs )
      ds->ReleaseResultSet( rs );
    GDALClose( ds );
  }
}

TEST_CASE( "restrack join --json and --write on ward polygons keyed by GSO code", "[cli][join]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString reg = dir.filePath( QStringLiteral( "register.gpkg" ) );
  const Run built = restrack( { "build-register", "--out", reg, "--register", RtTestPaths::registerJson() } );
  INFO( built.err.toStdString() );
  REQUIRE( built.code == 0 );

  const QString gpkg = dir.filePath( QStringLiteral( "wards.gpkg" ) );
  const QVector<Ward> wards = sampleWards();
  writeWards( gpkg, "GPKG", "phuong_xa", wards, "ma_gso", "ten_phuong" );
  // A second layer in the same file: the layer must then be named.
  writeWards( gpkg, "GPKG", "other", { wards.first() }, "ma", "ten" );
  // A broken geometry blob on Ka Long: keys do not need it, and nothing may rewrite it.
  execSql( gpkg, QStringLiteral( "UPDATE phuong_xa SET geom = X'475000010B170000DEADBEEF' WHERE fid = 5" ) );
  const QString brokenBlob = sqlValue( gpkg, QStringLiteral( "SELECT hex(geom) FROM phuong_xa WHERE fid = 5" ) );
  REQUIRE( brokenBlob == QStringLiteral( "475000010B170000DEADBEEF" ) );

  const Run unnamed = restrack( { "join", "--db", reg, "--layer", gpkg, "--kind", "ward", "--fields", "ma_gso" } );
  CHECK( unnamed.code == 1 );
  CHECK( unnamed.err.contains( QStringLiteral( "several layers (phuong_xa, other)" ) ) );

  const QString layer = gpkg + QStringLiteral( "|layername=phuong_xa" );
  const QDate asOf( 2025, 6, 1 );
  const Run r = restrack( { "join", "--db", reg, "--layer", layer, "--kind", "ward", "--fields", "ma_gso", "--as-of", "2025-06-01", "--json" } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  const QJsonObject doc = r.json();
  const QJsonArray features = doc.value( "features" ).toArray();
  REQUIRE( features.size() == wards.size() );

  const QVector<RtTask> tasks = registerTasks();
  QSet<QString> layerCodes;
  for ( const Ward &w : wards )
    layerCodes.insert( w.code );
  int linked = 0;
  for ( int i = 0; i < wards.size(); ++i )
  {
    const QJsonObject f = features.at( i ).toObject();
    INFO( wards[i].code.toStdString() );
    CHECK( f.value( "fid" ).toInt() == i + 1 );
    CHECK( f.value( "key" ).toString() == wards[i].code );
    if ( wards[i].code == QLatin1String( "06745" ) )
    {
      CHECK( f.value( "status" ).toString() == QStringLiteral( "none" ) ); // ambiguous: counted for neither
      continue;
    }
    const Expected e = expectedFor( tasks, QStringLiteral( "ward:" ) + wards[i].code, asOf );
    const RtFeatureStatus status = RtJoin::aggregate( e.counts );
    CHECK( strings( f.value( "tasks" ).toArray() ) == e.taskIds );
    CHECK( f.value( "status" ).toString() == RtFeatureStatuses::code( status ) );
    CHECK( f.value( "status_label" ).toString() == RtFeatureStatuses::label( status, RtLang::Vi ) );
    CHECK( f.value( "share_done" ).toDouble() == RtJoin::shareDone( e.counts ) );
    linked += e.taskIds.isEmpty() ? 0 : 1;
  }
  CHECK( linked >= 4 ); // Hải Hòa, Trà Cổ, Bắc Sơn, Hải Tiến are all named by the register

  // Every ward link of the register to a code the layer lacks is listed, once per link.
  int expectedUnmatched = 0;
  for ( const RtTask &t : tasks )
    for ( const QString &p : t.places )
      if ( p.startsWith( QLatin1String( "ward:" ) ) && !layerCodes.contains( p.mid( 5 ) ) )
        ++expectedUnmatched;
  const QJsonArray unmatched = doc.value( "unmatched" ).toArray();
  CHECK( unmatched.size() == expectedUnmatched );
  REQUIRE( !unmatched.isEmpty() );
  CHECK( !layerCodes.contains( unmatched.first().toObject().value( "key" ).toString() ) );
  const QJsonArray ambiguous = doc.value( "ambiguous" ).toArray();
  REQUIRE( ambiguous.size() == 1 );
  CHECK( ambiguous.first().toObject().value( "key" ).toString() == QStringLiteral( "06745" ) );
  CHECK( ambiguous.first().toObject().value( "fids" ).toArray() == QJsonArray { 6, 7 } );

  // Text, Vietnamese by default, English on request.
  const Run text = restrack( { "join", "--db", reg, "--layer", layer, "--kind", "ward", "--fields", "ma_gso", "--as-of", "2025-06-01" } );
  REQUIRE( text.code == 0 );
  CHECK( text.out.contains( QStringLiteral( "KHÔNG KHỚP ĐỐI TƯỢNG NÀO (%1)" ).arg( expectedUnmatched ) ) );
  CHECK( text.out.contains( QStringLiteral( "ward:06745" ) ) );
  CHECK( text.out.contains( features.at( 0 ).toObject().value( "status_label" ).toString() ) );
  const Run english = restrack( { "join", "--db", reg, "--layer", layer, "--kind", "ward", "--fields", "ma_gso", "--as-of", "2025-06-01", "--lang", "en" } );
  REQUIRE( english.code == 0 );
  CHECK( english.out.contains( QStringLiteral( "MATCHED NO FEATURE (%1)" ).arg( expectedUnmatched ) ) );

  // --write: the same result in the layer's fields, geometries untouched.
  const Run written = restrack( { "join", "--db", reg, "--layer", layer, "--kind", "ward", "--fields", "ma_gso", "--as-of", "2025-06-01", "--write", "--json" } );
  INFO( written.err.toStdString() );
  REQUIRE( written.code == 0 );
  CHECK( written.json().value( "written" ).toBool() );
  for ( int i = 0; i < wards.size(); ++i )
  {
    const QJsonObject f = features.at( i ).toObject();
    const QString where = QStringLiteral( " FROM phuong_xa WHERE fid = %1" ).arg( i + 1 );
    CHECK( sqlValue( gpkg, QStringLiteral( "SELECT rt_status" ) + where ) == f.value( "status" ).toString() );
    CHECK( sqlValue( gpkg, QStringLiteral( "SELECT rt_tasks" ) + where ) == strings( f.value( "tasks" ).toArray() ).join( QLatin1Char( ',' ) ) );
    CHECK( sqlValue( gpkg, QStringLiteral( "SELECT rt_share_done" ) + where ).toDouble() == f.value( "share_done" ).toDouble() );
    CHECK( sqlValue( gpkg, QStringLiteral( "SELECT rt_as_of || ''" ) + where ) == QStringLiteral( "2025-06-01" ) );
  }
  CHECK( sqlValue( gpkg, QStringLiteral( "SELECT hex(geom) FROM phuong_xa WHERE fid = 5" ) ) == brokenBlob );
  CHECK( sqlValue( gpkg, QStringLiteral( "SELECT count(*) FROM phuong_xa WHERE geom IS NULL" ) ) == QStringLiteral( "0" ) );
  // Fields a stock QGIS reads with their types: text, real, text, date.
  {
    GDALDataset *ds = GDALDataset::Open( gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY );
    REQUIRE( ds );
    OGRFeatureDefn *defn = ds->GetLayerByName( "phuong_xa" )->GetLayerDefn();
    CHECK( defn->GetFieldDefn( defn->GetFieldIndex( "rt_status" ) )->GetType() == OFTString );
    CHECK( defn->GetFieldDefn( defn->GetFieldIndex( "rt_share_done" ) )->GetType() == OFTReal );
    CHECK( defn->GetFieldDefn( defn->GetFieldIndex( "rt_tasks" ) )->GetType() == OFTString );
    CHECK( defn->GetFieldDefn( defn->GetFieldIndex( "rt_as_of" ) )->GetType() == OFTDate );
    GDALClose( ds );
  }

  // A later date, written again over the existing fields: overdue tasks show (hết nhiệm kỳ is 31/12/2026).
  const Run later = restrack( { "join", "--db", reg, "--layer", layer, "--kind", "ward", "--fields", "ma_gso", "--as-of", "2027-03-01", "--write", "--json" } );
  REQUIRE( later.code == 0 );
  CHECK( sqlValue( gpkg, QStringLiteral( "SELECT rt_as_of || '' FROM phuong_xa WHERE fid = 1" ) ) == QStringLiteral( "2027-03-01" ) );
  const Expected laterHaiHoa = expectedFor( tasks, QStringLiteral( "ward:06742" ), QDate( 2027, 3, 1 ) );
  CHECK( sqlValue( gpkg, QStringLiteral( "SELECT rt_status FROM phuong_xa WHERE fid = 1" ) ) == RtFeatureStatuses::code( RtJoin::aggregate( laterHaiHoa.counts ) ) );
}

TEST_CASE( "restrack join --match name finds wards however the layer spells them", "[cli][join]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  // A register whose tasks name their wards rather than code them (as a spreadsheet would).
  const RtResult<RtRegisterFile> regFile = RtRegister::load( RtTestPaths::registerJson() );
  REQUIRE( regFile.ok() );
  const RtResult<RtImportReport> text = RtResolutionImporter::importFile( RtTestPaths::resolutionText(), regFile.value().term );
  REQUIRE( text.ok() );
  const QMap<QString, QString> names =
  {
    { "06742", QStringLiteral( "Hải Hòa" ) }, { "06721", QStringLiteral( "Trà Cổ" ) },
    { "06727", QStringLiteral( "Bắc Sơn" ) }, { "06733", QStringLiteral( "Hải Tiến" ) },
  };
  QVector<RtTask> tasks = regFile.value().tasks;
  for ( RtTask &t : tasks )
    for ( QString &p : t.places )
      if ( p.startsWith( QLatin1String( "ward:" ) ) && names.contains( p.mid( 5 ) ) )
        p = QStringLiteral( "ward:" ) + names.value( p.mid( 5 ) );
  RtDocumentInfo info;
  info.term = regFile.value().term;
  const QString reg = dir.filePath( QStringLiteral( "named.gpkg" ) );
  REQUIRE( RtStore::create( reg, text.value().resolution, tasks, info ).ok() );

  const QString gpkg = dir.filePath( QStringLiteral( "xa.gpkg" ) );
  QVector<Ward> wards = sampleWards().mid( 0, 4 );
  writeWards( gpkg, "GPKG", "dvhc", wards, "MA", "TEN_DVHC" );
  const Run r = restrack( { "join", "--db", reg, "--layer", gpkg, "--kind", "ward", "--fields", "TEN_DVHC", "--match", "name",
                            "--as-of", "2025-06-01", "--json" } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  const QJsonArray features = r.json().value( "features" ).toArray();
  REQUIRE( features.size() == 4 );
  for ( int i = 0; i < wards.size(); ++i )
  {
    INFO( wards[i].name.toStdString() );
    const Expected e = expectedFor( tasks, QStringLiteral( "ward:" ) + names.value( wards[i].code ), QDate( 2025, 6, 1 ) );
    REQUIRE( !e.taskIds.isEmpty() );
    CHECK( strings( features.at( i ).toObject().value( "tasks" ).toArray() ) == e.taskIds );
  }
  for ( const QJsonValue &u : r.json().value( "unmatched" ).toArray() )
    CHECK( !names.values().contains( u.toObject().value( "key" ).toString() ) );
}

TEST_CASE( "restrack join refuses a wrong CRS, a missing field, and --write outside GeoPackage", "[cli][join]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString reg = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( restrack( { "build-register", "--out", reg, "--register", RtTestPaths::registerJson() } ).code == 0 );

  // TM-3 numbers in a layer that says it is in degrees.
  const QString wrong = dir.filePath( QStringLiteral( "wrong.gpkg" ) );
  writeWards( wrong, "GPKG", "wards", sampleWards(), "gso_code", "name", 5899, 4326 );
  const Run crs = restrack( { "join", "--db", reg, "--layer", wrong, "--kind", "ward", "--fields", "gso_code" } );
  CHECK( crs.code == 1 );
  CHECK( crs.err.contains( QStringLiteral( "coordinates fit EPSG:5899 (VN-2000 / TM-3 107-45)" ) ) );
  CHECK( crs.err.contains( QStringLiteral( "the layer declares EPSG:4326" ) ) );
  CHECK( crs.out.isEmpty() );

  const QString good = dir.filePath( QStringLiteral( "good.gpkg" ) );
  writeWards( good, "GPKG", "wards", sampleWards(), "gso_code", "name" );
  const Run field = restrack( { "join", "--db", reg, "--layer", good, "--kind", "ward", "--fields", "ma_xa" } );
  CHECK( field.code == 1 );
  CHECK( field.err.contains( QStringLiteral( "no field 'ma_xa'" ) ) );
  CHECK( field.err.contains( QStringLiteral( "gso_code, name" ) ) );

  const Run kind = restrack( { "join", "--db", reg, "--layer", good, "--kind", "district", "--fields", "gso_code" } );
  CHECK( kind.code == 2 );

  // One transaction: when one row cannot be updated, no field is added and no row changes.
  const QString locked = dir.filePath( QStringLiteral( "locked.gpkg" ) );
  writeWards( locked, "GPKG", "wards", sampleWards(), "gso_code", "name" );
  execSql( locked, QStringLiteral( "CREATE TRIGGER wards_locked BEFORE UPDATE ON wards WHEN OLD.fid = 3 "
                                   "BEGIN SELECT RAISE(ABORT, 'row 3 is locked'); END" ) );
  const QByteArray lockedBefore = rtReadAll( locked );
  const Run refused = restrack( { "join", "--db", reg, "--layer", locked, "--kind", "ward", "--fields", "gso_code", "--write" } );
  CHECK( refused.code == 1 );
  CHECK( refused.err.contains( QStringLiteral( "row 3 is locked" ) ) );
  CHECK( refused.err.contains( QStringLiteral( "nothing was written" ) ) );
  CHECK( rtReadAll( locked ) == lockedBefore );

  // Written into, the layer is still a valid GeoPackage for GDAL's validator (columns added, rows updated in place).
  const Run written = restrack( { "join", "--db", reg, "--layer", good, "--kind", "ward", "--fields", "gso_code", "--write" } );
  INFO( written.err.toStdString() );
  REQUIRE( written.code == 0 );
  {
    const QString validator = QStringLiteral( "/usr/share/doc/python3-gdal/examples/validate_gpkg.py" );
    REQUIRE( QFileInfo::exists( validator ) ); // installed by scripts/install-deps.sh (python3-gdal)
    QProcess p;
    p.start( QStringLiteral( "/usr/bin/python3" ), { validator, good } );
    REQUIRE( p.waitForFinished( 60000 ) );
    INFO( QString::fromUtf8( p.readAllStandardOutput() + p.readAllStandardError() ).toStdString() );
    CHECK( p.exitCode() == 0 );
  }

  const QString geojson = dir.filePath( QStringLiteral( "wards.geojson" ) );
  writeWards( geojson, "GeoJSON", "wards", sampleWards(), "gso_code", "name", 4326, 4326 );
  const QByteArray before = rtReadAll( geojson );
  const Run plain = restrack( { "join", "--db", reg, "--layer", geojson, "--kind", "ward", "--fields", "gso_code", "--json" } );
  INFO( plain.err.toStdString() );
  CHECK( plain.code == 0 );
  CHECK( plain.json().value( "features" ).toArray().size() == sampleWards().size() );
  const Run write = restrack( { "join", "--db", reg, "--layer", geojson, "--kind", "ward", "--fields", "gso_code", "--write" } );
  CHECK( write.code == 1 );
  CHECK( write.err.contains( QStringLiteral( "GeoPackage" ) ) );
  CHECK( rtReadAll( geojson ) == before );
}

TEST_CASE( "the real register joins the Móng Cái sample layers: every ward, zone and site link lands", "[cli][join][real]" )
{
  const QString sample = RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg" );
  REQUIRE( QFileInfo::exists( sample ) );
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString reg = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( restrack( { "build-register", "--out", reg, "--register", RtTestPaths::registerJson() } ).code == 0 );
  const QByteArray before = rtReadAll( sample );
  const QVector<RtTask> tasks = registerTasks();
  const QDate asOf( 2025, 6, 1 );

  auto join = [&]( const char *layer, const char *kind, const char *field )
  {
    const Run r = restrack( { "join", "--db", reg, "--layer", sample + QStringLiteral( "|layername=" ) + QLatin1String( layer ),
                              "--kind", kind, "--fields", field, "--as-of", "2025-06-01", "--json" } );
    INFO( r.err.toStdString() );
    REQUIRE( r.code == 0 );
    return r.json();
  };
  auto statusOf = []( const QJsonObject &doc, const QString &key )
  {
    for ( const QJsonValue &f : doc.value( "features" ).toArray() )
      if ( f.toObject().value( "key" ).toString() == key )
        return f.toObject();
    return QJsonObject();
  };

  // Zone A3: its zoning plan is being prepared ("các quy hoạch phân khu còn lại"): in progress.
  const QJsonObject zones = join( "zones", "zone", "code" );
  CHECK( zones.value( "unmatched" ).toArray().isEmpty() );
  const QJsonObject a3 = statusOf( zones, QStringLiteral( "A3" ) );
  REQUIRE( !a3.isEmpty() );
  const Expected e = expectedFor( tasks, QStringLiteral( "zone:A3" ), asOf );
  CHECK( strings( a3.value( "tasks" ).toArray() ) == e.taskIds );
  CHECK( a3.value( "status" ).toString() == RtFeatureStatuses::code( RtJoin::aggregate( e.counts ) ) );
  CHECK( a3.value( "status" ).toString() == QStringLiteral( "in_progress" ) );

  // The 17 units of 2023 hold every ward the register names.
  const QJsonObject wards = join( "wards_2023", "ward", "gso_code" );
  CHECK( wards.value( "features" ).toArray().size() == 17 );
  CHECK( wards.value( "unmatched" ).toArray().isEmpty() );
  CHECK( wards.value( "ambiguous" ).toArray().isEmpty() );
  const QJsonObject haiHoa = statusOf( wards, QStringLiteral( "06742" ) );
  CHECK( strings( haiHoa.value( "tasks" ).toArray() ) == expectedFor( tasks, QStringLiteral( "ward:06742" ), asOf ).taskIds );

  // Sites are areas or lines: between the two layers every site link lands.
  QSet<QString> unmatchedSites[2];
  int layerIndex = 0;
  for ( const char *layer : { "sites", "site_lines" } )
  {
    for ( const QJsonValue &u : join( layer, "site", "site_id" ).value( "unmatched" ).toArray() )
      unmatchedSites[layerIndex].insert( u.toObject().value( "key" ).toString() );
    ++layerIndex;
  }
  CHECK( ( unmatchedSites[0] & unmatchedSites[1] ).isEmpty() );
  // Reading never writes.
  CHECK( rtReadAll( sample ) == before );
}

TEST_CASE( "tasks keyed by the communes of 2023 are reported by the units of 2025 through --key-map", "[cli][join][real]" )
{
  const QString sample = RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg" );
  REQUIRE( QFileInfo::exists( sample ) );
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString reg = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( restrack( { "build-register", "--out", reg, "--register", RtTestPaths::registerJson() } ).code == 0 );

  auto tasksOf = []( const QJsonObject &doc, const QString &key )
  {
    for ( const QJsonValue &f : doc.value( "features" ).toArray() )
      if ( f.toObject().value( "key" ).toString() == key )
        return strings( f.toObject().value( "tasks" ).toArray() );
    return QStringList();
  };
  const QString units2025 = sample + QStringLiteral( "|layername=wards_2025" );
  const Run mapped = restrack( { "join", "--db", reg, "--layer", units2025, "--kind", "ward", "--fields", "gso_code",
                                 "--key-map", sample + QStringLiteral( "|layername=wards_2023" ), "--key-map-fields", "gso_code,gso_code_2025",
                                 "--as-of", "2025-08-01", "--json" } );
  INFO( mapped.err.toStdString() );
  REQUIRE( mapped.code == 0 );
  const QJsonObject doc = mapped.json();
  CHECK( doc.value( "unmatched" ).toArray().isEmpty() );
  // Phường Móng Cái 2 (06709) took in Ninh Dương (06715) and Vạn Ninh (06748) ...
  const QStringList mc2 = tasksOf( doc, QStringLiteral( "06709" ) );
  CHECK( mc2.contains( QStringLiteral( "CM-LAND-NINHDUONG-1022" ) ) );
  CHECK( mc2.contains( QStringLiteral( "CM-LAND-THOIPHI" ) ) );
  // ... and Phường Móng Cái 1 (06712) Hải Hòa (06742) and Trà Cổ (06721).
  const QStringList mc1 = tasksOf( doc, QStringLiteral( "06712" ) );
  CHECK( mc1.contains( QStringLiteral( "CM-LAND-HAIHOA-KHU9" ) ) );
  CHECK( mc1.contains( QStringLiteral( "CM-HQ-QUANSU-TRACO" ) ) );
  CHECK_FALSE( mc1.contains( QStringLiteral( "CM-LAND-NINHDUONG-1022" ) ) );

  // Without the map, 2023 codes that 2025 units reuse would be misread: Ka Long's 06709 is
  // not Móng Cái 2, so Ninh Dương's tasks would be missing there and others unmatched.
  const Run plain = restrack( { "join", "--db", reg, "--layer", units2025, "--kind", "ward", "--fields", "gso_code",
                                "--as-of", "2025-08-01", "--json" } );
  REQUIRE( plain.code == 0 );
  CHECK_FALSE( tasksOf( plain.json(), QStringLiteral( "06709" ) ).contains( QStringLiteral( "CM-LAND-NINHDUONG-1022" ) ) );
  CHECK_FALSE( plain.json().value( "unmatched" ).toArray().isEmpty() );

  // --key-map without its fields is a usage error
  CHECK( restrack( { "join", "--db", reg, "--layer", units2025, "--kind", "ward", "--fields", "gso_code",
                     "--key-map", sample + QStringLiteral( "|layername=wards_2023" ) } ).code == 2 );
}
