// The Processing provider through qgis_process, as a user or a script runs it: the Python
// shim (plugin/processing_shim/) enabled in a throw-away profile, the algorithms listed,
// the join's statuses equal to restrack join's, the council map written, refusals with our
// message, the Vietnamese texts, and a model saved from the Model Designer. HOME, the XDG
// folders and the QGIS profile are temporary: the user's QGIS settings are never touched.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtmapexport.h"
#include "rtprocessingprovider.h"
#include "rtstore.h"

#include <qgsapplication.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsprocessingmodelalgorithm.h>
#include <qgsprocessingmodelchildalgorithm.h>
#include <qgsprocessingmodelchildparametersource.h>
#include <qgsprocessingmodeloutput.h>
#include <qgsprocessingmodelparameter.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingregistry.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace
{
  struct Result
  {
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson( out.toUtf8() ).object(); }
  };

  //! qgis_process in a home of its own: a profile where the shim is enabled (or not) and a language.
  class QgisProcess
  {
    public:
      QgisProcess( const QString &language, bool enableShim = true )
      {
        REQUIRE( mHome.isValid() );
        const QString settings = mHome.filePath( QStringLiteral( "qgis/profiles/default/QGIS/QGIS3.ini" ) );
        REQUIRE( QDir().mkpath( QFileInfo( settings ).absolutePath() ) );
        QString ini = QStringLiteral( "[locale]\noverrideFlag=true\nuserLocale=%1\n" ).arg( language );
        if ( enableShim )
          ini += QStringLiteral( "\n[PythonPlugins]\nresolutiontracker_processing=true\n" );
        REQUIRE( rtWriteAll( settings, ini.toUtf8() ) );
      }

      Result run( const QStringList &args ) const
      {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert( QStringLiteral( "HOME" ), mHome.path() );
        env.insert( QStringLiteral( "XDG_CONFIG_HOME" ), mHome.filePath( QStringLiteral( "config" ) ) );
        env.insert( QStringLiteral( "XDG_DATA_HOME" ), mHome.filePath( QStringLiteral( "data" ) ) );
        env.insert( QStringLiteral( "XDG_CACHE_HOME" ), mHome.filePath( QStringLiteral( "cache" ) ) );
        env.insert( QStringLiteral( "QGIS_CUSTOM_CONFIG_PATH" ), mHome.filePath( QStringLiteral( "qgis" ) ) );
        env.insert( QStringLiteral( "QGIS_PLUGINPATH" ), QStringLiteral( RT_PYTHON_PLUGIN_DIR ) );
        env.insert( QStringLiteral( "QT_QPA_PLATFORM" ), QStringLiteral( "offscreen" ) );
        QProcess p;
        p.setProcessEnvironment( env );
        p.start( QStringLiteral( RT_QGIS_PROCESS ), args );
        Result r;
        if ( !p.waitForFinished( 300000 ) )
        {
          p.kill();
          p.waitForFinished();
          r.err = QStringLiteral( "qgis_process did not finish" );
          return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8( p.readAllStandardOutput() );
        r.err = QString::fromUtf8( p.readAllStandardError() );
        return r;
      }

      QString settingsText() const
      {
        return QString::fromUtf8( rtReadAll( mHome.filePath( QStringLiteral( "qgis/profiles/default/QGIS/QGIS3.ini" ) ) ) );
      }

    private:
      QTemporaryDir mHome;
  };

  QString sampleLayer( const char *name )
  {
    return RtMapTest::layersPath() + QStringLiteral( "|layername=" ) + QLatin1String( name );
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

  //! fid → rt_status of a layer qgis_process wrote.
  QMap<qint64, QString> statusesOf( const QString &path )
  {
    QgsVectorLayer layer( path, QStringLiteral( "out" ), QStringLiteral( "ogr" ) );
    REQUIRE( layer.isValid() );
    QMap<qint64, QString> out;
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures();
    while ( it.nextFeature( f ) )
      out.insert( f.attribute( QStringLiteral( "fid" ) ).toLongLong(), f.attribute( QStringLiteral( "rt_status" ) ).toString() );
    return out;
  }

  QMap<qint64, QString> statusesOf( const QJsonObject &cli )
  {
    QMap<qint64, QString> out;
    for ( const QJsonValue &v : cli.value( QStringLiteral( "features" ) ).toArray() )
      out.insert( static_cast<qint64>( v.toObject().value( QStringLiteral( "fid" ) ).toDouble() ), v.toObject().value( QStringLiteral( "status" ) ).toString() );
    return out;
  }

  //! A register of 172/NQ-HĐND built with restrack build-register, with A3's plan done.
  struct Register
  {
    QTemporaryDir dir;
    QString path;
    bool make()
    {
      path = dir.filePath( QStringLiteral( "register.gpkg" ) );
      int code = -1;
      RtMapTest::run( RtTestPaths::cliExecutable(), { QStringLiteral( "build-register" ), QStringLiteral( "--out" ), path,
                      QStringLiteral( "--register" ), RtTestPaths::registerJson() }, &code );
      if ( code != 0 )
        return false;
      RtMapTest::run( RtTestPaths::cliExecutable(), { QStringLiteral( "set-status" ), QStringLiteral( "--db" ), path, QStringLiteral( "CM-QHPK-A3" ),
                      QStringLiteral( "done" ), QStringLiteral( "--by" ), QStringLiteral( "Phòng QLĐT" ), QStringLiteral( "--date" ), QStringLiteral( "2024-06-20" ) }, &code );
      return code == 0;
    }
  };
}

TEST_CASE( "qgis_process lists the Resolution Tracker algorithms once the shim plugin is enabled", "[qgis_process]" )
{
  // Enabled as the README says: qgis_process plugins enable resolutiontracker_processing.
  QgisProcess fresh( QStringLiteral( "en" ), false );
  const Result before = fresh.run( { QStringLiteral( "list" ) } );
  REQUIRE( before.code == 0 );
  CHECK_FALSE( before.out.contains( QStringLiteral( "resolutiontracker:" ) ) );
  const Result enable = fresh.run( { QStringLiteral( "plugins" ), QStringLiteral( "enable" ), QStringLiteral( "resolutiontracker_processing" ) } );
  INFO( enable.out.toStdString() << enable.err.toStdString() );
  REQUIRE( enable.code == 0 );
  CHECK( fresh.settingsText().contains( QStringLiteral( "resolutiontracker_processing=true" ) ) );

  const Result list = fresh.run( { QStringLiteral( "list" ) } );
  INFO( list.err.toStdString() );
  REQUIRE( list.code == 0 );
  const int provider = list.out.indexOf( QStringLiteral( "\nResolution Tracker\n" ) );
  REQUIRE( provider >= 0 );
  const int join = list.out.indexOf( QStringLiteral( "resolutiontracker:jointasks\tJoin resolution tasks to a layer" ) );
  const int exportMap = list.out.indexOf( QStringLiteral( "resolutiontracker:exportcouncilmap\tExport the council map" ) );
  const int pack = list.out.indexOf( QStringLiteral( "resolutiontracker:sessionpack\tMake the session pack" ) );
  CHECK( join > provider );
  CHECK( exportMap > provider );
  CHECK( pack > provider );
  const Result plugins = fresh.run( { QStringLiteral( "plugins" ) } );
  CHECK( plugins.out.contains( QStringLiteral( "* resolutiontracker_processing" ) ) );
}

TEST_CASE( "qgis_process run jointasks writes the statuses restrack join gives", "[qgis_process][join]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.make() );
  QgisProcess qgis( QStringLiteral( "en" ) );
  struct Case
  {
    const char *layer;
    const char *kind;
    const char *field;
    bool keyMap;
  };
  for ( const Case &c : { Case { "zones", "zone", "code", false }, Case { "wards_2023", "ward", "gso_code", false }, Case { "wards_2025", "ward", "gso_code", true } } )
  {
    INFO( c.layer );
    const QString out = reg.dir.filePath( QStringLiteral( "%1.gpkg" ).arg( QLatin1String( c.layer ) ) );
    QStringList args { QStringLiteral( "--json" ), QStringLiteral( "run" ), QStringLiteral( "resolutiontracker:jointasks" ), QStringLiteral( "--" ),
                       QStringLiteral( "REGISTER=%1" ).arg( reg.path ), QStringLiteral( "INPUT=%1" ).arg( sampleLayer( c.layer ) ),
                       QStringLiteral( "KIND=%1" ).arg( QLatin1String( c.kind ) ), QStringLiteral( "KEY_FIELDS=%1" ).arg( QLatin1String( c.field ) ),
                       QStringLiteral( "AS_OF=2026-11-26" ), QStringLiteral( "OUTPUT=%1" ).arg( out ) };
    QStringList cliArgs { QStringLiteral( "--db" ), reg.path, QStringLiteral( "--layer" ), sampleLayer( c.layer ), QStringLiteral( "--kind" ), QLatin1String( c.kind ),
                          QStringLiteral( "--fields" ), QLatin1String( c.field ), QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ) };
    if ( c.keyMap )
    {
      args << QStringLiteral( "KEY_MAP=%1" ).arg( sampleLayer( "wards_2023" ) ) << QStringLiteral( "KEY_MAP_FROM=gso_code" ) << QStringLiteral( "KEY_MAP_TO=gso_code_2025" );
      cliArgs << QStringLiteral( "--key-map" ) << sampleLayer( "wards_2023" ) << QStringLiteral( "--key-map-fields" ) << QStringLiteral( "gso_code,gso_code_2025" );
    }
    const Result run = qgis.run( args );
    INFO( run.err.toStdString() );
    REQUIRE( run.code == 0 );
    const QJsonObject cli = restrackJoin( cliArgs );
    const QMap<qint64, QString> written = statusesOf( out );
    REQUIRE( !written.isEmpty() );
    CHECK( written == statusesOf( cli ) );
    const QJsonObject results = run.json().value( QStringLiteral( "results" ) ).toObject();
    CHECK( results.value( QStringLiteral( "UNMATCHED" ) ).toInt() == cli.value( QStringLiteral( "unmatched" ) ).toArray().size() );
    CHECK( results.value( QStringLiteral( "FEATURES" ) ).toInt() == written.size() );
  }
}

