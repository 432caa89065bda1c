#ifndef RTDOCUMENTSOURCE_H
#define RTDOCUMENTSOURCE_H

#include "rtencoding.h"
#include "rtresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

//! The text of a document file as lines, and how it was read.
struct RtSourceText
{
  enum class Format { Text, Pdf, Docx };
  Format format = Format::Text;
  /**
   * The text, a line each. A line that starts a new page begins with a form feed ("\f"),
   * as pdftotext writes it. Table rows are one line with their cells separated by tabs.
   */
  QStringList lines;
  //! DOCX: every line is a whole paragraph or table row (no page breaks split sentences).
  bool linesAreParagraphs = false;
  QString encoding;     //!< plain text: the encoding it was read in (RtEncoding::name())
  QStringList notes;    //!< what was done to read it: "converted from Windows-1258", "read from a PDF of 3 pages"
  QStringList warnings; //!< what may be missing: "page 4 has no text (a scanned page?)"

  static QString formatName( Format format ); //!< "text", "pdf", "docx"
};

/**
 * \brief Reads a resolution's file into text lines, choosing the reader by the file's
 * content (magic bytes), not its name: PDF with a text layer (poppler), DOCX (GDAL's
 * /vsizip/ and QXmlStreamReader), or plain text in any encoding RtEncoding knows.
 *
 * PDF pages are read in their physical layout (columns side by side, first-line indents
 * kept) so the header's two columns and appendix tables stay apart. DOCX paragraphs become
 * lines (Word's own numbering written out: "a)", "1."), tables become rows of cells
 * separated by tabs (a borderless layout table of a few multi-line cells, like the header
 * or the signature, line by line), footnotes follow the paragraph citing them with the
 * marker as a superscript digit. A scanned PDF without text, an encrypted PDF, a Word 97
 * .doc, an OpenDocument text or other binary data is refused with what to do instead.
 */
class RtDocumentSource
{
  public:
    static RtResult<RtSourceText> read( const QByteArray &bytes, const QString &sourceName,
                                        RtEncoding::Encoding encoding = RtEncoding::Encoding::Auto );
    static RtResult<RtSourceText> readFile( const QString &path, RtEncoding::Encoding encoding = RtEncoding::Encoding::Auto );

    //! The format the bytes are in, told by their first bytes.
    enum class Kind { Text, Pdf, Docx, Zip, OpenDocument, WordBinary, Rtf };
    static Kind sniff( const QByteArray &bytes );

  private:
    static RtResult<RtSourceText> readPdf( const QByteArray &bytes, const QString &sourceName );
    static RtResult<RtSourceText> readDocx( const QByteArray &bytes, const QString &sourceName );
};

#endif // RTDOCUMENTSOURCE_H
