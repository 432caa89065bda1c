#include "rtheaderreader.h"
#include "rttr.h"
#include "rtclausetree.h"

#include <QRegularExpression>

namespace
{
  const auto sCi = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
  const auto sUni = QRegularExpression::UseUnicodePropertiesOption;

  bool isUppercase( const QString &text )
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

  //! Without the rules drawn with dashes or underscores ("-------", "___").
  QString withoutRules( const QString &text )
  {
    static const QRegularExpression sRule( QStringLiteral( "(^|\\s)[-_=*.~–—]{3,}(?=\\s|$)" ) );
    QString out = text;
    out.replace( sRule, QStringLiteral( " " ) );
    return out.simplified();
  }

  bool isMotto( const QString &text )
  {
    static const QRegularExpression sMotto( QStringLiteral( "^(CỘNG\\s+H(ÒA|OÀ)\\s+XÃ\\s+HỘI|Độc\\s+lập\\s*[-–]\\s*Tự\\s+do)" ), sCi );
    return sMotto.match( text ).hasMatch();
  }

  bool isPreamble( const QString &text )
  {
    return text.startsWith( QStringLiteral( "Căn cứ" ) ) || text.startsWith( QStringLiteral( "Sau khi" ) ) || text.startsWith( QStringLiteral( "Xét" ) )
           || text.startsWith( QStringLiteral( "Theo đề nghị" ) ) || text.startsWith( QStringLiteral( "Thực hiện" ) );
  }

  //! "QUYẾT NGHỊ:", "QUYẾT ĐỊNH:" — where the body starts.
  bool isDecides( const QString &text, bool typeFound, bool headerDone )
  {
    static const QRegularExpression sDecides( QStringLiteral( "^QUYẾT\\s+NGHỊ\\s*:?$" ), sCi );
    static const QRegularExpression sDecidesColon( QStringLiteral( "^(QUYẾT\\s+ĐỊNH|NGHỊ\\s+QUYẾT|CHỈ\\s+THỊ)\\s*:$" ), sUni );
    static const QRegularExpression sDecision( QStringLiteral( "^QUYẾT\\s+ĐỊNH$" ), sUni );
    return sDecides.match( text ).hasMatch() || sDecidesColon.match( text ).hasMatch()
           || ( typeFound && headerDone && sDecision.match( text ).hasMatch() );
  }

  //! The document type a line starts with ("NGHỊ QUYẾT", "QUYẾT ĐỊNH" …), and what follows it.
  QString documentType( const QString &text, QString &rest )
  {
    static const QStringList sTypes = { QStringLiteral( "NGHỊ QUYẾT" ), QStringLiteral( "QUYẾT ĐỊNH" ), QStringLiteral( "CHỈ THỊ" ),
                                        QStringLiteral( "KẾ HOẠCH" ), QStringLiteral( "QUY ĐỊNH" ), QStringLiteral( "QUY CHẾ" ),
                                        QStringLiteral( "THÔNG BÁO" ), QStringLiteral( "NGHỊ ĐỊNH" ), QStringLiteral( "THÔNG TƯ" ),
                                        QStringLiteral( "ĐỀ ÁN" ), QStringLiteral( "CHƯƠNG TRÌNH" ) };
    const QString t = text.simplified();
    for ( const QString &type : sTypes )
    {
      if ( t == type )
      {
        rest.clear();
        return type;
      }
      // "NGHỊ QUYẾT VỀ VIỆC …", "NGHỊ QUYẾT Về việc …": the title on the type's line
      const QString after = t.mid( type.size() + 1 );
      if ( t.startsWith( type + QLatin1Char( ' ' ) ) && after.left( 2 ).compare( QStringLiteral( "Về" ), Qt::CaseInsensitive ) == 0 )
      {
        rest = after;
        return type;
      }
    }
    return QString();
  }

  bool isBodyLine( const QString &text )
  {
    static const QRegularExpression sBody( QStringLiteral( "^(HỘI\\s+ĐỒNG\\s+NHÂN\\s+DÂN|(ỦY|UỶ)\\s+BAN\\s+NHÂN\\s+DÂN|CHỦ\\s+TỊCH\\s+(ỦY|UỶ)\\s+BAN"
                                                           "|THƯỜNG\\s+TRỰC\\s+HỘI\\s+ĐỒNG|BAN\\s+THƯỜNG\\s+VỤ)" ), sUni );
    return isUppercase( text ) && sBody.match( text ).hasMatch();
  }

