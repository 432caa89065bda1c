#ifndef RTASSIGNMENT_H
#define RTASSIGNMENT_H

#include <QDateTime>
#include <QString>
#include <QStringList>

/**
 * \brief Who carries a task out: the lead office and the cooperating offices, as an
 * implementation plan assigns them, with who assigned them and when.
 *
 * Assignments are kept as an append-only history; the latest is the current one. Offices
 * are free text ("Phòng Tài nguyên và Môi trường"), compared by officeKey().
 */
struct RtAssignment
{
  qint64 sequence = 0;   //!< increasing in the order assignments were recorded
  QString taskId;
  QString lead;          //!< the lead office (chủ trì)
  QStringList with;      //!< the cooperating offices (phối hợp), in the order given
  QString by;            //!< who assigned them
  QDateTime recordedAt;  //!< UTC

  /**
   * An office as it is compared: NFC, trimmed, runs of spaces one space, case ignored,
   * and the tone mark of a vowel group in one place ("Hoà" = "Hòa", "Thuỷ" = "Thủy").
   */
  static QString officeKey( const QString &office );
  //! An office as it is stored: NFC, trimmed, runs of spaces one space, spelling kept.
  static QString cleanOffice( const QString &office );
  //! The same lead office and the same set of cooperating offices (by officeKey()).
  bool sameOffices( const RtAssignment &other ) const;
};

#endif // RTASSIGNMENT_H
