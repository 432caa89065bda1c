// rt_postgis_bench: 1,000,000 parcels in PostGIS (issue 9). The aggregated status of every
// parcel computed in the server (one SQL query, every row fetched) against the client's
// join (RtLayerKeys::read + the dossiers as RtTask + RtJoin::join), and the plugin's
// binding (RtKeyReader) on a QGIS "postgres" layer; each beside the same on the GeoPackage
// the data came from (SQLite's GROUP BY, an "ogr" layer), in the same run.
//
//   tests/bench/postgis_bench.sh [--parcels N] [--runs R] [--report FILE.md]
//
// (the script starts a throw-away cluster and passes --db). Input: the seeded synthetic
// cadastre of rt_bench (bench_cadastre.h), copied into PostGIS with GDAL. Not part of
// ctest; exit 1 when a correctness check fails. See tests/bench/RESULTS.md.

#include "bench_cadastre.h"

#include "rtjoin.h"
#include "rtkeyreader.h"
#include "rtlayerbinding.h"
#include "rtlayerkeys.h"
#include "rtstatus.h"
#include "rttask.h"

#include <qgis.h>
#include <qgsapplication.h>
#include <qgsdatasourceuri.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include <libpq-fe.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include <time.h>

#include "benchutil.h"

namespace
{
  using namespace RtBench;

  //! Repeated measurements of one operation: wall time and this process's CPU time.
  struct Timing
  {
    std::vector<double> wall, cpu;
    Clock::time_point t0;
    double c0 = 0;
    void start() { t0 = Clock::now(); c0 = processCpu(); }
    void stop() { wall.push_back( since( t0 ) ); cpu.push_back( processCpu() - c0 ); }
    void add( double seconds ) { wall.push_back( seconds ); }
    double w() const { return median( wall ); }
    double c() const { return median( cpu ); }
    QString text() const
    {
      return cpu.empty() ? QStringLiteral( "%1 (%2)" ).arg( fmtTime( w() ), fmtSpread( wall ) )
                         : QStringLiteral( "%1 (client CPU %2; %3)" ).arg( fmtTime( w() ), fmtTime( c() ), fmtSpread( wall ) );
    }
  };

  DatasetPtr openVector( const QString &name )
  {
    return DatasetPtr( GDALDataset::Open( name.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr ) );
  }

  //! The server named by a postgresql:// URI, in the forms GDAL's "PG:" and QGIS want.
  struct PgServer
  {
    QString host, port, database, user, password;

    static PgServer fromUri( const QString &uri )
    {
      const QUrl url( uri );
      PgServer s;
      s.host = url.host();
      s.port = url.port() > 0 ? QString::number( url.port() ) : QStringLiteral( "5432" );
      s.database = url.path().mid( 1 );
      s.user = url.userName( QUrl::FullyDecoded );
      s.password = url.password( QUrl::FullyDecoded );
      return s;
    }

    //! A libpq keyword/value string (values quoted as libpq reads them).
    QString conninfo() const
    {
      auto quoted = []( QString v ) { return QStringLiteral( "'%1'" ).arg( v.replace( QLatin1Char( '\\' ), QLatin1String( "\\\\" ) ).replace( QLatin1Char( '\'' ), QLatin1String( "\\'" ) ) ); };
      return QStringLiteral( "host=%1 port=%2 dbname=%3 user=%4 password=%5" )
             .arg( quoted( host ), quoted( port ), quoted( database ), quoted( user ), quoted( password ) );
    }
  };

  struct PgConnCloser
  {
    void operator()( PGconn *c ) const { PQfinish( c ); }
  };
  using PgConn = std::unique_ptr<PGconn, PgConnCloser>;

  struct PgResultCloser
  {
    void operator()( PGresult *r ) const { PQclear( r ); }
  };
  using PgResult = std::unique_ptr<PGresult, PgResultCloser>;

  //! Runs a statement without parameters; false (and the server's message said) on error.
  bool pgCommand( PGconn *conn, const char *sql, const QString &what )
  {
    PgResult r( PQexec( conn, sql ) );
    const ExecStatusType st = PQresultStatus( r.get() );
    if ( st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK )
    {
      say( QStringLiteral( "PostgreSQL: %1 failed: %2" ).arg( what, QString::fromUtf8( PQerrorMessage( conn ) ).trimmed() ) );
      return false;
    }
    return true;
  }

  //! The first value of a one-row query, empty on error.
  QString pgValue( PGconn *conn, const char *sql )
  {
    PgResult r( PQexec( conn, sql ) );
    if ( PQresultStatus( r.get() ) != PGRES_TUPLES_OK || PQntuples( r.get() ) < 1 )
      return QString();
    return QString::fromUtf8( PQgetvalue( r.get(), 0, 0 ) );
  }

  /**
   * The dossiers of \a layer as tasks, as rt_bench reads them: place
   * "parcel:<commune>/<sheet>/<parcel>", deadline "đến hết năm YYYY".
   */
  QVector<RtTask> readTasks( OGRLayer *layer )
  {
    QVector<RtTask> tasks;
    QHash<int, RtDeadline> deadlines;
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    const int iId = defn->GetFieldIndex( "dossier_id" ), iCommune = defn->GetFieldIndex( "commune" ),
              iSheet = defn->GetFieldIndex( "sheet" ), iParcel = defn->GetFieldIndex( "parcel" ),
              iStatus = defn->GetFieldIndex( "status" ), iDeadline = defn->GetFieldIndex( "deadline" );
    layer->ResetReading();
    while ( OGRFeature *f = layer->GetNextFeature() )
    {
      RtTask t;
      t.id = QString::fromUtf8( f->GetFieldAsString( iId ) );
      t.kind = QStringLiteral( "commitment" );
      t.places << QStringLiteral( "parcel:%1/%2/%3" ).arg( QString::fromUtf8( f->GetFieldAsString( iCommune ) ) )
               .arg( f->GetFieldAsInteger( iSheet ) ).arg( f->GetFieldAsInteger( iParcel ) );
      t.status = RtStatuses::fromCode( QString::fromUtf8( f->GetFieldAsString( iStatus ) ) ).value_or( RtStatus::NoReport );
      int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
      float s = 0;
      if ( f->GetFieldAsDateTime( iDeadline, &y, &m, &d, &h, &mi, &s, &tz ) )
      {
        auto it = deadlines.find( y );
        if ( it == deadlines.end() )
          it = deadlines.insert( y, RtDeadline::parse( QStringLiteral( "đến hết năm %1" ).arg( y ), RtCouncilTerm { 2021, 2026 } ).value() );
        t.deadline = it.value();
      }
      tasks << t;
      OGRFeature::DestroyFeature( f );
    }
    return tasks;
  }

