#include "rtjoin.h"
#include "rttr.h"
#include "rtgazetteer.h"
#include "rtplacekey.h"

#include <algorithm>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace
{
  struct FeatureStatusInfo
  {
    RtFeatureStatus status;
    const char *code;
    const char *label; //!< English; the Vietnamese one is in the core catalogue (layers/i18n/)
  };

  // Labels of the task statuses are the ones of rtstatus.cpp, so map and summary agree.
  const FeatureStatusInfo sFeatureStatuses[] =
  {
    { RtFeatureStatus::None, "none", QT_TRANSLATE_NOOP( "RtFeatureStatuses", "No task" ) },
    { RtFeatureStatus::NotStarted, "not_started", nullptr },
    { RtFeatureStatus::InProgress, "in_progress", nullptr },
    { RtFeatureStatus::Done, "done", nullptr },
    { RtFeatureStatus::Blocked, "blocked", nullptr },
    { RtFeatureStatus::Dropped, "dropped", nullptr },
    { RtFeatureStatus::NoReport, "no_report", nullptr },
    { RtFeatureStatus::Overdue, "overdue", nullptr },
  };

  std::optional<RtStatus> taskStatus( RtFeatureStatus status )
  {
    switch ( status )
    {
      case RtFeatureStatus::NotStarted: return RtStatus::NotStarted;
      case RtFeatureStatus::InProgress: return RtStatus::InProgress;
      case RtFeatureStatus::Done: return RtStatus::Done;
      case RtFeatureStatus::Blocked: return RtStatus::Blocked;
      case RtFeatureStatus::Dropped: return RtStatus::Dropped;
      case RtFeatureStatus::NoReport: return RtStatus::NoReport;
      case RtFeatureStatus::None:
      case RtFeatureStatus::Overdue:
        break;
    }
    return std::nullopt;
  }
}

QString RtFeatureStatuses::code( RtFeatureStatus status )
{
  for ( const FeatureStatusInfo &s : sFeatureStatuses )
    if ( s.status == status )
      return QString::fromLatin1( s.code );
  return QStringLiteral( "none" );
}

QString RtFeatureStatuses::label( RtFeatureStatus status, RtLang lang )
{
  if ( status == RtFeatureStatus::Overdue )
    return RtStatuses::overdueLabel( lang );
  if ( const std::optional<RtStatus> s = taskStatus( status ) )
    return RtStatuses::label( *s, lang );
  return rtTr( lang, "RtFeatureStatuses", sFeatureStatuses[0].label );
}

QVector<RtFeatureStatus> RtFeatureStatuses::all()
{
  QVector<RtFeatureStatus> out;
  for ( const FeatureStatusInfo &s : sFeatureStatuses )
    out << s.status;
  return out;
}

void RtStatusCounts::add( RtStatus status, bool isOverdue )
{
  switch ( status )
  {
    case RtStatus::NotStarted: ++notStarted; break;
    case RtStatus::InProgress: ++inProgress; break;
    case RtStatus::Done: ++done; break;
    case RtStatus::Blocked: ++blocked; break;
    case RtStatus::Dropped: ++dropped; break;
    case RtStatus::NoReport: ++noReport; break;
  }
  if ( isOverdue )
    ++overdue;
}

RtFeatureStatus RtJoin::aggregate( const RtStatusCounts &c )
{
  const int total = c.total();
  if ( total == 0 )
    return RtFeatureStatus::None;
  if ( c.blocked > 0 )
    return RtFeatureStatus::Blocked;
  if ( c.overdue > 0 )
    return RtFeatureStatus::Overdue;
  const int open = c.notStarted + c.noReport;
  if ( c.inProgress > 0 || ( c.done > 0 && open > 0 ) )
    return RtFeatureStatus::InProgress;
  if ( c.done > 0 && c.done + c.dropped == total )
    return RtFeatureStatus::Done;
  if ( c.dropped == total )
    return RtFeatureStatus::Dropped;
  if ( c.notStarted > 0 )
    return RtFeatureStatus::NotStarted;
  return RtFeatureStatus::NoReport;
}

bool RtJoin::isDirective( const RtTask &task )
{
  return task.kind == QLatin1String( "directive" );
}

RtStatusCounts RtJoin::placeCounts( const RtStatusCounts &commitments, const RtStatusCounts &directives, bool withDirectives )
{
  if ( !withDirectives )
    return commitments.total() > 0 ? commitments : directives;
  RtStatusCounts all = commitments;
  all.notStarted += directives.notStarted;
  all.inProgress += directives.inProgress;
  all.done += directives.done;
  all.blocked += directives.blocked;
  all.dropped += directives.dropped;
  all.noReport += directives.noReport;
  all.overdue += directives.overdue;
  return all;
}

