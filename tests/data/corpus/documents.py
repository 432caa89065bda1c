# The test corpus as data: each document's header, clause tree, closing, signature and
# appendices. make_corpus.py renders them as the copies people have (Word's plain text, a
# legal website, PDF text extraction, DOCX, PDF) in several encodings, and writes the
# expected parse of each from these structures, not from the parser.
#
# These are test texts written for the project in the national format (Nghị định
# 30/2020/NĐ-CP); they are not real documents. Places are real, numbers, people and
# decisions are invented.


def C(label, text, *children, numbered=False):
    """A clause: its label as written ("Điều 1.", "1.", "a)", "-"), its own text (a string
    or a list of paragraphs) and its children; numbered: the label is Word's numbering."""
    return {'label': label, 'paras': [text] if isinstance(text, str) else list(text), 'children': list(children),
            'numbered': numbered}


MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']

PREAMBLE_LAW = ('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung '
                'một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;')

DOCS = []

# ---------------------------------------------------------------------------------------
# 01: articles, khoản, điểm in the Vietnamese letter order (… d, đ, e); an appendix after
# the signature. Word's "Save as plain text": UTF-8 with BOM, CRLF, one paragraph a line,
# the two-column header and signature flattened with tabs.
DOCS.append(dict(
    file='01-nq-thu-hoi-dat-2024', render='word_txt', encoding='utf-8-sig', newline='\r\n',
    issuer=['HỘI ĐỒNG NHÂN DÂN', 'THÀNH PHỐ MÓNG CÁI'],
    number='45/NQ-HĐND', place='Móng Cái', date=(15, 12, 2023),
    type='NGHỊ QUYẾT',
    title=['Về việc thông qua danh mục các công trình, dự án cần thu hồi đất',
           'năm 2024 trên địa bàn thành phố Móng Cái'],
    body='HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI', session='KHÓA XIX, KỲ HỌP THỨ 15',
    preamble=[
        PREAMBLE_LAW,
        'Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;',
        'Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đất đai;',
        'Xét Tờ trình số 512/TTr-UBND ngày 05 tháng 12 năm 2023 của Ủy ban nhân dân thành phố về việc thông qua danh mục '
        'các công trình, dự án cần thu hồi đất năm 2024; Báo cáo thẩm tra của Ban Kinh tế - Xã hội Hội đồng nhân dân '
        'thành phố và ý kiến thảo luận của các đại biểu Hội đồng nhân dân thành phố tại kỳ họp.',
    ],
    decides='QUYẾT NGHỊ:',
    clauses=[
        C('Điều 1.', 'Thông qua danh mục 6 công trình, dự án cần thu hồi đất năm 2024 trên địa bàn thành phố Móng Cái với '
                     'tổng diện tích 23,68 ha (chi tiết tại Phụ lục I kèm theo Nghị quyết này), cụ thể:',
          C('1.', 'Các dự án phát triển hạ tầng giao thông: 3 dự án, diện tích 14,55 ha.'),
          C('2.', 'Các dự án chỉnh trang đô thị, khu dân cư: 2 dự án, diện tích 7,43 ha.'),
          C('3.', 'Dự án xây dựng công trình giáo dục: 1 dự án, diện tích 1,70 ha.')),
        C('Điều 2.', 'Tổ chức thực hiện',
          C('1.', 'Giao Ủy ban nhân dân thành phố:',
            C('a)', 'Tổ chức công bố công khai danh mục các công trình, dự án cần thu hồi đất năm 2024 theo quy định;'),
            C('b)', 'Chỉ đạo Phòng Tài nguyên và Môi trường phối hợp với Ủy ban nhân dân các phường Hải Hòa, Ninh Dương, '
                    'Trà Cổ và các xã Hải Xuân, Vạn Ninh lập phương án bồi thường, hỗ trợ, tái định cư trước ngày 31 tháng 3 năm 2024;'),
            C('c)', 'Bố trí đủ kinh phí bồi thường, giải phóng mặt bằng từ nguồn ngân sách thành phố năm 2024;'),
            C('d)', 'Rà soát các dự án đã có trong danh mục năm 2023 nhưng chưa thực hiện, báo cáo Hội đồng nhân dân thành phố tại kỳ họp giữa năm 2024;'),
            C('đ)', 'Xử lý nghiêm các trường hợp lấn chiếm, xây dựng trái phép trên diện tích đất đã có quyết định thu hồi;'),
            C('e)', 'Định kỳ 6 tháng báo cáo kết quả thực hiện với Thường trực Hội đồng nhân dân thành phố.')),
          C('2.', 'Giao Thường trực Hội đồng nhân dân, các Ban, các Tổ đại biểu và đại biểu Hội đồng nhân dân thành phố '
                  'giám sát việc thực hiện Nghị quyết này.')),
    ],
    closing='Nghị quyết này đã được Hội đồng nhân dân thành phố Móng Cái khóa XIX, kỳ họp thứ 15 thông qua ngày '
            '15 tháng 12 năm 2023 và có hiệu lực kể từ ngày thông qua./.',
    recipients=['- Thường trực HĐND, UBND tỉnh (b/c);', '- Sở Tài nguyên và Môi trường tỉnh;',
                '- TT Thành ủy, HĐND, UBND thành phố;', '- Các đại biểu HĐND thành phố;',
                '- HĐND, UBND các xã, phường;', '- Lưu: VT.'],
    signer=dict(on_behalf='TM. HỘI ĐỒNG NHÂN DÂN', title='CHỦ TỊCH', name='Trần Minh Khoa'),
    appendices=[dict(
        label='PHỤ LỤC I',
        title=['DANH MỤC CÁC CÔNG TRÌNH, DỰ ÁN CẦN THU HỒI ĐẤT NĂM 2024'],
        notes=['(Kèm theo Nghị quyết số 45/NQ-HĐND ngày 15/12/2023 của Hội đồng nhân dân thành phố Móng Cái)'],
        columns=['STT', 'Tên công trình, dự án', 'Địa điểm (xã, phường)', 'Diện tích (ha)', 'Trong đó đất trồng lúa (ha)'],
        rows=[
            ['1', 'Đường ven biển đoạn từ cầu Voi đến đường nối khu công nghiệp Hải Yên (giai đoạn 2)', 'Hải Hòa, Hải Xuân', '8,45', '1,20'],
            ['2', 'Đường nối Quốc lộ 18 đến cửa khẩu Bắc Luân II', 'Hải Hòa', '3,65', ''],
            ['3', 'Cải tạo, mở rộng đường Trần Phú', 'Trần Phú, Ka Long', '2,45', ''],
            ['4', 'Khu dân cư tái định cư phường Ninh Dương', 'Ninh Dương', '5,18', '2,10'],
            ['5', 'Chỉnh trang khu dân cư ven sông Ka Long', 'Ka Long', '2,25', ''],
            ['6', 'Trường Trung học cơ sở Trà Cổ (mở rộng)', 'Trà Cổ', '1,70', '0,35'],
            ['', 'Tổng cộng', '', '23,68', '3,65'],
        ])],
))

