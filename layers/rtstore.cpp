#include "rtstore.h"
#include "rtgpkgbackend.h"
#include "rtstatus.h"
#include "rtstorequeries.h"
#include "rtstoreschema.h"
#include "rtstorewriter.h"

#include <QFileInfo>

using namespace RtStoreInternal;

// ---- RtStore ----------------------------------------------------------------------

RtStore::~RtStore()
{
  if ( mDataset )
  {
    QuietGdalErrors quiet;
    GDALClose( mDataset );
  }
}

RtStatusResult RtStore::create( const QString &path, const RtResolution &resolution, const QVector<RtTask> &tasks,
                                const RtDocumentInfo &info, bool overwrite )
{
  return guarded<RtVoid>( QStringLiteral( "cannot create %1" ).arg( path ), [&]
  {
    QuietGdalErrors quiet;
    return createRegister( path, resolution, tasks, info, overwrite );
  } );
}

RtResult<std::unique_ptr<RtStore>> RtStore::open( const QString &path, bool writable )
{
  using Result = RtResult<std::unique_ptr<RtStore>>;
  return guarded<std::unique_ptr<RtStore>>( QStringLiteral( "cannot open %1" ).arg( path ), [&]() -> Result
  {
    const QFileInfo fi( path );
    if ( path.isEmpty() )
      return Result::failure( QStringLiteral( "no register file given" ) );
    if ( !fi.exists() )
      return Result::failure( QStringLiteral( "%1 does not exist" ).arg( path ) );
    if ( fi.isDir() )
      return Result::failure( QStringLiteral( "%1 is a folder, not a GeoPackage file" ).arg( path ) );
    const QString header = headerProblem( path );
    if ( !header.isEmpty() )
      return Result::failure( QStringLiteral( "%1 is not a readable GeoPackage (%2)" ).arg( path, header ) );

    QuietGdalErrors quiet;
    const char *const drivers[] = { "GPKG", nullptr };
    const unsigned int flags = GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR | ( writable ? GDAL_OF_UPDATE : GDAL_OF_READONLY );
    GDALDataset *ds = GDALDataset::FromHandle( GDALOpenEx( path.toUtf8().constData(), flags, drivers, nullptr, nullptr ) );
    if ( !ds )
      return Result::failure( QStringLiteral( "%1 is not a readable GeoPackage (%2)" ).arg( path, gdalMessage( QStringLiteral( "GDAL cannot open it" ) ) ) );

    std::unique_ptr<RtStore> store( new RtStore() );
    store->mPath = path;
    store->mWritable = writable;
    store->mDataset = ds;

    // Another process (the plugin, the CLI) may be writing: wait for it rather than fail at once.
    execute( ds, QStringLiteral( "PRAGMA busy_timeout = 5000" ) );

    // A truncated or damaged file can still open: SQLite only notices when it reads the pages.
    QString check;
    QString error = forEachRow( ds, QStringLiteral( "PRAGMA quick_check" ), [&]( const OGRFeature & f )
    {
      const char *value = f.GetFieldAsString( 0 );
      if ( check.isEmpty() )
        check = QString::fromUtf8( value ? value : "" );
      return false;
    } );
    if ( !error.isEmpty() || check != QLatin1String( "ok" ) )
      return Result::failure( QStringLiteral( "%1 is not a readable GeoPackage (%2)" ).arg( path, error.isEmpty() ? check : error ) );

    for ( const TableSpec &table : schema() )
    {
      OGRLayer *layer = ds->GetLayerByName( table.name );
      if ( !layer )
        return Result::failure( QStringLiteral( "%1 is a GeoPackage but not a Resolution Tracker register: table %2 missing" ).arg( path, QLatin1String( table.name ) ) );
      OGRFeatureDefn *defn = layer->GetLayerDefn();
      for ( const FieldSpec &field : table.fields )
      {
        if ( defn->GetFieldIndex( field.name ) < 0 )
          return Result::failure( QStringLiteral( "%1 is not a register this version can read: column %2.%3 missing" )
                                  .arg( path, QLatin1String( table.name ), QLatin1String( field.name ) ) );
      }
    }

    RtDocumentInfo doc;
    int rows = 0;
    error = readDocument( ds, doc, &rows );
    if ( !error.isEmpty() )
      return Result::failure( QStringLiteral( "%1 is not a readable GeoPackage (%2)" ).arg( path, error ) );
    if ( rows != 1 )
      return Result::failure( QStringLiteral( "%1 is a damaged register: table rt_document must hold one row, it holds %2" ).arg( path ).arg( rows ) );
    return Result::success( std::move( store ) );
  } );
}

