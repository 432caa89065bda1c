#include "rtstorequeries.h"
#include "rttr.h"
#include "rtstatus.h"

#include <QSet>

namespace
{
  QString text( const RtStoreRow &row, const char *column )
  {
    return row.value( QLatin1String( column ) ).toString();
  }

  qint64 integer( const RtStoreRow &row, const char *column )
  {
    return row.value( QLatin1String( column ) ).toLongLong();
  }

  double real( const RtStoreRow &row, const char *column )
  {
    return row.value( QLatin1String( column ) ).toDouble();
  }

  QDate date( const RtStoreRow &row, const char *column )
  {
    return row.value( QLatin1String( column ) ).toDate();
  }

  bool isNull( const RtStoreRow &row, const char *column )
  {
    return !row.value( QLatin1String( column ) ).isValid();
  }

  QString isoDate( const QDate &d )
  {
    return d.toString( Qt::ISODate );
  }

  RtStoreFilter taskFilter( const std::optional<QString> &taskId )
  {
    // A null id is a task id like any other (it matches none), not "every task".
    return !taskId ? RtStoreFilter() : RtStoreFilter { QStringLiteral( "task_id" ), taskId->isNull() ? QStringLiteral( "" ) : *taskId };
  }
}

QString RtStoreQueries::unknownTaskMessage( const QString &taskId )
{
  return rtMsg( "RtStoreQueries", "unknown task id '%1'; run `restrack summary` to list task ids" ).arg( taskId );
}

RtResult<QVector<RtDocumentInfo>> RtStoreQueries::resolutions( const RtStoreBackend &backend )
{
  using Result = RtResult<QVector<RtDocumentInfo>>;
  const RtResult<QVector<RtStoreRow>> rows = backend.select( RtStoreTable::Resolutions );
  if ( !rows.ok() )
    return Result::failureFrom( rows );
  QVector<RtDocumentInfo> out;
  for ( const RtStoreRow &f : rows.value() )
  {
    RtDocumentInfo info;
    info.number = text( f, "number" );
    info.date = date( f, "date" );
    info.title = text( f, "title" );
    info.body = text( f, "body" );
    info.session = text( f, "session" );
    info.place = text( f, "place" );
    info.documentType = text( f, "document_type" );
    const QString preamble = text( f, "preamble" );
    info.preamble = preamble.isEmpty() ? QStringList() : preamble.split( QLatin1Char( '\n' ) );
    info.closing = text( f, "closing" );
    info.signerTitle = text( f, "signer_title" );
    info.signer = text( f, "signer" );
    info.sourceName = text( f, "source_name" );
    info.sourceSha256 = text( f, "source_sha256" );
    info.term.startYear = static_cast<int>( integer( f, "term_start" ) );
    info.term.endYear = static_cast<int>( integer( f, "term_end" ) );
    out.append( info );
  }
  return Result::success( out );
}

