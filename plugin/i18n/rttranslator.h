#ifndef RTTRANSLATOR_H
#define RTTRANSLATOR_H

#include <QString>

class QObject;

/**
 * \brief Picks the language of Resolution Tracker's user interface the way QGIS picks its own.
 *
 * QGIS writes the language of its interface to the setting "locale/userLocale" at start-up
 * (from `--lang`, from Settings ▸ Options ▸ General ▸ "Override system locale", or from
 * the system locale), so a plugin that reads it speaks the same language as QGIS. When the
 * setting is empty, QgsApplication::locale() and then the system locale decide.
 *
 * Returns "vi" for Vietnamese and "en" for every other language (the plugin ships those
 * two; English is the fallback).
 */
QString rtUiLanguage();

/**
 * \brief Installs the translator of the plugin's strings (Qt Linguist, built into the
 * module as a resource) for the language rtUiLanguage() picks.
 *
 * Call it first thing in initGui(), before any tr() runs. The translator is a child of
 * \a owner: when the plugin object is deleted (QGIS unloads it), the translator is
 * deleted and that removes it from the application. Calling it again for the same owner
 * replaces the previous translator. Returns the language installed ("vi"/"en"), or an
 * empty string if the translation could not be loaded (the UI then shows the source strings).
 */
QString rtInstallTranslator( QObject *owner );

/**
 * \brief \a source of \a context in the language rtUiLanguage() picks, read from the plugin's
 * own translation without installing it; \a source itself when there is none.
 *
 * For the texts QGIS asks of the module before any plugin object exists: the name and
 * description its Plugin Manager lists (mark them with QT_TRANSLATE_NOOP for lupdate).
 */
QString rtTranslateNow( const char *context, const char *source );

#endif // RTTRANSLATOR_H
