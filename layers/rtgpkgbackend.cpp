#include "rtgpkgbackend.h"
#include "rttr.h"
#include "rtstoreupgrade.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <cerrno>

namespace
{
  //! How long a change waits for another program's lock before it gives up (ms).
  const int BUSY_TIMEOUT_MS = 5000;
  //! How often a change follows a register renamed over the one it opened before it gives up.
  const int REOPEN_ATTEMPTS = 5;

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
    return message.isEmpty() ? fallback : message;
  }

  bool gdalFailed()
  {
    return CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal;
  }

  QString quoted( const QString &identifier )
  {
    // Only names from RtStoreSchema come here: never a value.
    return QLatin1Char( '"' ) + identifier + QLatin1Char( '"' );
  }

  // The form GDAL itself writes for a GeoPackage DATETIME in UTC.
  QString isoUtc( const QDateTime &dateTime )
  {
    return dateTime.toUTC().toString( QStringLiteral( "yyyy-MM-ddTHH:mm:ss.zzzZ" ) );
  }

  //! A prepared statement, finalized however the caller leaves (no statement keeps the file locked).
  class Statement
  {
    public:
      Statement( sqlite3 *db, const QString &sql )
      {
        const QByteArray utf8 = sql.toUtf8();
        mRc = sqlite3_prepare_v2( db, utf8.constData(), utf8.size(), &mStmt, nullptr );
      }
      ~Statement() { sqlite3_finalize( mStmt ); }
      Statement( const Statement & ) = delete;
      Statement &operator=( const Statement & ) = delete;

      //! SQLITE_OK when prepared and every value bound.
      int rc() const { return mRc; }
      sqlite3_stmt *handle() const { return mStmt; }

      //! Binds \a value, stored as its column's type wants it, to the next parameter.
      void bind( const QVariant &value, RtColumnType type )
      {
        const int index = ++mBound;
        if ( mRc != SQLITE_OK )
          return;
        if ( !value.isValid() )
        {
          mRc = sqlite3_bind_null( mStmt, index );
          return;
        }
        switch ( type )
        {
          case RtColumnType::Text:
            bindText( index, value.toString() );
            return;
          case RtColumnType::Integer:
          case RtColumnType::Integer64:
            mRc = sqlite3_bind_int64( mStmt, index, value.toLongLong() );
            return;
          case RtColumnType::Real:
            mRc = sqlite3_bind_double( mStmt, index, value.toDouble() );
            return;
          case RtColumnType::Date:
          {
            const QDate date = value.toDate();
            if ( date.isValid() )
              bindText( index, date.toString( Qt::ISODate ) );
            else
              mRc = sqlite3_bind_null( mStmt, index );
            return;
          }
          case RtColumnType::DateTime:
          {
            const QDateTime dateTime = value.toDateTime();
            if ( dateTime.isValid() )
              bindText( index, isoUtc( dateTime ) );
            else
              mRc = sqlite3_bind_null( mStmt, index );
            return;
          }
        }
      }

    private:
      void bindText( int index, const QString &text )
      {
        // An empty text is stored as '' (a null pointer would bind NULL).
        const QByteArray utf8 = text.toUtf8();
        mRc = sqlite3_bind_text( mStmt, index, utf8.isNull() ? "" : utf8.constData(), utf8.size(), SQLITE_TRANSIENT );
      }

      sqlite3_stmt *mStmt = nullptr;
      int mRc = SQLITE_OK;
      int mBound = 0;
  };

  QDateTime dateTimeFromText( const QString &text )
  {
    QDateTime dt = QDateTime::fromString( text, Qt::ISODateWithMs );
    if ( !dt.isValid() )
      dt = QDateTime( QDate::fromString( text.left( 10 ), Qt::ISODate ), QTime( 0, 0 ), Qt::UTC );
    return dt.toUTC();
  }

  //! Column \a i of the current row as \a type wants it; an invalid QVariant for NULL.
  QVariant columnValue( sqlite3_stmt *stmt, int i, RtColumnType type )
  {
    if ( sqlite3_column_type( stmt, i ) == SQLITE_NULL )
      return QVariant();
    switch ( type )
    {
      case RtColumnType::Integer:
      case RtColumnType::Integer64:
        return QVariant( static_cast<qlonglong>( sqlite3_column_int64( stmt, i ) ) );
      case RtColumnType::Real:
        return QVariant( sqlite3_column_double( stmt, i ) );
      case RtColumnType::Text:
      case RtColumnType::Date:
      case RtColumnType::DateTime:
        break;
    }
    const char *text = reinterpret_cast<const char *>( sqlite3_column_text( stmt, i ) );
    const QString value = QString::fromUtf8( text, sqlite3_column_bytes( stmt, i ) );
    if ( type == RtColumnType::Date )
      return QVariant( QDate::fromString( value.left( 10 ), Qt::ISODate ) );
    if ( type == RtColumnType::DateTime )
      return QVariant( dateTimeFromText( value ) );
    return QVariant( value );
  }

  RtColumnType columnType( RtStoreTable table, const QString &column )
  {
    if ( column == RtStoreSchema::rowIdColumn() )
      return RtColumnType::Integer64;
    const RtColumnSpec *spec = RtStoreSchema::column( table, column );
    return spec ? spec->type : RtColumnType::Text;
  }

  bool isColumn( RtStoreTable table, const QString &column )
  {
    return column == RtStoreSchema::rowIdColumn() || RtStoreSchema::column( table, column );
  }

  //! The kind of an SQLite failure and what it means, in words (never the statement).
  struct SqliteFailure
  {
    RtErrorKind kind;
    QString cause;
  };

  //! Why \a path cannot be written, in words: the file, or its folder (where a change creates its journal).
  QString readOnlyCause( const QString &path )
  {
    const QFileInfo file( path );
    if ( !path.isEmpty() && file.exists() && !file.isWritable() )
      return rtMsg( "RtGpkgBackend", "the file is read-only" );
    if ( !path.isEmpty() && !QFileInfo( file.absolutePath() ).isWritable() )
      return rtMsg( "RtGpkgBackend", "its folder is read-only (%1), and a change must create %2-journal there" )
             .arg( QDir::toNativeSeparators( file.absolutePath() ), file.fileName() );
    return rtMsg( "RtGpkgBackend", "the file or its folder is read-only" );
  }

  SqliteFailure sqliteFailure( sqlite3 *db, int rc, const QString &path = QString() )
  {
    const QString message = db ? QString::fromUtf8( sqlite3_errmsg( db ) ) : QString::fromUtf8( sqlite3_errstr( rc ) );
    const int systemErrno = db ? sqlite3_system_errno( db ) : 0;
    const bool permission = systemErrno == EACCES || systemErrno == EPERM || systemErrno == EROFS;
    switch ( rc & 0xff )
    {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return { RtErrorKind::Busy, rtMsg( "RtGpkgBackend", "another program is writing to it" ) };
      case SQLITE_READONLY:
        if ( rc == SQLITE_READONLY_ROLLBACK )
          return { RtErrorKind::ReadOnly, rtMsg( "RtGpkgBackend", "it holds an unfinished change of a program that stopped while writing, which only a program that may write to it can undo" ) };
        return { RtErrorKind::ReadOnly, readOnlyCause( path ) };
      case SQLITE_CANTOPEN:
        if ( permission )
          return { RtErrorKind::ReadOnly, readOnlyCause( path ) };
        return { RtErrorKind::Unavailable, rtMsg( "RtGpkgBackend", "the journal beside it cannot be opened (%1)" )
                 .arg( systemErrno ? RtStoreFiles::systemError( systemErrno ) : message ) };
      case SQLITE_PERM:
        return { RtErrorKind::ReadOnly, rtMsg( "RtGpkgBackend", "it may not be written (%1)" ).arg( message ) };
      case SQLITE_AUTH:
        return { RtErrorKind::Forbidden, rtMsg( "RtGpkgBackend", "access was refused (%1)" ).arg( message ) };
      case SQLITE_FULL:
        return { RtErrorKind::Unavailable, rtMsg( "RtGpkgBackend", "the disk is full" ) };
      case SQLITE_IOERR:
        if ( permission )
          return { RtErrorKind::ReadOnly, readOnlyCause( path ) };
        return { RtErrorKind::Unavailable, rtMsg( "RtGpkgBackend", "a read or write error on the disk (%1)" )
                 .arg( systemErrno ? RtStoreFiles::systemError( systemErrno ) : message ) };
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return { RtErrorKind::Corrupt, rtMsg( "RtGpkgBackend", "the file is damaged (%1)" ).arg( message ) };
      case SQLITE_CONSTRAINT:
        return { RtErrorKind::Invalid, message };
      default:
        // An SQL error on a register's own tables: the file is not what this version expects.
        return { RtErrorKind::Corrupt, message };
    }
  }

  //! Runs \a sql without parameters on \a db; returns SQLite's result code.
  int runPlain( sqlite3 *db, const char *sql )
  {
    return sqlite3_exec( db, sql, nullptr, nullptr, nullptr );
  }

  /**
   * Lets SQLite roll back the unfinished change a killed writer left in PATH-journal (a hot
   * journal): that takes a connection that may write, which a read-only open is not. The
   * first read does it; the journal is never removed by hand, so nothing half-written stays.
   */
  RtStatusResult rollBackUnfinishedChange( const QString &path )
  {
    sqlite3 *db = nullptr;
    int rc = sqlite3_open_v2( QFile::encodeName( path ).constData(), &db, SQLITE_OPEN_READWRITE, nullptr );
    if ( rc == SQLITE_OK )
    {
      sqlite3_busy_timeout( db, BUSY_TIMEOUT_MS );
      rc = runPlain( db, "SELECT count(*) FROM sqlite_master" );
    }
    const SqliteFailure failure = sqliteFailure( db, rc, path );
    sqlite3_close( db );
    if ( rc == SQLITE_OK )
      return rtOk();
    if ( failure.kind == RtErrorKind::ReadOnly )
      return rtFail( RtErrorKind::ReadOnly,
                     rtMsg( "RtGpkgBackend", "%1 cannot be read: a program that was writing to it stopped half-way, and its unfinished change "
                                     "(in %1-journal) must be undone first, which needs write access to the file and its folder. "
                                     "Run any restrack command that writes as someone who may write there, or copy both files "
                                     "to a folder you may write to and open the copy; the journal is left as it is" ).arg( path ) );
    if ( failure.kind == RtErrorKind::Busy )
      return rtFail( RtErrorKind::Busy, rtMsg( "RtGpkgBackend", "%1 is locked by another program that is writing to it; try again in a moment" ).arg( path ) );
    return rtFail( failure.kind, rtMsg( "RtGpkgBackend", "%1 cannot be read: %2" ).arg( path, failure.cause ) );
  }

  bool hasJournal( const QString &path )
  {
    const QFileInfo journal( path + QStringLiteral( "-journal" ) );
    return journal.exists() && journal.size() > 0;
  }

  void closeDataset( GDALDataset *ds )
  {
    if ( ds )
    {
      QuietGdalErrors quiet;
      GDALClose( ds );
    }
  }

  //! Creates the register's tables in a new, empty GeoPackage at \a path (GDAL registers them as attribute tables).
  RtStatusResult createEmptyRegister( const QString &path )
  {
    QuietGdalErrors quiet;
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName( "GPKG" );
    if ( !driver )
      return rtFail( RtErrorKind::Unavailable, rtMsg( "RtGpkgBackend", "this GDAL has no GeoPackage (GPKG) driver" ) );
    GDALDataset *ds = driver->Create( path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr );
    if ( !ds )
    {
      const QString cause = gdalMessage( rtMsg( "RtGpkgBackend", "unknown error" ) );
      const bool readOnly = cause.contains( QLatin1String( "readonly" ) ) || cause.contains( QLatin1String( "Permission denied" ) )
                            || cause.contains( QLatin1String( "unable to open" ) );
      return rtFail( readOnly ? RtErrorKind::ReadOnly : RtErrorKind::Unavailable, cause );
    }
    QString error;
    for ( const RtTableSpec &table : RtStoreSchema::tables() )
    {
      CPLStringList options;
      options.SetNameValue( "ASPATIAL_VARIANT", "GPKG_ATTRIBUTES" );
      options.SetNameValue( "DESCRIPTION", table.description );
      options.SetNameValue( "FID", RtStoreSchema::rowIdColumn().toUtf8().constData() );
      CPLErrorReset();
      OGRLayer *layer = ds->CreateLayer( table.name, nullptr, wkbNone, options.List() );
      if ( !layer )
      {
        error = rtMsg( "RtGpkgBackend", "cannot create table %1: %2" ).arg( QLatin1String( table.name ), gdalMessage( rtMsg( "RtGpkgBackend", "unknown error" ) ) );
        break;
      }
      for ( const RtColumnSpec &column : table.columns )
      {
        OGRFieldType type = OFTString;
        switch ( column.type )
        {
          case RtColumnType::Text: type = OFTString; break;
          case RtColumnType::Integer: type = OFTInteger; break;
          case RtColumnType::Integer64: type = OFTInteger64; break;
          case RtColumnType::Real: type = OFTReal; break;
          case RtColumnType::Date: type = OFTDate; break;
          case RtColumnType::DateTime: type = OFTDateTime; break;
        }
        OGRFieldDefn defn( column.name, type );
        if ( column.notNull )
          defn.SetNullable( FALSE );
        if ( layer->CreateField( &defn ) != OGRERR_NONE )
        {
          error = rtMsg( "RtGpkgBackend", "cannot create column %1.%2: %3" ).arg( QLatin1String( table.name ), QLatin1String( column.name ),
                  gdalMessage( rtMsg( "RtGpkgBackend", "unknown error" ) ) );
          break;
        }
      }
      if ( !error.isEmpty() )
        break;
      // The layout's version is part of the layout: a register is never without it.
      if ( table.table == RtStoreTable::Meta )
      {
        OGRFeature feature( layer->GetLayerDefn() );
        feature.SetField( "key", RtStoreSchema::versionKey().toUtf8().constData() );
        feature.SetField( "value", QString::number( RtStoreSchema::version() ).toUtf8().constData() );
        if ( layer->CreateFeature( &feature ) != OGRERR_NONE )
        {
          error = rtMsg( "RtGpkgBackend", "cannot write the schema version: %1" ).arg( gdalMessage( rtMsg( "RtGpkgBackend", "unknown error" ) ) );
          break;
        }
      }
      // GDAL creates a table when it is first needed: now, so the rows can be written by SQL.
      layer->SyncToDisk();
    }
    CPLErrorReset();
    GDALClose( ds );
    if ( error.isEmpty() && gdalFailed() )
      error = gdalMessage( rtMsg( "RtGpkgBackend", "closing the file failed" ) );
    return error.isEmpty() ? rtOk() : rtFail( RtErrorKind::Unavailable, error );
  }
}

