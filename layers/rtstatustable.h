#ifndef RTSTATUSTABLE_H
#define RTSTATUSTABLE_H

#include "rtjoin.h"

#include <QHash>
#include <QVector>

#include <vector>

/**
 * \brief Feature id → status, for a renderer that looks each feature up while drawing.
 *
 * One byte per feature. Ids in a compact range (GeoPackage and shapefile ids are 1..N or
 * 0..N-1) are kept in an array indexed by id, which costs one load per feature at draw
 * time; scattered ids (a PostGIS table with gaps) in a hash. A table is a value: a
 * renderer works on its own copy while the next one is prepared.
 */
class RtStatusTable
{
  public:
    RtStatusTable() = default;
    //! The status of every feature of \a result.
    explicit RtStatusTable( const QVector<RtFeatureResult> &features );

    //! The status of \a fid; None for a feature the table does not know.
    RtFeatureStatus status( qint64 fid ) const
    {
      if ( mDense )
      {
        const quint64 offset = static_cast<quint64>( fid - mFirst );
        return offset < mArray.size() ? static_cast<RtFeatureStatus>( mArray[offset] ) : RtFeatureStatus::None;
      }
      return static_cast<RtFeatureStatus>( mHash.value( fid, static_cast<quint8>( RtFeatureStatus::None ) ) );
    }

    //! Sets the status of a feature the table was made with (others are ignored).
    void set( qint64 fid, RtFeatureStatus status );

    int size() const { return mSize; }
    bool isDense() const { return mDense; }

  private:
    bool mDense = true;
    qint64 mFirst = 0;
    std::vector<quint8> mArray;
    QHash<qint64, quint8> mHash;
    int mSize = 0;
};

#endif // RTSTATUSTABLE_H
