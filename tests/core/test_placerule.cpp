// What a place's colour means (issue 10, item 6): the concrete commitments that name it;
// directive items only where no commitment names it; every task with --with-directives.
#include "catch_compat.h"
#include "clitestutil.h"
#include "testutil.h"

#include "rtjoin.h"
#include "rtlayerkeys.h"
#include "rtlivejoin.h"
#include "rtregister.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace
{
  RtTask task( const QString &id, const QString &kind, RtStatus status, const QStringList &places )
  {
    RtTask t;
    t.id = id;
    t.kind = kind;
    t.status = status;
    t.places = places;
    return t;
  }

  RtFeatureResult resultOf( const RtJoinResult &r, qint64 fid )
  {
    for ( const RtFeatureResult &f : r.features )
      if ( f.fid == fid )
        return f;
    FAIL( "no feature " << fid );
    return RtFeatureResult();
  }

  using RtCliTest::Run;
  using RtCliTest::restrack;

  //! zone code → status of `restrack join ... --json` on the sample zones.
  QHash<QString, QString> zoneStatuses( const QString &db, const QStringList &extra, QString *rule )
  {
    const Run r = restrack( QStringList { QStringLiteral( "join" ), QStringLiteral( "--db" ), db, QStringLiteral( "--layer" ),
                                          RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg|layername=zones" ),
                                          QStringLiteral( "--kind" ), QStringLiteral( "zone" ), QStringLiteral( "--fields" ), QStringLiteral( "code" ),
                                          QStringLiteral( "--json" ) } + extra );
    INFO( r.err.toStdString() );
    REQUIRE( r.code == 0 );
    const QJsonObject o = QJsonDocument::fromJson( r.out.toUtf8() ).object();
    *rule = o.value( QStringLiteral( "place_rule" ) ).toString();
    QHash<QString, QString> out;
    for ( const QJsonValue &v : o.value( QStringLiteral( "features" ) ).toArray() )
      out.insert( v.toObject().value( QStringLiteral( "key" ) ).toString(), v.toObject().value( QStringLiteral( "status" ) ).toString() );
    return out;
  }
}

TEST_CASE( "a place is coloured by its commitments and by directives only where no commitment names it", "[join][placerule]" )
{
  RtKeyBinding zones;
  zones.kind = QStringLiteral( "zone" );
  zones.fields = QStringList { QStringLiteral( "code" ) };
  const QVector<RtFeatureKey> features { { 1, { QStringLiteral( "A3" ) } }, { 2, { QStringLiteral( "A5" ) } }, { 3, { QStringLiteral( "A6" ) } } };
  QVector<RtTask> tasks
  {
    task( QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "commitment" ), RtStatus::Done, { QStringLiteral( "zone:A3" ) } ),
    task( QStringLiteral( "DT-05-i1" ), QStringLiteral( "directive" ), RtStatus::InProgress, { QStringLiteral( "zone:A3" ), QStringLiteral( "zone:A5" ) } ),
  };
  const QDate asOf( 2024, 7, 1 );

  // By default: A3's plan is approved, so A3 is done although the broad directive still runs;
  // A5 has no commitment of its own: the directive colours it; A6 has no task.
  const RtJoinResult byCommitments = RtJoin::join( features, zones, tasks, asOf );
  CHECK( resultOf( byCommitments, 1 ).status == RtFeatureStatus::Done );
  CHECK( resultOf( byCommitments, 1 ).shareDone == 1.0 );
  CHECK( resultOf( byCommitments, 1 ).taskCount == 2 ); // both tasks are still listed on it
  CHECK( resultOf( byCommitments, 1 ).taskIds == QStringList( { QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "DT-05-i1" ) } ) );
  CHECK( resultOf( byCommitments, 2 ).status == RtFeatureStatus::InProgress );
  CHECK( resultOf( byCommitments, 3 ).status == RtFeatureStatus::None );

  // With the directives: A3 counts the running directive too.
  RtJoinOptions all;
  all.withDirectives = true;
  const RtJoinResult byAll = RtJoin::join( features, zones, tasks, asOf, all );
  CHECK( resultOf( byAll, 1 ).status == RtFeatureStatus::InProgress );
  CHECK( resultOf( byAll, 1 ).shareDone == 0.5 );
  CHECK( resultOf( byAll, 2 ).status == RtFeatureStatus::InProgress );

  // The live join follows the same rule after a change, under either option.
  for ( bool withDirectives : { false, true } )
  {
    INFO( "withDirectives " << withDirectives );
    RtJoinOptions o;
    o.withDirectives = withDirectives;
    RtLiveJoin live( features, zones, o );
    live.update( tasks, asOf );
    QVector<RtTask> changed = tasks;
    changed[1].status = RtStatus::Blocked; // the directive is blocked now
    const RtLiveJoin::Change change = live.update( changed, asOf );
    CHECK_FALSE( change.full );
    const RtJoinResult fresh = RtJoin::join( features, zones, changed, asOf, o );
    for ( qint64 fid : { 1, 2, 3 } )
      CHECK( resultOf( live.result(), fid ).status == resultOf( fresh, fid ).status );
    CHECK( resultOf( live.result(), 1 ).status == ( withDirectives ? RtFeatureStatus::Blocked : RtFeatureStatus::Done ) );
    CHECK( resultOf( live.result(), 2 ).status == RtFeatureStatus::Blocked );
    // A task that becomes a directive changes which tasks colour: a full join.
    changed[0].kind = QStringLiteral( "directive" );
    CHECK( live.update( changed, asOf ).full );
    CHECK( resultOf( live.result(), 1 ).status == RtFeatureStatus::Blocked ); // no commitment left: both directives colour it
  }
}

