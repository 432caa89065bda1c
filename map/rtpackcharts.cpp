#include "rtpackcharts.h"
#include "rtmapstyle.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <functional>

namespace
{
  // A chart is drawn at 10 px per mm (254 dpi), then scaled to its place.
  constexpr double sPxPerMm = 10.0;
  const QColor sInk( 26, 26, 26 );
  const QColor sGrid( 200, 200, 200 );

  QFont chartFont( double points, bool bold = false )
  {
    QFont f( RtMapStyle::fontFamily() );
    f.setPixelSize( std::max( 1, static_cast<int>( std::lround( points * 25.4 / 72.0 * sPxPerMm ) ) ) );
    f.setBold( bold );
    f.setKerning( false ); // same glyph positions in every run and renderer
    return f;
  }

  RtPackCharts::Chart draw( const QSizeF &sizeMm, const QString &title, const std::function<void( QPainter &, const QRectF & )> &body )
  {
    RtPackCharts::Chart chart;
    chart.sizeMm = sizeMm;
    const QSizeF px = chart.sizePx();
    chart.paint = [title, body, px]( QPainter &p )
    {
      p.setRenderHint( QPainter::Antialiasing, true );
      QRectF area( QPointF( 0, 0 ), px );
      if ( !title.isEmpty() )
      {
        p.setFont( chartFont( 9, true ) );
        p.setPen( sInk );
        const QRectF titleRect( 0, 0, area.width(), QFontMetricsF( p.font() ).height() * 1.3 );
        p.drawText( titleRect, Qt::AlignLeft | Qt::AlignVCenter, title );
        area.setTop( titleRect.bottom() + 4 );
      }
      body( p, area );
    };
    return chart;
  }

  //! Draws the legend in rows under \a area; returns its height.
  double legendHeight( const QVector<RtPackCharts::Series> &series, double width, const QFont &font )
  {
    const QFontMetricsF fm( font );
    const double box = fm.height() * 0.8, gap = fm.height() * 0.6;
    double x = 0, rows = 1;
    for ( const RtPackCharts::Series &s : series )
    {
      const double w = box + 6 + fm.horizontalAdvance( s.label ) + gap;
      if ( x > 0 && x + w > width )
      {
        rows += 1;
        x = 0;
      }
      x += w;
    }
    return rows * fm.height() * 1.25;
  }

  void drawLegend( QPainter &p, const QVector<RtPackCharts::Series> &series, const QRectF &rect )
  {
    p.setFont( chartFont( 7.5 ) );
    const QFontMetricsF fm( p.font() );
    const double box = fm.height() * 0.8, gap = fm.height() * 0.6, line = fm.height() * 1.25;
    double x = rect.left(), y = rect.top();
    for ( const RtPackCharts::Series &s : series )
    {
      const double w = box + 6 + fm.horizontalAdvance( s.label ) + gap;
      if ( x > rect.left() && x + w > rect.right() )
      {
        x = rect.left();
        y += line;
      }
      p.setPen( QPen( sInk, 1 ) );
      p.setBrush( s.color );
      p.drawRect( QRectF( x, y + ( line - box ) / 2, box, box ) );
      p.setPen( sInk );
      p.drawText( QRectF( x + box + 6, y, w, line ), Qt::AlignLeft | Qt::AlignVCenter, s.label );
      x += w;
    }
  }

  QString numberText( double v )
  {
    return std::fabs( v - std::round( v ) ) < 1e-9 ? QString::number( static_cast<qlonglong>( std::llround( v ) ) ) : QString::number( v, 'f', 1 );
  }
}

QSizeF RtPackCharts::Chart::sizePx() const
{
  return QSizeF( std::lround( sizeMm.width() * sPxPerMm ), std::lround( sizeMm.height() * sPxPerMm ) );
}

void RtPackCharts::Chart::paintInto( QPainter &painter, const QRectF &target ) const
{
  const QSizeF px = sizePx();
  if ( !paint || px.isEmpty() )
    return;
  painter.save();
  painter.translate( target.topLeft() );
  painter.scale( target.width() / px.width(), target.height() / px.height() );
  paint( painter );
  painter.restore();
}

