#include "rtstorewriter.h"
#include "rtstatus.h"
#include "rtstoreschema.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

namespace RtStoreInternal
{
  QString createTables( GDALDataset *ds )
  {
    for ( const TableSpec &table : schema() )
    {
      CPLStringList options;
      options.SetNameValue( "ASPATIAL_VARIANT", "GPKG_ATTRIBUTES" );
      options.SetNameValue( "DESCRIPTION", table.description );
      CPLErrorReset();
      OGRLayer *layer = ds->CreateLayer( table.name, nullptr, wkbNone, options.List() );
      if ( !layer )
        return QStringLiteral( "cannot create table %1: %2" ).arg( QLatin1String( table.name ), gdalMessage( QStringLiteral( "unknown error" ) ) );
      for ( const FieldSpec &field : table.fields )
      {
        OGRFieldDefn defn( field.name, field.type );
        if ( field.notNull )
          defn.SetNullable( FALSE );
        if ( layer->CreateField( &defn ) != OGRERR_NONE )
          return QStringLiteral( "cannot create column %1.%2: %3" ).arg( QLatin1String( table.name ), QLatin1String( field.name ), gdalMessage( QStringLiteral( "unknown error" ) ) );
      }
    }
    return QString();
  }

  QString insertRow( GDALDataset *ds, const char *table, const std::function<void( OGRFeature & )> &fill )
  {
    OGRLayer *layer = ds->GetLayerByName( table );
    if ( !layer )
      return QStringLiteral( "table %1 missing" ).arg( QLatin1String( table ) );
    OGRFeatureUniquePtr f( OGRFeature::CreateFeature( layer->GetLayerDefn() ) );
    fill( *f );
    CPLErrorReset();
    if ( layer->CreateFeature( f.get() ) != OGRERR_NONE )
      return QStringLiteral( "cannot write to %1: %2" ).arg( QLatin1String( table ), gdalMessage( QStringLiteral( "unknown error" ) ) );
    return QString();
  }

  QString writeClauses( GDALDataset *ds, const QVector<RtClause> &clauses, const QStringList &parentPath, int depth, int &ordinal )
  {
    for ( const RtClause &clause : clauses )
    {
      const QStringList path = QStringList( parentPath ) << clause.label;
      const int thisOrdinal = ++ordinal;
      QString error = insertRow( ds, T_CLAUSES, [&]( OGRFeature & f )
      {
        setString( f, "path", rtClausePathString( path ) );
        setString( f, "parent_path", rtClausePathString( parentPath ) );
        setString( f, "label", clause.label );
        setInt( f, "depth", depth );
        setInt( f, "ordinal", thisOrdinal );
        setString( f, "text", clause.text );
        setInt( f, "line", clause.line );
      } );
      if ( error.isEmpty() )
        error = writeClauses( ds, clause.children, path, depth + 1, ordinal );
      if ( !error.isEmpty() )
        return error;
    }
    return QString();
  }

