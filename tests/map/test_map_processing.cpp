// The Processing provider in-process: the join algorithm against `restrack join --json` on
// every sample layer (the same statuses, tasks, shares and reports), the export algorithm
// through the map library, the refusals, and a Processing model that chains the join.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtmapexport.h"
#include "rtprocessingexport.h"
#include "rtprocessingjoin.h"
#include "rtprocessingprovider.h"
#include "rtstore.h"

#include <qgsapplication.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingmodelalgorithm.h>
#include <qgsprocessingmodelchildalgorithm.h>
#include <qgsprocessingmodelchildparametersource.h>
#include <qgsprocessingmodelparameter.h>
#include <qgsprocessingmodeloutput.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingregistry.h>
#include <qgsvectorlayer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace
{
  //! Keeps what an algorithm reports, so that tests can read its messages.
  class RecordingFeedback : public QgsProcessingFeedback
  {
    public:
      void reportError( const QString &error, bool fatal ) override
      {
        errors << error;
        QgsProcessingFeedback::reportError( error, fatal );
      }
      void pushWarning( const QString &warning ) override
      {
        warnings << warning;
        QgsProcessingFeedback::pushWarning( warning );
      }
      QStringList errors;
      QStringList warnings;
  };

  //! A register of 172/NQ-HĐND with a few recorded changes, so that the statuses differ.
  struct Register
  {
    QTemporaryDir dir;
    QString path;
    bool ok = false;

    Register()
    {
      path = dir.filePath( QStringLiteral( "register.gpkg" ) );
      if ( !RtMapTest::buildRegister( path ) )
        return;
      RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, true );
      if ( !store.ok() )
        return;
      auto change = [&]( const char *id, RtStatus status, const QDate &date )
      {
        RtStatusChange c;
        c.taskId = QString::fromLatin1( id );
        c.newStatus = status;
        c.by = QStringLiteral( "Phòng QLĐT" );
        c.date = date;
        return store.value()->setStatus( c ).ok();
      };
      ok = change( "CM-QHPK-A3", RtStatus::Done, QDate( 2024, 6, 20 ) )
           && change( "CM-LAND-HAIHOA-KHU9", RtStatus::Blocked, QDate( 2024, 3, 1 ) )
           && change( "CM-QHPK-D1", RtStatus::Dropped, QDate( 2024, 5, 2 ) )
           && change( "CM-PORT-VANNINH-GD1", RtStatus::Done, QDate( 2025, 2, 10 ) );
    }
  };

  struct Run
  {
    bool ok = false;
    QVariantMap results;
    QStringList errors;
    QStringList warnings;
  };

  Run runAlgorithm( const QgsProcessingAlgorithm &algorithm, const QVariantMap &parameters )
  {
    QgsProcessingContext context;
    RecordingFeedback feedback;
    Run run;
    run.results = algorithm.run( parameters, context, &feedback, &run.ok );
    run.errors = feedback.errors;
    run.warnings = feedback.warnings;
    return run;
  }

  QJsonObject restrackJoin( const QStringList &args )
  {
    int code = -1;
    QString errors;
    const QString out = RtMapTest::run( RtTestPaths::cliExecutable(), QStringList { QStringLiteral( "join" ) } + args + QStringList { QStringLiteral( "--json" ) },
                                        &code, &errors );
    INFO( errors.toStdString() );
    REQUIRE( code == 0 );
    return QJsonDocument::fromJson( out.toUtf8() ).object();
  }

  struct Row
  {
    QString status;
    QString tasks;
    double share = -1;
    QDate asOf;
  };

  //! fid → the result fields of a layer the algorithm wrote.
  QMap<qint64, Row> readOutput( const QString &path, QStringList *fieldNames = nullptr )
  {
    QgsVectorLayer layer( path, QStringLiteral( "out" ), QStringLiteral( "ogr" ) );
    REQUIRE( layer.isValid() );
    if ( fieldNames )
      *fieldNames = layer.fields().names();
    QMap<qint64, Row> rows;
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures();
    while ( it.nextFeature( f ) )
      rows.insert( f.attribute( QStringLiteral( "fid" ) ).toLongLong(),
                   Row { f.attribute( QStringLiteral( "rt_status" ) ).toString(), f.attribute( QStringLiteral( "rt_tasks" ) ).toString(),
                         f.attribute( QStringLiteral( "rt_share_done" ) ).toDouble(), f.attribute( QStringLiteral( "rt_as_of" ) ).toDate() } );
    return rows;
  }

  //! Checks the algorithm's output and outputs against the CLI's JSON of the same join.
  void compareWithCli( const Run &run, const QString &outputPath, const QJsonObject &cli, const QDate &asOf )
  {
    INFO( run.errors.join( QLatin1Char( '\n' ) ).toStdString() );
    REQUIRE( run.ok );
    const QMap<qint64, Row> rows = readOutput( outputPath );
    const QJsonArray features = cli.value( QStringLiteral( "features" ) ).toArray();
    REQUIRE( !features.isEmpty() );
    CHECK( rows.size() == features.size() );
    int linked = 0;
    for ( const QJsonValue &v : features )
    {
      const QJsonObject f = v.toObject();
      const qint64 fid = static_cast<qint64>( f.value( QStringLiteral( "fid" ) ).toDouble() );
      INFO( "fid " << fid << " key " << f.value( QStringLiteral( "key" ) ).toString().toStdString() );
      REQUIRE( rows.contains( fid ) );
      const Row &row = rows.value( fid );
      CHECK( row.status == f.value( QStringLiteral( "status" ) ).toString() );
      QStringList tasks;
      for ( const QJsonValue &t : f.value( QStringLiteral( "tasks" ) ).toArray() )
        tasks << t.toString();
      CHECK( row.tasks == tasks.join( QLatin1Char( ',' ) ) );
      CHECK( row.share == Approx( f.value( QStringLiteral( "share_done" ) ).toDouble() ) );
      CHECK( row.asOf == asOf );
      linked += tasks.isEmpty() ? 0 : 1;
    }
    CHECK( run.results.value( QStringLiteral( "FEATURES" ) ).toInt() == features.size() );
    CHECK( run.results.value( QStringLiteral( "LINKED_FEATURES" ) ).toInt() == linked );
    CHECK( run.results.value( QStringLiteral( "UNMATCHED" ) ).toInt() == cli.value( QStringLiteral( "unmatched" ) ).toArray().size() );
    CHECK( run.results.value( QStringLiteral( "AMBIGUOUS" ) ).toInt() == cli.value( QStringLiteral( "ambiguous" ) ).toArray().size() );
  }

  QString sampleLayer( const char *name )
  {
    return RtMapTest::layersPath() + QStringLiteral( "|layername=" ) + QLatin1String( name );
  }
}

