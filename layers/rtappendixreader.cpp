#include "rtappendixreader.h"
#include "rttr.h"
#include "rtclausetree.h"
#include "rtheaderreader.h"

#include <QRegularExpression>
#include <QSet>

#include <climits>

namespace
{
  const auto sCi = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

  enum class Mode { None, Tabs, Pipes, Columns };

  struct Segment
  {
    int start = 0;
    int end = 0;
    QString text;
  };

  //! Pieces of a physical-layout line separated by two spaces or more, with their columns.
  QVector<Segment> columnSegments( const QString &line )
  {
    static const QRegularExpression sPiece( QStringLiteral( "\\S+(?: \\S+)*" ) );
    QVector<Segment> out;
    auto it = sPiece.globalMatch( line );
    while ( it.hasNext() )
    {
      const QRegularExpressionMatch m = it.next();
      out << Segment { static_cast<int>( m.capturedStart() ), static_cast<int>( m.capturedEnd() ), m.captured( 0 ) };
    }
    return out;
  }

  Mode tableMode( const QString &line )
  {
    const QString t = line.trimmed();
    if ( t.contains( QLatin1Char( '\t' ) ) )
      return Mode::Tabs;
    if ( t.count( QLatin1Char( '|' ) ) >= 2 )
      return Mode::Pipes;
    if ( columnSegments( line ).size() >= 3 )
      return Mode::Columns;
    return Mode::None;
  }

  bool isSeparatorRow( const QStringList &cells )
  {
    static const QRegularExpression sRule( QStringLiteral( "^:?-{3,}:?$" ) );
    for ( const QString &c : cells )
      if ( !c.isEmpty() && !sRule.match( c ).hasMatch() )
        return false;
    return true;
  }

  QStringList cellsOf( const QString &line, Mode mode )
  {
    QStringList cells;
    if ( mode == Mode::Tabs )
    {
      for ( const QString &c : line.split( QLatin1Char( '\t' ) ) )
        cells << c.simplified();
    }
    else if ( mode == Mode::Pipes )
    {
      QString t = line.trimmed();
      if ( t.startsWith( QLatin1Char( '|' ) ) )
        t.remove( 0, 1 );
      if ( t.endsWith( QLatin1Char( '|' ) ) )
        t.chop( 1 );
      for ( const QString &c : t.split( QLatin1Char( '|' ) ) )
        cells << c.simplified();
    }
    return cells;
  }

  bool isTotalCell( const QString &cell )
  {
    static const QRegularExpression sTotal( QStringLiteral( "^(tổng\\s+cộng|tổng\\s+số|tổng|cộng)\\b" ), sCi );
    return sTotal.match( cell.trimmed() ).hasMatch();
  }

  bool isRowNumber( const QString &cell )
  {
    static const QRegularExpression sNumber( QStringLiteral( "^(\\d{1,4}(\\.\\d{1,3})*|[IVXL]{1,6}|[A-Z])\\.?$" ) );
    return sNumber.match( cell.trimmed() ).hasMatch();
  }

  //! The row "(1) (2) (3) …" under a header that numbers its columns.
  bool isColumnNumbers( const QStringList &cells )
  {
    static const QRegularExpression sNumbered( QStringLiteral( "^\\(?(\\d{1,2})\\)?$" ) );
    int expected = 1;
    int filled = 0;
    for ( const QString &c : cells )
    {
      if ( c.isEmpty() )
        continue;
      const QRegularExpressionMatch m = sNumbered.match( c );
      if ( !m.hasMatch() || m.captured( 1 ).toInt() != expected++ )
        return false;
      ++filled;
    }
    return filled >= 3;
  }

  bool endsTable( const QString &text )
  {
    const QString t = text.trimmed();
    if ( RtClauseTree::isRecipientsLine( t ) || RtClauseTree::isSignatureLine( t ) )
      return true;
    const QStringList pieces = RtHeaderReader::segments( t );
    if ( pieces.size() == 1 && RtHeaderReader::looksLikeName( pieces.first() ) )
      return RtAppendixReader::isCommonSurname( pieces.first().section( QLatin1Char( ' ' ), 0, 0 ) );
    return false;
  }
}

