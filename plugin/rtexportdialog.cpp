#include "rtexportdialog.h"
#include "rtdatepicker.h"

#include <qgsdatetimeedit.h>
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
  const QString sLastFolderKey = QStringLiteral( "ResolutionTracker/exportFolder" );
}

RtExportDialog::RtExportDialog( const RtMapExportOptions &defaults, const QDate &earliest, QWidget *parent )
  : QDialog( parent )
  , mDefaults( defaults )
{
  setObjectName( QStringLiteral( "RtExportDialog" ) );
  setWindowTitle( tr( "Export the council map" ) );
  auto *layout = new QVBoxLayout( this );
  auto *form = new QFormLayout();

  mOutput = new QgsFileWidget( this );
  mOutput->setObjectName( QStringLiteral( "RtExportOutput" ) );
  mOutput->setStorageMode( QgsFileWidget::SaveFile );
  mOutput->setFilter( tr( "PDF (*.pdf);;PNG image (*.png)" ) );
  mOutput->setConfirmOverwrite( false ); // asked below, by a box that stays in view
  const QString folder = QgsSettings().value( sLastFolderKey, QDir::homePath() ).toString();
  mOutput->setDefaultRoot( folder );
  mOutput->setFilePath( defaults.outputPath.isEmpty()
                        ? QDir( folder ).filePath( QStringLiteral( "council-map-%1.pdf" ).arg( defaults.asOf.toString( Qt::ISODate ) ) )
                        : defaults.outputPath );
  form->addRow( tr( "Save as" ), mOutput );
  mReplace = new QCheckBox( tr( "Replace the existing file" ), this );
  mReplace->setObjectName( QStringLiteral( "RtExportReplace" ) );
  form->addRow( QString(), mReplace );

  mLayers = new QgsFileWidget( this );
  mLayers->setObjectName( QStringLiteral( "RtExportLayers" ) );
  mLayers->setStorageMode( QgsFileWidget::GetFile );
  mLayers->setFilter( tr( "GeoPackage (*.gpkg)" ) );
  mLayers->setFilePath( defaults.layersPath );
  mLayers->setToolTip( tr( "The map layers (wards_2023, zones, sites, site_lines) the council map is drawn from" ) );
  form->addRow( tr( "Map layers" ), mLayers );
  // The resolutions chosen in the panel: the map colours by their tasks and names them.
  auto *resolutions = new QLabel( defaults.resolutions.isEmpty() ? tr( "All resolutions" ) : defaults.resolutions.join( QStringLiteral( ", " ) ), this );
  resolutions->setObjectName( QStringLiteral( "RtExportResolutions" ) );
  form->addRow( tr( "Resolutions" ), resolutions );

  // The dialog speaks the UI language, which is the default language of the export.
  mAsOf = rtDatePicker( this, QStringLiteral( "RtExportAsOf" ), defaults.lang, earliest, defaults.asOf.isValid() ? defaults.asOf : QDate::currentDate() );
  form->addRow( tr( "As of" ), mAsOf );

  mLanguage = new QComboBox( this );
  mLanguage->setObjectName( QStringLiteral( "RtExportLanguage" ) );
  mLanguage->addItem( QStringLiteral( "Tiếng Việt" ), QStringLiteral( "vi" ) );
  mLanguage->addItem( QStringLiteral( "English" ), QStringLiteral( "en" ) );
  mLanguage->setCurrentIndex( defaults.lang == RtLang::En ? 1 : 0 );
  form->addRow( tr( "Language" ), mLanguage );

  mUnits = new QComboBox( this );
  mUnits->setObjectName( QStringLiteral( "RtExportUnits" ) );
  mUnits->addItem( tr( "Wards and communes of 2023 (as the resolution names them)" ), 2023 );
  mUnits->addItem( tr( "Administrative units of 2025 (from 1/7/2025)" ), 2025 );
  mUnits->setCurrentIndex( defaults.units == 2025 ? 1 : 0 );
  form->addRow( tr( "Units" ), mUnits );

  mPrint = new QCheckBox( tr( "Hatched styles for black-and-white printers" ), this );
  mPrint->setObjectName( QStringLiteral( "RtExportPrint" ) );
  mPrint->setChecked( defaults.print );
  form->addRow( QString(), mPrint );

  mTemplate = new QgsFileWidget( this );
  mTemplate->setObjectName( QStringLiteral( "RtExportTemplate" ) );
  mTemplate->setStorageMode( QgsFileWidget::GetFile );
  mTemplate->setFilter( tr( "QGIS layout template (*.qpt)" ) );
  mTemplate->setFilePath( defaults.templatePath );
  mTemplate->lineEdit()->setPlaceholderText( tr( "Built-in layout" ) );
  mTemplate->setToolTip( tr( "Optional: a copy of the council map's layout template (council-map.qpt) edited in QGIS's layout designer, "
                             "with the office's heading or emblem. Empty: the built-in layout." ) );
  form->addRow( tr( "Layout template" ), mTemplate );
  layout->addLayout( form );

  mHint = new QLabel( this );
  mHint->setWordWrap( true );
  layout->addWidget( mHint );

  auto *buttons = new QDialogButtonBox( QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this );
  mExportButton = buttons->button( QDialogButtonBox::Ok );
  mExportButton->setText( tr( "Export" ) );
  // Qt's own translations are not installed with the plugin: name the standard button here.
  buttons->button( QDialogButtonBox::Cancel )->setText( tr( "Cancel" ) );
  mExportButton->setObjectName( QStringLiteral( "RtExportButton" ) );
  connect( buttons, &QDialogButtonBox::accepted, this, &RtExportDialog::accept );
  connect( buttons, &QDialogButtonBox::rejected, this, &RtExportDialog::reject );
  layout->addWidget( buttons );

  connect( mOutput, &QgsFileWidget::fileChanged, this, &RtExportDialog::validate );
  connect( mLayers, &QgsFileWidget::fileChanged, this, &RtExportDialog::validate );
  connect( mTemplate, &QgsFileWidget::fileChanged, this, &RtExportDialog::validate );
  connect( mReplace, &QCheckBox::toggled, this, &RtExportDialog::validate );
  validate();
}