TEST_CASE( "qgis_process run exportcouncilmap writes a PDF whose text has the map's title", "[qgis_process][export]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.make() );
  QgisProcess qgis( QStringLiteral( "vi" ) );
  const QString pdf = reg.dir.filePath( QStringLiteral( "council.pdf" ) );
  const Result run = qgis.run( { QStringLiteral( "--json" ), QStringLiteral( "run" ), QStringLiteral( "resolutiontracker:exportcouncilmap" ), QStringLiteral( "--" ),
                                 QStringLiteral( "REGISTER=%1" ).arg( reg.path ), QStringLiteral( "LAYERS=%1" ).arg( RtMapTest::layersPath() ),
                                 QStringLiteral( "AS_OF=2026-11-26" ), QStringLiteral( "UNITS=2025" ), QStringLiteral( "LANGUAGE=vi" ),
                                 QStringLiteral( "PRINT=true" ), QStringLiteral( "OUTPUT=%1" ).arg( pdf ) } );
  INFO( run.err.toStdString() );
  REQUIRE( run.code == 0 );
  REQUIRE( QFileInfo::exists( pdf ) );
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( reg.path, false );
  REQUIRE( store.ok() );
  const QString text = RtMapTest::run( QStringLiteral( "pdftotext" ), { pdf, QStringLiteral( "-" ) } );
  CHECK( text.contains( RtMapExport::title( store.value()->document(), QDate( 2026, 11, 26 ), RtLang::Vi ) ) );
  CHECK( run.json().value( QStringLiteral( "results" ) ).toObject().value( QStringLiteral( "TASKS" ) ).toInt() == 89 );
}

