#include "rtpgkeycopy.h"
#include "rttr.h"

#include <QRegularExpression>

#include <libpq-fe.h>

#include <cctype>

#include <memory>

namespace
{
  struct ConnDeleter
  {
    void operator()( PGconn *c ) const { PQfinish( c ); }
  };
  struct ResultDeleter
  {
    void operator()( PGresult *r ) const { PQclear( r ); }
  };
  using ConnPtr = std::unique_ptr<PGconn, ConnDeleter>;
  using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

  QString serverMessage( PGconn *conn )
  {
    return QString::fromUtf8( PQerrorMessage( conn ) ).trimmed();
  }

  //! A connection to \a connection (libpq's string); null with \a error saying why.
  ConnPtr connect( const QString &connection, QString &error )
  {
    ConnPtr conn( PQconnectdb( connection.toUtf8().constData() ) );
    if ( conn && PQstatus( conn.get() ) == CONNECTION_OK )
      return conn;
    error = conn ? serverMessage( conn.get() ) : rtMsg( "RtPgKeyCopy", "out of memory while connecting" );
    return nullptr;
  }

  QString identifier( PGconn *conn, const QString &name )
  {
    const QByteArray utf8 = name.toUtf8();
    char *quoted = PQescapeIdentifier( conn, utf8.constData(), static_cast<size_t>( utf8.size() ) );
    const QString out = quoted ? QString::fromUtf8( quoted ) : QString();
    PQfreemem( quoted );
    return out;
  }

  bool isDigits( const QString &text )
  {
    if ( text.isEmpty() )
      return false;
    for ( const QChar c : text )
      if ( c < QLatin1Char( '0' ) || c > QLatin1Char( '9' ) )
        return false;
    return true;
  }
}

namespace
{
  //! The keys of \a relation (already quoted) by COPY … TO STDOUT; \a name names it in messages.
  RtResult<QVector<RtFeatureKey>> copyKeys( PGconn *conn, const QString &relation, const QString &name, const QString &fidColumn,
                                            const QStringList &keyFields, bool padCode, const RtPgKeyCopy::Progress &progress )
  {
    using Result = RtResult<QVector<RtFeatureKey>>;
    QStringList columns { identifier( conn, fidColumn ) };
    for ( const QString &field : keyFields )
      columns << identifier( conn, field );
    const QString copy = QStringLiteral( "COPY (SELECT %1 FROM %2) TO STDOUT" )
                         .arg( columns.join( QStringLiteral( ", " ) ), relation );
    ResultPtr started( PQexec( conn, copy.toUtf8().constData() ) );
    if ( PQresultStatus( started.get() ) != PGRES_COPY_OUT )
      return Result::failure( RtErrorKind::Unavailable, serverMessage( conn ) );

    QVector<RtFeatureKey> keys;
    QString error;
    char *row = nullptr;
    int length = 0;
    // One text row per call: tab-separated fields, "\N" for NULL, ending with a newline.
    while ( ( length = PQgetCopyData( conn, &row, 0 ) ) > 0 )
    {
      const char *p = row;
      const char *end = row + length - ( length > 0 && row[length - 1] == '\n' ? 1 : 0 );
      RtFeatureKey key;
      for ( int field = 0; field <= keyFields.size(); ++field )
      {
        const char *stop = p;
        while ( stop < end && *stop != '\t' )
          ++stop;
        const bool null = stop - p == 2 && p[0] == '\\' && p[1] == 'N';
        QString value = null ? QString() : RtPgKeyCopy::unescapeField( p, stop );
        if ( field == 0 )
        {
          bool ok = false;
          key.fid = value.toLongLong( &ok );
          if ( !ok && error.isEmpty() )
            error = rtMsg( "RtPgKeyCopy", "%1: the feature id '%2' is not a whole number" ).arg( name, value );
        }
        else
        {
          if ( field == 1 && padCode && isDigits( value ) && value.size() < 5 )
            value = value.rightJustified( 5, QLatin1Char( '0' ) );
          key.values << value;
        }
        p = stop < end ? stop + 1 : end;
      }
      keys << key;
      PQfreemem( row );
      if ( progress && ( keys.size() & 0x3fff ) == 0 && !progress( keys.size() ) )
      {
        // Stop the server sending the rest: cancel, then drain what is already under way.
        if ( PGcancel *cancel = PQgetCancel( conn ) )
        {
          char buffer[256];
          PQcancel( cancel, buffer, sizeof buffer );
          PQfreeCancel( cancel );
        }
        while ( ( length = PQgetCopyData( conn, &row, 0 ) ) > 0 )
          PQfreemem( row );
        while ( PGresult *rest = PQgetResult( conn ) )
          PQclear( rest );
        return Result::failure( rtMsg( "RtPgKeyCopy", "%1: cancelled" ).arg( name ) );
      }
    }
    if ( length == -2 )
      return Result::failure( RtErrorKind::Unavailable, serverMessage( conn ) );
    ResultPtr finished( PQgetResult( conn ) );
    if ( PQresultStatus( finished.get() ) != PGRES_COMMAND_OK )
      return Result::failure( RtErrorKind::Unavailable, serverMessage( conn ) );
    if ( !error.isEmpty() )
      return Result::failure( RtErrorKind::Corrupt, error );
    return Result::success( keys );
  }
}

