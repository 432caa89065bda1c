// rt_pack_bench: the session pack (17 wards + 5 zones + overview and the rest) against QGIS's
// own atlas export of the same place template through QgsLayoutExporter (a memory coverage
// layer of the 17 wards and 5 zones, the map atlas-driven, the heading an expression) plus the
// overview page. One mode per process, so that peak memory is the mode's own:
//
//   rt_pack_bench pack  REGISTER.gpkg LAYERS.gpkg OUT.pdf
//   rt_pack_bench atlas REGISTER.gpkg LAYERS.gpkg OUT.pdf
//
// tests/bench/pack_bench.sh runs both, interleaved, and prints medians and the ratio.
#include "rtheadlessqgis.h"
#include "rtlayouttemplate.h"
#include "rtmaplayers.h"
#include "rtmapstyle.h"
#include "rtsessionpack.h"
#include "rttasksasof.h"

#include <qgslayoutatlas.h>
#include <qgslayoutexporter.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmap.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QElapsedTimer>
#include <cstdio>

namespace
{
  int atlas( const QString &db, const QString &layers, const QString &out )
  {
    const QDate asOf( 2025, 6, 30 );
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( db, false );
    if ( !store.ok() )
      return 1;
    RtResult<QVector<RtTask>> tasks = RtTasksAsOf::read( *store.value(), asOf );
    RtResult<RtMapLayerSet> set = RtMapLayerSet::load( layers, tasks.value(), asOf );
    if ( !set.ok() )
      return 1;
    QgsProject project;
    project.setCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:5899" ) ) );
    QList<QgsMapLayer *> mapLayers;
    QgsVectorLayer *wards = nullptr, *zones = nullptr;
    for ( RtMapLayer &l : set.value().layers )
    {
      if ( l.kind == RtMapStyle::LayerKind::Wards2025 )
        continue;
      RtMapStyle::applyQml( l.layer.get(), l.kind, false );
      QgsVectorLayer *layer = l.layer.release();
      project.addMapLayer( layer, false );
      mapLayers.prepend( layer );
      if ( l.kind == RtMapStyle::LayerKind::Wards ) wards = layer;
      if ( l.kind == RtMapStyle::LayerKind::Zones ) zones = layer;
    }
    // The coverage: the 17 wards and 5 zones in one memory layer.
    auto *coverage = new QgsVectorLayer( QStringLiteral( "Polygon?crs=%1&field=name:string" ).arg( wards->crs().authid() ), QStringLiteral( "places" ), QStringLiteral( "memory" ) );
    QgsFeatureList features;
    for ( QgsVectorLayer *source : { wards, zones } )
    {
      QgsFeatureIterator it = source->getFeatures();
      QgsFeature f;
      while ( it.nextFeature( f ) )
      {
        QgsFeature c( coverage->fields() );
        c.setAttributes( QgsAttributes() << f.attribute( QStringLiteral( "name" ) ) );
        c.setGeometry( f.geometry() );
        features << c;
      }
    }
    coverage->dataProvider()->addFeatures( features );
    project.addMapLayer( coverage, false );

    RtResult<RtLayoutTemplate> t = RtLayoutTemplate::load( &project, RtLayoutTemplate::builtIn( QStringLiteral( "pack-place" ) ), {} );
    RtResult<RtLayoutTemplate> overview = RtLayoutTemplate::load( &project, RtLayoutTemplate::builtIn( QStringLiteral( "pack-overview" ) ), {} );
    if ( !t.ok() || !overview.ok() )
      return 1;
    QgsPrintLayout *layout = t.value().layout();
    QgsLayoutItemMap *map = t.value().map( QStringLiteral( "map" ) );
    map->setCrs( project.crs() );
    map->setLayers( mapLayers );
    map->setKeepLayerSet( true );
    map->setAtlasDriven( true );
    map->setAtlasScalingMode( QgsLayoutItemMap::Auto );
    map->setAtlasMargin( 0.08 );
    t.value().label( QStringLiteral( "heading" ) )->setText( QStringLiteral( "[% \"name\" %]" ) );
    t.value().label( QStringLiteral( "page" ) )->setText( QStringLiteral( "[% @atlas_featurenumber %]/[% @atlas_totalfeatures %]" ) );
    layout->atlas()->setCoverageLayer( coverage );
    layout->atlas()->setEnabled( true );
    QgsLayoutItemMap *cityMap = overview.value().map( QStringLiteral( "map" ) );
    cityMap->setCrs( project.crs() );
    cityMap->setLayers( mapLayers );
    cityMap->setKeepLayerSet( true );
    cityMap->zoomToExtent( wards->extent() );

    QgsLayoutExporter::PdfExportSettings settings;
    settings.dpi = 300;
    settings.forceVectorOutput = true;
    settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
    QString error;
    QgsLayoutExporter::ExportResult r = QgsLayoutExporter::exportToPdf( layout->atlas(), out, settings, error );
    if ( r != QgsLayoutExporter::Success )
      return 1;
    QgsLayoutExporter overviewExporter( overview.value().layout() );
    r = overviewExporter.exportToPdf( out + QStringLiteral( ".overview.pdf" ), settings );
    std::printf( "atlas pages %d\n", layout->atlas()->count() );
    return r == QgsLayoutExporter::Success ? 0 : 1;
  }
}

int main( int argc, char *argv[] )
{
  RtHeadlessQgis qgis( argc, argv, QStringLiteral( "rt_pack_bench" ) );
  if ( !qgis.ok() || argc != 5 )
  {
    std::fprintf( stderr, "usage: rt_pack_bench pack|atlas REGISTER.gpkg LAYERS.gpkg OUT.pdf\n" );
    return 2;
  }
  const QString mode = QString::fromLocal8Bit( argv[1] );
  const QString db = QString::fromLocal8Bit( argv[2] ), layers = QString::fromLocal8Bit( argv[3] ), out = QString::fromLocal8Bit( argv[4] );
  QElapsedTimer timer;
  timer.start();
  int rc = 0;
  if ( mode == QLatin1String( "pack" ) )
  {
    RtSessionPackOptions options;
    options.registerPath = db;
    options.layersPath = layers;
    options.sessionDate = QDate( 2025, 6, 30 );
    options.outputPath = out;
    options.overwrite = true;
    const RtResult<RtSessionPackReport> report = RtSessionPack::make( options );
    rc = report.ok() ? 0 : 1;
    if ( report.ok() )
      std::printf( "pack pages %d\n", report.value().pages );
    else
      std::fprintf( stderr, "%s\n", report.error().toUtf8().constData() );
  }
  else
    rc = atlas( db, layers, out );
  std::printf( "%s wall %.2f s\n", mode.toUtf8().constData(), timer.elapsed() / 1000.0 );
  return rc;
}
