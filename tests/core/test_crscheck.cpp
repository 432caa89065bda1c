// The CRS check: Móng Cái in its official CRS passes; the usual CRS mistakes are named.
#include "catch_compat.h"

#include "rtcrscheck.h"

#include <ogr_spatialref.h>

#include <cmath>
#include <memory>

namespace
{
  //! Real places of Móng Cái (WGS 84 lon, lat; reference/FACTS.md and the GSO unit list).
  QVector<QPointF> mongCaiLonLat()
  {
    return
    {
      { 108.0684, 21.4924 },  // Mũi Sa Vĩ, km-0 marker, Trà Cổ
      { 107.9694, 21.5368 },  // Bắc Luân I bridge, old customs post
      { 107.963, 21.525 },    // Ka Long ward
      { 108.008, 21.519 },    // Hải Hòa ward
      { 107.788, 21.604 },    // Hải Sơn commune
      { 107.929, 21.452 },    // Vạn Ninh commune
      { 107.945, 21.376 },    // Vĩnh Thực island
    };
  }

  //! The points expressed in EPSG:\a epsg (x = easting or longitude), as a survey would deliver them.
  QVector<QPointF> inEpsg( int epsg, const QVector<QPointF> &lonLat = mongCaiLonLat() )
  {
    OGRSpatialReference wgs84;
    OGRSpatialReference target;
    REQUIRE( wgs84.importFromEPSG( 4326 ) == OGRERR_NONE );
    REQUIRE( target.importFromEPSG( epsg ) == OGRERR_NONE );
    wgs84.SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
    target.SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
    std::unique_ptr<OGRCoordinateTransformation> ct( OGRCreateCoordinateTransformation( &wgs84, &target ) );
    REQUIRE( ct );
    QVector<QPointF> out;
    for ( const QPointF &p : lonLat )
    {
      double x = p.x();
      double y = p.y();
      REQUIRE( ct->Transform( 1, &x, &y ) );
      out << QPointF( x, y );
    }
    return out;
  }

  QVector<QPointF> swapped( const QVector<QPointF> &points )
  {
    QVector<QPointF> out;
    for ( const QPointF &p : points )
      out << QPointF( p.y(), p.x() );
    return out;
  }
}

TEST_CASE( "Móng Cái in VN-2000 / TM-3 107-45 is accepted", "[crs]" )
{
  const QVector<QPointF> tm3 = inEpsg( 5899 );
  // Sanity of the fixture: TM-3 107°45′ eastings of Móng Cái are a few km either side of 500 km.
  CHECK( tm3.first().x() > 500000 );
  CHECK( tm3.first().x() < 560000 );
  const RtCrsDiagnosis d = RtCrsCheck::diagnose( QStringLiteral( "EPSG:5899" ), tm3 );
  INFO( d.message.toStdString() );
  CHECK( d.fits );
  CHECK( d.mistake == RtCrsMistake::None );
  CHECK( d.declaredEpsg == 5899 );
  CHECK( d.declared.contains( QStringLiteral( "TM-3 107-45" ) ) );
  CHECK( std::abs( d.centre.x() - 107.96 ) < 0.1 );
  CHECK( d.warnings.isEmpty() );
  CHECK( RtCrsCheck::check( QStringLiteral( "EPSG:5899" ), tm3 ).ok() );
  // The same layer in degrees, or in UTM 48N, declared as such, is fine too.
  CHECK( RtCrsCheck::check( QStringLiteral( "EPSG:4326" ), mongCaiLonLat() ).ok() );
  CHECK( RtCrsCheck::check( QStringLiteral( "EPSG:3405" ), inEpsg( 3405 ) ).ok() );
  // An extent works as well as a sample.
  const QRectF extent = QRectF( tm3.first(), tm3.last() ).normalized();
  CHECK( RtCrsCheck::check( QStringLiteral( "EPSG:5899" ), RtCrsCheck::extentPoints( extent ) ).ok() );
}

TEST_CASE( "UTM 48N numbers declared as TM-3 (and the reverse) are refused, naming the CRS they fit", "[crs]" )
{
  const RtCrsDiagnosis d = RtCrsCheck::diagnose( QStringLiteral( "EPSG:5899" ), inEpsg( 3405 ) );
  INFO( d.message.toStdString() );
  CHECK( !d.fits );
  CHECK( d.mistake == RtCrsMistake::UtmVsTm3 );
  CHECK( d.fittingEpsg == 3405 );
  CHECK( d.message.contains( QStringLiteral( "coordinates fit EPSG:3405 (VN-2000 / UTM zone 48N)" ) ) );
  CHECK( d.message.contains( QStringLiteral( "the layer declares EPSG:5899 (VN-2000 / TM-3 107-45)" ) ) );

  const RtCrsDiagnosis r = RtCrsCheck::diagnose( QStringLiteral( "EPSG:32648" ), inEpsg( 5899 ) );
  INFO( r.message.toStdString() );
  CHECK( !r.fits );
  CHECK( r.mistake == RtCrsMistake::UtmVsTm3 );
  CHECK( r.fittingEpsg == 5899 );
  CHECK( !RtCrsCheck::check( QStringLiteral( "EPSG:32648" ), inEpsg( 5899 ) ).ok() );
}

