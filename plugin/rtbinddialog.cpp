#include "rtbinddialog.h"
#include "rtlocale.h"
#include "rtkeyreader.h"
#include "rtlayerbinding.h"
#include "rttracker.h"

#include <qgsapplication.h>
#include <qgsfieldcombobox.h>
#include <qgsmaplayercombobox.h>
#include <qgsmaplayerproxymodel.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

RtBindDialog::RtBindDialog( RtTracker *tracker, QgsVectorLayer *layer, QWidget *parent )
  : QDialog( parent )
  , mTracker( tracker )
{
  setObjectName( QStringLiteral( "RtBindDialog" ) );
  setWindowTitle( tr( "Bind a layer to the resolution's tasks" ) );
  auto *layout = new QVBoxLayout( this );
  auto *intro = new QLabel( tr( "Pick a layer and the field(s) that hold the keys of its features. "
                                "The tasks name their places by GSO code (wards), zone code, site id, or "
                                "commune code / map sheet / parcel number (parcels). Nothing is written "
                                "to the layer's data: its status is a computed field saved in the project." ), this );
  intro->setWordWrap( true );
  layout->addWidget( intro );

  auto *form = new QFormLayout();
  mLayer = new QgsMapLayerComboBox( this );
  mLayer->setObjectName( QStringLiteral( "RtBindLayerCombo" ) );
  mLayer->setFilters( QgsMapLayerProxyModel::VectorLayer );
  form->addRow( tr( "Layer" ), mLayer );

  mKind = new QComboBox( this );
  mKind->setObjectName( QStringLiteral( "RtBindKind" ) );
  mKind->addItem( tr( "Wards and communes" ), QStringLiteral( "ward" ) );
  mKind->addItem( tr( "Zoning sub-plans" ), QStringLiteral( "zone" ) );
  mKind->addItem( tr( "Sites (works, roads, areas)" ), QStringLiteral( "site" ) );
  mKind->addItem( tr( "Cadastral parcels" ), QStringLiteral( "parcel" ) );
  form->addRow( tr( "Features are" ), mKind );

  mMatch = new QComboBox( this );
  mMatch->setObjectName( QStringLiteral( "RtBindMatch" ) );
  mMatch->addItem( tr( "Codes" ), QStringLiteral( "code" ) );
  mMatch->addItem( tr( "Names (accents, case and prefixes such as “Phường” ignored)" ), QStringLiteral( "name" ) );
  form->addRow( tr( "Keys are" ), mMatch );

  const QStringList fieldLabels { tr( "Key field" ), tr( "Second key field" ), tr( "Third key field" ) };
  for ( int i = 0; i < 3; ++i )
  {
    mFields[i] = new QgsFieldComboBox( this );
    mFields[i]->setObjectName( QStringLiteral( "RtBindField%1" ).arg( i + 1 ) );
    mFields[i]->setAllowEmptyFieldName( i > 0 );
    form->addRow( fieldLabels.at( i ), mFields[i] );
  }
  mFields[1]->setToolTip( tr( "For parcels: the map sheet number after the commune code" ) );
  mFields[2]->setToolTip( tr( "For parcels: the parcel number" ) );
  layout->addLayout( form );

  // The tasks may name older units than the layer's (the communes of 2023 on a layer of the
  // units of 2025): their keys are then translated through two fields of a table.
  mKeyMap = new QGroupBox( tr( "The tasks name other units: translate their keys through a table" ), this );
  mKeyMap->setObjectName( QStringLiteral( "RtBindKeyMap" ) );
  mKeyMap->setCheckable( true );
  mKeyMap->setChecked( false );
  auto *mapForm = new QFormLayout( mKeyMap );
  mKeyMapLayer = new QgsMapLayerComboBox( mKeyMap );
  mKeyMapLayer->setObjectName( QStringLiteral( "RtBindKeyMapLayer" ) );
  mKeyMapLayer->setFilters( QgsMapLayerProxyModel::VectorLayer );
  mKeyMapLayer->setToolTip( tr( "A file layer (GeoPackage, shapefile, spreadsheet…), e.g. wards_2023 of the sample" ) );
  mapForm->addRow( tr( "Table" ), mKeyMapLayer );
  mKeyMapFrom = new QgsFieldComboBox( mKeyMap );
  mKeyMapFrom->setObjectName( QStringLiteral( "RtBindKeyMapFrom" ) );
  mapForm->addRow( tr( "Key as the tasks state it" ), mKeyMapFrom );
  mKeyMapTo = new QgsFieldComboBox( mKeyMap );
  mKeyMapTo->setObjectName( QStringLiteral( "RtBindKeyMapTo" ) );
  mapForm->addRow( tr( "Key as the layer holds it" ), mKeyMapTo );
  layout->addWidget( mKeyMap );

  mReport = new QPlainTextEdit( this );
  mReport->setObjectName( QStringLiteral( "RtBindReport" ) );
  mReport->setReadOnly( true );
  mReport->setMinimumHeight( 140 );
  layout->addWidget( mReport );

  auto *buttons = new QDialogButtonBox( this );
  mBindButton = buttons->addButton( tr( "Bind" ), QDialogButtonBox::AcceptRole );
  mBindButton->setObjectName( QStringLiteral( "RtBindButton" ) );
  mUnbindButton = buttons->addButton( tr( "Unbind" ), QDialogButtonBox::ActionRole );
  mUnbindButton->setObjectName( QStringLiteral( "RtUnbindButton" ) );
  // Qt's own translations are not installed with the plugin: name the standard button here.
  buttons->addButton( QDialogButtonBox::Close )->setText( tr( "Close" ) );
  connect( buttons, &QDialogButtonBox::accepted, this, &RtBindDialog::accept );
  connect( buttons, &QDialogButtonBox::rejected, this, &RtBindDialog::reject );
  connect( mUnbindButton, &QPushButton::clicked, this, &RtBindDialog::unbind );
  layout->addWidget( buttons );

  if ( layer )
    mLayer->setLayer( layer );
  layerChanged();
  connect( mLayer, &QgsMapLayerComboBox::layerChanged, this, &RtBindDialog::layerChanged );
  connect( mKind, qOverload<int>( &QComboBox::currentIndexChanged ), this, &RtBindDialog::preview );
  connect( mMatch, qOverload<int>( &QComboBox::currentIndexChanged ), this, &RtBindDialog::preview );
  for ( QgsFieldComboBox *field : mFields )
    connect( field, &QgsFieldComboBox::fieldChanged, this, &RtBindDialog::preview );
  connect( mKeyMap, &QGroupBox::toggled, this, &RtBindDialog::preview );
  connect( mKeyMapLayer, &QgsMapLayerComboBox::layerChanged, this, [this]( QgsMapLayer *mapLayer )
  {
    mKeyMapFrom->setLayer( mapLayer );
    mKeyMapTo->setLayer( mapLayer );
    preview();
  } );
  connect( mKeyMapFrom, &QgsFieldComboBox::fieldChanged, this, &RtBindDialog::preview );
  connect( mKeyMapTo, &QgsFieldComboBox::fieldChanged, this, &RtBindDialog::preview );
}

