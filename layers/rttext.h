#ifndef RTTEXT_H
#define RTTEXT_H

#include <QString>

/**
 * \brief Text helpers for Vietnamese resolution texts.
 */
namespace RtText
{
  //! Removes the emphasis marks (* and **) a text taken from a PDF or Markdown carries.
  QString stripEmphasis( const QString &text );

  //! Value of a superscript digit (¹ → 1), or -1.
  int superscriptDigitValue( QChar c );

  //! The most digits a footnote number has: a longer run of superscript digits is text.
  constexpr int maxFootnoteDigits = 3;

  //! Removes footnote markers (runs of up to three superscript digits not following a unit such as m²).
  QString stripFootnoteMarkers( const QString &text );

  //! NFC, no emphasis, no footnote markers, every run of white space one space, trimmed.
  //! Quotes are compared with clause texts in this form.
  QString normalizeForMatch( const QString &text );

  //! Lower case, no diacritics (đ → d), for searches that ignore accents.
  QString foldForSearch( const QString &text );
}

#endif // RTTEXT_H
