#include "rtlayerkeys.h"
#include "rttr.h"
#include "rtpgkeycopy.h"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_recordbatch.h>
#include <ogrsf_frmts.h>

#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace
{
  //! Keeps GDAL from printing to stderr while in scope; its messages are read back with CPLGetLastErrorMsg().
  class QuietGdalErrors
  {
    public:
      QuietGdalErrors() { CPLPushErrorHandler( CPLQuietErrorHandler ); CPLErrorReset(); }
      ~QuietGdalErrors() { CPLPopErrorHandler(); }
      QuietGdalErrors( const QuietGdalErrors & ) = delete;
      QuietGdalErrors &operator=( const QuietGdalErrors & ) = delete;
  };

  struct DatasetCloser
  {
    void operator()( GDALDataset *ds ) const { GDALClose( GDALDataset::ToHandle( ds ) ); }
  };
  using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

  struct FeatureDeleter
  {
    void operator()( OGRFeature *f ) const { OGRFeature::DestroyFeature( f ); }
  };
  using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

  QString gdalMessage( const QString &fallback )
  {
    QString message = QString::fromUtf8( CPLGetLastErrorMsg() ).simplified();
    // "In ExecuteSQL(): sqlite3_step(<the whole statement>): reason": the reason is what matters.
    const int reason = message.lastIndexOf( QLatin1String( "): " ) );
    if ( message.startsWith( QLatin1String( "In ExecuteSQL()" ) ) && reason > 0 )
      message = message.mid( reason + 3 );
    if ( message.contains( QLatin1String( "database is locked" ) ) )
      return rtMsg( "RtLayerKeys", "another program is writing to the file (database is locked): close it there and retry" );
    return message.isEmpty() ? fallback : message;
  }

  QString layerNames( GDALDataset *ds )
  {
    QStringList names;
    for ( int i = 0; i < ds->GetLayerCount(); ++i )
      names << QString::fromUtf8( ds->GetLayer( i )->GetName() );
    return names.join( QStringLiteral( ", " ) );
  }

  //! A database GDAL opens by a connection string ("PG:dbname=… host=…"), not a file.
  bool isConnection( const QString &path )
  {
    return path.startsWith( QLatin1String( "PG:" ), Qt::CaseInsensitive );
  }

  //! \a source as the messages name it: a connection string without its password.
  RtLayerSource shownSource( RtLayerSource source )
  {
    if ( isConnection( source.path ) )
      source.path.replace( QRegularExpression( QStringLiteral( R"(password\s*=\s*('(?:[^'\\]|\\.)*'|\S+))" ) ), QStringLiteral( "password=…" ) );
    return source;
  }

  //! The layer \a source names; fills \a error with what to fix otherwise.
  OGRLayer *findLayer( GDALDataset *ds, const RtLayerSource &source, QString &error )
  {
    if ( source.layerId >= 0 )
    {
      OGRLayer *layer = source.layerId < ds->GetLayerCount() ? ds->GetLayer( source.layerId ) : nullptr;
      if ( !layer )
        error = rtMsg( "RtLayerKeys", "%1 has no layer %2 (it holds %3: %4)" ).arg( source.path ).arg( source.layerId ).arg( ds->GetLayerCount() ).arg( layerNames( ds ) );
      return layer;
    }
    if ( !source.layerName.isEmpty() )
    {
      OGRLayer *layer = ds->GetLayerByName( source.layerName.toUtf8().constData() );
      if ( !layer )
        error = rtMsg( "RtLayerKeys", "%1 has no layer '%2'; its layers: %3" ).arg( source.path, source.layerName, layerNames( ds ) );
      return layer;
    }
    if ( ds->GetLayerCount() == 1 )
      return ds->GetLayer( 0 );
    if ( ds->GetLayerCount() == 0 )
      error = rtMsg( "RtLayerKeys", "%1 holds no vector layer" ).arg( source.path );
    else
      error = rtMsg( "RtLayerKeys", "%1 holds several layers (%2): name one with \"%1|layername=NAME\"" ).arg( source.path, layerNames( ds ) );
    return nullptr;
  }

  QString sqlIdentifier( const QString &name )
  {
    QString quoted = name;
    quoted.replace( QLatin1Char( '"' ), QLatin1String( "\"\"" ) );
    return QLatin1Char( '"' ) + quoted + QLatin1Char( '"' );
  }

  QString sqlText( const QString &text )
  {
    QString quoted = text;
    quoted.replace( QLatin1Char( '\'' ), QLatin1String( "''" ) );
    return QLatin1Char( '\'' ) + quoted + QLatin1Char( '\'' );
  }

  //! Runs one SQL statement; false (with GDAL's message pending) when it failed.
  bool exec( GDALDataset *ds, const QString &sql )
  {
    CPLErrorReset();
    OGRLayer *rs = ds->ExecuteSQL( sql.toUtf8().constData(), nullptr, nullptr );
    if ( rs )
      ds->ReleaseResultSet( rs );
    return CPLGetLastErrorType() != CE_Failure && CPLGetLastErrorType() != CE_Fatal;
  }

  struct ResultField
  {
    const char *name;
    OGRFieldType type;
  };
  const ResultField sResultFields[] =
  {
    { "rt_status", OFTString },
    { "rt_share_done", OFTReal },
    { "rt_tasks", OFTString },
    { "rt_as_of", OFTDate },
  };
}

