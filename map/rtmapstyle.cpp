#include "rtmapstyle.h"
#include "rttr.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgslinesymbol.h>
#include <qgslinesymbollayer.h>
#include <qgsmarkersymbol.h>
#include <qgspallabeling.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include <QDomDocument>
#include <QFile>
#include <QFont>

// Resources of a static library must be registered by hand, outside any namespace.
static void rtInitStyleResources()
{
  Q_INIT_RESOURCE( rtmapstyles );
}

namespace
{
  const QColor sInk( 26, 26, 26 );          // near-black: outlines and print patterns
  const QColor sOutline( 80, 80, 80 );      // ward boundaries

  QString colorText( const QColor &c )
  {
    return QStringLiteral( "%1,%2,%3,%4" ).arg( c.red() ).arg( c.green() ).arg( c.blue() ).arg( c.alpha() );
  }

  //! The status colour mixed with white: the background of print patterns (light grey in B/W).
  QColor tint( const QColor &c, double share )
  {
    return QColor::fromRgbF( 1 - ( 1 - c.redF() ) * share, 1 - ( 1 - c.greenF() ) * share, 1 - ( 1 - c.blueF() ) * share );
  }

  QgsSimpleFillSymbolLayer *solidFill( const QColor &fill, const QColor &stroke, double strokeWidth, Qt::PenStyle strokeStyle = Qt::SolidLine )
  {
    auto *layer = new QgsSimpleFillSymbolLayer( fill, fill.alpha() == 0 ? Qt::NoBrush : Qt::SolidPattern, stroke,
        stroke.alpha() == 0 ? Qt::NoPen : strokeStyle, strokeWidth );
    return layer;
  }

  QgsSimpleFillSymbolLayer *outlineOnly( const QColor &stroke, double width, Qt::PenStyle style = Qt::SolidLine )
  {
    return new QgsSimpleFillSymbolLayer( QColor( 0, 0, 0, 0 ), Qt::NoBrush, stroke, style, width );
  }

  QgsSymbolLayer *hatch( double angle, double distance, double width, const QColor &color = sInk )
  {
    QgsSymbolLayer *layer = QgsLinePatternFillSymbolLayer::create( QVariantMap
    {
      { QStringLiteral( "angle" ), angle },
      { QStringLiteral( "distance" ), distance },
      { QStringLiteral( "line_width" ), width },
      { QStringLiteral( "color" ), colorText( color ) },
    } );
    layer->setSubSymbol( QgsLineSymbol::createSimple( QVariantMap
    {
      { QStringLiteral( "line_color" ), colorText( color ) },
      { QStringLiteral( "line_width" ), width },
      { QStringLiteral( "capstyle" ), QStringLiteral( "flat" ) },
    } ) );
    return layer;
  }

  QgsSymbolLayer *dots( double distance, double size, bool hollow, const QColor &color = sInk )
  {
    QgsSymbolLayer *layer = QgsPointPatternFillSymbolLayer::create( QVariantMap
    {
      { QStringLiteral( "distance_x" ), distance },
      { QStringLiteral( "distance_y" ), distance },
      { QStringLiteral( "displacement_x" ), distance / 2 },
      { QStringLiteral( "displacement_y" ), 0 },
    } );
    layer->setSubSymbol( QgsMarkerSymbol::createSimple( QVariantMap
    {
      { QStringLiteral( "name" ), QStringLiteral( "circle" ) },
      { QStringLiteral( "size" ), size },
      { QStringLiteral( "color" ), hollow ? QStringLiteral( "255,255,255,0" ) : colorText( color ) },
      { QStringLiteral( "outline_color" ), colorText( color ) },
      { QStringLiteral( "outline_width" ), 0.15 },
      { QStringLiteral( "outline_style" ), hollow ? QStringLiteral( "solid" ) : QStringLiteral( "no" ) },
    } ) );
    return layer;
  }

