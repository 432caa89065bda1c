// Layer sources as QGIS writes them ("PATH|layername=NAME", "PATH|layerid=N"), read strictly:
// an option given twice or one we would ignore is refused, naming it. A PostGIS layer
// ("PG:…|layername=NAME") on the test cluster, its password never in a message.
#include "catch_compat.h"
#include "pgtestutil.h"
#include "testutil.h"

#include "rtlayerkeys.h"
#include "rtpgkeycopy.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

namespace
{
  QString layers() { return RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg" ); }

  RtKeyBinding zoneCodes()
  {
    RtKeyBinding binding;
    binding.kind = QStringLiteral( "zone" );
    binding.fields = QStringList { QStringLiteral( "code" ) };
    return binding;
  }
}

TEST_CASE( "a layer source names one layer by name or by number", "[layers]" )
{
  const RtResult<RtLayerSource> byName = RtLayerSource::parseStrict( layers() + QStringLiteral( "|layername=zones" ) );
  REQUIRE( byName.ok() );
  CHECK( byName.value().path == layers() );
  CHECK( byName.value().layerName == QStringLiteral( "zones" ) );
  CHECK( byName.value().layerId == -1 );
  CHECK( byName.value().toString() == layers() + QStringLiteral( "|layername=zones" ) );

  const RtResult<RtLayerSource> plain = RtLayerSource::parseStrict( layers() );
  REQUIRE( plain.ok() );
  CHECK( plain.value().layerName.isEmpty() );
  CHECK( plain.value().toString() == layers() );

  // QGIS names a layer by its number too: the same layer as by its name.
  const RtResult<RtLayerKeys> named = RtLayerKeys::read( layers() + QStringLiteral( "|layername=zones" ), zoneCodes() );
  REQUIRE( named.ok() );
  int zonesIndex = -1;
  for ( int i = 0; i < 10 && zonesIndex < 0; ++i )
  {
    const RtResult<RtLayerKeys> numbered = RtLayerKeys::read( layers() + QStringLiteral( "|layerid=%1" ).arg( i ), zoneCodes() );
    if ( numbered.ok() && numbered.value().layerName == QLatin1String( "zones" ) )
      zonesIndex = i;
  }
  REQUIRE( zonesIndex >= 0 );
  const RtResult<RtLayerKeys> numbered = RtLayerKeys::read( layers() + QStringLiteral( "|layerid=%1" ).arg( zonesIndex ), zoneCodes() );
  REQUIRE( numbered.ok() );
  CHECK( numbered.value().features.size() == named.value().features.size() );
  const RtResult<RtLayerKeys> beyond = RtLayerKeys::read( layers() + QStringLiteral( "|layerid=99" ), zoneCodes() );
  REQUIRE( !beyond.ok() );
  CHECK( beyond.error().contains( QStringLiteral( "has no layer 99" ) ) );
}

TEST_CASE( "a layer source with a repeated or unknown option is refused, naming it", "[layers][defect]" )
{
  // Bug: PATH|layername=a|layername=b silently took the last, and unknown |foo=bar options were ignored (issue 9, item 7).
  const auto requireRefused = [&]( const QString &options, const QString &named )
  {
    const QString spec = layers() + options;
    const RtResult<RtLayerSource> parsed = RtLayerSource::parseStrict( spec );
    REQUIRE( !parsed.ok() );
    CHECK( parsed.error().contains( named ) );
    const RtResult<RtLayerKeys> read = RtLayerKeys::read( spec, zoneCodes() );
    REQUIRE( !read.ok() );
    CHECK( read.error() == parsed.error() );
  };
  SECTION( "the same option twice" )
  {
    requireRefused( QStringLiteral( "|layername=zones|layername=wards_2023" ), QStringLiteral( "layername is given twice" ) );
  }
  SECTION( "an unknown option" )
  {
    requireRefused( QStringLiteral( "|layername=zones|foo=bar" ), QStringLiteral( "unknown layer option 'foo=bar'" ) );
  }
  SECTION( "a QGIS subset filter, which would be ignored" )
  {
    requireRefused( QStringLiteral( "|layername=zones|subset=\"code\" = 'A3'" ), QStringLiteral( "unknown layer option 'subset=" ) );
  }
  SECTION( "name and number both" )
  {
    requireRefused( QStringLiteral( "|layername=zones|layerid=0" ), QStringLiteral( "layername or layerid, not both" ) );
  }
  SECTION( "an empty name" )
  {
    requireRefused( QStringLiteral( "|layername=" ), QStringLiteral( "layername is empty" ) );
  }
  SECTION( "a number that is not one" )
  {
    requireRefused( QStringLiteral( "|layerid=zones" ), QStringLiteral( "layerid 'zones' is not a layer number" ) );
  }
  SECTION( "writing refuses the same, and writes nothing" )
  {
    QTemporaryDir dir;
    REQUIRE( dir.isValid() );
    const QString copy = dir.filePath( QStringLiteral( "layers.gpkg" ) );
    REQUIRE( QFile::copy( layers(), copy ) );
    const QByteArray before = rtReadAll( copy );
    const RtStatusResult written = RtLayerKeys::write( copy + QStringLiteral( "|layername=zones|layername=sites" ), RtJoinResult(), QDate( 2024, 1, 1 ) );
    REQUIRE( !written.ok() );
    CHECK( written.error().contains( QStringLiteral( "layername is given twice" ) ) );
    CHECK( rtReadAll( copy ) == before );
  }
}

namespace
{
  //! A cadastre-like layer: integer commune codes (the leading zero lost), text sheets with
  //! nulls and Vietnamese names, 64-bit parcel numbers; points in Móng Cái (EPSG:4326).
  void writeParcels( const QString &path, const char *driverName, int count )
  {
    GDALDriverH driver = GDALGetDriverByName( driverName );
    REQUIRE( driver );
    GDALDatasetH ds = GDALCreate( driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr );
    REQUIRE( ds );
    OGRSpatialReferenceH srs = OSRNewSpatialReference( nullptr );
    OSRImportFromEPSG( srs, 4326 );
    OSRSetAxisMappingStrategy( srs, OAMS_TRADITIONAL_GIS_ORDER );
    // Shapefiles are written in ISO-8859-1 unless told otherwise: Vietnamese needs UTF-8.
    const char *shapefileOptions[] = { "ENCODING=UTF-8", nullptr };
    const bool shapefile = QByteArray( driverName ) == "ESRI Shapefile";
    OGRLayerH layer = GDALDatasetCreateLayer( ds, "parcels", srs, wkbPoint, shapefile ? const_cast<char **>( shapefileOptions ) : nullptr );
    OSRDestroySpatialReference( srs );
    REQUIRE( layer );
    const std::pair<const char *, OGRFieldType> fields[] = { { "commune", OFTInteger }, { "sheet", OFTString }, { "parcel", OFTInteger64 } };
    for ( const auto &f : fields )
    {
      OGRFieldDefnH defn = OGR_Fld_Create( f.first, f.second );
      REQUIRE( OGR_L_CreateField( layer, defn, TRUE ) == OGRERR_NONE );
      OGR_Fld_Destroy( defn );
    }
    const QStringList sheets { QStringLiteral( "12" ), QStringLiteral( "Hải Hòa 9" ), QStringLiteral( "Ninh Dương/3" ) };
    REQUIRE( OGR_L_StartTransaction( layer ) == OGRERR_NONE );
    for ( int i = 0; i < count; ++i )
    {
      OGRFeatureH f = OGR_F_Create( OGR_L_GetLayerDefn( layer ) );
      OGR_F_SetFieldInteger( f, 0, i % 2 ? 6715 : 6742 );
      if ( i % 7 != 0 ) // every seventh sheet is null
        OGR_F_SetFieldString( f, 1, sheets.at( i % 3 ).toUtf8().constData() );
      OGR_F_SetFieldInteger64( f, 2, 3000000000LL + i );
      OGRGeometryH g = OGR_G_CreateGeometry( wkbPoint );
      OGR_G_SetPoint_2D( g, 0, 107.95 + ( i % 100 ) * 0.0005, 21.50 + ( i / 100 ) * 0.0005 );
      OGR_F_SetGeometry( f, g );
      OGR_G_DestroyGeometry( g );
      REQUIRE( OGR_L_CreateFeature( layer, f ) == OGRERR_NONE );
      OGR_F_Destroy( f );
    }
    REQUIRE( OGR_L_CommitTransaction( layer ) == OGRERR_NONE );
    GDALClose( ds );
  }
}

TEST_CASE( "keys read through the columnar stream are the keys read feature by feature", "[layers][columnar]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  RtKeyBinding parcels;
  parcels.kind = QStringLiteral( "parcel" );
  parcels.fields = QStringList { QStringLiteral( "commune" ), QStringLiteral( "sheet" ), QStringLiteral( "parcel" ) };
  for ( const char *driver : { "GPKG", "ESRI Shapefile" } )
  {
    INFO( driver );
    const QString path = dir.filePath( QStringLiteral( "parcels-%1.%2" ).arg( QString::fromUtf8( driver ).left( 4 ), QString::fromUtf8( driver ) == QLatin1String( "GPKG" ) ? QStringLiteral( "gpkg" ) : QStringLiteral( "shp" ) ) );
    writeParcels( path, driver, 2500 );
    RtLayerReadOptions columnar;
    columnar.columnarBatchSize = 700; // several batches, the last one short
    RtLayerReadOptions byFeature;
    byFeature.columnar = false;
    const RtResult<RtLayerKeys> a = RtLayerKeys::read( path, parcels, columnar );
    INFO( a.error().toStdString() );
    REQUIRE( a.ok() );
    const RtResult<RtLayerKeys> b = RtLayerKeys::read( path, parcels, byFeature );
    REQUIRE( b.ok() );
    REQUIRE( a.value().features.size() == 2500 );
    REQUIRE( b.value().features.size() == 2500 );
    int differing = 0;
    for ( int i = 0; i < 2500; ++i )
      if ( a.value().features.at( i ).fid != b.value().features.at( i ).fid || a.value().features.at( i ).values != b.value().features.at( i ).values )
        ++differing;
    CHECK( differing == 0 );
    // The commune code gets its leading zero back, a null sheet reads empty, Vietnamese text and 64-bit numbers intact.
    CHECK( a.value().features.at( 0 ).values == QStringList { QStringLiteral( "06742" ), QString(), QStringLiteral( "3000000000" ) } );
    CHECK( a.value().features.at( 1 ).values == QStringList { QStringLiteral( "06715" ), QStringLiteral( "Hải Hòa 9" ), QStringLiteral( "3000000001" ) } );
    CHECK( a.value().warnings == b.value().warnings );
  }
}

TEST_CASE( "the keys of a PostGIS layer are read through GDAL's PG driver, its password in no message", "[layers][pg]" )
{
  RtTestPgDatabase db;
  REQUIRE( db.error().isEmpty() );
  // Three parcels in Móng Cái (EPSG:5899), one of them without a geometry.
  REQUIRE( RtTestPgDatabase::execute( db.uri(), QStringLiteral(
    "CREATE TABLE parcels (fid serial PRIMARY KEY, commune varchar(5), sheet integer, parcel integer, geom geometry(Polygon, 5899));"
    "INSERT INTO parcels (commune, sheet, parcel, geom) VALUES "
    "('06709', 4, 1152, ST_GeomFromText('POLYGON((521000 2381000, 521020 2381000, 521020 2381020, 521000 2381020, 521000 2381000))', 5899)),"
    "('06709', 4, 1153, ST_GeomFromText('POLYGON((521020 2381000, 521040 2381000, 521040 2381020, 521020 2381020, 521020 2381000))', 5899)),"
    "('06715', 12, 7, NULL)" ) ).isEmpty() );
  const QUrl url( db.uri() );
  const QString password = url.password();
  REQUIRE( password.size() >= 8 );
  const QString connection = QStringLiteral( "PG:host='%1' port='%2' dbname='%3' user='%4' password='%5'" )
                             .arg( url.host() ).arg( url.port() ).arg( url.path().mid( 1 ), url.userName(), password );
  RtKeyBinding binding;
  binding.kind = QStringLiteral( "parcel" );
  binding.fields = QStringList { QStringLiteral( "commune" ), QStringLiteral( "sheet" ), QStringLiteral( "parcel" ) };

  const RtResult<RtLayerKeys> keys = RtLayerKeys::read( connection + QStringLiteral( "|layername=parcels" ), binding );
  REQUIRE( keys.ok() );
  CHECK( keys.value().driver == QStringLiteral( "PostgreSQL" ) );
  REQUIRE( keys.value().features.size() == 3 );
  CHECK( keys.value().features.at( 0 ).fid == 1 );
  CHECK( keys.value().features.at( 0 ).values == QStringList { QStringLiteral( "06709" ), QStringLiteral( "4" ), QStringLiteral( "1152" ) } );
  CHECK( keys.value().features.at( 2 ).values == QStringList { QStringLiteral( "06715" ), QStringLiteral( "12" ), QStringLiteral( "7" ) } );
  CHECK( keys.value().crs.fits );

  // A missing layer and a missing field: refused, naming the server and the layer, never the password.
  const RtResult<RtLayerKeys> noLayer = RtLayerKeys::read( connection + QStringLiteral( "|layername=plots" ), binding );
  REQUIRE( !noLayer.ok() );
  CHECK( noLayer.error().contains( QStringLiteral( "has no layer 'plots'" ) ) );
  CHECK( noLayer.error().contains( QStringLiteral( "password=…" ) ) );
  CHECK( !noLayer.error().contains( password ) );
  RtKeyBinding wrongField = binding;
  wrongField.fields[2] = QStringLiteral( "plot" );
  const RtResult<RtLayerKeys> noField = RtLayerKeys::read( connection + QStringLiteral( "|layername=parcels" ), wrongField );
  REQUIRE( !noField.ok() );
  CHECK( noField.error().contains( QStringLiteral( "plot" ) ) );
  CHECK( !noField.error().contains( password ) );
}

TEST_CASE( "the keys of a PostGIS layer read with COPY are the keys GDAL's PG driver reads", "[layers][pg]" )
{
  RtTestPgDatabase db;
  REQUIRE( db.error().isEmpty() );
  // Keys a text COPY escapes (tab, newline, backslash), Vietnamese, NULLs, integer commune codes
  // that lost their leading zero, in a schema other than public.
  REQUIRE( RtTestPgDatabase::execute( db.uri(), QStringLiteral(
    "CREATE SCHEMA cadastre;"
    "CREATE TABLE cadastre.parcels (id bigint PRIMARY KEY, commune integer, owner_place text, geom geometry(Polygon, 5899));"
    "INSERT INTO cadastre.parcels VALUES "
    "(9000000001, 6709, E'Hải\\tHòa', ST_GeomFromText('POLYGON((521000 2381000, 521020 2381000, 521020 2381020, 521000 2381020, 521000 2381000))', 5899)),"
    "(9000000002, 6715, E'Ninh Dương\\nkhu 3', NULL),"
    "(9000000003, NULL, E'C:\\\\dossiers\\\\172', NULL),"
    "(9000000004, 6742, NULL, NULL),"
    "(9000000005, 123456, 'Trà Cổ', NULL);"
    "INSERT INTO cadastre.parcels SELECT 9100000000 + g, 6700 + g % 50, 'thửa ' || g, NULL FROM generate_series(1, 5000) g;" ) ).isEmpty() );
  const QUrl url( db.uri() );
  const QString connection = QStringLiteral( "PG:host='%1' port='%2' dbname='%3' user='%4' password='%5' schemas=cadastre" )
                             .arg( url.host() ).arg( url.port() ).arg( url.path().mid( 1 ), url.userName(), url.password() );
  RtKeyBinding binding;
  binding.kind = QStringLiteral( "ward" );
  binding.match = RtKeyBinding::Match::Code;
  binding.fields = QStringList { QStringLiteral( "commune" ), QStringLiteral( "owner_place" ) };

  RtLayerReadOptions byGdal;
  byGdal.copyFromPostgres = false;
  const RtResult<RtLayerKeys> gdal = RtLayerKeys::read( connection + QStringLiteral( "|layername=parcels" ), binding, byGdal );
  const RtResult<RtLayerKeys> copied = RtLayerKeys::read( connection + QStringLiteral( "|layername=parcels" ), binding );
  REQUIRE( gdal.ok() );
  REQUIRE( copied.ok() );
  CHECK( gdal.value().keysReadBy != QStringLiteral( "copy" ) );
  CHECK( copied.value().keysReadBy == QStringLiteral( "copy" ) );
  auto byFid = []( QVector<RtFeatureKey> keys ) {
    std::sort( keys.begin(), keys.end(), []( const RtFeatureKey &a, const RtFeatureKey &b ) { return a.fid < b.fid; } );
    return keys;
  };
  const QVector<RtFeatureKey> a = byFid( gdal.value().features );
  const QVector<RtFeatureKey> b = byFid( copied.value().features );
  REQUIRE( a.size() == 5005 );
  REQUIRE( b.size() == a.size() );
  int differ = 0;
  for ( int i = 0; i < a.size(); ++i )
    differ += a.at( i ).fid != b.at( i ).fid || a.at( i ).values != b.at( i ).values;
  CHECK( differ == 0 );
  // What they both read, spelled out.
  CHECK( b.at( 0 ).fid == 9000000001 );
  CHECK( b.at( 0 ).values == QStringList { QStringLiteral( "06709" ), QStringLiteral( "Hải\tHòa" ) } );
  CHECK( b.at( 1 ).values.at( 1 ) == QStringLiteral( "Ninh Dương\nkhu 3" ) );
  CHECK( b.at( 2 ).values == QStringList { QString(), QStringLiteral( "C:\\dossiers\\172" ) } );
  CHECK( b.at( 3 ).values == QStringList { QStringLiteral( "06742" ), QString() } );
  CHECK( b.at( 4 ).values.at( 0 ) == QStringLiteral( "123456" ) );
  CHECK( copied.value().warnings == gdal.value().warnings );

  // Without schemas=, GDAL names the table "cadastre.parcels": the same keys, by COPY.
  const QString plain = connection.left( connection.indexOf( QStringLiteral( " schemas=" ) ) );
  const RtResult<RtLayerKeys> qualified = RtLayerKeys::read( plain + QStringLiteral( "|layername=cadastre.parcels" ), binding );
  REQUIRE( qualified.ok() );
  CHECK( qualified.value().keysReadBy == QStringLiteral( "copy" ) );
  const QVector<RtFeatureKey> c = byFid( qualified.value().features );
  REQUIRE( c.size() == b.size() );
  CHECK( c.first().values == b.first().values );
  CHECK( c.last().values == b.last().values );
}

TEST_CASE( "a COPY text field's escapes are undone", "[layers]" )
{
  const auto unescape = []( const QByteArray &field ) { return RtPgKeyCopy::unescapeField( field.constData(), field.constData() + field.size() ); };
  CHECK( unescape( "plain" ) == QStringLiteral( "plain" ) );
  CHECK( unescape( "a\\tb\\nc\\rd\\\\e" ) == QStringLiteral( "a\tb\nc\rd\\e" ) );
  CHECK( unescape( "\\101\\x42C" ) == QStringLiteral( "ABC" ) );
  CHECK( unescape( "H\xe1\xba\xA3i" ) == QStringLiteral( "Hải" ) );
  CHECK( unescape( "end\\" ) == QStringLiteral( "end\\" ) );
  CHECK( RtPgKeyCopy::activeSchema( QStringLiteral( "PG:host=h schemas=cadastre,public" ) ) == QStringLiteral( "cadastre" ) );
  CHECK( RtPgKeyCopy::activeSchema( QStringLiteral( "PG:host=h schemas='a b,c' active_schema=x" ) ) == QStringLiteral( "x" ) );
  CHECK( RtPgKeyCopy::activeSchema( QStringLiteral( "PG:host=h dbname=d" ) ).isEmpty() );
  CHECK( RtPgKeyCopy::libpqConnection( QStringLiteral( "PG:host=h dbname='d b' tables=parcels schemas=a,b active_schema=a password='x y'" ) )
         == QStringLiteral( "host=h dbname='d b' password='x y'" ) );
}
