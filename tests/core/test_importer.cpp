// The importer on the real text of 172/NQ-HĐND, and on broken copies of it.
#include "catch_compat.h"
#include "testutil.h"

#include "rtresolutionimporter.h"
#include "rttext.h"

#include <QTemporaryDir>

namespace
{
  const RtCouncilTerm sTerm { 2021, 2026 };

  const RtResolution &realResolution()
  {
    static const RtResolution sResolution = [] {
      const RtResult<RtImportReport> r = RtResolutionImporter::importFile( RtTestPaths::resolutionText(), sTerm );
      REQUIRE( r.ok() );
      return r.value().resolution;
    }();
    return sResolution;
  }

  QStringList labels( const QVector<RtClause> &clauses )
  {
    QStringList out;
    for ( const RtClause &c : clauses )
      out << c.label;
    return out;
  }

  QStringList seq( const QString &pattern, int n )
  {
    QStringList out;
    for ( int i = 1; i <= n; ++i )
      out << pattern.arg( i );
    return out;
  }

  const RtFigure *findFigure( const RtResolution &r, RtFigure::Kind kind, double value, double total = 0 )
  {
    for ( const RtFigure &f : r.figures )
      if ( f.kind == kind && f.value == value && f.total == total )
        return &f;
    return nullptr;
  }

  QString importError( const QByteArray &bytes )
  {
    const RtResult<RtImportReport> r = RtResolutionImporter::importBytes( bytes, QStringLiteral( "input.txt" ), sTerm );
    return r.ok() ? QString() : r.error();
  }
}

TEST_CASE( "the header of 172/NQ-HĐND", "[importer]" )
{
  const RtResolution &r = realResolution();
  CHECK( r.number == QStringLiteral( "172/NQ-HĐND" ) );
  CHECK( r.place == QStringLiteral( "Móng Cái" ) );
  CHECK( r.date == QDate( 2023, 10, 13 ) );
  CHECK( r.documentType == QStringLiteral( "NGHỊ QUYẾT" ) );
  CHECK( r.title.startsWith( QStringLiteral( "Về kết quả giám sát việc thực hiện Nghị quyết số 152/NQ-HĐND" ) ) );
  CHECK( r.body == QStringLiteral( "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI" ) );
  CHECK( r.session == QStringLiteral( "KHÓA XIX - KỲ HỌP THỨ 13" ) );
  CHECK( r.preamble.size() == 3 );
  CHECK( r.closing.startsWith( QStringLiteral( "Nghị quyết này đã được Hội đồng nhân dân thành phố Móng Cái khóa XIX" ) ) );
  CHECK( r.signerTitle == QStringLiteral( "CHỦ TỊCH" ) );
  CHECK( r.signer == QStringLiteral( "Nguyễn Văn Đô" ) );
}

TEST_CASE( "the clause tree of 172/NQ-HĐND is exactly as written", "[importer]" )
{
  const RtResolution &r = realResolution();
  REQUIRE( labels( r.clauses ) == QStringList( { QStringLiteral( "Điều 1" ), QStringLiteral( "Điều 2" ) } ) );
  const RtClause &d1 = r.clauses.at( 0 );
  CHECK( labels( d1.children ) == QStringList( { "1.", "2.", "3.", "4." } ) );
  CHECK( labels( d1.children.at( 2 ).children ) == QStringList( { "3.1.", "3.2." } ) );
  CHECK( labels( d1.children.at( 3 ).children ) == QStringList( { "4.1.", "4.2." } ) );
  CHECK( labels( r.clauses.at( 1 ).children ) == QStringList( { "1.", "2." } ) );

  const RtClause *c41 = r.findClause( { "Điều 1", "4.", "4.1." } );
  REQUIRE( c41 );
  CHECK( labels( c41->children ) == seq( QStringLiteral( "(%1)" ), 10 ) );

  // sub-items of each directive, as written
  const QVector<QPair<QString, int>> subItems = { { "(1)", 0 }, { "(2)", 0 }, { "(3)", 7 }, { "(4)", 3 }, { "(5)", 5 },
                                                  { "(6)", 4 }, { "(7)", 0 }, { "(8)", 0 }, { "(9)", 0 }, { "(10)", 7 } };
  for ( const auto &expected : subItems )
  {
    const RtClause *d = r.findClause( { "Điều 1", "4.", "4.1.", expected.first } );
    REQUIRE( d );
    INFO( expected.first.toStdString() );
    CHECK( labels( d->children ) == seq( QStringLiteral( "(i%1)" ), expected.second ) );
  }
  CHECK( r.findClause( { "Điều 1", "4.", "4.2." } )->children.isEmpty() );
}

