#include "rtprocessingprovider.h"
#include "rtprocessingexport.h"
#include "rtprocessingjoin.h"
#include "rtprocessingsessionpack.h"

#include <qgsapplication.h>
#include <qgsprocessingregistry.h>

QString RtProcessingProvider::providerId()
{
  return QStringLiteral( "resolutiontracker" );
}

RtProcessingProvider *RtProcessingProvider::addTo( QgsProcessingRegistry *registry, RtProcessingProvider *provider )
{
  if ( !registry || registry->providerById( providerId() ) )
  {
    delete provider;
    return nullptr;
  }
  if ( !provider )
    provider = new RtProcessingProvider();
  // A refused provider (its algorithms failed to load) is deleted by the registry.
  return registry->addProvider( provider ) ? provider : nullptr;
}

RtProcessingProvider::RtProcessingProvider( QObject *parent )
  : QgsProcessingProvider( parent )
{
}

QIcon RtProcessingProvider::icon() const
{
  return QgsApplication::getThemeIcon( QStringLiteral( "/mActionOpenTable.svg" ) );
}

QString RtProcessingProvider::svgIconPath() const
{
  return QgsApplication::iconPath( QStringLiteral( "mActionOpenTable.svg" ) );
}

QString RtProcessingProvider::id() const
{
  return providerId();
}

QString RtProcessingProvider::name() const
{
  return tr( "Resolution Tracker" );
}

QString RtProcessingProvider::longName() const
{
  return tr( "Resolution Tracker: a council resolution's tasks on the map" );
}

QString RtProcessingProvider::helpId() const
{
  return QString();
}

void RtProcessingProvider::loadAlgorithms()
{
  // One line per algorithm.
  addAlgorithm( new RtJoinTasksAlgorithm() );
  addAlgorithm( new RtExportMapAlgorithm() );
  addAlgorithm( new RtSessionPackAlgorithm() );
}