  //! The pattern layers that tell a status apart in black and white.
  QgsSymbolLayerList printPattern( RtFeatureStatus status )
  {
    switch ( status )
    {
      case RtFeatureStatus::Overdue:    // the darkest: dense cross-hatching
        return { hatch( 45, 1.4, 0.3 ), hatch( 135, 1.4, 0.3 ) };
      case RtFeatureStatus::Blocked:    // a square grid
        return { hatch( 0, 1.8, 0.3 ), hatch( 90, 1.8, 0.3 ) };
      case RtFeatureStatus::InProgress: // single diagonal hatching
        return { hatch( 45, 2.0, 0.3 ) };
      case RtFeatureStatus::Done:       // horizontal stripes
        return { hatch( 0, 1.4, 0.35 ) };
      case RtFeatureStatus::NotStarted: // filled dots
        return { dots( 2.0, 0.7, false ) };
      case RtFeatureStatus::Dropped:    // sparse vertical lines
        return { hatch( 90, 3.0, 0.2 ) };
      case RtFeatureStatus::NoReport:   // sparse open rings
        return { dots( 3.0, 0.8, true ) };
      case RtFeatureStatus::None:
        break;
    }
    return {};
  }

  //! Outline of a status-coloured polygon kind: (colour, width, style).
  void polygonOutline( RtMapStyle::LayerKind kind, QColor &color, double &width, Qt::PenStyle &style )
  {
    style = Qt::SolidLine;
    switch ( kind )
    {
      case RtMapStyle::LayerKind::Zones:
        color = sInk;
        width = 0.6;
        style = Qt::DashLine; // schematic zones: dashed, never mistaken for a boundary
        break;
      case RtMapStyle::LayerKind::Sites:
        color = sInk;
        width = 0.35;
        break;
      default:
        color = sOutline;
        width = 0.26;
        break;
    }
  }

  QgsSymbol *polygonSymbol( RtMapStyle::LayerKind kind, RtFeatureStatus status, bool print )
  {
    QColor strokeColor;
    double strokeWidth = 0;
    Qt::PenStyle strokeStyle;
    polygonOutline( kind, strokeColor, strokeWidth, strokeStyle );
    const QColor color = RtMapStyle::statusColor( status );
    QgsSymbolLayerList layers;
    if ( !print )
    {
      // Opaque even for zones: a see-through zone would mix its colour with the ward's
      // into one the legend does not have.
      layers << solidFill( color, strokeColor, strokeWidth, strokeStyle );
    }
    else
    {
      if ( status != RtFeatureStatus::None )
        layers << solidFill( tint( color, 0.45 ), QColor( 0, 0, 0, 0 ), 0 );
      layers << printPattern( status );
      // Overdue gets a heavy outline too: the one status a council must not miss.
      const double width = status == RtFeatureStatus::Overdue ? std::max( strokeWidth, 0.7 ) : strokeWidth;
      layers << outlineOnly( status == RtFeatureStatus::None ? sOutline : sInk, width, strokeStyle );
    }
    return new QgsFillSymbol( layers );
  }

  QgsSimpleLineSymbolLayer *simpleLine( const QColor &color, double width, const QVector<qreal> &dashes = {}, Qt::PenCapStyle cap = Qt::FlatCap )
  {
    auto *layer = new QgsSimpleLineSymbolLayer( color, width );
    layer->setPenCapStyle( cap );
    layer->setPenJoinStyle( Qt::RoundJoin );
    if ( !dashes.isEmpty() )
    {
      layer->setUseCustomDashPattern( true );
      layer->setCustomDashVector( dashes );
    }
    return layer;
  }

