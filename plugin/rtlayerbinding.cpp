#include "rtlayerbinding.h"
#include "rtkeyreader.h"
#include "rtmapstyle.h"
#include "rtstatusrenderer.h"
#include "rtstatustable.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsexpression.h>
#include <qgsexpressioncontext.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsmarkersymbol.h>
#include <qgsrenderer.h>
#include <qgssymbollayerutils.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace
{
  const QString sStoredField = QStringLiteral( "rt_status" );
  const QString sLiveField = QStringLiteral( "rt_status_live" );

  //! The layer's renderer is one of ours: categorized on a status field.
  QgsCategorizedSymbolRenderer *ourRenderer( QgsVectorLayer *layer )
  {
    auto *categorized = dynamic_cast<QgsCategorizedSymbolRenderer *>( layer->renderer() );
    if ( !categorized )
      return nullptr;
    const QString attribute = categorized->classAttribute();
    return attribute == sStoredField || attribute == sLiveField ? categorized : nullptr;
  }

  //! \a text as a JSON string literal.
  void appendJsonString( QString &out, const QString &text )
  {
    out += QLatin1Char( '"' );
    for ( const QChar c : text )
    {
      if ( c == QLatin1Char( '"' ) || c == QLatin1Char( '\\' ) )
        out += QLatin1Char( '\\' ) + c;
      else if ( c.unicode() < 0x20 )
        out += QStringLiteral( "\\u%1" ).arg( c.unicode(), 4, 16, QLatin1Char( '0' ) );
      else
        out += c;
    }
    out += QLatin1Char( '"' );
  }

  //! Points have no style of their own in RtMapStyle: the same palette on a marker.
  QgsFeatureRenderer *pointRenderer()
  {
    QgsCategoryList categories;
    for ( RtFeatureStatus status : RtMapStyle::legendOrder() )
    {
      QgsMarkerSymbol *symbol = QgsMarkerSymbol::createSimple( { { QStringLiteral( "name" ), QStringLiteral( "circle" ) },
        { QStringLiteral( "color" ), QgsSymbolLayerUtils::encodeColor( RtMapStyle::statusColor( status ) ) },
        { QStringLiteral( "size" ), QStringLiteral( "3.2" ) },
        { QStringLiteral( "outline_color" ), QStringLiteral( "35,35,35,255" ) } } );
      categories << QgsRendererCategory( RtFeatureStatuses::code( status ), symbol, RtMapStyle::legendLabel( status ) );
    }
    return new QgsCategorizedSymbolRenderer( sStoredField, categories );
  }
}

QString RtLayerBinding::mapVariable()
{
  return QStringLiteral( "rt_status_map" );
}

QString RtLayerBinding::asOfVariable()
{
  return QStringLiteral( "rt_status_as_of" );
}

QString RtLayerBinding::bindingProperty()
{
  return QStringLiteral( "resolution_tracker/binding" );
}

RtLayerBinding::RtLayerBinding( QgsVectorLayer *layer, const RtKeyBinding &binding )
  : mLayer( layer )
  , mBinding( binding )
  , mSource( std::make_shared<RtStatusSource>() )
{
}

RtLayerBinding::~RtLayerBinding()
{
  // Gone without detach() (the plugin unloaded, the binding replaced): the layer keeps its
  // colours the way QGIS without the plugin draws them, from the virtual field, and no
  // renderer of ours stays behind in it.
  QgsVectorLayer *layer = mLayer;
  auto *mine = layer ? dynamic_cast<RtStatusRenderer *>( layer->renderer() ) : nullptr;
  if ( !mine || mine->source() != mSource )
    return;
  if ( mLiveFieldStale )
    syncLiveField();
  layer->setRenderer( mine->toCategorized() );
}

QString RtLayerBinding::liveFieldName() const
{
  // The provider's own fields: our virtual field itself must not count.
  const bool hasRealField = mLayer && mLayer->dataProvider()
                            && mLayer->dataProvider()->fields().lookupField( sStoredField ) >= 0;
  return hasRealField ? sLiveField : sStoredField;
}

