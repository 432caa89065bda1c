#include "rtlayerbinding.h"
#include "rtmapstyle.h"

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

  bool isIntegerType( QVariant::Type type )
  {
    return type == QVariant::Int || type == QVariant::UInt || type == QVariant::LongLong || type == QVariant::ULongLong;
  }

  //! The layer's renderer is one of ours: categorized on a status field.
  QgsCategorizedSymbolRenderer *ourRenderer( QgsVectorLayer *layer )
  {
    auto *categorized = dynamic_cast<QgsCategorizedSymbolRenderer *>( layer->renderer() );
    if ( !categorized )
      return nullptr;
    const QString attribute = categorized->classAttribute();
    return attribute == sStoredField || attribute == sLiveField ? categorized : nullptr;
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
{
}

RtLayerBinding::~RtLayerBinding() = default;

QString RtLayerBinding::liveFieldName() const
{
  // The provider's own fields: our virtual field itself must not count.
  const bool hasRealField = mLayer && mLayer->dataProvider()
                            && mLayer->dataProvider()->fields().lookupField( sStoredField ) >= 0;
  return hasRealField ? sLiveField : sStoredField;
}

QString RtLayerBinding::keyExpression() const
{
  QStringList parts;
  for ( const QString &field : mBinding.fields )
    parts << QStringLiteral( "to_string( %1 )" ).arg( QgsExpression::quotedColumnRef( field.trimmed() ) );
  if ( parts.size() == 1 )
    return parts.first();
  return QStringLiteral( "concat( %1 )" ).arg( parts.join( QStringLiteral( ", '/', " ) ) );
}

QString RtLayerBinding::liveFieldExpression() const
{
  return QStringLiteral( "coalesce( map_get( json_to_map( @%1 ), %2 ), %3 )" )
         .arg( mapVariable(), keyExpression(), QgsExpression::quotedString( RtFeatureStatuses::code( RtFeatureStatus::None ) ) );
}

RtStatusResult RtLayerBinding::readKeys()
{
  mKeys.clear();
  mKeyTexts.clear();
  mIndexOfFid.clear();
  mWarnings.clear();
  QgsVectorLayer *layer = mLayer;
  if ( !layer || !layer->isValid() )
    return rtFail( tr( "the layer is not available" ) );
  if ( mBinding.fields.isEmpty() || mBinding.fields.size() > 3 )
    return rtFail( tr( "%1: bind 1 to 3 key fields, not %2" ).arg( layer->name() ).arg( mBinding.fields.size() ) );

  const QgsFields fields = layer->fields();
  QgsAttributeList indexes;
  bool plainTypes = true;
  for ( const QString &name : std::as_const( mBinding.fields ) )
  {
    const int index = fields.lookupField( name.trimmed() );
    if ( index < 0 )
      return rtFail( tr( "layer %1 has no field '%2'; its fields: %3" ).arg( layer->name(), name.trimmed(), fields.names().join( QStringLiteral( ", " ) ) ) );
    indexes << index;
    const QVariant::Type type = fields.at( index ).type();
    plainTypes = plainTypes && ( type == QVariant::String || isIntegerType( type ) );
  }
  // GSO commune codes are 5 digits; a numeric field has lost the leading zero (as RtLayerKeys does).
  const QVariant::Type firstType = fields.at( indexes.first() ).type();
  const bool padCode = mBinding.match == RtKeyBinding::Match::Code
                       && ( mBinding.kind == QLatin1String( "ward" ) || mBinding.kind == QLatin1String( "parcel" ) )
                       && ( isIntegerType( firstType ) || firstType == QVariant::Double );
  if ( padCode )
    mWarnings << tr( "%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)" ).arg( layer->name(), mBinding.fields.first() );

  // The map key must be exactly what the field's expression computes: for strings and
  // integers that is the value's text; any other type goes through the expression itself.
  QgsExpression keyExpr( keyExpression() );
  QgsExpressionContext context( QgsExpressionContextUtils::globalProjectLayerScopes( layer ) );
  if ( !plainTypes )
    keyExpr.prepare( &context );

  QgsFeatureRequest request;
  request.setFlags( QgsFeatureRequest::NoGeometry );
  request.setSubsetOfAttributes( indexes );
  QgsFeatureIterator it = layer->getFeatures( request );
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
  {
    RtFeatureKey key;
    key.fid = feature.id();
    QStringList raw;
    for ( int k = 0; k < indexes.size(); ++k )
    {
      const QVariant value = feature.attribute( indexes.at( k ) );
      const QString text = value.isNull() ? QString() : value.toString();
      raw << text;
      QString keyValue = text;
      if ( k == 0 && padCode && !value.isNull() )
      {
        bool ok = false;
        const double number = value.toDouble( &ok );
        if ( ok && number >= 0 && number < 1e15 && std::floor( number ) == number )
          keyValue = QString::number( static_cast<qint64>( number ) ).rightJustified( 5, QLatin1Char( '0' ) );
      }
      key.values << keyValue;
    }
    QString keyText;
    if ( plainTypes )
      keyText = raw.join( QLatin1Char( '/' ) );
    else
    {
      context.setFeature( feature );
      keyText = keyExpr.evaluate( &context ).toString();
    }
    mIndexOfFid.insert( feature.id(), mKeys.size() );
    mKeys << key;
    mKeyTexts << keyText;
  }
  return rtOk();
}

RtJoinResult RtLayerBinding::join( const QVector<RtTask> &tasks, const QDate &asOf ) const
{
  return RtJoin::join( mKeys, mBinding, tasks, asOf );
}

void RtLayerBinding::update( const QVector<RtTask> &tasks, const QDate &asOf )
{
  QgsVectorLayer *layer = mLayer;
  if ( !layer )
    return;
  mResult = join( tasks, asOf );
  mFeaturesOfTask.clear();
  QJsonObject map;
  for ( const RtFeatureResult &r : std::as_const( mResult.features ) )
  {
    for ( const QString &id : r.taskIds )
      mFeaturesOfTask[id].insert( r.fid );
    if ( r.status == RtFeatureStatus::None )
      continue; // the field's coalesce() says "none": the map stays small on a big parcel layer
    const int index = mIndexOfFid.value( r.fid, -1 );
    if ( index >= 0 && !mKeyTexts.at( index ).isEmpty() )
      map.insert( mKeyTexts.at( index ), RtFeatureStatuses::code( r.status ) );
  }
  // Layer variables are stored as text: the map travels as JSON.
  QgsExpressionContextUtils::setLayerVariable( layer, mapVariable(), QString::fromUtf8( QJsonDocument( map ).toJson( QJsonDocument::Compact ) ) );
  QgsExpressionContextUtils::setLayerVariable( layer, asOfVariable(), asOf.toString( Qt::ISODate ) );
  applyLiveField();
  applyRenderer();
  layer->triggerRepaint();
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
  if ( QgsCategorizedSymbolRenderer *ours = ourRenderer( layer ) )
  {
    if ( ours->classAttribute() != live )
    {
      if ( mPreviousClassAttribute.isEmpty() && !mPreviousRenderer )
        mPreviousClassAttribute = ours->classAttribute();
      ours->setClassAttribute( live );
    }
    return;
  }
  // None of ours: keep the layer's own renderer to give it back, then apply the status style.
  if ( layer->renderer() && !mPreviousRenderer )
    mPreviousRenderer.reset( layer->renderer()->clone() );
  QgsFeatureRenderer *renderer = nullptr;
  switch ( layer->geometryType() )
  {
    case QgsWkbTypes::PointGeometry:
      renderer = pointRenderer();
      break;
    case QgsWkbTypes::LineGeometry:
      renderer = RtMapStyle::createRenderer( RtMapStyle::LayerKind::SiteLines, false );
      break;
    default:
    {
      const RtMapStyle::LayerKind kind = mBinding.kind == QLatin1String( "ward" ) ? RtMapStyle::LayerKind::Wards
                                         : mBinding.kind == QLatin1String( "site" ) ? RtMapStyle::LayerKind::Sites
                                         : RtMapStyle::LayerKind::Zones;
      renderer = RtMapStyle::createRenderer( kind, false );
      break;
    }
  }
  if ( auto *categorized = dynamic_cast<QgsCategorizedSymbolRenderer *>( renderer ) )
    categorized->setClassAttribute( live );
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
    // Our style stays, on the stored field: the layer looks as it did before the binding.
    ours->setClassAttribute( mPreviousClassAttribute.isEmpty() ? sStoredField : mPreviousClassAttribute );
    emit layer->rendererChanged();
  }
  layer->triggerRepaint();
  mResult = RtJoinResult();
  mFeaturesOfTask.clear();
}

