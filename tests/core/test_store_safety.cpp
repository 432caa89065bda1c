// The register store under kills, locks, replacement and damage, on the real register of
// 172/NQ-HĐND in real GeoPackage files: no reported change is ever lost, read-only
// commands read over a killed writer's journal, locks and refusals have their kind.
#include "catch_compat.h"
#include "testutil.h"

#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"
#include "rtstorefiles.h"
#include "rtstatus.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

namespace
{
  const QString TASK = QStringLiteral( "CM-QHPK-A3" ); // in progress in the text

  struct RealRegister
  {
    RtResolution resolution;
    QVector<RtTask> tasks;
    RtDocumentInfo info;
  };

  const RealRegister &realRegister()
  {
    static const RealRegister reg = []
    {
      RealRegister r;
      const RtResult<RtRegisterFile> file = RtRegister::load( RtTestPaths::registerJson() );
      REQUIRE( file.ok() );
      const RtResult<RtImportReport> text = RtResolutionImporter::importFile( RtTestPaths::resolutionText(), file.value().term );
      REQUIRE( text.ok() );
      r.resolution = text.value().resolution;
      r.tasks = file.value().tasks;
      r.info.term = file.value().term;
      return r;
    }();
    return reg;
  }

  RtStatusResult createReal( const QString &path, bool overwrite = false, QString *keptAs = nullptr )
  {
    const RealRegister &reg = realRegister();
    return RtStore::create( path, reg.resolution, reg.tasks, reg.info, overwrite, keptAs );
  }

  QString buildReal( const QTemporaryDir &dir, const QString &name = QStringLiteral( "register.gpkg" ) )
  {
    const QString path = dir.filePath( name );
    const RtStatusResult created = createReal( path );
    INFO( created.error().toStdString() );
    REQUIRE( created.ok() );
    return path;
  }

  std::unique_ptr<RtStore> openStore( const QString &path, bool writable = true )
  {
    RtResult<std::unique_ptr<RtStore>> opened = RtStore::open( path, writable );
    INFO( opened.error().toStdString() );
    REQUIRE( opened.ok() );
    return opened.takeValue();
  }

  RtStatusChange change( const QString &taskId, RtStatus status, const QString &note = QString() )
  {
    RtStatusChange c;
    c.taskId = taskId;
    c.newStatus = status;
    c.date = QDate( 2024, 6, 20 );
    c.by = QStringLiteral( "Phòng Quản lý đô thị" );
    c.note = note;
    return c;
  }

  QStringList notesOf( const QString &path, const QString &taskId )
  {
    const std::unique_ptr<RtStore> store = openStore( path, false );
    const RtResult<QVector<RtHistoryEntry>> history = store->history( taskId );
    REQUIRE( history.ok() );
    QStringList notes;
    for ( const RtHistoryEntry &e : history.value() )
      notes << e.note;
    return notes;
  }

  QStringList leftovers( const QString &folder )
  {
    return QDir( folder ).entryList( QStringList { QStringLiteral( "*.tmp-*" ), QStringLiteral( "*.bak-*" ) }, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot );
  }

  //! A raw SQLite connection, as another program holding the file open would have.
  class OtherProgram
  {
    public:
      explicit OtherProgram( const QString &path, int flags = SQLITE_OPEN_READWRITE )
      {
        REQUIRE( sqlite3_open_v2( QFile::encodeName( path ).constData(), &mDb, flags, nullptr ) == SQLITE_OK );
      }
      ~OtherProgram() { sqlite3_close( mDb ); }
      OtherProgram( const OtherProgram & ) = delete;
      OtherProgram &operator=( const OtherProgram & ) = delete;
      int exec( const char *sql ) { return sqlite3_exec( mDb, sql, nullptr, nullptr, nullptr ); }

    private:
      sqlite3 *mDb = nullptr;
  };
}

