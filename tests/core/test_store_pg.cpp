// The PostgreSQL backend on the fixture's throw-away cluster: what only a server has
// (replacing a register, its triggers, connections refused, two desks at once). The
// store's rules on both backends are in test_store*.cpp (RT_BACKENDS()).
#include "catch_compat.h"
#include "backendtestutil.h"
#include "testutil.h"

#include "rtpgbackend.h"
#include "rtpglistener.h"
#include "rtpgrights.h"
#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"
#include "rtstoreschema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>

#include <libpq-fe.h>

#include <chrono>

#include <thread>

namespace
{
  struct Source
  {
    RtRegisterFile reg;
    RtResolution resolution;
    RtDocumentInfo info;
  };

  Source source172()
  {
    Source s;
    const RtResult<RtRegisterFile> reg = RtRegister::load( RtTestPaths::registerJson() );
    REQUIRE( reg.ok() );
    s.reg = reg.value();
    const RtResult<RtImportReport> text = RtResolutionImporter::importFile( RtTestPaths::resolutionText(), s.reg.term );
    REQUIRE( text.ok() );
    s.resolution = text.value().resolution;
    s.info.term = s.reg.term;
    return s;
  }

  QString create172( const QString &uri )
  {
    const Source s = source172();
    const RtStatusResult created = RtStore::create( uri, s.resolution, s.reg.tasks, s.info );
    INFO( created.error().toStdString() );
    REQUIRE( created.ok() );
    return uri;
  }

  std::unique_ptr<RtStore> openStore( const QString &uri, bool writable = true )
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( uri, writable );
    INFO( store.error().toStdString() );
    REQUIRE( store.ok() );
    return store.takeValue();
  }

  RtStatusChange change( const QString &taskId, RtStatus status, const QDate &date )
  {
    RtStatusChange c;
    c.taskId = taskId;
    c.newStatus = status;
    c.date = date;
    c.by = QStringLiteral( "Phòng Quản lý đô thị" );
    return c;
  }

  //! The password of a postgresql://user:password@… URI.
  QString passwordOf( const QString &uri )
  {
    static const QRegularExpression sPassword( QStringLiteral( "^postgresql://[^:]*:([^@]*)@" ) );
    return sPassword.match( uri ).captured( 1 );
  }
}

