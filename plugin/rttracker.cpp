#include "rttracker.h"
#include "rtjoin.h"
#include "rtkeyreader.h"
#include "rtlayerbinding.h"
#include "rtpluginpaths.h"
#include "rtstatus.h"
#include "rtstorebackend.h"
#include "rttasksasof.h"

#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsapplication.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QFileInfo>

namespace
{
  const QString sRegisterEntry = QStringLiteral( "/registerPath" );
  const QString sResolutionsEntry = QStringLiteral( "/resolutions" );

  bool isDatabase( const QString &location )
  {
    return RtStoreBackends::kindOf( location ) == RtStoreBackends::Kind::PostgreSql;
  }

  //! A file as an absolute path; a database connection as it is.
  QString normalisedLocation( const QString &location )
  {
    return isDatabase( location ) ? location : QFileInfo( location ).absoluteFilePath();
  }

  //! A field that names the features, for the place filter's labels.
  int nameField( const QgsFields &fields )
  {
    for ( const char *candidate : { "name", "name_vi", "ten", "ten_xa", "ten_dvhc", "label" } )
    {
      const int index = fields.lookupField( QString::fromLatin1( candidate ) );
      if ( index >= 0 )
        return index;
    }
    return -1;
  }
}

QString RtTracker::projectScope()
{
  return QStringLiteral( "ResolutionTracker" );
}

RtTracker::RtTracker( QgsProject *project, QObject *parent )
  : QObject( parent )
  , mProject( project )
  , mAsOf( QDate::currentDate() )
{
  mLiveFieldTimer.setSingleShot( true );
  mLiveFieldTimer.setInterval( 500 );
  connect( &mLiveFieldTimer, &QTimer::timeout, this, &RtTracker::syncLiveFields );
  mRemoteTimer.setSingleShot( true );
  mRemoteTimer.setInterval( 150 );
  connect( &mRemoteTimer, &QTimer::timeout, this, &RtTracker::readRemoteChanges );
  if ( mProject )
  {
    // Emitted before the layers are written: the saved field must match the colours.
    connect( mProject, &QgsProject::writeProject, this, &RtTracker::syncLiveFields );
    connect( mProject, &QgsProject::readProject, this, &RtTracker::onProjectRead );
    connect( mProject, &QgsProject::cleared, this, &RtTracker::onProjectCleared );
    connect( mProject, &QgsProject::layersAdded, this, &RtTracker::onLayersAdded );
    connect( mProject, qOverload<const QString &>( &QgsProject::layerWillBeRemoved ), this, &RtTracker::onLayerWillBeRemoved );
  }
}

RtTracker::~RtTracker()
{
  for ( const QPointer<QgsTask> &task : std::as_const( mPendingBindings ) )
    if ( task )
      task->cancel();
  // Each binding hands its layer back a stock renderer: not a change the user must save.
  const bool wasDirty = mProject && mProject->isDirty();
  mBindings.clear();
  if ( mProject && !wasDirty )
    mProject->setDirty( false );
}

// --- the register ----------------------------------------------------------------------

