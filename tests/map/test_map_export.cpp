// The council-session export on the real register and the real sample layers: one A3
// landscape PDF page with the Vietnamese title and notices as text, a PNG in the status
// colours, statuses as of the date asked for, and the inputs left untouched.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtjoin.h"
#include "rtmapexport.h"
#include "rtmapstyle.h"
#include "rtsummary.h"
#include "rttasksasof.h"

#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

#include <gdal.h>
#include <gdal_alg.h>
#include <ogr_api.h>

#include <QFile>
#include <QImage>
#include <QRegularExpression>

#include <vector>

namespace
{
  const QDate sAsOf( 2026, 11, 26 );

  //! Pixels within \a tolerance of \a color in every channel.
  int countNear( const QImage &image, const QColor &color, int tolerance = 6 )
  {
    const QImage img = image.convertToFormat( QImage::Format_RGB32 );
    int n = 0;
    for ( int y = 0; y < img.height(); ++y )
    {
      const QRgb *line = reinterpret_cast<const QRgb *>( img.constScanLine( y ) );
      for ( int x = 0; x < img.width(); ++x )
        n += std::abs( qRed( line[x] ) - color.red() ) <= tolerance && std::abs( qGreen( line[x] ) - color.green() ) <= tolerance
             && std::abs( qBlue( line[x] ) - color.blue() ) <= tolerance;
    }
    return n;
  }

  //! The register and the summary the tests compare with, built once.
  struct Fixture
  {
    QTemporaryDir dir;
    QString registerPath;
    RtSummary summary;
    QVector<RtTask> tasks; //!< with their status as of sAsOf
    bool ok = false;

    Fixture()
    {
      registerPath = dir.filePath( QStringLiteral( "mongcai-172.gpkg" ) );
      if ( !RtMapTest::buildRegister( registerPath ) )
        return;
      RtResult<std::unique_ptr<RtStore>> store = RtStore::open( registerPath, false );
      if ( !store.ok() )
        return;
      const RtResult<QVector<RtTask>> tasks = RtTasksAsOf::read( *store.value(), sAsOf );
      if ( !tasks.ok() )
        return;
      summary = RtSummary::compute( tasks.value(), sAsOf );
      this->tasks = tasks.value();
      ok = true;
    }

    RtMapExportOptions options( const QString &out ) const
    {
      RtMapExportOptions o;
      o.registerPath = registerPath;
      o.layersPath = RtMapTest::layersPath();
      o.asOf = sAsOf;
      o.outputPath = out;
      return o;
    }
  };

  Fixture &fixture()
  {
    static Fixture f;
    return f;
  }

  QString pdfText( const QString &pdf )
  {
    return RtMapTest::run( QStringLiteral( "pdftotext" ), { QStringLiteral( "-layout" ), pdf, QStringLiteral( "-" ) } ).normalized( QString::NormalizationForm_C );
  }

  //! One unit of a ward table: its code, its name and its geometry (owned).
  struct Unit
  {
    QString code;
    QString name;
    std::shared_ptr<void> geometry; // OGRGeometryH
  };

  //! The features of \a table of the layers GeoPackage \a path, read with GDAL: \a fields' values, and the geometry.
  QVector<QStringList> readTable( const QString &path, const QString &table, const QStringList &fields, QVector<std::shared_ptr<void>> *geometries = nullptr )
  {
    QVector<QStringList> rows;
    GDALDatasetH ds = GDALOpenEx( path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr );
    if ( !ds )
      return rows;
    if ( OGRLayerH layer = GDALDatasetGetLayerByName( ds, table.toUtf8().constData() ) )
    {
      OGRFeatureH f = nullptr;
      while ( ( f = OGR_L_GetNextFeature( layer ) ) )
      {
        QStringList row;
        for ( const QString &field : fields )
        {
          const int i = OGR_F_GetFieldIndex( f, field.toUtf8().constData() );
          row << ( i >= 0 && OGR_F_IsFieldSetAndNotNull( f, i ) ? QString::fromUtf8( OGR_F_GetFieldAsString( f, i ) ) : QString() );
        }
        rows << row;
        if ( geometries )
          geometries->append( std::shared_ptr<void>( OGR_G_Clone( OGR_F_GetGeometryRef( f ) ), []( void *g ) { OGR_G_DestroyGeometry( g ); } ) );
        OGR_F_Destroy( f );
      }
    }
    GDALClose( ds );
    return rows;
  }

  //! The 2025 units of the layers GeoPackage (wards_2025).
  QVector<Unit> units2025( const QString &path )
  {
    QVector<std::shared_ptr<void>> geometries;
    const QVector<QStringList> rows = readTable( path, QStringLiteral( "wards_2025" ), { QStringLiteral( "gso_code" ), QStringLiteral( "name" ) }, &geometries );
    QVector<Unit> units;
    for ( int i = 0; i < rows.size(); ++i )
      units << Unit { rows.at( i ).at( 0 ), rows.at( i ).at( 1 ), geometries.at( i ) };
    return units;
  }

  //! The mapping the GeoPackage holds: 2023 GSO code → GSO code of the 2025 unit (wards_2023).
  QHash<QString, QString> unitMap( const QString &path )
  {
    QHash<QString, QString> map;
    for ( const QStringList &row : readTable( path, QStringLiteral( "wards_2023" ), { QStringLiteral( "gso_code" ), RtMapLayerSet::unitMapField() } ) )
      if ( !row.at( 1 ).isEmpty() )
        map.insert( row.at( 0 ), row.at( 1 ) );
    return map;
  }

