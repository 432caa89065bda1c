#ifndef RTPROCESSINGEXPORT_H
#define RTPROCESSINGEXPORT_H

#include "rtprocessingalgorithm.h"

/**
 * \brief Processing algorithm "Export the council map" (resolutiontracker:exportcouncilmap):
 * `restrack export` in the Processing toolbox, the Model Designer and `qgis_process`.
 *
 * The body is RtMapExport::exportMap() (the map library the CLI and the plugin use): the
 * register and the layers GeoPackage are opened read-only and an A3 PDF or PNG is written.
 * A print layout is exported on the application's thread, so the algorithm runs there
 * (FlagNoThreading, as QGIS's own layout export algorithms).
 *
 * No layout template parameter yet: RtMapExportOptions has no template field in this
 * version of the map library.
 */
class RtExportMapAlgorithm : public RtProcessingAlgorithm
{
    Q_DECLARE_TR_FUNCTIONS( RtExportMapAlgorithm )

  public:
    static constexpr const char *LAYERS = "LAYERS";
    static constexpr const char *UNITS = "UNITS";
    static constexpr const char *LANGUAGE = "LANGUAGE";
    static constexpr const char *PRINT = "PRINT";
    static constexpr const char *OUTPUT = "OUTPUT";
    static constexpr const char *TASKS = "TASKS";
    static constexpr const char *OVERDUE = "OVERDUE";

    QString name() const override;
    QString displayName() const override;
    QStringList tags() const override;
    QString shortDescription() const override;
    QString shortHelpString() const override;
    Flags flags() const override;
    void initAlgorithm( const QVariantMap &configuration = QVariantMap() ) override;
    RtExportMapAlgorithm *createInstance() const override;

  protected:
    QVariantMap processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback ) override;
};

#endif // RTPROCESSINGEXPORT_H
