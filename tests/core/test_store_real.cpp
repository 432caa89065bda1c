// The store with the real resolution and register of 172/NQ-HĐND.
#include "catch_compat.h"
#include "testutil.h"

#include "rtregister.h"
#include "rtresolutionimporter.h"
#include "rtstore.h"

#include <QTemporaryDir>

namespace
{
  void compareClauses( const QVector<RtClause> &expected, const QVector<RtClause> &actual, const QString &where )
  {
    INFO( where.toStdString() );
    REQUIRE( expected.size() == actual.size() );
    for ( int i = 0; i < expected.size(); ++i )
    {
      CHECK( expected[i].label == actual[i].label );
      CHECK( expected[i].text == actual[i].text );
      CHECK( expected[i].line == actual[i].line );
      compareClauses( expected[i].children, actual[i].children, where + QStringLiteral( " › " ) + expected[i].label );
    }
  }
}

TEST_CASE( "the real register round-trips the whole resolution and its tasks", "[store]" )
{
  const RtResult<RtRegisterFile> reg = RtRegister::load( RtTestPaths::registerJson() );
  REQUIRE( reg.ok() );
  const RtResult<RtImportReport> text = RtResolutionImporter::importFile( RtTestPaths::resolutionText(), reg.value().term );
  REQUIRE( text.ok() );
  const RtResolution &expected = text.value().resolution;

  QTemporaryDir dir;
  const QString path = dir.filePath( QStringLiteral( "mongcai.gpkg" ) );
  RtDocumentInfo info;
  info.term = reg.value().term;
  REQUIRE( RtStore::create( path, expected, reg.value().tasks, info ).ok() );
  RtResult<std::unique_ptr<RtStore>> store = RtStore::open( path, false );
  REQUIRE( store.ok() );

  const RtResult<RtResolution> stored = store.value()->resolution();
  REQUIRE( stored.ok() );
  const RtResolution &actual = stored.value();
  CHECK( actual.number == expected.number );
  CHECK( actual.date == expected.date );
  CHECK( actual.place == expected.place );
  CHECK( actual.documentType == expected.documentType );
  CHECK( actual.title == expected.title );
  CHECK( actual.body == expected.body );
  CHECK( actual.session == expected.session );
  CHECK( actual.preamble == expected.preamble );
  CHECK( actual.closing == expected.closing );
  CHECK( actual.signer == QStringLiteral( "Nguyễn Văn Đô" ) );
  compareClauses( expected.clauses, actual.clauses, QStringLiteral( "clauses" ) );
  REQUIRE( actual.footnotes.size() == expected.footnotes.size() );
  for ( int i = 0; i < expected.footnotes.size(); ++i )
  {
    CHECK( actual.footnotes[i].clausePath == expected.footnotes[i].clausePath );
    CHECK( actual.footnotes[i].text == expected.footnotes[i].text );
  }
  CHECK( actual.figures.size() == expected.figures.size() );

  const RtResult<QVector<RtTask>> tasks = store.value()->tasks();
  REQUIRE( tasks.ok() );
  REQUIRE( tasks.value().size() == reg.value().tasks.size() );
  for ( int i = 0; i < tasks.value().size(); ++i )
  {
    const RtTask &a = tasks.value()[i];
    const RtTask &e = reg.value().tasks[i];
    INFO( e.id.toStdString() );
    CHECK( a.id == e.id );
    CHECK( a.quote == e.quote );
    CHECK( a.titleVi == e.titleVi );
    CHECK( a.places == e.places );
    CHECK( a.status == e.status );
    CHECK( a.deadline.date() == e.deadline.date() );
    CHECK( a.deadline.phrase() == e.deadline.phrase() );
  }
}
