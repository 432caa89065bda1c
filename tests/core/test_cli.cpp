// restrack as a user runs it: real executable, real files in a temporary folder.
#include "catch_compat.h"
#include "clitestutil.h"
#include "testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <sqlite3.h>
#include <unistd.h>

namespace
{
  using RtCliTest::Run;
  using RtCliTest::restrack;

  //! A fresh register built by the CLI from the bundled data.
  QString buildRegister( const QTemporaryDir &dir )
  {
    const QString path = dir.filePath( QStringLiteral( "register.gpkg" ) );
    const Run r = restrack( { "build-register", "--out", path, "--register", RtTestPaths::registerJson() } );
    INFO( r.err.toStdString() );
    REQUIRE( r.code == 0 );
    return path;
  }

  QJsonObject findClause( const QJsonArray &clauses, const QStringList &path )
  {
    QJsonArray level = clauses;
    QJsonObject found;
    for ( const QString &label : path )
    {
      found = QJsonObject();
      for ( const QJsonValue &v : level )
        if ( v.toObject().value( "label" ).toString() == label )
          found = v.toObject();
      if ( found.isEmpty() )
        return found;
      level = found.value( "children" ).toArray();
    }
    return found;
  }
}

TEST_CASE( "restrack parse --json prints the document, clause tree, footnotes and figures", "[cli]" )
{
  const Run r = restrack( { "parse", RtTestPaths::resolutionText(), "--json" } );
  REQUIRE( r.code == 0 );
  const QJsonObject doc = r.json();
  CHECK( doc.value( "number" ).toString() == QStringLiteral( "172/NQ-HĐND" ) );
  CHECK( doc.value( "date" ).toString() == QStringLiteral( "2023-10-13" ) );
  const QJsonArray clauses = doc.value( "clauses" ).toArray();
  REQUIRE( clauses.size() == 2 );
  CHECK( clauses.at( 0 ).toObject().value( "label" ).toString() == QStringLiteral( "Điều 1" ) );
  const QJsonObject d10 = findClause( clauses, { "Điều 1", "4.", "4.1.", "(10)" } );
  REQUIRE( !d10.isEmpty() );
  CHECK( d10.value( "children" ).toArray().size() == 7 );
  CHECK( d10.value( "children" ).toArray().at( 6 ).toObject().value( "label" ).toString() == QStringLiteral( "(i7)" ) );
  CHECK( findClause( clauses, { "Điều 1", "3.", "3.2." } ).value( "text" ).toString().startsWith( QStringLiteral( "Nguyên nhân chủ quan" ) ) );

  const QJsonArray footnotes = doc.value( "footnotes" ).toArray();
  REQUIRE( footnotes.size() == 4 );
  CHECK( footnotes.at( 2 ).toObject().value( "number" ).toInt() == 3 );
  CHECK( footnotes.at( 2 ).toObject().value( "clause" ).toArray() == QJsonArray( { "Điều 1", "4.", "4.1.", "(3)", "(i3)" } ) );

  bool sawBehind = false;
  for ( const QJsonValue &v : doc.value( "figures" ).toArray() )
  {
    const QJsonObject f = v.toObject();
    if ( f.value( "value" ).toDouble() == 2 && f.value( "total" ).toDouble() == 16 )
      sawBehind = f.value( "items" ).toArray().size() == 2;
  }
  CHECK( sawBehind );
}

TEST_CASE( "restrack parse refuses bad files with a message and a non-zero code", "[cli][bad-input]" )
{
  QTemporaryDir dir;
  const QString empty = dir.filePath( "empty.txt" );
  REQUIRE( rtWriteAll( empty, QByteArray() ) );
  Run r = restrack( { "parse", empty, "--json" } );
  CHECK( r.code == 1 );
  CHECK( r.out.isEmpty() );
  CHECK( r.err.contains( QStringLiteral( "is empty" ) ) );

  r = restrack( { "parse", dir.filePath( "missing.txt" ) } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "no such file" ) ) );

  r = restrack( { "parse" } );
  CHECK( r.code == 2 );
  r = restrack( { "frobnicate" } );
  CHECK( r.code == 2 );
  CHECK( r.err.contains( QStringLiteral( "unknown command 'frobnicate'" ) ) );
}

