// The task panel's item models (tree, table, filter/sort proxy) on the real register of
// 172/NQ-HĐND, each watched by QAbstractItemModelTester while data, filters and dates change.
#include "catch_compat.h"
#include "testutil.h"

#include "rtcategory.h"
#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rttaskfiltermodel.h"
#include "rttaskmodel.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace
{
  struct RealRegister
  {
    RtResolution resolution;
    QVector<RtTask> tasks;
  };

  const RealRegister &realRegister()
  {
    static std::unique_ptr<RealRegister> sRegister;
    if ( !sRegister )
    {
      const RtResult<RtRegisterFile> reg = RtRegister::load( RtTestPaths::registerJson() );
      REQUIRE( reg.ok() );
      const RtResult<RtImportReport> text = RtResolutionImporter::importFile( RtTestPaths::resolutionText(), reg.value().term );
      REQUIRE( text.ok() );
      sRegister = std::make_unique<RealRegister>();
      sRegister->resolution = text.value().resolution;
      sRegister->tasks = reg.value().tasks;
    }
    return *sRegister;
  }

  //! Place names as the dock gets them: from the sample layers ("ward:06742" → "Phường Hải Hòa").
  QHash<QString, QString> samplePlaceNames()
  {
    QHash<QString, QString> names;
    const QString path = RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg" );
    GDALDatasetUniquePtr ds( GDALDataset::Open( path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY ) );
    REQUIRE( ds );
    const struct { const char *layer; const char *kind; const char *keyField; const char *nameField; } sources[] =
    {
      { "wards_2023", "ward", "gso_code", "name" },
      { "zones", "zone", "code", "name" },
      { "sites", "site", "site_id", "name_vi" },
    };
    for ( const auto &source : sources )
    {
      OGRLayer *layer = ds->GetLayerByName( source.layer );
      REQUIRE( layer );
      layer->ResetReading();
      OGRFeatureUniquePtr feature;
      while ( ( feature.reset( layer->GetNextFeature() ), feature ) )
        names.insert( QStringLiteral( "%1:%2" ).arg( QLatin1String( source.kind ), QString::fromUtf8( feature->GetFieldAsString( source.keyField ) ) ),
                      QString::fromUtf8( feature->GetFieldAsString( source.nameField ) ) );
    }
    return names;
  }

  /**
   * Collects every warning Qt logs while it lives (QAbstractItemModelTester in Warning mode
   * logs each broken model rule as "FAIL! …"); a test checks the list is empty.
   */
  class QtWarningCollector
  {
    public:
      QtWarningCollector()
      {
        sMessages().clear();
        mPrevious = qInstallMessageHandler( &QtWarningCollector::handler );
      }
      ~QtWarningCollector() { qInstallMessageHandler( mPrevious ); }
      QStringList messages() const { return sMessages(); }

    private:
      static QStringList &sMessages()
      {
        static QStringList s;
        return s;
      }
      static void handler( QtMsgType type, const QMessageLogContext &context, const QString &message )
      {
        if ( type == QtDebugMsg || type == QtInfoMsg )
          return;
        sMessages() << QStringLiteral( "[%1] %2" ).arg( QString::fromUtf8( context.category ? context.category : "" ), message );
      }
      QtMessageHandler mPrevious = nullptr;
  };

  std::unique_ptr<QAbstractItemModelTester> watch( QAbstractItemModel *model )
  {
    return std::make_unique<QAbstractItemModelTester>( model, QAbstractItemModelTester::FailureReportingMode::Warning );
  }

  //! Ids of every task row of \a model, depth first, in the model's order.
  QStringList taskIds( const QAbstractItemModel &model, const QModelIndex &parent = QModelIndex() )
  {
    QStringList ids;
    for ( int row = 0; row < model.rowCount( parent ); ++row )
    {
      const QModelIndex index = model.index( row, 0, parent );
      if ( index.data( RtTaskRoles::IsTask ).toBool() )
        ids << index.data( RtTaskRoles::TaskId ).toString();
      else
        ids << taskIds( model, index );
    }
    return ids;
  }

  QSet<QString> taskIdSet( const QAbstractItemModel &model )
  {
    const QStringList ids = taskIds( model );
    return QSet<QString>( ids.begin(), ids.end() );
  }

  QSet<QString> idSet( const QStringList &ids )
  {
    return QSet<QString>( ids.begin(), ids.end() );
  }

  //! Clause rows of \a model with no row under them (a filter must never leave one).
  QStringList emptyClauses( const QAbstractItemModel &model, const QModelIndex &parent = QModelIndex() )
  {
    QStringList out;
    for ( int row = 0; row < model.rowCount( parent ); ++row )
    {
      const QModelIndex index = model.index( row, 0, parent );
      if ( index.data( RtTaskRoles::IsTask ).toBool() )
        continue;
      if ( model.rowCount( index ) == 0 )
        out << rtClausePathString( index.data( RtTaskRoles::ClausePath ).toStringList() );
      out << emptyClauses( model, index );
    }
    return out;
  }

  QStringList childLabels( const QAbstractItemModel &model, const QModelIndex &parent )
  {
    QStringList labels;
    for ( int row = 0; row < model.rowCount( parent ); ++row )
    {
      const QModelIndex index = model.index( row, 0, parent );
      labels << ( index.data( RtTaskRoles::IsTask ).toBool() ? index.data( RtTaskRoles::TaskId ).toString()
                                                                : index.data( RtTaskRoles::ClausePath ).toStringList().constLast() );
    }
    return labels;
  }

  std::string str( const QStringList &list ) { return list.join( QStringLiteral( ", " ) ).toStdString(); }
  std::string str( const QSet<QString> &set )
  {
    QStringList list( set.begin(), set.end() );
    list.sort();
    return str( list );
  }

  const QStringList sUnderI1 =
  {
    QStringLiteral( "DT-05-i1" ), QStringLiteral( "CM-QHPK-A3" ), QStringLiteral( "CM-QHPK-A4-1" ),
    QStringLiteral( "CM-QHPK-A5" ), QStringLiteral( "CM-QHPK-A6" ), QStringLiteral( "CM-QHPK-D1" ),
    QStringLiteral( "CM-QHC-HAIDONG" ), QStringLiteral( "CM-QHC-HAITIEN" ), QStringLiteral( "CM-QHC-QUANGNGHIA" ),
    QStringLiteral( "CM-QHC-BACSON" ), QStringLiteral( "CM-QHC-HAISON" ), QStringLiteral( "CM-DOTHI-LOAI1-2030" ),
  };

  //! The tasks located in ward 06742 (Hải Hòa).
  const QSet<QString> sInHaiHoa =
  {
    QStringLiteral( "DT-05-i3" ), QStringLiteral( "CM-LAND-HAIHOA-KHU9" ), QStringLiteral( "CM-LAND-HAIHOA-35HSPT" ),
    QStringLiteral( "CM-ROAD-CCN-LUCLAM" ),
  };

  //! Overdue on 26/11/2026: every dated deadline up to 31/12/2025 (none of them is closed).
  const QSet<QString> sOverdue20261126 =
  {
    QStringLiteral( "CM-WATER-2023-60" ), QStringLiteral( "CM-WARD-HAIXUAN" ), QStringLiteral( "CM-WARD-HAITIEN" ),
    QStringLiteral( "CM-WARD-HAIDONG" ), QStringLiteral( "CM-TDC-500" ), QStringLiteral( "CM-KTBD-2023-2025" ),
    QStringLiteral( "CM-NGANSACH-TUCANDOI" ), QStringLiteral( "CM-HONGHEO-0" ),
  };

  const QStringList sPathI1 = { QStringLiteral( "Điều 1" ), QStringLiteral( "4." ), QStringLiteral( "4.1." ), QStringLiteral( "(5)" ), QStringLiteral( "(i1)" ) };
}

