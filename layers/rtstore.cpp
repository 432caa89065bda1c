#include "rtstore.h"
#include "rtstatus.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <utility>
#include <vector>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace
{
  const char *const T_DOCUMENT = "rt_document";
  const char *const T_CLAUSES = "rt_clauses";
  const char *const T_FOOTNOTES = "rt_footnotes";
  const char *const T_FIGURES = "rt_figures";
  const char *const T_TASKS = "rt_tasks";
  const char *const T_PLACES = "rt_task_places";
  const char *const T_HISTORY = "rt_status_history";

  const char *const HISTORY_READ_ONLY_MESSAGE = "rt_status_history is append-only: history rows cannot be changed or deleted";

  struct FieldSpec
  {
    const char *name;
    OGRFieldType type;
    bool notNull;
  };

  struct TableSpec
  {
    const char *name;
    const char *description;
    std::vector<FieldSpec> fields;
  };

  // The register layout; open() checks a file against it, create() writes it.
  // rt_tasks comes first so that a foreign GeoPackage is reported by its most telling table.
  const std::vector<TableSpec> &schema()
  {
    static const std::vector<TableSpec> tables =
    {
      {
        T_TASKS, "Resolution Tracker: tracked tasks and their current status",
        {
          { "task_id", OFTString, true }, { "ordinal", OFTInteger, true }, { "kind", OFTString, false },
          { "clause_path", OFTString, false }, { "footnote", OFTInteger, false }, { "quote", OFTString, false },
          { "title_vi", OFTString, false }, { "title_en", OFTString, false }, { "category", OFTString, false },
          { "responsible", OFTString, false }, { "deadline_phrase", OFTString, false },
          { "deadline_kind", OFTString, true }, { "deadline_date", OFTDate, false }, { "target", OFTString, false },
          { "status", OFTString, true }, { "status_date", OFTDate, false }, { "status_quote", OFTString, false },
          { "status_clause_path", OFTString, false }, { "status_footnote", OFTInteger, false },
          { "note_vi", OFTString, false }, { "note_en", OFTString, false }, { "revision", OFTInteger, true },
        }
      },
      {
        T_DOCUMENT, "Resolution Tracker: the resolution this register tracks",
        {
          { "number", OFTString, false }, { "date", OFTDate, false }, { "title", OFTString, false },
          { "body", OFTString, false }, { "session", OFTString, false }, { "place", OFTString, false },
          { "document_type", OFTString, false }, { "preamble", OFTString, false }, { "closing", OFTString, false },
          { "signer_title", OFTString, false }, { "signer", OFTString, false }, { "source_name", OFTString, false },
          { "source_sha256", OFTString, false }, { "term_start", OFTInteger, false }, { "term_end", OFTInteger, false },
        }
      },
      {
        T_CLAUSES, "Resolution Tracker: clause tree of the resolution, in reading order",
        {
          { "path", OFTString, true }, { "parent_path", OFTString, false }, { "label", OFTString, true },
          { "depth", OFTInteger, true }, { "ordinal", OFTInteger, true }, { "text", OFTString, false },
          { "line", OFTInteger, false },
        }
      },
      {
        T_FOOTNOTES, "Resolution Tracker: footnotes of the resolution",
        {
          { "number", OFTInteger, true }, { "clause_path", OFTString, false }, { "text", OFTString, false },
          { "line", OFTInteger, false },
        }
      },
      {
        T_FIGURES, "Resolution Tracker: figures stated by the resolution",
        {
          { "kind", OFTString, true }, { "value", OFTReal, false }, { "total", OFTReal, false },
          { "comparator", OFTString, false }, { "subject", OFTString, false }, { "label", OFTString, false },
          { "items", OFTString, false }, { "deadline", OFTString, false }, { "quote", OFTString, false },
          { "clause_path", OFTString, false },
        }
      },
      {
        T_PLACES, "Resolution Tracker: places each task concerns",
        {
          { "task_id", OFTString, true }, { "place_kind", OFTString, false }, { "place_key", OFTString, true },
        }
      },
      {
        T_HISTORY, "Resolution Tracker: append-only history of status changes",
        {
          { "seq", OFTInteger64, true }, { "task_id", OFTString, true }, { "status_date", OFTDate, true },
          { "recorded_at", OFTDateTime, true }, { "old_status", OFTString, false }, { "new_status", OFTString, true },
          { "changed_by", OFTString, true }, { "note", OFTString, false }, { "evidence", OFTString, false },
        }
      },
    };
    return tables;
  }

  // Indexes and the triggers that make the history append-only (SQLite, so any client is bound).
  const QStringList &schemaStatements()
  {
    static const QStringList statements =
    {
      QStringLiteral( "CREATE UNIQUE INDEX rt_tasks_task_id_idx ON rt_tasks(task_id)" ),
      QStringLiteral( "CREATE INDEX rt_status_history_task_id_idx ON rt_status_history(task_id)" ),
      QStringLiteral( "CREATE INDEX rt_task_places_task_id_idx ON rt_task_places(task_id)" ),
      QStringLiteral( "CREATE TRIGGER rt_status_history_no_update BEFORE UPDATE ON rt_status_history "
                      "BEGIN SELECT RAISE(ABORT, '%1'); END" ).arg( QLatin1String( HISTORY_READ_ONLY_MESSAGE ) ),
      QStringLiteral( "CREATE TRIGGER rt_status_history_no_delete BEFORE DELETE ON rt_status_history "
                      "BEGIN SELECT RAISE(ABORT, '%1'); END" ).arg( QLatin1String( HISTORY_READ_ONLY_MESSAGE ) ),
    };
    return statements;
  }

  //! Keeps GDAL from printing to stderr while in scope; its messages are read back with CPLGetLastErrorMsg().
  class QuietGdalErrors
  {
    public:
      QuietGdalErrors() { CPLPushErrorHandler( CPLQuietErrorHandler ); CPLErrorReset(); }
      ~QuietGdalErrors() { CPLPopErrorHandler(); }
      QuietGdalErrors( const QuietGdalErrors & ) = delete;
      QuietGdalErrors &operator=( const QuietGdalErrors & ) = delete;
  };

  QString gdalMessage( const QString &fallback )
  {
    const QString message = QString::fromUtf8( CPLGetLastErrorMsg() ).simplified();
    if ( message.contains( QLatin1String( "database is locked" ) ) )
      return QStringLiteral( "another program is writing to the file: database is locked" );
    return message.isEmpty() ? fallback : message;
  }

  bool gdalFailed()
  {
    return CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal;
  }

  QString sqlQuote( const QString &text )
  {
    QString quoted = text;
    quoted.replace( QLatin1Char( '\'' ), QLatin1String( "''" ) );
    return QLatin1Char( '\'' ) + quoted + QLatin1Char( '\'' );
  }

  QString sqlDate( const QDate &date )
  {
    return date.isValid() ? sqlQuote( date.toString( Qt::ISODate ) ) : QStringLiteral( "NULL" );
  }

  // The form GDAL itself writes for a GeoPackage DATETIME in UTC.
  QString isoUtc( const QDateTime &dateTime )
  {
    return dateTime.toUTC().toString( QStringLiteral( "yyyy-MM-ddTHH:mm:ss.zzzZ" ) );
  }

  QString isoDate( const QDate &date )
  {
    return date.toString( Qt::ISODate );
  }

  std::optional<RtFigure::Kind> figureKindFromCode( const QString &code )
  {
    for ( RtFigure::Kind kind : { RtFigure::Kind::Ratio, RtFigure::Kind::Percent, RtFigure::Kind::Count } )
    {
      if ( RtFigure::kindCode( kind ) == code )
        return kind;
    }
    return std::nullopt;
  }

  QString unknownTaskMessage( const QString &taskId )
  {
    return QStringLiteral( "unknown task id '%1'; run `restrack summary` to list task ids" ).arg( taskId );
  }

  // ---- reading fields ----------------------------------------------------------------

  int fieldIndex( const OGRFeature &f, const char *name )
  {
    return f.GetFieldIndex( name );
  }

  bool isNull( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    return i < 0 || !f.IsFieldSetAndNotNull( i );
  }

  QString fieldString( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return QString();
    return QString::fromUtf8( f.GetFieldAsString( i ) );
  }

  qint64 fieldInt( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return 0;
    return static_cast<qint64>( f.GetFieldAsInteger64( i ) );
  }

  double fieldReal( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return 0;
    return f.GetFieldAsDouble( i );
  }

  QDateTime fieldDateTime( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return QDateTime();
    const OGRFieldType type = f.GetFieldDefnRef( i )->GetType();
    if ( type == OFTDate || type == OFTDateTime )
    {
      int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
      float s = 0;
      if ( !f.GetFieldAsDateTime( i, &y, &mo, &d, &h, &mi, &s, &tz ) )
        return QDateTime();
      const int wholeSeconds = static_cast<int>( std::floor( s ) );
      const int ms = std::min( 999, static_cast<int>( std::lround( ( s - wholeSeconds ) * 1000 ) ) );
      const QDate date( y, mo, d );
      const QTime time( h, mi, wholeSeconds, ms );
      // OGR time zone flag: 100 is UTC, each step away from it is 15 minutes.
      if ( tz >= 2 )
        return QDateTime( date, time, Qt::OffsetFromUTC, ( tz - 100 ) * 15 * 60 ).toUTC();
      return QDateTime( date, time, Qt::UTC );
    }
    // A column SQLite reports without a declared type comes back as text.
    const QString text = QString::fromUtf8( f.GetFieldAsString( i ) );
    QDateTime dt = QDateTime::fromString( text, Qt::ISODateWithMs );
    if ( !dt.isValid() )
      dt = QDateTime( QDate::fromString( text.left( 10 ), Qt::ISODate ), QTime( 0, 0 ), Qt::UTC );
    return dt.toUTC();
  }

  QDate fieldDate( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return QDate();
    const OGRFieldType type = f.GetFieldDefnRef( i )->GetType();
    if ( type == OFTDate || type == OFTDateTime )
    {
      int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
      float s = 0;
      if ( !f.GetFieldAsDateTime( i, &y, &mo, &d, &h, &mi, &s, &tz ) )
        return QDate();
      return QDate( y, mo, d );
    }
    return QDate::fromString( QString::fromUtf8( f.GetFieldAsString( i ) ).left( 10 ), Qt::ISODate );
  }

  // ---- writing fields ----------------------------------------------------------------

  void setString( OGRFeature &f, const char *name, const QString &value )
  {
    f.SetField( name, value.toUtf8().constData() );
  }

  void setInt( OGRFeature &f, const char *name, qint64 value )
  {
    f.SetField( name, static_cast<GIntBig>( value ) );
  }

  void setReal( OGRFeature &f, const char *name, double value )
  {
    f.SetField( name, value );
  }

  void setDate( OGRFeature &f, const char *name, const QDate &date )
  {
    const int i = f.GetFieldIndex( name );
    if ( i < 0 )
      return;
    if ( date.isValid() )
      f.SetField( i, date.year(), date.month(), date.day() );
    else
      f.SetFieldNull( i );
  }

  void setDateTimeUtc( OGRFeature &f, const char *name, const QDateTime &dateTime )
  {
    const int i = f.GetFieldIndex( name );
    if ( i < 0 )
      return;
    const QDateTime utc = dateTime.toUTC();
    const QTime t = utc.time();
    f.SetField( i, utc.date().year(), utc.date().month(), utc.date().day(), t.hour(), t.minute(),
                static_cast<float>( t.second() + t.msec() / 1000.0 ), 100 );
  }

  // ---- queries ----------------------------------------------------------------------

  //! A result set released however the caller leaves, so no statement keeps the file locked.
  class ResultSet
  {
    public:
      ResultSet( GDALDataset *ds, OGRLayer *layer ) : mDs( ds ), mLayer( layer ) {}
      ~ResultSet() { if ( mLayer ) mDs->ReleaseResultSet( mLayer ); }
      ResultSet( const ResultSet & ) = delete;
      ResultSet &operator=( const ResultSet & ) = delete;
      OGRLayer *layer() const { return mLayer; }

    private:
      GDALDataset *mDs = nullptr;
      OGRLayer *mLayer = nullptr;
  };

  //! Runs a SELECT and calls \a row for each result until it returns false; returns an error message or empty.
  QString forEachRow( GDALDataset *ds, const QString &sql, const std::function<bool( const OGRFeature & )> &row )
  {
    CPLErrorReset();
    ResultSet rs( ds, ds->ExecuteSQL( sql.toUtf8().constData(), nullptr, nullptr ) );
    if ( !rs.layer() )
      return gdalMessage( QStringLiteral( "query failed: %1" ).arg( sql ) );
    while ( true )
    {
      OGRFeatureUniquePtr f( rs.layer()->GetNextFeature() );
      if ( !f )
        break;
      if ( !row( *f ) )
        break;
    }
    if ( gdalFailed() )
      return gdalMessage( QStringLiteral( "query failed: %1" ).arg( sql ) );
    return QString();
  }

  //! Runs a statement that returns no rows; returns an error message or empty.
  QString execute( GDALDataset *ds, const QString &sql )
  {
    CPLErrorReset();
    OGRLayer *rs = ds->ExecuteSQL( sql.toUtf8().constData(), nullptr, nullptr );
    if ( rs )
      ds->ReleaseResultSet( rs );
    if ( gdalFailed() )
      return gdalMessage( QStringLiteral( "statement failed: %1" ).arg( sql ) );
    return QString();
  }

  //! Rolls back on scope exit unless committed.
  class Transaction
  {
    public:
      explicit Transaction( GDALDataset *ds ) : mDs( ds ) {}
      ~Transaction() { rollback(); }
      Transaction( const Transaction & ) = delete;
      Transaction &operator=( const Transaction & ) = delete;

      bool begin()
      {
        CPLErrorReset();
        mActive = mDs->StartTransaction() == OGRERR_NONE;
        return mActive;
      }

      bool commit()
      {
        if ( !mActive )
          return false;
        CPLErrorReset();
        mActive = false;
        if ( mDs->CommitTransaction() == OGRERR_NONE )
          return true;
        // GDAL forgets the transaction even when SQLite kept it open (e.g. busy): end it here.
        const QString message = QString::fromUtf8( CPLGetLastErrorMsg() );
        CPLPushErrorHandler( CPLQuietErrorHandler );
        OGRLayer *rs = mDs->ExecuteSQL( "ROLLBACK TRANSACTION", nullptr, nullptr );
        if ( rs )
          mDs->ReleaseResultSet( rs );
        CPLPopErrorHandler();
        CPLErrorSetState( CE_Failure, CPLE_AppDefined, message.toUtf8().constData() );
        return false;
      }

      void rollback()
      {
        if ( !mActive )
          return;
        mActive = false;
        mDs->RollbackTransaction();
      }

    private:
      GDALDataset *mDs = nullptr;
      bool mActive = false;
  };

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

  // ---- reading the register ---------------------------------------------------------

  QString readDocument( GDALDataset *ds, RtDocumentInfo &info, int *rowCount = nullptr )
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

  struct HistoryRow
  {
    RtHistoryEntry entry;
    QString badStatus; //!< a stored status code this build does not know
  };

  RtResult<QVector<RtHistoryEntry>> readHistory( GDALDataset *ds, const QString &path, const QString &where, const QString &tail = QString() )
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

  //! Tasks matching \a where (all when empty), in register order, with their places.
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
      const RtResult<RtDeadline> deadline = RtDeadline::parse( phrase, doc.term, doc.date );
      if ( !deadline )
      {
        problem = QStringLiteral( "task %1: its deadline '%2' cannot be read: %3" ).arg( t.id, phrase, deadline.error() );
        return false;
      }
      const RtDeadline &d = deadline.value();
      const QDate parsedDate = d.kind() == RtDeadline::Kind::Date ? d.date() : QDate();
      if ( RtDeadline::kindCode( d.kind() ) != kindCode || parsedDate != storedDate )
      {
        problem = QStringLiteral( "task %1: the stored deadline (%2 %3) does not match its phrase '%4', which now means %5 %6; "
                                  "re-import the resolution to refresh the register" )
                  .arg( t.id, kindCode, isoDate( storedDate ), phrase, RtDeadline::kindCode( d.kind() ), isoDate( parsedDate ) ).trimmed();
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

  /**
   * Starts \a transaction and takes the write lock before reading the task, so that no
   * other writer can change it between our check and our write: a second writer waits
   * here and then sees our change. Returns the task as stored under the lock.
   */
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

  // ---- writing a new register -------------------------------------------------------

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

  //! Writes one row built by \a fill into \a table.
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
        setString( f, "deadline_kind", RtDeadline::kindCode( task.deadline.kind() ) );
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

  void removeTemporary( const QString &tmpPath )
  {
    for ( const QString &suffix : { QString(), QStringLiteral( "-journal" ), QStringLiteral( "-wal" ), QStringLiteral( "-shm" ) } )
      QFile::remove( tmpPath + suffix );
  }

  QString systemError( int code )
  {
    return QString::fromLocal8Bit( std::strerror( code ) );
  }

  /**
   * Moves the finished file into place. Replacing uses rename(2), which is atomic; without
   * overwrite, link(2) refuses an existing target even if it appeared after our first check.
   * Returns an error message or empty.
   */
  QString moveIntoPlace( const QString &tmpPath, const QString &path, bool overwrite )
  {
#ifdef Q_OS_WIN
    const std::wstring from = QDir::toNativeSeparators( tmpPath ).toStdWString();
    const std::wstring to = QDir::toNativeSeparators( path ).toStdWString();
    DWORD flags = MOVEFILE_WRITE_THROUGH;
    if ( overwrite )
      flags |= MOVEFILE_REPLACE_EXISTING;
    if ( !MoveFileExW( from.c_str(), to.c_str(), flags ) )
    {
      if ( GetLastError() == ERROR_ALREADY_EXISTS || GetLastError() == ERROR_FILE_EXISTS )
        return QStringLiteral( "it already exists" );
      return QStringLiteral( "cannot move the new file into place (Windows error %1)" ).arg( GetLastError() );
    }
    return QString();
#else
    const QByteArray from = QFile::encodeName( tmpPath );
    const QByteArray to = QFile::encodeName( path );
    if ( !overwrite )
    {
      if ( ::link( from.constData(), to.constData() ) == 0 )
      {
        ::unlink( from.constData() );
        return QString();
      }
      const int err = errno;
      if ( err == EEXIST )
        return QStringLiteral( "it already exists" );
      // Some file systems have no hard links: check, then rename.
      if ( QFileInfo::exists( path ) || QFileInfo( path ).isSymLink() )
        return QStringLiteral( "it already exists" );
    }
    if ( ::rename( from.constData(), to.constData() ) != 0 )
      return QStringLiteral( "cannot move the new file into place: %1" ).arg( systemError( errno ) );
    return QString();
#endif
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
      const RtResult<RtDeadline> reread = RtDeadline::parse( task.deadline.phrase(), doc.term, doc.date );
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

  //! Why \a path cannot be a GeoPackage at all, judged from its first bytes; empty if it might be one.
  QString headerProblem( const QString &path )
  {
    QFile file( path );
    if ( !file.open( QIODevice::ReadOnly ) )
      return QStringLiteral( "cannot read it: %1" ).arg( file.errorString() );
    const QByteArray head = file.read( 100 );
    if ( head.isEmpty() )
      return QStringLiteral( "the file is empty" );
    if ( !head.startsWith( QByteArray( "SQLite format 3\0", 16 ) ) )
      return QStringLiteral( "it is not an SQLite database file" );
    if ( head.size() < 100 )
      return QStringLiteral( "the file is truncated" );
    return QString();
  }
}

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