TEST_CASE( "the join algorithm gives every sample layer the statuses restrack join gives", "[map][processing][join]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.ok );
  RtJoinTasksAlgorithm algorithm;
  algorithm.initAlgorithm();

  struct Case
  {
    const char *layer;
    const char *kind;
    const char *field;
  };
  const Case cases[] = { { "zones", "zone", "code" }, { "wards_2023", "ward", "gso_code" }, { "sites", "site", "site_id" },
    { "site_lines", "site", "site_id" }, { "wards_2025", "ward", "gso_code" } };
  for ( const QDate &asOf : { QDate( 2025, 6, 1 ), QDate( 2026, 11, 26 ) } )
  {
    for ( const Case &c : cases )
    {
      INFO( c.layer << " as of " << asOf.toString( Qt::ISODate ).toStdString() );
      const QString out = reg.dir.filePath( QStringLiteral( "%1-%2.gpkg" ).arg( QLatin1String( c.layer ), asOf.toString( Qt::ISODate ) ) );
      const Run run = runAlgorithm( algorithm, { { QStringLiteral( "REGISTER" ), reg.path }, { QStringLiteral( "INPUT" ), sampleLayer( c.layer ) },
        { QStringLiteral( "KIND" ), QString::fromLatin1( c.kind ) }, { QStringLiteral( "KEY_FIELDS" ), QString::fromLatin1( c.field ) },
        { QStringLiteral( "AS_OF" ), asOf }, { QStringLiteral( "OUTPUT" ), out } } );
      const QJsonObject cli = restrackJoin( { QStringLiteral( "--db" ), reg.path, QStringLiteral( "--layer" ), sampleLayer( c.layer ),
                                              QStringLiteral( "--kind" ), QString::fromLatin1( c.kind ), QStringLiteral( "--fields" ), QString::fromLatin1( c.field ),
                                              QStringLiteral( "--as-of" ), asOf.toString( Qt::ISODate ) } );
      compareWithCli( run, out, cli, asOf );
    }
  }

  // The statuses differ between features (the comparison above is not between blanks).
  const QMap<qint64, Row> zones = readOutput( reg.dir.filePath( QStringLiteral( "zones-2026-11-26.gpkg" ) ) );
  QSet<QString> statuses;
  for ( const Row &r : zones )
    statuses.insert( r.status );
  CHECK( statuses.size() >= 2 );
  // wards_2025 without a key map misses links (2023 codes): the report says how many.
  const QJsonObject plain2025 = restrackJoin( { QStringLiteral( "--db" ), reg.path, QStringLiteral( "--layer" ), sampleLayer( "wards_2025" ),
                                                QStringLiteral( "--kind" ), QStringLiteral( "ward" ), QStringLiteral( "--fields" ), QStringLiteral( "gso_code" ) } );
  CHECK( !plain2025.value( QStringLiteral( "unmatched" ) ).toArray().isEmpty() );
}

