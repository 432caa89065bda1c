#ifndef RTEXPRESSIONFUNCTIONS_H
#define RTEXPRESSIONFUNCTIONS_H

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <vector>

class QgsExpressionFunction;
class RtTracker;
class RtExpressionData;

/**
 * \brief The expression functions rt_status(key [, as_of]), rt_tasks(key) and
 * rt_share_done(key [, as_of]) (group "Resolution Tracker"), for labels, styles, the field
 * calculator and the attribute table.
 *
 * \a key is a place key as the register writes it, "zone:A3", "ward:06715",
 * "parcel:06715/12/345", or the bare key ("A3", "06715", a layer's field: rt_status("code"))
 * when only one kind of place has it; a number is read as a GSO code with its leading zeros
 * (6715 → "06715"). The answers are those of the join (`restrack join`, the Processing
 * algorithm): rt_status() the status code the styles colour ("in_progress", "overdue",
 * "none" when no task names the place), rt_tasks() the task ids, comma-separated,
 * rt_share_done() done / (tasks − dropped), 0 to 1.
 *
 * They answer from the plugin's open register as the panel shows it (its as-of date); the
 * tasks are indexed once when the register, a task or the date changes (RtPlaceStatusIndex),
 * never read per feature. \a as_of asks another date: the register is read once for each
 * date asked and kept. Safe on render threads.
 *
 * registerFunctions() adds them to QgsExpression (a name already taken is left alone);
 * unregisterFunctions(), also run by the destructor, removes exactly those it added.
 */
class RtExpressionFunctions : public QObject
{
    Q_OBJECT

  public:
    //! "rt_status", "rt_tasks", "rt_share_done".
    static QStringList functionNames();

    explicit RtExpressionFunctions( RtTracker *tracker, QObject *parent = nullptr );
    ~RtExpressionFunctions() override;

    //! Registers the functions; false when a name was taken already (that one is not ours then).
    bool registerFunctions();
    //! Removes the functions this object registered.
    void unregisterFunctions();

  public slots:
    //! Indexes the tracker's tasks as of its date again (connected to the tracker's changes).
    void refresh();

  private:
    QPointer<RtTracker> mTracker;
    std::shared_ptr<RtExpressionData> mData;
    std::vector<std::unique_ptr<QgsExpressionFunction>> mFunctions;
    std::vector<QgsExpressionFunction *> mRegistered;  //!< the ones QgsExpression holds for us
};

#endif // RTEXPRESSIONFUNCTIONS_H
