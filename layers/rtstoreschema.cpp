#include "rtstoreschema.h"
#include "rttr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace
{
  const int SCHEMA_VERSION = 2;

  //! The columns version 2 added to the tables version 1 had.
  const QSet<QString> &addedInVersion2( RtStoreTable table )
  {
    static const QSet<QString> none;
    static const QSet<QString> resolution { QStringLiteral( "resolution" ) };
    static const QSet<QString> tasks { QStringLiteral( "resolution" ), QStringLiteral( "follows_up" ), QStringLiteral( "target_value" ),
                                       QStringLiteral( "target_unit" ), QStringLiteral( "target_comparator" ) };
    static const QSet<QString> resolutions { QStringLiteral( "ordinal" ) };
    switch ( table )
    {
      case RtStoreTable::Tasks:
        return tasks;
      case RtStoreTable::Resolutions:
        return resolutions;
      case RtStoreTable::Clauses:
      case RtStoreTable::Footnotes:
      case RtStoreTable::Figures:
        return resolution;
      case RtStoreTable::Meta:
      case RtStoreTable::Places:
      case RtStoreTable::History:
      case RtStoreTable::Values:
      case RtStoreTable::Assignments:
        break;
    }
    return none;
  }
}

int RtStoreSchema::version()
{
  return SCHEMA_VERSION;
}

QString RtStoreSchema::versionKey()
{
  return QStringLiteral( "schema_version" );
}

QString RtStoreSchema::newerVersionMessage( const QString &location, int found )
{
  return rtMsg( "RtStoreSchema", "%1 was written by a newer version of Resolution Tracker (register schema %2; this version reads "
                         "schemas 1 to %3): open it with that version or a newer one; nothing was changed" )
         .arg( location ).arg( found ).arg( SCHEMA_VERSION );
}

