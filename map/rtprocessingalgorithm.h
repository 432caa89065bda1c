#ifndef RTPROCESSINGALGORITHM_H
#define RTPROCESSINGALGORITHM_H

#include "rtresult.h"
#include "rtstore.h"

#include <qgsprocessingalgorithm.h>

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <memory>

/**
 * \brief What the Resolution Tracker algorithms share: the register and as-of date
 * parameters, read the same way by every algorithm, and their failures turned into
 * QgsProcessingException with a message that names what to fix.
 *
 * An algorithm of the provider (RtProcessingProvider) is one class derived from this one:
 * name, texts, initAlgorithm(), processAlgorithm(), createInstance(), and one line in
 * RtProcessingProvider::loadAlgorithms().
 */
class RtProcessingAlgorithm : public QgsProcessingAlgorithm
{
    Q_DECLARE_TR_FUNCTIONS( RtProcessingAlgorithm )

  public:
    //! Parameter names shared by the algorithms.
    static constexpr const char *REGISTER = "REGISTER";
    static constexpr const char *AS_OF = "AS_OF";

    QString helpUrl() const override { return QString(); }

  protected:
    //! The register: a Resolution Tracker GeoPackage (a file parameter, so that a later
    //! PostgreSQL register can be given as a connection string in the same place).
    void addRegisterParameter();
    //! The date the statuses are computed for; optional, empty means today.
    void addAsOfParameter();

    /**
     * The as-of date given, or today when none is. A value that is not a date
     * (YYYY-MM-DD) is refused rather than silently replaced by today.
     */
    QDate asOfDate( const QVariantMap &parameters, QgsProcessingContext &context ) const;

    //! Opens the register read-only; refused with the file and the reason.
    std::unique_ptr<RtStore> openRegister( const QVariantMap &parameters, QgsProcessingContext &context ) const;

    //! Every task with its status as of \a asOf (RtTasksAsOf: a date before the resolution is refused).
    QVector<RtTask> tasksAsOf( const RtStore &store, const QDate &asOf ) const;

    //! The text shared by every algorithm's help: what the register and the date are.
    static QString registerHelp();
};

#endif // RTPROCESSINGALGORITHM_H
