#ifndef RTREGISTER_H
#define RTREGISTER_H

#include "rtdeadline.h"
#include "rtresolution.h"
#include "rtresult.h"
#include "rttask.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

//! The curated register of one resolution: which text, which council term, which tasks.
struct RtRegisterFile
{
  QString textFile;     //!< the resolution text, relative to the register file
  QString number;       //!< must match the text's number
  QDate date;           //!< must match the text's date
  RtCouncilTerm term;
  QVector<RtTask> tasks;
  //! What reading noticed but does not refuse: deadline phrases that name no date this
  //! version can work out (kept verbatim, never overdue), each with its task.
  QStringList warnings;
};

/**
 * \brief Reads the curated register (JSON) and checks it against the resolution text.
 *
 * Reading checks the file itself (JSON syntax with line and column, required fields,
 * unique ids, known categories and statuses, place keys "ward:06715", "zone:A3",
 * "site:…", "parcel:…", "review" either "draft" or "reviewed", what a task follows up;
 * a draft may lack its English title). A deadline phrase that
 * cannot be dated is kept verbatim and listed in RtRegisterFile::warnings, never refused.
 * Checking against the text makes sure every clause exists and every quote, target,
 * deadline and status evidence occurs verbatim in the clause (or footnote) it names, and
 * that every resolution a task follows up ("follows_up": ["152/NQ-HĐND"] or
 * [{"resolution": "152/NQ-HĐND", "task": "DT-05"}]) is cited by the task's clause.
 *
 * A task may cite a row of an appendix: its clause path is the appendix's label as
 * written and the row's number in the table, from 1 (["Phụ lục I", "3"]); its evidence
 * is the row's cells joined by " | " (appendixRowText()).
 */
namespace RtRegister
{
  RtResult<RtRegisterFile> load( const QString &jsonPath );
  RtResult<RtRegisterFile> parse( const QByteArray &json, const QString &sourceName );

  //! Every disagreement between the register and the text; empty when they agree.
  QStringList checkAgainst( const RtRegisterFile &reg, const RtResolution &resolution );

  //! True when the register is for this text: the same number and date.
  bool isFor( const RtRegisterFile &reg, const RtResolution &resolution );

  //! The clause path of row \a row (0-based) of \a appendix: { label, row + 1 }.
  QStringList appendixRowPath( const RtAppendix &appendix, int row );

  //! The evidence text of row \a row (0-based): its non-empty cells joined by " | ".
  QString appendixRowText( const RtAppendix &appendix, int row );
}

#endif // RTREGISTER_H
