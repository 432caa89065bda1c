#ifndef RTSERVERDIALOG_H
#define RTSERVERDIALOG_H

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QgsAuthConfigSelect;
class QgsDataSourceUri;
class RtTracker;

/**
 * \brief Opens a register kept on a PostgreSQL server: one of QGIS's own PostgreSQL
 * connections, or a connection written out (service=NAME, host=… dbname=…,
 * postgresql://…), with the user name and password from an authentication configuration
 * of QGIS (authcfg) or from pg_service.conf / ~/.pgpass. The project then keeps the
 * location only: never a password.
 */
class RtServerDialog : public QDialog
{
    Q_OBJECT

  public:
    RtServerDialog( RtTracker *tracker, QWidget *parent = nullptr );

    //! The register's location as the project will keep it (no password).
    QString location() const;
    //! What the project keeps for one of QGIS's connections: its server, database and authcfg, no password.
    static QString locationOf( const QgsDataSourceUri &connection );

    //! For tests: the connection written out, and the authentication configuration chosen.
    void setConnection( const QString &connection );
    void setAuthConfigId( const QString &id );
    QString message() const;

  public slots:
    //! Opens the register; stays open with the reason when it cannot.
    void accept() override;

  private:
    void useQgisConnection( int index );

    QPointer<RtTracker> mTracker;
    QComboBox *mQgisConnections = nullptr;
    QLineEdit *mConnection = nullptr;
    QgsAuthConfigSelect *mAuth = nullptr;
    QLabel *mMessage = nullptr;
};

#endif // RTSERVERDIALOG_H
