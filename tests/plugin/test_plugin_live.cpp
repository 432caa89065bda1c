// Live updates in the plugin's engine: how a change of another desk is told on the message
// bar, that a register in a file is not listened to, and the whole path on the fixture's
// PostgreSQL server: another desk's change, its NOTIFY, the tasks read again.
#include "catch_compat.h"
#include "backendtestutil.h"
#include "maptestutil.h"
#include "register172.h"

#include "rtpglistener.h"
#include "rtstatus.h"
#include "rtstore.h"
#include "rttracker.h"

#include <qgsproject.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

TEST_CASE( "a change made at another desk is told with who made it and the statuses' labels", "[plugin][live]" )
{
  RtRemoteChange change;
  change.task = QStringLiteral( "CM-QHPK-A3" );
  change.kind = RtRemoteChange::Kind::Status;
  change.oldValue = QStringLiteral( "in_progress" );
  change.newValue = QStringLiteral( "done" );
  change.by = QString::fromUtf8( "Phòng QLĐT" );
  change.dbUser = QStringLiteral( "ubnd_qldt" );
  change.seq = 42;

  CHECK( RtTracker::describeRemoteChange( change, RtLang::En )
         == QString::fromUtf8( "Phòng QLĐT (ubnd_qldt) changed CM-QHPK-A3: %1 → %2" )
         .arg( RtStatuses::label( RtStatus::InProgress, RtLang::En ), RtStatuses::label( RtStatus::Done, RtLang::En ) ) );
  const QString vi = RtTracker::describeRemoteChange( change, RtLang::Vi );
  CHECK( vi.contains( RtStatuses::label( RtStatus::InProgress, RtLang::Vi ) ) );
  CHECK( vi.contains( RtStatuses::label( RtStatus::Done, RtLang::Vi ) ) );

  // No person recorded: the database user; no old value: a dash.
  change.by.clear();
  change.oldValue = QString();
  CHECK( RtTracker::describeRemoteChange( change, RtLang::En )
         == QStringLiteral( "ubnd_qldt changed CM-QHPK-A3: — → %1" ).arg( RtStatuses::label( RtStatus::Done, RtLang::En ) ) );

  // A value or an assignment is shown as it was written.
  change.kind = RtRemoteChange::Kind::Assignment;
  change.by = QStringLiteral( "ubnd_qldt" );
  change.oldValue = QString::fromUtf8( "Phòng QLĐT" );
  change.newValue = QString::fromUtf8( "Phòng TC-KH" );
  CHECK( RtTracker::describeRemoteChange( change, RtLang::En )
         == QString::fromUtf8( "ubnd_qldt changed CM-QHPK-A3: Phòng QLĐT → Phòng TC-KH" ) );
}

TEST_CASE( "a register in a file is not listened to and its read time is kept", "[plugin][live]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( RtMapTest::buildRegister( path ) );
  QgsProject project;
  RtTracker tracker( &project );
  CHECK_FALSE( tracker.lastReadAt().isValid() );
  const RtStatusResult opened = tracker.openRegister( path );
  REQUIRE( opened.ok() );
  CHECK_FALSE( tracker.isListening() );
  CHECK( tracker.lastReadAt().isValid() );
}

TEST_CASE( "a register on a PostgreSQL server: the tracker hears another desk's change and reads the tasks again, its own change is not told", "[plugin][live][pg]" )
{
  // The fixture's cluster (ctest fixture pg) unless the caller points elsewhere.
  if ( qEnvironmentVariableIsEmpty( "RT_TEST_PG_ENV" ) )
    qputenv( "RT_TEST_PG_ENV", RT_PG_TEST_ENV_FILE );
  const RtTestRegisterLocation where( "pg" );
  const QString uri = rtCreate172( where.location() );

  QgsProject project;
  RtTracker tracker( &project );
  qRegisterMetaType<QVector<RtRemoteChange>>( "QVector<RtRemoteChange>" );
  QSignalSpy read( &tracker, &RtTracker::remoteChangesRead );
  const RtStatusResult opened = tracker.openRegister( uri );
  INFO( opened.error().toStdString() );
  REQUIRE( opened.ok() );
  for ( int i = 0; i < 100 && !tracker.isListening(); ++i )
    QTest::qWait( 50 );
  REQUIRE( tracker.isListening() );
  const auto statusOf = [&]( const QString &id )
  {
    for ( const RtTask &t : tracker.currentTasks() )
      if ( t.id == id )
        return t.status;
    return RtStatus::NoReport;
  };
  REQUIRE( statusOf( QStringLiteral( "CM-QHPK-A3" ) ) == RtStatus::InProgress );

  // Another desk: the store on its own connection.
  {
    RtResult<std::unique_ptr<RtStore>> desk = RtStore::open( uri, true );
    REQUIRE( desk.ok() );
    RtStatusChange change;
    change.taskId = QStringLiteral( "CM-QHPK-A3" );
    change.newStatus = RtStatus::Done;
    change.by = QStringLiteral( "Phòng Quản lý đô thị" );
    change.date = QDate( 2024, 5, 2 );
    REQUIRE( desk.value()->setStatus( change ).ok() );
  }
  REQUIRE( ( read.count() > 0 || read.wait( 5000 ) ) );
  const QVector<RtRemoteChange> heard = read.first().first().value<QVector<RtRemoteChange>>();
  REQUIRE( heard.size() == 1 );
  CHECK( heard.first().task == QStringLiteral( "CM-QHPK-A3" ) );
  CHECK( heard.first().by == QStringLiteral( "Phòng Quản lý đô thị" ) );
  CHECK( statusOf( QStringLiteral( "CM-QHPK-A3" ) ) == RtStatus::Done ); // read again: the panel and the map follow

  // This desk's own change is saved and shown, not told back as another desk's.
  read.clear();
  RtStatusChange own;
  own.taskId = QStringLiteral( "CM-QHPK-A5" );
  own.newStatus = RtStatus::Done;
  own.by = QStringLiteral( "Phòng Quản lý đô thị" );
  own.date = QDate( 2024, 6, 1 );
  const RtStatusResult saved = tracker.changeStatus( own );
  INFO( saved.error().toStdString() );
  REQUIRE( saved.ok() );
  CHECK_FALSE( read.wait( 1500 ) );
  CHECK( statusOf( QStringLiteral( "CM-QHPK-A5" ) ) == RtStatus::Done );
}
