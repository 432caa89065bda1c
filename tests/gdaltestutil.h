#ifndef RT_GDALTESTUTIL_H
#define RT_GDALTESTUTIL_H
// Layer copies for the tests: a user's own layer made from a sample layer (fewer fields).
#include "catch_compat.h"

#include <gdal_utils.h>

#include <QString>
#include <QStringList>

#include <vector>

/**
 * Copies \a table of the dataset \a source into a new GeoPackage \a target as \a newTable,
 * keeping only \a fields (and the geometry, in its CRS), as ogr2ogr -select does.
 */
inline void rtCopyLayer( const QString &source, const QString &table, const QString &target, const QString &newTable,
                         const QStringList &fields )
{
  GDALDatasetH src = GDALOpenEx( source.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr );
  REQUIRE( src );
  const QList<QByteArray> args = { "-f", "GPKG", "-select", fields.join( QLatin1Char( ',' ) ).toUtf8(), "-nln", newTable.toUtf8(), table.toUtf8() };
  std::vector<char *> argv;
  for ( const QByteArray &a : args )
    argv.push_back( const_cast<char *>( a.constData() ) );
  argv.push_back( nullptr );
  GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew( argv.data(), nullptr );
  REQUIRE( options );
  int error = 0;
  GDALDatasetH out = GDALVectorTranslate( target.toUtf8().constData(), nullptr, 1, &src, options, &error );
  GDALVectorTranslateOptionsFree( options );
  REQUIRE( out );
  CHECK( error == 0 );
  GDALClose( out );
  GDALClose( src );
}

#endif
