// restrack build-register | summary | set-status | history: the register and its store.
#include "clicommon.h"
#include "rttr.h"
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

#include <optional>

namespace
{
  QString deadlineText( const RtDeadline &d, RtLang lang )
  {
    switch ( d.kind() )
    {
      case RtDeadline::Kind::None: return QString();
      case RtDeadline::Kind::Recurring: return QStringLiteral( "%1 (%2)" ).arg( RtTr( lang ).translate( "RtCli", "recurring" ), d.phrase() );
      case RtDeadline::Kind::Ongoing: return QStringLiteral( "%1 (%2)" ).arg( RtTr( lang ).translate( "RtCli", "ongoing" ), d.phrase() );
      case RtDeadline::Kind::Undated: return QStringLiteral( "%1 (%2)" ).arg( RtTr( lang ).translate( "RtCli", "no date" ), d.phrase() );
      case RtDeadline::Kind::Date: return QStringLiteral( "%1 (%2)" ).arg( RtCli::formatDate( d.date(), lang ), d.phrase() );
    }
    return QString();
  }

  QString percentText( double share )
  {
    return QStringLiteral( "%1%" ).arg( share * 100, 0, 'f', share * 100 < 10 ? 1 : 0 );
  }

  QString valueText( double value, const QString &unit )
  {
    const QString number = QString::number( value, 'g', 12 );
    if ( unit.isEmpty() )
      return number;
    return unit == QLatin1String( "%" ) ? number + unit : number + QLatin1Char( ' ' ) + unit;
  }

  QJsonValue followsUpJson( const QVector<RtTaskRef> &refs )
  {
    QJsonArray out;
    for ( const RtTaskRef &ref : refs )
    {
      QJsonObject o;
      o.insert( QStringLiteral( "resolution" ), ref.resolution );
      o.insert( QStringLiteral( "task" ), ref.taskId.isEmpty() ? QJsonValue() : QJsonValue( ref.taskId ) );
      out << o;
    }
    return out;
  }

  QJsonValue valueJson( const RtValueEntry &v )
  {
    QJsonObject o;
    o.insert( QStringLiteral( "value" ), v.value );
    o.insert( QStringLiteral( "unit" ), v.unit );
    o.insert( QStringLiteral( "date" ), v.date.toString( Qt::ISODate ) );
    o.insert( QStringLiteral( "by" ), v.by );
    o.insert( QStringLiteral( "note" ), v.note );
    o.insert( QStringLiteral( "evidence" ), v.evidence );
    o.insert( QStringLiteral( "sequence" ), static_cast<double>( v.sequence ) );
    o.insert( QStringLiteral( "recorded_at" ), v.recordedAt.toString( Qt::ISODateWithMs ) );
    return o;
  }

  QJsonValue assignmentJson( const RtAssignment &a )
  {
    QJsonObject o;
    o.insert( QStringLiteral( "lead" ), a.lead );
    o.insert( QStringLiteral( "with" ), QJsonArray::fromStringList( a.with ) );
    o.insert( QStringLiteral( "by" ), a.by );
    o.insert( QStringLiteral( "recorded_at" ), a.recordedAt.toString( Qt::ISODateWithMs ) );
    o.insert( QStringLiteral( "sequence" ), static_cast<double>( a.sequence ) );
    return o;
  }

  QJsonValue targetJson( const RtTask &t )
  {
    if ( !t.targetFigure )
      return QJsonValue();
    QJsonObject o;
    o.insert( QStringLiteral( "value" ), t.targetFigure->value );
    o.insert( QStringLiteral( "unit" ), t.targetFigure->unit );
    o.insert( QStringLiteral( "comparator" ), t.targetFigure->comparator );
    return o;
  }

  //! What the summary shows beside each task: its latest value and current assignment.
  struct TaskExtras
  {
    QHash<QString, RtValueEntry> values;
    QHash<QString, RtAssignment> assignments;
  };