TEST_CASE( "the tree holds the clauses of 172/NQ-HĐND that hold tasks, with each task under its clause", "[taskmodel]" )
{
  const RealRegister &reg = realRegister();
  QtWarningCollector warnings;
  RtTaskTreeModel tree;
  const auto tester = watch( &tree );
  tree.setRegister( reg.resolution, reg.tasks, QDate( 2023, 10, 13 ), RtLang::Vi );

  // Điều 2 holds no task: only Điều 1 is left at the top.
  REQUIRE( tree.rowCount() == 1 );
  const QModelIndex dieu1 = tree.index( 0, 0 );
  CHECK( dieu1.data().toString().startsWith( QStringLiteral( "Điều 1 Hội đồng nhân dân thành phố tán thành" ) ) );
  CHECK( dieu1.data( RtTaskRoles::TaskCount ).toInt() == 89 );
  CHECK( childLabels( tree, dieu1 ) == QStringList( { QStringLiteral( "1." ), QStringLiteral( "2." ), QStringLiteral( "4." ) } ) );

  // Điều 1 › 4. › 4.1. › (5) › (i1), reached label by label.
  QModelIndex index = dieu1;
  for ( const QString &label : sPathI1.mid( 1 ) )
  {
    const QStringList labels = childLabels( tree, index );
    INFO( "under " << rtClausePathString( index.data( RtTaskRoles::ClausePath ).toStringList() ).toStdString() << ": " << str( labels ) );
    const int row = labels.indexOf( label );
    REQUIRE( row >= 0 );
    index = tree.index( row, 0, index );
  }
  CHECK( index == tree.indexOfClause( sPathI1 ) );
  CHECK( index.data().toString().startsWith( QStringLiteral( "(i1) Xác định \"Quy hoạch là đi trước" ) ) );
  CHECK( index.data().toString().endsWith( QStringLiteral( " …" ) ) );
  CHECK( index.data( Qt::ToolTipRole ).toString().size() > index.data().toString().size() );
  CHECK_FALSE( index.data( RtTaskRoles::IsTask ).toBool() );
  CHECK( tree.task( index ).id.isEmpty() );
  CHECK( childLabels( tree, index ) == sUnderI1 );

  // 4.1.'s items in the order of the text: (10) after (9).
  const QModelIndex item41 = tree.indexOfClause( sPathI1.mid( 0, 3 ) );
  CHECK( childLabels( tree, item41 ) == QStringList( { QStringLiteral( "(1)" ), QStringLiteral( "(2)" ), QStringLiteral( "(3)" ), QStringLiteral( "(4)" ),
                                                     QStringLiteral( "(5)" ), QStringLiteral( "(6)" ), QStringLiteral( "(7)" ), QStringLiteral( "(8)" ),
                                                     QStringLiteral( "(9)" ), QStringLiteral( "(10)" ) } ) );
  // Land cases cited in 1. sit under 1.
  CHECK( childLabels( tree, tree.indexOfClause( { QStringLiteral( "Điều 1" ), QStringLiteral( "1." ) } ) )
         == QStringList( { QStringLiteral( "CM-LAND-HAIHOA-35HSPT" ), QStringLiteral( "CM-LAND-THOIPHI" ), QStringLiteral( "CM-LAND-TRANPHU-FOREST" ) } ) );
  CHECK_FALSE( tree.indexOfClause( { QStringLiteral( "Điều 2" ) } ).isValid() );
  CHECK( emptyClauses( tree ).isEmpty() );

  // Every task once, in the tree.
  const QStringList all = taskIds( tree );
  CHECK( all.size() == 89 );
  CHECK( idSet( all ).size() == 89 );

  // A task row: title, status and deadline columns, the quote as tooltip.
  const QModelIndex a3 = tree.indexOfTask( QStringLiteral( "CM-QHPK-A3" ) );
  REQUIRE( a3.isValid() );
  CHECK( a3.parent() == index );
  CHECK( tree.task( a3 ).id == QStringLiteral( "CM-QHPK-A3" ) );
  CHECK( tree.task( a3.siblingAtColumn( 2 ) ).id == QStringLiteral( "CM-QHPK-A3" ) );
  CHECK( a3.data().toString() == tree.task( a3 ).titleVi );
  CHECK( a3.siblingAtColumn( RtTaskTreeModel::ColumnStatus ).data().toString() == QStringLiteral( "Đang thực hiện" ) );
  CHECK( a3.data( Qt::ToolTipRole ).toString() == tree.task( a3 ).quote );
  CHECK( a3.data( RtTaskRoles::ClausePath ).toStringList() == sPathI1 );
  CHECK( a3.data( RtTaskRoles::Places ).toStringList() == QStringList( QStringLiteral( "zone:A3" ) ) );
  CHECK( a3.data( RtTaskRoles::Status ).toInt() == static_cast<int>( RtStatus::InProgress ) );
  const QModelIndex haiXuan = tree.indexOfTask( QStringLiteral( "CM-WARD-HAIXUAN" ) );
  CHECK( haiXuan.siblingAtColumn( RtTaskTreeModel::ColumnDeadline ).data().toString() == QStringLiteral( "31/12/2024 (trước năm 2025)" ) );
  CHECK( haiXuan.data( RtTaskRoles::DeadlineDate ).toDate() == QDate( 2024, 12, 31 ) );
  CHECK_FALSE( tree.indexOfTask( QStringLiteral( "NO-SUCH-TASK" ) ).isValid() );

  // Overdue as of 26/11/2026, shown in the status column.
  tree.setAsOf( QDate( 2026, 11, 26 ) );
  CHECK( haiXuan.siblingAtColumn( RtTaskTreeModel::ColumnStatus ).data().toString() == QStringLiteral( "Chưa có báo cáo — quá hạn" ) );
  CHECK( haiXuan.data( RtTaskRoles::Overdue ).toBool() );

  tree.setLanguage( RtLang::En );
  CHECK( tree.headerData( RtTaskTreeModel::ColumnStatus, Qt::Horizontal ).toString() == QStringLiteral( "Status" ) );
  CHECK( haiXuan.siblingAtColumn( RtTaskTreeModel::ColumnStatus ).data().toString() == QStringLiteral( "No report — overdue" ) );
  CHECK( haiXuan.siblingAtColumn( RtTaskTreeModel::ColumnDeadline ).data().toString() == QStringLiteral( "2024-12-31 (trước năm 2025)" ) );
  CHECK( haiXuan.data().toString() == tree.task( haiXuan ).titleEn );

  // A new register resets the model.
  tree.setRegister( reg.resolution, reg.tasks.mid( 0, 3 ), QDate( 2023, 10, 13 ), RtLang::Vi );
  CHECK( taskIds( tree ) == QStringList( { QStringLiteral( "DT-01" ), QStringLiteral( "DT-02" ), QStringLiteral( "DT-03-i1" ) } ) );
  CHECK( emptyClauses( tree ).isEmpty() );

  CHECK( warnings.messages().join( QLatin1Char( '\n' ) ).toStdString() == "" );
}

