#include "rtparagraphs.h"
#include "rttr.h"
#include "rtclausetree.h"
#include "rttext.h"

#include <QHash>
#include <QSet>
#include <QRegularExpression>

#include <algorithm>

namespace
{
  bool isPageNumber( const QString &text )
  {
    static const QRegularExpression sPage( QStringLiteral( "^(?:[-–—]\\s*)?\\d{1,3}(?:\\s*[-–—])?$"
                                                           "|^(?:Trang|trang|TRANG|Page)\\s+\\d{1,3}(?:\\s*(?:/|của)\\s*\\d{1,3})?$"
                                                           "|^\\d{1,3}\\s*/\\s*\\d{1,3}$" ) );
    return sPage.match( text.trimmed() ).hasMatch();
  }

  //! A line's identity as a running header: digits do not count ("Trang 2" = "Trang 3").
  QString furnitureKey( const QString &text )
  {
    static const QRegularExpression sDigits( QStringLiteral( "\\d+" ) );
    QString key = text.simplified();
    key.replace( sDigits, QStringLiteral( "#" ) );
    return key;
  }

  bool endsSentence( const QString &text )
  {
    static const QString sEnds = QStringLiteral( ".:;!?…" );
    return !text.isEmpty() && sEnds.contains( text.back() );
  }

  bool startsLowercase( const QString &text )
  {
    for ( const QChar c : text )
    {
      if ( c.isLetter() )
        return c.isLower();
      if ( !c.isSpace() && c != QLatin1Char( '"' ) && c != QChar( 0x201C ) )
        return false;
    }
    return false;
  }

  bool startsLowercaseOrDigit( const QString &text )
  {
    return startsLowercase( text ) || ( !text.isEmpty() && text.at( 0 ).isDigit() );
  }

  int leadingSpaces( const QString &text )
  {
    int n = 0;
    while ( n < text.size() && ( text.at( n ) == QLatin1Char( ' ' ) || text.at( n ) == QLatin1Char( '\t' ) ) )
      ++n;
    return n;
  }

  int rightEdge( const QString &text )
  {
    int n = text.size();
    while ( n > 0 && text.at( n - 1 ).isSpace() )
      --n;
    return n;
  }

  QString collapseSpaces( const QString &text )
  {
    static const QRegularExpression sRun( QStringLiteral( "[ \\t\\x{00A0}]{2,}|\\t" ) );
    QString out = text;
    out.replace( sRun, QStringLiteral( " " ) );
    return out;
  }

  //! A line laid out in columns (a flattened header, a signature block, a table row).
  bool hasColumns( const QString &raw )
  {
    static const QRegularExpression sGap( QStringLiteral( "\\S(\\t|\\s{3,})\\S" ) );
    return sGap.match( raw ).hasMatch();
  }

  //! A line that starts something of its own: a clause, the recipients, the signature.
  bool startsStructure( const QString &text )
  {
    return RtClauseTree::startsClause( text ) || RtClauseTree::isRecipientsLine( text ) || RtClauseTree::isSignatureLine( text );
  }

  //! How a text wrapped at a page's width looks: the width, the left margin, whether it is.
  struct Wrapping
  {
    bool wrapped = false;
    int width = 0;
    int margin = 0;
    bool full( const QString &raw ) const { return rightEdge( raw ) * 4 >= width * 3; }
    bool indented( const QString &raw ) const { return leadingSpaces( raw ) >= margin + 2; }
  };

  Wrapping measureWrapping( const QVector<RtSourceLine> &lines )
  {
    Wrapping w;
    QVector<int> edges;
    for ( const RtSourceLine &l : lines )
      if ( !l.text.trimmed().isEmpty() )
        edges << rightEdge( l.text );
    if ( edges.size() < 10 )
      return w;
    std::sort( edges.begin(), edges.end() );
    w.width = edges.at( edges.size() * 9 / 10 );
    int lowerContinuations = 0;
    for ( int i = 0; i + 1 < lines.size(); ++i )
    {
      const QString a = lines.at( i ).text.trimmed();
      const QString b = lines.at( i + 1 ).text.trimmed();
      if ( !a.isEmpty() && !b.isEmpty() && !endsSentence( a ) && startsLowercase( b ) )
        ++lowerContinuations;
    }
    w.wrapped = w.width <= 160 && lowerContinuations >= std::max<int>( 3, edges.size() / 10 );
    if ( !w.wrapped )
      return w;
    // The left margin: where most full-width lines start.
    QHash<int, int> starts;
    for ( const RtSourceLine &l : lines )
      if ( !l.text.trimmed().isEmpty() && w.full( l.text ) )
        ++starts[leadingSpaces( l.text )];
    int best = 0;
    for ( auto it = starts.begin(); it != starts.end(); ++it )
      if ( it.value() > starts.value( best ) || ( it.value() == starts.value( best ) && it.key() < best ) )
        best = it.key();
    w.margin = best;
    return w;
  }
}

