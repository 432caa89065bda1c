#include "rtsummary.h"
#include "rtcategory.h"

#include <algorithm>

RtSummary RtSummary::compute( const QVector<RtTask> &tasks, const QDate &asOf, const QHash<QString, RtValueEntry> &values )
{
  RtSummary s;
  s.asOf = asOf;
  s.total = tasks.size();
  for ( RtStatus status : RtStatuses::all() )
    s.byStatus[status] = 0;
  for ( const RtTask &t : tasks )
  {
    s.byStatus[t.status] += 1;
    s.byCategory[t.category][t.status] += 1;
    if ( RtStatuses::isOverdue( t.status, t.deadline, asOf ) )
      s.overdue << t;
  }
  std::stable_sort( s.overdue.begin(), s.overdue.end(), []( const RtTask &a, const RtTask &b ) {
    return a.deadline.date() < b.deadline.date();
  } );

  // Overdue first; then by status in vocabulary order, then by category in display order.
  const QVector<RtStatus> statusOrder = RtStatuses::all();
  const QStringList categoryOrder = RtCategories::codes();
  s.tasks = s.overdue;
  QVector<RtTask> rest;
  for ( const RtTask &t : tasks )
  {
    const bool isOverdue = std::any_of( s.overdue.cbegin(), s.overdue.cend(), [&t]( const RtTask &o ) { return o.id == t.id; } );
    if ( !isOverdue )
      rest << t;
  }
  std::stable_sort( rest.begin(), rest.end(), [&]( const RtTask &a, const RtTask &b ) {
    const int sa = statusOrder.indexOf( a.status ), sb = statusOrder.indexOf( b.status );
    if ( sa != sb )
      return sa < sb;
    return categoryOrder.indexOf( a.category ) < categoryOrder.indexOf( b.category );
  } );
  s.tasks << rest;

  for ( const RtTask &t : tasks )
  {
    if ( t.target.isEmpty() )
      continue;
    Progress p;
    p.task = t;
    const auto value = values.constFind( t.id );
    if ( value != values.constEnd() && value->date <= asOf )
    {
      p.latest = *value;
      if ( t.targetFigure )
        p.share = t.targetFigure->share( value->value, value->unit );
    }
    s.progress << p;
  }
  return s;
}
