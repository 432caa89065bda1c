#ifndef RTDEADLINE_H
#define RTDEADLINE_H

#include "rtresult.h"

#include <QDate>
#include <QString>
#include <QVector>

//! The elected term of the council that passed a resolution ("nhiệm kỳ 2021–2026").
struct RtCouncilTerm
{
  int startYear = 0;
  int endYear = 0;
};

/**
 * \brief A deadline as the resolution words it, and the date it means.
 *
 * Understood phrases (spacing, dash style and case as written):
 * - "đến hết năm 2023", "đến năm 2030"  → 31/12 of that year;
 * - "trước năm 2025"                   → 31/12 of the year before;
 * - "giai đoạn 2023 - 2025"            → 31/12 of the period's last year;
 * - "hết nhiệm kỳ"                      → 31/12 of the council term's last year (the latest
 *   day the term can end, so a task is never flagged overdue early);
 * - "hàng năm"                          → recurring every year: no single due date.
 */
class RtDeadline
{
  public:
    enum class Kind
    {
      None,      //!< the text sets no deadline
      Date,      //!< due by date()
      Recurring, //!< every year ("hàng năm")
    };

    RtDeadline() = default;

    //! Parses one phrase; an empty phrase gives Kind::None.
    static RtResult<RtDeadline> parse( const QString &phrase, const RtCouncilTerm &term );

    //! Every deadline phrase that occurs in \a text, in order of appearance.
    static QVector<RtDeadline> findAll( const QString &text, const RtCouncilTerm &term );

    Kind kind() const { return mKind; }
    //! The words as written in the resolution.
    QString phrase() const { return mPhrase; }
    //! The last day the task may be completed on (valid for Kind::Date only).
    QDate date() const { return mDate; }
    //! Character offset of the phrase in the text it was found in (findAll only).
    int offset() const { return mOffset; }

  private:
    Kind mKind = Kind::None;
    QString mPhrase;
    QDate mDate;
    int mOffset = -1;
};

#endif // RTDEADLINE_H