const std::vector<RtTableSpec> &RtStoreSchema::tables()
{
  using T = RtColumnType;
  const QString fid = rowIdColumn();
  static const std::vector<RtTableSpec> tables =
  {
    {
      RtStoreTable::Tasks, "rt_tasks", "Resolution Tracker: tracked tasks and their current status",
      {
        { "task_id", T::Text, true }, { "resolution", T::Text, true }, { "ordinal", T::Integer, true }, { "kind", T::Text, false },
        { "clause_path", T::Text, false }, { "footnote", T::Integer, false }, { "quote", T::Text, false },
        { "title_vi", T::Text, false }, { "title_en", T::Text, false }, { "category", T::Text, false },
        { "responsible", T::Text, false }, { "deadline_phrase", T::Text, false },
        { "deadline_kind", T::Text, true }, { "deadline_date", T::Date, false }, { "target", T::Text, false },
        { "target_value", T::Real, false }, { "target_unit", T::Text, false }, { "target_comparator", T::Text, false },
        { "status", T::Text, true }, { "status_date", T::Date, false }, { "status_quote", T::Text, false },
        { "status_clause_path", T::Text, false }, { "status_footnote", T::Integer, false },
        { "note_vi", T::Text, false }, { "note_en", T::Text, false }, { "follows_up", T::Text, false },
        { "revision", T::Integer, true },
      },
      { QStringLiteral( "ordinal" ), fid }
    },
    {
      RtStoreTable::Meta, "rt_meta", "Resolution Tracker: the register itself (schema version)",
      {
        { "key", T::Text, true }, { "value", T::Text, false },
      },
      { fid }
    },
    {
      RtStoreTable::Resolutions, "rt_resolutions", "Resolution Tracker: the resolutions this register tracks",
      {
        { "number", T::Text, true }, { "ordinal", T::Integer, true }, { "date", T::Date, false }, { "title", T::Text, false },
        { "body", T::Text, false }, { "session", T::Text, false }, { "place", T::Text, false },
        { "document_type", T::Text, false }, { "preamble", T::Text, false }, { "closing", T::Text, false },
        { "signer_title", T::Text, false }, { "signer", T::Text, false }, { "source_name", T::Text, false },
        { "source_sha256", T::Text, false }, { "term_start", T::Integer, false }, { "term_end", T::Integer, false },
      },
      { QStringLiteral( "ordinal" ), fid }
    },
    {
      RtStoreTable::Clauses, "rt_clauses", "Resolution Tracker: clause tree of each resolution, in reading order",
      {
        { "resolution", T::Text, true }, { "path", T::Text, true }, { "parent_path", T::Text, false }, { "label", T::Text, true },
        { "depth", T::Integer, true }, { "ordinal", T::Integer, true }, { "text", T::Text, false },
        { "line", T::Integer, false },
      },
      { QStringLiteral( "ordinal" ), fid }
    },
    {
      RtStoreTable::Footnotes, "rt_footnotes", "Resolution Tracker: footnotes of the resolutions",
      {
        { "resolution", T::Text, true }, { "number", T::Integer, true }, { "clause_path", T::Text, false }, { "text", T::Text, false },
        { "line", T::Integer, false },
      },
      { fid }
    },
    {
      RtStoreTable::Figures, "rt_figures", "Resolution Tracker: figures stated by the resolutions",
      {
        { "resolution", T::Text, true }, { "kind", T::Text, true }, { "value", T::Real, false }, { "total", T::Real, false },
        { "comparator", T::Text, false }, { "subject", T::Text, false }, { "label", T::Text, false },
        { "items", T::Text, false }, { "deadline", T::Text, false }, { "quote", T::Text, false },
        { "clause_path", T::Text, false },
      },
      { fid }
    },
    {
      RtStoreTable::Places, "rt_task_places", "Resolution Tracker: places each task concerns",
      {
        { "task_id", T::Text, true }, { "place_kind", T::Text, false }, { "place_key", T::Text, true },
      },
      { fid }
    },
    {
      RtStoreTable::History, "rt_status_history", "Resolution Tracker: append-only history of status changes",
      {
        { "seq", T::Integer64, true }, { "task_id", T::Text, true }, { "status_date", T::Date, true },
        { "recorded_at", T::DateTime, true }, { "old_status", T::Text, false }, { "new_status", T::Text, true },
        { "changed_by", T::Text, true }, { "note", T::Text, false }, { "evidence", T::Text, false },
      },
      { QStringLiteral( "seq" ), fid }
    },
    {
      RtStoreTable::Values, "rt_value_history", "Resolution Tracker: append-only history of measured values",
      {
        { "seq", T::Integer64, true }, { "task_id", T::Text, true }, { "value_date", T::Date, true },
        { "recorded_at", T::DateTime, true }, { "value", T::Real, true }, { "unit", T::Text, false },
        { "changed_by", T::Text, true }, { "note", T::Text, false }, { "evidence", T::Text, false },
      },
      { QStringLiteral( "seq" ), fid }
    },
    {
      // One assignment is one seq: a row for the lead office, then one per cooperating office.
      RtStoreTable::Assignments, "rt_assignments", "Resolution Tracker: append-only history of the offices assigned to tasks",
      {
        { "seq", T::Integer64, true }, { "task_id", T::Text, true }, { "role", T::Text, true },
        { "office", T::Text, true }, { "office_key", T::Text, true }, { "assigned_by", T::Text, true },
        { "recorded_at", T::DateTime, true },
      },
      { QStringLiteral( "seq" ), fid }
    },
  };
  return tables;
}

const RtTableSpec &RtStoreSchema::table( RtStoreTable table )
{
  for ( const RtTableSpec &spec : tables() )
  {
    if ( spec.table == table )
      return spec;
  }
  return tables().front(); // unreachable: every RtStoreTable has a spec
}

const RtColumnSpec *RtStoreSchema::column( RtStoreTable table, const QString &name )
{
  for ( const RtColumnSpec &c : RtStoreSchema::table( table ).columns )
  {
    if ( name == QLatin1String( c.name ) )
      return &c;
  }
  return nullptr;
}

QString RtStoreSchema::rowIdColumn()
{
  return QStringLiteral( "fid" );
}

std::optional<RtTableSpec> RtStoreSchema::tableInVersion( RtStoreTable t, int version )
{
  if ( version >= SCHEMA_VERSION )
    return table( t );
  if ( version != 1 )
    return std::nullopt;
  if ( t == RtStoreTable::Meta || t == RtStoreTable::Values || t == RtStoreTable::Assignments )
    return std::nullopt;
  RtTableSpec spec = table( t );
  if ( t == RtStoreTable::Resolutions )
  {
    spec.name = "rt_document";
    spec.order = QStringList { rowIdColumn() };
  }
  const QSet<QString> &added = addedInVersion2( t );
  std::vector<RtColumnSpec> columns;
  for ( const RtColumnSpec &c : spec.columns )
  {
    if ( !added.contains( QLatin1String( c.name ) ) )
      columns.push_back( c );
  }
  spec.columns = columns;
  return spec;
}

