// A register location naming a QGIS authentication configuration ("authcfg=ID"): what libpq
// is given, that the CLI (no QGIS) refuses it with what to use instead, and a real server
// reached with the credentials a resolver gives, the change recorded under that login.
#include "catch_compat.h"
#include "backendtestutil.h"
#include "register172.h"

#include "rtpgconnection.h"
#include "rtpgrights.h"
#include "rtstore.h"
#include "rtstorebackend.h"

#include <QRegularExpression>
#include <QUrl>

#include <libpq-fe.h>

namespace
{
  //! libpq's own reading of a connection string: keyword → value (what it would connect with).
  QMap<QString, QString> libpqOptions( const QString &connection )
  {
    QMap<QString, QString> out;
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse( connection.toUtf8().constData(), &error );
    if ( !options )
    {
      out.insert( QStringLiteral( "error" ), QString::fromUtf8( error ? error : "?" ) );
      PQfreemem( error );
      return out;
    }
    for ( PQconninfoOption *o = options; o->keyword; ++o )
      if ( o->val )
        out.insert( QString::fromUtf8( o->keyword ), QString::fromUtf8( o->val ) );
    PQconninfoFree( options );
    return out;
  }

  //! Removes the resolver again whatever the test's outcome.
  struct ResolverGuard
  {
    explicit ResolverGuard( RtPgConnection::AuthResolver resolver ) { RtPgConnection::setAuthResolver( std::move( resolver ) ); }
    ~ResolverGuard() { RtPgConnection::setAuthResolver( RtPgConnection::AuthResolver() ); }
  };
}

TEST_CASE( "a location naming an authentication configuration is given to libpq with its user and password, whatever they hold", "[store][pg][auth]" )
{
  RtPgConnection::Credentials credentials;
  credentials.user = QStringLiteral( "phòng_qlđt" );
  credentials.password = QStringLiteral( "a b'c\\d&e=f#g+h?" );

  CHECK( RtPgConnection::authConfigId( QStringLiteral( "service=mongcai authcfg=ab12cd3" ) ) == QStringLiteral( "ab12cd3" ) );
  CHECK( RtPgConnection::authConfigId( QStringLiteral( "authcfg='ab12cd3' dbname=rt" ) ) == QStringLiteral( "ab12cd3" ) );
  CHECK( RtPgConnection::authConfigId( QStringLiteral( "postgresql://db.mongcai.vn:5433/rt?sslmode=require&authcfg=ab12cd3" ) ) == QStringLiteral( "ab12cd3" ) );
  CHECK( RtPgConnection::authConfigId( QStringLiteral( "service=mongcai" ) ).isEmpty() );
  CHECK( RtPgConnection::authConfigId( QStringLiteral( "/data/authcfg=x.gpkg" ) ).isEmpty() );
  // A location that starts with its authcfg is a server's, not a file's.
  CHECK( RtStoreBackends::kindOf( QStringLiteral( "authcfg=ab12cd3 service=mongcai" ) ) == RtStoreBackends::Kind::PostgreSql );

  const QMap<QString, QString> keyValue = libpqOptions( RtPgConnection::withCredentials( QStringLiteral( "service=mongcai user=old authcfg=ab12cd3 sslmode=require" ), credentials ) );
  CHECK( keyValue.value( QStringLiteral( "service" ) ) == QStringLiteral( "mongcai" ) );
  CHECK( keyValue.value( QStringLiteral( "sslmode" ) ) == QStringLiteral( "require" ) );
  CHECK( keyValue.value( QStringLiteral( "user" ) ) == credentials.user );
  CHECK( keyValue.value( QStringLiteral( "password" ) ) == credentials.password );
  CHECK_FALSE( keyValue.contains( QStringLiteral( "error" ) ) );

  const QMap<QString, QString> uri = libpqOptions( RtPgConnection::withCredentials( QStringLiteral( "postgresql://old:secret@db.mongcai.vn:5433/rt?sslmode=require&authcfg=ab12cd3" ), credentials ) );
  CHECK( uri.value( QStringLiteral( "host" ) ) == QStringLiteral( "db.mongcai.vn" ) );
  CHECK( uri.value( QStringLiteral( "port" ) ) == QStringLiteral( "5433" ) );
  CHECK( uri.value( QStringLiteral( "dbname" ) ) == QStringLiteral( "rt" ) );
  CHECK( uri.value( QStringLiteral( "sslmode" ) ) == QStringLiteral( "require" ) );
  CHECK( uri.value( QStringLiteral( "user" ) ) == credentials.user );
  CHECK( uri.value( QStringLiteral( "password" ) ) == credentials.password );
  CHECK_FALSE( uri.contains( QStringLiteral( "error" ) ) );

  // What a project keeps: the configuration's id, never a password.
  CHECK( RtPgConnection::withAuthConfig( QStringLiteral( "host=db dbname=rt password='a b\\'c' user=u" ), QStringLiteral( "ab12cd3" ) )
         == QStringLiteral( "host=db dbname=rt user=u authcfg=ab12cd3" ) );
  CHECK( RtPgConnection::withAuthConfig( QStringLiteral( "service=mongcai authcfg=old0001" ), QString() ) == QStringLiteral( "service=mongcai" ) );
  const QString keptUri = RtPgConnection::withAuthConfig( QStringLiteral( "postgresql://u:secret@db:5433/rt?password=x&sslmode=require" ), QStringLiteral( "ab12cd3" ) );
  CHECK_FALSE( keptUri.contains( QStringLiteral( "secret" ) ) );
  CHECK( RtPgConnection::authConfigId( keptUri ) == QStringLiteral( "ab12cd3" ) );
  // Without the id (libpq knows no "authcfg"): the rest as libpq reads it, no password left.
  const QMap<QString, QString> kept = libpqOptions( RtPgConnection::withAuthConfig( keptUri, QString() ) );
  CHECK( kept.value( QStringLiteral( "sslmode" ) ) == QStringLiteral( "require" ) );
  CHECK( kept.value( QStringLiteral( "user" ) ) == QStringLiteral( "u" ) );
  CHECK( kept.value( QStringLiteral( "host" ) ) == QStringLiteral( "db" ) );
  CHECK_FALSE( kept.contains( QStringLiteral( "password" ) ) );

  // No authcfg: the location as it is.
  const RtResult<QString> plain = RtPgConnection::connectionString( QStringLiteral( " service=mongcai " ) );
  REQUIRE( plain.ok() );
  CHECK( plain.value() == QStringLiteral( "service=mongcai" ) );
}

