#ifndef RTLANG_H
#define RTLANG_H

#include <QString>

//! The two languages every user-facing label of the core exists in.
enum class RtLang
{
  Vi, //!< Vietnamese, the default
  En
};

//! Parses "vi" or "en" (case-insensitive); returns false for anything else.
inline bool rtParseLang( const QString &code, RtLang &lang )
{
  const QString c = code.trimmed().toLower();
  if ( c == QLatin1String( "vi" ) ) { lang = RtLang::Vi; return true; }
  if ( c == QLatin1String( "en" ) ) { lang = RtLang::En; return true; }
  return false;
}

#endif // RTLANG_H
