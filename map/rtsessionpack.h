#ifndef RTSESSIONPACK_H
#define RTSESSIONPACK_H

#include "rtlang.h"
#include "rtlayouttemplate.h"
#include "rtmaplayers.h"
#include "rtpackcharts.h"
#include "rtresult.h"
#include "rtstore.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

class QgsFeedback;
class QThread;

//! What the session pack covers, and where it goes.
struct RtSessionPackOptions
{
  QString registerPath;   //!< the register (RtStore), opened read-only
  QString layersPath;     //!< the map layers GeoPackage, opened read-only
  QDate sessionDate;      //!< the council session's date: the statuses are as of it
  QDate since;            //!< the previous session's date; invalid: no earlier session to compare with
  QString resolution;     //!< the resolution number the pack covers; empty: the register's
  int units = 2023;       //!< ward units of the atlas and the maps: 2023 or 2025 (RtMapLayerSet::load())
  RtLang lang = RtLang::Vi;
  bool withDirectives = false; //!< which tasks colour a place (RtJoinOptions::withDirectives)
  /**
   * The layouts: a folder holding edited copies of some of the pack's templates under their
   * file names (pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt,
   * pack-place.qpt; the others stay the built-in ones), or one .qpt file used for the cover.
   */
  QString templatePath;
  /**
   * A cadastre layer, "PATH[|layername=NAME]": parcels with the fields case_id (the land
   * case's site id in the register, e.g. land-ninh-duong-1022), dossier_status and
   * (optional) parcel_id. Only these fields are read, never other attributes.
   */
  QString cadastre;
  QString outputPath;     //!< PACK.pdf
  QString tablesPath;     //!< PACK.xlsx, the same tables (one sheet each); empty: none
  bool overwrite = false;
  int dpi = 300;
};

//! One table of the pack: in the PDF (paged) and as one sheet of the XLSX.
struct RtPackTable
{
  QString sheet;                 //!< XLSX sheet name (ASCII, ≤ 31 characters)
  QString title;
  QStringList headings;
  QVector<double> widths;        //!< relative column widths
  QVector<QStringList> rows;
};

//! One page of the atlas: a ward or commune, or a planning zone.
struct RtPackPlace
{
  QString kind;      //!< "ward" or "zone"
  QString key;       //!< the GSO code or the zone code
  QString name;
  QStringList taskIds;
  QString status;    //!< the feature's rt_status code
};

//! What RtSessionPack::prepare() read and computed: all render() needs.
struct RtSessionPackData
{
  RtSessionPackOptions options;
  RtDocumentInfo document;
  QVector<RtTask> tasks;           //!< as of the session date
  QVector<RtTask> tasksThen;       //!< as of options.since (empty without it)
  RtMapLayerSet layers;
  QVector<RtPackPlace> places;     //!< wards (or 2025 units) then zones
  QVector<QDate> months;           //!< the dates of the history chart
  QVector<QMap<RtStatus, int>> monthCounts;
  int changes = 0;                 //!< status changes since options.since
  int valueChanges = 0;            //!< measured values reported since options.since
  QStringList newlyOverdue;
  QStringList newlyDone;
  RtPackTable since;               //!< the changes since the last session
  RtPackTable figures;
  QVector<RtPackCharts::Figure> figureChart; //!< the figures' rows as bars: target against the latest value
  RtPackTable land;                //!< land cases: tasks and, with a cadastre, parcels by status
  RtPackTable appendix;
  QMap<QString, RtPackTable> placeTables; //!< "ward:06715" → its tasks
  bool cadastreRead = false;
  QStringList warnings;

  //! Hands the memory layers to \a thread (prepare() on a worker, render() on the main thread).
  void moveToThread( QThread *thread );
};

//! What a pack run produced.
struct RtSessionPackReport
{
  QString outputPath;
  QString tablesPath;
  int pages = 0;
  int placePages = 0;
  QStringList warnings;
};

/**
 * \brief The council session pack: one PDF with a cover, an overview (charts, the city map
 * as of the session date), what changed since the last session, the figures the resolution
 * set, an atlas page per ward/commune and per planning zone, the land cases (aggregates
 * only) and an appendix of all tasks; optionally the same tables as an XLSX workbook.
 *
 * The pages are QGIS layout templates (map/templates/pack-*.qpt) filled by item id
 * (RtLayoutTemplate). Page numbers and the running header are filled on every page. The
 * PDF and the XLSX are written through RtOutputFile: a run that fails or is cancelled leaves
 * no partial file. Same inputs, same pages: the maps are labelled deterministically.
 */
class RtSessionPack
{
  public:
    //! prepare() then render().
    static RtResult<RtSessionPackReport> make( const RtSessionPackOptions &options, QgsFeedback *feedback = nullptr );

    //! Reads the register, the layers and the cadastre and computes the tables; safe on a worker thread.
    static RtResult<RtSessionPackData> prepare( const RtSessionPackOptions &options, QgsFeedback *feedback = nullptr );

    //! Lays out and writes the pages (main thread); \a feedback gets the progress from 50 % and can cancel.
    static RtResult<RtSessionPackReport> render( RtSessionPackData &data, QgsFeedback *feedback = nullptr );

    //! The template file names, in the order of the pack.
    static QStringList templateNames();

    //! The items the code fills in the template \a name (pack-cover.qpt, …).
    static QVector<RtLayoutTemplate::Item> templateItems( const QString &name );
};

#endif // RTSESSIONPACK_H
