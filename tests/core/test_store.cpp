// RtStore on real GeoPackage files: round trip, atomic creation, status changes with
// their history, refused edits, append-only history and unreadable files.
#include "catch_compat.h"
#include "testutil.h"
#include "backendtestutil.h"

#include "rtstore.h"
#include "rtstatus.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <functional>

namespace
{
  const QDate RESOLUTION_DATE( 2023, 10, 13 );

  RtCouncilTerm sampleTerm()
  {
    RtCouncilTerm term;
    term.startYear = 2021;
    term.endYear = 2026;
    return term;
  }

  RtDeadline deadline( const QString &phrase )
  {
    const RtResult<RtDeadline> d = RtDeadline::parse( phrase, sampleTerm() );
    REQUIRE( d.ok() );
    return d.value();
  }

  RtClause clause( const QString &label, const QString &text, int line, const QVector<RtClause> &children = {} )
  {
    RtClause c;
    c.label = label;
    c.text = text;
    c.line = line;
    c.children = children;
    return c;
  }

  RtResolution sampleResolution()
  {
    RtResolution r;
    r.number = QStringLiteral( "172/NQ-HĐND" );
    r.place = QStringLiteral( "Móng Cái" );
    r.date = RESOLUTION_DATE;
    r.documentType = QStringLiteral( "NGHỊ QUYẾT" );
    r.title = QStringLiteral( "Về kết quả giám sát việc thực hiện các nghị quyết của HĐND thành phố" );
    r.body = QStringLiteral( "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI" );
    r.session = QStringLiteral( "KHÓA XIX - KỲ HỌP THỨ 13" );
    r.clauses << clause( QStringLiteral( "Điều 1" ), QStringLiteral( "Tán thành báo cáo kết quả giám sát của Thường trực HĐND thành phố." ), 20,
    {
      clause( QStringLiteral( "1." ), QStringLiteral( "Đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm¹." ), 22,
      {
        clause( QStringLiteral( "(1)" ), QStringLiteral( "Hoàn thành bồi thường, hỗ trợ tái định cư Khu công nghiệp Hải Yên đến hết năm 2024." ), 23 ),
      } ),
      clause( QStringLiteral( "2." ), QStringLiteral( "Rà soát, loại bỏ các chỉ tiêu không còn phù hợp; báo cáo kết quả hàng năm." ), 25 ),
    } );
    r.clauses << clause( QStringLiteral( "Điều 2" ), QStringLiteral( "Giao Ủy ban nhân dân thành phố tổ chức thực hiện; đạt 14/16 chỉ tiêu, Dịch vụ: 58%." ), 30 );

    RtFootnote fn;
    fn.number = 1;
    fn.text = QStringLiteral( "Gồm 12 dự án tại phường Hải Yên, Ninh Dương và xã Hải Xuân; phấn đấu hoàn thành hàng năm." );
    fn.clausePath = QStringList{ QStringLiteral( "Điều 1" ), QStringLiteral( "1." ) };
    fn.line = 61;
    r.footnotes << fn;

    RtFigure ratio;
    ratio.kind = RtFigure::Kind::Ratio;
    ratio.value = 14;
    ratio.total = 16;
    ratio.comparator = QStringLiteral( "=" );
    ratio.subject = QStringLiteral( "chỉ tiêu đạt và vượt kế hoạch đề ra" );
    ratio.items = QStringList{ QStringLiteral( "Dịch vụ" ), QStringLiteral( "Nông nghiệp, lâm nghiệp" ) };
    ratio.deadline = QStringLiteral( "đến hết năm 2024" );
    ratio.quote = QStringLiteral( "đạt 14/16 chỉ tiêu" );
    ratio.clausePath = QStringList{ QStringLiteral( "Điều 2" ) };
    RtFigure percent;
    percent.kind = RtFigure::Kind::Percent;
    percent.value = 58.5;
    percent.comparator = QStringLiteral( ">=" );
    percent.label = QStringLiteral( "Dịch vụ" );
    percent.quote = QStringLiteral( "Dịch vụ: 58%" );
    percent.clausePath = QStringList{ QStringLiteral( "Điều 2" ) };
    r.figures << ratio << percent;
    return r;
  }

  QVector<RtTask> sampleTasks()
  {
    RtTask a;
    a.id = QStringLiteral( "DT-01-1" );
    a.kind = QStringLiteral( "directive" );
    a.clausePath = QStringList{ QStringLiteral( "Điều 1" ), QStringLiteral( "1." ), QStringLiteral( "(1)" ) };
    a.quote = QStringLiteral( "Hoàn thành bồi thường, hỗ trợ tái định cư Khu công nghiệp Hải Yên đến hết năm 2024." );
    a.titleVi = QStringLiteral( "Hoàn thành bồi thường KCN Hải Yên" );
    a.titleEn = QStringLiteral( "Finish compensation for Hai Yen industrial park" );
    a.category = QStringLiteral( "land" );
    a.responsible = QStringLiteral( "UBND thành phố" );
    a.deadline = deadline( QStringLiteral( "đến hết năm 2024" ) );
    a.target = QStringLiteral( "100% hộ dân" );
    a.places = QStringList{ QStringLiteral( "ward:06715" ), QStringLiteral( "site:hai-yen-ip" ) };
    a.status = RtStatus::InProgress;
    a.statusQuote = QStringLiteral( "đang triển khai bồi thường" );
    a.statusClausePath = QStringList{ QStringLiteral( "Điều 1" ), QStringLiteral( "1." ) };
    a.statusFootnote = 1;
    a.noteVi = QStringLiteral( "Theo báo cáo giám sát" );
    a.noteEn = QStringLiteral( "Per the oversight report" );

    RtTask b;
    b.id = QStringLiteral( "DT-01-fn1" );
    b.kind = QStringLiteral( "directive" );
    b.clausePath = QStringList{ QStringLiteral( "Điều 1" ), QStringLiteral( "1." ) };
    b.footnote = 1;
    b.quote = QStringLiteral( "phấn đấu hoàn thành hàng năm" );
    b.titleVi = QStringLiteral( "Giải phóng mặt bằng 12 dự án" );
    b.titleEn = QStringLiteral( "Clear land for 12 projects" );
    b.category = QStringLiteral( "land" );
    b.deadline = deadline( QStringLiteral( "hàng năm" ) );
    b.places = QStringList{ QStringLiteral( "ward:06724" ) };
    b.status = RtStatus::NotStarted;

    RtTask c;
    c.id = QStringLiteral( "CM-02" );
    c.kind = QStringLiteral( "commitment" );
    c.clausePath = QStringList{ QStringLiteral( "Điều 2" ) };
    c.quote = QStringLiteral( "Giao Ủy ban nhân dân thành phố tổ chức thực hiện" );
    c.titleVi = QStringLiteral( "Tổ chức thực hiện Nghị quyết" );
    c.titleEn = QStringLiteral( "Implement the resolution" );
    c.category = QStringLiteral( "governance" );
    c.status = RtStatus::NoReport;
    return { a, b, c };
  }

