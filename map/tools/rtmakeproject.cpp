// rtmakeproject: writes the QML styles of styles/ and the sample project data/mongcai.qgs
// with the QGIS API, so both are exactly what stock QGIS writes and reads.
//
//   rtmakeproject --styles DIR
//   rtmakeproject --project FILE.qgs --layers LAYERS.gpkg [--styles DIR] [--db REGISTER.gpkg]
//
// The project refers to the layers by a path relative to itself: write it next to the
// GeoPackage (data/). With --db it also holds the council-session layout as of the
// resolution's date. The styles are built into rtmap from styles/ (rtmapstyles.qrc); when
// a style changes, run --styles first, then rebuild.
#include "rtheadlessqgis.h"
#include "rtmapexport.h"
#include "rtmapstyle.h"
#include "rtstore.h"
#include "rtsummary.h"
#include "rttasksasof.h"

#include <qgsapplication.h>
#include <qgscoordinatereferencesystem.h>
#include <qgslayertree.h>
#include <qgslayertreelayer.h>
#include <qgsmemoryproviderutils.h>
#include <qgsproject.h>
#include <qgsprojectmetadata.h>
#include <qgsprojectviewsettings.h>
#include <qgsreferencedgeometry.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdio>
#include <gdal.h>

namespace
{
  void err( const QString &text )
  {
    std::fprintf( stderr, "rtmakeproject: %s\n", text.toUtf8().constData() );
  }

  //! A layer with the fields the style of \a kind uses, to save that style from.
  std::unique_ptr<QgsVectorLayer> templateLayer( RtMapStyle::LayerKind kind )
  {
    QString geometry = QStringLiteral( "MultiPolygon" );
    QStringList fields { QStringLiteral( "source" ) };
    switch ( kind )
    {
      case RtMapStyle::LayerKind::Border:
        geometry = QStringLiteral( "MultiLineString" );
        fields << QStringLiteral( "name" );
        break;
      case RtMapStyle::LayerKind::SiteLines:
        geometry = QStringLiteral( "MultiLineString" );
        fields << QStringLiteral( "site_id" ) << QStringLiteral( "name_vi" ) << QStringLiteral( "name_en" ) << QStringLiteral( "kind" );
        break;
      case RtMapStyle::LayerKind::Sites:
        fields << QStringLiteral( "site_id" ) << QStringLiteral( "name_vi" ) << QStringLiteral( "name_en" ) << QStringLiteral( "kind" );
        break;
      case RtMapStyle::LayerKind::Wards:
      case RtMapStyle::LayerKind::Wards2025:
        fields << QStringLiteral( "gso_code" ) << QStringLiteral( "name" );
        break;
      case RtMapStyle::LayerKind::Zones:
        fields << QStringLiteral( "code" ) << QStringLiteral( "name" );
        break;
      case RtMapStyle::LayerKind::Land:
        break;
    }
    if ( RtMapStyle::hasStatus( kind ) )
      fields << QStringLiteral( "rt_status" ) << QStringLiteral( "rt_tasks" );
    QString uri = geometry + QStringLiteral( "?crs=EPSG:5899" );
    for ( const QString &f : fields )
      uri += QStringLiteral( "&field=%1:string" ).arg( f );
    return std::make_unique<QgsVectorLayer>( uri, RtMapStyle::tableName( kind ), QStringLiteral( "memory" ) );
  }

  bool writeStyles( const QString &dir )
  {
    if ( !QDir().mkpath( dir ) )
    {
      err( QStringLiteral( "%1: cannot create the folder" ).arg( dir ) );
      return false;
    }
    for ( RtMapStyle::LayerKind kind : RtMapStyle::allKinds() )
    {
      for ( bool print : { false, true } )
      {
        if ( print && !RtMapStyle::hasStatus( kind ) )
          continue;
        std::unique_ptr<QgsVectorLayer> layer = templateLayer( kind );
        RtMapStyle::applyGenerated( layer.get(), kind, print );
        const QString path = QStringLiteral( "%1/%2.qml" ).arg( dir, RtMapStyle::styleName( kind, print ) );
        bool ok = false;
        const QString message = layer->saveNamedStyle( path, ok, QgsMapLayer::Symbology | QgsMapLayer::Labeling );
        if ( !ok )
        {
          err( QStringLiteral( "%1: %2" ).arg( path, message ) );
          return false;
        }
        std::printf( "wrote %s\n", path.toUtf8().constData() );
      }
    }
    return true;
  }