  /**
   * What each 2025 unit must show, from the register and the mapping alone: the tasks of
   * the 2023 wards it absorbed, counted once per unit, through the aggregation rule.
   */
  QHash<QString, RtFeatureStatus> expectedByUnit( const QVector<RtTask> &tasks, const QHash<QString, QString> &map, const QDate &asOf )
  {
    QHash<QString, RtStatusCounts> counts;
    for ( const RtTask &t : tasks )
    {
      QSet<QString> units;
      for ( const QString &place : t.places )
        if ( place.startsWith( QLatin1String( "ward:" ) ) && map.contains( place.mid( 5 ) ) )
          units.insert( map.value( place.mid( 5 ) ) );
      const bool overdue = t.deadline.kind() == RtDeadline::Kind::Date && RtStatuses::isOverdue( t.status, t.deadline.date(), asOf );
      for ( const QString &u : units )
        counts[u].add( t.status, overdue );
    }
    QHash<QString, RtFeatureStatus> out;
    for ( auto it = counts.cbegin(); it != counts.cend(); ++it )
      out.insert( it.key(), RtJoin::aggregate( it.value() ) );
    return out;
  }

  //! A page of a geospatial PDF as an RGB raster, with the georeferencing QGIS wrote into it.
  struct PageRaster
  {
    int width = 0;
    int height = 0;
    double transform[6] = {};
    std::vector<unsigned char> rgb; // pixel-interleaved
  };

  bool readPdfRaster( const QString &pdf, int dpi, PageRaster &out )
  {
    const QByteArray dpiOption = "DPI=" + QByteArray::number( dpi );
    const char *options[] = { dpiOption.constData(), nullptr };
    const char *drivers[] = { "PDF", nullptr };
    GDALDatasetH ds = GDALOpenEx( pdf.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, drivers, options, nullptr );
    if ( !ds )
      return false;
    out.width = GDALGetRasterXSize( ds );
    out.height = GDALGetRasterYSize( ds );
    bool ok = GDALGetRasterCount( ds ) >= 3 && GDALGetGeoTransform( ds, out.transform ) == CE_None;
    if ( ok )
    {
      out.rgb.resize( static_cast<size_t>( out.width ) * out.height * 3 );
      int bands[] = { 1, 2, 3 };
      ok = GDALDatasetRasterIO( ds, GF_Read, 0, 0, out.width, out.height, out.rgb.data(), out.width, out.height, GDT_Byte, 3, bands,
                                3, 3 * out.width, 1 ) == CE_None;
    }
    GDALClose( ds );
    return ok;
  }

  //! The share of the page's pixels inside \a geometry (map coordinates) that are within \a tolerance of \a color.
  double shareOfColorIn( const PageRaster &page, void *geometry, const QColor &color, int tolerance = 6 )
  {
    GDALDatasetH mask = GDALCreate( GDALGetDriverByName( "MEM" ), "", page.width, page.height, 1, GDT_Byte, nullptr );
    if ( !mask )
      return -1;
    GDALSetGeoTransform( mask, const_cast<double *>( page.transform ) );
    int band = 1;
    double burn = 1;
    OGRGeometryH g = static_cast<OGRGeometryH>( geometry );
    double share = -1;
    if ( GDALRasterizeGeometries( mask, 1, &band, 1, &g, nullptr, nullptr, &burn, nullptr, nullptr, nullptr ) == CE_None )
    {
      std::vector<unsigned char> inside( static_cast<size_t>( page.width ) * page.height );
      if ( GDALRasterIO( GDALGetRasterBand( mask, 1 ), GF_Read, 0, 0, page.width, page.height, inside.data(), page.width, page.height, GDT_Byte, 0, 0 ) == CE_None )
      {
        size_t total = 0, near = 0;
        for ( size_t i = 0; i < inside.size(); ++i )
        {
          if ( !inside[i] )
            continue;
          ++total;
          const unsigned char *p = &page.rgb[i * 3];
          near += std::abs( p[0] - color.red() ) <= tolerance && std::abs( p[1] - color.green() ) <= tolerance
                  && std::abs( p[2] - color.blue() ) <= tolerance;
        }
        share = total > 0 ? static_cast<double>( near ) / total : -1;
      }
    }
    GDALClose( mask );
    return share;
  }

  //! "Phường Móng Cái 1" → "Móng Cái 1", as the map labels the units.
  QString labelOf( const QString &name )
  {
    QString label = name;
    return label.remove( QRegularExpression( QStringLiteral( "^(Phường |Xã |Thị trấn )" ) ) );
  }
}

