// Place keys: the real variations of Vietnamese spelling match, distinct places stay distinct.
#include "catch_compat.h"
#include "testutil.h"

#include "rtjoin.h"
#include "rtlayerkeys.h"
#include "rtplacekey.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QSet>
#include <QTemporaryDir>
#include <QVariant>

#include <utility>
#include <vector>

namespace
{
  QString nfd( const QString &s ) { return s.normalized( QString::NormalizationForm_D ); }
  QString nfc( const QString &s ) { return s.normalized( QString::NormalizationForm_C ); }

  //! A ward index over \a names (feature i has name i).
  struct NameLayer
  {
    QVector<QStringList> values;
    RtPlaceKeyIndex index { RtPlaceKey::Match::Name };
    explicit NameLayer( const QStringList &names )
    {
      for ( const QString &n : names )
        values << QStringList { n };
      index.build( static_cast<int>( values.size() ), [this]( int i ) -> const QStringList & { return values.at( i ); } );
    }
    QVector<int> find( const QString &key, RtPlaceKeyIndex::Tier *tier = nullptr ) const { return index.find( key, tier ); }
  };

  //! A new GeoPackage at \a path with one attribute table (no geometry): \a fields, then
  //! \a rows of values in field order (integers or text).
  void writeTable( const QString &path, const char *table, const std::vector<std::pair<const char *, OGRFieldType>> &fields,
                   const std::vector<QVariantList> &rows )
  {
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName( "GPKG" );
    REQUIRE( driver );
    GDALDataset *ds = driver->Create( path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr );
    REQUIRE( ds );
    OGRLayer *layer = ds->CreateLayer( table, nullptr, wkbNone, nullptr );
    REQUIRE( layer );
    for ( const auto &field : fields )
    {
      OGRFieldDefn definition( field.first, field.second );
      REQUIRE( layer->CreateField( &definition ) == OGRERR_NONE );
    }
    for ( const QVariantList &row : rows )
    {
      OGRFeature *f = OGRFeature::CreateFeature( layer->GetLayerDefn() );
      for ( int i = 0; i < row.size(); ++i )
      {
        if ( fields.at( static_cast<size_t>( i ) ).second == OFTInteger )
          f->SetField( i, row.at( i ).toInt() );
        else
          f->SetField( i, row.at( i ).toString().toUtf8().constData() );
      }
      REQUIRE( layer->CreateFeature( f ) == OGRERR_NONE );
      OGRFeature::DestroyFeature( f );
    }
    GDALClose( ds );
  }
}

