#include "rttaskmodel.h"
#include "rttr.h"

#include "rtcategory.h"
#include "rtplacekey.h"
#include "rtprogress.h"
#include "rtstatus.h"
#include "rttext.h"

#include <QSet>

#include <algorithm>
#include <functional>

//
// RtTaskModels
//

QString RtTaskModels::placeKey( const QString &key )
{
  const QString k = key.trimmed();
  const int colon = k.indexOf( QLatin1Char( ':' ) );
  if ( colon < 0 )
    return RtPlaceKey::compositeKey( k.split( QLatin1Char( '/' ) ) );
  const QString kind = k.left( colon ).trimmed().toLower();
  return kind + QLatin1Char( ':' ) + RtPlaceKey::compositeKey( k.mid( colon + 1 ).split( QLatin1Char( '/' ) ) );
}

QString RtTaskModels::searchText( const RtTask &task, const QHash<QString, QString> &placeNames )
{
  QStringList parts;
  const auto add = [&parts]( const QString &text )
  {
    if ( !text.isEmpty() )
      parts << RtText::foldForSearch( text ).simplified();
  };
  add( task.id );
  add( task.titleVi );
  add( task.titleEn );
  add( task.quote );
  add( rtClausePathString( task.clausePath ) );
  add( task.responsible );
  for ( const QString &place : task.places )
  {
    add( place );
    add( placeNames.value( placeKey( place ) ) );
  }
  add( task.target );
  add( task.deadline.phrase() );
  add( task.noteVi );
  add( task.noteEn );
  // A search query never holds a line break, so no phrase matches across two fields.
  return parts.join( QLatin1Char( '\n' ) );
}

QString RtTaskModels::statusText( RtStatus status, bool overdue, RtLang lang )
{
  const QString label = RtStatuses::label( status, lang );
  if ( !overdue )
    return label;
  return label + QStringLiteral( " — " ) + RtStatuses::overdueLabel( lang ).toLower();
}

QString RtTaskModels::deadlineText( const RtDeadline &deadline, RtLang lang )
{
  switch ( deadline.kind() )
  {
    case RtDeadline::Kind::None:
      return QString();
    case RtDeadline::Kind::Recurring:
    case RtDeadline::Kind::Ongoing:
    case RtDeadline::Kind::Undated:
      return deadline.phrase();
    case RtDeadline::Kind::Date:
      break;
  }
  const QString date = deadline.date().toString( lang == RtLang::Vi ? QStringLiteral( "dd/MM/yyyy" ) : QStringLiteral( "yyyy-MM-dd" ) );
  if ( deadline.phrase().isEmpty() )
    return date;
  return date + QStringLiteral( " (" ) + deadline.phrase() + QLatin1Char( ')' );
}

QString RtTaskModels::clauseText( const RtTask &task, RtLang lang )
{
  QString text = rtClausePathString( task.clausePath );
  if ( task.footnote > 0 )
    text += RtTr( lang ).translate( "RtTaskModels", ", footnote %1" ).arg( task.footnote );
  return text;
}

QString RtTaskModels::clauseShortText( const RtClause &clause, int maxChars )
{
  QString text = RtText::stripFootnoteMarkers( clause.text ).simplified();
  if ( text.size() > maxChars )
  {
    // Cut at the last space that keeps at least half of the room, so no word is split.
    int cut = text.lastIndexOf( QLatin1Char( ' ' ), maxChars );
    if ( cut < maxChars / 2 )
      cut = maxChars;
    text = text.left( cut );
    while ( !text.isEmpty() && ( text.back().isPunct() || text.back().isSpace() ) )
      text.chop( 1 );
    text += QStringLiteral( " …" );
  }
  if ( text.isEmpty() )
    return clause.label;
  return clause.label + QLatin1Char( ' ' ) + text;
}

//
// RtTaskModelRows: what both models keep per task
//

//! Which value of a task a column shows.
enum class RtTaskField
{
  Id,
  Title,
  Status,
  Progress,
  Category,
  Deadline,
  Responsible,
  Clause,
};

struct RtTaskModelRows
{
  QVector<RtTask> tasks;
  QVector<bool> overdue;
  QVector<QString> search;
  QHash<QString, int> rowOfId;
  QHash<QString, QString> placeNames; //!< keys normalised by RtTaskModels::placeKey()
  QDate asOf;
  RtLang lang = RtLang::Vi;

