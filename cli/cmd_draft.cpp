// restrack draft-register: a register proposed from a resolution's text, to be reviewed.
#include "clicommon.h"
#include "rttr.h"
#include "rtcity.h"
#include "rtdraftregister.h"
#include "rtlayerkeys.h"
#include "rtresolutionimporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace
{
  QString draftUsage()
  {
    return RtCli::usage( "restrack draft-register --text FILE --out FILE.json [--city CITY.json] [--layers GPKG] [--term YYYY-YYYY] [--overwrite]" );
  }

  //! The place keys of \a tasks that no feature of the city's own tables in \a gpkg carries.
  QStringList missingOnLayers( const QVector<RtTask> &tasks, const RtCity &city, const QString &gpkg, QStringList &notes )
  {
    QHash<QString, QSet<QString>> onLayers; // kind → keys found
    for ( const RtCityLayer &layer : city.layers )
    {
      if ( layer.binding.keyMapSource.isSet() )
        continue; // another set of units, reached through a key map
      RtLayerReadOptions options;
      options.area = city.area();
      const RtResult<RtLayerKeys> keys = RtLayerKeys::read( QStringLiteral( "%1|layername=%2" ).arg( gpkg, layer.table ), layer.binding, options );
      if ( !keys.ok() )
      {
        notes << QStringLiteral( "%1: %2" ).arg( layer.table, keys.error() );
        continue;
      }
      for ( const RtFeatureKey &f : keys.value().features )
        onLayers[layer.binding.kind].insert( f.values.join( QLatin1Char( '/' ) ) );
    }
    QStringList missing;
    for ( const RtTask &t : tasks )
      for ( const QString &place : t.places )
      {
        const QString kind = place.section( QLatin1Char( ':' ), 0, 0 );
        if ( onLayers.contains( kind ) && !onLayers.value( kind ).contains( place.section( QLatin1Char( ':' ), 1 ) ) && !missing.contains( place ) )
          missing << place;
      }
    return missing;
  }
}

int runDraftRegister( const QStringList &argList )
{
  RtArgs args;
  const QStringList valueOptions = { QStringLiteral( "text" ), QStringLiteral( "out" ), QStringLiteral( "city" ), QStringLiteral( "layers" ),
                                     QStringLiteral( "term" ) };
  if ( !args.parse( argList, valueOptions, { QStringLiteral( "overwrite" ) } ) || !args.positional().isEmpty()
       || args.value( QStringLiteral( "text" ) ).isEmpty() || args.value( QStringLiteral( "out" ) ).isEmpty() )
  {
    RtCli::err( args.error().isEmpty() ? draftUsage() : args.error() );
    return ExitUsage;
  }
  const QString textPath = args.value( QStringLiteral( "text" ) );
  const QString out = args.value( QStringLiteral( "out" ) );
  if ( QFileInfo::exists( out ) && !args.has( QStringLiteral( "overwrite" ) ) )
  {
    RtCli::err( rtMsg( "RtCli", "%1 already exists; pass --overwrite to replace it (a reviewed register is better kept)" ).arg( out ) );
    return ExitRefused;
  }

  RtCity city;
  if ( args.has( QStringLiteral( "city" ) ) )
  {
    const RtResult<RtCity> loaded = RtCity::load( args.value( QStringLiteral( "city" ) ) );
    if ( !loaded.ok() )
    {
      RtCli::err( loaded.error() );
      return ExitRefused;
    }
    city = loaded.value();
  }
  else
    city = RtCity::bundled();

  const RtResult<RtImportReport> imported = RtResolutionImporter::importFile( textPath );
  if ( !imported.ok() )
  {
    RtCli::err( imported.error() );
    return ExitRefused;
  }
  for ( const QString &w : imported.value().warnings )
    RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );
  const RtResolution &res = imported.value().resolution;

  RtCouncilTerm term = RtDraftRegister::termOf( res.date );
  if ( args.has( QStringLiteral( "term" ) ) )
  {
    static const QRegularExpression sTerm( QStringLiteral( "^(\\d{4})\\s*[-–]\\s*(\\d{4})$" ) );
    const QRegularExpressionMatch m = sTerm.match( args.value( QStringLiteral( "term" ) ).trimmed() );
    if ( !m.hasMatch() || m.captured( 2 ).toInt() <= m.captured( 1 ).toInt() )
    {
      RtCli::err( rtMsg( "RtCli", "--term '%1' is not a council term; write it as 2021-2026" ).arg( args.value( QStringLiteral( "term" ) ) ) );
      return ExitUsage;
    }
    term = RtCouncilTerm { m.captured( 1 ).toInt(), m.captured( 2 ).toInt() };
  }

  const QString textRelative = QFileInfo( out ).absoluteDir().relativeFilePath( QFileInfo( textPath ).absoluteFilePath() );
  const RtDraft draft = RtDraftRegister::propose( res, city, term, textRelative );
  if ( draft.reg.tasks.isEmpty() )
  {
    RtCli::err( rtMsg( "RtCli", "%1: no directive clause and no project-list appendix found; nothing to draft" ).arg( textPath ) );
    return ExitRefused;
  }
  for ( const QString &w : draft.warnings )
    RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );
  if ( args.has( QStringLiteral( "layers" ) ) )
  {
    QStringList notes;
    const QStringList missing = missingOnLayers( draft.reg.tasks, city, args.value( QStringLiteral( "layers" ) ), notes );
    for ( const QString &n : std::as_const( notes ) )
      RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( n ) );
    for ( const QString &place : missing )
      RtCli::err( rtMsg( "RtCli", "warning: %1 is on no layer of %2" ).arg( place, args.value( QStringLiteral( "layers" ) ) ) );
  }

  QSaveFile file( out );
  if ( !file.open( QIODevice::WriteOnly ) || file.write( RtDraftRegister::toJson( draft.reg ) ) < 0 || !file.commit() )
  {
    RtCli::err( rtMsg( "RtCli", "%1: cannot write it (%2)" ).arg( out, file.errorString() ) );
    return ExitRefused;
  }
  RtCli::out( rtMsg( "RtCli", "drafted %1: %2 tasks of %3 (%4 directive clauses, %5 appendix rows), council term %6–%7; every task is "
                              "\"review\": \"draft\". Review them, then: restrack build-register --register %1 --out REGISTER.gpkg" )
              .arg( out ).arg( draft.reg.tasks.size() ).arg( res.number ).arg( draft.directiveLeaves ).arg( draft.appendixRows )
              .arg( term.startYear ).arg( term.endYear ) );
  return ExitOk;
}