TEST_CASE( "build-register, summary, set-status and history on a real GeoPackage", "[cli][store]" )
{
  QTemporaryDir dir;
  const QString db = buildRegister( dir );

  Run r = restrack( { "summary", "--db", db, "--as-of", "2023-10-13", "--json" } );
  REQUIRE( r.code == 0 );
  QJsonObject s = r.json();
  const int total = s.value( "total" ).toInt();
  CHECK( total >= 32 + 30 );
  CHECK( s.value( "overdue_count" ).toInt() == 0 ); // nothing is due on the day of the resolution

  // by the end of 2025 the wards-before-2025 and the 60%-by-2023 tasks are overdue
  r = restrack( { "summary", "--db", db, "--as-of", "2026-01-05", "--json", "--lang", "en" } );
  REQUIRE( r.code == 0 );
  s = r.json();
  QStringList overdue;
  for ( const QJsonValue &v : s.value( "overdue" ).toArray() )
    overdue << v.toObject().value( "id" ).toString();
  CHECK( overdue.contains( QStringLiteral( "CM-WARD-HAIXUAN" ) ) );
  CHECK( overdue.contains( QStringLiteral( "CM-WATER-2023-60" ) ) );
  CHECK_FALSE( overdue.contains( QStringLiteral( "CM-QHPK-A3" ) ) ); // no deadline in the text
  CHECK( s.value( "tasks" ).toArray().at( 0 ).toObject().value( "overdue" ).toBool() );
  CHECK( s.value( "by_status" ).toArray().at( 1 ).toObject().value( "label" ).toString() == QStringLiteral( "In progress" ) );

  // text summary, Vietnamese by default, overdue section first
  r = restrack( { "summary", "--db", db, "--as-of", "2026-01-05" } );
  REQUIRE( r.code == 0 );
  CHECK( r.out.startsWith( QStringLiteral( "Nghị quyết 172/NQ-HĐND ngày 13/10/2023 — tình hình thực hiện đến ngày 05/01/2026" ) ) );
  CHECK( r.out.indexOf( QStringLiteral( "QUÁ HẠN" ) ) < r.out.indexOf( QStringLiteral( "THEO TRẠNG THÁI" ) ) );

  // a status change, then the history
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "Phòng Quản lý đô thị", "--date", "2024-06-20",
                  "--note", "Đã phê duyệt", "--evidence", "QĐ 1234/QĐ-UBND", "--expect", "in_progress" } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  CHECK( r.out.contains( QStringLiteral( "CM-QHPK-A3: in_progress → done" ) ) );

  r = restrack( { "history", "--db", db, "CM-QHPK-A3", "--json" } );
  REQUIRE( r.code == 0 );
  const QJsonArray h = r.json().value( "history" ).toArray();
  REQUIRE( h.size() == 2 );
  CHECK( h.at( 0 ).toObject().value( "old_status" ).isNull() );
  CHECK( h.at( 0 ).toObject().value( "new_status" ).toString() == QStringLiteral( "in_progress" ) );
  CHECK( h.at( 1 ).toObject().value( "old_status" ).toString() == QStringLiteral( "in_progress" ) );
  CHECK( h.at( 1 ).toObject().value( "by" ).toString() == QStringLiteral( "Phòng Quản lý đô thị" ) );
  CHECK( h.at( 1 ).toObject().value( "evidence" ).toString() == QStringLiteral( "QĐ 1234/QĐ-UBND" ) );

  // the past is still there: as of 2024-01-01 the plan was in progress
  r = restrack( { "summary", "--db", db, "--as-of", "2024-01-01", "--json" } );
  bool wasInProgress = false;
  for ( const QJsonValue &v : r.json().value( "tasks" ).toArray() )
    if ( v.toObject().value( "id" ).toString() == QStringLiteral( "CM-QHPK-A3" ) )
      wasInProgress = v.toObject().value( "status" ).toString() == QStringLiteral( "in_progress" );
  CHECK( wasInProgress );

  // a stale edit: based on in_progress, but the task is done now (exit code 3: look again)
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "blocked", "--by", "Someone else", "--date", "2024-07-01", "--expect", "in_progress" } );
  CHECK( r.code == 3 );
  CHECK( r.err.contains( QStringLiteral( "changed meanwhile" ) ) );
  CHECK( r.err.contains( QStringLiteral( "CM-QHPK-A3" ) ) );
  CHECK( restrack( { "history", "--db", db, "CM-QHPK-A3", "--json" } ).json().value( "history" ).toArray().size() == 2 );

  // unknown id, unknown status, date before the resolution, missing --by
  r = restrack( { "set-status", "--db", db, "CM-NOPE", "done", "--by", "X" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "CM-NOPE" ) ) );
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A5", "finished", "--by", "X" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "unknown status 'finished'" ) ) );
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A5", "done", "--by", "X", "--date", "2023-01-01" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "before the resolution" ) ) );
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A5", "done" } );
  CHECK( r.code == 2 );
  CHECK( r.err.contains( QStringLiteral( "--by is required" ) ) );
  CHECK( restrack( { "history", "--db", db, "CM-QHPK-A5", "--json" } ).json().value( "history" ).toArray().size() == 1 );
}

