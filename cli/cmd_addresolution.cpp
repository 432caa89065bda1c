// restrack add-resolution: one more resolution, its text and tasks, in a register.
#include "clicommon.h"
#include "rttr.h"
#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace
{
  QString usage()
  {
    return RtCli::usage( "restrack add-resolution [--db FILE.gpkg] --text FILE.txt [--register FILE.json]",
                         rtMsg( "RtCli", "  --register: the resolution's tasks (a curated or draft register), checked against the text;\n"
                                         "  without it the text is added with no tasks. --text defaults to the register's own text." ) );
  }
}

int runAddResolution( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "text" ), QStringLiteral( "register" ) }, {} )
       || !args.positional().isEmpty() || ( !args.has( QStringLiteral( "text" ) ) && !args.has( QStringLiteral( "register" ) ) ) )
  {
    RtCli::err( args.error().isEmpty() ? usage() : args.error() );
    return ExitUsage;
  }
  int exit = ExitRefused;
  std::unique_ptr<RtStore> store = RtCli::openStore( args, true, &exit );
  if ( !store )
    return exit;

  // The tasks come from a register JSON, checked against the text as build-register checks them.
  std::optional<RtRegisterFile> reg;
  const QString registerPath = args.value( QStringLiteral( "register" ) );
  if ( !registerPath.isEmpty() )
  {
    const RtResult<RtRegisterFile> loaded = RtRegister::load( registerPath );
    if ( !loaded.ok() )
      return RtCli::fail( loaded );
    reg = loaded.value();
  }
  const QString textPath = args.has( QStringLiteral( "text" ) ) ? args.value( QStringLiteral( "text" ) )
                           : QFileInfo( registerPath ).absoluteDir().filePath( reg->textFile );
  // Without a register, the council is the register's: its latest resolution's term.
  RtCouncilTerm term;
  if ( reg )
    term = reg->term;
  else
  {
    const RtResult<QVector<RtDocumentInfo>> docs = store->resolutions();
    if ( !docs.ok() )
      return RtCli::fail( docs );
    term = docs.value().constLast().term;
  }

  QFile textFile( textPath );
  if ( !textFile.open( QIODevice::ReadOnly ) )
  {
    RtCli::err( rtMsg( "RtCli", "%1: cannot read the resolution text (%2)" ).arg( textPath, textFile.errorString() ) );
    return ExitRefused;
  }
  const QByteArray textBytes = textFile.readAll();
  const RtResult<RtImportReport> imported = RtResolutionImporter::importBytes( textBytes, textPath, term );
  if ( !imported.ok() )
    return RtCli::fail( imported );
  for ( const QString &w : imported.value().warnings )
    RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );
  const RtResolution &res = imported.value().resolution;

  QVector<RtTask> tasks;
  if ( reg )
  {
    const QStringList problems = RtRegister::checkAgainst( *reg, res );
    if ( !problems.isEmpty() )
    {
      for ( const QString &p : problems )
        RtCli::err( p );
      RtCli::err( rtMsg( "RtCli", "refusing to add: %1 disagrees with %2 in %3 place(s); fix the register or the text" )
                  .arg( registerPath, textPath ).arg( problems.size() ) );
      return ExitRefused;
    }
    tasks = reg->tasks;
  }

  const RtResult<RtAddedResolution> added = store->addResolution( res, tasks, RtCli::documentInfo( res, textPath, textBytes, term ) );
  if ( !added.ok() )
    return RtCli::fail( added );
  RtCli::out( rtMsg( "RtCli", "added %1 to %2: %3 tasks, checked against %4" )
              .arg( added.value().number, store->path() ).arg( added.value().tasks ).arg( QFileInfo( textPath ).fileName() ) );
  for ( const auto &renamed : added.value().renamed )
    RtCli::out( rtMsg( "RtCli", "  task %1 is %2 in this register (the id %1 was taken)" ).arg( renamed.first, renamed.second ) );
  return ExitOk;
}
