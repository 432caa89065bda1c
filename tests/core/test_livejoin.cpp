// The join kept up to date as statuses change (rtlivejoin.h) and the fid → status table
// the plugin's renderer reads (rtstatustable.h).
#include "catch_compat.h"
#include "testutil.h"

#include "rtlayerkeys.h"
#include "rtlivejoin.h"
#include "rtregister.h"
#include "rtstatustable.h"

#include <QRandomGenerator>
#include <QSet>

namespace
{
  const RtCouncilTerm TERM { 2021, 2026 };
  const RtStatus STATUSES[] = { RtStatus::NotStarted, RtStatus::InProgress, RtStatus::Done,
                                RtStatus::Blocked, RtStatus::Dropped, RtStatus::NoReport };

  RtDeadline deadline( const QString &phrase )
  {
    const RtResult<RtDeadline> d = RtDeadline::parse( phrase, TERM );
    REQUIRE( d.ok() );
    return d.value();
  }

  //! Every feature's status, share, task count and tasks equal those of a fresh full join.
  int differences( const RtJoinResult &live, const RtJoinResult &fresh )
  {
    REQUIRE( live.features.size() == fresh.features.size() );
    int wrong = 0;
    for ( int i = 0; i < live.features.size(); ++i )
    {
      const RtFeatureResult &a = live.features.at( i );
      const RtFeatureResult &b = fresh.features.at( i );
      if ( a.fid != b.fid || a.status != b.status || a.shareDone != b.shareDone || a.taskCount != b.taskCount || a.taskIds != b.taskIds )
        ++wrong;
    }
    return wrong;
  }

  //! Indexes of the features a fresh join links to \a taskId.
  QSet<int> linkedTo( const RtJoinResult &r, const QString &taskId )
  {
    QSet<int> out;
    for ( int i = 0; i < r.features.size(); ++i )
      if ( r.features.at( i ).taskIds.contains( taskId ) )
        out.insert( i );
    return out;
  }
}

