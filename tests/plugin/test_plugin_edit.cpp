// The plugin's edit path in a headless QGIS: a register built from data/, the sample zones
// layer bound to it, status changes made through the same code the status dialog calls,
// and what the map then draws (rendered to an image, pixel by pixel).
#include "catch_compat.h"
#include "maptestutil.h"
#include "renderedcolor.h"

#include "rtbinddialog.h"
#include "rtexportdialog.h"
#include "rtexporttask.h"
#include "rtsessionpackdialog.h"
#include "rtsessionpacktask.h"
#include "rtjoin.h"
#include "rtlocale.h"
#include "rtlayerbinding.h"
#include "rtmapstyle.h"
#include "rtstatusdialog.h"
#include "rtstatusrenderer.h"
#include "rttaskdock.h"
#include "rttaskfiltermodel.h"
#include "rttaskmodel.h"
#include "rttasksasof.h"
#include "rttracker.h"

#include <gdal.h>
#include <functional>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsapplication.h>
#include <qgsdatetimeedit.h>
#include <qgsfieldcombobox.h>
#include <qgsfilewidget.h>
#include <qgsmaplayercombobox.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsmaprenderercustompainterjob.h>
#include <qgsmapsettings.h>
#include <qgssymbol.h>
#include <qgsmemoryproviderutils.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRegularExpression>
#include <QTimer>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTreeView>

namespace
{
  //! A temporary folder with a register built from data/ and a copy of the sample layers.
  struct Fixture
  {
    QTemporaryDir dir;
    QString registerPath;
    QString layersPath;

    Fixture()
    {
      registerPath = dir.filePath( QStringLiteral( "mongcai-172.gpkg" ) );
      layersPath = dir.filePath( QStringLiteral( "mongcai-layers.gpkg" ) );
    }

    bool make()
    {
      RtMapTest::requireLayers();
      return dir.isValid() && RtMapTest::buildRegister( registerPath )
             && QFile::copy( RtMapTest::layersPath(), layersPath );
    }

    QString layerSource( const QString &table ) const
    {
      return QStringLiteral( "%1|layername=%2" ).arg( layersPath, table );
    }
  };

  QgsFeatureId fidOf( QgsVectorLayer *layer, const QString &field, const QString &value )
  {
    QgsFeatureIterator it = layer->getFeatures( QgsFeatureRequest().setFilterExpression(
                              QStringLiteral( "%1 = %2" ).arg( QgsExpression::quotedColumnRef( field ), QgsExpression::quotedString( value ) ) ) );
    QgsFeature f;
    return it.nextFeature( f ) ? f.id() : FID_NULL;
  }

  std::string describe( const QColor &c )
  {
    return c.name().toStdString();
  }

  RtKeyBinding zoneBinding()
  {
    RtKeyBinding b;
    b.kind = QStringLiteral( "zone" );
    b.fields = QStringList { QStringLiteral( "code" ) };
    b.match = RtKeyBinding::Match::Code;
    return b;
  }

  //! \a source's geometries with other attributes (\a attributesOf each feature), as a user's own layer would hold them.
  QgsFeatureList copyFeatures( const QgsVectorLayer &source, const QgsFields &fields, const std::function<QgsAttributes( const QgsFeature & )> &attributesOf )
  {
    QgsFeatureList features;
    QgsFeatureIterator it = source.getFeatures();
    QgsFeature f;
    while ( it.nextFeature( f ) )
    {
      QgsFeature copy( fields );
      copy.setGeometry( f.geometry() );
      copy.setAttributes( attributesOf( f ) );
      features << copy;
    }
    return features;
  }

  //! A table of the fixture's sample layers, added to \a project as the layer \a name.
  QgsVectorLayer *addSampleLayer( QgsProject &project, const Fixture &fx, const QString &table, const QString &name )
  {
    auto *layer = new QgsVectorLayer( fx.layerSource( table ), name, QStringLiteral( "ogr" ) );
    REQUIRE( layer->isValid() );
    project.addMapLayer( layer );
    return layer;
  }

  //! The sample's zones layer with its own style (QML), added to \a project.
  QgsVectorLayer *addStyledZones( QgsProject &project, const Fixture &fx )
  {
    QgsVectorLayer *zones = addSampleLayer( project, fx, QStringLiteral( "zones" ), QStringLiteral( "zones" ) );
    REQUIRE( RtMapStyle::applyQml( zones, RtMapStyle::LayerKind::Zones, false ).isEmpty() );
    return zones;
  }

  //! A3's own plan, in progress in the register, reported blocked today.
  RtStatusChange blockA3()
  {
    RtStatusChange change;
    change.taskId = QStringLiteral( "CM-QHPK-A3" );
    change.newStatus = RtStatus::Blocked;
    change.by = QStringLiteral( "test" );
    change.date = QDate::currentDate();
    change.expected = RtStatus::InProgress;
    return change;
  }

  QString liveStatus( QgsVectorLayer *layer, QgsFeatureId fid, const QString &field )
  {
    return layer->getFeature( fid ).attribute( field ).toString();
  }
}

