#include "rtresolutionimporter.h"
#include "rtfigures.h"
#include "rttext.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace
{
  const auto sCi = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

  //! One paragraph of the source: a non-empty line, possibly joined with its continuation
  //! after a page break. Anchors map offsets in text back to source lines.
  struct Paragraph
  {
    QString text;
    int line = 0;
    QVector<QPair<int, int>> anchors; // (offset in text, source line)

    int lineAt( int offset ) const
    {
      int l = line;
      for ( const auto &a : anchors )
        if ( a.first <= offset )
          l = a.second;
      return l;
    }
  };

  //! A clause being built: the public clause plus its level and source anchors.
  struct Node
  {
    RtClause clause;
    int level = 0;
    int number = 0;
    Paragraph body; // the clause's own text with line anchors
    QVector<Node> children;
  };

  // ---- encoding ---------------------------------------------------------------

  //! Offset of the first byte that breaks UTF-8, or -1 for valid UTF-8.
  int firstInvalidUtf8( const QByteArray &b )
  {
    const int n = b.size();
    int i = 0;
    while ( i < n )
    {
      const unsigned char c = static_cast<unsigned char>( b.at( i ) );
      int len = 0;
      unsigned int cp = 0;
      if ( c < 0x80 ) { ++i; continue; }
      else if ( c >= 0xC2 && c <= 0xDF ) { len = 2; cp = c & 0x1F; }
      else if ( c >= 0xE0 && c <= 0xEF ) { len = 3; cp = c & 0x0F; }
      else if ( c >= 0xF0 && c <= 0xF4 ) { len = 4; cp = c & 0x07; }
      else return i;
      if ( i + len > n )
        return i;
      for ( int k = 1; k < len; ++k )
      {
        const unsigned char cc = static_cast<unsigned char>( b.at( i + k ) );
        if ( ( cc & 0xC0 ) != 0x80 )
          return i;
        cp = ( cp << 6 ) | ( cc & 0x3F );
      }
      // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
      if ( ( len == 3 && cp < 0x800 ) || ( len == 4 && ( cp < 0x10000 || cp > 0x10FFFF ) ) || ( cp >= 0xD800 && cp <= 0xDFFF ) )
        return i;
      i += len;
    }
    return -1;
  }

  bool isAsciiVowel( unsigned int c )
  {
    return QByteArray( "aeiouyAEIOUY" ).contains( static_cast<char>( c ) );
  }

  /**
   * Guesses which legacy Vietnamese 8-bit encoding a run of code units 0–255 is in.
   * VNI writes a base vowel followed by a mark byte (ù, ø, û, õ, ï, ñ, ö …); TCVN3 (ABC)
   * writes precomposed letters in the 0xA1–0xFE range (¸ = á, µ = à, ® = đ, Þ = ị …).
   */
  QString guessLegacyEncoding( const QVector<unsigned int> &units )
  {
    static const QByteArray sVniMarks( "\xF9\xF8\xFB\xF5\xEF\xF1\xF6\xE1\xE0\xE5\xE3\xE4\xEB\xEA\xE9\xE8\xEC\xF2\xEE\xF3" );
    static const QByteArray sTcvn3( "\xB5\xB8\xB6\xB7\xB9\xAE\xA7\xA9\xAA\xAB\xAC\xAD\xDE\xD5\xCB\xCC\xCD\xCE\xCF\xD0\xD1\xD2\xD3\xD4\xD6\xD7\xD8\xBB\xBC\xBD\xBE\xC6\xC7\xC8\xC9\xCA" );
    int vni = 0;
    int tcvn3 = 0;
    for ( int i = 0; i < units.size(); ++i )
    {
      const unsigned int u = units.at( i );
      if ( u < 0x80 || u > 0xFF )
        continue;
      if ( i > 0 && isAsciiVowel( units.at( i - 1 ) ) && sVniMarks.contains( static_cast<char>( u ) ) )
        ++vni;
      if ( sTcvn3.contains( static_cast<char>( u ) ) )
        ++tcvn3;
    }
    if ( vni == 0 && tcvn3 == 0 )
      return QStringLiteral( "a legacy 8-bit encoding (TCVN3/ABC, VNI or Windows-1258)" );
    return vni > tcvn3 ? QStringLiteral( "VNI-encoded Vietnamese" ) : QStringLiteral( "TCVN3 (ABC)-encoded Vietnamese" );
  }

  bool isVietnameseSpecific( QChar c )
  {
    const ushort u = c.unicode();
    return ( u >= 0x1EA0 && u <= 0x1EF9 ) || u == 0x0103 || u == 0x0102 || u == 0x0111 || u == 0x0110
           || u == 0x01A1 || u == 0x01A0 || u == 0x01B0 || u == 0x01AF;
  }

  // ---- structure --------------------------------------------------------------

  const QRegularExpression &dieuRe() { static const QRegularExpression r( QStringLiteral( "^Điều\\s+(\\d+)\\s*[.:]?\\s*(.*)$" ), sCi ); return r; }
  const QRegularExpression &subItemRe() { static const QRegularExpression r( QStringLiteral( "^(\\d{1,2})\\.(\\d{1,2})(\\.?)\\s+(.*)$" ) ); return r; }
  const QRegularExpression &itemRe() { static const QRegularExpression r( QStringLiteral( "^(\\d{1,2})\\.\\s+(.*)$" ) ); return r; }
  const QRegularExpression &directiveRe() { static const QRegularExpression r( QStringLiteral( "^\\((\\d{1,2})\\)\\s*(.*)$" ) ); return r; }
  const QRegularExpression &inlineItemRe() { static const QRegularExpression r( QStringLiteral( "\\(i(\\d{1,2})\\)" ) ); return r; }

  //! Level, label and remaining text of a paragraph that starts a clause; level -1 otherwise.
  int clauseStart( const QString &text, QString &label, QString &rest, int &number )
  {
    QRegularExpressionMatch m = dieuRe().match( text );
    if ( m.hasMatch() )
    {
      number = m.captured( 1 ).toInt();
      label = QStringLiteral( "Điều %1" ).arg( number );
      rest = m.captured( 2 );
      return 0;
    }
    m = subItemRe().match( text );
    if ( m.hasMatch() )
    {
      number = m.captured( 2 ).toInt();
      label = m.captured( 1 ) + QLatin1Char( '.' ) + m.captured( 2 ) + m.captured( 3 );
      rest = m.captured( 4 );
      return 2;
    }
    m = itemRe().match( text );
    if ( m.hasMatch() )
    {
      number = m.captured( 1 ).toInt();
      label = m.captured( 1 ) + QLatin1Char( '.' );
      rest = m.captured( 2 );
      return 1;
    }
    m = directiveRe().match( text );
    if ( m.hasMatch() )
    {
      number = m.captured( 1 ).toInt();
      label = QStringLiteral( "(%1)" ).arg( number );
      rest = m.captured( 2 );
      return 3;
    }
    return -1;
  }

  bool startsClause( const QString &text )
  {
    QString label, rest;
    int number = 0;
    return clauseStart( text, label, rest, number ) >= 0;
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

  bool isUppercaseLine( const QString &text )
  {
    bool anyLetter = false;
    for ( const QChar c : text )
    {
      if ( c.isLetter() )
      {
        anyLetter = true;
        if ( c.isLower() )
          return false;
      }
    }
    return anyLetter;
  }

  //! Leading superscript digits of a footnote body ("¹ Tồn tại …" → 1), or 0.
  int footnoteNumber( const QString &text, int &bodyStart )
  {
    int n = 0;
    int i = 0;
    while ( i < text.size() && RtText::superscriptDigitValue( text.at( i ) ) >= 0 )
      n = n * 10 + RtText::superscriptDigitValue( text.at( i++ ) );
    bodyStart = i;
    return i > 0 ? n : 0;
  }

  QString pathText( const QStringList &path )
  {
    return path.isEmpty() ? QStringLiteral( "the text" ) : rtClausePathString( path );
  }

  void appendText( Paragraph &body, const Paragraph &p, const QString &text, int offsetInP )
  {
    if ( !body.text.isEmpty() )
      body.text += QLatin1Char( '\n' );
    const int base = body.text.size();
    if ( body.anchors.isEmpty() && body.line == 0 )
      body.line = p.lineAt( offsetInP );
    body.anchors << qMakePair( base, p.lineAt( offsetInP ) );
    for ( const auto &a : p.anchors )
      if ( a.first > offsetInP )
        body.anchors << qMakePair( base + a.first - offsetInP, a.second );
    body.text += text;
  }

  //! Splits "(i1) … (i2) …" inside a clause's text into children, in sequence only.
  void splitInlineItems( Node &node, QStringList &warnings, const QStringList &path )
  {
    QVector<QRegularExpressionMatch> markers;
    int expected = 1;
    auto it = inlineItemRe().globalMatch( node.body.text );
    while ( it.hasNext() )
    {
      const QRegularExpressionMatch m = it.next();
      if ( m.captured( 1 ).toInt() == expected )
      {
        markers << m;
        ++expected;
      }
      else
      {
        warnings << QStringLiteral( "line %1: '%2' in %3 is out of sequence (expected (i%4)); kept as text" )
                 .arg( node.body.lineAt( m.capturedStart() ) ).arg( m.captured( 0 ), pathText( path ) ).arg( expected );
      }
    }
    if ( markers.isEmpty() )
      return;
    const QString full = node.body.text;
    for ( int k = 0; k < markers.size(); ++k )
    {
      const int start = markers[k].capturedEnd();
      const int end = k + 1 < markers.size() ? markers[k + 1].capturedStart() : full.size();
      Node child;
      child.level = 4;
      child.number = k + 1;
      child.clause.label = markers[k].captured( 0 );
      child.clause.text = full.mid( start, end - start ).trimmed();
      child.clause.line = node.body.lineAt( markers[k].capturedStart() );
      node.children << child;
    }
    node.body.text = full.left( markers.first().capturedStart() );
  }

  void finishNode( Node &node, QStringList &warnings, QStringList path )
  {
    path << node.clause.label;
    if ( node.level == 3 )
      splitInlineItems( node, warnings, path );
    if ( node.clause.text.isEmpty() )
      node.clause.text = node.body.text.trimmed();
    node.clause.line = node.clause.line ? node.clause.line : node.body.line;
    for ( Node &child : node.children )
      finishNode( child, warnings, path );
    for ( const Node &child : node.children )
      node.clause.children << child.clause;
  }

  //! Records, for every footnote marker in the tree, the path of the clause citing it.
  void collectCitations( const QVector<RtClause> &clauses, QStringList path, QMap<int, QStringList> &citations )
  {
    for ( const RtClause &c : clauses )
    {
      QStringList here = path;
      here << c.label;
      const QString &t = c.text;
      for ( int i = 0; i < t.size(); ++i )
      {
        if ( RtText::superscriptDigitValue( t.at( i ) ) < 0 || ( i > 0 && t.at( i - 1 ) == QLatin1Char( 'm' ) ) )
          continue;
        int n = 0;
        while ( i < t.size() && RtText::superscriptDigitValue( t.at( i ) ) >= 0 )
          n = n * 10 + RtText::superscriptDigitValue( t.at( i++ ) );
        if ( !citations.contains( n ) )
          citations.insert( n, here );
      }
      collectCitations( c.children, here, citations );
    }
  }
}

RtResult<QString> RtResolutionImporter::decodeUtf8( const QByteArray &bytes, const QString &sourceName )
{
  if ( bytes.trimmed().isEmpty() )
    return RtResult<QString>::failure( QStringLiteral( "%1 is empty: expected the plain text (UTF-8) of a resolution" ).arg( sourceName ) );
  if ( bytes.startsWith( "\xFF\xFE" ) || bytes.startsWith( "\xFE\xFF" ) )
    return RtResult<QString>::failure( QStringLiteral( "%1 is UTF-16 text; save it as UTF-8 and import again" ).arg( sourceName ) );

  const int bad = firstInvalidUtf8( bytes );
  if ( bad >= 0 )
  {
    const int line = bytes.left( bad ).count( '\n' ) + 1;
    const int column = bad - bytes.lastIndexOf( '\n', bad - 1 );
    QVector<unsigned int> units;
    units.reserve( bytes.size() );
    for ( const char c : bytes )
      units << static_cast<unsigned char>( c );
    return RtResult<QString>::failure(
             QStringLiteral( "%1 is not UTF-8 text (byte 0x%2 at line %3, column %4); it looks like %5. "
                             "Convert it to Unicode UTF-8 first (for example with UniKey's converter, or "
                             "`iconv`/`vietconv`) and import again" )
             .arg( sourceName ).arg( static_cast<unsigned char>( bytes.at( bad ) ), 2, 16, QLatin1Char( '0' ) ).arg( line ).arg( column )
             .arg( guessLegacyEncoding( units ) ) );
  }

  QString text = QString::fromUtf8( bytes );
  if ( text.startsWith( QChar( 0xFEFF ) ) )
    text.remove( 0, 1 );
  text = text.normalized( QString::NormalizationForm_C );

  // Legacy text once decoded as Windows-1252 and saved as UTF-8 is valid UTF-8 but has no
  // Vietnamese letters outside Latin-1 ("Nghò quyeát" instead of "Nghị quyết").
  int specific = 0;
  int latin1 = 0;
  QVector<unsigned int> units;
  for ( const QChar c : text )
  {
    if ( isVietnameseSpecific( c ) )
      ++specific;
    else if ( c.unicode() >= 0x80 && c.unicode() <= 0xFF )
      ++latin1;
    units << ( c.unicode() <= 0xFF ? c.unicode() : 0x20u );
  }
  if ( specific == 0 && latin1 >= 10 )
    return RtResult<QString>::failure(
             QStringLiteral( "%1 is UTF-8 but contains no Vietnamese letters, only Latin-1 ones: it looks like %2 "
                             "that was decoded as Windows-1252. Convert the original file to Unicode UTF-8 "
                             "(for example with UniKey's converter) and import again" )
             .arg( sourceName, guessLegacyEncoding( units ) ) );
  return RtResult<QString>::success( text );
}

RtResult<RtImportReport> RtResolutionImporter::importFile( const QString &path, const RtCouncilTerm &term )
{
  QFile f( path );
  if ( !f.exists() )
    return RtResult<RtImportReport>::failure( QStringLiteral( "%1: no such file" ).arg( path ) );
  if ( !f.open( QIODevice::ReadOnly ) )
    return RtResult<RtImportReport>::failure( QStringLiteral( "%1: cannot read it (%2)" ).arg( path, f.errorString() ) );
  return importBytes( f.readAll(), path, term );
}

RtResult<RtImportReport> RtResolutionImporter::importBytes( const QByteArray &bytes, const QString &sourceName, const RtCouncilTerm &term )
{
  using Result = RtResult<RtImportReport>;
  RtResult<QString> decoded = decodeUtf8( bytes, sourceName );
  if ( !decoded.ok() )
    return Result::failure( decoded.error() );

  RtImportReport report;
  RtResolution &res = report.resolution;
  QStringList &warnings = report.warnings;

  // 1. Paragraphs: every non-empty line; footnote bodies apart.
  static const QRegularExpression sLineBreak( QStringLiteral( "\r\n|\r|\n" ) );
  const QStringList lines = decoded.value().split( sLineBreak );
  QVector<Paragraph> paragraphs;
  QMap<int, RtFootnote> footnoteBodies;
  bool footnoteSinceLast = false;
  for ( int i = 0; i < lines.size(); ++i )
  {
    const QString text = RtText::stripEmphasis( lines.at( i ) ).trimmed();
    if ( text.isEmpty() )
      continue;
    int bodyStart = 0;
    const int fn = footnoteNumber( text, bodyStart );
    if ( fn > 0 )
    {
      RtFootnote f;
      f.number = fn;
      f.text = text.mid( bodyStart ).trimmed();
      f.line = i + 1;
      if ( footnoteBodies.contains( fn ) )
        warnings << QStringLiteral( "line %1: footnote %2 appears twice; the first is kept" ).arg( i + 1 ).arg( fn );
      else
        footnoteBodies.insert( fn, f );
      footnoteSinceLast = true;
      continue;
    }
    // A page break splits a sentence: the piece before does not end a sentence, and the
    // piece after starts in lower case or comes after the page's footnotes.
    if ( !paragraphs.isEmpty() && !endsSentence( paragraphs.last().text ) && !startsClause( text )
         && ( startsLowercase( text ) || footnoteSinceLast ) )
    {
      Paragraph &prev = paragraphs.last();
      prev.text += QLatin1Char( ' ' );
      prev.anchors << qMakePair( prev.text.size(), i + 1 );
      prev.text += text;
    }
    else
    {
      Paragraph p;
      p.text = text;
      p.line = i + 1;
      p.anchors << qMakePair( 0, i + 1 );
      paragraphs << p;
    }
    footnoteSinceLast = false;
  }

  // 2. Header, up to "QUYẾT NGHỊ:" (or the first Điều when that line is missing).
  static const QRegularExpression sDecides( QStringLiteral( "^QUYẾT\\s+NGHỊ\\s*:?$" ), sCi );
  static const QRegularExpression sNumber( QStringLiteral( "^Số\\s*:\\s*(\\S+)" ), sCi );
  static const QRegularExpression sPlaceDate( QStringLiteral( "^(.+?),\\s*ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})" ), sCi );
  static const QRegularExpression sSession( QStringLiteral( "\\s*[-–]?\\s*\\b(KHÓA|KHOÁ)\\b" ) );
  int bodyStart = -1;
  int typeIndex = -1;
  for ( int i = 0; i < paragraphs.size(); ++i )
  {
    const QString &t = paragraphs.at( i ).text;
    if ( sDecides.match( t ).hasMatch() ) { bodyStart = i + 1; break; }
    if ( dieuRe().match( t ).hasMatch() ) { bodyStart = i; break; }
    QRegularExpressionMatch m;
    if ( res.number.isEmpty() && ( m = sNumber.match( t ) ).hasMatch() )
      res.number = m.captured( 1 );
    else if ( !res.date.isValid() && ( m = sPlaceDate.match( t ) ).hasMatch() )
    {
      res.place = m.captured( 1 ).trimmed();
      res.date = QDate( m.captured( 4 ).toInt(), m.captured( 3 ).toInt(), m.captured( 2 ).toInt() );
    }
    else if ( isUppercaseLine( t ) && t.contains( QStringLiteral( "HỘI ĐỒNG NHÂN DÂN" ) ) )
    {
      const QRegularExpressionMatch s = sSession.match( t );
      res.body = s.hasMatch() ? t.left( s.capturedStart() ).trimmed() : t;
      res.session = s.hasMatch() ? t.mid( s.capturedStart( 1 ) ).trimmed() : QString();
    }
    else if ( isUppercaseLine( t ) && res.documentType.isEmpty() && res.date.isValid()
              && !t.contains( QStringLiteral( "CỘNG HÒA" ) ) && !t.contains( QStringLiteral( "CỘNG HOÀ" ) ) )
    {
      res.documentType = t;
      typeIndex = i;
    }
    else if ( typeIndex >= 0 && i == typeIndex + 1 )
      res.title = t;
    else if ( t.startsWith( QStringLiteral( "Căn cứ" ) ) || t.startsWith( QStringLiteral( "Sau khi" ) ) || t.startsWith( QStringLiteral( "Xét" ) ) )
      res.preamble << t;
  }
  if ( res.number.isEmpty() )
    return Result::failure( QStringLiteral( "%1: no document number (a line \"Số: 172/NQ-HĐND\") before the first article; is this the text of a resolution?" ).arg( sourceName ) );
  if ( !res.date.isValid() )
    return Result::failure( QStringLiteral( "%1: no valid place and date line (\"Móng Cái, ngày 13 tháng 10 năm 2023\") before the first article" ).arg( sourceName ) );
  if ( bodyStart < 0 )
    return Result::failure( QStringLiteral( "%1: no article (\"Điều 1. …\") found after the header; the text is not a resolution or is truncated" ).arg( sourceName ) );

  // 3. Clause tree, up to the closing formula and the recipients ("Nơi nhận:").
  static const QRegularExpression sClosing( QStringLiteral( "^Nghị quyết này\\b.*thông qua" ), sCi );
  static const QRegularExpression sRecipients( QStringLiteral( "^Nơi nhận\\s*:?" ), sCi );
  QVector<Node> roots;
  QVector<int> openPath; // indices from the roots down to the clause being filled
  auto nodeAt = [&roots]( const QVector<int> &path ) -> Node * {
    if ( path.isEmpty() )
      return nullptr;
    Node *n = &roots[path.first()];
    for ( int k = 1; k < path.size(); ++k )
      n = &n->children[path.at( k )];
    return n;
  };
  auto labelsOf = [&]( const QVector<int> &path ) {
    QStringList labels;
    for ( int k = 1; k <= path.size(); ++k )
      labels << nodeAt( path.mid( 0, k ) )->clause.label;
    return labels;
  };

  int end = paragraphs.size();
  bool sawClosing = false;
  bool sawRecipients = false;
  for ( int i = bodyStart; i < paragraphs.size(); ++i )
  {
    const Paragraph &p = paragraphs.at( i );
    if ( sClosing.match( p.text ).hasMatch() )
    {
      res.closing = p.text;
      sawClosing = true;
      end = i + 1;
      break;
    }
    if ( sRecipients.match( p.text ).hasMatch() )
    {
      sawRecipients = true;
      end = i;
      break;
    }
    QString label, rest;
    int number = 0;
    const int level = clauseStart( p.text, label, rest, number );
    if ( level < 0 )
    {
      Node *current = nodeAt( openPath );
      if ( !current )
      {
        warnings << QStringLiteral( "line %1: text before the first article is ignored: \"%2\"" ).arg( p.line ).arg( p.text.left( 60 ) );
        continue;
      }
      appendText( current->body, p, p.text, 0 );
      continue;
    }
    while ( !openPath.isEmpty() && nodeAt( openPath )->level >= level )
      openPath.removeLast();
    if ( level > 0 && openPath.isEmpty() )
      return Result::failure( QStringLiteral( "%1, line %2: clause '%3' comes before any article (\"Điều …\")" ).arg( sourceName ).arg( p.line ).arg( label ) );

    QVector<Node> &siblings = openPath.isEmpty() ? roots : nodeAt( openPath )->children;
    const int expectedNumber = siblings.isEmpty() ? 1 : siblings.last().number + 1;
    if ( number != expectedNumber && !( siblings.isEmpty() && level == 0 ) )
      warnings << QStringLiteral( "line %1: '%2' follows %3 — a clause may be missing or misnumbered" )
               .arg( p.line ).arg( label, siblings.isEmpty() ? QStringLiteral( "the start of %1" ).arg( pathText( labelsOf( openPath ) ) ) : QStringLiteral( "'%1'" ).arg( siblings.last().clause.label ) );
    if ( level == 2 && !openPath.isEmpty() && !label.startsWith( nodeAt( openPath )->clause.label ) )
      warnings << QStringLiteral( "line %1: '%2' is placed under '%3'" ).arg( p.line ).arg( label, nodeAt( openPath )->clause.label );

    Node node;
    node.level = level;
    node.number = number;
    node.clause.label = label;
    node.clause.line = p.line;
    node.body.line = p.line;
    if ( !rest.isEmpty() )
      appendText( node.body, p, rest, p.text.size() - rest.size() );
    siblings << node;
    openPath << siblings.size() - 1;
  }
  if ( roots.isEmpty() )
    return Result::failure( QStringLiteral( "%1: no article (\"Điều 1. …\") found; the text is not a resolution or is truncated" ).arg( sourceName ) );
  if ( !sawClosing && !sawRecipients )
  {
    const Paragraph &last = paragraphs.last();
    return Result::failure( QStringLiteral( "%1 looks truncated: it ends at line %2 inside %3 (\"…%4\") without the closing "
                                            "formula (\"Nghị quyết này … thông qua …\") or the recipients list (\"Nơi nhận:\"). "
                                            "Check the file is complete" )
                            .arg( sourceName ).arg( last.line ).arg( pathText( labelsOf( openPath ) ) ).arg( last.text.right( 40 ) ) );
  }

  // 4. Signature: after the recipients, the title lines in capitals, then the name.
  for ( int i = end; i < paragraphs.size(); ++i )
  {
    const QString &t = paragraphs.at( i ).text;
    if ( sRecipients.match( t ).hasMatch() || t.startsWith( QLatin1Char( '-' ) ) )
      continue;
    if ( isUppercaseLine( t ) )
      res.signerTitle = res.signerTitle.isEmpty() ? t : res.signerTitle + QLatin1Char( ' ' ) + t;
    else
      res.signer = t;
  }

  for ( Node &root : roots )
  {
    finishNode( root, warnings, QStringList() );
    res.clauses << root.clause;
  }

  // 5. Footnotes and the clauses that cite them.
  QMap<int, QStringList> citations;
  collectCitations( res.clauses, QStringList(), citations );
  for ( auto it = footnoteBodies.begin(); it != footnoteBodies.end(); ++it )
  {
    RtFootnote f = it.value();
    if ( citations.contains( f.number ) )
      f.clausePath = citations.value( f.number );
    else
      warnings << QStringLiteral( "line %1: footnote %2 is not cited anywhere in the text" ).arg( f.line ).arg( f.number );
    res.footnotes << f;
  }
  for ( auto it = citations.begin(); it != citations.end(); ++it )
    if ( !footnoteBodies.contains( it.key() ) )
      warnings << QStringLiteral( "footnote %1 is cited in %2 but its text is missing" ).arg( it.key() ).arg( pathText( it.value() ) );

  // 6. Figures.
  res.figures = RtFigures::extract( res.clauses, term );
  return Result::success( report );
}
