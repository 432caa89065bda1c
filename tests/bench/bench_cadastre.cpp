#include "bench_cadastre.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFile>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <random>
#include <unordered_map>

namespace
{
  struct DatasetCloser
  {
    void operator()( GDALDataset *ds ) const { GDALClose( GDALDataset::ToHandle( ds ) ); }
  };
  using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

  QString gdalError( const QString &what )
  {
    return QStringLiteral( "%1: %2" ).arg( what, QString::fromUtf8( CPLGetLastErrorMsg() ) );
  }

  //! Sets a GDAL configuration option for the scope, then restores it.
  class ScopedConfig
  {
    public:
      ScopedConfig( const char *key, const char *value ) : mKey( key )
      {
        const char *old = CPLGetConfigOption( key, nullptr );
        if ( old )
          mOld = old;
        mHadOld = old != nullptr;
        CPLSetConfigOption( key, value );
      }
      ~ScopedConfig() { CPLSetConfigOption( mKey, mHadOld ? mOld.c_str() : nullptr ); }
      ScopedConfig( const ScopedConfig & ) = delete;
      ScopedConfig &operator=( const ScopedConfig & ) = delete;

    private:
      const char *mKey;
      std::string mOld;
      bool mHadOld = false;
  };

  struct Ward
  {
    QByteArray code;
    std::unique_ptr<OGRGeometry> geometry;
  };
}

QStringList BenchCadastre::statusCodes()
{
  // RtStatus order: NotStarted, InProgress, Done, Blocked, Dropped, NoReport.
  return { QStringLiteral( "not_started" ), QStringLiteral( "in_progress" ), QStringLiteral( "done" ),
           QStringLiteral( "blocked" ), QStringLiteral( "dropped" ), QStringLiteral( "no_report" ) };
}

