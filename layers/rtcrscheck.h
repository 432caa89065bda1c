#ifndef RTCRSCHECK_H
#define RTCRSCHECK_H

#include "rtresult.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

//! A lon/lat box (WGS 84 degrees) a layer is expected to cover: a city's (RtCity::area()).
struct RtArea
{
  QString name;
  double west = 0;
  double south = 0;
  double east = 0;
  double north = 0;
  int crsEpsg = 0;    //!< the official CRS there (a TM-3 zone), tried first; 0 when none
  QString crsUsedBy;  //!< whose official CRS it is ("Quảng Ninh"), for the messages

  //! False for the default (empty) box, which stands for the bundled city's (RtCity::bundled()).
  bool isSet() const { return west < east && south < north; }
};

//! The mistake a layer's CRS most likely holds.
enum class RtCrsMistake
{
  None,             //!< the declared CRS puts the layer where it belongs
  MissingCrs,       //!< the layer declares no CRS
  UnknownCrs,       //!< the declared CRS cannot be read
  SwappedAxes,      //!< lat/lon (or northing/easting) swapped
  DegreesAsMetres,  //!< degrees in a layer that declares a projected CRS (metres)
  MetresAsDegrees,  //!< metres in a layer that declares a geographic CRS (degrees)
  UtmVsTm3,         //!< UTM 48N/49N numbers declared as TM-3, or the reverse
  OtherZone,        //!< another TM-3 zone (central meridian) or the other UTM zone
  OtherCrs,         //!< the coordinates fit another CRS than the declared one
  NoFit,            //!< no CRS used in Vietnam puts the coordinates in the area
};

//! What RtCrsCheck found out about a layer's CRS.
struct RtCrsDiagnosis
{
  bool fits = false;            //!< the declared CRS puts the points in the area
  RtCrsMistake mistake = RtCrsMistake::None;
  QString declared;             //!< "EPSG:5899 (VN-2000 / TM-3 107-45)"; empty when there is none
  int declaredEpsg = 0;         //!< 0 when the declared CRS has no EPSG code
  QStringList fitting;          //!< CRSs that put the raw coordinates in the area, best first ("EPSG:3405 (…)")
  int fittingEpsg = 0;          //!< EPSG code of fitting.first(), 0 when none fits
  bool fittingSwapped = false;  //!< fitting.first() fits with the two axes swapped
  QPointF centre;               //!< where the declared CRS puts the points (lon, lat); NaN when it cannot
  QString message;              //!< what is wrong and how to fix it; empty when it fits
  QStringList warnings;         //!< doubts that do not refuse the layer
};

/**
 * \brief Checks that a layer's CRS puts it where it belongs (the city's area), and names
 * the likely mistake when it does not.
 *
 * The sample points (or an extent's corners and centre) are transformed from the declared
 * CRS to WGS 84 with GDAL/OGR (PROJ underneath). When fewer than 80 % of them land in the
 * area (with a 0.1° margin), the raw coordinates are tried in the CRSs used in Vietnam —
 * the area's official CRS first (RtArea::crsEpsg, e.g. VN-2000 / TM-3 107°45′, EPSG:5899,
 * in Quảng Ninh), the TM-3 zones (5896–5899, 9205–9218), UTM 48N/49N on VN-2000 and WGS 84
 * (3405, 3406, 32648, 32649), geographic WGS 84 and VN-2000 (4326, 4756) — as they are and
 * with the axes swapped, and the message says which one makes them land in the area:
 * "coordinates fit EPSG:3405 (VN-2000 / UTM zone 48N); the layer declares EPSG:5899
 * (VN-2000 / TM-3 107-45)".
 *
 * The area comes from the city's data (RtCity::area()); an empty RtArea stands for the
 * city built into the program (RtCity::bundled()).
 */
namespace RtCrsCheck
{
  //! The four corners and the centre of an extent, as sample points.
  QVector<QPointF> extentPoints( const QRectF &extent );

  /**
   * Diagnoses \a points (in the layer's own coordinates) against \a area. \a declaredCrs is
   * anything GDAL reads as a CRS: "EPSG:5899", WKT, a PROJ string; empty when the layer
   * declares none.
   */
  RtCrsDiagnosis diagnose( const QString &declaredCrs, const QVector<QPointF> &points, const RtArea &area = RtArea() );

  //! The same as a result: failure with the diagnosis message when the layer does not fit.
  RtStatusResult check( const QString &declaredCrs, const QVector<QPointF> &points, const RtArea &area = RtArea() );

  //! "EPSG:5899 (VN-2000 / TM-3 107-45)" for an EPSG code known to PROJ.
  QString describeEpsg( int epsg );
}

#endif // RTCRSCHECK_H
