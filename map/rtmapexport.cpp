#include "rtmapexport.h"
#include "rttr.h"
#include "rtprogress.h"
#include "rtjoin.h"
#include "rtlayouttemplate.h"
#include "rtlocale.h"
#include "rtmaplayers.h"
#include "rtmapstyle.h"
#include "rtoutputfile.h"
#include "rttasksasof.h"

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsexpressioncontextutils.h>
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
  const QColor sInk( 26, 26, 26 );

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

  //! A table cell; \a format, when set, replaces the table's text format (bold rows).
  QgsTableCell cell( const QString &text, const QColor &background = QColor(), const QgsTextFormat *format = nullptr, Qt::Alignment align = Qt::AlignLeft )
  {
    QgsTableCell c( text );
    if ( background.isValid() )
      c.setBackgroundColor( background );
    if ( format )
      c.setTextFormat( *format );
    c.setHorizontalAlignment( align );
    return c;
  }

  //! The table's content format in bold, for the rows that sum up.
  QgsTextFormat boldFormat( const QgsLayoutItemManualTable *table )
  {
    QgsTextFormat format = table->contentTextFormat();
    QFont f = format.font();
    f.setBold( true );
    format.setFont( f );
    return format;
  }

  //! Names the columns of \a table; refused when the template's table has another number of columns.
  RtStatusResult setHeadings( QgsLayoutItemManualTable *table, const QString &id, const QString &templatePath, const QStringList &headings )
  {
    QgsLayoutTableColumns columns = table->headers();
    if ( columns.size() != headings.size() )
      return rtFail( rtMsg( "RtMapExport", "template %1: the table '%2' has %3 columns; the council map fills %4 (%5)" )
                     .arg( templatePath, id ).arg( columns.size() ).arg( headings.size() ).arg( headings.join( QStringLiteral( ", " ) ) ) );
    for ( int i = 0; i < columns.size(); ++i )
      columns[i].setHeading( headings.at( i ) );
    table->setHeaders( columns );
    return rtOk();
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
    const QString unitType = c.city.unitType.isEmpty() ? QStringLiteral( "thành phố" ) : c.city.unitType;
    const QString place = c.document.place.isEmpty() ? c.city.fallbackPlace : c.document.place;
    // Vietnamese names the council with the kind of place ("HĐND thành phố Móng Cái"), English by the place alone.
    const QString council = lang == RtLang::Vi ? unitType + QLatin1Char( ' ' ) + place : place;
    parts << RtTr( lang ).translate( "RtMapExport", "Resolution %1 of %2 of the %3 council" )
             .arg( c.document.number, dateText( c.document.date ), council );
    // A register of several resolutions: which of them the colours are of.
    if ( c.resolutions.size() > 1 || c.registerResolutions > 1 )
    {
      if ( c.resolutions.isEmpty() )
        parts << RtTr( lang ).translate( "RtMapExport", "tasks of all %1 resolutions of the register" )
                 .arg( c.registerResolutions );
      else
        parts << ( c.resolutions.size() == 1 ? RtTr( lang ).translate( "RtMapExport", "tasks of resolution %1" )
                   : RtTr( lang ).translate( "RtMapExport", "tasks of resolutions %1" ) )
                 .arg( c.resolutions.join( QStringLiteral( ", " ) ) );
    }
    parts << RtTr( lang ).translate( "RtMapExport", "task statuses: register %1" ).arg( c.registerName );
    bool gshhg = false, schematic = false;
    for ( const QString &s : c.layerSources )
    {
      gshhg = gshhg || s.contains( QLatin1String( "gshhg" ), Qt::CaseInsensitive );
      schematic = schematic || s.startsWith( QLatin1String( "schematic" ), Qt::CaseInsensitive );
    }
    if ( gshhg )
      parts << RtTr( lang ).translate( "RtMapExport", "shoreline and border GSHHG 2.3.7 (LGPL)" );
    if ( schematic )
      parts << RtTr( lang ).translate( "RtMapExport", "boundaries of wards, zones and sites: diagrams drawn from public documents" );
    if ( c.units == 2025 )
      parts << RtTr( lang ).translate( "RtMapExport", "2025 units from the 2023 ward codes through the field %1 of the layer %2" )
               .arg( RtMapLayerSet::unitMapField(), RtMapStyle::tableName( RtMapStyle::LayerKind::Wards ) );
    if ( c.city.crsEpsg > 0 )
      parts << ( lang == RtLang::Vi ? c.city.crsLabelVi : c.city.crsLabelEn );
    return RtTr( lang ).translate( "RtMapExport", "Sources: " ) + parts.join( QStringLiteral( "; " ) ) + QLatin1Char( '.' );
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
      case QgsLayoutExporter::FileError: return rtMsg( "RtMapExport", "the file could not be written" );
      case QgsLayoutExporter::MemoryError: return rtMsg( "RtMapExport", "not enough memory for the image; lower the dpi" );
      case QgsLayoutExporter::PrintError: return rtMsg( "RtMapExport", "the PDF could not be created" );
      case QgsLayoutExporter::Canceled: return QStringLiteral( "canceled" );
      default: return rtMsg( "RtMapExport", "QgsLayoutExporter error %1" ).arg( static_cast<int>( result ) );
    }
  }

  /**
   * A label-only layer naming what lies around the city: the sample layers hold only the
   * Vietnamese side of the border, so without it China would read as sea. Points in WGS 84,
   * kept only when they fall inside \a extent (other cities' maps get none).
   */
  QgsVectorLayer *contextLabelLayer( QgsProject *project, const QgsRectangle &extent, const QVector<RtMapLabel> &places )
  {
    const QgsCoordinateTransform toMap( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), project->crs(), project->transformContext() );
    auto layer = std::make_unique<QgsVectorLayer>( QStringLiteral( "Point?crs=%1&field=name:string&field=size:double" ).arg( project->crs().authid() ),
                 QStringLiteral( "context" ), QStringLiteral( "memory" ) );
    QgsFeatureList features;
    for ( const RtMapLabel &p : places )
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
      f.setAttributes( QgsAttributes() << p.text << p.size );
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
      node->setCustomProperty( QStringLiteral( "legend/title-label" ), RtTr( lang ).translate( "RtMapExport", "Status / Trạng thái thực hiện" ) );
      QList<int> order;
      for ( RtFeatureStatus status : RtMapStyle::legendOrder() )
        if ( legendIndexOf( wards, status ) >= 0 )
          order << legendIndexOf( wards, status );
      QgsMapLayerLegendUtils::setLegendNodeOrder( node, order );
      legend->model()->refreshLayerLegend( node );
    }
    struct Entry { RtMapStyle::LayerKind kind; RtFeatureStatus sample; const char *label; }; // label: English, its Vietnamese in the core catalogue
    const Entry entries[] =
    {
      c.units == 2025 ? Entry { RtMapStyle::LayerKind::Wards, RtFeatureStatus::None, QT_TRANSLATE_NOOP( "RtMapExport", "Administrative unit 2025" ) }
                      : Entry { RtMapStyle::LayerKind::Wards, RtFeatureStatus::None, QT_TRANSLATE_NOOP( "RtMapExport", "Ward or commune (2023)" ) },
      { RtMapStyle::LayerKind::Zones, RtFeatureStatus::None, QT_TRANSLATE_NOOP( "RtMapExport", "Zoning sub-plan (dashed outline)" ) },
      { RtMapStyle::LayerKind::Sites, RtFeatureStatus::None, QT_TRANSLATE_NOOP( "RtMapExport", "Site (bold outline)" ) },
      { RtMapStyle::LayerKind::SiteLines, RtFeatureStatus::NoReport, QT_TRANSLATE_NOOP( "RtMapExport", "Road, bridge, lighting" ) },
      { RtMapStyle::LayerKind::Border, RtFeatureStatus::None, QT_TRANSLATE_NOOP( "RtMapExport", "International border" ) },
    };
    QgsLayerTreeGroup *kinds = root->addGroup( RtTr( lang ).translate( "RtMapExport", "Features / Đối tượng trên bản đồ" ) );
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
      QgsMapLayerLegendUtils::setLegendNodeUserLabel( node, index, QStringLiteral( "%1 / %2" ).arg( rtTr( RtLang::Vi, "RtMapExport", e.label ), rtTr( RtLang::En, "RtMapExport", e.label ) ) );
      legend->model()->refreshLayerLegend( node );
    }
  }
}

