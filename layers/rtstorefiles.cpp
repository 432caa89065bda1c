#include "rtstorefiles.h"
#include "rttr.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace
{
  //! A temporary untouched for this long belongs to no running build.
  const qint64 ABANDONED_AFTER_SECONDS = 3600;

  QString hostTag()
  {
    static const QString tag = QString::fromLatin1(
                                 QCryptographicHash::hash( QSysInfo::machineHostName().toUtf8(), QCryptographicHash::Sha1 ).toHex().left( 8 ) );
    return tag;
  }

  bool processRuns( qint64 pid )
  {
#ifdef Q_OS_WIN
    Q_UNUSED( pid )
    return true; // no cheap check: the age decides
#else
    if ( pid <= 0 )
      return false;
    return ::kill( static_cast<pid_t>( pid ), 0 ) == 0 || errno == EPERM;
#endif
  }
}

RtStoreFiles::FileId RtStoreFiles::fileId( const QString &path )
{
  FileId id;
#ifdef Q_OS_WIN
  // Windows keeps an open file from being renamed over: the name always holds the file opened.
  id.exists = QFileInfo::exists( path );
#else
  struct stat st;
  if ( ::stat( QFile::encodeName( path ).constData(), &st ) == 0 )
  {
    id.exists = true;
    id.device = static_cast<quint64>( st.st_dev );
    id.inode = static_cast<quint64>( st.st_ino );
  }
#endif
  return id;
}

QString RtStoreFiles::temporaryPath( const QString &path )
{
  return QStringLiteral( "%1.tmp-%2-%3-%4.gpkg" )
         .arg( path, hostTag() )
         .arg( QCoreApplication::applicationPid() )
         .arg( QRandomGenerator::global()->generate(), 8, 16, QLatin1Char( '0' ) );
}

bool RtStoreFiles::isAbandoned( const QString &tmpPath, const QString &path )
{
  const QFileInfo tmp( tmpPath );
  const QFileInfo target( path );
  const QString prefix = target.fileName() + QStringLiteral( ".tmp-" );
  if ( tmp.absolutePath() != target.absolutePath() || !tmp.fileName().startsWith( prefix )
       || !tmp.fileName().endsWith( QLatin1String( ".gpkg" ) ) || !tmp.isFile() )
    return false;
  const QString middle = tmp.fileName().mid( prefix.size() ).chopped( 5 );
  static const QRegularExpression sOurs( QStringLiteral( "^([0-9a-f]{8})-([0-9]{1,10})-[0-9a-f]{8}$" ) );
  static const QRegularExpression sOlder( QStringLiteral( "^[0-9a-f]{16}$" ) );
  const QRegularExpressionMatch ours = sOurs.match( middle );
  if ( ours.hasMatch() && ours.captured( 1 ) == hostTag() )
    return !processRuns( ours.captured( 2 ).toLongLong() );
  if ( !ours.hasMatch() && !sOlder.match( middle ).hasMatch() )
    return false; // not a name we make
  // Made on another machine (a shared folder) or by an older version: judged by its age.
  return tmp.lastModified().secsTo( QDateTime::currentDateTime() ) > ABANDONED_AFTER_SECONDS;
}

QStringList RtStoreFiles::removeAbandonedTemporaries( const QString &path )
{
  const QFileInfo target( path );
  QStringList removed;
  const QStringList candidates = target.absoluteDir().entryList( QStringList { target.fileName() + QStringLiteral( ".tmp-*.gpkg" ) },
                                                                 QDir::Files | QDir::Hidden );
  for ( const QString &name : candidates )
  {
    const QString tmpPath = target.absoluteDir().filePath( name );
    if ( !isAbandoned( tmpPath, path ) )
      continue;
    removeTemporary( tmpPath );
    removed << name;
  }
  return removed;
}

void RtStoreFiles::removeTemporary( const QString &tmpPath )
{
  for ( const QString &suffix : { QString(), QStringLiteral( "-journal" ), QStringLiteral( "-wal" ), QStringLiteral( "-shm" ) } )
    QFile::remove( tmpPath + suffix );
}

QString RtStoreFiles::syncFile( const QString &path )
{
#ifdef Q_OS_WIN
  QFile file( path );
  if ( !file.open( QIODevice::ReadWrite ) )
    return rtMsg( "RtStoreFiles", "cannot open %1 to flush it: %2" ).arg( path, file.errorString() );
  if ( !FlushFileBuffers( reinterpret_cast<HANDLE>( _get_osfhandle( file.handle() ) ) ) )
    return rtMsg( "RtStoreFiles", "cannot flush %1 to the disk (Windows error %2)" ).arg( path ).arg( GetLastError() );
  return QString();
#else
  const int fd = ::open( QFile::encodeName( path ).constData(), O_RDONLY | O_CLOEXEC );
  if ( fd < 0 )
    return rtMsg( "RtStoreFiles", "cannot open %1 to flush it: %2" ).arg( path, systemError( errno ) );
  const int rc = ::fsync( fd );
  const int err = errno;
  ::close( fd );
  if ( rc != 0 )
    return rtMsg( "RtStoreFiles", "cannot flush %1 to the disk: %2" ).arg( path, systemError( err ) );
  return QString();
#endif
}