// Not a test by itself (hidden): the writer that the killed-writer test starts and that dies
// inside its transaction, after SQLite has written pages of the change into the file.
TEST_CASE( "store child: a writer killed in the middle of a change", "[.child]" )
{
  const QString path = qEnvironmentVariable( "RT_TEST_CHILD_DB" );
  REQUIRE( !path.isEmpty() );
  const std::unique_ptr<RtStore> store = openStore( path );
  store->setFailpointForTests( []
  {
    std::raise( SIGKILL );
    return false;
  } );
  // A note larger than SQLite's page cache: pages are written to the file before the commit.
  const RtStatusResult r = store->setStatus( change( qEnvironmentVariable( "RT_TEST_CHILD_TASK" ), RtStatus::Done,
                                             QString( 6 * 1024 * 1024, QLatin1Char( 'x' ) ) ) );
  FAIL( "the failpoint should have killed this process: " << r.error().toStdString() );
}

namespace
{
  //! Runs the hidden writer above on \a path and lets it die; returns when it is dead.
  void killWriterMidChange( const QString &path, const QString &taskId )
  {
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert( QStringLiteral( "RT_TEST_CHILD_DB" ), path );
    env.insert( QStringLiteral( "RT_TEST_CHILD_TASK" ), taskId );
    child.setProcessEnvironment( env );
    child.start( QCoreApplication::applicationFilePath(), { QStringLiteral( "store child: a writer killed in the middle of a change" ) } );
    REQUIRE( child.waitForFinished( 120000 ) );
    INFO( QString::fromUtf8( child.readAll() ).toStdString() );
    REQUIRE( child.exitStatus() == QProcess::CrashExit );
    // The killed writer left a hot journal: a plain read-only connection cannot read the file.
    REQUIRE( QFileInfo( path + QStringLiteral( "-journal" ) ).size() > 0 );
    OtherProgram reader( path, SQLITE_OPEN_READONLY );
    REQUIRE( ( reader.exec( "SELECT count(*) FROM rt_tasks" ) & 0xff ) == SQLITE_READONLY );
  }
}

TEST_CASE( "a writer killed mid-change: read-only opens roll its change back and read the register", "[store][defect]" )
{
  // Bug: after a writer was killed, history/summary/export failed with "attempt to write a readonly database" (issue 9, defect 2).
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = buildReal( dir );
  const QStringList before = notesOf( path, TASK );
  killWriterMidChange( path, TASK );

  const std::unique_ptr<RtStore> store = openStore( path, false );
  const RtResult<QVector<RtHistoryEntry>> history = store->history( TASK );
  INFO( history.error().toStdString() );
  REQUIRE( history.ok() );
  CHECK( history.value().size() == before.size() ); // the unfinished change is undone, not half there
  CHECK( store->task( TASK ).value().status == RtStatus::InProgress );
  CHECK( store->statusesAsOf( QDate( 2024, 7, 1 ) ).ok() );
  CHECK_FALSE( QFileInfo::exists( path + QStringLiteral( "-journal" ) ) );
  // And the register takes changes again.
  CHECK( openStore( path )->setStatus( change( TASK, RtStatus::Done ) ).ok() );
}

TEST_CASE( "a register rebuilt while a writer has it open gets the change, not the replaced file", "[store][defect]" )
{
  // Bug: set-status reported a change that a concurrent build-register --overwrite then threw away with the old file (issue 9, defect 1).
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = buildReal( dir );
  const std::unique_ptr<RtStore> writer = openStore( path ); // a desk opened it…

  QString keptAs;
  REQUIRE( createReal( path, true, &keptAs ).ok() ); // …then the register was rebuilt
  CHECK( keptAs.isEmpty() ); // nothing recorded yet: nothing to keep

  const RtStatusResult r = writer->setStatus( change( TASK, RtStatus::Done, QStringLiteral( "sau khi dựng lại" ) ) );
  INFO( r.error().toStdString() );
  REQUIRE( r.ok() );
  CHECK( notesOf( path, TASK ).contains( QStringLiteral( "sau khi dựng lại" ) ) );
}

