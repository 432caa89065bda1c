#ifndef RTPGRIGHTS_H
#define RTPGRIGHTS_H

#include "rtresult.h"

#include <QString>
#include <QStringList>

#include <optional>

/**
 * \brief Who may do what on a register on a PostgreSQL server: enforced by the server
 * (roles, privileges, row-level security), never by checks in the client.
 *
 * - rt_viewer (council members and staff): reads everything;
 * - rt_editor: also records status changes and measured values, of the tasks it is granted
 *   only: by office (the task's current lead office) or by place (a place the task names),
 *   rows of rt_grants (`restrack db grant`);
 * - rt_admin: also adds resolutions, links, assignments and grants; the histories stay
 *   append-only for everyone (triggers, and no UPDATE/DELETE privilege on them).
 *
 * Login roles are made by the server's administrator (CREATE ROLE … LOGIN) and given one of
 * these roles with `restrack db role`. Each history row records the database user who wrote
 * it (column db_user, on the server only).
 */
namespace RtPgRights
{
  enum class Role
  {
    Viewer,
    Editor,
    Admin,
  };

  //! "rt_viewer", "rt_editor", "rt_admin".
  QString roleName( Role role );
  //! From "viewer", "editor", "admin" (or the role names).
  std::optional<Role> roleFromCode( const QString &code );

  /**
   * The statements that give the register in \a schema its roles, privileges, grants table,
   * db_user columns and row-level security. Idempotent: `db upgrade` runs them again.
   */
  QStringList setupStatements( const QString &schema );

  //! Makes the login role \a user a member of \a role (the login must exist).
  RtStatusResult grantRole( const QString &location, const QString &user, Role role );
  //! Lets \a user (an rt_editor) change the tasks of \a office (their lead office) or naming \a place ("ward:06742").
  RtStatusResult grantScope( const QString &location, const QString &user, const QString &office, const QString &place, const QString &grantedBy );
  //! One line per role membership and grant of \a user (every user when empty).
  RtResult<QStringList> describe( const QString &location, const QString &user );
}

#endif // RTPGRIGHTS_H
