#ifndef RTTASK_H
#define RTTASK_H

#include "rtdeadline.h"
#include "rtstatus.h"
#include "rttarget.h"
#include "rtvalue.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

/**
 * \brief What a task follows up: a resolution ("152/NQ-HĐND"), or one of its tasks.
 *
 * In a register the task is named by its id there (RtTask::id); in a register JSON by its
 * id in that resolution's own register.
 */
struct RtTaskRef
{
  QString resolution;  //!< the resolution's number as written ("152/NQ-HĐND")
  QString taskId;      //!< empty: the resolution as a whole

  bool operator==( const RtTaskRef &other ) const { return resolution == other.resolution && taskId == other.taskId; }
};

/**
 * \brief One tracked task of a resolution: a directive item or a concrete commitment.
 *
 * Every field that states a fact carries its evidence: the clause path and a verbatim
 * quote of the resolution (or of a footnote of that clause).
 */
struct RtTask
{
  QString id;              //!< stable id: "DT-05-i3", "CM-QHPK-A3"; "DT-01@15/NQ-HĐND" where a later resolution's id clashed
  QString resolution;      //!< the number of the resolution it belongs to ("172/NQ-HĐND")
  QString kind;            //!< "directive" or "commitment"
  QStringList clausePath;  //!< labels from the top: {"Điều 1","4.","4.1.","(5)","(i1)"}
  int footnote = 0;        //!< the quote comes from this footnote of the clause (0: the clause text)
  QString quote;           //!< verbatim evidence
  QString titleVi;
  QString titleEn;
  QString category;        //!< an RtCategories code
  QString responsible;     //!< as the text names it, or empty
  RtDeadline deadline;     //!< parsed from the phrase as written
  QString target;          //!< the target figure as written, or empty
  std::optional<RtTarget> targetFigure;  //!< the target as a number, where the text states one
  QStringList places;      //!< "ward:06715", "zone:A3", "site:hai-yen-ip"
  RtStatus status = RtStatus::NoReport;  //!< current status
  QDate statusDate;        //!< date the current status holds from
  QString statusQuote;     //!< evidence of the initial status (empty for no_report)
  QStringList statusClausePath;
  int statusFootnote = 0;
  QString noteVi;
  QString noteEn;
  QVector<RtTaskRef> followsUp;  //!< tasks or resolutions (earlier than its own) this task follows up
  int revision = 0;        //!< bumped by every change of the task (optimistic concurrency)
  QString review;          //!< "draft": proposed by draft-register, not reviewed yet; empty once reviewed
  //! The latest measured value on or before the date the task is read for (RtTasksAsOf::read()); none when no value was reported.
  std::optional<RtValueEntry> latestValue;
};

#endif // RTTASK_H
