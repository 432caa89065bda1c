#ifndef RTSTORESCHEMA_H
#define RTSTORESCHEMA_H

#include "rtdeadline.h"
#include "rtresolution.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>
#include <vector>

//! The tables of a register (internal to the store; RtStoreSchema names them).
enum class RtStoreTable
{
  Tasks,      //!< rt_tasks: tracked tasks and their current status
  Document,   //!< rt_document: the resolution this register tracks (one row)
  Clauses,    //!< rt_clauses: the clause tree in reading order
  Footnotes,  //!< rt_footnotes
  Figures,    //!< rt_figures: figures the resolution states
  Places,     //!< rt_task_places: the places each task concerns
  History,    //!< rt_status_history: append-only history of status changes
};

//! What a column holds; each backend maps it to its own type (GeoPackage: OGR field types).
enum class RtColumnType
{
  Text,
  Integer,
  Integer64,
  Real,
  Date,      //!< a calendar date
  DateTime,  //!< a moment, always in UTC
};

//! One column of a register table.
struct RtColumnSpec
{
  const char *name;
  RtColumnType type;
  bool notNull;
};

//! One register table: its name, columns and the order rows are read in.
struct RtTableSpec
{
  RtStoreTable table;
  const char *name;
  const char *description;
  std::vector<RtColumnSpec> columns;  //!< without the row id (RtStoreSchema::rowIdColumn())
  QStringList order;                  //!< the row order of a read, ending with the row id
};

//! The SQL dialects the schema's statements are written in, one per backend.
enum class RtSqlDialect
{
  SQLite,      //!< the GeoPackage backend
  // PostgreSql: added beside it with the PostgreSQL backend
};

/**
 * \brief The layout of a register, the same for every backend: tables, columns, indexes
 * and the triggers that keep the status history append-only. Backends create and check
 * their databases from it; nothing else names a table or a column.
 */
namespace RtStoreSchema
{
  //! Every table, rt_tasks first (a foreign database is reported by its most telling table).
  const std::vector<RtTableSpec> &tables();
  const RtTableSpec &table( RtStoreTable table );
  //! The column \a name of \a table; null when there is none.
  const RtColumnSpec *column( RtStoreTable table, const QString &name );
  //! The integer row id every table has (the GeoPackage's "fid"): the order rows were written in.
  QString rowIdColumn();

  //! The indexes of a register (standard SQL, the same in every dialect).
  QStringList indexStatements();

  //! A trigger: its name and the statements that create it in one dialect.
  struct Trigger
  {
    QString name;
    QStringList statements;
  };
  //! The triggers that refuse updates and deletes of rt_status_history.
  QVector<Trigger> appendOnlyTriggers( RtSqlDialect dialect );
  //! The message those triggers raise.
  QString appendOnlyMessage();

  //! The figure kind stored as \a code in rt_figures.kind.
  std::optional<RtFigure::Kind> figureKindFromCode( const QString &code );
}

#endif // RTSTORESCHEMA_H