RtResult<RtLayerSource> RtLayerSource::parseStrict( const QString &spec )
{
  using Result = RtResult<RtLayerSource>;
  RtLayerSource source;
  const QStringList parts = spec.split( QLatin1Char( '|' ) );
  source.path = parts.first().trimmed();
  QSet<QString> seen;
  for ( int i = 1; i < parts.size(); ++i )
  {
    const QString option = parts.at( i ).trimmed();
    const int eq = option.indexOf( QLatin1Char( '=' ) );
    const QString key = ( eq < 0 ? option : option.left( eq ) ).trimmed().toLower();
    const QString value = eq < 0 ? QString() : option.mid( eq + 1 );
    if ( key != QLatin1String( "layername" ) && key != QLatin1String( "layerid" ) )
      return Result::failure( rtMsg( "RtLayerKeys", "%1: unknown layer option '%2'; a layer is PATH, PATH|layername=NAME or PATH|layerid=N" )
                              .arg( spec, option ) );
    if ( seen.contains( key ) )
      return Result::failure( rtMsg( "RtLayerKeys", "%1: the option %2 is given twice; name one layer" ).arg( spec, key ) );
    seen.insert( key );
    if ( key == QLatin1String( "layername" ) )
    {
      source.layerName = value;
      if ( value.trimmed().isEmpty() )
        return Result::failure( rtMsg( "RtLayerKeys", "%1: layername is empty; name the layer (layername=NAME)" ).arg( spec ) );
    }
    else
    {
      bool ok = false;
      source.layerId = value.trimmed().toInt( &ok );
      if ( !ok || source.layerId < 0 )
        return Result::failure( rtMsg( "RtLayerKeys", "%1: layerid '%2' is not a layer number (0, 1, …)" ).arg( spec, value ) );
    }
  }
  if ( seen.contains( QStringLiteral( "layername" ) ) && seen.contains( QStringLiteral( "layerid" ) ) )
    return Result::failure( rtMsg( "RtLayerKeys", "%1: give layername or layerid, not both" ).arg( spec ) );
  return Result::success( source );
}

RtLayerSource RtLayerSource::parse( const QString &spec )
{
  RtLayerSource source;
  const QStringList parts = spec.split( QLatin1Char( '|' ) );
  source.path = parts.first().trimmed();
  for ( int i = 1; i < parts.size(); ++i )
  {
    const QString option = parts.at( i ).trimmed();
    if ( option.startsWith( QLatin1String( "layername=" ), Qt::CaseInsensitive ) )
      source.layerName = option.mid( 10 );
    else if ( option.startsWith( QLatin1String( "layerid=" ), Qt::CaseInsensitive ) )
    {
      bool ok = false;
      const int id = option.mid( 8 ).trimmed().toInt( &ok );
      source.layerId = ok ? id : -1;
    }
  }
  return source;
}

