// Many resolutions in one register (schema 2): adding one, ids qualified where they clash,
// follow-ups, the tasks of a date; the upgrade of a register of schema 1 and the refusal of
// a newer one. Real registers in temporary folders: the bundled 172/NQ-HĐND and the short
// second resolution of tests/data/store/.
#include "catch_compat.h"
#include "testutil.h"
#include "backendtestutil.h"

#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"
#include "rttasksasof.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sqlite3.h>

namespace
{
  const QString N172 = QStringLiteral( "172/NQ-HĐND" );
  const QString N15 = QStringLiteral( "15/NQ-HĐND" );

  QString storeData( const QString &name )
  {
    return RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/store/" ) + name;
  }

  //! A register JSON and its text, imported and checked as build-register does.
  struct Source
  {
    RtRegisterFile reg;
    RtResolution resolution;
    RtDocumentInfo info;
  };

  Source load( const QString &registerJson, const QString &text )
  {
    Source s;
    const RtResult<RtRegisterFile> reg = RtRegister::load( registerJson );
    REQUIRE( reg.ok() );
    s.reg = reg.value();
    const RtResult<RtImportReport> imported = RtResolutionImporter::importFile( text, s.reg.term );
    REQUIRE( imported.ok() );
    s.resolution = imported.value().resolution;
    REQUIRE( RtRegister::checkAgainst( s.reg, s.resolution ).isEmpty() );
    s.info.term = s.reg.term;
    s.info.sourceName = QFileInfo( text ).fileName();
    return s;
  }

  Source source172()
  {
    return load( RtTestPaths::registerJson(), RtTestPaths::resolutionText() );
  }

  Source source15()
  {
    return load( storeData( QStringLiteral( "NQ-15-HDND-2024-test-register.json" ) ), storeData( QStringLiteral( "NQ-15-HDND-2024-test.txt" ) ) );
  }

  QString create172( const QTemporaryDir &dir, const QString &name = QStringLiteral( "register.gpkg" ) )
  {
    const Source s = source172();
    const QString path = dir.filePath( name );
    const RtStatusResult created = RtStore::create( path, s.resolution, s.reg.tasks, s.info );
    INFO( created.error().toStdString() );
    REQUIRE( created.ok() );
    return path;
  }

  QString create172( const RtTestRegisterLocation &where )
  {
    const Source s = source172();
    const QString path = where.location();
    const RtStatusResult created = RtStore::create( path, s.resolution, s.reg.tasks, s.info );
    INFO( created.error().toStdString() );
    REQUIRE( created.ok() );
    return path;
  }

