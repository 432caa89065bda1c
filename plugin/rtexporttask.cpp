#include "rtexporttask.h"
#include "rtlocale.h"

#include <qgsfeedback.h>

#include <QCoreApplication>
#include <QThread>

RtExportTask::RtExportTask( const RtMapExportOptions &options )
  : RtExportTask( options, options.lang )
{
}

RtExportTask::RtExportTask( const RtMapExportOptions &options, RtLang uiLanguage )
  : QgsTask( tr( "Council map as of %1" ).arg( rtDateText( options.asOf, uiLanguage ) ), QgsTask::CanCancel )
  , mOptions( options )
  , mFeedback( std::make_unique<QgsFeedback>() )
{
  connect( mFeedback.get(), &QgsFeedback::progressChanged, this, [this]( double progress ) { setProgress( progress ); } );
}

RtExportTask::~RtExportTask() = default;

void RtExportTask::cancel()
{
  mFeedback->cancel();
  QgsTask::cancel();
}

bool RtExportTask::run()
{
  // Every boundary catches: an exception must not leave a worker thread.
  try
  {
    RtResult<RtMapExportData> data = RtMapExport::prepare( mOptions, mFeedback.get() );
    if ( !data.ok() )
    {
      mError = isCanceled() ? tr( "cancelled" ) : data.error();
      return false;
    }
    mData = std::make_unique<RtMapExportData>( data.takeValue() );
    // The layers were made on this thread; the layout that draws them lives on the main one.
    mData->moveToThread( QCoreApplication::instance()->thread() );
    return !isCanceled();
  }
  catch ( const std::exception &e )
  {
    mError = tr( "unexpected error: %1" ).arg( QString::fromLocal8Bit( e.what() ) );
  }
  catch ( ... )
  {
    mError = tr( "unexpected error" );
  }
  return false;
}

void RtExportTask::finished( bool result )
{
  if ( !result || !mData )
  {
    if ( mError.isEmpty() )
      mError = isCanceled() ? tr( "cancelled" ) : tr( "the export failed" );
    mData.reset();
    emit exportFailed( mError );
    return;
  }
  RtResult<RtMapExportReport> report = RtMapExport::render( *mData );
  mData.reset();
  if ( !report.ok() )
  {
    mError = report.error();
    emit exportFailed( mError );
    return;
  }
  mReport = report.value();
  emit exported( report.value().outputPath, report.value().warnings );
}
