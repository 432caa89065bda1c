#include "rtmaplayers.h"
#include "rttr.h"
#include "rtcrscheck.h"
#include "rtlayerkeys.h"

#include <qgscoordinatereferencesystem.h>
#include <qgsfeature.h>
#include <qgsfields.h>
#include <qgsgeometry.h>
#include <qgsmemoryproviderutils.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QFileInfo>
#include <QSet>

RtMapLayer::RtMapLayer() = default;
RtMapLayer::RtMapLayer( RtMapLayer && ) = default;
RtMapLayer &RtMapLayer::operator=( RtMapLayer && ) = default;
RtMapLayer::~RtMapLayer() = default;

namespace
{
  const QString sStatusField = QStringLiteral( "rt_status" );
  const QString sShareField = QStringLiteral( "rt_share_done" );
  const QString sTasksField = QStringLiteral( "rt_tasks" );
  const QString sAsOfField = QStringLiteral( "rt_as_of" );

  //! Closes a GDAL dataset when it goes out of scope.
  struct DatasetCloser
  {
    void operator()( void *ds ) const { if ( ds ) GDALClose( ds ); }
  };

  const QString sWardCodeField = QStringLiteral( "gso_code" );
  const QString sWardPrefix = QStringLiteral( "ward:" );

  //! How the features of \a kind are joined to the tasks; false for a layer copied as it is.
  //! The ward layer joined is wards_2023 for \a units 2023, wards_2025 for 2025.
  bool bindingFor( RtMapStyle::LayerKind kind, RtKeyBinding &binding, int units )
  {
    binding.match = RtKeyBinding::Match::Code;
    switch ( kind )
    {
      case RtMapStyle::LayerKind::Wards:
      case RtMapStyle::LayerKind::Wards2025:
        if ( ( kind == RtMapStyle::LayerKind::Wards2025 ) != ( units == 2025 ) )
          return false;
        binding.kind = QStringLiteral( "ward" );
        binding.fields = QStringList { sWardCodeField };
        return true;
      case RtMapStyle::LayerKind::Zones:
        binding.kind = QStringLiteral( "zone" );
        binding.fields = QStringList { QStringLiteral( "code" ) };
        return true;
      case RtMapStyle::LayerKind::Sites:
      case RtMapStyle::LayerKind::SiteLines:
        binding.kind = QStringLiteral( "site" );
        binding.fields = QStringList { QStringLiteral( "site_id" ) };
        return true;
      default:
        return false;
    }
  }

  QVariant::Type qtType( OGRFieldType type )
  {
    switch ( type )
    {
      case OFTInteger: return QVariant::Int;
      case OFTInteger64: return QVariant::LongLong;
      case OFTReal: return QVariant::Double;
      case OFTDate: return QVariant::Date;
      case OFTDateTime: return QVariant::DateTime;
      default: return QVariant::String;
    }
  }

  QVariant fieldValue( OGRFeatureH f, int i, OGRFieldType type )
  {
    if ( !OGR_F_IsFieldSetAndNotNull( f, i ) )
      return QVariant();
    switch ( type )
    {
      case OFTInteger: return OGR_F_GetFieldAsInteger( f, i );
      case OFTInteger64: return static_cast<qlonglong>( OGR_F_GetFieldAsInteger64( f, i ) );
      case OFTReal: return OGR_F_GetFieldAsDouble( f, i );
      case OFTDate:
      case OFTDateTime:
      {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        OGR_F_GetFieldAsDateTimeEx( f, i, &y, &m, &d, &hh, &mm, &ss, &tz );
        if ( type == OFTDate )
          return QDate( y, m, d );
        return QDateTime( QDate( y, m, d ), QTime( hh, mm, static_cast<int>( ss ) ) );
      }
      default: return QString::fromUtf8( OGR_F_GetFieldAsString( f, i ) );
    }
  }

