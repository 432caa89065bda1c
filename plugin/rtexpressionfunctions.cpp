#include "rtexpressionfunctions.h"
#include "rtexpressionindex.h"
#include "rtstore.h"
#include "rttasksasof.h"
#include "rttracker.h"

#include <qgsexpression.h>
#include <qgsexpressionfunction.h>

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <cmath>

/**
 * What the functions answer from, shared with them and safe to read from render threads:
 * the index of the tracker's tasks as of its date, and those of other dates asked.
 */
class RtExpressionData
{
  public:
    using Index = std::shared_ptr<const RtPlaceStatusIndex>;

    void set( Index index, const QString &registerPath )
    {
      QMutexLocker lock( &mMutex );
      mCurrent = std::move( index );
      mPath = registerPath;
      mByDate.clear(); // a status change can change any date's statuses
    }

    Index current() const
    {
      QMutexLocker lock( &mMutex );
      return mCurrent;
    }

    //! The index as of \a date: read from the register once per date (RtTasksAsOf, its rule and refusals).
    RtResult<Index> forDate( const QDate &date )
    {
      QMutexLocker lock( &mMutex );
      if ( !mCurrent )
        return RtResult<Index>::failure( RtExpressionFunctions::tr( "no register is open in Resolution Tracker" ) );
      if ( date == mCurrent->asOf() )
        return RtResult<Index>::success( mCurrent );
      if ( const Index cached = mByDate.value( date ) )
        return RtResult<Index>::success( cached );
      RtResult<std::unique_ptr<RtStore>> store = RtStore::open( mPath, false );
      if ( !store.ok() )
        return RtResult<Index>::failure( store.error() );
      const RtResult<QVector<RtTask>> tasks = RtTasksAsOf::read( *store.value(), date );
      if ( !tasks.ok() )
        return RtResult<Index>::failure( tasks.error() );
      if ( mByDate.size() >= 32 )
        mByDate.clear();
      const Index index = std::make_shared<const RtPlaceStatusIndex>( tasks.value(), date );
      mByDate.insert( date, index );
      return RtResult<Index>::success( index );
    }

  private:
    mutable QMutex mMutex;
    Index mCurrent;
    QString mPath;
    QHash<QDate, Index> mByDate;
};

namespace
{
  enum class Answer { Status, Tasks, ShareDone };

  //! A key argument as text; a number is a GSO code, which has 5 digits ("06715").
  QString keyText( const QVariant &value )
  {
    switch ( value.type() )
    {
      case QVariant::Int:
      case QVariant::UInt:
      case QVariant::LongLong:
      case QVariant::ULongLong:
      case QVariant::Double:
      {
        const double number = value.toDouble();
        if ( number >= 0 && number < 1e15 && std::floor( number ) == number )
          return QString::number( static_cast<qint64>( number ) ).rightJustified( 5, QLatin1Char( '0' ) );
        return value.toString();
      }
      default:
        return value.toString();
    }
  }

  QDate dateOf( const QVariant &value )
  {
    if ( value.type() == QVariant::Date )
      return value.toDate();
    if ( value.type() == QVariant::DateTime )
      return value.toDateTime().date();
    return QDate::fromString( value.toString().trimmed(), Qt::ISODate );
  }

  class RtPlaceFunction : public QgsExpressionFunction
  {
    public:
      RtPlaceFunction( Answer answer, const QString &name, const ParameterList &parameters, const QString &help,
                       std::shared_ptr<RtExpressionData> data )
        : QgsExpressionFunction( name, parameters, QStringLiteral( "Resolution Tracker" ), help, false, true )
        , mAnswer( answer )
        , mData( std::move( data ) )
      {
      }