  QString writeRegister( GDALDataset *ds, const RtResolution &resolution, const QVector<RtTask> &tasks, const RtDocumentInfo &doc )
  {
    Transaction transaction( ds );
    if ( !transaction.begin() )
      return QStringLiteral( "cannot start a transaction: %1" ).arg( gdalMessage( QStringLiteral( "unknown error" ) ) );

    QString error = createTables( ds );
    if ( !error.isEmpty() )
      return error;

    error = insertRow( ds, T_DOCUMENT, [&]( OGRFeature & f )
    {
      setString( f, "number", doc.number );
      setDate( f, "date", doc.date );
      setString( f, "title", doc.title );
      setString( f, "body", doc.body );
      setString( f, "session", doc.session );
      setString( f, "place", doc.place );
      setString( f, "document_type", doc.documentType );
      setString( f, "preamble", doc.preamble.join( QLatin1Char( '\n' ) ) ); // paragraphs never contain a line break
      setString( f, "closing", doc.closing );
      setString( f, "signer_title", doc.signerTitle );
      setString( f, "signer", doc.signer );
      setString( f, "source_name", doc.sourceName );
      setString( f, "source_sha256", doc.sourceSha256 );
      setInt( f, "term_start", doc.term.startYear );
      setInt( f, "term_end", doc.term.endYear );
    } );
    if ( !error.isEmpty() )
      return error;

    int ordinal = 0;
    error = writeClauses( ds, resolution.clauses, QStringList(), 0, ordinal );
    if ( !error.isEmpty() )
      return error;

    for ( const RtFootnote &footnote : resolution.footnotes )
    {
      error = insertRow( ds, T_FOOTNOTES, [&]( OGRFeature & f )
      {
        setInt( f, "number", footnote.number );
        setString( f, "clause_path", rtClausePathString( footnote.clausePath ) );
        setString( f, "text", footnote.text );
        setInt( f, "line", footnote.line );
      } );
      if ( !error.isEmpty() )
        return error;
    }

    for ( const RtFigure &figure : resolution.figures )
    {
      error = insertRow( ds, T_FIGURES, [&]( OGRFeature & f )
      {
        setString( f, "kind", RtFigure::kindCode( figure.kind ) );
        setReal( f, "value", figure.value );
        setReal( f, "total", figure.total );
        setString( f, "comparator", figure.comparator );
        setString( f, "subject", figure.subject );
        setString( f, "label", figure.label );
        setString( f, "items", figure.items.join( QLatin1String( "; " ) ) );
        setString( f, "deadline", figure.deadline );
        setString( f, "quote", figure.quote );
        setString( f, "clause_path", rtClausePathString( figure.clausePath ) );
      } );
      if ( !error.isEmpty() )
        return error;
    }

    const QDateTime recordedAt = QDateTime::currentDateTimeUtc();
    qint64 seq = 0;
    int taskOrdinal = 0;
    for ( const RtTask &task : tasks )
    {
      const QDate statusDate = task.statusDate.isValid() ? task.statusDate : doc.date;
      const int thisOrdinal = ++taskOrdinal;
      error = insertRow( ds, T_TASKS, [&]( OGRFeature & f )
      {
        setString( f, "task_id", task.id );
        setInt( f, "ordinal", thisOrdinal );
        setString( f, "kind", task.kind );
        setString( f, "clause_path", rtClausePathString( task.clausePath ) );
        setInt( f, "footnote", task.footnote );
        setString( f, "quote", task.quote );
        setString( f, "title_vi", task.titleVi );
        setString( f, "title_en", task.titleEn );
        setString( f, "category", task.category );
        setString( f, "responsible", task.responsible );
        setString( f, "deadline_phrase", task.deadline.phrase() );
        setString( f, "deadline_kind", deadlineKindCode( task.deadline.kind() ) );
        setDate( f, "deadline_date", task.deadline.kind() == RtDeadline::Kind::Date ? task.deadline.date() : QDate() );
        setString( f, "target", task.target );
        setString( f, "status", RtStatuses::code( task.status ) );
        setDate( f, "status_date", statusDate );
        setString( f, "status_quote", task.statusQuote );
        setString( f, "status_clause_path", rtClausePathString( task.statusClausePath ) );
        setInt( f, "status_footnote", task.statusFootnote );
        setString( f, "note_vi", task.noteVi );
        setString( f, "note_en", task.noteEn );
        setInt( f, "revision", task.revision );
      } );
      if ( !error.isEmpty() )
        return error;

      for ( const QString &place : task.places )
      {
        const int colon = place.indexOf( QLatin1Char( ':' ) );
        error = insertRow( ds, T_PLACES, [&]( OGRFeature & f )
        {
          setString( f, "task_id", task.id );
          setString( f, "place_kind", colon < 0 ? QString() : place.left( colon ) );
          setString( f, "place_key", colon < 0 ? place : place.mid( colon + 1 ) );
        } );
        if ( !error.isEmpty() )
          return error;
      }

      const qint64 thisSeq = ++seq;
      error = insertRow( ds, T_HISTORY, [&]( OGRFeature & f )
      {
        setInt( f, "seq", thisSeq );
        setString( f, "task_id", task.id );
        setDate( f, "status_date", statusDate );
        setDateTimeUtc( f, "recorded_at", recordedAt );
        f.SetFieldNull( f.GetFieldIndex( "old_status" ) );
        setString( f, "new_status", RtStatuses::code( task.status ) );
        setString( f, "changed_by", doc.number );
        setString( f, "note", task.noteVi.isEmpty() ? QStringLiteral( "initial status from the resolution text" ) : task.noteVi );
        setString( f, "evidence", task.statusQuote );
      } );
      if ( !error.isEmpty() )
        return error;
    }

    for ( const QString &statement : schemaStatements() )
    {
      error = execute( ds, statement );
      if ( !error.isEmpty() )
        return error;
    }

    if ( !transaction.commit() )
      return QStringLiteral( "cannot commit: %1" ).arg( gdalMessage( QStringLiteral( "unknown error" ) ) );
    return QString();
  }

