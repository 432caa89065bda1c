#ifndef RTTASKSASOF_H
#define RTTASKSASOF_H

#include "rtresult.h"
#include "rtstore.h"
#include "rttask.h"

#include <QDate>
#include <QVector>

/**
 * \brief The tasks of a register as they stood on a date: the one rule the panel, the
 * map, the export, the CLI and the tools share.
 *
 * A task's status on a date is the latest status of its history dated on or before it
 * (RtStore::statusesAsOf()). The tasks had no status before the resolution: such a date is
 * refused, never moved, with a message naming the resolution's date (the earliest date
 * that can be asked), so the user knows what to choose; an invalid date is refused too.
 * Date pickers start at earliest() so that users cannot pick a refused date.
 */
class RtTasksAsOf
{
  public:
    /**
     * Every task of \a store in register order, each with its status as of \a date
     * (RtStatus::NoReport when the history has none); refused for a date check() refuses.
     * \a current, when set, receives the same tasks with their current status.
     * \a resolutions (stored numbers) chooses the resolutions whose tasks are read (default:
     * all); only those passed by \a date are (RtStore::tasksAsOf()), and a date before every
     * chosen one is refused with check()'s message for the earliest of them.
     */
    static RtResult<QVector<RtTask>> read( const RtStore &store, const QDate &date, QVector<RtTask> *current = nullptr,
                                           const QStringList &resolutions = QStringList() );

    //! Whether \a date can be asked of the register of \a document; the failure says why not.
    static RtStatusResult check( const RtDocumentInfo &document, const QDate &date );

    //! The earliest date that can be asked: the resolution's date (invalid when it has none).
    static QDate earliest( const RtDocumentInfo &document );
};

#endif // RTTASKSASOF_H
