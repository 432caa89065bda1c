#include "rtprocessingexport.h"
#include "rtmapexport.h"

#include <qgsexception.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

namespace
{
  const QStringList sUnits = { QStringLiteral( "2023" ), QStringLiteral( "2025" ) };
  const QStringList sLanguages = { QStringLiteral( "vi" ), QStringLiteral( "en" ) };
}

QString RtExportMapAlgorithm::name() const
{
  return QStringLiteral( "exportcouncilmap" );
}

QString RtExportMapAlgorithm::displayName() const
{
  return tr( "Export the council map" );
}

QStringList RtExportMapAlgorithm::tags() const
{
  return tr( "resolution,council,session,map,status,pdf,png,layout" ).split( QLatin1Char( ',' ) );
}

QString RtExportMapAlgorithm::shortDescription() const
{
  return tr( "Writes the council-session map of a resolution's tasks, coloured by status as of a date, to PDF or PNG." );
}

QString RtExportMapAlgorithm::shortHelpString() const
{
  return tr( "Makes the map restrack export makes: an A3 landscape print layout with the resolution's number and the "
             "as-of date in the title, the city coloured by the status of its tasks, the legend, scale bar and north "
             "arrow, the counts by status, the overdue tasks and the sources (with the notice that schematic shapes "
             "are not legal boundaries), written to a PDF or PNG file (the file's suffix decides).\n\n"
             "Map layers: the GeoPackage of the city's layers (wards_2023, wards_2025, zones, sites, …), opened "
             "read-only. Units: the wards and communes of 2023 (the resolution's own) or the administrative units of "
             "2025 (the tasks' 2023 codes translated through wards_2023's field gso_code_2025). Print: hatched styles "
             "that read on a black-and-white printer. Language: Vietnamese or English.\n\n%1" )
         .arg( registerHelp() );
}

QgsProcessingAlgorithm::Flags RtExportMapAlgorithm::flags() const
{
  // A print layout is a QGraphicsScene: it is exported on the application's thread.
  return RtProcessingAlgorithm::flags() | FlagNoThreading;
}

RtExportMapAlgorithm *RtExportMapAlgorithm::createInstance() const
{
  return new RtExportMapAlgorithm();
}

void RtExportMapAlgorithm::initAlgorithm( const QVariantMap & )
{
  addRegisterParameter();
  addParameter( new QgsProcessingParameterFile( QString::fromLatin1( LAYERS ), tr( "Map layers (GeoPackage)" ),
                QgsProcessingParameterFile::File, QString(), QVariant(), false, tr( "GeoPackage (*.gpkg *.GPKG)" ) ) );
  addAsOfParameter();
  addParameter( new QgsProcessingParameterEnum( QString::fromLatin1( UNITS ), tr( "Administrative units (2023 or 2025)" ),
                sUnits, false, QStringLiteral( "2023" ), false, true ) );
  addParameter( new QgsProcessingParameterEnum( QString::fromLatin1( LANGUAGE ), tr( "Language of the map (vi or en)" ),
                sLanguages, false, QStringLiteral( "vi" ), false, true ) );
  addParameter( new QgsProcessingParameterBoolean( QString::fromLatin1( PRINT ), tr( "Hatched styles for black-and-white printing" ), false ) );
  addParameter( new QgsProcessingParameterFileDestination( QString::fromLatin1( OUTPUT ), tr( "Council map (PDF or PNG)" ),
                tr( "PDF files (*.pdf *.PDF);;PNG files (*.png *.PNG)" ) ) );
  addOutput( new QgsProcessingOutputNumber( QString::fromLatin1( TASKS ), tr( "Tasks on the map" ) ) );
  addOutput( new QgsProcessingOutputNumber( QString::fromLatin1( OVERDUE ), tr( "Overdue tasks" ) ) );
}

QVariantMap RtExportMapAlgorithm::processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback )
{
  RtMapExportOptions options;
  options.registerPath = parameterAsFile( parameters, QString::fromLatin1( REGISTER ), context );
  options.layersPath = parameterAsFile( parameters, QString::fromLatin1( LAYERS ), context );
  options.asOf = asOfDate( parameters, context );
  options.units = parameterAsEnumString( parameters, QString::fromLatin1( UNITS ), context ) == QLatin1String( "2025" ) ? 2025 : 2023;
  options.lang = parameterAsEnumString( parameters, QString::fromLatin1( LANGUAGE ), context ) == QLatin1String( "en" ) ? RtLang::En : RtLang::Vi;
  options.print = parameterAsBoolean( parameters, QString::fromLatin1( PRINT ), context );
  options.outputPath = parameterAsFileOutput( parameters, QString::fromLatin1( OUTPUT ), context );

  // The map library's two halves, so that the reading reports progress and can be cancelled.
  RtResult<RtMapExportData> data = RtMapExport::prepare( options, feedback );
  if ( feedback->isCanceled() )
    return QVariantMap();
  if ( !data.ok() )
    throw QgsProcessingException( tr( "The council map was not written: %1" ).arg( data.error() ) );
  const RtResult<RtMapExportReport> report = RtMapExport::render( data.value() );
  if ( !report.ok() )
    throw QgsProcessingException( tr( "The council map was not written: %1" ).arg( report.error() ) );
  feedback->setProgress( 100 );

  for ( const QString &w : report.value().warnings )
    feedback->pushWarning( w );
  feedback->pushInfo( tr( "Council map written: %1 (%2 tasks, %3 overdue, as of %4)." )
                      .arg( report.value().outputPath ).arg( report.value().tasks ).arg( report.value().overdue )
                      .arg( options.asOf.toString( Qt::ISODate ) ) );

  QVariantMap outputs;
  outputs.insert( QString::fromLatin1( OUTPUT ), report.value().outputPath );
  outputs.insert( QString::fromLatin1( TASKS ), report.value().tasks );
  outputs.insert( QString::fromLatin1( OVERDUE ), report.value().overdue );
  return outputs;
}
