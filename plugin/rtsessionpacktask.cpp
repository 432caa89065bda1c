#include "rtsessionpacktask.h"
#include "rtlocale.h"

#include <QCoreApplication>
#include <QThread>

RtSessionPackTask::RtSessionPackTask( const RtSessionPackOptions &options, RtLang uiLanguage )
  : RtTwoStepTask( tr( "Session pack as of %1" ).arg( rtDateText( options.sessionDate, uiLanguage ) ), tr( "the session pack failed" ) )
  , mOptions( options )
{
}

RtSessionPackTask::~RtSessionPackTask() = default;

QString RtSessionPackTask::prepare()
{
  RtResult<RtSessionPackData> data = RtSessionPack::prepare( mOptions, feedback() );
  if ( !data.ok() )
    return data.error();
  mData = std::make_unique<RtSessionPackData>( data.takeValue() );
  // The layers were made on this thread; the layouts that draw them live on the main one.
  mData->moveToThread( QCoreApplication::instance()->thread() );
  return QString();
}

QString RtSessionPackTask::render()
{
  const RtResult<RtSessionPackReport> report = RtSessionPack::render( *mData, feedback() );
  if ( !report.ok() )
    return report.error();
  mReport = report.value();
  emit written( report.value().outputPath, report.value().pages, report.value().warnings );
  return QString();
}

void RtSessionPackTask::release()
{
  mData.reset();
}
