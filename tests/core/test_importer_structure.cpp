// The importer on the structures and copies of the national format, one at a time, and on
// the defects found in it (issue 8, issue 9 items 3, 4 and 7).
#include "catch_compat.h"
#include "testutil.h"
#include "bigtext.h"

#include "rtappendixreader.h"
#include "rtdocumentsource.h"
#include "rtfigures.h"
#include "rtparagraphs.h"
#include "rtresolutionimporter.h"
#include "rttext.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>

namespace
{
  const QString sHeader = QStringLiteral(
                            "HỘI ĐỒNG NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                            "THÀNH PHỐ MÓNG CÁI\tĐộc lập - Tự do - Hạnh phúc\n"
                            "Số: 12/NQ-HĐND\tMóng Cái, ngày 08 tháng 12 năm 2023\n"
                            "NGHỊ QUYẾT\n"
                            "Về việc thử cấu trúc\n"
                            "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI\n"
                            "KHÓA XIX, KỲ HỌP THỨ 15\n"
                            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
                            "QUYẾT NGHỊ:\n" );
  const QString sEnd = QStringLiteral( "Nghị quyết này đã được Hội đồng nhân dân thành phố Móng Cái khóa XIX, kỳ họp thứ 15 thông qua ngày 08 tháng 12 năm 2023./.\n"
                                       "Nơi nhận:\tTM. HỘI ĐỒNG NHÂN DÂN\n"
                                       "- Như trên;\tCHỦ TỊCH\n"
                                       "- Lưu: VT.\tTrần Minh Khoa\n" );

  RtImportReport importText( const QString &text )
  {
    const RtResult<RtImportReport> r = RtResolutionImporter::importBytes( text.toUtf8(), QStringLiteral( "test.txt" ) );
    INFO( r.error().toStdString() );
    REQUIRE( r.ok() );
    return r.value();
  }

  //! A resolution with \a body between the header and the closing, \a appendix after the signature.
  RtImportReport importBody( const QString &body, const QString &appendix = QString() )
  {
    return importText( sHeader + body + sEnd + appendix );
  }

  QStringList labels( const QVector<RtClause> &clauses )
  {
    QStringList out;
    for ( const RtClause &c : clauses )
      out << c.label;
    return out;
  }

  //! Every clause as "path: text" (white space normalised), for comparing two readings.
  void flatten( const QVector<RtClause> &clauses, const QString &path, QStringList &out )
  {
    for ( const RtClause &c : clauses )
    {
      const QString here = path.isEmpty() ? c.label : path + QStringLiteral( " › " ) + c.label;
      out << here + QStringLiteral( ": " ) + c.text.simplified();
      flatten( c.children, here, out );
    }
  }

  QStringList flatten( const RtResolution &r )
  {
    QStringList out;
    flatten( r.clauses, QString(), out );
    for ( const RtFootnote &f : r.footnotes )
      out << QStringLiteral( "footnote %1 in %2: %3" ).arg( f.number ).arg( rtClausePathString( f.clausePath ), f.text.simplified() );
    return out;
  }

  QByteArray utf16be( const QString &text )
  {
    QByteArray out( "\xFE\xFF", 2 );
    for ( const QChar c : text )
      out.append( static_cast<char>( c.unicode() >> 8 ) ).append( static_cast<char>( c.unicode() & 0xFF ) );
    return out;
  }

  QString warningsOf( const RtImportReport &r ) { return r.warnings.join( QLatin1Char( '\n' ) ); }

  //! A line of a PDF's physical layout: each text at its column.
  QString columns( const QVector<QPair<int, QString>> &cells )
  {
    QString line;
    for ( const auto &c : cells )
      line = line.leftJustified( c.first, QLatin1Char( ' ' ) ) + c.second;
    return line + QLatin1Char( '\n' );
  }
}

TEST_CASE( "points in the Vietnamese letter order, with đ and without f", "[importer][structure]" )
{
  const RtImportReport r = importBody( QStringLiteral( "Điều 1. Giao Ủy ban nhân dân thành phố:\n"
                                                      "a) Một;\nb) Hai;\nc) Ba;\nd) Bốn;\nđ) Năm;\ne) Sáu;\ng) Bảy;\nh) Tám.\n"
                                                      "Điều 2. Tổ chức thực hiện\n1. Giao:\na) Một;\nb) Hai;\nd) Bốn.\n" ) );
  REQUIRE( r.resolution.clauses.size() == 2 );
  CHECK( labels( r.resolution.clauses.at( 0 ).children ) == QStringList( { "a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)" } ) );
  CHECK( r.resolution.findClause( { "Điều 1", "đ)" } )->text == QStringLiteral( "Năm;" ) );
  // a point skipped is a warning, the tree still as written
  CHECK( labels( r.resolution.findClause( { "Điều 2", "1." } )->children ) == QStringList( { "a)", "b)", "d)" } ) );
  CHECK( warningsOf( r ).contains( QStringLiteral( "'d)' follows 'b)'" ) ) );
  CHECK( r.warnings.size() == 1 );
}

