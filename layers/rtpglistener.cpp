#include "rtpglistener.h"
#include "rttr.h"
#include "rtpgconnection.h"
#include "rtstoreschema.h"

#include "rtstorebackend.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSocketNotifier>
#include <QtGlobal>

#include <libpq-fe.h>

#include <cmath>

namespace
{
  //! How long an asynchronous connect may take before it counts as failed.
  constexpr int kConnectTimeoutMs = 10000;

  // libpq prints notices to stderr unless told otherwise; they go to the debug log, and
  // the last one is kept: when the server ends the connection it says why there
  // ("FATAL: terminating connection due to administrator command").
  void keepNotice( void *lastNotice, const char *message )
  {
    qDebug( "PostgreSQL listener: %s", message );
    *static_cast<QString *>( lastNotice ) = QString::fromUtf8( message ).trimmed();
  }

  QString libpqError( const pg_conn *conn )
  {
    const QString message = conn ? QString::fromUtf8( PQerrorMessage( conn ) ).trimmed() : QString();
    return message.isEmpty() ? rtMsg( "RtPgListener", "the connection to the server failed" ) : message;
  }

  //! A text member of the payload: a string, or a number written as text; null/absent → null QString.
  bool textMember( const QJsonObject &object, const QString &name, QString *out )
  {
    const QJsonValue value = object.value( name );
    if ( value.isUndefined() || value.isNull() )
    {
      *out = QString();
      return true;
    }
    if ( value.isString() )
    {
      *out = value.toString();
      if ( out->isNull() )
        *out = QLatin1String( "" );
      return true;
    }
    if ( value.isDouble() )
    {
      *out = value.toVariant().toString();
      return true;
    }
    return false;
  }
}

QString RtRemoteChange::kindCode( Kind kind )
{
  switch ( kind )
  {
    case Kind::Status:
      return QStringLiteral( "status" );
    case Kind::Value:
      return QStringLiteral( "value" );
    case Kind::Assignment:
      return QStringLiteral( "assignment" );
  }
  return QString();
}

RtResult<RtRemoteChange> RtRemoteChange::fromPayload( const QByteArray &payload )
{
  using Result = RtResult<RtRemoteChange>;
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson( payload, &parseError );
  if ( parseError.error != QJsonParseError::NoError )
    return Result::failure( rtMsg( "RtPgListener", "the payload is not JSON (%1 at character %2)" )
                            .arg( parseError.errorString() ).arg( parseError.offset ) );
  if ( !document.isObject() )
    return Result::failure( rtMsg( "RtPgListener", "the payload is not a JSON object" ) );
  const QJsonObject object = document.object();

  RtRemoteChange change;
  const QJsonValue task = object.value( QStringLiteral( "task" ) );
  if ( !task.isString() || task.toString().trimmed().isEmpty() )
    return Result::failure( rtMsg( "RtPgListener", "\"task\" is missing or not a task id" ) );
  change.task = task.toString().trimmed();

  const QString kind = object.value( QStringLiteral( "kind" ) ).toString();
  if ( kind == QLatin1String( "status" ) )
    change.kind = Kind::Status;
  else if ( kind == QLatin1String( "value" ) )
    change.kind = Kind::Value;
  else if ( kind == QLatin1String( "assignment" ) )
    change.kind = Kind::Assignment;
  else
    return Result::failure( rtMsg( "RtPgListener", "\"kind\" is \"%1\", not status, value or assignment" ).arg( kind ) );

  if ( !textMember( object, QStringLiteral( "old" ), &change.oldValue ) )
    return Result::failure( rtMsg( "RtPgListener", "\"old\" is neither text nor null" ) );
  if ( !textMember( object, QStringLiteral( "new" ), &change.newValue ) || change.newValue.isNull() )
    return Result::failure( rtMsg( "RtPgListener", "\"new\" is missing or not text" ) );
  if ( !textMember( object, QStringLiteral( "by" ), &change.by ) )
    return Result::failure( rtMsg( "RtPgListener", "\"by\" is not text" ) );
  if ( !textMember( object, QStringLiteral( "db_user" ), &change.dbUser ) )
    return Result::failure( rtMsg( "RtPgListener", "\"db_user\" is not text" ) );

  const QJsonValue seq = object.value( QStringLiteral( "seq" ) );
  const double seqNumber = seq.toDouble( -1 );
  if ( !seq.isDouble() || seqNumber < 0 || seqNumber != std::floor( seqNumber ) || seqNumber > 9007199254740992.0 )
    return Result::failure( rtMsg( "RtPgListener", "\"seq\" is missing or not a whole number" ) );
  change.seq = static_cast<qint64>( seqNumber );
  return Result::success( change );
}

