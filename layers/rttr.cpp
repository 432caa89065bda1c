#include "rttr.h"

#include <QTranslator>

#include <atomic>

#include <memory>

// Outside any namespace: Q_INIT_RESOURCE declares the resource's function where it stands.
static void rtInitCoreCatalogues()
{
  // rtcore is a static library: its resource registers only when asked for.
  Q_INIT_RESOURCE( restrack_core_i18n );
}

namespace
{
  //! The catalogue of \a fileName from the resource rtcore embeds; empty (every lookup misses) if absent.
  std::unique_ptr<QTranslator> loadCatalogue( const char *fileName )
  {
    auto translator = std::make_unique<QTranslator>();
    ( void ) translator->load( QString::fromLatin1( fileName ), QStringLiteral( ":/restrack/i18n" ) );
    return translator;
  }

  const QTranslator &catalogue( RtLang lang )
  {
    // Function statics: initialised once, thread-safely (C++11); only read afterwards.
    static const bool resourceReady = ( rtInitCoreCatalogues(), true );
    ( void ) resourceReady;
    static const std::unique_ptr<QTranslator> vi = loadCatalogue( "restrack_core_vi.qm" );
    static const std::unique_ptr<QTranslator> en = loadCatalogue( "restrack_core_en.qm" );
    return lang == RtLang::Vi ? *vi : *en;
  }
}

QString rtTr( RtLang lang, const char *context, const char *sourceText, const char *disambiguation, int n )
{
  QString text = catalogue( lang ).translate( context, sourceText, disambiguation, n );
  if ( text.isNull() )
    text = QString::fromUtf8( sourceText );
  if ( n >= 0 )
    text.replace( QLatin1String( "%n" ), QString::number( n ) );
  return text;
}

namespace
{
  std::atomic<RtLang> sMessageLanguage { RtLang::En };
}

void rtSetMessageLanguage( RtLang lang )
{
  sMessageLanguage.store( lang );
}

RtLang rtMessageLanguage()
{
  return sMessageLanguage.load();
}
