#include "rttaskdock.h"
#include "rtdatepicker.h"
#include "rtlocale.h"
#include "rtbinddialog.h"
#include "rtcategory.h"
#include "rtjoin.h"
#include "rtlayerbinding.h"
#include "rtstatus.h"
#include "rtstatusdialog.h"
#include "rttaskfiltermodel.h"
#include "rttaskmodel.h"
#include "rttasksasof.h"
#include "rttracker.h"

#include <qgisinterface.h>
#include <qgscheckablecombobox.h>
#include <qgscoordinatetransform.h>
#include <qgsdatetimeedit.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfilterlineedit.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsmessagelog.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

#include <algorithm>

namespace
{
  QString html( const QString &text )
  {
    return text.toHtmlEscaped().replace( QLatin1Char( '\n' ), QLatin1String( "<br>" ) );
  }

  QString row( const QString &label, const QString &value )
  {
    if ( value.trimmed().isEmpty() )
      return QString();
    return QStringLiteral( "<tr><td valign=\"top\"><b>%1</b></td><td>%2</td></tr>" ).arg( html( label ), value );
  }
}

RtTaskDock::RtTaskDock( RtTracker *tracker, QgisInterface *iface, QWidget *parent )
  : QgsDockWidget( parent )
  , mTracker( tracker )
  , mIface( iface )
{
  setObjectName( QStringLiteral( "RtTaskDock" ) );
  setWindowTitle( tr( "Resolution Tracker" ) );

  mTreeModel = new RtTaskTreeModel( this );
  mTableModel = new RtTaskTableModel( this );
  mTreeFilter = new RtTaskFilterModel( this );
  mTreeFilter->setSourceModel( mTreeModel );
  mTableFilter = new RtTaskFilterModel( this );
  mTableFilter->setSourceModel( mTableModel );

  auto *content = new QWidget( this );
  auto *layout = new QVBoxLayout( content );
  layout->setContentsMargins( 4, 4, 4, 4 );

  // The register and the date everything is shown for.
  auto *top = new QHBoxLayout();
  mRegisterLabel = new QLabel( content );
  mRegisterLabel->setObjectName( QStringLiteral( "RtRegisterLabel" ) );
  mRegisterLabel->setWordWrap( true );
  top->addWidget( mRegisterLabel, 1 );
  top->addWidget( new QLabel( tr( "As of" ), content ) );
  mAsOf = rtDatePicker( content, QStringLiteral( "RtAsOfDate" ), mTracker ? mTracker->language() : RtLang::Vi, QDate(),
                       mTracker ? mTracker->asOf() : QDate::currentDate() );
  mAsOf->setToolTip( tr( "Statuses, overdue flags and map colours are shown as they stood on this date" ) );
  top->addWidget( mAsOf );
  layout->addLayout( top );
  // The resolutions of the register whose tasks are shown and colour the map.
  mResolutionChoice = new QComboBox( content );
  mResolutionChoice->setObjectName( QStringLiteral( "RtResolutionChoice" ) );
  mResolutionChoice->setToolTip( tr( "The resolution whose tasks the panel lists and the bound layers are coloured by" ) );
  layout->addWidget( mResolutionChoice );

  // Filters.
  auto *filters = new QGridLayout();
  mSearch = new QgsFilterLineEdit( content );
  mSearch->setObjectName( QStringLiteral( "RtTaskSearch" ) );
  mSearch->setShowSearchIcon( true );
  mSearch->setPlaceholderText( tr( "Search tasks (accents and case ignored)" ) );
  filters->addWidget( mSearch, 0, 0, 1, 4 );
  mStatusFilter = new QgsCheckableComboBox( content );
  mStatusFilter->setObjectName( QStringLiteral( "RtFilterStatus" ) );
  mStatusFilter->setDefaultText( tr( "All statuses" ) );
  mStatusFilter->setToolTip( tr( "Status" ) );
  filters->addWidget( mStatusFilter, 1, 0 );
  mCategoryFilter = new QComboBox( content );
  mCategoryFilter->setObjectName( QStringLiteral( "RtFilterCategory" ) );
  mCategoryFilter->setToolTip( tr( "Category" ) );
  filters->addWidget( mCategoryFilter, 1, 1 );
  mResponsibleFilter = new QComboBox( content );
  mResponsibleFilter->setObjectName( QStringLiteral( "RtFilterResponsible" ) );
  mResponsibleFilter->setToolTip( tr( "Responsible body" ) );
  filters->addWidget( mResponsibleFilter, 1, 2 );
  mPlaceFilter = new QComboBox( content );
  mPlaceFilter->setObjectName( QStringLiteral( "RtFilterPlace" ) );
  mPlaceFilter->setToolTip( tr( "Ward, commune, zone or site" ) );
  filters->addWidget( mPlaceFilter, 2, 0, 1, 2 );
  mOverdueFilter = new QCheckBox( tr( "Overdue only" ), content );
  mOverdueFilter->setObjectName( QStringLiteral( "RtFilterOverdue" ) );
  filters->addWidget( mOverdueFilter, 2, 2 );
  auto *clear = new QToolButton( content );
  clear->setObjectName( QStringLiteral( "RtClearFilters" ) );
  clear->setText( tr( "Clear" ) );
  clear->setToolTip( tr( "Clear every filter and the search" ) );
  filters->addWidget( clear, 2, 3 );
  layout->addLayout( filters );

  auto *actions = new QHBoxLayout();
  mCount = new QLabel( content );
  mCount->setObjectName( QStringLiteral( "RtTaskCount" ) );
  actions->addWidget( mCount, 1 );
  mIdentifyButton = new QToolButton( content );
  mIdentifyButton->setObjectName( QStringLiteral( "RtIdentifyButton" ) );
  mIdentifyButton->setVisible( false );
  actions->addWidget( mIdentifyButton );
  mChangeStatusButton = new QPushButton( tr( "Change status…" ), content );
  mChangeStatusButton->setObjectName( QStringLiteral( "RtChangeStatusButton" ) );
  mChangeStatusButton->setEnabled( false );
  actions->addWidget( mChangeStatusButton );
  layout->addLayout( actions );
  auto *linkRow = new QHBoxLayout();
  linkRow->addStretch( 1 );
  mLinkButton = new QPushButton( tr( "Link selected features" ), content );
  mLinkButton->setObjectName( QStringLiteral( "RtLinkFeaturesButton" ) );
  mLinkButton->setToolTip( tr( "Add the features selected on the map to the places of the selected task" ) );
  mLinkButton->setEnabled( false );
  linkRow->addWidget( mLinkButton );
  mUnlinkButton = new QPushButton( tr( "Unlink" ), content );
  mUnlinkButton->setObjectName( QStringLiteral( "RtUnlinkFeaturesButton" ) );
  mUnlinkButton->setToolTip( tr( "Remove the features selected on the map from the places of the selected task" ) );
  mUnlinkButton->setEnabled( false );
  linkRow->addWidget( mUnlinkButton );
  layout->addLayout( linkRow );

  auto *splitter = new QSplitter( Qt::Vertical, content );
  mTabs = new QTabWidget( splitter );
  mTabs->setObjectName( QStringLiteral( "RtTaskTabs" ) );
  mTree = new QTreeView( mTabs );
  mTree->setObjectName( QStringLiteral( "RtTaskTree" ) );
  mTree->setModel( mTreeFilter );
  mTree->setUniformRowHeights( true );
  mTree->setSelectionMode( QAbstractItemView::SingleSelection );
  mTree->setIndentation( 12 ); // clauses nest five deep: keep room for the titles
  mTree->header()->setStretchLastSection( false );
  mTree->header()->setMinimumSectionSize( 40 );
  mTree->header()->setSectionResizeMode( RtTaskTreeModel::ColumnTitle, QHeaderView::Stretch );
  mTree->header()->setSectionResizeMode( RtTaskTreeModel::ColumnStatus, QHeaderView::Interactive );
  mTree->header()->setSectionResizeMode( RtTaskTreeModel::ColumnDeadline, QHeaderView::Interactive );
  mTree->header()->resizeSection( RtTaskTreeModel::ColumnStatus, 110 );
  mTree->header()->resizeSection( RtTaskTreeModel::ColumnDeadline, 80 );
  mTabs->addTab( mTree, tr( "Resolution" ) );
  mTable = new QTableView( mTabs );
  mTable->setObjectName( QStringLiteral( "RtTaskTable" ) );
  mTable->setModel( mTableFilter );
  mTable->setSortingEnabled( true );
  mTable->sortByColumn( RtTaskTableModel::ColumnId, Qt::AscendingOrder );
  mTable->setSelectionBehavior( QAbstractItemView::SelectRows );
  mTable->setSelectionMode( QAbstractItemView::SingleSelection );
  mTable->verticalHeader()->setVisible( false );
  mTable->horizontalHeader()->setStretchLastSection( true );
  mTabs->addTab( mTable, tr( "Table" ) );
  auto *layersTab = new QWidget( mTabs );
  auto *layersLayout = new QVBoxLayout( layersTab );
  mLayersReport = new QTextBrowser( layersTab );
  mLayersReport->setObjectName( QStringLiteral( "RtLayersReport" ) );
  layersLayout->addWidget( mLayersReport );
  auto *bindButton = new QPushButton( tr( "Bind a layer…" ), layersTab );
  bindButton->setObjectName( QStringLiteral( "RtBindLayerButton" ) );
  layersLayout->addWidget( bindButton );
  mTabs->addTab( layersTab, tr( "Layers" ) );

  auto *detailsPane = new QWidget( splitter );
  auto *detailsLayout = new QVBoxLayout( detailsPane );
  detailsLayout->setContentsMargins( 0, 0, 0, 0 );
  mDetails = new QTextBrowser( detailsPane );
  mDetails->setObjectName( QStringLiteral( "RtTaskDetails" ) );
  mDetails->setOpenExternalLinks( false );
  detailsLayout->addWidget( mDetails, 3 );
  mHistory = new QTableWidget( 0, 6, detailsPane );
  mHistory->setObjectName( QStringLiteral( "RtTaskHistory" ) );
  mHistory->setHorizontalHeaderLabels( { tr( "Since" ), tr( "Status" ), tr( "By" ), tr( "Note" ), tr( "Evidence" ), tr( "Recorded (UTC)" ) } );
  mHistory->setEditTriggers( QAbstractItemView::NoEditTriggers );
  mHistory->verticalHeader()->setVisible( false );
  mHistory->horizontalHeader()->setStretchLastSection( true );
  mHistory->setWordWrap( true );
  detailsLayout->addWidget( mHistory, 2 );
  splitter->addWidget( mTabs );
  splitter->addWidget( detailsPane );
  splitter->setStretchFactor( 0, 3 );
  splitter->setStretchFactor( 1, 2 );
  layout->addWidget( splitter, 1 );
  setWidget( content );

  connect( mAsOf, &QDateTimeEdit::dateChanged, this, [this]( const QDate &date )
  {
    if ( !mTracker || !date.isValid() )
      return;
    // The picker starts at the resolution's date; should a refused date still come, say why.
    const RtStatusResult set = mTracker->setAsOf( date );
    if ( !set.ok() )
    {
      const QSignalBlocker blocker( mAsOf );
      mAsOf->setDate( mTracker->asOf() );
      message( set.error(), Qgis::MessageLevel::Warning );
    }
  } );
  connect( mResolutionChoice, qOverload<int>( &QComboBox::activated ), this, [this]( int index )
  {
    if ( !mTracker )
      return;
    const QString number = mResolutionChoice->itemData( index ).toString();
    const RtStatusResult set = mTracker->setChosenResolutions( number.isEmpty() ? QStringList() : QStringList { number } );
    if ( !set.ok() )
    {
      message( set.error(), Qgis::MessageLevel::Warning );
      fillResolutionChoice();
    }
  } );
  connect( mSearch, &QgsFilterLineEdit::valueChanged, this, &RtTaskDock::applyFilters );
  connect( mStatusFilter, &QgsCheckableComboBox::checkedItemsChanged, this, &RtTaskDock::applyFilters );
  connect( mCategoryFilter, qOverload<int>( &QComboBox::currentIndexChanged ), this, &RtTaskDock::applyFilters );
  connect( mResponsibleFilter, qOverload<int>( &QComboBox::currentIndexChanged ), this, &RtTaskDock::applyFilters );
  connect( mPlaceFilter, qOverload<int>( &QComboBox::currentIndexChanged ), this, &RtTaskDock::applyFilters );
  connect( mOverdueFilter, &QCheckBox::toggled, this, &RtTaskDock::applyFilters );
  connect( clear, &QToolButton::clicked, this, [this]
  {
    const QSignalBlocker b1( mSearch ), b2( mStatusFilter ), b3( mCategoryFilter ), b4( mResponsibleFilter ), b5( mPlaceFilter ), b6( mOverdueFilter );
    mSearch->clear();
    for ( int i = 0; i < mStatusFilter->count(); ++i )
      mStatusFilter->setItemCheckState( i, Qt::Unchecked );
    mCategoryFilter->setCurrentIndex( 0 );
    mResponsibleFilter->setCurrentIndex( 0 );
    mPlaceFilter->setCurrentIndex( 0 );
    mOverdueFilter->setChecked( false );
    applyFilters();
  } );
  connect( mTree->selectionModel(), &QItemSelectionModel::currentChanged, this, &RtTaskDock::onCurrentChanged );
  connect( mTable->selectionModel(), &QItemSelectionModel::currentChanged, this, &RtTaskDock::onCurrentChanged );
  connect( mChangeStatusButton, &QPushButton::clicked, this, &RtTaskDock::changeStatusOfCurrentTask );
  connect( mLinkButton, &QPushButton::clicked, this, [this] { linkSelectedFeatures( true ); } );
  connect( mUnlinkButton, &QPushButton::clicked, this, [this] { linkSelectedFeatures( false ); } );
  connect( bindButton, &QPushButton::clicked, this, &RtTaskDock::bindLayer );
  connect( mTreeFilter, &QAbstractItemModel::modelReset, mTree, &QTreeView::expandAll );
  connect( mTreeFilter, &QAbstractItemModel::layoutChanged, mTree, &QTreeView::expandAll );
  connect( mTreeFilter, &QAbstractItemModel::rowsInserted, mTree, &QTreeView::expandAll );

  if ( mTracker )
  {
    connect( mTracker, &RtTracker::registerChanged, this, &RtTaskDock::resetModels );
    connect( mTracker, &RtTracker::asOfChanged, this, &RtTaskDock::resetModels );
    connect( mTracker, &RtTracker::taskChanged, this, &RtTaskDock::onTaskChanged );
    connect( mTracker, &RtTracker::bindingsChanged, this, &RtTaskDock::onBindingsChanged );
    connect( mTracker, &RtTracker::layerUpdated, this, &RtTaskDock::updateLayersReport );
  }
  onBindingsChanged();
  resetModels();
}