TEST_CASE( "a status change recolours the bound layer at once and a stale edit is refused", "[plugin][edit]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  const QByteArray layersBefore = RtMapTest::sha256( fx.layersPath );

  QgsProject project;
  QgsVectorLayer *zones = addStyledZones( project, fx );

  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  REQUIRE( tracker.asOf() == QDate::currentDate() );
  const RtResult<RtLayerBinding *> bound = tracker.bindLayer( zones, zoneBinding() );
  REQUIRE( bound.ok() );
  RtLayerBinding *binding = bound.value();

  // The sample layer has a real rt_status (as of 13/10/2023): it stays, the live one is beside it.
  CHECK( binding->liveFieldName() == QStringLiteral( "rt_status_live" ) );
  CHECK( binding->result().unmatched.isEmpty() );
  CHECK( binding->result().ambiguous.isEmpty() );
  auto *renderer = dynamic_cast<QgsCategorizedSymbolRenderer *>( zones->renderer() );
  REQUIRE( renderer );
  CHECK( renderer->classAttribute() == QStringLiteral( "rt_status_live" ) );
  CHECK( RtLayerBinding::stored( zones ).has_value() );

  const QgsFeatureId a3 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A3" ) );
  const QgsFeatureId a41 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A4.1" ) );
  REQUIRE( a3 != FID_NULL );
  REQUIRE( a41 != FID_NULL );
  // A3 carries two tasks: the directive (5)(i1) (no report yet) and its own plan (in progress).
  CHECK( binding->tasksOfFeature( a3 ) == QStringList( { QStringLiteral( "DT-05-i1" ), QStringLiteral( "CM-QHPK-A3" ) } ) );
  CHECK( tracker.placeKeysOfFeature( zones, a3 ) == QStringList { QStringLiteral( "zone:A3" ) } );
  const QColor inProgress = RtMapStyle::statusColor( RtFeatureStatus::InProgress );
  const QColor done = RtMapStyle::statusColor( RtFeatureStatus::Done );
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "in_progress" ) );
  CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( inProgress ) ) );

  // The panel and the dialog, as the user drives them (no QGIS window: no map, no message bar).
  RtTaskDock dock( &tracker, nullptr );
  dock.selectTask( QStringLiteral( "DT-05-i1" ) );
  CHECK( dock.currentTaskId() == QStringLiteral( "DT-05-i1" ) );

  auto changeThroughDialog = [&]( const QString &taskId, const QString &statusCode, const QString &note ) -> RtStatusResult
  {
    const std::optional<RtTask> task = tracker.currentTask( taskId );
    REQUIRE( task );
    RtStatusDialog dialog( *task, tracker.document(), RtLang::Vi );
    auto *combo = dialog.findChild<QComboBox *>( QStringLiteral( "RtStatusCombo" ) );
    auto *by = dialog.findChild<QLineEdit *>( QStringLiteral( "RtStatusBy" ) );
    auto *noteEdit = dialog.findChild<QPlainTextEdit *>( QStringLiteral( "RtStatusNote" ) );
    auto *evidence = dialog.findChild<QLineEdit *>( QStringLiteral( "RtStatusEvidence" ) );
    REQUIRE( combo );
    REQUIRE( by );
    REQUIRE( noteEdit );
    REQUIRE( evidence );
    combo->setCurrentIndex( combo->findData( statusCode ) );
    by->setText( QStringLiteral( "Phòng Quản lý đô thị" ) );
    noteEdit->setPlainText( note );
    evidence->setText( QStringLiteral( "QĐ 1234/QĐ-UBND" ) );
    const RtStatusChange change = dialog.change();
    CHECK( change.expected == task->status ); // the edit is based on what the panel showed
    return dock.applyStatusChange( change );
  };

  // 1. The directive done: A3 still has its own plan open, so it stays "in progress" (some done, some open).
  REQUIRE( changeThroughDialog( QStringLiteral( "DT-05-i1" ), QStringLiteral( "done" ), QStringLiteral( "các phân khu đã trình" ) ).ok() );
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "in_progress" ) );
  CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( inProgress ) ) );

  // 2. A3's plan done: every task of A3 is done, and the map says so at once, without a reload.
  QElapsedTimer timer;
  timer.start();
  REQUIRE( changeThroughDialog( QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "done" ), QStringLiteral( "QHPK A3 đã phê duyệt" ) ).ok() );
  const qint64 recolourMs = timer.elapsed();
  WARN( "status change and recolouring took " << recolourMs << " ms" ); // measured, not asserted (benchmarks measure speed)
  // The map at once (its renderer looks the status up by feature id) …
  CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( done ) ) );
  // … the virtual field (attribute table, labels, QGIS without the plugin) a moment later.
  CHECK( binding->liveFieldStale() );
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "in_progress" ) );
  QElapsedTimer waited;
  waited.start();
  while ( binding->liveFieldStale() && waited.elapsed() < 10000 )
    QCoreApplication::processEvents( QEventLoop::AllEvents, 50 );
  CHECK_FALSE( binding->liveFieldStale() );
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "done" ) );
  // A4.1 keeps its own plan open.
  CHECK( liveStatus( zones, a41, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "in_progress" ) );
  CHECK_THAT( describe( rtRenderedColor( zones, a41 ) ), Catch::Matchers::Equals( describe( inProgress ) ) );
  // The renderer gives the "done" symbol for A3 too (what the legend and a print layout use).
  {
    QgsRenderContext context;
    context.expressionContext().appendScopes( QgsExpressionContextUtils::globalProjectLayerScopes( zones ) );
    QgsFeatureRenderer *r = zones->renderer();
    r->startRender( context, zones->fields() );
    QgsFeature feature = zones->getFeature( a3 );
    context.expressionContext().setFeature( feature );
    QgsSymbol *symbol = r->symbolForFeature( feature, context );
    REQUIRE( symbol );
    CHECK( rtSameColor( symbol->color(), done ) );
    r->stopRender( context );
  }

  // The history holds the change with who, why and on what evidence.
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( fx.registerPath, false );
    REQUIRE( store.ok() );
    const RtResult<QVector<RtHistoryEntry>> history = store.value()->history( QStringLiteral( "CM-QHPK-A3" ) );
    REQUIRE( history.ok() );
    REQUIRE( history.value().size() == 2 );
    const RtHistoryEntry &last = history.value().last();
    CHECK( last.oldStatus == RtStatus::InProgress );
    CHECK( last.newStatus == RtStatus::Done );
    CHECK( last.by == QStringLiteral( "Phòng Quản lý đô thị" ) );
    CHECK( last.note == QStringLiteral( "QHPK A3 đã phê duyệt" ) );
    CHECK( last.evidence == QStringLiteral( "QĐ 1234/QĐ-UBND" ) );
    CHECK( last.date == QDate::currentDate() );
  }

  // 3. Someone else changes A3 in a shell meanwhile; the panel still shows "done".
  int exitCode = -1;
  QString errors;
  RtMapTest::run( RtTestPaths::cliExecutable(), { QStringLiteral( "set-status" ), QStringLiteral( "--db" ), fx.registerPath,
                  QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "blocked" ), QStringLiteral( "--by" ), QStringLiteral( "Thanh tra" ),
                  QStringLiteral( "--expect" ), QStringLiteral( "done" ) }, &exitCode, &errors );
  INFO( errors.toStdString() );
  REQUIRE( exitCode == 0 );
  CHECK( tracker.currentTask( QStringLiteral( "CM-QHPK-A3" ) )->status == RtStatus::Done );
  const QByteArray registerBefore = RtMapTest::sha256( fx.registerPath );

  // The user's edit, based on "done", is refused, and nothing is written.
  RtStatusChange stale;
  stale.taskId = QStringLiteral( "CM-QHPK-A3" );
  stale.newStatus = RtStatus::InProgress;
  stale.by = QStringLiteral( "Phòng Quản lý đô thị" );
  stale.date = QDate::currentDate();
  stale.expected = RtStatus::Done;
  bool wasStale = false;
  const RtStatusResult refused = tracker.changeStatus( stale, &wasStale );
  CHECK_FALSE( refused.ok() );
  CHECK( wasStale );
  CHECK( refused.error().contains( QStringLiteral( "changed meanwhile" ) ) );
  CHECK( RtMapTest::sha256( fx.registerPath ) == registerBefore );
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( fx.registerPath, false );
    REQUIRE( store.ok() );
    const RtResult<QVector<RtHistoryEntry>> history = store.value()->history( QStringLiteral( "CM-QHPK-A3" ) );
    REQUIRE( history.ok() );
    CHECK( history.value().size() == 3 ); // the resolution's, ours, the shell's: not the refused one
    CHECK( history.value().last().by == QStringLiteral( "Thanh tra" ) );
  }
  // The panel and the map now show what the file says.
  CHECK( tracker.currentTask( QStringLiteral( "CM-QHPK-A3" ) )->status == RtStatus::Blocked );
  CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( RtMapStyle::statusColor( RtFeatureStatus::Blocked ) ) ) );
  tracker.syncLiveFields();
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "blocked" ) );

  // The user's data file was never written: the statuses live in the project only.
  CHECK( RtMapTest::sha256( fx.layersPath ) == layersBefore );
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status" ) ) == QStringLiteral( "in_progress" ) );
}

TEST_CASE( "the as-of date recolours the map with the statuses of that day", "[plugin][edit]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsProject project;
  QgsVectorLayer *zones = addSampleLayer( project, fx, QStringLiteral( "zones" ), QStringLiteral( "zones" ) );
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  REQUIRE( tracker.bindLayer( zones, zoneBinding() ).ok() );
  const QgsFeatureId a3 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A3" ) );

  RtStatusChange change;
  change.taskId = QStringLiteral( "DT-05-i1" );
  change.newStatus = RtStatus::Done;
  change.by = QStringLiteral( "test" );
  change.date = QDate( 2024, 6, 1 );
  change.expected = RtStatus::NoReport;
  RtStatusResult changed = tracker.changeStatus( change );
  INFO( changed.error().toStdString() );
  REQUIRE( changed.ok() );
  change.taskId = QStringLiteral( "CM-QHPK-A3" );
  change.date = QDate( 2024, 6, 20 );
  change.expected = RtStatus::InProgress;
  changed = tracker.changeStatus( change );
  INFO( changed.error().toStdString() );
  REQUIRE( changed.ok() );
  CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( RtMapStyle::statusColor( RtFeatureStatus::Done ) ) ) );
  tracker.syncLiveFields();
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "done" ) );

  // Before A3's plan was approved it was still in progress.
  REQUIRE( tracker.setAsOf( QDate( 2024, 6, 10 ) ).ok() );
  CHECK( tracker.taskAsOf( QStringLiteral( "CM-QHPK-A3" ) )->status == RtStatus::InProgress );
  CHECK( tracker.currentTask( QStringLiteral( "CM-QHPK-A3" ) )->status == RtStatus::Done );
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "in_progress" ) );
  CHECK( QgsExpressionContextUtils::layerScope( zones )->variable( RtLayerBinding::asOfVariable() ).toString() == QStringLiteral( "2024-06-10" ) );

  // Before the resolution nothing has a status: refused as the export and the CLI refuse it
  // (RtTasksAsOf), naming the resolution's date; the date and the colours stay as they were.
  // (It used to be moved forward to the resolution's date here, and refused by the export.)
  const RtStatusResult early = tracker.setAsOf( QDate( 2020, 1, 1 ) );
  REQUIRE_FALSE( early.ok() );
  CHECK( early.error() == RtTasksAsOf::check( tracker.document(), QDate( 2020, 1, 1 ) ).error() );
  CHECK( early.error().contains( QStringLiteral( "2023-10-13" ) ) );
  CHECK( tracker.asOf() == QDate( 2024, 6, 10 ) );
  CHECK( tracker.taskAsOf( QStringLiteral( "CM-QHPK-A3" ) )->status == RtStatus::InProgress );
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "in_progress" ) );
}

TEST_CASE( "directive items colour a place only where no commitment names it unless the setting says so", "[plugin][placerule]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsProject project;
  QgsVectorLayer *zones = addStyledZones( project, fx );
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  CHECK_FALSE( tracker.withDirectives() );
  REQUIRE( tracker.bindLayer( zones, zoneBinding() ).ok() );
  const QgsFeatureId a3 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A3" ) );
  REQUIRE( a3 != FID_NULL );

  // A3's own plan approved; the broad directive 4.1 (5)(i1) that also names it has no report yet.
  RtStatusChange change;
  change.taskId = QStringLiteral( "CM-QHPK-A3" );
  change.newStatus = RtStatus::Done;
  change.by = QStringLiteral( "Phòng QLĐT" );
  change.date = QDate( 2024, 6, 20 );
  change.expected = RtStatus::InProgress;
  const RtStatusResult changed = tracker.changeStatus( change );
  INFO( changed.error().toStdString() );
  REQUIRE( changed.ok() );
  const QColor done = RtMapStyle::statusColor( RtFeatureStatus::Done );
  const QColor inProgress = RtMapStyle::statusColor( RtFeatureStatus::InProgress );
  // Before the rule, the directive kept A3 "in progress" after its plan was approved.
  CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( done ) ) );

  // The setting on: every task naming A3 counts, the open directive too.
  tracker.setWithDirectives( true );
  CHECK( tracker.binding( zones )->withDirectives() );
  CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( inProgress ) ) );
  tracker.syncLiveFields();
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "in_progress" ) );
  // Off again.
  tracker.setWithDirectives( false );
  CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( done ) ) );
  tracker.syncLiveFields();
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "done" ) );
}