TEST_CASE( "build-register refuses a register that disagrees with the text and writes nothing", "[cli][bad-input]" )
{
  QTemporaryDir dir;
  QByteArray json = rtReadAll( RtTestPaths::registerJson() );
  const QByteArray goodQuote = "các quy hoạch phân khu còn lại (A3 A4.1, A5, A6, D1)";
  REQUIRE( json.contains( goodQuote ) );
  json.replace( goodQuote, "các quy hoạch phân khu đã duyệt (A3 A4.1, A5, A6, D1)" );
  const QString reg = dir.filePath( "register.json" );
  REQUIRE( rtWriteAll( reg, json ) );
  const QString out = dir.filePath( "out.gpkg" );
  const Run r = restrack( { "build-register", "--out", out, "--register", reg, "--text", RtTestPaths::resolutionText() } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "refusing to build" ) ) );
  CHECK( r.err.contains( QStringLiteral( "does not occur in" ) ) );
  CHECK_FALSE( QFileInfo::exists( out ) );
}

TEST_CASE( "rebuilding over a register with recorded changes keeps the old file", "[cli][store]" )
{
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  // without --overwrite an existing register is left alone
  Run r = restrack( { "build-register", "--out", db, "--register", RtTestPaths::registerJson() } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "already exists" ) ) );

  REQUIRE( restrack( { "set-status", "--db", db, "DT-01", "in_progress", "--by", "Văn phòng HĐND", "--date", "2024-01-15" } ).code == 0 );
  r = restrack( { "build-register", "--out", db, "--register", RtTestPaths::registerJson(), "--overwrite" } );
  REQUIRE( r.code == 0 );
  CHECK( r.err.contains( QStringLiteral( "it was kept as" ) ) );
  const QStringList backups = QDir( dir.path() ).entryList( { "register.gpkg.bak-*.gpkg" } );
  REQUIRE( backups.size() == 1 );
  // the backup still holds the change, the new register starts afresh
  CHECK( restrack( { "history", "--db", dir.filePath( backups.first() ), "DT-01", "--json" } ).json().value( "history" ).toArray().size() == 2 );
  CHECK( restrack( { "history", "--db", db, "DT-01", "--json" } ).json().value( "history" ).toArray().size() == 1 );
}

TEST_CASE( "without --db the bundled register is used", "[cli]" )
{
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert( "RESTRACK_DB", db );
  const Run r = restrack( { "summary", "--as-of", "2025-01-01", "--json" }, env );
  REQUIRE( r.code == 0 );
  CHECK( r.json().value( "resolution" ).toObject().value( "number" ).toString() == QStringLiteral( "172/NQ-HĐND" ) );

  env.insert( "RESTRACK_DB", dir.filePath( "nowhere.gpkg" ) );
  const Run missing = restrack( { "summary" }, env );
  CHECK( missing.code == 1 );
  CHECK( missing.err.contains( QStringLiteral( "nowhere.gpkg" ) ) );
}

TEST_CASE( "the register built from the real data passes GDAL's GeoPackage validator", "[cli][store]" )
{
  const QString validator = QStringLiteral( "/usr/share/doc/python3-gdal/examples/validate_gpkg.py" );
  REQUIRE( QFileInfo::exists( validator ) ); // installed by scripts/install-deps.sh (python3-gdal)
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  QProcess p;
  p.start( QStringLiteral( "/usr/bin/python3" ), { validator, db } );
  REQUIRE( p.waitForFinished( 60000 ) );
  INFO( QString::fromUtf8( p.readAllStandardOutput() + p.readAllStandardError() ).toStdString() );
  CHECK( p.exitCode() == 0 );
}

namespace
{
  QJsonArray historyOf( const QString &db, const QString &id )
  {
    const Run r = restrack( { "history", "--db", db, id, "--json" } );
    INFO( r.err.toStdString() );
    REQUIRE( r.code == 0 );
    return r.json().value( "history" ).toArray();
  }