  QgsSymbolLayer *markerLine( const QString &shape, double interval, double size, double strokeWidth )
  {
    QgsSymbolLayer *layer = QgsMarkerLineSymbolLayer::create( QVariantMap
    {
      { QStringLiteral( "interval" ), interval },
      { QStringLiteral( "placement" ), QStringLiteral( "interval" ) },
      { QStringLiteral( "rotate" ), QStringLiteral( "1" ) },
      { QStringLiteral( "offset_along_line" ), interval / 2 },
    } );
    layer->setSubSymbol( QgsMarkerSymbol::createSimple( QVariantMap
    {
      { QStringLiteral( "name" ), shape },
      { QStringLiteral( "size" ), size },
      { QStringLiteral( "color" ), colorText( sInk ) },
      { QStringLiteral( "outline_color" ), colorText( sInk ) },
      { QStringLiteral( "outline_width" ), strokeWidth },
      { QStringLiteral( "angle" ), 90 },
    } ) );
    return layer;
  }

  QgsSymbol *lineSymbol( RtFeatureStatus status, bool print )
  {
    const QColor color = RtMapStyle::statusColor( status );
    QgsSymbolLayerList layers;
    if ( status == RtFeatureStatus::None )
    {
      layers << simpleLine( QColor( 110, 110, 110 ), 0.5, {}, Qt::RoundCap );
      return new QgsLineSymbol( layers );
    }
    if ( !print )
    {
      // A dark casing keeps the light colours (yellow, light grey) visible on land.
      layers << simpleLine( sInk, 1.5, {}, Qt::RoundCap ) << simpleLine( color, 0.9, {}, Qt::RoundCap );
      return new QgsLineSymbol( layers );
    }
    // Print: a light band in the status colour, the meaning carried by the black pattern on it.
    layers << simpleLine( tint( color, 0.6 ), 2.0, {}, Qt::RoundCap );
    switch ( status )
    {
      case RtFeatureStatus::Overdue:
        layers << simpleLine( sInk, 0.9 ) << markerLine( QStringLiteral( "cross2" ), 3.0, 2.2, 0.4 );
        break;
      case RtFeatureStatus::Blocked:
        layers << simpleLine( sInk, 0.7 ) << markerLine( QStringLiteral( "line" ), 2.0, 2.2, 0.4 );
        break;
      case RtFeatureStatus::InProgress:
        layers << simpleLine( sInk, 0.8, { 3.0, 1.5 } );
        break;
      case RtFeatureStatus::Done:
        layers << simpleLine( sInk, 1.4 ) << simpleLine( QColor( Qt::white ), 0.5 ); // a cased double line
        break;
      case RtFeatureStatus::NotStarted:
        layers << simpleLine( sInk, 0.8, { 0.01, 1.6 }, Qt::RoundCap ); // round dots
        break;
      case RtFeatureStatus::Dropped:
        layers << simpleLine( sInk, 0.3, { 1.0, 1.0 } );
        break;
      case RtFeatureStatus::NoReport:
        layers << simpleLine( sInk, 0.4, { 4.0, 1.2, 0.8, 1.2 } ); // dash-dot
        break;
      case RtFeatureStatus::None:
        break;
    }
    return new QgsLineSymbol( layers );
  }

  QgsSymbol *statusSymbol( RtMapStyle::LayerKind kind, RtFeatureStatus status, bool print )
  {
    return kind == RtMapStyle::LayerKind::SiteLines ? lineSymbol( status, print ) : polygonSymbol( kind, status, print );
  }

  QgsTextFormat textFormat( double size, bool bold, bool italic, const QColor &color, double buffer )
  {
    QFont font( RtMapStyle::fontFamily() );
    font.setBold( bold );
    font.setItalic( italic );
    QgsTextFormat format;
    format.setFont( font );
    format.setSize( size );
    format.setSizeUnit( QgsUnitTypes::RenderPoints );
    format.setColor( color );
    if ( buffer > 0 )
    {
      QgsTextBufferSettings b;
      b.setEnabled( true );
      b.setSize( buffer );
      b.setSizeUnit( QgsUnitTypes::RenderMillimeters );
      b.setColor( QColor( 255, 255, 255, 230 ) );
      format.setBuffer( b );
    }
    return format;
  }
}