  void setTasks( const QVector<RtTask> &newTasks )
  {
    tasks = newTasks;
    overdue = QVector<bool>( tasks.size(), false );
    search = QVector<QString>( tasks.size() );
    rowOfId.clear();
    for ( int i = 0; i < tasks.size(); ++i )
    {
      rowOfId.insert( tasks.at( i ).id, i );
      refresh( i );
    }
  }

  bool isOverdue( int i ) const
  {
    const RtTask &t = tasks.at( i );
    return t.deadline.kind() == RtDeadline::Kind::Date && RtStatuses::isOverdue( t.status, t.deadline.date(), asOf );
  }

  void refresh( int i )
  {
    overdue[i] = isOverdue( i );
    search[i] = RtTaskModels::searchText( tasks.at( i ), placeNames );
  }

  //! Sets the date; returns the tasks whose overdue flag changed.
  QVector<int> setAsOf( const QDate &date )
  {
    asOf = date;
    QVector<int> changed;
    for ( int i = 0; i < tasks.size(); ++i )
    {
      const bool now = isOverdue( i );
      if ( now != overdue.at( i ) )
      {
        overdue[i] = now;
        changed << i;
      }
    }
    return changed;
  }

  void setPlaceNames( const QHash<QString, QString> &names )
  {
    placeNames.clear();
    for ( auto it = names.constBegin(); it != names.constEnd(); ++it )
      placeNames.insert( RtTaskModels::placeKey( it.key() ), it.value() );
    for ( int i = 0; i < tasks.size(); ++i )
      search[i] = RtTaskModels::searchText( tasks.at( i ), placeNames );
  }

  QString title( int i ) const
  {
    const RtTask &t = tasks.at( i );
    // A title missing in one language falls back to the other rather than a blank row.
    const QString wanted = lang == RtLang::Vi ? t.titleVi : t.titleEn;
    if ( !wanted.isEmpty() )
      return wanted;
    return lang == RtLang::Vi ? t.titleEn : t.titleVi;
  }

  QVariant display( int i, RtTaskField field ) const
  {
    const RtTask &t = tasks.at( i );
    switch ( field )
    {
      case RtTaskField::Id:
        return t.id;
      case RtTaskField::Title:
        return title( i );
      case RtTaskField::Status:
        return RtTaskModels::statusText( t.status, overdue.at( i ), lang );
      case RtTaskField::Progress:
        return RtProgress::text( t, lang );
      case RtTaskField::Category:
        return RtCategories::label( t.category, lang );
      case RtTaskField::Deadline:
        return RtTaskModels::deadlineText( t.deadline, lang );
      case RtTaskField::Responsible:
        return t.responsible;
      case RtTaskField::Clause:
        return RtTaskModels::clauseText( t, lang );
    }
    return QVariant();
  }

  //! The underlying value; an invalid QVariant when there is none (sorted last).
  QVariant sortValue( int i, RtTaskField field ) const
  {
    const RtTask &t = tasks.at( i );
    switch ( field )
    {
      case RtTaskField::Id:
        return t.id;
      case RtTaskField::Title:
      {
        const QString text = title( i );
        return text.isEmpty() ? QVariant() : QVariant( text );
      }
      case RtTaskField::Status:
      {
        // Vocabulary order; an overdue task right after the others of its status.
        static const QVector<RtStatus> sStatuses = RtStatuses::all();
        return static_cast<int>( sStatuses.indexOf( t.status ) * 2 + ( overdue.at( i ) ? 1 : 0 ) );
      }
      case RtTaskField::Progress:
      {
        // By share of the target; a value without a share after every share.
        if ( !t.latestValue )
          return QVariant();
        const std::optional<double> share = RtProgress::share( t );
        return share ? *share : 1e12 + t.latestValue->value;
      }
      case RtTaskField::Category:
      {
        if ( t.category.isEmpty() )
          return QVariant();
        static const QStringList sCodes = RtCategories::codes();
        const int at = static_cast<int>( sCodes.indexOf( t.category ) );
        return at < 0 ? static_cast<int>( sCodes.size() ) : at;
      }
      case RtTaskField::Deadline:
        return t.deadline.kind() == RtDeadline::Kind::Date ? QVariant( t.deadline.date() ) : QVariant();
      case RtTaskField::Responsible:
        return t.responsible.isEmpty() ? QVariant() : QVariant( t.responsible );
      case RtTaskField::Clause:
        return t.clausePath.isEmpty() ? QVariant() : QVariant( t.clausePath );
    }
    return QVariant();
  }