  //! Reads the dossiers of the dataset \a name as tasks; empty on error.
  QVector<RtTask> readTasks( const QString &name )
  {
    DatasetPtr ds = openVector( name );
    OGRLayer *layer = ds ? ds->GetLayerByName( "dossiers" ) : nullptr;
    return layer ? readTasks( layer ) : QVector<RtTask>();
  }

  struct Options
  {
    int parcels = 1000000;
    int dossiers = -1; // parcels / 10
    int runs = 5;
    quint64 seed = 20231013; // as rt_bench
    QString db;
    QString report;
  };

  void usage()
  {
    say( QStringLiteral( "usage: rt_postgis_bench --db postgresql://… [--parcels N] [--dossiers M] [--runs R] [--seed S] [--report FILE.md]\n"
                         "  --db       a PostGIS database; its tables parcels and dossiers are replaced\n"
                         "  --parcels  parcels to generate (default 1000000); --dossiers default parcels/10\n"
                         "  --runs     timed runs of each computation (default 5; the binding: (R+1)/2)\n"
                         "  --report   also write the results table as Markdown to FILE.md" ) );
  }

  struct Row
  {
    QString operation, postgis, baseline, ratio;
  };

  QString ratioText( double pg, double baseline )
  {
    if ( !( pg > 0 ) || !( baseline > 0 ) )
      return QStringLiteral( "–" );
    const double r = pg / baseline;
    if ( r >= 1.05 )
      return QStringLiteral( "%1× slower" ).arg( r, 0, 'f', 2 );
    if ( r <= 1 / 1.05 )
      return QStringLiteral( "%1× faster" ).arg( 1 / r, 0, 'f', 2 );
    return QStringLiteral( "%1×" ).arg( r, 0, 'f', 2 );
  }

  //! The plugin's binding of one layer, timed as rt_bench times it.
  struct BindingTimes
  {
    Timing extent, prepare, read, adopt;
  };
}

