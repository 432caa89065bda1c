#ifndef RTRESOLUTIONIMPORTER_H
#define RTRESOLUTIONIMPORTER_H

#include "rtdeadline.h"
#include "rtresolution.h"
#include "rtresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

//! A resolution read from its text, and what the reader noticed but could live with.
struct RtImportReport
{
  RtResolution resolution;
  QStringList warnings;
};

/**
 * \brief Reads the plain text (UTF-8) of a Vietnamese council resolution.
 *
 * Builds the header (number, place and date, type, title, issuing body), the clause tree
 * (Điều → 1. → 1.1. → (1) → (i1)), the footnotes with the clause that cites each, and
 * the figures the text states. It copes with the artefacts of a text taken from a PDF:
 * page breaks that split a sentence across blank lines (with the page's footnotes in
 * between), superscript footnote markers, and * / ** emphasis marks. Wording is kept as
 * written, typos included.
 *
 * Refused with a message saying where and what to do: an empty file, a file that is not
 * UTF-8 (legacy TCVN3/ABC or VNI text, UTF-16), a text without a header or any "Điều",
 * and a truncated text (one that stops before the closing formula and recipients list).
 */
class RtResolutionImporter
{
  public:
    static RtResult<RtImportReport> importBytes( const QByteArray &bytes, const QString &sourceName,
                                                 const RtCouncilTerm &term = RtCouncilTerm() );
    static RtResult<RtImportReport> importFile( const QString &path, const RtCouncilTerm &term = RtCouncilTerm() );

    //! Decodes UTF-8 text, or says why it cannot (and which legacy encoding it looks like).
    static RtResult<QString> decodeUtf8( const QByteArray &bytes, const QString &sourceName );
};

#endif // RTRESOLUTIONIMPORTER_H
