// restrack against a PostgreSQL register (the fixture's throw-away cluster): db init,
// push and pull with the whole history, and the everyday commands on a server.
#include "catch_compat.h"
#include "backendtestutil.h"
#include "testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace
{
  struct Run
  {
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson( out.toUtf8() ).object(); }
  };

  Run restrack( const QStringList &args )
  {
    QProcess p;
    p.start( RtTestPaths::cliExecutable(), args );
    REQUIRE( p.waitForFinished( 120000 ) );
    Run r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8( p.readAllStandardOutput() );
    r.err = QString::fromUtf8( p.readAllStandardError() );
    return r;
  }

  void requireOk( const Run &r )
  {
    INFO( r.err.toStdString() );
    REQUIRE( r.code == 0 );
  }

  //! A register built by the CLI, with a status change, a measured value and an assignment recorded.
  QString registerWithHistory( const QTemporaryDir &dir )
  {
    const QString path = dir.filePath( QStringLiteral( "desk.gpkg" ) );
    requireOk( restrack( { "build-register", "--out", path, "--register", RtTestPaths::registerJson() } ) );
    requireOk( restrack( { "set-status", "--db", path, "CM-QHPK-A3", "done", "--by", "Phòng Quản lý đô thị", "--date", "2024-05-02",
                           "--note", "Đã phê duyệt quy hoạch" } ) );
    requireOk( restrack( { "set-value", "--db", path, "CM-TDC-500", "120", "--by", "Ban Quản lý dự án", "--date", "2024-03-01" } ) );
    requireOk( restrack( { "assign", "--db", path, "CM-QHPK-A3", "--office", "Phòng Quản lý đô thị", "--with", "Phòng Tài chính - Kế hoạch",
                           "--by", "UBND thành phố" } ) );
    return path;
  }

  //! What a register says about a task, recorded_at included (the history copied verbatim).
  QJsonObject history( const QString &db, const QString &task )
  {
    const Run r = restrack( { "history", "--db", db, task, "--json" } );
    requireOk( r );
    return r.json();
  }

  QJsonObject summary( const QString &db )
  {
    const Run r = restrack( { "summary", "--db", db, "--as-of", "2024-12-31", "--json" } );
    requireOk( r );
    return r.json();
  }
}

TEST_CASE( "restrack db init makes an empty register on PostgreSQL and says what it made", "[cli][pg]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = where.location();
  const Run init = restrack( { "db", "init", "--db", uri } );
  requireOk( init );
  CHECK( init.out.contains( QStringLiteral( "created an empty register (schema 2)" ) ) );
  CHECK( init.out.contains( QStringLiteral( "rt_status_history" ) ) );
  CHECK( init.out.contains( QStringLiteral( ":***@" ) ) );
  CHECK( RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT value FROM restrack.rt_meta WHERE key = 'schema_version'" ) ) == QStringLiteral( "2" ) );

  const Run again = restrack( { "db", "init", "--db", uri } );
  CHECK( again.code == 1 );
  CHECK( again.err.contains( QStringLiteral( "already holds a register" ) ) );

  // An empty register is not a damaged one: it waits for a push.
  const Run empty = restrack( { "summary", "--db", uri } );
  CHECK( empty.code == 1 );
  CHECK( empty.err.contains( QStringLiteral( "restrack push" ) ) );

  const Run upgrade = restrack( { "db", "upgrade", "--db", uri } );
  requireOk( upgrade );
  CHECK( upgrade.out.contains( QStringLiteral( "nothing to upgrade" ) ) );
}

TEST_CASE( "restrack push then pull gives the same tasks and the whole history", "[cli][pg]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const RtTestRegisterLocation where( "pg" );
  const QString uri = where.location();
  const QString desk = registerWithHistory( dir );
  requireOk( restrack( { "db", "init", "--db", uri } ) );

  const Run pushed = restrack( { "push", "--from", desk, "--db", uri } );
  requireOk( pushed );
  CHECK( pushed.out.contains( QStringLiteral( "89 task(s), 90 status change(s), 1 measured value(s), 1 assignment(s)" ) ) );

  // Pulled into a folder: a snapshot named by the date.
  const QString snapshots = dir.filePath( QStringLiteral( "snapshots" ) );
  REQUIRE( QDir().mkpath( snapshots ) );
  const Run pulled = restrack( { "pull", "--db", uri, "--out", snapshots } );
  requireOk( pulled );
  const QStringList files = QDir( snapshots ).entryList( QStringList{ QStringLiteral( "restrack-*.gpkg" ) }, QDir::Files );
  REQUIRE( files.size() == 1 );
  const QString snapshot = QDir( snapshots ).filePath( files.constFirst() );

  CHECK( summary( uri ) == summary( desk ) );
  CHECK( summary( snapshot ) == summary( desk ) );
  for ( const QString &task : { QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "CM-TDC-500" ), QStringLiteral( "DT-01" ) } )
  {
    INFO( task.toStdString() );
    const QJsonObject original = history( desk, task );
    REQUIRE( !original.value( QStringLiteral( "history" ) ).toArray().isEmpty() );
    CHECK( history( uri, task ) == original );
    CHECK( history( snapshot, task ) == original );
  }
  CHECK( history( uri, QStringLiteral( "CM-QHPK-A3" ) ).value( QStringLiteral( "assignments" ) ).toArray().size() == 1 );
  CHECK( history( uri, QStringLiteral( "CM-TDC-500" ) ).value( QStringLiteral( "values" ) ).toArray().size() == 1 );

  // The server holds a register now: another push is refused unless asked, then it is kept aside.
  const Run refused = restrack( { "push", "--from", desk, "--db", uri } );
  CHECK( refused.code == 1 );
  CHECK( refused.err.contains( QStringLiteral( "--overwrite" ) ) );
  const Run replaced = restrack( { "push", "--from", desk, "--db", uri, "--overwrite" } );
  requireOk( replaced );
  CHECK( replaced.err.contains( QStringLiteral( "kept as schema restrack_bak_" ) ) );
  // A pull over an existing file is refused unless asked.
  const Run overFile = restrack( { "pull", "--db", uri, "--out", snapshot } );
  CHECK( overFile.code == 1 );
  CHECK( overFile.err.contains( QStringLiteral( "already exists" ) ) );
}

