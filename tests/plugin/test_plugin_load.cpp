// The plugin module as QGIS desktop drives it: dlopen, classFactory(iface), initGui(),
// unload(), the module's unload(): twice in one session, nothing left behind. The iface is
// a minimal QgisInterface (stubs generated from the installed qgisinterface.h) with a real
// main window, map canvas and message bar. initGui() registers the Processing provider and
// the expression functions once, unload() removes them, and a provider the qgis_process
// shim registered first is used as it is and left in place.
#include "catch_compat.h"
#include "testutil.h"
#include "rtfakeiface.h"

#include <qgisplugin.h>
#include <qgsapplication.h>
#include <qgsexpression.h>
#include <qgsexpressioncontext.h>
#include <qgsexpressionfunction.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingprovider.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QAction>
#include <QDockWidget>
#include <QLibrary>
#include <QMainWindow>
#include <QProcess>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>

namespace
{
  //! What QGIS desktop gives a plugin, recorded so the test can see what the plugin left.
  class TestIface : public RtFakeIfaceBase
  {
    public:
      TestIface()
      {
        mWindow.setObjectName( QStringLiteral( "QgisApp" ) );
        mCanvas = new QgsMapCanvas( &mWindow );
        mCanvas->setObjectName( QStringLiteral( "theMapCanvas" ) );
        mWindow.setCentralWidget( mCanvas );
        mBar = new QgsMessageBar( &mWindow );
      }

      QWidget *mainWindow() override { return &mWindow; }
      QgsMapCanvas *mapCanvas() override { return mCanvas; }
      QgsMessageBar *messageBar() override { return mBar; }
      QgsMapLayer *activeLayer() override { return nullptr; }

      void addPluginToMenu( const QString &name, QAction *action ) override { mMenus[name] << action; }
      void removePluginMenu( const QString &name, QAction *action ) override
      {
        mMenus[name].removeAll( action );
        if ( mMenus[name].isEmpty() )
          mMenus.remove( name );
      }
      int addToolBarIcon( QAction *action ) override
      {
        mToolBar << action;
        return mToolBar.size() - 1;
      }
      void removeToolBarIcon( QAction *action ) override { mToolBar.removeAll( action ); }
      void addDockWidget( Qt::DockWidgetArea area, QDockWidget *dock ) override
      {
        mWindow.addDockWidget( area, dock );
        mDocks << dock;
      }
      void removeDockWidget( QDockWidget *dock ) override
      {
        mWindow.removeDockWidget( dock );
        mDocks.removeAll( dock );
      }

      QMainWindow mWindow;
      QgsMapCanvas *mCanvas = nullptr;
      QgsMessageBar *mBar = nullptr;
      QMap<QString, QList<QAction *>> mMenus;
      QList<QAction *> mToolBar;
      QList<QDockWidget *> mDocks;
  };

  using ClassFactory = QgisPlugin *( * )( QgisInterface * );
  using UnloadFunction = void ( * )( QgisPlugin * );

  //! The plugin module as QGIS desktop loads it: dlopen'ed, its two entry points resolved.
  struct PluginModule
  {
    QLibrary library { QStringLiteral( RT_PLUGIN_MODULE ) };
    ClassFactory classFactory = nullptr;
    UnloadFunction unload = nullptr;

    PluginModule()
    {
      REQUIRE( library.load() );
      classFactory = reinterpret_cast<ClassFactory>( library.resolve( "classFactory" ) );
      unload = reinterpret_cast<UnloadFunction>( library.resolve( "unload" ) );
      REQUIRE( classFactory );
      REQUIRE( unload );
    }
  };
  using ShimFunction = int ( * )();

  const QString sProviderId = QStringLiteral( "resolutiontracker" );
  const QStringList sFunctions = { QStringLiteral( "rt_status" ), QStringLiteral( "rt_tasks" ), QStringLiteral( "rt_share_done" ) };

  //! How many registered expression functions have \a name.
  int functionCount( const QString &name )
  {
    int n = 0;
    for ( const QgsExpressionFunction *f : QgsExpression::Functions() )
      n += f->name() == name ? 1 : 0;
    return n;
  }

  //! How many Processing providers have our id.
  int providerCount()
  {
    int n = 0;
    for ( const QgsProcessingProvider *p : QgsApplication::processingRegistry()->providers() )
      n += p->id() == sProviderId ? 1 : 0;
    return n;
  }
}

