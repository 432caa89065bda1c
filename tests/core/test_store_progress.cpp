// Measured values, reports that keep the status, office assignments and batches of changes,
// on the real register of 172/NQ-HĐND in a temporary folder.
#include "catch_compat.h"
#include "register172.h"
#include "testutil.h"
#include "backendtestutil.h"

#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"
#include "rtsummary.h"

#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <limits>

#include <sqlite3.h>

namespace
{
  const QString PLOTS = QStringLiteral( "CM-TDC-500" );       // target "khoảng 500 ô đất tái định cư"
  const QString WATER = QStringLiteral( "CM-WATER-TERM-100" ); // target "100%"
  const QString A3 = QStringLiteral( "CM-QHPK-A3" );          // in progress, no target
  const QString OFFICE = QStringLiteral( "Ban Quản lý dự án đầu tư xây dựng" );

  QString create172( const RtTestRegisterLocation &where )
  {
    return rtCreate172( where.location() );
  }

  std::unique_ptr<RtStore> openStore( const QString &path, bool writable = true )
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, writable );
    INFO( store.error().toStdString() );
    REQUIRE( store.ok() );
    return store.takeValue();
  }

  RtValueChange value( const QString &taskId, double v, const QDate &date, const QString &unit = QString() )
  {
    RtValueChange c;
    c.taskId = taskId;
    c.value = v;
    c.unit = unit;
    c.date = date;
    c.by = OFFICE;
    return c;
  }

  int sqliteExec( const QString &path, const char *sql, QString *message = nullptr )
  {
    sqlite3 *db = nullptr;
    REQUIRE( sqlite3_open_v2( QFile::encodeName( path ).constData(), &db, SQLITE_OPEN_READWRITE, nullptr ) == SQLITE_OK );
    const int rc = sqlite3_exec( db, sql, nullptr, nullptr, nullptr );
    if ( message )
      *message = QString::fromUtf8( sqlite3_errmsg( db ) );
    sqlite3_close( db );
    return rc;
  }

  RtTaskChange row( const QString &taskId, const QDate &date )
  {
    RtTaskChange c;
    c.taskId = taskId;
    c.date = date;
    c.by = OFFICE;
    return c;
  }
}

