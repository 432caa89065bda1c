#ifndef RTEXPORTTASK_H
#define RTEXPORTTASK_H

#include "rtmapexport.h"

#include <qgstaskmanager.h>

#include <memory>
#include <optional>

class QgsFeedback;

/**
 * \brief The council-session map export as a QGIS task (progress in the task manager,
 * cancellable), the export `restrack export` makes.
 *
 * Split as QgsMapRendererTask is: run(), on a worker thread, does the work that is safe
 * there and can take long on a big register or layer file — reading the register,
 * reading the map layers through GDAL, the join and the status aggregation
 * (RtMapExport::prepare()); the memory layers it makes are then handed to the main thread.
 * finished(), on the main thread, builds the print layout and writes the PDF or PNG
 * (RtMapExport::render()): a QGIS print layout is a QGraphicsScene, and QGIS exports
 * layouts on the main thread only (its own "export print layout" algorithms are not
 * threaded). Cancelling is possible until run() ends; the last step takes a few seconds.
 */
class RtExportTask : public QgsTask
{
    Q_OBJECT

  public:
    //! The task's name (QGIS's task manager) is in the language of the export.
    explicit RtExportTask( const RtMapExportOptions &options );
    //! The task's name is in \a uiLanguage (the plugin's UI), the map in options.lang.
    RtExportTask( const RtMapExportOptions &options, RtLang uiLanguage );
    ~RtExportTask() override;

    void cancel() override;

    //! The report of a successful export (after finished()).
    std::optional<RtMapExportReport> report() const { return mReport; }
    //! Why the export failed, or was cancelled (after finished()).
    QString error() const { return mError; }

  signals:
    //! The map was written.
    void exported( const QString &path, const QStringList &warnings );
    //! The export failed or was cancelled; \a message says why.
    void exportFailed( const QString &message );

  protected:
    bool run() override;
    void finished( bool result ) override;

  private:
    RtMapExportOptions mOptions;
    std::unique_ptr<QgsFeedback> mFeedback;
    std::unique_ptr<RtMapExportData> mData;
    std::optional<RtMapExportReport> mReport;
    QString mError;
};

#endif // RTEXPORTTASK_H
