// The plugin builds as a module QGIS can load: the C entry points QGIS's plugin
// registry resolves are there and say what the plugin is.
#include "catch_compat.h"

#include <QCoreApplication>
#include <QLibrary>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

namespace
{
  using StringFunction = const QString *( * )();
  using IntFunction = int ( * )();
}

TEST_CASE( "the plugin module exposes the QGIS entry points", "[plugin]" )
{
  QLibrary module( QStringLiteral( RT_PLUGIN_MODULE ) );
  INFO( module.errorString().toStdString() );
  REQUIRE( module.load() );

  const auto name = reinterpret_cast<StringFunction>( module.resolve( "name" ) );
  const auto description = reinterpret_cast<StringFunction>( module.resolve( "description" ) );
  const auto version = reinterpret_cast<StringFunction>( module.resolve( "version" ) );
  const auto category = reinterpret_cast<StringFunction>( module.resolve( "category" ) );
  const auto type = reinterpret_cast<IntFunction>( module.resolve( "type" ) );
  REQUIRE( name );
  REQUIRE( description );
  REQUIRE( version );
  REQUIRE( category );
  REQUIRE( type );
  CHECK( module.resolve( "classFactory" ) );
  CHECK( module.resolve( "unload" ) );

  // The Plugin Manager lists the name and description in QGIS's language ("locale/userLocale",
  // which QGIS writes at start-up), read from a settings folder of the test's own.
  QTemporaryDir settingsDir;
  REQUIRE( settingsDir.isValid() );
  QSettings::setPath( QSettings::NativeFormat, QSettings::UserScope, settingsDir.path() );
  QCoreApplication::setOrganizationName( QStringLiteral( "QGIS" ) );
  QCoreApplication::setApplicationName( QStringLiteral( "QGIS3" ) );
  QSettings().setValue( QStringLiteral( "locale/userLocale" ), QStringLiteral( "en_US" ) );
  CHECK( *name() == QStringLiteral( "Resolution Tracker" ) );
  CHECK( description()->startsWith( QStringLiteral( "A council resolution's tasks on the map" ) ) );
  QSettings().setValue( QStringLiteral( "locale/userLocale" ), QStringLiteral( "vi" ) );
  CHECK( *name() == QStringLiteral( "Theo dõi Nghị quyết" ) );
  CHECK( description()->startsWith( QStringLiteral( "Các nhiệm vụ của nghị quyết" ) ) );
  CHECK( *version() == QStringLiteral( "0.1.0" ) );
  CHECK( type() == 1 ); // QgisPlugin::UI: a plugin with a user interface
}
