#include "rtmapexport.h"
#include "rtjoin.h"
#include "rtlocale.h"
#include "rtmaplayers.h"
#include "rtmapstyle.h"

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeedback.h>
#include <qgsfeature.h>
#include <qgsgeometry.h>
#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayoutexporter.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutmanager.h>
#include <qgslayoutmeasurement.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutsize.h>
#include <qgslayouttablecolumn.h>
#include <qgslayoututils.h>
#include <qgscategorizedsymbolrenderer.h>
#include <qgslegendrenderer.h>
#include <qgslegendstyle.h>
#include <qgsmaplayerlegend.h>
#include <qgsnullsymbolrenderer.h>
#include <qgspallabeling.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsprojectmetadata.h>
#include <qgsrendercontext.h>
#include <qgssymbollayerutils.h>
#include <qgstablecell.h>
#include <qgstextformat.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include <cpl_error.h>

#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QSet>

namespace
{
  // A3 landscape, in millimetres.
  constexpr double sPageWidth = 420;
  constexpr double sPageHeight = 297;
  constexpr double sMargin = 10;
  constexpr double sMapTop = 34;
  constexpr double sMapWidth = 278;
  constexpr double sMapBottom = 268;
  constexpr double sPanelLeft = sMargin + sMapWidth + 8;
  constexpr double sPanelWidth = sPageWidth - sMargin - sPanelLeft;
  constexpr double sPanelBottom = 282; // the maker's line is under it

  const QColor sInk( 26, 26, 26 );
  const QColor sSea( 220, 235, 242 );

  QString tr2( RtLang lang, const char *vi, const char *en )
  {
    return QString::fromUtf8( lang == RtLang::Vi ? vi : en );
  }

  // The map's dates stay day/month/year in both languages: the resolution is cited as
  // "172/NQ-HĐND of 13/10/2023", and `restrack export` (and its tests) give that text.
  // Counts follow the export's language (rtNumberText( n, lang )).
  QString dateText( const QDate &date )
  {
    return date.toString( QStringLiteral( "dd/MM/yyyy" ) );
  }

  QFont font( double points, bool bold = false, bool italic = false )
  {
    QFont f( RtMapStyle::fontFamily() );
    f.setPointSizeF( points );
    f.setBold( bold );
    f.setItalic( italic );
    return f;
  }

  QgsTextFormat textFormat( double points, bool bold = false, const QColor &color = sInk )
  {
    QgsTextFormat format;
    format.setFont( font( points, bold ) );
    format.setSize( points );
    format.setSizeUnit( QgsUnitTypes::RenderPoints );
    format.setColor( color );
    return format;
  }

  QgsLayoutItemLabel *addLabel( QgsLayout *layout, const QString &text, const QRectF &rect, const QFont &f,
                                Qt::AlignmentFlag hAlign = Qt::AlignLeft, const QString &id = QString() )
  {
    auto *label = new QgsLayoutItemLabel( layout );
    label->setText( text );
    label->setFont( f );
    label->setFontColor( sInk );
    label->setHAlign( hAlign );
    label->setVAlign( Qt::AlignTop );
    label->setMarginX( 0 );
    label->setMarginY( 0 );
    label->setId( id );
    layout->addLayoutItem( label );
    label->attemptSetSceneRect( rect );
    return label;
  }

  //! Height in mm a label of \a text needs in \a width (word-wrapped), with a little slack.
  double textHeight( const QString &text, const QFont &f, double width )
  {
    // QFont point sizes are 1/72 in; the layout works in mm: measure at 1 px = 0.1 mm.
    QFont scaled( f );
    scaled.setPixelSize( std::max( 1, static_cast<int>( std::lround( f.pointSizeF() * 25.4 / 72.0 * 10 ) ) ) );
    const QFontMetricsF metrics( scaled );
    const QRectF r = metrics.boundingRect( QRectF( 0, 0, width * 10, 100000 ), Qt::TextWordWrap, text );
    return r.height() / 10.0 + 1.0;
  }

  //! A manual table that can tell the frame height showing all its rows (the base class
  //! only measures existing frames).
  class FittedTable : public QgsLayoutItemManualTable
  {
    public:
      explicit FittedTable( QgsLayout *layout ) : QgsLayoutItemManualTable( layout ) {}

      double fittedHeight()
      {
        QgsRenderContext context = QgsLayoutUtils::createRenderContextForLayout( mLayout, nullptr );
        const int rows = mTableContents.count();
        double low = 0, high = 1000;
        for ( int i = 0; i < 30; ++i )
        {
          const double mid = ( low + high ) / 2;
          ( rowsVisible( context, mid, 0, true, false ) >= rows ? high : low ) = mid;
        }
        return high + 0.2;
      }
  };

