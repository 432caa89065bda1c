#include "rtcity.h"
#include "rttr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

#include <cmath>
#include <limits>

// The bundled city's files are compiled into rtcore (a static library): its resources
// must be registered by name, outside any namespace.
static void initBundledCityResource()
{
  Q_INIT_RESOURCE( rtbundledcity );
}

namespace
{
  QString lineColumn( const QByteArray &json, int offset )
  {
    const int line = json.left( offset ).count( '\n' ) + 1;
    const int column = offset - json.lastIndexOf( '\n', offset - 1 );
    return rtMsg( "RtCity", "line %1, column %2" ).arg( line ).arg( column );
  }

  QString text( const QJsonObject &o, const char *key )
  {
    return o.value( QLatin1String( key ) ).toString().normalized( QString::NormalizationForm_C ).trimmed();
  }
}

RtArea RtCity::area() const
{
  RtArea a;
  a.name = name;
  a.west = west;
  a.south = south;
  a.east = east;
  a.north = north;
  a.crsEpsg = crsEpsg;
  a.crsUsedBy = crsUsedBy.isEmpty() ? name : crsUsedBy;
  return a;
}

std::optional<RtKeyBinding> RtCity::bindingForTable( const QString &table ) const
{
  for ( const RtCityLayer &l : layers )
    if ( l.table == table )
      return l.binding;
  return std::nullopt;
}

