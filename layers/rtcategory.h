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

  /**
   * A category suggested for a task from its wording, for a draft to be reviewed: each
   * category's words ("quy hoạch", "đất", "giải phóng mặt bằng", "du lịch", "quốc phòng" …)
   * counted in \a text, three times over in its first sentence (what the task is about),
   * the most frequent first; "hanh_chinh" when none occurs. NFC/NFD and case do not matter.
   */
  QString suggest( const QString &text );
}

#endif // RTCATEGORY_H
