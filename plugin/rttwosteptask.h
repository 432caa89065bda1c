#ifndef RTTWOSTEPTASK_H
#define RTTWOSTEPTASK_H

#include <qgstaskmanager.h>

#include <memory>

class QgsFeedback;

/**
 * \brief A QGIS task in two steps, split as QgsMapRendererTask is (progress in the task
 * manager, cancellable): the council map and the session pack.
 *
 * prepare(), on a worker thread, does what is safe there and can take long on a big register
 * or layer file (reading the register, the layers through GDAL, the join); what it makes for
 * the main thread must be moved there. render(), on the main thread, lays out and writes the
 * file: a QGIS print layout is a QGraphicsScene, and QGIS exports layouts on the main thread
 * only. Every exception is caught at the worker thread's boundary; failed() says why,
 * "cancelled" when it was.
 */
class RtTwoStepTask : public QgsTask
{
    Q_OBJECT

  public:
    ~RtTwoStepTask() override;

    void cancel() override;

    //! Why the task failed, or was cancelled (after finished()).
    QString error() const { return mError; }

  signals:
    //! The task failed or was cancelled; \a message says why.
    void failed( const QString &message );

  protected:
    //! \a failedText is said when a step fails without a reason of its own.
    RtTwoStepTask( const QString &name, const QString &failedText );

    //! Progress and cancel for the steps.
    QgsFeedback *feedback() const { return mFeedback.get(); }

    //! On the worker thread: why it failed, empty when it succeeded.
    virtual QString prepare() = 0;
    //! On the main thread, after prepare() succeeded: why it failed, empty when the file is written.
    virtual QString render() = 0;
    //! Drops what prepare() made, whether render() ran or not.
    virtual void release() = 0;

  private:
    bool run() final;
    void finished( bool result ) final;

    std::unique_ptr<QgsFeedback> mFeedback;
    QString mFailedText;
    QString mError;
};

#endif // RTTWOSTEPTASK_H
