#include "rtoutputfile.h"
#include "rttr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace
{
  QString systemError( int error )
  {
    return QString::fromLocal8Bit( std::strerror( error ) );
  }

  //! Writes the file's data (or the folder's entries) to disk.
  bool syncPath( const QString &path, int flags, int *error )
  {
    const int fd = ::open( QFile::encodeName( path ).constData(), flags | O_CLOEXEC );
    if ( fd < 0 )
    {
      *error = errno;
      return false;
    }
    const bool synced = ::fsync( fd ) == 0;
    *error = synced ? 0 : errno;
    ::close( fd );
    return synced;
  }

  //! ".NAME.restrack-" and ".tmp.SUFFIX" around the writer's process id and a random part.
  QString temporaryPrefix( const QFileInfo &info )
  {
    return QStringLiteral( ".%1.restrack-" ).arg( info.fileName() );
  }

  QString temporarySuffix( const QFileInfo &info )
  {
    return info.suffix().isEmpty() ? QStringLiteral( ".tmp" ) : QStringLiteral( ".tmp." ) + info.suffix();
  }

  //! Removes the temporaries of \a info's file whose writer is gone (killed mid-way).
  void removeStale( const QFileInfo &info )
  {
    const QString prefix = temporaryPrefix( info );
    const QString suffix = temporarySuffix( info );
    const QDir dir = info.absoluteDir();
    const QStringList names = dir.entryList( { prefix + QLatin1Char( '*' ) + suffix }, QDir::Files | QDir::Hidden | QDir::System );
    for ( const QString &name : names )
    {
      bool isNumber = false;
      const QString middle = name.mid( prefix.size(), name.size() - prefix.size() - suffix.size() ); // PID-RANDOM
      const qint64 pid = middle.section( QLatin1Char( '-' ), 0, 0 ).toLongLong( &isNumber );
      if ( !isNumber || pid <= 0 || pid == static_cast<qint64>( ::getpid() ) )
        continue;
      if ( ::kill( static_cast<pid_t>( pid ), 0 ) != 0 && errno == ESRCH )
        QFile::remove( dir.filePath( name ) );
    }
  }
}

RtStatusResult RtOutputFile::check( const QString &path, bool overwrite )
{
  const QFileInfo info( path );
  const QFileInfo folder( info.absolutePath() );
  if ( !folder.isDir() || !folder.isWritable() )
    return rtFail( RtErrorKind::ReadOnly, rtMsg( "RtOutputFile", "%1: the folder %2 does not exist or is not writable" ).arg( path, folder.filePath() ) );
  if ( info.isDir() )
    return rtFail( rtMsg( "RtOutputFile", "%1 is a folder, not a file name" ).arg( path ) );
  if ( info.exists() && !overwrite )
    return rtFail( rtMsg( "RtOutputFile", "%1 exists; pass --overwrite to replace it" ).arg( path ) );
  return rtOk();
}

RtOutputFile::RtOutputFile( const QString &path, bool overwrite )
  : mPath( QFileInfo( path ).absoluteFilePath() )
  , mOverwrite( overwrite )
{
  const QFileInfo info( mPath );
  removeStale( info );
  // O_EXCL: the name is ours alone, even with two exports of the same file in one process.
  for ( int attempt = 0; attempt < 100; ++attempt )
  {
    mTemporary = info.absoluteDir().filePath( QStringLiteral( "%1%2-%3%4" ).arg( temporaryPrefix( info ) ).arg( ::getpid() )
                 .arg( QRandomGenerator::global()->generate() % 1000000, 6, 10, QLatin1Char( '0' ) ).arg( temporarySuffix( info ) ) );
    const int fd = ::open( QFile::encodeName( mTemporary ).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666 );
    if ( fd >= 0 )
    {
      ::close( fd );
      return;
    }
    if ( errno != EEXIST )
      break;
  }
  mError = rtMsg( "RtOutputFile", "%1: cannot create the temporary file %2: %3" ).arg( mPath, mTemporary, systemError( errno ) );
  mTemporary.clear();
}

RtOutputFile::~RtOutputFile()
{
  if ( !mCommitted && !mTemporary.isEmpty() )
    QFile::remove( mTemporary );
}

RtStatusResult RtOutputFile::commit()
{
  if ( !ok() )
    return rtFail( mError );
  if ( mCommitted )
    return rtOk();
  int error = 0;
  if ( !syncPath( mTemporary, O_RDONLY, &error ) )
    return rtFail( rtMsg( "RtOutputFile", "%1: cannot write to disk: %2" ).arg( mPath, systemError( error ) ) );
  const QByteArray from = QFile::encodeName( mTemporary );
  const QByteArray to = QFile::encodeName( mPath );
  if ( mOverwrite )
  {
    if ( ::rename( from.constData(), to.constData() ) != 0 )
      return rtFail( rtMsg( "RtOutputFile", "%1: cannot replace it: %2" ).arg( mPath, systemError( errno ) ) );
  }
  else
  {
    // link() fails when the name is taken: a file that appeared meanwhile is never replaced.
    if ( ::link( from.constData(), to.constData() ) != 0 )
    {
      if ( errno == EEXIST )
        return rtFail( rtMsg( "RtOutputFile", "%1 exists; pass --overwrite to replace it" ).arg( mPath ) );
      // A file system without hard links: check, then rename (a small window, no worse).
      if ( QFileInfo::exists( mPath ) )
        return rtFail( rtMsg( "RtOutputFile", "%1 exists; pass --overwrite to replace it" ).arg( mPath ) );
      if ( ::rename( from.constData(), to.constData() ) != 0 )
        return rtFail( rtMsg( "RtOutputFile", "%1: cannot write it: %2" ).arg( mPath, systemError( errno ) ) );
    }
    else
    {
      ::unlink( from.constData() );
    }
  }
  mCommitted = true;
  // The rename itself is on disk once the folder is.
  if ( !syncPath( QFileInfo( mPath ).absolutePath(), O_RDONLY | O_DIRECTORY, &error ) )
    return rtFail( rtMsg( "RtOutputFile", "%1: written, but its folder could not be synced to disk: %2" ).arg( mPath, systemError( error ) ) );
  return rtOk();
}
