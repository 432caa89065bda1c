#ifndef RTOUTPUTFILE_H
#define RTOUTPUTFILE_H

#include "rtresult.h"

#include <QString>

/**
 * \brief A file written beside its final path and renamed into place only once it is
 * complete and on disk: a reader never sees it half-written, and a writer killed mid-way
 * leaves the previous file as it was.
 *
 * The writer writes temporaryPath(), ".NAME.restrack-PID-RANDOM.tmp.SUFFIX" in the same folder
 * (the rename stays on one file system; the suffix keeps a format chosen by the file name),
 * then calls commit(): the data is synced to disk, the file renamed over the final path and
 * the folder synced. An existing file is replaced only when overwriting was asked for, and
 * even then only at commit(). Temporaries left by a writer that was killed (their process
 * is gone) are removed by the next writer of the same file.
 */
class RtOutputFile
{
  public:
    /**
     * Whether \a path may be written: its folder exists and is writable, and \a path does
     * not exist unless \a overwrite (the message then says to pass --overwrite).
     */
    static RtStatusResult check( const QString &path, bool overwrite );

    //! Reserves the temporary file for \a path (see ok()); removes stale ones of the same file.
    RtOutputFile( const QString &path, bool overwrite );
    //! Removes the temporary file unless it was committed.
    ~RtOutputFile();
    RtOutputFile( const RtOutputFile & ) = delete;
    RtOutputFile &operator=( const RtOutputFile & ) = delete;

    //! Whether the temporary file could be made; error() says why not.
    bool ok() const { return mError.isEmpty(); }
    QString error() const { return mError; }

    QString path() const { return mPath; }
    //! Where to write; an empty file when reserved.
    QString temporaryPath() const { return mTemporary; }

    //! Syncs the temporary file, renames it to path() and syncs the folder.
    RtStatusResult commit();

  private:
    QString mPath;
    QString mTemporary;
    bool mOverwrite = false;
    bool mCommitted = false;
    QString mError;
};

#endif // RTOUTPUTFILE_H