  bool isSession( const QString &text )
  {
    static const QRegularExpression sSession( QStringLiteral( "^(KHÓA|KHOÁ)\\s+([IVXLC]+|\\d+)\\b|^KỲ\\s+HỌP\\b" ), sCi );
    return sSession.match( text ).hasMatch();
  }

  bool isSigned( const QString &text )
  {
    static const QRegularExpression sSigned( QStringLiteral( "^[(\\[]?\\s*(đã\\s+ký|daky|ký\\s+tên|đã\\s+ký\\s+và\\s+đóng\\s+dấu)" ), sCi );
    return sSigned.match( text ).hasMatch();
  }
}

QStringList RtHeaderReader::segments( const QString &line )
{
  static const QRegularExpression sSeparator( QStringLiteral( "\\t|\\||\\s{3,}" ) );
  QStringList out;
  for ( const QString &s : line.split( sSeparator ) )
    if ( !s.trimmed().isEmpty() )
      out << s.trimmed();
  return out;
}

bool RtHeaderReader::looksLikeName( const QString &text )
{
  static const QRegularExpression sName( QStringLiteral( "^(\\p{Lu}[\\p{Ll}\\p{Mn}]+)(\\s+\\p{Lu}[\\p{Ll}\\p{Mn}]*){1,5}$" ), sUni );
  return sName.match( text.simplified() ).hasMatch();
}

RtResult<RtHeaderReader::Header> RtHeaderReader::read( const QVector<RtParagraph> &paragraphs, const QString &sourceName )
{
  using Result = RtResult<Header>;
  static const QRegularExpression sNumber( QStringLiteral( "^Số\\s*[:.]?\\s*(\\d[\\w.\\-]*/\\S+)" ), sCi );
  static const QRegularExpression sPlaceDate( QStringLiteral( "^(.{1,60}?),\\s*ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})" ), sCi );
  static const QRegularExpression sPlaceDateShort( QStringLiteral( "^(.{1,60}?),\\s*ngày\\s+(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})" ), sCi );
  static const QRegularExpression sSessionInBody( QStringLiteral( "\\s*[-–,]?\\s*\\b(KHÓA|KHOÁ)\\b" ) );

  Header h;
  QStringList issuer;
  QStringList title;
  bool typeFound = false;
  bool bodyFound = false;
  for ( int i = 0; i < paragraphs.size(); ++i )
  {
    const RtParagraph &p = paragraphs.at( i );
    const QString &text = p.text;
    const bool headerDone = !h.preamble.isEmpty() || bodyFound;
    if ( isDecides( text, typeFound, headerDone ) )
    {
      h.bodyStart = i + 1;
      break;
    }
    const RtClauseTree::Kind kind = RtClauseTree::marker( text ).kind;
    if ( kind == RtClauseTree::Kind::Article )
    {
      h.bodyStart = i;
      break;
    }
    // A body of numbered items or parts without "QUYẾT NGHỊ:".
    if ( typeFound && headerDone && ( kind == RtClauseTree::Kind::Part || kind == RtClauseTree::Kind::Chapter
                                      || kind == RtClauseTree::Kind::Roman || kind == RtClauseTree::Kind::Arabic ) )
    {
      h.bodyStart = i;
      break;
    }
    if ( isPreamble( text ) )
    {
      h.preamble << text;
      continue;
    }
    // A paragraph joined from several lines is read whole; a single line by its columns.
    const QStringList pieces = p.anchors.size() > 1 ? QStringList { text } : segments( p.raw.isEmpty() ? text : p.raw );
    for ( QString piece : pieces )
    {
      piece = withoutRules( piece );
      if ( piece.isEmpty() || isMotto( piece ) )
        continue;
      QRegularExpressionMatch m;
      if ( h.number.isEmpty() && ( m = sNumber.match( piece ) ).hasMatch() )
      {
        h.number = m.captured( 1 );
        piece = piece.mid( m.capturedEnd() ).trimmed();
        if ( piece.isEmpty() )
          continue;
      }
      if ( !h.date.isValid() && ( ( m = sPlaceDate.match( piece ) ).hasMatch() || ( m = sPlaceDateShort.match( piece ) ).hasMatch() ) )
      {
        h.place = m.captured( 1 ).trimmed();
        h.date = QDate( m.captured( 4 ).toInt(), m.captured( 3 ).toInt(), m.captured( 2 ).toInt() );
        continue;
      }
      QString rest;
      if ( !typeFound )
      {
        const QString type = documentType( piece, rest );
        if ( !type.isEmpty() )
        {
          typeFound = true;
          h.documentType = type;
          if ( !rest.isEmpty() )
            title << rest;
          continue;
        }
        if ( isUppercase( piece ) )
          issuer << piece;
        continue;
      }
      if ( !bodyFound && isBodyLine( piece ) )
      {
        bodyFound = true;
        const QRegularExpressionMatch s = sSessionInBody.match( piece );
        h.body = s.hasMatch() ? piece.left( s.capturedStart() ).trimmed() : piece;
        if ( s.hasMatch() )
          h.session = piece.mid( s.capturedStart( 1 ) ).trimmed();
        continue;
      }
      if ( h.session.isEmpty() && isSession( piece ) )
      {
        h.session = piece;
        continue;
      }
      if ( !bodyFound && h.session.isEmpty() )
        title << piece;
    }
  }
  h.title = title.join( QLatin1Char( ' ' ) );
  h.issuer = issuer.join( QLatin1Char( ' ' ) );
  if ( h.body.isEmpty() )
    h.body = h.issuer;
  if ( h.number.isEmpty() )
    return Result::failure( rtMsg( "RtHeaderReader", "%1: no document number (a line \"Số: 172/NQ-HĐND\") before the first article; is this the text of a resolution?" ).arg( sourceName ) );
  if ( !h.date.isValid() )
    return Result::failure( rtMsg( "RtHeaderReader", "%1: no valid place and date line (\"Móng Cái, ngày 13 tháng 10 năm 2023\") before the first article" ).arg( sourceName ) );
  if ( h.bodyStart < 0 || h.bodyStart >= paragraphs.size() )
    return Result::failure( rtMsg( "RtHeaderReader", "%1: no article (\"Điều 1. …\") or numbered item found after the header; the text is not a resolution or is truncated" ).arg( sourceName ) );
  return Result::success( h );
}

