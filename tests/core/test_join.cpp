// The task↔feature join and the status aggregation rule (rtjoin.h).
#include "catch_compat.h"

#include "gdaltestutil.h"
#include "testutil.h"

#include "rtcity.h"
#include "rtjoin.h"
#include "rtlayerkeys.h"
#include "rtlivejoin.h"
#include "rtplacekey.h"
#include "rtregister.h"

#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>

#include <map>

namespace
{
  const RtCouncilTerm TERM { 2021, 2026 };

  RtDeadline deadline( const char *phrase )
  {
    const RtResult<RtDeadline> d = RtDeadline::parse( QString::fromUtf8( phrase ), TERM );
    REQUIRE( d.ok() );
    return d.value();
  }

  RtTask task( const QString &id, RtStatus status, const QStringList &places, const RtDeadline &due = RtDeadline() )
  {
    RtTask t;
    t.id = id;
    t.status = status;
    t.places = places;
    t.deadline = due;
    return t;
  }

  RtKeyBinding wardCodes()
  {
    RtKeyBinding b;
    b.kind = QStringLiteral( "ward" );
    b.fields = QStringList { QStringLiteral( "gso_code" ) };
    return b;
  }

  //! One ward feature (fid 1, code 06742) with tasks of the given statuses.
  RtFeatureResult aggregateOf( const QVector<RtStatus> &statuses, const QDate &asOf = QDate( 2023, 12, 1 ),
                               const RtDeadline &due = RtDeadline() )
  {
    QVector<RtTask> tasks;
    for ( int i = 0; i < statuses.size(); ++i )
      tasks << task( QStringLiteral( "T%1" ).arg( i ), statuses[i], { QStringLiteral( "ward:06742" ) }, due );
    const RtJoinResult r = RtJoin::join( { RtFeatureKey { 1, { QStringLiteral( "06742" ) } } }, wardCodes(), tasks, asOf );
    REQUIRE( r.features.size() == 1 );
    return r.features.first();
  }
}

TEST_CASE( "the aggregation rule, case by case", "[join]" )
{
  using S = RtStatus;
  using F = RtFeatureStatus;
  // 1. no task
  CHECK( aggregateOf( {} ).status == F::None );
  // 2. blocked wins over everything, overdue included
  CHECK( aggregateOf( { S::Blocked, S::Done, S::InProgress } ).status == F::Blocked );
  CHECK( aggregateOf( { S::Blocked, S::NotStarted }, QDate( 2024, 6, 1 ), deadline( "đến hết năm 2023" ) ).status == F::Blocked );
  // 3. overdue: the deadline passed on the as-of date and the task is still open
  CHECK( aggregateOf( { S::InProgress }, QDate( 2024, 1, 1 ), deadline( "đến hết năm 2023" ) ).status == F::Overdue );
  CHECK( aggregateOf( { S::InProgress }, QDate( 2023, 12, 31 ), deadline( "đến hết năm 2023" ) ).status == F::InProgress );
  CHECK( aggregateOf( { S::Done }, QDate( 2024, 1, 1 ), deadline( "đến hết năm 2023" ) ).status == F::Done );
  CHECK( aggregateOf( { S::Dropped, S::Done }, QDate( 2030, 1, 1 ), deadline( "đến hết năm 2023" ) ).status == F::Done );
  CHECK( aggregateOf( { S::NoReport }, QDate( 2027, 1, 1 ), deadline( "hết nhiệm kỳ" ) ).status == F::Overdue );
  CHECK( aggregateOf( { S::NoReport }, QDate( 2027, 1, 1 ), deadline( "hàng năm" ) ).status == F::NoReport );
  // 4. in progress, or some done and some still open
  CHECK( aggregateOf( { S::InProgress, S::Done } ).status == F::InProgress );
  CHECK( aggregateOf( { S::InProgress, S::NotStarted, S::NoReport } ).status == F::InProgress );
  CHECK( aggregateOf( { S::Done, S::NotStarted } ).status == F::InProgress );
  CHECK( aggregateOf( { S::Done, S::NoReport } ).status == F::InProgress );
  // 5. all closed, at least one done
  CHECK( aggregateOf( { S::Done, S::Done } ).status == F::Done );
  CHECK( aggregateOf( { S::Done, S::Dropped } ).status == F::Done );
  // 6. all dropped
  CHECK( aggregateOf( { S::Dropped, S::Dropped } ).status == F::Dropped );
  // 7. any not started
  CHECK( aggregateOf( { S::NotStarted, S::NoReport } ).status == F::NotStarted );
  CHECK( aggregateOf( { S::NotStarted, S::Dropped } ).status == F::NotStarted );
  // 8. otherwise: no report (dropped ones aside)
  CHECK( aggregateOf( { S::NoReport } ).status == F::NoReport );
  CHECK( aggregateOf( { S::NoReport, S::Dropped } ).status == F::NoReport );
}

