// restrack: command-line tool of Resolution Tracker.
#include "clicommon.h"
#include "rttr.h"

#include <QCoreApplication>
#include <gdal.h>

#include <utility>

int runParse( const QStringList &args );
int runBuildRegister( const QStringList &args );
int runDraftRegister( const QStringList &args );
int runSummary( const QStringList &args );
int runSetStatus( const QStringList &args );
int runHistory( const QStringList &args );
int runAddResolution( const QStringList &args );
int runSetValue( const QStringList &args );
int runAssign( const QStringList &args );
int runJoin( const QStringList &args );
int runReportForm( const QStringList &args );
int runImportReport( const QStringList &args );
int runDb( const QStringList &args );
int runPush( const QStringList &args );
int runPull( const QStringList &args );
#ifdef RT_WITH_QGIS
int runExportMain( int argc, char *argv[] ); // runs its own QgsApplication
int runSessionPackMain( int argc, char *argv[] ); // runs its own QgsApplication
#endif

namespace
{
  //! A command in `restrack --help`.
  struct CommandHelp
  {
    const char *synopsis; //!< what is typed, the same in every language; continuation lines indented
    QString what;         //!< what it does, in the message language; lines of at most about 70 characters
  };

  QString helpText()
  {
    const CommandHelp commands[] =
    {
      { "parse FILE.txt [--json]", rtMsg( "RtCliHelp", "the document, clause tree and figures of a resolution text" ) },
      { "build-register --out FILE.gpkg [--register FILE.json] [--text FILE.txt] [--overwrite]",
        rtMsg( "RtCliHelp", "build a register GeoPackage from the text and the curated tasks" ) },
      { "draft-register --text FILE --out FILE.json [--city CITY.json] [--layers GPKG] [--term YYYY-YYYY] [--overwrite]",
        rtMsg( "RtCliHelp", "propose a register (JSON, to be reviewed) from any resolution's text" ) },
      { "add-resolution [--db FILE.gpkg] --text FILE.txt [--register FILE.json]",
        rtMsg( "RtCliHelp", "add a resolution (its text and the tasks of its register JSON,\n"
                            "checked against the text) to a register; a taken task id becomes ID@NUMBER" ) },
      { "summary [--db FILE.gpkg] [--resolution NUMBER]… [--as-of YYYY-MM-DD] [--json] [--lang vi|en]",
        rtMsg( "RtCliHelp", "tasks by resolution, status and category, overdue ones first;\n"
                            "measured values against the targets, assigned offices" ) },
      { "set-status [--db FILE.gpkg] [--resolution NUMBER] ID STATUS --by NAME [--date YYYY-MM-DD] [--note T | --note-file F]\n"
        "           [--evidence E | --evidence-file F] [--expect OLD_STATUS]",
        rtMsg( "RtCliHelp", "record a status change (one transaction); F: a UTF-8 file, - for stdin;\n"
                            "the same status with a note or evidence records the report" ) },
      { "set-value [--db FILE.gpkg] [--resolution NUMBER] ID VALUE --by NAME [--unit U] [--date YYYY-MM-DD]\n"
        "          [--evidence E | --evidence-file F] [--note T | --note-file F]",
        rtMsg( "RtCliHelp", "record a measured value of a task with a target (312, 3,65, 78%)" ) },
      { "assign [--db FILE.gpkg] [--resolution NUMBER] ID --office \"LEAD\" [--with \"OFFICE\"]… --by NAME",
        rtMsg( "RtCliHelp", "record the lead and cooperating offices of a task (kept as a history)" ) },
      { "history [--db FILE.gpkg] [--resolution NUMBER] ID [--json]",
        rtMsg( "RtCliHelp", "a task's status history, measured values and assignments" ) },
      { "join [--db FILE.gpkg] --layer PATH[|layername=NAME] --kind ward|zone|site|parcel --fields F1[,F2,F3]\n"
        "     [--match code|name] [--resolution NUMBER]… [--as-of YYYY-MM-DD] [--json] [--write] [--lang vi|en]\n"
        "     [--key-map PATH[|layername=NAME] --key-map-fields FROM,TO] [--with-directives]",
        rtMsg( "RtCliHelp", "each feature's status from its tasks; --write stores it (GeoPackage)\n"
                            "--with-directives: directive items colour places that commitments name too" ) },
      { "report-form [--db FILE.gpkg] (--office \"OFFICE\" | --place KIND:KEY) [--resolution NUMBER] [--date YYYY-MM-DD]\n"
        "     --out FORM.xlsx|FORM.ods|FORM.csv [--overwrite]",
        rtMsg( "RtCliHelp", "an office's (or a place's) report form: its tasks, their status on the date,\n"
                            "empty columns to fill in (new status, date, value, evidence, note)" ) },
      { "import-report [--db FILE.gpkg] FORM --by NAME [--dry-run]",
        rtMsg( "RtCliHelp", "record a filled report form: every row or none; each bad row named by its\n"
                            "row number; a task changed since the form was made is a conflict (exit 3)" ) },
      { "export [--db FILE.gpkg] [--layers LAYERS.gpkg] --as-of YYYY-MM-DD --out FILE.pdf|FILE.png [--overwrite] [--lang vi|en]\n"
        "     [--print] [--dpi N] [--units 2023|2025] [--template T.qpt] [--with-directives] [--resolution NUMBER]…",
        rtMsg( "RtCliHelp", "the council-session map (A3, QGIS print layout); --print: hatched, for B/W;\n"
                            "--units 2025: by the administrative units of 2025; --template: an edited layout" ) },
      { "session-pack [--db FILE.gpkg] [--layers LAYERS.gpkg] --session-date YYYY-MM-DD [--since YYYY-MM-DD] [--resolution N]\n"
        "     [--units 2023|2025] [--lang vi|en] [--with-directives] [--template DIR|FILE.qpt] [--cadastre PATH[|layername=L]]\n"
        "     --out PACK.pdf [--tables PACK.xlsx] [--overwrite]",
        rtMsg( "RtCliHelp", "the council session pack: cover, overview, changes since the last\n"
                            "session, figures, a page per ward and zone, land cases, appendix" ) },
      { "db init --db URI", rtMsg( "RtCliHelp", "create an empty register on a PostgreSQL server (schema restrack)" ) },
      { "db upgrade --db URI|FILE.gpkg", rtMsg( "RtCliHelp", "bring a register to this version's layout (the old one kept)" ) },
      { "db role --db URI --user LOGIN --as viewer|editor|admin",
        rtMsg( "RtCliHelp", "give a server login a role (rights kept by the server)" ) },
      { "db grant --db URI --user LOGIN (--office \"OFFICE\" | --place KIND:KEY) --by NAME",
        rtMsg( "RtCliHelp", "let an editor change the tasks of an office or a place" ) },
      { "db rights --db URI [--user LOGIN]", rtMsg( "RtCliHelp", "list roles and grants" ) },
      { "push --from FILE.gpkg --db URI [--overwrite]",
        rtMsg( "RtCliHelp", "copy a register with its whole history to a server (one transaction);\n"
                            "a register there is replaced only with --overwrite, and kept aside" ) },
      { "pull --db URI --out FILE.gpkg|FOLDER [--overwrite]",
        rtMsg( "RtCliHelp", "a GeoPackage snapshot of a server's register, whole history included" ) },
    };
    // Each command's explanation starts in this column, on the synopsis' last line when it fits.
    constexpr int column = 47;
    const QString indent( column, QLatin1Char( ' ' ) );
    QString text = rtMsg( "RtCliHelp", "usage: restrack COMMAND [options]" ) + QStringLiteral( "\n\n" )
                   + rtMsg( "RtCliHelp", "commands:" ) + QLatin1Char( '\n' );
    for ( const CommandHelp &command : commands )
    {
      const QStringList synopsis = QString::fromUtf8( command.synopsis ).split( QLatin1Char( '\n' ) );
      QStringList what = command.what.split( QLatin1Char( '\n' ) );
      for ( int i = 0; i < synopsis.size(); ++i )
      {
        QString line = QStringLiteral( "  " ) + synopsis.at( i );
        if ( i == synopsis.size() - 1 && line.size() < column )
          line = line.leftJustified( column ) + what.takeFirst();
        text += line + QLatin1Char( '\n' );
      }
      for ( const QString &line : std::as_const( what ) )
        text += indent + line + QLatin1Char( '\n' );
    }
    text += QLatin1Char( '\n' )
            + rtMsg( "RtCliHelp", "--db takes a GeoPackage file or a PostgreSQL database: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB or service=NAME\n"
                                  "(a password is better kept in ~/.pgpass or a service file than on the command line).\n"
                                  "Without --db the bundled Móng Cái register (172/NQ-HĐND) is used. --resolution NUMBER (\"172/NQ-HĐND\", \"172/nq-hdnd\" or \"172\")\n"
                                  "chooses the tasks of that resolution (repeatable; default: every resolution of the register); with an ID it names the\n"
                                  "resolution whose register wrote that ID." )
            + QStringLiteral( "\n\n" )
            + rtMsg( "RtCliHelp", "exit codes:\n"
                                  "  0 done   1 refused: wrong input, or it names what does not exist   2 wrong command line\n"
                                  "  3 stale: the task changed meanwhile (--expect), look again   4 busy: another program holds a lock, retry\n"
                                  "  5 read-only: the register, its file or folder cannot be written   6 forbidden: no right to do this\n"
                                  "  7 unavailable: the disk or server failed   8 corrupt: the register is damaged or not what this version reads" )
            + QLatin1Char( '\n' );
    return text;
  }
}