  bool writeProject( const QString &projectPath, const QString &layersPath, const QString &stylesDir, const QString &registerPath )
  {
    QgsProject project;
    const QgsCoordinateReferenceSystem crs( QStringLiteral( "EPSG:5899" ) );
    project.setCrs( crs );
    project.setEllipsoid( QStringLiteral( "EPSG:7030" ) ); // VN-2000 uses the WGS 84 ellipsoid
    project.setTitle( QStringLiteral( "Móng Cái — Nghị quyết 172/NQ-HĐND (Resolution Tracker)" ) );
    project.setBackgroundColor( QColor( 220, 235, 242 ) );
    project.setFilePathStorage( Qgis::FilePathType::Relative );
    QgsProjectMetadata metadata = project.metadata();
    metadata.setAbstract( QStringLiteral( "Các nhiệm vụ của Nghị quyết 172/NQ-HĐND ngày 13/10/2023 của HĐND thành phố Móng Cái "
                                          "trên bản đồ, tô màu theo trạng thái (trường rt_status). Sơ đồ minh họa, không phải ranh giới pháp lý. / "
                                          "The tasks of resolution 172/NQ-HĐND on the map, coloured by status (field rt_status). "
                                          "Illustrative diagram, not a legal boundary." ) );
    metadata.setAuthor( QStringLiteral( "Resolution Tracker" ) );
    project.setMetadata( metadata );

    const QString absoluteLayers = QFileInfo( layersPath ).absoluteFilePath();
    QgsRectangle extent;
    QMap<RtMapStyle::LayerKind, QgsVectorLayer *> byKind;
    QList<QgsVectorLayer *> mapLayers;
    for ( RtMapStyle::LayerKind kind : RtMapStyle::allKinds() )
    {
      const QString uri = QStringLiteral( "%1|layername=%2" ).arg( absoluteLayers, RtMapStyle::tableName( kind ) );
      auto layer = std::make_unique<QgsVectorLayer>( uri, RtMapStyle::layerTitle( kind ), QStringLiteral( "ogr" ) );
      if ( !layer->isValid() )
      {
        err( QStringLiteral( "%1: no valid table '%2'; skipped" ).arg( layersPath, RtMapStyle::tableName( kind ) ) );
        continue;
      }
      const QString styleError = RtMapStyle::applyQml( layer.get(), kind, false, stylesDir );
      if ( !styleError.isEmpty() )
      {
        err( styleError );
        return false;
      }
      if ( RtMapStyle::hasStatus( kind ) && layer->geometryType() == QgsWkbTypes::PolygonGeometry )
      {
        if ( extent.isNull() )
          extent = layer->extent();
        else
          extent.combineExtentWith( layer->extent() );
      }
      QgsVectorLayer *raw = layer.release();
      project.addMapLayer( raw, false );
      QgsLayerTreeLayer *node = project.layerTreeRoot()->insertLayer( 0, raw ); // allKinds() is bottom first
      // The 2025 units are there to compare with; the resolution's map is of the 2023 units.
      node->setItemVisibilityChecked( kind != RtMapStyle::LayerKind::Wards2025 );
      if ( kind != RtMapStyle::LayerKind::Wards2025 )
        mapLayers.prepend( raw );
      byKind.insert( kind, raw );
    }
    if ( !extent.isNull() )
    {
      extent.scale( 1.06 );
      project.viewSettings()->setDefaultViewExtent( QgsReferencedRectangle( extent, crs ) );
    }

    if ( !registerPath.isEmpty() )
    {
      // The council layout as of the resolution's date: what the sample layers' rt_status fields hold.
      RtResult<std::unique_ptr<RtStore>> store = RtStore::open( registerPath, false );
      if ( !store.ok() )
      {
        err( store.error() );
        return false;
      }
      RtMapLayoutContent content;
      content.document = store.value()->document();
      const RtResult<QVector<RtTask>> tasks = RtTasksAsOf::read( *store.value(), RtTasksAsOf::earliest( content.document ) );
      if ( !tasks.ok() )
      {
        err( tasks.error() );
        return false;
      }
      content.summary = RtSummary::compute( tasks.value(), content.document.date );
      content.mapLayers = mapLayers;
      content.layersByKind = byKind;
      content.registerName = QFileInfo( registerPath ).fileName();
      content.contextLabels = false; // a memory layer would come back empty from the project
      for ( QgsVectorLayer *l : std::as_const( mapLayers ) )
      {
        const int index = l->fields().lookupField( QStringLiteral( "source" ) );
        if ( index < 0 )
          continue;
        for ( const QVariant &v : l->uniqueValues( index ) )
        {
          content.layerSources << v.toString();
          content.schematic = content.schematic || v.toString().startsWith( QLatin1String( "schematic" ) );
        }
      }
      content.layerSources.removeDuplicates();
      const RtResult<QgsPrintLayout *> layout = RtMapExport::createLayout( &project, content );
      if ( !layout.ok() )
      {
        err( layout.error() );
        return false;
      }
    }

    if ( !project.write( projectPath ) )
    {
      err( QStringLiteral( "%1: %2" ).arg( projectPath, project.error() ) );
      return false;
    }
    // The layout legend's own layer tree is written with absolute sources (QGIS 3.22 does
    // not pass the project's path resolver there); QGIS finds those layers by id, so make
    // the paths relative like the rest and the file carries no path of this machine.
    QFile file( projectPath );
    if ( !file.open( QIODevice::ReadOnly ) )
    {
      err( QStringLiteral( "%1: cannot read back (%2)" ).arg( projectPath, file.errorString() ) );
      return false;
    }
    QByteArray text = file.readAll();
    file.close();
    const QString layersDir = QFileInfo( absoluteLayers ).absolutePath();
    text.replace( QStringLiteral( "source=\"%1/" ).arg( layersDir ).toUtf8(), QByteArrayLiteral( "source=\"./" ) );
    if ( !file.open( QIODevice::WriteOnly | QIODevice::Truncate ) || file.write( text ) != text.size() )
    {
      err( QStringLiteral( "%1: cannot write (%2)" ).arg( projectPath, file.errorString() ) );
      return false;
    }
    file.close();
    std::printf( "wrote %s (%d layers)\n", projectPath.toUtf8().constData(), static_cast<int>( project.mapLayers().size() ) );
    return true;
  }
}