TEST_CASE( "live join on the bundled register and wards: a status change recounts only the task's wards", "[livejoin]" )
{
  RtKeyBinding wards;
  wards.kind = QStringLiteral( "ward" );
  wards.fields = QStringList { QStringLiteral( "gso_code" ) };
  const RtResult<RtLayerKeys> keys = RtLayerKeys::read( RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg|layername=wards_2023" ), wards );
  REQUIRE( keys.ok() );
  REQUIRE( keys.value().features.size() == 17 );
  const RtResult<RtRegisterFile> reg = RtRegister::load( RtTestPaths::registerJson() );
  REQUIRE( reg.ok() );
  QVector<RtTask> tasks = reg.value().tasks;
  const QDate asOf( 2023, 10, 13 );

  RtLiveJoin live( keys.value().features, wards );
  const RtLiveJoin::Change first = live.update( tasks, asOf );
  CHECK( first.full );
  CHECK( differences( live.result(), RtJoin::join( keys.value().features, wards, tasks, asOf ) ) == 0 );

  // The same tasks again: nothing to recount.
  const RtLiveJoin::Change same = live.update( tasks, asOf );
  CHECK_FALSE( same.full );
  CHECK( same.features.isEmpty() );

  // Every task that names a ward, set to each status in turn.
  int tasksOnWards = 0;
  for ( int t = 0; t < tasks.size(); ++t )
  {
    const QSet<int> linked = linkedTo( live.result(), tasks.at( t ).id );
    if ( linked.isEmpty() )
      continue;
    ++tasksOnWards;
    for ( RtStatus s : STATUSES )
    {
      if ( tasks[t].status == s )
        continue;
      tasks[t].status = s;
      const RtLiveJoin::Change change = live.update( tasks, asOf );
      INFO( tasks.at( t ).id.toStdString() << " → " << RtStatuses::code( s ).toStdString() );
      REQUIRE_FALSE( change.full );
      CHECK( QSet<int>( change.features.begin(), change.features.end() ) == linked );
      CHECK( differences( live.result(), RtJoin::join( keys.value().features, wards, tasks, asOf ) ) == 0 );
    }
  }
  CHECK( tasksOnWards > 10 );
}

TEST_CASE( "live join on parcels: random changes agree with a full join: links and dates rejoin", "[livejoin]" )
{
  QRandomGenerator rng( 20231013 );
  const QStringList communes = { "06709", "06712", "06715", "06721", "06742" };
  QVector<RtFeatureKey> features;
  for ( int i = 0; i < 20000; ++i )
  {
    // Every 499th parcel repeats its predecessor's key: ambiguous keys must stay unlinked.
    const int n = i % 499 == 0 && i > 0 ? i - 1 : i;
    features << RtFeatureKey { 1 + i, { communes[n % 5], QString::number( 1 + ( n / 5 ) % 40 ), QString::number( n / 200 ) } };
  }
  auto placeOf = [&communes]( int n ) {
    return QStringLiteral( "parcel:%1/%2/%3" ).arg( communes[n % 5] ).arg( 1 + ( n / 5 ) % 40 ).arg( n / 200 );
  };
  QVector<RtTask> tasks;
  for ( int t = 0; t < 3000; ++t )
  {
    RtTask task;
    task.id = QStringLiteral( "HS-%1" ).arg( t );
    task.status = STATUSES[rng.bounded( 6 )];
    task.deadline = deadline( QStringLiteral( "đến hết năm %1" ).arg( 2023 + rng.bounded( 4 ) ) );
    for ( int k = 0, links = 1 + rng.bounded( 3 ); k < links; ++k )
      task.places << placeOf( rng.bounded( 20500 ) );  // a few beyond the layer: unmatched
    tasks << task;
  }
  RtKeyBinding parcels;
  parcels.kind = QStringLiteral( "parcel" );
  parcels.fields = QStringList { "commune", "sheet", "parcel" };
  QDate asOf( 2025, 6, 30 );

  RtLiveJoin live( features, parcels );
  REQUIRE( live.update( tasks, asOf ).full );
  REQUIRE_FALSE( live.result().ambiguous.isEmpty() );
  REQUIRE_FALSE( live.result().unmatched.isEmpty() );

  SECTION( "status changes, one or several at a time, recount in place" )
  {
    for ( int round = 0; round < 40; ++round )
    {
      QSet<int> expected;
      for ( int k = 0, n = 1 + rng.bounded( 3 ); k < n; ++k )
      {
        const int t = rng.bounded( tasks.size() );
        tasks[t].status = STATUSES[rng.bounded( 6 )];
        expected += linkedTo( live.result(), tasks.at( t ).id );
      }
      const RtLiveJoin::Change change = live.update( tasks, asOf );
      REQUIRE_FALSE( change.full );
      // Only the changed tasks' parcels; a task set to the status it had recounts nothing.
      CHECK( QSet<int>( change.features.begin(), change.features.end() ).subtract( expected ).isEmpty() );
      CHECK( differences( live.result(), RtJoin::join( features, parcels, tasks, asOf ) ) == 0 );
    }
  }
  SECTION( "a new deadline that makes a task overdue recounts its parcels" )
  {
    int t = 0;
    while ( tasks.at( t ).status == RtStatus::Done || tasks.at( t ).status == RtStatus::Dropped || linkedTo( live.result(), tasks.at( t ).id ).isEmpty()
            || tasks.at( t ).deadline.date() < asOf )
      ++t;
    tasks[t].deadline = deadline( QStringLiteral( "đến hết năm 2024" ) );
    const RtLiveJoin::Change change = live.update( tasks, asOf );
    CHECK_FALSE( change.full );
    CHECK( QSet<int>( change.features.begin(), change.features.end() ) == linkedTo( live.result(), tasks.at( t ).id ) );
    for ( int i : change.features )
      CHECK( live.result().features.at( i ).status != RtFeatureStatus::None );
    CHECK( differences( live.result(), RtJoin::join( features, parcels, tasks, asOf ) ) == 0 );
  }
  SECTION( "a place linked, a task added, or another as-of date: the full join again" )
  {
    tasks[7].places << placeOf( 12345 );
    CHECK( live.update( tasks, asOf ).full );
    CHECK( differences( live.result(), RtJoin::join( features, parcels, tasks, asOf ) ) == 0 );

    RtTask extra;
    extra.id = QStringLiteral( "HS-new" );
    extra.status = RtStatus::Blocked;
    extra.places << placeOf( 42 );
    tasks << extra;
    CHECK( live.update( tasks, asOf ).full );
    CHECK( live.result().features.at( 42 ).status == RtFeatureStatus::Blocked );

    asOf = QDate( 2027, 1, 1 );
    CHECK( live.update( tasks, asOf ).full );
    CHECK( differences( live.result(), RtJoin::join( features, parcels, tasks, asOf ) ) == 0 );
  }
}

TEST_CASE( "live join: two tasks with one id are always joined in full", "[livejoin]" )
{
  RtKeyBinding wards;
  wards.kind = QStringLiteral( "ward" );
  wards.fields = QStringList { QStringLiteral( "gso_code" ) };
  const QVector<RtFeatureKey> features { { 1, { "06715" } }, { 2, { "06742" } } };
  RtTask a;
  a.id = QStringLiteral( "T" );
  a.places << QStringLiteral( "ward:06715" );
  RtTask b = a;
  b.places = QStringList { QStringLiteral( "ward:06742" ) };
  QVector<RtTask> tasks { a, b };
  RtLiveJoin live( features, wards );
  live.update( tasks, QDate( 2024, 1, 1 ) );
  tasks[1].status = RtStatus::Done;
  CHECK( live.update( tasks, QDate( 2024, 1, 1 ) ).full );
  CHECK( live.result().features.at( 1 ).status == RtFeatureStatus::Done );
  CHECK( live.result().features.at( 0 ).status == RtFeatureStatus::NoReport );
}

TEST_CASE( "status table: an array for compact ids, a hash for scattered ones", "[livejoin]" )
{
  QVector<RtFeatureResult> compact;
  for ( int fid = 1; fid <= 1000; ++fid )
  {
    RtFeatureResult r;
    r.fid = fid;
    r.status = static_cast<RtFeatureStatus>( fid % 8 );
    compact << r;
  }
  RtStatusTable dense( compact );
  CHECK( dense.isDense() );
  CHECK( dense.size() == 1000 );
  int wrong = 0;
  for ( const RtFeatureResult &r : compact )
    wrong += dense.status( r.fid ) != r.status;
  CHECK( wrong == 0 );
  CHECK( dense.status( 0 ) == RtFeatureStatus::None );
  CHECK( dense.status( 5000 ) == RtFeatureStatus::None );
  CHECK( dense.status( -3 ) == RtFeatureStatus::None );
  dense.set( 10, RtFeatureStatus::Blocked );
  CHECK( dense.status( 10 ) == RtFeatureStatus::Blocked );

  QVector<RtFeatureResult> scattered = compact;
  for ( RtFeatureResult &r : scattered )
    r.fid = r.fid * 1000003LL + ( qint64( 1 ) << 40 );
  RtStatusTable sparse( scattered );
  CHECK_FALSE( sparse.isDense() );
  wrong = 0;
  for ( const RtFeatureResult &r : scattered )
    wrong += sparse.status( r.fid ) != r.status;
  CHECK( wrong == 0 );
  CHECK( sparse.status( 1 ) == RtFeatureStatus::None );
  sparse.set( 7, RtFeatureStatus::Done ); // unknown: ignored
  CHECK( sparse.status( 7 ) == RtFeatureStatus::None );
  sparse.set( scattered.at( 3 ).fid, RtFeatureStatus::Done );
  CHECK( sparse.status( scattered.at( 3 ).fid ) == RtFeatureStatus::Done );

  CHECK( RtStatusTable().status( 1 ) == RtFeatureStatus::None );
}
