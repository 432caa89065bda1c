#ifndef RTTASKDOCK_H
#define RTTASKDOCK_H

#include "rtresult.h"
#include "rtstore.h"

#include <qgis.h>
#include <qgsdockwidget.h>
#include <qgsfeatureid.h>

#include <QPointer>
#include <QString>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QModelIndex;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTextBrowser;
class QToolButton;
class QTreeView;
class QgisInterface;
class QgsCheckableComboBox;
class QgsDateEdit;
class QgsFilterLineEdit;
class QgsMessageBar;
class QgsVectorLayer;
class RtTaskFilterModel;
class RtTaskTableModel;
class RtTaskTreeModel;
class RtTracker;

/**
 * \brief The panel of Resolution Tracker: the resolution's tasks as a tree (clauses →
 * tasks) and as a sortable table, filters, a diacritic-insensitive search, the as-of
 * date, the selected task's details and history, and the bound layers' reports.
 *
 * Selecting a task selects, zooms to and flashes its features in every bound layer;
 * selecting features of a bound layer (or clicking one with the identify tool) lists
 * their tasks. "Change status…" records a change through RtTracker::changeStatus().
 *
 * Widgets carry object names ("RtTaskTree", "RtFilterStatus", …) for tests and scripts.
 */
class RtTaskDock : public QgsDockWidget
{
    Q_OBJECT

  public:
    //! \a iface may be null (tests): then there is no map to select on and no message bar.
    RtTaskDock( RtTracker *tracker, QgisInterface *iface, QWidget *parent = nullptr );
    ~RtTaskDock() override;

    //! The id of the task shown in the details; empty when none.
    QString currentTaskId() const { return mCurrentTaskId; }

    //! Selects a task in the views, shows its details and its features on the map.
    void selectTask( const QString &taskId );

    //! Lists the tasks of a feature of a bound layer (the place filter is set to its key).
    void showTasksOfFeature( QgsVectorLayer *layer, QgsFeatureId fid );

    //! Shows the identify tool's action as a button of the panel.
    void setIdentifyAction( QAction *action );

    /**
     * Records \a change through the tracker and says how it went in the message bar: done,
     * refused as stale (the panel then shows the task as it is now), or refused.
     */
    RtStatusResult applyStatusChange( const RtStatusChange &change );

    RtTaskFilterModel *treeFilter() const { return mTreeFilter; }
    RtTaskFilterModel *tableFilter() const { return mTableFilter; }

  public slots:
    //! Opens the status dialog for the selected task.
    void changeStatusOfCurrentTask();
    //! Opens the dialog that binds a layer of the project.
    void bindLayer();
    //! Links the selected task to the features selected in the bound layers (or unlinks it).
    void linkSelectedFeatures( bool link );

  private slots:
    void resetModels();
    void onTaskChanged( const QString &taskId );
    void onBindingsChanged();
    void onLayerSelectionChanged();
    void applyFilters();
    void onCurrentChanged( const QModelIndex &current );

  private:
    void fillFilterChoices();
    void fillResolutionChoice();
    void showDetails();
    void showOnMap( const QString &taskId );
    void updateCount();
    void updateLayersReport();
    void message( const QString &text, Qgis::MessageLevel level );
    QString placeLabel( const QString &key ) const;

    QPointer<RtTracker> mTracker;
    QgisInterface *mIface = nullptr; // not owned
    RtTaskTreeModel *mTreeModel = nullptr;
    RtTaskTableModel *mTableModel = nullptr;
    RtTaskFilterModel *mTreeFilter = nullptr;
    RtTaskFilterModel *mTableFilter = nullptr;

    QLabel *mRegisterLabel = nullptr;
    QgsDateEdit *mAsOf = nullptr;
    QComboBox *mResolutionChoice = nullptr;
    QgsCheckableComboBox *mStatusFilter = nullptr;
    QComboBox *mCategoryFilter = nullptr;
    QComboBox *mResponsibleFilter = nullptr;
    QComboBox *mPlaceFilter = nullptr;
    QCheckBox *mOverdueFilter = nullptr;
    QgsFilterLineEdit *mSearch = nullptr;
    QLabel *mCount = nullptr;
    QTabWidget *mTabs = nullptr;
    QTreeView *mTree = nullptr;
    QTableView *mTable = nullptr;
    QTextBrowser *mLayersReport = nullptr;
    QPushButton *mChangeStatusButton = nullptr;
    QPushButton *mLinkButton = nullptr;
    QPushButton *mUnlinkButton = nullptr;
    QToolButton *mIdentifyButton = nullptr;
    QTextBrowser *mDetails = nullptr;
    QTableWidget *mHistory = nullptr;

    QString mCurrentTaskId;
    QHash<QString, QString> mPlaceNames;
    bool mSyncing = false;           //!< a view follows the other: no map work
    bool mSelectingFeatures = false; //!< our own selection of features: not a user's pick
};

#endif // RTTASKDOCK_H
