#include "rttasksasof.h"
#include "rttr.h"

#include <QSet>

QDate RtTasksAsOf::earliest( const RtDocumentInfo &document )
{
  return document.date;
}

RtStatusResult RtTasksAsOf::check( const RtDocumentInfo &document, const QDate &date )
{
  if ( !date.isValid() )
    return rtFail( rtMsg( "RtTasksAsOf", "no valid as-of date given; use YYYY-MM-DD" ) );
  const QDate first = earliest( document );
  if ( first.isValid() && date < first )
  {
    const QString resolution = document.number.isEmpty() ? rtMsg( "RtTasksAsOf", "the resolution" )
                               : rtMsg( "RtTasksAsOf", "the resolution (%1)" ).arg( document.number );
    return rtFail( rtMsg( "RtTasksAsOf", "the as-of date %1 is before %2 of %3: its tasks had no status yet; choose %3 or later" )
                   .arg( date.toString( Qt::ISODate ), resolution, first.toString( Qt::ISODate ) ) );
  }
  return rtOk();
}

namespace
{
  //! Gives each of \a tasks its latest value measured on or before \a date.
  RtStatusResult withLatestValues( const RtStore &store, const QDate &date, QVector<RtTask> &tasks )
  {
    const RtResult<QHash<QString, RtValueEntry>> values = store.valuesAsOf( date );
    if ( !values.ok() )
      return RtStatusResult::failureFrom( values );
    for ( RtTask &task : tasks )
    {
      const auto it = values.value().constFind( task.id );
      task.latestValue = it == values.value().constEnd() ? std::nullopt : std::optional<RtValueEntry>( *it );
    }
    return rtOk();
  }
}

RtResult<QVector<RtTask>> RtTasksAsOf::read( const RtStore &store, const QDate &date, QVector<RtTask> *current,
    const QStringList &resolutions )
{
  using Result = RtResult<QVector<RtTask>>;
  RtResult<QVector<RtTask>> asOf = store.tasksAsOf( date, resolutions );
  if ( !asOf.ok() )
    return asOf;
  const RtStatusResult valued = withLatestValues( store, date, asOf.value() );
  if ( !valued.ok() )
    return Result::failureFrom( valued );
  if ( !current )
    return asOf;
  // The same tasks (those of the resolutions passed by then) with their current status.
  const RtResult<QVector<RtTask>> now = store.tasks( resolutions );
  if ( !now.ok() )
    return Result::failureFrom( now );
  QSet<QString> ids;
  for ( const RtTask &t : asOf.value() )
    ids.insert( t.id );
  current->clear();
  for ( const RtTask &t : now.value() )
  {
    if ( ids.contains( t.id ) )
      current->append( t );
  }
  // Current: the latest value ever reported, as the current status is the latest ever set.
  const RtStatusResult currentValued = withLatestValues( store, QDate( 9999, 12, 31 ), *current );
  if ( !currentValued.ok() )
    return Result::failureFrom( currentValued );
  return asOf;
}
