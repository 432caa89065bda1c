#include "rtstatusrenderer.h"

#include <qgscolorramp.h>
#include <qgsdatadefinedsizelegend.h>
#include <qgsfeature.h>
#include <qgslegendsymbolitem.h>
#include <qgsrendercontext.h>
#include <qgssymbol.h>

std::shared_ptr<const RtStatusTable> RtStatusSource::table() const
{
  QMutexLocker lock( &mMutex );
  return mTable;
}

void RtStatusSource::setTable( std::shared_ptr<const RtStatusTable> table )
{
  QMutexLocker lock( &mMutex );
  mTable = table ? std::move( table ) : std::make_shared<RtStatusTable>();
}

RtStatusRenderer::RtStatusRenderer( const QString &attribute, const QgsCategoryList &categories, std::shared_ptr<RtStatusSource> source )
  : QgsCategorizedSymbolRenderer( attribute, categories )
  , mSource( source ? std::move( source ) : std::make_shared<RtStatusSource>() )
{
}

RtStatusRenderer *RtStatusRenderer::fromCategorized( const QgsCategorizedSymbolRenderer &other, std::shared_ptr<RtStatusSource> source )
{
  auto *r = new RtStatusRenderer( other.classAttribute(), other.categories(), std::move( source ) );
  if ( other.sourceSymbol() )
    r->setSourceSymbol( other.sourceSymbol()->clone() );
  if ( other.sourceColorRamp() )
    r->setSourceColorRamp( other.sourceColorRamp()->clone() );
  if ( other.dataDefinedSizeLegend() )
    r->setDataDefinedSizeLegend( new QgsDataDefinedSizeLegend( *other.dataDefinedSizeLegend() ) );
  other.copyRendererData( r );
  return r;
}

QgsCategorizedSymbolRenderer *RtStatusRenderer::toCategorized() const
{
  auto *r = new QgsCategorizedSymbolRenderer( classAttribute(), categories() );
  if ( sourceSymbol() )
    r->setSourceSymbol( sourceSymbol()->clone() );
  if ( sourceColorRamp() )
    r->setSourceColorRamp( sourceColorRamp()->clone() );
  if ( dataDefinedSizeLegend() )
    r->setDataDefinedSizeLegend( new QgsDataDefinedSizeLegend( *dataDefinedSizeLegend() ) );
  copyRendererData( r );
  return r;
}

RtStatusRenderer *RtStatusRenderer::clone() const
{
  RtStatusRenderer *r = fromCategorized( *this, mSource );
  return r;
}

std::array<int, 8> RtStatusRenderer::categoryOfStatus( bool renderedOnly ) const
{
  std::array<int, 8> out;
  out.fill( -1 );
  const QgsCategoryList &cats = categories();
  int catchAll = -1;
  for ( int i = 0; i < cats.size(); ++i )
  {
    const QgsRendererCategory &cat = cats.at( i );
    if ( renderedOnly && !cat.renderState() )
      continue;
    const QVariant value = cat.value();
    if ( value.isNull() || value.toString().isEmpty() )
    {
      if ( catchAll < 0 )
        catchAll = i;
      continue;
    }
    const QVariantList values = value.userType() == QMetaType::QVariantList ? value.toList() : QVariantList { value };
    for ( const QVariant &v : values )
      for ( RtFeatureStatus status : RtFeatureStatuses::all() )
        if ( v.toString() == RtFeatureStatuses::code( status ) && out[static_cast<size_t>( status )] < 0 )
          out[static_cast<size_t>( status )] = i;
  }
  for ( int &i : out )
    if ( i < 0 )
      i = catchAll;
  return out;
}

void RtStatusRenderer::startRender( QgsRenderContext &context, const QgsFields &fields )
{
  // The base starts every category's symbol; ours only picks among them.
  QgsCategorizedSymbolRenderer::startRender( context, fields );
  mTable = mSource->table();
  const QgsCategoryList &cats = categories();
  const std::array<int, 8> drawn = categoryOfStatus( true );
  const std::array<int, 8> any = categoryOfStatus( false );
  for ( size_t s = 0; s < drawn.size(); ++s )
  {
    mSymbolOfStatus[s] = drawn[s] >= 0 ? cats.at( drawn[s] ).symbol() : nullptr;
    mOriginalOfStatus[s] = any[s] >= 0 ? cats.at( any[s] ).symbol() : nullptr;
  }
  mLegendKeysReady = false; // made when first asked: drawing never needs them
}

void RtStatusRenderer::prepareLegendKeys() const
{
  // Legend keys in category order (their form differs between QGIS versions).
  QStringList keys;
  const QgsLegendSymbolList items = legendSymbolItems();
  for ( const QgsLegendSymbolItem &item : items )
    if ( item.symbol() )
      keys << item.ruleKey();
  const bool keysByIndex = keys.size() == categories().size();
  const std::array<int, 8> any = categoryOfStatus( false );
  for ( size_t s = 0; s < any.size(); ++s )
    mLegendKeyOfStatus[s] = any[s] < 0 ? QString() : keysByIndex ? keys.at( any[s] ) : QString::number( any[s] );
  mLegendKeysReady = true;
}

void RtStatusRenderer::stopRender( QgsRenderContext &context )
{
  QgsCategorizedSymbolRenderer::stopRender( context );
  mTable.reset();
  mSymbolOfStatus.fill( nullptr );
  mOriginalOfStatus.fill( nullptr );
}

QgsSymbol *RtStatusRenderer::symbolForFeature( const QgsFeature &feature, QgsRenderContext & ) const
{
  const RtFeatureStatus status = mTable ? mTable->status( feature.id() ) : RtFeatureStatus::None;
  return mSymbolOfStatus[static_cast<size_t>( status )];
}

QgsSymbol *RtStatusRenderer::originalSymbolForFeature( const QgsFeature &feature, QgsRenderContext & ) const
{
  const RtFeatureStatus status = mTable ? mTable->status( feature.id() ) : RtFeatureStatus::None;
  return mOriginalOfStatus[static_cast<size_t>( status )];
}

QSet<QString> RtStatusRenderer::legendKeysForFeature( const QgsFeature &feature, QgsRenderContext & ) const
{
  if ( !mLegendKeysReady )
    prepareLegendKeys();
  const RtFeatureStatus status = mTable ? mTable->status( feature.id() ) : RtFeatureStatus::None;
  const QString &key = mLegendKeyOfStatus[static_cast<size_t>( status )];
  return key.isEmpty() ? QSet<QString>() : QSet<QString> { key };
}

QSet<QString> RtStatusRenderer::usedAttributes( const QgsRenderContext &context ) const
{
  // Not the status field: that is the point. Only what the symbols themselves use.
  QSet<QString> attributes;
  for ( const QgsRendererCategory &cat : categories() )
    if ( cat.symbol() )
      attributes.unite( cat.symbol()->usedAttributes( context ) );
  return attributes;
}

QString RtStatusRenderer::filter( const QgsFields & )
{
  // Unchecked legend entries are skipped in symbolForFeature(): no filter on the field.
  return QString();
}
