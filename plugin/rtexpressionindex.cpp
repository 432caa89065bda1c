#include "rtexpressionindex.h"
#include "rtplacekey.h"

#include <QMap>

namespace
{
  //! The key as the join compares codes of \a parts parts ("06715/12/345" has 3).
  QString normalised( const QString &key )
  {
    return RtPlaceKey::linkKeys( key, static_cast<int>( key.split( QLatin1Char( '/' ) ).size() ), RtPlaceKey::Match::Code ).strict;
  }
}

QStringList RtPlaceStatusIndex::kinds()
{
  return { QStringLiteral( "ward" ), QStringLiteral( "zone" ), QStringLiteral( "site" ), QStringLiteral( "parcel" ) };
}

RtPlaceStatusIndex::RtPlaceStatusIndex( const QVector<RtTask> &tasks, const QDate &asOf )
  : mAsOf( asOf )
{
  RtJoinOptions options;
  options.threads = 1;
  for ( const QString &kind : kinds() )
  {
    // The distinct keys of this kind, by number of parts: each group is one join, its
    // "features" the keys themselves.
    QMap<int, QVector<RtFeatureKey>> groups;
    QHash<QString, bool> seen;
    for ( const RtTaskLink &link : RtJoin::links( tasks, kind ) )
    {
      const QString key = normalised( link.key );
      if ( key.isEmpty() || seen.contains( key ) )
        continue;
      seen.insert( key, true );
      const QStringList parts = link.key.split( QLatin1Char( '/' ) );
      QVector<RtFeatureKey> &group = groups[static_cast<int>( parts.size() )];
      group.append( RtFeatureKey { static_cast<qint64>( group.size() ), parts } );
    }
    for ( auto group = groups.cbegin(); group != groups.cend(); ++group )
    {
      RtKeyBinding binding;
      binding.kind = kind;
      for ( int i = 0; i < group.key(); ++i )
        binding.fields << QStringLiteral( "part%1" ).arg( i + 1 );
      const RtJoinResult result = RtJoin::join( group.value(), binding, tasks, asOf, options );
      for ( const RtFeatureResult &r : result.features )
      {
        const QString key = normalised( group.value().at( static_cast<int>( r.fid ) ).values.join( QLatin1Char( '/' ) ) );
        mPlaces.insert( kind + QLatin1Char( '\n' ) + key, RtPlaceStatus { r.status, r.shareDone, r.taskIds } );
        mKindsOfKey[key] << kind;
      }
    }
  }
}

RtResult<RtPlaceStatus> RtPlaceStatusIndex::find( const QString &key ) const
{
  using Result = RtResult<RtPlaceStatus>;
  const int colon = key.indexOf( QLatin1Char( ':' ) );
  if ( colon < 0 )
  {
    // A bare key: the kind of place that has it, when there is one.
    const QString k = normalised( key );
    const QStringList kindsOfKey = mKindsOfKey.value( k );
    if ( kindsOfKey.size() > 1 )
      return Result::failure( tr( "'%1' names places of several kinds (%2): write the kind, e.g. '%3:%1'" )
                              .arg( key.trimmed(), kindsOfKey.join( QStringLiteral( ", " ) ), kindsOfKey.first() ) );
    if ( kindsOfKey.isEmpty() )
      return Result::success( RtPlaceStatus() );
    return Result::success( mPlaces.value( kindsOfKey.first() + QLatin1Char( '\n' ) + k ) );
  }
  const QString kind = key.left( colon ).trimmed().toLower();
  if ( !kinds().contains( kind ) )
    return Result::failure( tr( "'%1': unknown place kind '%2' (use %3)" ).arg( key, kind, kinds().join( QStringLiteral( ", " ) ) ) );
  return Result::success( mPlaces.value( kind + QLatin1Char( '\n' ) + normalised( key.mid( colon + 1 ) ) ) );
}
