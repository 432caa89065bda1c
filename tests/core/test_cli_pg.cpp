// restrack against a PostgreSQL register (the fixture's throw-away cluster): db init,
// push and pull with the whole history, and the everyday commands on a server.
#include "catch_compat.h"
#include "clitestutil.h"
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
#include <QThread>

#include <libpq-fe.h>

namespace
{
  using RtCliTest::Run;
  using RtCliTest::restrack;

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

  /**
   * The bundled register pushed to a fresh database of the fixture's server, and a login
   * \a prefix_PID made an editor of it and granted zone:A3.
   */
  struct EditorDesk
  {
    RtTestRegisterLocation where { "pg" };
    QString uri = where.location();
    QString desk;
    QString deskUri; //!< uri, logged in as the desk
    Run role;        //!< `restrack db role`'s run

    EditorDesk( const QTemporaryDir &dir, const QString &prefix )
    {
      const QString path = dir.filePath( QStringLiteral( "r.gpkg" ) );
      requireOk( restrack( { "build-register", "--out", path, "--register", RtTestPaths::registerJson() } ) );
      requireOk( restrack( { "push", "--from", path, "--db", uri } ) );
      desk = QStringLiteral( "%1_%2" ).arg( prefix ).arg( QCoreApplication::applicationPid() );
      RtTestPgDatabase::execute( uri, QStringLiteral( "DROP ROLE IF EXISTS %1" ).arg( desk ) );
      REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "CREATE ROLE %1 LOGIN PASSWORD 'pw-%1'" ).arg( desk ) ).isEmpty() );
      deskUri = QString( uri ).replace( QRegularExpression( QStringLiteral( "^postgresql://[^@]*@" ) ), QStringLiteral( "postgresql://%1:pw-%1@" ).arg( desk ) );
      role = restrack( { "db", "role", "--db", uri, "--user", desk, "--as", "editor" } );
      requireOk( role );
      requireOk( restrack( { "db", "grant", "--db", uri, "--user", desk, "--place", "zone:A3", "--by", "UBND" } ) );
    }
  };
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
  const EditorDesk editor( dir, QStringLiteral( "cli_desk" ) );
  const QString &uri = editor.uri, &desk = editor.desk, &deskUri = editor.deskUri;
  CHECK( editor.role.out.contains( QStringLiteral( "rt_editor" ) ) );
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

TEST_CASE( "restrack db upgrade gives a server register made before rights and live updates its policies and triggers back", "[cli][pg][rights][live]" )
{
  // Bug: `db upgrade` of such a register said "nothing to upgrade" and left it without them (issue 9).
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const EditorDesk editor( dir, QStringLiteral( "old_desk" ) );
  const QString &uri = editor.uri, &desk = editor.desk, &deskUri = editor.deskUri;

  const auto notifyTriggers = [&]
  {
    return RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT count(*) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
                                                          "WHERE p.proname = 'rt_notify_change' AND t.tgenabled <> 'D'" ) );
  };
  const auto policies = [&] { return RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT count(*) FROM pg_policies WHERE schemaname = 'restrack'" ) ); };
  const auto secured = [&]
  {
    return RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                                          "WHERE n.nspname = 'restrack' AND c.relrowsecurity" ) );
  };
  REQUIRE( notifyTriggers() == QStringLiteral( "3" ) );
  REQUIRE( policies() == QStringLiteral( "11" ) );
  REQUIRE( secured() == QStringLiteral( "4" ) );

  // A register as made before rights and live updates: no notify triggers, no row-level security, no policies.
  for ( const char *table : { "rt_status_history", "rt_value_history", "rt_assignments" } )
    REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "DROP TRIGGER %1_notify ON restrack.%1" ).arg( QLatin1String( table ) ) ).isEmpty() );
  for ( const char *table : { "rt_tasks", "rt_status_history", "rt_value_history", "rt_assignments" } )
  {
    REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "ALTER TABLE restrack.%1 DISABLE ROW LEVEL SECURITY" ).arg( QLatin1String( table ) ) ).isEmpty() );
    for ( const char *policy : { "rt_read", "rt_edit", "rt_administer" } )
      REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "DROP POLICY IF EXISTS %1 ON restrack.%2" ).arg( QLatin1String( policy ), QLatin1String( table ) ) ).isEmpty() );
  }
  REQUIRE( notifyTriggers() == QStringLiteral( "0" ) );
  REQUIRE( policies() == QStringLiteral( "0" ) );

  const Run upgraded = restrack( { "db", "upgrade", "--db", uri } );
  requireOk( upgraded );
  INFO( upgraded.out.toStdString() );
  CHECK( upgraded.out.contains( QStringLiteral( "its server set-up was completed" ) ) );
  CHECK( upgraded.out.contains( QStringLiteral( "the live-update trigger of rt_status_history" ) ) );
  CHECK( upgraded.out.contains( QStringLiteral( "row-level security on rt_tasks" ) ) );
  CHECK( upgraded.out.contains( QStringLiteral( "the policies rt_read, rt_administer, rt_edit of rt_tasks" ) ) );
  CHECK_FALSE( upgraded.out.contains( QStringLiteral( "nothing to upgrade" ) ) );
  CHECK_FALSE( upgraded.out.contains( QStringLiteral( "pw-" ) ) );
  CHECK( notifyTriggers() == QStringLiteral( "3" ) );
  CHECK( policies() == QStringLiteral( "11" ) );
  CHECK( secured() == QStringLiteral( "4" ) );

  // The editor is refused a task it is not granted again; its own task is changed and announced.
  const Run refused = restrack( { "set-status", "--db", deskUri, "DT-01", "in_progress", "--by", "Phòng QLĐT", "--date", "2024-05-02" } );
  CHECK( refused.code == 6 );
  CHECK( refused.err.contains( desk + QStringLiteral( " may not change task DT-01" ) ) );
  CHECK( history( uri, QStringLiteral( "DT-01" ) ).value( QStringLiteral( "history" ) ).toArray().size() == 1 );

  PGconn *listener = PQconnectdb( uri.toUtf8().constData() );
  REQUIRE( PQstatus( listener ) == CONNECTION_OK );
  PQclear( PQexec( listener, QStringLiteral( "LISTEN %1" ).arg( RtStoreSchema::changeChannel() ).toUtf8().constData() ) );
  requireOk( restrack( { "set-status", "--db", deskUri, "CM-QHPK-A3", "done", "--by", "Phòng QLĐT", "--date", "2024-05-02" } ) );
  QStringList payloads;
  for ( int i = 0; i < 100 && payloads.isEmpty(); ++i )
  {
    PQconsumeInput( listener );
    while ( PGnotify *n = PQnotifies( listener ) )
    {
      payloads << QString::fromUtf8( n->extra );
      PQfreemem( n );
    }
    if ( payloads.isEmpty() )
      QThread::msleep( 20 );
  }
  PQfinish( listener );
  REQUIRE( payloads.size() == 1 );
  const QJsonObject heard = QJsonDocument::fromJson( payloads.constFirst().toUtf8() ).object();
  CHECK( heard.value( QStringLiteral( "task" ) ).toString() == QStringLiteral( "CM-QHPK-A3" ) );
  CHECK( heard.value( QStringLiteral( "db_user" ) ).toString() == desk );

  // A second upgrade finds nothing missing.
  const Run again = restrack( { "db", "upgrade", "--db", uri } );
  requireOk( again );
  CHECK( again.out.contains( QStringLiteral( "nothing to upgrade" ) ) );
  CHECK( again.out.contains( QStringLiteral( "nothing was missing" ) ) );
  CHECK_FALSE( again.out.contains( QStringLiteral( "added" ) ) );
}