TEST_CASE( "name keys ignore NFC/NFD, tone-mark placement, case, unit prefixes and spaces", "[placekey]" )
{
  const QString reference = RtPlaceKey::nameKey( QStringLiteral( "Hải Hòa" ) );
  REQUIRE( !reference.isEmpty() );

  // The same string in both normal forms (the literal is NFC; NFD splits every mark off).
  CHECK( nfd( QStringLiteral( "Hải Hòa" ) ) != nfc( QStringLiteral( "Hải Hòa" ) ) );
  CHECK( RtPlaceKey::nameKey( nfd( QStringLiteral( "Hải Hòa" ) ) ) == reference );

  // Old and new tone placement: ò on the o, or à on the a.
  const QStringList sameWard =
  {
    QStringLiteral( "Hải Hoà" ), nfd( QStringLiteral( "Hải Hoà" ) ), QStringLiteral( "HẢI HÒA" ), QStringLiteral( "hải hoà" ),
    QStringLiteral( "Phường Hải Hòa" ), QStringLiteral( "phường hải hoà" ), QStringLiteral( "P.Hải Hòa" ), QStringLiteral( "P. Hải Hoà" ),
    QStringLiteral( "P Hải Hòa" ), QStringLiteral( "PhườngHải Hòa" ), QStringLiteral( "HảiHòa" ), QStringLiteral( "  Hải   Hòa " ),
    QStringLiteral( "Hải-Hòa" ),
  };
  for ( const QString &variant : sameWard )
  {
    INFO( variant.toStdString() );
    CHECK( RtPlaceKey::nameKey( variant ) == reference );
  }

  CHECK( RtPlaceKey::nameKey( QStringLiteral( "Thủy" ) ) == RtPlaceKey::nameKey( QStringLiteral( "Thuỷ" ) ) );
  CHECK( RtPlaceKey::nameKey( QStringLiteral( "Khóa" ) ) == RtPlaceKey::nameKey( QStringLiteral( "Khoá" ) ) );
  CHECK( RtPlaceKey::nameKey( QStringLiteral( "Hóa" ) ) == RtPlaceKey::nameKey( nfd( QStringLiteral( "Hoá" ) ) ) );
  CHECK( RtPlaceKey::nameKey( QStringLiteral( "Thụy" ) ) == RtPlaceKey::nameKey( QStringLiteral( "Thuỵ" ) ) );

  const QString bacSon = RtPlaceKey::nameKey( QStringLiteral( "Bắc Sơn" ) );
  for ( const QString &variant : { QStringLiteral( "Xã Bắc Sơn" ), QStringLiteral( "X.Bắc Sơn" ), QStringLiteral( "x. bắc sơn" ),
                                   QStringLiteral( "XãBắc Sơn" ), QStringLiteral( "BắcSơn" ), QStringLiteral( "BẮC SƠN" ) } )
  {
    INFO( variant.toStdString() );
    CHECK( RtPlaceKey::nameKey( variant ) == bacSon );
  }
  const QString quangHa = RtPlaceKey::nameKey( QStringLiteral( "Quảng Hà" ) );
  for ( const QString &variant : { QStringLiteral( "Thị trấn Quảng Hà" ), QStringLiteral( "Thị Trấn Quảng Hà" ), QStringLiteral( "TT.Quảng Hà" ),
                                   QStringLiteral( "TT. Quảng Hà" ), QStringLiteral( "TT Quảng Hà" ), QStringLiteral( "tt.quảng hà" ) } )
  {
    INFO( variant.toStdString() );
    CHECK( RtPlaceKey::nameKey( variant ) == quangHa );
  }
}

TEST_CASE( "name keys keep the marks that make different letters, and a prefix needs its separator", "[placekey]" )
{
  // "Hải Hà" and "Hải Hòa" are two places: different on both tiers.
  CHECK( RtPlaceKey::nameKey( QStringLiteral( "Hải Hà" ) ) != RtPlaceKey::nameKey( QStringLiteral( "Hải Hòa" ) ) );
  CHECK( RtPlaceKey::looseNameKey( QStringLiteral( "Hải Hà" ) ) != RtPlaceKey::looseNameKey( QStringLiteral( "Hải Hòa" ) ) );
  // A tone alone makes a different strict key; without diacritics they look alike.
  CHECK( RtPlaceKey::nameKey( QStringLiteral( "Vĩnh Thực" ) ) != RtPlaceKey::nameKey( QStringLiteral( "Vĩnh Thức" ) ) );
  CHECK( RtPlaceKey::looseNameKey( QStringLiteral( "Vĩnh Thực" ) ) == RtPlaceKey::looseNameKey( QStringLiteral( "Vĩnh Thức" ) ) );
  // Circumflex, breve, horn and đ are letters of their own.
  CHECK( RtPlaceKey::nameKey( QStringLiteral( "Sơn" ) ) != RtPlaceKey::nameKey( QStringLiteral( "Son" ) ) );
  CHECK( RtPlaceKey::nameKey( QStringLiteral( "Đông" ) ) != RtPlaceKey::nameKey( QStringLiteral( "Dông" ) ) );
  CHECK( RtPlaceKey::nameKey( QStringLiteral( "Bắc" ) ) != RtPlaceKey::nameKey( QStringLiteral( "Bấc" ) ) );
  CHECK( RtPlaceKey::looseNameKey( QStringLiteral( "Hải Đông" ) ) == QStringLiteral( "haidong" ) );
  CHECK( RtPlaceKey::looseNameKey( QStringLiteral( "Bac Son" ) ) == RtPlaceKey::looseNameKey( QStringLiteral( "Bắc Sơn" ) ) );
  // "P" or "X" opening a name is no prefix without its dot or space ("Pò Hèn", a market).
  CHECK( RtPlaceKey::stripUnitPrefix( QStringLiteral( "Pò Hèn" ) ) == QStringLiteral( "Pò Hèn" ) );
  CHECK( RtPlaceKey::stripUnitPrefix( QStringLiteral( "Xuân Hòa" ) ) == QStringLiteral( "Xuân Hòa" ) );
  // A diacritic-less prefix only in a diacritic-less name.
  CHECK( RtPlaceKey::stripUnitPrefix( QStringLiteral( "Xa Hai Tien" ) ) == QStringLiteral( "Hai Tien" ) );
  CHECK( RtPlaceKey::stripUnitPrefix( QStringLiteral( "Xa Lộ" ) ) == QStringLiteral( "Xa Lộ" ) );
  // Nothing left after the prefix: keep the name.
  CHECK( RtPlaceKey::stripUnitPrefix( QStringLiteral( "Phường" ) ) == QStringLiteral( "Phường" ) );
  CHECK( RtPlaceKey::nameKey( QStringLiteral( "   " ) ).isEmpty() );
}