RtTaskDock::~RtTaskDock() = default;

void RtTaskDock::setIdentifyAction( QAction *action )
{
  mIdentifyButton->setDefaultAction( action );
  mIdentifyButton->setVisible( action );
}

// --- models and filters --------------------------------------------------------------

void RtTaskDock::fillResolutionChoice()
{
  const QSignalBlocker blocker( mResolutionChoice );
  mResolutionChoice->clear();
  mResolutionChoice->addItem( tr( "All resolutions" ), QString() );
  if ( !mTracker )
    return;
  const RtLang lang = mTracker->language();
  for ( const RtDocumentInfo &r : mTracker->resolutions() )
  {
    mResolutionChoice->addItem( tr( "Resolution %1 of %2" ).arg( r.number, rtDateText( r.date, lang ) ), r.number );
    mResolutionChoice->setItemData( mResolutionChoice->count() - 1, r.title, Qt::ToolTipRole );
  }
  const QStringList chosen = mTracker->chosenResolutions();
  const int index = chosen.size() == 1 ? mResolutionChoice->findData( chosen.first() ) : 0;
  mResolutionChoice->setCurrentIndex( std::max( index, 0 ) );
  mResolutionChoice->setEnabled( mTracker->resolutions().size() > 1 );
}

void RtTaskDock::resetModels()
{
  if ( !mTracker )
    return;
  const QString keep = mCurrentTaskId;
  const RtLang lang = mTracker->language();
  {
    const QSignalBlocker blocker( mAsOf );
    if ( RtTasksAsOf::earliest( mTracker->document() ).isValid() )
      mAsOf->setMinimumDate( RtTasksAsOf::earliest( mTracker->document() ) );
    mAsOf->setDate( mTracker->asOf() );
  }
  mTreeModel->setPlaceNames( mPlaceNames );
  mTableModel->setPlaceNames( mPlaceNames );
  mTreeModel->setRegister( mTracker->resolution(), mTracker->tasksAsOf(), mTracker->asOf(), lang );
  mTableModel->setTasks( mTracker->tasksAsOf(), mTracker->asOf(), lang );
  mTree->expandAll();

  if ( mTracker->hasRegister() )
  {
    RtDocumentInfo doc = mTracker->document();
    const QStringList chosen = mTracker->chosenResolutions();
    for ( const RtDocumentInfo &r : mTracker->resolutions() )
      if ( chosen.size() == 1 && r.number == chosen.first() )
        doc = r;
    mRegisterLabel->setText( tr( "Resolution %1 of %2 — %n task(s)", nullptr, mTracker->tasksAsOf().size() )
                             .arg( doc.number, rtDateText( doc.date, lang ) ) );
    mRegisterLabel->setToolTip( mTracker->registerPath() );
  }
  else
  {
    mRegisterLabel->setText( tr( "No register is open: use Plugins ▸ Resolution Tracker ▸ Open a register…" ) );
    mRegisterLabel->setToolTip( QString() );
  }
  fillFilterChoices();
  fillResolutionChoice();
  mCurrentTaskId.clear();
  if ( !keep.isEmpty() && mTracker->taskAsOf( keep ) )
  {
    // The same task again, without moving the map: the user did not pick anything new.
    mSyncing = true;
    selectTask( keep );
    mSyncing = false;
  }
  showDetails();
  updateCount();
}