TEST_CASE( "share done is done / (linked - dropped), 0 when nothing is left to do", "[join]" )
{
  using S = RtStatus;
  // The shares here are exact binary fractions: compared exactly.
  CHECK( aggregateOf( {} ).shareDone == 0.0 );
  CHECK( aggregateOf( { S::Done, S::InProgress } ).shareDone == 0.5 );
  CHECK( aggregateOf( { S::Done, S::Dropped, S::NotStarted } ).shareDone == 0.5 );
  CHECK( aggregateOf( { S::Done, S::Done, S::Dropped } ).shareDone == 1.0 );
  CHECK( aggregateOf( { S::Dropped, S::Dropped } ).shareDone == 0.0 );
  CHECK( aggregateOf( { S::Done, S::Blocked, S::NoReport, S::InProgress } ).shareDone == 0.25 );
  CHECK( aggregateOf( { S::Done, S::Blocked, S::NoReport, S::InProgress } ).taskCount == 4 );
}

TEST_CASE( "feature status codes and labels", "[join]" )
{
  QStringList codes;
  for ( RtFeatureStatus s : RtFeatureStatuses::all() )
    codes << RtFeatureStatuses::code( s );
  CHECK( codes == QStringList { "none", "not_started", "in_progress", "done", "blocked", "dropped", "no_report", "overdue" } );
  // The task statuses' labels, so the map and the summary say the same.
  CHECK( RtFeatureStatuses::label( RtFeatureStatus::InProgress, RtLang::Vi ) == RtStatuses::label( RtStatus::InProgress, RtLang::Vi ) );
  CHECK( RtFeatureStatuses::label( RtFeatureStatus::Dropped, RtLang::En ) == RtStatuses::label( RtStatus::Dropped, RtLang::En ) );
  CHECK( RtFeatureStatuses::label( RtFeatureStatus::Overdue, RtLang::Vi ) == QStringLiteral( "Quá hạn" ) );
  CHECK( RtFeatureStatuses::label( RtFeatureStatus::Overdue, RtLang::En ) == QStringLiteral( "Overdue" ) );
  CHECK( RtFeatureStatuses::label( RtFeatureStatus::None, RtLang::Vi ) == QStringLiteral( "Không có nhiệm vụ" ) );
  CHECK( RtFeatureStatuses::label( RtFeatureStatus::None, RtLang::En ) == QStringLiteral( "No task" ) );
}

