#include "rtlivejoin.h"

#include <algorithm>

RtLiveJoin::RtLiveJoin( QVector<RtFeatureKey> features, RtKeyBinding binding, const RtJoinOptions &options )
  : mFeatures( std::move( features ) )
  , mBinding( std::move( binding ) )
  , mOptions( options )
{
  mOptions.collectTaskIds = true; // the recount goes through each feature's task ids
  mIndexOfFid.reserve( mFeatures.size() );
  for ( int i = 0; i < mFeatures.size(); ++i )
    mIndexOfFid.insert( mFeatures.at( i ).fid, i );
}

RtLiveJoin::TaskState RtLiveJoin::stateOf( const RtTask &task, const QDate &asOf )
{
  // The same test RtJoin::join() applies.
  TaskState s;
  s.status = task.status;
  s.overdue = RtStatuses::isOverdue( task.status, task.deadline, asOf );
  return s;
}

void RtLiveJoin::fullJoin( const QVector<RtTask> &tasks, const QDate &asOf )
{
  mResult = RtJoin::join( mFeatures, mBinding, tasks, asOf, mOptions );
  mAsOf = asOf;
  mJoined = true;
  mLinks.clear();
  mStates.clear();
  mIndexOfTask.clear();
  mDuplicateIds = false;
  mLinks.reserve( static_cast<size_t>( tasks.size() ) );
  mStates.reserve( static_cast<size_t>( tasks.size() ) );
  for ( int t = 0; t < tasks.size(); ++t )
  {
    const RtTask &task = tasks.at( t );
    mLinks.push_back( TaskLinks { task.id, task.places, RtJoin::isDirective( task ) } );
    mStates.push_back( stateOf( task, asOf ) );
    if ( mIndexOfTask.contains( task.id ) )
      mDuplicateIds = true; // links name tasks by id: recounting could not tell them apart
    mIndexOfTask.insert( task.id, t );
  }
  mFeaturesOfTask.clear();
  for ( int i = 0; i < mResult.features.size(); ++i )
    for ( const QString &id : mResult.features.at( i ).taskIds )
      mFeaturesOfTask[id].append( i );
}

RtLiveJoin::Change RtLiveJoin::update( const QVector<RtTask> &tasks, const QDate &asOf )
{
  Change change;
  bool sameLinks = mJoined && !mDuplicateIds && asOf == mAsOf && static_cast<size_t>( tasks.size() ) == mLinks.size();
  QVector<int> changedTasks;
  for ( int t = 0; sameLinks && t < tasks.size(); ++t )
  {
    const RtTask &task = tasks.at( t );
    const TaskLinks &before = mLinks[static_cast<size_t>( t )];
    if ( task.id != before.id || task.places != before.places || RtJoin::isDirective( task ) != before.directive )
      sameLinks = false;
    else if ( stateOf( task, asOf ) != mStates[static_cast<size_t>( t )] )
      changedTasks.append( t );
  }
  if ( !sameLinks )
  {
    fullJoin( tasks, asOf );
    change.full = true;
    return change;
  }

  // Only counts changed: recount the features of the changed tasks from the known links.
  for ( int t : std::as_const( changedTasks ) )
  {
    mStates[static_cast<size_t>( t )] = stateOf( tasks.at( t ), asOf );
    change.features += mFeaturesOfTask.value( tasks.at( t ).id );
  }
  std::sort( change.features.begin(), change.features.end() );
  change.features.erase( std::unique( change.features.begin(), change.features.end() ), change.features.end() );
  for ( int i : std::as_const( change.features ) )
  {
    RtFeatureResult &r = mResult.features[i];
    RtStatusCounts commitments, directives;
    for ( const QString &id : std::as_const( r.taskIds ) )
    {
      const size_t t = static_cast<size_t>( mIndexOfTask.value( id ) );
      const TaskState &s = mStates[t];
      ( mLinks[t].directive ? directives : commitments ).add( s.status, s.overdue );
    }
    const RtStatusCounts counts = RtJoin::placeCounts( commitments, directives, mOptions.withDirectives );
    r.status = RtJoin::aggregate( counts );
    r.shareDone = RtJoin::shareDone( counts );
    r.taskCount = commitments.total() + directives.total();
  }
  return change;
}
