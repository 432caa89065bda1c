#include "rtencoding.h"
#include "rttr.h"

#include <QRegularExpression>
#include <QVector>

#include <algorithm>
#include <cerrno>
#include <iconv.h>

namespace
{
  // A legacy decoding is trusted only when it reads as Vietnamese, clearly better than the
  // others, on enough words to tell.
  const int sMinEvidenceWords = 20;
  const double sMinScore = 0.80;
  const double sMinMargin = 0.30;

  const ushort sReplacement = 0xFFFD;

  //! Windows-1252 0x80–0x9F: the punctuation legacy Vietnamese fonts kept in those places.
  const ushort sCp1252High[32] = {
    0x20AC, sReplacement, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, sReplacement, 0x017D, sReplacement,
    sReplacement, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, sReplacement, 0x017E, 0x0178
  };

  /**
   * TCVN3 (ABC, TCVN 5712:1993 VN3), bytes 0xA0–0xFF. Capitals with a tone mark have no
   * code of their own: ABC's capital fonts (.VnTimeH) draw the lower-case codes as capitals.
   * Cross-checked against glibc's TCVN5712-1 (VN1) on every letter position (test_encoding).
   */
  const ushort sTcvn3High[96] = {
    // 0xA0
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, sReplacement,
    // 0xB0
    sReplacement, sReplacement, sReplacement, sReplacement, sReplacement, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1, sReplacement, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, sReplacement,
    // 0xC0
    sReplacement, sReplacement, sReplacement, sReplacement, sReplacement, sReplacement, 0x1EB7, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, sReplacement, 0x1EBB, 0x1EBD,
    // 0xD0
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9, sReplacement, sReplacement, sReplacement, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    // 0xE0
    sReplacement, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    // 0xF0
    sReplacement, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, sReplacement,
  };

  ushort legacyPunctuation( unsigned char b )
  {
    if ( b >= 0x80 && b <= 0x9F )
      return sCp1252High[b - 0x80];
    return b; // Latin-1
  }

  // ---- VNI-Windows ----------------------------------------------------------------
  // A letter is written as its base and one mark byte after it; the mark byte's case does
  // not matter (the base letter's case decides). Combining marks, composed by NFC later.
  const ushort sGrave = 0x0300, sAcute = 0x0301, sTilde = 0x0303, sHook = 0x0309, sDot = 0x0323;
  const ushort sCircumflex = 0x0302, sBreve = 0x0306;

  //! The tone a VNI mark byte adds to any vowel (ø ù û õ ï), or 0.
  ushort vniTone( unsigned char b )
  {
    switch ( b )
    {
      case 0xF8: case 0xD8: return sGrave;
      case 0xF9: case 0xD9: return sAcute;
      case 0xFB: case 0xDB: return sHook;
      case 0xF5: case 0xD5: return sTilde;
      case 0xEF: case 0xCF: return sDot;
      default: return 0;
    }
  }

  //! The tone of a circumflex-and-tone byte (à á å ã ä) after a, e, o; 0 for none.
  ushort vniCircumflexTone( unsigned char b )
  {
    switch ( b )
    {
      case 0xE0: case 0xC0: return sGrave;
      case 0xE1: case 0xC1: return sAcute;
      case 0xE5: case 0xC5: return sHook;
      case 0xE3: case 0xC3: return sTilde;
      case 0xE4: case 0xC4: return sDot;
      default: return 0;
    }
  }

  //! The tone of a breve-and-tone byte (è é ú ü ë) after a; 0 for none.
  ushort vniBreveTone( unsigned char b )
  {
    switch ( b )
    {
      case 0xE8: case 0xC8: return sGrave;
      case 0xE9: case 0xC9: return sAcute;
      case 0xFA: case 0xDA: return sHook;
      case 0xFC: case 0xDC: return sTilde;
      case 0xEB: case 0xCB: return sDot;
      default: return 0;
    }
  }