RtPackCharts::Chart RtPackCharts::horizontalBars( const QString &title, const QVector<Series> &series, const QVector<Bar> &bars, const QSizeF &sizeMm, bool legend )
{
  return draw( sizeMm, title, [=]( QPainter &p, const QRectF &area )
  {
    const QFont labelFont = chartFont( 7.5 );
    const double legendH = legend ? legendHeight( series, area.width(), chartFont( 7.5 ) ) : 0;
    QRectF plot( area.left(), area.top(), area.width(), area.height() - legendH - ( legend ? 6 : 0 ) );
    p.setFont( labelFont );
    const QFontMetricsF fm( labelFont );
    double labelWidth = 0;
    double maxTotal = 0;
    for ( const Bar &b : bars )
    {
      labelWidth = std::max( labelWidth, fm.horizontalAdvance( b.label ) );
      double total = 0;
      for ( double v : b.values )
        total += v;
      maxTotal = std::max( maxTotal, total );
    }
    labelWidth = std::min( labelWidth + 10, plot.width() * 0.45 );
    const double countWidth = fm.horizontalAdvance( QStringLiteral( "0000" ) ) + 8;
    const double barArea = plot.width() - labelWidth - countWidth;
    const double rowH = bars.isEmpty() ? 0 : plot.height() / bars.size();
    const double barH = std::min( rowH * 0.7, fm.height() * 1.6 );
    for ( int i = 0; i < bars.size(); ++i )
    {
      const Bar &b = bars.at( i );
      const double y = plot.top() + i * rowH + ( rowH - barH ) / 2;
      p.setPen( sInk );
      p.drawText( QRectF( plot.left(), plot.top() + i * rowH, labelWidth - 10, rowH ), Qt::AlignRight | Qt::AlignVCenter,
                  fm.elidedText( b.label, Qt::ElideRight, labelWidth - 10 ) );
      double x = plot.left() + labelWidth, total = 0;
      for ( int s = 0; s < b.values.size() && s < series.size(); ++s )
      {
        const double w = maxTotal > 0 ? barArea * b.values.at( s ) / maxTotal : 0;
        if ( w > 0 )
        {
          p.setPen( QPen( sInk, 0.8 ) );
          p.setBrush( series.at( s ).color );
          p.drawRect( QRectF( x, y, w, barH ) );
        }
        x += w;
        total += b.values.at( s );
      }
      p.setPen( sInk );
      p.drawText( QRectF( x + 6, plot.top() + i * rowH, countWidth, rowH ), Qt::AlignLeft | Qt::AlignVCenter, numberText( total ) );
    }
    if ( legend )
      drawLegend( p, series, QRectF( area.left(), area.bottom() - legendH, area.width(), legendH ) );
  } );
}