  QJsonObject taskJson( const RtTask &t, RtLang lang, const QDate &asOf, const TaskExtras &extras = TaskExtras() )
  {
    QJsonObject o;
    o.insert( QStringLiteral( "id" ), t.id );
    o.insert( QStringLiteral( "resolution" ), t.resolution );
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
    o.insert( QStringLiteral( "target_figure" ), targetJson( t ) );
    const auto value = extras.values.constFind( t.id );
    const bool hasValue = value != extras.values.constEnd();
    o.insert( QStringLiteral( "value" ), hasValue ? valueJson( *value ) : QJsonValue() );
    const std::optional<double> share = hasValue && t.targetFigure ? t.targetFigure->share( value->value, value->unit ) : std::nullopt;
    o.insert( QStringLiteral( "share_of_target" ), share ? QJsonValue( *share ) : QJsonValue() );
    const auto assignment = extras.assignments.constFind( t.id );
    o.insert( QStringLiteral( "assignment" ), assignment != extras.assignments.constEnd() ? assignmentJson( *assignment ) : QJsonValue() );
    o.insert( QStringLiteral( "follows_up" ), followsUpJson( t.followsUp ) );
    o.insert( QStringLiteral( "places" ), QJsonArray::fromStringList( t.places ) );
    return o;
  }

  QString assignmentText( const RtAssignment &a, RtLang lang )
  {
    QString text = RtTr( lang ).translate( "RtCli", "lead: %1" ).arg( a.lead );
    if ( !a.with.isEmpty() )
      text += RtTr( lang ).translate( "RtCli", "; with: %1" ).arg( a.with.join( QStringLiteral( ", " ) ) );
    return text;
  }

  //! The summary of one resolution (or of the tasks of several) as JSON.
  QJsonObject summaryJson( const RtSummary &s, RtLang lang, const TaskExtras &extras )
  {
    QJsonObject o;
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
    QJsonArray progress;
    for ( const RtSummary::Progress &p : s.progress )
    {
      QJsonObject row;
      row.insert( QStringLiteral( "id" ), p.task.id );
      row.insert( QStringLiteral( "resolution" ), p.task.resolution );
      row.insert( QStringLiteral( "target" ), p.task.target );
      row.insert( QStringLiteral( "target_figure" ), targetJson( p.task ) );
      row.insert( QStringLiteral( "value" ), p.latest ? valueJson( *p.latest ) : QJsonValue() );
      row.insert( QStringLiteral( "share_of_target" ), p.share ? QJsonValue( *p.share ) : QJsonValue() );
      progress << row;
    }
    o.insert( QStringLiteral( "progress" ), progress );
    QJsonArray overdue;
    for ( const RtTask &t : s.overdue )
      overdue << taskJson( t, lang, s.asOf, extras );
    o.insert( QStringLiteral( "overdue" ), overdue );
    QJsonArray all;
    for ( const RtTask &t : s.tasks )
      all << taskJson( t, lang, s.asOf, extras );
    o.insert( QStringLiteral( "tasks" ), all );
    return o;
  }

  QJsonObject resolutionJson( const RtDocumentInfo &doc )
  {
    QJsonObject resolution;
    resolution.insert( QStringLiteral( "number" ), doc.number );
    resolution.insert( QStringLiteral( "date" ), doc.date.toString( Qt::ISODate ) );
    resolution.insert( QStringLiteral( "title" ), doc.title );
    return resolution;
  }