RtStatusResult RtTracker::readAll( const QString &path )
{
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, false );
  if ( !store.ok() )
    return RtStatusResult::failureFrom( store );
  const RtDocumentInfo document = store.value()->document();
  const RtResult<QVector<RtDocumentInfo>> resolutions = store.value()->resolutions();
  if ( !resolutions.ok() )
    return RtStatusResult::failureFrom( resolutions );
  // A choice made for another register keeps only the numbers this one holds.
  QStringList chosen;
  for ( const RtDocumentInfo &r : resolutions.value() )
    if ( mChosen.contains( r.number ) )
      chosen << r.number;
  // The clause tree the panel shows: the chosen resolution's when one is chosen.
  RtResult<RtResolution> resolution = store.value()->resolution( chosen.size() == 1 ? chosen.first() : QString() );
  if ( !resolution.ok() )
    return RtStatusResult::failureFrom( resolution );
  // The date chosen for another register may precede this one's resolution: this one
  // then starts at today, the default, as a register opened first does.
  const QDate asOf = mAsOf.isValid() && RtTasksAsOf::check( document, mAsOf ).ok() ? mAsOf : QDate::currentDate();
  QVector<RtTask> current;
  RtResult<QVector<RtTask>> asOfTasks = RtTasksAsOf::read( *store.value(), asOf, &current, chosen );
  if ( !asOfTasks.ok() )
    return RtStatusResult::failureFrom( asOfTasks );

  mPath = path;
  mDocument = document;
  mResolution = resolution.takeValue();
  mResolutions = resolutions.value();
  mChosen = chosen;
  mCurrent = std::move( current );
  mAsOf = asOf;
  mIndexOfTask.clear();
  for ( int i = 0; i < mCurrent.size(); ++i )
    mIndexOfTask.insert( mCurrent.at( i ).id, i );
  mAsOfTasks = asOfTasks.takeValue();
  mReadAt = QDateTime::currentDateTime();
  return rtOk();
}

RtStatusResult RtTracker::computeAsOf( const QDate &date )
{
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( mPath, false );
  if ( !store.ok() )
    return RtStatusResult::failureFrom( store );
  const RtResult<QVector<RtTask>> tasks = RtTasksAsOf::read( *store.value(), date, nullptr, mChosen );
  if ( !tasks.ok() )
    return RtStatusResult::failureFrom( tasks );
  QHash<QString, RtStatus> statuses;
  for ( const RtTask &t : tasks.value() )
    statuses.insert( t.id, t.status );
  for ( RtTask &t : mAsOfTasks )
    t.status = statuses.value( t.id, RtStatus::NoReport );
  return rtOk();
}

RtStatusResult RtTracker::openRegister( const QString &path, bool remember )
{
  if ( path.isEmpty() )
    return rtFail( tr( "no register file given" ) );
  // Keep what is open until the new one has been read completely.
  const QString previousPath = mPath;
  const RtDocumentInfo previousDocument = mDocument;
  const RtResolution previousResolution = mResolution;
  const QVector<RtDocumentInfo> previousResolutions = mResolutions;
  const QStringList previousChosen = mChosen;
  const QVector<RtTask> previousCurrent = mCurrent;
  const QVector<RtTask> previousAsOf = mAsOfTasks;
  const QHash<QString, int> previousIndex = mIndexOfTask;
  const RtStatusResult read = readAll( normalisedLocation( path ) );
  if ( !read.ok() )
  {
    mPath = previousPath;
    mDocument = previousDocument;
    mResolution = previousResolution;
    mResolutions = previousResolutions;
    mChosen = previousChosen;
    mCurrent = previousCurrent;
    mAsOfTasks = previousAsOf;
    mIndexOfTask = previousIndex;
    return read;
  }
  if ( remember && mProject )
    mProject->writeEntry( projectScope(), sRegisterEntry, isDatabase( mPath ) ? mPath : mProject->writePath( mPath ) );
  updateListener();
  updateLayers();
  emit registerChanged();
  return rtOk();
}

QString RtTracker::projectRegisterPath() const
{
  if ( !mProject )
    return QString();
  const QString stored = mProject->readEntry( projectScope(), sRegisterEntry );
  if ( stored.isEmpty() || isDatabase( stored ) )
    return stored;
  return mProject->readPath( stored );
}

RtStatusResult RtTracker::openDefaultRegister()
{
  const QString fromProject = projectRegisterPath();
  if ( !fromProject.isEmpty() )
    return openRegister( fromProject );
  QStringList lookedIn;
  const QString bundled = RtPluginPaths::bundledRegister( &lookedIn );
  if ( bundled.isEmpty() )
    return rtFail( tr( "no register found (looked in %1)" ).arg( lookedIn.join( QStringLiteral( ", " ) ) ) );
  // A register named by $RESTRACK_DB is used as it is; an installed one is copied to the
  // profile once so that status changes can be recorded.
  QString path = bundled;
  if ( bundled != qEnvironmentVariable( "RESTRACK_DB" ) )
  {
    path = RtPluginPaths::writableRegister( bundled );
    if ( path.isEmpty() )
      path = bundled;
  }
  return openRegister( path );
}

