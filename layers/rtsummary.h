#ifndef RTSUMMARY_H
#define RTSUMMARY_H

#include "rtstatus.h"
#include "rttask.h"
#include "rtvalue.h"

#include <QDate>
#include <QHash>
#include <QMap>
#include <QString>
#include <QVector>

/**
 * \brief Tasks counted by status and category as of a date, with the overdue ones.
 *
 * A task is overdue when its deadline has passed on the as-of date and it is neither
 * done nor dropped. Overdue tasks are listed by deadline, oldest first. Tasks with a
 * target are listed with their latest measured value as of the date and its share of the
 * target (RtTarget::share()), where the target states a number and the units agree.
 */
struct RtSummary
{
  //! A task with a target and its progress.
  struct Progress
  {
    RtTask task;
    std::optional<RtValueEntry> latest;  //!< the latest value measured on or before the as-of date
    std::optional<double> share;         //!< latest value / numeric target (0.624 for 312 of 500)
  };

  QDate asOf;
  int total = 0;
  QMap<RtStatus, int> byStatus;
  QMap<QString, QMap<RtStatus, int>> byCategory; //!< category code → status → count
  QVector<RtTask> overdue;
  QVector<RtTask> tasks; //!< all tasks, overdue first, then by status and category
  QVector<Progress> progress; //!< every task with a target, in register order

  /**
   * \a tasks must carry their status as of \a asOf; \a values holds each task's latest
   * value as of \a asOf (RtStore::valuesAsOf()).
   */
  static RtSummary compute( const QVector<RtTask> &tasks, const QDate &asOf, const QHash<QString, RtValueEntry> &values = {} );
};

#endif // RTSUMMARY_H
