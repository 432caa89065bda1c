#include "clicommon.h"
#include "rttr.h"
#include "rtstorebackend.h"
#include "rtstore.h"
#include "rttasksasof.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <cstdio>

void RtCli::out( const QString &text )
{
  const QByteArray bytes = text.toUtf8() + '\n';
  std::fwrite( bytes.constData(), 1, static_cast<size_t>( bytes.size() ), stdout );
}

void RtCli::err( const QString &text )
{
  const QByteArray bytes = QStringLiteral( "restrack: %1\n" ).arg( text ).toUtf8();
  std::fwrite( bytes.constData(), 1, static_cast<size_t>( bytes.size() ), stderr );
}

QString RtCli::usage( const char *synopsis, const QString &explanation )
{
  const QString text = rtMsg( "RtCli", "usage: %1" ).arg( QString::fromUtf8( synopsis ) );
  return explanation.isEmpty() ? text : text + QLatin1Char( '\n' ) + explanation;
}

void RtCli::outJson( const QJsonDocument &doc )
{
  const QByteArray bytes = doc.toJson( QJsonDocument::Indented );
  std::fwrite( bytes.constData(), 1, static_cast<size_t>( bytes.size() ), stdout );
}

QString RtCli::bundledFile( const QString &fileName, const char *envVar, const QString &sourcePath, QString *lookedIn )
{
  const QString fromEnv = qEnvironmentVariable( envVar );
  if ( !fromEnv.isEmpty() )
    return fromEnv;
  const QString exeDir = QCoreApplication::applicationDirPath();
  QStringList candidates =
  {
    exeDir + QStringLiteral( "/../data/" ) + fileName,           // build tree: build/cli/restrack
    exeDir + QStringLiteral( "/../share/restrack/" ) + fileName,  // installed: PREFIX/bin/restrack
  };
  if ( !sourcePath.isEmpty() )
    candidates << sourcePath;
  for ( const QString &c : std::as_const( candidates ) )
    if ( QFileInfo::exists( c ) )
      return QDir::cleanPath( c );
  if ( lookedIn )
  {
    QStringList clean;
    for ( const QString &c : std::as_const( candidates ) )
      clean << QDir::cleanPath( c );
    *lookedIn = clean.join( QStringLiteral( ", " ) );
  }
  return QString();
}

QString RtCli::bundledRegister( QString *lookedIn )
{
  return bundledFile( QStringLiteral( "mongcai-172.gpkg" ), "RESTRACK_DB", QString(), lookedIn );
}

QString RtCli::padded( const QString &s, int width )
{
  return s.size() >= width ? s + QLatin1Char( ' ' ) : s + QString( width - s.size(), QLatin1Char( ' ' ) );
}

int RtCli::exitCode( RtErrorKind kind )
{
  switch ( kind )
  {
    case RtErrorKind::Invalid:
    case RtErrorKind::NotFound:
      return ExitRefused;
    case RtErrorKind::Stale:
      return ExitStale;
    case RtErrorKind::Busy:
      return ExitBusy;
    case RtErrorKind::ReadOnly:
      return ExitReadOnly;
    case RtErrorKind::Forbidden:
      return ExitForbidden;
    case RtErrorKind::Unavailable:
      return ExitUnavailable;
    case RtErrorKind::Corrupt:
      return ExitCorrupt;
  }
  return ExitRefused;
}

std::unique_ptr<RtStore> RtCli::openStore( const RtArgs &args, bool writable, int *exit )
{
  if ( exit )
    *exit = ExitRefused;
  QString path = args.value( QStringLiteral( "db" ) );
  if ( path.isEmpty() )
  {
    QString lookedIn;
    path = bundledRegister( &lookedIn );
    if ( path.isEmpty() )
    {
      err( rtMsg( "RtCli", "the bundled register was not found (looked in %1); build the project "
                           "(cmake --build) or pass --db FILE.gpkg" ).arg( lookedIn ) );
      return nullptr;
    }
  }
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, writable );
  if ( !store.ok() )
  {
    const int code = fail( store );
    if ( exit )
      *exit = code;
    return nullptr;
  }
  if ( !store.value()->keptBeforeUpgrade().isEmpty() )
    err( rtMsg( "RtCli", "note: %1 was made by an earlier version; it was upgraded to register schema %2, and the register as it was "
                         "is kept as %3" ).arg( RtStoreBackends::displayLocation( path ) ).arg( store.value()->schemaVersion() ).arg( store.value()->keptBeforeUpgrade() ) );
  return store.takeValue();
}

