#ifndef RTGPKGBACKEND_H
#define RTGPKGBACKEND_H

// Internal to the register store (RtStore): the GeoPackage plumbing through GDAL/OGR:
// quiet GDAL errors, SQL helpers, field access, result sets, transactions and files.

#include "rtresult.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDate>
#include <QDateTime>
#include <QString>

#include <exception>
#include <functional>

namespace RtStoreInternal
{
  //! Keeps GDAL from printing to stderr while in scope; its messages are read back with CPLGetLastErrorMsg().
  class QuietGdalErrors
  {
    public:
      QuietGdalErrors() { CPLPushErrorHandler( CPLQuietErrorHandler ); CPLErrorReset(); }
      ~QuietGdalErrors() { CPLPopErrorHandler(); }
      QuietGdalErrors( const QuietGdalErrors & ) = delete;
      QuietGdalErrors &operator=( const QuietGdalErrors & ) = delete;
  };

  QString gdalMessage( const QString &fallback );
  bool gdalFailed();
  QString sqlQuote( const QString &text );
  QString sqlDate( const QDate &date );
  //! The form GDAL itself writes for a GeoPackage DATETIME in UTC.
  QString isoUtc( const QDateTime &dateTime );
  QString isoDate( const QDate &date );

  // reading fields
  int fieldIndex( const OGRFeature &f, const char *name );
  bool isNull( const OGRFeature &f, const char *name );
  QString fieldString( const OGRFeature &f, const char *name );
  qint64 fieldInt( const OGRFeature &f, const char *name );
  double fieldReal( const OGRFeature &f, const char *name );
  QDateTime fieldDateTime( const OGRFeature &f, const char *name );
  QDate fieldDate( const OGRFeature &f, const char *name );

  // writing fields
  void setString( OGRFeature &f, const char *name, const QString &value );
  void setInt( OGRFeature &f, const char *name, qint64 value );
  void setReal( OGRFeature &f, const char *name, double value );
  void setDate( OGRFeature &f, const char *name, const QDate &date );
  void setDateTimeUtc( OGRFeature &f, const char *name, const QDateTime &dateTime );

  //! A result set released however the caller leaves, so no statement keeps the file locked.
  class ResultSet
  {
    public:
      ResultSet( GDALDataset *ds, OGRLayer *layer ) : mDs( ds ), mLayer( layer ) {}
      ~ResultSet() { if ( mLayer ) mDs->ReleaseResultSet( mLayer ); }
      ResultSet( const ResultSet & ) = delete;
      ResultSet &operator=( const ResultSet & ) = delete;
      OGRLayer *layer() const { return mLayer; }

    private:
      GDALDataset *mDs = nullptr;
      OGRLayer *mLayer = nullptr;
  };

  //! Runs a SELECT and calls \a row for each result until it returns false; returns an error message or empty.
  QString forEachRow( GDALDataset *ds, const QString &sql, const std::function<bool( const OGRFeature & )> &row );

  //! Runs a statement that returns no rows; returns an error message or empty.
  QString execute( GDALDataset *ds, const QString &sql );

  //! Rolls back on scope exit unless committed.
  class Transaction
  {
    public:
      explicit Transaction( GDALDataset *ds ) : mDs( ds ) {}
      ~Transaction() { rollback(); }
      Transaction( const Transaction & ) = delete;
      Transaction &operator=( const Transaction & ) = delete;

      bool begin()
      {
        CPLErrorReset();
        mActive = mDs->StartTransaction() == OGRERR_NONE;
        return mActive;
      }

      bool commit()
      {
        if ( !mActive )
          return false;
        CPLErrorReset();
        mActive = false;
        if ( mDs->CommitTransaction() == OGRERR_NONE )
          return true;
        // GDAL forgets the transaction even when SQLite kept it open (e.g. busy): end it here.
        const QString message = QString::fromUtf8( CPLGetLastErrorMsg() );
        CPLPushErrorHandler( CPLQuietErrorHandler );
        OGRLayer *rs = mDs->ExecuteSQL( "ROLLBACK TRANSACTION", nullptr, nullptr );
        if ( rs )
          mDs->ReleaseResultSet( rs );
        CPLPopErrorHandler();
        CPLErrorSetState( CE_Failure, CPLE_AppDefined, message.toUtf8().constData() );
        return false;
      }

      void rollback()
      {
        if ( !mActive )
          return;
        mActive = false;
        mDs->RollbackTransaction();
      }

    private:
      GDALDataset *mDs = nullptr;
      bool mActive = false;
  };

  template <class T, class F>
  RtResult<T> guarded( const QString &what, F &&body )
  {
    try
    {
      return body();
    }
    catch ( const std::exception &e )
    {
      return RtResult<T>::failure( QStringLiteral( "%1: unexpected error: %2" ).arg( what, QString::fromLocal8Bit( e.what() ) ) );
    }
    catch ( ... )
    {
      return RtResult<T>::failure( QStringLiteral( "%1: unexpected error" ).arg( what ) );
    }
  }

  void removeTemporary( const QString &tmpPath );
  QString systemError( int code );

  /**
   * Moves the finished file into place. Replacing uses rename(2), which is atomic; without
   * overwrite, link(2) refuses an existing target even if it appeared after our first check.
   * Returns an error message or empty.
   */
  QString moveIntoPlace( const QString &tmpPath, const QString &path, bool overwrite );

  //! Why \a path cannot be a GeoPackage at all, judged from its first bytes; empty if it might be one.
  QString headerProblem( const QString &path );
}

#endif // RTGPKGBACKEND_H