TEST_CASE( "clause texts survive page breaks, emphasis marks and typos", "[importer]" )
{
  const RtResolution &r = realResolution();
  // A sentence split by a page break with two footnotes in between is joined again.
  const RtClause *i3 = r.findClause( { "Điều 1", "4.", "4.1.", "(3)", "(i3)" } );
  REQUIRE( i3 );
  CHECK( i3->text.contains( QStringLiteral( "phối hợp với thành phố Đông Hưng, Khu Phòng Thành (Trung Quốc) phát triển sản phẩm du lịch biên giới;" ) ) );
  // A page break inside "mở | đường" in (5)(i1), footnote 4 in between.
  const RtClause *p5i1 = r.findClause( { "Điều 1", "4.", "4.1.", "(5)", "(i1)" } );
  REQUIRE( p5i1 );
  CHECK( p5i1->text.startsWith( QStringLiteral( "Xác định \"Quy hoạch là đi trước - mở đường, lấy Quy hoạch làm cơ sở quản lý" ) ) );
  CHECK( p5i1->text.contains( QStringLiteral( "các quy hoạch phân khu còn lại (A3 A4.1, A5, A6, D1)" ) ) );
  // A sentence split across pages in clause 1. ("tập | trung").
  CHECK( r.findClause( { "Điều 1", "1." } )->text.contains( QStringLiteral( "xã phường tập trung thực hiện chỉ đạo của Thành ủy" ) ) );
  // Emphasis marks are gone, the words stay.
  const RtClause *c2 = r.findClause( { "Điều 1", "2." } );
  CHECK( c2->text.contains( QStringLiteral( "Đến nay còn 02/16 chỉ tiêu chưa đạt tiến độ" ) ) );
  CHECK_FALSE( c2->text.contains( QLatin1Char( '*' ) ) );
  CHECK( r.findClause( { "Điều 1", "4.", "4.1.", "(4)", "(i1)" } )->text.startsWith( QStringLiteral( "Quán triệt phương châm \"lấy đầu tư công dẫn dắt đầu tư tư\"" ) ) );
  // The original's typos are kept.
  CHECK( r.findClause( { "Điều 1", "3.", "3.1." } )->text.contains( QStringLiteral( "\"Zezo Coid-19\"" ) ) );
  CHECK( p5i1->text.size() > 100 );
  // (3)'s own text is its lead-in, without its sub-items.
  CHECK( r.findClause( { "Điều 1", "4.", "4.1.", "(3)" } )->text == QStringLiteral( "Đề nghị tập trung chỉ đạo quyết liệt thực hiện đồng bộ các giải pháp phát triển kinh tế - xã hội sau đây:" ) );
  // (3)(i7) goes on after a page break ("vốn ngân | sách nhà nước").
  CHECK( r.findClause( { "Điều 1", "4.", "4.1.", "(3)", "(i7)" } )->text.contains( QStringLiteral( "hiệu quả vốn ngân sách nhà nước; tiếp tục cơ cấu lại chi thường xuyên" ) ) );
  // (9) has a second paragraph about foreign relations.
  CHECK( r.findClause( { "Điều 1", "4.", "4.1.", "(9)" } )->text.contains( QStringLiteral( "\nThực hiện hiệu quả công tác đối ngoại" ) ) );
  // Source lines point at the right place.
  CHECK( r.findClause( { "Điều 2" } )->line == 93 );
}

TEST_CASE( "the four footnotes are attached to the clauses that cite them", "[importer]" )
{
  const RtResolution &r = realResolution();
  REQUIRE( r.footnotes.size() == 4 );
  CHECK( r.findFootnote( 1 )->clausePath == QStringList( { "Điều 1", "1." } ) );
  CHECK( r.findFootnote( 2 )->clausePath == QStringList( { "Điều 1", "4.", "4.1.", "(3)", "(i3)" } ) );
  CHECK( r.findFootnote( 3 )->clausePath == QStringList( { "Điều 1", "4.", "4.1.", "(3)", "(i3)" } ) );
  CHECK( r.findFootnote( 4 )->clausePath == QStringList( { "Điều 1", "4.", "4.1.", "(4)", "(i1)" } ) );
  CHECK( r.findFootnote( 1 )->text.startsWith( QStringLiteral( "Tồn tại về đất đai tại phường Hải Hòa theo bản án phúc thẩm 35/HSPT; 1022 hồ sơ" ) ) );
  CHECK( r.findFootnote( 4 )->text.contains( QStringLiteral( "Cầu Bắc Luân 3; Đường dẫn cầu Bắc Luân 3" ) ) );
}