TEST_CASE( "without QGIS an authcfg location is refused, saying what to use instead", "[store][pg][auth]" )
{
  RtPgConnection::setAuthResolver( RtPgConnection::AuthResolver() );
  const RtResult<QString> refused = RtPgConnection::connectionString( QStringLiteral( "service=mongcai authcfg=ab12cd3" ) );
  REQUIRE_FALSE( refused.ok() );
  CHECK( refused.errorKind() == RtErrorKind::Forbidden );
  CHECK( refused.error().contains( QStringLiteral( "authcfg=ab12cd3" ) ) );
  CHECK( refused.error().contains( QStringLiteral( ".pgpass" ) ) );

  // The store says so too, naming the location, without trying a connection libpq would reject.
  const RtResult<std::unique_ptr<RtStore>> store = RtStore::open( QStringLiteral( "host=127.0.0.1 port=1 dbname=rt authcfg=ab12cd3" ), false );
  REQUIRE_FALSE( store.ok() );
  CHECK( store.errorKind() == RtErrorKind::Forbidden );
  CHECK( store.error().contains( QStringLiteral( "authcfg=ab12cd3" ) ) );
}

TEST_CASE( "a register reached through an authentication configuration records changes under its login, and a resolver's refusal is the store's", "[store][pg][auth]" )
{
  const RtTestRegisterLocation where( "pg" );
  const QString uri = rtCreate172( where.location() );
  const QString login = QStringLiteral( "desk_auth_%1" ).arg( QCoreApplication::applicationPid() );
  const QString password = QStringLiteral( "mật khẩu 'x' & y" );
  RtTestPgDatabase::execute( uri, QStringLiteral( "DROP ROLE IF EXISTS %1" ).arg( login ) );
  REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "CREATE ROLE %1 LOGIN PASSWORD 'mật khẩu ''x'' & y'" ).arg( login ) ).isEmpty() );
  REQUIRE( RtPgRights::grantRole( uri, login, RtPgRights::Role::Admin ).ok() );

  // The location as a project keeps it: the server and the configuration's id, no user, no password.
  QUrl url( uri );
  url.setUserName( QString() );
  url.setPassword( QString() );
  url.setQuery( QStringLiteral( "authcfg=rt00001" ) );
  const QString location = url.toString();
  REQUIRE_FALSE( location.contains( QStringLiteral( "@" ) ) );

  QStringList asked;
  ResolverGuard guard( [&]( const QString &id ) -> RtResult<RtPgConnection::Credentials>
  {
    asked << id;
    if ( id != QLatin1String( "rt00001" ) )
      return RtResult<RtPgConnection::Credentials>::failure( RtErrorKind::NotFound, QStringLiteral( "no configuration %1" ).arg( id ) );
    return RtResult<RtPgConnection::Credentials>::success( { login, password } );
  } );

  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( location, true );
  INFO( store.error().toStdString() );
  REQUIRE( store.ok() );
  CHECK( asked == QStringList { QStringLiteral( "rt00001" ) } );
  RtStatusChange change;
  change.taskId = QStringLiteral( "CM-QHPK-A3" );
  change.newStatus = RtStatus::Done;
  change.by = QStringLiteral( "Phòng Quản lý đô thị" );
  change.date = QDate( 2024, 5, 2 );
  const RtStatusResult saved = store.value()->setStatus( change );
  INFO( saved.error().toStdString() );
  REQUIRE( saved.ok() );
  CHECK( RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT db_user FROM restrack.rt_status_history WHERE task_id = 'CM-QHPK-A3' ORDER BY seq DESC LIMIT 1" ) ) == login );
  CHECK_FALSE( store.value()->path().contains( password ) );

  QString unknown = location;
  unknown.replace( QStringLiteral( "rt00001" ), QStringLiteral( "zz99999" ) );
  const RtResult<std::unique_ptr<RtStore>> refused = RtStore::open( unknown, false );
  REQUIRE_FALSE( refused.ok() );
  CHECK( refused.errorKind() == RtErrorKind::NotFound );
  CHECK( refused.error().contains( QStringLiteral( "no configuration zz99999" ) ) );
  RtTestPgDatabase::execute( uri, QStringLiteral( "DROP OWNED BY %1; DROP ROLE %1" ).arg( login ) );
}