QString RtLayerSource::toString() const
{
  if ( !layerName.isEmpty() )
    return QStringLiteral( "%1|layername=%2" ).arg( path, layerName );
  if ( layerId >= 0 )
    return QStringLiteral( "%1|layerid=%2" ).arg( path ).arg( layerId );
  return path;
}

namespace
{
  //! One column of an Arrow batch, read as text the way OGRFeature::GetFieldAsString() writes it.
  class ArrowKeyColumn
  {
    public:
      //! False for a column format this reader does not handle (the caller reads feature by feature).
      bool init( const ArrowSchema *schema, const ArrowArray *array )
      {
        mArray = array;
        const QByteArray format( schema->format );
        if ( format == "u" ) mType = Type::Utf8;
        else if ( format == "U" ) mType = Type::LargeUtf8;
        else if ( format == "i" ) mType = Type::Int32;
        else if ( format == "l" ) mType = Type::Int64;
        else if ( format == "s" ) mType = Type::Int16;
        else return false;
        return true;
      }

      bool isNull( int64_t row ) const
      {
        const auto *validity = static_cast<const uint8_t *>( mArray->buffers[0] );
        if ( !validity || mArray->null_count == 0 )
          return false;
        const int64_t i = row + mArray->offset;
        return !( validity[i / 8] & ( 1 << ( i % 8 ) ) );
      }

      bool isInteger() const { return mType == Type::Int16 || mType == Type::Int32 || mType == Type::Int64; }

      qint64 integer( int64_t row ) const
      {
        const int64_t i = row + mArray->offset;
        switch ( mType )
        {
          case Type::Int16: return static_cast<const int16_t *>( mArray->buffers[1] )[i];
          case Type::Int32: return static_cast<const int32_t *>( mArray->buffers[1] )[i];
          case Type::Int64: return static_cast<const int64_t *>( mArray->buffers[1] )[i];
          default: return 0;
        }
      }

      QString text( int64_t row ) const
      {
        if ( isInteger() )
          return QString::number( integer( row ) );
        const int64_t i = row + mArray->offset;
        const char *data = static_cast<const char *>( mArray->buffers[2] );
        if ( mType == Type::Utf8 )
        {
          const auto *offsets = static_cast<const int32_t *>( mArray->buffers[1] );
          return QString::fromUtf8( data + offsets[i], offsets[i + 1] - offsets[i] );
        }
        const auto *offsets = static_cast<const int64_t *>( mArray->buffers[1] );
        return QString::fromUtf8( data + offsets[i], static_cast<int>( offsets[i + 1] - offsets[i] ) );
      }

    private:
      enum class Type { Utf8, LargeUtf8, Int16, Int32, Int64 };
      const ArrowArray *mArray = nullptr;
      Type mType = Type::Utf8;
  };