TEST_CASE( "measured values are kept as a history and reconstructed as of any date", "[store][values]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const std::unique_ptr<RtStore> store = openStore( path );

  RtValueChange first = value( PLOTS, 120, QDate( 2024, 3, 1 ) );
  first.evidence = QStringLiteral( "Báo cáo 45/BC-BQLDA" );
  REQUIRE( store->setValue( first ).ok() );
  RtValueChange second = value( PLOTS, 312, QDate( 2024, 6, 20 ) );
  second.note = QStringLiteral( "312 của 500 ô đã bàn giao" );
  REQUIRE( store->setValue( second ).ok() );

  const RtResult<QVector<RtValueEntry>> values = store->values( PLOTS );
  REQUIRE( values.ok() );
  REQUIRE( values.value().size() == 2 );
  CHECK( values.value().at( 0 ).value == 120 );
  CHECK( values.value().at( 0 ).unit == QStringLiteral( "ô đất tái định cư" ) ); // the target's unit when none is given
  CHECK( values.value().at( 0 ).evidence == QStringLiteral( "Báo cáo 45/BC-BQLDA" ) );
  CHECK( values.value().at( 1 ).value == 312 );
  CHECK( values.value().at( 1 ).note == QStringLiteral( "312 của 500 ô đã bàn giao" ) );
  CHECK( values.value().at( 1 ).by == OFFICE );
  CHECK( values.value().at( 1 ).sequence > values.value().at( 0 ).sequence );
  CHECK( qAbs( values.value().at( 1 ).recordedAt.secsTo( QDateTime::currentDateTimeUtc() ) ) < 600 );
  CHECK( store->task( PLOTS ).value().revision == 2 );
  CHECK( store->task( PLOTS ).value().status == RtStatus::NoReport ); // a value is not a status

  // The value of each date: none yet, the first, the second.
  CHECK_FALSE( store->valuesAsOf( QDate( 2024, 2, 1 ) ).value().contains( PLOTS ) );
  CHECK( store->valuesAsOf( QDate( 2024, 3, 1 ) ).value().value( PLOTS ).value == 120 );
  CHECK( store->valuesAsOf( QDate( 2024, 6, 19 ) ).value().value( PLOTS ).value == 120 );
  CHECK( store->valuesAsOf( QDate( 2024, 7, 1 ) ).value().value( PLOTS ).value == 312 );

  // Two values of one date: the one recorded later holds.
  REQUIRE( store->setValue( value( PLOTS, 315, QDate( 2024, 6, 20 ) ) ).ok() );
  CHECK( store->valuesAsOf( QDate( 2024, 6, 20 ) ).value().value( PLOTS ).value == 315 );

  // The summary shows the share of the target as of its date.
  const RtResult<QVector<RtTask>> tasks = store->tasksAsOf( QDate( 2024, 7, 1 ) );
  REQUIRE( tasks.ok() );
  const RtSummary july = RtSummary::compute( tasks.value(), QDate( 2024, 7, 1 ), store->valuesAsOf( QDate( 2024, 7, 1 ) ).value() );
  const RtSummary march = RtSummary::compute( tasks.value(), QDate( 2024, 3, 15 ), store->valuesAsOf( QDate( 2024, 3, 15 ) ).value() );
  const auto progressOf = []( const RtSummary & s, const QString & id ) -> const RtSummary::Progress *
  {
    for ( const RtSummary::Progress &p : s.progress )
    {
      if ( p.task.id == id )
        return &p;
    }
    return nullptr;
  };
  REQUIRE( progressOf( july, PLOTS ) );
  REQUIRE( progressOf( july, PLOTS )->share );
  CHECK( *progressOf( july, PLOTS )->share == Approx( 315.0 / 500.0 ) );
  REQUIRE( progressOf( march, PLOTS )->share );
  CHECK( *progressOf( march, PLOTS )->share == Approx( 120.0 / 500.0 ) );
  CHECK( july.progress.size() == 9 ); // every task of 172 with a target
  REQUIRE( progressOf( july, QStringLiteral( "CM-CCKT-58-37-5" ) ) );
  CHECK_FALSE( progressOf( july, QStringLiteral( "CM-CCKT-58-37-5" ) )->latest );
}

TEST_CASE( "a value in another unit than the target's is kept without a share", "[store][values]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const std::unique_ptr<RtStore> store = openStore( path );
  REQUIRE( store->setValue( value( WATER, 78, QDate( 2024, 6, 1 ), QStringLiteral( " %" ) ) ).ok() );
  REQUIRE( store->setValue( value( PLOTS, 3.65, QDate( 2024, 6, 1 ), QStringLiteral( "ha" ) ) ).ok() );
  const QHash<QString, RtValueEntry> values = store->valuesAsOf( QDate( 2024, 7, 1 ) ).value();
  const RtTask water = store->task( WATER ).value();
  const RtTask plots = store->task( PLOTS ).value();
  REQUIRE( water.targetFigure );
  REQUIRE( plots.targetFigure );
  CHECK( water.targetFigure->share( values.value( WATER ).value, values.value( WATER ).unit ) == Approx( 0.78 ) );
  CHECK( values.value( PLOTS ).unit == QStringLiteral( "ha" ) );
  CHECK_FALSE( plots.targetFigure->share( values.value( PLOTS ).value, values.value( PLOTS ).unit ) );
}

