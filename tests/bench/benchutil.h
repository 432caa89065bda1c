#ifndef RT_BENCHUTIL_H
#define RT_BENCHUTIL_H

// What the benchmark programs share: timing, formatting, the machine's figures and a GDAL
// dataset handle. Header-only: each program is one translation unit (plus the cadastre).
#include <gdal_priv.h>

#include <QFile>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include <time.h>

namespace RtBench
{
using Clock = std::chrono::steady_clock;

inline double since( Clock::time_point start )
{
  return std::chrono::duration<double>( Clock::now() - start ).count();
}

//! CPU time of the whole process (every thread), in seconds.
inline double processCpu()
{
  timespec ts {};
  clock_gettime( CLOCK_PROCESS_CPUTIME_ID, &ts );
  return static_cast<double>( ts.tv_sec ) + static_cast<double>( ts.tv_nsec ) * 1e-9;
}

inline double median( std::vector<double> values )
{
  if ( values.empty() )
    return std::nan( "" );
  std::sort( values.begin(), values.end() );
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : ( values[n / 2 - 1] + values[n / 2] ) / 2;
}

inline QString fmtTime( double s )
{
  if ( std::isnan( s ) )
    return QStringLiteral( "–" );
  if ( s < 0.001 )
    return QStringLiteral( "%1 µs" ).arg( s * 1e6, 0, 'f', 0 );
  if ( s < 1 )
    return QStringLiteral( "%1 ms" ).arg( s * 1e3, 0, 'f', s < 0.01 ? 2 : 1 );
  return QStringLiteral( "%1 s" ).arg( s, 0, 'f', 2 );
}

inline QString fmtSpread( const std::vector<double> &v )
{
  if ( v.empty() )
    return QString();
  return QStringLiteral( "%1 runs, %2–%3" ).arg( v.size() ).arg( fmtTime( *std::min_element( v.begin(), v.end() ) ),
                                                            fmtTime( *std::max_element( v.begin(), v.end() ) ) );
}

inline void say( const QString &text )
{
  std::fprintf( stdout, "%s\n", text.toUtf8().constData() );
  std::fflush( stdout );
}

inline QString readProcLine( const QString &file, const QString &prefix )
{
  QFile f( file );
  if ( !f.open( QIODevice::ReadOnly ) )
    return QString();
  const QStringList lines = QString::fromUtf8( f.readAll() ).split( QLatin1Char( '\n' ) );
  for ( const QString &line : lines )
    if ( line.startsWith( prefix ) )
      return line.mid( line.indexOf( QLatin1Char( ':' ) ) + 1 ).trimmed();
  return QString();
}

inline QString loadAverage()
{
  QFile f( QStringLiteral( "/proc/loadavg" ) );
  if ( !f.open( QIODevice::ReadOnly ) )
    return QString();
  return QString::fromUtf8( f.readAll() ).section( QLatin1Char( ' ' ), 0, 2 );
}

//! Peak resident memory of this process.
inline QString peakMemory()
{
  const QString kb = readProcLine( QStringLiteral( "/proc/self/status" ), QStringLiteral( "VmHWM" ) );
  return QStringLiteral( "%1 MiB" ).arg( kb.section( QLatin1Char( ' ' ), 0, 0 ).toDouble() / 1024, 0, 'f', 0 );
}

struct DatasetCloser
{
  void operator()( GDALDataset *ds ) const { GDALClose( GDALDataset::ToHandle( ds ) ); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;
}

#endif // RT_BENCHUTIL_H