  /**
   * Runs restrack as a user whom \a folder's permissions stop: the folder made read-only,
   * and as root (whom permissions do not stop) the command runs as nobody (setpriv).
   */
  Run restrackInReadOnlyFolder( const QString &folder, const QStringList &args )
  {
    const QFileDevice::Permissions before = QFile::permissions( folder );
    const bool root = ::geteuid() == 0;
    const QFileDevice::Permissions readOnly = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    REQUIRE( QFile::setPermissions( folder, readOnly ) );
    Run r;
    if ( root )
    {
      QProcess p;
      p.start( QStringLiteral( "setpriv" ), QStringList { "--reuid=65534", "--regid=65534", "--clear-groups", "--", RtTestPaths::cliExecutable() } + args );
      const bool finished = p.waitForFinished( 60000 );
      r.code = finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
      r.out = QString::fromUtf8( p.readAllStandardOutput() );
      r.err = QString::fromUtf8( p.readAllStandardError() );
    }
    else
      r = restrack( args );
    QFile::setPermissions( folder, before );
    return r;
  }

  //! Another program's SQLite connection to the register, holding its locks.
  class OtherProgram
  {
    public:
      explicit OtherProgram( const QString &path ) { REQUIRE( sqlite3_open_v2( QFile::encodeName( path ).constData(), &mDb, SQLITE_OPEN_READWRITE, nullptr ) == SQLITE_OK ); }
      ~OtherProgram() { sqlite3_close( mDb ); }
      OtherProgram( const OtherProgram & ) = delete;
      OtherProgram &operator=( const OtherProgram & ) = delete;
      int exec( const char *sql ) { return sqlite3_exec( mDb, sql, nullptr, nullptr, nullptr ); }
      //! Starts a read and keeps it open (its statement unfinished): SQLite's reader's lock.
      void startReading()
      {
        REQUIRE( exec( "BEGIN" ) == SQLITE_OK );
        REQUIRE( sqlite3_prepare_v2( mDb, "SELECT task_id FROM rt_tasks", -1, &mReading, nullptr ) == SQLITE_OK );
        REQUIRE( sqlite3_step( mReading ) == SQLITE_ROW );
      }
      void stopReading()
      {
        sqlite3_finalize( mReading );
        mReading = nullptr;
        exec( "COMMIT" );
      }

    private:
      sqlite3 *mDb = nullptr;
      sqlite3_stmt *mReading = nullptr;
  };
}

TEST_CASE( "restrack --help documents the exit codes", "[cli]" )
{
  const Run r = restrack( { "--help" } );
  REQUIRE( r.code == 0 );
  for ( const char *line : { "3 stale", "4 busy", "5 read-only", "6 forbidden", "7 unavailable", "8 corrupt" } )
    CHECK( r.out.contains( QString::fromLatin1( line ) ) );
  CHECK( r.out.contains( QStringLiteral( "--note-file F" ) ) );
}

TEST_CASE( "set-status refuses a date with anything after it", "[cli][bad-input][defect]" )
{
  // Bug: --date "2024-06-20; …" was accepted as 2024-06-20 (issue 9, item 7).
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  for ( const char *date : { "2024-06-20; rm -rf /", "2024-06-20x", "2024-06-20 2024-06-21", "20/6/2024 nhé" } )
  {
    INFO( date );
    const Run r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "X", "--date", date } );
    CHECK( r.code == 1 );
    CHECK( r.err.contains( QStringLiteral( "is not a date; use YYYY-MM-DD" ) ) );
  }
  CHECK( historyOf( db, "CM-QHPK-A3" ).size() == 1 );
  // Both written forms still work.
  CHECK( restrack( { "set-status", "--db", db, "CM-QHPK-A3", "blocked", "--by", "X", "--date", " 20/6/2024 " } ).code == 0 );
  CHECK( restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "X", "--date", "2024-06-21" } ).code == 0 );
  CHECK( historyOf( db, "CM-QHPK-A3" ).size() == 3 );
}

