#include "clicommon.h"
#include "rtstore.h"
#include "rttasksasof.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
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

std::unique_ptr<RtStore> RtCli::openStore( const RtArgs &args, bool writable )
{
  QString path = args.value( QStringLiteral( "db" ) );
  if ( path.isEmpty() )
  {
    QString lookedIn;
    path = bundledRegister( &lookedIn );
    if ( path.isEmpty() )
    {
      err( QStringLiteral( "the bundled register was not found (looked in %1); build the project "
                           "(cmake --build) or pass --db FILE.gpkg" ).arg( lookedIn ) );
      return nullptr;
    }
  }
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, writable );
  if ( !store.ok() )
  {
    err( store.error() );
    return nullptr;
  }
  return store.takeValue();
}

bool RtCli::langOption( const RtArgs &args, RtLang &lang )
{
  lang = RtLang::Vi;
  if ( !args.has( QStringLiteral( "lang" ) ) )
    return true;
  if ( rtParseLang( args.value( QStringLiteral( "lang" ) ), lang ) )
    return true;
  err( QStringLiteral( "--lang must be vi or en, not '%1'" ).arg( args.value( QStringLiteral( "lang" ) ) ) );
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
  QDate d = QDate::fromString( text.trimmed(), Qt::ISODate );
  if ( !d.isValid() )
    d = QDate::fromString( text.trimmed(), QStringLiteral( "d/M/yyyy" ) );
  return d;
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
        mValues.insert( name, inlineValue );
      else if ( i + 1 < args.size() )
        mValues.insert( name, args.at( ++i ) );
      else
      {
        mError = QStringLiteral( "option --%1 needs a value" ).arg( name );
        return false;
      }
    }
    else
    {
      mError = QStringLiteral( "unknown option --%1" ).arg( name );
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
  err( QStringLiteral( "--as-of '%1' is not a date; use YYYY-MM-DD" ).arg( args.value( QStringLiteral( "as-of" ) ) ) );
  return false;
}

std::unique_ptr<RtStore> RtCli::openTasksAsOf( const RtArgs &args, const QDate &asOf, QVector<RtTask> &tasks )
{
  std::unique_ptr<RtStore> store = openStore( args, false );
  if ( !store )
    return nullptr;
  RtResult<QVector<RtTask>> asOfTasks = RtTasksAsOf::read( *store, asOf );
  if ( !asOfTasks.ok() )
  {
    err( asOfTasks.error() );
    return nullptr;
  }
  tasks = asOfTasks.takeValue();
  return store;
}
