// Vietnamese deadline phrases become dates, keeping the words.
#include "catch_compat.h"

#include "rtdeadline.h"
#include "rtstatus.h"
#include "rtsummary.h"

namespace
{
  const RtCouncilTerm sTerm { 2021, 2026 };
  const QDate sIssued( 2023, 10, 13 );

  RtDeadline read( const QString &phrase, const QDate &issued = sIssued, const RtCouncilTerm &term = sTerm )
  {
    const RtResult<RtDeadline> r = RtDeadline::parse( phrase, term, issued );
    REQUIRE( r.ok() );
    CHECK( r.value().phrase() == phrase );
    return r.value();
  }

  QDate dateOf( const QString &phrase, const QDate &issued = sIssued )
  {
    const RtDeadline d = read( phrase, issued );
    CHECK( d.kind() == RtDeadline::Kind::Date );
    CHECK( d.problem().isEmpty() );
    return d.date();
  }
}

TEST_CASE( "deadline phrases of 172/NQ-HĐND", "[deadline]" )
{
  CHECK( dateOf( QStringLiteral( "đến hết năm 2023" ) ) == QDate( 2023, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "trước năm 2025" ) ) == QDate( 2024, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "giai đoạn 2023 - 2025" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "giai đoạn 2024- 2025" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "giai đoạn 2023–2025" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "trước năm 2030" ) ) == QDate( 2029, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "đến năm 2030" ) ) == QDate( 2030, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "hết nhiệm kỳ" ) ) == QDate( 2026, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "Đến hết năm 2023" ) ) == QDate( 2023, 12, 31 ) );
  // The same dates without the resolution's date: none of 172's phrases needs it.
  CHECK( dateOf( QStringLiteral( "giai đoạn 2022 - 2025" ), QDate() ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "trước năm 2025" ), QDate() ) == QDate( 2024, 12, 31 ) );

  const RtDeadline yearly = read( QStringLiteral( "hàng năm" ) );
  CHECK( yearly.kind() == RtDeadline::Kind::Recurring );
  CHECK( yearly.period() == RtDeadline::Period::Year );
  CHECK_FALSE( yearly.date().isValid() );

  const RtResult<RtDeadline> none = RtDeadline::parse( QString(), sTerm );
  REQUIRE( none.ok() );
  CHECK( none.value().kind() == RtDeadline::Kind::None );
}

