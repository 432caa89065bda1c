#include "rtclausetree.h"
#include "rttr.h"

#include <QMap>
#include <QRegularExpression>

namespace
{
  const auto sCi = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
  const auto sUni = QRegularExpression::UseUnicodePropertiesOption;
  using Kind = RtClauseTree::Kind;

  bool isStructural( Kind k )
  {
    return k == Kind::Part || k == Kind::Chapter || k == Kind::Section || k == Kind::Article;
  }

  bool isBullet( Kind k )
  {
    return k == Kind::Dash || k == Kind::Plus;
  }

  //! Part < Chapter < Section < Article.
  int rank( Kind k )
  {
    return static_cast<int>( k );
  }

  //! A clause being built: the public clause plus its kind, number and source anchors.
  struct Node
  {
    RtClause clause;
    Kind kind = Kind::None;
    int number = 0;
    RtParagraph body; // the clause's own text with line anchors
    QVector<Node> children;
    bool bulletsAsText = false; // bullets after a closed sentence are its paragraphs
    int dashes = 0;
    int pluses = 0;
  };

  const QRegularExpression &inlineItemRe() { static const QRegularExpression r( QStringLiteral( "\\(i(\\d{1,2})\\)" ) ); return r; }

  bool endsSentence( const QString &text )
  {
    static const QString sEnds = QStringLiteral( ".:;!?…" );
    return !text.isEmpty() && sEnds.contains( text.back() );
  }

  QString pathText( const QStringList &path )
  {
    return path.isEmpty() ? rtMsg( "RtClauseTree", "the text" ) : rtClausePathString( path );
  }

  void appendText( RtParagraph &body, const RtParagraph &p, const QString &text, int offsetInP )
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
        warnings << rtMsg( "RtClauseTree", "line %1: '%2' in %3 is out of sequence (expected (i%4)); kept as text" )
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
      child.kind = Kind::None;
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
    if ( node.kind == Kind::Paren )
      splitInlineItems( node, warnings, path );
    if ( node.clause.text.isEmpty() )
      node.clause.text = node.body.text.trimmed();
    node.clause.line = node.clause.line ? node.clause.line : node.body.line;
    for ( Node &child : node.children )
      finishNode( child, warnings, path );
    for ( const Node &child : node.children )
      node.clause.children << child.clause;
  }

  int ordinalWord( const QString &word )
  {
    static const QMap<QString, int> sOrdinals = {
      { QStringLiteral( "nhất" ), 1 }, { QStringLiteral( "một" ), 1 }, { QStringLiteral( "hai" ), 2 }, { QStringLiteral( "ba" ), 3 },
      { QStringLiteral( "tư" ), 4 }, { QStringLiteral( "bốn" ), 4 }, { QStringLiteral( "năm" ), 5 }, { QStringLiteral( "sáu" ), 6 },
      { QStringLiteral( "bảy" ), 7 }, { QStringLiteral( "tám" ), 8 }, { QStringLiteral( "chín" ), 9 }, { QStringLiteral( "mười" ), 10 } };
    return sOrdinals.value( word.toLower(), 0 );
  }

  //! "I", "3", "thứ hai" as a number; 0 when it is none of them.
  int numberToken( const QString &token )
  {
    bool ok = false;
    const int n = token.toInt( &ok );
    if ( ok )
      return n;
    const int roman = RtClauseTree::romanValue( token.toUpper() );
    if ( roman )
      return roman;
    const QStringList words = token.split( QLatin1Char( ' ' ), Qt::SkipEmptyParts );
    if ( words.size() == 2 && words.first().compare( QStringLiteral( "thứ" ), Qt::CaseInsensitive ) == 0 )
      return ordinalWord( words.at( 1 ) );
    return 0;
  }

  QString firstSegment( const QString &text )
  {
    static const QRegularExpression sSeparator( QStringLiteral( "\\t|\\||\\s{3,}" ) );
    const QString t = text.trimmed();
    const int at = t.indexOf( sSeparator );
    return ( at < 0 ? t : t.left( at ) ).trimmed();
  }
}

