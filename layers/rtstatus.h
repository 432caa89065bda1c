#ifndef RTSTATUS_H
#define RTSTATUS_H

#include "rtdeadline.h"
#include "rtlang.h"

#include <QDate>
#include <QString>
#include <QVector>
#include <optional>

/**
 * \brief The status vocabulary of a tracked task, defined once for the whole project.
 *
 * "Overdue" is not a stored status: it is derived from a task's deadline, its status
 * and the date the map or summary is made for (see RtStatuses::isOverdue()).
 */
enum class RtStatus
{
  NotStarted,
  InProgress,
  Done,
  Blocked,
  Dropped,   //!< dropped as no longer relevant ("loại bỏ do không còn phù hợp")
  NoReport,  //!< the sources say nothing about progress
};

namespace RtStatuses
{
  //! Every status, in the order summaries list them.
  QVector<RtStatus> all();

  //! Stable ASCII code stored in files and typed on the command line ("in_progress").
  QString code( RtStatus status );

  //! Parses a code; also accepts the Vietnamese or English label, case- and accent-insensitively.
  std::optional<RtStatus> fromCode( const QString &text );

  //! Human label in the given language.
  QString label( RtStatus status, RtLang lang );

  //! The comma-separated list of codes, for error messages.
  QString codeList();

  //! Done and dropped tasks are closed: they can never become overdue.
  bool isClosed( RtStatus status );

  //! True when the deadline has passed on \a asOf and the task is not closed.
  bool isOverdue( RtStatus status, const QDate &deadline, const QDate &asOf );

  /**
   * The overdue rule for a task's deadline: only a due date (RtDeadline::Kind::Date) can
   * pass; recurring, ongoing and undated deadlines never make a task overdue.
   */
  bool isOverdue( RtStatus status, const RtDeadline &deadline, const QDate &asOf );

  //! Label of the derived "overdue" flag.
  QString overdueLabel( RtLang lang );
}

#endif // RTSTATUS_H