QString RtStoreFiles::syncFolder( const QString &folder )
{
#ifdef Q_OS_WIN
  Q_UNUSED( folder )
  return QString(); // MoveFileEx with MOVEFILE_WRITE_THROUGH has flushed the rename
#else
  const int fd = ::open( QFile::encodeName( folder ).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC );
  if ( fd < 0 )
    return rtMsg( "RtStoreFiles", "cannot open folder %1 to flush it: %2" ).arg( folder, systemError( errno ) );
  const int rc = ::fsync( fd );
  const int err = errno;
  ::close( fd );
  // Some file systems cannot flush a folder (EINVAL): the rename is as durable as they make it.
  if ( rc != 0 && err != EINVAL )
    return rtMsg( "RtStoreFiles", "cannot flush folder %1 to the disk: %2" ).arg( folder, systemError( err ) );
  return QString();
#endif
}

QString RtStoreFiles::moveIntoPlace( const QString &tmpPath, const QString &path, bool overwrite )
{
#ifdef Q_OS_WIN
  const std::wstring from = QDir::toNativeSeparators( tmpPath ).toStdWString();
  const std::wstring to = QDir::toNativeSeparators( path ).toStdWString();
  DWORD flags = MOVEFILE_WRITE_THROUGH;
  if ( overwrite )
    flags |= MOVEFILE_REPLACE_EXISTING;
  if ( !MoveFileExW( from.c_str(), to.c_str(), flags ) )
  {
    if ( GetLastError() == ERROR_ALREADY_EXISTS || GetLastError() == ERROR_FILE_EXISTS )
      return rtMsg( "RtStoreFiles", "it already exists" );
    return rtMsg( "RtStoreFiles", "cannot move the new file into place (Windows error %1)" ).arg( GetLastError() );
  }
  return QString();
#else
  const QByteArray from = QFile::encodeName( tmpPath );
  const QByteArray to = QFile::encodeName( path );
  if ( !overwrite )
  {
    if ( ::link( from.constData(), to.constData() ) == 0 )
    {
      ::unlink( from.constData() );
      return QString();
    }
    const int err = errno;
    if ( err == EEXIST )
      return rtMsg( "RtStoreFiles", "it already exists" );
    // Some file systems have no hard links: check, then rename.
    if ( QFileInfo::exists( path ) || QFileInfo( path ).isSymLink() )
      return rtMsg( "RtStoreFiles", "it already exists" );
  }
  if ( ::rename( from.constData(), to.constData() ) != 0 )
    return rtMsg( "RtStoreFiles", "cannot move the new file into place: %1" ).arg( systemError( errno ) );
  return QString();
#endif
}

RtResult<QString> RtStoreFiles::keepAside( const QString &path, bool *moved )
{
  *moved = false;
  const QString stem = QStringLiteral( "%1.bak-%2" ).arg( path, QDateTime::currentDateTime().toString( QStringLiteral( "yyyyMMdd-HHmmss" ) ) );
  for ( int n = 1; n < 1000; ++n )
  {
    const QString backup = n == 1 ? stem + QStringLiteral( ".gpkg" ) : QStringLiteral( "%1-%2.gpkg" ).arg( stem ).arg( n );
#ifdef Q_OS_WIN
    if ( QFileInfo::exists( backup ) )
      continue;
    if ( !QFile::rename( path, backup ) )
      return RtResult<QString>::failure( RtErrorKind::ReadOnly, rtMsg( "RtStoreFiles", "cannot rename %1 to %2" ).arg( path, backup ) );
    *moved = true;
    return RtResult<QString>::success( backup );
#else
    const QByteArray from = QFile::encodeName( path );
    const QByteArray to = QFile::encodeName( backup );
    if ( ::link( from.constData(), to.constData() ) == 0 )
      return RtResult<QString>::success( backup );
    const int err = errno;
    if ( err == EEXIST )
      continue;
    if ( err == EACCES || err == EROFS )
      return RtResult<QString>::failure( RtErrorKind::ReadOnly, rtMsg( "RtStoreFiles", "cannot keep %1 as %2: %3" ).arg( path, backup, systemError( err ) ) );
    // No hard links here (EPERM, EXDEV, ENOTSUP…): rename, if nothing has that name meanwhile.
    if ( QFileInfo::exists( backup ) )
      continue;
    if ( ::rename( from.constData(), to.constData() ) != 0 )
    {
      const int renameErr = errno;
      return RtResult<QString>::failure( renameErr == EACCES || renameErr == EROFS ? RtErrorKind::ReadOnly : RtErrorKind::Unavailable,
                                         rtMsg( "RtStoreFiles", "cannot keep %1 as %2: %3" ).arg( path, backup, systemError( renameErr ) ) );
    }
    *moved = true;
    return RtResult<QString>::success( backup );
#endif
  }
  return RtResult<QString>::failure( RtErrorKind::Unavailable, rtMsg( "RtStoreFiles", "cannot find a free backup name for %1" ).arg( path ) );
}

QString RtStoreFiles::headerProblem( const QString &path )
{
  QFile file( path );
  if ( !file.open( QIODevice::ReadOnly ) )
    return rtMsg( "RtStoreFiles", "cannot read it: %1" ).arg( file.errorString() );
  const QByteArray head = file.read( 100 );
  if ( head.isEmpty() )
    return rtMsg( "RtStoreFiles", "the file is empty" );
  if ( !head.startsWith( QByteArray( "SQLite format 3\0", 16 ) ) )
    return rtMsg( "RtStoreFiles", "it is not an SQLite database file" );
  if ( head.size() < 100 )
    return rtMsg( "RtStoreFiles", "the file is truncated" );
  return QString();
}

QString RtStoreFiles::systemError( int code )
{
  return QString::fromLocal8Bit( std::strerror( code ) );
}
