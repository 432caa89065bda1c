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
};

/**
 * \brief Reads the curated register (JSON) and checks it against the resolution text.
 *
 * Reading checks the file itself (JSON syntax with line and column, required fields,
 * unique ids, known categories and statuses, understood deadline phrases, place keys
 * "ward:06715", "zone:A3", "site:…", "parcel:…", what a task follows up). Checking against
 * the text makes sure every clause exists and every quote, target, deadline and status
 * evidence occurs verbatim in the clause (or footnote) it names, and that every resolution
 * a task follows up ("follows_up": ["152/NQ-HĐND"] or [{"resolution": "152/NQ-HĐND",
 * "task": "DT-05"}]) is cited by the task's clause.
 */
namespace RtRegister
{
  RtResult<RtRegisterFile> load( const QString &jsonPath );
  RtResult<RtRegisterFile> parse( const QByteArray &json, const QString &sourceName );

  //! Every disagreement between the register and the text; empty when they agree.
  QStringList checkAgainst( const RtRegisterFile &reg, const RtResolution &resolution );
}

#endif // RTREGISTER_H