TEST_CASE( "the join algorithm translates keys through a key map as restrack join --key-map does", "[map][processing][join]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.ok );
  RtJoinTasksAlgorithm algorithm;
  algorithm.initAlgorithm();
  const QString out = reg.dir.filePath( QStringLiteral( "wards_2025-mapped.gpkg" ) );
  const Run run = runAlgorithm( algorithm, { { QStringLiteral( "REGISTER" ), reg.path }, { QStringLiteral( "INPUT" ), sampleLayer( "wards_2025" ) },
    { QStringLiteral( "KIND" ), QStringLiteral( "ward" ) }, { QStringLiteral( "KEY_FIELDS" ), QStringLiteral( "gso_code" ) },
    { QStringLiteral( "AS_OF" ), QStringLiteral( "2025-08-01" ) }, { QStringLiteral( "KEY_MAP" ), sampleLayer( "wards_2023" ) },
    { QStringLiteral( "KEY_MAP_FROM" ), QStringLiteral( "gso_code" ) }, { QStringLiteral( "KEY_MAP_TO" ), QStringLiteral( "gso_code_2025" ) },
    { QStringLiteral( "OUTPUT" ), out } } );
  const QJsonObject cli = restrackJoin( { QStringLiteral( "--db" ), reg.path, QStringLiteral( "--layer" ), sampleLayer( "wards_2025" ),
                                          QStringLiteral( "--kind" ), QStringLiteral( "ward" ), QStringLiteral( "--fields" ), QStringLiteral( "gso_code" ),
                                          QStringLiteral( "--key-map" ), sampleLayer( "wards_2023" ), QStringLiteral( "--key-map-fields" ), QStringLiteral( "gso_code,gso_code_2025" ),
                                          QStringLiteral( "--as-of" ), QStringLiteral( "2025-08-01" ) } );
  compareWithCli( run, out, cli, QDate( 2025, 8, 1 ) );
  // Every 2023 link lands on a 2025 unit through the map.
  CHECK( run.results.value( QStringLiteral( "UNMATCHED" ) ).toInt() == 0 );

  // A key map without its fields is refused.
  const Run noFields = runAlgorithm( algorithm, { { QStringLiteral( "REGISTER" ), reg.path }, { QStringLiteral( "INPUT" ), sampleLayer( "wards_2025" ) },
    { QStringLiteral( "KIND" ), QStringLiteral( "ward" ) }, { QStringLiteral( "KEY_FIELDS" ), QStringLiteral( "gso_code" ) },
    { QStringLiteral( "KEY_MAP" ), sampleLayer( "wards_2023" ) }, { QStringLiteral( "OUTPUT" ), reg.dir.filePath( QStringLiteral( "x.gpkg" ) ) } } );
  CHECK_FALSE( noFields.ok );
  CHECK( noFields.errors.join( QLatin1Char( ' ' ) ).contains( QStringLiteral( "gso_code_2025" ) ) );
}