RtHeaderReader::Signature RtHeaderReader::readSignature( const QStringList &lines )
{
  static const QRegularExpression sOnBehalf( QStringLiteral( "^(TM|T\\.M|T/M|KT|K\\.T|K/T|Q|TL|TUQ)\\.?\\s+\\S" ), sUni );
  Signature s;
  bool signing = false;
  for ( const QString &line : lines )
  {
    for ( QString piece : segments( line ) )
    {
      piece = withoutRules( piece );
      if ( piece.isEmpty() || isSigned( piece ) )
        continue;
      if ( RtClauseTree::isRecipientsLine( piece ) )
      {
        static const QRegularExpression sLabel( QStringLiteral( "^Nơi nhận\\s*:?\\s*" ), sCi );
        const QString rest = piece.mid( sLabel.match( piece ).capturedLength() ).trimmed();
        if ( !rest.isEmpty() )
          s.recipients << rest;
        continue;
      }
      if ( piece.startsWith( QLatin1Char( '-' ) ) || piece.startsWith( QLatin1Char( '+' ) ) || piece.startsWith( QChar( 0x2022 ) ) )
      {
        s.recipients << piece;
        continue;
      }
      if ( isUppercase( piece ) && sOnBehalf.match( piece ).hasMatch() && s.onBehalf.isEmpty() )
      {
        s.onBehalf = piece;
        signing = true;
        continue;
      }
      if ( isUppercase( piece ) )
      {
        s.title = s.title.isEmpty() ? piece : s.title + QLatin1Char( ' ' ) + piece;
        signing = true;
        continue;
      }
      if ( signing && looksLikeName( piece ) )
        s.name = piece.simplified();
    }
  }
  return s;
}
