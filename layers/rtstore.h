#ifndef RTSTORE_H
#define RTSTORE_H

#include "rtassignment.h"
#include "rtdeadline.h"
#include "rtresolution.h"
#include "rtresult.h"
#include "rttask.h"
#include "rtvalue.h"

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

//! What the store keeps about a resolution itself (a row of rt_resolutions).
struct RtDocumentInfo
{
  QString number;        //!< unique in a register: "172/NQ-HĐND"
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

//! One measured value to record (RtStore::setValue()).
struct RtValueChange
{
  QString taskId;
  double value = 0;
  QString unit;        //!< default: the unit of the task's target
  QString by;          //!< required
  QDate date;          //!< the date it was measured (default: today)
  QString note;
  QString evidence;
};

//! One assignment to record (RtStore::assign()).
struct RtAssignmentChange
{
  QString taskId;
  QString lead;        //!< the lead office, required
  QStringList with;    //!< cooperating offices
  QString by;          //!< who assigns, required
};

/**
 * \brief One row of a batch of changes (RtStore::applyChanges()): a status, a measured
 * value, or a report that keeps the status and brings a note or evidence.
 */
struct RtTaskChange
{
  QString taskId;
  std::optional<RtStatus> newStatus;  //!< none: the status is not reported
  std::optional<double> value;        //!< a measured value, if reported
  QString unit;                       //!< the value's unit (default: the target's)
  QString by;                         //!< required
  QDate date;                         //!< default: today
  QString note;
  QString evidence;
  std::optional<RtStatus> expected;   //!< the status the row is based on (a form's status column)
};

//! Why one row of a batch was refused.
struct RtChangeError
{
  int row = 0;         //!< 1-based position in the batch
  QString taskId;
  RtErrorKind kind = RtErrorKind::Invalid;
  QString message;
};

//! What a batch did, or would do (dry run), or why it did nothing.
struct RtBatchOutcome
{
  bool applied = false;            //!< committed: every row applied
  QVector<RtChangeError> errors;   //!< every refused row; none applied when there is one
  QStringList changes;             //!< what each accepted row records, in words, in order
  int statusRows = 0;              //!< status history rows written (or to be written)
  int valueRows = 0;               //!< value history rows written (or to be written)
};

//! A resolution added to a register (RtStore::addResolution()).
struct RtAddedResolution
{
  QString number;
  int tasks = 0;
  //! Task ids that clashed with tasks already in the register: as given → as stored ("DT-01" → "DT-01@15/NQ-HĐND").
  QVector<QPair<QString, QString>> renamed;
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
 * \brief A register of resolutions: their texts, tasks, the tasks' status history,
 * measured values and assigned offices.
 *
 * Tables (RtStoreSchema, schema version 2): rt_meta, rt_resolutions, rt_clauses,
 * rt_footnotes, rt_figures, rt_tasks, rt_task_places and the append-only histories
 * rt_status_history, rt_value_history and rt_assignments (the database refuses updates and
 * deletes). A change writes its history row and the task's current state in one
 * transaction: both or neither.
 *
 * Task ids are unique in a register: a resolution added later whose task id is already
 * taken gets "ID@NUMBER" ("DT-01@15/NQ-HĐND"). A register of schema 1 (one resolution, no
 * rt_meta) is read as it is; opened for writing it is first upgraded (RtStoreBackend::upgrade()). Where the register lives is its location: a GeoPackage
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
     * register whose history is no longer append-only is refused (Corrupt), and a register
     * of an earlier schema is upgraded first, the register as it was kept aside
     * (keptBeforeUpgrade()). A register of a newer schema than this version knows is
     * refused (Corrupt).
     */
    static RtResult<std::unique_ptr<RtStore>> open( const QString &path, bool writable );

    QString path() const { return mPath; }
    //! Where the register was kept before this open upgraded it; empty when it did not.
    QString keptBeforeUpgrade() const { return mKeptBeforeUpgrade; }
    //! The register's schema version (RtStoreSchema::version(), or 1 for a register read as it was).
    int schemaVersion() const;

    //! The first resolution of the register (the one it was built for).
    RtDocumentInfo document() const;
    //! Every resolution of the register, in the order they were added.
    RtResult<QVector<RtDocumentInfo>> resolutions() const;
    /**
     * The resolution \a number names, as a person types it: the number as stored, or with
     * other case, composed or decomposed accents or none ("172/nq-hdnd"), or only its
     * leading number ("172") when one resolution has it. NotFound, naming the numbers the
     * register holds, when none or several match.
     */
    RtResult<RtDocumentInfo> findResolution( const QString &number ) const;

    //! The clause tree and footnotes as stored (figures included) of resolution \a number (default: the first).
    RtResult<RtResolution> resolution( const QString &number = QString() ) const;

    //! All tasks with their current status, in register order; only those of \a resolutions (stored numbers) when given.
    RtResult<QVector<RtTask>> tasks( const QStringList &resolutions = QStringList() ) const;
    RtResult<RtTask> task( const QString &taskId ) const;
    /**
     * The id of task \a taskId of resolution \a resolution (a stored number): \a taskId
     * itself, or "taskId@resolution" when that id was qualified; NotFound otherwise.
     * Without a resolution, \a taskId must be a task of the register.
     */
    RtResult<QString> resolveTaskId( const QString &taskId, const QString &resolution = QString() ) const;