void RtTaskDock::fillFilterChoices()
{
  if ( !mTracker )
    return;
  const RtLang lang = mTracker->language();
  const QVector<RtTask> &tasks = mTracker->tasksAsOf();

  const QSignalBlocker b1( mStatusFilter ), b2( mCategoryFilter ), b3( mResponsibleFilter ), b4( mPlaceFilter );
  const QVariantList checked = mStatusFilter->checkedItemsData();
  mStatusFilter->clear();
  for ( RtStatus status : RtStatuses::all() )
    mStatusFilter->addItemWithCheckState( RtStatuses::label( status, lang ),
                                          checked.contains( static_cast<int>( status ) ) ? Qt::Checked : Qt::Unchecked,
                                          static_cast<int>( status ) );

  const QString category = mCategoryFilter->currentData().toString();
  mCategoryFilter->clear();
  mCategoryFilter->addItem( tr( "All categories" ), QString() );
  for ( const QString &code : RtCategories::codes() )
  {
    const bool used = std::any_of( tasks.cbegin(), tasks.cend(), [&code]( const RtTask &t ) { return t.category == code; } );
    if ( used )
      mCategoryFilter->addItem( RtCategories::label( code, lang ), code );
  }
  mCategoryFilter->setCurrentIndex( std::max( 0, mCategoryFilter->findData( category ) ) );

  const QString responsible = mResponsibleFilter->currentData().toString();
  QStringList bodies;
  for ( const RtTask &t : tasks )
    if ( !t.responsible.trimmed().isEmpty() && !bodies.contains( t.responsible.trimmed() ) )
      bodies << t.responsible.trimmed();
  std::sort( bodies.begin(), bodies.end(), []( const QString &a, const QString &b ) { return QString::localeAwareCompare( a, b ) < 0; } );
  mResponsibleFilter->clear();
  mResponsibleFilter->addItem( tr( "All responsible bodies" ), QString() );
  for ( const QString &body : std::as_const( bodies ) )
    mResponsibleFilter->addItem( body, body );
  mResponsibleFilter->setCurrentIndex( std::max( 0, mResponsibleFilter->findData( responsible ) ) );

  const QString place = mPlaceFilter->currentData().toString();
  QStringList keys;
  for ( const RtTask &t : tasks )
    for ( const QString &p : t.places )
    {
      const QString key = RtTaskModels::placeKey( p );
      if ( !keys.contains( key ) )
        keys << key;
    }
  keys.sort();
  mPlaceFilter->clear();
  mPlaceFilter->addItem( tr( "All places" ), QString() );
  for ( const QString &key : std::as_const( keys ) )
    mPlaceFilter->addItem( placeLabel( key ), key );
  mPlaceFilter->setCurrentIndex( std::max( 0, mPlaceFilter->findData( place ) ) );
  applyFilters();
}

