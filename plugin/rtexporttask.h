#ifndef RTEXPORTTASK_H
#define RTEXPORTTASK_H

#include "rtmapexport.h"
#include "rttwosteptask.h"

#include <memory>
#include <optional>

/**
 * \brief The council-session map export as a QGIS task, the export `restrack export` makes:
 * RtMapExport::prepare() on the worker thread, RtMapExport::render() on the main thread
 * (RtTwoStepTask). Cancelling is possible until the first step ends; the last takes a few seconds.
 */
class RtExportTask : public RtTwoStepTask
{
    Q_OBJECT

  public:
    //! The task's name (QGIS's task manager) is in the language of the export.
    explicit RtExportTask( const RtMapExportOptions &options );
    //! The task's name is in \a uiLanguage (the plugin's UI), the map in options.lang.
    RtExportTask( const RtMapExportOptions &options, RtLang uiLanguage );
    ~RtExportTask() override;

    //! The report of a successful export (after finished()).
    std::optional<RtMapExportReport> report() const { return mReport; }

  signals:
    //! The map was written.
    void exported( const QString &path, const QStringList &warnings );

  protected:
    QString prepare() override;
    QString render() override;
    void release() override;

  private:
    RtMapExportOptions mOptions;
    std::unique_ptr<RtMapExportData> mData;
    std::optional<RtMapExportReport> mReport;
};

#endif // RTEXPORTTASK_H
