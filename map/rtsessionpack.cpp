#include "rtsessionpack.h"
#include "rttr.h"
#include "rtcategory.h"
#include "rtjoin.h"
#include "rtlayouttemplate.h"
#include "rtlocale.h"
#include "rtmapexport.h"
#include "rtmapstyle.h"
#include "rtoutputfile.h"
#include "rtpackcharts.h"
#include "rtprogress.h"
#include "rttasksasof.h"

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeedback.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsgeometry.h>
#include <qgslabelingenginesettings.h>
#include <qgslayoutexporter.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutrendercontext.h>
#include <qgslayouttablecolumn.h>
#include <qgslayoututils.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsrendercontext.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstablecell.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_error.h>
#include <cpl_string.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>

namespace
{
  // Dates stay day/month/year in both languages, as the resolution writes them (RtMapExport).
  QString dateText( const QDate &date )
  {
    return date.isValid() ? date.toString( QStringLiteral( "dd/MM/yyyy" ) ) : QString();
  }

  RtFeatureStatus featureStatusOf( RtStatus status )
  {
    switch ( status )
    {
      case RtStatus::NotStarted: return RtFeatureStatus::NotStarted;
      case RtStatus::InProgress: return RtFeatureStatus::InProgress;
      case RtStatus::Done: return RtFeatureStatus::Done;
      case RtStatus::Blocked: return RtFeatureStatus::Blocked;
      case RtStatus::Dropped: return RtFeatureStatus::Dropped;
      case RtStatus::NoReport: return RtFeatureStatus::NoReport;
    }
    return RtFeatureStatus::NoReport;
  }

  QString deadlineText( const RtTask &task )
  {
    if ( task.deadline.kind() == RtDeadline::Kind::Date )
      return dateText( task.deadline.date() );
    return task.deadline.phrase();
  }

  QString titleOf( const RtTask &task, RtLang lang )
  {
    const QString t = lang == RtLang::Vi || task.titleEn.isEmpty() ? task.titleVi : task.titleEn;
    return t.isEmpty() ? task.titleVi : t;
  }

  QString clipped( const QString &text, int length )
  {
    const QString t = text.simplified();
    return t.size() <= length ? t : t.left( length - 1 ).trimmed() + QChar( 0x2026 );
  }

  QString overdueText( const RtTask &task, const QDate &asOf, RtLang lang )
  {
    return RtStatuses::isOverdue( task.status, task.deadline, asOf ) ? RtStatuses::overdueLabel( lang ) : QString();
  }

  //! The statuses as chart series, in RtStatuses::all() order, coloured as on the map.
  QVector<RtPackCharts::Series> statusSeries( RtLang lang )
  {
    QVector<RtPackCharts::Series> series;
    for ( RtStatus status : RtStatuses::all() )
      series << RtPackCharts::Series { RtStatuses::label( status, lang ), RtMapStyle::statusColor( featureStatusOf( status ) ) };
    return series;
  }

  //! The map's key: every feature status in legend order.
  QVector<RtPackCharts::Series> mapKeySeries( RtLang lang )
  {
    QVector<RtPackCharts::Series> series;
    for ( RtFeatureStatus status : RtMapStyle::legendOrder() )
      series << RtPackCharts::Series { RtFeatureStatuses::label( status, lang ), RtMapStyle::statusColor( status ) };
    return series;
  }

  // ---- The cadastre: only the key fields are ever read. ----

  //! Parcels and dossiers of one land case by dossier status.
  struct CaseCounts
  {
    QMap<QString, int> dossiers;          //!< dossier_status → dossiers (features)
    QMap<QString, QSet<QString>> parcels; //!< dossier_status → distinct parcel ids
  };

  /**
   * Reads \a spec ("PATH[|layername=NAME]") through OGR with every field but case_id,
   * dossier_status and parcel_id ignored: the other attributes (owners' names) are never
   * read into memory, so nothing can print them.
   */
  RtResult<QMap<QString, CaseCounts>> readCadastre( const QString &spec )
  {
    using Result = RtResult<QMap<QString, CaseCounts>>;
    QString path = spec, layerName;
    const int bar = spec.indexOf( QLatin1Char( '|' ) );
    if ( bar >= 0 )
    {
      path = spec.left( bar );
      const QString rest = spec.mid( bar + 1 );
      if ( !rest.startsWith( QLatin1String( "layername=" ) ) )
        return Result::failure( rtMsg( "RtSessionPack", "--cadastre %1: after '|' only layername=NAME is understood" ).arg( spec ) );
      layerName = rest.mid( 10 );
    }
    GDALDatasetH ds = GDALOpenEx( path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr );
    if ( !ds )
      return Result::failure( QFileInfo::exists( path ) ? RtErrorKind::Invalid : RtErrorKind::NotFound,
                              rtMsg( "RtSessionPack", "--cadastre %1: cannot open it as a vector layer" ).arg( path ) );
    std::unique_ptr<void, void ( * )( void * )> closer( ds, []( void *d ) { GDALClose( d ); } );
    OGRLayerH layer = layerName.isEmpty() ? ( GDALDatasetGetLayerCount( ds ) == 1 ? GDALDatasetGetLayer( ds, 0 ) : nullptr )
                      : GDALDatasetGetLayerByName( ds, layerName.toUtf8().constData() );
    if ( !layer )
      return Result::failure( RtErrorKind::NotFound, layerName.isEmpty()
                              ? rtMsg( "RtSessionPack", "--cadastre %1: the file has several layers; name one with |layername=NAME" ).arg( path )
                              : rtMsg( "RtSessionPack", "--cadastre %1: no layer named %2" ).arg( path, layerName ) );
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn( layer );
    const int caseIndex = OGR_FD_GetFieldIndex( defn, "case_id" );
    const int statusIndex = OGR_FD_GetFieldIndex( defn, "dossier_status" );
    const int parcelIndex = OGR_FD_GetFieldIndex( defn, "parcel_id" );
    if ( caseIndex < 0 || statusIndex < 0 )
      return Result::failure( rtMsg( "RtSessionPack", "--cadastre %1: the layer needs the fields case_id (the land case's site id in the register) "
                                              "and dossier_status; it has %2 of them" )
                              .arg( spec, caseIndex < 0 && statusIndex < 0 ? rtMsg( "RtSessionPack", "neither" ) : caseIndex < 0 ? rtMsg( "RtSessionPack", "only dossier_status" ) : rtMsg( "RtSessionPack", "only case_id" ) ) );
    // Every other field, and the geometry, is ignored by the driver.
    CPLStringList ignored;
    for ( int i = 0; i < OGR_FD_GetFieldCount( defn ); ++i )
      if ( i != caseIndex && i != statusIndex && i != parcelIndex )
        ignored.AddString( OGR_Fld_GetNameRef( OGR_FD_GetFieldDefn( defn, i ) ) );
    ignored.AddString( "OGR_GEOMETRY" );
    ignored.AddString( "OGR_STYLE" );
    OGR_L_SetIgnoredFields( layer, const_cast<const char **>( ignored.List() ) );
    QMap<QString, CaseCounts> counts;
    OGR_L_ResetReading( layer );
    while ( OGRFeatureH f = OGR_L_GetNextFeature( layer ) )
    {
      const QString caseId = QString::fromUtf8( OGR_F_GetFieldAsString( f, caseIndex ) ).trimmed();
      QString status = QString::fromUtf8( OGR_F_GetFieldAsString( f, statusIndex ) ).trimmed();
      const QString parcel = parcelIndex >= 0 ? QString::fromUtf8( OGR_F_GetFieldAsString( f, parcelIndex ) ).trimmed() : QString();
      OGR_F_Destroy( f );
      if ( caseId.isEmpty() )
        continue;
      if ( status.isEmpty() )
        status = QStringLiteral( "?" );
      CaseCounts &c = counts[caseId];
      c.dossiers[status] += 1;
      if ( !parcel.isEmpty() )
        c.parcels[status].insert( parcel );
    }
    return Result::success( counts );
  }

  // ---- XLSX through GDAL. ----