QString RtMapExport::title( const RtDocumentInfo &document, const QDate &asOf, RtLang lang )
{
  return RtTr( lang ).translate( "RtMapExport", "Resolution No. %1 of %2 — Progress as of %3" )
         .arg( document.number, dateText( document.date ), dateText( asOf ) );
}

QString RtMapExport::schematicNotice()
{
  return rtBilingual( "RtMapExport", "Illustrative diagram, not a legal boundary" );
}

QVector<RtLayoutTemplate::Item> RtMapExport::templateItems()
{
  using T = RtLayoutTemplate::ItemType;
  return
  {
    { QStringLiteral( "map" ), T::Map, true },
    { QStringLiteral( "title" ), T::Label, true },
    { QStringLiteral( "subtitle" ), T::Label, true },
    { QStringLiteral( "legend" ), T::Legend, true },
    { QStringLiteral( "rule" ), T::Label, true },
    { QStringLiteral( "counts" ), T::Table, true },
    { QStringLiteral( "overdue" ), T::Table, true },
    { QStringLiteral( "schematic notice" ), T::Label, true },
    { QStringLiteral( "sources" ), T::Label, true },
    { QStringLiteral( "north arrow" ), T::Picture, false },
    { QStringLiteral( "north label" ), T::Label, false },
    { QStringLiteral( "scale bar" ), T::ScaleBar, false },
    { QStringLiteral( "counts title" ), T::Label, false },
    { QStringLiteral( "overdue title" ), T::Label, false },
    { QStringLiteral( "overdue none" ), T::Label, false },
    { QStringLiteral( "maker" ), T::Label, false },
  };
}

