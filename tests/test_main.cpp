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
  QCoreApplication app( argc, argv );
  GDALAllRegister();
  return rtRunCatch( argc, argv );
}
