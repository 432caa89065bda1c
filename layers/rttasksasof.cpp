#include "rttasksasof.h"

QDate RtTasksAsOf::earliest( const RtDocumentInfo &document )
{
  return document.date;
}

RtStatusResult RtTasksAsOf::check( const RtDocumentInfo &document, const QDate &date )
{
  if ( !date.isValid() )
    return rtFail( QStringLiteral( "no valid as-of date given; use YYYY-MM-DD" ) );
  const QDate first = earliest( document );
  if ( first.isValid() && date < first )
  {
    const QString resolution = document.number.isEmpty() ? QStringLiteral( "the resolution" )
                               : QStringLiteral( "the resolution (%1)" ).arg( document.number );
    return rtFail( QStringLiteral( "the as-of date %1 is before %2 of %3: its tasks had no status yet; choose %3 or later" )
                   .arg( date.toString( Qt::ISODate ), resolution, first.toString( Qt::ISODate ) ) );
  }
  return rtOk();
}

RtResult<QVector<RtTask>> RtTasksAsOf::read( const RtStore &store, const QDate &date, QVector<RtTask> *current )
{
  using Result = RtResult<QVector<RtTask>>;
  const RtStatusResult allowed = check( store.document(), date );
  if ( !allowed.ok() )
    return Result::failureFrom( allowed );
  RtResult<QVector<RtTask>> tasks = store.tasks();
  if ( !tasks.ok() )
    return tasks;
  const RtResult<QHash<QString, RtStatus>> statuses = store.statusesAsOf( date );
  if ( !statuses.ok() )
    return Result::failureFrom( statuses );
  if ( current )
    *current = tasks.value();
  QVector<RtTask> out = tasks.takeValue();
  for ( RtTask &t : out )
    t.status = statuses.value().value( t.id, RtStatus::NoReport );
  return Result::success( std::move( out ) );
}