QString RtTaskDock::placeLabel( const QString &key ) const
{
  const QString name = mPlaceNames.value( key );
  return name.isEmpty() ? key : QStringLiteral( "%1 — %2" ).arg( name, key );
}

void RtTaskDock::applyFilters()
{
  QSet<int> statuses;
  for ( const QVariant &v : mStatusFilter->checkedItemsData() )
    statuses.insert( v.toInt() );
  for ( RtTaskFilterModel *filter : { mTreeFilter, mTableFilter } )
  {
    filter->setStatuses( statuses );
    filter->setCategory( mCategoryFilter->currentData().toString() );
    filter->setResponsible( mResponsibleFilter->currentData().toString() );
    filter->setPlace( mPlaceFilter->currentData().toString() );
    filter->setOverdueOnly( mOverdueFilter->isChecked() );
    filter->setSearchText( mSearch->value() );
  }
  mTree->expandAll();
  updateCount();
}

void RtTaskDock::updateCount()
{
  const int total = mTableModel->rowCount();
  const int shown = mTableFilter->rowCount();
  mCount->setText( shown == total ? tr( "%n task(s)", nullptr, total ) : tr( "%1 of %2 tasks" ).arg( shown ).arg( total ) );
}

void RtTaskDock::onTaskChanged( const QString &taskId )
{
  if ( !mTracker )
    return;
  const std::optional<RtTask> task = mTracker->taskAsOf( taskId );
  if ( !task )
    return;
  mTreeModel->updateTask( *task );
  mTableModel->updateTask( *task );
  if ( taskId == mCurrentTaskId )
    showDetails();
  updateCount();
}