TEST_CASE( "a task whose clause is not in the text gets rows of its own", "[taskmodel]" )
{
  const RealRegister &reg = realRegister();
  QtWarningCollector warnings;
  RtTaskTreeModel tree;
  const auto tester = watch( &tree );
  QVector<RtTask> tasks = reg.tasks.mid( 0, 2 );
  tasks[1].clausePath = QStringList( { QStringLiteral( "Điều 9" ), QStringLiteral( "(z)" ) } );
  tree.setRegister( reg.resolution, tasks, QDate( 2023, 10, 13 ), RtLang::Vi );
  REQUIRE( tree.rowCount() == 2 );
  CHECK( tree.index( 1, 0 ).data().toString() == QStringLiteral( "Điều 9" ) );
  CHECK( tree.indexOfTask( QStringLiteral( "DT-02" ) ).parent() == tree.indexOfClause( tasks[1].clausePath ) );

  // Moving a task to another clause rebuilds the tree (a reset, checked by the tester).
  RtTask moved = tasks[1];
  moved.clausePath = reg.tasks[1].clausePath;
  tree.updateTask( moved );
  CHECK( tree.rowCount() == 1 );
  CHECK( tree.indexOfTask( QStringLiteral( "DT-02" ) ).parent().data( RtTaskRoles::ClausePath ).toStringList() == moved.clausePath );
  CHECK( warnings.messages().join( QLatin1Char( '\n' ) ).toStdString() == "" );
}