  RtStatusResult writeXlsx( const QString &path, const QVector<const RtPackTable *> &tables )
  {
    GDALDriverH driver = GDALGetDriverByName( "XLSX" );
    if ( !driver )
      return rtFail( RtErrorKind::Unavailable, rtMsg( "RtSessionPack", "%1: GDAL has no XLSX driver" ).arg( path ) );
    CPLErrorReset();
    GDALDatasetH ds = GDALCreate( driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr );
    if ( !ds )
      return rtFail( rtMsg( "RtSessionPack", "%1: cannot create the workbook (%2)" ).arg( path, QString::fromUtf8( CPLGetLastErrorMsg() ) ) );
    for ( const RtPackTable *table : tables )
    {
      OGRLayerH layer = GDALDatasetCreateLayer( ds, table->sheet.toUtf8().constData(), nullptr, wkbNone, nullptr );
      if ( !layer )
      {
        GDALClose( ds );
        return rtFail( rtMsg( "RtSessionPack", "%1: cannot add the sheet %2" ).arg( path, table->sheet ) );
      }
      QSet<QString> seen;
      for ( const QString &heading : table->headings )
      {
        QString name = heading;
        while ( seen.contains( name ) )
          name += QLatin1Char( '_' );
        seen.insert( name );
        OGRFieldDefnH field = OGR_Fld_Create( name.toUtf8().constData(), OFTString );
        OGR_L_CreateField( layer, field, TRUE );
        OGR_Fld_Destroy( field );
      }
      for ( const QStringList &row : table->rows )
      {
        OGRFeatureH f = OGR_F_Create( OGR_L_GetLayerDefn( layer ) );
        for ( int i = 0; i < row.size() && i < table->headings.size(); ++i )
          OGR_F_SetFieldString( f, i, row.at( i ).toUtf8().constData() );
        const OGRErr e = OGR_L_CreateFeature( layer, f );
        OGR_F_Destroy( f );
        if ( e != OGRERR_NONE )
        {
          GDALClose( ds );
          return rtFail( rtMsg( "RtSessionPack", "%1: cannot write a row of the sheet %2" ).arg( path, table->sheet ) );
        }
      }
    }
    GDALClose( ds ); // the workbook is zipped and written here
    if ( CPLGetLastErrorType() == CE_Failure || QFileInfo( path ).size() == 0 )
      return rtFail( rtMsg( "RtSessionPack", "%1: the workbook could not be written (%2)" ).arg( path, QString::fromUtf8( CPLGetLastErrorMsg() ) ) );
    return rtOk();
  }

  // ---- Pages. ----

  //! How many of a table's rows, from the first, its frame of \a height shows (header included).
  int rowsFitting( QgsLayoutItemManualTable *table, double height )
  {
    struct RowsVisible : QgsLayoutTable
    {
      static int of( const QgsLayoutTable *table, QgsRenderContext &context, double height )
      {
        int ( QgsLayoutTable::*rowsVisible )( QgsRenderContext &, double, int, bool, bool ) const = &RowsVisible::rowsVisible;
        return ( table->*rowsVisible )( context, height, 0, true, false );
      }
    };
    QgsRenderContext context = QgsLayoutUtils::createRenderContextForLayout( table->layout(), nullptr );
    return RowsVisible::of( table, context, height );
  }

  QString wrapped( const QString &text, const QFont &font, double points, double width );

  //! Sets the columns of \a table from \a t: headings, widths shared out over the frame's width.
  void setColumns( QgsLayoutItemManualTable *table, double frameWidth, const RtPackTable &t )
  {
    double total = 0;
    for ( double w : t.widths )
      total += w;
    const int n = t.headings.size();
    const double usable = frameWidth - n * ( 2 * table->cellMargin() + table->gridStrokeWidth() ) - table->gridStrokeWidth() - 0.5;
    const QgsTextFormat header = table->headerTextFormat();
    QgsLayoutTableColumns columns;
    QList<double> widths;
    for ( int i = 0; i < n; ++i )
    {
      widths << usable * ( i < t.widths.size() && total > 0 ? t.widths.at( i ) / total : 1.0 / n );
      QgsLayoutTableColumn c( wrapped( t.headings.at( i ), header.font(), header.size(), widths.last() - 0.3 ) );
      c.setHAlignment( Qt::AlignLeft );
      columns << c;
    }
    table->setHeaders( columns );
    table->setColumnWidths( widths );
    table->setWrapBehavior( QgsLayoutTable::TruncateText ); // the text comes wrapped (contentsOf())
  }

  /**
   * \a text broken into lines that fit \a width mm in \a font: the table draws the lines as
   * given (QGIS 3.22's own wrapping of manual tables wraps far too early).
   */
  QString wrapped( const QString &text, const QFont &font, double points, double width )
  {
    if ( width <= 0 )
      return text;
    QFont scaled( font );
    scaled.setPixelSize( std::max( 1, static_cast<int>( std::lround( points * 25.4 / 72.0 * 10 ) ) ) ); // 1 px = 0.1 mm
    const QFontMetricsF metrics( scaled );
    const double limit = width * 10;
    QStringList lines;
    for ( const QString &paragraph : text.split( QLatin1Char( '\n' ) ) )
    {
      QString line;
      for ( const QString &word : paragraph.split( QLatin1Char( ' ' ), Qt::SkipEmptyParts ) )
      {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char( ' ' ) + word;
        if ( !line.isEmpty() && metrics.horizontalAdvance( candidate ) > limit )
        {
          lines << line;
          line = word;
        }
        else
          line = candidate;
      }
      lines << line;
    }
    return lines.join( QLatin1Char( '\n' ) );
  }

  //! Rows \a from … \a from + \a count - 1 of \a rows as table contents, wrapped to the table's column widths.
  QgsTableContents contentsOf( QgsLayoutItemManualTable *table, const QVector<QStringList> &rows, int from, int count )
  {
    const QgsTextFormat format = table->contentTextFormat();
    const QList<double> widths = table->columnWidths();
    QgsTableContents contents;
    for ( int r = from; r < from + count && r < rows.size(); ++r )
    {
      QgsTableRow row;
      for ( int c = 0; c < rows.at( r ).size(); ++c )
        row << QgsTableCell( wrapped( rows.at( r ).at( c ), format.font(), format.size(), widths.value( c ) - 0.3 ) );
      contents << row;
    }
    return contents;
  }

  //! A chart painted over the place of a (hidden) picture item.
  struct PlacedChart
  {
    QgsLayoutItemPicture *place = nullptr;
    RtPackCharts::Chart chart;
  };

  //! One page of the pack: a layout made from a template, and the charts painted on it.
  struct Page
  {
    std::unique_ptr<RtLayoutTemplate> t;
    std::vector<PlacedChart> charts;
  };

  struct Builder
  {
    RtSessionPackData &data;
    QgsProject &project;
    QTemporaryDir &scratch;
    std::vector<Page> pages;
    QList<QgsMapLayer *> mapLayers;  //!< top first
    QMap<RtMapStyle::LayerKind, QgsVectorLayer *> byKind;
    RtLang lang() const { return data.options.lang; }

    //! The template file for \a name: the user's copy when the --template folder has it (or the cover's file), else built in.
    QString templateFor( const QString &name ) const
    {
      const QString given = data.options.templatePath;
      if ( !given.isEmpty() )
      {
        const QFileInfo info( given );
        if ( info.isDir() && QFileInfo::exists( QDir( given ).filePath( name ) ) )
          return QDir( given ).filePath( name );
        if ( info.isFile() && name == QLatin1String( "pack-cover.qpt" ) )
          return given;
      }
      return RtLayoutTemplate::builtIn( QFileInfo( name ).completeBaseName() );
    }

    RtResult<RtLayoutTemplate *> newPage( const QString &name )
    {
      RtResult<RtLayoutTemplate> loaded = RtLayoutTemplate::load( &project, templateFor( name ), RtSessionPack::templateItems( name ) );
      if ( !loaded.ok() )
        return RtResult<RtLayoutTemplate *>::failureFrom( loaded );
      Page page;
      page.t = std::make_unique<RtLayoutTemplate>( loaded.takeValue() );
      RtLayoutTemplate *t = page.t.get();
      pages.push_back( std::move( page ) );
      return RtResult<RtLayoutTemplate *>::success( t );
    }