QStringList RtStoreSchema::indexStatements()
{
  return
  {
    QStringLiteral( "CREATE UNIQUE INDEX rt_tasks_task_id_idx ON rt_tasks(task_id)" ),
    QStringLiteral( "CREATE INDEX rt_tasks_resolution_idx ON rt_tasks(resolution)" ),
    QStringLiteral( "CREATE UNIQUE INDEX rt_meta_key_idx ON rt_meta(key)" ),
    QStringLiteral( "CREATE UNIQUE INDEX rt_resolutions_number_idx ON rt_resolutions(number)" ),
    QStringLiteral( "CREATE INDEX rt_clauses_resolution_idx ON rt_clauses(resolution)" ),
    QStringLiteral( "CREATE INDEX rt_status_history_task_id_idx ON rt_status_history(task_id)" ),
    QStringLiteral( "CREATE INDEX rt_task_places_task_id_idx ON rt_task_places(task_id)" ),
    QStringLiteral( "CREATE INDEX rt_value_history_task_id_idx ON rt_value_history(task_id)" ),
    QStringLiteral( "CREATE INDEX rt_assignments_task_id_idx ON rt_assignments(task_id)" ),
  };
}

QVector<RtStoreTable> RtStoreSchema::appendOnlyTables()
{
  return { RtStoreTable::History, RtStoreTable::Values, RtStoreTable::Assignments };
}

QVector<RtStoreSchema::Trigger> RtStoreSchema::appendOnlyTriggers( RtSqlDialect dialect )
{
  QVector<Trigger> triggers;
  for ( RtStoreTable t : appendOnlyTables() )
    triggers << appendOnlyTriggers( dialect, t );
  return triggers;
}

