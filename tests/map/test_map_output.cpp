// How the export writes its file (issue 9, defects 5 and 7): beside the output and renamed
// into place, so a killed export leaves the previous file intact; an existing file only with
// --overwrite; and nothing written under the user's home.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtmapexport.h"
#include "rtoutputfile.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QThread>

#include <csignal>

namespace
{
  //! A register of 172/NQ-HĐND in a temporary folder, built once for the cases below.
  struct Register
  {
    QTemporaryDir dir;
    QString path;
    bool ok = false;
    Register()
    {
      path = dir.filePath( QStringLiteral( "mongcai-172.gpkg" ) );
      ok = RtMapTest::buildRegister( path );
    }
  };

  Register &reg()
  {
    static Register r;
    return r;
  }

  QStringList exportArgs( const QString &out, const QStringList &extra = {} )
  {
    return QStringList { QStringLiteral( "export" ), QStringLiteral( "--db" ), reg().path, QStringLiteral( "--layers" ), RtMapTest::layersPath(),
                         QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ), QStringLiteral( "--out" ), out } + extra;
  }

  //! The hidden temporaries of \a file in its folder (".NAME.restrack-PID-RANDOM.tmp.SUFFIX").
  QStringList temporariesOf( const QString &file )
  {
    const QFileInfo info( file );
    return info.absoluteDir().entryList( { QStringLiteral( ".%1.restrack-*" ).arg( info.fileName() ) }, QDir::Files | QDir::Hidden );
  }

  bool isOnePagePdf( const QString &pdf )
  {
    int rc = -1;
    const QString info = RtMapTest::run( QStringLiteral( "pdfinfo" ), { pdf }, &rc );
    return rc == 0 && info.contains( QRegularExpression( QStringLiteral( "Pages:\\s+1\\n" ) ) );
  }

  //! Every file under \a dir (relative paths).
  QStringList filesUnder( const QString &dir )
  {
    QStringList files;
    QDirIterator it( dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories );
    while ( it.hasNext() )
      files << QDir( dir ).relativeFilePath( it.next() );
    return files;
  }
}

TEST_CASE( "restrack export refuses an existing output without --overwrite and leaves it as it was", "[export][output]" )
{
  RtMapTest::requireLayers();
  REQUIRE( reg().ok );
  QTemporaryDir dir;
  const QString out = dir.filePath( QStringLiteral( "council.png" ) );
  const QByteArray previous = "the previous map: not a PNG, and it must stay as it is";
  REQUIRE( rtWriteAll( out, previous ) );

  int rc = -1;
  QString errors;
  RtMapTest::run( RtTestPaths::cliExecutable(), exportArgs( out, { QStringLiteral( "--dpi" ), QStringLiteral( "50" ) } ), &rc, &errors );
  CHECK( rc == 1 );
  CHECK( errors.contains( out + QStringLiteral( " exists; pass --overwrite to replace it" ) ) );
  CHECK( rtReadAll( out ) == previous );
  CHECK( temporariesOf( out ).isEmpty() );

  // The API refuses it too, before any work.
  RtMapExportOptions o;
  o.registerPath = reg().path;
  o.layersPath = RtMapTest::layersPath();
  o.asOf = QDate( 2026, 11, 26 );
  o.outputPath = out;
  o.dpi = 50;
  const RtResult<RtMapExportData> data = RtMapExport::prepare( o );
  REQUIRE_FALSE( data.ok() );
  CHECK( data.error().contains( QStringLiteral( "--overwrite" ) ) );
  CHECK( rtReadAll( out ) == previous );

  // With --overwrite it is replaced by the new map, and no temporary is left.
  const QString written = RtMapTest::run( RtTestPaths::cliExecutable(), exportArgs( out, { QStringLiteral( "--dpi" ), QStringLiteral( "50" ), QStringLiteral( "--overwrite" ) } ),
                                          &rc, &errors );
  INFO( written.toStdString() << errors.toStdString() );
  CHECK( rc == 0 );
  const QImage image( out );
  CHECK( image.width() > image.height() );
  CHECK( image.width() > 700 ); // A3 landscape at 50 dpi: 827 × 585
  CHECK( temporariesOf( out ).isEmpty() );
}

TEST_CASE( "a file that appears while the export runs is not replaced without overwrite", "[export][output]" )
{
  QTemporaryDir dir;
  const QString out = dir.filePath( QStringLiteral( "map.pdf" ) );
  RtOutputFile file( out, false );
  REQUIRE( file.ok() );
  CHECK( QFileInfo( file.temporaryPath() ).absolutePath() == QFileInfo( out ).absolutePath() ); // same folder: the rename is atomic
  CHECK( file.temporaryPath().endsWith( QStringLiteral( ".pdf" ) ) );                         // the suffix that picks the format
  REQUIRE( rtWriteAll( file.temporaryPath(), "new" ) );
  REQUIRE( rtWriteAll( out, "someone else's" ) ); // another program wrote the name meanwhile
  const RtStatusResult committed = file.commit();
  REQUIRE_FALSE( committed.ok() );
  CHECK( committed.error().contains( QStringLiteral( "pass --overwrite" ) ) );
  CHECK( rtReadAll( out ) == "someone else's" );

  // Asked to overwrite, the complete new file takes the name.
  RtOutputFile replacing( out, true );
  REQUIRE( replacing.ok() );
  REQUIRE( rtWriteAll( replacing.temporaryPath(), "new" ) );
  const RtStatusResult replaced = replacing.commit();
  INFO( replaced.error().toStdString() );
  REQUIRE( replaced.ok() );
  CHECK( rtReadAll( out ) == "new" );
  CHECK( !QFileInfo::exists( replacing.temporaryPath() ) );
}

