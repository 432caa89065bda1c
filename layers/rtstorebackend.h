#ifndef RTSTOREBACKEND_H
#define RTSTOREBACKEND_H

#include "rtresult.h"
#include "rtstoreschema.h"

#include <QMap>
#include <QString>
#include <QVariant>
#include <QVector>

#include <functional>
#include <memory>

/**
 * One row of a register table: column name → value (names from RtStoreSchema). A value
 * has the type of its column: Text → QString, Integer and Integer64 → qint64, Real →
 * double, Date → QDate, DateTime → QDateTime in UTC. A null value is an invalid QVariant;
 * a column left out of a row written is null. Rows read carry every column of the table
 * and the row id (RtStoreSchema::rowIdColumn()).
 */
using RtStoreRow = QMap<QString, QVariant>;

//! The rows whose \a column equals \a value; no column: every row.
struct RtStoreFilter
{
  QString column;
  QVariant value;

  bool isEmpty() const { return column.isEmpty(); }
};

/**
 * \brief The contract between the register store (RtStore) and a database that holds
 * registers: GeoPackage files (RtGpkgBackend) now, PostgreSQL next.
 *
 * RtStore keeps every rule (what a valid change is, when an edit is stale, how a past
 * date is reconstructed) and reaches the data only through this interface, so the rules
 * hold the same on every backend. A backend:
 *
 * - stores the tables and columns of RtStoreSchema, reads rows in each table's order
 *   (RtTableSpec::order) and converts values to and from the types of RtStoreRow;
 * - passes every value as a bound parameter, never spliced into SQL text; only table and
 *   column names from RtStoreSchema appear in its statements;
 * - writes only inside beginWrite() … commit(): one transaction, all or nothing, holding
 *   a lock that keeps every other writer of the same task out until it ends;
 * - keeps the histories (RtStoreSchema::appendOnlyTables()) append-only by the database
 *   itself (triggers; on PostgreSQL privileges too) and refuses to open for writing a
 *   register whose protection is gone;
 * - knows the register's schema version (rt_meta), refuses one newer than
 *   RtStoreSchema::version() (Corrupt, RtStoreSchema::newerVersionMessage()), reads one
 *   older as RtStoreSchema::tableInVersion() describes it (columns it lacks read as null,
 *   tables it lacks as empty) and upgrades it on request;
 * - gives every failure its RtErrorKind (Busy for a lock held by another program,
 *   ReadOnly, Forbidden, Unavailable, Corrupt, NotFound) and a message that names the
 *   register and says in words what failed — never an SQL statement.
 *
 * A backend object is used by one thread at a time.
 */
class RtStoreBackend
{
  public:
    virtual ~RtStoreBackend() = default;

    //! The register as named in messages: a file path, or a connection without its password.
    virtual QString location() const = 0;
    //! Opened for writing; a backend opened read-only refuses beginWrite().
    virtual bool isWritable() const = 0;

    /**
     * The rows of \a table matching \a filter, in the table's order. Outside a write
     * each call reads a consistent state of its own; inside beginWrite() … commit() it
     * sees the transaction's own writes.
     */
    virtual RtResult<QVector<RtStoreRow>> select( RtStoreTable table, const RtStoreFilter &filter = RtStoreFilter() ) const = 0;

    /**
     * Starts the one transaction of a change and takes the lock that makes its checks and
     * its writes one step: until commit() or rollback() no other writer changes the task
     * \a taskId (GeoPackage: the whole file is locked; PostgreSQL: the task's row, SELECT
     * … FOR UPDATE). Waits a few seconds for another writer, then fails with Busy. Reads
     * after it see the latest committed state. A register replaced meanwhile (a GeoPackage
     * file renamed over) is reopened first, so the change goes to the register the name
     * holds now. An empty \a taskId locks the whole register (creating, replacing).
     */
    virtual RtStatusResult beginWrite( const QString &taskId ) = 0;

    //! A sequence number for a new row of history \a table ("seq"), above every one recorded there, unique among concurrent writers.
    virtual RtResult<qint64> nextSequence( RtStoreTable table ) = 0;

    //! The layout version of the register as it is stored (RtStoreSchema::version() when current).
    virtual int schemaVersion() const = 0;

    /**
     * Brings a register of an earlier layout to RtStoreSchema::version() in one step that
     * is all or nothing, every row and the whole history kept; the register as it was is
     * kept first, and \a keptAs receives where (GeoPackage: "FILE.bak-TIME.gpkg"). Done
     * under the register's write lock, so no change of another program is lost; a register
     * another program upgraded meanwhile is left as it is. Nothing to do for a current one.
     */
    virtual RtStatusResult upgrade( QString *keptAs ) = 0;

    //! Adds \a row to \a table (the row id is assigned by the backend).
    virtual RtStatusResult insert( RtStoreTable table, const RtStoreRow &row ) = 0;
    //! Sets the columns of \a values in the rows of \a table matching \a where.
    virtual RtStatusResult update( RtStoreTable table, const RtStoreFilter &where, const RtStoreRow &values ) = 0;
    //! Deletes the rows of \a table matching \a where.
    virtual RtStatusResult remove( RtStoreTable table, const RtStoreFilter &where ) = 0;

    //! Makes the change durable and visible to others; on failure nothing was changed.
    virtual RtStatusResult commit() = 0;
    //! Drops the change; does nothing outside a transaction.
    virtual void rollback() = 0;
};

//! What creating a register asks of a backend (RtStoreBackends::create()).
struct RtStoreCreateRequest
{
  //! Replace a register that exists at the location (never anything that is not a register).
  bool overwrite = false;
  //! Writes the rows of the new register into an empty one, inside its creating transaction.
  std::function<RtStatusResult( RtStoreBackend & )> fill;
  /**
   * Asked of the register about to be replaced, under its write lock (so no change can
   * slip in between the answer and the replacement): true keeps it aside (a backup);
   * false lets it go. A failure stops the replacement.
   */
  std::function<RtResult<bool>( RtStoreBackend & )> keepReplaced;
};

/**
 * \brief Picks and creates the backend a register location names: a file path → the
 * GeoPackage backend; "postgresql://…", "postgres://…" or a libpq connection string
 * ("service=NAME", "host=… dbname=…") → PostgreSQL.
 */
namespace RtStoreBackends
{
  enum class Kind
  {
    GeoPackage,
    PostgreSql,
  };

  Kind kindOf( const QString &location );
  //! \a location for messages: a connection's password is masked.
  QString displayLocation( const QString &location );

  /**
   * Opens the register at \a location. Opened for writing, a register of an earlier
   * schema is upgraded first (RtStoreBackend::upgrade()); \a keptBeforeUpgrade receives
   * where the register as it was is kept (empty when there was nothing to upgrade).
   */
  RtResult<std::unique_ptr<RtStoreBackend>> open( const QString &location, bool writable, QString *keptBeforeUpgrade = nullptr );

  /**
   * Creates a register at \a location filled by \a request.fill; visible there only when
   * complete. The empty register \a request.fill receives has today's layout and rt_meta's
   * schema version row already; indexes and triggers come in the same transaction.
   * \a keptAs receives where the replaced register was kept, if it was.
   */
  RtStatusResult create( const QString &location, const RtStoreCreateRequest &request, QString *keptAs = nullptr );
}

#endif // RTSTOREBACKEND_H
