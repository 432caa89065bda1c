#ifndef RTTASKMODEL_H
#define RTTASKMODEL_H

#include "rtlang.h"
#include "rtresolution.h"
#include "rttask.h"

#include <QAbstractItemModel>
#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

/**
 * \brief The item data roles of the task models (RtTaskTreeModel, RtTaskTableModel).
 *
 * Every role answers on every column of a row, so a proxy or a view can ask column 0.
 * Clause rows of the tree answer IsTask (false), ClausePath, SortValue and TaskCount only.
 */
namespace RtTaskRoles
{
  enum Role
  {
    TaskId = Qt::UserRole + 1, //!< QString: the task's id ("CM-QHPK-A3")
    IsTask,                    //!< bool: false for a clause row of the tree
    Status,                    //!< int( RtStatus ), the current status
    Overdue,                   //!< bool: overdue on the model's as-of date
    Category,                  //!< QString: the RtCategories code
    Responsible,               //!< QString: the responsible body as written
    Places,                    //!< QStringList: place keys ("ward:06742", "zone:A3")
    ClausePath,                //!< QStringList: clause labels from the top
    SearchText,                //!< QString: the folded text a search matches (see RtTaskModels::searchText())
    DeadlineDate,              //!< QDate: the due date; invalid when none or recurring
    SortValue,                 //!< the value the column sorts by; an invalid QVariant for "no value" (sorted last)
    TaskCount,                 //!< int: tasks in the row's subtree (1 for a task row)
  };
}

/**
 * \brief Texts and keys shared by the task models, the filter and the dock.
 */
namespace RtTaskModels
{
  /**
   * A place key as the models compare it: the kind lower-cased, the code as
   * RtPlaceKey::codeKey() (or RtPlaceKey::compositeKey() for "parcel:06715/12/345")
   * compares it, so "Zone:a4.1 " and "zone:A4.1" are one key.
   */
  QString placeKey( const QString &key );

  /**
   * The text a search matches for \a task, folded (RtText::foldForSearch(), white space
   * collapsed): id, both titles, the quote, the clause path, the responsible body, the
   * place keys and their names in \a placeNames (keys normalised by placeKey()), the
   * target, the deadline phrase and both notes. Fields are separated by a line break so
   * that a phrase never matches across two fields.
   */
  QString searchText( const RtTask &task, const QHash<QString, QString> &placeNames );

  //! "Đang thực hiện", or "Đang thực hiện — quá hạn" / "In progress — overdue" when overdue.
  QString statusText( RtStatus status, bool overdue, RtLang lang );

  //! "31/12/2024 (trước năm 2025)" (vi) or "2024-12-31 (trước năm 2025)" (en); the phrase
  //! alone for a recurring deadline; empty when there is none.
  QString deadlineText( const RtDeadline &deadline, RtLang lang );

  //! "Điều 1 › 4. › 4.1. › (4) › (i1)", followed by ", chú thích 4" / ", footnote 4"
  //! when the quote comes from a footnote.
  QString clauseText( const RtTask &task, RtLang lang );

  //! The clause's label and the start of its text, cut at a word: "(i1) Xác định …".
  QString clauseShortText( const RtClause &clause, int maxChars = 72 );
}

struct RtTaskModelRows;

/**
 * \brief Clauses → tasks: the resolution's clause tree, pruned to the clauses that
 * hold tasks, with each task under its clause.
 *
 * Clauses keep the order of the text; under a clause its own tasks come first, in
 * register order, then its sub-clauses. A task whose clause is not in the resolution
 * gets clause rows of its own (labels only), after the others.
 *
 * Columns: 0 the clause's label and short text / the task's title, 1 the status,
 * 2 the deadline. Qt::ToolTipRole is the task's quote (the clause's whole text for a
 * clause row). The data roles are RtTaskRoles.
 */
class RtTaskTreeModel : public QAbstractItemModel
{
    Q_OBJECT

  public:
    enum Column
    {
      ColumnTitle,
      ColumnStatus,
      ColumnDeadline,
      ColumnCount
    };

    explicit RtTaskTreeModel( QObject *parent = nullptr );
    ~RtTaskTreeModel() override;

    //! Replaces everything (a model reset). \a tasks are in register order.
    void setRegister( const RtResolution &resolution, const QVector<RtTask> &tasks, const QDate &asOf, RtLang lang );

    //! Replaces the task with the same id (after a status change): dataChanged for that
    //! row only. An unknown id is ignored; a task moved to another clause resets the model.
    void updateTask( const RtTask &task );