TEST_CASE( "an export killed mid-way leaves the previous file intact and the next export clears its temporary", "[export][output]" )
{
  RtMapTest::requireLayers();
  REQUIRE( reg().ok );
  QTemporaryDir dir;
  const QString out = dir.filePath( QStringLiteral( "council.pdf" ) );
  int rc = -1;
  QString errors;
  RtMapTest::run( RtTestPaths::cliExecutable(), exportArgs( out ), &rc, &errors );
  INFO( errors.toStdString() );
  REQUIRE( rc == 0 );
  REQUIRE( isOnePagePdf( out ) );
  const QByteArray previous = rtReadAll( out );

  // Killed (SIGKILL: no clean-up runs) while its temporary file exists, i.e. while it writes.
  // Writing in place, this left the previous file empty or truncated.
  QProcess p;
  p.start( RtTestPaths::cliExecutable(), exportArgs( out, { QStringLiteral( "--overwrite" ) } ) );
  REQUIRE( p.waitForStarted() );
  QElapsedTimer timer;
  timer.start();
  bool seen = false;
  while ( !seen && timer.elapsed() < 120000 && p.state() == QProcess::Running )
  {
    seen = !temporariesOf( out ).isEmpty();
    if ( !seen )
      QThread::msleep( 5 );
  }
  REQUIRE( seen );
  QThread::msleep( 100 ); // into the writing of the page
  ::kill( static_cast<pid_t>( p.processId() ), SIGKILL );
  REQUIRE( p.waitForFinished( 10000 ) );
  CHECK( p.exitStatus() == QProcess::CrashExit );
  CHECK( rtReadAll( out ) == previous );
  CHECK( isOnePagePdf( out ) );
  CHECK( temporariesOf( out ).size() == 1 ); // the killed process could not remove its own

  // The next export removes the dead process's temporary and writes a complete map.
  const QString again = RtMapTest::run( RtTestPaths::cliExecutable(), exportArgs( out, { QStringLiteral( "--overwrite" ) } ), &rc, &errors );
  INFO( again.toStdString() << errors.toStdString() );
  CHECK( rc == 0 );
  CHECK( isOnePagePdf( out ) );
  CHECK( temporariesOf( out ).isEmpty() );
}

TEST_CASE( "restrack export writes nothing under the user's home or config folders", "[export][output]" )
{
  RtMapTest::requireLayers();
  REQUIRE( reg().ok );
  QTemporaryDir home, tmp, runtime, outDir;
  REQUIRE( home.isValid() );
  QDir( home.path() ).mkpath( QStringLiteral( "config" ) );
  QDir( home.path() ).mkpath( QStringLiteral( "data" ) );
  QDir( home.path() ).mkpath( QStringLiteral( "cache" ) );
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert( QStringLiteral( "HOME" ), home.path() );
  env.insert( QStringLiteral( "XDG_CONFIG_HOME" ), home.filePath( QStringLiteral( "config" ) ) );
  env.insert( QStringLiteral( "XDG_DATA_HOME" ), home.filePath( QStringLiteral( "data" ) ) );
  env.insert( QStringLiteral( "XDG_CACHE_HOME" ), home.filePath( QStringLiteral( "cache" ) ) );
  env.insert( QStringLiteral( "XDG_RUNTIME_DIR" ), runtime.path() );
  env.insert( QStringLiteral( "TMPDIR" ), tmp.path() );
  QProcess p;
  p.setProcessEnvironment( env );
  const QString out = outDir.filePath( QStringLiteral( "council.png" ) );
  p.start( RtTestPaths::cliExecutable(), exportArgs( out, { QStringLiteral( "--dpi" ), QStringLiteral( "50" ) } ) );
  REQUIRE( p.waitForFinished( 180000 ) );
  INFO( p.readAllStandardError().toStdString() );
  REQUIRE( p.exitCode() == 0 );
  CHECK( QFileInfo::exists( out ) );
  // QGIS's profile, settings and caches lived in a private temporary folder, removed at exit
  // (it used to write ~/.config/Unknown Organization/restrack.conf and a profile of 1 MB).
  const QStringList inHome = filesUnder( home.path() );
  INFO( inHome.join( QLatin1Char( '\n' ) ).toStdString() );
  CHECK( inHome.isEmpty() );
  const QStringList inTmp = filesUnder( tmp.path() );
  INFO( inTmp.join( QLatin1Char( '\n' ) ).toStdString() );
  CHECK( inTmp.isEmpty() );
}