  QVariant data( int i, RtTaskField field, int role ) const
  {
    const RtTask &t = tasks.at( i );
    switch ( role )
    {
      case Qt::DisplayRole:
        return display( i, field );
      case Qt::ToolTipRole:
        return t.quote;
      case RtTaskRoles::TaskId:
        return t.id;
      case RtTaskRoles::IsTask:
        return true;
      case RtTaskRoles::Status:
        return static_cast<int>( t.status );
      case RtTaskRoles::Overdue:
        return overdue.at( i );
      case RtTaskRoles::Category:
        return t.category;
      case RtTaskRoles::Responsible:
        return t.responsible;
      case RtTaskRoles::Places:
        return t.places;
      case RtTaskRoles::ClausePath:
        return t.clausePath;
      case RtTaskRoles::SearchText:
        return search.at( i );
      case RtTaskRoles::DeadlineDate:
        return t.deadline.kind() == RtDeadline::Kind::Date ? t.deadline.date() : QDate();
      case RtTaskRoles::SortValue:
        return sortValue( i, field );
      case RtTaskRoles::TaskCount:
        return 1;
      default:
        break;
    }
    return QVariant();
  }
};

//
// RtTaskTreeModel
//

struct RtTaskTreeModel::Node
{
  Node *parent = nullptr;
  int row = 0;
  int task = -1;      //!< task number; -1 for a clause row
  QString shortText;  //!< clause rows: label and start of the text
  QString text;       //!< clause rows: the whole text
  QStringList path;   //!< clause rows: labels from the top
  int order = 0;      //!< clause rows: position in the text
  int taskCount = 0;  //!< tasks in the subtree
  std::vector<std::unique_ptr<Node>> children;
};

namespace
{
  QString pathKey( const QStringList &path )
  {
    return path.join( QChar( 0x1F ) );
  }
}

RtTaskTreeModel::RtTaskTreeModel( QObject *parent )
  : QAbstractItemModel( parent )
  , mRows( std::make_unique<RtTaskModelRows>() )
  , mRoot( std::make_unique<Node>() )
{
}

RtTaskTreeModel::~RtTaskTreeModel() = default;

void RtTaskTreeModel::setRegister( const RtResolution &resolution, const QVector<RtTask> &tasks, const QDate &asOf, RtLang lang )
{
  beginResetModel();
  mClauses = resolution.clauses;
  mRows->asOf = asOf;
  mRows->lang = lang;
  mRows->setTasks( tasks );
  rebuild();
  endResetModel();
}

void RtTaskTreeModel::rebuild()
{
  mRoot = std::make_unique<Node>();
  mTaskNodes = QVector<Node *>( mRows->tasks.size(), nullptr );

  // The clauses that hold tasks, and their ancestors: only those get a row.
  QSet<QString> wanted;
  for ( const RtTask &t : std::as_const( mRows->tasks ) )
    for ( int n = 1; n <= t.clausePath.size(); ++n )
      wanted.insert( pathKey( t.clausePath.mid( 0, n ) ) );

  QHash<QString, Node *> clauseNodes;
  int order = 0;
  std::function<void( const QVector<RtClause> &, Node *, const QStringList & )> walk;
  walk = [&]( const QVector<RtClause> &clauses, Node *parent, const QStringList &prefix )
  {
    for ( const RtClause &clause : clauses )
    {
      const QStringList path = prefix + QStringList( clause.label );
      const QString key = pathKey( path );
      ++order;
      if ( !wanted.contains( key ) )
        continue;
      // A label repeated under one parent (a typo in the text) shares the first one's row.
      Node *node = clauseNodes.value( key );
      if ( !node )
      {
        auto created = std::make_unique<Node>();
        created->parent = parent;
        created->shortText = RtTaskModels::clauseShortText( clause );
        created->text = RtText::stripFootnoteMarkers( clause.text ).simplified();
        created->path = path;
        created->order = order;
        node = created.get();
        parent->children.push_back( std::move( created ) );
        clauseNodes.insert( key, node );
      }
      walk( clause.children, node, path );
    }
  };
  walk( mClauses, mRoot.get(), QStringList() );

  for ( int i = 0; i < mRows->tasks.size(); ++i )
  {
    const QStringList &path = mRows->tasks.at( i ).clausePath;
    Node *parent = mRoot.get();
    for ( int n = 1; n <= path.size(); ++n )
    {
      const QString key = pathKey( path.mid( 0, n ) );
      Node *node = clauseNodes.value( key );
      if ( !node )
      {
        // Not in the text: a row with the label alone, after the text's clauses.
        auto created = std::make_unique<Node>();
        created->parent = parent;
        created->shortText = path.at( n - 1 );
        created->path = path.mid( 0, n );
        created->order = ++order;
        node = created.get();
        parent->children.push_back( std::move( created ) );
        clauseNodes.insert( key, node );
      }
      parent = node;
    }
    auto taskNode = std::make_unique<Node>();
    taskNode->parent = parent;
    taskNode->task = i;
    taskNode->taskCount = 1;
    mTaskNodes[i] = taskNode.get();
    parent->children.push_back( std::move( taskNode ) );
  }

  // A clause's own tasks come first (its text precedes its sub-clauses); then rows and counts.
  std::function<int( Node * )> finish;
  finish = [&finish]( Node *node ) -> int
  {
    std::stable_partition( node->children.begin(), node->children.end(),
                           []( const std::unique_ptr<Node> &child ) { return child->task >= 0; } );
    int count = node->task >= 0 ? 1 : 0;
    for ( int row = 0; row < static_cast<int>( node->children.size() ); ++row )
    {
      node->children[row]->row = row;
      count += finish( node->children[row].get() );
    }
    node->taskCount = count;
    return count;
  };
  finish( mRoot.get() );
}

