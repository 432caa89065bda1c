#include "rtaddresolutionwizard.h"

#include "rtgazetteer.h"
#include "rtstore.h"

#include <QCompleter>
#include <QCryptographicHash>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizardPage>

namespace
{
  //! Edits a task's places: gazetteer names separated by ";", the one being typed completed.
  class RtPlacesDelegate : public QStyledItemDelegate
  {
    public:
      RtPlacesDelegate( const QStringList &names, QObject *parent )
        : QStyledItemDelegate( parent ), mNames( names ) {}

      QWidget *createEditor( QWidget *parent, const QStyleOptionViewItem &, const QModelIndex & ) const override
      {
        auto *edit = new QLineEdit( parent );
        auto *completer = new QCompleter( mNames, edit );
        completer->setCaseSensitivity( Qt::CaseInsensitive );
        completer->setFilterMode( Qt::MatchContains );
        edit->setCompleter( completer );
        return edit;
      }

    private:
      QStringList mNames;
  };

  void addClauses( QTreeWidgetItem *parent, QTreeWidget *tree, const QVector<RtClause> &clauses )
  {
    for ( const RtClause &c : clauses )
    {
      const QString text = c.text.size() > 160 ? c.text.left( 160 ) + QStringLiteral( "…" ) : c.text;
      auto *item = parent ? new QTreeWidgetItem( parent ) : new QTreeWidgetItem( tree );
      item->setText( 0, c.label );
      item->setText( 1, text );
      item->setToolTip( 1, c.text );
      addClauses( item, tree, c.children );
    }
  }

  const QStringList sPlaceKinds { QStringLiteral( "ward" ), QStringLiteral( "zone" ), QStringLiteral( "site" ) };
}

RtAddResolutionWizard::RtAddResolutionWizard( const QString &registerPath, const RtCity &city, RtLang lang, QWidget *parent )
  : QWizard( parent )
  , mRegisterPath( registerPath )
  , mCity( city )
  , mLang( lang )
{
  setObjectName( QStringLiteral( "RtAddResolutionWizard" ) );
  setWindowTitle( tr( "Add a resolution" ) );
  setOption( QWizard::NoBackButtonOnLastPage, false );

  // 1. The file.
  auto *filePage = new QWizardPage( this );
  filePage->setTitle( tr( "The resolution's text" ) );
  filePage->setSubTitle( tr( "A plain text, a PDF with a text layer or a DOCX file of the resolution." ) );
  auto *fileLayout = new QVBoxLayout( filePage );
  auto *fileRow = new QHBoxLayout();
  mFile = new QLineEdit( filePage );
  mFile->setObjectName( QStringLiteral( "RtAddResolutionFile" ) );
  fileRow->addWidget( mFile, 1 );
  auto *browse = new QPushButton( tr( "Browse…" ), filePage );
  fileRow->addWidget( browse );
  fileLayout->addLayout( fileRow );
  mFileProblem = new QLabel( filePage );
  mFileProblem->setObjectName( QStringLiteral( "RtAddResolutionFileProblem" ) );
  mFileProblem->setWordWrap( true );
  fileLayout->addWidget( mFileProblem );
  fileLayout->addStretch( 1 );
  connect( browse, &QPushButton::clicked, this, [this]
  {
    const QString path = QFileDialog::getOpenFileName( this, tr( "The resolution's text" ), QFileInfo( mFile->text() ).absolutePath(),
                                                       tr( "Resolution texts (*.txt *.pdf *.docx);;All files (*)" ) );
    if ( !path.isEmpty() )
      mFile->setText( path );
  } );
  addPage( filePage );

  // 2. What the importer read, for checking.
  auto *checkPage = new QWizardPage( this );
  checkPage->setTitle( tr( "Check what was read" ) );
  checkPage->setSubTitle( tr( "The header, the clauses and what the reader found doubtful. If something is wrong, correct the text and read it again." ) );
  auto *checkLayout = new QVBoxLayout( checkPage );
  mHeader = new QLabel( checkPage );
  mHeader->setObjectName( QStringLiteral( "RtAddResolutionHeader" ) );
  mHeader->setWordWrap( true );
  mHeader->setTextInteractionFlags( Qt::TextSelectableByMouse );
  checkLayout->addWidget( mHeader );
  mTree = new QTreeWidget( checkPage );
  mTree->setObjectName( QStringLiteral( "RtAddResolutionClauses" ) );
  mTree->setHeaderLabels( { tr( "Clause" ), tr( "Text" ) } );
  checkLayout->addWidget( mTree, 3 );
  mWarnings = new QPlainTextEdit( checkPage );
  mWarnings->setObjectName( QStringLiteral( "RtAddResolutionWarnings" ) );
  mWarnings->setReadOnly( true );
  checkLayout->addWidget( mWarnings, 1 );
  addPage( checkPage );

  // 3. The draft tasks.
  auto *taskPage = new QWizardPage( this );
  taskPage->setTitle( tr( "The tasks" ) );
  taskPage->setSubTitle( tr( "One task for each directive and each project of an appendix. Untick those not to follow; edit the title, the deadline as the text words it, the body responsible and the places." ) );
  auto *taskLayout = new QVBoxLayout( taskPage );
  mTasks = new QTableWidget( 0, ColumnCount, taskPage );
  mTasks->setObjectName( QStringLiteral( "RtAddResolutionTasks" ) );
  mTasks->setHorizontalHeaderLabels( { tr( "Task" ), tr( "Title" ), tr( "Deadline" ), tr( "Responsible" ), tr( "Places" ) } );
  mTasks->horizontalHeader()->setSectionResizeMode( ColumnTitle, QHeaderView::Stretch );
  mTasks->verticalHeader()->setVisible( false );
  QStringList names;
  if ( mCity.gazetteer )
    for ( const RtPlace &p : mCity.gazetteer->places() )
      names << p.name;
  names.removeDuplicates();
  names.sort();
  mTasks->setItemDelegateForColumn( ColumnPlaces, new RtPlacesDelegate( names, mTasks ) );
  taskLayout->addWidget( mTasks, 1 );
  mSaveProblem = new QLabel( taskPage );
  mSaveProblem->setObjectName( QStringLiteral( "RtAddResolutionSaveProblem" ) );
  mSaveProblem->setWordWrap( true );
  taskLayout->addWidget( mSaveProblem );
  addPage( taskPage );
}

