// Progress against the figures the resolution set, as the panel, the council map and the pack
// print it: the latest value as of a date (RtTasksAsOf), its share of the target (RtProgress),
// and the panel's progress column; on the real register of 172/NQ-HĐND.
#include "catch_compat.h"
#include "register172.h"
#include "testutil.h"

#include "rtprogress.h"
#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"
#include "rttaskfiltermodel.h"
#include "rttaskmodel.h"
#include "rttasksasof.h"

#include <QTemporaryDir>

namespace
{
  const QString PLOTS = QStringLiteral( "CM-TDC-500" );       // target "khoảng 500 ô đất tái định cư"
  const QString WATER = QStringLiteral( "CM-WATER-TERM-100" ); // target "100%"

  QString create172( const QTemporaryDir &dir )
  {
    return rtCreate172( dir.filePath( QStringLiteral( "register.gpkg" ) ) );
  }

  void record( RtStore &store, const QString &taskId, double v, const QDate &date, const QString &unit = QString() )
  {
    RtValueChange c;
    c.taskId = taskId;
    c.value = v;
    c.unit = unit;
    c.date = date;
    c.by = QStringLiteral( "Ban Quản lý dự án" );
    const RtStatusResult r = store.setValue( c );
    INFO( r.error().toStdString() );
    REQUIRE( r.ok() );
  }

  const RtTask *find( const QVector<RtTask> &tasks, const QString &id )
  {
    for ( const RtTask &t : tasks )
      if ( t.id == id )
        return &t;
    return nullptr;
  }
}

TEST_CASE( "tasks read as of a date carry the latest value measured by then", "[progress]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = create172( dir );
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, true );
    REQUIRE( store.ok() );
    record( *store.value(), PLOTS, 120, QDate( 2024, 3, 1 ) );
    record( *store.value(), PLOTS, 312, QDate( 2025, 6, 10 ) );
  }
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, false );
  REQUIRE( store.ok() );

  QVector<RtTask> current;
  const RtResult<QVector<RtTask>> mid = RtTasksAsOf::read( *store.value(), QDate( 2024, 12, 31 ), &current );
  REQUIRE( mid.ok() );
  const RtTask *plotsThen = find( mid.value(), PLOTS );
  REQUIRE( plotsThen );
  REQUIRE( plotsThen->latestValue.has_value() );
  CHECK( plotsThen->latestValue->value == 120 );
  const RtTask *plotsNow = find( current, PLOTS );
  REQUIRE( plotsNow );
  REQUIRE( plotsNow->latestValue.has_value() );
  CHECK( plotsNow->latestValue->value == 312 );
  CHECK( plotsNow->latestValue->unit == QStringLiteral( "ô đất tái định cư" ) );

  const RtResult<QVector<RtTask>> before = RtTasksAsOf::read( *store.value(), QDate( 2024, 2, 29 ) );
  REQUIRE( before.ok() );
  CHECK( !find( before.value(), PLOTS )->latestValue.has_value() );
  const RtTask *water = find( before.value(), WATER );
  REQUIRE( water );
  CHECK( !water->latestValue.has_value() );
  CHECK( RtProgress::text( *water, RtLang::Vi ).isEmpty() );
  CHECK( RtProgress::statusText( *water, RtLang::Vi ) == RtStatuses::label( water->status, RtLang::Vi ) );

  SECTION( "the share and the texts of the panel, the map and the pack, in both languages" )
  {
    const RtResult<QVector<RtTask>> late = RtTasksAsOf::read( *store.value(), QDate( 2025, 6, 30 ) );
    REQUIRE( late.ok() );
    const RtTask &plots = *find( late.value(), PLOTS );
    REQUIRE( RtProgress::share( plots ).has_value() );
    CHECK( *RtProgress::share( plots ) == Approx( 0.624 ) );
    CHECK( RtProgress::text( plots, RtLang::Vi ) == QStringLiteral( "312 ô đất tái định cư = 62 % chỉ tiêu (10/06/2025)" ) );
    CHECK( RtProgress::text( plots, RtLang::En ).startsWith( QStringLiteral( "312 ô đất tái định cư = 62% of target (" ) ) );
    CHECK( RtProgress::statusText( plots, RtLang::Vi ) == RtStatuses::label( plots.status, RtLang::Vi ) + QStringLiteral( " (62 %)" ) );
  }
}

