#include "rtdeadline.h"
#include "rttr.h"

#include <QRegularExpression>
#include <algorithm>

namespace
{
  enum class Rule
  {
    Day,            // [marker] [ngày] 31/12/2024
    DayWords,       // [marker] ngày 31 tháng 12 năm 2024 (the year may be left out)
    DayNoYear,      // [marker] ngày 31/12
    Month,          // [marker] tháng 6/2024, tháng 6 năm 2024
    MonthNoYear,    // [marker] tháng 6
    Quarter,        // [marker] quý III/2024, quý 3 năm 2024
    QuarterNoYear,  // [marker] quý III
    Half,           // [marker] 6 tháng đầu/cuối năm [2024]
    Year,           // [marker] năm 2024
    YearNoYear,     // marker năm [nay]
    Period,         // [marker] giai đoạn 2021 - 2025
    Session,        // [tại] kỳ họp cuối/giữa năm [2024]
    Term,           // hết/cuối/trong nhiệm kỳ [2021 - 2026]
    Recurring,      // [định kỳ] hàng năm/quý/tháng/tuần
    RecurringHalf,  // định kỳ 6 tháng [một lần], 6 tháng một lần
    Ongoing,        // thường xuyên[, liên tục]
    OngoingAlone,   // liên tục (only as a whole phrase: in running text it is an adverb)
    BareYear,       // 2025 (only as a whole phrase: a table's "Thời gian thực hiện" cell)
    BarePeriod,     // 2024 - 2025 (the same)
  };

  struct Pattern
  {
    Rule rule;
    QRegularExpression re;
    bool inText;        //!< findAll() looks for it in running text
    bool markerInText;  //!< … and only with its marker ("trong năm 2024", not "năm 2024")
  };

  // Pieces of the grammar. Text is matched in NFC; case does not matter.
  const char *const START = R"((?<![\p{L}\p{M}\p{N}])(?<!tính\s))";   // "tính đến ngày …" is "as of", not a deadline
  const char *const END = R"((?![\p{L}\p{M}\p{N}]))";
  const char *const DASH = R"([-‐‑‒–—−])";
  const char *const DAY_MARKER = R"((?:(?<mk>trước|chậm\s+nhất(?:\s+(?:là|vào|đến))?|muộn\s+nhất(?:\s+(?:là|vào))?|đến\s+hết|đến|hết|trong|vào)\s+))";
  const char *const PERIOD_MARKER = R"((?:(?<mk>trước|chậm\s+nhất(?:\s+(?:là|vào|trong))?|muộn\s+nhất(?:\s+(?:là|vào|trong))?|đến\s+hết|đến|hết|trong|cuối|vào)\s+))";
  const char *const YEAR_OR_ISSUE = R"(\s*(?:[/.\-]|,?\s*năm)\s*(?<y>\d{4}))";
  const char *const QUARTER = R"(qu[ýí]\s+(?<q>IV|I{1,3}|[1-4]))";

  QString piece( const char *text ) { return QString::fromUtf8( text ); }

  QRegularExpression regex( const QString &body )
  {
    return QRegularExpression( piece( START ) + QStringLiteral( "(?:" ) + body + QStringLiteral( ")" ) + piece( END ),
                               QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption );
  }