TEST_CASE( "a register on PostgreSQL is replaced only when asked, and kept aside as a schema when it holds recorded changes", "[store][pg]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = create172( where.location() );
  const Source s = source172();

  const RtStatusResult again = RtStore::create( uri, s.resolution, s.reg.tasks, s.info );
  REQUIRE( !again.ok() );
  CHECK( again.errorKind() == RtErrorKind::Invalid );
  CHECK( again.error().contains( QStringLiteral( "already holds a register" ) ) );
  CHECK( !again.error().contains( passwordOf( uri ) ) );

  // Nothing recorded yet: replaced, nothing kept.
  QString keptAs;
  REQUIRE( RtStore::create( uri, s.resolution, s.reg.tasks, s.info, true, &keptAs ).ok() );
  CHECK( keptAs.isEmpty() );
  CHECK( RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'restrack_bak_%'" ) ) == QStringLiteral( "0" ) );

  // A status change recorded: the old register is kept, history and all, under another schema.
  const int historyAtStart = openStore( uri, false )->history( QStringLiteral( "CM-QHPK-A3" ) ).value().size();
  REQUIRE( openStore( uri )->setStatus( change( QStringLiteral( "CM-QHPK-A3" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) ).ok() );
  REQUIRE( RtStore::create( uri, s.resolution, s.reg.tasks, s.info, true, &keptAs ).ok() );
  INFO( keptAs.toStdString() );
  const QString backup = RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'restrack_bak_%'" ) );
  CHECK( QRegularExpression( QStringLiteral( "^restrack_bak_\\d{8}_\\d{6}$" ) ).match( backup ).hasMatch() );
  CHECK( keptAs.contains( backup ) );
  CHECK( RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT count(*) FROM %1.rt_status_history WHERE task_id = 'CM-QHPK-A3'" ).arg( backup ) )
         == QString::number( historyAtStart + 1 ) );
  // The new register starts from the resolution again.
  const std::unique_ptr<RtStore> fresh = openStore( uri, false );
  CHECK( fresh->history( QStringLiteral( "CM-QHPK-A3" ) ).value().size() == historyAtStart );
}

TEST_CASE( "a PostgreSQL register whose history is no longer append-only is refused for writing", "[store][pg]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = create172( where.location() );

  SECTION( "a trigger dropped" )
  {
    REQUIRE( rtPgRawExecute( uri, QStringLiteral( "DROP TRIGGER rt_status_history_no_change ON rt_status_history" ) ).isEmpty() );
    const RtResult<std::unique_ptr<RtStore>> opened = RtStore::open( uri, true );
    REQUIRE( !opened.ok() );
    CHECK( opened.errorKind() == RtErrorKind::Corrupt );
    CHECK( opened.error().contains( QStringLiteral( "trigger rt_status_history_no_change is missing" ) ) );
  }
  SECTION( "a trigger disabled" )
  {
    REQUIRE( rtPgRawExecute( uri, QStringLiteral( "ALTER TABLE rt_assignments DISABLE TRIGGER rt_assignments_no_truncate" ) ).isEmpty() );
    const RtResult<std::unique_ptr<RtStore>> opened = RtStore::open( uri, true );
    REQUIRE( !opened.ok() );
    CHECK( opened.errorKind() == RtErrorKind::Corrupt );
    CHECK( opened.error().contains( QStringLiteral( "trigger rt_assignments_no_truncate is disabled" ) ) );
  }
  // Reading stays possible: the register can be looked at and copied.
  CHECK( openStore( uri, false )->tasks().value().size() == 89 );
  // TRUNCATE is refused as UPDATE and DELETE are (the triggers left).
  CHECK( rtPgRawExecute( uri, QStringLiteral( "TRUNCATE rt_value_history" ) ).contains( QStringLiteral( "append-only" ) ) );
}

TEST_CASE( "PostgreSQL failures have their kind and name the server without its password", "[store][pg]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = where.location();
  const QString password = passwordOf( uri );
  REQUIRE( !password.isEmpty() );

  SECTION( "a database without a register" )
  {
    const RtResult<std::unique_ptr<RtStore>> opened = RtStore::open( uri, false );
    REQUIRE( !opened.ok() );
    CHECK( opened.errorKind() == RtErrorKind::NotFound );
    CHECK( opened.error().contains( QStringLiteral( "holds no register" ) ) );
    CHECK( opened.error().contains( QStringLiteral( ":***@" ) ) );
    CHECK( !opened.error().contains( password ) );
  }
  SECTION( "a database that does not exist" )
  {
    QString missing = uri;
    missing.replace( QRegularExpression( QStringLiteral( "/[^/]*$" ) ), QStringLiteral( "/rt_no_such_database" ) );
    const RtResult<std::unique_ptr<RtStore>> opened = RtStore::open( missing, false );
    REQUIRE( !opened.ok() );
    CHECK( opened.errorKind() == RtErrorKind::NotFound );
    CHECK( !opened.error().contains( password ) );
  }
  SECTION( "a wrong password" )
  {
    QString wrong = uri;
    wrong.replace( password, QStringLiteral( "not-the-password" ) );
    const RtResult<std::unique_ptr<RtStore>> opened = RtStore::open( wrong, false );
    REQUIRE( !opened.ok() );
    CHECK( opened.errorKind() == RtErrorKind::Forbidden );
    CHECK( !opened.error().contains( QStringLiteral( "not-the-password" ) ) );
  }
  SECTION( "no server listening" )
  {
    QString nowhere = uri;
    nowhere.replace( QRegularExpression( QStringLiteral( "@127\\.0\\.0\\.1:\\d+/" ) ), QStringLiteral( "@127.0.0.1:1/" ) );
    REQUIRE( nowhere != uri );
    const RtResult<std::unique_ptr<RtStore>> opened = RtStore::open( nowhere, false );
    REQUIRE( !opened.ok() );
    CHECK( opened.errorKind() == RtErrorKind::Unavailable );
    CHECK( opened.error().contains( QStringLiteral( "cannot connect to postgresql://" ) ) );
    CHECK( !opened.error().contains( password ) );
  }
  SECTION( "a read-only server session" )
  {
    create172( uri );
    REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "ALTER DATABASE %1 SET default_transaction_read_only = on" )
                                        .arg( uri.section( QLatin1Char( '/' ), -1 ) ) ).isEmpty() );
    const std::unique_ptr<RtStore> store = openStore( uri );
    const RtStatusResult r = store->setStatus( change( QStringLiteral( "CM-QHPK-A3" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) );
    REQUIRE( !r.ok() );
    CHECK( r.errorKind() == RtErrorKind::ReadOnly );
    CHECK( !r.error().contains( password ) );
  }
}

