#ifndef RTAPPENDIXREADER_H
#define RTAPPENDIXREADER_H

#include "rtparagraph.h"
#include "rtresolution.h"

#include <QStringList>
#include <QVector>

/**
 * \brief Reads the appendices of a resolution ("PHỤ LỤC I", "Phụ lục 01"): label, title,
 * notes and the table as rows with named columns.
 *
 * Tables come as the copies have them: cells separated by tabs (Word's plain text, DOCX,
 * web pages), by pipes ("| 1 | Dự án … | 3,65 |"), or in columns of a PDF's physical layout,
 * where the header's words fix the columns, a header over several lines is joined, and a
 * long name wrapped inside its cell is joined to its row. A row whose number (STT) is empty
 * continues the row above, unless it is a total ("Tổng cộng"). A header repeated on a new
 * page and the row of column numbers "(1) (2) (3)" are not rows. The table ends at the
 * signature ("TM. …", "CHỦ TỊCH", a person's name) or the recipients list: those lines are
 * handed back, so a signer's name never becomes a row.
 */
class RtAppendixReader
{
  public:
    //! Whether \a line heads an appendix; its label ("PHỤ LỤC I") and a title on the same line.
    static bool isHeading( const QString &line, QString *label = nullptr, QString *title = nullptr );
    //! The indices of the lines that head an appendix, from \a from on.
    static QVector<int> findHeadings( const QVector<RtSourceLine> &lines, int from );

    struct Result
    {
      RtAppendix appendix;
      QStringList leftover; //!< lines after the table that belong to the signature or recipients
      QStringList warnings;
    };
    //! Reads one appendix: \a lines from its heading up to the next heading or the end.
    static Result read( const QVector<RtSourceLine> &lines );

    //! A surname most Vietnamese people carry (Nguyễn, Trần, Lê …), to tell a signer's name.
    static bool isCommonSurname( const QString &word );
};

#endif // RTAPPENDIXREADER_H
