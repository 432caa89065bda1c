#include "rttaskfiltermodel.h"

#include "rttaskmodel.h"
#include "rttext.h"

#include <QDate>
#include <QLocale>
#include <QStringList>

RtTaskFilterModel::RtTaskFilterModel( QObject *parent )
  : QSortFilterProxyModel( parent )
  , mCollator( QLocale( QLocale::Vietnamese, QLocale::Vietnam ) )
{
  // A clause row stays when a task under it passes.
  setRecursiveFilteringEnabled( true );
  setSortRole( RtTaskRoles::SortValue );
  mCollator.setNumericMode( true );
  mCollator.setCaseSensitivity( Qt::CaseInsensitive );
}

template <class F>
void RtTaskFilterModel::changeFilter( F change )
{
#if QT_VERSION >= QT_VERSION_CHECK( 6, 10, 0 )
  beginFilterChange();
  change();
  endFilterChange( QSortFilterProxyModel::Direction::Rows );
#elif QT_VERSION >= QT_VERSION_CHECK( 6, 0, 0 )
  change();
  invalidateRowsFilter();
#else
  change();
  invalidateFilter();
#endif
}

void RtTaskFilterModel::setStatuses( const QSet<int> &statuses )
{
  if ( statuses == mStatuses )
    return;
  changeFilter( [&] { mStatuses = statuses; } );
}

void RtTaskFilterModel::setCategory( const QString &code )
{
  const QString trimmed = code.trimmed();
  if ( trimmed == mCategory )
    return;
  changeFilter( [&] { mCategory = trimmed; } );
}

void RtTaskFilterModel::setResponsible( const QString &text )
{
  const QString folded = foldQuery( text );
  mResponsibleText = text;
  if ( folded == mResponsible )
    return;
  changeFilter( [&] { mResponsible = folded; } );
}

void RtTaskFilterModel::setPlace( const QString &placeKey )
{
  const QString key = placeKey.trimmed().isEmpty() ? QString() : RtTaskModels::placeKey( placeKey );
  mPlaceText = placeKey;
  if ( key == mPlace )
    return;
  changeFilter( [&] { mPlace = key; } );
}

void RtTaskFilterModel::setOverdueOnly( bool overdueOnly )
{
  if ( overdueOnly == mOverdueOnly )
    return;
  changeFilter( [&] { mOverdueOnly = overdueOnly; } );
}

void RtTaskFilterModel::setSearchText( const QString &text )
{
  const QString folded = foldQuery( text );
  mSearchText = text;
  if ( folded == mSearch )
    return;
  changeFilter( [&] { mSearch = folded; } );
}

void RtTaskFilterModel::clearFilters()
{
  mResponsibleText.clear();
  mPlaceText.clear();
  mSearchText.clear();
  if ( !isFiltering() )
    return;
  changeFilter( [this]
  {
    mStatuses.clear();
    mCategory.clear();
    mResponsible.clear();
    mPlace.clear();
    mOverdueOnly = false;
    mSearch.clear();
  } );
}

bool RtTaskFilterModel::isFiltering() const
{
  return !mStatuses.isEmpty() || !mCategory.isEmpty() || !mResponsible.isEmpty() || !mPlace.isEmpty()
         || mOverdueOnly || !mSearch.isEmpty();
}

QString RtTaskFilterModel::foldQuery( const QString &text )
{
  return RtText::foldForSearch( text ).simplified();
}

bool RtTaskFilterModel::matchesSearch( const QString &foldedText, const QString &foldedQuery )
{
  if ( foldedQuery.isEmpty() )
    return true;
  const bool wordStart = foldedQuery.at( 0 ).isLetterOrNumber();
  int from = 0;
  while ( true )
  {
    const int at = foldedText.indexOf( foldedQuery, from );
    if ( at < 0 )
      return false;
    if ( !wordStart || at == 0 || !foldedText.at( at - 1 ).isLetterOrNumber() )
      return true;
    from = at + 1;
  }
}