TEST_CASE( "the table lists the 89 tasks with display texts in both languages", "[taskmodel]" )
{
  const RealRegister &reg = realRegister();
  QtWarningCollector warnings;
  RtTaskTableModel table;
  const auto tester = watch( &table );
  table.setTasks( reg.tasks, QDate( 2026, 11, 26 ), RtLang::Vi );

  REQUIRE( table.rowCount() == 89 );
  CHECK( table.columnCount() == RtTaskTableModel::ColumnCount );
  CHECK( table.headerData( RtTaskTableModel::ColumnDeadline, Qt::Horizontal ).toString() == QStringLiteral( "Thời hạn" ) );

  const QModelIndex water = table.indexOfTask( QStringLiteral( "CM-WATER-2023-60" ) );
  REQUIRE( water.isValid() );
  const int row = water.row();
  CHECK( table.task( row ).id == QStringLiteral( "CM-WATER-2023-60" ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnId ).data().toString() == QStringLiteral( "CM-WATER-2023-60" ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnStatus ).data().toString() == QStringLiteral( "Đang thực hiện — quá hạn" ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnDeadline ).data().toString() == QStringLiteral( "31/12/2023 (đến hết năm 2023)" ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnCategory ).data().toString() == RtCategories::label( table.task( row ).category, RtLang::Vi ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnResponsible ).data().toString() == QStringLiteral( "Ủy ban nhân dân Thành phố" ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnClause ).data().toString() == QStringLiteral( "Điều 1 › 4. › 4.1. › (5) › (i5)" ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnTitle ).data( Qt::ToolTipRole ).toString() == table.task( row ).quote );
  CHECK( table.index( row, RtTaskTableModel::ColumnDeadline ).data( RtTaskRoles::SortValue ).toDate() == QDate( 2023, 12, 31 ) );

  // A quote from a footnote says so in the clause column.
  const int road = table.indexOfTask( QStringLiteral( "CM-ROAD-CCN-LUCLAM" ) ).row();
  CHECK( table.index( road, RtTaskTableModel::ColumnClause ).data().toString() == QStringLiteral( "Điều 1 › 4. › 4.1. › (4) › (i1), chú thích 4" ) );
  // Recurring: the phrase alone; none: empty, and no sort value.
  const int yearly = table.indexOfTask( QStringLiteral( "CM-NHAPNGU-100" ) ).row();
  CHECK( table.index( yearly, RtTaskTableModel::ColumnDeadline ).data().toString() == QStringLiteral( "hàng năm" ) );
  CHECK_FALSE( table.index( yearly, RtTaskTableModel::ColumnDeadline ).data( RtTaskRoles::SortValue ).isValid() );
  CHECK( table.index( 0, RtTaskTableModel::ColumnDeadline ).data().toString().isEmpty() );

  table.setLanguage( RtLang::En );
  CHECK( table.headerData( RtTaskTableModel::ColumnDeadline, Qt::Horizontal ).toString() == QStringLiteral( "Deadline" ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnStatus ).data().toString() == QStringLiteral( "In progress — overdue" ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnDeadline ).data().toString() == QStringLiteral( "2023-12-31 (đến hết năm 2023)" ) );
  CHECK( table.index( road, RtTaskTableModel::ColumnClause ).data().toString() == QStringLiteral( "Điều 1 › 4. › 4.1. › (4) › (i1), footnote 4" ) );
  CHECK( table.index( row, RtTaskTableModel::ColumnTitle ).data().toString() == table.task( row ).titleEn );
  CHECK( table.task( 89 ).id.isEmpty() );

  CHECK( warnings.messages().join( QLatin1Char( '\n' ) ).toStdString() == "" );
}

TEST_CASE( "the search ignores diacritics, case, tone placement and normalisation form", "[taskmodel]" )
{
  const QString query = RtTaskFilterModel::foldQuery( QStringLiteral( "  hai   hoa " ) );
  CHECK( query == QStringLiteral( "hai hoa" ) );
  CHECK( RtTaskFilterModel::foldQuery( QStringLiteral( "Phường Hải Hòa" ) ) == QStringLiteral( "phuong hai hoa" ) );
  CHECK( RtTaskFilterModel::foldQuery( QStringLiteral( "HẢI HOÀ" ).normalized( QString::NormalizationForm_D ) ) == query );
  CHECK( RtTaskFilterModel::foldQuery( QStringLiteral( "Đường" ) ) == QStringLiteral( "duong" ) );
  CHECK( RtTaskFilterModel::matchesSearch( QStringLiteral( "phuong hai hoa" ), query ) );
  CHECK( RtTaskFilterModel::matchesSearch( QStringLiteral( "cm-land-haihoa-khu9" ), QStringLiteral( "haihoa" ) ) );
  CHECK( RtTaskFilterModel::matchesSearch( QStringLiteral( "zone:a4.1" ), QStringLiteral( "a4.1" ) ) );
  CHECK( RtTaskFilterModel::matchesSearch( QStringLiteral( "dieu 1 › 4. › 4.1. › (5) › (i1)" ), QStringLiteral( "(i1)" ) ) );
  // A phrase starts at a word: "hai hoa" is not in "khai hoang", nor across two fields.
  CHECK_FALSE( RtTaskFilterModel::matchesSearch( QStringLiteral( "khai hoang dat" ), query ) );
  CHECK( RtTaskFilterModel::matchesSearch( QStringLiteral( "khai hoang, hai hoang" ), query ) );
  CHECK_FALSE( RtTaskFilterModel::matchesSearch( QStringLiteral( "phuong hai\nhoa lac" ), query ) );
  CHECK( RtTaskFilterModel::matchesSearch( QStringLiteral( "anything" ), QString() ) );

  CHECK( RtTaskModels::placeKey( QStringLiteral( " Zone:a4.1 " ) ) == RtTaskModels::placeKey( QStringLiteral( "zone:A4.1" ) ) );
  CHECK( RtTaskModels::placeKey( QStringLiteral( "parcel:06715/012/345" ) ) == RtTaskModels::placeKey( QStringLiteral( "parcel:06715/12/345" ) ) );
  CHECK( RtTaskModels::placeKey( QStringLiteral( "ward:6742" ) ) != RtTaskModels::placeKey( QStringLiteral( "ward:06742" ) ) );
}