TEST_CASE( "a binding saved in the project comes back and shows in QGIS without the plugin", "[plugin][edit]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  const QString projectPath = fx.dir.filePath( QStringLiteral( "session.qgs" ) );
  QgsFeatureId a3 = FID_NULL;
  {
    QgsProject project;
    QgsVectorLayer *zones = addStyledZones( project, fx );
    RtTracker tracker( &project );
    REQUIRE( tracker.openRegister( fx.registerPath, true ).ok() );
    RtKeyBinding byName = zoneBinding();
    byName.fields = QStringList { QStringLiteral( "code" ) };
    REQUIRE( tracker.bindLayer( zones, byName ).ok() );
    a3 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A3" ) );
    const RtStatusChange change = blockA3();
    REQUIRE( tracker.changeStatus( change ).ok() );
    REQUIRE( project.write( projectPath ) );
  }

  SECTION( "reopened with the plugin: the register and the binding are restored" )
  {
    QgsProject project;
    RtTracker tracker( &project );
    REQUIRE( project.read( projectPath ) );
    CHECK( tracker.registerPath() == QFileInfo( fx.registerPath ).absoluteFilePath() );
    REQUIRE( tracker.bindings().size() == 1 );
    QgsVectorLayer *zones = tracker.bindings().first()->layer();
    CHECK( tracker.bindings().first()->binding().kind == QStringLiteral( "zone" ) );
    CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "blocked" ) );
    // Restoring what the project holds is not an unsaved change.
    CHECK_FALSE( project.isDirty() );
    // One live field, not a second copy added on top of the restored one.
    CHECK( zones->fields().names().count( QStringLiteral( "rt_status_live" ) ) == 1 );

    // Unbinding gives the layer back as it was: the stored field drives the style again.
    tracker.unbindLayer( zones );
    CHECK( zones->fields().lookupField( QStringLiteral( "rt_status_live" ) ) < 0 );
    CHECK( QgsExpressionContextUtils::layerScope( zones )->variable( RtLayerBinding::mapVariable() ).isNull() );
    CHECK_FALSE( RtLayerBinding::stored( zones ).has_value() );
    auto *renderer = dynamic_cast<QgsCategorizedSymbolRenderer *>( zones->renderer() );
    REQUIRE( renderer );
    CHECK( renderer->classAttribute() == QStringLiteral( "rt_status" ) );
  }

  SECTION( "reopened in QGIS without the plugin: the saved statuses still colour the map" )
  {
    QgsProject project;
    REQUIRE( project.read( projectPath ) );
    const QList<QgsMapLayer *> layers = project.mapLayersByName( QStringLiteral( "zones" ) );
    REQUIRE( layers.size() == 1 );
    auto *zones = qobject_cast<QgsVectorLayer *>( layers.first() );
    REQUIRE( zones );
    CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "blocked" ) );
    CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( RtMapStyle::statusColor( RtFeatureStatus::Blocked ) ) ) );
  }
}

TEST_CASE( "a user's own layer gets a virtual rt_status and our style, with numeric GSO codes and ambiguous keys", "[plugin][edit]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsVectorLayer wards( fx.layerSource( QStringLiteral( "wards_2023" ) ), QStringLiteral( "wards" ), QStringLiteral( "ogr" ) );
  REQUIRE( wards.isValid() );

  // The land officer's layer: codes in an integer field (the leading zero lost), no rt_status.
  QgsFields fields;
  fields.append( QgsField( QStringLiteral( "ma_xa" ), QVariant::Int ) );
  fields.append( QgsField( QStringLiteral( "ten" ), QVariant::String ) );
  std::unique_ptr<QgsVectorLayer> own( QgsMemoryProviderUtils::createMemoryLayer( QStringLiteral( "xa_phuong" ), fields, wards.wkbType(), wards.crs() ) );
  REQUIRE( own );
  QgsFeatureList features = copyFeatures( wards, fields, []( const QgsFeature &f ) {
    return QgsAttributes() << QVariant( f.attribute( QStringLiteral( "gso_code" ) ).toString().toInt() ) << f.attribute( QStringLiteral( "name" ) );
  } );
  // The same commune twice (a split polygon digitised as two features): its key is ambiguous.
  QgsFeature duplicate;
  for ( const QgsFeature &candidate : std::as_const( features ) )
    if ( candidate.attribute( 0 ).toInt() == 6742 ) // Hải Hòa: four tasks name it
      duplicate = candidate;
  REQUIRE( duplicate.isValid() );
  features << duplicate;
  const bool added = own->dataProvider()->addFeatures( features );
  INFO( own->dataProvider()->lastError().toStdString() );
  REQUIRE( added );
  own->updateExtents();

  QgsProject project;
  QgsVectorLayer *layer = own.release();
  project.addMapLayer( layer );
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  RtKeyBinding binding;
  binding.kind = QStringLiteral( "ward" );
  binding.fields = QStringList { QStringLiteral( "ma_xa" ) };
  const RtResult<RtLayerBinding *> bound = tracker.bindLayer( layer, binding );
  REQUIRE( bound.ok() );
  RtLayerBinding *b = bound.value();
  CHECK( b->liveFieldName() == QStringLiteral( "rt_status" ) );
  CHECK( b->warnings().join( QLatin1Char( ' ' ) ).contains( QStringLiteral( "leading zeros" ) ) );
  REQUIRE( layer->fields().lookupField( QStringLiteral( "rt_status" ) ) >= 0 );
  CHECK( layer->fields().fieldOrigin( layer->fields().lookupField( QStringLiteral( "rt_status" ) ) ) == QgsFields::OriginExpression );
  auto *renderer = dynamic_cast<QgsCategorizedSymbolRenderer *>( layer->renderer() );
  REQUIRE( renderer );
  CHECK( renderer->classAttribute() == QStringLiteral( "rt_status" ) );
  CHECK( b->result().ambiguous.keys() == QStringList { QStringLiteral( "06742" ) } );
  CHECK( b->result().ambiguous.value( QStringLiteral( "06742" ) ).size() == 2 );

  // The same statuses as the join of the sample layer, feature by feature (the duplicate aside).
  RtLayerBinding sample( &wards, *RtLayerBinding::sampleBinding( &wards ) );
  REQUIRE( sample.readKeys().ok() );
  const RtJoinResult expected = sample.join( tracker.tasksAsOf(), tracker.asOf() );
  const QString duplicateCode = QStringLiteral( "6742" );
  int compared = 0;
  QgsFeatureIterator ownIt = layer->getFeatures();
  QgsFeature f;
  while ( ownIt.nextFeature( f ) )
  {
    const QString code = f.attribute( QStringLiteral( "ma_xa" ) ).toString();
    if ( code == duplicateCode )
    {
      CHECK( f.attribute( QStringLiteral( "rt_status" ) ).toString() == RtFeatureStatuses::code( RtFeatureStatus::None ) );
      continue;
    }
    const QgsFeatureId sampleFid = fidOf( &wards, QStringLiteral( "gso_code" ), code.rightJustified( 5, QLatin1Char( '0' ) ) );
    RtFeatureStatus status = RtFeatureStatus::None;
    for ( const RtFeatureResult &r : expected.features )
      if ( r.fid == sampleFid )
        status = r.status;
    INFO( code.toStdString() );
    CHECK( f.attribute( QStringLiteral( "rt_status" ) ).toString() == RtFeatureStatuses::code( status ) );
    ++compared;
  }
  CHECK( compared == wards.featureCount() - 1 );
}

