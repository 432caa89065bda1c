#include "rtstore.h"
#include "rtstatus.h"
#include "rtstorebackend.h"
#include "rtstorequeries.h"
#include "rtstorewriter.h"

#include <exception>

namespace
{
  template <class T, class F>
  RtResult<T> guarded( const QString &what, F &&body )
  {
    try
    {
      return body();
    }
    catch ( const std::exception &e )
    {
      return RtResult<T>::failure( QStringLiteral( "%1: unexpected error: %2" ).arg( what, QString::fromLocal8Bit( e.what() ) ) );
    }
    catch ( ... )
    {
      return RtResult<T>::failure( QStringLiteral( "%1: unexpected error" ).arg( what ) );
    }
  }

  QString isoDate( const QDate &date )
  {
    return date.toString( Qt::ISODate );
  }

  //! Ends a change that was not committed (rollback() does nothing after a commit).
  class WriteScope
  {
    public:
      explicit WriteScope( RtStoreBackend &backend ) : mBackend( backend ) {}
      ~WriteScope() { mBackend.rollback(); }
      WriteScope( const WriteScope & ) = delete;
      WriteScope &operator=( const WriteScope & ) = delete;

    private:
      RtStoreBackend &mBackend;
  };

  RtStatusResult notOpen()
  {
    return rtFail( RtErrorKind::Unavailable, QStringLiteral( "the register is not open" ) );
  }

  //! A write that failed in the backend: its kind kept, the task named.
  RtStatusResult writeFailed( const QString &taskId, const RtStatusResult &failure )
  {
    return rtFail( failure.errorKind(), QStringLiteral( "write failed: task %1 not changed: %2" ).arg( taskId, failure.error() ) );
  }

  /**
   * Takes the write lock, then reads the task as stored under it, so that no other writer
   * can change it between our check and our write: a second writer waits in beginWrite()
   * and then sees our change.
   */
  RtResult<RtTask> lockTask( RtStoreBackend &backend, const QString &taskId )
  {
    using Result = RtResult<RtTask>;
    const RtStatusResult locked = backend.beginWrite( taskId );
    if ( !locked.ok() )
      return Result::failureFrom( writeFailed( taskId, locked ) );
    const RtResult<QVector<RtTask>> current = RtStoreQueries::tasks( backend, taskId );
    if ( !current )
      return Result::failureFrom( current );
    if ( current.value().isEmpty() )
      return Result::failure( RtErrorKind::NotFound, RtStoreQueries::unknownTaskMessage( taskId ) );
    return Result::success( current.value().constFirst() );
  }
}

// ---- RtStore ----------------------------------------------------------------------

RtStore::RtStore() = default;

RtStore::~RtStore() = default;

RtStatusResult RtStore::create( const QString &path, const RtResolution &resolution, const QVector<RtTask> &tasks,
                                const RtDocumentInfo &info, bool overwrite, QString *keptAs )
{
  return guarded<RtVoid>( QStringLiteral( "cannot create %1" ).arg( path ), [&]() -> RtStatusResult
  {
    if ( keptAs )
      keptAs->clear();
    if ( path.isEmpty() )
      return rtFail( QStringLiteral( "no file name given for the register" ) );
    const RtResult<RtStoreWriter> writer = RtStoreWriter::prepare( path, resolution, tasks, info );
    if ( !writer.ok() )
      return RtStatusResult::failureFrom( writer );
    RtStoreCreateRequest request;
    request.overwrite = overwrite;
    request.fill = [&]( RtStoreBackend & backend ) { return writer.value().write( backend ); };
    // Status changes and place links recorded by users are never thrown away.
    request.keepReplaced = [&]( RtStoreBackend & old ) { return RtStoreQueries::hasRecordedChanges( old, tasks ); };
    return RtStoreBackends::create( path, request, keptAs );
  } );
}

RtResult<std::unique_ptr<RtStore>> RtStore::open( const QString &path, bool writable )
{
  using Result = RtResult<std::unique_ptr<RtStore>>;
  return guarded<std::unique_ptr<RtStore>>( QStringLiteral( "cannot open %1" ).arg( path ), [&]() -> Result
  {
    if ( path.isEmpty() )
      return Result::failure( QStringLiteral( "no register file given" ) );
    RtResult<std::unique_ptr<RtStoreBackend>> backend = RtStoreBackends::open( path, writable );
    if ( !backend.ok() )
      return Result::failureFrom( backend );

    int rows = 0;
    const RtResult<RtDocumentInfo> doc = RtStoreQueries::document( *backend.value(), &rows );
    if ( !doc.ok() )
      return Result::failure( doc.errorKind(), QStringLiteral( "%1 is not a readable GeoPackage (%2)" ).arg( path, doc.error() ) );
    if ( rows != 1 )
      return Result::failure( RtErrorKind::Corrupt, QStringLiteral( "%1 is a damaged register: table rt_document must hold one row, it holds %2" ).arg( path ).arg( rows ) );

    std::unique_ptr<RtStore> store( new RtStore() );
    store->mPath = path;
    store->mWritable = writable;
    store->mBackend = backend.takeValue();
    return Result::success( std::move( store ) );
  } );
}