TEST_CASE( "the PDF is one A3 landscape page whose text has the Vietnamese title, the counts and the notices", "[export]" )
{
  RtMapTest::requireLayers();
  Fixture &f = fixture();
  REQUIRE( f.ok );
  const QByteArray registerBefore = RtMapTest::sha256( f.registerPath );
  const QByteArray layersBefore = RtMapTest::sha256( RtMapTest::layersPath() );

  const QString pdf = f.dir.filePath( QStringLiteral( "council.pdf" ) );
  const RtResult<RtMapExportReport> report = RtMapExport::exportMap( f.options( pdf ) );
  INFO( report.error().toStdString() );
  REQUIRE( report.ok() );
  CHECK( report.value().overdue == f.summary.overdue.size() );
  CHECK( report.value().tasks == f.summary.total );

  const QString info = RtMapTest::run( QStringLiteral( "pdfinfo" ), { pdf } );
  INFO( info.toStdString() );
  CHECK( info.contains( QRegularExpression( QStringLiteral( "Pages:\\s+1\\n" ) ) ) );
  const QRegularExpressionMatch size = QRegularExpression( QStringLiteral( "Page size:\\s+([0-9.]+) x ([0-9.]+) pts" ) ).match( info );
  REQUIRE( size.hasMatch() );
  // A3 is 297 × 420 mm = 841.9 × 1190.6 pt; landscape: wider than high.
  CHECK( std::abs( size.captured( 1 ).toDouble() - 1190.55 ) < 1.5 );
  CHECK( std::abs( size.captured( 2 ).toDouble() - 841.89 ) < 1.5 );

  const QString text = pdfText( pdf );
  INFO( text.toStdString() );
  CHECK( text.contains( QStringLiteral( "Nghị quyết số 172/NQ-HĐND ngày 13/10/2023 — Tình hình thực hiện đến ngày 26/11/2026" ) ) );
  CHECK( text.contains( QStringLiteral( "Nhiệm vụ quá hạn (%1)" ).arg( f.summary.overdue.size() ) ) );
  CHECK( text.contains( QStringLiteral( "Tổng số nhiệm vụ" ) ) );
  CHECK( text.contains( QStringLiteral( "Chú giải / Legend" ) ) );
  CHECK( text.contains( QStringLiteral( "Nguồn: Nghị quyết 172/NQ-HĐND" ) ) );
  // The oldest overdue task is always listed, with its id.
  REQUIRE( !f.summary.overdue.isEmpty() );
  CHECK( text.contains( f.summary.overdue.first().id ) );
  // The sample's wards and zones are schematic: the notice must be there.
  CHECK( report.value().schematic );
  CHECK( text.contains( RtMapExport::schematicNotice() ) );
  CHECK( text.contains( QStringLiteral( "GSHHG 2.3.7" ) ) );
  // Map labels stay text too (a ward of the sample).
  CHECK( text.contains( QStringLiteral( "Trà Cổ" ) ) );

  // Neither input was written.
  CHECK( RtMapTest::sha256( f.registerPath ) == registerBefore );
  CHECK( RtMapTest::sha256( RtMapTest::layersPath() ) == layersBefore );
}

TEST_CASE( "the English export has the English title and keeps the bilingual notice", "[export]" )
{
  RtMapTest::requireLayers();
  Fixture &f = fixture();
  REQUIRE( f.ok );
  const QString pdf = f.dir.filePath( QStringLiteral( "council-en.pdf" ) );
  RtMapExportOptions o = f.options( pdf );
  o.lang = RtLang::En;
  const RtResult<RtMapExportReport> report = RtMapExport::exportMap( o );
  INFO( report.error().toStdString() );
  REQUIRE( report.ok() );
  const QString text = pdfText( pdf );
  CHECK( text.contains( QStringLiteral( "Resolution No. 172/NQ-HĐND of 13/10/2023 — Progress as of 26/11/2026" ) ) );
  CHECK( text.contains( QStringLiteral( "Overdue tasks (%1)" ).arg( f.summary.overdue.size() ) ) );
  CHECK( text.contains( RtMapExport::schematicNotice() ) );
}

TEST_CASE( "restrack export writes a PNG in the status colours of the date asked for", "[export][cli]" )
{
  RtMapTest::requireLayers();
  Fixture &f = fixture();
  REQUIRE( f.ok );
  const QString layersBefore = QString::fromLatin1( RtMapTest::sha256( RtMapTest::layersPath() ) );
  auto exportPng = [&]( const QString &date, const QStringList &extra ) -> QImage
  {
    const QString png = f.dir.filePath( QStringLiteral( "council-%1%2.png" ).arg( date, extra.join( QString() ) ) );
    int rc = -1;
    QString errors;
    const QString out = RtMapTest::run( RtTestPaths::cliExecutable(),
                                        QStringList { QStringLiteral( "export" ), QStringLiteral( "--db" ), f.registerPath,
                                                      QStringLiteral( "--layers" ), RtMapTest::layersPath(), QStringLiteral( "--as-of" ), date,
                                                      QStringLiteral( "--out" ), png } + extra, &rc, &errors );
    INFO( out.toStdString() << errors.toStdString() );
    CHECK( rc == 0 );
    CHECK( out.contains( QStringLiteral( "wrote " ) + png ) );
    return QImage( png );
  };

  const QImage now = exportPng( QStringLiteral( "2026-11-26" ), {} );
  REQUIRE( !now.isNull() );
  // A3 landscape at 150 dpi.
  CHECK( std::abs( now.width() - 2480 ) <= 2 );
  CHECK( std::abs( now.height() - 1754 ) <= 2 );
  const int pixels = now.width() * now.height();
  // Not blank: most of the page is map, land and sea, not white paper.
  CHECK( countNear( now, QColor( Qt::white ), 3 ) < pixels * 0.5 );

  const int overdueNow = countNear( now, RtMapStyle::statusColor( RtFeatureStatus::Overdue ) );
  const int inProgressNow = countNear( now, RtMapStyle::statusColor( RtFeatureStatus::InProgress ) );
  CHECK( overdueNow > pixels / 200 );
  CHECK( inProgressNow > pixels / 200 );

  // On the resolution's own day nothing is overdue: only the legend-table swatch keeps the colour.
  const QImage first = exportPng( QStringLiteral( "2023-10-13" ), {} );
  REQUIRE( !first.isNull() );
  const int overdueFirst = countNear( first, RtMapStyle::statusColor( RtFeatureStatus::Overdue ) );
  INFO( "overdue pixels: " << overdueNow << " on 2026-11-26, " << overdueFirst << " on 2023-10-13" );
  CHECK( overdueNow > 10 * std::max( 1, overdueFirst ) );

  // The print variant hatches instead of filling: far fewer pixels of the pure colours.
  const QImage print = exportPng( QStringLiteral( "2026-11-26" ), { QStringLiteral( "--print" ) } );
  REQUIRE( !print.isNull() );
  CHECK( countNear( print, RtMapStyle::statusColor( RtFeatureStatus::InProgress ) ) < inProgressNow / 4 );

  CHECK( QString::fromLatin1( RtMapTest::sha256( RtMapTest::layersPath() ) ) == layersBefore );
}

