#include "rtgazetteer.h"
#include "rttr.h"
#include "rtplacekey.h"

#include <QFile>
#include <QSet>

#include <algorithm>

namespace
{
  const QChar SEP( 0x1f );

  QString indexKey( const QString &kind, const QString &key ) { return kind + SEP + key; }

  //! One record of a CSV file, with the line it starts on.
  struct Record
  {
    QStringList fields;
    int line = 0;
  };

  //! RFC 4180: fields separated by ',', quoted with '"' ("" inside a quoted field is one ").
  RtResult<QVector<Record>> readCsv( const QString &text, const QString &sourceName )
  {
    QVector<Record> records;
    Record current;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    int line = 1;
    current.line = 1;
    auto endField = [&]()
    {
      current.fields << ( wasQuoted ? field : field.trimmed() );
      field.clear();
      wasQuoted = false;
    };
    auto endRecord = [&]()
    {
      endField();
      bool blank = true;
      for ( const QString &f : std::as_const( current.fields ) )
        blank = blank && f.isEmpty();
      if ( !blank )
        records << current;
      current = Record();
      current.line = line;
    };
    for ( int i = 0; i < text.size(); ++i )
    {
      const QChar c = text.at( i );
      if ( quoted )
      {
        if ( c == QLatin1Char( '"' ) )
        {
          if ( i + 1 < text.size() && text.at( i + 1 ) == QLatin1Char( '"' ) )
          {
            field += c;
            ++i;
          }
          else
            quoted = false;
        }
        else
        {
          if ( c == QLatin1Char( '\n' ) )
            ++line;
          field += c;
        }
        continue;
      }
      if ( c == QLatin1Char( '"' ) && field.trimmed().isEmpty() )
      {
        field.clear();
        quoted = true;
        wasQuoted = true;
      }
      else if ( c == QLatin1Char( ',' ) )
        endField();
      else if ( c == QLatin1Char( '\n' ) )
      {
        ++line;
        endRecord();
      }
      else if ( c != QLatin1Char( '\r' ) )
        field += c;
    }
    if ( quoted )
      return RtResult<QVector<Record>>::failure( rtMsg( "RtGazetteer", "%1, line %2: a quoted field is not closed" ).arg( sourceName ).arg( current.line ) );
    endRecord();
    return RtResult<QVector<Record>>::success( records );
  }

  //! A word of a text: letters, marks and digits ("A4.1" is one word: a dot between digits).
  struct Word
  {
    int start = 0;
    int end = 0;
  };

  bool isWordChar( QChar c )
  {
    return c.isLetterOrNumber() || c.isMark();
  }

  QVector<Word> wordsOf( const QString &text )
  {
    QVector<Word> words;
    int i = 0;
    while ( i < text.size() )
    {
      if ( !isWordChar( text.at( i ) ) )
      {
        ++i;
        continue;
      }
      Word w;
      w.start = i;
      while ( i < text.size() && ( isWordChar( text.at( i ) )
                                   || ( text.at( i ) == QLatin1Char( '.' ) && i > w.start && text.at( i - 1 ).isDigit()
                                        && i + 1 < text.size() && text.at( i + 1 ).isDigit() ) ) )
        ++i;
      w.end = i;
      words << w;
    }
    return words;
  }

  bool isAscii( const QString &s )
  {
    for ( const QChar c : s )
      if ( c.unicode() > 0x7f )
        return false;
    return true;
  }

  //! A proper name's word: capitalised, or holding a digit ("A3", "9").
  bool looksProper( const QString &word )
  {
    for ( const QChar c : word )
    {
      if ( c.isDigit() )
        return true;
    }
    return !word.isEmpty() && word.at( 0 ).isUpper();
  }

  //! Words that, right before a ward's name, make it the name of something else.
  bool namesSomethingElse( const QString &previousWord )
  {
    static const QSet<QString> sWords = []
    {
      QSet<QString> s;
      for ( const char *w : { "cầu", "sông", "đường", "phố", "chợ", "trường", "cảng", "núi", "bến", "hồ", "suối", "đèo", "mũi",
                              "lộ", "nhà", "đền", "chùa", "đình", "bãi", "đảo", "huyện", "tỉnh", "quận" } )
        s.insert( QString::fromUtf8( w ) );
      return s;
    }();
    return sWords.contains( previousWord.normalized( QString::NormalizationForm_C ).toLower() );
  }