TEST_CASE( "the panel's search ignores diacritics and case and a picked feature lists its tasks", "[plugin][panel]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsProject project;
  QgsVectorLayer *zones = addSampleLayer( project, fx, QStringLiteral( "zones" ), QStringLiteral( "zones" ) );
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  REQUIRE( tracker.restoreBindings().isEmpty() ); // the sample layer is recognised and bound
  REQUIRE( tracker.binding( zones ) );
  RtTaskDock dock( &tracker, nullptr );
  auto *tree = dock.findChild<QTreeView *>( QStringLiteral( "RtTaskTree" ) );
  REQUIRE( tree );
  for ( const char *name : { "RtTaskTable", "RtFilterStatus", "RtFilterCategory", "RtFilterResponsible", "RtFilterPlace",
                             "RtFilterOverdue", "RtTaskSearch", "RtAsOfDate", "RtTaskDetails", "RtTaskHistory", "RtChangeStatusButton" } )
  {
    INFO( name );
    CHECK( dock.findChild<QWidget *>( QString::fromLatin1( name ) ) );
  }
  // The date picker starts at the resolution's date: an earlier one would be refused.
  auto *asOf = dock.findChild<QDateTimeEdit *>( QStringLiteral( "RtAsOfDate" ) );
  REQUIRE( asOf );
  CHECK( asOf->minimumDate() == RtTasksAsOf::earliest( tracker.document() ) );
  CHECK( asOf->minimumDate() == QDate( 2023, 10, 13 ) );
  auto *search = dock.findChild<QLineEdit *>( QStringLiteral( "RtTaskSearch" ) );
  REQUIRE( search );
  const int all = dock.tableFilter()->rowCount();
  CHECK( all == tracker.tasksAsOf().size() );
  search->setText( QStringLiteral( "TRA CO" ) ); // Trà Cổ without its accents, in capitals
  const int found = dock.tableFilter()->rowCount();
  CHECK( found > 0 );
  CHECK( found < all );
  search->clear();
  CHECK( dock.tableFilter()->rowCount() == all );

  // Picking A3 on the map (here: selecting it) lists the tasks on A3.
  const QgsFeatureId a3 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A3" ) );
  zones->selectByIds( QgsFeatureIds { a3 } );
  CHECK( dock.tableFilter()->place() == RtTaskModels::placeKey( QStringLiteral( "zone:A3" ) ) );
  QStringList listed;
  for ( int row = 0; row < dock.tableFilter()->rowCount(); ++row )
    listed << dock.tableFilter()->index( row, 0 ).data( RtTaskRoles::TaskId ).toString();
  listed.sort();
  CHECK( listed == QStringList( { QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "DT-05-i1" ) } ) );

  // Selecting a task selects its features in the bound layers.
  dock.selectTask( QStringLiteral( "CM-QHPK-A5" ) );
  const QgsFeatureId a5 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A5" ) );
  CHECK( zones->selectedFeatureIds() == QgsFeatureIds { a5 } );
  CHECK( dock.tableFilter()->place() == RtTaskModels::placeKey( QStringLiteral( "zone:A3" ) ) ); // our own selection is not a user's pick
}

TEST_CASE( "the council map export runs as a QGIS task that can be cancelled", "[plugin][export]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  RtMapExportOptions options;
  options.registerPath = fx.registerPath;
  options.layersPath = fx.layersPath;
  options.asOf = QDate( 2026, 11, 26 );
  options.outputPath = fx.dir.filePath( QStringLiteral( "council.png" ) );
  options.dpi = 40; // the layout is the one `restrack export` makes; a small image is enough here
  const QByteArray registerBefore = RtMapTest::sha256( fx.registerPath );

  auto runTask = [&]( bool cancelAtOnce, QString &path, QString &error )
  {
    auto *task = new RtExportTask( options );
    QEventLoop loop;
    bool over = false;
    QObject::connect( task, &RtExportTask::exported, &loop, [&]( const QString &p, const QStringList & ) { path = p; over = true; loop.quit(); } );
    QObject::connect( task, &RtExportTask::failed, &loop, [&]( const QString &e ) { error = e; over = true; loop.quit(); } );
    QTimer::singleShot( 180000, &loop, &QEventLoop::quit );
    QgsApplication::taskManager()->addTask( task );
    if ( cancelAtOnce )
      task->cancel(); // a task cancelled before it started ends at once, inside cancel()
    if ( !over )
      loop.exec();
    CHECK( over );
  };

  SECTION( "exported" )
  {
    QString path, error;
    runTask( false, path, error );
    INFO( error.toStdString() );
    CHECK( path == options.outputPath );
    const QImage image( options.outputPath );
    CHECK( image.width() > 500 ); // A3 landscape at 40 dpi: 661 × 468
    CHECK( image.width() > image.height() );
  }
  SECTION( "by the 2025 units, as chosen in the dialog" )
  {
    QString path, error;
    runTask( false, path, error );
    REQUIRE( path == options.outputPath );
    const QImage by2023( options.outputPath );
    RtExportDialog dialog( options, QDate( 2023, 10, 13 ) );
    auto *asOf = dialog.findChild<QDateTimeEdit *>( QStringLiteral( "RtExportAsOf" ) );
    REQUIRE( asOf );
    CHECK( asOf->minimumDate() == QDate( 2023, 10, 13 ) ); // the resolution's date: earlier ones are refused
    auto *units = dialog.findChild<QComboBox *>( QStringLiteral( "RtExportUnits" ) );
    REQUIRE( units );
    CHECK( units->currentData().toInt() == 2023 );
    units->setCurrentIndex( units->findData( 2025 ) );
    options = dialog.options();
    CHECK( options.units == 2025 );
    options.outputPath = fx.dir.filePath( QStringLiteral( "council-2025.png" ) );
    runTask( false, path, error );
    INFO( error.toStdString() );
    REQUIRE( path == options.outputPath );
    const QImage by2025( options.outputPath );
    CHECK( by2025.size() == by2023.size() );
    CHECK( by2025 != by2023 ); // other units coloured, another subtitle and legend
  }
  SECTION( "an existing file is replaced only when the user ticks the box, with the template chosen" )
  {
    // Issue 9, defect 5: the export overwrote a file without asking.
    const QByteArray previous = "an earlier map";
    REQUIRE( rtWriteAll( options.outputPath, previous ) );
    RtExportDialog dialog( options, QDate( 2023, 10, 13 ) );
    auto *replace = dialog.findChild<QCheckBox *>( QStringLiteral( "RtExportReplace" ) );
    auto *button = dialog.findChild<QPushButton *>( QStringLiteral( "RtExportButton" ) );
    auto *templateWidget = dialog.findChild<QgsFileWidget *>( QStringLiteral( "RtExportTemplate" ) );
    REQUIRE( replace );
    REQUIRE( button );
    REQUIRE( templateWidget );
    CHECK( replace->isVisibleTo( &dialog ) );
    CHECK_FALSE( replace->isChecked() );
    CHECK_FALSE( button->isEnabled() );
    CHECK_FALSE( dialog.options().overwrite );
    replace->setChecked( true );
    CHECK( button->isEnabled() );
    // A template that does not exist is refused before the export; the office's copy is taken.
    templateWidget->setFilePath( fx.dir.filePath( QStringLiteral( "missing.qpt" ) ) );
    CHECK_FALSE( button->isEnabled() );
    const QString officeTemplate = fx.dir.filePath( QStringLiteral( "office.qpt" ) );
    REQUIRE( QFile::copy( RtTestPaths::sourceDir() + QStringLiteral( "/map/templates/council-map.qpt" ), officeTemplate ) );
    templateWidget->setFilePath( officeTemplate );
    CHECK( button->isEnabled() );
    options = dialog.options();
    CHECK( options.overwrite );
    CHECK( options.templatePath == officeTemplate );
    QString path, error;
    runTask( false, path, error );
    INFO( error.toStdString() );
    CHECK( path == options.outputPath );
    CHECK( rtReadAll( options.outputPath ) != previous );
    CHECK( QImage( options.outputPath ).width() > 500 );

    // A new file name: nothing to replace, no box.
    options.outputPath = fx.dir.filePath( QStringLiteral( "council-new.png" ) );
    RtExportDialog fresh( options, QDate( 2023, 10, 13 ) );
    CHECK_FALSE( fresh.findChild<QCheckBox *>( QStringLiteral( "RtExportReplace" ) )->isVisibleTo( &fresh ) );
    CHECK( fresh.findChild<QPushButton *>( QStringLiteral( "RtExportButton" ) )->isEnabled() );
    CHECK_FALSE( fresh.options().overwrite );
  }
  SECTION( "cancelled" )
  {
    QString path, error;
    runTask( true, path, error );
    CHECK( path.isEmpty() );
    CHECK( error == QStringLiteral( "cancelled" ) );
    CHECK_FALSE( QFileInfo::exists( options.outputPath ) );
  }
  // The export reads the register; it never writes it.
  CHECK( RtMapTest::sha256( fx.registerPath ) == registerBefore );
}

