#ifndef RT_BENCH_CADASTRE_H
#define RT_BENCH_CADASTRE_H

#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

/**
 * \brief A synthetic, seeded cadastre of Móng Cái for the benchmark (never committed).
 *
 * Parcels: rectangles on a regular grid over the 17 communes and wards of 2023 (the
 * schematic polygons of data/mongcai-layers.gpkg, EPSG:5899), cell size chosen so that
 * exactly the requested number of cells falls inside a ward; each parcel takes that
 * ward's GSO code, a map sheet (1 km tiles numbered per commune) and a parcel number
 * (per commune and sheet). Layer "parcels": fid, commune (text, "06709"), sheet (int),
 * parcel (int), pkey ("06709/12/345": QGIS joins on one field), geometry with its R-tree.
 *
 * Dossiers: attribute table "dossiers" (dossier_id, commune, sheet, parcel, pkey, status,
 * deadline); most linked parcels have one dossier, some 2–4, in shuffled order; a few
 * dossiers name a parcel that does not exist (the join must report them unmatched).
 * Index dossiers_key (commune, sheet, parcel) for the SQLite baseline.
 */
struct BenchCadastre
{
  struct Dossier
  {
    int parcelFid = 0;      //!< 0: names a parcel that does not exist
    quint8 status = 0;      //!< index into statusCodes()
    short deadlineYear = 0; //!< deadline 31/12 of that year
  };

  QString path;                //!< the GeoPackage
  double cellSize = 0;         //!< metres
  QRectF extent;               //!< of the parcels, EPSG:5899
  std::vector<double> cx, cy;  //!< parcel centre by fid - 1
  std::vector<Dossier> dossiers; //!< in table order (dossier fid - 1)
  int orphans = 0;             //!< dossiers naming no parcel
  double seconds = 0;          //!< time taken to generate

  //! The task status codes used, in RtStatus order ("not_started", …).
  static QStringList statusCodes();

  /**
   * Generates \a parcels parcels and \a dossiers dossiers into \a path with the random
   * generator seeded with \a seed. \a wardsGpkg holds the layer wards_2023. Returns an
   * error message, empty on success.
   */
  static QString generate( const QString &path, const QString &wardsGpkg, int parcels, int dossiers,
                           std::uint64_t seed, BenchCadastre &out );
};

#endif // RT_BENCH_CADASTRE_H