TEST_CASE( "restrack export without --db and --layers uses the bundled register and layers", "[export][cli]" )
{
  RtMapTest::requireLayers();
  QTemporaryDir dir;
  const QString pdf = dir.filePath( QStringLiteral( "bundled.pdf" ) );
  int rc = -1;
  QString errors;
  const QString out = RtMapTest::run( RtTestPaths::cliExecutable(),
                                      { QStringLiteral( "export" ), QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ), QStringLiteral( "--out" ), pdf },
                                      &rc, &errors );
  INFO( out.toStdString() << errors.toStdString() );
  REQUIRE( rc == 0 );
  CHECK( pdfText( pdf ).contains( QStringLiteral( "Tình hình thực hiện đến ngày 26/11/2026" ) ) );
}

TEST_CASE( "a second city is data only: its CRS, its map labels and its name come from its city file", "[export][cli][city]" )
{
  // TEST DATA: an invented city (tests/data/testcity/README.md), its register and layers.
  const QString city = RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/testcity/" );
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString gpkg = dir.filePath( QStringLiteral( "mau.gpkg" ) );
  int rc = -1;
  QString errors;
  RtMapTest::run( RtTestPaths::cliExecutable(), { QStringLiteral( "build-register" ), QStringLiteral( "--register" ), city + QStringLiteral( "register.json" ),
                  QStringLiteral( "--out" ), gpkg }, &rc, &errors );
  INFO( errors.toStdString() );
  REQUIRE( rc == 0 );
  const QString pdf = dir.filePath( QStringLiteral( "mau.pdf" ) );
  const QString out = RtMapTest::run( RtTestPaths::cliExecutable(),
                                      { QStringLiteral( "export" ), QStringLiteral( "--db" ), gpkg, QStringLiteral( "--layers" ), city + QStringLiteral( "units.gpkg" ),
                                        QStringLiteral( "--city" ), city + QStringLiteral( "city.json" ), QStringLiteral( "--as-of" ), QStringLiteral( "2024-12-31" ),
                                        QStringLiteral( "--out" ), pdf }, &rc, &errors );
  INFO( out.toStdString() << errors.toStdString() );
  REQUIRE( rc == 0 );
  const QString text = pdfText( pdf );
  INFO( text.toStdString() );
  CHECK( text.contains( QStringLiteral( "SÔNG MẪU" ) ) );           // its map label
  CHECK( text.contains( QStringLiteral( "(EPSG:9210)" ) ) );        // its CRS in the sources line
  CHECK( text.contains( QStringLiteral( "Nghị quyết 05/NQ-HĐND" ) ) );
  // Nothing of Móng Cái's.
  CHECK_FALSE( text.contains( QStringLiteral( "TRUNG QUỐC" ) ) );
  CHECK_FALSE( text.contains( QStringLiteral( "5899" ) ) );
  // A city file that is not there is refused, naming it, and writes nothing.
  const QString missing = dir.filePath( QStringLiteral( "none.pdf" ) );
  RtMapTest::run( RtTestPaths::cliExecutable(), { QStringLiteral( "export" ), QStringLiteral( "--db" ), gpkg, QStringLiteral( "--city" ), dir.filePath( QStringLiteral( "nowhere.json" ) ),
                  QStringLiteral( "--as-of" ), QStringLiteral( "2024-12-31" ), QStringLiteral( "--out" ), missing }, &rc, &errors );
  CHECK( rc != 0 );
  CHECK( errors.contains( QStringLiteral( "nowhere.json: no such city file" ) ) );
  CHECK_FALSE( QFileInfo::exists( missing ) );
}

TEST_CASE( "layers declared in the wrong CRS are named, with the CRS that fits", "[export]" )
{
  RtMapTest::requireLayers();
  Fixture &f = fixture();
  REQUIRE( f.ok );
  // The classic mistake: TM-3 coordinates (EPSG:5899) declared as UTM 48N (EPSG:3405).
  const QString wrong = f.dir.filePath( QStringLiteral( "wrong-crs.gpkg" ) );
  int rc = -1;
  RtMapTest::run( QStringLiteral( "ogr2ogr" ), { QStringLiteral( "-f" ), QStringLiteral( "GPKG" ), QStringLiteral( "-a_srs" ), QStringLiteral( "EPSG:3405" ),
                  wrong, RtMapTest::layersPath() }, &rc );
  REQUIRE( rc == 0 );
  RtMapExportOptions o = f.options( f.dir.filePath( QStringLiteral( "wrong-crs.png" ) ) );
  o.layersPath = wrong;
  o.dpi = 50;
  const RtResult<RtMapExportReport> r = RtMapExport::exportMap( o );
  REQUIRE( r.ok() );
  const QString warnings = r.value().warnings.join( QLatin1Char( '\n' ) );
  INFO( warnings.toStdString() );
  CHECK( warnings.contains( QStringLiteral( "table 'wards_2023'" ) ) );
  CHECK( warnings.contains( QStringLiteral( "fit EPSG:5899" ) ) );
}

