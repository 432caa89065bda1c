// The curated register of 172/NQ-HĐND against the text, and broken registers.
#include "catch_compat.h"
#include "testutil.h"

#include "rtregister.h"
#include "rtresolutionimporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace
{
  struct Loaded
  {
    RtRegisterFile reg;
    RtResolution resolution;
  };

  const Loaded &real()
  {
    static const Loaded sLoaded = [] {
      Loaded l;
      const RtResult<RtRegisterFile> reg = RtRegister::load( RtTestPaths::registerJson() );
      REQUIRE( reg.ok() );
      l.reg = reg.value();
      const RtResult<RtImportReport> text = RtResolutionImporter::importFile( RtTestPaths::resolutionText(), l.reg.term );
      REQUIRE( text.ok() );
      l.resolution = text.value().resolution;
      return l;
    }();
    return sLoaded;
  }

  //! The commitments (not the directive items) concerning a place.
  QVector<RtTask> tasksWithPlace( const QString &place )
  {
    QVector<RtTask> out;
    for ( const RtTask &t : real().reg.tasks )
      if ( t.kind == QLatin1String( "commitment" ) && t.places.contains( place ) )
        out << t;
    return out;
  }

  const RtTask *taskQuoting( const QString &words )
  {
    for ( const RtTask &t : real().reg.tasks )
      if ( t.kind == QLatin1String( "commitment" ) && t.quote.contains( words ) )
        return &t;
    return nullptr;
  }

  //! The real register JSON with one change applied to the first task of the given id.
  QByteArray modifiedRegister( const QString &id, const QString &field, const QJsonValue &value )
  {
    QJsonObject doc = QJsonDocument::fromJson( rtReadAll( RtTestPaths::registerJson() ) ).object();
    QJsonArray tasks = doc.value( QStringLiteral( "tasks" ) ).toArray();
    for ( int i = 0; i < tasks.size(); ++i )
    {
      QJsonObject t = tasks.at( i ).toObject();
      if ( t.value( QStringLiteral( "id" ) ).toString() == id )
      {
        t.insert( field, value );
        tasks[i] = t;
      }
    }
    doc.insert( QStringLiteral( "tasks" ), tasks );
    return QJsonDocument( doc ).toJson();
  }

  QString parseError( const QByteArray &json )
  {
    const RtResult<RtRegisterFile> r = RtRegister::parse( json, QStringLiteral( "reg.json" ) );
    return r.ok() ? QString() : r.error();
  }

  QStringList problemsOf( const QByteArray &json )
  {
    const RtResult<RtRegisterFile> r = RtRegister::parse( json, QStringLiteral( "reg.json" ) );
    REQUIRE( r.ok() );
    return RtRegister::checkAgainst( r.value(), real().resolution );
  }

  void collectLeaves( const RtClause &c, QStringList path, QVector<QStringList> &out )
  {
    path << c.label;
    if ( c.children.isEmpty() )
      out << path;
    for ( const RtClause &child : c.children )
      collectLeaves( child, path, out );
  }
}

TEST_CASE( "the curated register agrees with the text", "[register]" )
{
  CHECK( real().reg.number == QStringLiteral( "172/NQ-HĐND" ) );
  const QStringList problems = RtRegister::checkAgainst( real().reg, real().resolution );
  INFO( problems.join( QLatin1Char( '\n' ) ).toStdString() );
  CHECK( problems.isEmpty() );
}

TEST_CASE( "every directive item of 4.1 and 4.2 is a task", "[register]" )
{
  // The leaves of the text's own tree under 4. are the directive items.
  QVector<QStringList> leaves;
  const RtClause *c4 = real().resolution.findClause( { "Điều 1", "4." } );
  REQUIRE( c4 );
  for ( const RtClause &child : c4->children )
    collectLeaves( child, { "Điều 1", "4." }, leaves );
  CHECK( leaves.size() == 32 );
  for ( const QStringList &leaf : leaves )
  {
    int directives = 0;
    for ( const RtTask &t : real().reg.tasks )
      directives += t.kind == QLatin1String( "directive" ) && t.clausePath == leaf ? 1 : 0;
    INFO( rtClausePathString( leaf ).toStdString() );
    CHECK( directives == 1 );
  }
}

