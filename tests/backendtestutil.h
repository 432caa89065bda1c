#ifndef RT_BACKENDTESTUTIL_H
#define RT_BACKENDTESTUTIL_H

#include "catch_compat.h"
#include "pgtestutil.h"
#include "testutil.h"

#include "rtstoreschema.h"

#include <QTemporaryDir>

#include <memory>
#include <string>

//! The store backends a semantic test runs on: each such case runs once per backend.
#define RT_BACKENDS() GENERATE( std::string( "gpkg" ), std::string( "pg" ) )

/**
 * \brief Where a test keeps its register on one backend: a file in a temporary folder
 * (GeoPackage) or a fresh database on the fixture's cluster (PostgreSQL; the test FAILS
 * when that cluster is not there).
 */
class RtTestRegisterLocation
{
  public:
    explicit RtTestRegisterLocation( const std::string &backend )
      : mPg( backend == "pg" )
    {
      if ( mPg )
      {
        mDatabase.reset( new RtTestPgDatabase() );
        INFO( mDatabase->error().toStdString() );
        REQUIRE( mDatabase->error().isEmpty() );
      }
      else
        REQUIRE( mDir.isValid() );
    }

    bool isPg() const { return mPg; }

    //! The register's location: \a name in the folder, or the database (one register per database).
    QString location( const QString &name = QStringLiteral( "register.gpkg" ) ) const
    {
      return mPg ? mDatabase->uri() : mDir.filePath( name );
    }

    //! The temporary folder (files a test writes beside its register on any backend).
    QString folder() const { return mDir.path(); }

  private:
    bool mPg = false;
    QTemporaryDir mDir;
    std::unique_ptr<RtTestPgDatabase> mDatabase;
};

//! Runs \a sql (test statements) on the register's database, its tables first on the path; the server's message, empty on success.
inline QString rtPgRawExecute( const QString &uri, const QString &sql )
{
  return RtTestPgDatabase::execute( uri, QStringLiteral( "SET search_path TO restrack, public; " ) + sql );
}

/**
 * What a refused or failed change must leave as it was: a GeoPackage's bytes, or every
 * row of every register table on the server (rows as text, in row-id order).
 */
inline QByteArray rtRegisterState( const QString &location )
{
  if ( !location.startsWith( QLatin1String( "postgresql://" ) ) )
    return rtReadAll( location );
  QByteArray state;
  for ( const RtTableSpec &spec : RtStoreSchema::tables() )
  {
    const char *table = spec.name;
    state += QByteArray( table ) + ":\n";
    state += RtTestPgDatabase::scalar( location, QStringLiteral( "SELECT count(*) || E'\\n' || coalesce(string_agg(t::text, E'\\n' ORDER BY t.fid), '') "
                                                                 "FROM restrack.%1 t" ).arg( QLatin1String( table ) ) ).toUtf8();
  }
  return state;
}

#endif
