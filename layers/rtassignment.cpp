#include "rtassignment.h"

#include <QSet>

namespace
{
  bool isToneMark( char16_t c )
  {
    // grave, acute, tilde, hook above, dot below
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
  }

  bool isMark( QChar c )
  {
    const QChar::Category cat = c.category();
    return cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing;
  }

  bool isVowel( QChar c )
  {
    switch ( c.toLower().unicode() )
    {
      case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
        return true;
      default:
        return false;
    }
  }
}

QString RtAssignment::cleanOffice( const QString &office )
{
  return office.normalized( QString::NormalizationForm_C ).simplified();
}

QString RtAssignment::officeKey( const QString &office )
{
  // In NFD each tone mark follows its letter: move it to the end of its vowel group, so
  // the old and the new placement ("Hoà", "Hòa") give one key; then back to NFC.
  const QString s = cleanOffice( office ).normalized( QString::NormalizationForm_D );
  QString out;
  out.reserve( s.size() );
  QChar tone;
  bool inGroup = false;
  auto endGroup = [&]()
  {
    if ( !tone.isNull() )
      out.append( tone );
    tone = QChar();
    inGroup = false;
  };
  for ( const QChar c : s )
  {
    if ( isMark( c ) )
    {
      if ( isToneMark( c.unicode() ) && inGroup && tone.isNull() )
        tone = c;
      else
        out.append( c );
      continue;
    }
    if ( isVowel( c ) )
      inGroup = true;
    else
      endGroup();
    out.append( c );
  }
  endGroup();
  return out.normalized( QString::NormalizationForm_C ).toCaseFolded();
}

bool RtAssignment::sameOffices( const RtAssignment &other ) const
{
  if ( officeKey( lead ) != officeKey( other.lead ) )
    return false;
  QSet<QString> mine;
  QSet<QString> theirs;
  for ( const QString &o : with )
    mine.insert( officeKey( o ) );
  for ( const QString &o : other.with )
    theirs.insert( officeKey( o ) );
  return mine == theirs;
}
