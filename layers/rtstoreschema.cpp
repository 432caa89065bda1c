#include "rtstoreschema.h"

namespace RtStoreInternal
{
  // The register layout; open() checks a file against it, create() writes it.
  // rt_tasks comes first so that a foreign GeoPackage is reported by its most telling table.
  const std::vector<TableSpec> &schema()
  {
    static const std::vector<TableSpec> tables =
    {
      {
        T_TASKS, "Resolution Tracker: tracked tasks and their current status",
        {
          { "task_id", OFTString, true }, { "ordinal", OFTInteger, true }, { "kind", OFTString, false },
          { "clause_path", OFTString, false }, { "footnote", OFTInteger, false }, { "quote", OFTString, false },
          { "title_vi", OFTString, false }, { "title_en", OFTString, false }, { "category", OFTString, false },
          { "responsible", OFTString, false }, { "deadline_phrase", OFTString, false },
          { "deadline_kind", OFTString, true }, { "deadline_date", OFTDate, false }, { "target", OFTString, false },
          { "status", OFTString, true }, { "status_date", OFTDate, false }, { "status_quote", OFTString, false },
          { "status_clause_path", OFTString, false }, { "status_footnote", OFTInteger, false },
          { "note_vi", OFTString, false }, { "note_en", OFTString, false }, { "revision", OFTInteger, true },
        }
      },
      {
        T_DOCUMENT, "Resolution Tracker: the resolution this register tracks",
        {
          { "number", OFTString, false }, { "date", OFTDate, false }, { "title", OFTString, false },
          { "body", OFTString, false }, { "session", OFTString, false }, { "place", OFTString, false },
          { "document_type", OFTString, false }, { "preamble", OFTString, false }, { "closing", OFTString, false },
          { "signer_title", OFTString, false }, { "signer", OFTString, false }, { "source_name", OFTString, false },
          { "source_sha256", OFTString, false }, { "term_start", OFTInteger, false }, { "term_end", OFTInteger, false },
        }
      },
      {
        T_CLAUSES, "Resolution Tracker: clause tree of the resolution, in reading order",
        {
          { "path", OFTString, true }, { "parent_path", OFTString, false }, { "label", OFTString, true },
          { "depth", OFTInteger, true }, { "ordinal", OFTInteger, true }, { "text", OFTString, false },
          { "line", OFTInteger, false },
        }
      },
      {
        T_FOOTNOTES, "Resolution Tracker: footnotes of the resolution",
        {
          { "number", OFTInteger, true }, { "clause_path", OFTString, false }, { "text", OFTString, false },
          { "line", OFTInteger, false },
        }
      },
      {
        T_FIGURES, "Resolution Tracker: figures stated by the resolution",
        {
          { "kind", OFTString, true }, { "value", OFTReal, false }, { "total", OFTReal, false },
          { "comparator", OFTString, false }, { "subject", OFTString, false }, { "label", OFTString, false },
          { "items", OFTString, false }, { "deadline", OFTString, false }, { "quote", OFTString, false },
          { "clause_path", OFTString, false },
        }
      },
      {
        T_PLACES, "Resolution Tracker: places each task concerns",
        {
          { "task_id", OFTString, true }, { "place_kind", OFTString, false }, { "place_key", OFTString, true },
        }
      },
      {
        T_HISTORY, "Resolution Tracker: append-only history of status changes",
        {
          { "seq", OFTInteger64, true }, { "task_id", OFTString, true }, { "status_date", OFTDate, true },
          { "recorded_at", OFTDateTime, true }, { "old_status", OFTString, false }, { "new_status", OFTString, true },
          { "changed_by", OFTString, true }, { "note", OFTString, false }, { "evidence", OFTString, false },
        }
      },
    };
    return tables;
  }

  // Indexes and the triggers that make the history append-only (SQLite, so any client is bound).
  const QStringList &schemaStatements()
  {
    static const QStringList statements =
    {
      QStringLiteral( "CREATE UNIQUE INDEX rt_tasks_task_id_idx ON rt_tasks(task_id)" ),
      QStringLiteral( "CREATE INDEX rt_status_history_task_id_idx ON rt_status_history(task_id)" ),
      QStringLiteral( "CREATE INDEX rt_task_places_task_id_idx ON rt_task_places(task_id)" ),
      QStringLiteral( "CREATE TRIGGER rt_status_history_no_update BEFORE UPDATE ON rt_status_history "
                      "BEGIN SELECT RAISE(ABORT, '%1'); END" ).arg( QLatin1String( HISTORY_READ_ONLY_MESSAGE ) ),
      QStringLiteral( "CREATE TRIGGER rt_status_history_no_delete BEFORE DELETE ON rt_status_history "
                      "BEGIN SELECT RAISE(ABORT, '%1'); END" ).arg( QLatin1String( HISTORY_READ_ONLY_MESSAGE ) ),
    };
    return statements;
  }

  QString deadlineKindCode( RtDeadline::Kind kind )
  {
    switch ( kind )
    {
      case RtDeadline::Kind::None:
        return QStringLiteral( "none" );
      case RtDeadline::Kind::Date:
        return QStringLiteral( "date" );
      case RtDeadline::Kind::Recurring:
        return QStringLiteral( "recurring" );
    }
    return QStringLiteral( "none" );
  }

  std::optional<RtFigure::Kind> figureKindFromCode( const QString &code )
  {
    for ( RtFigure::Kind kind : { RtFigure::Kind::Ratio, RtFigure::Kind::Percent, RtFigure::Kind::Count } )
    {
      if ( RtFigure::kindCode( kind ) == code )
        return kind;
    }
    return std::nullopt;
  }
}