QString RtLayerBinding::keyExpression() const
{
  return RtKeyReader::keyExpression( mBinding );
}

QString RtLayerBinding::liveFieldExpression() const
{
  return QStringLiteral( "coalesce( map_get( json_to_map( @%1 ), %2 ), %3 )" )
         .arg( mapVariable(), keyExpression(), QgsExpression::quotedString( RtFeatureStatuses::code( RtFeatureStatus::None ) ) );
}

RtStatusResult RtLayerBinding::readKeys()
{
  mLive = RtLiveJoin();
  mKeyTexts.clear();
  mWarnings.clear();
  RtResult<std::shared_ptr<RtKeyReader>> reader = RtKeyReader::prepare( mLayer, mBinding );
  if ( !reader.ok() )
    return rtFail( reader.error() );
  reader.value()->read();
  adoptKeys( *reader.value() );
  return rtOk();
}

void RtLayerBinding::adoptKeys( RtKeyReader &reader )
{
  mWarnings = reader.warnings;
  mBinding.keyMap = reader.keyMap;
  mKeyTexts = std::move( reader.keyTexts );
  mLive = RtLiveJoin( std::move( reader.keys ), mBinding, mJoinOptions );
}

RtJoinResult RtLayerBinding::join( const QVector<RtTask> &tasks, const QDate &asOf ) const
{
  return RtJoin::join( mLive.features(), mBinding, tasks, asOf, mJoinOptions );
}

void RtLayerBinding::setWithDirectives( bool withDirectives )
{
  if ( withDirectives == mJoinOptions.withDirectives )
    return;
  mJoinOptions.withDirectives = withDirectives;
  mLive = RtLiveJoin( mLive.features(), mBinding, mJoinOptions ); // joined afresh by the next update()
}

void RtLayerBinding::update( const QVector<RtTask> &tasks, const QDate &asOf )
{
  QgsVectorLayer *layer = mLayer;
  if ( !layer )
    return;
  const RtLiveJoin::Change change = mLive.update( tasks, asOf );
  mAsOf = asOf;
  if ( change.full || !mTable )
  {
    mTable = std::make_shared<const RtStatusTable>( mLive.result().features );
  }
  else if ( !change.features.isEmpty() )
  {
    // A new table, not an edit: render jobs still drawing keep the one they started with.
    auto table = std::make_shared<RtStatusTable>( *mTable );
    for ( int i : change.features )
      table->set( mLive.result().features.at( i ).fid, mLive.result().features.at( i ).status );
    mTable = table;
  }
  mSource->setTable( mTable );
  applyRenderer();
  if ( change.full || !change.features.isEmpty() )
  {
    mLiveFieldStale = true;
    if ( change.full )
      syncLiveField();
    layer->triggerRepaint();
  }
}

void RtLayerBinding::syncLiveField()
{
  QgsVectorLayer *layer = mLayer;
  if ( !layer )
    return;
  // The JSON text is written by hand: QJsonObject takes seconds for 100,000 keys in Qt 5.
  QString map;
  map.reserve( 32 + mKeyTexts.size() / 4 * 24 );
  map += QLatin1Char( '{' );
  bool first = true;
  const QVector<RtFeatureResult> &features = mLive.result().features;
  for ( int i = 0; i < features.size() && i < mKeyTexts.size(); ++i )
  {
    // The field's coalesce() says "none": the map stays small on a big parcel layer.
    if ( features.at( i ).status == RtFeatureStatus::None || mKeyTexts.at( i ).isEmpty() )
      continue;
    if ( !first )
      map += QLatin1Char( ',' );
    first = false;
    appendJsonString( map, mKeyTexts.at( i ) );
    map += QLatin1Char( ':' );
    appendJsonString( map, RtFeatureStatuses::code( features.at( i ).status ) );
  }
  map += QLatin1Char( '}' );
  // Layer variables are stored as text: the map travels as JSON.
  QgsExpressionContextUtils::setLayerVariable( layer, mapVariable(), map );
  QgsExpressionContextUtils::setLayerVariable( layer, asOfVariable(), mAsOf.toString( Qt::ISODate ) );
  applyLiveField();
  mLiveFieldStale = false;
}