// --- selection: task → map, map → tasks -------------------------------------------------

void RtTaskDock::onCurrentChanged( const QModelIndex &current )
{
  if ( mSyncing )
    return;
  const QString id = current.data( RtTaskRoles::TaskId ).toString();
  if ( id.isEmpty() || id == mCurrentTaskId )
    return;
  selectTask( id );
}

void RtTaskDock::selectTask( const QString &taskId )
{
  if ( !mTracker || !mTracker->taskAsOf( taskId ) )
    return;
  const bool moveMap = !mSyncing;
  mCurrentTaskId = taskId;
  // Both views show the task, whichever was clicked.
  const bool wasSyncing = mSyncing;
  mSyncing = true;
  const QModelIndex treeIndex = mTreeFilter->mapFromSource( mTreeModel->indexOfTask( taskId ) );
  if ( treeIndex.isValid() )
  {
    mTree->selectionModel()->setCurrentIndex( treeIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows );
    mTree->scrollTo( treeIndex );
  }
  const QModelIndex tableIndex = mTableFilter->mapFromSource( mTableModel->indexOfTask( taskId ) );
  if ( tableIndex.isValid() )
  {
    mTable->selectionModel()->setCurrentIndex( tableIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows );
    mTable->scrollTo( tableIndex );
  }
  mSyncing = wasSyncing;
  showDetails();
  if ( moveMap )
    showOnMap( taskId );
}

