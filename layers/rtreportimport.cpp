#include "rtreportimport.h"
#include "rttr.h"
#include "rtprogress.h"

#include "rtstore.h"
#include "rtstorebackend.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_error.h>
#include <cpl_conv.h>
#include <cpl_string.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace
{
  struct DatasetCloser
  {
    void operator()( void *ds ) const { GDALClose( ds ); }
  };
  using Dataset = std::unique_ptr<void, DatasetCloser>;

  //! A GDAL configuration option set on this thread for a scope, then put back.
  class ConfigOption
  {
    public:
      ConfigOption( const char *key, const char *value )
        : mKey( key )
      {
        const char *old = CPLGetThreadLocalConfigOption( key, nullptr );
        mHadOld = old != nullptr;
        if ( mHadOld )
          mOld = old;
        CPLSetThreadLocalConfigOption( key, value );
      }
      ~ConfigOption() { CPLSetThreadLocalConfigOption( mKey, mHadOld ? mOld.constData() : nullptr ); }
      ConfigOption( const ConfigOption & ) = delete;
      ConfigOption &operator=( const ConfigOption & ) = delete;

    private:
      const char *mKey;
      QByteArray mOld;
      bool mHadOld = false;
  };

  //! The machine key of a heading: "… [new_status]", or the bare key.
  QString keyOf( const QString &heading )
  {
    static const QRegularExpression sKey( QStringLiteral( "\\[([A-Za-z_]+)\\]\\s*$" ) );
    const QRegularExpressionMatch m = sKey.match( heading );
    return ( m.hasMatch() ? m.captured( 1 ) : heading.trimmed() ).toLower();
  }

  //! A date as a person or a spreadsheet program writes it: 2024-06-20, 2024/06/20, 20/06/2024 (a time after it ignored).
  QDate parseDateText( const QString &text )
  {
    static const QRegularExpression sYmd( QStringLiteral( "^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?$" ) );
    static const QRegularExpression sDmy( QStringLiteral( "^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$" ) );
    const QString t = text.trimmed();
    QRegularExpressionMatch m = sYmd.match( t );
    if ( m.hasMatch() )
      return QDate( m.captured( 1 ).toInt(), m.captured( 2 ).toInt(), m.captured( 3 ).toInt() );
    m = sDmy.match( t );
    if ( m.hasMatch() )
      return QDate( m.captured( 3 ).toInt(), m.captured( 2 ).toInt(), m.captured( 1 ).toInt() );
    return QDate();
  }

  //! One row of the sheet: its cells by column key.
  struct SheetRow
  {
    int row = 0;
    QHash<QString, QString> text;
    QDate date;               //!< the date column, read from a date cell or its text
    bool dateUnreadable = false;
    std::optional<double> number; //!< the value column, when it is a number cell
  };

  RtResult<QVector<SheetRow>> readSheet( const QString &path, QString *firstSheet )
  {
    using Result = RtResult<QVector<SheetRow>>;
    const QString driver = RtReportForm::driverFor( path );
    if ( driver.isEmpty() )
      return Result::failure( rtMsg( "RtReportImport", "%1: a report form is an .xlsx, .ods or .csv file" ).arg( path ) );
    if ( !QFileInfo::exists( path ) )
      return Result::failure( RtErrorKind::NotFound, rtMsg( "RtReportImport", "%1: no such file" ).arg( path ) );
    const QByteArray driverName = driver.toUtf8();
    const char *drivers[] = { driverName.constData(), nullptr };
    // The headings row is a row of text like the rows under it: tell GDAL it is the header
    // (GDAL 3.6 reads XLSX and ODS sheets lazily, under these options; the CSV driver has an open option).
    const ConfigOption xlsxHeaders( "OGR_XLSX_HEADERS", "FORCE" );
    const ConfigOption odsHeaders( "OGR_ODS_HEADERS", "FORCE" );
    char **options = driver == QLatin1String( "CSV" ) ? CSLSetNameValue( nullptr, "HEADERS", "YES" ) : nullptr;
    CPLErrorReset();
    Dataset ds( GDALOpenEx( path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options, nullptr ) );
    CSLDestroy( options );
    if ( !ds || GDALDatasetGetLayerCount( ds.get() ) == 0 )
      return Result::failure( rtMsg( "RtReportImport", "%1: cannot be read as a %2 spreadsheet (%3)" ).arg( path, driver, QString::fromUtf8( CPLGetLastErrorMsg() ) ) );
    OGRLayerH layer = GDALDatasetGetLayer( ds.get(), 0 );
    *firstSheet = QString::fromUtf8( OGR_L_GetName( layer ) );
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn( layer );
    QHash<QString, int> columns;
    for ( int i = 0; i < OGR_FD_GetFieldCount( defn ); ++i )
      columns.insert( keyOf( QString::fromUtf8( OGR_Fld_GetNameRef( OGR_FD_GetFieldDefn( defn, i ) ) ) ), i );
    const QStringList keys = RtReportForm::columnKeys();
    for ( const QString &key : keys )
    {
      if ( !columns.contains( key ) )
        return Result::failure( rtMsg( "RtReportImport", "%1: not an office report form: the column \"%2\" is missing (sheet \"%3\", row 1)" )
                                .arg( path, RtReportForm::heading( key ), *firstSheet ) );
    }
    QVector<SheetRow> rows;
    OGR_L_ResetReading( layer );
    int row = 1; // the headings
    while ( OGRFeatureH f = OGR_L_GetNextFeature( layer ) )
    {
      SheetRow r;
      r.row = ++row;
      for ( const QString &key : keys )
      {
        const int i = columns.value( key );
        if ( !OGR_F_IsFieldSetAndNotNull( f, i ) )
          continue;
        const OGRFieldType type = OGR_Fld_GetType( OGR_F_GetFieldDefnRef( f, i ) );
        if ( key == QLatin1String( "date" ) && ( type == OFTDate || type == OFTDateTime ) )
        {
          int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
          float ss = 0;
          OGR_F_GetFieldAsDateTimeEx( f, i, &y, &m, &d, &hh, &mm, &ss, &tz );
          r.date = QDate( y, m, d );
          r.text.insert( key, r.date.toString( Qt::ISODate ) );
          continue;
        }
        if ( key == QLatin1String( "value" ) && ( type == OFTReal || type == OFTInteger || type == OFTInteger64 ) )
          r.number = OGR_F_GetFieldAsDouble( f, i );
        const QString text = QString::fromUtf8( OGR_F_GetFieldAsString( f, i ) ).trimmed();
        if ( !text.isEmpty() )
          r.text.insert( key, text );
      }
      OGR_F_Destroy( f );
      if ( r.text.contains( QStringLiteral( "date" ) ) && !r.date.isValid() )
      {
        r.date = parseDateText( r.text.value( QStringLiteral( "date" ) ) );
        r.dateUnreadable = !r.date.isValid();
      }
      rows << r;
    }
    return Result::success( rows );
  }

  QString statusWords( RtStatus status )
  {
    return QStringLiteral( "%1 (%2)" ).arg( RtStatuses::label( status, RtLang::Vi ), RtStatuses::code( status ) );
  }

  //! "changed since the form was made": the form's and the register's status, and the change that differs.
  QString conflictMessage( const RtReportFormInfo &form, const QString &taskId, const std::optional<RtStatus> &formStatus, const RtStore &store )
  {
    const RtResult<RtTask> task = store.task( taskId );
    QString message = rtMsg( "RtReportImport", "%1 changed since the form was made (%2): the form says %3, the register now says %4" )
                      .arg( taskId, form.madeAt.toString( Qt::ISODate ),
                            formStatus ? statusWords( *formStatus ) : QStringLiteral( "nothing" ),
                            task.ok() ? statusWords( task.value().status ) : QStringLiteral( "?" ) );
    const RtResult<QVector<RtHistoryEntry>> history = store.history( taskId );
    if ( history.ok() && !history.value().isEmpty() )
    {
      const RtHistoryEntry &last = history.value().constLast();
      message += rtMsg( "RtReportImport", " (recorded by %1, dated %2)" ).arg( last.by, last.date.toString( Qt::ISODate ) );
    }
    return message;
  }
}