  //! One resolution's summary as text: the layout of a register of one resolution.
  void printSummary( const RtDocumentInfo &doc, const RtSummary &s, RtLang lang, const TaskExtras &extras )
  {
    const QDate asOf = s.asOf;
    RtCli::out( RtTr( lang ).translate( "RtCli", "Resolution %1 of %2 — progress as of %3" )
                .arg( doc.number, RtCli::formatDate( doc.date, lang ), RtCli::formatDate( asOf, lang ) ) );
    RtCli::out( RtTr( lang ).translate( "RtCli", "%1 tasks, %2 overdue" ).arg( s.total ).arg( s.overdue.size() ) );
    RtCli::out( QString() );
    RtCli::out( RtTr( lang ).translate( "RtCli", "OVERDUE (%1)" ).arg( s.overdue.size() ) );
    for ( const RtTask &t : s.overdue )
      RtCli::out( QStringLiteral( "  %1%2%3%4" ).arg( RtCli::padded( t.id, 24 ), RtCli::padded( RtStatuses::label( t.status, lang ), 18 ),
                  RtCli::padded( RtTr( lang ).translate( "RtCli", "due " ) + deadlineText( t.deadline, lang ), 40 ), lang == RtLang::Vi ? t.titleVi : t.titleEn ) );
    RtCli::out( QString() );
    RtCli::out( RtTr( lang ).translate( "RtCli", "BY STATUS" ) );
    for ( RtStatus st : RtStatuses::all() )
      RtCli::out( QStringLiteral( "  %1%2" ).arg( RtCli::padded( RtStatuses::label( st, lang ), 30 ) ).arg( s.byStatus.value( st ), 4 ) );
    RtCli::out( QString() );
    // Column widths follow the labels, so Vietnamese and English both line up.
    QVector<int> widths;
    QString header = RtCli::padded( RtTr( lang ).translate( "RtCli", "BY CATEGORY" ), 24 );
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
    if ( !s.progress.isEmpty() )
    {
      RtCli::out( QString() );
      RtCli::out( RtTr( lang ).translate( "RtCli", "PROGRESS AGAINST TARGETS" ) );
      for ( const RtSummary::Progress &p : s.progress )
      {
        QString measured;
        if ( !p.latest )
          measured = RtTr( lang ).translate( "RtCli", "no value yet" );
        else
        {
          measured = RtTr( lang ).translate( "RtCli", "measured %1 (%2)" )
                     .arg( valueText( p.latest->value, p.latest->unit ), RtCli::formatDate( p.latest->date, lang ) );
          if ( p.share )
            measured += RtTr( lang ).translate( "RtCli", " = %1 of target" ).arg( percentText( *p.share ) );
          else if ( !p.task.targetFigure )
            measured += RtTr( lang ).translate( "RtCli", " (the target states no single figure)" );
          else
            measured += RtTr( lang ).translate( "RtCli", " (not in the target's unit)" );
        }
        RtCli::out( QStringLiteral( "  %1%2%3" ).arg( RtCli::padded( p.task.id, 24 ),
                    RtCli::padded( RtTr( lang ).translate( "RtCli", "target: " ) + p.task.target, 44 ), measured ) );
      }
    }
    RtCli::out( QString() );
    RtCli::out( RtTr( lang ).translate( "RtCli", "TASKS BY STATUS AND CATEGORY" ) );
    for ( RtStatus st : RtStatuses::all() )
    {
      if ( s.byStatus.value( st ) == 0 )
        continue;
      RtCli::out( QStringLiteral( "  %1 (%2)" ).arg( RtStatuses::label( st, lang ) ).arg( s.byStatus.value( st ) ) );
      for ( const RtTask &t : s.tasks )
      {
        if ( t.status != st )
          continue;
        const auto assignment = extras.assignments.constFind( t.id );
        const QString assigned = assignment == extras.assignments.constEnd() ? QString()
                                 : QStringLiteral( " [%1]" ).arg( assignmentText( *assignment, lang ) );
        RtCli::out( QStringLiteral( "    %1%2%3%4" ).arg( RtCli::padded( t.id, 24 ), RtCli::padded( RtCategories::label( t.category, lang ), 22 ),
                    lang == RtLang::Vi ? t.titleVi : t.titleEn, assigned ) );
      }
    }
  }
}