int RtParagraphs::footnoteNumber( const QString &text, int &bodyStart )
{
  int i = 0;
  while ( i < text.size() && RtText::superscriptDigitValue( text.at( i ) ) >= 0 )
    ++i;
  bodyStart = i;
  // Bounded: a footnote number has at most three digits; a longer run is text (and would
  // overflow an int beyond nine).
  if ( i == 0 || i > RtText::maxFootnoteDigits )
  {
    bodyStart = 0;
    return 0;
  }
  int n = 0;
  for ( int k = 0; k < i; ++k )
    n = n * 10 + RtText::superscriptDigitValue( text.at( k ) );
  return n;
}

QVector<RtSourceLine> RtParagraphs::clean( const QStringList &lines, QStringList &notes )
{
  // Lines, split at form feeds: a page starts after each.
  QVector<RtSourceLine> out;
  QVector<QVector<int>> pages( 1 );
  for ( int i = 0; i < lines.size(); ++i )
  {
    const QStringList parts = lines.at( i ).split( QLatin1Char( '\f' ) );
    for ( int k = 0; k < parts.size(); ++k )
    {
      if ( k > 0 )
        pages.append( QVector<int>() );
      if ( k > 0 && parts.at( k ).isEmpty() && k + 1 < parts.size() )
        continue;
      if ( k > 0 && parts.at( k ).isEmpty() && k + 1 == parts.size() && i + 1 < lines.size() )
        continue; // "\f" alone on its line: the next line starts the page
      RtSourceLine l;
      l.text = parts.at( k );
      l.line = i + 1;
      l.pageStart = k > 0;
      pages.last() << out.size();
      out << l;
    }
  }
  for ( const QVector<int> &page : pages )
    for ( const int index : page )
      if ( !out.at( index ).text.trimmed().isEmpty() )
      {
        out[index].pageStart = &page != &pages.first();
        break;
      }

  QVector<bool> remove( out.size(), false );
  int pageNumbers = 0;
  int runningLines = 0;
  auto nonEmpty = [&]( const QVector<int> &page ) {
    QVector<int> idx;
    for ( const int i : page )
      if ( !out.at( i ).text.trimmed().isEmpty() && !remove.at( i ) )
        idx << i;
    return idx;
  };

  if ( pages.size() >= 2 )
  {
    // Page numbers at the top or the foot of a page.
    for ( const QVector<int> &page : pages )
    {
      const QVector<int> idx = nonEmpty( page );
      for ( int k = 0; k < idx.size(); ++k )
        if ( ( k < 2 || k >= idx.size() - 2 ) && isPageNumber( out.at( idx.at( k ) ).text ) )
        {
          remove[idx.at( k )] = true;
          ++pageNumbers;
        }
    }
    // Running headers and footers: the same line (numbers aside) among the first or last
    // two lines of half the pages or more.
    QHash<QString, int> seen;
    for ( int p = 0; p < pages.size(); ++p )
    {
      const QVector<int> idx = nonEmpty( pages.at( p ) );
      QSet<QString> keys;
      for ( int k = 0; k < idx.size(); ++k )
        if ( k < 2 || k >= idx.size() - 2 )
          keys.insert( furnitureKey( out.at( idx.at( k ) ).text ) );
      for ( const QString &key : keys )
        ++seen[key];
    }
    // With two pages a running header is seen once: it is the top line of the second page
    // naming the document ("Quyết định số 1250/QĐ-UBND …") and set off by a blank line.
    static const QRegularExpression sDocumentNumber( QStringLiteral( "\\d+/(\\d{4}/)?[A-ZĐ]+-[A-ZĐ]+" ) );
    for ( int p = 0; p < pages.size(); ++p )
    {
      const QVector<int> idx = nonEmpty( pages.at( p ) );
      for ( int k = 0; k < idx.size(); ++k )
      {
        if ( !( k < 2 || k >= idx.size() - 2 ) )
          continue;
        const QString text = out.at( idx.at( k ) ).text.trimmed();
        const int count = seen.value( furnitureKey( text ) );
        const bool repeated = count >= 2 && count * 2 >= pages.size() - 1;
        const int next = idx.at( k ) + 1;
        const bool setOff = next < out.size() && out.at( next ).text.trimmed().isEmpty();
        const bool namesDocument = p > 0 && k == 0 && count == pages.size() - 1 && setOff && sDocumentNumber.match( text ).hasMatch();
        if ( ( repeated || namesDocument ) && text.size() >= 8 && !startsStructure( text ) && !endsSentence( text ) )
        {
          remove[idx.at( k )] = true;
          ++runningLines;
        }
      }
    }
  }
  else
  {
    // No page breaks: a lone page number between blank lines, and a line repeated three times.
    QHash<QString, int> repeats;
    for ( const RtSourceLine &l : out )
    {
      const QString t = l.text.trimmed();
      if ( t.size() >= 15 && !t.contains( QLatin1Char( '\t' ) ) && !t.contains( QLatin1Char( '|' ) ) && !startsStructure( t ) )
        ++repeats[t];
    }
    for ( int i = 0; i < out.size(); ++i )
    {
      const QString t = out.at( i ).text.trimmed();
      const bool blankBefore = i == 0 || out.at( i - 1 ).text.trimmed().isEmpty();
      const bool blankAfter = i + 1 == out.size() || out.at( i + 1 ).text.trimmed().isEmpty();
      if ( isPageNumber( t ) && blankBefore && blankAfter )
      {
        remove[i] = true;
        ++pageNumbers;
      }
      else if ( repeats.value( t ) >= 3 )
      {
        remove[i] = true;
        ++runningLines;
      }
    }
  }

  QVector<RtSourceLine> kept;
  bool pendingPageStart = false;
  for ( int i = 0; i < out.size(); ++i )
  {
    if ( remove.at( i ) )
    {
      pendingPageStart |= out.at( i ).pageStart;
      continue;
    }
    RtSourceLine l = out.at( i );
    if ( pendingPageStart && !l.text.trimmed().isEmpty() )
    {
      l.pageStart = true;
      pendingPageStart = false;
    }
    kept << l;
  }
  if ( pageNumbers || runningLines )
    notes << rtMsg( "RtParagraphs", "removed %1 page number(s) and %2 running header or footer line(s)" ).arg( pageNumbers ).arg( runningLines );
  return kept;
}

