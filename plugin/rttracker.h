#ifndef RTTRACKER_H
#define RTTRACKER_H

#include "rtlang.h"
#include "rtpglistener.h"
#include "rtresolution.h"
#include "rtresult.h"
#include "rtstore.h"
#include "rttask.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QVector>

#include <memory>
#include <optional>
#include <vector>

#include <qgsfeatureid.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>

class QgsMapLayer;
class QgsProject;
class QgsVectorLayer;
class RtLayerBinding;
struct RtKeyBinding;

/**
 * \brief The plugin's engine: the open register, the as-of date, and the project layers
 * bound to it. Every widget of the plugin goes through it; it needs QGIS core only, so
 * the edit path is tested headless.
 *
 * The register file is opened for each operation and closed right after, so a change
 * made meanwhile by someone else (`restrack set-status` in a shell, a colleague on a
 * shared drive) is seen at the next read, and the file is never held locked.
 *
 * The register path is saved in the project (entry "ResolutionTracker/registerPath") when
 * the user opens one; the bindings are saved on their layers (RtLayerBinding::store()).
 * Both are restored when a project is read.
 *
 * A register on a PostgreSQL server is shared live between desks: the tracker listens to
 * it (RtPgListener) and reads the tasks again when another desk changes one
 * (remoteChangesRead()), when the server was unreachable and is back (registerReconnected();
 * changes made meanwhile were not heard, so everything is read again), and says when it is
 * unreachable (registerUnreachable()).
 */
class RtTracker : public QObject
{
    Q_OBJECT

  public:
    //! The project entry scope of the plugin.
    static QString projectScope();

    explicit RtTracker( QgsProject *project, QObject *parent = nullptr );
    ~RtTracker() override;

    QgsProject *project() const { return mProject; }

    // --- the register ------------------------------------------------------------------

    /**
     * Opens the register at \a path and reads the resolution and its tasks. With \a remember
     * the path is saved in the project. On failure the register open before stays open.
     */
    RtStatusResult openRegister( const QString &path, bool remember = false );

    /**
     * The register a session starts with: the project's saved one, else the bundled one
     * (RtPluginPaths::bundledRegister(); an installed read-only copy is copied to the QGIS
     * profile first). Fails, saying where it looked, when there is none: the UI then asks.
     */
    RtStatusResult openDefaultRegister();

    //! The register path saved in the project, resolved against the project's folder; empty if none.
    QString projectRegisterPath() const;

    void closeRegister();
    bool hasRegister() const { return !mPath.isEmpty(); }
    QString registerPath() const { return mPath; }
    const RtDocumentInfo &document() const { return mDocument; }
    const RtResolution &resolution() const { return mResolution; }
    //! Every resolution of the open register, in the order they were added.
    const QVector<RtDocumentInfo> &resolutions() const { return mResolutions; }

    /**
     * The resolutions (stored numbers) whose tasks the panel and the bound layers show; empty:
     * all. The tasks are filtered before the join, as `restrack join --resolution` does.
     */
    QStringList chosenResolutions() const { return mChosen; }

    /**
     * Shows the tasks of \a numbers only (stored numbers of the open register; empty: all):
     * the tasks are read again, the bound layers recoloured, and the choice is saved in the
     * project (entry "ResolutionTracker/resolutions"). A number the register does not hold is
     * refused with nothing changed.
     */
    RtStatusResult setChosenResolutions( const QStringList &numbers );

    //! Every task with its current status (as recorded now), in register order.
    const QVector<RtTask> &currentTasks() const { return mCurrent; }
    //! Every task with its status as of asOf(): what the panel and the map show.
    const QVector<RtTask> &tasksAsOf() const { return mAsOfTasks; }
    std::optional<RtTask> currentTask( const QString &taskId ) const;
    std::optional<RtTask> taskAsOf( const QString &taskId ) const;

    //! The date the statuses are shown for (default today; never before the resolution).
    QDate asOf() const { return mAsOf; }
    /**
     * Shows the statuses as of \a date (invalid: today). A date before the open register's
     * resolution is refused, with the date unchanged and a message naming the resolution's
     * date (RtTasksAsOf, the rule the export and the CLI follow).
     */
    RtStatusResult setAsOf( const QDate &date );

