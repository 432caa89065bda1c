#include "rtstoreschema.h"

namespace
{
  const char *const APPEND_ONLY_MESSAGE = "rt_status_history is append-only: history rows cannot be changed or deleted";
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
        { "task_id", T::Text, true }, { "ordinal", T::Integer, true }, { "kind", T::Text, false },
        { "clause_path", T::Text, false }, { "footnote", T::Integer, false }, { "quote", T::Text, false },
        { "title_vi", T::Text, false }, { "title_en", T::Text, false }, { "category", T::Text, false },
        { "responsible", T::Text, false }, { "deadline_phrase", T::Text, false },
        { "deadline_kind", T::Text, true }, { "deadline_date", T::Date, false }, { "target", T::Text, false },
        { "status", T::Text, true }, { "status_date", T::Date, false }, { "status_quote", T::Text, false },
        { "status_clause_path", T::Text, false }, { "status_footnote", T::Integer, false },
        { "note_vi", T::Text, false }, { "note_en", T::Text, false }, { "revision", T::Integer, true },
      },
      { QStringLiteral( "ordinal" ), fid }
    },
    {
      RtStoreTable::Document, "rt_document", "Resolution Tracker: the resolution this register tracks",
      {
        { "number", T::Text, false }, { "date", T::Date, false }, { "title", T::Text, false },
        { "body", T::Text, false }, { "session", T::Text, false }, { "place", T::Text, false },
        { "document_type", T::Text, false }, { "preamble", T::Text, false }, { "closing", T::Text, false },
        { "signer_title", T::Text, false }, { "signer", T::Text, false }, { "source_name", T::Text, false },
        { "source_sha256", T::Text, false }, { "term_start", T::Integer, false }, { "term_end", T::Integer, false },
      },
      { fid }
    },
    {
      RtStoreTable::Clauses, "rt_clauses", "Resolution Tracker: clause tree of the resolution, in reading order",
      {
        { "path", T::Text, true }, { "parent_path", T::Text, false }, { "label", T::Text, true },
        { "depth", T::Integer, true }, { "ordinal", T::Integer, true }, { "text", T::Text, false },
        { "line", T::Integer, false },
      },
      { QStringLiteral( "ordinal" ), fid }
    },
    {
      RtStoreTable::Footnotes, "rt_footnotes", "Resolution Tracker: footnotes of the resolution",
      {
        { "number", T::Integer, true }, { "clause_path", T::Text, false }, { "text", T::Text, false },
        { "line", T::Integer, false },
      },
      { fid }
    },
    {
      RtStoreTable::Figures, "rt_figures", "Resolution Tracker: figures stated by the resolution",
      {
        { "kind", T::Text, true }, { "value", T::Real, false }, { "total", T::Real, false },
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

QStringList RtStoreSchema::indexStatements()
{
  return
  {
    QStringLiteral( "CREATE UNIQUE INDEX rt_tasks_task_id_idx ON rt_tasks(task_id)" ),
    QStringLiteral( "CREATE INDEX rt_status_history_task_id_idx ON rt_status_history(task_id)" ),
    QStringLiteral( "CREATE INDEX rt_task_places_task_id_idx ON rt_task_places(task_id)" ),
  };
}

QVector<RtStoreSchema::Trigger> RtStoreSchema::appendOnlyTriggers( RtSqlDialect dialect )
{
  switch ( dialect )
  {
    case RtSqlDialect::SQLite:
      // SQLite triggers bind every client of the file, not only this program.
      return
      {
        {
          QStringLiteral( "rt_status_history_no_update" ),
          { QStringLiteral( "CREATE TRIGGER rt_status_history_no_update BEFORE UPDATE ON rt_status_history "
                            "BEGIN SELECT RAISE(ABORT, '%1'); END" ).arg( appendOnlyMessage() ) }
        },
        {
          QStringLiteral( "rt_status_history_no_delete" ),
          { QStringLiteral( "CREATE TRIGGER rt_status_history_no_delete BEFORE DELETE ON rt_status_history "
                            "BEGIN SELECT RAISE(ABORT, '%1'); END" ).arg( appendOnlyMessage() ) }
        },
      };
  }
  return {};
}

QString RtStoreSchema::appendOnlyMessage()
{
  return QLatin1String( APPEND_ONLY_MESSAGE );
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
