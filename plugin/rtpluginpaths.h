#ifndef RTPLUGINPATHS_H
#define RTPLUGINPATHS_H

#include <QString>
#include <QStringList>

/**
 * \brief Where the plugin finds the bundled Móng Cái register and map layers.
 *
 * In this order: the environment ($RESTRACK_DB, $RESTRACK_LAYERS), the data installed
 * with the plugin (share/restrack under QGIS's prefix, then under the prefix the plugin
 * was installed to), the build tree the plugin was built in, the source tree.
 */
namespace RtPluginPaths
{
  //! The bundled register; empty when none was found (\a lookedIn lists where it looked).
  QString bundledRegister( QStringList *lookedIn = nullptr );

  //! The bundled map layers (mongcai-layers.gpkg); empty when none was found.
  QString bundledLayers( QStringList *lookedIn = nullptr );

  /**
   * A register the user can write to: \a path itself when it is writable, else a copy in
   * the QGIS profile (made once, then reused, so recorded changes are kept). An installed
   * register under /usr/share cannot take status changes. Empty when the copy fails;
   * \a copied says whether the copy is used.
   */
  QString writableRegister( const QString &path, bool *copied = nullptr );

  //! The folder of the plugin's files in the QGIS profile ("…/resolutiontracker").
  QString profileFolder();
}

#endif // RTPLUGINPATHS_H