void RtCli::setMessageLanguage( int argc, char *argv[] )
{
  RtLang lang = RtLang::En;
  for ( int i = 1; i + 1 < argc; ++i )
  {
    if ( qstrcmp( argv[i], "--lang" ) == 0 && rtParseLang( QString::fromLocal8Bit( argv[i + 1] ), lang ) )
    {
      rtSetMessageLanguage( lang );
      return;
    }
  }
  // POSIX order: the first variable set decides (LANGUAGE may list several: its first counts).
  for ( const char *name : { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" } )
  {
    const QString value = qEnvironmentVariable( name ).section( QLatin1Char( ':' ), 0, 0 ).trimmed();
    if ( value.isEmpty() )
      continue;
    rtSetMessageLanguage( value.startsWith( QLatin1String( "vi" ), Qt::CaseInsensitive ) ? RtLang::Vi : RtLang::En );
    return;
  }
  rtSetMessageLanguage( RtLang::En );
}

bool RtCli::langOption( const RtArgs &args, RtLang &lang )
{
  lang = RtLang::Vi;
  if ( !args.has( QStringLiteral( "lang" ) ) )
    return true;
  if ( rtParseLang( args.value( QStringLiteral( "lang" ) ), lang ) )
    return true;
  err( rtMsg( "RtCli", "--lang must be vi or en, not '%1'" ).arg( args.value( QStringLiteral( "lang" ) ) ) );
  return false;
}

QString RtCli::dataDir()
{
  const QString fromEnv = qEnvironmentVariable( "RESTRACK_DATA" );
  if ( !fromEnv.isEmpty() )
    return fromEnv;
  const QString installed = QCoreApplication::applicationDirPath() + QStringLiteral( "/../share/restrack" );
  if ( QFileInfo::exists( installed + QStringLiteral( "/mongcai-172-register.json" ) ) )
    return QDir::cleanPath( installed );
  return QStringLiteral( RT_SOURCE_DATA_DIR );
}

QDate RtCli::parseDate( const QString &text )
{
  // Qt's ISO parser reads the first ten characters and ignores the rest ("2024-06-20; x"): match the whole text.
  static const QRegularExpression sIso( QStringLiteral( "^\\d{4}-\\d{2}-\\d{2}$" ) );
  static const QRegularExpression sDayMonthYear( QStringLiteral( "^\\d{1,2}/\\d{1,2}/\\d{4}$" ) );
  const QString t = text.trimmed();
  if ( sIso.match( t ).hasMatch() )
    return QDate::fromString( t, Qt::ISODate );
  if ( sDayMonthYear.match( t ).hasMatch() )
    return QDate::fromString( t, QStringLiteral( "d/M/yyyy" ) );
  return QDate();
}

QString RtCli::formatDate( const QDate &date, RtLang lang )
{
  if ( !date.isValid() )
    return QStringLiteral( "—" );
  return lang == RtLang::Vi ? date.toString( QStringLiteral( "dd/MM/yyyy" ) ) : date.toString( Qt::ISODate );
}

bool RtArgs::parse( const QStringList &args, const QStringList &valueOptions, const QStringList &flags )
{
  for ( int i = 0; i < args.size(); ++i )
  {
    QString a = args.at( i );
    if ( !a.startsWith( QLatin1String( "--" ) ) )
    {
      mPositional << a;
      continue;
    }
    QString inlineValue;
    const int eq = a.indexOf( QLatin1Char( '=' ) );
    if ( eq > 0 )
    {
      inlineValue = a.mid( eq + 1 );
      a = a.left( eq );
    }
    const QString name = a.mid( 2 );
    if ( flags.contains( name ) )
      mFlags.insert( name );
    else if ( valueOptions.contains( name ) )
    {
      if ( eq > 0 )
        mValues[name].append( inlineValue );
      else if ( i + 1 < args.size() )
        mValues[name].append( args.at( ++i ) );
      else
      {
        mError = rtMsg( "RtCli", "option --%1 needs a value" ).arg( name );
        return false;
      }
    }
    else
    {
      mError = rtMsg( "RtCli", "unknown option --%1" ).arg( name );
      return false;
    }
  }
  return true;
}

bool RtCli::asOfOption( const RtArgs &args, QDate &asOf )
{
  asOf = QDate::currentDate();
  if ( !args.has( QStringLiteral( "as-of" ) ) )
    return true;
  asOf = parseDate( args.value( QStringLiteral( "as-of" ) ) );
  if ( asOf.isValid() )
    return true;
  err( rtMsg( "RtCli", "--as-of '%1' is not a date; use YYYY-MM-DD" ).arg( args.value( QStringLiteral( "as-of" ) ) ) );
  return false;
}

std::unique_ptr<RtStore> RtCli::openTasksAsOf( const RtArgs &args, const QDate &asOf, QVector<RtTask> &tasks, int *exit )
{
  std::unique_ptr<RtStore> store = openStore( args, false, exit );
  if ( !store )
    return nullptr;
  QStringList numbers;
  int code = ExitRefused;
  if ( !resolutionOption( args, *store, numbers, code ) )
  {
    if ( exit )
      *exit = code;
    return nullptr;
  }
  RtResult<QVector<RtTask>> chosen = RtTasksAsOf::read( *store, asOf, nullptr, numbers );
  if ( !chosen.ok() )
  {
    code = fail( chosen );
    if ( exit )
      *exit = code;
    return nullptr;
  }
  tasks = chosen.takeValue();
  return store;
}

bool RtCli::resolutionOption( const RtArgs &args, const RtStore &store, QStringList &numbers, int &exit )
{
  numbers.clear();
  for ( const QString &typed : args.values( QStringLiteral( "resolution" ) ) )
  {
    const RtResult<RtDocumentInfo> found = store.findResolution( typed );
    if ( !found.ok() )
    {
      exit = fail( found );
      return false;
    }
    if ( !numbers.contains( found.value().number ) )
      numbers << found.value().number;
  }
  return true;
}

bool RtCli::taskIdOption( const RtArgs &args, const RtStore &store, const QString &id, QString &taskId, int &exit )
{
  QStringList numbers;
  if ( !resolutionOption( args, store, numbers, exit ) )
    return false;
  if ( numbers.size() > 1 )
  {
    err( rtMsg( "RtCli", "a task belongs to one resolution: give --resolution once" ) );
    exit = ExitUsage;
    return false;
  }
  const RtResult<QString> resolved = store.resolveTaskId( id, numbers.isEmpty() ? QString() : numbers.constFirst() );
  if ( !resolved.ok() )
  {
    exit = fail( resolved );
    return false;
  }
  taskId = resolved.value();
  return true;
}

bool RtCli::textOption( const RtArgs &args, const QString &textOption, const QString &fileOption, QString &text, int &exit )
{
  text = args.value( textOption );
  if ( !args.has( fileOption ) )
    return true;
  if ( args.has( textOption ) )
  {
    err( rtMsg( "RtCli", "give --%1 or --%2, not both" ).arg( textOption, fileOption ) );
    exit = ExitUsage;
    return false;
  }
  exit = ExitRefused;
  const QString path = args.value( fileOption );
  const QString name = path == QLatin1String( "-" ) ? rtMsg( "RtCli", "standard input" ) : path;
  QFile file;
  const bool opened = path == QLatin1String( "-" ) ? file.open( stdin, QIODevice::ReadOnly ) : ( file.setFileName( path ), file.open( QIODevice::ReadOnly ) );
  if ( !opened )
  {
    err( rtMsg( "RtCli", "--%1 %2: cannot read it (%3)" ).arg( fileOption, name, file.errorString() ) );
    return false;
  }
  // A note is text, not a whole disk: read a little past the limit to tell.
  const qint64 limit = 16 * 1024 * 1024;
  QByteArray bytes = file.read( limit + 1 );
  if ( bytes.size() > limit )
  {
    err( rtMsg( "RtCli", "--%1 %2: more than %3 MiB; a note or evidence is text, give a shorter one" ).arg( fileOption, name ).arg( limit / ( 1024 * 1024 ) ) );
    return false;
  }
  if ( bytes.startsWith( "\xEF\xBB\xBF" ) )
    bytes.remove( 0, 3 );
  const auto nul = bytes.indexOf( '\0' );
  if ( nul >= 0 )
  {
    err( rtMsg( "RtCli", "--%1 %2: line %3 holds a NUL byte; is it a text file?" ).arg( fileOption, name ).arg( bytes.left( nul ).count( '\n' ) + 1 ) );
    return false;
  }
  const QString decoded = QString::fromUtf8( bytes );
  if ( decoded.toUtf8() != bytes )
  {
    err( rtMsg( "RtCli", "--%1 %2: not UTF-8 text; save it as UTF-8" ).arg( fileOption, name ) );
    return false;
  }
  text = decoded;
  if ( text.endsWith( QLatin1String( "\r\n" ) ) )
    text.chop( 2 );
  else if ( text.endsWith( QLatin1Char( '\n' ) ) )
    text.chop( 1 );
  return true;
}

RtDocumentInfo RtCli::documentInfo( const RtResolution &resolution, const QString &textPath, const QByteArray &textBytes, const RtCouncilTerm &term )
{
  RtDocumentInfo info;
  info.number = resolution.number;
  info.date = resolution.date;
  info.title = resolution.title;
  info.body = resolution.body;
  info.session = resolution.session;
  info.sourceName = QFileInfo( textPath ).fileName();
  info.sourceSha256 = QString::fromLatin1( QCryptographicHash::hash( textBytes, QCryptographicHash::Sha256 ).toHex() );
  info.term = term;
  return info;
}
