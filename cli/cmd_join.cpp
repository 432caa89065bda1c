// restrack join: every feature of a layer with the aggregated status of its tasks.
#include "clicommon.h"
#include "rttr.h"
#include "rtcity.h"
#include "rtjoin.h"
#include "rtlayerkeys.h"
#include "rtstore.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace
{
  QString joinUsage()
  {
    return RtCli::usage( "restrack join [--db REGISTER.gpkg] --layer PATH[|layername=NAME] --kind ward|zone|site|parcel "
                         "--fields F1[,F2,F3] [--match code|name] [--resolution NUMBER]… [--as-of YYYY-MM-DD] [--json] [--write] [--lang vi|en] "
                         "[--key-map PATH[|layername=NAME] --key-map-fields FROM,TO] [--with-directives]" );
  }

  QString percent( double share )
  {
    return QStringLiteral( "%1%" ).arg( share * 100, 0, 'f', 0 );
  }
}

int runJoin( const QStringList &argList )
{
  RtArgs args;
  const QStringList valueOptions = { QStringLiteral( "db" ), QStringLiteral( "layer" ), QStringLiteral( "kind" ), QStringLiteral( "fields" ),
                                     QStringLiteral( "match" ), QStringLiteral( "as-of" ), QStringLiteral( "lang" ),
                                     QStringLiteral( "key-map" ), QStringLiteral( "key-map-fields" ), QStringLiteral( "resolution" ) };
  if ( !args.parse( argList, valueOptions, { QStringLiteral( "json" ), QStringLiteral( "write" ), QStringLiteral( "with-directives" ) } ) || !args.positional().isEmpty() )
  {
    RtCli::err( args.error().isEmpty() ? joinUsage() : args.error() );
    return ExitUsage;
  }
  for ( const char *required : { "layer", "kind", "fields" } )
  {
    if ( args.value( QString::fromLatin1( required ) ).trimmed().isEmpty() )
    {
      RtCli::err( rtMsg( "RtCli", "--%1 is required\n%2" ).arg( QString::fromLatin1( required ), joinUsage() ) );
      return ExitUsage;
    }
  }

  RtLang lang = RtLang::Vi;
  if ( !RtCli::langOption( args, lang ) )
    return ExitUsage;

  RtKeyBinding binding;
  binding.kind = args.value( QStringLiteral( "kind" ) ).trimmed().toLower();
  const QStringList kinds = { QStringLiteral( "ward" ), QStringLiteral( "zone" ), QStringLiteral( "site" ), QStringLiteral( "parcel" ) };
  if ( !kinds.contains( binding.kind ) )
  {
    RtCli::err( rtMsg( "RtCli", "--kind must be one of %1, not '%2'" ).arg( kinds.join( QStringLiteral( ", " ) ), binding.kind ) );
    return ExitUsage;
  }
  for ( const QString &f : args.value( QStringLiteral( "fields" ) ).split( QLatin1Char( ',' ) ) )
    if ( !f.trimmed().isEmpty() )
      binding.fields << f.trimmed();
  const QString match = args.has( QStringLiteral( "match" ) ) ? args.value( QStringLiteral( "match" ) ).trimmed().toLower() : QStringLiteral( "code" );
  if ( match != QLatin1String( "code" ) && match != QLatin1String( "name" ) )
  {
    RtCli::err( rtMsg( "RtCli", "--match must be code or name, not '%1'" ).arg( match ) );
    return ExitUsage;
  }
  binding.match = match == QLatin1String( "name" ) ? RtKeyBinding::Match::Name : RtKeyBinding::Match::Code;

  QDate asOf;
  if ( !RtCli::asOfOption( args, asOf ) )
    return ExitUsage;

  // A feature's colour aggregates the tasks of the chosen resolutions (all by default): the
  // tasks are chosen before the join.
  QVector<RtTask> tasks;
  int exit = ExitRefused;
  const std::unique_ptr<RtStore> store = RtCli::openTasksAsOf( args, asOf, tasks, &exit );
  if ( !store )
    return exit;

  const QString spec = args.value( QStringLiteral( "layer" ) );
  const RtResult<RtLayerKeys> layer = RtLayerKeys::read( spec, binding );
  if ( !layer.ok() )
  {
    RtCli::err( layer.error() );
    return ExitRefused;
  }
  const bool write = args.has( QStringLiteral( "write" ) );
  if ( write && layer.value().driver != QLatin1String( "GPKG" ) )
  {
    RtCli::err( rtMsg( "RtCli", "--write stores the result into GeoPackage layers only; %1 is a %2 dataset "
                                "(convert it first, e.g. ogr2ogr -f GPKG OUT.gpkg \"%1\")" ).arg( layer.value().source.path, layer.value().driver ) );
    return ExitRefused;
  }
  for ( const QString &w : layer.value().warnings )
    RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );

  // --key-map: report tasks keyed in one set of units by another (2023 communes → 2025 units).
  if ( args.has( QStringLiteral( "key-map" ) ) )
  {
    const QStringList mapFields = args.value( QStringLiteral( "key-map-fields" ) ).split( QLatin1Char( ',' ), Qt::SkipEmptyParts );
    if ( mapFields.size() != 2 )
    {
      RtCli::err( rtMsg( "RtCli", "--key-map needs --key-map-fields FROM,TO (e.g. gso_code,gso_code_2025)" ) );
      return ExitUsage;
    }
    QStringList mapWarnings;
    const RtResult<QHash<QString, QString>> keyMap = RtLayerKeys::readKeyMap( args.value( QStringLiteral( "key-map" ) ), binding.kind,
        mapFields.at( 0 ), mapFields.at( 1 ), &mapWarnings );
    if ( !keyMap.ok() )
    {
      RtCli::err( keyMap.error() );
      return ExitRefused;
    }
    for ( const QString &w : std::as_const( mapWarnings ) )
      RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );
    binding.keyMap = keyMap.value();
  }

  // Names against codes and codes against names: the places the tasks mean, as of the resolution.
  binding.gazetteer = RtCity::bundled().gazetteer;
  binding.placesDate = store->document().date;
  const QVector<RtFeatureKey> &features = layer.value().features;
  // A place's colour: its concrete commitments, or with --with-directives every task naming it.
  RtJoinOptions joinOptions;
  joinOptions.withDirectives = args.has( QStringLiteral( "with-directives" ) );
  const RtJoinResult result = RtJoin::join( features, binding, tasks, asOf, joinOptions );
  // Names against a register keyed by codes match nothing: say so rather than leave a blank map.
  if ( binding.match == RtKeyBinding::Match::Name && !result.unmatched.isEmpty() )
  {
    bool allCodes = true;
    for ( const RtTaskLink &l : result.unmatched )
      allCodes = allCodes && !l.key.isEmpty() && l.key.at( 0 ).isDigit();
    bool anyMatched = false;
    for ( const RtFeatureResult &r : result.features )
      anyMatched = anyMatched || r.taskCount > 0;
    if ( allCodes && !anyMatched )
      RtCli::err( rtMsg( "RtCli", "note: the register keys its %1 places by code (\"%1:%2\"): join with --match code and the layer's code field" )
                  .arg( binding.kind, result.unmatched.first().key ) );
  }

  if ( write )
  {
    const RtStatusResult written = RtLayerKeys::write( spec, result, asOf );
    if ( !written.ok() )
    {
      RtCli::err( written.error() );
      return ExitRefused;
    }
  }

  auto keyOf = [&features]( int i ) { return features.at( i ).values.join( QLatin1Char( '/' ) ); };
  QStringList ambiguousKeys = result.ambiguous.keys();
  std::sort( ambiguousKeys.begin(), ambiguousKeys.end() );

  if ( args.has( QStringLiteral( "json" ) ) )
  {
    QJsonObject o;
    o.insert( QStringLiteral( "layer" ), layer.value().source.toString() );
    o.insert( QStringLiteral( "layer_name" ), layer.value().layerName );
    o.insert( QStringLiteral( "kind" ), binding.kind );
    o.insert( QStringLiteral( "fields" ), QJsonArray::fromStringList( binding.fields ) );
    o.insert( QStringLiteral( "match" ), match );
    o.insert( QStringLiteral( "as_of" ), asOf.toString( Qt::ISODate ) );
    QStringList chosen;
    RtCli::resolutionOption( args, *store, chosen, exit ); // read before, without fault
    o.insert( QStringLiteral( "resolutions" ), QJsonArray::fromStringList( chosen ) ); // empty: every resolution
    o.insert( QStringLiteral( "lang" ), lang == RtLang::Vi ? QStringLiteral( "vi" ) : QStringLiteral( "en" ) );
    o.insert( QStringLiteral( "crs" ), layer.value().crsName );
    o.insert( QStringLiteral( "written" ), write );
    o.insert( QStringLiteral( "place_rule" ), joinOptions.withDirectives ? QStringLiteral( "all_tasks" ) : QStringLiteral( "commitments_first" ) );
    QJsonArray rows;
    for ( int i = 0; i < result.features.size(); ++i )
    {
      const RtFeatureResult &r = result.features.at( i );
      QJsonObject row;
      row.insert( QStringLiteral( "fid" ), static_cast<double>( r.fid ) );
      row.insert( QStringLiteral( "key" ), keyOf( i ) );
      row.insert( QStringLiteral( "status" ), RtFeatureStatuses::code( r.status ) );
      row.insert( QStringLiteral( "status_label" ), RtFeatureStatuses::label( r.status, lang ) );
      row.insert( QStringLiteral( "share_done" ), r.shareDone );
      row.insert( QStringLiteral( "tasks" ), QJsonArray::fromStringList( r.taskIds ) );
      rows << row;
    }
    o.insert( QStringLiteral( "features" ), rows );
    QJsonArray unmatched;
    for ( const RtTaskLink &l : result.unmatched )
    {
      QJsonObject row;
      row.insert( QStringLiteral( "task" ), l.taskId );
      row.insert( QStringLiteral( "key" ), l.key );
      unmatched << row;
    }
    o.insert( QStringLiteral( "unmatched" ), unmatched );
    QJsonArray ambiguous;
    for ( const QString &key : ambiguousKeys )
    {
      QJsonObject row;
      row.insert( QStringLiteral( "key" ), key );
      QJsonArray fids;
      for ( qint64 fid : result.ambiguous.value( key ) )
        fids << static_cast<double>( fid );
      row.insert( QStringLiteral( "fids" ), fids );
      ambiguous << row;
    }
    o.insert( QStringLiteral( "ambiguous" ), ambiguous );
    o.insert( QStringLiteral( "warnings" ), QJsonArray::fromStringList( layer.value().warnings ) );
    RtCli::outJson( QJsonDocument( o ) );
    return ExitOk;
  }

  RtCli::out( RtTr( lang ).translate( "RtCli", "Layer %1 — %2 features, status as of %3" )
              .arg( layer.value().source.toString() ).arg( result.features.size() ).arg( RtCli::formatDate( asOf, lang ) ) );
  RtCli::out( joinOptions.withDirectives
              ? RtTr( lang ).translate( "RtCli", "A feature's status: every task that names it, directive items included." )
              : RtTr( lang ).translate( "RtCli", "A feature's status: the concrete commitments that name it; directive items only where none does "
                             "(--with-directives: directives too)." ) );
  // Column widths follow the content, so both languages line up.
  int keyWidth = 6;
  int labelWidth = 10;
  for ( int i = 0; i < result.features.size(); ++i )
  {
    keyWidth = std::max( keyWidth, static_cast<int>( keyOf( i ).size() ) + 2 );
    labelWidth = std::max( labelWidth, static_cast<int>( RtFeatureStatuses::label( result.features.at( i ).status, lang ).size() ) + 2 );
  }
  RtCli::out( QStringLiteral( "  %1%2%3%4%5" ).arg( RtCli::padded( QStringLiteral( "fid" ), 8 ), RtCli::padded( RtTr( lang ).translate( "RtCli", "key" ), keyWidth ),
              RtCli::padded( RtTr( lang ).translate( "RtCli", "status" ), labelWidth ), RtCli::padded( RtTr( lang ).translate( "RtCli", "done" ), 7 ), RtTr( lang ).translate( "RtCli", "tasks" ) ) );
  for ( int i = 0; i < result.features.size(); ++i )
  {
    const RtFeatureResult &r = result.features.at( i );
    RtCli::out( QStringLiteral( "  %1%2%3%4%5" ).arg( RtCli::padded( QString::number( r.fid ), 8 ), RtCli::padded( keyOf( i ), keyWidth ),
                RtCli::padded( RtFeatureStatuses::label( r.status, lang ), labelWidth ),
                RtCli::padded( r.taskCount > 0 ? percent( r.shareDone ) : QStringLiteral( "—" ), 7 ), r.taskIds.join( QStringLiteral( ", " ) ) ).trimmed().prepend( QStringLiteral( "  " ) ) );
  }
  RtCli::out( QString() );
  RtCli::out( RtTr( lang ).translate( "RtCli", "MATCHED NO FEATURE (%1)" ).arg( result.unmatched.size() ) );
  for ( const RtTaskLink &l : result.unmatched )
    RtCli::out( QStringLiteral( "  %1%2" ).arg( RtCli::padded( l.taskId, 24 ), binding.kind + QLatin1Char( ':' ) + l.key ) );
  RtCli::out( QString() );
  RtCli::out( RtTr( lang ).translate( "RtCli", "AMBIGUOUS KEYS, MATCHING SEVERAL FEATURES — COUNTED FOR NONE (%1)" ).arg( ambiguousKeys.size() ) );
  for ( const QString &key : ambiguousKeys )
  {
    QStringList fids;
    for ( qint64 fid : result.ambiguous.value( key ) )
      fids << QString::number( fid );
    RtCli::out( QStringLiteral( "  %1fid %2" ).arg( RtCli::padded( binding.kind + QLatin1Char( ':' ) + key, 32 ), fids.join( QStringLiteral( ", " ) ) ) );
  }
  if ( write )
  {
    RtCli::out( QString() );
    RtCli::out( RtTr( lang ).translate( "RtCli", "Wrote rt_status, rt_share_done, rt_tasks, rt_as_of into %1" )
                .arg( layer.value().source.toString() ) );
  }
  return ExitOk;
}