TEST_CASE( "replacing a register keeps a register with recorded changes aside, under its lock", "[store]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = buildReal( dir );
  REQUIRE( openStore( path )->setStatus( change( TASK, RtStatus::Done, QStringLiteral( "đã phê duyệt" ) ) ).ok() );

  QString keptAs;
  REQUIRE( createReal( path, true, &keptAs ).ok() );
  REQUIRE( !keptAs.isEmpty() );
  CHECK( keptAs.startsWith( path + QStringLiteral( ".bak-" ) ) );
  CHECK( notesOf( keptAs, TASK ).contains( QStringLiteral( "đã phê duyệt" ) ) );
  CHECK_FALSE( notesOf( path, TASK ).contains( QStringLiteral( "đã phê duyệt" ) ) );

  // Twice in the same second: a second backup name, the first one kept.
  REQUIRE( openStore( path )->setStatus( change( TASK, RtStatus::Blocked, QStringLiteral( "lần hai" ) ) ).ok() );
  QString second;
  REQUIRE( createReal( path, true, &second ).ok() );
  REQUIRE( !second.isEmpty() );
  CHECK( second != keptAs );
  CHECK( notesOf( second, TASK ).contains( QStringLiteral( "lần hai" ) ) );
  CHECK( notesOf( keptAs, TASK ).contains( QStringLiteral( "đã phê duyệt" ) ) );

  // A place linked since the build is a recorded change too.
  REQUIRE( openStore( path )->setTaskPlaces( TASK, { QStringLiteral( "zone:A3" ), QStringLiteral( "parcel:06715/12/345" ) } ).ok() );
  QString third;
  REQUIRE( createReal( path, true, &third ).ok() );
  CHECK( !third.isEmpty() );
}

