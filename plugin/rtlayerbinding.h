#ifndef RTLAYERBINDING_H
#define RTLAYERBINDING_H

#include "rtjoin.h"
#include "rtlivejoin.h"
#include "rtresult.h"
#include "rttask.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

#include <qgsfeatureid.h>

class QgsFeatureRenderer;
class QgsVectorLayer;
class RtKeyReader;
class RtStatusSource;
class RtStatusTable;

/**
 * \brief A layer of the QGIS project bound to the register: the fields that hold its place
 * keys, its features' keys, and the live status each feature shows.
 *
 * The binding never writes into the user's data. Two things show the statuses:
 *
 * - the layer's renderer, an RtStatusRenderer: a categorized renderer on the status field
 *   that finds each feature's status by its id in a table the binding keeps, so that
 *   drawing reads no attribute. A status change recounts only the features of the changed
 *   task (RtLiveJoin), swaps the table and repaints: a few milliseconds on a
 *   1,000,000-parcel layer.
 * - a virtual (expression) field that looks the feature's key up in a map held by a layer
 *   variable,
 *
 *       coalesce( map_get( json_to_map( @rt_status_map ), to_string( "code" ) ), 'none' )
 *
 *   for the attribute table, labels and expressions, and for QGIS without the plugin: the
 *   field, the variable, the renderer (saved as a plain categorized one on the field) and
 *   the binding itself (a custom property) are saved in the project, so that reopened
 *   without the plugin it still shows the statuses it was saved with. Rewriting the map
 *   costs time on a big layer, so after a status change it is left to syncLiveField(),
 *   which RtTracker calls shortly after and always before the project is written.
 *
 * The field is named "rt_status", the field the styles categorize on. A layer that already
 * has a real rt_status field (the sample layers, or a layer written by `restrack join
 * --write`) keeps it untouched; the live field is then "rt_status_live" and the layer's
 * renderer categorizes on it instead.
 *
 * The keys are read once per binding (attributes only, no geometry) and again after the
 * layer's edits are committed.
 */
class RtLayerBinding
{
    Q_DECLARE_TR_FUNCTIONS( RtLayerBinding )

  public:
    //! The name of the layer variable holding the key → status map (JSON).
    static QString mapVariable();
    //! The name of the layer variable holding the as-of date of that map.
    static QString asOfVariable();
    //! The custom property of the layer that holds the binding (JSON), saved in the project.
    static QString bindingProperty();

    RtLayerBinding( QgsVectorLayer *layer, const RtKeyBinding &binding );
    ~RtLayerBinding();
    RtLayerBinding( const RtLayerBinding & ) = delete;
    RtLayerBinding &operator=( const RtLayerBinding & ) = delete;

    QgsVectorLayer *layer() const { return mLayer; }
    const RtKeyBinding &binding() const { return mBinding; }

    /**
     * Reads the key values of every feature (no geometry). Refused, with a message naming
     * the layer and its fields, when a key field is missing.
     */
    RtStatusResult readKeys();

    //! Takes the keys \a reader has read (on another thread: RtKeyReadTask) for this layer.
    void adoptKeys( RtKeyReader &reader );

    //! Joins \a tasks (their status as of \a asOf) to the features read, without showing it.
    RtJoinResult join( const QVector<RtTask> &tasks, const QDate &asOf ) const;

    /**
     * Which tasks colour a feature (RtJoinOptions::withDirectives): its concrete commitments
     * (off, the default) or every task naming it. The next update() joins again.
     */
    void setWithDirectives( bool withDirectives );
    bool withDirectives() const { return mJoinOptions.withDirectives; }

    /**
     * Joins \a tasks (their status as of \a asOf) to the features and shows the result: the
     * renderer's statuses, our style when the layer has none, and a repaint. When only
     * statuses changed since the last call, only the features of the changed tasks are
     * recounted. The virtual field follows at once after a full join (first binding, new
     * links, another date), otherwise at the next syncLiveField().
     */
    void update( const QVector<RtTask> &tasks, const QDate &asOf );

    //! The virtual field's map has not caught up with the last update() yet.
    bool liveFieldStale() const { return mLiveFieldStale; }
    //! Brings the virtual field's map (the layer variable) up to the last update().
    void syncLiveField();

    /**
     * Removes what the binding added to the layer: the virtual field, the variables, the
     * stored binding; the renderer the layer had before is given back.
     */
    void detach();

    //! Takes over what \a previous must give back on detach() (the layer's own style).
    void inheritFrom( RtLayerBinding &previous );

    //! The result of the last update().
    const RtJoinResult &result() const { return mLive.result(); }
    //! Messages about the layer's keys (numeric GSO codes, …).
    QStringList warnings() const { return mWarnings; }
    //! The features a task is linked to (empty when it is on none of this layer's features).
    QgsFeatureIds featuresOfTask( const QString &taskId ) const;
    //! The tasks linked to a feature, in task order.
    QStringList tasksOfFeature( QgsFeatureId fid ) const;
    //! The key values of a feature as RtJoin compares them; empty for an unknown feature.
    QStringList keyValues( QgsFeatureId fid ) const;
    //! The status a feature shows.
    RtFeatureStatus statusOfFeature( QgsFeatureId fid ) const;
    //! Number of features read by readKeys().
    int featureCount() const { return mLive.features().size(); }

    //! "rt_status", or "rt_status_live" when the layer has a real rt_status field.
    QString liveFieldName() const;
    //! The expression of the virtual field.
    QString liveFieldExpression() const;
    //! The expression that gives a feature's key as the map holds it.
    QString keyExpression() const;

    //! The binding saved on \a layer, if any.
    static std::optional<RtKeyBinding> stored( const QgsVectorLayer *layer );
    //! Saves \a binding on \a layer (a custom property, written with the project).
    static void store( QgsVectorLayer *layer, const RtKeyBinding &binding );

    /**
     * The binding of a layer of the bundled sample (mongcai-layers.gpkg: wards_2023 by
     * gso_code, zones by code, sites and site_lines by site_id), recognised by its table
     * and key field; none for any other layer.
     */
    static std::optional<RtKeyBinding> sampleBinding( const QgsVectorLayer *layer );

    //! What \a layer is to be bound to when it comes back: its stored binding, else its sample one.
    static std::optional<RtKeyBinding> toRestore( const QgsVectorLayer *layer );

    static QString toJson( const RtKeyBinding &binding );
    static std::optional<RtKeyBinding> fromJson( const QString &json );

  private:
    void applyLiveField();
    void applyRenderer();

    QPointer<QgsVectorLayer> mLayer;
    RtKeyBinding mBinding;
    RtLiveJoin mLive;                       //!< the features' keys and the last join
    RtJoinOptions mJoinOptions;             //!< which tasks colour a feature
    QVector<QString> mKeyTexts;             //!< the key of each feature as the map holds it (input order)
    QStringList mWarnings;
    QDate mAsOf;
    bool mLiveFieldStale = false;
    std::shared_ptr<RtStatusSource> mSource;             //!< shared with the renderer's copies
    std::shared_ptr<const RtStatusTable> mTable;         //!< what mSource holds
    std::unique_ptr<QgsFeatureRenderer> mPreviousRenderer; //!< given back by detach()
    QString mPreviousClassAttribute;                       //!< when we only redirected the layer's own renderer
};

#endif // RTLAYERBINDING_H