  //! Letters VNI writes in one byte: ì í ỉ ĩ ị ơ ư đ ỵ and their capitals; 0 otherwise.
  ushort vniSingle( unsigned char b )
  {
    switch ( b )
    {
      case 0xEC: return 0x00EC; case 0xCC: return 0x00CC; // ì Ì
      case 0xED: return 0x00ED; case 0xCD: return 0x00CD; // í Í
      case 0xE6: return 0x1EC9; case 0xC6: return 0x1EC8; // ỉ Ỉ
      case 0xF3: return 0x0129; case 0xD3: return 0x0128; // ĩ Ĩ
      case 0xF2: return 0x1ECB; case 0xD2: return 0x1ECA; // ị Ị
      case 0xF4: return 0x01A1; case 0xD4: return 0x01A0; // ơ Ơ
      case 0xF6: return 0x01B0; case 0xD6: return 0x01AF; // ư Ư
      case 0xF1: return 0x0111; case 0xD1: return 0x0110; // đ Đ
      case 0xEE: return 0x1EF5; case 0xCE: return 0x1EF4; // ỵ Ỵ
      default: return 0;
    }
  }

  bool isVowelChar( ushort c )
  {
    switch ( c )
    {
      case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
      case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
      case 0x01A1: case 0x01A0: case 0x01B0: case 0x01AF:
        return true;
      default:
        return false;
    }
  }

  // ---- detection helpers --------------------------------------------------------------

