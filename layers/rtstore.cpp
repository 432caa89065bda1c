#include "rtstore.h"
#include "rttr.h"
#include "rttasksasof.h"
#include "rtstatus.h"
#include "rtstorebackend.h"
#include "rtstorequeries.h"
#include "rtstorewriter.h"
#include "rttext.h"

#include <QSet>

#include <cmath>
#include <exception>
#include <utility>

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
      return RtResult<T>::failure( rtMsg( "RtStore", "%1: unexpected error: %2" ).arg( what, QString::fromLocal8Bit( e.what() ) ) );
    }
    catch ( ... )
    {
      return RtResult<T>::failure( rtMsg( "RtStore", "%1: unexpected error" ).arg( what ) );
    }
  }

  QString isoDate( const QDate &date )
  {
    return date.toString( Qt::ISODate );
  }

  QString number( double value )
  {
    return QString::number( value, 'g', 12 );
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
    return rtFail( RtErrorKind::Unavailable, rtMsg( "RtStore", "the register is not open" ) );
  }

  //! A write that failed in the backend: its kind kept, the task named.
  RtStatusResult writeFailed( const QString &taskId, const RtStatusResult &failure )
  {
    return rtFail( failure.errorKind(), rtMsg( "RtStore", "write failed: task %1 not changed: %2" ).arg( taskId, failure.error() ) );
  }

  /**
   * Commits the write. A connection lost during the commit is told apart: the server may have
   * committed before it went, so the caller must not say that nothing changed; \a outcomeUnknown
   * is then set.
   */
  RtStatusResult commitWrite( RtStoreBackend &backend, bool *outcomeUnknown )
  {
    const RtStatusResult committed = backend.commit();
    if ( committed.ok() || committed.errorKind() != RtErrorKind::Unavailable )
      return committed;
    *outcomeUnknown = true;
    return rtFail( RtErrorKind::Unavailable, rtMsg( "RtStore", "write failed: the connection was lost while the change was being committed, so whether it "
                   "was recorded is not known; look at the history before trying again: %1" ).arg( committed.error() ) );
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

  //! A resolution number as people type it: NFC, trimmed, case ignored.
  QString numberKey( const QString &number )
  {
    return number.normalized( QString::NormalizationForm_C ).simplified().toCaseFolded();
  }

  //! The stored resolution \a typed names (RtStore::findResolution()), among \a docs.
  RtResult<RtDocumentInfo> matchResolution( const QVector<RtDocumentInfo> &docs, const QString &typed, const QString &location )
  {
    using Result = RtResult<RtDocumentInfo>;
    const QString wanted = numberKey( typed );
    QStringList numbers;
    for ( const RtDocumentInfo &d : docs )
      numbers << d.number;
    const auto pick = [&]( const std::function<bool( const RtDocumentInfo & )> &matches ) -> QVector<RtDocumentInfo>
    {
      QVector<RtDocumentInfo> found;
      for ( const RtDocumentInfo &d : docs )
      {
        if ( matches( d ) )
          found << d;
      }
      return found;
    };
    // As written; then without accents ("172/NQ-HDND"); then the leading number alone ("172").
    QVector<RtDocumentInfo> found = pick( [&]( const RtDocumentInfo & d ) { return numberKey( d.number ) == wanted; } );
    if ( found.isEmpty() )
      found = pick( [&]( const RtDocumentInfo & d ) { return RtText::foldForSearch( d.number ).simplified() == RtText::foldForSearch( typed ).simplified(); } );
    if ( found.isEmpty() && !wanted.contains( QLatin1Char( '/' ) ) )
      found = pick( [&]( const RtDocumentInfo & d ) { return numberKey( d.number ).section( QLatin1Char( '/' ), 0, 0 ) == wanted; } );
    if ( found.size() == 1 )
      return Result::success( found.constFirst() );
    if ( found.isEmpty() )
      return Result::failure( RtErrorKind::NotFound, rtMsg( "RtStore", "%1 holds no resolution '%2'; it holds %3" ).arg( location, typed, numbers.join( QStringLiteral( ", " ) ) ) );
    QStringList which;
    for ( const RtDocumentInfo &d : std::as_const( found ) )
      which << d.number;
    return Result::failure( RtErrorKind::NotFound, rtMsg( "RtStore", "'%1' names several resolutions of %2 (%3); give the whole number" )
                            .arg( typed, location, which.join( QStringLiteral( ", " ) ) ) );
  }

  /**
   * The follows-up references of \a tasks of resolution \a doc, resolved against the
   * register's \a docs and \a tasks: a task reference becomes the id the register gives
   * that task; a resolution the register holds must be dated before (or on) \a doc's date.
   */
  RtResult<QVector<RtTask>> resolveFollowUps( const QVector<RtTask> &newTasks, const RtDocumentInfo &doc,
      const QVector<RtDocumentInfo> &docs, const QVector<RtTask> &stored )
  {
    using Result = RtResult<QVector<RtTask>>;
    QVector<RtTask> out = newTasks;
    for ( RtTask &task : out )
    {
      for ( RtTaskRef &ref : task.followsUp )
      {
        ref.resolution = ref.resolution.normalized( QString::NormalizationForm_C ).trimmed();
        if ( numberKey( ref.resolution ) == numberKey( doc.number ) )
          return Result::failure( rtMsg( "RtStore", "task %1 follows up %2, its own resolution; a task follows up an earlier one" ).arg( task.id, ref.resolution ) );
        const RtDocumentInfo *cited = nullptr;
        for ( const RtDocumentInfo &d : docs )
        {
          if ( numberKey( d.number ) == numberKey( ref.resolution ) )
            cited = &d;
        }
        if ( !cited )
        {
          if ( !ref.taskId.isEmpty() )
            return Result::failure( RtErrorKind::NotFound, rtMsg( "RtStore", "task %1 follows up task %2 of %3, which is not in the register; "
                                    "add that resolution first, or cite the resolution alone" ).arg( task.id, ref.taskId, ref.resolution ) );
          continue; // a resolution not tracked here, cited as the text cites it
        }
        ref.resolution = cited->number;
        if ( cited->date.isValid() && doc.date.isValid() && cited->date > doc.date )
          return Result::failure( rtMsg( "RtStore", "task %1 follows up %2 of %3, which is later than %4 of %5" )
                                  .arg( task.id, cited->number, isoDate( cited->date ), doc.number, isoDate( doc.date ) ) );
        if ( ref.taskId.isEmpty() )
          continue;
        const QString qualified = QStringLiteral( "%1@%2" ).arg( ref.taskId, cited->number );
        QString found;
        for ( const RtTask &t : stored )
        {
          if ( t.resolution == cited->number && ( t.id == ref.taskId || t.id == qualified ) )
            found = t.id;
        }
        if ( found.isEmpty() )
          return Result::failure( RtErrorKind::NotFound, rtMsg( "RtStore", "task %1 follows up task %2 of %3, which that resolution does not have" )
                                  .arg( task.id, ref.taskId, cited->number ) );
        ref.taskId = found;
      }
    }
    return Result::success( out );
  }

  //! One row of a batch, checked and (when \a write) written under the lock.
  struct RowOutcome
  {
    bool fatal = false;            //!< the register failed, not the row: the batch stops (result: the cause, applyBatch() words it)
    RtStatusResult result = rtOk();
    QString described;             //!< what it records, in words
    int statusRows = 0;
    int valueRows = 0;
  };

  RowOutcome refuse( RtErrorKind kind, const QString &message )
  {
    RowOutcome r;
    r.result = rtFail( kind, message );
    return r;
  }

  RowOutcome broken( const RtStatusResult &failure )
  {
    RowOutcome r;
    r.fatal = true;
    r.result = failure;
    return r;
  }

  template <class T>
  RowOutcome broken( const RtResult<T> &failure )
  {
    return broken( RtStatusResult::failureFrom( failure ) );
  }

  RowOutcome applyRow( RtStoreBackend &backend, const RtTaskChange &change, const QHash<QString, RtDocumentInfo> &docs,
                       const std::function<bool()> &failpoint, const QString &location )
  {
    const QString &taskId = change.taskId;
    const RtResult<QVector<RtTask>> current = RtStoreQueries::tasks( backend, taskId );
    if ( !current )
      return broken( current );
    if ( current.value().isEmpty() )
      return refuse( RtErrorKind::NotFound, RtStoreQueries::unknownTaskMessage( taskId ) );
    const RtTask stored = current.value().constFirst();
    if ( change.by.trimmed().isEmpty() )
      return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1: --by is required: say who makes the change" ).arg( taskId ) );
    // PostgreSQL's texts cannot hold a NUL: refused on every backend alike, never cut short.
    const std::pair<const char *, const QString *> texts[] = { { "name (--by)", &change.by }, { "note", &change.note },
                                                               { "evidence", &change.evidence }, { "unit", &change.unit } };
    for ( const auto &text : texts )
    {
      const int nul = text.second->indexOf( QChar( 0 ) );
      if ( nul >= 0 )
        return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1: the %2 holds a NUL character (character %3); a text cannot hold one" )
                       .arg( taskId, QLatin1String( text.first ) ).arg( nul + 1 ) );
    }

    const RtDocumentInfo doc = docs.value( stored.resolution );
    const QDate today = QDate::currentDate();
    const QDate date = change.date.isValid() ? change.date : today;
    if ( doc.date.isValid() && date < doc.date )
      return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1: date %2 is before the resolution (%3)" ).arg( taskId, isoDate( date ), isoDate( doc.date ) ) );
    if ( date > today )
      return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1: date %2 is in the future" ).arg( taskId, isoDate( date ) ) );

    const RtResult<QVector<RtHistoryEntry>> history = RtStoreQueries::history( backend, taskId );
    if ( !history )
      return broken( history );
    const RtHistoryEntry last = history.value().isEmpty() ? RtHistoryEntry() : history.value().constLast();
    if ( change.expected && *change.expected != stored.status )
    {
      const QString who = history.value().isEmpty() ? QString()
                          : rtMsg( "RtStore", " (changed by %1 on %2)" ).arg( last.by, isoDate( last.date ) );
      return refuse( RtErrorKind::Stale, rtMsg( "RtStore", "task %1 changed meanwhile: its status is now '%2'%3, not '%4' as your edit assumed; reload and try again" )
                     .arg( taskId, RtStatuses::code( stored.status ), who, RtStatuses::code( *change.expected ) ) );
    }

    // What the row records: a new status; a value; or, keeping the status, its note and evidence.
    const bool statusChanges = change.newStatus && *change.newStatus != stored.status;
    const bool hasValue = change.value.has_value();
    const bool bringsText = !change.note.trimmed().isEmpty() || !change.evidence.trimmed().isEmpty();
    if ( !statusChanges && !hasValue && !bringsText )
    {
      if ( change.newStatus )
        return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1: status is already '%2'; a report that keeps it is recorded when it brings a note, evidence or a value" )
                       .arg( taskId, RtStatuses::code( stored.status ) ) );
      return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1: nothing to record: no status, value, note or evidence" ).arg( taskId ) );
    }
    const bool statusRow = statusChanges || !hasValue;
    const RtStatus newStatus = statusChanges ? *change.newStatus : stored.status;

    if ( statusRow )
    {
      QDate latestDate = stored.statusDate;
      if ( !history.value().isEmpty() && ( !latestDate.isValid() || last.date > latestDate ) )
        latestDate = last.date;
      if ( latestDate.isValid() && date < latestDate )
        return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1: date %2 must not be before the task's latest status date %3" ).arg( taskId, isoDate( date ), isoDate( latestDate ) ) );
    }
    QString unit = change.unit.normalized( QString::NormalizationForm_C ).simplified();
    if ( hasValue )
    {
      if ( stored.target.isEmpty() )
        return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1 has no target in the register; a measured value is recorded against a target the resolution states" ).arg( taskId ) );
      if ( !std::isfinite( *change.value ) || *change.value < 0 )
        return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1: value %2 is not a measure of progress (a number, 0 or more)" ).arg( taskId, number( *change.value ) ) );
      const RtResult<QVector<RtValueEntry>> values = RtStoreQueries::values( backend, taskId );
      if ( !values )
        return broken( values );
      QDate latestValue;
      for ( const RtValueEntry &v : values.value() )
        latestValue = std::max( latestValue, v.date );
      if ( latestValue.isValid() && date < latestValue )
        return refuse( RtErrorKind::Invalid, rtMsg( "RtStore", "task %1: date %2 must not be before the task's latest value date %3" ).arg( taskId, isoDate( date ), isoDate( latestValue ) ) );
      if ( unit.isEmpty() && stored.targetFigure )
        unit = stored.targetFigure->unit;
    }

    RowOutcome out;
    const QString by = change.by.trimmed();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList described;
    if ( statusRow )
    {
      const RtResult<qint64> seq = backend.nextSequence( RtStoreTable::History );
      if ( !seq.ok() )
        return broken( seq );
      const RtStatusResult written = backend.insert( RtStoreTable::History,
      {
        { QStringLiteral( "seq" ), seq.value() },
        { QStringLiteral( "task_id" ), taskId },
        { QStringLiteral( "status_date" ), date },
        { QStringLiteral( "recorded_at" ), now },
        { QStringLiteral( "old_status" ), RtStatuses::code( stored.status ) },
        { QStringLiteral( "new_status" ), RtStatuses::code( newStatus ) },
        { QStringLiteral( "changed_by" ), by },
        { QStringLiteral( "note" ), change.note },
        { QStringLiteral( "evidence" ), change.evidence },
      } );
      if ( !written.ok() )
        return broken( written );
      if ( failpoint && !failpoint() )
        return broken( rtFail( RtErrorKind::Unavailable, rtMsg( "RtStore", "%1: the change of task %2 was interrupted" ).arg( location, taskId ) ) );
      out.statusRows = 1;
      described << ( statusChanges ? QStringLiteral( "%1 → %2" ).arg( RtStatuses::code( stored.status ), RtStatuses::code( newStatus ) )
                     : rtMsg( "RtStore", "%1 kept, %2" ).arg( RtStatuses::code( stored.status ),
                         change.evidence.trimmed().isEmpty() ? rtMsg( "RtStore", "a note" ) : QStringLiteral( "evidence" ) ) );
    }
    if ( hasValue )
    {
      const RtResult<qint64> seq = backend.nextSequence( RtStoreTable::Values );
      if ( !seq.ok() )
        return broken( seq );
      const RtStatusResult written = backend.insert( RtStoreTable::Values,
      {
        { QStringLiteral( "seq" ), seq.value() },
        { QStringLiteral( "task_id" ), taskId },
        { QStringLiteral( "value_date" ), date },
        { QStringLiteral( "recorded_at" ), now },
        { QStringLiteral( "value" ), *change.value },
        { QStringLiteral( "unit" ), unit },
        { QStringLiteral( "changed_by" ), by },
        { QStringLiteral( "note" ), change.note },
        { QStringLiteral( "evidence" ), change.evidence },
      } );
      if ( !written.ok() )
        return broken( written );
      if ( failpoint && !failpoint() )
        return broken( rtFail( RtErrorKind::Unavailable, rtMsg( "RtStore", "%1: the change of task %2 was interrupted" ).arg( location, taskId ) ) );
      out.valueRows = 1;
      described << rtMsg( "RtStore", "value %1%2" ).arg( number( *change.value ), unit.isEmpty() ? QString() : QStringLiteral( " " ) + unit );
    }

    RtStoreRow update { { QStringLiteral( "revision" ), stored.revision + 1 } };
    if ( statusChanges )
    {
      update.insert( QStringLiteral( "status" ), RtStatuses::code( newStatus ) );
      update.insert( QStringLiteral( "status_date" ), date );
    }
    const RtStatusResult written = backend.update( RtStoreTable::Tasks, { QStringLiteral( "task_id" ), taskId }, update );
    if ( !written.ok() )
      return broken( written );
    out.described = rtMsg( "RtStore", "%1: %2 (%3, by %4)" ).arg( taskId, described.join( QStringLiteral( "; " ) ), isoDate( date ), by );
    return out;
  }
}

