#include "rtkeyreader.h"
#include "rtcrscheck.h"
#include "rtlayerkeys.h"
#include "rtpgkeycopy.h"

#include <qgscoordinatereferencesystem.h>
#include <qgsexpression.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeedback.h>
#include <qgsdatasourceuri.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerfeatureiterator.h>

#include <cmath>

namespace
{
  bool isIntegerType( QVariant::Type type )
  {
    return type == QVariant::Int || type == QVariant::UInt || type == QVariant::LongLong || type == QVariant::ULongLong;
  }
}

RtKeyReader::~RtKeyReader() = default;

QString RtKeyReader::keyExpression( const RtKeyBinding &binding )
{
  QStringList parts;
  for ( const QString &field : binding.fields )
    parts << QStringLiteral( "to_string( %1 )" ).arg( QgsExpression::quotedColumnRef( field.trimmed() ) );
  if ( parts.size() == 1 )
    return parts.first();
  return QStringLiteral( "concat( %1 )" ).arg( parts.join( QStringLiteral( ", '/', " ) ) );
}

QString RtKeyReader::keyMapSpec( const QgsVectorLayer *layer, const RtKeyMapSource &source )
{
  if ( !source.spec.startsWith( QLatin1Char( '|' ) ) || !layer )
    return source.spec;
  return layer->source().section( QLatin1Char( '|' ), 0, 0 ) + source.spec;
}

RtResult<std::shared_ptr<RtKeyReader>> RtKeyReader::prepare( QgsVectorLayer *layer, const RtKeyBinding &binding )
{
  using Result = RtResult<std::shared_ptr<RtKeyReader>>;
  if ( !layer || !layer->isValid() )
    return Result::failure( tr( "the layer is not available" ) );
  if ( binding.fields.isEmpty() || binding.fields.size() > 3 )
    return Result::failure( tr( "%1: bind 1 to 3 key fields, not %2" ).arg( layer->name() ).arg( binding.fields.size() ) );

  // A wrong CRS would draw the statuses kilometres away: refuse, naming the likely mistake.
  const QgsRectangle extent = layer->extent();
  if ( layer->isSpatial() && !extent.isNull() && !extent.isEmpty() )
  {
    const QgsCoordinateReferenceSystem crs = layer->crs();
    const QString declared = !crs.isValid() ? QString() : crs.authid().isEmpty() ? crs.toWkt() : crs.authid();
    const RtCrsDiagnosis diagnosis = RtCrsCheck::diagnose( declared, RtCrsCheck::extentPoints( extent.toRectF() ) );
    if ( !diagnosis.fits )
      return Result::failure( tr( "layer %1 is not where Móng Cái is: %2 (Layer Properties › Source › Assigned CRS)" ).arg( layer->name(), diagnosis.message ) );
  }

  std::shared_ptr<RtKeyReader> reader( new RtKeyReader );
  const QgsFields fields = layer->fields();
  for ( const QString &name : std::as_const( binding.fields ) )
  {
    const int index = fields.lookupField( name.trimmed() );
    if ( index < 0 )
      return Result::failure( tr( "layer %1 has no field '%2'; its fields: %3" ).arg( layer->name(), name.trimmed(), fields.names().join( QStringLiteral( ", " ) ) ) );
    reader->mIndexes << index;
    const QVariant::Type type = fields.at( index ).type();
    reader->mPlainTypes = reader->mPlainTypes && ( type == QVariant::String || isIntegerType( type ) );
  }
  // GSO commune codes are 5 digits; a numeric field has lost the leading zero (as RtLayerKeys does).
  const QVariant::Type firstType = fields.at( reader->mIndexes.first() ).type();
  reader->mPadCode = binding.match == RtKeyBinding::Match::Code
                     && ( binding.kind == QLatin1String( "ward" ) || binding.kind == QLatin1String( "parcel" ) )
                     && ( isIntegerType( firstType ) || firstType == QVariant::Double );
  if ( reader->mPadCode )
    reader->warnings << tr( "%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)" ).arg( layer->name(), binding.fields.first() );

  if ( binding.keyMapSource.isSet() )
  {
    const RtResult<QHash<QString, QString>> map = RtLayerKeys::readKeyMap( keyMapSpec( layer, binding.keyMapSource ), binding.kind,
        binding.keyMapSource.fromField, binding.keyMapSource.toField, &reader->warnings );
    if ( !map.ok() )
      return Result::failure( tr( "layer %1: the key map cannot be read: %2" ).arg( layer->name(), map.error() ) );
    if ( map.value().isEmpty() )
      return Result::failure( tr( "layer %1: the key map %2 (%3 → %4) is empty" )
                              .arg( layer->name(), binding.keyMapSource.spec, binding.keyMapSource.fromField, binding.keyMapSource.toField ) );
    reader->keyMap = map.value();
  }

  reader->mLayerName = layer->name();
  reader->mExpectedCount = layer->featureCount();
  // QGIS's PostgreSQL provider uses an int4 primary key's value as the feature id: COPY gives the same ids.
  const QgsDataSourceUri uri( layer->source() );
  const QgsAttributeList pk = layer->dataProvider() ? layer->dataProvider()->pkAttributeIndexes() : QgsAttributeList();
  if ( layer->providerType() == QLatin1String( "postgres" ) && reader->mPlainTypes && layer->subsetString().isEmpty() && uri.sql().isEmpty()
       && !layer->isModified() && !uri.table().startsWith( QLatin1Char( '(' ) ) && pk.size() == 1 && fields.at( pk.first() ).type() == QVariant::Int )
  {
    reader->mPgTable = PgTable { uri.connectionInfo( true ), uri.schema(), uri.table(), fields.at( pk.first() ).name() };
  }
  // QGIS's OGR provider uses a GeoPackage's feature ids: GDAL gives the same ids.
  if ( layer->providerType() == QLatin1String( "ogr" ) && reader->mPlainTypes && layer->subsetString().isEmpty() && !layer->isModified() )
  {
    const RtResult<RtLayerSource> fileLayer = RtLayerSource::parseStrict( layer->source() );
    if ( fileLayer.ok() && fileLayer.value().path.endsWith( QLatin1String( ".gpkg" ), Qt::CaseInsensitive ) )
      reader->mOgrSpec = layer->source();
  }
  for ( const int index : std::as_const( reader->mIndexes ) )
    reader->mKeyFieldNames << fields.at( index ).name();
  reader->mKeyExpression = keyExpression( binding );
  reader->mContext = QgsExpressionContext( QgsExpressionContextUtils::globalProjectLayerScopes( layer ) );
  // A copy of the layer's source (its edits included) that another thread may iterate.
  reader->mSource = std::make_unique<QgsVectorLayerFeatureSource>( layer );
  return Result::success( reader );
}

