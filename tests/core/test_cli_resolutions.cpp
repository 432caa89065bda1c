// restrack with many resolutions, measured values and assignments, as a user runs it:
// the real executable on real registers in a temporary folder.
#include "catch_compat.h"
#include "clitestutil.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace
{
  using RtCliTest::Run;
  using RtCliTest::restrack;

  QString storeData( const QString &name )
  {
    return RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/store/" ) + name;
  }

  QString register15()
  {
    return storeData( QStringLiteral( "NQ-15-HDND-2024-test-register.json" ) );
  }

  //! The bundled register of 172/NQ-HĐND, and with \a second the test resolution 15/NQ-HĐND added.
  QString buildRegister( const QTemporaryDir &dir, bool second )
  {
    const QString path = dir.filePath( QStringLiteral( "register.gpkg" ) );
    Run r = restrack( { "build-register", "--out", path, "--register", RtTestPaths::registerJson() } );
    INFO( r.err.toStdString() );
    REQUIRE( r.code == 0 );
    if ( second )
    {
      r = restrack( { "add-resolution", "--db", path, "--text", storeData( QStringLiteral( "NQ-15-HDND-2024-test.txt" ) ), "--register", register15() } );
      INFO( r.err.toStdString() );
      REQUIRE( r.code == 0 );
    }
    return path;
  }

  QJsonObject taskOf( const QJsonObject &summary, const QString &id )
  {
    for ( const QJsonValue &v : summary.value( "tasks" ).toArray() )
      if ( v.toObject().value( "id" ).toString() == id )
        return v.toObject();
    return QJsonObject();
  }

  QString featureStatus( const QJsonObject &join, const QString &key )
  {
    for ( const QJsonValue &f : join.value( "features" ).toArray() )
      if ( f.toObject().value( "key" ).toString() == key )
        return f.toObject().value( "status" ).toString();
    return QString();
  }
}

