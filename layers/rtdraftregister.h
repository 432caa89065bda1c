#ifndef RTDRAFTREGISTER_H
#define RTDRAFTREGISTER_H

#include "rtcity.h"
#include "rtregister.h"
#include "rtresolution.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

//! A draft register and what its reviewer should know.
struct RtDraft
{
  RtRegisterFile reg;     //!< every task with review "draft" and status "no_report"
  int directiveLeaves = 0;
  int appendixRows = 0;
  QStringList warnings;   //!< undated deadline phrases, tasks without a responsible body …
};

/**
 * \brief Proposes a register from a resolution's text, for a person to review.
 *
 * A task for every directive leaf of the clause tree and for every row of a project-list
 * appendix (RtResolution::appendices), each with its evidence: the clause path and a
 * verbatim quote (the leaf's first sentence, or the row's cells), the deadline phrase the
 * text sets and its date (RtDeadline), the responsible body the text names, the places it
 * names (found through the city's gazetteer), a suggested category (RtCategories::suggest),
 * status "no_report" and review "draft". Nothing is invented: a field the text does not
 * support stays empty.
 *
 * - A leaf is a directive when the nearest clause on its path (itself or an ancestor)
 *   whose opening words say so is a directive: "giao", "đề nghị", "yêu cầu", "nhiệm vụ",
 *   "giải pháp", "đối với", "tổ chức thực hiện", "trách nhiệm", "chỉ đạo", "triển khai" make
 *   it one; "Kết quả", "Tồn tại", "Hạn chế", "Nguyên nhân", "Tình hình", "hiệu lực" (the
 *   findings and the closing article) do not.
 * - The responsible body: the body the leaf itself assigns ("Giao Ủy ban nhân dân thành
 *   phố …", "Đề nghị HĐND các xã, phường …", "Phòng Tài nguyên và Môi trường chủ trì …",
 *   "Đối với …"), else the nearest ancestor's; a body followed by "giao" is the one giving
 *   the task, not taking it. As written in the text.
 * - The deadline: the first dated phrase with its marker ("trước ngày …", "trong quý …",
 *   "hết nhiệm kỳ", "kỳ họp cuối năm …"), else the leaf's one recurring or ongoing phrase.
 *   Not proposed: a phrase dated before the resolution (what had been done by then), and a
 *   plan's horizon ("giai đoạn 2021 - 2025", "đến năm 2030", "…, tầm nhìn đến năm 2045"),
 *   which in these texts names a plan more often than it sets a deadline. Every phrase
 *   found is listed in the task's note for the reviewer.
 * - An appendix is a project list when a column names projects or works ("Tên dự án",
 *   "Danh mục", "Công trình", "Nội dung", "Nhiệm vụ"); "Tổng cộng" rows and group rows
 *   (a label and nothing else) are left out. The location column's cells ("Địa điểm",
 *   "Phường, xã") are looked up in the gazetteer as names; a deadline column ("Thời gian
 *   thực hiện", "Tiến độ") and a responsible column ("Chủ đầu tư", "Đơn vị thực hiện") are
 *   taken as written.
 */
namespace RtDraftRegister
{
  /**
   * The draft register of \a resolution, for the text file \a textFile (stored as written
   * in the register's "resolution"."text"), its places found through \a city's gazetteer.
   */
  RtDraft propose( const RtResolution &resolution, const RtCity &city, const RtCouncilTerm &term, const QString &textFile );

  //! The register as JSON, in the format of data/mongcai-172-register.json (RtRegister::parse reads it back).
  QByteArray toJson( const RtRegisterFile &reg );

  //! The responsible body \a text names in a directive, as written; empty when none.
  QString responsibleIn( const QString &text );

  /**
   * The council term a resolution of \a date belongs to: the national five-year terms
   * (2016–2021, 2021–2026, 2026–2031 …), each starting with its first sessions in mid-year
   * (before 1 July of an election year the previous term still runs).
   */
  RtCouncilTerm termOf( const QDate &date );
}

#endif // RTDRAFTREGISTER_H
