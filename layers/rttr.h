#ifndef RTTR_H
#define RTTR_H

#include "rtlang.h"

#include <QString>

/**
 * The core's messages in a language asked per call (the session pack may be made in English
 * while the interface is Vietnamese): the Qt Linguist catalogue layers/i18n/restrack_core_*.ts,
 * compiled into rtcore. Sources are English; a message the catalogue lacks stays the source.
 *
 * Mark a message where it is used, so lupdate finds it (context and text as literals):
 *
 *   RtTr( lang ).translate( "RtCli", "Layer %1 — %2 features" ).arg( … )
 *   RtTr( lang ).translate( "RtCli", "%n task(s)", nullptr, count )   // plural: %n is replaced
 *
 * Thread-safe: the catalogues are loaded once and only read afterwards.
 */
QString rtTr( RtLang lang, const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1 );

//! The catalogue of one language; its translate() has the form lupdate extracts.
class RtTr
{
  public:
    explicit RtTr( RtLang lang ) : mLang( lang ) {}
    QString translate( const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1 ) const
    {
      return rtTr( mLang, context, sourceText, disambiguation, n );
    }

  private:
    RtLang mLang;
};

/**
 * The language of the messages the core gives as it works (errors, warnings, notes): set once
 * where the program starts (the CLI from --lang or the locale, the plugin from QGIS's
 * locale); English until then. The pack's and the summary's own texts take their language
 * per call instead (RtTr).
 */
void rtSetMessageLanguage( RtLang lang );
RtLang rtMessageLanguage();

/**
 * A core message in the message language. Context and text must be literals: lupdate reads
 * rtMsg( "Context", "text" ) as translate() (scripts/rt_i18n.py passes -tr-function-alias).
 *
 *   return rtFail( RtErrorKind::NotFound, rtMsg( "RtStore", "%1 does not exist" ).arg( path ) );
 */
inline QString rtMsg( const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1 )
{
  return rtTr( rtMessageLanguage(), context, sourceText, disambiguation, n );
}

/**
 * A text printed in both languages whatever the map's language, Vietnamese first
 * ("Đất liền / Land"): the layer titles and the schematic notice, which the shared project
 * and every exported map carry for readers of either language. Marked for lupdate like rtMsg.
 */
inline QString rtBilingual( const char *context, const char *sourceText )
{
  return QStringLiteral( "%1 / %2" ).arg( rtTr( RtLang::Vi, context, sourceText ), rtTr( RtLang::En, context, sourceText ) );
}

#endif // RTTR_H