TEST_CASE( "the filter model filters the table and the tree alike", "[taskmodel]" )
{
  const RealRegister &reg = realRegister();
  const QHash<QString, QString> names = samplePlaceNames();
  REQUIRE( names.value( QStringLiteral( "ward:06742" ) ) == QStringLiteral( "Phường Hải Hòa" ) );

  QtWarningCollector warnings;
  RtTaskTableModel table;
  RtTaskTreeModel tree;
  RtTaskFilterModel tableFilter;
  RtTaskFilterModel treeFilter;
  const auto t1 = watch( &table );
  const auto t2 = watch( &tree );
  tableFilter.setSourceModel( &table );
  treeFilter.setSourceModel( &tree );
  const auto t3 = watch( &tableFilter );
  const auto t4 = watch( &treeFilter );

  table.setTasks( reg.tasks, QDate( 2026, 11, 26 ), RtLang::Vi );
  tree.setRegister( reg.resolution, reg.tasks, QDate( 2026, 11, 26 ), RtLang::Vi );
  table.setPlaceNames( names );
  tree.setPlaceNames( names );

  // Both proxies must show the same tasks, and the tree no clause left empty.
  const auto shown = [&]() -> QSet<QString>
  {
    const QSet<QString> inTable = taskIdSet( tableFilter );
    CHECK( str( taskIdSet( treeFilter ) ) == str( inTable ) );
    CHECK( str( emptyClauses( treeFilter ) ) == "" );
    CHECK( tableFilter.rowCount() == inTable.size() );
    return inTable;
  };

  CHECK_FALSE( tableFilter.isFiltering() );
  CHECK( shown().size() == 89 );

  SECTION( "search" )
  {
    // The Hải Hòa tasks, and the Lục Lâm cluster whose note places it in Hải Hòa.
    QSet<QString> haiHoa = sInHaiHoa;
    haiHoa << QStringLiteral( "CM-CCN-NAM-LUCLAM" );
    for ( const QString &text : { QStringLiteral( "hai hoa" ), QStringLiteral( "Hải Hòa" ), QStringLiteral( "Hải Hoà" ),
                                  QStringLiteral( "HẢI HOÀ" ).normalized( QString::NormalizationForm_D ), QStringLiteral( "  HAI  HOA " ) } )
    {
      INFO( text.toStdString() );
      tableFilter.setSearchText( text );
      treeFilter.setSearchText( text );
      CHECK( str( shown() ) == str( haiHoa ) );
    }
    CHECK( tableFilter.isFiltering() );

    // DT-05-i3 names no ward in its texts: only the place name finds it.
    table.setPlaceNames( QHash<QString, QString>() );
    tree.setPlaceNames( QHash<QString, QString>() );
    CHECK( str( shown() ) == str( haiHoa - QSet<QString>( { QStringLiteral( "DT-05-i3" ) } ) ) );
    table.setPlaceNames( names );
    tree.setPlaceNames( names );
    CHECK( str( shown() ) == str( haiHoa ) );

    // Id, clause path, place key, English title.
    tableFilter.setSearchText( QStringLiteral( "cm-qhpk" ) );
    treeFilter.setSearchText( QStringLiteral( "cm-qhpk" ) );
    CHECK( shown().size() == 5 );
    tableFilter.setSearchText( QStringLiteral( "4.1. › (5) › (i1)" ) );
    treeFilter.setSearchText( QStringLiteral( "4.1. › (5) › (i1)" ) );
    CHECK( str( shown() ) == str( idSet( sUnderI1 ) ) );
    tableFilter.setSearchText( QStringLiteral( "zone:A4.1" ) );
    treeFilter.setSearchText( QStringLiteral( "zone:A4.1" ) );
    CHECK( str( shown() ) == str( QSet<QString>( { QStringLiteral( "DT-05-i1" ), QStringLiteral( "CM-QHPK-A4-1" ) } ) ) );
    tableFilter.setSearchText( QStringLiteral( "industrial cluster" ) );
    treeFilter.setSearchText( QStringLiteral( "industrial cluster" ) );
    CHECK( shown().contains( QStringLiteral( "CM-CCN-NAM-LUCLAM" ) ) );
    tableFilter.setSearchText( QStringLiteral( "no such words anywhere" ) );
    treeFilter.setSearchText( QStringLiteral( "no such words anywhere" ) );
    CHECK( shown().isEmpty() );
    CHECK( treeFilter.rowCount() == 0 );
  }

  SECTION( "place" )
  {
    tableFilter.setPlace( QStringLiteral( "ward:06742" ) );
    treeFilter.setPlace( QStringLiteral( " Ward:06742" ) );
    CHECK( str( shown() ) == str( sInHaiHoa ) );
    tableFilter.setPlace( QStringLiteral( "zone:a4.1" ) );
    treeFilter.setPlace( QStringLiteral( "zone:A4.1" ) );
    CHECK( str( shown() ) == str( QSet<QString>( { QStringLiteral( "DT-05-i1" ), QStringLiteral( "CM-QHPK-A4-1" ) } ) ) );
    tableFilter.setPlace( QString() );
    treeFilter.setPlace( QString() );
    CHECK( shown().size() == 89 );
  }

  SECTION( "overdue only follows the as-of date" )
  {
    tableFilter.setOverdueOnly( true );
    treeFilter.setOverdueOnly( true );
    CHECK( str( shown() ) == str( sOverdue20261126 ) );

    table.setAsOf( QDate( 2023, 10, 13 ) );
    tree.setAsOf( QDate( 2023, 10, 13 ) );
    CHECK( shown().isEmpty() );
    CHECK( treeFilter.rowCount() == 0 );

    // 31/12/2023 has passed on 1/1/2024: the 60% clean-water target only.
    table.setAsOf( QDate( 2024, 1, 1 ) );
    tree.setAsOf( QDate( 2024, 1, 1 ) );
    CHECK( str( shown() ) == "CM-WATER-2023-60" );

    table.setAsOf( QDate( 2026, 11, 26 ) );
    tree.setAsOf( QDate( 2026, 11, 26 ) );
    CHECK( str( shown() ) == str( sOverdue20261126 ) );
  }

  SECTION( "status, category, responsible" )
  {
    tableFilter.setStatuses( { static_cast<int>( RtStatus::InProgress ) } );
    treeFilter.setStatuses( { static_cast<int>( RtStatus::InProgress ) } );
    CHECK( shown().size() == 28 );
    tableFilter.setStatuses( { static_cast<int>( RtStatus::InProgress ), static_cast<int>( RtStatus::NoReport ) } );
    treeFilter.setStatuses( { static_cast<int>( RtStatus::InProgress ), static_cast<int>( RtStatus::NoReport ) } );
    CHECK( shown().size() == 89 );
    tableFilter.setStatuses( { static_cast<int>( RtStatus::Done ) } );
    treeFilter.setStatuses( { static_cast<int>( RtStatus::Done ) } );
    CHECK( shown().isEmpty() );
    tableFilter.setStatuses( {} );
    treeFilter.setStatuses( {} );

    tableFilter.setCategory( QStringLiteral( "quy_hoach" ) );
    treeFilter.setCategory( QStringLiteral( "quy_hoach" ) );
    CHECK( shown().size() == 15 );

    // Filters combine: planning tasks in progress (the zoning and commune plans).
    tableFilter.setStatuses( { static_cast<int>( RtStatus::InProgress ) } );
    treeFilter.setStatuses( { static_cast<int>( RtStatus::InProgress ) } );
    CHECK( str( shown() ) == str( idSet( sUnderI1.mid( 1, 10 ) ) ) );
    tableFilter.clearFilters();
    treeFilter.clearFilters();
    CHECK_FALSE( treeFilter.isFiltering() );
    CHECK( shown().size() == 89 );

    tableFilter.setResponsible( QStringLiteral( "hdnd" ) );
    treeFilter.setResponsible( QStringLiteral( "HĐND" ) );
    CHECK( str( shown() ) == "DT-4.2" );
    tableFilter.setResponsible( QStringLiteral( "uy ban nhan dan" ) );
    treeFilter.setResponsible( QStringLiteral( "Ủy ban nhân dân" ) );
    CHECK( shown().size() == 86 );
  }

  SECTION( "a status change moves a task in and out of a filter" )
  {
    tableFilter.setStatuses( { static_cast<int>( RtStatus::Done ) } );
    treeFilter.setStatuses( { static_cast<int>( RtStatus::Done ) } );
    CHECK( shown().isEmpty() );

    RtTask a3 = table.task( table.indexOfTask( QStringLiteral( "CM-QHPK-A3" ) ).row() );
    a3.status = RtStatus::Done;
    table.updateTask( a3 );
    tree.updateTask( a3 );
    CHECK( str( shown() ) == "CM-QHPK-A3" );
    // The clause rows above it came back with it.
    QModelIndex parent;
    for ( const QString &label : sPathI1 )
    {
      REQUIRE( treeFilter.rowCount( parent ) == 1 );
      parent = treeFilter.index( 0, 0, parent );
      CHECK( parent.data( RtTaskRoles::ClausePath ).toStringList().constLast() == label );
    }

    a3.status = RtStatus::InProgress;
    table.updateTask( a3 );
    tree.updateTask( a3 );
    CHECK( shown().isEmpty() );
    CHECK( treeFilter.rowCount() == 0 );

    // A done task is no longer overdue.
    tableFilter.setStatuses( {} );
    treeFilter.setStatuses( {} );
    tableFilter.setOverdueOnly( true );
    treeFilter.setOverdueOnly( true );
    RtTask water = table.task( table.indexOfTask( QStringLiteral( "CM-WATER-2023-60" ) ).row() );
    water.status = RtStatus::Done;
    table.updateTask( water );
    tree.updateTask( water );
    CHECK( str( shown() ) == str( sOverdue20261126 - QSet<QString>( { QStringLiteral( "CM-WATER-2023-60" ) } ) ) );
  }

  CHECK( warnings.messages().join( QLatin1Char( '\n' ) ).toStdString() == "" );
}

