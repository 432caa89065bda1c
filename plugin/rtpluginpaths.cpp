#include "rtpluginpaths.h"

#include <qgsapplication.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace
{
  QString firstExisting( const QString &envName, const QString &fileName, const QString &buildTreePath, QStringList *lookedIn )
  {
    QStringList candidates;
    const QString fromEnv = qEnvironmentVariable( envName.toLatin1().constData() );
    if ( !fromEnv.isEmpty() )
      candidates << fromEnv;
    candidates << QgsApplication::prefixPath() + QStringLiteral( "/share/restrack/" ) + fileName;
#ifdef RT_INSTALL_DATA_DIR
    candidates << QStringLiteral( RT_INSTALL_DATA_DIR "/" ) + fileName;
#endif
    if ( !buildTreePath.isEmpty() )
      candidates << buildTreePath;
    for ( QString &c : candidates )
      c = QDir::cleanPath( c );
    candidates.removeDuplicates();
    if ( lookedIn )
      *lookedIn = candidates;
    for ( const QString &c : std::as_const( candidates ) )
      if ( QFileInfo( c ).isFile() )
        return c;
    return QString();
  }
}

QString RtPluginPaths::bundledRegister( QStringList *lookedIn )
{
#ifdef RT_BUILD_REGISTER
  const QString buildTree = QStringLiteral( RT_BUILD_REGISTER );
#else
  const QString buildTree;
#endif
  return firstExisting( QStringLiteral( "RESTRACK_DB" ), QStringLiteral( "mongcai-172.gpkg" ), buildTree, lookedIn );
}

QString RtPluginPaths::bundledLayers( QStringList *lookedIn )
{
#ifdef RT_SOURCE_DATA_DIR
  const QString sourceTree = QStringLiteral( RT_SOURCE_DATA_DIR "/mongcai-layers.gpkg" );
#else
  const QString sourceTree;
#endif
  return firstExisting( QStringLiteral( "RESTRACK_LAYERS" ), QStringLiteral( "mongcai-layers.gpkg" ), sourceTree, lookedIn );
}

QString RtPluginPaths::profileFolder()
{
  return QDir::cleanPath( QgsApplication::qgisSettingsDirPath() + QStringLiteral( "/resolutiontracker" ) );
}

QString RtPluginPaths::writableRegister( const QString &path, bool *copied )
{
  if ( copied )
    *copied = false;
  const QFileInfo info( path );
  // SQLite writes a journal next to the file: the folder must be writable too.
  if ( info.isFile() && info.isWritable() && QFileInfo( info.absolutePath() ).isWritable() )
    return path;
  const QString folder = profileFolder();
  const QString copy = folder + QLatin1Char( '/' ) + info.fileName();
  if ( !QFileInfo::exists( copy ) )
  {
    if ( !QDir().mkpath( folder ) || !QFile::copy( path, copy ) )
      return QString();
    QFile::setPermissions( copy, QFile::permissions( copy ) | QFileDevice::WriteOwner );
  }
  if ( copied )
    *copied = true;
  return copy;
}