RtResult<RtReportImportOutcome> RtReportImport::import( RtStore &store, const QString &path, const QString &by, bool dryRun )
{
  using Result = RtResult<RtReportImportOutcome>;
  if ( by.trimmed().isEmpty() )
    return Result::failure( rtMsg( "RtReportImport", "say who reports: the person or office importing the form is required" ) );
  QString sheet;
  RtResult<QVector<SheetRow>> read = readSheet( path, &sheet );
  if ( !read.ok() )
    return Result::failureFrom( read );

  RtReportImportOutcome outcome;
  const QVector<SheetRow> &rows = read.value();
  const auto formRow = std::find_if( rows.cbegin(), rows.cend(), []( const SheetRow &r ) { return r.text.value( QStringLiteral( "id" ) ) == RtReportForm::formRowId(); } );
  if ( formRow == rows.cend() || !RtReportForm::parseInfoText( formRow->text.value( QStringLiteral( "title" ) ), outcome.form ) )
    return Result::failure( rtMsg( "RtReportImport", "%1: not an office report form: the form's own row (id \"%2\" with its date, time made and register in the column \"%3\") is missing or damaged" )
                            .arg( path, RtReportForm::formRowId(), RtReportForm::heading( QStringLiteral( "title" ) ) ) );
  // The register itself failing (a server gone mid-import) stops the import: its rows are not to blame.
  const auto notApplied = [&]( const RtStatusResult &failure ) -> Result
  {
    if ( failure.errorKind() != RtErrorKind::Unavailable )
      return Result::failureFrom( failure );
    if ( RtStoreBackends::kindOf( store.path() ) == RtStoreBackends::Kind::PostgreSql )
      return Result::failure( RtErrorKind::Unavailable, rtMsg( "RtReportImport", "%1: the import was not applied at all, nothing was changed: the server is unavailable "
                              "(%2); import the form again once it is back" ).arg( path, failure.error() ) );
    return Result::failure( RtErrorKind::Unavailable, rtMsg( "RtReportImport", "%1: the import was not applied at all, nothing was changed: the register cannot be "
                            "written (%2)" ).arg( path, failure.error() ) );
  };
  const RtResult<QVector<RtDocumentInfo>> docs = store.resolutions();
  if ( !docs.ok() )
    return notApplied( RtStatusResult::failureFrom( docs ) );
  const QString registerKey = docs.value().isEmpty() ? QString() : docs.value().constFirst().number;
  if ( outcome.form.registerKey != registerKey )
    return Result::failure( rtMsg( "RtReportImport", "%1: this form was made from the register of %2, not from this register (%3)" ).arg( path, outcome.form.registerKey, registerKey ) );

  QVector<RtTaskChange> changes;
  QVector<int> changeRows; // the sheet row of each change
  for ( const SheetRow &r : rows )
  {
    if ( r.row == formRow->row )
      continue;
    const QString id = r.text.value( QStringLiteral( "id" ) );
    const bool reports = r.text.contains( QStringLiteral( "new_status" ) ) || r.text.contains( QStringLiteral( "value" ) )
                         || r.text.contains( QStringLiteral( "evidence" ) ) || r.text.contains( QStringLiteral( "note" ) );
    if ( !reports )
      continue;
    ++outcome.reportedRows;
    auto refuse = [&]( RtErrorKind kind, const QString &message ) { outcome.errors << RtReportRowError { r.row, id, kind, message }; };
    if ( id.isEmpty() )
    {
      refuse( RtErrorKind::Invalid, rtMsg( "RtReportImport", "the row reports something but has no task id" ) );
      continue;
    }
    const RtResult<RtTask> task = store.task( id );
    if ( !task.ok() && task.errorKind() != RtErrorKind::NotFound )
      return notApplied( RtStatusResult::failureFrom( task ) );
    if ( !task.ok() )
    {
      refuse( RtErrorKind::NotFound, rtMsg( "RtReportImport", "unknown task id \"%1\"" ).arg( id ) );
      continue;
    }
    RtTaskChange change;
    change.taskId = task.value().id;
    change.by = by.trimmed();
    change.note = r.text.value( QStringLiteral( "note" ) );
    change.evidence = r.text.value( QStringLiteral( "evidence" ) );
    const QString printed = r.text.value( QStringLiteral( "status" ) );
    change.expected = RtStatuses::fromCode( printed );
    if ( !change.expected )
    {
      refuse( RtErrorKind::Invalid, rtMsg( "RtReportImport", "the form's status column says \"%1\", which is not a status: the row was edited; take it from a new form" ).arg( printed ) );
      continue;
    }
    if ( r.text.contains( QStringLiteral( "new_status" ) ) )
    {
      change.newStatus = RtStatuses::fromCode( r.text.value( QStringLiteral( "new_status" ) ) );
      if ( !change.newStatus )
      {
        refuse( RtErrorKind::Invalid, rtMsg( "RtReportImport", "unknown status \"%1\"; write one of %2, or its Vietnamese or English label" )
                .arg( r.text.value( QStringLiteral( "new_status" ) ), RtStatuses::codeList() ) );
        continue;
      }
    }
    if ( r.dateUnreadable )
    {
      refuse( RtErrorKind::Invalid, rtMsg( "RtReportImport", "the date \"%1\" is not a date; write 2024-06-20 or 20/06/2024" ).arg( r.text.value( QStringLiteral( "date" ) ) ) );
      continue;
    }
    change.date = r.date;
    if ( r.number )
      change.value = *r.number;
    else if ( r.text.contains( QStringLiteral( "value" ) ) )
    {
      bool percent = false;
      change.value = RtProgress::parseValue( r.text.value( QStringLiteral( "value" ) ), &percent );
      if ( !change.value )
      {
        refuse( RtErrorKind::Invalid, rtMsg( "RtReportImport", "the value \"%1\" is not a number; write it as 312, 3,65 or 78%" ).arg( r.text.value( QStringLiteral( "value" ) ) ) );
        continue;
      }
      if ( percent )
        change.unit = QStringLiteral( "%" );
    }
    // Changed since the form was made: a status other than the printed one, or any history
    // row recorded after the form (a change and its reversal included).
    const RtResult<QVector<RtHistoryEntry>> history = store.history( change.taskId );
    if ( !history.ok() )
      return notApplied( RtStatusResult::failureFrom( history ) );
    const bool changedAfter = std::any_of( history.value().cbegin(), history.value().cend(),
                              [&]( const RtHistoryEntry &h ) { return h.recordedAt > outcome.form.madeAt; } );
    if ( changedAfter || task.value().status != *change.expected )
    {
      refuse( RtErrorKind::Stale, conflictMessage( outcome.form, change.taskId, change.expected, store ) );
      continue;
    }
    changes << change;
    changeRows << r.row;
  }

  if ( outcome.reportedRows == 0 )
    return Result::failure( rtMsg( "RtReportImport", "%1: no row reports anything (a new status, date, value, evidence or note): nothing recorded" ).arg( path ) );

  // Rows already refused: the batch is still checked (dry run) so that every bad row is named at once.
  const bool refusedAlready = !outcome.errors.isEmpty();
  if ( !changes.isEmpty() )
  {
    bool outcomeUnknown = false;
    const RtResult<RtBatchOutcome> batch = store.applyChanges( changes, dryRun || refusedAlready, &outcomeUnknown );
    if ( !batch.ok() && outcomeUnknown )
      return Result::failure( batch.errorKind(), QStringLiteral( "%1: %2" ).arg( path, batch.error() ) );
    if ( !batch.ok() )
      return notApplied( RtStatusResult::failureFrom( batch ) );
    for ( const RtChangeError &e : batch.value().errors )
    {
      const int row = e.row >= 1 && e.row <= changeRows.size() ? changeRows.at( e.row - 1 ) : 0;
      const RtChangeError &error = e;
      QString message = error.message;
      if ( error.kind == RtErrorKind::Stale && row > 0 )
        message = conflictMessage( outcome.form, error.taskId, changes.at( e.row - 1 ).expected, store );
      outcome.errors << RtReportRowError { row, error.taskId, error.kind, message };
    }
    if ( outcome.errors.isEmpty() )
    {
      const QStringList &described = batch.value().changes;
      for ( int i = 0; i < changes.size(); ++i )
        outcome.changes << RtReportRowChange { changeRows.at( i ), changes.at( i ).taskId, i < described.size() ? described.at( i ) : QString() };
      outcome.statusRows = batch.value().statusRows;
      outcome.valueRows = batch.value().valueRows;
      outcome.applied = !dryRun && batch.value().applied;
    }
  }
  std::stable_sort( outcome.errors.begin(), outcome.errors.end(), []( const RtReportRowError &a, const RtReportRowError &b ) { return a.row < b.row; } );
  return Result::success( outcome );
}