QVector<RtMapStyle::LayerKind> RtMapStyle::allKinds()
{
  return { LayerKind::Land, LayerKind::Wards, LayerKind::Wards2025, LayerKind::Zones, LayerKind::Border,
           LayerKind::Sites, LayerKind::SiteLines };
}

bool RtMapStyle::hasStatus( LayerKind kind )
{
  return kind == LayerKind::Wards || kind == LayerKind::Zones || kind == LayerKind::Sites || kind == LayerKind::SiteLines;
}

QString RtMapStyle::tableName( LayerKind kind )
{
  switch ( kind )
  {
    case LayerKind::Land: return QStringLiteral( "land" );
    case LayerKind::Border: return QStringLiteral( "border" );
    case LayerKind::Wards: return QStringLiteral( "wards_2023" );
    case LayerKind::Wards2025: return QStringLiteral( "wards_2025" );
    case LayerKind::Zones: return QStringLiteral( "zones" );
    case LayerKind::Sites: return QStringLiteral( "sites" );
    case LayerKind::SiteLines: return QStringLiteral( "site_lines" );
  }
  return QString();
}

QString RtMapStyle::styleName( LayerKind kind, bool print )
{
  QString base;
  switch ( kind )
  {
    case LayerKind::Land: base = QStringLiteral( "land" ); break;
    case LayerKind::Border: base = QStringLiteral( "border" ); break;
    case LayerKind::Wards: base = QStringLiteral( "wards" ); break;
    case LayerKind::Wards2025: base = QStringLiteral( "wards_2025" ); break;
    case LayerKind::Zones: base = QStringLiteral( "zones" ); break;
    case LayerKind::Sites: base = QStringLiteral( "sites" ); break;
    case LayerKind::SiteLines: base = QStringLiteral( "site_lines" ); break;
  }
  // Base layers already read in black and white: they have one style for both uses.
  return print && hasStatus( kind ) ? base + QStringLiteral( "_print" ) : base;
}

QString RtMapStyle::layerTitle( LayerKind kind )
{
  switch ( kind )
  {
    case LayerKind::Land: return rtBilingual( "RtMapStyle", "Land" );
    case LayerKind::Border: return rtBilingual( "RtMapStyle", "International border" );
    case LayerKind::Wards: return rtBilingual( "RtMapStyle", "Wards and communes (2023)" );
    case LayerKind::Wards2025: return rtBilingual( "RtMapStyle", "Units from 1/7/2025" );
    case LayerKind::Zones: return rtBilingual( "RtMapStyle", "Zoning sub-plans" );
    case LayerKind::Sites: return rtBilingual( "RtMapStyle", "Sites" );
    case LayerKind::SiteLines: return rtBilingual( "RtMapStyle", "Roads, bridges, lighting" );
  }
  return QString();
}

QVector<RtFeatureStatus> RtMapStyle::legendOrder()
{
  return { RtFeatureStatus::Overdue, RtFeatureStatus::Blocked, RtFeatureStatus::NotStarted, RtFeatureStatus::InProgress,
           RtFeatureStatus::Done, RtFeatureStatus::Dropped, RtFeatureStatus::NoReport, RtFeatureStatus::None };
}

QColor RtMapStyle::statusColor( RtFeatureStatus status )
{
  // Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
  switch ( status )
  {
    case RtFeatureStatus::Done: return QColor( 0, 158, 115 );       // bluish green #009E73
    case RtFeatureStatus::InProgress: return QColor( 86, 180, 233 ); // sky blue #56B4E9
    case RtFeatureStatus::Overdue: return QColor( 213, 94, 0 );      // vermillion #D55E00
    case RtFeatureStatus::Blocked: return QColor( 204, 121, 167 );   // reddish purple #CC79A7
    case RtFeatureStatus::NotStarted: return QColor( 240, 228, 66 ); // yellow #F0E442
    case RtFeatureStatus::Dropped: return QColor( 153, 153, 153 );   // grey #999999
    case RtFeatureStatus::NoReport: return QColor( 221, 221, 221 );  // light grey #DDDDDD
    case RtFeatureStatus::None: return QColor( 255, 255, 255, 0 );   // transparent: only the outline shows
  }
  return QColor();
}

