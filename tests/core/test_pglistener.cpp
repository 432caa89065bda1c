// RtPgListener: live updates between desks. The payload parser on its own, then a real
// PostgreSQL 15 server (a throw-away cluster, or RT_TEST_PG) sending NOTIFYs from a
// second connection, and the listener's connection killed on the server to make it reconnect.
#include "catch_compat.h"
#include "testutil.h"

#include "rtpglistener.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStringList>
#include <QTemporaryDir>

#include <libpq-fe.h>

#include <memory>

namespace
{
  /**
   * The server of the test: RT_TEST_PG when set, else a cluster started by
   * scripts/pg-test-cluster.sh in a temporary folder and stopped at the end.
   */
  class TestServer
  {
    public:
      TestServer()
      {
        mUri = qEnvironmentVariable( "RT_TEST_PG" );
        if ( !mUri.isEmpty() )
          return;
        mDir = std::make_unique<QTemporaryDir>( QDir::tempPath() + QStringLiteral( "/rt-pg-listen.XXXXXX" ) );
        if ( !mDir->isValid() )
        {
          mError = QStringLiteral( "cannot make a temporary folder: %1" ).arg( mDir->errorString() );
          return;
        }
        QProcess script;
        script.start( QStringLiteral( "bash" ), { scriptPath(), QStringLiteral( "start" ), mDir->path() } );
        if ( !script.waitForFinished( 180000 ) || script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0 )
        {
          mError = QStringLiteral( "scripts/pg-test-cluster.sh start failed (exit %1): %2" )
                   .arg( script.exitCode() ).arg( QString::fromLocal8Bit( script.readAllStandardError() ).trimmed() );
          return;
        }
        mStarted = true;
        const QString env = QString::fromUtf8( rtReadAll( mDir->path() + QStringLiteral( "/env.sh" ) ) );
        const QRegularExpressionMatch uri = QRegularExpression( QStringLiteral( "export RT_TEST_PG='([^']+)'" ) ).match( env );
        if ( uri.hasMatch() )
          mUri = uri.captured( 1 );
        else
          mError = QStringLiteral( "the cluster's env.sh names no RT_TEST_PG" );
      }

      ~TestServer()
      {
        if ( mStarted )
          QProcess::execute( QStringLiteral( "bash" ), { scriptPath(), QStringLiteral( "stop" ), mDir->path() } );
      }

      QString uri() const { return mUri; }
      //! Why there is no server (empty when there is one).
      QString error() const { return mUri.isEmpty() && mError.isEmpty() ? QStringLiteral( "no server" ) : mError; }

    private:
      static QString scriptPath() { return RtTestPaths::sourceDir() + QStringLiteral( "/scripts/pg-test-cluster.sh" ); }

      QString mUri;
      QString mError;
      std::unique_ptr<QTemporaryDir> mDir;
      bool mStarted = false;
  };

  //! The other desk: a plain libpq connection that sends NOTIFYs and kills backends.
  class OtherDesk
  {
    public:
      explicit OtherDesk( const QString &uri )
        : mConn( PQconnectdb( uri.toUtf8().constData() ) )
      {
        if ( PQstatus( mConn ) == CONNECTION_OK )
          PQsetClientEncoding( mConn, "UTF8" );
      }
      ~OtherDesk() { PQfinish( mConn ); }

      QString error() const { return PQstatus( mConn ) == CONNECTION_OK ? QString() : QString::fromUtf8( PQerrorMessage( mConn ) ); }

      //! Runs \a sql with \a params bound; the first value of the first row (null on failure).
      QString query( const char *sql, const QList<QByteArray> &params = {} )
      {
        std::vector<const char *> values;
        for ( const QByteArray &p : params )
          values.push_back( p.constData() );
        PGresult *result = PQexecParams( mConn, sql, static_cast<int>( values.size() ), nullptr, values.data(), nullptr, nullptr, 0 );
        QString first;
        if ( PQresultStatus( result ) == PGRES_TUPLES_OK && PQntuples( result ) > 0 )
          first = QString::fromUtf8( PQgetvalue( result, 0, 0 ) );
        else if ( PQresultStatus( result ) != PGRES_TUPLES_OK )
          mLastError = QString::fromUtf8( PQresultErrorMessage( result ) );
        PQclear( result );
        return first;
      }

