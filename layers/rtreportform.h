#ifndef RTREPORTFORM_H
#define RTREPORTFORM_H

#include "rtresult.h"
#include "rttask.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

class RtStore;

//! What an office report form is made for (RtReportForm::write()).
struct RtReportFormRequest
{
  QString office;      //!< the tasks whose current assignment has this office as lead or cooperating one
  QString place;       //!< or the tasks linked to this place: "zone:A3", "ward:06715", or a bare code "06715"
  QString resolution;  //!< only the tasks of this resolution (as a person types the number); empty: all
  QDate date;          //!< the form's date: the statuses printed are those of this date (default: today)
};

//! What the form's "#form" row says: who it is for and when and from which register it was made.
struct RtReportFormInfo
{
  QDate date;           //!< the form's date
  QDateTime madeAt;     //!< UTC time it was made: a task changed after it is a conflict
  QString registerKey;  //!< the register's first resolution number: a form of another register is refused
  QString office;
  QString place;
  QString resolution;
};

/**
 * \brief An office's report form: a spreadsheet (XLSX, ODS or CSV, by the file's extension,
 * written through GDAL/OGR) listing the tasks of an office or a place with their status on
 * the form's date, and empty columns the office fills in (new status, date, value, evidence,
 * note); RtReportImport reads it back.
 *
 * The first row holds the column headings, in Vietnamese and English, each ending with its
 * machine key in brackets ("Trạng thái mới / New status [new_status]"); the reader finds
 * columns by that key. The first data row is the form's own row: id "#form", and in the
 * title column "date=…|made_at=…|register=…|office=…|place=…|resolution=…" (one layout for
 * all three formats: a CSV file has a single sheet). Dates are written as ISO text.
 */
namespace RtReportForm
{
  //! The machine keys of the columns, in order.
  QStringList columnKeys();
  //! The heading of column \a key as written ("Trạng thái mới / New status [new_status]").
  QString heading( const QString &key );
  //! The id of the form's own row.
  QString formRowId();
  //! The "#form" row's text for \a info, and back (false when it is not one).
  QString infoText( const RtReportFormInfo &info );
  bool parseInfoText( const QString &text, RtReportFormInfo &info );

  //! The tasks \a request selects, each with its status on the request's date; NotFound when none.
  RtResult<QVector<RtTask>> tasks( const RtStore &store, const RtReportFormRequest &request );

  /**
   * Writes the form for \a request to \a path (XLSX, ODS or CSV by its extension) through a
   * temporary file renamed into place (RtOutputFile): an existing file is replaced only
   * when \a overwrite. Returns the number of tasks on the form.
   */
  RtResult<int> write( const RtStore &store, const RtReportFormRequest &request, const QString &path, bool overwrite );

  //! The GDAL driver for \a path's extension ("XLSX", "ODS", "CSV"); empty for another one.
  QString driverFor( const QString &path );
}

#endif // RTREPORTFORM_H
