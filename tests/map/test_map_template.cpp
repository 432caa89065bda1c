// The council map's layout is a QGIS layout template (map/templates/council-map.qpt): stock
// QGIS opens it, the export fills its items by id, a user's edited copy keeps what the user
// added, and a copy without an item the map needs is refused naming the item's id.
#include "catch_compat.h"
#include "maptestutil.h"

#include "rtmapexport.h"

#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutframe.h>
#include <qgslayoutexporter.h>
#include <qgslayoutpagecollection.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>

#include <QDomDocument>
#include <QImage>
#include <QRegularExpression>

namespace
{
  QString committedTemplate() { return RtTestPaths::sourceDir() + QStringLiteral( "/map/templates/council-map.qpt" ); }

  //! The template read by QGIS's own loader (what Layout › Add Items from Template does).
  std::unique_ptr<QgsPrintLayout> loadInQgis( QgsProject &project, const QString &path )
  {
    QDomDocument document;
    REQUIRE( document.setContent( rtReadAll( path ) ) );
    auto layout = std::make_unique<QgsPrintLayout>( &project );
    layout->initializeDefaults();
    bool ok = false;
    layout->loadFromTemplate( document, QgsReadWriteContext(), true, &ok );
    REQUIRE( ok );
    return layout;
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
        return qobject_cast<QgsLayoutFrame *>( item ) && qobject_cast<QgsLayoutItemManualTable *>( qobject_cast<QgsLayoutFrame *>( item )->multiFrame() );
    }
    return false;
  }

  //! A register of 172/NQ-HĐND in a temporary folder, built once.
  struct Register
  {
    QTemporaryDir dir;
    QString path;
    bool ok = false;
    Register()
    {
      path = dir.filePath( QStringLiteral( "mongcai-172.gpkg" ) );
      ok = RtMapTest::buildRegister( path );
    }
  };

  Register &reg()
  {
    static Register r;
    return r;
  }

  QString pdfText( const QString &pdf )
  {
    return RtMapTest::run( QStringLiteral( "pdftotext" ), { QStringLiteral( "-layout" ), pdf, QStringLiteral( "-" ) } ).normalized( QString::NormalizationForm_C );
  }

  //! restrack export of the sample as of 26/11/2026 with \a templatePath; its exit code and stderr.
  int exportWith( const QString &templatePath, const QString &out, QString *errors )
  {
    int rc = -1;
    RtMapTest::run( RtTestPaths::cliExecutable(),
                    { QStringLiteral( "export" ), QStringLiteral( "--db" ), reg().path, QStringLiteral( "--layers" ), RtMapTest::layersPath(),
                      QStringLiteral( "--as-of" ), QStringLiteral( "2026-11-26" ), QStringLiteral( "--out" ), out, QStringLiteral( "--template" ), templatePath },
                    &rc, errors );
    return rc;
  }
}

TEST_CASE( "the committed council-map template opens in stock QGIS with every item the map fills", "[template]" )
{
  QgsProject project;
  std::unique_ptr<QgsPrintLayout> layout = loadInQgis( project, committedTemplate() );
  // One A3 landscape page.
  REQUIRE( layout->pageCollection()->pageCount() == 1 );
  const QgsLayoutSize size = layout->pageCollection()->page( 0 )->pageSize();
  CHECK( size.units() == QgsUnitTypes::LayoutMillimeters );
  CHECK( std::abs( size.width() - 420 ) < 0.01 );
  CHECK( std::abs( size.height() - 297 ) < 0.01 );
  // Every item the export fills is there, of its type: the designer shows what will be filled.
  const QVector<RtLayoutTemplate::Item> items = RtMapExport::templateItems();
  CHECK( items.size() >= 8 );
  for ( const RtLayoutTemplate::Item &item : items )
  {
    INFO( "item " << item.id.toStdString() );
    QgsLayoutItem *found = layout->itemById( item.id );
    REQUIRE( found );
    CHECK( hasType( found, item.type ) );
  }
  // QGIS prints it as it stands (placeholders, an empty map): a valid layout, not only valid XML.
  QTemporaryDir dir;
  const QString png = dir.filePath( QStringLiteral( "template.png" ) );
  QgsLayoutExporter::ImageExportSettings settings;
  settings.dpi = 30;
  REQUIRE( QgsLayoutExporter( layout.get() ).exportToImage( png, settings ) == QgsLayoutExporter::Success );
  const QImage image( png );
  CHECK( image.width() > image.height() );
  // The library ships the committed file itself.
  QFile builtIn( RtMapExport::defaultTemplate() );
  REQUIRE( builtIn.open( QIODevice::ReadOnly ) );
  CHECK( builtIn.readAll() == rtReadAll( committedTemplate() ) );
}