      bool notify( const QByteArray &payload )
      {
        mLastError.clear();
        query( "SELECT pg_notify($1, $2)", { RtPgListener::channel().toUtf8(), payload } );
        return mLastError.isEmpty();
      }

      QString lastError() const { return mLastError; }

    private:
      PGconn *mConn = nullptr;
      QString mLastError;
  };

  //! Warnings logged while it lives.
  class WarningCatcher
  {
    public:
      WarningCatcher() { sWarnings.clear(); mPrevious = qInstallMessageHandler( &WarningCatcher::handle ); }
      ~WarningCatcher() { qInstallMessageHandler( mPrevious ); }
      static QStringList warnings() { return sWarnings; }

    private:
      static void handle( QtMsgType type, const QMessageLogContext &, const QString &message )
      {
        if ( type == QtWarningMsg )
          sWarnings << message;
      }
      static inline QStringList sWarnings;
      QtMessageHandler mPrevious = nullptr;
  };

  const QByteArray kStatusPayload = QByteArrayLiteral(
                                      "{\"task\": \"CM-QHPK-A3\", \"kind\": \"status\", \"old\": \"in_progress\", \"new\": \"done\", "
                                      "\"by\": \"Ph\xc3\xb2ng QL\xc4\x90T\", \"db_user\": \"ubnd_qldt\", \"seq\": 42}" );
}

TEST_CASE( "a change notification's payload is parsed, and a malformed one refused with the reason", "[pglistener]" )
{
  const RtResult<RtRemoteChange> status = RtRemoteChange::fromPayload( kStatusPayload );
  REQUIRE( status.ok() );
  CHECK( status.value().task == QStringLiteral( "CM-QHPK-A3" ) );
  CHECK( status.value().kind == RtRemoteChange::Kind::Status );
  CHECK( status.value().oldValue == QStringLiteral( "in_progress" ) );
  CHECK( status.value().newValue == QStringLiteral( "done" ) );
  CHECK( status.value().by == QString::fromUtf8( "Phòng QLĐT" ) );
  CHECK( status.value().dbUser == QStringLiteral( "ubnd_qldt" ) );
  CHECK( status.value().seq == 42 );

  // A first assignment has no old value: "old" null (or left out) reads as a null string.
  const RtResult<RtRemoteChange> assigned = RtRemoteChange::fromPayload(
        "{\"task\":\"CM-1\",\"kind\":\"assignment\",\"old\":null,\"new\":\"Ph\xc3\xb2ng T\xc3\xa0i ch\xc3\xadnh\",\"by\":\"a\",\"db_user\":\"b\",\"seq\":7}" );
  REQUIRE( assigned.ok() );
  CHECK( assigned.value().kind == RtRemoteChange::Kind::Assignment );
  CHECK( assigned.value().oldValue.isNull() );
  CHECK( assigned.value().newValue == QString::fromUtf8( "Phòng Tài chính" ) );

  // A value a trigger wrote as a JSON number is taken as its text.
  const RtResult<RtRemoteChange> value = RtRemoteChange::fromPayload( "{\"task\":\"CM-2\",\"kind\":\"value\",\"old\":\"12\",\"new\":12.5,\"seq\":8}" );
  REQUIRE( value.ok() );
  CHECK( value.value().kind == RtRemoteChange::Kind::Value );
  CHECK( value.value().newValue == QStringLiteral( "12.5" ) );
  CHECK( value.value().by.isEmpty() );

  struct Bad
  {
    QByteArray payload;
    QString reasonNames;
  };
  const QVector<Bad> bad = {
    { "", "not JSON" },
    { "CM-QHPK-A3 done", "not JSON" },
    { "[1,2]", "not a JSON object" },
    { "{\"kind\":\"status\",\"new\":\"done\",\"seq\":1}", "\"task\"" },
    { "{\"task\":\"CM-1\",\"kind\":\"deleted\",\"new\":\"done\",\"seq\":1}", "\"deleted\"" },
    { "{\"task\":\"CM-1\",\"kind\":\"status\",\"seq\":1}", "\"new\"" },
    { "{\"task\":\"CM-1\",\"kind\":\"status\",\"new\":\"done\",\"old\":[1],\"seq\":1}", "\"old\"" },
    { "{\"task\":\"CM-1\",\"kind\":\"status\",\"new\":\"done\",\"seq\":1.5}", "\"seq\"" },
    { "{\"task\":\"CM-1\",\"kind\":\"status\",\"new\":\"done\",\"seq\":\"42\"}", "\"seq\"" },
    { "{\"task\":\"CM-1\",\"kind\":\"status\",\"new\":\"done\",\"seq\":1,\"by\":{}}", "\"by\"" },
  };
  for ( const Bad &b : bad )
  {
    INFO( b.payload.constData() );
    const RtResult<RtRemoteChange> parsed = RtRemoteChange::fromPayload( b.payload );
    REQUIRE_FALSE( parsed.ok() );
    CHECK( parsed.error().contains( b.reasonNames ) );
  }
}