TEST_CASE( "add-resolution adds a resolution checked against its text, its clashing ids qualified", "[cli][resolutions]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = buildRegister( dir, false );
  const QString text = storeData( QStringLiteral( "NQ-15-HDND-2024-test.txt" ) );

  Run r = restrack( { "add-resolution", "--db", db, "--text", text, "--register", register15() } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  CHECK( r.out.startsWith( QStringLiteral( "added 15/NQ-HĐND to %1: 4 tasks, checked against NQ-15-HDND-2024-test.txt" ).arg( db ) ) );
  CHECK( r.out.contains( QStringLiteral( "task DT-01 is DT-01@15/NQ-HĐND in this register" ) ) );
  CHECK( r.out.contains( QStringLiteral( "task CM-QHPK-A3 is CM-QHPK-A3@15/NQ-HĐND in this register" ) ) );

  // Summary: every resolution by default, grouped; one with --resolution.
  r = restrack( { "summary", "--db", db, "--as-of", "2024-08-01", "--json" } );
  REQUIRE( r.code == 0 );
  QJsonObject s = r.json();
  CHECK( s.value( "total" ).toInt() == 93 );
  const QJsonArray resolutions = s.value( "resolutions" ).toArray();
  REQUIRE( resolutions.size() == 2 );
  CHECK( resolutions.at( 0 ).toObject().value( "number" ).toString() == QStringLiteral( "172/NQ-HĐND" ) );
  CHECK( resolutions.at( 0 ).toObject().value( "total" ).toInt() == 89 );
  CHECK( resolutions.at( 1 ).toObject().value( "number" ).toString() == QStringLiteral( "15/NQ-HĐND" ) );
  CHECK( resolutions.at( 1 ).toObject().value( "total" ).toInt() == 4 );
  const QJsonObject followUp = taskOf( s, QStringLiteral( "DT-01@15/NQ-HĐND" ) );
  CHECK( followUp.value( "resolution" ).toString() == QStringLiteral( "15/NQ-HĐND" ) );
  REQUIRE( followUp.value( "follows_up" ).toArray().size() == 1 );
  CHECK( followUp.value( "follows_up" ).toArray().at( 0 ).toObject().value( "resolution" ).toString() == QStringLiteral( "172/NQ-HĐND" ) );
  CHECK( followUp.value( "follows_up" ).toArray().at( 0 ).toObject().value( "task" ).toString() == QStringLiteral( "DT-01" ) );

  r = restrack( { "summary", "--db", db, "--as-of", "2024-08-01", "--json", "--resolution", "15/nq-hdnd" } );
  REQUIRE( r.code == 0 );
  s = r.json();
  CHECK( s.value( "total" ).toInt() == 4 );
  CHECK( s.value( "resolution" ).toObject().value( "number" ).toString() == QStringLiteral( "15/NQ-HĐND" ) );
  CHECK( s.value( "resolutions" ).toArray().size() == 1 );

  // Before 15/NQ-HĐND was passed only 172's tasks count.
  r = restrack( { "summary", "--db", db, "--as-of", "2024-01-01", "--json" } );
  REQUIRE( r.code == 0 );
  CHECK( r.json().value( "total" ).toInt() == 89 );
  CHECK( r.json().value( "resolutions" ).toArray().size() == 1 );

  // The text summary says how many resolutions, then each under its own heading.
  r = restrack( { "summary", "--db", db, "--as-of", "2024-08-01" } );
  REQUIRE( r.code == 0 );
  CHECK( r.out.startsWith( QStringLiteral( "2 nghị quyết — 93 nhiệm vụ" ) ) );
  CHECK( r.out.indexOf( QStringLiteral( "Nghị quyết 172/NQ-HĐND ngày 13/10/2023" ) ) < r.out.indexOf( QStringLiteral( "Nghị quyết 15/NQ-HĐND ngày 12/07/2024" ) ) );

  // A task named as its own resolution's register names it.
  r = restrack( { "history", "--db", db, "--resolution", "15", "DT-01", "--json" } );
  REQUIRE( r.code == 0 );
  CHECK( r.json().value( "task" ).toString() == QStringLiteral( "DT-01@15/NQ-HĐND" ) );
  r = restrack( { "set-status", "--db", db, "--resolution", "15/NQ-HĐND", "CM-TDC-300", "in_progress", "--by", "Ban QLDA", "--date", "2024-08-01" } );
  INFO( r.err.toStdString() );
  CHECK( r.code == 0 );
  r = restrack( { "history", "--db", db, "--resolution", "172", "CM-TDC-300" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "resolution 172/NQ-HĐND has no task 'CM-TDC-300'" ) ) );
  r = restrack( { "summary", "--db", db, "--resolution", "152/NQ-HĐND" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "holds no resolution '152/NQ-HĐND'" ) ) );

  // Once is enough.
  const QByteArray before = rtReadAll( db );
  r = restrack( { "add-resolution", "--db", db, "--text", text, "--register", register15() } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "holds resolution 15/NQ-HĐND already" ) ) );
  CHECK( rtReadAll( db ) == before );
}

TEST_CASE( "add-resolution refuses a register that disagrees with its text and writes nothing", "[cli][resolutions][bad-input]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = buildRegister( dir, false );
  const QByteArray before = rtReadAll( db );
  QByteArray json = rtReadAll( register15() );
  REQUIRE( json.contains( "Tạm dừng điều chỉnh quy hoạch phân khu A3 cho đến khi" ) );
  // A quote the text does not hold, and a follow-up of a resolution its clause does not cite.
  json.replace( "Tạm dừng điều chỉnh quy hoạch phân khu A3 cho đến khi", "Hủy bỏ quy hoạch phân khu A3 cho đến khi" );
  json.replace( "\"resolution\": \"172/NQ-HĐND\",\n          \"task\": \"DT-01\"", "\"resolution\": \"168/BC-ĐGS\",\n          \"task\": \"DT-01\"" );
  const QString bad = dir.filePath( QStringLiteral( "bad.json" ) );
  REQUIRE( rtWriteAll( bad, json ) );
  const Run r = restrack( { "add-resolution", "--db", db, "--text", storeData( QStringLiteral( "NQ-15-HDND-2024-test.txt" ) ), "--register", bad } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "task CM-QHPK-A3, quote" ) ) );
  CHECK( r.err.contains( QStringLiteral( "task DT-01, follows_up: 168/BC-ĐGS is not cited in Điều 1 › 1." ) ) );
  CHECK( r.err.contains( QStringLiteral( "refusing to add" ) ) );
  CHECK( rtReadAll( db ) == before );
}

