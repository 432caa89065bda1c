#include "rtresolutionimporter.h"
#include "rttr.h"
#include "rtappendixreader.h"
#include "rtclausetree.h"
#include "rtdocumentsource.h"
#include "rtfigures.h"
#include "rtheaderreader.h"
#include "rtparagraphs.h"
#include "rttext.h"

#include <QRegularExpression>

namespace
{
  QString pathText( const QStringList &path )
  {
    return path.isEmpty() ? rtMsg( "RtResolutionImporter", "the text" ) : rtClausePathString( path );
  }

  //! Records, for every footnote marker in the tree, the path of the clause citing it.
  void collectCitations( const QVector<RtClause> &clauses, QStringList path, QMap<int, QStringList> &citations )
  {
    for ( const RtClause &c : clauses )
    {
      QStringList here = path;
      here << c.label;
      const QString &t = c.text;
      for ( int i = 0; i < t.size(); )
      {
        if ( RtText::superscriptDigitValue( t.at( i ) ) < 0 || ( i > 0 && t.at( i - 1 ) == QLatin1Char( 'm' ) ) )
        {
          ++i;
          continue;
        }
        int end = i;
        while ( end < t.size() && RtText::superscriptDigitValue( t.at( end ) ) >= 0 )
          ++end;
        // Bounded: a run longer than a footnote number is text, never a citation.
        if ( end - i <= RtText::maxFootnoteDigits )
        {
          int n = 0;
          for ( int k = i; k < end; ++k )
            n = n * 10 + RtText::superscriptDigitValue( t.at( k ) );
          if ( !citations.contains( n ) )
            citations.insert( n, here );
        }
        i = end;
      }
      collectCitations( c.children, here, citations );
    }
  }

  //! The line where the body starts ("QUYẾT NGHỊ:", "QUYẾT ĐỊNH:", the first article), or 0.
  int bodyLine( const QVector<RtSourceLine> &lines )
  {
    static const QRegularExpression sStart( QStringLiteral( "^(QUYẾT\\s+NGHỊ|QUYẾT\\s+ĐỊNH\\s*:|Điều\\s+\\d)" ),
                                            QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption );
    for ( int i = 0; i < lines.size(); ++i )
      if ( sStart.match( lines.at( i ).text.trimmed() ).hasMatch() )
        return i;
    return 0;
  }

