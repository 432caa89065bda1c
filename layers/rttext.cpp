#include "rttext.h"

#include <QRegularExpression>

QString RtText::stripEmphasis( const QString &text )
{
  QString out = text;
  out.remove( QLatin1Char( '*' ) );
  return out;
}

int RtText::superscriptDigitValue( QChar c )
{
  switch ( c.unicode() )
  {
    case 0x2070: return 0;
    case 0x00B9: return 1;
    case 0x00B2: return 2;
    case 0x00B3: return 3;
    default:
      if ( c.unicode() >= 0x2074 && c.unicode() <= 0x2079 )
        return c.unicode() - 0x2074 + 4;
      return -1;
  }
}

QString RtText::stripFootnoteMarkers( const QString &text )
{
  QString out;
  out.reserve( text.size() );
  for ( int i = 0; i < text.size(); )
  {
    // "m²" and "km³" are units, not footnotes; a run of more than three superscript digits
    // is text, not a footnote number.
    if ( superscriptDigitValue( text.at( i ) ) >= 0 && !( i > 0 && text.at( i - 1 ) == QLatin1Char( 'm' ) ) )
    {
      int end = i;
      while ( end < text.size() && superscriptDigitValue( text.at( end ) ) >= 0 )
        ++end;
      if ( end - i > maxFootnoteDigits )
        out.append( text.mid( i, end - i ) );
      i = end;
      continue;
    }
    out.append( text.at( i++ ) );
  }
  return out;
}

QString RtText::normalizeForMatch( const QString &text )
{
  static const QRegularExpression sSpaces( QStringLiteral( "\\s+" ) );
  QString out = stripFootnoteMarkers( stripEmphasis( text.normalized( QString::NormalizationForm_C ) ) );
  out.replace( sSpaces, QStringLiteral( " " ) );
  return out.trimmed();
}

QString RtText::foldForSearch( const QString &text )
{
  // NFD splits a letter from its marks; dropping the marks leaves the base letter.
  const QString decomposed = text.normalized( QString::NormalizationForm_D );
  QString out;
  out.reserve( decomposed.size() );
  for ( const QChar c : decomposed )
  {
    if ( c.category() == QChar::Mark_NonSpacing )
      continue;
    if ( c == QChar( 0x0111 ) || c == QChar( 0x0110 ) ) // đ Đ do not decompose
      out.append( QLatin1Char( 'd' ) );
    else
      out.append( c.toLower() );
  }
  return out;
}
