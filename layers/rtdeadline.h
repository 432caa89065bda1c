#ifndef RTDEADLINE_H
#define RTDEADLINE_H

#include "rtresult.h"

#include <QDate>
#include <QString>
#include <QVector>

#include <optional>

//! The elected term of the council that passed a resolution ("nhiệm kỳ 2021–2026").
struct RtCouncilTerm
{
  int startYear = 0;
  int endYear = 0;
};

/**
 * \brief A deadline as the resolution words it, and the date it means.
 *
 * The grammar (case, NFC/NFD, spacing, "-"/"–"/"—" and "/"/"."/"-" in dates as written):
 *
 * A time expression, optionally after a marker:
 * - a day: "31/12/2024", "31-12-2024", "ngày 31 tháng 12 năm 2024" (without a year, "ngày
 *   31/12" is in the year the resolution was issued);
 * - a month: "tháng 6/2024", "tháng 6 năm 2024"; a quarter: "quý III/2024", "quý 3 năm
 *   2024"; a half year: "6 tháng đầu năm 2024" (1/1–30/6), "6 tháng cuối năm" (1/7–31/12);
 *   a year: "năm 2024"; a period: "giai đoạn 2021 - 2025" (its last year); as a whole
 *   phrase (a table's "Thời gian thực hiện" cell) also "2025" and "2024 - 2025";
 * - a council session: "kỳ họp cuối năm 2024" → 31/12/2024 and "kỳ họp giữa năm 2025" →
 *   31/7/2025. The session's day is not known from the text: the year-end session is held
 *   in December and the mid-year one in June or July, so the last day of the latest month
 *   it is held in is taken, and a task is never flagged overdue before the session can
 *   have met (the same reasoning as for "hết nhiệm kỳ").
 *
 * The markers: "trước" (before: the day before the expression begins, so "trước năm 2025"
 * → 31/12/2024 and "trước ngày 31/12/2024" → 30/12/2024); "chậm nhất (là/vào)", "đến
 * (hết)", "hết", "trong", "cuối", "vào" and none (by its last day: "đến hết năm 2023" →
 * 31/12/2023, "trong quý III/2024" → 30/9/2024).
 *
 * And the phrases that stand alone:
 * - "hết nhiệm kỳ", "cuối nhiệm kỳ", "trong nhiệm kỳ" → 31/12 of the council term's last
 *   year (the latest day the term can end); "… nhiệm kỳ 2021 - 2026" names the term itself;
 * - recurring: "hàng năm"/"hằng năm", "định kỳ hàng quý", "hàng tháng", "hàng tuần",
 *   "định kỳ 6 tháng" → Kind::Recurring with its period, no single due date;
 * - ongoing: "thường xuyên", "thường xuyên, liên tục", "liên tục" → Kind::Ongoing.
 *
 * A phrase the grammar cannot date ("sớm nhất có thể", "hết nhiệm kỳ" with no council term,
 * "6 tháng cuối năm" with no year of issue, "31/02/2024") is kept verbatim as
 * Kind::Undated with problem() saying why: it never makes a register unreadable, and only
 * a due date (Kind::Date) can make a task overdue.
 */
class RtDeadline
{
  public:
    enum class Kind
    {
      None,      //!< the text sets no deadline
      Date,      //!< due by date()
      Recurring, //!< every period() ("hàng năm", "hàng quý")
      Ongoing,   //!< a standing duty ("thường xuyên")
      Undated,   //!< a phrase that names no date this grammar can work out (see problem())
    };

    //! How often a recurring deadline comes back.
    enum class Period
    {
      None,
      Week,
      Month,
      Quarter,
      HalfYear,
      Year,
    };

    RtDeadline() = default;

    /**
     * Reads one phrase, which must be a whole phrase of the grammar ("phấn đấu trước năm
     * 2025 hoàn thành" is not one: it is Undated). An empty phrase gives Kind::None.
     * \a issued, the resolution's date, gives the year to phrases that name none ("6 tháng
     * cuối năm", "kỳ họp cuối năm"). Never fails: a phrase it cannot date is Kind::Undated
     * (the result type is kept for the callers that read stored phrases).
     */
    static RtResult<RtDeadline> parse( const QString &phrase, const RtCouncilTerm &term, const QDate &issued = QDate() );

    /**
     * Every deadline phrase that occurs in \a text, in order of appearance; overlapping
     * phrases give the longest. In running text a day, month or year needs its marker
     * ("trong năm 2024", not "năm 2024", which is as often a reference: "Nghị quyết …
     * năm 2024"); offsets and phrases are those of the text in NFC.
     */
    static QVector<RtDeadline> findAll( const QString &text, const RtCouncilTerm &term, const QDate &issued = QDate() );

    //! Stable code for storage: "none", "date", "recurring", "ongoing", "undated".
    static QString kindCode( Kind kind );
    //! Inverse of kindCode(); nullopt for an unknown code.
    static std::optional<Kind> kindFromCode( const QString &code );
    //! Stable code of a period: "", "week", "month", "quarter", "half_year", "year".
    static QString periodCode( Period period );

    Kind kind() const { return mKind; }
    //! The words as written in the resolution.
    QString phrase() const { return mPhrase; }
    //! The last day the task may be completed on; valid for Kind::Date only.
    QDate date() const { return mDate; }
    //! How often a Kind::Recurring deadline comes back; Period::None otherwise.
    Period period() const { return mPeriod; }
    //! Why a Kind::Undated phrase has no date; empty otherwise.
    QString problem() const { return mProblem; }
    //! Character offset of the phrase in the text it was found in (findAll only).
    int offset() const { return mOffset; }

  private:
    friend struct RtDeadlineGrammar;
    Kind mKind = Kind::None;
    Period mPeriod = Period::None;
    QString mPhrase;
    QString mProblem;
    QDate mDate;
    int mOffset = -1;
};

#endif // RTDEADLINE_H