void RtTaskTreeModel::updateTask( const RtTask &task )
{
  const auto it = mRows->rowOfId.constFind( task.id );
  if ( it == mRows->rowOfId.constEnd() )
    return;
  const int i = it.value();
  if ( mRows->tasks.at( i ).clausePath != task.clausePath )
  {
    beginResetModel();
    mRows->tasks[i] = task;
    mRows->refresh( i );
    rebuild();
    endResetModel();
    return;
  }
  mRows->tasks[i] = task;
  mRows->refresh( i );
  emitRowChanged( mTaskNodes.at( i ) );
}

void RtTaskTreeModel::setAsOf( const QDate &asOf )
{
  const QVector<int> changed = mRows->setAsOf( asOf );
  for ( int i : changed )
    emitRowChanged( mTaskNodes.at( i ) );
}

QDate RtTaskTreeModel::asOf() const
{
  return mRows->asOf;
}

void RtTaskTreeModel::setLanguage( RtLang lang )
{
  if ( lang == mRows->lang )
    return;
  mRows->lang = lang;
  emitAllChanged( mRoot.get() );
  emit headerDataChanged( Qt::Horizontal, 0, ColumnCount - 1 );
}

RtLang RtTaskTreeModel::language() const
{
  return mRows->lang;
}

void RtTaskTreeModel::setPlaceNames( const QHash<QString, QString> &placeNames )
{
  mRows->setPlaceNames( placeNames );
  emitAllChanged( mRoot.get() );
}

QModelIndex RtTaskTreeModel::indexOfTask( const QString &taskId ) const
{
  const auto it = mRows->rowOfId.constFind( taskId );
  if ( it == mRows->rowOfId.constEnd() )
    return QModelIndex();
  return indexOfNode( mTaskNodes.at( it.value() ) );
}

QModelIndex RtTaskTreeModel::indexOfClause( const QStringList &path ) const
{
  const Node *node = mRoot.get();
  for ( const QString &label : path )
  {
    const Node *next = nullptr;
    for ( const std::unique_ptr<Node> &child : node->children )
    {
      if ( child->task < 0 && child->path.constLast() == label )
      {
        next = child.get();
        break;
      }
    }
    if ( !next )
      return QModelIndex();
    node = next;
  }
  return indexOfNode( node );
}

RtTask RtTaskTreeModel::task( const QModelIndex &index ) const
{
  const Node *node = nodeOf( index );
  if ( !node || node->task < 0 )
    return RtTask();
  return mRows->tasks.at( node->task );
}

QVector<RtTask> RtTaskTreeModel::tasks() const
{
  return mRows->tasks;
}

RtTaskTreeModel::Node *RtTaskTreeModel::nodeOf( const QModelIndex &index ) const
{
  if ( !index.isValid() || index.model() != this )
    return nullptr;
  return static_cast<Node *>( index.internalPointer() );
}

QModelIndex RtTaskTreeModel::indexOfNode( const Node *node, int column ) const
{
  if ( !node || node == mRoot.get() )
    return QModelIndex();
  return createIndex( node->row, column, const_cast<Node *>( node ) );
}