TEST_CASE( "values that are no measure of progress are refused with nothing written", "[store][values]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const std::unique_ptr<RtStore> store = openStore( path );
  REQUIRE( store->setValue( value( PLOTS, 120, QDate( 2024, 3, 1 ) ) ).ok() );
  const QByteArray before = rtRegisterState( path );
  const auto requireRefused = [&]( const RtValueChange &c, const QString &message, RtErrorKind kind = RtErrorKind::Invalid )
  {
    const RtStatusResult r = store->setValue( c );
    REQUIRE( !r.ok() );
    CHECK( r.error() == message );
    CHECK( r.errorKind() == kind );
    CHECK( rtRegisterState( path ) == before );
  };
  SECTION( "a task without a target" )
  {
    requireRefused( value( A3, 1, QDate( 2024, 3, 1 ) ),
                    QStringLiteral( "task CM-QHPK-A3 has no target in the register; a measured value is recorded against a target the resolution states" ) );
  }
  SECTION( "a negative value" )
  {
    requireRefused( value( PLOTS, -1, QDate( 2024, 4, 1 ) ), QStringLiteral( "task CM-TDC-500: value -1 is not a measure of progress (a number, 0 or more)" ) );
  }
  SECTION( "not a number" )
  {
    requireRefused( value( PLOTS, std::numeric_limits<double>::quiet_NaN(), QDate( 2024, 4, 1 ) ),
                    QStringLiteral( "task CM-TDC-500: value nan is not a measure of progress (a number, 0 or more)" ) );
  }
  SECTION( "a date before the latest value" )
  {
    requireRefused( value( PLOTS, 130, QDate( 2024, 2, 1 ) ), QStringLiteral( "task CM-TDC-500: date 2024-02-01 must not be before the task's latest value date 2024-03-01" ) );
  }
  SECTION( "a date before the resolution" )
  {
    requireRefused( value( PLOTS, 130, QDate( 2023, 1, 1 ) ), QStringLiteral( "task CM-TDC-500: date 2023-01-01 is before the resolution (2023-10-13)" ) );
  }
  SECTION( "a date in the future" )
  {
    const QDate tomorrow = QDate::currentDate().addDays( 1 );
    requireRefused( value( PLOTS, 130, tomorrow ), QStringLiteral( "task CM-TDC-500: date %1 is in the future" ).arg( tomorrow.toString( Qt::ISODate ) ) );
  }
  SECTION( "nobody named" )
  {
    RtValueChange c = value( PLOTS, 130, QDate( 2024, 4, 1 ) );
    c.by = QStringLiteral( " " );
    requireRefused( c, QStringLiteral( "task CM-TDC-500: --by is required: say who makes the change" ) );
  }
  SECTION( "an unknown task" )
  {
    requireRefused( value( QStringLiteral( "CM-NOPE" ), 1, QDate( 2024, 4, 1 ) ),
                    QStringLiteral( "unknown task id 'CM-NOPE'; run `restrack summary` to list task ids" ), RtErrorKind::NotFound );
  }
  SECTION( "the write fails half-way" )
  {
    store->setFailpointForTests( [] { return false; } );
    const RtStatusResult r = store->setValue( value( PLOTS, 130, QDate( 2024, 4, 1 ) ) );
    REQUIRE( !r.ok() );
    CHECK( r.errorKind() == RtErrorKind::Unavailable );
    CHECK( rtRegisterState( path ) == before );
  }
}

TEST_CASE( "value and assignment rows cannot be changed or deleted", "[store][values][assign]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  {
    const std::unique_ptr<RtStore> store = openStore( path );
    REQUIRE( store->setValue( value( PLOTS, 120, QDate( 2024, 3, 1 ) ) ).ok() );
    RtAssignmentChange a;
    a.taskId = A3;
    a.lead = QStringLiteral( "Phòng Quản lý đô thị" );
    a.by = QStringLiteral( "UBND thành phố" );
    REQUIRE( store->assign( a ).ok() );
  }
  const QByteArray before = rtRegisterState( path );
  for ( const char *sql : { "UPDATE rt_value_history SET value = 500", "DELETE FROM rt_value_history",
                            "UPDATE rt_assignments SET office = 'x'", "DELETE FROM rt_assignments" } )
  {
    INFO( sql );
    QString message;
    if ( where.isPg() )
      message = rtPgRawExecute( path, QString::fromLatin1( sql ) );
    else
      CHECK( sqliteExec( path, sql, &message ) != SQLITE_OK );
    CHECK( message.contains( QStringLiteral( "is append-only: history rows cannot be changed or deleted" ) ) );
  }
  CHECK( rtRegisterState( path ) == before );
}

