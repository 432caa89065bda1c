// restrack parse FILE [--json | --text] [--encoding NAME]
#include "clicommon.h"
#include "rttr.h"
#include "rtdocumentsource.h"
#include "rtfigures.h"
#include "rtresolutionimporter.h"

#include <QJsonArray>
#include <QJsonObject>

namespace
{
  QJsonObject clauseJson( const RtClause &c )
  {
    QJsonArray children;
    for ( const RtClause &child : c.children )
      children << clauseJson( child );
    QJsonObject o;
    o.insert( QStringLiteral( "label" ), c.label );
    o.insert( QStringLiteral( "text" ), c.text );
    o.insert( QStringLiteral( "line" ), c.line );
    o.insert( QStringLiteral( "children" ), children );
    return o;
  }

  QJsonObject figureJson( const RtFigure &f )
  {
    QJsonObject o;
    o.insert( QStringLiteral( "kind" ), RtFigure::kindCode( f.kind ) );
    o.insert( QStringLiteral( "value" ), f.value );
    if ( f.total > 0 )
      o.insert( QStringLiteral( "total" ), f.total );
    o.insert( QStringLiteral( "comparator" ), f.comparator );
    if ( !f.label.isEmpty() )
      o.insert( QStringLiteral( "label" ), f.label );
    if ( !f.subject.isEmpty() )
      o.insert( QStringLiteral( "subject" ), f.subject );
    if ( !f.items.isEmpty() )
      o.insert( QStringLiteral( "items" ), QJsonArray::fromStringList( f.items ) );
    if ( !f.deadline.isEmpty() )
      o.insert( QStringLiteral( "deadline" ), f.deadline );
    o.insert( QStringLiteral( "quote" ), f.quote );
    o.insert( QStringLiteral( "clause" ), QJsonArray::fromStringList( f.clausePath ) );
    return o;
  }

  QJsonObject appendixJson( const RtAppendix &a )
  {
    QJsonArray rows;
    for ( int r = 0; r < a.rows.size(); ++r )
    {
      QJsonArray values;
      for ( const QString &cell : a.rows.at( r ) )
      {
        const std::optional<double> v = RtFigures::parseNumber( cell );
        values << ( v ? QJsonValue( *v ) : QJsonValue() );
      }
      QJsonObject row;
      row.insert( QStringLiteral( "line" ), a.rowLines.value( r ) );
      row.insert( QStringLiteral( "cells" ), QJsonArray::fromStringList( a.rows.at( r ) ) );
      row.insert( QStringLiteral( "values" ), values );
      rows << row;
    }
    QJsonObject o;
    o.insert( QStringLiteral( "label" ), a.label );
    o.insert( QStringLiteral( "title" ), a.title );
    o.insert( QStringLiteral( "notes" ), QJsonArray::fromStringList( a.notes ) );
    o.insert( QStringLiteral( "columns" ), QJsonArray::fromStringList( a.columns ) );
    o.insert( QStringLiteral( "line" ), a.line );
    o.insert( QStringLiteral( "rows" ), rows );
    return o;
  }

  void printTree( const QVector<RtClause> &clauses, int depth )
  {
    for ( const RtClause &c : clauses )
    {
      QString text = c.text.simplified();
      if ( text.size() > 90 )
        text = text.left( 89 ) + QStringLiteral( "…" );
      RtCli::out( QStringLiteral( "%1%2 %3" ).arg( QString( depth * 2, QLatin1Char( ' ' ) ), c.label, text ) );
      printTree( c.children, depth + 1 );
    }
  }
}