TEST_CASE( "the join algorithm reads GSO codes from a numeric field with their leading zeros, as restrack join does", "[map][processing][join]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.ok );
  // wards_2023 with gso_code as an integer (06715 → 6715), as spreadsheets and shapefiles keep it.
  const QString numeric = reg.dir.filePath( QStringLiteral( "numeric.gpkg" ) );
  int code = -1;
  RtMapTest::run( QStringLiteral( "ogr2ogr" ), { QStringLiteral( "-f" ), QStringLiteral( "GPKG" ), numeric, RtMapTest::layersPath(),
                  QStringLiteral( "-nln" ), QStringLiteral( "wards" ), QStringLiteral( "-sql" ),
                  QStringLiteral( "SELECT CAST(gso_code AS INTEGER) AS ma_xa, name, geom FROM wards_2023" ) }, &code );
  REQUIRE( code == 0 );
  RtJoinTasksAlgorithm algorithm;
  algorithm.initAlgorithm();
  const QString out = reg.dir.filePath( QStringLiteral( "numeric-out.gpkg" ) );
  const Run run = runAlgorithm( algorithm, { { QStringLiteral( "REGISTER" ), reg.path }, { QStringLiteral( "INPUT" ), numeric },
    { QStringLiteral( "KIND" ), QStringLiteral( "ward" ) }, { QStringLiteral( "KEY_FIELDS" ), QStringLiteral( "ma_xa" ) },
    { QStringLiteral( "AS_OF" ), QStringLiteral( "2026-11-26" ) }, { QStringLiteral( "OUTPUT" ), out } } );
  const QJsonObject cli = restrackJoin( { QStringLiteral( "--db" ), reg.path, QStringLiteral( "--layer" ), numeric, QStringLiteral( "--kind" ), QStringLiteral( "ward" ),
                                          QStringLiteral( "--fields" ), QStringLiteral( "ma_xa" ), QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ) } );
  compareWithCli( run, out, cli, QDate( 2026, 11, 26 ) );
  CHECK( run.results.value( QStringLiteral( "UNMATCHED" ) ).toInt() == 0 );
  CHECK( run.warnings.join( QLatin1Char( ' ' ) ).contains( QStringLiteral( "leading zeros" ) ) );
}

TEST_CASE( "the join algorithm keeps the input's fields once and replaces its rt_ fields", "[map][processing][join]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.ok );
  RtJoinTasksAlgorithm algorithm;
  algorithm.initAlgorithm();
  const QString out = reg.dir.filePath( QStringLiteral( "zones.gpkg" ) );
  const Run run = runAlgorithm( algorithm, { { QStringLiteral( "REGISTER" ), reg.path }, { QStringLiteral( "INPUT" ), sampleLayer( "zones" ) },
    { QStringLiteral( "KIND" ), QStringLiteral( "zone" ) }, { QStringLiteral( "KEY_FIELDS" ), QStringLiteral( "code" ) },
    { QStringLiteral( "OUTPUT" ), out } } );
  REQUIRE( run.ok );
  QStringList outFields;
  const QMap<qint64, Row> rows = readOutput( out, &outFields );
  QgsVectorLayer input( sampleLayer( "zones" ), QStringLiteral( "zones" ), QStringLiteral( "ogr" ) );
  REQUIRE( input.isValid() );
  // The sample already carries rt_status, rt_share_done, rt_tasks and rt_as_of (as of 2023): replaced, not doubled.
  REQUIRE( input.fields().lookupField( QStringLiteral( "rt_status" ) ) >= 0 );
  QStringList expected = input.fields().names();
  for ( const QString &name : { QStringLiteral( "rt_status" ), QStringLiteral( "rt_share_done" ), QStringLiteral( "rt_tasks" ), QStringLiteral( "rt_as_of" ) } )
    expected.removeAll( name );
  expected << QStringLiteral( "rt_status" ) << QStringLiteral( "rt_tasks" ) << QStringLiteral( "rt_share_done" ) << QStringLiteral( "rt_as_of" );
  CHECK( outFields == expected );
  // No date given: today.
  REQUIRE( !rows.isEmpty() );
  CHECK( rows.first().asOf == QDate::currentDate() );
  // The geometries are the input's.
  QgsVectorLayer output( out, QStringLiteral( "out" ), QStringLiteral( "ogr" ) );
  QgsFeature a;
  QgsFeature b;
  REQUIRE( input.getFeatures( QgsFeatureRequest().setFilterFid( 1 ) ).nextFeature( a ) );
  REQUIRE( output.getFeatures( QgsFeatureRequest().setFilterExpression( QStringLiteral( "fid = 1" ) ) ).nextFeature( b ) );
  CHECK( a.geometry().equals( b.geometry() ) );
  CHECK( a.attribute( QStringLiteral( "code" ) ) == b.attribute( QStringLiteral( "code" ) ) );
}

