#include "rtprocessingjoin.h"
#include "rtcrscheck.h"
#include "rtjoin.h"
#include "rtlayerkeys.h"

#include <qgscoordinatereferencesystem.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesink.h>
#include <qgsfields.h>
#include <qgsexception.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QHash>

#include <algorithm>
#include <cmath>

namespace
{
  const QStringList sKinds = { QStringLiteral( "ward" ), QStringLiteral( "zone" ), QStringLiteral( "site" ), QStringLiteral( "parcel" ) };
  const QStringList sMatches = { QStringLiteral( "code" ), QStringLiteral( "name" ) };

  bool isNumeric( QVariant::Type type )
  {
    return type == QVariant::Int || type == QVariant::UInt || type == QVariant::LongLong || type == QVariant::ULongLong || type == QVariant::Double;
  }

  //! The result fields, in the types `restrack join --write` gives them.
  QgsFields resultFields()
  {
    QgsFields fields;
    fields.append( QgsField( QStringLiteral( "rt_status" ), QVariant::String ) );
    fields.append( QgsField( QStringLiteral( "rt_tasks" ), QVariant::String ) );
    fields.append( QgsField( QStringLiteral( "rt_share_done" ), QVariant::Double ) );
    fields.append( QgsField( QStringLiteral( "rt_as_of" ), QVariant::Date ) );
    return fields;
  }
}

QString RtJoinTasksAlgorithm::name() const
{
  return QStringLiteral( "jointasks" );
}

QString RtJoinTasksAlgorithm::displayName() const
{
  return tr( "Join resolution tasks to a layer" );
}

QStringList RtJoinTasksAlgorithm::tags() const
{
  return tr( "resolution,task,status,join,ward,zone,parcel,council" ).split( QLatin1Char( ',' ) );
}

QString RtJoinTasksAlgorithm::shortDescription() const
{
  return tr( "Gives every feature of a layer the aggregated status of the resolution tasks that name its place." );
}

QString RtJoinTasksAlgorithm::shortHelpString() const
{
  return tr( "Joins the tasks of a resolution's register to the features of any vector layer by a place key, as "
             "restrack join does, and writes the layer with four more fields: rt_status (the status code the "
             "Resolution Tracker styles colour: none, not_started, in_progress, done, blocked, dropped, no_report, "
             "overdue), rt_tasks (the ids of the feature's tasks), rt_share_done (done tasks / tasks not dropped, "
             "0 to 1) and rt_as_of. Fields of those names in the input are replaced.\n\n"
             "Place kind: which places of the tasks the layer holds (ward or commune, zoning zone, site, cadastral "
             "parcel). Key fields: the field that holds the place's code or name, or for parcels the commune code, "
             "map sheet and parcel number fields. Match by code compares codes (GSO codes in numeric fields get their "
             "leading zeros back); match by name compares Vietnamese place names however they are spelled "
             "(\"Hải Hòa\", \"Hải Hoà\", \"P. Hai Hoa\").\n\n"
             "Key map (optional): when the layer holds other units than the tasks name (the units of 2025 for tasks "
             "written in the communes of 2023), a table and two of its fields translating the tasks' keys into the "
             "layer's; a key the map lacks is reported as unmatched, never guessed.\n\n"
             "Every task link that matches no feature, and every key that matches several features (it then counts "
             "for none), is listed in the log and counted in the outputs UNMATCHED and AMBIGUOUS.\n\n%1" )
         .arg( registerHelp() );
}

RtJoinTasksAlgorithm *RtJoinTasksAlgorithm::createInstance() const
{
  return new RtJoinTasksAlgorithm();
}