  std::unique_ptr<RtStore> openStore( const QString &path, bool writable = true )
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, writable );
    INFO( store.error().toStdString() );
    REQUIRE( store.ok() );
    return store.takeValue();
  }

  QStringList ids( const QVector<RtTask> &tasks )
  {
    QStringList out;
    for ( const RtTask &t : tasks )
      out << t.id;
    return out;
  }

  const RtTask *findTask( const QVector<RtTask> &tasks, const QString &id )
  {
    for ( const RtTask &t : tasks )
    {
      if ( t.id == id )
        return &t;
    }
    return nullptr;
  }

  //! Runs \a sql on the file with a plain SQLite connection; returns SQLite's code and message.
  QPair<int, QString> sqlite( const QString &path, const char *sql )
  {
    sqlite3 *db = nullptr;
    REQUIRE( sqlite3_open_v2( QFile::encodeName( path ).constData(), &db, SQLITE_OPEN_READWRITE, nullptr ) == SQLITE_OK );
    const int rc = sqlite3_exec( db, sql, nullptr, nullptr, nullptr );
    const QString message = QString::fromUtf8( sqlite3_errmsg( db ) );
    sqlite3_close( db );
    return qMakePair( rc, message );
  }

  QString sqliteValue( const QString &path, const char *sql )
  {
    sqlite3 *db = nullptr;
    REQUIRE( sqlite3_open_v2( QFile::encodeName( path ).constData(), &db, SQLITE_OPEN_READONLY, nullptr ) == SQLITE_OK );
    sqlite3_stmt *st = nullptr;
    REQUIRE( sqlite3_prepare_v2( db, sql, -1, &st, nullptr ) == SQLITE_OK );
    QStringList values;
    while ( sqlite3_step( st ) == SQLITE_ROW )
      values << QString::fromUtf8( reinterpret_cast<const char *>( sqlite3_column_text( st, 0 ) ) );
    sqlite3_finalize( st );
    sqlite3_close( db );
    return values.join( QLatin1Char( '|' ) );
  }

  //! Every history row of every task, as text, for comparing registers.
  QStringList allHistory( const RtStore &store )
  {
    QStringList out;
    const RtResult<QVector<RtTask>> tasks = store.tasks();
    REQUIRE( tasks.ok() );
    for ( const RtTask &t : tasks.value() )
    {
      const RtResult<QVector<RtHistoryEntry>> h = store.history( t.id );
      REQUIRE( h.ok() );
      for ( const RtHistoryEntry &e : h.value() )
        out << QStringLiteral( "%1|%2|%3|%4|%5|%6|%7|%8|%9" ).arg( e.sequence ).arg( e.taskId, e.date.toString( Qt::ISODate ),
               e.recordedAt.toString( Qt::ISODateWithMs ), e.oldStatus ? RtStatuses::code( *e.oldStatus ) : QStringLiteral( "-" ),
               RtStatuses::code( e.newStatus ), e.by, e.note, e.evidence );
    }
    return out;
  }

  QStringList allTasks( const RtStore &store )
  {
    QStringList out;
    const RtResult<QVector<RtTask>> tasks = store.tasks();
    REQUIRE( tasks.ok() );
    for ( const RtTask &t : tasks.value() )
      out << QStringLiteral( "%1|%2|%3|%4|%5|%6|%7|%8" ).arg( t.id, t.resolution, RtStatuses::code( t.status ), t.statusDate.toString( Qt::ISODate ),
             t.places.join( QLatin1Char( ',' ) ), t.quote, t.deadline.phrase() ).arg( t.revision );
    return out;
  }
}