TEST_CASE( "bullets are clauses labelled by sign and place, after a sentence closed by a full stop they are text", "[importer][structure]" )
{
  const RtImportReport r = importBody( QStringLiteral( "Điều 1. Giao các cơ quan:\n"
                                                      "- Phòng Tài nguyên và Môi trường:\n+ rà soát hồ sơ;\n+ báo cáo kết quả;\n"
                                                      "- Phòng Quản lý đô thị.\n"
                                                      "Điều 2. Hội đồng nhân dân thành phố giao.\n"
                                                      "- Ủy ban nhân dân thành phố tổ chức thực hiện.\n"
                                                      "- Thường trực Hội đồng nhân dân giám sát.\n" ) );
  const RtClause *d1 = r.resolution.findClause( { "Điều 1" } );
  REQUIRE( d1 );
  CHECK( labels( d1->children ) == QStringList( { "-1", "-2" } ) );
  CHECK( labels( d1->children.at( 0 ).children ) == QStringList( { "+1", "+2" } ) );
  REQUIRE( r.resolution.findClause( { "Điều 1", "-1", "+2" } ) );
  CHECK( r.resolution.findClause( { "Điều 1", "-1", "+2" } )->text == QStringLiteral( "báo cáo kết quả;" ) );
  // as in 172/NQ-HĐND, Điều 2 › 1.: "… giao." then its bullets are its paragraphs
  const RtClause *d2 = r.resolution.findClause( { "Điều 2" } );
  REQUIRE( d2 );
  CHECK( d2->children.isEmpty() );
  CHECK( d2->text == QStringLiteral( "Hội đồng nhân dân thành phố giao.\n- Ủy ban nhân dân thành phố tổ chức thực hiện.\n- Thường trực Hội đồng nhân dân giám sát." ) );
}

TEST_CASE( "a label written twice under one parent stays citable", "[importer][structure]" )
{
  const RtImportReport r = importBody( QStringLiteral( "Điều 1. Nội dung\n1. Một.\n2. Hai.\n2. Hai lần nữa.\n" ) );
  CHECK( labels( r.resolution.clauses.at( 0 ).children ) == QStringList( { "1.", "2.", "2.#2" } ) );
  CHECK( r.resolution.findClause( { "Điều 1", "2.#2" } )->text == QStringLiteral( "Hai lần nữa." ) );
  CHECK( warningsOf( r ).contains( QStringLiteral( "a second '2.' under Điều 1; it is cited as '2.#2'" ) ) );
}

TEST_CASE( "a body of numbered items after QUYẾT NGHỊ without any article", "[importer][structure]" )
{
  // issue 8: refused as "clause '1.' comes before any article"
  const RtImportReport r = importBody( QStringLiteral( "1. Thông qua kế hoạch:\na) Nội dung một;\nb) Nội dung hai.\n2. Giao Ủy ban nhân dân thành phố tổ chức thực hiện.\n" ) );
  CHECK( labels( r.resolution.clauses ) == QStringList( { "1.", "2." } ) );
  CHECK( labels( r.resolution.clauses.at( 0 ).children ) == QStringList( { "a)", "b)" } ) );
  CHECK( r.warnings.isEmpty() );
}

TEST_CASE( "Phần, Chương, Mục and articles nest by rank, articles numbered through the text", "[importer][structure]" )
{
  const RtImportReport r = importBody( QStringLiteral( "PHẦN THỨ NHẤT\nQUY ĐỊNH CHUNG\nChương I\nPHẠM VI\nĐiều 1. Một\nĐiều 2. Hai\n"
                                                      "Chương II\nNỘI DUNG\nMục 1\nTRỒNG TRỌT\nĐiều 3. Ba\n1. Khoản.\nMục 2\nTHỦY SẢN\nĐiều 4. Bốn\n"
                                                      "Phần thứ hai\nTỔ CHỨC THỰC HIỆN\nĐiều 5. Năm\n" ) );
  CHECK( labels( r.resolution.clauses ) == QStringList( { "Phần thứ nhất", "Phần thứ hai" } ) );
  CHECK( r.resolution.findClause( { "Phần thứ nhất" } )->text == QStringLiteral( "QUY ĐỊNH CHUNG" ) );
  CHECK( labels( r.resolution.findClause( { "Phần thứ nhất" } )->children ) == QStringList( { "Chương I", "Chương II" } ) );
  CHECK( labels( r.resolution.findClause( { "Phần thứ nhất", "Chương II" } )->children ) == QStringList( { "Mục 1", "Mục 2" } ) );
  REQUIRE( r.resolution.findClause( { "Phần thứ nhất", "Chương II", "Mục 1", "Điều 3", "1." } ) );
  REQUIRE( r.resolution.findClause( { "Phần thứ hai", "Điều 5" } ) );
  CHECK( r.warnings.isEmpty() );
}

