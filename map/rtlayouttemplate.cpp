#include "rtlayouttemplate.h"
#include "rttr.h"

#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgspathresolver.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsrendercontext.h>
#include <qgslayoututils.h>

#include <QDomDocument>
#include <QFile>
#include <QFileInfo>

// Resources of a static library must be registered by hand, outside any namespace.
static void rtInitTemplateResources()
{
  Q_INIT_RESOURCE( rtmaptemplates );
}

namespace
{
  QString typeName( RtLayoutTemplate::ItemType type )
  {
    switch ( type )
    {
      case RtLayoutTemplate::ItemType::Label: return rtMsg( "RtLayoutTemplate", "a label" );
      case RtLayoutTemplate::ItemType::Map: return rtMsg( "RtLayoutTemplate", "a map" );
      case RtLayoutTemplate::ItemType::Legend: return rtMsg( "RtLayoutTemplate", "a legend" );
      case RtLayoutTemplate::ItemType::ScaleBar: return rtMsg( "RtLayoutTemplate", "a scale bar" );
      case RtLayoutTemplate::ItemType::Picture: return rtMsg( "RtLayoutTemplate", "a picture" );
      case RtLayoutTemplate::ItemType::Table: return rtMsg( "RtLayoutTemplate", "a fixed table (Add Fixed Table)" );
    }
    return QString();
  }

  //! What the item \a item is, in the words of the designer's menus.
  QString describe( QgsLayoutItem *item )
  {
    if ( qobject_cast<QgsLayoutItemLabel *>( item ) ) return rtMsg( "RtLayoutTemplate", "a label" );
    if ( qobject_cast<QgsLayoutItemMap *>( item ) ) return rtMsg( "RtLayoutTemplate", "a map" );
    if ( qobject_cast<QgsLayoutItemLegend *>( item ) ) return rtMsg( "RtLayoutTemplate", "a legend" );
    if ( qobject_cast<QgsLayoutItemScaleBar *>( item ) ) return rtMsg( "RtLayoutTemplate", "a scale bar" );
    if ( qobject_cast<QgsLayoutItemPicture *>( item ) ) return rtMsg( "RtLayoutTemplate", "a picture" );
    if ( auto *frame = qobject_cast<QgsLayoutFrame *>( item ) )
      return frame->multiFrame() ? rtMsg( "RtLayoutTemplate", "the frame of %1" ).arg( frame->multiFrame()->displayName() ) : rtMsg( "RtLayoutTemplate", "an empty frame" );
    return item->displayName();
  }

  bool hasType( QgsLayoutItem *item, RtLayoutTemplate::ItemType type )
  {
    switch ( type )
    {
      case RtLayoutTemplate::ItemType::Label: return qobject_cast<QgsLayoutItemLabel *>( item );
      case RtLayoutTemplate::ItemType::Map: return qobject_cast<QgsLayoutItemMap *>( item );
      case RtLayoutTemplate::ItemType::Legend: return qobject_cast<QgsLayoutItemLegend *>( item );
      case RtLayoutTemplate::ItemType::ScaleBar: return qobject_cast<QgsLayoutItemScaleBar *>( item );
      case RtLayoutTemplate::ItemType::Picture: return qobject_cast<QgsLayoutItemPicture *>( item );
      case RtLayoutTemplate::ItemType::Table:
      {
        auto *frame = qobject_cast<QgsLayoutFrame *>( item );
        return frame && qobject_cast<QgsLayoutItemManualTable *>( frame->multiFrame() );
      }
    }
    return false;
  }
}

RtLayoutTemplate::RtLayoutTemplate( RtLayoutTemplate && ) noexcept = default;
RtLayoutTemplate &RtLayoutTemplate::operator=( RtLayoutTemplate && ) noexcept = default;
RtLayoutTemplate::~RtLayoutTemplate() = default;

QString RtLayoutTemplate::builtIn( const QString &name )
{
  rtInitTemplateResources();
  return QStringLiteral( ":/rtmap/templates/%1.qpt" ).arg( name );
}

RtResult<RtLayoutTemplate> RtLayoutTemplate::load( QgsProject *project, const QString &path, const QVector<Item> &items )
{
  using Result = RtResult<RtLayoutTemplate>;
  rtInitTemplateResources();
  QFile file( path );
  if ( !file.open( QIODevice::ReadOnly ) )
    return Result::failure( QFileInfo::exists( path ) ? RtErrorKind::Invalid : RtErrorKind::NotFound,
                            rtMsg( "RtLayoutTemplate", "template %1: cannot read it (%2)" ).arg( path, file.errorString() ) );
  QDomDocument document;
  QString parseError;
  int line = 0, column = 0;
  if ( !document.setContent( &file, &parseError, &line, &column ) )
    return Result::failure( rtMsg( "RtLayoutTemplate", "template %1: not a QGIS layout template (line %2, column %3: %4)" )
                            .arg( path ).arg( line ).arg( column ).arg( parseError ) );
  if ( document.documentElement().tagName() != QLatin1String( "Layout" ) )
    return Result::failure( rtMsg( "RtLayoutTemplate", "template %1: not a QGIS layout template (its root is <%2>, not <Layout>); "
                                            "save one from QGIS's layout designer (Layout › Save as Template…)" )
                            .arg( path, document.documentElement().tagName() ) );

  RtLayoutTemplate t;
  t.mPath = path;
  t.mLayout = std::make_unique<QgsPrintLayout>( project );
  t.mLayout->initializeDefaults();
  QgsReadWriteContext context;
  context.setPathResolver( QgsPathResolver( path.startsWith( QLatin1Char( ':' ) ) ? QString() : QFileInfo( path ).absoluteFilePath() ) );
  bool ok = false;
  t.mLayout->loadFromTemplate( document, context, true, &ok );
  if ( !ok )
    return Result::failure( rtMsg( "RtLayoutTemplate", "template %1: QGIS could not read it as a layout template" ).arg( path ) );

  for ( const Item &wanted : items )
  {
    QgsLayoutItem *found = t.mLayout->itemById( wanted.id );
    if ( !found )
    {
      if ( !wanted.required )
        continue;
      return Result::failure( rtMsg( "RtLayoutTemplate", "template %1: no item with the id '%2' (%3); the map needs it. In QGIS's layout "
                                              "designer give that id to such an item (Item Properties › Item ID)" )
                              .arg( path, wanted.id, typeName( wanted.type ) ) );
    }
    if ( !hasType( found, wanted.type ) )
      return Result::failure( rtMsg( "RtLayoutTemplate", "template %1: the item '%2' is %3, not %4" )
                              .arg( path, wanted.id, describe( found ), typeName( wanted.type ) ) );
    t.mTemplateRects.insert( wanted.id, QRectF( found->pos(), found->rect().size() ) );
  }
  return Result::success( std::move( t ) );
}