QgsVectorLayer *RtBindDialog::layer() const
{
  return qobject_cast<QgsVectorLayer *>( mLayer->currentLayer() );
}

RtKeyBinding RtBindDialog::keyBinding() const
{
  RtKeyBinding binding;
  binding.kind = mKind->currentData().toString();
  binding.match = mMatch->currentData().toString() == QLatin1String( "name" ) ? RtKeyBinding::Match::Name : RtKeyBinding::Match::Code;
  for ( QgsFieldComboBox *field : mFields )
    if ( !field->currentField().isEmpty() )
      binding.fields << field->currentField();
  auto *table = qobject_cast<QgsVectorLayer *>( mKeyMapLayer->currentLayer() );
  if ( mKeyMap->isChecked() && table )
  {
    // A table in the bound layer's own file is saved by its name only: the project can move.
    const QString file = table->source().section( QLatin1Char( '|' ), 0, 0 );
    const QString tableName = table->source().section( QStringLiteral( "layername=" ), 1, 1 ).section( QLatin1Char( '|' ), 0, 0 );
    const bool sameFile = layer() && layer()->source().section( QLatin1Char( '|' ), 0, 0 ) == file && !tableName.isEmpty();
    binding.keyMapSource.spec = sameFile ? QStringLiteral( "|layername=%1" ).arg( tableName ) : table->source();
    binding.keyMapSource.fromField = mKeyMapFrom->currentField();
    binding.keyMapSource.toField = mKeyMapTo->currentField();
  }
  return binding;
}

