#ifndef RTBINDDIALOG_H
#define RTBINDDIALOG_H

#include "rtjoin.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QgsFieldComboBox;
class QgsMapLayerComboBox;
class QgsTask;
class QgsVectorLayer;
class RtLayerBinding;
class RtTracker;

/**
 * \brief Binds a vector layer of the project to the register: the kind of place its
 * features are (ward, zone, site, parcel), the 1–3 fields that hold their keys (a code, a
 * name, or commune + map sheet + parcel number), and whether keys are codes or names.
 *
 * Every change of the choice previews the join: how many features get a task, and every
 * task link that lands on no feature or on several (listed, never dropped silently).
 */
class RtBindDialog : public QDialog
{
    Q_OBJECT

  public:
    RtBindDialog( RtTracker *tracker, QgsVectorLayer *layer, QWidget *parent = nullptr );
    ~RtBindDialog() override;

    QgsVectorLayer *layer() const;
    //! The binding as chosen in the dialog.
    RtKeyBinding keyBinding() const;

    /**
     * The report of a join, as the dialog and the panel show it: features with tasks,
     * links that landed nowhere, keys matching several features.
     */
    static QString reportText( const RtLayerBinding &binding, const RtJoinResult &result, RtLang lang );

  public slots:
    //! Binds the layer (through the tracker); stays open with the reason when it cannot.
    void accept() override;

  private slots:
    void layerChanged();
    void preview();
    void unbind();

  private:
    QPointer<RtTracker> mTracker;
    QgsMapLayerComboBox *mLayer = nullptr;
    QComboBox *mKind = nullptr;
    QComboBox *mMatch = nullptr;
    QgsFieldComboBox *mFields[3] = { nullptr, nullptr, nullptr };
    QGroupBox *mKeyMap = nullptr;              //!< translate the tasks' keys through a table (2023 → 2025 units)
    QgsMapLayerComboBox *mKeyMapLayer = nullptr;
    QgsFieldComboBox *mKeyMapFrom = nullptr;
    QgsFieldComboBox *mKeyMapTo = nullptr;
    QPlainTextEdit *mReport = nullptr;
    QPushButton *mBindButton = nullptr;
    QPushButton *mUnbindButton = nullptr;
    QMetaObject::Connection mBoundConnection;  //!< waiting for a big layer's binding
    QPointer<QgsTask> mPreviewTask;            //!< reading a big layer's keys for the preview
};

#endif // RTBINDDIALOG_H