RtMapExportOptions RtExportDialog::options() const
{
  RtMapExportOptions o = mDefaults;
  o.outputPath = mOutput->filePath();
  o.layersPath = mLayers->filePath();
  o.asOf = mAsOf->date();
  o.lang = mLanguage->currentData().toString() == QLatin1String( "en" ) ? RtLang::En : RtLang::Vi;
  o.print = mPrint->isChecked();
  o.units = mUnits->currentData().toInt();
  o.templatePath = mTemplate->filePath().trimmed();
  o.overwrite = QFileInfo::exists( o.outputPath ) && mReplace->isChecked();
  return o;
}

void RtExportDialog::validate()
{
  QString problem;
  const QString out = mOutput->filePath();
  const QString suffix = QFileInfo( out ).suffix().toLower();
  if ( out.isEmpty() )
    problem = tr( "Choose where to save the map." );
  else if ( suffix != QLatin1String( "pdf" ) && suffix != QLatin1String( "png" ) )
    problem = tr( "The file name must end in .pdf or .png." );
  else if ( !QFileInfo( mLayers->filePath() ).isFile() )
    problem = tr( "Choose the map layers GeoPackage." );
  else if ( !mTemplate->filePath().trimmed().isEmpty() && !QFileInfo( mTemplate->filePath().trimmed() ).isFile() )
    problem = tr( "The layout template file does not exist." );
  const bool exists = !out.isEmpty() && QFileInfo::exists( out );
  mReplace->setVisible( exists );
  if ( problem.isEmpty() && exists && !mReplace->isChecked() )
    problem = tr( "The file exists: tick the box above to replace it with the new map." );
  mHint->setText( problem );
  mExportButton->setEnabled( problem.isEmpty() );
}

void RtExportDialog::accept()
{
  validate();
  if ( !mExportButton->isEnabled() )
    return;
  QgsSettings().setValue( sLastFolderKey, QFileInfo( mOutput->filePath() ).absolutePath() );
  QDialog::accept();
}
