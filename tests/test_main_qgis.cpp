// The main of the tests that need QGIS itself (styles, project, layout export): the
// offscreen platform unless the caller chose one, one QgsApplication for the whole run.
#define CATCH_CONFIG_RUNNER
#include "catch_compat.h"

#include <qgsapplication.h>

#include <gdal.h>

int main( int argc, char *argv[] )
{
  if ( qEnvironmentVariableIsEmpty( "QT_QPA_PLATFORM" ) )
    qputenv( "QT_QPA_PLATFORM", "offscreen" );
  QgsApplication app( argc, argv, false );
  QgsApplication::setPrefixPath( QStringLiteral( "/usr" ), true );
  QgsApplication::initQgis();
  GDALAllRegister();
  const int rc = rtRunCatch( argc, argv );
  QgsApplication::exitQgis();
  return rc;
}
