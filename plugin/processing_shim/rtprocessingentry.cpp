// libresolutiontrackerprocessing: Resolution Tracker's Processing provider in a library of
// its own (QGIS core, no GUI), for the Python plugin beside it (__init__.py), which qgis_process
// starts: qgis_process loads Python plugins that declare hasProcessingProvider=yes, never C++
// plugins. Python loads this library with ctypes into the same process, so the provider added
// here is in the very registry qgis_process runs algorithms from.
#include "rtprocessingprovider.h"
#include "rtqgisauth.h"
#include "rttranslator.h"
#include "rttr.h"

#include <qgsapplication.h>
#include <qgsprocessingregistry.h>

#include <QCoreApplication>
#include <QPointer>

namespace
{
  QPointer<RtProcessingProvider> sProvider; // owned by the registry
}

/**
 * Adds the provider to QgsApplication::processingRegistry(). Returns 1 when added, 0 when a
 * provider with our id is there already (the C++ plugin's, in QGIS desktop), -1 when there
 * is no QGIS application or the provider could not load. No exception leaves this function.
 */
extern "C" int rt_processing_register()
{
  try
  {
    if ( sProvider )
      return 0;
    if ( !QCoreApplication::instance() || !QgsApplication::processingRegistry() )
      return -1;
    if ( QgsApplication::processingRegistry()->providerById( RtProcessingProvider::providerId() ) )
      return 0;
    // The algorithms' texts in QGIS's language: the translator (which goes with the provider)
    // first, for the algorithms and their parameters are made when the provider is added.
    auto *provider = new RtProcessingProvider();
    rtInstallTranslator( provider );
    rtSetMessageLanguage( rtUiLanguage() == QLatin1String( "vi" ) ? RtLang::Vi : RtLang::En ); // the core's messages too
    sProvider = RtProcessingProvider::addTo( QgsApplication::processingRegistry(), provider );
    if ( sProvider )
      RtQgisAuth::install(); // a register given as "service=… authcfg=ID"
    return sProvider ? 1 : -1;
  }
  catch ( ... )
  {
    return -1;
  }
}

//! Removes the provider rt_processing_register() added; 1 when removed, 0 when there was none.
extern "C" int rt_processing_unregister()
{
  try
  {
    if ( !sProvider )
      return 0;
    RtQgisAuth::uninstall();
    QgsApplication::processingRegistry()->removeProvider( sProvider );
    return 1;
  }
  catch ( ... )
  {
    return 0;
  }
}