bool RtAppendixReader::isCommonSurname( const QString &word )
{
  static const QSet<QString> sSurnames = {
    QStringLiteral( "Nguyễn" ), QStringLiteral( "Trần" ), QStringLiteral( "Lê" ), QStringLiteral( "Phạm" ), QStringLiteral( "Hoàng" ),
    QStringLiteral( "Huỳnh" ), QStringLiteral( "Phan" ), QStringLiteral( "Vũ" ), QStringLiteral( "Võ" ), QStringLiteral( "Đặng" ),
    QStringLiteral( "Bùi" ), QStringLiteral( "Đỗ" ), QStringLiteral( "Hồ" ), QStringLiteral( "Ngô" ), QStringLiteral( "Dương" ),
    QStringLiteral( "Lý" ), QStringLiteral( "Đào" ), QStringLiteral( "Đoàn" ), QStringLiteral( "Vương" ), QStringLiteral( "Trịnh" ),
    QStringLiteral( "Trương" ), QStringLiteral( "Đinh" ), QStringLiteral( "Lâm" ), QStringLiteral( "Phùng" ), QStringLiteral( "Mai" ),
    QStringLiteral( "Tô" ), QStringLiteral( "Tạ" ), QStringLiteral( "Lương" ), QStringLiteral( "Đàm" ), QStringLiteral( "Cao" ),
    QStringLiteral( "Lại" ), QStringLiteral( "Chu" ), QStringLiteral( "Hứa" ), QStringLiteral( "Triệu" ), QStringLiteral( "Thái" ) };
  return sSurnames.contains( word );
}

bool RtAppendixReader::isHeading( const QString &line, QString *label, QString *title )
{
  static const QRegularExpression sHeading( QStringLiteral( "^((?:PHỤ\\s+LỤC|Phụ\\s+lục)(?:\\s+(?:số\\s+)?(?:[IVXLC]+|\\d+[a-z]?|[A-Z]))?)\\s*(?:[:.\\-–]\\s*(.*))?$" ),
                                            QRegularExpression::UseUnicodePropertiesOption );
  const QStringList pieces = RtHeaderReader::segments( line );
  if ( pieces.size() != 1 || pieces.first().size() > 120 )
    return false;
  const QRegularExpressionMatch m = sHeading.match( pieces.first() );
  if ( !m.hasMatch() )
    return false;
  if ( label )
    *label = m.captured( 1 ).simplified();
  if ( title )
    *title = m.captured( 2 ).trimmed();
  return true;
}

QVector<int> RtAppendixReader::findHeadings( const QVector<RtSourceLine> &lines, int from )
{
  QVector<int> out;
  for ( int i = std::max( 0, from ); i < lines.size(); ++i )
    if ( isHeading( lines.at( i ).text ) )
      out << i;
  return out;
}

