#include "rtplugin.h"
#include "rtqgisauth.h"
#include "rtserverdialog.h"
#include "rtstorebackend.h"
#include "rtaddresolutionwizard.h"
#include "rtexportdialog.h"
#include "rtimportreportdialog.h"
#include "rtexporttask.h"
#include "rtsessionpackdialog.h"
#include "rtsessionpacktask.h"
#include "rtlocale.h"
#include "rtexpressionfunctions.h"
#include "rtidentifytool.h"
#include "rtlayerbinding.h"
#include "rtpluginpaths.h"
#include "rtprocessingprovider.h"
#include "rtstatus.h"
#include "rttasksasof.h"
#include "rttaskdock.h"
#include "rttracker.h"
#include "rttranslator.h"
#include "rttr.h"

#include <qgisinterface.h>
#include <qgsapplication.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgssettings.h>
#include <qgstaskmanager.h>
#include <qgsvectorlayer.h>

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLayout>
#include <QAbstractButton>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

// What QGIS's Plugin Manager lists, translated when asked (rtTranslateNow): QGIS reads them
// from the module before the plugin is loaded, so before its translator is installed.
static const char *const sNameSource = QT_TRANSLATE_NOOP( "RtPluginMetadata", "Resolution Tracker" );
static const char *const sDescriptionSource = QT_TRANSLATE_NOOP( "RtPluginMetadata", "A council resolution's tasks on the map, coloured by status, with the council map and the session pack" );
static const QString sName = QStringLiteral( "Resolution Tracker" );
static const QString sCategory = QStringLiteral( "Plugins" );
static const QString sVersion = QStringLiteral( "0.1.0" );
static const QString sIcon = QString();
static const QString sWithDirectivesKey = QStringLiteral( "ResolutionTracker/withDirectives" );
static const QgisPlugin::PluginType sPluginType = QgisPlugin::UI;

RtPlugin::RtPlugin( QgisInterface *iface )
  : QgisPlugin( sName, QString::fromUtf8( sDescriptionSource ), sCategory, sVersion, sPluginType )
  , mIface( iface )
{
}

RtPlugin::~RtPlugin() = default;

RtProcessingProvider *RtPlugin::processingProvider() const
{
  return mProvider;
}