  /**
   * The key values of \a layer (its ignored fields already set) through GDAL's Arrow stream.
   * Returns false, with \a out untouched, when the stream cannot give them (a driver without
   * it, a key column of another type): the caller then reads feature by feature.
   */
  bool readKeysColumnar( OGRLayer *layer, const QStringList &keyFields, bool padCode, int batchSize, QVector<RtFeatureKey> &out )
  {
    ArrowArrayStream stream;
    CPLStringList streamOptions;
    streamOptions.SetNameValue( "INCLUDE_FID", "YES" );
    streamOptions.SetNameValue( "MAX_FEATURES_IN_BATCH", QByteArray::number( batchSize ).constData() );
    if ( !layer->GetArrowStream( &stream, streamOptions.List() ) )
      return false;
    ArrowSchema schema;
    if ( stream.get_schema( &stream, &schema ) != 0 )
    {
      stream.release( &stream );
      return false;
    }
    const QByteArray fidName = *layer->GetFIDColumn() ? QByteArray( layer->GetFIDColumn() ) : QByteArray( "OGC_FID" );
    int fidChild = -1;
    std::vector<int> keyChild( keyFields.size(), -1 );
    for ( int64_t c = 0; c < schema.n_children; ++c )
    {
      const QByteArray name( schema.children[c]->name );
      if ( name == fidName && fidChild < 0 )
        fidChild = static_cast<int>( c );
      for ( int k = 0; k < keyFields.size(); ++k )
        if ( keyChild[k] < 0 && QString::fromUtf8( name ) == keyFields.at( k ) )
          keyChild[k] = static_cast<int>( c );
    }
    bool ok = fidChild >= 0 && std::find( keyChild.begin(), keyChild.end(), -1 ) == keyChild.end();
    QVector<RtFeatureKey> keys;
    while ( ok )
    {
      ArrowArray batch;
      if ( stream.get_next( &stream, &batch ) != 0 )
      {
        ok = false;
        break;
      }
      if ( !batch.release )
        break; // end of stream
      ArrowKeyColumn fid;
      std::vector<ArrowKeyColumn> columns( keyChild.size() );
      ok = fid.init( schema.children[fidChild], batch.children[fidChild] ) && fid.isInteger();
      for ( size_t k = 0; ok && k < keyChild.size(); ++k )
        ok = columns[k].init( schema.children[keyChild[k]], batch.children[keyChild[k]] );
      for ( int64_t row = 0; ok && row < batch.length; ++row )
      {
        RtFeatureKey key;
        key.fid = fid.integer( row );
        for ( size_t k = 0; k < columns.size(); ++k )
        {
          const ArrowKeyColumn &column = columns[k];
          if ( column.isNull( row ) )
            key.values << QString();
          else if ( k == 0 && padCode && column.isInteger() && column.integer( row ) >= 0 )
            key.values << QString::number( column.integer( row ) ).rightJustified( 5, QLatin1Char( '0' ) );
          else
            key.values << column.text( row );
        }
        keys << key;
      }
      batch.release( &batch );
    }
    schema.release( &schema );
    stream.release( &stream );
    if ( ok )
      out = std::move( keys );
    return ok;
  }
}