    //! Puts \a chart in the place of the picture \a id (when the template has it): the picture
    //! is hidden and the chart painted there when the page is written.
    void placeChart( RtLayoutTemplate *t, const QString &id, const RtPackCharts::Chart &chart )
    {
      QgsLayoutItemPicture *picture = t->picture( id );
      if ( !picture )
        return;
      picture->setVisibility( false );
      for ( Page &page : pages )
        if ( page.t.get() == t )
          page.charts.push_back( PlacedChart { picture, chart } );
    }

    QSizeF sizeOf( RtLayoutTemplate *t, const QString &id ) const
    {
      return t->rect( id ).size();
    }

    void setMap( RtLayoutTemplate *t, const QgsRectangle &extent, QgsVectorLayer *focus )
    {
      QgsLayoutItemMap *map = t->map( QStringLiteral( "map" ) );
      QList<QgsMapLayer *> layers = mapLayers;
      if ( focus )
        layers.prepend( focus );
      map->setCrs( project.crs() );
      map->setLayers( layers );
      map->setKeepLayerSet( true );
      // The place with a margin, widened to the map item's shape (zoomToExtent() would take the
      // shape of the template's saved extent, which a new template has not).
      QgsRectangle e = extent;
      e.scale( 1.08 );
      const QRectF r = t->templateRect( QStringLiteral( "map" ) );
      const double itemRatio = r.width() / r.height();
      const QgsPointXY c = e.center();
      const double halfW = std::max( e.width(), e.height() * itemRatio ) / 2, halfH = halfW / itemRatio;
      map->setExtent( QgsRectangle( c.x() - halfW, c.y() - halfH, c.x() + halfW, c.y() + halfH ) );
      placeChart( t, QStringLiteral( "map key" ), RtPackCharts::key( mapKeySeries( lang() ), sizeOf( t, QStringLiteral( "map key" ) ) ) );
    }

    //! Pages of the table template \a name showing every row of \a table; the first gets \a note.
    RtStatusResult tablePages( const RtPackTable &table, const QString &note, const QString &emptyText )
    {
      int from = 0;
      bool first = true;
      do
      {
        RtResult<RtLayoutTemplate *> made = newPage( QStringLiteral( "pack-table.qpt" ) );
        if ( !made.ok() )
          return RtStatusResult::failureFrom( made );
        RtLayoutTemplate *t = made.value();
        t->setText( QStringLiteral( "heading" ), first ? table.title : table.title + RtTr( lang() ).translate( "RtSessionPack", " (continued)" ) );
        t->setText( QStringLiteral( "note" ), first ? note : QString() );
        QgsLayoutItemManualTable *qt = t->table( QStringLiteral( "table" ) );
        const QRectF frame = t->templateRect( QStringLiteral( "table" ) );
        setColumns( qt, frame.width(), table );
        if ( table.rows.isEmpty() )
        {
          QStringList row( emptyText );
          while ( row.size() < table.headings.size() )
            row << QString();
          qt->setTableContents( contentsOf( qt, { row }, 0, 1 ) );
          break;
        }
        qt->setTableContents( contentsOf( qt, table.rows, from, table.rows.size() - from ) );
        const int fit = std::max( 1, rowsFitting( qt, frame.height() ) );
        const int shown = std::min( fit, static_cast<int>( table.rows.size() ) - from );
        qt->setTableContents( contentsOf( qt, table.rows, from, shown ) );
        from += shown;
        first = false;
      }
      while ( from < table.rows.size() );
      return rtOk();
    }
  };

  QgsRectangle extentIn( const QgsRectangle &r, QgsVectorLayer *layer, const QgsProject &project )
  {
    if ( layer->crs() == project.crs() )
      return r;
    try
    {
      return QgsCoordinateTransform( layer->crs(), project.crs(), project.transformContext() ).transformBoundingBox( r );
    }
    catch ( QgsCsException & )
    {
      return QgsRectangle();
    }
  }
}

// ------------------------------------------------------------------------------------------

QStringList RtSessionPack::templateNames()
{
  return { QStringLiteral( "pack-cover.qpt" ), QStringLiteral( "pack-overview.qpt" ), QStringLiteral( "pack-table.qpt" ),
           QStringLiteral( "pack-figures.qpt" ), QStringLiteral( "pack-place.qpt" ) };
}

QVector<RtLayoutTemplate::Item> RtSessionPack::templateItems( const QString &name )
{
  using T = RtLayoutTemplate::ItemType;
  QVector<RtLayoutTemplate::Item> items { { QStringLiteral( "header" ), T::Label, true }, { QStringLiteral( "page" ), T::Label, true } };
  if ( name == QLatin1String( "pack-cover.qpt" ) )
  {
    items[0].required = false; // a cover may go without the running header and its number
    items[1].required = false;
    items << RtLayoutTemplate::Item { QStringLiteral( "council" ), T::Label, true } << RtLayoutTemplate::Item { QStringLiteral( "session" ), T::Label, true }
          << RtLayoutTemplate::Item { QStringLiteral( "title" ), T::Label, true } << RtLayoutTemplate::Item { QStringLiteral( "date" ), T::Label, true }
          << RtLayoutTemplate::Item { QStringLiteral( "resolutions" ), T::Label, true } << RtLayoutTemplate::Item { QStringLiteral( "since" ), T::Label, false }
          << RtLayoutTemplate::Item { QStringLiteral( "rule" ), T::Label, true } << RtLayoutTemplate::Item { QStringLiteral( "maker" ), T::Label, false };
  }
  else if ( name == QLatin1String( "pack-overview.qpt" ) )
  {
    items << RtLayoutTemplate::Item { QStringLiteral( "heading" ), T::Label, true } << RtLayoutTemplate::Item { QStringLiteral( "note" ), T::Label, false }
          << RtLayoutTemplate::Item { QStringLiteral( "map" ), T::Map, true } << RtLayoutTemplate::Item { QStringLiteral( "map key" ), T::Picture, false }
          << RtLayoutTemplate::Item { QStringLiteral( "status chart" ), T::Picture, true } << RtLayoutTemplate::Item { QStringLiteral( "category chart" ), T::Picture, true }
          << RtLayoutTemplate::Item { QStringLiteral( "history chart" ), T::Picture, true };
  }
  else if ( name == QLatin1String( "pack-table.qpt" ) )
  {
    items << RtLayoutTemplate::Item { QStringLiteral( "heading" ), T::Label, true } << RtLayoutTemplate::Item { QStringLiteral( "note" ), T::Label, true }
          << RtLayoutTemplate::Item { QStringLiteral( "table" ), T::Table, true };
  }
  else if ( name == QLatin1String( "pack-figures.qpt" ) )
  {
    items << RtLayoutTemplate::Item { QStringLiteral( "heading" ), T::Label, true } << RtLayoutTemplate::Item { QStringLiteral( "note" ), T::Label, true }
          << RtLayoutTemplate::Item { QStringLiteral( "chart" ), T::Picture, true } << RtLayoutTemplate::Item { QStringLiteral( "table" ), T::Table, true };
  }
  else if ( name == QLatin1String( "pack-place.qpt" ) )
  {
    items << RtLayoutTemplate::Item { QStringLiteral( "heading" ), T::Label, true } << RtLayoutTemplate::Item { QStringLiteral( "note" ), T::Label, true }
          << RtLayoutTemplate::Item { QStringLiteral( "map" ), T::Map, true } << RtLayoutTemplate::Item { QStringLiteral( "map key" ), T::Picture, false }
          << RtLayoutTemplate::Item { QStringLiteral( "table" ), T::Table, true };
  }
  return items;
}

void RtSessionPackData::moveToThread( QThread *thread )
{
  for ( RtMapLayer &l : layers.layers )
    if ( l.layer )
      l.layer->moveToThread( thread );
}

RtResult<RtSessionPackReport> RtSessionPack::make( const RtSessionPackOptions &options, QgsFeedback *feedback )
{
  RtResult<RtSessionPackData> data = prepare( options, feedback );
  if ( !data.ok() )
    return RtResult<RtSessionPackReport>::failureFrom( data );
  return render( data.value(), feedback );
}