TEST_CASE( "the export refuses what it cannot do, and writes nothing", "[export]" )
{
  Fixture &f = fixture();
  REQUIRE( f.ok );
  RtMapTest::requireLayers();
  const QString layers = RtMapTest::layersPath();

  SECTION( "an output that is neither PDF nor PNG" )
  {
    RtMapExportOptions o = f.options( f.dir.filePath( QStringLiteral( "map.jpg" ) ) );
    o.layersPath = layers;
    const RtResult<RtMapExportReport> r = RtMapExport::exportMap( o );
    REQUIRE( !r.ok() );
    CHECK( r.error().contains( QStringLiteral( ".pdf or .png" ) ) );
    CHECK( !QFileInfo::exists( o.outputPath ) );
  }
  SECTION( "a date before the resolution" )
  {
    RtMapExportOptions o = f.options( f.dir.filePath( QStringLiteral( "early.pdf" ) ) );
    o.layersPath = layers;
    o.asOf = QDate( 2023, 1, 1 );
    const RtResult<RtMapExportReport> r = RtMapExport::exportMap( o );
    REQUIRE( !r.ok() );
    // The one rule of the panel and the CLI (RtTasksAsOf): refused, naming the resolution's date.
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( f.registerPath, false );
    REQUIRE( store.ok() );
    const QString expected = RtTasksAsOf::check( store.value()->document(), o.asOf ).error();
    CHECK( r.error() == expected );
    CHECK( r.error().contains( QStringLiteral( "before the resolution (172/NQ-HĐND) of 2023-10-13" ) ) );
    CHECK( !QFileInfo::exists( o.outputPath ) );
    int rc = -1;
    QString errors;
    RtMapTest::run( RtTestPaths::cliExecutable(), { QStringLiteral( "export" ), QStringLiteral( "--db" ), f.registerPath, QStringLiteral( "--as-of" ),
                    QStringLiteral( "2023-01-01" ), QStringLiteral( "--out" ), o.outputPath }, &rc, &errors );
    CHECK( rc == 1 );
    CHECK( errors.trimmed() == QStringLiteral( "restrack: " ) + expected );
    CHECK( !QFileInfo::exists( o.outputPath ) );
  }
  SECTION( "a layers file that does not exist" )
  {
    RtMapExportOptions o = f.options( f.dir.filePath( QStringLiteral( "nolayers.pdf" ) ) );
    o.layersPath = f.dir.filePath( QStringLiteral( "missing.gpkg" ) );
    const RtResult<RtMapExportReport> r = RtMapExport::exportMap( o );
    REQUIRE( !r.ok() );
    CHECK( r.error().contains( QStringLiteral( "missing.gpkg" ) ) );
    CHECK( !QFileInfo::exists( o.outputPath ) );
  }
  SECTION( "restrack export without --out is a usage error" )
  {
    int rc = -1;
    QString errors;
    RtMapTest::run( RtTestPaths::cliExecutable(), { QStringLiteral( "export" ), QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ) }, &rc, &errors );
    CHECK( rc == 2 );
    CHECK( errors.contains( QStringLiteral( "--out" ) ) );
  }
}

TEST_CASE( "the export by the 2025 units colours and names wards_2025 from the 2023 tasks through the mapping", "[export][units]" )
{
  RtMapTest::requireLayers();
  Fixture &f = fixture();
  REQUIRE( f.ok );
  const QString layers = RtMapTest::layersPath();
  const QByteArray layersBefore = RtMapTest::sha256( layers );
  const QVector<Unit> units = units2025( layers );
  REQUIRE( !units.isEmpty() );
  const QHash<QString, QString> map = unitMap( layers );
  REQUIRE( !map.isEmpty() );
  const QHash<QString, RtFeatureStatus> expected = expectedByUnit( f.tasks, map, sAsOf );

  // The unit to look at: the one that absorbed the first 2023 ward with an in-progress task.
  QString absorbing;
  for ( const RtTask &t : f.tasks )
  {
    if ( t.status != RtStatus::InProgress )
      continue;
    for ( const QString &place : t.places )
      if ( absorbing.isEmpty() && place.startsWith( QLatin1String( "ward:" ) ) && map.contains( place.mid( 5 ) ) )
        absorbing = map.value( place.mid( 5 ) );
  }
  REQUIRE( !absorbing.isEmpty() );
  REQUIRE( expected.contains( absorbing ) );

  // The data: every 2025 unit carries the status the rule gives its absorbed wards' tasks.
  RtMapExportOptions o = f.options( f.dir.filePath( QStringLiteral( "council-2025.pdf" ) ) );
  o.units = 2025;
  {
    RtResult<RtMapExportData> data = RtMapExport::prepare( o );
    INFO( data.error().toStdString() );
    REQUIRE( data.ok() );
    CHECK( data.value().layers.units == 2025 );
    INFO( data.value().warnings.join( QLatin1Char( '\n' ) ).toStdString() );
    // The bundled mapping covers every 2023 ward the register names.
    CHECK( !data.value().warnings.join( QLatin1Char( '\n' ) ).contains( QStringLiteral( "no 2025 unit" ) ) );
    RtMapLayer *wards2025 = data.value().layers.find( RtMapStyle::LayerKind::Wards2025 );
    REQUIRE( wards2025 );
    REQUIRE( wards2025->layer );
    QgsFeatureIterator it = wards2025->layer->getFeatures();
    QgsFeature feature;
    int seen = 0;
    while ( it.nextFeature( feature ) )
    {
      const QString code = feature.attribute( QStringLiteral( "gso_code" ) ).toString();
      INFO( "unit " << code.toStdString() );
      CHECK( feature.attribute( QStringLiteral( "rt_status" ) ).toString()
             == RtFeatureStatuses::code( expected.value( code, RtFeatureStatus::None ) ) );
      ++seen;
    }
    CHECK( seen == units.size() );
  }

  // The PDF: the 2025 units named on the map, the units said in the subtitle and legend.
  const RtResult<RtMapExportReport> report = RtMapExport::exportMap( o );
  INFO( report.error().toStdString() );
  REQUIRE( report.ok() );
  CHECK( report.value().tasks == f.summary.total );
  const QString text = pdfText( o.outputPath );
  INFO( text.toStdString() );
  for ( const Unit &u : units )
    CHECK( text.contains( labelOf( u.name ) ) );
  CHECK( text.contains( QStringLiteral( "Đơn vị hành chính 2025 (từ 1/7/2025)" ) ) );
  CHECK( text.contains( QStringLiteral( "Đơn vị hành chính 2025 / Administrative unit 2025" ) ) );
  CHECK( text.contains( RtMapLayerSet::unitMapField() ) ); // the sources say how the units were counted
  CHECK( text.contains( RtMapExport::schematicNotice() ) );

  // The colours: inside each 2025 unit, its expected status colour is the one the page shows most.
  PageRaster page;
  REQUIRE( readPdfRaster( o.outputPath, 100, page ) );
  const QVector<RtFeatureStatus> statuses = { RtFeatureStatus::Overdue, RtFeatureStatus::Blocked, RtFeatureStatus::NotStarted, RtFeatureStatus::InProgress,
                                              RtFeatureStatus::Done, RtFeatureStatus::Dropped, RtFeatureStatus::NoReport };
  bool checkedAbsorbing = false;
  for ( const Unit &u : units )
  {
    const RtFeatureStatus want = expected.value( u.code, RtFeatureStatus::None );
    QMap<double, RtFeatureStatus> byShare;
    for ( RtFeatureStatus s : statuses )
      byShare.insert( shareOfColorIn( page, u.geometry.get(), RtMapStyle::statusColor( s ) ), s );
    INFO( "unit " << u.code.toStdString() << " " << u.name.toStdString() << ": expected " << RtFeatureStatuses::code( want ).toStdString()
          << ", most shown " << RtFeatureStatuses::code( byShare.last() ).toStdString() << " (" << byShare.lastKey() << ")" );
    if ( want == RtFeatureStatus::None )
    {
      CHECK( byShare.lastKey() < 0.1 ); // no status colour: land and outlines only
      continue;
    }
    CHECK( byShare.last() == want );
    CHECK( byShare.lastKey() > 0.4 );
    checkedAbsorbing = checkedAbsorbing || u.code == absorbing;
  }
  CHECK( checkedAbsorbing );

  // In English, the units are said in English.
  RtMapExportOptions en = f.options( f.dir.filePath( QStringLiteral( "council-2025-en.pdf" ) ) );
  en.units = 2025;
  en.lang = RtLang::En;
  const RtResult<RtMapExportReport> enReport = RtMapExport::exportMap( en );
  INFO( enReport.error().toStdString() );
  REQUIRE( enReport.ok() );
  const QString enText = pdfText( en.outputPath );
  CHECK( enText.contains( QStringLiteral( "Administrative units 2025 (from 1/7/2025)" ) ) );
  CHECK( enText.contains( QStringLiteral( "Resolution No. 172/NQ-HĐND of 13/10/2023 — Progress as of 26/11/2026" ) ) );

  CHECK( RtMapTest::sha256( layers ) == layersBefore );
}