TEST_CASE( "the join algorithm refuses a missing register, a date before the resolution and a missing field with a message", "[map][processing][join]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.ok );
  RtJoinTasksAlgorithm algorithm;
  algorithm.initAlgorithm();
  const QString out = reg.dir.filePath( QStringLiteral( "out.gpkg" ) );
  QVariantMap parameters { { QStringLiteral( "REGISTER" ), reg.path }, { QStringLiteral( "INPUT" ), sampleLayer( "zones" ) },
    { QStringLiteral( "KIND" ), QStringLiteral( "zone" ) }, { QStringLiteral( "KEY_FIELDS" ), QStringLiteral( "code" ) }, { QStringLiteral( "OUTPUT" ), out } };

  QVariantMap missing = parameters;
  const QString nowhere = reg.dir.filePath( QStringLiteral( "no-such-register.gpkg" ) );
  missing.insert( QStringLiteral( "REGISTER" ), nowhere );
  const Run noRegister = runAlgorithm( algorithm, missing );
  CHECK_FALSE( noRegister.ok );
  REQUIRE( noRegister.errors.size() >= 1 );
  CHECK( noRegister.errors.first().startsWith( QStringLiteral( "The register cannot be opened: " ) ) );
  CHECK( noRegister.errors.first().contains( nowhere ) );
  CHECK_FALSE( QFileInfo::exists( out ) );

  QVariantMap early = parameters;
  early.insert( QStringLiteral( "AS_OF" ), QStringLiteral( "2023-01-01" ) );
  const Run tooEarly = runAlgorithm( algorithm, early );
  CHECK_FALSE( tooEarly.ok );
  REQUIRE( tooEarly.errors.size() >= 1 );
  // The rule's own refusal (RtTasksAsOf), which names the resolution's date.
  CHECK( tooEarly.errors.first().contains( QStringLiteral( "2023-10-13" ) ) );

  QVariantMap field = parameters;
  field.insert( QStringLiteral( "KEY_FIELDS" ), QStringLiteral( "ma_khu" ) );
  const Run noField = runAlgorithm( algorithm, field );
  CHECK_FALSE( noField.ok );
  REQUIRE( noField.errors.size() >= 1 );
  CHECK( noField.errors.first().contains( QStringLiteral( "'ma_khu'" ) ) );
  CHECK( noField.errors.first().contains( QStringLiteral( "code" ) ) ); // the fields it has are listed
}

TEST_CASE( "the export algorithm writes the council map through the map library", "[map][processing][export]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.ok );
  RtExportMapAlgorithm algorithm;
  algorithm.initAlgorithm();
  CHECK( ( algorithm.flags() & QgsProcessingAlgorithm::FlagNoThreading ) );
  const QString pdf = reg.dir.filePath( QStringLiteral( "council.pdf" ) );
  const QDate asOf( 2026, 11, 26 );
  const QByteArray layersBefore = RtMapTest::sha256( RtMapTest::layersPath() );
  const Run run = runAlgorithm( algorithm, { { QStringLiteral( "REGISTER" ), reg.path }, { QStringLiteral( "LAYERS" ), RtMapTest::layersPath() },
    { QStringLiteral( "AS_OF" ), asOf }, { QStringLiteral( "LANGUAGE" ), QStringLiteral( "en" ) }, { QStringLiteral( "OUTPUT" ), pdf } } );
  INFO( run.errors.join( QLatin1Char( '\n' ) ).toStdString() );
  REQUIRE( run.ok );
  CHECK( run.results.value( QStringLiteral( "OUTPUT" ) ).toString() == pdf );
  // The same counts the library reports for the same options.
  RtMapExportOptions options;
  options.registerPath = reg.path;
  options.layersPath = RtMapTest::layersPath();
  options.asOf = asOf;
  options.lang = RtLang::En;
  options.outputPath = reg.dir.filePath( QStringLiteral( "library.pdf" ) );
  const RtResult<RtMapExportReport> library = RtMapExport::exportMap( options );
  REQUIRE( library.ok() );
  CHECK( run.results.value( QStringLiteral( "TASKS" ) ).toInt() == library.value().tasks );
  CHECK( run.results.value( QStringLiteral( "OVERDUE" ) ).toInt() == library.value().overdue );
  CHECK( library.value().overdue > 0 );
  // The title as the library writes it, read back from the PDF.
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( reg.path, false );
  REQUIRE( store.ok() );
  const QString text = RtMapTest::run( QStringLiteral( "pdftotext" ), { pdf, QStringLiteral( "-" ) } );
  CHECK( text.contains( RtMapExport::title( store.value()->document(), asOf, RtLang::En ) ) );
  CHECK( RtMapTest::sha256( RtMapTest::layersPath() ) == layersBefore );

  // A layers file that does not exist: refused with the library's reason, nothing written.
  const QString png = reg.dir.filePath( QStringLiteral( "council.png" ) );
  const Run noLayers = runAlgorithm( algorithm, { { QStringLiteral( "REGISTER" ), reg.path },
    { QStringLiteral( "LAYERS" ), reg.dir.filePath( QStringLiteral( "no-layers.gpkg" ) ) }, { QStringLiteral( "OUTPUT" ), png } } );
  CHECK_FALSE( noLayers.ok );
  REQUIRE( noLayers.errors.size() >= 1 );
  CHECK( noLayers.errors.first().startsWith( QStringLiteral( "The council map was not written: " ) ) );
  CHECK( noLayers.errors.first().contains( QStringLiteral( "no-layers.gpkg" ) ) );
  CHECK_FALSE( QFileInfo::exists( png ) );
}

