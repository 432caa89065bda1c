// restrack build-register | summary | set-status | history: the register and its store.
#include "clicommon.h"
#include "rtcategory.h"
#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"
#include "rtsummary.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace
{
  QString deadlineText( const RtDeadline &d, RtLang lang )
  {
    switch ( d.kind() )
    {
      case RtDeadline::Kind::None: return QString();
      case RtDeadline::Kind::Recurring: return QStringLiteral( "%1 (%2)" ).arg( RtCli::text( lang, "định kỳ", "recurring" ), d.phrase() );
      case RtDeadline::Kind::Ongoing: return QStringLiteral( "%1 (%2)" ).arg( RtCli::text( lang, "thường xuyên", "ongoing" ), d.phrase() );
      case RtDeadline::Kind::Undated: return QStringLiteral( "%1 (%2)" ).arg( RtCli::text( lang, "chưa xác định ngày", "no date" ), d.phrase() );
      case RtDeadline::Kind::Date: return QStringLiteral( "%1 (%2)" ).arg( RtCli::formatDate( d.date(), lang ), d.phrase() );
    }
    return QString();
  }

  QJsonObject taskJson( const RtTask &t, RtLang lang, const QDate &asOf )
  {
    QJsonObject o;
    o.insert( QStringLiteral( "id" ), t.id );
    o.insert( QStringLiteral( "kind" ), t.kind );
    o.insert( QStringLiteral( "title" ), lang == RtLang::Vi ? t.titleVi : t.titleEn );
    o.insert( QStringLiteral( "title_vi" ), t.titleVi );
    o.insert( QStringLiteral( "title_en" ), t.titleEn );
    o.insert( QStringLiteral( "status" ), RtStatuses::code( t.status ) );
    o.insert( QStringLiteral( "status_label" ), RtStatuses::label( t.status, lang ) );
    o.insert( QStringLiteral( "category" ), t.category );
    o.insert( QStringLiteral( "category_label" ), RtCategories::label( t.category, lang ) );
    o.insert( QStringLiteral( "clause" ), QJsonArray::fromStringList( t.clausePath ) );
    o.insert( QStringLiteral( "quote" ), t.quote );
    o.insert( QStringLiteral( "responsible" ), t.responsible );
    QJsonObject deadline;
    deadline.insert( QStringLiteral( "phrase" ), t.deadline.phrase() );
    deadline.insert( QStringLiteral( "kind" ), RtDeadline::kindCode( t.deadline.kind() ) );
    if ( t.deadline.date().isValid() )
      deadline.insert( QStringLiteral( "date" ), t.deadline.date().toString( Qt::ISODate ) );
    o.insert( QStringLiteral( "deadline" ), deadline );
    o.insert( QStringLiteral( "overdue" ), RtStatuses::isOverdue( t.status, t.deadline, asOf ) );
    o.insert( QStringLiteral( "target" ), t.target );
    o.insert( QStringLiteral( "places" ), QJsonArray::fromStringList( t.places ) );
    return o;
  }
}