TEST_CASE( "a report that keeps the status is recorded when it brings a note or evidence", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const std::unique_ptr<RtStore> store = openStore( path );
  const RtTask before = store->task( A3 ).value();
  REQUIRE( before.status == RtStatus::InProgress );

  RtStatusChange report;
  report.taskId = A3;
  report.newStatus = RtStatus::InProgress;
  report.by = QStringLiteral( "Phòng Quản lý đô thị" );
  report.date = QDate( 2024, 6, 1 );
  report.evidence = QStringLiteral( "Tờ trình 88/TTr-QLĐT" );
  report.expected = RtStatus::InProgress;
  REQUIRE( store->setStatus( report ).ok() );

  const RtResult<QVector<RtHistoryEntry>> history = store->history( A3 );
  REQUIRE( history.ok() );
  REQUIRE( history.value().size() == 2 );
  const RtHistoryEntry &kept = history.value().constLast();
  REQUIRE( kept.oldStatus );
  CHECK( *kept.oldStatus == RtStatus::InProgress );
  CHECK( kept.newStatus == RtStatus::InProgress );
  CHECK( kept.evidence == QStringLiteral( "Tờ trình 88/TTr-QLĐT" ) );
  CHECK( kept.date == QDate( 2024, 6, 1 ) );
  const RtTask after = store->task( A3 ).value();
  CHECK( after.status == RtStatus::InProgress );
  CHECK( after.statusDate == before.statusDate ); // the status holds from when it was first stated
  CHECK( after.revision == before.revision + 1 );
  CHECK( store->statusesAsOf( QDate( 2024, 7, 1 ) ).value().value( A3 ) == RtStatus::InProgress );
  // A later change must not be dated before the report.
  RtStatusChange done = report;
  done.newStatus = RtStatus::Done;
  done.date = QDate( 2024, 5, 1 );
  done.evidence.clear();
  const RtStatusResult early = store->setStatus( done );
  REQUIRE( !early.ok() );
  CHECK( early.error().contains( QStringLiteral( "latest status date 2024-06-01" ) ) );
}