# ---------------------------------------------------------------------------------------
# 02: decisions as bare numbered items after "QUYẾT NGHỊ:" (no Điều); a title in capitals
# that names the council; a legal website's copy (the header's two columns flattened with
# pipes, the session on its own line); UTF-16LE without a byte order mark.
DOCS.append(dict(
    file='02-nq-chuong-trinh-giam-sat-2024', render='website_pipes', encoding='utf-16-le', newline='\n',
    issuer=['HỘI ĐỒNG NHÂN DÂN', 'THÀNH PHỐ MÓNG CÁI'],
    number='38/NQ-HĐND', place='Móng Cái', date=(20, 7, 2023),
    type='NGHỊ QUYẾT',
    title=['VỀ CHƯƠNG TRÌNH GIÁM SÁT CỦA HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ NĂM 2024'],
    body='HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI', session='KHÓA XIX, KỲ HỌP THỨ 14',
    preamble=[
        PREAMBLE_LAW,
        'Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;',
        'Xét Tờ trình số 25/TTr-HĐND ngày 10 tháng 7 năm 2023 của Thường trực Hội đồng nhân dân thành phố về dự kiến '
        'Chương trình giám sát năm 2024; ý kiến thảo luận của các đại biểu Hội đồng nhân dân thành phố tại kỳ họp.',
    ],
    decides='QUYẾT NGHỊ:',
    clauses=[
        C('1.', 'Hội đồng nhân dân thành phố giám sát chuyên đề tại các kỳ họp thường lệ năm 2024:',
          C('a)', 'Tại kỳ họp giữa năm 2024: giám sát việc thực hiện các dự án đầu tư công trên địa bàn thành phố giai đoạn 2021 - 2023;'),
          C('b)', 'Tại kỳ họp cuối năm 2024: giám sát việc quản lý, sử dụng đất công do Ủy ban nhân dân các xã, phường quản lý.')),
        C('2.', 'Thường trực Hội đồng nhân dân thành phố giám sát:',
          C('-', 'Việc giải quyết kiến nghị của cử tri gửi đến kỳ họp thứ 12 và kỳ họp thứ 13;'),
          C('-', 'Việc thực hiện Nghị quyết số 172/NQ-HĐND ngày 13/10/2023 của Hội đồng nhân dân thành phố.')),
        C('3.', 'Các Ban của Hội đồng nhân dân thành phố giám sát:',
          C('a)', 'Ban Kinh tế - Xã hội: công tác bồi thường, giải phóng mặt bằng các dự án trọng điểm tại phường Hải Hòa và phường Ninh Dương;'),
          C('b)', 'Ban Pháp chế: công tác cải cách hành chính và thực hiện cơ chế một cửa tại Ủy ban nhân dân các xã, phường.')),
        C('4.', 'Tổ chức thực hiện:',
          C('a)', 'Thường trực Hội đồng nhân dân thành phố xây dựng kế hoạch, chỉ đạo, điều hòa, phối hợp hoạt động giám sát; '
                  'báo cáo kết quả tại kỳ họp cuối năm 2024;'),
          C('b)', 'Ủy ban nhân dân thành phố, các cơ quan, đơn vị chịu sự giám sát có trách nhiệm báo cáo đầy đủ, đúng thời hạn '
                  'theo yêu cầu của cơ quan giám sát.')),
    ],
    closing='Nghị quyết này đã được Hội đồng nhân dân thành phố Móng Cái khóa XIX, kỳ họp thứ 14 thông qua ngày '
            '20 tháng 7 năm 2023 và có hiệu lực kể từ ngày thông qua./.',
    recipients=['- TT HĐND, UBND tỉnh (b/c);', '- TT Thành ủy, HĐND, UBND thành phố;', '- Các đại biểu HĐND thành phố;',
                '- Các cơ quan chịu sự giám sát;', '- Lưu: VT.'],
    signer=dict(on_behalf='TM. HỘI ĐỒNG NHÂN DÂN', title='CHỦ TỊCH', name='Trần Minh Khoa'),
    appendices=[],
))