void RtPlugin::initGui()
{
  rtInstallTranslator( this ); // first: every tr() below speaks QGIS's language
  // The core's messages (errors shown in the plugin's dialogs) in the same language.
  rtSetMessageLanguage( rtUiLanguage() == QLatin1String( "vi" ) ? RtLang::Vi : RtLang::En );
  RtQgisAuth::install();       // registers on a server may name a QGIS authentication configuration

  mTracker = std::make_unique<RtTracker>( QgsProject::instance() );
  mTracker->setLanguage( rtUiLanguage() == QLatin1String( "vi" ) ? RtLang::Vi : RtLang::En );
  // A register on a PostgreSQL server: other desks' changes are read as they come.
  connect( mTracker.get(), &RtTracker::remoteChangesRead, this, [this]( const QVector<RtRemoteChange> &changes )
  {
    // A burst (an import at another desk) is summed up instead of flooding the bar.
    constexpr int shownAtMost = 3;
    for ( int i = 0; i < changes.size() && i < shownAtMost; ++i )
      mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), RtTracker::describeRemoteChange( changes.at( i ), mTracker->language() ),
                                         Qgis::MessageLevel::Info, 10 );
    if ( changes.size() > shownAtMost )
      mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "%1 more changes made at other desks were read." ).arg( changes.size() - shownAtMost ),
                                         Qgis::MessageLevel::Info, 10 );
  } );
  connect( mTracker.get(), &RtTracker::registerUnreachable, this, [this]( const QString &why )
  {
    if ( mUnreachableItem )
      mIface->messageBar()->popWidget( mUnreachableItem );
    mUnreachableItem = QgsMessageBar::createMessage( tr( "Resolution Tracker" ),
                       tr( "The register server is unreachable; showing the state read at %1; reconnecting…" )
                       .arg( mTracker->lastReadAt().toString( QStringLiteral( "HH:mm" ) ) ) );
    mUnreachableItem->setLevel( Qgis::MessageLevel::Warning );
    mUnreachableItem->setToolTip( why );
    mIface->messageBar()->pushItem( mUnreachableItem );
  } );
  connect( mTracker.get(), &RtTracker::registerReconnected, this, [this]
  {
    if ( mUnreachableItem )
      mIface->messageBar()->popWidget( mUnreachableItem );
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "The register server is reachable again; the tasks were read again." ),
                                       Qgis::MessageLevel::Info, 8 );
  } );
  // Big layers are bound in the background (project opened, layer added): say how it ended.
  connect( mTracker.get(), &RtTracker::layerBound, this, [this]( QgsVectorLayer *layer, const QString &error )
  {
    if ( !error.isEmpty() )
      mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "A layer could not be bound: %1" ).arg( error ), Qgis::MessageLevel::Warning, 15 );
    else if ( layer && layer->featureCount() >= RtTracker::backgroundThreshold() )
      mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "%1 is bound: its features show their tasks' status." ).arg( layer->name() ), Qgis::MessageLevel::Info, 5 );
  } );

  mDockAction = new QAction( QgsApplication::getThemeIcon( QStringLiteral( "/mActionOpenTable.svg" ) ), tr( "Resolution Tracker Panel" ), this );
  mDockAction->setObjectName( QStringLiteral( "RtShowPanel" ) );
  mDockAction->setCheckable( true );
  mDockAction->setToolTip( tr( "Show or hide the tasks of the resolution" ) );

  mOpenAction = new QAction( QgsApplication::getThemeIcon( QStringLiteral( "/mActionFileOpen.svg" ) ), tr( "Open a Register…" ), this );
  mOpenAction->setObjectName( QStringLiteral( "RtOpenRegister" ) );
  connect( mOpenAction, &QAction::triggered, this, &RtPlugin::openRegister );

  mOpenServerAction = new QAction( QgsApplication::getThemeIcon( QStringLiteral( "/mIconPostgis.svg" ) ), tr( "Open a Register on a Server…" ), this );
  mOpenServerAction->setObjectName( QStringLiteral( "RtOpenServerRegister" ) );
  mOpenServerAction->setToolTip( tr( "Open a register kept on a PostgreSQL server, shared by several desks" ) );
  connect( mOpenServerAction, &QAction::triggered, this, &RtPlugin::openServerRegister );

  mAddResolutionAction = new QAction( QgsApplication::getThemeIcon( QStringLiteral( "/mActionNewTableLayer.svg" ) ), tr( "Add a Resolution…" ), this );
  mAddResolutionAction->setObjectName( QStringLiteral( "RtAddResolution" ) );
  mAddResolutionAction->setToolTip( tr( "Add a resolution's text and its tasks to the open register" ) );
  connect( mAddResolutionAction, &QAction::triggered, this, &RtPlugin::addResolution );

  mImportReportAction = new QAction( QgsApplication::getThemeIcon( QStringLiteral( "/mActionFileOpen.svg" ) ), tr( "Import an Office Report…" ), this );
  mImportReportAction->setObjectName( QStringLiteral( "RtImportReport" ) );
  mImportReportAction->setToolTip( tr( "Record an office's filled report form (made by restrack report-form): every row or none" ) );
  connect( mImportReportAction, &QAction::triggered, this, &RtPlugin::importReport );

  mBindAction = new QAction( QgsApplication::getThemeIcon( QStringLiteral( "/mActionAddOgrLayer.svg" ) ), tr( "Bind a Layer…" ), this );
  mBindAction->setObjectName( QStringLiteral( "RtBindLayer" ) );
  connect( mBindAction, &QAction::triggered, this, &RtPlugin::bindLayer );

  mExportAction = new QAction( QgsApplication::getThemeIcon( QStringLiteral( "/mActionSaveAsPDF.svg" ) ), tr( "Export the Council Map…" ), this );
  mExportAction->setObjectName( QStringLiteral( "RtExportMap" ) );
  connect( mExportAction, &QAction::triggered, this, &RtPlugin::exportMap );

  mPackAction = new QAction( QgsApplication::getThemeIcon( QStringLiteral( "/mActionSaveAsPDF.svg" ) ), tr( "Session Pack…" ), this );
  mPackAction->setObjectName( QStringLiteral( "RtSessionPack" ) );
  connect( mPackAction, &QAction::triggered, this, &RtPlugin::makeSessionPack );

  mIdentifyAction = new QAction( QgsApplication::getThemeIcon( QStringLiteral( "/mActionIdentify.svg" ) ), tr( "Tasks of a Feature" ), this );
  mIdentifyAction->setObjectName( QStringLiteral( "RtIdentifyTool" ) );
  mIdentifyAction->setCheckable( true );
  mIdentifyAction->setToolTip( tr( "Click a feature of a bound layer to list its tasks" ) );

  // Which tasks colour a place: a setting of the user's, kept across sessions.
  mDirectivesAction = new QAction( tr( "Directive Items Colour Places Too" ), this );
  mDirectivesAction->setObjectName( QStringLiteral( "RtWithDirectives" ) );
  mDirectivesAction->setCheckable( true );
  mDirectivesAction->setToolTip( tr( "Off: a place is coloured by the concrete commitments that name it, and by directive items only where "
                                     "no commitment names it. On: by every task that names it, directive items included." ) );
  mDirectivesAction->setChecked( QgsSettings().value( sWithDirectivesKey, false ).toBool() );
  mTracker->setWithDirectives( mDirectivesAction->isChecked() );
  connect( mDirectivesAction, &QAction::toggled, this, [this]( bool checked )
  {
    QgsSettings().setValue( sWithDirectivesKey, checked );
    if ( mTracker )
      mTracker->setWithDirectives( checked );
  } );

  mAboutAction = new QAction( tr( "About Resolution Tracker" ), this );
  mAboutAction->setObjectName( QStringLiteral( "mActionResolutionTrackerAbout" ) );
  connect( mAboutAction, &QAction::triggered, this, &RtPlugin::showAbout );

  for ( QAction *action : { mDockAction.data(), mOpenAction.data(), mOpenServerAction.data(), mAddResolutionAction.data(), mImportReportAction.data(), mBindAction.data(), mExportAction.data(), mPackAction.data(), mIdentifyAction.data(),
                             mDirectivesAction.data(), mAboutAction.data() } )
    addAction( action );
  mIface->addToolBarIcon( mDockAction );
  mIface->addToolBarIcon( mIdentifyAction );

  mDock = new RtTaskDock( mTracker.get(), mIface, mIface->mainWindow() );
  mDock->setToggleVisibilityAction( mDockAction );
  mDock->setIdentifyAction( mIdentifyAction );
  mIface->addDockWidget( Qt::RightDockWidgetArea, mDock );

  if ( QgsMapCanvas *canvas = mIface->mapCanvas() )
  {
    mIdentifyTool = std::make_unique<RtIdentifyTool>( canvas, mTracker.get() );
    mIdentifyTool->setAction( mIdentifyAction );
    connect( mIdentifyAction, &QAction::triggered, this, [this, canvas]( bool checked )
    {
      if ( checked )
        canvas->setMapTool( mIdentifyTool.get() );
      else if ( canvas->mapTool() == mIdentifyTool.get() )
        canvas->unsetMapTool( mIdentifyTool.get() );
    } );
    connect( mIdentifyTool.get(), &RtIdentifyTool::featureIdentified, this, [this]( QgsVectorLayer *layer, QgsFeatureId fid )
    {
      if ( mDock )
      {
        mDock->show();
        mDock->showTasksOfFeature( layer, fid );
      }
    } );
  }

  // QGIS-native: the Processing algorithms and the expression functions. A provider with our
  // id already registered (the qgis_process shim enabled in QGIS too) serves as it is.
  mProvider = RtProcessingProvider::addTo( QgsApplication::processingRegistry() );
  mExpressions = std::make_unique<RtExpressionFunctions>( mTracker.get() );
  mExpressions->registerFunctions();

  openDefaultRegister();
  const QStringList problems = mTracker->restoreBindings();
  for ( const QString &problem : problems )
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "A bound layer could not be restored: %1" ).arg( problem ), Qgis::MessageLevel::Warning, 15 );
}

