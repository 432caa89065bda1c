#include "rtexporttask.h"
#include "rtlocale.h"

#include <QCoreApplication>
#include <QThread>

RtExportTask::RtExportTask( const RtMapExportOptions &options )
  : RtExportTask( options, options.lang )
{
}

RtExportTask::RtExportTask( const RtMapExportOptions &options, RtLang uiLanguage )
  : RtTwoStepTask( tr( "Council map as of %1" ).arg( rtDateText( options.asOf, uiLanguage ) ), tr( "the export failed" ) )
  , mOptions( options )
{
}

RtExportTask::~RtExportTask() = default;

QString RtExportTask::prepare()
{
  RtResult<RtMapExportData> data = RtMapExport::prepare( mOptions, feedback() );
  if ( !data.ok() )
    return data.error();
  mData = std::make_unique<RtMapExportData>( data.takeValue() );
  // The layers were made on this thread; the layout that draws them lives on the main one.
  mData->moveToThread( QCoreApplication::instance()->thread() );
  return QString();
}

QString RtExportTask::render()
{
  const RtResult<RtMapExportReport> report = RtMapExport::render( *mData );
  if ( !report.ok() )
    return report.error();
  mReport = report.value();
  emit exported( report.value().outputPath, report.value().warnings );
  return QString();
}

void RtExportTask::release()
{
  mData.reset();
}