TEST_CASE( "code keys: trimmed, case-insensitive, leading zeros count: composite keys drop them after the commune", "[placekey]" )
{
  CHECK( RtPlaceKey::codeKey( QStringLiteral( " a4.1 " ) ) == RtPlaceKey::codeKey( QStringLiteral( "A4.1" ) ) );
  CHECK( RtPlaceKey::codeKey( QStringLiteral( "06715" ) ) != RtPlaceKey::codeKey( QStringLiteral( "6715" ) ) );
  CHECK( RtPlaceKey::compositeKey( { QStringLiteral( "06715" ), QStringLiteral( "012" ), QStringLiteral( " 0345 " ) } )
         == RtPlaceKey::compositeKey( { QStringLiteral( "06715" ), QStringLiteral( "12" ), QStringLiteral( "345" ) } ) );
  CHECK( RtPlaceKey::compositeKey( { QStringLiteral( "06715" ), QStringLiteral( "12" ), QStringLiteral( "345" ) } ) == QStringLiteral( "06715/12/345" ) );
  CHECK( RtPlaceKey::compositeKey( { QStringLiteral( "6715" ), QStringLiteral( "12" ), QStringLiteral( "345" ) } )
         != RtPlaceKey::compositeKey( { QStringLiteral( "06715" ), QStringLiteral( "12" ), QStringLiteral( "345" ) } ) );
  // "0" stays a number, and parcel "12a" is not numeric: its zeros are kept.
  CHECK( RtPlaceKey::compositeKey( { QStringLiteral( "06715" ), QStringLiteral( "000" ), QStringLiteral( "012A" ) } ) == QStringLiteral( "06715/0/012a" ) );
  CHECK( RtPlaceKey::linkKeys( QStringLiteral( "06715/012/345" ), 3, RtPlaceKey::Match::Code ).strict == QStringLiteral( "06715/12/345" ) );
  // A link with the wrong number of parts matches nothing.
  CHECK( RtPlaceKey::linkKeys( QStringLiteral( "06715/12" ), 3, RtPlaceKey::Match::Code ).strict.isEmpty() );
}

