// The main of the tests that need QGIS itself (styles, project, layout export, the plugin):
// the offscreen platform unless the caller chose one, one QgsApplication for the whole run,
// its profile in a temporary folder (RtHeadlessQgis), as `restrack export` runs it.
#define CATCH_CONFIG_RUNNER
#include "catch_compat.h"

#include "rtheadlessqgis.h"

#include <QFileInfo>

int main( int argc, char *argv[] )
{
  RtHeadlessQgis qgis( argc, argv, QFileInfo( QString::fromLocal8Bit( argv[0] ) ).fileName() );
  if ( !qgis.ok() )
  {
    std::fprintf( stderr, "%s\n", qgis.error().toLocal8Bit().constData() );
    return 1;
  }
  return rtRunCatch( argc, argv );
}