# ---------------------------------------------------------------------------------------
# 03: a decision whose article 1 is a plan: Điều → I. → 1. → a) → - → +; no closing
# formula; "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". Text extracted from a PDF (pdftotext without
# -layout): lines wrapped, page numbers and a running header on every page after the first.
DOCS.append(dict(
    file='03-qd-ke-hoach-gpmb-2024', render='pdftotext', encoding='utf-8', newline='\n', wrap=84,
    issuer=['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ MÓNG CÁI'],
    number='1250/QĐ-UBND', place='Móng Cái', date=(22, 1, 2024),
    type='QUYẾT ĐỊNH',
    title=['Về việc ban hành Kế hoạch thu hồi đất, giải phóng mặt bằng', 'năm 2024 trên địa bàn thành phố Móng Cái'],
    body='ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI', session='',
    running_header='Quyết định số 1250/QĐ-UBND ngày 22/01/2024 của UBND thành phố Móng Cái',
    preamble=[
        PREAMBLE_LAW,
        'Căn cứ Nghị quyết số 45/NQ-HĐND ngày 15 tháng 12 năm 2023 của Hội đồng nhân dân thành phố về việc thông qua '
        'danh mục các công trình, dự án cần thu hồi đất năm 2024 trên địa bàn thành phố Móng Cái;',
        'Theo đề nghị của Trưởng phòng Tài nguyên và Môi trường thành phố tại Tờ trình số 35/TTr-TNMT ngày 15 tháng 01 năm 2024.',
    ],
    decides='QUYẾT ĐỊNH:',
    clauses=[
        C('Điều 1.', 'Ban hành Kế hoạch thu hồi đất, giải phóng mặt bằng năm 2024 trên địa bàn thành phố Móng Cái như sau:',
          C('I.', 'MỤC ĐÍCH, YÊU CẦU',
            C('1.', 'Mục đích',
              C('-', 'Triển khai kịp thời, hiệu quả Nghị quyết số 45/NQ-HĐND ngày 15/12/2023 của Hội đồng nhân dân thành phố;'),
              C('-', 'Bảo đảm quỹ đất sạch cho các dự án trọng điểm của thành phố, hoàn thành giải phóng mặt bằng trong năm 2024.')),
            C('2.', 'Yêu cầu',
              C('-', 'Công khai, minh bạch, đúng trình tự, thủ tục theo quy định của pháp luật về đất đai;'),
              C('-', 'Bảo đảm quyền, lợi ích hợp pháp của người có đất bị thu hồi; không để phát sinh khiếu kiện đông người.'))),
          C('II.', 'NHIỆM VỤ VÀ GIẢI PHÁP',
            C('1.', 'Công tác chuẩn bị',
              C('a)', 'Thành lập Hội đồng bồi thường, hỗ trợ và tái định cư cho từng dự án, hoàn thành trong tháng 02/2024;'),
              C('b)', 'Thông báo thu hồi đất, tổ chức kiểm đếm hiện trạng:',
                C('-', 'Dự án đường ven biển đoạn từ cầu Voi đến đường nối khu công nghiệp Hải Yên: hoàn thành trước ngày 31/3/2024;'),
                C('-', 'Dự án khu dân cư tái định cư phường Ninh Dương:',
                  C('+', 'Kiểm đếm đất nông nghiệp: trong quý II/2024;'),
                  C('+', 'Kiểm đếm đất ở và tài sản gắn liền với đất: trong quý III/2024.')))),
            C('2.', 'Công tác bồi thường, hỗ trợ, tái định cư',
              C('a)', 'Lập, thẩm định và phê duyệt phương án bồi thường, hỗ trợ, tái định cư theo từng dự án;'),
              C('b)', 'Chi trả tiền bồi thường, bàn giao mặt bằng cho chủ đầu tư chậm nhất ngày 30 tháng 11 năm 2024.'))),
          C('III.', 'TỔ CHỨC THỰC HIỆN',
            C('1.', 'Phòng Tài nguyên và Môi trường chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo '
                    'Ủy ban nhân dân thành phố hằng quý.'),
            C('2.', 'Trung tâm Phát triển quỹ đất thành phố chủ trì lập phương án bồi thường, hỗ trợ, tái định cư; phối hợp '
                    'với Ban Quản lý dự án đầu tư xây dựng thành phố bàn giao mặt bằng cho các dự án.'),
            C('3.', 'Ủy ban nhân dân các xã, phường phối hợp tuyên truyền, vận động người dân chấp hành chủ trương thu hồi đất '
                    'của thành phố.'))),
        C('Điều 2.', 'Quyết định này có hiệu lực kể từ ngày ký.'),
        C('Điều 3.', 'Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố, Trưởng phòng Tài nguyên và Môi trường, '
                     'Giám đốc Trung tâm Phát triển quỹ đất, Chủ tịch Ủy ban nhân dân các xã, phường và các cơ quan, đơn vị '
                     'có liên quan căn cứ Quyết định thi hành./.'),
    ],
    closing='',
    recipients=['- Như Điều 3;', '- TT Thành ủy, HĐND thành phố (b/c);', '- Chủ tịch, các PCT UBND thành phố;', '- Lưu: VT, TNMT.'],
    signer=dict(on_behalf='KT. CHỦ TỊCH', title='PHÓ CHỦ TỊCH', name='Lê Hoàng Nam'),
    appendices=[],
))