TEST_CASE( "the provider registers once and offers both algorithms with typed parameters for the Model Designer", "[map][processing]" )
{
  QgsProcessingRegistry *registry = QgsApplication::processingRegistry();
  REQUIRE( registry );
  REQUIRE( !registry->providerById( RtProcessingProvider::providerId() ) );
  RtProcessingProvider *provider = RtProcessingProvider::addTo( registry );
  REQUIRE( provider );
  // A second registration adds nothing and leaves the first in place.
  CHECK( RtProcessingProvider::addTo( registry ) == nullptr );
  CHECK( registry->providerById( QStringLiteral( "resolutiontracker" ) ) == provider );

  const QgsProcessingAlgorithm *join = registry->algorithmById( QStringLiteral( "resolutiontracker:jointasks" ) );
  const QgsProcessingAlgorithm *exportMap = registry->algorithmById( QStringLiteral( "resolutiontracker:exportcouncilmap" ) );
  const QgsProcessingAlgorithm *pack = registry->algorithmById( QStringLiteral( "resolutiontracker:sessionpack" ) );
  REQUIRE( join );
  REQUIRE( exportMap );
  REQUIRE( pack );
  CHECK( provider->algorithms().size() == 3 );
  CHECK( pack->parameterDefinition( QStringLiteral( "SINCE" ) )->type() == QgsProcessingParameterDateTime::typeName() );
  CHECK( pack->parameterDefinition( QStringLiteral( "TABLES" ) )->type() == QgsProcessingParameterFileDestination::typeName() );
  CHECK_FALSE( join->shortHelpString().isEmpty() );
  CHECK_FALSE( exportMap->shortHelpString().isEmpty() );
  // Typed parameters: the Model Designer offers layers, fields of the chosen layer, dates, files.
  CHECK( join->parameterDefinition( QStringLiteral( "INPUT" ) )->type() == QgsProcessingParameterFeatureSource::typeName() );
  const auto *fields = dynamic_cast<const QgsProcessingParameterField *>( join->parameterDefinition( QStringLiteral( "KEY_FIELDS" ) ) );
  REQUIRE( fields );
  CHECK( fields->parentLayerParameterName() == QStringLiteral( "INPUT" ) );
  CHECK( fields->allowMultiple() );
  const QgsProcessingParameterDefinition *asOf = join->parameterDefinition( QStringLiteral( "AS_OF" ) );
  REQUIRE( asOf );
  CHECK( asOf->type() == QgsProcessingParameterDateTime::typeName() );
  CHECK( ( asOf->flags() & QgsProcessingParameterDefinition::FlagOptional ) );
  CHECK( join->parameterDefinition( QStringLiteral( "OUTPUT" ) )->type() == QgsProcessingParameterFeatureSink::typeName() );
  CHECK( join->outputDefinition( QStringLiteral( "UNMATCHED" ) ) != nullptr );
  CHECK( exportMap->parameterDefinition( QStringLiteral( "OUTPUT" ) )->type() == QgsProcessingParameterFileDestination::typeName() );
  CHECK( exportMap->parameterDefinition( QStringLiteral( "PRINT" ) )->type() == QgsProcessingParameterBoolean::typeName() );

  CHECK( registry->removeProvider( provider ) );
  CHECK( !registry->providerById( RtProcessingProvider::providerId() ) );
}

