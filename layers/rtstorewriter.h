#ifndef RTSTOREWRITER_H
#define RTSTOREWRITER_H

// Internal to the register store (RtStore): writing a new register.

#include "rtgpkgbackend.h"
#include "rtstore.h"

namespace RtStoreInternal
{
  QString createTables( GDALDataset *ds );

  //! Writes one row built by \a fill into \a table.
  QString insertRow( GDALDataset *ds, const char *table, const std::function<void( OGRFeature & )> &fill );

  QString writeClauses( GDALDataset *ds, const QVector<RtClause> &clauses, const QStringList &parentPath, int depth, int &ordinal );

  QString writeRegister( GDALDataset *ds, const RtResolution &resolution, const QVector<RtTask> &tasks, const RtDocumentInfo &doc );

  RtStatusResult createRegister( const QString &path, const RtResolution &resolution, const QVector<RtTask> &tasks,
                                 const RtDocumentInfo &info, bool overwrite );
}

#endif // RTSTOREWRITER_H
