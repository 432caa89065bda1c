// The sample project data/mongcai.qgs as stock QGIS reads it: every layer valid, in
// EPSG:5899, styled by the QMLs of styles/, found through a path relative to the project.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtmapstyle.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgslayertreelayer.h>
#include <qgslayoutexporter.h>
#include <qgslayoutmanager.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QFile>
#include <QImage>

namespace
{
  QString projectPath() { return RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai.qgs" ); }

  QgsVectorLayer *layerOfTable( QgsProject &project, const QString &table )
  {
    for ( QgsMapLayer *l : project.mapLayers() )
      if ( l->source().endsWith( QStringLiteral( "|layername=" ) + table ) )
        return qobject_cast<QgsVectorLayer *>( l );
    return nullptr;
  }
}

TEST_CASE( "the sample project refers to its layers by relative paths only", "[project]" )
{
  const QString text = QString::fromUtf8( rtReadAll( projectPath() ) );
  REQUIRE( !text.isEmpty() );
  CHECK( text.contains( QStringLiteral( "./mongcai-layers.gpkg|layername=wards_2023" ) ) );
  // No path of the machine that wrote it.
  CHECK( !text.contains( QStringLiteral( "/tmp/" ) ) );
  CHECK( !text.contains( QStringLiteral( "/work/" ) ) );
  CHECK( !text.contains( QStringLiteral( "/home/" ) ) );
  CHECK( text.contains( QStringLiteral( "EPSG:5899" ) ) );
}

TEST_CASE( "the sample project opens with every layer valid and styled", "[project]" )
{
  RtMapTest::requireLayers();
  // A copy in a temporary folder: proves the relative paths, and QGIS never touches data/.
  QTemporaryDir dir;
  REQUIRE( QFile::copy( projectPath(), dir.filePath( QStringLiteral( "mongcai.qgs" ) ) ) );
  REQUIRE( QFile::copy( RtMapTest::layersPath(), dir.filePath( QStringLiteral( "mongcai-layers.gpkg" ) ) ) );

  QgsProject project;
  REQUIRE( project.read( dir.filePath( QStringLiteral( "mongcai.qgs" ) ) ) );
  CHECK( project.crs().authid() == QStringLiteral( "EPSG:5899" ) );
  CHECK( project.mapLayers().size() == RtMapStyle::allKinds().size() );

  for ( RtMapStyle::LayerKind kind : RtMapStyle::allKinds() )
  {
    const QString table = RtMapStyle::tableName( kind );
    INFO( table.toStdString() );
    QgsVectorLayer *layer = layerOfTable( project, table );
    REQUIRE( layer );
    CHECK( layer->isValid() );
    CHECK( layer->featureCount() > 0 );
    CHECK( layer->crs().authid() == QStringLiteral( "EPSG:5899" ) );
    CHECK( layer->source().startsWith( dir.path() ) ); // resolved next to the project copy
    CHECK( layer->name() == RtMapStyle::layerTitle( kind ) );
    REQUIRE( layer->renderer() );
    if ( RtMapStyle::hasStatus( kind ) )
    {
      REQUIRE( layer->renderer()->type() == QStringLiteral( "categorizedSymbol" ) );
      const auto *r = static_cast<const QgsCategorizedSymbolRenderer *>( layer->renderer() );
      CHECK( r->classAttribute() == QStringLiteral( "rt_status" ) );
      CHECK( r->categories().size() == RtFeatureStatuses::all().size() + 1 ); // + features without a status
      CHECK( layer->labelsEnabled() );
      // The sample carries the statuses as of the resolution's date: the colours show without the plugin.
      const QString statusField = QStringLiteral( "rt_status" );
      CHECK( layer->fields().lookupField( statusField ) >= 0 );
    }
    else
    {
      CHECK( layer->renderer()->type() == QStringLiteral( "singleSymbol" ) );
    }
    const QgsLayerTreeLayer *node = project.layerTreeRoot()->findLayer( layer );
    REQUIRE( node );
    // The 2025 units are there to compare with, off by default.
    CHECK( node->isVisible() == ( kind != RtMapStyle::LayerKind::Wards2025 ) );
  }

  // The council layout travels with the project, and prints from it.
  REQUIRE( project.layoutManager()->printLayouts().size() == 1 );
  QgsPrintLayout *layout = project.layoutManager()->printLayouts().first();
  CHECK( layout->name().startsWith( QStringLiteral( "Bản đồ HĐND" ) ) );
  const QString png = dir.filePath( QStringLiteral( "layout.png" ) );
  QgsLayoutExporter::ImageExportSettings settings;
  settings.dpi = 40;
  REQUIRE( QgsLayoutExporter( layout ).exportToImage( png, settings ) == QgsLayoutExporter::Success );
  const QImage image = QImage( png ).convertToFormat( QImage::Format_RGB32 );
  REQUIRE( !image.isNull() );
  int white = 0;
  for ( int y = 0; y < image.height(); ++y )
    for ( int x = 0; x < image.width(); ++x )
      white += image.pixel( x, y ) == qRgb( 255, 255, 255 );
  CHECK( white < image.width() * image.height() / 2 ); // the map is drawn, not an empty page
}
