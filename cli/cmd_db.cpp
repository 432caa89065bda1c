// restrack db init|upgrade, push and pull: a register on a PostgreSQL server (many desks)
// and GeoPackage copies of it, the whole history included.
#include "clicommon.h"
#include "rttr.h"
#include "rtpgrights.h"
#include "rtstorebackend.h"
#include "rtstoreschema.h"
#include "rtstoretransfer.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>

namespace
{
  QString dbUsage()
  {
    return RtCli::usage( "restrack db init --db URI | restrack db upgrade --db URI\n"
                         "       restrack db role --db URI --user LOGIN --as viewer|editor|admin\n"
                         "       restrack db grant --db URI --user LOGIN (--office \"OFFICE\" | --place KIND:KEY) --by NAME\n"
                         "       restrack db rights --db URI [--user LOGIN]" );
  }
  QString pushUsage()
  {
    return RtCli::usage( "restrack push --from FILE.gpkg --db URI [--overwrite]" );
  }
  QString pullUsage()
  {
    return RtCli::usage( "restrack pull --db URI --out FILE.gpkg|FOLDER [--overwrite]" );
  }

  QString describe( const RtTransferReport &r )
  {
    return rtMsg( "RtCli", "%1 resolution(s), %2 task(s), %3 status change(s), %4 measured value(s), %5 assignment(s)" )
           .arg( r.resolutions ).arg( r.tasks ).arg( r.statusChanges ).arg( r.values ).arg( r.assignments );
  }
}

int runDb( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "user" ), QStringLiteral( "as" ), QStringLiteral( "office" ),
                              QStringLiteral( "place" ), QStringLiteral( "by" ) }, {} )
       || args.positional().size() != 1 || args.value( QStringLiteral( "db" ) ).isEmpty() )
  {
    RtCli::err( args.error().isEmpty() ? dbUsage() : args.error() );
    return ExitUsage;
  }
  const QString location = args.value( QStringLiteral( "db" ) );
  const QString shown = RtStoreBackends::displayLocation( location );
  const QString action = args.positional().constFirst();
  if ( action == QLatin1String( "init" ) )
  {
    const RtStatusResult created = RtStoreTransfer::createEmpty( location );
    if ( !created.ok() )
      return RtCli::fail( created );
    QStringList tables;
    for ( const RtTableSpec &t : RtStoreSchema::tables() )
      tables << QLatin1String( t.name );
    const bool server = RtStoreBackends::kindOf( location ) == RtStoreBackends::Kind::PostgreSql;
    RtCli::out( rtMsg( "RtCli", "created an empty register (schema %1) in %2%3: tables %4; the histories are append-only. "
                                "Fill it with: restrack push --from FILE.gpkg --db %2" )
                .arg( RtStoreSchema::version() ).arg( shown, server ? rtMsg( "RtCli", " (database schema restrack)" ) : QString(),
                      tables.join( QStringLiteral( ", " ) ) ) );
    return ExitOk;
  }
  if ( action == QLatin1String( "upgrade" ) )
  {
    const RtResult<RtUpgradeReport> upgraded = RtStoreTransfer::upgrade( location );
    if ( !upgraded.ok() )
      return RtCli::fail( upgraded );
    const RtUpgradeReport &report = upgraded.value();
    if ( !report.keptAs.isEmpty() )
      RtCli::out( rtMsg( "RtCli", "%1 was upgraded to register schema %2; the register as it was is kept as %3" ).arg( shown ).arg( report.version ).arg( report.keptAs ) );
    else if ( report.completed.isEmpty() )
      RtCli::out( rtMsg( "RtCli", "%1 is a register of schema %2 already: nothing to upgrade" ).arg( shown ).arg( report.version ) );
    if ( RtStoreBackends::kindOf( location ) == RtStoreBackends::Kind::PostgreSql )
    {
      if ( report.completed.isEmpty() )
        RtCli::out( rtMsg( "RtCli", "%1: its rights (roles, row-level security) and live-update triggers are all there: nothing was missing" ).arg( shown ) );
      else
        RtCli::out( rtMsg( "RtCli", "%1 (register schema %2): its server set-up was completed, in one transaction; added: %3" )
                    .arg( shown ).arg( report.version ).arg( report.completed.join( QStringLiteral( "; " ) ) ) );
    }
    return ExitOk;
  }
  const QString user = args.value( QStringLiteral( "user" ) ).trimmed();
  if ( action == QLatin1String( "role" ) )
  {
    const std::optional<RtPgRights::Role> role = RtPgRights::roleFromCode( args.value( QStringLiteral( "as" ) ) );
    if ( user.isEmpty() || !role )
    {
      RtCli::err( rtMsg( "RtCli", "db role needs --user LOGIN and --as viewer, editor or admin\n%1" ).arg( dbUsage() ) );
      return ExitUsage;
    }
    const RtStatusResult granted = RtPgRights::grantRole( location, user, *role );
    if ( !granted.ok() )
      return RtCli::fail( granted );
    RtCli::out( rtMsg( "RtCli", "%1 is now %2 of the registers on %3" ).arg( user, RtPgRights::roleName( *role ), shown ) );
    return ExitOk;
  }
  if ( action == QLatin1String( "grant" ) )
  {
    if ( user.isEmpty() || args.value( QStringLiteral( "by" ) ).trimmed().isEmpty() )
    {
      RtCli::err( rtMsg( "RtCli", "db grant needs --user LOGIN, --office or --place, and --by NAME\n%1" ).arg( dbUsage() ) );
      return ExitUsage;
    }
    const QString office = args.value( QStringLiteral( "office" ) );
    const QString place = args.value( QStringLiteral( "place" ) );
    const RtStatusResult granted = RtPgRights::grantScope( location, user, office, place, args.value( QStringLiteral( "by" ) ) );
    if ( !granted.ok() )
      return RtCli::fail( granted );
    RtCli::out( rtMsg( "RtCli", "%1 may now change the tasks of %2 in %3" )
                .arg( user, office.trimmed().isEmpty() ? place.trimmed() : rtMsg( "RtCli", "office \"%1\"" ).arg( office.trimmed() ), shown ) );
    return ExitOk;
  }
  if ( action == QLatin1String( "rights" ) )
  {
    const RtResult<QStringList> lines = RtPgRights::describe( location, user );
    if ( !lines.ok() )
      return RtCli::fail( lines );
    for ( const QString &line : lines.value() )
      RtCli::out( line );
    if ( lines.value().isEmpty() )
      RtCli::out( rtMsg( "RtCli", "no roles or grants%1 on %2" ).arg( user.isEmpty() ? QString() : rtMsg( "RtCli", " for " ) + user, shown ) );
    return ExitOk;
  }
  RtCli::err( rtMsg( "RtCli", "unknown db action '%1'\n%2" ).arg( action, dbUsage() ) );
  return ExitUsage;
}