TEST_CASE( "assignments are kept as a history, the latest current, offices compared as people spell them", "[store][assign]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const std::unique_ptr<RtStore> store = openStore( path );

  RtAssignmentChange plan;
  plan.taskId = A3;
  plan.lead = QStringLiteral( "  Phòng Quản lý   đô thị " );
  plan.with = QStringList { QStringLiteral( "Phòng Tài nguyên và Môi trường" ), QStringLiteral( "UBND phường Hải Hoà" ), QStringLiteral( "phòng tài nguyên và môi trường" ), QString() };
  plan.by = QStringLiteral( "UBND thành phố" );
  REQUIRE( store->assign( plan ).ok() );
  const RtResult<QVector<RtAssignment>> first = store->assignments( A3 );
  REQUIRE( first.ok() );
  REQUIRE( first.value().size() == 1 );
  CHECK( first.value().at( 0 ).lead == QStringLiteral( "Phòng Quản lý đô thị" ) ); // trimmed, spaces collapsed
  CHECK( first.value().at( 0 ).with == QStringList( { QStringLiteral( "Phòng Tài nguyên và Môi trường" ), QStringLiteral( "UBND phường Hải Hoà" ) } ) );
  CHECK( first.value().at( 0 ).by == QStringLiteral( "UBND thành phố" ) );
  CHECK( qAbs( first.value().at( 0 ).recordedAt.secsTo( QDateTime::currentDateTimeUtc() ) ) < 600 );
  CHECK( store->task( A3 ).value().revision == 1 );

  // The same offices, spelt otherwise (case, NFD, the other tone placement, order): nothing new.
  const QByteArray once = rtRegisterState( path );
  RtAssignmentChange same = plan;
  same.lead = QStringLiteral( "PHÒNG QUẢN LÝ ĐÔ THỊ" ).normalized( QString::NormalizationForm_D );
  same.with = QStringList { QStringLiteral( "UBND phường Hải Hòa" ), QStringLiteral( "Phòng Tài Nguyên và Môi Trường" ) };
  const RtStatusResult again = store->assign( same );
  REQUIRE( !again.ok() );
  CHECK( again.error().startsWith( QStringLiteral( "task CM-QHPK-A3 is assigned so already (lead Phòng Quản lý đô thị, by UBND thành phố on " ) ) );
  CHECK( rtRegisterState( path ) == once );

  // A new plan: the latest is current, the first kept.
  RtAssignmentChange next;
  next.taskId = A3;
  next.lead = QStringLiteral( "Phòng Tài nguyên và Môi trường" );
  next.with = QStringList { QStringLiteral( "Phòng Quản lý đô thị" ) };
  next.by = QStringLiteral( "Chủ tịch UBND thành phố" );
  REQUIRE( store->assign( next ).ok() );
  const QVector<RtAssignment> both = store->assignments( A3 ).value();
  REQUIRE( both.size() == 2 );
  CHECK( both.at( 0 ).lead == QStringLiteral( "Phòng Quản lý đô thị" ) );
  CHECK( both.at( 1 ).lead == QStringLiteral( "Phòng Tài nguyên và Môi trường" ) );
  CHECK( both.at( 1 ).sequence > both.at( 0 ).sequence );
  const QHash<QString, RtAssignment> current = store->currentAssignments().value();
  CHECK( current.size() == 1 );
  CHECK( current.value( A3 ).lead == QStringLiteral( "Phòng Tài nguyên và Môi trường" ) );
  CHECK( current.value( A3 ).with == QStringList( QStringLiteral( "Phòng Quản lý đô thị" ) ) );

  // Office keys: one key for one office however it is typed; two offices never merge.
  CHECK( RtAssignment::officeKey( QStringLiteral( "UBND phường Hải Hoà" ) ) == RtAssignment::officeKey( QStringLiteral( "ubnd  phường hải hòa" ) ) );
  CHECK( RtAssignment::officeKey( QStringLiteral( "Phòng Thủy lợi" ) ) == RtAssignment::officeKey( QStringLiteral( "Phòng Thuỷ lợi" ).normalized( QString::NormalizationForm_D ) ) );
  CHECK( RtAssignment::officeKey( QStringLiteral( "UBND phường Hải Hòa" ) ) != RtAssignment::officeKey( QStringLiteral( "UBND phường Hải Hà" ) ) );
  CHECK( RtAssignment::officeKey( QStringLiteral( "UBND xã Vạn Ninh" ) ) != RtAssignment::officeKey( QStringLiteral( "UBND xã Vân Ninh" ) ) );
}