void RtTracker::closeRegister()
{
  mPath.clear();
  mDocument = RtDocumentInfo();
  mResolution = RtResolution();
  mResolutions.clear();
  mCurrent.clear();
  mAsOfTasks.clear();
  mIndexOfTask.clear();
  updateListener();
  updateLayers();
  emit registerChanged();
}

std::optional<RtTask> RtTracker::currentTask( const QString &taskId ) const
{
  const int i = mIndexOfTask.value( taskId, -1 );
  return i < 0 ? std::nullopt : std::optional<RtTask>( mCurrent.at( i ) );
}

std::optional<RtTask> RtTracker::taskAsOf( const QString &taskId ) const
{
  const int i = mIndexOfTask.value( taskId, -1 );
  return i < 0 ? std::nullopt : std::optional<RtTask>( mAsOfTasks.at( i ) );
}

RtStatusResult RtTracker::setAsOf( const QDate &date )
{
  const QDate d = date.isValid() ? date : QDate::currentDate();
  if ( hasRegister() )
  {
    // One rule with the export and the CLI (RtTasksAsOf): a date before the resolution is refused.
    const RtStatusResult allowed = RtTasksAsOf::check( mDocument, d );
    if ( !allowed.ok() )
      return allowed;
  }
  if ( d == mAsOf )
    return rtOk();
  if ( hasRegister() )
  {
    const RtStatusResult computed = computeAsOf( d );
    if ( !computed.ok() )
      return computed;
  }
  mAsOf = d;
  updateLayers();
  emit asOfChanged( mAsOf );
  return rtOk();
}

RtStatusResult RtTracker::setChosenResolutions( const QStringList &numbers )
{
  if ( !hasRegister() )
    return rtFail( tr( "no register is open" ) );
  QStringList known;
  for ( const RtDocumentInfo &r : std::as_const( mResolutions ) )
    known << r.number;
  for ( const QString &n : numbers )
    if ( !known.contains( n ) )
      return rtFail( tr( "resolution %1 is not in the register %2 (it holds %3)" )
                     .arg( n, QFileInfo( mPath ).fileName(), known.join( QStringLiteral( ", " ) ) ) );
  // Every resolution chosen is the same as none: the choice stays "all" when one is added.
  QStringList chosen;
  if ( numbers.size() < known.size() )
    for ( const QString &n : std::as_const( known ) )
      if ( numbers.contains( n ) )
        chosen << n;
  const QStringList previous = mChosen;
  mChosen = chosen;
  const RtStatusResult read = readAll( mPath );
  if ( !read.ok() )
  {
    mChosen = previous;
    return read;
  }
  if ( mProject )
  {
    if ( mChosen.isEmpty() )
      mProject->removeEntry( projectScope(), sResolutionsEntry );
    else
      mProject->writeEntry( projectScope(), sResolutionsEntry, mChosen );
  }
  updateLayers();
  emit registerChanged();
  return rtOk();
}

RtResult<QVector<RtHistoryEntry>> RtTracker::history( const QString &taskId ) const
{
  using Result = RtResult<QVector<RtHistoryEntry>>;
  if ( !hasRegister() )
    return Result::failure( tr( "no register is open" ) );
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( mPath, false );
  if ( !store.ok() )
    return Result::failureFrom( store );
  return store.value()->history( taskId );
}

RtStatusResult RtTracker::refresh()
{
  if ( !hasRegister() )
    return rtFail( tr( "no register is open" ) );
  const RtStatusResult read = readAll( mPath );
  if ( !read.ok() )
    return read;
  updateLayers();
  emit registerChanged();
  return rtOk();
}