void RtJoinTasksAlgorithm::initAlgorithm( const QVariantMap & )
{
  addRegisterParameter();
  addParameter( new QgsProcessingParameterFeatureSource( QString::fromLatin1( INPUT ), tr( "Layer" ),
                QList<int>() << QgsProcessing::TypeVector ) );
  auto kind = std::make_unique<QgsProcessingParameterEnum>( QString::fromLatin1( KIND ), tr( "Place kind (ward, zone, site, parcel)" ),
              sKinds, false, QStringLiteral( "ward" ), false, true );
  addParameter( kind.release() );
  addParameter( new QgsProcessingParameterField( QString::fromLatin1( KEY_FIELDS ), tr( "Key field(s): code or name; commune, sheet and parcel for parcels" ),
                QVariant(), QString::fromLatin1( INPUT ), QgsProcessingParameterField::Any, true, false ) );
  addParameter( new QgsProcessingParameterEnum( QString::fromLatin1( MATCH ), tr( "Match by (code or name)" ),
                sMatches, false, QStringLiteral( "code" ), false, true ) );
  addAsOfParameter();

  auto keyMap = std::make_unique<QgsProcessingParameterVectorLayer>( QString::fromLatin1( KEY_MAP ), tr( "Key map table (optional)" ),
                QList<int>() << QgsProcessing::TypeVector, QVariant(), true );
  keyMap->setFlags( keyMap->flags() | QgsProcessingParameterDefinition::FlagAdvanced );
  addParameter( keyMap.release() );
  auto from = std::make_unique<QgsProcessingParameterField>( QString::fromLatin1( KEY_MAP_FROM ), tr( "Key map: field of the tasks' keys" ),
              QVariant(), QString::fromLatin1( KEY_MAP ), QgsProcessingParameterField::Any, false, true );
  from->setFlags( from->flags() | QgsProcessingParameterDefinition::FlagAdvanced );
  addParameter( from.release() );
  auto to = std::make_unique<QgsProcessingParameterField>( QString::fromLatin1( KEY_MAP_TO ), tr( "Key map: field of the layer's keys" ),
            QVariant(), QString::fromLatin1( KEY_MAP ), QgsProcessingParameterField::Any, false, true );
  to->setFlags( to->flags() | QgsProcessingParameterDefinition::FlagAdvanced );
  addParameter( to.release() );

  addParameter( new QgsProcessingParameterFeatureSink( QString::fromLatin1( OUTPUT ), tr( "Layer with task status" ) ) );
  addOutput( new QgsProcessingOutputNumber( QString::fromLatin1( FEATURES ), tr( "Features written" ) ) );
  addOutput( new QgsProcessingOutputNumber( QString::fromLatin1( LINKED_FEATURES ), tr( "Features with tasks" ) ) );
  addOutput( new QgsProcessingOutputNumber( QString::fromLatin1( UNMATCHED ), tr( "Task links that matched no feature" ) ) );
  addOutput( new QgsProcessingOutputNumber( QString::fromLatin1( AMBIGUOUS ), tr( "Keys that matched several features" ) ) );
}

