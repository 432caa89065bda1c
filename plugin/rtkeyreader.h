#ifndef RTKEYREADER_H
#define RTKEYREADER_H

#include "rtjoin.h"
#include "rtresult.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

#include <qgsexpressioncontext.h>
#include <qgsfeatureid.h>
#include <qgstaskmanager.h>

class QgsFeedback;
class QgsVectorLayer;
class QgsVectorLayerFeatureSource;

/**
 * \brief Reads the key values of a bound layer's features: checked and set up on the main
 * thread (prepare()), read on any thread (read()), so that a 1,000,000-parcel layer can be
 * read by a QgsTask while QGIS stays usable.
 *
 * Only the key fields are read, without geometry. GSO commune codes in a numeric field get
 * their leading zeros back (as RtLayerKeys does). Each feature's key text is what the
 * binding's virtual field computes from the same fields.
 */
class RtKeyReader
{
    Q_DECLARE_TR_FUNCTIONS( RtKeyReader )

  public:
    /**
     * Checks \a layer for \a binding and takes what read() needs. Refused, with a message
     * naming the layer: a missing field (its fields are listed), 0 or more than 3 fields,
     * and a CRS that puts the layer far from Móng Cái (RtCrsCheck names the likely one).
     * The binding's key map, when it has a source, is read here too (a small table).
     */
    static RtResult<std::shared_ptr<RtKeyReader>> prepare( QgsVectorLayer *layer, const RtKeyBinding &binding );

    //! The expression that gives a feature's key as the virtual field's map holds it.
    static QString keyExpression( const RtKeyBinding &binding );

    ~RtKeyReader();
    RtKeyReader( const RtKeyReader & ) = delete;
    RtKeyReader &operator=( const RtKeyReader & ) = delete;

    /**
     * Reads every feature's keys; false when \a feedback was cancelled. Any thread. A
     * PostgreSQL table without a filter or unsaved edits, keyed by an integer column, is read
     * with COPY, and such a layer of a GeoPackage through GDAL's columnar stream (both several
     * times faster than feature by feature); any other layer, or if that fails, through QGIS's
     * provider.
     */
    bool read( QgsFeedback *feedback = nullptr );

    QString layerName() const { return mLayerName; }
    //! Whether the last read() read a PostgreSQL table with COPY.
    bool readByCopy() const { return mReadByCopy; }
    //! Whether the last read() read a file layer through GDAL's columnar stream (RtLayerKeys).
    bool readByGdal() const { return mReadByGdal; }
    long long expectedCount() const { return mExpectedCount; }

    QVector<RtFeatureKey> keys;   //!< in layer order
    QVector<QString> keyTexts;    //!< the key of each feature as the virtual field computes it
    QStringList warnings;         //!< numeric GSO codes, a key map's doubts, …
    QHash<QString, QString> keyMap;  //!< the binding's key map, read from its keyMapSource (empty without one)

    //! \a source's layer spec, with "|layername=…" alone taken in \a layer's own file.
    static QString keyMapSpec( const QgsVectorLayer *layer, const RtKeyMapSource &source );

  private:
    RtKeyReader() = default;

    QString mLayerName;
    long long mExpectedCount = 0;
    std::unique_ptr<QgsVectorLayerFeatureSource> mSource;
    QgsAttributeList mIndexes;
    bool mPadCode = false;
    bool mPlainTypes = true;
    QString mKeyExpression;
    QgsExpressionContext mContext;

    //! A PostgreSQL table read with COPY (RtPgKeyCopy) instead of QGIS's provider; see prepare().
    struct PgTable
    {
      QString connection; //!< libpq's connection string, QGIS's authentication configuration resolved
      QString schema;
      QString table;
      QString fidColumn;
    };
    std::optional<PgTable> mPgTable;
    QString mOgrSpec; //!< a file layer GDAL reads column by column (RtLayerKeys), "PATH|layername=NAME"; see prepare()
    QStringList mKeyFieldNames; //!< the binding's key fields, for the direct reads
    bool mReadByCopy = false;
    bool mReadByGdal = false;
    bool readPgTable( QgsFeedback *feedback );
    bool readOgrLayer( QgsFeedback *feedback );
    void takeDirectKeys( QVector<RtFeatureKey> &&raw );
};

/**
 * \brief A task of QGIS's task manager that runs RtKeyReader::read(): progress in the
 * status bar, cancellable. Its owner connects to taskCompleted() / taskTerminated().
 */
class RtKeyReadTask : public QgsTask
{
    Q_OBJECT

  public:
    explicit RtKeyReadTask( std::shared_ptr<RtKeyReader> reader );
    ~RtKeyReadTask() override;
    std::shared_ptr<RtKeyReader> reader() const { return mReader; }
    void cancel() override;

  protected:
    bool run() override;

  private:
    std::shared_ptr<RtKeyReader> mReader;
    std::unique_ptr<QgsFeedback> mFeedback;
};

#endif // RTKEYREADER_H
