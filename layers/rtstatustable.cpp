#include "rtstatustable.h"

#include <algorithm>

RtStatusTable::RtStatusTable( const QVector<RtFeatureResult> &features )
  : mSize( features.size() )
{
  if ( features.isEmpty() )
    return;
  qint64 lowest = features.first().fid;
  qint64 highest = lowest;
  for ( const RtFeatureResult &f : features )
  {
    lowest = std::min( lowest, f.fid );
    highest = std::max( highest, f.fid );
  }
  // An array when it is at most four times the features (plus slack for small layers).
  const quint64 span = static_cast<quint64>( highest ) - static_cast<quint64>( lowest ) + 1;
  mDense = span <= 4 * static_cast<quint64>( features.size() ) + 1024;
  if ( mDense )
  {
    mFirst = lowest;
    mArray.assign( static_cast<size_t>( span ), static_cast<quint8>( RtFeatureStatus::None ) );
    for ( const RtFeatureResult &f : features )
      mArray[static_cast<size_t>( f.fid - mFirst )] = static_cast<quint8>( f.status );
  }
  else
  {
    mHash.reserve( features.size() );
    for ( const RtFeatureResult &f : features )
      mHash.insert( f.fid, static_cast<quint8>( f.status ) );
  }
}

void RtStatusTable::set( qint64 fid, RtFeatureStatus status )
{
  if ( mDense )
  {
    const quint64 offset = static_cast<quint64>( fid - mFirst );
    if ( offset < mArray.size() )
      mArray[offset] = static_cast<quint8>( status );
  }
  else if ( mHash.contains( fid ) )
    mHash[fid] = static_cast<quint8>( status );
}