QVariantMap RtJoinTasksAlgorithm::processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback )
{
  // The register and the tasks as of the date first: a wrong register is the likeliest mistake.
  const QDate asOf = asOfDate( parameters, context );
  const std::unique_ptr<RtStore> store = openRegister( parameters, context );
  const QVector<RtTask> tasks = tasksAsOf( *store, asOf );

  std::unique_ptr<QgsProcessingFeatureSource> source( parameterAsSource( parameters, QString::fromLatin1( INPUT ), context ) );
  if ( !source )
    throw QgsProcessingException( invalidSourceError( parameters, QString::fromLatin1( INPUT ) ) );
  const QString layerName = source->sourceName();

  RtKeyBinding binding;
  binding.kind = parameterAsEnumString( parameters, QString::fromLatin1( KIND ), context );
  if ( !sKinds.contains( binding.kind ) )
    throw QgsProcessingException( tr( "The place kind must be one of %1, not '%2'." ).arg( sKinds.join( QStringLiteral( ", " ) ), binding.kind ) );
  const QString match = parameterAsEnumString( parameters, QString::fromLatin1( MATCH ), context );
  binding.match = match == QLatin1String( "name" ) ? RtKeyBinding::Match::Name : RtKeyBinding::Match::Code;
  binding.fields = parameterAsFields( parameters, QString::fromLatin1( KEY_FIELDS ), context );
  if ( binding.fields.isEmpty() || binding.fields.size() > 3 )
    throw QgsProcessingException( tr( "%1: choose 1 to 3 key fields, not %2." ).arg( layerName ).arg( binding.fields.size() ) );
  const QgsFields inputFields = source->fields();
  QgsAttributeList keyIndexes;
  for ( const QString &field : std::as_const( binding.fields ) )
  {
    const int index = inputFields.lookupField( field );
    if ( index < 0 )
      throw QgsProcessingException( tr( "Layer %1 has no field '%2'; its fields: %3" ).arg( layerName, field, inputFields.names().join( QStringLiteral( ", " ) ) ) );
    keyIndexes << index;
  }

  // A wrong CRS would put the statuses kilometres away (the check of restrack join and the plugin).
  const QgsRectangle extent = source->sourceExtent();
  if ( QgsWkbTypes::geometryType( source->wkbType() ) != QgsWkbTypes::NullGeometry && !extent.isNull() && !extent.isEmpty() )
  {
    const QgsCoordinateReferenceSystem crs = source->sourceCrs();
    const QString declared = !crs.isValid() ? QString() : crs.authid().isEmpty() ? crs.toWkt() : crs.authid();
    const RtCrsDiagnosis diagnosis = RtCrsCheck::diagnose( declared, RtCrsCheck::extentPoints( extent.toRectF() ) );
    if ( !diagnosis.fits )
      throw QgsProcessingException( tr( "Layer %1 is not where the register's places are: %2 (Layer Properties › Source › Assigned CRS)" ).arg( layerName, diagnosis.message ) );
  }

  // The key map, read by the reader restrack join --key-map uses (a file layer: GeoPackage, shapefile, …).
  if ( QgsVectorLayer *mapLayer = parameterAsVectorLayer( parameters, QString::fromLatin1( KEY_MAP ), context ) )
  {
    const QString fromField = parameterAsString( parameters, QString::fromLatin1( KEY_MAP_FROM ), context );
    const QString toField = parameterAsString( parameters, QString::fromLatin1( KEY_MAP_TO ), context );
    if ( fromField.isEmpty() || toField.isEmpty() )
      throw QgsProcessingException( tr( "A key map needs its two fields: the tasks' keys (e.g. gso_code) and the layer's (e.g. gso_code_2025)." ) );
    if ( mapLayer->providerType() != QLatin1String( "ogr" ) )
      throw QgsProcessingException( tr( "The key map %1 must be a file layer (GeoPackage, shapefile, …), not a %2 layer." ).arg( mapLayer->name(), mapLayer->providerType() ) );
    QStringList warnings;
    const RtResult<QHash<QString, QString>> keyMap = RtLayerKeys::readKeyMap( mapLayer->source(), binding.kind, fromField, toField, &warnings );
    if ( !keyMap.ok() )
      throw QgsProcessingException( tr( "The key map cannot be read: %1" ).arg( keyMap.error() ) );
    if ( keyMap.value().isEmpty() )
      throw QgsProcessingException( tr( "The key map %1 (%2 → %3) is empty." ).arg( mapLayer->name(), fromField, toField ) );
    for ( const QString &w : std::as_const( warnings ) )
      feedback->pushWarning( w );
    binding.keyMap = keyMap.value();
  }

  // The keys, geometry skipped. GSO commune codes are 5 digits; a numeric field has lost the
  // leading zero (the rule of RtLayerKeys::read(), which restrack join uses).
  const QVariant::Type firstType = inputFields.at( keyIndexes.first() ).type();
  const bool padCode = binding.match == RtKeyBinding::Match::Code
                       && ( binding.kind == QLatin1String( "ward" ) || binding.kind == QLatin1String( "parcel" ) )
                       && isNumeric( firstType );
  if ( padCode )
    feedback->pushWarning( tr( "%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)" ).arg( layerName, binding.fields.first() ) );

  QVector<RtFeatureKey> keys;
  const long long count = source->featureCount();
  const double step = count > 0 ? 40.0 / static_cast<double>( count ) : 0;
  {
    QgsFeatureRequest request;
    request.setFlags( QgsFeatureRequest::NoGeometry );
    request.setSubsetOfAttributes( keyIndexes );
    QgsFeatureIterator it = source->getFeatures( request, QgsProcessingFeatureSource::FlagSkipGeometryValidityChecks );
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
    {
      if ( feedback->isCanceled() )
        return QVariantMap();
      RtFeatureKey key;
      key.fid = feature.id();
      for ( int k = 0; k < keyIndexes.size(); ++k )
      {
        const QVariant value = feature.attribute( keyIndexes.at( k ) );
        QString text = value.isNull() ? QString() : value.toString();
        if ( k == 0 && padCode && !value.isNull() )
        {
          bool ok = false;
          const double number = value.toDouble( &ok );
          if ( ok && number >= 0 && number < 1e15 && std::floor( number ) == number )
            text = QString::number( static_cast<qint64>( number ) ).rightJustified( 5, QLatin1Char( '0' ) );
        }
        key.values << text;
      }
      keys << key;
      feedback->setProgress( keys.size() * step );
    }
  }

  const RtJoinResult result = RtJoin::join( keys, binding, tasks, asOf );
  feedback->setProgress( 50 );

  // The output: the input's fields, ours replacing any of the same name.
  QgsFields outFields;
  QVector<int> inputIndexOf;  // output field → input field
  const QgsFields added = resultFields();
  for ( int i = 0; i < inputFields.count(); ++i )
  {
    if ( added.lookupField( inputFields.at( i ).name() ) >= 0 )
      continue;
    outFields.append( inputFields.at( i ) );
    inputIndexOf << i;
  }
  for ( const QgsField &f : added )
    outFields.append( f );

  QString destination;
  std::unique_ptr<QgsFeatureSink> sink( parameterAsSink( parameters, QString::fromLatin1( OUTPUT ), context, destination, outFields,
                                        source->wkbType(), source->sourceCrs() ) );
  if ( !sink )
    throw QgsProcessingException( invalidSinkError( parameters, QString::fromLatin1( OUTPUT ) ) );

  QHash<qint64, int> resultOf;
  resultOf.reserve( result.features.size() );
  for ( int i = 0; i < result.features.size(); ++i )
    resultOf.insert( result.features.at( i ).fid, i );

  long long written = 0;
  long long linked = 0;
  QgsFeatureIterator it = source->getFeatures();
  QgsFeature in;
  while ( it.nextFeature( in ) )
  {
    if ( feedback->isCanceled() )
      return QVariantMap();
    QgsAttributes attributes;
    attributes.reserve( outFields.count() );
    const QgsAttributes inAttributes = in.attributes();
    for ( int i : std::as_const( inputIndexOf ) )
      attributes << inAttributes.value( i );
    const int r = resultOf.value( in.id(), -1 );
    if ( r >= 0 )
    {
      const RtFeatureResult &fr = result.features.at( r );
      attributes << RtFeatureStatuses::code( fr.status ) << fr.taskIds.join( QLatin1Char( ',' ) ) << fr.shareDone << asOf;
      linked += fr.taskCount > 0 ? 1 : 0;
    }
    else
      attributes << RtFeatureStatuses::code( RtFeatureStatus::None ) << QString() << 0.0 << asOf;
    QgsFeature out( outFields, in.id() );
    out.setGeometry( in.geometry() );
    out.setAttributes( attributes );
    if ( !sink->addFeature( out, QgsFeatureSink::FastInsert ) )
      throw QgsProcessingException( writeFeatureError( sink.get(), parameters, QString::fromLatin1( OUTPUT ) ) );
    ++written;
    feedback->setProgress( 50 + written * step * 1.25 );
  }

  // The report: nothing is dropped silently.
  feedback->pushInfo( tr( "%1: %2 features, %3 with tasks, status as of %4." )
                      .arg( layerName ).arg( written ).arg( linked ).arg( asOf.toString( Qt::ISODate ) ) );
  if ( result.unmatched.isEmpty() )
    feedback->pushInfo( tr( "Every task link of kind %1 matched a feature." ).arg( binding.kind ) );
  else
  {
    feedback->pushWarning( tr( "%n task link(s) matched no feature:", nullptr, result.unmatched.size() ) );
    for ( const RtTaskLink &l : result.unmatched )
      feedback->pushWarning( QStringLiteral( "  %1  %2:%3" ).arg( l.taskId, binding.kind, l.key ) );
  }
  QStringList ambiguousKeys = result.ambiguous.keys();
  std::sort( ambiguousKeys.begin(), ambiguousKeys.end() );
  if ( !ambiguousKeys.isEmpty() )
  {
    feedback->pushWarning( tr( "%n key(s) matched several features and count for none of them:", nullptr, ambiguousKeys.size() ) );
    for ( const QString &key : std::as_const( ambiguousKeys ) )
    {
      QStringList fids;
      for ( qint64 fid : result.ambiguous.value( key ) )
        fids << QString::number( fid );
      feedback->pushWarning( QStringLiteral( "  %1:%2  fid %3" ).arg( binding.kind, key, fids.join( QStringLiteral( ", " ) ) ) );
    }
  }
  // Names against a register keyed by codes match nothing: say so rather than leave a blank map.
  if ( binding.match == RtKeyBinding::Match::Name && linked == 0 && !result.unmatched.isEmpty() )
  {
    bool allCodes = true;
    for ( const RtTaskLink &l : result.unmatched )
      allCodes = allCodes && !l.key.isEmpty() && l.key.at( 0 ).isDigit();
    if ( allCodes )
      feedback->pushWarning( tr( "The register keys its %1 places by code (\"%1:%2\"): match by code on the layer's code field." )
                             .arg( binding.kind, result.unmatched.first().key ) );
  }

  QVariantMap outputs;
  outputs.insert( QString::fromLatin1( OUTPUT ), destination );
  outputs.insert( QString::fromLatin1( FEATURES ), written );
  outputs.insert( QString::fromLatin1( LINKED_FEATURES ), linked );
  outputs.insert( QString::fromLatin1( UNMATCHED ), result.unmatched.size() );
  outputs.insert( QString::fromLatin1( AMBIGUOUS ), ambiguousKeys.size() );
  return outputs;
}