TEST_CASE( "the export by the 2025 units names a 2023 code the mapping lacks and does not guess its unit", "[export][units]" )
{
  RtMapTest::requireLayers();
  Fixture &f = fixture();
  REQUIRE( f.ok );
  const QString layers = RtMapTest::layersPath();
  QSet<QString> codes2025;
  for ( const Unit &u : units2025( layers ) )
    codes2025.insert( u.code );

  // A ward a task names, preferably one whose 2023 code is also a 2025 code: kept as it is,
  // such a code would land on a 2025 unit by coincidence.
  QStringList wardCodes;
  for ( const RtTask &t : f.tasks )
    for ( const QString &place : t.places )
      if ( place.startsWith( QLatin1String( "ward:" ) ) && !wardCodes.contains( place.mid( 5 ) ) )
        wardCodes << place.mid( 5 );
  REQUIRE( !wardCodes.isEmpty() );
  std::sort( wardCodes.begin(), wardCodes.end() );
  QString lacking = wardCodes.first();
  for ( const QString &c : std::as_const( wardCodes ) )
    if ( codes2025.contains( c ) )
    {
      lacking = c;
      break;
    }
  // The tasks that reach the 2025 map through that code only.
  QStringList onlyThere;
  for ( const RtTask &t : f.tasks )
  {
    QStringList wards;
    for ( const QString &place : t.places )
      if ( place.startsWith( QLatin1String( "ward:" ) ) )
        wards << place.mid( 5 );
    if ( wards == QStringList { lacking } )
      onlyThere << t.id;
  }

  // A copy of the layers whose mapping field lacks that code, written with GDAL.
  QTemporaryDir dir;
  const QString copy = dir.filePath( QStringLiteral( "mapping-gap.gpkg" ) );
  REQUIRE( QFile::copy( layers, copy ) );
  QFile::setPermissions( copy, QFile::ReadOwner | QFile::WriteOwner );
  {
    GDALDatasetH ds = GDALOpenEx( copy.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr );
    REQUIRE( ds );
    const QByteArray sql = QStringLiteral( "UPDATE wards_2023 SET %1 = NULL WHERE gso_code = '%2'" ).arg( RtMapLayerSet::unitMapField(), lacking ).toUtf8();
    OGRLayerH result = GDALDatasetExecuteSQL( ds, sql.constData(), nullptr, nullptr );
    if ( result )
      GDALDatasetReleaseResultSet( ds, result );
    GDALClose( ds );
  }
  REQUIRE( !unitMap( copy ).contains( lacking ) );
  REQUIRE( unitMap( copy ).size() == unitMap( layers ).size() - 1 );

  RtMapExportOptions o = f.options( f.dir.filePath( QStringLiteral( "mapping-gap.png" ) ) );
  o.layersPath = copy;
  o.units = 2025;
  o.dpi = 50;
  RtResult<RtMapExportData> data = RtMapExport::prepare( o );
  INFO( data.error().toStdString() );
  REQUIRE( data.ok() );
  const QString warnings = data.value().warnings.join( QLatin1Char( '\n' ) );
  INFO( "lacking " << lacking.toStdString() << "; warnings:\n" << warnings.toStdString() );
  const QStringList named = data.value().warnings.filter( QStringLiteral( "ward %1 (2023)" ).arg( lacking ) );
  REQUIRE( named.size() == 1 );
  CHECK( named.first().contains( RtMapLayerSet::unitMapField() ) );
  for ( const RtTask &t : f.tasks )
    if ( t.places.contains( QStringLiteral( "ward:" ) + lacking ) )
      CHECK( named.first().contains( t.id ) );
  // Not guessed: a task linked through that code only is on no 2025 unit.
  RtMapLayer *wards2025 = data.value().layers.find( RtMapStyle::LayerKind::Wards2025 );
  REQUIRE( wards2025 );
  QgsFeatureIterator it = wards2025->layer->getFeatures();
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
  {
    const QStringList onUnit = feature.attribute( QStringLiteral( "rt_tasks" ) ).toString().split( QLatin1Char( ',' ), Qt::SkipEmptyParts );
    for ( const QString &id : std::as_const( onlyThere ) )
      CHECK( !onUnit.contains( id ) );
  }
  // The export goes on, and its report carries the warning.
  const RtResult<RtMapExportReport> report = RtMapExport::render( data.value() );
  INFO( report.error().toStdString() );
  REQUIRE( report.ok() );
  CHECK( report.value().warnings.filter( QStringLiteral( "ward %1 (2023)" ).arg( lacking ) ).size() == 1 );

  // restrack export says it on stderr, and still writes the map.
  const QString png = f.dir.filePath( QStringLiteral( "mapping-gap-cli.png" ) );
  int rc = -1;
  QString errors;
  const QString out = RtMapTest::run( RtTestPaths::cliExecutable(),
                                      { QStringLiteral( "export" ), QStringLiteral( "--db" ), f.registerPath, QStringLiteral( "--layers" ), copy,
                                        QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ), QStringLiteral( "--out" ), png,
                                        QStringLiteral( "--dpi" ), QStringLiteral( "50" ), QStringLiteral( "--units" ), QStringLiteral( "2025" ) },
                                      &rc, &errors );
  INFO( out.toStdString() << errors.toStdString() );
  CHECK( rc == 0 );
  CHECK( errors.contains( QStringLiteral( "warning: ward %1 (2023)" ).arg( lacking ) ) );
  CHECK( out.contains( QStringLiteral( "by the 2025 units" ) ) );
  CHECK( QFileInfo::exists( png ) );
}