// ---- opening ---------------------------------------------------------------------------

RtGpkgBackend::RtGpkgBackend( const QString &path, bool writable, bool checkAppendOnly )
  : mPath( path )
  , mWritable( writable )
  , mCheckAppendOnly( checkAppendOnly )
{
}

RtGpkgBackend::~RtGpkgBackend()
{
  rollback();
  disconnect();
}

RtResult<std::unique_ptr<RtGpkgBackend>> RtGpkgBackend::open( const QString &path, bool writable, bool checkAppendOnly )
{
  using Result = RtResult<std::unique_ptr<RtGpkgBackend>>;
  std::unique_ptr<RtGpkgBackend> backend( new RtGpkgBackend( path, writable, checkAppendOnly ) );
  const RtStatusResult connected = backend->connect();
  if ( !connected.ok() )
    return Result::failureFrom( connected );
  return Result::success( std::move( backend ) );
}

RtStatusResult RtGpkgBackend::connect()
{
  disconnect();
  const QString &path = mPath;
  const QFileInfo fi( path );
  if ( path.isEmpty() )
    return rtFail( rtMsg( "RtGpkgBackend", "no register file given" ) );
  if ( !fi.exists() )
    return rtFail( RtErrorKind::NotFound, rtMsg( "RtGpkgBackend", "%1 does not exist" ).arg( path ) );
  if ( fi.isDir() )
    return rtFail( rtMsg( "RtGpkgBackend", "%1 is a folder, not a GeoPackage file" ).arg( path ) );
  const QString header = RtStoreFiles::headerProblem( path );
  if ( !header.isEmpty() )
  {
    const RtErrorKind kind = header.startsWith( QLatin1String( "cannot read" ) ) ? RtErrorKind::Forbidden
                             : header.contains( QLatin1String( "truncated" ) ) ? RtErrorKind::Corrupt : RtErrorKind::Invalid;
    return rtFail( kind, rtMsg( "RtGpkgBackend", "%1 is not a readable GeoPackage (%2)" ).arg( path, header ) );
  }

  // The file opened is the one the name holds now; beginWrite() notices when that changes.
  mFileId = RtStoreFiles::fileId( path );
  QuietGdalErrors quiet;
  const char *const drivers[] = { "GPKG", nullptr };
  const unsigned int flags = GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR | ( mWritable ? GDAL_OF_UPDATE : GDAL_OF_READONLY );
  for ( int attempt = 0; attempt < 2 && !mDataset; ++attempt )
  {
    if ( !mWritable && hasJournal( path ) )
    {
      const RtStatusResult recovered = rollBackUnfinishedChange( path );
      if ( !recovered.ok() )
        return recovered;
    }
    CPLErrorReset();
    mDataset = GDALDataset::FromHandle( GDALOpenEx( path.toUtf8().constData(), flags, drivers, nullptr, nullptr ) );
    // A writer killed between our look for a journal and the open: once more, journal first.
    if ( !mDataset && !( !mWritable && hasJournal( path ) ) )
      break;
  }
  if ( !mDataset )
  {
    const QString cause = gdalMessage( rtMsg( "RtGpkgBackend", "GDAL cannot open it" ) );
    RtErrorKind kind = RtErrorKind::Invalid;
    QString what = rtMsg( "RtGpkgBackend", "%1 is not a readable GeoPackage (%2)" ).arg( path, cause );
    if ( cause.contains( QLatin1String( "locked" ) ) )
    {
      kind = RtErrorKind::Busy;
      what = rtMsg( "RtGpkgBackend", "%1 is locked by another program that is writing to it; try again in a moment" ).arg( path );
    }
    else if ( cause.contains( QLatin1String( "Permission denied" ) ) || cause.contains( QLatin1String( "readonly" ) )
              || cause.contains( QLatin1String( "unable to open" ) ) )
    {
      kind = RtErrorKind::ReadOnly;
      what = hasJournal( path ) ? rtMsg( "RtGpkgBackend", "%1 cannot be opened: %2, and it holds an unfinished change of a program that "
                                                  "stopped while writing, which must be undone first" ).arg( path, readOnlyCause( path ) )
             : rtMsg( "RtGpkgBackend", "%1 cannot be opened for writing: %2" ).arg( path, readOnlyCause( path ) );
    }
    else if ( cause.contains( QLatin1String( "malformed" ) ) )
      kind = RtErrorKind::Corrupt;
    return rtFail( kind, what );
  }
  mDb = static_cast<sqlite3 *>( mDataset->GetInternalHandle( "SQLITE_HANDLE" ) );
  if ( !mDb )
  {
    disconnect();
    return rtFail( RtErrorKind::Unavailable, rtMsg( "RtGpkgBackend", "%1: this GDAL gives no access to the GeoPackage's SQLite connection" ).arg( path ) );
  }
  // Another process (the plugin, the CLI) may be writing: wait for it rather than fail at once.
  sqlite3_busy_timeout( mDb, BUSY_TIMEOUT_MS );

  const RtStatusResult checked = checkRegister();
  if ( !checked.ok() )
  {
    disconnect();
    return checked;
  }
  return rtOk();
}

