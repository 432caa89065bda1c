#include "rtreportform.h"
#include "rttr.h"

#include "rtassignment.h"
#include "rtoutputfile.h"
#include "rtplacekey.h"
#include "rtstore.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_error.h>
#include <cpl_string.h>

namespace
{
  struct Column
  {
    const char *key;
    const char *label; //!< English; the Vietnamese one is in the core catalogue (layers/i18n/)
  };

  // The columns in order: the register's part, then the part the office fills in.
  const Column sColumns[] = {
    { "id", QT_TRANSLATE_NOOP( "RtReportForm", "Task id" ) },
    { "clause", QT_TRANSLATE_NOOP( "RtReportForm", "Clause" ) },
    { "title", QT_TRANSLATE_NOOP( "RtReportForm", "Task" ) },
    { "deadline", QT_TRANSLATE_NOOP( "RtReportForm", "Deadline" ) },
    { "status", QT_TRANSLATE_NOOP( "RtReportForm", "Status code" ) },
    { "status_label", QT_TRANSLATE_NOOP( "RtReportForm", "Status" ) },
    { "new_status", QT_TRANSLATE_NOOP( "RtReportForm", "New status" ) },
    { "date", QT_TRANSLATE_NOOP( "RtReportForm", "Date" ) },
    { "value", QT_TRANSLATE_NOOP( "RtReportForm", "Measured value" ) },
    { "evidence", QT_TRANSLATE_NOOP( "RtReportForm", "Evidence" ) },
    { "note", QT_TRANSLATE_NOOP( "RtReportForm", "Note" ) },
  };

  //! Whether \a task is linked to \a place ("zone:A3", or a bare code matching any kind).
  bool hasPlace( const RtTask &task, const QString &place )
  {
    const QString wanted = place.trimmed();
    const bool withKind = wanted.contains( QLatin1Char( ':' ) );
    const QString kind = withKind ? wanted.section( QLatin1Char( ':' ), 0, 0 ).trimmed().toLower() : QString();
    const QString key = RtPlaceKey::codeKey( withKind ? wanted.section( QLatin1Char( ':' ), 1 ) : wanted );
    for ( const QString &p : task.places )
    {
      if ( withKind && p.section( QLatin1Char( ':' ), 0, 0 ).toLower() != kind )
        continue;
      if ( RtPlaceKey::codeKey( p.section( QLatin1Char( ':' ), 1 ) ) == key )
        return true;
    }
    return false;
  }

  RtStatusResult writeTable( const QString &path, const QString &driverName, const QVector<QStringList> &rows )
  {
    GDALDriverH driver = GDALGetDriverByName( driverName.toUtf8().constData() );
    if ( !driver )
      return rtFail( RtErrorKind::Unavailable, rtMsg( "RtReportForm", "%1: GDAL has no %2 driver" ).arg( path, driverName ) );
    CPLErrorReset();
    GDALDatasetH ds = GDALCreate( driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr );
    if ( !ds )
      return rtFail( rtMsg( "RtReportForm", "%1: cannot create the form (%2)" ).arg( path, QString::fromUtf8( CPLGetLastErrorMsg() ) ) );
    // A BOM, so that spreadsheet programs read the CSV's Vietnamese as UTF-8.
    char **layerOptions = driverName == QLatin1String( "CSV" ) ? CSLSetNameValue( nullptr, "WRITE_BOM", "YES" ) : nullptr;
    OGRLayerH layer = GDALDatasetCreateLayer( ds, "bao_cao", nullptr, wkbNone, layerOptions );
    CSLDestroy( layerOptions );
    if ( !layer )
    {
      GDALClose( ds );
      return rtFail( rtMsg( "RtReportForm", "%1: cannot add the form's sheet" ).arg( path ) );
    }
    const QStringList keys = RtReportForm::columnKeys();
    for ( const QString &key : keys )
    {
      OGRFieldDefnH field = OGR_Fld_Create( RtReportForm::heading( key ).toUtf8().constData(), OFTString );
      OGR_L_CreateField( layer, field, TRUE );
      OGR_Fld_Destroy( field );
    }
    for ( const QStringList &row : rows )
    {
      OGRFeatureH f = OGR_F_Create( OGR_L_GetLayerDefn( layer ) );
      for ( int i = 0; i < row.size() && i < keys.size(); ++i )
      {
        if ( !row.at( i ).isEmpty() )
          OGR_F_SetFieldString( f, i, row.at( i ).toUtf8().constData() );
      }
      const OGRErr e = OGR_L_CreateFeature( layer, f );
      OGR_F_Destroy( f );
      if ( e != OGRERR_NONE )
      {
        GDALClose( ds );
        return rtFail( rtMsg( "RtReportForm", "%1: cannot write a row of the form" ).arg( path ) );
      }
    }
    GDALClose( ds ); // XLSX and ODS are zipped and written here
    if ( CPLGetLastErrorType() == CE_Failure || QFileInfo( path ).size() == 0 )
      return rtFail( rtMsg( "RtReportForm", "%1: the form could not be written (%2)" ).arg( path, QString::fromUtf8( CPLGetLastErrorMsg() ) ) );
    return rtOk();
  }
}