RtStatusResult RtTracker::changeStatus( const RtStatusChange &change, bool *stale )
{
  if ( stale )
    *stale = false;
  if ( !hasRegister() )
    return rtFail( tr( "no register is open" ) );
  if ( !mIndexOfTask.contains( change.taskId ) )
    return rtFail( tr( "task %1 is not in the open register" ).arg( change.taskId ) );

  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( mPath, true );
    if ( !store.ok() )
      return RtStatusResult::failureFrom( store );
    const RtStatusResult written = store.value()->setStatus( change );
    if ( written.ok() && mListener )
      mOwnWrites.append( qMakePair( change.taskId, RtStatuses::code( change.newStatus ) ) );
    if ( !written.ok() )
    {
      store = RtResult<std::unique_ptr<RtStore>>::failure( QString() ); // close before reading again
      // Refused because the task changed under the user: show them what it is now.
      if ( written.errorKind() == RtErrorKind::Stale )
      {
        if ( stale )
          *stale = true;
        refresh();
      }
      return written;
    }
  } // the register is closed here: the change is on disk

  // Read back what was recorded: the task (status, date, revision) and the statuses as of
  // the date; other tasks changed meanwhile by someone else come along too.
  return reloadAfterWrite( change.taskId );
}

RtStatusResult RtTracker::reloadAfterWrite( const QString &taskId )
{
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( mPath, false );
  if ( !store.ok() )
    return RtStatusResult::failureFrom( store );
  QVector<RtTask> tasks;
  const RtResult<QVector<RtTask>> asOfTasks = RtTasksAsOf::read( *store.value(), mAsOf, &tasks );
  store = RtResult<std::unique_ptr<RtStore>>::failure( QString() );
  if ( !asOfTasks.ok() )
    return RtStatusResult::failureFrom( asOfTasks );
  QStringList changed;
  for ( int k = 0; k < tasks.size(); ++k )
  {
    const RtTask &t = tasks.at( k );
    const int i = mIndexOfTask.value( t.id, -1 );
    if ( i < 0 )
      continue;
    const RtStatus asOfStatus = asOfTasks.value().at( k ).status;
    if ( t.id == taskId || mCurrent.at( i ).status != t.status || mCurrent.at( i ).revision != t.revision
         || mCurrent.at( i ).places != t.places || mAsOfTasks.at( i ).status != asOfStatus )
      changed << t.id;
    mCurrent[i] = t;
    mAsOfTasks[i] = t;
    mAsOfTasks[i].status = asOfStatus;
  }
  mReadAt = QDateTime::currentDateTime();
  updateLayers();
  for ( const QString &id : std::as_const( changed ) )
    emit taskChanged( id );
  return rtOk();
}

// --- live updates from other desks ---------------------------------------------------------

void RtTracker::updateListener()
{
  if ( !hasRegister() || !isDatabase( mPath ) )
  {
    mListener.reset();
    mRemoteTimer.stop();
    mRemoteChanges.clear();
    mOwnWrites.clear();
    return;
  }
  if ( mListener && mListener->connectionInfo() == mPath )
    return;
  mRemoteChanges.clear();
  mOwnWrites.clear();
  mListener = std::make_unique<RtPgListener>( mPath );
  connect( mListener.get(), &RtPgListener::changed, this, &RtTracker::onRemoteChange );
  connect( mListener.get(), &RtPgListener::connectionLost, this, [this]( const QString &why )
  {
    // Notifications of our own writes will not come now.
    mOwnWrites.clear();
    emit registerUnreachable( why );
  } );
  connect( mListener.get(), &RtPgListener::reconnected, this, &RtTracker::onListenerReconnected );
  mListener->start();
}

void RtTracker::onRemoteChange( const RtRemoteChange &change )
{
  // The notification of a change this tracker wrote (and has already read back).
  if ( change.kind == RtRemoteChange::Kind::Status )
  {
    const int own = mOwnWrites.indexOf( qMakePair( change.task, change.newValue ) );
    if ( own >= 0 )
    {
      mOwnWrites.remove( own );
      return;
    }
  }
  mRemoteChanges.append( change );
  mRemoteTimer.start();
}

