#ifndef RTHEADERREADER_H
#define RTHEADERREADER_H

#include "rtparagraph.h"
#include "rtresult.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

/**
 * \brief Reads the frame of a resolution or decision: its header (issuing authority,
 * number, place and date, type, title, enacting body, term and session, preamble) and, after
 * the body, the recipients and the signature.
 *
 * The header is read by what each piece says, not where it sits, so it survives the copies
 * people have: the two-column header of Word or a web page flattened into one line with
 * tabs, pipes or column gaps ("Số: 45/NQ-HĐND | Móng Cái, ngày … |"), PDF text in reading
 * order (left column, then right), the session on its own line ("KHÓA XIX, KỲ HỌP THỨ 15")
 * or after the council's name, a title over several lines or in capitals — a title that
 * names the council ("VỀ CHƯƠNG TRÌNH GIÁM SÁT CỦA HỘI ĐỒNG NHÂN DÂN …") is still the title,
 * because only a line that starts with the body's name is the body.
 */
class RtHeaderReader
{
  public:
    struct Header
    {
      QString number;       //!< "172/NQ-HĐND"
      QString place;        //!< "Móng Cái"
      QDate date;
      QString documentType; //!< "NGHỊ QUYẾT", "QUYẾT ĐỊNH"
      QString title;        //!< its lines joined
      QString issuer;       //!< the authority at the top left: "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI"
      QString body;         //!< the enacting body under the title (the issuer when there is none)
      QString session;      //!< "KHÓA XIX - KỲ HỌP THỨ 13"
      QStringList preamble; //!< "Căn cứ …", "Xét …", "Sau khi …", "Theo đề nghị …"
      int bodyStart = -1;   //!< index of the first paragraph of the body
    };

    /**
     * Reads the header from the paragraphs before "QUYẾT NGHỊ:" / "QUYẾT ĐỊNH:" (or the first
     * article, or the first numbered item after the preamble). Refused without a number, a
     * date or a body.
     */
    static RtResult<Header> read( const QVector<RtParagraph> &paragraphs, const QString &sourceName );

    struct Signature
    {
      QString onBehalf;      //!< "TM. HỘI ĐỒNG NHÂN DÂN", "KT. CHỦ TỊCH"
      QString title;         //!< "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỌA"
      QString name;          //!< "Nguyễn Văn Đô"
      QStringList recipients; //!< "- TT HĐND, UBND tỉnh (B/c);" …
    };

    //! Reads recipients and signature from \a lines (raw lines: tabs and column gaps kept).
    static Signature readSignature( const QStringList &lines );

    //! The pieces of a line flattened from columns: split at tabs, pipes and gaps of 3+ spaces.
    static QStringList segments( const QString &line );
    //! Whether \a text looks like a person's name ("Nguyễn Văn Đô"): 2–6 capitalised words.
    static bool looksLikeName( const QString &text );
};

#endif // RTHEADERREADER_H