  bool isUnitPrefixWord( const QString &word )
  {
    const QString w = word.normalized( QString::NormalizationForm_C ).toLower();
    return w == QStringLiteral( "phường" ) || w == QStringLiteral( "xã" ) || w == QStringLiteral( "trấn" ) || w == QLatin1String( "p" )
           || w == QLatin1String( "x" );
  }

  //! The words of a name as it is indexed: without its unit prefix.
  QStringList nameWords( const QString &name )
  {
    const QString stripped = RtPlaceKey::stripUnitPrefix( name );
    QStringList out;
    for ( const Word &w : wordsOf( stripped ) )
      out << stripped.mid( w.start, w.end - w.start );
    return out;
  }
}

bool RtPlace::validOn( const QDate &date ) const
{
  if ( !date.isValid() )
    return true;
  return ( !validFrom.isValid() || date >= validFrom ) && ( !validTo.isValid() || date <= validTo );
}

RtResult<RtGazetteer> RtGazetteer::load( const QString &path )
{
  QFile f( path );
  if ( !f.exists() )
    return RtResult<RtGazetteer>::failure( RtErrorKind::NotFound, rtMsg( "RtGazetteer", "%1: no such gazetteer file" ).arg( path ) );
  if ( !f.open( QIODevice::ReadOnly ) )
    return RtResult<RtGazetteer>::failure( RtErrorKind::Unavailable, rtMsg( "RtGazetteer", "%1: cannot read it (%2)" ).arg( path, f.errorString() ) );
  return parse( f.readAll(), path );
}