  //! A table at (x, y), \a width wide, as high as its rows need; \a widths 0 takes the rest of the width.
  FittedTable *addTable( QgsLayout *layout, const QStringList &headings, QList<double> widths,
                         const QgsTableContents &rows, double x, double y, double width, const QString &id )
  {
    auto *table = new FittedTable( layout );
    constexpr double margin = 1.0, grid = 0.2;
    // Fixed column widths make long cells wrap; the free column gets what is left.
    double fixed = ( widths.size() + 1 ) * grid + widths.size() * 2 * margin;
    for ( double w : std::as_const( widths ) )
      fixed += w;
    for ( double &w : widths )
      if ( w <= 0 )
        w = width - fixed;
    QgsLayoutTableColumns columns;
    for ( int i = 0; i < headings.size(); ++i )
    {
      QgsLayoutTableColumn c( headings.at( i ) );
      c.setWidth( widths.value( i ) );
      columns << c;
    }
    table->setHeaders( columns );
    table->setIncludeTableHeader( true );
    table->setColumnWidths( widths );
    table->setHeaderTextFormat( textFormat( 7.5, true ) );
    table->setContentTextFormat( textFormat( 7.5 ) );
    table->setHeaderHAlignment( QgsLayoutTable::FollowColumn );
    table->setWrapBehavior( QgsLayoutTable::WrapText );
    table->setCellMargin( margin );
    table->setGridStrokeWidth( grid );
    table->setGridColor( QColor( 120, 120, 120 ) );
    table->setShowGrid( true );
    layout->addMultiFrame( table );
    auto *frame = new QgsLayoutFrame( layout, table );
    frame->setId( id );
    frame->attemptSetSceneRect( QRectF( x, y, width, 10 ) );
    table->addFrame( frame );
    table->setTableContents( rows );
    frame->attemptSetSceneRect( QRectF( x, y, width, table->fittedHeight() ) );
    table->recalculateFrameSizes();
    return table;
  }

  QgsTableCell cell( const QString &text, const QColor &background = QColor(), bool bold = false, Qt::Alignment align = Qt::AlignLeft )
  {
    QgsTableCell c( text );
    if ( background.isValid() )
      c.setBackgroundColor( background );
    if ( bold )
      c.setTextFormat( textFormat( 7.5, true ) );
    c.setHorizontalAlignment( align );
    return c;
  }

  RtFeatureStatus featureStatusOf( RtStatus status )
  {
    switch ( status )
    {
      case RtStatus::NotStarted: return RtFeatureStatus::NotStarted;
      case RtStatus::InProgress: return RtFeatureStatus::InProgress;
      case RtStatus::Done: return RtFeatureStatus::Done;
      case RtStatus::Blocked: return RtFeatureStatus::Blocked;
      case RtStatus::Dropped: return RtFeatureStatus::Dropped;
      case RtStatus::NoReport: return RtFeatureStatus::NoReport;
    }
    return RtFeatureStatus::NoReport;
  }

  //! The footer's source line, from the layers' "source" values and the register.
  QString sourcesText( const RtMapLayoutContent &c )
  {
    const RtLang lang = c.lang;
    QStringList parts;
    parts << tr2( lang, "Nghị quyết %1 ngày %2 của HĐND thành phố %3", "Resolution %1 of %2 of the %3 city council" )
             .arg( c.document.number, dateText( c.document.date ), c.document.place.isEmpty() ? QStringLiteral( "Móng Cái" ) : c.document.place );
    parts << tr2( lang, "trạng thái nhiệm vụ: sổ theo dõi %1", "task statuses: register %1" ).arg( c.registerName );
    bool gshhg = false, schematic = false;
    for ( const QString &s : c.layerSources )
    {
      gshhg = gshhg || s.contains( QLatin1String( "gshhg" ), Qt::CaseInsensitive );
      schematic = schematic || s.startsWith( QLatin1String( "schematic" ), Qt::CaseInsensitive );
    }
    if ( gshhg )
      parts << tr2( lang, "đường bờ biển và biên giới GSHHG 2.3.7 (LGPL)", "shoreline and border GSHHG 2.3.7 (LGPL)" );
    if ( schematic )
      parts << tr2( lang, "ranh giới phường, xã, phân khu và công trình: sơ đồ vẽ theo tài liệu công khai",
                    "boundaries of wards, zones and sites: diagrams drawn from public documents" );
    if ( c.units == 2025 )
      parts << tr2( lang, "đơn vị hành chính 2025 quy đổi từ mã phường, xã năm 2023 theo trường %1 của lớp %2",
                    "2025 units from the 2023 ward codes through the field %1 of the layer %2" )
               .arg( RtMapLayerSet::unitMapField(), RtMapStyle::tableName( RtMapStyle::LayerKind::Wards ) );
    parts << tr2( lang, "hệ tọa độ VN-2000 / TM-3 kinh tuyến trục 107°45′ (EPSG:5899)", "CRS VN-2000 / TM-3 107°45′ (EPSG:5899)" );
    return tr2( lang, "Nguồn: ", "Sources: " ) + parts.join( QStringLiteral( "; " ) ) + QLatin1Char( '.' );
  }

  void growExtent( QgsRectangle &extent, const QgsRectangle &more )
  {
    if ( more.isNull() || more.isEmpty() )
      return;
    if ( extent.isNull() )
      extent = more;
    else
      extent.combineExtentWith( more );
  }

  //! A layer's extent in the map's CRS (null when it cannot be transformed).
  QgsRectangle mapExtentOf( QgsVectorLayer *layer, const QgsCoordinateReferenceSystem &mapCrs, QgsProject *project )
  {
    if ( layer->crs() == mapCrs )
      return layer->extent();
    try
    {
      return QgsCoordinateTransform( layer->crs(), mapCrs, project->transformContext() ).transformBoundingBox( layer->extent() );
    }
    catch ( QgsCsException & )
    {
      return QgsRectangle();
    }
  }