TEST_CASE( "the session pack runs as a QGIS task: written with its pages, or failed or cancelled with no file", "[plugin][export]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  RtSessionPackOptions options;
  options.registerPath = fx.registerPath;
  options.layersPath = fx.layersPath;
  options.sessionDate = QDate( 2025, 6, 30 );
  options.outputPath = fx.dir.filePath( QStringLiteral( "pack.pdf" ) );
  options.dpi = 72; // the pages `restrack session-pack` makes; a low resolution is enough here
  const QByteArray registerBefore = RtMapTest::sha256( fx.registerPath );

  struct Outcome
  {
    QString path, error;
    int pages = 0;
  };
  auto runTask = [&]( bool cancelAtOnce )
  {
    Outcome outcome;
    auto *task = new RtSessionPackTask( options, RtLang::En );
    CHECK( task->description().toStdString() == ( QStringLiteral( "Session pack as of " ) + rtDateText( options.sessionDate, RtLang::En ) ).toStdString() );
    QEventLoop loop;
    bool over = false;
    QObject::connect( task, &RtSessionPackTask::written, &loop, [&]( const QString &p, int pages, const QStringList & )
    {
      outcome.path = p;
      outcome.pages = pages;
      over = true;
      loop.quit();
    } );
    QObject::connect( task, &RtSessionPackTask::failed, &loop, [&]( const QString &e ) { outcome.error = e; over = true; loop.quit(); } );
    QTimer::singleShot( 300000, &loop, &QEventLoop::quit );
    QgsApplication::taskManager()->addTask( task );
    if ( cancelAtOnce )
      task->cancel();
    if ( !over )
      loop.exec();
    CHECK( over );
    return outcome;
  };

  SECTION( "written" )
  {
    const Outcome outcome = runTask( false );
    INFO( outcome.error.toStdString() );
    CHECK( outcome.path == options.outputPath );
    CHECK( outcome.pages >= 29 );
    const QString info = RtMapTest::run( QStringLiteral( "pdfinfo" ), { options.outputPath } );
    CHECK( info.contains( QRegularExpression( QStringLiteral( "Pages:\\s+%1\\n" ).arg( outcome.pages ) ) ) );
  }
  SECTION( "the dialog: the last session's date lists what changed since, before this session only" )
  {
    RtSessionPackDialog dialog( options, QDate( 2023, 10, 13 ) );
    auto *compare = dialog.findChild<QCheckBox *>( QStringLiteral( "RtPackCompare" ) );
    auto *since = dialog.findChild<QgsDateEdit *>( QStringLiteral( "RtPackSince" ) );
    auto *tables = dialog.findChild<QgsFileWidget *>( QStringLiteral( "RtPackTables" ) );
    auto *replace = dialog.findChild<QCheckBox *>( QStringLiteral( "RtPackReplace" ) );
    auto *button = dialog.findChild<QPushButton *>( QStringLiteral( "RtPackButton" ) );
    REQUIRE( compare );
    REQUIRE( since );
    REQUIRE( tables );
    REQUIRE( replace );
    REQUIRE( button );
    CHECK_FALSE( compare->isChecked() );
    CHECK_FALSE( dialog.options().since.isValid() ); // unticked: the pack says it has no earlier session
    CHECK( button->isEnabled() );
    compare->setChecked( true );
    since->setDate( QDate( 2025, 7, 1 ) ); // after the session of 30/06/2025
    CHECK_FALSE( button->isEnabled() );
    since->setDate( QDate( 2024, 6, 30 ) );
    CHECK( button->isEnabled() );
    tables->setFilePath( fx.dir.filePath( QStringLiteral( "pack.csv" ) ) );
    CHECK_FALSE( button->isEnabled() );
    tables->setFilePath( fx.dir.filePath( QStringLiteral( "pack.xlsx" ) ) );
    CHECK( button->isEnabled() );
    options = dialog.options();
    CHECK( options.since == QDate( 2024, 6, 30 ) );
    CHECK( options.tablesPath == fx.dir.filePath( QStringLiteral( "pack.xlsx" ) ) );
    CHECK_FALSE( options.overwrite );

    const Outcome outcome = runTask( false );
    INFO( outcome.error.toStdString() );
    REQUIRE( outcome.path == options.outputPath );
    CHECK( QFileInfo( options.tablesPath ).size() > 0 );
    const QString text = RtMapTest::run( QStringLiteral( "pdftotext" ), { options.outputPath, QStringLiteral( "-" ) } );
    CHECK( text.contains( QStringLiteral( "30/06/2024" ) ) );
    CHECK_FALSE( text.contains( QStringLiteral( "No earlier session to compare with" ) ) );
    CHECK_FALSE( text.contains( QStringLiteral( "Không có kỳ họp trước" ) ) );

    // Made again: both files exist, and are replaced only when the box is ticked.
    RtSessionPackDialog again( options, QDate( 2023, 10, 13 ) );
    auto *againReplace = again.findChild<QCheckBox *>( QStringLiteral( "RtPackReplace" ) );
    CHECK( againReplace->isVisibleTo( &again ) );
    CHECK_FALSE( again.findChild<QPushButton *>( QStringLiteral( "RtPackButton" ) )->isEnabled() );
    againReplace->setChecked( true );
    CHECK( again.findChild<QPushButton *>( QStringLiteral( "RtPackButton" ) )->isEnabled() );
    CHECK( again.options().overwrite );
  }
  SECTION( "failed: the register cannot be opened, and the message names it" )
  {
    options.registerPath = fx.dir.filePath( QStringLiteral( "missing.gpkg" ) );
    const Outcome outcome = runTask( false );
    CHECK( outcome.path.isEmpty() );
    CHECK( outcome.error.contains( options.registerPath ) );
    CHECK_FALSE( QFileInfo::exists( options.outputPath ) );
  }
  SECTION( "cancelled" )
  {
    const Outcome outcome = runTask( true );
    CHECK( outcome.path.isEmpty() );
    CHECK( outcome.error == QStringLiteral( "cancelled" ) );
    CHECK_FALSE( QFileInfo::exists( options.outputPath ) );
  }
  CHECK( RtMapTest::sha256( fx.registerPath ) == registerBefore );
}

TEST_CASE( "features picked on the map are linked to a task and unlinked", "[plugin][edit]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsProject project;
  QgsVectorLayer *wards = addSampleLayer( project, fx, QStringLiteral( "wards_2023" ), QStringLiteral( "wards" ) );
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  REQUIRE( tracker.restoreBindings().isEmpty() );
  RtLayerBinding *b = tracker.binding( wards );
  REQUIRE( b );

  // A ward with no task: the zoning plan A3 is now said to concern it too.
  QgsFeatureId free = FID_NULL;
  QgsFeatureIterator it = wards->getFeatures();
  QgsFeature f;
  while ( it.nextFeature( f ) && free == FID_NULL )
    if ( b->tasksOfFeature( f.id() ).isEmpty() )
      free = f.id();
  REQUIRE( free != FID_NULL );
  const QString code = wards->getFeature( free ).attribute( QStringLiteral( "gso_code" ) ).toString();
  const QString place = QStringLiteral( "ward:" ) + code;
  CHECK( liveStatus( wards, free, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "none" ) );
  const QStringList before = tracker.currentTask( QStringLiteral( "CM-QHPK-A3" ) )->places;

  int changed = 0;
  REQUIRE( tracker.setFeaturesLinked( QStringLiteral( "CM-QHPK-A3" ), wards, { free }, true, nullptr, &changed ).ok() );
  CHECK( changed == 1 );
  CHECK( tracker.currentTask( QStringLiteral( "CM-QHPK-A3" ) )->places == before + QStringList { place } );
  CHECK( b->tasksOfFeature( free ) == QStringList { QStringLiteral( "CM-QHPK-A3" ) } );
  CHECK( liveStatus( wards, free, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "in_progress" ) );
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( fx.registerPath, false );
    REQUIRE( store.ok() );
    CHECK( store.value()->task( QStringLiteral( "CM-QHPK-A3" ) ).value().places.contains( place ) );
  }
  // Linking it again changes nothing, and says so.
  CHECK_FALSE( tracker.setFeaturesLinked( QStringLiteral( "CM-QHPK-A3" ), wards, { free }, true ).ok() );

  // Someone else edits the task's places meanwhile: the unlink is refused, the panel reloads.
  {
    RtResult<std::unique_ptr<RtStore>> other = RtStore::open( fx.registerPath, true );
    REQUIRE( other.ok() );
    REQUIRE( other.value()->setTaskPlaces( QStringLiteral( "CM-QHPK-A3" ), before + QStringList { place, QStringLiteral( "zone:A5" ) } ).ok() );
  }
  bool stale = false;
  CHECK_FALSE( tracker.setFeaturesLinked( QStringLiteral( "CM-QHPK-A3" ), wards, { free }, false, &stale ).ok() );
  CHECK( stale );
  CHECK( tracker.currentTask( QStringLiteral( "CM-QHPK-A3" ) )->places.contains( QStringLiteral( "zone:A5" ) ) );

  // Based on what is there now, the unlink goes through and the ward has no task again.
  REQUIRE( tracker.setFeaturesLinked( QStringLiteral( "CM-QHPK-A3" ), wards, { free }, false ).ok() );
  CHECK_FALSE( tracker.currentTask( QStringLiteral( "CM-QHPK-A3" ) )->places.contains( place ) );
  CHECK( b->tasksOfFeature( free ).isEmpty() );
  CHECK( liveStatus( wards, free, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "none" ) );
}

