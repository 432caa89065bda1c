#include "rtdeadline.h"

#include <QRegularExpression>
#include <algorithm>

namespace
{
  enum class Rule { EndOfYear, BeforeYear, PeriodEnd, EndOfTerm, Yearly };

  struct Pattern
  {
    Rule rule;
    QRegularExpression re;
  };

  const QVector<Pattern> &patterns()
  {
    const auto opts = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
    static const QVector<Pattern> sPatterns =
    {
      { Rule::EndOfYear, QRegularExpression( QStringLiteral( "đến\\s+(?:hết\\s+)?năm\\s+(\\d{4})" ), opts ) },
      { Rule::BeforeYear, QRegularExpression( QStringLiteral( "trước\\s+năm\\s+(\\d{4})" ), opts ) },
      { Rule::PeriodEnd, QRegularExpression( QStringLiteral( "giai\\s+đoạn\\s*\\(?\\s*(\\d{4})\\s*[-–—]\\s*(\\d{4})\\s*\\)?" ), opts ) },
      { Rule::EndOfTerm, QRegularExpression( QStringLiteral( "hết\\s+nhiệm\\s+k[ỳì]" ), opts ) },
      { Rule::Yearly, QRegularExpression( QStringLiteral( "h[àằ]ng\\s+năm" ), opts ) },
    };
    return sPatterns;
  }

  QDate endOfYear( int year ) { return QDate( year, 12, 31 ); }
}

// Sets the kind and date of one matched phrase; an error when the phrase needs facts we lack.
static RtStatusResult fromMatch( Rule rule, const QRegularExpressionMatch &m, const RtCouncilTerm &term,
                                 RtDeadline::Kind &kind, QDate &date )
{
  kind = RtDeadline::Kind::Date;
  switch ( rule )
  {
    case Rule::EndOfYear:
      date = endOfYear( m.captured( 1 ).toInt() );
      break;
    case Rule::BeforeYear:
      date = endOfYear( m.captured( 1 ).toInt() - 1 );
      break;
    case Rule::PeriodEnd:
      if ( m.captured( 2 ).toInt() < m.captured( 1 ).toInt() )
        return rtFail( QStringLiteral( "period '%1' ends before it starts" ).arg( m.captured( 0 ) ) );
      date = endOfYear( m.captured( 2 ).toInt() );
      break;
    case Rule::EndOfTerm:
      if ( term.endYear <= 0 )
        return rtFail( QStringLiteral( "'%1' needs the council term (e.g. 2021–2026), which is not set" ).arg( m.captured( 0 ) ) );
      date = endOfYear( term.endYear );
      break;
    case Rule::Yearly:
      kind = RtDeadline::Kind::Recurring;
      date = QDate();
      break;
  }
  return rtOk();
}

RtResult<RtDeadline> RtDeadline::parse( const QString &phrase, const RtCouncilTerm &term )
{
  const QString p = phrase.normalized( QString::NormalizationForm_C ).trimmed();
  RtDeadline d;
  if ( p.isEmpty() )
    return RtResult<RtDeadline>::success( d );
  for ( const Pattern &pattern : patterns() )
  {
    const QRegularExpressionMatch m = pattern.re.match( p );
    if ( !m.hasMatch() || m.capturedStart() != 0 || m.capturedLength() != p.size() )
      continue;
    const RtStatusResult r = fromMatch( pattern.rule, m, term, d.mKind, d.mDate );
    if ( !r.ok() )
      return RtResult<RtDeadline>::failure( r.error() );
    d.mPhrase = phrase.trimmed();
    d.mOffset = 0;
    return RtResult<RtDeadline>::success( d );
  }
  return RtResult<RtDeadline>::failure(
           QStringLiteral( "unrecognised deadline phrase '%1'; understood: \"đến hết năm YYYY\", \"đến năm YYYY\", "
                           "\"trước năm YYYY\", \"giai đoạn YYYY - YYYY\", \"hết nhiệm kỳ\", \"hàng năm\"" ).arg( phrase ) );
}

QVector<RtDeadline> RtDeadline::findAll( const QString &text, const RtCouncilTerm &term )
{
  QVector<RtDeadline> found;
  for ( const Pattern &pattern : patterns() )
  {
    auto it = pattern.re.globalMatch( text );
    while ( it.hasNext() )
    {
      const QRegularExpressionMatch m = it.next();
      RtDeadline d;
      // An unknown council term leaves "hết nhiệm kỳ" without a date, but it is still a deadline phrase.
      fromMatch( pattern.rule, m, term, d.mKind, d.mDate );
      d.mPhrase = m.captured( 0 ).trimmed();
      d.mOffset = m.capturedStart();
      found << d;
    }
  }
  std::sort( found.begin(), found.end(), []( const RtDeadline &a, const RtDeadline &b ) { return a.offset() < b.offset(); } );
  return found;
}