  const QVector<Pattern> &patterns()
  {
    static const QVector<Pattern> sPatterns = []
    {
      const QString dayMarker = piece( DAY_MARKER );
      const QString periodMarker = piece( PERIOD_MARKER );
      const QString dash = piece( DASH );
      const QString yearOrIssue = piece( YEAR_OR_ISSUE );
      const QString quarter = piece( QUARTER );
      const QString notFollowedByYear = QStringLiteral( "(?!\\s*(?:[/.\\-]|,?\\s*năm)\\s*\\d)" );
      QVector<Pattern> p;
      p << Pattern { Rule::Day, regex( dayMarker + QStringLiteral( "?(?:ngày\\s+)?(?<d>\\d{1,2})\\s*(?<s>[/.\\-])\\s*(?<m>\\d{1,2})\\s*\\k<s>\\s*(?<y>\\d{4})" ) ), true, true };
      p << Pattern { Rule::DayWords, regex( dayMarker + QStringLiteral( "?ngày\\s+(?<d>\\d{1,2})\\s+tháng\\s+(?<m>\\d{1,2})(?:\\s*,?\\s*năm\\s+(?<y>\\d{4}))?" ) ), true, true };
      p << Pattern { Rule::DayNoYear, regex( dayMarker + QStringLiteral( "?ngày\\s+(?<d>\\d{1,2})\\s*/\\s*(?<m>\\d{1,2})(?!\\s*[/.\\-]?\\s*\\d)" ) ), true, true };
      p << Pattern { Rule::Month, regex( periodMarker + QStringLiteral( "?tháng\\s+(?<m>\\d{1,2})" ) + yearOrIssue ), true, true };
      p << Pattern { Rule::MonthNoYear, regex( periodMarker + QStringLiteral( "?tháng\\s+(?<m>\\d{1,2})" ) + notFollowedByYear ), true, true };
      p << Pattern { Rule::Quarter, regex( periodMarker + QStringLiteral( "?" ) + quarter + yearOrIssue ), true, false };
      p << Pattern { Rule::QuarterNoYear, regex( periodMarker + QStringLiteral( "?" ) + quarter + QStringLiteral( "(?![\\p{L}\\p{N}])" ) + notFollowedByYear ), true, true };
      p << Pattern { Rule::Half, regex( QStringLiteral( "(?:(?<mk>trước|chậm\\s+nhất(?:\\s+(?:là|vào|trong))?|đến\\s+hết|hết|trong)\\s+)?(?:0?6|sáu)\\s+tháng\\s+(?<h>đầu|cuối)\\s+năm(?:\\s+(?<y>\\d{4}))?" ) ), true, false };
      p << Pattern { Rule::Year, regex( periodMarker + QStringLiteral( "?năm\\s+(?<y>\\d{4})" ) ), true, true };
      p << Pattern { Rule::YearNoYear, regex( periodMarker + QStringLiteral( "năm(?<nay>\\s+nay)?(?!\\s*\\d)" ) ), true, false };
      p << Pattern { Rule::Period, regex( QStringLiteral( "(?:(?<mk>trong|đến\\s+hết|hết)\\s+)?giai\\s+đoạn\\s*(?<open>\\()?\\s*(?<y1>\\d{4})\\s*%1\\s*(?<y2>\\d{4})(?(open)(?:\\s*\\))?)" ).arg( dash ) ), true, false };
      p << Pattern { Rule::Session, regex( QStringLiteral( "(?:(?<mk>tại|trước|vào)\\s+)?k[ỳì]\\s+họp\\s+(?:thường\\s+lệ\\s+)?(?<w>cuối|giữa)\\s+năm(?:\\s+(?<y>\\d{4}))?" ) ), true, false };
      p << Pattern { Rule::Term, regex( QStringLiteral( "(?<mk>hết|cuối|trong)\\s+(?:nửa\\s+cuối\\s+)?nhiệm\\s+k[ỳì](?!\\s+(?:của\\s+)?đại\\s+hội)(?:\\s+(?<y1>\\d{4})\\s*%1\\s*(?<y2>\\d{4}))?(?:\\s+này)?" ).arg( dash ) ), true, false };
      p << Pattern { Rule::Recurring, regex( QStringLiteral( "(?:định\\s+kỳ\\s+)?h[àằ]ng\\s+(?<p>năm|qu[ýí]|tháng|tuần)" ) ), true, false };
      p << Pattern { Rule::RecurringHalf, regex( QStringLiteral( "định\\s+kỳ\\s+(?:0?6|sáu)\\s+tháng(?:\\s+(?:một|1)\\s+lần)?|(?:0?6|sáu)\\s+tháng\\s+(?:một|1)\\s+lần" ) ), true, false };
      // "chi thường xuyên" is recurrent spending, not a standing duty.
      p << Pattern { Rule::Ongoing, regex( QStringLiteral( "(?<!chi\\s)thường\\s+xuyên(?:\\s*(?:,|và)\\s*liên\\s+tục)?" ) ), true, false };
      p << Pattern { Rule::OngoingAlone, regex( QStringLiteral( "liên\\s+tục" ) ), false, false };
      p << Pattern { Rule::BareYear, regex( QStringLiteral( "(?<y>\\d{4})" ) ), false, false };
      p << Pattern { Rule::BarePeriod, regex( QStringLiteral( "(?<y1>\\d{4})\\s*%1\\s*(?<y2>\\d{4})" ).arg( dash ) ), false, false };
      return p;
    }();
    return sPatterns;
  }