int runBuildRegister( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "out" ), QStringLiteral( "register" ), QStringLiteral( "text" ) }, { QStringLiteral( "overwrite" ) } )
       || !args.positional().isEmpty() || args.value( QStringLiteral( "out" ) ).isEmpty() )
  {
    RtCli::err( args.error().isEmpty() ? QStringLiteral( "usage: restrack build-register --out FILE.gpkg [--register FILE.json] [--text FILE.txt] [--overwrite]" ) : args.error() );
    return ExitUsage;
  }
  const QString registerPath = args.has( QStringLiteral( "register" ) ) ? args.value( QStringLiteral( "register" ) )
                               : RtCli::dataDir() + QStringLiteral( "/mongcai-172-register.json" );
  RtResult<RtRegisterFile> reg = RtRegister::load( registerPath );
  if ( !reg.ok() )
  {
    RtCli::err( reg.error() );
    return ExitRefused;
  }
  const QString textPath = args.has( QStringLiteral( "text" ) ) ? args.value( QStringLiteral( "text" ) )
                           : QFileInfo( registerPath ).absoluteDir().filePath( reg.value().textFile );
  QFile textFile( textPath );
  if ( !textFile.open( QIODevice::ReadOnly ) )
  {
    RtCli::err( QStringLiteral( "%1: cannot read the resolution text (%2)" ).arg( textPath, textFile.errorString() ) );
    return ExitRefused;
  }
  const QByteArray textBytes = textFile.readAll();
  const RtResult<RtImportReport> imported = RtResolutionImporter::importBytes( textBytes, textPath, reg.value().term );
  if ( !imported.ok() )
  {
    RtCli::err( imported.error() );
    return ExitRefused;
  }
  for ( const QString &w : imported.value().warnings )
    RtCli::err( QStringLiteral( "warning: %1" ).arg( w ) );
  // Another resolution than the register's: one message and the way to a register of its own.
  if ( !RtRegister::isFor( reg.value(), imported.value().resolution ) )
  {
    const RtResolution &text = imported.value().resolution;
    RtCli::err( QStringLiteral( "%1 is resolution %2 of %3, but the register %4 is for %5 of %6: nothing was built. "
                                "Draft a register for this text with `restrack draft-register --text %1 --out REGISTER.json`, "
                                "review it, then run `restrack build-register --register REGISTER.json --out %7`" )
                .arg( textPath, text.number.isEmpty() ? QStringLiteral( "(no number)" ) : text.number, text.date.toString( Qt::ISODate ),
                      registerPath, reg.value().number, reg.value().date.toString( Qt::ISODate ), args.value( QStringLiteral( "out" ) ) ) );
    return ExitRefused;
  }
  for ( const QString &w : reg.value().warnings )
    RtCli::err( QStringLiteral( "warning: %1" ).arg( w ) );

  const QStringList problems = RtRegister::checkAgainst( reg.value(), imported.value().resolution );
  if ( !problems.isEmpty() )
  {
    for ( const QString &p : problems )
      RtCli::err( p );
    RtCli::err( QStringLiteral( "refusing to build: %1 disagrees with %2 in %3 place(s); fix the register or the text" )
                .arg( registerPath, textPath ).arg( problems.size() ) );
    return ExitRefused;
  }

  const QString out = args.value( QStringLiteral( "out" ) );
  const bool overwrite = args.has( QStringLiteral( "overwrite" ) );
  const QFileInfo target( out );
  if ( ( target.exists() || target.isSymLink() ) && !overwrite )
  {
    RtCli::err( QStringLiteral( "%1 already exists; pass --overwrite to replace it" ).arg( out ) );
    return ExitRefused;
  }

  RtDocumentInfo info;
  const RtResolution &res = imported.value().resolution;
  info.number = res.number;
  info.date = res.date;
  info.title = res.title;
  info.body = res.body;
  info.session = res.session;
  info.sourceName = QFileInfo( textPath ).fileName();
  info.sourceSha256 = QString::fromLatin1( QCryptographicHash::hash( textBytes, QCryptographicHash::Sha256 ).toHex() );
  info.term = reg.value().term;
  // Only a register is replaced, and one holding recorded changes is kept aside: the store
  // checks that and replaces it under the register's write lock, so no edit slips in between.
  QString keptAs;
  const RtStatusResult created = RtStore::create( out, res, reg.value().tasks, info, overwrite, &keptAs );
  if ( !created.ok() )
    return RtCli::fail( created );
  if ( !keptAs.isEmpty() )
    RtCli::err( QStringLiteral( "note: %1 held recorded status changes or place links; it was kept as %2" ).arg( out, keptAs ) );
  int directives = 0;
  int drafts = 0;
  for ( const RtTask &t : reg.value().tasks )
  {
    directives += t.kind == QLatin1String( "directive" ) ? 1 : 0;
    drafts += t.review == QLatin1String( "draft" ) ? 1 : 0;
  }
  if ( drafts > 0 )
    RtCli::err( QStringLiteral( "note: %1 of the %2 tasks are drafts (\"review\": \"draft\"), proposed from the text and not reviewed yet" )
                .arg( drafts ).arg( reg.value().tasks.size() ) );
  RtCli::out( QStringLiteral( "built %1: %2 tasks (%3 directive items, %4 commitments) of %5, checked against %6" )
              .arg( out ).arg( reg.value().tasks.size() ).arg( directives ).arg( reg.value().tasks.size() - directives )
              .arg( res.number, QFileInfo( textPath ).fileName() ) );
  return ExitOk;
}

