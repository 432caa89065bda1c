#ifndef RT_RENDEREDCOLOR_H
#define RT_RENDEREDCOLOR_H

// The colour a layer draws inside a feature: the plugin's tests and rt_live_bench read a
// status colour off a real QGIS render with it. No Catch2: the benchmark includes it too.
#include <qgsfeature.h>
#include <qgsgeometry.h>
#include <qgsmaprenderercustompainterjob.h>
#include <qgsmapsettings.h>
#include <qgsvectorlayer.h>

#include <QColor>
#include <QImage>
#include <QPainter>

#include <cstdlib>

//! The colour \a layer draws at a point inside feature \a fid (500×500 px of the layer's extent; labels and selection off, white background).
inline QColor rtRenderedColor( QgsVectorLayer *layer, QgsFeatureId fid )
{
  const QgsPointXY inside = layer->getFeature( fid ).geometry().pointOnSurface().asPoint();
  QgsMapSettings settings;
  settings.setLayers( { layer } );
  settings.setDestinationCrs( layer->crs() );
  settings.setOutputSize( QSize( 500, 500 ) );
  settings.setExtent( layer->extent() );
  settings.setBackgroundColor( Qt::white );
  settings.setFlag( Qgis::MapSettingsFlag::DrawLabeling, false );
  settings.setFlag( Qgis::MapSettingsFlag::Antialiasing, false );
  settings.setFlag( Qgis::MapSettingsFlag::DrawSelection, false ); // the panel selects a task's features
  QImage image( settings.outputSize(), QImage::Format_ARGB32_Premultiplied );
  image.fill( Qt::white );
  QPainter painter( &image );
  QgsMapRendererCustomPainterJob job( settings, &painter );
  job.start();
  job.waitForFinished();
  painter.end();
  const QgsPointXY pixel = settings.mapToPixel().transform( inside );
  return image.pixelColor( static_cast<int>( pixel.x() ), static_cast<int>( pixel.y() ) );
}

//! Two colours equal within 2 per channel (rendering may round).
inline bool rtSameColor( const QColor &a, const QColor &b )
{
  return std::abs( a.red() - b.red() ) <= 2 && std::abs( a.green() - b.green() ) <= 2 && std::abs( a.blue() - b.blue() ) <= 2;
}

#endif // RT_RENDEREDCOLOR_H
