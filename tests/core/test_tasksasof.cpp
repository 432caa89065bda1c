// The tasks as they stood on a date (RtTasksAsOf): one rule for the panel, the map, the
// export and the CLI, on the real register of 172/NQ-HĐND built by the real CLI.
#include "catch_compat.h"
#include "clitestutil.h"
#include "testutil.h"

#include "rtstore.h"
#include "rttasksasof.h"

#include <QProcess>

namespace
{
  QString buildRegister( const QTemporaryDir &dir )
  {
    const QString path = dir.filePath( QStringLiteral( "register.gpkg" ) );
    QProcess p;
    p.start( RtTestPaths::cliExecutable(), { QStringLiteral( "build-register" ), QStringLiteral( "--out" ), path,
                                             QStringLiteral( "--register" ), RtTestPaths::registerJson() } );
    REQUIRE( p.waitForFinished( 60000 ) );
    INFO( p.readAllStandardError().toStdString() );
    REQUIRE( p.exitCode() == 0 );
    return path;
  }

  using RtCliTest::restrack;

  std::unique_ptr<RtStore> open( const QString &path, bool writable )
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, writable );
    INFO( store.error().toStdString() );
    REQUIRE( store.ok() );
    return store.takeValue();
  }

  RtStatus statusOf( const QVector<RtTask> &tasks, const QString &id )
  {
    for ( const RtTask &t : tasks )
      if ( t.id == id )
        return t.status;
    FAIL( "no task " << id.toStdString() );
    return RtStatus::NoReport;
  }
}

TEST_CASE( "the tasks as of a date follow the history and a date before the resolution is refused naming its date", "[asof]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = buildRegister( dir );
  {
    const std::unique_ptr<RtStore> store = open( path, true );
    RtStatusChange change;
    change.taskId = QStringLiteral( "CM-QHPK-A3" );
    change.newStatus = RtStatus::Done;
    change.by = QStringLiteral( "Phòng QLĐT" );
    change.date = QDate( 2024, 6, 20 );
    const RtStatusResult written = store->setStatus( change );
    INFO( written.error().toStdString() );
    REQUIRE( written.ok() );
  }
  const std::unique_ptr<RtStore> store = open( path, false );
  const RtDocumentInfo document = store->document();
  REQUIRE( document.date == QDate( 2023, 10, 13 ) );
  CHECK( RtTasksAsOf::earliest( document ) == document.date );

  // Every task, in register order, with the status of its history on that date.
  const RtResult<QVector<RtTask>> all = store->tasks();
  REQUIRE( all.ok() );
  QVector<RtTask> current;
  const RtResult<QVector<RtTask>> before = RtTasksAsOf::read( *store, QDate( 2024, 6, 19 ), &current );
  const RtResult<QVector<RtTask>> after = RtTasksAsOf::read( *store, QDate( 2024, 6, 20 ) );
  REQUIRE( before.ok() );
  REQUIRE( after.ok() );
  REQUIRE( before.value().size() == all.value().size() );
  REQUIRE( current.size() == all.value().size() );
  for ( int i = 0; i < all.value().size(); ++i )
  {
    CHECK( before.value().at( i ).id == all.value().at( i ).id );
    CHECK( current.at( i ).status == all.value().at( i ).status );
  }
  CHECK( statusOf( before.value(), QStringLiteral( "CM-QHPK-A3" ) ) == RtStatus::InProgress );
  CHECK( statusOf( after.value(), QStringLiteral( "CM-QHPK-A3" ) ) == RtStatus::Done );
  CHECK( statusOf( current, QStringLiteral( "CM-QHPK-A3" ) ) == RtStatus::Done );
  // The resolution's own day is the first that can be asked.
  const RtResult<QVector<RtTask>> first = RtTasksAsOf::read( *store, document.date );
  REQUIRE( first.ok() );
  CHECK( statusOf( first.value(), QStringLiteral( "CM-QHPK-A3" ) ) == RtStatus::InProgress );

  // The day before is refused, never moved: the message names the date asked and the resolution's.
  const RtResult<QVector<RtTask>> early = RtTasksAsOf::read( *store, QDate( 2023, 10, 12 ) );
  REQUIRE_FALSE( early.ok() );
  CHECK( early.errorKind() == RtErrorKind::Invalid );
  CHECK( early.error().contains( QStringLiteral( "2023-10-12" ) ) );
  CHECK( early.error().contains( QStringLiteral( "before the resolution (172/NQ-HĐND) of 2023-10-13" ) ) );
  CHECK( early.error().contains( QStringLiteral( "choose 2023-10-13 or later" ) ) );
  CHECK( early.error() == RtTasksAsOf::check( document, QDate( 2023, 10, 12 ) ).error() );
  CHECK( RtTasksAsOf::check( document, document.date ).ok() );
  const RtStatusResult invalid = RtTasksAsOf::check( document, QDate() );
  REQUIRE_FALSE( invalid.ok() );
  CHECK( invalid.error().contains( QStringLiteral( "as-of date" ) ) );
}

TEST_CASE( "restrack summary and join refuse a date before the resolution with the one message", "[asof][cli]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = buildRegister( dir );
  const QString expected = RtTasksAsOf::check( open( path, false )->document(), QDate( 2023, 1, 1 ) ).error();
  REQUIRE( !expected.isEmpty() );

  const RtCliTest::Run summary = restrack( { QStringLiteral( "summary" ), QStringLiteral( "--db" ), path, QStringLiteral( "--as-of" ), QStringLiteral( "2023-01-01" ) } );
  CHECK( summary.code == 1 );
  CHECK( summary.err.trimmed() == QStringLiteral( "restrack: " ) + expected );
  const RtCliTest::Run join = restrack( { QStringLiteral( "join" ), QStringLiteral( "--db" ), path, QStringLiteral( "--as-of" ), QStringLiteral( "2023-01-01" ),
                                          QStringLiteral( "--layer" ), RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg|layername=zones" ),
                                          QStringLiteral( "--kind" ), QStringLiteral( "zone" ), QStringLiteral( "--fields" ), QStringLiteral( "code" ) } );
  CHECK( join.code == 1 );
  CHECK( join.err.trimmed() == QStringLiteral( "restrack: " ) + expected );
  // The resolution's own date is accepted.
  CHECK( restrack( { QStringLiteral( "summary" ), QStringLiteral( "--db" ), path, QStringLiteral( "--as-of" ), QStringLiteral( "2023-10-13" ) } ).code == 0 );
}
