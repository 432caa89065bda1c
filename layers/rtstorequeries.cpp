#include "rtstorequeries.h"
#include "rtstatus.h"
#include "rtstoreschema.h"

namespace RtStoreInternal
{
  QString unknownTaskMessage( const QString &taskId )
  {
    return QStringLiteral( "unknown task id '%1'; run `restrack summary` to list task ids" ).arg( taskId );
  }

  QString readDocument( GDALDataset *ds, RtDocumentInfo &info, int *rowCount )
  {
    int rows = 0;
    const QString error = forEachRow( ds, QStringLiteral( "SELECT * FROM rt_document ORDER BY fid" ), [&]( const OGRFeature & f )
    {
      if ( rows++ == 0 )
      {
        info.number = fieldString( f, "number" );
        info.date = fieldDate( f, "date" );
        info.title = fieldString( f, "title" );
        info.body = fieldString( f, "body" );
        info.session = fieldString( f, "session" );
        info.place = fieldString( f, "place" );
        info.documentType = fieldString( f, "document_type" );
        const QString preamble = fieldString( f, "preamble" );
        info.preamble = preamble.isEmpty() ? QStringList() : preamble.split( QLatin1Char( '\n' ) );
        info.closing = fieldString( f, "closing" );
        info.signerTitle = fieldString( f, "signer_title" );
        info.signer = fieldString( f, "signer" );
        info.sourceName = fieldString( f, "source_name" );
        info.sourceSha256 = fieldString( f, "source_sha256" );
        info.term.startYear = static_cast<int>( fieldInt( f, "term_start" ) );
        info.term.endYear = static_cast<int>( fieldInt( f, "term_end" ) );
      }
      return true;
    } );
    if ( rowCount )
      *rowCount = rows;
    return error;
  }

  RtResult<QVector<RtHistoryEntry>> readHistory( GDALDataset *ds, const QString &path, const QString &where, const QString &tail )
  {
    QVector<RtHistoryEntry> entries;
    QString bad;
    QString sql = QStringLiteral( "SELECT * FROM rt_status_history" );
    if ( !where.isEmpty() )
      sql += QStringLiteral( " WHERE " ) + where;
    sql += tail.isEmpty() ? QStringLiteral( " ORDER BY seq, fid" ) : tail;
    const QString error = forEachRow( ds, sql, [&]( const OGRFeature & f )
    {
      RtHistoryEntry e;
      e.sequence = fieldInt( f, "seq" );
      e.taskId = fieldString( f, "task_id" );
      e.date = fieldDate( f, "status_date" );
      e.recordedAt = fieldDateTime( f, "recorded_at" );
      if ( !isNull( f, "old_status" ) )
      {
        const QString code = fieldString( f, "old_status" );
        e.oldStatus = RtStatuses::fromCode( code );
        if ( !e.oldStatus )
        {
          bad = code;
          return false;
        }
      }
      const QString code = fieldString( f, "new_status" );
      const std::optional<RtStatus> status = RtStatuses::fromCode( code );
      if ( !status )
      {
        bad = code;
        return false;
      }
      e.newStatus = *status;
      e.by = fieldString( f, "changed_by" );
      e.note = fieldString( f, "note" );
      e.evidence = fieldString( f, "evidence" );
      entries.append( e );
      return true;
    } );
    if ( !error.isEmpty() )
      return RtResult<QVector<RtHistoryEntry>>::failure( QStringLiteral( "cannot read the status history of %1: %2" ).arg( path, error ) );
    if ( !bad.isNull() )
      return RtResult<QVector<RtHistoryEntry>>::failure( QStringLiteral( "%1: the status history holds an unknown status '%2'; was it written by a newer version?" ).arg( path, bad ) );
    return RtResult<QVector<RtHistoryEntry>>::success( entries );
  }

