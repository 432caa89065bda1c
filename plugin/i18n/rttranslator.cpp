#include "rttranslator.h"

#include <qgsapplication.h>
#include <qgssettings.h>

#include <QCoreApplication>
#include <QLocale>
#include <QObject>
#include <QTranslator>

static void rtInitTranslationResource()
{
  // The .qm files are compiled by the build and embedded (plugin/i18n/CMakeLists.txt).
  Q_INIT_RESOURCE( resolutiontracker_i18n );
}

namespace
{
  const char *const sTranslatorName = "RtPluginTranslator";

  QString languageOf( const QString &code )
  {
    // "vi", "vi_VN", "vi-VN", "VI" -> "vi"
    return code.trimmed().left( 2 ).toLower();
  }
}

QString rtUiLanguage()
{
  QString code = QgsSettings().value( QStringLiteral( "locale/userLocale" ), QString() ).toString();
  if ( code.trimmed().isEmpty() )
    code = QgsApplication::locale();
  if ( code.trimmed().isEmpty() )
    code = QLocale().name();
  return languageOf( code ) == QLatin1String( "vi" ) ? QStringLiteral( "vi" ) : QStringLiteral( "en" );
}

QString rtInstallTranslator( QObject *owner )
{
  rtInitTranslationResource();
  if ( !QCoreApplication::instance() )
    return QString();

  // One translator per owner: a second call replaces the first.
  if ( owner )
  {
    const QList<QTranslator *> previous = owner->findChildren<QTranslator *>( QLatin1String( sTranslatorName ), Qt::FindDirectChildrenOnly );
    for ( QTranslator *t : previous )
      delete t; // ~QTranslator removes it from the application
  }

  const QString language = rtUiLanguage();
  auto *translator = new QTranslator( owner );
  translator->setObjectName( QLatin1String( sTranslatorName ) );
  if ( !translator->load( QStringLiteral( ":/resolutiontracker/i18n/resolutiontracker_%1.qm" ).arg( language ) ) )
  {
    delete translator;
    return QString();
  }
  QCoreApplication::installTranslator( translator );
  return language;
}

QString rtTranslateNow( const char *context, const char *source )
{
  rtInitTranslationResource();
  QTranslator translator;
  QString translated;
  if ( translator.load( QStringLiteral( ":/resolutiontracker/i18n/resolutiontracker_%1.qm" ).arg( rtUiLanguage() ) ) )
    translated = translator.translate( context, source );
  return translated.isEmpty() ? QString::fromUtf8( source ) : translated;
}