# ---------------------------------------------------------------------------------------
# 04: Chương / Mục / Điều / khoản / điểm; the closing inside the last article; "Điều" on one
# line and its number on the next; an appendix after the body as a pipe table. A legal
# website's copy in Windows-1258.
DOCS.append(dict(
    file='04-nq-ho-tro-nong-nghiep', render='website_tabs', encoding='cp1258', newline='\r\n',
    issuer=['HỘI ĐỒNG NHÂN DÂN', 'THÀNH PHỐ MÓNG CÁI'],
    number='58/2023/NQ-HĐND', place='Móng Cái', date=(15, 12, 2023),
    type='NGHỊ QUYẾT',
    title=['Quy định một số chính sách hỗ trợ phát triển sản xuất nông nghiệp', 'trên địa bàn thành phố Móng Cái giai đoạn 2024 - 2026'],
    body='HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI', session='KHÓA XIX, KỲ HỌP THỨ 15',
    split_dieu={'Điều 4.', 'Điều 7.'},
    preamble=[
        PREAMBLE_LAW,
        'Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;',
        'Xét Tờ trình số 498/TTr-UBND ngày 28 tháng 11 năm 2023 của Ủy ban nhân dân thành phố; Báo cáo thẩm tra của Ban '
        'Kinh tế - Xã hội và ý kiến thảo luận của các đại biểu Hội đồng nhân dân thành phố tại kỳ họp.',
    ],
    decides='QUYẾT NGHỊ:',
    clauses=[
        C('Chương I', 'QUY ĐỊNH CHUNG',
          C('Điều 1.', ['Phạm vi điều chỉnh',
                        'Nghị quyết này quy định một số chính sách hỗ trợ phát triển sản xuất nông nghiệp trên địa bàn thành phố '
                        'Móng Cái giai đoạn 2024 - 2026.']),
          C('Điều 2.', 'Đối tượng áp dụng',
            C('1.', 'Hộ gia đình, cá nhân, tổ hợp tác, hợp tác xã trực tiếp sản xuất nông nghiệp trên địa bàn thành phố.'),
            C('2.', 'Cơ quan, đơn vị, cá nhân có liên quan đến việc thực hiện chính sách.')),
          C('Điều 3.', 'Nguyên tắc hỗ trợ',
            C('1.', 'Hỗ trợ một lần sau đầu tư, đúng đối tượng, công khai, minh bạch.'),
            C('2.', 'Trường hợp cùng một nội dung được hưởng nhiều chính sách thì chỉ được hưởng một chính sách có mức hỗ trợ cao nhất.'))),
        C('Chương II', 'CHÍNH SÁCH HỖ TRỢ CỤ THỂ',
          C('Mục 1', 'HỖ TRỢ PHÁT TRIỂN TRỒNG TRỌT',
            C('Điều 4.', 'Hỗ trợ sản xuất lúa chất lượng cao',
              C('1.', 'Điều kiện hỗ trợ:',
                C('a)', 'Vùng sản xuất tập trung có diện tích từ 5 ha trở lên tại các xã Hải Xuân, Vạn Ninh, Hải Đông;'),
                C('b)', 'Sử dụng giống lúa chất lượng cao trong danh mục được cơ quan có thẩm quyền công bố;'),
                C('c)', 'Có hợp đồng liên kết tiêu thụ sản phẩm.')),
              C('2.', 'Mức hỗ trợ: 3.000.000 đồng/ha/vụ, tối đa 2 vụ/năm.')),
            C('Điều 5.', 'Hỗ trợ trồng cây ăn quả',
              C('1.', 'Hỗ trợ 50% chi phí mua cây giống cho diện tích trồng mới tập trung từ 2 ha trở lên.'),
              C('2.', 'Mức hỗ trợ tối đa không quá 40.000.000 đồng/ha.'))),
          C('Mục 2', 'HỖ TRỢ PHÁT TRIỂN THỦY SẢN',
            C('Điều 6.', 'Hỗ trợ nuôi trồng thủy sản tập trung',
              C('1.', 'Hỗ trợ cải tạo ao, đầm nuôi tại vùng quy hoạch nuôi trồng thủy sản của các xã Vạn Ninh, Hải Tiến, '
                      'Quảng Nghĩa: 20.000.000 đồng/ha.'),
              C('2.', 'Hỗ trợ 30% chi phí mua con giống năm đầu, tối đa 15.000.000 đồng/hộ.')))),
        C('Chương III', 'TỔ CHỨC THỰC HIỆN',
          C('Điều 7.', ['Kinh phí thực hiện',
                        'Kinh phí thực hiện chính sách bố trí từ ngân sách thành phố, dự kiến 12.600 triệu đồng cho giai đoạn '
                        '2024 - 2026 (chi tiết tại Phụ lục kèm theo Nghị quyết này).']),
          C('Điều 8.', 'Tổ chức thực hiện',
            C('1.', 'Giao Ủy ban nhân dân thành phố hướng dẫn, tổ chức thực hiện Nghị quyết; hằng năm báo cáo kết quả tại kỳ họp cuối năm.'),
            C('2.', 'Giao Thường trực Hội đồng nhân dân, các Ban và đại biểu Hội đồng nhân dân thành phố giám sát việc thực hiện Nghị quyết.')),
          C('Điều 9.', ['Hiệu lực thi hành',
                        'Nghị quyết này đã được Hội đồng nhân dân thành phố Móng Cái khóa XIX, kỳ họp thứ 15 thông qua ngày '
                        '15 tháng 12 năm 2023 và có hiệu lực từ ngày 01 tháng 01 năm 2024./.'])),
    ],
    closing='Nghị quyết này đã được Hội đồng nhân dân thành phố Móng Cái khóa XIX, kỳ họp thứ 15 thông qua ngày '
            '15 tháng 12 năm 2023 và có hiệu lực từ ngày 01 tháng 01 năm 2024./.',
    recipients=['- HĐND, UBND tỉnh (b/c);', '- Sở Nông nghiệp và Phát triển nông thôn;', '- TT Thành ủy, HĐND, UBND thành phố;',
                '- Các xã, phường;', '- Lưu: VT.'],
    signer=dict(on_behalf='TM. HỘI ĐỒNG NHÂN DÂN', title='CHỦ TỊCH', name='Trần Minh Khoa'),
    appendix_style='pipes',
    appendices=[dict(
        label='PHỤ LỤC',
        title=['DỰ KIẾN KINH PHÍ THỰC HIỆN CHÍNH SÁCH GIAI ĐOẠN 2024 - 2026'],
        notes=['(Kèm theo Nghị quyết số 58/2023/NQ-HĐND ngày 15/12/2023 của HĐND thành phố Móng Cái)', 'Đơn vị tính: triệu đồng'],
        columns=['STT', 'Nội dung hỗ trợ', 'Năm 2024', 'Năm 2025', 'Năm 2026', 'Tổng cộng'],
        rows=[
            ['1', 'Sản xuất lúa chất lượng cao', '1.200', '1.350', '1.500', '4.050'],
            ['2', 'Trồng cây ăn quả', '900', '1.100', '1.250', '3.250'],
            ['3', 'Nuôi trồng thủy sản tập trung', '1.500', '1.800', '2.000', '5.300'],
            ['', 'Tổng cộng', '3.600', '4.250', '4.750', '12.600'],
        ])],
))

