#include "rtdraftregister.h"
#include "rttr.h"
#include "rtcategory.h"
#include "rtdeadline.h"
#include "rttext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace
{
  const auto sOptions = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

  QString nfc( const QString &s ) { return s.normalized( QString::NormalizationForm_C ); }

  //! The clause's text as quotes are compared: no emphasis, no footnote markers, NFC.
  QString plain( const QString &text ) { return RtText::stripFootnoteMarkers( RtText::stripEmphasis( nfc( text ) ) ); }

  //! The opening words of a clause, where it says what it is: up to a colon, or 200 characters.
  QString leadOf( const QString &text )
  {
    const QString t = plain( text ).simplified();
    const int colon = t.indexOf( QLatin1Char( ':' ) );
    return colon >= 0 && colon < 200 ? t.left( colon ) : t.left( 200 );
  }

  enum class Sense { None, Directive, Finding };

  Sense senseOf( const RtClause &clause )
  {
    static const QRegularExpression sFinding( QStringLiteral( "^(?:về\\s+)?(?:kết\\s+quả|một\\s+số\\s+tồn\\s+tại|những\\s+tồn\\s+tại|tồn\\s+tại|hạn\\s+chế|"
                                                              "nguyên\\s+nhân|tình\\s+hình|bối\\s+cảnh|đánh\\s+giá\\s+chung|hiệu\\s+lực|"
                                                              "điều\\s+khoản\\s+thi\\s+hành|thông\\s+qua|tán\\s+thành|phê\\s+chuẩn|phê\\s+duyệt)"
                                                              "(?![\\p{L}\\p{M}])|nghị\\s+quyết\\s+này\\s+có\\s+hiệu\\s+lực" ), sOptions );
    static const QRegularExpression sDirective( QStringLiteral( "(?<![\\p{L}\\p{M}])(?:giao(?!\\s+(?:thông|dịch|lưu|đất|nhận|kết|ban|tiếp))|"
                                                                "đề\\s+nghị|yêu\\s+cầu|nhiệm\\s+vụ|giải\\s+pháp|đối\\s+với|tổ\\s+chức\\s+thực\\s+hiện|"
                                                                "trách\\s+nhiệm|chỉ\\s+đạo|triển\\s+khai)(?![\\p{L}\\p{M}])" ), sOptions );
    const QString lead = leadOf( clause.text );
    if ( sFinding.match( lead ).hasMatch() )
      return Sense::Finding;
    if ( sDirective.match( lead ).hasMatch() )
      return Sense::Directive;
    return Sense::None;
  }

  //! The quote of a directive: its first sentence, after a short heading ("Đối với …:") and
  //! past a short opening ("Hội đồng nhân dân thành phố giao.") when more follows.
  QString quoteOf( const QString &text )
  {
    QString t = plain( text ).simplified();
    static const QRegularExpression sHeading( QStringLiteral( "^(?:đối\\s+với|về|nhiệm\\s+vụ|giải\\s+pháp|mục\\s+tiêu)(?![\\p{L}\\p{M}])[^:]{0,80}:\\s+(?=\\S.{14})" ),
                                              sOptions );
    t.remove( sHeading );
    static const QRegularExpression sEnd( QStringLiteral( "[.;](?:\\s|$)|;" ) );
    static const QRegularExpression sBullet( QStringLiteral( "^[-–+•*]\\s*" ) );
    while ( true )
    {
      t.remove( sBullet );
      int end = t.size();
      auto it = sEnd.globalMatch( t );
      while ( it.hasNext() )
      {
        const QRegularExpressionMatch m = it.next();
        if ( m.capturedStart() >= 15 )
        {
          end = m.capturedStart();
          break;
        }
      }
      const QString rest = t.mid( end + 1 ).trimmed();
      if ( end < 50 && rest.size() >= 15 )
      {
        t = rest;
        continue;
      }
      if ( end > 300 )
      {
        end = t.lastIndexOf( QLatin1Char( ' ' ), 300 );
        if ( end <= 0 )
          end = 300;
      }
      return t.left( end ).trimmed();
    }
  }

  QString titleOf( const QString &quote )
  {
    if ( quote.size() <= 100 )
      return quote;
    const int cut = quote.lastIndexOf( QLatin1Char( ' ' ), 97 );
    return quote.left( cut > 0 ? cut : 97 ) + QStringLiteral( "…" );
  }

  //! "DR-1-4-4.1-3-i1" for {"Điều 1","4.","4.1.","(3)","(i1)"}.
  QString idPart( const QString &label )
  {
    QString s = RtText::foldForSearch( label );
    static const QRegularExpression sWords( QStringLiteral( "^(?:dieu|khoan|diem|muc|chuong|phan|phu luc)\\s*" ) );
    s.remove( sWords );
    QString out;
    for ( const QChar c : s )
      if ( c.isLetterOrNumber() || c == QLatin1Char( '.' ) )
        out += c;
    while ( out.endsWith( QLatin1Char( '.' ) ) )
      out.chop( 1 );
    return out;
  }

  QString makeUniqueId( const QString &id, QSet<QString> &used )
  {
    QString candidate = id;
    for ( int n = 2; used.contains( candidate ); ++n )
      candidate = QStringLiteral( "%1-%2" ).arg( id ).arg( n );
    used.insert( candidate );
    return candidate;
  }

  //! A body as written: a council or committee, a department, an office …
  const QRegularExpression &bodyPattern()
  {
    // Unit words in any case ("Thành phố", "thành phố"); a department's name by its capitals.
    static const QRegularExpression sBody( QStringLiteral(
        "(?<![\\p{L}\\p{M}\\-/])"
        "(?:(?i:thường\\s+trực)\\s+)?(?:Ủy\\s+ban\\s+nhân\\s+dân|Uỷ\\s+ban\\s+nhân\\s+dân|UBND|Hội\\s+đồng\\s+nhân\\s+dân|HĐND)"
        "(?:\\s+(?i:các\\s+)?(?i:xã|phường|thị\\s+trấn)\\s*,\\s*(?i:xã|phường|thị\\s+trấn)(?:\\s*,\\s*(?i:thị\\s+trấn))?"
        "|\\s+(?i:các\\s+)?(?i:tỉnh|thành\\s+phố|huyện|thị\\s+xã|quận|xã|phường|thị\\s+trấn)(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*){0,3})?"
        "|Ủy\\s+ban\\s+Mặt\\s+trận\\s+Tổ\\s+quốc(?:\\s+Việt\\s+Nam)?(?:\\s+(?i:tỉnh|thành\\s+phố|huyện|thị\\s+xã)(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*){0,3})?"
        "|(?:Phòng|Sở|Ban|Văn\\s+phòng|Trung\\s+tâm|Công\\s+an|Ban\\s+Quản\\s+lý|Ban\\s+Chỉ\\s+huy\\s+Quân\\s+sự|Chi\\s+cục|Đội)"
        "\\s+\\p{Lu}[\\p{L}\\p{M}]*(?:\\s+(?:-\\s+)?[\\p{L}\\p{M}]+){0,7}" ), QRegularExpression::UseUnicodePropertiesOption );
    return sBody;
  }

  //! A department's name ends before the verb or preposition that follows it.
  QString trimBody( const QString &body )
  {
    static const QSet<QString> sStops = []
    {
      QSet<QString> s;
      for ( const char *w : { "chủ", "phối", "thực", "tổ", "có", "triển", "tham", "rà", "báo", "hướng", "kiểm", "giám", "căn", "theo", "để",
                              "trong", "tại", "về", "với", "của", "các", "được", "đã", "sẽ", "cần", "phải", "tiếp", "khẩn", "tập", "đôn",
                              "nghiên", "đề", "lập", "trình", "ban", "quản", "hoàn", "bố", "đảm", "bảo", "chịu", "nhằm", "khi", "nếu", "ngay",
                              "là", "giao", "và", "cùng", "thường", "đẩy", "xây", "làm", "chỉ", "rà", "công", "cấp" } )
        s.insert( QString::fromUtf8( w ) );
      return s;
    }();
    static const QRegularExpression sDepartment( QStringLiteral( "^(?:Phòng|Sở|Ban|Văn\\s+phòng|Trung\\s+tâm|Công\\s+an|Ban\\s+Quản\\s+lý|Ban\\s+Chỉ\\s+huy\\s+Quân\\s+sự|Chi\\s+cục|Đội)\\s+" ),
                                                 QRegularExpression::UseUnicodePropertiesOption );
    const QRegularExpressionMatch head = sDepartment.match( body );
    if ( !head.hasMatch() )
      return body.trimmed();
    // After the department's first word: lower-case stop words end the name, "và" only before a lower-case word.
    const QStringList words = body.mid( head.capturedEnd() ).split( QLatin1Char( ' ' ), Qt::SkipEmptyParts );
    QStringList kept;
    for ( int i = 0; i < words.size(); ++i )
    {
      const QString &w = words.at( i );
      const bool lower = !w.isEmpty() && w.at( 0 ).isLower();
      if ( i > 0 && lower && sStops.contains( w ) )
      {
        if ( w == QStringLiteral( "và" ) && i + 1 < words.size() && words.at( i + 1 ).at( 0 ).isUpper() )
        {
          kept << w;
          continue;
        }
        break;
      }
      kept << w;
    }
    return ( head.captured( 0 ) + kept.join( QLatin1Char( ' ' ) ) ).trimmed();
  }

  //! What precedes a body that makes it the one taking the task.
  bool assignsBefore( const QString &text, int at )
  {
    static const QRegularExpression sBefore( QStringLiteral( "(?:^|(?:^|\\s)[-–+•]|[;.:]|(?<![\\p{L}\\p{M}])(?:giao|đề\\s+nghị|yêu\\s+cầu|đối\\s+với|chỉ\\s+đạo))\\s*$" ),
                                             sOptions );
    return sBefore.match( text.left( at ) ).hasMatch();
  }

  bool takesAfter( const QString &text, int end )
  {
    static const QRegularExpression sAfter( QStringLiteral( "^\\s*(?:,[^.;:]{0,120}?)?(?:chủ\\s+trì|có\\s+trách\\s+nhiệm|chịu\\s+trách\\s+nhiệm|tổ\\s+chức\\s+thực\\s+hiện)" ),
                                            sOptions );
    return sAfter.match( text.mid( end ) ).hasMatch();
  }

  bool givesAfter( const QString &text, int end )
  {
    static const QRegularExpression sGives( QStringLiteral( "^\\s*(?:[\\p{Lu}][\\p{L}\\p{M}]*\\s+){0,3}giao(?![\\p{L}\\p{M}])" ), QRegularExpression::UseUnicodePropertiesOption );
    return sGives.match( text.mid( end ) ).hasMatch();
  }

  //! The strong deadline of a directive, the phrases seen, and the reason when there is none.
  struct DeadlineChoice
  {
    RtDeadline deadline;
    QStringList seen;
  };

  DeadlineChoice deadlineOf( const QString &text, const RtCouncilTerm &term, const QDate &issued )
  {
    DeadlineChoice choice;
    const QVector<RtDeadline> found = RtDeadline::findAll( text, term, issued );
    QVector<RtDeadline> soft;
    // A plan's horizon, not a deadline: "giai đoạn 2021 - 2025", "đến năm 2030, tầm nhìn đến năm 2045".
    static const QRegularExpression sHorizon( QStringLiteral( "^(?:giai\\s+đoạn|đến\\s+năm)" ), sOptions );
    static const QRegularExpression sVisionAfter( QStringLiteral( "^\\s*,?\\s*(?:tầm\\s+nhìn|định\\s+hướng)" ), sOptions );
    static const QRegularExpression sVisionBefore( QStringLiteral( "(?:tầm\\s+nhìn|định\\s+hướng)\\s*$" ), sOptions );
    for ( const RtDeadline &d : found )
    {
      if ( !choice.seen.contains( d.phrase() ) )
        choice.seen << d.phrase();
      // A date before the resolution is what had been done by then.
      if ( d.kind() == RtDeadline::Kind::Date && issued.isValid() && d.date() < issued )
        continue;
      if ( sHorizon.match( d.phrase() ).hasMatch() || sVisionAfter.match( text.mid( d.offset() + d.phrase().size() ) ).hasMatch()
           || sVisionBefore.match( text.left( d.offset() ) ).hasMatch() )
        continue;
      if ( d.kind() == RtDeadline::Kind::Date || d.kind() == RtDeadline::Kind::Undated )
      {
        if ( choice.deadline.kind() == RtDeadline::Kind::None )
          choice.deadline = d;
      }
      else
        soft << d;
    }
    if ( choice.deadline.kind() == RtDeadline::Kind::None )
    {
      QStringList softPhrases;
      for ( const RtDeadline &d : std::as_const( soft ) )
        if ( !softPhrases.contains( d.phrase().toLower() ) )
          softPhrases << d.phrase().toLower();
      if ( softPhrases.size() == 1 )
        choice.deadline = soft.first();
    }
    return choice;
  }

  QStringList placesIn( const QString &text, const RtCity &city, const QDate &date )
  {
    QStringList keys;
    if ( !city.gazetteer )
      return keys;
    for ( const RtPlaceMention &m : city.gazetteer->findIn( text, date ) )
    {
      const QString key = city.gazetteer->places().at( m.place ).key();
      if ( !keys.contains( key ) )
        keys << key;
    }
    return keys;
  }

  RtTask draftTask( const QString &id, const QString &kind, const QStringList &path, const QString &quote )
  {
    RtTask t;
    t.id = id;
    t.kind = kind;
    t.clausePath = path;
    t.statusClausePath = path;
    t.quote = quote;
    t.titleVi = titleOf( quote );
    t.status = RtStatus::NoReport;
    t.review = QStringLiteral( "draft" );
    return t;
  }

  void noteDeadlines( RtTask &t, const QStringList &seen )
  {
    t.noteVi = QStringLiteral( "Đề xuất tự động từ văn bản, cần rà soát." );
    t.noteEn = QStringLiteral( "Proposed from the text; to be reviewed." );
    if ( seen.size() > 1 || ( seen.size() == 1 && seen.first() != t.deadline.phrase() ) )
    {
      t.noteVi += QStringLiteral( " Các mốc thời gian trong đoạn: %1." ).arg( seen.join( QStringLiteral( "; " ) ) );
      t.noteEn += QStringLiteral( " Time phrases in the clause: %1." ).arg( seen.join( QStringLiteral( "; " ) ) );
    }
  }

  //! Finds the column whose folded name contains one of \a words; -1 when none.
  int columnOf( const QStringList &columns, const QStringList &words )
  {
    for ( const QString &w : words )
      for ( int i = 0; i < columns.size(); ++i )
        if ( RtText::foldForSearch( columns.at( i ) ).contains( w ) )
          return i;
    return -1;
  }

  //! The clause path of the first clause whose text names \a label ("Phụ lục I"), depth first.
  bool findCiting( const QVector<RtClause> &clauses, const QString &label, QStringList &path, QVector<const RtClause *> &chain )
  {
    for ( const RtClause &c : clauses )
    {
      path << c.label;
      chain << &c;
      if ( RtText::foldForSearch( c.text ).contains( label ) )
        return true;
      if ( findCiting( c.children, label, path, chain ) )
        return true;
      path.removeLast();
      chain.removeLast();
    }
    return false;
  }

  struct Walker
  {
    const RtResolution &res;
    const RtCity &city;
    const RtCouncilTerm &term;
    RtDraft &draft;
    QSet<QString> ids;

    void walk( const QVector<RtClause> &clauses, QStringList path, QVector<const RtClause *> chain, bool directive )
    {
      for ( const RtClause &c : clauses )
      {
        QStringList p = path;
        p << c.label;
        QVector<const RtClause *> ch = chain;
        ch << &c;
        bool d = directive;
        switch ( senseOf( c ) )
        {
          case Sense::Directive: d = true; break;
          case Sense::Finding: d = false; break;
          case Sense::None: break;
        }
        if ( !c.children.isEmpty() )
        {
          walk( c.children, p, ch, d );
          continue;
        }
        if ( d )
          propose( c, p, ch );
      }
    }

    void propose( const RtClause &leaf, const QStringList &path, const QVector<const RtClause *> &chain )
    {
      const QString text = plain( leaf.text );
      const QString quote = quoteOf( leaf.text );
      if ( quote.isEmpty() )
        return;
      QStringList idParts;
      for ( const QString &label : path )
        idParts << idPart( label );
      RtTask t = draftTask( makeUniqueId( QStringLiteral( "DR-" ) + idParts.join( QLatin1Char( '-' ) ), ids ), QStringLiteral( "directive" ), path, quote );
      t.category = RtCategories::suggest( text );
      for ( int i = static_cast<int>( chain.size() ) - 1; i >= 0 && t.responsible.isEmpty(); --i )
        t.responsible = RtDraftRegister::responsibleIn( chain.at( i )->text );
      const DeadlineChoice deadline = deadlineOf( text, term, res.date );
      t.deadline = deadline.deadline;
      t.places = placesIn( text, city, res.date );
      noteDeadlines( t, deadline.seen );
      if ( t.responsible.isEmpty() )
        draft.warnings << rtMsg( "RtDraftRegister", "task %1 (%2): the text names no responsible body" ).arg( t.id, rtClausePathString( path ) );
      if ( t.deadline.kind() == RtDeadline::Kind::Undated )
        draft.warnings << rtMsg( "RtDraftRegister", "task %1: deadline '%2' has no date (%3)" ).arg( t.id, t.deadline.phrase(), t.deadline.problem() );
      draft.reg.tasks << t;
      ++draft.directiveLeaves;
    }

    void proposeRows( const RtAppendix &a )
    {
      static const QStringList sProject { QStringLiteral( "ten du an" ), QStringLiteral( "du an" ), QStringLiteral( "danh muc" ),
                                          QStringLiteral( "cong trinh" ), QStringLiteral( "noi dung" ), QStringLiteral( "nhiem vu" ) };
      const int project = columnOf( a.columns, sProject );
      if ( project < 0 )
        return;
      const int location = columnOf( a.columns, { QStringLiteral( "dia diem" ), QStringLiteral( "vi tri" ), QStringLiteral( "dia ban" ),
                                                  QStringLiteral( "phuong" ), QStringLiteral( "xa" ) } );
      const int when = columnOf( a.columns, { QStringLiteral( "thoi gian" ), QStringLiteral( "thoi han" ), QStringLiteral( "tien do" ),
                                              QStringLiteral( "nam hoan thanh" ), QStringLiteral( "nam thuc hien" ) } );
      const int who = columnOf( a.columns, { QStringLiteral( "chu dau tu" ), QStringLiteral( "don vi thuc hien" ), QStringLiteral( "co quan chu tri" ),
                                             QStringLiteral( "don vi chu tri" ), QStringLiteral( "co quan thuc hien" ) } );
      // The body the text gives the appendix to: the clause citing it, or its ancestors.
      QString citedBy;
      QStringList citingPath;
      QVector<const RtClause *> chain;
      if ( findCiting( res.clauses, RtText::foldForSearch( a.label ), citingPath, chain ) )
        for ( int i = static_cast<int>( chain.size() ) - 1; i >= 0 && citedBy.isEmpty(); --i )
          citedBy = RtDraftRegister::responsibleIn( chain.at( i )->text );
      for ( int r = 0; r < a.rows.size(); ++r )
      {
        const QStringList &row = a.rows.at( r );
        int filled = 0;
        for ( const QString &cell : row )
          filled += cell.trimmed().isEmpty() ? 0 : 1;
        const QString name = row.value( project ).trimmed();
        if ( filled <= 2 || name.isEmpty() || RtText::foldForSearch( row.value( 0 ) + QLatin1Char( ' ' ) + name ).contains( QStringLiteral( "tong" ) ) )
          continue;
        const QString quote = RtRegister::appendixRowText( a, r );
        RtTask t = draftTask( makeUniqueId( QStringLiteral( "PL-%1-%2" ).arg( idPart( a.label ).toUpper() ).arg( r + 1 ), ids ), QStringLiteral( "commitment" ),
                              RtRegister::appendixRowPath( a, r ), quote );
        t.titleVi = titleOf( name );
        t.category = RtCategories::suggest( name + QStringLiteral( ". " ) + a.title );
        t.responsible = who >= 0 && !row.value( who ).trimmed().isEmpty() ? row.value( who ).trimmed() : citedBy;
        if ( when >= 0 && !row.value( when ).trimmed().isEmpty() )
        {
          t.deadline = RtDeadline::parse( row.value( when ).trimmed(), term, res.date ).value();
          if ( t.deadline.kind() == RtDeadline::Kind::Undated )
            draft.warnings << rtMsg( "RtDraftRegister", "task %1: deadline '%2' has no date (%3)" ).arg( t.id, t.deadline.phrase(), t.deadline.problem() );
        }
        if ( location >= 0 && city.gazetteer )
        {
          static const QRegularExpression sSplit( QStringLiteral( "\\s*(?:[,;/+]|\\svà\\s)\\s*" ), QRegularExpression::UseUnicodePropertiesOption );
          for ( const QString &part : row.value( location ).split( sSplit, Qt::SkipEmptyParts ) )
            if ( const RtPlace *p = city.gazetteer->resolve( QStringLiteral( "ward" ), part, res.date ) )
              if ( !t.places.contains( p->key() ) )
                t.places << p->key();
        }
        for ( const QString &key : placesIn( quote, city, res.date ) )
          if ( !t.places.contains( key ) )
            t.places << key;
        noteDeadlines( t, QStringList() );
        if ( t.places.isEmpty() )
          draft.warnings << rtMsg( "RtDraftRegister", "task %1 (%2, row %3): no place of the gazetteer is named" ).arg( t.id, a.label ).arg( r + 1 );
        draft.reg.tasks << t;
        ++draft.appendixRows;
      }
    }

  };

  QString jsonValue( const QJsonValue &v )
  {
    QString s = QString::fromUtf8( QJsonDocument( QJsonArray { v } ).toJson( QJsonDocument::Compact ) );
    return s.mid( 1, s.size() - 2 );
  }
}

