// The council-session export on the real register and the real sample layers: one A3
// landscape PDF page with the Vietnamese title and notices as text, a PNG in the status
// colours, statuses as of the date asked for, and the inputs left untouched.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtjoin.h"
#include "rtmapexport.h"
#include "rtmapstyle.h"
#include "rtsummary.h"

#include <QImage>
#include <QRegularExpression>

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
    bool ok = false;

    Fixture()
    {
      registerPath = dir.filePath( QStringLiteral( "mongcai-172.gpkg" ) );
      if ( !RtMapTest::buildRegister( registerPath ) )
        return;
      RtResult<std::unique_ptr<RtStore>> store = RtStore::open( registerPath, false );
      if ( !store.ok() )
        return;
      RtResult<QVector<RtTask>> tasks = store.value()->tasks();
      const RtResult<QHash<QString, RtStatus>> statuses = store.value()->statusesAsOf( sAsOf );
      if ( !tasks.ok() || !statuses.ok() )
        return;
      for ( RtTask &t : tasks.value() )
        t.status = statuses.value().value( t.id, RtStatus::NoReport );
      summary = RtSummary::compute( tasks.value(), sAsOf );
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
}

TEST_CASE( "the PDF is one A3 landscape page whose text has the Vietnamese title, the counts and the notices", "[export]" )
{
  if ( !RtMapTest::haveLayers() )
    return;
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
  if ( !RtMapTest::haveLayers() )
    return;
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
  if ( !RtMapTest::haveLayers() )
    return;
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
  if ( !RtMapTest::haveLayers() )
    return;
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

TEST_CASE( "layers declared in the wrong CRS are named, with the CRS that fits", "[export]" )
{
  if ( !RtMapTest::haveLayers() )
    return;
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
  const QString layers = RtMapTest::haveLayers() ? RtMapTest::layersPath() : QStringLiteral( "/nonexistent.gpkg" );

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
    CHECK( r.error().contains( QStringLiteral( "before the resolution" ) ) );
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