QStringList RtReportForm::columnKeys()
{
  QStringList keys;
  for ( const Column &c : sColumns )
    keys << QString::fromLatin1( c.key );
  return keys;
}

QString RtReportForm::heading( const QString &key )
{
  for ( const Column &c : sColumns )
  {
    if ( key == QLatin1String( c.key ) )
      return QStringLiteral( "%1 / %2 [%3]" ).arg( rtTr( RtLang::Vi, "RtReportForm", c.label ), rtTr( RtLang::En, "RtReportForm", c.label ), key );
  }
  return key;
}

QString RtReportForm::formRowId()
{
  return QStringLiteral( "#form" );
}

QString RtReportForm::infoText( const RtReportFormInfo &info )
{
  QStringList parts;
  parts << QStringLiteral( "date=" ) + info.date.toString( Qt::ISODate )
        << QStringLiteral( "made_at=" ) + info.madeAt.toUTC().toString( Qt::ISODateWithMs )
        << QStringLiteral( "register=" ) + info.registerKey
        << QStringLiteral( "office=" ) + info.office
        << QStringLiteral( "place=" ) + info.place
        << QStringLiteral( "resolution=" ) + info.resolution;
  return parts.join( QLatin1Char( '|' ) );
}

bool RtReportForm::parseInfoText( const QString &text, RtReportFormInfo &info )
{
  QHash<QString, QString> values;
  const QStringList parts = text.split( QLatin1Char( '|' ) );
  for ( const QString &part : parts )
  {
    const int eq = part.indexOf( QLatin1Char( '=' ) );
    if ( eq > 0 )
      values.insert( part.left( eq ).trimmed(), part.mid( eq + 1 ).trimmed() );
  }
  info.date = QDate::fromString( values.value( QStringLiteral( "date" ) ), Qt::ISODate );
  info.madeAt = QDateTime::fromString( values.value( QStringLiteral( "made_at" ) ), Qt::ISODateWithMs );
  info.registerKey = values.value( QStringLiteral( "register" ) );
  info.office = values.value( QStringLiteral( "office" ) );
  info.place = values.value( QStringLiteral( "place" ) );
  info.resolution = values.value( QStringLiteral( "resolution" ) );
  return info.date.isValid() && info.madeAt.isValid() && !info.registerKey.isEmpty();
}

QString RtReportForm::driverFor( const QString &path )
{
  const QString suffix = QFileInfo( path ).suffix().toLower();
  if ( suffix == QLatin1String( "xlsx" ) )
    return QStringLiteral( "XLSX" );
  if ( suffix == QLatin1String( "ods" ) )
    return QStringLiteral( "ODS" );
  if ( suffix == QLatin1String( "csv" ) )
    return QStringLiteral( "CSV" );
  return QString();
}

