// Vietnamese deadline phrases become dates, keeping the words.
#include "catch_compat.h"

#include "rtdeadline.h"

namespace
{
  const RtCouncilTerm sTerm { 2021, 2026 };

  QDate dateOf( const QString &phrase )
  {
    const RtResult<RtDeadline> r = RtDeadline::parse( phrase, sTerm );
    REQUIRE( r.ok() );
    CHECK( r.value().phrase() == phrase );
    return r.value().date();
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

  const RtResult<RtDeadline> yearly = RtDeadline::parse( QStringLiteral( "hàng năm" ), sTerm );
  REQUIRE( yearly.ok() );
  CHECK( yearly.value().kind() == RtDeadline::Kind::Recurring );
  CHECK_FALSE( yearly.value().date().isValid() );

  const RtResult<RtDeadline> none = RtDeadline::parse( QString(), sTerm );
  REQUIRE( none.ok() );
  CHECK( none.value().kind() == RtDeadline::Kind::None );
}

TEST_CASE( "NFD input and unknown phrases", "[deadline]" )
{
  const QString nfd = QStringLiteral( "trước năm 2025" ).normalized( QString::NormalizationForm_D );
  const RtResult<RtDeadline> r = RtDeadline::parse( nfd, sTerm );
  REQUIRE( r.ok() );
  CHECK( r.value().date() == QDate( 2024, 12, 31 ) );

  const RtResult<RtDeadline> bad = RtDeadline::parse( QStringLiteral( "sớm nhất có thể" ), sTerm );
  REQUIRE_FALSE( bad.ok() );
  CHECK( bad.error().contains( QStringLiteral( "unrecognised deadline phrase 'sớm nhất có thể'" ) ) );

  // the end of the term needs the term
  CHECK_FALSE( RtDeadline::parse( QStringLiteral( "hết nhiệm kỳ" ), RtCouncilTerm() ).ok() );
  CHECK_FALSE( RtDeadline::parse( QStringLiteral( "giai đoạn 2025 - 2023" ), sTerm ).ok() );
  // a phrase inside a longer text is not a phrase on its own
  CHECK_FALSE( RtDeadline::parse( QStringLiteral( "phấn đấu trước năm 2025 hoàn thành" ), sTerm ).ok() );
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