TEST_CASE( "qgis_process refuses an unknown register with our message, in the user's language", "[qgis_process]" )
{
  RtMapTest::requireLayers();
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString nowhere = dir.filePath( QStringLiteral( "no-such-register.gpkg" ) );
  const QString out = dir.filePath( QStringLiteral( "zones.gpkg" ) );
  const QStringList args { QStringLiteral( "run" ), QStringLiteral( "resolutiontracker:jointasks" ), QStringLiteral( "--" ),
                           QStringLiteral( "REGISTER=%1" ).arg( nowhere ), QStringLiteral( "INPUT=%1" ).arg( sampleLayer( "zones" ) ),
                           QStringLiteral( "KIND=zone" ), QStringLiteral( "KEY_FIELDS=code" ), QStringLiteral( "OUTPUT=%1" ).arg( out ) };
  const Result english = QgisProcess( QStringLiteral( "en" ) ).run( args );
  CHECK( english.code != 0 );
  CHECK( english.err.contains( QStringLiteral( "The register cannot be opened: " ) + nowhere ) );
  CHECK( english.err.contains( QStringLiteral( "does not exist" ) ) );
  CHECK_FALSE( QFileInfo::exists( out ) );
  const Result vietnamese = QgisProcess( QStringLiteral( "vi" ) ).run( args );
  CHECK( vietnamese.code != 0 );
  CHECK( vietnamese.err.contains( QStringLiteral( "Không mở được sổ theo dõi: " ) + nowhere ) );
}