RtDocumentInfo RtStore::document() const
{
  RtDocumentInfo info;
  if ( !mDataset )
    return info;
  try
  {
    QuietGdalErrors quiet;
    readDocument( mDataset, info );
  }
  catch ( ... )
  {
    return RtDocumentInfo();
  }
  return info;
}

RtResult<RtResolution> RtStore::resolution() const
{
  using Result = RtResult<RtResolution>;
  return guarded<RtResolution>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]() -> Result
  {
    QuietGdalErrors quiet;
    if ( !mDataset )
      return Result::failure( QStringLiteral( "the register is not open" ) );

    RtDocumentInfo doc;
    QString error = readDocument( mDataset, doc );
    if ( !error.isEmpty() )
      return Result::failure( QStringLiteral( "cannot read the document of %1: %2" ).arg( mPath, error ) );
    RtResolution res;
    res.number = doc.number;
    res.date = doc.date;
    res.title = doc.title;
    res.body = doc.body;
    res.session = doc.session;
    res.place = doc.place;
    res.documentType = doc.documentType;
    res.preamble = doc.preamble;
    res.closing = doc.closing;
    res.signerTitle = doc.signerTitle;
    res.signer = doc.signer;

    // Rows come in pre-order, so a clause's parent is the latest clause added on its path.
    QString problem;
    error = forEachRow( mDataset, QStringLiteral( "SELECT * FROM rt_clauses ORDER BY ordinal, fid" ), [&]( const OGRFeature & f )
    {
      RtClause clause;
      clause.label = fieldString( f, "label" );
      clause.text = fieldString( f, "text" );
      clause.line = static_cast<int>( fieldInt( f, "line" ) );
      QVector<RtClause> *siblings = &res.clauses;
      for ( const QString &label : rtClausePathFromString( fieldString( f, "parent_path" ) ) )
      {
        RtClause *parent = nullptr;
        for ( int i = siblings->size() - 1; i >= 0 && !parent; --i )
        {
          if ( ( *siblings )[i].label == label )
            parent = &( *siblings )[i];
        }
        if ( !parent )
        {
          problem = QStringLiteral( "clause '%1' comes before its parent '%2'" ).arg( fieldString( f, "path" ), fieldString( f, "parent_path" ) );
          return false;
        }
        siblings = &parent->children;
      }
      siblings->append( clause );
      return true;
    } );
    if ( error.isEmpty() && !problem.isEmpty() )
      error = problem;
    if ( !error.isEmpty() )
      return Result::failure( QStringLiteral( "cannot read the clauses of %1: %2" ).arg( mPath, error ) );

    error = forEachRow( mDataset, QStringLiteral( "SELECT * FROM rt_footnotes ORDER BY fid" ), [&]( const OGRFeature & f )
    {
      RtFootnote footnote;
      footnote.number = static_cast<int>( fieldInt( f, "number" ) );
      footnote.text = fieldString( f, "text" );
      footnote.clausePath = rtClausePathFromString( fieldString( f, "clause_path" ) );
      footnote.line = static_cast<int>( fieldInt( f, "line" ) );
      res.footnotes.append( footnote );
      return true;
    } );
    if ( !error.isEmpty() )
      return Result::failure( QStringLiteral( "cannot read the footnotes of %1: %2" ).arg( mPath, error ) );

    error = forEachRow( mDataset, QStringLiteral( "SELECT * FROM rt_figures ORDER BY fid" ), [&]( const OGRFeature & f )
    {
      RtFigure figure;
      const QString kind = fieldString( f, "kind" );
      const std::optional<RtFigure::Kind> k = figureKindFromCode( kind );
      if ( !k )
      {
        problem = QStringLiteral( "unknown figure kind '%1'" ).arg( kind );
        return false;
      }
      figure.kind = *k;
      figure.value = fieldReal( f, "value" );
      figure.total = fieldReal( f, "total" );
      figure.comparator = fieldString( f, "comparator" );
      figure.subject = fieldString( f, "subject" );
      figure.label = fieldString( f, "label" );
      const QString items = fieldString( f, "items" );
      if ( !items.isEmpty() )
        figure.items = items.split( QStringLiteral( "; " ) );
      figure.deadline = fieldString( f, "deadline" );
      figure.quote = fieldString( f, "quote" );
      figure.clausePath = rtClausePathFromString( fieldString( f, "clause_path" ) );
      res.figures.append( figure );
      return true;
    } );
    if ( error.isEmpty() && !problem.isEmpty() )
      error = problem;
    if ( !error.isEmpty() )
      return Result::failure( QStringLiteral( "cannot read the figures of %1: %2" ).arg( mPath, error ) );
    return Result::success( res );
  } );
}