void RtTaskDock::showOnMap( const QString &taskId )
{
  if ( !mTracker )
    return;
  const QHash<QgsVectorLayer *, QgsFeatureIds> features = mTracker->featuresOfTask( taskId );
  mSelectingFeatures = true;
  for ( RtLayerBinding *b : mTracker->bindings() )
  {
    QgsVectorLayer *layer = b->layer();
    const QgsFeatureIds ids = features.value( layer );
    if ( ids.isEmpty() )
      layer->removeSelection();
    else
      layer->selectByIds( ids );
  }
  mSelectingFeatures = false;

  QgsMapCanvas *canvas = mIface ? mIface->mapCanvas() : nullptr;
  if ( !canvas )
    return;
  if ( features.isEmpty() )
  {
    message( tr( "Task %1 is on no feature of the bound layers." ).arg( taskId ), Qgis::MessageLevel::Info );
    return;
  }
  // One extent over every layer the task is on, in the canvas's CRS.
  QgsRectangle extent;
  extent.setMinimal();
  for ( auto it = features.cbegin(); it != features.cend(); ++it )
  {
    QgsVectorLayer *layer = it.key();
    QgsFeatureRequest request;
    request.setFilterFids( it.value() );
    request.setNoAttributes();
    QgsFeatureIterator fit = layer->getFeatures( request );
    QgsFeature f;
    QgsRectangle box;
    box.setMinimal();
    while ( fit.nextFeature( f ) )
      if ( f.hasGeometry() )
        box.combineExtentWith( f.geometry().boundingBox() );
    if ( box.isEmpty() && box.width() < 0 )
      continue;
    try
    {
      const QgsCoordinateTransform ct( layer->crs(), canvas->mapSettings().destinationCrs(), QgsProject::instance() );
      extent.combineExtentWith( ct.transformBoundingBox( box ) );
    }
    catch ( QgsCsException & )
    {
      extent.combineExtentWith( box );
    }
  }
  if ( extent.width() >= 0 && extent.height() >= 0 )
  {
    if ( extent.width() == 0 && extent.height() == 0 )
      extent.grow( 200 ); // a single point: 200 map units around it
    else
      extent.scale( 1.3 );
    canvas->setExtent( extent );
    canvas->refresh();
  }
  for ( auto it = features.cbegin(); it != features.cend(); ++it )
    canvas->flashFeatureIds( it.key(), it.value() );
}

void RtTaskDock::showTasksOfFeature( QgsVectorLayer *layer, QgsFeatureId fid )
{
  if ( !mTracker || !mTracker->binding( layer ) )
    return;
  const QStringList keys = mTracker->placeKeysOfFeature( layer, fid );
  if ( keys.isEmpty() )
  {
    message( tr( "No task of the resolution is on this feature of %1." ).arg( layer->name() ), Qgis::MessageLevel::Info );
    return;
  }
  const QString key = RtTaskModels::placeKey( keys.first() );
  int index = mPlaceFilter->findData( key );
  if ( index < 0 )
  {
    mPlaceFilter->addItem( placeLabel( key ), key );
    index = mPlaceFilter->count() - 1;
  }
  mPlaceFilter->setCurrentIndex( index ); // applies the filter
  const QStringList tasks = mTracker->binding( layer )->tasksOfFeature( fid );
  if ( tasks.size() == 1 )
  {
    mSyncing = true; // the feature is already where the user looks
    selectTask( tasks.first() );
    mSyncing = false;
  }
}

void RtTaskDock::onLayerSelectionChanged()
{
  if ( mSelectingFeatures || !mTracker )
    return;
  auto *layer = qobject_cast<QgsVectorLayer *>( sender() );
  if ( !layer || layer->selectedFeatureCount() == 0 )
    return;
  const QgsFeatureIds selected = layer->selectedFeatureIds();
  showTasksOfFeature( layer, *std::min_element( selected.cbegin(), selected.cend() ) );
}

