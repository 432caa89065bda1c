// RtEncoding: UTF-8/16, Windows-1258, TCVN3 (ABC) and VNI, told apart and converted only
// when certain, never misnamed.
#include "catch_compat.h"
#include "testutil.h"

#include "rtencoding.h"
#include "rtresolutionimporter.h"

#include <QRandomGenerator>

#include <iconv.h>

namespace
{
  QString corpus( const char *name ) { return RtTestPaths::sourceDir() + QStringLiteral( "/tests/data/corpus/" ) + QLatin1String( name ); }

  //! glibc's reading of \a bytes in \a encoding (empty when iconv refuses them).
  QString glibc( const char *encoding, const QByteArray &bytes )
  {
    iconv_t cd = iconv_open( "UTF-8", encoding );
    REQUIRE( cd != reinterpret_cast<iconv_t>( -1 ) );
    QByteArray in = bytes;
    QByteArray out( bytes.size() * 8 + 8, '\0' );
    char *inPtr = in.data();
    size_t inLeft = static_cast<size_t>( in.size() );
    char *outPtr = out.data();
    size_t outLeft = static_cast<size_t>( out.size() );
    const size_t rc = iconv( cd, &inPtr, &inLeft, &outPtr, &outLeft );
    iconv( cd, nullptr, nullptr, &outPtr, &outLeft );
    iconv_close( cd );
    if ( rc == static_cast<size_t>( -1 ) )
      return QString();
    return QString::fromUtf8( out.constData(), static_cast<int>( outPtr - out.constData() ) ).normalized( QString::NormalizationForm_C );
  }

  QByteArray utf16( const QString &text, bool littleEndian, bool bom )
  {
    QByteArray out;
    if ( bom )
      out += littleEndian ? QByteArray( "\xFF\xFE", 2 ) : QByteArray( "\xFE\xFF", 2 );
    for ( const QChar c : text )
    {
      const char lo = static_cast<char>( c.unicode() & 0xFF );
      const char hi = static_cast<char>( c.unicode() >> 8 );
      out.append( littleEndian ? lo : hi ).append( littleEndian ? hi : lo );
    }
    return out;
  }

  QString decodeError( const QByteArray &bytes )
  {
    const RtResult<RtDecodedText> r = RtEncoding::decode( bytes, QStringLiteral( "input.txt" ) );
    return r.ok() ? QString() : r.error();
  }
}

TEST_CASE( "the TCVN3 (ABC) table agrees with glibc's TCVN5712-1 on every letter ABC defines", "[encoding]" )
{
  int letters = 0;
  for ( int b = 0xA1; b <= 0xFE; ++b )
  {
    const QByteArray byte( 1, static_cast<char>( b ) );
    const QString ours = RtEncoding::decodeTcvn3( byte );
    REQUIRE( ours.size() == 1 );
    if ( ours.at( 0 ) == QChar( 0xFFFD ) )
      continue; // a place ABC leaves empty (VN1 puts capitals there)
    INFO( QStringLiteral( "byte 0x%1" ).arg( b, 2, 16 ).toStdString() );
    CHECK( ours == glibc( "TCVN5712-1", byte ) );
    ++letters;
  }
  // 7 capitals with their own code, 7 lower-case base letters, 60 lower-case letters with a tone
  CHECK( letters == 74 );
  // Where they differ: ABC texts carry Windows-1252 punctuation in 0x80-0x9F, VN1 capitals.
  CHECK( RtEncoding::decodeTcvn3( "\x93\x94\x96" ) == QStringLiteral( "“”–" ) );
  CHECK( glibc( "TCVN5712-1", "\x93" ) != QStringLiteral( "“" ) );
  CHECK( RtEncoding::decodeTcvn3( "Ngh\xde quy\xd5t s\xe8 12/NQ-H\xa7ND" ) == QStringLiteral( "Nghị quyết số 12/NQ-HĐND" ) );
}