RtResult<RtResolution> RtStoreQueries::resolution( const RtStoreBackend &backend, const RtDocumentInfo &document )
{
  using Result = RtResult<RtResolution>;
  const QString path = backend.location();
  RtResolution res;
  res.number = document.number;
  res.date = document.date;
  res.title = document.title;
  res.body = document.body;
  res.session = document.session;
  res.place = document.place;
  res.documentType = document.documentType;
  res.preamble = document.preamble;
  res.closing = document.closing;
  res.signerTitle = document.signerTitle;
  res.signer = document.signer;
  const RtStoreFilter ofResolution { QStringLiteral( "resolution" ), document.number };

  // Rows come in pre-order, so a clause's parent is the latest clause added on its path.
  const RtResult<QVector<RtStoreRow>> clauses = backend.select( RtStoreTable::Clauses, ofResolution );
  if ( !clauses.ok() )
    return Result::failure( clauses.errorKind(), rtMsg( "RtStoreQueries", "cannot read the clauses of %1: %2" ).arg( path, clauses.error() ) );
  for ( const RtStoreRow &f : clauses.value() )
  {
    RtClause clause;
    clause.label = text( f, "label" );
    clause.text = text( f, "text" );
    clause.line = static_cast<int>( integer( f, "line" ) );
    QVector<RtClause> *siblings = &res.clauses;
    for ( const QString &label : rtClausePathFromString( text( f, "parent_path" ) ) )
    {
      RtClause *parent = nullptr;
      for ( int i = siblings->size() - 1; i >= 0 && !parent; --i )
      {
        if ( ( *siblings )[i].label == label )
          parent = &( *siblings )[i];
      }
      if ( !parent )
        return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStoreQueries", "cannot read the clauses of %1: clause '%2' comes before its parent '%3'" )
                                .arg( path, text( f, "path" ), text( f, "parent_path" ) ) );
      siblings = &parent->children;
    }
    siblings->append( clause );
  }

  const RtResult<QVector<RtStoreRow>> footnotes = backend.select( RtStoreTable::Footnotes, ofResolution );
  if ( !footnotes.ok() )
    return Result::failure( footnotes.errorKind(), rtMsg( "RtStoreQueries", "cannot read the footnotes of %1: %2" ).arg( path, footnotes.error() ) );
  for ( const RtStoreRow &f : footnotes.value() )
  {
    RtFootnote footnote;
    footnote.number = static_cast<int>( integer( f, "number" ) );
    footnote.text = text( f, "text" );
    footnote.clausePath = rtClausePathFromString( text( f, "clause_path" ) );
    footnote.line = static_cast<int>( integer( f, "line" ) );
    res.footnotes.append( footnote );
  }

  const RtResult<QVector<RtStoreRow>> figures = backend.select( RtStoreTable::Figures, ofResolution );
  if ( !figures.ok() )
    return Result::failure( figures.errorKind(), rtMsg( "RtStoreQueries", "cannot read the figures of %1: %2" ).arg( path, figures.error() ) );
  for ( const RtStoreRow &f : figures.value() )
  {
    RtFigure figure;
    const QString kind = text( f, "kind" );
    const std::optional<RtFigure::Kind> k = RtStoreSchema::figureKindFromCode( kind );
    if ( !k )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStoreQueries", "cannot read the figures of %1: unknown figure kind '%2'" ).arg( path, kind ) );
    figure.kind = *k;
    figure.value = real( f, "value" );
    figure.total = real( f, "total" );
    figure.comparator = text( f, "comparator" );
    figure.subject = text( f, "subject" );
    figure.label = text( f, "label" );
    const QString items = text( f, "items" );
    if ( !items.isEmpty() )
      figure.items = items.split( QStringLiteral( "; " ) );
    figure.deadline = text( f, "deadline" );
    figure.quote = text( f, "quote" );
    figure.clausePath = rtClausePathFromString( text( f, "clause_path" ) );
    res.figures.append( figure );
  }
  return Result::success( res );
}