QString RtMapExport::defaultTemplate()
{
  return RtLayoutTemplate::builtIn( QStringLiteral( "council-map" ) );
}

RtResult<QgsPrintLayout *> RtMapExport::createLayout( QgsProject *project, const RtMapLayoutContent &c )
{
  using Result = RtResult<QgsPrintLayout *>;
  const RtLang lang = c.lang;
  const QString templatePath = c.templatePath.isEmpty() ? defaultTemplate() : c.templatePath;
  RtResult<RtLayoutTemplate> loaded = RtLayoutTemplate::load( project, templatePath, templateItems() );
  if ( !loaded.ok() )
    return Result::failureFrom( loaded );
  const RtLayoutTemplate &t = loaded.value();
  QgsPrintLayout *layout = t.layout();
  layout->setName( RtTr( lang ).translate( "RtMapExport", "Council map — %1" ).arg( c.document.number ) );
  // For the template's own labels: "[% @rt_as_of %]" and the like.
  QgsExpressionContextUtils::setLayoutVariable( layout, QStringLiteral( "rt_resolution" ), c.document.number );
  QgsExpressionContextUtils::setLayoutVariable( layout, QStringLiteral( "rt_resolution_date" ), dateText( c.document.date ) );
  QgsExpressionContextUtils::setLayoutVariable( layout, QStringLiteral( "rt_as_of" ), dateText( c.summary.asOf ) );
  QgsExpressionContextUtils::setLayoutVariable( layout, QStringLiteral( "rt_place" ), c.document.place );

  // Title band.
  t.setText( QStringLiteral( "title" ), title( c.document, c.summary.asOf, lang ) );
  QString subtitle = c.document.title.isEmpty() ? QString()
                     : RtTr( lang ).translate( "RtMapExport", "%1. Each ward, zone and site is coloured by the status of the resolution's tasks linked to it." ).arg( c.document.title );
  if ( c.units == 2025 )
  {
    // Say which units are shown: the register states its places by the 2023 wards.
    const QString units = RtTr( lang ).translate( "RtMapExport", "Administrative units 2025 (from 1/7/2025): each unit, zone and site is coloured by the status of the tasks "
                               "linked to it; a task stated for a 2023 ward or commune counts for the 2025 unit that includes it." );
    subtitle = c.document.title.isEmpty() ? units : QStringLiteral( "%1. %2" ).arg( c.document.title, units );
  }
  t.setText( QStringLiteral( "subtitle" ), subtitle );

  // The map: the layers, framed on the city; its look (frame, sea, label margin) is the template's.
  QgsLayoutItemMap *map = t.map( QStringLiteral( "map" ) );
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
    if ( QgsVectorLayer *context = contextLabelLayer( project, extent, c.city.mapLabels ) )
      mapLayers.prepend( context );
  map->setLayers( mapLayers );
  map->setKeepLayerSet( true );
  if ( !extent.isNull() )
    map->zoomToExtent( extent );

  // North arrow and scale bar follow the map; the scale bar's segments are sized for this
  // map's scale, in the number the template has.
  if ( QgsLayoutItemPicture *north = t.picture( QStringLiteral( "north arrow" ) ) )
    north->setLinkedMap( map );
  t.setText( QStringLiteral( "north label" ), RtTr( lang ).translate( "RtMapExport", "N" ) );
  if ( QgsLayoutItemScaleBar *scale = t.scaleBar( QStringLiteral( "scale bar" ) ) )
  {
    scale->setLinkedMap( map );
    const int segments = scale->numberOfSegments();
    const int segmentsLeft = scale->numberOfSegmentsLeft();
    const QString unitLabel = scale->unitLabel();
    scale->applyDefaultSize( scale->units() );
    scale->setUnitLabel( unitLabel );
    scale->setNumberOfSegmentsLeft( segmentsLeft );
    scale->setNumberOfSegments( segments );
    scale->update();
  }

  // Right panel: legend, the colouring rule, the counts, then the overdue tasks.
  QgsLayoutItemLegend *legend = t.legend( QStringLiteral( "legend" ) );
  legend->setTitle( RtTr( lang ).translate( "RtMapExport", "Legend / Chú giải" ) );
  legend->setLinkedMap( map );
  legend->setAutoUpdateModel( false );
  buildLegendTree( legend, c );
  // Every status, not only those on the map: the key is the same on every date, and the
  // layout saved in the project keeps its size whatever the statuses become.
  legend->setLegendFilterByMapEnabled( false );
  legend->updateLegend();
  // The legend learns its size only once painted: paint it once, small, then size it and
  // lay out what follows under it.
  {
    const QRectF region = legend->sceneBoundingRect();
    QgsLayoutExporter( layout ).renderRegionToImage( region, QSize( static_cast<int>( region.width() * 2 ) + 1, static_cast<int>( region.height() * 2 ) + 1 ) );
  }
  legend->adjustBoxSize();

  // Which tasks colour a place, then how several of them make one colour.
  const QString which = c.withDirectives
                        ? RtTr( lang ).translate( "RtMapExport", "A place's colour: every task that names it, directive items included. " )
                        : RtTr( lang ).translate( "RtMapExport", "A place's colour: the concrete commitments that name it; directive items colour it only where no "
                               "commitment names it. " );
  const QString rule = which + RtTr( lang ).translate( "RtMapExport", "A place with several tasks shows, in order of precedence: blocked, overdue, in progress, done, "
                                    "dropped, not started, no report." );
  if ( QgsLayoutItemLabel *label = t.setText( QStringLiteral( "rule" ), rule ) )
    t.setHeight( QStringLiteral( "rule" ), textHeight( rule, label->font(), label->rect().width() ) );

  // Tasks by status (the register's statuses; overdue is a flag across them).
  t.setText( QStringLiteral( "counts title" ), RtTr( lang ).translate( "RtMapExport", "Tasks by status (as of %1)" ).arg( dateText( c.summary.asOf ) ) );
  QgsLayoutItemManualTable *counts = t.table( QStringLiteral( "counts" ) );
  RtStatusResult named = setHeadings( counts, QStringLiteral( "counts" ), templatePath, { QString(), RtTr( lang ).translate( "RtMapExport", "Status" ), RtTr( lang ).translate( "RtMapExport", "Tasks" ) } );
  if ( !named.ok() )
    return Result::failureFrom( named );
  const QgsTextFormat countsBold = boldFormat( counts );
  QgsTableContents countRows;
  for ( RtStatus status : RtStatuses::all() )
  {
    const QColor swatch = RtMapStyle::statusColor( featureStatusOf( status ) );
    countRows << QgsTableRow { cell( QString(), swatch ), cell( QStringLiteral( "%1 / %2" ).arg( RtStatuses::label( status, RtLang::Vi ), RtStatuses::label( status, RtLang::En ) ) ),
                               cell( rtNumberText( c.summary.byStatus.value( status ), lang ), QColor(), nullptr, Qt::AlignRight ) };
  }
  countRows << QgsTableRow { cell( QString(), QColor( Qt::white ) ), cell( RtTr( lang ).translate( "RtMapExport", "All tasks" ), QColor(), &countsBold ),
                             cell( rtNumberText( c.summary.total, lang ), QColor(), &countsBold, Qt::AlignRight ) };
  countRows << QgsTableRow { cell( QString(), RtMapStyle::statusColor( RtFeatureStatus::Overdue ) ),
                             cell( RtTr( lang ).translate( "RtMapExport", "of which overdue / trong đó quá hạn" ), QColor(), &countsBold ),
                             cell( rtNumberText( c.summary.overdue.size(), lang ), QColor(), &countsBold, Qt::AlignRight ) };
  counts->setTableContents( countRows );
  t.setHeight( QStringLiteral( "counts" ), RtLayoutTemplate::fittedHeight( counts ) );

  // Overdue tasks, oldest deadline first.
  t.setText( QStringLiteral( "overdue title" ), RtTr( lang ).translate( "RtMapExport", "Overdue tasks (%1)" ).arg( rtNumberText( c.summary.overdue.size(), lang ) ) );
  QgsLayoutItemManualTable *overdue = t.table( QStringLiteral( "overdue" ) );
  named = setHeadings( overdue, QStringLiteral( "overdue" ), templatePath, { RtTr( lang ).translate( "RtMapExport", "Due" ), RtTr( lang ).translate( "RtMapExport", "Task (id)" ), RtTr( lang ).translate( "RtMapExport", "Status" ) } );
  if ( !named.ok() )
    return Result::failureFrom( named );
  const QgsTextFormat overdueBold = boldFormat( overdue );
  const QString noneOverdue = RtTr( lang ).translate( "RtMapExport", "No task is overdue." );
  auto rowsFor = [&]( int shown )
  {
    QgsTableContents rows;
    for ( int i = 0; i < shown; ++i )
    {
      const RtTask &task = c.summary.overdue.at( i );
      rows << QgsTableRow { cell( dateText( task.deadline.date() ) ),
                            cell( QStringLiteral( "%1 (%2)" ).arg( lang == RtLang::Vi ? task.titleVi : task.titleEn, task.id ) ),
                            cell( RtProgress::statusText( task, lang ) ) };
    }
    if ( c.summary.overdue.size() > shown )
      rows << QgsTableRow { cell( QString() ), cell( RtTr( lang ).translate( "RtMapExport", "… and %1 more overdue (see: restrack summary)" )
                                                   .arg( rtNumberText( c.summary.overdue.size() - shown, lang ) ), QColor(), &overdueBold ), cell( QString() ) };
    return rows;
  };
  if ( c.summary.overdue.isEmpty() && t.label( QStringLiteral( "overdue none" ) ) )
  {
    t.setText( QStringLiteral( "overdue none" ), noneOverdue );
    t.hide( QStringLiteral( "overdue" ) );
  }
  else
  {
    t.hide( QStringLiteral( "overdue none" ) );
    overdue->setTableContents( c.summary.overdue.isEmpty() ? QgsTableContents { QgsTableRow { cell( QString() ), cell( noneOverdue ), cell( QString() ) } }
                               : rowsFor( c.summary.overdue.size() ) );
  }

  // Footer: the schematic notice (whenever a shown layer is schematic), the sources, the maker.
  t.setText( QStringLiteral( "schematic notice" ), schematicNotice() );
  t.setText( QStringLiteral( "sources" ), sourcesText( c ) );
  t.setText( QStringLiteral( "maker" ), RtTr( lang ).translate( "RtMapExport", "Made with Resolution Tracker on %1 from the register; statuses as of %2." )
             .arg( dateText( QDate::currentDate() ), dateText( c.summary.asOf ) ) );
  if ( !c.schematic )
  {
    // The sources take the notice's place, down to where they ended.
    t.hide( QStringLiteral( "schematic notice" ) );
    const QRectF notice = t.templateRect( QStringLiteral( "schematic notice" ) );
    const QRectF sources = t.templateRect( QStringLiteral( "sources" ) );
    if ( sources.top() >= notice.bottom() - 0.01 && sources.left() < notice.right() && notice.left() < sources.right() )
      t.item( QStringLiteral( "sources" ) )->attemptSetSceneRect( QRectF( sources.left(), notice.top(), sources.width(), sources.bottom() - notice.top() ) );
  }

  // The panel stacked as its content sized it, the template's gaps kept.
  t.stack( { QStringLiteral( "legend" ), QStringLiteral( "rule" ), QStringLiteral( "counts title" ), QStringLiteral( "counts" ),
             QStringLiteral( "overdue title" ), QStringLiteral( "overdue" ), QStringLiteral( "overdue none" ) } );
  // As many overdue rows as fit above where the template's table ends, oldest deadline first; the rest are counted.
  if ( !c.summary.overdue.isEmpty() )
  {
    const double bottom = t.templateRect( QStringLiteral( "overdue" ) ).bottom();
    const double top = t.rect( QStringLiteral( "overdue" ) ).top();
    int shown = c.summary.overdue.size();
    while ( shown > 0 && top + RtLayoutTemplate::fittedHeight( overdue ) > bottom )
      overdue->setTableContents( rowsFor( --shown ) );
  }
  if ( t.item( QStringLiteral( "overdue" ) )->isVisible() )
    t.setHeight( QStringLiteral( "overdue" ), RtLayoutTemplate::fittedHeight( overdue ) );

  std::unique_ptr<QgsPrintLayout> owned = loaded.value().takeLayout();
  project->layoutManager()->addLayout( owned.release() );
  return Result::success( layout );
}