QString RtPgListener::channel()
{
  return RtStoreSchema::changeChannel(); // the channel the register's triggers notify on
}

RtPgListener::RtPgListener( const QString &connectionInfo, QObject *parent )
  : QObject( parent )
  , mConnectionInfo( connectionInfo )
{
  qRegisterMetaType<RtRemoteChange>( "RtRemoteChange" );
  mRetryTimer.setSingleShot( true );
  connect( &mRetryTimer, &QTimer::timeout, this, &RtPgListener::attemptConnect );
  mConnectTimeout.setSingleShot( true );
  connect( &mConnectTimeout, &QTimer::timeout, this, &RtPgListener::onConnectTimeout );
}

RtPgListener::~RtPgListener()
{
  mNotifier.reset();
  if ( mConn )
    PQfinish( mConn );
}

QString RtPgListener::displayLocation() const
{
  return RtStoreBackends::displayLocation( mConnectionInfo );
}

int RtPgListener::retryDelayMs( int failedAttempts )
{
  const int doublings = qBound( 0, failedAttempts, 5 );
  return qMin( 500 << doublings, 10000 );
}

void RtPgListener::start()
{
  if ( mState != State::Idle )
    return;
  mFailedAttempts = 0;
  mLost = false;
  attemptConnect();
}

void RtPgListener::stop()
{
  mRetryTimer.stop();
  mConnectTimeout.stop();
  closeConnection();
  mState = State::Idle;
  mLost = false;
  mFailedAttempts = 0;
}

void RtPgListener::attemptConnect()
{
  closeConnection();
  // The caller's connection string goes last (expanded as "dbname"), so what it states wins
  // over these defaults; keepalives make a silently dead link show up as a dropped one.
  const RtResult<QString> connection = RtPgConnection::connectionString( mConnectionInfo );
  if ( !connection.ok() )
  {
    fail( connection.error() );
    return;
  }
  const QByteArray info = connection.value().toUtf8();
  const char *const keywords[] = { "application_name", "client_encoding", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "dbname", nullptr };
  const char *const values[] = { "Resolution Tracker (live updates)", "UTF8", "1", "30", "10", "3", info.constData(), nullptr };
  mConn = PQconnectStartParams( keywords, values, 1 );
  if ( !mConn )
  {
    fail( rtMsg( "RtPgListener", "out of memory while connecting" ) );
    return;
  }
  if ( PQstatus( mConn ) == CONNECTION_BAD )
  {
    fail( libpqError( mConn ) );
    return;
  }
  mLastNotice.clear();
  PQsetNoticeProcessor( mConn, keepNotice, &mLastNotice );
  mState = State::Connecting;
  mConnectTimeout.start( kConnectTimeoutMs );
  // libpq's protocol: start as if the last poll had asked to wait for writing.
  watchSocket( true );
}

void RtPgListener::onConnectTimeout()
{
  if ( mState == State::Connecting || mState == State::Subscribing )
    fail( rtMsg( "RtPgListener", "the server did not answer within %1 seconds" ).arg( kConnectTimeoutMs / 1000 ) );
}

void RtPgListener::onSocketActivity()
{
  switch ( mState )
  {
    case State::Connecting:
      pollConnect();
      break;
    case State::Subscribing:
      readListenResult();
      break;
    case State::Listening:
      readNotifications();
      break;
    case State::Idle:
    case State::Waiting:
      break;
  }
}

void RtPgListener::pollConnect()
{
  switch ( PQconnectPoll( mConn ) )
  {
    case PGRES_POLLING_READING:
      watchSocket( false );
      return;
    case PGRES_POLLING_WRITING:
      watchSocket( true );
      return;
    case PGRES_POLLING_FAILED:
      fail( libpqError( mConn ) );
      return;
    case PGRES_POLLING_OK:
    case PGRES_POLLING_ACTIVE:
      break;
  }
  if ( PQstatus( mConn ) != CONNECTION_OK )
  {
    watchSocket( false );
    return;
  }
  // The channel is a constant identifier, not a value: nothing to bind.
  const QByteArray listen = QByteArrayLiteral( "LISTEN " ) + channel().toLatin1();
  if ( !PQsendQuery( mConn, listen.constData() ) )
  {
    fail( libpqError( mConn ) );
    return;
  }
  mState = State::Subscribing;
  watchSocket( false );
}