RtResult<QVector<RtTask>> RtStoreQueries::tasks( const RtStoreBackend &backend, const std::optional<QString> &taskId,
    const std::optional<QString> &resolution )
{
  using Result = RtResult<QVector<RtTask>>;
  const QString path = backend.location();
  const RtResult<QVector<RtDocumentInfo>> docs = resolutions( backend );
  if ( !docs.ok() )
    return Result::failure( docs.errorKind(), rtMsg( "RtStoreQueries", "cannot read the resolutions of %1: %2" ).arg( path, docs.error() ) );
  // Each task's deadline is read with the council term and date of its own resolution.
  QHash<QString, RtDocumentInfo> owners;
  for ( const RtDocumentInfo &d : docs.value() )
    owners.insert( d.number, d );

  const RtResult<QVector<RtStoreRow>> placeRows = backend.select( RtStoreTable::Places, taskFilter( taskId ) );
  if ( !placeRows.ok() )
    return Result::failure( placeRows.errorKind(), rtMsg( "RtStoreQueries", "cannot read the task places of %1: %2" ).arg( path, placeRows.error() ) );
  QHash<QString, QStringList> places;
  for ( const RtStoreRow &f : placeRows.value() )
  {
    const QString kind = text( f, "place_kind" );
    const QString key = text( f, "place_key" );
    places[text( f, "task_id" )].append( kind.isEmpty() ? key : kind + QLatin1Char( ':' ) + key );
  }

  const RtStoreFilter filter = taskId || !resolution ? taskFilter( taskId ) : RtStoreFilter { QStringLiteral( "resolution" ), *resolution };
  const RtResult<QVector<RtStoreRow>> taskRows = backend.select( RtStoreTable::Tasks, filter );
  if ( !taskRows.ok() )
    return Result::failure( taskRows.errorKind(), rtMsg( "RtStoreQueries", "cannot read the tasks of %1: %2" ).arg( path, taskRows.error() ) );
  QVector<RtTask> tasks;
  for ( const RtStoreRow &f : taskRows.value() )
  {
    RtTask t;
    t.id = text( f, "task_id" );
    t.resolution = text( f, "resolution" );
    if ( resolution && t.resolution != *resolution )
      continue;
    if ( !owners.contains( t.resolution ) )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStoreQueries", "%1: task %2 belongs to resolution '%3', which the register does not hold" )
                              .arg( path, t.id, t.resolution ) );
    t.kind = text( f, "kind" );
    t.clausePath = rtClausePathFromString( text( f, "clause_path" ) );
    t.footnote = static_cast<int>( integer( f, "footnote" ) );
    t.quote = text( f, "quote" );
    t.titleVi = text( f, "title_vi" );
    t.titleEn = text( f, "title_en" );
    t.category = text( f, "category" );
    t.responsible = text( f, "responsible" );
    t.target = text( f, "target" );
    if ( !isNull( f, "target_value" ) )
    {
      RtTarget target;
      target.value = real( f, "target_value" );
      target.unit = text( f, "target_unit" );
      target.comparator = text( f, "target_comparator" );
      t.targetFigure = target;
    }
    const std::optional<QVector<RtTaskRef>> followsUp = RtStoreSchema::followsUpFromText( text( f, "follows_up" ) );
    if ( !followsUp )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStoreQueries", "%1: task %2: what it follows up cannot be read ('%3')" )
                              .arg( path, t.id, text( f, "follows_up" ) ) );
    t.followsUp = *followsUp;
    t.places = places.value( t.id );
    t.statusDate = date( f, "status_date" );
    t.statusQuote = text( f, "status_quote" );
    t.statusClausePath = rtClausePathFromString( text( f, "status_clause_path" ) );
    t.statusFootnote = static_cast<int>( integer( f, "status_footnote" ) );
    t.noteVi = text( f, "note_vi" );
    t.noteEn = text( f, "note_en" );
    t.revision = static_cast<int>( integer( f, "revision" ) );

    const QString statusCode = text( f, "status" );
    const std::optional<RtStatus> status = RtStatuses::fromCode( statusCode );
    if ( !status )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStoreQueries", "%1: task %2 has an unknown status '%3'; was it written by a newer version?" )
                              .arg( path, t.id, statusCode ) );
    t.status = *status;

    // The phrase is the source of truth; the stored date shows whether it still means the same.
    const QString phrase = text( f, "deadline_phrase" );
    const QString kindCode = text( f, "deadline_kind" );
    const QDate storedDate = date( f, "deadline_date" );
    const RtDocumentInfo &owner = owners[t.resolution];
    const RtResult<RtDeadline> deadline = RtDeadline::parse( phrase, owner.term, owner.date );
    if ( !deadline )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStoreQueries", "%1: task %2: its deadline '%3' cannot be read: %4" )
                              .arg( path, t.id, phrase, deadline.error() ) );
    const RtDeadline &d = deadline.value();
    const QDate parsedDate = d.kind() == RtDeadline::Kind::Date ? d.date() : QDate();
    if ( RtDeadline::kindCode( d.kind() ) != kindCode || parsedDate != storedDate )
      return Result::failure( RtErrorKind::Corrupt,
                              QStringLiteral( "%1: %2" ).arg( path, rtMsg( "RtStoreQueries", "task %1: the stored deadline (%2 %3) does not match its phrase '%4', which now means %5 %6; "
                                  "re-import the resolution to refresh the register" )
                                  .arg( t.id, kindCode, isoDate( storedDate ), phrase, RtDeadline::kindCode( d.kind() ), isoDate( parsedDate ) ).trimmed() ) );
    t.deadline = d;
    tasks.append( t );
  }
  return Result::success( tasks );
}