RtResult<RtGazetteer> RtGazetteer::parse( const QByteArray &csv, const QString &sourceName )
{
  using Result = RtResult<RtGazetteer>;
  QByteArray bytes = csv;
  if ( bytes.startsWith( "\xEF\xBB\xBF" ) )
    bytes.remove( 0, 3 );
  const QString text = QString::fromUtf8( bytes );
  if ( text.contains( QChar::ReplacementCharacter ) )
    return Result::failure( rtMsg( "RtGazetteer", "%1: not UTF-8 text; save the gazetteer as UTF-8" ).arg( sourceName ) );
  const RtResult<QVector<Record>> records = readCsv( text.normalized( QString::NormalizationForm_C ), sourceName );
  if ( !records.ok() )
    return Result::failure( records.error() );
  if ( records.value().isEmpty() )
    return Result::failure( rtMsg( "RtGazetteer", "%1: empty; expected a header line (kind,code,name,…) and one line per place" ).arg( sourceName ) );

  const QStringList header = records.value().first().fields;
  QHash<QString, int> column;
  for ( int i = 0; i < header.size(); ++i )
    column.insert( header.at( i ).trimmed().toLower(), i );
  for ( const char *required : { "kind", "code", "name" } )
    if ( !column.contains( QLatin1String( required ) ) )
      return Result::failure( rtMsg( "RtGazetteer", "%1, line 1: no column \"%2\"; the header needs kind, code and name (has: %3)" )
                              .arg( sourceName, QLatin1String( required ), header.join( QStringLiteral( ", " ) ) ) );

  RtGazetteer g;
  static const QStringList sKinds { QStringLiteral( "ward" ), QStringLiteral( "zone" ), QStringLiteral( "site" ) };
  for ( int r = 1; r < records.value().size(); ++r )
  {
    const Record &rec = records.value().at( r );
    auto value = [&]( const char *name ) {
      const int i = column.value( QLatin1String( name ), -1 );
      return i >= 0 && i < rec.fields.size() ? rec.fields.at( i ).trimmed() : QString();
    };
    const QString where = rtMsg( "RtGazetteer", "%1, line %2" ).arg( sourceName ).arg( rec.line );
    if ( rec.fields.size() > header.size() )
      return Result::failure( rtMsg( "RtGazetteer", "%1: %2 fields, the header has %3 (a comma in a name needs quotes)" )
                              .arg( where ).arg( rec.fields.size() ).arg( header.size() ) );
    RtPlace p;
    p.line = rec.line;
    p.kind = value( "kind" ).toLower();
    p.code = value( "code" );
    p.name = value( "name" );
    p.nameEn = value( "name_en" );
    for ( const QString &v : value( "variants" ).split( QLatin1Char( '|' ) ) )
      if ( !v.trimmed().isEmpty() )
        p.variants << v.trimmed();
    p.parent = value( "parent" );
    p.successor = value( "successor" );
    p.source = value( "source" );
    if ( !sKinds.contains( p.kind ) )
      return Result::failure( rtMsg( "RtGazetteer", "%1, column kind: '%2' is not one of %3" ).arg( where, p.kind, sKinds.join( QStringLiteral( ", " ) ) ) );
    if ( p.code.isEmpty() || p.code.contains( QLatin1Char( ':' ) ) || p.code.contains( QLatin1Char( ' ' ) ) )
      return Result::failure( rtMsg( "RtGazetteer", "%1, column code: '%2' is not a code (empty, or with a space or ':')" ).arg( where, p.code ) );
    if ( p.name.isEmpty() )
      return Result::failure( rtMsg( "RtGazetteer", "%1, column name: the place %2 has no name" ).arg( where, p.key() ) );
    for ( const char *field : { "valid_from", "valid_to" } )
    {
      const QString v = value( field );
      const QDate d = QDate::fromString( v, Qt::ISODate );
      if ( !v.isEmpty() && !d.isValid() )
        return Result::failure( rtMsg( "RtGazetteer", "%1, column %2: '%3' is not a date (YYYY-MM-DD)" ).arg( where, QLatin1String( field ), v ) );
      ( qstrcmp( field, "valid_from" ) == 0 ? p.validFrom : p.validTo ) = d;
    }
    if ( p.validFrom.isValid() && p.validTo.isValid() && p.validTo < p.validFrom )
      return Result::failure( rtMsg( "RtGazetteer", "%1: %2 ends (%3) before it begins (%4)" ).arg( where, p.key(), p.validTo.toString( Qt::ISODate ),
                              p.validFrom.toString( Qt::ISODate ) ) );
    for ( const RtPlace &other : std::as_const( g.mPlaces ) )
    {
      const bool overlap = ( !p.validFrom.isValid() || !other.validTo.isValid() || p.validFrom <= other.validTo )
                           && ( !other.validFrom.isValid() || !p.validTo.isValid() || other.validFrom <= p.validTo );
      if ( other.kind == p.kind && RtPlaceKey::codeKey( other.code ) == RtPlaceKey::codeKey( p.code ) && overlap )
        return Result::failure( rtMsg( "RtGazetteer", "%1: %2 is already line %3 for the same dates (a reused code needs valid_from/valid_to)" )
                                .arg( where, p.key() ).arg( other.line ) );
    }
    g.mPlaces << p;
  }
  for ( const RtPlace &p : std::as_const( g.mPlaces ) )
  {
    if ( !p.successor.isEmpty() && g.byCode( p.kind, p.successor ).isEmpty() )
      return Result::failure( rtMsg( "RtGazetteer", "%1, line %2, column successor: %3:%4 is not in the gazetteer" ).arg( sourceName ).arg( p.line ).arg( p.kind, p.successor ) );
    if ( !p.parent.isEmpty() && g.byCode( QStringLiteral( "ward" ), p.parent ).isEmpty() )
      return Result::failure( rtMsg( "RtGazetteer", "%1, line %2, column parent: ward:%3 is not in the gazetteer" ).arg( sourceName ).arg( p.line ).arg( p.parent ) );
  }
  g.index();
  return Result::success( g );
}