TEST_CASE( "the index matches every spelling, falls back to loose keys only when unique", "[placekey]" )
{
  const NameLayer layer( { QStringLiteral( "Phường Hải Hoà" ), QStringLiteral( "Hải Hà" ), QStringLiteral( "BắcSơn" ),
                           QStringLiteral( "Vĩnh Thực" ), QStringLiteral( "Vĩnh Thức" ), QStringLiteral( "Xa Hai Tien" ),
                           QStringLiteral( "TT.Quảng Hà" ) } );
  RtPlaceKeyIndex::Tier tier;
  CHECK( layer.find( QStringLiteral( "Hải Hòa" ), &tier ) == QVector<int> { 0 } );
  CHECK( tier == RtPlaceKeyIndex::Tier::Strict );
  CHECK( layer.find( nfd( QStringLiteral( "P. Hải Hòa" ) ) ) == QVector<int> { 0 } );
  CHECK( layer.find( QStringLiteral( "Hải Hà" ) ) == QVector<int> { 1 } );
  CHECK( layer.find( QStringLiteral( "Xã Bắc Sơn" ) ) == QVector<int> { 2 } );
  CHECK( layer.find( QStringLiteral( "Quảng Hà" ) ) == QVector<int> { 6 } );
  // Missing diacritics, on either side: the loose key, unique in the layer.
  CHECK( layer.find( QStringLiteral( "Bac Son" ), &tier ) == QVector<int> { 2 } );
  CHECK( tier == RtPlaceKeyIndex::Tier::Loose );
  CHECK( layer.find( QStringLiteral( "Hai Hoa" ) ) == QVector<int> { 0 } );
  CHECK( layer.find( QStringLiteral( "Xã Hải Tiến" ) ) == QVector<int> { 5 } );
  // Both exist: each spelled out finds its own, strict; stripped of its tone it is ambiguous.
  CHECK( layer.find( QStringLiteral( "Vĩnh Thực" ) ) == QVector<int> { 3 } );
  CHECK( layer.find( QStringLiteral( "Vĩnh Thức" ) ) == QVector<int> { 4 } );
  CHECK( layer.find( QStringLiteral( "Vinh Thuc" ), &tier ) == QVector<int> { 3, 4 } );
  CHECK( tier == RtPlaceKeyIndex::Tier::Loose );
  // Distinct names never meet.
  CHECK( layer.find( QStringLiteral( "Hải Xuân" ) ).isEmpty() );
  CHECK( layer.find( QStringLiteral( "Hai Ha" ) ) == QVector<int> { 1 } );
}

TEST_CASE( "a layer whose name field is called otherwise joins by name through RtLayerKeys", "[placekey][layer]" )
{
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = dir.filePath( QStringLiteral( "xa.gpkg" ) );
  // An attribute table: a list of communes with the field names of a provincial dataset.
  writeTable( path, "dm_xa", { { "TEN_DVHC", OFTString }, { "MA_XA", OFTInteger } },
              { { nfd( QStringLiteral( "Phường Hải Hoà" ) ), 6742 }, { nfd( QStringLiteral( "Xã Vĩnh Thực" ) ), 6757 },
                { nfd( QStringLiteral( "Hai Xuan" ) ), 6745 } } );

  RtKeyBinding binding;
  binding.kind = QStringLiteral( "ward" );
  binding.fields = QStringList { QStringLiteral( "ten" ) };
  binding.match = RtKeyBinding::Match::Name;
  const RtResult<RtLayerKeys> wrong = RtLayerKeys::read( path, binding );
  REQUIRE( !wrong.ok() );
  CHECK( wrong.error().contains( QStringLiteral( "no field 'ten'" ) ) );
  CHECK( wrong.error().contains( QStringLiteral( "TEN_DVHC, MA_XA" ) ) );

  binding.fields = QStringList { QStringLiteral( "TEN_DVHC" ) };
  const RtResult<RtLayerKeys> keys = RtLayerKeys::read( path, binding );
  REQUIRE( keys.ok() );
  REQUIRE( keys.value().features.size() == 3 );

  QVector<RtTask> tasks( 2 );
  tasks[0].id = QStringLiteral( "T-1" );
  tasks[0].status = RtStatus::InProgress;
  tasks[0].places = QStringList { QStringLiteral( "ward:Hải Hòa" ), QStringLiteral( "ward:Vĩnh Thực" ), QStringLiteral( "ward:Hải Xuân" ) };
  tasks[1].id = QStringLiteral( "T-2" );
  tasks[1].status = RtStatus::Done;
  tasks[1].places = QStringList { QStringLiteral( "ward:P. Hải Hoà" ), QStringLiteral( "ward:Hải Hà" ) };
  const RtJoinResult result = RtJoin::join( keys.value().features, binding, tasks, QDate( 2025, 1, 1 ) );
  REQUIRE( result.features.size() == 3 );
  CHECK( result.features[0].taskIds == QStringList { QStringLiteral( "T-1" ), QStringLiteral( "T-2" ) } );
  CHECK( result.features[0].status == RtFeatureStatus::InProgress );
  CHECK( result.features[1].taskIds == QStringList { QStringLiteral( "T-1" ) } );
  CHECK( result.features[2].taskIds == QStringList { QStringLiteral( "T-1" ) } );
  REQUIRE( result.unmatched.size() == 1 );
  CHECK( result.unmatched[0].key == QStringLiteral( "Hải Hà" ) );

  // The same table keyed by its integer code: GSO codes get their leading zero back.
  binding.fields = QStringList { QStringLiteral( "MA_XA" ) };
  binding.match = RtKeyBinding::Match::Code;
  const RtResult<RtLayerKeys> byCode = RtLayerKeys::read( path, binding );
  REQUIRE( byCode.ok() );
  CHECK( byCode.value().features[0].values == QStringList { QStringLiteral( "06742" ) } );
  CHECK( byCode.value().warnings.join( QLatin1Char( ' ' ) ).contains( QStringLiteral( "leading zeros" ) ) );
}

