#ifndef RTSTOREQUERIES_H
#define RTSTOREQUERIES_H

#include "rtstore.h"
#include "rtstorebackend.h"

#include <QDate>
#include <QHash>
#include <QVector>

#include <optional>

/**
 * \brief What RtStore reads from a register, the same on every backend: the resolutions,
 * their clause trees, the tasks with their places, the histories (status, values,
 * assignments) and the state of a past date. Rows come from RtStoreBackend::select(); a
 * value this version does not know (a status code, a deadline that now reads differently)
 * is a Corrupt failure.
 */
namespace RtStoreQueries
{
  QString unknownTaskMessage( const QString &taskId );

  //! Every resolution, in the order they were added.
  RtResult<QVector<RtDocumentInfo>> resolutions( const RtStoreBackend &backend );

  //! The clause tree, footnotes and figures of resolution \a number, with its document's fields.
  RtResult<RtResolution> resolution( const RtStoreBackend &backend, const RtDocumentInfo &document );

  /**
   * Every task, or only \a taskId when given (none when unknown), in register order, with
   * their places; only those of resolution \a resolution (a stored number) when given.
   */
  RtResult<QVector<RtTask>> tasks( const RtStoreBackend &backend, const std::optional<QString> &taskId = std::nullopt,
                                   const std::optional<QString> &resolution = std::nullopt );

  //! Every history row, or those of \a taskId, oldest first.
  RtResult<QVector<RtHistoryEntry>> history( const RtStoreBackend &backend, const std::optional<QString> &taskId = std::nullopt );
  //! Every measured value, or those of \a taskId, in the order recorded.
  RtResult<QVector<RtValueEntry>> values( const RtStoreBackend &backend, const std::optional<QString> &taskId = std::nullopt );
  //! Every assignment, or those of \a taskId, in the order recorded.
  RtResult<QVector<RtAssignment>> assignments( const RtStoreBackend &backend, const std::optional<QString> &taskId = std::nullopt );

  /**
   * Every task's status on \a date from the history: the row of the latest status date not
   * after it wins, and among rows of one date the later recorded; a task without such a
   * row had nothing reported yet (no report).
   */
  RtResult<QHash<QString, RtStatus>> statusesAsOf( const RtStoreBackend &backend, const QDate &date );

  //! Each task's latest value on \a date: the latest value date not after it, then the later recorded.
  RtResult<QHash<QString, RtValueEntry>> valuesAsOf( const RtStoreBackend &backend, const QDate &date );

  /**
   * True when the register holds what a rebuild from \a newTasks of resolution \a number
   * would lose: a status change recorded after it was built (a history row with an old
   * status), a measured value, an assignment, another resolution, or a task whose places
   * differ from the new task of that id (a link made in the plugin).
   */
  RtResult<bool> hasRecordedChanges( const RtStoreBackend &backend, const QVector<RtTask> &newTasks, const QString &number );
}

#endif // RTSTOREQUERIES_H
