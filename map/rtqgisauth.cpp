#include "rtqgisauth.h"
#include "rttr.h"

#include <qgsapplication.h>
#include <qgsauthmanager.h>
#include <qgsauthconfig.h>

RtResult<RtPgConnection::Credentials> RtQgisAuth::credentials( const QString &id )
{
  using Result = RtResult<RtPgConnection::Credentials>;
  QgsAuthManager *manager = QgsApplication::authManager();
  if ( !manager || manager->isDisabled() )
    return Result::failure( RtErrorKind::Unavailable, rtMsg( "RtQgisAuth", "authcfg=%1: QGIS's authentication system is not available (%2)" )
                            .arg( id, manager ? manager->disabledMessage() : rtMsg( "RtQgisAuth", "no QGIS application" ) ) );
  if ( !manager->configIds().contains( id ) )
    return Result::failure( RtErrorKind::NotFound, rtMsg( "RtQgisAuth", "authcfg=%1: QGIS's authentication database has no configuration with this id "
                                                                   "(Settings ▸ Options ▸ Authentication lists them)" ).arg( id ) );
  QgsAuthMethodConfig config;
  // Reading the password needs the master password: QGIS asks the user for it once a session.
  if ( !manager->loadAuthenticationConfig( id, config, true ) || !config.isValid( true ) )
    return Result::failure( RtErrorKind::Forbidden, rtMsg( "RtQgisAuth", "authcfg=%1: the configuration could not be read "
                                                                    "(is QGIS's master password set and entered?)" ).arg( id ) );
  if ( config.method() != QLatin1String( "Basic" ) )
    return Result::failure( RtErrorKind::Invalid, rtMsg( "RtQgisAuth", "authcfg=%1 (%2) is of method %3: a register's connection takes a user name and password "
                                                                  "(method Basic)" ).arg( id, config.name(), config.method() ) );
  RtPgConnection::Credentials out;
  out.user = config.config( QStringLiteral( "username" ) );
  out.password = config.config( QStringLiteral( "password" ) );
  if ( out.user.isEmpty() )
    return Result::failure( RtErrorKind::Invalid, rtMsg( "RtQgisAuth", "authcfg=%1 (%2) has no user name" ).arg( id, config.name() ) );
  return Result::success( out );
}

void RtQgisAuth::install()
{
  RtPgConnection::setAuthResolver( &RtQgisAuth::credentials );
}

void RtQgisAuth::uninstall()
{
  RtPgConnection::setAuthResolver( RtPgConnection::AuthResolver() );
}
