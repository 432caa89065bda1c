// The "Import an office report…" dialog driven as a user drives it (offscreen): a filled
// form checked (a dry run that writes nothing), then applied; a bad row refuses the form.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtimportreportdialog.h"
#include "rtreportform.h"
#include "rtstore.h"
#include "rttracker.h"

#include <qgsproject.h>

#include <QTemporaryDir>

namespace
{
  const QString A3 = QStringLiteral( "CM-QHPK-A3" );

  //! The CSV form of zone A3 with task A3's new status typed in (as in a text editor).
  QString filledForm( const QTemporaryDir &dir, const QString &db, const QString &newStatus )
  {
    const QString path = dir.filePath( QStringLiteral( "a3-%1.csv" ).arg( newStatus ) );
    {
      RtResult<std::unique_ptr<RtStore>> store = RtStore::open( db, false );
      REQUIRE( store.ok() );
      RtReportFormRequest request;
      request.place = QStringLiteral( "zone:A3" );
      const RtResult<int> written = RtReportForm::write( *store.value(), request, path, false );
      INFO( written.error().toStdString() );
      REQUIRE( written.ok() );
    }
    QString text = QString::fromUtf8( rtReadAll( path ) );
    const QString empty = QStringLiteral( "in_progress,Đang thực hiện,,,,," );
    REQUIRE( text.count( empty ) == 1 );
    text.replace( empty, QStringLiteral( "in_progress,Đang thực hiện,%1,,,," ).arg( newStatus ) );
    REQUIRE( rtWriteAll( path, text.toUtf8() ) );
    return path;
  }
}

TEST_CASE( "the import-report dialog checks a filled form, then applies it", "[plugin][reportimport]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( RtMapTest::buildRegister( db ) );
  QgsProject project;
  RtTracker tracker( &project );
  REQUIRE( tracker.openRegister( db ).ok() );
  REQUIRE( tracker.currentTask( A3 )->status == RtStatus::InProgress );

  RtImportReportDialog dialog( &tracker );
  dialog.setReportedBy( QStringLiteral( "Phòng QLĐT" ) );
  // A bad status: listed with its reason, nothing can be applied.
  dialog.setFormPath( filledForm( dir, db, QStringLiteral( "xyz" ) ) );
  dialog.check();
  CHECK( dialog.listedRows() == 1 );
  CHECK( dialog.refusedRows() == 1 );
  CHECK_FALSE( dialog.canApply() );

  dialog.setFormPath( filledForm( dir, db, QStringLiteral( "Hoàn thành" ) ) );
  dialog.check();
  CHECK( dialog.listedRows() == 1 );
  CHECK( dialog.refusedRows() == 0 );
  REQUIRE( dialog.canApply() );
  CHECK( tracker.currentTask( A3 )->status == RtStatus::InProgress ); // the check wrote nothing
  dialog.apply();
  CHECK( tracker.currentTask( A3 )->status == RtStatus::Done );
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( db, false );
  REQUIRE( store.ok() );
  CHECK( store.value()->history( A3 ).value().constLast().by == QStringLiteral( "Phòng QLĐT" ) );
}
