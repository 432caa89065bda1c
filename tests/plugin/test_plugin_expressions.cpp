// The expression functions rt_status(), rt_tasks() and rt_share_done() in a headless QGIS:
// evaluated on the features of the sample layers (with the layer's expression scope) and
// compared with the join of the same layer, following the tracker's date and edits,
// refusing what they cannot answer, and gone once unregistered.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtexpressionfunctions.h"
#include "rtjoin.h"
#include "rtlayerkeys.h"
#include "rttasksasof.h"
#include "rttracker.h"

#include <qgsexpression.h>
#include <qgsexpressioncontext.h>
#include <qgsexpressioncontextutils.h>
#include <qgsexpressionfunction.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QElapsedTimer>

namespace
{
  struct Fixture
  {
    QTemporaryDir dir;
    QString registerPath;
    QgsProject project;
    std::unique_ptr<RtTracker> tracker;

    bool make()
    {
      RtMapTest::requireLayers();
      registerPath = dir.filePath( QStringLiteral( "mongcai-172.gpkg" ) );
      if ( !dir.isValid() || !RtMapTest::buildRegister( registerPath ) )
        return false;
      tracker = std::make_unique<RtTracker>( &project );
      return tracker->openRegister( registerPath ).ok();
    }
  };

  QString sampleLayer( const QString &name )
  {
    return RtMapTest::layersPath() + QStringLiteral( "|layername=" ) + name;
  }

  //! Evaluates \a expression on every feature of \a layer: fid → value (error text on failure).
  QHash<qint64, QVariant> evaluate( QgsVectorLayer &layer, const QString &expression, QString *error = nullptr )
  {
    QgsExpression e( expression );
    QgsExpressionContext context( QgsExpressionContextUtils::globalProjectLayerScopes( &layer ) );
    REQUIRE( e.prepare( &context ) );
    QHash<qint64, QVariant> values;
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures();
    while ( it.nextFeature( f ) )
    {
      context.setFeature( f );
      values.insert( f.id(), e.evaluate( &context ) );
      if ( e.hasEvalError() && error )
        *error = e.evalErrorString();
    }
    return values;
  }

  //! The join of \a layer's features to \a tasks (what restrack join and the Processing algorithm compute).
  QHash<qint64, RtFeatureResult> joinOf( const QString &layer, const QString &kind, const QString &field, const QVector<RtTask> &tasks, const QDate &asOf )
  {
    RtKeyBinding binding;
    binding.kind = kind;
    binding.fields = QStringList { field };
    const RtResult<RtLayerKeys> keys = RtLayerKeys::read( sampleLayer( layer ), binding );
    REQUIRE( keys.ok() );
    QHash<qint64, RtFeatureResult> out;
    for ( const RtFeatureResult &r : RtJoin::join( keys.value().features, binding, tasks, asOf ).features )
      out.insert( r.fid, r );
    return out;
  }

  void compare( const QString &layerName, const QString &kind, const QString &field, const QString &keyExpression,
                const QVector<RtTask> &tasks, const QDate &asOf, const QString &asOfArgument = QString() )
  {
    INFO( layerName.toStdString() << " with key " << keyExpression.toStdString() );
    QgsVectorLayer layer( sampleLayer( layerName ), layerName, QStringLiteral( "ogr" ) );
    REQUIRE( layer.isValid() );
    const QHash<qint64, RtFeatureResult> join = joinOf( layerName, kind, field, tasks, asOf );
    REQUIRE( join.size() == layer.featureCount() );
    const QString dated = asOfArgument.isEmpty() ? QString() : QStringLiteral( ", '%1'" ).arg( asOfArgument );
    QString error;
    const QHash<qint64, QVariant> status = evaluate( layer, QStringLiteral( "rt_status(%1%2)" ).arg( keyExpression, dated ), &error );
    const QHash<qint64, QVariant> taskIds = evaluate( layer, QStringLiteral( "rt_tasks(%1)" ).arg( keyExpression ), &error );
    const QHash<qint64, QVariant> share = evaluate( layer, QStringLiteral( "rt_share_done(%1%2)" ).arg( keyExpression, dated ), &error );
    INFO( error.toStdString() );
    CHECK( error.isEmpty() );
    int linked = 0;
    for ( auto it = join.cbegin(); it != join.cend(); ++it )
    {
      INFO( "fid " << it.key() );
      CHECK( status.value( it.key() ).toString() == RtFeatureStatuses::code( it.value().status ) );
      CHECK( taskIds.value( it.key() ).toString() == it.value().taskIds.join( QLatin1Char( ',' ) ) );
      CHECK( share.value( it.key() ).toDouble() == Approx( it.value().shareDone ) );
      linked += it.value().taskCount > 0 ? 1 : 0;
    }
    CHECK( linked > 0 ); // the comparison is not between blanks
  }
}

