#ifndef RTLAYOUTTEMPLATE_H
#define RTLAYOUTTEMPLATE_H

#include "rtresult.h"

#include <QHash>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

class QgsLayoutFrame;
class QgsLayoutItem;
class QgsLayoutItemLabel;
class QgsLayoutItemLegend;
class QgsLayoutItemManualTable;
class QgsLayoutItemMap;
class QgsLayoutItemPicture;
class QgsLayoutItemScaleBar;
class QgsPrintLayout;
class QgsProject;

/**
 * \brief A print layout made from a QGIS layout template (.qpt) whose items the code fills
 * by their ids: the council map's layout, and the session pack's pages after it.
 *
 * The template is a file QGIS's layout designer opens and saves (Layout › Add Items from
 * Template; Layout › Save as Template). Everything the designer sets stays as the template
 * has it: page size, positions, fonts, colours, frames, and any item the code does not know
 * (an office's emblem or heading). The code fills what changes with the data: the texts of
 * labels, the map's layers and extent, the legend's entries, the rows of tables. Items the
 * code needs are declared with their type; a template lacking one, or holding another type
 * under its id, is refused with a message naming the id.
 *
 * Panels whose heights follow their content (a legend, tables) are stacked with stack(),
 * which keeps the template's gaps between them.
 */
class RtLayoutTemplate
{
  public:
    //! The type of item the code expects under an id.
    enum class ItemType
    {
      Label,
      Map,
      Legend,
      ScaleBar,
      Picture,
      Table, //!< a manual table (QgsLayoutItemManualTable), found by the id of its first frame
    };

    //! An item the code fills: its id, its type, and whether the template must have it.
    struct Item
    {
      QString id;
      ItemType type = ItemType::Label;
      bool required = true;
    };

    //! The path of a template built into the library: ":/rtmap/templates/NAME.qpt".
    static QString builtIn( const QString &name );

    /**
     * Loads the template at \a path (a file or a built-in resource) into a new print layout
     * of \a project and checks \a items. Refused, naming the file, when it cannot be read or
     * is not a QGIS layout template, and naming the id of a required item that is missing
     * or of any listed item of another type. Relative paths inside the template (a picture)
     * are resolved against the template's folder.
     */
    static RtResult<RtLayoutTemplate> load( QgsProject *project, const QString &path, const QVector<Item> &items );

    RtLayoutTemplate( RtLayoutTemplate && ) noexcept;
    RtLayoutTemplate &operator=( RtLayoutTemplate && ) noexcept;
    ~RtLayoutTemplate();

    //! The layout (owned by this object until takeLayout()).
    QgsPrintLayout *layout() const { return mLayout.get(); }
    //! Hands the layout over, for example to a project's layout manager.
    std::unique_ptr<QgsPrintLayout> takeLayout();
    //! The file the template was read from.
    QString path() const { return mPath; }

    // The items by id: null when the template has none (an optional item).
    QgsLayoutItemLabel *label( const QString &id ) const;
    QgsLayoutItemMap *map( const QString &id ) const;
    QgsLayoutItemLegend *legend( const QString &id ) const;
    QgsLayoutItemScaleBar *scaleBar( const QString &id ) const;
    QgsLayoutItemPicture *picture( const QString &id ) const;
    QgsLayoutItemManualTable *table( const QString &id ) const;
    //! The item with \a id; a table's first frame for a table.
    QgsLayoutItem *item( const QString &id ) const;

    //! Sets the text of the label \a id, when the template has it; returns the label.
    QgsLayoutItemLabel *setText( const QString &id, const QString &text ) const;

    //! Leaves the item \a id out of the output (kept in the layout, hidden); stack() skips it.
    void hide( const QString &id ) const;

    //! Where the template put the item \a id, in layout units, before anything was filled (null when absent).
    QRectF templateRect( const QString &id ) const { return mTemplateRects.value( id ); }

    //! The item's place now, in layout units (null when absent).
    QRectF rect( const QString &id ) const;

    //! Sets the item's height, keeping its top-left corner.
    void setHeight( const QString &id, double height ) const;

    /**
     * Stacks the shown items of \a ids top-down as their content sized them: an item that
     * the template puts below the previous one, overlapping it across, moves to keep the
     * template's gap under it; an item the user placed elsewhere keeps its place.
     */
    void stack( const QStringList &ids ) const;

    //! The height a table's rows need (its frame's height to show them all), in layout units.
    static double fittedHeight( QgsLayoutItemManualTable *table );

  private:
    RtLayoutTemplate() = default;
    std::unique_ptr<QgsPrintLayout> mLayout;
    QString mPath;
    QHash<QString, QRectF> mTemplateRects;
};

#endif // RTLAYOUTTEMPLATE_H