RtResult<RtLayerKeys> RtLayerKeys::read( const QString &spec, const RtKeyBinding &binding, const RtLayerReadOptions &options )
{
  using Result = RtResult<RtLayerKeys>;
  QuietGdalErrors quiet;
  RtLayerKeys out;
  const RtResult<RtLayerSource> source = RtLayerSource::parseStrict( spec );
  if ( !source.ok() )
    return Result::failureFrom( source );
  out.source = source.value();
  if ( out.source.path.isEmpty() )
    return Result::failure( rtMsg( "RtLayerKeys", "no layer given: use PATH or \"PATH|layername=NAME\"" ) );
  // A PostGIS layer is read through GDAL's PG driver ("PG:host=… dbname=…|layername=parcels").
  const RtLayerSource shown = shownSource( out.source );
  if ( binding.fields.isEmpty() )
    return Result::failure( rtMsg( "RtLayerKeys", "%1: no key field given; name the field(s) that hold the place key" ).arg( shown.toString() ) );
  if ( !isConnection( out.source.path ) && !QFileInfo::exists( out.source.path ) )
    return Result::failure( rtMsg( "RtLayerKeys", "%1: no such file" ).arg( out.source.path ) );

  DatasetPtr ds( GDALDataset::Open( out.source.path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr ) );
  if ( !ds )
    return Result::failure( rtMsg( "RtLayerKeys", "%1: GDAL cannot open it as a vector dataset (%2)" )
                            .arg( shown.path, gdalMessage( rtMsg( "RtLayerKeys", "unknown format" ) ) ) );
  out.driver = QString::fromUtf8( ds->GetDriver() ? ds->GetDriver()->GetDescription() : "" );
  QString error;
  OGRLayer *layer = findLayer( ds.get(), shown, error );
  if ( !layer )
    return Result::failure( error );
  out.layerName = QString::fromUtf8( layer->GetName() );
  const QString where = RtLayerSource { shown.path, out.layerName }.toString();

  OGRFeatureDefn *defn = layer->GetLayerDefn();
  for ( int i = 0; i < defn->GetFieldCount(); ++i )
    out.fieldNames << QString::fromUtf8( defn->GetFieldDefn( i )->GetNameRef() );
  std::vector<int> fieldIndex;
  for ( const QString &name : binding.fields )
  {
    const int index = defn->GetFieldIndex( name.trimmed().toUtf8().constData() );
    if ( index < 0 )
      return Result::failure( rtMsg( "RtLayerKeys", "%1 has no field '%2'; its fields: %3" )
                              .arg( where, name.trimmed(), out.fieldNames.join( QStringLiteral( ", " ) ) ) );
    fieldIndex.push_back( index );
  }
  // GSO commune codes are 5 digits; an integer field has lost the leading zero.
  const bool communeCode = binding.match == RtKeyBinding::Match::Code
                           && ( binding.kind == QLatin1String( "ward" ) || binding.kind == QLatin1String( "parcel" ) );
  const OGRFieldType firstType = defn->GetFieldDefn( fieldIndex.front() )->GetType();
  const bool padCode = communeCode && ( firstType == OFTInteger || firstType == OFTInteger64 || firstType == OFTReal );
  if ( padCode )
    out.warnings << rtMsg( "RtLayerKeys", "%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)" )
                    .arg( where, binding.fields.first().trimmed() );

  // The CRS and a sample of the geometries (attributes skipped).
  out.hasGeometry = defn->GetGeomFieldCount() > 0;
  if ( const OGRSpatialReference *srs = layer->GetSpatialRef() )
  {
    char *wkt = nullptr;
    const char *const wktOptions[] = { "FORMAT=WKT2_2019", nullptr };
    if ( srs->exportToWkt( &wkt, wktOptions ) == OGRERR_NONE && wkt )
      out.crsWkt = QString::fromUtf8( wkt );
    CPLFree( wkt );
  }
  QVector<QPointF> sample;
  if ( out.hasGeometry )
  {
    OGREnvelope env;
    if ( layer->GetExtent( &env, TRUE ) == OGRERR_NONE && env.IsInit() )
      out.extent = QRectF( QPointF( env.MinX, env.MinY ), QPointF( env.MaxX, env.MaxY ) );
    std::vector<const char *> ignored;
    for ( int i = 0; i < defn->GetFieldCount(); ++i )
      ignored.push_back( defn->GetFieldDefn( i )->GetNameRef() );
    ignored.push_back( "OGR_STYLE" );
    ignored.push_back( nullptr );
    layer->SetIgnoredFields( ignored.data() );
    layer->ResetReading();
    int seen = 0;
    // Broken geometries come back null (GDAL reports, we skip): they never stop the reading.
    while ( sample.size() < options.crsSampleSize && seen < 20 * options.crsSampleSize )
    {
      FeaturePtr f( layer->GetNextFeature() );
      if ( !f )
        break;
      ++seen;
      const OGRGeometry *g = f->GetGeometryRef();
      if ( !g || g->IsEmpty() )
        continue;
      OGREnvelope e;
      g->getEnvelope( &e );
      if ( std::isfinite( e.MinX ) && std::isfinite( e.MaxX ) && std::isfinite( e.MinY ) && std::isfinite( e.MaxY ) )
        sample << QPointF( ( e.MinX + e.MaxX ) / 2, ( e.MinY + e.MaxY ) / 2 );
    }
    if ( sample.isEmpty() && !out.extent.isNull() )
      sample = RtCrsCheck::extentPoints( out.extent );
    out.crs = RtCrsCheck::diagnose( out.crsWkt, sample, options.area );
    out.crsName = out.crs.declared;
    for ( const QString &w : out.crs.warnings )
      out.warnings << QStringLiteral( "%1: %2" ).arg( where, w );
    if ( options.checkCrs && !out.crs.fits )
      return Result::failure( QStringLiteral( "%1: %2" ).arg( where, out.crs.message ) );
  }
  else
    out.crs.fits = true; // an attribute table: nothing to place

  // The key values, geometries skipped.
  {
    std::vector<const char *> ignored;
    for ( int i = 0; i < defn->GetFieldCount(); ++i )
      if ( std::find( fieldIndex.begin(), fieldIndex.end(), i ) == fieldIndex.end() )
        ignored.push_back( defn->GetFieldDefn( i )->GetNameRef() );
    ignored.push_back( "OGR_GEOMETRY" );
    ignored.push_back( "OGR_STYLE" );
    ignored.push_back( nullptr );
    layer->SetIgnoredFields( ignored.data() );
  }
  layer->ResetReading();
  CPLErrorReset();
  QStringList keyFields;
  for ( const int index : fieldIndex )
    keyFields << QString::fromUtf8( defn->GetFieldDefn( index )->GetNameRef() );
  bool readByCopy = false;
  if ( options.copyFromPostgres && out.driver == QLatin1String( "PostgreSQL" ) && *layer->GetFIDColumn() )
  {
    bool plainTypes = true;
    for ( const int index : fieldIndex )
    {
      const OGRFieldType type = defn->GetFieldDefn( index )->GetType();
      plainTypes = plainTypes && ( type == OFTString || type == OFTInteger || type == OFTInteger64 );
    }
    RtResult<QVector<RtFeatureKey>> copied = plainTypes ? RtPgKeyCopy::read( out.source.path, out.layerName, QString::fromUtf8( layer->GetFIDColumn() ), keyFields, padCode )
                                                         : RtResult<QVector<RtFeatureKey>>::failure( QString() );
    readByCopy = copied.ok();
    if ( readByCopy )
      out.features = copied.takeValue();
  }
  const bool readColumnar = readByCopy || ( options.columnar && readKeysColumnar( layer, keyFields, padCode, std::max( 1, options.columnarBatchSize ), out.features ) );
  out.keysReadBy = readByCopy ? QStringLiteral( "copy" ) : readColumnar ? QStringLiteral( "arrow" ) : QStringLiteral( "features" );
  const GIntBig count = readColumnar ? 0 : layer->GetFeatureCount( FALSE );
  if ( count > 0 )
    out.features.reserve( static_cast<int>( count ) );
  layer->ResetReading();
  while ( !readColumnar )
  {
    FeaturePtr f( layer->GetNextFeature() );
    if ( !f )
      break;
    RtFeatureKey key;
    key.fid = f->GetFID();
    for ( size_t k = 0; k < fieldIndex.size(); ++k )
    {
      const int index = fieldIndex[k];
      QString value;
      if ( f->IsFieldSetAndNotNull( index ) )
      {
        const double number = k == 0 && padCode ? f->GetFieldAsDouble( index ) : -1;
        if ( number >= 0 && number < 1e15 && std::floor( number ) == number )
          value = QString::number( static_cast<qint64>( number ) ).rightJustified( 5, QLatin1Char( '0' ) );
        else
          value = QString::fromUtf8( f->GetFieldAsString( index ) );
      }
      key.values << value;
    }
    out.features << key;
  }
  if ( CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal )
    out.warnings << rtMsg( "RtLayerKeys", "%1: GDAL reported while reading: %2" ).arg( where, gdalMessage( QString() ) );
  layer->SetIgnoredFields( nullptr );
  return Result::success( out );
}

