#include "rtsessionpacktask.h"
#include "rtlocale.h"

#include <qgsfeedback.h>

#include <QCoreApplication>
#include <QThread>

RtSessionPackTask::RtSessionPackTask( const RtSessionPackOptions &options, RtLang uiLanguage )
  : QgsTask( tr( "Session pack as of %1" ).arg( rtDateText( options.sessionDate, uiLanguage ) ), QgsTask::CanCancel )
  , mOptions( options )
  , mFeedback( std::make_unique<QgsFeedback>() )
{
  connect( mFeedback.get(), &QgsFeedback::progressChanged, this, [this]( double progress ) { setProgress( progress ); } );
}

RtSessionPackTask::~RtSessionPackTask() = default;

void RtSessionPackTask::cancel()
{
  mFeedback->cancel();
  QgsTask::cancel();
}

bool RtSessionPackTask::run()
{
  // Every boundary catches: an exception must not leave a worker thread.
  try
  {
    RtResult<RtSessionPackData> data = RtSessionPack::prepare( mOptions, mFeedback.get() );
    if ( !data.ok() )
    {
      mError = isCanceled() ? tr( "cancelled" ) : data.error();
      return false;
    }
    mData = std::make_unique<RtSessionPackData>( data.takeValue() );
    // The layers were made on this thread; the layouts that draw them live on the main one.
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

void RtSessionPackTask::finished( bool result )
{
  if ( !result || !mData )
  {
    if ( mError.isEmpty() )
      mError = isCanceled() ? tr( "cancelled" ) : tr( "the session pack failed" );
    mData.reset();
    emit failed( mError );
    return;
  }
  RtResult<RtSessionPackReport> report = RtSessionPack::render( *mData, mFeedback.get() );
  mData.reset();
  if ( !report.ok() )
  {
    mError = mFeedback->isCanceled() ? tr( "cancelled" ) : report.error();
    emit failed( mError );
    return;
  }
  mReport = report.value();
  emit written( report.value().outputPath, report.value().pages, report.value().warnings );
}
