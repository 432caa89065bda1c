#include "rtstorequeries.h"
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
  return QStringLiteral( "unknown task id '%1'; run `restrack summary` to list task ids" ).arg( taskId );
}

RtResult<RtDocumentInfo> RtStoreQueries::document( const RtStoreBackend &backend, int *rowCount )
{
  using Result = RtResult<RtDocumentInfo>;
  const RtResult<QVector<RtStoreRow>> rows = backend.select( RtStoreTable::Document );
  if ( !rows.ok() )
    return Result::failureFrom( rows );
  if ( rowCount )
    *rowCount = rows.value().size();
  RtDocumentInfo info;
  if ( rows.value().isEmpty() )
    return Result::success( info );
  const RtStoreRow &f = rows.value().constFirst();
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
  return Result::success( info );
}

RtResult<RtResolution> RtStoreQueries::resolution( const RtStoreBackend &backend )
{
  using Result = RtResult<RtResolution>;
  const QString path = backend.location();
  const RtResult<RtDocumentInfo> doc = document( backend );
  if ( !doc.ok() )
    return Result::failure( doc.errorKind(), QStringLiteral( "cannot read the document of %1: %2" ).arg( path, doc.error() ) );
  RtResolution res;
  res.number = doc.value().number;
  res.date = doc.value().date;
  res.title = doc.value().title;
  res.body = doc.value().body;
  res.session = doc.value().session;
  res.place = doc.value().place;
  res.documentType = doc.value().documentType;
  res.preamble = doc.value().preamble;
  res.closing = doc.value().closing;
  res.signerTitle = doc.value().signerTitle;
  res.signer = doc.value().signer;

  // Rows come in pre-order, so a clause's parent is the latest clause added on its path.
  const RtResult<QVector<RtStoreRow>> clauses = backend.select( RtStoreTable::Clauses );
  if ( !clauses.ok() )
    return Result::failure( clauses.errorKind(), QStringLiteral( "cannot read the clauses of %1: %2" ).arg( path, clauses.error() ) );
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
        return Result::failure( RtErrorKind::Corrupt, QStringLiteral( "cannot read the clauses of %1: clause '%2' comes before its parent '%3'" )
                                .arg( path, text( f, "path" ), text( f, "parent_path" ) ) );
      siblings = &parent->children;
    }
    siblings->append( clause );
  }

  const RtResult<QVector<RtStoreRow>> footnotes = backend.select( RtStoreTable::Footnotes );
  if ( !footnotes.ok() )
    return Result::failure( footnotes.errorKind(), QStringLiteral( "cannot read the footnotes of %1: %2" ).arg( path, footnotes.error() ) );
  for ( const RtStoreRow &f : footnotes.value() )
  {
    RtFootnote footnote;
    footnote.number = static_cast<int>( integer( f, "number" ) );
    footnote.text = text( f, "text" );
    footnote.clausePath = rtClausePathFromString( text( f, "clause_path" ) );
    footnote.line = static_cast<int>( integer( f, "line" ) );
    res.footnotes.append( footnote );
  }

  const RtResult<QVector<RtStoreRow>> figures = backend.select( RtStoreTable::Figures );
  if ( !figures.ok() )
    return Result::failure( figures.errorKind(), QStringLiteral( "cannot read the figures of %1: %2" ).arg( path, figures.error() ) );
  for ( const RtStoreRow &f : figures.value() )
  {
    RtFigure figure;
    const QString kind = text( f, "kind" );
    const std::optional<RtFigure::Kind> k = RtStoreSchema::figureKindFromCode( kind );
    if ( !k )
      return Result::failure( RtErrorKind::Corrupt, QStringLiteral( "cannot read the figures of %1: unknown figure kind '%2'" ).arg( path, kind ) );
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

RtResult<QVector<RtTask>> RtStoreQueries::tasks( const RtStoreBackend &backend, const std::optional<QString> &taskId )
{
  using Result = RtResult<QVector<RtTask>>;
  const QString path = backend.location();
  const RtResult<RtDocumentInfo> doc = document( backend );
  if ( !doc.ok() )
    return Result::failure( doc.errorKind(), QStringLiteral( "cannot read the document of %1: %2" ).arg( path, doc.error() ) );

  const RtResult<QVector<RtStoreRow>> placeRows = backend.select( RtStoreTable::Places, taskFilter( taskId ) );
  if ( !placeRows.ok() )
    return Result::failure( placeRows.errorKind(), QStringLiteral( "cannot read the task places of %1: %2" ).arg( path, placeRows.error() ) );
  QHash<QString, QStringList> places;
  for ( const RtStoreRow &f : placeRows.value() )
  {
    const QString kind = text( f, "place_kind" );
    const QString key = text( f, "place_key" );
    places[text( f, "task_id" )].append( kind.isEmpty() ? key : kind + QLatin1Char( ':' ) + key );
  }

  const RtResult<QVector<RtStoreRow>> taskRows = backend.select( RtStoreTable::Tasks, taskFilter( taskId ) );
  if ( !taskRows.ok() )
    return Result::failure( taskRows.errorKind(), QStringLiteral( "cannot read the tasks of %1: %2" ).arg( path, taskRows.error() ) );
  QVector<RtTask> tasks;
  for ( const RtStoreRow &f : taskRows.value() )
  {
    RtTask t;
    t.id = text( f, "task_id" );
    t.kind = text( f, "kind" );
    t.clausePath = rtClausePathFromString( text( f, "clause_path" ) );
    t.footnote = static_cast<int>( integer( f, "footnote" ) );
    t.quote = text( f, "quote" );
    t.titleVi = text( f, "title_vi" );
    t.titleEn = text( f, "title_en" );
    t.category = text( f, "category" );
    t.responsible = text( f, "responsible" );
    t.target = text( f, "target" );
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
      return Result::failure( RtErrorKind::Corrupt, QStringLiteral( "%1: task %2 has an unknown status '%3'; was it written by a newer version?" )
                              .arg( path, t.id, statusCode ) );
    t.status = *status;

    // The phrase is the source of truth; the stored date shows whether it still means the same.
    const QString phrase = text( f, "deadline_phrase" );
    const QString kindCode = text( f, "deadline_kind" );
    const QDate storedDate = date( f, "deadline_date" );
    const RtResult<RtDeadline> deadline = RtDeadline::parse( phrase, doc.value().term, doc.value().date );
    if ( !deadline )
      return Result::failure( RtErrorKind::Corrupt, QStringLiteral( "%1: task %2: its deadline '%3' cannot be read: %4" )
                              .arg( path, t.id, phrase, deadline.error() ) );
    const RtDeadline &d = deadline.value();
    const QDate parsedDate = d.kind() == RtDeadline::Kind::Date ? d.date() : QDate();
    if ( RtDeadline::kindCode( d.kind() ) != kindCode || parsedDate != storedDate )
      return Result::failure( RtErrorKind::Corrupt,
                              QStringLiteral( "%1: %2" ).arg( path, QStringLiteral( "task %1: the stored deadline (%2 %3) does not match its phrase '%4', which now means %5 %6; "
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
    return Result::failure( rows.errorKind(), QStringLiteral( "cannot read the status history of %1: %2" ).arg( path, rows.error() ) );
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
      return Result::failure( RtErrorKind::Corrupt, QStringLiteral( "%1: the status history holds an unknown status '%2'; was it written by a newer version?" ).arg( path, *bad ) );
    e.newStatus = *status;
    e.by = text( f, "changed_by" );
    e.note = text( f, "note" );
    e.evidence = text( f, "evidence" );
    entries.append( e );
  }
  return Result::success( entries );
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

RtResult<bool> RtStoreQueries::hasRecordedChanges( const RtStoreBackend &backend, const QVector<RtTask> &newTasks )
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