QString RtDraftRegister::responsibleIn( const QString &rawText )
{
  const QString text = plain( rawText ).simplified();
  auto it = bodyPattern().globalMatch( text );
  while ( it.hasNext() )
  {
    const QRegularExpressionMatch m = it.next();
    const QString body = trimBody( m.captured( 0 ) );
    const int end = m.capturedStart() + static_cast<int>( body.size() );
    if ( givesAfter( text, end ) )
      continue; // "Hội đồng nhân dân thành phố giao …": the one giving the task
    if ( assignsBefore( text, m.capturedStart() ) || takesAfter( text, end ) )
      return body;
  }
  return QString();
}

RtCouncilTerm RtDraftRegister::termOf( const QDate &date )
{
  if ( !date.isValid() )
    return RtCouncilTerm();
  int start = 2016 + 5 * ( ( date.year() - 2016 ) / 5 );
  if ( date.year() < 2016 )
    start = 2016 - 5 * ( ( 2016 - date.year() + 4 ) / 5 );
  if ( date.year() == start && date.month() < 7 )
    start -= 5;
  return RtCouncilTerm { start, start + 5 };
}

RtDraft RtDraftRegister::propose( const RtResolution &resolution, const RtCity &city, const RtCouncilTerm &term, const QString &textFile )
{
  RtDraft draft;
  draft.reg.textFile = textFile;
  draft.reg.number = nfc( resolution.number );
  draft.reg.date = resolution.date;
  draft.reg.term = term;
  Walker walker { resolution, city, term, draft, {} };
  walker.walk( resolution.clauses, QStringList(), QVector<const RtClause *>(), false );
  for ( const RtAppendix &a : resolution.appendices )
    walker.proposeRows( a );
  for ( RtTask &t : draft.reg.tasks )
    t.statusDate = resolution.date;
  return draft;
}