TEST_CASE( "Roman parts above the articles", "[importer][structure]" )
{
  const RtImportReport r = importBody( QStringLiteral( "I. ĐIỀU CHỈNH KẾ HOẠCH\nĐiều 1. Giảm vốn\n1. Dự án một.\nĐiều 2. Tăng vốn\n"
                                                      "II. TỔ CHỨC THỰC HIỆN\nĐiều 3. Giao thực hiện.\n" ) );
  CHECK( labels( r.resolution.clauses ) == QStringList( { "I.", "II." } ) );
  CHECK( labels( r.resolution.findClause( { "I." } )->children ) == QStringList( { "Điều 1", "Điều 2" } ) );
  CHECK( labels( r.resolution.findClause( { "II." } )->children ) == QStringList( { "Điều 3" } ) );
  CHECK( r.resolution.findClause( { "I." } )->text == QStringLiteral( "ĐIỀU CHỈNH KẾ HOẠCH" ) );
  CHECK( r.warnings.isEmpty() );
}

TEST_CASE( "a plan inside an article: Roman parts, decimal items to three levels", "[importer][structure]" )
{
  const RtImportReport r = importBody( QStringLiteral( "Điều 1. Ban hành kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Mục đích\n1.1. Một\n1.1.1. Một một\n1.1.2. Một hai\n1.2. Hai\n"
                                                      "II. NHIỆM VỤ\n1. Nhiệm vụ\nĐiều 2. Hiệu lực kể từ ngày ký.\n" ) );
  CHECK( labels( r.resolution.clauses ) == QStringList( { "Điều 1", "Điều 2" } ) );
  CHECK( labels( r.resolution.findClause( { "Điều 1" } )->children ) == QStringList( { "I.", "II." } ) );
  CHECK( labels( r.resolution.findClause( { "Điều 1", "I.", "1." } )->children ) == QStringList( { "1.1.", "1.2." } ) );
  CHECK( labels( r.resolution.findClause( { "Điều 1", "I.", "1.", "1.1." } )->children ) == QStringList( { "1.1.1.", "1.1.2." } ) );
  CHECK( r.resolution.findClause( { "Điều 1", "II.", "1." } )->text == QStringLiteral( "Nhiệm vụ" ) );
  CHECK( r.warnings.isEmpty() );
}

TEST_CASE( "Điều on one line and its number on the next, the closing inside the last article", "[importer][structure]" )
{
  const RtImportReport r = importText( sHeader + QStringLiteral( "Điều\n1. Thông qua danh mục.\n\nĐiều\n\n2. Hiệu lực thi hành\n" )
                                       + sEnd + QStringLiteral( "" ) );
  CHECK( labels( r.resolution.clauses ) == QStringList( { "Điều 1", "Điều 2" } ) );
  CHECK( r.resolution.findClause( { "Điều 1" } )->text == QStringLiteral( "Thông qua danh mục." ) );
  CHECK( r.resolution.findClause( { "Điều 1" } )->line == 10 );
  // "Điều 2. Hiệu lực thi hành" then the closing formula: the article's text and the closing
  CHECK( r.resolution.findClause( { "Điều 2" } )->text.startsWith( QStringLiteral( "Hiệu lực thi hành\nNghị quyết này đã được" ) ) );
  CHECK( r.resolution.closing.startsWith( QStringLiteral( "Nghị quyết này đã được" ) ) );
}

