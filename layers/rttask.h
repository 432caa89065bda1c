#ifndef RTTASK_H
#define RTTASK_H

#include "rtdeadline.h"
#include "rtstatus.h"

#include <QDate>
#include <QString>
#include <QStringList>

/**
 * \brief One tracked task of a resolution: a directive item or a concrete commitment.
 *
 * Every field that states a fact carries its evidence: the clause path and a verbatim
 * quote of the resolution (or of a footnote of that clause).
 */
struct RtTask
{
  QString id;              //!< stable id: "DT-05-i3", "CM-QHPK-A3"
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
  QStringList places;      //!< "ward:06715", "zone:A3", "site:hai-yen-ip"
  RtStatus status = RtStatus::NoReport;  //!< current status
  QDate statusDate;        //!< date the current status holds from
  QString statusQuote;     //!< evidence of the initial status (empty for no_report)
  QStringList statusClausePath;
  int statusFootnote = 0;
  QString noteVi;
  QString noteEn;
  int revision = 0;        //!< bumped by every status change (optimistic concurrency)
  QString review;          //!< "draft": proposed by draft-register, not reviewed yet; empty once reviewed
};

#endif // RTTASK_H
