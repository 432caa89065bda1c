#ifndef RTSTOREQUERIES_H
#define RTSTOREQUERIES_H

#include "rtstore.h"
#include "rtstorebackend.h"

#include <QDate>
#include <QHash>
#include <QVector>

#include <optional>

/**
 * \brief What RtStore reads from a register, the same on every backend: the document,
 * the clause tree, the tasks with their places, the status history and the statuses of
 * a past date. Rows come from RtStoreBackend::select(); a value this version does not
 * know (a status code, a deadline that now reads differently) is a Corrupt failure.
 */
namespace RtStoreQueries
{
  QString unknownTaskMessage( const QString &taskId );

  //! The document; \a rowCount receives how many rows rt_document holds (a register holds one).
  RtResult<RtDocumentInfo> document( const RtStoreBackend &backend, int *rowCount = nullptr );

  //! The clause tree, footnotes and figures, with the document's fields.
  RtResult<RtResolution> resolution( const RtStoreBackend &backend );

  //! Every task, or only \a taskId when given (none when unknown), in register order, with their places.
  RtResult<QVector<RtTask>> tasks( const RtStoreBackend &backend, const std::optional<QString> &taskId = std::nullopt );

  //! Every history row, or those of \a taskId, oldest first.
  RtResult<QVector<RtHistoryEntry>> history( const RtStoreBackend &backend, const std::optional<QString> &taskId = std::nullopt );

  /**
   * Every task's status on \a date from the history: the row of the latest status date not
   * after it wins, and among rows of one date the later recorded; a task without such a
   * row had nothing reported yet (no report).
   */
  RtResult<QHash<QString, RtStatus>> statusesAsOf( const RtStoreBackend &backend, const QDate &date );

  /**
   * True when the register holds what a rebuild from \a newTasks would lose: a status
   * change recorded after it was built (a history row with an old status), or a task whose
   * places differ from the new task of that id (a link made in the plugin).
   */
  RtResult<bool> hasRecordedChanges( const RtStoreBackend &backend, const QVector<RtTask> &newTasks );
}

#endif // RTSTOREQUERIES_H