      QVariant func( const QVariantList &values, const QgsExpressionContext *, QgsExpression *parent, const QgsExpressionNodeFunction * ) override
      {
        const QVariant key = values.value( 0 );
        if ( key.isNull() )
          return QVariant();
        RtExpressionData::Index index;
        const QVariant asOf = values.value( 1 );
        if ( !asOf.isNull() && !( asOf.type() == QVariant::String && asOf.toString().trimmed().isEmpty() ) )
        {
          const QDate date = dateOf( asOf );
          if ( !date.isValid() )
            return fail( parent, RtExpressionFunctions::tr( "%1: '%2' is not a date (YYYY-MM-DD)" ).arg( name(), asOf.toString() ) );
          const RtResult<RtExpressionData::Index> dated = mData->forDate( date );
          if ( !dated.ok() )
            return fail( parent, QStringLiteral( "%1: %2" ).arg( name(), dated.error() ) );
          index = dated.value();
        }
        else
          index = mData->current();
        if ( !index )
          return fail( parent, RtExpressionFunctions::tr( "%1: no register is open in Resolution Tracker" ).arg( name() ) );

        const RtResult<RtPlaceStatus> place = index->find( keyText( key ) );
        if ( !place.ok() )
          return fail( parent, QStringLiteral( "%1: %2" ).arg( name(), place.error() ) );
        switch ( mAnswer )
        {
          case Answer::Status:
            return RtFeatureStatuses::code( place.value().status );
          case Answer::Tasks:
            return place.value().taskIds.join( QLatin1Char( ',' ) );
          case Answer::ShareDone:
            return place.value().shareDone;
        }
        return QVariant();
      }

      bool usesGeometry( const QgsExpressionNodeFunction * ) const override { return false; }
      QSet<QString> referencedColumns( const QgsExpressionNodeFunction * ) const override { return QSet<QString>(); }
      // The answer follows the register, not only the arguments: never folded at prepare time.
      bool isStatic( const QgsExpressionNodeFunction *, QgsExpression *, const QgsExpressionContext * ) const override { return false; }

    private:
      static QVariant fail( QgsExpression *parent, const QString &message )
      {
        if ( parent )
          parent->setEvalErrorString( message );
        return QVariant();
      }

      Answer mAnswer;
      std::shared_ptr<RtExpressionData> mData;
  };

  //! The help in the layout of QGIS's own function help.
  QString help( const QString &name, const QString &description, bool withAsOf, const QStringList &examples )
  {
    QString html = QStringLiteral( "<h3>%1</h3><div class=\"description\"><p>%2</p></div>" ).arg( name, description );
    html += QStringLiteral( "<h4>%1</h4><div class=\"syntax\"><code><span class=\"functionname\">%2</span>(<span class=\"argument\">key</span>%3)</code></div>" )
            .arg( RtExpressionFunctions::tr( "Syntax" ), name,
                  withAsOf ? QStringLiteral( "[, <span class=\"argument\">as_of</span>]" ) : QString() );
    html += QStringLiteral( "<h4>%1</h4><div class=\"arguments\"><table><tr><td class=\"argument\">key</td><td>%2</td></tr>" )
            .arg( RtExpressionFunctions::tr( "Arguments" ),
                  RtExpressionFunctions::tr( "a place key as the register writes it: 'ward:06715', 'zone:A3', 'site:hai-yen-ip', "
                                             "'parcel:06715/12/345'; or the key alone ('A3', a field such as \"code\") when only one "
                                             "kind of place has it. A number is read as a GSO code with its leading zeros (6715 is '06715')." ) );
    if ( withAsOf )
      html += QStringLiteral( "<tr><td class=\"argument\">as_of</td><td>%1</td></tr>" )
              .arg( RtExpressionFunctions::tr( "optional: another date than the panel's (a date, or text 'YYYY-MM-DD'); "
                                               "a date before the resolution is refused" ) );
    html += QStringLiteral( "</table></div><h4>%1</h4><div class=\"examples\"><ul>" ).arg( RtExpressionFunctions::tr( "Examples" ) );
    for ( const QString &example : examples )
      html += QStringLiteral( "<li>%1</li>" ).arg( example );
    html += QStringLiteral( "</ul></div>" );
    return html;
  }
}

QStringList RtExpressionFunctions::functionNames()
{
  return { QStringLiteral( "rt_status" ), QStringLiteral( "rt_tasks" ), QStringLiteral( "rt_share_done" ) };
}