void RtAddResolutionWizard::accept()
{
  if ( currentId() != 2 || !validateCurrentPage() )
    return;
  QWizard::accept();
}

void RtAddResolutionWizard::showProblem( QLabel *label, const QString &text )
{
  label->setText( text );
  label->setStyleSheet( text.isEmpty() ? QString() : QStringLiteral( "color: #b00020;" ) );
}

bool RtAddResolutionWizard::validateCurrentPage()
{
  switch ( currentId() )
  {
    case 0:
      return readFile();
    case 2:
      return !mAddedNumber.isEmpty() || save();
    default:
      return true;
  }
}

bool RtAddResolutionWizard::readFile()
{
  const QString path = mFile->text().trimmed();
  if ( path == mReadPath && mImport )
    return true; // back and forth: keep the user's edits
  QFile file( path );
  if ( path.isEmpty() || !file.open( QIODevice::ReadOnly ) )
  {
    showProblem( mFileProblem, path.isEmpty() ? tr( "Choose the resolution's text." )
                 : tr( "%1: cannot read the file (%2)" ).arg( path, file.errorString() ) );
    return false;
  }
  mBytes = file.readAll();
  const RtResult<RtImportReport> imported = RtResolutionImporter::importBytes( mBytes, path );
  if ( !imported.ok() )
  {
    showProblem( mFileProblem, imported.error() );
    return false;
  }
  showProblem( mFileProblem, QString() );
  mImport = imported.value();
  mReadPath = path;
  // The council term of the resolution's date, as draft-register takes it.
  mTerm = RtDraftRegister::termOf( mImport->resolution.date );
  mDraft = RtDraftRegister::propose( mImport->resolution, mCity, mTerm, QFileInfo( path ).fileName() );
  fillCheckPage();
  fillTaskTable();
  return true;
}

void RtAddResolutionWizard::fillCheckPage()
{
  const RtResolution &res = mImport->resolution;
  mHeader->setText( tr( "Number: %1\nDate: %2\nCouncil: %3\nSession: %4\nTitle: %5" )
                    .arg( res.number, res.date.toString( QStringLiteral( "dd/MM/yyyy" ) ), res.body, res.session, res.title ) );
  mTree->clear();
  addClauses( nullptr, mTree, res.clauses );
  mTree->expandToDepth( 1 );
  mTree->resizeColumnToContents( 0 );
  QStringList warnings = mImport->warnings;
  warnings << mDraft.warnings;
  mWarnings->setPlainText( warnings.isEmpty() ? tr( "No warnings." ) : warnings.join( QLatin1Char( '\n' ) ) );
}

