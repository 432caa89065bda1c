#ifndef RTMAPSTYLE_H
#define RTMAPSTYLE_H

#include "rtjoin.h"

#include <QColor>
#include <QString>
#include <QVector>

class QgsFeatureRenderer;
class QgsPalLayerSettings;
class QgsVectorLayer;

/**
 * \brief The map styles of Resolution Tracker: the status palette, the renderers and
 * labels of each layer kind, and the QML files of styles/ that hold them.
 *
 * The QML files are generated from this code by rtmakeproject (map/tools/) and
 * committed, so stock QGIS can use them without the plugin; they only use standard
 * renderers (categorized on the field "rt_status") and standard symbol layers.
 */
namespace RtMapStyle
{
  //! What a layer of the map shows; each kind has its own style.
  enum class LayerKind
  {
    Land,       //!< base: land polygons (GSHHG)
    Border,     //!< base: the international border (GSHHG)
    Wards,      //!< communes and wards of 2023, coloured by status
    Wards2025,  //!< the units in force from 1/7/2025: boundaries only
    Zones,      //!< zoning sub-plans (schematic), coloured by status
    Sites,      //!< named sites (polygons), coloured by status
    SiteLines,  //!< named roads, bridges, lighting lines, coloured by status
  };

  //! Every kind, bottom of the map first.
  QVector<LayerKind> allKinds();

  //! True for the kinds coloured by status (categorized on rt_status).
  bool hasStatus( LayerKind kind );

  //! The table of the sample GeoPackage the kind is read from ("wards_2023", …).
  QString tableName( LayerKind kind );

  //! "wards", "wards_print", …: the style file's base name in styles/.
  QString styleName( LayerKind kind, bool print );

  //! Bilingual layer title for the legend and the project ("Phường, xã (2023) / Wards and communes (2023)").
  QString layerTitle( LayerKind kind );

  //! The statuses in legend order: the alarming ones first.
  QVector<RtFeatureStatus> legendOrder();

  //! The Okabe–Ito colour of a status (colour-blind safe).
  QColor statusColor( RtFeatureStatus status );

  //! "Hoàn thành / Done": the legend label of a status in both languages.
  QString legendLabel( RtFeatureStatus status );

  //! The renderer of a kind; \a print gives the black-and-white-safe variant (hatching).
  QgsFeatureRenderer *createRenderer( LayerKind kind, bool print );

  //! The label settings of a kind (DejaVu Sans, which has every Vietnamese diacritic).
  QgsPalLayerSettings labelSettings( LayerKind kind );

  //! Applies the generated renderer and labels to \a layer (what the QML files hold).
  void applyGenerated( QgsVectorLayer *layer, LayerKind kind, bool print );

  /**
   * Applies the style of a kind from a QML file: from \a stylesDir when it is set, else
   * the copy built into the library (the same files as styles/). Returns an error
   * message, empty on success.
   */
  QString applyQml( QgsVectorLayer *layer, LayerKind kind, bool print, const QString &stylesDir = QString() );

  //! The QML text built into the library for a kind (empty if missing).
  QByteArray builtInQml( LayerKind kind, bool print );

  //! The font family used for labels and the layout.
  QString fontFamily();
}

#endif // RTMAPSTYLE_H