TEST_CASE( "qgis_process shows the algorithms' help in Vietnamese when QGIS speaks Vietnamese", "[qgis_process]" )
{
  const Result vi = QgisProcess( QStringLiteral( "vi" ) ).run( { QStringLiteral( "help" ), QStringLiteral( "resolutiontracker:jointasks" ) } );
  INFO( vi.err.toStdString() );
  REQUIRE( vi.code == 0 );
  CHECK( vi.out.contains( QStringLiteral( "Nối nhiệm vụ của nghị quyết vào một lớp (resolutiontracker:jointasks)" ) ) );
  CHECK_FALSE( vi.out.contains( QStringLiteral( "Join resolution tasks to a layer" ) ) );
  // The parameters too (they are made when the provider is registered).
  CHECK( vi.out.contains( QStringLiteral( "REGISTER: Sổ theo dõi (tệp GeoPackage của Theo dõi Nghị quyết)" ) ) );
  const Result en = QgisProcess( QStringLiteral( "en" ) ).run( { QStringLiteral( "help" ), QStringLiteral( "resolutiontracker:jointasks" ) } );
  REQUIRE( en.code == 0 );
  CHECK( en.out.contains( QStringLiteral( "Join resolution tasks to a layer (resolutiontracker:jointasks)" ) ) );
}

TEST_CASE( "a model saved from the Model Designer runs the join in qgis_process", "[qgis_process][model]" )
{
  RtMapTest::requireLayers();
  Register reg;
  REQUIRE( reg.make() );
  // The model as the Model Designer saves it (.model3), made with our provider registered here.
  RtProcessingProvider *provider = RtProcessingProvider::addTo( QgsApplication::processingRegistry() );
  REQUIRE( provider );
  QgsProcessingModelAlgorithm model( QStringLiteral( "zones_status" ), QStringLiteral( "resolution" ) );
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
  child.addParameterSources( QStringLiteral( "AS_OF" ), { QgsProcessingModelChildParameterSource::fromStaticValue( QStringLiteral( "2026-11-26" ) ) } );
  QgsProcessingModelOutput output( QStringLiteral( "status" ) );
  output.setChildOutputName( QStringLiteral( "OUTPUT" ) );
  child.setModelOutputs( { { QStringLiteral( "status" ), output } } );
  model.addChildAlgorithm( child );
  model.updateDestinationParameters();
  const QString file = reg.dir.filePath( QStringLiteral( "zones_status.model3" ) );
  REQUIRE( model.toFile( file ) );
  QgsApplication::processingRegistry()->removeProvider( provider );

  const QString out = reg.dir.filePath( QStringLiteral( "model-zones.gpkg" ) );
  const Result run = QgisProcess( QStringLiteral( "en" ) ).run( { QStringLiteral( "run" ), file, QStringLiteral( "--" ),
                     QStringLiteral( "register=%1" ).arg( reg.path ), QStringLiteral( "zones=%1" ).arg( sampleLayer( "zones" ) ),
                     QStringLiteral( "join:status=%1" ).arg( out ) } );
  INFO( run.out.toStdString() << run.err.toStdString() );
  REQUIRE( run.code == 0 );
  const QJsonObject cli = restrackJoin( { QStringLiteral( "--db" ), reg.path, QStringLiteral( "--layer" ), sampleLayer( "zones" ), QStringLiteral( "--kind" ), QStringLiteral( "zone" ),
                                          QStringLiteral( "--fields" ), QStringLiteral( "code" ), QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ) } );
  CHECK( statusesOf( out ) == statusesOf( cli ) );
}
