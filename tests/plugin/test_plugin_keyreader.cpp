// The plugin's key reader on a PostGIS layer of QGIS's PostgreSQL provider: read with COPY,
// the same keys, ids and key texts as QGIS's own features give (on the fixture's server).
#include "catch_compat.h"
#include "pgtestutil.h"

#include "rtkeyreader.h"

#include <qgsdatasourceuri.h>
#include <qgsfeedback.h>
#include <qgsvectorlayer.h>

#include <QUrl>

#include <algorithm>

namespace
{
  struct Read
  {
    bool byCopy = false;
    QMap<qint64, QPair<QStringList, QString>> byFid; //!< fid → key values, key text
  };

  Read readKeys( QgsVectorLayer *layer, const RtKeyBinding &binding )
  {
    RtResult<std::shared_ptr<RtKeyReader>> reader = RtKeyReader::prepare( layer, binding );
    INFO( reader.error().toStdString() );
    REQUIRE( reader.ok() );
    REQUIRE( reader.value()->read() );
    Read out;
    out.byCopy = reader.value()->readByCopy();
    REQUIRE( reader.value()->keys.size() == reader.value()->keyTexts.size() );
    for ( int i = 0; i < reader.value()->keys.size(); ++i )
      out.byFid.insert( reader.value()->keys.at( i ).fid, qMakePair( reader.value()->keys.at( i ).values, reader.value()->keyTexts.at( i ) ) );
    return out;
  }
}

TEST_CASE( "a PostGIS layer's keys are read with COPY, the same as QGIS's features give", "[plugin][pg]" )
{
  if ( qEnvironmentVariableIsEmpty( "RT_TEST_PG_ENV" ) )
    qputenv( "RT_TEST_PG_ENV", RT_PG_TEST_ENV_FILE );
  RtTestPgDatabase db;
  REQUIRE( db.error().isEmpty() );
  REQUIRE( RtTestPgDatabase::execute( db.uri(), QStringLiteral(
    "CREATE TABLE parcels (fid serial PRIMARY KEY, commune integer, sheet integer, parcel text, geom geometry(Polygon, 5899));"
    "INSERT INTO parcels (commune, sheet, parcel, geom) SELECT 6700 + g % 50, g / 100, CASE WHEN g % 97 = 0 THEN NULL ELSE 'thửa\t' || g END, "
    "ST_Translate(ST_GeomFromText('POLYGON((0 0, 20 0, 20 20, 0 20, 0 0))', 5899), 521000 + g % 100 * 20, 2381000 + g / 100 * 20) "
    "FROM generate_series(1, 3000) g;" ) ).isEmpty() );
  const QUrl url( db.uri() );
  QgsDataSourceUri uri;
  uri.setConnection( url.host(), QString::number( url.port() ), url.path().mid( 1 ), url.userName(), url.password() );
  uri.setDataSource( QStringLiteral( "public" ), QStringLiteral( "parcels" ), QStringLiteral( "geom" ), QString(), QStringLiteral( "fid" ) );
  QgsVectorLayer layer( uri.uri( false ), QStringLiteral( "parcels" ), QStringLiteral( "postgres" ) );
  REQUIRE( layer.isValid() );

  RtKeyBinding binding;
  binding.kind = QStringLiteral( "parcel" );
  binding.match = RtKeyBinding::Match::Code;
  binding.fields = QStringList { QStringLiteral( "commune" ), QStringLiteral( "sheet" ), QStringLiteral( "parcel" ) };

  const Read copied = readKeys( &layer, binding );
  CHECK( copied.byCopy );
  // A filter makes the reader go through QGIS's features: the reference.
  REQUIRE( layer.setSubsetString( QStringLiteral( "fid > 0" ) ) );
  const Read provider = readKeys( &layer, binding );
  CHECK_FALSE( provider.byCopy );
  REQUIRE( provider.byFid.size() == 3000 );
  REQUIRE( copied.byFid.size() == provider.byFid.size() );
  CHECK( copied.byFid.keys() == provider.byFid.keys() );
  int differ = 0;
  for ( auto it = provider.byFid.cbegin(); it != provider.byFid.cend(); ++it )
    differ += copied.byFid.value( it.key() ) != it.value();
  CHECK( differ == 0 );
  // Spelled out: the commune code padded to 5 digits, the key text as the virtual field has it.
  CHECK( copied.byFid.value( 97 ).first == QStringList { QStringLiteral( "06747" ), QStringLiteral( "0" ), QString() } );
  CHECK( copied.byFid.value( 98 ).first == QStringList { QStringLiteral( "06748" ), QStringLiteral( "0" ), QStringLiteral( "thửa\t98" ) } );
  CHECK( copied.byFid.value( 98 ).second == QStringLiteral( "6748/0/thửa\t98" ) );

  // Unsaved edits: QGIS's features (the edit buffer) are read, not the server's rows.
  REQUIRE( layer.setSubsetString( QString() ) );
  REQUIRE( layer.startEditing() );
  REQUIRE( layer.changeAttributeValue( 98, layer.fields().indexOf( QStringLiteral( "parcel" ) ), QStringLiteral( "sửa" ) ) );
  const Read edited = readKeys( &layer, binding );
  CHECK_FALSE( edited.byCopy );
  CHECK( edited.byFid.value( 98 ).first.at( 2 ) == QStringLiteral( "sửa" ) );
  layer.rollBack();

  // Cancelled: no keys, and read() says so.
  RtResult<std::shared_ptr<RtKeyReader>> reader = RtKeyReader::prepare( &layer, binding );
  REQUIRE( reader.ok() );
  QgsFeedback feedback;
  feedback.cancel();
  CHECK_FALSE( reader.value()->read( &feedback ) );
}