TEST_CASE( "VNI-Windows: a base letter and its mark byte, capitals by the base letter", "[encoding]" )
{
  CHECK( RtEncoding::decodeVni( "Ngh\xf2 quye\xe1t so\xe1 12" ) == QStringLiteral( "Nghị quyết số 12" ) );
  CHECK( RtEncoding::decodeVni( "NGH\xd2 QUYE\xc1T" ) == QStringLiteral( "NGHỊ QUYẾT" ) );
  CHECK( RtEncoding::decodeVni( "\xd1ie\xe0u 1. \xf1" "a\xfbm ba\xfbo" ) == QStringLiteral( "Điều 1. đảm bảo" ) );
  CHECK( RtEncoding::decodeVni( "\xf6\xf4\xf9\x63 h\xe6 ho\x61\xeb\x63 kho\xe2ng" ) == QStringLiteral( "ước hỉ hoặc không" ) );
  CHECK( RtEncoding::decodeVni( "Tha\xe9ng n\xe6m, Vi\x65\xe4t Nam, y\xf9 ki\x65\xe1n, \xee" ) == QStringLiteral( "Thắng nỉm, Việt Nam, ý kiến, ỵ" ) );
}

TEST_CASE( "Windows-1258 through iconv: combining tone marks composed", "[encoding]" )
{
  const RtResult<QString> r = RtEncoding::decodeWindows1258( "Ngh\x69\xf2 quy\xea\xect s\xf4\xec 12 \xd0i\xea\xccu 1" );
  REQUIRE( r.ok() );
  CHECK( r.value() == QStringLiteral( "Nghị quyết số 12 Điều 1" ) );
}

TEST_CASE( "a well-formed Vietnamese syllable", "[encoding]" )
{
  for ( const char *w : { "nghị", "quyết", "người", "khuyến", "Nguyễn", "hoà", "hòa", "thuở", "giữa", "quý", "địa", "gì", "kế", "nghệ", "HĐND" } )
  {
    const QString word = QString::fromUtf8( w );
    INFO( word.toStdString() );
    CHECK( RtEncoding::isVietnameseSyllable( word ) == ( word != QStringLiteral( "HĐND" ) ) );
  }
  for ( const char *w : { "quyeát", "Nghò", "hoaø", "quyêt", "nghìt", "óà", "kà", "cê", "ngê", "ghà", "qa" } )
  {
    INFO( w );
    CHECK_FALSE( RtEncoding::isVietnameseSyllable( QString::fromUtf8( w ) ) );
  }
}

TEST_CASE( "a Windows-1258 file is converted and named Windows-1258", "[encoding][bad-input]" )
{
  // issue 8: a Windows-1258 file was refused and named "TCVN3 (ABC)"
  const QByteArray bytes = rtReadAll( corpus( "04-nq-ho-tro-nong-nghiep.txt" ) );
  REQUIRE( !bytes.isEmpty() );
  const RtResult<RtDecodedText> r = RtEncoding::decode( bytes, QStringLiteral( "04.txt" ) );
  REQUIRE( r.ok() );
  CHECK( r.value().encoding == QStringLiteral( "Windows-1258" ) );
  CHECK( r.value().converted );
  REQUIRE( !r.value().notes.isEmpty() );
  CHECK( r.value().notes.first().startsWith( QStringLiteral( "converted from Windows-1258" ) ) );
  CHECK( r.value().text.contains( QStringLiteral( "Hỗ trợ sản xuất lúa chất lượng cao" ) ) );
  CHECK_FALSE( r.value().notes.join( QLatin1Char( ' ' ) ).contains( QStringLiteral( "TCVN3" ) ) );
}