TEST_CASE( "the concrete commitments the resolution names are there", "[register]" )
{
  // zoning plans: one task each, being prepared ("còn lại"), with the zone as place
  for ( const QString zone : { "A3", "A4.1", "A5", "A6", "D1" } )
  {
    const QVector<RtTask> tasks = tasksWithPlace( QStringLiteral( "zone:" ) + zone );
    REQUIRE( tasks.size() == 1 );
    CHECK( tasks.first().status == RtStatus::InProgress );
    CHECK( tasks.first().statusQuote.contains( QStringLiteral( "còn lại" ) ) );
    CHECK( tasks.first().category == QStringLiteral( "quy_hoach" ) );
  }
  // upgrading three communes to wards before 2025
  for ( const QString ward : { "06745", "06733", "06730" } )
  {
    bool found = false;
    for ( const RtTask &t : tasksWithPlace( QStringLiteral( "ward:" ) + ward ) )
      found |= t.deadline.phrase() == QStringLiteral( "trước năm 2025" ) && t.deadline.date() == QDate( 2024, 12, 31 );
    CHECK( found );
  }
  // general plans of five communes
  for ( const QString ward : { "06730", "06733", "06739", "06727", "06724" } )
  {
    bool found = false;
    for ( const RtTask &t : tasksWithPlace( QStringLiteral( "ward:" ) + ward ) )
      found |= t.quote.contains( QStringLiteral( "quy hoạch chung xây dựng" ) );
    CHECK( found );
  }
  // land cases, industrial park, infrastructure, sites
  for ( const QString words : { "1022 hồ sơ", "Trà Cỏ", "khu 9", "35/HSPT", "Thoi Phi", "rừng thực nghiệm", "Hải Yên giai đoạn 6",
                                "Nam sông Lục Lâm", "cụm công nghiệp số 1, số 2", "Cảng tổng hợp Vạn Ninh", "Cầu Voi", "Cầu Bắc Luân 3",
                                "Sa Vỹ", "Cột cờ", "Trung học phổ thông Trần Phú", "Ban Chỉ huy Quân sự phường Trà Cỏ", "Pò Hèn",
                                "tuyến phố đi bộ", "500 ô đất", "60%", "100% người dân" } )
  {
    INFO( QString( words ).toStdString() );
    CHECK( taskQuoting( words ) );
  }
  // the footnote-based land cases quote footnote 1 of clause 1.
  const RtTask *judgment = taskQuoting( QStringLiteral( "35/HSPT" ) );
  REQUIRE( judgment );
  CHECK( judgment->footnote == 1 );
  CHECK( judgment->places.contains( QStringLiteral( "ward:06742" ) ) );
  // the two indicators behind
  int behind = 0;
  for ( const RtTask &t : real().reg.tasks )
    behind += t.clausePath == QStringList( { "Điều 1", "2." } ) ? 1 : 0;
  CHECK( behind >= 2 );
}

TEST_CASE( "statuses only where the text supports them", "[register]" )
{
  for ( const RtTask &t : real().reg.tasks )
  {
    INFO( t.id.toStdString() );
    if ( t.status == RtStatus::NoReport )
      CHECK( t.statusQuote.isEmpty() );
    else
      CHECK_FALSE( t.statusQuote.isEmpty() );
    CHECK( t.status != RtStatus::Done ); // nothing in the text says a task is done
  }
}

TEST_CASE( "a register that disagrees with the text is reported task by task", "[register][bad-input]" )
{
  QStringList p = problemsOf( modifiedRegister( QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "quote" ), QStringLiteral( "quy hoạch phân khu A3 đã được phê duyệt" ) ) );
  REQUIRE( p.size() == 1 );
  CHECK( p.first().contains( QStringLiteral( "task CM-QHPK-A3, quote" ) ) );
  CHECK( p.first().contains( QStringLiteral( "does not occur in Điều 1 › 4. › 4.1. › (5) › (i1)" ) ) );

  p = problemsOf( modifiedRegister( QStringLiteral( "DT-01" ), QStringLiteral( "clause" ), QJsonArray( { "Điều 1", "4.", "4.1.", "(11)" } ) ) );
  REQUIRE( !p.isEmpty() );
  CHECK( p.first().contains( QStringLiteral( "clause Điều 1 › 4. › 4.1. › (11) does not exist" ) ) );

  p = problemsOf( modifiedRegister( QStringLiteral( "CM-LAND-HAIHOA-35HSPT" ), QStringLiteral( "footnote" ), 2 ) );
  REQUIRE( !p.isEmpty() );
  CHECK( p.first().contains( QStringLiteral( "footnote 2 is cited in" ) ) );
}

TEST_CASE( "malformed registers are refused with the place of the problem", "[register][bad-input]" )
{
  CHECK( parseError( "{\n  \"resolution\": {\n    \"text\": \"x.txt\",,\n" ).contains( QStringLiteral( "reg.json, line 3" ) ) );
  CHECK( parseError( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "category" ), QStringLiteral( "thể thao" ) ) )
         .contains( QStringLiteral( "task DT-02): unknown category 'thể thao'" ) ) );
  CHECK( parseError( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "status" ), QStringLiteral( "finished" ) ) )
         .contains( QStringLiteral( "unknown status 'finished'" ) ) );
  CHECK( parseError( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "status" ), QStringLiteral( "done" ) ) )
         .contains( QStringLiteral( "needs its evidence" ) ) );
  CHECK( parseError( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "id" ), QStringLiteral( "DT-01" ) ) )
         .contains( QStringLiteral( "id 'DT-01' is used twice" ) ) );
  CHECK( parseError( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "review" ), QStringLiteral( "maybe" ) ) )
         .contains( QStringLiteral( "task DT-02): \"review\" is \"maybe\"" ) ) );
  CHECK( parseError( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "places" ), QJsonArray( { "ward:Hải Hòa" } ) ) )
         .contains( QStringLiteral( "place key 'ward:Hải Hòa'" ) ) );
  CHECK( parseError( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "quote" ), 12 ) )
         .contains( QStringLiteral( "field \"quote\" must be a string" ) ) );
}

