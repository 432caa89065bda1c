#include "rtregister.h"
#include "rttr.h"
#include "rtcategory.h"
#include "rttext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace
{
  QString lineColumn( const QByteArray &json, int offset )
  {
    const int line = json.left( offset ).count( '\n' ) + 1;
    const int column = offset - json.lastIndexOf( '\n', offset - 1 );
    return rtMsg( "RtRegister", "line %1, column %2" ).arg( line ).arg( column );
  }

  //! Reads the task fields one by one, remembering the first problem with its place.
  class TaskReader
  {
    public:
      TaskReader( const QJsonObject &o, const QString &where ) : mObject( o ), mWhere( where ) {}

      QString string( const char *key, bool required = false )
      {
        const QJsonValue v = mObject.value( QLatin1String( key ) );
        if ( v.isUndefined() || v.isNull() )
        {
          if ( required )
            fail( rtMsg( "RtRegister", "field \"%1\" is missing" ).arg( QLatin1String( key ) ) );
          return QString();
        }
        if ( !v.isString() )
          fail( rtMsg( "RtRegister", "field \"%1\" must be a string" ).arg( QLatin1String( key ) ) );
        const QString s = v.toString().normalized( QString::NormalizationForm_C ).trimmed();
        if ( required && s.isEmpty() )
          fail( rtMsg( "RtRegister", "field \"%1\" is empty" ).arg( QLatin1String( key ) ) );
        return s;
      }

      QStringList list( const char *key, bool required = false )
      {
        const QJsonValue v = mObject.value( QLatin1String( key ) );
        QStringList out;
        if ( v.isUndefined() || v.isNull() )
        {
          if ( required )
            fail( rtMsg( "RtRegister", "field \"%1\" is missing" ).arg( QLatin1String( key ) ) );
          return out;
        }
        if ( !v.isArray() )
        {
          fail( rtMsg( "RtRegister", "field \"%1\" must be a list of strings" ).arg( QLatin1String( key ) ) );
          return out;
        }
        for ( const QJsonValue &item : v.toArray() )
        {
          if ( !item.isString() )
            fail( rtMsg( "RtRegister", "field \"%1\" must be a list of strings" ).arg( QLatin1String( key ) ) );
          out << item.toString().normalized( QString::NormalizationForm_C ).trimmed();
        }
        if ( required && out.isEmpty() )
          fail( rtMsg( "RtRegister", "field \"%1\" is empty" ).arg( QLatin1String( key ) ) );
        return out;
      }

      /**
       * What a task follows up: a list of resolution numbers ("152/NQ-HĐND") or objects
       * {"resolution": "152/NQ-HĐND", "task": "DT-05"} (a task by its id in that resolution's register).
       */
      QVector<RtTaskRef> references( const char *key )
      {
        const QJsonValue v = mObject.value( QLatin1String( key ) );
        QVector<RtTaskRef> out;
        if ( v.isUndefined() || v.isNull() )
          return out;
        const QString expected = rtMsg( "RtRegister", "field \"%1\" must be a list of resolution numbers or of {\"resolution\": …, \"task\": …}" ).arg( QLatin1String( key ) );
        if ( !v.isArray() )
        {
          fail( expected );
          return out;
        }
        for ( const QJsonValue &item : v.toArray() )
        {
          RtTaskRef ref;
          if ( item.isString() )
            ref.resolution = item.toString();
          else if ( item.isObject() && item.toObject().value( QStringLiteral( "resolution" ) ).isString()
                    && ( item.toObject().value( QStringLiteral( "task" ) ).isUndefined() || item.toObject().value( QStringLiteral( "task" ) ).isString() ) )
          {
            ref.resolution = item.toObject().value( QStringLiteral( "resolution" ) ).toString();
            ref.taskId = item.toObject().value( QStringLiteral( "task" ) ).toString().trimmed();
          }
          else
          {
            fail( expected );
            return out;
          }
          ref.resolution = ref.resolution.normalized( QString::NormalizationForm_C ).trimmed();
          if ( ref.resolution.isEmpty() )
          {
            fail( rtMsg( "RtRegister", "field \"%1\" names a resolution without a number" ).arg( QLatin1String( key ) ) );
            return out;
          }
          out << ref;
        }
        return out;
      }

      int integer( const char *key )
      {
        const QJsonValue v = mObject.value( QLatin1String( key ) );
        if ( v.isUndefined() || v.isNull() )
          return 0;
        if ( !v.isDouble() || v.toDouble() != static_cast<int>( v.toDouble() ) || v.toDouble() < 0 )
          fail( rtMsg( "RtRegister", "field \"%1\" must be a whole number" ).arg( QLatin1String( key ) ) );
        return v.toInt();
      }

      void fail( const QString &message )
      {
        if ( mError.isEmpty() )
          mError = QStringLiteral( "%1: %2" ).arg( mWhere, message );
      }
      QString error() const { return mError; }

    private:
      QJsonObject mObject;
      QString mWhere;
      QString mError;
  };

  RtResult<RtTask> readTask( const QJsonObject &o, const QString &where, const RtCouncilTerm &term, const QDate &issued,
                             QStringList &warnings )
  {
    TaskReader r( o, where );
    RtTask t;
    t.id = r.string( "id", true );
    TaskReader rt( o, rtMsg( "RtRegister", "%1 (task %2)" ).arg( where, t.id ) );
    t.kind = rt.string( "kind", true );
    if ( !t.kind.isEmpty() && t.kind != QLatin1String( "directive" ) && t.kind != QLatin1String( "commitment" ) )
      rt.fail( rtMsg( "RtRegister", "kind '%1' is neither \"directive\" nor \"commitment\"" ).arg( t.kind ) );
    t.clausePath = rt.list( "clause", true );
    t.footnote = rt.integer( "footnote" );
    t.quote = rt.string( "quote", true );
    t.review = rt.string( "review" );
    if ( !t.review.isEmpty() && t.review != QLatin1String( "draft" ) && t.review != QLatin1String( "reviewed" ) )
      rt.fail( rtMsg( "RtRegister", "\"review\" is \"%1\"; it is \"draft\" (proposed, not reviewed yet) or \"reviewed\"" ).arg( t.review ) );
    if ( t.review == QLatin1String( "reviewed" ) )
      t.review.clear();
    const bool draft = t.review == QLatin1String( "draft" );
    t.titleVi = rt.string( "title_vi", true );
    t.titleEn = rt.string( "title_en", !draft ); // a draft's English title comes with its review
    t.category = rt.string( "category", true );
    if ( !t.category.isEmpty() && !RtCategories::isKnown( t.category ) )
      rt.fail( rtMsg( "RtRegister", "unknown category '%1'; known: %2" ).arg( t.category, RtCategories::codes().join( QStringLiteral( ", " ) ) ) );
    t.responsible = rt.string( "responsible" );
    const RtResult<RtDeadline> deadline = RtDeadline::parse( rt.string( "deadline" ), term, issued );
    if ( deadline.ok() )
      t.deadline = deadline.value();
    else
      rt.fail( deadline.error() );
    if ( t.deadline.kind() == RtDeadline::Kind::Undated )
      warnings << rtMsg( "RtRegister", "%1 (task %2): deadline '%3' has no date (%4); it is kept as written and never counts as overdue" )
               .arg( where, t.id, t.deadline.phrase(), t.deadline.problem() );
    t.target = rt.string( "target" );
    static const QRegularExpression sPlace( QStringLiteral( "^(ward:\\d{5}|zone:[A-Z][A-Z0-9.]*|site:[a-z0-9-]+|parcel:\\S+)$" ) );
    t.places = rt.list( "places" );
    for ( const QString &p : std::as_const( t.places ) )
      if ( !sPlace.match( p ).hasMatch() )
        rt.fail( rtMsg( "RtRegister", "place key '%1' is not one of ward:<5-digit GSO code>, zone:<code>, site:<id>, parcel:<key>" ).arg( p ) );
    const QString status = rt.string( "status", true );
    const std::optional<RtStatus> s = RtStatuses::fromCode( status );
    if ( !status.isEmpty() && !s )
      rt.fail( rtMsg( "RtRegister", "unknown status '%1'; known: %2" ).arg( status, RtStatuses::codeList() ) );
    t.status = s.value_or( RtStatus::NoReport );
    t.statusQuote = rt.string( "status_quote" );
    t.statusClausePath = rt.list( "status_clause" );
    if ( t.statusClausePath.isEmpty() )
      t.statusClausePath = t.clausePath;
    t.statusFootnote = rt.integer( "status_footnote" );
    if ( t.status != RtStatus::NoReport && t.statusQuote.isEmpty() )
      rt.fail( rtMsg( "RtRegister", "status '%1' needs its evidence in \"status_quote\"; without evidence the status is \"no_report\"" ).arg( status ) );
    if ( t.status == RtStatus::NoReport && !t.statusQuote.isEmpty() )
      rt.fail( rtMsg( "RtRegister", "\"status_quote\" is given but the status is \"no_report\"" ) );
    t.noteVi = rt.string( "note_vi" );
    t.noteEn = rt.string( "note_en" );
    t.followsUp = rt.references( "follows_up" );
    if ( !r.error().isEmpty() )
      return RtResult<RtTask>::failure( r.error() );
    if ( !rt.error().isEmpty() )
      return RtResult<RtTask>::failure( rt.error() );
    return RtResult<RtTask>::success( t );
  }

  //! The appendix whose label is \a label (case and spacing as written do not matter).
  const RtAppendix *findAppendix( const RtResolution &res, const QString &label )
  {
    const QString wanted = RtText::normalizeForMatch( label ).toLower();
    for ( const RtAppendix &a : res.appendices )
      if ( RtText::normalizeForMatch( a.label ).toLower() == wanted )
        return &a;
    return nullptr;
  }

  //! The text a quote must be found in: the clause's own text, one of its footnotes, or an appendix row.
  QString evidenceText( const RtResolution &res, const QStringList &path, int footnote, QString &problem )
  {
    if ( path.size() == 2 && footnote <= 0 && !res.findClause( path ) )
    {
      if ( const RtAppendix *appendix = findAppendix( res, path.first() ) )
      {
        bool isNumber = false;
        const int row = path.at( 1 ).toInt( &isNumber ) - 1;
        if ( !isNumber || row < 0 || row >= appendix->rows.size() )
        {
          problem = rtMsg( "RtRegister", "%1 has no row %2 (it has %3 rows)" ).arg( appendix->label, path.at( 1 ) ).arg( appendix->rows.size() );
          return QString();
        }
        return RtText::normalizeForMatch( RtRegister::appendixRowText( *appendix, row ) );
      }
    }
    const RtClause *clause = res.findClause( path );
    if ( !clause )
    {
      problem = rtMsg( "RtRegister", "clause %1 does not exist in the text" ).arg( rtClausePathString( path ) );
      return QString();
    }
    if ( footnote <= 0 )
      return RtText::normalizeForMatch( clause->text );
    const RtFootnote *f = res.findFootnote( footnote );
    if ( !f )
    {
      problem = rtMsg( "RtRegister", "footnote %1 does not exist in the text" ).arg( footnote );
      return QString();
    }
    if ( f->clausePath != path )
    {
      problem = rtMsg( "RtRegister", "footnote %1 is cited in %2, not in %3" ).arg( footnote ).arg( rtClausePathString( f->clausePath ), rtClausePathString( path ) );
      return QString();
    }
    return RtText::normalizeForMatch( f->text );
  }
}

