#ifndef RTREPORTIMPORT_H
#define RTREPORTIMPORT_H

#include "rtreportform.h"
#include "rtresult.h"

#include <QString>
#include <QStringList>
#include <QVector>

class RtStore;

//! Why one row of a filled form was refused.
struct RtReportRowError
{
  int row = 0;          //!< the spreadsheet's row number (the headings are row 1)
  QString taskId;
  RtErrorKind kind = RtErrorKind::Invalid;
  QString message;
};

//! One row of a filled form that reports something, as it is (or would be) recorded.
struct RtReportRowChange
{
  int row = 0;
  QString taskId;
  QString description;  //!< what the store records, in words
};

//! What importing a filled form did, or would do (dry run), or why it did nothing.
struct RtReportImportOutcome
{
  RtReportFormInfo form;
  bool applied = false;               //!< every reported row recorded
  int reportedRows = 0;               //!< rows that report something (a new status, value, evidence or note)
  QVector<RtReportRowChange> changes; //!< the accepted rows, when there is no error
  QVector<RtReportRowError> errors;   //!< every refused row, by row number; then nothing is recorded
  int statusRows = 0;                 //!< status history rows written (or to be written)
  int valueRows = 0;                  //!< value history rows written (or to be written)
};

/**
 * \brief Reads an office's filled report form (RtReportForm; XLSX, ODS or CSV through
 * GDAL/OGR) and records its reported rows in one batch (RtStore::applyChanges()): every
 * row or none.
 *
 * A row reports something when it has a new status, a value, evidence or a note. The new
 * status is a code or a Vietnamese or English label (case and accents ignored); the date
 * a date cell or text "2024-06-20" or "20/06/2024"; the status printed on the form is the
 * expected one, so a task changed since the form was made is refused as a conflict naming
 * both statuses (also when its status was changed and changed back: any history row
 * recorded after the form was made). Each refused row is named by its spreadsheet row.
 * A file that is not a form (no "#form" row, a missing column, another register's form)
 * is the result's failure, naming the file and what is missing; nothing is recorded.
 */
namespace RtReportImport
{
  RtResult<RtReportImportOutcome> import( RtStore &store, const QString &path, const QString &by, bool dryRun );
}

#endif // RTREPORTIMPORT_H