void RtKeyReader::takeDirectKeys( QVector<RtFeatureKey> &&raw )
{
  keys = std::move( raw );
  keyTexts.reserve( keys.size() );
  for ( RtFeatureKey &key : keys )
  {
    keyTexts << key.values.join( QLatin1Char( '/' ) ); // as the virtual field joins the plain values
    QString &first = key.values.first();
    bool digits = !first.isEmpty();
    for ( const QChar c : std::as_const( first ) )
      digits = digits && c >= QLatin1Char( '0' ) && c <= QLatin1Char( '9' );
    if ( mPadCode && digits )
      first = first.rightJustified( 5, QLatin1Char( '0' ) );
  }
}

bool RtKeyReader::readPgTable( QgsFeedback *feedback )
{
  const double step = mExpectedCount > 0 ? 100.0 / static_cast<double>( mExpectedCount ) : 0;
  RtResult<QVector<RtFeatureKey>> copied = RtPgKeyCopy::readTable( mPgTable->connection, mPgTable->schema, mPgTable->table, mPgTable->fidColumn,
                                                                   mKeyFieldNames, false, [feedback, step]( qint64 rows ) {
    if ( feedback )
      feedback->setProgress( std::min( 99.0, rows * step ) );
    return !( feedback && feedback->isCanceled() );
  } );
  if ( !copied.ok() || ( feedback && feedback->isCanceled() ) )
    return false;
  takeDirectKeys( copied.takeValue() );
  return true;
}