TEST_CASE( "a Processing model runs the join as a child algorithm", "[map][processing][model]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.ok );
  QgsProcessingRegistry *registry = QgsApplication::processingRegistry();
  RtProcessingProvider *provider = RtProcessingProvider::addTo( registry );
  REQUIRE( provider );

  // What a user builds in the Model Designer: two inputs, the join, its layer as the model's output.
  QgsProcessingModelAlgorithm model( QStringLiteral( "zones status" ), QStringLiteral( "test" ) );
  model.addModelParameter( new QgsProcessingParameterFile( QStringLiteral( "register" ), QStringLiteral( "Register" ) ),
                           QgsProcessingModelParameter( QStringLiteral( "register" ) ) );
  model.addModelParameter( new QgsProcessingParameterVectorLayer( QStringLiteral( "zones" ), QStringLiteral( "Zones" ) ),
                           QgsProcessingModelParameter( QStringLiteral( "zones" ) ) );
  QgsProcessingModelChildAlgorithm child( QStringLiteral( "resolutiontracker:jointasks" ) );
  child.setChildId( QStringLiteral( "join" ) );
  child.addParameterSources( QStringLiteral( "REGISTER" ), { QgsProcessingModelChildParameterSource::fromModelParameter( QStringLiteral( "register" ) ) } );
  child.addParameterSources( QStringLiteral( "INPUT" ), { QgsProcessingModelChildParameterSource::fromModelParameter( QStringLiteral( "zones" ) ) } );
  child.addParameterSources( QStringLiteral( "KIND" ), { QgsProcessingModelChildParameterSource::fromStaticValue( QStringLiteral( "zone" ) ) } );
  child.addParameterSources( QStringLiteral( "KEY_FIELDS" ), { QgsProcessingModelChildParameterSource::fromStaticValue( QStringLiteral( "code" ) ) } );
  child.addParameterSources( QStringLiteral( "AS_OF" ), { QgsProcessingModelChildParameterSource::fromStaticValue( QDate( 2026, 11, 26 ) ) } );
  QgsProcessingModelOutput output( QStringLiteral( "status" ) );
  output.setChildOutputName( QStringLiteral( "OUTPUT" ) );
  child.setModelOutputs( { { QStringLiteral( "status" ), output } } );
  model.addChildAlgorithm( child );
  model.updateDestinationParameters();
  REQUIRE( model.childAlgorithm( QStringLiteral( "join" ) ).algorithm() );

  const QString out = reg.dir.filePath( QStringLiteral( "model-zones.gpkg" ) );
  QgsProcessingContext context;
  RecordingFeedback feedback;
  bool ok = false;
  const QVariantMap results = model.run( { { QStringLiteral( "register" ), reg.path }, { QStringLiteral( "zones" ), sampleLayer( "zones" ) },
    { QStringLiteral( "join:status" ), out } }, context, &feedback, &ok );
  INFO( feedback.errors.join( QLatin1Char( '\n' ) ).toStdString() );
  CHECK( ok );
  const QJsonObject cli = restrackJoin( { QStringLiteral( "--db" ), reg.path, QStringLiteral( "--layer" ), sampleLayer( "zones" ), QStringLiteral( "--kind" ), QStringLiteral( "zone" ),
                                          QStringLiteral( "--fields" ), QStringLiteral( "code" ), QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ) } );
  const QMap<qint64, Row> rows = readOutput( out );
  REQUIRE( rows.size() == cli.value( QStringLiteral( "features" ) ).toArray().size() );
  for ( const QJsonValue &v : cli.value( QStringLiteral( "features" ) ).toArray() )
    CHECK( rows.value( static_cast<qint64>( v.toObject().value( QStringLiteral( "fid" ) ).toDouble() ) ).status == v.toObject().value( QStringLiteral( "status" ) ).toString() );
  CHECK( results.value( QStringLiteral( "join:status" ) ).toString() == out );
  CHECK( registry->removeProvider( provider ) );
}
