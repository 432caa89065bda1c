#include "rtprocessingsessionpack.h"
#include "rtsessionpack.h"

#include <qgsexception.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

namespace
{
  const QStringList sUnits = { QStringLiteral( "2023" ), QStringLiteral( "2025" ) };
  const QStringList sLanguages = { QStringLiteral( "vi" ), QStringLiteral( "en" ) };
}

QString RtSessionPackAlgorithm::name() const
{
  return QStringLiteral( "sessionpack" );
}

QString RtSessionPackAlgorithm::displayName() const
{
  return tr( "Make the session pack" );
}

QStringList RtSessionPackAlgorithm::tags() const
{
  return tr( "resolution,council,session,pack,atlas,report,pdf,xlsx" ).split( QLatin1Char( ',' ) );
}

QString RtSessionPackAlgorithm::shortDescription() const
{
  return tr( "Writes the council session pack: one PDF with the overview, the changes since the last session, the figures, a page per ward and zone, the land cases and all tasks." );
}

QString RtSessionPackAlgorithm::shortHelpString() const
{
  return tr( "Makes the pack restrack session-pack makes: a cover, an overview (tasks by status and category, the status "
             "of all tasks month by month, the city map as of the session date), what changed since the last session "
             "(status changes with date, who and evidence; tasks newly overdue and newly done), the figures the "
             "resolution set, a page per ward or commune and per planning zone (its map and its tasks), the land cases "
             "(aggregates only) and an appendix of all tasks.\n\n"
             "Session date: the statuses are as of it. Last session: optional; without it the pack says it has no "
             "earlier session to compare with. Template: a folder with edited copies of the pack's layout templates "
             "(pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt), or one .qpt for "
             "the cover. Cadastre: a layer with the fields case_id, dossier_status and parcel_id; no other field is read "
             "and only counts are printed. Tables: the same tables as an XLSX workbook.\n\n%1" )
         .arg( registerHelp() );
}

QgsProcessingAlgorithm::Flags RtSessionPackAlgorithm::flags() const
{
  // Print layouts are QGraphicsScenes: they are exported on the application's thread.
  return RtProcessingAlgorithm::flags() | FlagNoThreading;
}

RtSessionPackAlgorithm *RtSessionPackAlgorithm::createInstance() const
{
  return new RtSessionPackAlgorithm();
}

void RtSessionPackAlgorithm::initAlgorithm( const QVariantMap & )
{
  addRegisterParameter();
  addParameter( new QgsProcessingParameterFile( QString::fromLatin1( LAYERS ), tr( "Map layers (GeoPackage)" ),
                QgsProcessingParameterFile::File, QString(), QVariant(), false, tr( "GeoPackage (*.gpkg *.GPKG)" ) ) );
  addParameter( new QgsProcessingParameterDateTime( QString::fromLatin1( AS_OF ), tr( "Session date (empty: today)" ),
                QgsProcessingParameterDateTime::Date, QVariant(), true ) );
  addParameter( new QgsProcessingParameterDateTime( QString::fromLatin1( SINCE ), tr( "Date of the last session (optional)" ),
                QgsProcessingParameterDateTime::Date, QVariant(), true ) );
  addParameter( new QgsProcessingParameterEnum( QString::fromLatin1( UNITS ), tr( "Administrative units (2023 or 2025)" ),
                sUnits, false, QStringLiteral( "2023" ), false, true ) );
  addParameter( new QgsProcessingParameterEnum( QString::fromLatin1( LANGUAGE ), tr( "Language of the pack (vi or en)" ),
                sLanguages, false, QStringLiteral( "vi" ), false, true ) );
  addParameter( new QgsProcessingParameterBoolean( QString::fromLatin1( WITH_DIRECTIVES ), tr( "Directive items colour places that commitments name too" ), false ) );
  addParameter( new QgsProcessingParameterFile( QString::fromLatin1( TEMPLATE ), tr( "Layout templates (a folder, or one .qpt for the cover)" ),
                QgsProcessingParameterFile::File, QString(), QVariant(), true ) );
  addParameter( new QgsProcessingParameterString( QString::fromLatin1( CADASTRE ), tr( "Cadastre layer (PATH|layername=NAME)" ), QVariant(), false, true ) );
  addParameter( new QgsProcessingParameterFileDestination( QString::fromLatin1( OUTPUT ), tr( "Session pack (PDF)" ), tr( "PDF files (*.pdf *.PDF)" ) ) );
  addParameter( new QgsProcessingParameterFileDestination( QString::fromLatin1( TABLES ), tr( "Tables (XLSX)" ), tr( "XLSX files (*.xlsx *.XLSX)" ),
                QVariant(), true, false ) );
  addOutput( new QgsProcessingOutputNumber( QString::fromLatin1( PAGES ), tr( "Pages" ) ) );
}