int runBuildRegister( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "out" ), QStringLiteral( "register" ), QStringLiteral( "text" ) }, { QStringLiteral( "overwrite" ) } )
       || !args.positional().isEmpty() || args.value( QStringLiteral( "out" ) ).isEmpty() )
  {
    RtCli::err( args.error().isEmpty() ? RtCli::usage( "restrack build-register --out FILE.gpkg [--register FILE.json] [--text FILE.txt] [--overwrite]" ) : args.error() );
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
    RtCli::err( rtMsg( "RtCli", "%1: cannot read the resolution text (%2)" ).arg( textPath, textFile.errorString() ) );
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
    RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );
  // Another resolution than the register's: one message and the way to a register of its own.
  if ( !RtRegister::isFor( reg.value(), imported.value().resolution ) )
  {
    const RtResolution &text = imported.value().resolution;
    RtCli::err( rtMsg( "RtCli", "%1 is resolution %2 of %3, but the register %4 is for %5 of %6: nothing was built. "
                                "Draft a register for this text with `restrack draft-register --text %1 --out REGISTER.json`, "
                                "review it, then run `restrack build-register --register REGISTER.json --out %7`" )
                .arg( textPath, text.number.isEmpty() ? rtMsg( "RtCli", "(no number)" ) : text.number, text.date.toString( Qt::ISODate ),
                      registerPath, reg.value().number, reg.value().date.toString( Qt::ISODate ), args.value( QStringLiteral( "out" ) ) ) );
    return ExitRefused;
  }
  for ( const QString &w : reg.value().warnings )
    RtCli::err( rtMsg( "RtCli", "warning: %1" ).arg( w ) );

  const QStringList problems = RtRegister::checkAgainst( reg.value(), imported.value().resolution );
  if ( !problems.isEmpty() )
  {
    for ( const QString &p : problems )
      RtCli::err( p );
    RtCli::err( rtMsg( "RtCli", "refusing to build: %1 disagrees with %2 in %3 place(s); fix the register or the text" )
                .arg( registerPath, textPath ).arg( problems.size() ) );
    return ExitRefused;
  }

  const QString out = args.value( QStringLiteral( "out" ) );
  const bool overwrite = args.has( QStringLiteral( "overwrite" ) );
  const QFileInfo target( out );
  if ( ( target.exists() || target.isSymLink() ) && !overwrite )
  {
    RtCli::err( rtMsg( "RtCli", "%1 already exists; pass --overwrite to replace it" ).arg( out ) );
    return ExitRefused;
  }

  const RtResolution &res = imported.value().resolution;
  const RtDocumentInfo info = RtCli::documentInfo( res, textPath, textBytes, reg.value().term );
  // Only a register is replaced, and one holding recorded changes is kept aside: the store
  // checks that and replaces it under the register's write lock, so no edit slips in between.
  QString keptAs;
  const RtStatusResult created = RtStore::create( out, res, reg.value().tasks, info, overwrite, &keptAs );
  if ( !created.ok() )
    return RtCli::fail( created );
  if ( !keptAs.isEmpty() )
    RtCli::err( rtMsg( "RtCli", "note: %1 held recorded status changes or place links; it was kept as %2" ).arg( out, keptAs ) );
  int directives = 0;
  int drafts = 0;
  for ( const RtTask &t : reg.value().tasks )
  {
    directives += t.kind == QLatin1String( "directive" ) ? 1 : 0;
    drafts += t.review == QLatin1String( "draft" ) ? 1 : 0;
  }
  if ( drafts > 0 )
    RtCli::err( rtMsg( "RtCli", "note: %1 of the %2 tasks are drafts (\"review\": \"draft\"), proposed from the text and not reviewed yet" )
                .arg( drafts ).arg( reg.value().tasks.size() ) );
  RtCli::out( rtMsg( "RtCli", "built %1: %2 tasks (%3 directive items, %4 commitments) of %5, checked against %6" )
              .arg( out ).arg( reg.value().tasks.size() ).arg( directives ).arg( reg.value().tasks.size() - directives )
              .arg( res.number, QFileInfo( textPath ).fileName() ) );
  return ExitOk;
}

