// restrack report-form: an office's (or a place's) report form, a spreadsheet to fill in.
#include "clicommon.h"
#include "rttr.h"
#include "rtreportform.h"
#include "rtstore.h"

namespace
{
  QString usage()
  {
    return RtCli::usage( "restrack report-form [--db FILE.gpkg] (--office \"OFFICE\" | --place KIND:KEY) [--resolution NUMBER]\n"
                         "                            [--date YYYY-MM-DD] --out FORM.xlsx|FORM.ods|FORM.csv [--overwrite]" );
  }
}

int runReportForm( const QStringList &argList )
{
  RtArgs args;
  const QStringList valueOptions = { QStringLiteral( "db" ), QStringLiteral( "office" ), QStringLiteral( "place" ), QStringLiteral( "resolution" ),
                                     QStringLiteral( "date" ), QStringLiteral( "out" ) };
  if ( !args.parse( argList, valueOptions, { QStringLiteral( "overwrite" ) } ) || !args.positional().isEmpty()
       || args.value( QStringLiteral( "out" ) ).isEmpty()
       || args.has( QStringLiteral( "office" ) ) == args.has( QStringLiteral( "place" ) ) )
  {
    RtCli::err( args.error().isEmpty() ? usage() : args.error() );
    return ExitUsage;
  }
  RtReportFormRequest request;
  request.office = args.value( QStringLiteral( "office" ) );
  request.place = args.value( QStringLiteral( "place" ) );
  request.resolution = args.value( QStringLiteral( "resolution" ) );
  if ( args.has( QStringLiteral( "date" ) ) )
  {
    request.date = RtCli::parseDate( args.value( QStringLiteral( "date" ) ) );
    if ( !request.date.isValid() )
    {
      RtCli::err( rtMsg( "RtCli", "--date '%1' is not a date; use YYYY-MM-DD" ).arg( args.value( QStringLiteral( "date" ) ) ) );
      return ExitRefused;
    }
  }
  int exit = ExitRefused;
  std::unique_ptr<RtStore> store = RtCli::openStore( args, false, &exit );
  if ( !store )
    return exit;
  const QString out = args.value( QStringLiteral( "out" ) );
  const RtResult<int> written = RtReportForm::write( *store, request, out, args.has( QStringLiteral( "overwrite" ) ) );
  if ( !written.ok() )
    return RtCli::fail( written );
  RtCli::out( rtMsg( "RtCli", "%1: %2 tasks of %3, statuses of %4" )
              .arg( out ).arg( written.value() )
              .arg( request.place.isEmpty() ? rtMsg( "RtCli", "the office \"%1\"" ).arg( request.office.trimmed() ) : rtMsg( "RtCli", "the place %1" ).arg( request.place.trimmed() ) )
              .arg( ( request.date.isValid() ? request.date : QDate::currentDate() ).toString( Qt::ISODate ) ) );
  return ExitOk;
}
