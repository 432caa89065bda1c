#include "rtstatus.h"
#include "rttext.h"

namespace
{
  struct StatusInfo
  {
    RtStatus status;
    const char *code;
    const char *vi;
    const char *en;
  };

  const StatusInfo sStatuses[] =
  {
    { RtStatus::NotStarted, "not_started", "Chưa triển khai", "Not started" },
    { RtStatus::InProgress, "in_progress", "Đang thực hiện", "In progress" },
    { RtStatus::Done, "done", "Hoàn thành", "Done" },
    { RtStatus::Blocked, "blocked", "Vướng mắc", "Blocked" },
    { RtStatus::Dropped, "dropped", "Không còn phù hợp", "Dropped (no longer relevant)" },
    { RtStatus::NoReport, "no_report", "Chưa có báo cáo", "No report" },
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
         || wanted == RtText::foldForSearch( QString::fromUtf8( s.vi ) )
         || wanted == RtText::foldForSearch( QString::fromUtf8( s.en ) ) )
      return s.status;
  }
  return std::nullopt;
}

QString RtStatuses::label( RtStatus status, RtLang lang )
{
  return QString::fromUtf8( lang == RtLang::Vi ? info( status ).vi : info( status ).en );
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
  return lang == RtLang::Vi ? QStringLiteral( "Quá hạn" ) : QStringLiteral( "Overdue" );
}