int runSummary( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "as-of" ), QStringLiteral( "lang" ), QStringLiteral( "resolution" ) }, { QStringLiteral( "json" ) } )
       || !args.positional().isEmpty() )
  {
    RtCli::err( args.error().isEmpty() ? RtCli::usage( "restrack summary [--db FILE.gpkg] [--resolution NUMBER]… [--as-of YYYY-MM-DD] [--json] [--lang vi|en]" ) : args.error() );
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
  TaskExtras extras;
  RtResult<QHash<QString, RtValueEntry>> values = store->valuesAsOf( asOf );
  if ( !values.ok() )
    return RtCli::fail( values );
  extras.values = values.takeValue();
  RtResult<QHash<QString, RtAssignment>> assignments = store->currentAssignments();
  if ( !assignments.ok() )
    return RtCli::fail( assignments );
  extras.assignments = assignments.takeValue();
  const RtResult<QVector<RtDocumentInfo>> docs = store->resolutions();
  if ( !docs.ok() )
    return RtCli::fail( docs );

  // Grouped by resolution: those chosen (all by default) that had passed by the date.
  QVector<RtDocumentInfo> shown;
  QHash<QString, QVector<RtTask>> byResolution;
  for ( const RtTask &t : std::as_const( tasks ) )
    byResolution[t.resolution] << t;
  QStringList chosen;
  if ( !RtCli::resolutionOption( args, *store, chosen, exit ) )
    return exit;
  for ( const RtDocumentInfo &d : docs.value() )
  {
    if ( ( chosen.isEmpty() || chosen.contains( d.number ) ) && ( !d.date.isValid() || d.date <= asOf ) )
      shown << d;
  }
  const RtSummary all = RtSummary::compute( tasks, asOf, extras.values );

  if ( args.has( QStringLiteral( "json" ) ) )
  {
    QJsonObject o = summaryJson( all, lang, extras );
    // "resolution": the first shown (the register's own when it holds one), "resolutions": each with its counts.
    o.insert( QStringLiteral( "resolution" ), resolutionJson( shown.isEmpty() ? store->document() : shown.constFirst() ) );
    o.insert( QStringLiteral( "as_of" ), asOf.toString( Qt::ISODate ) );
    o.insert( QStringLiteral( "lang" ), lang == RtLang::Vi ? QStringLiteral( "vi" ) : QStringLiteral( "en" ) );
    QJsonArray resolutions;
    for ( const RtDocumentInfo &d : std::as_const( shown ) )
    {
      QJsonObject r = summaryJson( RtSummary::compute( byResolution.value( d.number ), asOf, extras.values ), lang, extras );
      r.remove( QStringLiteral( "tasks" ) );
      r.remove( QStringLiteral( "overdue" ) );
      const QJsonObject head = resolutionJson( d );
      for ( auto it = head.constBegin(); it != head.constEnd(); ++it )
        r.insert( it.key(), it.value() );
      resolutions << r;
    }
    o.insert( QStringLiteral( "resolutions" ), resolutions );
    RtCli::outJson( QJsonDocument( o ) );
    return ExitOk;
  }

  if ( shown.size() > 1 )
  {
    RtCli::out( RtTr( lang ).translate( "RtCli", "%1 resolutions — %2 tasks, %3 overdue as of %4" )
                .arg( shown.size() ).arg( all.total ).arg( all.overdue.size() ).arg( RtCli::formatDate( asOf, lang ) ) );
    RtCli::out( QString() );
  }
  for ( int i = 0; i < shown.size(); ++i )
  {
    if ( i > 0 )
    {
      RtCli::out( QString() );
      RtCli::out( QString( 78, QLatin1Char( '=' ) ) );
    }
    printSummary( shown.at( i ), RtSummary::compute( byResolution.value( shown.at( i ).number ), asOf, extras.values ), lang, extras );
  }
  return ExitOk;
}