  int romanOrNumber( const QString &text )
  {
    const QString t = text.toUpper();
    if ( t == QLatin1String( "I" ) ) return 1;
    if ( t == QLatin1String( "II" ) ) return 2;
    if ( t == QLatin1String( "III" ) ) return 3;
    if ( t == QLatin1String( "IV" ) ) return 4;
    return t.toInt();
  }

  bool plausibleYear( int year ) { return year >= 1900 && year <= 2200; }
}

//! Turns one match of the grammar into a deadline (kept apart so RtDeadline's fields stay private).
struct RtDeadlineGrammar
{
  static void set( RtDeadline &d, RtDeadline::Kind kind, const QDate &date = QDate(), RtDeadline::Period period = RtDeadline::Period::None )
  {
    d.mKind = kind;
    d.mDate = kind == RtDeadline::Kind::Date ? date : QDate();
    d.mPeriod = period;
    d.mProblem.clear();
  }

  static void undated( RtDeadline &d, const QString &problem )
  {
    set( d, RtDeadline::Kind::Undated );
    d.mProblem = problem;
  }

  //! Due by the last day of [first, last], or the day before \a first after "trước".
  static void due( RtDeadline &d, const QString &marker, const QDate &first, const QDate &last )
  {
    if ( !first.isValid() || !last.isValid() )
    {
      undated( d, rtMsg( "RtDeadline", "there is no such date" ) );
      return;
    }
    const bool before = marker.normalized( QString::NormalizationForm_C ).startsWith( QStringLiteral( "trước" ), Qt::CaseInsensitive );
    set( d, RtDeadline::Kind::Date, before ? first.addDays( -1 ) : last );
  }

  //! The year written in \a m, or the year of issue; 0 (and \a d undated) when neither is known.
  static int yearOf( RtDeadline &d, const QRegularExpressionMatch &m, const QString &group, const QDate &issued )
  {
    const QString written = m.captured( group );
    if ( !written.isEmpty() )
    {
      if ( plausibleYear( written.toInt() ) )
        return written.toInt();
      undated( d, rtMsg( "RtDeadline", "%1 is not a plausible year" ).arg( written ) );
      return 0;
    }
    if ( issued.isValid() )
      return issued.year();
    undated( d, rtMsg( "RtDeadline", "it names no year, and the date of the resolution is not known" ) );
    return 0;
  }

