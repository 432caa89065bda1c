#ifndef RTGPKGBACKEND_H
#define RTGPKGBACKEND_H

#include "rtstorebackend.h"
#include "rtstorefiles.h"

#include <QSet>
#include <QString>

#include <memory>

class GDALDataset;
struct sqlite3;

/**
 * \brief The GeoPackage backend of the register store: one register per file, opened
 * and created through GDAL's GPKG driver, read and written with bound parameters on the
 * SQLite connection GDAL opened.
 *
 * A change holds SQLite's write lock on the whole file (BEGIN IMMEDIATE) from its first
 * check to its commit. A file renamed over the open one (a rebuilt register) is noticed
 * when the lock is taken, and the new file is opened, so no change lands in a file that
 * no longer has the register's name. A read-only open first lets SQLite roll back an
 * unfinished change that a killed writer left (a hot journal), which only a connection
 * that may write can do. A new register is written under a temporary name, flushed to
 * the disk and renamed into place; the register it replaces is locked from the check of
 * what it holds to the rename.
 *
 * A register of schema 1 (no rt_meta; rt_document) is read as RtStoreSchema::tableInVersion()
 * describes it: every row belongs to its one resolution, the columns it lacks read as
 * null. upgrade() writes its rows, history and all, into a new file of today's layout,
 * under its write lock, keeps it as "FILE.bak-TIME.gpkg" and renames the new file over it.
 */
class RtGpkgBackend : public RtStoreBackend
{
  public:
    /**
     * Opens the register file \a path. Refused, naming the file and the kind of failure:
     * a missing file (NotFound), a folder or a file that is not a register (Invalid), a
     * damaged register or one this version cannot read (Corrupt), a lock held too long
     * (Busy), an unfinished change it may not roll back (ReadOnly). Opened for writing,
     * a register whose history is no longer append-only (its triggers dropped or changed)
     * is refused as Corrupt unless \a checkAppendOnly is false. A register of a newer
     * schema than this version knows is refused (Corrupt); one of an older schema opens as
     * it is (schemaVersion()), to be read or upgraded, never written otherwise.
     */
    static RtResult<std::unique_ptr<RtGpkgBackend>> open( const QString &path, bool writable, bool checkAppendOnly = true );

    //! See RtStoreBackends::create(); refuses to replace anything that is not a register.
    static RtStatusResult create( const QString &path, const RtStoreCreateRequest &request, QString *keptAs );

    ~RtGpkgBackend() override;
    RtGpkgBackend( const RtGpkgBackend & ) = delete;
    RtGpkgBackend &operator=( const RtGpkgBackend & ) = delete;

    QString location() const override { return mPath; }
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

  private:
    RtGpkgBackend( const QString &path, bool writable, bool checkAppendOnly );
    //! Opens mPath through GDAL and checks that it is a register.
    RtStatusResult connect();
    void disconnect();
    RtStatusResult checkRegister();
    //! Reads the schema version (rt_meta; schema 1 has none) into mSchemaVersion.
    RtStatusResult readSchemaVersion();
    RtStatusResult checkAppendOnly();
    //! The indexes and append-only triggers of a new register, inside its creating transaction.
    RtStatusResult createIndexesAndTriggers();
    //! Writes are for a register of today's layout only.
    RtStatusResult checkCurrentLayout() const;
    //! Runs a statement that returns no rows, \a values bound to ?1, ?2, …
    RtStatusResult run( const QString &sql, const QVector<QPair<QVariant, RtColumnType>> &values = {} );
    RtStatusResult failure( int rc, const QString &doing ) const;

    QString mPath;
    bool mWritable = false;
    bool mCheckAppendOnly = true;
    int mSchemaVersion = 0;           // of the file opened (RtStoreSchema::version() when current)
    GDALDataset *mDataset = nullptr;  // owned, closed by disconnect()
    sqlite3 *mDb = nullptr;           // GDAL's connection to the file, not owned
    RtStoreFiles::FileId mFileId;     // the file opened, to notice one renamed over it
    bool mInTransaction = false;
    QSet<QString> mTouched;           // tables written by the transaction (gpkg_contents.last_change)
};

#endif // RTGPKGBACKEND_H
