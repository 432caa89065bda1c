#include "rtpgconnection.h"
#include "rttr.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace
{
  QMutex sResolverMutex;
  RtPgConnection::AuthResolver sResolver;

  bool isUri( const QString &location )
  {
    const QString trimmed = location.trimmed();
    return trimmed.startsWith( QLatin1String( "postgresql://" ), Qt::CaseInsensitive )
           || trimmed.startsWith( QLatin1String( "postgres://" ), Qt::CaseInsensitive );
  }

  //! "authcfg=ID" in a key=value connection string (the id as QGIS writes it: 7 letters or digits).
  const QRegularExpression &keyValueAuthcfg()
  {
    static const QRegularExpression sAuthcfg( QStringLiteral( "(^|\\s)authcfg\\s*=\\s*('([^']*)'|(\\S+))" ) );
    return sAuthcfg;
  }

  //! A value as libpq's key=value syntax wants it: single-quoted, \ and ' escaped.
  QString quotedValue( QString value )
  {
    value.replace( QLatin1Char( '\\' ), QLatin1String( "\\\\" ) ).replace( QLatin1Char( '\'' ), QLatin1String( "\\'" ) );
    return QLatin1Char( '\'' ) + value + QLatin1Char( '\'' );
  }
}

void RtPgConnection::setAuthResolver( AuthResolver resolver )
{
  QMutexLocker locker( &sResolverMutex );
  sResolver = std::move( resolver );
}

QString RtPgConnection::authConfigId( const QString &location )
{
  if ( isUri( location ) )
    return QUrlQuery( QUrl( location.trimmed() ) ).queryItemValue( QStringLiteral( "authcfg" ) );
  const QRegularExpressionMatch match = keyValueAuthcfg().match( location );
  if ( !match.hasMatch() )
    return QString();
  return match.captured( 3 ).isEmpty() ? match.captured( 4 ) : match.captured( 3 );
}

QString RtPgConnection::withCredentials( const QString &location, const Credentials &credentials )
{
  if ( isUri( location ) )
  {
    QUrl url( location.trimmed() );
    QUrlQuery query( url );
    query.removeAllQueryItems( QStringLiteral( "authcfg" ) );
    // The URI's own user and password (if any) give way to the configuration's.
    url.setUserName( QString() );
    url.setPassword( QString() );
    query.removeAllQueryItems( QStringLiteral( "user" ) );
    query.removeAllQueryItems( QStringLiteral( "password" ) );
    // Percent-encode fully: a password may hold '&', '=', '+' or '#'.
    query.addQueryItem( QStringLiteral( "user" ), QString::fromLatin1( QUrl::toPercentEncoding( credentials.user ) ) );
    query.addQueryItem( QStringLiteral( "password" ), QString::fromLatin1( QUrl::toPercentEncoding( credentials.password ) ) );
    url.setQuery( query );
    return url.toString( QUrl::FullyEncoded );
  }
  QString rest = location;
  rest.replace( keyValueAuthcfg(), QStringLiteral( "\\1" ) );
  // Later keywords win in libpq: the configuration's user and password come last.
  return QStringLiteral( "%1 user=%2 password=%3" ).arg( rest.simplified(), quotedValue( credentials.user ), quotedValue( credentials.password ) );
}

QString RtPgConnection::withAuthConfig( const QString &location, const QString &id )
{
  if ( isUri( location ) )
  {
    QUrl url( location.trimmed() );
    QUrlQuery query( url );
    url.setPassword( QString() );
    query.removeAllQueryItems( QStringLiteral( "password" ) );
    query.removeAllQueryItems( QStringLiteral( "authcfg" ) );
    if ( !id.isEmpty() )
      query.addQueryItem( QStringLiteral( "authcfg" ), id );
    url.setQuery( query );
    return url.toString();
  }
  static const QRegularExpression sPassword( QStringLiteral( "(^|\\s)password\\s*=\\s*('(\\\\.|[^'])*'|\\S+)" ) );
  QString rest = location;
  rest.replace( sPassword, QStringLiteral( "\\1" ) ).replace( keyValueAuthcfg(), QStringLiteral( "\\1" ) );
  rest = rest.simplified();
  return id.isEmpty() ? rest : QStringLiteral( "%1 authcfg=%2" ).arg( rest, id ).trimmed();
}

RtResult<QString> RtPgConnection::connectionString( const QString &location )
{
  const QString id = authConfigId( location );
  if ( id.isEmpty() )
    return RtResult<QString>::success( location.trimmed() );
  AuthResolver resolver;
  {
    QMutexLocker locker( &sResolverMutex );
    resolver = sResolver;
  }
  if ( !resolver )
    return RtResult<QString>::failure( RtErrorKind::Forbidden,
                                       rtMsg( "RtPgConnection", "authcfg=%1 names a QGIS authentication configuration, which only QGIS can read: "
                                                       "outside QGIS give the user in the connection or pg_service.conf and the password in ~/.pgpass" ).arg( id ) );
  const RtResult<Credentials> credentials = resolver( id );
  if ( !credentials.ok() )
    return RtResult<QString>::failureFrom( credentials );
  return RtResult<QString>::success( withCredentials( location, credentials.value() ) );
}
