// The status vocabulary, overdue derivation and the summary.
#include "catch_compat.h"

#include "rtcategory.h"
#include "rtstatus.h"
#include "rtsummary.h"

TEST_CASE( "status codes, labels in both languages, and parsing", "[status]" )
{
  REQUIRE( RtStatuses::all().size() == 6 );
  for ( RtStatus s : RtStatuses::all() )
  {
    CHECK( RtStatuses::fromCode( RtStatuses::code( s ) ) == s );
    CHECK( RtStatuses::fromCode( RtStatuses::label( s, RtLang::Vi ) ) == s );
    CHECK( RtStatuses::fromCode( RtStatuses::label( s, RtLang::En ) ) == s );
    CHECK( RtStatuses::label( s, RtLang::Vi ) != RtStatuses::label( s, RtLang::En ) );
  }
  CHECK( RtStatuses::label( RtStatus::NoReport, RtLang::Vi ) == QStringLiteral( "Chưa có báo cáo" ) );
  CHECK( RtStatuses::fromCode( QStringLiteral( "hoan thanh" ) ) == RtStatus::Done );
  CHECK( RtStatuses::fromCode( QStringLiteral( "HOÀN THÀNH" ) ) == RtStatus::Done );
  CHECK_FALSE( RtStatuses::fromCode( QStringLiteral( "finished" ) ).has_value() );
  CHECK_FALSE( RtStatuses::fromCode( QString() ).has_value() );
}

TEST_CASE( "overdue is derived from deadline, status and date", "[status]" )
{
  const QDate deadline( 2024, 12, 31 );
  CHECK_FALSE( RtStatuses::isOverdue( RtStatus::InProgress, deadline, QDate( 2024, 12, 31 ) ) );
  CHECK( RtStatuses::isOverdue( RtStatus::InProgress, deadline, QDate( 2025, 1, 1 ) ) );
  CHECK( RtStatuses::isOverdue( RtStatus::NoReport, deadline, QDate( 2025, 1, 1 ) ) );
  CHECK_FALSE( RtStatuses::isOverdue( RtStatus::Done, deadline, QDate( 2025, 1, 1 ) ) );
  CHECK_FALSE( RtStatuses::isOverdue( RtStatus::Dropped, deadline, QDate( 2025, 1, 1 ) ) );
  CHECK_FALSE( RtStatuses::isOverdue( RtStatus::InProgress, QDate(), QDate( 2025, 1, 1 ) ) );
}

TEST_CASE( "categories have labels in both languages", "[status]" )
{
  for ( const QString &c : RtCategories::codes() )
  {
    CHECK( RtCategories::isKnown( c ) );
    CHECK( RtCategories::label( c, RtLang::Vi ) != c );
  }
  CHECK( RtCategories::label( QStringLiteral( "dat_dai" ), RtLang::Vi ) == QStringLiteral( "Đất đai" ) );
  CHECK_FALSE( RtCategories::isKnown( QStringLiteral( "the_thao" ) ) );
}

TEST_CASE( "the summary counts and puts overdue tasks first, oldest deadline first", "[status][summary]" )
{
  const RtCouncilTerm term { 2021, 2026 };
  auto task = [&]( const QString &id, RtStatus status, const QString &category, const QString &deadline ) {
    RtTask t;
    t.id = id;
    t.status = status;
    t.category = category;
    t.deadline = RtDeadline::parse( deadline, term ).value();
    return t;
  };
  const QVector<RtTask> tasks =
  {
    task( "a", RtStatus::NoReport, "quy_hoach", "" ),
    task( "b", RtStatus::InProgress, "dat_dai", "giai đoạn 2023 - 2025" ),
    task( "c", RtStatus::Done, "dat_dai", "trước năm 2025" ),
    task( "d", RtStatus::InProgress, "quy_hoach", "đến hết năm 2023" ),
    task( "e", RtStatus::Blocked, "quy_hoach", "hết nhiệm kỳ" ),
  };
  const RtSummary s = RtSummary::compute( tasks, QDate( 2026, 3, 1 ) );
  CHECK( s.total == 5 );
  CHECK( s.byStatus.value( RtStatus::InProgress ) == 2 );
  CHECK( s.byStatus.value( RtStatus::NotStarted ) == 0 );
  CHECK( s.byCategory.value( "quy_hoach" ).value( RtStatus::Blocked ) == 1 );
  REQUIRE( s.overdue.size() == 2 );
  CHECK( s.overdue.at( 0 ).id == QStringLiteral( "d" ) );
  CHECK( s.overdue.at( 1 ).id == QStringLiteral( "b" ) );
  REQUIRE( s.tasks.size() == 5 );
  CHECK( s.tasks.at( 0 ).id == QStringLiteral( "d" ) );
  CHECK( s.tasks.at( 1 ).id == QStringLiteral( "b" ) );
  CHECK( s.tasks.at( 2 ).id == QStringLiteral( "c" ) ); // then by status: done before blocked before no report
  // on 2027-01-01 the end of the term has passed too
  CHECK( RtSummary::compute( tasks, QDate( 2027, 1, 1 ) ).overdue.size() == 3 );
}