RtPackCharts::Chart RtPackCharts::stackedColumns( const QString &title, const QVector<Series> &series, const QVector<Bar> &bars, const QSizeF &sizeMm )
{
  return draw( sizeMm, title, [=]( QPainter &p, const QRectF &area )
  {
    const QFont font = chartFont( 7 );
    p.setFont( font );
    const QFontMetricsF fm( font );
    const double legendH = legendHeight( series, area.width(), chartFont( 7.5 ) );
    double maxTotal = 0;
    for ( const Bar &b : bars )
    {
      double total = 0;
      for ( double v : b.values )
        total += v;
      maxTotal = std::max( maxTotal, total );
    }
    const double axisW = fm.horizontalAdvance( numberText( maxTotal ) ) + 10;
    const QRectF plot( area.left() + axisW, area.top() + fm.height() * 0.5, area.width() - axisW,
                       area.height() - legendH - fm.height() * 2.2 );
    // Grid lines at a round step.
    const double step = maxTotal <= 10 ? 2 : maxTotal <= 50 ? 10 : maxTotal <= 100 ? 20 : 50;
    p.setPen( QPen( sGrid, 1 ) );
    for ( double v = 0; v <= maxTotal + 1e-9 && maxTotal > 0; v += step )
    {
      const double y = plot.bottom() - plot.height() * v / maxTotal;
      p.setPen( QPen( sGrid, 1 ) );
      p.drawLine( QPointF( plot.left(), y ), QPointF( plot.right(), y ) );
      p.setPen( sInk );
      p.drawText( QRectF( area.left(), y - fm.height() / 2, axisW - 6, fm.height() ), Qt::AlignRight | Qt::AlignVCenter, numberText( v ) );
    }
    const double slot = bars.isEmpty() ? 0 : plot.width() / bars.size();
    int every = 1;
    double widest = 0;
    for ( const Bar &b : bars )
      widest = std::max( widest, fm.horizontalAdvance( b.label ) );
    while ( slot * every < widest + 6 && every < bars.size() )
      ++every;
    for ( int i = 0; i < bars.size(); ++i )
    {
      const Bar &b = bars.at( i );
      double y = plot.bottom();
      const double x = plot.left() + i * slot + slot * 0.1;
      for ( int s = 0; s < b.values.size() && s < series.size(); ++s )
      {
        const double h = maxTotal > 0 ? plot.height() * b.values.at( s ) / maxTotal : 0;
        if ( h > 0 )
        {
          p.setPen( Qt::NoPen );
          p.setBrush( series.at( s ).color );
          p.drawRect( QRectF( x, y - h, slot * 0.8, h ) );
        }
        y -= h;
      }
      if ( i % every == 0 || i == bars.size() - 1 )
      {
        p.setPen( sInk );
        p.drawText( QRectF( plot.left() + i * slot + slot / 2 - widest, plot.bottom() + 3, widest * 2, fm.height() ), Qt::AlignHCenter | Qt::AlignTop, b.label );
      }
    }
    p.setPen( QPen( sInk, 1 ) );
    p.drawLine( plot.bottomLeft(), plot.bottomRight() );
    drawLegend( p, series, QRectF( area.left(), area.bottom() - legendH, area.width(), legendH ) );
  } );
}

RtPackCharts::Chart RtPackCharts::figures( const QString &title, const QVector<Figure> &figures, const QSizeF &sizeMm, const QColor &valueColor )
{
  return draw( sizeMm, title, [=]( QPainter &p, const QRectF &area )
  {
    const QFont font = chartFont( 7.5 );
    p.setFont( font );
    const QFontMetricsF fm( font );
    const double rowH = figures.isEmpty() ? 0 : area.height() / figures.size();
    const double labelH = fm.height() * 1.2;
    const double barH = std::max( 4.0, std::min( rowH - labelH - 6, fm.height() * 1.4 ) );
    for ( int i = 0; i < figures.size(); ++i )
    {
      const Figure &f = figures.at( i );
      const double top = area.top() + i * rowH;
      p.setPen( sInk );
      p.drawText( QRectF( area.left(), top, area.width(), labelH ), Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText( f.label, Qt::ElideRight, area.width() ) );
      const QRectF bar( area.left(), top + labelH + 2, area.width() * 0.62, barH );
      // The target: the whole bar, outlined; the value: the filled share of it.
      p.setBrush( Qt::white );
      p.setPen( QPen( sInk, 1.2 ) );
      p.drawRect( bar );
      if ( f.hasValue && f.target > 0 )
      {
        const double share = std::clamp( f.value / f.target, 0.0, 1.0 );
        p.setPen( Qt::NoPen );
        p.setBrush( valueColor );
        p.drawRect( QRectF( bar.left(), bar.top(), bar.width() * share, bar.height() ) );
        p.setPen( QPen( sInk, 1.2 ) );
        p.setBrush( Qt::NoBrush );
        p.drawRect( bar );
      }
      p.setPen( sInk );
      p.drawText( QRectF( bar.right() + 8, bar.top() - 4, area.width() - bar.width() - 8, bar.height() + 8 ), Qt::AlignLeft | Qt::AlignVCenter,
                  fm.elidedText( f.valueText + QStringLiteral( " / " ) + f.targetText, Qt::ElideRight, area.width() - bar.width() - 8 ) );
    }
  } );
}

RtPackCharts::Chart RtPackCharts::key( const QVector<Series> &series, const QSizeF &sizeMm )
{
  return draw( sizeMm, QString(), [=]( QPainter &p, const QRectF &area )
  {
    drawLegend( p, series, area );
  } );
}
