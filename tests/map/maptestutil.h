#ifndef RT_MAPTESTUTIL_H
#define RT_MAPTESTUTIL_H
// Shared by the map tests: the real inputs, a real register built in a temporary folder,
// and the external tools (pdfinfo, pdftotext) run as a user would.
#include "catch_compat.h"
#include "testutil.h"

#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace RtMapTest
{
  //! The sample map layers (data/mongcai-layers.gpkg); $RESTRACK_LAYERS overrides it.
  inline QString layersPath()
  {
    const QString fromEnv = qEnvironmentVariable( "RESTRACK_LAYERS" );
    return fromEnv.isEmpty() ? RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg" ) : fromEnv;
  }

  //! The sample layers are committed: a test that needs them fails, never skips, without them.
  inline void requireLayers()
  {
    INFO( "sample layers: " << layersPath().toStdString() );
    REQUIRE( QFileInfo::exists( layersPath() ) );
  }

  //! Builds the real register of 172/NQ-HĐND at \a path from data/ (as `restrack build-register` does).
  inline bool buildRegister( const QString &path )
  {
    const RtResult<RtRegisterFile> reg = RtRegister::load( RtTestPaths::registerJson() );
    if ( !reg.ok() )
      return false;
    const RtResult<RtImportReport> text = RtResolutionImporter::importFile( RtTestPaths::resolutionText(), reg.value().term );
    if ( !text.ok() )
      return false;
    const RtResolution &res = text.value().resolution;
    RtDocumentInfo info;
    info.number = res.number;
    info.date = res.date;
    info.title = res.title;
    info.body = res.body;
    info.session = res.session;
    info.term = reg.value().term;
    return RtStore::create( path, res, reg.value().tasks, info ).ok();
  }

  inline QByteArray sha256( const QString &path )
  {
    return QCryptographicHash::hash( rtReadAll( path ), QCryptographicHash::Sha256 ).toHex();
  }

  //! Runs a program; its stdout (UTF-8), or an empty string when it failed.
  inline QString run( const QString &program, const QStringList &args, int *exitCode = nullptr, QString *errors = nullptr )
  {
    QProcess p;
    p.start( program, args );
    if ( !p.waitForFinished( 180000 ) )
      return QString();
    if ( exitCode )
      *exitCode = p.exitCode();
    if ( errors )
      *errors = QString::fromUtf8( p.readAllStandardError() );
    return QString::fromUtf8( p.readAllStandardOutput() );
  }
}

#endif
