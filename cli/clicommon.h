#ifndef RT_CLICOMMON_H
#define RT_CLICOMMON_H

#include "rtlang.h"

#include <memory>

#include <QDate>
#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <QVector>

//! Exit codes of restrack.
enum RtExit
{
  ExitOk = 0,
  ExitRefused = 1, //!< the input or the request is wrong: the message says what to fix
  ExitUsage = 2,   //!< the command line is wrong
};

namespace RtCli
{
  void out( const QString &text );             //!< to stdout, UTF-8, with a newline
  void err( const QString &text );             //!< "restrack: …" to stderr
  void outJson( const QJsonDocument &doc );

  /**
   * A bundled data file: $\a envVar, else \a fileName in the build tree's data/ or the
   * installed share/restrack/, else \a sourcePath when given. Empty when none exists;
   * \a lookedIn then lists where it looked.
   */
  QString bundledFile( const QString &fileName, const char *envVar, const QString &sourcePath = QString(), QString *lookedIn = nullptr );
  //! The bundled register: $RESTRACK_DB, else the one the build made, else the installed one.
  QString bundledRegister( QString *lookedIn = nullptr );
  //! The folder of the curated data (register JSON and resolution text).
  QString dataDir();

  //! The text in the user's language.
  inline QString text( RtLang lang, const char *vi, const char *en ) { return QString::fromUtf8( lang == RtLang::Vi ? vi : en ); }
  //! \a s followed by spaces up to \a width (one space at least), for plain-text tables.
  QString padded( const QString &s, int width );

  //! Parses YYYY-MM-DD (or DD/MM/YYYY); an invalid date when it is neither.
  QDate parseDate( const QString &text );
  QString formatDate( const QDate &date, RtLang lang );
}

#include <QMap>
#include <QSet>

/**
 * \brief A command's arguments: positional ones, "--name value" options, "--flag" flags.
 */
class RtArgs
{
  public:
    //! \a valueOptions take a value; \a flags do not; anything else starting with -- is an error.
    bool parse( const QStringList &args, const QStringList &valueOptions, const QStringList &flags );
    QString error() const { return mError; }
    QStringList positional() const { return mPositional; }
    bool has( const QString &name ) const { return mValues.contains( name ) || mFlags.contains( name ); }
    QString value( const QString &name ) const { return mValues.value( name ); }

  private:
    QStringList mPositional;
    QMap<QString, QString> mValues;
    QSet<QString> mFlags;
    QString mError;
};
class RtStore;
struct RtTask;

namespace RtCli
{
  //! Opens --db, or the bundled register; prints the reason and returns null on failure.
  std::unique_ptr<RtStore> openStore( const RtArgs &args, bool writable );
  //! Reads --lang (Vietnamese by default); prints the reason and returns false when it is wrong.
  bool langOption( const RtArgs &args, RtLang &lang );
  //! Reads --as-of (today by default); prints the reason and returns false when it is not a date.
  bool asOfOption( const RtArgs &args, QDate &asOf );
  /**
   * Opens --db (or the bundled register) read-only and reads its tasks with their status as
   * of \a asOf into \a tasks; prints the reason and returns null on failure.
   */
  std::unique_ptr<RtStore> openTasksAsOf( const RtArgs &args, const QDate &asOf, QVector<RtTask> &tasks );
}

#endif
