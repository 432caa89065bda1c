#include "rtpgrights.h"
#include "rttr.h"
#include "rtassignment.h"
#include "rtpgbackend.h"
#include "rtstorebackend.h"
#include "rtstoreschema.h"

namespace
{
  QString table( const QString &schema, RtStoreTable t )
  {
    return QStringLiteral( "\"%1\".%2" ).arg( schema, QLatin1String( RtStoreSchema::table( t ).name ) );
  }

  RtResult<std::unique_ptr<RtPgBackend>> openServer( const QString &location )
  {
    using Result = RtResult<std::unique_ptr<RtPgBackend>>;
    if ( RtStoreBackends::kindOf( location ) != RtStoreBackends::Kind::PostgreSql )
      return Result::failure( rtMsg( "RtPgRights", "%1 is a file: rights are kept by a PostgreSQL server (give --db postgresql://… or service=NAME)" ).arg( location ) );
    return RtPgBackend::open( location, false );
  }
}

QString RtPgRights::roleName( Role role )
{
  switch ( role )
  {
    case Role::Viewer: return QStringLiteral( "rt_viewer" );
    case Role::Editor: return QStringLiteral( "rt_editor" );
    case Role::Admin: return QStringLiteral( "rt_admin" );
  }
  return QString();
}

std::optional<RtPgRights::Role> RtPgRights::roleFromCode( const QString &code )
{
  for ( Role role : { Role::Viewer, Role::Editor, Role::Admin } )
  {
    const QString name = roleName( role );
    if ( code.trimmed().compare( name, Qt::CaseInsensitive ) == 0 || code.trimmed().compare( name.mid( 3 ), Qt::CaseInsensitive ) == 0 )
      return role;
  }
  return std::nullopt;
}