double RtJoin::shareDone( const RtStatusCounts &c )
{
  const int left = c.total() - c.dropped;
  return left > 0 ? static_cast<double>( c.done ) / left : 0.0;
}

QVector<RtTaskLink> RtJoin::links( const QVector<RtTask> &tasks, const QString &kind )
{
  QVector<RtTaskLink> out;
  const QString prefix = kind.trimmed() + QLatin1Char( ':' );
  for ( const RtTask &t : tasks )
    for ( const QString &place : t.places )
      if ( place.startsWith( prefix, Qt::CaseInsensitive ) )
        out.append( RtTaskLink { t.id, place.mid( prefix.size() ).trimmed() } );
  return out;
}

RtJoinResult RtJoin::join( const QVector<RtFeatureKey> &features, const RtKeyBinding &binding,
                           const QVector<RtTask> &tasks, const QDate &asOf, const RtJoinOptions &options )
{
  RtJoinResult result;
  const int featureCount = static_cast<int>( features.size() );
  const int taskCount = static_cast<int>( tasks.size() );
  const RtPlaceKey::Match match = binding.match == RtKeyBinding::Match::Name ? RtPlaceKey::Match::Name : RtPlaceKey::Match::Code;
  const int threads = std::max( 1, options.threads > 0 ? options.threads : static_cast<int>( std::thread::hardware_concurrency() ) );

  // 1. One index from key to feature number.
  RtPlaceKeyIndex index( match, std::max( 1, static_cast<int>( binding.fields.size() ) ) );
  index.build( featureCount, [&features]( int i ) -> const QStringList & { return features.at( i ).values; }, threads );

  // 2. Every link of the binding's kind, looked up in one batch: the key as the task states
  // it, then (with a gazetteer) the code or the names of the place it designates.
  struct Link
  {
    int task;
    QStringView key; //!< as the task states it (after the key map)
    int first;       //!< its alternatives are keys[first, first + count)
    int count;
  };
  std::vector<Link> linkList;
  QVector<QStringView> keys;
  QStringList aliases; //!< the gazetteer's codes and names the views of keys point into
  const QString kind = binding.kind.trimmed();
  const QString prefix = kind + QLatin1Char( ':' );
  const RtGazetteer *gazetteer = binding.gazetteer && binding.gazetteer->hasKind( kind ) ? binding.gazetteer.get() : nullptr;
  for ( int t = 0; t < taskCount; ++t )
  {
    for ( const QString &place : tasks.at( t ).places )
    {
      if ( !place.startsWith( prefix, Qt::CaseInsensitive ) )
        continue;
      QStringView key = QStringView( place ).mid( prefix.size() ).trimmed();
      bool mapped = false;
      if ( !binding.keyMap.isEmpty() )
      {
        // Translated into the layer's units; an untranslatable key lands nowhere.
        const auto found = binding.keyMap.constFind( key.toString() );
        if ( found == binding.keyMap.constEnd() )
        {
          result.unmatched.append( RtTaskLink { tasks.at( t ).id, key.toString() } );
          continue;
        }
        key = QStringView( found.value() );
        mapped = true;
      }
      Link link { t, key, static_cast<int>( keys.size() ), 1 };
      keys.append( key );
      if ( gazetteer )
      {
        if ( const RtPlace *p = gazetteer->resolve( kind, key.toString(), mapped ? QDate() : binding.placesDate ) )
        {
          const QStringList other = binding.match == RtKeyBinding::Match::Code ? QStringList( p->code ) : p->names();
          for ( const QString &alias : other )
          {
            if ( QStringView( alias ) == key )
              continue;
            aliases << alias;
            keys.append( QStringView( aliases.last() ) );
            ++link.count;
          }
        }
      }
      linkList.push_back( link );
    }
  }
  const RtPlaceKeyIndex::Matches matches = index.findAll( keys, threads );

  // 3. Matched links as (feature, task) pairs packed so that one sort groups them by feature;
  // a link takes the first of its alternatives that matched anything.
  std::vector<quint64> pairs;
  pairs.reserve( linkList.size() );
  for ( const Link &link : linkList )
  {
    int k = link.first;
    for ( int a = link.first; a < link.first + link.count; ++a )
      if ( matches.feature[static_cast<size_t>( a )] != -1 )
      {
        k = a;
        break;
      }
    const int feature = matches.feature[static_cast<size_t>( k )];
    const int t = link.task;
    if ( feature >= 0 )
      pairs.push_back( ( static_cast<quint64>( feature ) << 32 ) | static_cast<quint32>( t ) );
    else if ( feature == -1 )
      result.unmatched.append( RtTaskLink { tasks.at( t ).id, link.key.toString() } );
    else if ( !result.ambiguous.contains( link.key.toString() ) )
    {
      QVector<qint64> fids;
      for ( int f : matches.several.value( k ) )
        fids.append( features.at( f ).fid );
      result.ambiguous.insert( link.key.toString(), fids );
    }
  }
  std::sort( pairs.begin(), pairs.end() );
  pairs.erase( std::unique( pairs.begin(), pairs.end() ), pairs.end() );

  // 4. Per task once: its status, whether it is overdue on the as-of date, whether a directive.
  std::vector<RtStatus> status( static_cast<size_t>( taskCount ) );
  std::vector<quint8> overdue( static_cast<size_t>( taskCount ) );
  std::vector<quint8> directive( static_cast<size_t>( taskCount ) );
  for ( int t = 0; t < taskCount; ++t )
  {
    const RtTask &task = tasks.at( t );
    status[static_cast<size_t>( t )] = task.status;
    directive[static_cast<size_t>( t )] = isDirective( task );
    overdue[static_cast<size_t>( t )] = RtStatuses::isOverdue( task.status, task.deadline, asOf );
  }

  // 5. Every feature in input order; only linked ones need counting.
  result.features.resize( featureCount );
  RtFeatureResult *out = result.features.data();
  for ( int i = 0; i < featureCount; ++i )
    out[i].fid = features.at( i ).fid;
  // Slices of whole features, one per thread: each writes its own features only.
  std::vector<size_t> cuts { 0 };
  const int slices = std::max( 1, std::min( threads, static_cast<int>( pairs.size() / 20000 ) ) );
  for ( int s = 1; s < slices; ++s )
  {
    size_t cut = std::max( cuts.back(), pairs.size() * static_cast<size_t>( s ) / static_cast<size_t>( slices ) );
    while ( cut > cuts.back() && cut < pairs.size() && ( pairs[cut] >> 32 ) == ( pairs[cut - 1] >> 32 ) )
      ++cut;
    cuts.push_back( cut );
  }
  cuts.push_back( pairs.size() );
  auto aggregateSlice = [&]( size_t begin, size_t sliceEnd )
  {
    for ( size_t p = begin; p < sliceEnd; )
    {
      const quint64 feature = pairs[p] >> 32;
      size_t end = p;
      RtStatusCounts commitments, directives;
      for ( ; end < sliceEnd && ( pairs[end] >> 32 ) == feature; ++end )
      {
        const size_t t = static_cast<size_t>( pairs[end] & 0xffffffffu );
        ( directive[t] ? directives : commitments ).add( status[t], overdue[t] );
      }
      const RtStatusCounts counts = placeCounts( commitments, directives, options.withDirectives );
      RtFeatureResult &r = out[feature];
      r.status = aggregate( counts );
      r.shareDone = shareDone( counts );
      r.taskCount = commitments.total() + directives.total();
      if ( options.collectTaskIds )
      {
        r.taskIds.reserve( static_cast<int>( end - p ) );
        for ( size_t q = p; q < end; ++q )
          r.taskIds.append( tasks.at( static_cast<int>( pairs[q] & 0xffffffffu ) ).id );
      }
      p = end;
    }
  };
  std::vector<std::thread> pool;
  for ( size_t s = 1; s + 1 < cuts.size(); ++s )
  {
    try
    {
      pool.emplace_back( aggregateSlice, cuts[s], cuts[s + 1] );
    }
    catch ( const std::system_error & )
    {
      aggregateSlice( cuts[s], cuts[s + 1] ); // no thread to be had: this one does it
    }
  }
  aggregateSlice( cuts[0], cuts[1] );
  for ( std::thread &t : pool )
    t.join();
  return result;
}

QVector<RtTask> RtJoin::translatePlaces( const QVector<RtTask> &tasks, const QString &kind, const QHash<QString, QString> &keyMap )
{
  const QString prefix = kind + QLatin1Char( ':' );
  QVector<RtTask> out = tasks;
  for ( RtTask &t : out )
  {
    QStringList places;
    for ( const QString &place : std::as_const( t.places ) )
    {
      QString translated = place;
      if ( place.startsWith( prefix ) )
      {
        const QString key = place.mid( prefix.size() );
        if ( keyMap.contains( key ) )
          translated = prefix + keyMap.value( key );
      }
      if ( !places.contains( translated ) )
        places << translated;
    }
    t.places = places;
  }
  return out;
}
