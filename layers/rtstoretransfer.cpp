#include "rtstoretransfer.h"
#include "rttr.h"
#include "rtpgbackend.h"
#include "rtstorebackend.h"
#include "rtstoreupgrade.h"

#include <QSet>

namespace
{
  RtResult<int> rowCount( const RtStoreBackend &backend, RtStoreTable table )
  {
    const RtResult<QVector<RtStoreRow>> rows = backend.select( table );
    if ( !rows.ok() )
      return RtResult<int>::failureFrom( rows );
    return RtResult<int>::success( rows.value().size() );
  }

  //! The number of distinct sequence numbers (one assignment is several rows of one seq).
  RtResult<int> sequenceCount( const RtStoreBackend &backend, RtStoreTable table )
  {
    const RtResult<QVector<RtStoreRow>> rows = backend.select( table );
    if ( !rows.ok() )
      return RtResult<int>::failureFrom( rows );
    QSet<qint64> seqs;
    for ( const RtStoreRow &row : rows.value() )
      seqs.insert( row.value( QStringLiteral( "seq" ) ).toLongLong() );
    return RtResult<int>::success( seqs.size() );
  }
}

RtResult<RtTransferReport> RtStoreTransfer::copy( const QString &from, const QString &to, bool overwrite )
{
  using Result = RtResult<RtTransferReport>;
  const QString shownFrom = RtStoreBackends::displayLocation( from );
  RtResult<std::unique_ptr<RtStoreBackend>> source = RtStoreBackends::open( from, false );
  if ( !source.ok() )
    return Result::failureFrom( source );
  const RtStoreBackend &in = *source.value();

  RtTransferReport report;
  const RtResult<int> resolutions = rowCount( in, RtStoreTable::Resolutions );
  const RtResult<int> tasks = rowCount( in, RtStoreTable::Tasks );
  const RtResult<int> history = rowCount( in, RtStoreTable::History );
  const RtResult<int> values = rowCount( in, RtStoreTable::Values );
  const RtResult<int> assignments = sequenceCount( in, RtStoreTable::Assignments );
  for ( const RtResult<int> *count : { &resolutions, &tasks, &history, &values, &assignments } )
  {
    if ( !count->ok() )
      return Result::failureFrom( *count );
  }
  if ( resolutions.value() == 0 )
    return Result::failure( rtMsg( "RtStoreTransfer", "%1 holds no resolution: there is nothing to copy" ).arg( shownFrom ) );
  report.resolutions = resolutions.value();
  report.tasks = tasks.value();
  report.statusChanges = history.value();
  report.values = values.value();
  report.assignments = assignments.value();

  RtStoreCreateRequest request;
  // What is at the target is judged under its lock (keepReplaced): an empty register is
  // filled, one with resolutions is replaced only when asked, and then kept aside.
  request.overwrite = true;
  request.fill = [&]( RtStoreBackend & out ) { return RtStoreUpgrade::copyRegister( in, out ); };
  request.keepReplaced = [&]( RtStoreBackend & old ) -> RtResult<bool>
  {
    const RtResult<int> held = rowCount( old, RtStoreTable::Resolutions );
    if ( !held.ok() )
      return RtResult<bool>::failureFrom( held );
    if ( held.value() > 0 && !overwrite )
      return RtResult<bool>::failure( rtMsg( "RtStoreTransfer", "a register with %1 resolution(s) is there already; pass --overwrite to replace it "
                                      "(it is kept aside first)" ).arg( held.value() ) );
    return RtResult<bool>::success( held.value() > 0 );
  };
  const RtStatusResult created = RtStoreBackends::create( to, request, &report.keptAs );
  if ( !created.ok() )
    return Result::failureFrom( created );
  return Result::success( report );
}

RtStatusResult RtStoreTransfer::createEmpty( const QString &location )
{
  RtStoreCreateRequest request;
  request.overwrite = false;
  return RtStoreBackends::create( location, request );
}

RtResult<RtUpgradeReport> RtStoreTransfer::upgrade( const QString &location )
{
  using Result = RtResult<RtUpgradeReport>;
  RtUpgradeReport report;
  RtResult<std::unique_ptr<RtStoreBackend>> opened = RtStoreBackends::open( location, true, &report.keptAs );
  if ( !opened.ok() )
    return Result::failureFrom( opened );
  report.version = opened.value()->schemaVersion();
  // A register made on a server before rights and live updates existed lacks them whatever its layout.
  if ( RtPgBackend *server = dynamic_cast<RtPgBackend *>( opened.value().get() ) )
  {
    const RtResult<QStringList> completed = server->completeServerSetup();
    if ( !completed.ok() )
      return Result::failureFrom( completed );
    report.completed = completed.value();
  }
  return Result::success( report );
}
