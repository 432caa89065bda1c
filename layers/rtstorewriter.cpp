#include "rtstorewriter.h"
#include "rttr.h"
#include "rtstorebackend.h"
#include "rtstatus.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace
{
  QString isoDate( const QDate &date )
  {
    return date.toString( Qt::ISODate );
  }
}

RtResult<RtStoreWriter> RtStoreWriter::prepare( const QString &location, const RtResolution &resolution,
    const QVector<RtTask> &tasks, const RtDocumentInfo &info )
{
  using Result = RtResult<RtStoreWriter>;
  const QString path = RtStoreBackends::displayLocation( location ); // as named in messages: no password
  // The caller's info wins; the resolution fills what it leaves empty.
  RtDocumentInfo doc = info;
  if ( doc.number.isEmpty() )
    doc.number = resolution.number;
  if ( !doc.date.isValid() )
    doc.date = resolution.date;
  if ( doc.title.isEmpty() )
    doc.title = resolution.title;
  if ( doc.body.isEmpty() )
    doc.body = resolution.body;
  if ( doc.session.isEmpty() )
    doc.session = resolution.session;
  if ( doc.place.isEmpty() )
    doc.place = resolution.place;
  if ( doc.documentType.isEmpty() )
    doc.documentType = resolution.documentType;
  if ( doc.preamble.isEmpty() )
    doc.preamble = resolution.preamble;
  if ( doc.closing.isEmpty() )
    doc.closing = resolution.closing;
  if ( doc.signerTitle.isEmpty() )
    doc.signerTitle = resolution.signerTitle;
  if ( doc.signer.isEmpty() )
    doc.signer = resolution.signer;

  doc.number = doc.number.normalized( QString::NormalizationForm_C ).trimmed();
  if ( doc.number.isEmpty() )
    return Result::failure( rtMsg( "RtStoreWriter", "cannot create %1: the resolution has no number" ).arg( path ) );
  if ( !doc.date.isValid() )
    return Result::failure( rtMsg( "RtStoreWriter", "cannot create %1: the resolution has no date, which the status history starts from" ).arg( path ) );
  QSet<QString> ids;
  QVector<RtTask> completed = tasks;
  for ( RtTask &task : completed )
  {
    task.resolution = doc.number;
    if ( !task.targetFigure )
      task.targetFigure = RtTarget::fromText( task.target );
    if ( task.id.isEmpty() )
      return Result::failure( rtMsg( "RtStoreWriter", "cannot create %1: a task has no id" ).arg( path ) );
    if ( ids.contains( task.id ) )
      return Result::failure( rtMsg( "RtStoreWriter", "cannot create %1: task id '%2' occurs twice" ).arg( path, task.id ) );
    ids.insert( task.id );
    // Deadlines are stored as phrases and parsed again on reading: refuse what would not read back.
    const RtResult<RtDeadline> reread = RtDeadline::parse( task.deadline.phrase(), doc.term, doc.date );
    if ( !reread )
      return Result::failure( rtMsg( "RtStoreWriter", "cannot create %1: task %2: %3" ).arg( path, task.id, reread.error() ) );
    if ( reread.value().kind() != task.deadline.kind()
         || ( task.deadline.kind() == RtDeadline::Kind::Date && reread.value().date() != task.deadline.date() ) )
      return Result::failure( rtMsg( "RtStoreWriter", "cannot create %1: task %2: deadline '%3' means %4 with the council term %5–%6, not %7" )
                              .arg( path, task.id, task.deadline.phrase(), isoDate( reread.value().date() ) )
                              .arg( doc.term.startYear ).arg( doc.term.endYear ).arg( isoDate( task.deadline.date() ) ) );
  }
  RtStoreWriter writer;
  writer.mResolution = &resolution;
  writer.mTasks = completed;
  writer.mDocument = doc;
  return Result::success( writer );
}

RtStatusResult RtStoreWriter::writeClauses( RtStoreBackend &backend, const QVector<RtClause> &clauses, const QStringList &parentPath,
    int depth, int &ordinal ) const
{
  for ( const RtClause &clause : clauses )
  {
    const QStringList path = QStringList( parentPath ) << clause.label;
    RtStatusResult written = backend.insert( RtStoreTable::Clauses,
    {
      { QStringLiteral( "resolution" ), mDocument.number },
      { QStringLiteral( "path" ), rtClausePathString( path ) },
      { QStringLiteral( "parent_path" ), rtClausePathString( parentPath ) },
      { QStringLiteral( "label" ), clause.label },
      { QStringLiteral( "depth" ), depth },
      { QStringLiteral( "ordinal" ), ++ordinal },
      { QStringLiteral( "text" ), clause.text },
      { QStringLiteral( "line" ), clause.line },
    } );
    if ( written.ok() )
      written = writeClauses( backend, clause.children, path, depth + 1, ordinal );
    if ( !written.ok() )
      return written;
  }
  return rtOk();
}

