#ifndef RTSTOREWRITER_H
#define RTSTOREWRITER_H

#include "rtstore.h"
#include "rtstorebackend.h"

/**
 * \brief Writes a resolution's rows through any backend: its row of rt_resolutions, the
 * clause tree, footnotes, figures, tasks (with their numeric targets), their places and
 * one initial history row per task (old status empty, new status the task's, dated the
 * resolution's date, by the resolution's number, evidence its status quote).
 */
class RtStoreWriter
{
  public:
    /**
     * Checks what is to be written and completes the document (the caller's fields win,
     * the resolution fills what they leave empty). Refused (Invalid), naming \a location:
     * no number, no date to start the history from, a task without an id, an id twice, a
     * deadline phrase that would not read back as the same deadline. Tasks get the
     * resolution's number and, where their target states one figure, its numeric form.
     */
    static RtResult<RtStoreWriter> prepare( const QString &location, const RtResolution &resolution,
                                            const QVector<RtTask> &tasks, const RtDocumentInfo &info );

    //! Writes a new register's rows into \a backend (inside its creating transaction): this resolution as the first.
    RtStatusResult write( RtStoreBackend &backend ) const;
    //! Writes this resolution into a register that holds others, after them (inside a write).
    RtStatusResult append( RtStoreBackend &backend ) const;

    const RtDocumentInfo &document() const { return mDocument; }
    const QVector<RtTask> &tasks() const { return mTasks; }

  private:
    RtStoreWriter() = default;
    RtStatusResult writeResolution( RtStoreBackend &backend, int resolutionOrdinal, int taskOrdinal ) const;
    RtStatusResult writeClauses( RtStoreBackend &backend, const QVector<RtClause> &clauses, const QStringList &parentPath,
                                 int depth, int &ordinal ) const;

    const RtResolution *mResolution = nullptr;  // the caller's, alive while the rows are written
    QVector<RtTask> mTasks;
    RtDocumentInfo mDocument;
};

#endif // RTSTOREWRITER_H