TEST_CASE( "two desks on one PostgreSQL register: the same task waits, others go on, sequence numbers stay unique", "[store][pg]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = create172( where.location() );
  RtResult<std::unique_ptr<RtPgBackend>> first = RtPgBackend::open( uri, true );
  REQUIRE( first.ok() );
  RtStoreBackend &desk1 = *first.value();

  // Desk 1 is changing A3 and has numbered its history row.
  REQUIRE( desk1.beginWrite( QStringLiteral( "CM-QHPK-A3" ) ).ok() );
  const RtResult<qint64> seq1 = desk1.nextSequence( RtStoreTable::History );
  REQUIRE( seq1.ok() );

  // Desk 2 may not change A3 meanwhile: Busy, nothing written.
  const std::unique_ptr<RtStore> desk2 = openStore( uri );
  const RtStatusResult busy = desk2->setStatus( change( QStringLiteral( "CM-QHPK-A3" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) );
  REQUIRE( !busy.ok() );
  INFO( busy.error().toStdString() );
  CHECK( busy.errorKind() == RtErrorKind::Busy );
  CHECK( busy.error().contains( QStringLiteral( "CM-QHPK-A3" ) ) );

  // Another task: desk 2 starts at once, and its history row is numbered after desk 1's
  // (it waits for desk 1's commit, which the main thread makes while it waits).
  RtResult<std::unique_ptr<RtPgBackend>> second = RtPgBackend::open( uri, true );
  REQUIRE( second.ok() );
  RtStoreBackend &desk3 = *second.value();
  REQUIRE( desk3.beginWrite( QStringLiteral( "CM-TDC-500" ) ).ok() );
  RtResult<qint64> seq2 = RtResult<qint64>::failure( QStringLiteral( "not run" ) );
  std::thread other( [&] { seq2 = desk3.nextSequence( RtStoreTable::History ); } );
  RtStoreRow row;
  row.insert( QStringLiteral( "seq" ), seq1.value() );
  row.insert( QStringLiteral( "task_id" ), QStringLiteral( "CM-QHPK-A3" ) );
  row.insert( QStringLiteral( "status_date" ), QDate( 2024, 5, 1 ) );
  row.insert( QStringLiteral( "recorded_at" ), QDateTime( QDate( 2024, 5, 1 ), QTime( 8, 30, 15, 250 ), Qt::UTC ) );
  row.insert( QStringLiteral( "new_status" ), QStringLiteral( "done" ) );
  row.insert( QStringLiteral( "changed_by" ), QStringLiteral( "Desk 1" ) );
  const RtStatusResult inserted = desk1.insert( RtStoreTable::History, row );
  const RtStatusResult committed = desk1.commit();
  other.join();
  REQUIRE( inserted.ok() );
  REQUIRE( committed.ok() );
  INFO( seq2.error().toStdString() );
  REQUIRE( seq2.ok() );
  CHECK( seq2.value() == seq1.value() + 1 );
  desk3.rollback();

  // The row reads back with its types: a moment in UTC to the millisecond, a date.
  const RtResult<QVector<RtStoreRow>> rows = desk1.select( RtStoreTable::History, { QStringLiteral( "seq" ), seq1.value() } );
  REQUIRE( rows.ok() );
  REQUIRE( rows.value().size() == 1 );
  CHECK( rows.value().at( 0 ).value( QStringLiteral( "recorded_at" ) ).toDateTime() == QDateTime( QDate( 2024, 5, 1 ), QTime( 8, 30, 15, 250 ), Qt::UTC ) );
  CHECK( rows.value().at( 0 ).value( QStringLiteral( "status_date" ) ).toDate() == QDate( 2024, 5, 1 ) );
  CHECK( rows.value().at( 0 ).value( QStringLiteral( "seq" ) ).toLongLong() == seq1.value() );
  CHECK( !rows.value().at( 0 ).value( QStringLiteral( "note" ) ).isValid() );
}

TEST_CASE( "a PostgreSQL register kept open goes on after the server dropped its connection", "[store][pg]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = create172( where.location() );
  const std::unique_ptr<RtStore> store = openStore( uri );
  REQUIRE( store->tasks().value().size() == 89 );

  // The server ends every other session of the database (as a restart would).
  const auto dropConnections = [&]
  {
    REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                        "WHERE datname = current_database() AND pid <> pg_backend_pid()" ) ).isEmpty() );
  };
  dropConnections();
  const RtResult<QVector<RtTask>> read = store->tasks();
  INFO( read.error().toStdString() );
  REQUIRE( read.ok() );
  CHECK( read.value().size() == 89 );

  dropConnections();
  const RtStatusResult written = store->setStatus( change( QStringLiteral( "CM-QHPK-A3" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) );
  INFO( written.error().toStdString() );
  REQUIRE( written.ok() );
  CHECK( openStore( uri, false )->task( QStringLiteral( "CM-QHPK-A3" ) ).value().status == RtStatus::Done );
}