RtResult<RtCity> RtCity::load( const QString &path )
{
  using Result = RtResult<RtCity>;
  QFile f( path );
  if ( !f.exists() )
    return Result::failure( RtErrorKind::NotFound, rtMsg( "RtCity", "%1: no such city file" ).arg( path ) );
  if ( !f.open( QIODevice::ReadOnly ) )
    return Result::failure( RtErrorKind::Unavailable, rtMsg( "RtCity", "%1: cannot read it (%2)" ).arg( path, f.errorString() ) );
  const QByteArray json = f.readAll();
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson( json, &error );
  if ( error.error != QJsonParseError::NoError )
    return Result::failure( QStringLiteral( "%1, %2: %3" ).arg( path, lineColumn( json, error.offset ), error.errorString() ) );
  if ( !doc.isObject() )
    return Result::failure( rtMsg( "RtCity", "%1: expected an object with \"name\", \"area\", \"crs\" …" ).arg( path ) );
  const QJsonObject o = doc.object();

  RtCity city;
  city.sourcePath = path;
  city.id = text( o, "id" );
  city.name = text( o, "name" );
  city.nameEn = text( o, "name_en" );
  city.unitType = text( o, "unit_type" );
  city.province = text( o, "province" );
  city.fallbackPlace = text( o, "fallback_place" );
  if ( city.name.isEmpty() )
    return Result::failure( rtMsg( "RtCity", "%1: \"name\" is missing" ).arg( path ) );
  if ( city.fallbackPlace.isEmpty() )
    city.fallbackPlace = city.name;

  const QJsonObject crs = o.value( QStringLiteral( "crs" ) ).toObject();
  city.crsEpsg = crs.value( QStringLiteral( "epsg" ) ).toInt();
  city.crsName = text( crs, "name" );
  city.crsLabelVi = text( crs, "label_vi" );
  city.crsLabelEn = text( crs, "label_en" );
  city.crsUsedBy = text( crs, "used_by" );
  if ( city.crsEpsg <= 0 )
    return Result::failure( rtMsg( "RtCity", "%1: \"crs\".\"epsg\" is missing: the EPSG code of the CRS the city's offices use" ).arg( path ) );

  const QJsonObject area = o.value( QStringLiteral( "area" ) ).toObject();
  for ( const char *side : { "west", "south", "east", "north" } )
    if ( !area.value( QLatin1String( side ) ).isDouble() )
      return Result::failure( rtMsg( "RtCity", "%1: \"area\".\"%2\" is missing: the city's box in degrees (WGS 84)" ).arg( path, QLatin1String( side ) ) );
  city.west = area.value( QStringLiteral( "west" ) ).toDouble();
  city.south = area.value( QStringLiteral( "south" ) ).toDouble();
  city.east = area.value( QStringLiteral( "east" ) ).toDouble();
  city.north = area.value( QStringLiteral( "north" ) ).toDouble();
  if ( !( city.west < city.east && city.south < city.north && city.west >= -180 && city.east <= 180 && city.south >= -90 && city.north <= 90 ) )
    return Result::failure( rtMsg( "RtCity", "%1: \"area\" is not a box in degrees (west < east, south < north)" ).arg( path ) );

  int index = 0;
  for ( const QJsonValue &v : o.value( QStringLiteral( "map_labels" ) ).toArray() )
  {
    ++index;
    const QJsonObject l = v.toObject();
    RtMapLabel label;
    label.text = text( l, "text" );
    label.lon = l.value( QStringLiteral( "lon" ) ).toDouble( std::numeric_limits<double>::quiet_NaN() );
    label.lat = l.value( QStringLiteral( "lat" ) ).toDouble( std::numeric_limits<double>::quiet_NaN() );
    label.size = l.value( QStringLiteral( "size" ) ).toDouble( 10 );
    if ( label.text.isEmpty() || !std::isfinite( label.lon ) || !std::isfinite( label.lat ) )
      return Result::failure( rtMsg( "RtCity", "%1: map label #%2 needs \"text\", \"lon\" and \"lat\"" ).arg( path ).arg( index ) );
    city.mapLabels << label;
  }

  index = 0;
  for ( const QJsonValue &v : o.value( QStringLiteral( "layers" ) ).toArray() )
  {
    ++index;
    const QJsonObject l = v.toObject();
    RtCityLayer layer;
    layer.table = text( l, "table" );
    layer.binding.kind = text( l, "kind" );
    for ( const QJsonValue &field : l.value( QStringLiteral( "fields" ) ).toArray() )
      layer.binding.fields << field.toString();
    const QString match = text( l, "match" );
    if ( layer.table.isEmpty() || layer.binding.kind.isEmpty() || layer.binding.fields.isEmpty() )
      return Result::failure( rtMsg( "RtCity", "%1: layer #%2 needs \"table\", \"kind\" and \"fields\"" ).arg( path ).arg( index ) );
    if ( !match.isEmpty() && match != QLatin1String( "code" ) && match != QLatin1String( "name" ) )
      return Result::failure( rtMsg( "RtCity", "%1: layer %2: \"match\" is \"code\" or \"name\", not \"%3\"" ).arg( path, layer.table, match ) );
    layer.binding.match = match == QLatin1String( "name" ) ? RtKeyBinding::Match::Name : RtKeyBinding::Match::Code;
    const QJsonObject keyMap = l.value( QStringLiteral( "key_map" ) ).toObject();
    if ( !keyMap.isEmpty() )
    {
      layer.binding.keyMapSource = RtKeyMapSource { QStringLiteral( "|layername=" ) + text( keyMap, "table" ), text( keyMap, "from" ), text( keyMap, "to" ) };
      if ( text( keyMap, "table" ).isEmpty() || layer.binding.keyMapSource.fromField.isEmpty() || layer.binding.keyMapSource.toField.isEmpty() )
        return Result::failure( rtMsg( "RtCity", "%1: layer %2: \"key_map\" needs \"table\", \"from\" and \"to\"" ).arg( path, layer.table ) );
    }
    city.layers << layer;
  }

  const QString gazetteer = text( o, "gazetteer" );
  if ( gazetteer.isEmpty() )
    city.gazetteer = std::make_shared<const RtGazetteer>();
  else
  {
    city.gazetteerPath = QFileInfo( path ).dir().filePath( gazetteer );
    RtResult<RtGazetteer> g = RtGazetteer::load( city.gazetteerPath );
    if ( !g.ok() )
      return Result::failure( g.errorKind(), rtMsg( "RtCity", "%1: its gazetteer: %2" ).arg( path, g.error() ) );
    city.gazetteer = std::make_shared<const RtGazetteer>( g.takeValue() );
  }
  return Result::success( city );
}

const RtCity &RtCity::bundled()
{
  static const RtCity sCity = []
  {
    initBundledCityResource();
    RtResult<RtCity> city = RtCity::load( QStringLiteral( ":/restrack/city/city.json" ) );
    if ( !city.ok() )
    {
      // Built from the project's own files, so this is a broken build: say so loudly.
      qCritical( "restrack: the bundled city cannot be read: %s", qPrintable( city.error() ) );
      RtCity empty;
      empty.gazetteer = std::make_shared<const RtGazetteer>();
      return empty;
    }
    return city.takeValue();
  }();
  return sCity;
}