TEST_CASE( "tasks and features are many-to-many: unmatched and ambiguous links are reported", "[join]" )
{
  const QVector<RtFeatureKey> features =
  {
    { 10, { QStringLiteral( "06742" ) } },
    { 11, { QStringLiteral( "06721" ) } },
    { 12, { QStringLiteral( "06745" ) } },
    { 13, { QStringLiteral( " 06751" ) } },  // two features share a code: a digitising slip
    { 14, { QStringLiteral( "06751 " ) } },
    { 15, { QString() } },                   // no code at all: never linked
  };
  const QVector<RtTask> tasks =
  {
    task( "A", RtStatus::Done, { "ward:06742", "ward:06721", "zone:A3" } ),
    task( "B", RtStatus::InProgress, { "ward:06742", "WARD:06745", "ward:06742" } ),
    task( "C", RtStatus::NotStarted, { "ward:06751", "ward:6742", "ward:" } ),
    task( "D", RtStatus::Blocked, { "site:hai-yen-ip" } ),
  };
  const RtJoinResult r = RtJoin::join( features, wardCodes(), tasks, QDate( 2024, 1, 1 ) );
  REQUIRE( r.features.size() == 6 );
  CHECK( r.features[0].fid == 10 );
  CHECK( r.features[0].taskIds == QStringList { "A", "B" } ); // B's repeated key counts once
  CHECK( r.features[0].status == RtFeatureStatus::InProgress );
  CHECK( r.features[0].shareDone == 0.5 );
  CHECK( r.features[1].taskIds == QStringList { "A" } );
  CHECK( r.features[1].status == RtFeatureStatus::Done );
  CHECK( r.features[2].taskIds == QStringList { "B" } );
  // The ambiguous key counts for neither feature.
  CHECK( r.features[3].status == RtFeatureStatus::None );
  CHECK( r.features[4].status == RtFeatureStatus::None );
  CHECK( r.features[3].taskIds.isEmpty() );
  CHECK( r.features[5].status == RtFeatureStatus::None );
  REQUIRE( r.ambiguous.size() == 1 );
  CHECK( r.ambiguous.value( QStringLiteral( "06751" ) ) == QVector<qint64> { 13, 14 } );
  // "6742" is not "06742"; an empty key matches nothing; other kinds are not this layer's business.
  REQUIRE( r.unmatched.size() == 2 );
  CHECK( r.unmatched[0].taskId == QStringLiteral( "C" ) );
  CHECK( r.unmatched[0].key == QStringLiteral( "6742" ) );
  CHECK( r.unmatched[1].key.isEmpty() );

  // Without task ids the statuses are the same.
  RtJoinOptions lean;
  lean.collectTaskIds = false;
  const RtJoinResult l = RtJoin::join( features, wardCodes(), tasks, QDate( 2024, 1, 1 ), lean );
  CHECK( l.features[0].taskIds.isEmpty() );
  CHECK( l.features[0].taskCount == 2 );
  CHECK( l.features[0].status == RtFeatureStatus::InProgress );
}

TEST_CASE( "composite parcel keys: commune / sheet / parcel, numbers without leading zeros except the commune", "[join]" )
{
  RtKeyBinding parcels;
  parcels.kind = QStringLiteral( "parcel" );
  parcels.fields = QStringList { QStringLiteral( "ma_xa" ), QStringLiteral( "so_to" ), QStringLiteral( "so_thua" ) };
  const QVector<RtFeatureKey> features =
  {
    { 1, { QStringLiteral( "06715" ), QStringLiteral( "12" ), QStringLiteral( "345" ) } },
    { 2, { QStringLiteral( "06715" ), QStringLiteral( "012" ), QStringLiteral( "346" ) } },
    { 3, { QStringLiteral( "06721" ), QStringLiteral( "12" ), QStringLiteral( "345" ) } },
    { 4, { QStringLiteral( "06715" ), QStringLiteral( "12" ), QStringLiteral( "345a" ) } },
  };
  const QVector<RtTask> tasks =
  {
    task( "HS-1", RtStatus::Done, { "parcel:06715/012/0345", "parcel:06715/12/346" } ),
    task( "HS-2", RtStatus::InProgress, { "parcel:06721/12/345", "parcel:6715/12/345", "parcel:06715/12" } ),
    task( "HS-3", RtStatus::NoReport, { "parcel:06715 / 12 / 345A" } ),
  };
  const RtJoinResult r = RtJoin::join( features, parcels, tasks, QDate( 2024, 1, 1 ) );
  CHECK( r.features[0].taskIds == QStringList { "HS-1" } );
  CHECK( r.features[1].taskIds == QStringList { "HS-1" } );
  CHECK( r.features[2].taskIds == QStringList { "HS-2" } );
  CHECK( r.features[3].taskIds == QStringList { "HS-3" } );
  CHECK( r.features[3].status == RtFeatureStatus::NoReport );
  QStringList unmatched;
  for ( const RtTaskLink &l : r.unmatched )
    unmatched << l.key;
  CHECK( unmatched == QStringList { "6715/12/345", "06715/12" } );
}

