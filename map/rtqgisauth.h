#ifndef RTQGISAUTH_H
#define RTQGISAUTH_H

#include "rtpgconnection.h"

/**
 * \brief Register connections through QGIS's authentication manager: a location naming
 * "authcfg=ID" gets the user name and password of that configuration (method "Basic", the
 * one QGIS's own PostgreSQL connections use), read from QGIS's encrypted database. The
 * project keeps the location only; the password never leaves the authentication database
 * except into libpq's connection.
 */
namespace RtQgisAuth
{
  //! The user name and password of configuration \a id, or why they cannot be read.
  RtResult<RtPgConnection::Credentials> credentials( const QString &id );

  //! Makes RtPgConnection resolve authcfg ids through credentials() (QGIS must be running).
  void install();
  //! Removes it again (before the module that installed it is unloaded).
  void uninstall();
}

#endif // RTQGISAUTH_H
