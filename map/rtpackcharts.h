#ifndef RTPACKCHARTS_H
#define RTPACKCHARTS_H

#include <QColor>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

class QPainter;

/**
 * \brief The session pack's charts, drawn with QPainter (QGIS 3.22 has no chart layout item):
 * the pack paints each straight into its PDF, over the place of a picture item of the
 * template, so that their text stays text (through an SVG picture, QSvgRenderer writes every
 * glyph as a path: not searchable, and 0.7 MB for one page of figures).
 *
 * Sizes are in millimetres (the layout's unit); text is DejaVu Sans (every Vietnamese
 * glyph) at the given point size. The drawing depends only on its inputs.
 */
namespace RtPackCharts
{
  //! A chart ready to paint.
  struct Chart
  {
    QSizeF sizeMm;
    std::function<void( QPainter & )> paint; //!< in the chart's own pixels, sizePx()

    QSizeF sizePx() const;
    //! Paints the chart scaled into \a target (in \a painter's coordinates).
    void paintInto( QPainter &painter, const QRectF &target ) const;
  };

  //! One coloured part of a bar, and its legend entry.
  struct Series
  {
    QString label;
    QColor color;
  };

  //! One bar: its label and the value of each series (stacked left to right, or bottom up).
  struct Bar
  {
    QString label;
    QVector<double> values;
  };

  //! One figure the resolution set: the target and the latest value (none: not reported).
  struct Figure
  {
    QString label;        //!< "CM-TDC-500 — 500 ô đất tái định cư"
    QString targetText;   //!< the target as written ("khoảng 500 ô đất tái định cư")
    double target = 0;    //!< numeric target; 0 when the text gives none
    bool hasValue = false;
    double value = 0;
    QString valueText;    //!< "312 ô (30/06/2025)" or "no value reported"
  };

  /**
   * Horizontal bars, one per \a bars entry, each stacked by \a series, a legend under them.
   * Used for the tasks by status (one series per status, one bar each) and by category.
   */
  Chart horizontalBars( const QString &title, const QVector<Series> &series, const QVector<Bar> &bars, const QSizeF &sizeMm,
                        bool legend = true );

  /**
   * Vertical stacked columns (the status of all tasks month by month): \a bars in time
   * order; only every n-th label is written when they would collide.
   */
  Chart stackedColumns( const QString &title, const QVector<Series> &series, const QVector<Bar> &bars, const QSizeF &sizeMm );

  //! Target against the latest value, one row per figure: the value as a share of the target bar.
  Chart figures( const QString &title, const QVector<Figure> &figures, const QSizeF &sizeMm, const QColor &valueColor );

  //! A one-line colour key (a swatch and a label per series).
  Chart key( const QVector<Series> &series, const QSizeF &sizeMm );
}

#endif // RTPACKCHARTS_H