TEST_CASE( "the bound layer's renderer finds statuses by feature id, honours the legend and saves as a stock one", "[plugin][edit]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsProject project;
  QgsVectorLayer *zones = addStyledZones( project, fx );
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  const RtResult<RtLayerBinding *> bound = tracker.bindLayer( zones, zoneBinding() );
  REQUIRE( bound.ok() );
  RtLayerBinding *binding = bound.value();
  const QgsFeatureId a3 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A3" ) );
  REQUIRE( binding->statusOfFeature( a3 ) == RtFeatureStatus::InProgress );
  const QColor inProgress = RtMapStyle::statusColor( RtFeatureStatus::InProgress );

  auto *renderer = dynamic_cast<RtStatusRenderer *>( zones->renderer() );
  REQUIRE( renderer );
  CHECK( renderer->type() == QStringLiteral( "categorizedSymbol" ) );
  CHECK( renderer->classAttribute() == QStringLiteral( "rt_status_live" ) );
  QgsRenderContext context;
  CHECK( renderer->usedAttributes( context ).isEmpty() ); // geometries only, like a plain fill
  CHECK( renderer->filter( zones->fields() ).isEmpty() );

  SECTION( "the colours come from the binding, not from the field" )
  {
    // Spoil what the field reads: the map still shows the binding's statuses.
    QgsExpressionContextUtils::setLayerVariable( zones, RtLayerBinding::mapVariable(), QStringLiteral( "{}" ) );
    CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "none" ) );
    CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( inProgress ) ) );
    // Every feature's symbol and legend key are those of its status's category.
    renderer->startRender( context, zones->fields() );
    QgsFeatureIterator it = zones->getFeatures();
    QgsFeature f;
    int checked = 0;
    const QgsLegendSymbolList items = renderer->legendSymbolItems();
    while ( it.nextFeature( f ) )
    {
      const QString code = RtFeatureStatuses::code( binding->statusOfFeature( f.id() ) );
      const int category = renderer->categoryIndexForValue( code );
      REQUIRE( category >= 0 );
      CHECK( renderer->symbolForFeature( f, context ) == renderer->categories().at( category ).symbol() );
      CHECK( renderer->legendKeysForFeature( f, context ) == QSet<QString> { items.at( category ).ruleKey() } );
      ++checked;
    }
    renderer->stopRender( context );
    CHECK( checked == zones->featureCount() );
  }

  SECTION( "an unchecked legend entry is not drawn, and is again once checked" )
  {
    const int category = renderer->categoryIndexForValue( QStringLiteral( "in_progress" ) );
    REQUIRE( category >= 0 );
    const QString key = renderer->legendSymbolItems().at( category ).ruleKey();
    renderer->checkLegendSymbolItem( key, false );
    CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( QColor( Qt::white ) ) ) );
    renderer->checkLegendSymbolItem( key, true );
    CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( inProgress ) ) );
  }

  SECTION( "a copy made before a status change draws the new status (the style dock's copy)" )
  {
    std::unique_ptr<QgsFeatureRenderer> copy( renderer->clone() );
    const RtStatusChange change = blockA3();
    REQUIRE( tracker.changeStatus( change ).ok() );
    zones->setRenderer( copy.release() );
    CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( RtMapStyle::statusColor( RtFeatureStatus::Blocked ) ) ) );
  }

  SECTION( "the project saves a stock categorized renderer on the live field" )
  {
    const QString path = fx.dir.filePath( QStringLiteral( "renderer.qgs" ) );
    REQUIRE( project.write( path ) );
    const QString xml = QString::fromUtf8( rtReadAll( path ) );
    CHECK( xml.contains( QStringLiteral( "type=\"categorizedSymbol\"" ) ) );
    CHECK( xml.contains( QStringLiteral( "attr=\"rt_status_live\"" ) ) );
    // Unbound, the layer keeps a plain categorized renderer that reads the stored field.
    tracker.unbindLayer( zones );
    CHECK( dynamic_cast<RtStatusRenderer *>( zones->renderer() ) == nullptr );
    auto *plain = dynamic_cast<QgsCategorizedSymbolRenderer *>( zones->renderer() );
    REQUIRE( plain );
    CHECK( plain->classAttribute() == QStringLiteral( "rt_status" ) );
    CHECK( plain->usedAttributes( context ).contains( QStringLiteral( "rt_status" ) ) );
  }
}

TEST_CASE( "when the plugin goes away the bound layer keeps its colours with a stock renderer", "[plugin][edit]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsProject project;
  QgsVectorLayer *zones = addStyledZones( project, fx );
  const QgsFeatureId a3 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A3" ) );
  {
    RtTracker tracker( &project );
    REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
    REQUIRE( tracker.bindLayer( zones, zoneBinding() ).ok() );
    REQUIRE( dynamic_cast<RtStatusRenderer *>( zones->renderer() ) );
    const RtStatusChange change = blockA3();
    REQUIRE( tracker.changeStatus( change ).ok() );
    REQUIRE( tracker.bindings().first()->liveFieldStale() ); // the field has not caught up yet
    project.setDirty( false );
  } // the plugin unloaded: its tracker and bindings destroyed
  auto *renderer = dynamic_cast<QgsCategorizedSymbolRenderer *>( zones->renderer() );
  REQUIRE( renderer );
  CHECK( dynamic_cast<RtStatusRenderer *>( renderer ) == nullptr );
  CHECK( renderer->classAttribute() == QStringLiteral( "rt_status_live" ) );
  // The last change is in the field and on the map; the binding stays saved for next time.
  CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "blocked" ) );
  CHECK_THAT( describe( rtRenderedColor( zones, a3 ) ), Catch::Matchers::Equals( describe( RtMapStyle::statusColor( RtFeatureStatus::Blocked ) ) ) );
  CHECK( RtLayerBinding::stored( zones ).has_value() );
  CHECK_FALSE( project.isDirty() );
}

TEST_CASE( "a layer whose CRS puts it far from Móng Cái is not bound, and the message names the likely CRS", "[plugin][edit]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsVectorLayer zones( fx.layerSource( QStringLiteral( "zones" ) ), QStringLiteral( "zones" ), QStringLiteral( "ogr" ) );
  REQUIRE( zones.isValid() );
  // The zones' VN-2000 / TM-3 metres in a layer that says it is in degrees (WGS 84).
  QgsFields fields;
  fields.append( QgsField( QStringLiteral( "code" ), QVariant::String ) );
  std::unique_ptr<QgsVectorLayer> wrong( QgsMemoryProviderUtils::createMemoryLayer( QStringLiteral( "phan_khu" ), fields, zones.wkbType(),
                                         QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ) ) );
  REQUIRE( wrong );
  QgsFeatureList features = copyFeatures( zones, fields, []( const QgsFeature &f ) { return QgsAttributes() << f.attribute( QStringLiteral( "code" ) ); } );
  REQUIRE( wrong->dataProvider()->addFeatures( features ) );
  wrong->updateExtents();
  QgsProject project;
  QgsVectorLayer *layer = wrong.release();
  project.addMapLayer( layer );
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  const QgsFeatureRenderer *before = layer->renderer();

  const RtResult<RtLayerBinding *> bound = tracker.bindLayer( layer, zoneBinding() );
  REQUIRE_FALSE( bound.ok() );
  INFO( bound.error().toStdString() );
  CHECK( bound.error().contains( QStringLiteral( "phan_khu" ) ) );
  CHECK( bound.error().contains( QStringLiteral( "EPSG:5899" ) ) ); // the CRS the numbers fit
  CHECK( tracker.bindings().isEmpty() );
  CHECK( layer->renderer() == before );  // the layer is left as it was
  CHECK_FALSE( RtLayerBinding::stored( layer ).has_value() );

  // Given its right CRS, the same layer binds.
  layer->setCrs( zones.crs() );
  CHECK( tracker.bindLayer( layer, zoneBinding() ).ok() );
}

namespace
{
  /**
   * A cadastre-sized layer: \a count small parcels on a grid over the wards of 2023, keyed
   * as cadastres are (commune code, map sheet, parcel number: ma_xa, so_to, so_thua), the
   * \a i-th one "communes[i % n] / 1 + (i / n) % 50 / 1 + i / (50 n)", written with GDAL to
   * \a path (table thua_dat).
   */
  bool writeParcels( const QString &path, const QStringList &communes, const QgsRectangle &extent, int count )
  {
    GDALDriverH driver = GDALGetDriverByName( "GPKG" );
    GDALDatasetH ds = driver ? GDALCreate( driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr ) : nullptr;
    if ( !ds )
      return false;
    OGRSpatialReferenceH srs = OSRNewSpatialReference( nullptr );
    OSRImportFromEPSG( srs, 5899 );
    OGRLayerH layer = GDALDatasetCreateLayer( ds, "thua_dat", srs, wkbPolygon, nullptr );
    OSRRelease( srs );
    for ( const auto &def : { std::make_pair( "ma_xa", OFTString ), std::make_pair( "so_to", OFTInteger ), std::make_pair( "so_thua", OFTInteger ) } )
    {
      OGRFieldDefnH field = OGR_Fld_Create( def.first, def.second );
      OGR_L_CreateField( layer, field, TRUE );
      OGR_Fld_Destroy( field );
    }
    GDALDatasetStartTransaction( ds, FALSE );
    const int side = static_cast<int>( std::ceil( std::sqrt( static_cast<double>( count ) ) ) );
    const double dx = extent.width() / side, dy = extent.height() / side;
    bool ok = true;
    for ( int i = 0; i < count && ok; ++i )
    {
      const double x = extent.xMinimum() + ( i % side ) * dx, y = extent.yMinimum() + ( i / side ) * dy;
      OGRFeatureH f = OGR_F_Create( OGR_L_GetLayerDefn( layer ) );
      const int n = static_cast<int>( communes.size() );
      OGR_F_SetFieldString( f, 0, communes.at( i % n ).toUtf8().constData() );
      OGR_F_SetFieldInteger( f, 1, 1 + ( i / n ) % 50 );
      OGR_F_SetFieldInteger( f, 2, 1 + i / ( 50 * n ) );
      const QByteArray wkt = QStringLiteral( "POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))" )
                             .arg( x, 0, 'f', 2 ).arg( y, 0, 'f', 2 ).arg( x + dx * 0.8, 0, 'f', 2 ).arg( y + dy * 0.8, 0, 'f', 2 ).toUtf8();
      OGRGeometryH g = nullptr;
      char *text = const_cast<char *>( wkt.constData() );
      ok = OGR_G_CreateFromWkt( &text, nullptr, &g ) == OGRERR_NONE && OGR_F_SetGeometryDirectly( f, g ) == OGRERR_NONE
           && OGR_L_CreateFeature( layer, f ) == OGRERR_NONE;
      OGR_F_Destroy( f );
    }
    ok = ok && GDALDatasetCommitTransaction( ds ) == OGRERR_NONE;
    GDALClose( ds );
    return ok;
  }
}

