#ifndef RT_CORPUSCHECK_H
#define RT_CORPUSCHECK_H
// Compares `restrack parse --json` output with a corpus text's expected parse
// (tests/data/corpus/*.expected.json, written by make_corpus.py from the documents' structure).

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

namespace RtCorpus
{
  inline QString corpusDir() { return QStringLiteral( RT_SOURCE_DIR "/tests/data/corpus" ); }

  //! The corpus texts: the file of each expected parse (any extension but .json).
  inline QString textFor( const QString &expectedPath )
  {
    const QString base = expectedPath.left( expectedPath.size() - QStringLiteral( ".expected.json" ).size() );
    for ( const QString &ext : { QStringLiteral( ".txt" ), QStringLiteral( ".docx" ), QStringLiteral( ".pdf" ) } )
      if ( QFile::exists( base + ext ) )
        return base + ext;
    return QString();
  }

  inline QStringList expectedFiles()
  {
    QStringList out;
    for ( const QString &f : QDir( corpusDir() ).entryList( { QStringLiteral( "*.expected.json" ) }, QDir::Files, QDir::Name ) )
      out << corpusDir() + QLatin1Char( '/' ) + f;
    return out;
  }

  inline QString norm( const QString &s )
  {
    static const QRegularExpression sSpace( QStringLiteral( "\\s+" ) );
    return QString( s ).replace( sSpace, QStringLiteral( " " ) ).trimmed();
  }

  struct Comparison
  {
    QStringList problems;
    int clausesRight = 0;
    int clausesExpected = 0;
    int rowsRight = 0;
    int rowsExpected = 0;
  };

  inline void compareClauses( const QJsonArray &expected, const QJsonArray &got, const QString &path, Comparison &c )
  {
    QStringList expectedLabels;
    QStringList gotLabels;
    for ( const QJsonValue &e : expected )
      expectedLabels << e.toObject().value( "label" ).toString();
    for ( const QJsonValue &g : got )
      gotLabels << g.toObject().value( "label" ).toString();
    if ( expectedLabels != gotLabels )
      c.problems << QStringLiteral( "%1: clauses [%2], read [%3]" ).arg( path, expectedLabels.join( ", " ), gotLabels.join( ", " ) );
    for ( const QJsonValue &ev : expected )
    {
      const QJsonObject e = ev.toObject();
      ++c.clausesExpected;
      const QString label = e.value( "label" ).toString();
      const QString here = path.isEmpty() ? label : path + QStringLiteral( " › " ) + label;
      QJsonObject g;
      for ( const QJsonValue &gv : got )
        if ( gv.toObject().value( "label" ).toString() == label )
          g = gv.toObject();
      if ( g.isEmpty() )
      {
        c.problems << QStringLiteral( "%1: missing" ).arg( here );
        continue;
      }
      if ( norm( e.value( "text" ).toString() ) == norm( g.value( "text" ).toString() ) )
        ++c.clausesRight;
      else
        c.problems << QStringLiteral( "%1: text \"%2\", read \"%3\"" ).arg( here, norm( e.value( "text" ).toString() ), norm( g.value( "text" ).toString() ) );
      compareClauses( e.value( "children" ).toArray(), g.value( "children" ).toArray(), here, c );
    }
  }