void RtTaskDock::onBindingsChanged()
{
  if ( !mTracker )
    return;
  for ( RtLayerBinding *b : mTracker->bindings() )
    connect( b->layer(), &QgsVectorLayer::selectionChanged, this, &RtTaskDock::onLayerSelectionChanged, Qt::UniqueConnection );
  QHash<QString, QString> names;
  const QHash<QString, QString> raw = mTracker->placeNames();
  for ( auto it = raw.cbegin(); it != raw.cend(); ++it )
    names.insert( RtTaskModels::placeKey( it.key() ), it.value() );
  mPlaceNames = names;
  mTreeModel->setPlaceNames( mPlaceNames );
  mTableModel->setPlaceNames( mPlaceNames );
  fillFilterChoices();
  updateLayersReport();
}

void RtTaskDock::updateLayersReport()
{
  if ( !mTracker )
    return;
  QStringList parts;
  for ( RtLayerBinding *b : mTracker->bindings() )
    parts << QStringLiteral( "<pre>%1</pre>" ).arg( RtBindDialog::reportText( *b, b->result(), mTracker->language() ).toHtmlEscaped() );
  if ( parts.isEmpty() )
    parts << html( tr( "No layer is bound. Bind a layer of the project to see its features coloured by the status of their tasks." ) );
  mLayersReport->setHtml( parts.join( QString() ) );
}

// --- details ---------------------------------------------------------------------------

void RtTaskDock::showDetails()
{
  mChangeStatusButton->setEnabled( false );
  mLinkButton->setEnabled( false );
  mUnlinkButton->setEnabled( false );
  mHistory->setRowCount( 0 );
  if ( !mTracker || mCurrentTaskId.isEmpty() )
  {
    mDetails->setHtml( html( tr( "Select a task to see its clause, the quote from the resolution, its deadline and its history." ) ) );
    return;
  }
  const std::optional<RtTask> shown = mTracker->taskAsOf( mCurrentTaskId );
  const std::optional<RtTask> current = mTracker->currentTask( mCurrentTaskId );
  if ( !shown || !current )
    return;
  const RtLang lang = mTracker->language();
  const RtTask &t = *shown;
  const QDate asOf = mTracker->asOf();
  const bool overdue = RtStatuses::isOverdue( t.status, t.deadline.date(), asOf );

  QString text = QStringLiteral( "<h3>%1 — %2</h3>" ).arg( html( t.id ), html( lang == RtLang::En && !t.titleEn.isEmpty() ? t.titleEn : t.titleVi ) );
  text += QLatin1String( "<table cellspacing=\"2\">" );
  text += row( tr( "Clause" ), html( RtTaskModels::clauseText( t, lang ) ) );
  text += row( tr( "Quote" ), QStringLiteral( "<i>“%1”</i>" ).arg( html( t.quote ) ) );
  text += row( tr( "Deadline" ), html( RtTaskModels::deadlineText( t.deadline, lang ) ) );
  text += row( tr( "Target" ), html( t.target ) );
  text += row( tr( "Status on %1" ).arg( rtDateText( asOf, lang ) ),
               html( RtTaskModels::statusText( t.status, overdue, lang ) ) );
  if ( current->status != t.status )
    text += row( tr( "Status now" ), html( RtStatuses::label( current->status, lang ) ) );
  text += row( tr( "Responsible" ), html( t.responsible ) );
  QStringList places;
  for ( const QString &p : t.places )
    places << placeLabel( RtTaskModels::placeKey( p ) );
  text += row( tr( "Places" ), html( places.join( QStringLiteral( "; " ) ) ) );
  text += row( tr( "Category" ), html( RtCategories::label( t.category, lang ) ) );
  text += row( tr( "Note" ), html( lang == RtLang::En && !t.noteEn.isEmpty() ? t.noteEn : t.noteVi ) );
  text += QLatin1String( "</table>" );
  mDetails->setHtml( text );
  mChangeStatusButton->setEnabled( true );
  mLinkButton->setEnabled( !mTracker->bindings().isEmpty() );
  mUnlinkButton->setEnabled( !mTracker->bindings().isEmpty() );

  const RtResult<QVector<RtHistoryEntry>> history = mTracker->history( mCurrentTaskId );
  if ( !history.ok() )
  {
    message( history.error(), Qgis::MessageLevel::Warning );
    return;
  }
  const QVector<RtHistoryEntry> &entries = history.value();
  mHistory->setRowCount( entries.size() );
  for ( int i = 0; i < entries.size(); ++i )
  {
    const RtHistoryEntry &e = entries.at( i );
    const QString status = e.oldStatus
                           ? QStringLiteral( "%1 → %2" ).arg( RtStatuses::label( *e.oldStatus, lang ), RtStatuses::label( e.newStatus, lang ) )
                           : RtStatuses::label( e.newStatus, lang );
    const QStringList cells { rtDateText( e.date, lang ), status, e.by, e.note, e.evidence,
                              rtDateTimeText( e.recordedAt, lang ) };
    for ( int c = 0; c < cells.size(); ++c )
    {
      auto *item = new QTableWidgetItem( cells.at( c ) );
      item->setToolTip( cells.at( c ) );
      mHistory->setItem( i, c, item );
    }
  }
  mHistory->resizeColumnsToContents();
}

