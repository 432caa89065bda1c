#ifndef RTTASKFILTERMODEL_H
#define RTTASKFILTERMODEL_H

#include <QCollator>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

/**
 * \brief Filters and sorts RtTaskTreeModel or RtTaskTableModel.
 *
 * A task passes when it passes every filter that is set: its status is one of
 * setStatuses(), its category is setCategory(), its responsible body contains
 * setResponsible() (accents and case ignored), one of its places is setPlace(), it is
 * overdue (setOverdueOnly()), and its search text holds setSearchText().
 *
 * The search ignores diacritics and case ("hai hoa" finds "Hải Hòa", "Hoà", NFD text) and
 * matches the query as one phrase starting at the start of a word, so "hai hoa" does not
 * find "khai hoang"; it covers what RtTaskModels::searchText() lists, place names included.
 *
 * In a tree, a clause row stays when one of the tasks under it passes (recursive
 * filtering); with no filter set every row stays.
 *
 * Sorting uses RtTaskRoles::SortValue: dates as dates, status in vocabulary order, texts
 * with the Vietnamese collation and numbers in labels by value ("(9)" before "(10)").
 * Rows with no value (no deadline, no responsible body) come last in either order; in a
 * tree, clause rows keep the order of the text and a clause's own tasks stay before its
 * sub-clauses.
 */
class RtTaskFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

  public:
    explicit RtTaskFilterModel( QObject *parent = nullptr );

    //! Statuses to keep (values are int( RtStatus )); empty keeps all.
    void setStatuses( const QSet<int> &statuses );
    QSet<int> statuses() const { return mStatuses; }

    //! Category code to keep; empty keeps all.
    void setCategory( const QString &code );
    QString category() const { return mCategory; }

    //! Text the responsible body must contain (accents and case ignored); empty keeps all.
    void setResponsible( const QString &text );
    QString responsible() const { return mResponsibleText; }

    //! Place key to keep ("ward:06742", compared as RtTaskModels::placeKey()); empty keeps all.
    void setPlace( const QString &placeKey );
    QString place() const { return mPlaceText; }

    //! Keep overdue tasks only (overdue on the source model's as-of date).
    void setOverdueOnly( bool overdueOnly );
    bool overdueOnly() const { return mOverdueOnly; }

    //! Search phrase; empty keeps all.
    void setSearchText( const QString &text );
    QString searchText() const { return mSearchText; }

    //! Unsets every filter at once (one refiltering).
    void clearFilters();

    //! True when at least one filter is set.
    bool isFiltering() const;

    //! A search query as it is matched: folded (RtText::foldForSearch()), white space collapsed.
    static QString foldQuery( const QString &text );

    /**
     * True when \a foldedText holds \a foldedQuery starting at the start of a word (any
     * position when the query starts with punctuation). An empty query matches everything.
     */
    static bool matchesSearch( const QString &foldedText, const QString &foldedQuery );

  protected:
    bool filterAcceptsRow( int sourceRow, const QModelIndex &sourceParent ) const override;
    bool lessThan( const QModelIndex &left, const QModelIndex &right ) const override;

  private:
    //! Runs \a change between the notifications of a filter change.
    template <class F> void changeFilter( F change );
    bool taskAccepted( const QModelIndex &sourceIndex ) const;

    QSet<int> mStatuses;
    QString mCategory;
    QString mResponsibleText;
    QString mResponsible;  //!< folded
    QString mPlaceText;
    QString mPlace;        //!< normalised place key
    bool mOverdueOnly = false;
    QString mSearchText;
    QString mSearch;       //!< folded
    QCollator mCollator;
};

#endif // RTTASKFILTERMODEL_H
