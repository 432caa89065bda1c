#ifndef RTSTOREUPGRADE_H
#define RTSTOREUPGRADE_H

#include "rtstorebackend.h"

/**
 * \brief Copies a register's rows from one backend to another, in today's layout: what
 * upgrading a register of an earlier schema does (the rows read as the old layout is
 * described by RtStoreSchema::tableInVersion()), and what moving a register to another
 * backend needs.
 */
namespace RtStoreUpgrade
{
  /**
   * Writes every row of \a from into the empty register \a to (created with today's
   * layout, its rt_meta included), table by table in the order read, the histories with
   * their sequence numbers and times, inside \a to's write. Completes what an earlier
   * schema lacks: a task without a numeric target gets the one its target states
   * (RtTarget::fromText()).
   */
  RtStatusResult copyRegister( const RtStoreBackend &from, RtStoreBackend &to );
}

#endif // RTSTOREUPGRADE_H
