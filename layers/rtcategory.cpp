#include "rtcategory.h"

namespace
{
  struct CategoryInfo
  {
    const char *code;
    const char *vi;
    const char *en;
  };

  const CategoryInfo sCategories[] =
  {
    { "quy_hoach", "Quy hoạch", "Planning" },
    { "dat_dai", "Đất đai", "Land" },
    { "ha_tang", "Hạ tầng", "Infrastructure" },
    { "cong_nghiep", "Công nghiệp", "Industry" },
    { "du_lich", "Du lịch", "Tourism" },
    { "moi_truong", "Môi trường", "Environment" },
    { "van_hoa_xa_hoi", "Văn hóa – xã hội", "Culture and society" },
    { "quoc_phong_an_ninh", "Quốc phòng – an ninh", "Defence and security" },
    { "hanh_chinh", "Hành chính", "Administration" },
    { "kinh_te", "Kinh tế – ngân sách", "Economy and budget" },
    { "giam_sat", "Giám sát", "Oversight" },
  };
}

QStringList RtCategories::codes()
{
  QStringList out;
  for ( const CategoryInfo &c : sCategories )
    out << QString::fromLatin1( c.code );
  return out;
}

bool RtCategories::isKnown( const QString &code )
{
  return codes().contains( code );
}

QString RtCategories::label( const QString &code, RtLang lang )
{
  for ( const CategoryInfo &c : sCategories )
    if ( code == QLatin1String( c.code ) )
      return QString::fromUtf8( lang == RtLang::Vi ? c.vi : c.en );
  return code;
}