# ---------------------------------------------------------------------------------------
# 05: Roman parts "I.", "II." above the articles; decimal items "1.1."; "(1)" items; an
# appendix with group rows (I, II) whose stated sum is wrong in one place (a warning).
# Word's plain text in TCVN3 (ABC), capitals in ABC's lower-case codes.
DOCS.append(dict(
    file='05-nq-dieu-chinh-dau-tu-cong-2024', render='word_txt', encoding='tcvn3', newline='\r\n',
    issuer=['HỘI ĐỒNG NHÂN DÂN', 'THÀNH PHỐ MÓNG CÁI'],
    number='62/NQ-HĐND', place='Móng Cái', date=(28, 6, 2024),
    type='NGHỊ QUYẾT',
    title=['Về việc điều chỉnh, bổ sung kế hoạch đầu tư công năm 2024 của thành phố Móng Cái'],
    body='HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI', session='KHÓA XIX, KỲ HỌP THỨ 17',
    preamble=[
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;',
        'Xét Tờ trình số 210/TTr-UBND ngày 14 tháng 6 năm 2024 của UBND thành phố; Báo cáo thẩm tra của Ban Kinh tế - Xã hội '
        'HĐND thành phố và ý kiến thảo luận của các đại biểu HĐND thành phố tại kỳ họp.',
    ],
    decides='QUYẾT NGHỊ:',
    clauses=[
        C('I.', 'ĐIỀU CHỈNH KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2024',
          C('Điều 1.', 'Điều chỉnh giảm kế hoạch vốn',
            C('1.', 'Tổng số vốn điều chỉnh giảm: 18.450 triệu đồng, gồm:',
              C('1.1.', 'Dự án đường ven biển đoạn từ cầu Voi đến đường nối khu công nghiệp Hải Yên: giảm 12.300 triệu đồng do '
                        'chậm giải phóng mặt bằng.'),
              C('1.2.', 'Dự án cải tạo, mở rộng đường Trần Phú: giảm 6.150 triệu đồng.')),
            C('2.', 'Lý do điều chỉnh: các dự án chưa đủ điều kiện giải ngân trong năm 2024.')),
          C('Điều 2.', 'Điều chỉnh tăng kế hoạch vốn',
            C('1.', 'Tổng số vốn điều chỉnh tăng: 18.450 triệu đồng, phân bổ cho các dự án sau:',
              C('(1)', 'Trường Trung học cơ sở Trà Cổ (mở rộng): 7.200 triệu đồng;'),
              C('(2)', 'Khu dân cư tái định cư phường Ninh Dương: 8.750 triệu đồng;'),
              C('(3)', 'Nhà văn hóa khu 5 phường Hải Hòa: 2.500 triệu đồng.')),
            C('2.', 'Danh mục chi tiết tại Phụ lục kèm theo Nghị quyết này.'))),
        C('II.', 'TỔ CHỨC THỰC HIỆN',
          C('Điều 3.', 'Giao UBND thành phố tổ chức thực hiện Nghị quyết; giải ngân hết số vốn được điều chỉnh trước ngày '
                       '31 tháng 01 năm 2025.'),
          C('Điều 4.', 'Giao Thường trực HĐND, các Ban và đại biểu HĐND thành phố giám sát việc thực hiện Nghị quyết.')),
    ],
    closing='Nghị quyết này đã được HĐND thành phố Móng Cái khóa XIX, kỳ họp thứ 17 thông qua ngày 28 tháng 6 năm 2024 '
            'và có hiệu lực kể từ ngày thông qua./.',
    recipients=['- TT HĐND, UBND tỉnh (b/c);', '- Sở Kế hoạch và Đầu tư;', '- TT Thành ủy, HĐND, UBND thành phố;', '- Lưu: VT.'],
    signer=dict(on_behalf='TM. HỘI ĐỒNG NHÂN DÂN', title='CHỦ TỊCH', name='Trần Minh Khoa'),
    appendices=[dict(
        label='PHỤ LỤC',
        title=['ĐIỀU CHỈNH KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2024'],
        notes=['(Kèm theo Nghị quyết số 62/NQ-HĐND ngày 28/6/2024 của HĐND thành phố Móng Cái)', 'Đơn vị tính: triệu đồng'],
        columns=['STT', 'Danh mục dự án', 'Kế hoạch đã giao', 'Điều chỉnh giảm', 'Điều chỉnh tăng', 'Kế hoạch sau điều chỉnh'],
        rows=[
            ['I', 'Các dự án điều chỉnh giảm', '45.300', '18.450', '', '26.850'],
            ['1', 'Đường ven biển đoạn từ cầu Voi đến đường nối khu công nghiệp Hải Yên', '30.000', '12.300', '', '17.700'],
            ['2', 'Cải tạo, mở rộng đường Trần Phú', '15.300', '6.150', '', '9.150'],
            ['II', 'Các dự án điều chỉnh tăng', '12.000', '', '18.450', '30.540'],   # the rows sum to 30.450: a typo the reader must flag
            ['1', 'Trường Trung học cơ sở Trà Cổ (mở rộng)', '5.000', '', '7.200', '12.200'],
            ['2', 'Khu dân cư tái định cư phường Ninh Dương', '7.000', '', '8.750', '15.750'],
            ['3', 'Nhà văn hóa khu 5 phường Hải Hòa', '0', '', '2.500', '2.500'],
            ['', 'Tổng cộng', '57.300', '18.450', '18.450', '57.300'],
        ])],
    expected_warnings=['PHỤ LỤC', 'Kế hoạch sau điều chỉnh', '30.540', '30.450'],
))