TEST_CASE( "create refuses to replace anything that is not a register", "[store][defect]" )
{
  // Bug: build-register --out DIR --overwrite renamed a folder (or notes.txt) to ….bak-….gpkg and wrote a register in its place (issue 9, defect 6).
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const auto requireRefused = [&]( const QString &path, RtErrorKind kind )
  {
    QString keptAs;
    const RtStatusResult r = createReal( path, true, &keptAs );
    INFO( r.error().toStdString() );
    REQUIRE( !r.ok() );
    CHECK( r.errorKind() == kind );
    CHECK( r.error().startsWith( QStringLiteral( "refusing to replace %1" ).arg( path ) ) );
    CHECK( keptAs.isEmpty() );
    CHECK( leftovers( dir.path() ).isEmpty() );
  };
  SECTION( "a folder" )
  {
    const QString path = dir.filePath( QStringLiteral( "reports" ) );
    REQUIRE( QDir( dir.path() ).mkpath( QStringLiteral( "reports/2024" ) ) );
    requireRefused( path, RtErrorKind::Invalid );
    CHECK( QFileInfo( path + QStringLiteral( "/2024" ) ).isDir() );
  }
  SECTION( "a text file" )
  {
    const QString path = dir.filePath( QStringLiteral( "notes.txt" ) );
    REQUIRE( rtWriteAll( path, QByteArrayLiteral( "Ghi chú cuộc họp\n" ) ) );
    requireRefused( path, RtErrorKind::Invalid );
    CHECK( rtReadAll( path ) == QByteArrayLiteral( "Ghi chú cuộc họp\n" ) );
  }
  SECTION( "another program's GeoPackage" )
  {
    const QString path = dir.filePath( QStringLiteral( "layers.gpkg" ) );
    REQUIRE( QFile::copy( RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg" ), path ) );
    const QByteArray before = rtReadAll( path );
    requireRefused( path, RtErrorKind::Invalid );
    CHECK( rtReadAll( path ) == before );
  }
}

TEST_CASE( "temporaries of killed builds are removed, those of running builds kept", "[store][defect]" )
{
  // Bug: killed build-register runs left .tmp-*.gpkg files behind for good (issue 9, defect 6).
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = dir.filePath( QStringLiteral( "register.gpkg" ) );

  // A process that has ended: its pid names no running build.
  QProcess gone;
  gone.start( QStringLiteral( "sh" ), { QStringLiteral( "-c" ), QStringLiteral( "echo $$" ) } );
  REQUIRE( gone.waitForFinished( 10000 ) );
  const qint64 deadPid = QString::fromLatin1( gone.readAllStandardOutput() ).trimmed().toLongLong();
  REQUIRE( deadPid > 0 );
  const QString ours = RtStoreFiles::temporaryPath( path );                        // this process: running
  QString dead = ours;
  dead.replace( QStringLiteral( "-%1-" ).arg( QCoreApplication::applicationPid() ), QStringLiteral( "-%1-" ).arg( deadPid ) );
  REQUIRE( dead != ours );
  const QString older = path + QStringLiteral( ".tmp-0123456789abcdef.gpkg" );      // an older version's name
  const QString elsewhereFresh = path + QStringLiteral( ".tmp-00000000-42-89abcdef.gpkg" ); // another machine, just written
  const QString elsewhereOld = path + QStringLiteral( ".tmp-00000000-43-89abcdef.gpkg" );
  const QString unrelated = path + QStringLiteral( ".tmp-notes.gpkg" );
  for ( const QString &f : { ours, dead, older, elsewhereFresh, elsewhereOld, unrelated } )
    REQUIRE( rtWriteAll( f, QByteArrayLiteral( "SQLite format 3" ) ) );
  REQUIRE( rtWriteAll( dead + QStringLiteral( "-journal" ), QByteArrayLiteral( "journal" ) ) );
  const QDateTime twoHoursAgo = QDateTime::currentDateTime().addSecs( -7200 );
  for ( const QString &f : { older, elsewhereOld } )
  {
    QFile file( f );
    REQUIRE( file.open( QIODevice::ReadWrite ) );
    REQUIRE( file.setFileTime( twoHoursAgo, QFileDevice::FileModificationTime ) );
  }

  CHECK( RtStoreFiles::isAbandoned( dead, path ) );
  CHECK_FALSE( RtStoreFiles::isAbandoned( ours, path ) );
  CHECK_FALSE( RtStoreFiles::isAbandoned( elsewhereFresh, path ) );
  CHECK_FALSE( RtStoreFiles::isAbandoned( unrelated, path ) );

  REQUIRE( createReal( path ).ok() );
  CHECK_FALSE( QFileInfo::exists( dead ) );
  CHECK_FALSE( QFileInfo::exists( dead + QStringLiteral( "-journal" ) ) );
  CHECK_FALSE( QFileInfo::exists( older ) );
  CHECK_FALSE( QFileInfo::exists( elsewhereOld ) );
  CHECK( QFileInfo::exists( ours ) );
  CHECK( QFileInfo::exists( elsewhereFresh ) );
  CHECK( QFileInfo::exists( unrelated ) );
  // The register itself is complete.
  CHECK( openStore( path, false )->tasks().value().size() == realRegister().tasks.size() );
}

TEST_CASE( "another writer's lock is Busy and named as a writer", "[store]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = buildReal( dir );
  const std::unique_ptr<RtStore> store = openStore( path );
  OtherProgram other( path );
  REQUIRE( other.exec( "BEGIN IMMEDIATE" ) == SQLITE_OK );
  const RtStatusResult r = store->setStatus( change( TASK, RtStatus::Done ) );
  REQUIRE( !r.ok() );
  CHECK( r.errorKind() == RtErrorKind::Busy );
  CHECK( r.error().contains( QStringLiteral( "another program is writing to %1" ).arg( path ) ) );
  REQUIRE( other.exec( "ROLLBACK" ) == SQLITE_OK );
  CHECK( notesOf( path, TASK ).size() == 1 );
}

TEST_CASE( "a register whose append-only triggers were dropped is not written to", "[store][defect]" )
{
  // Bug: a register whose history triggers had been dropped was written to without a word (issue 9, item 7).
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = buildReal( dir );
  {
    OtherProgram other( path );
    REQUIRE( other.exec( "DROP TRIGGER rt_status_history_no_delete" ) == SQLITE_OK );
  }
  const QByteArray before = rtReadAll( path );
  const RtResult<std::unique_ptr<RtStore>> writable = RtStore::open( path, true );
  REQUIRE( !writable.ok() );
  CHECK( writable.errorKind() == RtErrorKind::Corrupt );
  CHECK( writable.error().contains( QStringLiteral( "no longer append-only" ) ) );
  CHECK( writable.error().contains( QStringLiteral( "rt_status_history_no_delete is missing" ) ) );
  CHECK( rtReadAll( path ) == before );
  // Reading it stays possible: the history is shown as it is.
  CHECK( openStore( path, false )->history( TASK ).ok() );

  SECTION( "a trigger replaced by one that lets deletes through is noticed too" )
  {
    {
      OtherProgram other( path );
      REQUIRE( other.exec( "CREATE TRIGGER rt_status_history_no_delete BEFORE DELETE ON rt_status_history BEGIN SELECT 1; END" ) == SQLITE_OK );
    }
    const RtResult<std::unique_ptr<RtStore>> again = RtStore::open( path, true );
    REQUIRE( !again.ok() );
    CHECK( again.errorKind() == RtErrorKind::Corrupt );
    CHECK( again.error().contains( QStringLiteral( "rt_status_history_no_delete was changed" ) ) );
  }
}

TEST_CASE( "values are bound, never spliced: quotes and SQL in texts are stored verbatim", "[store]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = buildReal( dir );
  const QString hostile = QStringLiteral( "x'); DROP TABLE rt_status_history; -- \"Hòa\" ' || '1' = '1 🙂 \u200fالمدينة" );
  RtStatusChange c = change( TASK, RtStatus::Done, hostile );
  c.by = hostile;
  c.evidence = hostile;
  REQUIRE( openStore( path )->setStatus( c ).ok() );
  const std::unique_ptr<RtStore> store = openStore( path, false );
  const RtResult<QVector<RtHistoryEntry>> history = store->history( TASK );
  REQUIRE( history.ok() );
  REQUIRE( history.value().size() == 2 );
  CHECK( history.value().last().note == hostile );
  CHECK( history.value().last().by == hostile );
  CHECK( history.value().last().evidence == hostile );
  // An id made of SQL is an unknown id, nothing more.
  const RtResult<RtTask> odd = store->task( QStringLiteral( "' OR '1'='1" ) );
  REQUIRE( !odd.ok() );
  CHECK( odd.errorKind() == RtErrorKind::NotFound );
}

TEST_CASE( "a register whose stored deadlines now read differently can still be rebuilt", "[store]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = buildReal( dir );
  {
    OtherProgram other( path );
    REQUIRE( other.exec( "UPDATE rt_tasks SET deadline_date = '1999-12-31' WHERE deadline_kind = 'date'" ) == SQLITE_OK );
  }
  const RtResult<QVector<RtTask>> stale = openStore( path, false )->tasks();
  REQUIRE( !stale.ok() );
  CHECK( stale.errorKind() == RtErrorKind::Corrupt );
  CHECK( stale.error().contains( QStringLiteral( "re-import the resolution" ) ) );

  QString keptAs;
  const RtStatusResult rebuilt = createReal( path, true, &keptAs );
  INFO( rebuilt.error().toStdString() );
  REQUIRE( rebuilt.ok() );
  CHECK( keptAs.isEmpty() ); // nothing recorded in it: nothing to keep
  CHECK( openStore( path, false )->tasks().ok() );
}