int runSummary( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "as-of" ), QStringLiteral( "lang" ) }, { QStringLiteral( "json" ) } )
       || !args.positional().isEmpty() )
  {
    RtCli::err( args.error().isEmpty() ? QStringLiteral( "usage: restrack summary [--db FILE.gpkg] [--as-of YYYY-MM-DD] [--json] [--lang vi|en]" ) : args.error() );
    return ExitUsage;
  }
  RtLang lang;
  if ( !RtCli::langOption( args, lang ) )
    return ExitUsage;
  QDate asOf;
  if ( !RtCli::asOfOption( args, asOf ) )
    return ExitUsage;
  QVector<RtTask> tasks;
  int exit = ExitRefused;
  const std::unique_ptr<RtStore> store = RtCli::openTasksAsOf( args, asOf, tasks, &exit );
  if ( !store )
    return exit;
  const RtSummary s = RtSummary::compute( tasks, asOf );
  const RtDocumentInfo doc = store->document();

  if ( args.has( QStringLiteral( "json" ) ) )
  {
    QJsonObject o;
    QJsonObject resolution;
    resolution.insert( QStringLiteral( "number" ), doc.number );
    resolution.insert( QStringLiteral( "date" ), doc.date.toString( Qt::ISODate ) );
    resolution.insert( QStringLiteral( "title" ), doc.title );
    o.insert( QStringLiteral( "resolution" ), resolution );
    o.insert( QStringLiteral( "as_of" ), asOf.toString( Qt::ISODate ) );
    o.insert( QStringLiteral( "lang" ), lang == RtLang::Vi ? QStringLiteral( "vi" ) : QStringLiteral( "en" ) );
    o.insert( QStringLiteral( "total" ), s.total );
    o.insert( QStringLiteral( "overdue_count" ), s.overdue.size() );
    QJsonArray byStatus;
    for ( RtStatus st : RtStatuses::all() )
    {
      QJsonObject row;
      row.insert( QStringLiteral( "status" ), RtStatuses::code( st ) );
      row.insert( QStringLiteral( "label" ), RtStatuses::label( st, lang ) );
      row.insert( QStringLiteral( "count" ), s.byStatus.value( st ) );
      byStatus << row;
    }
    o.insert( QStringLiteral( "by_status" ), byStatus );
    QJsonArray byCategory;
    for ( const QString &cat : RtCategories::codes() )
    {
      if ( !s.byCategory.contains( cat ) )
        continue;
      QJsonObject row;
      QJsonObject counts;
      int total = 0;
      for ( auto it = s.byCategory[cat].cbegin(); it != s.byCategory[cat].cend(); ++it )
      {
        counts.insert( RtStatuses::code( it.key() ), it.value() );
        total += it.value();
      }
      row.insert( QStringLiteral( "category" ), cat );
      row.insert( QStringLiteral( "label" ), RtCategories::label( cat, lang ) );
      row.insert( QStringLiteral( "counts" ), counts );
      row.insert( QStringLiteral( "total" ), total );
      byCategory << row;
    }
    o.insert( QStringLiteral( "by_category" ), byCategory );
    QJsonArray overdue;
    for ( const RtTask &t : s.overdue )
      overdue << taskJson( t, lang, asOf );
    o.insert( QStringLiteral( "overdue" ), overdue );
    QJsonArray all;
    for ( const RtTask &t : s.tasks )
      all << taskJson( t, lang, asOf );
    o.insert( QStringLiteral( "tasks" ), all );
    RtCli::outJson( QJsonDocument( o ) );
    return ExitOk;
  }

  RtCli::out( RtCli::text( lang, "Nghị quyết %1 ngày %2 — tình hình thực hiện đến ngày %3", "Resolution %1 of %2 — progress as of %3" )
              .arg( doc.number, RtCli::formatDate( doc.date, lang ), RtCli::formatDate( asOf, lang ) ) );
  RtCli::out( RtCli::text( lang, "%1 nhiệm vụ, %2 quá hạn", "%1 tasks, %2 overdue" ).arg( s.total ).arg( s.overdue.size() ) );
  RtCli::out( QString() );
  RtCli::out( RtCli::text( lang, "QUÁ HẠN (%1)", "OVERDUE (%1)" ).arg( s.overdue.size() ) );
  for ( const RtTask &t : s.overdue )
    RtCli::out( QStringLiteral( "  %1%2%3%4" ).arg( RtCli::padded( t.id, 24 ), RtCli::padded( RtStatuses::label( t.status, lang ), 18 ),
                RtCli::padded( RtCli::text( lang, "hạn ", "due " ) + deadlineText( t.deadline, lang ), 40 ), lang == RtLang::Vi ? t.titleVi : t.titleEn ) );
  RtCli::out( QString() );
  RtCli::out( RtCli::text( lang, "THEO TRẠNG THÁI", "BY STATUS" ) );
  for ( RtStatus st : RtStatuses::all() )
    RtCli::out( QStringLiteral( "  %1%2" ).arg( RtCli::padded( RtStatuses::label( st, lang ), 30 ) ).arg( s.byStatus.value( st ), 4 ) );
  RtCli::out( QString() );
  // Column widths follow the labels, so Vietnamese and English both line up.
  QVector<int> widths;
  QString header = RtCli::padded( RtCli::text( lang, "THEO LĨNH VỰC", "BY CATEGORY" ), 24 );
  for ( RtStatus st : RtStatuses::all() )
  {
    widths << RtStatuses::label( st, lang ).size() + 2;
    header += RtCli::padded( RtStatuses::label( st, lang ), widths.last() );
  }
  RtCli::out( QStringLiteral( "  " ) + header.trimmed() );
  for ( const QString &cat : RtCategories::codes() )
  {
    if ( !s.byCategory.contains( cat ) )
      continue;
    QString row = QStringLiteral( "  " ) + RtCli::padded( RtCategories::label( cat, lang ), 24 );
    int column = 0;
    for ( RtStatus st : RtStatuses::all() )
      row += RtCli::padded( QString::number( s.byCategory[cat].value( st ) ), widths.at( column++ ) );
    RtCli::out( row.trimmed().prepend( QStringLiteral( "  " ) ) );
  }
  RtCli::out( QString() );
  RtCli::out( RtCli::text( lang, "NHIỆM VỤ THEO TRẠNG THÁI VÀ LĨNH VỰC", "TASKS BY STATUS AND CATEGORY" ) );
  for ( RtStatus st : RtStatuses::all() )
  {
    if ( s.byStatus.value( st ) == 0 )
      continue;
    RtCli::out( QStringLiteral( "  %1 (%2)" ).arg( RtStatuses::label( st, lang ) ).arg( s.byStatus.value( st ) ) );
    for ( const RtTask &t : s.tasks )
      if ( t.status == st )
        RtCli::out( QStringLiteral( "    %1%2%3" ).arg( RtCli::padded( t.id, 24 ), RtCli::padded( RtCategories::label( t.category, lang ), 22 ), lang == RtLang::Vi ? t.titleVi : t.titleEn ) );
  }
  return ExitOk;
}