TEST_CASE( "updateTask and setAsOf signal the rows that changed, and only those", "[taskmodel]" )
{
  const RealRegister &reg = realRegister();
  QtWarningCollector warnings;
  RtTaskTableModel table;
  RtTaskTreeModel tree;
  const auto t1 = watch( &table );
  const auto t2 = watch( &tree );
  table.setTasks( reg.tasks, QDate( 2023, 10, 13 ), RtLang::Vi );
  tree.setRegister( reg.resolution, reg.tasks, QDate( 2023, 10, 13 ), RtLang::Vi );

  qRegisterMetaType<QModelIndex>();
  qRegisterMetaType<QVector<int>>();
  QSignalSpy tableSpy( &table, &QAbstractItemModel::dataChanged );
  QSignalSpy treeSpy( &tree, &QAbstractItemModel::dataChanged );
  QSignalSpy tableResets( &table, &QAbstractItemModel::modelReset );
  QSignalSpy treeResets( &tree, &QAbstractItemModel::modelReset );

  const int row = table.indexOfTask( QStringLiteral( "CM-QHPK-A5" ) ).row();
  RtTask a5 = table.task( row );
  a5.status = RtStatus::Blocked;
  a5.statusDate = QDate( 2024, 3, 1 );
  table.updateTask( a5 );
  tree.updateTask( a5 );

  REQUIRE( tableSpy.count() == 1 );
  const QModelIndex tl = tableSpy.at( 0 ).at( 0 ).value<QModelIndex>();
  const QModelIndex br = tableSpy.at( 0 ).at( 1 ).value<QModelIndex>();
  CHECK( tl.row() == row );
  CHECK( br.row() == row );
  CHECK( tl.column() == 0 );
  CHECK( br.column() == RtTaskTableModel::ColumnCount - 1 );
  CHECK( table.index( row, RtTaskTableModel::ColumnStatus ).data().toString() == QStringLiteral( "Vướng mắc" ) );

  REQUIRE( treeSpy.count() == 1 );
  const QModelIndex treeIndex = tree.indexOfTask( QStringLiteral( "CM-QHPK-A5" ) );
  const QModelIndex ttl = treeSpy.at( 0 ).at( 0 ).value<QModelIndex>();
  const QModelIndex tbr = treeSpy.at( 0 ).at( 1 ).value<QModelIndex>();
  CHECK( ttl == treeIndex );
  CHECK( tbr == treeIndex.siblingAtColumn( RtTaskTreeModel::ColumnCount - 1 ) );
  CHECK( ttl.parent() == tree.indexOfClause( sPathI1 ) );
  CHECK( treeIndex.siblingAtColumn( RtTaskTreeModel::ColumnStatus ).data().toString() == QStringLiteral( "Vướng mắc" ) );
  CHECK( tree.task( treeIndex ).statusDate == QDate( 2024, 3, 1 ) );

  // An unknown id changes nothing.
  RtTask unknown = a5;
  unknown.id = QStringLiteral( "NO-SUCH-TASK" );
  table.updateTask( unknown );
  tree.updateTask( unknown );
  CHECK( tableSpy.count() == 1 );
  CHECK( treeSpy.count() == 1 );

  // A new date signals exactly the rows whose overdue flag flips.
  tableSpy.clear();
  treeSpy.clear();
  table.setAsOf( QDate( 2026, 11, 26 ) );
  tree.setAsOf( QDate( 2026, 11, 26 ) );
  QSet<QString> tableRows;
  for ( const QList<QVariant> &args : std::as_const( tableSpy ) )
    for ( int r = args.at( 0 ).value<QModelIndex>().row(); r <= args.at( 1 ).value<QModelIndex>().row(); ++r )
      tableRows << table.task( r ).id;
  CHECK( str( tableRows ) == str( sOverdue20261126 ) );
  QSet<QString> treeRows;
  for ( const QList<QVariant> &args : std::as_const( treeSpy ) )
  {
    const QModelIndex from = args.at( 0 ).value<QModelIndex>();
    const QModelIndex to = args.at( 1 ).value<QModelIndex>();
    CHECK( from.parent() == to.parent() );
    for ( int r = from.row(); r <= to.row(); ++r )
      treeRows << tree.task( tree.index( r, 0, from.parent() ) ).id;
  }
  CHECK( str( treeRows ) == str( sOverdue20261126 ) );

  // The same date again: nothing changes.
  tableSpy.clear();
  treeSpy.clear();
  table.setAsOf( QDate( 2026, 11, 26 ) );
  tree.setAsOf( QDate( 2026, 11, 26 ) );
  CHECK( tableSpy.isEmpty() );
  CHECK( treeSpy.isEmpty() );

  CHECK( tableResets.isEmpty() );
  CHECK( treeResets.isEmpty() );
  CHECK( warnings.messages().join( QLatin1Char( '\n' ) ).toStdString() == "" );
}

