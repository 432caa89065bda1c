#include "rtresolution.h"

namespace
{
  const QString sPathSeparator = QStringLiteral( " › " );
}

QString RtFigure::kindCode( Kind kind )
{
  switch ( kind )
  {
    case Kind::Ratio: return QStringLiteral( "ratio" );
    case Kind::Percent: return QStringLiteral( "percent" );
    case Kind::Count: return QStringLiteral( "count" );
  }
  return QString();
}

const RtClause *RtResolution::findClause( const QStringList &path ) const
{
  const QVector<RtClause> *level = &clauses;
  const RtClause *found = nullptr;
  for ( const QString &label : path )
  {
    found = nullptr;
    for ( const RtClause &c : *level )
    {
      if ( c.label == label )
      {
        found = &c;
        break;
      }
    }
    if ( !found )
      return nullptr;
    level = &found->children;
  }
  return found;
}

const RtFootnote *RtResolution::findFootnote( int number ) const
{
  for ( const RtFootnote &f : footnotes )
    if ( f.number == number )
      return &f;
  return nullptr;
}

const RtAppendix *RtResolution::findAppendix( const QString &label ) const
{
  for ( const RtAppendix &a : appendices )
    if ( a.label.compare( label.simplified(), Qt::CaseInsensitive ) == 0 )
      return &a;
  return nullptr;
}

int RtAppendix::column( const QString &name ) const
{
  for ( int i = 0; i < columns.size(); ++i )
    if ( columns.at( i ).compare( name.simplified(), Qt::CaseInsensitive ) == 0 )
      return i;
  return -1;
}

QString rtClausePathString( const QStringList &path )
{
  return path.join( sPathSeparator );
}

QStringList rtClausePathFromString( const QString &path )
{
  if ( path.isEmpty() )
    return QStringList();
  return path.split( sPathSeparator );
}