  QgsCoordinateReferenceSystem layerCrs( OGRLayerH layer )
  {
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef( layer );
    if ( !srs )
      return QgsCoordinateReferenceSystem();
    const char *authority = OSRGetAuthorityName( srs, nullptr );
    const char *code = OSRGetAuthorityCode( srs, nullptr );
    if ( authority && code )
    {
      QgsCoordinateReferenceSystem crs( QStringLiteral( "%1:%2" ).arg( QString::fromLatin1( authority ), QString::fromLatin1( code ) ) );
      if ( crs.isValid() )
        return crs;
    }
    char *wkt = nullptr;
    OSRExportToWkt( srs, &wkt );
    const QgsCoordinateReferenceSystem crs = QgsCoordinateReferenceSystem::fromWkt( QString::fromUtf8( wkt ) );
    CPLFree( wkt );
    return crs;
  }

  QgsWkbTypes::Type wkbType( OGRwkbGeometryType type )
  {
    QgsWkbTypes::Type t = static_cast<QgsWkbTypes::Type>( wkbFlatten( type ) );
    if ( OGR_GT_HasZ( type ) )
      t = QgsWkbTypes::addZ( t );
    if ( OGR_GT_HasM( type ) )
      t = QgsWkbTypes::addM( t );
    return t;
  }

  //! Sets \a value into field \a index, converted to that field's type.
  void setValue( QgsAttributes &attrs, const QgsFields &fields, int index, const QVariant &value )
  {
    QVariant v = value;
    const QVariant::Type type = fields.at( index ).type();
    if ( type == QVariant::String && value.type() == QVariant::Date )
      v = value.toDate().toString( Qt::ISODate );
    else if ( !v.isNull() && v.type() != type )
      v.convert( static_cast<int>( type ) );
    attrs[index] = v;
  }