    /**
     * Which tasks colour a place on the bound layers (RtJoinOptions::withDirectives): off (the
     * default), its concrete commitments, directive items only where no commitment names
     * it; on, every task naming it. The plugin keeps it as a setting; the export follows it.
     */
    void setWithDirectives( bool withDirectives );
    bool withDirectives() const { return mWithDirectives; }

    RtLang language() const { return mLang; }
    void setLanguage( RtLang lang ) { mLang = lang; }

    //! The status history of a task, oldest first, read from the file now.
    RtResult<QVector<RtHistoryEntry>> history( const QString &taskId ) const;

    //! Reads the tasks again from the file (someone else may have changed them).
    RtStatusResult refresh();

    //! When the tasks shown were last read from the register (local time).
    QDateTime lastReadAt() const { return mReadAt; }
    //! The open register is a PostgreSQL one and changes of other desks are listened to.
    bool isListening() const { return mListener && mListener->isListening(); }
    /**
     * A change of another desk in words, for the message bar: "Phòng QLĐT changed
     * CM-QHPK-A3: In progress → Done" (statuses as labels in \a lang, the database user
     * named when it is not the person recorded).
     */
    static QString describeRemoteChange( const RtRemoteChange &change, RtLang lang );

    /**
     * Records a status change (RtStore::setStatus) and shows it at once: the task, the
     * statuses as of the date, every bound layer's colours. \a change.expected should be
     * the status the user saw; when the stored status differs (someone changed the task
     * meanwhile) the store refuses the edit as RtErrorKind::Stale with nothing written:
     * \a stale is set and the tasks are read again from the file (registerChanged()). Other
     * failures keep their kind (Busy: another program holds the register; ReadOnly; …).
     */
    RtStatusResult changeStatus( const RtStatusChange &change, bool *stale = nullptr );

    /**
     * Links a task to features of a bound layer (\a link) or unlinks it from them: the
     * features' keys ("kind:key", as the binding reads them) are added to or removed from
     * the task's places (RtStore::setTaskPlaces()), based on the places last read; a change
     * made meanwhile by someone else is refused (RtErrorKind::Stale, \a stale set) and the
     * tasks are read again.
     * \a changed, when set, receives how many places were added or removed.
     */
    RtStatusResult setFeaturesLinked( const QString &taskId, QgsVectorLayer *layer, const QgsFeatureIds &fids, bool link,
                                      bool *stale = nullptr, int *changed = nullptr );

    // --- bound layers ------------------------------------------------------------------

    /**
     * Binds \a layer: reads its keys, saves the binding on the layer, shows the statuses.
     * Binding a bound layer again replaces its binding.
     */
    RtResult<RtLayerBinding *> bindLayer( QgsVectorLayer *layer, const RtKeyBinding &binding );

    /**
     * Binds \a layer as bindLayer() does, but a layer of backgroundThreshold() features or
     * more has its keys read by a task of QGIS's task manager (progress in the status bar,
     * cancellable) while QGIS stays usable. layerBound() tells when it is done, at once for
     * a smaller layer.
     */
    void bindLayerLater( QgsVectorLayer *layer, const RtKeyBinding &binding );
    //! From this many features on, bindLayerLater() reads the keys on another thread.
    static int backgroundThreshold();
    //! The layer's keys are being read for a binding.
    bool isBinding( const QgsVectorLayer *layer ) const;

    //! Removes the binding and what it added to the layer (a binding still reading is cancelled).
    void unbindLayer( QgsVectorLayer *layer );

    RtLayerBinding *binding( const QgsVectorLayer *layer ) const;
    QList<RtLayerBinding *> bindings() const;

    /**
     * Binds the project's layers that carry a saved binding, and the layers of the bundled
     * sample (RtLayerBinding::sampleBinding()) that carry none. Layers already bound are
     * left as they are. Returns the messages of the layers that could not be bound; big
     * layers are bound in the background (bindLayerLater()) and answer by layerBound().
     */
    QStringList restoreBindings();

    //! The features of each bound layer a task is on.
    QHash<QgsVectorLayer *, QgsFeatureIds> featuresOfTask( const QString &taskId ) const;

