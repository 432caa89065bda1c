#include "rttarget.h"
#include "rtfigures.h"

#include <cmath>

namespace
{
  QString unitKey( const QString &unit )
  {
    return unit.normalized( QString::NormalizationForm_C ).simplified().toCaseFolded();
  }
}

std::optional<RtTarget> RtTarget::fromText( const QString &target )
{
  if ( target.trimmed().isEmpty() )
    return std::nullopt;
  RtClause clause;
  clause.label = QStringLiteral( "target" );
  clause.text = target;
  const QVector<RtFigure> figures = RtFigures::extract( { clause }, RtCouncilTerm() );
  // Several figures ("Dịch vụ: 58%; Công nghiệp - xây dựng: 37%; …") are no single target.
  if ( figures.size() != 1 )
    return std::nullopt;
  const RtFigure &f = figures.constFirst();
  RtTarget t;
  t.comparator = f.comparator.isEmpty() ? QStringLiteral( "=" ) : f.comparator;
  switch ( f.kind )
  {
    case RtFigure::Kind::Percent:
      t.value = f.value;
      t.unit = QStringLiteral( "%" );
      break;
    case RtFigure::Kind::Ratio:
      // "16/16 chỉ tiêu": sixteen indicators (of sixteen) is what is to be reached.
      t.value = f.value;
      t.unit = f.subject;
      break;
    case RtFigure::Kind::Count:
      t.value = f.value;
      t.unit = f.subject;
      break;
  }
  if ( !std::isfinite( t.value ) || t.value <= 0 )
    return std::nullopt;
  return t;
}

std::optional<double> RtTarget::share( double measured, const QString &measuredUnit ) const
{
  if ( value <= 0 || !std::isfinite( measured ) )
    return std::nullopt;
  if ( !measuredUnit.trimmed().isEmpty() && !sameUnit( measuredUnit, unit ) )
    return std::nullopt;
  return measured / value;
}

bool RtTarget::sameUnit( const QString &a, const QString &b )
{
  return unitKey( a ) == unitKey( b );
}