RtStatusResult RtLayerKeys::write( const QString &spec, const RtJoinResult &result, const QDate &asOf )
{
  QuietGdalErrors quiet;
  const RtResult<RtLayerSource> parsed = RtLayerSource::parseStrict( spec );
  if ( !parsed.ok() )
    return RtStatusResult::failureFrom( parsed );
  const RtLayerSource source = parsed.value();
  if ( !QFileInfo::exists( source.path ) )
    return rtFail( rtMsg( "RtLayerKeys", "%1: no such file" ).arg( source.path ) );
  DatasetPtr ds( GDALDataset::Open( source.path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr ) );
  if ( !ds )
    return rtFail( rtMsg( "RtLayerKeys", "%1: cannot open it for writing (%2)" ).arg( source.path, gdalMessage( rtMsg( "RtLayerKeys", "read-only or not a vector dataset" ) ) ) );
  const QString driver = QString::fromUtf8( ds->GetDriver() ? ds->GetDriver()->GetDescription() : "" );
  if ( driver != QLatin1String( "GPKG" ) )
    return rtFail( rtMsg( "RtLayerKeys", "%1 is a %2 dataset: the result is written into GeoPackage layers only "
                                   "(convert it first, e.g. ogr2ogr -f GPKG OUT.gpkg \"%1\")" ).arg( source.path, driver ) );
  QString error;
  OGRLayer *layer = findLayer( ds.get(), source, error );
  if ( !layer )
    return rtFail( error );
  const QString where = RtLayerSource { source.path, QString::fromUtf8( layer->GetName() ) }.toString();
  const QString fidColumn = QString::fromUtf8( layer->GetFIDColumn() );
  if ( fidColumn.isEmpty() )
    return rtFail( rtMsg( "RtLayerKeys", "%1 has no feature id column; cannot tell which row is which" ).arg( where ) );

  // Fields that exist must have the right type: writing text into an integer rt_status would
  // leave QGIS styles blank.
  OGRFeatureDefn *defn = layer->GetLayerDefn();
  for ( const ResultField &field : sResultFields )
  {
    const int index = defn->GetFieldIndex( field.name );
    if ( index >= 0 && defn->GetFieldDefn( index )->GetType() != field.type )
      return rtFail( rtMsg( "RtLayerKeys", "%1: field %2 exists with type %3, expected %4; rename or delete it" )
                     .arg( where, QString::fromLatin1( field.name ),
                           QString::fromLatin1( OGRFieldDefn::GetFieldTypeName( defn->GetFieldDefn( index )->GetType() ) ),
                           QString::fromLatin1( OGRFieldDefn::GetFieldTypeName( field.type ) ) ) );
  }

  CPLErrorReset();
  if ( ds->StartTransaction() != OGRERR_NONE )
    return rtFail( rtMsg( "RtLayerKeys", "%1: cannot start a transaction (%2)" ).arg( where, gdalMessage( rtMsg( "RtLayerKeys", "unknown error" ) ) ) );
  auto fail = [&]( const QString &what ) -> RtStatusResult
  {
    const QString message = gdalMessage( rtMsg( "RtLayerKeys", "unknown error" ) );
    ds->RollbackTransaction();
    return rtFail( rtMsg( "RtLayerKeys", "%1: %2 (%3); nothing was written" ).arg( where, what, message ) );
  };

  for ( const ResultField &field : sResultFields )
  {
    if ( defn->GetFieldIndex( field.name ) >= 0 )
      continue;
    OGRFieldDefn def( field.name, field.type );
    if ( layer->CreateField( &def ) != OGRERR_NONE )
      return fail( rtMsg( "RtLayerKeys", "cannot add field %1" ).arg( QString::fromLatin1( field.name ) ) );
  }

  // The values go through a temporary table and one UPDATE: a million rows take seconds,
  // not the minutes one OGR SetFeature per row would (and geometries are never rewritten).
  const QString temp = QStringLiteral( "rt_join_update" );
  if ( !exec( ds.get(), QStringLiteral( "DROP TABLE IF EXISTS temp.%1" ).arg( temp ) )
       || !exec( ds.get(), QStringLiteral( "CREATE TEMP TABLE %1 (fid INTEGER PRIMARY KEY, status TEXT, share REAL, tasks TEXT)" ).arg( temp ) ) )
    return fail( rtMsg( "RtLayerKeys", "cannot create a temporary table" ) );
  const int batch = 500;
  for ( int start = 0; start < result.features.size(); start += batch )
  {
    QString sql = QStringLiteral( "INSERT OR REPLACE INTO temp.%1 (fid, status, share, tasks) VALUES " ).arg( temp );
    const int end = std::min( static_cast<int>( result.features.size() ), start + batch );
    for ( int i = start; i < end; ++i )
    {
      const RtFeatureResult &r = result.features.at( i );
      if ( i > start )
        sql += QLatin1Char( ',' );
      sql += QStringLiteral( "(%1,'%2',%3,%4)" )
             .arg( r.fid ).arg( RtFeatureStatuses::code( r.status ) ).arg( r.shareDone, 0, 'g', 17 )
             .arg( sqlText( r.taskIds.join( QLatin1Char( ',' ) ) ) );
    }
    if ( !exec( ds.get(), sql ) )
      return fail( rtMsg( "RtLayerKeys", "cannot stage the results" ) );
  }
  const QString table = sqlIdentifier( QString::fromUtf8( layer->GetName() ) );
  const QString fid = sqlIdentifier( fidColumn );
  const QString pick = QStringLiteral( "(SELECT u.%2 FROM temp.%1 u WHERE u.fid = %3.%4)" ).arg( temp );
  const QString update = QStringLiteral( "UPDATE %1 SET rt_status = %2, rt_share_done = %3, rt_tasks = %4, rt_as_of = %5 "
                                         "WHERE %6 IN (SELECT fid FROM temp.%7)" )
                         .arg( table, pick.arg( QStringLiteral( "status" ), table, fid ), pick.arg( QStringLiteral( "share" ), table, fid ),
                               pick.arg( QStringLiteral( "tasks" ), table, fid ), asOf.isValid() ? sqlText( asOf.toString( Qt::ISODate ) ) : QStringLiteral( "NULL" ),
                               fid, temp );
  if ( !exec( ds.get(), update ) )
    return fail( rtMsg( "RtLayerKeys", "cannot update the features" ) );
  if ( !exec( ds.get(), QStringLiteral( "DROP TABLE temp.%1" ).arg( temp ) ) )
    return fail( rtMsg( "RtLayerKeys", "cannot drop the temporary table" ) );
  CPLErrorReset();
  if ( ds->CommitTransaction() != OGRERR_NONE )
    return fail( rtMsg( "RtLayerKeys", "cannot commit" ) );
  ds.reset();
  if ( CPLGetLastErrorType() == CE_Failure )
    return rtFail( rtMsg( "RtLayerKeys", "%1: closing the file failed (%2)" ).arg( where, gdalMessage( rtMsg( "RtLayerKeys", "unknown error" ) ) ) );
  return rtOk();
}