QString BenchCadastre::generate( const QString &path, const QString &wardsGpkg, int parcelCount, int dossierCount,
                                 std::uint64_t seed, BenchCadastre &out )
{
  const auto started = std::chrono::steady_clock::now();
  std::mt19937_64 rng( seed );
  out = BenchCadastre();
  out.path = path;

  // 1. The wards of 2023: their codes, geometries and total area.
  std::vector<Ward> wards;
  OGREnvelope env;
  double area = 0;
  {
    DatasetPtr src( GDALDataset::Open( wardsGpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr ) );
    if ( !src )
      return gdalError( QStringLiteral( "cannot open %1" ).arg( wardsGpkg ) );
    OGRLayer *layer = src->GetLayerByName( "wards_2023" );
    if ( !layer )
      return QStringLiteral( "%1 has no layer wards_2023" ).arg( wardsGpkg );
    if ( layer->GetExtent( &env, TRUE ) != OGRERR_NONE )
      return QStringLiteral( "%1: wards_2023 has no extent" ).arg( wardsGpkg );
    layer->ResetReading();
    while ( OGRFeature *f = layer->GetNextFeature() )
    {
      Ward w;
      w.code = f->GetFieldAsString( "gso_code" );
      if ( f->GetGeometryRef() )
      {
        w.geometry.reset( f->GetGeometryRef()->clone() );
        const OGRwkbGeometryType type = wkbFlatten( w.geometry->getGeometryType() );
        if ( type == wkbPolygon )
          area += w.geometry->toPolygon()->get_Area();
        else if ( type == wkbMultiPolygon )
          area += w.geometry->toMultiPolygon()->get_Area();
      }
      OGRFeature::DestroyFeature( f );
      wards.push_back( std::move( w ) );
    }
  }
  if ( wards.empty() || area <= 0 )
    return QStringLiteral( "%1: wards_2023 holds no polygon" ).arg( wardsGpkg );

  // 2. A grid over the wards, rasterised once: each cell whose centre falls in a ward gets
  //    that ward's number. The cell shrinks until at least parcelCount cells fall inside.
  double cell = std::sqrt( area / parcelCount ) * 0.995;
  int cols = 0, rows = 0;
  std::vector<quint8> wardOfCell;
  size_t inside = 0;
  for ( int attempt = 0; attempt < 40; ++attempt )
  {
    cols = static_cast<int>( std::ceil( ( env.MaxX - env.MinX ) / cell ) );
    rows = static_cast<int>( std::ceil( ( env.MaxY - env.MinY ) / cell ) );
    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName( "MEM" );
    DatasetPtr raster( mem->Create( "", cols, rows, 1, GDT_Byte, nullptr ) );
    if ( !raster )
      return gdalError( QStringLiteral( "cannot create the ward raster" ) );
    double gt[6] = { env.MinX, cell, 0, env.MaxY, 0, -cell };
    raster->SetGeoTransform( gt );
    std::vector<OGRGeometryH> geometries;
    std::vector<double> burn;
    for ( size_t w = 0; w < wards.size(); ++w )
    {
      if ( !wards[w].geometry )
        continue;
      geometries.push_back( OGRGeometry::ToHandle( wards[w].geometry.get() ) );
      burn.push_back( static_cast<double>( w + 1 ) );
    }
    int band = 1;
    if ( GDALRasterizeGeometries( GDALDataset::ToHandle( raster.get() ), 1, &band, static_cast<int>( geometries.size() ),
                                  geometries.data(), nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr ) != CE_None )
      return gdalError( QStringLiteral( "cannot rasterise the wards" ) );
    wardOfCell.assign( static_cast<size_t>( cols ) * rows, 0 );
    if ( raster->GetRasterBand( 1 )->RasterIO( GF_Read, 0, 0, cols, rows, wardOfCell.data(), cols, rows, GDT_Byte, 0, 0 ) != CE_None )
      return gdalError( QStringLiteral( "cannot read the ward raster" ) );
    inside = static_cast<size_t>( std::count_if( wardOfCell.begin(), wardOfCell.end(), []( quint8 v ) { return v != 0; } ) );
    if ( inside >= static_cast<size_t>( parcelCount ) )
      break;
    cell *= 0.99;
  }
  if ( inside < static_cast<size_t>( parcelCount ) )
    return QStringLiteral( "could not fit %1 parcels in the wards" ).arg( parcelCount );
  out.cellSize = cell;

  // 3. Exactly parcelCount of the inside cells (selection sampling keeps the grid order),
  //    each with its commune, sheet and parcel number.
  struct Parcel
  {
    int col, row;
    quint8 ward;
    int sheet, number;
  };
  std::vector<Parcel> parcels;
  parcels.reserve( static_cast<size_t>( parcelCount ) );
  {
    size_t left = inside;
    size_t needed = static_cast<size_t>( parcelCount );
    std::unordered_map<quint64, int> sheetOf;   // (ward, tile) → sheet number
    std::vector<int> sheetsOfWard( wards.size() + 1, 0 );
    std::unordered_map<quint64, int> parcelsOf; // (ward, sheet) → last parcel number
    const double tile = 1000.0;
    for ( int row = 0; row < rows && needed > 0; ++row )
    {
      for ( int col = 0; col < cols && needed > 0; ++col )
      {
        const quint8 ward = wardOfCell[static_cast<size_t>( row ) * cols + col];
        if ( !ward )
          continue;
        const bool take = std::uniform_int_distribution<size_t>( 0, left - 1 )( rng ) < needed;
        --left;
        if ( !take )
          continue;
        --needed;
        const quint64 tx = static_cast<quint64>( col * cell / tile );
        const quint64 ty = static_cast<quint64>( row * cell / tile );
        const quint64 tileKey = ( static_cast<quint64>( ward ) << 40 ) | ( ty << 20 ) | tx;
        auto it = sheetOf.find( tileKey );
        if ( it == sheetOf.end() )
          it = sheetOf.emplace( tileKey, ++sheetsOfWard[ward] ).first;
        const int sheet = it->second;
        const int number = ++parcelsOf[( static_cast<quint64>( ward ) << 32 ) | static_cast<quint32>( sheet )];
        parcels.push_back( Parcel { col, row, ward, sheet, number } );
      }
    }
  }

  // 4. The GeoPackage: parcels with their R-tree, dossiers, in one transaction each.
  //    (Durability is off while generating only: the measured writes keep GDAL's defaults.)
  ScopedConfig sync( "OGR_SQLITE_SYNCHRONOUS", "OFF" );
  QFile::remove( path );
  GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName( "GPKG" );
  DatasetPtr ds( gpkg->Create( path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr ) );
  if ( !ds )
    return gdalError( QStringLiteral( "cannot create %1" ).arg( path ) );
  OGRSpatialReference srs;
  srs.importFromEPSG( 5899 );
  srs.SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
  const char *parcelOptions[] = { "FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", nullptr };
  OGRLayer *layer = ds->CreateLayer( "parcels", &srs, wkbPolygon, const_cast<char **>( parcelOptions ) );
  if ( !layer )
    return gdalError( QStringLiteral( "cannot create the parcels layer" ) );
  {
    OGRFieldDefn commune( "commune", OFTString );
    commune.SetWidth( 5 );
    OGRFieldDefn sheet( "sheet", OFTInteger );
    OGRFieldDefn number( "parcel", OFTInteger );
    OGRFieldDefn pkey( "pkey", OFTString );
    if ( layer->CreateField( &commune ) != OGRERR_NONE || layer->CreateField( &sheet ) != OGRERR_NONE
         || layer->CreateField( &number ) != OGRERR_NONE || layer->CreateField( &pkey ) != OGRERR_NONE )
      return gdalError( QStringLiteral( "cannot create the parcel fields" ) );
  }
  out.cx.resize( parcels.size() );
  out.cy.resize( parcels.size() );
  std::vector<QByteArray> pkeys( parcels.size() );
  if ( ds->StartTransaction() != OGRERR_NONE )
    return gdalError( QStringLiteral( "cannot start a transaction" ) );
  {
    std::uniform_real_distribution<double> side( 0.78, 0.92 );
    std::uniform_real_distribution<double> unit( 0.0, 1.0 );
    std::unique_ptr<OGRFeature> f( OGRFeature::CreateFeature( layer->GetLayerDefn() ) );
    for ( size_t i = 0; i < parcels.size(); ++i )
    {
      const Parcel &p = parcels[i];
      const double w = cell * side( rng ), h = cell * side( rng );
      const double x0 = env.MinX + p.col * cell + ( cell - w ) * unit( rng );
      const double y1 = env.MaxY - p.row * cell - ( cell - h ) * unit( rng );
      const double y0 = y1 - h;
      out.cx[i] = x0 + w / 2;
      out.cy[i] = y0 + h / 2;
      OGRLinearRing *ring = new OGRLinearRing;
      ring->setNumPoints( 5 );
      ring->setPoint( 0, x0, y0 );
      ring->setPoint( 1, x0, y1 );
      ring->setPoint( 2, x0 + w, y1 );
      ring->setPoint( 3, x0 + w, y0 );
      ring->setPoint( 4, x0, y0 );
      OGRPolygon *polygon = new OGRPolygon;
      polygon->addRingDirectly( ring );
      const QByteArray &code = wards[p.ward - 1].code;
      pkeys[i] = code + '/' + QByteArray::number( p.sheet ) + '/' + QByteArray::number( p.number );
      f->SetFID( OGRNullFID );
      f->SetField( 0, code.constData() );
      f->SetField( 1, p.sheet );
      f->SetField( 2, p.number );
      f->SetField( 3, pkeys[i].constData() );
      f->SetGeometryDirectly( polygon );
      if ( layer->CreateFeature( f.get() ) != OGRERR_NONE )
        return gdalError( QStringLiteral( "cannot write parcel %1" ).arg( i + 1 ) );
      if ( f->GetFID() != static_cast<GIntBig>( i + 1 ) )
        return QStringLiteral( "parcel %1 got fid %2" ).arg( i + 1 ).arg( f->GetFID() );
    }
  }
  if ( ds->CommitTransaction() != OGRERR_NONE )
    return gdalError( QStringLiteral( "cannot commit the parcels" ) );
  out.extent = QRectF( QPointF( env.MinX, env.MinY ), QPointF( env.MaxX, env.MaxY ) );

  // 5. Dossiers: distinct random parcels, most with one dossier, some with 2–4; a few name
  //    no parcel at all. Rows shuffled so one parcel's dossiers are not adjacent.
  std::vector<int> dossierParcel; // fid, 0 for an orphan
  dossierParcel.reserve( static_cast<size_t>( dossierCount ) );
  {
    std::vector<int> order( parcels.size() );
    for ( size_t i = 0; i < order.size(); ++i )
      order[i] = static_cast<int>( i + 1 );
    size_t next = 0;
    std::discrete_distribution<int> multiplicity( { 0, 75, 15, 6, 4 } );
    std::uniform_real_distribution<double> unit( 0.0, 1.0 );
    while ( static_cast<int>( dossierParcel.size() ) < dossierCount )
    {
      if ( unit( rng ) < 0.002 || next >= order.size() )
      {
        dossierParcel.push_back( 0 );
        continue;
      }
      const size_t pick = next + std::uniform_int_distribution<size_t>( 0, order.size() - 1 - next )( rng );
      std::swap( order[next], order[pick] );
      const int fid = order[next++];
      const int k = multiplicity( rng );
      for ( int j = 0; j < k && static_cast<int>( dossierParcel.size() ) < dossierCount; ++j )
        dossierParcel.push_back( fid );
    }
    std::shuffle( dossierParcel.begin(), dossierParcel.end(), rng );
  }

  const char *dossierOptions[] = { "FID=fid", nullptr };
  OGRLayer *dossiers = ds->CreateLayer( "dossiers", nullptr, wkbNone, const_cast<char **>( dossierOptions ) );
  if ( !dossiers )
    return gdalError( QStringLiteral( "cannot create the dossiers table" ) );
  {
    OGRFieldDefn id( "dossier_id", OFTString );
    OGRFieldDefn commune( "commune", OFTString );
    commune.SetWidth( 5 );
    OGRFieldDefn sheet( "sheet", OFTInteger );
    OGRFieldDefn number( "parcel", OFTInteger );
    OGRFieldDefn pkey( "pkey", OFTString );
    OGRFieldDefn status( "status", OFTString );
    OGRFieldDefn deadline( "deadline", OFTDate );
    for ( OGRFieldDefn *d : { &id, &commune, &sheet, &number, &pkey, &status, &deadline } )
      if ( dossiers->CreateField( d ) != OGRERR_NONE )
        return gdalError( QStringLiteral( "cannot create the dossier fields" ) );
  }
  const QStringList codes = statusCodes();
  std::vector<QByteArray> codeBytes;
  for ( const QString &c : codes )
    codeBytes.push_back( c.toUtf8() );
  // RtStatus order: not started 20 %, in progress 35 %, done 25 %, blocked 5 %, dropped 5 %, no report 10 %.
  std::discrete_distribution<int> statusDist( { 20, 35, 25, 5, 5, 10 } );
  std::uniform_int_distribution<int> yearDist( 2023, 2027 );
  if ( ds->StartTransaction() != OGRERR_NONE )
    return gdalError( QStringLiteral( "cannot start a transaction" ) );
  {
    std::unique_ptr<OGRFeature> f( OGRFeature::CreateFeature( dossiers->GetLayerDefn() ) );
    out.dossiers.reserve( dossierParcel.size() );
    for ( size_t i = 0; i < dossierParcel.size(); ++i )
    {
      Dossier d;
      d.parcelFid = dossierParcel[i];
      d.status = static_cast<quint8>( statusDist( rng ) );
      d.deadlineYear = static_cast<short>( yearDist( rng ) );
      QByteArray commune;
      int sheet = 0, number = 0;
      if ( d.parcelFid > 0 )
      {
        const Parcel &p = parcels[static_cast<size_t>( d.parcelFid - 1 )];
        commune = wards[p.ward - 1].code;
        sheet = p.sheet;
        number = p.number;
      }
      else
      {
        const Parcel &p = parcels[std::uniform_int_distribution<size_t>( 0, parcels.size() - 1 )( rng )];
        commune = wards[p.ward - 1].code;
        sheet = 9000 + std::uniform_int_distribution<int>( 0, 99 )( rng ); // no commune has that many sheets
        number = std::uniform_int_distribution<int>( 1, 500 )( rng );
        ++out.orphans;
      }
      const QByteArray pkey = commune + '/' + QByteArray::number( sheet ) + '/' + QByteArray::number( number );
      f->SetFID( OGRNullFID );
      f->SetField( 0, QByteArray( "HS-" + QByteArray::number( static_cast<qulonglong>( i + 1 ) ).rightJustified( 7, '0' ) ).constData() );
      f->SetField( 1, commune.constData() );
      f->SetField( 2, sheet );
      f->SetField( 3, number );
      f->SetField( 4, pkey.constData() );
      f->SetField( 5, codeBytes[d.status].constData() );
      f->SetField( 6, d.deadlineYear, 12, 31 );
      if ( dossiers->CreateFeature( f.get() ) != OGRERR_NONE )
        return gdalError( QStringLiteral( "cannot write dossier %1" ).arg( i + 1 ) );
      out.dossiers.push_back( d );
    }
  }
  if ( ds->CommitTransaction() != OGRERR_NONE )
    return gdalError( QStringLiteral( "cannot commit the dossiers" ) );
  // The SQLite baseline at its best: an index on the join key, and fresh statistics.
  for ( const char *sql : { "CREATE INDEX dossiers_key ON dossiers (commune, sheet, parcel)", "ANALYZE" } )
  {
    CPLErrorReset();
    if ( OGRLayer *rs = ds->ExecuteSQL( sql, nullptr, "SQLITE" ) )
      ds->ReleaseResultSet( rs );
    if ( CPLGetLastErrorType() == CE_Failure )
      return gdalError( QStringLiteral( "%1 failed" ).arg( QString::fromLatin1( sql ) ) );
  }
  ds.reset();
  out.seconds = std::chrono::duration<double>( std::chrono::steady_clock::now() - started ).count();
  return QString();
}
