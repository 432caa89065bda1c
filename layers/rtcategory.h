#ifndef RTCATEGORY_H
#define RTCATEGORY_H

#include "rtlang.h"

#include <QString>
#include <QStringList>

/**
 * \brief The task categories (lĩnh vực) of the register, with their labels.
 *
 * Categories are stored as stable ASCII codes ("quy_hoach"); labels are for display.
 */
namespace RtCategories
{
  //! All known codes, in display order.
  QStringList codes();

  bool isKnown( const QString &code );

  //! Label in the given language; the code itself for an unknown code.
  QString label( const QString &code, RtLang lang );
}

#endif // RTCATEGORY_H