RtResult<QVector<RtHistoryEntry>> RtStoreQueries::history( const RtStoreBackend &backend, const std::optional<QString> &taskId )
{
  using Result = RtResult<QVector<RtHistoryEntry>>;
  const QString path = backend.location();
  const RtResult<QVector<RtStoreRow>> rows = backend.select( RtStoreTable::History, taskFilter( taskId ) );
  if ( !rows.ok() )
    return Result::failure( rows.errorKind(), rtMsg( "RtStoreQueries", "cannot read the status history of %1: %2" ).arg( path, rows.error() ) );
  QVector<RtHistoryEntry> entries;
  entries.reserve( rows.value().size() );
  for ( const RtStoreRow &f : rows.value() )
  {
    RtHistoryEntry e;
    e.sequence = integer( f, "seq" );
    e.taskId = text( f, "task_id" );
    e.date = date( f, "status_date" );
    e.recordedAt = f.value( QStringLiteral( "recorded_at" ) ).toDateTime();
    std::optional<QString> bad;
    if ( !isNull( f, "old_status" ) )
    {
      e.oldStatus = RtStatuses::fromCode( text( f, "old_status" ) );
      if ( !e.oldStatus )
        bad = text( f, "old_status" );
    }
    const std::optional<RtStatus> status = RtStatuses::fromCode( text( f, "new_status" ) );
    if ( !status )
      bad = text( f, "new_status" );
    if ( bad )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStoreQueries", "%1: the status history holds an unknown status '%2'; was it written by a newer version?" ).arg( path, *bad ) );
    e.newStatus = *status;
    e.by = text( f, "changed_by" );
    e.note = text( f, "note" );
    e.evidence = text( f, "evidence" );
    entries.append( e );
  }
  return Result::success( entries );
}

RtResult<QVector<RtValueEntry>> RtStoreQueries::values( const RtStoreBackend &backend, const std::optional<QString> &taskId )
{
  using Result = RtResult<QVector<RtValueEntry>>;
  const RtResult<QVector<RtStoreRow>> rows = backend.select( RtStoreTable::Values, taskFilter( taskId ) );
  if ( !rows.ok() )
    return Result::failure( rows.errorKind(), rtMsg( "RtStoreQueries", "cannot read the measured values of %1: %2" ).arg( backend.location(), rows.error() ) );
  QVector<RtValueEntry> entries;
  entries.reserve( rows.value().size() );
  for ( const RtStoreRow &f : rows.value() )
  {
    RtValueEntry e;
    e.sequence = integer( f, "seq" );
    e.taskId = text( f, "task_id" );
    e.date = date( f, "value_date" );
    e.recordedAt = f.value( QStringLiteral( "recorded_at" ) ).toDateTime();
    e.value = real( f, "value" );
    e.unit = text( f, "unit" );
    e.by = text( f, "changed_by" );
    e.note = text( f, "note" );
    e.evidence = text( f, "evidence" );
    entries.append( e );
  }
  return Result::success( entries );
}

RtResult<QVector<RtAssignment>> RtStoreQueries::assignments( const RtStoreBackend &backend, const std::optional<QString> &taskId )
{
  using Result = RtResult<QVector<RtAssignment>>;
  const QString path = backend.location();
  const RtResult<QVector<RtStoreRow>> rows = backend.select( RtStoreTable::Assignments, taskFilter( taskId ) );
  if ( !rows.ok() )
    return Result::failure( rows.errorKind(), rtMsg( "RtStoreQueries", "cannot read the assignments of %1: %2" ).arg( path, rows.error() ) );
  // One assignment is the rows of one seq (and one task): the lead first, then the cooperating offices.
  QVector<RtAssignment> out;
  for ( const RtStoreRow &f : rows.value() )
  {
    const qint64 seq = integer( f, "seq" );
    const QString task = text( f, "task_id" );
    if ( out.isEmpty() || out.constLast().sequence != seq || out.constLast().taskId != task )
    {
      RtAssignment a;
      a.sequence = seq;
      a.taskId = task;
      a.by = text( f, "assigned_by" );
      a.recordedAt = f.value( QStringLiteral( "recorded_at" ) ).toDateTime();
      out.append( a );
    }
    RtAssignment &a = out.last();
    const QString role = text( f, "role" );
    if ( role == RtStoreSchema::leadRole() && a.lead.isEmpty() )
      a.lead = text( f, "office" );
    else if ( role == RtStoreSchema::withRole() )
      a.with << text( f, "office" );
    else
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStoreQueries", "%1: task %2: an assignment holds an unknown role '%3'; was it written by a newer version?" )
                              .arg( path, task, role ) );
  }
  for ( const RtAssignment &a : std::as_const( out ) )
  {
    if ( a.lead.isEmpty() )
      return Result::failure( RtErrorKind::Corrupt, rtMsg( "RtStoreQueries", "%1: task %2: assignment %3 has no lead office" ).arg( path, a.taskId ).arg( a.sequence ) );
  }
  return Result::success( out );
}

