#include "rtpgbackend.h"
#include "rttr.h"
#include "rtpgconnection.h"
#include "rtpgrights.h"

#include <libpq-fe.h>

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace
{
  //! How long a change waits for another desk's lock before it gives up.
  const char *const LOCK_TIMEOUT = "5s";
  //! The advisory lock of a whole register (one bigint key; the two-int keys below are another key space).
  const qint64 REGISTER_LOCK = 0x7274737472LL; // "rtstr"
  //! The first key of a task's advisory lock (the second: hashtext of its id).
  const int TASK_LOCK_SPACE = 0x52540001;
  //! The first key of a history table's sequence lock (the second: the table's number).
  const int SEQUENCE_LOCK_SPACE = 0x52540002;

  QString quoted( const QString &identifier )
  {
    // Only names from RtStoreSchema and the schema name come here: never a value.
    return QLatin1Char( '"' ) + identifier + QLatin1Char( '"' );
  }

  QString qualified( const QString &table )
  {
    return quoted( RtPgBackend::schemaName() ) + QLatin1Char( '.' ) + quoted( table );
  }

  QString tableName( RtStoreTable table )
  {
    return QLatin1String( RtStoreSchema::table( table ).name );
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

  QString sqlType( RtColumnType type )
  {
    switch ( type )
    {
      case RtColumnType::Text: return QStringLiteral( "text" );
      case RtColumnType::Integer:
      case RtColumnType::Integer64: return QStringLiteral( "bigint" );
      case RtColumnType::Real: return QStringLiteral( "double precision" );
      case RtColumnType::Date: return QStringLiteral( "date" );
      case RtColumnType::DateTime: return QStringLiteral( "timestamptz" );
    }
    return QStringLiteral( "text" );
  }

  //! A value to bind: its text form as the server reads it, or null.
  struct Param
  {
    QByteArray text;
    bool null = true;
  };

  Param param( const QVariant &value, RtColumnType type )
  {
    Param p;
    if ( !value.isValid() || value.isNull() )
    {
      // An empty text is stored as '' (GeoPackage does the same); other null values stay null.
      if ( type == RtColumnType::Text && value.isValid() )
        p.null = false;
      return p;
    }
    switch ( type )
    {
      case RtColumnType::Text:
        p.text = value.toString().toUtf8();
        break;
      case RtColumnType::Integer:
      case RtColumnType::Integer64:
        p.text = QByteArray::number( value.toLongLong() );
        break;
      case RtColumnType::Real:
        p.text = QByteArray::number( value.toDouble(), 'g', 17 );
        break;
      case RtColumnType::Date:
      {
        const QDate date = value.toDate();
        if ( !date.isValid() )
          return p;
        p.text = date.toString( Qt::ISODate ).toUtf8();
        break;
      }
      case RtColumnType::DateTime:
      {
        const QDateTime dateTime = value.toDateTime();
        if ( !dateTime.isValid() )
          return p;
        p.text = dateTime.toUTC().toString( QStringLiteral( "yyyy-MM-ddTHH:mm:ss.zzzZ" ) ).toUtf8();
        break;
      }
    }
    p.null = false;
    return p;
  }

  //! A query's result, cleared however the caller leaves.
  class Result
  {
    public:
      explicit Result( PGresult *result ) : mResult( result ) {}
      ~Result() { PQclear( mResult ); }
      Result( const Result & ) = delete;
      Result &operator=( const Result & ) = delete;
      Result( Result &&other ) noexcept : mResult( other.mResult ) { other.mResult = nullptr; }
      Result &operator=( Result &&other ) noexcept
      {
        if ( this != &other )
        {
          PQclear( mResult );
          mResult = other.mResult;
          other.mResult = nullptr;
        }
        return *this;
      }

      bool ok() const
      {
        const ExecStatusType status = mResult ? PQresultStatus( mResult ) : PGRES_FATAL_ERROR;
        return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
      }
      PGresult *handle() const { return mResult; }
      int rows() const { return mResult ? PQntuples( mResult ) : 0; }
      bool isNull( int row, int column ) const { return PQgetisnull( mResult, row, column ); }
      QString text( int row, int column ) const { return QString::fromUtf8( PQgetvalue( mResult, row, column ), PQgetlength( mResult, row, column ) ); }

    private:
      PGresult *mResult = nullptr;
  };

  //! Runs \a sql with \a params bound to $1, $2, … (sent as text; the server reads them as its columns' types).
  Result exec( PGconn *conn, const QString &sql, const QVector<Param> &params = {} )
  {
    const QByteArray utf8 = sql.toUtf8();
    std::vector<const char *> values;
    for ( const Param &p : params )
      values.push_back( p.null ? nullptr : ( p.text.isNull() ? "" : p.text.constData() ) );
    return Result( PQexecParams( conn, utf8.constData(), static_cast<int>( params.size() ), nullptr,
                                 values.empty() ? nullptr : values.data(), nullptr, nullptr, 0 ) );
  }

  Param textParam( const QString &text )
  {
    return param( QVariant( text ), RtColumnType::Text );
  }

  //! The kind of a server failure and what it means, in words (the server's message, never the statement).
  struct PgFailure
  {
    RtErrorKind kind;
    QString cause;
  };

  PgFailure pgFailure( PGconn *conn, const Result &result )
  {
    const QString state = QString::fromLatin1( result.handle() ? PQresultErrorField( result.handle(), PG_DIAG_SQLSTATE ) : nullptr );
    QString message = QString::fromUtf8( result.handle() ? PQresultErrorField( result.handle(), PG_DIAG_MESSAGE_PRIMARY ) : nullptr ).simplified();
    if ( message.isEmpty() )
      message = QString::fromUtf8( PQerrorMessage( conn ) ).simplified();
    if ( PQstatus( conn ) == CONNECTION_BAD || state.startsWith( QLatin1String( "08" ) ) || state == QLatin1String( "57P01" ) )
      return { RtErrorKind::Unavailable, rtMsg( "RtPgBackend", "the connection to the server was lost (%1)" ).arg( message ) };
    if ( state == QLatin1String( "55P03" ) || state == QLatin1String( "40P01" ) )
      return { RtErrorKind::Busy, rtMsg( "RtPgBackend", "another program is changing it and holds its lock; try again in a moment" ) };
    if ( state == QLatin1String( "40001" ) )
      return { RtErrorKind::Stale, rtMsg( "RtPgBackend", "another program changed it meanwhile (%1)" ).arg( message ) };
    if ( state == QLatin1String( "42501" ) )
      return { RtErrorKind::Forbidden, rtMsg( "RtPgBackend", "the server refused access (%1)" ).arg( message ) };
    if ( state == QLatin1String( "25006" ) )
      return { RtErrorKind::ReadOnly, rtMsg( "RtPgBackend", "the server accepts no writes (%1)" ).arg( message ) };
    if ( state == QLatin1String( "3D000" ) || state == QLatin1String( "42P01" ) || state == QLatin1String( "3F000" ) )
      return { RtErrorKind::NotFound, message };
    if ( state.startsWith( QLatin1String( "53" ) ) )
      return { RtErrorKind::Unavailable, rtMsg( "RtPgBackend", "the server is out of resources (%1)" ).arg( message ) };
    if ( state.startsWith( QLatin1String( "23" ) ) || state.startsWith( QLatin1String( "22" ) ) )
      return { RtErrorKind::Invalid, message };
    // Any other SQL error on a register's own tables: the register is not what this version expects.
    return { RtErrorKind::Corrupt, message };
  }

  RtStatusResult failed( PGconn *conn, const Result &result, const QString &doing )
  {
    const PgFailure f = pgFailure( conn, result );
    return rtFail( f.kind, QStringLiteral( "%1: %2" ).arg( doing, f.cause ) );
  }

  /**
   * What a register on a server has beyond its tables: the change-notify triggers (live
   * updates) and the rights (roles, privileges, row-level security). Idempotent; run with
   * the register's schema first on the search path.
   */
  QStringList serverSetupStatements()
  {
    return RtStoreSchema::changeNotifyStatements() + RtPgRights::setupStatements( RtPgBackend::schemaName() );
  }

  //! The kind of a refused connection, from libpq's message (the server sends no SQLSTATE before the login).
  RtErrorKind connectionFailureKind( const QString &message )
  {
    if ( message.contains( QLatin1String( "password authentication failed" ) ) || message.contains( QLatin1String( "no pg_hba.conf entry" ) )
         || message.contains( QLatin1String( "permission denied" ) ) || message.contains( QLatin1String( "no password supplied" ) ) )
      return RtErrorKind::Forbidden;
    if ( message.contains( QLatin1String( "does not exist" ) ) )
      return RtErrorKind::NotFound;
    if ( message.contains( QLatin1String( "invalid URI" ) ) || message.contains( QLatin1String( "invalid connection option" ) )
         || message.contains( QLatin1String( "missing \"=\"" ) ) || message.contains( QLatin1String( "invalid integer value" ) ) )
      return RtErrorKind::Invalid;
    return RtErrorKind::Unavailable;
  }
}

// ---- opening ---------------------------------------------------------------------------

QString RtPgBackend::schemaName()
{
  return QStringLiteral( "restrack" );
}

RtPgBackend::RtPgBackend( const QString &location, bool writable )
  : mLocation( location )
  , mWritable( writable )
{
}

RtPgBackend::~RtPgBackend()
{
  rollback();
  if ( mConn )
    PQfinish( mConn );
}

QString RtPgBackend::location() const
{
  return RtStoreBackends::displayLocation( mLocation );
}

RtResult<std::unique_ptr<RtPgBackend>> RtPgBackend::open( const QString &location, bool writable )
{
  using Result = RtResult<std::unique_ptr<RtPgBackend>>;
  std::unique_ptr<RtPgBackend> backend( new RtPgBackend( location, writable ) );
  RtStatusResult step = backend->connect();
  if ( step.ok() )
    step = backend->checkRegister();
  if ( !step.ok() )
    return Result::failureFrom( step );
  return Result::success( std::move( backend ) );
}

RtStatusResult RtPgBackend::connect()
{
  const QString where = location();
  if ( mLocation.trimmed().isEmpty() )
    return rtFail( rtMsg( "RtPgBackend", "no database connection given" ) );
  // The location as given (shown, kept) may name a QGIS authentication configuration: only
  // the connection string handed to libpq carries its user and password.
  const RtResult<QString> connection = RtPgConnection::connectionString( mLocation );
  if ( !connection.ok() )
    return rtFail( connection.errorKind(), rtMsg( "RtPgBackend", "cannot connect to %1: %2" ).arg( where, connection.error() ) );
  mConn = PQconnectdb( connection.value().toUtf8().constData() );
  if ( !mConn )
    return rtFail( RtErrorKind::Unavailable, rtMsg( "RtPgBackend", "cannot connect to %1: out of memory" ).arg( where ) );
  if ( PQstatus( mConn ) != CONNECTION_OK )
  {
    const QString message = QString::fromUtf8( PQerrorMessage( mConn ) ).simplified();
    PQfinish( mConn );
    mConn = nullptr;
    return rtFail( connectionFailureKind( message ), rtMsg( "RtPgBackend", "cannot connect to %1: %2" ).arg( where, message ) );
  }
  // The server's notices ("drop cascades to …") are not the user's business: never printed.
  PQsetNoticeProcessor( mConn, []( void *, const char * ) {}, nullptr );
  return setUpSession();
}

RtStatusResult RtPgBackend::setUpSession() const
{
  PQsetClientEncoding( mConn, "UTF8" );
  // Dates read back as YYYY-MM-DD; a lock another desk holds is waited for a few seconds only.
  const Result set = exec( mConn, QStringLiteral( "SELECT set_config('DateStyle', 'ISO, YMD', false), set_config('TimeZone', 'UTC', false), "
                                                  "set_config('lock_timeout', $1, false)" ), { textParam( QLatin1String( LOCK_TIMEOUT ) ) } );
  if ( !set.ok() )
    return failed( mConn, set, rtMsg( "RtPgBackend", "cannot set up the connection to %1" ).arg( location() ) );
  return rtOk();
}

RtStatusResult RtPgBackend::reconnectIfLost() const
{
  if ( !mConn )
    return rtFail( RtErrorKind::Unavailable, rtMsg( "RtPgBackend", "the register is not open" ) );
  if ( PQstatus( mConn ) == CONNECTION_OK )
    return rtOk();
  // A server restarted or a connection dropped while the register stayed open (the plugin
  // keeps it for hours): connect again, outside any transaction, before giving up.
  PQreset( mConn );
  if ( PQstatus( mConn ) != CONNECTION_OK )
    return rtFail( RtErrorKind::Unavailable, rtMsg( "RtPgBackend", "the connection to %1 was lost and cannot be made again: %2" )
                   .arg( location(), QString::fromUtf8( PQerrorMessage( mConn ) ).simplified() ) );
  return setUpSession();
}

RtResult<bool> RtPgBackend::registerExists() const
{
  const Result found = exec( mConn, QStringLiteral( "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2" ),
                             { textParam( schemaName() ), textParam( tableName( RtStoreTable::Tasks ) ) } );
  if ( !found.ok() )
    return RtResult<bool>::failureFrom( failed( mConn, found, rtMsg( "RtPgBackend", "cannot read %1" ).arg( location() ) ) );
  return RtResult<bool>::success( found.rows() > 0 );
}

RtStatusResult RtPgBackend::checkRegister()
{
  const QString where = location();
  const RtResult<bool> exists = registerExists();
  if ( !exists.ok() )
    return RtStatusResult::failureFrom( exists );
  if ( !exists.value() )
    return rtFail( RtErrorKind::NotFound, rtMsg( "RtPgBackend", "%1 holds no register (no table %2 in schema %3); create one with "
                   "'restrack db init' or 'restrack push'" ).arg( where, tableName( RtStoreTable::Tasks ), schemaName() ) );

  // The schema version first: a newer register is refused before its columns are judged.
  const Result version = exec( mConn, QStringLiteral( "SELECT value FROM %1 WHERE key = $1" ).arg( qualified( tableName( RtStoreTable::Meta ) ) ),
                               { textParam( RtStoreSchema::versionKey() ) } );
  if ( !version.ok() )
  {
    const PgFailure f = pgFailure( mConn, version );
    return rtFail( f.kind == RtErrorKind::NotFound ? RtErrorKind::Corrupt : f.kind,
                   rtMsg( "RtPgBackend", "cannot read the schema version of %1: %2" ).arg( where, f.cause ) );
  }
  bool ok = false;
  const int found = version.rows() == 1 ? version.text( 0, 0 ).trimmed().toInt( &ok ) : 0;
  if ( !ok || found < 2 )
    return rtFail( RtErrorKind::Corrupt, rtMsg( "RtPgBackend", "%1 is a damaged register: its schema version in %2 is %3" )
                   .arg( where, tableName( RtStoreTable::Meta ), version.rows() == 0 ? QStringLiteral( "missing" ) : QStringLiteral( "'%1'" ).arg( version.text( 0, 0 ) ) ) );
  if ( found > RtStoreSchema::version() )
    return rtFail( RtErrorKind::Corrupt, RtStoreSchema::newerVersionMessage( where, found ) );
  mSchemaVersion = found;

  const Result columns = exec( mConn, QStringLiteral( "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1" ),
                               { textParam( schemaName() ) } );
  if ( !columns.ok() )
    return failed( mConn, columns, rtMsg( "RtPgBackend", "cannot read the tables of %1" ).arg( where ) );
  QSet<QString> present;
  for ( int i = 0; i < columns.rows(); ++i )
    present.insert( columns.text( i, 0 ) + QLatin1Char( '.' ) + columns.text( i, 1 ) );
  for ( const RtTableSpec &table : RtStoreSchema::tables() )
  {
    const QString name = QLatin1String( table.name );
    if ( !present.contains( name + QLatin1Char( '.' ) + RtStoreSchema::rowIdColumn() ) )
      return rtFail( RtErrorKind::Corrupt, rtMsg( "RtPgBackend", "%1 is not a register this version can read: table %2 missing" ).arg( where, name ) );
    for ( const RtColumnSpec &column : table.columns )
    {
      if ( !present.contains( name + QLatin1Char( '.' ) + QLatin1String( column.name ) ) )
        return rtFail( RtErrorKind::Corrupt, rtMsg( "RtPgBackend", "%1 is not a register this version can read: column %2.%3 missing" )
                       .arg( where, name, QLatin1String( column.name ) ) );
    }
  }
  if ( mWritable )
    return checkAppendOnly();
  return rtOk();
}

RtStatusResult RtPgBackend::checkAppendOnly()
{
  const Result triggers = exec( mConn, QStringLiteral( "SELECT t.tgname, t.tgenabled, c.relname FROM pg_trigger t "
                                "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                                "JOIN pg_proc p ON p.oid = t.tgfoid "
                                "WHERE n.nspname = $1 AND NOT t.tgisinternal AND p.proname = 'rt_append_only' "
                                "AND p.prosrc LIKE '%RAISE EXCEPTION%'" ), { textParam( schemaName() ) } );
  if ( !triggers.ok() )
    return failed( mConn, triggers, rtMsg( "RtPgBackend", "cannot read the triggers of %1" ).arg( location() ) );
  QHash<QString, QString> stored; // trigger → its table, when enabled
  QSet<QString> disabled;
  for ( int i = 0; i < triggers.rows(); ++i )
  {
    if ( triggers.text( i, 1 ) == QLatin1String( "D" ) )
      disabled.insert( triggers.text( i, 0 ) );
    else
      stored.insert( triggers.text( i, 0 ), triggers.text( i, 2 ) );
  }
  QStringList problems;
  QStringList histories;
  for ( RtStoreTable table : RtStoreSchema::appendOnlyTables() )
  {
    histories << tableName( table );
    for ( const RtStoreSchema::Trigger &trigger : RtStoreSchema::appendOnlyTriggers( RtSqlDialect::PostgreSql, table ) )
    {
      if ( disabled.contains( trigger.name ) )
        problems << rtMsg( "RtPgBackend", "trigger %1 is disabled" ).arg( trigger.name );
      else if ( stored.value( trigger.name ) != tableName( table ) )
        problems << rtMsg( "RtPgBackend", "trigger %1 is missing" ).arg( trigger.name );
    }
  }
  if ( problems.isEmpty() )
    return rtOk();
  return rtFail( RtErrorKind::Corrupt,
                 rtMsg( "RtPgBackend", "%1 was altered outside Resolution Tracker: its history (%2) is no longer append-only (%3), "
                                 "so its history may have been changed; nothing is written to it. Check the database, then restore "
                                 "the register from a backup or push it again" ).arg( location(), histories.join( QStringLiteral( ", " ) ), problems.join( QStringLiteral( ", " ) ) ) );
}

// ---- reading ---------------------------------------------------------------------------

RtResult<QVector<RtStoreRow>> RtPgBackend::select( RtStoreTable table, const RtStoreFilter &filter ) const
{
  using Rows = RtResult<QVector<RtStoreRow>>;
  if ( !mInTransaction )
  {
    const RtStatusResult connected = reconnectIfLost();
    if ( !connected.ok() )
      return Rows::failureFrom( connected );
  }
  const RtTableSpec &spec = RtStoreSchema::table( table );
  if ( !filter.isEmpty() && !isColumn( table, filter.column ) )
    return Rows::failure( rtMsg( "RtPgBackend", "table %1 has no column %2" ).arg( QLatin1String( spec.name ), filter.column ) );

  QStringList columns { RtStoreSchema::rowIdColumn() };
  for ( const RtColumnSpec &c : spec.columns )
    columns << QString::fromLatin1( c.name );
  QStringList selected;
  for ( const QString &c : std::as_const( columns ) )
  {
    // A moment is read as milliseconds since the epoch: no parsing of the server's text form.
    if ( columnType( table, c ) == RtColumnType::DateTime )
      selected << QStringLiteral( "round(extract(epoch FROM %1) * 1000)::bigint" ).arg( quoted( c ) );
    else
      selected << quoted( c );
  }
  QString sql = QStringLiteral( "SELECT %1 FROM %2" ).arg( selected.join( QStringLiteral( ", " ) ), qualified( QLatin1String( spec.name ) ) );
  QVector<Param> params;
  if ( !filter.isEmpty() )
  {
    sql += QStringLiteral( " WHERE %1 = $1" ).arg( quoted( filter.column ) );
    params << param( filter.value, columnType( table, filter.column ) );
  }
  QStringList order;
  for ( const QString &c : spec.order )
    order << quoted( c );
  sql += QStringLiteral( " ORDER BY " ) + order.join( QStringLiteral( ", " ) );

  Result result = exec( mConn, sql, params );
  // The server dropped the connection since the last call: once more on a new one.
  if ( !result.ok() && !mInTransaction && PQstatus( mConn ) == CONNECTION_BAD && reconnectIfLost().ok() )
    result = exec( mConn, sql, params );
  if ( !result.ok() )
    return Rows::failureFrom( failed( mConn, result, rtMsg( "RtPgBackend", "cannot read table %1 of %2" ).arg( QLatin1String( spec.name ), location() ) ) );
  QVector<RtStoreRow> rows;
  rows.reserve( result.rows() );
  for ( int r = 0; r < result.rows(); ++r )
  {
    RtStoreRow row;
    for ( int i = 0; i < columns.size(); ++i )
    {
      if ( result.isNull( r, i ) )
      {
        row.insert( columns.at( i ), QVariant() );
        continue;
      }
      const QString text = result.text( r, i );
      QVariant value;
      switch ( columnType( table, columns.at( i ) ) )
      {
        case RtColumnType::Text: value = text; break;
        case RtColumnType::Integer:
        case RtColumnType::Integer64: value = static_cast<qlonglong>( text.toLongLong() ); break;
        case RtColumnType::Real: value = text.toDouble(); break;
        case RtColumnType::Date: value = QDate::fromString( text.left( 10 ), Qt::ISODate ); break;
        case RtColumnType::DateTime: value = QDateTime::fromMSecsSinceEpoch( text.toLongLong(), Qt::UTC ); break;
      }
      row.insert( columns.at( i ), value );
    }
    rows.append( row );
  }
  return Rows::success( rows );
}

// ---- writing ---------------------------------------------------------------------------

RtStatusResult RtPgBackend::beginWrite( const QString &taskId )
{
  if ( !mConn )
    return rtFail( RtErrorKind::Unavailable, rtMsg( "RtPgBackend", "the register is not open" ) );
  if ( !mWritable )
    return rtFail( RtErrorKind::ReadOnly, rtMsg( "RtPgBackend", "%1 was opened read-only" ).arg( location() ) );
  if ( mInTransaction )
    return rtFail( rtMsg( "RtPgBackend", "%1: a change is already under way" ).arg( location() ) );
  const RtStatusResult connected = reconnectIfLost();
  if ( !connected.ok() )
    return connected;
  Result begun = exec( mConn, QStringLiteral( "BEGIN" ) );
  if ( !begun.ok() && PQstatus( mConn ) == CONNECTION_BAD && reconnectIfLost().ok() )
    begun = exec( mConn, QStringLiteral( "BEGIN" ) );
  if ( !begun.ok() )
    return failed( mConn, begun, rtMsg( "RtPgBackend", "%1 cannot be written" ).arg( location() ) );
  mInTransaction = true;

  const auto refused = [&]( const Result & result ) -> RtStatusResult
  {
    const PgFailure f = pgFailure( mConn, result );
    rollback();
    if ( f.kind == RtErrorKind::Busy )
      return rtFail( RtErrorKind::Busy, rtMsg( "RtPgBackend", "another program is changing %1 and holds its lock; try again in a moment" )
                     .arg( taskId.isEmpty() ? location() : rtMsg( "RtPgBackend", "task %1 of %2" ).arg( taskId, location() ) ) );
    if ( f.kind == RtErrorKind::Forbidden && !taskId.isEmpty() )
    {
      const QString why = refusal( taskId );
      if ( !why.isEmpty() )
        return rtFail( RtErrorKind::Forbidden, why );
    }
    return rtFail( f.kind, rtMsg( "RtPgBackend", "%1 cannot be written: %2" ).arg( location(), f.cause ) );
  };
  const auto step = [&]( const QString & sql, const QVector<Param> &params ) -> RtStatusResult
  {
    const Result result = exec( mConn, sql, params );
    return result.ok() ? rtOk() : refused( result );
  };
  const Param registerKey { QByteArray::number( REGISTER_LOCK ), false };
  if ( taskId.isEmpty() )
    return step( QStringLiteral( "SELECT pg_advisory_xact_lock($1::bigint)" ), { registerKey } );
  // Changes of tasks share the register (a writer of the whole register waits for them all);
  // two changes of the same task take turns on its lock and its row.
  RtStatusResult locked = step( QStringLiteral( "SELECT pg_advisory_xact_lock_shared($1::bigint)" ), { registerKey } );
  if ( locked.ok() )
    locked = step( QStringLiteral( "SELECT pg_advisory_xact_lock($1::integer, hashtext($2))" ),
                   { Param { QByteArray::number( TASK_LOCK_SPACE ), false }, textParam( taskId ) } );
  if ( !locked.ok() )
    return locked;
  // Row-level security hides from FOR UPDATE a task the user may not change: say so, and who may.
  const Result row = exec( mConn, QStringLiteral( "SELECT 1 FROM %1 WHERE task_id = $1 FOR UPDATE" ).arg( qualified( tableName( RtStoreTable::Tasks ) ) ),
                           { textParam( taskId ) } );
  if ( !row.ok() )
    return refused( row );
  if ( row.rows() == 0 )
  {
    const QString why = refusal( taskId );
    if ( !why.isEmpty() )
    {
      rollback();
      return rtFail( RtErrorKind::Forbidden, why );
    }
  }
  return rtOk();
}

QString RtPgBackend::refusal( const QString &taskId ) const
{
  const QString s = quoted( schemaName() );
  const Result may = exec( mConn, QStringLiteral( "SELECT CASE WHEN to_regprocedure($1) IS NULL THEN true ELSE %1.rt_may_edit($2) END, current_user" ).arg( s ),
                           { textParam( schemaName() + QStringLiteral( ".rt_may_edit(text)" ) ), textParam( taskId ) } );
  if ( !may.ok() || may.rows() != 1 || may.text( 0, 0 ) == QLatin1String( "t" ) )
    return QString();
  const Result who = exec( mConn, QStringLiteral( "SELECT coalesce(string_agg(e, ', ' ORDER BY e), '') FROM %1.rt_task_editors($1) e" ).arg( s ),
                           { textParam( taskId ) } );
  const QString editors = who.ok() && who.rows() == 1 ? who.text( 0, 0 ) : QString();
  return rtMsg( "RtPgBackend", "%1 may not change task %2 of %3: it may be changed by %4an administrator (rt_admin)" )
         .arg( may.text( 0, 1 ), taskId, location(), editors.isEmpty() ? QString() : editors + rtMsg( "RtPgBackend", " or " ) );
}

RtResult<QVector<QStringList>> RtPgBackend::run( const QString &sql, const QStringList &params )
{
  using Rows = RtResult<QVector<QStringList>>;
  if ( !mConn )
    return Rows::failure( RtErrorKind::Unavailable, rtMsg( "RtPgBackend", "the register is not open" ) );
  QVector<Param> bound;
  for ( const QString &p : params )
    bound << textParam( p );
  const Result result = exec( mConn, sql, bound );
  if ( !result.ok() )
    return Rows::failureFrom( failed( mConn, result, location() ) );
  QVector<QStringList> rows;
  for ( int r = 0; r < result.rows(); ++r )
  {
    QStringList row;
    for ( int c = 0; c < PQnfields( result.handle() ); ++c )
      row << result.text( r, c );
    rows << row;
  }
  return Rows::success( rows );
}

QString RtPgBackend::identifier( const QString &name ) const
{
  const QByteArray utf8 = name.toUtf8();
  char *escaped = mConn ? PQescapeIdentifier( mConn, utf8.constData(), static_cast<size_t>( utf8.size() ) ) : nullptr;
  const QString out = escaped ? QString::fromUtf8( escaped ) : QString();
  PQfreemem( escaped );
  return out;
}

RtResult<qint64> RtPgBackend::nextSequence( RtStoreTable table )
{
  using Seq = RtResult<qint64>;
  if ( !mInTransaction )
    return Seq::failure( rtMsg( "RtPgBackend", "%1: no change under way" ).arg( location() ) );
  if ( !RtStoreSchema::column( table, QStringLiteral( "seq" ) ) )
    return Seq::failure( rtMsg( "RtPgBackend", "table %1 has no sequence" ).arg( tableName( table ) ) );
  // Held to the commit: a writer of another task waits here, then sees this one's rows.
  const Result locked = exec( mConn, QStringLiteral( "SELECT pg_advisory_xact_lock($1::integer, $2::integer)" ),
                              { Param { QByteArray::number( SEQUENCE_LOCK_SPACE ), false }, Param { QByteArray::number( static_cast<int>( table ) ), false } } );
  if ( !locked.ok() )
    return Seq::failureFrom( failed( mConn, locked, rtMsg( "RtPgBackend", "cannot number a new row of %1 in %2" ).arg( tableName( table ), location() ) ) );
  const Result max = exec( mConn, QStringLiteral( "SELECT COALESCE(MAX(seq), 0) + 1 FROM %1" ).arg( qualified( tableName( table ) ) ) );
  if ( !max.ok() || max.rows() != 1 )
    return Seq::failureFrom( failed( mConn, max, rtMsg( "RtPgBackend", "cannot read the history of %1" ).arg( location() ) ) );
  return Seq::success( max.text( 0, 0 ).toLongLong() );
}

RtStatusResult RtPgBackend::insert( RtStoreTable table, const RtStoreRow &row )
{
  if ( !mInTransaction )
    return rtFail( rtMsg( "RtPgBackend", "%1: no change under way" ).arg( location() ) );
  const RtTableSpec &spec = RtStoreSchema::table( table );
  QStringList columns;
  QStringList placeholders;
  QVector<Param> params;
  for ( auto it = row.cbegin(); it != row.cend(); ++it )
  {
    if ( !RtStoreSchema::column( table, it.key() ) )
      return rtFail( rtMsg( "RtPgBackend", "table %1 has no column %2" ).arg( QLatin1String( spec.name ), it.key() ) );
    columns << quoted( it.key() );
    params << param( it.value(), columnType( table, it.key() ) );
    if ( params.constLast().text.contains( '\0' ) )
      return rtFail( rtMsg( "RtPgBackend", "table %1, column %2: a text holding a NUL character cannot be stored on the server" ).arg( QLatin1String( spec.name ), it.key() ) );
    placeholders << QStringLiteral( "$%1" ).arg( params.size() );
  }
  const Result result = exec( mConn, QStringLiteral( "INSERT INTO %1 (%2) VALUES (%3)" )
                              .arg( qualified( QLatin1String( spec.name ) ), columns.join( QStringLiteral( ", " ) ), placeholders.join( QStringLiteral( ", " ) ) ), params );
  if ( !result.ok() )
    return failed( mConn, result, rtMsg( "RtPgBackend", "%1 cannot be written (table %2)" ).arg( location(), QLatin1String( spec.name ) ) );
  return rtOk();
}

RtStatusResult RtPgBackend::update( RtStoreTable table, const RtStoreFilter &where, const RtStoreRow &values )
{
  if ( !mInTransaction )
    return rtFail( rtMsg( "RtPgBackend", "%1: no change under way" ).arg( location() ) );
  const RtTableSpec &spec = RtStoreSchema::table( table );
  if ( where.isEmpty() || !isColumn( table, where.column ) || values.isEmpty() )
    return rtFail( rtMsg( "RtPgBackend", "table %1: an update needs a filter and values" ).arg( QLatin1String( spec.name ) ) );
  QStringList assignments;
  QVector<Param> params;
  for ( auto it = values.cbegin(); it != values.cend(); ++it )
  {
    if ( !RtStoreSchema::column( table, it.key() ) )
      return rtFail( rtMsg( "RtPgBackend", "table %1 has no column %2" ).arg( QLatin1String( spec.name ), it.key() ) );
    params << param( it.value(), columnType( table, it.key() ) );
    if ( params.constLast().text.contains( '\0' ) )
      return rtFail( rtMsg( "RtPgBackend", "table %1, column %2: a text holding a NUL character cannot be stored on the server" ).arg( QLatin1String( spec.name ), it.key() ) );
    assignments << QStringLiteral( "%1 = $%2" ).arg( quoted( it.key() ) ).arg( params.size() );
  }
  params << param( where.value, columnType( table, where.column ) );
  const Result result = exec( mConn, QStringLiteral( "UPDATE %1 SET %2 WHERE %3 = $%4" )
                              .arg( qualified( QLatin1String( spec.name ) ), assignments.join( QStringLiteral( ", " ) ), quoted( where.column ) ).arg( params.size() ), params );
  if ( !result.ok() )
    return failed( mConn, result, rtMsg( "RtPgBackend", "%1 cannot be written (table %2)" ).arg( location(), QLatin1String( spec.name ) ) );
  return rtOk();
}

RtStatusResult RtPgBackend::remove( RtStoreTable table, const RtStoreFilter &where )
{
  if ( !mInTransaction )
    return rtFail( rtMsg( "RtPgBackend", "%1: no change under way" ).arg( location() ) );
  const RtTableSpec &spec = RtStoreSchema::table( table );
  if ( where.isEmpty() || !isColumn( table, where.column ) )
    return rtFail( rtMsg( "RtPgBackend", "table %1: a delete needs a filter" ).arg( QLatin1String( spec.name ) ) );
  const Result result = exec( mConn, QStringLiteral( "DELETE FROM %1 WHERE %2 = $1" ).arg( qualified( QLatin1String( spec.name ) ), quoted( where.column ) ),
                              { param( where.value, columnType( table, where.column ) ) } );
  if ( !result.ok() )
    return failed( mConn, result, rtMsg( "RtPgBackend", "%1 cannot be written (table %2)" ).arg( location(), QLatin1String( spec.name ) ) );
  return rtOk();
}

RtStatusResult RtPgBackend::commit()
{
  if ( !mInTransaction )
    return rtFail( rtMsg( "RtPgBackend", "%1: no change under way" ).arg( location() ) );
  const Result result = exec( mConn, QStringLiteral( "COMMIT" ) );
  // A COMMIT of a failed transaction "succeeds" as a ROLLBACK: only COMMIT counts.
  const bool committed = result.ok() && QByteArray( PQcmdStatus( result.handle() ) ) == "COMMIT";
  mInTransaction = false;
  if ( committed )
    return rtOk();
  if ( PQtransactionStatus( mConn ) != PQTRANS_IDLE )
    exec( mConn, QStringLiteral( "ROLLBACK" ) );
  if ( result.ok() )
    return rtFail( RtErrorKind::Corrupt, rtMsg( "RtPgBackend", "%1 cannot be written: the server rolled the change back" ).arg( location() ) );
  return failed( mConn, result, rtMsg( "RtPgBackend", "%1 cannot be written" ).arg( location() ) );
}

void RtPgBackend::rollback()
{
  if ( !mInTransaction )
    return;
  mInTransaction = false;
  if ( mConn && PQtransactionStatus( mConn ) != PQTRANS_IDLE )
    exec( mConn, QStringLiteral( "ROLLBACK" ) );
}

// ---- creating --------------------------------------------------------------------------

RtStatusResult RtPgBackend::createLayout()
{
  QStringList statements { QStringLiteral( "CREATE SCHEMA %1" ).arg( quoted( schemaName() ) ) };
  for ( const RtTableSpec &table : RtStoreSchema::tables() )
  {
    QStringList columns { QStringLiteral( "%1 bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" ).arg( quoted( RtStoreSchema::rowIdColumn() ) ) };
    for ( const RtColumnSpec &column : table.columns )
      columns << QStringLiteral( "%1 %2%3" ).arg( quoted( QLatin1String( column.name ) ), sqlType( column.type ),
                                                  column.notNull ? QStringLiteral( " NOT NULL" ) : QString() );
    statements << QStringLiteral( "CREATE TABLE %1 (%2)" ).arg( qualified( QLatin1String( table.name ) ), columns.join( QStringLiteral( ", " ) ) );
  }
  for ( const QString &statement : std::as_const( statements ) )
  {
    const Result result = exec( mConn, statement );
    if ( !result.ok() )
      return failed( mConn, result, rtMsg( "RtPgBackend", "cannot create the register's tables in %1" ).arg( location() ) );
  }
  mSchemaVersion = RtStoreSchema::version();
  // The layout's version is part of the layout: a register is never without it.
  return insert( RtStoreTable::Meta, { { QStringLiteral( "key" ), RtStoreSchema::versionKey() },
    { QStringLiteral( "value" ), QString::number( RtStoreSchema::version() ) } } );
}

RtStatusResult RtPgBackend::create( const QString &location, const RtStoreCreateRequest &request, QString *keptAs )
{
  if ( keptAs )
    keptAs->clear();
  std::unique_ptr<RtPgBackend> backend( new RtPgBackend( location, true ) );
  RtPgBackend &b = *backend;
  const QString where = b.location();
  RtStatusResult step = b.connect();
  if ( !step.ok() )
    return step;
  // The whole register's lock: no desk writes between our look at what is there and the commit.
  step = b.beginWrite( QString() );
  if ( !step.ok() )
    return step;
  const auto fail = [&]( const RtStatusResult & failure )
  {
    b.rollback();
    return rtFail( failure.errorKind(), rtMsg( "RtPgBackend", "cannot create a register in %1: %2" ).arg( where, failure.error() ) );
  };
  const RtResult<bool> exists = b.registerExists();
  if ( !exists.ok() )
    return fail( RtStatusResult::failureFrom( exists ) );
  const Result schema = exec( b.mConn, QStringLiteral( "SELECT 1 FROM pg_namespace WHERE nspname = $1" ), { textParam( schemaName() ) } );
  if ( !schema.ok() )
    return fail( failed( b.mConn, schema, rtMsg( "RtPgBackend", "cannot read its schemas" ) ) );
  if ( schema.rows() > 0 && !exists.value() )
    return fail( rtFail( rtMsg( "RtPgBackend", "schema %1 exists but holds no register; refusing to replace what is not a register" ).arg( schemaName() ) ) );
  if ( exists.value() )
  {
    if ( !request.overwrite )
    {
      b.rollback();
      return rtFail( rtMsg( "RtPgBackend", "%1 already holds a register (schema %2); allow overwriting it, or use another database" ).arg( where, schemaName() ) );
    }
    // Only a register is ever replaced; the question of what it holds is asked under the lock.
    step = b.checkRegister();
    if ( !step.ok() && step.errorKind() != RtErrorKind::Corrupt )
      return fail( step );
    bool keep = !step.ok(); // a register this version cannot judge is kept, never dropped
    if ( step.ok() && request.keepReplaced )
    {
      const RtResult<bool> answer = request.keepReplaced( b );
      if ( !answer.ok() )
        return fail( RtStatusResult::failureFrom( answer ) );
      keep = answer.value();
    }
    if ( keep )
    {
      const QString stamp = QDateTime::currentDateTimeUtc().toString( QStringLiteral( "yyyyMMdd_HHmmss" ) );
      QString backup = QStringLiteral( "%1_bak_%2" ).arg( schemaName(), stamp );
      for ( int n = 2; ; ++n )
      {
        const Result taken = exec( b.mConn, QStringLiteral( "SELECT 1 FROM pg_namespace WHERE nspname = $1" ), { textParam( backup ) } );
        if ( !taken.ok() )
          return fail( failed( b.mConn, taken, rtMsg( "RtPgBackend", "cannot read its schemas" ) ) );
        if ( taken.rows() == 0 )
          break;
        backup = QStringLiteral( "%1_bak_%2_%3" ).arg( schemaName(), stamp ).arg( n );
      }
      const Result renamed = exec( b.mConn, QStringLiteral( "ALTER SCHEMA %1 RENAME TO %2" ).arg( quoted( schemaName() ), quoted( backup ) ) );
      if ( !renamed.ok() )
        return fail( failed( b.mConn, renamed, rtMsg( "RtPgBackend", "the register there could not be kept aside; nothing was replaced" ) ) );
      if ( keptAs )
        *keptAs = rtMsg( "RtPgBackend", "schema %1 of %2" ).arg( backup, where );
    }
    else
    {
      const Result dropped = exec( b.mConn, QStringLiteral( "DROP SCHEMA %1 CASCADE" ).arg( quoted( schemaName() ) ) );
      if ( !dropped.ok() )
        return fail( failed( b.mConn, dropped, rtMsg( "RtPgBackend", "the register there could not be replaced" ) ) );
    }
  }
  step = b.createLayout();
  if ( step.ok() && request.fill )
    step = request.fill( b );
  if ( step.ok() )
  {
    // Indexes and triggers last, as in a GeoPackage; their statements name the tables unqualified.
    QStringList statements { QStringLiteral( "SET LOCAL search_path TO %1" ).arg( quoted( schemaName() ) ) };
    statements << RtStoreSchema::indexStatements();
    QSet<QString> seen;
    for ( const RtStoreSchema::Trigger &trigger : RtStoreSchema::appendOnlyTriggers( RtSqlDialect::PostgreSql ) )
    {
      for ( const QString &statement : trigger.statements )
      {
        if ( !seen.contains( statement ) )
          statements << statement;
        seen.insert( statement );
      }
    }
    statements << serverSetupStatements(); // after the fill: the initial rows are not announced
    for ( const QString &statement : std::as_const( statements ) )
    {
      const Result result = exec( b.mConn, statement );
      if ( !result.ok() )
      {
        step = failed( b.mConn, result, rtMsg( "RtPgBackend", "cannot create its indexes and triggers" ) );
        break;
      }
    }
  }
  if ( step.ok() )
    step = b.commit();
  if ( !step.ok() )
  {
    if ( keptAs )
      keptAs->clear();
    return fail( step );
  }
  return rtOk();
}

// ---- upgrading -------------------------------------------------------------------------

RtResult<QStringList> RtPgBackend::missingServerSetup() const
{
  using Missing = RtResult<QStringList>;
  const QString where = location();
  const auto rows = [&]( const QString & sql, const QVector<Param> &params, QVector<QStringList> *out ) -> RtStatusResult
  {
    const Result result = exec( mConn, sql, params );
    if ( !result.ok() )
      return failed( mConn, result, rtMsg( "RtPgBackend", "cannot read the server set-up of %1" ).arg( where ) );
    for ( int r = 0; r < result.rows(); ++r )
    {
      QStringList row;
      for ( int c = 0; c < PQnfields( result.handle() ); ++c )
        row << result.text( r, c );
      *out << row;
    }
    return rtOk();
  };
  const Param schema = textParam( schemaName() );
  QStringList missing;

  // Live updates: an enabled trigger calling rt_notify_change on each history.
  QVector<QStringList> notifying;
  RtStatusResult read = rows( QStringLiteral( "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                              "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid "
                                              "WHERE n.nspname = $1 AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND p.proname = 'rt_notify_change'" ),
                              { schema }, &notifying );
  if ( !read.ok() )
    return Missing::failureFrom( read );
  QSet<QString> notified;
  for ( const QStringList &r : std::as_const( notifying ) )
    notified.insert( r.value( 0 ) );
  for ( RtStoreTable table : RtStoreSchema::appendOnlyTables() )
  {
    if ( !notified.contains( tableName( table ) ) )
      missing << rtMsg( "RtPgBackend", "the live-update trigger of %1" ).arg( tableName( table ) );
  }

  // The roles (the cluster's), the grants table and the functions the policies ask.
  QVector<QStringList> found;
  read = rows( QStringLiteral( "SELECT rolname FROM pg_roles WHERE rolname IN ('rt_viewer', 'rt_editor', 'rt_admin')" ), {}, &found );
  if ( !read.ok() )
    return Missing::failureFrom( read );
  QSet<QString> roles;
  for ( const QStringList &r : std::as_const( found ) )
    roles.insert( r.value( 0 ) );
  for ( const char *role : { "rt_viewer", "rt_editor", "rt_admin" } )
  {
    if ( !roles.contains( QLatin1String( role ) ) )
      missing << rtMsg( "RtPgBackend", "the role %1" ).arg( QLatin1String( role ) );
  }
  found.clear();
  read = rows( QStringLiteral( "SELECT to_regclass($1::text) IS NOT NULL, to_regprocedure($2::text) IS NOT NULL, to_regprocedure($3::text) IS NOT NULL" ),
               { textParam( quoted( schemaName() ) + QStringLiteral( ".rt_grants" ) ),
                 textParam( quoted( schemaName() ) + QStringLiteral( ".rt_task_editors(text)" ) ),
                 textParam( quoted( schemaName() ) + QStringLiteral( ".rt_may_edit(text)" ) ) }, &found );
  if ( !read.ok() )
    return Missing::failureFrom( read );
  const QStringList present = found.value( 0 );
  const bool hasGrants = present.value( 0 ) == QLatin1String( "t" );
  if ( !hasGrants )
    missing << rtMsg( "RtPgBackend", "the table of grants (rt_grants)" );
  if ( present.value( 1 ) != QLatin1String( "t" ) || present.value( 2 ) != QLatin1String( "t" ) )
    missing << rtMsg( "RtPgBackend", "the functions that say who may change a task" );

  // Who wrote each history row.
  const QVector<RtStoreTable> histories { RtStoreTable::History, RtStoreTable::Values, RtStoreTable::Assignments };
  found.clear();
  read = rows( QStringLiteral( "SELECT table_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'db_user'" ), { schema }, &found );
  if ( !read.ok() )
    return Missing::failureFrom( read );
  QSet<QString> withUser;
  for ( const QStringList &r : std::as_const( found ) )
    withUser.insert( r.value( 0 ) );
  for ( RtStoreTable table : histories )
  {
    if ( !withUser.contains( tableName( table ) ) )
      missing << rtMsg( "RtPgBackend", "the column db_user of %1" ).arg( tableName( table ) );
  }

  // Row-level security and its policies on the tables the rights guard.
  struct Guarded
  {
    RtStoreTable table;
    QStringList policies;
  };
  const QStringList all { QStringLiteral( "rt_read" ), QStringLiteral( "rt_administer" ), QStringLiteral( "rt_edit" ) };
  const QVector<Guarded> guarded { { RtStoreTable::Tasks, all }, { RtStoreTable::History, all }, { RtStoreTable::Values, all },
    { RtStoreTable::Assignments, { QStringLiteral( "rt_read" ), QStringLiteral( "rt_administer" ) } } };
  found.clear();
  read = rows( QStringLiteral( "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relrowsecurity" ),
               { schema }, &found );
  if ( !read.ok() )
    return Missing::failureFrom( read );
  QSet<QString> secured;
  for ( const QStringList &r : std::as_const( found ) )
    secured.insert( r.value( 0 ) );
  found.clear();
  read = rows( QStringLiteral( "SELECT tablename, policyname FROM pg_policies WHERE schemaname = $1" ), { schema }, &found );
  if ( !read.ok() )
    return Missing::failureFrom( read );
  QSet<QString> policies;
  for ( const QStringList &r : std::as_const( found ) )
    policies.insert( r.value( 0 ) + QLatin1Char( '.' ) + r.value( 1 ) );
  for ( const Guarded &g : guarded )
  {
    const QString name = tableName( g.table );
    if ( !secured.contains( name ) )
      missing << rtMsg( "RtPgBackend", "row-level security on %1" ).arg( name );
    QStringList lacking;
    for ( const QString &policy : g.policies )
    {
      if ( !policies.contains( name + QLatin1Char( '.' ) + policy ) )
        lacking << policy;
    }
    if ( !lacking.isEmpty() )
      missing << rtMsg( "RtPgBackend", "%1 %2 of %3" ).arg( lacking.size() == 1 ? rtMsg( "RtPgBackend", "the policy" ) : rtMsg( "RtPgBackend", "the policies" ),
                                                      lacking.join( QStringLiteral( ", " ) ), name );
  }

  // The privileges of the roles that exist (a missing role is named above).
  struct Privilege
  {
    const char *role;
    RtStoreTable table;
    const char *privilege;
  };
  const Privilege privileges[] = { { "rt_viewer", RtStoreTable::Tasks, "SELECT" }, { "rt_viewer", RtStoreTable::History, "SELECT" },
    { "rt_editor", RtStoreTable::Tasks, "UPDATE" }, { "rt_editor", RtStoreTable::History, "INSERT" },
    { "rt_editor", RtStoreTable::Values, "INSERT" }, { "rt_admin", RtStoreTable::Assignments, "INSERT" } };
  for ( const Privilege &p : privileges )
  {
    if ( !roles.contains( QLatin1String( p.role ) ) )
      continue;
    found.clear();
    read = rows( QStringLiteral( "SELECT has_table_privilege($1::name, $2::text, $3::text)" ),
                 { textParam( QLatin1String( p.role ) ), textParam( qualified( tableName( p.table ) ) ), textParam( QLatin1String( p.privilege ) ) }, &found );
    if ( !read.ok() )
      return Missing::failureFrom( read );
    if ( found.value( 0 ).value( 0 ) != QLatin1String( "t" ) )
      missing << rtMsg( "RtPgBackend", "the privilege %1 of %2 on %3" ).arg( QLatin1String( p.privilege ), QLatin1String( p.role ), tableName( p.table ) );
  }
  return Missing::success( missing );
}

RtResult<QStringList> RtPgBackend::completeServerSetup()
{
  using Added = RtResult<QStringList>;
  const QString where = location();
  // The whole register's lock: no desk writes while its triggers and policies are replaced.
  const RtStatusResult locked = beginWrite( QString() );
  if ( !locked.ok() )
    return Added::failureFrom( locked );
  const auto fail = [&]( const RtStatusResult & failure )
  {
    rollback();
    return Added::failure( failure.errorKind(), rtMsg( "RtPgBackend", "the server set-up of %1 was not completed, nothing was changed: %2" )
                           .arg( where, failure.error() ) );
  };
  const RtResult<QStringList> missing = missingServerSetup();
  if ( !missing.ok() )
    return fail( RtStatusResult::failureFrom( missing ) );
  if ( missing.value().isEmpty() )
  {
    rollback();
    return Added::success( QStringList() );
  }
  QStringList statements { QStringLiteral( "SET LOCAL search_path TO %1" ).arg( quoted( schemaName() ) ) };
  statements << serverSetupStatements();
  for ( const QString &statement : std::as_const( statements ) )
  {
    const Result result = exec( mConn, statement );
    if ( !result.ok() )
      return fail( failed( mConn, result, rtMsg( "RtPgBackend", "cannot add its rights and live-update triggers" ) ) );
  }
  // Read again under the same transaction: what is still missing was not made by the set-up.
  const RtResult<QStringList> still = missingServerSetup();
  if ( !still.ok() )
    return fail( RtStatusResult::failureFrom( still ) );
  if ( !still.value().isEmpty() )
    return fail( rtFail( RtErrorKind::Corrupt, rtMsg( "RtPgBackend", "still missing after the set-up: %1" ).arg( still.value().join( QStringLiteral( ", " ) ) ) ) );
  const RtStatusResult committed = commit();
  if ( !committed.ok() )
    return fail( committed );
  return Added::success( missing.value() );
}

RtStatusResult RtPgBackend::upgrade( QString *keptAs )
{
  if ( keptAs )
    keptAs->clear();
  if ( mSchemaVersion == RtStoreSchema::version() )
    return rtOk();
  // Registers on a server began with schema 2: there is no older layout to bring forward.
  return rtFail( RtErrorKind::Corrupt, rtMsg( "RtPgBackend", "%1 is a register of schema %2, which this version cannot upgrade" )
                 .arg( location() ).arg( mSchemaVersion ) );
}