TEST_CASE( "the figures the text states", "[importer][figures]" )
{
  const RtResolution &r = realResolution();
  const RtFigure *met = findFigure( r, RtFigure::Kind::Ratio, 14, 16 );
  REQUIRE( met );
  CHECK( met->subject.startsWith( QStringLiteral( "chỉ tiêu đạt" ) ) );
  CHECK( met->clausePath == QStringList( { "Điều 1", "1." } ) );

  const RtFigure *behind = findFigure( r, RtFigure::Kind::Ratio, 2, 16 );
  REQUIRE( behind );
  CHECK( behind->subject.startsWith( QStringLiteral( "chỉ tiêu chưa đạt tiến độ" ) ) );
  CHECK( behind->items == QStringList( { QStringLiteral( "cơ cấu kinh tế" ), QStringLiteral( "tỷ lệ hộ dân đô thị được sử dụng nước sạch" ) } ) );

  const RtFigure *unfinished = findFigure( r, RtFigure::Kind::Ratio, 22, 100 );
  REQUIRE( unfinished );
  CHECK( unfinished->subject.startsWith( QStringLiteral( "nhiệm vụ giải pháp chưa hoàn thành" ) ) );
  REQUIRE( findFigure( r, RtFigure::Kind::Ratio, 16, 16 ) );
  CHECK( findFigure( r, RtFigure::Kind::Ratio, 16, 16 )->clausePath == QStringList( { "Điều 1", "4.", "4.1.", "(1)" } ) );

  // the economic structure target 58 / 37 / 5
  const QVector<QPair<QString, double>> structure = { { "Dịch vụ", 58 }, { "Công nghiệp - xây dựng", 37 }, { "Nông nghiệp", 5 } };
  for ( const auto &s : structure )
  {
    bool found = false;
    for ( const RtFigure &f : r.figures )
      found |= f.kind == RtFigure::Kind::Percent && f.label == s.first && f.value == s.second
               && f.clausePath == QStringList( { "Điều 1", "4.", "4.1.", "(3)", "(i1)" } );
    INFO( s.first.toStdString() );
    CHECK( found );
  }

  // clean water: at least 60% by the end of 2023, 100% by the end of the term
  const RtFigure *water60 = findFigure( r, RtFigure::Kind::Percent, 60 );
  REQUIRE( water60 );
  CHECK( water60->comparator == QStringLiteral( ">=" ) );
  CHECK( water60->deadline == QStringLiteral( "đến hết năm 2023" ) );
  CHECK( water60->subject == QStringLiteral( "người dân đô thị sử dụng nước sạch" ) );
  bool water100 = false;
  for ( const RtFigure &f : r.figures )
    water100 |= f.kind == RtFigure::Kind::Percent && f.value == 100 && f.deadline == QStringLiteral( "hết nhiệm kỳ" )
                && f.subject == QStringLiteral( "người dân đô thị sử dụng nước sạch" );
  CHECK( water100 );

  // about 500 resettlement plots in 2023 - 2025
  const RtFigure *plots = findFigure( r, RtFigure::Kind::Count, 500 );
  REQUIRE( plots );
  CHECK( plots->comparator == QStringLiteral( "~" ) );
  CHECK( plots->subject.startsWith( QStringLiteral( "ô đất tái định cư" ) ) );
  CHECK( plots->deadline == QStringLiteral( "giai đoạn 2023 - 2025" ) );

  // dates and document numbers are not figures
  CHECK_FALSE( findFigure( r, RtFigure::Kind::Ratio, 22, 12 ) );
  CHECK_FALSE( findFigure( r, RtFigure::Kind::Ratio, 13, 10 ) );
}

