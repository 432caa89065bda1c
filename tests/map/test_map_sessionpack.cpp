// The council session pack (restrack session-pack): its pages read back with pdftotext, the
// changes since the last session made with restrack set-status, the land cases counted from a
// cadastre whose owner-name fields never reach the PDF or the workbook, the pages identical
// between two runs, templates refused by the id of a missing item, the XLSX read by GDAL.
#include "catch_compat.h"
#include "maptestutil.h"
#include "testutil.h"

#include "rtprocessingsessionpack.h"
#include "rtsessionpack.h"

#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_conv.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace
{
  // Distinctive names in the cadastre's owner fields: none may ever be printed.
  const QStringList sOwnerNames { QStringLiteral( "Nguyễn Thị Zyxwavu" ), QStringLiteral( "Trần Văn Qorpheus" ), QStringLiteral( "Lê Hoàng Xylofan" ) };

  QString pdfText( const QString &pdf )
  {
    return RtMapTest::run( QStringLiteral( "pdftotext" ), { pdf, QStringLiteral( "-" ) } ).normalized( QString::NormalizationForm_C );
  }

  QString cli( const QStringList &args, int *rc, QString *errors = nullptr )
  {
    return RtMapTest::run( RtTestPaths::cliExecutable(), args, rc, errors );
  }

  //! A cadastre layer: parcels of two land cases of the register, with owner names in chu_su_dung and ho_ten.
  bool writeCadastre( const QString &path )
  {
    GDALDriverH driver = GDALGetDriverByName( "GPKG" );
    GDALDatasetH ds = GDALCreate( driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr );
    if ( !ds )
      return false;
    OGRLayerH layer = GDALDatasetCreateLayer( ds, "parcels", nullptr, wkbPoint, nullptr );
    for ( const char *name : { "parcel_id", "case_id", "dossier_status", "chu_su_dung", "ho_ten" } )
    {
      OGRFieldDefnH f = OGR_Fld_Create( name, OFTString );
      OGR_L_CreateField( layer, f, TRUE );
      OGR_Fld_Destroy( f );
    }
    struct Row { const char *parcel, *caseId, *status; int owner; };
    const Row rows[] =
    {
      { "06715/12/101", "land-ninh-duong-1022", "da_cap", 0 },
      { "06715/12/102", "land-ninh-duong-1022", "da_cap", 1 },
      { "06715/12/102", "land-ninh-duong-1022", "da_cap", 2 }, // a second dossier on the same parcel
      { "06715/12/103", "land-ninh-duong-1022", "dang_xu_ly", 0 },
      { "06742/09/001", "land-hai-hoa-khu-9", "dang_xu_ly", 1 },
    };
    for ( const Row &r : rows )
    {
      OGRFeatureH f = OGR_F_Create( OGR_L_GetLayerDefn( layer ) );
      OGR_F_SetFieldString( f, 0, r.parcel );
      OGR_F_SetFieldString( f, 1, r.caseId );
      OGR_F_SetFieldString( f, 2, r.status );
      OGR_F_SetFieldString( f, 3, sOwnerNames.at( r.owner ).toUtf8().constData() );
      OGR_F_SetFieldString( f, 4, sOwnerNames.at( ( r.owner + 1 ) % 3 ).toUtf8().constData() );
      OGRGeometryH g = OGR_G_CreateGeometry( wkbPoint );
      OGR_G_SetPoint_2D( g, 0, 107.97, 21.52 );
      OGR_F_SetGeometry( f, g );
      OGR_G_DestroyGeometry( g );
      const bool written = OGR_L_CreateFeature( layer, f ) == OGRERR_NONE;
      OGR_F_Destroy( f );
      if ( !written )
        return false;
    }
    GDALClose( ds );
    return true;
  }

  //! Every sheet of a workbook: name → rows (cells as text), read through GDAL with the first row as headers.
  QMap<QString, QVector<QStringList>> readWorkbook( const QString &path )
  {
    QMap<QString, QVector<QStringList>> sheets;
    // The first row holds the headings (GDAL cannot guess it when every cell is text).
    CPLSetConfigOption( "OGR_XLSX_HEADERS", "FORCE" );
    CPLSetConfigOption( "OGR_XLSX_FIELD_TYPES", "STRING" );
    GDALDatasetH ds = GDALOpenEx( path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr );
    if ( !ds )
      return sheets;
    for ( int i = 0; i < GDALDatasetGetLayerCount( ds ); ++i )
    {
      OGRLayerH layer = GDALDatasetGetLayer( ds, i );
      QVector<QStringList> rows;
      OGR_L_ResetReading( layer );
      while ( OGRFeatureH f = OGR_L_GetNextFeature( layer ) )
      {
        QStringList cells;
        for ( int c = 0; c < OGR_F_GetFieldCount( f ); ++c )
          cells << QString::fromUtf8( OGR_F_GetFieldAsString( f, c ) );
        rows << cells;
        OGR_F_Destroy( f );
      }
      sheets.insert( QString::fromUtf8( OGR_L_GetName( layer ) ), rows );
    }
    GDALClose( ds );
    CPLSetConfigOption( "OGR_XLSX_HEADERS", nullptr ); // read while the sheets were read, not at opening
    CPLSetConfigOption( "OGR_XLSX_FIELD_TYPES", nullptr );
    return sheets;
  }

  //! The pages of \a pdf rendered to PNG (pdftoppm), in page order; what pdftoppm complained of in \a complaints.
  QVector<QByteArray> pagePngs( const QString &pdf, const QString &prefix, QString *complaints = nullptr )
  {
    RtMapTest::run( QStringLiteral( "pdftoppm" ), { QStringLiteral( "-r" ), QStringLiteral( "40" ), QStringLiteral( "-png" ), pdf, prefix }, nullptr, complaints );
    QVector<QByteArray> pages;
    const QFileInfo info( prefix );
    QStringList files = QDir( info.absolutePath() ).entryList( { info.fileName() + QStringLiteral( "-*.png" ) }, QDir::Files, QDir::Name );
    for ( const QString &f : files )
      pages << rtReadAll( QDir( info.absolutePath() ).filePath( f ) );
    return pages;
  }

  //! The wards of 2023 and the zones of the sample layers, by name.
  QStringList placeNames( const char *sql )
  {
    QStringList names;
    GDALDatasetH ds = GDALOpenEx( RtMapTest::layersPath().toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr );
    if ( !ds )
      return names;
    OGRLayerH result = GDALDatasetExecuteSQL( ds, sql, nullptr, nullptr );
    while ( OGRFeatureH f = OGR_L_GetNextFeature( result ) )
    {
      names << QString::fromUtf8( OGR_F_GetFieldAsString( f, 0 ) );
      OGR_F_Destroy( f );
    }
    GDALDatasetReleaseResultSet( ds, result );
    GDALClose( ds );
    return names;
  }
}