void RtGpkgBackend::disconnect()
{
  mDb = nullptr;
  closeDataset( mDataset );
  mDataset = nullptr;
}

RtStatusResult RtGpkgBackend::checkRegister()
{
  // A truncated or damaged file can still open: SQLite only notices when it reads the pages.
  {
    Statement check( mDb, QStringLiteral( "PRAGMA quick_check" ) );
    int rc = check.rc();
    QString result;
    if ( rc == SQLITE_OK )
    {
      rc = sqlite3_step( check.handle() );
      if ( rc == SQLITE_ROW )
      {
        result = QString::fromUtf8( reinterpret_cast<const char *>( sqlite3_column_text( check.handle(), 0 ) ) );
        rc = SQLITE_OK;
      }
    }
    if ( rc != SQLITE_OK && rc != SQLITE_DONE )
    {
      const SqliteFailure f = sqliteFailure( mDb, rc, mPath );
      if ( f.kind == RtErrorKind::Busy )
        return rtFail( RtErrorKind::Busy, rtMsg( "RtGpkgBackend", "%1 is locked by another program that is writing to it; try again in a moment" ).arg( mPath ) );
      return rtFail( f.kind == RtErrorKind::Invalid ? RtErrorKind::Corrupt : f.kind,
                     rtMsg( "RtGpkgBackend", "%1 is not a readable GeoPackage (%2)" ).arg( mPath, f.cause ) );
    }
    if ( result != QLatin1String( "ok" ) )
      return rtFail( RtErrorKind::Corrupt, rtMsg( "RtGpkgBackend", "%1 is not a readable GeoPackage (%2)" ).arg( mPath, result ) );
  }

  const RtStatusResult version = readSchemaVersion();
  if ( !version.ok() )
    return version;
  for ( const RtTableSpec &current : RtStoreSchema::tables() )
  {
    const std::optional<RtTableSpec> table = RtStoreSchema::tableInVersion( current.table, mSchemaVersion );
    if ( !table )
      continue;
    OGRLayer *layer = mDataset->GetLayerByName( table->name );
    if ( !layer )
      return rtFail( table->table == RtStoreTable::Tasks ? RtErrorKind::Invalid : RtErrorKind::Corrupt,
                     rtMsg( "RtGpkgBackend", "%1 is a GeoPackage but not a Resolution Tracker register: table %2 missing" ).arg( mPath, QLatin1String( table->name ) ) );
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    for ( const RtColumnSpec &column : table->columns )
    {
      if ( defn->GetFieldIndex( column.name ) < 0 )
        return rtFail( RtErrorKind::Corrupt, rtMsg( "RtGpkgBackend", "%1 is not a register this version can read: column %2.%3 missing" )
                       .arg( mPath, QLatin1String( table->name ), QLatin1String( column.name ) ) );
    }
  }
  if ( mWritable && mCheckAppendOnly )
    return checkAppendOnly();
  return rtOk();
}