RtResult<QVector<RtTask>> RtStore::tasks() const
{
  return guarded<QVector<RtTask>>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]
  {
    QuietGdalErrors quiet;
    if ( !mDataset )
      return RtResult<QVector<RtTask>>::failure( QStringLiteral( "the register is not open" ) );
    return readTasks( mDataset, mPath, QString() );
  } );
}

RtResult<RtTask> RtStore::task( const QString &taskId ) const
{
  using Result = RtResult<RtTask>;
  return guarded<RtTask>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]() -> Result
  {
    QuietGdalErrors quiet;
    if ( !mDataset )
      return Result::failure( QStringLiteral( "the register is not open" ) );
    RtResult<QVector<RtTask>> found = readTasks( mDataset, mPath, QStringLiteral( "task_id = %1" ).arg( sqlQuote( taskId ) ) );
    if ( !found )
      return Result::failure( found.error() );
    if ( found.value().isEmpty() )
      return Result::failure( unknownTaskMessage( taskId ) );
    return Result::success( found.value().constFirst() );
  } );
}

RtStatusResult RtStore::setStatus( const RtStatusChange &change )
{
  return guarded<RtVoid>( QStringLiteral( "write failed: %1" ).arg( mPath ), [&]() -> RtStatusResult
  {
    QuietGdalErrors quiet;
    if ( !mDataset )
      return rtFail( QStringLiteral( "the register is not open" ) );
    const QString &taskId = change.taskId;

    // Cheap checks first; the ones that depend on the stored state are repeated under the lock.
    const RtResult<RtTask> before = task( taskId );
    if ( !before )
      return rtFail( before.error() );
    if ( change.by.trimmed().isEmpty() )
      return rtFail( QStringLiteral( "task %1: --by is required: say who makes the change" ).arg( taskId ) );
    if ( !mWritable )
      return rtFail( QStringLiteral( "task %1 not changed: %2 was opened read-only" ).arg( taskId, mPath ) );

    const RtDocumentInfo doc = document();
    const QDate today = QDate::currentDate();
    const QDate date = change.date.isValid() ? change.date : today;
    if ( doc.date.isValid() && date < doc.date )
      return rtFail( QStringLiteral( "task %1: date %2 is before the resolution (%3)" ).arg( taskId, isoDate( date ), isoDate( doc.date ) ) );
    if ( date > today )
      return rtFail( QStringLiteral( "task %1: date %2 is in the future" ).arg( taskId, isoDate( date ) ) );

    Transaction transaction( mDataset );
    const RtResult<RtTask> locked = lockTask( mDataset, mPath, taskId, transaction );
    if ( !locked )
      return rtFail( locked.error() );
    const RtTask &stored = locked.value();
    const QString whereTask = QStringLiteral( "task_id = %1" ).arg( sqlQuote( taskId ) );
    QString error;

    const RtResult<QVector<RtHistoryEntry>> latest = readHistory( mDataset, mPath, whereTask, QStringLiteral( " ORDER BY seq DESC, fid DESC LIMIT 1" ) );
    if ( !latest )
      return rtFail( latest.error() );
    const RtHistoryEntry last = latest.value().isEmpty() ? RtHistoryEntry() : latest.value().constFirst();

    if ( change.expected && *change.expected != stored.status )
    {
      const QString who = latest.value().isEmpty() ? QString()
                          : QStringLiteral( " (changed by %1 on %2)" ).arg( last.by, isoDate( last.date ) );
      return rtFail( QStringLiteral( "task %1 changed meanwhile: its status is now '%2'%3, not '%4' as your edit assumed; reload and try again" )
                     .arg( taskId, RtStatuses::code( stored.status ), who, RtStatuses::code( *change.expected ) ) );
    }
    if ( change.newStatus == stored.status )
      return rtFail( QStringLiteral( "task %1: status is already '%2'" ).arg( taskId, RtStatuses::code( stored.status ) ) );

    QDate latestDate = stored.statusDate;
    if ( !latest.value().isEmpty() && ( !latestDate.isValid() || last.date > latestDate ) )
      latestDate = last.date;
    if ( latestDate.isValid() && date < latestDate )
      return rtFail( QStringLiteral( "task %1: date %2 must not be before the task's latest status date %3" ).arg( taskId, isoDate( date ), isoDate( latestDate ) ) );

    qint64 seq = 0;
    error = forEachRow( mDataset, QStringLiteral( "SELECT MAX(seq) AS max_seq FROM rt_status_history" ), [&]( const OGRFeature & f )
    {
      seq = fieldInt( f, "max_seq" );
      return false;
    } );
    if ( !error.isEmpty() )
      return rtFail( QStringLiteral( "write failed: cannot read the status history of %1 (%2); nothing was changed" ).arg( mPath, error ) );

    // Plain SQL rather than OGR features: GDAL's layer objects then hold nothing to flush
    // on close, so a rolled-back change leaves the file exactly as it was.
    const QString now = isoUtc( QDateTime::currentDateTimeUtc() );
    error = execute( mDataset, QStringLiteral( "INSERT INTO rt_status_history (seq, task_id, status_date, recorded_at, old_status, new_status, changed_by, note, evidence) "
                                               "VALUES (%1, %2, %3, %4, %5, %6, %7, %8, %9)" )
                     .arg( seq + 1 )
                     .arg( sqlQuote( taskId ), sqlDate( date ), sqlQuote( now ), sqlQuote( RtStatuses::code( stored.status ) ),
                           sqlQuote( RtStatuses::code( change.newStatus ) ), sqlQuote( change.by.trimmed() ),
                           sqlQuote( change.note ), sqlQuote( change.evidence ) ) );
    if ( !error.isEmpty() )
      return rtFail( QStringLiteral( "write failed: cannot add to the status history of %1 (%2); nothing was changed" ).arg( mPath, error ) );

    if ( mFailpoint && !mFailpoint() )
      return rtFail( QStringLiteral( "write failed: %1: the change of task %2 was interrupted; nothing was changed" ).arg( mPath, taskId ) );

    error = execute( mDataset, QStringLiteral( "UPDATE rt_tasks SET status = %1, status_date = %2, revision = revision + 1 WHERE %3" )
                     .arg( sqlQuote( RtStatuses::code( change.newStatus ) ), sqlDate( date ), whereTask ) );
    if ( error.isEmpty() )
      error = execute( mDataset, QStringLiteral( "UPDATE gpkg_contents SET last_change = %1 WHERE lower(table_name) IN ('rt_tasks', 'rt_status_history')" ).arg( sqlQuote( now ) ) );
    if ( !error.isEmpty() )
      return rtFail( QStringLiteral( "write failed: cannot update task %1 in %2 (%3); nothing was changed" ).arg( taskId, mPath, error ) );

    if ( !transaction.commit() )
      return rtFail( QStringLiteral( "write failed: cannot save the change of task %1 to %2 (%3); nothing was changed, try again" )
                     .arg( taskId, mPath, gdalMessage( QStringLiteral( "commit failed" ) ) ) );
    return rtOk();
  } );
}