RtDocumentInfo RtStore::document() const
{
  if ( !mBackend )
    return RtDocumentInfo();
  try
  {
    const RtResult<RtDocumentInfo> doc = RtStoreQueries::document( *mBackend );
    return doc.ok() ? doc.value() : RtDocumentInfo();
  }
  catch ( ... )
  {
    return RtDocumentInfo();
  }
}

RtResult<RtResolution> RtStore::resolution() const
{
  using Result = RtResult<RtResolution>;
  return guarded<RtResolution>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    return RtStoreQueries::resolution( *mBackend );
  } );
}

RtResult<QVector<RtTask>> RtStore::tasks() const
{
  using Result = RtResult<QVector<RtTask>>;
  return guarded<QVector<RtTask>>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    return RtStoreQueries::tasks( *mBackend );
  } );
}

RtResult<RtTask> RtStore::task( const QString &taskId ) const
{
  using Result = RtResult<RtTask>;
  return guarded<RtTask>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    const RtResult<QVector<RtTask>> found = RtStoreQueries::tasks( *mBackend, taskId );
    if ( !found )
      return Result::failureFrom( found );
    if ( found.value().isEmpty() )
      return Result::failure( RtErrorKind::NotFound, RtStoreQueries::unknownTaskMessage( taskId ) );
    return Result::success( found.value().constFirst() );
  } );
}

RtStatusResult RtStore::setStatus( const RtStatusChange &change )
{
  return guarded<RtVoid>( QStringLiteral( "write failed: %1" ).arg( mPath ), [&]() -> RtStatusResult
  {
    if ( !mBackend )
      return notOpen();
    const QString &taskId = change.taskId;

    // Cheap checks first; the ones that depend on the stored state are repeated under the lock.
    const RtResult<RtTask> before = task( taskId );
    if ( !before )
      return RtStatusResult::failureFrom( before );
    if ( change.by.trimmed().isEmpty() )
      return rtFail( QStringLiteral( "task %1: --by is required: say who makes the change" ).arg( taskId ) );
    if ( !mWritable )
      return rtFail( RtErrorKind::ReadOnly, QStringLiteral( "task %1 not changed: %2 was opened read-only" ).arg( taskId, mPath ) );

    const RtDocumentInfo doc = document();
    const QDate today = QDate::currentDate();
    const QDate date = change.date.isValid() ? change.date : today;
    if ( doc.date.isValid() && date < doc.date )
      return rtFail( QStringLiteral( "task %1: date %2 is before the resolution (%3)" ).arg( taskId, isoDate( date ), isoDate( doc.date ) ) );
    if ( date > today )
      return rtFail( QStringLiteral( "task %1: date %2 is in the future" ).arg( taskId, isoDate( date ) ) );

    RtStoreBackend &backend = *mBackend;
    WriteScope scope( backend );
    const RtResult<RtTask> locked = lockTask( backend, taskId );
    if ( !locked )
      return RtStatusResult::failureFrom( locked );
    const RtTask &stored = locked.value();

    const RtResult<QVector<RtHistoryEntry>> history = RtStoreQueries::history( backend, taskId );
    if ( !history )
      return RtStatusResult::failureFrom( history );
    const RtHistoryEntry last = history.value().isEmpty() ? RtHistoryEntry() : history.value().constLast();

    if ( change.expected && *change.expected != stored.status )
    {
      const QString who = history.value().isEmpty() ? QString()
                          : QStringLiteral( " (changed by %1 on %2)" ).arg( last.by, isoDate( last.date ) );
      return rtFail( RtErrorKind::Stale, QStringLiteral( "task %1 changed meanwhile: its status is now '%2'%3, not '%4' as your edit assumed; reload and try again" )
                     .arg( taskId, RtStatuses::code( stored.status ), who, RtStatuses::code( *change.expected ) ) );
    }
    if ( change.newStatus == stored.status )
      return rtFail( QStringLiteral( "task %1: status is already '%2'" ).arg( taskId, RtStatuses::code( stored.status ) ) );

    QDate latestDate = stored.statusDate;
    if ( !history.value().isEmpty() && ( !latestDate.isValid() || last.date > latestDate ) )
      latestDate = last.date;
    if ( latestDate.isValid() && date < latestDate )
      return rtFail( QStringLiteral( "task %1: date %2 must not be before the task's latest status date %3" ).arg( taskId, isoDate( date ), isoDate( latestDate ) ) );

    const RtResult<qint64> seq = backend.nextHistorySequence();
    if ( !seq.ok() )
      return writeFailed( taskId, RtStatusResult::failureFrom( seq ) );
    RtStatusResult written = backend.insert( RtStoreTable::History,
    {
      { QStringLiteral( "seq" ), seq.value() },
      { QStringLiteral( "task_id" ), taskId },
      { QStringLiteral( "status_date" ), date },
      { QStringLiteral( "recorded_at" ), QDateTime::currentDateTimeUtc() },
      { QStringLiteral( "old_status" ), RtStatuses::code( stored.status ) },
      { QStringLiteral( "new_status" ), RtStatuses::code( change.newStatus ) },
      { QStringLiteral( "changed_by" ), change.by.trimmed() },
      { QStringLiteral( "note" ), change.note },
      { QStringLiteral( "evidence" ), change.evidence },
    } );
    if ( !written.ok() )
      return writeFailed( taskId, written );

    if ( mFailpoint && !mFailpoint() )
      return rtFail( RtErrorKind::Unavailable, QStringLiteral( "write failed: %1: the change of task %2 was interrupted; nothing was changed" ).arg( mPath, taskId ) );

    written = backend.update( RtStoreTable::Tasks, { QStringLiteral( "task_id" ), taskId },
    {
      { QStringLiteral( "status" ), RtStatuses::code( change.newStatus ) },
      { QStringLiteral( "status_date" ), date },
      { QStringLiteral( "revision" ), stored.revision + 1 },
    } );
    if ( written.ok() )
      written = backend.commit();
    if ( !written.ok() )
      return writeFailed( taskId, written );
    return rtOk();
  } );
}

