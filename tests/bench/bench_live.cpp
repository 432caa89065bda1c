// rt_live_bench: how long after another desk changes a task the map of this desk shows it.
//
// A register of 172/NQ-HĐND on a PostgreSQL server; this desk is the plugin's engine
// (RtTracker, listening) with the planning zones bound; the other desk is a store on its own
// connection. For each change: the other desk's commit, then the time until this desk has
// read the tasks again (RtTracker::remoteChangesRead) and until a render of the zones shows
// zone A3 in the new status's colour (checked pixel by pixel). The tracker groups changes
// arriving within 150 ms on purpose: that wait is part of the figure.
//
//   tests/bench/live_pg.sh BUILD_DIR [CHANGES]   (starts and stops a throw-away cluster)
//   rt_live_bench --db URI [--changes N] [--report FILE.md]
#include "rtheadlessqgis.h"
#include "rtjoin.h"
#include "rtlayerbinding.h"
#include "rtmapstyle.h"
#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"
#include "rttracker.h"
#include "renderedcolor.h"

#include <qgsfeatureiterator.h>
#include <qgsmaprenderercustompainterjob.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace
{
  void say( const QString &text )
  {
    std::fprintf( stdout, "%s\n", text.toUtf8().constData() );
    std::fflush( stdout );
  }

  QString sourceFile( const char *name )
  {
    return QStringLiteral( RT_SOURCE_DIR "/data/" ) + QLatin1String( name );
  }

  //! The register of 172/NQ-HĐND from data/, at \a location (replacing one there).
  RtStatusResult create172( const QString &location )
  {
    const RtResult<RtRegisterFile> reg = RtRegister::load( sourceFile( "mongcai-172-register.json" ) );
    if ( !reg.ok() )
      return RtStatusResult::failureFrom( reg );
    const RtResult<RtImportReport> text = RtResolutionImporter::importFile( sourceFile( "NQ-172-HDND-2023-MongCai.txt" ), reg.value().term );
    if ( !text.ok() )
      return RtStatusResult::failureFrom( text );
    const RtResolution &res = text.value().resolution;
    RtDocumentInfo info;
    info.number = res.number;
    info.date = res.date;
    info.title = res.title;
    info.body = res.body;
    info.session = res.session;
    info.term = reg.value().term;
    return RtStore::create( location, res, reg.value().tasks, info, true );
  }

  struct Spread
  {
    double median = 0, p90 = 0, max = 0;
  };

  Spread spread( QVector<double> v )
  {
    Spread s;
    if ( v.isEmpty() )
      return s;
    std::sort( v.begin(), v.end() );
    s.median = v.size() % 2 ? v[v.size() / 2] : ( v[v.size() / 2 - 1] + v[v.size() / 2] ) / 2;
    s.p90 = v[std::min<int>( v.size() - 1, static_cast<int>( 0.9 * v.size() ) )];
    s.max = v.last();
    return s;
  }

  QString loadAverage()
  {
    QFile f( QStringLiteral( "/proc/loadavg" ) );
    return f.open( QIODevice::ReadOnly ) ? QString::fromLatin1( f.readAll() ).section( QLatin1Char( ' ' ), 0, 0 ) : QStringLiteral( "?" );
  }
}