TEST_CASE( "sorting uses the underlying values: tasks without a deadline come last", "[taskmodel]" )
{
  const RealRegister &reg = realRegister();
  QtWarningCollector warnings;
  RtTaskTableModel table;
  RtTaskFilterModel proxy;
  const auto t1 = watch( &table );
  proxy.setSourceModel( &table );
  const auto t2 = watch( &proxy );
  table.setTasks( reg.tasks, QDate( 2026, 11, 26 ), RtLang::Vi );
  REQUIRE( proxy.rowCount() == 89 );

  const auto column = [&proxy]( int column, int role ) -> QVariantList
  {
    QVariantList values;
    for ( int row = 0; row < proxy.rowCount(); ++row )
      values << proxy.index( row, column ).data( role );
    return values;
  };
  const auto idAt = [&proxy]( int row ) { return proxy.index( row, 0 ).data( RtTaskRoles::TaskId ).toString(); };

  SECTION( "deadline" )
  {
    for ( const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder } )
    {
      proxy.sort( RtTaskTableModel::ColumnDeadline, order );
      const QVariantList dates = column( RtTaskTableModel::ColumnDeadline, RtTaskRoles::DeadlineDate );
      // The 10 dated tasks first, in order; the 79 without a date after them.
      for ( int row = 0; row < 89; ++row )
      {
        INFO( "row " << row << " " << idAt( row ).toStdString() );
        CHECK( dates.at( row ).toDate().isValid() == ( row < 10 ) );
        if ( row > 0 && row < 10 )
          CHECK( ( order == Qt::AscendingOrder ? dates.at( row - 1 ).toDate() <= dates.at( row ).toDate()
                                               : dates.at( row - 1 ).toDate() >= dates.at( row ).toDate() ) );
      }
      CHECK( idAt( 0 ) == ( order == Qt::AscendingOrder ? QStringLiteral( "CM-WATER-2023-60" ) : QStringLiteral( "CM-DOTHI-LOAI1-2030" ) ) );
    }
    proxy.sort( RtTaskTableModel::ColumnDeadline, Qt::AscendingOrder );
    CHECK( idAt( 1 ) == QStringLiteral( "CM-WARD-HAIXUAN" ) );
  }

  SECTION( "status in vocabulary order, overdue after the others of its status" )
  {
    proxy.sort( RtTaskTableModel::ColumnStatus, Qt::AscendingOrder );
    const QVariantList statuses = column( 0, RtTaskRoles::Status );
    const QVariantList overdue = column( 0, RtTaskRoles::Overdue );
    for ( int row = 0; row < 89; ++row )
      CHECK( statuses.at( row ).toInt() == static_cast<int>( row < 28 ? RtStatus::InProgress : RtStatus::NoReport ) );
    // In progress: 25 on time, then the 3 overdue ones (60% clean water, budget, poverty).
    for ( int row = 0; row < 28; ++row )
      CHECK( overdue.at( row ).toBool() == ( row >= 25 ) );

    // A status change re-sorts: Done comes after In progress, before No report.
    RtTask a3 = table.task( table.indexOfTask( QStringLiteral( "CM-QHPK-A3" ) ).row() );
    a3.status = RtStatus::Done;
    table.updateTask( a3 );
    CHECK( idAt( 27 ) == QStringLiteral( "CM-QHPK-A3" ) );
    proxy.sort( RtTaskTableModel::ColumnStatus, Qt::DescendingOrder );
    CHECK( proxy.index( 0, 0 ).data( RtTaskRoles::Status ).toInt() == static_cast<int>( RtStatus::NoReport ) );
  }

  SECTION( "clause paths in the order of the text, responsible bodies missing last" )
  {
    proxy.sort( RtTaskTableModel::ColumnClause, Qt::AscendingOrder );
    const QVariantList paths = column( 0, RtTaskRoles::ClausePath );
    CHECK( paths.first().toStringList() == QStringList( { QStringLiteral( "Điều 1" ), QStringLiteral( "1." ) } ) );
    int last9 = -1;
    int first10 = 89;
    for ( int row = 0; row < 89; ++row )
    {
      const QStringList path = paths.at( row ).toStringList();
      if ( path.size() > 3 && path.at( 3 ) == QStringLiteral( "(9)" ) )
        last9 = row;
      if ( path.size() > 3 && path.at( 3 ) == QStringLiteral( "(10)" ) )
        first10 = std::min( first10, row );
    }
    CHECK( last9 >= 0 );
    CHECK( last9 < first10 );
    CHECK( paths.last().toStringList() == QStringList( { QStringLiteral( "Điều 1" ), QStringLiteral( "4." ), QStringLiteral( "4.2." ) } ) );

    for ( const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder } )
    {
      proxy.sort( RtTaskTableModel::ColumnResponsible, order );
      const QVariantList responsible = column( 0, RtTaskRoles::Responsible );
      CHECK( responsible.at( 87 ).toString().isEmpty() );
      CHECK( responsible.at( 88 ).toString().isEmpty() );
      CHECK_FALSE( responsible.at( 86 ).toString().isEmpty() );
      CHECK( responsible.at( 0 ).toString() == ( order == Qt::AscendingOrder ? QStringLiteral( "HĐND các xã, phường" ) : QStringLiteral( "Ủy ban nhân dân Thành phố" ) ) );
    }
  }

  SECTION( "ids and titles" )
  {
    proxy.sort( RtTaskTableModel::ColumnId, Qt::AscendingOrder );
    CHECK( idAt( 0 ).startsWith( QStringLiteral( "CM-" ) ) );
    CHECK( idAt( 88 ) == QStringLiteral( "DT-10-i7" ) );
    proxy.sort( RtTaskTableModel::ColumnTitle, Qt::AscendingOrder );
    const QVariantList titles = column( RtTaskTableModel::ColumnTitle, Qt::DisplayRole );
    // Vietnamese order: "Đ" after every "D".
    int lastD = -1;
    int firstDd = 89;
    for ( int row = 0; row < 89; ++row )
    {
      const QString title = titles.at( row ).toString();
      if ( title.startsWith( QLatin1Char( 'D' ) ) )
        lastD = row;
      if ( title.startsWith( QChar( 0x0110 ) ) )
        firstDd = std::min( firstDd, row );
    }
    INFO( str( QStringList( { titles.value( lastD ).toString(), titles.value( firstDd ).toString() } ) ) );
    CHECK( firstDd < 89 );
    CHECK( lastD < firstDd );
  }

  CHECK( warnings.messages().join( QLatin1Char( '\n' ) ).toStdString() == "" );
}