  //! Offset of the first byte that breaks UTF-8, or -1; counts the valid multi-byte letters.
  int firstInvalidUtf8( const QByteArray &b, int *multiByte = nullptr, int *invalid = nullptr )
  {
    const int n = b.size();
    int first = -1;
    int good = 0;
    int bad = 0;
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
      bool ok = len > 0 && i + len <= n;
      for ( int k = 1; ok && k < len; ++k )
      {
        const unsigned char cc = static_cast<unsigned char>( b.at( i + k ) );
        ok = ( cc & 0xC0 ) == 0x80;
        cp = ( cp << 6 ) | ( cc & 0x3F );
      }
      // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
      if ( ok && ( ( len == 3 && cp < 0x800 ) || ( len == 4 && ( cp < 0x10000 || cp > 0x10FFFF ) ) || ( cp >= 0xD800 && cp <= 0xDFFF ) ) )
        ok = false;
      if ( ok )
      {
        ++good;
        i += len;
      }
      else
      {
        if ( first < 0 )
          first = i;
        ++bad;
        if ( !multiByte && !invalid )
          break;
        ++i;
      }
    }
    if ( multiByte )
      *multiByte = good;
    if ( invalid )
      *invalid = bad;
    return first;
  }

  //! "line L, column C" of byte \a offset (columns count letters, not bytes).
  QString bytePlace( const QByteArray &bytes, int offset )
  {
    const int line = bytes.left( offset ).count( '\n' ) + 1;
    const int lineStart = bytes.lastIndexOf( '\n', offset - 1 ) + 1;
    const int column = QString::fromUtf8( bytes.constData() + lineStart, offset - lineStart ).size() + 1;
    return rtMsg( "RtEncoding", "line %1, column %2" ).arg( line ).arg( column );
  }

  QString charPlace( const QString &text, int offset )
  {
    const int line = text.left( offset ).count( QLatin1Char( '\n' ) ) + 1;
    const int lineStart = text.lastIndexOf( QLatin1Char( '\n' ), offset - 1 ) + 1;
    return rtMsg( "RtEncoding", "line %1, column %2" ).arg( line ).arg( offset - lineStart + 1 );
  }

  QString nulMessage( const QString &sourceName, const QString &place )
  {
    return rtMsg( "RtEncoding", "%1 contains a NUL byte at %2: a text has none. Is the file damaged, or not a text? "
                           "Remove it (or save the document again as text) and import again" ).arg( sourceName, place );
  }

  bool isControlByte( unsigned char c )
  {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A;
  }

  //! UTF-16 told by its NUL bytes: most ASCII letters leave a zero high byte.
  RtEncoding::Encoding utf16ByNuls( const QByteArray &bytes )
  {
    const int n = std::min<int>( bytes.size(), 8192 ) & ~1;
    if ( n < 4 )
      return RtEncoding::Encoding::Auto;
    int even = 0;
    int odd = 0;
    for ( int i = 0; i < n; ++i )
      if ( bytes.at( i ) == 0 )
        ( i % 2 ? odd : even )++;
    const int half = n / 2;
    if ( odd >= half * 3 / 10 && even <= half / 50 )
      return RtEncoding::Encoding::Utf16LE;
    if ( even >= half * 3 / 10 && odd <= half / 50 )
      return RtEncoding::Encoding::Utf16BE;
    return RtEncoding::Encoding::Auto;
  }

  RtResult<QString> decodeUtf16( const QByteArray &bytes, bool littleEndian, const QString &sourceName )
  {
    int start = 0;
    if ( bytes.startsWith( littleEndian ? "\xFF\xFE" : "\xFE\xFF" ) )
      start = 2;
    if ( ( bytes.size() - start ) % 2 )
      return RtResult<QString>::failure( rtMsg( "RtEncoding", "%1 reads as UTF-16 text but has an odd number of bytes: it is cut short or damaged" ).arg( sourceName ) );
    QString text;
    text.resize( ( bytes.size() - start ) / 2 );
    for ( int i = 0; i < text.size(); ++i )
    {
      const unsigned char a = static_cast<unsigned char>( bytes.at( start + 2 * i ) );
      const unsigned char b = static_cast<unsigned char>( bytes.at( start + 2 * i + 1 ) );
      text[i] = QChar( static_cast<ushort>( littleEndian ? ( b << 8 ) | a : ( a << 8 ) | b ) );
    }
    for ( int i = 0; i < text.size(); ++i )
    {
      const QChar c = text.at( i );
      if ( c.isHighSurrogate() && i + 1 < text.size() && text.at( i + 1 ).isLowSurrogate() )
      {
        ++i;
        continue;
      }
      if ( c.isSurrogate() )
        return RtResult<QString>::failure( rtMsg( "RtEncoding", "%1 is not valid UTF-16 text (a broken surrogate pair at %2)" ).arg( sourceName, charPlace( text, i ) ) );
    }
    return RtResult<QString>::success( text );
  }

  /**
   * ABC's capital fonts draw lower-case codes as capitals, so capitals come out in lower
   * case. In each cell of a line (split at tabs and pipes), a run written in capitals (words
   * with digits or '/' aside: codes like 45/NQ-HĐND) is all capitals: no ASCII lower case and
   * half its words with two ASCII capitals or more. Elsewhere a word with two ASCII capitals
   * and no ASCII lower case is.
   */
  QString restoreTcvn3Capitals( const QString &text, int *changedLines )
  {
    static const QRegularExpression sCellSeparator( QStringLiteral( "([\\t|])" ) );
    static const QRegularExpression sSpace( QStringLiteral( "\\s+" ) );
    auto asciiCaps = []( const QString &w ) { int n = 0; for ( const QChar c : w ) n += c.unicode() < 0x80 && c.isUpper() ? 1 : 0; return n; };
    auto asciiLower = []( const QString &w ) { int n = 0; for ( const QChar c : w ) n += c.unicode() < 0x80 && c.isLower() ? 1 : 0; return n; };
    auto isCode = []( const QString &w ) { for ( const QChar c : w ) if ( c.isDigit() || c == QLatin1Char( '/' ) ) return true; return false; };
    auto hasLetter = []( const QString &w ) { for ( const QChar c : w ) if ( c.isLetter() ) return true; return false; };
    auto restoreCell = [&]( const QString &cell ) {
      // words and the white space between them, kept
      QStringList parts;
      int at = 0;
      auto it = sSpace.globalMatch( cell );
      while ( it.hasNext() )
      {
        const QRegularExpressionMatch m = it.next();
        parts << cell.mid( at, m.capturedStart() - at ) << m.captured( 0 );
        at = m.capturedEnd();
      }
      parts << cell.mid( at );
      int words = 0;
      int capsWords = 0;
      bool anyLower = false;
      for ( int k = 0; k < parts.size(); k += 2 )
      {
        const QString &w = parts.at( k );
        if ( w.isEmpty() || isCode( w ) || !hasLetter( w ) )
          continue;
        ++words;
        capsWords += asciiCaps( w ) >= 2 ? 1 : 0;
        anyLower |= asciiLower( w ) > 0;
      }
      const bool capsRun = words >= 2 && !anyLower && capsWords * 2 >= words;
      for ( int k = 0; k < parts.size(); k += 2 )
      {
        const QString &w = parts.at( k );
        if ( w.isEmpty() || isCode( w ) )
          continue;
        if ( ( capsRun && hasLetter( w ) ) || ( asciiCaps( w ) >= 2 && asciiLower( w ) == 0 ) )
          parts[k] = w.toUpper();
      }
      return parts.join( QString() );
    };

    QStringList lines = text.split( QLatin1Char( '\n' ) );
    int changed = 0;
    for ( QString &line : lines )
    {
      QString out;
      int at = 0;
      auto it = sCellSeparator.globalMatch( line );
      while ( it.hasNext() )
      {
        const QRegularExpressionMatch m = it.next();
        out += restoreCell( line.mid( at, m.capturedStart() - at ) ) + m.captured( 0 );
        at = m.capturedEnd();
      }
      out += restoreCell( line.mid( at ) );
      if ( out != line )
      {
        line = out;
        ++changed;
      }
    }
    if ( changedLines )
      *changedLines = changed;
    return lines.join( QLatin1Char( '\n' ) );
  }

  struct Candidate
  {
    RtEncoding::Encoding encoding;
    QString text;
    double score = 0;
    int words = 0;
  };

  QString mojibakeCheck( const QString &text, const QString &sourceName )
  {
    // Legacy text once decoded as Windows-1252 and saved as UTF-8 is valid UTF-8 but has no
    // Vietnamese letters outside Latin-1 ("Nghò quyeát" instead of "Nghị quyết").
    int specific = 0;
    int latin1 = 0;
    for ( const QChar c : text )
    {
      const ushort u = c.unicode();
      if ( ( u >= 0x1EA0 && u <= 0x1EF9 ) || u == 0x0103 || u == 0x0102 || u == 0x0111 || u == 0x0110
           || u == 0x01A1 || u == 0x01A0 || u == 0x01B0 || u == 0x01AF )
        ++specific;
      else if ( u >= 0x80 && u <= 0xFF )
        ++latin1;
    }
    if ( specific == 0 && latin1 >= 10 )
    {
      // Which legacy encoding: the Latin-1 letters are its bytes.
      QByteArray bytes;
      for ( const QChar c : text )
        bytes.append( c.unicode() <= 0xFF ? static_cast<char>( c.unicode() ) : ' ' );
      int words = 0;
      const double vni = RtEncoding::vietnameseScore( RtEncoding::decodeVni( bytes ).normalized( QString::NormalizationForm_C ), &words );
      const double tcvn3 = RtEncoding::vietnameseScore( RtEncoding::decodeTcvn3( bytes ), &words );
      const QString looksLike = vni > tcvn3 ? rtMsg( "RtEncoding", "VNI-encoded Vietnamese" ) : rtMsg( "RtEncoding", "TCVN3 (ABC)-encoded Vietnamese" );
      return rtMsg( "RtEncoding", "%1 is UTF-8 but contains no Vietnamese letters, only Latin-1 ones: it looks like %2 "
                             "that was decoded as Windows-1252. Convert the original file to Unicode UTF-8 "
                             "(for example with UniKey's converter) and import again" ).arg( sourceName, looksLike );
    }
    return QString();
  }
}