int runSetStatus( const QStringList &argList )
{
  RtArgs args;
  const QStringList valueOptions = { QStringLiteral( "db" ), QStringLiteral( "by" ), QStringLiteral( "date" ), QStringLiteral( "note" ),
                                     QStringLiteral( "note-file" ), QStringLiteral( "evidence" ), QStringLiteral( "evidence-file" ),
                                     QStringLiteral( "expect" ), QStringLiteral( "resolution" ) };
  if ( !args.parse( argList, valueOptions, {} ) || args.positional().size() != 2 )
  {
    RtCli::err( args.error().isEmpty() ? RtCli::usage( "restrack set-status [--db FILE.gpkg] [--resolution NUMBER] ID STATUS --by NAME [--date D] "
                                                                      "[--note T | --note-file F] [--evidence E | --evidence-file F] [--expect OLD_STATUS]" ) : args.error() );
    return ExitUsage;
  }
  RtStatusChange change;
  change.taskId = args.positional().at( 0 );
  const std::optional<RtStatus> status = RtStatuses::fromCode( args.positional().at( 1 ) );
  if ( !status )
  {
    RtCli::err( rtMsg( "RtCli", "unknown status '%1'; use one of: %2" ).arg( args.positional().at( 1 ), RtStatuses::codeList() ) );
    return ExitRefused;
  }
  change.newStatus = *status;
  change.by = args.value( QStringLiteral( "by" ) ).trimmed();
  if ( change.by.isEmpty() )
  {
    RtCli::err( rtMsg( "RtCli", "--by is required: say who makes the change" ) );
    return ExitUsage;
  }
  if ( args.has( QStringLiteral( "date" ) ) )
  {
    change.date = RtCli::parseDate( args.value( QStringLiteral( "date" ) ) );
    if ( !change.date.isValid() )
    {
      RtCli::err( rtMsg( "RtCli", "--date '%1' is not a date; use YYYY-MM-DD" ).arg( args.value( QStringLiteral( "date" ) ) ) );
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
      RtCli::err( rtMsg( "RtCli", "unknown status '%1' in --expect; use one of: %2" ).arg( args.value( QStringLiteral( "expect" ) ), RtStatuses::codeList() ) );
      return ExitRefused;
    }
  }
  std::unique_ptr<RtStore> store = RtCli::openStore( args, true, &exit );
  if ( !store )
    return exit;
  if ( !RtCli::taskIdOption( args, *store, change.taskId, change.taskId, exit ) )
    return exit;
  const RtResult<RtTask> before = store->task( change.taskId );
  const RtStatusResult applied = store->setStatus( change );
  if ( !applied.ok() )
    return RtCli::fail( applied );
  const RtResult<RtTask> after = store->task( change.taskId );
  if ( before.ok() && before.value().status == change.newStatus )
  {
    // A report that keeps the status: its note or evidence is what was recorded.
    RtCli::out( rtMsg( "RtCli", "%1: %2 kept, %3 recorded (%4, by %5)" )
                .arg( change.taskId, RtStatuses::code( change.newStatus ),
                      change.evidence.trimmed().isEmpty() ? rtMsg( "RtCli", "note" ) : change.note.trimmed().isEmpty() ? rtMsg( "RtCli", "evidence" ) : rtMsg( "RtCli", "note and evidence" ),
                      ( change.date.isValid() ? change.date : QDate::currentDate() ).toString( Qt::ISODate ), change.by ) );
    return ExitOk;
  }
  RtCli::out( rtMsg( "RtCli", "%1: %2 → %3 (%4, by %5)" )
              .arg( change.taskId, before.ok() ? RtStatuses::code( before.value().status ) : QStringLiteral( "?" ),
                    after.ok() ? RtStatuses::code( after.value().status ) : RtStatuses::code( change.newStatus ),
                    after.ok() ? after.value().statusDate.toString( Qt::ISODate ) : QString(), change.by ) );
  return ExitOk;
}