TEST_CASE( "rt_status, rt_tasks and rt_share_done answer what the join gives each feature of the sample layers", "[plugin][expressions]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  // Some variety: one zone done, one land case blocked, one zone's plan dropped.
  for ( const auto &change : { std::make_pair( "CM-QHPK-A3", RtStatus::Done ), std::make_pair( "CM-LAND-HAIHOA-KHU9", RtStatus::Blocked ),
                               std::make_pair( "CM-QHPK-D1", RtStatus::Dropped ) } )
  {
    RtStatusChange c;
    c.taskId = QString::fromLatin1( change.first );
    c.newStatus = change.second;
    c.by = QStringLiteral( "Phòng QLĐT" );
    c.date = QDate( 2024, 6, 20 );
    REQUIRE( fx.tracker->changeStatus( c ).ok() );
  }
  REQUIRE( fx.tracker->setAsOf( QDate( 2026, 11, 26 ) ).ok() );
  RtExpressionFunctions functions( fx.tracker.get() );
  REQUIRE( functions.registerFunctions() );

  const QVector<RtTask> &tasks = fx.tracker->tasksAsOf();
  const QDate asOf = fx.tracker->asOf();
  // The bare key, as a label would use the layer's field, and the explicit place key.
  compare( QStringLiteral( "zones" ), QStringLiteral( "zone" ), QStringLiteral( "code" ), QStringLiteral( "\"code\"" ), tasks, asOf );
  compare( QStringLiteral( "zones" ), QStringLiteral( "zone" ), QStringLiteral( "code" ), QStringLiteral( "'zone:' || \"code\"" ), tasks, asOf );
  compare( QStringLiteral( "wards_2023" ), QStringLiteral( "ward" ), QStringLiteral( "gso_code" ), QStringLiteral( "\"gso_code\"" ), tasks, asOf );
  compare( QStringLiteral( "sites" ), QStringLiteral( "site" ), QStringLiteral( "site_id" ), QStringLiteral( "'site:' || \"site_id\"" ), tasks, asOf );
  compare( QStringLiteral( "site_lines" ), QStringLiteral( "site" ), QStringLiteral( "site_id" ), QStringLiteral( "\"site_id\"" ), tasks, asOf );
  // A number is a GSO code: 6715 is ward 06715.
  compare( QStringLiteral( "wards_2023" ), QStringLiteral( "ward" ), QStringLiteral( "gso_code" ), QStringLiteral( "to_int(\"gso_code\")" ), tasks, asOf );

  // Another date than the tracker's: the statuses the register gives for it (one read per date).
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( fx.registerPath, false );
  REQUIRE( store.ok() );
  const RtResult<QVector<RtTask>> early = RtTasksAsOf::read( *store.value(), QDate( 2024, 1, 1 ) );
  REQUIRE( early.ok() );
  compare( QStringLiteral( "zones" ), QStringLiteral( "zone" ), QStringLiteral( "code" ), QStringLiteral( "\"code\"" ), early.value(), QDate( 2024, 1, 1 ),
           QStringLiteral( "2024-01-01" ) );
  // … which differs from the tracker's date for A3: its plan, done since 2024-06-20, is its only commitment
  // (the directive item naming A3 counts only where no commitment names a place).
  QgsExpressionContext context;
  CHECK( QgsExpression( QStringLiteral( "rt_share_done('zone:A3')" ) ).evaluate( &context ).toDouble() == Approx( 1.0 ) );
  CHECK( QgsExpression( QStringLiteral( "rt_share_done('zone:A3', to_date('2024-01-01'))" ) ).evaluate( &context ).toDouble() == 0 );
  // A place no task names: as a feature without tasks.
  CHECK( QgsExpression( QStringLiteral( "rt_status('ward:99999')" ) ).evaluate( &context ).toString() == QStringLiteral( "none" ) );
  CHECK( QgsExpression( QStringLiteral( "rt_tasks('ward:99999')" ) ).evaluate( &context ).toString().isEmpty() );
  CHECK( QgsExpression( QStringLiteral( "rt_share_done('ward:99999')" ) ).evaluate( &context ).toDouble() == 0 );
  // NULL in, NULL out.
  CHECK( QgsExpression( QStringLiteral( "rt_status(NULL)" ) ).evaluate( &context ).isNull() );
}