TEST_CASE( "a large synthetic join agrees with a naive join, on one thread or several", "[join]" )
{
  QRandomGenerator rng( 172 );
  const QStringList communes = { "06709", "06712", "06715", "06721", "06742" };
  QVector<RtFeatureKey> features;
  for ( int i = 0; i < 60000; ++i )
  {
    // Every 997th parcel repeats its predecessor's key: ambiguous keys are part of the test.
    const int n = i % 997 == 0 && i > 0 ? i - 1 : i;
    features << RtFeatureKey { 1000 + i, { communes[n % 5], QString::number( 1 + ( n / 5 ) % 40 ), QString::number( n / 200 ) } };
  }
  QVector<RtTask> tasks;
  const RtStatus statuses[] = { RtStatus::NotStarted, RtStatus::InProgress, RtStatus::Done, RtStatus::Blocked, RtStatus::Dropped, RtStatus::NoReport };
  for ( int t = 0; t < 8000; ++t )
  {
    RtTask task;
    task.id = QStringLiteral( "HS-%1" ).arg( t );
    task.status = statuses[rng.bounded( 6 )];
    task.deadline = rng.bounded( 2 ) ? deadline( "đến hết năm 2023" ) : RtDeadline();
    for ( int k = 0, links = 1 + rng.bounded( 3 ); k < links; ++k )
    {
      const int n = rng.bounded( 62000 );
      task.places << QStringLiteral( "parcel:%1/%2/%3" ).arg( communes[n % 5] ).arg( 1 + ( n / 5 ) % 40, 3, 10, QLatin1Char( '0' ) ).arg( n / 200 );
    }
    tasks << task;
  }
  RtKeyBinding parcels;
  parcels.kind = QStringLiteral( "parcel" );
  parcels.fields = QStringList { "a", "b", "c" };
  const QDate asOf( 2024, 6, 1 );

  // The naive join: every key compared as a string with every feature's.
  std::map<QString, QVector<int>> byKey;
  for ( int i = 0; i < features.size(); ++i )
    byKey[RtPlaceKey::compositeKey( features[i].values )].append( i );
  QVector<QStringList> expectedIds( features.size() );
  QVector<RtStatusCounts> expectedCounts( features.size() );
  int expectedUnmatched = 0;
  QSet<QString> expectedAmbiguous;
  for ( const RtTask &t : tasks )
  {
    QSet<int> seen;
    for ( const QString &p : t.places )
    {
      const QString key = p.mid( 7 );
      const auto it = byKey.find( RtPlaceKey::linkKeys( key, 3, RtPlaceKey::Match::Code ).strict );
      if ( it == byKey.end() )
        ++expectedUnmatched;
      else if ( it->second.size() > 1 )
        expectedAmbiguous.insert( key );
      else if ( !seen.contains( it->second.first() ) )
      {
        const int f = it->second.first();
        seen.insert( f );
        expectedIds[f] << t.id;
        expectedCounts[f].add( t.status, t.deadline.kind() == RtDeadline::Kind::Date && RtStatuses::isOverdue( t.status, t.deadline.date(), asOf ) );
      }
    }
  }
  REQUIRE( !expectedAmbiguous.isEmpty() );
  REQUIRE( expectedUnmatched > 0 );

  for ( int threads : { 1, 2, 4 } )
  {
    INFO( "threads " << threads );
    RtJoinOptions options;
    options.threads = threads;
    const RtJoinResult r = RtJoin::join( features, parcels, tasks, asOf, options );
    REQUIRE( r.features.size() == features.size() );
    CHECK( r.unmatched.size() == expectedUnmatched );
    CHECK( QSet<QString>( r.ambiguous.keyBegin(), r.ambiguous.keyEnd() ) == expectedAmbiguous );
    int wrong = 0;
    for ( int i = 0; i < features.size(); ++i )
    {
      // Ids in the naive join follow task order too.
      if ( r.features[i].fid != features[i].fid || r.features[i].taskIds != expectedIds[i]
           || r.features[i].status != RtJoin::aggregate( expectedCounts[i] ) || r.features[i].shareDone != RtJoin::shareDone( expectedCounts[i] ) )
        ++wrong;
    }
    CHECK( wrong == 0 );
  }
}

