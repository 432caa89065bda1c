// Live updates in the plugin's engine: how a change of another desk is told on the message
// bar, and that a register in a file is not listened to. (The whole path — a PostgreSQL
// register, a NOTIFY, the tasks read again — needs the PostgreSQL backend of the store.)
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtpglistener.h"
#include "rtstatus.h"
#include "rttracker.h"

#include <qgsproject.h>

#include <QTemporaryDir>

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
