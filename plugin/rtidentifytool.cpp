#include "rtidentifytool.h"
#include "rtlayerbinding.h"
#include "rttracker.h"

#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsvectorlayer.h>

RtIdentifyTool::RtIdentifyTool( QgsMapCanvas *canvas, RtTracker *tracker )
  : QgsMapToolIdentify( canvas )
  , mTracker( tracker )
{
  setObjectName( QStringLiteral( "RtIdentifyMapTool" ) );
}

void RtIdentifyTool::canvasReleaseEvent( QgsMapMouseEvent *e )
{
  if ( !mTracker || e->button() != Qt::LeftButton )
    return;
  // Top layer first: the order of the canvas.
  QList<QgsMapLayer *> layers;
  for ( QgsMapLayer *layer : mCanvas->layers() )
    if ( mTracker->binding( qobject_cast<QgsVectorLayer *>( layer ) ) )
      layers << layer;
  if ( layers.isEmpty() )
  {
    emit nothingIdentified();
    return;
  }
  const QList<IdentifyResult> results = identify( e->x(), e->y(), TopDownStopAtFirst, layers, VectorLayer );
  for ( const IdentifyResult &r : results )
  {
    if ( auto *layer = qobject_cast<QgsVectorLayer *>( r.mLayer ) )
    {
      emit featureIdentified( layer, r.mFeature.id() );
      return;
    }
  }
  emit nothingIdentified();
}