  RtResult<RtImportReport> importSource( const RtSourceText &source, const QString &sourceName, const RtCouncilTerm &term )
  {
    using Result = RtResult<RtImportReport>;
    RtImportReport report;
    report.format = RtSourceText::formatName( source.format );
    report.encoding = source.encoding;
    report.info = source.notes;
    report.warnings = source.warnings;
    RtResolution &res = report.resolution;
    QStringList &warnings = report.warnings;
    // A refusal after a conversion says what the file was read as.
    auto fail = [&]( const QString &message ) {
      QStringList read;
      for ( const QString &n : source.notes )
        if ( n.startsWith( QStringLiteral( "converted" ) ) || n.startsWith( QStringLiteral( "read" ) ) )
          read << n;
      return Result::failure( read.isEmpty() ? message : QStringLiteral( "%1 [%2]" ).arg( message, read.join( QStringLiteral( "; " ) ) ) );
    };

    // 1. Lines without page furniture; the appendices apart.
    const QVector<RtSourceLine> lines = RtParagraphs::clean( source.lines, report.info );
    const QVector<int> headings = RtAppendixReader::findHeadings( lines, bodyLine( lines ) + 1 );
    const QVector<RtSourceLine> main = lines.mid( 0, headings.isEmpty() ? lines.size() : headings.first() );

    // 2. Paragraphs and footnote bodies.
    const RtParagraphs::Result built = RtParagraphs::build( main, source.linesAreParagraphs );
    const QVector<RtParagraph> &paragraphs = built.paragraphs;
    warnings << built.warnings;

    // 3. Header.
    const RtResult<RtHeaderReader::Header> header = RtHeaderReader::read( paragraphs, sourceName );
    if ( !header.ok() )
      return fail( header.error() );
    const RtHeaderReader::Header &h = header.value();
    res.number = h.number;
    res.place = h.place;
    res.date = h.date;
    res.documentType = h.documentType;
    res.title = h.title;
    res.issuer = h.issuer;
    res.body = h.body;
    res.session = h.session;
    res.preamble = h.preamble;

    // 4. Clause tree, up to the recipients list or the signature.
    const RtClauseTree::Result tree = RtClauseTree::read( paragraphs, h.bodyStart );
    warnings << tree.warnings;
    res.clauses = tree.clauses;
    res.closing = tree.closing;
    if ( res.clauses.isEmpty() )
      return fail( rtMsg( "RtResolutionImporter", "%1: no article (\"Điều 1. …\") or numbered item found after the header; the text is not a resolution or is truncated" ).arg( sourceName ) );

    // 5. Appendices; what follows a table (a signature) goes with the signature.
    QStringList signatureLines;
    for ( int i = tree.end; i < paragraphs.size(); ++i )
      signatureLines << ( paragraphs.at( i ).anchors.size() > 1 ? paragraphs.at( i ).text : paragraphs.at( i ).raw );
    for ( int k = 0; k < headings.size(); ++k )
    {
      const int from = headings.at( k );
      const int to = k + 1 < headings.size() ? headings.at( k + 1 ) : lines.size();
      const RtAppendixReader::Result appendix = RtAppendixReader::read( lines.mid( from, to - from ) );
      res.appendices << appendix.appendix;
      warnings << appendix.warnings;
      signatureLines << appendix.leftover;
      warnings << RtFigures::checkTotals( appendix.appendix );
    }

    if ( !tree.sawClosing && !tree.sawRecipients && !tree.sawSignature && res.appendices.isEmpty() )
    {
      const RtParagraph &last = paragraphs.last();
      return fail( rtMsg( "RtResolutionImporter", "%1 looks truncated: it ends at line %2 inside %3 (\"…%4\") without the closing "
                                   "formula (\"Nghị quyết này … thông qua …\") or the recipients list (\"Nơi nhận:\"). "
                                   "Check the file is complete" )
                   .arg( sourceName ).arg( last.line ).arg( pathText( tree.openPath ) ).arg( last.text.right( 40 ) ) );
    }

    // 6. Recipients and signature.
    const RtHeaderReader::Signature signature = RtHeaderReader::readSignature( signatureLines );
    res.signerOnBehalf = signature.onBehalf;
    res.signerTitle = signature.title;
    res.signer = signature.name;
    res.recipients = signature.recipients;

    // 7. Footnotes and the clauses that cite them.
    QMap<int, QStringList> citations;
    collectCitations( res.clauses, QStringList(), citations );
    for ( auto it = built.footnotes.begin(); it != built.footnotes.end(); ++it )
    {
      RtFootnote f = it.value();
      if ( citations.contains( f.number ) )
        f.clausePath = citations.value( f.number );
      else
        warnings << rtMsg( "RtResolutionImporter", "line %1: footnote %2 is not cited anywhere in the text" ).arg( f.line ).arg( f.number );
      res.footnotes << f;
    }
    for ( auto it = citations.begin(); it != citations.end(); ++it )
      if ( !built.footnotes.contains( it.key() ) )
        warnings << rtMsg( "RtResolutionImporter", "footnote %1 is cited in %2 but its text is missing" ).arg( it.key() ).arg( pathText( it.value() ) );

    // 8. Figures.
    res.figures = RtFigures::extract( res.clauses, term );
    return Result::success( report );
  }
}

RtResult<RtImportReport> RtResolutionImporter::importFile( const QString &path, const RtCouncilTerm &term, RtEncoding::Encoding encoding )
{
  const RtResult<RtSourceText> source = RtDocumentSource::readFile( path, encoding );
  if ( !source.ok() )
    return RtResult<RtImportReport>::failureFrom( source );
  return importSource( source.value(), path, term );
}

RtResult<RtImportReport> RtResolutionImporter::importBytes( const QByteArray &bytes, const QString &sourceName, const RtCouncilTerm &term,
    RtEncoding::Encoding encoding )
{
  const RtResult<RtSourceText> source = RtDocumentSource::read( bytes, sourceName, encoding );
  if ( !source.ok() )
    return RtResult<RtImportReport>::failureFrom( source );
  return importSource( source.value(), sourceName, term );
}