    //! The date overdue flags are computed for: dataChanged for the rows whose flag changes.
    void setAsOf( const QDate &asOf );
    QDate asOf() const;

    //! The language of the display texts: dataChanged for every row, headerDataChanged.
    void setLanguage( RtLang lang );
    RtLang language() const;

    //! Names of places for the search ("ward:06742" → "Phường Hải Hòa").
    void setPlaceNames( const QHash<QString, QString> &placeNames );

    //! Column 0 of the task's row; invalid for an unknown id.
    QModelIndex indexOfTask( const QString &taskId ) const;
    //! Column 0 of the clause row at \a path (labels from the top); invalid when the tree has none.
    QModelIndex indexOfClause( const QStringList &path ) const;

    //! The task of a task row; an invalid RtTask (empty id) for a clause row.
    RtTask task( const QModelIndex &index ) const;
    //! Every task, in register order.
    QVector<RtTask> tasks() const;

    QModelIndex index( int row, int column, const QModelIndex &parent = QModelIndex() ) const override;
    QModelIndex parent( const QModelIndex &index ) const override;
    int rowCount( const QModelIndex &parent = QModelIndex() ) const override;
    int columnCount( const QModelIndex &parent = QModelIndex() ) const override;
    QVariant data( const QModelIndex &index, int role = Qt::DisplayRole ) const override;
    QVariant headerData( int section, Qt::Orientation orientation, int role = Qt::DisplayRole ) const override;
    Qt::ItemFlags flags( const QModelIndex &index ) const override;

  private:
    struct Node;

    void rebuild();
    Node *nodeOf( const QModelIndex &index ) const;
    QModelIndex indexOfNode( const Node *node, int column = 0 ) const;
    void emitRowChanged( const Node *node );
    void emitAllChanged( const Node *node );

    QVector<RtClause> mClauses;
    std::unique_ptr<RtTaskModelRows> mRows;
    std::unique_ptr<Node> mRoot;
    QVector<Node *> mTaskNodes; //!< task number → its node (owned by the tree)
};

/**
 * \brief The same tasks as a flat table, for sorting by any column.
 *
 * Columns: Id, Title, Status, Progress (the latest value against the target, RtProgress),
 * Category, Deadline, Responsible, Clause. Qt::ToolTipRole is
 * the task's quote; RtTaskRoles::SortValue is the underlying value (status in
 * vocabulary order, category in RtCategories::codes() order, deadline as a QDate, an
 * invalid QVariant when there is none) which RtTaskFilterModel sorts by.
 */
class RtTaskTableModel : public QAbstractTableModel
{
    Q_OBJECT

  public:
    enum Column
    {
      ColumnId,
      ColumnTitle,
      ColumnStatus,
      ColumnProgress,
      ColumnCategory,
      ColumnDeadline,
      ColumnResponsible,
      ColumnClause,
      ColumnCount
    };

    explicit RtTaskTableModel( QObject *parent = nullptr );
    ~RtTaskTableModel() override;

    //! Replaces every row (a model reset). \a tasks are in register order.
    void setTasks( const QVector<RtTask> &tasks, const QDate &asOf, RtLang lang );

    //! Replaces the task with the same id: dataChanged for that row only; an unknown id is ignored.
    void updateTask( const RtTask &task );

    //! The date overdue flags are computed for: dataChanged for the rows whose flag changes.
    void setAsOf( const QDate &asOf );
    QDate asOf() const;

    //! The language of the display texts: dataChanged for every row, headerDataChanged.
    void setLanguage( RtLang lang );
    RtLang language() const;

    //! Names of places for the search ("ward:06742" → "Phường Hải Hòa").
    void setPlaceNames( const QHash<QString, QString> &placeNames );

    //! Column 0 of the task's row; invalid for an unknown id.
    QModelIndex indexOfTask( const QString &taskId ) const;
    //! The task of \a row; an invalid RtTask (empty id) out of range.
    RtTask task( int row ) const;
    //! Every task, in register order.
    QVector<RtTask> tasks() const;

    int rowCount( const QModelIndex &parent = QModelIndex() ) const override;
    int columnCount( const QModelIndex &parent = QModelIndex() ) const override;
    QVariant data( const QModelIndex &index, int role = Qt::DisplayRole ) const override;
    QVariant headerData( int section, Qt::Orientation orientation, int role = Qt::DisplayRole ) const override;
    Qt::ItemFlags flags( const QModelIndex &index ) const override;

  private:
    void emitRowsChanged( const QVector<int> &rows );

    std::unique_ptr<RtTaskModelRows> mRows;
};

#endif // RTTASKMODEL_H
