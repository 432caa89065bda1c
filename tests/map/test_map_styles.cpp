// The QML styles of styles/ as stock QGIS loads them: standard renderers only, every
// status a category with its bilingual label, print variants that survive black and white.
#include "catch_compat.h"
#include "testutil.h"

#include "rtjoin.h"
#include "rtmapstyle.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgspallabeling.h>
#include <qgsreadwritecontext.h>
#include <qgssymbol.h>
#include <qgssymbollayer.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include <QDomDocument>
#include <QFileInfo>
#include <QSet>
#include <memory>

namespace
{
  using Kind = RtMapStyle::LayerKind;

  QString qmlPath( Kind kind, bool print )
  {
    return RtTestPaths::sourceDir() + QStringLiteral( "/styles/%1.qml" ).arg( RtMapStyle::styleName( kind, print ) );
  }

  //! A memory layer with the geometry and fields of the sample table of \a kind.
  std::unique_ptr<QgsVectorLayer> sampleLayer( Kind kind )
  {
    const bool lines = kind == Kind::Border || kind == Kind::SiteLines;
    const QString uri = QStringLiteral( "%1?crs=EPSG:5899&field=rt_status:string&field=name:string&field=code:string&field=name_vi:string&field=source:string" )
                        .arg( lines ? QStringLiteral( "MultiLineString" ) : QStringLiteral( "MultiPolygon" ) );
    return std::make_unique<QgsVectorLayer>( uri, RtMapStyle::tableName( kind ), QStringLiteral( "memory" ) );
  }

  //! What a symbol looks like without its colours: its layers' types and geometry-affecting properties.
  QString shapeSignature( const QgsSymbol *symbol )
  {
    QStringList parts;
    for ( int i = 0; i < symbol->symbolLayerCount(); ++i )
    {
      QgsSymbolLayer *layer = const_cast<QgsSymbol *>( symbol )->symbolLayer( i ); // subSymbol() is not const
      QStringList props;
      const QVariantMap map = layer->properties();
      for ( auto it = map.cbegin(); it != map.cend(); ++it )
        if ( !it.key().contains( QLatin1String( "color" ) ) )
          props << it.key() + QLatin1Char( '=' ) + it.value().toString();
      if ( layer->subSymbol() )
        props << QStringLiteral( "sub{%1}" ).arg( shapeSignature( layer->subSymbol() ) );
      parts << layer->layerType() + QLatin1Char( '(' ) + props.join( QLatin1Char( ',' ) ) + QLatin1Char( ')' );
    }
    return parts.join( QLatin1Char( '+' ) );
  }

  bool hasPatternLayer( const QgsSymbol *symbol )
  {
    for ( int i = 0; i < symbol->symbolLayerCount(); ++i )
    {
      const QString type = symbol->symbolLayer( i )->layerType();
      if ( type == QLatin1String( "LinePatternFill" ) || type == QLatin1String( "PointPatternFill" ) )
        return true;
    }
    return false;
  }

  const QgsRendererCategory *categoryFor( const QgsCategorizedSymbolRenderer *r, RtFeatureStatus status )
  {
    for ( const QgsRendererCategory &c : r->categories() )
      if ( c.value().toString() == RtFeatureStatuses::code( status ) )
        return &c;
    return nullptr;
  }
}

TEST_CASE( "every QML style of styles/ loads in stock QGIS", "[styles]" )
{
  for ( Kind kind : RtMapStyle::allKinds() )
  {
    for ( bool print : { false, true } )
    {
      if ( print && !RtMapStyle::hasStatus( kind ) )
        continue;
      const QString path = qmlPath( kind, print );
      INFO( path.toStdString() );
      REQUIRE( QFileInfo::exists( path ) );
      std::unique_ptr<QgsVectorLayer> layer = sampleLayer( kind );
      REQUIRE( layer->isValid() );
      bool ok = false;
      const QString message = layer->loadNamedStyle( path, ok );
      INFO( message.toStdString() );
      REQUIRE( ok );
      REQUIRE( layer->renderer() );
      if ( !RtMapStyle::hasStatus( kind ) )
      {
        CHECK( layer->renderer()->type() == QStringLiteral( "singleSymbol" ) );
        continue;
      }

      // A standard categorized renderer on rt_status: nothing of the plugin is needed to draw it.
      REQUIRE( layer->renderer()->type() == QStringLiteral( "categorizedSymbol" ) );
      const auto *r = static_cast<const QgsCategorizedSymbolRenderer *>( layer->renderer() );
      CHECK( r->classAttribute() == QStringLiteral( "rt_status" ) );
      for ( RtFeatureStatus status : RtFeatureStatuses::all() )
      {
        INFO( RtFeatureStatuses::code( status ).toStdString() );
        const QgsRendererCategory *c = categoryFor( r, status );
        REQUIRE( c );
        REQUIRE( c->symbol() );
        CHECK( c->renderState() );
        // Vietnamese first, then English: "Hoàn thành / Done".
        CHECK( c->label() == RtFeatureStatuses::label( status, RtLang::Vi ) + QStringLiteral( " / " ) + RtFeatureStatuses::label( status, RtLang::En ) );
      }
      CHECK( categoryFor( r, RtFeatureStatus::Done )->label() == QStringLiteral( "Hoàn thành / Done" ) );

      // Labels in a font with every Vietnamese diacritic.
      CHECK( layer->labelsEnabled() );
      REQUIRE( layer->labeling() );
      const QgsPalLayerSettings settings = layer->labeling()->settings();
      CHECK( settings.format().font().family() == QStringLiteral( "DejaVu Sans" ) );
      CHECK( !settings.fieldName.isEmpty() );
    }
  }
}

