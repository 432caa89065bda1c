#ifndef RTSESSIONPACKTASK_H
#define RTSESSIONPACKTASK_H

#include "rtsessionpack.h"

#include <qgstaskmanager.h>

#include <memory>
#include <optional>

class QgsFeedback;

/**
 * \brief The council session pack as a QGIS task (progress in the task manager, cancellable),
 * the pack `restrack session-pack` makes.
 *
 * Split as RtExportTask is: run(), on a worker thread, reads the register, the layers and
 * the cadastre and computes the tables (RtSessionPack::prepare()); finished(), on the main
 * thread, lays out and writes the pages (RtSessionPack::render()), since print layouts are
 * exported on the application's thread. The PDF and the XLSX are written through
 * RtOutputFile: a cancelled or failed run leaves no file.
 */
class RtSessionPackTask : public QgsTask
{
    Q_OBJECT

  public:
    //! The task's name is in \a uiLanguage (the plugin's UI), the pack in options.lang.
    RtSessionPackTask( const RtSessionPackOptions &options, RtLang uiLanguage );
    ~RtSessionPackTask() override;

    void cancel() override;

    //! The report of a finished pack (after finished()).
    std::optional<RtSessionPackReport> report() const { return mReport; }
    //! Why the pack failed, or was cancelled (after finished()).
    QString error() const { return mError; }

  signals:
    //! The pack was written.
    void written( const QString &path, int pages, const QStringList &warnings );
    //! The pack failed or was cancelled; \a message says why.
    void failed( const QString &message );

  protected:
    bool run() override;
    void finished( bool result ) override;

  private:
    RtSessionPackOptions mOptions;
    std::unique_ptr<QgsFeedback> mFeedback;
    std::unique_ptr<RtSessionPackData> mData;
    std::optional<RtSessionPackReport> mReport;
    QString mError;
};

#endif // RTSESSIONPACKTASK_H