TEST_CASE( "a key map translates the tasks' keys into the layer's units: a key it lacks lands nowhere", "[join]" )
{
  // Two 2025 units, each absorbing 2023 communes; 06709 is a code in both years.
  const QVector<RtFeatureKey> units2025 { { 1, { "06709" } }, { 2, { "06742" } } };
  RtKeyBinding binding = wardCodes();
  binding.keyMap = { { "06709", "06709" }, { "06712", "06709" }, { "06715", "06742" }, { "06742", "06742" } };
  const QVector<RtTask> tasks {
    task( "A", RtStatus::Done, { "ward:06712", "ward:06709" } ),   // two old communes of one unit: counts once
    task( "B", RtStatus::InProgress, { "ward:06715" } ),
    task( "C", RtStatus::Blocked, { "ward:06730" } ),               // not in the map: unmatched, not guessed
    task( "D", RtStatus::NotStarted, { "zone:A3" } ),               // another kind: ignored
  };
  const RtJoinResult r = RtJoin::join( units2025, binding, tasks, QDate( 2024, 1, 1 ) );
  REQUIRE( r.features.size() == 2 );
  CHECK( r.features[0].taskIds == QStringList { "A" } );
  CHECK( r.features[0].taskCount == 1 );
  CHECK( r.features[0].status == RtFeatureStatus::Done );
  CHECK( r.features[1].taskIds == QStringList { "B" } );
  REQUIRE( r.unmatched.size() == 1 );
  CHECK( r.unmatched[0].taskId == QStringLiteral( "C" ) );
  CHECK( r.unmatched[0].key == QStringLiteral( "06730" ) );

  // Without the map the old codes are matched as they are: only 06709 and 06742 land.
  const RtJoinResult plain = RtJoin::join( units2025, wardCodes(), tasks, QDate( 2024, 1, 1 ) );
  CHECK( plain.features[1].taskIds.isEmpty() );
  CHECK( plain.unmatched.size() == 3 );
}

namespace
{
  const QDate sResolutionDate( 2023, 10, 13 );

