#ifndef RTENCODING_H
#define RTENCODING_H

#include "rtresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

//! Text decoded from bytes, with the encoding it was read in and what was done to it.
struct RtDecodedText
{
  QString text;          //!< NFC, without a byte order mark
  QString encoding;      //!< RtEncoding::name() of the encoding it was read in
  bool converted = false; //!< true when it was not UTF-8 (the notes say from what)
  QStringList notes;     //!< "converted from Windows-1258", …
};

/**
 * \brief Decodes the bytes of a plain-text resolution: UTF-8 (with or without BOM), UTF-16
 * (LE/BE, with a BOM or told by its NUL bytes), Windows-1258, TCVN3 (ABC) and VNI-Windows.
 *
 * A legacy 8-bit text is converted only when its encoding is certain: each candidate
 * decoding is scored by the share of its words that are well-formed Vietnamese syllables,
 * and the best must be clearly Vietnamese, clearly ahead and based on enough words.
 * Otherwise the text is refused with the candidates and their scores, and the caller can
 * name the encoding (restrack parse --encoding). Binary data and NUL bytes are refused
 * with the place they are found; nothing is ever called by an encoding it is not in.
 *
 * Windows-1258 is decoded by glibc's iconv(3) (exact, and it composes the combining tone
 * marks). TCVN3 (ABC) uses our own table: glibc's TCVN5712-1 is VN1, which agrees with ABC
 * (VN3) on its letters 0xA1–0xFE but reads 0x80–0x9F and some control bytes as capitals,
 * where ABC texts carry Windows-1252 punctuation (“ ” – …). VNI has no iconv module.
 */
class RtEncoding
{
  public:
    enum class Encoding
    {
      Auto,        //!< detect it
      Utf8,
      Utf16LE,
      Utf16BE,
      Windows1258,
      Tcvn3,       //!< TCVN 5712:1993 VN3, the "ABC" fonts (.VnTime)
      Vni,         //!< VNI-Windows (VNI-Times …)
    };

    //! Decodes \a bytes; \a forced skips the detection (the caller named the encoding).
    static RtResult<RtDecodedText> decode( const QByteArray &bytes, const QString &sourceName, Encoding forced = Encoding::Auto );

    //! Display name: "UTF-8", "UTF-16LE", "Windows-1258", "TCVN3 (ABC)", "VNI-Windows".
    static QString name( Encoding encoding );
    //! Parses a user's name for an encoding ("utf-8", "cp1258", "tcvn3", "abc", "vni" …).
    static RtResult<Encoding> fromName( const QString &name );
    //! The names fromName() accepts, for messages.
    static QString knownNames();

    //! The single-encoding decoders (no detection): for tests and forced decoding.
    static QString decodeTcvn3( const QByteArray &bytes );
    static QString decodeVni( const QByteArray &bytes );
    static RtResult<QString> decodeWindows1258( const QByteArray &bytes );

    /**
     * Share (0–1) of the words with letters outside ASCII that are well-formed Vietnamese
     * syllables (initial, vowel nucleus, final, at most one tone mark, stops only with the
     * rising or heavy tone); \a words receives how many such words there are.
     */
    static double vietnameseScore( const QString &text, int *words = nullptr );
    //! Whether \a word (letters only) is a well-formed Vietnamese syllable.
    static bool isVietnameseSyllable( const QString &word );
};

#endif // RTENCODING_H
