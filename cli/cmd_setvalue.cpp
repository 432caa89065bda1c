// restrack set-value: a measured value of a task's progress against its target.
#include "clicommon.h"
#include "rttr.h"
#include "rtprogress.h"
#include "rtstore.h"

namespace
{
  QString usage()
  {
    return RtCli::usage( "restrack set-value [--db FILE.gpkg] [--resolution NUMBER] ID VALUE --by NAME [--unit U] [--date YYYY-MM-DD]\n"
                         "                          [--evidence E | --evidence-file F] [--note T | --note-file F]",
                         rtMsg( "RtCli", "  VALUE: 312, 3,65 or 3.65, 78% (a per cent sign sets the unit %); without --unit the target's unit." ) );
  }
}

int runSetValue( const QStringList &argList )
{
  RtArgs args;
  const QStringList valueOptions = { QStringLiteral( "db" ), QStringLiteral( "by" ), QStringLiteral( "unit" ), QStringLiteral( "date" ),
                                     QStringLiteral( "note" ), QStringLiteral( "note-file" ), QStringLiteral( "evidence" ),
                                     QStringLiteral( "evidence-file" ), QStringLiteral( "resolution" ) };
  if ( !args.parse( argList, valueOptions, {} ) || args.positional().size() != 2 )
  {
    RtCli::err( args.error().isEmpty() ? usage() : args.error() );
    return ExitUsage;
  }
  RtValueChange change;
  change.taskId = args.positional().at( 0 );
  bool percent = false;
  const std::optional<double> value = RtProgress::parseValue( args.positional().at( 1 ), &percent );
  if ( !value )
  {
    RtCli::err( rtMsg( "RtCli", "VALUE '%1' is not a number; write it as 312, 3,65 or 78%" ).arg( args.positional().at( 1 ) ) );
    return ExitRefused;
  }
  change.value = *value;
  change.unit = args.has( QStringLiteral( "unit" ) ) ? args.value( QStringLiteral( "unit" ) ) : percent ? QStringLiteral( "%" ) : QString();
  if ( percent && args.has( QStringLiteral( "unit" ) ) && args.value( QStringLiteral( "unit" ) ).trimmed() != QLatin1String( "%" ) )
  {
    RtCli::err( rtMsg( "RtCli", "VALUE %1 is a percentage but --unit says '%2'" ).arg( args.positional().at( 1 ), args.value( QStringLiteral( "unit" ) ) ) );
    return ExitUsage;
  }
  change.by = args.value( QStringLiteral( "by" ) ).trimmed();
  if ( change.by.isEmpty() )
  {
    RtCli::err( rtMsg( "RtCli", "--by is required: say who reports the value" ) );
    return ExitUsage;
  }
  if ( args.has( QStringLiteral( "date" ) ) )
  {
    change.date = RtCli::parseDate( args.value( QStringLiteral( "date" ) ) );
    if ( !change.date.isValid() )
    {
      RtCli::err( rtMsg( "RtCli", "--date '%1' is not a date; use YYYY-MM-DD" ).arg( args.value( QStringLiteral( "date" ) ) ) );
      return ExitRefused;
    }
  }
  int exit = ExitRefused;
  if ( !RtCli::textOption( args, QStringLiteral( "note" ), QStringLiteral( "note-file" ), change.note, exit )
       || !RtCli::textOption( args, QStringLiteral( "evidence" ), QStringLiteral( "evidence-file" ), change.evidence, exit ) )
    return exit;

  std::unique_ptr<RtStore> store = RtCli::openStore( args, true, &exit );
  if ( !store )
    return exit;
  if ( !RtCli::taskIdOption( args, *store, change.taskId, change.taskId, exit ) )
    return exit;
  const RtStatusResult applied = store->setValue( change );
  if ( !applied.ok() )
    return RtCli::fail( applied );

  // Read back what was recorded, and say how far it is towards the target.
  const RtResult<RtTask> task = store->task( change.taskId );
  const RtResult<QVector<RtValueEntry>> values = store->values( change.taskId );
  if ( !task.ok() || !values.ok() || values.value().isEmpty() )
  {
    RtCli::out( rtMsg( "RtCli", "%1: value %2 recorded" ).arg( change.taskId, QString::number( change.value, 'g', 12 ) ) );
    return ExitOk;
  }
  const RtValueEntry &v = values.value().constLast();
  const RtTask &t = task.value();
  const std::optional<double> share = t.targetFigure ? t.targetFigure->share( v.value, v.unit ) : std::nullopt;
  RtCli::out( rtMsg( "RtCli", "%1: value %2%3 (%4, by %5)%6" )
              .arg( change.taskId, QString::number( v.value, 'g', 12 ), v.unit.isEmpty() ? QString() : v.unit == QLatin1String( "%" ) ? v.unit : QStringLiteral( " " ) + v.unit,
                    v.date.toString( Qt::ISODate ), v.by,
                    share ? rtMsg( "RtCli", " = %1% of the target \"%2\"" ).arg( *share * 100, 0, 'f', 0 ).arg( t.target )
                    : rtMsg( "RtCli", "; target \"%1\" (no share: %2)" ).arg( t.target, t.targetFigure ? rtMsg( "RtCli", "another unit" ) : rtMsg( "RtCli", "it states no single figure" ) ) ) );
  return ExitOk;
}