  QString exportError( QgsLayoutExporter::ExportResult result )
  {
    switch ( result )
    {
      case QgsLayoutExporter::FileError: return QStringLiteral( "the file could not be written" );
      case QgsLayoutExporter::MemoryError: return QStringLiteral( "not enough memory for the image; lower the dpi" );
      case QgsLayoutExporter::PrintError: return QStringLiteral( "the PDF could not be created" );
      case QgsLayoutExporter::Canceled: return QStringLiteral( "canceled" );
      default: return QStringLiteral( "QgsLayoutExporter error %1" ).arg( static_cast<int>( result ) );
    }
  }

  /**
   * A label-only layer naming what lies around the city: the sample layers hold only the
   * Vietnamese side of the border, so without it China would read as sea. Points in WGS 84,
   * kept only when they fall inside \a extent (other cities' maps get none).
   */
  QgsVectorLayer *contextLabelLayer( QgsProject *project, const QgsRectangle &extent )
  {
    struct Place { double lon, lat; const char *name; double size; };
    static const Place sPlaces[] =
    {
      { 107.990, 21.588, "TRUNG QUỐC / CHINA", 11 },         // Đông Hưng (Dongxing), north of the Ka Long river
      { 108.035, 21.415, "Vịnh Bắc Bộ / Gulf of Tonkin", 9 }, // open sea south-east of Trà Cổ
    };
    const QgsCoordinateTransform toMap( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), project->crs(), project->transformContext() );
    auto layer = std::make_unique<QgsVectorLayer>( QStringLiteral( "Point?crs=%1&field=name:string&field=size:double" ).arg( project->crs().authid() ),
                 QStringLiteral( "context" ), QStringLiteral( "memory" ) );
    QgsFeatureList features;
    for ( const Place &p : sPlaces )
    {
      QgsPointXY point;
      try
      {
        point = toMap.transform( QgsPointXY( p.lon, p.lat ) );
      }
      catch ( QgsCsException & )
      {
        continue;
      }
      if ( !extent.contains( point ) )
        continue;
      QgsFeature f( layer->fields() );
      f.setAttributes( QgsAttributes() << QString::fromUtf8( p.name ) << p.size );
      f.setGeometry( QgsGeometry::fromPointXY( point ) );
      features << f;
    }
    if ( features.isEmpty() )
      return nullptr;
    layer->dataProvider()->addFeatures( features );
    layer->setRenderer( new QgsNullSymbolRenderer() );
    QgsPalLayerSettings s;
    s.fieldName = QStringLiteral( "name" );
    QgsTextFormat format = textFormat( 10, false, QColor( 90, 90, 90 ) );
    QFont f = format.font();
    f.setItalic( true ); // no letter spacing: QGIS 3.22 draws spaced text badly in PDFs
    format.setFont( f );
    QgsTextBufferSettings buffer;
    buffer.setEnabled( true );
    buffer.setSize( 0.8 );
    buffer.setColor( QColor( 255, 255, 255, 200 ) );
    format.setBuffer( buffer );
    s.setFormat( format );
    s.dataDefinedProperties().setProperty( QgsPalLayerSettings::Size, QgsProperty::fromField( QStringLiteral( "size" ) ) );
    s.placement = QgsPalLayerSettings::OverPoint;
    s.priority = 10;
    layer->setLabeling( new QgsVectorLayerSimpleLabeling( s ) );
    layer->setLabelsEnabled( true );
    QgsVectorLayer *raw = layer.release();
    project->addMapLayer( raw, false );
    return raw;
  }

  //! The index of the legend entry of \a status in a categorized layer's legend (-1: none).
  int legendIndexOf( QgsVectorLayer *layer, RtFeatureStatus status )
  {
    auto *r = dynamic_cast<QgsCategorizedSymbolRenderer *>( layer->renderer() );
    return r ? r->categoryIndexForValue( RtFeatureStatuses::code( status ) ) : -1;
  }

  /**
   * The legend: the status key once (the wards' symbols, every status), then one entry per
   * kind of feature (zones, sites, lines, border) saying how it is drawn. The palette is the
   * same on every layer, so repeating it per layer would only lengthen the legend.
   */
  void buildLegendTree( QgsLayoutItemLegend *legend, const RtMapLayoutContent &c )
  {
    QgsLayerTreeGroup *root = legend->model()->rootGroup();
    root->removeAllChildren();
    const RtLang lang = c.lang;
    if ( QgsVectorLayer *wards = c.layersByKind.value( RtMapStyle::LayerKind::Wards ) )
    {
      QgsLayerTreeLayer *node = root->addLayer( wards );
      node->setCustomProperty( QStringLiteral( "legend/title-label" ), tr2( lang, "Trạng thái thực hiện / Status", "Status / Trạng thái thực hiện" ) );
      QList<int> order;
      for ( RtFeatureStatus status : RtMapStyle::legendOrder() )
        if ( legendIndexOf( wards, status ) >= 0 )
          order << legendIndexOf( wards, status );
      QgsMapLayerLegendUtils::setLegendNodeOrder( node, order );
      legend->model()->refreshLayerLegend( node );
    }
    struct Entry { RtMapStyle::LayerKind kind; RtFeatureStatus sample; const char *vi; const char *en; };
    const Entry entries[] =
    {
      c.units == 2025 ? Entry { RtMapStyle::LayerKind::Wards, RtFeatureStatus::None, "Đơn vị hành chính 2025", "Administrative unit 2025" }
                      : Entry { RtMapStyle::LayerKind::Wards, RtFeatureStatus::None, "Phường, xã (2023)", "Ward or commune (2023)" },
      { RtMapStyle::LayerKind::Zones, RtFeatureStatus::None, "Phân khu quy hoạch (viền nét đứt)", "Zoning sub-plan (dashed outline)" },
      { RtMapStyle::LayerKind::Sites, RtFeatureStatus::None, "Công trình, khu vực (viền đậm)", "Site (bold outline)" },
      { RtMapStyle::LayerKind::SiteLines, RtFeatureStatus::NoReport, "Tuyến đường, cầu, chiếu sáng", "Road, bridge, lighting" },
      { RtMapStyle::LayerKind::Border, RtFeatureStatus::None, "Biên giới quốc gia", "International border" },
    };
    QgsLayerTreeGroup *kinds = root->addGroup( tr2( lang, "Đối tượng trên bản đồ / Features", "Features / Đối tượng trên bản đồ" ) );
    for ( const Entry &e : entries )
    {
      QgsVectorLayer *layer = c.layersByKind.value( e.kind );
      if ( !layer )
        continue;
      QgsLayerTreeLayer *node = kinds->addLayer( layer );
      QgsLegendRenderer::setNodeLegendStyle( node, QgsLegendStyle::Hidden ); // the entry's label says it all
      const int index = e.kind == RtMapStyle::LayerKind::Border ? 0 : legendIndexOf( layer, e.sample );
      if ( index < 0 )
        continue;
      QgsMapLayerLegendUtils::setLegendNodeOrder( node, { index } );
      QgsMapLayerLegendUtils::setLegendNodeUserLabel( node, index, QStringLiteral( "%1 / %2" ).arg( QString::fromUtf8( e.vi ), QString::fromUtf8( e.en ) ) );
      legend->model()->refreshLayerLegend( node );
    }
  }

  QString northArrowPath()
  {
    const QString path = QgsSymbolLayerUtils::svgSymbolNameToPath( QStringLiteral( "arrows/NorthArrow_02.svg" ), QgsPathResolver() );
    return QFileInfo::exists( path ) ? path : QString();
  }
}