void RtPgListener::readListenResult()
{
  if ( !PQconsumeInput( mConn ) )
  {
    fail( libpqError( mConn ) );
    return;
  }
  QString error;
  while ( !PQisBusy( mConn ) )
  {
    PGresult *result = PQgetResult( mConn );
    if ( !result )
    {
      // Every result of LISTEN is in.
      if ( !error.isEmpty() )
      {
        fail( error );
        return;
      }
      mConnectTimeout.stop();
      mState = State::Listening;
      mFailedAttempts = 0;
      const bool wasLost = mLost;
      mLost = false;
      emit listening();
      if ( wasLost && mState == State::Listening )
        emit reconnected();
      if ( mState == State::Listening )
        readNotifications();  // some may have come with LISTEN's answer
      return;
    }
    if ( PQresultStatus( result ) != PGRES_COMMAND_OK && error.isEmpty() )
      error = QString::fromUtf8( PQresultErrorMessage( result ) ).trimmed();
    PQclear( result );
  }
}

void RtPgListener::readNotifications()
{
  if ( !PQconsumeInput( mConn ) )
  {
    fail( libpqError( mConn ) );
    return;
  }
  while ( PGnotify *notify = PQnotifies( mConn ) )
  {
    const QString channelName = QString::fromUtf8( notify->relname );
    const QByteArray payload( notify->extra );
    PQfreemem( notify );
    if ( channelName != channel() )
      continue;
    const RtResult<RtRemoteChange> change = RtRemoteChange::fromPayload( payload );
    if ( change.ok() )
    {
      emit changed( change.value() );
    }
    else
    {
      qWarning( "%s: ignored a notification on %s whose payload is malformed: %s (payload: %s)",
                qPrintable( displayLocation() ), qPrintable( channel() ), qPrintable( change.error() ), payload.left( 200 ).constData() );
      emit malformedPayload( payload, change.error() );
    }
    if ( mState != State::Listening )
      return;  // a slot stopped the listener
  }
  if ( mConn && PQstatus( mConn ) == CONNECTION_BAD )
    fail( libpqError( mConn ) );
}

void RtPgListener::watchSocket( bool forWrite )
{
  const int socket = PQsocket( mConn );
  if ( socket < 0 )
  {
    fail( libpqError( mConn ) );
    return;
  }
  const QSocketNotifier::Type type = forWrite ? QSocketNotifier::Write : QSocketNotifier::Read;
  if ( mNotifier && mNotifier->socket() == socket && mNotifier->type() == type )
  {
    mNotifier->setEnabled( true );
    return;
  }
  if ( mNotifier )
  {
    // This may run inside the old notifier's own signal: let Qt delete it later.
    mNotifier->setEnabled( false );
    mNotifier.release()->deleteLater();
  }
  mNotifier = std::make_unique<QSocketNotifier>( socket, type );
  // activated() is overloaded in Qt 5.15 and 6 (descriptor and the deprecated int form).
  connect( mNotifier.get(), SIGNAL( activated( QSocketDescriptor, QSocketNotifier::Type ) ), this, SLOT( onSocketActivity() ) );
}

void RtPgListener::closeConnection()
{
  if ( mNotifier )
  {
    mNotifier->setEnabled( false );
    mNotifier.release()->deleteLater();
  }
  if ( mConn )
  {
    PQfinish( mConn );
    mConn = nullptr;
  }
}

void RtPgListener::fail( const QString &libpqWhy )
{
  // The server's own reason, when it gave one, says more than "closed unexpectedly".
  const QString why = mLastNotice.startsWith( QLatin1String( "FATAL" ) ) ? mLastNotice : libpqWhy;
  mLastNotice.clear();
  closeConnection();
  mConnectTimeout.stop();
  mState = State::Waiting;
  mRetryTimer.start( retryDelayMs( mFailedAttempts++ ) );
  if ( !mLost )
  {
    mLost = true;
    emit connectionLost( why );
  }
}