int runSetStatus( const QStringList &argList )
{
  RtArgs args;
  const QStringList valueOptions = { QStringLiteral( "db" ), QStringLiteral( "by" ), QStringLiteral( "date" ), QStringLiteral( "note" ),
                                     QStringLiteral( "note-file" ), QStringLiteral( "evidence" ), QStringLiteral( "evidence-file" ),
                                     QStringLiteral( "expect" ) };
  if ( !args.parse( argList, valueOptions, {} ) || args.positional().size() != 2 )
  {
    RtCli::err( args.error().isEmpty() ? QStringLiteral( "usage: restrack set-status [--db FILE.gpkg] ID STATUS --by NAME [--date D] [--note T | --note-file F] "
                                         "[--evidence E | --evidence-file F] [--expect OLD_STATUS]" ) : args.error() );
    return ExitUsage;
  }
  RtStatusChange change;
  change.taskId = args.positional().at( 0 );
  const std::optional<RtStatus> status = RtStatuses::fromCode( args.positional().at( 1 ) );
  if ( !status )
  {
    RtCli::err( QStringLiteral( "unknown status '%1'; use one of: %2" ).arg( args.positional().at( 1 ), RtStatuses::codeList() ) );
    return ExitRefused;
  }
  change.newStatus = *status;
  change.by = args.value( QStringLiteral( "by" ) ).trimmed();
  if ( change.by.isEmpty() )
  {
    RtCli::err( QStringLiteral( "--by is required: say who makes the change" ) );
    return ExitUsage;
  }
  if ( args.has( QStringLiteral( "date" ) ) )
  {
    change.date = RtCli::parseDate( args.value( QStringLiteral( "date" ) ) );
    if ( !change.date.isValid() )
    {
      RtCli::err( QStringLiteral( "--date '%1' is not a date; use YYYY-MM-DD" ).arg( args.value( QStringLiteral( "date" ) ) ) );
      return ExitRefused;
    }
  }
  // A long note does not fit on a command line: --note-file (or - for standard input).
  int exit = ExitRefused;
  if ( !RtCli::textOption( args, QStringLiteral( "note" ), QStringLiteral( "note-file" ), change.note, exit )
       || !RtCli::textOption( args, QStringLiteral( "evidence" ), QStringLiteral( "evidence-file" ), change.evidence, exit ) )
    return exit;
  if ( args.has( QStringLiteral( "expect" ) ) )
  {
    change.expected = RtStatuses::fromCode( args.value( QStringLiteral( "expect" ) ) );
    if ( !change.expected )
    {
      RtCli::err( QStringLiteral( "unknown status '%1' in --expect; use one of: %2" ).arg( args.value( QStringLiteral( "expect" ) ), RtStatuses::codeList() ) );
      return ExitRefused;
    }
  }
  std::unique_ptr<RtStore> store = RtCli::openStore( args, true, &exit );
  if ( !store )
    return exit;
  const RtResult<RtTask> before = store->task( change.taskId );
  const RtStatusResult applied = store->setStatus( change );
  if ( !applied.ok() )
    return RtCli::fail( applied );
  const RtResult<RtTask> after = store->task( change.taskId );
  RtCli::out( QStringLiteral( "%1: %2 → %3 (%4, by %5)" )
              .arg( change.taskId, before.ok() ? RtStatuses::code( before.value().status ) : QStringLiteral( "?" ),
                    after.ok() ? RtStatuses::code( after.value().status ) : RtStatuses::code( change.newStatus ),
                    after.ok() ? after.value().statusDate.toString( Qt::ISODate ) : QString(), change.by ) );
  return ExitOk;
}