TEST_CASE( "join colours a feature by the tasks of the chosen resolutions", "[cli][resolutions][join]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = buildRegister( dir, true );
  const QString zones = RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg|layername=zones" );
  auto join = [&]( const QStringList &extra )
  {
    const Run r = restrack( QStringList { "join", "--db", db, "--layer", zones, "--kind", "zone", "--fields", "code", "--as-of", "2024-08-01", "--json" } + extra );
    INFO( r.err.toStdString() );
    REQUIRE( r.code == 0 );
    return r.json();
  };
  // Zone A3: being planned under 172, paused by 15 (blocked).
  CHECK( featureStatus( join( { "--resolution", "172" } ), QStringLiteral( "A3" ) ) == QStringLiteral( "in_progress" ) );
  CHECK( featureStatus( join( { "--resolution", "15/NQ-HĐND" } ), QStringLiteral( "A3" ) ) == QStringLiteral( "blocked" ) );
  CHECK( featureStatus( join( { "--resolution", "15" } ), QStringLiteral( "A5" ) ) == QStringLiteral( "none" ) );
  CHECK( featureStatus( join( {} ), QStringLiteral( "A3" ) ) == QStringLiteral( "blocked" ) ); // every resolution: any blocked
  CHECK( featureStatus( join( { "--resolution", "172", "--resolution", "15" } ), QStringLiteral( "A3" ) ) == QStringLiteral( "blocked" ) );
  const QJsonObject only172 = join( { "--resolution", "172/NQ-HĐND" } );
  CHECK( only172.value( "resolutions" ).toArray() == QJsonArray( { QStringLiteral( "172/NQ-HĐND" ) } ) );
}

TEST_CASE( "set-value records progress against the target, shown in summary and history", "[cli][values]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = buildRegister( dir, false );

  Run r = restrack( { "set-value", "--db", db, "CM-TDC-500", "312", "--by", "Ban QLDA", "--date", "2024-06-20", "--evidence", "BC 45/BC-BQLDA" } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  CHECK( r.out == QStringLiteral( "CM-TDC-500: value 312 ô đất tái định cư (2024-06-20, by Ban QLDA) = 62% of the target \"khoảng 500 ô đất tái định cư\"\n" ) );
  r = restrack( { "set-value", "--db", db, "CM-WATER-TERM-100", "78%", "--by", "Công ty Cấp nước", "--date", "2024-06-30" } );
  REQUIRE( r.code == 0 );
  CHECK( r.out.contains( QStringLiteral( "value 78% (2024-06-30, by Công ty Cấp nước) = 78% of the target \"100%\"" ) ) );
  r = restrack( { "set-value", "--db", db, "CM-CCKT-58-37-5", "57,5", "--unit", "%", "--by", "Phòng Tài chính", "--date", "2024-06-30" } );
  REQUIRE( r.code == 0 );
  CHECK( r.out.contains( QStringLiteral( "value 57.5% (2024-06-30, by Phòng Tài chính); target" ) ) );
  CHECK( r.out.contains( QStringLiteral( "(no share: it states no single figure)" ) ) );

  r = restrack( { "summary", "--db", db, "--as-of", "2024-07-01", "--json" } );
  REQUIRE( r.code == 0 );
  const QJsonObject s = r.json();
  const QJsonObject plots = taskOf( s, QStringLiteral( "CM-TDC-500" ) );
  CHECK( plots.value( "value" ).toObject().value( "value" ).toDouble() == 312 );
  CHECK( plots.value( "share_of_target" ).toDouble() == Approx( 0.624 ) );
  CHECK( plots.value( "target_figure" ).toObject().value( "value" ).toDouble() == 500 );
  CHECK( plots.value( "target_figure" ).toObject().value( "comparator" ).toString() == QStringLiteral( "~" ) );
  bool listed = false;
  for ( const QJsonValue &p : s.value( "progress" ).toArray() )
  {
    if ( p.toObject().value( "id" ).toString() == QStringLiteral( "CM-WATER-TERM-100" ) )
    {
      listed = true;
      CHECK( p.toObject().value( "share_of_target" ).toDouble() == Approx( 0.78 ) );
    }
  }
  CHECK( listed );
  // As of a date before the value, there is none.
  r = restrack( { "summary", "--db", db, "--as-of", "2024-06-01", "--json" } );
  CHECK( taskOf( r.json(), QStringLiteral( "CM-TDC-500" ) ).value( "value" ).isNull() );

  r = restrack( { "summary", "--db", db, "--as-of", "2024-07-01", "--lang", "en" } );
  REQUIRE( r.code == 0 );
  CHECK( r.out.contains( QStringLiteral( "PROGRESS AGAINST TARGETS" ) ) );
  CHECK( r.out.contains( QStringLiteral( "measured 312 ô đất tái định cư (2024-06-20) = 62% of target" ) ) );

  r = restrack( { "history", "--db", db, "CM-TDC-500", "--json" } );
  REQUIRE( r.code == 0 );
  const QJsonArray values = r.json().value( "values" ).toArray();
  REQUIRE( values.size() == 1 );
  CHECK( values.at( 0 ).toObject().value( "evidence" ).toString() == QStringLiteral( "BC 45/BC-BQLDA" ) );
  CHECK( values.at( 0 ).toObject().value( "by" ).toString() == QStringLiteral( "Ban QLDA" ) );

  // Bad input: no number, a task without a target, a value dated before the last one.
  const QByteArray before = rtReadAll( db );
  r = restrack( { "set-value", "--db", db, "CM-TDC-500", "1.022,5", "--by", "X" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "VALUE '1.022,5' is not a number" ) ) );
  r = restrack( { "set-value", "--db", db, "CM-QHPK-A3", "1", "--by", "X", "--date", "2024-06-20" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "has no target in the register" ) ) );
  r = restrack( { "set-value", "--db", db, "CM-TDC-500", "300", "--by", "X", "--date", "2024-06-01" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "must not be before the task's latest value date 2024-06-20" ) ) );
  r = restrack( { "set-value", "--db", db, "CM-TDC-500", "300" } );
  CHECK( r.code == 2 );
  CHECK( rtReadAll( db ) == before );
}

