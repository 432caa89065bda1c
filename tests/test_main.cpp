// The one main of every test binary: a Qt application object (some Qt and GDAL code
// wants one), offscreen platform unless the caller chose one, then Catch2.
#define CATCH_CONFIG_RUNNER
#include "catch_compat.h"

#include <QCoreApplication>
#include <gdal.h>

int main( int argc, char *argv[] )
{
  if ( qEnvironmentVariableIsEmpty( "QT_QPA_PLATFORM" ) )
    qputenv( "QT_QPA_PLATFORM", "offscreen" );
  // The CLI's messages follow the locale: the tests read them in English whatever the
  // machine's locale (a test that wants Vietnamese sets it for its own process).
  for ( const char *name : { "LANGUAGE", "LC_ALL", "LC_MESSAGES" } )
    qunsetenv( name );
  qputenv( "LANG", "C.UTF-8" );
  QCoreApplication app( argc, argv );
  GDALAllRegister();
  return rtRunCatch( argc, argv );
}
