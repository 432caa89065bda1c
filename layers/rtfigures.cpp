#include "rtfigures.h"
#include "rttr.h"
#include "rttext.h"

#include <QRegularExpression>

#include <cmath>

namespace
{
  const int sMaxSubjectWords = 16;

  //! The words after a figure, up to the end of its phrase.
  QString subjectAfter( const QString &text, int from )
  {
    static const QRegularExpression sStop( QStringLiteral( "[,;.()\\n:]" ) );
    QString rest = text.mid( from );
    const int stop = rest.indexOf( sStop );
    if ( stop >= 0 )
      rest = rest.left( stop );
    QStringList words = rest.simplified().split( QLatin1Char( ' ' ), Qt::SkipEmptyParts );
    if ( words.size() > sMaxSubjectWords )
      words = words.mid( 0, sMaxSubjectWords );
    return words.join( QLatin1Char( ' ' ) );
  }

  //! The last words before a figure within its statement ("quỹ đất nông nghiệp 5%").
  QString subjectBefore( const QString &before )
  {
    static const QRegularExpression sStop( QStringLiteral( "[,;.()\\n:]" ) );
    const int stop = before.lastIndexOf( sStop );
    QStringList words = before.mid( stop + 1 ).simplified().split( QLatin1Char( ' ' ), Qt::SkipEmptyParts );
    if ( words.size() > 8 )
      words = words.mid( words.size() - 8 );
    return words.join( QLatin1Char( ' ' ) );
  }

  //! The items of a bracketed list right after \a from: "(a; b)" → {a, b}.
  QStringList bracketItemsAfter( const QString &text, int from )
  {
    int open = from;
    while ( open < text.size() && text.at( open ) != QLatin1Char( '(' ) )
    {
      // only the phrase that carries the figure: stop at its end
      if ( QStringLiteral( ",;.\n" ).contains( text.at( open ) ) )
        return QStringList();
      ++open;
    }
    const int close = text.indexOf( QLatin1Char( ')' ), open );
    if ( open >= text.size() || close < 0 )
      return QStringList();
    QStringList items;
    for ( const QString &item : text.mid( open + 1, close - open - 1 ).split( QLatin1Char( ';' ) ) )
      if ( !item.trimmed().isEmpty() )
        items << item.trimmed();
    return items;
  }

  //! Start and end of the statement (between ';', brackets and line ends) around \a pos.
  QPair<int, int> statementAround( const QString &text, int pos )
  {
    static const QString sBounds = QStringLiteral( ";\n()" );
    int start = pos;
    while ( start > 0 && !sBounds.contains( text.at( start - 1 ) ) )
      --start;
    int end = pos;
    while ( end < text.size() && !sBounds.contains( text.at( end ) ) )
      ++end;
    return qMakePair( start, end );
  }

  //! The last deadline phrase in the statement before the figure, or the first after it.
  QString deadlineOf( const QString &statement, int figureOffset, const RtCouncilTerm &term )
  {
    const QVector<RtDeadline> found = RtDeadline::findAll( statement, term );
    QString before;
    for ( const RtDeadline &d : found )
      if ( d.offset() < figureOffset )
        before = d.phrase();
    if ( !before.isEmpty() || found.isEmpty() )
      return before;
    return found.first().phrase();
  }

  double number( QString s )
  {
    return s.replace( QLatin1Char( ',' ), QLatin1Char( '.' ) ).toDouble();
  }