TEST_CASE( "TCVN3 and VNI files are converted and named", "[encoding]" )
{
  const RtResult<RtDecodedText> tcvn3 = RtEncoding::decode( rtReadAll( corpus( "05-nq-dieu-chinh-dau-tu-cong-2024.txt" ) ), QStringLiteral( "05.txt" ) );
  REQUIRE( tcvn3.ok() );
  CHECK( tcvn3.value().encoding == QStringLiteral( "TCVN3 (ABC)" ) );
  // ABC's capital fonts: the lower-case codes of a line in capitals are capitals again
  CHECK( tcvn3.value().text.contains( QStringLiteral( "ĐIỀU CHỈNH KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2024" ) ) );
  CHECK( tcvn3.value().text.contains( QStringLiteral( "Số: 62/NQ-HĐND" ) ) );
  const RtResult<RtDecodedText> vni = RtEncoding::decode( rtReadAll( corpus( "06-nq-xa-van-ninh-kt-xh-2024.txt" ) ), QStringLiteral( "06.txt" ) );
  REQUIRE( vni.ok() );
  CHECK( vni.value().encoding == QStringLiteral( "VNI-Windows" ) );
  CHECK( vni.value().text.contains( QStringLiteral( "Tỷ lệ hộ dân sử dụng nước sạch đạt từ 95% trở lên" ) ) );
}

TEST_CASE( "UTF-16 with and without a byte order mark is told by its bytes, never called TCVN3", "[encoding][bad-input]" )
{
  // issue 9, item 7: UTF-16 without a BOM was called "TCVN3 (ABC)"
  const QString text = QString::fromUtf8( rtReadAll( RtTestPaths::resolutionText() ) );
  REQUIRE( text.size() > 1000 );
  for ( const bool little : { true, false } )
    for ( const bool bom : { true, false } )
    {
      INFO( "little endian " << little << ", BOM " << bom );
      const RtResult<RtDecodedText> r = RtEncoding::decode( utf16( text, little, bom ), QStringLiteral( "u16.txt" ) );
      REQUIRE( r.ok() );
      CHECK( r.value().encoding == ( little ? QStringLiteral( "UTF-16LE" ) : QStringLiteral( "UTF-16BE" ) ) );
      CHECK( r.value().text == text.normalized( QString::NormalizationForm_C ) );
      CHECK( r.value().notes.join( QLatin1Char( ' ' ) ).contains( QStringLiteral( "converted from UTF-16" ) ) );
    }
  // and the whole resolution imports from it, tree unchanged
  const RtResult<RtImportReport> imported = RtResolutionImporter::importBytes( utf16( text, true, false ), QStringLiteral( "u16.txt" ) );
  REQUIRE( imported.ok() );
  CHECK( imported.value().encoding == QStringLiteral( "UTF-16LE" ) );
  CHECK( imported.value().resolution.findClause( { "Điều 1", "4.", "4.1.", "(10)", "(i7)" } ) );
}