RtStatusResult RtStoreWriter::write( RtStoreBackend &backend ) const
{
  return writeResolution( backend, 1, 0 );
}

RtStatusResult RtStoreWriter::append( RtStoreBackend &backend ) const
{
  // After the resolutions and tasks already there: the register's order is the order added.
  const RtResult<QVector<RtStoreRow>> resolutions = backend.select( RtStoreTable::Resolutions );
  if ( !resolutions.ok() )
    return RtStatusResult::failureFrom( resolutions );
  const RtResult<QVector<RtStoreRow>> tasks = backend.select( RtStoreTable::Tasks );
  if ( !tasks.ok() )
    return RtStatusResult::failureFrom( tasks );
  qint64 resolutionOrdinal = 0;
  for ( const RtStoreRow &row : resolutions.value() )
    resolutionOrdinal = std::max( resolutionOrdinal, row.value( QStringLiteral( "ordinal" ) ).toLongLong() );
  qint64 taskOrdinal = 0;
  for ( const RtStoreRow &row : tasks.value() )
    taskOrdinal = std::max( taskOrdinal, row.value( QStringLiteral( "ordinal" ) ).toLongLong() );
  return writeResolution( backend, static_cast<int>( resolutionOrdinal + 1 ), static_cast<int>( taskOrdinal ) );
}

