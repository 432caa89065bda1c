#include "rtgpkgbackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cmath>
#include <cstring>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace RtStoreInternal
{
  QString gdalMessage( const QString &fallback )
  {
    const QString message = QString::fromUtf8( CPLGetLastErrorMsg() ).simplified();
    if ( message.contains( QLatin1String( "database is locked" ) ) )
      return QStringLiteral( "another program is writing to the file: database is locked" );
    return message.isEmpty() ? fallback : message;
  }

  bool gdalFailed()
  {
    return CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal;
  }

  QString sqlQuote( const QString &text )
  {
    QString quoted = text;
    quoted.replace( QLatin1Char( '\'' ), QLatin1String( "''" ) );
    return QLatin1Char( '\'' ) + quoted + QLatin1Char( '\'' );
  }

  QString sqlDate( const QDate &date )
  {
    return date.isValid() ? sqlQuote( date.toString( Qt::ISODate ) ) : QStringLiteral( "NULL" );
  }

  QString isoUtc( const QDateTime &dateTime )
  {
    return dateTime.toUTC().toString( QStringLiteral( "yyyy-MM-ddTHH:mm:ss.zzzZ" ) );
  }

  QString isoDate( const QDate &date )
  {
    return date.toString( Qt::ISODate );
  }

  int fieldIndex( const OGRFeature &f, const char *name )
  {
    return f.GetFieldIndex( name );
  }

  bool isNull( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    return i < 0 || !f.IsFieldSetAndNotNull( i );
  }

  QString fieldString( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return QString();
    return QString::fromUtf8( f.GetFieldAsString( i ) );
  }

  qint64 fieldInt( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return 0;
    return static_cast<qint64>( f.GetFieldAsInteger64( i ) );
  }

  double fieldReal( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return 0;
    return f.GetFieldAsDouble( i );
  }

  QDateTime fieldDateTime( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return QDateTime();
    const OGRFieldType type = f.GetFieldDefnRef( i )->GetType();
    if ( type == OFTDate || type == OFTDateTime )
    {
      int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
      float s = 0;
      if ( !f.GetFieldAsDateTime( i, &y, &mo, &d, &h, &mi, &s, &tz ) )
        return QDateTime();
      const int wholeSeconds = static_cast<int>( std::floor( s ) );
      const int ms = std::min( 999, static_cast<int>( std::lround( ( s - wholeSeconds ) * 1000 ) ) );
      const QDate date( y, mo, d );
      const QTime time( h, mi, wholeSeconds, ms );
      // OGR time zone flag: 100 is UTC, each step away from it is 15 minutes.
      if ( tz >= 2 )
        return QDateTime( date, time, Qt::OffsetFromUTC, ( tz - 100 ) * 15 * 60 ).toUTC();
      return QDateTime( date, time, Qt::UTC );
    }
    // A column SQLite reports without a declared type comes back as text.
    const QString text = QString::fromUtf8( f.GetFieldAsString( i ) );
    QDateTime dt = QDateTime::fromString( text, Qt::ISODateWithMs );
    if ( !dt.isValid() )
      dt = QDateTime( QDate::fromString( text.left( 10 ), Qt::ISODate ), QTime( 0, 0 ), Qt::UTC );
    return dt.toUTC();
  }

  QDate fieldDate( const OGRFeature &f, const char *name )
  {
    const int i = fieldIndex( f, name );
    if ( i < 0 || !f.IsFieldSetAndNotNull( i ) )
      return QDate();
    const OGRFieldType type = f.GetFieldDefnRef( i )->GetType();
    if ( type == OFTDate || type == OFTDateTime )
    {
      int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
      float s = 0;
      if ( !f.GetFieldAsDateTime( i, &y, &mo, &d, &h, &mi, &s, &tz ) )
        return QDate();
      return QDate( y, mo, d );
    }
    return QDate::fromString( QString::fromUtf8( f.GetFieldAsString( i ) ).left( 10 ), Qt::ISODate );
  }

  void setString( OGRFeature &f, const char *name, const QString &value )
  {
    f.SetField( name, value.toUtf8().constData() );
  }

  void setInt( OGRFeature &f, const char *name, qint64 value )
  {
    f.SetField( name, static_cast<GIntBig>( value ) );
  }

  void setReal( OGRFeature &f, const char *name, double value )
  {
    f.SetField( name, value );
  }

  void setDate( OGRFeature &f, const char *name, const QDate &date )
  {
    const int i = f.GetFieldIndex( name );
    if ( i < 0 )
      return;
    if ( date.isValid() )
      f.SetField( i, date.year(), date.month(), date.day() );
    else
      f.SetFieldNull( i );
  }

  void setDateTimeUtc( OGRFeature &f, const char *name, const QDateTime &dateTime )
  {
    const int i = f.GetFieldIndex( name );
    if ( i < 0 )
      return;
    const QDateTime utc = dateTime.toUTC();
    const QTime t = utc.time();
    f.SetField( i, utc.date().year(), utc.date().month(), utc.date().day(), t.hour(), t.minute(),
                static_cast<float>( t.second() + t.msec() / 1000.0 ), 100 );
  }

  QString forEachRow( GDALDataset *ds, const QString &sql, const std::function<bool( const OGRFeature & )> &row )
  {
    CPLErrorReset();
    ResultSet rs( ds, ds->ExecuteSQL( sql.toUtf8().constData(), nullptr, nullptr ) );
    if ( !rs.layer() )
      return gdalMessage( QStringLiteral( "query failed: %1" ).arg( sql ) );
    while ( true )
    {
      OGRFeatureUniquePtr f( rs.layer()->GetNextFeature() );
      if ( !f )
        break;
      if ( !row( *f ) )
        break;
    }
    if ( gdalFailed() )
      return gdalMessage( QStringLiteral( "query failed: %1" ).arg( sql ) );
    return QString();
  }

  QString execute( GDALDataset *ds, const QString &sql )
  {
    CPLErrorReset();
    OGRLayer *rs = ds->ExecuteSQL( sql.toUtf8().constData(), nullptr, nullptr );
    if ( rs )
      ds->ReleaseResultSet( rs );
    if ( gdalFailed() )
      return gdalMessage( QStringLiteral( "statement failed: %1" ).arg( sql ) );
    return QString();
  }

  void removeTemporary( const QString &tmpPath )
  {
    for ( const QString &suffix : { QString(), QStringLiteral( "-journal" ), QStringLiteral( "-wal" ), QStringLiteral( "-shm" ) } )
      QFile::remove( tmpPath + suffix );
  }

  QString systemError( int code )
  {
    return QString::fromLocal8Bit( std::strerror( code ) );
  }

  QString moveIntoPlace( const QString &tmpPath, const QString &path, bool overwrite )
  {
#ifdef Q_OS_WIN
    const std::wstring from = QDir::toNativeSeparators( tmpPath ).toStdWString();
    const std::wstring to = QDir::toNativeSeparators( path ).toStdWString();
    DWORD flags = MOVEFILE_WRITE_THROUGH;
    if ( overwrite )
      flags |= MOVEFILE_REPLACE_EXISTING;
    if ( !MoveFileExW( from.c_str(), to.c_str(), flags ) )
    {
      if ( GetLastError() == ERROR_ALREADY_EXISTS || GetLastError() == ERROR_FILE_EXISTS )
        return QStringLiteral( "it already exists" );
      return QStringLiteral( "cannot move the new file into place (Windows error %1)" ).arg( GetLastError() );
    }
    return QString();
#else
    const QByteArray from = QFile::encodeName( tmpPath );
    const QByteArray to = QFile::encodeName( path );
    if ( !overwrite )
    {
      if ( ::link( from.constData(), to.constData() ) == 0 )
      {
        ::unlink( from.constData() );
        return QString();
      }
      const int err = errno;
      if ( err == EEXIST )
        return QStringLiteral( "it already exists" );
      // Some file systems have no hard links: check, then rename.
      if ( QFileInfo::exists( path ) || QFileInfo( path ).isSymLink() )
        return QStringLiteral( "it already exists" );
    }
    if ( ::rename( from.constData(), to.constData() ) != 0 )
      return QStringLiteral( "cannot move the new file into place: %1" ).arg( systemError( errno ) );
    return QString();
#endif
  }

  QString headerProblem( const QString &path )
  {
    QFile file( path );
    if ( !file.open( QIODevice::ReadOnly ) )
      return QStringLiteral( "cannot read it: %1" ).arg( file.errorString() );
    const QByteArray head = file.read( 100 );
    if ( head.isEmpty() )
      return QStringLiteral( "the file is empty" );
    if ( !head.startsWith( QByteArray( "SQLite format 3\0", 16 ) ) )
      return QStringLiteral( "it is not an SQLite database file" );
    if ( head.size() < 100 )
      return QStringLiteral( "the file is truncated" );
    return QString();
  }
}
