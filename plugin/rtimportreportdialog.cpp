#include "rtimportreportdialog.h"

#include "rtreportimport.h"
#include "rtstore.h"
#include "rttracker.h"

#include <qgsfilewidget.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

RtImportReportDialog::RtImportReportDialog( RtTracker *tracker, QWidget *parent )
  : QDialog( parent )
  , mTracker( tracker )
{
  setWindowTitle( tr( "Import an Office Report" ) );
  QVBoxLayout *layout = new QVBoxLayout( this );
  QFormLayout *form = new QFormLayout();
  mFile = new QgsFileWidget( this );
  mFile->setStorageMode( QgsFileWidget::GetFile );
  mFile->setFilter( tr( "Report forms (*.xlsx *.ods *.csv)" ) );
  form->addRow( tr( "Filled form" ), mFile );
  mBy = new QLineEdit( this );
  mBy->setPlaceholderText( tr( "the office or person reporting" ) );
  form->addRow( tr( "Reported by" ), mBy );
  layout->addLayout( form );

  mRows = new QTableWidget( 0, 3, this );
  mRows->setHorizontalHeaderLabels( { tr( "Row" ), tr( "Task" ), tr( "What it records, or why it is refused" ) } );
  mRows->horizontalHeader()->setStretchLastSection( true );
  mRows->verticalHeader()->setVisible( false );
  mRows->setEditTriggers( QAbstractItemView::NoEditTriggers );
  layout->addWidget( mRows );
  mSummary = new QLabel( this );
  mSummary->setWordWrap( true );
  layout->addWidget( mSummary );

  QDialogButtonBox *buttons = new QDialogButtonBox( QDialogButtonBox::Close, this );
  QPushButton *checkButton = buttons->addButton( tr( "Check" ), QDialogButtonBox::ActionRole );
  mApply = buttons->addButton( tr( "Apply" ), QDialogButtonBox::ApplyRole );
  mApply->setEnabled( false );
  layout->addWidget( buttons );
  connect( checkButton, &QPushButton::clicked, this, &RtImportReportDialog::check );
  connect( mApply, &QPushButton::clicked, this, &RtImportReportDialog::apply );
  connect( buttons, &QDialogButtonBox::rejected, this, &QDialog::reject );
  // A new file or name: what was checked no longer holds.
  connect( mFile, &QgsFileWidget::fileChanged, this, &RtImportReportDialog::check );
  connect( mBy, &QLineEdit::textEdited, this, [this] { mApply->setEnabled( false ); } );
  resize( 760, 420 );
}

void RtImportReportDialog::setFormPath( const QString &path )
{
  mFile->setFilePath( path );
}

void RtImportReportDialog::setReportedBy( const QString &by )
{
  mBy->setText( by );
}

int RtImportReportDialog::listedRows() const
{
  return mRows->rowCount();
}

bool RtImportReportDialog::canApply() const
{
  return mApply->isEnabled();
}

void RtImportReportDialog::check()
{
  mApply->setEnabled( false );
  mRows->setRowCount( 0 );
  mRefused = 0;
  if ( !mTracker || !mTracker->hasRegister() )
    return showFailure( tr( "No register is open." ) );
  if ( mFile->filePath().isEmpty() )
    return showFailure( tr( "Choose the filled form." ) );
  if ( mBy->text().trimmed().isEmpty() )
    return showFailure( tr( "Say who reports (the office or person)." ) );
  // Writable even for the check: the store checks a batch under its write lock, then rolls back.
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( mTracker->registerPath(), true );
  if ( !store.ok() )
    return showFailure( store.error() );
  const RtResult<RtReportImportOutcome> outcome = RtReportImport::import( *store.value(), mFile->filePath(), mBy->text(), true );
  if ( !outcome.ok() )
    return showFailure( outcome.error() );
  showOutcome( outcome.value() );
  mApply->setEnabled( outcome.value().errors.isEmpty() && !outcome.value().changes.isEmpty() );
}

void RtImportReportDialog::apply()
{
  if ( !mTracker || !mTracker->hasRegister() )
    return showFailure( tr( "No register is open." ) );
  mApply->setEnabled( false );
  RtResult<RtReportImportOutcome> outcome = RtResult<RtReportImportOutcome>::failure( QString() );
  {
    RtResult<std::unique_ptr<RtStore>> store = RtStore::open( mTracker->registerPath(), true );
    if ( !store.ok() )
      return showFailure( store.error() );
    outcome = RtReportImport::import( *store.value(), mFile->filePath(), mBy->text(), false );
  } // closed: the panel reads the register again below
  if ( !outcome.ok() )
    return showFailure( outcome.error() );
  showOutcome( outcome.value() );
  if ( outcome.value().applied )
  {
    mTracker->refresh();
    mSummary->setText( tr( "Recorded: %1 status and %2 value history rows." ).arg( outcome.value().statusRows ).arg( outcome.value().valueRows ) );
  }
}

void RtImportReportDialog::showOutcome( const RtReportImportOutcome &outcome )
{
  mRows->setRowCount( 0 );
  auto addRow = [this]( int row, const QString &task, const QString &text, bool refused ) {
    const int r = mRows->rowCount();
    mRows->insertRow( r );
    mRows->setItem( r, 0, new QTableWidgetItem( QString::number( row ) ) );
    mRows->setItem( r, 1, new QTableWidgetItem( task ) );
    QTableWidgetItem *item = new QTableWidgetItem( text );
    if ( refused )
      item->setForeground( QBrush( Qt::darkRed ) );
    mRows->setItem( r, 2, item );
  };
  for ( const RtReportRowError &e : outcome.errors )
    addRow( e.row, e.taskId, e.message, true );
  for ( const RtReportRowChange &c : outcome.changes )
    addRow( c.row, c.taskId, c.description, false );
  mRows->resizeColumnsToContents();
  mRefused = outcome.errors.size();
  mSummary->setText( mRefused > 0
                     ? tr( "%1 of %2 reported rows are refused: nothing can be recorded until they are corrected." ).arg( mRefused ).arg( outcome.reportedRows )
                     : tr( "%1 reported rows can be recorded." ).arg( outcome.reportedRows ) );
}

void RtImportReportDialog::showFailure( const QString &message )
{
  mRows->setRowCount( 0 );
  mSummary->setText( message );
}