  QString sampleLayers() { return RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg" ); }

  QVector<RtTask> registerTasks()
  {
    const RtResult<RtRegisterFile> reg = RtRegister::load( RtTestPaths::registerJson() );
    REQUIRE( reg.ok() );
    return reg.value().tasks;
  }

  RtKeyBinding binding( const QString &field, RtKeyBinding::Match match, bool withGazetteer )
  {
    RtKeyBinding b;
    b.kind = QStringLiteral( "ward" );
    b.fields = QStringList { field };
    b.match = match;
    if ( withGazetteer )
    {
      b.gazetteer = RtCity::bundled().gazetteer;
      b.placesDate = sResolutionDate;
    }
    return b;
  }

  QVector<RtFeatureKey> readKeys( const QString &spec, const RtKeyBinding &b )
  {
    const RtResult<RtLayerKeys> layer = RtLayerKeys::read( spec, b );
    REQUIRE( layer.ok() );
    return layer.value().features;
  }

  //! Each feature's tasks by the feature's value of \a field in \a spec (fids of a copy may differ).
  QMap<QString, QStringList> tasksByValue( const QString &spec, const QString &field, const RtJoinResult &result )
  {
    RtKeyBinding b;
    b.kind = QStringLiteral( "ward" );
    b.fields = QStringList { field };
    QHash<qint64, QString> valueOf;
    for ( const RtFeatureKey &f : readKeys( spec, b ) )
      valueOf.insert( f.fid, f.values.value( 0 ) );
    QMap<QString, QStringList> out;
    for ( const RtFeatureResult &r : result.features )
      out.insert( valueOf.value( r.fid ), r.taskIds );
    return out;
  }
}

TEST_CASE( "a ward layer with names only matches the tasks stored by GSO codes through the gazetteer", "[join][gazetteer]" )
{
  // Bug (issue 8): a layer with names only left the register's code-stored ward tasks unmatched.
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString copy = dir.filePath( QStringLiteral( "names.gpkg" ) );
  rtCopyLayer( sampleLayers(), QStringLiteral( "wards_2023" ), copy, QStringLiteral( "wards_names" ), { QStringLiteral( "name" ) } );
  const QString namesSpec = copy + QStringLiteral( "|layername=wards_names" );
  const QString codesSpec = sampleLayers() + QStringLiteral( "|layername=wards_2023" );
  const QVector<RtTask> tasks = registerTasks();

  const RtKeyBinding byCode = binding( QStringLiteral( "gso_code" ), RtKeyBinding::Match::Code, false );
  const RtJoinResult expected = RtJoin::join( readKeys( codesSpec, byCode ), byCode, tasks, sResolutionDate );
  REQUIRE( expected.unmatched.isEmpty() );
  const QMap<QString, QStringList> expectedByName = tasksByValue( codesSpec, QStringLiteral( "name" ), expected );
  REQUIRE( expectedByName.size() == 17 );

  // Without the gazetteer nothing lands.
  const RtKeyBinding plain = binding( QStringLiteral( "name" ), RtKeyBinding::Match::Name, false );
  const QVector<RtFeatureKey> names = readKeys( namesSpec, plain );
  REQUIRE( names.size() == 17 );
  const RtJoinResult before = RtJoin::join( names, plain, tasks, sResolutionDate );
  int wardLinks = 0;
  for ( const RtTask &t : tasks )
    for ( const QString &p : t.places )
      wardLinks += p.startsWith( QLatin1String( "ward:" ) ) ? 1 : 0;
  CHECK( before.unmatched.size() == wardLinks );

  // With it, every link lands where the codes put it.
  const RtKeyBinding viaGazetteer = binding( QStringLiteral( "name" ), RtKeyBinding::Match::Name, true );
  const RtJoinResult after = RtJoin::join( names, viaGazetteer, tasks, sResolutionDate );
  CHECK( after.unmatched.isEmpty() );
  CHECK( after.ambiguous.isEmpty() );
  CHECK( tasksByValue( namesSpec, QStringLiteral( "name" ), after ) == expectedByName );
  int linked = 0;
  for ( const RtFeatureResult &r : after.features )
    linked += r.taskCount;
  CHECK( linked == wardLinks );

  // The live join keeps it up to date the same way.
  RtLiveJoin live( names, viaGazetteer );
  live.update( tasks, sResolutionDate );
  QVector<RtTask> changed = tasks;
  int haiHoa = -1;
  for ( int i = 0; i < changed.size() && haiHoa < 0; ++i )
    if ( changed[i].places.filter( QStringLiteral( "ward:" ) ) == QStringList( QStringLiteral( "ward:06742" ) ) )
      haiHoa = i;
  REQUIRE( haiHoa >= 0 );
  changed[haiHoa].status = RtStatus::Blocked;
  const RtLiveJoin::Change change = live.update( changed, sResolutionDate );
  CHECK_FALSE( change.full );
  REQUIRE( change.features.size() == 1 );
  const RtJoinResult full = RtJoin::join( names, viaGazetteer, changed, sResolutionDate );
  CHECK( live.result().features.at( change.features.first() ).status == RtFeatureStatus::Blocked );
  for ( int i = 0; i < full.features.size(); ++i )
    CHECK( live.result().features.at( i ).status == full.features.at( i ).status );
}

TEST_CASE( "tasks stored by names match a layer of codes through the gazetteer, and the units of 2025 by name", "[join][gazetteer]" )
{
  const QVector<RtTask> tasks = registerTasks();
  const RtGazetteer &g = *RtCity::bundled().gazetteer;
  // The register's wards written as names, as a names-bound layer stores its links: some
  // NFD, some without diacritics, one with the text's own spelling of Trà Cổ.
  QVector<RtTask> named = tasks;
  int renamed = 0;
  for ( RtTask &t : named )
    for ( QString &p : t.places )
    {
      if ( !p.startsWith( QLatin1String( "ward:" ) ) )
        continue;
      const RtPlace *place = g.resolve( QStringLiteral( "ward" ), p.mid( 5 ), sResolutionDate );
      REQUIRE( place );
      QString name = place->code == QLatin1String( "06721" ) ? QStringLiteral( "Trà Cỏ" ) : place->name;
      if ( renamed % 3 == 1 )
        name = name.normalized( QString::NormalizationForm_D );
      else if ( renamed % 3 == 2 && place->code == QLatin1String( "06727" ) )
        name = QStringLiteral( "Bac Son" );
      p = QStringLiteral( "ward:" ) + name;
      ++renamed;
    }
  REQUIRE( renamed == 38 ); // every ward link of the register
  const QString codesSpec = sampleLayers() + QStringLiteral( "|layername=wards_2023" );
  const RtKeyBinding byCode = binding( QStringLiteral( "gso_code" ), RtKeyBinding::Match::Code, false );
  const QVector<RtFeatureKey> codes = readKeys( codesSpec, byCode );
  const RtJoinResult expected = RtJoin::join( codes, byCode, tasks, sResolutionDate );
  CHECK( RtJoin::join( codes, byCode, named, sResolutionDate ).unmatched.size() == renamed );
  const RtJoinResult viaGazetteer = RtJoin::join( codes, binding( QStringLiteral( "gso_code" ), RtKeyBinding::Match::Code, true ), named, sResolutionDate );
  CHECK( viaGazetteer.unmatched.isEmpty() );
  REQUIRE( viaGazetteer.features.size() == expected.features.size() );
  for ( int i = 0; i < expected.features.size(); ++i )
    CHECK( viaGazetteer.features.at( i ).taskIds == expected.features.at( i ).taskIds );

  // The units of 2025 keyed by name, the 2023 codes carried over by the gazetteer's successors.
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString copy = dir.filePath( QStringLiteral( "units2025.gpkg" ) );
  rtCopyLayer( sampleLayers(), QStringLiteral( "wards_2025" ), copy, QStringLiteral( "units" ), { QStringLiteral( "name" ) } );
  RtKeyBinding units = binding( QStringLiteral( "name" ), RtKeyBinding::Match::Name, true );
  units.keyMap = g.successorMap( QStringLiteral( "ward" ), sResolutionDate );
  const QString unitsSpec = copy + QStringLiteral( "|layername=units" );
  const RtJoinResult byName2025 = RtJoin::join( readKeys( unitsSpec, units ), units, tasks, sResolutionDate );
  CHECK( byName2025.unmatched.isEmpty() );
  // The same as the sample's own 2023 → 2025 mapping on the layer of codes.
  RtKeyBinding codes2025 = binding( QStringLiteral( "gso_code" ), RtKeyBinding::Match::Code, false );
  const RtResult<QHash<QString, QString>> sampleMap = RtLayerKeys::readKeyMap( codesSpec, QStringLiteral( "ward" ), QStringLiteral( "gso_code" ),
      QStringLiteral( "gso_code_2025" ) );
  REQUIRE( sampleMap.ok() );
  CHECK( sampleMap.value() == units.keyMap );
  codes2025.keyMap = sampleMap.value();
  const QString codes2025Spec = sampleLayers() + QStringLiteral( "|layername=wards_2025" );
  const RtJoinResult byCode2025 = RtJoin::join( readKeys( codes2025Spec, codes2025 ), codes2025, tasks, sResolutionDate );
  const QMap<QString, QStringList> expected2025 = tasksByValue( codes2025Spec, QStringLiteral( "name" ), byCode2025 );
  REQUIRE( expected2025.size() == 6 );
  CHECK( tasksByValue( unitsSpec, QStringLiteral( "name" ), byName2025 ) == expected2025 );
  CHECK( expected2025.value( QStringLiteral( "Phường Móng Cái 1" ) ).contains( QStringLiteral( "CM-LAND-HAIHOA-KHU9" ) ) );
}
