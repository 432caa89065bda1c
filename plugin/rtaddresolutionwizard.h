#ifndef RTADDRESOLUTIONWIZARD_H
#define RTADDRESOLUTIONWIZARD_H

#include "rtcity.h"
#include "rtdraftregister.h"
#include "rtlang.h"
#include "rtresolutionimporter.h"
#include "rtresult.h"

#include <QString>
#include <QStringList>
#include <QWizard>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QTreeWidget;

/**
 * \brief "Add a resolution…": a new resolution's text into the open register, without
 * writing JSON.
 *
 * Three pages: the file (plain text, PDF or DOCX) → what the importer read, for checking
 * (number, date, council, session, title, the clause tree and the importer's warnings) →
 * the draft tasks (RtDraftRegister::propose(): one per directive leaf and project-list
 * appendix row) in a table, to tick, retitle, give a deadline phrase, a responsible body and
 * places (names of the city's gazetteer, completed as typed). Finish adds the resolution
 * and the ticked tasks through RtStore::addResolution(), the call `restrack add-resolution`
 * makes; its refusal (the number is already in the register …) is shown and nothing is
 * written.
 */
class RtAddResolutionWizard : public QWizard
{
    Q_OBJECT

  public:
    //! Columns of the task table.
    enum Column
    {
      ColumnTask,        //!< ticked: added; the task's id
      ColumnTitle,
      ColumnDeadline,    //!< the deadline phrase as written
      ColumnResponsible,
      ColumnPlaces,      //!< gazetteer names, separated by ";"
      ColumnCount
    };

    //! Adds to the register at \a registerPath; places are names of \a city's gazetteer.
    RtAddResolutionWizard( const QString &registerPath, const RtCity &city, RtLang lang, QWidget *parent = nullptr );

    //! The number of the resolution added (after Finish), else empty.
    QString addedNumber() const { return mAddedNumber; }

    bool validateCurrentPage() override;

  public slots:
    //! Finish: saves into the register first; stays open, saying why, when the register refuses.
    void accept() override;

  private:
    //! Reads the chosen file and proposes its tasks; false (message shown) when it cannot.
    bool readFile();
    void fillCheckPage();
    void fillTaskTable();
    //! The ticked tasks as edited; an unknown place or deadline phrase fails naming the row.
    RtResult<QVector<RtTask>> editedTasks() const;
    bool save();
    void showProblem( QLabel *label, const QString &text );

    QString mRegisterPath;
    RtCity mCity;
    RtLang mLang = RtLang::Vi;
    QString mReadPath;  //!< the file mImport was read from
    QByteArray mBytes;
    std::optional<RtImportReport> mImport;
    RtCouncilTerm mTerm;
    RtDraft mDraft;
    QString mAddedNumber;

    QLineEdit *mFile = nullptr;
    QLabel *mFileProblem = nullptr;
    QLabel *mHeader = nullptr;
    QTreeWidget *mTree = nullptr;
    QPlainTextEdit *mWarnings = nullptr;
    QTableWidget *mTasks = nullptr;
    QLabel *mSaveProblem = nullptr;
};

#endif // RTADDRESOLUTIONWIZARD_H