RtResult<RtRegisterFile> RtRegister::load( const QString &jsonPath )
{
  QFile f( jsonPath );
  if ( !f.exists() )
    return RtResult<RtRegisterFile>::failure( rtMsg( "RtRegister", "%1: no such file" ).arg( jsonPath ) );
  if ( !f.open( QIODevice::ReadOnly ) )
    return RtResult<RtRegisterFile>::failure( rtMsg( "RtRegister", "%1: cannot read it (%2)" ).arg( jsonPath, f.errorString() ) );
  return parse( f.readAll(), jsonPath );
}

RtResult<RtRegisterFile> RtRegister::parse( const QByteArray &json, const QString &sourceName )
{
  using Result = RtResult<RtRegisterFile>;
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson( json, &error );
  if ( error.error != QJsonParseError::NoError )
    return Result::failure( QStringLiteral( "%1, %2: %3" ).arg( sourceName, lineColumn( json, error.offset ), error.errorString() ) );
  if ( !doc.isObject() )
    return Result::failure( rtMsg( "RtRegister", "%1: expected an object with \"resolution\" and \"tasks\"" ).arg( sourceName ) );

  RtRegisterFile reg;
  const QJsonObject res = doc.object().value( QStringLiteral( "resolution" ) ).toObject();
  reg.textFile = res.value( QStringLiteral( "text" ) ).toString();
  reg.number = res.value( QStringLiteral( "number" ) ).toString().normalized( QString::NormalizationForm_C );
  reg.date = QDate::fromString( res.value( QStringLiteral( "date" ) ).toString(), Qt::ISODate );
  const QJsonObject term = res.value( QStringLiteral( "council_term" ) ).toObject();
  reg.term.startYear = term.value( QStringLiteral( "start" ) ).toInt();
  reg.term.endYear = term.value( QStringLiteral( "end" ) ).toInt();
  if ( reg.textFile.isEmpty() || reg.number.isEmpty() || !reg.date.isValid() )
    return Result::failure( rtMsg( "RtRegister", "%1: \"resolution\" needs \"text\", \"number\" and \"date\" (YYYY-MM-DD)" ).arg( sourceName ) );
  if ( reg.term.startYear <= 0 || reg.term.endYear < reg.term.startYear )
    return Result::failure( rtMsg( "RtRegister", "%1: \"resolution\".\"council_term\" needs \"start\" and \"end\" years" ).arg( sourceName ) );

  const QJsonValue tasks = doc.object().value( QStringLiteral( "tasks" ) );
  if ( !tasks.isArray() || tasks.toArray().isEmpty() )
    return Result::failure( rtMsg( "RtRegister", "%1: \"tasks\" must be a non-empty list" ).arg( sourceName ) );
  QSet<QString> ids;
  int index = 0;
  for ( const QJsonValue &v : tasks.toArray() )
  {
    ++index;
    const QString where = rtMsg( "RtRegister", "%1, task #%2" ).arg( sourceName ).arg( index );
    if ( !v.isObject() )
      return Result::failure( rtMsg( "RtRegister", "%1: expected an object" ).arg( where ) );
    RtResult<RtTask> task = readTask( v.toObject(), where, reg.term, reg.date, reg.warnings );
    if ( !task.ok() )
      return Result::failure( task.error() );
    if ( ids.contains( task.value().id ) )
      return Result::failure( rtMsg( "RtRegister", "%1: id '%2' is used twice" ).arg( where, task.value().id ) );
    ids.insert( task.value().id );
    task.value().statusDate = reg.date;
    reg.tasks << task.takeValue();
  }
  return Result::success( reg );
}