QByteArray RtDraftRegister::toJson( const RtRegisterFile &reg )
{
  // Written by hand to keep the curated register's field order, which reviewers read.
  QString out;
  out += QStringLiteral( "{\n  \"resolution\": {\n" );
  out += QStringLiteral( "    \"text\": %1,\n" ).arg( jsonValue( reg.textFile ) );
  out += QStringLiteral( "    \"number\": %1,\n" ).arg( jsonValue( reg.number ) );
  out += QStringLiteral( "    \"date\": %1,\n" ).arg( jsonValue( reg.date.toString( Qt::ISODate ) ) );
  out += QStringLiteral( "    \"council_term\": {\n      \"start\": %1,\n      \"end\": %2\n    }\n  },\n" ).arg( reg.term.startYear ).arg( reg.term.endYear );
  out += QStringLiteral( "  \"tasks\": [" );
  for ( int i = 0; i < reg.tasks.size(); ++i )
  {
    const RtTask &t = reg.tasks.at( i );
    const QVector<QPair<QString, QJsonValue>> fields =
    {
      { QStringLiteral( "id" ), t.id },
      { QStringLiteral( "kind" ), t.kind },
      { QStringLiteral( "clause" ), QJsonArray::fromStringList( t.clausePath ) },
      { QStringLiteral( "footnote" ), t.footnote },
      { QStringLiteral( "quote" ), t.quote },
      { QStringLiteral( "title_vi" ), t.titleVi },
      { QStringLiteral( "title_en" ), t.titleEn },
      { QStringLiteral( "category" ), t.category },
      { QStringLiteral( "responsible" ), t.responsible },
      { QStringLiteral( "deadline" ), t.deadline.phrase() },
      { QStringLiteral( "target" ), t.target },
      { QStringLiteral( "places" ), QJsonArray::fromStringList( t.places ) },
      { QStringLiteral( "status" ), RtStatuses::code( t.status ) },
      { QStringLiteral( "status_quote" ), t.statusQuote },
      { QStringLiteral( "status_clause" ), QJsonArray::fromStringList( t.statusClausePath ) },
      { QStringLiteral( "status_footnote" ), t.statusFootnote },
      { QStringLiteral( "note_vi" ), t.noteVi },
      { QStringLiteral( "note_en" ), t.noteEn },
      { QStringLiteral( "review" ), t.review.isEmpty() ? QStringLiteral( "reviewed" ) : t.review },
    };
    out += i == 0 ? QStringLiteral( "\n    {\n" ) : QStringLiteral( ",\n    {\n" );
    for ( int f = 0; f < fields.size(); ++f )
      out += QStringLiteral( "      \"%1\": %2%3\n" ).arg( fields.at( f ).first, jsonValue( fields.at( f ).second ),
                                                       f + 1 < fields.size() ? QStringLiteral( "," ) : QString() );
    out += QStringLiteral( "    }" );
  }
  out += QStringLiteral( "\n  ]\n}\n" );
  return out.toUtf8();
}