  RtResult<QVector<RtTask>> readTasks( GDALDataset *ds, const QString &path, const QString &where )
  {
    using Result = RtResult<QVector<RtTask>>;
    RtDocumentInfo doc;
    QString error = readDocument( ds, doc );
    if ( !error.isEmpty() )
      return Result::failure( QStringLiteral( "cannot read the document of %1: %2" ).arg( path, error ) );

    QHash<QString, QStringList> places;
    QString sql = QStringLiteral( "SELECT task_id, place_kind, place_key FROM rt_task_places" );
    if ( !where.isEmpty() )
      sql += QStringLiteral( " WHERE " ) + where;
    sql += QStringLiteral( " ORDER BY fid" );
    error = forEachRow( ds, sql, [&]( const OGRFeature & f )
    {
      const QString kind = fieldString( f, "place_kind" );
      const QString key = fieldString( f, "place_key" );
      places[fieldString( f, "task_id" )].append( kind.isEmpty() ? key : kind + QLatin1Char( ':' ) + key );
      return true;
    } );
    if ( !error.isEmpty() )
      return Result::failure( QStringLiteral( "cannot read the task places of %1: %2" ).arg( path, error ) );

    QVector<RtTask> tasks;
    QString problem;
    sql = QStringLiteral( "SELECT * FROM rt_tasks" );
    if ( !where.isEmpty() )
      sql += QStringLiteral( " WHERE " ) + where;
    sql += QStringLiteral( " ORDER BY ordinal, fid" );
    error = forEachRow( ds, sql, [&]( const OGRFeature & f )
    {
      RtTask t;
      t.id = fieldString( f, "task_id" );
      t.kind = fieldString( f, "kind" );
      t.clausePath = rtClausePathFromString( fieldString( f, "clause_path" ) );
      t.footnote = static_cast<int>( fieldInt( f, "footnote" ) );
      t.quote = fieldString( f, "quote" );
      t.titleVi = fieldString( f, "title_vi" );
      t.titleEn = fieldString( f, "title_en" );
      t.category = fieldString( f, "category" );
      t.responsible = fieldString( f, "responsible" );
      t.target = fieldString( f, "target" );
      t.places = places.value( t.id );
      t.statusDate = fieldDate( f, "status_date" );
      t.statusQuote = fieldString( f, "status_quote" );
      t.statusClausePath = rtClausePathFromString( fieldString( f, "status_clause_path" ) );
      t.statusFootnote = static_cast<int>( fieldInt( f, "status_footnote" ) );
      t.noteVi = fieldString( f, "note_vi" );
      t.noteEn = fieldString( f, "note_en" );
      t.revision = static_cast<int>( fieldInt( f, "revision" ) );

      const QString statusCode = fieldString( f, "status" );
      const std::optional<RtStatus> status = RtStatuses::fromCode( statusCode );
      if ( !status )
      {
        problem = QStringLiteral( "task %1 has an unknown status '%2'; was it written by a newer version?" ).arg( t.id, statusCode );
        return false;
      }
      t.status = *status;

      // The phrase is the source of truth; the stored date shows whether it still means the same.
      const QString phrase = fieldString( f, "deadline_phrase" );
      const QString kindCode = fieldString( f, "deadline_kind" );
      const QDate storedDate = fieldDate( f, "deadline_date" );
      const RtResult<RtDeadline> deadline = RtDeadline::parse( phrase, doc.term );
      if ( !deadline )
      {
        problem = QStringLiteral( "task %1: its deadline '%2' cannot be read: %3" ).arg( t.id, phrase, deadline.error() );
        return false;
      }
      const RtDeadline &d = deadline.value();
      const QDate parsedDate = d.kind() == RtDeadline::Kind::Date ? d.date() : QDate();
      if ( deadlineKindCode( d.kind() ) != kindCode || parsedDate != storedDate )
      {
        problem = QStringLiteral( "task %1: the stored deadline (%2 %3) does not match its phrase '%4', which now means %5 %6; "
                                  "re-import the resolution to refresh the register" )
                  .arg( t.id, kindCode, isoDate( storedDate ), phrase, deadlineKindCode( d.kind() ), isoDate( parsedDate ) ).trimmed();
        return false;
      }
      t.deadline = d;
      tasks.append( t );
      return true;
    } );
    if ( !error.isEmpty() )
      return Result::failure( QStringLiteral( "cannot read the tasks of %1: %2" ).arg( path, error ) );
    if ( !problem.isEmpty() )
      return Result::failure( QStringLiteral( "%1: %2" ).arg( path, problem ) );
    return Result::success( tasks );
  }

  RtResult<RtTask> lockTask( GDALDataset *ds, const QString &path, const QString &taskId, Transaction &transaction )
  {
    if ( !transaction.begin() )
      return RtResult<RtTask>::failure( QStringLiteral( "write failed: cannot start a transaction on %1 (%2)" ).arg( path, gdalMessage( QStringLiteral( "unknown error" ) ) ) );
    const QString whereTask = QStringLiteral( "task_id = %1" ).arg( sqlQuote( taskId ) );
    const QString error = execute( ds, QStringLiteral( "UPDATE rt_tasks SET revision = revision WHERE %1" ).arg( whereTask ) );
    if ( !error.isEmpty() )
      return RtResult<RtTask>::failure( QStringLiteral( "write failed: cannot lock %1 to change task %2 (%3); try again" ).arg( path, taskId, error ) );
    const RtResult<QVector<RtTask>> current = readTasks( ds, path, whereTask );
    if ( !current )
      return RtResult<RtTask>::failure( current.error() );
    if ( current.value().isEmpty() )
      return RtResult<RtTask>::failure( unknownTaskMessage( taskId ) );
    return RtResult<RtTask>::success( current.value().constFirst() );
  }
}