QVariantMap RtSessionPackAlgorithm::processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback )
{
  RtSessionPackOptions options;
  options.registerPath = parameterAsFile( parameters, QString::fromLatin1( REGISTER ), context );
  options.layersPath = parameterAsFile( parameters, QString::fromLatin1( LAYERS ), context );
  options.sessionDate = asOfDate( parameters, context );
  const QVariant since = parameters.value( QString::fromLatin1( SINCE ) );
  if ( since.isValid() && !since.isNull() && !since.toString().trimmed().isEmpty() )
  {
    options.since = QgsProcessingParameters::parameterAsDate( parameterDefinition( QString::fromLatin1( SINCE ) ), parameters, context );
    if ( !options.since.isValid() )
      throw QgsProcessingException( tr( "The date of the last session '%1' is not a date (YYYY-MM-DD)." ).arg( since.toString() ) );
  }
  options.units = parameterAsEnumString( parameters, QString::fromLatin1( UNITS ), context ) == QLatin1String( "2025" ) ? 2025 : 2023;
  options.lang = parameterAsEnumString( parameters, QString::fromLatin1( LANGUAGE ), context ) == QLatin1String( "en" ) ? RtLang::En : RtLang::Vi;
  options.withDirectives = parameterAsBoolean( parameters, QString::fromLatin1( WITH_DIRECTIVES ), context );
  options.templatePath = parameterAsFile( parameters, QString::fromLatin1( TEMPLATE ), context );
  options.cadastre = parameterAsString( parameters, QString::fromLatin1( CADASTRE ), context );
  options.outputPath = parameterAsFileOutput( parameters, QString::fromLatin1( OUTPUT ), context );
  options.tablesPath = parameterAsFileOutput( parameters, QString::fromLatin1( TABLES ), context );
  // Processing owns its destination: a file chosen in the dialog is replaced, as QGIS's own algorithms do.
  options.overwrite = true;

  const RtResult<RtSessionPackReport> report = RtSessionPack::make( options, feedback );
  if ( feedback->isCanceled() )
    return QVariantMap();
  if ( !report.ok() )
    throw QgsProcessingException( tr( "The session pack was not written: %1" ).arg( report.error() ) );
  feedback->setProgress( 100 );
  for ( const QString &w : report.value().warnings )
    feedback->pushWarning( w );
  feedback->pushInfo( tr( "Session pack written: %1 (%2 pages, %3 places, as of %4)." )
                      .arg( report.value().outputPath ).arg( report.value().pages ).arg( report.value().placePages )
                      .arg( options.sessionDate.toString( Qt::ISODate ) ) );
  QVariantMap outputs;
  outputs.insert( QString::fromLatin1( OUTPUT ), report.value().outputPath );
  if ( !report.value().tablesPath.isEmpty() )
    outputs.insert( QString::fromLatin1( TABLES ), report.value().tablesPath );
  outputs.insert( QString::fromLatin1( PAGES ), report.value().pages );
  return outputs;
}