RtStatusResult RtGpkgBackend::readSchemaVersion()
{
  const char *metaName = RtStoreSchema::table( RtStoreTable::Meta ).name;
  if ( !mDataset->GetLayerByName( metaName ) )
  {
    // Schema 1 had no rt_meta: it held its one resolution in rt_document. Anything else is
    // checked as today's layout, which names what it lacks.
    const bool schema1 = mDataset->GetLayerByName( "rt_document" ) && mDataset->GetLayerByName( RtStoreSchema::table( RtStoreTable::Tasks ).name );
    mSchemaVersion = schema1 ? 1 : RtStoreSchema::version();
    return rtOk();
  }
  Statement st( mDb, QStringLiteral( "SELECT %1 FROM %2 WHERE %3 = ?1" )
                .arg( quoted( QStringLiteral( "value" ) ), quoted( QLatin1String( metaName ) ), quoted( QStringLiteral( "key" ) ) ) );
  st.bind( RtStoreSchema::versionKey(), RtColumnType::Text );
  int rc = st.rc();
  QStringList found;
  while ( rc == SQLITE_OK && ( rc = sqlite3_step( st.handle() ) ) == SQLITE_ROW )
  {
    found << QString::fromUtf8( reinterpret_cast<const char *>( sqlite3_column_text( st.handle(), 0 ) ) );
    rc = SQLITE_OK;
  }
  if ( rc != SQLITE_DONE && rc != SQLITE_OK )
  {
    const SqliteFailure f = sqliteFailure( mDb, rc, mPath );
    if ( f.kind == RtErrorKind::Busy )
      return rtFail( RtErrorKind::Busy, rtMsg( "RtGpkgBackend", "%1 is locked by another program that is writing to it; try again in a moment" ).arg( mPath ) );
    return rtFail( f.kind, rtMsg( "RtGpkgBackend", "cannot read the schema version of %1: %2" ).arg( mPath, f.cause ) );
  }
  bool ok = false;
  const int version = found.size() == 1 ? found.constFirst().trimmed().toInt( &ok ) : 0;
  if ( !ok || version < 2 )
    return rtFail( RtErrorKind::Corrupt, rtMsg( "RtGpkgBackend", "%1 is a damaged register: its schema version in rt_meta is %2" )
                   .arg( mPath, found.isEmpty() ? QStringLiteral( "missing" ) : QStringLiteral( "'%1'" ).arg( found.join( QStringLiteral( "', '" ) ) ) ) );
  if ( version > RtStoreSchema::version() )
    return rtFail( RtErrorKind::Corrupt, RtStoreSchema::newerVersionMessage( mPath, version ) );
  mSchemaVersion = version;
  return rtOk();
}

RtStatusResult RtGpkgBackend::checkCurrentLayout() const
{
  if ( mSchemaVersion == RtStoreSchema::version() )
    return rtOk();
  return rtFail( RtErrorKind::Corrupt, rtMsg( "RtGpkgBackend", "%1 is a register of schema %2, which this version reads but does not write; "
                 "open it for writing to upgrade it first" ).arg( mPath ).arg( mSchemaVersion ) );
}