TEST_CASE( "a deadline that cannot be dated is a warning, never a refusal", "[register]" )
{
  // Bug (issue 8): "trước ngày 31 tháng 12 năm 2023" and unknown phrases refused the whole register.
  const RtResult<RtRegisterFile> dated = RtRegister::parse( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "deadline" ),
                                                            QStringLiteral( "trước ngày 31 tháng 12 năm 2023" ) ), QStringLiteral( "reg.json" ) );
  REQUIRE( dated.ok() );
  CHECK( dated.value().warnings.isEmpty() );
  CHECK( dated.value().tasks.at( 1 ).deadline.date() == QDate( 2023, 12, 30 ) );

  const RtResult<RtRegisterFile> r = RtRegister::parse( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "deadline" ),
                                                        QStringLiteral( "sớm" ) ), QStringLiteral( "reg.json" ) );
  REQUIRE( r.ok() );
  REQUIRE( r.value().warnings.size() == 1 );
  CHECK( r.value().warnings.first().startsWith( QStringLiteral( "reg.json, task #2 (task DT-02): deadline 'sớm' has no date" ) ) );
  const RtTask &t = r.value().tasks.at( 1 );
  CHECK( t.deadline.kind() == RtDeadline::Kind::Undated );
  CHECK( t.deadline.phrase() == QStringLiteral( "sớm" ) );
  // The real register has nothing to warn about.
  CHECK( real().reg.warnings.isEmpty() );
}

TEST_CASE( "review marks a draft task, and a register of drafts reads like any other", "[register]" )
{
  const RtResult<RtRegisterFile> r = RtRegister::parse( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "review" ),
                                                        QStringLiteral( "draft" ) ), QStringLiteral( "reg.json" ) );
  REQUIRE( r.ok() );
  CHECK( r.value().tasks.at( 1 ).review == QStringLiteral( "draft" ) );
  CHECK( r.value().tasks.at( 0 ).review.isEmpty() );
  const RtResult<RtRegisterFile> reviewed = RtRegister::parse( modifiedRegister( QStringLiteral( "DT-02" ), QStringLiteral( "review" ),
                                                               QStringLiteral( "reviewed" ) ), QStringLiteral( "reg.json" ) );
  REQUIRE( reviewed.ok() );
  CHECK( reviewed.value().tasks.at( 1 ).review.isEmpty() );
}

TEST_CASE( "a task may cite a row of an appendix", "[register]" )
{
  // Bug (issue 8): a task quoting an appendix row was refused as citing a clause that does not exist.
  RtResolution res = real().resolution;
  RtAppendix appendix;
  appendix.label = QStringLiteral( "Phụ lục I" );
  appendix.title = QStringLiteral( "Danh mục dự án thu hồi đất" );
  appendix.columns = QStringList( { "STT", "Tên dự án", "Địa điểm", "Diện tích (ha)" } );
  appendix.rows << QStringList( { "1", "Khu tái định cư Hải Yên", "phường Hải Yên", "3,65" } )
                << QStringList( { "2", "Đường ven sông Ka Long", "phường Ka Long", "1,20" } );
  res.appendices << appendix;
  CHECK( RtRegister::appendixRowPath( appendix, 1 ) == QStringList( { "Phụ lục I", "2" } ) );
  CHECK( RtRegister::appendixRowText( appendix, 1 ) == QStringLiteral( "2 | Đường ven sông Ka Long | phường Ka Long | 1,20" ) );

  QJsonObject doc = QJsonDocument::fromJson( rtReadAll( RtTestPaths::registerJson() ) ).object();
  QJsonArray tasks = doc.value( QStringLiteral( "tasks" ) ).toArray();
  QJsonObject row = tasks.at( 0 ).toObject();
  row.insert( QStringLiteral( "id" ), QStringLiteral( "PL1-2" ) );
  row.insert( QStringLiteral( "clause" ), QJsonArray( { "Phụ lục I", "2" } ) );
  row.insert( QStringLiteral( "quote" ), QStringLiteral( "Đường ven sông Ka Long | phường Ka Long" ) );
  row.insert( QStringLiteral( "status_clause" ), QJsonArray( { "Phụ lục I", "2" } ) );
  tasks.append( row );
  QJsonObject missing = row;
  missing.insert( QStringLiteral( "id" ), QStringLiteral( "PL1-3" ) );
  missing.insert( QStringLiteral( "clause" ), QJsonArray( { "PHỤ LỤC I", "3" } ) );
  tasks.append( missing );
  doc.insert( QStringLiteral( "tasks" ), tasks );
  const RtResult<RtRegisterFile> reg = RtRegister::parse( QJsonDocument( doc ).toJson(), QStringLiteral( "reg.json" ) );
  REQUIRE( reg.ok() );
  const QStringList problems = RtRegister::checkAgainst( reg.value(), res );
  REQUIRE( problems.size() == 1 );
  CHECK( problems.first() == QStringLiteral( "task PL1-3, quote: Phụ lục I has no row 3 (it has 2 rows)" ) );
}
