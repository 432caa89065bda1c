// restrack session-pack: the council session pack (one PDF, optionally an XLSX of its tables).
#include "clicommon.h"
#include "rttr.h"
#include "rtheadlessqgis.h"
#include "rtsessionpack.h"

#include <QCoreApplication>

namespace
{
  QString packUsage()
  {
    return RtCli::usage( "restrack session-pack [--db REGISTER.gpkg] [--layers LAYERS.gpkg] --session-date YYYY-MM-DD [--since YYYY-MM-DD]\n"
                         "       [--resolution N] [--units 2023|2025] [--lang vi|en] [--with-directives] [--template DIR|FILE.qpt]\n"
                         "       [--cadastre PATH[|layername=NAME]] --out PACK.pdf [--tables PACK.xlsx] [--overwrite]",
                         rtMsg( "RtCli", "  --since: the last session's date; the pack lists what changed from it to the session date\n"
                                         "  --template: a folder with edited copies of some of map/templates/pack-*.qpt (same file names; the others stay\n"
                                         "  the built-in ones), or one .qpt used for the cover; a copy lacking an item the pack fills is refused with its id\n"
                                         "  --cadastre: parcels with the fields case_id (a land case's site id in the register), dossier_status and parcel_id;\n"
                                         "  only those fields are read, and only counts are printed\n"
                                         "  --tables: the pack's tables as an XLSX workbook, one sheet each" ) );
  }

  QString bundledLayers( QString *lookedIn )
  {
    return RtCli::bundledFile( QStringLiteral( "mongcai-layers.gpkg" ), "RESTRACK_LAYERS",
                               QStringLiteral( RT_SOURCE_DATA_DIR "/mongcai-layers.gpkg" ), lookedIn );
  }

  int runPack( const QStringList &argList )
  {
    RtArgs args;
    if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "layers" ), QStringLiteral( "session-date" ), QStringLiteral( "since" ),
                                 QStringLiteral( "resolution" ), QStringLiteral( "units" ), QStringLiteral( "lang" ), QStringLiteral( "template" ),
                                 QStringLiteral( "cadastre" ), QStringLiteral( "out" ), QStringLiteral( "tables" ) },
                      { QStringLiteral( "overwrite" ), QStringLiteral( "with-directives" ) } )
         || !args.positional().isEmpty() )
    {
      RtCli::err( args.error().isEmpty() ? packUsage() : args.error() );
      return ExitUsage;
    }
    RtSessionPackOptions options;
    options.outputPath = args.value( QStringLiteral( "out" ) );
    if ( options.outputPath.isEmpty() || !args.has( QStringLiteral( "session-date" ) ) )
    {
      RtCli::err( rtMsg( "RtCli", "--session-date and --out are required; %1" ).arg( packUsage() ) );
      return ExitUsage;
    }
    for ( const QString &name : { QStringLiteral( "session-date" ), QStringLiteral( "since" ) } )
    {
      if ( !args.has( name ) )
        continue;
      const QDate date = RtCli::parseDate( args.value( name ) );
      if ( !date.isValid() )
      {
        RtCli::err( rtMsg( "RtCli", "--%1 '%2' is not a date; use YYYY-MM-DD" ).arg( name, args.value( name ) ) );
        return ExitUsage;
      }
      ( name == QLatin1String( "since" ) ? options.since : options.sessionDate ) = date;
    }
    if ( !RtCli::langOption( args, options.lang ) )
      return ExitUsage;
    if ( args.has( QStringLiteral( "units" ) ) )
    {
      const QString units = args.value( QStringLiteral( "units" ) ).trimmed();
      if ( units != QLatin1String( "2023" ) && units != QLatin1String( "2025" ) )
      {
        RtCli::err( rtMsg( "RtCli", "--units must be 2023 (the wards of the resolution) or 2025 (the units from 1/7/2025), not '%1'" ).arg( units ) );
        return ExitUsage;
      }
      options.units = units.toInt();
    }
    options.resolution = args.value( QStringLiteral( "resolution" ) );
    options.withDirectives = args.has( QStringLiteral( "with-directives" ) );
    options.templatePath = args.value( QStringLiteral( "template" ) );
    options.cadastre = args.value( QStringLiteral( "cadastre" ) );
    options.tablesPath = args.value( QStringLiteral( "tables" ) );
    options.overwrite = args.has( QStringLiteral( "overwrite" ) );

    QString lookedIn;
    options.registerPath = args.value( QStringLiteral( "db" ) );
    if ( options.registerPath.isEmpty() )
    {
      options.registerPath = RtCli::bundledRegister( &lookedIn );
      if ( options.registerPath.isEmpty() )
      {
        RtCli::err( rtMsg( "RtCli", "the bundled register was not found (looked in %1); build the project or pass --db FILE.gpkg" ).arg( lookedIn ) );
        return ExitRefused;
      }
    }
    options.layersPath = args.value( QStringLiteral( "layers" ) );
    if ( options.layersPath.isEmpty() )
    {
      options.layersPath = bundledLayers( &lookedIn );
      if ( options.layersPath.isEmpty() )
      {
        RtCli::err( rtMsg( "RtCli", "the bundled map layers were not found (looked in %1); pass --layers FILE.gpkg or set RESTRACK_LAYERS" ).arg( lookedIn ) );
        return ExitRefused;
      }
    }

    const RtResult<RtSessionPackReport> report = RtSessionPack::make( options );
    if ( !report.ok() )
    {
      RtCli::err( report.error() );
      return ExitRefused;
    }
    for ( const QString &w : report.value().warnings )
      RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );
    RtCli::out( rtMsg( "RtCli", "wrote %1: %2 pages (%3 places) as of %4%5" )
                .arg( report.value().outputPath ).arg( report.value().pages ).arg( report.value().placePages )
                .arg( options.sessionDate.toString( Qt::ISODate ),
                      options.tablesPath.isEmpty() ? QString() : rtMsg( "RtCli", "; tables in %1" ).arg( options.tablesPath ) ) );
    return ExitOk;
  }
}

int runSessionPackMain( int argc, char *argv[] )
{
  RtHeadlessQgis qgis( argc, argv, QStringLiteral( "restrack" ) );
  if ( !qgis.ok() )
  {
    RtCli::err( qgis.error() );
    return ExitRefused;
  }
  const QStringList args = QCoreApplication::arguments().mid( 2 ); // after "restrack session-pack"
  int rc = ExitRefused;
  try
  {
    rc = runPack( args );
  }
  catch ( const std::exception &e )
  {
    RtCli::err( rtMsg( "RtCli", "internal error: %1" ).arg( QString::fromUtf8( e.what() ) ) );
  }
  return rc;
}