TEST_CASE( "an edited copy of the template keeps the office's own heading in the exported PDF", "[template][cli]" )
{
  RtMapTest::requireLayers();
  REQUIRE( reg().ok );
  QTemporaryDir dir;
  // The office's copy, edited as QGIS's designer edits it: a heading of their own, with one of
  // the export's variables, and the title moved down a little.
  const QString edited = dir.filePath( QStringLiteral( "phong-qldt.qpt" ) );
  {
    QgsProject project;
    std::unique_ptr<QgsPrintLayout> layout = loadInQgis( project, committedTemplate() );
    auto *heading = new QgsLayoutItemLabel( layout.get() );
    heading->setId( QStringLiteral( "office heading" ) );
    heading->setText( QStringLiteral( "UBND THÀNH PHỐ MÓNG CÁI — PHÒNG QUẢN LÝ ĐÔ THỊ — số liệu đến [% @rt_as_of %]" ) );
    layout->addLayoutItem( heading );
    heading->attemptSetSceneRect( QRectF( 230, 2, 180, 6 ) );
    QgsLayoutItem *title = layout->itemById( QStringLiteral( "title" ) );
    REQUIRE( title );
    title->attemptMove( QgsLayoutPoint( 10, 10 ) );
    REQUIRE( layout->saveAsTemplate( edited, QgsReadWriteContext() ) );
  }
  const QString pdf = dir.filePath( QStringLiteral( "council.pdf" ) );
  QString errors;
  const int rc = exportWith( edited, pdf, &errors );
  INFO( errors.toStdString() );
  REQUIRE( rc == 0 );
  const QString text = pdfText( pdf );
  INFO( text.toStdString() );
  CHECK( text.contains( QStringLiteral( "UBND THÀNH PHỐ MÓNG CÁI — PHÒNG QUẢN LÝ ĐÔ THỊ — số liệu đến 26/11/2026" ) ) );
  // And the map reads as the built-in template's does.
  CHECK( text.contains( QStringLiteral( "Nghị quyết số 172/NQ-HĐND ngày 13/10/2023 — Tình hình thực hiện đến ngày 26/11/2026" ) ) );
  CHECK( text.contains( QStringLiteral( "Tổng số nhiệm vụ" ) ) );
  CHECK( text.contains( RtMapExport::schematicNotice() ) );
  CHECK( text.contains( QStringLiteral( "Trà Cổ" ) ) );
  const QString info = RtMapTest::run( QStringLiteral( "pdfinfo" ), { pdf } );
  CHECK( info.contains( QRegularExpression( QStringLiteral( "Pages:\\s+1\\n" ) ) ) );
}

TEST_CASE( "a template without an item the map needs is refused naming the item's id", "[template][cli]" )
{
  RtMapTest::requireLayers();
  REQUIRE( reg().ok );
  QTemporaryDir dir;
  const QString out = dir.filePath( QStringLiteral( "council.pdf" ) );

  SECTION( "the map item removed" )
  {
    const QString broken = dir.filePath( QStringLiteral( "no-map.qpt" ) );
    {
      QgsProject project;
      std::unique_ptr<QgsPrintLayout> layout = loadInQgis( project, committedTemplate() );
      QgsLayoutItem *map = layout->itemById( QStringLiteral( "map" ) );
      REQUIRE( map );
      layout->removeLayoutItem( map );
      REQUIRE( layout->saveAsTemplate( broken, QgsReadWriteContext() ) );
    }
    QString errors;
    CHECK( exportWith( broken, out, &errors ) == 1 );
    CHECK( errors.contains( QStringLiteral( "template %1: no item with the id 'map' (a map)" ).arg( broken ) ) );
    CHECK( !QFileInfo::exists( out ) );
  }
  SECTION( "another kind of item under the map's id" )
  {
    const QString broken = dir.filePath( QStringLiteral( "label-as-map.qpt" ) );
    {
      QgsProject project;
      std::unique_ptr<QgsPrintLayout> layout = loadInQgis( project, committedTemplate() );
      layout->itemById( QStringLiteral( "map" ) )->setId( QStringLiteral( "old map" ) );
      layout->itemById( QStringLiteral( "subtitle" ) )->setId( QStringLiteral( "map" ) );
      REQUIRE( layout->saveAsTemplate( broken, QgsReadWriteContext() ) );
    }
    RtMapExportOptions o;
    o.registerPath = reg().path;
    o.layersPath = RtMapTest::layersPath();
    o.asOf = QDate( 2026, 11, 26 );
    o.outputPath = out;
    o.templatePath = broken;
    const RtResult<RtMapExportReport> r = RtMapExport::exportMap( o );
    REQUIRE_FALSE( r.ok() );
    CHECK( r.error().contains( QStringLiteral( "the item 'map' is a label, not a map" ) ) );
    CHECK( !QFileInfo::exists( out ) );
  }
  SECTION( "a file that is not a layout template" )
  {
    QString errors;
    CHECK( exportWith( RtTestPaths::sourceDir() + QStringLiteral( "/styles/wards.qml" ), out, &errors ) == 1 );
    CHECK( errors.contains( QStringLiteral( "not a QGIS layout template" ) ) );
    CHECK( exportWith( dir.filePath( QStringLiteral( "missing.qpt" ) ), out, &errors ) == 1 );
    CHECK( errors.contains( QStringLiteral( "missing.qpt: no such file" ) ) );
    CHECK( !QFileInfo::exists( out ) );
  }
}