TEST_CASE( "set-status takes a note and evidence from a file or standard input", "[cli][defect]" )
{
  // Bug: a note longer than the command line allows could not be given at all: no --note-file (issue 9, item 7).
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  // Longer than one command-line argument may be on Linux (128 KiB).
  QString note;
  while ( note.toUtf8().size() < 300 * 1024 )
    note += QStringLiteral( "Biên bản họp ngày 20/6: hoàn thành phê duyệt quy hoạch phân khu A3; 'ý kiến' \"của\" các hộ dân.\n" );
  note.chop( 1 );
  const QString noteFile = dir.filePath( "note.txt" );
  REQUIRE( rtWriteAll( noteFile, note.toUtf8() + "\n" ) ); // the file's final line break is not part of the note
  const QString evidenceFile = dir.filePath( "evidence.txt" );
  REQUIRE( rtWriteAll( evidenceFile, QByteArray( "\xEF\xBB\xBF" ) + QStringLiteral( "QĐ 1234/QĐ-UBND\r\n" ).toUtf8() ) );

  Run r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "Phòng QLĐT", "--date", "2024-06-20",
                      "--note-file", noteFile, "--evidence-file", evidenceFile } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  QJsonArray h = historyOf( db, "CM-QHPK-A3" );
  REQUIRE( h.size() == 2 );
  CHECK( h.at( 1 ).toObject().value( "note" ).toString() == note );
  CHECK( h.at( 1 ).toObject().value( "evidence" ).toString() == QStringLiteral( "QĐ 1234/QĐ-UBND" ) );

  // "-" reads standard input.
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "blocked", "--by", "X", "--date", "2024-06-21", "--note-file", "-" },
                QProcessEnvironment::systemEnvironment(), QStringLiteral( "Vướng mắc giải phóng mặt bằng\n" ).toUtf8() );
  REQUIRE( r.code == 0 );
  h = historyOf( db, "CM-QHPK-A3" );
  REQUIRE( h.size() == 3 );
  CHECK( h.at( 2 ).toObject().value( "note" ).toString() == QStringLiteral( "Vướng mắc giải phóng mặt bằng" ) );

  // Refused, with nothing written: both forms, a NUL byte (named by its line), text that is not UTF-8, a missing file.
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "X", "--note", "a", "--note-file", noteFile } );
  CHECK( r.code == 2 );
  CHECK( r.err.contains( QStringLiteral( "give --note or --note-file, not both" ) ) );
  const QString withNul = dir.filePath( "nul.txt" );
  REQUIRE( rtWriteAll( withNul, QByteArray( "dòng một\ndòng hai\0ẩn", 27 ) ) );
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "X", "--note-file", withNul } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "line 2 holds a NUL byte" ) ) );
  const QString latin1 = dir.filePath( "latin1.txt" );
  REQUIRE( rtWriteAll( latin1, QByteArray( "Ho\xe0n th\xe0nh" ) ) );
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "X", "--evidence-file", latin1 } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "not UTF-8 text" ) ) );
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "X", "--note-file", dir.filePath( "none.txt" ) } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "cannot read it" ) ) );
  CHECK( historyOf( db, "CM-QHPK-A3" ).size() == 3 );
}

TEST_CASE( "build-register --out refuses to replace anything that is not a register", "[cli][bad-input][defect]" )
{
  // Bug: --out DIR --overwrite renamed a folder (or notes.txt) to ….bak-….gpkg and wrote a register in its place (issue 9, defect 6).
  QTemporaryDir dir;
  const QString folder = dir.filePath( "reports" );
  REQUIRE( QDir( dir.path() ).mkpath( "reports/2024" ) );
  const QString notes = dir.filePath( "notes.txt" );
  REQUIRE( rtWriteAll( notes, QByteArrayLiteral( "Ghi chú\n" ) ) );
  const QString layers = dir.filePath( "layers.gpkg" );
  REQUIRE( QFile::copy( RtTestPaths::sourceDir() + "/data/mongcai-layers.gpkg", layers ) );
  const QByteArray layersBefore = rtReadAll( layers );
  for ( const QString &out : { folder, notes, layers } )
  {
    INFO( out.toStdString() );
    const Run r = restrack( { "build-register", "--out", out, "--register", RtTestPaths::registerJson(), "--overwrite" } );
    CHECK( r.code == 1 );
    CHECK( r.err.contains( QStringLiteral( "refusing to replace %1" ).arg( out ) ) );
  }
  CHECK( QFileInfo( folder + "/2024" ).isDir() );
  CHECK( rtReadAll( notes ) == QByteArrayLiteral( "Ghi chú\n" ) );
  CHECK( rtReadAll( layers ) == layersBefore );
  CHECK( QDir( dir.path() ).entryList( { "*.bak-*", "*.tmp-*" }, QDir::AllEntries | QDir::Hidden ).isEmpty() );
}

