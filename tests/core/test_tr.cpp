// The core's catalogue (layers/i18n/, rttr.h): the language is asked per call, the embedded
// .qm files say what the committed .ts files say, a message it lacks stays the source.
#include "catch_compat.h"

#include "rttr.h"
#include "rtstore.h"
#include "testutil.h"

#include <QTemporaryDir>

#include <QFile>
#include <QXmlStreamReader>

#include <thread>
#include <vector>

namespace
{
  struct TsMessage
  {
    QByteArray context;
    QByteArray source;
    QString translation;
  };

  //! The messages of a committed .ts file (none is plural in the core's catalogue).
  QVector<TsMessage> readTs( const QString &path )
  {
    QFile file( path );
    if ( !file.open( QIODevice::ReadOnly ) )
      FAIL( "cannot read " << path.toStdString() );
    QVector<TsMessage> out;
    QXmlStreamReader xml( &file );
    QByteArray context;
    TsMessage message;
    while ( !xml.atEnd() )
    {
      xml.readNext();
      if ( !xml.isStartElement() )
        continue;
      if ( xml.name() == QLatin1String( "name" ) )
        context = xml.readElementText().toUtf8();
      else if ( xml.name() == QLatin1String( "source" ) )
        message = TsMessage { context, xml.readElementText().toUtf8(), QString() };
      else if ( xml.name() == QLatin1String( "translation" ) )
      {
        message.translation = xml.readElementText();
        out << message;
      }
    }
    if ( xml.hasError() )
      FAIL( path.toStdString() << ": " << xml.errorString().toStdString() );
    return out;
  }
}

TEST_CASE( "the core's messages in the language asked, each call its own", "[i18n]" )
{
  CHECK( rtTr( RtLang::Vi, "RtStatuses", "Done" ) == QStringLiteral( "Hoàn thành" ) );
  CHECK( rtTr( RtLang::En, "RtStatuses", "Done" ) == QStringLiteral( "Done" ) );
  CHECK( RtTr( RtLang::Vi ).translate( "RtCli", "OVERDUE (%1)" ).arg( 8 ) == QStringLiteral( "QUÁ HẠN (8)" ) );
  CHECK( RtTr( RtLang::En ).translate( "RtCli", "OVERDUE (%1)" ).arg( 8 ) == QStringLiteral( "OVERDUE (8)" ) );
  CHECK( rtTr( RtLang::Vi, "RtStatuses", "Overdue" ) == QStringLiteral( "Quá hạn" ) );
}

TEST_CASE( "a message the catalogue lacks stays its source, in any language", "[i18n]" )
{
  CHECK( rtTr( RtLang::Vi, "RtCli", "No such message — ever" ) == QStringLiteral( "No such message — ever" ) );
  // The context is part of the message: the same text under another context is not translated.
  CHECK( rtTr( RtLang::Vi, "RtNoSuchContext", "Done" ) == QStringLiteral( "Done" ) );
  CHECK( rtTr( RtLang::En, "RtCli", "%n thing(s)", nullptr, 3 ) == QStringLiteral( "3 thing(s)" ) );
}

TEST_CASE( "the embedded catalogues say what the committed .ts files say", "[i18n]" )
{
  for ( const RtLang lang : { RtLang::Vi, RtLang::En } )
  {
    const QString code = lang == RtLang::Vi ? QStringLiteral( "vi" ) : QStringLiteral( "en" );
    const QVector<TsMessage> messages = readTs( QStringLiteral( RT_SOURCE_DIR "/layers/i18n/restrack_core_%1.ts" ).arg( code ) );
    REQUIRE( messages.size() >= 100 );
    for ( const TsMessage &m : messages )
    {
      INFO( code.toStdString() << " " << m.context.constData() << ": " << m.source.constData() );
      CHECK( rtTr( lang, m.context.constData(), m.source.constData() ) == m.translation );
    }
  }
}

TEST_CASE( "the catalogues load once and answer several threads at once", "[i18n]" )
{
  // A fresh process under ctest: the first calls race to load the catalogues.
  std::vector<std::thread> threads;
  std::vector<int> wrong( 4, 0 );
  for ( int t = 0; t < 4; ++t )
  {
    threads.emplace_back( [t, &wrong]
    {
      const RtLang lang = t % 2 == 0 ? RtLang::Vi : RtLang::En;
      const QString want = lang == RtLang::Vi ? QStringLiteral( "Chưa có báo cáo" ) : QStringLiteral( "No report" );
      for ( int i = 0; i < 2000; ++i )
        if ( rtTr( lang, "RtStatuses", "No report" ) != want )
          ++wrong[t];
    } );
  }
  for ( std::thread &thread : threads )
    thread.join();
  CHECK( wrong == std::vector<int>( 4, 0 ) );
}

namespace
{
  //! Sets the message language for one test and puts English back after it.
  struct MessageLanguage
  {
    explicit MessageLanguage( RtLang lang ) { rtSetMessageLanguage( lang ); }
    ~MessageLanguage() { rtSetMessageLanguage( RtLang::En ); }
  };
}

TEST_CASE( "the store's errors speak the message language, the place named in both", "[i18n][store]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString missing = dir.filePath( QStringLiteral( "không-có.gpkg" ) );

  const RtResult<std::unique_ptr<RtStore>> english = RtStore::open( missing, false );
  REQUIRE_FALSE( english.ok() );
  CHECK( english.errorKind() == RtErrorKind::NotFound );
  CHECK( english.error() == QStringLiteral( "%1 does not exist" ).arg( missing ) );

  MessageLanguage vietnamese( RtLang::Vi );
  const RtResult<std::unique_ptr<RtStore>> vi = RtStore::open( missing, false );
  REQUIRE_FALSE( vi.ok() );
  CHECK( vi.errorKind() == RtErrorKind::NotFound );
  CHECK( vi.error().contains( missing ) );
  CHECK( vi.error() != english.error() );
  CHECK( vi.error() == rtTr( RtLang::Vi, "RtGpkgBackend", "%1 does not exist" ).arg( missing ) );
  // Vietnamese words, not the English message with a Vietnamese file name.
  CHECK_FALSE( vi.error().contains( QStringLiteral( "does not exist" ) ) );
}

TEST_CASE( "the message language is read by every thread", "[i18n]" )
{
  MessageLanguage vietnamese( RtLang::Vi );
  QString fromThread;
  std::thread worker( [&fromThread] { fromThread = rtMsg( "RtStore", "the register is not open" ); } );
  worker.join();
  CHECK( fromThread == rtTr( RtLang::Vi, "RtStore", "the register is not open" ) );
  CHECK( fromThread != QStringLiteral( "the register is not open" ) );
}
