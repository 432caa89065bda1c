#ifndef RTSESSIONPACKTASK_H
#define RTSESSIONPACKTASK_H

#include "rtsessionpack.h"
#include "rttwosteptask.h"

#include <memory>
#include <optional>

/**
 * \brief The council session pack as a QGIS task, the pack `restrack session-pack` makes:
 * RtSessionPack::prepare() (the register, the layers, the cadastre, the tables) on the worker
 * thread, RtSessionPack::render() (the pages) on the main thread (RtTwoStepTask). The PDF and
 * the XLSX are written through RtOutputFile: a cancelled or failed run leaves no file.
 */
class RtSessionPackTask : public RtTwoStepTask
{
    Q_OBJECT

  public:
    //! The task's name is in \a uiLanguage (the plugin's UI), the pack in options.lang.
    RtSessionPackTask( const RtSessionPackOptions &options, RtLang uiLanguage );
    ~RtSessionPackTask() override;

    //! The report of a finished pack (after finished()).
    std::optional<RtSessionPackReport> report() const { return mReport; }

  signals:
    //! The pack was written.
    void written( const QString &path, int pages, const QStringList &warnings );

  protected:
    QString prepare() override;
    QString render() override;
    void release() override;

  private:
    RtSessionPackOptions mOptions;
    std::unique_ptr<RtSessionPackData> mData;
    std::optional<RtSessionPackReport> mReport;
};

#endif // RTSESSIONPACKTASK_H