TEST_CASE( "the listener waits longer between attempts up to 10 s", "[pglistener]" )
{
  QVector<int> delays;
  for ( int attempt = 0; attempt < 8; ++attempt )
    delays << RtPgListener::retryDelayMs( attempt );
  CHECK( delays == QVector<int>( { 500, 1000, 2000, 4000, 8000, 10000, 10000, 10000 } ) );
}

TEST_CASE( "a listener whose server is unreachable reports the connection lost once and keeps trying", "[pglistener]" )
{
  // Port 1 on the loopback: nothing listens there, the connection is refused at once.
  RtPgListener listener( QStringLiteral( "postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2" ) );
  QSignalSpy lost( &listener, &RtPgListener::connectionLost );
  QSignalSpy listening( &listener, &RtPgListener::listening );
  listener.start();
  REQUIRE( lost.wait( 5000 ) );
  const QString why = lost.first().first().toString();
  INFO( why.toStdString() );
  CHECK( !why.isEmpty() );
  CHECK_FALSE( why.contains( QStringLiteral( "secret" ) ) );
  CHECK( listener.displayLocation().contains( QStringLiteral( "***" ) ) );
  // The retries (after 0.5 s and 1 s) fail too, without another connectionLost.
  CHECK_FALSE( lost.wait( 1700 ) );
  CHECK( lost.count() == 1 );
  CHECK( listening.isEmpty() );
  CHECK_FALSE( listener.isListening() );
  listener.stop();
}