// ---- RtStore ----------------------------------------------------------------------

RtStore::RtStore() = default;

RtStore::~RtStore() = default;

RtStatusResult RtStore::create( const QString &path, const RtResolution &resolution, const QVector<RtTask> &tasks,
                                const RtDocumentInfo &info, bool overwrite, QString *keptAs )
{
  const QString shown = RtStoreBackends::displayLocation( path );
  return guarded<RtVoid>( rtMsg( "RtStore", "cannot create %1" ).arg( shown ), [&]() -> RtStatusResult
  {
    if ( keptAs )
      keptAs->clear();
    if ( path.isEmpty() )
      return rtFail( rtMsg( "RtStore", "no file name given for the register" ) );
    RtResult<RtStoreWriter> writer = RtStoreWriter::prepare( path, resolution, tasks, info );
    if ( !writer.ok() )
      return RtStatusResult::failureFrom( writer );
    // A new register holds no other resolution: only resolutions outside it can be followed up.
    const RtResult<QVector<RtTask>> resolved = resolveFollowUps( writer.value().tasks(), writer.value().document(), {}, {} );
    if ( !resolved.ok() )
      return rtFail( resolved.errorKind(), rtMsg( "RtStore", "cannot create %1: %2" ).arg( shown, resolved.error() ) );
    writer = RtStoreWriter::prepare( path, resolution, resolved.value(), info );
    if ( !writer.ok() )
      return RtStatusResult::failureFrom( writer );
    const QString number = writer.value().document().number;
    RtStoreCreateRequest request;
    request.overwrite = overwrite;
    request.fill = [&]( RtStoreBackend & backend ) { return writer.value().write( backend ); };
    // Status changes, values, assignments, resolutions and place links recorded by users are never thrown away.
    request.keepReplaced = [&]( RtStoreBackend & old ) { return RtStoreQueries::hasRecordedChanges( old, tasks, number ); };
    return RtStoreBackends::create( path, request, keptAs );
  } );
}

