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
 * layers, the as-of date, the language, the ward units (2023 or 2025), colour or
 * black-and-white print styles, and optionally the office's own copy of the layout template.
 *
 * An output file that exists is replaced only when the user ticks "Replace the existing
 * file" (RtExportReplace); until then the export button stays off and the hint says why.
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
    QgsFileWidget *mTemplate = nullptr;
    QCheckBox *mReplace = nullptr;
    QLabel *mHint = nullptr;
    QPushButton *mExportButton = nullptr;
};

#endif // RTEXPORTDIALOG_H
