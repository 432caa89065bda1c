#ifndef RTPLUGIN_H
#define RTPLUGIN_H

#include <qgisplugin.h>

#include <QObject>
#include <QPointer>

class QAction;
class QgisInterface;

/**
 * \brief Resolution Tracker in QGIS desktop: the entry point that adds and removes the UI.
 *
 * Thin by design: it builds its actions in initGui() and removes them in unload(); the
 * tracker's logic is in the rtcore library (layers/).
 */
class RtPlugin : public QObject, public QgisPlugin
{
    Q_OBJECT
  public:
    explicit RtPlugin( QgisInterface *iface );
    void initGui() override;
    void unload() override;

  private slots:
    void showAbout();

  private:
    QgisInterface *mIface = nullptr; // not owned
    QPointer<QAction> mAboutAction;
};

#endif // RTPLUGIN_H
