#ifndef RT_PGTESTUTIL_H
#define RT_PGTESTUTIL_H

#include <libpq-fe.h>

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QTextStream>

/**
 * \brief A fresh PostgreSQL database for one test, on the cluster ctest's fixture "pg"
 * started (tests/pg_cluster_fixture.sh): a copy of its database rt_test (PostGIS in it),
 * dropped when this goes. RT_TEST_PG_ENV names the fixture's env.sh. When it is missing
 * or the server refuses, error() says why: tests then FAIL with it, never skip.
 */
class RtTestPgDatabase
{
  public:
    RtTestPgDatabase()
    {
      const QString envFile = qEnvironmentVariable( "RT_TEST_PG_ENV" );
      if ( envFile.isEmpty() )
      {
        mError = QStringLiteral( "RT_TEST_PG_ENV is not set: run the PostgreSQL tests through ctest (fixture pg/cluster_start), "
                                 "or start scripts/pg-test-cluster.sh and point RT_TEST_PG_ENV at its env.sh" );
        return;
      }
      QFile f( envFile );
      if ( !f.open( QIODevice::ReadOnly ) )
      {
        mError = QStringLiteral( "cannot read %1 (RT_TEST_PG_ENV): did the fixture pg/cluster_start run and succeed?" ).arg( envFile );
        return;
      }
      static const QRegularExpression sUri( QStringLiteral( "^export RT_TEST_PG='([^']*)'" ), QRegularExpression::MultilineOption );
      const QRegularExpressionMatch m = sUri.match( QString::fromUtf8( f.readAll() ) );
      if ( !m.hasMatch() || !m.captured( 1 ).endsWith( QLatin1String( "/rt_test" ) ) )
      {
        mError = QStringLiteral( "%1 exports no RT_TEST_PG URI ending in /rt_test" ).arg( envFile );
        return;
      }
      const QString base = m.captured( 1 ).chopped( int( qstrlen( "rt_test" ) ) );
      mAdmin = base + QStringLiteral( "postgres" );
      static int sCount = 0;
      mName = QStringLiteral( "rt_t_%1_%2" ).arg( QCoreApplication::applicationPid() ).arg( ++sCount );
      const QString created = execute( mAdmin, QStringLiteral( "CREATE DATABASE %1 TEMPLATE rt_test" ).arg( mName ) );
      if ( !created.isEmpty() )
      {
        mError = QStringLiteral( "cannot create test database %1: %2" ).arg( mName, created );
        mName.clear();
        return;
      }
      mUri = base + mName;
    }
    ~RtTestPgDatabase()
    {
      if ( !mName.isEmpty() )
        execute( mAdmin, QStringLiteral( "DROP DATABASE IF EXISTS %1 WITH (FORCE)" ).arg( mName ) );
    }
    RtTestPgDatabase( const RtTestPgDatabase & ) = delete;
    RtTestPgDatabase &operator=( const RtTestPgDatabase & ) = delete;

    //! Empty when the database is there.
    QString error() const { return mError; }
    //! A postgresql:// URI of the database (a superuser with a password).
    QString uri() const { return mUri; }

    //! Runs \a sql (no parameters: test statements only) on \a uri; the server's message, empty on success.
    static QString execute( const QString &uri, const QString &sql )
    {
      PGconn *conn = PQconnectdb( uri.toUtf8().constData() );
      QString error;
      if ( PQstatus( conn ) != CONNECTION_OK )
        error = QString::fromUtf8( PQerrorMessage( conn ) ).simplified();
      else
      {
        PGresult *r = PQexec( conn, sql.toUtf8().constData() );
        const ExecStatusType st = PQresultStatus( r );
        if ( st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK )
          error = QString::fromUtf8( PQresultErrorMessage( r ) ).simplified();
        PQclear( r );
      }
      PQfinish( conn );
      return error;
    }

    //! The first column of the first row \a sql returns on \a uri (empty on error or no row).
    static QString scalar( const QString &uri, const QString &sql )
    {
      PGconn *conn = PQconnectdb( uri.toUtf8().constData() );
      QString value;
      if ( PQstatus( conn ) == CONNECTION_OK )
      {
        PGresult *r = PQexec( conn, sql.toUtf8().constData() );
        if ( PQresultStatus( r ) == PGRES_TUPLES_OK && PQntuples( r ) > 0 )
          value = QString::fromUtf8( PQgetvalue( r, 0, 0 ) );
        PQclear( r );
      }
      PQfinish( conn );
      return value;
    }

  private:
    QString mAdmin;
    QString mName;
    QString mUri;
    QString mError;
};

#endif