void RtLayerBinding::applyLiveField()
{
  QgsVectorLayer *layer = mLayer;
  const QString name = liveFieldName();
  const QString expression = liveFieldExpression();
  const QgsFields fields = layer->fields();
  const int index = fields.lookupField( name );
  if ( index >= 0 && fields.fieldOrigin( index ) == QgsFields::OriginExpression )
  {
    // Restored with the project, or bound before: refresh the expression only if it changed.
    if ( layer->expressionField( index ) != expression )
      layer->updateExpressionField( index, expression );
    return;
  }
  if ( index >= 0 )
    return; // a real field of that name (cannot happen: liveFieldName() avoids it)
  QgsField field( name, QVariant::String, QStringLiteral( "string" ) );
  field.setComment( tr( "Resolution Tracker: status of the feature's tasks (computed)" ) );
  layer->addExpressionField( expression, field );
}

void RtLayerBinding::applyRenderer()
{
  QgsVectorLayer *layer = mLayer;
  const QString live = liveFieldName();
  if ( auto *mine = dynamic_cast<RtStatusRenderer *>( layer->renderer() ) )
  {
    if ( mine->source() == mSource && mine->classAttribute() == live )
      return; // already drawing from our table: the repaint is enough
  }
  if ( QgsCategorizedSymbolRenderer *ours = ourRenderer( layer ) )
  {
    // A status style (ours, restored with the project, or the layer's QML): keep its
    // categories and look the statuses up by feature id.
    if ( ours->classAttribute() != live && mPreviousClassAttribute.isEmpty() && !mPreviousRenderer )
      mPreviousClassAttribute = ours->classAttribute();
    RtStatusRenderer *renderer = RtStatusRenderer::fromCategorized( *ours, mSource );
    renderer->setClassAttribute( live );
    layer->setRenderer( renderer );
    return;
  }
  // None of ours: keep the layer's own renderer to give it back, then apply the status style.
  if ( layer->renderer() && !mPreviousRenderer )
    mPreviousRenderer.reset( layer->renderer()->clone() );
  std::unique_ptr<QgsFeatureRenderer> style;
  switch ( layer->geometryType() )
  {
    case QgsWkbTypes::PointGeometry:
      style.reset( pointRenderer() );
      break;
    case QgsWkbTypes::LineGeometry:
      style.reset( RtMapStyle::createRenderer( RtMapStyle::LayerKind::SiteLines, false ) );
      break;
    default:
    {
      const RtMapStyle::LayerKind kind = mBinding.kind == QLatin1String( "ward" ) ? RtMapStyle::LayerKind::Wards
                                         : mBinding.kind == QLatin1String( "site" ) ? RtMapStyle::LayerKind::Sites
                                         : RtMapStyle::LayerKind::Zones;
      style.reset( RtMapStyle::createRenderer( kind, false ) );
      break;
    }
  }
  auto *categorized = dynamic_cast<QgsCategorizedSymbolRenderer *>( style.get() );
  if ( !categorized )
  {
    layer->setRenderer( style.release() );
    return;
  }
  RtStatusRenderer *renderer = RtStatusRenderer::fromCategorized( *categorized, mSource );
  renderer->setClassAttribute( live );
  layer->setRenderer( renderer );
}

