#include "rtcrscheck.h"
#include "rttr.h"
#include "rtcity.h"

#include <cpl_error.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace
{
  enum class Family { Tm3, Utm, Geographic, Other };

  struct Candidate
  {
    int epsg;
    Family family;
  };

  // Tried in this order (after the area's official CRS); the first that fits is named: the
  // TM-3 zone of the north-east, the UTM zones people confuse TM-3 with, degrees, then the
  // other TM-3 zones from east to west.
  const Candidate sCandidates[] =
  {
    { 5899, Family::Tm3 },        // VN-2000 / TM-3 107-45
    { 3405, Family::Utm },        // VN-2000 / UTM zone 48N
    { 32648, Family::Utm },       // WGS 84 / UTM zone 48N
    { 3406, Family::Utm },        // VN-2000 / UTM zone 49N
    { 32649, Family::Utm },       // WGS 84 / UTM zone 49N
    { 4326, Family::Geographic }, // WGS 84
    { 4756, Family::Geographic }, // VN-2000
    { 5898, Family::Tm3 },        // TM-3 zone 491 (108°)
    { 9216, Family::Tm3 },        // 107-30
    { 9217, Family::Tm3 },        // 108-15
    { 9215, Family::Tm3 },        // 107-15
    { 9214, Family::Tm3 },        // 107-00
    { 9218, Family::Tm3 },        // 108-30
    { 9213, Family::Tm3 },        // 106-30
    { 9212, Family::Tm3 },        // 106-15
    { 9211, Family::Tm3 },        // 106-00
    { 9210, Family::Tm3 },        // 105-45
    { 9209, Family::Tm3 },        // 105-30
    { 5897, Family::Tm3 },        // TM-3 zone 482 (105°)
    { 9208, Family::Tm3 },        // 104-45
    { 9207, Family::Tm3 },        // 104-30
    { 9206, Family::Tm3 },        // 104-00
    { 9205, Family::Tm3 },        // 103-00
    { 5896, Family::Tm3 },        // TM-3 zone 481 (102°)
  };

  //! The candidates in the order they are tried: the area's official CRS first.
  QVector<Candidate> candidatesFor( const RtArea &area )
  {
    QVector<Candidate> out;
    for ( const Candidate &c : sCandidates )
      if ( c.epsg == area.crsEpsg )
        out << c;
    if ( out.isEmpty() && area.crsEpsg > 0 )
      out << Candidate { area.crsEpsg, Family::Other };
    for ( const Candidate &c : sCandidates )
      if ( c.epsg != area.crsEpsg )
        out << c;
    return out;
  }

  const double MARGIN_DEGREES = 0.1;
  const double FIT_SHARE = 0.8;

  //! Keeps GDAL/PROJ quiet while in scope: points outside a CRS's domain are expected here.
  class QuietGdalErrors
  {
    public:
      QuietGdalErrors() { CPLPushErrorHandler( CPLQuietErrorHandler ); }
      ~QuietGdalErrors() { CPLPopErrorHandler(); CPLErrorReset(); }
      QuietGdalErrors( const QuietGdalErrors & ) = delete;
      QuietGdalErrors &operator=( const QuietGdalErrors & ) = delete;
  };

  std::unique_ptr<OGRSpatialReference> fromEpsg( int epsg )
  {
    auto srs = std::make_unique<OGRSpatialReference>();
    if ( srs->importFromEPSG( epsg ) != OGRERR_NONE )
      return nullptr;
    srs->SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
    return srs;
  }

  Family familyOf( int epsg, const OGRSpatialReference &srs )
  {
    for ( const Candidate &c : sCandidates )
      if ( c.epsg == epsg )
        return c.family;
    if ( srs.IsGeographic() )
      return Family::Geographic;
    const char *name = srs.GetName();
    if ( srs.IsProjected() && name && QString::fromUtf8( name ).contains( QLatin1String( "UTM" ) ) )
      return Family::Utm;
    if ( srs.IsProjected() && name && QString::fromUtf8( name ).contains( QLatin1String( "TM-3" ) ) )
      return Family::Tm3;
    return Family::Other;
  }

  //! The EPSG code of a CRS: its own, or the one PROJ recognises with high confidence; 0 if none.
  int epsgOf( const OGRSpatialReference &srs )
  {
    const char *authority = srs.GetAuthorityName( nullptr );
    const char *code = srs.GetAuthorityCode( nullptr );
    if ( authority && code && QString::fromLatin1( authority ).compare( QLatin1String( "EPSG" ), Qt::CaseInsensitive ) == 0 )
      return QString::fromLatin1( code ).toInt();
    int count = 0;
    int *confidence = nullptr;
    OGRSpatialReferenceH *matches = srs.FindMatches( nullptr, &count, &confidence );
    int epsg = 0;
    if ( matches && count > 0 && confidence[0] >= 90 )
    {
      const OGRSpatialReference *best = OGRSpatialReference::FromHandle( matches[0] );
      const char *a = best->GetAuthorityName( nullptr );
      const char *c = best->GetAuthorityCode( nullptr );
      if ( a && c && QString::fromLatin1( a ) == QLatin1String( "EPSG" ) )
        epsg = QString::fromLatin1( c ).toInt();
    }
    OSRFreeSRSArray( matches );
    CPLFree( confidence );
    return epsg;
  }

  QString describe( const OGRSpatialReference &srs, int epsg )
  {
    const QString name = QString::fromUtf8( srs.GetName() ? srs.GetName() : "" );
    if ( epsg > 0 )
      return name.isEmpty() ? QStringLiteral( "EPSG:%1" ).arg( epsg ) : QStringLiteral( "EPSG:%1 (%2)" ).arg( epsg ).arg( name );
    return name.isEmpty() ? rtMsg( "RtCrsCheck", "a CRS without name or EPSG code" ) : rtMsg( "RtCrsCheck", "\"%1\" (no EPSG code)" ).arg( name );
  }

  //! Where a CRS puts the points: the share inside the area and their mean lon/lat.
  struct Landing
  {
    double share = 0;
    QPointF centre { std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN() };
  };

  using Transform = std::unique_ptr<OGRCoordinateTransformation>;

  Transform toWgs84( const OGRSpatialReference &source, const OGRSpatialReference &wgs84 )
  {
    return Transform( OGRCreateCoordinateTransformation( &source, &wgs84 ) );
  }

  Landing land( OGRCoordinateTransformation *ct, const QVector<QPointF> &points, bool swap, const RtArea &area )
  {
    Landing landing;
    if ( !ct || points.isEmpty() )
      return landing;
    const int n = static_cast<int>( points.size() );
    std::vector<double> x( static_cast<size_t>( n ) );
    std::vector<double> y( static_cast<size_t>( n ) );
    std::vector<int> ok( static_cast<size_t>( n ), 0 );
    for ( int i = 0; i < n; ++i )
    {
      x[static_cast<size_t>( i )] = swap ? points.at( i ).y() : points.at( i ).x();
      y[static_cast<size_t>( i )] = swap ? points.at( i ).x() : points.at( i ).y();
    }
    ct->Transform( n, x.data(), y.data(), nullptr, nullptr, ok.data() );
    int inside = 0;
    int transformed = 0;
    double sumX = 0;
    double sumY = 0;
    for ( size_t i = 0; i < x.size(); ++i )
    {
      if ( !ok[i] || !std::isfinite( x[i] ) || !std::isfinite( y[i] ) )
        continue;
      ++transformed;
      sumX += x[i];
      sumY += y[i];
      if ( x[i] >= area.west - MARGIN_DEGREES && x[i] <= area.east + MARGIN_DEGREES
           && y[i] >= area.south - MARGIN_DEGREES && y[i] <= area.north + MARGIN_DEGREES )
        ++inside;
    }
    landing.share = static_cast<double>( inside ) / n;
    if ( transformed > 0 )
      landing.centre = QPointF( sumX / transformed, sumY / transformed );
    return landing;
  }

  QString where( const QPointF &lonLat )
  {
    if ( !std::isfinite( lonLat.x() ) || !std::isfinite( lonLat.y() ) || std::fabs( lonLat.y() ) > 90 || std::fabs( lonLat.x() ) > 180 )
      return rtMsg( "RtCrsCheck", "nowhere on Earth (the numbers are out of the range of longitudes and latitudes)" );
    return rtMsg( "RtCrsCheck", "around %1°%2, %3°%4" )
           .arg( std::fabs( lonLat.y() ), 0, 'f', 2 ).arg( lonLat.y() > -0.005 ? QLatin1Char( 'N' ) : QLatin1Char( 'S' ) )
           .arg( std::fabs( lonLat.x() ), 0, 'f', 2 ).arg( lonLat.x() > -0.005 ? QLatin1Char( 'E' ) : QLatin1Char( 'W' ) );
  }

  QString areaText( const RtArea &area )
  {
    return rtMsg( "RtCrsCheck", "%1 (lon %2–%3, lat %4–%5)" ).arg( area.name )
           .arg( area.west ).arg( area.east ).arg( area.south ).arg( area.north );
  }
}

