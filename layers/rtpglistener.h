#ifndef RTPGLISTENER_H
#define RTPGLISTENER_H

#include "rtresult.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QSocketNotifier;
struct pg_conn;

/**
 * One change another desk wrote to a PostgreSQL register, as the server announces it
 * (NOTIFY on RtPgListener::channel(), one per history row).
 */
struct RtRemoteChange
{
  enum class Kind
  {
    Status,      //!< "status": old/new are status codes (RtStatuses::fromCode)
    Value,       //!< "value": old/new are the reported value as text
    Assignment,  //!< "assignment": old/new are the lead office
  };

  QString task;      //!< task id, e.g. "CM-QHPK-A3"
  Kind kind = Kind::Status;
  QString oldValue;  //!< null (QString::isNull) when the payload's "old" is null or absent
  QString newValue;
  QString by;        //!< who, as recorded ("Phòng QLĐT"); may be empty
  QString dbUser;    //!< the database role that wrote it ("ubnd_qldt"); may be empty
  qint64 seq = 0;    //!< the history row's sequence number

  //! "status", "value" or "assignment".
  static QString kindCode( Kind kind );
  /**
   * Parses a NOTIFY payload: a JSON object {"task", "kind", "old", "new", "by", "db_user",
   * "seq"}. "task", "kind", "new" and "seq" are required; "old" may be null. A failure
   * says in words what is wrong with it.
   */
  static RtResult<RtRemoteChange> fromPayload( const QByteArray &payload );
};
Q_DECLARE_METATYPE( RtRemoteChange )

/**
 * \brief Listens to a PostgreSQL register for changes written by other desks
 * (LISTEN restrack_changes) and reports each one as changed(), on the thread that owns it,
 * without blocking its event loop.
 *
 * The connection is made asynchronously (PQconnectStartParams, the socket watched by a
 * QSocketNotifier); when it fails or drops, connectionLost() is emitted once, and the
 * listener keeps trying again after 0.5 s, 1 s, 2 s, … at most 10 s apart until it is
 * back; then reconnected() is emitted.
 *
 * \warning Notifications sent while the listener was not connected are lost: the server
 * keeps none for a listener that is away. After reconnected() the caller must read the
 * register again in full; changed() covers only what happened while connected. The same
 * holds between the caller's first read and listening() after start().
 *
 * A payload that does not parse is reported (malformedPayload() and a warning naming it)
 * and ignored.
 */
class RtPgListener : public QObject
{
    Q_OBJECT

  public:
    //! The channel the register's triggers notify on.
    static QString channel();

    /**
     * \a connectionInfo as RtStoreBackends takes it: "postgresql://…", "postgres://…" or a
     * libpq connection string ("service=NAME", "host=… dbname=…").
     */
    explicit RtPgListener( const QString &connectionInfo, QObject *parent = nullptr );
    ~RtPgListener() override;

    //! Starts connecting (returns at once); listening() tells when changes are heard.
    void start();
    //! Disconnects and stops trying to reconnect.
    void stop();

    //! LISTEN is in effect: changes are heard now.
    bool isListening() const { return mState == State::Listening; }
    //! The connection string it was made with.
    QString connectionInfo() const { return mConnectionInfo; }
    //! The connection as shown in messages (no password).
    QString displayLocation() const;
    //! The wait before the next attempt after \a failedAttempts failed ones (0.5 s doubling, at most 10 s).
    static int retryDelayMs( int failedAttempts );

  signals:
    //! LISTEN took effect (after start() and after every reconnect).
    void listening();
    void changed( const RtRemoteChange &change );
    //! The connection failed or dropped (\a why: libpq's reason); emitted once per outage.
    void connectionLost( const QString &why );
    //! Listening again after connectionLost(): read the register again, changes meanwhile were not heard.
    void reconnected();
    //! A notification on the channel whose payload is not a change (\a why says what is wrong).
    void malformedPayload( const QByteArray &payload, const QString &why );

  private slots:
    void onSocketActivity();
    void onConnectTimeout();
    void attemptConnect();

  private:
    enum class State
    {
      Idle,        //!< not started or stopped
      Connecting,  //!< PQconnectPoll in progress
      Subscribing, //!< LISTEN sent, waiting for its result
      Listening,
      Waiting,     //!< waiting to retry
    };

    //! Advances the asynchronous connect; the socket to wait on may change at each step.
    void pollConnect();
    void readListenResult();
    void readNotifications();
    //! Watches the connection's socket for reading (\a forWrite: for writing instead).
    void watchSocket( bool forWrite );
    void closeConnection();
    void fail( const QString &libpqWhy );

    QString mConnectionInfo;
    State mState = State::Idle;
    pg_conn *mConn = nullptr;  //!< owned; PQfinish() in closeConnection()
    std::unique_ptr<QSocketNotifier> mNotifier;
    QTimer mRetryTimer;
    QTimer mConnectTimeout;  //!< libpq enforces no timeout on an asynchronous connect
    int mFailedAttempts = 0;
    QString mLastNotice;  //!< the server's last notice on this connection
    bool mLost = false;  //!< connectionLost() emitted and not yet followed by reconnected()
};

#endif // RTPGLISTENER_H