TEST_CASE( "build-register flushes the new register to disk before renaming it into place", "[cli][defect]" )
{
  // Bug: nothing was synced to disk before the rename: a crash could leave the name on a half-written file (issue 9, defect 6).
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  REQUIRE( restrack( { "set-status", "--db", db, "DT-01", "in_progress", "--by", "X", "--date", "2024-01-15" } ).code == 0 );
  const QString log = dir.filePath( "strace.log" );
  QProcess p;
  p.start( QStringLiteral( "strace" ), { "-f", "-y", "-o", log, "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,link,linkat",
                                         RtTestPaths::cliExecutable(), "build-register", "--out", db, "--register", RtTestPaths::registerJson(), "--overwrite" } );
  REQUIRE( p.waitForFinished( 120000 ) ); // strace is installed by scripts/install-deps.sh
  REQUIRE( p.exitCode() == 0 );
  const QStringList calls = QString::fromUtf8( rtReadAll( log ) ).split( '\n' );
  int syncedTemporary = -1, renamed = -1, syncedFolder = -1;
  for ( int i = 0; i < calls.size(); ++i )
  {
    const QString &call = calls.at( i );
    if ( call.contains( QRegularExpression( "fsync\\(\\d+<[^>]*register\\.gpkg\\.tmp-[^>]*\\.gpkg>\\)" ) ) && syncedTemporary < 0 )
      syncedTemporary = i;
    if ( call.contains( QRegularExpression( "rename[a-z0-9]*\\(.*register\\.gpkg\\.tmp-[^\"]*\\.gpkg\", .*\"[^\"]*/register\\.gpkg\"" ) ) )
      renamed = i;
    if ( renamed >= 0 && call.contains( QStringLiteral( "fsync(" ) ) && call.contains( QStringLiteral( "<%1>" ).arg( QFileInfo( db ).absolutePath() ) ) )
      syncedFolder = i;
  }
  INFO( calls.join( '\n' ).toStdString() );
  REQUIRE( renamed >= 0 );
  CHECK( syncedTemporary >= 0 );
  CHECK( syncedTemporary < renamed );
  CHECK( syncedFolder > renamed );
}

TEST_CASE( "no reported change is lost while the register is rebuilt meanwhile", "[cli][store][defect]" )
{
  // Bug: set-status printed "in_progress → done" and exited 0, yet with a concurrent build-register --overwrite the change was in neither the new file nor the .bak (issue 9, defect 1).
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  const int rebuilds = 8; // the previous restrack lost 1 to 3 edits in each of 4 runs of this size
  QProcess rebuilding;
  rebuilding.start( QStringLiteral( "sh" ), { "-c", "for i in $(seq 1 \"$3\"); do \"$0\" build-register --out \"$1\" --register \"$2\" --overwrite >/dev/null 2>&1; done",
                                              RtTestPaths::cliExecutable(), db, RtTestPaths::registerJson(), QString::number( rebuilds ) } );
  REQUIRE( rebuilding.waitForStarted() );
  // Back and forth from the status a rebuild starts with: a rebuild often finds nothing to keep, the case that lost edits.
  const QStringList statuses { "in_progress", "no_report" };
  QStringList reported;
  int attempts = 0;
  QElapsedTimer timer;
  timer.start();
  while ( ( rebuilding.state() != QProcess::NotRunning || attempts < 10 ) && attempts < 200 && timer.elapsed() < 90000 )
  {
    const QString note = QStringLiteral( "edit-%1" ).arg( attempts );
    const Run r = restrack( { "set-status", "--db", db, "DT-01", statuses.at( attempts % 2 ), "--by", "Văn phòng", "--note", note } );
    if ( r.code == 0 )
      reported << note;
    ++attempts;
    rebuilding.waitForFinished( 0 );
  }
  REQUIRE( ( rebuilding.state() == QProcess::NotRunning || rebuilding.waitForFinished( 120000 ) ) );
  REQUIRE( rebuilding.exitStatus() == QProcess::NormalExit );
  // Every change reported as saved is in the register or in a register kept aside.
  QSet<QString> found;
  QStringList files { db };
  for ( const QString &backup : QDir( dir.path() ).entryList( { "register.gpkg.bak-*.gpkg" } ) )
    files << dir.filePath( backup );
  for ( const QString &file : std::as_const( files ) )
    for ( const QJsonValue &row : historyOf( file, "DT-01" ) )
      found.insert( row.toObject().value( "note" ).toString() );
  QStringList lost;
  for ( const QString &note : std::as_const( reported ) )
    if ( !found.contains( note ) )
      lost << note;
  INFO( QStringLiteral( "%1 edits tried, %2 reported saved, %3 registers kept aside" ).arg( attempts ).arg( reported.size() ).arg( files.size() - 1 ).toStdString() );
  CHECK( reported.size() >= 5 );
  CHECK( files.size() > 1 ); // rebuilds met recorded changes: the two really ran together
  CHECK( lost.isEmpty() );
  CHECK( QDir( dir.path() ).entryList( { "*.tmp-*" }, QDir::Files | QDir::Hidden ).isEmpty() );
}

