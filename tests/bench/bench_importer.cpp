// rt_import_bench: how right and how fast the importer is.
//  - per corpus text (tests/data/corpus): clauses and appendix rows read right, against the
//    parse each text's structure says it has (restrack parse --json, as a user runs it);
//  - a generated 100-page decision (pdftotext-like: wrapped lines, page numbers, form feeds):
//    the median of several parses, per page, against reading the file's bytes alone.
// usage: rt_import_bench [--runs N]
#include "bigtext.h"
#include "corpuscheck.h"
#include "rtresolutionimporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace
{
  double median( QVector<double> v )
  {
    std::sort( v.begin(), v.end() );
    return v.isEmpty() ? 0 : ( v.size() % 2 ? v.at( v.size() / 2 ) : ( v.at( v.size() / 2 - 1 ) + v.at( v.size() / 2 ) ) / 2 );
  }

  void print( const QString &s ) { std::printf( "%s\n", s.toUtf8().constData() ); }
}

int main( int argc, char *argv[] )
{
  QCoreApplication app( argc, argv );
  int runs = 9;
  const QStringList args = app.arguments();
  if ( args.contains( QStringLiteral( "--runs" ) ) )
    runs = std::max( 1, args.value( args.indexOf( QStringLiteral( "--runs" ) ) + 1 ).toInt() );

  print( QStringLiteral( "machine: %1 cores" ).arg( QThread::idealThreadCount() ) );
  print( QStringLiteral( "corpus text | format | clauses right | appendix rows right | problems" ) );
  int allClauses = 0, allClausesRight = 0, allRows = 0, allRowsRight = 0;
  for ( const QString &expectedPath : RtCorpus::expectedFiles() )
  {
    const QJsonObject expected = RtCorpus::readExpected( expectedPath );
    QString error;
    const QJsonObject got = RtCorpus::parseJson( QStringLiteral( RT_CLI_EXECUTABLE ), RtCorpus::textFor( expectedPath ), &error );
    const RtCorpus::Comparison c = got.isEmpty() ? RtCorpus::Comparison() : RtCorpus::compare( expected, got );
    int clausesExpected = c.clausesExpected;
    if ( got.isEmpty() )
    {
      // refused: nothing right
      RtCorpus::Comparison none;
      RtCorpus::compareClauses( expected.value( "clauses" ).toArray(), QJsonArray(), QString(), none );
      clausesExpected = none.clausesExpected;
    }
    int rowsExpected = 0;
    for ( const QJsonValue &a : expected.value( "appendices" ).toArray() )
      rowsExpected += a.toObject().value( "rows" ).toArray().size();
    print( QStringLiteral( "%1 | %2 %3 | %4/%5 | %6/%7 | %8" )
           .arg( QFileInfo( RtCorpus::textFor( expectedPath ) ).fileName(), expected.value( "format" ).toString(), expected.value( "encoding" ).toString() )
           .arg( c.clausesRight ).arg( clausesExpected ).arg( c.rowsRight ).arg( rowsExpected )
           .arg( got.isEmpty() ? QStringLiteral( "refused: " ) + error.trimmed() : QString::number( c.problems.size() ) ) );
    allClauses += clausesExpected;
    allClausesRight += c.clausesRight;
    allRows += rowsExpected;
    allRowsRight += c.rowsRight;
  }
  print( QStringLiteral( "all | | %1/%2 | %3/%4 |" ).arg( allClausesRight ).arg( allClauses ).arg( allRowsRight ).arg( allRows ) );

  const RtBigText::Text text = RtBigText::make( 100 );
  QVector<double> parse, parseCpu, decodeOnly;
  int clauses = 0;
  for ( int i = 0; i < runs; ++i )
  {
    QElapsedTimer t;
    const std::clock_t cpu = std::clock();
    t.start();
    const RtResult<RtImportReport> r = RtResolutionImporter::importBytes( text.bytes, QStringLiteral( "100-pages.txt" ) );
    parse << t.nsecsElapsed() / 1e6;
    parseCpu << ( std::clock() - cpu ) * 1000.0 / CLOCKS_PER_SEC;
    if ( !r.ok() )
    {
      print( QStringLiteral( "the 100-page text was refused: %1" ).arg( r.error() ) );
      return 1;
    }
    clauses = r.value().resolution.clauses.size();
    t.restart();
    const QString decoded = QString::fromUtf8( text.bytes ).normalized( QString::NormalizationForm_C );
    decodeOnly << t.nsecsElapsed() / 1e6 + ( decoded.isEmpty() ? 1 : 0 );
  }
  print( QStringLiteral( "100-page text: %1 pages, %2 KiB, %3 articles read (of %4), %5 runs" )
         .arg( text.pages ).arg( text.bytes.size() / 1024 ).arg( clauses ).arg( text.articles ).arg( runs ) );
  print( QStringLiteral( "parse, wall clock: median %1 ms, %2 ms per page (min %3, max %4 ms); UTF-8 decoding and NFC alone: %5 ms" )
         .arg( median( parse ), 0, 'f', 1 ).arg( median( parse ) / text.pages, 0, 'f', 2 )
         .arg( *std::min_element( parse.begin(), parse.end() ), 0, 'f', 1 ).arg( *std::max_element( parse.begin(), parse.end() ), 0, 'f', 1 )
         .arg( median( decodeOnly ), 0, 'f', 1 ) );
  print( QStringLiteral( "parse, CPU time of this process (less sensitive to other load): median %1 ms, %2 ms per page" )
         .arg( median( parseCpu ), 0, 'f', 1 ).arg( median( parseCpu ) / text.pages, 0, 'f', 2 ) );
  return allClausesRight == allClauses && allRowsRight == allRows ? 0 : 1;
}