void RtTracker::readRemoteChanges()
{
  const QVector<RtRemoteChange> changes = mRemoteChanges;
  mRemoteChanges.clear();
  if ( changes.isEmpty() || !hasRegister() )
    return;
  // Not read (the server went away meanwhile): registerUnreachable() says so, and the
  // reconnect reads everything again.
  if ( !refresh().ok() )
    return;
  emit remoteChangesRead( changes );
}

void RtTracker::onListenerReconnected()
{
  // Changes made while disconnected were not heard: read everything again.
  mRemoteTimer.stop();
  mRemoteChanges.clear();
  mOwnWrites.clear();
  if ( hasRegister() && refresh().ok() )
    emit registerReconnected();
}

QString RtTracker::describeRemoteChange( const RtRemoteChange &change, RtLang lang )
{
  QString who = change.by.trimmed();
  if ( who.isEmpty() )
    who = change.dbUser;
  else if ( !change.dbUser.isEmpty() && change.dbUser != who )
    who = QStringLiteral( "%1 (%2)" ).arg( who, change.dbUser );
  if ( who.isEmpty() )
    who = tr( "Another desk" );
  auto shown = [&change, lang]( const QString &value ) -> QString
  {
    if ( value.isNull() )
      return QStringLiteral( "—" );
    if ( change.kind == RtRemoteChange::Kind::Status )
      if ( const std::optional<RtStatus> status = RtStatuses::fromCode( value ) )
        return RtStatuses::label( *status, lang );
    return value;
  };
  return tr( "%1 changed %2: %3 → %4" ).arg( who, change.task, shown( change.oldValue ), shown( change.newValue ) );
}

RtStatusResult RtTracker::setFeaturesLinked( const QString &taskId, QgsVectorLayer *layer, const QgsFeatureIds &fids, bool link,
    bool *stale, int *changed )
{
  if ( stale )
    *stale = false;
  if ( changed )
    *changed = 0;
  if ( !hasRegister() )
    return rtFail( tr( "no register is open" ) );
  RtLayerBinding *b = binding( layer );
  if ( !b )
    return rtFail( tr( "the layer is not bound to the register" ) );
  if ( !b->binding().keyMap.isEmpty() )
    return rtFail( tr( "%1 shows the tasks through a key map (%2 → %3): link the features of the layer the tasks name" )
                   .arg( layer->name(), b->binding().keyMapSource.fromField, b->binding().keyMapSource.toField ) );
  const std::optional<RtTask> task = currentTask( taskId );
  if ( !task )
    return rtFail( tr( "task %1 is not in the open register" ).arg( taskId ) );
  if ( fids.isEmpty() )
    return rtFail( tr( "select the features first" ) );

  QStringList places = task->places;
  const QString prefix = b->binding().kind + QLatin1Char( ':' );
  for ( QgsFeatureId fid : fids )
  {
    if ( link )
    {
      const QStringList values = b->keyValues( fid );
      if ( values.join( QString() ).trimmed().isEmpty() )
        continue; // a feature without a key cannot be named by a task
      const QString key = prefix + values.join( QLatin1Char( '/' ) );
      if ( !b->tasksOfFeature( fid ).contains( taskId ) && !places.contains( key ) )
        places << key;
    }
    else
    {
      for ( const QString &key : placeKeysOfFeature( layer, fid ) )
        if ( b->tasksOfFeature( fid ).contains( taskId ) )
          places.removeAll( key );
    }
  }
  const int difference = std::abs( places.size() - task->places.size() );
  if ( difference == 0 )
    return rtFail( link ? tr( "the selected features are already linked to task %1" ).arg( taskId )
                   : tr( "none of the selected features is linked to task %1" ).arg( taskId ) );

  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( mPath, true );
    if ( !store.ok() )
      return RtStatusResult::failureFrom( store );
    const RtStatusResult written = store.value()->setTaskPlaces( taskId, places, task->places );
    if ( !written.ok() )
    {
      store = RtResult<std::unique_ptr<RtStore>>::failure( QString() ); // close before reading again
      if ( written.errorKind() == RtErrorKind::Stale )
      {
        if ( stale )
          *stale = true;
        refresh();
      }
      return written;
    }
  }
  if ( changed )
    *changed = difference;
  return reloadAfterWrite( taskId );
}

