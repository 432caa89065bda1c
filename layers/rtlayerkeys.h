#ifndef RTLAYERKEYS_H
#define RTLAYERKEYS_H

#include "rtcrscheck.h"
#include "rtjoin.h"
#include "rtresult.h"

#include <QDate>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

//! A layer as QGIS writes its source: "PATH", "PATH|layername=NAME" or "PATH|layerid=N".
struct RtLayerSource
{
  QString path;
  QString layerName; //!< empty: the dataset's only layer (or #layerId)
  int layerId = -1;  //!< the dataset's layer of this index (0 first); -1: by name, or the only one

  /**
   * Reads \a spec. Refused, naming the option: an option given twice ("|layername=a|layername=b"),
   * both layername and layerid, an empty layer name, a layer id that is not a number, and any
   * other option (QGIS's "|subset=…" would be ignored: the whole layer would be read).
   */
  static RtResult<RtLayerSource> parseStrict( const QString &spec );
  //! Reads \a spec without refusing anything (a repeated option: the last wins; unknown ones ignored).
  static RtLayerSource parse( const QString &spec );
  QString toString() const;
};

//! How RtLayerKeys::read() works.
struct RtLayerReadOptions
{
  bool checkCrs = true;                 //!< refuse a layer whose CRS does not put it in #area
  RtArea area;                          //!< empty: the bundled city's (RtCity::bundled())
  int crsSampleSize = 200;              //!< features whose geometry is sampled for the CRS check
  /**
   * Read the keys through GDAL's columnar (Arrow) stream, batch by batch, instead of one
   * OGRFeature per row; keys of a type the stream path does not read (real numbers, dates)
   * are read feature by feature as before. The same keys either way (tests compare them).
   */
  bool columnar = true;
  int columnarBatchSize = 65536;        //!< rows per Arrow batch
  /**
   * Read the keys of a PostgreSQL layer with COPY (RtPgKeyCopy) rather than through GDAL's
   * PG driver, when it has a feature id column and text or integer key fields; GDAL reads
   * them otherwise, or if the COPY fails. The same keys either way (tests compare them).
   */
  bool copyFromPostgres = true;
};

/**
 * \brief The key values of a layer's features, read from any OGR-readable dataset, and
 * the writer that stores a join result back into a GeoPackage layer.
 *
 * Only the key fields are read (geometries are skipped), so a broken geometry cannot stop
 * the join; the CRS check samples the geometries of the first features that have one.
 * GSO commune codes stored in an integer field ("6715" for "06715": spreadsheets and
 * shapefiles drop the zero) get their leading zeros back (5 digits) when the binding's
 * kind is "ward" or "parcel" and codes are compared; the warnings say so.
 */
struct RtLayerKeys
{
  RtLayerSource source;
  QString layerName;              //!< the layer actually read
  QString driver;                 //!< GDAL driver short name: "GPKG", "ESRI Shapefile", …
  QStringList fieldNames;         //!< every attribute field of the layer
  QVector<RtFeatureKey> features; //!< in layer order (a PostgreSQL table: the server's order)
  //! How the keys were read: "copy" (PostgreSQL COPY), "arrow" (GDAL's columnar stream) or "features".
  QString keysReadBy;
  QString crsWkt;                 //!< the layer's CRS as WKT; empty when it declares none
  QString crsName;                //!< "EPSG:5899 (VN-2000 / TM-3 107-45)"; empty when none
  bool hasGeometry = false;       //!< the layer has a geometry column
  QRectF extent;                  //!< in the layer's CRS; null when unknown
  RtCrsDiagnosis crs;             //!< the CRS check (fits when not run)
  QStringList warnings;

  /**
   * Reads the features' values of \a binding's fields from the layer \a spec: a file, or a
   * PostGIS table through GDAL's PG driver ("PG:host=… dbname=…|layername=parcels"; its
   * password is left out of every message). Refused,
   * with a message naming the layer and what to fix: a dataset GDAL cannot open, a missing
   * layer name when the dataset holds several (they are listed), a missing field (the
   * layer's fields are listed), and — when \a options ask for it — a CRS that does not put
   * the layer in the area (RtCrsCheck names the likely mistake).
   */
  static RtResult<RtLayerKeys> read( const QString &spec, const RtKeyBinding &binding,
                                     const RtLayerReadOptions &options = RtLayerReadOptions() );

  /**
   * Stores \a result into the GeoPackage layer \a spec, in one transaction: rt_status (the
   * RtFeatureStatuses code), rt_share_done (real, 0..1), rt_tasks (comma-separated task
   * ids) and rt_as_of (date), created when missing. Stock QGIS can then colour the layer by
   * rt_status without the plugin. Only the features of \a result are updated; geometries
   * and other fields are not touched. Other formats are refused.
   */
  static RtStatusResult write( const QString &spec, const RtJoinResult &result, const QDate &asOf );

  /**
   * A key map for RtKeyBinding::keyMap, read from two fields of the layer \a spec: for
   * every feature, \a fromField's value → \a toField's (e.g. wards_2023: gso_code →
   * gso_code_2025). GSO codes in numeric fields get their leading zeros back when \a kind
   * is "ward" or "parcel". Features with either value empty are skipped; an old key given
   * two different new ones is left out of the map and named in \a warnings. Refused like
   * read() (a missing layer or field is named).
   */
  static RtResult<QHash<QString, QString>> readKeyMap( const QString &spec, const QString &kind, const QString &fromField,
                                                      const QString &toField, QStringList *warnings = nullptr );
};

#endif // RTLAYERKEYS_H