void RtPlugin::addAction( QAction *action )
{
  mIface->addPluginToMenu( tr( "&Resolution Tracker" ), action );
  mMenuActions << action;
}

void RtPlugin::unload()
{
  RtQgisAuth::uninstall(); // the resolver is this module's code
  // Running exports hold no pointer to us; cancel them so that none finishes after we are gone.
  for ( const QPointer<QgsTask> &task : std::as_const( mTasks ) )
    if ( task )
      task->cancel();
  mTasks.clear();

  if ( mIdentifyTool )
  {
    if ( QgsMapCanvas *canvas = mIface->mapCanvas() )
      if ( canvas->mapTool() == mIdentifyTool.get() )
        canvas->unsetMapTool( mIdentifyTool.get() );
    mIdentifyTool.reset();
  }
  for ( const QPointer<QAction> &action : std::as_const( mMenuActions ) )
    if ( action )
      mIface->removePluginMenu( tr( "&Resolution Tracker" ), action );
  mMenuActions.clear();
  if ( mDockAction )
    mIface->removeToolBarIcon( mDockAction );
  if ( mIdentifyAction )
    mIface->removeToolBarIcon( mIdentifyAction );
  if ( mDock )
  {
    mIface->removeDockWidget( mDock );
    delete mDock;
  }
  for ( QAction *action : { mDockAction.data(), mOpenAction.data(), mOpenServerAction.data(), mAddResolutionAction.data(), mImportReportAction.data(), mBindAction.data(), mExportAction.data(), mPackAction.data(), mIdentifyAction.data(),
                             mDirectivesAction.data(), mAboutAction.data() } )
    delete action;
  // What initGui() registered, and only that.
  mExpressions.reset();  // unregisters the functions
  if ( mProvider )
    QgsApplication::processingRegistry()->removeProvider( mProvider );
  mProvider.clear();
  // The bound layers keep their computed field and its last map: they stay coloured
  // without the plugin, as in a project opened without it.
  mTracker.reset();
}