TEST_CASE( "restrack join colours zone A3 done once its plan is approved and in progress with --with-directives", "[join][placerule][cli]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = dir.filePath( QStringLiteral( "register.gpkg" ) );
  Run r = restrack( { QStringLiteral( "build-register" ), QStringLiteral( "--out" ), db, QStringLiteral( "--register" ), RtTestPaths::registerJson() } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  // The register: A3 has its own plan (CM-QHPK-A3) and the broad directive 4.1 (5)(i1) names it too.
  r = restrack( { QStringLiteral( "set-status" ), QStringLiteral( "--db" ), db, QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "done" ),
                  QStringLiteral( "--by" ), QStringLiteral( "Phòng QLĐT" ), QStringLiteral( "--date" ), QStringLiteral( "2024-06-20" ) } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );

  QString rule;
  const QHash<QString, QString> byCommitments = zoneStatuses( db, {}, &rule );
  CHECK( rule == QStringLiteral( "commitments_first" ) );
  CHECK( byCommitments.value( QStringLiteral( "A3" ) ) == QStringLiteral( "done" ) );
  CHECK( byCommitments.value( QStringLiteral( "A5" ) ) == QStringLiteral( "in_progress" ) );
  const QHash<QString, QString> byAll = zoneStatuses( db, { QStringLiteral( "--with-directives" ) }, &rule );
  CHECK( rule == QStringLiteral( "all_tasks" ) );
  // The directive has no report yet: done and still open make "in progress".
  CHECK( byAll.value( QStringLiteral( "A3" ) ) == QStringLiteral( "in_progress" ) );
  CHECK( byAll.value( QStringLiteral( "A5" ) ) == QStringLiteral( "in_progress" ) );

  // The text output says which rule it used.
  r = restrack( { QStringLiteral( "join" ), QStringLiteral( "--db" ), db, QStringLiteral( "--layer" ),
                  RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg|layername=zones" ),
                  QStringLiteral( "--kind" ), QStringLiteral( "zone" ), QStringLiteral( "--fields" ), QStringLiteral( "code" ), QStringLiteral( "--lang" ), QStringLiteral( "en" ) } );
  REQUIRE( r.code == 0 );
  CHECK( r.out.contains( QStringLiteral( "the concrete commitments that name it; directive items only where none does" ) ) );
}
