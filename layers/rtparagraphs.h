#ifndef RTPARAGRAPHS_H
#define RTPARAGRAPHS_H

#include "rtparagraph.h"
#include "rtresolution.h"

#include <QMap>
#include <QStringList>
#include <QVector>

/**
 * \brief Turns a document's text lines into paragraphs, undoing what copying did to it.
 *
 * - clean(): page furniture goes: page numbers ("2", "- 2 -", "Trang 2/5") at the top or
 *   foot of a page, running headers and footers repeated on the pages (told by the form
 *   feeds PDF text extraction writes; without them, lone page numbers between blank lines
 *   and a line repeated three times or more).
 * - build(): a sentence cut by a page break is joined again (the piece after it starts in
 *   lower case or follows the page's footnotes); text wrapped at the width of a PDF page
 *   (pdftotext, with or without -layout) is reflowed into paragraphs by the lines' widths
 *   and first-line indents; "Điều" on one line and its number on the next are one line;
 *   footnote bodies (a line starting with a superscript number, up to three digits) are
 *   set apart; emphasis marks (*, **) go. A longer run of superscript digits is text.
 */
class RtParagraphs
{
  public:
    static QVector<RtSourceLine> clean( const QStringList &lines, QStringList &notes );

    struct Result
    {
      QVector<RtParagraph> paragraphs;
      QMap<int, RtFootnote> footnotes; //!< by number; clausePath not yet known
      QStringList warnings;
    };
    //! \a linesAreParagraphs: every line is already a paragraph (DOCX), nothing is joined.
    static Result build( const QVector<RtSourceLine> &lines, bool linesAreParagraphs );

    //! The footnote number a line starts with ("¹ Tồn tại …" → 1, \a bodyStart after it); 0 if
    //! none, or when the run of superscript digits is longer than RtText::maxFootnoteDigits.
    static int footnoteNumber( const QString &text, int &bodyStart );
};

#endif // RTPARAGRAPHS_H
