#include "rtsessionpackdialog.h"
#include "rtdatepicker.h"

#include <qgsfilewidget.h>
#include <qgsfilterlineedit.h>
#include <qgssettings.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace
{
  const QString sLastFolderKey = QStringLiteral( "ResolutionTracker/packFolder" );
  const QString sLastSessionKey = QStringLiteral( "ResolutionTracker/lastSessionDate" );
}

RtSessionPackDialog::RtSessionPackDialog( const RtSessionPackOptions &defaults, const QDate &earliest, QWidget *parent )
  : QDialog( parent )
  , mDefaults( defaults )
{
  setObjectName( QStringLiteral( "RtSessionPackDialog" ) );
  setWindowTitle( tr( "Make the session pack" ) );
  auto *layout = new QVBoxLayout( this );
  auto *form = new QFormLayout();
  const QDate sessionDate = defaults.sessionDate.isValid() ? defaults.sessionDate : QDate::currentDate();
  const QString folder = QgsSettings().value( sLastFolderKey, QDir::homePath() ).toString();

  mOutput = new QgsFileWidget( this );
  mOutput->setObjectName( QStringLiteral( "RtPackOutput" ) );
  mOutput->setStorageMode( QgsFileWidget::SaveFile );
  mOutput->setFilter( tr( "PDF (*.pdf)" ) );
  mOutput->setConfirmOverwrite( false ); // asked below, by a box that stays in view
  mOutput->setDefaultRoot( folder );
  mOutput->setFilePath( defaults.outputPath.isEmpty()
                        ? QDir( folder ).filePath( QStringLiteral( "session-pack-%1.pdf" ).arg( sessionDate.toString( Qt::ISODate ) ) )
                        : defaults.outputPath );
  form->addRow( tr( "Save as" ), mOutput );

  mTables = new QgsFileWidget( this );
  mTables->setObjectName( QStringLiteral( "RtPackTables" ) );
  mTables->setStorageMode( QgsFileWidget::SaveFile );
  mTables->setFilter( tr( "Excel workbook (*.xlsx)" ) );
  mTables->setConfirmOverwrite( false );
  mTables->setDefaultRoot( folder );
  mTables->setFilePath( defaults.tablesPath );
  mTables->lineEdit()->setPlaceholderText( tr( "No workbook" ) );
  mTables->setToolTip( tr( "Optional: the pack's tables as an XLSX workbook, one sheet each, for pasting into Word" ) );
  form->addRow( tr( "Tables" ), mTables );

  mReplace = new QCheckBox( tr( "Replace the existing files" ), this );
  mReplace->setObjectName( QStringLiteral( "RtPackReplace" ) );
  form->addRow( QString(), mReplace );

  mSessionDate = rtDatePicker( this, QStringLiteral( "RtPackSessionDate" ), defaults.lang, earliest, sessionDate );
  form->addRow( tr( "Session date" ), mSessionDate );

  // What changed since the last session: its date, remembered from one pack to the next.
  mCompare = new QCheckBox( tr( "List what changed since the last session, held on" ), this );
  mCompare->setObjectName( QStringLiteral( "RtPackCompare" ) );
  const QDate remembered = QgsSettings().value( sLastSessionKey ).toDate();
  const QDate since = defaults.since.isValid() ? defaults.since : remembered.isValid() && remembered < sessionDate ? remembered : sessionDate.addMonths( -6 );
  mSince = rtDatePicker( this, QStringLiteral( "RtPackSince" ), defaults.lang, earliest, since );
  mCompare->setChecked( defaults.since.isValid() );
  form->addRow( mCompare, mSince );

  mLanguage = new QComboBox( this );
  mLanguage->setObjectName( QStringLiteral( "RtPackLanguage" ) );
  mLanguage->addItem( QStringLiteral( "Tiếng Việt" ), QStringLiteral( "vi" ) );
  mLanguage->addItem( QStringLiteral( "English" ), QStringLiteral( "en" ) );
  mLanguage->setCurrentIndex( defaults.lang == RtLang::En ? 1 : 0 );
  form->addRow( tr( "Language" ), mLanguage );

  mUnits = new QComboBox( this );
  mUnits->setObjectName( QStringLiteral( "RtPackUnits" ) );
  mUnits->addItem( tr( "Wards and communes of 2023 (as the resolution names them)" ), 2023 );
  mUnits->addItem( tr( "Administrative units of 2025 (from 1/7/2025)" ), 2025 );
  mUnits->setCurrentIndex( defaults.units == 2025 ? 1 : 0 );
  form->addRow( tr( "Units" ), mUnits );

  mTemplates = new QgsFileWidget( this );
  mTemplates->setObjectName( QStringLiteral( "RtPackTemplates" ) );
  mTemplates->setStorageMode( QgsFileWidget::GetDirectory );
  mTemplates->setFilePath( defaults.templatePath );
  mTemplates->lineEdit()->setPlaceholderText( tr( "Built-in layouts" ) );
  mTemplates->setToolTip( tr( "Optional: a folder with the office's edited copies of some of the pack's layout templates "
                              "(pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt); the others stay built in." ) );
  form->addRow( tr( "Layout templates" ), mTemplates );

  mCadastre = new QgsFileWidget( this );
  mCadastre->setObjectName( QStringLiteral( "RtPackCadastre" ) );
  mCadastre->setStorageMode( QgsFileWidget::GetFile );
  mCadastre->setFilter( tr( "Vector layers (*.gpkg *.shp *.geojson);;All files (*)" ) );
  mCadastre->setFilePath( defaults.cadastre );
  mCadastre->lineEdit()->setPlaceholderText( tr( "No cadastre" ) );
  mCadastre->setToolTip( tr( "Optional: parcels with the fields case_id, dossier_status and parcel_id (add |layername=NAME for one layer "
                             "of a GeoPackage). Only these fields are read and only counts are printed: no owner's name." ) );
  form->addRow( tr( "Cadastre of the land cases" ), mCadastre );
  layout->addLayout( form );

  mHint = new QLabel( this );
  mHint->setWordWrap( true );
  layout->addWidget( mHint );

  auto *buttons = new QDialogButtonBox( QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this );
  mMakeButton = buttons->button( QDialogButtonBox::Ok );
  mMakeButton->setText( tr( "Make" ) );
  mMakeButton->setObjectName( QStringLiteral( "RtPackButton" ) );
  // Qt's own translations are not installed with the plugin: name the standard button here.
  buttons->button( QDialogButtonBox::Cancel )->setText( tr( "Cancel" ) );
  connect( buttons, &QDialogButtonBox::accepted, this, &RtSessionPackDialog::accept );
  connect( buttons, &QDialogButtonBox::rejected, this, &RtSessionPackDialog::reject );
  layout->addWidget( buttons );

  connect( mOutput, &QgsFileWidget::fileChanged, this, &RtSessionPackDialog::validate );
  connect( mTables, &QgsFileWidget::fileChanged, this, &RtSessionPackDialog::validate );
  connect( mTemplates, &QgsFileWidget::fileChanged, this, &RtSessionPackDialog::validate );
  connect( mCadastre, &QgsFileWidget::fileChanged, this, &RtSessionPackDialog::validate );
  connect( mReplace, &QCheckBox::toggled, this, &RtSessionPackDialog::validate );
  connect( mCompare, &QCheckBox::toggled, this, &RtSessionPackDialog::validate );
  connect( mSessionDate, &QgsDateEdit::dateValueChanged, this, &RtSessionPackDialog::validate );
  connect( mSince, &QgsDateEdit::dateValueChanged, this, &RtSessionPackDialog::validate );
  validate();
}