bool RtTaskFilterModel::taskAccepted( const QModelIndex &index ) const
{
  if ( !mStatuses.isEmpty() && !mStatuses.contains( index.data( RtTaskRoles::Status ).toInt() ) )
    return false;
  if ( !mCategory.isEmpty() && index.data( RtTaskRoles::Category ).toString() != mCategory )
    return false;
  if ( mOverdueOnly && !index.data( RtTaskRoles::Overdue ).toBool() )
    return false;
  if ( !mResponsible.isEmpty()
       && !RtText::foldForSearch( index.data( RtTaskRoles::Responsible ).toString() ).simplified().contains( mResponsible ) )
    return false;
  if ( !mPlace.isEmpty() )
  {
    const QStringList places = index.data( RtTaskRoles::Places ).toStringList();
    bool found = false;
    for ( const QString &place : places )
    {
      if ( RtTaskModels::placeKey( place ) == mPlace )
      {
        found = true;
        break;
      }
    }
    if ( !found )
      return false;
  }
  if ( !mSearch.isEmpty() && !matchesSearch( index.data( RtTaskRoles::SearchText ).toString(), mSearch ) )
    return false;
  return true;
}

bool RtTaskFilterModel::filterAcceptsRow( int sourceRow, const QModelIndex &sourceParent ) const
{
  const QModelIndex index = sourceModel()->index( sourceRow, 0, sourceParent );
  const QVariant isTask = index.data( RtTaskRoles::IsTask );
  // A clause row never passes on its own while a filter is set: recursive filtering
  // keeps it when a task under it passes, so no empty clause is left.
  if ( isTask.isValid() && !isTask.toBool() )
    return !isFiltering() && QSortFilterProxyModel::filterAcceptsRow( sourceRow, sourceParent );
  return taskAccepted( index ) && QSortFilterProxyModel::filterAcceptsRow( sourceRow, sourceParent );
}

namespace
{
  //! Qt sorts in descending order by calling lessThan( right, left ): a pair whose order
  //! must not depend on the sort order answers through this.
  bool fixedOrder( bool leftFirst, bool rightFirst, Qt::SortOrder order )
  {
    if ( leftFirst == rightFirst )
      return false;
    return order == Qt::AscendingOrder ? leftFirst : rightFirst;
  }

  bool isNumber( const QVariant &v )
  {
    switch ( static_cast<QMetaType::Type>( v.userType() ) )
    {
      case QMetaType::Int:
      case QMetaType::UInt:
      case QMetaType::LongLong:
      case QMetaType::ULongLong:
      case QMetaType::Double:
        return true;
      default:
        return false;
    }
  }
}

bool RtTaskFilterModel::lessThan( const QModelIndex &left, const QModelIndex &right ) const
{
  const Qt::SortOrder order = sortOrder();
  const QVariant leftIsTask = left.data( RtTaskRoles::IsTask );
  const QVariant rightIsTask = right.data( RtTaskRoles::IsTask );
  if ( leftIsTask.isValid() && rightIsTask.isValid() )
  {
    // A clause's own tasks stay before its sub-clauses, and clauses keep the text's order.
    if ( leftIsTask.toBool() != rightIsTask.toBool() )
      return fixedOrder( leftIsTask.toBool(), rightIsTask.toBool(), order );
    if ( !leftIsTask.toBool() )
    {
      const int l = left.data( RtTaskRoles::SortValue ).toInt();
      const int r = right.data( RtTaskRoles::SortValue ).toInt();
      return fixedOrder( l < r, r < l, order );
    }
  }

  const QVariant l = left.data( sortRole() );
  const QVariant r = right.data( sortRole() );
  // No value (no deadline, no responsible body) comes last in either order.
  if ( !l.isValid() || !r.isValid() )
    return fixedOrder( l.isValid(), r.isValid(), order );

  if ( l.userType() == QMetaType::QDate && r.userType() == QMetaType::QDate )
    return l.toDate() < r.toDate();
  if ( isNumber( l ) && isNumber( r ) )
    return l.toDouble() < r.toDouble();
  if ( l.userType() == QMetaType::QStringList && r.userType() == QMetaType::QStringList )
  {
    const QStringList a = l.toStringList();
    const QStringList b = r.toStringList();
    for ( int i = 0; i < a.size() && i < b.size(); ++i )
    {
      const int c = mCollator.compare( a.at( i ), b.at( i ) );
      if ( c != 0 )
        return c < 0;
    }
    return a.size() < b.size();
  }
  if ( l.userType() == QMetaType::QString && r.userType() == QMetaType::QString )
  {
    const int c = mCollator.compare( l.toString(), r.toString() );
    if ( c != 0 )
      return c < 0;
    return l.toString() < r.toString();
  }
  return QSortFilterProxyModel::lessThan( left, right );
}