// --- editing ---------------------------------------------------------------------------

void RtTaskDock::changeStatusOfCurrentTask()
{
  if ( !mTracker || mCurrentTaskId.isEmpty() )
    return;
  // The dialog starts from the status as last read: the edit is based on what the user saw.
  const std::optional<RtTask> current = mTracker->currentTask( mCurrentTaskId );
  if ( !current )
    return;
  RtStatusDialog dialog( *current, mTracker->document(), mTracker->language(), this );
  if ( dialog.exec() != QDialog::Accepted )
    return;
  applyStatusChange( dialog.change() );
}

RtStatusResult RtTaskDock::applyStatusChange( const RtStatusChange &change )
{
  if ( !mTracker )
    return rtFail( tr( "no register is open" ) );
  bool stale = false;
  const RtStatusResult result = mTracker->changeStatus( change, &stale );
  const RtLang lang = mTracker->language();
  if ( result.ok() )
  {
    message( tr( "Task %1 is now “%2” (since %3)." )
             .arg( change.taskId, RtStatuses::label( change.newStatus, lang ), rtDateText( change.date, lang ) ),
             Qgis::MessageLevel::Success );
  }
  else if ( stale )
  {
    const std::optional<RtTask> now = mTracker->currentTask( change.taskId );
    message( tr( "Not recorded: task %1 was changed by someone else meanwhile; it is now “%2”. "
                 "The panel shows it as it is now; make your change again if it still holds." )
             .arg( change.taskId, now ? RtStatuses::label( now->status, lang ) : QString() ),
             Qgis::MessageLevel::Warning );
  }
  else
  {
    message( tr( "Not recorded: %1" ).arg( result.error() ), Qgis::MessageLevel::Critical );
  }
  return result;
}

void RtTaskDock::linkSelectedFeatures( bool link )
{
  if ( !mTracker || mCurrentTaskId.isEmpty() )
    return;
  const QString taskId = mCurrentTaskId;
  int total = 0;
  QStringList layerNames;
  for ( RtLayerBinding *b : mTracker->bindings() )
  {
    QgsVectorLayer *layer = b->layer();
    if ( layer->selectedFeatureCount() == 0 )
      continue;
    // Linking the features of the task itself changes nothing: tell the user to pick others.
    const QgsFeatureIds own = mTracker->featuresOfTask( taskId ).value( layer );
    if ( link && layer->selectedFeatureIds() == own )
      continue;
    bool stale = false;
    int changed = 0;
    const RtStatusResult result = mTracker->setFeaturesLinked( taskId, layer, layer->selectedFeatureIds(), link, &stale, &changed );
    if ( !result.ok() )
    {
      message( stale ? tr( "Not recorded: the places of task %1 were changed by someone else meanwhile. The panel shows them as they are now." ).arg( taskId )
               : tr( "Not recorded: %1" ).arg( result.error() ),
               stale ? Qgis::MessageLevel::Warning : Qgis::MessageLevel::Critical );
      return;
    }
    total += changed;
    layerNames << layer->name();
  }
  if ( total == 0 )
  {
    message( tr( "Select on the map the features to link to task %1 (or to unlink from it), then press the button again." ).arg( taskId ),
             Qgis::MessageLevel::Info );
    return;
  }
  message( link ? tr( "Task %1 is now linked to %n more place(s) in %2.", nullptr, total ).arg( taskId, layerNames.join( QStringLiteral( ", " ) ) )
           : tr( "Task %1 is no longer linked to %n place(s) in %2.", nullptr, total ).arg( taskId, layerNames.join( QStringLiteral( ", " ) ) ),
           Qgis::MessageLevel::Success );
  fillFilterChoices();
}

void RtTaskDock::bindLayer()
{
  if ( !mTracker )
    return;
  QgsVectorLayer *active = mIface ? qobject_cast<QgsVectorLayer *>( mIface->activeLayer() ) : nullptr;
  RtBindDialog dialog( mTracker, active, this );
  if ( dialog.exec() == QDialog::Accepted )
    mTabs->setCurrentIndex( 2 ); // the layers' reports: what matched, what did not
}

void RtTaskDock::message( const QString &text, Qgis::MessageLevel level )
{
  // Refusals stay until read; confirmations go away by themselves.
  const int duration = level == Qgis::MessageLevel::Critical ? 0 : level == Qgis::MessageLevel::Warning ? 20 : 6;
  if ( mIface && mIface->messageBar() )
    mIface->messageBar()->pushMessage( tr( "Resolution Tracker" ), text, level, duration );
  else
    QgsMessageLog::logMessage( text, tr( "Resolution Tracker" ), level );
}