RtAppendixReader::Result RtAppendixReader::read( const QVector<RtSourceLine> &lines )
{
  Result result;
  RtAppendix &a = result.appendix;
  if ( lines.isEmpty() )
    return result;
  QString titleRest;
  isHeading( lines.first().text, &a.label, &titleRest );
  a.line = lines.first().line;
  QStringList title;
  if ( !titleRest.isEmpty() )
    title << titleRest;

  Mode mode = Mode::None;
  QVector<int> columnStarts;      // Columns: where each column starts
  bool headerDone = false;
  QString openNote;
  int i = 1;
  auto addRowCells = [&]( QStringList cells, int line ) {
    while ( cells.size() > a.columns.size() && !cells.isEmpty() && cells.last().isEmpty() )
      cells.removeLast();
    while ( cells.size() > a.columns.size() && a.columns.size() > 0 )
      cells[cells.size() - 2] += QLatin1Char( ' ' ) + cells.takeLast();
    while ( cells.size() < a.columns.size() )
      cells << QString();
    if ( cells == a.columns || isColumnNumbers( cells ) )
      return; // a header repeated on a new page, or the columns' numbers
    const bool continuation = !a.rows.isEmpty() && cells.value( 0 ).isEmpty() && !isTotalCell( cells.value( 1 ) )
                              && !isTotalCell( cells.value( 0 ) );
    if ( continuation )
    {
      QStringList &last = a.rows.last();
      for ( int k = 0; k < cells.size() && k < last.size(); ++k )
        if ( !cells.at( k ).isEmpty() )
          last[k] = last.at( k ).isEmpty() ? cells.at( k ) : last.at( k ) + QLatin1Char( ' ' ) + cells.at( k );
      return;
    }
    a.rows << cells;
    a.rowLines << line;
  };
  auto columnCells = [&]( const QString &line ) {
    QStringList cells;
    for ( int k = 0; k < columnStarts.size(); ++k )
      cells << QString();
    for ( const Segment &s : columnSegments( line ) )
    {
      int best = 0;
      int bestOverlap = -1;
      for ( int k = 0; k < columnStarts.size(); ++k )
      {
        const int from = columnStarts.at( k );
        const int to = k + 1 < columnStarts.size() ? columnStarts.at( k + 1 ) : INT_MAX;
        const int overlap = std::min( to, s.end ) - std::max( from, s.start );
        if ( overlap > bestOverlap )
        {
          bestOverlap = overlap;
          best = k;
        }
      }
      cells[best] = cells.at( best ).isEmpty() ? s.text : cells.at( best ) + QLatin1Char( ' ' ) + s.text;
    }
    return cells;
  };

  for ( ; i < lines.size(); ++i )
  {
    const QString raw = lines.at( i ).text;
    const QString t = raw.trimmed();
    if ( t.isEmpty() )
      continue;
    if ( !openNote.isEmpty() )
    {
      openNote += QLatin1Char( ' ' ) + t;
      if ( openNote.count( QLatin1Char( '(' ) ) <= openNote.count( QLatin1Char( ')' ) ) )
      {
        a.notes << openNote;
        openNote.clear();
      }
      continue;
    }
    if ( endsTable( t ) )
      break;
    const Mode lineMode = tableMode( raw );
    if ( mode == Mode::None )
    {
      if ( lineMode == Mode::None )
      {
        static const QRegularExpression sUnit( QStringLiteral( "^(Đơn\\s+vị\\s+tính|ĐVT)\\b" ), sCi );
        if ( t.startsWith( QLatin1Char( '(' ) ) )
        {
          openNote = t;
          if ( openNote.count( QLatin1Char( '(' ) ) <= openNote.count( QLatin1Char( ')' ) ) )
          {
            a.notes << openNote;
            openNote.clear();
          }
        }
        else if ( sUnit.match( t ).hasMatch() )
          a.notes << t;
        else
          title << t;
        continue;
      }
      mode = lineMode;
      // The first row names the columns, unless it already holds data.
      if ( mode == Mode::Columns )
      {
        for ( const Segment &s : columnSegments( raw ) )
        {
          columnStarts << s.start;
          a.columns << s.text;
        }
      }
      else
        a.columns = cellsOf( raw, mode );
      while ( !a.columns.isEmpty() && a.columns.last().isEmpty() )
        a.columns.removeLast();
      if ( isRowNumber( a.columns.value( 0 ) ) && !a.columns.value( 0 ).isEmpty() )
      {
        const QStringList data = a.columns;
        a.columns.clear();
        for ( int k = 0; k < data.size(); ++k )
          a.columns << QStringLiteral( "Cột %1" ).arg( k + 1 );
        addRowCells( data, lines.at( i ).line );
        headerDone = true;
      }
      continue;
    }
    QStringList cells;
    if ( mode == Mode::Columns )
    {
      if ( lineMode == Mode::Tabs || lineMode == Mode::Pipes )
        break;
      cells = columnCells( raw );
    }
    else
    {
      if ( lineMode != mode )
      {
        // Text after the table: a note ("Ghi chú: …").
        a.notes << t;
        continue;
      }
      cells = cellsOf( raw, mode );
      if ( mode == Mode::Pipes && isSeparatorRow( cells ) )
        continue;
    }
    const bool dataLike = isRowNumber( cells.value( 0 ) ) || isTotalCell( cells.value( 0 ) ) || isTotalCell( cells.value( 1 ) );
    if ( !headerDone && !dataLike )
    {
      if ( isColumnNumbers( cells ) )
        continue;
      // The header goes on over another line ("Diện tích" / "(ha)").
      for ( int k = 0; k < cells.size() && k < a.columns.size(); ++k )
        if ( !cells.at( k ).isEmpty() )
          a.columns[k] += QLatin1Char( ' ' ) + cells.at( k );
      continue;
    }
    headerDone = true;
    addRowCells( cells, lines.at( i ).line );
  }
  if ( !openNote.isEmpty() )
    a.notes << openNote;
  for ( ; i < lines.size(); ++i )
    result.leftover << lines.at( i ).text;
  a.title = title.join( QLatin1Char( ' ' ) );
  if ( a.rows.isEmpty() )
    result.warnings << rtMsg( "RtAppendixReader", "%1 (line %2): no table rows could be read (cells are not separated by tabs, '|' or columns of spaces)" )
                    .arg( a.label ).arg( a.line );
  return result;
}
