#ifndef RTMAPLAYERS_H
#define RTMAPLAYERS_H

#include "rtjoin.h"
#include "rtmapstyle.h"
#include "rtresult.h"
#include "rttask.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

class QgsVectorLayer;

//! One layer of the map, copied into memory with its features' statuses.
struct RtMapLayer
{
  RtMapStyle::LayerKind kind = RtMapStyle::LayerKind::Land;
  std::unique_ptr<QgsVectorLayer> layer; //!< a memory layer; hand it to a project with release()
  QString table;                         //!< the table it was read from
  int featureCount = 0;
  QStringList sources;                   //!< distinct values of the field "source"
  bool schematic = false;                //!< some feature's geometry is schematic (source "schematic…")
  QMap<QString, int> statusCounts;       //!< rt_status code → number of features
  QVector<RtTaskLink> unmatched;         //!< task links whose key matched no feature of this layer
  QString crsProblem;                    //!< RtCrsCheck's message when the CRS does not put it in Móng Cái

  RtMapLayer();
  RtMapLayer( RtMapLayer && );
  RtMapLayer &operator=( RtMapLayer && );
  ~RtMapLayer();
};

/**
 * \brief The layers of a map GeoPackage as memory layers, with every feature's status as of a date.
 *
 * The GeoPackage is opened read-only through GDAL and never written: the statuses are
 * computed by RtJoin in memory and stored in the copies' fields rt_status, rt_share_done,
 * rt_tasks and rt_as_of (added when the table lacks them, overwritten when it has them).
 * Joins: wards_2023 by gso_code (place kind "ward"), zones by code ("zone"), sites and
 * site_lines by site_id ("site"). Base layers (land, border, wards_2025) are copied as they are.
 *
 * With units 2025 the ward layer joined is wards_2025 instead (by its gso_code): the tasks'
 * ward places, 2023 GSO codes, are first translated to the 2025 units through the mapping
 * the same GeoPackage holds in wards_2023 (gso_code → gso_code_2025; RtJoin::translatePlaces),
 * and wards_2023 is then copied as a base layer. A 2023 code the mapping lacks (or maps to
 * two units) is named in a warning and its links are left off the 2025 units, never guessed.
 */
struct RtMapLayerSet
{
  std::vector<RtMapLayer> layers; //!< bottom of the map first (RtMapStyle::allKinds() order)
  QStringList warnings;           //!< missing tables, links that landed nowhere, 2023 codes without a 2025 unit
  int units = 2023;               //!< the ward units coloured by status: 2023 (wards_2023) or 2025 (wards_2025)

  //! The field of wards_2023 that names each unit's 2025 unit by its GSO code.
  static QString unitMapField();

  //! The layer of a kind, or null when the GeoPackage has no such table.
  RtMapLayer *find( RtMapStyle::LayerKind kind );

  //! True when some layer has schematic geometry (the map must then say it is a diagram).
  bool anySchematic() const;

  /**
   * Reads \a gpkgPath. \a tasks must carry their status as of \a asOf (RtStore::statusesAsOf).
   * \a units picks the ward units coloured by status: 2023 (wards_2023, the register's own
   * units) or 2025 (wards_2025, through wards_2023's mapping field unitMapField()).
   * \a withDirectives: which tasks colour a place (RtJoinOptions::withDirectives).
   * Fails when the file cannot be opened or holds none of the status tables, when \a units
   * is neither 2023 nor 2025, and with 2025 when wards_2025 or the mapping is missing.
   */
  static RtResult<RtMapLayerSet> load( const QString &gpkgPath, const QVector<RtTask> &tasks, const QDate &asOf, int units = 2023,
                                       bool withDirectives = false );
};

#endif // RTMAPLAYERS_H