TEST_CASE( "headers as copies flatten them", "[importer][header]" )
{
  SECTION( "the two columns flattened into lines with pipes, the session on its own line, a title in capitals naming the council" )
  {
    const RtImportReport r = importText( QStringLiteral(
                                           "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
                                           "Số: 210/NQ-HĐND | Quảng Ninh, ngày 08 tháng 12 năm 2023 |\n\n"
                                           "NGHỊ QUYẾT\n\nVỀ KẾT QUẢ GIÁM SÁT CỦA HỘI ĐỒNG NHÂN DÂN TỈNH NĂM 2023\n\n"
                                           "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH\nKHÓA XIV, KỲ HỌP THỨ 17\n\n"
                                           "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
                                           "Xét Báo cáo số 12/BC-HĐND của Thường trực Hội đồng nhân dân tỉnh.\n\nQUYẾT NGHỊ:\n\n"
                                           "Điều 1. Tán thành báo cáo.\n\n" ) + sEnd );
    CHECK( r.resolution.number == QStringLiteral( "210/NQ-HĐND" ) );
    CHECK( r.resolution.place == QStringLiteral( "Quảng Ninh" ) );
    CHECK( r.resolution.date == QDate( 2023, 12, 8 ) );
    CHECK( r.resolution.title == QStringLiteral( "VỀ KẾT QUẢ GIÁM SÁT CỦA HỘI ĐỒNG NHÂN DÂN TỈNH NĂM 2023" ) );
    CHECK( r.resolution.body == QStringLiteral( "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH" ) );
    CHECK( r.resolution.issuer == QStringLiteral( "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH" ) );
    CHECK( r.resolution.session == QStringLiteral( "KHÓA XIV, KỲ HỌP THỨ 17" ) );
    CHECK( r.resolution.preamble.size() == 2 );
  }
  SECTION( "PDF text in reading order, the type and title on one line, a title over two lines" )
  {
    const RtImportReport r = importText( QStringLiteral(
                                           "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ MÓNG CÁI\nSố: 77/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                           "Độc lập - Tự do - Hạnh phúc\nMóng Cái, ngày 05 tháng 01 năm 2024\n\nQUYẾT ĐỊNH Về việc giao chỉ tiêu\n"
                                           "kế hoạch năm 2024\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI\n\n"
                                           "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n"
                                           "Điều 1. Giao chỉ tiêu.\n\nNơi nhận:\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n(Đã ký)\n\nLê Hoàng Nam\n" ) );
    CHECK( r.resolution.number == QStringLiteral( "77/QĐ-UBND" ) );
    CHECK( r.resolution.documentType == QStringLiteral( "QUYẾT ĐỊNH" ) );
    CHECK( r.resolution.title == QStringLiteral( "Về việc giao chỉ tiêu kế hoạch năm 2024" ) );
    CHECK( r.resolution.issuer == QStringLiteral( "ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI" ) );
    CHECK( r.resolution.body == QStringLiteral( "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI" ) );
    CHECK( r.resolution.session.isEmpty() );
    CHECK( r.resolution.closing.isEmpty() );
    CHECK( r.resolution.signerOnBehalf == QStringLiteral( "KT. CHỦ TỊCH" ) );
    CHECK( r.resolution.signerTitle == QStringLiteral( "PHÓ CHỦ TỊCH" ) );
    CHECK( r.resolution.signer == QStringLiteral( "Lê Hoàng Nam" ) );
    CHECK( r.resolution.recipients == QStringList( { QStringLiteral( "- Lưu: VT." ) } ) );
  }
}

TEST_CASE( "ten superscript digits in a row are text, not a footnote number", "[importer][bad-input]" )
{
  // issue 9, item 3: a run of ten or more overflowed a signed int ("footnote -1773790777 is cited")
  const QString run = QStringLiteral( "¹²³⁴⁵⁶⁷⁸⁹⁰" );
  const RtImportReport r = importBody( QStringLiteral( "Điều 1. Mã số " ) + run + QStringLiteral( " và chú thích¹.\n"
                                       "¹ Chú thích một.\n" ) + run + run + QStringLiteral( " không phải chú thích.\n" ) );
  REQUIRE( r.resolution.footnotes.size() == 1 );
  CHECK( r.resolution.footnotes.first().number == 1 );
  CHECK( r.resolution.footnotes.first().clausePath == QStringList( { "Điều 1" } ) );
  for ( const QString &w : r.warnings )
  {
    INFO( w.toStdString() );
    CHECK_FALSE( w.contains( QStringLiteral( "footnote" ) ) );
  }
  // the long runs stay in the text, and in the text compared with quotes
  CHECK( r.resolution.findClause( { "Điều 1" } )->text.contains( run + QStringLiteral( " và" ) ) );
  CHECK( r.resolution.findClause( { "Điều 1" } )->text.contains( run + run + QStringLiteral( " không phải" ) ) );
  CHECK( RtText::normalizeForMatch( QStringLiteral( "Mã số " ) + run + QStringLiteral( " và chú thích¹." ) ) == QStringLiteral( "Mã số " ) + run + QStringLiteral( " và chú thích." ) );
}