TEST_CASE( "a key map read from two fields: the sample's 2023 → 2025 units, and an old key given two new ones", "[placekey][layer]" )
{
  QStringList warnings;
  const RtResult<QHash<QString, QString>> sample = RtLayerKeys::readKeyMap(
        RtTestPaths::sourceDir() + QStringLiteral( "/data/mongcai-layers.gpkg|layername=wards_2023" ), QStringLiteral( "ward" ),
        QStringLiteral( "gso_code" ), QStringLiteral( "gso_code_2025" ), &warnings );
  REQUIRE( sample.ok() );
  CHECK( warnings.isEmpty() );
  CHECK( sample.value().size() == 17 );  // every commune of 2023
  const QList<QString> targets = sample.value().values();
  CHECK( QSet<QString>( targets.cbegin(), targets.cend() ).size() == 6 );  // into the six units of 2025

  // A hand-made table: integer codes (leading zeros lost), one old code given two new ones, one empty.
  QTemporaryDir dir;
  REQUIRE( dir.isValid() );
  const QString path = dir.filePath( QStringLiteral( "sapnhap.gpkg" ) );
  writeTable( path, "sap_nhap", { { "ma_cu", OFTInteger }, { "ma_moi", OFTString } },
              { { 6709, "06709" }, { 6712, "06709" }, { 6715, "06742" }, { 6715, "06709" }, { 6730, "" } } );
  warnings.clear();
  const RtResult<QHash<QString, QString>> map = RtLayerKeys::readKeyMap( path, QStringLiteral( "ward" ), QStringLiteral( "ma_cu" ),
      QStringLiteral( "ma_moi" ), &warnings );
  REQUIRE( map.ok() );
  CHECK( map.value() == QHash<QString, QString> { { "06709", "06709" }, { "06712", "06709" } } );
  REQUIRE( warnings.size() == 1 );
  CHECK( warnings.first().contains( QStringLiteral( "'06715'" ) ) );
  CHECK( warnings.first().contains( QStringLiteral( "06709, 06742" ) ) );

  const RtResult<QHash<QString, QString>> missing = RtLayerKeys::readKeyMap( path, QStringLiteral( "ward" ), QStringLiteral( "ma_cu" ),
      QStringLiteral( "gso_code_2025" ) );
  REQUIRE_FALSE( missing.ok() );
  CHECK( missing.error().contains( QStringLiteral( "gso_code_2025" ) ) );
}