TEST_CASE( "a second resolution joins the register, its clashing task ids qualified by its number", "[store][resolutions]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const Source second = source15();
  const std::unique_ptr<RtStore> store = openStore( path );

  const RtResult<RtAddedResolution> added = store->addResolution( second.resolution, second.reg.tasks, second.info );
  INFO( added.error().toStdString() );
  REQUIRE( added.ok() );
  CHECK( added.value().number == N15 );
  CHECK( added.value().tasks == 4 );
  // DT-01 and CM-QHPK-A3 are 172's already: the new ones are qualified; the others keep their ids.
  REQUIRE( added.value().renamed.size() == 2 );
  CHECK( added.value().renamed.at( 0 ) == qMakePair( QStringLiteral( "DT-01" ), QStringLiteral( "DT-01@15/NQ-HĐND" ) ) );
  CHECK( added.value().renamed.at( 1 ) == qMakePair( QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "CM-QHPK-A3@15/NQ-HĐND" ) ) );

  const RtResult<QVector<RtDocumentInfo>> docs = store->resolutions();
  REQUIRE( docs.ok() );
  REQUIRE( docs.value().size() == 2 );
  CHECK( docs.value().at( 0 ).number == N172 );
  CHECK( docs.value().at( 1 ).number == N15 );
  CHECK( docs.value().at( 1 ).date == QDate( 2024, 7, 12 ) );
  CHECK( docs.value().at( 1 ).sourceName == QStringLiteral( "NQ-15-HDND-2024-test.txt" ) );
  CHECK( store->document().number == N172 ); // the register's first

  const RtResult<QVector<RtTask>> all = store->tasks();
  REQUIRE( all.ok() );
  CHECK( all.value().size() == 89 + 4 );
  CHECK( ids( all.value() ).mid( 89 ) == QStringList( { QStringLiteral( "DT-01@15/NQ-HĐND" ), QStringLiteral( "CM-TDC-300" ),
                                                       QStringLiteral( "CM-QHPK-A3@15/NQ-HĐND" ), QStringLiteral( "CM-NUOC-100" ) } ) );
  CHECK( findTask( all.value(), QStringLiteral( "DT-01" ) )->resolution == N172 );
  const RtResult<QVector<RtTask>> only15 = store->tasks( { N15 } );
  REQUIRE( only15.ok() );
  CHECK( ids( only15.value() ) == ids( all.value() ).mid( 89 ) );
  for ( const RtTask &t : only15.value() )
    CHECK( t.resolution == N15 );

  // What it follows up is kept, by the id the register gives that task.
  const RtTask *followUp = findTask( all.value(), QStringLiteral( "DT-01@15/NQ-HĐND" ) );
  REQUIRE( followUp );
  REQUIRE( followUp->followsUp.size() == 1 );
  CHECK( followUp->followsUp.at( 0 ).resolution == N172 );
  CHECK( followUp->followsUp.at( 0 ).taskId == QStringLiteral( "DT-01" ) );

  // Numeric targets, derived from the targets as written.
  const RtTask *plots = findTask( all.value(), QStringLiteral( "CM-TDC-300" ) );
  REQUIRE( plots );
  REQUIRE( plots->targetFigure );
  CHECK( plots->targetFigure->value == 300 );
  CHECK( plots->targetFigure->unit == QStringLiteral( "ô đất tái định cư" ) );
  CHECK( plots->targetFigure->comparator == QStringLiteral( "~" ) );
  const RtTask *water = findTask( all.value(), QStringLiteral( "CM-NUOC-100" ) );
  REQUIRE( water );
  REQUIRE( water->targetFigure );
  CHECK( water->targetFigure->value == 100 );
  CHECK( water->targetFigure->unit == QStringLiteral( "%" ) );
  CHECK_FALSE( findTask( all.value(), QStringLiteral( "CM-CCKT-58-37-5" ) )->targetFigure ); // three shares: no single target

  // Each resolution keeps its own clause tree.
  const RtResult<RtResolution> tree15 = store->resolution( N15 );
  REQUIRE( tree15.ok() );
  CHECK( tree15.value().number == N15 );
  REQUIRE( tree15.value().clauses.size() == 2 );
  CHECK( tree15.value().clauses.at( 0 ).children.size() == 4 );
  const RtResult<RtResolution> tree172 = store->resolution();
  REQUIRE( tree172.ok() );
  CHECK( tree172.value().number == N172 );
  CHECK( tree172.value().clauses.size() == source172().resolution.clauses.size() );
  CHECK( tree172.value().footnotes.size() == source172().resolution.footnotes.size() );
  CHECK( tree172.value().figures.size() == source172().resolution.figures.size() );

  // Ids as each resolution's register wrote them.
  CHECK( store->resolveTaskId( QStringLiteral( "DT-01" ), N15 ).value() == QStringLiteral( "DT-01@15/NQ-HĐND" ) );
  CHECK( store->resolveTaskId( QStringLiteral( "DT-01" ), N172 ).value() == QStringLiteral( "DT-01" ) );
  CHECK( store->resolveTaskId( QStringLiteral( "CM-TDC-300" ), N15 ).value() == QStringLiteral( "CM-TDC-300" ) );
  CHECK( store->resolveTaskId( QStringLiteral( "CM-TDC-300" ), N172 ).errorKind() == RtErrorKind::NotFound );
}

TEST_CASE( "a resolution is found by its number as people type it", "[store][resolutions]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const Source second = source15();
  const std::unique_ptr<RtStore> store = openStore( path );
  REQUIRE( store->addResolution( second.resolution, second.reg.tasks, second.info ).ok() );

  for ( const QString &typed : { N15, QStringLiteral( "15/nq-hđnd" ), QStringLiteral( "15/NQ-HDND" ), QStringLiteral( " 15 " ),
                                 N15.normalized( QString::NormalizationForm_D ) } )
  {
    INFO( typed.toStdString() );
    const RtResult<RtDocumentInfo> found = store->findResolution( typed );
    REQUIRE( found.ok() );
    CHECK( found.value().number == N15 );
  }
  CHECK( store->findResolution( QStringLiteral( "172" ) ).value().number == N172 );
  const RtResult<RtDocumentInfo> missing = store->findResolution( QStringLiteral( "152/NQ-HĐND" ) );
  REQUIRE( !missing.ok() );
  CHECK( missing.errorKind() == RtErrorKind::NotFound );
  CHECK( missing.error().contains( QStringLiteral( "172/NQ-HĐND, 15/NQ-HĐND" ) ) ); // names what it holds
}