bool RtKeyReader::readOgrLayer( QgsFeedback *feedback )
{
  // The raw values (no code padding: takeDirectKeys() pads as the provider path does), no CRS
  // check (prepare() made it on the layer).
  RtKeyBinding raw;
  raw.kind = QStringLiteral( "ogr" );
  raw.fields = mKeyFieldNames;
  RtLayerReadOptions options;
  options.checkCrs = false;
  options.crsSampleSize = 0;
  RtResult<RtLayerKeys> read = RtLayerKeys::read( mOgrSpec, raw, options );
  if ( !read.ok() || read.value().keysReadBy != QLatin1String( "arrow" ) || ( feedback && feedback->isCanceled() ) )
    return false;
  takeDirectKeys( std::move( read.value().features ) );
  return true;
}

bool RtKeyReader::read( QgsFeedback *feedback )
{
  keys.clear();
  keyTexts.clear();
  if ( feedback && feedback->isCanceled() )
    return false;
  mReadByCopy = mPgTable && readPgTable( feedback );
  mReadByGdal = !mReadByCopy && !mOgrSpec.isEmpty() && readOgrLayer( feedback );
  if ( mReadByCopy || mReadByGdal )
    return true;
  if ( feedback && feedback->isCanceled() )
    return false;
  keys.clear(); // what a failed COPY left; the provider reads them all
  keyTexts.clear();
  // The map key must be exactly what the field's expression computes: for strings and
  // integers that is the value's text; any other type goes through the expression itself.
  QgsExpression keyExpr( mKeyExpression );
  if ( !mPlainTypes )
    keyExpr.prepare( &mContext );

  QgsFeatureRequest request;
  request.setFlags( QgsFeatureRequest::NoGeometry );
  request.setSubsetOfAttributes( mIndexes );
  if ( feedback )
    request.setFeedback( feedback );
  QgsFeatureIterator it = mSource->getFeatures( request );
  QgsFeature feature;
  if ( mExpectedCount > 0 )
  {
    keys.reserve( static_cast<int>( mExpectedCount ) );
    keyTexts.reserve( static_cast<int>( mExpectedCount ) );
  }
  const double step = mExpectedCount > 0 ? 100.0 / static_cast<double>( mExpectedCount ) : 0;
  while ( it.nextFeature( feature ) )
  {
    if ( feedback && ( keys.size() & 0x3fff ) == 0 )
    {
      if ( feedback->isCanceled() )
        return false;
      feedback->setProgress( std::min( 99.0, keys.size() * step ) );
    }
    RtFeatureKey key;
    key.fid = feature.id();
    QStringList raw;
    for ( int k = 0; k < mIndexes.size(); ++k )
    {
      const QVariant value = feature.attribute( mIndexes.at( k ) );
      const QString text = value.isNull() ? QString() : value.toString();
      raw << text;
      QString keyValue = text;
      if ( k == 0 && mPadCode && !value.isNull() )
      {
        bool ok = false;
        const double number = value.toDouble( &ok );
        if ( ok && number >= 0 && number < 1e15 && std::floor( number ) == number )
          keyValue = QString::number( static_cast<qint64>( number ) ).rightJustified( 5, QLatin1Char( '0' ) );
      }
      key.values << keyValue;
    }
    QString keyText;
    if ( mPlainTypes )
      keyText = raw.join( QLatin1Char( '/' ) );
    else
    {
      mContext.setFeature( feature );
      keyText = keyExpr.evaluate( &mContext ).toString();
    }
    keys << key;
    keyTexts << keyText;
  }
  return !( feedback && feedback->isCanceled() );
}

RtKeyReadTask::RtKeyReadTask( std::shared_ptr<RtKeyReader> reader )
  : QgsTask( tr( "Resolution Tracker: reading the keys of %1" ).arg( reader->layerName() ), QgsTask::CanCancel )
  , mReader( std::move( reader ) )
  , mFeedback( std::make_unique<QgsFeedback>() )
{
  connect( mFeedback.get(), &QgsFeedback::progressChanged, this, [this]( double progress ) { setProgress( progress ); } );
}

RtKeyReadTask::~RtKeyReadTask() = default;

void RtKeyReadTask::cancel()
{
  mFeedback->cancel();
  QgsTask::cancel();
}

bool RtKeyReadTask::run()
{
  // Every boundary catches: an exception must not leave a worker thread.
  try
  {
    return mReader->read( mFeedback.get() ) && !isCanceled();
  }
  catch ( ... )
  {
    return false;
  }
}