  static void evaluate( Rule rule, const QRegularExpressionMatch &m, const RtCouncilTerm &term, const QDate &issued, RtDeadline &d )
  {
    const QString marker = m.captured( QStringLiteral( "mk" ) );
    switch ( rule )
    {
      case Rule::Day:
      case Rule::DayWords:
      case Rule::DayNoYear:
      {
        const int year = yearOf( d, m, QStringLiteral( "y" ), issued );
        if ( year == 0 )
          return;
        const QDate day( year, m.captured( QStringLiteral( "m" ) ).toInt(), m.captured( QStringLiteral( "d" ) ).toInt() );
        due( d, marker, day, day );
        return;
      }
      case Rule::Month:
      case Rule::MonthNoYear:
      {
        const int year = yearOf( d, m, QStringLiteral( "y" ), issued );
        if ( year == 0 )
          return;
        const QDate first( year, m.captured( QStringLiteral( "m" ) ).toInt(), 1 );
        due( d, marker, first, first.isValid() ? first.addMonths( 1 ).addDays( -1 ) : QDate() );
        return;
      }
      case Rule::Quarter:
      case Rule::QuarterNoYear:
      {
        const int year = yearOf( d, m, QStringLiteral( "y" ), issued );
        if ( year == 0 )
          return;
        const int q = romanOrNumber( m.captured( QStringLiteral( "q" ) ) );
        const QDate first( year, ( q - 1 ) * 3 + 1, 1 );
        due( d, marker, first, first.addMonths( 3 ).addDays( -1 ) );
        return;
      }
      case Rule::Half:
      {
        const int year = yearOf( d, m, QStringLiteral( "y" ), issued );
        if ( year == 0 )
          return;
        const bool firstHalf = m.captured( QStringLiteral( "h" ) ).normalized( QString::NormalizationForm_C ).compare( QStringLiteral( "đầu" ), Qt::CaseInsensitive ) == 0;
        const QDate first( year, firstHalf ? 1 : 7, 1 );
        due( d, marker, first, first.addMonths( 6 ).addDays( -1 ) );
        return;
      }
      case Rule::Year:
      case Rule::YearNoYear:
      case Rule::BareYear:
      {
        const int year = yearOf( d, m, QStringLiteral( "y" ), issued );
        if ( year == 0 )
          return;
        due( d, marker, QDate( year, 1, 1 ), QDate( year, 12, 31 ) );
        return;
      }
      case Rule::Period:
      case Rule::BarePeriod:
      {
        const int first = m.captured( QStringLiteral( "y1" ) ).toInt();
        const int last = m.captured( QStringLiteral( "y2" ) ).toInt();
        if ( !plausibleYear( first ) || !plausibleYear( last ) )
          undated( d, rtMsg( "RtDeadline", "%1 is not a plausible period" ).arg( m.captured( 0 ) ) );
        else if ( last < first )
          undated( d, rtMsg( "RtDeadline", "the period ends before it starts" ) );
        else
          set( d, RtDeadline::Kind::Date, QDate( last, 12, 31 ) );
        return;
      }
      case Rule::Session:
      {
        const int year = yearOf( d, m, QStringLiteral( "y" ), issued );
        if ( year == 0 )
          return;
        // See the header: the latest month each session is held in.
        const bool yearEnd = m.captured( QStringLiteral( "w" ) ).compare( QStringLiteral( "cuối" ), Qt::CaseInsensitive ) == 0;
        set( d, RtDeadline::Kind::Date, yearEnd ? QDate( year, 12, 31 ) : QDate( year, 7, 31 ) );
        return;
      }
      case Rule::Term:
      {
        int endYear = term.endYear;
        if ( !m.captured( QStringLiteral( "y2" ) ).isEmpty() )
        {
          endYear = m.captured( QStringLiteral( "y2" ) ).toInt();
          if ( !plausibleYear( endYear ) || endYear < m.captured( QStringLiteral( "y1" ) ).toInt() )
          {
            undated( d, rtMsg( "RtDeadline", "%1 is not a plausible term" ).arg( m.captured( 0 ) ) );
            return;
          }
        }
        if ( endYear <= 0 )
          undated( d, rtMsg( "RtDeadline", "it needs the council term (e.g. 2021–2026), which is not set" ) );
        else
          set( d, RtDeadline::Kind::Date, QDate( endYear, 12, 31 ) );
        return;
      }
      case Rule::Recurring:
      {
        const QString p = m.captured( QStringLiteral( "p" ) ).normalized( QString::NormalizationForm_C ).toLower();
        const RtDeadline::Period period = p == QStringLiteral( "năm" ) ? RtDeadline::Period::Year
                                          : p == QStringLiteral( "tháng" ) ? RtDeadline::Period::Month
                                          : p == QStringLiteral( "tuần" ) ? RtDeadline::Period::Week
                                          : RtDeadline::Period::Quarter;
        set( d, RtDeadline::Kind::Recurring, QDate(), period );
        return;
      }
      case Rule::RecurringHalf:
        set( d, RtDeadline::Kind::Recurring, QDate(), RtDeadline::Period::HalfYear );
        return;
      case Rule::Ongoing:
      case Rule::OngoingAlone:
        set( d, RtDeadline::Kind::Ongoing );
        return;
    }
  }

  //! A phrase in running text needs what makes it a deadline rather than a reference.
  static bool acceptedInText( const Pattern &pattern, const QRegularExpressionMatch &m, const QString &text )
  {
    if ( !pattern.inText )
      return false;
    if ( pattern.markerInText && m.captured( QStringLiteral( "mk" ) ).isEmpty() )
      return false;
    if ( pattern.rule == Rule::YearNoYear )
      return !m.captured( QStringLiteral( "nay" ) ).isEmpty(); // "trong năm nay", not "trong năm học"
    // "6 tháng cuối năm" alone names a kind of report as often as a time: with a year or a marker only.
    if ( pattern.rule == Rule::Half && m.captured( QStringLiteral( "y" ) ).isEmpty() && m.captured( QStringLiteral( "mk" ) ).isEmpty() )
      return false;
    // "đến hết tháng 6/2023 đã có 14/16 chỉ tiêu đạt": what had been done by then, not a deadline.
    static const QRegularExpression sPastAfter( QStringLiteral( "\\G\\s*,?\\s*(?:đã|vẫn)(?![\\p{L}\\p{M}])" ),
                                                QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption );
    return !sPastAfter.match( text, m.capturedEnd() ).hasMatch();
  }