QString RtMapStyle::legendLabel( RtFeatureStatus status )
{
  return QStringLiteral( "%1 / %2" ).arg( RtFeatureStatuses::label( status, RtLang::Vi ), RtFeatureStatuses::label( status, RtLang::En ) );
}

QgsFeatureRenderer *RtMapStyle::createRenderer( LayerKind kind, bool print )
{
  switch ( kind )
  {
    case LayerKind::Land:
      return new QgsSingleSymbolRenderer( new QgsFillSymbol( { solidFill( QColor( 246, 243, 234 ), QColor( 120, 120, 120 ), 0.2 ) } ) );
    case LayerKind::Border:
    {
      // A pale band under a dash-dot line: the usual international-border sign, clear in B/W.
      QgsSymbolLayerList layers;
      layers << simpleLine( QColor( 190, 190, 190, 200 ), 2.2, {}, Qt::RoundCap )
             << simpleLine( sInk, 0.6, { 5.0, 1.2, 1.0, 1.2 } );
      QgsLineSymbol *symbol = new QgsLineSymbol( layers );
      // Clipped to a page it barely touches, the border becomes an empty path whose wide band
      // Qt writes as a bare "h f" (pdftoppm: "No current point in closepath"); a few vertices
      // unclipped cost nothing.
      symbol->setClipFeaturesToExtent( false );
      return new QgsSingleSymbolRenderer( symbol );
    }
    case LayerKind::Wards2025:
      return new QgsSingleSymbolRenderer( new QgsFillSymbol( { outlineOnly( QColor( 60, 60, 60 ), 0.8, Qt::DashLine ) } ) );
    case LayerKind::Wards:
    case LayerKind::Zones:
    case LayerKind::Sites:
    case LayerKind::SiteLines:
      break;
  }
  QgsCategoryList categories;
  for ( RtFeatureStatus status : legendOrder() )
    categories << QgsRendererCategory( RtFeatureStatuses::code( status ), statusSymbol( kind, status, print ), legendLabel( status ) );
  // Features without a computed status (rt_status missing or empty) still draw, plainly.
  categories << QgsRendererCategory( QVariant(), statusSymbol( kind, RtFeatureStatus::None, print ),
                                     rtBilingual( "RtMapStyle", "Status not computed" ) );
  return new QgsCategorizedSymbolRenderer( QStringLiteral( "rt_status" ), categories );
}