QString RtEncoding::name( Encoding encoding )
{
  switch ( encoding )
  {
    case Encoding::Auto: return QStringLiteral( "auto" );
    case Encoding::Utf8: return QStringLiteral( "UTF-8" );
    case Encoding::Utf16LE: return QStringLiteral( "UTF-16LE" );
    case Encoding::Utf16BE: return QStringLiteral( "UTF-16BE" );
    case Encoding::Windows1258: return QStringLiteral( "Windows-1258" );
    case Encoding::Tcvn3: return QStringLiteral( "TCVN3 (ABC)" );
    case Encoding::Vni: return QStringLiteral( "VNI-Windows" );
  }
  return QString();
}

QString RtEncoding::knownNames()
{
  return QStringLiteral( "utf-8, utf-16le, utf-16be, windows-1258 (cp1258), tcvn3 (abc), vni" );
}

RtResult<RtEncoding::Encoding> RtEncoding::fromName( const QString &name )
{
  QString n = name.trimmed().toLower();
  n.remove( QLatin1Char( '-' ) ).remove( QLatin1Char( '_' ) ).remove( QLatin1Char( ' ' ) );
  if ( n == QLatin1String( "utf8" ) )
    return RtResult<Encoding>::success( Encoding::Utf8 );
  if ( n == QLatin1String( "utf16le" ) || n == QLatin1String( "utf16" ) )
    return RtResult<Encoding>::success( Encoding::Utf16LE );
  if ( n == QLatin1String( "utf16be" ) )
    return RtResult<Encoding>::success( Encoding::Utf16BE );
  if ( n == QLatin1String( "windows1258" ) || n == QLatin1String( "cp1258" ) || n == QLatin1String( "win1258" ) )
    return RtResult<Encoding>::success( Encoding::Windows1258 );
  if ( n == QLatin1String( "tcvn3" ) || n == QLatin1String( "abc" ) || n == QLatin1String( "tcvn" ) || n == QLatin1String( "tcvn3(abc)" ) )
    return RtResult<Encoding>::success( Encoding::Tcvn3 );
  if ( n == QLatin1String( "vni" ) || n == QLatin1String( "vniwindows" ) )
    return RtResult<Encoding>::success( Encoding::Vni );
  return RtResult<Encoding>::failure( rtMsg( "RtEncoding", "unknown encoding '%1'; known: %2" ).arg( name, knownNames() ) );
}

