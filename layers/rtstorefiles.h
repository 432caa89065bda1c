#ifndef RTSTOREFILES_H
#define RTSTOREFILES_H

#include "rtresult.h"

#include <QString>
#include <QStringList>

/**
 * \brief The files of the GeoPackage backend: temporary names for a register being
 * written (and the cleaning of those left by runs that were killed), flushing to disk,
 * moving into place and keeping a replaced register aside.
 */
namespace RtStoreFiles
{
  //! Which file a path names (device and inode): tells a file renamed over a path from the one opened.
  struct FileId
  {
    quint64 device = 0;
    quint64 inode = 0;
    bool exists = false;

    bool operator==( const FileId &other ) const { return exists == other.exists && device == other.device && inode == other.inode; }
    bool operator!=( const FileId &other ) const { return !( *this == other ); }
  };
  FileId fileId( const QString &path );

  /**
   * A new name beside \a path to write a register under: "PATH.tmp-HOST-PID-RANDOM.gpkg"
   * (HOST: 8 hex digits of this machine's name, PID: this process).
   */
  QString temporaryPath( const QString &path );

  /**
   * True when \a tmpPath is a temporary of \a path (named by temporaryPath(), or by the
   * versions before it, "PATH.tmp-RANDOM.gpkg") left by a run that is gone: its process
   * no longer runs on this machine, or — made elsewhere or by an older version — it has
   * not been written to for an hour. A temporary a running build is writing is never one.
   */
  bool isAbandoned( const QString &tmpPath, const QString &path );

  //! Removes the abandoned temporaries of \a path (isAbandoned()); returns their file names.
  QStringList removeAbandonedTemporaries( const QString &path );

  //! Removes \a tmpPath and SQLite's companions of it (-journal, -wal, -shm).
  void removeTemporary( const QString &tmpPath );

  //! Flushes \a path's contents to the disk (fsync); returns an error message or empty.
  QString syncFile( const QString &path );
  //! Flushes \a folder's entries (a rename, a new name) to the disk; returns an error message or empty.
  QString syncFolder( const QString &folder );

  /**
   * Moves the finished file into place. Replacing uses rename(2), which is atomic; without
   * \a overwrite, link(2) refuses an existing target even if it appeared after our first
   * check ("it already exists"). Returns an error message or empty.
   */
  QString moveIntoPlace( const QString &tmpPath, const QString &path, bool overwrite );

  /**
   * Gives the file at \a path a second name, "PATH.bak-YYYYMMDD-HHMMSS.gpkg" (a counter
   * added when that exists), by a hard link, so \a path still names it until it is
   * replaced. Where the file system has no hard links the file is renamed and \a moved set.
   */
  RtResult<QString> keepAside( const QString &path, bool *moved );

  //! Why \a path cannot be an SQLite database at all, judged from its first bytes; empty if it might be one.
  QString headerProblem( const QString &path );

  QString systemError( int code );
}

#endif // RTSTOREFILES_H
