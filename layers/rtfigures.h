#ifndef RTFIGURES_H
#define RTFIGURES_H

#include "rtdeadline.h"
#include "rtresolution.h"

#include <QStringList>
#include <QVector>

#include <optional>

/**
 * \brief Finds the figures a resolution states: ratios ("14/16 chỉ tiêu"), percentages
 * ("Dịch vụ: 58%", "từ 60% trở lên") and approximate counts ("khoảng 500 ô đất").
 *
 * Dates ("22/12/2020") and document numbers ("168/BC-ĐGS", "35/HSPT") are not figures.
 * Each figure keeps the statement it comes from, the subject as written, the list in
 * brackets that follows it (the "which two" of "02/16 chỉ tiêu … (a; b)") and the
 * deadline phrase of the same statement.
 */
namespace RtFigures
{
  QVector<RtFigure> extract( const QVector<RtClause> &clauses, const RtCouncilTerm &term );

  /**
   * A number as Vietnamese texts write it: the comma is the decimal mark and the point
   * groups thousands ("3,65" = 3.65, "1.022" = 1022, "12.345,6" = 12345.6). A point followed
   * by other than three digits is read as a decimal point ("2.5", copies made abroad).
   * Empty when \a text is not a number ("-", "", "3,65 ha").
   */
  std::optional<double> parseNumber( const QString &text );

  //! \a value written the Vietnamese way with \a decimals after the comma, thousands grouped by points.
  QString formatNumber( double value, int decimals, bool groupThousands = true );

  /**
   * Checks an appendix's stated sums: every "Tổng cộng" (or "Tổng", "Cộng") row against the
   * sum of the rows above it, and every group row (numbered I, II … or A, B …) that states
   * figures against the rows under it. Each mismatch is a warning naming the appendix, the
   * column and both values; a sum within the rounding of the stated figure matches.
   */
  QStringList checkTotals( const RtAppendix &appendix );
}

#endif // RTFIGURES_H