void RtTaskTreeModel::emitRowChanged( const Node *node )
{
  if ( !node )
    return;
  // Every role: the proxy then filters and sorts the row again and rechecks its parents.
  emit dataChanged( indexOfNode( node, 0 ), indexOfNode( node, ColumnCount - 1 ) );
}

void RtTaskTreeModel::emitAllChanged( const Node *node )
{
  if ( node->children.empty() )
    return;
  emit dataChanged( indexOfNode( node->children.front().get(), 0 ),
                    indexOfNode( node->children.back().get(), ColumnCount - 1 ) );
  for ( const std::unique_ptr<Node> &child : node->children )
    emitAllChanged( child.get() );
}

QModelIndex RtTaskTreeModel::index( int row, int column, const QModelIndex &parent ) const
{
  if ( row < 0 || column < 0 || column >= ColumnCount )
    return QModelIndex();
  if ( parent.isValid() && parent.column() != 0 )
    return QModelIndex();
  const Node *node = parent.isValid() ? nodeOf( parent ) : mRoot.get();
  if ( !node || row >= static_cast<int>( node->children.size() ) )
    return QModelIndex();
  return createIndex( row, column, node->children[row].get() );
}

QModelIndex RtTaskTreeModel::parent( const QModelIndex &index ) const
{
  const Node *node = nodeOf( index );
  if ( !node || !node->parent || node->parent == mRoot.get() )
    return QModelIndex();
  return indexOfNode( node->parent );
}

int RtTaskTreeModel::rowCount( const QModelIndex &parent ) const
{
  if ( parent.isValid() && parent.column() != 0 )
    return 0;
  const Node *node = parent.isValid() ? nodeOf( parent ) : mRoot.get();
  return node ? static_cast<int>( node->children.size() ) : 0;
}

int RtTaskTreeModel::columnCount( const QModelIndex & ) const
{
  return ColumnCount;
}

QVariant RtTaskTreeModel::data( const QModelIndex &index, int role ) const
{
  const Node *node = nodeOf( index );
  if ( !node )
    return QVariant();

  if ( node->task >= 0 )
  {
    RtTaskField field = RtTaskField::Title;
    if ( index.column() == ColumnStatus )
      field = RtTaskField::Status;
    else if ( index.column() == ColumnDeadline )
      field = RtTaskField::Deadline;
    return mRows->data( node->task, field, role );
  }

  switch ( role )
  {
    case Qt::DisplayRole:
      return index.column() == ColumnTitle ? QVariant( node->shortText ) : QVariant();
    case Qt::ToolTipRole:
      return node->text.isEmpty() ? QVariant() : QVariant( node->text );
    case RtTaskRoles::IsTask:
      return false;
    case RtTaskRoles::ClausePath:
      return node->path;
    case RtTaskRoles::SortValue:
      return node->order;
    case RtTaskRoles::TaskCount:
      return node->taskCount;
    default:
      break;
  }
  return QVariant();
}

QVariant RtTaskTreeModel::headerData( int section, Qt::Orientation orientation, int role ) const
{
  if ( orientation != Qt::Horizontal || role != Qt::DisplayRole )
    return QVariant();
  const RtTr t( mRows->lang );
  switch ( section )
  {
    case ColumnTitle:
      return t.translate( "RtTaskModels", "Clause / task" );
    case ColumnStatus:
      return t.translate( "RtTaskModels", "Status" );
    case ColumnDeadline:
      return t.translate( "RtTaskModels", "Deadline" );
    default:
      break;
  }
  return QVariant();
}

Qt::ItemFlags RtTaskTreeModel::flags( const QModelIndex &index ) const
{
  if ( !nodeOf( index ) )
    return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  if ( nodeOf( index )->task >= 0 )
    f |= Qt::ItemNeverHasChildren;
  return f;
}

//
// RtTaskTableModel
//

RtTaskTableModel::RtTaskTableModel( QObject *parent )
  : QAbstractTableModel( parent )
  , mRows( std::make_unique<RtTaskModelRows>() )
{
}

RtTaskTableModel::~RtTaskTableModel() = default;

void RtTaskTableModel::setTasks( const QVector<RtTask> &tasks, const QDate &asOf, RtLang lang )
{
  beginResetModel();
  mRows->asOf = asOf;
  mRows->lang = lang;
  mRows->setTasks( tasks );
  endResetModel();
}

