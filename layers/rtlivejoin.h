#ifndef RTLIVEJOIN_H
#define RTLIVEJOIN_H

#include "rtjoin.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QVector>

#include <vector>

/**
 * \brief A join kept up to date as tasks change: the map's side of a status change.
 *
 * The first update() runs RtJoin::join(). Later ones compare the tasks with those of the
 * previous update: when only statuses (or whether a task is overdue) changed, and the
 * tasks, their order, their places and the as-of date are the same, only the features
 * linked to the changed tasks are recounted, from the links the full join found. Any
 * other difference (a task added or removed, a place linked or unlinked, another date)
 * runs the full join again. Either way result() equals RtJoin::join() on the same input.
 *
 * On a 1,000,000-parcel layer the full join takes about 0.14 s and a status change that
 * touches a few parcels a few microseconds (tests/bench/RESULTS.md).
 */
class RtLiveJoin
{
  public:
    //! What an update() changed.
    struct Change
    {
      bool full = false;        //!< everything was recomputed (features lists nothing then)
      QVector<int> features;    //!< otherwise: indexes (input order) of the features recounted
    };

    RtLiveJoin() = default;
    //! \a options: which tasks colour a place (RtJoinOptions::withDirectives); task ids are always collected.
    RtLiveJoin( QVector<RtFeatureKey> features, RtKeyBinding binding, const RtJoinOptions &options = RtJoinOptions() );

    //! Brings result() up to \a tasks (their status as of \a asOf, see RtJoin::join()).
    Change update( const QVector<RtTask> &tasks, const QDate &asOf );

    const QVector<RtFeatureKey> &features() const { return mFeatures; }
    const RtKeyBinding &binding() const { return mBinding; }
    const RtJoinOptions &options() const { return mOptions; }
    //! The result of the last update(); empty before the first.
    const RtJoinResult &result() const { return mResult; }
    //! Indexes (input order) of the features \a taskId is linked to.
    QVector<int> featuresOfTask( const QString &taskId ) const { return mFeaturesOfTask.value( taskId ); }
    //! Index of the feature \a fid in input order, -1 when unknown.
    int indexOfFid( qint64 fid ) const { return mIndexOfFid.value( fid, -1 ); }

  private:
    //! The part of a task the links depend on; another one needs the full join.
    struct TaskLinks
    {
      QString id;
      QStringList places;
      bool directive = false;  //!< whether it colours a place only where no commitment does
    };
    //! The part of a task the counts depend on.
    struct TaskState
    {
      RtStatus status = RtStatus::NoReport;
      bool overdue = false;
      bool operator!=( const TaskState &o ) const { return status != o.status || overdue != o.overdue; }
    };
    static TaskState stateOf( const RtTask &task, const QDate &asOf );
    void fullJoin( const QVector<RtTask> &tasks, const QDate &asOf );

    QVector<RtFeatureKey> mFeatures;
    RtKeyBinding mBinding;
    RtJoinOptions mOptions;
    QHash<qint64, int> mIndexOfFid;
    bool mJoined = false;
    bool mDuplicateIds = false;
    QDate mAsOf;
    RtJoinResult mResult;
    std::vector<TaskLinks> mLinks;
    std::vector<TaskState> mStates;
    QHash<QString, int> mIndexOfTask;
    QHash<QString, QVector<int>> mFeaturesOfTask;
};

#endif // RTLIVEJOIN_H
