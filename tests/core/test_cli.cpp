// restrack as a user runs it: real executable, real files in a temporary folder.
#include "catch_compat.h"
#include "testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

namespace
{
  struct Run
  {
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson( out.toUtf8() ).object(); }
  };

  Run restrack( const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment() )
  {
    QProcess p;
    p.setProcessEnvironment( env );
    p.start( RtTestPaths::cliExecutable(), args );
    REQUIRE( p.waitForFinished( 60000 ) );
    Run r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8( p.readAllStandardOutput() );
    r.err = QString::fromUtf8( p.readAllStandardError() );
    return r;
  }

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

  // a stale edit: based on in_progress, but the task is done now
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "blocked", "--by", "Someone else", "--date", "2024-07-01", "--expect", "in_progress" } );
  CHECK( r.code == 1 );
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