TEST_CASE( "the tasks of a date are those of the resolutions passed by then", "[store][resolutions]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  const Source second = source15();
  const std::unique_ptr<RtStore> store = openStore( path );
  REQUIRE( store->addResolution( second.resolution, second.reg.tasks, second.info ).ok() );

  // Before 15/NQ-HĐND was passed its tasks did not exist.
  const RtResult<QVector<RtTask>> january = store->tasksAsOf( QDate( 2024, 1, 1 ) );
  REQUIRE( january.ok() );
  CHECK( january.value().size() == 89 );
  const RtResult<QVector<RtTask>> august = store->tasksAsOf( QDate( 2024, 8, 1 ) );
  REQUIRE( august.ok() );
  CHECK( august.value().size() == 93 );
  CHECK( findTask( august.value(), QStringLiteral( "CM-QHPK-A3@15/NQ-HĐND" ) )->status == RtStatus::Blocked );
  CHECK( findTask( august.value(), QStringLiteral( "CM-QHPK-A3" ) )->status == RtStatus::InProgress );

  const RtResult<QVector<RtTask>> chosen = store->tasksAsOf( QDate( 2024, 8, 1 ), { N15 } );
  REQUIRE( chosen.ok() );
  CHECK( chosen.value().size() == 4 );
  const RtResult<QVector<RtTask>> tooEarly = store->tasksAsOf( QDate( 2024, 1, 1 ), { N15 } );
  REQUIRE( !tooEarly.ok() );
  CHECK( tooEarly.error().contains( QStringLiteral( "before the resolution (15/NQ-HĐND) of 2024-07-12" ) ) );
  const RtResult<QVector<RtTask>> beforeAll = store->tasksAsOf( QDate( 2023, 1, 1 ) );
  REQUIRE( !beforeAll.ok() );
  CHECK( beforeAll.error() == RtTasksAsOf::check( store->document(), QDate( 2023, 1, 1 ) ).error() );

  // A status change of a later resolution's task is checked against that resolution's date.
  RtStatusChange early;
  early.taskId = QStringLiteral( "CM-TDC-300" );
  early.newStatus = RtStatus::InProgress;
  early.by = QStringLiteral( "Ban Quản lý dự án" );
  early.date = QDate( 2024, 3, 1 );
  const RtStatusResult refused = store->setStatus( early );
  REQUIRE( !refused.ok() );
  CHECK( refused.error() == QStringLiteral( "task CM-TDC-300: date 2024-03-01 is before the resolution (2024-07-12)" ) );
}

TEST_CASE( "adding a resolution is refused, nothing written, when it cannot be added whole", "[store][resolutions]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = create172( where );
  Source second = source15();
  const std::unique_ptr<RtStore> store = openStore( path );
  const QByteArray before = rtRegisterState( path );
  const auto requireRefused = [&]( const QVector<RtTask> &tasks, const QString &message, RtErrorKind kind )
  {
    const RtResult<RtAddedResolution> added = store->addResolution( second.resolution, tasks, second.info );
    REQUIRE( !added.ok() );
    INFO( added.error().toStdString() );
    CHECK( added.error().contains( message ) );
    CHECK( added.errorKind() == kind );
    CHECK( rtRegisterState( path ) == before );
    CHECK( store->resolutions().value().size() == 1 );
  };

  SECTION( "a task follows up a task the cited resolution does not have" )
  {
    QVector<RtTask> tasks = second.reg.tasks;
    tasks[0].followsUp = { { N172, QStringLiteral( "DT-99" ) } };
    requireRefused( tasks, QStringLiteral( "follows up task DT-99 of 172/NQ-HĐND, which that resolution does not have" ), RtErrorKind::NotFound );
  }
  SECTION( "a task follows up a task of a resolution the register does not hold" )
  {
    QVector<RtTask> tasks = second.reg.tasks;
    tasks[0].followsUp = { { QStringLiteral( "152/NQ-HĐND" ), QStringLiteral( "DT-01" ) } };
    requireRefused( tasks, QStringLiteral( "which is not in the register" ), RtErrorKind::NotFound );
  }
  SECTION( "a task follows up a later resolution" )
  {
    // 172 as the second resolution of a register that holds 15 already: 15 came later.
    const RtTestRegisterLocation other( where.isPg() ? "pg" : "gpkg" );
    const QString path15 = other.location( QStringLiteral( "15.gpkg" ) );
    QVector<RtTask> first = second.reg.tasks;
    for ( RtTask &t : first )
      t.followsUp.clear();
    REQUIRE( RtStore::create( path15, second.resolution, first, second.info ).ok() );
    const std::unique_ptr<RtStore> later = openStore( path15 );
    const Source s172 = source172();
    QVector<RtTask> tasks = s172.reg.tasks;
    tasks[0].followsUp = { { N15, QString() } };
    const RtResult<RtAddedResolution> added = later->addResolution( s172.resolution, tasks, s172.info );
    REQUIRE( !added.ok() );
    CHECK( added.error().contains( QStringLiteral( "follows up 15/NQ-HĐND of 2024-07-12, which is later than 172/NQ-HĐND of 2023-10-13" ) ) );
    CHECK( rtRegisterState( path ) == before );
  }
  SECTION( "the register holds that resolution already" )
  {
    REQUIRE( store->addResolution( second.resolution, second.reg.tasks, second.info ).ok() );
    const QByteArray once = rtRegisterState( path );
    const RtResult<RtAddedResolution> again = store->addResolution( second.resolution, second.reg.tasks, second.info );
    REQUIRE( !again.ok() );
    CHECK( again.error().contains( QStringLiteral( "holds resolution 15/NQ-HĐND already" ) ) );
    CHECK( rtRegisterState( path ) == once );
  }
  SECTION( "the write fails half-way" )
  {
    store->setFailpointForTests( [] { return false; } );
    requireRefused( second.reg.tasks, QStringLiteral( "nothing was added" ), RtErrorKind::Unavailable );
    store->setFailpointForTests( {} );
    CHECK( store->tasks().value().size() == 89 );
  }
}

