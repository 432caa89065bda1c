// restrack assign: the lead office and the cooperating offices of a task.
#include "clicommon.h"
#include "rttr.h"
#include "rtstore.h"

namespace
{
  QString usage()
  {
    return RtCli::usage( "restrack assign [--db FILE.gpkg] [--resolution NUMBER] ID --office \"LEAD OFFICE\" [--with \"OFFICE\"]… --by NAME" );
  }
}

int runAssign( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "office" ), QStringLiteral( "with" ), QStringLiteral( "by" ),
                               QStringLiteral( "resolution" ) }, {} )
       || args.positional().size() != 1 )
  {
    RtCli::err( args.error().isEmpty() ? usage() : args.error() );
    return ExitUsage;
  }
  RtAssignmentChange change;
  change.taskId = args.positional().constFirst();
  if ( args.values( QStringLiteral( "office" ) ).size() > 1 )
  {
    RtCli::err( rtMsg( "RtCli", "a task has one lead office: give --office once, and the others with --with" ) );
    return ExitUsage;
  }
  change.lead = args.value( QStringLiteral( "office" ) ).trimmed();
  change.with = args.values( QStringLiteral( "with" ) );
  change.by = args.value( QStringLiteral( "by" ) ).trimmed();
  if ( change.lead.isEmpty() || change.by.isEmpty() )
  {
    RtCli::err( rtMsg( "RtCli", "%1 is required\n%2" ).arg( change.lead.isEmpty() ? rtMsg( "RtCli", "--office (the lead office)" ) : rtMsg( "RtCli", "--by (who assigns the task)" ),
                usage() ) );
    return ExitUsage;
  }
  int exit = ExitRefused;
  std::unique_ptr<RtStore> store = RtCli::openStore( args, true, &exit );
  if ( !store )
    return exit;
  if ( !RtCli::taskIdOption( args, *store, change.taskId, change.taskId, exit ) )
    return exit;
  const RtStatusResult applied = store->assign( change );
  if ( !applied.ok() )
    return RtCli::fail( applied );
  const RtResult<QVector<RtAssignment>> assignments = store->assignments( change.taskId );
  if ( !assignments.ok() || assignments.value().isEmpty() )
    return RtCli::fail( assignments );
  const RtAssignment &a = assignments.value().constLast();
  RtCli::out( rtMsg( "RtCli", "%1: lead %2%3 (by %4)" ).arg( change.taskId, a.lead,
              a.with.isEmpty() ? QString() : rtMsg( "RtCli", "; with %1" ).arg( a.with.join( QStringLiteral( ", " ) ) ), a.by ) );
  return ExitOk;
}