TEST_CASE( "the expression functions follow the tracker's edits and date and refuse what they cannot answer", "[plugin][expressions]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  REQUIRE( fx.tracker->setAsOf( QDate( 2025, 6, 1 ) ).ok() );
  RtExpressionFunctions functions( fx.tracker.get() );
  REQUIRE( functions.registerFunctions() );
  QgsExpressionContext context;
  auto value = [&context]( const QString &text, QString *error = nullptr )
  {
    QgsExpression e( text );
    const QVariant v = e.evaluate( &context );
    if ( error )
      *error = e.evalErrorString();
    return v;
  };

  CHECK( value( QStringLiteral( "rt_status('A3')" ) ).toString() == QStringLiteral( "in_progress" ) );
  // A status change through the tracker shows at once.
  RtStatusChange c;
  c.taskId = QStringLiteral( "CM-QHPK-A3" );
  c.newStatus = RtStatus::Blocked;
  c.by = QStringLiteral( "Phòng QLĐT" );
  c.date = QDate( 2025, 3, 1 );
  REQUIRE( fx.tracker->changeStatus( c ).ok() );
  CHECK( value( QStringLiteral( "rt_status('A3')" ) ).toString() == QStringLiteral( "blocked" ) );
  // So does the tracker's date.
  REQUIRE( fx.tracker->setAsOf( QDate( 2025, 1, 1 ) ).ok() );
  CHECK( value( QStringLiteral( "rt_status('A3')" ) ).toString() == QStringLiteral( "in_progress" ) );

  QString error;
  CHECK( value( QStringLiteral( "rt_status('district:1')" ), &error ).isNull() );
  CHECK( error.contains( QStringLiteral( "district" ) ) );
  CHECK( value( QStringLiteral( "rt_status('A3', '26/11/2026')" ), &error ).isNull() );
  CHECK( error.contains( QStringLiteral( "26/11/2026" ) ) );
  // A date before the resolution: the rule's refusal, naming the resolution's date.
  CHECK( value( QStringLiteral( "rt_status('A3', '2023-01-01')" ), &error ).isNull() );
  CHECK( error.contains( QStringLiteral( "2023-10-13" ) ) );
  // No register open: said, not answered.
  fx.tracker->closeRegister();
  CHECK( value( QStringLiteral( "rt_status('A3')" ), &error ).isNull() );
  CHECK( error.contains( QStringLiteral( "no register" ) ) );
}

