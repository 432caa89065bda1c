#ifndef RTEXPRESSIONINDEX_H
#define RTEXPRESSIONINDEX_H

#include "rtjoin.h"
#include "rtresult.h"
#include "rttask.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

//! The status of one place key as the expression functions answer it.
struct RtPlaceStatus
{
  RtFeatureStatus status = RtFeatureStatus::None;  //!< None: no task names the place
  double shareDone = 0;                            //!< as the join's rt_share_done
  QStringList taskIds;                             //!< in task order, as the join's rt_tasks
};

/**
 * \brief Every place key the tasks name, with its aggregated status as of a date: what the
 * expression functions rt_status(), rt_tasks() and rt_share_done() look up per feature.
 *
 * Built once from the tasks as of a date (no store access per feature): for each kind, the
 * distinct keys the tasks name are joined as features with RtJoin::join(), so a key's
 * status, tasks and share are exactly what a layer feature of that key gets from the join.
 * Keys are compared as the join compares codes (RtPlaceKey: trimmed, case-insensitive,
 * leading zeros kept; "06715/12/345" composite for parcels). Immutable once built: shared
 * between threads (labels and styles are drawn on render threads).
 */
class RtPlaceStatusIndex
{
    Q_DECLARE_TR_FUNCTIONS( RtPlaceStatusIndex )

  public:
    RtPlaceStatusIndex() = default;
    //! \a tasks with their status as of \a asOf (RtTasksAsOf::read(), RtTracker::tasksAsOf()).
    RtPlaceStatusIndex( const QVector<RtTask> &tasks, const QDate &asOf );

    QDate asOf() const { return mAsOf; }

    /**
     * The status of \a key: "kind:key" ("zone:A3", "ward:06715", "parcel:06715/12/345"), or a
     * bare key ("A3", "06715") when only one kind of place has it. A key no task names has
     * status None (as a feature without tasks). Refused, with a message: an unknown kind, and
     * a bare key that places of several kinds have (the kind must then be written).
     */
    RtResult<RtPlaceStatus> find( const QString &key ) const;

    //! The place kinds a key can have: ward, zone, site, parcel.
    static QStringList kinds();

  private:
    QDate mAsOf;
    QHash<QString, RtPlaceStatus> mPlaces;      //!< kind + '\n' + normalised key
    QHash<QString, QStringList> mKindsOfKey;    //!< normalised key → the kinds that name it
};

#endif // RTEXPRESSIONINDEX_H