TEST_CASE( "restrack export --units takes 2023 or 2025 only and 2023 stays the default map", "[export][units][cli]" )
{
  RtMapTest::requireLayers();
  Fixture &f = fixture();
  REQUIRE( f.ok );
  int rc = -1;
  QString errors;
  RtMapTest::run( RtTestPaths::cliExecutable(),
                  { QStringLiteral( "export" ), QStringLiteral( "--db" ), f.registerPath, QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ),
                    QStringLiteral( "--out" ), f.dir.filePath( QStringLiteral( "units-2024.pdf" ) ), QStringLiteral( "--units" ), QStringLiteral( "2024" ) },
                  &rc, &errors );
  CHECK( rc == 2 );
  CHECK( errors.contains( QStringLiteral( "--units" ) ) );
  CHECK( !QFileInfo::exists( f.dir.filePath( QStringLiteral( "units-2024.pdf" ) ) ) );

  // Through the API too, and nothing is written.
  RtMapExportOptions o = f.options( f.dir.filePath( QStringLiteral( "units-2024-api.pdf" ) ) );
  o.units = 2024;
  const RtResult<RtMapExportReport> r = RtMapExport::exportMap( o );
  REQUIRE( !r.ok() );
  CHECK( r.error().contains( QStringLiteral( "2023 or 2025" ) ) );
  CHECK( !QFileInfo::exists( o.outputPath ) );

  // --units 2023 is the default map: the 2023 wards coloured, no word of the 2025 units.
  const QString pdf = f.dir.filePath( QStringLiteral( "units-2023.pdf" ) );
  const QString out = RtMapTest::run( RtTestPaths::cliExecutable(),
                                      { QStringLiteral( "export" ), QStringLiteral( "--db" ), f.registerPath, QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ),
                                        QStringLiteral( "--out" ), pdf, QStringLiteral( "--units" ), QStringLiteral( "2023" ) },
                                      &rc, &errors );
  INFO( out.toStdString() << errors.toStdString() );
  REQUIRE( rc == 0 );
  const QString text = pdfText( pdf );
  CHECK( text.contains( QStringLiteral( "Phường, xã (2023) / Ward or commune (2023)" ) ) );
  CHECK( !text.contains( QStringLiteral( "Đơn vị hành chính 2025" ) ) );
  CHECK( text.contains( QStringLiteral( "Trà Cổ" ) ) );
}