int runHistory( const QStringList &argList )
{
  RtArgs args;
  if ( !args.parse( argList, { QStringLiteral( "db" ), QStringLiteral( "lang" ), QStringLiteral( "resolution" ) }, { QStringLiteral( "json" ) } )
       || args.positional().size() != 1 )
  {
    RtCli::err( args.error().isEmpty() ? RtCli::usage( "restrack history [--db FILE.gpkg] [--resolution NUMBER] ID [--json] [--lang vi|en]" ) : args.error() );
    return ExitUsage;
  }
  RtLang lang;
  if ( !RtCli::langOption( args, lang ) )
    return ExitUsage;
  int exit = ExitRefused;
  std::unique_ptr<RtStore> store = RtCli::openStore( args, false, &exit );
  if ( !store )
    return exit;
  QString id;
  if ( !RtCli::taskIdOption( args, *store, args.positional().first(), id, exit ) )
    return exit;
  const RtResult<RtTask> task = store->task( id );
  if ( !task.ok() )
    return RtCli::fail( task );
  const RtResult<QVector<RtHistoryEntry>> history = store->history( id );
  if ( !history.ok() )
    return RtCli::fail( history );
  const RtResult<QVector<RtValueEntry>> values = store->values( id );
  if ( !values.ok() )
    return RtCli::fail( values );
  const RtResult<QVector<RtAssignment>> assignments = store->assignments( id );
  if ( !assignments.ok() )
    return RtCli::fail( assignments );
  const RtTask &t = task.value();
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
    QJsonArray valueRows;
    for ( const RtValueEntry &v : values.value() )
      valueRows << valueJson( v );
    QJsonArray assignmentRows;
    for ( const RtAssignment &a : assignments.value() )
      assignmentRows << assignmentJson( a );
    QJsonObject doc;
    doc.insert( QStringLiteral( "task" ), id );
    doc.insert( QStringLiteral( "resolution" ), t.resolution );
    doc.insert( QStringLiteral( "target" ), t.target );
    doc.insert( QStringLiteral( "target_figure" ), targetJson( t ) );
    doc.insert( QStringLiteral( "follows_up" ), followsUpJson( t.followsUp ) );
    doc.insert( QStringLiteral( "history" ), rows );
    doc.insert( QStringLiteral( "values" ), valueRows );
    doc.insert( QStringLiteral( "assignments" ), assignmentRows );
    RtCli::outJson( QJsonDocument( doc ) );
    return ExitOk;
  }
  for ( const RtHistoryEntry &h : history.value() )
  {
    const QString from = h.oldStatus ? RtStatuses::label( *h.oldStatus, lang ) : RtTr( lang ).translate( "RtCli", "(initial)" );
    // A report that kept the status: its note and evidence are what it recorded.
    const QString change = h.oldStatus && *h.oldStatus == h.newStatus
                           ? RtTr( lang ).translate( "RtCli", "%1 (unchanged)" ).arg( RtStatuses::label( h.newStatus, lang ) )
                           : QStringLiteral( "%1 → %2" ).arg( from, RtStatuses::label( h.newStatus, lang ) );
    RtCli::out( QStringLiteral( "%1  %2  %3%4%5" )
                .arg( RtCli::formatDate( h.date, lang ), change,
                      RtTr( lang ).translate( "RtCli", "by " ) + h.by,
                      h.note.isEmpty() ? QString() : QStringLiteral( " — " ) + h.note,
                      h.evidence.isEmpty() ? QString() : QStringLiteral( " [%1]" ).arg( h.evidence ) ) );
  }
  if ( !t.followsUp.isEmpty() )
  {
    QStringList cited;
    for ( const RtTaskRef &ref : t.followsUp )
      cited << ( ref.taskId.isEmpty() ? ref.resolution : QStringLiteral( "%1 (%2)" ).arg( ref.taskId, ref.resolution ) );
    RtCli::out( RtTr( lang ).translate( "RtCli", "Follows up: %1" ).arg( cited.join( QStringLiteral( ", " ) ) ) );
  }
  if ( !values.value().isEmpty() )
  {
    RtCli::out( RtTr( lang ).translate( "RtCli", "Measured values (target: %1):" ).arg( t.target ) );
    for ( const RtValueEntry &v : values.value() )
    {
      const std::optional<double> share = t.targetFigure ? t.targetFigure->share( v.value, v.unit ) : std::nullopt;
      RtCli::out( QStringLiteral( "%1  %2%3  %4%5%6" )
                  .arg( RtCli::formatDate( v.date, lang ), valueText( v.value, v.unit ),
                        share ? RtTr( lang ).translate( "RtCli", " = %1 of target" ).arg( percentText( *share ) ) : QString(),
                        RtTr( lang ).translate( "RtCli", "by " ) + v.by,
                        v.note.isEmpty() ? QString() : QStringLiteral( " — " ) + v.note,
                        v.evidence.isEmpty() ? QString() : QStringLiteral( " [%1]" ).arg( v.evidence ) ) );
    }
  }
  if ( !assignments.value().isEmpty() )
  {
    RtCli::out( RtTr( lang ).translate( "RtCli", "Assignments:" ) );
    for ( const RtAssignment &a : assignments.value() )
      RtCli::out( QStringLiteral( "%1  %2  %3" ).arg( RtCli::formatDate( a.recordedAt.toLocalTime().date(), lang ), assignmentText( a, lang ),
                  RtTr( lang ).translate( "RtCli", "by " ) + a.by ) );
  }
  return ExitOk;
}