  RtResult<RtMapLayer> readLayer( GDALDatasetH ds, RtMapStyle::LayerKind kind, const QVector<RtTask> &tasks, const QDate &asOf,
                                  const QString &path, int units, const RtJoinOptions &joinOptions )
  {
    const QString table = RtMapStyle::tableName( kind );
    OGRLayerH ogrLayer = GDALDatasetGetLayerByName( ds, table.toUtf8().constData() );
    if ( !ogrLayer )
      return RtResult<RtMapLayer>::failure( rtMsg( "RtMapLayers", "%1 has no table '%2'" ).arg( path, table ) );

    OGRFeatureDefnH defn = OGR_L_GetLayerDefn( ogrLayer );
    QgsFields fields;
    QVector<OGRFieldType> types;
    for ( int i = 0; i < OGR_FD_GetFieldCount( defn ); ++i )
    {
      OGRFieldDefnH fd = OGR_FD_GetFieldDefn( defn, i );
      types << OGR_Fld_GetType( fd );
      fields.append( QgsField( QString::fromUtf8( OGR_Fld_GetNameRef( fd ) ), qtType( OGR_Fld_GetType( fd ) ) ) );
    }
    const int sourceFieldCount = fields.count();
    RtKeyBinding binding;
    const bool joined = bindingFor( kind, binding, units );
    if ( joined )
    {
      // The sample layers carry these already (as of the resolution's date); a user's may not.
      if ( fields.lookupField( sStatusField ) < 0 )
        fields.append( QgsField( sStatusField, QVariant::String ) );
      if ( fields.lookupField( sShareField ) < 0 )
        fields.append( QgsField( sShareField, QVariant::Double ) );
      if ( fields.lookupField( sTasksField ) < 0 )
        fields.append( QgsField( sTasksField, QVariant::String ) );
      if ( fields.lookupField( sAsOfField ) < 0 )
        fields.append( QgsField( sAsOfField, QVariant::Date ) );
      for ( const QString &keyField : binding.fields )
        if ( fields.lookupField( keyField ) < 0 )
          return RtResult<RtMapLayer>::failure( rtMsg( "RtMapLayers", "%1: table '%2' has no field '%3' to join the tasks on" ).arg( path, table, keyField ) );
    }

    RtMapLayer out;
    out.kind = kind;
    out.table = table;
    out.layer.reset( QgsMemoryProviderUtils::createMemoryLayer( table, fields, wkbType( OGR_L_GetGeomType( ogrLayer ) ), layerCrs( ogrLayer ) ) );
    if ( !out.layer || !out.layer->isValid() )
      return RtResult<RtMapLayer>::failure( rtMsg( "RtMapLayers", "%1: cannot make a memory copy of '%2'" ).arg( path, table ) );

    const int sourceIndex = fields.lookupField( QStringLiteral( "source" ) );
    QSet<QString> sources;
    QgsFeatureList features;
    QVector<RtFeatureKey> keys;
    OGR_L_ResetReading( ogrLayer );
    OGRFeatureH f = nullptr;
    while ( ( f = OGR_L_GetNextFeature( ogrLayer ) ) )
    {
      QgsFeature feature( fields, static_cast<QgsFeatureId>( features.size() ) );
      QgsAttributes attrs( fields.count() );
      for ( int i = 0; i < sourceFieldCount; ++i )
        attrs[i] = fieldValue( f, i, types.at( i ) );
      if ( OGRGeometryH g = OGR_F_GetGeometryRef( f ) )
      {
        QByteArray wkb( OGR_G_WkbSize( g ), Qt::Uninitialized );
        OGR_G_ExportToIsoWkb( g, wkbNDR, reinterpret_cast<unsigned char *>( wkb.data() ) );
        QgsGeometry geometry;
        geometry.fromWkb( wkb );
        feature.setGeometry( geometry );
      }
      OGR_F_Destroy( f );
      if ( sourceIndex >= 0 && !attrs.at( sourceIndex ).isNull() )
        sources.insert( attrs.at( sourceIndex ).toString() );
      if ( joined )
      {
        RtFeatureKey key;
        key.fid = feature.id();
        for ( const QString &keyField : binding.fields )
          key.values << attrs.at( fields.lookupField( keyField ) ).toString();
        keys << key;
      }
      feature.setAttributes( attrs );
      features << feature;
    }

    if ( joined )
    {
      const RtJoinResult result = RtJoin::join( keys, binding, tasks, asOf, joinOptions );
      QHash<qint64, const RtFeatureResult *> byFid;
      for ( const RtFeatureResult &r : result.features )
        byFid.insert( r.fid, &r );
      const int statusIndex = fields.lookupField( sStatusField );
      const int shareIndex = fields.lookupField( sShareField );
      const int tasksIndex = fields.lookupField( sTasksField );
      const int asOfIndex = fields.lookupField( sAsOfField );
      for ( QgsFeature &feature : features )
      {
        const RtFeatureResult *r = byFid.value( feature.id() );
        const RtFeatureStatus status = r ? r->status : RtFeatureStatus::None;
        QgsAttributes attrs = feature.attributes();
        setValue( attrs, fields, statusIndex, RtFeatureStatuses::code( status ) );
        setValue( attrs, fields, shareIndex, r ? r->shareDone : 0.0 );
        setValue( attrs, fields, tasksIndex, r ? r->taskIds.join( QLatin1Char( ',' ) ) : QString() );
        setValue( attrs, fields, asOfIndex, asOf );
        feature.setAttributes( attrs );
        out.statusCounts[RtFeatureStatuses::code( status )] += 1;
      }
      out.unmatched = result.unmatched;
    }

    if ( !out.layer->dataProvider()->addFeatures( features ) )
      return RtResult<RtMapLayer>::failure( rtMsg( "RtMapLayers", "%1: cannot copy the features of '%2'" ).arg( path, table ) );
    out.layer->updateExtents();
    out.featureCount = features.size();
    // A wrong CRS puts a layer kilometres away and the map shows an empty city: say which CRS fits.
    const QgsRectangle extent = out.layer->extent();
    if ( !features.isEmpty() && !extent.isNull() )
    {
      const QgsCoordinateReferenceSystem crs = out.layer->crs();
      const QString declared = crs.authid().isEmpty() ? crs.toWkt() : crs.authid();
      const RtCrsDiagnosis diagnosis = RtCrsCheck::diagnose( declared, RtCrsCheck::extentPoints( extent.toRectF() ) );
      if ( !diagnosis.fits )
        out.crsProblem = rtMsg( "RtMapLayers", "%1, table '%2': %3" ).arg( path, table, diagnosis.message );
    }
    out.sources = QStringList( sources.cbegin(), sources.cend() );
    out.sources.sort();
    for ( const QString &s : std::as_const( out.sources ) )
      out.schematic = out.schematic || s.startsWith( QLatin1String( "schematic" ), Qt::CaseInsensitive );
    return RtResult<RtMapLayer>::success( std::move( out ) );
  }