# ---------------------------------------------------------------------------------------
# 06: a commune council; "(1)" targets, decimal items, "+" bullets, footnotes at the foot of
# the page (a sentence split by the page break); pdftotext -layout (indented first lines,
# centred headings, the header's columns side by side); VNI-Windows.
DOCS.append(dict(
    file='06-nq-xa-van-ninh-kt-xh-2024', render='layout', encoding='vni', newline='\n', wrap=86, page_lines=46,
    issuer=['HỘI ĐỒNG NHÂN DÂN', 'XÃ VẠN NINH'],
    number='52/NQ-HĐND', place='Vạn Ninh', date=(18, 12, 2023),
    type='NGHỊ QUYẾT',
    title=['Về kế hoạch phát triển kinh tế - xã hội năm 2024'],
    body='HỘI ĐỒNG NHÂN DÂN XÃ VẠN NINH', session='KHÓA XXI, KỲ HỌP THỨ 9',
    preamble=[
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'Xét Báo cáo số 145/BC-UBND ngày 05 tháng 12 năm 2023 của Ủy ban nhân dân xã về tình hình thực hiện nhiệm vụ phát triển '
        'kinh tế - xã hội năm 2023, mục tiêu, nhiệm vụ năm 2024; Báo cáo thẩm tra của các Ban Hội đồng nhân dân xã và ý kiến '
        'thảo luận của đại biểu Hội đồng nhân dân xã tại kỳ họp.',
    ],
    decides='QUYẾT NGHỊ:',
    clauses=[
        C('Điều 1.', 'Mục tiêu, chỉ tiêu chủ yếu năm 2024',
          C('1.', 'Mục tiêu tổng quát: Phát triển kinh tế nông nghiệp gắn với du lịch sinh thái biển; nâng cao đời sống vật chất, '
                  'tinh thần của Nhân dân; giữ vững quốc phòng, an ninh trên địa bàn xã.'),
          C('2.', 'Các chỉ tiêu chủ yếu:',
            C('(1)', 'Tổng giá trị sản xuất tăng 8,5% so với năm 2023;'),
            C('(2)', 'Thu ngân sách nhà nước trên địa bàn đạt 12.500 triệu đồng¹;'),
            C('(3)', 'Tỷ lệ hộ dân sử dụng nước sạch đạt từ 95% trở lên;'),
            C('(4)', 'Giảm tỷ lệ hộ cận nghèo xuống dưới 1,5%.'))),
        C('Điều 2.', 'Nhiệm vụ, giải pháp chủ yếu',
          C('1.', 'Phát triển kinh tế:',
            C('1.1.', 'Nông nghiệp: duy trì diện tích gieo cấy 320 ha lúa; chuyển đổi 15 ha đất lúa kém hiệu quả sang nuôi trồng '
                      'thủy sản² theo quy hoạch được duyệt; phát triển vùng nuôi ngao, hàu tập trung ven biển.'),
            C('1.2.', 'Thương mại, dịch vụ:',
              C('+', 'Cải tạo chợ Vạn Ninh, hoàn thành trong quý III/2024;'),
              C('+', 'Khuyến khích hộ kinh doanh đăng ký thuế, sử dụng thanh toán không dùng tiền mặt.'))),
          C('2.', 'Quản lý đất đai, tài nguyên, môi trường:',
            C('2.1.', 'Phối hợp với Trung tâm Phát triển quỹ đất thành phố giải phóng mặt bằng dự án đường ven biển đoạn qua xã '
                      'Vạn Ninh, bàn giao mặt bằng trước ngày 30/9/2024.'),
            C('2.2.', 'Kiên quyết xử lý các trường hợp lấn chiếm đất công, đất rừng phòng hộ ven biển; thu gom, xử lý 100% rác thải '
                      'sinh hoạt tại các thôn.'))),
        C('Điều 3.', 'Tổ chức thực hiện',
          C('1.', 'Giao Ủy ban nhân dân xã xây dựng kế hoạch cụ thể, tổ chức thực hiện Nghị quyết; báo cáo kết quả tại kỳ họp '
                  'giữa năm và cuối năm 2024.'),
          C('2.', 'Thường trực Hội đồng nhân dân, các Ban và đại biểu Hội đồng nhân dân xã giám sát việc thực hiện Nghị quyết.')),
    ],
    footnotes=[(1, ['Điều 1', '2.', '(2)'], 'Trong đó thu tiền sử dụng đất 7.000 triệu đồng.'),
               (2, ['Điều 2', '1.', '1.1.'], 'Tại các thôn Thọ Xuân, Đại Điền Ngoài và Vạn Xuân.')],
    closing='Nghị quyết này đã được Hội đồng nhân dân xã Vạn Ninh khóa XXI, kỳ họp thứ 9 thông qua ngày 18 tháng 12 năm 2023 '
            'và có hiệu lực kể từ ngày thông qua./.',
    recipients=['- TT HĐND, UBND thành phố (b/c);', '- Đảng ủy xã;', '- Các đại biểu HĐND xã;', '- Các thôn;', '- Lưu: VT.'],
    signer=dict(on_behalf='TM. HỘI ĐỒNG NHÂN DÂN', title='CHỦ TỌA', name='Phạm Thị Hương'),
    appendices=[],
))

