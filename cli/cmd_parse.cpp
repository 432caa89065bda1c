// restrack parse FILE.txt [--json]
#include "clicommon.h"
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
  if ( !args.parse( argList, {}, { QStringLiteral( "json" ) } ) || args.positional().size() != 1 )
  {
    RtCli::err( args.error().isEmpty() ? QStringLiteral( "usage: restrack parse FILE.txt [--json]" ) : args.error() );
    return ExitUsage;
  }
  const RtResult<RtImportReport> imported = RtResolutionImporter::importFile( args.positional().first() );
  if ( !imported.ok() )
  {
    RtCli::err( imported.error() );
    return ExitRefused;
  }
  const RtResolution &r = imported.value().resolution;
  for ( const QString &w : imported.value().warnings )
    RtCli::err( QStringLiteral( "warning: %1" ).arg( w ) );

  if ( !args.has( QStringLiteral( "json" ) ) )
  {
    RtCli::out( QStringLiteral( "%1 %2, %3 %4" ).arg( r.documentType, r.number, r.place, r.date.toString( QStringLiteral( "dd/MM/yyyy" ) ) ) );
    RtCli::out( r.title );
    printTree( r.clauses, 0 );
    for ( const RtFootnote &f : r.footnotes )
      RtCli::out( QStringLiteral( "footnote %1 (%2): %3" ).arg( f.number ).arg( rtClausePathString( f.clausePath ), f.text.left( 80 ) ) );
    for ( const RtFigure &f : r.figures )
      RtCli::out( QStringLiteral( "figure: %1 %2%3 %4" ).arg( f.comparator ).arg( f.value ).arg( f.total > 0 ? QStringLiteral( "/%1" ).arg( f.total ) : ( f.kind == RtFigure::Kind::Percent ? QStringLiteral( "%" ) : QString() ), f.label.isEmpty() ? f.subject : f.label ) );
    return ExitOk;
  }

  QJsonObject doc;
  doc.insert( QStringLiteral( "number" ), r.number );
  doc.insert( QStringLiteral( "place" ), r.place );
  doc.insert( QStringLiteral( "date" ), r.date.toString( Qt::ISODate ) );
  doc.insert( QStringLiteral( "type" ), r.documentType );
  doc.insert( QStringLiteral( "title" ), r.title );
  doc.insert( QStringLiteral( "body" ), r.body );
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
  doc.insert( QStringLiteral( "signer" ), signer );
  doc.insert( QStringLiteral( "warnings" ), QJsonArray::fromStringList( imported.value().warnings ) );
  RtCli::outJson( QJsonDocument( doc ) );
  return ExitOk;
}
