#ifndef RTSTORETRANSFER_H
#define RTSTORETRANSFER_H

#include "rtresult.h"

#include <QString>
#include <QStringList>

//! What a copied register holds (rows of each kind).
struct RtTransferReport
{
  int resolutions = 0;
  int tasks = 0;
  int statusChanges = 0;
  int values = 0;
  int assignments = 0;
  //! Where the register the copy replaced was kept (empty: there was none, or it was empty).
  QString keptAs;
};

//! What `db upgrade` did to a register.
struct RtUpgradeReport
{
  //! Its schema version now.
  int version = 0;
  //! Where the register as it was is kept (empty: its layout was current already).
  QString keptAs;
  //! On a server: what its set-up lacked and was added (rights, live-update triggers), in short words; empty when nothing was missing.
  QStringList completed;
};

/**
 * \brief Moves registers between locations of any backend (a GeoPackage file, a PostgreSQL
 * database): a copy with the whole history, written in one transaction at the target.
 */
namespace RtStoreTransfer
{
  /**
   * Copies the register at \a from to \a to: every row of every table in its order, the
   * histories with their sequence numbers, times and authors (a register of an earlier
   * schema is copied in today's layout). All or nothing: the target shows the copy only
   * when complete. A target holding a register with resolutions is refused unless
   * \a overwrite; replaced, it is kept aside (RtTransferReport::keptAs). An empty
   * register at the target (`restrack db init`) is simply filled.
   */
  RtResult<RtTransferReport> copy( const QString &from, const QString &to, bool overwrite );

  //! Creates an empty register of today's layout at \a location; refused when one is there.
  RtStatusResult createEmpty( const QString &location );

  /**
   * Brings the register at \a location to today's layout, the register as it was kept
   * aside first when its layout changes. On a server, also completes its set-up
   * (RtPgBackend::completeServerSetup()): a register made before rights and live updates
   * gets its roles, row-level security and change-notify triggers, all or none of them.
   */
  RtResult<RtUpgradeReport> upgrade( const QString &location );
}

#endif // RTSTORETRANSFER_H