RtStatusResult RtStore::setTaskPlaces( const QString &taskId, const QStringList &places, const std::optional<QStringList> &expected )
{
  return guarded<RtVoid>( QStringLiteral( "write failed: %1" ).arg( mPath ), [&]() -> RtStatusResult
  {
    QuietGdalErrors quiet;
    if ( !mDataset )
      return rtFail( QStringLiteral( "the register is not open" ) );
    if ( !mWritable )
      return rtFail( QStringLiteral( "task %1 not changed: %2 was opened read-only" ).arg( taskId, mPath ) );
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
    Transaction transaction( mDataset );
    const RtResult<RtTask> locked = lockTask( mDataset, mPath, taskId, transaction );
    if ( !locked )
      return rtFail( locked.error() );
    const QStringList stored = locked.value().places;
    const QString whereTask = QStringLiteral( "task_id = %1" ).arg( sqlQuote( taskId ) );
    if ( expected && *expected != stored )
      return rtFail( QStringLiteral( "task %1 changed meanwhile: its places are now '%2', not '%3' as your edit assumed; reload and try again" )
                     .arg( taskId, stored.join( QStringLiteral( ", " ) ), expected->join( QStringLiteral( ", " ) ) ) );

    QString error = execute( mDataset, QStringLiteral( "DELETE FROM rt_task_places WHERE %1" ).arg( whereTask ) );
    for ( const QString &p : std::as_const( wanted ) )
    {
      if ( !error.isEmpty() )
        break;
      const int colon = p.indexOf( QLatin1Char( ':' ) );
      error = execute( mDataset, QStringLiteral( "INSERT INTO rt_task_places (task_id, place_kind, place_key) VALUES (%1, %2, %3)" )
                       .arg( sqlQuote( taskId ), sqlQuote( p.left( colon ) ), sqlQuote( p.mid( colon + 1 ).trimmed() ) ) );
    }
    if ( error.isEmpty() && mFailpoint && !mFailpoint() )
      error = QStringLiteral( "interrupted" );
    if ( error.isEmpty() )
      error = execute( mDataset, QStringLiteral( "UPDATE gpkg_contents SET last_change = %1 WHERE lower(table_name) = 'rt_task_places'" )
                       .arg( sqlQuote( isoUtc( QDateTime::currentDateTimeUtc() ) ) ) );
    if ( !error.isEmpty() )
      return rtFail( QStringLiteral( "write failed: cannot change the places of task %1 in %2 (%3); nothing was changed" ).arg( taskId, mPath, error ) );
    if ( !transaction.commit() )
      return rtFail( QStringLiteral( "write failed: cannot save the places of task %1 to %2 (%3); nothing was changed, try again" )
                     .arg( taskId, mPath, gdalMessage( QStringLiteral( "commit failed" ) ) ) );
    return rtOk();
  } );
}