TEST_CASE( "a cadastre-sized layer is bound in the background while QGIS keeps serving events", "[plugin][edit][big]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsProject project;
  QgsVectorLayer *wards = addSampleLayer( project, fx, QStringLiteral( "wards_2023" ), QStringLiteral( "wards" ) );
  QStringList communes;
  {
    QgsFeatureIterator it = wards->getFeatures();
    QgsFeature f;
    while ( it.nextFeature( f ) )
      communes << f.attribute( QStringLiteral( "gso_code" ) ).toString();
  }
  REQUIRE( communes.size() == 17 );
  const int count = RtTracker::backgroundThreshold() + 30000;
  const QString path = fx.dir.filePath( QStringLiteral( "thua_dat.gpkg" ) );
  REQUIRE( writeParcels( path, communes, wards->extent(), count ) );
  auto *parcels = new QgsVectorLayer( path + QStringLiteral( "|layername=thua_dat" ), QStringLiteral( "thua_dat" ), QStringLiteral( "ogr" ) );
  REQUIRE( parcels->isValid() );
  REQUIRE( parcels->featureCount() == count );
  project.addMapLayer( parcels );

  // Land officers' dossiers on a few parcels: A3's plan (in progress) on two, a directive
  // (no report) on one of them and on a third.
  const QString p1 = QStringLiteral( "parcel:%1/3/2" ).arg( communes.at( 5 ) ), p2 = QStringLiteral( "parcel:%1/7/1" ).arg( communes.at( 0 ) ),
                p3 = QStringLiteral( "parcel:%1/50/1" ).arg( communes.at( 16 ) );
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( fx.registerPath, true );
    REQUIRE( store.ok() );
    for ( const auto &link : { std::make_pair( QStringLiteral( "CM-QHPK-A3" ), QStringList { p1, p2 } ),
                               std::make_pair( QStringLiteral( "DT-05-i1" ), QStringList { p2, p3 } ) } )
    {
      const RtResult<RtTask> task = store.value()->task( link.first );
      REQUIRE( task.ok() );
      REQUIRE( store.value()->setTaskPlaces( link.first, task.value().places + link.second, task.value().places ).ok() );
    }
  }
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  RtKeyBinding byParcel;
  byParcel.kind = QStringLiteral( "parcel" );
  byParcel.fields = QStringList { QStringLiteral( "ma_xa" ), QStringLiteral( "so_to" ), QStringLiteral( "so_thua" ) };

  QString error = QStringLiteral( "(not answered)" );
  int answers = 0;
  QObject::connect( &tracker, &RtTracker::layerBound, [&]( QgsVectorLayer *layer, const QString &e )
  {
    if ( layer == parcels )
    {
      error = e;
      ++answers;
    }
  } );
  auto waitForAnswer = [&]( int timeoutMs ) -> int
  {
    // Counts the event-loop turns a 5 ms timer gets while the keys are read.
    int ticks = 0;
    QTimer ticker;
    QObject::connect( &ticker, &QTimer::timeout, [&] { ++ticks; } );
    ticker.start( 5 );
    QElapsedTimer waited;
    waited.start();
    while ( answers == 0 && waited.elapsed() < timeoutMs )
      QCoreApplication::processEvents( QEventLoop::AllEvents, 20 );
    return ticks;
  };

  SECTION( "bound: every parcel shows its commune's status" )
  {
    tracker.bindLayerLater( parcels, byParcel );
    CHECK( tracker.isBinding( parcels ) );
    CHECK( tracker.binding( parcels ) == nullptr ); // not before its keys are read
    const int ticks = waitForAnswer( 120000 );
    REQUIRE( answers == 1 );
    INFO( error.toStdString() );
    REQUIRE( error.isEmpty() );
    CHECK( ticks >= 3 ); // the main thread kept turning while the task read
    CHECK_FALSE( tracker.isBinding( parcels ) );
    RtLayerBinding *bound = tracker.binding( parcels );
    REQUIRE( bound );
    CHECK( bound->featureCount() == count );
    CHECK( dynamic_cast<RtStatusRenderer *>( parcels->renderer() ) );
    CHECK( RtLayerBinding::stored( parcels ).has_value() );
    CHECK( bound->result().unmatched.isEmpty() );
    CHECK( bound->result().ambiguous.isEmpty() );
    // The same as reading the keys on the main thread, feature by feature.
    QgsVectorLayer direct( path + QStringLiteral( "|layername=thua_dat" ), QStringLiteral( "direct" ), QStringLiteral( "ogr" ) );
    RtLayerBinding reference( &direct, byParcel );
    REQUIRE( reference.readKeys().ok() );
    reference.update( tracker.tasksAsOf(), tracker.asOf() );
    int linked = 0, wrong = 0;
    for ( const RtFeatureResult &r : reference.result().features )
    {
      linked += r.taskCount > 0;
      wrong += bound->statusOfFeature( r.fid ) != r.status || bound->tasksOfFeature( r.fid ) != r.taskIds;
    }
    CHECK( linked == 3 );
    CHECK( wrong == 0 );
    auto statusOf = [&]( const QString &place )
    {
      const QStringList key = place.mid( 7 ).split( QLatin1Char( '/' ) );
      QgsFeatureIterator it = parcels->getFeatures( QgsFeatureRequest().setFilterExpression(
                                QStringLiteral( "ma_xa = '%1' AND so_to = %2 AND so_thua = %3" ).arg( key.at( 0 ), key.at( 1 ), key.at( 2 ) ) ) );
      QgsFeature f;
      return it.nextFeature( f ) ? bound->statusOfFeature( f.id() ) : RtFeatureStatus::None;
    };
    CHECK( statusOf( p1 ) == RtFeatureStatus::InProgress );
    CHECK( statusOf( p2 ) == RtFeatureStatus::InProgress );  // in progress + no report
    CHECK( statusOf( p3 ) == RtFeatureStatus::NoReport );
  }
  SECTION( "unbound before the keys are read: cancelled, the layer left as it was" )
  {
    const QgsFeatureRenderer *before = parcels->renderer();
    tracker.bindLayerLater( parcels, byParcel );
    REQUIRE( tracker.isBinding( parcels ) );
    tracker.unbindLayer( parcels );
    CHECK_FALSE( tracker.isBinding( parcels ) );
    waitForAnswer( 3000 );
    CHECK( answers == 0 ); // no late binding
    CHECK( tracker.binding( parcels ) == nullptr );
    CHECK( parcels->renderer() == before );
    CHECK_FALSE( RtLayerBinding::stored( parcels ).has_value() );
  }
}

TEST_CASE( "the units of 2025 show the tasks stated for the communes of 2023, through the sample's key map", "[plugin][edit][units]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  QgsProject project;
  QgsVectorLayer *wards2023 = addSampleLayer( project, fx, QStringLiteral( "wards_2023" ), QStringLiteral( "wards_2023" ) );
  QgsVectorLayer *units2025 = addSampleLayer( project, fx, QStringLiteral( "wards_2025" ), QStringLiteral( "wards_2025" ) );
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
  CHECK( tracker.restoreBindings().isEmpty() );
  RtLayerBinding *binding = tracker.binding( units2025 );
  REQUIRE( binding );
  CHECK( binding->binding().keyMapSource.toField == QStringLiteral( "gso_code_2025" ) );
  CHECK( binding->binding().keyMap.size() == 17 );
  CHECK( binding->result().unmatched.isEmpty() );

  // Expected, from the attribute tables and the register alone: a unit counts the tasks
  // that name any commune of 2023 it absorbed.
  QHash<QString, QString> unitOf2023;
  {
    QgsFeatureIterator it = wards2023->getFeatures();
    QgsFeature f;
    while ( it.nextFeature( f ) )
      unitOf2023.insert( f.attribute( QStringLiteral( "gso_code" ) ).toString(), f.attribute( QStringLiteral( "gso_code_2025" ) ).toString() );
  }
  int unitsWithTasks = 0;
  QgsFeatureId someUnit = FID_NULL;
  QgsFeatureIterator it = units2025->getFeatures();
  QgsFeature unit;
  while ( it.nextFeature( unit ) )
  {
    someUnit = unit.id();
    const QString code = unit.attribute( QStringLiteral( "gso_code" ) ).toString();
    RtStatusCounts counts;
    QStringList ids;
    for ( const RtTask &t : tracker.tasksAsOf() )
    {
      bool linked = false;
      for ( const QString &place : t.places )
        linked = linked || ( place.startsWith( QLatin1String( "ward:" ) ) && unitOf2023.value( place.mid( 5 ) ) == code );
      if ( !linked )
        continue;
      ids << t.id;
      counts.add( t.status, t.deadline.kind() == RtDeadline::Kind::Date && RtStatuses::isOverdue( t.status, t.deadline.date(), tracker.asOf() ) );
    }
    INFO( code.toStdString() );
    CHECK( binding->tasksOfFeature( unit.id() ) == ids );
    CHECK( binding->statusOfFeature( unit.id() ) == RtJoin::aggregate( counts ) );
    unitsWithTasks += ids.isEmpty() ? 0 : 1;
  }
  CHECK( unitsWithTasks >= 3 );

  // The binding, key map included, is saved with the project; place names stay those of 2023.
  const std::optional<RtKeyBinding> stored = RtLayerBinding::stored( units2025 );
  REQUIRE( stored.has_value() );
  CHECK( stored->keyMapSource == binding->binding().keyMapSource );
  const QHash<QString, QString> names = tracker.placeNames();
  for ( auto n = names.cbegin(); n != names.cend(); ++n )
    CHECK_FALSE( n.value().startsWith( QStringLiteral( "Móng Cái" ) ) );

  // Features of the 2025 units cannot be linked to a task stated in 2023 terms.
  bool stale = false;
  const RtStatusResult linked = tracker.setFeaturesLinked( QStringLiteral( "CM-QHPK-A3" ), units2025, { someUnit }, true, &stale );
  CHECK_FALSE( linked.ok() );
  CHECK( linked.error().contains( QStringLiteral( "key map" ) ) );
}