TEST_CASE( "days, months, quarters and half years", "[deadline]" )
{
  SECTION( "a day: before it is the day before, at the latest is the day itself" )
  {
    CHECK( dateOf( QStringLiteral( "trước ngày 31/12/2024" ) ) == QDate( 2024, 12, 30 ) );
    CHECK( dateOf( QStringLiteral( "trước ngày 31 tháng 12 năm 2024" ) ) == QDate( 2024, 12, 30 ) );
    CHECK( dateOf( QStringLiteral( "trước 30/6/2024" ) ) == QDate( 2024, 6, 29 ) );
    CHECK( dateOf( QStringLiteral( "chậm nhất ngày 15/01/2025" ) ) == QDate( 2025, 1, 15 ) );
    CHECK( dateOf( QStringLiteral( "chậm nhất là ngày 15 tháng 01 năm 2025" ) ) == QDate( 2025, 1, 15 ) );
    CHECK( dateOf( QStringLiteral( "đến ngày 31-12-2024" ) ) == QDate( 2024, 12, 31 ) );
    CHECK( dateOf( QStringLiteral( "ngày 31.12.2024" ) ) == QDate( 2024, 12, 31 ) );
    CHECK( dateOf( QStringLiteral( "31/12/2024" ) ) == QDate( 2024, 12, 31 ) );
    // no year: the year the resolution was issued
    CHECK( dateOf( QStringLiteral( "trước ngày 15/12" ) ) == QDate( 2023, 12, 14 ) );
  }
  SECTION( "months" )
  {
    CHECK( dateOf( QStringLiteral( "trong tháng 6/2024" ) ) == QDate( 2024, 6, 30 ) );
    CHECK( dateOf( QStringLiteral( "tháng 6 năm 2024" ) ) == QDate( 2024, 6, 30 ) );
    CHECK( dateOf( QStringLiteral( "tháng 02/2024" ) ) == QDate( 2024, 2, 29 ) );
    CHECK( dateOf( QStringLiteral( "trước tháng 6/2024" ) ) == QDate( 2024, 5, 31 ) );
    CHECK( dateOf( QStringLiteral( "đến hết tháng 12" ) ) == QDate( 2023, 12, 31 ) );
  }
  SECTION( "quarters, Roman or Arabic" )
  {
    CHECK( dateOf( QStringLiteral( "quý III/2024" ) ) == QDate( 2024, 9, 30 ) );
    CHECK( dateOf( QStringLiteral( "quý 3 năm 2024" ) ) == QDate( 2024, 9, 30 ) );
    CHECK( dateOf( QStringLiteral( "trong Quý IV/2024" ) ) == QDate( 2024, 12, 31 ) );
    CHECK( dateOf( QStringLiteral( "trước quý II năm 2025" ) ) == QDate( 2025, 3, 31 ) );
    CHECK( dateOf( QStringLiteral( "quí I/2025" ) ) == QDate( 2025, 3, 31 ) );
  }
  SECTION( "half years" )
  {
    CHECK( dateOf( QStringLiteral( "6 tháng đầu năm 2024" ) ) == QDate( 2024, 6, 30 ) );
    CHECK( dateOf( QStringLiteral( "trong 6 tháng cuối năm 2024" ) ) == QDate( 2024, 12, 31 ) );
    CHECK( dateOf( QStringLiteral( "6 tháng cuối năm" ) ) == QDate( 2023, 12, 31 ) );
    CHECK( dateOf( QStringLiteral( "06 tháng đầu năm 2025" ) ) == QDate( 2025, 6, 30 ) );
  }
}

