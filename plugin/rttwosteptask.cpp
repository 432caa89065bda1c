#include "rttwosteptask.h"

#include <qgsfeedback.h>

RtTwoStepTask::RtTwoStepTask( const QString &name, const QString &failedText )
  : QgsTask( name, QgsTask::CanCancel )
  , mFeedback( std::make_unique<QgsFeedback>() )
  , mFailedText( failedText )
{
  connect( mFeedback.get(), &QgsFeedback::progressChanged, this, [this]( double progress ) { setProgress( progress ); } );
}

RtTwoStepTask::~RtTwoStepTask() = default;

void RtTwoStepTask::cancel()
{
  mFeedback->cancel();
  QgsTask::cancel();
}

bool RtTwoStepTask::run()
{
  // Every boundary catches: an exception must not leave a worker thread.
  try
  {
    const QString error = prepare();
    if ( !error.isEmpty() )
    {
      mError = isCanceled() ? tr( "cancelled" ) : error;
      return false;
    }
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

void RtTwoStepTask::finished( bool result )
{
  QString error = mError;
  if ( result )
    error = render();
  else if ( error.isEmpty() )
    error = isCanceled() ? tr( "cancelled" ) : mFailedText;
  release();
  if ( error.isEmpty() )
    return;
  mError = mFeedback->isCanceled() ? tr( "cancelled" ) : error;
  emit failed( mError );
}