TEST_CASE( "history and summary read a register whose writer was killed mid-change", "[cli][store][defect]" )
{
  // Bug: after a writer was killed leaving a hot journal, history, summary and export failed ("attempt to write a readonly database") until some write ran (issue 9, defect 2).
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  QProcess child;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert( "RT_TEST_CHILD_DB", db );
  env.insert( "RT_TEST_CHILD_TASK", "CM-QHPK-A3" );
  child.setProcessEnvironment( env );
  child.start( QCoreApplication::applicationFilePath(), { "store child: a writer killed in the middle of a change" } );
  REQUIRE( child.waitForFinished( 120000 ) );
  REQUIRE( child.exitStatus() == QProcess::CrashExit );
  REQUIRE( QFileInfo( db + "-journal" ).size() > 0 );
  const QByteArray journal = rtReadAll( db + "-journal" );

  SECTION( "where the journal may be undone, read-only commands undo it and read" )
  {
    Run r = restrack( { "history", "--db", db, "CM-QHPK-A3", "--json" } );
    INFO( r.err.toStdString() );
    REQUIRE( r.code == 0 );
    CHECK( r.json().value( "history" ).toArray().size() == 1 );
    r = restrack( { "summary", "--db", db, "--as-of", "2024-07-01", "--json" } );
    REQUIRE( r.code == 0 );
    CHECK( r.json().value( "total" ).toInt() == 89 );
    CHECK_FALSE( QFileInfo::exists( db + "-journal" ) );
  }
  SECTION( "in a read-only folder they say why, and the journal is kept" )
  {
    const Run r = restrackInReadOnlyFolder( dir.path(), { "history", "--db", db, "CM-QHPK-A3" } );
    CHECK( r.code == 5 );
    CHECK( r.err.contains( QStringLiteral( "stopped half-way" ) ) );
    CHECK( r.err.contains( QStringLiteral( "needs write access" ) ) );
    CHECK( rtReadAll( db + "-journal" ) == journal ); // never thrown away: it undoes the half-written change
  }
}

TEST_CASE( "a reader's lock is reported as a reader's", "[cli][store][defect]" )
{
  // Bug: a reader's lock was reported as "another program is writing" (issue 9, item 7).
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  OtherProgram reader( db );
  reader.startReading();
  const Run r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "X", "--date", "2024-06-20" } );
  reader.stopReading();
  CHECK( r.code == 4 );
  CHECK( r.err.contains( QStringLiteral( "another program is reading %1" ).arg( db ) ) );
  CHECK_FALSE( r.err.contains( QStringLiteral( "writing" ) ) );
  CHECK( historyOf( db, "CM-QHPK-A3" ).size() == 1 );
}

TEST_CASE( "a write into a read-only folder says what failed in words", "[cli][store][defect]" )
{
  // Bug: a failed write into a read-only folder printed the whole SQL statement (issue 9, item 7).
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  const QStringList args { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "X", "--date", "2024-06-20" };
  const auto requireInWords = [&]( const Run & r, const QString & cause )
  {
    INFO( r.err.toStdString() );
    CHECK( r.code == 5 );
    CHECK( r.err.contains( cause ) );
    for ( const char *sql : { "INSERT", "UPDATE", "SELECT", "rt_status_history (" } )
      CHECK_FALSE( r.err.contains( QString::fromLatin1( sql ) ) );
    CHECK( historyOf( db, "CM-QHPK-A3" ).size() == 1 );
  };
  SECTION( "the folder" )
  {
    REQUIRE( QFile::setPermissions( db, QFile::permissions( db ) | QFileDevice::WriteGroup | QFileDevice::WriteOther ) ); // the file itself may be written
    const Run r = restrackInReadOnlyFolder( dir.path(), args );
    requireInWords( r, QStringLiteral( "its folder is read-only (%1), and a change must create register.gpkg-journal there" ).arg( dir.path() ) );
    CHECK( r.err.contains( QStringLiteral( "CM-QHPK-A3 not changed" ) ) );
  }
  SECTION( "the file" )
  {
    REQUIRE( QFile::setPermissions( db, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther ) );
    const Run r = restrackInReadOnlyFolder( dir.path(), args );
    requireInWords( r, QStringLiteral( "the file is read-only" ) );
  }
}

TEST_CASE( "set-status refuses a register whose history is no longer append-only", "[cli][store][defect]" )
{
  // Bug: a register whose append-only triggers were dropped was written to without a word (issue 9, item 7).
  QTemporaryDir dir;
  const QString db = buildRegister( dir );
  {
    OtherProgram other( db );
    REQUIRE( other.exec( "DROP TRIGGER rt_status_history_no_update" ) == SQLITE_OK );
  }
  const Run r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "done", "--by", "X", "--date", "2024-06-20" } );
  CHECK( r.code == 8 );
  CHECK( r.err.contains( QStringLiteral( "no longer append-only" ) ) );
  CHECK( historyOf( db, "CM-QHPK-A3" ).size() == 1 ); // reading still works
}

