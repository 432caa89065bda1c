#include "rtplacekey.h"

#include <QVarLengthArray>

#include <algorithm>
#include <system_error>
#include <thread>

namespace
{
  bool isToneMark( char16_t c )
  {
    // grave, acute, tilde, hook above, dot below; U+0340/0341 are old aliases NFD maps away
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
  }

  bool isMark( QChar c )
  {
    const QChar::Category cat = c.category();
    return cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing;
  }

  bool isVowel( QChar lower )
  {
    switch ( lower.unicode() )
    {
      case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
        return true;
      default:
        return false;
    }
  }

  bool isAscii( const QString &s )
  {
    for ( const QChar c : s )
      if ( c.unicode() > 0x7f )
        return false;
    return true;
  }

  bool isSeparator( QChar c )
  {
    return c.isSpace() || c == QLatin1Char( '.' );
  }

  /**
   * Length of the prefix \a prefix at the start of \a lower (a space in the prefix stands
   * for any run of white space, or none: "thịtrấn"), or -1.
   */
  int matchPrefix( const QString &lower, const QString &prefix )
  {
    int i = 0;
    for ( const QChar p : prefix )
    {
      if ( p == QLatin1Char( ' ' ) )
      {
        while ( i < lower.size() && lower.at( i ).isSpace() )
          ++i;
        continue;
      }
      if ( i >= lower.size() || lower.at( i ) != p )
        return -1;
      ++i;
    }
    return i;
  }

  //! A normalised key while it is being compared: on the stack for all but odd lengths.
  using KeyBuffer = QVarLengthArray<QChar, 64>;

  //! Appends one code part: trimmed, case-folded, leading zeros dropped from numbers when asked.
  void appendCodePart( KeyBuffer &out, const QChar *begin, const QChar *end, bool dropLeadingZeros )
  {
    while ( begin < end && begin->isSpace() )
      ++begin;
    while ( end > begin && ( end - 1 )->isSpace() )
      --end;
    if ( dropLeadingZeros && begin < end )
    {
      bool numeric = true;
      for ( const QChar *p = begin; p < end && numeric; ++p )
        numeric = p->unicode() >= '0' && p->unicode() <= '9';
      if ( numeric )
        while ( end - begin > 1 && begin->unicode() == '0' )
          ++begin;
    }
    for ( const QChar *p = begin; p < end; ++p )
    {
      const auto u = p->unicode();
      if ( u < 0x80 )
        out.append( QChar( static_cast<char16_t>( u >= 'A' && u <= 'Z' ? u + 32 : u ) ) );
      else
        out.append( p->toCaseFolded() );
    }
  }

  void appendCodePart( KeyBuffer &out, const QString &part, bool dropLeadingZeros )
  {
    appendCodePart( out, part.constData(), part.constData() + part.size(), dropLeadingZeros );
  }

  //! The commune code keeps its leading zeros: "06715" and "6715" are different communes.
  void appendComposite( KeyBuffer &out, const QStringList &parts )
  {
    for ( int i = 0; i < parts.size(); ++i )
    {
      if ( i > 0 )
        out.append( QLatin1Char( '/' ) );
      appendCodePart( out, parts.at( i ), parts.size() > 1 && i > 0 );
    }
  }

  //! A written composite key ("06715/12/345"); false when it has not \a partCount parts.
  bool appendCompositeText( KeyBuffer &out, QStringView text, int partCount )
  {
    if ( partCount <= 1 )
    {
      appendCodePart( out, text.data(), text.data() + text.size(), false );
      return true;
    }
    const QChar *p = text.data();
    const QChar *end = p + text.size();
    int part = 0;
    while ( true )
    {
      const QChar *next = std::find( p, end, QLatin1Char( '/' ) );
      if ( part >= partCount )
        return false;
      if ( part > 0 )
        out.append( QLatin1Char( '/' ) );
      appendCodePart( out, p, next, part > 0 );
      ++part;
      if ( next == end )
        break;
      p = next + 1;
    }
    return part == partCount;
  }

  void appendString( KeyBuffer &out, const QString &s )
  {
    out.append( s.constData(), static_cast<int>( s.size() ) );
  }