QgsPalLayerSettings RtMapStyle::labelSettings( LayerKind kind )
{
  QgsPalLayerSettings s;
  s.isExpression = false;
  // Site names are long ("Chợ phiên vùng cao Pò Hèn, xã Hải Sơn"): on the map, the part
  // before any comma or parenthesis; the full name stays in the attribute table.
  const QString shortName = QStringLiteral( "trim(regexp_replace(regexp_replace(\"name_vi\", '\\\\(.*\\\\)', ''), ',.*$', ''))" );
  switch ( kind )
  {
    case LayerKind::Wards:
      // "Phường Trần Phú" → "Trần Phú": the map is about the places, the prefix is noise.
      s.fieldName = QStringLiteral( "regexp_replace(\"name\", '^(Phường |Xã |Thị trấn )', '')" );
      s.isExpression = true;
      s.setFormat( textFormat( 8, false, false, QColor( 40, 40, 40 ), 0.8 ) );
      s.placement = QgsPalLayerSettings::AroundPoint;
      s.dist = 0;
      s.centroidInside = true;
      s.autoWrapLength = 12;
      s.priority = 10; // every unit named: the map is read by them
      s.obstacleSettings().setIsObstacle( false ); // the units cover all the land: let other labels sit on them
      break;
    case LayerKind::Wards2025:
      s.fieldName = QStringLiteral( "name" );
      s.setFormat( textFormat( 9, false, true, QColor( 60, 60, 60 ), 0.8 ) );
      s.placement = QgsPalLayerSettings::Horizontal;
      break;
    case LayerKind::Zones:
      s.fieldName = QStringLiteral( "code" );
      s.setFormat( textFormat( 9, true, false, sInk, 1.0 ) );
      s.placement = QgsPalLayerSettings::AroundPoint;
      s.dist = 0;
      s.centroidInside = true;
      s.priority = 9;
      s.obstacleSettings().setIsObstacle( false );
      break;
    case LayerKind::Sites:
      s.fieldName = shortName;
      s.isExpression = true;
      s.setFormat( textFormat( 6.5, false, false, sInk, 0.7 ) );
      s.placement = QgsPalLayerSettings::AroundPoint;
      s.autoWrapLength = 22;
      s.priority = 4; // the units' names win where space is short
      break;
    case LayerKind::SiteLines:
      s.fieldName = shortName;
      s.isExpression = true;
      s.setFormat( textFormat( 6.5, false, false, sInk, 0.7 ) );
      s.placement = QgsPalLayerSettings::Curved;
      s.priority = 3;
      break;
    case LayerKind::Border:
      s.fieldName = QStringLiteral( "name" );
      s.setFormat( textFormat( 7, false, true, QColor( 70, 70, 70 ), 0.6 ) );
      s.placement = QgsPalLayerSettings::Curved;
      break;
    case LayerKind::Land:
      break;
  }
  return s;
}

void RtMapStyle::applyGenerated( QgsVectorLayer *layer, LayerKind kind, bool print )
{
  layer->setRenderer( createRenderer( kind, print ) );
  if ( kind == LayerKind::Land )
  {
    layer->setLabeling( nullptr );
    layer->setLabelsEnabled( false );
    return;
  }
  layer->setLabeling( new QgsVectorLayerSimpleLabeling( labelSettings( kind ) ) );
  layer->setLabelsEnabled( true );
}

QByteArray RtMapStyle::builtInQml( LayerKind kind, bool print )
{
  rtInitStyleResources();
  QFile f( QStringLiteral( ":/rtmap/styles/%1.qml" ).arg( styleName( kind, print ) ) );
  if ( !f.open( QIODevice::ReadOnly ) )
    return QByteArray();
  return f.readAll();
}

QString RtMapStyle::applyQml( QgsVectorLayer *layer, LayerKind kind, bool print, const QString &stylesDir )
{
  QByteArray qml;
  QString where;
  if ( !stylesDir.isEmpty() )
  {
    where = QStringLiteral( "%1/%2.qml" ).arg( stylesDir, styleName( kind, print ) );
    QFile f( where );
    if ( !f.open( QIODevice::ReadOnly ) )
      return rtMsg( "RtMapStyle", "%1: cannot read the style (%2)" ).arg( where, f.errorString() );
    qml = f.readAll();
  }
  else
  {
    where = QStringLiteral( "built-in %1.qml" ).arg( styleName( kind, print ) );
    qml = builtInQml( kind, print );
    if ( qml.isEmpty() )
      return rtMsg( "RtMapStyle", "%1 is missing from the library" ).arg( where );
  }
  QDomDocument doc;
  QString parseError;
  int line = 0;
  if ( !doc.setContent( qml, &parseError, &line ) )
    return rtMsg( "RtMapStyle", "%1: not a QML style (line %2: %3)" ).arg( where ).arg( line ).arg( parseError );
  QString error;
  if ( !layer->importNamedStyle( doc, error, QgsMapLayer::Symbology | QgsMapLayer::Labeling ) )
    return QStringLiteral( "%1: %2" ).arg( where, error );
  return QString();
}

QString RtMapStyle::fontFamily()
{
  return QStringLiteral( "DejaVu Sans" );
}