TEST_CASE( "appendix tables: tabs, pipes, columns of a PDF, group rows and totals", "[importer][appendix]" )
{
  SECTION( "a table of tabs after the signature, the signer's name under it is no row" )
  {
    // issue 8: the signer's name became the last table row
    const RtImportReport r = importBody( QStringLiteral( "Điều 1. Thông qua danh mục tại Phụ lục.\n" ), QStringLiteral( "PHỤ LỤC I\nDANH MỤC DỰ ÁN\n(Kèm theo Nghị quyết số 12/NQ-HĐND)\n"
                                                           "STT\tTên dự án\tPhường\tDiện tích (ha)\n1\tĐường ven biển\tHải Hòa\t3,65\n"
                                                           "2\tTrường học\tTrà Cổ\t1,35\n\tTổng cộng\t\t5,00\n\t\tTrần Minh Khoa\n" ) );
    REQUIRE( r.resolution.appendices.size() == 1 );
    const RtAppendix &a = r.resolution.appendices.first();
    CHECK( a.label == QStringLiteral( "PHỤ LỤC I" ) );
    CHECK( a.title == QStringLiteral( "DANH MỤC DỰ ÁN" ) );
    CHECK( a.notes == QStringList( { QStringLiteral( "(Kèm theo Nghị quyết số 12/NQ-HĐND)" ) } ) );
    CHECK( a.columns == QStringList( { "STT", "Tên dự án", "Phường", "Diện tích (ha)" } ) );
    REQUIRE( a.rows.size() == 3 );
    CHECK( a.rows.last() == QStringList( { "", "Tổng cộng", "", "5,00" } ) );
    CHECK( a.column( QStringLiteral( "diện tích (ha)" ) ) == 3 );
    CHECK( r.resolution.findAppendix( QStringLiteral( "Phụ lục I" ) ) == &a );
    CHECK( r.warnings.isEmpty() );
  }
  SECTION( "a pipe table with a wrong total names the appendix, the column and both values" )
  {
    const RtImportReport r = importBody( QStringLiteral( "Điều 1. Thông qua.\n" ), QStringLiteral( "PHỤ LỤC 02\n| STT | Dự án | Diện tích (ha) | Số hộ |\n|---|---|---|---|\n"
                                                           "| 1 | Một | 3,65 | 1.022 |\n| 2 | Hai | 2,10 | 8 |\n| | Tổng cộng | 5,75 | 1.300 |\n" ) );
    REQUIRE( r.resolution.appendices.size() == 1 );
    CHECK( r.resolution.appendices.first().rows.size() == 3 );
    INFO( warningsOf( r ).toStdString() );
    REQUIRE( r.warnings.size() == 1 );
    CHECK( r.warnings.first() == QStringLiteral( "PHỤ LỤC 02 (line 20), column \"Số hộ\": the row \"Tổng cộng\" states 1.300 but its rows sum to 1.030" ) );
    CHECK( r.resolution.signer == QStringLiteral( "Trần Minh Khoa" ) );
  }
  SECTION( "columns of a PDF's physical layout: a header over two lines, a name wrapped in its cell" )
  {
    const QString table = columns( { { 17, "PHỤ LỤC" } } )
                          + columns( { { 0, "STT" }, { 6, "Tên dự án" }, { 31, "Địa điểm" }, { 44, "Diện tích" } } )
                          + columns( { { 44, "(ha)" } } )
                          + columns( { { 0, "1" }, { 6, "Hạ tầng khu dân cư tái" }, { 31, "Hải Hòa" }, { 44, "4,80" } } )
                          + columns( { { 6, "định cư ven biển" } } )
                          + columns( { { 0, "2" }, { 6, "Trường học" }, { 31, "Trà Cổ" }, { 44, "1,20" } } )
                          + columns( { { 6, "Tổng cộng" }, { 44, "6,00" } } )
                          + columns( { { 44, "Trần Minh Khoa" } } );
    const RtImportReport r = importBody( QStringLiteral( "Điều 1. Thông qua.\n" ), table );
    REQUIRE( r.resolution.appendices.size() == 1 );
    const RtAppendix &a = r.resolution.appendices.first();
    CHECK( a.columns == QStringList( { "STT", "Tên dự án", "Địa điểm", "Diện tích (ha)" } ) );
    REQUIRE( a.rows.size() == 3 );
    CHECK( a.rows.at( 0 ) == QStringList( { "1", "Hạ tầng khu dân cư tái định cư ven biển", "Hải Hòa", "4,80" } ) );
    CHECK( a.rows.at( 2 ) == QStringList( { "", "Tổng cộng", "", "6,00" } ) );
    CHECK( r.warnings.isEmpty() );
  }
}

TEST_CASE( "numbers written the Vietnamese way", "[figures]" )
{
  CHECK( RtFigures::parseNumber( QStringLiteral( "3,65" ) ).value() == 3.65 );
  CHECK( RtFigures::parseNumber( QStringLiteral( "1.022" ) ).value() == 1022 );
  CHECK( RtFigures::parseNumber( QStringLiteral( "12.345.678" ) ).value() == 12345678 );
  CHECK( RtFigures::parseNumber( QStringLiteral( "12.345,6" ) ).value() == Approx( 12345.6 ) );
  CHECK( RtFigures::parseNumber( QStringLiteral( "2.5" ) ).value() == 2.5 );
  CHECK( RtFigures::parseNumber( QStringLiteral( " 0 " ) ).value() == 0 );
  CHECK_FALSE( RtFigures::parseNumber( QStringLiteral( "-" ) ) );
  CHECK_FALSE( RtFigures::parseNumber( QString() ) );
  CHECK_FALSE( RtFigures::parseNumber( QStringLiteral( "3,65 ha" ) ) );
  CHECK( RtFigures::formatNumber( 30450, 0 ) == QStringLiteral( "30.450" ) );
  CHECK( RtFigures::formatNumber( 12.35, 2 ) == QStringLiteral( "12,35" ) );
}