TEST_CASE( "the colour styles use the Okabe-Ito palette, one colour per status", "[styles]" )
{
  const QVector<Kind> kinds { Kind::Wards, Kind::Zones, Kind::Sites, Kind::SiteLines };
  for ( Kind kind : kinds )
  {
    INFO( RtMapStyle::styleName( kind, false ).toStdString() );
    std::unique_ptr<QgsVectorLayer> layer = sampleLayer( kind );
    bool ok = false;
    layer->loadNamedStyle( qmlPath( kind, false ), ok );
    REQUIRE( ok );
    const auto *r = dynamic_cast<const QgsCategorizedSymbolRenderer *>( layer->renderer() );
    REQUIRE( r );
    QSet<QRgb> seen;
    for ( RtFeatureStatus status : RtFeatureStatuses::all() )
    {
      if ( status == RtFeatureStatus::None )
        continue;
      const QgsSymbol *symbol = categoryFor( r, status )->symbol();
      // Fills: the fill layer; lines: the coloured line over the dark casing.
      const QColor color = symbol->symbolLayer( kind == Kind::SiteLines ? 1 : 0 )->color();
      INFO( RtFeatureStatuses::code( status ).toStdString() << " " << color.name().toStdString() );
      CHECK( color.rgb() == RtMapStyle::statusColor( status ).rgb() );
      seen.insert( color.rgb() );
    }
    CHECK( seen.size() == RtFeatureStatuses::all().size() - 1 );
  }
  CHECK( RtMapStyle::statusColor( RtFeatureStatus::Done ).name() == QStringLiteral( "#009e73" ) );
  CHECK( RtMapStyle::statusColor( RtFeatureStatus::InProgress ).name() == QStringLiteral( "#56b4e9" ) );
  CHECK( RtMapStyle::statusColor( RtFeatureStatus::Overdue ).name() == QStringLiteral( "#d55e00" ) );
  CHECK( RtMapStyle::statusColor( RtFeatureStatus::Blocked ).name() == QStringLiteral( "#cc79a7" ) );
}

TEST_CASE( "the print styles tell every status apart without colour", "[styles]" )
{
  const QVector<Kind> kinds { Kind::Wards, Kind::Zones, Kind::Sites, Kind::SiteLines };
  for ( Kind kind : kinds )
  {
    INFO( RtMapStyle::styleName( kind, true ).toStdString() );
    std::unique_ptr<QgsVectorLayer> layer = sampleLayer( kind );
    bool ok = false;
    layer->loadNamedStyle( qmlPath( kind, true ), ok );
    REQUIRE( ok );
    const auto *r = dynamic_cast<const QgsCategorizedSymbolRenderer *>( layer->renderer() );
    REQUIRE( r );
    QMap<QString, QString> signatures; // shape without colour → status
    for ( RtFeatureStatus status : RtFeatureStatuses::all() )
    {
      const QgsSymbol *symbol = categoryFor( r, status )->symbol();
      INFO( RtFeatureStatuses::code( status ).toStdString() );
      if ( kind != Kind::SiteLines && status != RtFeatureStatus::None )
        CHECK( hasPatternLayer( symbol ) ); // hatching or dots, not a solid fill
      if ( kind == Kind::SiteLines && status != RtFeatureStatus::None )
        CHECK( symbol->symbolLayerCount() >= 2 ); // a pale band and a black pattern on it
      const QString signature = shapeSignature( symbol );
      INFO( "same shape as " << signatures.value( signature ).toStdString() );
      CHECK( !signatures.contains( signature ) );
      signatures.insert( signature, RtFeatureStatuses::code( status ) );
    }
  }
}

TEST_CASE( "styles/ holds what the generator writes (no stale QML after a palette change)", "[styles]" )
{
  for ( Kind kind : RtMapStyle::allKinds() )
  {
    for ( bool print : { false, true } )
    {
      if ( print && !RtMapStyle::hasStatus( kind ) )
        continue;
      INFO( RtMapStyle::styleName( kind, print ).toStdString() << ": run rtmakeproject --styles styles" );
      std::unique_ptr<QgsVectorLayer> committed = sampleLayer( kind );
      bool ok = false;
      committed->loadNamedStyle( qmlPath( kind, print ), ok );
      REQUIRE( ok );
      std::unique_ptr<QgsVectorLayer> generated = sampleLayer( kind );
      RtMapStyle::applyGenerated( generated.get(), kind, print );

      QDomDocument a, b;
      QString error;
      committed->exportNamedStyle( a, error, QgsReadWriteContext(), QgsMapLayer::Symbology | QgsMapLayer::Labeling );
      generated->exportNamedStyle( b, error, QgsReadWriteContext(), QgsMapLayer::Symbology | QgsMapLayer::Labeling );
      CHECK( a.toString() == b.toString() );

      // The copy built into rtmap (used by the export) is the same file.
      CHECK( RtMapStyle::builtInQml( kind, print ) == rtReadAll( qmlPath( kind, print ) ) );
    }
  }
}