RtStatusResult RtGpkgBackend::checkAppendOnly()
{
  QHash<QString, QString> stored;
  {
    Statement st( mDb, QStringLiteral( "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'" ) );
    int rc = st.rc();
    while ( rc == SQLITE_OK && ( rc = sqlite3_step( st.handle() ) ) == SQLITE_ROW )
    {
      stored.insert( QString::fromUtf8( reinterpret_cast<const char *>( sqlite3_column_text( st.handle(), 0 ) ) ),
                     QString::fromUtf8( reinterpret_cast<const char *>( sqlite3_column_text( st.handle(), 1 ) ) ).simplified() );
      rc = SQLITE_OK;
    }
    if ( rc != SQLITE_DONE && rc != SQLITE_OK )
      return failure( rc, rtMsg( "RtGpkgBackend", "cannot read the triggers of %1" ).arg( mPath ) );
  }
  QStringList problems;
  QStringList histories;
  for ( RtStoreTable table : RtStoreSchema::appendOnlyTables() )
  {
    // A register of an earlier schema has the histories of that schema only.
    if ( !RtStoreSchema::tableInVersion( table, mSchemaVersion ) )
      continue;
    histories << QLatin1String( RtStoreSchema::table( table ).name );
    for ( const RtStoreSchema::Trigger &trigger : RtStoreSchema::appendOnlyTriggers( RtSqlDialect::SQLite, table ) )
    {
      if ( !stored.contains( trigger.name ) )
        problems << rtMsg( "RtGpkgBackend", "trigger %1 is missing" ).arg( trigger.name );
      else if ( stored.value( trigger.name ) != trigger.statements.join( QLatin1Char( ' ' ) ).simplified() )
        problems << rtMsg( "RtGpkgBackend", "trigger %1 was changed" ).arg( trigger.name );
    }
  }
  if ( problems.isEmpty() )
    return rtOk();
  return rtFail( RtErrorKind::Corrupt,
                 rtMsg( "RtGpkgBackend", "%1 was altered outside Resolution Tracker: its history (%2) is no longer append-only (%3), "
                                 "so its history may have been changed; nothing is written to it. Check the file, then restore it "
                                 "from a copy or rebuild the register" ).arg( mPath, histories.join( QStringLiteral( ", " ) ), problems.join( QStringLiteral( ", " ) ) ) );
}

// ---- reading ---------------------------------------------------------------------------

RtResult<QVector<RtStoreRow>> RtGpkgBackend::select( RtStoreTable table, const RtStoreFilter &filter ) const
{
  using Result = RtResult<QVector<RtStoreRow>>;
  if ( !mDb )
    return Result::failure( RtErrorKind::Unavailable, rtMsg( "RtGpkgBackend", "the register is not open" ) );
  const RtTableSpec &spec = RtStoreSchema::table( table );
  if ( !filter.isEmpty() && !isColumn( table, filter.column ) )
    return Result::failure( rtMsg( "RtGpkgBackend", "table %1 has no column %2" ).arg( QLatin1String( spec.name ), filter.column ) );

  // A register of an earlier schema is read in today's terms: a table it lacks has no
  // rows, a column it lacks reads as null (see expression()).
  const std::optional<RtTableSpec> stored = RtStoreSchema::tableInVersion( table, mSchemaVersion );
  if ( !stored )
    return Result::success( QVector<RtStoreRow>() );
  const auto expression = [&]( const QString &column ) -> QString
  {
    if ( column == RtStoreSchema::rowIdColumn() || std::any_of( stored->columns.cbegin(), stored->columns.cend(),
         [&]( const RtColumnSpec & c ) { return column == QLatin1String( c.name ); } ) )
      return quoted( column );
    // Schema 1 held one resolution: every row is of it, and it is the first.
    if ( column == QLatin1String( "resolution" ) )
      return QStringLiteral( "(SELECT %1 FROM %2 ORDER BY %3 LIMIT 1)" )
             .arg( quoted( QStringLiteral( "number" ) ), quoted( QLatin1String( RtStoreSchema::tableInVersion( RtStoreTable::Resolutions, mSchemaVersion )->name ) ),
                   quoted( RtStoreSchema::rowIdColumn() ) );
    if ( table == RtStoreTable::Resolutions && column == QLatin1String( "ordinal" ) )
      return QStringLiteral( "1" );
    return QStringLiteral( "NULL" );
  };

  QStringList columns { RtStoreSchema::rowIdColumn() };
  for ( const RtColumnSpec &c : spec.columns )
    columns << QString::fromLatin1( c.name );
  QStringList selected;
  for ( const QString &c : std::as_const( columns ) )
  {
    const QString e = expression( c );
    selected << ( e == quoted( c ) ? e : QStringLiteral( "%1 AS %2" ).arg( e, quoted( c ) ) );
  }
  QString sql = QStringLiteral( "SELECT %1 FROM %2" ).arg( selected.join( QStringLiteral( ", " ) ), quoted( QLatin1String( stored->name ) ) );
  if ( !filter.isEmpty() )
    sql += QStringLiteral( " WHERE %1 = ?1" ).arg( expression( filter.column ) );
  QStringList order;
  for ( const QString &c : stored->order )
    order << quoted( c );
  sql += QStringLiteral( " ORDER BY " ) + order.join( QStringLiteral( ", " ) );

  Statement st( mDb, sql );
  if ( !filter.isEmpty() )
    st.bind( filter.value, columnType( table, filter.column ) );
  QVector<RtStoreRow> rows;
  int rc = st.rc();
  while ( rc == SQLITE_OK && ( rc = sqlite3_step( st.handle() ) ) == SQLITE_ROW )
  {
    RtStoreRow row;
    for ( int i = 0; i < columns.size(); ++i )
      row.insert( columns.at( i ), columnValue( st.handle(), i, columnType( table, columns.at( i ) ) ) );
    rows.append( row );
    rc = SQLITE_OK;
  }
  if ( rc != SQLITE_DONE && rc != SQLITE_OK )
  {
    const SqliteFailure f = sqliteFailure( mDb, rc, mPath );
    if ( f.kind == RtErrorKind::Busy )
      return Result::failure( f.kind, rtMsg( "RtGpkgBackend", "%1 is locked by another program that is writing to it; try again in a moment" ).arg( mPath ) );
    return Result::failure( f.kind, rtMsg( "RtGpkgBackend", "cannot read table %1 of %2: %3" ).arg( QLatin1String( spec.name ), mPath, f.cause ) );
  }
  return Result::success( rows );
}

// ---- writing ---------------------------------------------------------------------------

RtStatusResult RtGpkgBackend::failure( int rc, const QString &doing ) const
{
  const SqliteFailure f = sqliteFailure( mDb, rc, mPath );
  return rtFail( f.kind, QStringLiteral( "%1: %2" ).arg( doing, f.cause ) );
}

