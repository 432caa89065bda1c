// The plugin's key reader on a PostGIS layer of QGIS's PostgreSQL provider: read with COPY,
// the same keys, ids and key texts as QGIS's own features give (on the fixture's server).
#include "catch_compat.h"
#include "pgtestutil.h"

#include "rtkeyreader.h"

#include <qgsdatasourceuri.h>
#include <qgsfeedback.h>
#include <qgsvectorlayer.h>

#include <QTemporaryDir>
#include <QUrl>

#include <ogrsf_frmts.h>

#include <algorithm>

namespace
{
  struct Read
  {
    bool byCopy = false;
    bool byGdal = false;
    QMap<qint64, QPair<QStringList, QString>> byFid; //!< fid → key values, key text
  };

  Read readKeys( QgsVectorLayer *layer, const RtKeyBinding &binding )
  {
    RtResult<std::shared_ptr<RtKeyReader>> reader = RtKeyReader::prepare( layer, binding );
    INFO( reader.error().toStdString() );
    REQUIRE( reader.ok() );
    REQUIRE( reader.value()->read() );
    Read out;
    out.byCopy = reader.value()->readByCopy();
    out.byGdal = reader.value()->readByGdal();
    REQUIRE( reader.value()->keys.size() == reader.value()->keyTexts.size() );
    for ( int i = 0; i < reader.value()->keys.size(); ++i )
      out.byFid.insert( reader.value()->keys.at( i ).fid, qMakePair( reader.value()->keys.at( i ).values, reader.value()->keyTexts.at( i ) ) );
    return out;
  }
}

TEST_CASE( "a PostGIS layer's keys are read with COPY, the same as QGIS's features give", "[plugin][pg]" )
{
  if ( qEnvironmentVariableIsEmpty( "RT_TEST_PG_ENV" ) )
    qputenv( "RT_TEST_PG_ENV", RT_PG_TEST_ENV_FILE );
  RtTestPgDatabase db;
  REQUIRE( db.error().isEmpty() );
  REQUIRE( RtTestPgDatabase::execute( db.uri(), QStringLiteral(
    "CREATE TABLE parcels (fid serial PRIMARY KEY, commune integer, sheet integer, parcel text, geom geometry(Polygon, 5899));"
    "INSERT INTO parcels (commune, sheet, parcel, geom) SELECT 6700 + g % 50, g / 100, CASE WHEN g % 97 = 0 THEN NULL ELSE 'thửa\t' || g END, "
    "ST_Translate(ST_GeomFromText('POLYGON((0 0, 20 0, 20 20, 0 20, 0 0))', 5899), 521000 + g % 100 * 20, 2381000 + g / 100 * 20) "
    "FROM generate_series(1, 3000) g;" ) ).isEmpty() );
  const QUrl url( db.uri() );
  QgsDataSourceUri uri;
  uri.setConnection( url.host(), QString::number( url.port() ), url.path().mid( 1 ), url.userName(), url.password() );
  uri.setDataSource( QStringLiteral( "public" ), QStringLiteral( "parcels" ), QStringLiteral( "geom" ), QString(), QStringLiteral( "fid" ) );
  QgsVectorLayer layer( uri.uri( false ), QStringLiteral( "parcels" ), QStringLiteral( "postgres" ) );
  REQUIRE( layer.isValid() );

  RtKeyBinding binding;
  binding.kind = QStringLiteral( "parcel" );
  binding.match = RtKeyBinding::Match::Code;
  binding.fields = QStringList { QStringLiteral( "commune" ), QStringLiteral( "sheet" ), QStringLiteral( "parcel" ) };

  const Read copied = readKeys( &layer, binding );
  CHECK( copied.byCopy );
  // A filter makes the reader go through QGIS's features: the reference.
  REQUIRE( layer.setSubsetString( QStringLiteral( "fid > 0" ) ) );
  const Read provider = readKeys( &layer, binding );
  CHECK_FALSE( provider.byCopy );
  REQUIRE( provider.byFid.size() == 3000 );
  REQUIRE( copied.byFid.size() == provider.byFid.size() );
  CHECK( copied.byFid.keys() == provider.byFid.keys() );
  int differ = 0;
  for ( auto it = provider.byFid.cbegin(); it != provider.byFid.cend(); ++it )
    differ += copied.byFid.value( it.key() ) != it.value();
  CHECK( differ == 0 );
  // Spelled out: the commune code padded to 5 digits, the key text as the virtual field has it.
  CHECK( copied.byFid.value( 97 ).first == QStringList { QStringLiteral( "06747" ), QStringLiteral( "0" ), QString() } );
  CHECK( copied.byFid.value( 98 ).first == QStringList { QStringLiteral( "06748" ), QStringLiteral( "0" ), QStringLiteral( "thửa\t98" ) } );
  CHECK( copied.byFid.value( 98 ).second == QStringLiteral( "6748/0/thửa\t98" ) );

  // Unsaved edits: QGIS's features (the edit buffer) are read, not the server's rows.
  REQUIRE( layer.setSubsetString( QString() ) );
  REQUIRE( layer.startEditing() );
  REQUIRE( layer.changeAttributeValue( 98, layer.fields().indexOf( QStringLiteral( "parcel" ) ), QStringLiteral( "sửa" ) ) );
  const Read edited = readKeys( &layer, binding );
  CHECK_FALSE( edited.byCopy );
  CHECK( edited.byFid.value( 98 ).first.at( 2 ) == QStringLiteral( "sửa" ) );
  layer.rollBack();

  // Cancelled: no keys, and read() says so.
  RtResult<std::shared_ptr<RtKeyReader>> reader = RtKeyReader::prepare( &layer, binding );
  REQUIRE( reader.ok() );
  QgsFeedback feedback;
  feedback.cancel();
  CHECK_FALSE( reader.value()->read( &feedback ) );
}

