#ifndef RTSTORE_H
#define RTSTORE_H

#include "rtdeadline.h"
#include "rtresolution.h"
#include "rtresult.h"
#include "rttask.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <memory>
#include <optional>

class RtStoreBackend;

//! What the store keeps about the document itself.
struct RtDocumentInfo
{
  QString number;
  QDate date;
  QString title;
  QString body;
  QString session;
  QString place;
  QString documentType;
  QStringList preamble;
  QString closing;
  QString signerTitle;
  QString signer;
  QString sourceName;    //!< file name of the text it was built from
  QString sourceSha256;  //!< hash of that text, to tell which version was imported
  RtCouncilTerm term;
};

//! One status change to apply: who, when, what, and on which status it is based.
struct RtStatusChange
{
  QString taskId;
  RtStatus newStatus = RtStatus::NoReport;
  QString by;                       //!< required: the person or office making the change
  QDate date;                       //!< the date the new status holds from (default: today)
  QString note;
  QString evidence;                 //!< e.g. a decision number "QĐ 1234/QĐ-UBND"
  std::optional<RtStatus> expected; //!< the status the caller's edit is based on
};

//! One row of the append-only status history.
struct RtHistoryEntry
{
  qint64 sequence = 0;             //!< increasing in the order changes were recorded
  QString taskId;
  QDate date;                      //!< the date the status holds from
  QDateTime recordedAt;            //!< UTC time the row was written
  std::optional<RtStatus> oldStatus; //!< none for the initial status from the resolution
  RtStatus newStatus = RtStatus::NoReport;
  QString by;
  QString note;
  QString evidence;
};

/**
 * \brief The register of one resolution: its text, tasks and their status history.
 *
 * Tables (RtStoreSchema): rt_document, rt_clauses, rt_footnotes, rt_figures, rt_tasks,
 * rt_task_places and rt_status_history (append-only; the database refuses updates and
 * deletes). A status change writes the history row and the task's current status in one
 * transaction: both or neither. Where the register lives is its location: a GeoPackage
 * file (read and written through GDAL/OGR), or — with the PostgreSQL backend — a
 * "postgresql://…" URI or "service=NAME"; the rules are the same on both (RtStoreBackend).
 *
 * Every failure has a kind (RtResult::errorKind()): Stale (someone changed the task
 * meanwhile), NotFound (unknown task, missing file), Busy (another program holds a lock),
 * ReadOnly, Corrupt (damaged, or not what this version expects), Unavailable, Invalid.
 */
class RtStore
{
  public:
    ~RtStore();
    RtStore( const RtStore & ) = delete;
    RtStore &operator=( const RtStore & ) = delete;

    /**
     * Writes a new register to \a path: the document, clause tree, footnotes, figures,
     * tasks, their places and one initial history row per task (old status empty, new
     * status the task's status, dated the resolution's date, by the resolution number,
     * evidence its status quote). The file is written under a temporary name and
     * renamed into place only when complete, so \a path is never left half-written.
     * An existing register at \a path is replaced only when \a overwrite is true, and
     * nothing else ever is (a folder, a text file, another program's GeoPackage: refused).
     * A register that holds what the new one would lose (status changes recorded since it
     * was built, places linked since) is kept as "PATH.bak-YYYYMMDD-HHMMSS.gpkg", named in
     * \a keptAs; the check and the replacement hold the register's write lock, so no
     * change recorded meanwhile is lost. Temporaries left by killed runs are removed.
     */
    static RtStatusResult create( const QString &path, const RtResolution &resolution,
                                  const QVector<RtTask> &tasks, const RtDocumentInfo &info,
                                  bool overwrite = false, QString *keptAs = nullptr );

    /**
     * Opens an existing register; a message names it and what is wrong with it. The
     * backend follows from \a path (RtStoreBackends::kindOf()). Opened for writing, a
     * register whose history is no longer append-only is refused (Corrupt).
     */
    static RtResult<std::unique_ptr<RtStore>> open( const QString &path, bool writable );

    QString path() const { return mPath; }
    RtDocumentInfo document() const;

    //! The clause tree and footnotes as stored (figures included).
    RtResult<RtResolution> resolution() const;

    //! All tasks with their current status, in register order.
    RtResult<QVector<RtTask>> tasks() const;
    RtResult<RtTask> task( const QString &taskId ) const;

    /**
     * Applies one status change in a single transaction. Refused, with nothing written,
     * when: the task id is unknown; \a by is empty; the date is before the resolution,
     * in the future, or before the task's latest recorded status date; \a expected is
     * set and differs from the stored current status (a stale edit: someone changed the
     * task meanwhile); the new status equals the current one. Kinds: NotFound (unknown
     * task), Stale (the stale edit), ReadOnly (opened read-only, or the file or its folder
     * cannot be written), Busy (another program holds the register's lock), Invalid (the
     * rest of the refusals), and those of a failing disk.
     */
    RtStatusResult setStatus( const RtStatusChange &change );

    /**
     * Replaces the places a task is linked to ("zone:A3", "parcel:06715/12/345") in one
     * transaction. Refused, with nothing written, when: the task id is unknown; a place is
     * not "kind:key" with kind ward, zone, site or parcel; \a expected is set and differs
     * from the stored places (someone changed them meanwhile). Places are kept in the given
     * order, duplicates dropped. Not a status change: the status history is not touched.
     * Kinds as setStatus(): a change of the places meanwhile is Stale.
     */
    RtStatusResult setTaskPlaces( const QString &taskId, const QStringList &places,
                                  const std::optional<QStringList> &expected = std::nullopt );

    //! The history of one task, oldest first.
    RtResult<QVector<RtHistoryEntry>> history( const QString &taskId ) const;

    //! Every task's status as it stood on \a date, reconstructed from the history
    //! (tasks have no status before the resolution's date: an error for such a date).
    RtResult<QHash<QString, RtStatus>> statusesAsOf( const QDate &date ) const;

    //! For tests of atomicity only: called inside the transaction after the history row
    //! is written and before the current status is updated (setTaskPlaces(): after the
    //! places are written); if it returns false the change fails as a write error would.
    void setFailpointForTests( std::function<bool()> failpoint ) { mFailpoint = std::move( failpoint ); }

  private:
    RtStore();
    QString mPath;
    bool mWritable = false;
    std::unique_ptr<RtStoreBackend> mBackend;
    std::function<bool()> mFailpoint;
};

#endif // RTSTORE_H