void RtLayerBinding::detach()
{
  QgsVectorLayer *layer = mLayer;
  if ( !layer )
    return;
  const QgsFields fields = layer->fields();
  for ( const QString &name : { sStoredField, sLiveField } )
  {
    const int index = fields.lookupField( name );
    if ( index >= 0 && fields.fieldOrigin( index ) == QgsFields::OriginExpression )
    {
      layer->removeExpressionField( index );
      break;
    }
  }
  QStringList names = layer->customProperty( QStringLiteral( "variableNames" ) ).toStringList();
  QStringList values = layer->customProperty( QStringLiteral( "variableValues" ) ).toStringList();
  for ( int i = names.size() - 1; i >= 0; --i )
  {
    if ( names.at( i ) == mapVariable() || names.at( i ) == asOfVariable() )
    {
      names.removeAt( i );
      if ( i < values.size() )
        values.removeAt( i );
    }
  }
  QVariantMap variables;
  for ( int i = 0; i < names.size(); ++i )
    variables.insert( names.at( i ), values.value( i ) );
  QgsExpressionContextUtils::setLayerVariables( layer, variables );
  layer->removeCustomProperty( bindingProperty() );
  if ( mPreviousRenderer )
  {
    layer->setRenderer( mPreviousRenderer.release() );
  }
  else if ( QgsCategorizedSymbolRenderer *ours = ourRenderer( layer ) )
  {
    // Our style stays, on the stored field and reading it: the layer looks as it did
    // before the binding.
    QgsCategorizedSymbolRenderer *plain = ours;
    if ( auto *mine = dynamic_cast<RtStatusRenderer *>( ours ) )
      plain = mine->toCategorized();
    plain->setClassAttribute( mPreviousClassAttribute.isEmpty() ? sStoredField : mPreviousClassAttribute );
    if ( plain != ours )
      layer->setRenderer( plain );
    else
      emit layer->rendererChanged();
  }
  layer->triggerRepaint();
  mLive = RtLiveJoin( mLive.features(), mBinding, mJoinOptions );
  mSource->setTable( nullptr );
  mTable.reset();
}

void RtLayerBinding::inheritFrom( RtLayerBinding &previous )
{
  mPreviousRenderer = std::move( previous.mPreviousRenderer );
  mPreviousClassAttribute = previous.mPreviousClassAttribute;
}

QgsFeatureIds RtLayerBinding::featuresOfTask( const QString &taskId ) const
{
  QgsFeatureIds out;
  const QVector<RtFeatureResult> &features = mLive.result().features;
  for ( int i : mLive.featuresOfTask( taskId ) )
    out.insert( features.at( i ).fid );
  return out;
}

QStringList RtLayerBinding::tasksOfFeature( QgsFeatureId fid ) const
{
  const int index = mLive.indexOfFid( fid );
  if ( index < 0 || index >= mLive.result().features.size() )
    return QStringList();
  return mLive.result().features.at( index ).taskIds;
}

QStringList RtLayerBinding::keyValues( QgsFeatureId fid ) const
{
  const int index = mLive.indexOfFid( fid );
  return index < 0 ? QStringList() : mLive.features().at( index ).values;
}

RtFeatureStatus RtLayerBinding::statusOfFeature( QgsFeatureId fid ) const
{
  const int index = mLive.indexOfFid( fid );
  if ( index < 0 || index >= mLive.result().features.size() )
    return RtFeatureStatus::None;
  return mLive.result().features.at( index ).status;
}

QString RtLayerBinding::toJson( const RtKeyBinding &binding )
{
  QJsonObject o;
  o.insert( QStringLiteral( "kind" ), binding.kind );
  o.insert( QStringLiteral( "fields" ), QJsonArray::fromStringList( binding.fields ) );
  o.insert( QStringLiteral( "match" ), binding.match == RtKeyBinding::Match::Name ? QStringLiteral( "name" ) : QStringLiteral( "code" ) );
  if ( binding.keyMapSource.isSet() )
  {
    // Where the map is read from, not the map: it is read again with the keys.
    QJsonObject map;
    map.insert( QStringLiteral( "source" ), binding.keyMapSource.spec );
    map.insert( QStringLiteral( "from" ), binding.keyMapSource.fromField );
    map.insert( QStringLiteral( "to" ), binding.keyMapSource.toField );
    o.insert( QStringLiteral( "keyMap" ), map );
  }
  return QString::fromUtf8( QJsonDocument( o ).toJson( QJsonDocument::Compact ) );
}