TEST_CASE( "assign records the lead and cooperating offices, shown in summary and history", "[cli][assign]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = buildRegister( dir, false );
  Run r = restrack( { "assign", "--db", db, "CM-QHPK-A3", "--office", "Phòng Quản lý đô thị", "--with", "Phòng Tài nguyên và Môi trường",
                      "--with", "UBND phường Hải Hòa", "--by", "UBND thành phố" } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  CHECK( r.out == QStringLiteral( "CM-QHPK-A3: lead Phòng Quản lý đô thị; with Phòng Tài nguyên và Môi trường, UBND phường Hải Hòa (by UBND thành phố)\n" ) );

  r = restrack( { "summary", "--db", db, "--json" } );
  REQUIRE( r.code == 0 );
  const QJsonObject assignment = taskOf( r.json(), QStringLiteral( "CM-QHPK-A3" ) ).value( "assignment" ).toObject();
  CHECK( assignment.value( "lead" ).toString() == QStringLiteral( "Phòng Quản lý đô thị" ) );
  CHECK( assignment.value( "with" ).toArray().size() == 2 );
  CHECK( assignment.value( "by" ).toString() == QStringLiteral( "UBND thành phố" ) );
  CHECK( taskOf( r.json(), QStringLiteral( "CM-QHPK-A5" ) ).value( "assignment" ).isNull() );
  r = restrack( { "summary", "--db", db } );
  CHECK( r.out.contains( QStringLiteral( "[chủ trì: Phòng Quản lý đô thị; phối hợp: Phòng Tài nguyên và Môi trường, UBND phường Hải Hòa]" ) ) );

  // The same offices spelt otherwise: nothing new, refused; another lead: a second assignment.
  r = restrack( { "assign", "--db", db, "CM-QHPK-A3", "--office", "phòng quản lý đô thị", "--with", "UBND phường Hải Hoà",
                  "--with", "Phòng Tài nguyên và Môi trường", "--by", "UBND thành phố" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "is assigned so already" ) ) );
  r = restrack( { "assign", "--db", db, "CM-QHPK-A3", "--office", "Phòng Tài nguyên và Môi trường", "--by", "Chủ tịch UBND" } );
  REQUIRE( r.code == 0 );
  r = restrack( { "history", "--db", db, "CM-QHPK-A3", "--json" } );
  REQUIRE( r.code == 0 );
  const QJsonArray assignments = r.json().value( "assignments" ).toArray();
  REQUIRE( assignments.size() == 2 );
  CHECK( assignments.at( 0 ).toObject().value( "lead" ).toString() == QStringLiteral( "Phòng Quản lý đô thị" ) );
  CHECK( assignments.at( 1 ).toObject().value( "lead" ).toString() == QStringLiteral( "Phòng Tài nguyên và Môi trường" ) );
  r = restrack( { "history", "--db", db, "CM-QHPK-A3", "--lang", "en" } );
  CHECK( r.out.contains( QStringLiteral( "Assignments:" ) ) );
  CHECK( r.out.contains( QStringLiteral( "lead: Phòng Tài nguyên và Môi trường  by Chủ tịch UBND" ) ) );

  r = restrack( { "assign", "--db", db, "CM-QHPK-A3", "--office", "A", "--office", "B", "--by", "X" } );
  CHECK( r.code == 2 );
  r = restrack( { "assign", "--db", db, "CM-QHPK-A3", "--with", "A", "--by", "X" } );
  CHECK( r.code == 2 );
  CHECK( r.err.contains( QStringLiteral( "--office (the lead office) is required" ) ) );
}

