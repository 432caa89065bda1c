// rtmakepacktemplates: writes the session pack's layout templates (map/templates/pack-*.qpt)
// with the QGIS API, so they are what QGIS's layout designer saves and opens.
//
//   rtmakepacktemplates DIR
//
// Run by hand when the pack's page design changes; the templates are committed and built
// into rtmap (rtmaptemplates.qrc). Offices edit copies of them in the layout designer
// (restrack session-pack --template DIR): the ids are what the code fills.
#include "rtheadlessqgis.h"
#include "rtmapstyle.h"

#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemshape.h>
#include <qgslayoutpagecollection.h>
#include <qgslayouttablecolumn.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsrectangle.h>
#include <qgstextformat.h>

#include <QDir>
#include <cstdio>

namespace
{
  const QColor sInk( 26, 26, 26 );
  const QColor sGrey( 90, 90, 90 );

  QFont font( double points, bool bold = false )
  {
    QFont f( RtMapStyle::fontFamily() );
    f.setPointSizeF( points );
    f.setBold( bold );
    return f;
  }

  std::unique_ptr<QgsPrintLayout> page( QgsProject *project, const QString &name, double width, double height )
  {
    auto layout = std::make_unique<QgsPrintLayout>( project );
    layout->initializeDefaults();
    layout->setName( name );
    layout->pageCollection()->page( 0 )->setPageSize( QgsLayoutSize( width, height, QgsUnitTypes::LayoutMillimeters ) );
    return layout;
  }

  QgsLayoutItemLabel *label( QgsLayout *layout, const QString &id, const QRectF &r, double points, bool bold, Qt::Alignment align,
                             const QString &text, const QColor &color = sInk )
  {
    auto *l = new QgsLayoutItemLabel( layout );
    l->setId( id );
    l->setText( text );
    l->setFont( font( points, bold ) );
    l->setFontColor( color );
    l->setHAlign( static_cast<Qt::AlignmentFlag>( static_cast<int>( align & Qt::AlignHorizontal_Mask ) ) );
    l->setVAlign( Qt::AlignTop );
    l->setMarginX( 0 );
    l->setMarginY( 0 );
    layout->addLayoutItem( l );
    l->attemptSetSceneRect( r );
    return l;
  }

  void furniture( QgsLayout *layout, double width, double height )
  {
    // The running header (the resolution and the session date) and the page number.
    label( layout, QStringLiteral( "header" ), QRectF( 15, 7, width - 30, 5 ), 8, false, Qt::AlignLeft, QStringLiteral( "[header]" ), sGrey );
    label( layout, QStringLiteral( "page" ), QRectF( width - 75, height - 11, 60, 5 ), 8, false, Qt::AlignRight, QStringLiteral( "[page]" ), sGrey );
    auto *rule = new QgsLayoutItemShape( layout );
    rule->setShapeType( QgsLayoutItemShape::Rectangle );
    auto *fill = new QgsSimpleFillSymbolLayer( sGrey, Qt::SolidPattern, sGrey, Qt::NoPen, 0 );
    rule->setSymbol( new QgsFillSymbol( QgsSymbolLayerList() << fill ) );
    layout->addLayoutItem( rule );
    rule->attemptSetSceneRect( QRectF( 15, 12.5, width - 30, 0.3 ) );
  }

  void picture( QgsLayout *layout, const QString &id, const QRectF &r )
  {
    auto *p = new QgsLayoutItemPicture( layout );
    p->setId( id );
    p->setResizeMode( QgsLayoutItemPicture::Zoom );
    p->setPictureAnchor( QgsLayoutItem::UpperLeft );
    layout->addLayoutItem( p );
    p->attemptSetSceneRect( r );
  }

  void map( QgsLayout *layout, const QString &id, const QRectF &r )
  {
    auto *m = new QgsLayoutItemMap( layout );
    m->setId( id );
    m->setFrameEnabled( true );
    m->setFrameStrokeWidth( QgsLayoutMeasurement( 0.3, QgsUnitTypes::LayoutMillimeters ) );
    m->setBackgroundColor( QColor( 214, 234, 248 ) ); // the sea
    layout->addLayoutItem( m );
    m->attemptSetSceneRect( r );
    // An extent of the item's shape (the code sets the real one): a map saved with an empty
    // extent comes back from the template with no height.
    m->setExtent( QgsRectangle( 0, 0, r.width() * 100, r.height() * 100 ) );
  }