int runHistory( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "lang" ) }, { QStringLiteral( "json" ) } ) || args.positional().size() != 1 )
  {
    RtCli::err( args.error().isEmpty() ? QStringLiteral( "usage: restrack history [--db FILE.gpkg] ID [--json]" ) : args.error() );
    return ExitUsage;
  }
  RtLang lang;
  if ( !RtCli::langOption( args, lang ) )
    return ExitUsage;
  int exit = ExitRefused;
  std::unique_ptr<RtStore> store = RtCli::openStore( args, false, &exit );
  if ( !store )
    return exit;
  const QString id = args.positional().first();
  const RtResult<QVector<RtHistoryEntry>> history = store->history( id );
  if ( !history.ok() )
    return RtCli::fail( history );
  if ( args.has( QStringLiteral( "json" ) ) )
  {
    QJsonArray rows;
    for ( const RtHistoryEntry &h : history.value() )
    {
      QJsonObject o;
      o.insert( QStringLiteral( "sequence" ), static_cast<double>( h.sequence ) );
      o.insert( QStringLiteral( "date" ), h.date.toString( Qt::ISODate ) );
      o.insert( QStringLiteral( "recorded_at" ), h.recordedAt.toString( Qt::ISODate ) );
      o.insert( QStringLiteral( "old_status" ), h.oldStatus ? QJsonValue( RtStatuses::code( *h.oldStatus ) ) : QJsonValue() );
      o.insert( QStringLiteral( "new_status" ), RtStatuses::code( h.newStatus ) );
      o.insert( QStringLiteral( "by" ), h.by );
      o.insert( QStringLiteral( "note" ), h.note );
      o.insert( QStringLiteral( "evidence" ), h.evidence );
      rows << o;
    }
    QJsonObject doc;
    doc.insert( QStringLiteral( "task" ), id );
    doc.insert( QStringLiteral( "history" ), rows );
    RtCli::outJson( QJsonDocument( doc ) );
    return ExitOk;
  }
  for ( const RtHistoryEntry &h : history.value() )
  {
    const QString from = h.oldStatus ? RtStatuses::label( *h.oldStatus, lang ) : RtCli::text( lang, "(ban đầu)", "(initial)" );
    RtCli::out( QStringLiteral( "%1  %2 → %3  %4%5%6" )
                .arg( RtCli::formatDate( h.date, lang ), from, RtStatuses::label( h.newStatus, lang ),
                      RtCli::text( lang, "bởi ", "by " ) + h.by,
                      h.note.isEmpty() ? QString() : QStringLiteral( " — " ) + h.note,
                      h.evidence.isEmpty() ? QString() : QStringLiteral( " [%1]" ).arg( h.evidence ) ) );
  }
  return ExitOk;
}
