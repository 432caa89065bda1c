#ifndef RTCLITESTUTIL_H
#define RTCLITESTUTIL_H

// restrack as a user runs it: the real executable in its own process.

#include "catch_compat.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace RtCliTest
{
  //! A finished run: the exit code (-1 when it crashed), stdout and stderr as UTF-8.
  struct Run
  {
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson( out.toUtf8() ).object(); }
  };

  //! Runs restrack with \a args in \a env, writing \a input to its stdin when given.
  inline Run restrack( const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                       const QByteArray &input = QByteArray() )
  {
    QProcess p;
    p.setProcessEnvironment( env );
    p.start( RtTestPaths::cliExecutable(), args );
    if ( !input.isNull() )
    {
      p.write( input );
      p.closeWriteChannel();
    }
    REQUIRE( p.waitForFinished( 120000 ) );
    Run r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8( p.readAllStandardOutput() );
    r.err = QString::fromUtf8( p.readAllStandardError() );
    return r;
  }
}

#endif // RTCLITESTUTIL_H