int main( int argc, char *argv[] )
{
  if ( qEnvironmentVariableIsEmpty( "QT_QPA_PLATFORM" ) )
    qputenv( "QT_QPA_PLATFORM", "offscreen" );
  QgsApplication app( argc, argv, false );
  QgsApplication::setPrefixPath( QStringLiteral( "/usr" ), true );
  QgsApplication::initQgis();
  GDALAllRegister();

  Options opt;
  const QStringList args = QCoreApplication::arguments();
  for ( int i = 1; i < args.size(); ++i )
  {
    const QString a = args.at( i );
    auto value = [&]() -> QString
    {
      if ( i + 1 >= args.size() )
      {
        say( QStringLiteral( "%1 needs a value" ).arg( a ) );
        std::exit( 2 );
      }
      return args.at( ++i );
    };
    if ( a == QLatin1String( "--parcels" ) ) opt.parcels = value().toInt();
    else if ( a == QLatin1String( "--dossiers" ) ) opt.dossiers = value().toInt();
    else if ( a == QLatin1String( "--runs" ) ) opt.runs = value().toInt();
    else if ( a == QLatin1String( "--seed" ) ) opt.seed = value().toULongLong();
    else if ( a == QLatin1String( "--db" ) ) opt.db = value();
    else if ( a == QLatin1String( "--report" ) ) opt.report = value();
    else if ( a == QLatin1String( "--help" ) || a == QLatin1String( "-h" ) ) { usage(); return 0; }
    else { say( QStringLiteral( "unknown option %1" ).arg( a ) ); usage(); return 2; }
  }
  if ( opt.dossiers < 0 )
    opt.dossiers = std::max( 1, opt.parcels / 10 );
  if ( opt.parcels < 1000 || opt.runs < 1 || !opt.db.startsWith( QLatin1String( "postgresql://" ) ) )
  {
    say( QStringLiteral( "--db postgresql://… is required, --parcels must be at least 1000, --runs at least 1" ) );
    return 2;
  }
  const int n = opt.parcels;
  const int bindingRuns = ( opt.runs + 1 ) / 2;
  const QDate asOf( 2025, 6, 30 );
  bool allCorrect = true;
  const QString startLoad = loadAverage();

  PgConn conn( PQconnectdb( opt.db.toUtf8().constData() ) );
  if ( PQstatus( conn.get() ) != CONNECTION_OK )
  {
    say( QStringLiteral( "cannot connect to the database: %1" ).arg( QString::fromUtf8( PQerrorMessage( conn.get() ) ).trimmed() ) );
    return 1;
  }
  const PgServer server = PgServer::fromUri( opt.db );
  const QString pgName = QStringLiteral( "PG:" ) + server.conninfo();

  say( QStringLiteral( "# rt_postgis_bench — the aggregated status in PostGIS (server) and in the client" ) );
  const QString cpu = readProcLine( QStringLiteral( "/proc/cpuinfo" ), QStringLiteral( "model name" ) );
  const double memGiB = readProcLine( QStringLiteral( "/proc/meminfo" ), QStringLiteral( "MemTotal" ) ).section( QLatin1Char( ' ' ), 0, 0 ).toDouble() / 1024 / 1024;
  const QString serverText = QStringLiteral( "%1, PostGIS %2 (work_mem %3, shared_buffers %4, max_parallel_workers_per_gather %5)" )
                             .arg( pgValue( conn.get(), "SHOW server_version" ), pgValue( conn.get(), "SELECT postgis_lib_version()" ),
                                   pgValue( conn.get(), "SHOW work_mem" ), pgValue( conn.get(), "SHOW shared_buffers" ),
                                   pgValue( conn.get(), "SHOW max_parallel_workers_per_gather" ) );
  const QString machine = QStringLiteral( "%1 cores (%2), %3 GiB RAM; QGIS %4, GDAL %5, Qt %6; PostgreSQL %7 on the same machine" )
                          .arg( QThread::idealThreadCount() ).arg( cpu.isEmpty() ? QStringLiteral( "unknown CPU" ) : cpu )
                          .arg( memGiB, 0, 'f', 1 ).arg( Qgis::version(), QString::fromUtf8( GDALVersionInfo( "RELEASE_NAME" ) ),
                                                         QString::fromLatin1( qVersion() ), serverText );
  say( QStringLiteral( "machine: %1; load average at start %2" ).arg( machine, startLoad ) );
  say( QStringLiteral( "input: %1 parcels, %2 dossiers, seed %3, as of %4; %5 timed runs (binding: %6)" )
       .arg( n ).arg( opt.dossiers ).arg( opt.seed ).arg( asOf.toString( Qt::ISODate ) ).arg( opt.runs ).arg( bindingRuns ) );

  // 0. The synthetic cadastre, into a GeoPackage ------------------------------------------
  QTemporaryDir temp( QDir::tempPath() + QStringLiteral( "/rt_postgis_bench-XXXXXX" ) );
  const QString gpkg = QStringLiteral( "%1/mongcai-cadastre-%2.gpkg" ).arg( temp.path() ).arg( n );
  const QString gpkgParcels = gpkg + QStringLiteral( "|layername=parcels" );
  BenchCadastre cad;
  {
    const QString error = BenchCadastre::generate( gpkg, QStringLiteral( RT_SOURCE_DIR "/data/mongcai-layers.gpkg" ),
                                                   n, opt.dossiers, opt.seed, cad );
    if ( !error.isEmpty() )
    {
      say( QStringLiteral( "generator failed: %1" ).arg( error ) );
      return 1;
    }
  }
  say( QStringLiteral( "generated %1 in %2 s (%3 MiB; %4 dossiers name no parcel)" )
       .arg( gpkg ).arg( cad.seconds, 0, 'f', 1 ).arg( QFileInfo( gpkg ).size() / 1048576.0, 0, 'f', 0 ).arg( cad.orphans ) );

  // 1. Copy into PostGIS with GDAL (one-off) ----------------------------------------------
  double copySeconds = 0, indexSeconds = 0;
  {
    Clock::time_point t0 = Clock::now();
    DatasetPtr src = openVector( gpkg );
    const char *translateArgs[] = { "-f", "PostgreSQL", "-overwrite", "-preserve_fid", "-lco", "FID=fid", "-lco", "GEOMETRY_NAME=geom",
                                    "-lco", "SPATIAL_INDEX=GIST", "parcels", "dossiers", nullptr };
    GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew( const_cast<char **>( translateArgs ), nullptr );
    GDALDatasetH srcHandle = GDALDataset::ToHandle( src.get() );
    int usageError = 0;
    CPLErrorReset();
    GDALDatasetH out = options && src ? GDALVectorTranslate( pgName.toUtf8().constData(), nullptr, 1, &srcHandle, options, &usageError ) : nullptr;
    GDALVectorTranslateOptionsFree( options );
    if ( !out )
    {
      say( QStringLiteral( "copying the cadastre into PostGIS failed: %1" ).arg( QString::fromUtf8( CPLGetLastErrorMsg() ) ) );
      return 1;
    }
    GDALClose( out );
    copySeconds = since( t0 );
    t0 = Clock::now();
    // As the SQLite baseline has it: an index on the dossiers' key, statistics for the planner.
    if ( !pgCommand( conn.get(), "CREATE INDEX dossiers_key ON dossiers (commune, sheet, parcel)", QStringLiteral( "the index on dossiers" ) )
         || !pgCommand( conn.get(), "ANALYZE parcels", QStringLiteral( "ANALYZE parcels" ) )
         || !pgCommand( conn.get(), "ANALYZE dossiers", QStringLiteral( "ANALYZE dossiers" ) ) )
      return 1;
    indexSeconds = since( t0 );
    const int parcelRows = pgValue( conn.get(), "SELECT count(*) FROM parcels" ).toInt();
    const int dossierRows = pgValue( conn.get(), "SELECT count(*) FROM dossiers" ).toInt();
    const int fidRange = pgValue( conn.get(), "SELECT count(*) FROM parcels WHERE fid BETWEEN 1 AND (SELECT count(*) FROM parcels)" ).toInt();
    say( QStringLiteral( "copied into PostGIS (GDALVectorTranslate, PG driver, GiST index) in %1; index on dossiers' key + ANALYZE %2; "
                         "%3 parcels, %4 dossiers in the server; size %5" )
         .arg( fmtTime( copySeconds ), fmtTime( indexSeconds ) ).arg( parcelRows ).arg( dossierRows )
         .arg( pgValue( conn.get(), "SELECT pg_size_pretty(pg_total_relation_size('parcels') + pg_total_relation_size('dossiers'))" ) ) );
    if ( parcelRows != n || dossierRows != static_cast<int>( cad.dossiers.size() ) || fidRange != n )
    {
      say( QStringLiteral( "WRONG: the copy does not hold the %1 parcels (fids 1..%1) and %2 dossiers" ).arg( n ).arg( cad.dossiers.size() ) );
      return 1;
    }
  }

  // 2. The aggregated status computed in the server, and in SQLite -------------------------
  say( QStringLiteral( "\n## Aggregated status of every parcel" ) );
  // rt_bench's faster SQLite formulation: the dossiers grouped by key first, then joined to
  // the parcels. Overdue as RtStatuses::isOverdue has it: open (not done, not dropped) and
  // the deadline before the as-of date, which is a bound parameter.
  const char *serverSql =
    "SELECT p.fid, a.n, a.ns, a.ip, a.dn, a.bl, a.dr, a.nr, a.od "
    "FROM parcels p LEFT JOIN ("
    "SELECT commune, sheet, parcel, count(*) AS n, "
    "count(*) FILTER (WHERE status = 'not_started') AS ns, count(*) FILTER (WHERE status = 'in_progress') AS ip, "
    "count(*) FILTER (WHERE status = 'done') AS dn, count(*) FILTER (WHERE status = 'blocked') AS bl, "
    "count(*) FILTER (WHERE status = 'dropped') AS dr, count(*) FILTER (WHERE status = 'no_report') AS nr, "
    "count(*) FILTER (WHERE status NOT IN ('done', 'dropped') AND deadline < $1::date) AS od "
    "FROM dossiers GROUP BY commune, sheet, parcel) a "
    "ON a.commune = p.commune AND a.sheet = p.sheet AND a.parcel = p.parcel";
  const QByteArray asOfText = asOf.toString( Qt::ISODate ).toUtf8();
  const char *asOfParam[] = { asOfText.constData() };
  std::vector<RtStatusCounts> serverCounts( static_cast<size_t>( n ) );
  //! Runs the server's query, every row fetched into serverCounts; false on error.
  auto runServer = [&]() -> bool
  {
    PgResult r( PQexecParams( conn.get(), serverSql, 1, nullptr, asOfParam, nullptr, nullptr, 0 ) );
    if ( PQresultStatus( r.get() ) != PGRES_TUPLES_OK )
    {
      say( QStringLiteral( "  the server's query failed: %1" ).arg( QString::fromUtf8( PQerrorMessage( conn.get() ) ).trimmed() ) );
      return false;
    }
    const int rows = PQntuples( r.get() );
    bool ok = rows == n;
    auto count = [&]( int row, int col ) { return PQgetisnull( r.get(), row, col ) ? 0 : std::atoi( PQgetvalue( r.get(), row, col ) ); };
    for ( int row = 0; row < rows; ++row )
    {
      const long long fid = std::atoll( PQgetvalue( r.get(), row, 0 ) );
      if ( fid < 1 || fid > n )
      {
        ok = false;
        continue;
      }
      RtStatusCounts &c = serverCounts[static_cast<size_t>( fid - 1 )];
      c.notStarted = count( row, 2 );
      c.inProgress = count( row, 3 );
      c.done = count( row, 4 );
      c.blocked = count( row, 5 );
      c.dropped = count( row, 6 );
      c.noReport = count( row, 7 );
      c.overdue = count( row, 8 );
    }
    if ( !ok )
      say( QStringLiteral( "  the server gave %1 rows (expected %2, fids 1..%2)" ).arg( rows ).arg( n ) );
    return ok;
  };
  {
    PgResult plan( PQexecParams( conn.get(), ( QByteArray( "EXPLAIN " ) + serverSql ).constData(), 1, nullptr, asOfParam, nullptr, nullptr, 0 ) );
    QStringList lines;
    for ( int i = 0; i < PQntuples( plan.get() ); ++i )
      lines << QString::fromUtf8( PQgetvalue( plan.get(), i, 0 ) ).trimmed();
    say( QStringLiteral( "  server plan: %1" ).arg( lines.join( QStringLiteral( " | " ) ) ) );
  }
  // The same counts summed up in the server, so that no row leaves it: its own work alone.
  const QByteArray serverInsideSql = QByteArray( "SELECT count(*), sum(n), sum(ns), sum(ip), sum(dn), sum(bl), sum(dr), sum(nr), sum(od) FROM (" )
                                     + serverSql + ") s";
  // SQLite in the GeoPackage, rt_bench's baseline (GDAL, SQLite dialect), with the same fetch.
  const QString sqliteSql = QStringLiteral(
                              "SELECT p.fid, a.n, a.ns, a.ip, a.dn, a.bl, a.dr, a.nr, a.od "
                              "FROM parcels p LEFT JOIN ("
                              "SELECT commune, sheet, parcel, COUNT(*) AS n, "
                              "TOTAL(status = 'not_started') AS ns, TOTAL(status = 'in_progress') AS ip, TOTAL(status = 'done') AS dn, "
                              "TOTAL(status = 'blocked') AS bl, TOTAL(status = 'dropped') AS dr, TOTAL(status = 'no_report') AS nr, "
                              "TOTAL(status NOT IN ('done', 'dropped') AND deadline < '%1') AS od "
                              "FROM dossiers GROUP BY commune, sheet, parcel) a "
                              "ON a.commune = p.commune AND a.sheet = p.sheet AND a.parcel = p.parcel" ).arg( QString::fromUtf8( asOfText ) );
  std::vector<RtStatusCounts> sqliteCounts( static_cast<size_t>( n ) );
  DatasetPtr gpkgDs = openVector( gpkg );
  if ( !gpkgDs )
  {
    say( QStringLiteral( "cannot open %1" ).arg( gpkg ) );
    return 1;
  }
  auto runSqlite = [&]() -> bool
  {
    OGRLayer *rs = gpkgDs->ExecuteSQL( sqliteSql.toUtf8().constData(), nullptr, "SQLITE" );
    if ( !rs )
    {
      say( QStringLiteral( "  SQLite query failed: %1" ).arg( QString::fromUtf8( CPLGetLastErrorMsg() ) ) );
      return false;
    }
    const bool fidIsFid = rs->GetFIDColumn() && *rs->GetFIDColumn(); // then p.fid is not among the fields
    const int o = fidIsFid ? 0 : 1;
    int rows = 0;
    bool ok = true;
    while ( OGRFeature *f = rs->GetNextFeature() )
    {
      const GIntBig fid = fidIsFid ? f->GetFID() : f->GetFieldAsInteger64( 0 );
      ++rows;
      if ( fid < 1 || fid > n )
        ok = false;
      else
      {
        RtStatusCounts &c = sqliteCounts[static_cast<size_t>( fid - 1 )];
        c.notStarted = static_cast<int>( f->GetFieldAsDouble( o + 1 ) );
        c.inProgress = static_cast<int>( f->GetFieldAsDouble( o + 2 ) );
        c.done = static_cast<int>( f->GetFieldAsDouble( o + 3 ) );
        c.blocked = static_cast<int>( f->GetFieldAsDouble( o + 4 ) );
        c.dropped = static_cast<int>( f->GetFieldAsDouble( o + 5 ) );
        c.noReport = static_cast<int>( f->GetFieldAsDouble( o + 6 ) );
        c.overdue = static_cast<int>( f->GetFieldAsDouble( o + 7 ) );
      }
      OGRFeature::DestroyFeature( f );
    }
    gpkgDs->ReleaseResultSet( rs );
    return ok && rows == n;
  };
  Timing serverT, serverInsideT, sqliteT;
  RtStatusCounts serverSum;
  for ( int r = 0; r < opt.runs; ++r ) // interleaved, so that a change of load hits both alike
  {
    serverT.start();
    if ( !runServer() )
      return 1;
    serverT.stop();
    serverInsideT.start();
    PgResult sum( PQexecParams( conn.get(), serverInsideSql.constData(), 1, nullptr, asOfParam, nullptr, nullptr, 0 ) );
    serverInsideT.stop();
    if ( PQresultStatus( sum.get() ) != PGRES_TUPLES_OK || PQntuples( sum.get() ) != 1 || std::atoi( PQgetvalue( sum.get(), 0, 0 ) ) != n )
    {
      say( QStringLiteral( "  the server's summed-up query failed: %1" ).arg( QString::fromUtf8( PQerrorMessage( conn.get() ) ).trimmed() ) );
      return 1;
    }
    serverSum.notStarted = std::atoi( PQgetvalue( sum.get(), 0, 2 ) );
    serverSum.overdue = std::atoi( PQgetvalue( sum.get(), 0, 8 ) );
    sqliteT.start();
    if ( !runSqlite() )
      return 1;
    sqliteT.stop();
  }
  say( QStringLiteral( "PostGIS, one query (libpq, every row fetched): %1" ).arg( serverT.text() ) );
  say( QStringLiteral( "PostGIS, the same summed up in the server (no row fetched): %1" ).arg( serverInsideT.text() ) );
  say( QStringLiteral( "SQLite in the GeoPackage (GDAL, every row read): %1" ).arg( sqliteT.text() ) );
  {
    int differ = 0;
    RtStatusCounts total;
    for ( size_t i = 0; i < serverCounts.size(); ++i )
    {
      const RtStatusCounts &a = serverCounts[i], &b = sqliteCounts[i];
      differ += a.notStarted != b.notStarted || a.inProgress != b.inProgress || a.done != b.done || a.blocked != b.blocked
                || a.dropped != b.dropped || a.noReport != b.noReport || a.overdue != b.overdue;
      total.notStarted += a.notStarted;
      total.overdue += a.overdue;
    }
    const bool same = differ == 0 && total.notStarted == serverSum.notStarted && total.overdue == serverSum.overdue;
    say( same ? QStringLiteral( "  check: the server's counts equal SQLite's for all %1 parcels (and its own sums)" ).arg( n )
              : QStringLiteral( "  WRONG: the server's counts differ from SQLite's on %1 parcels (or from its own sums)" ).arg( differ ) );
    allCorrect = allCorrect && same;
  }

  // 3. The client's join on the same data ---------------------------------------------------
  RtKeyBinding binding;
  binding.kind = QStringLiteral( "parcel" );
  binding.fields = QStringList { QStringLiteral( "commune" ), QStringLiteral( "sheet" ), QStringLiteral( "parcel" ) };
  binding.match = RtKeyBinding::Match::Code;
  const QString pgParcels = pgName + QStringLiteral( "|layername=parcels" );
  Timing pgKeysT, gpkgKeysT, pgTasksT, gpkgTasksT, pgJoinT, gpkgJoinT, pgColdT, gpkgColdT;
  QVector<RtFeatureKey> pgKeys, gpkgKeys;
  QVector<RtTask> pgTasks, gpkgTasks;
  // (b) read + join, the keys and tasks read again each run.
  for ( int r = 0; r < opt.runs; ++r )
    for ( int source = 0; source < 2; ++source )
    {
      const bool pg = source == 0;
      const Clock::time_point t0 = Clock::now();
      const double c0 = processCpu();
      const RtResult<RtLayerKeys> keys = RtLayerKeys::read( pg ? pgParcels : gpkgParcels, binding );
      const double keysS = since( t0 );
      if ( !keys || keys.value().features.size() != n )
      {
        say( QStringLiteral( "reading the parcel keys from %1 failed: %2" ).arg( pg ? QStringLiteral( "PostGIS" ) : QStringLiteral( "the GeoPackage" ),
                                                                              keys ? QStringLiteral( "%1 features" ).arg( keys.value().features.size() ) : keys.error() ) );
        return 1;
      }
      const Clock::time_point t1 = Clock::now();
      const QVector<RtTask> tasks = readTasks( pg ? pgName : gpkg );
      const double tasksS = since( t1 );
      if ( tasks.size() != static_cast<int>( cad.dossiers.size() ) )
      {
        say( QStringLiteral( "read %1 dossiers as tasks, expected %2" ).arg( tasks.size() ).arg( cad.dossiers.size() ) );
        return 1;
      }
      const RtJoinResult res = RtJoin::join( keys.value().features, binding, tasks, asOf );
      ( pg ? pgColdT : gpkgColdT ).wall.push_back( since( t0 ) );
      ( pg ? pgColdT : gpkgColdT ).cpu.push_back( processCpu() - c0 );
      ( pg ? pgKeysT : gpkgKeysT ).add( keysS );
      ( pg ? pgTasksT : gpkgTasksT ).add( tasksS );
      if ( r == 0 )
      {
        ( pg ? pgKeys : gpkgKeys ) = keys.value().features;
        ( pg ? pgTasks : gpkgTasks ) = tasks;
        if ( pg )
          say( QStringLiteral( "  PostGIS layer opened by GDAL's %1 driver, keys read by %2" ).arg( keys.value().driver, keys.value().keysReadBy ) );
      }
    }
  // (b') the same PostGIS keys through GDAL's PG driver, as before RtPgKeyCopy: the same keys?
  Timing pgGdalKeysT;
  {
    RtLayerReadOptions byGdal;
    byGdal.copyFromPostgres = false;
    auto byFid = []( QVector<RtFeatureKey> keys ) {
      std::sort( keys.begin(), keys.end(), []( const RtFeatureKey &a, const RtFeatureKey &b ) { return a.fid < b.fid; } );
      return keys;
    };
    const QVector<RtFeatureKey> copied = byFid( pgKeys );
    for ( int r = 0; r < opt.runs; ++r )
    {
      pgGdalKeysT.start();
      const RtResult<RtLayerKeys> keys = RtLayerKeys::read( pgParcels, binding, byGdal );
      pgGdalKeysT.stop();
      if ( !keys || keys.value().keysReadBy == QLatin1String( "copy" ) )
      {
        say( QStringLiteral( "reading the parcel keys through GDAL's PG driver failed: %1" ).arg( keys ? keys.value().keysReadBy : keys.error() ) );
        return 1;
      }
      if ( r == 0 )
      {
        const QVector<RtFeatureKey> viaGdal = byFid( keys.value().features );
        int differ = viaGdal.size() == copied.size() ? 0 : std::abs( viaGdal.size() - copied.size() );
        for ( int i = 0; differ == 0 && i < viaGdal.size(); ++i )
          differ += viaGdal.at( i ).fid != copied.at( i ).fid || viaGdal.at( i ).values != copied.at( i ).values;
        say( differ == 0 ? QStringLiteral( "check: COPY and GDAL's PG driver read the same %1 keys" ).arg( copied.size() )
                         : QStringLiteral( "WRONG: COPY and GDAL's PG driver differ on %1 keys" ).arg( differ ) );
        allCorrect = allCorrect && differ == 0;
      }
    }
  }

  // (a) join only, keys and tasks cached as the plugin keeps them.
  RtJoinResult pgResult, gpkgResult;
  for ( int r = 0; r < opt.runs; ++r )
  {
    pgJoinT.start();
    RtJoinResult a = RtJoin::join( pgKeys, binding, pgTasks, asOf );
    pgJoinT.stop();
    gpkgJoinT.start();
    RtJoinResult b = RtJoin::join( gpkgKeys, binding, gpkgTasks, asOf );
    gpkgJoinT.stop();
    if ( r == 0 )
    {
      pgResult = std::move( a );
      gpkgResult = std::move( b );
    }
  }
  say( QStringLiteral( "\n## The client's join" ) );
  say( QStringLiteral( "RtLayerKeys::read of the parcel keys: PostGIS %1; GeoPackage %2" ).arg( pgKeysT.text(), gpkgKeysT.text() ) );
  say( QStringLiteral( "the dossiers as RtTask: PostGIS %1; GeoPackage %2" ).arg( pgTasksT.text(), gpkgTasksT.text() ) );
  say( QStringLiteral( "RtJoin::join, keys & tasks cached: from PostGIS %1; from the GeoPackage %2" ).arg( pgJoinT.text(), gpkgJoinT.text() ) );
  say( QStringLiteral( "read + join: PostGIS %1; GeoPackage %2" ).arg( pgColdT.text(), gpkgColdT.text() ) );

  // 4. Correctness: the client's status is the rule applied to the server's counts ---------
  {
    int wrong = 0, unknownFid = 0;
    QStringList examples;
    std::vector<char> seen( static_cast<size_t>( n ), 0 );
    for ( const RtFeatureResult &f : pgResult.features )
    {
      if ( f.fid < 1 || f.fid > n || seen[static_cast<size_t>( f.fid - 1 )] )
      {
        ++unknownFid;
        continue;
      }
      seen[static_cast<size_t>( f.fid - 1 )] = 1;
      const RtStatusCounts &c = serverCounts[static_cast<size_t>( f.fid - 1 )];
      const RtFeatureStatus expected = RtJoin::aggregate( c );
      if ( expected != f.status || c.total() != f.taskCount || std::abs( RtJoin::shareDone( c ) - f.shareDone ) > 1e-12 )
        if ( ++wrong <= 5 )
          examples << QStringLiteral( "fid %1: client %2 (%3 tasks), server %4 (%5 tasks)" )
                   .arg( f.fid ).arg( RtFeatureStatuses::code( f.status ) ).arg( f.taskCount )
                   .arg( RtFeatureStatuses::code( expected ) ).arg( c.total() );
    }
    const bool ok = wrong == 0 && unknownFid == 0 && pgResult.features.size() == n && pgResult.unmatched.size() == cad.orphans
                    && pgResult.ambiguous.isEmpty();
    say( ok ? QStringLiteral( "check: for all %1 parcels the client's status, task count and share done (keys from PostGIS) equal "
                              "RtJoin::aggregate of the server's counts; %2 dossiers unmatched as generated, no ambiguous key" ).arg( n ).arg( cad.orphans )
            : QStringLiteral( "WRONG: %1 parcels differ from the server, %2 unknown or repeated fids, %3 unmatched (expected %4), %5 ambiguous: %6" )
              .arg( wrong ).arg( unknownFid ).arg( pgResult.unmatched.size() ).arg( cad.orphans ).arg( pgResult.ambiguous.size() )
              .arg( examples.join( QStringLiteral( "; " ) ) ) );
    allCorrect = allCorrect && ok;
    // The GeoPackage's keys give the same result (fid by fid).
    QHash<qint64, RtFeatureStatus> byFid;
    byFid.reserve( gpkgResult.features.size() );
    for ( const RtFeatureResult &f : gpkgResult.features )
      byFid.insert( f.fid, f.status );
    int differ = 0;
    for ( const RtFeatureResult &f : pgResult.features )
      differ += byFid.value( f.fid, RtFeatureStatus::None ) != f.status || !byFid.contains( f.fid );
    say( differ == 0 ? QStringLiteral( "check: the join on the GeoPackage's keys gives the same status for every parcel" )
                     : QStringLiteral( "WRONG: the joins on the GeoPackage's and PostGIS's keys differ on %1 parcels" ).arg( differ ) );
    allCorrect = allCorrect && differ == 0;
  }

  // 5. The plugin's binding on a "postgres" layer and on an "ogr" layer -------------------
  say( QStringLiteral( "\n## Binding in the plugin (RtKeyReader, RtLayerBinding)" ) );
  QgsDataSourceUri uri;
  uri.setConnection( server.host, server.port, server.database, server.user, server.password );
  uri.setDataSource( QStringLiteral( "public" ), QStringLiteral( "parcels" ), QStringLiteral( "geom" ), QString(), QStringLiteral( "fid" ) );
  uri.setSrid( QStringLiteral( "5899" ) );
  uri.setWkbType( QgsWkbTypes::Polygon );
  const QString pgLayerSource = uri.uri( false );
  BindingTimes pgBind, gpkgBind;
  QHash<qint64, RtFeatureStatus> clientStatus;
  clientStatus.reserve( pgResult.features.size() );
  for ( const RtFeatureResult &f : pgResult.features )
    clientStatus.insert( f.fid, f.status );
  for ( int r = 0; r < bindingRuns; ++r )
    for ( int source = 0; source < 2; ++source )
    {
      const bool pg = source == 0;
      BindingTimes &times = pg ? pgBind : gpkgBind;
      auto *layer = pg ? new QgsVectorLayer( pgLayerSource, QStringLiteral( "parcels (PostGIS)" ), QStringLiteral( "postgres" ) )
                       : new QgsVectorLayer( gpkgParcels, QStringLiteral( "parcels (GeoPackage)" ), QStringLiteral( "ogr" ) );
      if ( !layer->isValid() )
      {
        say( QStringLiteral( "QGIS cannot load %1" ).arg( layer->name() ) );
        return 1;
      }
      QgsProject::instance()->addMapLayer( layer, false );
      {
        RtLayerBinding live( layer, binding );
        // As the plugin does for a layer this big: set up on the main thread, read by a task
        // on another (run here directly), taken back on the main thread.
        // The layer's extent and feature count, which prepare() asks for: QGIS computes them
        // once per layer (the canvas asks when the layer is added) and keeps them.
        times.extent.start();
        ( void ) layer->extent();
        ( void ) layer->featureCount();
        times.extent.stop();
        times.prepare.start();
        RtResult<std::shared_ptr<RtKeyReader>> reader = RtKeyReader::prepare( layer, binding );
        times.prepare.stop();
        if ( !reader.ok() )
        {
          say( QStringLiteral( "RtKeyReader::prepare failed on %1: %2" ).arg( layer->name(), reader.error() ) );
          return 1;
        }
        times.read.start();
        const bool read = reader.value()->read();
        times.read.stop();
        if ( !read || reader.value()->keys.size() != n )
        {
          say( QStringLiteral( "RtKeyReader::read on %1 gave %2 keys" ).arg( layer->name() ).arg( reader.value()->keys.size() ) );
          return 1;
        }
        times.adopt.start();
        live.adoptKeys( *reader.value() );
        live.update( pg ? pgTasks : gpkgTasks, asOf );
        times.adopt.stop();
        if ( r == 0 )
        {
          int differ = 0;
          for ( const RtFeatureResult &f : live.result().features )
            differ += !clientStatus.contains( f.fid ) || clientStatus.value( f.fid ) != f.status;
          const bool ok = differ == 0 && live.result().features.size() == n;
          say( ok ? QStringLiteral( "check: the binding of %1 shows the client join's status on all %2 parcels" ).arg( layer->name() ).arg( n )
                  : QStringLiteral( "WRONG: the binding of %1 differs on %2 parcels (%3 features)" ).arg( layer->name() ).arg( differ ).arg( live.result().features.size() ) );
          allCorrect = allCorrect && ok;
        }
      }
      QgsProject::instance()->removeMapLayer( layer ); // deletes it
    }
  for ( int source = 0; source < 2; ++source )
  {
    const BindingTimes &t = source == 0 ? pgBind : gpkgBind;
    say( QStringLiteral( "%1: extent + feature count %2; RtKeyReader::prepare %3; read %4; adoptKeys + first update %5" )
         .arg( source == 0 ? QStringLiteral( "PostGIS (postgres provider)" ) : QStringLiteral( "GeoPackage (ogr provider)" ),
               t.extent.text(), t.prepare.text(), t.read.text(), t.adopt.text() ) );
  }

  // 6. The table --------------------------------------------------------------------------
  QVector<Row> rows;
  const QString nText = QLocale( QLocale::English ).toString( n );
  rows << Row { QStringLiteral( "copy into PostGIS (GDALVectorTranslate, PG driver, GiST index), one-off" ), fmtTime( copySeconds ), QString(), QString() }
       << Row { QStringLiteral( "index on dossiers (commune, sheet, parcel) + ANALYZE, one-off" ), fmtTime( indexSeconds ), QString(), QString() }
       << Row { QStringLiteral( "aggregated status of all %1 parcels in the server: one query, every row fetched (libpq) / SQLite in the GeoPackage (GDAL)" ).arg( nText ),
                fmtTime( serverT.w() ), fmtTime( sqliteT.w() ), ratioText( serverT.w(), sqliteT.w() ) }
       << Row { QStringLiteral( "the same summed up in the server, no row fetched (its own work)" ), fmtTime( serverInsideT.w() ), QString(), QString() }
       << Row { QStringLiteral( "client: RtJoin::join, keys & tasks cached" ), QStringLiteral( "%1 (CPU %2)" ).arg( fmtTime( pgJoinT.w() ), fmtTime( pgJoinT.c() ) ),
                fmtTime( gpkgJoinT.w() ), ratioText( pgJoinT.w(), gpkgJoinT.w() ) }
       << Row { QStringLiteral( "client: RtLayerKeys::read of the parcel keys (PostGIS: COPY)" ), fmtTime( pgKeysT.w() ), fmtTime( gpkgKeysT.w() ), ratioText( pgKeysT.w(), gpkgKeysT.w() ) }
       << Row { QStringLiteral( "client: the same through GDAL's PG driver (before) / with COPY" ), fmtTime( pgGdalKeysT.w() ), fmtTime( pgKeysT.w() ), ratioText( pgGdalKeysT.w(), pgKeysT.w() ) }
       << Row { QStringLiteral( "client: the dossiers as RtTask" ), fmtTime( pgTasksT.w() ), fmtTime( gpkgTasksT.w() ), ratioText( pgTasksT.w(), gpkgTasksT.w() ) }
       << Row { QStringLiteral( "client: read keys + tasks, then join" ), QStringLiteral( "%1 (CPU %2)" ).arg( fmtTime( pgColdT.w() ), fmtTime( pgColdT.c() ) ),
                fmtTime( gpkgColdT.w() ), ratioText( pgColdT.w(), gpkgColdT.w() ) }
       << Row { QStringLiteral( "QGIS: the new layer's extent and feature count, computed once (main thread)" ), fmtTime( pgBind.extent.w() ), fmtTime( gpkgBind.extent.w() ), ratioText( pgBind.extent.w(), gpkgBind.extent.w() ) }
       << Row { QStringLiteral( "plugin: RtKeyReader::prepare, extent known (main thread)" ), fmtTime( pgBind.prepare.w() ), fmtTime( gpkgBind.prepare.w() ), ratioText( pgBind.prepare.w(), gpkgBind.prepare.w() ) }
       << Row { QStringLiteral( "plugin: RtKeyReader::read (a task's thread)" ), fmtTime( pgBind.read.w() ), fmtTime( gpkgBind.read.w() ), ratioText( pgBind.read.w(), gpkgBind.read.w() ) }
       << Row { QStringLiteral( "plugin: adoptKeys + first update (main thread)" ), fmtTime( pgBind.adopt.w() ), fmtTime( gpkgBind.adopt.w() ), ratioText( pgBind.adopt.w(), gpkgBind.adopt.w() ) };
  // Server against client, both on PostGIS.
  QVector<Row> versus;
  versus << Row { QStringLiteral( "client join, keys & tasks cached" ), fmtTime( pgJoinT.w() ), fmtTime( serverT.w() ), ratioText( pgJoinT.w(), serverT.w() ) }
         << Row { QStringLiteral( "client read keys + tasks from PostGIS, then join" ), fmtTime( pgColdT.w() ), fmtTime( serverT.w() ), ratioText( pgColdT.w(), serverT.w() ) };
  const QString endLoad = loadAverage();
  QString md;
  {
    QTextStream ts( &md );
    ts << "| operation | PostGIS | GeoPackage / SQLite | ratio |\n|---|---:|---:|---|\n";
    for ( const Row &r : rows )
      ts << "| " << r.operation << " | " << r.postgis << " | " << r.baseline << " | " << r.ratio << " |\n";
    ts << "\n| on PostGIS | client | server query (every row fetched) | client vs server |\n|---|---:|---:|---|\n";
    for ( const Row &r : versus )
      ts << "| " << r.operation << " | " << r.postgis << " | " << r.baseline << " | " << r.ratio << " |\n";
    ts << "\nMedians of " << opt.runs << " runs (binding: " << bindingRuns << "); " << nText << " parcels, "
       << cad.dossiers.size() << " dossiers, seed " << opt.seed << ", as of " << asOf.toString( Qt::ISODate ) << ".\n"
       << "Machine: " << machine << ".\nLoad average at start " << startLoad << ", at end " << endLoad << "; peak memory of the program "
       << peakMemory() << ". Results " << ( allCorrect ? "checked correct" : "WRONG (see the output)" ) << ".\n";
  }
  say( QStringLiteral( "\n" ) + md );
  if ( !opt.report.isEmpty() )
  {
    QFile f( opt.report );
    if ( !f.open( QIODevice::WriteOnly | QIODevice::Truncate ) )
      say( QStringLiteral( "cannot write %1" ).arg( opt.report ) );
    else
      f.write( md.toUtf8() );
  }
  return allCorrect ? 0 : 1;
}