TEST_CASE( "a connection lost during the commit: every kind of change says whether it was recorded is not known", "[store][pg]" )
{
  // A deferred trigger runs inside COMMIT and ends its own session there: the one moment where
  // the client cannot know whether the server committed. "Task … not changed" would be a guess.
  const RtTestRegisterLocation where( "pg" );
  const QString uri = create172( where.location() );
  const std::unique_ptr<RtStore> store = openStore( uri );
  REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral(
             "CREATE FUNCTION restrack.rt_test_end_session() RETURNS trigger LANGUAGE plpgsql AS "
             "$$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$" ) ) == QString() );
  const auto endSessionAtCommitOf = [&]( const char *table )
  {
    REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "CREATE CONSTRAINT TRIGGER rt_test_end_session AFTER INSERT ON restrack.%1 "
                                                             "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION restrack.rt_test_end_session()" )
                                        .arg( QLatin1String( table ) ) ) == QString() );
  };
  const auto checkUnknown = [&]( const RtStatusResult &written )
  {
    INFO( written.error().toStdString() );
    REQUIRE_FALSE( written.ok() );
    CHECK( written.errorKind() == RtErrorKind::Unavailable );
    CHECK( written.error().contains( QStringLiteral( "whether it was recorded is not known" ) ) );
    CHECK_FALSE( written.error().contains( QStringLiteral( "not changed" ) ) );
    CHECK_FALSE( written.error().contains( QStringLiteral( "nothing" ) ) );
  };
  const RtTask before = store->task( QStringLiteral( "CM-QHPK-A3" ) ).value();

  SECTION( "a status" )
  {
    endSessionAtCommitOf( "rt_status_history" );
    checkUnknown( store->setStatus( change( QStringLiteral( "CM-QHPK-A3" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) ) );
  }
  SECTION( "an assignment" )
  {
    endSessionAtCommitOf( "rt_assignments" );
    RtAssignmentChange lead;
    lead.taskId = QStringLiteral( "CM-QHPK-A3" );
    lead.lead = QStringLiteral( "Phòng Quản lý đô thị" );
    lead.by = QStringLiteral( "UBND Thành phố" );
    checkUnknown( store->assign( lead ) );
    CHECK( store->assignments( QStringLiteral( "CM-QHPK-A3" ) ).value().isEmpty() );
  }
  SECTION( "the places of a task" )
  {
    endSessionAtCommitOf( "rt_task_places" );
    checkUnknown( store->setTaskPlaces( QStringLiteral( "CM-QHPK-A3" ), { QStringLiteral( "zone:A3" ), QStringLiteral( "ward:06742" ) } ) );
  }
  // Here the session ended before the commit record: looking, as the message says, shows
  // nothing was recorded, and the register goes on once the trigger is gone.
  const RtTask after = store->task( QStringLiteral( "CM-QHPK-A3" ) ).value();
  CHECK( after.status == before.status );
  CHECK( after.revision == before.revision );
  CHECK( after.places == before.places );
  REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "DROP FUNCTION restrack.rt_test_end_session() CASCADE" ) ) == QString() );
  const RtStatusResult again = store->setStatus( change( QStringLiteral( "CM-QHPK-A3" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) );
  INFO( again.error().toStdString() );
  CHECK( again.ok() );
}