QVector<RtStoreSchema::Trigger> RtStoreSchema::appendOnlyTriggers( RtSqlDialect dialect, RtStoreTable t )
{
  QVector<Trigger> triggers;
  if ( !appendOnlyTables().contains( t ) )
    return triggers;
  const QString name = QLatin1String( table( t ).name );
  switch ( dialect )
  {
    case RtSqlDialect::SQLite:
      // SQLite triggers bind every client of the file, not only this program.
      for ( const char *event : { "update", "delete" } )
      {
        const QString trigger = QStringLiteral( "%1_no_%2" ).arg( name, QLatin1String( event ) );
        triggers.append(
        {
          trigger,
          { QStringLiteral( "CREATE TRIGGER %1 BEFORE %2 ON %3 BEGIN SELECT RAISE(ABORT, '%4'); END" )
            .arg( trigger, QString::fromLatin1( event ).toUpper(), name, appendOnlyMessage( t ) ) }
        } );
      }
      break;
    case RtSqlDialect::PostgreSql:
    {
      // One function raises the table's message (its argument); a row trigger refuses
      // UPDATE and DELETE, a statement trigger TRUNCATE. They bind every client of the server.
      const QString function = QStringLiteral( "CREATE OR REPLACE FUNCTION rt_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                               "$rt$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $rt$" );
      triggers.append(
      {
        QStringLiteral( "%1_no_change" ).arg( name ),
        { function, QStringLiteral( "CREATE TRIGGER %1_no_change BEFORE UPDATE OR DELETE ON %1 FOR EACH ROW EXECUTE FUNCTION rt_append_only('%2')" )
          .arg( name, appendOnlyMessage( t ) ) }
      } );
      triggers.append(
      {
        QStringLiteral( "%1_no_truncate" ).arg( name ),
        { function, QStringLiteral( "CREATE TRIGGER %1_no_truncate BEFORE TRUNCATE ON %1 FOR EACH STATEMENT EXECUTE FUNCTION rt_append_only('%2')" )
          .arg( name, appendOnlyMessage( t ) ) }
      } );
      break;
    }
  }
  return triggers;
}

QString RtStoreSchema::changeChannel()
{
  return QStringLiteral( "restrack_changes" );
}

QStringList RtStoreSchema::changeNotifyStatements()
{
  const QString function = QStringLiteral(
    "CREATE OR REPLACE FUNCTION rt_notify_change() RETURNS trigger LANGUAGE plpgsql AS $rt$ "
    "DECLARE payload json; "
    "BEGIN "
    "IF TG_TABLE_NAME = 'rt_status_history' THEN "
    "payload := json_build_object('task', NEW.task_id, 'kind', 'status', 'old', NEW.old_status, 'new', NEW.new_status, "
    "'by', NEW.changed_by, 'db_user', current_user, 'seq', NEW.seq); "
    "ELSIF TG_TABLE_NAME = 'rt_value_history' THEN "
    "payload := json_build_object('task', NEW.task_id, 'kind', 'value', 'old', NULL, "
    "'new', trim(to_char(NEW.value, 'FM999999999990.########')) || coalesce(' ' || NEW.unit, ''), "
    "'by', NEW.changed_by, 'db_user', current_user, 'seq', NEW.seq); "
    "ELSIF TG_TABLE_NAME = 'rt_assignments' AND NEW.role = 'lead' THEN "
    "payload := json_build_object('task', NEW.task_id, 'kind', 'assignment', 'old', NULL, 'new', NEW.office, "
    "'by', NEW.assigned_by, 'db_user', current_user, 'seq', NEW.seq); "
    "END IF; "
    "IF payload IS NOT NULL THEN PERFORM pg_notify('%1', payload::text); END IF; "
    "RETURN NULL; "
    "END $rt$" ).arg( changeChannel() );
  QStringList statements { function };
  // Dropped first: `db upgrade` runs them again on a register that may have some of them.
  for ( RtStoreTable t : appendOnlyTables() )
    statements << QStringLiteral( "DROP TRIGGER IF EXISTS %1_notify ON %1" ).arg( QLatin1String( table( t ).name ) )
               << QStringLiteral( "CREATE TRIGGER %1_notify AFTER INSERT ON %1 FOR EACH ROW EXECUTE FUNCTION rt_notify_change()" )
                  .arg( QLatin1String( table( t ).name ) );
  return statements;
}

QString RtStoreSchema::appendOnlyMessage( RtStoreTable t )
{
  return QStringLiteral( "%1 is append-only: history rows cannot be changed or deleted" ).arg( QLatin1String( table( t ).name ) );
}

std::optional<RtFigure::Kind> RtStoreSchema::figureKindFromCode( const QString &code )
{
  for ( RtFigure::Kind kind : { RtFigure::Kind::Ratio, RtFigure::Kind::Percent, RtFigure::Kind::Count } )
  {
    if ( RtFigure::kindCode( kind ) == code )
      return kind;
  }
  return std::nullopt;
}

QString RtStoreSchema::leadRole()
{
  return QStringLiteral( "lead" );
}

QString RtStoreSchema::withRole()
{
  return QStringLiteral( "with" );
}

QString RtStoreSchema::followsUpText( const QVector<RtTaskRef> &refs )
{
  if ( refs.isEmpty() )
    return QString();
  QJsonArray array;
  for ( const RtTaskRef &ref : refs )
  {
    QJsonObject o;
    o.insert( QStringLiteral( "resolution" ), ref.resolution );
    if ( !ref.taskId.isEmpty() )
      o.insert( QStringLiteral( "task" ), ref.taskId );
    array << o;
  }
  return QString::fromUtf8( QJsonDocument( array ).toJson( QJsonDocument::Compact ) );
}

std::optional<QVector<RtTaskRef>> RtStoreSchema::followsUpFromText( const QString &text )
{
  QVector<RtTaskRef> refs;
  if ( text.trimmed().isEmpty() )
    return refs;
  const QJsonDocument doc = QJsonDocument::fromJson( text.toUtf8() );
  if ( !doc.isArray() )
    return std::nullopt;
  for ( const QJsonValue &v : doc.array() )
  {
    const QJsonObject o = v.toObject();
    RtTaskRef ref;
    ref.resolution = o.value( QStringLiteral( "resolution" ) ).toString();
    ref.taskId = o.value( QStringLiteral( "task" ) ).toString();
    if ( ref.resolution.isEmpty() )
      return std::nullopt;
    refs << ref;
  }
  return refs;
}