TEST_CASE( "the reader is chosen by the file's content, not its name", "[importer][source]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString corpus = RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/corpus/" );
  // a PDF named .txt and a DOCX named .pdf
  const QString pdfAsTxt = dir.filePath( QStringLiteral( "quyet-dinh.txt" ) );
  REQUIRE( QFile::copy( corpus + QStringLiteral( "08-qd-phe-duyet-danh-muc-dau-tu.pdf" ), pdfAsTxt ) );
  const RtResult<RtImportReport> pdf = RtResolutionImporter::importFile( pdfAsTxt );
  REQUIRE( pdf.ok() );
  CHECK( pdf.value().format == QStringLiteral( "pdf" ) );
  CHECK( pdf.value().resolution.number == QStringLiteral( "2045/QĐ-UBND" ) );
  const QString docxAsPdf = dir.filePath( QStringLiteral( "nghi-quyet.pdf" ) );
  REQUIRE( QFile::copy( corpus + QStringLiteral( "07-nq-tinh-chuyen-muc-dich-dat-lua.docx" ), docxAsPdf ) );
  const RtResult<RtImportReport> docx = RtResolutionImporter::importFile( docxAsPdf );
  REQUIRE( docx.ok() );
  CHECK( docx.value().format == QStringLiteral( "docx" ) );
  CHECK( docx.value().resolution.appendices.size() == 1 );
  // the bytes, as build-register passes them, are read the same way
  const RtResult<RtImportReport> bytes = RtResolutionImporter::importBytes( rtReadAll( docxAsPdf ), QStringLiteral( "in-memory" ) );
  REQUIRE( bytes.ok() );
  CHECK( bytes.value().resolution.number == QStringLiteral( "210/NQ-HĐND" ) );

  // formats it cannot read say what to do
  auto error = []( const QByteArray &b ) {
    const RtResult<RtImportReport> r = RtResolutionImporter::importBytes( b, QStringLiteral( "x" ) );
    return r.ok() ? QString() : r.error();
  };
  CHECK( error( QByteArray( "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8 ) + QByteArray( 600, '\0' ) ).contains( QStringLiteral( "Word 97-2003 document (.doc)" ) ) );
  CHECK( error( QByteArray( "PK\x03\x04" "....mimetypeapplication/vnd.oasis.opendocument.text" ) ).contains( QStringLiteral( "OpenDocument" ) ) );
  CHECK( error( QByteArray( "%PDF-1.4\n%garbage" ) ).contains( QStringLiteral( "cannot be read as one" ) ) );
  CHECK( error( QByteArray( "PK\x03\x04" "word/document.xml but not a zip" ) ).contains( QStringLiteral( "damaged" ) ) );
}

TEST_CASE( "restrack parse --json adds the appendices and their numbers, --encoding forces an encoding", "[cli][importer]" )
{
  const QString corpus = RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/corpus/" );
  QProcess p;
  p.start( RtTestPaths::cliExecutable(), { QStringLiteral( "parse" ), corpus + QStringLiteral( "01-nq-thu-hoi-dat-2024.txt" ), QStringLiteral( "--json" ) } );
  REQUIRE( p.waitForFinished( 60000 ) );
  REQUIRE( p.exitCode() == 0 );
  const QJsonObject doc = QJsonDocument::fromJson( p.readAllStandardOutput() ).object();
  const QJsonArray appendices = doc.value( "appendices" ).toArray();
  REQUIRE( appendices.size() == 1 );
  const QJsonArray rows = appendices.at( 0 ).toObject().value( "rows" ).toArray();
  REQUIRE( rows.size() == 7 );
  CHECK( rows.at( 1 ).toObject().value( "cells" ).toArray().at( 3 ).toString() == QStringLiteral( "3,65" ) );
  CHECK( rows.at( 1 ).toObject().value( "values" ).toArray().at( 3 ).toDouble() == 3.65 );
  CHECK( rows.at( 1 ).toObject().value( "values" ).toArray().at( 4 ).isNull() );
  CHECK( doc.value( "signer" ).toObject().value( "on_behalf" ).toString() == QStringLiteral( "TM. HỘI ĐỒNG NHÂN DÂN" ) );
  CHECK( doc.value( "format" ).toString() == QStringLiteral( "text" ) );

  // forced: the TCVN3 file read as asked, said so; an unknown name is a usage error
  p.start( RtTestPaths::cliExecutable(), { QStringLiteral( "parse" ), corpus + QStringLiteral( "05-nq-dieu-chinh-dau-tu-cong-2024.txt" ),
                                           QStringLiteral( "--json" ), QStringLiteral( "--encoding" ), QStringLiteral( "tcvn3" ) } );
  REQUIRE( p.waitForFinished( 60000 ) );
  REQUIRE( p.exitCode() == 0 );
  const QJsonObject forced = QJsonDocument::fromJson( p.readAllStandardOutput() ).object();
  CHECK( forced.value( "number" ).toString() == QStringLiteral( "62/NQ-HĐND" ) );
  CHECK( forced.value( "info" ).toArray().at( 0 ).toString() == QStringLiteral( "read as TCVN3 (ABC), as asked (--encoding)" ) );
  p.start( RtTestPaths::cliExecutable(), { QStringLiteral( "parse" ), corpus + QStringLiteral( "05-nq-dieu-chinh-dau-tu-cong-2024.txt" ),
                                           QStringLiteral( "--encoding" ), QStringLiteral( "latin9" ) } );
  REQUIRE( p.waitForFinished( 60000 ) );
  CHECK( p.exitCode() == 2 );
  CHECK( QString::fromUtf8( p.readAllStandardError() ).contains( QStringLiteral( "unknown encoding 'latin9'" ) ) );

  // --text: the lines as the importer reads them (here the PDF's text layer, columns kept)
  p.start( RtTestPaths::cliExecutable(), { QStringLiteral( "parse" ), corpus + QStringLiteral( "08-qd-phe-duyet-danh-muc-dau-tu.pdf" ), QStringLiteral( "--text" ) } );
  REQUIRE( p.waitForFinished( 60000 ) );
  REQUIRE( p.exitCode() == 0 );
  const QString text = QString::fromUtf8( p.readAllStandardOutput() );
  CHECK( text.contains( QRegularExpression( QStringLiteral( "Số: 2045/QĐ-UBND {3,}Móng Cái, ngày 05 tháng 3 năm 2024" ) ) ) );
  CHECK( text.contains( QRegularExpression( QStringLiteral( "\f *Phụ lục 01" ) ) ) ); // the appendix starts page 2
}

TEST_CASE( "the tree, footnotes and figures of 172/NQ-HĐND are what the importer read before issue 8", "[importer]" )
{
  // parse --json of the bundled text as the first importer printed it (its keys only)
  QFile golden( RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/NQ-172-HDND-2023-MongCai.parse-before-issue-8.json" ) );
  REQUIRE( golden.open( QIODevice::ReadOnly ) );
  const QJsonObject before = QJsonDocument::fromJson( golden.readAll() ).object();
  REQUIRE( before.contains( "clauses" ) );
  QProcess p;
  p.start( RtTestPaths::cliExecutable(), { QStringLiteral( "parse" ), RtTestPaths::resolutionText(), QStringLiteral( "--json" ) } );
  REQUIRE( p.waitForFinished( 60000 ) );
  REQUIRE( p.exitCode() == 0 );
  const QJsonObject now = QJsonDocument::fromJson( p.readAllStandardOutput() ).object();
  for ( auto it = before.begin(); it != before.end(); ++it )
  {
    INFO( it.key().toStdString() );
    if ( it.key() == QLatin1String( "signer" ) )
    {
      CHECK( now.value( "signer" ).toObject().value( "title" ) == it.value().toObject().value( "title" ) );
      CHECK( now.value( "signer" ).toObject().value( "name" ) == it.value().toObject().value( "name" ) );
    }
    else
      CHECK( now.value( it.key() ) == it.value() );
  }
  CHECK( now.value( "appendices" ).toArray().isEmpty() );
}

TEST_CASE( "page numbers and running headers go, the text stays", "[importer][source]" )
{
  SECTION( "pages told by form feeds" )
  {
    QStringList lines;
    for ( int page = 1; page <= 4; ++page )
    {
      if ( page > 1 )
        lines << QStringLiteral( "\fNghị quyết số 12/NQ-HĐND ngày 08/12/2023 - Trang %1" ).arg( page ) << QString();
      const QStringList words = { QStringLiteral( "Quy hoạch" ), QStringLiteral( "Đất đai" ), QStringLiteral( "Xây dựng" ), QStringLiteral( "Giao thông" ) };
      lines << QStringLiteral( "%1: nội dung tiếp tục" ).arg( words.at( page - 1 ) ) << QStringLiteral( "và kết thúc phần %1." ).arg( words.at( page - 1 ).toLower() ) << QString();
      lines << ( page % 2 ? QStringLiteral( "- %1 -" ).arg( page ) : QStringLiteral( "Trang %1/4" ).arg( page ) );
    }
    QStringList notes;
    const QVector<RtSourceLine> kept = RtParagraphs::clean( lines, notes );
    QStringList texts;
    for ( const RtSourceLine &l : kept )
      if ( !l.text.trimmed().isEmpty() )
        texts << l.text;
    CHECK( texts.size() == 8 );
    CHECK( texts.value( 0 ) == QStringLiteral( "Quy hoạch: nội dung tiếp tục" ) );
    CHECK( texts.value( 7 ) == QStringLiteral( "và kết thúc phần giao thông." ) );
    CHECK( notes == QStringList( { QStringLiteral( "removed 4 page number(s) and 3 running header or footer line(s)" ) } ) );
    // the first line of each later page knows it starts a page, with its own line number
    const auto second = std::find_if( kept.begin(), kept.end(), []( const RtSourceLine &l ) { return l.text.startsWith( QStringLiteral( "Đất đai" ) ); } );
    REQUIRE( second != kept.end() );
    CHECK( second->pageStart );
    CHECK( second->line == 7 );
  }
  SECTION( "copied without form feeds: lone page numbers and a line repeated on every page" )
  {
    const QStringList lines = { QStringLiteral( "Điều 1. Nội dung một." ), QString(), QStringLiteral( "2" ), QString(),
                                QStringLiteral( "UBND THÀNH PHỐ MÓNG CÁI - KẾ HOẠCH 2024" ), QStringLiteral( "Điều 2. Nội dung hai." ), QString(),
                                QStringLiteral( "3" ), QString(), QStringLiteral( "UBND THÀNH PHỐ MÓNG CÁI - KẾ HOẠCH 2024" ),
                                QStringLiteral( "Điều 3. Giao 15" ), QStringLiteral( "UBND THÀNH PHỐ MÓNG CÁI - KẾ HOẠCH 2024" ) };
    QStringList notes;
    QStringList texts;
    for ( const RtSourceLine &l : RtParagraphs::clean( lines, notes ) )
      if ( !l.text.trimmed().isEmpty() )
        texts << l.text;
    CHECK( texts == QStringList( { "Điều 1. Nội dung một.", "Điều 2. Nội dung hai.", "Điều 3. Giao 15" } ) );
    CHECK( notes.size() == 1 );
  }
}

TEST_CASE( "172/NQ-HĐND as other copies have it gives the same tree and footnotes", "[importer]" )
{
  const QByteArray original = rtReadAll( RtTestPaths::resolutionText() );
  REQUIRE( !original.isEmpty() );
  const RtResult<RtImportReport> reference = RtResolutionImporter::importBytes( original, QStringLiteral( "172.txt" ) );
  REQUIRE( reference.ok() );
  const QStringList expected = flatten( reference.value().resolution );
  REQUIRE( expected.size() == 48 + 4 );

  // wrapped at a PDF page's width as pdftotext writes it, with the page breaks' blank lines and without
  QStringList wrapped, packed;
  for ( const QString &line : QString::fromUtf8( original ).split( QLatin1Char( '\n' ) ) )
  {
    const QStringList pieces = line.trimmed().isEmpty() ? QStringList( QString() ) : RtBigText::wrap( line, 84 );
    wrapped << pieces;
    for ( const QString &p : pieces )
      if ( !p.isEmpty() )
        packed << p;
  }
  const QVector<QPair<QString, QByteArray>> copies = {
    { QStringLiteral( "wrapped" ), wrapped.join( QLatin1Char( '\n' ) ).toUtf8() },
    { QStringLiteral( "wrapped, no blank lines" ), packed.join( QLatin1Char( '\n' ) ).toUtf8() },
    { QStringLiteral( "wrapped, UTF-16BE" ), utf16be( wrapped.join( QLatin1Char( '\n' ) ) ) },
  };
  for ( const auto &copy : copies )
  {
    INFO( copy.first.toStdString() );
    const RtResult<RtImportReport> r = RtResolutionImporter::importBytes( copy.second, copy.first );
    INFO( r.error().toStdString() );
    REQUIRE( r.ok() );
    const QStringList got = flatten( r.value().resolution );
    for ( int i = 0; i < expected.size(); ++i )
    {
      INFO( expected.at( i ).left( 200 ).toStdString() );
      CHECK( got.value( i ) == expected.at( i ) );
    }
    CHECK( got.size() == expected.size() );
    CHECK( r.value().resolution.signer == QStringLiteral( "Nguyễn Văn Đô" ) );
    CHECK( r.value().warnings.isEmpty() );
  }
}

TEST_CASE( "a hundred pages are read in well under a second, every article in place", "[importer][performance]" )
{
  const RtBigText::Text text = RtBigText::make( 100 );
  REQUIRE( text.pages == 100 );
  QElapsedTimer timer;
  timer.start();
  const RtResult<RtImportReport> r = RtResolutionImporter::importBytes( text.bytes, QStringLiteral( "100-pages.txt" ) );
  const qint64 ms = timer.elapsed();
  INFO( r.error().toStdString() );
  REQUIRE( r.ok() );
  CHECK( r.value().resolution.clauses.size() == text.articles );
  int complete = 0;
  for ( const RtClause &article : r.value().resolution.clauses )
    complete += labels( article.children ) == QStringList( { "1.", "2." } ) && labels( article.children.at( 0 ).children ) == QStringList( { "a)", "b)", "c)" } )
                && labels( article.children.at( 1 ).children ) == QStringList( { "-1", "-2" } ) ? 1 : 0;
  CHECK( complete == text.articles );
  CHECK( r.value().resolution.signer == QStringLiteral( "Trần Minh Khoa" ) );
  CHECK( r.value().warnings.isEmpty() );
  // a generous bound (the measured figure is in the report): catches a quadratic slip
  CHECK( ms < 3000 );
}
