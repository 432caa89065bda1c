// The "Add a resolution…" wizard driven as a user drives it (offscreen): a new text's draft
// tasks ticked and edited into the register, and a text already in the register refused.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtaddresolutionwizard.h"
#include "rtcity.h"
#include "rtstore.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

namespace
{
  QString corpusText( const QString &name )
  {
    return RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/corpus/" ) + name;
  }

  //! Fills in the file and goes to the task page.
  QTableWidget *toTasks( RtAddResolutionWizard &wizard, const QString &text )
  {
    auto *file = wizard.findChild<QLineEdit *>( QStringLiteral( "RtAddResolutionFile" ) );
    REQUIRE( file );
    file->setText( text );
    wizard.next();
    auto *problem = wizard.findChild<QLabel *>( QStringLiteral( "RtAddResolutionFileProblem" ) );
    REQUIRE( problem );
    INFO( problem->text().toStdString() );
    REQUIRE( wizard.currentId() == 1 );
    wizard.next();
    REQUIRE( wizard.currentId() == 2 );
    auto *table = wizard.findChild<QTableWidget *>( QStringLiteral( "RtAddResolutionTasks" ) );
    REQUIRE( table );
    return table;
  }
}

TEST_CASE( "the add-a-resolution wizard saves the resolution with exactly the ticked tasks as edited", "[plugin][wizard]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( RtMapTest::buildRegister( db ) );

  RtAddResolutionWizard wizard( db, RtCity::bundled(), RtLang::Vi );
  wizard.show();
  auto *file = wizard.findChild<QLineEdit *>( QStringLiteral( "RtAddResolutionFile" ) );
  REQUIRE( file );
  // A file that is not there is named, and the wizard stays on the first page.
  file->setText( dir.filePath( QStringLiteral( "missing.txt" ) ) );
  wizard.next();
  CHECK( wizard.currentId() == 0 );
  CHECK( wizard.findChild<QLabel *>( QStringLiteral( "RtAddResolutionFileProblem" ) )->text().contains( QStringLiteral( "missing.txt" ) ) );

  QTableWidget *table = toTasks( wizard, corpusText( QStringLiteral( "01-nq-thu-hoi-dat-2024.txt" ) ) );
  // The header and the clause tree, for checking.
  const QString header = wizard.findChild<QLabel *>( QStringLiteral( "RtAddResolutionHeader" ) )->text();
  CHECK( header.contains( QStringLiteral( "45/NQ-HĐND" ) ) );
  CHECK( header.contains( QStringLiteral( "15/12/2023" ) ) );
  CHECK( wizard.findChild<QTreeWidget *>( QStringLiteral( "RtAddResolutionClauses" ) )->topLevelItemCount() > 0 );

  REQUIRE( table->rowCount() >= 3 );
  QStringList ids;
  for ( int row = 0; row < table->rowCount(); ++row )
  {
    CHECK( table->item( row, RtAddResolutionWizard::ColumnTask )->checkState() == Qt::Checked );
    ids << table->item( row, RtAddResolutionWizard::ColumnTask )->text();
  }
  table->item( 0, RtAddResolutionWizard::ColumnTask )->setCheckState( Qt::Unchecked );
  const QString edited = QStringLiteral( "Hoàn thành bồi thường, giải phóng mặt bằng (đã sửa)" );
  table->item( 1, RtAddResolutionWizard::ColumnTitle )->setText( edited );

  wizard.button( QWizard::FinishButton )->click();
  INFO( wizard.findChild<QLabel *>( QStringLiteral( "RtAddResolutionSaveProblem" ) )->text().toStdString() );
  CHECK( wizard.result() == QDialog::Accepted );
  CHECK( wizard.addedNumber() == QStringLiteral( "45/NQ-HĐND" ) );

  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( db, false );
  REQUIRE( store.ok() );
  const RtResult<QVector<RtDocumentInfo>> resolutions = store.value()->resolutions();
  REQUIRE( resolutions.ok() );
  REQUIRE( resolutions.value().size() == 2 );
  CHECK( resolutions.value().at( 1 ).number == QStringLiteral( "45/NQ-HĐND" ) );
  CHECK( resolutions.value().at( 1 ).sourceName == QStringLiteral( "01-nq-thu-hoi-dat-2024.txt" ) );
  const RtResult<QVector<RtTask>> tasks = store.value()->tasks( { QStringLiteral( "45/NQ-HĐND" ) } );
  REQUIRE( tasks.ok() );
  CHECK( tasks.value().size() == ids.size() - 1 );
  // The unticked task is not there; the edited one has the new title.
  CHECK_FALSE( store.value()->resolveTaskId( ids.at( 0 ), QStringLiteral( "45/NQ-HĐND" ) ).ok() );
  const RtResult<QString> editedId = store.value()->resolveTaskId( ids.at( 1 ), QStringLiteral( "45/NQ-HĐND" ) );
  REQUIRE( editedId.ok() );
  const RtResult<RtTask> editedTask = store.value()->task( editedId.value() );
  REQUIRE( editedTask.ok() );
  CHECK( editedTask.value().titleVi == edited );
}

TEST_CASE( "the add-a-resolution wizard refuses a text whose number is in the register and writes nothing", "[plugin][wizard][bad-input]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( RtMapTest::buildRegister( db ) );
  int tasksBefore = 0;
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( db, false );
    REQUIRE( store.ok() );
    tasksBefore = store.value()->tasks().value().size();
  }

  RtAddResolutionWizard wizard( db, RtCity::bundled(), RtLang::Vi );
  wizard.show();
  QTableWidget *table = toTasks( wizard, RtTestPaths::resolutionText() );
  CHECK( table->rowCount() > 0 );
  wizard.button( QWizard::FinishButton )->click();
  CHECK( wizard.result() != QDialog::Accepted );
  CHECK( wizard.currentId() == 2 );
  CHECK( wizard.addedNumber().isEmpty() );
  const QString problem = wizard.findChild<QLabel *>( QStringLiteral( "RtAddResolutionSaveProblem" ) )->text();
  INFO( problem.toStdString() );
  CHECK( problem.contains( QStringLiteral( "holds resolution 172/NQ-HĐND already" ) ) );

  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( db, false );
  REQUIRE( store.ok() );
  CHECK( store.value()->resolutions().value().size() == 1 );
  CHECK( store.value()->tasks().value().size() == tasksBefore );
}