  RtStatusResult createRegister( const QString &path, const RtResolution &resolution, const QVector<RtTask> &tasks,
                                 const RtDocumentInfo &info, bool overwrite )
  {
    if ( path.isEmpty() )
      return rtFail( QStringLiteral( "no file name given for the register" ) );

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

    if ( !doc.date.isValid() )
      return rtFail( QStringLiteral( "cannot create %1: the resolution has no date, which the status history starts from" ).arg( path ) );
    QSet<QString> ids;
    for ( const RtTask &task : tasks )
    {
      if ( task.id.isEmpty() )
        return rtFail( QStringLiteral( "cannot create %1: a task has no id" ).arg( path ) );
      if ( ids.contains( task.id ) )
        return rtFail( QStringLiteral( "cannot create %1: task id '%2' occurs twice" ).arg( path, task.id ) );
      ids.insert( task.id );
      // Deadlines are stored as phrases and parsed again on reading: refuse what would not read back.
      const RtResult<RtDeadline> reread = RtDeadline::parse( task.deadline.phrase(), doc.term );
      if ( !reread )
        return rtFail( QStringLiteral( "cannot create %1: task %2: %3" ).arg( path, task.id, reread.error() ) );
      if ( reread.value().kind() != task.deadline.kind()
           || ( task.deadline.kind() == RtDeadline::Kind::Date && reread.value().date() != task.deadline.date() ) )
        return rtFail( QStringLiteral( "cannot create %1: task %2: deadline '%3' means %4 with the council term %5–%6, not %7" )
                       .arg( path, task.id, task.deadline.phrase(), isoDate( reread.value().date() ) )
                       .arg( doc.term.startYear ).arg( doc.term.endYear ).arg( isoDate( task.deadline.date() ) ) );
    }

    const QFileInfo target( path );
    if ( !overwrite && ( target.exists() || target.isSymLink() ) )
      return rtFail( QStringLiteral( "%1 already exists; choose another file name or allow overwriting it" ).arg( path ) );

    if ( !target.absoluteDir().exists() )
      return rtFail( QStringLiteral( "cannot create %1: folder %2 does not exist" ).arg( path, QDir::toNativeSeparators( target.absolutePath() ) ) );

    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName( "GPKG" );
    if ( !driver )
      return rtFail( QStringLiteral( "cannot create %1: this GDAL has no GeoPackage (GPKG) driver" ).arg( path ) );

    const QString tmpPath = QStringLiteral( "%1.tmp-%2.gpkg" ).arg( path ).arg( QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char( '0' ) );
    CPLErrorReset();
    GDALDataset *ds = driver->Create( tmpPath.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr );
    if ( !ds )
    {
      const QString cause = gdalMessage( QStringLiteral( "unknown error" ) );
      removeTemporary( tmpPath );
      return rtFail( QStringLiteral( "cannot create %1: %2" ).arg( path, cause ) );
    }

    QString error;
    try
    {
      error = writeRegister( ds, resolution, tasks, doc );
    }
    catch ( ... )
    {
      GDALClose( ds );
      removeTemporary( tmpPath );
      throw;
    }
    CPLErrorReset();
    GDALClose( ds );
    // Closing flushes the last pages: a failure there (a full disk) counts too.
    if ( error.isEmpty() && gdalFailed() )
      error = gdalMessage( QStringLiteral( "closing the file failed" ) );
    if ( error.isEmpty() )
      error = moveIntoPlace( tmpPath, path, overwrite );
    if ( !error.isEmpty() )
    {
      removeTemporary( tmpPath );
      if ( error == QLatin1String( "it already exists" ) )
        return rtFail( QStringLiteral( "%1 already exists; choose another file name or allow overwriting it" ).arg( path ) );
      return rtFail( QStringLiteral( "cannot create %1: %2" ).arg( path, error ) );
    }
    return rtOk();
  }
}
