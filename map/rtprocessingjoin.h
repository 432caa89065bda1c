#ifndef RTPROCESSINGJOIN_H
#define RTPROCESSINGJOIN_H

#include "rtprocessingalgorithm.h"

/**
 * \brief Processing algorithm "Join resolution tasks to a layer" (resolutiontracker:jointasks):
 * `restrack join` in the Processing toolbox, the Model Designer and `qgis_process`.
 *
 * Every feature of the input layer is written to the output with the input's fields and
 * rt_status (RtFeatureStatuses code), rt_tasks (the linked task ids, comma-separated),
 * rt_share_done (0..1) and rt_as_of; fields of those names already in the input are
 * replaced. The keys are read and joined as `restrack join` does (RtJoin::join(), GSO codes
 * in numeric fields with their leading zeros, the same CRS check, an optional key map read
 * by RtLayerKeys::readKeyMap()), so the statuses are the CLI's. Task links that land on no
 * feature and keys that match several are listed in the log and counted in the outputs
 * UNMATCHED and AMBIGUOUS.
 */
class RtJoinTasksAlgorithm : public RtProcessingAlgorithm
{
    Q_DECLARE_TR_FUNCTIONS( RtJoinTasksAlgorithm )

  public:
    static constexpr const char *INPUT = "INPUT";
    static constexpr const char *KIND = "KIND";
    static constexpr const char *KEY_FIELDS = "KEY_FIELDS";
    static constexpr const char *MATCH = "MATCH";
    static constexpr const char *KEY_MAP = "KEY_MAP";
    static constexpr const char *KEY_MAP_FROM = "KEY_MAP_FROM";
    static constexpr const char *KEY_MAP_TO = "KEY_MAP_TO";
    static constexpr const char *OUTPUT = "OUTPUT";
    static constexpr const char *FEATURES = "FEATURES";
    static constexpr const char *LINKED_FEATURES = "LINKED_FEATURES";
    static constexpr const char *UNMATCHED = "UNMATCHED";
    static constexpr const char *AMBIGUOUS = "AMBIGUOUS";

    QString name() const override;
    QString displayName() const override;
    QStringList tags() const override;
    QString shortDescription() const override;
    QString shortHelpString() const override;
    void initAlgorithm( const QVariantMap &configuration = QVariantMap() ) override;
    RtJoinTasksAlgorithm *createInstance() const override;

  protected:
    QVariantMap processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback ) override;
};

#endif // RTPROCESSINGJOIN_H