  /**
   * \a tasks with their ward places translated to the 2025 units through \a unitMap. A ward
   * code the map lacks is named in a warning with its tasks and left off: kept as it is, a
   * 2023 code that is also a 2025 code ("06709") would land on a unit by coincidence.
   */
  QVector<RtTask> tasksBy2025Units( const QVector<RtTask> &tasks, const QHash<QString, QString> &unitMap, const QString &path,
                                   QStringList &warnings )
  {
    QMap<QString, QStringList> unmapped; // 2023 code → its tasks
    QVector<RtTask> kept = tasks;
    for ( RtTask &t : kept )
    {
      QStringList places;
      for ( const QString &place : std::as_const( t.places ) )
      {
        if ( place.startsWith( sWardPrefix ) && !unitMap.contains( place.mid( sWardPrefix.size() ) ) )
        {
          QStringList &ids = unmapped[place.mid( sWardPrefix.size() )];
          if ( !ids.contains( t.id ) )
            ids << t.id;
          continue;
        }
        places << place;
      }
      t.places = places;
    }
    for ( auto it = unmapped.cbegin(); it != unmapped.cend(); ++it )
      warnings << rtMsg( "RtMapLayers", "ward %1 (2023) has no 2025 unit in %2, table '%3', field '%4': not shown on the 2025 units for task %5" )
               .arg( it.key(), path, RtMapStyle::tableName( RtMapStyle::LayerKind::Wards ), RtMapLayerSet::unitMapField(),
                     it.value().join( QStringLiteral( ", " ) ) );
    return RtJoin::translatePlaces( kept, QStringLiteral( "ward" ), unitMap );
  }
}

QString RtMapLayerSet::unitMapField()
{
  return QStringLiteral( "gso_code_2025" );
}

RtMapLayer *RtMapLayerSet::find( RtMapStyle::LayerKind kind )
{
  for ( RtMapLayer &l : layers )
    if ( l.kind == kind )
      return &l;
  return nullptr;
}

bool RtMapLayerSet::anySchematic() const
{
  for ( const RtMapLayer &l : layers )
    if ( l.schematic )
      return true;
  return false;
}