void RtAddResolutionWizard::fillTaskTable()
{
  mTasks->setRowCount( 0 );
  const QVector<RtTask> &tasks = mDraft.reg.tasks;
  mTasks->setRowCount( tasks.size() );
  for ( int row = 0; row < tasks.size(); ++row )
  {
    const RtTask &t = tasks.at( row );
    auto *id = new QTableWidgetItem( t.id );
    id->setFlags( Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable );
    id->setCheckState( Qt::Checked );
    id->setToolTip( QStringLiteral( "%1\n%2" ).arg( rtClausePathString( t.clausePath ), t.quote ) );
    mTasks->setItem( row, ColumnTask, id );
    mTasks->setItem( row, ColumnTitle, new QTableWidgetItem( mLang == RtLang::En && !t.titleEn.isEmpty() ? t.titleEn : t.titleVi ) );
    mTasks->setItem( row, ColumnDeadline, new QTableWidgetItem( t.deadline.phrase() ) );
    mTasks->setItem( row, ColumnResponsible, new QTableWidgetItem( t.responsible ) );
    QStringList names;
    for ( const QString &key : t.places )
    {
      const QString kind = key.section( QLatin1Char( ':' ), 0, 0 );
      const QString code = key.section( QLatin1Char( ':' ), 1 );
      const RtPlace *place = mCity.gazetteer ? mCity.gazetteer->resolve( kind, code, mImport->resolution.date ) : nullptr;
      names << ( place ? place->name : key );
    }
    mTasks->setItem( row, ColumnPlaces, new QTableWidgetItem( names.join( QStringLiteral( "; " ) ) ) );
  }
  mTasks->resizeColumnToContents( ColumnTask );
}

RtResult<QVector<RtTask>> RtAddResolutionWizard::editedTasks() const
{
  using Result = RtResult<QVector<RtTask>>;
  QVector<RtTask> tasks;
  const QDate issued = mImport->resolution.date;
  for ( int row = 0; row < mTasks->rowCount(); ++row )
  {
    if ( mTasks->item( row, ColumnTask )->checkState() != Qt::Checked )
      continue;
    RtTask t = mDraft.reg.tasks.at( row );
    const QString title = mTasks->item( row, ColumnTitle )->text().trimmed();
    if ( title.isEmpty() )
      return Result::failure( tr( "task %1 (row %2): the title is empty" ).arg( t.id ).arg( row + 1 ) );
    if ( mLang == RtLang::En && !t.titleEn.isEmpty() )
      t.titleEn = title;
    else
      t.titleVi = title;
    const QString phrase = mTasks->item( row, ColumnDeadline )->text().trimmed();
    if ( phrase != t.deadline.phrase() )
    {
      const RtResult<RtDeadline> deadline = RtDeadline::parse( phrase, mTerm, issued );
      if ( !deadline.ok() )
        return Result::failure( tr( "task %1 (row %2): %3" ).arg( t.id ).arg( row + 1 ).arg( deadline.error() ) );
      t.deadline = deadline.value();
    }
    t.responsible = mTasks->item( row, ColumnResponsible )->text().trimmed();
    // Places by their gazetteer names; kept as they were when the cell was not edited.
    QStringList keys;
    for ( const QString &typed : mTasks->item( row, ColumnPlaces )->text().split( QLatin1Char( ';' ), Qt::SkipEmptyParts ) )
    {
      const QString name = typed.trimmed();
      if ( name.isEmpty() )
        continue;
      const RtPlace *place = nullptr;
      for ( const QString &kind : sPlaceKinds )
        if ( !place && mCity.gazetteer )
          place = mCity.gazetteer->resolve( kind, name, issued );
      if ( !place && t.places.contains( name ) )
      {
        keys << name; // a key the gazetteer does not name, shown as it is stored
        continue;
      }
      if ( !place )
        return Result::failure( tr( "task %1 (row %2): '%3' is not a place of the city's gazetteer" ).arg( t.id ).arg( row + 1 ).arg( name ) );
      keys << place->key();
    }
    keys.removeDuplicates();
    t.places = keys;
    tasks << t;
  }
  return Result::success( tasks );
}

bool RtAddResolutionWizard::save()
{
  const RtResult<QVector<RtTask>> tasks = editedTasks();
  if ( !tasks.ok() )
  {
    showProblem( mSaveProblem, tasks.error() );
    return false;
  }
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( mRegisterPath, true );
  if ( !store.ok() )
  {
    showProblem( mSaveProblem, store.error() );
    return false;
  }
  const RtResolution &res = mImport->resolution;
  // What `restrack add-resolution` records about the text (RtCli::documentInfo()).
  RtDocumentInfo info;
  info.number = res.number;
  info.date = res.date;
  info.title = res.title;
  info.body = res.body;
  info.session = res.session;
  info.sourceName = QFileInfo( mReadPath ).fileName();
  info.sourceSha256 = QString::fromLatin1( QCryptographicHash::hash( mBytes, QCryptographicHash::Sha256 ).toHex() );
  info.term = mTerm;
  const RtResult<RtAddedResolution> added = store.value()->addResolution( res, tasks.value(), info );
  if ( !added.ok() )
  {
    showProblem( mSaveProblem, added.error() );
    return false;
  }
  showProblem( mSaveProblem, QString() );
  mAddedNumber = added.value().number;
  return true;
}
