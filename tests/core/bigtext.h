#ifndef RT_BIGTEXT_H
#define RT_BIGTEXT_H
// A long resolution for timing the importer: articles repeated until the text fills the
// pages asked for, wrapped at a PDF page's width with page numbers and form feeds, as
// pdftotext writes a real one. Seeded by the article number only: the same text each time.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace RtBigText
{
  inline QStringList wrap( const QString &text, int width )
  {
    QStringList lines;
    QString line;
    for ( const QString &word : text.split( QLatin1Char( ' ' ), Qt::SkipEmptyParts ) )
    {
      if ( !line.isEmpty() && line.size() + 1 + word.size() > width )
      {
        lines << line;
        line.clear();
      }
      line += ( line.isEmpty() ? QString() : QStringLiteral( " " ) ) + word;
    }
    if ( !line.isEmpty() )
      lines << line;
    return lines;
  }

  struct Text
  {
    QByteArray bytes;
    int pages = 0;
    int articles = 0;
  };

  //! A decision of \a pages pages: every article has two khoản, the first with points a)–c),
  //! the second with two bullets.
  inline Text make( int pages )
  {
    const int width = 84;
    const int linesPerPage = 44;
    QStringList header = {
      QStringLiteral( "ỦY BAN NHÂN DÂN" ), QStringLiteral( "THÀNH PHỐ MÓNG CÁI" ), QStringLiteral( "Số: 999/QĐ-UBND" ),
      QStringLiteral( "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" ), QStringLiteral( "Độc lập - Tự do - Hạnh phúc" ),
      QStringLiteral( "Móng Cái, ngày 15 tháng 3 năm 2024" ), QString(), QStringLiteral( "QUYẾT ĐỊNH" ),
      QStringLiteral( "Về việc giao nhiệm vụ thực hiện kế hoạch phát triển kinh tế - xã hội" ),
      QStringLiteral( "ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI" ), QString() };
    header << wrap( QStringLiteral( "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
                                    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;" ), width );
    header << QStringLiteral( "QUYẾT ĐỊNH:" );
    QStringList body;
    Text t;
    const QStringList tail = { QString(), QStringLiteral( "Nơi nhận:" ), QStringLiteral( "- Lưu: VT." ), QString(),
                               QStringLiteral( "TM. ỦY BAN NHÂN DÂN" ), QStringLiteral( "CHỦ TỊCH" ), QString(), QStringLiteral( "Trần Minh Khoa" ) };
    const int capacity = pages * ( linesPerPage - 2 );
    while ( header.size() + body.size() + 20 + tail.size() < capacity )
    {
      const int n = ++t.articles;
      body << wrap( QStringLiteral( "Điều %1. Nhiệm vụ số %1 về quản lý đất đai và giải phóng mặt bằng" ).arg( n ), width );
      body << wrap( QStringLiteral( "1. Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các phường Hải Hòa, "
                                   "Ninh Dương, Trà Cổ và các xã Hải Xuân, Vạn Ninh rà soát hồ sơ đất đai của %1 hộ gia đình, cá nhân, "
                                   "hoàn thành trước ngày 31 tháng 12 năm 2024:" ).arg( 100 + n ), width );
      body << wrap( QStringLiteral( "a) Lập danh sách các thửa đất chưa được cấp giấy chứng nhận quyền sử dụng đất, báo cáo "
                                   "Ủy ban nhân dân thành phố trong quý II/2024;" ), width );
      body << wrap( QStringLiteral( "b) Kiểm tra hiện trạng sử dụng đất, xác định nguồn gốc đất theo quy định;" ), width );
      body << wrap( QStringLiteral( "c) Đề xuất phương án xử lý đối với từng trường hợp cụ thể." ), width );
      body << wrap( QStringLiteral( "2. Giao Trung tâm Phát triển quỹ đất thành phố phối hợp thực hiện:" ), width );
      body << wrap( QStringLiteral( "- Lập phương án bồi thường, hỗ trợ, tái định cư cho các dự án trọng điểm;" ), width );
      body << wrap( QStringLiteral( "- Bàn giao mặt bằng cho chủ đầu tư chậm nhất ngày 30 tháng 11 năm 2024." ), width );
    }
    // the signature on the last page
    while ( header.size() + body.size() + tail.size() < capacity )
      body << QString();
    const QStringList all = header + body + tail;
    QStringList out;
    int onPage = 0;
    t.pages = 1;
    for ( const QString &line : all )
    {
      if ( onPage == linesPerPage - 2 )
      {
        out << QString() << QStringLiteral( "%1" ).arg( t.pages, 42 );
        ++t.pages;
        out << QStringLiteral( "\f" ) + line;
        onPage = 1;
        continue;
      }
      out << line;
      ++onPage;
    }
    out << QString() << QStringLiteral( "%1" ).arg( t.pages, 42 );
    t.bytes = out.join( QLatin1Char( '\n' ) ).toUtf8();
    return t;
  }
}

#endif