QString RtEncoding::decodeTcvn3( const QByteArray &bytes )
{
  QString out;
  out.reserve( bytes.size() );
  for ( const char ch : bytes )
  {
    const unsigned char b = static_cast<unsigned char>( ch );
    if ( b >= 0xA0 )
      out.append( QChar( sTcvn3High[b - 0xA0] ) );
    else
      out.append( QChar( legacyPunctuation( b ) ) );
  }
  return out;
}

QString RtEncoding::decodeVni( const QByteArray &bytes )
{
  QString out;
  out.reserve( bytes.size() );
  const int n = bytes.size();
  for ( int i = 0; i < n; ++i )
  {
    const unsigned char b = static_cast<unsigned char>( bytes.at( i ) );
    ushort base = b < 0x80 ? b : vniSingle( b );
    if ( !base )
    {
      out.append( QChar( legacyPunctuation( b ) ) );
      continue;
    }
    out.append( QChar( base ) );
    if ( !isVowelChar( base ) || i + 1 >= n )
      continue;
    const unsigned char m = static_cast<unsigned char>( bytes.at( i + 1 ) );
    const ushort lower = QChar( base ).toLower().unicode();
    const bool aeo = lower == 'a' || lower == 'e' || lower == 'o';
    if ( const ushort tone = vniTone( m ) )
      out.append( QChar( tone ) );
    else if ( aeo && ( m == 0xE2 || m == 0xC2 ) )
      out.append( QChar( sCircumflex ) );
    else if ( aeo && vniCircumflexTone( m ) )
      out.append( QChar( sCircumflex ) ).append( QChar( vniCircumflexTone( m ) ) );
    else if ( lower == 'a' && ( m == 0xEA || m == 0xCA ) )
      out.append( QChar( sBreve ) );
    else if ( lower == 'a' && vniBreveTone( m ) )
      out.append( QChar( sBreve ) ).append( QChar( vniBreveTone( m ) ) );
    else
      continue;
    ++i; // the mark byte is used
  }
  return out.normalized( QString::NormalizationForm_C );
}

RtResult<QString> RtEncoding::decodeWindows1258( const QByteArray &bytes )
{
  iconv_t cd = iconv_open( "UTF-8", "CP1258" );
  if ( cd == reinterpret_cast<iconv_t>( -1 ) )
    return RtResult<QString>::failure( RtErrorKind::Unavailable, rtMsg( "RtEncoding", "this system's iconv cannot convert Windows-1258 (CP1258)" ) );
  QByteArray in = bytes;
  QByteArray out;
  out.resize( bytes.size() * 4 + 16 );
  char *inPtr = in.data();
  size_t inLeft = static_cast<size_t>( in.size() );
  char *outPtr = out.data();
  size_t outLeft = static_cast<size_t>( out.size() );
  QString error;
  while ( inLeft > 0 )
  {
    if ( iconv( cd, &inPtr, &inLeft, &outPtr, &outLeft ) != static_cast<size_t>( -1 ) )
      continue;
    if ( errno == EILSEQ || errno == EINVAL )
    {
      // CP1258 leaves 0x81, 0x8A, 0x8D–0x90, 0x9A, 0x9D, 0x9E undefined: keep a mark in their place.
      const char replacement[] = "\xEF\xBF\xBD";
      if ( outLeft < 3 )
        break;
      std::copy( replacement, replacement + 3, outPtr );
      outPtr += 3;
      outLeft -= 3;
      ++inPtr;
      --inLeft;
      continue;
    }
    error = rtMsg( "RtEncoding", "iconv failed (errno %1)" ).arg( errno );
    break;
  }
  // flush a pending base letter
  iconv( cd, nullptr, nullptr, &outPtr, &outLeft );
  iconv_close( cd );
  if ( !error.isEmpty() )
    return RtResult<QString>::failure( error );
  out.resize( static_cast<int>( outPtr - out.data() ) );
  return RtResult<QString>::success( QString::fromUtf8( out ).normalized( QString::NormalizationForm_C ) );
}