TEST_CASE( "the plugin loads, unloads and loads again in one QGIS session", "[plugin][load]" )
{
  // A register of its own, built with the CLI; the bundled one is never touched by a test.
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString registerPath = dir.filePath( QStringLiteral( "mongcai-172.gpkg" ) );
  QProcess build;
  build.start( RtTestPaths::cliExecutable(), { QStringLiteral( "build-register" ), QStringLiteral( "--out" ), registerPath,
                                               QStringLiteral( "--register" ), RtTestPaths::registerJson() } );
  REQUIRE( build.waitForFinished( 120000 ) );
  REQUIRE( build.exitCode() == 0 );
  qputenv( "RESTRACK_DB", registerPath.toUtf8() );

  // The sample zones layer in the project: the plugin recognises and binds it.
  const QString layers = RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg" );
  auto *zones = new QgsVectorLayer( layers + QStringLiteral( "|layername=zones" ), QStringLiteral( "zones" ), QStringLiteral( "ogr" ) );
  REQUIRE( zones->isValid() );
  QgsProject::instance()->addMapLayer( zones );

  const PluginModule module;
  const ClassFactory classFactory = module.classFactory;
  const UnloadFunction unloadPlugin = module.unload;

  TestIface iface;
  const QStringList expectedActions { QStringLiteral( "RtShowPanel" ), QStringLiteral( "RtOpenRegister" ), QStringLiteral( "RtOpenServerRegister" ), QStringLiteral( "RtAddResolution" ), QStringLiteral( "RtImportReport" ), QStringLiteral( "RtBindLayer" ),
                                      QStringLiteral( "RtExportMap" ), QStringLiteral( "RtSessionPack" ), QStringLiteral( "RtIdentifyTool" ),
                                      QStringLiteral( "RtWithDirectives" ), QStringLiteral( "mActionResolutionTrackerAbout" ) };
  for ( int round = 1; round <= 2; ++round )
  {
    INFO( "round " << round );
    QgisPlugin *plugin = classFactory( &iface );
    REQUIRE( plugin );
    plugin->initGui();

    // One menu with every action, two toolbar buttons, one dock with its widgets.
    REQUIRE( iface.mMenus.size() == 1 );
    const QList<QAction *> actions = iface.mMenus.first();
    QStringList names;
    for ( QAction *a : actions )
      names << a->objectName();
    CHECK( names == expectedActions );
    CHECK( iface.mToolBar.size() == 2 );
    REQUIRE( iface.mDocks.size() == 1 );
    QDockWidget *dock = iface.mDocks.first();
    CHECK( dock->objectName() == QStringLiteral( "RtTaskDock" ) );
    auto *tree = dock->findChild<QTreeView *>( QStringLiteral( "RtTaskTree" ) );
    auto *table = dock->findChild<QTableView *>( QStringLiteral( "RtTaskTable" ) );
    REQUIRE( tree );
    REQUIRE( table );
    // The register was opened (from $RESTRACK_DB): every task is listed.
    CHECK( table->model()->rowCount() == 89 );
    CHECK( tree->model()->rowCount() > 0 );
    // The sample layer was bound: it has the live status field.
    CHECK( zones->fields().lookupField( QStringLiteral( "rt_status_live" ) ) >= 0 );
    CHECK( iface.mWindow.findChildren<QDockWidget *>( QStringLiteral( "RtTaskDock" ) ).size() == 1 );

    // QGIS-native: the provider with its algorithms and the expression functions, once each.
    CHECK( providerCount() == 1 );
    CHECK( QgsApplication::processingRegistry()->algorithmById( QStringLiteral( "resolutiontracker:jointasks" ) ) );
    CHECK( QgsApplication::processingRegistry()->algorithmById( QStringLiteral( "resolutiontracker:exportcouncilmap" ) ) );
    for ( const QString &name : sFunctions )
    {
      INFO( name.toStdString() );
      CHECK( QgsExpression::isFunctionName( name ) );
      CHECK( functionCount( name ) == 1 );
    }
    // They answer from the register the plugin opened.
    QgsExpressionContext context;
    QgsExpression status( QStringLiteral( "rt_status('zone:A3')" ) );
    CHECK( status.evaluate( &context ).toString() != QStringLiteral( "none" ) );
    CHECK_FALSE( status.hasEvalError() );

    // The panel's action shows and hides the dock.
    QAction *show = actions.first();
    iface.mWindow.show();
    show->trigger();
    CHECK( show->isChecked() == dock->isVisible() );

    plugin->unload();
    CHECK( iface.mMenus.isEmpty() );
    CHECK( iface.mToolBar.isEmpty() );
    CHECK( iface.mDocks.isEmpty() );
    unloadPlugin( plugin );
    // Nothing of ours stays in the main window.
    CHECK( iface.mWindow.findChildren<QDockWidget *>( QStringLiteral( "RtTaskDock" ) ).isEmpty() );
    CHECK( iface.mWindow.findChildren<QAction *>( QStringLiteral( "RtShowPanel" ) ).isEmpty() );
    // The bound layer keeps its live field: it stays coloured without the plugin.
    CHECK( zones->fields().lookupField( QStringLiteral( "rt_status_live" ) ) >= 0 );
    // Nor do the provider and the functions stay.
    CHECK( providerCount() == 0 );
    for ( const QString &name : sFunctions )
      CHECK_FALSE( QgsExpression::isFunctionName( name ) );
  }
  QgsProject::instance()->clear();
  qunsetenv( "RESTRACK_DB" );
}