  RtDocumentInfo sampleInfo()
  {
    RtDocumentInfo info;
    info.number = QStringLiteral( "172/NQ-HĐND" );
    info.date = RESOLUTION_DATE;
    info.title = QStringLiteral( "Về kết quả giám sát việc thực hiện các nghị quyết của HĐND thành phố" );
    info.body = QStringLiteral( "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI" );
    info.session = QStringLiteral( "KHÓA XIX - KỲ HỌP THỨ 13" );
    info.sourceName = QStringLiteral( "NQ-172-HDND-2023-MongCai.txt" );
    info.sourceSha256 = QStringLiteral( "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" );
    info.term = sampleTerm();
    return info;
  }

  QString createSample( const QTemporaryDir &dir, const QString &name = QStringLiteral( "register.gpkg" ) )
  {
    const QString path = dir.filePath( name );
    const RtStatusResult created = RtStore::create( path, sampleResolution(), sampleTasks(), sampleInfo() );
    INFO( created.error().toStdString() );
    REQUIRE( created.ok() );
    return path;
  }

  QString createSample( const RtTestRegisterLocation &where )
  {
    const QString location = where.location();
    const RtStatusResult created = RtStore::create( location, sampleResolution(), sampleTasks(), sampleInfo() );
    INFO( created.error().toStdString() );
    REQUIRE( created.ok() );
    return location;
  }

  std::unique_ptr<RtStore> openStore( const QString &path, bool writable = true )
  {
    RtResult<std::unique_ptr<RtStore>> opened = RtStore::open( path, writable );
    INFO( opened.error().toStdString() );
    REQUIRE( opened.ok() );
    return opened.takeValue();
  }

  RtStatusChange change( const QString &taskId, RtStatus status, const QDate &date, const QString &by = QStringLiteral( "Phòng Tài nguyên và Môi trường" ) )
  {
    RtStatusChange c;
    c.taskId = taskId;
    c.newStatus = status;
    c.date = date;
    c.by = by;
    return c;
  }

  //! What a refused or failed change must leave untouched.
  struct Snapshot
  {
    QStringList tasks;   // id, status, status date, revision
    int historyRows = 0;
    QByteArray bytes;
  };

  Snapshot snapshot( const RtStore &store )
  {
    Snapshot s;
    const RtResult<QVector<RtTask>> tasks = store.tasks();
    REQUIRE( tasks.ok() );
    for ( const RtTask &t : tasks.value() )
    {
      s.tasks << QStringLiteral( "%1 %2 %3 %4" ).arg( t.id, RtStatuses::code( t.status ), t.statusDate.toString( Qt::ISODate ) ).arg( t.revision );
      const RtResult<QVector<RtHistoryEntry>> h = store.history( t.id );
      REQUIRE( h.ok() );
      s.historyRows += h.value().size();
    }
    s.bytes = rtRegisterState( store.path() );
    return s;
  }

  void requireUnchanged( const Snapshot &before, const RtStore &store )
  {
    const Snapshot after = snapshot( store );
    CHECK( after.tasks == before.tasks );
    CHECK( after.historyRows == before.historyRows );
    CHECK( after.bytes == before.bytes );
  }

  QStringList temporaryLeftovers( const QString &folder )
  {
    return QDir( folder ).entryList( QStringList{ QStringLiteral( "*.tmp-*" ) }, QDir::Files | QDir::Hidden );
  }

  //! An interpreter that has GDAL's Python bindings, or empty.
  QString pythonWithGdal()
  {
    for ( const QString &candidate : { QStringLiteral( "/usr/bin/python3" ), QStringLiteral( "python3" ) } )
    {
      QProcess p;
      p.start( candidate, QStringList{ QStringLiteral( "-c" ), QStringLiteral( "import osgeo.ogr" ) } );
      if ( p.waitForFinished( 60000 ) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 )
        return candidate;
    }
    return QString();
  }

  //! Runs a statement through a raw GDAL handle; returns GDAL's error message (empty: it succeeded).
  QString rawExecute( const QString &path, const QString &sql )
  {
    if ( path.startsWith( QLatin1String( "postgresql://" ) ) )
      return rtPgRawExecute( path, sql );
    CPLPushErrorHandler( CPLQuietErrorHandler );
    CPLErrorReset();
    QString message = QStringLiteral( "cannot open" );
    GDALDataset *ds = GDALDataset::FromHandle( GDALOpenEx( path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr ) );
    if ( ds )
    {
      CPLErrorReset();
      OGRLayer *rs = ds->ExecuteSQL( sql.toUtf8().constData(), nullptr, nullptr );
      if ( rs )
        ds->ReleaseResultSet( rs );
      message = CPLGetLastErrorType() == CE_Failure ? QString::fromUtf8( CPLGetLastErrorMsg() ) : QString();
      GDALClose( ds );
    }
    CPLPopErrorHandler();
    return message;
  }
}