int runPush( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "from" ), QStringLiteral( "db" ) }, { QStringLiteral( "overwrite" ) } ) || !args.positional().isEmpty()
       || args.value( QStringLiteral( "from" ) ).isEmpty() || args.value( QStringLiteral( "db" ) ).isEmpty() )
  {
    RtCli::err( args.error().isEmpty() ? pushUsage() : args.error() );
    return ExitUsage;
  }
  const QString from = args.value( QStringLiteral( "from" ) );
  const QString to = args.value( QStringLiteral( "db" ) );
  const RtResult<RtTransferReport> copied = RtStoreTransfer::copy( from, to, args.has( QStringLiteral( "overwrite" ) ) );
  if ( !copied.ok() )
    return RtCli::fail( copied );
  RtCli::out( rtMsg( "RtCli", "pushed %1 to %2: %3" ).arg( RtStoreBackends::displayLocation( from ), RtStoreBackends::displayLocation( to ), describe( copied.value() ) ) );
  if ( !copied.value().keptAs.isEmpty() )
    RtCli::err( rtMsg( "RtCli", "note: the register that was there is kept as %1" ).arg( copied.value().keptAs ) );
  return ExitOk;
}

int runPull( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "out" ) }, { QStringLiteral( "overwrite" ) } ) || !args.positional().isEmpty()
       || args.value( QStringLiteral( "out" ) ).isEmpty() || args.value( QStringLiteral( "db" ) ).isEmpty() )
  {
    RtCli::err( args.error().isEmpty() ? pullUsage() : args.error() );
    return ExitUsage;
  }
  const QString from = args.value( QStringLiteral( "db" ) );
  QString out = args.value( QStringLiteral( "out" ) );
  // A folder receives a snapshot named by its date.
  if ( QFileInfo( out ).isDir() )
    out = QDir( out ).filePath( QStringLiteral( "restrack-%1.gpkg" ).arg( QDate::currentDate().toString( Qt::ISODate ) ) );
  if ( RtStoreBackends::kindOf( out ) != RtStoreBackends::Kind::GeoPackage )
  {
    RtCli::err( rtMsg( "RtCli", "--out must be a GeoPackage file or a folder, not a database; use push to copy to a server" ) );
    return ExitUsage;
  }
  const bool overwrite = args.has( QStringLiteral( "overwrite" ) );
  if ( ( QFileInfo::exists( out ) || QFileInfo( out ).isSymLink() ) && !overwrite )
  {
    RtCli::err( rtMsg( "RtCli", "%1 already exists; pass --overwrite to replace it" ).arg( out ) );
    return ExitRefused;
  }
  const RtResult<RtTransferReport> copied = RtStoreTransfer::copy( from, out, overwrite );
  if ( !copied.ok() )
    return RtCli::fail( copied );
  RtCli::out( rtMsg( "RtCli", "pulled %1 into %2: %3" ).arg( RtStoreBackends::displayLocation( from ), out, describe( copied.value() ) ) );
  if ( !copied.value().keptAs.isEmpty() )
    RtCli::err( rtMsg( "RtCli", "note: the register that was there is kept as %1" ).arg( copied.value().keptAs ) );
  return ExitOk;
}