void RtBindDialog::layerChanged()
{
  QgsVectorLayer *vl = layer();
  // Start from what the layer is bound to (or, for the sample layers, what they would be).
  const std::optional<RtKeyBinding> current = RtLayerBinding::toRestore( vl );
  for ( QgsFieldComboBox *field : mFields )
  {
    const QSignalBlocker blocker( field );
    field->setLayer( vl );
    field->setField( QString() );
  }
  if ( current )
  {
    const QSignalBlocker kindBlocker( mKind );
    const QSignalBlocker matchBlocker( mMatch );
    mKind->setCurrentIndex( std::max( 0, mKind->findData( current->kind ) ) );
    mMatch->setCurrentIndex( current->match == RtKeyBinding::Match::Name ? 1 : 0 );
    for ( int i = 0; i < 3 && i < current->fields.size(); ++i )
    {
      const QSignalBlocker blocker( mFields[i] );
      mFields[i]->setField( current->fields.at( i ) );
    }
  }
  // The key map of the binding, when it has one and its table is a layer of the project.
  const QSignalBlocker mapBlocker( mKeyMap );
  const QSignalBlocker mapLayerBlocker( mKeyMapLayer );
  mKeyMap->setChecked( false );
  if ( current && current->keyMapSource.isSet() )
  {
    const QString spec = RtKeyReader::keyMapSpec( vl, current->keyMapSource );
    for ( QgsMapLayer *candidate : QgsProject::instance()->mapLayers() )
    {
      if ( qobject_cast<QgsVectorLayer *>( candidate ) && candidate->source() == spec )
      {
        mKeyMap->setChecked( true );
        mKeyMapLayer->setLayer( candidate );
        mKeyMapFrom->setLayer( candidate );
        mKeyMapTo->setLayer( candidate );
        const QSignalBlocker fromBlocker( mKeyMapFrom );
        const QSignalBlocker toBlocker( mKeyMapTo );
        mKeyMapFrom->setField( current->keyMapSource.fromField );
        mKeyMapTo->setField( current->keyMapSource.toField );
        break;
      }
    }
  }
  mUnbindButton->setEnabled( mTracker && vl && mTracker->binding( vl ) );
  preview();
}

void RtBindDialog::preview()
{
  QgsVectorLayer *vl = layer();
  const RtKeyBinding binding = keyBinding();
  mBindButton->setEnabled( false );
  if ( !vl || !mTracker )
  {
    mReport->setPlainText( tr( "The project has no vector layer to bind." ) );
    return;
  }
  if ( binding.fields.isEmpty() )
  {
    mReport->setPlainText( tr( "Choose the field that holds the keys." ) );
    return;
  }
  if ( mPreviewTask )
    mPreviewTask->cancel(); // the choice changed: that preview is of no use any more
  const RtResult<std::shared_ptr<RtKeyReader>> reader = RtKeyReader::prepare( vl, binding );
  if ( !reader.ok() )
  {
    mReport->setPlainText( reader.error() );
    return;
  }
  const QPointer<QgsVectorLayer> target( vl );
  auto showPreview = [this, target, binding]( RtKeyReader &keys )
  {
    if ( !target || !mTracker )
      return;
    RtLayerBinding trial( target, binding );
    trial.adoptKeys( keys );
    mReport->setPlainText( reportText( trial, trial.join( mTracker->tasksAsOf(), mTracker->asOf() ), mTracker->language() ) );
    mBindButton->setEnabled( true );
  };
  if ( vl->featureCount() < RtTracker::backgroundThreshold() )
  {
    reader.value()->read();
    showPreview( *reader.value() );
    return;
  }
  // A big layer: read on another thread, the dialog stays responsive.
  mReport->setPlainText( tr( "Reading the keys of %n feature(s) of %1 in the background…", nullptr, static_cast<int>( vl->featureCount() ) ).arg( vl->name() ) );
  auto *task = new RtKeyReadTask( reader.value() );
  mPreviewTask = task;
  const std::shared_ptr<RtKeyReader> keys = reader.value();
  connect( task, &QgsTask::taskCompleted, this, [this, task, keys, showPreview]
  {
    if ( mPreviewTask == task )
      showPreview( *keys );
  } );
  QgsApplication::taskManager()->addTask( task );
}

