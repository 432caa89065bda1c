#ifndef RT_BENCH_STATUSRENDERER_H
#define RT_BENCH_STATUSRENDERER_H

#include <qgsrenderer.h>
#include <qgssymbol.h>

#include <memory>
#include <vector>

/**
 * \brief PROTOTYPE, benchmark only: a renderer that takes each feature's status from the
 * join result held in memory (by feature id) instead of from an attribute.
 *
 * It exists to measure what the map could cost: with no attribute requested the provider
 * reads geometries only, exactly as for one plain fill, and the symbol is one array
 * lookup. A real one (plugin side) would also need saving/loading, a legend and
 * copy-on-write updates shared with running render jobs; stock QGIS cannot read it, so
 * the rt_status field stays the interchange format.
 *
 * \a statuses holds one byte per feature (index fid - 1): an index into \a symbols; any
 * other feature gets the last symbol. The renderer is cloned for every render job: the
 * clones share the (immutable) status array.
 */
class BenchStatusRenderer : public QgsFeatureRenderer
{
  public:
    BenchStatusRenderer( std::shared_ptr<const std::vector<quint8>> statuses, const QList<QgsSymbol *> &symbols )
      : QgsFeatureRenderer( QStringLiteral( "rtBenchStatusById" ) )
      , mStatuses( std::move( statuses ) )
    {
      for ( QgsSymbol *s : symbols )
        mSymbols.emplace_back( s );
    }

    void setStatuses( std::shared_ptr<const std::vector<quint8>> statuses ) { mStatuses = std::move( statuses ); }

    QgsSymbol *symbolForFeature( const QgsFeature &feature, QgsRenderContext & ) const override
    {
      const QgsFeatureId fid = feature.id();
      const std::vector<quint8> &st = *mStatuses;
      size_t index = mSymbols.size() - 1;
      if ( fid >= 1 && static_cast<size_t>( fid ) <= st.size() && st[static_cast<size_t>( fid - 1 )] < mSymbols.size() )
        index = st[static_cast<size_t>( fid - 1 )];
      return mSymbols[index].get();
    }

    void startRender( QgsRenderContext &context, const QgsFields &fields ) override
    {
      QgsFeatureRenderer::startRender( context, fields );
      for ( const auto &s : mSymbols )
        s->startRender( context, fields );
    }

    void stopRender( QgsRenderContext &context ) override
    {
      QgsFeatureRenderer::stopRender( context );
      for ( const auto &s : mSymbols )
        s->stopRender( context );
    }

    QSet<QString> usedAttributes( const QgsRenderContext & ) const override { return QSet<QString>(); }

    QgsSymbolList symbols( QgsRenderContext & ) const override
    {
      QgsSymbolList out;
      for ( const auto &s : mSymbols )
        out << s.get();
      return out;
    }

    QgsFeatureRenderer *clone() const override
    {
      QList<QgsSymbol *> copies;
      for ( const auto &s : mSymbols )
        copies << s->clone();
      auto *r = new BenchStatusRenderer( mStatuses, copies );
      copyRendererData( r );
      return r;
    }

  private:
    std::shared_ptr<const std::vector<quint8>> mStatuses;
    std::vector<std::unique_ptr<QgsSymbol>> mSymbols;
};

#endif // RT_BENCH_STATUSRENDERER_H