TEST_CASE( "values are written as the language writes numbers, and a value in another unit has no share", "[progress]" )
{
  CHECK( RtProgress::valueText( 78.5, QStringLiteral( "%" ), RtLang::Vi ) == QStringLiteral( "78,5 %" ) );
  CHECK( RtProgress::valueText( 78.5, QStringLiteral( "%" ), RtLang::En ) == QStringLiteral( "78.5%" ) );
  CHECK( RtProgress::valueText( 300, QStringLiteral( "hồ sơ" ), RtLang::Vi ) == QStringLiteral( "300 hồ sơ" ) );
  CHECK( RtProgress::valueText( 1022, QString(), RtLang::En ) == QStringLiteral( "1022" ) );
  CHECK( RtProgress::valueText( 2.25, QString(), RtLang::Vi ) == QStringLiteral( "2,25" ) );
  CHECK( RtProgress::shareText( 0.0625, RtLang::Vi ) == QStringLiteral( "6,3 %" ) );
  CHECK( RtProgress::shareText( 1.3, RtLang::En ) == QStringLiteral( "130%" ) );

  RtTask task;
  task.id = PLOTS;
  task.status = RtStatus::InProgress;
  task.targetFigure = RtTarget::fromText( QStringLiteral( "khoảng 500 ô đất tái định cư" ) );
  REQUIRE( task.targetFigure.has_value() );
  RtValueEntry v;
  v.value = 40;
  v.unit = QStringLiteral( "ha" );
  v.date = QDate( 2025, 1, 2 );
  task.latestValue = v;
  CHECK( !RtProgress::share( task ).has_value() );
  CHECK( RtProgress::text( task, RtLang::Vi ) == QStringLiteral( "40 ha (02/01/2025)" ) );
  CHECK( RtProgress::statusText( task, RtLang::Vi ) == RtStatuses::label( RtStatus::InProgress, RtLang::Vi ) );
}

TEST_CASE( "the panel's table shows progress against the target and sorts by its share", "[progress][model]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = create172( dir );
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, true );
    REQUIRE( store.ok() );
    record( *store.value(), PLOTS, 312, QDate( 2025, 6, 10 ) );
    record( *store.value(), WATER, 78.5, QDate( 2025, 6, 1 ), QStringLiteral( "%" ) );
  }
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, false );
  REQUIRE( store.ok() );
  const RtResult<QVector<RtTask>> tasks = RtTasksAsOf::read( *store.value(), QDate( 2025, 6, 30 ) );
  REQUIRE( tasks.ok() );

  RtTaskTableModel table;
  table.setTasks( tasks.value(), QDate( 2025, 6, 30 ), RtLang::En );
  CHECK( table.headerData( RtTaskTableModel::ColumnProgress, Qt::Horizontal ).toString() == QStringLiteral( "Progress against target" ) );
  QHash<QString, QString> shown;
  for ( int row = 0; row < table.rowCount(); ++row )
    shown.insert( table.index( row, RtTaskTableModel::ColumnId ).data().toString(), table.index( row, RtTaskTableModel::ColumnProgress ).data().toString() );
  CHECK( shown.value( PLOTS ).startsWith( QStringLiteral( "312 ô đất tái định cư = 62% of target" ) ) );
  CHECK( shown.value( WATER ).startsWith( QStringLiteral( "78.5% = 79% of target" ) ) );
  CHECK( shown.value( QStringLiteral( "CM-QHPK-A3" ) ).isEmpty() );

  // Sorted by share, descending: water (0.785) before the plots (0.624); tasks without a value last.
  RtTaskFilterModel proxy;
  proxy.setSourceModel( &table );
  proxy.sort( RtTaskTableModel::ColumnProgress, Qt::DescendingOrder );
  CHECK( proxy.index( 0, RtTaskTableModel::ColumnId ).data().toString() == WATER );
  CHECK( proxy.index( 1, RtTaskTableModel::ColumnId ).data().toString() == PLOTS );
  CHECK( proxy.index( 2, RtTaskTableModel::ColumnProgress ).data().toString().isEmpty() );
}