TEST_CASE( "the listener hears another desk's changes, ignores a malformed one and reconnects after its connection is killed", "[pglistener][postgresql]" )
{
  const TestServer server;
  if ( server.uri().isEmpty() )
    FAIL( "PostgreSQL could not be started: " << server.error().toStdString() );

  OtherDesk desk( server.uri() );
  REQUIRE( desk.error().toStdString() == "" );

  RtPgListener listener( server.uri() );
  QSignalSpy listening( &listener, &RtPgListener::listening );
  QSignalSpy changed( &listener, &RtPgListener::changed );
  QSignalSpy lost( &listener, &RtPgListener::connectionLost );
  QSignalSpy reconnected( &listener, &RtPgListener::reconnected );
  QSignalSpy malformed( &listener, &RtPgListener::malformedPayload );
  // The delay from sending a NOTIFY to changed(), measured and printed (not asserted).
  QElapsedTimer sent;
  QVector<double> delaysMs;
  QObject::connect( &listener, &RtPgListener::changed, [&]( const RtRemoteChange & ) { delaysMs << sent.nsecsElapsed() / 1e6; } );

  listener.start();
  REQUIRE( listening.wait( 15000 ) );
  CHECK( listener.isListening() );
  CHECK( reconnected.isEmpty() );
  CHECK( lost.isEmpty() );

  // A change of another desk arrives parsed.
  sent.start();
  REQUIRE( desk.notify( kStatusPayload ) );
  REQUIRE( changed.wait( 10000 ) );
  REQUIRE( changed.count() == 1 );
  const RtRemoteChange first = changed.takeFirst().first().value<RtRemoteChange>();
  CHECK( first.task == QStringLiteral( "CM-QHPK-A3" ) );
  CHECK( first.kind == RtRemoteChange::Kind::Status );
  CHECK( first.oldValue == QStringLiteral( "in_progress" ) );
  CHECK( first.newValue == QStringLiteral( "done" ) );
  CHECK( first.by == QString::fromUtf8( "Phòng QLĐT" ) );
  CHECK( first.dbUser == QStringLiteral( "ubnd_qldt" ) );
  CHECK( first.seq == 42 );

  // A malformed payload is reported with a warning naming it and ignored; the next change is heard.
  {
    const WarningCatcher catcher;
    REQUIRE( desk.notify( "{\"task\": \"CM-QHPK-A3\", \"kind\": \"status\"" ) );
    sent.start();
    REQUIRE( desk.notify( "{\"task\":\"CM-QHPK-B1\",\"kind\":\"value\",\"old\":null,\"new\":\"3\",\"by\":\"x\",\"db_user\":\"y\",\"seq\":43}" ) );
    REQUIRE( changed.wait( 10000 ) );
    CHECK( malformed.count() == 1 );
    CHECK( malformed.first().first().toByteArray().startsWith( "{\"task\": \"CM-QHPK-A3\"" ) );
    const QStringList warnings = WarningCatcher::warnings();
    REQUIRE( warnings.size() == 1 );
    CHECK( warnings.first().contains( QStringLiteral( "malformed" ) ) );
    CHECK( warnings.first().contains( QStringLiteral( "CM-QHPK-A3" ) ) );
  }
  REQUIRE( changed.count() == 1 );
  const RtRemoteChange second = changed.takeFirst().first().value<RtRemoteChange>();
  CHECK( second.task == QStringLiteral( "CM-QHPK-B1" ) );
  CHECK( second.oldValue.isNull() );
  CHECK( second.seq == 43 );

  // The server ends the listener's connection: lost, then back, then heard again.
  const QString pid = desk.query( "SELECT pid::text FROM pg_stat_activity WHERE application_name = $1",
                                  { QByteArrayLiteral( "Resolution Tracker (live updates)" ) } );
  REQUIRE( !pid.isEmpty() );
  REQUIRE( desk.query( "SELECT pg_terminate_backend($1::int)::text", { pid.toUtf8() } ) == QStringLiteral( "true" ) );
  REQUIRE( lost.wait( 15000 ) );
  // The server's reason, not libpq's "closed unexpectedly".
  CHECK( lost.first().first().toString().contains( QStringLiteral( "administrator command" ) ) );
  WARN( "connection lost as: " << lost.first().first().toString().toStdString() );
  REQUIRE( reconnected.wait( 15000 ) );
  CHECK( lost.count() == 1 );
  CHECK( listening.count() == 2 );
  CHECK( listener.isListening() );
  const QString newPid = desk.query( "SELECT pid::text FROM pg_stat_activity WHERE application_name = $1",
                                     { QByteArrayLiteral( "Resolution Tracker (live updates)" ) } );
  CHECK( !newPid.isEmpty() );
  CHECK( newPid != pid );

  sent.start();
  REQUIRE( desk.notify( "{\"task\":\"CM-QHPK-C2\",\"kind\":\"assignment\",\"old\":\"A\",\"new\":\"B\",\"by\":\"x\",\"db_user\":\"y\",\"seq\":44}" ) );
  REQUIRE( changed.wait( 10000 ) );
  const RtRemoteChange third = changed.takeFirst().first().value<RtRemoteChange>();
  CHECK( third.task == QStringLiteral( "CM-QHPK-C2" ) );
  CHECK( third.kind == RtRemoteChange::Kind::Assignment );
  CHECK( third.seq == 44 );

  REQUIRE( delaysMs.size() == 3 );
  WARN( "NOTIFY sent -> changed() received: " << delaysMs[0] << " ms, " << delaysMs[1] << " ms, "
        << delaysMs[2] << " ms (after the reconnect)" );

  // Stopped, it hears nothing and does not come back.
  listener.stop();
  CHECK_FALSE( listener.isListening() );
  REQUIRE( desk.notify( kStatusPayload ) );
  CHECK_FALSE( changed.wait( 700 ) );
  CHECK( listening.count() == 2 );
}
