#include "rtheadlessqgis.h"

#include <qgsapplication.h>

#include <QDir>
#include <QFile>
#include <QSettings>

#include <gdal.h>
#include <unistd.h>

RtHeadlessQgis::RtHeadlessQgis( int &argc, char **argv, const QString &applicationName )
  : mScratch( QDir::tempPath() + QStringLiteral( "/%1-qgis-XXXXXX" ).arg( applicationName ) )
{
  if ( !mScratch.isValid() )
  {
    mError = QStringLiteral( "cannot create a temporary folder in %1: %2" ).arg( QDir::tempPath(), mScratch.errorString() );
    return;
  }
  // Rendering needs a GUI application; headless, Qt's offscreen platform provides one.
  if ( qEnvironmentVariableIsEmpty( "QT_QPA_PLATFORM" ) )
    qputenv( "QT_QPA_PLATFORM", "offscreen" );
  // Qt wants a private runtime folder; a headless session (cron, CI, ssh) often has none.
  if ( qEnvironmentVariableIsEmpty( "XDG_RUNTIME_DIR" ) )
  {
    const QString runtimeDir = QDir::tempPath() + QStringLiteral( "/restrack-runtime-%1" ).arg( static_cast<qulonglong>( getuid() ) );
    if ( QDir().mkpath( runtimeDir ) )
    {
      QFile::setPermissions( runtimeDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner );
      qputenv( "XDG_RUNTIME_DIR", QFile::encodeName( runtimeDir ) );
    }
  }
  // Settings by a known name, in the temporary folder; QGIS's network cache there too.
  QCoreApplication::setOrganizationName( QStringLiteral( "ResolutionTracker" ) );
  QCoreApplication::setOrganizationDomain( QStringLiteral( "resolutiontracker.invalid" ) );
  QCoreApplication::setApplicationName( applicationName );
  QSettings::setDefaultFormat( QSettings::IniFormat );
  for ( QSettings::Format format : { QSettings::IniFormat, QSettings::NativeFormat } )
  {
    QSettings::setPath( format, QSettings::UserScope, mScratch.filePath( QStringLiteral( "settings" ) ) );
    QSettings::setPath( format, QSettings::SystemScope, mScratch.filePath( QStringLiteral( "settings-system" ) ) );
  }
  QSettings().setValue( QStringLiteral( "cache/directory" ), mScratch.filePath( QStringLiteral( "cache" ) ) );

  mApp = std::make_unique<QgsApplication>( argc, argv, false, mScratch.filePath( QStringLiteral( "profile" ) ) );
  QgsApplication::setPrefixPath( QStringLiteral( "/usr" ), true );
  QgsApplication::initQgis();
  GDALAllRegister();
}

RtHeadlessQgis::~RtHeadlessQgis()
{
  if ( mApp )
    QgsApplication::exitQgis();
  mApp.reset();
}