RtStatusResult RtGpkgBackend::run( const QString &sql, const QVector<QPair<QVariant, RtColumnType>> &values )
{
  Statement st( mDb, sql );
  for ( const auto &value : values )
    st.bind( value.first, value.second );
  int rc = st.rc();
  if ( rc == SQLITE_OK )
    rc = sqlite3_step( st.handle() );
  if ( rc == SQLITE_DONE || rc == SQLITE_ROW )
    return rtOk();
  const SqliteFailure f = sqliteFailure( mDb, rc, mPath );
  return rtFail( f.kind, rtMsg( "RtGpkgBackend", "%1 cannot be written: %2" ).arg( mPath, f.cause ) );
}

RtStatusResult RtGpkgBackend::beginWrite( const QString &taskId )
{
  Q_UNUSED( taskId ) // SQLite locks the whole file
  if ( !mDb )
    return rtFail( RtErrorKind::Unavailable, rtMsg( "RtGpkgBackend", "the register is not open" ) );
  if ( !mWritable )
    return rtFail( RtErrorKind::ReadOnly, rtMsg( "RtGpkgBackend", "%1 was opened read-only" ).arg( mPath ) );
  if ( mInTransaction )
    return rtFail( rtMsg( "RtGpkgBackend", "%1: a change is already under way" ).arg( mPath ) );
  for ( int attempt = 0; attempt < REOPEN_ATTEMPTS; ++attempt )
  {
    const int rc = runPlain( mDb, "BEGIN IMMEDIATE" );
    if ( rc != SQLITE_OK )
    {
      const SqliteFailure f = sqliteFailure( mDb, rc, mPath );
      if ( f.kind == RtErrorKind::Busy )
        return rtFail( RtErrorKind::Busy, rtMsg( "RtGpkgBackend", "another program is writing to %1 and holds its write lock; try again in a moment" ).arg( mPath ) );
      return rtFail( f.kind, rtMsg( "RtGpkgBackend", "%1 cannot be written: %2" ).arg( mPath, f.cause ) );
    }
    mInTransaction = true;
    mTouched.clear();
    // Under the lock, the name must still hold the file we opened: a register rebuilt
    // meanwhile was renamed over it, and a change written to the old file would be lost.
    const RtStoreFiles::FileId now = RtStoreFiles::fileId( mPath );
    if ( now == mFileId )
      return rtOk();
    rollback();
    if ( !now.exists )
      return rtFail( RtErrorKind::NotFound, rtMsg( "RtGpkgBackend", "%1 was moved or deleted while it was open" ).arg( mPath ) );
    const RtStatusResult reopened = connect();
    if ( !reopened.ok() )
      return reopened;
  }
  return rtFail( RtErrorKind::Busy, rtMsg( "RtGpkgBackend", "%1 was replaced by other programs again and again while this change waited; try again" ).arg( mPath ) );
}

RtResult<qint64> RtGpkgBackend::nextSequence( RtStoreTable table )
{
  using Result = RtResult<qint64>;
  if ( !mInTransaction )
    return Result::failure( rtMsg( "RtGpkgBackend", "%1: no change under way" ).arg( mPath ) );
  if ( !RtStoreSchema::column( table, QStringLiteral( "seq" ) ) )
    return Result::failure( rtMsg( "RtGpkgBackend", "table %1 has no sequence" ).arg( QLatin1String( RtStoreSchema::table( table ).name ) ) );
  // Under the write lock of the whole file: no other writer can take the same number.
  Statement st( mDb, QStringLiteral( "SELECT MAX(seq) FROM %1" ).arg( quoted( QLatin1String( RtStoreSchema::table( table ).name ) ) ) );
  int rc = st.rc();
  if ( rc == SQLITE_OK )
    rc = sqlite3_step( st.handle() );
  if ( rc != SQLITE_ROW )
  {
    const SqliteFailure f = sqliteFailure( mDb, rc, mPath );
    return Result::failure( f.kind, rtMsg( "RtGpkgBackend", "cannot read the history of %1: %2" ).arg( mPath, f.cause ) );
  }
  return Result::success( sqlite3_column_int64( st.handle(), 0 ) + 1 );
}

RtStatusResult RtGpkgBackend::insert( RtStoreTable table, const RtStoreRow &row )
{
  if ( !mInTransaction )
    return rtFail( rtMsg( "RtGpkgBackend", "%1: no change under way" ).arg( mPath ) );
  const RtStatusResult layout = checkCurrentLayout();
  if ( !layout.ok() )
    return layout;
  const RtTableSpec &spec = RtStoreSchema::table( table );
  QStringList columns;
  QStringList parameters;
  QVector<QPair<QVariant, RtColumnType>> values;
  for ( auto it = row.cbegin(); it != row.cend(); ++it )
  {
    if ( !RtStoreSchema::column( table, it.key() ) )
      return rtFail( rtMsg( "RtGpkgBackend", "table %1 has no column %2" ).arg( QLatin1String( spec.name ), it.key() ) );
    columns << quoted( it.key() );
    parameters << QStringLiteral( "?%1" ).arg( values.size() + 1 );
    values.append( qMakePair( it.value(), columnType( table, it.key() ) ) );
  }
  mTouched.insert( QString::fromLatin1( spec.name ) );
  return run( QStringLiteral( "INSERT INTO %1 (%2) VALUES (%3)" )
              .arg( quoted( QLatin1String( spec.name ) ), columns.join( QStringLiteral( ", " ) ), parameters.join( QStringLiteral( ", " ) ) ), values );
}

RtStatusResult RtGpkgBackend::update( RtStoreTable table, const RtStoreFilter &where, const RtStoreRow &values )
{
  if ( !mInTransaction )
    return rtFail( rtMsg( "RtGpkgBackend", "%1: no change under way" ).arg( mPath ) );
  const RtStatusResult layout = checkCurrentLayout();
  if ( !layout.ok() )
    return layout;
  const RtTableSpec &spec = RtStoreSchema::table( table );
  if ( where.isEmpty() || !isColumn( table, where.column ) || values.isEmpty() )
    return rtFail( rtMsg( "RtGpkgBackend", "table %1: an update needs a filter and values" ).arg( QLatin1String( spec.name ) ) );
  QStringList assignments;
  QVector<QPair<QVariant, RtColumnType>> bound;
  for ( auto it = values.cbegin(); it != values.cend(); ++it )
  {
    if ( !RtStoreSchema::column( table, it.key() ) )
      return rtFail( rtMsg( "RtGpkgBackend", "table %1 has no column %2" ).arg( QLatin1String( spec.name ), it.key() ) );
    bound.append( qMakePair( it.value(), columnType( table, it.key() ) ) );
    assignments << QStringLiteral( "%1 = ?%2" ).arg( quoted( it.key() ) ).arg( bound.size() );
  }
  bound.append( qMakePair( where.value, columnType( table, where.column ) ) );
  mTouched.insert( QString::fromLatin1( spec.name ) );
  return run( QStringLiteral( "UPDATE %1 SET %2 WHERE %3 = ?%4" )
              .arg( quoted( QLatin1String( spec.name ) ), assignments.join( QStringLiteral( ", " ) ), quoted( where.column ) ).arg( bound.size() ), bound );
}

