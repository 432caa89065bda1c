#ifndef RTIMPORTREPORTDIALOG_H
#define RTIMPORTREPORTDIALOG_H

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QgsFileWidget;
class RtTracker;
struct RtReportImportOutcome;

/**
 * \brief Imports an office's filled report form (RtReportImport) into the open register:
 * the user chooses the file and says who reports; the dialog checks it at once (a dry run)
 * and lists every reported row with what it records or why it is refused; Apply records
 * them all (one batch: every row or none) and the panel and the map are read again.
 */
class RtImportReportDialog : public QDialog
{
    Q_OBJECT

  public:
    RtImportReportDialog( RtTracker *tracker, QWidget *parent = nullptr );

    //! The form chosen (for tests).
    void setFormPath( const QString &path );
    void setReportedBy( const QString &by );
    //! How many rows the table lists, and how many of them are refused.
    int listedRows() const;
    int refusedRows() const { return mRefused; }
    bool canApply() const;

  public slots:
    //! Checks the form without writing (a dry run) and lists its rows.
    void check();
    //! Records the form; stays open with the reason when it cannot.
    void apply();

  private:
    void showOutcome( const RtReportImportOutcome &outcome );
    void showFailure( const QString &message );

    QPointer<RtTracker> mTracker;
    QgsFileWidget *mFile = nullptr;
    QLineEdit *mBy = nullptr;
    QTableWidget *mRows = nullptr;
    QLabel *mSummary = nullptr;
    QPushButton *mApply = nullptr;
    int mRefused = 0;
    bool mChecked = false;
};

#endif // RTIMPORTREPORTDIALOG_H
