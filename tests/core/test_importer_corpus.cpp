// The importer on the corpus of texts written for the tests (tests/data/corpus/README.md):
// every text's header, clause tree, footnotes, signature and appendix rows, read by
// `restrack parse --json` as a user runs it, against the parse its structure says it has.
#include "catch_compat.h"
#include "testutil.h"
#include "corpuscheck.h"

#include <QFileInfo>

namespace
{
  void checkCorpusText( const QString &name )
  {
    const QString expectedPath = RtCorpus::corpusDir() + QLatin1Char( '/' ) + name + QStringLiteral( ".expected.json" );
    const QJsonObject expected = RtCorpus::readExpected( expectedPath );
    REQUIRE( !expected.isEmpty() );
    const QString text = RtCorpus::textFor( expectedPath );
    REQUIRE( !text.isEmpty() );
    QString error;
    const QJsonObject got = RtCorpus::parseJson( RtTestPaths::cliExecutable(), text, &error );
    INFO( error.toStdString() );
    REQUIRE( !got.isEmpty() );
    const RtCorpus::Comparison c = RtCorpus::compare( expected, got );
    INFO( c.problems.join( QLatin1Char( '\n' ) ).toStdString() );
    CHECK( c.problems.isEmpty() );
    CHECK( c.clausesExpected > 0 );
    CHECK( c.clausesRight == c.clausesExpected );
    CHECK( c.rowsRight == c.rowsExpected );
  }
}

TEST_CASE( "corpus: articles, points in the Vietnamese letter order, an appendix after the signature (Word text, UTF-8 with BOM, CRLF)", "[importer][corpus]" )
{
  checkCorpusText( QStringLiteral( "01-nq-thu-hoi-dat-2024" ) );
}

TEST_CASE( "corpus: numbered decisions without articles, a title in capitals naming the council (website copy, UTF-16LE without BOM)", "[importer][corpus]" )
{
  checkCorpusText( QStringLiteral( "02-nq-chuong-trinh-giam-sat-2024" ) );
}

TEST_CASE( "corpus: a decision whose article is a plan, Điều to I. to 1. to a) to - to + (pdftotext, page numbers, running header)", "[importer][corpus]" )
{
  checkCorpusText( QStringLiteral( "03-qd-ke-hoach-gpmb-2024" ) );
}

TEST_CASE( "corpus: Chương, Mục, Điều, the closing inside the last article, Điều split over two lines, a pipe table (Windows-1258)", "[importer][corpus]" )
{
  checkCorpusText( QStringLiteral( "04-nq-ho-tro-nong-nghiep" ) );
}

TEST_CASE( "corpus: Roman parts above the articles, decimal and (n) items, a wrong group sum flagged (TCVN3 ABC with capitals in lower-case codes)", "[importer][corpus]" )
{
  checkCorpusText( QStringLiteral( "05-nq-dieu-chinh-dau-tu-cong-2024" ) );
}

TEST_CASE( "corpus: a commune council, footnotes across a page break, plus bullets (pdftotext -layout, VNI)", "[importer][corpus]" )
{
  checkCorpusText( QStringLiteral( "06-nq-xa-van-ninh-kt-xh-2024" ) );
}

TEST_CASE( "corpus: DOCX with layout tables, Word numbering, a footnote and an appendix table with spanning group rows", "[importer][corpus]" )
{
  checkCorpusText( QStringLiteral( "07-nq-tinh-chuyen-muc-dich-dat-lua" ) );
}

TEST_CASE( "corpus: PDF with a text layer, its appendix table with names wrapped inside their cells", "[importer][corpus]" )
{
  checkCorpusText( QStringLiteral( "08-qd-phe-duyet-danh-muc-dau-tu" ) );
}

TEST_CASE( "corpus: a chairman's decision from a website (UTF-16BE with BOM)", "[importer][corpus]" )
{
  checkCorpusText( QStringLiteral( "09-qd-chu-tich-thanh-lap-hoi-dong" ) );
}

TEST_CASE( "corpus: every text of the corpus has its test and its expected parse", "[importer][corpus]" )
{
  const QStringList files = RtCorpus::expectedFiles();
  CHECK( files.size() >= 8 );
  for ( const QString &f : files )
  {
    INFO( f.toStdString() );
    CHECK( !RtCorpus::textFor( f ).isEmpty() );
  }
  // the formats the issue asks for are all there
  QStringList formats;
  for ( const QString &f : files )
    formats << RtCorpus::readExpected( f ).value( "format" ).toString();
  CHECK( formats.contains( QStringLiteral( "pdf" ) ) );
  CHECK( formats.contains( QStringLiteral( "docx" ) ) );
  CHECK( formats.count( QStringLiteral( "text" ) ) >= 6 );
}

TEST_CASE( "corpus: a scanned PDF without a text layer is refused with what to do", "[importer][corpus][bad-input]" )
{
  const QString scan = RtCorpus::corpusDir() + QStringLiteral( "/90-scan-khong-co-lop-chu.pdf" );
  REQUIRE( QFileInfo::exists( scan ) );
  QString error;
  const QJsonObject got = RtCorpus::parseJson( RtTestPaths::cliExecutable(), scan, &error );
  CHECK( got.isEmpty() );
  CHECK( error.contains( QStringLiteral( "has no text layer; it is a scan: OCR it first" ) ) );
}
