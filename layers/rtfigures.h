#ifndef RTFIGURES_H
#define RTFIGURES_H

#include "rtdeadline.h"
#include "rtresolution.h"

#include <QVector>

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
}

#endif // RTFIGURES_H
