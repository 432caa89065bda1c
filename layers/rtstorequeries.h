#ifndef RTSTOREQUERIES_H
#define RTSTOREQUERIES_H

// Internal to the register store (RtStore): reading the document, tasks and status history.

#include "rtgpkgbackend.h"
#include "rtstore.h"

namespace RtStoreInternal
{
  QString unknownTaskMessage( const QString &taskId );

  QString readDocument( GDALDataset *ds, RtDocumentInfo &info, int *rowCount = nullptr );

  RtResult<QVector<RtHistoryEntry>> readHistory( GDALDataset *ds, const QString &path, const QString &where, const QString &tail = QString() );

  //! Tasks matching \a where (all when empty), in register order, with their places.
  RtResult<QVector<RtTask>> readTasks( GDALDataset *ds, const QString &path, const QString &where );

  /**
   * Starts \a transaction and takes the write lock before reading the task, so that no
   * other writer can change it between our check and our write: a second writer waits
   * here and then sees our change. Returns the task as stored under the lock.
   */
  RtResult<RtTask> lockTask( GDALDataset *ds, const QString &path, const QString &taskId, Transaction &transaction );
}

#endif // RTSTOREQUERIES_H