    //! The place keys ("zone:A3") of \a layer's feature \a fid as its tasks state them.
    QStringList placeKeysOfFeature( QgsVectorLayer *layer, QgsFeatureId fid ) const;

    //! Names of the places the bound layers hold ("ward:06715" → "Phường Hải Hòa"), for the panel.
    QHash<QString, QString> placeNames() const;

    //! Recomputes every bound layer's colours (after the as-of date or the tasks changed).
    void updateLayers();

    /**
     * Brings every bound layer's virtual status field up to its colours. After a status
     * change the map is recoloured at once and the field follows a moment later (it is
     * a key → status map that takes a while to rewrite on a big layer); called by a
     * timer, before the project is written, and by tests.
     */
    void syncLiveFields();

  signals:
    //! A register was opened, closed or read again: everything shown must be reset.
    void registerChanged();
    //! One task's status changed (through this tracker).
    void taskChanged( const QString &taskId );
    void asOfChanged( const QDate &date );
    //! A layer was bound or unbound.
    void bindingsChanged();
    //! A bound layer's colours were recomputed.
    void layerUpdated( QgsVectorLayer *layer );
    //! bindLayerLater() is done with \a layer: bound, or not with \a error saying why.
    void layerBound( QgsVectorLayer *layer, const QString &error );
    //! Other desks changed these tasks; they have been read again (registerChanged() came first).
    void remoteChangesRead( const QVector<RtRemoteChange> &changes );
    //! The register's server cannot be reached (\a why: the connection's reason); what is shown was read at lastReadAt().
    void registerUnreachable( const QString &why );
    //! The server is reachable again and the tasks have been read again.
    void registerReconnected();

  private slots:
    void onProjectRead();
    void onProjectCleared();
    void onLayersAdded( const QList<QgsMapLayer *> &layers );
    void onLayerWillBeRemoved( const QString &layerId );

  private:
    RtStatusResult readAll( const QString &path );
    //! After a write: the tasks and their statuses as of the date read back, layers and views told.
    RtStatusResult reloadAfterWrite( const QString &taskId );
    //! Reads the statuses as of \a date into the as-of tasks (RtTasksAsOf).
    RtStatusResult computeAsOf( const QDate &date );
    void connectLayer( QgsVectorLayer *layer );
    //! Makes \a binding (keys read) the layer's: replaces an earlier one, saves it, shows the statuses.
    RtLayerBinding *install( std::unique_ptr<RtLayerBinding> binding );
    void cancelPendingBinding( QgsVectorLayer *layer );
    //! Listens to the open register when it is a PostgreSQL one; stops listening otherwise.
    void updateListener();
    void onRemoteChange( const RtRemoteChange &change );
    //! Reads the tasks again once for the changes heard in a burst (an import writes many rows).
    void readRemoteChanges();
    void onListenerReconnected();

    QPointer<QgsProject> mProject;
    QString mPath;
    RtDocumentInfo mDocument;
    RtResolution mResolution;
    QVector<RtDocumentInfo> mResolutions;
    QStringList mChosen;  //!< stored numbers; empty: every resolution
    QVector<RtTask> mCurrent;
    QVector<RtTask> mAsOfTasks;
    QHash<QString, int> mIndexOfTask;
    QDate mAsOf;
    RtLang mLang = RtLang::Vi;
    bool mWithDirectives = false;
    std::vector<std::unique_ptr<RtLayerBinding>> mBindings;
    bool mRestoring = false;
    QTimer mLiveFieldTimer;  //!< syncLiveFields() once the user pauses
    QHash<QgsVectorLayer *, QPointer<QgsTask>> mPendingBindings;  //!< keys being read (bindLayerLater())
    QDateTime mReadAt;
    std::unique_ptr<RtPgListener> mListener;  //!< only for a PostgreSQL register
    QVector<RtRemoteChange> mRemoteChanges;   //!< heard, not read yet
    QTimer mRemoteTimer;
    //! Status changes this tracker wrote (task id, status code): their notifications are not news.
    QVector<QPair<QString, QString>> mOwnWrites;
};

#endif // RTTRACKER_H