TEST_CASE( "a register of schema 1 is read as it is, and upgraded with the old file kept when opened for writing", "[store][upgrade]" )
{
  // tests/data/store/mongcai-172-v1.gpkg: made by build-register and set-status of the
  // version before schema 2 (commit f00bd98), with two status changes recorded.
  const QString fixture = storeData( QStringLiteral( "mongcai-172-v1.gpkg" ) );
  REQUIRE( QFileInfo::exists( fixture ) );
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = dir.filePath( QStringLiteral( "old.gpkg" ) );
  REQUIRE( QFile::copy( fixture, path ) );
  const QByteArray original = rtReadAll( path );
  REQUIRE( sqliteValue( path, "SELECT count(*) FROM sqlite_master WHERE name = 'rt_meta'" ) == QStringLiteral( "0" ) );

  QStringList history;
  QStringList tasks;
  {
    // Read-only: read in today's terms, nothing written.
    const std::unique_ptr<RtStore> old = openStore( path, false );
    CHECK( old->schemaVersion() == 1 );
    CHECK( old->keptBeforeUpgrade().isEmpty() );
    CHECK( old->document().number == N172 );
    const RtResult<QVector<RtTask>> read = old->tasks( { N172 } );
    REQUIRE( read.ok() );
    CHECK( read.value().size() == 89 );
    const RtResult<QVector<RtHistoryEntry>> a3 = old->history( QStringLiteral( "CM-QHPK-A3" ) );
    REQUIRE( a3.ok() );
    REQUIRE( a3.value().size() == 2 );
    CHECK( a3.value().at( 1 ).by == QStringLiteral( "Phòng QLĐT" ) );
    CHECK( old->statusesAsOf( QDate( 2024, 7, 1 ) ).value().value( QStringLiteral( "CM-QHPK-A3" ) ) == RtStatus::Done );
    CHECK( old->values( QStringLiteral( "CM-TDC-500" ) ).value().isEmpty() );
    CHECK( old->resolution().value().clauses.size() == source172().resolution.clauses.size() );
    history = allHistory( *old );
    tasks = allTasks( *old );
    REQUIRE( history.size() == 91 );
  }
  CHECK( rtReadAll( path ) == original );
  CHECK( QDir( dir.path() ).entryList( QDir::Files ) == QStringList( QStringLiteral( "old.gpkg" ) ) );

  {
    const std::unique_ptr<RtStore> upgraded = openStore( path, true );
    CHECK( upgraded->schemaVersion() == 2 );
    const QString kept = upgraded->keptBeforeUpgrade();
    REQUIRE( !kept.isEmpty() );
    CHECK( QFileInfo( kept ).fileName().startsWith( QStringLiteral( "old.gpkg.bak-" ) ) );
    CHECK( rtReadAll( kept ) == original ); // the register as it was, byte for byte
    // Every row and the whole history kept.
    CHECK( allHistory( *upgraded ) == history );
    CHECK( allTasks( *upgraded ) == tasks );
    CHECK( upgraded->resolution().value().clauses.size() == source172().resolution.clauses.size() );
    const RtTask plots = upgraded->task( QStringLiteral( "CM-TDC-500" ) ).value();
    REQUIRE( plots.targetFigure );
    CHECK( plots.targetFigure->value == 500 );
    // Writes of schema 2 work on it.
    RtValueChange value;
    value.taskId = QStringLiteral( "CM-TDC-500" );
    value.value = 312;
    value.by = QStringLiteral( "Ban Quản lý dự án" );
    value.date = QDate( 2024, 6, 20 );
    REQUIRE( upgraded->setValue( value ).ok() );
  }
  CHECK( sqliteValue( path, "SELECT value FROM rt_meta WHERE key = 'schema_version'" ) == QStringLiteral( "2" ) );
  CHECK( sqliteValue( path, "SELECT count(*) FROM sqlite_master WHERE name = 'rt_document'" ) == QStringLiteral( "0" ) );
  CHECK( sqliteValue( path, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rt_%' ORDER BY name)" )
         == QStringLiteral( "rt_assignments_no_delete,rt_assignments_no_update,rt_status_history_no_delete,rt_status_history_no_update,"
                            "rt_value_history_no_delete,rt_value_history_no_update" ) );
  // The history of the upgraded file is append-only like any register's.
  const QPair<int, QString> tampered = sqlite( path, "UPDATE rt_status_history SET changed_by = 'x'" );
  CHECK( tampered.first != SQLITE_OK );
  CHECK( tampered.second.contains( QStringLiteral( "rt_status_history is append-only" ) ) );

  // Opened again, there is nothing left to upgrade.
  const std::unique_ptr<RtStore> again = openStore( path, true );
  CHECK( again->keptBeforeUpgrade().isEmpty() );
  CHECK( again->values( QStringLiteral( "CM-TDC-500" ) ).value().size() == 1 );
  CHECK( QDir( dir.path() ).entryList( QDir::Files ).size() == 2 ); // the register and the one copy kept

  // It is a GeoPackage GDAL's validator accepts.
  const QString script = QStringLiteral( "/usr/share/doc/python3-gdal/examples/validate_gpkg.py" );
  REQUIRE( QFileInfo::exists( script ) );
  QProcess p;
  p.setProcessChannelMode( QProcess::MergedChannels );
  p.start( QStringLiteral( "python3" ), { script, QStringLiteral( "-k" ), QStringLiteral( "--warning-as-error" ), path } );
  REQUIRE( p.waitForFinished( 120000 ) );
  INFO( QString::fromUtf8( p.readAll() ).toStdString() );
  CHECK( p.exitCode() == 0 );
}

TEST_CASE( "a register of schema 1 whose history is no longer append-only is not upgraded", "[store][upgrade]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = dir.filePath( QStringLiteral( "old.gpkg" ) );
  REQUIRE( QFile::copy( storeData( QStringLiteral( "mongcai-172-v1.gpkg" ) ), path ) );
  REQUIRE( QFile::setPermissions( path, QFile::ReadOwner | QFile::WriteOwner ) );
  REQUIRE( sqlite( path, "DROP TRIGGER rt_status_history_no_update" ).first == SQLITE_OK );
  const QByteArray before = rtReadAll( path );
  const RtResult<std::unique_ptr<RtStore>> refused = RtStore::open( path, true );
  REQUIRE( !refused.ok() );
  CHECK( refused.errorKind() == RtErrorKind::Corrupt );
  CHECK( refused.error().contains( QStringLiteral( "trigger rt_status_history_no_update is missing" ) ) );
  CHECK( rtReadAll( path ) == before );
  CHECK( QDir( dir.path() ).entryList( QDir::Files ) == QStringList( QStringLiteral( "old.gpkg" ) ) );
}

TEST_CASE( "a register of a newer schema is refused, saying which versions this one reads", "[store][upgrade]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = create172( dir );
  REQUIRE( sqlite( path, "UPDATE rt_meta SET value = '3' WHERE key = 'schema_version'" ).first == SQLITE_OK );
  const QByteArray before = rtReadAll( path );
  for ( bool writable : { false, true } )
  {
    const RtResult<std::unique_ptr<RtStore>> refused = RtStore::open( path, writable );
    REQUIRE( !refused.ok() );
    CHECK( refused.errorKind() == RtErrorKind::Corrupt );
    CHECK( refused.error() == QStringLiteral( "%1 was written by a newer version of Resolution Tracker (register schema 3; this version reads "
                                              "schemas 1 to 2): open it with that version or a newer one; nothing was changed" ).arg( path ) );
  }
  CHECK( rtReadAll( path ) == before );

  // A version that is no number is a damaged register.
  REQUIRE( sqlite( path, "UPDATE rt_meta SET value = 'two' WHERE key = 'schema_version'" ).first == SQLITE_OK );
  const RtResult<std::unique_ptr<RtStore>> damaged = RtStore::open( path, false );
  REQUIRE( !damaged.ok() );
  CHECK( damaged.errorKind() == RtErrorKind::Corrupt );
  CHECK( damaged.error().contains( QStringLiteral( "schema version in rt_meta is 'two'" ) ) );
}

TEST_CASE( "rebuilding a register keeps it aside when it holds another resolution", "[store][resolutions]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = create172( dir );
  const Source second = source15();
  {
    const std::unique_ptr<RtStore> store = openStore( path );
    REQUIRE( store->addResolution( second.resolution, second.reg.tasks, second.info ).ok() );
  }
  const QByteArray withTwo = rtReadAll( path );
  const Source s = source172();
  QString keptAs;
  REQUIRE( RtStore::create( path, s.resolution, s.reg.tasks, s.info, true, &keptAs ).ok() );
  REQUIRE( !keptAs.isEmpty() );
  CHECK( rtReadAll( keptAs ) == withTwo );
  CHECK( openStore( path, false )->resolutions().value().size() == 1 );
}

TEST_CASE( "a register JSON says what a task follows up, and the text must cite it", "[register][resolutions]" )
{
  QByteArray json = rtReadAll( RtTestPaths::registerJson() );
  // DT-01 of 172 evaluates the implementation of 152/NQ-HĐND, which its clause cites.
  const QByteArray anchor = "\"id\": \"DT-01\",";
  REQUIRE( json.contains( anchor ) );
  SECTION( "as a resolution number or a resolution and a task" )
  {
    json.replace( anchor, anchor + QByteArray( "\n      \"follows_up\": [\"152/NQ-HĐND\", {\"resolution\": \"152/NQ-HĐND\", \"task\": \"NV-03\"}]," ) );
    const RtResult<RtRegisterFile> reg = RtRegister::parse( json, QStringLiteral( "reg.json" ) );
    INFO( reg.error().toStdString() );
    REQUIRE( reg.ok() );
    const RtTask &t = reg.value().tasks.constFirst();
    REQUIRE( t.id == QStringLiteral( "DT-01" ) );
    REQUIRE( t.followsUp.size() == 2 );
    CHECK( t.followsUp.at( 0 ) == RtTaskRef { QStringLiteral( "152/NQ-HĐND" ), QString() } );
    CHECK( t.followsUp.at( 1 ) == RtTaskRef { QStringLiteral( "152/NQ-HĐND" ), QStringLiteral( "NV-03" ) } );
    CHECK( RtRegister::checkAgainst( reg.value(), source172().resolution ).isEmpty() );
  }
  SECTION( "a resolution the task's clause does not cite is a disagreement with the text" )
  {
    json.replace( anchor, anchor + QByteArray( "\n      \"follows_up\": [\"35/NQ-HĐND\"]," ) );
    const RtResult<RtRegisterFile> reg = RtRegister::parse( json, QStringLiteral( "reg.json" ) );
    REQUIRE( reg.ok() );
    CHECK( RtRegister::checkAgainst( reg.value(), source172().resolution )
           == QStringList( QStringLiteral( "task DT-01, follows_up: 35/NQ-HĐND is not cited in Điều 1 › 4. › 4.1. › (1)" ) ) );
  }
  SECTION( "anything else is refused, naming the task and the field" )
  {
    json.replace( anchor, anchor + QByteArray( "\n      \"follows_up\": [{\"task\": \"NV-03\"}]," ) );
    const RtResult<RtRegisterFile> reg = RtRegister::parse( json, QStringLiteral( "reg.json" ) );
    REQUIRE( !reg.ok() );
    CHECK( reg.error().startsWith( QStringLiteral( "reg.json, task #1 (task DT-01): field \"follows_up\" must be a list of resolution numbers" ) ) );
  }
}