TEST_CASE( "session pack lists the changes since the last session, every ward and zone, the figures and land counts without a name", "[pack][cli]" )
{
  RtMapTest::requireLayers();
  // Made once for all the sections (Catch runs the case once per section): one pack, one register.
  struct PackRun
  {
    QTemporaryDir dir;
    QString db, cadastre, pdf, xlsx, text, errors;
    QStringList args;
    int rc = -1;
    bool setUp = false;
  };
  static PackRun made;
  QTemporaryDir &dir = made.dir;
  REQUIRE( dir.isValid() );
  if ( !made.setUp )
  {
    made.setUp = true;
    made.db = dir.filePath( QStringLiteral( "register.gpkg" ) );
    made.cadastre = dir.filePath( QStringLiteral( "cadastre.gpkg" ) );
    REQUIRE( RtMapTest::buildRegister( made.db ) );
    REQUIRE( writeCadastre( made.cadastre ) );
    // One change before the last session (not listed), two after it (listed).
    int rc = -1;
    QString errors;
    cli( { QStringLiteral( "set-status" ), QStringLiteral( "--db" ), made.db, QStringLiteral( "CM-TDC-500" ), QStringLiteral( "in_progress" ), QStringLiteral( "--by" ),
           QStringLiteral( "Phòng Tài nguyên" ), QStringLiteral( "--date" ), QStringLiteral( "2024-03-01" ), QStringLiteral( "--evidence" ), QStringLiteral( "Báo cáo 11/BC-TNMT" ) }, &rc, &errors );
    INFO( errors.toStdString() );
    REQUIRE( rc == 0 );
    cli( { QStringLiteral( "set-status" ), QStringLiteral( "--db" ), made.db, QStringLiteral( "CM-LAND-NINHDUONG-1022" ), QStringLiteral( "done" ), QStringLiteral( "--by" ),
           QStringLiteral( "Văn phòng Đăng ký đất đai" ), QStringLiteral( "--date" ), QStringLiteral( "2025-03-15" ), QStringLiteral( "--evidence" ), QStringLiteral( "QĐ 4567/QĐ-UBND" ) }, &rc, &errors );
    REQUIRE( rc == 0 );
    cli( { QStringLiteral( "set-status" ), QStringLiteral( "--db" ), made.db, QStringLiteral( "CM-TDC-500" ), QStringLiteral( "blocked" ), QStringLiteral( "--by" ),
           QStringLiteral( "Ban Quản lý dự án" ), QStringLiteral( "--date" ), QStringLiteral( "2025-05-20" ), QStringLiteral( "--evidence" ), QStringLiteral( "Công văn 890/BQLDA" ) }, &rc, &errors );
    REQUIRE( rc == 0 );
    // Measured values of the resettlement plots: one before the last session (not listed), one after it.
    cli( { QStringLiteral( "set-value" ), QStringLiteral( "--db" ), made.db, QStringLiteral( "CM-TDC-500" ), QStringLiteral( "120" ), QStringLiteral( "--by" ),
           QStringLiteral( "Ban Quản lý dự án" ), QStringLiteral( "--date" ), QStringLiteral( "2024-03-01" ) }, &rc, &errors );
    REQUIRE( rc == 0 );
    cli( { QStringLiteral( "set-value" ), QStringLiteral( "--db" ), made.db, QStringLiteral( "CM-TDC-500" ), QStringLiteral( "312" ), QStringLiteral( "--by" ),
           QStringLiteral( "Ban Quản lý dự án" ), QStringLiteral( "--date" ), QStringLiteral( "2025-06-10" ), QStringLiteral( "--evidence" ), QStringLiteral( "Báo cáo 77/BC-BQLDA" ) }, &rc, &errors );
    REQUIRE( rc == 0 );
    made.pdf = dir.filePath( QStringLiteral( "pack.pdf" ) );
    made.xlsx = dir.filePath( QStringLiteral( "pack.xlsx" ) );
    made.args = QStringList { QStringLiteral( "session-pack" ), QStringLiteral( "--db" ), made.db, QStringLiteral( "--layers" ), RtMapTest::layersPath(),
                              QStringLiteral( "--session-date" ), QStringLiteral( "2025-06-30" ), QStringLiteral( "--since" ), QStringLiteral( "2024-06-30" ),
                              QStringLiteral( "--cadastre" ), made.cadastre + QStringLiteral( "|layername=parcels" ) };
    const QString out = cli( made.args + QStringList { QStringLiteral( "--out" ), made.pdf, QStringLiteral( "--tables" ), made.xlsx }, &made.rc, &made.errors );
    CHECK( out.contains( QStringLiteral( "22 places" ) ) );
    made.text = pdfText( made.pdf );
  }
  INFO( made.errors.toStdString() );
  REQUIRE( made.rc == 0 );
  const QString &pdf = made.pdf;
  const QString &xlsx = made.xlsx;
  const QStringList &args = made.args;
  const QString &text = made.text;
  const QString flat = text.simplified();
  REQUIRE( !text.isEmpty() );
  int rc = -1;
  QString errors;

  SECTION( "every ward of 2023 and every zone has its page" )
  {
    const QStringList wards = placeNames( "SELECT name FROM wards_2023" );
    const QStringList zones = placeNames( "SELECT code FROM zones" );
    REQUIRE( wards.size() == 17 );
    REQUIRE( zones.size() == 5 );
    for ( const QString &w : wards )
    {
      INFO( w.toStdString() );
      CHECK( text.contains( QRegularExpression( QStringLiteral( "(Phường|Xã), xã: %1 \\(\\d{5}\\)|Phường, xã: %1 \\(" ).arg( QRegularExpression::escape( w ) ) ) ) );
    }
    for ( const QString &z : zones )
    {
      INFO( z.toStdString() );
      CHECK( flat.contains( QStringLiteral( "Phân khu quy hoạch: Quy hoạch phân khu %1 (%1)" ).arg( z ) ) );
    }
  }
  SECTION( "the changes between the two sessions are listed with date, who and evidence, the earlier one not" )
  {
    CHECK( flat.contains( QStringLiteral( "15/03/2025" ) ) );
    CHECK( flat.contains( QStringLiteral( "Văn phòng Đăng ký đất đai" ) ) );
    CHECK( flat.contains( QStringLiteral( "QĐ 4567/QĐ-UBND" ) ) );
    CHECK( flat.contains( QStringLiteral( "Đang thực hiện → Vướng mắc" ) ) );
    CHECK( flat.contains( QStringLiteral( "Công văn 890/BQLDA" ) ) );
    CHECK( !flat.contains( QStringLiteral( "Báo cáo 11/BC-TNMT" ) ) );
    CHECK( flat.contains( QStringLiteral( "2 thay đổi trạng thái, 1 số liệu báo cáo" ) ) );
    // The cell wraps, and pdftotext interleaves its lines with the next column's: the two lines.
    CHECK( flat.contains( QStringLiteral( "số liệu: 312 ô đất tái định" ) ) );
    CHECK( flat.contains( QStringLiteral( "cư = 62 % chỉ tiêu" ) ) );
    CHECK( flat.contains( QStringLiteral( "Báo cáo 77/BC-BQLDA" ) ) );
    CHECK( !flat.contains( QStringLiteral( "số liệu: 120" ) ) );
    CHECK( flat.contains( QStringLiteral( "mới hoàn thành: CM-LAND-NINHDUONG-1022" ) ) );
  }
  SECTION( "the figures show the target as written, the latest value and its share, or that no value was reported" )
  {
    CHECK( flat.contains( QStringLiteral( "khoảng 500 ô đất tái định cư" ) ) );
    CHECK( flat.contains( QStringLiteral( "312 ô đất tái định cư = 62 % chỉ tiêu (10/06/2025)" ) ) );
    CHECK( flat.contains( QStringLiteral( "16/16 chỉ tiêu" ) ) );
    CHECK( flat.contains( QStringLiteral( "chưa có số liệu báo cáo" ) ) );
  }
  SECTION( "the charts' words are text in the PDF (searchable, not glyph outlines)" )
  {
    for ( const char *title : { "Nhiệm vụ theo trạng thái", "Nhiệm vụ theo lĩnh vực", "Trạng thái toàn bộ nhiệm vụ theo tháng" } )
    {
      INFO( title );
      CHECK( flat.contains( QString::fromUtf8( title ) ) );
    }
    // The figures chart: the value against the target as written.
    CHECK( flat.contains( QStringLiteral( "chưa có số liệu báo cáo / 100%" ) ) );
  }
  SECTION( "land cases are counted from the cadastre and no owner name is printed or written" )
  {
    // Ninh Dương: 3 dossiers on 2 parcels granted, 1 on 1 parcel in progress.
    CHECK( flat.contains( QStringLiteral( "da_cap: 3 (2)" ) ) );
    CHECK( flat.contains( QStringLiteral( "dang_xu_ly: 1 (1)" ) ) );
    const QMap<QString, QVector<QStringList>> sheets = readWorkbook( xlsx );
    REQUIRE( !sheets.isEmpty() );
    QString workbook;
    for ( const QVector<QStringList> &rows : sheets )
      for ( const QStringList &row : rows )
        workbook += row.join( QLatin1Char( '\t' ) ) + QLatin1Char( '\n' );
    CHECK( workbook.contains( QStringLiteral( "da_cap: 3 (2)" ) ) );
    for ( const QString &name : sOwnerNames )
    {
      INFO( name.toStdString() );
      CHECK( !text.contains( name ) );
      CHECK( !workbook.contains( name ) );
      CHECK( !text.contains( name.section( QLatin1Char( ' ' ), -1 ) ) );
      CHECK( !workbook.contains( name.section( QLatin1Char( ' ' ), -1 ) ) );
    }
  }
  SECTION( "the workbook has the pack's tables with the same rows" )
  {
    const QMap<QString, QVector<QStringList>> sheets = readWorkbook( xlsx );
    REQUIRE( sheets.contains( QStringLiteral( "appendix" ) ) );
    const QVector<QStringList> &appendix = sheets.value( QStringLiteral( "appendix" ) );
    CHECK( appendix.size() == 89 );
    for ( const QStringList &row : appendix )
    {
      INFO( row.value( 0 ).toStdString() );
      CHECK( flat.contains( row.value( 0 ) ) ); // every task id of the sheet is in the PDF's appendix
    }
    const QVector<QStringList> &since = sheets.value( QStringLiteral( "since" ) );
    REQUIRE( since.size() >= 2 );
    CHECK( since.at( 0 ).value( 1 ).contains( QStringLiteral( "CM-LAND-NINHDUONG-1022" ) ) );
    CHECK( since.at( 1 ).value( 3 ) == QStringLiteral( "Ban Quản lý dự án" ) );
    REQUIRE( since.size() >= 3 );
    CHECK( since.at( 2 ).value( 2 ).startsWith( QStringLiteral( "số liệu: 312" ) ) );
    CHECK( sheets.size() == 4 + 22 );
  }
  SECTION( "the same inputs give the same pages" )
  {
    const QString again = dir.filePath( QStringLiteral( "again.pdf" ) );
    cli( args + QStringList { QStringLiteral( "--out" ), again }, &rc, &errors );
    REQUIRE( rc == 0 );
    QString complaints;
    const QVector<QByteArray> first = pagePngs( pdf, dir.filePath( QStringLiteral( "first" ) ), &complaints );
    const QVector<QByteArray> second = pagePngs( again, dir.filePath( QStringLiteral( "second" ) ) );
    REQUIRE( first.size() >= 29 );
    // A well-formed PDF: the border clipped to nothing on an atlas page once wrote a bare
    // closepath ("Syntax Error: No current point in closepath" on 8 pages).
    CHECK( complaints.trimmed().toStdString() == "" );
    REQUIRE( first.size() == second.size() );
    QStringList differing;
    for ( int i = 0; i < first.size(); ++i )
      if ( first.at( i ) != second.at( i ) )
        differing << QString::number( i + 1 );
    INFO( "pages that differ: " << differing.join( QStringLiteral( ", " ) ).toStdString() );
    CHECK( differing.isEmpty() );
  }
  SECTION( "Vietnamese text in a font with every glyph, and page numbers" )
  {
    const QString fonts = RtMapTest::run( QStringLiteral( "pdffonts" ), { pdf } );
    CHECK( fonts.contains( QStringLiteral( "DejaVuSans" ) ) );
    CHECK( flat.contains( QStringLiteral( "Nghị quyết số 172/NQ-HĐND ngày 13/10/2023 — Tài liệu kỳ họp ngày 30/06/2025" ) ) );
    const QString pages = RtMapTest::run( QStringLiteral( "pdfinfo" ), { pdf } );
    const QRegularExpressionMatch m = QRegularExpression( QStringLiteral( "Pages:\\s+(\\d+)" ) ).match( pages );
    REQUIRE( m.hasMatch() );
    CHECK( flat.contains( QStringLiteral( "Trang %1/%1" ).arg( m.captured( 1 ) ) ) );
  }
}