bool RtEncoding::isVietnameseSyllable( const QString &word )
{
  static const QRegularExpression sSyllable( QStringLiteral(
                                               "^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
                                               "(uyê|uyu|uya|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi"
                                               "|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)"
                                               "(ch|nh|ng|c|m|n|p|t)?$" ) );
  const QString decomposed = word.toLower().normalized( QString::NormalizationForm_D );
  QString base;
  ushort tone = 0;
  for ( const QChar c : decomposed )
  {
    const ushort u = c.unicode();
    if ( u == sGrave || u == sAcute || u == sTilde || u == sHook || u == sDot )
    {
      if ( tone )
        return false; // two tone marks
      tone = u;
      continue;
    }
    base.append( c );
  }
  base = base.normalized( QString::NormalizationForm_C );
  const QRegularExpressionMatch m = sSyllable.match( base );
  if ( !m.hasMatch() )
    return false;
  // Spelling: k, gh, ngh before i, e, ê (k also y); c, g, ng not there; q only as qu.
  const QString initial = m.captured( 1 );
  const QString nucleus = m.captured( 2 );
  const bool front = nucleus.startsWith( QLatin1Char( 'i' ) ) || nucleus.startsWith( QLatin1Char( 'e' ) ) || nucleus.startsWith( QChar( 0x00EA ) );
  if ( initial == QLatin1String( "k" ) && !front && !nucleus.startsWith( QLatin1Char( 'y' ) ) )
    return false;
  if ( ( initial == QLatin1String( "gh" ) || initial == QLatin1String( "ngh" ) ) && !front )
    return false;
  if ( ( initial == QLatin1String( "c" ) || initial == QLatin1String( "ng" ) ) && ( front || nucleus.startsWith( QLatin1Char( 'y' ) ) ) )
    return false;
  if ( initial == QLatin1String( "g" ) && !nucleus.startsWith( QLatin1Char( 'i' ) ) && front )
    return false; // "gì" is gi + ì; "ge" is not written
  // A syllable closed by a stop (c, ch, p, t) carries the rising or the heavy tone.
  const QString final = m.captured( 3 );
  if ( ( final == QLatin1String( "c" ) || final == QLatin1String( "ch" ) || final == QLatin1String( "p" ) || final == QLatin1String( "t" ) )
       && tone != sAcute && tone != sDot )
    return false;
  return true;
}

double RtEncoding::vietnameseScore( const QString &text, int *words )
{
  int evaluated = 0;
  int valid = 0;
  QString token;
  auto finish = [&]() {
    bool nonAscii = false;
    for ( const QChar c : token )
      nonAscii |= c.unicode() >= 0x80;
    if ( nonAscii )
    {
      ++evaluated;
      bool letters = true;
      for ( const QChar c : token )
        letters &= c.isLetter() || c.isMark();
      if ( letters && isVietnameseSyllable( token ) )
        ++valid;
    }
    token.clear();
  };
  for ( const QChar c : text )
  {
    const ushort u = c.unicode();
    // Separators: white space, ASCII punctuation and digits, typographic punctuation.
    const bool separator = c.isSpace() || ( u < 0x80 && !c.isLetter() ) || ( u >= 0x2010 && u <= 0x206F ) || u == 0x00A0 || u == 0x00AB || u == 0x00BB;
    if ( separator )
    {
      if ( !token.isEmpty() )
        finish();
    }
    else
      token.append( c );
  }
  if ( !token.isEmpty() )
    finish();
  if ( words )
    *words = evaluated;
  return evaluated ? static_cast<double>( valid ) / evaluated : 0.0;
}