RtParagraphs::Result RtParagraphs::build( const QVector<RtSourceLine> &lines, bool linesAreParagraphs )
{
  Result result;
  const Wrapping wrapping = linesAreParagraphs ? Wrapping() : measureWrapping( lines );
  static const QRegularExpression sLoneHeading( QStringLiteral( "^(Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)$" ) );
  static const QRegularExpression sNumberStart( QStringLiteral( "^(\\d|[IVXL]+\\b)" ) );

  bool footnoteSinceLast = false;
  bool blankSinceLast = true;
  bool pageSinceLast = false;
  int lastFootnote = 0;          // the footnote the previous line belonged to (reflowed notes)
  QString previousRaw;           // the last line added to the last paragraph
  QVector<bool> consumed( lines.size(), false );

  for ( int i = 0; i < lines.size(); ++i )
  {
    if ( consumed.at( i ) )
      continue;
    QString raw = lines.at( i ).text;
    QString text = RtText::stripEmphasis( raw ).trimmed();
    pageSinceLast |= lines.at( i ).pageStart;
    if ( text.isEmpty() )
    {
      blankSinceLast = true;
      lastFootnote = 0;
      continue;
    }
    int secondLine = 0;
    // "Điều" on one line and "3. …" on the next: one line.
    if ( sLoneHeading.match( text ).hasMatch() )
    {
      for ( int j = i + 1; j < lines.size(); ++j )
      {
        const QString next = RtText::stripEmphasis( lines.at( j ).text ).trimmed();
        if ( next.isEmpty() )
          continue;
        if ( sNumberStart.match( next ).hasMatch() )
        {
          secondLine = lines.at( j ).line;
          text = text + QLatin1Char( ' ' ) + next;
          raw = raw.trimmed() + QLatin1Char( ' ' ) + lines.at( j ).text.trimmed();
          consumed[j] = true;
        }
        break;
      }
    }

    int bodyStart = 0;
    const int fn = footnoteNumber( text, bodyStart );
    if ( fn > 0 )
    {
      RtFootnote f;
      f.number = fn;
      f.text = text.mid( bodyStart ).trimmed();
      f.line = lines.at( i ).line;
      if ( result.footnotes.contains( fn ) )
        result.warnings << rtMsg( "RtParagraphs", "line %1: footnote %2 appears twice; the first is kept" ).arg( f.line ).arg( fn );
      else
        result.footnotes.insert( fn, f );
      footnoteSinceLast = true;
      lastFootnote = result.footnotes.value( fn ).line == f.line ? fn : 0;
      previousRaw = raw;
      blankSinceLast = false;
      continue;
    }
    // A footnote's text wrapped onto the next line: the same test as a paragraph's.
    if ( lastFootnote && wrapping.wrapped && !lines.at( i ).pageStart && !startsStructure( text ) && !wrapping.indented( raw ) )
    {
      const QString &noteText = result.footnotes[lastFootnote].text;
      if ( ( startsLowercaseOrDigit( text ) && ( !endsSentence( noteText ) || wrapping.full( previousRaw ) ) )
           || ( wrapping.full( previousRaw ) && !endsSentence( noteText ) ) )
      {
        result.footnotes[lastFootnote].text += QLatin1Char( ' ' ) + collapseSpaces( text );
        previousRaw = raw;
        continue;
      }
    }
    lastFootnote = 0;

    const QString collapsed = collapseSpaces( text );
    bool join = false;
    if ( !result.paragraphs.isEmpty() && !linesAreParagraphs )
    {
      const QString &previous = result.paragraphs.last().text;
      const bool adjacent = !blankSinceLast && !footnoteSinceLast && !pageSinceLast;
      if ( wrapping.wrapped && adjacent )
      {
        // Wrapped at the page's width: the line goes on unless it starts something or is
        // indented as a paragraph's first line.
        const bool bulletContinuation = wrapping.full( previousRaw ) && !endsSentence( previous )
                                        && ( text.startsWith( QLatin1Char( '-' ) ) || text.startsWith( QLatin1Char( '+' ) ) );
        const bool structure = ( startsStructure( text ) && !bulletContinuation ) || hasColumns( raw ) || hasColumns( previousRaw );
        if ( !structure && !wrapping.indented( raw ) )
          join = ( startsLowercaseOrDigit( text ) && ( !endsSentence( previous ) || wrapping.full( previousRaw ) ) )
                 || ( wrapping.full( previousRaw ) && !endsSentence( previous ) );
      }
      else
      {
        // A page break splits a sentence: the piece before does not end a sentence, and the
        // piece after starts in lower case or comes after the page's footnotes (or, in a
        // text wrapped at the page's width, the line before the break was a full line).
        join = !endsSentence( previous ) && !startsStructure( text )
               && ( startsLowercase( text ) || footnoteSinceLast || ( wrapping.wrapped && pageSinceLast && wrapping.full( previousRaw ) ) );
      }
    }
    if ( join )
    {
      RtParagraph &prev = result.paragraphs.last();
      prev.text += QLatin1Char( ' ' );
      prev.anchors << qMakePair( prev.text.size(), lines.at( i ).line );
      prev.text += collapsed;
    }
    else
    {
      RtParagraph p;
      p.text = collapsed;
      p.raw = raw;
      p.line = lines.at( i ).line;
      p.anchors << qMakePair( 0, lines.at( i ).line );
      if ( secondLine )
      {
        const int offset = collapsed.indexOf( QLatin1Char( ' ' ) ) + 1;
        p.anchors << qMakePair( offset, secondLine );
      }
      result.paragraphs << p;
    }
    previousRaw = raw;
    footnoteSinceLast = false;
    blankSinceLast = false;
    pageSinceLast = false;
  }
  return result;
}