TEST_CASE( "swapped latitude and longitude are refused as swapped", "[crs]" )
{
  const RtCrsDiagnosis d = RtCrsCheck::diagnose( QStringLiteral( "EPSG:4326" ), swapped( mongCaiLonLat() ) );
  INFO( d.message.toStdString() );
  CHECK( !d.fits );
  CHECK( d.mistake == RtCrsMistake::SwappedAxes );
  CHECK( d.fittingSwapped );
  CHECK( d.message.contains( QStringLiteral( "latitude and longitude are swapped" ) ) );

  // Northing and easting swapped in TM-3.
  const RtCrsDiagnosis n = RtCrsCheck::diagnose( QStringLiteral( "EPSG:5899" ), swapped( inEpsg( 5899 ) ) );
  INFO( n.message.toStdString() );
  CHECK( n.mistake == RtCrsMistake::SwappedAxes );
  CHECK( n.fittingEpsg == 5899 );
  CHECK( n.message.contains( QStringLiteral( "easting and northing are swapped" ) ) );
}

TEST_CASE( "TM-3 of another central meridian is refused: the official zone is named", "[crs]" )
{
  // Móng Cái's TM-3 107-45 numbers declared in the 103° zone land 5° west, in Laos.
  const RtCrsDiagnosis d = RtCrsCheck::diagnose( QStringLiteral( "EPSG:9205" ), inEpsg( 5899 ) );
  INFO( d.message.toStdString() );
  CHECK( !d.fits );
  CHECK( d.mistake == RtCrsMistake::OtherZone );
  CHECK( d.fittingEpsg == 5899 );
  CHECK( d.centre.x() < 104 );
  CHECK( d.message.contains( QStringLiteral( "EPSG:5899 (VN-2000 / TM-3 107-45)" ) ) );
  CHECK( d.message.contains( QStringLiteral( "EPSG:9205" ) ) );
  CHECK( d.message.contains( QStringLiteral( "central meridian" ) ) );

  // The 107-30 zone puts them only ~26 km off, still inside the area: accepted with a warning.
  const RtCrsDiagnosis near = RtCrsCheck::diagnose( QStringLiteral( "EPSG:9216" ), inEpsg( 5899 ) );
  CHECK( near.fits );
  REQUIRE( near.warnings.size() == 1 );
  CHECK( near.warnings.first().contains( QStringLiteral( "EPSG:5899" ) ) );
}

TEST_CASE( "degrees declared as metres, metres declared as degrees", "[crs]" )
{
  const RtCrsDiagnosis d = RtCrsCheck::diagnose( QStringLiteral( "EPSG:5899" ), mongCaiLonLat() );
  INFO( d.message.toStdString() );
  CHECK( d.mistake == RtCrsMistake::DegreesAsMetres );
  CHECK( d.fittingEpsg == 4326 );

  const RtCrsDiagnosis m = RtCrsCheck::diagnose( QStringLiteral( "EPSG:4326" ), inEpsg( 5899 ) );
  INFO( m.message.toStdString() );
  CHECK( m.mistake == RtCrsMistake::MetresAsDegrees );
  CHECK( m.fittingEpsg == 5899 );
  CHECK( m.message.contains( QStringLiteral( "metres" ) ) );
}

TEST_CASE( "a missing or unreadable CRS is refused with the CRS the coordinates fit", "[crs]" )
{
  const RtCrsDiagnosis d = RtCrsCheck::diagnose( QString(), inEpsg( 5899 ) );
  INFO( d.message.toStdString() );
  CHECK( !d.fits );
  CHECK( d.mistake == RtCrsMistake::MissingCrs );
  CHECK( d.fittingEpsg == 5899 );
  CHECK( d.message.contains( QStringLiteral( "declares no CRS" ) ) );
  CHECK( d.message.contains( QStringLiteral( "Assign EPSG:5899" ) ) );

  const RtCrsDiagnosis u = RtCrsCheck::diagnose( QStringLiteral( "not a CRS" ), inEpsg( 3406 ) );
  CHECK( u.mistake == RtCrsMistake::UnknownCrs );
  CHECK( u.fittingEpsg == 3406 );

  // A PROJ string of TM-3 107°45' without a code is recognised as EPSG:5899's twin and accepted.
  const QString proj = QStringLiteral( "+proj=tmerc +lat_0=0 +lon_0=107.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 "
                                       "+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs" );
  CHECK( RtCrsCheck::check( proj, inEpsg( 5899 ) ).ok() );
}

TEST_CASE( "a layer elsewhere in Vietnam is refused as not in Móng Cái", "[crs]" )
{
  // Hà Nội, in degrees, correctly declared: no CRS mistake explains it.
  const QVector<QPointF> hanoi = { { 105.8342, 21.0278 }, { 105.85, 21.03 }, { 105.80, 21.00 } };
  const RtCrsDiagnosis d = RtCrsCheck::diagnose( QStringLiteral( "EPSG:4326" ), hanoi );
  INFO( d.message.toStdString() );
  CHECK( !d.fits );
  CHECK( d.mistake == RtCrsMistake::NoFit );
  CHECK( d.message.contains( QStringLiteral( "Móng Cái" ) ) );
  CHECK( d.message.contains( QStringLiteral( "105.83°E" ) ) ); // where it does lie
}