# ---------------------------------------------------------------------------------------
# 07: DOCX as drafted in Word: the header and signature in borderless tables, Word's own
# numbering for a list of points, a footnote, an appendix table with group rows spanning
# the columns and a thousands separator ("1.022").
DOCS.append(dict(
    file='07-nq-tinh-chuyen-muc-dich-dat-lua', render='docx',
    issuer=['HỘI ĐỒNG NHÂN DÂN', 'TỈNH QUẢNG NINH'],
    number='210/NQ-HĐND', place='Quảng Ninh', date=(8, 12, 2023),
    type='NGHỊ QUYẾT',
    title=['Về việc thông qua danh mục dự án chuyển mục đích sử dụng đất trồng lúa', 'năm 2024 trên địa bàn thành phố Móng Cái'],
    body='HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH', session='KHÓA XIV, KỲ HỌP THỨ 17',
    preamble=[
        PREAMBLE_LAW,
        'Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;',
        'Xét Tờ trình số 6120/TTr-UBND ngày 20 tháng 11 năm 2023 của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra của Ban Kinh tế '
        '- Ngân sách và ý kiến thảo luận của các đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.',
    ],
    decides='QUYẾT NGHỊ:',
    clauses=[
        C('Điều 1.', 'Thông qua danh mục 4 dự án chuyển mục đích sử dụng đất trồng lúa năm 2024 trên địa bàn thành phố Móng Cái '
                     'với tổng diện tích đất trồng lúa 12,96 ha¹ (chi tiết tại Phụ lục kèm theo).'),
        C('Điều 2.', 'Tổ chức thực hiện',
          C('1.', 'Ủy ban nhân dân tỉnh chỉ đạo Ủy ban nhân dân thành phố Móng Cái:',
            C('a)', 'Chỉ thực hiện chuyển mục đích sử dụng đất khi dự án đã có trong kế hoạch sử dụng đất năm 2024 được duyệt;', numbered=True),
            C('b)', 'Bảo đảm người sử dụng đất trồng lúa được chuyển mục đích nộp đủ khoản tiền bảo vệ, phát triển đất trồng lúa;', numbered=True),
            C('c)', 'Báo cáo kết quả thực hiện tại kỳ họp cuối năm 2024.', numbered=True)),
          C('2.', 'Thường trực Hội đồng nhân dân, các Ban, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.')),
    ],
    footnotes=[(1, ['Điều 1'], 'Trong đó đất chuyên trồng lúa nước 9,40 ha.')],
    closing='Nghị quyết này đã được Hội đồng nhân dân tỉnh Quảng Ninh khóa XIV, kỳ họp thứ 17 thông qua ngày 08 tháng 12 năm 2023 '
            'và có hiệu lực từ ngày thông qua./.',
    recipients=['- Ủy ban Thường vụ Quốc hội (b/c);', '- Chính phủ (b/c);', '- TT Tỉnh ủy, HĐND, UBND tỉnh;',
                '- Các đại biểu HĐND tỉnh;', '- HĐND, UBND thành phố Móng Cái;', '- Lưu: VT.'],
    signer=dict(on_behalf='', title='CHỦ TỊCH', name='Nguyễn Hoàng Sơn'),
    appendices=[dict(
        label='PHỤ LỤC',
        title=['DANH MỤC DỰ ÁN CHUYỂN MỤC ĐÍCH SỬ DỤNG ĐẤT TRỒNG LÚA NĂM 2024'],
        notes=['(Kèm theo Nghị quyết số 210/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh Quảng Ninh)'],
        columns=['STT', 'Tên dự án', 'Địa điểm', 'Diện tích đất lúa (ha)', 'Số hộ bị ảnh hưởng'],
        rows=[
            ['I', 'Phường Hải Hòa', '', '', ''],
            ['1', 'Khu đô thị mới Hải Hòa (giai đoạn 2)', 'Phường Hải Hòa', '6,20', '512'],
            ['2', 'Đường nối Quốc lộ 18 đến cửa khẩu Bắc Luân II', 'Phường Hải Hòa', '2,06', '198'],
            ['II', 'Xã Hải Xuân', '', '', ''],
            ['1', 'Cụm công nghiệp Hải Xuân', 'Xã Hải Xuân', '3,45', '240'],
            ['2', 'Trường Tiểu học Hải Xuân (mở rộng)', 'Xã Hải Xuân', '1,25', '72'],
            ['', 'Tổng cộng', '', '12,96', '1.022'],
        ], spans={0: True, 3: True})],
))

