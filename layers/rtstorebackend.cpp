#include "rtstorebackend.h"
#include "rtgpkgbackend.h"
#include "rtpgbackend.h"

#include <QFileInfo>
#include <QRegularExpression>

RtStoreBackends::Kind RtStoreBackends::kindOf( const QString &location )
{
  const QString trimmed = location.trimmed();
  if ( trimmed.startsWith( QLatin1String( "postgresql://" ), Qt::CaseInsensitive )
       || trimmed.startsWith( QLatin1String( "postgres://" ), Qt::CaseInsensitive ) )
    return Kind::PostgreSql;
  // A libpq connection string ("service=NAME", "host=… dbname=…"), unless a file has that name.
  static const QRegularExpression sConnInfo( QStringLiteral( "^(service|host|hostaddr|dbname|user|port|authcfg)\\s*=" ), QRegularExpression::CaseInsensitiveOption );
  if ( sConnInfo.match( trimmed ).hasMatch() && !QFileInfo::exists( location ) )
    return Kind::PostgreSql;
  return Kind::GeoPackage;
}

QString RtStoreBackends::displayLocation( const QString &location )
{
  if ( kindOf( location ) != Kind::PostgreSql )
    return location;
  QString shown = location;
  // postgresql://user:secret@host/db → postgresql://user:***@host/db; password=secret → password=***
  static const QRegularExpression sUriPassword( QStringLiteral( "^([a-z]+://[^:/@]*):[^@]*@" ), QRegularExpression::CaseInsensitiveOption );
  static const QRegularExpression sKeyPassword( QStringLiteral( "(password\\s*=\\s*)('[^']*'|\\S*)" ), QRegularExpression::CaseInsensitiveOption );
  shown.replace( sUriPassword, QStringLiteral( "\\1:***@" ) );
  shown.replace( sKeyPassword, QStringLiteral( "\\1***" ) );
  return shown;
}

RtResult<std::unique_ptr<RtStoreBackend>> RtStoreBackends::open( const QString &location, bool writable, QString *keptBeforeUpgrade )
{
  using Result = RtResult<std::unique_ptr<RtStoreBackend>>;
  if ( keptBeforeUpgrade )
    keptBeforeUpgrade->clear();
  std::unique_ptr<RtStoreBackend> backend;
  if ( kindOf( location ) == Kind::PostgreSql )
  {
    RtResult<std::unique_ptr<RtPgBackend>> opened = RtPgBackend::open( location, writable );
    if ( !opened.ok() )
      return Result::failureFrom( opened );
    backend = opened.takeValue();
  }
  else
  {
    RtResult<std::unique_ptr<RtGpkgBackend>> opened = RtGpkgBackend::open( location, writable );
    if ( !opened.ok() )
      return Result::failureFrom( opened );
    backend = opened.takeValue();
  }
  // A writer needs today's layout; a reader reads an older one as it is.
  if ( writable && backend->schemaVersion() < RtStoreSchema::version() )
  {
    const RtStatusResult upgraded = backend->upgrade( keptBeforeUpgrade );
    if ( !upgraded.ok() )
      return Result::failureFrom( upgraded );
  }
  return Result::success( std::move( backend ) );
}

RtStatusResult RtStoreBackends::create( const QString &location, const RtStoreCreateRequest &request, QString *keptAs )
{
  if ( kindOf( location ) == Kind::PostgreSql )
    return RtPgBackend::create( location, request, keptAs );
  return RtGpkgBackend::create( location, request, keptAs );
}