TEST_CASE( "session pack without --since says it has no earlier session, in English too", "[pack][cli]" )
{
  RtMapTest::requireLayers();
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( RtMapTest::buildRegister( db ) );
  const QString pdf = dir.filePath( QStringLiteral( "pack.pdf" ) );
  int rc = -1;
  QString errors;
  cli( { QStringLiteral( "session-pack" ), QStringLiteral( "--db" ), db, QStringLiteral( "--layers" ), RtMapTest::layersPath(), QStringLiteral( "--session-date" ),
         QStringLiteral( "2024-12-20" ), QStringLiteral( "--lang" ), QStringLiteral( "en" ), QStringLiteral( "--out" ), pdf }, &rc, &errors );
  INFO( errors.toStdString() );
  REQUIRE( rc == 0 );
  const QString flat = pdfText( pdf ).simplified();
  CHECK( flat.contains( QStringLiteral( "No earlier session to compare with" ) ) );
  CHECK( flat.contains( QStringLiteral( "No cadastre layer (--cadastre)" ) ) );
  CHECK( flat.contains( QStringLiteral( "Planning zone: Quy hoạch phân khu A4.1 (A4.1)" ) ) );
  CHECK( flat.contains( QStringLiteral( "Page 1 of" ) ) );

  // A second run onto the same file is refused without --overwrite, the first pack untouched.
  const QByteArray before = rtReadAll( pdf );
  cli( { QStringLiteral( "session-pack" ), QStringLiteral( "--db" ), db, QStringLiteral( "--session-date" ), QStringLiteral( "2024-12-20" ), QStringLiteral( "--out" ), pdf }, &rc, &errors );
  CHECK( rc == 1 );
  CHECK( errors.contains( QStringLiteral( "--overwrite" ) ) );
  CHECK( rtReadAll( pdf ) == before );
}

