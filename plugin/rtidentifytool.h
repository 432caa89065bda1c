#ifndef RTIDENTIFYTOOL_H
#define RTIDENTIFYTOOL_H

#include <qgsfeatureid.h>
#include <qgsmaptoolidentify.h>

#include <QPointer>

class QgsVectorLayer;
class RtTracker;

/**
 * \brief Click a feature of a bound layer to list its tasks in the panel.
 *
 * Identifies in the bound layers only, top layer first; reports the first feature hit.
 */
class RtIdentifyTool : public QgsMapToolIdentify
{
    Q_OBJECT

  public:
    RtIdentifyTool( QgsMapCanvas *canvas, RtTracker *tracker );

    void canvasReleaseEvent( QgsMapMouseEvent *e ) override;

  signals:
    //! A feature of a bound layer was clicked.
    void featureIdentified( QgsVectorLayer *layer, QgsFeatureId fid );
    //! The click hit no feature of a bound layer.
    void nothingIdentified();

  private:
    QPointer<RtTracker> mTracker;
};

#endif // RTIDENTIFYTOOL_H