  //! True when the key holds something besides the part separators.
  bool hasKey( const KeyBuffer &key )
  {
    for ( const QChar c : key )
      if ( c != QLatin1Char( '/' ) )
        return true;
    return false;
  }

  //! 64-bit FNV-1a, then the splitmix64 finaliser so the low bits index the table well; never 0.
  quint64 hashKey( const KeyBuffer &key )
  {
    quint64 h = 0xcbf29ce484222325ULL;
    for ( const QChar c : key )
    {
      h ^= c.unicode();
      h *= 0x100000001b3ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h ? h : 1;
  }

  //! Cuts [0, count) into \a slices slices and runs \a work( slice, begin, end ) on each, in parallel.
  template <class Work>
  void parallelSlices( int count, int slices, const Work &work )
  {
    const int slice = count / slices + ( count % slices ? 1 : 0 );
    std::vector<std::thread> pool;
    for ( int t = 1; t < slices; ++t )
    {
      const int begin = std::min( count, t * slice );
      const int end = std::min( count, ( t + 1 ) * slice );
      try
      {
        pool.emplace_back( [&work, t, begin, end]() { work( t, begin, end ); } );
      }
      catch ( const std::system_error & )
      {
        work( t, begin, end ); // no thread to be had: this one does it
      }
    }
    work( 0, 0, std::min( count, slice ) );
    for ( std::thread &t : pool )
      t.join();
  }

  //! How many slices are worth a thread each: below some 20,000 keys a thread costs more than it saves.
  int sliceCount( int count, int threads )
  {
    return std::max( 1, std::min( threads, count / 20000 ) );
  }

  //! A feature's or link's key on one tier, in \a out; false when there is none.
  bool tierKey( KeyBuffer &out, const QStringList &values, RtPlaceKey::Match match, bool loose )
  {
    if ( match == RtPlaceKey::Match::Code )
      appendComposite( out, values );
    else
    {
      for ( int i = 0; i < values.size(); ++i )
      {
        if ( i > 0 )
          out.append( QLatin1Char( '/' ) );
        appendString( out, loose ? RtPlaceKey::looseNameKey( values.at( i ) ) : RtPlaceKey::nameKey( values.at( i ) ) );
      }
    }
    return hasKey( out );
  }

  bool linkTierKey( KeyBuffer &out, QStringView key, int partCount, RtPlaceKey::Match match, bool loose )
  {
    if ( match == RtPlaceKey::Match::Code )
      return appendCompositeText( out, key, partCount ) && hasKey( out );
    const QString text = key.toString();
    const QStringList parts = partCount > 1 ? text.split( QLatin1Char( '/' ) ) : QStringList { text };
    if ( parts.size() != partCount )
      return false;
    return tierKey( out, parts, match, loose );
  }

  QString toString( const KeyBuffer &key )
  {
    return QString( key.constData(), static_cast<int>( key.size() ) );
  }
}

QString RtPlaceKey::codeKey( const QString &code )
{
  KeyBuffer out;
  appendCodePart( out, code, false );
  return toString( out );
}

QString RtPlaceKey::compositeKey( const QStringList &parts )
{
  KeyBuffer out;
  appendComposite( out, parts );
  return toString( out );
}

QString RtPlaceKey::stripUnitPrefix( const QString &name )
{
  const QString s = name.normalized( QString::NormalizationForm_C ).trimmed();
  const QString lower = s.toLower();
  if ( lower.size() != s.size() )
    return s;

  struct Prefix
  {
    const char *text;
    bool word;  //!< a whole word with diacritics: may run into a capitalised name ("PhườngHải Hòa")
    bool plain; //!< written without diacritics: only in a name without diacritics ("Xa Hai Son")
  };
  static const Prefix sPrefixes[] =
  {
    { "thị trấn", true, false },
    { "phường", true, false },
    { "xã", true, false },
    { "thi tran", false, true },
    { "phuong", false, true },
    { "xa", false, true },
    { "tt", false, false },
    { "p", false, false },
    { "x", false, false },
  };
  const bool ascii = isAscii( s );
  for ( const Prefix &prefix : sPrefixes )
  {
    if ( prefix.plain && !ascii )
      continue;
    const int length = matchPrefix( lower, QString::fromUtf8( prefix.text ) );
    if ( length < 0 || length >= s.size() )
      continue;
    int rest = length;
    while ( rest < s.size() && isSeparator( s.at( rest ) ) )
      ++rest;
    const bool separated = rest > length;
    const bool camel = prefix.word && s.at( length ).isUpper();
    if ( !separated && !camel )
      continue;
    // Nothing but the prefix (a place called "Xã"?): keep the name as it is.
    bool hasName = false;
    for ( int i = rest; i < s.size() && !hasName; ++i )
      hasName = s.at( i ).isLetterOrNumber();
    if ( hasName )
      return s.mid( rest );
  }
  return s;
}

QString RtPlaceKey::nameKey( const QString &name )
{
  const QString s = stripUnitPrefix( name ).normalized( QString::NormalizationForm_D );
  QString out;
  out.reserve( s.size() + 4 );
  bool inGroup = false;    // inside a group of vowels (one syllable's nucleus)
  bool previousLower = false;
  QChar tone;              // the group's tone mark, written when the group ends
  auto endGroup = [&]()
  {
    if ( !tone.isNull() )
      out.append( tone );
    tone = QChar();
    inGroup = false;
  };

  for ( const QChar c : s )
  {
    if ( isMark( c ) )
    {
      if ( isToneMark( c.unicode() ) && inGroup )
      {
        if ( !tone.isNull() ) // two tones in one group: two syllables written together
          out.append( tone );
        tone = c;
      }
      else
        out.append( c );
      continue;
    }
    if ( c.isLetter() )
    {
      const QChar lower = c.toLower();
      if ( isVowel( lower ) )
      {
        // "HảiÂu": a capital after a small letter starts a new syllable.
        if ( inGroup && c.isUpper() && previousLower )
          endGroup();
        inGroup = true;
      }
      else
        endGroup();
      out.append( lower );
      previousLower = c.isLower();
      continue;
    }
    endGroup();
    previousLower = false;
    if ( c.isDigit() )
      out.append( c );
  }
  endGroup();
  return out;
}

QString RtPlaceKey::looseNameKey( const QString &name )
{
  const QString s = stripUnitPrefix( name ).normalized( QString::NormalizationForm_D );
  QString out;
  out.reserve( s.size() );
  for ( const QChar c : s )
  {
    if ( isMark( c ) )
      continue;
    if ( c == QChar( 0x0111 ) || c == QChar( 0x0110 ) ) // đ Đ have no decomposition
      out.append( QLatin1Char( 'd' ) );
    else if ( c.isLetterOrNumber() )
      out.append( c.toLower() );
  }
  return out;
}

RtPlaceKey::Keys RtPlaceKey::featureKeys( const QStringList &values, Match match )
{
  Keys keys;
  KeyBuffer strict;
  if ( tierKey( strict, values, match, false ) )
    keys.strict = toString( strict );
  KeyBuffer loose;
  if ( match == Match::Name && tierKey( loose, values, match, true ) )
    keys.loose = toString( loose );
  return keys;
}

RtPlaceKey::Keys RtPlaceKey::linkKeys( const QString &key, int partCount, Match match )
{
  Keys keys;
  KeyBuffer strict;
  if ( linkTierKey( strict, key, partCount, match, false ) )
    keys.strict = toString( strict );
  KeyBuffer loose;
  if ( match == Match::Name && linkTierKey( loose, key, partCount, match, true ) )
    keys.loose = toString( loose );
  return keys;
}

RtPlaceKeyIndex::RtPlaceKeyIndex( RtPlaceKey::Match match, int partCount )
  : mMatch( match )
  , mPartCount( partCount < 1 ? 1 : partCount )
{
}

void RtPlaceKeyIndex::Table::build( const std::vector<quint64> &hashes )
{
  // Linear probing at most half full; features sharing a key sit in one probe run. A cell
  // keeps the high half of the hash, so a probe rarely needs to look at a feature.
  quint64 capacity = 16;
  while ( capacity < 2 * static_cast<quint64>( hashes.size() ) )
    capacity *= 2;
  mask = capacity - 1;
  cells.assign( capacity, 0 );
  for ( size_t i = 0; i < hashes.size(); ++i )
  {
    const quint64 h = hashes[i];
    if ( h == 0 )
      continue;
    quint64 pos = h & mask;
    while ( cells[pos] != 0 )
      pos = ( pos + 1 ) & mask;
    cells[pos] = ( h & 0xffffffff00000000ULL ) | ( static_cast<quint64>( i ) + 1 );
  }
}

void RtPlaceKeyIndex::build( int count, const ValuesOf &valuesOf, int threads )
{
  const bool byName = mMatch == RtPlaceKey::Match::Name;
  const int slices = sliceCount( count, std::max( 1, threads ) );
  mSliceSize = std::max( 1, count / slices + ( count % slices ? 1 : 0 ) );
  mStrict = Table();
  mLoose = Table();
  std::vector<quint64> hashes[2];
  Table *tables[2] = { &mStrict, byName ? &mLoose : nullptr };
  for ( int tier = 0; tier < 2; ++tier )
  {
    if ( !tables[tier] )
      continue;
    hashes[tier].assign( static_cast<size_t>( count ), 0 );
    tables[tier]->offsets.assign( static_cast<size_t>( count ) + 1, 0 );
    tables[tier]->chars.resize( static_cast<size_t>( slices ) );
  }
  // Each slice keeps its keys in its own buffer; offsets count from the start of the slice.
  parallelSlices( count, slices, [&]( int slice, int begin, int end )
  {
    KeyBuffer key;
    for ( int tier = 0; tier < 2; ++tier )
    {
      if ( !tables[tier] )
        continue;
      std::vector<QChar> &chars = tables[tier]->chars[static_cast<size_t>( slice )];
      chars.reserve( static_cast<size_t>( end - begin ) * 16 );
      std::vector<quint32> &offsets = tables[tier]->offsets;
      std::vector<quint64> &tierHashes = hashes[tier];
      for ( int i = begin; i < end; ++i )
      {
        key.clear();
        if ( tierKey( key, valuesOf( i ), mMatch, tier == 1 ) )
        {
          tierHashes[static_cast<size_t>( i )] = hashKey( key );
          chars.insert( chars.end(), key.constBegin(), key.constEnd() );
        }
        offsets[static_cast<size_t>( i ) + 1] = static_cast<quint32>( chars.size() );
      }
    }
  } );
  for ( int tier = 0; tier < 2; ++tier )
    if ( tables[tier] )
      tables[tier]->build( hashes[tier] );
}

void RtPlaceKeyIndex::findOnTier( const QVector<QStringView> &keys, const std::vector<int> &pending, bool loose,
                                  Matches &matches, int threads ) const
{
  const Table &table = loose ? mLoose : mStrict;
  if ( table.cells.empty() || pending.empty() )
    return;
  const int count = static_cast<int>( pending.size() );
  const int slices = sliceCount( count, threads );
  // 1. Each pending key normalised into one flat buffer, hashed, and its table candidates
  //    (same high half of the hash) collected as (feature, pending number) pairs.
  std::vector<QChar> chars;
  std::vector<quint32> offsets( static_cast<size_t>( count ) + 1, 0 );
  std::vector<quint64> hashes( static_cast<size_t>( count ), 0 );
  {
    KeyBuffer key;
    chars.reserve( static_cast<size_t>( count ) * 16 );
    for ( int k = 0; k < count; ++k )
    {
      key.clear();
      if ( linkTierKey( key, keys.at( pending[static_cast<size_t>( k )] ), mPartCount, mMatch, loose ) )
      {
        hashes[static_cast<size_t>( k )] = hashKey( key );
        chars.insert( chars.end(), key.constBegin(), key.constEnd() );
      }
      offsets[static_cast<size_t>( k ) + 1] = static_cast<quint32>( chars.size() );
    }
  }
  std::vector<std::vector<quint64>> sliceCandidates( static_cast<size_t>( slices ) );
  parallelSlices( count, slices, [&]( int slice, int begin, int end )
  {
    std::vector<quint64> &out = sliceCandidates[static_cast<size_t>( slice )];
    out.reserve( static_cast<size_t>( end - begin ) );
    for ( int k = begin; k < end; ++k )
    {
      const quint64 h = hashes[static_cast<size_t>( k )];
      if ( h == 0 )
        continue;
      const quint64 high = h & 0xffffffff00000000ULL;
      for ( quint64 pos = h & table.mask; table.cells[pos] != 0; pos = ( pos + 1 ) & table.mask )
        if ( ( table.cells[pos] & 0xffffffff00000000ULL ) == high )
          out.push_back( ( ( table.cells[pos] & 0xffffffffULL ) - 1 ) << 32 | static_cast<quint32>( k ) );
    }
  } );
  std::vector<quint64> candidates;
  for ( std::vector<quint64> &c : sliceCandidates )
    candidates.insert( candidates.end(), c.begin(), c.end() );
  std::vector<std::vector<quint64>>().swap( sliceCandidates );

  // 2. Confirmed with the keys themselves, in feature order (the stored keys are then read
  //    forwards), so a hash collision never links a wrong feature.
  std::sort( candidates.begin(), candidates.end() );
  std::vector<quint8> confirmed( candidates.size(), 0 );
  parallelSlices( static_cast<int>( candidates.size() ), sliceCount( static_cast<int>( candidates.size() ), threads ),
                  [&]( int, int begin, int end )
  {
    for ( int c = begin; c < end; ++c )
    {
      const size_t feature = static_cast<size_t>( candidates[static_cast<size_t>( c )] >> 32 );
      const size_t k = static_cast<size_t>( candidates[static_cast<size_t>( c )] & 0xffffffffULL );
      // The first feature of a slice starts its buffer at 0, whatever offsets[feature] holds.
      const quint32 begin = feature % static_cast<size_t>( mSliceSize ) == 0 ? 0 : table.offsets[feature];
      const quint32 length = table.offsets[feature + 1] - begin;
      const std::vector<QChar> &stored = table.chars[feature / static_cast<size_t>( mSliceSize )];
      confirmed[static_cast<size_t>( c )] = length == offsets[k + 1] - offsets[k]
                                            && std::equal( stored.begin() + begin, stored.begin() + begin + length, chars.begin() + offsets[k] );
    }
  } );
  // 3. One answer per key; candidates come in feature order, so ambiguous lists are sorted.
  const Tier tier = loose ? Tier::Loose : Tier::Strict;
  for ( size_t c = 0; c < candidates.size(); ++c )
  {
    if ( !confirmed[c] )
      continue;
    const int feature = static_cast<int>( candidates[c] >> 32 );
    const int key = pending[static_cast<size_t>( candidates[c] & 0xffffffffULL )];
    int &answer = matches.feature[static_cast<size_t>( key )];
    matches.tier[static_cast<size_t>( key )] = tier;
    if ( answer == -1 )
      answer = feature;
    else if ( answer >= 0 )
    {
      matches.several.insert( key, QVector<int> { answer, feature } );
      answer = -2;
    }
    else
      matches.several[key].append( feature );
  }
}

RtPlaceKeyIndex::Matches RtPlaceKeyIndex::findAll( const QVector<QStringView> &keys, int threads ) const
{
  Matches matches;
  const size_t count = static_cast<size_t>( keys.size() );
  matches.feature.assign( count, -1 );
  matches.tier.assign( count, Tier::None );
  std::vector<int> pending( count );
  for ( size_t k = 0; k < count; ++k )
    pending[k] = static_cast<int>( k );
  findOnTier( keys, pending, false, matches, std::max( 1, threads ) );
  if ( mMatch != RtPlaceKey::Match::Name )
    return matches;
  // The loose tier only for keys no strict key answered. Without diacritics "Hải Hà" and
  // "Hài Hà" look alike: several loose matches make the key ambiguous, never a pick.
  pending.clear();
  for ( size_t k = 0; k < count; ++k )
    if ( matches.feature[k] == -1 )
      pending.push_back( static_cast<int>( k ) );
  findOnTier( keys, pending, true, matches, std::max( 1, threads ) );
  return matches;
}

QVector<int> RtPlaceKeyIndex::find( const QString &key, Tier *tier ) const
{
  const Matches matches = findAll( QVector<QStringView> { QStringView( key ) } );
  if ( tier )
    *tier = matches.tier.front();
  const int feature = matches.feature.front();
  if ( feature == -1 )
    return QVector<int>();
  if ( feature >= 0 )
    return QVector<int> { feature };
  return matches.several.value( 0 );
}