TEST_CASE( "set-status with the same status and a note or evidence records the report", "[cli][store]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = buildRegister( dir, false );
  Run r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "in_progress", "--by", "Phòng QLĐT", "--date", "2024-06-01",
                      "--evidence", "Tờ trình 88/TTr-QLĐT", "--expect", "in_progress" } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  CHECK( r.out == QStringLiteral( "CM-QHPK-A3: in_progress kept, evidence recorded (2024-06-01, by Phòng QLĐT)\n" ) );
  r = restrack( { "history", "--db", db, "CM-QHPK-A3", "--lang", "en" } );
  CHECK( r.out.contains( QStringLiteral( "2024-06-01  In progress (unchanged)  by Phòng QLĐT [Tờ trình 88/TTr-QLĐT]" ) ) );
  // Nothing new: still refused.
  r = restrack( { "set-status", "--db", db, "CM-QHPK-A3", "in_progress", "--by", "Phòng QLĐT" } );
  CHECK( r.code == 1 );
  CHECK( r.err.contains( QStringLiteral( "status is already 'in_progress'" ) ) );
}

TEST_CASE( "a register of schema 1 is read as it is and upgraded by the first command that writes", "[cli][upgrade]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = dir.filePath( QStringLiteral( "old.gpkg" ) );
  REQUIRE( QFile::copy( storeData( QStringLiteral( "mongcai-172-v1.gpkg" ) ), db ) );
  REQUIRE( QFile::setPermissions( db, QFile::ReadOwner | QFile::WriteOwner ) );
  const QByteArray original = rtReadAll( db );

  // Reading writes nothing.
  Run r = restrack( { "summary", "--db", db, "--as-of", "2024-07-01", "--json" } );
  INFO( r.err.toStdString() );
  REQUIRE( r.code == 0 );
  CHECK( r.json().value( "total" ).toInt() == 89 );
  CHECK( taskOf( r.json(), QStringLiteral( "CM-QHPK-A3" ) ).value( "status" ).toString() == QStringLiteral( "done" ) );
  CHECK( rtReadAll( db ) == original );
  CHECK( r.err.isEmpty() );

  // The first write upgrades, keeps the old file and says where.
  r = restrack( { "assign", "--db", db, "CM-QHPK-A3", "--office", "Phòng Quản lý đô thị", "--by", "UBND thành phố" } );
  REQUIRE( r.code == 0 );
  CHECK( r.err.contains( QStringLiteral( "was made by an earlier version; it was upgraded to register schema 2" ) ) );
  const QStringList kept = QDir( dir.path() ).entryList( { QStringLiteral( "old.gpkg.bak-*.gpkg" ) }, QDir::Files );
  REQUIRE( kept.size() == 1 );
  CHECK( r.err.contains( kept.constFirst() ) );
  CHECK( rtReadAll( dir.filePath( kept.constFirst() ) ) == original );
  r = restrack( { "history", "--db", db, "CM-QHPK-A3", "--json" } );
  REQUIRE( r.code == 0 );
  CHECK( r.json().value( "history" ).toArray().size() == 2 );
  CHECK( r.json().value( "assignments" ).toArray().size() == 1 );
  r = restrack( { "set-status", "--db", db, "DT-01", "done", "--by", "UBND thành phố", "--date", "2024-09-01" } );
  CHECK( r.code == 0 );
  CHECK( r.err.isEmpty() ); // upgraded once
}