int main( int argc, char *argv[] )
{
  RtHeadlessQgis qgis( argc, argv, QStringLiteral( "rtmakeproject" ) );
  if ( !qgis.ok() )
  {
    err( qgis.error() );
    return 1;
  }

  QString stylesDir, projectPath, layersPath, registerPath;
  const QStringList args = QCoreApplication::arguments().mid( 1 );
  for ( int i = 0; i + 1 < args.size(); i += 2 )
  {
    if ( args[i] == QLatin1String( "--styles" ) )
      stylesDir = args[i + 1];
    else if ( args[i] == QLatin1String( "--project" ) )
      projectPath = args[i + 1];
    else if ( args[i] == QLatin1String( "--layers" ) )
      layersPath = args[i + 1];
    else if ( args[i] == QLatin1String( "--db" ) )
      registerPath = args[i + 1];
    else
    {
      err( QStringLiteral( "unknown option %1" ).arg( args[i] ) );
      return 2;
    }
  }
  if ( args.size() % 2 || ( stylesDir.isEmpty() && projectPath.isEmpty() ) || ( !projectPath.isEmpty() && layersPath.isEmpty() ) )
  {
    err( QStringLiteral( "usage: rtmakeproject --styles DIR | --project FILE.qgs --layers LAYERS.gpkg [--styles DIR] [--db REGISTER.gpkg]" ) );
    return 2;
  }
  int rc = 0;
  // With --project, --styles names the QMLs to use; alone, it is where to write them.
  if ( projectPath.isEmpty() )
    rc = writeStyles( stylesDir ) ? 0 : 1;
  else
    rc = writeProject( projectPath, layersPath, stylesDir, registerPath ) ? 0 : 1;
  return rc;
}