RtStatusResult RtStoreWriter::writeResolution( RtStoreBackend &backend, int resolutionOrdinal, int taskOrdinal ) const
{
  const RtDocumentInfo &doc = mDocument;
  RtStatusResult written = backend.insert( RtStoreTable::Resolutions,
  {
    { QStringLiteral( "number" ), doc.number },
    { QStringLiteral( "ordinal" ), resolutionOrdinal },
    { QStringLiteral( "date" ), doc.date },
    { QStringLiteral( "title" ), doc.title },
    { QStringLiteral( "body" ), doc.body },
    { QStringLiteral( "session" ), doc.session },
    { QStringLiteral( "place" ), doc.place },
    { QStringLiteral( "document_type" ), doc.documentType },
    { QStringLiteral( "preamble" ), doc.preamble.join( QLatin1Char( '\n' ) ) }, // paragraphs never contain a line break
    { QStringLiteral( "closing" ), doc.closing },
    { QStringLiteral( "signer_title" ), doc.signerTitle },
    { QStringLiteral( "signer" ), doc.signer },
    { QStringLiteral( "source_name" ), doc.sourceName },
    { QStringLiteral( "source_sha256" ), doc.sourceSha256 },
    { QStringLiteral( "term_start" ), doc.term.startYear },
    { QStringLiteral( "term_end" ), doc.term.endYear },
  } );
  if ( !written.ok() )
    return written;

  int ordinal = 0;
  written = writeClauses( backend, mResolution->clauses, QStringList(), 0, ordinal );
  if ( !written.ok() )
    return written;

  for ( const RtFootnote &footnote : mResolution->footnotes )
  {
    written = backend.insert( RtStoreTable::Footnotes,
    {
      { QStringLiteral( "resolution" ), doc.number },
      { QStringLiteral( "number" ), footnote.number },
      { QStringLiteral( "clause_path" ), rtClausePathString( footnote.clausePath ) },
      { QStringLiteral( "text" ), footnote.text },
      { QStringLiteral( "line" ), footnote.line },
    } );
    if ( !written.ok() )
      return written;
  }

  for ( const RtFigure &figure : mResolution->figures )
  {
    written = backend.insert( RtStoreTable::Figures,
    {
      { QStringLiteral( "resolution" ), doc.number },
      { QStringLiteral( "kind" ), RtFigure::kindCode( figure.kind ) },
      { QStringLiteral( "value" ), figure.value },
      { QStringLiteral( "total" ), figure.total },
      { QStringLiteral( "comparator" ), figure.comparator },
      { QStringLiteral( "subject" ), figure.subject },
      { QStringLiteral( "label" ), figure.label },
      { QStringLiteral( "items" ), figure.items.join( QLatin1String( "; " ) ) },
      { QStringLiteral( "deadline" ), figure.deadline },
      { QStringLiteral( "quote" ), figure.quote },
      { QStringLiteral( "clause_path" ), rtClausePathString( figure.clausePath ) },
    } );
    if ( !written.ok() )
      return written;
  }

  const QDateTime recordedAt = QDateTime::currentDateTimeUtc();
  for ( const RtTask &task : mTasks )
  {
    const QDate statusDate = task.statusDate.isValid() ? task.statusDate : doc.date;
    written = backend.insert( RtStoreTable::Tasks,
    {
      { QStringLiteral( "task_id" ), task.id },
      { QStringLiteral( "resolution" ), doc.number },
      { QStringLiteral( "ordinal" ), ++taskOrdinal },
      { QStringLiteral( "kind" ), task.kind },
      { QStringLiteral( "clause_path" ), rtClausePathString( task.clausePath ) },
      { QStringLiteral( "footnote" ), task.footnote },
      { QStringLiteral( "quote" ), task.quote },
      { QStringLiteral( "title_vi" ), task.titleVi },
      { QStringLiteral( "title_en" ), task.titleEn },
      { QStringLiteral( "category" ), task.category },
      { QStringLiteral( "responsible" ), task.responsible },
      { QStringLiteral( "deadline_phrase" ), task.deadline.phrase() },
      { QStringLiteral( "deadline_kind" ), RtDeadline::kindCode( task.deadline.kind() ) },
      { QStringLiteral( "deadline_date" ), task.deadline.kind() == RtDeadline::Kind::Date ? task.deadline.date() : QDate() },
      { QStringLiteral( "target" ), task.target },
      { QStringLiteral( "target_value" ), task.targetFigure ? QVariant( task.targetFigure->value ) : QVariant() },
      { QStringLiteral( "target_unit" ), task.targetFigure ? QVariant( task.targetFigure->unit ) : QVariant() },
      { QStringLiteral( "target_comparator" ), task.targetFigure ? QVariant( task.targetFigure->comparator ) : QVariant() },
      { QStringLiteral( "status" ), RtStatuses::code( task.status ) },
      { QStringLiteral( "status_date" ), statusDate },
      { QStringLiteral( "status_quote" ), task.statusQuote },
      { QStringLiteral( "status_clause_path" ), rtClausePathString( task.statusClausePath ) },
      { QStringLiteral( "status_footnote" ), task.statusFootnote },
      { QStringLiteral( "note_vi" ), task.noteVi },
      { QStringLiteral( "note_en" ), task.noteEn },
      { QStringLiteral( "follows_up" ), task.followsUp.isEmpty() ? QVariant() : QVariant( RtStoreSchema::followsUpText( task.followsUp ) ) },
      { QStringLiteral( "revision" ), task.revision },
    } );
    if ( !written.ok() )
      return written;

    for ( const QString &place : task.places )
    {
      const int colon = place.indexOf( QLatin1Char( ':' ) );
      written = backend.insert( RtStoreTable::Places,
      {
        { QStringLiteral( "task_id" ), task.id },
        { QStringLiteral( "place_kind" ), colon < 0 ? QString( QLatin1String( "" ) ) : place.left( colon ) },
        { QStringLiteral( "place_key" ), colon < 0 ? place : place.mid( colon + 1 ) },
      } );
      if ( !written.ok() )
        return written;
    }

    const RtResult<qint64> seq = backend.nextSequence( RtStoreTable::History );
    if ( !seq.ok() )
      return RtStatusResult::failureFrom( seq );
    written = backend.insert( RtStoreTable::History,
    {
      { QStringLiteral( "seq" ), seq.value() },
      { QStringLiteral( "task_id" ), task.id },
      { QStringLiteral( "status_date" ), statusDate },
      { QStringLiteral( "recorded_at" ), recordedAt },
      { QStringLiteral( "old_status" ), QVariant() },
      { QStringLiteral( "new_status" ), RtStatuses::code( task.status ) },
      { QStringLiteral( "changed_by" ), doc.number },
      { QStringLiteral( "note" ), task.noteVi.isEmpty() ? QStringLiteral( "initial status from the resolution text" ) : task.noteVi },
      { QStringLiteral( "evidence" ), task.statusQuote },
    } );
    if ( !written.ok() )
      return written;
  }
  return rtOk();
}
