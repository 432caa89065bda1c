#ifndef RTPROCESSINGPROVIDER_H
#define RTPROCESSINGPROVIDER_H

#include <qgsprocessingprovider.h>

class QgsProcessingRegistry;

/**
 * \brief Resolution Tracker's algorithms in QGIS Processing (provider id "resolutiontracker"):
 * the Processing toolbox, the Model Designer, batch processing and `qgis_process`.
 *
 * QGIS core only, so the same provider serves QGIS desktop (registered by the plugin's
 * initGui(), removed by its unload()) and `qgis_process`, which loads it through the small
 * Python plugin of plugin/processing_shim/ (qgis_process starts Python plugins only).
 * Adding an algorithm is one class derived from RtProcessingAlgorithm and one line in
 * loadAlgorithms().
 */
class RtProcessingProvider : public QgsProcessingProvider
{
    Q_OBJECT

  public:
    //! "resolutiontracker": algorithm ids are "resolutiontracker:jointasks", …
    static QString providerId();

    /**
     * Adds \a provider (a new one when null) to \a registry and returns it (the registry owns
     * it), or null when a provider with our id is registered already (the plugin and the
     * qgis_process shim in one QGIS: the first one serves, nothing is registered twice);
     * \a provider is then deleted. The algorithms are made when the provider is added: a
     * translator for their texts must be installed before (it may be the provider's child).
     */
    static RtProcessingProvider *addTo( QgsProcessingRegistry *registry, RtProcessingProvider *provider = nullptr );

    explicit RtProcessingProvider( QObject *parent = nullptr );

    QIcon icon() const override;
    QString svgIconPath() const override;
    QString id() const override;
    QString name() const override;
    QString longName() const override;
    QString helpId() const override;
    bool supportsNonFileBasedOutput() const override { return true; }

  protected:
    void loadAlgorithms() override;
};

#endif // RTPROCESSINGPROVIDER_H