QString RtMapExport::title( const RtDocumentInfo &document, const QDate &asOf, RtLang lang )
{
  return tr2( lang, "Nghị quyết số %1 ngày %2 — Tình hình thực hiện đến ngày %3",
              "Resolution No. %1 of %2 — Progress as of %3" )
         .arg( document.number, dateText( document.date ), dateText( asOf ) );
}

QString RtMapExport::schematicNotice()
{
  return QStringLiteral( "Sơ đồ minh họa, không phải ranh giới pháp lý / Illustrative diagram, not a legal boundary" );
}

QgsPrintLayout *RtMapExport::createLayout( QgsProject *project, const RtMapLayoutContent &c )
{
  const RtLang lang = c.lang;
  auto layout = std::make_unique<QgsPrintLayout>( project );
  layout->initializeDefaults();
  layout->setName( tr2( lang, "Bản đồ HĐND — %1", "Council map — %1" ).arg( c.document.number ) );
  layout->pageCollection()->page( 0 )->setPageSize( QgsLayoutSize( sPageWidth, sPageHeight, QgsUnitTypes::LayoutMillimeters ) );

  // Title band.
  addLabel( layout.get(), title( c.document, c.summary.asOf, lang ), QRectF( sMargin, 9, sPageWidth - 2 * sMargin, 10 ),
            font( 17, true ), Qt::AlignLeft, QStringLiteral( "title" ) );
  QString subtitle = c.document.title.isEmpty() ? QString()
                     : tr2( lang, "%1. Màu của mỗi địa bàn, phân khu, công trình: trạng thái các nhiệm vụ của Nghị quyết gắn với nó.",
                            "%1. Each ward, zone and site is coloured by the status of the resolution's tasks linked to it." ).arg( c.document.title );
  if ( c.units == 2025 )
  {
    // Say which units are shown: the register states its places by the 2023 wards.
    const QString units = tr2( lang, "Đơn vị hành chính 2025 (từ 1/7/2025): màu của mỗi đơn vị, phân khu, công trình là trạng thái các nhiệm vụ "
                               "gắn với nó; nhiệm vụ ghi theo phường, xã năm 2023 được tính cho đơn vị 2025 bao gồm phường, xã đó.",
                               "Administrative units 2025 (from 1/7/2025): each unit, zone and site is coloured by the status of the tasks "
                               "linked to it; a task stated for a 2023 ward or commune counts for the 2025 unit that includes it." );
    subtitle = c.document.title.isEmpty() ? units : QStringLiteral( "%1. %2" ).arg( c.document.title, units );
  }
  addLabel( layout.get(), subtitle, QRectF( sMargin, 20.5, sPageWidth - 2 * sMargin, 11 ), font( 8.5 ), Qt::AlignLeft, QStringLiteral( "subtitle" ) );

  // The map.
  auto *map = new QgsLayoutItemMap( layout.get() );
  map->setId( QStringLiteral( "map" ) );
  layout->addLayoutItem( map );
  map->attemptSetSceneRect( QRectF( sMargin, sMapTop, sMapWidth, sMapBottom - sMapTop ) );
  const QgsCoordinateReferenceSystem crs = project->crs();
  map->setCrs( crs );
  QList<QgsMapLayer *> mapLayers;
  QgsRectangle extent;
  for ( QgsVectorLayer *l : c.mapLayers )
  {
    mapLayers << l;
    // Frame the city (the status layers), not the whole GSHHG clip around it.
    if ( RtMapStyle::hasStatus( c.layersByKind.key( l, RtMapStyle::LayerKind::Land ) ) && l->featureCount() > 0
         && l->geometryType() == QgsWkbTypes::PolygonGeometry )
      growExtent( extent, mapExtentOf( l, crs, project ) );
  }
  if ( extent.isNull() )
    for ( QgsVectorLayer *l : c.mapLayers )
      growExtent( extent, mapExtentOf( l, crs, project ) );
  if ( !extent.isNull() )
    extent.scale( 1.06 );
  if ( c.contextLabels && !extent.isNull() )
    if ( QgsVectorLayer *context = contextLabelLayer( project, extent ) )
      mapLayers.prepend( context );
  map->setLayers( mapLayers );
  map->setKeepLayerSet( true );
  // A label the frame would cut is left out rather than printed half.
  map->setMapFlags( map->mapFlags() & ~QgsLayoutItemMap::ShowPartialLabels );
  map->setLabelMargin( QgsLayoutMeasurement( 1.5, QgsUnitTypes::LayoutMillimeters ) );
  if ( !extent.isNull() )
    map->zoomToExtent( extent );
  map->setBackgroundColor( sSea );
  map->setFrameEnabled( true );
  map->setFrameStrokeWidth( QgsLayoutMeasurement( 0.35, QgsUnitTypes::LayoutMillimeters ) );
  map->setFrameStrokeColor( sInk );

  // North arrow (top right of the map) and scale bar (bottom left), on white so they read over land and sea.
  const QString arrow = northArrowPath();
  if ( !arrow.isEmpty() )
  {
    auto *north = new QgsLayoutItemPicture( layout.get() );
    north->setId( QStringLiteral( "north arrow" ) );
    layout->addLayoutItem( north );
    north->setPicturePath( arrow, QgsLayoutItemPicture::FormatSVG );
    north->setSvgFillColor( sInk );
    north->setSvgStrokeColor( sInk );
    north->setLinkedMap( map );
    north->setNorthMode( QgsLayoutItemPicture::TrueNorth );
    north->attemptSetSceneRect( QRectF( sMargin + sMapWidth - 19, sMapTop + 4, 14, 20 ) );
  }
  addLabel( layout.get(), tr2( lang, "BẮC", "N" ), QRectF( sMargin + sMapWidth - 19, sMapTop + 24.5, 14, 5 ), font( 8, true ),
            Qt::AlignHCenter, QStringLiteral( "north label" ) );

  auto *scale = new QgsLayoutItemScaleBar( layout.get() );
  scale->setId( QStringLiteral( "scale bar" ) );
  layout->addLayoutItem( scale );
  scale->setLinkedMap( map );
  scale->setStyle( QStringLiteral( "Single Box" ) );
  scale->applyDefaultSize( QgsUnitTypes::DistanceKilometers );
  scale->setUnitLabel( QStringLiteral( "km" ) );
  scale->setNumberOfSegmentsLeft( 0 );
  scale->setNumberOfSegments( 4 );
  scale->setHeight( 2.5 );
  scale->setTextFormat( textFormat( 8 ) );
  scale->setBackgroundEnabled( true );
  scale->setBackgroundColor( QColor( 255, 255, 255, 220 ) );
  scale->setBoxContentSpace( 2 );
  scale->attemptMove( QgsLayoutPoint( sMargin + 4, sMapBottom - 16 ) );
  scale->update();

  // Right panel: legend, then the counts, then the overdue tasks.
  auto *legend = new QgsLayoutItemLegend( layout.get() );
  legend->setId( QStringLiteral( "legend" ) );
  layout->addLayoutItem( legend );
  legend->setTitle( tr2( lang, "Chú giải / Legend", "Legend / Chú giải" ) );
  legend->setLinkedMap( map );
  legend->setAutoUpdateModel( false );
  buildLegendTree( legend, c );
  // Every status, not only those on the map: the key is the same on every date, and the
  // layout saved in the project keeps its size whatever the statuses become.
  legend->setLegendFilterByMapEnabled( false );
  legend->setStyleFont( QgsLegendStyle::Title, font( 11, true ) );
  legend->setStyleFont( QgsLegendStyle::Group, font( 8.5, true ) );
  legend->setStyleFont( QgsLegendStyle::Subgroup, font( 8.5, true ) );
  legend->setStyleFont( QgsLegendStyle::SymbolLabel, font( 7.5 ) );
  legend->setStyleMargin( QgsLegendStyle::Group, QgsLegendStyle::Top, 3 );
  legend->setStyleMargin( QgsLegendStyle::Subgroup, QgsLegendStyle::Top, 2.5 );
  legend->setStyleMargin( QgsLegendStyle::Symbol, QgsLegendStyle::Top, 1.2 );
  legend->setSymbolWidth( 9 );
  legend->setSymbolHeight( 4 );
  legend->setBoxSpace( 1.5 );
  legend->setWrapString( QStringLiteral( "\n" ) );
  legend->setFontColor( sInk );
  legend->setResizeToContents( true );
  legend->attemptSetSceneRect( QRectF( sPanelLeft, sMapTop, sPanelWidth, 120 ) );
  legend->updateLegend();
  // The legend learns its size only once painted: paint it once, small, then size it and
  // lay out what follows under it.
  {
    const QRectF region = legend->sceneBoundingRect();
    QgsLayoutExporter( layout.get() ).renderRegionToImage( region, QSize( static_cast<int>( region.width() * 2 ) + 1, static_cast<int>( region.height() * 2 ) + 1 ) );
  }
  legend->adjustBoxSize();
  double y = sMapTop + legend->sizeWithUnits().height() + 2;

  const QString rule = tr2( lang,
                            "Một đối tượng gắn nhiều nhiệm vụ nhận trạng thái theo thứ tự ưu tiên: vướng mắc, quá hạn, đang thực hiện, "
                            "hoàn thành, không còn phù hợp, chưa triển khai, chưa có báo cáo.",
                            "A place with several tasks shows, in order of precedence: blocked, overdue, in progress, done, "
                            "dropped, not started, no report." );
  const double ruleHeight = textHeight( rule, font( 6.5, false, true ), sPanelWidth );
  addLabel( layout.get(), rule, QRectF( sPanelLeft, y, sPanelWidth, ruleHeight ), font( 6.5, false, true ), Qt::AlignLeft, QStringLiteral( "rule" ) );
  y += ruleHeight + 3;

  // Tasks by status (the register's statuses; overdue is a flag across them).
  const QString countsTitle = tr2( lang, "Nhiệm vụ theo trạng thái (đến %1)", "Tasks by status (as of %1)" ).arg( dateText( c.summary.asOf ) );
  addLabel( layout.get(), countsTitle, QRectF( sPanelLeft, y, sPanelWidth, 5 ), font( 9.5, true ), Qt::AlignLeft, QStringLiteral( "counts title" ) );
  y += 6;
  QgsTableContents counts;
  for ( RtStatus status : RtStatuses::all() )
  {
    const QColor swatch = RtMapStyle::statusColor( featureStatusOf( status ) );
    counts << QgsTableRow { cell( QString(), swatch ), cell( QStringLiteral( "%1 / %2" ).arg( RtStatuses::label( status, RtLang::Vi ), RtStatuses::label( status, RtLang::En ) ) ),
                            cell( rtNumberText( c.summary.byStatus.value( status ), lang ), QColor(), false, Qt::AlignRight ) };
  }
  counts << QgsTableRow { cell( QString(), QColor( Qt::white ) ), cell( tr2( lang, "Tổng số nhiệm vụ", "All tasks" ), QColor(), true ),
                          cell( rtNumberText( c.summary.total, lang ), QColor(), true, Qt::AlignRight ) };
  counts << QgsTableRow { cell( QString(), RtMapStyle::statusColor( RtFeatureStatus::Overdue ) ),
                          cell( tr2( lang, "trong đó quá hạn / of which overdue", "of which overdue / trong đó quá hạn" ), QColor(), true ),
                          cell( rtNumberText( c.summary.overdue.size(), lang ), QColor(), true, Qt::AlignRight ) };
  FittedTable *countsTable = addTable( layout.get(), { QString(), tr2( lang, "Trạng thái", "Status" ), tr2( lang, "Số NV", "Tasks" ) },
  { 6, 0, 14 }, counts, sPanelLeft, y, sPanelWidth, QStringLiteral( "counts" ) );
  y += countsTable->frame( 0 )->rect().height() + 5;

  // Overdue tasks, oldest deadline first.
  const QString overdueTitle = tr2( lang, "Nhiệm vụ quá hạn (%1)", "Overdue tasks (%1)" ).arg( rtNumberText( c.summary.overdue.size(), lang ) );
  addLabel( layout.get(), overdueTitle, QRectF( sPanelLeft, y, sPanelWidth, 5 ), font( 9.5, true ), Qt::AlignLeft, QStringLiteral( "overdue title" ) );
  y += 6;
  if ( c.summary.overdue.isEmpty() )
  {
    addLabel( layout.get(), tr2( lang, "Không có nhiệm vụ quá hạn.", "No task is overdue." ), QRectF( sPanelLeft, y, sPanelWidth, 5 ), font( 8 ),
              Qt::AlignLeft, QStringLiteral( "overdue none" ) );
  }
  else
  {
    // As many rows as fit above the footer, oldest deadline first; the rest are counted.
    auto rowsFor = [&]( int shown )
    {
      QgsTableContents rows;
      for ( int i = 0; i < shown; ++i )
      {
        const RtTask &t = c.summary.overdue.at( i );
        rows << QgsTableRow { cell( dateText( t.deadline.date() ) ),
                              cell( QStringLiteral( "%1 (%2)" ).arg( lang == RtLang::Vi ? t.titleVi : t.titleEn, t.id ) ),
                              cell( RtStatuses::label( t.status, lang ) ) };
      }
      if ( c.summary.overdue.size() > shown )
        rows << QgsTableRow { cell( QString() ), cell( tr2( lang, "… và %1 nhiệm vụ quá hạn khác (xem: restrack summary)", "… and %1 more overdue (see: restrack summary)" )
                                                     .arg( rtNumberText( c.summary.overdue.size() - shown, lang ) ), QColor(), true ), cell( QString() ) };
      return rows;
    };
    int shown = c.summary.overdue.size();
    FittedTable *table = addTable( layout.get(), { tr2( lang, "Hạn", "Due" ), tr2( lang, "Nhiệm vụ (mã)", "Task (id)" ), tr2( lang, "Trạng thái", "Status" ) },
    { 17, 0, 25 }, rowsFor( shown ), sPanelLeft, y, sPanelWidth, QStringLiteral( "overdue" ) );
    while ( shown > 0 && y + table->fittedHeight() > sPanelBottom )
    {
      table->setTableContents( rowsFor( --shown ) );
    }
    table->frame( 0 )->attemptSetSceneRect( QRectF( sPanelLeft, y, sPanelWidth, table->fittedHeight() ) );
    table->recalculateFrameSizes();
  }

  // Footer: the schematic notice (whenever a shown layer is schematic), the sources, the maker.
  double footerY = sMapBottom + 3;
  if ( c.schematic )
  {
    QgsLayoutItemLabel *notice = addLabel( layout.get(), schematicNotice(), QRectF( sMargin, footerY, sMapWidth, 6 ), font( 9, true ),
                                           Qt::AlignHCenter, QStringLiteral( "schematic notice" ) );
    notice->setVAlign( Qt::AlignVCenter );
    notice->setFrameEnabled( true );
    notice->setFrameStrokeWidth( QgsLayoutMeasurement( 0.4, QgsUnitTypes::LayoutMillimeters ) );
    notice->setFrameStrokeColor( sInk );
    notice->setBackgroundEnabled( true );
    notice->setBackgroundColor( QColor( 255, 248, 220 ) );
    footerY += 7.5;
  }
  const QString sources = sourcesText( c );
  addLabel( layout.get(), sources, QRectF( sMargin, footerY, sMapWidth, sPageHeight - sMargin + 3 - footerY ), font( 7 ), Qt::AlignLeft,
            QStringLiteral( "sources" ) );
  const QString maker = tr2( lang, "Lập bằng Resolution Tracker ngày %1 từ sổ theo dõi; trạng thái tính đến %2.",
                             "Made with Resolution Tracker on %1 from the register; statuses as of %2." )
                        .arg( dateText( QDate::currentDate() ), dateText( c.summary.asOf ) );
  addLabel( layout.get(), maker, QRectF( sPanelLeft, sPanelBottom + 2, sPanelWidth, sPageHeight - sMargin + 3 - sPanelBottom - 2 ), font( 6.5, false, true ), Qt::AlignLeft,
            QStringLiteral( "maker" ) );

  QgsPrintLayout *result = layout.get();
  project->layoutManager()->addLayout( layout.release() );
  return result;
}