// --- bound layers ----------------------------------------------------------------------

RtResult<RtLayerBinding *> RtTracker::bindLayer( QgsVectorLayer *layer, const RtKeyBinding &keyBinding )
{
  using Result = RtResult<RtLayerBinding *>;
  if ( !layer || !layer->isValid() )
    return Result::failure( tr( "the layer is not available" ) );
  cancelPendingBinding( layer );
  auto binding = std::make_unique<RtLayerBinding>( layer, keyBinding );
  const RtStatusResult read = binding->readKeys();
  if ( !read.ok() )
    return Result::failure( read.error() );
  return Result::success( install( std::move( binding ) ) );
}

int RtTracker::backgroundThreshold()
{
  return 50000;
}

void RtTracker::bindLayerLater( QgsVectorLayer *layer, const RtKeyBinding &keyBinding )
{
  if ( !layer || !layer->isValid() || layer->featureCount() < backgroundThreshold() )
  {
    const RtResult<RtLayerBinding *> bound = bindLayer( layer, keyBinding );
    emit layerBound( layer, bound.ok() ? QString() : bound.error() );
    return;
  }
  cancelPendingBinding( layer );
  const RtResult<std::shared_ptr<RtKeyReader>> reader = RtKeyReader::prepare( layer, keyBinding );
  if ( !reader.ok() )
  {
    emit layerBound( layer, reader.error() );
    return;
  }
  auto *task = new RtKeyReadTask( reader.value() );
  mPendingBindings.insert( layer, task );
  const QPointer<QgsVectorLayer> target( layer );
  const std::shared_ptr<RtKeyReader> keys = reader.value();
  connect( task, &QgsTask::taskCompleted, this, [this, target, task, keys, keyBinding]
  {
    if ( !target || mPendingBindings.value( target ) != task )
      return; // the layer went away, or was bound again meanwhile
    mPendingBindings.remove( target );
    auto done = std::make_unique<RtLayerBinding>( target, keyBinding );
    done->adoptKeys( *keys );
    install( std::move( done ) );
    emit layerBound( target, QString() );
  } );
  connect( task, &QgsTask::taskTerminated, this, [this, target, task]
  {
    if ( !target || mPendingBindings.value( target ) != task )
      return;
    mPendingBindings.remove( target );
    emit layerBound( target, tr( "reading the keys of %1 was cancelled" ).arg( target->name() ) );
  } );
  QgsApplication::taskManager()->addTask( task );
}

bool RtTracker::isBinding( const QgsVectorLayer *layer ) const
{
  return mPendingBindings.contains( const_cast<QgsVectorLayer *>( layer ) );
}

void RtTracker::cancelPendingBinding( QgsVectorLayer *layer )
{
  const QPointer<QgsTask> task = mPendingBindings.take( layer );
  if ( task )
    task->cancel(); // its taskTerminated finds no pending entry: nothing more happens
}

RtLayerBinding *RtTracker::install( std::unique_ptr<RtLayerBinding> binding )
{
  QgsVectorLayer *layer = binding->layer();
  // Replace an earlier binding of the same layer; its field is reused by update().
  for ( auto it = mBindings.begin(); it != mBindings.end(); ++it )
  {
    if ( ( *it )->layer() == layer )
    {
      binding->inheritFrom( **it ); // the style the layer had before the first binding
      mBindings.erase( it );
      break;
    }
  }
  RtLayerBinding::store( layer, binding->binding() );
  binding->setWithDirectives( mWithDirectives );
  binding->update( mAsOfTasks, mAsOf );
  RtLayerBinding *raw = binding.get();
  mBindings.push_back( std::move( binding ) );
  connectLayer( layer );
  emit bindingsChanged();
  emit layerUpdated( layer );
  return raw;
}