TEST_CASE( "session pack templates: an edited cover is used, a copy missing an item is refused with its id", "[pack][template]" )
{
  RtMapTest::requireLayers();
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( RtMapTest::buildRegister( db ) );
  RtSessionPackOptions options;
  options.registerPath = db;
  options.layersPath = RtMapTest::layersPath();
  options.sessionDate = QDate( 2025, 6, 30 );
  options.outputPath = dir.filePath( QStringLiteral( "pack.pdf" ) );

  // The committed templates are the built-in ones, and each holds the items the pack fills.
  for ( const QString &name : RtSessionPack::templateNames() )
  {
    INFO( name.toStdString() );
    CHECK( rtReadAll( RtTestPaths::sourceDir() + QStringLiteral( "/map/templates/" ) + name ) == rtReadAll( RtLayoutTemplate::builtIn( QFileInfo( name ).completeBaseName() ) ) );
  }

  SECTION( "a folder whose place page lacks the table is refused naming 'table'" )
  {
    const QString folder = dir.filePath( QStringLiteral( "office" ) );
    REQUIRE( QDir().mkpath( folder ) );
    QByteArray qpt = rtReadAll( RtTestPaths::sourceDir() + QStringLiteral( "/map/templates/pack-place.qpt" ) );
    REQUIRE( qpt.contains( "id=\"table\"" ) );
    qpt.replace( "id=\"table\"", "id=\"bang cua phong\"" );
    REQUIRE( rtWriteAll( QDir( folder ).filePath( QStringLiteral( "pack-place.qpt" ) ), qpt ) );
    options.templatePath = folder;
    const RtResult<RtSessionPackReport> report = RtSessionPack::make( options );
    REQUIRE( !report.ok() );
    CHECK( report.error().contains( QStringLiteral( "'table'" ) ) );
    CHECK( report.error().contains( QStringLiteral( "pack-place.qpt" ) ) );
    CHECK( !QFileInfo::exists( options.outputPath ) );
  }
  SECTION( "one .qpt is the cover: its own heading is printed" )
  {
    QByteArray qpt = rtReadAll( RtTestPaths::sourceDir() + QStringLiteral( "/map/templates/pack-cover.qpt" ) );
    // The office adds a label of its own (kept as it is) by renaming the maker's id: the maker is optional.
    REQUIRE( qpt.contains( "id=\"maker\"" ) );
    qpt.replace( "id=\"maker\"", "id=\"office heading\"" );
    qpt.replace( "[maker]", "ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM" );
    const QString cover = dir.filePath( QStringLiteral( "cover.qpt" ) );
    REQUIRE( rtWriteAll( cover, qpt ) );
    options.templatePath = cover;
    const RtResult<RtSessionPackReport> report = RtSessionPack::make( options );
    INFO( report.error().toStdString() );
    REQUIRE( report.ok() );
    const QString flat = pdfText( options.outputPath ).simplified();
    CHECK( flat.contains( QStringLiteral( "ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM" ) ) );
    CHECK( !flat.contains( QStringLiteral( "Lập bằng Resolution Tracker" ) ) );
  }
}