TEST_CASE( "a GeoPackage layer's keys are read through GDAL's columnar stream, the same as QGIS's features give", "[plugin]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = dir.filePath( QStringLiteral( "thửa đất.gpkg" ) );
  {
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName( "GPKG" );
    REQUIRE( driver );
    std::unique_ptr<GDALDataset> ds( driver->Create( path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr ) );
    REQUIRE( ds );
    OGRSpatialReference srs;
    srs.importFromEPSG( 5899 );
    OGRLayer *layer = ds->CreateLayer( "parcels", &srs, wkbPolygon, nullptr );
    REQUIRE( layer );
    OGRFieldDefn commune( "commune", OFTInteger ), sheet( "sheet", OFTInteger ), parcel( "parcel", OFTString );
    REQUIRE( layer->CreateField( &commune ) == OGRERR_NONE );
    REQUIRE( layer->CreateField( &sheet ) == OGRERR_NONE );
    REQUIRE( layer->CreateField( &parcel ) == OGRERR_NONE );
    REQUIRE( layer->StartTransaction() == OGRERR_NONE );
    for ( int g = 1; g <= 3000; ++g )
    {
      OGRFeature f( layer->GetLayerDefn() );
      f.SetField( 0, 6700 + g % 50 );
      f.SetField( 1, g / 100 );
      if ( g % 97 != 0 )
        f.SetField( 2, QStringLiteral( "thửa %1" ).arg( g ).toUtf8().constData() );
      const double x = 521000 + g % 100 * 20, y = 2381000 + g / 100 * 20;
      OGRPolygon polygon;
      OGRLinearRing ring;
      ring.addPoint( x, y );
      ring.addPoint( x + 20, y );
      ring.addPoint( x + 20, y + 20 );
      ring.addPoint( x, y + 20 );
      ring.addPoint( x, y );
      polygon.addRing( &ring );
      f.SetGeometry( &polygon );
      REQUIRE( layer->CreateFeature( &f ) == OGRERR_NONE );
    }
    REQUIRE( layer->CommitTransaction() == OGRERR_NONE );
  }
  QgsVectorLayer layer( path + QStringLiteral( "|layername=parcels" ), QStringLiteral( "parcels" ), QStringLiteral( "ogr" ) );
  REQUIRE( layer.isValid() );
  RtKeyBinding binding;
  binding.kind = QStringLiteral( "parcel" );
  binding.match = RtKeyBinding::Match::Code;
  binding.fields = QStringList { QStringLiteral( "commune" ), QStringLiteral( "sheet" ), QStringLiteral( "parcel" ) };

  const Read direct = readKeys( &layer, binding );
  CHECK( direct.byGdal );
  CHECK_FALSE( direct.byCopy );
  REQUIRE( layer.setSubsetString( QStringLiteral( "fid > 0" ) ) );
  const Read provider = readKeys( &layer, binding );
  CHECK_FALSE( provider.byGdal );
  REQUIRE( provider.byFid.size() == 3000 );
  CHECK( direct.byFid.keys() == provider.byFid.keys() );
  int differ = 0;
  for ( auto it = provider.byFid.cbegin(); it != provider.byFid.cend(); ++it )
    differ += direct.byFid.value( it.key() ) != it.value();
  CHECK( differ == 0 );
  CHECK( direct.byFid.value( 97 ).first == QStringList { QStringLiteral( "06747" ), QStringLiteral( "0" ), QString() } );
  CHECK( direct.byFid.value( 98 ).second == QStringLiteral( "6748/0/thửa 98" ) );

  // Unsaved edits: QGIS's features are read.
  REQUIRE( layer.setSubsetString( QString() ) );
  REQUIRE( layer.startEditing() );
  REQUIRE( layer.changeAttributeValue( 98, layer.fields().indexOf( QStringLiteral( "parcel" ) ), QStringLiteral( "sửa" ) ) );
  const Read edited = readKeys( &layer, binding );
  CHECK_FALSE( edited.byGdal );
  CHECK( edited.byFid.value( 98 ).first.at( 2 ) == QStringLiteral( "sửa" ) );
  layer.rollBack();
}