RtStatusResult RtGpkgBackend::remove( RtStoreTable table, const RtStoreFilter &where )
{
  if ( !mInTransaction )
    return rtFail( rtMsg( "RtGpkgBackend", "%1: no change under way" ).arg( mPath ) );
  const RtStatusResult layout = checkCurrentLayout();
  if ( !layout.ok() )
    return layout;
  const RtTableSpec &spec = RtStoreSchema::table( table );
  if ( where.isEmpty() || !isColumn( table, where.column ) )
    return rtFail( rtMsg( "RtGpkgBackend", "table %1: a delete needs a filter" ).arg( QLatin1String( spec.name ) ) );
  mTouched.insert( QString::fromLatin1( spec.name ) );
  return run( QStringLiteral( "DELETE FROM %1 WHERE %2 = ?1" ).arg( quoted( QLatin1String( spec.name ) ), quoted( where.column ) ),
              { qMakePair( where.value, columnType( table, where.column ) ) } );
}

RtStatusResult RtGpkgBackend::commit()
{
  if ( !mInTransaction )
    return rtFail( rtMsg( "RtGpkgBackend", "%1: no change under way" ).arg( mPath ) );
  // The GeoPackage says when each table last changed.
  const QString now = isoUtc( QDateTime::currentDateTimeUtc() );
  for ( const QString &table : std::as_const( mTouched ) )
  {
    const RtStatusResult touched = run( QStringLiteral( "UPDATE gpkg_contents SET last_change = ?1 WHERE lower(table_name) = lower(?2)" ),
                                        { qMakePair( QVariant( now ), RtColumnType::Text ), qMakePair( QVariant( table ), RtColumnType::Text ) } );
    if ( !touched.ok() )
    {
      rollback();
      return touched;
    }
  }
  const int rc = runPlain( mDb, "COMMIT" );
  if ( rc == SQLITE_OK )
  {
    mInTransaction = false;
    mTouched.clear();
    return rtOk();
  }
  const SqliteFailure f = sqliteFailure( mDb, rc, mPath );
  rollback(); // SQLite keeps a transaction open when the commit was busy
  if ( f.kind == RtErrorKind::Busy )
    // Our write lock kept other writers out: what blocks the commit is a reader's lock.
    return rtFail( RtErrorKind::Busy, rtMsg( "RtGpkgBackend", "another program is reading %1 and holds a reader's lock on it (a long query, "
                                                      "a database browser?); the change could not be saved, try again when it has finished" ).arg( mPath ) );
  return rtFail( f.kind, rtMsg( "RtGpkgBackend", "%1 cannot be written: %2" ).arg( mPath, f.cause ) );
}

void RtGpkgBackend::rollback()
{
  if ( !mInTransaction )
    return;
  mInTransaction = false;
  mTouched.clear();
  if ( mDb && !sqlite3_get_autocommit( mDb ) )
    runPlain( mDb, "ROLLBACK" );
}

// ---- creating --------------------------------------------------------------------------

RtStatusResult RtGpkgBackend::createIndexesAndTriggers()
{
  QStringList statements = RtStoreSchema::indexStatements();
  for ( const RtStoreSchema::Trigger &trigger : RtStoreSchema::appendOnlyTriggers( RtSqlDialect::SQLite ) )
    statements << trigger.statements;
  for ( const QString &statement : std::as_const( statements ) )
  {
    const RtStatusResult step = run( statement );
    if ( !step.ok() )
      return step;
  }
  return rtOk();
}