RtResult<RtMapExportData> RtMapExport::prepare( const RtMapExportOptions &options, QgsFeedback *feedback )
{
  using Result = RtResult<RtMapExportData>;
  const QString suffix = QFileInfo( options.outputPath ).suffix().toLower();
  if ( suffix != QLatin1String( "pdf" ) && suffix != QLatin1String( "png" ) )
    return Result::failure( rtMsg( "RtMapExport", "%1: the output must end in .pdf or .png" ).arg( options.outputPath ) );
  const RtStatusResult writable = RtOutputFile::check( options.outputPath, options.overwrite );
  if ( !writable.ok() )
    return Result::failureFrom( writable );
  if ( !options.templatePath.isEmpty() && !QFileInfo( options.templatePath ).isFile() )
    return Result::failure( RtErrorKind::NotFound, rtMsg( "RtMapExport", "template %1: no such file" ).arg( options.templatePath ) );

  // The register, read-only: tasks with their status as of the date.
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( options.registerPath, false );
  if ( !store.ok() )
    return Result::failure( store.error() );
  RtMapExportData data;
  data.options = options;
  if ( options.cityPath.isEmpty() )
    data.city = RtCity::bundled();
  else
  {
    RtResult<RtCity> city = RtCity::load( options.cityPath );
    if ( !city.ok() )
      return Result::failureFrom( city );
    data.city = city.takeValue();
  }
  data.document = store.value()->document();
  // The tasks of the chosen resolutions (all by default) as they stood on the date.
  QStringList numbers;
  for ( const QString &typed : options.resolutions )
  {
    const RtResult<RtDocumentInfo> found = store.value()->findResolution( typed );
    if ( !found.ok() )
      return Result::failureFrom( found );
    if ( numbers.isEmpty() )
      data.document = found.value();
    if ( !numbers.contains( found.value().number ) )
      numbers << found.value().number;
  }
  data.resolutions = numbers;
  {
    const RtResult<QVector<RtDocumentInfo>> all = store.value()->resolutions();
    if ( !all.ok() )
      return Result::failureFrom( all );
    data.registerResolutions = all.value().size();
  }
  RtResult<QVector<RtTask>> tasks = RtTasksAsOf::read( *store.value(), options.asOf, nullptr, numbers );
  if ( !tasks.ok() )
    return Result::failureFrom( tasks );
  data.tasks = tasks.takeValue();
  store = RtResult<std::unique_ptr<RtStore>>::failure( QString() ); // close the register before rendering
  if ( feedback )
  {
    if ( feedback->isCanceled() )
      return Result::failure( rtMsg( "RtMapExport", "cancelled" ) );
    feedback->setProgress( 20 );
  }

  RtResult<RtMapLayerSet> loaded = RtMapLayerSet::load( options.layersPath, data.tasks, options.asOf, options.units, options.withDirectives );
  if ( !loaded.ok() )
    return Result::failure( loaded.error() );
  data.layers = loaded.takeValue();
  data.warnings = data.layers.warnings;
  if ( feedback )
  {
    if ( feedback->isCanceled() )
      return Result::failure( rtMsg( "RtMapExport", "cancelled" ) );
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
    report.warnings << rtMsg( "RtMapExport", "font %1 is not installed (Debian: fonts-dejavu-core): Vietnamese diacritics may not render" )
                    .arg( RtMapStyle::fontFamily() );

  // A private project: the export never touches the project open in QGIS.
  QgsProject project;
  project.setCrs( QgsCoordinateReferenceSystem::fromEpsgId( data.city.crsEpsg > 0 ? data.city.crsEpsg : 4326 ) );
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
  content.templatePath = options.templatePath;
  content.withDirectives = options.withDirectives;
  content.city = data.city;
  content.resolutions = data.resolutions;
  content.registerResolutions = data.registerResolutions;
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

  const RtResult<QgsPrintLayout *> made = createLayout( &project, content );
  if ( !made.ok() )
    return Result::failureFrom( made );
  QgsPrintLayout *layout = made.value();
  // Written beside the output and renamed into place once complete: an export killed
  // mid-way leaves the previous file as it was.
  RtOutputFile output( options.outputPath, options.overwrite );
  if ( !output.ok() )
    return Result::failure( output.error() );
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
    result = exporter.exportToPdf( output.temporaryPath(), settings );
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
    result = exporter.exportToImage( output.temporaryPath(), settings );
    CPLPopErrorHandler();
  }
  if ( result != QgsLayoutExporter::Success )
    return Result::failure( rtMsg( "RtMapExport", "%1: the export failed: %2" ).arg( options.outputPath, exportError( result ) ) );
  const RtStatusResult committed = output.commit();
  if ( !committed.ok() )
    return Result::failureFrom( committed );
  return Result::success( report );
}