TEST_CASE( "assignments that cannot be recorded are refused with nothing written", "[store][assign]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const std::unique_ptr<RtStore> store = openStore( path );
  const QByteArray before = rtRegisterState( path );
  RtAssignmentChange c;
  c.taskId = A3;
  c.lead = QStringLiteral( "Phòng Quản lý đô thị" );
  c.by = QStringLiteral( "UBND thành phố" );
  const auto requireRefused = [&]( const RtAssignmentChange &refused, const QString &message, RtErrorKind kind = RtErrorKind::Invalid )
  {
    const RtStatusResult r = store->assign( refused );
    REQUIRE( !r.ok() );
    CHECK( r.error() == message );
    CHECK( r.errorKind() == kind );
    CHECK( rtRegisterState( path ) == before );
  };
  SECTION( "the lead office also cooperates" )
  {
    c.with = QStringList { QStringLiteral( "phòng quản lý đô thị" ) };
    requireRefused( c, QStringLiteral( "task CM-QHPK-A3: phòng quản lý đô thị is the lead office; it cannot also be a cooperating one" ) );
  }
  SECTION( "no lead office" )
  {
    c.lead = QStringLiteral( "  " );
    requireRefused( c, QStringLiteral( "task CM-QHPK-A3: the lead office is required (--office)" ) );
  }
  SECTION( "nobody assigns" )
  {
    c.by.clear();
    requireRefused( c, QStringLiteral( "task CM-QHPK-A3: --by is required: say who assigns the task" ) );
  }
  SECTION( "an unknown task" )
  {
    c.taskId = QStringLiteral( "CM-NOPE" );
    requireRefused( c, QStringLiteral( "unknown task id 'CM-NOPE'; run `restrack summary` to list task ids" ), RtErrorKind::NotFound );
  }
  SECTION( "the write fails half-way" )
  {
    store->setFailpointForTests( [] { return false; } );
    const RtStatusResult r = store->assign( c );
    REQUIRE( !r.ok() );
    CHECK( r.errorKind() == RtErrorKind::Unavailable );
    CHECK( rtRegisterState( path ) == before );
    CHECK( store->assignments( A3 ).value().isEmpty() );
  }
}