std::optional<RtKeyBinding> RtLayerBinding::fromJson( const QString &json )
{
  const QJsonDocument doc = QJsonDocument::fromJson( json.toUtf8() );
  if ( !doc.isObject() )
    return std::nullopt;
  const QJsonObject o = doc.object();
  RtKeyBinding binding;
  binding.kind = o.value( QStringLiteral( "kind" ) ).toString();
  for ( const QJsonValue &v : o.value( QStringLiteral( "fields" ) ).toArray() )
    binding.fields << v.toString();
  binding.match = o.value( QStringLiteral( "match" ) ).toString() == QLatin1String( "name" ) ? RtKeyBinding::Match::Name : RtKeyBinding::Match::Code;
  const QJsonObject map = o.value( QStringLiteral( "keyMap" ) ).toObject();
  binding.keyMapSource.spec = map.value( QStringLiteral( "source" ) ).toString();
  binding.keyMapSource.fromField = map.value( QStringLiteral( "from" ) ).toString();
  binding.keyMapSource.toField = map.value( QStringLiteral( "to" ) ).toString();
  if ( binding.kind.isEmpty() || binding.fields.isEmpty() )
    return std::nullopt;
  return binding;
}

std::optional<RtKeyBinding> RtLayerBinding::stored( const QgsVectorLayer *layer )
{
  if ( !layer )
    return std::nullopt;
  const QString json = layer->customProperty( bindingProperty() ).toString();
  return json.isEmpty() ? std::nullopt : fromJson( json );
}

void RtLayerBinding::store( QgsVectorLayer *layer, const RtKeyBinding &binding )
{
  if ( layer )
    layer->setCustomProperty( bindingProperty(), toJson( binding ) );
}

std::optional<RtKeyBinding> RtLayerBinding::sampleBinding( const QgsVectorLayer *layer )
{
  if ( !layer || layer->providerType() != QLatin1String( "ogr" ) )
    return std::nullopt;
  const QString source = layer->source();
  const int at = source.indexOf( QLatin1String( "layername=" ) );
  if ( at < 0 )
    return std::nullopt;
  const QString table = source.mid( at + 10 ).section( QLatin1Char( '|' ), 0, 0 );
  RtKeyBinding binding;
  binding.match = RtKeyBinding::Match::Code;
  if ( table == QLatin1String( "wards_2023" ) )
  {
    binding.kind = QStringLiteral( "ward" );
    binding.fields = QStringList { QStringLiteral( "gso_code" ) };
  }
  else if ( table == QLatin1String( "zones" ) )
  {
    binding.kind = QStringLiteral( "zone" );
    binding.fields = QStringList { QStringLiteral( "code" ) };
  }
  else if ( table == QLatin1String( "wards_2025" ) )
  {
    // The units of 2025: the tasks name the communes of 2023, translated through the
    // sample's own mapping (wards_2023: gso_code → gso_code_2025).
    binding.kind = QStringLiteral( "ward" );
    binding.fields = QStringList { QStringLiteral( "gso_code" ) };
    binding.keyMapSource = RtKeyMapSource { QStringLiteral( "|layername=wards_2023" ), QStringLiteral( "gso_code" ), QStringLiteral( "gso_code_2025" ) };
  }
  else if ( table == QLatin1String( "sites" ) || table == QLatin1String( "site_lines" ) )
  {
    binding.kind = QStringLiteral( "site" );
    binding.fields = QStringList { QStringLiteral( "site_id" ) };
  }
  else
    return std::nullopt;
  if ( layer->fields().lookupField( binding.fields.first() ) < 0 )
    return std::nullopt;
  return binding;
}

std::optional<RtKeyBinding> RtLayerBinding::toRestore( const QgsVectorLayer *layer )
{
  const std::optional<RtKeyBinding> saved = stored( layer );
  return saved ? saved : sampleBinding( layer );
}
