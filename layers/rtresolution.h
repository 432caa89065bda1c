#ifndef RTRESOLUTION_H
#define RTRESOLUTION_H

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

/**
 * \brief One clause of a resolution: "Điều 1", "4.", "4.1.", "(3)", "(i4)" …
 *
 * The text is as written, with page breaks that split a sentence joined again, the
 * emphasis marks (*, **) removed and footnote markers (¹ ² …) kept.
 */
struct RtClause
{
  QString label;   //!< as written: "Điều 1", "1.", "3.1.", "(3)", "(i4)", "a)", "I."; bullets "-1", "+2" (see RtClauseTree)
  QString text;    //!< the clause's own text, without its children's
  int line = 0;    //!< line of the source where the clause starts (1-based)
  QVector<RtClause> children;
};

//! A footnote and the clause that cites it.
struct RtFootnote
{
  int number = 0;
  QString text;
  QStringList clausePath; //!< labels from the top down to the citing clause
  int line = 0;
};

/**
 * \brief A figure the text states: a ratio (14/16), a percentage (58%) or a count (500).
 */
struct RtFigure
{
  enum class Kind { Ratio, Percent, Count };
  Kind kind = Kind::Ratio;
  double value = 0;       //!< 14 in 14/16, 58 in 58%, 500 in "khoảng 500"
  double total = 0;       //!< 16 in 14/16; 0 when there is none
  QString comparator;     //!< "=", ">=" ("từ 60% trở lên"), ">" ("trên 90%"), "~" ("khoảng")
  QString subject;        //!< what is counted, as written ("chỉ tiêu đạt và vượt kế hoạch đề ra")
  QString label;          //!< the name before a colon ("Dịch vụ" in "Dịch vụ: 58%")
  QStringList items;      //!< the list in brackets right after it, if any
  QString deadline;       //!< a deadline phrase of the same statement, if any
  QString quote;          //!< the statement it comes from
  QStringList clausePath;

  static QString kindCode( Kind kind );
};

/**
 * \brief An appendix of a resolution ("Phụ lục I"): its title and its table, as written.
 *
 * Land-recovery and project lists live here. Rows keep the cells' text; numbers are read
 * from them with the Vietnamese decimal comma ("3,65" ha = 3.65).
 */
struct RtAppendix
{
  QString label;              //!< as written: "Phụ lục I", "PHỤ LỤC 02"
  QString title;              //!< the line(s) under the label: "Danh mục dự án thu hồi đất …"
  QStringList notes;          //!< text that is neither title nor table (e.g. "(Kèm theo Nghị quyết số …)")
  QStringList columns;        //!< the table's column names as written ("STT", "Tên dự án", "Diện tích (ha)")
  QVector<QStringList> rows;  //!< one entry per row, one cell per column (missing cells empty)
  QVector<int> rowLines;      //!< source line of each row (1-based)
  int line = 0;               //!< source line of the label

  //! The column named \a name (as written, compared without case), or -1.
  int column( const QString &name ) const;
};

//! A council resolution: its header, clause tree, footnotes and stated figures.
struct RtResolution
{
  QString number;       //!< "172/NQ-HĐND"
  QString place;        //!< "Móng Cái"
  QDate date;           //!< 2023-10-13
  QString documentType; //!< "NGHỊ QUYẾT"
  QString title;        //!< "Về kết quả giám sát …"
  QString body;         //!< enacting body as written under the title: "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI" (the issuer when there is none)
  QString issuer;       //!< the authority at the top left, its lines joined: "ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI"
  QString session;      //!< "KHÓA XIX - KỲ HỌP THỨ 13"
  QStringList preamble; //!< the "Căn cứ …" and "Sau khi xem xét …" paragraphs
  QVector<RtClause> clauses;
  QVector<RtFootnote> footnotes;
  QVector<RtFigure> figures;
  QString closing;      //!< "Nghị quyết này đã được … thông qua …"
  QString signerOnBehalf; //!< "TM. HỘI ĐỒNG NHÂN DÂN", "KT. CHỦ TỊCH" (empty when the signer signs in person)
  QString signerTitle;  //!< "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỌA"
  QString signer;       //!< "Nguyễn Văn Đô"
  QStringList recipients; //!< the "Nơi nhận" list, as written ("- TT HĐND, UBND tỉnh (B/c);")
  QVector<RtAppendix> appendices; //!< "Phụ lục …" after the body or the signature

  //! The clause at \a path (labels from the top), or nullptr.
  const RtClause *findClause( const QStringList &path ) const;
  //! The footnote with that number, or nullptr.
  const RtFootnote *findFootnote( int number ) const;
  //! The appendix labelled \a label ("Phụ lục I", compared without case), or nullptr.
  const RtAppendix *findAppendix( const QString &label ) const;
};

//! Joins a clause path for display and storage: "Điều 1 › 4. › 4.1. › (3)".
QString rtClausePathString( const QStringList &path );
//! Inverse of rtClausePathString().
QStringList rtClausePathFromString( const QString &path );

#endif // RTRESOLUTION_H