  void extractFrom( const QString &rawText, const QStringList &path, const RtCouncilTerm &term, QVector<RtFigure> &out )
  {
    static const QRegularExpression sRatio( QStringLiteral( "(?<![\\d/.,])(\\d{1,3})/(\\d{1,3})(?![\\d/])" ) );
    static const QRegularExpression sPercent( QStringLiteral( "(?<![\\d.,])(\\d+(?:,\\d+)?)\\s*%" ) );
    static const QRegularExpression sAbout( QStringLiteral( "\\bkhoảng\\s+(\\d+(?:[.,]\\d+)?)\\s+" ), QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption );
    static const QRegularExpression sLabelBefore( QStringLiteral( "([^:;,()]+):\\s*$" ) );
    static const QRegularExpression sFromBefore( QStringLiteral( "\\btừ\\s*$" ), QRegularExpression::UseUnicodePropertiesOption );
    static const QRegularExpression sOverBefore( QStringLiteral( "\\btrên\\s*$" ), QRegularExpression::UseUnicodePropertiesOption );
    static const QRegularExpression sOrMoreAfter( QStringLiteral( "^\\s*trở\\s+lên" ), QRegularExpression::UseUnicodePropertiesOption );

    const QString text = RtText::stripFootnoteMarkers( rawText );
    auto makeFigure = [&]( RtFigure::Kind kind, const QRegularExpressionMatch &m ) {
      RtFigure f;
      f.kind = kind;
      f.clausePath = path;
      const QPair<int, int> s = statementAround( text, m.capturedStart() );
      const QString statement = text.mid( s.first, s.second - s.first );
      f.quote = statement.trimmed();
      f.deadline = deadlineOf( statement, m.capturedStart() - s.first, term );
      f.comparator = QStringLiteral( "=" );
      return f;
    };

    auto it = sRatio.globalMatch( text );
    while ( it.hasNext() )
    {
      const QRegularExpressionMatch m = it.next();
      RtFigure f = makeFigure( RtFigure::Kind::Ratio, m );
      f.value = m.captured( 1 ).toDouble();
      f.total = m.captured( 2 ).toDouble();
      if ( f.total <= 0 || f.value > f.total )
        continue; // not a share of a whole
      f.subject = subjectAfter( text, m.capturedEnd() );
      f.items = bracketItemsAfter( text, m.capturedEnd() );
      out << f;
    }

    it = sPercent.globalMatch( text );
    while ( it.hasNext() )
    {
      const QRegularExpressionMatch m = it.next();
      RtFigure f = makeFigure( RtFigure::Kind::Percent, m );
      f.value = number( m.captured( 1 ) );
      const QPair<int, int> s = statementAround( text, m.capturedStart() );
      const QString before = text.mid( s.first, m.capturedStart() - s.first );
      int after = m.capturedEnd();
      const QRegularExpressionMatch orMore = sOrMoreAfter.match( text.mid( after ) );
      if ( orMore.hasMatch() )
      {
        f.comparator = QStringLiteral( ">=" );
        after += orMore.capturedEnd();
      }
      else if ( sFromBefore.match( before ).hasMatch() )
        f.comparator = QStringLiteral( ">=" );
      else if ( sOverBefore.match( before ).hasMatch() )
        f.comparator = QStringLiteral( ">" );
      const QRegularExpressionMatch label = sLabelBefore.match( before );
      if ( label.hasMatch() )
        f.label = label.captured( 1 ).trimmed();
      else
        f.subject = subjectAfter( text, after );
      if ( f.subject.isEmpty() && f.label.isEmpty() )
        f.subject = subjectBefore( before );
      out << f;
    }

    it = sAbout.globalMatch( text );
    while ( it.hasNext() )
    {
      const QRegularExpressionMatch m = it.next();
      RtFigure f = makeFigure( RtFigure::Kind::Count, m );
      f.value = number( m.captured( 1 ) );
      f.comparator = QStringLiteral( "~" );
      f.subject = subjectAfter( text, m.capturedEnd() );
      out << f;
    }
  }

  void walk( const QVector<RtClause> &clauses, const QStringList &parent, const RtCouncilTerm &term, QVector<RtFigure> &out )
  {
    for ( const RtClause &c : clauses )
    {
      QStringList path = parent;
      path << c.label;
      extractFrom( c.text, path, term, out );
      walk( c.children, path, term, out );
    }
  }
}

namespace
{
  bool isTotalRow( const QStringList &cells )
  {
    static const QRegularExpression sTotal( QStringLiteral( "^(tổng\\s+cộng|tổng\\s+số|tổng|cộng)\\b" ),
                                            QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption );
    return sTotal.match( cells.value( 0 ).trimmed() ).hasMatch() || sTotal.match( cells.value( 1 ).trimmed() ).hasMatch();
  }

  bool isGroupRow( const QStringList &cells )
  {
    static const QRegularExpression sGroup( QStringLiteral( "^([IVXL]{1,6}|[A-Z])\\.?$" ) );
    return sGroup.match( cells.value( 0 ).trimmed() ).hasMatch();
  }

  //! Digits after the decimal comma of a number as written.
  int decimalsOf( const QString &text )
  {
    const int comma = text.lastIndexOf( QLatin1Char( ',' ) );
    return comma < 0 ? 0 : text.size() - comma - 1;
  }

  bool isOrdinalColumn( const QString &name )
  {
    static const QRegularExpression sOrdinal( QStringLiteral( "^(STT|TT|SỐ\\s*TT|SỐ\\s+THỨ\\s+TỰ)\\.?$" ),
                                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption );
    return sOrdinal.match( name.trimmed() ).hasMatch();
  }
}

