#ifndef RTSTOREWRITER_H
#define RTSTOREWRITER_H

#include "rtstore.h"
#include "rtstorebackend.h"

/**
 * \brief Writes a new register's rows through any backend: the document, the clause tree,
 * footnotes, figures, tasks, their places and one initial history row per task (old status
 * empty, new status the task's, dated the resolution's date, by the resolution's number,
 * evidence its status quote).
 */
class RtStoreWriter
{
  public:
    /**
     * Checks what a register is to be made of and completes the document (the caller's
     * fields win, the resolution fills what they leave empty). Refused (Invalid), naming
     * \a location: no date to start the history from, a task without an id, an id twice,
     * a deadline phrase that would not read back as the same deadline.
     */
    static RtResult<RtStoreWriter> prepare( const QString &location, const RtResolution &resolution,
                                            const QVector<RtTask> &tasks, const RtDocumentInfo &info );

    //! Writes every row into \a backend, inside its creating transaction.
    RtStatusResult write( RtStoreBackend &backend ) const;

    const RtDocumentInfo &document() const { return mDocument; }

  private:
    RtStoreWriter() = default;
    RtStatusResult writeClauses( RtStoreBackend &backend, const QVector<RtClause> &clauses, const QStringList &parentPath,
                                 int depth, int &ordinal ) const;

    const RtResolution *mResolution = nullptr;  // the caller's, alive while the register is created
    const QVector<RtTask> *mTasks = nullptr;
    RtDocumentInfo mDocument;
};

#endif // RTSTOREWRITER_H