TEST_CASE( "years, periods, the term and council sessions", "[deadline]" )
{
  CHECK( dateOf( QStringLiteral( "trong năm 2024" ) ) == QDate( 2024, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "năm 2024" ) ) == QDate( 2024, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "cuối năm 2024" ) ) == QDate( 2024, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "giai đoạn 2021 - 2025" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "giai đoạn 2021-2025" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "trong giai đoạn (2022 - 2025)" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "trong nhiệm kỳ" ) ) == QDate( 2026, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "cuối nhiệm kỳ" ) ) == QDate( 2026, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "trong nhiệm kỳ 2026 - 2031" ) ) == QDate( 2031, 12, 31 ) );
  // Sessions: the latest month each is held in (see RtDeadline).
  CHECK( dateOf( QStringLiteral( "kỳ họp cuối năm 2024" ) ) == QDate( 2024, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "kỳ họp giữa năm 2025" ) ) == QDate( 2025, 7, 31 ) );
  CHECK( dateOf( QStringLiteral( "tại kỳ họp thường lệ cuối năm 2024" ) ) == QDate( 2024, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "kì họp cuối năm" ) ) == QDate( 2023, 12, 31 ) );
  // A table cell holds the year or the years alone.
  CHECK( dateOf( QStringLiteral( "2025" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "2024 - 2025" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( RtDeadline::findAll( QStringLiteral( "khởi công năm 2024, 2025; vốn 2024 - 2025" ), sTerm ).isEmpty() );
}

TEST_CASE( "recurring and ongoing deadlines have no due date and are never overdue", "[deadline]" )
{
  struct Case
  {
    const char *phrase;
    RtDeadline::Kind kind;
    RtDeadline::Period period;
  };
  const Case cases[] =
  {
    { "hàng năm", RtDeadline::Kind::Recurring, RtDeadline::Period::Year },
    { "hằng năm", RtDeadline::Kind::Recurring, RtDeadline::Period::Year },
    { "định kỳ hàng quý", RtDeadline::Kind::Recurring, RtDeadline::Period::Quarter },
    { "hàng tháng", RtDeadline::Kind::Recurring, RtDeadline::Period::Month },
    { "hằng tuần", RtDeadline::Kind::Recurring, RtDeadline::Period::Week },
    { "định kỳ 6 tháng một lần", RtDeadline::Kind::Recurring, RtDeadline::Period::HalfYear },
    { "thường xuyên", RtDeadline::Kind::Ongoing, RtDeadline::Period::None },
    { "thường xuyên, liên tục", RtDeadline::Kind::Ongoing, RtDeadline::Period::None },
    { "Thường xuyên và liên tục", RtDeadline::Kind::Ongoing, RtDeadline::Period::None },
  };
  for ( const Case &c : cases )
  {
    INFO( c.phrase );
    const RtDeadline d = read( QString::fromUtf8( c.phrase ) );
    CHECK( d.kind() == c.kind );
    CHECK( d.period() == c.period );
    CHECK_FALSE( d.date().isValid() );
    CHECK_FALSE( RtStatuses::isOverdue( RtStatus::NotStarted, d, QDate( 2099, 1, 1 ) ) );
  }
  // A due date is overdue once passed, unless the task is closed.
  const RtDeadline due = read( QStringLiteral( "trước ngày 31/12/2024" ) );
  CHECK( RtStatuses::isOverdue( RtStatus::InProgress, due, QDate( 2024, 12, 31 ) ) );
  CHECK_FALSE( RtStatuses::isOverdue( RtStatus::InProgress, due, QDate( 2024, 12, 30 ) ) );
  CHECK_FALSE( RtStatuses::isOverdue( RtStatus::Done, due, QDate( 2025, 1, 1 ) ) );
}

TEST_CASE( "NFD, case, spacing and dash variants", "[deadline]" )
{
  const QString nfd = QStringLiteral( "trước ngày 31 tháng 12 năm 2024" ).normalized( QString::NormalizationForm_D );
  const RtResult<RtDeadline> r = RtDeadline::parse( nfd, sTerm, sIssued );
  REQUIRE( r.ok() );
  CHECK( r.value().date() == QDate( 2024, 12, 30 ) );
  CHECK( r.value().phrase() == nfd ); // kept as written

  CHECK( dateOf( QStringLiteral( "TRƯỚC NĂM 2025" ) ) == QDate( 2024, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "Quý  III / 2024" ) ) == QDate( 2024, 9, 30 ) );
  CHECK( dateOf( QString::fromUtf8( "trong\u00a0năm 2024" ) ) == QDate( 2024, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "giai đoạn 2021 — 2025" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QString::fromUtf8( "giai đoạn 2021\u22122025" ) ) == QDate( 2025, 12, 31 ) );
  CHECK( dateOf( QStringLiteral( "trước   ngày 31 / 12 / 2024" ) ) == QDate( 2024, 12, 30 ) );
  CHECK( read( QStringLiteral( "HẰNG NĂM" ) ).kind() == RtDeadline::Kind::Recurring );
}

TEST_CASE( "a phrase the grammar cannot date is kept verbatim, undated, with the reason", "[deadline]" )
{
  const RtDeadline unknown = read( QStringLiteral( "sớm nhất có thể" ) );
  CHECK( unknown.kind() == RtDeadline::Kind::Undated );
  CHECK_FALSE( unknown.date().isValid() );
  CHECK( unknown.problem().contains( QStringLiteral( "not one this version can date" ) ) );

  // the end of the term needs the term
  const RtDeadline noTerm = read( QStringLiteral( "hết nhiệm kỳ" ), sIssued, RtCouncilTerm() );
  CHECK( noTerm.kind() == RtDeadline::Kind::Undated );
  CHECK( noTerm.problem().contains( QStringLiteral( "council term" ) ) );
  // a phrase without a year needs the resolution's date
  const RtDeadline noYear = read( QStringLiteral( "6 tháng cuối năm" ), QDate() );
  CHECK( noYear.kind() == RtDeadline::Kind::Undated );
  CHECK( noYear.problem().contains( QStringLiteral( "names no year" ) ) );
  CHECK( read( QStringLiteral( "giai đoạn 2025 - 2023" ) ).kind() == RtDeadline::Kind::Undated );
  CHECK( read( QStringLiteral( "trước ngày 31/02/2024" ) ).problem() == QStringLiteral( "there is no such date" ) );
  CHECK( read( QStringLiteral( "quý V/2024" ) ).kind() == RtDeadline::Kind::Undated );
  // a phrase inside a longer text is not a phrase on its own
  CHECK( read( QStringLiteral( "phấn đấu trước năm 2025 hoàn thành" ) ).kind() == RtDeadline::Kind::Undated );
  CHECK_FALSE( RtStatuses::isOverdue( RtStatus::NotStarted, unknown, QDate( 2099, 1, 1 ) ) );
}

TEST_CASE( "kind codes for storage", "[deadline]" )
{
  for ( RtDeadline::Kind kind : { RtDeadline::Kind::None, RtDeadline::Kind::Date, RtDeadline::Kind::Recurring,
                                  RtDeadline::Kind::Ongoing, RtDeadline::Kind::Undated } )
  {
    const std::optional<RtDeadline::Kind> back = RtDeadline::kindFromCode( RtDeadline::kindCode( kind ) );
    REQUIRE( back.has_value() );
    CHECK( *back == kind );
  }
  // The codes a register of today's version holds.
  CHECK( RtDeadline::kindCode( RtDeadline::Kind::Date ) == QStringLiteral( "date" ) );
  CHECK( RtDeadline::kindCode( RtDeadline::Kind::Recurring ) == QStringLiteral( "recurring" ) );
  CHECK( RtDeadline::kindCode( RtDeadline::Kind::None ) == QStringLiteral( "none" ) );
  CHECK_FALSE( RtDeadline::kindFromCode( QStringLiteral( "someday" ) ).has_value() );
}

TEST_CASE( "finding deadline phrases in a clause", "[deadline]" )
{
  const QString text = QStringLiteral( "nâng cao tỷ lệ hộ dân đô thị sử dụng nước sạch (đến hết năm 2023: phần đầu có từ 60% trở lên "
                                       "người dân đô thị sử dụng nước sạch; hết nhiệm kỳ đạt 100% người dân đô thị sử dụng nước sạch); "
                                       "hàng năm hoàn thành tốt nhiệm vụ" );
  const QVector<RtDeadline> found = RtDeadline::findAll( text, sTerm );
  REQUIRE( found.size() == 3 );
  CHECK( found.at( 0 ).phrase() == QStringLiteral( "đến hết năm 2023" ) );
  CHECK( found.at( 1 ).phrase() == QStringLiteral( "hết nhiệm kỳ" ) );
  CHECK( found.at( 1 ).date() == QDate( 2026, 12, 31 ) );
  CHECK( found.at( 2 ).kind() == RtDeadline::Kind::Recurring );
  CHECK( found.at( 0 ).offset() < found.at( 1 ).offset() );
}

TEST_CASE( "finding dated phrases in running text, and leaving references alone", "[deadline]" )
{
  const QString text = QStringLiteral( "Giao Ủy ban nhân dân thành phố hoàn thành trước ngày 31 tháng 12 năm 2024; báo cáo "
                                       "Hội đồng nhân dân tại kỳ họp cuối năm 2024, thực hiện thường xuyên, liên tục; định kỳ "
                                       "hàng quý báo cáo; chi thường xuyên theo Nghị quyết số 12/NQ-HĐND ngày 5 tháng 6 năm 2023; "
                                       "tính đến ngày 30/6/2023 đã đạt; trong quý III/2024 khởi công; giai đoạn 2021-2025." );
  const QVector<RtDeadline> found = RtDeadline::findAll( text, sTerm, sIssued );
  QStringList phrases;
  for ( const RtDeadline &d : found )
    phrases << d.phrase();
  CHECK( phrases == QStringList( { QStringLiteral( "trước ngày 31 tháng 12 năm 2024" ), QStringLiteral( "tại kỳ họp cuối năm 2024" ),
                                   QStringLiteral( "thường xuyên, liên tục" ), QStringLiteral( "định kỳ hàng quý" ),
                                   QStringLiteral( "trong quý III/2024" ), QStringLiteral( "giai đoạn 2021-2025" ) } ) );
  REQUIRE( found.size() == 6 );
  CHECK( found.at( 0 ).date() == QDate( 2024, 12, 30 ) );
  CHECK( found.at( 1 ).date() == QDate( 2024, 12, 31 ) );
  CHECK( found.at( 2 ).kind() == RtDeadline::Kind::Ongoing );
  CHECK( found.at( 3 ).period() == RtDeadline::Period::Quarter );
  CHECK( found.at( 4 ).date() == QDate( 2024, 9, 30 ) );
  CHECK( text.mid( found.at( 4 ).offset(), found.at( 4 ).phrase().size() ) == found.at( 4 ).phrase() );

  // The same text in NFD finds the same phrases (in NFC).
  const QVector<RtDeadline> nfd = RtDeadline::findAll( text.normalized( QString::NormalizationForm_D ), sTerm, sIssued );
  REQUIRE( nfd.size() == found.size() );
  CHECK( nfd.at( 0 ).phrase() == found.at( 0 ).phrase() );
  CHECK( nfd.at( 5 ).date() == QDate( 2025, 12, 31 ) );

  // What had been done by a date is not a deadline; nor is a half year that names a kind of resolution.
  const QVector<RtDeadline> past = RtDeadline::findAll( QStringLiteral( "đến hết tháng 6/2023 đã có 14/16 chỉ tiêu đạt; các Nghị quyết "
                                                                        "hàng năm, 6 tháng cuối năm; hoàn thành trong 6 tháng cuối năm 2024" ), sTerm );
  REQUIRE( past.size() == 2 );
  CHECK( past.at( 0 ).phrase() == QStringLiteral( "hàng năm" ) );
  CHECK( past.at( 1 ).phrase() == QStringLiteral( "trong 6 tháng cuối năm 2024" ) );

  // The party congress's term is not the council's.
  CHECK( RtDeadline::findAll( QStringLiteral( "nhiệm vụ nửa cuối nhiệm kỳ Đại hội Đảng bộ Thành phố" ), sTerm ).isEmpty() );
}

TEST_CASE( "the summary counts only passed due dates as overdue", "[deadline]" )
{
  QVector<RtTask> tasks;
  for ( const char *phrase : { "trước ngày 31/12/2024", "hàng quý", "thường xuyên", "sớm nhất có thể", "", "kỳ họp giữa năm 2025" } )
  {
    RtTask t;
    t.id = QString::fromUtf8( phrase );
    t.category = QStringLiteral( "quy_hoach" );
    t.status = RtStatus::InProgress;
    t.deadline = read( QString::fromUtf8( phrase ) );
    tasks << t;
  }
  const RtSummary s = RtSummary::compute( tasks, QDate( 2026, 1, 1 ) );
  REQUIRE( s.overdue.size() == 2 );
  CHECK( s.overdue.at( 0 ).id == QStringLiteral( "trước ngày 31/12/2024" ) );
  CHECK( s.overdue.at( 1 ).id == QStringLiteral( "kỳ họp giữa năm 2025" ) );
  CHECK( RtSummary::compute( tasks, QDate( 2025, 7, 31 ) ).overdue.size() == 1 );
}