TEST_CASE( "the Make the session pack algorithm writes the pack and the tables, and a cancelled run leaves no file", "[pack][processing]" )
{
  RtMapTest::requireLayers();
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString db = dir.filePath( QStringLiteral( "register.gpkg" ) );
  REQUIRE( RtMapTest::buildRegister( db ) );
  RtSessionPackAlgorithm algorithm;
  algorithm.initAlgorithm();
  CHECK( ( algorithm.flags() & QgsProcessingAlgorithm::FlagNoThreading ) );
  CHECK( algorithm.name() == QStringLiteral( "sessionpack" ) );
  const QString pdf = dir.filePath( QStringLiteral( "pack.pdf" ) );
  const QString xlsx = dir.filePath( QStringLiteral( "pack.xlsx" ) );
  const QVariantMap parameters { { QStringLiteral( "REGISTER" ), db }, { QStringLiteral( "LAYERS" ), RtMapTest::layersPath() },
    { QStringLiteral( "AS_OF" ), QDate( 2025, 6, 30 ) }, { QStringLiteral( "SINCE" ), QDate( 2024, 12, 31 ) },
    { QStringLiteral( "OUTPUT" ), pdf }, { QStringLiteral( "TABLES" ), xlsx } };

  SECTION( "a run writes both files and counts the pages" )
  {
    QgsProcessingContext context;
    QgsProcessingFeedback feedback;
    bool ok = false;
    const QVariantMap results = algorithm.run( parameters, context, &feedback, &ok );
    REQUIRE( ok );
    CHECK( results.value( QStringLiteral( "OUTPUT" ) ).toString() == pdf );
    CHECK( results.value( QStringLiteral( "TABLES" ) ).toString() == xlsx );
    CHECK( results.value( QStringLiteral( "PAGES" ) ).toInt() >= 29 );
    const QString flat = pdfText( pdf ).simplified();
    CHECK( flat.contains( QStringLiteral( "So sánh với kỳ họp trước ngày 31/12/2024" ) ) );
    CHECK( readWorkbook( xlsx ).value( QStringLiteral( "appendix" ) ).size() == 89 );
  }
  SECTION( "a cancelled run writes nothing, not even a temporary file" )
  {
    QgsProcessingContext context;
    QgsProcessingFeedback feedback;
    feedback.cancel();
    bool ok = true;
    algorithm.run( parameters, context, &feedback, &ok );
    CHECK_FALSE( QFileInfo::exists( pdf ) );
    CHECK_FALSE( QFileInfo::exists( xlsx ) );
    CHECK( QDir( dir.path() ).entryList( { QStringLiteral( "*.tmp.*" ) }, QDir::Files | QDir::Hidden ).isEmpty() );
  }
}