TEST_CASE( "the same text in NFD or with CRLF line ends gives the same tree", "[importer]" )
{
  QByteArray bytes = rtReadAll( RtTestPaths::resolutionText() );
  const QByteArray nfd = QString::fromUtf8( bytes ).normalized( QString::NormalizationForm_D ).toUtf8();
  QByteArray crlf = bytes;
  crlf.replace( "\n", "\r\n" );
  for ( const QByteArray &variant : { nfd, crlf } )
  {
    const RtResult<RtImportReport> r = RtResolutionImporter::importBytes( variant, QStringLiteral( "variant.txt" ), sTerm );
    REQUIRE( r.ok() );
    CHECK( r.value().resolution.number == QStringLiteral( "172/NQ-HĐND" ) );
    const RtClause *c = r.value().resolution.findClause( { "Điều 1", "4.", "4.1.", "(10)" } );
    REQUIRE( c );
    CHECK( c->children.size() == 7 );
    CHECK( r.value().resolution.footnotes.size() == 4 );
  }
}

TEST_CASE( "bad inputs are refused with a message saying where and what to do", "[importer][bad-input]" )
{
  SECTION( "an empty file" )
  {
    CHECK( importError( QByteArray() ).contains( QStringLiteral( "is empty" ) ) );
    CHECK( importError( QByteArray( "  \n\n \t\n" ) ).contains( QStringLiteral( "is empty" ) ) );
  }
  SECTION( "legacy TCVN3 (ABC) text" )
  {
    // "Nghị quyết số 172" in TCVN3: ị = 0xDE, ế = 0xD5, ố = 0xE8
    const QByteArray tcvn3( "S\xe8: 172/NQ-H\xa7ND\n\nNgh\xde quy\xd5t v\xd2 k\xd5t qu\xb6 gi\xb8m s\xb8t \xae\xb8t \xae\xb5i\n" );
    const QString e = importError( tcvn3 );
    CHECK( e.contains( QStringLiteral( "is not UTF-8" ) ) );
    CHECK( e.contains( QStringLiteral( "line 1" ) ) );
    CHECK( e.contains( QStringLiteral( "TCVN3" ) ) );
    CHECK( e.contains( QStringLiteral( "Convert it to Unicode UTF-8" ) ) );
  }
  SECTION( "legacy VNI text" )
  {
    // "Nghị quyết" in VNI-Windows: i + 0xF2, e + 0xE1 after ê (0xE2)
    const QByteArray vni( "Soá: 172/NQ-H\xd1ND\n\nNghi\xf2 quye\xe2\xe1t ve\xe0 ke\xe1t qua\xfb\n" );
    const QString e = importError( vni );
    CHECK( e.contains( QStringLiteral( "is not UTF-8" ) ) );
    CHECK( e.contains( QStringLiteral( "VNI" ) ) );
  }
  SECTION( "VNI text that was decoded as Windows-1252 and saved as UTF-8" )
  {
    const QString mojibake = QString::fromLatin1( "Nghi\xf2 quye\xe2\xe1t so\xe1 172/NQ-H\xd1ND ve\xe0 ke\xe1t qua\xfb gia\xf9m sa\xf9t vie\xe4" "c thu\xf7" "c hie\xe4n" );
    const QString e = importError( mojibake.toUtf8() );
    CHECK( e.contains( QStringLiteral( "contains no Vietnamese letters" ) ) );
  }
  SECTION( "UTF-16" )
  {
    CHECK( importError( QByteArray( "\xff\xfeS\x00" "\xd1\x1e", 6 ) ).contains( QStringLiteral( "UTF-16" ) ) );
  }
  SECTION( "a truncated file" )
  {
    const QByteArray full = rtReadAll( RtTestPaths::resolutionText() );
    const QByteArray cut = full.left( full.indexOf( "(6) Phát triển văn hóa" ) + 200 );
    const QString e = importError( cut );
    CHECK( e.contains( QStringLiteral( "looks truncated" ) ) );
    CHECK( e.contains( QStringLiteral( "(6)" ) ) );
    // a cut in the middle of a multi-byte letter is caught as broken UTF-8
    const QByteArray inLetter = full.left( full.indexOf( "Điều 2" ) + 1 );
    CHECK( importError( inLetter ).contains( QStringLiteral( "is not UTF-8" ) ) );
  }
  SECTION( "a text that is not a resolution" )
  {
    CHECK( importError( QByteArray( "Danh sách khách mời\nÔng Nguyễn Văn A\n" ) ).contains( QStringLiteral( "no document number" ) ) );
    CHECK( importError( QByteArray( "Số: 1/NQ-HĐND\nMóng Cái, ngày 1 tháng 2 năm 2024\nNGHỊ QUYẾT\nVề việc\n" ) ).contains( QStringLiteral( "no article" ) ) );
  }
}
