#ifndef RT_REGISTER172_H
#define RT_REGISTER172_H
// The register of 172/NQ-HĐND as the tests start from it: the bundled text and register.
#include "catch_compat.h"
#include "testutil.h"

#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"

#include <QString>

//! Creates the register of 172/NQ-HĐND at \a location (a GeoPackage path or a server's URI) and returns \a location.
inline QString rtCreate172( const QString &location )
{
  const RtResult<RtRegisterFile> reg = RtRegister::load( RtTestPaths::registerJson() );
  REQUIRE( reg.ok() );
  const RtResult<RtImportReport> text = RtResolutionImporter::importFile( RtTestPaths::resolutionText(), reg.value().term );
  REQUIRE( text.ok() );
  RtDocumentInfo info;
  info.term = reg.value().term;
  const RtStatusResult created = RtStore::create( location, text.value().resolution, reg.value().tasks, info );
  INFO( created.error().toStdString() );
  REQUIRE( created.ok() );
  return location;
}

#endif