QString RtPgKeyCopy::libpqConnection( const QString &gdalConnection )
{
  QString out = gdalConnection;
  if ( out.startsWith( QLatin1String( "PG:" ), Qt::CaseInsensitive ) )
    out = out.mid( 3 );
  static const QRegularExpression sGdalOptions( QStringLiteral( R"((?:^|\s)(?:tables|schemas|active_schema|list_all_tables)\s*=\s*('(?:[^'\\]|\\.)*'|\S+))" ),
                                                QRegularExpression::CaseInsensitiveOption );
  out.remove( sGdalOptions );
  return out.trimmed();
}

QString RtPgKeyCopy::activeSchema( const QString &gdalConnection )
{
  for ( const char *option : { "active_schema", "schemas" } )
  {
    const QRegularExpression pattern( QStringLiteral( R"((?:^|[\s:])%1\s*=\s*(?:'((?:[^'\\]|\\.)*)'|([^\s,]+)))" ).arg( QLatin1String( option ) ),
                                      QRegularExpression::CaseInsensitiveOption );
    const QRegularExpressionMatch m = pattern.match( gdalConnection );
    if ( m.hasMatch() )
      return m.captured( 1 ).isEmpty() ? m.captured( 2 ) : m.captured( 1 ).section( QLatin1Char( ',' ), 0, 0 );
  }
  return QString();
}

QString RtPgKeyCopy::unescapeField( const char *begin, const char *end )
{
  QByteArray bytes;
  bytes.reserve( static_cast<int>( end - begin ) );
  for ( const char *p = begin; p < end; ++p )
  {
    if ( *p != '\\' || p + 1 >= end )
    {
      bytes += *p;
      continue;
    }
    const char c = *++p;
    switch ( c )
    {
      case 'b': bytes += '\b'; break;
      case 'f': bytes += '\f'; break;
      case 'n': bytes += '\n'; break;
      case 'r': bytes += '\r'; break;
      case 't': bytes += '\t'; break;
      case 'v': bytes += '\v'; break;
      case 'x':
      {
        int value = 0, digits = 0;
        while ( digits < 2 && p + 1 < end && std::isxdigit( static_cast<unsigned char>( p[1] ) ) )
        {
          value = value * 16 + QByteArray( 1, *++p ).toInt( nullptr, 16 );
          ++digits;
        }
        bytes += digits ? static_cast<char>( value ) : 'x';
        break;
      }
      default:
        if ( c >= '0' && c <= '7' )
        {
          int value = c - '0';
          for ( int digits = 1; digits < 3 && p + 1 < end && p[1] >= '0' && p[1] <= '7'; ++digits )
            value = value * 8 + ( *++p - '0' );
          bytes += static_cast<char>( value );
        }
        else
          bytes += c; // "\\" and any other escaped character stand for themselves
    }
  }
  return QString::fromUtf8( bytes );
}

RtResult<QVector<RtFeatureKey>> RtPgKeyCopy::read( const QString &gdalConnection, const QString &layerName, const QString &fidColumn,
                                                   const QStringList &keyFields, bool padCode )
{
  using Result = RtResult<QVector<RtFeatureKey>>;
  QString error;
  const ConnPtr conn = connect( libpqConnection( gdalConnection ), error );
  if ( !conn )
    return Result::failure( RtErrorKind::Unavailable, error );

  // GDAL names a table of its active schema (or the search path) "table", any other "schema.table".
  const QString schema = activeSchema( gdalConnection );
  if ( !schema.isEmpty() )
  {
    const QByteArray path = ( identifier( conn.get(), schema ) + QStringLiteral( ", public" ) ).toUtf8();
    const char *pathParams[] = { path.constData() };
    ResultPtr set( PQexecParams( conn.get(), "SELECT set_config('search_path', $1, false)", 1, nullptr, pathParams, nullptr, nullptr, 0 ) );
    if ( PQresultStatus( set.get() ) != PGRES_TUPLES_OK )
      return Result::failure( RtErrorKind::Unavailable, serverMessage( conn.get() ) );
  }
  const QByteArray name = layerName.toUtf8();
  const char *params[] = { name.constData() };
  ResultPtr found( PQexecParams( conn.get(),
                                 "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') "
                                 "AND ((c.relname = $1 AND pg_table_is_visible(c.oid)) OR n.nspname || '.' || c.relname = $1) "
                                 "ORDER BY c.relname = $1 DESC LIMIT 1",
                                 1, nullptr, params, nullptr, nullptr, 0 ) );
  if ( PQresultStatus( found.get() ) != PGRES_TUPLES_OK )
    return Result::failure( RtErrorKind::Unavailable, serverMessage( conn.get() ) );
  if ( PQntuples( found.get() ) != 1 )
    return Result::failure( RtErrorKind::NotFound, rtMsg( "RtPgKeyCopy", "no table or view %1" ).arg( layerName ) );

  return copyKeys( conn.get(), QString::fromUtf8( PQgetvalue( found.get(), 0, 0 ) ), layerName, fidColumn, keyFields, padCode, Progress() );
}

RtResult<QVector<RtFeatureKey>> RtPgKeyCopy::readTable( const QString &connection, const QString &schema, const QString &table, const QString &fidColumn,
                                                        const QStringList &keyFields, bool padCode, const Progress &progress )
{
  using Result = RtResult<QVector<RtFeatureKey>>;
  QString error;
  const ConnPtr conn = connect( connection, error );
  if ( !conn )
    return Result::failure( RtErrorKind::Unavailable, error );
  const QString relation = schema.isEmpty() ? identifier( conn.get(), table )
                                            : identifier( conn.get(), schema ) + QLatin1Char( '.' ) + identifier( conn.get(), table );
  return copyKeys( conn.get(), relation, table, fidColumn, keyFields, padCode, progress );
}