TEST_CASE( "a batch of changes is applied in one transaction, all or none", "[store][batch]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const std::unique_ptr<RtStore> store = openStore( path );
  const QByteArray before = rtRegisterState( path );

  // A3 done (based on in progress), a value of the plots, a report on A5 that keeps its status,
  // and A3 again: the later row sees the earlier one.
  RtTaskChange a3 = row( A3, QDate( 2024, 6, 20 ) );
  a3.newStatus = RtStatus::Done;
  a3.expected = RtStatus::InProgress;
  a3.evidence = QStringLiteral( "QĐ 1234/QĐ-UBND" );
  RtTaskChange plots = row( PLOTS, QDate( 2024, 6, 20 ) );
  plots.value = 312;
  RtTaskChange a5 = row( QStringLiteral( "CM-QHPK-A5" ), QDate( 2024, 6, 20 ) );
  a5.newStatus = RtStatus::InProgress;
  a5.note = QStringLiteral( "Đang lấy ý kiến cộng đồng" );
  RtTaskChange a3Again = row( A3, QDate( 2024, 6, 21 ) );
  a3Again.expected = RtStatus::Done;
  a3Again.note = QStringLiteral( "Đã công bố quy hoạch" );
  const QVector<RtTaskChange> batch { a3, plots, a5, a3Again };

  SECTION( "a dry run checks and describes, writing nothing" )
  {
    const RtResult<RtBatchOutcome> dry = store->applyChanges( batch, true );
    REQUIRE( dry.ok() );
    CHECK_FALSE( dry.value().applied );
    CHECK( dry.value().errors.isEmpty() );
    REQUIRE( dry.value().changes.size() == 4 );
    CHECK( dry.value().changes.at( 0 ) == QStringLiteral( "CM-QHPK-A3: in_progress → done (2024-06-20, by Ban Quản lý dự án đầu tư xây dựng)" ) );
    CHECK( dry.value().changes.at( 1 ) == QStringLiteral( "CM-TDC-500: value 312 ô đất tái định cư (2024-06-20, by Ban Quản lý dự án đầu tư xây dựng)" ) );
    CHECK( dry.value().changes.at( 3 ).startsWith( QStringLiteral( "CM-QHPK-A3: done kept, a note" ) ) );
    CHECK( dry.value().statusRows == 3 );
    CHECK( dry.value().valueRows == 1 );
    CHECK( rtRegisterState( path ) == before );
  }
  SECTION( "every row valid: all applied" )
  {
    const RtResult<RtBatchOutcome> applied = store->applyChanges( batch );
    REQUIRE( applied.ok() );
    CHECK( applied.value().applied );
    CHECK( applied.value().errors.isEmpty() );
    CHECK( store->task( A3 ).value().status == RtStatus::Done );
    CHECK( store->history( A3 ).value().size() == 3 );
    CHECK( store->history( A3 ).value().constLast().note == QStringLiteral( "Đã công bố quy hoạch" ) );
    CHECK( store->values( PLOTS ).value().size() == 1 );
    CHECK( store->history( QStringLiteral( "CM-QHPK-A5" ) ).value().size() == 2 );
  }
  SECTION( "one bad row: none applied, every bad row named by its position" )
  {
    RtTaskChange unknown = row( QStringLiteral( "CM-NOPE" ), QDate( 2024, 6, 20 ) );
    unknown.newStatus = RtStatus::Done;
    RtTaskChange stale = row( QStringLiteral( "CM-QHPK-A6" ), QDate( 2024, 6, 20 ) );
    stale.newStatus = RtStatus::Done;
    stale.expected = RtStatus::NotStarted;
    RtTaskChange future = row( WATER, QDate::currentDate().addDays( 3 ) );
    future.value = 80;
    RtTaskChange nothing = row( QStringLiteral( "CM-QHPK-A6" ), QDate( 2024, 6, 20 ) );
    nothing.newStatus = RtStatus::InProgress;
    const RtResult<RtBatchOutcome> outcome = store->applyChanges( { a3, unknown, plots, stale, future, nothing } );
    REQUIRE( outcome.ok() );
    CHECK_FALSE( outcome.value().applied );
    REQUIRE( outcome.value().errors.size() == 4 );
    CHECK( outcome.value().errors.at( 0 ).row == 2 );
    CHECK( outcome.value().errors.at( 0 ).kind == RtErrorKind::NotFound );
    CHECK( outcome.value().errors.at( 1 ).row == 4 );
    CHECK( outcome.value().errors.at( 1 ).kind == RtErrorKind::Stale );
    CHECK( outcome.value().errors.at( 1 ).message.contains( QStringLiteral( "its status is now 'in_progress'" ) ) );
    CHECK( outcome.value().errors.at( 2 ).row == 5 );
    CHECK( outcome.value().errors.at( 2 ).message.contains( QStringLiteral( "is in the future" ) ) );
    CHECK( outcome.value().errors.at( 3 ).row == 6 );
    CHECK( outcome.value().errors.at( 3 ).message.contains( QStringLiteral( "status is already 'in_progress'" ) ) );
    CHECK( rtRegisterState( path ) == before );
    CHECK( store->task( A3 ).value().status == RtStatus::InProgress );
  }
  SECTION( "the register fails in the middle: the file is left byte-identical" )
  {
    int calls = 0;
    store->setFailpointForTests( [&calls] { return ++calls < 3; } ); // the third row written fails
    const RtResult<RtBatchOutcome> failed = store->applyChanges( batch );
    REQUIRE( !failed.ok() );
    CHECK( failed.errorKind() == RtErrorKind::Unavailable );
    CHECK( calls == 3 );
    store->setFailpointForTests( {} );
    CHECK( store->tasks().ok() ); // the store is still usable
    CHECK( rtRegisterState( path ) == before );
    CHECK( store->history( A3 ).value().size() == 1 );
    CHECK( store->values( PLOTS ).value().isEmpty() );
  }
  SECTION( "a read-only store applies nothing" )
  {
    const std::unique_ptr<RtStore> readOnly = openStore( path, false );
    const RtResult<RtBatchOutcome> refused = readOnly->applyChanges( batch );
    REQUIRE( !refused.ok() );
    CHECK( refused.errorKind() == RtErrorKind::ReadOnly );
    CHECK( rtRegisterState( path ) == before );
  }
}
