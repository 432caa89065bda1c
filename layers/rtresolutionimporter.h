#ifndef RTRESOLUTIONIMPORTER_H
#define RTRESOLUTIONIMPORTER_H

#include "rtdeadline.h"
#include "rtencoding.h"
#include "rtresolution.h"
#include "rtresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

//! A resolution read from its text, and what the reader noticed but could live with.
struct RtImportReport
{
  RtResolution resolution;
  QStringList warnings; //!< what may be wrong in the text or its reading (numbering gaps, sums that disagree …)
  QStringList info;     //!< what was done to read it ("converted from Windows-1258", "read from a PDF of 3 page(s)" …)
  QString format;       //!< "text", "pdf" or "docx"
  QString encoding;     //!< a plain text's encoding ("UTF-8", "Windows-1258" …); empty for PDF and DOCX
};

/**
 * \brief Reads a Vietnamese council resolution or decision in the national format.
 *
 * One job per module, in this order:
 * - RtDocumentSource: the file by its content (PDF with a text layer, DOCX, or plain text
 *   in UTF-8, UTF-16, Windows-1258, TCVN3 (ABC) or VNI through RtEncoding) into lines;
 * - RtParagraphs: page numbers and running headers removed, lines reflowed into paragraphs,
 *   sentences split by page breaks joined, footnote bodies set apart;
 * - RtAppendixReader: the appendices ("Phụ lục …") after the body or the signature, as
 *   tables of named columns (their "Tổng cộng" rows checked by RtFigures::checkTotals);
 * - RtHeaderReader: number, place and date, type, title, issuer, body, session, preamble,
 *   and after the body the recipients and the signature;
 * - RtClauseTree: the clause tree (Phần / Chương / Mục / Điều / I. / 1. / 1.1. / a) / (1) /
 *   bullets), the closing formula;
 * then the footnotes with the clause that cites each, and the figures the text states.
 * Wording is kept as written, typos included.
 *
 * Refused with a message saying where and what to do: an empty file, bytes that are not a
 * text in a known encoding (or whose encoding is not certain: name it with \a encoding),
 * a NUL byte, a scanned PDF without text, a text without a number, date or any article or
 * numbered item, and a truncated text (one that stops before the closing formula,
 * recipients list, signature or appendix).
 */
class RtResolutionImporter
{
  public:
    static RtResult<RtImportReport> importBytes( const QByteArray &bytes, const QString &sourceName,
                                                 const RtCouncilTerm &term = RtCouncilTerm(),
                                                 RtEncoding::Encoding encoding = RtEncoding::Encoding::Auto );
    static RtResult<RtImportReport> importFile( const QString &path, const RtCouncilTerm &term = RtCouncilTerm(),
                                                RtEncoding::Encoding encoding = RtEncoding::Encoding::Auto );
};

#endif // RTRESOLUTIONIMPORTER_H