TEST_CASE( "the expression functions are found by QGIS while registered and gone after", "[plugin][expressions]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  for ( const QString &name : RtExpressionFunctions::functionNames() )
    REQUIRE_FALSE( QgsExpression::isFunctionName( name ) );
  {
    RtExpressionFunctions functions( fx.tracker.get() );
    CHECK( functions.registerFunctions() );
    // Registering again adds nothing.
    CHECK( functions.registerFunctions() );
    for ( const QString &name : RtExpressionFunctions::functionNames() )
    {
      INFO( name.toStdString() );
      CHECK( QgsExpression::isFunctionName( name ) );
      const QgsExpressionFunction *function = QgsExpression::Functions().value( QgsExpression::functionIndex( name ) );
      REQUIRE( function );
      CHECK( function->group() == QStringLiteral( "Resolution Tracker" ) );
      CHECK( function->helpText().contains( name ) );
      int count = 0;
      for ( const QgsExpressionFunction *f : QgsExpression::Functions() )
        count += f->name() == name ? 1 : 0;
      CHECK( count == 1 );
    }
    // A second set (a second plugin instance) cannot take the names and leaves the first's.
    RtExpressionFunctions second( fx.tracker.get() );
    CHECK_FALSE( second.registerFunctions() );
    second.unregisterFunctions();
    CHECK( QgsExpression::isFunctionName( QStringLiteral( "rt_status" ) ) );
    QgsExpressionContext context;
    CHECK_FALSE( QgsExpression( QStringLiteral( "rt_status('zone:A4.1')" ) ).evaluate( &context ).toString().isEmpty() );
  }
  for ( const QString &name : RtExpressionFunctions::functionNames() )
    CHECK_FALSE( QgsExpression::isFunctionName( name ) );
  // An expression using them is then an unknown function, not a crash.
  QgsExpression gone( QStringLiteral( "rt_status('A3')" ) );
  CHECK( gone.hasParserError() );
}

TEST_CASE( "rt_status reads no register per feature: a large layer's labels evaluate from the index", "[plugin][expressions]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  RtExpressionFunctions functions( fx.tracker.get() );
  REQUIRE( functions.registerFunctions() );
  // The register file is moved away: answers that still come must come from memory.
  const QString moved = fx.registerPath + QStringLiteral( ".moved" );
  REQUIRE( QFile::rename( fx.registerPath, moved ) );
  QgsExpression e( QStringLiteral( "rt_status(\"code\")" ) );
  QgsFields fields;
  fields.append( QgsField( QStringLiteral( "code" ), QVariant::String ) );
  QgsExpressionContext context;
  QgsExpressionContextScope *scope = new QgsExpressionContextScope();
  scope->setFields( fields );
  context.appendScope( scope );
  REQUIRE( e.prepare( &context ) );
  const QStringList codes = { QStringLiteral( "A3" ), QStringLiteral( "A4.1" ), QStringLiteral( "A5" ), QStringLiteral( "A6" ), QStringLiteral( "D1" ), QStringLiteral( "X9" ) };
  // Each code's answer from the register as the join gives it (before the file went away).
  QHash<QString, QString> expected;
  {
    QgsVectorLayer zones( sampleLayer( QStringLiteral( "zones" ) ), QStringLiteral( "zones" ), QStringLiteral( "ogr" ) );
    REQUIRE( zones.isValid() );
    const QHash<qint64, QVariant> codeOf = evaluate( zones, QStringLiteral( "\"code\"" ) );
    RtKeyBinding binding;
    binding.kind = QStringLiteral( "zone" );
    binding.fields = QStringList { QStringLiteral( "code" ) };
    QVector<RtFeatureKey> keys;
    for ( auto it = codeOf.cbegin(); it != codeOf.cend(); ++it )
      keys << RtFeatureKey { it.key(), { it.value().toString() } };
    for ( const RtFeatureResult &r : RtJoin::join( keys, binding, fx.tracker->tasksAsOf(), fx.tracker->asOf() ).features )
      expected.insert( codeOf.value( r.fid ).toString(), RtFeatureStatuses::code( r.status ) );
    expected.insert( QStringLiteral( "X9" ), QStringLiteral( "none" ) );
  }
  REQUIRE( expected.size() == codes.size() );
  QgsFeature feature( fields );
  QElapsedTimer timer;
  timer.start();
  const int n = 100000;
  int wrong = 0;
  for ( int i = 0; i < n; ++i )
  {
    const QString &code = codes.at( i % codes.size() );
    feature.setAttribute( 0, code );
    context.setFeature( feature );
    wrong += e.evaluate( &context ).toString() == expected.value( code ) ? 0 : 1;
  }
  const qint64 ms = timer.elapsed();
  WARN( n << " evaluations of rt_status(\"code\") took " << ms << " ms" );
  CHECK_FALSE( e.hasEvalError() );
  CHECK( wrong == 0 );
  REQUIRE( QFile::rename( moved, fx.registerPath ) );
}