RtResult<std::unique_ptr<RtStore>> RtStore::open( const QString &path, bool writable )
{
  using Result = RtResult<std::unique_ptr<RtStore>>;
  const QString shown = RtStoreBackends::displayLocation( path );
  return guarded<std::unique_ptr<RtStore>>( rtMsg( "RtStore", "cannot open %1" ).arg( shown ), [&]() -> Result
  {
    if ( path.isEmpty() )
      return Result::failure( rtMsg( "RtStore", "no register file given" ) );
    QString kept;
    RtResult<std::unique_ptr<RtStoreBackend>> backend = RtStoreBackends::open( path, writable, &kept );
    if ( !backend.ok() )
      return Result::failureFrom( backend );

    const RtResult<QVector<RtDocumentInfo>> docs = RtStoreQueries::resolutions( *backend.value() );
    if ( !docs.ok() )
      return Result::failure( docs.errorKind(), rtMsg( "RtStore", "%1 is not a readable %2 (%3)" )
                              .arg( shown, RtStoreBackends::kindOf( path ) == RtStoreBackends::Kind::PostgreSql ? QStringLiteral( "register" ) : QStringLiteral( "GeoPackage" ), docs.error() ) );
    // A register made empty on a server (`restrack db init`) waits for its first resolution.
    if ( docs.value().isEmpty() && RtStoreBackends::kindOf( path ) == RtStoreBackends::Kind::PostgreSql )
      return Result::failure( RtErrorKind::NotFound, rtMsg( "RtStore", "%1 holds an empty register: no resolution yet; fill it with "
                              "`restrack push --from FILE.gpkg --db %1`" ).arg( shown ) );
    if ( docs.value().isEmpty() )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStore", "%1 is a damaged register: it holds no resolution" ).arg( shown ) );
    if ( backend.value()->schemaVersion() < 2 && docs.value().size() != 1 )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStore", "%1 is a damaged register: table rt_document must hold one row, it holds %2" )
                              .arg( shown ).arg( docs.value().size() ) );

    std::unique_ptr<RtStore> store( new RtStore() );
    store->mPath = path;
    store->mShownPath = RtStoreBackends::displayLocation( path );
    store->mWritable = writable;
    store->mKeptBeforeUpgrade = kept;
    store->mBackend = backend.takeValue();
    return Result::success( std::move( store ) );
  } );
}