TEST_CASE( "the map says which tasks colour a place and --with-directives counts the directive items too", "[export][placerule]" )
{
  RtMapTest::requireLayers();
  Fixture &f = fixture();
  REQUIRE( f.ok );
  // A register where A3's own plan is approved while the broad directive 4.1 (5)(i1) naming it has no report.
  QTemporaryDir dir;
  const QString db = dir.filePath( QStringLiteral( "a3-done.gpkg" ) );
  REQUIRE( QFile::copy( f.registerPath, db ) );
  QFile::setPermissions( db, QFile::ReadOwner | QFile::WriteOwner );
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( db, true );
    REQUIRE( store.ok() );
    RtStatusChange change;
    change.taskId = QStringLiteral( "CM-QHPK-A3" );
    change.newStatus = RtStatus::Done;
    change.by = QStringLiteral( "Phòng QLĐT" );
    change.date = QDate( 2024, 6, 20 );
    const RtStatusResult done = store.value()->setStatus( change );
    INFO( done.error().toStdString() );
    REQUIRE( done.ok() );
  }
  auto a3Status = [&]( bool withDirectives )
  {
    RtMapExportOptions o = f.options( dir.filePath( QStringLiteral( "unused.pdf" ) ) );
    o.registerPath = db;
    o.withDirectives = withDirectives;
    RtResult<RtMapExportData> data = RtMapExport::prepare( o );
    INFO( data.error().toStdString() );
    REQUIRE( data.ok() );
    RtMapLayer *zones = data.value().layers.find( RtMapStyle::LayerKind::Zones );
    REQUIRE( zones );
    QgsFeatureIterator it = zones->layer->getFeatures();
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
      if ( feature.attribute( QStringLiteral( "code" ) ).toString() == QLatin1String( "A3" ) )
        return feature.attribute( QStringLiteral( "rt_status" ) ).toString();
    return QString();
  };
  CHECK( a3Status( false ) == QStringLiteral( "done" ) );
  CHECK( a3Status( true ) == QStringLiteral( "in_progress" ) );

  // The map states the rule it used, under the legend.
  for ( bool withDirectives : { false, true } )
  {
    const QString pdf = dir.filePath( withDirectives ? QStringLiteral( "all.pdf" ) : QStringLiteral( "commitments.pdf" ) );
    QStringList args { QStringLiteral( "export" ), QStringLiteral( "--db" ), db, QStringLiteral( "--layers" ), RtMapTest::layersPath(),
                       QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ), QStringLiteral( "--out" ), pdf, QStringLiteral( "--lang" ), QStringLiteral( "en" ) };
    if ( withDirectives )
      args << QStringLiteral( "--with-directives" );
    int rc = -1;
    QString errors;
    RtMapTest::run( RtTestPaths::cliExecutable(), args, &rc, &errors );
    INFO( errors.toStdString() );
    REQUIRE( rc == 0 );
    // Reading order, not layout: the rule's wrapped lines stay together.
    const QString text = RtMapTest::run( QStringLiteral( "pdftotext" ), { pdf, QStringLiteral( "-" ) } ).normalized( QString::NormalizationForm_C ).simplified();
    INFO( text.toStdString() );
    CHECK( text.contains( QStringLiteral( "A place's colour: the concrete commitments that name it; directive items colour it only where no commitment names it." ) ) != withDirectives );
    CHECK( text.contains( QStringLiteral( "A place's colour: every task that names it, directive items included." ) ) == withDirectives );
  }
}

TEST_CASE( "a map of a register of several resolutions names the resolutions whose tasks it shows", "[export][resolutions][cli]" )
{
  RtMapTest::requireLayers();
  Fixture &f = fixture();
  REQUIRE( f.ok );
  QTemporaryDir dir;
  const QString db = dir.filePath( QStringLiteral( "two.gpkg" ) );
  REQUIRE( QFile::copy( f.registerPath, db ) );
  QFile::setPermissions( db, QFile::ReadOwner | QFile::WriteOwner );
  const QString storeData = RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/store/" );
  int rc = -1;
  QString errors;
  RtMapTest::run( RtTestPaths::cliExecutable(), { QStringLiteral( "add-resolution" ), QStringLiteral( "--db" ), db,
                                                  QStringLiteral( "--text" ), storeData + QStringLiteral( "NQ-15-HDND-2024-test.txt" ),
                                                  QStringLiteral( "--register" ), storeData + QStringLiteral( "NQ-15-HDND-2024-test-register.json" ) },
                  &rc, &errors );
  INFO( errors.toStdString() );
  REQUIRE( rc == 0 );

  auto exportText = [&]( const QStringList &resolutions, const QString &lang )
  {
    const QString pdf = dir.filePath( QStringLiteral( "map-%1-%2.pdf" ).arg( resolutions.size() ).arg( lang ) );
    QStringList args { QStringLiteral( "export" ), QStringLiteral( "--db" ), db, QStringLiteral( "--layers" ), RtMapTest::layersPath(),
                       QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ), QStringLiteral( "--out" ), pdf,
                       QStringLiteral( "--lang" ), lang, QStringLiteral( "--overwrite" ) };
    for ( const QString &r : resolutions )
      args << QStringLiteral( "--resolution" ) << r;
    int code = -1;
    QString err;
    RtMapTest::run( RtTestPaths::cliExecutable(), args, &code, &err );
    INFO( err.toStdString() );
    REQUIRE( code == 0 );
    // Reading order, not layout: a wrapped line stays together.
    return RtMapTest::run( QStringLiteral( "pdftotext" ), { pdf, QStringLiteral( "-" ) } ).normalized( QString::NormalizationForm_C ).simplified();
  };

  SECTION( "all resolutions" )
  {
    const QString text = exportText( {}, QStringLiteral( "vi" ) );
    INFO( text.toStdString() );
    CHECK( text.contains( QStringLiteral( "nhiệm vụ của tất cả 2 nghị quyết của sổ theo dõi" ) ) );
    const QString en = exportText( {}, QStringLiteral( "en" ) );
    INFO( en.toStdString() );
    CHECK( en.contains( QStringLiteral( "tasks of all 2 resolutions of the register" ) ) );
  }
  SECTION( "one resolution, typed by its leading number" )
  {
    const QString text = exportText( { QStringLiteral( "15" ) }, QStringLiteral( "vi" ) );
    INFO( text.toStdString() );
    CHECK( text.contains( QStringLiteral( "nhiệm vụ của Nghị quyết 15/NQ-HĐND" ) ) );
    CHECK_FALSE( text.contains( QStringLiteral( "tất cả 2 nghị quyết" ) ) );
  }
  SECTION( "both resolutions named" )
  {
    const QString text = exportText( { QStringLiteral( "172" ), QStringLiteral( "15" ) }, QStringLiteral( "vi" ) );
    INFO( text.toStdString() );
    CHECK( text.contains( QStringLiteral( "nhiệm vụ của các Nghị quyết 172/NQ-HĐND, 15/NQ-HĐND" ) ) );
  }
}
