#ifndef RTSTORESCHEMA_H
#define RTSTORESCHEMA_H

// Internal to the register store (RtStore): the layout of a register, its tables, columns,
// indexes and the triggers that keep the status history append-only.

#include "rtdeadline.h"
#include "rtresolution.h"

#include <QString>
#include <QStringList>

#include <ogr_core.h>

#include <optional>
#include <vector>

namespace RtStoreInternal
{
  const char *const T_DOCUMENT = "rt_document";
  const char *const T_CLAUSES = "rt_clauses";
  const char *const T_FOOTNOTES = "rt_footnotes";
  const char *const T_FIGURES = "rt_figures";
  const char *const T_TASKS = "rt_tasks";
  const char *const T_PLACES = "rt_task_places";
  const char *const T_HISTORY = "rt_status_history";

  const char *const HISTORY_READ_ONLY_MESSAGE = "rt_status_history is append-only: history rows cannot be changed or deleted";

  struct FieldSpec
  {
    const char *name;
    OGRFieldType type;
    bool notNull;
  };

  struct TableSpec
  {
    const char *name;
    const char *description;
    std::vector<FieldSpec> fields;
  };

  //! The register layout; open() checks a file against it, create() writes it.
  const std::vector<TableSpec> &schema();

  //! Indexes and the triggers that make the history append-only.
  const QStringList &schemaStatements();

  //! How a deadline's kind is stored in rt_tasks.deadline_kind.
  QString deadlineKindCode( RtDeadline::Kind kind );

  std::optional<RtFigure::Kind> figureKindFromCode( const QString &code );
}

#endif // RTSTORESCHEMA_H