int RtStore::schemaVersion() const
{
  return mBackend ? mBackend->schemaVersion() : 0;
}

RtDocumentInfo RtStore::document() const
{
  const RtResult<QVector<RtDocumentInfo>> docs = resolutions();
  return docs.ok() && !docs.value().isEmpty() ? docs.value().constFirst() : RtDocumentInfo();
}

RtResult<QVector<RtDocumentInfo>> RtStore::resolutions() const
{
  using Result = RtResult<QVector<RtDocumentInfo>>;
  return guarded<QVector<RtDocumentInfo>>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    return RtStoreQueries::resolutions( *mBackend );
  } );
}

RtResult<RtDocumentInfo> RtStore::findResolution( const QString &number ) const
{
  using Result = RtResult<RtDocumentInfo>;
  const RtResult<QVector<RtDocumentInfo>> docs = resolutions();
  if ( !docs.ok() )
    return Result::failureFrom( docs );
  return matchResolution( docs.value(), number, mShownPath );
}

RtResult<RtResolution> RtStore::resolution( const QString &number ) const
{
  using Result = RtResult<RtResolution>;
  return guarded<RtResolution>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    const RtResult<QVector<RtDocumentInfo>> docs = RtStoreQueries::resolutions( *mBackend );
    if ( !docs.ok() )
      return Result::failureFrom( docs );
    if ( docs.value().isEmpty() )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStore", "%1 is a damaged register: it holds no resolution" ).arg( mShownPath ) );
    RtDocumentInfo doc = docs.value().constFirst();
    if ( !number.isEmpty() )
    {
      const RtResult<RtDocumentInfo> found = matchResolution( docs.value(), number, mShownPath );
      if ( !found.ok() )
        return Result::failureFrom( found );
      doc = found.value();
    }
    return RtStoreQueries::resolution( *mBackend, doc );
  } );
}

RtResult<QVector<RtTask>> RtStore::tasks( const QStringList &resolutions ) const
{
  using Result = RtResult<QVector<RtTask>>;
  return guarded<QVector<RtTask>>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    if ( resolutions.size() == 1 )
      return RtStoreQueries::tasks( *mBackend, std::nullopt, resolutions.constFirst() );
    RtResult<QVector<RtTask>> all = RtStoreQueries::tasks( *mBackend );
    if ( !all.ok() || resolutions.isEmpty() )
      return all;
    QVector<RtTask> chosen;
    for ( const RtTask &t : all.value() )
    {
      if ( resolutions.contains( t.resolution ) )
        chosen << t;
    }
    return Result::success( chosen );
  } );
}

