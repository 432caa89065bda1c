#ifndef RTPROCESSINGSESSIONPACK_H
#define RTPROCESSINGSESSIONPACK_H

#include "rtprocessingalgorithm.h"

/**
 * \brief Processing algorithm "Make the session pack" (resolutiontracker:sessionpack):
 * `restrack session-pack` in the Processing toolbox, the Model Designer and `qgis_process`.
 *
 * The body is RtSessionPack (the map library the CLI and the plugin use). The pages are
 * print layouts, exported on the application's thread (FlagNoThreading); the PDF and the
 * optional XLSX are written through RtOutputFile, so a cancelled run leaves no file.
 */
class RtSessionPackAlgorithm : public RtProcessingAlgorithm
{
    Q_DECLARE_TR_FUNCTIONS( RtSessionPackAlgorithm )

  public:
    static constexpr const char *LAYERS = "LAYERS";
    static constexpr const char *SINCE = "SINCE";
    static constexpr const char *UNITS = "UNITS";
    static constexpr const char *LANGUAGE = "LANGUAGE";
    static constexpr const char *WITH_DIRECTIVES = "WITH_DIRECTIVES";
    static constexpr const char *TEMPLATE = "TEMPLATE";
    static constexpr const char *CADASTRE = "CADASTRE";
    static constexpr const char *OUTPUT = "OUTPUT";
    static constexpr const char *TABLES = "TABLES";
    static constexpr const char *PAGES = "PAGES";

    QString name() const override;
    QString displayName() const override;
    QStringList tags() const override;
    QString shortDescription() const override;
    QString shortHelpString() const override;
    Flags flags() const override;
    void initAlgorithm( const QVariantMap &configuration = QVariantMap() ) override;
    RtSessionPackAlgorithm *createInstance() const override;

  protected:
    QVariantMap processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback ) override;
};

#endif // RTPROCESSINGSESSIONPACK_H
