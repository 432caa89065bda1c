// The gazetteer of Móng Cái (data/mongcai/gazetteer.csv): places by code and by name, the
// units of 2025, places named in the resolution's text, and broken gazetteer files.
#include "catch_compat.h"
#include "testutil.h"

#include "rtgazetteer.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QSet>

namespace
{
  const QDate sResolutionDate( 2023, 10, 13 );

  const RtGazetteer &mongCai()
  {
    static const RtGazetteer sGazetteer = [] {
      const RtResult<RtGazetteer> g = RtGazetteer::load( RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai/gazetteer.csv" ) );
      REQUIRE( g.ok() );
      return g.value();
    }();
    return sGazetteer;
  }

  QString codeOf( const QString &kind, const QString &key, const QDate &date = sResolutionDate )
  {
    const RtPlace *p = mongCai().resolve( kind, key, date );
    return p ? p->code : QString();
  }

  //! The places a text names, as "kind:code", in order.
  QStringList keysIn( const QString &text, const QDate &date = sResolutionDate )
  {
    QStringList out;
    for ( const RtPlaceMention &m : mongCai().findIn( text, date ) )
      out << mongCai().places().at( m.place ).key();
    return out;
  }

  QString parseError( const char *csv )
  {
    const RtResult<RtGazetteer> g = RtGazetteer::parse( QByteArray( csv ), QStringLiteral( "g.csv" ) );
    return g.ok() ? QString() : g.error();
  }

  //! Values of \a fields of every feature of \a table in the sample layers.
  QVector<QStringList> sampleRows( const char *table, const QStringList &fields )
  {
    const QString path = RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg" );
    GDALDataset *ds = GDALDataset::Open( path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY );
    REQUIRE( ds );
    OGRLayer *layer = ds->GetLayerByName( table );
    REQUIRE( layer );
    QVector<QStringList> rows;
    for ( auto &f : *layer )
    {
      QStringList row;
      for ( const QString &field : fields )
        row << QString::fromUtf8( f->GetFieldAsString( field.toUtf8().constData() ) );
      rows << row;
    }
    GDALClose( ds );
    return rows;
  }
}

TEST_CASE( "the gazetteer holds every unit, zone and site of the sample layers under the same names", "[gazetteer]" )
{
  const RtGazetteer &g = mongCai();
  for ( const QStringList &row : sampleRows( "wards_2023", { "gso_code", "name", "gso_code_2025" } ) )
  {
    INFO( row.join( QLatin1Char( ' ' ) ).toStdString() );
    const QVector<const RtPlace *> p = g.byCode( QStringLiteral( "ward" ), row.at( 0 ), sResolutionDate );
    REQUIRE( p.size() == 1 );
    CHECK( p.first()->name == row.at( 1 ) );
    CHECK( p.first()->successor == row.at( 2 ) );
  }
  for ( const QStringList &row : sampleRows( "wards_2025", { "gso_code", "name" } ) )
  {
    const QVector<const RtPlace *> p = g.byCode( QStringLiteral( "ward" ), row.at( 0 ), QDate( 2025, 7, 1 ) );
    REQUIRE( p.size() == 1 );
    CHECK( p.first()->name == row.at( 1 ) );
  }
  for ( const QStringList &row : sampleRows( "zones", { "code", "name" } ) )
    CHECK( codeOf( QStringLiteral( "zone" ), row.at( 1 ) ) == row.at( 0 ) );
  for ( const char *table : { "sites", "site_lines" } )
    for ( const QStringList &row : sampleRows( table, { "site_id", "name_vi" } ) )
    {
      INFO( row.at( 0 ).toStdString() );
      CHECK( codeOf( QStringLiteral( "site" ), row.at( 1 ) ) == row.at( 0 ) );
    }
  // ... and every place key of the curated register.
  const QByteArray json = rtReadAll( RtTestPaths::registerJson() );
  REQUIRE( !json.isEmpty() );
  int keys = 0;
  for ( const char *kind : { "ward", "zone", "site" } )
  {
    const QString prefix = QStringLiteral( "\"%1:" ).arg( QLatin1String( kind ) );
    for ( int at = json.indexOf( prefix.toUtf8() ); at >= 0; at = json.indexOf( prefix.toUtf8(), at + 1 ) )
    {
      const int end = json.indexOf( '"', at + 1 );
      const QString code = QString::fromUtf8( json.mid( at + prefix.size(), end - at - prefix.size() ) );
      INFO( code.toStdString() );
      CHECK_FALSE( g.byCode( QLatin1String( kind ), code, sResolutionDate ).isEmpty() );
      ++keys;
    }
  }
  CHECK( keys == 83 );
}

TEST_CASE( "places by name: NFC/NFD, tone placement, case, unit prefixes, spaces, diacritics only when unique", "[gazetteer]" )
{
  const QString ward = QStringLiteral( "ward" );
  CHECK( codeOf( ward, QStringLiteral( "Phường Hải Hòa" ) ) == QStringLiteral( "06742" ) );
  CHECK( codeOf( ward, QStringLiteral( "Hải Hoà" ).normalized( QString::NormalizationForm_D ) ) == QStringLiteral( "06742" ) );
  CHECK( codeOf( ward, QStringLiteral( "P.HẢI HÒA" ) ) == QStringLiteral( "06742" ) );
  CHECK( codeOf( ward, QStringLiteral( "XãBắc Sơn" ) ) == QStringLiteral( "06727" ) );
  CHECK( codeOf( ward, QStringLiteral( "BắcSơn" ) ) == QStringLiteral( "06727" ) );
  CHECK( codeOf( ward, QStringLiteral( "Bac Son" ) ) == QStringLiteral( "06727" ) );
  CHECK( codeOf( ward, QStringLiteral( "Trà Cỏ" ) ) == QStringLiteral( "06721" ) ); // the text's spelling, a variant
  CHECK( codeOf( ward, QStringLiteral( "06715" ) ) == QStringLiteral( "06715" ) );
  // Two tones apart are two places; an unknown name is none.
  CHECK( codeOf( ward, QStringLiteral( "Hải Hà" ) ).isEmpty() );
  CHECK( codeOf( ward, QStringLiteral( "Hà Nội" ) ).isEmpty() );
  // The kind counts: A3 is a zone, not a ward.
  CHECK( codeOf( QStringLiteral( "zone" ), QStringLiteral( "phân khu A4.1" ) ) == QStringLiteral( "A4.1" ) );
  CHECK( codeOf( ward, QStringLiteral( "A3" ) ).isEmpty() );
  CHECK( codeOf( QStringLiteral( "site" ), QStringLiteral( "KCN Hải Yên" ) ) == QStringLiteral( "hai-yen-ip" ) );
}

TEST_CASE( "a reused code means the unit in force on the date, and successors are the units of 2025", "[gazetteer]" )
{
  const RtGazetteer &g = mongCai();
  const QString ward = QStringLiteral( "ward" );
  // 06712: Trần Phú until 30/6/2025, Móng Cái 1 from 1/7/2025.
  REQUIRE( g.resolve( ward, QStringLiteral( "06712" ), sResolutionDate ) );
  CHECK( g.resolve( ward, QStringLiteral( "06712" ), sResolutionDate )->name == QStringLiteral( "Phường Trần Phú" ) );
  CHECK( g.resolve( ward, QStringLiteral( "06712" ), QDate( 2025, 7, 1 ) )->name == QStringLiteral( "Phường Móng Cái 1" ) );
  CHECK( g.resolve( ward, QStringLiteral( "06712" ) )->name == QStringLiteral( "Phường Móng Cái 1" ) ); // no date: in force now
  // A unit gone by then is still the unit its code names.
  CHECK( g.resolve( ward, QStringLiteral( "Ninh Dương" ), QDate( 2026, 1, 1 ) )->code == QStringLiteral( "06715" ) );
  // Hải Sơn is a commune before and after 2025, under one code: not ambiguous.
  CHECK( codeOf( ward, QStringLiteral( "Hải Sơn" ), QDate() ) == QStringLiteral( "06724" ) );

  const RtPlace *ninhDuong = g.resolve( ward, QStringLiteral( "06715" ), sResolutionDate );
  REQUIRE( ninhDuong );
  const RtPlace *next = g.successorOf( *ninhDuong );
  REQUIRE( next );
  CHECK( next->name == QStringLiteral( "Phường Móng Cái 2" ) );
  CHECK( next->validFrom == QDate( 2025, 7, 1 ) );

  const QHash<QString, QString> map = g.successorMap( ward, sResolutionDate );
  CHECK( map.size() == 17 );
  CHECK( map.value( QStringLiteral( "06742" ) ) == QStringLiteral( "06712" ) );
  CHECK( map.value( QStringLiteral( "06730" ) ) == QStringLiteral( "06736" ) );
  CHECK( g.successorMap( ward, QDate( 2025, 7, 1 ) ).isEmpty() );
}

TEST_CASE( "the places a text names, found through the gazetteer", "[gazetteer]" )
{
  // Clause (5)(i1) of 172: zones by their codes, communes after one "xã".
  CHECK( keysIn( QStringLiteral( "đẩy nhanh tiến độ lập, trình duyệt các quy hoạch phân khu còn lại (A3 A4.1, A5, A6, D1), quy hoạch "
                                 "chung xây dựng các xã Hải Đông, Hải Tiến, Quảng Nghĩa, Bắc Sơn, Hải Sơn" ) )
         == QStringList( { "zone:A3", "zone:A4.1", "zone:A5", "zone:A6", "zone:D1", "ward:06730", "ward:06733", "ward:06739",
                           "ward:06727", "ward:06724" } ) );
  // The longest name wins; a ward inside the name of a site that lies in it is kept.
  CHECK( keysIn( QStringLiteral( "Mở rộng thu hút đầu tư vào Khu công nghiệp Hải Yên giai đoạn 6; thành lập Cụm Công nghiệp Nam sông Lục Lâm" ) )
         == QStringList( { "site:hai-yen-ip", "ward:06736", "site:nam-luc-lam-cluster" } ) );
  // ... but not a name that is part of another's: the forest of the Trần Phú school lies in Hải Yên.
  CHECK( keysIn( QStringLiteral( "cấp đất rừng khu vực rừng thực nghiệm trường Trần Phú" ) )
         == QStringList( { "site:land-tran-phu-school-forest" } ) );
  // A bridge named after a ward is not the ward; the river's lighting is a site.
  CHECK( keysIn( QStringLiteral( "sông Ka Long từ cầu Ka Long đến cầu Hòa Bình" ) ) == QStringList( { "site:ka-long-river-lighting" } ) );
  // Lower case is not a name; the text's typo "Trà cổ" after a capital still is.
  CHECK( keysIn( QStringLiteral( "xử lý rác trên khu vực biển Trà cổ - Bình Ngọc, hải đảo" ) ) == QStringList( { "ward:06721", "ward:06751" } ) );
  CHECK( keysIn( QStringLiteral( "phát triển kinh tế hải đảo, bình ngọc" ) ).isEmpty() );
  // NFD and a copy without diacritics.
  CHECK( keysIn( QStringLiteral( "tại phường Hải Hòa" ).normalized( QString::NormalizationForm_D ) ) == QStringList( { "ward:06742" } ) );
  CHECK( keysIn( QStringLiteral( "tai phuong Hai Hoa va xa Van Ninh" ) ) == QStringList( { "ward:06742", "ward:06748" } ) );
  // Names of 2025 on a date of 2025.
  CHECK( keysIn( QStringLiteral( "Phường Móng Cái 1 và xã Hải Ninh" ), QDate( 2025, 9, 1 ) ) == QStringList( { "ward:06712", "ward:06733" } ) );

  const QVector<RtPlaceMention> m = mongCai().findIn( QStringLiteral( "1022 hồ sơ tại Ninh Dương" ) );
  REQUIRE( m.size() == 1 );
  CHECK( m.first().text == QStringLiteral( "Ninh Dương" ) );
  CHECK( m.first().offset == 15 );
}

TEST_CASE( "a broken gazetteer is refused with its line and column", "[gazetteer][bad-input]" )
{
  CHECK( parseError( "" ).contains( QStringLiteral( "g.csv: empty" ) ) );
  CHECK( parseError( "kind,name\nward,Hải Hòa\n" ).contains( QStringLiteral( "g.csv, line 1: no column \"code\"" ) ) );
  CHECK( parseError( "kind,code,name\nward,06742,Hải Hòa\ncity,1,Móng Cái\n" )
         .contains( QStringLiteral( "g.csv, line 3, column kind: 'city' is not one of ward, zone, site" ) ) );
  CHECK( parseError( "kind,code,name,valid_to\nward,06742,Hải Hòa,30/6/2025\n" )
         .contains( QStringLiteral( "g.csv, line 2, column valid_to: '30/6/2025' is not a date" ) ) );
  CHECK( parseError( "kind,code,name\nward,06742,Hải Hòa\nward,06742,Hải Hoà\n" )
         .contains( QStringLiteral( "g.csv, line 3: ward:06742 is already line 2 for the same dates" ) ) );
  CHECK( parseError( "kind,code,name,successor\nward,06742,Hải Hòa,06712\n" )
         .contains( QStringLiteral( "g.csv, line 2, column successor: ward:06712 is not in the gazetteer" ) ) );
  CHECK( parseError( "kind,code,name\nsite,x,Cụm công nghiệp (cụm số 1, số 2)\n" ).contains( QStringLiteral( "a comma in a name needs quotes" ) ) );
  CHECK( parseError( "kind,code,name\nsite,x,\"Cụm công nghiệp (cụm số 1, số 2)\n" ).contains( QStringLiteral( "line 2: a quoted field is not closed" ) ) );
  CHECK( parseError( "kind,code,name\nward,,Hải Hòa\n" ).contains( QStringLiteral( "column code" ) ) );
  // Quotes, a BOM and Windows line ends are fine.
  const RtResult<RtGazetteer> ok = RtGazetteer::parse( QByteArray( "\xEF\xBB\xBFkind,code,name,variants\r\nsite,x,\"Cụm công nghiệp (cụm số 1, số 2)\",\"CCN \"\"Số 1\"\"|Cụm 1\"\r\n" ),
                                   QStringLiteral( "g.csv" ) );
  REQUIRE( ok.ok() );
  REQUIRE( ok.value().places().size() == 1 );
  CHECK( ok.value().places().first().name == QStringLiteral( "Cụm công nghiệp (cụm số 1, số 2)" ) );
  CHECK( ok.value().places().first().variants == QStringList( { "CCN \"Số 1\"", "Cụm 1" } ) );
}
