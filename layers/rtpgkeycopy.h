#ifndef RTPGKEYCOPY_H
#define RTPGKEYCOPY_H

#include "rtjoin.h"
#include "rtresult.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

/**
 * \brief The key columns of a PostgreSQL table or view, read with COPY … TO STDOUT.
 *
 * GDAL's PG driver builds an OGRFeature for every row (its Arrow stream too, in GDAL 3.6),
 * which makes reading the keys of a whole city's cadastre from PostGIS several times slower
 * than from a GeoPackage; COPY sends the few columns asked for as plain text rows.
 * RtLayerKeys::read() opens the layer with GDAL as always (fields, FID column, CRS check) and
 * reads the keys here; it falls back to GDAL when this fails.
 */
namespace RtPgKeyCopy
{
  /**
   * The libpq connection string in a GDAL one: "PG:" and GDAL's own options (tables=,
   * schemas=, active_schema=, list_all_tables=) removed.
   */
  QString libpqConnection( const QString &gdalConnection );

  //! The schema GDAL names tables in without a prefix: active_schema=, else the first of schemas=; empty: the search path's.
  QString activeSchema( const QString &gdalConnection );

  /**
   * The keys of layer \a layerName ("table" or "schema.table", as GDAL names it) of the
   * database \a gdalConnection: the feature id from \a fidColumn, one value per \a keyFields
   * (text as stored, integers in decimal, NULL as an empty string); with \a padCode, a
   * non-negative integer first value is padded to 5 digits (a GSO code that lost its zero).
   */
  RtResult<QVector<RtFeatureKey>> read( const QString &gdalConnection, const QString &layerName, const QString &fidColumn,
                                        const QStringList &keyFields, bool padCode );

  /**
   * Called every few thousand rows with the rows read so far; returning false stops the read
   * (it then fails, saying it was cancelled).
   */
  using Progress = std::function<bool( qint64 rows )>;

  /**
   * The same for table \a table of schema \a schema (as QGIS's PostgreSQL provider names
   * them) through the libpq connection string \a connection.
   */
  RtResult<QVector<RtFeatureKey>> readTable( const QString &connection, const QString &schema, const QString &table, const QString &fidColumn,
                                             const QStringList &keyFields, bool padCode, const Progress &progress = Progress() );

  //! One field of a COPY text row, its escapes (\\t, \\n, \\\\, octal, \\x) undone.
  QString unescapeField( const char *begin, const char *end );
}

#endif // RTPGKEYCOPY_H