std::optional<double> RtFigures::parseNumber( const QString &text )
{
  static const QRegularExpression sGrouped( QStringLiteral( "^[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?$" ) );
  static const QRegularExpression sComma( QStringLiteral( "^[+-]?\\d+(,\\d+)?$" ) );
  static const QRegularExpression sPoint( QStringLiteral( "^[+-]?\\d+\\.\\d+$" ) );
  QString t = text.trimmed();
  t.remove( QChar( 0x00A0 ) ).remove( QLatin1Char( ' ' ) );
  if ( sGrouped.match( t ).hasMatch() )
    return t.remove( QLatin1Char( '.' ) ).replace( QLatin1Char( ',' ), QLatin1Char( '.' ) ).toDouble();
  if ( sComma.match( t ).hasMatch() )
    return t.replace( QLatin1Char( ',' ), QLatin1Char( '.' ) ).toDouble();
  if ( sPoint.match( t ).hasMatch() )
    return t.toDouble();
  return std::nullopt;
}

QString RtFigures::formatNumber( double value, int decimals, bool groupThousands )
{
  QString s = QString::number( std::abs( value ), 'f', decimals );
  QString integer = s.section( QLatin1Char( '.' ), 0, 0 );
  const QString fraction = decimals > 0 ? s.section( QLatin1Char( '.' ), 1, 1 ) : QString();
  if ( groupThousands )
    for ( int i = integer.size() - 3; i > 0; i -= 3 )
      integer.insert( i, QLatin1Char( '.' ) );
  return ( value < 0 ? QStringLiteral( "-" ) : QString() ) + integer + ( fraction.isEmpty() ? QString() : QLatin1Char( ',' ) + fraction );
}

QStringList RtFigures::checkTotals( const RtAppendix &appendix )
{
  QStringList warnings;
  const QString name = appendix.label.isEmpty() ? rtMsg( "RtFigures", "the appendix" ) : appendix.label;
  auto check = [&]( int statedRow, int from, int to, const QString &what ) {
    const QStringList &row = appendix.rows.at( statedRow );
    for ( int c = 0; c < appendix.columns.size() && c < row.size(); ++c )
    {
      if ( isOrdinalColumn( appendix.columns.at( c ) ) )
        continue;
      const std::optional<double> stated = parseNumber( row.at( c ) );
      if ( !stated )
        continue;
      double sum = 0;
      int counted = 0;
      bool grouped = row.at( c ).contains( QLatin1Char( '.' ) ) && decimalsOf( row.at( c ) ) == 0;
      for ( int r = from; r < to; ++r )
      {
        const QStringList &data = appendix.rows.at( r );
        if ( isTotalRow( data ) || isGroupRow( data ) )
          continue;
        if ( const std::optional<double> v = parseNumber( data.value( c ) ) )
        {
          sum += *v;
          ++counted;
          grouped |= data.value( c ).contains( QLatin1Char( '.' ) );
        }
      }
      const int decimals = decimalsOf( row.at( c ) );
      double tolerance = 0.5;
      for ( int d = 0; d < decimals; ++d )
        tolerance /= 10;
      if ( counted > 0 && std::abs( sum - *stated ) > tolerance + 1e-9 )
        warnings << rtMsg( "RtFigures", "%1 (line %2), column \"%3\": %4 states %5 but its rows sum to %6" )
                 .arg( name ).arg( appendix.rowLines.value( statedRow ) ).arg( appendix.columns.at( c ), what, row.at( c ),
                       formatNumber( sum, decimals, grouped ) );
    }
  };
  int groupStart = -1;
  for ( int r = 0; r < appendix.rows.size(); ++r )
  {
    const QStringList &row = appendix.rows.at( r );
    if ( isGroupRow( row ) || isTotalRow( row ) )
    {
      if ( groupStart >= 0 )
        check( groupStart, groupStart + 1, r, rtMsg( "RtFigures", "the row \"%1 %2\"" ).arg( appendix.rows.at( groupStart ).value( 0 ), appendix.rows.at( groupStart ).value( 1 ) ) );
      groupStart = isGroupRow( row ) ? r : -1;
    }
    if ( isTotalRow( row ) )
      check( r, 0, r, rtMsg( "RtFigures", "the row \"%1\"" ).arg( ( row.value( 0 ).isEmpty() ? row.value( 1 ) : row.value( 0 ) ).trimmed() ) );
  }
  if ( groupStart >= 0 )
    check( groupStart, groupStart + 1, appendix.rows.size(), rtMsg( "RtFigures", "the row \"%1 %2\"" ).arg( appendix.rows.at( groupStart ).value( 0 ), appendix.rows.at( groupStart ).value( 1 ) ) );
  return warnings;
}

QVector<RtFigure> RtFigures::extract( const QVector<RtClause> &clauses, const RtCouncilTerm &term )
{
  QVector<RtFigure> out;
  walk( clauses, QStringList(), term, out );
  return out;
}