RtResult<RtMapExportData> RtMapExport::prepare( const RtMapExportOptions &options, QgsFeedback *feedback )
{
  using Result = RtResult<RtMapExportData>;
  if ( !options.asOf.isValid() )
    return Result::failure( QStringLiteral( "the as-of date is missing or invalid" ) );
  const QString suffix = QFileInfo( options.outputPath ).suffix().toLower();
  if ( suffix != QLatin1String( "pdf" ) && suffix != QLatin1String( "png" ) )
    return Result::failure( QStringLiteral( "%1: the output must end in .pdf or .png" ).arg( options.outputPath ) );
  const QFileInfo outDir( QFileInfo( options.outputPath ).absolutePath() );
  if ( !outDir.isDir() || !outDir.isWritable() )
    return Result::failure( QStringLiteral( "%1: the folder %2 does not exist or is not writable" ).arg( options.outputPath, outDir.filePath() ) );

  // The register, read-only: tasks with their status as of the date.
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( options.registerPath, false );
  if ( !store.ok() )
    return Result::failure( store.error() );
  RtMapExportData data;
  data.options = options;
  data.document = store.value()->document();
  // The tasks of the chosen resolutions (all by default) as they stood on the date.
  QStringList numbers;
  for ( const QString &typed : options.resolutions )
  {
    const RtResult<RtDocumentInfo> found = store.value()->findResolution( typed );
    if ( !found.ok() )
      return Result::failure( found.error() );
    if ( numbers.isEmpty() )
      data.document = found.value();
    numbers << found.value().number;
  }
  if ( data.document.date.isValid() && options.asOf < data.document.date )
    return Result::failure( QStringLiteral( "the as-of date %1 is before the resolution (%2): its tasks have no status yet" )
                            .arg( options.asOf.toString( Qt::ISODate ), data.document.date.toString( Qt::ISODate ) ) );
  RtResult<QVector<RtTask>> tasks = store.value()->tasksAsOf( options.asOf, numbers );
  if ( !tasks.ok() )
    return Result::failure( tasks.error() );
  data.tasks = tasks.takeValue();
  store = RtResult<std::unique_ptr<RtStore>>::failure( QString() ); // close the register before rendering
  if ( feedback )
  {
    if ( feedback->isCanceled() )
      return Result::failure( QStringLiteral( "cancelled" ) );
    feedback->setProgress( 20 );
  }

  RtResult<RtMapLayerSet> loaded = RtMapLayerSet::load( options.layersPath, data.tasks, options.asOf, options.units );
  if ( !loaded.ok() )
    return Result::failure( loaded.error() );
  data.layers = loaded.takeValue();
  data.warnings = data.layers.warnings;
  if ( feedback )
  {
    if ( feedback->isCanceled() )
      return Result::failure( QStringLiteral( "cancelled" ) );
    feedback->setProgress( 60 );
  }
  return Result::success( std::move( data ) );
}

