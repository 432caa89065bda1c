#include "rtstatusdialog.h"
#include "rtlocale.h"
#include "rtstatus.h"

#include <qgssettings.h>

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace
{
  const QString sLastByKey = QStringLiteral( "ResolutionTracker/lastBy" );
}

RtStatusDialog::RtStatusDialog( const RtTask &task, const RtDocumentInfo &document, RtLang lang, QWidget *parent )
  : QDialog( parent )
  , mTask( task )
{
  setObjectName( QStringLiteral( "RtStatusDialog" ) );
  setWindowTitle( tr( "Change the status of %1" ).arg( task.id ) );

  auto *layout = new QVBoxLayout( this );
  auto *heading = new QLabel( this );
  heading->setWordWrap( true );
  heading->setTextFormat( Qt::PlainText );
  const QString title = lang == RtLang::Vi || task.titleEn.isEmpty() ? task.titleVi : task.titleEn;
  heading->setText( tr( "%1 — %2\nNow: %3 (since %4)" )
                    .arg( task.id, title, RtStatuses::label( task.status, lang ),
                          rtDateText( task.statusDate.isValid() ? task.statusDate : document.date, lang ) ) );
  layout->addWidget( heading );

  auto *form = new QFormLayout();
  mStatus = new QComboBox( this );
  mStatus->setObjectName( QStringLiteral( "RtStatusCombo" ) );
  for ( RtStatus status : RtStatuses::all() )
    mStatus->addItem( RtStatuses::label( status, lang ), RtStatuses::code( status ) );
  mStatus->setCurrentIndex( mStatus->findData( RtStatuses::code( task.status ) ) );
  form->addRow( tr( "New status" ), mStatus );

  mDate = new QDateEdit( this );
  mDate->setObjectName( QStringLiteral( "RtStatusDate" ) );
  mDate->setCalendarPopup( true );
  mDate->setLocale( rtLocale( lang ) );
  mDate->setDisplayFormat( rtDateFormat( lang ) );
  // The store refuses dates before the resolution, before the task's latest status, or in the future.
  QDate earliest = document.date;
  if ( task.statusDate.isValid() && ( !earliest.isValid() || task.statusDate > earliest ) )
    earliest = task.statusDate;
  if ( earliest.isValid() )
    mDate->setMinimumDate( earliest );
  mDate->setMaximumDate( QDate::currentDate() );
  mDate->setDate( QDate::currentDate() );
  mDate->setToolTip( tr( "The date the new status holds from" ) );
  form->addRow( tr( "Since" ), mDate );

  mBy = new QLineEdit( defaultBy(), this );
  mBy->setObjectName( QStringLiteral( "RtStatusBy" ) );
  mBy->setPlaceholderText( tr( "Person or office making the change (required)" ) );
  form->addRow( tr( "By" ), mBy );

  mNote = new QPlainTextEdit( this );
  mNote->setObjectName( QStringLiteral( "RtStatusNote" ) );
  mNote->setTabChangesFocus( true );
  mNote->setMaximumHeight( 90 );
  form->addRow( tr( "Note" ), mNote );

  mEvidence = new QLineEdit( this );
  mEvidence->setObjectName( QStringLiteral( "RtStatusEvidence" ) );
  mEvidence->setPlaceholderText( tr( "e.g. a decision number: QĐ 1234/QĐ-UBND" ) );
  form->addRow( tr( "Evidence" ), mEvidence );
  layout->addLayout( form );

  mHint = new QLabel( this );
  mHint->setObjectName( QStringLiteral( "RtStatusHint" ) );
  mHint->setWordWrap( true );
  layout->addWidget( mHint );

  mButtons = new QDialogButtonBox( QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this );
  mButtons->button( QDialogButtonBox::Ok )->setText( tr( "Record" ) );
  // Qt's own translations are not installed with the plugin: name the standard button here.
  mButtons->button( QDialogButtonBox::Cancel )->setText( tr( "Cancel" ) );
  connect( mButtons, &QDialogButtonBox::accepted, this, &RtStatusDialog::accept );
  connect( mButtons, &QDialogButtonBox::rejected, this, &RtStatusDialog::reject );
  layout->addWidget( mButtons );

  connect( mStatus, qOverload<int>( &QComboBox::currentIndexChanged ), this, &RtStatusDialog::validate );
  connect( mBy, &QLineEdit::textChanged, this, &RtStatusDialog::validate );
  validate();
}

RtStatusChange RtStatusDialog::change() const
{
  RtStatusChange c;
  c.taskId = mTask.id;
  c.newStatus = RtStatuses::fromCode( mStatus->currentData().toString() ).value_or( mTask.status );
  c.by = mBy->text().trimmed();
  c.date = mDate->date();
  c.note = mNote->toPlainText().trimmed();
  c.evidence = mEvidence->text().trimmed();
  c.expected = mTask.status;
  return c;
}

void RtStatusDialog::validate()
{
  QString problem;
  if ( mStatus->currentData().toString() == RtStatuses::code( mTask.status ) )
    problem = tr( "Choose a status other than the current one." );
  else if ( mBy->text().trimmed().isEmpty() )
    problem = tr( "Say who makes the change." );
  mHint->setText( problem );
  mButtons->button( QDialogButtonBox::Ok )->setEnabled( problem.isEmpty() );
}

void RtStatusDialog::accept()
{
  if ( !mButtons->button( QDialogButtonBox::Ok )->isEnabled() )
    return;
  rememberBy( mBy->text().trimmed() );
  QDialog::accept();
}

QString RtStatusDialog::defaultBy()
{
  const QString last = QgsSettings().value( sLastByKey ).toString();
  if ( !last.isEmpty() )
    return last;
  for ( const char *variable : { "USER", "USERNAME", "LOGNAME" } )
  {
    const QString name = qEnvironmentVariable( variable );
    if ( !name.isEmpty() )
      return name;
  }
  return QDir::home().dirName();
}

void RtStatusDialog::rememberBy( const QString &by )
{
  if ( !by.isEmpty() )
    QgsSettings().setValue( sLastByKey, by );
}