void RtGazetteer::index()
{
  mByName.clear();
  mByLooseName.clear();
  mTextKeys.clear();
  mLooseTextKeys.clear();
  mFirstWords.clear();
  mMaxWords = 0;
  for ( int i = 0; i < mPlaces.size(); ++i )
  {
    const RtPlace &p = mPlaces.at( i );
    for ( const QString &name : p.names() )
    {
      const QString strict = RtPlaceKey::nameKey( name );
      const QString loose = RtPlaceKey::looseNameKey( name );
      if ( strict.isEmpty() )
        continue;
      auto addOnce = []( QVector<int> &v, int value ) { if ( !v.contains( value ) ) v << value; };
      addOnce( mByName[indexKey( p.kind, strict )], i );
      addOnce( mByLooseName[indexKey( p.kind, loose )], i );
      // Word by word, as a text is read (the concatenated word keys equal the name's key).
      const QStringList words = nameWords( name );
      if ( words.isEmpty() )
        continue;
      QString joined;
      QString looseJoined;
      for ( const QString &w : words )
      {
        joined += RtPlaceKey::nameKey( w );
        looseJoined += RtPlaceKey::looseNameKey( w );
      }
      addOnce( mTextKeys[joined], i );
      addOnce( mLooseTextKeys[looseJoined], i );
      addOnce( mFirstWords[RtPlaceKey::nameKey( words.first() )], static_cast<int>( words.size() ) );
      mMaxWords = std::max( mMaxWords, static_cast<int>( words.size() ) );
    }
  }
  for ( auto it = mFirstWords.begin(); it != mFirstWords.end(); ++it )
    std::sort( it.value().begin(), it.value().end(), std::greater<int>() );
}

bool RtGazetteer::hasKind( const QString &kind ) const
{
  for ( const RtPlace &p : mPlaces )
    if ( p.kind == kind )
      return true;
  return false;
}

QVector<const RtPlace *> RtGazetteer::pick( const QVector<int> &candidates, const QDate &date ) const
{
  QVector<const RtPlace *> chosen;
  for ( int i : candidates )
  {
    const RtPlace &p = mPlaces.at( i );
    if ( date.isValid() ? p.validOn( date ) : !p.validTo.isValid() )
      chosen << &p;
  }
  if ( chosen.isEmpty() )
    for ( int i : candidates )
      chosen << &mPlaces.at( i );
  return chosen;
}

QVector<const RtPlace *> RtGazetteer::byCode( const QString &kind, const QString &code, const QDate &date ) const
{
  QVector<int> candidates;
  const QString wanted = RtPlaceKey::codeKey( code );
  for ( int i = 0; i < mPlaces.size(); ++i )
    if ( mPlaces.at( i ).kind == kind && RtPlaceKey::codeKey( mPlaces.at( i ).code ) == wanted )
      candidates << i;
  return pick( candidates, date );
}

QVector<const RtPlace *> RtGazetteer::byName( const QString &kind, const QString &name, const QDate &date ) const
{
  const QVector<int> strict = mByName.value( indexKey( kind, RtPlaceKey::nameKey( name ) ) );
  if ( !strict.isEmpty() )
    return pick( strict, date );
  // Without diacritics: only when the places found share one code.
  const QVector<const RtPlace *> loose = pick( mByLooseName.value( indexKey( kind, RtPlaceKey::looseNameKey( name ) ) ), date );
  QSet<QString> codes;
  for ( const RtPlace *p : loose )
    codes.insert( p->code );
  return codes.size() == 1 ? loose : QVector<const RtPlace *>();
}

const RtPlace *RtGazetteer::resolve( const QString &kind, const QString &key, const QDate &date ) const
{
  QVector<const RtPlace *> found = byCode( kind, key, date );
  if ( found.isEmpty() )
    found = byName( kind, key, date );
  QSet<QString> codes;
  for ( const RtPlace *p : std::as_const( found ) )
    codes.insert( p->code );
  return codes.size() == 1 ? found.first() : nullptr;
}

const RtPlace *RtGazetteer::successorOf( const RtPlace &place ) const
{
  if ( place.successor.isEmpty() )
    return nullptr;
  const QVector<const RtPlace *> found = byCode( place.kind, place.successor, place.validTo.isValid() ? place.validTo.addDays( 1 ) : QDate() );
  return found.isEmpty() ? nullptr : found.first();
}

QHash<QString, QString> RtGazetteer::successorMap( const QString &kind, const QDate &date ) const
{
  QHash<QString, QString> map;
  for ( const RtPlace &p : mPlaces )
    if ( p.kind == kind && !p.successor.isEmpty() && p.validOn( date ) )
      map.insert( p.code, p.successor );
  return map;
}