void RtLayerBinding::inheritFrom( RtLayerBinding &previous )
{
  mPreviousRenderer = std::move( previous.mPreviousRenderer );
  mPreviousClassAttribute = previous.mPreviousClassAttribute;
}

QgsFeatureIds RtLayerBinding::featuresOfTask( const QString &taskId ) const
{
  return mFeaturesOfTask.value( taskId );
}

QStringList RtLayerBinding::tasksOfFeature( QgsFeatureId fid ) const
{
  const int index = mIndexOfFid.value( fid, -1 );
  if ( index < 0 || index >= mResult.features.size() )
    return QStringList();
  return mResult.features.at( index ).taskIds;
}

QStringList RtLayerBinding::keyValues( QgsFeatureId fid ) const
{
  const int index = mIndexOfFid.value( fid, -1 );
  return index < 0 ? QStringList() : mKeys.at( index ).values;
}

RtFeatureStatus RtLayerBinding::statusOfFeature( QgsFeatureId fid ) const
{
  const int index = mIndexOfFid.value( fid, -1 );
  if ( index < 0 || index >= mResult.features.size() )
    return RtFeatureStatus::None;
  return mResult.features.at( index ).status;
}

QString RtLayerBinding::toJson( const RtKeyBinding &binding )
{
  QJsonObject o;
  o.insert( QStringLiteral( "kind" ), binding.kind );
  o.insert( QStringLiteral( "fields" ), QJsonArray::fromStringList( binding.fields ) );
  o.insert( QStringLiteral( "match" ), binding.match == RtKeyBinding::Match::Name ? QStringLiteral( "name" ) : QStringLiteral( "code" ) );
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