void RtPlugin::openDefaultRegister()
{
  const RtStatusResult opened = mTracker->openDefaultRegister();
  if ( opened.ok() )
    return;
  // Ask, without a modal dialog in the middle of QGIS's start-up.
  QgsMessageBarItem *item = QgsMessageBar::createMessage( tr( "Resolution Tracker" ), tr( "No register is open (%1)." ).arg( opened.error() ) );
  auto *button = new QPushButton( tr( "Open a Register…" ), item );
  button->setObjectName( QStringLiteral( "RtAskRegisterButton" ) );
  connect( button, &QPushButton::clicked, this, &RtPlugin::openRegister );
  item->layout()->addWidget( button );
  item->setLevel( Qgis::MessageLevel::Warning );
  mIface->messageBar()->pushItem( item );
}

void RtPlugin::openRegister()
{
  if ( !mTracker )
    return;
  QgsSettings settings;
  const QString folder = settings.value( QStringLiteral( "ResolutionTracker/registerFolder" ),
                                         QFileInfo( mTracker->registerPath() ).absolutePath() ).toString();
  const QString path = QFileDialog::getOpenFileName( mIface->mainWindow(), tr( "Open a Register" ), folder,
                       tr( "Resolution Tracker register (*.gpkg)" ) );
  if ( path.isEmpty() )
    return;
  settings.setValue( QStringLiteral( "ResolutionTracker/registerFolder" ), QFileInfo( path ).absolutePath() );
  const RtStatusResult opened = mTracker->openRegister( path, true );
  if ( !opened.ok() )
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "Cannot open the register: %1" ).arg( opened.error() ), Qgis::MessageLevel::Critical, 0 );
  else
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "Register %1 opened; the project remembers it." ).arg( QFileInfo( path ).fileName() ),
                                       Qgis::MessageLevel::Success, 6 );
}

void RtPlugin::openServerRegister()
{
  if ( !mTracker )
    return;
  RtServerDialog dialog( mTracker.get(), mIface->mainWindow() );
  if ( dialog.exec() != QDialog::Accepted )
    return;
  mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "Register on %1 opened; the project remembers the connection (no password)." )
                                     .arg( RtStoreBackends::displayLocation( dialog.location() ) ), Qgis::MessageLevel::Success, 6 );
}

void RtPlugin::addResolution()
{
  if ( !mTracker || !mTracker->hasRegister() )
  {
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "Open a register first." ), Qgis::MessageLevel::Warning, 8 );
    return;
  }
  RtAddResolutionWizard wizard( mTracker->registerPath(), RtCity::bundled(), mTracker->language(), mIface->mainWindow() );
  if ( wizard.exec() != QDialog::Accepted )
    return;
  mTracker->refresh();
  mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "Resolution %1 added to the register." ).arg( wizard.addedNumber() ),
                                     Qgis::MessageLevel::Success, 8 );
}

void RtPlugin::importReport()
{
  if ( !mTracker || !mTracker->hasRegister() )
  {
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "Open a register first." ), Qgis::MessageLevel::Warning, 8 );
    return;
  }
  RtImportReportDialog dialog( mTracker.get(), mIface->mainWindow() );
  dialog.exec();
}

void RtPlugin::bindLayer()
{
  if ( mDock )
  {
    mDock->show();
    mDock->bindLayer();
  }
}

