#ifndef RTPGBACKEND_H
#define RTPGBACKEND_H

#include "rtstorebackend.h"

#include <QString>

#include <memory>

struct pg_conn;

/**
 * \brief The PostgreSQL (15, PostGIS installed or not) backend of the register store: a
 * register on a server is the tables of RtStoreSchema in the schema "restrack" of a
 * database, reached through libpq with every value a bound parameter (PQexecParams).
 *
 * A change is one transaction. beginWrite( task ) takes the register's advisory lock
 * shared, the task's advisory lock, and its rt_tasks row FOR UPDATE, so two desks changing
 * different tasks proceed side by side while two changing the same task take turns;
 * beginWrite( "" ) takes the register's advisory lock exclusively (creating, replacing,
 * adding a resolution). A lock not granted within a few seconds (lock_timeout) is Busy.
 * Sequence numbers of the histories are max(seq) + 1 under a per-table advisory lock held
 * to the commit, so concurrent writers never share one.
 *
 * The histories are append-only by BEFORE UPDATE OR DELETE and BEFORE TRUNCATE triggers;
 * a register whose triggers are gone or disabled is refused for writing (Corrupt).
 * Creating a register is one transaction: the schema, its tables, the rows, indexes and
 * triggers appear together or not at all; a register replaced is kept aside by renaming
 * its schema to "restrack_bak_YYYYMMDD_HHMMSS".
 */
class RtPgBackend : public RtStoreBackend
{
  public:
    //! The schema a register lives in.
    static QString schemaName();

    /**
     * Opens the register at the connection \a location (a postgresql:// URI or a libpq
     * connection string). Refused: no server (Unavailable), refused login (Forbidden),
     * no such database or no register in it (NotFound), a damaged or newer register
     * (Corrupt); opened for writing, a register whose histories are no longer
     * append-only (Corrupt).
     */
    static RtResult<std::unique_ptr<RtPgBackend>> open( const QString &location, bool writable );

    //! See RtStoreBackends::create(); an existing register is replaced only when asked.
    static RtStatusResult create( const QString &location, const RtStoreCreateRequest &request, QString *keptAs );

    ~RtPgBackend() override;
    RtPgBackend( const RtPgBackend & ) = delete;
    RtPgBackend &operator=( const RtPgBackend & ) = delete;

    QString location() const override;
    bool isWritable() const override { return mWritable; }
    RtResult<QVector<RtStoreRow>> select( RtStoreTable table, const RtStoreFilter &filter = RtStoreFilter() ) const override;
    RtStatusResult beginWrite( const QString &taskId ) override;
    RtResult<qint64> nextSequence( RtStoreTable table ) override;
    int schemaVersion() const override { return mSchemaVersion; }
    RtStatusResult upgrade( QString *keptAs ) override;
    RtStatusResult insert( RtStoreTable table, const RtStoreRow &row ) override;
    RtStatusResult update( RtStoreTable table, const RtStoreFilter &where, const RtStoreRow &values ) override;
    RtStatusResult remove( RtStoreTable table, const RtStoreFilter &where ) override;
    RtStatusResult commit() override;
    void rollback() override;

    /**
     * Runs \a sql outside a change, \a params bound to $1, $2, … as text; the rows as text
     * ("t"/"f" for booleans). For the rights commands (RtPgRights), not for register data.
     */
    RtResult<QVector<QStringList>> run( const QString &sql, const QStringList &params = QStringList() );

    /**
     * Gives a register made before rights and live updates existed what it lacks of its
     * server set-up: the roles, privileges and row-level security of RtPgRights and the
     * change-notify triggers (RtStoreSchema::changeNotifyStatements()). What is missing is
     * read from the server's catalogue; when anything is, the whole set-up is run again,
     * in one transaction under the register's lock: all of it or nothing. Returns what was
     * missing and is now there, in short words (empty: nothing was missing, nothing done).
     */
    RtResult<QStringList> completeServerSetup();
    //! \a name as an SQL identifier, quoted by libpq (role names cannot be bound).
    QString identifier( const QString &name ) const;

  private:
    RtPgBackend( const QString &location, bool writable );
    /**
     * Why the current user may not change \a taskId, naming who may (its editors and the
     * administrators); empty when it may, or when the register keeps no rights.
     */
    QString refusal( const QString &taskId ) const;
    RtStatusResult connect();
    //! Encoding, date style, time zone and lock timeout of this program's session.
    RtStatusResult setUpSession() const;
    //! Connects again when the connection was lost outside a change (a server restart).
    RtStatusResult reconnectIfLost() const;
    //! Whether the schema holds a register (its rt_tasks table).
    RtResult<bool> registerExists() const;
    RtStatusResult checkRegister();
    RtStatusResult checkAppendOnly();
    //! What the register lacks of its rights and change-notify triggers, read from the catalogue, in short words.
    RtResult<QStringList> missingServerSetup() const;
    //! The tables, indexes and triggers of an empty register with its schema version, in the current transaction.
    RtStatusResult createLayout();

    QString mLocation;
    bool mWritable = false;
    int mSchemaVersion = 0;
    pg_conn *mConn = nullptr;  // owned, closed by the destructor
    bool mInTransaction = false;

};

#endif // RTPGBACKEND_H