RtStatusResult RtStore::setTaskPlaces( const QString &taskId, const QStringList &places, const std::optional<QStringList> &expected )
{
  return guarded<RtVoid>( QStringLiteral( "write failed: %1" ).arg( mPath ), [&]() -> RtStatusResult
  {
    if ( !mBackend )
      return notOpen();
    if ( !mWritable )
      return rtFail( RtErrorKind::ReadOnly, QStringLiteral( "task %1 not changed: %2 was opened read-only" ).arg( taskId, mPath ) );
    QStringList wanted;
    for ( const QString &place : places )
    {
      const QString p = place.trimmed();
      const int colon = p.indexOf( QLatin1Char( ':' ) );
      const QString kind = colon < 0 ? QString() : p.left( colon );
      static const QStringList sKinds { QStringLiteral( "ward" ), QStringLiteral( "zone" ), QStringLiteral( "site" ), QStringLiteral( "parcel" ) };
      if ( !sKinds.contains( kind ) || p.mid( colon + 1 ).trimmed().isEmpty() )
        return rtFail( QStringLiteral( "task %1: place '%2' is not kind:key with kind ward, zone, site or parcel" ).arg( taskId, place ) );
      if ( !wanted.contains( p ) )
        wanted << p;
    }

    // The write lock first, as setStatus() does: the check and the write see the same places.
    RtStoreBackend &backend = *mBackend;
    WriteScope scope( backend );
    const RtResult<RtTask> locked = lockTask( backend, taskId );
    if ( !locked )
      return RtStatusResult::failureFrom( locked );
    const QStringList stored = locked.value().places;
    if ( expected && *expected != stored )
      return rtFail( RtErrorKind::Stale, QStringLiteral( "task %1 changed meanwhile: its places are now '%2', not '%3' as your edit assumed; reload and try again" )
                     .arg( taskId, stored.join( QStringLiteral( ", " ) ), expected->join( QStringLiteral( ", " ) ) ) );

    RtStatusResult written = backend.remove( RtStoreTable::Places, { QStringLiteral( "task_id" ), taskId } );
    for ( const QString &p : std::as_const( wanted ) )
    {
      if ( !written.ok() )
        break;
      const int colon = p.indexOf( QLatin1Char( ':' ) );
      written = backend.insert( RtStoreTable::Places,
      {
        { QStringLiteral( "task_id" ), taskId },
        { QStringLiteral( "place_kind" ), p.left( colon ) },
        { QStringLiteral( "place_key" ), p.mid( colon + 1 ).trimmed() },
      } );
    }
    if ( written.ok() && mFailpoint && !mFailpoint() )
      return rtFail( RtErrorKind::Unavailable, QStringLiteral( "write failed: %1: the change of the places of task %2 was interrupted; nothing was changed" ).arg( mPath, taskId ) );
    if ( written.ok() )
      written = backend.commit();
    if ( !written.ok() )
      return writeFailed( taskId, written );
    return rtOk();
  } );
}

RtResult<QVector<RtHistoryEntry>> RtStore::history( const QString &taskId ) const
{
  using Result = RtResult<QVector<RtHistoryEntry>>;
  return guarded<QVector<RtHistoryEntry>>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    const RtResult<RtTask> t = task( taskId );
    if ( !t )
      return Result::failureFrom( t );
    return RtStoreQueries::history( *mBackend, taskId );
  } );
}

RtResult<QHash<QString, RtStatus>> RtStore::statusesAsOf( const QDate &date ) const
{
  using Result = RtResult<QHash<QString, RtStatus>>;
  return guarded<QHash<QString, RtStatus>>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    if ( !date.isValid() )
      return Result::failure( QStringLiteral( "no valid date given" ) );
    const RtDocumentInfo doc = document();
    if ( doc.date.isValid() && date < doc.date )
      return Result::failure( QStringLiteral( "date %1 is before the resolution (%2): its tasks had no status yet" ).arg( isoDate( date ), isoDate( doc.date ) ) );
    return RtStoreQueries::statusesAsOf( *mBackend, date );
  } );
}