RtResult<RtTask> RtStore::task( const QString &taskId ) const
{
  using Result = RtResult<RtTask>;
  return guarded<RtTask>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
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

RtResult<QString> RtStore::resolveTaskId( const QString &taskId, const QString &resolution ) const
{
  using Result = RtResult<QString>;
  if ( resolution.isEmpty() )
  {
    const RtResult<RtTask> t = task( taskId );
    return t.ok() ? Result::success( t.value().id ) : Result::failureFrom( t );
  }
  for ( const QString &id : { taskId, QStringLiteral( "%1@%2" ).arg( taskId, resolution ) } )
  {
    const RtResult<RtTask> t = task( id );
    if ( t.ok() && t.value().resolution == resolution )
      return Result::success( id );
    if ( !t.ok() && t.errorKind() != RtErrorKind::NotFound )
      return Result::failureFrom( t );
  }
  return Result::failure( RtErrorKind::NotFound, rtMsg( "RtStore", "resolution %1 has no task '%2'; run `restrack summary --resolution \"%1\"` to list its task ids" )
                          .arg( resolution, taskId ) );
}

RtResult<QVector<RtTask>> RtStore::tasksAsOf( const QDate &date, const QStringList &resolutions ) const
{
  using Result = RtResult<QVector<RtTask>>;
  const RtResult<QVector<RtDocumentInfo>> docs = this->resolutions();
  if ( !docs.ok() )
    return Result::failureFrom( docs );
  // Only the resolutions passed by then: a later one's tasks did not exist yet.
  QStringList passed;
  RtDocumentInfo earliest;
  for ( const RtDocumentInfo &d : docs.value() )
  {
    if ( !resolutions.isEmpty() && !resolutions.contains( d.number ) )
      continue;
    if ( earliest.number.isEmpty() || ( d.date.isValid() && ( !earliest.date.isValid() || d.date < earliest.date ) ) )
      earliest = d;
    if ( date.isValid() && ( !d.date.isValid() || d.date <= date ) )
      passed << d.number;
  }
  // One rule and one message with the panel, the map and the CLI (RtTasksAsOf::check()).
  const RtStatusResult allowed = RtTasksAsOf::check( earliest, date );
  if ( !allowed.ok() )
    return Result::failureFrom( allowed );
  if ( passed.isEmpty() )
    return Result::failure( RtErrorKind::NotFound, resolutions.isEmpty() ? rtMsg( "RtStore", "%1 holds no resolution" ).arg( mShownPath )
                            : rtMsg( "RtStore", "%1 holds none of the resolutions %2" ).arg( mShownPath, resolutions.join( QStringLiteral( ", " ) ) ) );
  RtResult<QVector<RtTask>> chosen = tasks( passed );
  if ( !chosen.ok() )
    return chosen;
  const RtResult<QHash<QString, RtStatus>> statuses = statusesAsOf( date );
  if ( !statuses.ok() )
    return Result::failureFrom( statuses );
  QVector<RtTask> out = chosen.takeValue();
  for ( RtTask &t : out )
    t.status = statuses.value().value( t.id, RtStatus::NoReport );
  return Result::success( out );
}

RtResult<RtAddedResolution> RtStore::addResolution( const RtResolution &resolution, const QVector<RtTask> &tasks, const RtDocumentInfo &info )
{
  using Result = RtResult<RtAddedResolution>;
  return guarded<RtAddedResolution>( rtMsg( "RtStore", "cannot add a resolution to %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    if ( !mWritable )
      return Result::failure( RtErrorKind::ReadOnly, rtMsg( "RtStore", "%1 was opened read-only; nothing was added" ).arg( mShownPath ) );
    const RtResult<RtStoreWriter> checked = RtStoreWriter::prepare( mShownPath, resolution, tasks, info );
    if ( !checked.ok() )
      return Result::failureFrom( checked );
    const RtDocumentInfo &doc = checked.value().document();

    RtStoreBackend &backend = *mBackend;
    WriteScope scope( backend );
    const RtStatusResult locked = backend.beginWrite( QString() );
    if ( !locked.ok() )
      return Result::failure( locked.errorKind(), rtMsg( "RtStore", "nothing was added to %1: %2" ).arg( mShownPath, locked.error() ) );
    const RtResult<QVector<RtDocumentInfo>> docs = RtStoreQueries::resolutions( backend );
    if ( !docs.ok() )
      return Result::failureFrom( docs );
    for ( const RtDocumentInfo &d : docs.value() )
    {
      if ( numberKey( d.number ) == numberKey( doc.number ) )
        return Result::failure( rtMsg( "RtStore", "%1 holds resolution %2 already; nothing was added" ).arg( mShownPath, d.number ) );
    }
    const RtResult<QVector<RtTask>> stored = RtStoreQueries::tasks( backend );
    if ( !stored.ok() )
      return Result::failureFrom( stored );

    // Ids stay unique in the register: one already taken is qualified by the resolution's number.
    QSet<QString> taken;
    for ( const RtTask &t : stored.value() )
      taken.insert( t.id );
    RtAddedResolution added;
    added.number = doc.number;
    QVector<RtTask> placed = checked.value().tasks();
    for ( RtTask &t : placed )
    {
      if ( !taken.contains( t.id ) )
        continue;
      const QString qualified = QStringLiteral( "%1@%2" ).arg( t.id, doc.number );
      if ( taken.contains( qualified ) )
        return Result::failure( rtMsg( "RtStore", "task id %1 of %2 is taken in %3, and so is %4; nothing was added" ).arg( t.id, doc.number, mShownPath, qualified ) );
      added.renamed.append( qMakePair( t.id, qualified ) );
      t.id = qualified;
    }
    for ( const RtTask &t : std::as_const( placed ) )
    {
      if ( taken.contains( t.id ) )
        return Result::failure( rtMsg( "RtStore", "task id %1 of %2 is taken in %3; nothing was added" ).arg( t.id, doc.number, mShownPath ) );
    }
    const RtResult<QVector<RtTask>> resolved = resolveFollowUps( placed, doc, docs.value(), stored.value() );
    if ( !resolved.ok() )
      return Result::failure( resolved.errorKind(), rtMsg( "RtStore", "nothing was added to %1: %2" ).arg( mShownPath, resolved.error() ) );

    const RtResult<RtStoreWriter> writer = RtStoreWriter::prepare( mShownPath, resolution, resolved.value(), info );
    if ( !writer.ok() )
      return Result::failureFrom( writer );
    RtStatusResult written = writer.value().append( backend );
    if ( written.ok() && mFailpoint && !mFailpoint() )
      written = rtFail( RtErrorKind::Unavailable, rtMsg( "RtStore", "the addition of %1 was interrupted" ).arg( doc.number ) );
    bool unknown = false;
    if ( written.ok() )
      written = commitWrite( backend, &unknown );
    if ( !written.ok() )
      return unknown ? Result::failureFrom( written )
             : Result::failure( written.errorKind(), rtMsg( "RtStore", "write failed: nothing was added to %1: %2" ).arg( mShownPath, written.error() ) );
    added.tasks = placed.size();
    return Result::success( added );
  } );
}

RtResult<RtBatchOutcome> RtStore::applyBatch( const QVector<RtTaskChange> &changes, bool dryRun, const QString &lockTaskId, bool *outcomeUnknown )
{
  if ( outcomeUnknown )
    *outcomeUnknown = false;
  using Result = RtResult<RtBatchOutcome>;
  RtStoreBackend &backend = *mBackend;
  WriteScope scope( backend );
  const RtStatusResult locked = backend.beginWrite( lockTaskId );
  if ( !locked.ok() )
    return Result::failureFrom( lockTaskId.isEmpty() ? rtFail( locked.errorKind(), rtMsg( "RtStore", "write failed: nothing changed: %1" ).arg( locked.error() ) )
                                : writeFailed( lockTaskId, locked ) );
  const RtResult<QVector<RtDocumentInfo>> docs = RtStoreQueries::resolutions( backend );
  if ( !docs.ok() )
    return Result::failureFrom( docs );
  QHash<QString, RtDocumentInfo> byNumber;
  for ( const RtDocumentInfo &d : docs.value() )
    byNumber.insert( d.number, d );

  // Every row is checked against the register as the rows before it leave it, inside the
  // one transaction; a refused row writes nothing, and then nothing at all is committed.
  RtBatchOutcome outcome;
  for ( int i = 0; i < changes.size(); ++i )
  {
    const RowOutcome row = applyRow( backend, changes.at( i ), byNumber, mFailpoint, mShownPath );
    if ( row.fatal )
    {
      // The transaction is rolled back whole: of a batch of several tasks, not one is changed.
      if ( !lockTaskId.isEmpty() )
        return Result::failureFrom( writeFailed( lockTaskId, row.result ) );
      return Result::failure( row.result.errorKind(), rtMsg( "RtStore", "write failed: nothing changed, the whole batch of %1 changes was rolled back: %2" )
                              .arg( changes.size() ).arg( row.result.error() ) );
    }
    if ( !row.result.ok() )
    {
      outcome.errors.append( { i + 1, changes.at( i ).taskId, row.result.errorKind(), row.result.error() } );
      continue;
    }
    outcome.changes << row.described;
    outcome.statusRows += row.statusRows;
    outcome.valueRows += row.valueRows;
  }
  if ( dryRun || !outcome.errors.isEmpty() )
  {
    backend.rollback();
    return Result::success( outcome );
  }
  bool unknown = false;
  const RtStatusResult committed = commitWrite( backend, &unknown );
  if ( unknown )
  {
    if ( outcomeUnknown )
      *outcomeUnknown = true;
    return Result::failureFrom( committed );
  }
  if ( !committed.ok() )
    return Result::failureFrom( lockTaskId.isEmpty() ? rtFail( committed.errorKind(), rtMsg( "RtStore", "write failed: nothing changed: %1" ).arg( committed.error() ) )
                                : writeFailed( lockTaskId, committed ) );
  outcome.applied = true;
  return Result::success( outcome );
}

RtResult<RtBatchOutcome> RtStore::applyChanges( const QVector<RtTaskChange> &changes, bool dryRun, bool *outcomeUnknown )
{
  if ( outcomeUnknown )
    *outcomeUnknown = false;
  using Result = RtResult<RtBatchOutcome>;
  return guarded<RtBatchOutcome>( rtMsg( "RtStore", "write failed: %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    if ( !mWritable )
      return Result::failure( RtErrorKind::ReadOnly, rtMsg( "RtStore", "nothing changed: %1 was opened read-only" ).arg( mShownPath ) );
    if ( changes.isEmpty() )
      return Result::failure( rtMsg( "RtStore", "nothing changed: the batch holds no change" ) );
    QSet<QString> ids;
    for ( const RtTaskChange &c : changes )
      ids.insert( c.taskId );
    return applyBatch( changes, dryRun, ids.size() == 1 ? changes.constFirst().taskId : QString(), outcomeUnknown );
  } );
}

RtStatusResult RtStore::setStatus( const RtStatusChange &change )
{
  return guarded<RtVoid>( rtMsg( "RtStore", "write failed: %1" ).arg( mShownPath ), [&]() -> RtStatusResult
  {
    if ( !mBackend )
      return notOpen();
    const QString &taskId = change.taskId;
    // Cheap checks first; applyRow() checks everything again under the lock.
    const RtResult<RtTask> before = task( taskId );
    if ( !before )
      return RtStatusResult::failureFrom( before );
    if ( change.by.trimmed().isEmpty() )
      return rtFail( rtMsg( "RtStore", "task %1: --by is required: say who makes the change" ).arg( taskId ) );
    if ( !mWritable )
      return rtFail( RtErrorKind::ReadOnly, rtMsg( "RtStore", "task %1 not changed: %2 was opened read-only" ).arg( taskId, mShownPath ) );

    RtTaskChange row;
    row.taskId = taskId;
    row.newStatus = change.newStatus;
    row.by = change.by;
    row.date = change.date;
    row.note = change.note;
    row.evidence = change.evidence;
    row.expected = change.expected;
    const RtResult<RtBatchOutcome> applied = applyBatch( { row }, false, taskId );
    if ( !applied.ok() )
      return RtStatusResult::failureFrom( applied );
    if ( !applied.value().errors.isEmpty() )
      return rtFail( applied.value().errors.constFirst().kind, applied.value().errors.constFirst().message );
    return rtOk();
  } );
}

RtStatusResult RtStore::setValue( const RtValueChange &change )
{
  return guarded<RtVoid>( rtMsg( "RtStore", "write failed: %1" ).arg( mShownPath ), [&]() -> RtStatusResult
  {
    if ( !mBackend )
      return notOpen();
    const RtResult<RtTask> before = task( change.taskId );
    if ( !before )
      return RtStatusResult::failureFrom( before );
    if ( !mWritable )
      return rtFail( RtErrorKind::ReadOnly, rtMsg( "RtStore", "task %1 not changed: %2 was opened read-only" ).arg( change.taskId, mShownPath ) );
    RtTaskChange row;
    row.taskId = change.taskId;
    row.value = change.value;
    row.unit = change.unit;
    row.by = change.by;
    row.date = change.date;
    row.note = change.note;
    row.evidence = change.evidence;
    const RtResult<RtBatchOutcome> applied = applyBatch( { row }, false, change.taskId );
    if ( !applied.ok() )
      return RtStatusResult::failureFrom( applied );
    if ( !applied.value().errors.isEmpty() )
      return rtFail( applied.value().errors.constFirst().kind, applied.value().errors.constFirst().message );
    return rtOk();
  } );
}

RtStatusResult RtStore::assign( const RtAssignmentChange &change )
{
  return guarded<RtVoid>( rtMsg( "RtStore", "write failed: %1" ).arg( mShownPath ), [&]() -> RtStatusResult
  {
    if ( !mBackend )
      return notOpen();
    const QString &taskId = change.taskId;
    const RtResult<RtTask> before = task( taskId );
    if ( !before )
      return RtStatusResult::failureFrom( before );
    if ( change.by.trimmed().isEmpty() )
      return rtFail( rtMsg( "RtStore", "task %1: --by is required: say who assigns the task" ).arg( taskId ) );
    RtAssignment wanted;
    wanted.taskId = taskId;
    wanted.lead = RtAssignment::cleanOffice( change.lead );
    if ( wanted.lead.isEmpty() )
      return rtFail( rtMsg( "RtStore", "task %1: the lead office is required (--office)" ).arg( taskId ) );
    QSet<QString> keys;
    for ( const QString &office : change.with )
    {
      const QString clean = RtAssignment::cleanOffice( office );
      if ( clean.isEmpty() )
        continue;
      if ( RtAssignment::officeKey( clean ) == RtAssignment::officeKey( wanted.lead ) )
        return rtFail( rtMsg( "RtStore", "task %1: %2 is the lead office; it cannot also be a cooperating one" ).arg( taskId, clean ) );
      if ( keys.contains( RtAssignment::officeKey( clean ) ) )
        continue; // named twice: counted once
      keys.insert( RtAssignment::officeKey( clean ) );
      wanted.with << clean;
    }
    if ( !mWritable )
      return rtFail( RtErrorKind::ReadOnly, rtMsg( "RtStore", "task %1 not changed: %2 was opened read-only" ).arg( taskId, mShownPath ) );

    RtStoreBackend &backend = *mBackend;
    WriteScope scope( backend );
    const RtResult<RtTask> locked = lockTask( backend, taskId );
    if ( !locked )
      return RtStatusResult::failureFrom( locked );
    const RtResult<QVector<RtAssignment>> earlier = RtStoreQueries::assignments( backend, taskId );
    if ( !earlier.ok() )
      return RtStatusResult::failureFrom( earlier );
    if ( !earlier.value().isEmpty() && earlier.value().constLast().sameOffices( wanted ) )
      return rtFail( rtMsg( "RtStore", "task %1 is assigned so already (lead %2, by %3 on %4)" )
                     .arg( taskId, earlier.value().constLast().lead, earlier.value().constLast().by,
                           isoDate( earlier.value().constLast().recordedAt.date() ) ) );

    const RtResult<qint64> seq = backend.nextSequence( RtStoreTable::Assignments );
    if ( !seq.ok() )
      return writeFailed( taskId, RtStatusResult::failureFrom( seq ) );
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVector<QPair<QString, QString>> rows { qMakePair( RtStoreSchema::leadRole(), wanted.lead ) };
    for ( const QString &office : std::as_const( wanted.with ) )
      rows << qMakePair( RtStoreSchema::withRole(), office );
    RtStatusResult written = rtOk();
    for ( const auto &row : std::as_const( rows ) )
    {
      written = backend.insert( RtStoreTable::Assignments,
      {
        { QStringLiteral( "seq" ), seq.value() },
        { QStringLiteral( "task_id" ), taskId },
        { QStringLiteral( "role" ), row.first },
        { QStringLiteral( "office" ), row.second },
        { QStringLiteral( "office_key" ), RtAssignment::officeKey( row.second ) },
        { QStringLiteral( "assigned_by" ), change.by.trimmed() },
        { QStringLiteral( "recorded_at" ), now },
      } );
      if ( !written.ok() )
        return writeFailed( taskId, written );
    }
    if ( mFailpoint && !mFailpoint() )
      return rtFail( RtErrorKind::Unavailable, rtMsg( "RtStore", "write failed: %1: the assignment of task %2 was interrupted; nothing was changed" ).arg( mShownPath, taskId ) );
    written = backend.update( RtStoreTable::Tasks, { QStringLiteral( "task_id" ), taskId },
    { { QStringLiteral( "revision" ), locked.value().revision + 1 } } );
    bool unknown = false;
    if ( written.ok() )
      written = commitWrite( backend, &unknown );
    if ( !written.ok() )
      return unknown ? written : writeFailed( taskId, written );
    return rtOk();
  } );
}

RtStatusResult RtStore::setTaskPlaces( const QString &taskId, const QStringList &places, const std::optional<QStringList> &expected )
{
  return guarded<RtVoid>( rtMsg( "RtStore", "write failed: %1" ).arg( mShownPath ), [&]() -> RtStatusResult
  {
    if ( !mBackend )
      return notOpen();
    if ( !mWritable )
      return rtFail( RtErrorKind::ReadOnly, rtMsg( "RtStore", "task %1 not changed: %2 was opened read-only" ).arg( taskId, mShownPath ) );
    QStringList wanted;
    for ( const QString &place : places )
    {
      const QString p = place.trimmed();
      const int colon = p.indexOf( QLatin1Char( ':' ) );
      const QString kind = colon < 0 ? QString() : p.left( colon );
      static const QStringList sKinds { QStringLiteral( "ward" ), QStringLiteral( "zone" ), QStringLiteral( "site" ), QStringLiteral( "parcel" ) };
      if ( !sKinds.contains( kind ) || p.mid( colon + 1 ).trimmed().isEmpty() )
        return rtFail( rtMsg( "RtStore", "task %1: place '%2' is not kind:key with kind ward, zone, site or parcel" ).arg( taskId, place ) );
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
      return rtFail( RtErrorKind::Stale, rtMsg( "RtStore", "task %1 changed meanwhile: its places are now '%2', not '%3' as your edit assumed; reload and try again" )
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
      return rtFail( RtErrorKind::Unavailable, rtMsg( "RtStore", "write failed: %1: the change of the places of task %2 was interrupted; nothing was changed" ).arg( mShownPath, taskId ) );
    bool unknown = false;
    if ( written.ok() )
      written = commitWrite( backend, &unknown );
    if ( !written.ok() )
      return unknown ? written : writeFailed( taskId, written );
    return rtOk();
  } );
}

RtResult<QVector<RtHistoryEntry>> RtStore::history( const QString &taskId ) const
{
  using Result = RtResult<QVector<RtHistoryEntry>>;
  return guarded<QVector<RtHistoryEntry>>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
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
  return guarded<QHash<QString, RtStatus>>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    if ( !date.isValid() )
      return Result::failure( rtMsg( "RtStore", "no valid date given" ) );
    const RtResult<QVector<RtDocumentInfo>> docs = RtStoreQueries::resolutions( *mBackend );
    if ( !docs.ok() )
      return Result::failureFrom( docs );
    QDate first;
    for ( const RtDocumentInfo &d : docs.value() )
    {
      if ( d.date.isValid() && ( !first.isValid() || d.date < first ) )
        first = d.date;
    }
    if ( first.isValid() && date < first )
      return Result::failure( rtMsg( "RtStore", "date %1 is before the resolution (%2): its tasks had no status yet" ).arg( isoDate( date ), isoDate( first ) ) );
    return RtStoreQueries::statusesAsOf( *mBackend, date );
  } );
}

RtResult<QVector<RtValueEntry>> RtStore::values( const QString &taskId ) const
{
  using Result = RtResult<QVector<RtValueEntry>>;
  return guarded<QVector<RtValueEntry>>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    const RtResult<RtTask> t = task( taskId );
    if ( !t )
      return Result::failureFrom( t );
    return RtStoreQueries::values( *mBackend, taskId );
  } );
}