TEST_CASE( "create then open round-trips the whole register", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = createSample( where );
  CHECK( temporaryLeftovers( where.folder() ).isEmpty() );

  const std::unique_ptr<RtStore> store = openStore( path, false );
  CHECK( store->path() == path );

  const RtDocumentInfo doc = store->document();
  const RtDocumentInfo info = sampleInfo();
  CHECK( doc.number == info.number );
  CHECK( doc.date == info.date );
  CHECK( doc.title == info.title );
  CHECK( doc.body == info.body );
  CHECK( doc.session == info.session );
  CHECK( doc.sourceName == info.sourceName );
  CHECK( doc.sourceSha256 == info.sourceSha256 );
  CHECK( doc.term.startYear == 2021 );
  CHECK( doc.term.endYear == 2026 );

  const RtResult<RtResolution> read = store->resolution();
  INFO( read.error().toStdString() );
  REQUIRE( read.ok() );
  const RtResolution &res = read.value();
  const RtResolution expected = sampleResolution();
  CHECK( res.number == expected.number );
  CHECK( res.date == expected.date );
  CHECK( res.title == expected.title );
  CHECK( res.body == expected.body );
  CHECK( res.session == expected.session );

  // Tree shape and exact Vietnamese text.
  REQUIRE( res.clauses.size() == 2 );
  const RtClause &d1 = res.clauses[0];
  CHECK( d1.label == QStringLiteral( "Điều 1" ) );
  CHECK( d1.text == expected.clauses[0].text );
  CHECK( d1.line == 20 );
  REQUIRE( d1.children.size() == 2 );
  CHECK( d1.children[0].label == QStringLiteral( "1." ) );
  CHECK( d1.children[0].text == QStringLiteral( "Đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm¹." ) );
  REQUIRE( d1.children[0].children.size() == 1 );
  CHECK( d1.children[0].children[0].label == QStringLiteral( "(1)" ) );
  CHECK( d1.children[0].children[0].text == expected.clauses[0].children[0].children[0].text );
  CHECK( d1.children[0].children[0].line == 23 );
  CHECK( d1.children[0].children[0].children.isEmpty() );
  CHECK( d1.children[1].label == QStringLiteral( "2." ) );
  CHECK( d1.children[1].children.isEmpty() );
  CHECK( res.clauses[1].label == QStringLiteral( "Điều 2" ) );
  CHECK( res.clauses[1].text == expected.clauses[1].text );
  CHECK( res.clauses[1].children.isEmpty() );

  REQUIRE( res.footnotes.size() == 1 );
  CHECK( res.footnotes[0].number == 1 );
  CHECK( res.footnotes[0].text == expected.footnotes[0].text );
  CHECK( res.footnotes[0].clausePath == expected.footnotes[0].clausePath );
  CHECK( res.footnotes[0].line == 61 );

  REQUIRE( res.figures.size() == 2 );
  for ( int i = 0; i < 2; ++i )
  {
    const RtFigure &got = res.figures[i];
    const RtFigure &want = expected.figures[i];
    CHECK( got.kind == want.kind );
    CHECK( got.value == want.value );
    CHECK( got.total == want.total );
    CHECK( got.comparator == want.comparator );
    CHECK( got.subject == want.subject );
    CHECK( got.label == want.label );
    CHECK( got.items == want.items );
    CHECK( got.deadline == want.deadline );
    CHECK( got.quote == want.quote );
    CHECK( got.clausePath == want.clausePath );
  }

  const RtResult<QVector<RtTask>> tasks = store->tasks();
  INFO( tasks.error().toStdString() );
  REQUIRE( tasks.ok() );
  const QVector<RtTask> want = sampleTasks();
  REQUIRE( tasks.value().size() == want.size() );
  for ( int i = 0; i < want.size(); ++i )
  {
    const RtTask &got = tasks.value()[i];
    const RtTask &w = want[i];
    INFO( w.id.toStdString() );
    CHECK( got.id == w.id );
    CHECK( got.kind == w.kind );
    CHECK( got.clausePath == w.clausePath );
    CHECK( got.footnote == w.footnote );
    CHECK( got.quote == w.quote );
    CHECK( got.titleVi == w.titleVi );
    CHECK( got.titleEn == w.titleEn );
    CHECK( got.category == w.category );
    CHECK( got.responsible == w.responsible );
    CHECK( got.deadline.kind() == w.deadline.kind() );
    CHECK( got.deadline.phrase() == w.deadline.phrase() );
    CHECK( got.deadline.date() == w.deadline.date() );
    CHECK( got.target == w.target );
    CHECK( got.places == w.places );
    CHECK( got.status == w.status );
    CHECK( got.statusDate == RESOLUTION_DATE ); // none given: the resolution's date
    CHECK( got.statusQuote == w.statusQuote );
    CHECK( got.statusClausePath == w.statusClausePath );
    CHECK( got.statusFootnote == w.statusFootnote );
    CHECK( got.noteVi == w.noteVi );
    CHECK( got.noteEn == w.noteEn );
    CHECK( got.revision == 0 );
  }
  CHECK( tasks.value()[0].deadline.date() == QDate( 2024, 12, 31 ) );
  CHECK( tasks.value()[1].deadline.kind() == RtDeadline::Kind::Recurring );
  CHECK( tasks.value()[2].deadline.kind() == RtDeadline::Kind::None );

  const RtResult<RtTask> one = store->task( QStringLiteral( "DT-01-fn1" ) );
  REQUIRE( one.ok() );
  CHECK( one.value().footnote == 1 );
  CHECK( one.value().places == QStringList{ QStringLiteral( "ward:06724" ) } );

  // One initial history row per task, by the resolution, with its status quote as evidence.
  const RtResult<QVector<RtHistoryEntry>> history = store->history( QStringLiteral( "DT-01-1" ) );
  REQUIRE( history.ok() );
  REQUIRE( history.value().size() == 1 );
  const RtHistoryEntry &initial = history.value()[0];
  CHECK( !initial.oldStatus.has_value() );
  CHECK( initial.newStatus == RtStatus::InProgress );
  CHECK( initial.date == RESOLUTION_DATE );
  CHECK( initial.by == QStringLiteral( "172/NQ-HĐND" ) );
  CHECK( initial.evidence == QStringLiteral( "đang triển khai bồi thường" ) );
  CHECK( initial.recordedAt.isValid() );
  CHECK( initial.recordedAt.timeSpec() == Qt::UTC );
  CHECK( qAbs( initial.recordedAt.secsTo( QDateTime::currentDateTimeUtc() ) ) < 600 );
  const RtResult<QVector<RtHistoryEntry>> other = store->history( QStringLiteral( "CM-02" ) );
  REQUIRE( other.ok() );
  REQUIRE( other.value().size() == 1 );
  CHECK( other.value()[0].evidence.isEmpty() );
  CHECK( other.value()[0].sequence > initial.sequence );
}

