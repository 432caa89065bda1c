#ifndef RTSUMMARY_H
#define RTSUMMARY_H

#include "rtstatus.h"
#include "rttask.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <QVector>

/**
 * \brief Tasks counted by status and category as of a date, with the overdue ones.
 *
 * A task is overdue when its deadline has passed on the as-of date and it is neither
 * done nor dropped. Overdue tasks are listed by deadline, oldest first.
 */
struct RtSummary
{
  QDate asOf;
  int total = 0;
  QMap<RtStatus, int> byStatus;
  QMap<QString, QMap<RtStatus, int>> byCategory; //!< category code → status → count
  QVector<RtTask> overdue;
  QVector<RtTask> tasks; //!< all tasks, overdue first, then by status and category

  //! \a tasks must carry their status as of \a asOf.
  static RtSummary compute( const QVector<RtTask> &tasks, const QDate &asOf );
};

#endif // RTSUMMARY_H