void RtTaskTableModel::updateTask( const RtTask &task )
{
  const auto it = mRows->rowOfId.constFind( task.id );
  if ( it == mRows->rowOfId.constEnd() )
    return;
  mRows->tasks[it.value()] = task;
  mRows->refresh( it.value() );
  emitRowsChanged( QVector<int>() << it.value() );
}

void RtTaskTableModel::setAsOf( const QDate &asOf )
{
  emitRowsChanged( mRows->setAsOf( asOf ) );
}

QDate RtTaskTableModel::asOf() const
{
  return mRows->asOf;
}

void RtTaskTableModel::setLanguage( RtLang lang )
{
  if ( lang == mRows->lang )
    return;
  mRows->lang = lang;
  if ( !mRows->tasks.isEmpty() )
    emit dataChanged( index( 0, 0 ), index( rowCount() - 1, ColumnCount - 1 ) );
  emit headerDataChanged( Qt::Horizontal, 0, ColumnCount - 1 );
}

RtLang RtTaskTableModel::language() const
{
  return mRows->lang;
}

void RtTaskTableModel::setPlaceNames( const QHash<QString, QString> &placeNames )
{
  mRows->setPlaceNames( placeNames );
  if ( !mRows->tasks.isEmpty() )
    emit dataChanged( index( 0, 0 ), index( rowCount() - 1, ColumnCount - 1 ) );
}

QModelIndex RtTaskTableModel::indexOfTask( const QString &taskId ) const
{
  const auto it = mRows->rowOfId.constFind( taskId );
  if ( it == mRows->rowOfId.constEnd() )
    return QModelIndex();
  return index( it.value(), 0 );
}

RtTask RtTaskTableModel::task( int row ) const
{
  if ( row < 0 || row >= mRows->tasks.size() )
    return RtTask();
  return mRows->tasks.at( row );
}

QVector<RtTask> RtTaskTableModel::tasks() const
{
  return mRows->tasks;
}

void RtTaskTableModel::emitRowsChanged( const QVector<int> &rows )
{
  // One signal per run of adjacent rows (rows come sorted), every role.
  int i = 0;
  while ( i < rows.size() )
  {
    int j = i;
    while ( j + 1 < rows.size() && rows.at( j + 1 ) == rows.at( j ) + 1 )
      ++j;
    emit dataChanged( index( rows.at( i ), 0 ), index( rows.at( j ), ColumnCount - 1 ) );
    i = j + 1;
  }
}

int RtTaskTableModel::rowCount( const QModelIndex &parent ) const
{
  return parent.isValid() ? 0 : mRows->tasks.size();
}

int RtTaskTableModel::columnCount( const QModelIndex &parent ) const
{
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant RtTaskTableModel::data( const QModelIndex &index, int role ) const
{
  if ( !checkIndex( index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid ) )
    return QVariant();
  static const RtTaskField sFields[ColumnCount] =
  {
    RtTaskField::Id, RtTaskField::Title, RtTaskField::Status, RtTaskField::Progress, RtTaskField::Category,
    RtTaskField::Deadline, RtTaskField::Responsible, RtTaskField::Clause
  };
  return mRows->data( index.row(), sFields[index.column()], role );
}

QVariant RtTaskTableModel::headerData( int section, Qt::Orientation orientation, int role ) const
{
  if ( orientation != Qt::Horizontal || role != Qt::DisplayRole )
    return QAbstractTableModel::headerData( section, orientation, role );
  const RtTr t( mRows->lang );
  switch ( section )
  {
    case ColumnId:
      return t.translate( "RtTaskModels", "Id" );
    case ColumnTitle:
      return t.translate( "RtTaskModels", "Task" );
    case ColumnStatus:
      return t.translate( "RtTaskModels", "Status" );
    case ColumnProgress:
      return t.translate( "RtTaskModels", "Progress against target" );
    case ColumnCategory:
      return t.translate( "RtTaskModels", "Category" );
    case ColumnDeadline:
      return t.translate( "RtTaskModels", "Deadline" );
    case ColumnResponsible:
      return t.translate( "RtTaskModels", "Responsible" );
    case ColumnClause:
      return t.translate( "RtTaskModels", "Clause" );
    default:
      break;
  }
  return QVariant();
}

Qt::ItemFlags RtTaskTableModel::flags( const QModelIndex &index ) const
{
  if ( !index.isValid() )
    return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}