RtResult<RtDecodedText> RtEncoding::decode( const QByteArray &bytes, const QString &sourceName, Encoding forced )
{
  using Result = RtResult<RtDecodedText>;
  if ( bytes.trimmed().isEmpty() )
    return Result::failure( rtMsg( "RtEncoding", "%1 is empty: expected the text of a resolution (plain text, PDF or DOCX)" ).arg( sourceName ) );

  RtDecodedText d;
  Encoding encoding = forced;
  if ( encoding == Encoding::Auto )
  {
    if ( bytes.startsWith( "\xEF\xBB\xBF" ) )
      encoding = Encoding::Utf8;
    else if ( bytes.startsWith( "\xFF\xFE" ) )
      encoding = Encoding::Utf16LE;
    else if ( bytes.startsWith( "\xFE\xFF" ) )
      encoding = Encoding::Utf16BE;
    else
    {
      encoding = utf16ByNuls( bytes );
      if ( encoding != Encoding::Auto )
        d.notes << rtMsg( "RtEncoding", "converted from %1 (no byte order mark: told by its NUL bytes)" ).arg( name( encoding ) );
    }
  }
  else
    d.notes << rtMsg( "RtEncoding", "read as %1, as asked (--encoding)" ).arg( name( encoding ) );

  // UTF-16 --------------------------------------------------------------------------------
  if ( encoding == Encoding::Utf16LE || encoding == Encoding::Utf16BE )
  {
    RtResult<QString> text = decodeUtf16( bytes, encoding == Encoding::Utf16LE, sourceName );
    if ( !text.ok() )
      return Result::failureFrom( text );
    const int nul = text.value().indexOf( QChar( 0 ) );
    if ( nul >= 0 )
      return Result::failure( nulMessage( sourceName, charPlace( text.value(), nul ) ) );
    d.text = text.value();
    if ( d.text.startsWith( QChar( 0xFEFF ) ) )
      d.text.remove( 0, 1 );
    d.text = d.text.normalized( QString::NormalizationForm_C );
    d.encoding = name( encoding );
    d.converted = true;
    if ( d.notes.isEmpty() )
      d.notes << rtMsg( "RtEncoding", "converted from %1" ).arg( name( encoding ) );
    return Result::success( d );
  }

  // Binary data and NUL bytes: refused before anything reads them as letters. --------------
  {
    const int sample = std::min<int>( bytes.size(), 65536 );
    int controls = 0;
    for ( int i = 0; i < sample; ++i )
      controls += isControlByte( static_cast<unsigned char>( bytes.at( i ) ) ) ? 1 : 0;
    if ( controls > std::max( 8, sample / 100 ) )
      return Result::failure( rtMsg( "RtEncoding", "%1 is binary data, not a text: %2 control bytes in its first %3 bytes. "
                                              "Expected the plain text, PDF or DOCX of a resolution" )
                              .arg( sourceName ).arg( controls ).arg( sample ) );
    const int nul = bytes.indexOf( '\0' );
    if ( nul >= 0 )
      return Result::failure( nulMessage( sourceName, bytePlace( bytes, nul ) ) );
  }

  // UTF-8 ---------------------------------------------------------------------------------
  int multiByte = 0;
  int invalid = 0;
  const int bad = firstInvalidUtf8( bytes, &multiByte, &invalid );
  if ( encoding == Encoding::Utf8 || ( encoding == Encoding::Auto && bad < 0 ) )
  {
    if ( bad >= 0 )
      return Result::failure( rtMsg( "RtEncoding", "%1 is not UTF-8 text (byte 0x%2 at %3)" )
                              .arg( sourceName ).arg( static_cast<unsigned char>( bytes.at( bad ) ), 2, 16, QLatin1Char( '0' ) ).arg( bytePlace( bytes, bad ) ) );
    d.text = QString::fromUtf8( bytes );
    if ( d.text.startsWith( QChar( 0xFEFF ) ) )
      d.text.remove( 0, 1 );
    d.text = d.text.normalized( QString::NormalizationForm_C );
    d.encoding = name( Encoding::Utf8 );
    if ( forced == Encoding::Auto )
    {
      const QString mojibake = mojibakeCheck( d.text, sourceName );
      if ( !mojibake.isEmpty() )
        return Result::failure( mojibake );
    }
    return Result::success( d );
  }

  // Forced legacy encodings -----------------------------------------------------------------
  auto legacy = [&]( Encoding e ) -> RtResult<QString> {
    switch ( e )
    {
      case Encoding::Windows1258: return decodeWindows1258( bytes );
      case Encoding::Tcvn3: return RtResult<QString>::success( decodeTcvn3( bytes ) );
      case Encoding::Vni: return RtResult<QString>::success( decodeVni( bytes ) );
      default: return RtResult<QString>::failure( rtMsg( "RtEncoding", "not a legacy encoding" ) );
    }
  };
  auto finishLegacy = [&]( Encoding e, QString text ) {
    d.text = text.normalized( QString::NormalizationForm_C );
    d.encoding = name( e );
    d.converted = true;
    if ( e == Encoding::Tcvn3 )
    {
      int lines = 0;
      d.text = restoreTcvn3Capitals( d.text, &lines );
      if ( lines > 0 )
        d.notes << rtMsg( "RtEncoding", "capitals written with ABC's capital fonts (lower-case codes) restored in %1 line(s)" ).arg( lines );
    }
  };
  if ( encoding != Encoding::Auto )
  {
    RtResult<QString> text = legacy( encoding );
    if ( !text.ok() )
      return Result::failureFrom( text );
    finishLegacy( encoding, text.value() );
    return Result::success( d );
  }

  // Not UTF-8. A few broken bytes in UTF-8 text are damage, not another encoding.
  const QString where = rtMsg( "RtEncoding", "byte 0x%1 at %2" ).arg( static_cast<unsigned char>( bytes.at( bad ) ), 2, 16, QLatin1Char( '0' ) ).arg( bytePlace( bytes, bad ) );
  if ( multiByte >= 10 && multiByte >= 5 * invalid )
    return Result::failure( rtMsg( "RtEncoding", "%1 is not UTF-8 text: %2 breaks it, although the rest reads as UTF-8. "
                                            "Is the file cut in the middle of a letter, or damaged? Check it and import again" )
                            .arg( sourceName, where ) );

  QVector<Candidate> candidates;
  for ( const Encoding e : { Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni } )
  {
    RtResult<QString> text = legacy( e );
    if ( !text.ok() )
      continue;
    Candidate c;
    c.encoding = e;
    c.text = text.value().normalized( QString::NormalizationForm_C );
    c.score = vietnameseScore( c.text, &c.words );
    candidates << c;
  }
  std::sort( candidates.begin(), candidates.end(), []( const Candidate &a, const Candidate &b ) { return a.score > b.score; } );
  if ( !candidates.isEmpty() )
  {
    const Candidate &best = candidates.first();
    const double second = candidates.size() > 1 ? candidates.at( 1 ).score : 0.0;
    const int validWords = static_cast<int>( best.score * best.words + 0.5 );
    if ( best.score >= sMinScore && best.score - second >= sMinMargin && validWords >= sMinEvidenceWords )
    {
      finishLegacy( best.encoding, best.text );
      d.notes.prepend( rtMsg( "RtEncoding", "converted from %1 (%2 of %3 words with Vietnamese letters read as Vietnamese; next best %4 at %5%)" )
                       .arg( name( best.encoding ) ).arg( validWords ).arg( best.words )
                       .arg( candidates.size() > 1 ? name( candidates.at( 1 ).encoding ) : QStringLiteral( "none" ) )
                       .arg( qRound( second * 100 ) ) );
      return Result::success( d );
    }
  }
  QStringList readings;
  for ( const Candidate &c : candidates )
    readings << rtMsg( "RtEncoding", "%1 (%2 of %3 words Vietnamese)" ).arg( name( c.encoding ) ).arg( qRound( c.score * c.words ) ).arg( c.words );
  return Result::failure( rtMsg( "RtEncoding", "%1 is not UTF-8 text (%2) and its encoding cannot be told for certain; read as each "
                                          "candidate it gives: %3. Convert it to Unicode UTF-8 (for example with UniKey's converter), "
                                          "or name its encoding with --encoding (%4), and import again" )
                          .arg( sourceName, where, readings.join( QStringLiteral( ", " ) ), knownNames() ) );
}