int main( int argc, char *argv[] )
{
  RtHeadlessQgis qgis( argc, argv, QStringLiteral( "rt_live_bench" ) );
  if ( !qgis.ok() )
  {
    say( qgis.error() );
    return 2;
  }
  QString db, reportPath;
  int changes = 30;
  const QStringList args = QCoreApplication::arguments();
  for ( int i = 1; i < args.size(); ++i )
  {
    const QString a = args[i];
    const QString value = i + 1 < args.size() ? args[i + 1] : QString();
    if ( a == QLatin1String( "--db" ) ) { db = value; ++i; }
    else if ( a == QLatin1String( "--changes" ) ) { changes = value.toInt(); ++i; }
    else if ( a == QLatin1String( "--report" ) ) { reportPath = value; ++i; }
    else
    {
      say( QStringLiteral( "usage: rt_live_bench --db URI [--changes N] [--report FILE.md]" ) );
      return 2;
    }
  }
  if ( db.isEmpty() || changes < 1 )
  {
    say( QStringLiteral( "usage: rt_live_bench --db URI [--changes N] [--report FILE.md]" ) );
    return 2;
  }
  const QString loadAtStart = loadAverage();
  const RtStatusResult created = create172( db );
  if ( !created.ok() )
  {
    say( QStringLiteral( "cannot create the register: %1" ).arg( created.error() ) );
    return 2;
  }

  // This desk: the plugin's engine with the zones bound (a copy of the sample layers).
  QTemporaryDir dir;
  const QString layers = dir.filePath( QStringLiteral( "mongcai-layers.gpkg" ) );
  if ( !dir.isValid() || !QFile::copy( sourceFile( "mongcai-layers.gpkg" ), layers ) )
  {
    say( QStringLiteral( "cannot copy the sample layers into a temporary folder" ) );
    return 2;
  }
  QgsProject project;
  auto *zones = new QgsVectorLayer( layers + QStringLiteral( "|layername=zones" ), QStringLiteral( "zones" ), QStringLiteral( "ogr" ) );
  if ( !zones->isValid() )
  {
    say( QStringLiteral( "cannot open the zones of %1" ).arg( layers ) );
    return 2;
  }
  project.addMapLayer( zones );
  RtTracker tracker( &project );
  const RtStatusResult opened = tracker.openRegister( db );
  if ( !opened.ok() )
  {
    say( QStringLiteral( "cannot open the register: %1" ).arg( opened.error() ) );
    return 2;
  }
  for ( int i = 0; i < 200 && !tracker.isListening(); ++i )
    QTest::qWait( 50 );
  if ( !tracker.isListening() )
  {
    say( QStringLiteral( "the tracker does not listen to %1" ).arg( db ) );
    return 2;
  }
  RtKeyBinding binding;
  binding.kind = QStringLiteral( "zone" );
  binding.fields = QStringList { QStringLiteral( "code" ) };
  binding.match = RtKeyBinding::Match::Code;
  if ( !tracker.bindLayer( zones, binding ).ok() )
  {
    say( QStringLiteral( "cannot bind the zones" ) );
    return 2;
  }
  QgsFeatureId a3 = FID_NULL;
  {
    QgsFeatureIterator it = zones->getFeatures( QgsFeatureRequest().setFilterExpression( QStringLiteral( "\"code\" = 'A3'" ) ) );
    QgsFeature f;
    if ( it.nextFeature( f ) )
      a3 = f.id();
  }
  if ( a3 == FID_NULL )
  {
    say( QStringLiteral( "no zone A3 in %1" ).arg( layers ) );
    return 2;
  }

  // The other desk: a store on its own connection, kept open as a desk keeps it.
  RtResult<std::unique_ptr<RtStore>> desk = RtStore::open( db, true );
  if ( !desk.ok() )
  {
    say( QStringLiteral( "the other desk cannot open the register: %1" ).arg( desk.error() ) );
    return 2;
  }
  QVector<double> commitMs, heardMs, recolouredMs;
  int wrong = 0;
  for ( int i = 0; i < changes; ++i )
  {
    const RtStatus status = i % 2 == 0 ? RtStatus::Blocked : RtStatus::InProgress;
    const QColor expected = RtMapStyle::statusColor( i % 2 == 0 ? RtFeatureStatus::Blocked : RtFeatureStatus::InProgress );
    RtStatusChange change;
    change.taskId = QStringLiteral( "CM-QHPK-A3" );
    change.newStatus = status;
    change.by = QStringLiteral( "Phòng Quản lý đô thị" );
    change.date = QDate( 2024, 5, 2 ).addDays( i );
    change.note = QStringLiteral( "live bench %1" ).arg( i + 1 );
    QSignalSpy heard( &tracker, &RtTracker::remoteChangesRead );
    QElapsedTimer timer;
    timer.start();
    const RtStatusResult saved = desk.value()->setStatus( change );
    commitMs << timer.nsecsElapsed() / 1e6;
    if ( !saved.ok() )
    {
      say( QStringLiteral( "change %1 not saved: %2" ).arg( i + 1 ).arg( saved.error() ) );
      return 1;
    }
    if ( heard.isEmpty() && !heard.wait( 5000 ) )
    {
      say( QStringLiteral( "change %1: not heard within 5 s" ).arg( i + 1 ) );
      return 1;
    }
    heardMs << timer.nsecsElapsed() / 1e6;
    const QColor drawn = rtRenderedColor( zones, a3 );
    recolouredMs << timer.nsecsElapsed() / 1e6;
    if ( !rtSameColor( drawn, expected ) )
    {
      ++wrong;
      say( QStringLiteral( "change %1: zone A3 drawn %2, expected %3" ).arg( i + 1 ).arg( drawn.name(), expected.name() ) );
    }
    QTest::qWait( 300 ); // the next change apart from this one (not grouped with it)
  }

  const Spread commit = spread( commitMs ), read = spread( heardMs ), recoloured = spread( recolouredMs );
  const auto ms = []( double v ) { return QStringLiteral( "%1 ms" ).arg( v, 0, 'f', 1 ); };
  QStringList report;
  report << QStringLiteral( "%1 status changes of CM-QHPK-A3 by another desk (a store on its own connection) on PostgreSQL; this desk: RtTracker listening, zones bound; load average %2 at the start, %3 at the end." )
         .arg( changes ).arg( loadAtStart, loadAverage() )
         << QString()
         << QStringLiteral( "| from the other desk's change to | median | 90th percentile | max |" )
         << QStringLiteral( "|---|---:|---:|---:|" )
         << QStringLiteral( "| its commit returned | %1 | %2 | %3 |" ).arg( ms( commit.median ), ms( commit.p90 ), ms( commit.max ) )
         << QStringLiteral( "| this desk has read the tasks again (binding updated; includes the tracker's 150 ms grouping) | %1 | %2 | %3 |" ).arg( ms( read.median ), ms( read.p90 ), ms( read.max ) )
         << QStringLiteral( "| this desk's map rendered with zone A3 in its new colour (500×500 px) | %1 | %2 | %3 |" ).arg( ms( recoloured.median ), ms( recoloured.p90 ), ms( recoloured.max ) )
         << QString()
         << QStringLiteral( "Zone A3 drawn in the new status's colour after %1 of %2 changes." ).arg( changes - wrong ).arg( changes );
  for ( const QString &line : std::as_const( report ) )
    say( line );
  if ( !reportPath.isEmpty() )
  {
    QFile out( reportPath );
    if ( out.open( QIODevice::WriteOnly | QIODevice::Truncate ) )
      out.write( report.join( QLatin1Char( '\n' ) ).toUtf8() + '\n' );
  }
  return wrong == 0 ? 0 : 1;
}
