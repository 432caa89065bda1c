// Layer sources as QGIS writes them ("PATH|layername=NAME", "PATH|layerid=N"), read strictly:
// an option given twice or one we would ignore is refused, naming it.
#include "catch_compat.h"
#include "testutil.h"

#include "rtlayerkeys.h"

#include <QFile>
#include <QTemporaryDir>

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