# ---------------------------------------------------------------------------------------
# 08: a decision made in Word and printed to PDF (text layer through poppler): the
# appendix's project list as a table whose long names wrap inside their cells.
DOCS.append(dict(
    file='08-qd-phe-duyet-danh-muc-dau-tu', render='pdf',
    issuer=['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ MÓNG CÁI'],
    number='2045/QĐ-UBND', place='Móng Cái', date=(5, 3, 2024),
    type='QUYẾT ĐỊNH',
    title=['Về việc phê duyệt danh mục dự án đầu tư xây dựng hạ tầng', 'khu dân cư năm 2024'],
    body='ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI', session='',
    preamble=[
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;',
        'Theo đề nghị của Trưởng phòng Quản lý đô thị thành phố tại Tờ trình số 88/TTr-QLĐT ngày 27 tháng 02 năm 2024.',
    ],
    decides='QUYẾT ĐỊNH:',
    clauses=[
        C('Điều 1.', 'Phê duyệt danh mục 4 dự án đầu tư xây dựng hạ tầng khu dân cư năm 2024 với tổng mức đầu tư dự kiến '
                     '86.500 triệu đồng (chi tiết tại Phụ lục 01 kèm theo).'),
        C('Điều 2.', 'Tổ chức thực hiện',
          C('1.', 'Ban Quản lý dự án đầu tư xây dựng thành phố:',
            C('a)', 'Lập báo cáo nghiên cứu khả thi các dự án, trình thẩm định trước ngày 30 tháng 6 năm 2024;'),
            C('b)', 'Tổ chức lựa chọn nhà thầu, khởi công các dự án trong quý IV năm 2024.')),
          C('2.', 'Phòng Tài chính - Kế hoạch cân đối, bố trí vốn cho các dự án theo tiến độ.')),
        C('Điều 3.', 'Chánh Văn phòng HĐND và UBND thành phố, Trưởng các phòng: Quản lý đô thị, Tài chính - Kế hoạch, Giám đốc '
                     'Ban Quản lý dự án đầu tư xây dựng thành phố và các đơn vị liên quan căn cứ Quyết định thi hành./.'),
    ],
    closing='',
    recipients=['- Như Điều 3;', '- TT Thành ủy, HĐND thành phố;', '- Lưu: VT.'],
    signer=dict(on_behalf='TM. ỦY BAN NHÂN DÂN', title='CHỦ TỊCH', name='Hoàng Bá Nam'),
    appendices=[dict(
        label='Phụ lục 01',
        title=['DANH MỤC DỰ ÁN ĐẦU TƯ XÂY DỰNG HẠ TẦNG KHU DÂN CƯ NĂM 2024'],
        notes=['(Kèm theo Quyết định số 2045/QĐ-UBND ngày 05/3/2024 của UBND thành phố Móng Cái)'],
        columns=['STT', 'Tên dự án', 'Địa điểm', 'Diện tích (ha)', 'Tổng mức đầu tư (triệu đồng)'],
        rows=[
            ['1', 'Hạ tầng kỹ thuật khu dân cư tái định cư phục vụ giải phóng mặt bằng đường ven biển', 'Hải Hòa', '4,80', '32.000'],
            ['2', 'Hạ tầng khu dân cư khu 3 phường Ninh Dương', 'Ninh Dương', '2,15', '18.500'],
            ['3', 'Hạ tầng khu dân cư thôn 4 xã Hải Xuân', 'Hải Xuân', '3,30', '21.000'],
            ['4', 'Chỉnh trang hạ tầng khu dân cư ven sông Ka Long', 'Ka Long', '1,75', '15.000'],
            ['', 'Tổng cộng', '', '12,00', '86.500'],
        ])],
))

# ---------------------------------------------------------------------------------------
# 09: a decision of the chairman of the city's People's Committee, copied from a legal
# website with pipes; UTF-16BE with a byte order mark.
DOCS.append(dict(
    file='09-qd-chu-tich-thanh-lap-hoi-dong', render='website_pipes', encoding='utf-16-be-bom', newline='\r\n',
    issuer=['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ MÓNG CÁI'],
    number='1318/QĐ-UBND', place='Móng Cái', date=(29, 1, 2024),
    type='QUYẾT ĐỊNH',
    title=['Về việc thành lập Hội đồng bồi thường, hỗ trợ và tái định cư dự án đường ven biển', 'đoạn từ cầu Voi đến đường nối khu công nghiệp Hải Yên (giai đoạn 2)'],
    body='CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI', session='',
    preamble=[
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'Căn cứ Quyết định số 1250/QĐ-UBND ngày 22 tháng 01 năm 2024 của Ủy ban nhân dân thành phố ban hành Kế hoạch thu hồi '
        'đất, giải phóng mặt bằng năm 2024;',
        'Theo đề nghị của Giám đốc Trung tâm Phát triển quỹ đất thành phố.',
    ],
    decides='QUYẾT ĐỊNH:',
    clauses=[
        C('Điều 1.', 'Thành lập Hội đồng bồi thường, hỗ trợ và tái định cư dự án đường ven biển đoạn từ cầu Voi đến đường nối khu '
                     'công nghiệp Hải Yên (giai đoạn 2), gồm:',
          C('1.', 'Chủ tịch Hội đồng: Phó Chủ tịch Ủy ban nhân dân thành phố phụ trách lĩnh vực đất đai.'),
          C('2.', 'Phó Chủ tịch Hội đồng: Giám đốc Trung tâm Phát triển quỹ đất thành phố.'),
          C('3.', 'Các thành viên: đại diện Phòng Tài nguyên và Môi trường, Phòng Tài chính - Kế hoạch, Ủy ban nhân dân phường '
                  'Hải Hòa và xã Hải Xuân.')),
        C('Điều 2.', 'Nhiệm vụ của Hội đồng',
          C('1.', 'Lập, trình thẩm định phương án bồi thường, hỗ trợ, tái định cư của dự án.'),
          C('2.', 'Hoàn thành việc chi trả tiền bồi thường, bàn giao mặt bằng trước ngày 30 tháng 9 năm 2024.')),
        C('Điều 3.', 'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND thành phố, các thành viên Hội đồng '
                     'và các cơ quan, đơn vị có liên quan căn cứ Quyết định thi hành./.'),
    ],
    closing='',
    recipients=['- Như Điều 3;', '- Lưu: VT.'],
    signer=dict(on_behalf='', title='CHỦ TỊCH', name='Phan Quốc Huy'),
    appendices=[],
))