RtBindDialog::~RtBindDialog()
{
  if ( mPreviewTask )
    mPreviewTask->cancel();
}

QString RtBindDialog::reportText( const RtLayerBinding &binding, const RtJoinResult &result, RtLang lang )
{
  int withTasks = 0;
  for ( const RtFeatureResult &f : result.features )
    withTasks += f.taskCount > 0 ? 1 : 0;
  QStringList lines;
  const QString layerName = binding.layer() ? binding.layer()->name() : QString();
  lines << tr( "%1: %2 features, %3 with tasks (keys: %4, %5)." )
        .arg( layerName, rtNumberText( result.features.size(), lang ), rtNumberText( withTasks, lang ) )
        .arg( binding.binding().kind, binding.binding().fields.join( QStringLiteral( " / " ) ) );
  for ( const QString &w : binding.warnings() )
    lines << w;
  if ( result.unmatched.isEmpty() )
    lines << tr( "Every task place of this kind lands on a feature." );
  else
  {
    lines << tr( "%n task place(s) land on no feature:", nullptr, result.unmatched.size() );
    for ( const RtTaskLink &link : result.unmatched )
      lines << QStringLiteral( "  %1 → %2:%3" ).arg( link.taskId, binding.binding().kind, link.key );
  }
  if ( !result.ambiguous.isEmpty() )
  {
    lines << tr( "%n key(s) match several features and count for none of them:", nullptr, result.ambiguous.size() );
    QStringList keys = result.ambiguous.keys();
    keys.sort();
    for ( const QString &key : std::as_const( keys ) )
    {
      QStringList fids;
      for ( qint64 fid : result.ambiguous.value( key ) )
        fids << QString::number( fid );
      lines << tr( "  %1 → features %2" ).arg( key, fids.join( QStringLiteral( ", " ) ) );
    }
  }
  return lines.join( QLatin1Char( '\n' ) );
}

void RtBindDialog::accept()
{
  QgsVectorLayer *vl = layer();
  if ( !vl || !mTracker )
    return;
  if ( vl->featureCount() < RtTracker::backgroundThreshold() )
  {
    const RtResult<RtLayerBinding *> bound = mTracker->bindLayer( vl, keyBinding() );
    if ( !bound.ok() )
    {
      mReport->setPlainText( bound.error() );
      return;
    }
    QDialog::accept();
    return;
  }
  // A big layer: its keys are read by a task (progress in QGIS's status bar); the dialog
  // waits for the answer, QGIS stays usable.
  mBindButton->setEnabled( false );
  mReport->setPlainText( tr( "Reading the keys of %n feature(s) of %1 in the background…", nullptr, static_cast<int>( vl->featureCount() ) ).arg( vl->name() ) );
  disconnect( mBoundConnection );
  const QPointer<QgsVectorLayer> target( vl );
  mBoundConnection = connect( mTracker, &RtTracker::layerBound, this, [this, target]( QgsVectorLayer *layer, const QString &error )
  {
    if ( layer != target )
      return;
    disconnect( mBoundConnection );
    mBindButton->setEnabled( true );
    if ( !error.isEmpty() )
    {
      mReport->setPlainText( error );
      return;
    }
    QDialog::accept();
  } );
  mTracker->bindLayerLater( vl, keyBinding() );
}

void RtBindDialog::unbind()
{
  QgsVectorLayer *vl = layer();
  if ( !vl || !mTracker )
    return;
  mTracker->unbindLayer( vl );
  mUnbindButton->setEnabled( false );
  mReport->setPlainText( tr( "%1 is no longer bound; its own style is back." ).arg( vl->name() ) );
}