RtStatusResult RtGpkgBackend::create( const QString &path, const RtStoreCreateRequest &request, QString *keptAs )
{
  if ( keptAs )
    keptAs->clear();
  if ( path.isEmpty() )
    return rtFail( rtMsg( "RtGpkgBackend", "no file name given for the register" ) );
  const QFileInfo target( path );
  const bool replacing = target.exists() || target.isSymLink();
  if ( replacing && !request.overwrite )
    return rtFail( rtMsg( "RtGpkgBackend", "%1 already exists; choose another file name or allow overwriting it" ).arg( path ) );
  if ( replacing )
  {
    // Only a register is ever replaced: never a folder, a text, another program's GeoPackage.
    const RtResult<std::unique_ptr<RtGpkgBackend>> existing = open( path, false, false );
    if ( !existing.ok() )
      return rtFail( existing.errorKind() == RtErrorKind::NotFound ? RtErrorKind::Invalid : existing.errorKind(),
                     rtMsg( "RtGpkgBackend", "refusing to replace %1: only a register is replaced, and this is not one: %2" ).arg( path, existing.error() ) );
  }
  if ( !target.absoluteDir().exists() )
    return rtFail( RtErrorKind::NotFound, rtMsg( "RtGpkgBackend", "cannot create %1: folder %2 does not exist" ).arg( path, QDir::toNativeSeparators( target.absolutePath() ) ) );

  // What killed runs left behind goes first; a build running meanwhile keeps its file.
  RtStoreFiles::removeAbandonedTemporaries( path );

  const QString tmpPath = RtStoreFiles::temporaryPath( path );
  const auto fail = [&]( const RtStatusResult & failure )
  {
    RtStoreFiles::removeTemporary( tmpPath );
    return rtFail( failure.errorKind(), rtMsg( "RtGpkgBackend", "cannot create %1: %2" ).arg( path, failure.error() ) );
  };

  RtStatusResult step = createEmptyRegister( tmpPath );
  if ( !step.ok() )
    return fail( step );
  {
    RtResult<std::unique_ptr<RtGpkgBackend>> fresh = open( tmpPath, true, false );
    if ( !fresh.ok() )
      return fail( fresh.errorKind() == RtErrorKind::Invalid ? rtFail( RtErrorKind::Unavailable, fresh.error() ) : rtFail( fresh.errorKind(), fresh.error() ) );
    RtGpkgBackend &backend = *fresh.value();
    step = backend.beginWrite( QString() );
    if ( step.ok() )
      step = request.fill ? request.fill( backend ) : rtOk();
    if ( step.ok() )
      step = backend.createIndexesAndTriggers();
    if ( step.ok() )
      step = backend.commit();
    if ( !step.ok() )
    {
      backend.rollback();
      fresh = RtResult<std::unique_ptr<RtGpkgBackend>>::failure( QString() ); // closed before it is removed
      return fail( step );
    }
  }
  // On the disk before it gets the register's name: a crash never leaves a name on a file half-written.
  const QString synced = RtStoreFiles::syncFile( tmpPath );
  if ( !synced.isEmpty() )
    return fail( rtFail( RtErrorKind::Unavailable, synced ) );

  if ( !replacing )
  {
    const QString moved = RtStoreFiles::moveIntoPlace( tmpPath, path, false );
    if ( !moved.isEmpty() )
    {
      if ( moved == QLatin1String( "it already exists" ) )
      {
        RtStoreFiles::removeTemporary( tmpPath );
        return rtFail( rtMsg( "RtGpkgBackend", "%1 already exists; choose another file name or allow overwriting it" ).arg( path ) );
      }
      return fail( rtFail( RtErrorKind::Unavailable, moved ) );
    }
    RtStoreFiles::syncFolder( target.absolutePath() );
    return rtOk();
  }

  // Replacing: lock the register, ask what it holds, keep it aside if asked, rename the new
  // one over it, all under the lock, so no change can land in it unseen meanwhile. A writer
  // waiting for the lock then finds the name holding the new file and writes there.
  RtResult<std::unique_ptr<RtGpkgBackend>> old = open( path, true, false );
  if ( !old.ok() )
    return fail( rtFail( old.errorKind(), rtMsg( "RtGpkgBackend", "refusing to replace it: %1" ).arg( old.error() ) ) );
  step = old.value()->beginWrite( QString() );
  if ( !step.ok() )
    return fail( step );
  bool keep = false;
  if ( request.keepReplaced )
  {
    const RtResult<bool> answer = request.keepReplaced( *old.value() );
    if ( !answer.ok() )
      return fail( rtFail( answer.errorKind(), answer.error() ) );
    keep = answer.value();
  }
  QString backup;
  bool movedAside = false;
  if ( keep )
  {
    const RtResult<QString> kept = RtStoreFiles::keepAside( path, &movedAside );
    if ( !kept.ok() )
      return fail( rtFail( kept.errorKind(), rtMsg( "RtGpkgBackend", "it holds recorded changes and could not be kept aside (%1); nothing was replaced" ).arg( kept.error() ) ) );
    backup = kept.value();
  }
  const QString moved = RtStoreFiles::moveIntoPlace( tmpPath, path, true );
  if ( !moved.isEmpty() )
  {
    if ( movedAside )
      RtStoreFiles::moveIntoPlace( backup, path, false ); // give the register its name back
    else if ( !backup.isEmpty() )
      QFile::remove( backup ); // the second name of a file that keeps its first
    return fail( rtFail( RtErrorKind::Unavailable, moved ) );
  }
  RtStoreFiles::syncFolder( target.absolutePath() );
  old.value()->rollback(); // the lock goes with the replaced file
  if ( keptAs )
    *keptAs = backup;
  return rtOk();
}

// ---- upgrading -------------------------------------------------------------------------

RtStatusResult RtGpkgBackend::upgrade( QString *keptAs )
{
  if ( keptAs )
    keptAs->clear();
  if ( mSchemaVersion == RtStoreSchema::version() )
    return rtOk();
  if ( !mWritable )
    return rtFail( RtErrorKind::ReadOnly, rtMsg( "RtGpkgBackend", "%1 is a register of schema %2 and must be upgraded, but it was opened read-only" )
                   .arg( mPath ).arg( mSchemaVersion ) );

  // The lock first: no other program changes the register between our reading it and the
  // new file taking its name. A register another program upgraded meanwhile was renamed
  // over this one; beginWrite() then opened that one, and there is nothing left to do.
  RtStatusResult step = beginWrite( QString() );
  if ( !step.ok() )
    return step;
  if ( mSchemaVersion == RtStoreSchema::version() )
  {
    rollback();
    return rtOk();
  }
  const int from = mSchemaVersion;
  const QString tmpPath = RtStoreFiles::temporaryPath( mPath );
  const auto fail = [&]( const RtStatusResult & failure )
  {
    rollback();
    RtStoreFiles::removeTemporary( tmpPath );
    return rtFail( failure.errorKind(), rtMsg( "RtGpkgBackend", "cannot upgrade %1 from schema %2 to %3; it was left as it was: %4" )
                   .arg( mPath ).arg( from ).arg( RtStoreSchema::version() ).arg( failure.error() ) );
  };

  RtStoreFiles::removeAbandonedTemporaries( mPath );
  step = createEmptyRegister( tmpPath );
  if ( !step.ok() )
    return fail( step );
  {
    RtResult<std::unique_ptr<RtGpkgBackend>> fresh = open( tmpPath, true, false );
    if ( !fresh.ok() )
      return fail( rtFail( fresh.errorKind() == RtErrorKind::Invalid ? RtErrorKind::Unavailable : fresh.errorKind(), fresh.error() ) );
    RtGpkgBackend &backend = *fresh.value();
    step = backend.beginWrite( QString() );
    if ( step.ok() )
      step = RtStoreUpgrade::copyRegister( *this, backend );
    if ( step.ok() )
      step = backend.createIndexesAndTriggers();
    if ( step.ok() )
      step = backend.commit();
    if ( !step.ok() )
    {
      backend.rollback();
      fresh = RtResult<std::unique_ptr<RtGpkgBackend>>::failure( QString() ); // closed before it is removed
      return fail( step );
    }
  }
  const QString synced = RtStoreFiles::syncFile( tmpPath );
  if ( !synced.isEmpty() )
    return fail( rtFail( RtErrorKind::Unavailable, synced ) );

  // The register as it was keeps a name of its own before the new one takes its name.
  bool movedAside = false;
  const RtResult<QString> kept = RtStoreFiles::keepAside( mPath, &movedAside );
  if ( !kept.ok() )
    return fail( rtFail( kept.errorKind(), rtMsg( "RtGpkgBackend", "it could not be kept aside first (%1)" ).arg( kept.error() ) ) );
  const QString moved = RtStoreFiles::moveIntoPlace( tmpPath, mPath, true );
  if ( !moved.isEmpty() )
  {
    if ( movedAside )
      RtStoreFiles::moveIntoPlace( kept.value(), mPath, false ); // give the register its name back
    else
      QFile::remove( kept.value() ); // the second name of a file that keeps its first
    return fail( rtFail( RtErrorKind::Unavailable, moved ) );
  }
  RtStoreFiles::syncFolder( QFileInfo( mPath ).absolutePath() );
  rollback(); // the lock goes with the file kept aside
  if ( keptAs )
    *keptAs = kept.value();
  // From now on this backend is the upgraded register.
  return connect();
}
