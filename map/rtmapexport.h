#ifndef RTMAPEXPORT_H
#define RTMAPEXPORT_H

#include "rtcity.h"
#include "rtlang.h"
#include "rtlayouttemplate.h"
#include "rtmaplayers.h"
#include "rtmapstyle.h"
#include "rtresult.h"
#include "rtstore.h"
#include "rtsummary.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

class QgsFeedback;
class QgsPrintLayout;
class QThread;
class QgsProject;
class QgsVectorLayer;

//! What to export, and how.
struct RtMapExportOptions
{
  QString registerPath;  //!< the register GeoPackage (RtStore); opened read-only
  QString layersPath;    //!< the map layers GeoPackage; opened read-only
  QDate asOf;            //!< the date the statuses are computed for
  QString outputPath;    //!< FILE.pdf or FILE.png (the suffix picks the format)
  bool overwrite = false; //!< replace an existing outputPath (else the export is refused); see RtOutputFile
  RtLang lang = RtLang::Vi;
  bool print = false;    //!< black-and-white-safe styles (hatching) instead of colour fills
  int dpi = 0;           //!< 0: 300 for PDF, 150 for PNG
  QString stylesDir;     //!< QML styles folder; empty: the styles built into the library
  /**
   * The ward units coloured and labelled: 2023 (wards_2023, the register's own units) or
   * 2025 (wards_2025, the tasks' 2023 ward codes translated through wards_2023's field
   * gso_code_2025; wards_2023 is then not drawn). See RtMapLayerSet::load().
   */
  int units = 2023;
  //! The resolutions whose tasks colour the map, as a person types their numbers (RtStore::findResolution()); empty: all.
  QStringList resolutions;
  //! Which tasks colour a place: off, its concrete commitments (directive items only where no
  //! commitment names it); on, every task that names it (RtJoinOptions::withDirectives).
  bool withDirectives = false;
  //! The layout: a QGIS layout template (.qpt), a copy of map/templates/council-map.qpt edited
  //! in QGIS's layout designer; empty: that template, built into the library.
  QString templatePath;
  //! The city file (data/<city>/city.json): its CRS, its neighbours' labels, its name where the
  //! text names no place; empty: the city built into the program (RtCity::bundled()).
  QString cityPath;
};

//! What an export produced.
struct RtMapExportReport
{
  QString outputPath;
  bool schematic = false;  //!< the schematic notice is on the map
  int tasks = 0;
  int overdue = 0;
  QStringList warnings;    //!< missing tables, task places that landed on no feature, 2023 codes without a 2025 unit, fonts
};

//! What RtMapExport::prepare() read and computed: all render() needs to make the map.
struct RtMapExportData
{
  RtMapExportOptions options;
  RtDocumentInfo document;
  QVector<RtTask> tasks;    //!< with their status as of options.asOf
  RtMapLayerSet layers;     //!< memory copies of the map layers with their features' statuses
  RtCity city;              //!< options.cityPath read, or the bundled city
  QStringList resolutions;  //!< the stored numbers of options.resolutions, as chosen; empty: all
  int registerResolutions = 1; //!< how many resolutions the register holds
  QStringList warnings;

  //! Hands the memory layers to \a thread: prepare() may run on a worker, render() runs on the main thread.
  void moveToThread( QThread *thread );
};

//! Everything the council-session layout shows besides the layers.
struct RtMapLayoutContent
{
  RtDocumentInfo document;
  RtSummary summary;
  RtLang lang = RtLang::Vi;
  QList<QgsVectorLayer *> mapLayers;     //!< drawn on the map, top first
  //! The same layers by kind: the legend and the map extent are made from them.
  QMap<RtMapStyle::LayerKind, QgsVectorLayer *> layersByKind;
  bool schematic = false;                //!< show the "illustrative diagram" notice
  QStringList layerSources;              //!< distinct "source" values of the shown layers
  QString registerName;                  //!< file name of the register, for the footer
  //! The ward units shown: 2023, or 2025 (layersByKind's Wards is then the wards_2025 layer,
  //! coloured by status, and the subtitle, legend and sources say so).
  int units = 2023;
  //! Name the neighbours on the map ("TRUNG QUỐC", "Vịnh Bắc Bộ") with a memory layer; off
  //! for layouts saved in a project, where a memory layer would come back empty.
  bool contextLabels = true;
  //! The layout template (see RtMapExportOptions::templatePath); empty: the built-in one.
  QString templatePath;
  //! The colouring rule the map states (RtMapExportOptions::withDirectives).
  bool withDirectives = false;
  //! Its CRS label, its neighbours' names and its name where the text names no place.
  RtCity city = RtCity::bundled();
  //! The resolutions whose tasks colour the map (stored numbers; empty: all) and how many the
  //! register holds: a register of several resolutions has the map say which it shows.
  QStringList resolutions;
  int registerResolutions = 1;
};

/**
 * \brief The council-session map: a QGIS print layout (A3 landscape) of the resolution's
 * tasks on the city map, coloured by status as of a date, exported to PDF or PNG.
 *
 * Shared by the plugin and `restrack export`. It runs headless (offscreen) and needs a
 * running QgsApplication. It never writes the register or the layers file: statuses are
 * computed in memory on memory copies of the layers (RtMapLayerSet), in a private
 * QgsProject, so the user's open project is not touched either.
 */
class RtMapExport
{
  public:
    //! Computes the statuses and writes the map; a message says what went wrong (prepare() then render()).
    static RtResult<RtMapExportReport> exportMap( const RtMapExportOptions &options );

    /**
     * The first half of exportMap(), safe on a worker thread: checks the options, reads the
     * register and the layers (GDAL, read-only), joins and aggregates the statuses into
     * memory layers. \a feedback, when set, gets the progress and can cancel.
     */
    static RtResult<RtMapExportData> prepare( const RtMapExportOptions &options, QgsFeedback *feedback = nullptr );

    /**
     * The second half, on the main thread (a QGIS print layout is a QGraphicsScene and is
     * exported on the thread of the application): styles, layout, PDF or PNG.
     */
    static RtResult<RtMapExportReport> render( RtMapExportData &data );

    /**
     * Makes the layout in \a project (which owns it) from the template content.templatePath
     * (the built-in one when empty), filled with \a content; returns it. Layers must already
     * be in \a project. Refused, naming the item's id, when the template lacks an item the
     * map needs (templateItems()) or holds another type of item under its id.
     */
    static RtResult<QgsPrintLayout *> createLayout( QgsProject *project, const RtMapLayoutContent &content );

    /**
     * The items the council map fills, by id: map, title, subtitle, legend, rule (which tasks
     * colour a place), counts (table), overdue (table), schematic notice and sources are
     * required; north arrow, north label, scale bar, counts title, overdue title, overdue none
     * and maker are filled when the template has them. Anything else in a template is printed
     * as it is.
     */
    static QVector<RtLayoutTemplate::Item> templateItems();

    //! The built-in template (":/rtmap/templates/council-map.qpt", from map/templates/).
    static QString defaultTemplate();

    //! "Nghị quyết số 172/NQ-HĐND ngày 13/10/2023 — Tình hình thực hiện đến ngày 26/11/2026".
    static QString title( const RtDocumentInfo &document, const QDate &asOf, RtLang lang );

    //! The notice shown whenever a layer on the map has schematic geometry.
    static QString schematicNotice();
};

#endif // RTMAPEXPORT_H