TEST_CASE( "restrack db upgrade completes a server register's set-up all or nothing", "[cli][pg][rights]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = where.location();
  requireOk( restrack( { "db", "init", "--db", uri } ) );
  const auto notifyTriggers = [&]
  {
    return RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT count(*) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'rt_notify_change'" ) );
  };
  // The notify triggers gone, and a function of the rights that the set-up cannot replace
  // (another return type): the triggers come first in the set-up, the function later.
  for ( const char *table : { "rt_status_history", "rt_value_history", "rt_assignments" } )
    REQUIRE( rtPgRawExecute( uri, QStringLiteral( "DROP TRIGGER %1_notify ON %1" ).arg( QLatin1String( table ) ) ).isEmpty() );
  REQUIRE( rtPgRawExecute( uri, QStringLiteral( "DROP FUNCTION rt_may_edit(text) CASCADE" ) ).isEmpty() );
  REQUIRE( rtPgRawExecute( uri, QStringLiteral( "CREATE FUNCTION rt_may_edit(task text) RETURNS integer LANGUAGE sql AS 'SELECT 1'" ) ).isEmpty() );
  const QString policiesBefore = RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT count(*) FROM pg_policies WHERE schemaname = 'restrack'" ) );
  REQUIRE( notifyTriggers() == QStringLiteral( "0" ) );

  const Run failed = restrack( { "db", "upgrade", "--db", uri } );
  INFO( failed.err.toStdString() );
  CHECK( failed.code != 0 );
  CHECK( failed.err.contains( QStringLiteral( "was not completed, nothing was changed" ) ) );
  CHECK_FALSE( failed.err.contains( QStringLiteral( "CREATE" ) ) );
  CHECK( notifyTriggers() == QStringLiteral( "0" ) );
  CHECK( RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT count(*) FROM pg_policies WHERE schemaname = 'restrack'" ) ) == policiesBefore );

  // The function put right, the upgrade adds all of it.
  REQUIRE( rtPgRawExecute( uri, QStringLiteral( "DROP FUNCTION rt_may_edit(text)" ) ).isEmpty() );
  const Run upgraded = restrack( { "db", "upgrade", "--db", uri } );
  requireOk( upgraded );
  CHECK( upgraded.out.contains( QStringLiteral( "the functions that say who may change a task" ) ) );
  CHECK( upgraded.out.contains( QStringLiteral( "the policy rt_edit of rt_tasks" ) ) );
  CHECK( notifyTriggers() == QStringLiteral( "3" ) );
  CHECK( RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT count(*) FROM pg_policies WHERE schemaname = 'restrack'" ) ) == QStringLiteral( "11" ) );
}