int RtClauseTree::romanValue( const QString &roman )
{
  if ( roman.isEmpty() || roman.size() > 8 )
    return 0;
  static const QMap<QChar, int> sValues = { { QLatin1Char( 'I' ), 1 }, { QLatin1Char( 'V' ), 5 }, { QLatin1Char( 'X' ), 10 },
    { QLatin1Char( 'L' ), 50 }, { QLatin1Char( 'C' ), 100 } };
  int total = 0;
  for ( int i = 0; i < roman.size(); ++i )
  {
    const int v = sValues.value( roman.at( i ), 0 );
    if ( !v )
      return 0;
    const int next = i + 1 < roman.size() ? sValues.value( roman.at( i + 1 ), 0 ) : 0;
    total += v < next ? -v : v;
  }
  // Only canonical forms ("IV", not "IIII" or "VX") are numbers; anything else is a word.
  static const char *sUnits[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
  static const char *sTens[] = { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" };
  if ( total <= 0 || total >= 100 )
    return 0;
  const QString canonical = QLatin1String( sTens[total / 10] ) + QLatin1String( sUnits[total % 10] );
  return canonical == roman ? total : 0;
}

int RtClauseTree::letterNumber( QChar letter )
{
  static const QString sOrder = QStringLiteral( "abcdđeghiklmnopqrstuvxy" );
  const int i = sOrder.indexOf( letter );
  return i < 0 ? 0 : i + 1;
}

bool RtClauseTree::isClosing( const QString &text )
{
  static const QRegularExpression sClosing( QStringLiteral( "^Nghị quyết này\\b.*thông qua" ), sCi );
  return sClosing.match( text ).hasMatch();
}

bool RtClauseTree::isRecipientsLine( const QString &text )
{
  static const QRegularExpression sRecipients( QStringLiteral( "^Nơi nhận\\s*:?" ), sCi );
  return sRecipients.match( text ).hasMatch();
}

bool RtClauseTree::isSignatureLine( const QString &text )
{
  static const QRegularExpression sOnBehalf( QStringLiteral( "^(TM|T\\.M|T/M|KT|K\\.T|K/T|Q|TL|TUQ)\\.?\\s+\\p{Lu}" ), sUni );
  static const QRegularExpression sTitle( QStringLiteral( "^(PHÓ\\s+)?CHỦ\\s+(TỊCH|TỌA|TOẠ)$" ), sUni );
  const QString s = firstSegment( text );
  if ( s.isEmpty() || s != s.toUpper() )
    return false;
  return sOnBehalf.match( s ).hasMatch() || sTitle.match( s ).hasMatch();
}

RtClauseTree::Marker RtClauseTree::marker( const QString &text )
{
  static const QRegularExpression sPart( QStringLiteral( "^(?:PHẦN|Phần)\\s+(thứ\\s+\\w+|[IVXL]+|\\d+)\\b\\s*[.:\\-–]?\\s*(.*)$" ), sCi );
  static const QRegularExpression sChapter( QStringLiteral( "^(?:CHƯƠNG|Chương)\\s+([IVXL]+|\\d+)\\b\\s*[.:\\-–]?\\s*(.*)$" ), sUni );
  static const QRegularExpression sSection( QStringLiteral( "^(?:MỤC|Mục)\\s+([IVXL]+|\\d+)\\b\\s*[.:\\-–]?\\s*(.*)$" ), sUni );
  static const QRegularExpression sArticle( QStringLiteral( "^Điều\\s+(\\d+)\\s*[.:]?\\s*(.*)$" ), sCi );
  static const QRegularExpression sDecimal3( QStringLiteral( "^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{1,2})(\\.?)\\s+(.*)$" ) );
  static const QRegularExpression sDecimal2( QStringLiteral( "^(\\d{1,2})\\.(\\d{1,2})(\\.?)\\s+(.*)$" ) );
  static const QRegularExpression sArabic( QStringLiteral( "^(\\d{1,2})\\.(?:\\s+|(?=\\p{Lu}))(.*)$" ), sUni );
  static const QRegularExpression sArabicParen( QStringLiteral( "^(\\d{1,2})\\)\\s+(.*)$" ) );
  static const QRegularExpression sRoman( QStringLiteral( "^([IVXL]{1,7})\\s*([.)])(?:\\s+|$)(.*)$" ) );
  static const QRegularExpression sLetter( QStringLiteral( "^([a-zđ])\\)\\s*(.*)$" ) );
  static const QRegularExpression sParen( QStringLiteral( "^\\((\\d{1,2})\\)\\s*(.*)$" ) );
  static const QRegularExpression sBullet( QStringLiteral( "^([-–—•+])(?:\\s+|(?=\\p{L}))(.*\\w.*)$" ), sUni );

  Marker m;
  QRegularExpressionMatch r;
  if ( ( r = sPart.match( text ) ).hasMatch() && numberToken( r.captured( 1 ) ) )
  {
    m.kind = Kind::Part;
    QString token = r.captured( 1 );
    if ( token.startsWith( QStringLiteral( "thứ" ), Qt::CaseInsensitive ) )
      token = token.toLower();
    m.label = QStringLiteral( "Phần " ) + token.simplified();
    m.number = numberToken( r.captured( 1 ) );
    m.rest = r.captured( 2 );
  }
  else if ( ( r = sChapter.match( text ) ).hasMatch() && numberToken( r.captured( 1 ) ) )
  {
    m.kind = Kind::Chapter;
    m.label = QStringLiteral( "Chương " ) + r.captured( 1 );
    m.number = numberToken( r.captured( 1 ) );
    m.rest = r.captured( 2 );
  }
  else if ( ( r = sSection.match( text ) ).hasMatch() && numberToken( r.captured( 1 ) ) )
  {
    m.kind = Kind::Section;
    m.label = QStringLiteral( "Mục " ) + r.captured( 1 );
    m.number = numberToken( r.captured( 1 ) );
    m.rest = r.captured( 2 );
  }
  else if ( ( r = sArticle.match( text ) ).hasMatch() )
  {
    m.kind = Kind::Article;
    m.number = r.captured( 1 ).toInt();
    m.label = QStringLiteral( "Điều %1" ).arg( m.number );
    m.rest = r.captured( 2 );
  }
  else if ( ( r = sDecimal3.match( text ) ).hasMatch() )
  {
    m.kind = Kind::Decimal3;
    m.number = r.captured( 3 ).toInt();
    m.label = r.captured( 1 ) + QLatin1Char( '.' ) + r.captured( 2 ) + QLatin1Char( '.' ) + r.captured( 3 ) + r.captured( 4 );
    m.rest = r.captured( 5 );
  }
  else if ( ( r = sDecimal2.match( text ) ).hasMatch() )
  {
    m.kind = Kind::Decimal2;
    m.number = r.captured( 2 ).toInt();
    m.label = r.captured( 1 ) + QLatin1Char( '.' ) + r.captured( 2 ) + r.captured( 3 );
    m.rest = r.captured( 4 );
  }
  else if ( ( r = sArabic.match( text ) ).hasMatch() )
  {
    m.kind = Kind::Arabic;
    m.number = r.captured( 1 ).toInt();
    m.label = r.captured( 1 ) + QLatin1Char( '.' );
    m.rest = r.captured( 2 );
  }
  else if ( ( r = sArabicParen.match( text ) ).hasMatch() )
  {
    m.kind = Kind::ArabicParen;
    m.number = r.captured( 1 ).toInt();
    m.label = r.captured( 1 ) + QLatin1Char( ')' );
    m.rest = r.captured( 2 );
  }
  else if ( ( r = sRoman.match( text ) ).hasMatch() && romanValue( r.captured( 1 ) ) )
  {
    m.kind = Kind::Roman;
    m.number = romanValue( r.captured( 1 ) );
    m.label = r.captured( 1 ) + r.captured( 2 );
    m.rest = r.captured( 3 );
  }
  else if ( ( r = sLetter.match( text ) ).hasMatch() )
  {
    m.kind = Kind::Letter;
    m.number = letterNumber( r.captured( 1 ).at( 0 ) );
    m.label = r.captured( 1 ) + QLatin1Char( ')' );
    m.rest = r.captured( 2 );
  }
  else if ( ( r = sParen.match( text ) ).hasMatch() )
  {
    m.kind = Kind::Paren;
    m.number = r.captured( 1 ).toInt();
    m.label = QStringLiteral( "(%1)" ).arg( m.number );
    m.rest = r.captured( 2 );
  }
  else if ( ( r = sBullet.match( text ) ).hasMatch() )
  {
    m.kind = r.captured( 1 ) == QLatin1String( "+" ) ? Kind::Plus : Kind::Dash;
    m.label = m.kind == Kind::Plus ? QStringLiteral( "+" ) : QStringLiteral( "-" );
    m.rest = r.captured( 2 );
  }
  return m;
}

RtClauseTree::Result RtClauseTree::read( const QVector<RtParagraph> &paragraphs, int from )
{
  Result result;
  QStringList &warnings = result.warnings;
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
  auto openIndexOf = [&]( Kind kind ) {
    for ( int k = openPath.size() - 1; k >= 0; --k )
      if ( nodeAt( openPath.mid( 0, k + 1 ) )->kind == kind )
        return k;
    return -1;
  };

  int lastArticle = 0;
  bool afterClosing = false;
  result.end = paragraphs.size();
  for ( int i = from; i < paragraphs.size(); ++i )
  {
    const RtParagraph &p = paragraphs.at( i );
    if ( isClosing( p.text ) )
    {
      result.closing = p.text;
      result.sawClosing = true;
      afterClosing = true;
      // "Điều 9. Hiệu lực thi hành" followed by the closing formula: it is that article's text.
      Node *current = nodeAt( openPath );
      if ( current && current->children.isEmpty() && !endsSentence( current->body.text.trimmed() ) )
        appendText( current->body, p, p.text, 0 );
      continue;
    }
    if ( isRecipientsLine( p.text ) )
    {
      result.sawRecipients = true;
      result.end = i;
      break;
    }
    if ( isSignatureLine( p.text ) )
    {
      result.sawSignature = true;
      result.end = i;
      break;
    }
    Marker m = marker( p.text );
    if ( afterClosing && m.kind == Kind::None )
    {
      result.end = i;
      break;
    }
    Node *current = nodeAt( openPath );
    if ( isBullet( m.kind ) && openIndexOf( m.kind ) < 0 && current
         && ( current->bulletsAsText || current->body.text.trimmed().endsWith( QLatin1Char( '.' ) ) ) )
    {
      current->bulletsAsText = true;
      m.kind = Kind::None;
    }
    if ( m.kind == Kind::None )
    {
      if ( !current )
      {
        warnings << rtMsg( "RtClauseTree", "line %1: text before the first article is ignored: \"%2\"" ).arg( p.line ).arg( p.text.left( 60 ) );
        continue;
      }
      appendText( current->body, p, p.text, 0 );
      continue;
    }

    // Where the clause goes: beside an open clause of its kind, else below the current one
    // (articles and their groupings below the nearest grouping of a higher rank).
    const int same = openIndexOf( m.kind );
    if ( same >= 0 )
      openPath.resize( same );
    else if ( isStructural( m.kind ) )
    {
      while ( !openPath.isEmpty() )
      {
        const Kind top = nodeAt( openPath )->kind;
        const bool keep = top == Kind::Roman || ( isStructural( top ) && rank( top ) < rank( m.kind ) );
        if ( keep )
          break;
        openPath.removeLast();
      }
    }
    Node *parent = nodeAt( openPath );
    QVector<Node> &siblings = parent ? parent->children : roots;

    if ( isBullet( m.kind ) )
    {
      const int n = parent ? ( m.kind == Kind::Plus ? ++parent->pluses : ++parent->dashes ) : siblings.size() + 1;
      m.label += QString::number( n );
      m.number = n;
    }
    else
    {
      // Numbering: articles run through the whole text, everything else within its parent.
      const Node *previous = nullptr;
      for ( int k = siblings.size() - 1; k >= 0 && !previous; --k )
        if ( siblings.at( k ).kind == m.kind )
          previous = &siblings.at( k );
      const int expected = m.kind == Kind::Article ? lastArticle + 1 : ( previous ? previous->number + 1 : 1 );
      const bool firstArticle = m.kind == Kind::Article && lastArticle == 0;
      if ( m.number != expected && !firstArticle && m.number > 0 )
        warnings << rtMsg( "RtClauseTree", "line %1: '%2' follows %3 — a clause may be missing or misnumbered" )
                 .arg( p.line ).arg( m.label, previous ? QStringLiteral( "'%1'" ).arg( previous->clause.label )
                                     : rtMsg( "RtClauseTree", "the start of %1" ).arg( pathText( labelsOf( openPath ) ) ) );
      if ( ( m.kind == Kind::Decimal2 || m.kind == Kind::Decimal3 ) && parent
           && ( parent->kind == Kind::Arabic || parent->kind == Kind::Decimal2 ) && !m.label.startsWith( parent->clause.label ) )
        warnings << rtMsg( "RtClauseTree", "line %1: '%2' is placed under '%3'" ).arg( p.line ).arg( m.label, parent->clause.label );
      if ( m.kind == Kind::Article )
        lastArticle = m.number;
    }
    // Every path is unique: a label written twice under one parent is told apart.
    QString label = m.label;
    for ( int n = 2;; ++n )
    {
      bool taken = false;
      for ( const Node &s : siblings )
        taken |= s.clause.label == label;
      if ( !taken )
        break;
      label = m.label + QStringLiteral( "#%1" ).arg( n );
    }
    if ( label != m.label )
      warnings << rtMsg( "RtClauseTree", "line %1: a second '%2' under %3; it is cited as '%4'" )
               .arg( p.line ).arg( m.label, pathText( labelsOf( openPath ) ), label );

    Node node;
    node.kind = m.kind;
    node.number = m.number;
    node.clause.label = label;
    node.clause.line = p.line;
    node.body.line = p.line;
    if ( !m.rest.isEmpty() )
      appendText( node.body, p, m.rest, p.text.size() - m.rest.size() );
    siblings << node;
    openPath << siblings.size() - 1;
  }
  result.openPath = labelsOf( openPath );
  for ( Node &root : roots )
  {
    finishNode( root, warnings, QStringList() );
    result.clauses << root.clause;
  }
  return result;
}
