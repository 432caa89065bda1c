#ifndef RT_CLICOMMON_H
#define RT_CLICOMMON_H

#include "rtlang.h"
#include "rttr.h" // RtTr( lang ).translate( "RtCli", "…" ): the CLI's messages (layers/i18n/)

#include <memory>

#include <QDate>
#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <QVector>

#include "rtresult.h"

//! Exit codes of restrack (documented in the usage text and the README).
enum RtExit
{
  ExitOk = 0,
  ExitRefused = 1,     //!< the input or the request is wrong, or names what does not exist: the message says what to fix
  ExitUsage = 2,       //!< the command line is wrong
  ExitStale = 3,       //!< the task changed meanwhile (--expect): look at it again, then retry
  ExitBusy = 4,        //!< another program holds a lock on the register: retry in a moment
  ExitReadOnly = 5,    //!< the register, its file or its folder cannot be written
  ExitForbidden = 6,   //!< no right to do this
  ExitUnavailable = 7, //!< the disk or the server failed or cannot be reached
  ExitCorrupt = 8,     //!< the register is damaged or not what this version expects
};

namespace RtCli
{
  void out( const QString &text );             //!< to stdout, UTF-8, with a newline
  void err( const QString &text );             //!< "restrack: …" to stderr
  void outJson( const QJsonDocument &doc );
  /**
   * "usage: \a synopsis", then \a explanation on its own lines: the synopsis is what is
   * typed (the same in every language), "usage:" and the explanation (an rtMsg) are in the
   * message language.
   */
  QString usage( const char *synopsis, const QString &explanation = QString() );

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

  //! \a s followed by spaces up to \a width (one space at least), for plain-text tables.
  QString padded( const QString &s, int width );

  //! Parses exactly YYYY-MM-DD (or D/M/YYYY), nothing before or after; an invalid date otherwise.
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
    //! The value of option \a name (the last one, when it was given several times).
    QString value( const QString &name ) const { return mValues.value( name ).isEmpty() ? QString() : mValues.value( name ).constLast(); }
    //! Every value of an option that may be repeated ("--with A --with B"), in order.
    QStringList values( const QString &name ) const { return mValues.value( name ); }

  private:
    QStringList mPositional;
    QMap<QString, QStringList> mValues;
    QSet<QString> mFlags;
    QString mError;
};
class RtStore;
struct RtTask;
struct RtDocumentInfo;
struct RtResolution;
struct RtCouncilTerm;

namespace RtCli
{
  //! The exit code for a failure of \a kind (RtExit).
  int exitCode( RtErrorKind kind );
  //! Prints \a result's error and returns its exit code.
  template <class T>
  int fail( const RtResult<T> &result )
  {
    err( result.error() );
    return exitCode( result.errorKind() );
  }

  /**
   * Opens --db, or the bundled register; prints the reason and returns null on failure,
   * \a exit (when given) receiving the exit code for it.
   */
  std::unique_ptr<RtStore> openStore( const RtArgs &args, bool writable, int *exit = nullptr );
  /**
   * Sets the language of the messages (errors, warnings, notes) before any command runs:
   * --lang vi|en when given, else the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG:
   * "vi…" is Vietnamese), else English.
   */
  void setMessageLanguage( int argc, char *argv[] );
  //! Reads --lang (Vietnamese by default); prints the reason and returns false when it is wrong.
  bool langOption( const RtArgs &args, RtLang &lang );
  //! Reads --as-of (today by default); prints the reason and returns false when it is not a date.
  bool asOfOption( const RtArgs &args, QDate &asOf );
  /**
   * Opens --db (or the bundled register) read-only and reads the tasks of the resolutions
   * --resolution chooses (all by default) as they stood on \a asOf into \a tasks
   * (RtTasksAsOf::read()); prints the reason and returns null on failure.
   */
  std::unique_ptr<RtStore> openTasksAsOf( const RtArgs &args, const QDate &asOf, QVector<RtTask> &tasks, int *exit = nullptr );
  /**
   * The stored numbers of the resolutions --resolution names (repeatable; as a person types
   * a number: RtStore::findResolution()); empty for all. Prints the reason and returns
   * false when one is not in the register.
   */
  bool resolutionOption( const RtArgs &args, const RtStore &store, QStringList &numbers, int &exit );
  /**
   * The id of task \a id in the register: of the one resolution --resolution names when
   * given (\a id as that resolution's register wrote it: "DT-01" finds "DT-01@15/NQ-HĐND").
   * Prints the reason and returns false when there is none.
   */
  bool taskIdOption( const RtArgs &args, const RtStore &store, const QString &id, QString &taskId, int &exit );

  /**
   * The text of option \a fileOption (a file, "-" for standard input), else of
   * \a textOption; both given is a usage error. A file must be UTF-8 (a BOM is dropped)
   * without NUL bytes; its final line break is dropped. Prints the reason and returns
   * false (\a exit: ExitUsage or ExitRefused) when it cannot be used.
   */
  bool textOption( const RtArgs &args, const QString &textOption, const QString &fileOption, QString &text, int &exit );

  /**
   * What a register keeps about \a resolution, imported from \a textPath (whose bytes are
   * \a textBytes) for council term \a term: number, date, title, body, session, the text's
   * file name and SHA-256.
   */
  RtDocumentInfo documentInfo( const RtResolution &resolution, const QString &textPath, const QByteArray &textBytes, const RtCouncilTerm &term );
}

#endif
