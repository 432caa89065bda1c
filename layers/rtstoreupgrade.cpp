#include "rtstoreupgrade.h"
#include "rttarget.h"

RtStatusResult RtStoreUpgrade::copyRegister( const RtStoreBackend &from, RtStoreBackend &to )
{
  RtStatusResult written = rtOk();
  for ( const RtTableSpec &spec : RtStoreSchema::tables() )
  {
    if ( spec.table == RtStoreTable::Meta )
      continue; // \a to was created with today's version, the only fact rt_meta holds yet
    const RtResult<QVector<RtStoreRow>> rows = from.select( spec.table );
    if ( !rows.ok() )
      return RtStatusResult::failureFrom( rows );
    for ( RtStoreRow row : rows.value() )
    {
      row.remove( RtStoreSchema::rowIdColumn() ); // the new register numbers its rows, in the same order
      if ( spec.table == RtStoreTable::Tasks && !row.value( QStringLiteral( "target_value" ) ).isValid() )
      {
        const std::optional<RtTarget> target = RtTarget::fromText( row.value( QStringLiteral( "target" ) ).toString() );
        if ( target )
        {
          row.insert( QStringLiteral( "target_value" ), target->value );
          row.insert( QStringLiteral( "target_unit" ), target->unit );
          row.insert( QStringLiteral( "target_comparator" ), target->comparator );
        }
      }
      written = to.insert( spec.table, row );
      if ( !written.ok() )
        return written;
    }
  }
  return rtOk();
}
