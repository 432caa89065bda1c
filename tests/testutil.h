#ifndef RT_TESTUTIL_H
#define RT_TESTUTIL_H

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

//! Paths of the real inputs in the source tree and the build tree.
namespace RtTestPaths
{
  inline QString sourceDir() { return QStringLiteral( RT_SOURCE_DIR ); }
  inline QString resolutionText() { return sourceDir() + QStringLiteral( "/data/NQ-172-HDND-2023-MongCai.txt" ); }
  inline QString registerJson() { return sourceDir() + QStringLiteral( "/data/mongcai-172-register.json" ); }
  inline QString cliExecutable() { return QStringLiteral( RT_CLI_EXECUTABLE ); }
}

inline QByteArray rtReadAll( const QString &path )
{
  QFile f( path );
  if ( !f.open( QIODevice::ReadOnly ) )
    return QByteArray();
  return f.readAll();
}

inline bool rtWriteAll( const QString &path, const QByteArray &bytes )
{
  QFile f( path );
  if ( !f.open( QIODevice::WriteOnly | QIODevice::Truncate ) )
    return false;
  return f.write( bytes ) == bytes.size();
}

#endif
