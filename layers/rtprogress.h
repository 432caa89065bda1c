#ifndef RTPROGRESS_H
#define RTPROGRESS_H

#include "rtlang.h"
#include "rttask.h"

#include <QString>

#include <optional>

/**
 * \brief A task's progress against the figure its resolution set, in words: what the
 * summary, the panel, the council map and the session pack all print.
 *
 * Built from the task's latest measured value (RtTask::latestValue) and its target as a
 * number (RtTask::targetFigure). Numbers are written as the language's locale writes them
 * (312; 78,5 % in Vietnamese, 78.5% in English).
 */
namespace RtProgress
{
  //! The latest value as a share of the target (0.624 for 312 of 500); none without a value, a numeric target, or with another unit.
  std::optional<double> share( const RtTask &task );

  //! "312 ô đất tái định cư", "78,5 %" (Vietnamese) / "78.5%" (English).
  QString valueText( double value, const QString &unit, RtLang lang );

  //! "62 %" / "62%"; one decimal below 10 %.
  QString shareText( double share, RtLang lang );

  //! "312 ô đất tái định cư = 62 % chỉ tiêu (20/06/2024)" / "… = 62% of target (6/20/2024)"; the value and date alone when no share can be told; empty without a value.
  QString text( const RtTask &task, RtLang lang );

  //! "Đang thực hiện (62 %)": the status's label and, where a share can be told, the share.
  QString statusText( const RtTask &task, RtLang lang );

  /**
   * A measured value as people type it: "312", "3,65" (the Vietnamese decimal comma),
   * "3.65", "78%" (\a percent then says the unit is %); no thousands separators. None
   * for anything else.
   */
  std::optional<double> parseValue( QString text, bool *percent );

  //! The same for a value of the history (\a value measured for \a task).
  QString text( const RtTask &task, const RtValueEntry &value, RtLang lang );
}

#endif // RTPROGRESS_H