    /**
     * The tasks of \a resolutions (stored numbers; default: all) as they stood on \a date:
     * only those of resolutions passed by then, each with its status of that date
     * (statusesAsOf()). Refused when \a date is before every chosen resolution, with
     * RtTasksAsOf::check()'s message for the earliest of them.
     */
    RtResult<QVector<RtTask>> tasksAsOf( const QDate &date, const QStringList &resolutions = QStringList() ) const;

    /**
     * Adds resolution \a resolution with its \a tasks, in one transaction: its row, clause
     * tree, footnotes, figures, tasks, their places and initial status rows (as create()
     * writes them). Refused (nothing written) when the register holds that number already,
     * a task would not read back (create()'s checks), or a task follows up a task that is
     * not in the register or a resolution dated after it. A task id the register already
     * holds is stored as "ID@NUMBER"; follows-up references to tasks are stored by the
     * ids the register gives them.
     */
    RtResult<RtAddedResolution> addResolution( const RtResolution &resolution, const QVector<RtTask> &tasks, const RtDocumentInfo &info );

    /**
     * Applies one status change in a single transaction. Refused, with nothing written,
     * when: the task id is unknown; \a by is empty; the date is before the resolution,
     * in the future, or before the task's latest recorded status date; \a expected is
     * set and differs from the stored current status (a stale edit: someone changed the
     * task meanwhile); the new status equals the current one and the change brings no
     * note or evidence. Kinds: NotFound (unknown task), Stale (the stale edit), ReadOnly
     * (opened read-only, or the file or its folder cannot be written), Busy (another
     * program holds the register's lock), Invalid (the rest of the refusals), and those of
     * a failing disk. The date is checked against the task's own resolution.
     *
     * A change that keeps the status but brings a note or evidence is recorded (a history
     * row whose old and new status are the same; the status date stays).
     */
    RtStatusResult setStatus( const RtStatusChange &change );

    /**
     * Records one measured value of a task, in a single transaction (a row of the value
     * history; the task's revision bumped). Refused, nothing written, when: the task is
     * unknown (NotFound); it has no target; \a by is empty; the value is negative or not a
     * number; the date is before the task's resolution, in the future, or before the
     * task's latest value date. Without a unit the target's is recorded.
     */
    RtStatusResult setValue( const RtValueChange &change );

    /**
     * Records who carries a task out (a lead office and cooperating ones), kept with who
     * assigned them and when; the latest assignment is the current one. Refused, nothing
     * written, when: the task is unknown (NotFound); the lead office or \a by is empty;
     * an office is both lead and cooperating; the offices are those of the current
     * assignment (by RtAssignment::officeKey()). Cooperating offices named twice count once.
     */
    RtStatusResult assign( const RtAssignmentChange &change );

    /**
     * Applies a batch of status and value changes in one transaction: all or none. Every
     * row is checked as setStatus() and setValue() check (unknown id, stale expected
     * status, dates, a report with nothing new), against the register as the earlier rows
     * leave it; a refused row is listed in RtBatchOutcome::errors with its position, and
     * then no row is applied. \a dryRun checks and describes without writing. A failure
     * of the register itself (busy, read-only, disk, a server gone) is the result's
     * failure, nothing applied; except that a connection lost during the commit leaves it
     * unknown whether the server recorded the batch: then \a outcomeUnknown is set.
     */
    RtResult<RtBatchOutcome> applyChanges( const QVector<RtTaskChange> &changes, bool dryRun = false, bool *outcomeUnknown = nullptr );

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
    //! The measured values of one task, in the order recorded.
    RtResult<QVector<RtValueEntry>> values( const QString &taskId ) const;
    //! Each task's latest value measured on or before \a date (latest date, then latest recorded); tasks without one are left out.
    RtResult<QHash<QString, RtValueEntry>> valuesAsOf( const QDate &date ) const;
    //! The assignments of one task, oldest first (the last is the current one).
    RtResult<QVector<RtAssignment>> assignments( const QString &taskId ) const;
    //! Every assigned task's current assignment.
    RtResult<QHash<QString, RtAssignment>> currentAssignments() const;

    //! Every task's status as it stood on \a date, reconstructed from the history (tasks
    //! have no status before their resolution's date: an error for a date before the first's).
    RtResult<QHash<QString, RtStatus>> statusesAsOf( const QDate &date ) const;

    //! For tests of atomicity only: called inside the transaction after each history row
    //! is written and before the task is updated (setTaskPlaces(): after the places are
    //! written; addResolution(): before the commit); if it returns false the change fails
    //! as a write error would.
    void setFailpointForTests( std::function<bool()> failpoint ) { mFailpoint = std::move( failpoint ); }

  private:
    RtStore();
    //! The changes of a batch under one lock (\a lockTaskId: the one task, or empty for the register).
    RtResult<RtBatchOutcome> applyBatch( const QVector<RtTaskChange> &changes, bool dryRun, const QString &lockTaskId, bool *outcomeUnknown = nullptr );
    QString mPath;
    QString mShownPath;  // mPath in messages: a server's password masked
    QString mKeptBeforeUpgrade;
    bool mWritable = false;
    std::unique_ptr<RtStoreBackend> mBackend;
    std::function<bool()> mFailpoint;
};

#endif // RTSTORE_H
