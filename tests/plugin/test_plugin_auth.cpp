// A register on a PostgreSQL server opened in the plugin with a QGIS authentication
// configuration: QGIS's own authentication manager (a real, encrypted database in the test's
// profile) gives the user name and password, the change is recorded under that login, and
// the project keeps the connection and the configuration's id, never the password.
#include "catch_compat.h"
#include "backendtestutil.h"
#include "register172.h"

#include "rtqgisauth.h"
#include "rtserverdialog.h"
#include "rtstatus.h"
#include "rttracker.h"

#include <qgsapplication.h>
#include <qgsauthmanager.h>
#include <qgsauthconfig.h>
#include <qgsproject.h>

#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

namespace
{
  struct QgisAuthInstalled
  {
    QgisAuthInstalled() { RtQgisAuth::install(); }
    ~QgisAuthInstalled() { RtQgisAuth::uninstall(); }
  };
}

TEST_CASE( "a register on a server opened with a QGIS authentication configuration records the login's changes and keeps no password in the project", "[plugin][pg][auth]" )
{
  if ( qEnvironmentVariableIsEmpty( "RT_TEST_PG_ENV" ) )
    qputenv( "RT_TEST_PG_ENV", RT_PG_TEST_ENV_FILE );
  const RtTestRegisterLocation where( "pg" );
  const QString uri = rtCreate172( where.location() );
  const QString login = QStringLiteral( "desk_qgis_auth_%1" ).arg( QCoreApplication::applicationPid() );
  const QString password = QStringLiteral( "Trà Cổ 'b\\c' & d=e" );
  RtTestPgDatabase::execute( uri, QStringLiteral( "DROP ROLE IF EXISTS %1" ).arg( login ) );
  REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "CREATE ROLE %1 LOGIN PASSWORD 'Trà Cổ ''b\\c'' & d=e'" ).arg( login ) ).isEmpty() );
  REQUIRE( RtTestPgDatabase::execute( uri, QStringLiteral( "GRANT rt_admin TO %1" ).arg( login ) ).isEmpty() );

  // QGIS's authentication database (in the test's own profile), a master password, a Basic configuration.
  QgsAuthManager *auth = QgsApplication::authManager();
  REQUIRE( auth );
  INFO( auth->disabledMessage().toStdString() );
  REQUIRE_FALSE( auth->isDisabled() );
  auth->setPasswordHelperEnabled( false );
  REQUIRE( auth->setMasterPassword( QStringLiteral( "master password of the test" ), true ) );
  QgsAuthMethodConfig config( QStringLiteral( "Basic" ) );
  config.setName( QStringLiteral( "Sổ theo dõi Móng Cái" ) );
  config.setConfig( QStringLiteral( "username" ), login );
  config.setConfig( QStringLiteral( "password" ), password );
  REQUIRE( auth->storeAuthenticationConfig( config ) );
  const QString id = config.id();
  REQUIRE_FALSE( id.isEmpty() );
  QgisAuthInstalled installed;

  // The server as the project will keep it: no user, no password.
  QUrl server( uri );
  server.setUserName( QString() );
  server.setPassword( QString() );
  QgsProject project;
  RtTracker tracker( &project );
  {
    RtServerDialog dialog( &tracker );
    dialog.setConnection( server.toString() );
    dialog.setAuthConfigId( id );
    CHECK( dialog.location().contains( QStringLiteral( "authcfg=" ) + id ) );
    dialog.accept();
    INFO( dialog.message().toStdString() );
    REQUIRE( dialog.result() == QDialog::Accepted );
  }
  REQUIRE( tracker.hasRegister() );

  RtStatusChange change;
  change.taskId = QStringLiteral( "CM-QHPK-A3" );
  change.newStatus = RtStatus::Done;
  change.by = QStringLiteral( "Phòng Quản lý đô thị" );
  change.date = QDate( 2024, 5, 2 );
  const RtStatusResult saved = tracker.changeStatus( change );
  INFO( saved.error().toStdString() );
  REQUIRE( saved.ok() );
  CHECK( RtTestPgDatabase::scalar( uri, QStringLiteral( "SELECT db_user FROM restrack.rt_status_history WHERE task_id = 'CM-QHPK-A3' ORDER BY seq DESC LIMIT 1" ) ) == login );

  // The project: the connection and the id, not the password (nor the test's superuser's).
  const QString kept = project.readEntry( RtTracker::projectScope(), QStringLiteral( "/registerPath" ) );
  CHECK( kept.contains( QStringLiteral( "authcfg=" ) + id ) );
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString projectFile = dir.filePath( QStringLiteral( "council.qgs" ) );
  REQUIRE( project.write( projectFile ) );
  QFile written( projectFile );
  REQUIRE( written.open( QIODevice::ReadOnly ) );
  const QString text = QString::fromUtf8( written.readAll() );
  CHECK( text.contains( QStringLiteral( "authcfg=" ) + id ) );
  CHECK_FALSE( text.contains( QStringLiteral( "Trà Cổ" ) ) );
  CHECK_FALSE( text.contains( QUrl( uri ).password() ) );

  // A configuration QGIS does not have: refused with its id; the register open stays open.
  {
    RtServerDialog dialog( &tracker );
    dialog.setConnection( server.toString() + QStringLiteral( "?authcfg=zz99999" ) );
    dialog.accept();
    CHECK( dialog.result() != QDialog::Accepted );
    CHECK( dialog.message().contains( QStringLiteral( "authcfg=zz99999" ) ) );
    CHECK( dialog.message().contains( QStringLiteral( "no configuration" ) ) );
  }
  CHECK( tracker.registerPath().contains( QStringLiteral( "authcfg=" ) + id ) );
  RtTestPgDatabase::execute( uri, QStringLiteral( "DROP OWNED BY %1" ).arg( login ) );
}
