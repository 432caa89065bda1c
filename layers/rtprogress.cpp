#include "rtprogress.h"
#include "rttr.h"
#include "rtlocale.h"

#include <QRegularExpression>

#include <cmath>

std::optional<double> RtProgress::share( const RtTask &task )
{
  if ( !task.latestValue || !task.targetFigure )
    return std::nullopt;
  return task.targetFigure->share( task.latestValue->value, task.latestValue->unit );
}

QString RtProgress::valueText( double value, const QString &unit, RtLang lang )
{
  QLocale locale = rtLocale( lang );
  locale.setNumberOptions( QLocale::OmitGroupSeparator );
  // None for whole numbers, else up to two decimals without trailing zeros (78,5 not 78,50).
  QString number = locale.toString( value, 'f', value == std::floor( value ) ? 0 : 2 );
  if ( value != std::floor( value ) )
    number.remove( QRegularExpression( QStringLiteral( "[.,]?0+$" ) ) );
  const QString trimmedUnit = unit.trimmed();
  if ( trimmedUnit.isEmpty() )
    return number;
  if ( trimmedUnit == QLatin1String( "%" ) )
    return lang == RtLang::Vi ? number + QStringLiteral( " %" ) : number + trimmedUnit;
  return number + QLatin1Char( ' ' ) + trimmedUnit;
}

QString RtProgress::shareText( double share, RtLang lang )
{
  const double percent = share * 100;
  QLocale locale = rtLocale( lang );
  locale.setNumberOptions( QLocale::OmitGroupSeparator );
  const QString number = locale.toString( percent, 'f', percent < 10 ? 1 : 0 );
  return lang == RtLang::Vi ? number + QStringLiteral( " %" ) : number + QLatin1Char( '%' );
}

QString RtProgress::text( const RtTask &task, const RtValueEntry &value, RtLang lang )
{
  QString out = valueText( value.value, value.unit, lang );
  if ( task.targetFigure )
  {
    if ( const std::optional<double> s = task.targetFigure->share( value.value, value.unit ) )
      out += RtTr( lang ).translate( "RtProgress", " = %1 of target" ).arg( shareText( *s, lang ) );
  }
  if ( value.date.isValid() )
    out += QStringLiteral( " (%1)" ).arg( rtDateText( value.date, lang ) );
  return out;
}

QString RtProgress::text( const RtTask &task, RtLang lang )
{
  return task.latestValue ? text( task, *task.latestValue, lang ) : QString();
}

QString RtProgress::statusText( const RtTask &task, RtLang lang )
{
  const std::optional<double> s = share( task );
  const QString status = RtStatuses::label( task.status, lang );
  return s ? QStringLiteral( "%1 (%2)" ).arg( status, shareText( *s, lang ) ) : status;
}

std::optional<double> RtProgress::parseValue( QString text, bool *percent )
{
  text = text.trimmed();
  *percent = text.endsWith( QLatin1Char( '%' ) );
  if ( *percent )
    text = text.chopped( 1 ).trimmed();
  static const QRegularExpression sNumber( QStringLiteral( "^\\d+(?:[.,]\\d+)?$" ) );
  if ( !sNumber.match( text ).hasMatch() )
    return std::nullopt;
  bool ok = false;
  const double value = text.replace( QLatin1Char( ',' ), QLatin1Char( '.' ) ).toDouble( &ok );
  if ( !ok || !std::isfinite( value ) )
    return std::nullopt;
  return value;
}