TEST_CASE( "a new register passes GDAL's GeoPackage validator, triggers included", "[store]" )
{
  const QString script = QStringLiteral( "/usr/share/doc/python3-gdal/examples/validate_gpkg.py" );
  // python3-gdal is installed by scripts/install-deps.sh: a missing validator is a failure, not a skip.
  REQUIRE( QFileInfo::exists( script ) );
  const QString python = pythonWithGdal();
  REQUIRE( !python.isEmpty() );
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = createSample( dir );
  {
    // A status change must keep the file valid too.
    const std::unique_ptr<RtStore> store = openStore( path );
    REQUIRE( store->setStatus( change( QStringLiteral( "DT-01-1" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) ).ok() );
  }
  QProcess p;
  p.setProcessChannelMode( QProcess::MergedChannels );
  p.start( python, QStringList{ script, QStringLiteral( "-k" ), QStringLiteral( "--warning-as-error" ), path } );
  REQUIRE( p.waitForFinished( 120000 ) );
  const QString output = QString::fromUtf8( p.readAll() );
  INFO( output.toStdString() );
  CHECK( p.exitStatus() == QProcess::NormalExit );
  CHECK( p.exitCode() == 0 );
  CHECK( output.trimmed().isEmpty() );
}

TEST_CASE( "create never leaves a half-written or replaced file behind", "[store]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );

  SECTION( "an existing file is refused without overwrite and left byte-identical" )
  {
    const QString path = createSample( dir );
    const QByteArray before = rtReadAll( path );
    REQUIRE( !before.isEmpty() );
    RtResolution other = sampleResolution();
    other.title = QStringLiteral( "Một nghị quyết khác" );
    const RtStatusResult again = RtStore::create( path, other, {}, sampleInfo() );
    REQUIRE( !again.ok() );
    CHECK( again.error().contains( path ) );
    CHECK( again.error().contains( QStringLiteral( "already exists" ) ) );
    CHECK( rtReadAll( path ) == before );
    CHECK( temporaryLeftovers( dir.path() ).isEmpty() );

    // A plain file too.
    const QString text = dir.filePath( QStringLiteral( "notes.gpkg" ) );
    REQUIRE( rtWriteAll( text, QByteArrayLiteral( "ghi chú" ) ) );
    CHECK( !RtStore::create( text, sampleResolution(), sampleTasks(), sampleInfo() ).ok() );
    CHECK( rtReadAll( text ) == QByteArrayLiteral( "ghi chú" ) );
  }

  SECTION( "overwrite replaces an existing register" )
  {
    const QString path = createSample( dir );
    RtDocumentInfo info = sampleInfo();
    info.title = QStringLiteral( "Tiêu đề mới" );
    const RtStatusResult replaced = RtStore::create( path, sampleResolution(), sampleTasks().mid( 0, 1 ), info, true );
    INFO( replaced.error().toStdString() );
    REQUIRE( replaced.ok() );
    const std::unique_ptr<RtStore> store = openStore( path, false );
    CHECK( store->document().title == QStringLiteral( "Tiêu đề mới" ) );
    REQUIRE( store->tasks().ok() );
    CHECK( store->tasks().value().size() == 1 );
    CHECK( temporaryLeftovers( dir.path() ).isEmpty() );
  }

  SECTION( "a target in a missing folder fails, naming the file and the cause" )
  {
    const QString path = dir.filePath( QStringLiteral( "không-có/register.gpkg" ) );
    const RtStatusResult created = RtStore::create( path, sampleResolution(), sampleTasks(), sampleInfo() );
    REQUIRE( !created.ok() );
    CHECK( created.error().contains( path ) );
    CHECK( created.error().size() > path.size() + 20 );
    CHECK( !QFileInfo::exists( path ) );
    CHECK( temporaryLeftovers( dir.path() ).isEmpty() );
  }

  SECTION( "a folder in the way is refused before anything is written" )
  {
    // Only a register is ever replaced (issue 9, defect 6): a folder is refused up front.
    const QString path = dir.filePath( QStringLiteral( "register.gpkg" ) );
    REQUIRE( QDir( dir.path() ).mkpath( QStringLiteral( "register.gpkg/inside" ) ) );
    const RtStatusResult created = RtStore::create( path, sampleResolution(), sampleTasks(), sampleInfo(), true );
    REQUIRE( !created.ok() );
    CHECK( created.error().contains( path ) );
    CHECK( QFileInfo( path ).isDir() );
    CHECK( temporaryLeftovers( dir.path() ).isEmpty() );
  }

  SECTION( "duplicate task ids are refused before anything is written" )
  {
    const QString path = dir.filePath( QStringLiteral( "register.gpkg" ) );
    QVector<RtTask> tasks = sampleTasks();
    tasks << tasks[0];
    const RtStatusResult created = RtStore::create( path, sampleResolution(), tasks, sampleInfo() );
    REQUIRE( !created.ok() );
    CHECK( created.error().contains( QStringLiteral( "DT-01-1" ) ) );
    CHECK( !QFileInfo::exists( path ) );
    CHECK( temporaryLeftovers( dir.path() ).isEmpty() );
  }
}

TEST_CASE( "setStatus writes history and status: the history reconstructs past statuses", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = createSample( where );
  const std::unique_ptr<RtStore> store = openStore( path );

  RtStatusChange first = change( QStringLiteral( "DT-01-1" ), RtStatus::Blocked, QDate( 2024, 1, 15 ), QStringLiteral( "Nguyễn Thị Hà" ) );
  first.note = QStringLiteral( "Vướng mắc giải phóng mặt bằng" );
  first.evidence = QStringLiteral( "QĐ 1234/QĐ-UBND" );
  first.expected = RtStatus::InProgress;
  {
    const RtStatusResult r = store->setStatus( first );
    INFO( r.error().toStdString() );
    REQUIRE( r.ok() );
  }
  REQUIRE( store->setStatus( change( QStringLiteral( "DT-01-1" ), RtStatus::Done, QDate( 2024, 3, 1 ) ) ).ok() );
  // Two changes on the same day: the later recorded one wins.
  REQUIRE( store->setStatus( change( QStringLiteral( "DT-01-fn1" ), RtStatus::InProgress, QDate( 2024, 3, 1 ) ) ).ok() );
  REQUIRE( store->setStatus( change( QStringLiteral( "DT-01-fn1" ), RtStatus::Dropped, QDate( 2024, 3, 1 ) ) ).ok() );

  const RtResult<RtTask> t = store->task( QStringLiteral( "DT-01-1" ) );
  REQUIRE( t.ok() );
  CHECK( t.value().status == RtStatus::Done );
  CHECK( t.value().statusDate == QDate( 2024, 3, 1 ) );
  CHECK( t.value().revision == 2 );
  CHECK( t.value().statusQuote == QStringLiteral( "đang triển khai bồi thường" ) ); // the initial evidence stays

  const RtResult<QVector<RtHistoryEntry>> history = store->history( QStringLiteral( "DT-01-1" ) );
  REQUIRE( history.ok() );
  REQUIRE( history.value().size() == 3 );
  const RtHistoryEntry &h1 = history.value()[1];
  CHECK( h1.taskId == QStringLiteral( "DT-01-1" ) );
  REQUIRE( h1.oldStatus.has_value() );
  CHECK( *h1.oldStatus == RtStatus::InProgress );
  CHECK( h1.newStatus == RtStatus::Blocked );
  CHECK( h1.date == QDate( 2024, 1, 15 ) );
  CHECK( h1.by == QStringLiteral( "Nguyễn Thị Hà" ) );
  CHECK( h1.note == QStringLiteral( "Vướng mắc giải phóng mặt bằng" ) );
  CHECK( h1.evidence == QStringLiteral( "QĐ 1234/QĐ-UBND" ) );
  CHECK( h1.recordedAt.timeSpec() == Qt::UTC );
  CHECK( qAbs( h1.recordedAt.secsTo( QDateTime::currentDateTimeUtc() ) ) < 600 );
  CHECK( *history.value()[2].oldStatus == RtStatus::Blocked );
  CHECK( history.value()[2].newStatus == RtStatus::Done );
  CHECK( history.value()[0].sequence < h1.sequence );
  CHECK( h1.sequence < history.value()[2].sequence );

  auto asOf = [&]( const QDate & date )
  {
    const RtResult<QHash<QString, RtStatus>> s = store->statusesAsOf( date );
    INFO( s.error().toStdString() );
    REQUIRE( s.ok() );
    REQUIRE( s.value().size() == 3 );
    return s.value();
  };
  QHash<QString, RtStatus> s = asOf( RESOLUTION_DATE );
  CHECK( s.value( QStringLiteral( "DT-01-1" ) ) == RtStatus::InProgress );
  CHECK( s.value( QStringLiteral( "DT-01-fn1" ) ) == RtStatus::NotStarted );
  CHECK( s.value( QStringLiteral( "CM-02" ) ) == RtStatus::NoReport );
  s = asOf( QDate( 2024, 1, 14 ) );
  CHECK( s.value( QStringLiteral( "DT-01-1" ) ) == RtStatus::InProgress );
  s = asOf( QDate( 2024, 1, 15 ) );
  CHECK( s.value( QStringLiteral( "DT-01-1" ) ) == RtStatus::Blocked );
  s = asOf( QDate( 2024, 2, 29 ) );
  CHECK( s.value( QStringLiteral( "DT-01-1" ) ) == RtStatus::Blocked );
  CHECK( s.value( QStringLiteral( "DT-01-fn1" ) ) == RtStatus::NotStarted );
  s = asOf( QDate( 2024, 3, 1 ) );
  CHECK( s.value( QStringLiteral( "DT-01-1" ) ) == RtStatus::Done );
  CHECK( s.value( QStringLiteral( "DT-01-fn1" ) ) == RtStatus::Dropped );
  s = asOf( QDate::currentDate() );
  CHECK( s.value( QStringLiteral( "DT-01-1" ) ) == RtStatus::Done );
  CHECK( s.value( QStringLiteral( "CM-02" ) ) == RtStatus::NoReport );

  const RtResult<QHash<QString, RtStatus>> early = store->statusesAsOf( RESOLUTION_DATE.addDays( -1 ) );
  REQUIRE( !early.ok() );
  CHECK( early.error().contains( QStringLiteral( "2023-10-12" ) ) );
  CHECK( early.error().contains( QStringLiteral( "before the resolution" ) ) );

  // A fresh open sees the same.
  const std::unique_ptr<RtStore> again = openStore( path, false );
  REQUIRE( again->history( QStringLiteral( "DT-01-1" ) ).ok() );
  CHECK( again->history( QStringLiteral( "DT-01-1" ) ).value().size() == 3 );
  CHECK( again->task( QStringLiteral( "DT-01-fn1" ) ).value().status == RtStatus::Dropped );

  // The default date is today.
  REQUIRE( store->setStatus( change( QStringLiteral( "CM-02" ), RtStatus::InProgress, QDate() ) ).ok() );
  CHECK( store->task( QStringLiteral( "CM-02" ) ).value().statusDate == QDate::currentDate() );
}

TEST_CASE( "a failed write leaves the file as it was", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = createSample( where );
  Snapshot before;
  {
    std::unique_ptr<RtStore> store = openStore( path );
    before = snapshot( *store );
    bool called = false;
    store->setFailpointForTests( [&]
    {
      called = true;
      return false;
    } );
    const RtStatusResult r = store->setStatus( change( QStringLiteral( "DT-01-1" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) );
    CHECK( called );
    REQUIRE( !r.ok() );
    CHECK( r.error().startsWith( QStringLiteral( "write failed:" ) ) );
    CHECK( r.error().contains( QStringLiteral( "DT-01-1" ) ) );
    CHECK( r.errorKind() == RtErrorKind::Unavailable );
    requireUnchanged( before, *store );

    // The store is still usable afterwards.
    store->setFailpointForTests( {} );
    REQUIRE( store->setStatus( change( QStringLiteral( "DT-01-fn1" ), RtStatus::InProgress, QDate( 2024, 5, 1 ) ) ).ok() );
    const RtResult<RtTask> untouched = store->task( QStringLiteral( "DT-01-1" ) );
    REQUIRE( untouched.ok() );
    CHECK( untouched.value().revision == 0 );
  }
  // Closed, a fresh store sees exactly the one successful change.
  const std::unique_ptr<RtStore> fresh = openStore( path, false );
  CHECK( fresh->task( QStringLiteral( "DT-01-1" ) ).value().status == RtStatus::InProgress );
  CHECK( fresh->history( QStringLiteral( "DT-01-1" ) ).value().size() == 1 );
  CHECK( fresh->task( QStringLiteral( "DT-01-fn1" ) ).value().status == RtStatus::InProgress );
  CHECK( fresh->history( QStringLiteral( "DT-01-fn1" ) ).value().size() == 2 );
}

TEST_CASE( "a failed write leaves the file byte-identical after closing", "[store]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = createSample( dir );
  const QByteArray before = rtReadAll( path );
  {
    std::unique_ptr<RtStore> store = openStore( path );
    store->setFailpointForTests( [] { return false; } );
    REQUIRE( !store->setStatus( change( QStringLiteral( "CM-02" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) ).ok() );
  }
  CHECK( rtReadAll( path ) == before );
  CHECK( !QFileInfo::exists( path + QStringLiteral( "-journal" ) ) );
}

TEST_CASE( "stale edits are refused, also from a second store on the same file", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = createSample( where );
  const std::unique_ptr<RtStore> first = openStore( path );
  const std::unique_ptr<RtStore> second = openStore( path );

  // Both load the task while it is in progress.
  REQUIRE( second->task( QStringLiteral( "DT-01-1" ) ).value().status == RtStatus::InProgress );

  RtStatusChange done = change( QStringLiteral( "DT-01-1" ), RtStatus::Done, QDate( 2024, 5, 1 ), QStringLiteral( "Trần Văn Bình" ) );
  done.expected = RtStatus::InProgress;
  REQUIRE( first->setStatus( done ).ok() );

  // The second store reads the file, not a cache.
  const RtResult<RtTask> seen = second->task( QStringLiteral( "DT-01-1" ) );
  REQUIRE( seen.ok() );
  CHECK( seen.value().status == RtStatus::Done );
  CHECK( seen.value().revision == 1 );

  const Snapshot before = snapshot( *second );
  RtStatusChange blocked = change( QStringLiteral( "DT-01-1" ), RtStatus::Blocked, QDate( 2024, 5, 2 ) );
  blocked.expected = RtStatus::InProgress; // what the second user last saw
  const RtStatusResult stale = second->setStatus( blocked );
  REQUIRE( !stale.ok() );
  INFO( stale.error().toStdString() );
  CHECK( stale.errorKind() == RtErrorKind::Stale ); // callers reload on the kind, never by reading the store again
  CHECK( stale.error() == QStringLiteral( "task DT-01-1 changed meanwhile: its status is now 'done' (changed by Trần Văn Bình on 2024-05-01), "
                                          "not 'in_progress' as your edit assumed; reload and try again" ) );
  requireUnchanged( before, *second );
  requireUnchanged( before, *first );

  // Based on the current status, the same edit goes through.
  blocked.expected = RtStatus::Done;
  REQUIRE( second->setStatus( blocked ).ok() );
  CHECK( first->task( QStringLiteral( "DT-01-1" ) ).value().status == RtStatus::Blocked );
}

TEST_CASE( "invalid status changes are refused with nothing written", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = createSample( where );
  const std::unique_ptr<RtStore> store = openStore( path );
  REQUIRE( store->setStatus( change( QStringLiteral( "DT-01-1" ), RtStatus::Blocked, QDate( 2024, 5, 1 ) ) ).ok() );
  const Snapshot before = snapshot( *store );

  RtStatusChange c = change( QStringLiteral( "DT-01-1" ), RtStatus::Done, QDate( 2024, 6, 1 ) );
  // Each section asserts in itself (a section whose checks came after it asserted nothing).
  const auto requireRefused = [&]( const RtStatusChange &refused, const QString &expectedMessage, RtErrorKind kind = RtErrorKind::Invalid ) {
    const RtStatusResult r = store->setStatus( refused );
    REQUIRE( !r.ok() );
    CHECK( r.error() == expectedMessage );
    CHECK( r.errorKind() == kind );
    requireUnchanged( before, *store );
  };
  SECTION( "unknown task id" )
  {
    c.taskId = QStringLiteral( "DT-99" );
    requireRefused( c, QStringLiteral( "unknown task id 'DT-99'; run `restrack summary` to list task ids" ), RtErrorKind::NotFound );
  }
  SECTION( "a task id with a quote does not break the SQL" )
  {
    c.taskId = QStringLiteral( "DT'01" );
    requireRefused( c, QStringLiteral( "unknown task id 'DT'01'; run `restrack summary` to list task ids" ), RtErrorKind::NotFound );
  }
  SECTION( "empty by" )
  {
    c.by = QStringLiteral( "  " );
    requireRefused( c, QStringLiteral( "task DT-01-1: --by is required: say who makes the change" ) );
  }
  SECTION( "date before the resolution" )
  {
    c.date = QDate( 2023, 1, 1 );
    requireRefused( c, QStringLiteral( "task DT-01-1: date 2023-01-01 is before the resolution (2023-10-13)" ) );
  }
  SECTION( "date in the future" )
  {
    c.date = QDate::currentDate().addDays( 1 );
    requireRefused( c, QStringLiteral( "task DT-01-1: date %1 is in the future" ).arg( c.date.toString( Qt::ISODate ) ) );
  }
  SECTION( "date before the latest status date" )
  {
    c.date = QDate( 2024, 4, 30 );
    requireRefused( c, QStringLiteral( "task DT-01-1: date 2024-04-30 must not be before the task's latest status date 2024-05-01" ) );
  }
  SECTION( "same status" )
  {
    c.newStatus = RtStatus::Blocked;
    // Nothing new: no note, evidence or value to record (a report that brings one is recorded).
    requireRefused( c, QStringLiteral( "task DT-01-1: status is already 'blocked'; a report that keeps it is recorded when it brings a note, evidence or a value" ) );
  }
  SECTION( "read-only store" )
  {
    const std::unique_ptr<RtStore> readOnly = openStore( path, false );
    const RtStatusResult r = readOnly->setStatus( c );
    REQUIRE( !r.ok() );
    CHECK( r.error().contains( QStringLiteral( "read-only" ) ) );
    CHECK( r.errorKind() == RtErrorKind::ReadOnly );
    requireUnchanged( before, *store );
  }
}

TEST_CASE( "history rows cannot be updated or deleted", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = createSample( where );
  {
    const std::unique_ptr<RtStore> store = openStore( path );
    REQUIRE( store->setStatus( change( QStringLiteral( "DT-01-1" ), RtStatus::Done, QDate( 2024, 5, 1 ) ) ).ok() );
  }
  auto rows = [&]
  {
    const std::unique_ptr<RtStore> store = openStore( path, false );
    const RtResult<QVector<RtHistoryEntry>> h = store->history( QStringLiteral( "DT-01-1" ) );
    REQUIRE( h.ok() );
    QStringList out;
    for ( const RtHistoryEntry &e : h.value() )
      out << QStringLiteral( "%1|%2|%3|%4|%5" ).arg( e.sequence ).arg( RtStatuses::code( e.newStatus ), e.by, e.note, e.date.toString( Qt::ISODate ) );
    return out;
  };
  const QStringList before = rows();
  REQUIRE( before.size() == 2 );

  QString error = rawExecute( path, QStringLiteral( "UPDATE rt_status_history SET new_status = 'dropped', changed_by = 'x' WHERE task_id = 'DT-01-1'" ) );
  CHECK( error.contains( QStringLiteral( "append-only" ) ) );
  CHECK( rows() == before );

  error = rawExecute( path, QStringLiteral( "DELETE FROM rt_status_history WHERE task_id = 'DT-01-1'" ) );
  CHECK( error.contains( QStringLiteral( "append-only" ) ) );
  CHECK( rows() == before );

  // Appending stays possible: that is how the store records changes.
  {
    const std::unique_ptr<RtStore> store = openStore( path );
    REQUIRE( store->setStatus( change( QStringLiteral( "DT-01-1" ), RtStatus::Blocked, QDate( 2024, 5, 2 ) ) ).ok() );
  }
  CHECK( rows().size() == 3 );
}

TEST_CASE( "open names the file and what is wrong with it", "[store]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );

  SECTION( "missing file" )
  {
    const QString path = dir.filePath( QStringLiteral( "không-có.gpkg" ) );
    const RtResult<std::unique_ptr<RtStore>> r = RtStore::open( path, false );
    REQUIRE( !r.ok() );
    CHECK( r.error() == QStringLiteral( "%1 does not exist" ).arg( path ) );
    CHECK( r.errorKind() == RtErrorKind::NotFound );
    CHECK( !QFileInfo::exists( path ) );
  }

  SECTION( "a text file renamed .gpkg" )
  {
    const QString path = dir.filePath( QStringLiteral( "notes.gpkg" ) );
    REQUIRE( rtWriteAll( path, QByteArrayLiteral( "NGHỊ QUYẾT\nVề kết quả giám sát\n" ) ) );
    for ( bool writable : { false, true } )
    {
      const RtResult<std::unique_ptr<RtStore>> r = RtStore::open( path, writable );
      REQUIRE( !r.ok() );
      CHECK( r.error().startsWith( QStringLiteral( "%1 is not a readable GeoPackage (" ).arg( path ) ) );
      CHECK( r.errorKind() == RtErrorKind::Invalid ); // not a register at all
    }
  }

  SECTION( "a truncated copy of a real register" )
  {
    const QString original = createSample( dir );
    const QByteArray bytes = rtReadAll( original );
    REQUIRE( bytes.size() > 4096 );
    const QString path = dir.filePath( QStringLiteral( "truncated.gpkg" ) );
    REQUIRE( rtWriteAll( path, bytes.left( 4096 ) ) );
    for ( bool writable : { false, true } )
    {
      const RtResult<std::unique_ptr<RtStore>> r = RtStore::open( path, writable );
      REQUIRE( !r.ok() );
      INFO( r.error().toStdString() );
      CHECK( r.error().startsWith( QStringLiteral( "%1 is not a readable GeoPackage (" ).arg( path ) ) );
      CHECK( r.error().endsWith( QStringLiteral( ")" ) ) );
      CHECK( r.errorKind() == RtErrorKind::Corrupt ); // a damaged register
    }
  }

  SECTION( "an empty file" )
  {
    const QString path = dir.filePath( QStringLiteral( "empty.gpkg" ) );
    REQUIRE( rtWriteAll( path, QByteArray() ) );
    const RtResult<std::unique_ptr<RtStore>> r = RtStore::open( path, false );
    REQUIRE( !r.ok() );
    CHECK( r.error().startsWith( QStringLiteral( "%1 is not a readable GeoPackage (" ).arg( path ) ) );
  }

  SECTION( "a GeoPackage without the rt_ tables" )
  {
    const QString path = dir.filePath( QStringLiteral( "other.gpkg" ) );
    {
      CPLPushErrorHandler( CPLQuietErrorHandler );
      GDALDriver *driver = GetGDALDriverManager()->GetDriverByName( "GPKG" );
      REQUIRE( driver );
      GDALDataset *ds = driver->Create( path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr );
      REQUIRE( ds );
      OGRLayer *layer = ds->CreateLayer( "wards", nullptr, wkbNone, nullptr );
      REQUIRE( layer );
      OGRFieldDefn name( "name", OFTString );
      REQUIRE( layer->CreateField( &name ) == OGRERR_NONE );
      OGRFeatureUniquePtr f( OGRFeature::CreateFeature( layer->GetLayerDefn() ) );
      f->SetField( "name", "Hải Yên" );
      REQUIRE( layer->CreateFeature( f.get() ) == OGRERR_NONE );
      GDALClose( ds );
      CPLPopErrorHandler();
    }
    const RtResult<std::unique_ptr<RtStore>> r = RtStore::open( path, true );
    REQUIRE( !r.ok() );
    CHECK( r.error() == QStringLiteral( "%1 is a GeoPackage but not a Resolution Tracker register: table rt_tasks missing" ).arg( path ) );
    CHECK( r.errorKind() == RtErrorKind::Invalid );
  }
}

TEST_CASE( "setTaskPlaces links and unlinks places in one transaction", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = createSample( where );
  const QStringList before { QStringLiteral( "ward:06715" ), QStringLiteral( "site:hai-yen-ip" ) };
  {
    std::unique_ptr<RtStore> store = openStore( path );
    REQUIRE( store->task( QStringLiteral( "DT-01-1" ) ).value().places == before );
    const QStringList linked { QStringLiteral( "ward:06715" ), QStringLiteral( "site:hai-yen-ip" ), QStringLiteral( "parcel:06715/12/345" ) };
    REQUIRE( store->setTaskPlaces( QStringLiteral( "DT-01-1" ), linked, before ).ok() );
    CHECK( store->task( QStringLiteral( "DT-01-1" ) ).value().places == linked );

    // Based on an old list (someone linked meanwhile): refused, nothing written.
    const RtStatusResult stale = store->setTaskPlaces( QStringLiteral( "DT-01-1" ), before, before );
    REQUIRE( !stale.ok() );
    CHECK( stale.error().contains( QStringLiteral( "changed meanwhile" ) ) );
    CHECK( stale.errorKind() == RtErrorKind::Stale );
    CHECK( store->task( QStringLiteral( "DT-01-1" ) ).value().places == linked );

    // Malformed places and unknown tasks are refused.
    CHECK( !store->setTaskPlaces( QStringLiteral( "DT-01-1" ), { QStringLiteral( "A3" ) } ).ok() );
    CHECK( !store->setTaskPlaces( QStringLiteral( "DT-01-1" ), { QStringLiteral( "road:ql18" ) } ).ok() );
    CHECK( store->setTaskPlaces( QStringLiteral( "NO-SUCH" ), { QStringLiteral( "zone:A3" ) } ).errorKind() == RtErrorKind::NotFound );

    // Interrupted between the delete and the commit: the places are as they were.
    store->setFailpointForTests( [] { return false; } );
    const RtStatusResult interrupted = store->setTaskPlaces( QStringLiteral( "DT-01-1" ), { QStringLiteral( "zone:A3" ) } );
    CHECK( !interrupted.ok() );
    CHECK( interrupted.error().startsWith( QStringLiteral( "write failed:" ) ) );
    store->setFailpointForTests( {} );
    CHECK( store->task( QStringLiteral( "DT-01-1" ) ).value().places == linked );

    // Unlinking back to the original list, duplicates dropped; the status history is not touched.
    REQUIRE( store->setTaskPlaces( QStringLiteral( "DT-01-1" ), before + QStringList { QStringLiteral( "ward:06715" ) } ).ok() );
    CHECK( store->history( QStringLiteral( "DT-01-1" ) ).value().size() == 1 );
  }
  const std::unique_ptr<RtStore> fresh = openStore( path, false );
  CHECK( fresh->task( QStringLiteral( "DT-01-1" ) ).value().places == before );
  CHECK( fresh->task( QStringLiteral( "DT-01-fn1" ) ).value().places == QStringList { QStringLiteral( "ward:06724" ) } );
  CHECK( !fresh->setTaskPlaces( QStringLiteral( "DT-01-1" ), before ).ok() ); // read-only
}

TEST_CASE( "values are bound, never spliced, on both backends: hostile texts are read back verbatim", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = createSample( where );
  const QString task = QStringLiteral( "DT-01-1" );
  // A 1 MB note: long reports are pasted whole.
  const QString line = QStringLiteral( "Báo cáo kỳ họp 'thứ 13'; \"đạt\" 14/16 chỉ tiêu. " );
  const QString megabyte = line.repeated( 1024 * 1024 / line.toUtf8().size() + 1 );
  REQUIRE( megabyte.toUtf8().size() >= 1024 * 1024 );
  const QStringList hostile = {
    QStringLiteral( "It's \"Hòa\" '' ''' \\' \\\\ ` $1 %s %% ?" ),
    QStringLiteral( "x'); DROP TABLE rt_status_history; -- ' || '1' = '1" ),
    QStringLiteral( "'; DROP SCHEMA restrack CASCADE; SELECT '" ),
    QStringLiteral( "🙂👍🏽 Móng Cái 🇻🇳 𝒳" ),
    QStringLiteral( "\u200fالمدينة\u202e abc\u202c \u200eHải Yên\u200f" ),
    megabyte,
  };
  {
    const std::unique_ptr<RtStore> store = openStore( path );
    for ( int i = 0; i < hostile.size(); ++i )
    {
      RtStatusChange c = change( task, i % 2 ? RtStatus::InProgress : RtStatus::Blocked, QDate( 2024, 1, 1 + i ),
                                 i == hostile.size() - 1 ? QStringLiteral( "Phòng Tài chính" ) : hostile.at( i ) );
      c.note = hostile.at( i );
      c.evidence = hostile.at( i );
      const RtStatusResult r = store->setStatus( c );
      INFO( i << ": " << r.error().left( 300 ).toStdString() );
      REQUIRE( r.ok() );
    }
  }
  const std::unique_ptr<RtStore> store = openStore( path, false );
  const RtResult<QVector<RtHistoryEntry>> history = store->history( task );
  REQUIRE( history.ok() );
  REQUIRE( history.value().size() == 1 + hostile.size() );
  for ( int i = 0; i < hostile.size(); ++i )
  {
    INFO( i );
    const RtHistoryEntry &entry = history.value().at( 1 + i );
    CHECK( entry.note == hostile.at( i ) );
    CHECK( entry.evidence == hostile.at( i ) );
    CHECK( entry.by == ( i == hostile.size() - 1 ? QStringLiteral( "Phòng Tài chính" ) : hostile.at( i ) ) );
  }
  // The tables are all there: nothing was run as SQL.
  CHECK( store->task( task ).value().revision == hostile.size() );
  // An id made of SQL is an unknown id, nothing more.
  const RtResult<RtTask> odd = store->task( QStringLiteral( "' OR '1'='1" ) );
  REQUIRE( !odd.ok() );
  CHECK( odd.errorKind() == RtErrorKind::NotFound );
}

TEST_CASE( "a text holding a NUL character is refused on both backends, never cut short", "[store]" )
{
  const RtTestRegisterLocation where( RT_BACKENDS() );
  const QString path = createSample( where );
  const std::unique_ptr<RtStore> store = openStore( path );
  const Snapshot before = snapshot( *store );
  const QString withNul = QStringLiteral( "trước" ) + QChar( 0 ) + QStringLiteral( "sau" );

  SECTION( "in the note" )
  {
    RtStatusChange c = change( QStringLiteral( "DT-01-1" ), RtStatus::Done, QDate( 2024, 5, 1 ) );
    c.note = withNul;
    const RtStatusResult r = store->setStatus( c );
    REQUIRE( !r.ok() );
    CHECK( r.errorKind() == RtErrorKind::Invalid );
    CHECK( r.error() == QStringLiteral( "task DT-01-1: the note holds a NUL character (character 6); a text cannot hold one" ) );
  }
  SECTION( "in the evidence" )
  {
    RtStatusChange c = change( QStringLiteral( "DT-01-1" ), RtStatus::Done, QDate( 2024, 5, 1 ) );
    c.evidence = withNul;
    const RtStatusResult r = store->setStatus( c );
    REQUIRE( !r.ok() );
    CHECK( r.errorKind() == RtErrorKind::Invalid );
    CHECK( r.error() == QStringLiteral( "task DT-01-1: the evidence holds a NUL character (character 6); a text cannot hold one" ) );
  }
  SECTION( "in the name of who changes" )
  {
    const RtStatusResult r = store->setStatus( change( QStringLiteral( "DT-01-1" ), RtStatus::Done, QDate( 2024, 5, 1 ), withNul ) );
    REQUIRE( !r.ok() );
    CHECK( r.errorKind() == RtErrorKind::Invalid );
    CHECK( r.error() == QStringLiteral( "task DT-01-1: the name (--by) holds a NUL character (character 6); a text cannot hold one" ) );
  }
  requireUnchanged( before, *store );
}