RtResult<QHash<QString, QString>> RtLayerKeys::readKeyMap( const QString &spec, const QString &kind, const QString &fromField,
                                                          const QString &toField, QStringList *warnings )
{
  using Result = RtResult<QHash<QString, QString>>;
  RtKeyBinding pair;
  pair.kind = kind;
  pair.fields = QStringList { fromField.trimmed(), toField.trimmed() };
  RtLayerReadOptions options;
  options.checkCrs = false; // only attributes are read: where the layer lies does not matter
  const RtResult<RtLayerKeys> layer = read( spec, pair, options );
  if ( !layer.ok() )
    return Result::failure( layer.error() );
  QHash<QString, QString> map;
  QMap<QString, QSet<QString>> conflicts;
  for ( const RtFeatureKey &k : layer.value().features )
  {
    const QString from = k.values.value( 0 ).trimmed();
    const QString to = k.values.value( 1 ).trimmed();
    if ( from.isEmpty() || to.isEmpty() )
      continue;
    if ( map.contains( from ) && map.value( from ) != to )
      conflicts[from] << map.value( from ) << to;
    map.insert( from, to );
  }
  for ( auto it = conflicts.cbegin(); it != conflicts.cend(); ++it )
  {
    QStringList targets( it.value().cbegin(), it.value().cend() );
    targets.sort();
    if ( warnings )
      *warnings << rtMsg( "RtLayerKeys", "%1: %2 '%3' is given several values of '%4' (%5): left out of the key map" )
                   .arg( layer.value().layerName, fromField, it.key(), toField, targets.join( QStringLiteral( ", " ) ) );
    map.remove( it.key() );
  }
  return Result::success( map );
}
