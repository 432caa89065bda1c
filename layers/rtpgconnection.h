#ifndef RTPGCONNECTION_H
#define RTPGCONNECTION_H

#include "rtresult.h"

#include <QString>

#include <functional>

/**
 * \brief The connection string libpq is given for a register location.
 *
 * A location may name a QGIS authentication configuration instead of a password
 * ("service=mongcai authcfg=ab12cd3", "postgresql://host/db?authcfg=ab12cd3"), as QGIS's
 * own PostgreSQL connections do: the project keeps only the location, and the user name and
 * password stay in QGIS's encrypted authentication database. Only QGIS can read that
 * database, so the QGIS side (map/rtqgisauth.h) installs a resolver; without one (the CLI)
 * such a location is refused with what to use instead (pg_service.conf and ~/.pgpass).
 */
namespace RtPgConnection
{
  struct Credentials
  {
    QString user;
    QString password;
  };

  //! Reads the user name and password of an authentication configuration id.
  using AuthResolver = std::function<RtResult<Credentials>( const QString &authConfigId )>;

  //! Installs (or, given an empty function, removes) the resolver of authcfg ids; thread-safe.
  void setAuthResolver( AuthResolver resolver );

  //! The authcfg id \a location names; empty when it names none.
  QString authConfigId( const QString &location );

  //! \a location without its authcfg, with \a credentials' user and password (quoted for libpq).
  QString withCredentials( const QString &location, const Credentials &credentials );

  /**
   * \a location naming authentication configuration \a id (none when \a id is empty), with
   * any password and authcfg it held removed: what a project may keep.
   */
  QString withAuthConfig( const QString &location, const QString &id );

  //! What to hand libpq for \a location: itself, or with its authcfg resolved.
  RtResult<QString> connectionString( const QString &location );
}

#endif // RTPGCONNECTION_H
