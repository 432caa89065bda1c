#ifndef RTVALUE_H
#define RTVALUE_H

#include <QDate>
#include <QDateTime>
#include <QString>

/**
 * \brief One measured value of a task's progress (a row of the append-only value history):
 * 312 of the 500 resettlement plots, 640 of 1022 dossiers, 78 % of households.
 */
struct RtValueEntry
{
  qint64 sequence = 0;  //!< increasing in the order values were recorded
  QString taskId;
  QDate date;           //!< the date the value was measured (holds from)
  QDateTime recordedAt; //!< UTC time the row was written
  double value = 0;
  QString unit;         //!< as reported; the target's unit when none was given
  QString by;
  QString note;
  QString evidence;
};

#endif // RTVALUE_H