TEST_CASE( "a PostgreSQL register announces each recorded change at commit, naming who reported it and the database user", "[store][pg][live]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = create172( where.location() );

  // Another desk listening, as RtPgListener does.
  PGconn *desk = PQconnectdb( uri.toUtf8().constData() );
  REQUIRE( PQstatus( desk ) == CONNECTION_OK );
  PQclear( PQexec( desk, QStringLiteral( "LISTEN %1" ).arg( RtStoreSchema::changeChannel() ).toUtf8().constData() ) );
  auto received = [desk]()
  {
    QStringList payloads;
    PQconsumeInput( desk );
    while ( PGnotify *n = PQnotifies( desk ) )
    {
      payloads << QString::fromUtf8( n->extra );
      PQfreemem( n );
    }
    return payloads;
  };

  // A change refused (stale) announces nothing; a change made announces itself once.
  RtStatusChange stale = change( QStringLiteral( "CM-QHPK-A3" ), RtStatus::Done, QDate( 2024, 5, 1 ) );
  stale.expected = RtStatus::Blocked;
  CHECK( !openStore( uri )->setStatus( stale ).ok() );
  REQUIRE( openStore( uri )->setStatus( change( QStringLiteral( "CM-QHPK-A3" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) ).ok() );
  QStringList payloads;
  for ( int i = 0; i < 50 && payloads.isEmpty(); ++i )
  {
    payloads = received();
    if ( payloads.isEmpty() )
      std::this_thread::sleep_for( std::chrono::milliseconds( 20 ) );
  }
  PQfinish( desk );
  REQUIRE( payloads.size() == 1 );
  const QJsonObject o = QJsonDocument::fromJson( payloads.first().toUtf8() ).object();
  CHECK( o.value( QStringLiteral( "task" ) ).toString() == QStringLiteral( "CM-QHPK-A3" ) );
  CHECK( o.value( QStringLiteral( "kind" ) ).toString() == QStringLiteral( "status" ) );
  CHECK( o.value( QStringLiteral( "old" ) ).toString() == QStringLiteral( "in_progress" ) );
  CHECK( o.value( QStringLiteral( "new" ) ).toString() == QStringLiteral( "done" ) );
  CHECK( o.value( QStringLiteral( "by" ) ).toString() == QStringLiteral( "Phòng Quản lý đô thị" ) );
  CHECK( o.value( QStringLiteral( "db_user" ) ).toString() == QStringLiteral( "rt_super" ) );
  CHECK( o.value( QStringLiteral( "seq" ) ).toVariant().toLongLong() > 0 );
}

TEST_CASE( "a desk's listener hears another desk's status change on a PostgreSQL register", "[store][pg][live]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = create172( where.location() );
  RtPgListener listener( uri );
  QSignalSpy listening( &listener, &RtPgListener::listening );
  QSignalSpy changed( &listener, &RtPgListener::changed );
  listener.start();
  REQUIRE( ( listening.count() > 0 || listening.wait( 10000 ) ) );

  REQUIRE( openStore( uri )->setStatus( change( QStringLiteral( "CM-QHPK-A5" ), RtStatus::Done, QDate( 2024, 9, 1 ) ) ).ok() );
  REQUIRE( ( changed.count() > 0 || changed.wait( 5000 ) ) );
  const RtRemoteChange heard = changed.first().first().value<RtRemoteChange>();
  CHECK( heard.task == QStringLiteral( "CM-QHPK-A5" ) );
  CHECK( heard.kind == RtRemoteChange::Kind::Status );
  CHECK( heard.newValue == QStringLiteral( "done" ) );
  CHECK( heard.by == QStringLiteral( "Phòng Quản lý đô thị" ) );
  CHECK( heard.dbUser == QStringLiteral( "rt_super" ) );

  // A measured value is heard too, as text with its unit.
  RtValueChange value;
  value.taskId = QStringLiteral( "CM-TDC-500" );
  value.value = 312;
  value.by = QStringLiteral( "Ban Quản lý dự án" );
  value.date = QDate( 2025, 6, 10 );
  REQUIRE( openStore( uri )->setValue( value ).ok() );
  REQUIRE( ( changed.count() > 1 || changed.wait( 5000 ) ) );
  const RtRemoteChange measured = changed.last().first().value<RtRemoteChange>();
  CHECK( measured.kind == RtRemoteChange::Kind::Value );
  CHECK( measured.newValue == QStringLiteral( "312 ô đất tái định cư" ) );
  listener.stop();
}

TEST_CASE( "rights kept by the server: viewers read, editors change only their office's or place's tasks, a refusal names who may", "[store][pg][rights]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = create172( where.location() );
  const QString A3 = QStringLiteral( "CM-QHPK-A3" );
  const QString office = QStringLiteral( "Phòng Quản lý đô thị" );

  // Logins of this test (roles are the cluster's: names of their own).
  const QString suffix = QStringLiteral( "_%1" ).arg( QCoreApplication::applicationPid() );
  const QString qldt = QStringLiteral( "desk_qldt" ) + suffix, haiHoa = QStringLiteral( "desk_haihoa" ) + suffix,
                viewer = QStringLiteral( "council_staff" ) + suffix, admin = QStringLiteral( "ubnd_admin" ) + suffix;
  const auto loginUri = [&]( const QString &user )
  {
    return QString( uri ).replace( QRegularExpression( QStringLiteral( "^postgresql://[^@]*@" ) ), QStringLiteral( "postgresql://%1:pw-%1@" ).arg( user ) );
  };
  for ( const QString &user : { qldt, haiHoa, viewer, admin } )
  {
    RtTestPgDatabase::execute( uri, QStringLiteral( "DROP ROLE IF EXISTS %1" ).arg( user ) );
    REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "CREATE ROLE %1 LOGIN PASSWORD 'pw-%1'" ).arg( user ) ).isEmpty() );
  }
  REQUIRE( RtPgRights::grantRole( uri, qldt, RtPgRights::Role::Editor ).ok() );
  REQUIRE( RtPgRights::grantRole( uri, haiHoa, RtPgRights::Role::Editor ).ok() );
  REQUIRE( RtPgRights::grantRole( uri, viewer, RtPgRights::Role::Viewer ).ok() );
  REQUIRE( RtPgRights::grantRole( uri, admin, RtPgRights::Role::Admin ).ok() );
  const RtStatusResult unknownLogin = RtPgRights::grantRole( uri, QStringLiteral( "nobody" ) + suffix, RtPgRights::Role::Editor );
  CHECK( unknownLogin.errorKind() == RtErrorKind::NotFound );

  // The committee's plan makes the urban management office lead A3; Hải Hòa's officer gets the ward.
  RtAssignmentChange lead;
  lead.taskId = A3;
  lead.lead = office;
  lead.by = QStringLiteral( "UBND Thành phố" );
  REQUIRE( openStore( uri )->assign( lead ).ok() );
  REQUIRE( RtPgRights::grantScope( uri, qldt, QStringLiteral( "phòng quản lý  đô thị" ), QString(), QStringLiteral( "UBND" ) ).ok() ); // matched as offices are
  REQUIRE( RtPgRights::grantScope( uri, haiHoa, QString(), QStringLiteral( "ward:06742" ), QStringLiteral( "UBND" ) ).ok() );
  CHECK( RtPgRights::grantScope( uri, viewer, QString(), QStringLiteral( "ward:06742" ), QStringLiteral( "UBND" ) ).errorKind() == RtErrorKind::Invalid );

  // A task naming Hải Hòa (not A3), not yet in progress.
  QString haiHoaTask;
  const QVector<RtTask> allTasks = openStore( uri, false )->tasks().value();
  for ( const RtTask &t : allTasks )
    if ( t.places.contains( QStringLiteral( "ward:06742" ) ) && t.id != A3 && t.status != RtStatus::Done && t.status != RtStatus::InProgress )
      haiHoaTask = t.id;
  REQUIRE( !haiHoaTask.isEmpty() );
  INFO( haiHoaTask.toStdString() );
  const auto historySize = [&]( const QString &task ) { return openStore( uri, false )->history( task ).value().size(); };
  const int haiHoaHistory = historySize( haiHoaTask );

  // The office's desk: its task yes, Hải Hòa's no, naming who may.
  {
    const std::unique_ptr<RtStore> desk = openStore( loginUri( qldt ) );
    const RtStatusResult own = desk->setStatus( change( A3, RtStatus::Done, QDate( 2024, 5, 1 ) ) );
    INFO( own.error().toStdString() );
    CHECK( own.ok() );
    const RtStatusResult other = desk->setStatus( change( haiHoaTask, RtStatus::InProgress, QDate( 2024, 5, 1 ) ) );
    CHECK( other.errorKind() == RtErrorKind::Forbidden );
    CHECK( other.error().contains( qldt + QStringLiteral( " may not change task " ) + haiHoaTask ) );
    CHECK( other.error().contains( haiHoa ) );
    CHECK( other.error().contains( QStringLiteral( "rt_admin" ) ) );
    CHECK( historySize( haiHoaTask ) == haiHoaHistory );
  }
  // Hải Hòa's desk: the ward's task yes (a value too), A3 no.
  {
    const std::unique_ptr<RtStore> desk = openStore( loginUri( haiHoa ) );
    CHECK( desk->setStatus( change( haiHoaTask, RtStatus::InProgress, QDate( 2024, 6, 1 ) ) ).ok() );
    const RtStatusResult other = desk->setStatus( change( A3, RtStatus::Blocked, QDate( 2024, 6, 1 ) ) );
    CHECK( other.errorKind() == RtErrorKind::Forbidden );
    CHECK( other.error().contains( qldt ) );
    // Nor can an editor touch the history behind the store's back.
    const QString deleted = RtTestPgDatabase::execute( loginUri( haiHoa ), QStringLiteral( "DELETE FROM restrack.rt_status_history" ) );
    CHECK( deleted.contains( QStringLiteral( "permission denied" ) ) );
  }
  // Council staff read everything and change nothing.
  {
    const std::unique_ptr<RtStore> staff = openStore( loginUri( viewer ) );
    CHECK( staff->tasks().ok() );
    CHECK( staff->history( A3 ).ok() );
    const RtStatusResult refused = staff->setStatus( change( haiHoaTask, RtStatus::Done, QDate( 2024, 7, 1 ) ) );
    CHECK( refused.errorKind() == RtErrorKind::Forbidden );
    CHECK( refused.error().contains( haiHoa ) );
  }
  // The administrator changes any task.
  CHECK( openStore( loginUri( admin ) )->setStatus( change( haiHoaTask, RtStatus::Done, QDate( 2024, 8, 1 ) ) ).ok() );

  // Each history row records the database user who wrote it.
  CHECK( RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT db_user FROM restrack.rt_status_history WHERE task_id = '%1' ORDER BY seq DESC LIMIT 1" ).arg( A3 ) ) == qldt );
  CHECK( RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT string_agg(db_user, ',' ORDER BY seq) FROM restrack.rt_status_history WHERE task_id = '%1' AND old_status IS NOT NULL" ).arg( haiHoaTask ) )
         == haiHoa + QLatin1Char( ',' ) + admin );
  const RtResult<QStringList> rights = RtPgRights::describe( uri, qldt );
  REQUIRE( rights.ok() );
  CHECK( rights.value().join( QLatin1Char( '\n' ) ).contains( QStringLiteral( "rt_editor" ) ) );
  CHECK( rights.value().join( QLatin1Char( '\n' ) ).contains( QStringLiteral( "office \"phòng quản lý  đô thị\"" ) ) );
}
