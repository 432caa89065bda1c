// The city as data: Móng Cái's city file, broken city files, and a second (invented) city
// that works with no change of code: its CRS area, gazetteer, register and join.
#include "catch_compat.h"
#include "gdaltestutil.h"
#include "testutil.h"

#include "rtcity.h"
#include "rtjoin.h"
#include "rtlayerkeys.h"
#include "rtregister.h"
#include "rtresolutionimporter.h"

#include <QTemporaryDir>

namespace
{
  QString mongCaiCityFile() { return RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai/city.json" ); }
  //! TEST DATA: an invented city (tests/data/testcity/README.md).
  QString testCityDir() { return RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/testcity" ); }

  RtCity loadCity( const QString &path )
  {
    const RtResult<RtCity> city = RtCity::load( path );
    INFO( ( city.ok() ? QString() : city.error() ).toStdString() );
    REQUIRE( city.ok() );
    return city.value();
  }

  QString cityError( const QByteArray &json, const QByteArray &gazetteer = QByteArray( "kind,code,name\nward,1,X\n" ) )
  {
    QTemporaryDir dir;
    REQUIRE( dir.isValid() );
    REQUIRE( rtWriteAll( dir.filePath( QStringLiteral( "city.json" ) ), json ) );
    REQUIRE( rtWriteAll( dir.filePath( QStringLiteral( "gazetteer.csv" ) ), gazetteer ) );
    const RtResult<RtCity> city = RtCity::load( dir.filePath( QStringLiteral( "city.json" ) ) );
    return city.ok() ? QString() : city.error();
  }
}

TEST_CASE( "Móng Cái's city file holds what the code used to know, and is the city built in", "[city]" )
{
  const RtCity city = loadCity( mongCaiCityFile() );
  CHECK( city.name == QStringLiteral( "Móng Cái" ) );
  CHECK( city.province == QStringLiteral( "Quảng Ninh" ) );
  CHECK( city.crsEpsg == 5899 );
  CHECK( city.fallbackPlace == QStringLiteral( "Móng Cái" ) );
  const RtArea area = city.area();
  CHECK( area.west == 107.4 );
  CHECK( area.south == 21.2 );
  CHECK( area.east == 108.4 );
  CHECK( area.north == 21.8 );
  CHECK( area.crsUsedBy == QStringLiteral( "Quảng Ninh" ) );
  REQUIRE( city.mapLabels.size() == 2 );
  CHECK( city.mapLabels.at( 0 ).text == QStringLiteral( "TRUNG QUỐC / CHINA" ) );
  CHECK( city.mapLabels.at( 1 ).text == QStringLiteral( "Vịnh Bắc Bộ / Gulf of Tonkin" ) );
  // The sample tables that bind by themselves, as the plugin binds them.
  const std::optional<RtKeyBinding> wards = city.bindingForTable( QStringLiteral( "wards_2023" ) );
  REQUIRE( wards.has_value() );
  CHECK( wards->kind == QStringLiteral( "ward" ) );
  CHECK( wards->fields == QStringList( QStringLiteral( "gso_code" ) ) );
  const std::optional<RtKeyBinding> units = city.bindingForTable( QStringLiteral( "wards_2025" ) );
  REQUIRE( units.has_value() );
  CHECK( units->keyMapSource == ( RtKeyMapSource { QStringLiteral( "|layername=wards_2023" ), QStringLiteral( "gso_code" ), QStringLiteral( "gso_code_2025" ) } ) );
  CHECK( city.bindingForTable( QStringLiteral( "site_lines" ) ).has_value() );
  CHECK_FALSE( city.bindingForTable( QStringLiteral( "land" ) ).has_value() );
  REQUIRE( city.gazetteer );
  CHECK( city.gazetteer->places().size() == 52 );

  // The program's built-in city is the same file.
  const RtCity &bundled = RtCity::bundled();
  CHECK( bundled.name == city.name );
  CHECK( bundled.crsEpsg == city.crsEpsg );
  CHECK( bundled.area().west == area.west );
  CHECK( bundled.area().north == area.north );
  CHECK( bundled.layers.size() == city.layers.size() );
  REQUIRE( bundled.gazetteer );
  CHECK( bundled.gazetteer->places().size() == city.gazetteer->places().size() );
}

TEST_CASE( "a broken city file is refused with the file and the field", "[city][bad-input]" )
{
  CHECK( RtCity::load( QStringLiteral( "/nonexistent/city.json" ) ).errorKind() == RtErrorKind::NotFound );
  CHECK( cityError( "{ \"name\": \"X\",,\n}" ).contains( QStringLiteral( "city.json, line 1" ) ) );
  CHECK( cityError( "{ \"name\": \"X\", \"crs\": { \"epsg\": 9210 } }" ).contains( QStringLiteral( "\"area\".\"west\" is missing" ) ) );
  CHECK( cityError( "{ \"name\": \"X\", \"crs\": { \"epsg\": 9210 }, \"area\": { \"west\": 106, \"south\": 21, \"east\": 105, \"north\": 22 } }" )
         .contains( QStringLiteral( "\"area\" is not a box" ) ) );
  CHECK( cityError( "{ \"name\": \"X\", \"area\": { \"west\": 105, \"south\": 21, \"east\": 106, \"north\": 22 } }" )
         .contains( QStringLiteral( "\"crs\".\"epsg\" is missing" ) ) );
  const QByteArray ok = "{ \"name\": \"X\", \"crs\": { \"epsg\": 9210 }, \"area\": { \"west\": 105, \"south\": 21, \"east\": 106, \"north\": 22 }, "
                        "\"gazetteer\": \"gazetteer.csv\" }";
  CHECK( cityError( ok ).isEmpty() );
  CHECK( cityError( ok, "kind,code\nward,1\n" ).contains( QStringLiteral( "its gazetteer: " ) ) );
  CHECK( cityError( ok, "kind,code\nward,1\n" ).contains( QStringLiteral( "no column \"name\"" ) ) );
  CHECK( cityError( "{ \"name\": \"X\", \"crs\": { \"epsg\": 9210 }, \"area\": { \"west\": 105, \"south\": 21, \"east\": 106, \"north\": 22 }, "
                    "\"layers\": [ { \"table\": \"t\", \"kind\": \"ward\", \"fields\": [\"c\"], \"match\": \"fuzzy\" } ] }" )
         .contains( QStringLiteral( "layer t: \"match\" is \"code\" or \"name\", not \"fuzzy\"" ) ) );
}

TEST_CASE( "a second city is data: its layers pass the CRS check of its own area and no other", "[city][crs]" )
{
  const RtCity test = loadCity( testCityDir() + QStringLiteral( "/city.json" ) );
  CHECK( test.name == QStringLiteral( "Mẫu" ) );
  const QString units = testCityDir() + QStringLiteral( "/units.gpkg|layername=wards_2023" );
  RtKeyBinding byCode;
  byCode.kind = QStringLiteral( "ward" );
  byCode.fields = QStringList( QStringLiteral( "gso_code" ) );

  RtLayerReadOptions own;
  own.area = test.area();
  const RtResult<RtLayerKeys> inOwnArea = RtLayerKeys::read( units, byCode, own );
  INFO( ( inOwnArea.ok() ? QString() : inOwnArea.error() ).toStdString() );
  REQUIRE( inOwnArea.ok() );
  CHECK( inOwnArea.value().features.size() == 4 );
  CHECK( inOwnArea.value().crs.declaredEpsg == 9210 );

  // The built-in city's area (Móng Cái) refuses it, and Móng Cái's wards are refused in the test city's.
  const RtResult<RtLayerKeys> elsewhere = RtLayerKeys::read( units, byCode );
  REQUIRE_FALSE( elsewhere.ok() );
  CHECK( elsewhere.error().contains( QStringLiteral( "not in Móng Cái" ) ) );
  const RtResult<RtLayerKeys> mongCaiWards = RtLayerKeys::read( RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg|layername=wards_2023" ),
      byCode, own );
  REQUIRE_FALSE( mongCaiWards.ok() );
  CHECK( mongCaiWards.error().contains( QStringLiteral( "not in Mẫu (lon 105.7–105.9" ) ) );

  // Its official CRS is the one the check names for a wrong TM-3 zone.
  const RtCrsDiagnosis zone = RtCrsCheck::diagnose( QStringLiteral( "EPSG:9211" ), RtCrsCheck::extentPoints( inOwnArea.value().extent ), test.area() );
  CHECK_FALSE( zone.fits );
  CHECK( zone.fittingEpsg == 9210 );
  CHECK( zone.message.contains( QStringLiteral( "Tỉnh Thử Nghiệm uses EPSG:9210" ) ) );
}

TEST_CASE( "a second city is data: its register builds and its tasks join its units by code or by name", "[city][join]" )
{
  const RtCity test = loadCity( testCityDir() + QStringLiteral( "/city.json" ) );
  const RtResult<RtRegisterFile> reg = RtRegister::load( testCityDir() + QStringLiteral( "/register.json" ) );
  REQUIRE( reg.ok() );
  CHECK( reg.value().warnings.isEmpty() );
  const RtResult<RtImportReport> text = RtResolutionImporter::importFile( testCityDir() + QStringLiteral( "/NQ-05-2024-Mau.txt" ), reg.value().term );
  INFO( ( text.ok() ? QString() : text.error() ).toStdString() );
  REQUIRE( text.ok() );
  CHECK( RtRegister::isFor( reg.value(), text.value().resolution ) );
  CHECK( RtRegister::checkAgainst( reg.value(), text.value().resolution ).isEmpty() );
  const QVector<RtTask> &tasks = reg.value().tasks;
  REQUIRE( tasks.size() == 4 );
  CHECK( tasks.at( 0 ).deadline.date() == QDate( 2025, 3, 30 ) );
  CHECK( tasks.at( 1 ).deadline.date() == QDate( 2025, 9, 30 ) );
  CHECK( tasks.at( 2 ).deadline.kind() == RtDeadline::Kind::Recurring );
  CHECK( tasks.at( 3 ).deadline.date() == QDate( 2025, 12, 31 ) );

  // By code, as the city file binds the table.
  const std::optional<RtKeyBinding> byCode = test.bindingForTable( QStringLiteral( "wards_2023" ) );
  REQUIRE( byCode.has_value() );
  RtLayerReadOptions own;
  own.area = test.area();
  const RtResult<RtLayerKeys> codes = RtLayerKeys::read( testCityDir() + QStringLiteral( "/units.gpkg|layername=wards_2023" ), *byCode, own );
  REQUIRE( codes.ok() );
  const QDate asOf( 2025, 10, 1 );
  const RtJoinResult r = RtJoin::join( codes.value().features, *byCode, tasks, asOf );
  CHECK( r.unmatched.isEmpty() );

  // By name, on a copy without the codes, through the city's gazetteer.
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString copy = dir.filePath( QStringLiteral( "names.gpkg" ) );
  rtCopyLayer( testCityDir() + QStringLiteral( "/units.gpkg" ), QStringLiteral( "wards_2023" ), copy, QStringLiteral( "names" ), { QStringLiteral( "name" ) } );
  RtKeyBinding byName;
  byName.kind = QStringLiteral( "ward" );
  byName.fields = QStringList( QStringLiteral( "name" ) );
  byName.match = RtKeyBinding::Match::Name;
  byName.gazetteer = test.gazetteer;
  byName.placesDate = reg.value().date;
  const RtResult<RtLayerKeys> names = RtLayerKeys::read( copy + QStringLiteral( "|layername=names" ), byName, own );
  REQUIRE( names.ok() );
  const RtJoinResult n = RtJoin::join( names.value().features, byName, tasks, asOf );
  CHECK( n.unmatched.isEmpty() );
  REQUIRE( n.features.size() == r.features.size() );
  for ( int i = 0; i < r.features.size(); ++i )
  {
    CHECK( n.features.at( i ).taskIds == r.features.at( i ).taskIds );
    CHECK( n.features.at( i ).status == r.features.at( i ).status );
  }
  // Tây Sơn (99902) holds the market task, overdue on 1/10/2025 (due in quý III/2025).
  bool found = false;
  for ( const RtFeatureResult &f : n.features )
    if ( f.taskIds == QStringList( QStringLiteral( "TC-02" ) ) )
    {
      found = true;
      CHECK( f.status == RtFeatureStatus::Overdue );
    }
  CHECK( found );
  // Its units of 2025 from its gazetteer.
  CHECK( test.gazetteer->successorMap( QStringLiteral( "ward" ), reg.value().date ).value( QStringLiteral( "99902" ) ) == QStringLiteral( "99901" ) );
  CHECK( test.gazetteer->resolve( QStringLiteral( "ward" ), QStringLiteral( "99901" ), QDate( 2025, 7, 1 ) )->name == QStringLiteral( "Phường Hòa An" ) );
}