void RtMapExportData::moveToThread( QThread *thread )
{
  for ( RtMapLayer &l : layers.layers )
    if ( l.layer )
      l.layer->moveToThread( thread );
}

RtResult<RtMapExportReport> RtMapExport::exportMap( const RtMapExportOptions &options )
{
  RtResult<RtMapExportData> data = prepare( options );
  if ( !data.ok() )
    return RtResult<RtMapExportReport>::failure( data.error() );
  return render( data.value() );
}

RtResult<RtMapExportReport> RtMapExport::render( RtMapExportData &data )
{
  using Result = RtResult<RtMapExportReport>;
  const RtMapExportOptions &options = data.options;
  const RtDocumentInfo &document = data.document;
  const QString suffix = QFileInfo( options.outputPath ).suffix().toLower();
  RtMapLayerSet &set = data.layers;

  RtMapExportReport report;
  report.outputPath = options.outputPath;
  report.warnings = data.warnings;
  if ( !QFontDatabase().families().contains( RtMapStyle::fontFamily() ) )
    report.warnings << QStringLiteral( "font %1 is not installed (Debian: fonts-dejavu-core): Vietnamese diacritics may not render" )
                    .arg( RtMapStyle::fontFamily() );

  // A private project: the export never touches the project open in QGIS.
  QgsProject project;
  project.setCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:5899" ) ) );
  QgsProjectMetadata metadata = project.metadata();
  metadata.setTitle( title( document, options.asOf, options.lang ) );
  metadata.setAuthor( QStringLiteral( "Resolution Tracker" ) );
  project.setMetadata( metadata );

  RtMapLayoutContent content;
  content.document = document;
  content.summary = RtSummary::compute( data.tasks, options.asOf );
  content.lang = options.lang;
  content.registerName = QFileInfo( options.registerPath ).fileName();
  content.units = set.units;
  QSet<QString> sources;
  for ( RtMapLayer &l : set.layers )
  {
    // One set of ward units is coloured and labelled: the map stays readable.
    RtMapStyle::LayerKind styleKind = l.kind;
    if ( set.units == 2025 )
    {
      if ( l.kind == RtMapStyle::LayerKind::Wards )
        continue; // the 2023 units: their tasks are counted in the 2025 units that include them
      if ( l.kind == RtMapStyle::LayerKind::Wards2025 )
        styleKind = RtMapStyle::LayerKind::Wards; // coloured by status and labelled as the ward layer
    }
    else if ( l.kind == RtMapStyle::LayerKind::Wards2025 )
      continue; // the map is of the resolution's units (2023); the 2025 ones are in the project
    const QString styleError = RtMapStyle::applyQml( l.layer.get(), styleKind, options.print, options.stylesDir );
    if ( !styleError.isEmpty() )
      return Result::failure( styleError );
    l.layer->setName( RtMapStyle::layerTitle( l.kind ) );
    QgsVectorLayer *layer = l.layer.release();
    project.addMapLayer( layer, false );
    content.mapLayers.prepend( layer ); // allKinds() is bottom first; the map wants top first
    content.layersByKind.insert( styleKind, layer );
    content.schematic = content.schematic || l.schematic;
    for ( const QString &s : std::as_const( l.sources ) )
      sources.insert( s );
  }
  content.layerSources = QStringList( sources.cbegin(), sources.cend() );
  content.layerSources.sort();
  report.schematic = content.schematic;
  report.tasks = content.summary.total;
  report.overdue = content.summary.overdue.size();

  QgsPrintLayout *layout = createLayout( &project, content );
  QgsLayoutExporter exporter( layout );
  QgsLayoutExporter::ExportResult result = QgsLayoutExporter::Success;
  if ( suffix == QLatin1String( "pdf" ) )
  {
    QgsLayoutExporter::PdfExportSettings settings;
    settings.dpi = options.dpi > 0 ? options.dpi : 300;
    settings.rasterizeWholeImage = false;
    settings.forceVectorOutput = true;
    settings.appendGeoreference = true;
    settings.exportMetadata = true;
    // Text stays text: searchable, copyable, and pdftotext gives the Vietnamese back.
    settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
    result = exporter.exportToPdf( options.outputPath, settings );
  }
  else
  {
    QgsLayoutExporter::ImageExportSettings settings;
    settings.dpi = options.dpi > 0 ? options.dpi : 150;
    settings.generateWorldFile = false;
    settings.exportMetadata = true;
    // QGIS then tries to write georeferencing into the PNG through GDAL, which cannot update
    // PNGs: a harmless error message we keep off the user's terminal.
    CPLPushErrorHandler( CPLQuietErrorHandler );
    result = exporter.exportToImage( options.outputPath, settings );
    CPLPopErrorHandler();
  }
  if ( result != QgsLayoutExporter::Success )
    return Result::failure( QStringLiteral( "%1: the export failed: %2" ).arg( options.outputPath, exportError( result ) ) );
  return Result::success( report );
}
