#ifndef RTDATEPICKER_H
#define RTDATEPICKER_H

#include "rtlocale.h"

#include <qgsdatetimeedit.h>

/**
 * A date picker written as \a lang writes dates, never empty, with a calendar; dates before
 * \a earliest (when valid: the resolution's date, RtTasksAsOf::earliest()) cannot be picked.
 */
inline QgsDateEdit *rtDatePicker( QWidget *parent, const QString &objectName, RtLang lang, const QDate &earliest, const QDate &date )
{
  auto *edit = new QgsDateEdit( parent );
  edit->setObjectName( objectName );
  edit->setAllowNull( false );
  edit->setCalendarPopup( true );
  edit->setLocale( rtLocale( lang ) );
  edit->setDisplayFormat( rtDateFormat( lang ) );
  if ( earliest.isValid() )
    edit->setMinimumDate( earliest );
  edit->setDate( date );
  return edit;
}

#endif // RTDATEPICKER_H