RtResult<QHash<QString, RtValueEntry>> RtStore::valuesAsOf( const QDate &date ) const
{
  using Result = RtResult<QHash<QString, RtValueEntry>>;
  return guarded<QHash<QString, RtValueEntry>>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    if ( !date.isValid() )
      return Result::failure( rtMsg( "RtStore", "no valid date given" ) );
    return RtStoreQueries::valuesAsOf( *mBackend, date );
  } );
}

RtResult<QVector<RtAssignment>> RtStore::assignments( const QString &taskId ) const
{
  using Result = RtResult<QVector<RtAssignment>>;
  return guarded<QVector<RtAssignment>>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    const RtResult<RtTask> t = task( taskId );
    if ( !t )
      return Result::failureFrom( t );
    return RtStoreQueries::assignments( *mBackend, taskId );
  } );
}

RtResult<QHash<QString, RtAssignment>> RtStore::currentAssignments() const
{
  using Result = RtResult<QHash<QString, RtAssignment>>;
  return guarded<QHash<QString, RtAssignment>>( rtMsg( "RtStore", "cannot read %1" ).arg( mShownPath ), [&]() -> Result
  {
    if ( !mBackend )
      return Result::failureFrom( notOpen() );
    const RtResult<QVector<RtAssignment>> all = RtStoreQueries::assignments( *mBackend );
    if ( !all.ok() )
      return Result::failureFrom( all );
    QHash<QString, RtAssignment> current;
    for ( const RtAssignment &a : all.value() )
      current.insert( a.taskId, a ); // in the order recorded: the last one stays
    return Result::success( current );
  } );
}