RtResult<QVector<RtTask>> RtReportForm::tasks( const RtStore &store, const RtReportFormRequest &request )
{
  using Result = RtResult<QVector<RtTask>>;
  if ( request.office.trimmed().isEmpty() == request.place.trimmed().isEmpty() )
    return Result::failure( rtMsg( "RtReportForm", "a report form is for one office or one place: give exactly one of them" ) );
  QStringList numbers;
  if ( !request.resolution.trimmed().isEmpty() )
  {
    const RtResult<RtDocumentInfo> found = store.findResolution( request.resolution );
    if ( !found.ok() )
      return Result::failureFrom( found );
    numbers << found.value().number;
  }
  const QDate date = request.date.isValid() ? request.date : QDate::currentDate();
  RtResult<QVector<RtTask>> all = store.tasksAsOf( date, numbers );
  if ( !all.ok() )
    return all;
  QHash<QString, RtAssignment> assignments;
  if ( !request.office.trimmed().isEmpty() )
  {
    const RtResult<QHash<QString, RtAssignment>> current = store.currentAssignments();
    if ( !current.ok() )
      return Result::failureFrom( current );
    assignments = current.value();
  }
  const QString officeKey = RtAssignment::officeKey( request.office );
  QVector<RtTask> chosen;
  for ( const RtTask &task : std::as_const( all.value() ) )
  {
    bool take = false;
    if ( !request.place.trimmed().isEmpty() )
      take = hasPlace( task, request.place );
    else if ( assignments.contains( task.id ) )
    {
      const RtAssignment &a = assignments[task.id];
      take = RtAssignment::officeKey( a.lead ) == officeKey;
      for ( const QString &with : a.with )
        take = take || RtAssignment::officeKey( with ) == officeKey;
    }
    if ( take )
      chosen << task;
  }
  if ( chosen.isEmpty() && request.place.trimmed().isEmpty() )
  {
    // Name the offices the register knows, so that a misspelt one is easy to correct.
    QStringList offices;
    for ( const RtAssignment &a : std::as_const( assignments ) )
    {
      for ( const QString &office : QStringList { a.lead } + a.with )
      {
        if ( !offices.contains( office ) )
          offices << office;
      }
    }
    offices.sort();
    return Result::failure( RtErrorKind::NotFound, rtMsg( "RtReportForm", "no task is assigned to the office \"%1\" (lead or cooperating) on %2; offices assigned: %3" )
                            .arg( request.office.trimmed(), date.toString( Qt::ISODate ), offices.isEmpty() ? QStringLiteral( "none" ) : offices.join( QStringLiteral( ", " ) ) ) );
  }
  if ( chosen.isEmpty() )
    return Result::failure( RtErrorKind::NotFound, rtMsg( "RtReportForm", "no task is linked to the place \"%1\" on %2" ).arg( request.place.trimmed(), date.toString( Qt::ISODate ) ) );
  return Result::success( chosen );
}

RtResult<int> RtReportForm::write( const RtStore &store, const RtReportFormRequest &request, const QString &path, bool overwrite )
{
  using Result = RtResult<int>;
  const QString driver = driverFor( path );
  if ( driver.isEmpty() )
    return Result::failure( rtMsg( "RtReportForm", "%1: a report form is written as .xlsx, .ods or .csv" ).arg( path ) );
  const RtStatusResult writable = RtOutputFile::check( path, overwrite );
  if ( !writable.ok() )
    return Result::failureFrom( writable );
  RtResult<QVector<RtTask>> chosen = tasks( store, request );
  if ( !chosen.ok() )
    return Result::failureFrom( chosen );

  RtReportFormInfo info;
  info.date = request.date.isValid() ? request.date : QDate::currentDate();
  info.madeAt = QDateTime::currentDateTimeUtc();
  info.registerKey = store.document().number;
  info.office = request.office.trimmed();
  info.place = request.place.trimmed();
  if ( !request.resolution.trimmed().isEmpty() )
    info.resolution = store.findResolution( request.resolution ).value().number;

  QVector<QStringList> rows;
  rows << QStringList { formRowId(), QStringLiteral( "Thông tin phiếu, không sửa dòng này / The form's own row, do not edit" ), infoText( info ) };
  for ( const RtTask &task : std::as_const( chosen.value() ) )
  {
    rows << QStringList { task.id, task.clausePath.join( QLatin1Char( ' ' ) ), task.titleVi.isEmpty() ? task.titleEn : task.titleVi,
                          task.deadline.phrase(), RtStatuses::code( task.status ), RtStatuses::label( task.status, RtLang::Vi ) };
  }

  // Made in a scratch folder: GDAL's zip layer misreads a name with ".xlsx." inside (the
  // temporary name RtOutputFile gives), so the finished file is copied into it.
  QTemporaryDir scratch;
  if ( !scratch.isValid() )
    return Result::failure( RtErrorKind::Unavailable, rtMsg( "RtReportForm", "%1: cannot make a scratch folder" ).arg( path ) );
  const QString made = scratch.filePath( QStringLiteral( "form." ) + QFileInfo( path ).suffix().toLower() );
  const RtStatusResult written = writeTable( made, driver, rows );
  if ( !written.ok() )
    return Result::failure( written.errorKind(), QString( written.error() ).replace( made, path ) );
  RtOutputFile output( path, overwrite );
  if ( !output.ok() )
    return Result::failure( RtErrorKind::ReadOnly, output.error() );
  QFile from( made ), to( output.temporaryPath() );
  if ( !from.open( QIODevice::ReadOnly ) || !to.open( QIODevice::WriteOnly | QIODevice::Truncate ) || to.write( from.readAll() ) != from.size() || !to.flush() )
    return Result::failure( RtErrorKind::Unavailable, rtMsg( "RtReportForm", "%1: cannot write the form (%2)" ).arg( path, to.errorString() ) );
  to.close();
  const RtStatusResult committed = output.commit();
  if ( !committed.ok() )
    return Result::failureFrom( committed );
  return Result::success( static_cast<int>( chosen.value().size() ) );
}