  void table( QgsLayout *layout, const QString &id, const QRectF &r, double points )
  {
    auto *t = new QgsLayoutItemManualTable( layout );
    layout->addMultiFrame( t );
    auto *frame = new QgsLayoutFrame( layout, t );
    frame->setId( id );
    frame->attemptSetSceneRect( r );
    t->addFrame( frame );
    t->setResizeMode( QgsLayoutMultiFrame::UseExistingFrames );
    QgsTextFormat content;
    content.setFont( font( points ) );
    content.setSize( points );
    content.setSizeUnit( QgsUnitTypes::RenderPoints );
    content.setColor( sInk );
    QgsTextFormat header = content;
    header.setFont( font( points, true ) );
    t->setContentTextFormat( content );
    t->setHeaderTextFormat( header );
    t->setCellMargin( 0.8 );
    t->setGridStrokeWidth( 0.15 );
    t->setGridColor( QColor( 150, 150, 150 ) );
    t->setWrapBehavior( QgsLayoutTable::WrapText );
    t->setHeaderMode( QgsLayoutTable::AllFrames );
    // Two placeholder columns: the code sets the columns each table needs.
    QgsLayoutTableColumns columns;
    columns << QgsLayoutTableColumn( QStringLiteral( "A" ) ) << QgsLayoutTableColumn( QStringLiteral( "B" ) );
    t->setHeaders( columns );
    t->setTableContents( { { QgsTableCell( QStringLiteral( "…" ) ), QgsTableCell( QStringLiteral( "…" ) ) } } );
    t->setColumnWidths( { r.width() / 2 - 2, r.width() / 2 - 2 } );
    frame->attemptSetSceneRect( r ); // the contents shrank it to their width
  }

  bool save( QgsPrintLayout *layout, const QString &path )
  {
    if ( !layout->saveAsTemplate( path, QgsReadWriteContext() ) )
    {
      std::fprintf( stderr, "rtmakepacktemplates: cannot write %s\n", path.toUtf8().constData() );
      return false;
    }
    std::printf( "wrote %s\n", path.toUtf8().constData() );
    return true;
  }
}

