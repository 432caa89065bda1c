#ifndef RTCITY_H
#define RTCITY_H

#include "rtcrscheck.h"
#include "rtgazetteer.h"
#include "rtjoin.h"
#include "rtresult.h"

#include <QString>
#include <QVector>

#include <memory>
#include <optional>

//! A name written on the city's maps where no layer names it ("TRUNG QUỐC / CHINA").
struct RtMapLabel
{
  QString text;
  double lon = 0;   //!< WGS 84
  double lat = 0;
  double size = 10; //!< font size in points
};

//! A table of the city's sample layers that binds by itself, and how.
struct RtCityLayer
{
  QString table;          //!< "wards_2023"
  RtKeyBinding binding;   //!< kind, fields, match; keyMapSource "|layername=wards_2023" for a key map in the same file
};

/**
 * \brief A city as data: what the code would otherwise have to know about it.
 *
 * Read from the city's file (data/<city>/city.json): its name and province, the CRS its
 * offices use and its area (a lon/lat box, for RtCrsCheck), the place named when a
 * resolution names none, the labels its maps carry, the tables of its sample layers that
 * bind by themselves, and its gazetteer (a CSV file next to it). A second city is a second
 * folder of such files and no change of code.
 *
 * {
 *   "id": "mongcai", "name": "Móng Cái", "name_en": "Mong Cai", "unit_type": "thành phố",
 *   "province": "Quảng Ninh",
 *   "crs": { "epsg": 5899, "name": "…", "label_vi": "…", "label_en": "…", "used_by": "Quảng Ninh" },
 *   "area": { "west": 107.4, "south": 21.2, "east": 108.4, "north": 21.8 },
 *   "fallback_place": "Móng Cái",
 *   "map_labels": [ { "text": "…", "lon": 107.99, "lat": 21.588, "size": 11 } ],
 *   "layers": [ { "table": "wards_2023", "kind": "ward", "fields": ["gso_code"], "match": "code",
 *                 "key_map": { "table": "…", "from": "…", "to": "…" } } ],
 *   "gazetteer": "gazetteer.csv"
 * }
 */
struct RtCity
{
  QString id;
  QString name;
  QString nameEn;
  QString unitType;        //!< "thành phố", "thị xã", "huyện"
  QString province;
  int crsEpsg = 0;         //!< the CRS the city's offices use
  QString crsName;
  QString crsLabelVi;      //!< as the map's sources line names it
  QString crsLabelEn;
  QString crsUsedBy;       //!< "Quảng Ninh": whose official CRS it is
  double west = 0;
  double south = 0;
  double east = 0;
  double north = 0;
  QString fallbackPlace;   //!< named when a resolution's text names no place
  QVector<RtMapLabel> mapLabels;
  QVector<RtCityLayer> layers;
  QString gazetteerPath;   //!< absolute
  std::shared_ptr<const RtGazetteer> gazetteer; //!< never null once loaded (empty when the file names none)
  QString sourcePath;      //!< the city file

  //! The area RtCrsCheck checks layers against.
  RtArea area() const;

  //! The binding of a sample table that binds by itself ("wards_2023"), if it is one.
  std::optional<RtKeyBinding> bindingForTable( const QString &table ) const;

  //! Reads a city file and its gazetteer; refused with the file and field of the problem.
  static RtResult<RtCity> load( const QString &path );

  /**
   * The city built into this program (the files of data/mongcai/ by default; CMake's
   * RT_BUNDLED_CITY_DIR picks another folder): the default wherever no city is given.
   */
  static const RtCity &bundled();
};

#endif // RTCITY_H
