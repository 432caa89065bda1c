#ifndef RTSTATUSRENDERER_H
#define RTSTATUSRENDERER_H

#include "rtstatustable.h"

#include <qgscategorizedsymbolrenderer.h>

#include <QMutex>

#include <array>
#include <memory>

/**
 * \brief The statuses a binding shows, shared by the binding and every copy of its renderer.
 *
 * QGIS copies the layer's renderer for every render job and draws on other threads: a
 * copy takes the current table when its drawing starts, and the binding replaces the
 * table (never edits it in place) when a status changes.
 */
class RtStatusSource
{
  public:
    std::shared_ptr<const RtStatusTable> table() const;
    void setTable( std::shared_ptr<const RtStatusTable> table );

  private:
    mutable QMutex mMutex;
    std::shared_ptr<const RtStatusTable> mTable = std::make_shared<RtStatusTable>();
};

/**
 * \brief A categorized renderer on the status field that finds each feature's status by
 * its id instead of reading the field.
 *
 * Drawing then reads geometries only, as a single-symbol layer does: on a 1,000,000-parcel
 * layer the coloured map costs within a few percent of a plain fill, where reading the
 * status attribute costs 10–16 % and the live expression field 90 % (tests/bench/RESULTS.md).
 *
 * To QGIS it is a categorized renderer (type "categorizedSymbol") on the status field: the
 * project saves it as one, the style dock edits its categories, and a project opened
 * without the plugin colours the layer from the field. Categories whose value is a status
 * code (RtFeatureStatuses::code) are drawn for the features of that status; the catch-all
 * category for the others; unchecked legend entries are not drawn.
 */
class RtStatusRenderer : public QgsCategorizedSymbolRenderer
{
  public:
    RtStatusRenderer( const QString &attribute, const QgsCategoryList &categories, std::shared_ptr<RtStatusSource> source );

    //! The same categories and settings as \a other, statuses from \a source.
    static RtStatusRenderer *fromCategorized( const QgsCategorizedSymbolRenderer &other, std::shared_ptr<RtStatusSource> source );
    //! A plain categorized copy that reads the field (what the layer keeps when unbound).
    QgsCategorizedSymbolRenderer *toCategorized() const;

    std::shared_ptr<RtStatusSource> source() const { return mSource; }

    QgsSymbol *symbolForFeature( const QgsFeature &feature, QgsRenderContext &context ) const override;
    QgsSymbol *originalSymbolForFeature( const QgsFeature &feature, QgsRenderContext &context ) const override;
    QSet<QString> legendKeysForFeature( const QgsFeature &feature, QgsRenderContext &context ) const override;
    void startRender( QgsRenderContext &context, const QgsFields &fields ) override;
    void stopRender( QgsRenderContext &context ) override;
    QSet<QString> usedAttributes( const QgsRenderContext &context ) const override;
    QString filter( const QgsFields &fields = QgsFields() ) override;
    bool filterNeedsGeometry() const override { return false; }
    RtStatusRenderer *clone() const override;

  private:
    //! Index in categories() drawn for each RtFeatureStatus, -1 for none.
    std::array<int, 8> categoryOfStatus( bool renderedOnly ) const;
    void prepareLegendKeys() const;

    std::shared_ptr<RtStatusSource> mSource;
    // Set by startRender() for one drawing:
    std::shared_ptr<const RtStatusTable> mTable;
    std::array<QgsSymbol *, 8> mSymbolOfStatus {};     //!< drawn symbol, null when not drawn
    std::array<QgsSymbol *, 8> mOriginalOfStatus {};   //!< symbol whatever the legend check
    mutable std::array<QString, 8> mLegendKeyOfStatus;  //!< a renderer copy is used by one thread at a time
    mutable bool mLegendKeysReady = false;
};

#endif // RTSTATUSRENDERER_H