RtSessionPackOptions RtSessionPackDialog::options() const
{
  RtSessionPackOptions o = mDefaults;
  o.outputPath = mOutput->filePath();
  o.tablesPath = mTables->filePath().trimmed();
  o.sessionDate = mSessionDate->date();
  o.since = mCompare->isChecked() ? mSince->date() : QDate();
  o.lang = mLanguage->currentData().toString() == QLatin1String( "en" ) ? RtLang::En : RtLang::Vi;
  o.units = mUnits->currentData().toInt();
  o.templatePath = mTemplates->filePath().trimmed();
  o.cadastre = mCadastre->filePath().trimmed();
  o.overwrite = mReplace->isChecked();
  return o;
}

void RtSessionPackDialog::validate()
{
  QString problem;
  const QString out = mOutput->filePath();
  const QString tables = mTables->filePath().trimmed();
  const QString templates = mTemplates->filePath().trimmed();
  // The cadastre may name one layer of its file: "PATH|layername=NAME".
  const QString cadastre = mCadastre->filePath().trimmed().section( QLatin1Char( '|' ), 0, 0 );
  mSince->setEnabled( mCompare->isChecked() );
  if ( out.isEmpty() )
    problem = tr( "Choose where to save the pack." );
  else if ( QFileInfo( out ).suffix().toLower() != QLatin1String( "pdf" ) )
    problem = tr( "The pack's file name must end in .pdf." );
  else if ( !tables.isEmpty() && QFileInfo( tables ).suffix().toLower() != QLatin1String( "xlsx" ) )
    problem = tr( "The workbook's file name must end in .xlsx." );
  else if ( mCompare->isChecked() && mSince->date() >= mSessionDate->date() )
    problem = tr( "The last session must come before this one." );
  else if ( !templates.isEmpty() && !QFileInfo( templates ).isDir() )
    problem = tr( "The layout templates folder does not exist." );
  else if ( !cadastre.isEmpty() && !QFileInfo( cadastre ).isFile() )
    problem = tr( "The cadastre file does not exist." );
  const bool exists = ( !out.isEmpty() && QFileInfo::exists( out ) ) || ( !tables.isEmpty() && QFileInfo::exists( tables ) );
  mReplace->setVisible( exists );
  if ( problem.isEmpty() && exists && !mReplace->isChecked() )
    problem = tr( "A file exists: tick the box above to replace it." );
  mHint->setText( problem );
  mMakeButton->setEnabled( problem.isEmpty() );
}

void RtSessionPackDialog::accept()
{
  validate();
  if ( !mMakeButton->isEnabled() )
    return;
  QgsSettings settings;
  settings.setValue( sLastFolderKey, QFileInfo( mOutput->filePath() ).absolutePath() );
  // This session is the next pack's "last session".
  settings.setValue( sLastSessionKey, mSessionDate->date() );
  QDialog::accept();
}
