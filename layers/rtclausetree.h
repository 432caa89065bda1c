#ifndef RTCLAUSETREE_H
#define RTCLAUSETREE_H

#include "rtparagraph.h"
#include "rtresolution.h"

#include <QString>
#include <QStringList>
#include <QVector>

/**
 * \brief Builds the clause tree of a resolution's body in the national format (Nghị định
 * 30/2020/NĐ-CP and the usual drafting conventions).
 *
 * Markers, with their labels as written:
 * - Phần / Chương / Mục with a Roman or Arabic number ("Phần I", "Phần thứ hai",
 *   "Chương II", "Mục 1") and articles ("Điều 3") nest by their rank;
 * - Roman parts "I.", khoản "1.", "1)", decimal items "1.1." / "1.1.1.", điểm "a)" in the
 *   Vietnamese letter order (a b c d đ e g h i k l m n o p q r s t u v x y), "(1)", and the
 *   "(i1)" items written inside a "(1)" item nest by order of appearance: a marker of a
 *   kind already open is a sibling of that clause, any other becomes a child of the clause
 *   being read (so Điều → I. → 1. → a) → - reads as plans annexed to a decision are written,
 *   and a body of bare "1." items after "QUYẾT NGHỊ:" needs no article);
 * - bullets "-" (also "–", "•") and "+" are child clauses labelled by their sign and their
 *   place among their parent's bullets of that sign: "-1", "-2", "+1". Paths stay unique and
 *   citable ("Điều 1 › II. › 1. › b) › -2 › +1"). Bullets that follow a sentence closed by
 *   a full stop are paragraphs of that clause, not a list ("1. … giao." then "- …").
 *
 * A label written twice under one parent gets "#2", "#3" … ("2.#2") and a warning, so every
 * clause path stays unique. Numbering gaps and letters out of order are warnings.
 */
class RtClauseTree
{
  public:
    enum class Kind
    {
      None,
      Part, Chapter, Section, Article,      // structural, ranked in this order
      Roman, Arabic, ArabicParen, Decimal2, Decimal3, Letter, Paren, Dash, Plus,
    };

    struct Marker
    {
      Kind kind = Kind::None;
      QString label;  //!< as it will be cited ("Điều 3", "a)", "1.1."; bullets are numbered later)
      QString rest;   //!< the text after the marker
      int number = 0; //!< its place in its sequence (a = 1, đ = 5, II = 2); 0 for bullets
    };

    //! The clause marker \a text starts with, or a Marker of kind None.
    static Marker marker( const QString &text );
    static bool startsClause( const QString &text ) { return marker( text ).kind != Kind::None; }

    //! What reading the body gave.
    struct Result
    {
      QVector<RtClause> clauses;
      QString closing;         //!< "Nghị quyết này … thông qua …" (also kept in an article that carries it)
      int end = 0;             //!< index of the first paragraph after the body
      bool sawClosing = false;
      bool sawRecipients = false; //!< the body ended at "Nơi nhận"
      bool sawSignature = false;  //!< the body ended at the signature ("TM. …", "CHỦ TỊCH")
      QStringList openPath;    //!< the clause being read when the body ended
      QStringList warnings;
    };

    /**
     * Reads paragraphs \a from .. end: clauses up to the recipients list ("Nơi nhận:"), the
     * signature block or the end. The closing formula is recorded; the body goes on after it
     * when more clauses follow (a closing inside the last article).
     */
    static Result read( const QVector<RtParagraph> &paragraphs, int from );

    //! "TM. HỘI ĐỒNG NHÂN DÂN", "KT. CHỦ TỊCH", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỌA" …
    static bool isSignatureLine( const QString &text );
    static bool isRecipientsLine( const QString &text );
    static bool isClosing( const QString &text );

    //! Place of a lower-case letter in the Vietnamese order (a = 1, ă/â none, đ = 5 …), 0 if none.
    static int letterNumber( QChar letter );
    //! Value of a Roman numeral ("XIV" = 14), 0 if it is not one.
    static int romanValue( const QString &roman );
};

#endif // RTCLAUSETREE_H
