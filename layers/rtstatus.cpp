#include "rtstatus.h"
#include "rttr.h"
#include "rttext.h"

namespace
{
  struct StatusInfo
  {
    RtStatus status;
    const char *code;
    const char *label; //!< English; the Vietnamese one is in the core catalogue (layers/i18n/)
  };

  const StatusInfo sStatuses[] =
  {
    { RtStatus::NotStarted, "not_started", QT_TRANSLATE_NOOP( "RtStatuses", "Not started" ) },
    { RtStatus::InProgress, "in_progress", QT_TRANSLATE_NOOP( "RtStatuses", "In progress" ) },
    { RtStatus::Done, "done", QT_TRANSLATE_NOOP( "RtStatuses", "Done" ) },
    { RtStatus::Blocked, "blocked", QT_TRANSLATE_NOOP( "RtStatuses", "Blocked" ) },
    { RtStatus::Dropped, "dropped", QT_TRANSLATE_NOOP( "RtStatuses", "Dropped (no longer relevant)" ) },
    { RtStatus::NoReport, "no_report", QT_TRANSLATE_NOOP( "RtStatuses", "No report" ) },
  };

  const StatusInfo &info( RtStatus status )
  {
    for ( const StatusInfo &s : sStatuses )
      if ( s.status == status )
        return s;
    return sStatuses[5];
  }
}

QVector<RtStatus> RtStatuses::all()
{
  QVector<RtStatus> out;
  for ( const StatusInfo &s : sStatuses )
    out << s.status;
  return out;
}

QString RtStatuses::code( RtStatus status )
{
  return QString::fromLatin1( info( status ).code );
}

std::optional<RtStatus> RtStatuses::fromCode( const QString &text )
{
  const QString wanted = RtText::foldForSearch( text.trimmed() );
  if ( wanted.isEmpty() )
    return std::nullopt;
  for ( const StatusInfo &s : sStatuses )
  {
    if ( wanted == QLatin1String( s.code )
         || wanted == RtText::foldForSearch( RtStatuses::label( s.status, RtLang::Vi ) )
         || wanted == RtText::foldForSearch( RtStatuses::label( s.status, RtLang::En ) ) )
      return s.status;
  }
  return std::nullopt;
}

QString RtStatuses::label( RtStatus status, RtLang lang )
{
  return rtTr( lang, "RtStatuses", info( status ).label );
}

QString RtStatuses::codeList()
{
  QStringList codes;
  for ( const StatusInfo &s : sStatuses )
    codes << QString::fromLatin1( s.code );
  return codes.join( QStringLiteral( ", " ) );
}

bool RtStatuses::isClosed( RtStatus status )
{
  return status == RtStatus::Done || status == RtStatus::Dropped;
}

bool RtStatuses::isOverdue( RtStatus status, const QDate &deadline, const QDate &asOf )
{
  return deadline.isValid() && asOf.isValid() && !isClosed( status ) && asOf > deadline;
}

bool RtStatuses::isOverdue( RtStatus status, const RtDeadline &deadline, const QDate &asOf )
{
  return deadline.kind() == RtDeadline::Kind::Date && isOverdue( status, deadline.date(), asOf );
}

QString RtStatuses::overdueLabel( RtLang lang )
{
  return RtTr( lang ).translate( "RtStatuses", "Overdue" );
}
