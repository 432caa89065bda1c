#include "rtserverdialog.h"

#include "rtpgconnection.h"
#include "rtstorebackend.h"
#include "rttracker.h"

#include <qgsabstractproviderconnection.h>
#include <qgsauthconfigselect.h>
#include <qgsdatasourceuri.h>
#include <qgsprovidermetadata.h>
#include <qgsproviderregistry.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

RtServerDialog::RtServerDialog( RtTracker *tracker, QWidget *parent )
  : QDialog( parent )
  , mTracker( tracker )
{
  setWindowTitle( tr( "Open a Register on a Server" ) );
  QVBoxLayout *layout = new QVBoxLayout( this );
  QFormLayout *form = new QFormLayout();
  mQgisConnections = new QComboBox( this );
  mQgisConnections->addItem( tr( "(written below)" ) );
  // QGIS's own PostgreSQL connections (Browser ▸ PostgreSQL), as the user made them.
  if ( QgsProviderMetadata *postgres = QgsProviderRegistry::instance()->providerMetadata( QStringLiteral( "postgres" ) ) )
  {
    try
    {
      const QMap<QString, QgsAbstractProviderConnection *> connections = postgres->connections( false );
      for ( auto it = connections.constBegin(); it != connections.constEnd(); ++it )
        mQgisConnections->addItem( it.key(), locationOf( QgsDataSourceUri( it.value()->uri() ) ) );
    }
    catch ( const QgsProviderConnectionException & )
    {
      // No readable connection: the user writes one.
    }
  }
  form->addRow( tr( "QGIS connection" ), mQgisConnections );
  mConnection = new QLineEdit( this );
  mConnection->setPlaceholderText( QStringLiteral( "service=mongcai  |  host=… dbname=…  |  postgresql://host/db" ) );
  form->addRow( tr( "Connection" ), mConnection );
  mAuth = new QgsAuthConfigSelect( this, QStringLiteral( "postgres" ) );
  form->addRow( tr( "Authentication" ), mAuth );
  layout->addLayout( form );
  QLabel *note = new QLabel( tr( "Without an authentication configuration the user name comes from the connection or pg_service.conf "
                                 "and the password from ~/.pgpass. The project keeps the connection, never a password." ), this );
  note->setWordWrap( true );
  layout->addWidget( note );
  mMessage = new QLabel( this );
  mMessage->setWordWrap( true );
  mMessage->setTextInteractionFlags( Qt::TextSelectableByMouse );
  layout->addWidget( mMessage );
  QDialogButtonBox *buttons = new QDialogButtonBox( QDialogButtonBox::Open | QDialogButtonBox::Cancel, this );
  layout->addWidget( buttons );
  connect( buttons, &QDialogButtonBox::accepted, this, &RtServerDialog::accept );
  connect( buttons, &QDialogButtonBox::rejected, this, &QDialog::reject );
  connect( mQgisConnections, qOverload<int>( &QComboBox::currentIndexChanged ), this, &RtServerDialog::useQgisConnection );
  resize( 620, 260 );
}

QString RtServerDialog::locationOf( const QgsDataSourceUri &connection )
{
  QgsDataSourceUri kept( connection );
  kept.setPassword( QString() );
  return RtPgConnection::withAuthConfig( kept.connectionInfo( false ), connection.authConfigId() );
}

void RtServerDialog::useQgisConnection( int index )
{
  const QString location = mQgisConnections->itemData( index ).toString();
  if ( location.isEmpty() )
    return;
  // The connection's own authentication configuration, shown in its selector.
  mAuth->setConfigId( RtPgConnection::authConfigId( location ) );
  mConnection->setText( RtPgConnection::withAuthConfig( location, QString() ) );
}

QString RtServerDialog::location() const
{
  // The configuration chosen, else one the connection names itself.
  const QString text = mConnection->text().trimmed();
  const QString id = mAuth->configId().isEmpty() ? RtPgConnection::authConfigId( text ) : mAuth->configId();
  return RtPgConnection::withAuthConfig( text, id );
}

void RtServerDialog::setConnection( const QString &connection )
{
  mConnection->setText( connection );
}

void RtServerDialog::setAuthConfigId( const QString &id )
{
  mAuth->setConfigId( id );
}

QString RtServerDialog::message() const
{
  return mMessage->text();
}

void RtServerDialog::accept()
{
  const QString where = location();
  if ( where.isEmpty() || RtStoreBackends::kindOf( where ) != RtStoreBackends::Kind::PostgreSql )
  {
    mMessage->setText( tr( "Give a server's connection: service=NAME, host=… dbname=…, or postgresql://host/database." ) );
    return;
  }
  if ( !mTracker )
    return;
  const RtStatusResult opened = mTracker->openRegister( where, true );
  if ( !opened.ok() )
  {
    mMessage->setText( tr( "Cannot open the register: %1" ).arg( opened.error() ) );
    return;
  }
  QDialog::accept();
}