QStringList RtPgRights::setupStatements( const QString &schema )
{
  const QString s = QStringLiteral( "\"%1\"" ).arg( schema );
  const QString tasks = table( schema, RtStoreTable::Tasks );
  const QString statuses = table( schema, RtStoreTable::History );
  const QString values = table( schema, RtStoreTable::Values );
  const QString assignments = table( schema, RtStoreTable::Assignments );
  const QString places = table( schema, RtStoreTable::Places );
  QStringList out;
  // Roles are the cluster's: made once, kept for every register on it.
  // Two registers created at once on one server may both try: the loser's attempt is a no-op.
  for ( const char *role : { "rt_viewer", "rt_editor", "rt_admin" } )
    out << QStringLiteral( "DO $rt$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN CREATE ROLE %1 NOLOGIN; END IF; "
                           "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $rt$" ).arg( QLatin1String( role ) );
  for ( const auto &member : { qMakePair( QStringLiteral( "rt_editor" ), QStringLiteral( "rt_viewer" ) ), qMakePair( QStringLiteral( "rt_admin" ), QStringLiteral( "rt_editor" ) ) } )
    out << QStringLiteral( "DO $rt$ BEGIN IF NOT pg_has_role('%1', '%2', 'MEMBER') THEN GRANT %2 TO %1; END IF; "
                           "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $rt$" ).arg( member.first, member.second );
  out << QStringLiteral( "CREATE TABLE IF NOT EXISTS %1.rt_grants (id bigserial PRIMARY KEY, db_user text NOT NULL, office text, office_key text, "
                         "place_key text, granted_by text NOT NULL, granted_at timestamptz NOT NULL DEFAULT now(), "
                         "CHECK (office_key IS NOT NULL OR place_key IS NOT NULL))" ).arg( s );
  for ( const QString &history : { statuses, values, assignments } )
    out << QStringLiteral( "ALTER TABLE %1 ADD COLUMN IF NOT EXISTS db_user text DEFAULT current_user" ).arg( history );
  out << QStringLiteral( "GRANT USAGE ON SCHEMA %1 TO rt_viewer" ).arg( s )
      << QStringLiteral( "GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO rt_viewer" ).arg( s )
      << QStringLiteral( "GRANT USAGE ON ALL SEQUENCES IN SCHEMA %1 TO rt_editor" ).arg( s )
      << QStringLiteral( "GRANT UPDATE ON %1 TO rt_editor" ).arg( tasks )
      << QStringLiteral( "GRANT INSERT ON %1, %2 TO rt_editor" ).arg( statuses, values )
      << QStringLiteral( "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1 TO rt_admin" ).arg( s )
      << QStringLiteral( "REVOKE UPDATE, DELETE, TRUNCATE ON %1, %2, %3 FROM rt_viewer, rt_editor, rt_admin" ).arg( statuses, values, assignments );
  // Who is granted a task: the editors of its current lead office and of its places. The one
  // place this scope is written: the policies and the refusal messages both ask it.
  out << QStringLiteral( "CREATE OR REPLACE FUNCTION %1.rt_task_editors(task text) RETURNS SETOF text LANGUAGE sql STABLE AS $rt$ "
                         "SELECT DISTINCT g.db_user FROM %1.rt_grants g WHERE "
                         "g.place_key IN (SELECT p.place_kind || ':' || p.place_key FROM %2 p WHERE p.task_id = task) "
                         "OR g.office_key = (SELECT a.office_key FROM %3 a WHERE a.task_id = task AND a.role = 'lead' ORDER BY a.seq DESC LIMIT 1) "
                         "$rt$" ).arg( s, places, assignments );
  // May the current user change this task? An administrator any; an editor those granted it.
  out << QStringLiteral( "CREATE OR REPLACE FUNCTION %1.rt_may_edit(task text) RETURNS boolean LANGUAGE sql STABLE AS $rt$ "
                         "SELECT pg_has_role(current_user, 'rt_admin', 'MEMBER') OR current_user IN (SELECT %1.rt_task_editors(task)) "
                         "$rt$" ).arg( s );
  const auto policies = [&]( const QString &t, const QString &editorCommand, const QString &editorClause )
  {
    out << QStringLiteral( "ALTER TABLE %1 ENABLE ROW LEVEL SECURITY" ).arg( t );
    for ( const char *name : { "rt_read", "rt_edit", "rt_administer" } )
      out << QStringLiteral( "DROP POLICY IF EXISTS %1 ON %2" ).arg( QLatin1String( name ), t );
    out << QStringLiteral( "CREATE POLICY rt_read ON %1 FOR SELECT USING (true)" ).arg( t )
        << QStringLiteral( "CREATE POLICY rt_administer ON %1 FOR ALL TO rt_admin USING (true) WITH CHECK (true)" ).arg( t );
    if ( !editorCommand.isEmpty() )
      out << QStringLiteral( "CREATE POLICY rt_edit ON %1 FOR %2 TO rt_editor %3" ).arg( t, editorCommand, editorClause );
  };
  policies( tasks, QStringLiteral( "UPDATE" ), QStringLiteral( "USING (%1.rt_may_edit(task_id)) WITH CHECK (%1.rt_may_edit(task_id))" ).arg( s ) );
  policies( statuses, QStringLiteral( "INSERT" ), QStringLiteral( "WITH CHECK (%1.rt_may_edit(task_id))" ).arg( s ) );
  policies( values, QStringLiteral( "INSERT" ), QStringLiteral( "WITH CHECK (%1.rt_may_edit(task_id))" ).arg( s ) );
  policies( assignments, QString(), QString() );
  return out;
}

RtStatusResult RtPgRights::grantRole( const QString &location, const QString &user, Role role )
{
  RtResult<std::unique_ptr<RtPgBackend>> server = openServer( location );
  if ( !server.ok() )
    return RtStatusResult::failureFrom( server );
  RtPgBackend &b = *server.value();
  const RtResult<QVector<QStringList>> login = b.run( QStringLiteral( "SELECT rolcanlogin FROM pg_roles WHERE rolname = $1" ), { user } );
  if ( !login.ok() )
    return RtStatusResult::failureFrom( login );
  if ( login.value().isEmpty() )
    return rtFail( RtErrorKind::NotFound, rtMsg( "RtPgRights", "%1 has no user %2: the server's administrator creates the login first "
                   "(CREATE ROLE … LOGIN, with a password kept in ~/.pgpass)" ).arg( b.location(), user ) );
  const RtResult<QVector<QStringList>> granted = b.run( QStringLiteral( "GRANT %1 TO %2" ).arg( roleName( role ), b.identifier( user ) ) );
  return granted.ok() ? rtOk() : RtStatusResult::failureFrom( granted );
}