RtResult<RtSessionPackData> RtSessionPack::prepare( const RtSessionPackOptions &options, QgsFeedback *feedback )
{
  using Result = RtResult<RtSessionPackData>;
  const RtLang lang = options.lang;
  if ( QFileInfo( options.outputPath ).suffix().toLower() != QLatin1String( "pdf" ) )
    return Result::failure( rtMsg( "RtSessionPack", "%1: the pack is a PDF; the output must end in .pdf" ).arg( options.outputPath ) );
  if ( !options.tablesPath.isEmpty() && QFileInfo( options.tablesPath ).suffix().toLower() != QLatin1String( "xlsx" ) )
    return Result::failure( rtMsg( "RtSessionPack", "%1: the tables are a workbook; the file must end in .xlsx" ).arg( options.tablesPath ) );
  RtStatusResult writable = RtOutputFile::check( options.outputPath, options.overwrite );
  if ( !writable.ok() )
    return Result::failureFrom( writable );
  if ( !options.tablesPath.isEmpty() )
  {
    writable = RtOutputFile::check( options.tablesPath, options.overwrite );
    if ( !writable.ok() )
      return Result::failureFrom( writable );
  }
  if ( !options.templatePath.isEmpty() && !QFileInfo::exists( options.templatePath ) )
    return Result::failure( RtErrorKind::NotFound, rtMsg( "RtSessionPack", "template %1: no such file or folder" ).arg( options.templatePath ) );
  if ( options.units != 2023 && options.units != 2025 )
    return Result::failure( rtMsg( "RtSessionPack", "units must be 2023 or 2025, not %1" ).arg( options.units ) );
  if ( !options.sessionDate.isValid() )
    return Result::failure( rtMsg( "RtSessionPack", "the session date is required" ) );
  if ( options.since.isValid() && options.since >= options.sessionDate )
    return Result::failure( rtMsg( "RtSessionPack", "the last session's date %1 must be before the session date %2" )
                            .arg( options.since.toString( Qt::ISODate ), options.sessionDate.toString( Qt::ISODate ) ) );

  RtResult<std::unique_ptr<RtStore>> opened = RtStore::open( options.registerPath, false );
  if ( !opened.ok() )
    return Result::failureFrom( opened );
  const RtStore &store = *opened.value();
  RtSessionPackData data;
  data.options = options;
  data.document = store.document();
  if ( !options.resolution.isEmpty() && options.resolution.trimmed() != data.document.number )
    return Result::failure( RtErrorKind::NotFound, rtMsg( "RtSessionPack", "%1: the register holds the resolution %2, not %3" )
                            .arg( options.registerPath, data.document.number, options.resolution ) );
  RtResult<QVector<RtTask>> now = RtTasksAsOf::read( store, options.sessionDate );
  if ( !now.ok() )
    return Result::failureFrom( now );
  data.tasks = now.takeValue();
  if ( options.since.isValid() )
  {
    RtResult<QVector<RtTask>> then = RtTasksAsOf::read( store, options.since );
    if ( !then.ok() )
      return Result::failure( then.errorKind(), rtMsg( "RtSessionPack", "--since: %1" ).arg( then.error() ) );
    data.tasksThen = then.takeValue();
  }

  // The histories: the changes since the last session and the latest evidence of each task.
  QHash<QString, QString> latestEvidence;
  //! A status change, or a measured value (\a valueText set; entry has no statuses).
  struct Change { RtHistoryEntry entry; QString title; QString valueText; };
  QVector<Change> changes;
  for ( const RtTask &task : std::as_const( data.tasks ) )
  {
    RtResult<QVector<RtHistoryEntry>> history = store.history( task.id );
    if ( !history.ok() )
      return Result::failureFrom( history );
    for ( const RtHistoryEntry &e : history.value() )
    {
      if ( e.date > options.sessionDate )
        continue;
      if ( !e.evidence.trimmed().isEmpty() )
        latestEvidence.insert( task.id, e.evidence );
      if ( options.since.isValid() && e.oldStatus.has_value() && e.date > options.since )
        changes << Change { e, titleOf( task, lang ), QString() };
    }
    if ( task.target.trimmed().isEmpty() || !options.since.isValid() )
      continue;
    // Measured values reported since the last session, as changes of their own.
    RtResult<QVector<RtValueEntry>> values = store.values( task.id );
    if ( !values.ok() )
      return Result::failureFrom( values );
    for ( const RtValueEntry &v : values.value() )
    {
      if ( v.date <= options.since || v.date > options.sessionDate )
        continue;
      RtHistoryEntry asChange;
      asChange.sequence = v.sequence;
      asChange.taskId = v.taskId;
      asChange.date = v.date;
      asChange.by = v.by;
      asChange.note = v.note;
      asChange.evidence = v.evidence;
      changes << Change { asChange, titleOf( task, lang ),
                          RtTr( lang ).translate( "RtSessionPack", "value: %1" ).arg( RtProgress::text( task, v, lang ) ) };
      ++data.valueChanges;
    }
  }
  std::stable_sort( changes.begin(), changes.end(), []( const Change &a, const Change &b )
  {
    return a.entry.date != b.entry.date ? a.entry.date < b.entry.date : a.entry.sequence < b.entry.sequence;
  } );
  data.changes = changes.size() - data.valueChanges;

  // The status of all tasks month by month, by the one as-of rule.
  const QDate start = data.document.date.isValid() ? data.document.date : options.sessionDate;
  for ( QDate d = QDate( start.year(), start.month(), 1 ).addMonths( 1 ).addDays( -1 ); d < options.sessionDate; d = QDate( d.year(), d.month(), 1 ).addMonths( 2 ).addDays( -1 ) )
    if ( d >= start )
      data.months << d;
  data.months << options.sessionDate;
  for ( const QDate &d : std::as_const( data.months ) )
  {
    RtResult<QHash<QString, RtStatus>> statuses = store.statusesAsOf( d );
    if ( !statuses.ok() )
      return Result::failureFrom( statuses );
    QMap<RtStatus, int> counts;
    for ( const RtTask &task : std::as_const( data.tasks ) )
      counts[statuses.value().value( task.id, RtStatus::NoReport )] += 1;
    data.monthCounts << counts;
  }
  opened = RtResult<std::unique_ptr<RtStore>>::failure( QString() ); // close the register
  if ( feedback )
  {
    if ( feedback->isCanceled() )
      return Result::failure( rtMsg( "RtSessionPack", "cancelled" ) );
    feedback->setProgress( 15 );
  }

  RtResult<RtMapLayerSet> loaded = RtMapLayerSet::load( options.layersPath, data.tasks, options.sessionDate, options.units, options.withDirectives );
  if ( !loaded.ok() )
    return Result::failureFrom( loaded );
  data.layers = loaded.takeValue();
  data.warnings = data.layers.warnings;

  // Names of places by key, and the atlas: every ward (or 2025 unit), then every zone.
  QHash<QString, QString> placeNames;
  auto readPlaces = [&]( RtMapStyle::LayerKind kind, const QString &prefix, const QString &keyField, const QString &nameField, bool atlas )
  {
    RtMapLayer *l = data.layers.find( kind );
    if ( !l || !l->layer )
      return;
    QgsFeatureIterator it = l->layer->getFeatures();
    QgsFeature f;
    QVector<RtPackPlace> found;
    while ( it.nextFeature( f ) )
    {
      const QString key = f.attribute( keyField ).toString();
      const QString name = f.attribute( nameField ).toString();
      placeNames.insert( prefix + QLatin1Char( ':' ) + key, name );
      if ( atlas )
      {
        RtPackPlace p;
        p.kind = prefix;
        p.key = key;
        p.name = name;
        const QString ids = f.fields().indexOf( QStringLiteral( "rt_tasks" ) ) >= 0 ? f.attribute( QStringLiteral( "rt_tasks" ) ).toString() : QString();
        p.taskIds = ids.isEmpty() ? QStringList() : ids.split( QLatin1Char( ',' ) );
        p.status = f.fields().indexOf( QStringLiteral( "rt_status" ) ) >= 0 ? f.attribute( QStringLiteral( "rt_status" ) ).toString() : QString();
        found << p;
      }
    }
    std::sort( found.begin(), found.end(), []( const RtPackPlace &a, const RtPackPlace &b ) { return a.key < b.key; } );
    data.places << found;
  };
  readPlaces( RtMapStyle::LayerKind::Wards, QStringLiteral( "ward" ), QStringLiteral( "gso_code" ), QStringLiteral( "name" ), options.units == 2023 );
  readPlaces( RtMapStyle::LayerKind::Wards2025, QStringLiteral( "ward" ), QStringLiteral( "gso_code" ), QStringLiteral( "name" ), options.units == 2025 );
  readPlaces( RtMapStyle::LayerKind::Zones, QStringLiteral( "zone" ), QStringLiteral( "code" ), QStringLiteral( "name" ), true );
  readPlaces( RtMapStyle::LayerKind::Sites, QStringLiteral( "site" ), QStringLiteral( "site_id" ), QStringLiteral( "name_vi" ), false );
  if ( options.units == 2023 )
  {
    // Ward names are the 2023 ones, whatever the readPlaces order above.
    if ( RtMapLayer *l = data.layers.find( RtMapStyle::LayerKind::Wards ) )
    {
      QgsFeatureIterator it = l->layer->getFeatures();
      QgsFeature f;
      while ( it.nextFeature( f ) )
        placeNames.insert( QStringLiteral( "ward:" ) + f.attribute( QStringLiteral( "gso_code" ) ).toString(), f.attribute( QStringLiteral( "name" ) ).toString() );
    }
  }
  auto placesText = [&]( const RtTask &task )
  {
    QStringList names;
    for ( const QString &p : task.places )
      names << placeNames.value( p, p.section( QLatin1Char( ':' ), 1 ) );
    names.removeDuplicates();
    return names.join( QStringLiteral( ", " ) );
  };

  QHash<QString, const RtTask *> byId;
  for ( const RtTask &task : std::as_const( data.tasks ) )
    byId.insert( task.id, &task );
  QHash<QString, const RtTask *> thenById;
  for ( const RtTask &task : std::as_const( data.tasksThen ) )
    thenById.insert( task.id, &task );

  // Since the last session.
  data.since.sheet = QStringLiteral( "since" );
  data.since.title = RtTr( lang ).translate( "RtSessionPack", "Since the last session" );
  data.since.headings = QStringList { RtTr( lang ).translate( "RtSessionPack", "Date" ), RtTr( lang ).translate( "RtSessionPack", "Task" ), RtTr( lang ).translate( "RtSessionPack", "Change" ),
                                      RtTr( lang ).translate( "RtSessionPack", "By" ), RtTr( lang ).translate( "RtSessionPack", "Evidence" ) };
  data.since.widths = { 13, 40, 25, 18, 30 };
  for ( const Change &c : std::as_const( changes ) )
    data.since.rows << QStringList { dateText( c.entry.date ), QStringLiteral( "%1 (%2)" ).arg( c.title, c.entry.taskId ),
                                     !c.valueText.isEmpty() ? c.valueText
                                     : QStringLiteral( "%1 → %2" ).arg( RtStatuses::label( *c.entry.oldStatus, lang ), RtStatuses::label( c.entry.newStatus, lang ) ),
                                     c.entry.by, clipped( c.entry.evidence.isEmpty() ? c.entry.note : c.entry.evidence, 160 ) };
  if ( options.since.isValid() )
  {
    for ( const RtTask &task : std::as_const( data.tasks ) )
    {
      const RtTask *then = thenById.value( task.id );
      if ( !then )
        continue;
      const bool overdueNow = RtStatuses::isOverdue( task.status, task.deadline, options.sessionDate );
      const bool overdueThen = RtStatuses::isOverdue( then->status, then->deadline, options.since );
      if ( overdueNow && !overdueThen )
      {
        data.newlyOverdue << task.id;
        data.since.rows << QStringList { dateText( task.deadline.date().addDays( 1 ) ), QStringLiteral( "%1 (%2)" ).arg( titleOf( task, lang ), task.id ),
                                         RtTr( lang ).translate( "RtSessionPack", "overdue (due %1)" ).arg( dateText( task.deadline.date() ) ), QString(), QString() };
      }
      if ( task.status == RtStatus::Done && then->status != RtStatus::Done )
        data.newlyDone << task.id;
    }
  }

  // The figures the resolution set: every task with a target.
  data.figures.sheet = QStringLiteral( "figures" );
  data.figures.title = RtTr( lang ).translate( "RtSessionPack", "The figures the resolution set" );
  data.figures.headings = QStringList { RtTr( lang ).translate( "RtSessionPack", "Task" ), RtTr( lang ).translate( "RtSessionPack", "Target" ), RtTr( lang ).translate( "RtSessionPack", "Latest value" ),
                                        RtTr( lang ).translate( "RtSessionPack", "Status" ), RtTr( lang ).translate( "RtSessionPack", "Due" ) };
  data.figures.widths = { 42, 22, 18, 14, 14 };
  for ( const RtTask &task : std::as_const( data.tasks ) )
  {
    if ( task.target.trimmed().isEmpty() )
      continue;
    const QString label = QStringLiteral( "%1 (%2)" ).arg( titleOf( task, lang ), task.id );
    const QString valueText = task.latestValue ? RtProgress::text( task, lang ) : RtTr( lang ).translate( "RtSessionPack", "no value reported" );
    data.figures.rows << QStringList { label, task.target, valueText, RtStatuses::label( task.status, lang ), deadlineText( task ) };
    // The bar shows a share only where value and target are in one unit.
    const std::optional<double> share = RtProgress::share( task );
    data.figureChart << RtPackCharts::Figure { label, task.target, share ? task.targetFigure->value : 0, share.has_value(),
                                               share ? task.latestValue->value : 0, valueText };
  }

  // The land cases: aggregates only (the cadastre's key fields; never a name).
  QMap<QString, CaseCounts> cadastre;
  if ( !options.cadastre.isEmpty() )
  {
    RtResult<QMap<QString, CaseCounts>> read = readCadastre( options.cadastre );
    if ( !read.ok() )
      return Result::failureFrom( read );
    cadastre = read.takeValue();
    data.cadastreRead = true;
  }
  data.land.sheet = QStringLiteral( "land" );
  data.land.title = RtTr( lang ).translate( "RtSessionPack", "Land cases" );
  data.land.headings = QStringList { RtTr( lang ).translate( "RtSessionPack", "Case (task)" ), RtTr( lang ).translate( "RtSessionPack", "Place" ), RtTr( lang ).translate( "RtSessionPack", "Status" ),
                                     RtTr( lang ).translate( "RtSessionPack", "Due" ), RtTr( lang ).translate( "RtSessionPack", "Dossiers (parcels) by status" ) };
  data.land.widths = { 36, 22, 14, 12, 26 };
  for ( const RtTask &task : std::as_const( data.tasks ) )
  {
    if ( task.category != QLatin1String( "dat_dai" ) )
      continue;
    QStringList counts;
    for ( const QString &place : task.places )
    {
      if ( !place.startsWith( QLatin1String( "site:" ) ) || !cadastre.contains( place.mid( 5 ) ) )
        continue;
      const CaseCounts &c = cadastre.value( place.mid( 5 ) );
      for ( auto it = c.dossiers.cbegin(); it != c.dossiers.cend(); ++it )
        counts << QStringLiteral( "%1: %2 (%3)" ).arg( it.key(), rtNumberText( it.value(), lang ), rtNumberText( c.parcels.value( it.key() ).size(), lang ) );
    }
    data.land.rows << QStringList { QStringLiteral( "%1 (%2)" ).arg( titleOf( task, lang ), task.id ), placesText( task ), RtStatuses::label( task.status, lang ),
                                    deadlineText( task ), counts.isEmpty() ? QStringLiteral( "—" ) : counts.join( QStringLiteral( "; " ) ) };
  }

  // The appendix: every task.
  data.appendix.sheet = QStringLiteral( "appendix" );
  data.appendix.title = RtTr( lang ).translate( "RtSessionPack", "Appendix: all tasks" );
  data.appendix.headings = QStringList { RtTr( lang ).translate( "RtSessionPack", "Id" ), RtTr( lang ).translate( "RtSessionPack", "Task" ), RtTr( lang ).translate( "RtSessionPack", "Clause" ),
                                         RtTr( lang ).translate( "RtSessionPack", "Status" ), RtTr( lang ).translate( "RtSessionPack", "Due" ), RtTr( lang ).translate( "RtSessionPack", "Evidence" ) };
  data.appendix.widths = { 17, 33, 14, 13, 12, 31 };
  for ( const RtTask &task : std::as_const( data.tasks ) )
  {
    QString status = RtStatuses::label( task.status, lang );
    if ( RtStatuses::isOverdue( task.status, task.deadline, options.sessionDate ) )
      status += QStringLiteral( ", " ) + RtStatuses::overdueLabel( lang ).toLower();
    if ( task.latestValue )
      status += QStringLiteral( "; " ) + RtProgress::text( task, lang );
    data.appendix.rows << QStringList { task.id, titleOf( task, lang ), task.clausePath.join( QLatin1Char( ' ' ) ), status, deadlineText( task ),
                                        clipped( latestEvidence.value( task.id, task.statusQuote ), 140 ) };
  }

  // Each place's tasks.
  for ( const RtPackPlace &place : std::as_const( data.places ) )
  {
    RtPackTable t;
    t.sheet = QStringLiteral( "%1 %2" ).arg( place.kind, place.key ).left( 31 );
    t.title = place.name;
    t.headings = QStringList { RtTr( lang ).translate( "RtSessionPack", "Id" ), RtTr( lang ).translate( "RtSessionPack", "Task" ), RtTr( lang ).translate( "RtSessionPack", "Status" ), RtTr( lang ).translate( "RtSessionPack", "Due" ),
                               RtTr( lang ).translate( "RtSessionPack", "Overdue" ) };
    t.widths = { 24, 42, 16, 14, 11 };
    for ( const QString &id : place.taskIds )
      if ( const RtTask *task = byId.value( id ) )
        t.rows << QStringList { task->id, titleOf( *task, lang ), RtProgress::statusText( *task, lang ), deadlineText( *task ),
                                overdueText( *task, options.sessionDate, lang ) };
    data.placeTables.insert( place.kind + QLatin1Char( ':' ) + place.key, t );
  }
  if ( feedback )
  {
    if ( feedback->isCanceled() )
      return Result::failure( rtMsg( "RtSessionPack", "cancelled" ) );
    feedback->setProgress( 30 );
  }
  return Result::success( std::move( data ) );
}