RtResult<QHash<QString, RtValueEntry>> RtStoreQueries::valuesAsOf( const RtStoreBackend &backend, const QDate &date )
{
  using Result = RtResult<QHash<QString, RtValueEntry>>;
  const RtResult<QVector<RtValueEntry>> rows = values( backend );
  if ( !rows )
    return Result::failureFrom( rows );
  // As statuses: the latest date wins, and among values of one date the later recorded.
  QHash<QString, RtValueEntry> latest;
  for ( const RtValueEntry &row : rows.value() )
  {
    if ( row.date > date )
      continue;
    auto it = latest.find( row.taskId );
    if ( it == latest.end() )
      latest.insert( row.taskId, row );
    else if ( row.date > it->date || ( row.date == it->date && row.sequence > it->sequence ) )
      *it = row;
  }
  return Result::success( latest );
}

RtResult<QHash<QString, RtStatus>> RtStoreQueries::statusesAsOf( const RtStoreBackend &backend, const QDate &date )
{
  using Result = RtResult<QHash<QString, RtStatus>>;
  const RtResult<QVector<RtTask>> all = tasks( backend );
  if ( !all )
    return Result::failureFrom( all );
  const RtResult<QVector<RtHistoryEntry>> rows = history( backend );
  if ( !rows )
    return Result::failureFrom( rows );

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
}

RtResult<bool> RtStoreQueries::hasRecordedChanges( const RtStoreBackend &backend, const QVector<RtTask> &newTasks, const QString &number )
{
  using Result = RtResult<bool>;
  // Rows, not tasks: a register whose codes or deadlines this version reads differently is
  // exactly one to rebuild, and must not stop the check.
  const RtResult<QVector<RtStoreRow>> history = backend.select( RtStoreTable::History );
  if ( !history.ok() )
    return Result::failureFrom( history );
  for ( const RtStoreRow &row : history.value() )
  {
    if ( !isNull( row, "old_status" ) )
      return Result::success( true );
  }
  for ( RtStoreTable table : { RtStoreTable::Values, RtStoreTable::Assignments } )
  {
    const RtResult<QVector<RtStoreRow>> rows = backend.select( table );
    if ( !rows.ok() )
      return Result::failureFrom( rows );
    if ( !rows.value().isEmpty() )
      return Result::success( true );
  }
  const RtResult<QVector<RtStoreRow>> resolutionRows = backend.select( RtStoreTable::Resolutions );
  if ( !resolutionRows.ok() )
    return Result::failureFrom( resolutionRows );
  for ( const RtStoreRow &row : resolutionRows.value() )
  {
    if ( text( row, "number" ) != number )
      return Result::success( true );
  }
  const RtResult<QVector<RtStoreRow>> placeRows = backend.select( RtStoreTable::Places );
  if ( !placeRows.ok() )
    return Result::failureFrom( placeRows );
  QHash<QString, QStringList> stored;
  for ( const RtStoreRow &f : placeRows.value() )
  {
    const QString kind = text( f, "place_kind" );
    const QString key = text( f, "place_key" );
    stored[text( f, "task_id" )].append( kind.isEmpty() ? key : kind + QLatin1Char( ':' ) + key );
  }
  const RtResult<QVector<RtStoreRow>> taskRows = backend.select( RtStoreTable::Tasks );
  if ( !taskRows.ok() )
    return Result::failureFrom( taskRows );
  QSet<QString> storedIds;
  for ( const RtStoreRow &f : taskRows.value() )
    storedIds.insert( text( f, "task_id" ) );
  for ( const RtTask &t : newTasks )
  {
    if ( storedIds.contains( t.id ) && stored.value( t.id ) != t.places )
      return Result::success( true );
  }
  return Result::success( false );
}