TEST_CASE( "sorting the tree keeps clauses in the order of the text", "[taskmodel]" )
{
  const RealRegister &reg = realRegister();
  QtWarningCollector warnings;
  RtTaskTreeModel tree;
  RtTaskFilterModel proxy;
  proxy.setSourceModel( &tree );
  const auto t1 = watch( &tree );
  const auto t2 = watch( &proxy );
  tree.setRegister( reg.resolution, reg.tasks, QDate( 2026, 11, 26 ), RtLang::Vi );

  const auto proxyClause = [&proxy]( const QStringList &path )
  {
    QModelIndex index;
    for ( const QString &label : path )
    {
      const QStringList labels = childLabels( proxy, index );
      const int row = labels.indexOf( label );
      if ( row < 0 )
        return QModelIndex();
      index = proxy.index( row, 0, index );
    }
    return index;
  };

  for ( const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder } )
  {
    proxy.sort( RtTaskTreeModel::ColumnDeadline, order );
    const QModelIndex item41 = proxyClause( sPathI1.mid( 0, 3 ) );
    REQUIRE( item41.isValid() );
    CHECK( childLabels( proxy, item41 ) == childLabels( tree, tree.indexOfClause( sPathI1.mid( 0, 3 ) ) ) );
    // (5) › (i2): the three commune-to-ward tasks (31/12/2024) first, undated tasks after them.
    const QModelIndex i2 = proxyClause( { QStringLiteral( "Điều 1" ), QStringLiteral( "4." ), QStringLiteral( "4.1." ), QStringLiteral( "(5)" ), QStringLiteral( "(i2)" ) } );
    REQUIRE( i2.isValid() );
    const QStringList ids = childLabels( proxy, i2 );
    INFO( str( ids ) );
    REQUIRE( ids.size() == 7 );
    CHECK( idSet( ids.mid( 0, 3 ) ) == QSet<QString>( { QStringLiteral( "CM-WARD-HAIXUAN" ), QStringLiteral( "CM-WARD-HAITIEN" ), QStringLiteral( "CM-WARD-HAIDONG" ) } ) );
  }

  // Title order under one clause: "(i1)"'s tasks sorted, the clause itself still where it was.
  proxy.sort( RtTaskTreeModel::ColumnTitle, Qt::AscendingOrder );
  const QModelIndex i1 = proxyClause( sPathI1 );
  REQUIRE( i1.isValid() );
  const QStringList sorted = childLabels( proxy, i1 );
  CHECK( idSet( sorted ) == idSet( sUnderI1 ) );
  CHECK( sorted != sUnderI1 );
  QStringList titles;
  for ( int row = 0; row < proxy.rowCount( i1 ); ++row )
    titles << proxy.index( row, 0, i1 ).data().toString();
  QCollator collator( QLocale( QLocale::Vietnamese, QLocale::Vietnam ) );
  collator.setNumericMode( true );
  collator.setCaseSensitivity( Qt::CaseInsensitive );
  for ( int row = 1; row < titles.size(); ++row )
    CHECK( collator.compare( titles.at( row - 1 ), titles.at( row ) ) <= 0 );

  CHECK( warnings.messages().join( QLatin1Char( '\n' ) ).toStdString() == "" );
}
