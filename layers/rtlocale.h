#ifndef RTLOCALE_H
#define RTLOCALE_H

#include "rtlang.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

/**
 * \brief The locale dates and numbers are written in for a language of the plugin.
 *
 * The user interface speaks rtUiLanguage() (plugin/i18n/rttranslator.h), which RtPlugin gives
 * the tracker (RtTracker::language()): pass that for texts of the panel and dialogs. The
 * council map passes the language the export was asked in (RtMapExportOptions::lang).
 *
 * Vietnamese: vi_VN (13/10/2023, 1.234); English: the English locale (10/13/2023, 1,234).
 */
inline QLocale rtLocale( RtLang lang )
{
  return lang == RtLang::Vi ? QLocale( QLocale::Vietnamese, QLocale::Vietnam ) : QLocale( QLocale::English );
}

//! The locale's short date format with a four-digit year (for labels and date pickers alike).
inline QString rtDateFormat( const QLocale &locale )
{
  QString format = locale.dateFormat( QLocale::ShortFormat );
  if ( !format.contains( QLatin1String( "yyyy" ) ) )
    format.replace( QLatin1String( "yy" ), QLatin1String( "yyyy" ) );
  return format;
}

inline QString rtDateFormat( RtLang lang )
{
  return rtDateFormat( rtLocale( lang ) );
}

//! A date as the locale of \a lang writes it (short format, four-digit year).
inline QString rtDateText( const QDate &date, RtLang lang )
{
  const QLocale locale = rtLocale( lang );
  return locale.toString( date, rtDateFormat( locale ) );
}

//! A date and time (hours and minutes) as the locale of \a lang writes them.
inline QString rtDateTimeText( const QDateTime &dateTime, RtLang lang )
{
  const QLocale locale = rtLocale( lang );
  return locale.toString( dateTime, rtDateFormat( locale ) + QLatin1Char( ' ' ) + locale.timeFormat( QLocale::ShortFormat ) );
}

//! A count with the group separators of the locale of \a lang (1.234 / 1,234).
inline QString rtNumberText( qlonglong number, RtLang lang )
{
  return rtLocale( lang ).toString( number );
}

#endif // RTLOCALE_H