QVector<QPointF> RtCrsCheck::extentPoints( const QRectF &extent )
{
  return { extent.topLeft(), extent.topRight(), extent.bottomLeft(), extent.bottomRight(), extent.center() };
}

QString RtCrsCheck::describeEpsg( int epsg )
{
  QuietGdalErrors quiet;
  const std::unique_ptr<OGRSpatialReference> srs = fromEpsg( epsg );
  return srs ? describe( *srs, epsg ) : QStringLiteral( "EPSG:%1" ).arg( epsg );
}

RtCrsDiagnosis RtCrsCheck::diagnose( const QString &declaredCrs, const QVector<QPointF> &points, const RtArea &givenArea )
{
  const RtArea area = givenArea.isSet() ? givenArea : RtCity::bundled().area();
  QuietGdalErrors quiet;
  RtCrsDiagnosis d;
  if ( points.isEmpty() )
  {
    d.fits = true;
    d.warnings << rtMsg( "RtCrsCheck", "no coordinates to check the CRS with" );
    return d;
  }
  const std::unique_ptr<OGRSpatialReference> wgs84 = fromEpsg( 4326 );
  if ( !wgs84 )
  {
    d.fits = true;
    d.warnings << rtMsg( "RtCrsCheck", "the CRS could not be checked: PROJ does not know EPSG:4326 (is proj.db installed?)" );
    return d;
  }

  // The declared CRS.
  std::unique_ptr<OGRSpatialReference> declared;
  Transform declaredCt;
  Family declaredFamily = Family::Other;
  if ( !declaredCrs.trimmed().isEmpty() )
  {
    declared = std::make_unique<OGRSpatialReference>();
    if ( declared->SetFromUserInput( declaredCrs.trimmed().toUtf8().constData() ) != OGRERR_NONE )
      declared.reset();
    else
    {
      declared->SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
      d.declaredEpsg = epsgOf( *declared );
      d.declared = describe( *declared, d.declaredEpsg );
      declaredFamily = familyOf( d.declaredEpsg, *declared );
      declaredCt = toWgs84( *declared, *wgs84 );
      const Landing landing = land( declaredCt.get(), points, false, area );
      d.centre = landing.centre;
      d.fits = landing.share >= FIT_SHARE;
    }
  }

  if ( d.fits )
  {
    // TM-3 zones a quarter degree apart all land in the area: only the official one is sure.
    if ( declaredFamily == Family::Tm3 && area.crsEpsg > 0 && d.declaredEpsg != area.crsEpsg )
    {
      const std::unique_ptr<OGRSpatialReference> official = fromEpsg( area.crsEpsg );
      if ( official && land( toWgs84( *official, *wgs84 ).get(), points, false, area ).share >= FIT_SHARE )
        d.warnings << rtMsg( "RtCrsCheck", "the layer declares %1, but %2's official CRS is %3 and the coordinates fit it "
                                      "too: check which one the data was made in (a wrong TM-3 zone shifts it by tens of km)" )
                      .arg( d.declared, area.crsUsedBy.isEmpty() ? area.name : area.crsUsedBy, describe( *official, area.crsEpsg ) );
    }
    return d;
  }

  // Which CRSs put the raw coordinates in the area: as they are first, then with the axes
  // swapped; the declared CRS with x and y exchanged before all (the most common slip).
  bool declaredSwapped = false;
  if ( declaredCt && land( declaredCt.get(), points, true, area ).share >= FIT_SHARE )
  {
    declaredSwapped = true;
    d.fittingEpsg = d.declaredEpsg;
    d.fittingSwapped = true;
    d.fitting << rtMsg( "RtCrsCheck", "%1 with the axes swapped" ).arg( d.declared );
  }
  bool haveFit = declaredSwapped;
  QStringList swappedFits;
  int firstSwappedEpsg = 0;
  for ( const Candidate &c : candidatesFor( area ) )
  {
    const std::unique_ptr<OGRSpatialReference> srs = fromEpsg( c.epsg );
    if ( !srs )
      continue;
    const Transform ct = toWgs84( *srs, *wgs84 );
    if ( land( ct.get(), points, false, area ).share >= FIT_SHARE )
    {
      if ( !haveFit )
        d.fittingEpsg = c.epsg;
      haveFit = true;
      d.fitting << describe( *srs, c.epsg );
    }
    else if ( c.epsg != d.declaredEpsg && land( ct.get(), points, true, area ).share >= FIT_SHARE )
    {
      if ( firstSwappedEpsg == 0 )
        firstSwappedEpsg = c.epsg;
      swappedFits << rtMsg( "RtCrsCheck", "%1 with the axes swapped" ).arg( describe( *srs, c.epsg ) );
    }
  }
  if ( !haveFit && firstSwappedEpsg != 0 )
  {
    d.fittingEpsg = firstSwappedEpsg;
    d.fittingSwapped = true;
  }
  d.fitting << swappedFits;

  Family fitFamily = declaredSwapped ? declaredFamily : Family::Other;
  if ( !declaredSwapped && d.fittingEpsg > 0 )
  {
    const std::unique_ptr<OGRSpatialReference> srs = fromEpsg( d.fittingEpsg );
    if ( srs )
      fitFamily = familyOf( d.fittingEpsg, *srs );
  }
  const QString fit = d.fitting.isEmpty() ? QString() : d.fitting.first();

  if ( declaredCrs.trimmed().isEmpty() )
    d.mistake = RtCrsMistake::MissingCrs;
  else if ( !declared )
    d.mistake = RtCrsMistake::UnknownCrs;
  else if ( d.fitting.isEmpty() )
    d.mistake = RtCrsMistake::NoFit;
  else if ( d.fittingSwapped )
    d.mistake = RtCrsMistake::SwappedAxes;
  else if ( fitFamily == Family::Geographic && declaredFamily != Family::Geographic )
    d.mistake = RtCrsMistake::DegreesAsMetres;
  else if ( fitFamily != Family::Geographic && declaredFamily == Family::Geographic )
    d.mistake = RtCrsMistake::MetresAsDegrees;
  else if ( ( fitFamily == Family::Utm && declaredFamily == Family::Tm3 ) || ( fitFamily == Family::Tm3 && declaredFamily == Family::Utm ) )
    d.mistake = RtCrsMistake::UtmVsTm3;
  else if ( fitFamily == declaredFamily && ( fitFamily == Family::Tm3 || fitFamily == Family::Utm ) )
    d.mistake = RtCrsMistake::OtherZone;
  else
    d.mistake = RtCrsMistake::OtherCrs;

  const QString fix = fit.isEmpty() ? QString()
                      : d.fittingSwapped ? rtMsg( "RtCrsCheck", " Swap the two coordinate columns (or axes) of the source data." )
                      : rtMsg( "RtCrsCheck", " Assign EPSG:%1 to the layer as its CRS (assign, do not reproject)." ).arg( d.fittingEpsg );
  const QString fitsText = fit.isEmpty() ? QString() : rtMsg( "RtCrsCheck", "coordinates fit %1" ).arg( fit );
  switch ( d.mistake )
  {
    case RtCrsMistake::MissingCrs:
      d.message = fit.isEmpty()
                  ? rtMsg( "RtCrsCheck", "the layer declares no CRS, and its coordinates fit none of the CRSs used in Vietnam for %1: "
                                    "find out which CRS the data was made in and assign it" ).arg( areaText( area ) )
                  : rtMsg( "RtCrsCheck", "the layer declares no CRS; its %1.%2" ).arg( fitsText, fix );
      break;
    case RtCrsMistake::UnknownCrs:
      d.message = rtMsg( "RtCrsCheck", "the layer's CRS cannot be read (\"%1\")%2.%3" )
                  .arg( declaredCrs.trimmed().left( 80 ), fit.isEmpty() ? QString() : rtMsg( "RtCrsCheck", "; its " ) + fitsText, fix );
      break;
    case RtCrsMistake::NoFit:
      d.message = rtMsg( "RtCrsCheck", "the layer is not in %1: with its CRS %2 it lies %3, and no CRS used in Vietnam (TM-3, UTM 48N/49N, "
                                  "degrees) puts its coordinates there: check the layer's CRS and where its data comes from" )
                  .arg( areaText( area ), d.declared, where( d.centre ) );
      break;
    default:
    {
      QString likely;
      switch ( d.mistake )
      {
        case RtCrsMistake::SwappedAxes:
          likely = fitFamily == Family::Geographic
                   ? rtMsg( "RtCrsCheck", "latitude and longitude are swapped" ) : rtMsg( "RtCrsCheck", "easting and northing are swapped" );
          break;
        case RtCrsMistake::DegreesAsMetres:
          likely = rtMsg( "RtCrsCheck", "the coordinates are degrees (longitude, latitude) but the layer declares a projected CRS in metres" );
          break;
        case RtCrsMistake::MetresAsDegrees:
          likely = rtMsg( "RtCrsCheck", "the coordinates are metres but the layer declares degrees" );
          break;
        case RtCrsMistake::UtmVsTm3:
          likely = fitFamily == Family::Utm ? rtMsg( "RtCrsCheck", "UTM coordinates declared as TM-3 (UTM: 6° zones, scale 0.9996; TM-3: 3° zones, 0.9999)" )
                   : rtMsg( "RtCrsCheck", "TM-3 coordinates declared as UTM (TM-3: 3° zones, scale 0.9999; UTM: 6° zones, 0.9996)" );
          break;
        case RtCrsMistake::OtherZone:
          likely = fitFamily == Family::Tm3
                   ? ( area.crsEpsg > 0 ? rtMsg( "RtCrsCheck", "a TM-3 zone with another central meridian (%1 uses %2)" )
                       .arg( area.crsUsedBy.isEmpty() ? area.name : area.crsUsedBy, describeEpsg( area.crsEpsg ) )
                       : rtMsg( "RtCrsCheck", "a TM-3 zone with another central meridian" ) )
                   : rtMsg( "RtCrsCheck", "the other UTM zone" );
          break;
        default:
          likely = rtMsg( "RtCrsCheck", "the coordinates are in another CRS than the declared one" );
          break;
      }
      d.message = rtMsg( "RtCrsCheck", "the layer is not in %1: with its CRS it lies %2. Likely mistake: %3. The %4; the layer declares %5.%6" )
                  .arg( areaText( area ), where( d.centre ), likely, fitsText, d.declared, fix );
      break;
    }
  }
  return d;
}

RtStatusResult RtCrsCheck::check( const QString &declaredCrs, const QVector<QPointF> &points, const RtArea &area )
{
  const RtCrsDiagnosis d = diagnose( declaredCrs, points, area );
  return d.fits ? rtOk() : rtFail( d.message );
}
