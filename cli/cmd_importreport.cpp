// restrack import-report: an office's filled report form, recorded in one batch (all rows or none).
#include "clicommon.h"
#include "rttr.h"
#include "rtreportimport.h"
#include "rtstore.h"

namespace
{
  QString usage()
  {
    return RtCli::usage( "restrack import-report [--db FILE.gpkg] FORM.xlsx|FORM.ods|FORM.csv --by NAME [--dry-run]" );
  }
}

int runImportReport( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "by" ) }, { QStringLiteral( "dry-run" ) } ) || args.positional().size() != 1 )
  {
    RtCli::err( args.error().isEmpty() ? usage() : args.error() );
    return ExitUsage;
  }
  const QString by = args.value( QStringLiteral( "by" ) ).trimmed();
  if ( by.isEmpty() )
  {
    RtCli::err( rtMsg( "RtCli", "--by is required: say who reports" ) );
    return ExitUsage;
  }
  const bool dryRun = args.has( QStringLiteral( "dry-run" ) );
  int exit = ExitRefused;
  // Writable even for a dry run: the batch is checked under the register's write lock, then rolled back.
  std::unique_ptr<RtStore> store = RtCli::openStore( args, true, &exit );
  if ( !store )
    return exit;
  const QString form = args.positional().constFirst();
  const RtResult<RtReportImportOutcome> imported = RtReportImport::import( *store, form, by, dryRun );
  if ( !imported.ok() )
    return RtCli::fail( imported );
  const RtReportImportOutcome &outcome = imported.value();
  if ( !outcome.errors.isEmpty() )
  {
    // Exit by the kind of the errors: one kind for all of them, else "refused".
    RtErrorKind kind = outcome.errors.constFirst().kind;
    for ( const RtReportRowError &e : outcome.errors )
    {
      RtCli::err( rtMsg( "RtCli", "%1, row %2: %3" ).arg( form ).arg( e.row ).arg( e.message ) );
      if ( e.kind != kind )
        kind = RtErrorKind::Invalid;
    }
    RtCli::err( rtMsg( "RtCli", "%1: %2 of %3 reported rows refused; nothing recorded" ).arg( form ).arg( outcome.errors.size() ).arg( outcome.reportedRows ) );
    return RtCli::exitCode( kind );
  }
  for ( const RtReportRowChange &c : outcome.changes )
    RtCli::out( rtMsg( "RtCli", "row %1: %2" ).arg( c.row ).arg( c.description.isEmpty() ? c.taskId : c.description ) );
  RtCli::out( rtMsg( "RtCli", "%1: %2 reported rows, %3 status and %4 value history rows %5" )
              .arg( form ).arg( outcome.reportedRows ).arg( outcome.statusRows ).arg( outcome.valueRows )
              .arg( dryRun ? rtMsg( "RtCli", "would be recorded (dry run: nothing written)" ) : QStringLiteral( "recorded" ) ) );
  return ExitOk;
}
