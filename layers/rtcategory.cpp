#include "rtcategory.h"
#include "rttr.h"

#include <QRegularExpression>

namespace
{
  struct CategoryInfo
  {
    const char *code;
    const char *label; //!< English; the Vietnamese one is in the core catalogue (layers/i18n/)
  };

  const CategoryInfo sCategories[] =
  {
    { "quy_hoach", QT_TRANSLATE_NOOP( "RtCategories", "Planning" ) },
    { "dat_dai", QT_TRANSLATE_NOOP( "RtCategories", "Land" ) },
    { "ha_tang", QT_TRANSLATE_NOOP( "RtCategories", "Infrastructure" ) },
    { "cong_nghiep", QT_TRANSLATE_NOOP( "RtCategories", "Industry" ) },
    { "du_lich", QT_TRANSLATE_NOOP( "RtCategories", "Tourism" ) },
    { "moi_truong", QT_TRANSLATE_NOOP( "RtCategories", "Environment" ) },
    { "van_hoa_xa_hoi", QT_TRANSLATE_NOOP( "RtCategories", "Culture and society" ) },
    { "quoc_phong_an_ninh", QT_TRANSLATE_NOOP( "RtCategories", "Defence and security" ) },
    { "hanh_chinh", QT_TRANSLATE_NOOP( "RtCategories", "Administration" ) },
    { "kinh_te", QT_TRANSLATE_NOOP( "RtCategories", "Economy and budget" ) },
    { "giam_sat", QT_TRANSLATE_NOOP( "RtCategories", "Oversight" ) },
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
      return rtTr( lang, "RtCategories", c.label );
  return code;
}

namespace
{
  struct CategoryWords
  {
    const char *code;
    const char *words; //!< "|"-separated, lower case, matched as whole words
  };

  // Order breaks ties: the more specific categories first.
  const CategoryWords sWords[] =
  {
    { "giam_sat", "giám sát|kiểm tra, giám sát|đoàn giám sát" },
    { "quy_hoach", "quy hoạch|phân khu|quy hoạch chi tiết|quy hoạch chung|chỉnh trang|kiến trúc|đô thị loại|phát triển đô thị" },
    { "dat_dai", "đất|đất đai|giải phóng mặt bằng|gpmb|thu hồi đất|tái định cư|giấy chứng nhận|bồi thường|mặt bằng sạch" },
    { "cong_nghiep", "công nghiệp|khu công nghiệp|cụm công nghiệp|tiểu thủ công nghiệp|sản xuất công nghiệp" },
    { "du_lich", "du lịch|khách du lịch|sản phẩm du lịch|kinh tế ban đêm" },
    { "ha_tang", "hạ tầng|kết cấu hạ tầng|giao thông|đường|cầu|cảng|cảng biển|logistics|cấp điện|chiếu sáng|điện trang trí|công trình|chợ|cải tạo" },
    { "moi_truong", "môi trường|rác thải|nước sạch|nước thải|chất thải|biến đổi khí hậu|thiên tai|khoáng sản|trồng rừng|rừng" },
    { "quoc_phong_an_ninh", "quốc phòng|an ninh|quân sự|biên giới|tội phạm|trật tự an toàn|công an|lực lượng vũ trang|nhập ngũ" },
    { "van_hoa_xa_hoi", "văn hóa|giáo dục|y tế|xã hội|thể thao|dân số|hộ nghèo|giảm nghèo|lao động|việc làm|trường học|an sinh" },
    { "hanh_chinh", "hành chính|cán bộ|chuyển đổi số|cải cách|tham nhũng|bộ máy|công vụ|chính quyền|thủ tục" },
    { "kinh_te", "kinh tế|ngân sách|đầu tư|thương mại|xuất nhập khẩu|doanh nghiệp|nông nghiệp|chỉ tiêu|thu hút đầu tư|tăng trưởng" },
  };

  int countWords( const QString &text, const QStringList &words )
  {
    int n = 0;
    for ( const QString &w : words )
    {
      const QRegularExpression re( QStringLiteral( "(?<![\\p{L}\\p{M}])%1(?![\\p{L}\\p{M}])" ).arg( QRegularExpression::escape( w ) ),
                                   QRegularExpression::UseUnicodePropertiesOption );
      auto it = re.globalMatch( text );
      while ( it.hasNext() )
      {
        it.next();
        ++n;
      }
    }
    return n;
  }
}

QString RtCategories::suggest( const QString &rawText )
{
  const QString text = rawText.normalized( QString::NormalizationForm_C ).toLower();
  static const QRegularExpression sSentenceEnd( QStringLiteral( "[.;:](?:\\s|$)" ) );
  const QRegularExpressionMatch end = sSentenceEnd.match( text );
  const QString first = end.hasMatch() ? text.left( end.capturedStart() ) : text;
  QString best = QStringLiteral( "hanh_chinh" );
  int bestScore = 0;
  for ( const CategoryWords &c : sWords )
  {
    const QStringList words = QString::fromUtf8( c.words ).split( QLatin1Char( '|' ) );
    const int score = 3 * countWords( first, words ) + countWords( text, words );
    if ( score > bestScore )
    {
      bestScore = score;
      best = QString::fromLatin1( c.code );
    }
  }
  return best;
}