  static RtDeadline make( Rule rule, const QRegularExpressionMatch &m, const RtCouncilTerm &term, const QDate &issued )
  {
    RtDeadline d;
    evaluate( rule, m, term, issued, d );
    d.mPhrase = m.captured( 0 );
    d.mOffset = m.capturedStart();
    return d;
  }

  static RtDeadline unrecognised( const QString &phrase )
  {
    RtDeadline d;
    undated( d, rtMsg( "RtDeadline", "the phrase is not one this version can date (a day, month, quarter, year or period with "
                                "\"trước\", \"trong\", \"đến hết\", \"chậm nhất\"; \"hết nhiệm kỳ\"; \"hàng năm\"; \"thường xuyên\"; "
                                "\"kỳ họp cuối năm\")" ) );
    d.mPhrase = phrase;
    d.mOffset = 0;
    return d;
  }
};

QString RtDeadline::kindCode( Kind kind )
{
  switch ( kind )
  {
    case Kind::None: return QStringLiteral( "none" );
    case Kind::Date: return QStringLiteral( "date" );
    case Kind::Recurring: return QStringLiteral( "recurring" );
    case Kind::Ongoing: return QStringLiteral( "ongoing" );
    case Kind::Undated: return QStringLiteral( "undated" );
  }
  return QStringLiteral( "none" );
}

std::optional<RtDeadline::Kind> RtDeadline::kindFromCode( const QString &code )
{
  for ( Kind kind : { Kind::None, Kind::Date, Kind::Recurring, Kind::Ongoing, Kind::Undated } )
    if ( kindCode( kind ) == code )
      return kind;
  return std::nullopt;
}

QString RtDeadline::periodCode( Period period )
{
  switch ( period )
  {
    case Period::None: return QString();
    case Period::Week: return QStringLiteral( "week" );
    case Period::Month: return QStringLiteral( "month" );
    case Period::Quarter: return QStringLiteral( "quarter" );
    case Period::HalfYear: return QStringLiteral( "half_year" );
    case Period::Year: return QStringLiteral( "year" );
  }
  return QString();
}

RtResult<RtDeadline> RtDeadline::parse( const QString &phrase, const RtCouncilTerm &term, const QDate &issued )
{
  const QString p = phrase.normalized( QString::NormalizationForm_C ).trimmed();
  if ( p.isEmpty() )
    return RtResult<RtDeadline>::success( RtDeadline() );
  for ( const Pattern &pattern : patterns() )
  {
    const QRegularExpressionMatch m = pattern.re.match( p );
    if ( !m.hasMatch() || m.capturedStart() != 0 || m.capturedLength() != p.size() )
      continue;
    RtDeadline d = RtDeadlineGrammar::make( pattern.rule, m, term, issued );
    d.mPhrase = phrase.trimmed();
    return RtResult<RtDeadline>::success( d );
  }
  return RtResult<RtDeadline>::success( RtDeadlineGrammar::unrecognised( phrase.trimmed() ) );
}

QVector<RtDeadline> RtDeadline::findAll( const QString &text, const RtCouncilTerm &term, const QDate &issued )
{
  const QString nfc = text.normalized( QString::NormalizationForm_C );
  QVector<RtDeadline> candidates;
  for ( const Pattern &pattern : patterns() )
  {
    auto it = pattern.re.globalMatch( nfc );
    while ( it.hasNext() )
    {
      const QRegularExpressionMatch m = it.next();
      if ( RtDeadlineGrammar::acceptedInText( pattern, m, nfc ) )
        candidates << RtDeadlineGrammar::make( pattern.rule, m, term, issued );
    }
  }
  // Earliest first, the longest of those starting together; then drop what overlaps a kept one.
  std::sort( candidates.begin(), candidates.end(), []( const RtDeadline &a, const RtDeadline &b ) {
    return a.offset() != b.offset() ? a.offset() < b.offset() : a.phrase().size() > b.phrase().size();
  } );
  QVector<RtDeadline> found;
  int end = 0;
  for ( const RtDeadline &d : std::as_const( candidates ) )
  {
    if ( d.offset() < end )
      continue;
    found << d;
    end = d.offset() + static_cast<int>( d.phrase().size() );
  }
  return found;
}
