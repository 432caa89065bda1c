#ifndef RTEXPORTDIALOG_H
#define RTEXPORTDIALOG_H

#include "rtmapexport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QgsDateEdit;
class QgsFileWidget;

/**
 * \brief Asks what the council-session map shows: the output file (PDF or PNG), the map
 * layers, the as-of date, the language, the ward units (2023 or 2025), and colour or
 * black-and-white print styles.
 */
class RtExportDialog : public QDialog
{
    Q_OBJECT

  public:
    /**
     * Starts from \a defaults (register, layers, date, language); the last folder used is
     * remembered. The date picker starts at \a earliest, the resolution's date
     * (RtTasksAsOf::earliest()): an earlier date would be refused.
     */
    RtExportDialog( const RtMapExportOptions &defaults, const QDate &earliest, QWidget *parent = nullptr );

    //! The options as filled in.
    RtMapExportOptions options() const;

  public slots:
    void accept() override;

  private slots:
    void validate();

  private:
    RtMapExportOptions mDefaults;
    QgsFileWidget *mOutput = nullptr;
    QgsFileWidget *mLayers = nullptr;
    QgsDateEdit *mAsOf = nullptr;
    QComboBox *mLanguage = nullptr;
    QComboBox *mUnits = nullptr;
    QCheckBox *mPrint = nullptr;
    QLabel *mHint = nullptr;
    QPushButton *mExportButton = nullptr;
};

#endif // RTEXPORTDIALOG_H