void RtPlugin::exportMap()
{
  if ( !mTracker || !mTracker->hasRegister() )
  {
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "Open a register first." ), Qgis::MessageLevel::Warning, 8 );
    return;
  }
  RtMapExportOptions defaults;
  defaults.registerPath = mTracker->registerPath();
  defaults.layersPath = RtPluginPaths::bundledLayers();
  defaults.asOf = mTracker->asOf();
  defaults.lang = mTracker->language();
  defaults.withDirectives = mTracker->withDirectives(); // the map exported as the canvas shows it
  defaults.resolutions = mTracker->chosenResolutions();  // the resolutions the panel shows
  RtExportDialog dialog( defaults, RtTasksAsOf::earliest( mTracker->document() ), mIface->mainWindow() );
  if ( dialog.exec() != QDialog::Accepted )
    return;

  auto *task = new RtExportTask( dialog.options(), mTracker->language() );
  connect( task, &RtExportTask::exported, this, [this]( const QString &path, const QStringList &warnings )
  {
    QgsMessageBarItem *item = QgsMessageBar::createMessage( tr( "Resolution Tracker" ), tr( "Council map written: %1" ).arg( QDir::toNativeSeparators( path ) ) );
    auto *open = new QPushButton( tr( "Open" ), item );
    open->setObjectName( QStringLiteral( "RtOpenExportButton" ) );
    connect( open, &QPushButton::clicked, item, [path] { QDesktopServices::openUrl( QUrl::fromLocalFile( path ) ); } );
    item->layout()->addWidget( open );
    item->setLevel( warnings.isEmpty() ? Qgis::MessageLevel::Success : Qgis::MessageLevel::Warning );
    if ( !warnings.isEmpty() )
      item->setToolTip( warnings.join( QLatin1Char( '\n' ) ) );
    mIface->messageBar()->pushItem( item );
  } );
  connect( task, &RtExportTask::failed, this, [this]( const QString &message )
  {
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "The council map was not written: %1" ).arg( message ), Qgis::MessageLevel::Critical, 0 );
  } );
  mTasks << task;
  QgsApplication::taskManager()->addTask( task );
}

void RtPlugin::makeSessionPack()
{
  if ( !mTracker || !mTracker->hasRegister() )
  {
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "Open a register first." ), Qgis::MessageLevel::Warning, 8 );
    return;
  }
  RtSessionPackOptions defaults;
  defaults.registerPath = mTracker->registerPath();
  defaults.layersPath = RtPluginPaths::bundledLayers();
  defaults.sessionDate = mTracker->asOf();
  defaults.lang = mTracker->language();
  defaults.withDirectives = mTracker->withDirectives(); // places coloured as the canvas shows them
  RtSessionPackDialog dialog( defaults, RtTasksAsOf::earliest( mTracker->document() ), mIface->mainWindow() );
  if ( dialog.exec() != QDialog::Accepted )
    return;
  const RtSessionPackOptions options = dialog.options();

  auto *task = new RtSessionPackTask( options, mTracker->language() );
  connect( task, &RtSessionPackTask::written, this, [this]( const QString &path, int pages, const QStringList &warnings )
  {
    QgsMessageBarItem *item = QgsMessageBar::createMessage( tr( "Resolution Tracker" ), tr( "Session pack written (%1 pages): %2" ).arg( pages ).arg( QDir::toNativeSeparators( path ) ) );
    auto *open = new QPushButton( tr( "Open" ), item );
    open->setObjectName( QStringLiteral( "RtOpenPackButton" ) );
    connect( open, &QPushButton::clicked, item, [path] { QDesktopServices::openUrl( QUrl::fromLocalFile( path ) ); } );
    item->layout()->addWidget( open );
    item->setLevel( warnings.isEmpty() ? Qgis::MessageLevel::Success : Qgis::MessageLevel::Warning );
    if ( !warnings.isEmpty() )
      item->setToolTip( warnings.join( QLatin1Char( '\n' ) ) );
    mIface->messageBar()->pushItem( item );
  } );
  connect( task, &RtSessionPackTask::failed, this, [this]( const QString &message )
  {
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), tr( "The session pack was not written: %1" ).arg( message ), Qgis::MessageLevel::Critical, 0 );
  } );
  mTasks << task;
  QgsApplication::taskManager()->addTask( task );
}

void RtPlugin::showAbout()
{
  QMessageBox box( QMessageBox::Information, tr( "Resolution Tracker" ),
                   tr( "%1\nStatuses: %2" ).arg( rtTranslateNow( "RtPluginMetadata", sDescriptionSource ), RtStatuses::codeList() ), QMessageBox::Ok, mIface->mainWindow() );
  // Qt's own translations are not installed with the plugin: name the standard button here.
  box.button( QMessageBox::Ok )->setText( tr( "OK" ) );
  box.exec();
}

QGISEXTERN QgisPlugin *classFactory( QgisInterface *iface )
{
  return new RtPlugin( iface );
}

QGISEXTERN const QString *name()
{
  static QString translated;
  translated = rtTranslateNow( "RtPluginMetadata", sNameSource );
  return &translated;
}

QGISEXTERN const QString *description()
{
  static QString translated;
  translated = rtTranslateNow( "RtPluginMetadata", sDescriptionSource );
  return &translated;
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