QVector<RtPlaceMention> RtGazetteer::findIn( const QString &rawText, const QDate &date ) const
{
  QVector<RtPlaceMention> mentions;
  if ( mPlaces.isEmpty() )
    return mentions;
  const QString text = rawText.normalized( QString::NormalizationForm_C );
  const QVector<Word> words = wordsOf( text );
  const int n = static_cast<int>( words.size() );
  QStringList word;
  QStringList strict;
  for ( const Word &w : words )
  {
    word << text.mid( w.start, w.end - w.start );
    strict << RtPlaceKey::nameKey( word.last() );
  }

  // The one place (kind and code) the name at [from, from + count) designates, if it reads as a proper name.
  auto placeAt = [&]( int from, int count, const QVector<int> &candidates ) -> const RtPlace * {
    const QVector<const RtPlace *> chosen = pick( candidates, date );
    QSet<QString> keys;
    for ( const RtPlace *p : chosen )
      keys.insert( p->key() );
    if ( keys.size() != 1 )
      return nullptr;
    const RtPlace *p = chosen.first();
    if ( p->kind != QLatin1String( "ward" ) && !looksProper( word.at( from + count - 1 ) ) )
      return nullptr;
    if ( p->kind == QLatin1String( "ward" ) )
    {
      const bool afterPrefix = from > 0 && isUnitPrefixWord( word.at( from - 1 ) );
      if ( !afterPrefix && !looksProper( word.at( from ) ) )
        return nullptr;
      if ( from > 0 && namesSomethingElse( word.at( from - 1 ) ) )
        return nullptr;
    }
    return p;
  };
  auto mention = [&]( const RtPlace *p, int from, int count ) {
    RtPlaceMention m;
    m.place = static_cast<int>( p - mPlaces.constData() );
    m.offset = words.at( from ).start;
    m.length = words.at( from + count - 1 ).end - m.offset;
    m.text = text.mid( m.offset, m.length );
    return m;
  };

  int i = 0;
  while ( i < n )
  {
    const RtPlace *found = nullptr;
    int count = 0;
    for ( int c : mFirstWords.value( strict.at( i ) ) )
    {
      if ( i + c > n )
        continue;
      QString key;
      for ( int k = i; k < i + c; ++k )
        key += strict.at( k );
      const auto it = mTextKeys.constFind( key );
      if ( it != mTextKeys.constEnd() && ( found = placeAt( i, c, it.value() ) ) )
      {
        count = c;
        break;
      }
    }
    // A text without diacritics ("Hai Hoa"): loose keys, when they designate one place.
    for ( int c = std::min( mMaxWords, n - i ); !found && c >= 1; --c )
    {
      bool ascii = true;
      QString key;
      for ( int k = i; k < i + c && ascii; ++k )
      {
        ascii = isAscii( word.at( k ) );
        key += RtPlaceKey::looseNameKey( word.at( k ) );
      }
      if ( !ascii )
        continue;
      const auto it = mLooseTextKeys.constFind( key );
      if ( it != mLooseTextKeys.constEnd() && ( found = placeAt( i, c, it.value() ) ) )
        count = c;
    }
    if ( !found )
    {
      ++i;
      continue;
    }
    mentions << mention( found, i, count );
    // A ward inside the name of a site that lies in it: "Khu công nghiệp Hải Yên".
    if ( !found->parent.isEmpty() )
    {
      for ( int from = i; from < i + count; ++from )
        for ( int c = std::min( mMaxWords, i + count - from ); c >= 1; --c )
        {
          QString key;
          for ( int k = from; k < from + c; ++k )
            key += strict.at( k );
          const RtPlace *inner = nullptr;
          const auto it = mTextKeys.constFind( key );
          if ( it != mTextKeys.constEnd() && ( inner = placeAt( from, c, it.value() ) ) && inner->kind == QLatin1String( "ward" )
               && inner->code == found->parent )
          {
            mentions << mention( inner, from, c );
            from = i + count; // one is enough
            break;
          }
        }
    }
    i += count;
  }
  return mentions;
}