std::unique_ptr<QgsPrintLayout> RtLayoutTemplate::takeLayout()
{
  return std::move( mLayout );
}

QgsLayoutItem *RtLayoutTemplate::item( const QString &id ) const
{
  return mLayout ? mLayout->itemById( id ) : nullptr;
}

QgsLayoutItemLabel *RtLayoutTemplate::label( const QString &id ) const
{
  return qobject_cast<QgsLayoutItemLabel *>( item( id ) );
}

QgsLayoutItemMap *RtLayoutTemplate::map( const QString &id ) const
{
  return qobject_cast<QgsLayoutItemMap *>( item( id ) );
}

QgsLayoutItemLegend *RtLayoutTemplate::legend( const QString &id ) const
{
  return qobject_cast<QgsLayoutItemLegend *>( item( id ) );
}

QgsLayoutItemScaleBar *RtLayoutTemplate::scaleBar( const QString &id ) const
{
  return qobject_cast<QgsLayoutItemScaleBar *>( item( id ) );
}

QgsLayoutItemPicture *RtLayoutTemplate::picture( const QString &id ) const
{
  return qobject_cast<QgsLayoutItemPicture *>( item( id ) );
}

QgsLayoutItemManualTable *RtLayoutTemplate::table( const QString &id ) const
{
  auto *frame = qobject_cast<QgsLayoutFrame *>( item( id ) );
  return frame ? qobject_cast<QgsLayoutItemManualTable *>( frame->multiFrame() ) : nullptr;
}

QgsLayoutItemLabel *RtLayoutTemplate::setText( const QString &id, const QString &text ) const
{
  QgsLayoutItemLabel *l = label( id );
  if ( l )
    l->setText( text );
  return l;
}

void RtLayoutTemplate::hide( const QString &id ) const
{
  if ( QgsLayoutItem *i = item( id ) )
    i->setVisibility( false );
}

QRectF RtLayoutTemplate::rect( const QString &id ) const
{
  QgsLayoutItem *i = item( id );
  return i ? QRectF( i->pos(), i->rect().size() ) : QRectF();
}

void RtLayoutTemplate::setHeight( const QString &id, double height ) const
{
  if ( QgsLayoutItem *i = item( id ) )
  {
    const QRectF r = rect( id );
    i->attemptSetSceneRect( QRectF( r.x(), r.y(), r.width(), height ) );
  }
}

void RtLayoutTemplate::stack( const QStringList &ids ) const
{
  QString previous;
  for ( const QString &id : ids )
  {
    QgsLayoutItem *i = item( id );
    if ( !i || !i->isVisible() )
      continue;
    if ( !previous.isEmpty() )
    {
      const QRectF above = templateRect( previous );
      const QRectF here = templateRect( id );
      // Below it and overlapping it across in the template: it follows it down (or up).
      if ( !above.isNull() && !here.isNull() && here.top() >= above.bottom() - 0.01
           && here.left() < above.right() && above.left() < here.right() )
      {
        const double top = rect( previous ).bottom() + ( here.top() - above.bottom() );
        const QRectF now = rect( id );
        i->attemptSetSceneRect( QRectF( now.x(), top, now.width(), now.height() ) );
      }
    }
    previous = id;
  }
}

double RtLayoutTemplate::fittedHeight( QgsLayoutItemManualTable *table )
{
  // QgsLayoutTable tells how many rows a frame of a given height shows (a protected
  // member, reached through a derived class as C++ allows): the smallest height that
  // shows every row, header and grid included.
  struct RowsVisible : QgsLayoutTable
  {
    static int of( const QgsLayoutTable *table, QgsRenderContext &context, double height )
    {
      int ( QgsLayoutTable::*rowsVisible )( QgsRenderContext &, double, int, bool, bool ) const = &RowsVisible::rowsVisible;
      return ( table->*rowsVisible )( context, height, 0, true, false );
    }
  };
  QgsRenderContext context = QgsLayoutUtils::createRenderContextForLayout( table->layout(), nullptr );
  const int rows = table->tableContents().count();
  double low = 0, high = 1000;
  for ( int i = 0; i < 30; ++i )
  {
    const double mid = ( low + high ) / 2;
    ( RowsVisible::of( table, context, mid ) >= rows ? high : low ) = mid;
  }
  return high + 0.2;
}
