// restrack export: the council-session map (PDF or PNG) through a QGIS print layout.
#include "clicommon.h"
#include "rttr.h"
#include "rtheadlessqgis.h"
#include "rtmapexport.h"

#include <QCoreApplication>

namespace
{
  QString exportUsage()
  {
    return RtCli::usage( "restrack export [--db REGISTER.gpkg] [--layers LAYERS.gpkg] --as-of YYYY-MM-DD "
                         "--out FILE.pdf|FILE.png [--overwrite] [--resolution NUMBER]… [--lang vi|en] [--print] [--dpi N] [--units 2023|2025]\n"
                         "       [--template T.qpt] [--city CITY.json] [--with-directives]",
                         rtMsg( "RtCli", "  --resolution: colour by the tasks of the resolutions named (default: all);\n"
                                         "  --overwrite: replace an existing FILE (it is replaced only once the new map is complete)\n"
                                         "  --with-directives: a place's colour counts every task naming it; by default its concrete commitments,\n"
                                         "  and directive items only where no commitment names it\n"
                                         "  --template: a copy of the council map's layout template (map/templates/council-map.qpt, installed under\n"
                                         "  share/restrack/templates) edited in QGIS's layout designer; it must keep the ids of the items the map fills\n"
                                         "  --city: the city file (data/<city>/city.json: its CRS, the neighbours named on the map); default: Móng Cái\n"
                                         "  --units 2025: colour and label the 2025 administrative units (wards_2025) instead of the 2023 wards;\n"
                                         "  the tasks' 2023 ward codes are translated through wards_2023's field gso_code_2025" ) );
  }

  //! The bundled map layers: $RESTRACK_LAYERS, else next to the build's or the installed data, else the source tree.
  QString bundledLayers( QString *lookedIn )
  {
    return RtCli::bundledFile( QStringLiteral( "mongcai-layers.gpkg" ), "RESTRACK_LAYERS",
                               QStringLiteral( RT_SOURCE_DATA_DIR "/mongcai-layers.gpkg" ), lookedIn );
  }

  int runExport( const QStringList &argList )
  {
    RtArgs args;
    if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "layers" ), QStringLiteral( "as-of" ), QStringLiteral( "out" ),
                                 QStringLiteral( "lang" ), QStringLiteral( "dpi" ), QStringLiteral( "units" ), QStringLiteral( "template" ),
                                 QStringLiteral( "resolution" ), QStringLiteral( "city" ) },
                     { QStringLiteral( "print" ), QStringLiteral( "overwrite" ), QStringLiteral( "with-directives" ) } )
         || !args.positional().isEmpty() )
    {
      RtCli::err( args.error().isEmpty() ? exportUsage() : args.error() );
      return ExitUsage;
    }
    RtMapExportOptions options;
    options.outputPath = args.value( QStringLiteral( "out" ) );
    if ( options.outputPath.isEmpty() || !args.has( QStringLiteral( "as-of" ) ) )
    {
      RtCli::err( rtMsg( "RtCli", "--as-of and --out are required; %1" ).arg( exportUsage() ) );
      return ExitUsage;
    }
    options.asOf = RtCli::parseDate( args.value( QStringLiteral( "as-of" ) ) );
    if ( !options.asOf.isValid() )
    {
      RtCli::err( rtMsg( "RtCli", "--as-of '%1' is not a date; use YYYY-MM-DD" ).arg( args.value( QStringLiteral( "as-of" ) ) ) );
      return ExitUsage;
    }
    if ( !RtCli::langOption( args, options.lang ) )
      return ExitUsage;
    if ( args.has( QStringLiteral( "dpi" ) ) )
    {
      bool ok = false;
      options.dpi = args.value( QStringLiteral( "dpi" ) ).toInt( &ok );
      if ( !ok || options.dpi < 50 || options.dpi > 1200 )
      {
        RtCli::err( rtMsg( "RtCli", "--dpi must be a number from 50 to 1200, not '%1'" ).arg( args.value( QStringLiteral( "dpi" ) ) ) );
        return ExitUsage;
      }
    }
    options.print = args.has( QStringLiteral( "print" ) );
    options.resolutions = args.values( QStringLiteral( "resolution" ) );
    options.overwrite = args.has( QStringLiteral( "overwrite" ) );
    options.templatePath = args.value( QStringLiteral( "template" ) );
    options.cityPath = args.value( QStringLiteral( "city" ) ); // empty: the bundled city
    options.withDirectives = args.has( QStringLiteral( "with-directives" ) );
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

    QString lookedIn;
    options.registerPath = args.value( QStringLiteral( "db" ) );
    if ( options.registerPath.isEmpty() )
    {
      options.registerPath = RtCli::bundledRegister( &lookedIn );
      if ( options.registerPath.isEmpty() )
      {
        RtCli::err( rtMsg( "RtCli", "the bundled register was not found (looked in %1); build the project (cmake --build) "
                                    "or pass --db FILE.gpkg" ).arg( lookedIn ) );
        return ExitRefused;
      }
    }
    options.layersPath = args.value( QStringLiteral( "layers" ) );
    if ( options.layersPath.isEmpty() )
    {
      options.layersPath = bundledLayers( &lookedIn );
      if ( options.layersPath.isEmpty() )
      {
        RtCli::err( rtMsg( "RtCli", "the bundled map layers were not found (looked in %1); pass --layers FILE.gpkg "
                                    "or set RESTRACK_LAYERS" ).arg( lookedIn ) );
        return ExitRefused;
      }
    }

    const RtResult<RtMapExportReport> report = RtMapExport::exportMap( options );
    if ( !report.ok() )
    {
      RtCli::err( report.error() );
      return ExitRefused;
    }
    for ( const QString &w : report.value().warnings )
      RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );
    RtCli::out( rtMsg( "RtCli", "wrote %1: %2 tasks, %3 overdue as of %4%5%6" )
                .arg( report.value().outputPath ).arg( report.value().tasks ).arg( report.value().overdue )
                .arg( options.asOf.toString( Qt::ISODate ),
                      options.units == 2025 ? rtMsg( "RtCli", ", by the 2025 units" ) : QString(),
                      report.value().schematic ? rtMsg( "RtCli", " (schematic geometry: the notice is on the map)" ) : QString() ) );
    return ExitOk;
  }
}

int runExportMain( int argc, char *argv[] )
{
  // QGIS headless, its profile in a private temporary folder: nothing under the user's home.
  RtHeadlessQgis qgis( argc, argv, QStringLiteral( "restrack" ) );
  if ( !qgis.ok() )
  {
    RtCli::err( qgis.error() );
    return ExitRefused;
  }
  QStringList args = QCoreApplication::arguments().mid( 2 ); // after "restrack export"
  int rc = ExitRefused;
  try
  {
    rc = runExport( args );
  }
  catch ( const std::exception &e )
  {
    RtCli::err( rtMsg( "RtCli", "internal error: %1" ).arg( QString::fromUtf8( e.what() ) ) );
  }
  return rc;
}