TEST_CASE( "restrack set-status on PostgreSQL is in the history, and a stale edit is refused", "[cli][pg]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const RtTestRegisterLocation where( "pg" );
  const QString uri = where.location();
  const QString path = dir.filePath( QStringLiteral( "r.gpkg" ) );
  requireOk( restrack( { "build-register", "--out", path, "--register", RtTestPaths::registerJson() } ) );
  requireOk( restrack( { "push", "--from", path, "--db", uri } ) );

  const Run set = restrack( { "set-status", "--db", uri, "DT-01", "in_progress", "--by", "Bàn 2", "--date", "2024-06-01", "--expect", "no_report" } );
  requireOk( set );
  CHECK( set.out.contains( QStringLiteral( "DT-01: no_report → in_progress" ) ) );

  const QJsonArray h = history( uri, QStringLiteral( "DT-01" ) ).value( QStringLiteral( "history" ) ).toArray();
  REQUIRE( h.size() == 2 );
  CHECK( h.at( 1 ).toObject().value( QStringLiteral( "by" ) ).toString() == QStringLiteral( "Bàn 2" ) );
  CHECK( h.at( 1 ).toObject().value( QStringLiteral( "date" ) ).toString() == QStringLiteral( "2024-06-01" ) );
  CHECK( h.at( 1 ).toObject().value( QStringLiteral( "new_status" ) ).toString() == QStringLiteral( "in_progress" ) );
  CHECK( h.at( 1 ).toObject().value( QStringLiteral( "sequence" ) ).toInt() > h.at( 0 ).toObject().value( QStringLiteral( "sequence" ) ).toInt() );

  // Another desk still believes DT-01 has no report: stale, exit 3, nothing written.
  const Run stale = restrack( { "set-status", "--db", uri, "DT-01", "done", "--by", "Bàn 3", "--date", "2024-06-02", "--expect", "no_report" } );
  CHECK( stale.code == 3 );
  CHECK( stale.err.contains( QStringLiteral( "changed meanwhile" ) ) );
  CHECK( history( uri, QStringLiteral( "DT-01" ) ).value( QStringLiteral( "history" ) ).toArray().size() == 2 );
}

TEST_CASE( "restrack db role, grant and rights: an editor's desk changes its place's task and is refused another with who may", "[cli][pg][rights]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const RtTestRegisterLocation where( "pg" );
  const QString uri = where.location();
  const QString path = dir.filePath( QStringLiteral( "r.gpkg" ) );
  requireOk( restrack( { "build-register", "--out", path, "--register", RtTestPaths::registerJson() } ) );
  requireOk( restrack( { "push", "--from", path, "--db", uri } ) );

  const QString desk = QStringLiteral( "cli_desk_%1" ).arg( QCoreApplication::applicationPid() );
  RtTestPgDatabase::execute( uri, QStringLiteral( "DROP ROLE IF EXISTS %1" ).arg( desk ) );
  REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "CREATE ROLE %1 LOGIN PASSWORD 'pw-%1'" ).arg( desk ) ).isEmpty() );
  const QString deskUri = QString( uri ).replace( QRegularExpression( QStringLiteral( "^postgresql://[^@]*@" ) ), QStringLiteral( "postgresql://%1:pw-%1@" ).arg( desk ) );

  const Run role = restrack( { "db", "role", "--db", uri, "--user", desk, "--as", "editor" } );
  requireOk( role );
  CHECK( role.out.contains( QStringLiteral( "rt_editor" ) ) );
  requireOk( restrack( { "db", "grant", "--db", uri, "--user", desk, "--place", "zone:A3", "--by", "UBND" } ) );
  const Run rights = restrack( { "db", "rights", "--db", uri, "--user", desk } );
  requireOk( rights );
  CHECK( rights.out.contains( desk + QStringLiteral( ": rt_editor" ) ) );
  CHECK( rights.out.contains( QStringLiteral( "may change the tasks of zone:A3" ) ) );

  requireOk( restrack( { "set-status", "--db", deskUri, "CM-QHPK-A3", "done", "--by", "Phòng QLĐT", "--date", "2024-05-02" } ) );
  const Run refused = restrack( { "set-status", "--db", deskUri, "DT-01", "in_progress", "--by", "Phòng QLĐT", "--date", "2024-05-02" } );
  CHECK( refused.code == 6 );
  CHECK( refused.err.contains( desk + QStringLiteral( " may not change task DT-01" ) ) );
  CHECK( refused.err.contains( QStringLiteral( "rt_admin" ) ) );
  CHECK( history( uri, QStringLiteral( "DT-01" ) ).value( QStringLiteral( "history" ) ).toArray().size() == 1 );
}