int main( int argc, char *argv[] )
{
  RtHeadlessQgis qgis( argc, argv, QStringLiteral( "rtmakepacktemplates" ) );
  if ( !qgis.ok() || argc != 2 )
  {
    std::fprintf( stderr, "usage: rtmakepacktemplates DIR\n" );
    return 2;
  }
  const QDir dir( QString::fromLocal8Bit( argv[1] ) );
  QgsProject project;
  bool ok = true;

  // Cover, A4 portrait.
  {
    auto l = page( &project, QStringLiteral( "Gói tài liệu kỳ họp: bìa / Session pack: cover" ), 210, 297 );
    label( l.get(), QStringLiteral( "council" ), QRectF( 20, 35, 170, 10 ), 15, true, Qt::AlignHCenter, QStringLiteral( "[council]" ) );
    label( l.get(), QStringLiteral( "session" ), QRectF( 20, 50, 170, 16 ), 12, false, Qt::AlignHCenter, QStringLiteral( "[term and session]" ) );
    label( l.get(), QStringLiteral( "title" ), QRectF( 20, 90, 170, 30 ), 20, true, Qt::AlignHCenter, QStringLiteral( "[title]" ) );
    label( l.get(), QStringLiteral( "date" ), QRectF( 20, 125, 170, 10 ), 13, false, Qt::AlignHCenter, QStringLiteral( "[session date]" ) );
    label( l.get(), QStringLiteral( "resolutions" ), QRectF( 20, 150, 170, 40 ), 11, false, Qt::AlignHCenter, QStringLiteral( "[resolutions covered]" ) );
    label( l.get(), QStringLiteral( "since" ), QRectF( 20, 195, 170, 12 ), 10, false, Qt::AlignHCenter, QStringLiteral( "[since]" ) );
    label( l.get(), QStringLiteral( "rule" ), QRectF( 25, 225, 160, 25 ), 8.5, false, Qt::AlignLeft, QStringLiteral( "[colour rule]" ), sGrey );
    label( l.get(), QStringLiteral( "maker" ), QRectF( 25, 270, 160, 10 ), 8, false, Qt::AlignHCenter, QStringLiteral( "[maker]" ), sGrey );
    furniture( l.get(), 210, 297 );
    ok = save( l.get(), dir.filePath( QStringLiteral( "pack-cover.qpt" ) ) ) && ok;
  }
  // Overview, A3 landscape: the city map and the charts.
  {
    auto l = page( &project, QStringLiteral( "Gói tài liệu kỳ họp: tổng quan / Session pack: overview" ), 420, 297 );
    label( l.get(), QStringLiteral( "heading" ), QRectF( 15, 16, 390, 9 ), 15, true, Qt::AlignLeft, QStringLiteral( "[heading]" ) );
    label( l.get(), QStringLiteral( "note" ), QRectF( 15, 26, 390, 9 ), 9, false, Qt::AlignLeft, QStringLiteral( "[note]" ) );
    map( l.get(), QStringLiteral( "map" ), QRectF( 15, 37, 225, 232 ) );
    picture( l.get(), QStringLiteral( "map key" ), QRectF( 15, 271, 225, 12 ) );
    picture( l.get(), QStringLiteral( "status chart" ), QRectF( 250, 37, 155, 62 ) );
    picture( l.get(), QStringLiteral( "category chart" ), QRectF( 250, 103, 155, 88 ) );
    picture( l.get(), QStringLiteral( "history chart" ), QRectF( 250, 195, 155, 88 ) );
    furniture( l.get(), 420, 297 );
    ok = save( l.get(), dir.filePath( QStringLiteral( "pack-overview.qpt" ) ) ) && ok;
  }
  // A table page, A4 portrait: since the last session, the land cases, the appendix.
  {
    auto l = page( &project, QStringLiteral( "Gói tài liệu kỳ họp: bảng / Session pack: table" ), 210, 297 );
    label( l.get(), QStringLiteral( "heading" ), QRectF( 15, 16, 180, 9 ), 14, true, Qt::AlignLeft, QStringLiteral( "[heading]" ) );
    label( l.get(), QStringLiteral( "note" ), QRectF( 15, 26, 180, 16 ), 8.5, false, Qt::AlignLeft, QStringLiteral( "[note]" ) );
    table( l.get(), QStringLiteral( "table" ), QRectF( 15, 44, 180, 236 ), 7.5 );
    furniture( l.get(), 210, 297 );
    ok = save( l.get(), dir.filePath( QStringLiteral( "pack-table.qpt" ) ) ) && ok;
  }
  // The figures the resolution set, A4 portrait: a chart above the table.
  {
    auto l = page( &project, QStringLiteral( "Gói tài liệu kỳ họp: chỉ tiêu / Session pack: figures" ), 210, 297 );
    label( l.get(), QStringLiteral( "heading" ), QRectF( 15, 16, 180, 9 ), 14, true, Qt::AlignLeft, QStringLiteral( "[heading]" ) );
    label( l.get(), QStringLiteral( "note" ), QRectF( 15, 26, 180, 12 ), 8.5, false, Qt::AlignLeft, QStringLiteral( "[note]" ) );
    picture( l.get(), QStringLiteral( "chart" ), QRectF( 15, 40, 180, 110 ) );
    table( l.get(), QStringLiteral( "table" ), QRectF( 15, 155, 180, 125 ), 7.5 );
    furniture( l.get(), 210, 297 );
    ok = save( l.get(), dir.filePath( QStringLiteral( "pack-figures.qpt" ) ) ) && ok;
  }
  // One atlas page per ward or commune and per planning zone, A3 landscape.
  {
    auto l = page( &project, QStringLiteral( "Gói tài liệu kỳ họp: địa bàn / Session pack: place" ), 420, 297 );
    label( l.get(), QStringLiteral( "heading" ), QRectF( 15, 16, 390, 9 ), 15, true, Qt::AlignLeft, QStringLiteral( "[place]" ) );
    label( l.get(), QStringLiteral( "note" ), QRectF( 15, 26, 390, 9 ), 9, false, Qt::AlignLeft, QStringLiteral( "[counts]" ) );
    map( l.get(), QStringLiteral( "map" ), QRectF( 15, 37, 215, 232 ) );
    picture( l.get(), QStringLiteral( "map key" ), QRectF( 15, 271, 215, 12 ) );
    table( l.get(), QStringLiteral( "table" ), QRectF( 238, 37, 167, 246 ), 7.5 );
    furniture( l.get(), 420, 297 );
    ok = save( l.get(), dir.filePath( QStringLiteral( "pack-place.qpt" ) ) ) && ok;
  }
  return ok ? 0 : 1;
}