RtExpressionFunctions::RtExpressionFunctions( RtTracker *tracker, QObject *parent )
  : QObject( parent )
  , mTracker( tracker )
  , mData( std::make_shared<RtExpressionData>() )
{
  const QString common = tr( "The tasks are those of the register open in Resolution Tracker, with their status as of the "
                             "panel's date; the answer is the one the join gives a feature of this place (restrack join, "
                             "the Processing algorithm \"Join resolution tasks to a layer\")." );
  using Parameter = QgsExpressionFunction::Parameter;
  mFunctions.push_back( std::make_unique<RtPlaceFunction>(
                          Answer::Status, QStringLiteral( "rt_status" ),
                          QgsExpressionFunction::ParameterList() << Parameter( QStringLiteral( "key" ) ) << Parameter( QStringLiteral( "as_of" ), true ),
                          help( QStringLiteral( "rt_status" ),
                                tr( "The status of the resolution's tasks at a place, the code the Resolution Tracker styles colour: "
                                    "none (no task names the place), not_started, in_progress, done, blocked, dropped, no_report or overdue." )
                                + QLatin1Char( ' ' ) + common, true,
                                { QStringLiteral( "<code>rt_status('zone:A3')</code> &rarr; <code>'in_progress'</code>" ),
                                  QStringLiteral( "<code>rt_status(\"code\")</code>" ),
                                  QStringLiteral( "<code>rt_status('ward:' || \"gso_code\", '2025-06-01')</code>" ) } ),
                          mData ) );
  mFunctions.push_back( std::make_unique<RtPlaceFunction>(
                          Answer::Tasks, QStringLiteral( "rt_tasks" ),
                          QgsExpressionFunction::ParameterList() << Parameter( QStringLiteral( "key" ) ),
                          help( QStringLiteral( "rt_tasks" ),
                                tr( "The ids of the tasks that name a place, comma-separated, in the register's order (empty when none does)." )
                                + QLatin1Char( ' ' ) + common, false,
                                { QStringLiteral( "<code>rt_tasks('zone:A3')</code>" ),
                                  QStringLiteral( "<code>array_length(string_to_array(rt_tasks(\"code\")))</code>" ) } ),
                          mData ) );
  mFunctions.push_back( std::make_unique<RtPlaceFunction>(
                          Answer::ShareDone, QStringLiteral( "rt_share_done" ),
                          QgsExpressionFunction::ParameterList() << Parameter( QStringLiteral( "key" ) ) << Parameter( QStringLiteral( "as_of" ), true ),
                          help( QStringLiteral( "rt_share_done" ),
                                tr( "The share of a place's tasks that are done, from 0 to 1: done / (tasks − dropped); 0 when no task names it." )
                                + QLatin1Char( ' ' ) + common, true,
                                { QStringLiteral( "<code>format_number(100 * rt_share_done(\"code\"), 0) || ' %'</code>" ) } ),
                          mData ) );

  if ( mTracker )
  {
    connect( mTracker, &RtTracker::registerChanged, this, &RtExpressionFunctions::refresh );
    connect( mTracker, &RtTracker::taskChanged, this, &RtExpressionFunctions::refresh );
    connect( mTracker, &RtTracker::asOfChanged, this, &RtExpressionFunctions::refresh );
  }
  refresh();
}

RtExpressionFunctions::~RtExpressionFunctions()
{
  unregisterFunctions();
}

bool RtExpressionFunctions::registerFunctions()
{
  bool all = true;
  for ( const std::unique_ptr<QgsExpressionFunction> &function : mFunctions )
  {
    if ( std::find( mRegistered.begin(), mRegistered.end(), function.get() ) != mRegistered.end() )
      continue; // registered by an earlier call
    // QgsExpression refuses a name it has; we keep ownership (unregisterFunction() does not delete).
    if ( QgsExpression::registerFunction( function.get(), false ) )
      mRegistered.push_back( function.get() );
    else
      all = false;
  }
  return all;
}

void RtExpressionFunctions::unregisterFunctions()
{
  for ( QgsExpressionFunction *function : mRegistered )
  {
    // Only our own: a function of the same name registered by someone else stays.
    const int index = QgsExpression::functionIndex( function->name() );
    if ( index >= 0 && QgsExpression::Functions().at( index ) == function )
      QgsExpression::unregisterFunction( function->name() );
  }
  mRegistered.clear();
}

void RtExpressionFunctions::refresh()
{
  if ( !mTracker || !mTracker->hasRegister() )
  {
    mData->set( nullptr, QString() );
    return;
  }
  mData->set( std::make_shared<const RtPlaceStatusIndex>( mTracker->tasksAsOf(), mTracker->asOf() ), mTracker->registerPath() );
}