TEST_CASE( "the bind dialog shows and saves a binding's key map", "[plugin][edit][units]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  // The dialog's layer lists are those of the current project.
  QgsProject *project = QgsProject::instance();
  QgsVectorLayer *wards2023 = addSampleLayer( *project, fx, QStringLiteral( "wards_2023" ), QStringLiteral( "wards_2023" ) );
  QgsVectorLayer *units2025 = addSampleLayer( *project, fx, QStringLiteral( "wards_2025" ), QStringLiteral( "wards_2025" ) );
  {
    RtTracker tracker( project );
    REQUIRE( tracker.openRegister( fx.registerPath ).ok() );
    RtBindDialog dialog( &tracker, units2025 );
    auto *group = dialog.findChild<QGroupBox *>( QStringLiteral( "RtBindKeyMap" ) );
    auto *table = dialog.findChild<QgsMapLayerComboBox *>( QStringLiteral( "RtBindKeyMapLayer" ) );
    auto *from = dialog.findChild<QgsFieldComboBox *>( QStringLiteral( "RtBindKeyMapFrom" ) );
    auto *to = dialog.findChild<QgsFieldComboBox *>( QStringLiteral( "RtBindKeyMapTo" ) );
    auto *report = dialog.findChild<QPlainTextEdit *>( QStringLiteral( "RtBindReport" ) );
    REQUIRE( group );
    REQUIRE( table );
    REQUIRE( from );
    REQUIRE( to );
    REQUIRE( report );
    // The sample's units of 2025 come with their key map filled in.
    CHECK( group->isChecked() );
    CHECK( table->currentLayer() == wards2023 );
    CHECK( from->currentField() == QStringLiteral( "gso_code" ) );
    CHECK( to->currentField() == QStringLiteral( "gso_code_2025" ) );
    CHECK( dialog.keyBinding().keyMapSource.spec == QStringLiteral( "|layername=wards_2023" ) );
    INFO( report->toPlainText().toStdString() );
    CHECK_FALSE( report->toPlainText().contains( QStringLiteral( "land on no feature" ) ) );
    // Without it, the tasks' 2023 codes mostly land nowhere, and the preview says so.
    group->setChecked( false );
    CHECK( report->toPlainText().contains( QStringLiteral( "land on no feature" ) ) );
    group->setChecked( true );
    dialog.accept();
    RtLayerBinding *bound = tracker.binding( units2025 );
    REQUIRE( bound );
    CHECK( bound->binding().keyMap.size() == 17 );
    CHECK( RtLayerBinding::stored( units2025 )->keyMapSource.toField == QStringLiteral( "gso_code_2025" ) );
  }
  project->clear();
}

TEST_CASE( "the panel's resolution choice filters the tasks the bound layer shows and is saved in the project", "[plugin][resolutions]" )
{
  Fixture fx;
  REQUIRE( fx.make() );
  // A second resolution added through the core path (`restrack add-resolution`): its own
  // CM-QHPK-A3 (blocked) on zone A3, where 172's plan is in progress.
  const QString storeData = RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/store/" );
  int rc = -1;
  QString errors;
  RtMapTest::run( RtTestPaths::cliExecutable(), { QStringLiteral( "add-resolution" ), QStringLiteral( "--db" ), fx.registerPath,
                                                  QStringLiteral( "--text" ), storeData + QStringLiteral( "NQ-15-HDND-2024-test.txt" ),
                                                  QStringLiteral( "--register" ), storeData + QStringLiteral( "NQ-15-HDND-2024-test-register.json" ) },
                  &rc, &errors );
  INFO( errors.toStdString() );
  REQUIRE( rc == 0 );
  const QString projectPath = fx.dir.filePath( QStringLiteral( "session.qgs" ) );

  QString second;
  {
    QgsProject project;
    QgsVectorLayer *zones = addStyledZones( project, fx );
    RtTracker tracker( &project );
    REQUIRE( tracker.openRegister( fx.registerPath, true ).ok() );
    REQUIRE( tracker.resolutions().size() == 2 );
    CHECK( tracker.resolutions().at( 0 ).number == QStringLiteral( "172/NQ-HĐND" ) );
    second = tracker.resolutions().at( 1 ).number;
    CHECK( second.startsWith( QStringLiteral( "15/" ) ) );
    const RtResult<RtLayerBinding *> bound = tracker.bindLayer( zones, zoneBinding() );
    REQUIRE( bound.ok() );
    const QgsFeatureId a3 = fidOf( zones, QStringLiteral( "code" ), QStringLiteral( "A3" ) );
    REQUIRE( a3 != FID_NULL );
    const QString secondA3 = QStringLiteral( "CM-QHPK-A3@%1" ).arg( second );
    CHECK( bound.value()->tasksOfFeature( a3 ).contains( secondA3 ) );
    const int all = tracker.tasksAsOf().size();

    RtTaskDock dock( &tracker, nullptr );
    auto *choice = dock.findChild<QComboBox *>( QStringLiteral( "RtResolutionChoice" ) );
    REQUIRE( choice );
    REQUIRE( choice->count() == 3 );
    CHECK( choice->itemData( 0 ).toString().isEmpty() );
    CHECK( choice->itemText( 1 ).contains( QStringLiteral( "172/NQ-HĐND" ) ) );
    CHECK( choice->itemText( 1 ).contains( QStringLiteral( "13/10/2023" ) ) );
    CHECK( choice->itemData( 1, Qt::ToolTipRole ).toString() == tracker.resolutions().at( 0 ).title );
    CHECK( choice->itemData( 2 ).toString() == second );

    auto choose = [&]( int index )
    {
      choice->setCurrentIndex( index );
      emit choice->activated( index );
      tracker.syncLiveFields();
    };
    // 172 only: A3 is its plan, in progress; no task of 15 is listed.
    choose( 1 );
    CHECK( tracker.chosenResolutions() == QStringList { QStringLiteral( "172/NQ-HĐND" ) } );
    CHECK( tracker.tasksAsOf().size() < all );
    CHECK_FALSE( tracker.taskAsOf( secondA3 ) );
    CHECK_FALSE( tracker.binding( zones )->tasksOfFeature( a3 ).contains( secondA3 ) );
    CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "in_progress" ) );
    // 15 only: A3 is its blocked plan.
    choose( 2 );
    CHECK( tracker.chosenResolutions() == QStringList { second } );
    CHECK( tracker.taskAsOf( secondA3 ) );
    CHECK_FALSE( tracker.taskAsOf( QStringLiteral( "CM-QHPK-A3" ) ) );
    CHECK( tracker.binding( zones )->tasksOfFeature( a3 ) == QStringList { secondA3 } );
    CHECK( liveStatus( zones, a3, QStringLiteral( "rt_status_live" ) ) == QStringLiteral( "blocked" ) );
    CHECK( project.readListEntry( RtTracker::projectScope(), QStringLiteral( "/resolutions" ) ) == QStringList { second } );
    // A number the register does not hold is refused and changes nothing.
    CHECK_FALSE( tracker.setChosenResolutions( { QStringLiteral( "99/NQ-HĐND" ) } ).ok() );
    CHECK( tracker.chosenResolutions() == QStringList { second } );
    REQUIRE( project.write( projectPath ) );
  }

  // The choice comes back with the project.
  QgsProject project;
  RtTracker tracker( &project );
  REQUIRE( project.read( projectPath ) );
  CHECK( tracker.chosenResolutions() == QStringList { second } );
  CHECK( tracker.taskAsOf( QStringLiteral( "CM-QHPK-A3@%1" ).arg( second ) ) );
  CHECK_FALSE( tracker.taskAsOf( QStringLiteral( "CM-QHPK-A3" ) ) );
  // All again: every task, and nothing saved.
  REQUIRE( tracker.setChosenResolutions( {} ).ok() );
  CHECK( tracker.taskAsOf( QStringLiteral( "CM-QHPK-A3" ) ) );
  CHECK( project.readListEntry( RtTracker::projectScope(), QStringLiteral( "/resolutions" ) ).isEmpty() );
}