RtResult<RtMapLayerSet> RtMapLayerSet::load( const QString &gpkgPath, const QVector<RtTask> &tasks, const QDate &asOf, int units, bool withDirectives )
{
  RtJoinOptions joinOptions;
  joinOptions.withDirectives = withDirectives;
  if ( units != 2023 && units != 2025 )
    return RtResult<RtMapLayerSet>::failure( rtMsg( "RtMapLayers", "the ward units must be 2023 or 2025, not %1" ).arg( units ) );
  if ( !QFileInfo::exists( gpkgPath ) )
    return RtResult<RtMapLayerSet>::failure( rtMsg( "RtMapLayers", "%1: no such file; pass the map layers GeoPackage (--layers)" ).arg( gpkgPath ) );
  // Read-only, always: the layers file is never written by a map export.
  const char *drivers[] = { "GPKG", nullptr };
  std::unique_ptr<void, DatasetCloser> ds( GDALOpenEx( gpkgPath.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
      drivers, nullptr, nullptr ) );
  if ( !ds )
    return RtResult<RtMapLayerSet>::failure( rtMsg( "RtMapLayers", "%1: not a GeoPackage GDAL can read (%2)" )
        .arg( gpkgPath, QString::fromUtf8( CPLGetLastErrorMsg() ) ) );

  RtMapLayerSet set;
  set.units = units;
  // By the 2025 units: the tasks' 2023 ward codes translated through wards_2023's mapping.
  QVector<RtTask> joinTasks;
  if ( units == 2025 )
  {
    if ( !GDALDatasetGetLayerByName( ds.get(), RtMapStyle::tableName( RtMapStyle::LayerKind::Wards2025 ).toUtf8().constData() ) )
      return RtResult<RtMapLayerSet>::failure( rtMsg( "RtMapLayers", "%1 has no table '%2': there are no 2025 units to show" )
          .arg( gpkgPath, RtMapStyle::tableName( RtMapStyle::LayerKind::Wards2025 ) ) );
    // The 2023 → 2025 mapping, wards_2023: gso_code → gso_code_2025; a 2023 code given two
    // 2025 units is left out (with a warning): which unit was meant is not guessed.
    const RtResult<QHash<QString, QString>> unitMap = RtLayerKeys::readKeyMap(
          QStringLiteral( "%1|layername=%2" ).arg( gpkgPath, RtMapStyle::tableName( RtMapStyle::LayerKind::Wards ) ), QStringLiteral( "ward" ),
          sWardCodeField, RtMapLayerSet::unitMapField(), &set.warnings );
    if ( !unitMap.ok() )
      return RtResult<RtMapLayerSet>::failure( unitMap.error() );
    joinTasks = tasksBy2025Units( tasks, unitMap.value(), gpkgPath, set.warnings );
  }
  const QVector<RtTask> &layerTasks = units == 2025 ? joinTasks : tasks;
  int statusLayers = 0;
  // A site key lands in sites or in site_lines: it is unmatched only when it lands in neither.
  QMap<QString, QSet<QString>> unmatched; // "taskId → key" → tables that did not hold it
  QMap<QString, QStringList> tablesOfPrefix;
  for ( RtMapStyle::LayerKind kind : RtMapStyle::allKinds() )
  {
    RtResult<RtMapLayer> layer = readLayer( ds.get(), kind, layerTasks, asOf, gpkgPath, units, joinOptions );
    if ( !layer.ok() )
    {
      set.warnings << layer.error();
      continue;
    }
    RtKeyBinding binding;
    if ( bindingFor( kind, binding, units ) )
    {
      ++statusLayers;
      tablesOfPrefix[binding.kind] << layer.value().table;
      for ( const RtTaskLink &link : layer.value().unmatched )
        unmatched[QStringLiteral( "%1 → %2:%3" ).arg( link.taskId, binding.kind, link.key )].insert( layer.value().table );
    }
    if ( !layer.value().crsProblem.isEmpty() )
      set.warnings << layer.value().crsProblem;
    set.layers.push_back( layer.takeValue() );
  }
  for ( auto it = unmatched.cbegin(); it != unmatched.cend(); ++it )
  {
    const QString prefix = it.key().section( QStringLiteral( " → " ), 1 ).section( QLatin1Char( ':' ), 0, 0 );
    if ( it.value().size() == tablesOfPrefix.value( prefix ).size() )
      set.warnings << rtMsg( "RtMapLayers", "task %1 is on no feature of %2" ).arg( it.key(), tablesOfPrefix.value( prefix ).join( QStringLiteral( ", " ) ) );
  }
  if ( statusLayers == 0 )
    return RtResult<RtMapLayerSet>::failure( rtMsg( "RtMapLayers", "%1 holds none of the tables %2, zones, sites, site_lines: %3" )
        .arg( gpkgPath, RtMapStyle::tableName( units == 2025 ? RtMapStyle::LayerKind::Wards2025 : RtMapStyle::LayerKind::Wards ),
              set.warnings.join( QStringLiteral( "; " ) ) ) );
  return RtResult<RtMapLayerSet>::success( std::move( set ) );
}