  //! Every difference between the expected parse and \a got (parse --json of the text).
  inline Comparison compare( const QJsonObject &expected, const QJsonObject &got )
  {
    Comparison c;
    for ( const char *key : { "number", "place", "date", "type", "title", "issuer", "body", "session", "closing" } )
      if ( norm( expected.value( key ).toString() ) != norm( got.value( key ).toString() ) )
        c.problems << QStringLiteral( "%1: \"%2\", read \"%3\"" ).arg( QLatin1String( key ), expected.value( key ).toString(), got.value( key ).toString() );
    if ( expected.value( "format" ).toString() == QLatin1String( "text" ) && expected.value( "encoding" ) != got.value( "encoding" ) )
      c.problems << QStringLiteral( "encoding: %1, read as %2" ).arg( expected.value( "encoding" ).toString(), got.value( "encoding" ).toString() );
    if ( expected.value( "format" ) != got.value( "format" ) )
      c.problems << QStringLiteral( "format: %1, read as %2" ).arg( expected.value( "format" ).toString(), got.value( "format" ).toString() );
    QStringList expectedPreamble, gotPreamble;
    for ( const QJsonValue &v : expected.value( "preamble" ).toArray() )
      expectedPreamble << norm( v.toString() );
    for ( const QJsonValue &v : got.value( "preamble" ).toArray() )
      gotPreamble << norm( v.toString() );
    if ( expectedPreamble != gotPreamble )
      c.problems << QStringLiteral( "preamble: %1 paragraphs, read %2: %3" ).arg( expectedPreamble.size() ).arg( gotPreamble.size() ).arg( gotPreamble.join( " | " ) );
    const QJsonObject es = expected.value( "signer" ).toObject();
    const QJsonObject gs = got.value( "signer" ).toObject();
    for ( const char *key : { "on_behalf", "title", "name" } )
      if ( es.value( key ) != gs.value( key ) )
        c.problems << QStringLiteral( "signer %1: \"%2\", read \"%3\"" ).arg( QLatin1String( key ), es.value( key ).toString(), gs.value( key ).toString() );

    compareClauses( expected.value( "clauses" ).toArray(), got.value( "clauses" ).toArray(), QString(), c );

    const QJsonArray ef = expected.value( "footnotes" ).toArray();
    const QJsonArray gf = got.value( "footnotes" ).toArray();
    if ( ef.size() != gf.size() )
      c.problems << QStringLiteral( "footnotes: %1, read %2" ).arg( ef.size() ).arg( gf.size() );
    for ( int i = 0; i < ef.size() && i < gf.size(); ++i )
    {
      const QJsonObject e = ef.at( i ).toObject();
      const QJsonObject g = gf.at( i ).toObject();
      if ( e.value( "number" ) != g.value( "number" ) || e.value( "clause" ) != g.value( "clause" ) || norm( e.value( "text" ).toString() ) != norm( g.value( "text" ).toString() ) )
        c.problems << QStringLiteral( "footnote %1: cited in %2 \"%3\", read %4 in %5 \"%6\"" )
                   .arg( e.value( "number" ).toInt() ).arg( QJsonDocument( e.value( "clause" ).toArray() ).toJson( QJsonDocument::Compact ), e.value( "text" ).toString() )
                   .arg( g.value( "number" ).toInt() ).arg( QJsonDocument( g.value( "clause" ).toArray() ).toJson( QJsonDocument::Compact ), g.value( "text" ).toString() );
    }

    const QJsonArray ea = expected.value( "appendices" ).toArray();
    const QJsonArray ga = got.value( "appendices" ).toArray();
    if ( ea.size() != ga.size() )
      c.problems << QStringLiteral( "appendices: %1, read %2" ).arg( ea.size() ).arg( ga.size() );
    for ( int i = 0; i < ea.size(); ++i )
    {
      const QJsonObject e = ea.at( i ).toObject();
      const QJsonObject g = ga.at( i ).toObject();
      for ( const char *key : { "label", "title" } )
        if ( norm( e.value( key ).toString() ) != norm( g.value( key ).toString() ) )
          c.problems << QStringLiteral( "appendix %1 %2: \"%3\", read \"%4\"" ).arg( i + 1 ).arg( QLatin1String( key ), e.value( key ).toString(), g.value( key ).toString() );
      for ( const char *key : { "notes", "columns" } )
      {
        QStringList a, b;
        for ( const QJsonValue &v : e.value( key ).toArray() )
          a << norm( v.toString() );
        for ( const QJsonValue &v : g.value( key ).toArray() )
          b << norm( v.toString() );
        if ( a != b )
          c.problems << QStringLiteral( "appendix %1 %2: [%3], read [%4]" ).arg( i + 1 ).arg( QLatin1String( key ), a.join( " | " ), b.join( " | " ) );
      }
      const QJsonArray rows = e.value( "rows" ).toArray();
      const QJsonArray gotRows = g.value( "rows" ).toArray();
      for ( int r = 0; r < rows.size(); ++r )
      {
        ++c.rowsExpected;
        const QJsonArray cells = gotRows.at( r ).toObject().value( "cells" ).toArray();
        if ( r < gotRows.size() && cells == rows.at( r ).toArray() )
          ++c.rowsRight;
        else
          c.problems << QStringLiteral( "appendix %1 row %2: %3, read %4" ).arg( i + 1 ).arg( r + 1 )
                     .arg( QString::fromUtf8( QJsonDocument( rows.at( r ).toArray() ).toJson( QJsonDocument::Compact ) ),
                           QString::fromUtf8( QJsonDocument( cells ).toJson( QJsonDocument::Compact ) ) );
      }
      if ( gotRows.size() > rows.size() )
        c.problems << QStringLiteral( "appendix %1: %2 rows more than written" ).arg( i + 1 ).arg( gotRows.size() - rows.size() );
    }

    // Warnings: exactly the ones the text deserves (none, or the planted mismatches).
    QStringList warnings;
    for ( const QJsonValue &v : got.value( "warnings" ).toArray() )
      warnings << v.toString();
    const QJsonArray wanted = expected.value( "warnings_contain" ).toArray();
    if ( wanted.isEmpty() && !warnings.isEmpty() )
      c.problems << QStringLiteral( "warnings: %1" ).arg( warnings.join( " | " ) );
    for ( const QJsonValue &w : wanted )
    {
      bool found = false;
      for ( const QString &x : warnings )
        found |= x.contains( w.toString() );
      if ( !found )
        c.problems << QStringLiteral( "no warning naming \"%1\" among: %2" ).arg( w.toString(), warnings.join( " | " ) );
    }
    QStringList info;
    for ( const QJsonValue &v : got.value( "info" ).toArray() )
      info << v.toString();
    for ( const QJsonValue &w : expected.value( "info_contains" ).toArray() )
    {
      bool found = false;
      for ( const QString &x : info )
        found |= x.contains( w.toString() );
      if ( !found )
        c.problems << QStringLiteral( "the report does not say \"%1\": %2" ).arg( w.toString(), info.join( " | " ) );
    }
    return c;
  }

  //! Runs `restrack parse FILE --json`; \a error receives stderr when it fails.
  inline QJsonObject parseJson( const QString &cli, const QString &file, QString *error = nullptr )
  {
    QProcess p;
    p.start( cli, { QStringLiteral( "parse" ), file, QStringLiteral( "--json" ) } );
    if ( !p.waitForFinished( 60000 ) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 )
    {
      if ( error )
        *error = QString::fromUtf8( p.readAllStandardError() );
      return QJsonObject();
    }
    return QJsonDocument::fromJson( p.readAllStandardOutput() ).object();
  }

  inline QJsonObject readExpected( const QString &path )
  {
    QFile f( path );
    if ( !f.open( QIODevice::ReadOnly ) )
      return QJsonObject();
    return QJsonDocument::fromJson( f.readAll() ).object();
  }
}

#endif
