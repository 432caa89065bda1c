#include "rtprocessingalgorithm.h"
#include "rttasksasof.h"

#include <qgsexception.h>
#include <qgsprocessingparameters.h>

void RtProcessingAlgorithm::addRegisterParameter()
{
  addParameter( new QgsProcessingParameterFile( QString::fromLatin1( REGISTER ), tr( "Register (Resolution Tracker GeoPackage)" ),
                QgsProcessingParameterFile::File, QString(), QVariant(), false,
                tr( "Resolution Tracker register (*.gpkg *.GPKG);;All files (*)" ) ) );
}

void RtProcessingAlgorithm::addAsOfParameter()
{
  addParameter( new QgsProcessingParameterDateTime( QString::fromLatin1( AS_OF ), tr( "Status as of (empty: today)" ),
                QgsProcessingParameterDateTime::Date, QVariant(), true ) );
}

QDate RtProcessingAlgorithm::asOfDate( const QVariantMap &parameters, QgsProcessingContext &context ) const
{
  const QVariant raw = parameters.value( QString::fromLatin1( AS_OF ) );
  const bool given = raw.isValid() && !raw.isNull() && !( raw.type() == QVariant::String && raw.toString().trimmed().isEmpty() );
  if ( !given )
    return QDate::currentDate();
  const QDate date = QgsProcessingParameters::parameterAsDate( parameterDefinition( QString::fromLatin1( AS_OF ) ), parameters, context );
  if ( !date.isValid() )
    throw QgsProcessingException( tr( "The as-of date '%1' is not a date; write it as YYYY-MM-DD (for example 2026-11-26)." ).arg( raw.toString() ) );
  return date;
}

std::unique_ptr<RtStore> RtProcessingAlgorithm::openRegister( const QVariantMap &parameters, QgsProcessingContext &context ) const
{
  const QString path = parameterAsFile( parameters, QString::fromLatin1( REGISTER ), context );
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, false );
  if ( !store.ok() )
    throw QgsProcessingException( tr( "The register cannot be opened: %1" ).arg( store.error() ) );
  return store.takeValue();
}

QVector<RtTask> RtProcessingAlgorithm::tasksAsOf( const RtStore &store, const QDate &asOf ) const
{
  RtResult<QVector<RtTask>> tasks = RtTasksAsOf::read( store, asOf );
  if ( !tasks.ok() )
    throw QgsProcessingException( tr( "The tasks cannot be read as of %1: %2" ).arg( asOf.toString( Qt::ISODate ), tasks.error() ) );
  return tasks.takeValue();
}

QString RtProcessingAlgorithm::registerHelp()
{
  return tr( "The register is a Resolution Tracker GeoPackage (made by restrack build-register, or the one the plugin opens); "
             "it is opened read-only. The statuses are those recorded on or before the as-of date (empty: today); "
             "a date before the resolution is refused." );
}