RtResult<QVector<RtHistoryEntry>> RtStore::history( const QString &taskId ) const
{
  using Result = RtResult<QVector<RtHistoryEntry>>;
  return guarded<QVector<RtHistoryEntry>>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]() -> Result
  {
    QuietGdalErrors quiet;
    if ( !mDataset )
      return Result::failure( QStringLiteral( "the register is not open" ) );
    const RtResult<RtTask> t = task( taskId );
    if ( !t )
      return Result::failure( t.error() );
    return readHistory( mDataset, mPath, QStringLiteral( "task_id = %1" ).arg( sqlQuote( taskId ) ) );
  } );
}

RtResult<QHash<QString, RtStatus>> RtStore::statusesAsOf( const QDate &date ) const
{
  using Result = RtResult<QHash<QString, RtStatus>>;
  return guarded<QHash<QString, RtStatus>>( QStringLiteral( "cannot read %1" ).arg( mPath ), [&]() -> Result
  {
    QuietGdalErrors quiet;
    if ( !mDataset )
      return Result::failure( QStringLiteral( "the register is not open" ) );
    if ( !date.isValid() )
      return Result::failure( QStringLiteral( "no valid date given" ) );
    const RtDocumentInfo doc = document();
    if ( doc.date.isValid() && date < doc.date )
      return Result::failure( QStringLiteral( "date %1 is before the resolution (%2): its tasks had no status yet" ).arg( isoDate( date ), isoDate( doc.date ) ) );

    const RtResult<QVector<RtTask>> all = readTasks( mDataset, mPath, QString() );
    if ( !all )
      return Result::failure( all.error() );
    const RtResult<QVector<RtHistoryEntry>> rows = readHistory( mDataset, mPath, QString() );
    if ( !rows )
      return Result::failure( rows.error() );

    // Latest status date wins; among rows of the same date the later recorded (higher seq).
    QHash<QString, RtHistoryEntry> latest;
    for ( const RtHistoryEntry &row : rows.value() )
    {
      if ( row.date > date )
        continue;
      auto it = latest.find( row.taskId );
      if ( it == latest.end() )
        latest.insert( row.taskId, row );
      else if ( row.date > it->date || ( row.date == it->date && row.sequence > it->sequence ) )
        *it = row;
    }
    QHash<QString, RtStatus> statuses;
    for ( const RtTask &t : all.value() )
    {
      const auto it = latest.constFind( t.id );
      // A task whose first status is dated later had nothing reported yet.
      statuses.insert( t.id, it == latest.constEnd() ? RtStatus::NoReport : it->newStatus );
    }
    return Result::success( statuses );
  } );
}