TEST_CASE( "binary input is refused as binary, not named a Vietnamese encoding", "[encoding][bad-input]" )
{
  // issue 9, item 7: binary input was called "TCVN3 (ABC)"
  QByteArray binary( "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16 );
  QRandomGenerator random( 42 );
  for ( int i = 0; i < 4000; ++i )
    binary.append( static_cast<char>( random.bounded( 256 ) ) );
  const QString e = decodeError( binary );
  CHECK( e.contains( QStringLiteral( "is binary data, not a text" ) ) );
  CHECK_FALSE( e.contains( QStringLiteral( "TCVN3" ) ) );
  CHECK_FALSE( e.contains( QStringLiteral( "VNI" ) ) );
}

TEST_CASE( "a NUL byte is refused with its line and column", "[encoding][bad-input]" )
{
  // issue 9, item 4: the Qt 5 build called such a file truncated, the Qt 6 build stored U+0000
  const QByteArray text = QByteArray( "Số: 1/NQ-HĐND\nMóng Cái, ngày 1 tháng 2 năm 2024\nĐiều 1. " ) + QByteArray( "ab\0cd dung\n", 11 );
  REQUIRE( text.contains( '\0' ) );
  const RtResult<RtImportReport> r = RtResolutionImporter::importBytes( text, QStringLiteral( "nul.txt" ) );
  REQUIRE_FALSE( r.ok() );
  CHECK( r.error().contains( QStringLiteral( "nul.txt contains a NUL byte at line 3, column 11" ) ) );
  CHECK_FALSE( r.error().contains( QStringLiteral( "truncated" ) ) );
  // the same in UTF-16
  const QString withNul = QStringLiteral( "Số: 1/NQ-HĐND\nab" ) + QChar( 0 ) + QStringLiteral( "cd" );
  const RtResult<RtImportReport> r16 = RtResolutionImporter::importBytes( utf16( withNul, true, true ), QStringLiteral( "nul16.txt" ) );
  REQUIRE_FALSE( r16.ok() );
  CHECK( r16.error().contains( QStringLiteral( "NUL byte at line 2, column 3" ) ) );
}

TEST_CASE( "a legacy text too short to tell is refused with the candidates and --encoding, and read when named", "[encoding][bad-input]" )
{
  // "Nghị quyết về kết quả giám sát đát đài" in TCVN3: too few words to be certain
  const QByteArray shortText( "Ngh\xde quy\xd5t v\xd2 k\xd5t qu\xb6 gi\xb8m s\xb8t \xae\xb8t \xae\xb5i\n" );
  const QString e = decodeError( shortText );
  CHECK( e.contains( QStringLiteral( "is not UTF-8 text" ) ) );
  CHECK( e.contains( QStringLiteral( "cannot be told for certain" ) ) );
  CHECK( e.contains( QStringLiteral( "TCVN3 (ABC)" ) ) );
  CHECK( e.contains( QStringLiteral( "VNI-Windows" ) ) );
  CHECK( e.contains( QStringLiteral( "Windows-1258" ) ) );
  CHECK( e.contains( QStringLiteral( "--encoding" ) ) );
  const RtResult<RtEncoding::Encoding> named = RtEncoding::fromName( QStringLiteral( "ABC" ) );
  REQUIRE( named.ok() );
  const RtResult<RtDecodedText> forced = RtEncoding::decode( shortText, QStringLiteral( "short.txt" ), named.value() );
  REQUIRE( forced.ok() );
  INFO( forced.value().text.toStdString() );
  CHECK( forced.value().text.trimmed() == QStringLiteral( "Nghị quyết về kết quả giám sát đát đài" ) );
  CHECK( forced.value().notes.join( QLatin1Char( ' ' ) ).contains( QStringLiteral( "as asked" ) ) );
}

TEST_CASE( "encoding names a user may give", "[encoding]" )
{
  CHECK( RtEncoding::fromName( QStringLiteral( "utf-8" ) ).value() == RtEncoding::Encoding::Utf8 );
  CHECK( RtEncoding::fromName( QStringLiteral( "CP1258" ) ).value() == RtEncoding::Encoding::Windows1258 );
  CHECK( RtEncoding::fromName( QStringLiteral( "windows-1258" ) ).value() == RtEncoding::Encoding::Windows1258 );
  CHECK( RtEncoding::fromName( QStringLiteral( "tcvn3" ) ).value() == RtEncoding::Encoding::Tcvn3 );
  CHECK( RtEncoding::fromName( QStringLiteral( "VNI" ) ).value() == RtEncoding::Encoding::Vni );
  CHECK( RtEncoding::fromName( QStringLiteral( "utf-16be" ) ).value() == RtEncoding::Encoding::Utf16BE );
  const RtResult<RtEncoding::Encoding> bad = RtEncoding::fromName( QStringLiteral( "latin9" ) );
  REQUIRE_FALSE( bad.ok() );
  CHECK( bad.error().contains( QStringLiteral( "unknown encoding 'latin9'" ) ) );
}

TEST_CASE( "UTF-8 damaged in one place is not taken for another encoding", "[encoding][bad-input]" )
{
  QByteArray bytes = rtReadAll( RtTestPaths::resolutionText() );
  REQUIRE( !bytes.isEmpty() );
  const int at = bytes.indexOf( "Điều 2" );
  bytes[at + 1] = '\x41'; // the second byte of "Đ" broken
  const QString e = decodeError( bytes );
  CHECK( e.contains( QStringLiteral( "is not UTF-8 text" ) ) );
  CHECK( e.contains( QStringLiteral( "line 93, column 1" ) ) );
  CHECK( e.contains( QStringLiteral( "damaged" ) ) );
}