void RtTracker::connectLayer( QgsVectorLayer *layer )
{
  // Saved edits may change keys: read them again (the layer's own edits, not ours: we never edit).
  connect( layer, &QgsVectorLayer::afterCommitChanges, this, [this, layer]
  {
    if ( RtLayerBinding *b = binding( layer ) )
    {
      b->readKeys();
      b->update( mAsOfTasks, mAsOf );
      emit layerUpdated( layer );
    }
  }, Qt::UniqueConnection );
}

void RtTracker::unbindLayer( QgsVectorLayer *layer )
{
  cancelPendingBinding( layer );
  for ( auto it = mBindings.begin(); it != mBindings.end(); ++it )
  {
    if ( ( *it )->layer() == layer )
    {
      ( *it )->detach();
      mBindings.erase( it );
      disconnect( layer, nullptr, this, nullptr );
      emit bindingsChanged();
      return;
    }
  }
}

RtLayerBinding *RtTracker::binding( const QgsVectorLayer *layer ) const
{
  for ( const auto &b : mBindings )
    if ( b->layer() == layer )
      return b.get();
  return nullptr;
}

QList<RtLayerBinding *> RtTracker::bindings() const
{
  QList<RtLayerBinding *> out;
  for ( const auto &b : mBindings )
    if ( b->layer() )
      out << b.get();
  return out;
}

QStringList RtTracker::restoreBindings()
{
  QStringList problems;
  if ( !mProject )
    return problems;
  mRestoring = true;
  const QMap<QString, QgsMapLayer *> layers = mProject->mapLayers();
  for ( QgsMapLayer *mapLayer : layers )
  {
    auto *layer = qobject_cast<QgsVectorLayer *>( mapLayer );
    if ( !layer || binding( layer ) )
      continue;
    const std::optional<RtKeyBinding> keyBinding = RtLayerBinding::toRestore( layer );
    if ( !keyBinding )
      continue;
    if ( layer->featureCount() >= backgroundThreshold() )
    {
      bindLayerLater( layer, *keyBinding ); // a big layer: read on another thread, layerBound() tells
      continue;
    }
    const RtResult<RtLayerBinding *> bound = bindLayer( layer, *keyBinding );
    if ( !bound.ok() )
      problems << bound.error();
  }
  mRestoring = false;
  return problems;
}

QHash<QgsVectorLayer *, QgsFeatureIds> RtTracker::featuresOfTask( const QString &taskId ) const
{
  QHash<QgsVectorLayer *, QgsFeatureIds> out;
  for ( const auto &b : mBindings )
  {
    if ( !b->layer() )
      continue;
    const QgsFeatureIds ids = b->featuresOfTask( taskId );
    if ( !ids.isEmpty() )
      out.insert( b->layer(), ids );
  }
  return out;
}

QStringList RtTracker::placeKeysOfFeature( QgsVectorLayer *layer, QgsFeatureId fid ) const
{
  QStringList keys;
  RtLayerBinding *b = binding( layer );
  if ( !b )
    return keys;
  RtFeatureKey feature;
  feature.fid = fid;
  feature.values = b->keyValues( fid );
  if ( feature.values.isEmpty() )
    return keys;
  // Which of its tasks' keys land on this feature: the join of that one feature with each key.
  const QString prefix = b->binding().kind + QLatin1Char( ':' );
  for ( const QString &taskId : b->tasksOfFeature( fid ) )
  {
    const std::optional<RtTask> task = taskAsOf( taskId );
    if ( !task )
      continue;
    for ( const QString &place : task->places )
    {
      if ( !place.startsWith( prefix ) || keys.contains( place ) )
        continue;
      RtTask probe = *task;
      probe.places = QStringList { place };
      const RtJoinResult r = RtJoin::join( { feature }, b->binding(), { probe }, mAsOf );
      if ( !r.features.isEmpty() && r.features.first().taskCount > 0 )
        keys << place;
    }
  }
  return keys;
}