TEST_CASE( "the plugin uses the Processing provider the qgis_process shim registered first and leaves it in place", "[plugin][load][processing]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString registerPath = dir.filePath( QStringLiteral( "mongcai-172.gpkg" ) );
  QProcess build;
  build.start( RtTestPaths::cliExecutable(), { QStringLiteral( "build-register" ), QStringLiteral( "--out" ), registerPath,
                                               QStringLiteral( "--register" ), RtTestPaths::registerJson() } );
  REQUIRE( build.waitForFinished( 120000 ) );
  REQUIRE( build.exitCode() == 0 );
  qputenv( "RESTRACK_DB", registerPath.toUtf8() );

  // The shim's library, as the Python plugin loads it (QGIS desktop with both enabled).
  QLibrary shim( QStringLiteral( RT_PROCESSING_LIBRARY ) );
  REQUIRE( shim.load() );
  auto registerProvider = reinterpret_cast<ShimFunction>( shim.resolve( "rt_processing_register" ) );
  auto unregisterProvider = reinterpret_cast<ShimFunction>( shim.resolve( "rt_processing_unregister" ) );
  REQUIRE( registerProvider );
  REQUIRE( unregisterProvider );
  REQUIRE( providerCount() == 0 );
  CHECK( registerProvider() == 1 );
  CHECK( registerProvider() == 0 ); // once
  const QgsProcessingProvider *shimProvider = QgsApplication::processingRegistry()->providerById( sProviderId );
  REQUIRE( shimProvider );

  const PluginModule module;
  const ClassFactory classFactory = module.classFactory;
  const UnloadFunction unloadPlugin = module.unload;
  TestIface iface;
  QgisPlugin *plugin = classFactory( &iface );
  REQUIRE( plugin );
  plugin->initGui();
  CHECK( providerCount() == 1 );
  CHECK( QgsApplication::processingRegistry()->providerById( sProviderId ) == shimProvider );
  for ( const QString &name : sFunctions )
    CHECK( functionCount( name ) == 1 );
  plugin->unload();
  unloadPlugin( plugin );
  // The shim's provider is not the plugin's to remove.
  CHECK( QgsApplication::processingRegistry()->providerById( sProviderId ) == shimProvider );
  CHECK( unregisterProvider() == 1 );
  CHECK( providerCount() == 0 );
  CHECK( unregisterProvider() == 0 );
  QgsProject::instance()->clear();
  qunsetenv( "RESTRACK_DB" );
}

namespace
{
  //! The errors an algorithm reports (its exception's message among them).
  class ErrorsFeedback : public QgsProcessingFeedback
  {
    public:
      void reportError( const QString &error, bool fatalError = false ) override
      {
        errors << error;
        QgsProcessingFeedback::reportError( error, fatalError );
      }
      QStringList errors;
  };
}

TEST_CASE( "the core's messages the plugin shows speak QGIS's language", "[plugin][load][i18n]" )
{
  // Before issue 10.7 was finished, a Vietnamese QGIS showed "Không mở được sổ theo dõi: …
  // does not exist": the plugin's sentence translated, the core's message in English.
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString missing = dir.filePath( QStringLiteral( "không-có.gpkg" ) );
  const QString zones = RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg|layername=zones" );
  const QVariant localeBefore = QSettings().value( QStringLiteral( "locale/userLocale" ) );
  const PluginModule module;
  const ClassFactory classFactory = module.classFactory;
  const UnloadFunction unloadPlugin = module.unload;
  QString shown[2];
  for ( int i = 0; i < 2; ++i )
  {
    QSettings().setValue( QStringLiteral( "locale/userLocale" ), i == 0 ? QStringLiteral( "vi" ) : QStringLiteral( "en_US" ) );
    TestIface iface;
    QgisPlugin *plugin = classFactory( &iface );
    REQUIRE( plugin );
    plugin->initGui();
    std::unique_ptr<QgsProcessingAlgorithm> join( QgsApplication::processingRegistry()->createAlgorithmById( QStringLiteral( "resolutiontracker:jointasks" ) ) );
    REQUIRE( join );
    const QVariantMap parameters {
      { QStringLiteral( "REGISTER" ), missing }, { QStringLiteral( "INPUT" ), zones }, { QStringLiteral( "KIND" ), QStringLiteral( "zone" ) },
      { QStringLiteral( "KEY_FIELDS" ), QStringList { QStringLiteral( "code" ) } }, { QStringLiteral( "OUTPUT" ), QStringLiteral( "memory:" ) } };
    QgsProcessingContext context;
    ErrorsFeedback feedback;
    bool ok = true;
    join->run( parameters, context, &feedback, &ok );
    CHECK_FALSE( ok );
    shown[i] = feedback.errors.join( QLatin1Char( '\n' ) );
    join.reset();
    plugin->unload();
    unloadPlugin( plugin );
  }
  QSettings().setValue( QStringLiteral( "locale/userLocale" ), localeBefore );
  INFO( "vi: " << shown[0].toStdString() << "\nen: " << shown[1].toStdString() );
  CHECK( shown[1].contains( QStringLiteral( "The register cannot be opened: %1 does not exist" ).arg( missing ) ) );
  CHECK( shown[0].contains( missing ) );
  CHECK_FALSE( shown[0].contains( QStringLiteral( "cannot be opened" ) ) );
  CHECK_FALSE( shown[0].contains( QStringLiteral( "does not exist" ) ) );
}
