#include "rtplugin.h"
#include "rtstatus.h"

#include <qgisinterface.h>

#include <QAction>
#include <QMessageBox>

static const QString sName = QStringLiteral( "Resolution Tracker" );
static const QString sDescription = QStringLiteral( "Theo dõi Nghị quyết: a council resolution's tasks on the map, coloured by status" );
static const QString sCategory = QStringLiteral( "Plugins" );
static const QString sVersion = QStringLiteral( "0.1.0" );
static const QString sIcon = QString();
static const QgisPlugin::PluginType sPluginType = QgisPlugin::UI;

RtPlugin::RtPlugin( QgisInterface *iface )
  : QgisPlugin( sName, sDescription, sCategory, sVersion, sPluginType )
  , mIface( iface )
{
}

void RtPlugin::initGui()
{
  mAboutAction = new QAction( tr( "About Resolution Tracker" ), this );
  mAboutAction->setObjectName( QStringLiteral( "mActionResolutionTrackerAbout" ) );
  connect( mAboutAction, &QAction::triggered, this, &RtPlugin::showAbout );
  mIface->addPluginToMenu( tr( "&Resolution Tracker" ), mAboutAction );
}

void RtPlugin::unload()
{
  if ( mAboutAction )
  {
    mIface->removePluginMenu( tr( "&Resolution Tracker" ), mAboutAction );
    delete mAboutAction;
  }
}

void RtPlugin::showAbout()
{
  QMessageBox::information( mIface->mainWindow(), sName,
                            tr( "%1\nStatuses: %2" ).arg( sDescription, RtStatuses::codeList() ) );
}

QGISEXTERN QgisPlugin *classFactory( QgisInterface *iface )
{
  return new RtPlugin( iface );
}

QGISEXTERN const QString *name()
{
  return &sName;
}

QGISEXTERN const QString *description()
{
  return &sDescription;
}

QGISEXTERN const QString *category()
{
  return &sCategory;
}

QGISEXTERN int type()
{
  return sPluginType;
}

QGISEXTERN const QString *version()
{
  return &sVersion;
}

QGISEXTERN const QString *icon()
{
  return &sIcon;
}

QGISEXTERN void unload( QgisPlugin *plugin )
{
  delete plugin;
}