RtResult<RtSessionPackReport> RtSessionPack::render( RtSessionPackData &data, QgsFeedback *feedback )
{
  using Result = RtResult<RtSessionPackReport>;
  const RtSessionPackOptions &options = data.options;
  const RtLang lang = options.lang;
  RtSessionPackReport report;
  report.outputPath = options.outputPath;
  report.tablesPath = options.tablesPath;
  report.warnings = data.warnings;

  QTemporaryDir scratch;
  if ( !scratch.isValid() )
    return Result::failure( RtErrorKind::Unavailable, rtMsg( "RtSessionPack", "no temporary folder for the charts" ) );
  QgsProject project;
  project.setCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:5899" ) ) );
  // Same inputs, same pages: labels are placed by one thread in one pass, with no time-outs.
  QgsLabelingEngineSettings labeling = project.labelingEngineSettings();
  labeling.setFlag( QgsLabelingEngineSettings::UsePartialCandidates, false );
  project.setLabelingEngineSettings( labeling );

  Builder b { data, project, scratch, {}, {}, {} };
  QgsRectangle cityExtent;
  for ( RtMapLayer &l : data.layers.layers )
  {
    RtMapStyle::LayerKind styleKind = l.kind;
    if ( data.layers.units == 2025 )
    {
      if ( l.kind == RtMapStyle::LayerKind::Wards )
        continue;
      if ( l.kind == RtMapStyle::LayerKind::Wards2025 )
        styleKind = RtMapStyle::LayerKind::Wards;
    }
    else if ( l.kind == RtMapStyle::LayerKind::Wards2025 )
      continue;
    const QString styleError = RtMapStyle::applyQml( l.layer.get(), styleKind, false );
    if ( !styleError.isEmpty() )
      return Result::failure( styleError );
    l.layer->setName( RtMapStyle::layerTitle( l.kind ) );
    // Same inputs, same pages: QGIS 3.22's labelling engine keeps its label layers in an
    // unordered_map keyed by the provider's address (pal::Pal::mLayers), so where two layers'
    // labels compete, which one wins follows the heap addresses of the run (a ward's name
    // moved between two runs). One layer labelled per map leaves nothing to that order: the
    // wards are named, zones and sites are told apart by their outlines and the key.
    if ( styleKind != RtMapStyle::LayerKind::Wards )
      l.layer->setLabelsEnabled( false );
    QgsVectorLayer *layer = l.layer.release();
    project.addMapLayer( layer, false );
    b.mapLayers.prepend( layer );
    b.byKind.insert( styleKind, layer );
    if ( styleKind == RtMapStyle::LayerKind::Wards || styleKind == RtMapStyle::LayerKind::Zones )
    {
      const QgsRectangle e = extentIn( layer->extent(), layer, project );
      if ( cityExtent.isNull() )
        cityExtent = e;
      else
        cityExtent.combineExtentWith( e );
    }
  }

  const QString header = RtTr( lang ).translate( "RtSessionPack", "Resolution No. %1 of %2 — Session of %3" )
                         .arg( data.document.number, dateText( data.document.date ), dateText( options.sessionDate ) );
  const QString rule = options.withDirectives
                       ? RtTr( lang ).translate( "RtSessionPack", "A place's colour: every task that names it, directive items included." )
                       : RtTr( lang ).translate( "RtSessionPack", "A place's colour: the concrete commitments that name it; directive items colour it only where no commitment names it." );
  const RtSummary summary = RtSummary::compute( data.tasks, options.sessionDate );

  // Cover.
  {
    RtResult<RtLayoutTemplate *> made = b.newPage( QStringLiteral( "pack-cover.qpt" ) );
    if ( !made.ok() )
      return Result::failureFrom( made );
    RtLayoutTemplate *t = made.value();
    const QString body = data.document.body.isEmpty() ? RtTr( lang ).translate( "RtSessionPack", "People's Council" ) : data.document.body;
    t->setText( QStringLiteral( "council" ), body.toUpper() );
    QString session = data.document.term.startYear > 0
                      ? RtTr( lang ).translate( "RtSessionPack", "Term %1–%2" ).arg( data.document.term.startYear ).arg( data.document.term.endYear )
                      : QString();
    if ( !data.document.session.isEmpty() )
      session += ( session.isEmpty() ? QString() : QStringLiteral( "\n" ) ) + RtTr( lang ).translate( "RtSessionPack", "Resolution passed at: %1" ).arg( data.document.session );
    t->setText( QStringLiteral( "session" ), session );
    t->setText( QStringLiteral( "title" ), RtTr( lang ).translate( "RtSessionPack", "Session pack: how the resolution stands" ) );
    t->setText( QStringLiteral( "date" ), RtTr( lang ).translate( "RtSessionPack", "Session of %1" ).arg( dateText( options.sessionDate ) ) );
    t->setText( QStringLiteral( "resolutions" ), RtTr( lang ).translate( "RtSessionPack", "Resolution No. %1 of %2\n%3\n(%4 tasks)" )
                .arg( data.document.number, dateText( data.document.date ), data.document.title, rtNumberText( data.tasks.size(), lang ) ) );
    t->setText( QStringLiteral( "since" ), options.since.isValid()
                ? RtTr( lang ).translate( "RtSessionPack", "Compared with the last session of %1" ).arg( dateText( options.since ) )
                : RtTr( lang ).translate( "RtSessionPack", "No earlier session to compare with" ) );
    t->setText( QStringLiteral( "rule" ), rule );
    t->setText( QStringLiteral( "maker" ), RtTr( lang ).translate( "RtSessionPack", "Made with Resolution Tracker from the register %1; statuses as of %2." )
                .arg( QFileInfo( options.registerPath ).fileName(), dateText( options.sessionDate ) ) );
  }

  // Overview.
  {
    RtResult<RtLayoutTemplate *> made = b.newPage( QStringLiteral( "pack-overview.qpt" ) );
    if ( !made.ok() )
      return Result::failureFrom( made );
    RtLayoutTemplate *t = made.value();
    t->setText( QStringLiteral( "heading" ), RtTr( lang ).translate( "RtSessionPack", "Overview as of %1" ).arg( dateText( options.sessionDate ) ) );
    t->setText( QStringLiteral( "note" ), RtTr( lang ).translate( "RtSessionPack", "%1 tasks, %2 overdue. %3" )
                .arg( rtNumberText( summary.total, lang ), rtNumberText( summary.overdue.size(), lang ), rule ) );
    b.setMap( t, cityExtent, nullptr );
    const QVector<RtPackCharts::Series> series = statusSeries( lang );
    QVector<RtPackCharts::Bar> byStatus;
    const QVector<RtStatus> statuses = RtStatuses::all();
    for ( int i = 0; i < statuses.size(); ++i )
    {
      RtPackCharts::Bar bar { RtStatuses::label( statuses.at( i ), lang ), QVector<double>( statuses.size(), 0 ) };
      bar.values[i] = summary.byStatus.value( statuses.at( i ) );
      byStatus << bar;
    }
    b.placeChart( t, QStringLiteral( "status chart" ), RtPackCharts::horizontalBars( RtTr( lang ).translate( "RtSessionPack", "Tasks by status" ), series, byStatus,
                  b.sizeOf( t, QStringLiteral( "status chart" ) ), false ) );
    QVector<RtPackCharts::Bar> byCategory;
    for ( const QString &code : RtCategories::codes() )
    {
      if ( !summary.byCategory.contains( code ) )
        continue;
      RtPackCharts::Bar bar { RtCategories::label( code, lang ), {} };
      for ( RtStatus s : statuses )
        bar.values << summary.byCategory.value( code ).value( s );
      byCategory << bar;
    }
    b.placeChart( t, QStringLiteral( "category chart" ), RtPackCharts::horizontalBars( RtTr( lang ).translate( "RtSessionPack", "Tasks by category" ), series, byCategory,
                  b.sizeOf( t, QStringLiteral( "category chart" ) ) ) );
    QVector<RtPackCharts::Bar> months;
    for ( int i = 0; i < data.months.size(); ++i )
    {
      RtPackCharts::Bar bar { data.months.at( i ).toString( QStringLiteral( "MM/yy" ) ), {} };
      for ( RtStatus s : statuses )
        bar.values << data.monthCounts.at( i ).value( s );
      months << bar;
    }
    b.placeChart( t, QStringLiteral( "history chart" ), RtPackCharts::stackedColumns( RtTr( lang ).translate( "RtSessionPack", "Status of all tasks by month" ),
                  series, months, b.sizeOf( t, QStringLiteral( "history chart" ) ) ) );
  }

  // Since the last session.
  {
    QString note;
    if ( !options.since.isValid() )
      note = RtTr( lang ).translate( "RtSessionPack", "No earlier session to compare with (no --since)." );
    else
      note = RtTr( lang ).translate( "RtSessionPack", "From %1 to %2: %3 status changes, %6 values reported; newly overdue: %4; newly done: %5." )
             .arg( dateText( options.since ), dateText( options.sessionDate ), rtNumberText( data.changes, lang ),
                   data.newlyOverdue.isEmpty() ? RtTr( lang ).translate( "RtSessionPack", "none" ) : data.newlyOverdue.join( QStringLiteral( ", " ) ),
                   data.newlyDone.isEmpty() ? RtTr( lang ).translate( "RtSessionPack", "none" ) : data.newlyDone.join( QStringLiteral( ", " ) ),
                   rtNumberText( data.valueChanges, lang ) );
    const RtStatusResult made = b.tablePages( data.since, note, options.since.isValid() ? RtTr( lang ).translate( "RtSessionPack", "No change." )
                                               : RtTr( lang ).translate( "RtSessionPack", "No earlier session to compare with." ) );
    if ( !made.ok() )
      return Result::failureFrom( made );
  }

  // The figures.
  {
    RtResult<RtLayoutTemplate *> made = b.newPage( QStringLiteral( "pack-figures.qpt" ) );
    if ( !made.ok() )
      return Result::failureFrom( made );
    RtLayoutTemplate *t = made.value();
    t->setText( QStringLiteral( "heading" ), data.figures.title );
    t->setText( QStringLiteral( "note" ), RtTr( lang ).translate( "RtSessionPack", "Targets as the resolution states them; values are the latest reported up to %1." ).arg( dateText( options.sessionDate ) ) );
    b.placeChart( t, QStringLiteral( "chart" ), RtPackCharts::figures( QString(), data.figureChart, b.sizeOf( t, QStringLiteral( "chart" ) ),
                  RtMapStyle::statusColor( RtFeatureStatus::Done ) ) );
    QgsLayoutItemManualTable *qt = t->table( QStringLiteral( "table" ) );
    setColumns( qt, t->templateRect( QStringLiteral( "table" ) ).width(), data.figures );
    qt->setTableContents( contentsOf( qt, data.figures.rows, 0, data.figures.rows.size() ) );
  }

  // The atlas.
  {
    const QHash<QString, QString> kindTitle { { QStringLiteral( "ward" ), options.units == 2025 ? RtTr( lang ).translate( "RtSessionPack", "Administrative unit 2025" )
                                                                                               : RtTr( lang ).translate( "RtSessionPack", "Ward or commune" ) },
                                              { QStringLiteral( "zone" ), RtTr( lang ).translate( "RtSessionPack", "Planning zone" ) } };
    for ( const RtPackPlace &place : std::as_const( data.places ) )
    {
      RtResult<RtLayoutTemplate *> made = b.newPage( QStringLiteral( "pack-place.qpt" ) );
      if ( !made.ok() )
        return Result::failureFrom( made );
      RtLayoutTemplate *t = made.value();
      const RtPackTable &table = data.placeTables[place.kind + QLatin1Char( ':' ) + place.key];
      int overdue = 0;
      for ( const QStringList &row : table.rows )
        overdue += row.last().isEmpty() ? 0 : 1;
      t->setText( QStringLiteral( "heading" ), QStringLiteral( "%1: %2 (%3)" ).arg( kindTitle.value( place.kind ), place.name, place.key ) );
      RtFeatureStatus status = RtFeatureStatus::None;
      for ( RtFeatureStatus s : RtFeatureStatuses::all() )
        if ( RtFeatureStatuses::code( s ) == place.status )
          status = s;
      t->setText( QStringLiteral( "note" ), RtTr( lang ).translate( "RtSessionPack", "Status on the map: %1. %2 tasks, %3 overdue, as of %4." )
                  .arg( RtFeatureStatuses::label( status, lang ), rtNumberText( table.rows.size(), lang ), rtNumberText( overdue, lang ), dateText( options.sessionDate ) ) );
      // The map: zoomed to the place, outlined on top of the status colours.
      QgsVectorLayer *source = b.byKind.value( place.kind == QLatin1String( "zone" ) ? RtMapStyle::LayerKind::Zones : RtMapStyle::LayerKind::Wards );
      QgsRectangle extent;
      QgsVectorLayer *focus = nullptr;
      if ( source )
      {
        const QString field = place.kind == QLatin1String( "zone" ) ? QStringLiteral( "code" ) : QStringLiteral( "gso_code" );
        QgsFeatureIterator it = source->getFeatures( QgsFeatureRequest().setFilterExpression( QgsExpression::createFieldEqualityExpression( field, place.key ) ) );
        QgsFeature f;
        if ( it.nextFeature( f ) && f.hasGeometry() )
        {
          extent = extentIn( f.geometry().boundingBox(), source, project );
          auto layer = std::make_unique<QgsVectorLayer>( QStringLiteral( "Polygon?crs=%1" ).arg( source->crs().authid() ), QStringLiteral( "focus" ), QStringLiteral( "memory" ) );
          QgsFeature copy;
          copy.setGeometry( f.geometry() );
          layer->dataProvider()->addFeatures( QgsFeatureList() << copy );
          auto *outline = new QgsSimpleFillSymbolLayer( QColor( 0, 0, 0, 0 ), Qt::NoBrush, QColor( 26, 26, 26 ), Qt::SolidLine, 1.2 );
          layer->setRenderer( new QgsSingleSymbolRenderer( new QgsFillSymbol( QgsSymbolLayerList() << outline ) ) );
          focus = layer.release();
          project.addMapLayer( focus, false );
        }
      }
      if ( extent.isNull() )
      {
        extent = cityExtent;
        report.warnings << rtMsg( "RtSessionPack", "%1 %2 has no geometry on the map: its page shows the whole city" ).arg( place.kind, place.key );
      }
      b.setMap( t, extent, focus );
      QgsLayoutItemManualTable *qt = t->table( QStringLiteral( "table" ) );
      const QRectF frame = t->templateRect( QStringLiteral( "table" ) );
      setColumns( qt, frame.width(), table );
      if ( table.rows.isEmpty() )
      {
        qt->setTableContents( contentsOf( qt, { QStringList { QString(), RtTr( lang ).translate( "RtSessionPack", "No task names this place." ), QString(), QString(), QString() } }, 0, 1 ) );
      }
      else
      {
        qt->setTableContents( contentsOf( qt, table.rows, 0, table.rows.size() ) );
        const int fit = rowsFitting( qt, frame.height() );
        if ( fit < table.rows.size() )
        {
          // The rest are in the appendix (and all of them in the workbook).
          QVector<QStringList> rows = table.rows.mid( 0, std::max( 0, fit - 1 ) );
          rows << QStringList { QString(), RtTr( lang ).translate( "RtSessionPack", "… and %1 more tasks (see the appendix)" )
                                .arg( rtNumberText( table.rows.size() - rows.size(), lang ) ), QString(), QString(), QString() };
          qt->setTableContents( contentsOf( qt, rows, 0, rows.size() ) );
        }
      }
      ++report.placePages;
      if ( feedback )
      {
        if ( feedback->isCanceled() )
          return Result::failure( rtMsg( "RtSessionPack", "cancelled" ) );
        feedback->setProgress( 30 + 30.0 * report.placePages / std::max( 1, static_cast<int>( data.places.size() ) ) );
      }
    }
  }

  // The land cases.
  {
    const QString note = data.cadastreRead
                         ? RtTr( lang ).translate( "RtSessionPack", "The register's land tasks; dossiers (parcels) by status from the cadastre layer, aggregates only, no land user's name is printed." )
                         : RtTr( lang ).translate( "RtSessionPack", "The register's land tasks. No cadastre layer (--cadastre): dossiers and parcels are not counted." );
    const RtStatusResult made = b.tablePages( data.land, note, RtTr( lang ).translate( "RtSessionPack", "No land task." ) );
    if ( !made.ok() )
      return Result::failureFrom( made );
  }
  // The appendix.
  {
    const RtStatusResult made = b.tablePages( data.appendix, RtTr( lang ).translate( "RtSessionPack", "Statuses as of %1; evidence: the latest report, or the resolution's words." ).arg( dateText( options.sessionDate ) ),
                                              QString() );
    if ( !made.ok() )
      return Result::failureFrom( made );
  }

  // Running header and page numbers, now that the pages are counted.
  const int total = b.pages.size();
  for ( int i = 0; i < total; ++i )
  {
    RtLayoutTemplate *t = b.pages[i].t.get();
    t->setText( QStringLiteral( "header" ), header );
    t->setText( QStringLiteral( "page" ), RtTr( lang ).translate( "RtSessionPack", "Page %1 of %2" ).arg( i + 1 ).arg( total ) );
  }

  // The PDF: every page through one painter, each at its template's page size.
  RtOutputFile output( options.outputPath, options.overwrite );
  if ( !output.ok() )
    return Result::failure( output.error() );
  {
    QPdfWriter writer( output.temporaryPath() );
    writer.setResolution( options.dpi > 0 ? options.dpi : 300 );
    writer.setCreator( QStringLiteral( "Resolution Tracker" ) );
    writer.setTitle( header );
    QPainter painter;
    for ( int i = 0; i < total; ++i )
    {
      QgsPrintLayout *layout = b.pages[i].t->layout();
      QgsLayoutRenderContext &context = layout->renderContext();
      context.setDpi( writer.resolution() );
      context.setFlag( QgsLayoutRenderContext::FlagForceVectorOutput, true );
      context.setFlag( QgsLayoutRenderContext::FlagAntialiasing, true );
      context.setTextRenderFormat( Qgis::TextRenderFormat::AlwaysText );
      const QgsLayoutItemPage *pageItem = layout->pageCollection()->page( 0 );
      const QSizeF mm = layout->convertToLayoutUnits( pageItem->pageSize() );
      const QPageLayout pageLayout( QPageSize( mm, QPageSize::Millimeter ), QPageLayout::Portrait, QMarginsF( 0, 0, 0, 0 ) );
      if ( i == 0 )
      {
        writer.setPageLayout( pageLayout );
        if ( !painter.begin( &writer ) )
          return Result::failure( rtMsg( "RtSessionPack", "%1: the PDF could not be started" ).arg( options.outputPath ) );
      }
      else
      {
        writer.setPageLayout( pageLayout );
        writer.newPage();
      }
      layout->refresh(); // as QgsLayoutExporter does before an export: data-defined values, tables, maps
      QgsLayoutExporter exporter( layout );
      painter.save();
      exporter.renderPage( &painter, 0 );
      painter.restore();
      // The charts, in the places of their pictures: the page (mm) fills the device (pixels).
      const double pxPerMm = painter.device()->width() / mm.width();
      for ( const PlacedChart &placed : b.pages[i].charts )
      {
        const QRectF place( placed.place->pos() * pxPerMm, placed.place->rect().size() * pxPerMm );
        placed.chart.paintInto( painter, place );
      }
      if ( feedback )
      {
        if ( feedback->isCanceled() )
        {
          painter.end();
          return Result::failure( rtMsg( "RtSessionPack", "cancelled" ) );
        }
        feedback->setProgress( 60 + 35.0 * ( i + 1 ) / total );
      }
    }
    painter.end();
  }
  report.pages = total;

  std::unique_ptr<RtOutputFile> tables;
  if ( !options.tablesPath.isEmpty() )
  {
    tables = std::make_unique<RtOutputFile>( options.tablesPath, options.overwrite );
    if ( !tables->ok() )
      return Result::failure( tables->error() );
    QVector<const RtPackTable *> list { &data.since, &data.figures, &data.land, &data.appendix };
    for ( const RtPackPlace &place : std::as_const( data.places ) )
      list << &data.placeTables[place.kind + QLatin1Char( ':' ) + place.key];
    // GDAL's zip layer misreads a name with ".xlsx." inside (RtOutputFile's temporary name):
    // the workbook is made in the scratch folder, then copied into the temporary file.
    const QString made = scratch.filePath( QStringLiteral( "tables.xlsx" ) );
    const RtStatusResult written = writeXlsx( made, list );
    if ( !written.ok() )
      return Result::failure( written.errorKind(), QString( written.error() ).replace( made, options.tablesPath ) );
    QFile from( made ), to( tables->temporaryPath() );
    if ( !from.open( QIODevice::ReadOnly ) || !to.open( QIODevice::WriteOnly | QIODevice::Truncate ) || to.write( from.readAll() ) != from.size() || !to.flush() )
      return Result::failure( RtErrorKind::Unavailable, rtMsg( "RtSessionPack", "%1: cannot write the workbook (%2)" ).arg( options.tablesPath, to.errorString() ) );
    to.close();
  }
  // Both files are complete: only now are they put in place.
  RtStatusResult committed = output.commit();
  if ( !committed.ok() )
    return Result::failureFrom( committed );
  if ( tables )
  {
    committed = tables->commit();
    if ( !committed.ok() )
      return Result::failureFrom( committed );
  }
  return Result::success( report );
}