RtStatusResult RtPgRights::grantScope( const QString &location, const QString &user, const QString &office, const QString &place, const QString &grantedBy )
{
  if ( office.trimmed().isEmpty() == place.trimmed().isEmpty() )
    return rtFail( rtMsg( "RtPgRights", "give an office or a place (ward:06742, zone:A3), one of them" ) );
  if ( !place.trimmed().isEmpty() && !place.contains( QLatin1Char( ':' ) ) )
    return rtFail( rtMsg( "RtPgRights", "place '%1': give it with its kind, as the register names places (ward:06742, zone:A3, site:hai-yen-ip)" ).arg( place ) );
  RtResult<std::unique_ptr<RtPgBackend>> server = openServer( location );
  if ( !server.ok() )
    return RtStatusResult::failureFrom( server );
  RtPgBackend &b = *server.value();
  const RtResult<QVector<QStringList>> member = b.run( QStringLiteral( "SELECT pg_has_role($1, 'rt_editor', 'MEMBER')" ), { user } );
  if ( !member.ok() )
    return RtStatusResult::failureFrom( member );
  if ( member.value().value( 0 ).value( 0 ) != QLatin1String( "t" ) )
    return rtFail( RtErrorKind::Invalid, rtMsg( "RtPgRights", "%1 is not an editor of %2: first `restrack db role --user %1 --as editor`" ).arg( user, b.location() ) );
  const QString officeText = office.trimmed();
  const RtResult<QVector<QStringList>> inserted = b.run(
        QStringLiteral( "INSERT INTO \"%1\".rt_grants (db_user, office, office_key, place_key, granted_by) VALUES ($1, NULLIF($2, ''), NULLIF($3, ''), NULLIF($4, ''), $5)" )
        .arg( RtPgBackend::schemaName() ),
        { user, officeText, officeText.isEmpty() ? QString() : RtAssignment::officeKey( officeText ), place.trimmed(), grantedBy } );
  return inserted.ok() ? rtOk() : RtStatusResult::failureFrom( inserted );
}

RtResult<QStringList> RtPgRights::describe( const QString &location, const QString &user )
{
  using Result = RtResult<QStringList>;
  RtResult<std::unique_ptr<RtPgBackend>> server = openServer( location );
  if ( !server.ok() )
    return Result::failureFrom( server );
  RtPgBackend &b = *server.value();
  const RtResult<QVector<QStringList>> roles = b.run(
        QStringLiteral( "SELECT m.rolname, r.rolname FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member "
                        "WHERE r.rolname IN ('rt_viewer', 'rt_editor', 'rt_admin') AND m.rolcanlogin AND ($1 = '' OR m.rolname = $1) ORDER BY 1, 2" ), { user } );
  if ( !roles.ok() )
    return Result::failureFrom( roles );
  const RtResult<QVector<QStringList>> grants = b.run(
        QStringLiteral( "SELECT db_user, coalesce(office, ''), coalesce(place_key, ''), granted_by, to_char(granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') "
                        "FROM \"%1\".rt_grants WHERE ($1 = '' OR db_user = $1) ORDER BY db_user, id" ).arg( RtPgBackend::schemaName() ), { user } );
  if ( !grants.ok() )
    return Result::failureFrom( grants );
  QStringList lines;
  for ( const QStringList &r : roles.value() )
    lines << QStringLiteral( "%1: %2" ).arg( r.value( 0 ), r.value( 1 ) );
  for ( const QStringList &g : grants.value() )
    lines << rtMsg( "RtPgRights", "%1: may change the tasks of %2 (granted by %3, %4 UTC)" )
             .arg( g.value( 0 ), g.value( 1 ).isEmpty() ? g.value( 2 ) : rtMsg( "RtPgRights", "office \"%1\"" ).arg( g.value( 1 ) ), g.value( 3 ), g.value( 4 ) );
  return Result::success( lines );
}