int runParse( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "encoding" ) }, { QStringLiteral( "json" ), QStringLiteral( "text" ) } ) || args.positional().size() != 1 )
  {
    RtCli::err( args.error().isEmpty() ? RtCli::usage( "restrack parse FILE [--json | --text] [--encoding NAME]",
                                                                      rtMsg( "RtCli", "  FILE: plain text, PDF or DOCX" ) ) : args.error() );
    return ExitUsage;
  }
  RtEncoding::Encoding encoding = RtEncoding::Encoding::Auto;
  if ( args.has( QStringLiteral( "encoding" ) ) )
  {
    const RtResult<RtEncoding::Encoding> named = RtEncoding::fromName( args.value( QStringLiteral( "encoding" ) ) );
    if ( !named.ok() )
    {
      RtCli::err( rtMsg( "RtCli", "--encoding: %1" ).arg( named.error() ) );
      return ExitUsage;
    }
    encoding = named.value();
  }
  if ( args.has( QStringLiteral( "text" ) ) )
  {
    // The text as the importer reads it (decoded, or taken from the PDF or DOCX), a line each.
    const RtResult<RtSourceText> source = RtDocumentSource::readFile( args.positional().first(), encoding );
    if ( !source.ok() )
    {
      RtCli::err( source.error() );
      return ExitRefused;
    }
    for ( const QString &n : source.value().notes )
      RtCli::err( rtMsg( "RtCli", "note: %1" ).arg( n ) );
    for ( const QString &line : source.value().lines )
      RtCli::out( line );
    return ExitOk;
  }
  const RtResult<RtImportReport> imported = RtResolutionImporter::importFile( args.positional().first(), RtCouncilTerm(), encoding );
  if ( !imported.ok() )
  {
    RtCli::err( imported.error() );
    return ExitRefused;
  }
  const RtResolution &r = imported.value().resolution;
  for ( const QString &n : imported.value().info )
    RtCli::err( rtMsg( "RtCli", "note: %1" ).arg( n ) );
  for ( const QString &w : imported.value().warnings )
    RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );

  if ( !args.has( QStringLiteral( "json" ) ) )
  {
    RtCli::out( QStringLiteral( "%1 %2, %3 %4" ).arg( r.documentType, r.number, r.place, r.date.toString( QStringLiteral( "dd/MM/yyyy" ) ) ) );
    RtCli::out( r.title );
    printTree( r.clauses, 0 );
    for ( const RtFootnote &f : r.footnotes )
      RtCli::out( rtMsg( "RtCli", "footnote %1 (%2): %3" ).arg( f.number ).arg( rtClausePathString( f.clausePath ), f.text.left( 80 ) ) );
    for ( const RtAppendix &a : r.appendices )
    {
      RtCli::out( rtMsg( "RtCli", "%1: %2 (%3 rows)" ).arg( a.label, a.title ).arg( a.rows.size() ) );
      RtCli::out( QStringLiteral( "  %1" ).arg( a.columns.join( QStringLiteral( " | " ) ) ) );
      for ( const QStringList &row : a.rows )
        RtCli::out( QStringLiteral( "  %1" ).arg( row.join( QStringLiteral( " | " ) ) ) );
    }
    for ( const RtFigure &f : r.figures )
      RtCli::out( rtMsg( "RtCli", "figure: %1 %2%3 %4" ).arg( f.comparator ).arg( f.value ).arg( f.total > 0 ? QStringLiteral( "/%1" ).arg( f.total ) : ( f.kind == RtFigure::Kind::Percent ? QStringLiteral( "%" ) : QString() ), f.label.isEmpty() ? f.subject : f.label ) );
    return ExitOk;
  }

  QJsonObject doc;
  doc.insert( QStringLiteral( "number" ), r.number );
  doc.insert( QStringLiteral( "place" ), r.place );
  doc.insert( QStringLiteral( "date" ), r.date.toString( Qt::ISODate ) );
  doc.insert( QStringLiteral( "type" ), r.documentType );
  doc.insert( QStringLiteral( "title" ), r.title );
  doc.insert( QStringLiteral( "body" ), r.body );
  doc.insert( QStringLiteral( "issuer" ), r.issuer );
  doc.insert( QStringLiteral( "session" ), r.session );
  doc.insert( QStringLiteral( "preamble" ), QJsonArray::fromStringList( r.preamble ) );
  QJsonArray clauses;
  for ( const RtClause &c : r.clauses )
    clauses << clauseJson( c );
  doc.insert( QStringLiteral( "clauses" ), clauses );
  QJsonArray footnotes;
  for ( const RtFootnote &f : r.footnotes )
  {
    QJsonObject o;
    o.insert( QStringLiteral( "number" ), f.number );
    o.insert( QStringLiteral( "clause" ), QJsonArray::fromStringList( f.clausePath ) );
    o.insert( QStringLiteral( "text" ), f.text );
    o.insert( QStringLiteral( "line" ), f.line );
    footnotes << o;
  }
  doc.insert( QStringLiteral( "footnotes" ), footnotes );
  QJsonArray figures;
  for ( const RtFigure &f : r.figures )
    figures << figureJson( f );
  doc.insert( QStringLiteral( "figures" ), figures );
  doc.insert( QStringLiteral( "closing" ), r.closing );
  QJsonObject signer;
  signer.insert( QStringLiteral( "title" ), r.signerTitle );
  signer.insert( QStringLiteral( "name" ), r.signer );
  signer.insert( QStringLiteral( "on_behalf" ), r.signerOnBehalf );
  doc.insert( QStringLiteral( "signer" ), signer );
  doc.insert( QStringLiteral( "recipients" ), QJsonArray::fromStringList( r.recipients ) );
  QJsonArray appendices;
  for ( const RtAppendix &a : r.appendices )
    appendices << appendixJson( a );
  doc.insert( QStringLiteral( "appendices" ), appendices );
  doc.insert( QStringLiteral( "format" ), imported.value().format );
  doc.insert( QStringLiteral( "encoding" ), imported.value().encoding );
  doc.insert( QStringLiteral( "info" ), QJsonArray::fromStringList( imported.value().info ) );
  doc.insert( QStringLiteral( "warnings" ), QJsonArray::fromStringList( imported.value().warnings ) );
  RtCli::outJson( QJsonDocument( doc ) );
  return ExitOk;
}
