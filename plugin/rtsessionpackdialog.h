#ifndef RTSESSIONPACKDIALOG_H
#define RTSESSIONPACKDIALOG_H

#include "rtsessionpack.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QgsDateEdit;
class QgsFileWidget;

/**
 * \brief Asks what the council session pack covers, as `restrack session-pack` does: the PDF
 * (and optionally the XLSX of its tables), the session's date, the last session's date to
 * list what changed since, the language, the ward units, the office's layout templates and
 * the cadastre of the land cases.
 *
 * A file that exists is replaced only when the user ticks "Replace the existing files"
 * (RtPackReplace); until then the button stays off and the hint says why. The last session
 * must come before this one.
 */
class RtSessionPackDialog : public QDialog
{
    Q_OBJECT

  public:
    //! Starts from \a defaults; dates before \a earliest (the resolution's date) are refused.
    RtSessionPackDialog( const RtSessionPackOptions &defaults, const QDate &earliest, QWidget *parent = nullptr );

    //! The options as filled in.
    RtSessionPackOptions options() const;

  public slots:
    void accept() override;

  private slots:
    void validate();

  private:
    RtSessionPackOptions mDefaults;
    QgsFileWidget *mOutput = nullptr;
    QgsFileWidget *mTables = nullptr;
    QCheckBox *mReplace = nullptr;
    QgsDateEdit *mSessionDate = nullptr;
    QCheckBox *mCompare = nullptr;
    QgsDateEdit *mSince = nullptr;
    QComboBox *mLanguage = nullptr;
    QComboBox *mUnits = nullptr;
    QgsFileWidget *mTemplates = nullptr;
    QgsFileWidget *mCadastre = nullptr;
    QLabel *mHint = nullptr;
    QPushButton *mMakeButton = nullptr;
};

#endif // RTSESSIONPACKDIALOG_H