QHash<QString, QString> RtTracker::placeNames() const
{
  QHash<QString, QString> names;
  for ( const auto &b : mBindings )
  {
    QgsVectorLayer *layer = b->layer();
    // Names of the places as the tasks state them: a layer reached through a key map holds other units.
    if ( !layer || b->binding().match != RtKeyBinding::Match::Code || !b->binding().keyMap.isEmpty() )
      continue;
    const int nameIndex = nameField( layer->fields() );
    if ( nameIndex < 0 )
      continue;
    QgsFeatureRequest request;
    request.setFlags( QgsFeatureRequest::NoGeometry );
    request.setSubsetOfAttributes( QgsAttributeList { nameIndex } );
    QgsFeatureIterator it = layer->getFeatures( request );
    QgsFeature f;
    while ( it.nextFeature( f ) )
    {
      const QStringList values = b->keyValues( f.id() );
      const QString name = f.attribute( nameIndex ).toString().trimmed();
      if ( values.isEmpty() || name.isEmpty() )
        continue;
      names.insert( b->binding().kind + QLatin1Char( ':' ) + values.join( QLatin1Char( '/' ) ), name );
    }
  }
  return names;
}

void RtTracker::setWithDirectives( bool withDirectives )
{
  if ( withDirectives == mWithDirectives )
    return;
  mWithDirectives = withDirectives;
  for ( const auto &b : mBindings )
    b->setWithDirectives( withDirectives );
  updateLayers();
}

void RtTracker::updateLayers()
{
  for ( const auto &b : mBindings )
  {
    if ( !b->layer() )
      continue;
    b->update( mAsOfTasks, mAsOf );
    if ( b->liveFieldStale() )
      mLiveFieldTimer.start();
    emit layerUpdated( b->layer() );
  }
}

void RtTracker::syncLiveFields()
{
  mLiveFieldTimer.stop();
  for ( const auto &b : mBindings )
    if ( b->layer() && b->liveFieldStale() )
      b->syncLiveField();
}

// --- the project -----------------------------------------------------------------------

void RtTracker::onProjectRead()
{
  const bool wasDirty = mProject->isDirty();
  const QString saved = projectRegisterPath();
  const QStringList chosen = mProject->readListEntry( projectScope(), sResolutionsEntry );
  if ( !saved.isEmpty() && normalisedLocation( saved ) != mPath )
  {
    mChosen = chosen;
    openRegister( saved );
  }
  else if ( hasRegister() && chosen != mChosen )
    setChosenResolutions( chosen );
  restoreBindings();
  // Restoring what the project already holds is not a change the user must save.
  if ( !wasDirty )
    mProject->setDirty( false );
}

void RtTracker::onProjectCleared()
{
  // The layers are gone with the project: nothing to give back to them.
  for ( const QPointer<QgsTask> &task : std::as_const( mPendingBindings ) )
    if ( task )
      task->cancel();
  mPendingBindings.clear();
  mBindings.clear();
  emit bindingsChanged();
}

void RtTracker::onLayersAdded( const QList<QgsMapLayer *> &layers )
{
  if ( mRestoring )
    return;
  for ( QgsMapLayer *mapLayer : layers )
  {
    auto *layer = qobject_cast<QgsVectorLayer *>( mapLayer );
    if ( !layer || binding( layer ) )
      continue;
    const std::optional<RtKeyBinding> keyBinding = RtLayerBinding::toRestore( layer );
    if ( keyBinding )
      bindLayerLater( layer, *keyBinding ); // a layer that cannot be bound is left as it is
  }
}

void RtTracker::onLayerWillBeRemoved( const QString &layerId )
{
  for ( auto it = mPendingBindings.begin(); it != mPendingBindings.end(); ++it )
  {
    if ( it.key() && it.key()->id() == layerId )
    {
      cancelPendingBinding( it.key() );
      break;
    }
  }
  for ( auto it = mBindings.begin(); it != mBindings.end(); ++it )
  {
    if ( !( *it )->layer() || ( *it )->layer()->id() == layerId )
    {
      mBindings.erase( it );
      emit bindingsChanged();
      return;
    }
  }
}
