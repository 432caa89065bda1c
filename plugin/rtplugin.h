#ifndef RTPLUGIN_H
#define RTPLUGIN_H

#include "rttaskdock.h"

#include <qgisplugin.h>

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QgisInterface;
class QgsMessageBarItem;
class RtExportTask;
class QgsTask;
class RtExpressionFunctions;
class RtIdentifyTool;
class RtProcessingProvider;
class RtTracker;

/**
 * \brief Resolution Tracker in QGIS desktop: the entry point that adds and removes the UI.
 *
 * Thin by design (as QGIS's offline editing plugin): initGui() builds the menu
 * "&Resolution Tracker" (show/hide the panel, open a register…, bind a layer…, export
 * the council map…, identify), a toolbar button and the panel (RtTaskDock); unload()
 * removes every one of them, so the plugin can be disabled and enabled again in one
 * session. The engine is RtTracker; the tracker's logic is in the rtcore library (layers/).
 * initGui() also registers the Processing provider (RtProcessingProvider, unless one with
 * its id is there already) and the expression functions rt_status(), rt_tasks() and
 * rt_share_done() (RtExpressionFunctions); unload() removes exactly what it registered.
 */
class RtPlugin : public QObject, public QgisPlugin
{
    Q_OBJECT
  public:
    explicit RtPlugin( QgisInterface *iface );
    ~RtPlugin() override;
    void initGui() override;
    void unload() override;

    //! The engine (null before initGui() and after unload()); for tests.
    RtTracker *tracker() const { return mTracker.get(); }
    //! The panel (null before initGui() and after unload()).
    RtTaskDock *dock() const { return mDock; }
    //! The Processing provider this plugin registered (null when none, or one was there already).
    RtProcessingProvider *processingProvider() const;

  private slots:
    void openRegister();
    void openServerRegister();
    void addResolution();
    //! Checks an office's filled report form and records it (RtImportReportDialog).
    void importReport();
    void bindLayer();
    void exportMap();
    //! Asks where to write the session pack (as of the panel's date) and makes it as a task.
    void makeSessionPack();
    void showAbout();

  private:
    void openDefaultRegister();
    void addAction( QAction *action );

    QgisInterface *mIface = nullptr; // not owned
    std::unique_ptr<RtTracker> mTracker;
    QPointer<RtTaskDock> mDock;
    std::unique_ptr<RtIdentifyTool> mIdentifyTool;
    std::unique_ptr<RtExpressionFunctions> mExpressions;
    QPointer<RtProcessingProvider> mProvider;  //!< owned by QGIS's Processing registry
    QPointer<QAction> mDockAction;
    QPointer<QAction> mOpenAction;
    QPointer<QAction> mOpenServerAction;
    QPointer<QAction> mAddResolutionAction;
    QPointer<QAction> mImportReportAction;
    QPointer<QAction> mBindAction;
    QPointer<QAction> mExportAction;
    QPointer<QAction> mPackAction;
    QPointer<QAction> mIdentifyAction;
    QPointer<QAction> mDirectivesAction;  //!< directive items colour places too (a setting)
    QPointer<QAction> mAboutAction;
    QList<QPointer<QAction>> mMenuActions;   //!< in the plugin menu, removed by unload()
    QList<QPointer<QgsTask>> mTasks;    //!< exports still running, cancelled by unload()
    QPointer<QgsMessageBarItem> mUnreachableItem;  //!< "the register server is unreachable", until it is back
};

#endif // RTPLUGIN_H