TEST_CASE( "the CLI's messages follow --lang, else the locale", "[cli][i18n]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString missing = dir.filePath( QStringLiteral( "missing.gpkg" ) );
  QProcessEnvironment vietnameseLocale = QProcessEnvironment::systemEnvironment();
  vietnameseLocale.insert( QStringLiteral( "LANG" ), QStringLiteral( "vi_VN.UTF-8" ) );

  const Run english = restrack( { "history", "--db", missing, "X1" } );
  CHECK( english.code == 1 );
  CHECK( english.err.contains( QStringLiteral( "%1 does not exist" ).arg( missing ) ) );

  // The locale: Vietnamese words around the same path, no English left in the sentence.
  const Run byLocale = restrack( { "history", "--db", missing, "X1" }, vietnameseLocale );
  CHECK( byLocale.code == 1 );
  CHECK( byLocale.err.contains( missing ) );
  CHECK_FALSE( byLocale.err.contains( QStringLiteral( "does not exist" ) ) );
  CHECK( byLocale.err != english.err );

  // --lang wins over the locale, both ways.
  const Run byOption = restrack( { "summary", "--db", missing, "--lang", "vi" } );
  CHECK( byOption.code == 1 );
  CHECK( byOption.err == byLocale.err );
  const Run englishOption = restrack( { "summary", "--db", missing, "--lang", "en" }, vietnameseLocale );
  CHECK( englishOption.err == english.err );

  // A command-line mistake too.
  const Run badOption = restrack( { "summary", "--no-such-option" }, vietnameseLocale );
  CHECK( badOption.code == 2 );
  CHECK( badOption.err.contains( QStringLiteral( "--no-such-option" ) ) );
  CHECK_FALSE( badOption.err.contains( QStringLiteral( "unknown option" ) ) );
}

TEST_CASE( "restrack --help and a command's usage speak the message language", "[cli][i18n]" )
{
  QProcessEnvironment vietnameseLocale = QProcessEnvironment::systemEnvironment();
  vietnameseLocale.insert( QStringLiteral( "LANG" ), QStringLiteral( "vi_VN.UTF-8" ) );

  const Run english = restrack( { "--help" } );
  const Run vietnamese = restrack( { "--help" }, vietnameseLocale );
  REQUIRE( english.code == 0 );
  REQUIRE( vietnamese.code == 0 );
  // What is typed stays as typed; what it does is said in the locale's language.
  for ( const char *typed : { "session-pack [--db FILE.gpkg]", "--note-file F", "db rights --db URI [--user LOGIN]", "restrack " } )
  {
    INFO( typed );
    CHECK( english.out.contains( QString::fromUtf8( typed ) ) );
    CHECK( vietnamese.out.contains( QString::fromUtf8( typed ) ) );
  }
  CHECK( english.out.contains( QStringLiteral( "list roles and grants" ) ) );
  for ( const char *englishWords : { "list roles and grants", "exit codes:", "the council session pack", "usage:", "commands:", "forbidden" } )
  {
    INFO( englishWords );
    CHECK_FALSE( vietnamese.out.contains( QString::fromUtf8( englishWords ) ) );
  }
  // Every command keeps its line, in both languages.
  CHECK( vietnamese.out.count( QLatin1Char( '\n' ) ) >= english.out.count( QLatin1Char( '\n' ) ) );

  // A command's own usage, after a command-line mistake.
  const Run englishUsage = restrack( { "set-value" } );
  const Run vietnameseUsage = restrack( { "set-value" }, vietnameseLocale );
  CHECK( englishUsage.code == 2 );
  CHECK( vietnameseUsage.code == 2 );
  CHECK( englishUsage.err.contains( QStringLiteral( "usage: restrack set-value [--db FILE.gpkg]" ) ) );
  CHECK( englishUsage.err.contains( QStringLiteral( "a per cent sign sets the unit" ) ) );
  CHECK( vietnameseUsage.err.contains( QStringLiteral( "restrack set-value [--db FILE.gpkg]" ) ) );
  CHECK_FALSE( vietnameseUsage.err.contains( QStringLiteral( "usage:" ) ) );
  CHECK_FALSE( vietnameseUsage.err.contains( QStringLiteral( "a per cent sign sets the unit" ) ) );
}
