#ifndef RTSTORESCHEMA_H
#define RTSTORESCHEMA_H

#include "rtdeadline.h"
#include "rtresolution.h"
#include "rttask.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>
#include <vector>

//! The tables of a register (internal to the store; RtStoreSchema names them).
enum class RtStoreTable
{
  Tasks,        //!< rt_tasks: tracked tasks of every resolution and their current status
  Meta,         //!< rt_meta: facts about the register itself, its schema version first (key → value)
  Resolutions,  //!< rt_resolutions: the resolutions this register tracks, one row each (schema 1: rt_document, one row)
  Clauses,      //!< rt_clauses: the clause tree of each resolution in reading order
  Footnotes,    //!< rt_footnotes
  Figures,      //!< rt_figures: figures the resolutions state
  Places,       //!< rt_task_places: the places each task concerns
  History,      //!< rt_status_history: append-only history of status changes
  Values,       //!< rt_value_history: append-only history of measured values (schema 2)
  Assignments,  //!< rt_assignments: append-only history of lead and cooperating offices (schema 2)
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
  PostgreSql,  //!< the PostgreSQL backend (statements run with the register's schema first on the search path)
};

/**
 * \brief The layout of a register, the same for every backend: tables, columns, indexes
 * and the triggers that keep the histories append-only. Backends create and check
 * their databases from it; nothing else names a table or a column.
 *
 * A register records its layout's version in rt_meta (key "schema_version"). Version 1
 * (the registers of the first releases) had no rt_meta and held one resolution in
 * rt_document; version 2 holds many resolutions (rt_resolutions, and a "resolution"
 * column in the tables of their contents), numeric targets, measured values and office
 * assignments. tableInVersion() describes the tables of version 1, so that a backend can
 * read such a register and upgrade it; a register of a newer version than version() is
 * refused (newerVersionMessage()).
 */
namespace RtStoreSchema
{
  //! The layout version this code writes, and the newest it reads.
  int version();
  //! The rt_meta key of the schema version (its value: the version as decimal digits).
  QString versionKey();
  //! Why a register of schema \a found cannot be read by this version (a newer one wrote it).
  QString newerVersionMessage( const QString &location, int found );

  //! Every table, rt_tasks first (a foreign database is reported by its most telling table).
  const std::vector<RtTableSpec> &tables();
  const RtTableSpec &table( RtStoreTable table );
  //! The column \a name of \a table; null when there is none.
  const RtColumnSpec *column( RtStoreTable table, const QString &name );
  //! The integer row id every table has (the GeoPackage's "fid"): the order rows were written in.
  QString rowIdColumn();

  /**
   * \a table as a register of layout \a version holds it: its name and the columns that
   * version has (a subset of today's, in today's order); none when that version has no
   * such table. Version 1: no rt_meta, rt_value_history or rt_assignments; rt_document
   * for rt_resolutions (without "ordinal"); no "resolution" column anywhere; rt_tasks
   * without follows_up and the target_* columns.
   */
  std::optional<RtTableSpec> tableInVersion( RtStoreTable table, int version );

  //! The indexes of a register (standard SQL, the same in every dialect).
  QStringList indexStatements();

  //! The tables whose rows are never changed or deleted once written.
  QVector<RtStoreTable> appendOnlyTables();

  //! A trigger: its name and the statements that create it in one dialect.
  struct Trigger
  {
    QString name;
    QStringList statements;
  };
  //! The triggers that refuse updates and deletes of the append-only tables.
  QVector<Trigger> appendOnlyTriggers( RtSqlDialect dialect );
  //! Those of \a table alone (none for a table that is not append-only).
  QVector<Trigger> appendOnlyTriggers( RtSqlDialect dialect, RtStoreTable table );

  //! The channel a PostgreSQL register announces its changes on (LISTEN restrack_changes).
  QString changeChannel();
  /**
   * PostgreSQL only: a trigger on each history that announces every row recorded, at
   * commit (NOTIFY: a change rolled back is never announced), with a JSON payload
   * {"task", "kind": "status"|"value"|"assignment", "old", "new", "by", "db_user", "seq"}
   * — who reported it and the database user who wrote it (RtPgListener reads it).
   * Idempotent (CREATE OR REPLACE, DROP TRIGGER IF EXISTS): `db upgrade` runs them again.
   */
  QStringList changeNotifyStatements();
  //! The message those triggers raise for \a table.
  QString appendOnlyMessage( RtStoreTable table = RtStoreTable::History );

  //! The figure kind stored as \a code in rt_figures.kind.
  std::optional<RtFigure::Kind> figureKindFromCode( const QString &code );

  //! The roles of rt_assignments.role.
  QString leadRole();
  QString withRole();

  /**
   * rt_tasks.follows_up: the tasks and resolutions a task follows up, as a JSON array of
   * {"resolution": NUMBER[, "task": STORED_TASK_ID]}; empty text for none.
   */
  QString followsUpText( const QVector<RtTaskRef> &refs );
  //! Inverse of followsUpText(); none when \a text is not such an array.
  std::optional<QVector<RtTaskRef>> followsUpFromText( const QString &text );
}

#endif // RTSTORESCHEMA_H