int main( int argc, char *argv[] )
{
  RtCli::setMessageLanguage( argc, argv );
  // The map export renders through QGIS, which needs a (GUI, offscreen) QgsApplication;
  // every other command stays a plain QCoreApplication.
  if ( argc > 1 && qstrcmp( argv[1], "export" ) == 0 )
  {
#ifdef RT_WITH_QGIS
    return runExportMain( argc, argv );
#else
    std::fputs( "restrack: export needs the build with QGIS (cmake -DRT_WITH_QGIS=ON)\n", stderr );
    return ExitRefused;
#endif
  }
  if ( argc > 1 && qstrcmp( argv[1], "session-pack" ) == 0 )
  {
#ifdef RT_WITH_QGIS
    return runSessionPackMain( argc, argv );
#else
    std::fputs( "restrack: session-pack needs the build with QGIS (cmake -DRT_WITH_QGIS=ON)\n", stderr );
    return ExitRefused;
#endif
  }
  QCoreApplication app( argc, argv );
  QCoreApplication::setApplicationName( QStringLiteral( "restrack" ) );
  GDALAllRegister();

  QStringList args = QCoreApplication::arguments();
  args.removeFirst();
  if ( args.isEmpty() || args.first() == QLatin1String( "--help" ) || args.first() == QLatin1String( "-h" ) )
  {
    std::fputs( helpText().toUtf8().constData(), args.isEmpty() ? stderr : stdout );
    return args.isEmpty() ? ExitUsage : ExitOk;
  }
  const QString command = args.takeFirst();
  try
  {
    if ( command == QLatin1String( "parse" ) )
      return runParse( args );
    if ( command == QLatin1String( "build-register" ) )
      return runBuildRegister( args );
    if ( command == QLatin1String( "draft-register" ) )
      return runDraftRegister( args );
    if ( command == QLatin1String( "summary" ) )
      return runSummary( args );
    if ( command == QLatin1String( "set-status" ) )
      return runSetStatus( args );
    if ( command == QLatin1String( "history" ) )
      return runHistory( args );
    if ( command == QLatin1String( "add-resolution" ) )
      return runAddResolution( args );
    if ( command == QLatin1String( "set-value" ) )
      return runSetValue( args );
    if ( command == QLatin1String( "assign" ) )
      return runAssign( args );
    if ( command == QLatin1String( "join" ) )
      return runJoin( args );
    if ( command == QLatin1String( "report-form" ) )
      return runReportForm( args );
    if ( command == QLatin1String( "import-report" ) )
      return runImportReport( args );
    if ( command == QLatin1String( "db" ) )
      return runDb( args );
    if ( command == QLatin1String( "push" ) )
      return runPush( args );
    if ( command == QLatin1String( "pull" ) )
      return runPull( args );
  }
  catch ( const std::exception &e )
  {
    RtCli::err( rtMsg( "RtCli", "internal error: %1" ).arg( QString::fromUtf8( e.what() ) ) );
    return ExitRefused;
  }
  RtCli::err( rtMsg( "RtCli", "unknown command '%1'; run `restrack --help`" ).arg( command ) );
  return ExitUsage;
}
