#ifndef RTSTATUSDIALOG_H
#define RTSTATUSDIALOG_H

#include "rtlang.h"
#include "rtstore.h"
#include "rttask.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

/**
 * \brief Asks for one status change of one task: the new status, the date it holds from,
 * who makes it, a note and the evidence (a decision number, a report).
 *
 * The change it returns is based on the status the dialog was opened with
 * (RtStatusChange::expected), so a change made meanwhile by someone else is refused by
 * the store instead of being overwritten. The name of the person is remembered in
 * QgsSettings for the next change; the first time it is the user's login name.
 */
class RtStatusDialog : public QDialog
{
    Q_OBJECT

  public:
    //! \a task carries the status the user sees now; \a document gives the earliest date.
    RtStatusDialog( const RtTask &task, const RtDocumentInfo &document, RtLang lang, QWidget *parent = nullptr );

    //! The change as filled in; \c expected is the task's status when the dialog opened.
    RtStatusChange change() const;

    //! The name the "by" field starts with: the last one used, else the login name.
    static QString defaultBy();
    //! Remembers \a by for the next change.
    static void rememberBy( const QString &by );

  public slots:
    void accept() override;

  private slots:
    void validate();

  private:
    RtTask mTask;
    QComboBox *mStatus = nullptr;
    QDateEdit *mDate = nullptr;
    QLineEdit *mBy = nullptr;
    QPlainTextEdit *mNote = nullptr;
    QLineEdit *mEvidence = nullptr;
    QLabel *mHint = nullptr;
    QDialogButtonBox *mButtons = nullptr;
};

#endif // RTSTATUSDIALOG_H