bool RtRegister::isFor( const RtRegisterFile &reg, const RtResolution &resolution )
{
  return reg.number == resolution.number.normalized( QString::NormalizationForm_C ) && reg.date == resolution.date;
}

QStringList RtRegister::appendixRowPath( const RtAppendix &appendix, int row )
{
  return { appendix.label, QString::number( row + 1 ) };
}

QString RtRegister::appendixRowText( const RtAppendix &appendix, int row )
{
  QStringList cells;
  if ( row >= 0 && row < appendix.rows.size() )
    for ( const QString &cell : appendix.rows.at( row ) )
      if ( !cell.trimmed().isEmpty() )
        cells << cell.trimmed();
  return cells.join( QStringLiteral( " | " ) );
}

QStringList RtRegister::checkAgainst( const RtRegisterFile &reg, const RtResolution &resolution )
{
  QStringList problems;
  if ( reg.number != resolution.number )
    problems << rtMsg( "RtRegister", "the register is for %1 but the text is %2" ).arg( reg.number, resolution.number );
  if ( reg.date != resolution.date )
    problems << rtMsg( "RtRegister", "the register dates the resolution %1 but the text says %2" )
             .arg( reg.date.toString( Qt::ISODate ), resolution.date.toString( Qt::ISODate ) );

  for ( const RtTask &t : reg.tasks )
  {
    auto mustOccur = [&]( const QString &field, const QString &value, const QStringList &path, int footnote ) {
      if ( value.isEmpty() )
        return;
      QString problem;
      const QString text = evidenceText( resolution, path, footnote, problem );
      if ( !problem.isEmpty() )
        problems << rtMsg( "RtRegister", "task %1, %2: %3" ).arg( t.id, field, problem );
      else if ( !text.contains( RtText::normalizeForMatch( value ) ) )
        problems << rtMsg( "RtRegister", "task %1, %2: \"%3\" does not occur in %4%5" )
                 .arg( t.id, field, value, rtClausePathString( path ),
                       footnote > 0 ? rtMsg( "RtRegister", ", footnote %1" ).arg( footnote ) : QString() );
    };
    mustOccur( QStringLiteral( "quote" ), t.quote, t.clausePath, t.footnote );
    mustOccur( QStringLiteral( "target" ), t.target, t.clausePath, t.footnote );
    mustOccur( QStringLiteral( "deadline" ), t.deadline.phrase(), t.clausePath, t.footnote );
    if ( t.status != RtStatus::NoReport )
      mustOccur( QStringLiteral( "status_quote" ), t.statusQuote, t.statusClausePath, t.statusFootnote );
    // A follow-up is evidenced like the rest: the text of the task's clause cites that resolution.
    for ( const RtTaskRef &ref : t.followsUp )
    {
      if ( ref.resolution == resolution.number )
      {
        problems << rtMsg( "RtRegister", "task %1, follows_up: %2 is this resolution itself" ).arg( t.id, ref.resolution );
        continue;
      }
      QString problem;
      const QString clauseText = evidenceText( resolution, t.clausePath, 0, problem );
      const QString footnoteText = t.footnote > 0 ? evidenceText( resolution, t.clausePath, t.footnote, problem ) : QString();
      if ( !problem.isEmpty() )
        continue; // the quote's check names the missing clause or footnote
      const QString cited = RtText::normalizeForMatch( ref.resolution );
      if ( !clauseText.contains( cited ) && !footnoteText.contains( cited ) )
        problems << rtMsg( "RtRegister", "task %1, follows_up: %2 is not cited in %3" ).arg( t.id, ref.resolution, rtClausePathString( t.clausePath ) );
    }
  }
  return problems;
}
