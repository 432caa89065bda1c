<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>RtAddResolutionWizard</name>
    <message>
        <source>Add a resolution</source>
        <translation>Thêm nghị quyết</translation>
    </message>
    <message>
        <source>The resolution&apos;s text</source>
        <translation>Văn bản nghị quyết</translation>
    </message>
    <message>
        <source>A plain text, a PDF with a text layer or a DOCX file of the resolution.</source>
        <translation>Tệp văn bản thuần, PDF có lớp chữ hoặc DOCX của nghị quyết.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Resolution texts (*.txt *.pdf *.docx);;All files (*)</source>
        <translation>Văn bản nghị quyết (*.txt *.pdf *.docx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Check what was read</source>
        <translation>Kiểm tra nội dung đã đọc</translation>
    </message>
    <message>
        <source>The header, the clauses and what the reader found doubtful. If something is wrong, correct the text and read it again.</source>
        <translation>Phần đầu, các điều khoản và những chỗ chương trình đọc thấy còn nghi vấn. Nếu có chỗ sai, hãy sửa văn bản rồi đọc lại.</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Điều khoản</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>The tasks</source>
        <translation>Các nhiệm vụ</translation>
    </message>
    <message>
        <source>One task for each directive and each project of an appendix. Untick those not to follow; edit the title, the deadline as the text words it, the body responsible and the places.</source>
        <translation>Mỗi nội dung chỉ đạo và mỗi dự án của phụ lục là một nhiệm vụ. Bỏ chọn những nhiệm vụ không theo dõi; sửa tên, thời hạn theo lời văn bản, cơ quan chủ trì và địa bàn.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Cơ quan chủ trì</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Địa bàn</translation>
    </message>
    <message>
        <source>Choose the resolution&apos;s text.</source>
        <translation>Hãy chọn văn bản nghị quyết.</translation>
    </message>
    <message>
        <source>%1: cannot read the file (%2)</source>
        <translation>%1: không đọc được tệp (%2)</translation>
    </message>
    <message>
        <source>Number: %1
Date: %2
Council: %3
Session: %4
Title: %5</source>
        <translation>Số: %1
Ngày: %2
Hội đồng: %3
Kỳ họp: %4
Trích yếu: %5</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>Không có cảnh báo.</translation>
    </message>
    <message>
        <source>task %1 (row %2): the title is empty</source>
        <translation>nhiệm vụ %1 (dòng %2): tên đang để trống</translation>
    </message>
    <message>
        <source>task %1 (row %2): %3</source>
        <translation>nhiệm vụ %1 (dòng %2): %3</translation>
    </message>
    <message>
        <source>task %1 (row %2): &apos;%3&apos; is not a place of the city&apos;s gazetteer</source>
        <translation>nhiệm vụ %1 (dòng %2): &apos;%3&apos; không phải là địa danh trong danh mục địa danh của thành phố</translation>
    </message>
</context>
<context>
    <name>RtBindDialog</name>
    <message>
        <source>Bind a layer to the resolution&apos;s tasks</source>
        <translation>Liên kết một lớp với các nhiệm vụ của nghị quyết</translation>
    </message>
    <message>
        <source>Pick a layer and the field(s) that hold the keys of its features. The tasks name their places by GSO code (wards), zone code, site id, or commune code / map sheet / parcel number (parcels). Nothing is written to the layer&apos;s data: its status is a computed field saved in the project.</source>
        <translation>Chọn một lớp và (các) trường chứa khóa của các đối tượng. Nhiệm vụ ghi địa điểm bằng mã đơn vị hành chính của Tổng cục Thống kê (phường, xã), mã phân khu, mã công trình, hoặc mã xã / số tờ bản đồ / số thửa (thửa đất). Dữ liệu của lớp không bị ghi đè: trạng thái là một trường tính toán được lưu trong dự án.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Wards and communes</source>
        <translation>Phường, xã</translation>
    </message>
    <message>
        <source>Zoning sub-plans</source>
        <translation>Phân khu quy hoạch</translation>
    </message>
    <message>
        <source>Sites (works, roads, areas)</source>
        <translation>Công trình, khu vực (công trình, tuyến đường, khu đất)</translation>
    </message>
    <message>
        <source>Cadastral parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <source>Features are</source>
        <translation>Loại đối tượng</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Names (accents, case and prefixes such as “Phường” ignored)</source>
        <translation>Tên (không phân biệt dấu, chữ hoa/thường và tiền tố như “Phường”)</translation>
    </message>
    <message>
        <source>Keys are</source>
        <translation>Khóa theo</translation>
    </message>
    <message>
        <source>Key field</source>
        <translation>Trường khóa</translation>
    </message>
    <message>
        <source>Second key field</source>
        <translation>Trường khóa thứ hai</translation>
    </message>
    <message>
        <source>Third key field</source>
        <translation>Trường khóa thứ ba</translation>
    </message>
    <message>
        <source>For parcels: the map sheet number after the commune code</source>
        <translation>Với thửa đất: số tờ bản đồ, sau mã xã</translation>
    </message>
    <message>
        <source>For parcels: the parcel number</source>
        <translation>Với thửa đất: số thửa</translation>
    </message>
    <message>
        <source>Bind</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <source>Unbind</source>
        <translation>Bỏ liên kết</translation>
    </message>
    <message>
        <source>The project has no vector layer to bind.</source>
        <translation>Dự án không có lớp vector nào để liên kết.</translation>
    </message>
    <message>
        <source>Choose the field that holds the keys.</source>
        <translation>Hãy chọn trường chứa khóa.</translation>
    </message>
    <message>
        <source>%1: %2 features, %3 with tasks (keys: %4, %5).</source>
        <translation>%1: %2 đối tượng, %3 đối tượng có nhiệm vụ (khóa: %4, %5).</translation>
    </message>
    <message>
        <source>Every task place of this kind lands on a feature.</source>
        <translation>Mọi địa điểm loại này của các nhiệm vụ đều khớp với một đối tượng.</translation>
    </message>
    <message numerus="yes">
        <source>%n task place(s) land on no feature:</source>
        <translation>
            <numerusform>%n địa điểm của nhiệm vụ không khớp với đối tượng nào:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) match several features and count for none of them:</source>
        <translation>
            <numerusform>%n khóa khớp với nhiều đối tượng nên không được tính cho đối tượng nào:</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 → features %2</source>
        <translation>  %1 → các đối tượng %2</translation>
    </message>
    <message>
        <source>%1 is no longer bound; its own style is back.</source>
        <translation>Lớp %1 đã bỏ liên kết; kiểu hiển thị riêng của lớp đã được khôi phục.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message numerus="yes">
        <source>Reading the keys of %n feature(s) of %1 in the background…</source>
        <translation>
            <numerusform>Đang đọc khóa của %n đối tượng của %1 ở chế độ nền…</numerusform>
        </translation>
    </message>
    <message>
        <source>The tasks name other units: translate their keys through a table</source>
        <translation>Nhiệm vụ ghi theo đơn vị khác: quy đổi khóa qua một bảng</translation>
    </message>
    <message>
        <source>A file layer (GeoPackage, shapefile, spreadsheet…), e.g. wards_2023 of the sample</source>
        <translation>Một lớp dạng tệp (GeoPackage, shapefile, bảng tính…), ví dụ wards_2023 của dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Key as the tasks state it</source>
        <translation>Khóa như nhiệm vụ ghi</translation>
    </message>
    <message>
        <source>Key as the layer holds it</source>
        <translation>Khóa như lớp lưu</translation>
    </message>
</context>
<context>
    <name>RtExportDialog</name>
    <message>
        <source>Export the council map</source>
        <translation>Xuất bản đồ kỳ họp HĐND</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>The map layers (wards_2023, zones, sites, site_lines) the council map is drawn from</source>
        <translation>Các lớp bản đồ (wards_2023, zones, sites, site_lines) dùng để vẽ bản đồ kỳ họp</translation>
    </message>
    <message>
        <source>Map layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Hatched styles for black-and-white printers</source>
        <translation>Kiểu tô gạch cho máy in đen trắng</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Choose where to save the map.</source>
        <translation>Hãy chọn nơi lưu bản đồ.</translation>
    </message>
    <message>
        <source>The file name must end in .pdf or .png.</source>
        <translation>Tên tệp phải có đuôi .pdf hoặc .png.</translation>
    </message>
    <message>
        <source>Choose the map layers GeoPackage.</source>
        <translation>Hãy chọn tệp GeoPackage chứa các lớp bản đồ.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Wards and communes of 2023 (as the resolution names them)</source>
        <translation>Phường, xã năm 2023 (như Nghị quyết ghi)</translation>
    </message>
    <message>
        <source>Administrative units of 2025 (from 1/7/2025)</source>
        <translation>Đơn vị hành chính năm 2025 (từ 1/7/2025)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị hành chính</translation>
    </message>
    <message>
        <source>Replace the existing file</source>
        <translation>Thay thế tệp đã có</translation>
    </message>
    <message>
        <source>QGIS layout template (*.qpt)</source>
        <translation>Mẫu trình bày của QGIS (*.qpt)</translation>
    </message>
    <message>
        <source>Built-in layout</source>
        <translation>Mẫu trình bày có sẵn</translation>
    </message>
    <message>
        <source>Optional: a copy of the council map&apos;s layout template (council-map.qpt) edited in QGIS&apos;s layout designer, with the office&apos;s heading or emblem. Empty: the built-in layout.</source>
        <translation>Không bắt buộc: bản sao mẫu trình bày bản đồ kỳ họp (council-map.qpt) đã sửa trong trình thiết kế trình bày của QGIS, có tiêu đề hoặc biểu trưng của cơ quan. Để trống: dùng mẫu trình bày có sẵn.</translation>
    </message>
    <message>
        <source>Layout template</source>
        <translation>Mẫu trình bày</translation>
    </message>
    <message>
        <source>The layout template file does not exist.</source>
        <translation>Không tìm thấy tệp mẫu trình bày.</translation>
    </message>
    <message>
        <source>The file exists: tick the box above to replace it with the new map.</source>
        <translation>Tệp này đã có: đánh dấu ô phía trên để ghi bản đồ mới thay cho tệp cũ.</translation>
    </message>
    <message>
        <source>All resolutions</source>
        <translation>Tất cả nghị quyết</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Nghị quyết</translation>
    </message>
</context>
<context>
    <name>RtExportMapAlgorithm</name>
    <message>
        <source>Export the council map</source>
        <translation>Xuất bản đồ kỳ họp HĐND</translation>
    </message>
    <message>
        <source>resolution,council,session,map,status,pdf,png,layout</source>
        <translation>nghị quyết,HĐND,kỳ họp,bản đồ,trạng thái,pdf,png,bố cục in</translation>
    </message>
    <message>
        <source>Writes the council-session map of a resolution&apos;s tasks, coloured by status as of a date, to PDF or PNG.</source>
        <translation>Xuất bản đồ kỳ họp HĐND về các nhiệm vụ của nghị quyết, tô màu theo trạng thái tính đến một ngày, ra tệp PDF hoặc PNG.</translation>
    </message>
    <message>
        <source>Makes the map restrack export makes: an A3 landscape print layout with the resolution&apos;s number and the as-of date in the title, the city coloured by the status of its tasks, the legend, scale bar and north arrow, the counts by status, the overdue tasks and the sources (with the notice that schematic shapes are not legal boundaries), written to a PDF or PNG file (the file&apos;s suffix decides).

Map layers: the GeoPackage of the city&apos;s layers (wards_2023, wards_2025, zones, sites, …), opened read-only. Units: the wards and communes of 2023 (the resolution&apos;s own) or the administrative units of 2025 (the tasks&apos; 2023 codes translated through wards_2023&apos;s field gso_code_2025). Print: hatched styles that read on a black-and-white printer. Language: Vietnamese or English.

%1</source>
        <translation>Tạo bản đồ như lệnh restrack export: bố cục in khổ A3 ngang, tiêu đề có số nghị quyết và ngày tính trạng thái, thành phố được tô màu theo trạng thái các nhiệm vụ, chú giải, thước tỷ lệ và mũi tên chỉ hướng Bắc, số nhiệm vụ theo trạng thái, các nhiệm vụ quá hạn và nguồn dữ liệu (kèm lưu ý rằng hình vẽ sơ đồ không phải ranh giới pháp lý), ghi ra tệp PDF hoặc PNG (theo đuôi tên tệp).

Lớp bản đồ: tệp GeoPackage chứa các lớp của thành phố (wards_2023, wards_2025, zones, sites, …), chỉ mở để đọc. Đơn vị hành chính: phường, xã năm 2023 (như nghị quyết ghi) hoặc đơn vị hành chính năm 2025 (mã năm 2023 của nhiệm vụ được quy đổi qua trường gso_code_2025 của wards_2023). In: kiểu tô gạch đọc được trên máy in đen trắng. Ngôn ngữ: tiếng Việt hoặc tiếng Anh.

%1</translation>
    </message>
    <message>
        <source>Map layers (GeoPackage)</source>
        <translation>Lớp bản đồ (GeoPackage)</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg *.GPKG)</source>
        <translation>GeoPackage (*.gpkg *.GPKG)</translation>
    </message>
    <message>
        <source>Administrative units (2023 or 2025)</source>
        <translation>Đơn vị hành chính (2023 hoặc 2025)</translation>
    </message>
    <message>
        <source>Language of the map (vi or en)</source>
        <translation>Ngôn ngữ của bản đồ (vi: tiếng Việt, en: tiếng Anh)</translation>
    </message>
    <message>
        <source>Hatched styles for black-and-white printing</source>
        <translation>Kiểu tô gạch để in đen trắng</translation>
    </message>
    <message>
        <source>Council map (PDF or PNG)</source>
        <translation>Bản đồ kỳ họp (PDF hoặc PNG)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf *.PDF);;PNG files (*.png *.PNG)</source>
        <translation>Tệp PDF (*.pdf *.PDF);;Tệp PNG (*.png *.PNG)</translation>
    </message>
    <message>
        <source>Tasks on the map</source>
        <translation>Số nhiệm vụ trên bản đồ</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Số nhiệm vụ quá hạn</translation>
    </message>
    <message>
        <source>The council map was not written: %1</source>
        <translation>Chưa xuất được bản đồ kỳ họp: %1</translation>
    </message>
    <message>
        <source>Council map written: %1 (%2 tasks, %3 overdue, as of %4).</source>
        <translation>Đã xuất bản đồ kỳ họp: %1 (%2 nhiệm vụ, %3 quá hạn, tính đến ngày %4).</translation>
    </message>
</context>
<context>
    <name>RtExportTask</name>
    <message>
        <source>Council map as of %1</source>
        <translation>Bản đồ kỳ họp tính đến ngày %1</translation>
    </message>
    <message>
        <source>the export failed</source>
        <translation>xuất bản đồ không thành công</translation>
    </message>
</context>
<context>
    <name>RtExpressionFunctions</name>
    <message>
        <source>no register is open in Resolution Tracker</source>
        <translation>chưa mở sổ theo dõi nào trong Theo dõi Nghị quyết</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a date (YYYY-MM-DD)</source>
        <translation>%1: &apos;%2&apos; không phải là ngày (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>%1: no register is open in Resolution Tracker</source>
        <translation>%1: chưa mở sổ theo dõi nào trong Theo dõi Nghị quyết</translation>
    </message>
    <message>
        <source>Syntax</source>
        <translation>Cú pháp</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Tham số</translation>
    </message>
    <message>
        <source>a place key as the register writes it: &apos;ward:06715&apos;, &apos;zone:A3&apos;, &apos;site:hai-yen-ip&apos;, &apos;parcel:06715/12/345&apos;; or the key alone (&apos;A3&apos;, a field such as &quot;code&quot;) when only one kind of place has it. A number is read as a GSO code with its leading zeros (6715 is &apos;06715&apos;).</source>
        <translation>khóa địa điểm như sổ theo dõi ghi: &apos;ward:06715&apos;, &apos;zone:A3&apos;, &apos;site:hai-yen-ip&apos;, &apos;parcel:06715/12/345&apos;; hoặc chỉ khóa (&apos;A3&apos;, một trường như &quot;code&quot;) khi chỉ một loại địa điểm có khóa đó. Một số được đọc là mã đơn vị hành chính kèm các chữ số 0 ở đầu (6715 là &apos;06715&apos;).</translation>
    </message>
    <message>
        <source>optional: another date than the panel&apos;s (a date, or text &apos;YYYY-MM-DD&apos;); a date before the resolution is refused</source>
        <translation>tùy chọn: một ngày khác ngày của bảng nhiệm vụ (kiểu ngày, hoặc chuỗi &apos;YYYY-MM-DD&apos;); ngày trước ngày ban hành nghị quyết bị từ chối</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Ví dụ</translation>
    </message>
    <message>
        <source>The tasks are those of the register open in Resolution Tracker, with their status as of the panel&apos;s date; the answer is the one the join gives a feature of this place (restrack join, the Processing algorithm &quot;Join resolution tasks to a layer&quot;).</source>
        <translation>Các nhiệm vụ là của sổ theo dõi đang mở trong Theo dõi Nghị quyết, với trạng thái tính đến ngày của bảng nhiệm vụ; kết quả trùng với kết quả phép nối cho một đối tượng ở địa điểm này (restrack join, thuật toán Processing &quot;Nối nhiệm vụ của nghị quyết vào một lớp&quot;).</translation>
    </message>
    <message>
        <source>The status of the resolution&apos;s tasks at a place, the code the Resolution Tracker styles colour: none (no task names the place), not_started, in_progress, done, blocked, dropped, no_report or overdue.</source>
        <translation>Trạng thái các nhiệm vụ của nghị quyết tại một địa điểm, là mã mà các kiểu hiển thị của Theo dõi Nghị quyết tô màu: none (không nhiệm vụ nào ghi địa điểm này), not_started, in_progress, done, blocked, dropped, no_report hoặc overdue.</translation>
    </message>
    <message>
        <source>The ids of the tasks that name a place, comma-separated, in the register&apos;s order (empty when none does).</source>
        <translation>Mã các nhiệm vụ ghi địa điểm này, cách nhau bằng dấu phẩy, theo thứ tự trong sổ theo dõi (để trống khi không có nhiệm vụ nào).</translation>
    </message>
    <message>
        <source>The share of a place&apos;s tasks that are done, from 0 to 1: done / (tasks − dropped); 0 when no task names it.</source>
        <translation>Tỷ lệ nhiệm vụ đã hoàn thành của một địa điểm, từ 0 đến 1: số hoàn thành / (số nhiệm vụ − số không còn phù hợp); bằng 0 khi không nhiệm vụ nào ghi địa điểm này.</translation>
    </message>
</context>
<context>
    <name>RtImportReportDialog</name>
    <message>
        <source>Import an Office Report</source>
        <translation>Nhập báo cáo của cơ quan</translation>
    </message>
    <message>
        <source>Report forms (*.xlsx *.ods *.csv)</source>
        <translation>Phiếu báo cáo (*.xlsx *.ods *.csv)</translation>
    </message>
    <message>
        <source>Filled form</source>
        <translation>Phiếu đã điền</translation>
    </message>
    <message>
        <source>the office or person reporting</source>
        <translation>cơ quan hoặc người báo cáo</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Người báo cáo</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>What it records, or why it is refused</source>
        <translation>Nội dung sẽ ghi, hoặc lý do bị từ chối</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Ghi vào sổ</translation>
    </message>
    <message>
        <source>No register is open.</source>
        <translation>Chưa mở sổ theo dõi nào.</translation>
    </message>
    <message>
        <source>Choose the filled form.</source>
        <translation>Hãy chọn phiếu đã điền.</translation>
    </message>
    <message>
        <source>Say who reports (the office or person).</source>
        <translation>Hãy ghi người báo cáo (cơ quan hoặc cá nhân).</translation>
    </message>
    <message>
        <source>Recorded: %1 status and %2 value history rows.</source>
        <translation>Đã ghi: %1 dòng lịch sử trạng thái và %2 dòng giá trị đo được.</translation>
    </message>
    <message>
        <source>%1 of %2 reported rows are refused: nothing can be recorded until they are corrected.</source>
        <translation>%1 trong %2 dòng báo cáo bị từ chối: chưa ghi được gì cho đến khi sửa xong.</translation>
    </message>
    <message>
        <source>%1 reported rows can be recorded.</source>
        <translation>Có thể ghi %1 dòng báo cáo.</translation>
    </message>
</context>
<context>
    <name>RtJoinTasksAlgorithm</name>
    <message>
        <source>Join resolution tasks to a layer</source>
        <translation>Nối nhiệm vụ của nghị quyết vào một lớp</translation>
    </message>
    <message>
        <source>resolution,task,status,join,ward,zone,parcel,council</source>
        <translation>nghị quyết,nhiệm vụ,trạng thái,nối,phường,xã,phân khu,thửa đất,HĐND</translation>
    </message>
    <message>
        <source>Gives every feature of a layer the aggregated status of the resolution tasks that name its place.</source>
        <translation>Gán cho mỗi đối tượng của một lớp trạng thái tổng hợp của các nhiệm vụ nghị quyết ghi địa điểm của đối tượng đó.</translation>
    </message>
    <message>
        <source>Joins the tasks of a resolution&apos;s register to the features of any vector layer by a place key, as restrack join does, and writes the layer with four more fields: rt_status (the status code the Resolution Tracker styles colour: none, not_started, in_progress, done, blocked, dropped, no_report, overdue), rt_tasks (the ids of the feature&apos;s tasks), rt_share_done (done tasks / tasks not dropped, 0 to 1) and rt_as_of. Fields of those names in the input are replaced.

Place kind: which places of the tasks the layer holds (ward or commune, zoning zone, site, cadastral parcel). Key fields: the field that holds the place&apos;s code or name, or for parcels the commune code, map sheet and parcel number fields. Match by code compares codes (GSO codes in numeric fields get their leading zeros back); match by name compares Vietnamese place names however they are spelled (&quot;Hải Hòa&quot;, &quot;Hải Hoà&quot;, &quot;P. Hai Hoa&quot;).

Key map (optional): when the layer holds other units than the tasks name (the units of 2025 for tasks written in the communes of 2023), a table and two of its fields translating the tasks&apos; keys into the layer&apos;s; a key the map lacks is reported as unmatched, never guessed.

Every task link that matches no feature, and every key that matches several features (it then counts for none), is listed in the log and counted in the outputs UNMATCHED and AMBIGUOUS.

%1</source>
        <translation>Nối các nhiệm vụ trong sổ theo dõi của một nghị quyết với các đối tượng của bất kỳ lớp vector nào theo khóa địa điểm, như lệnh restrack join, và ghi ra lớp có thêm bốn trường: rt_status (mã trạng thái mà các kiểu hiển thị của Theo dõi Nghị quyết tô màu: none, not_started, in_progress, done, blocked, dropped, no_report, overdue), rt_tasks (mã các nhiệm vụ của đối tượng), rt_share_done (số nhiệm vụ hoàn thành / số nhiệm vụ còn phù hợp, từ 0 đến 1) và rt_as_of. Các trường trùng tên trong lớp đầu vào được thay thế.

Loại địa điểm: lớp chứa loại địa điểm nào của nhiệm vụ (phường, xã; phân khu quy hoạch; công trình, khu vực; thửa đất). Trường khóa: trường chứa mã hoặc tên địa điểm, hoặc với thửa đất là các trường mã xã, số tờ bản đồ và số thửa. So khớp theo mã so sánh các mã (mã đơn vị hành chính trong trường kiểu số được bổ sung lại các chữ số 0 ở đầu); so khớp theo tên so sánh tên địa danh tiếng Việt dù viết theo cách nào (&quot;Hải Hòa&quot;, &quot;Hải Hoà&quot;, &quot;P. Hai Hoa&quot;).

Bảng quy đổi khóa (tùy chọn): khi lớp chứa đơn vị khác với đơn vị nhiệm vụ ghi (đơn vị hành chính năm 2025 cho nhiệm vụ ghi theo xã, phường năm 2023), một bảng và hai trường của bảng để quy đổi khóa của nhiệm vụ sang khóa của lớp; khóa không có trong bảng được báo là không khớp, không bao giờ đoán.

Mọi liên kết nhiệm vụ không khớp với đối tượng nào và mọi khóa khớp với nhiều đối tượng (khi đó không tính cho đối tượng nào) đều được liệt kê trong nhật ký và đếm trong các kết quả UNMATCHED và AMBIGUOUS.

%1</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Place kind (ward, zone, site, parcel)</source>
        <translation>Loại địa điểm (ward: phường, xã; zone: phân khu; site: công trình, khu vực; parcel: thửa đất)</translation>
    </message>
    <message>
        <source>Key field(s): code or name; commune, sheet and parcel for parcels</source>
        <translation>Trường khóa: mã hoặc tên; với thửa đất là mã xã, số tờ và số thửa</translation>
    </message>
    <message>
        <source>Match by (code or name)</source>
        <translation>So khớp theo (code: mã, name: tên)</translation>
    </message>
    <message>
        <source>Key map table (optional)</source>
        <translation>Bảng quy đổi khóa (tùy chọn)</translation>
    </message>
    <message>
        <source>Key map: field of the tasks&apos; keys</source>
        <translation>Bảng quy đổi khóa: trường khóa như nhiệm vụ ghi</translation>
    </message>
    <message>
        <source>Key map: field of the layer&apos;s keys</source>
        <translation>Bảng quy đổi khóa: trường khóa như lớp lưu</translation>
    </message>
    <message>
        <source>Layer with task status</source>
        <translation>Lớp kèm trạng thái nhiệm vụ</translation>
    </message>
    <message>
        <source>Features written</source>
        <translation>Số đối tượng đã ghi</translation>
    </message>
    <message>
        <source>Features with tasks</source>
        <translation>Số đối tượng có nhiệm vụ</translation>
    </message>
    <message>
        <source>Task links that matched no feature</source>
        <translation>Số liên kết nhiệm vụ không khớp với đối tượng nào</translation>
    </message>
    <message>
        <source>Keys that matched several features</source>
        <translation>Số khóa khớp với nhiều đối tượng</translation>
    </message>
    <message>
        <source>The place kind must be one of %1, not &apos;%2&apos;.</source>
        <translation>Loại địa điểm phải là một trong %1, không phải &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>%1: choose 1 to 3 key fields, not %2.</source>
        <translation>%1: hãy chọn từ 1 đến 3 trường khóa, không phải %2.</translation>
    </message>
    <message>
        <source>Layer %1 has no field &apos;%2&apos;; its fields: %3</source>
        <translation>Lớp %1 không có trường &apos;%2&apos;; các trường của lớp: %3</translation>
    </message>
    <message>
        <source>Layer %1 is not where the register&apos;s places are: %2 (Layer Properties › Source › Assigned CRS)</source>
        <translation>Lớp %1 không nằm ở nơi có các địa điểm của sổ theo dõi: %2 (Thuộc tính lớp › Nguồn › Hệ tọa độ được gán)</translation>
    </message>
    <message>
        <source>A key map needs its two fields: the tasks&apos; keys (e.g. gso_code) and the layer&apos;s (e.g. gso_code_2025).</source>
        <translation>Bảng quy đổi khóa cần hai trường: khóa như nhiệm vụ ghi (ví dụ gso_code) và khóa như lớp lưu (ví dụ gso_code_2025).</translation>
    </message>
    <message>
        <source>The key map %1 must be a file layer (GeoPackage, shapefile, …), not a %2 layer.</source>
        <translation>Bảng quy đổi khóa %1 phải là lớp dạng tệp (GeoPackage, shapefile, …), không phải lớp %2.</translation>
    </message>
    <message>
        <source>The key map cannot be read: %1</source>
        <translation>Không đọc được bảng quy đổi khóa: %1</translation>
    </message>
    <message>
        <source>The key map %1 (%2 → %3) is empty.</source>
        <translation>Bảng quy đổi khóa %1 (%2 → %3) trống.</translation>
    </message>
    <message>
        <source>%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)</source>
        <translation>%1: trường %2 là kiểu số; mã đơn vị hành chính được đọc kèm các chữ số 0 ở đầu (5 chữ số)</translation>
    </message>
    <message>
        <source>%1: %2 features, %3 with tasks, status as of %4.</source>
        <translation>%1: %2 đối tượng, %3 đối tượng có nhiệm vụ, trạng thái tính đến ngày %4.</translation>
    </message>
    <message>
        <source>Every task link of kind %1 matched a feature.</source>
        <translation>Mọi liên kết nhiệm vụ loại %1 đều khớp với một đối tượng.</translation>
    </message>
    <message numerus="yes">
        <source>%n task link(s) matched no feature:</source>
        <translation>
            <numerusform>%n liên kết nhiệm vụ không khớp với đối tượng nào:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) matched several features and count for none of them:</source>
        <translation>
            <numerusform>%n khóa khớp với nhiều đối tượng và không được tính cho đối tượng nào:</numerusform>
        </translation>
    </message>
    <message>
        <source>The register keys its %1 places by code (&quot;%1:%2&quot;): match by code on the layer&apos;s code field.</source>
        <translation>Sổ theo dõi ghi các địa điểm loại %1 theo mã (&quot;%1:%2&quot;): hãy so khớp theo mã trên trường mã của lớp.</translation>
    </message>
</context>
<context>
    <name>RtKeyReadTask</name>
    <message>
        <source>Resolution Tracker: reading the keys of %1</source>
        <translation>Theo dõi Nghị quyết: đang đọc khóa của %1</translation>
    </message>
</context>
<context>
    <name>RtKeyReader</name>
    <message>
        <source>the layer is not available</source>
        <translation>lớp không khả dụng</translation>
    </message>
    <message>
        <source>%1: bind 1 to 3 key fields, not %2</source>
        <translation>%1: cần liên kết từ 1 đến 3 trường khóa, không phải %2</translation>
    </message>
    <message>
        <source>layer %1 is not where Móng Cái is: %2 (Layer Properties › Source › Assigned CRS)</source>
        <translation>lớp %1 không nằm ở Móng Cái: %2 (Thuộc tính lớp › Nguồn › Hệ tọa độ được gán)</translation>
    </message>
    <message>
        <source>layer %1 has no field &apos;%2&apos;; its fields: %3</source>
        <translation>lớp %1 không có trường &apos;%2&apos;; các trường của lớp: %3</translation>
    </message>
    <message>
        <source>%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)</source>
        <translation>%1: trường %2 là kiểu số; mã đơn vị hành chính được đọc kèm các chữ số 0 ở đầu (5 chữ số)</translation>
    </message>
    <message>
        <source>layer %1: the key map cannot be read: %2</source>
        <translation>lớp %1: không đọc được bảng quy đổi khóa: %2</translation>
    </message>
    <message>
        <source>layer %1: the key map %2 (%3 → %4) is empty</source>
        <translation>lớp %1: bảng quy đổi khóa %2 (%3 → %4) trống</translation>
    </message>
</context>
<context>
    <name>RtLayerBinding</name>
    <message>
        <source>Resolution Tracker: status of the feature&apos;s tasks (computed)</source>
        <translation>Theo dõi Nghị quyết: trạng thái các nhiệm vụ của đối tượng (tính toán)</translation>
    </message>
</context>
<context>
    <name>RtPlaceStatusIndex</name>
    <message>
        <source>&apos;%1&apos; names places of several kinds (%2): write the kind, e.g. &apos;%3:%1&apos;</source>
        <translation>&apos;%1&apos; là khóa của nhiều loại địa điểm (%2): hãy ghi cả loại, ví dụ &apos;%3:%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: unknown place kind &apos;%2&apos; (use %3)</source>
        <translation>&apos;%1&apos;: không có loại địa điểm &apos;%2&apos; (dùng %3)</translation>
    </message>
</context>
<context>
    <name>RtPlugin</name>
    <message>
        <source>About Resolution Tracker</source>
        <translation>Giới thiệu Theo dõi Nghị quyết</translation>
    </message>
    <message>
        <source>&amp;Resolution Tracker</source>
        <translation>&amp;Theo dõi Nghị quyết</translation>
    </message>
    <message>
        <source>%1
Statuses: %2</source>
        <translation>%1
Các trạng thái: %2</translation>
    </message>
    <message>
        <source>Resolution Tracker Panel</source>
        <translation>Bảng Theo dõi Nghị quyết</translation>
    </message>
    <message>
        <source>Show or hide the tasks of the resolution</source>
        <translation>Hiện hoặc ẩn các nhiệm vụ của nghị quyết</translation>
    </message>
    <message>
        <source>Open a Register…</source>
        <translation>Mở sổ theo dõi…</translation>
    </message>
    <message>
        <source>Bind a Layer…</source>
        <translation>Liên kết lớp…</translation>
    </message>
    <message>
        <source>Export the Council Map…</source>
        <translation>Xuất bản đồ kỳ họp HĐND…</translation>
    </message>
    <message>
        <source>Tasks of a Feature</source>
        <translation>Nhiệm vụ của đối tượng</translation>
    </message>
    <message>
        <source>Click a feature of a bound layer to list its tasks</source>
        <translation>Nhấp vào một đối tượng của lớp đã liên kết để xem các nhiệm vụ của nó</translation>
    </message>
    <message>
        <source>A bound layer could not be restored: %1</source>
        <translation>Không khôi phục được một lớp đã liên kết: %1</translation>
    </message>
    <message>
        <source>No register is open (%1).</source>
        <translation>Chưa mở sổ theo dõi nào (%1).</translation>
    </message>
    <message>
        <source>Open a Register</source>
        <translation>Mở sổ theo dõi</translation>
    </message>
    <message>
        <source>Resolution Tracker register (*.gpkg)</source>
        <translation>Sổ theo dõi nghị quyết (*.gpkg)</translation>
    </message>
    <message>
        <source>Cannot open the register: %1</source>
        <translation>Không mở được sổ theo dõi: %1</translation>
    </message>
    <message>
        <source>Register %1 opened; the project remembers it.</source>
        <translation>Đã mở sổ theo dõi %1; dự án sẽ ghi nhớ sổ này.</translation>
    </message>
    <message>
        <source>Open a register first.</source>
        <translation>Hãy mở một sổ theo dõi trước.</translation>
    </message>
    <message>
        <source>Council map written: %1</source>
        <translation>Đã xuất bản đồ kỳ họp: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>The council map was not written: %1</source>
        <translation>Chưa xuất được bản đồ kỳ họp: %1</translation>
    </message>
    <message>
        <source>Resolution Tracker</source>
        <translation>Theo dõi Nghị quyết</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>A layer could not be bound: %1</source>
        <translation>Không gắn được một lớp: %1</translation>
    </message>
    <message>
        <source>%1 is bound: its features show their tasks&apos; status.</source>
        <translation>Đã gắn %1: các đối tượng hiển thị trạng thái nhiệm vụ của chúng.</translation>
    </message>
    <message>
        <source>Directive Items Colour Places Too</source>
        <translation>Tô màu cả theo các mục chỉ đạo chung</translation>
    </message>
    <message>
        <source>Off: a place is coloured by the concrete commitments that name it, and by directive items only where no commitment names it. On: by every task that names it, directive items included.</source>
        <translation>Tắt: một địa bàn được tô màu theo các nhiệm vụ cụ thể gắn với nó, theo mục chỉ đạo chung chỉ khi không có nhiệm vụ cụ thể nào. Bật: theo mọi nhiệm vụ gắn với nó, kể cả các mục chỉ đạo chung.</translation>
    </message>
    <message>
        <source>Session Pack…</source>
        <translation>Tài liệu kỳ họp…</translation>
    </message>
    <message>
        <source>Session pack written (%1 pages): %2</source>
        <translation>Đã tạo tài liệu kỳ họp (%1 trang): %2</translation>
    </message>
    <message>
        <source>The session pack was not written: %1</source>
        <translation>Chưa tạo được tài liệu kỳ họp: %1</translation>
    </message>
    <message>
        <source>Add a Resolution…</source>
        <translation>Thêm nghị quyết…</translation>
    </message>
    <message>
        <source>Add a resolution&apos;s text and its tasks to the open register</source>
        <translation>Thêm văn bản một nghị quyết và các nhiệm vụ của nó vào sổ theo dõi đang mở</translation>
    </message>
    <message>
        <source>Resolution %1 added to the register.</source>
        <translation>Đã thêm Nghị quyết %1 vào sổ theo dõi.</translation>
    </message>
    <message>
        <source>%1 more changes made at other desks were read.</source>
        <translation>Đã đọc thêm %1 thay đổi do người dùng khác thực hiện.</translation>
    </message>
    <message>
        <source>The register server is unreachable; showing the state read at %1; reconnecting…</source>
        <translation>Không kết nối được máy chủ sổ theo dõi; đang hiển thị tình trạng đọc lúc %1; đang kết nối lại…</translation>
    </message>
    <message>
        <source>The register server is reachable again; the tasks were read again.</source>
        <translation>Đã kết nối lại máy chủ sổ theo dõi; các nhiệm vụ đã được đọc lại.</translation>
    </message>
    <message>
        <source>Import an Office Report…</source>
        <translation>Nhập báo cáo của cơ quan…</translation>
    </message>
    <message>
        <source>Record an office&apos;s filled report form (made by restrack report-form): every row or none</source>
        <translation>Ghi phiếu báo cáo đã điền của một cơ quan (lập bằng restrack report-form): ghi tất cả các dòng hoặc không ghi dòng nào</translation>
    </message>
    <message>
        <source>Open a Register on a Server…</source>
        <translation>Mở sổ theo dõi trên máy chủ…</translation>
    </message>
    <message>
        <source>Open a register kept on a PostgreSQL server, shared by several desks</source>
        <translation>Mở sổ theo dõi lưu trên máy chủ PostgreSQL, dùng chung cho nhiều bàn làm việc</translation>
    </message>
    <message>
        <source>Register on %1 opened; the project remembers the connection (no password).</source>
        <translation>Đã mở sổ theo dõi trên %1; dự án ghi nhớ kết nối (không lưu mật khẩu).</translation>
    </message>
</context>
<context>
    <name>RtPluginMetadata</name>
    <message>
        <source>Resolution Tracker</source>
        <translation>Theo dõi Nghị quyết</translation>
    </message>
    <message>
        <source>A council resolution&apos;s tasks on the map, coloured by status, with the council map and the session pack</source>
        <translation>Các nhiệm vụ của nghị quyết HĐND trên bản đồ, tô màu theo trạng thái, cùng bản đồ kỳ họp và tài liệu kỳ họp</translation>
    </message>
</context>
<context>
    <name>RtProcessingAlgorithm</name>
    <message>
        <source>Register (Resolution Tracker GeoPackage)</source>
        <translation>Sổ theo dõi (tệp GeoPackage của Theo dõi Nghị quyết)</translation>
    </message>
    <message>
        <source>Resolution Tracker register (*.gpkg *.GPKG);;All files (*)</source>
        <translation>Sổ theo dõi nghị quyết (*.gpkg *.GPKG);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Status as of (empty: today)</source>
        <translation>Trạng thái tính đến ngày (để trống: hôm nay)</translation>
    </message>
    <message>
        <source>The as-of date &apos;%1&apos; is not a date; write it as YYYY-MM-DD (for example 2026-11-26).</source>
        <translation>Ngày tính trạng thái &apos;%1&apos; không phải là ngày; hãy viết theo dạng YYYY-MM-DD (ví dụ 2026-11-26).</translation>
    </message>
    <message>
        <source>The register cannot be opened: %1</source>
        <translation>Không mở được sổ theo dõi: %1</translation>
    </message>
    <message>
        <source>The tasks cannot be read as of %1: %2</source>
        <translation>Không đọc được các nhiệm vụ tính đến ngày %1: %2</translation>
    </message>
    <message>
        <source>The register is a Resolution Tracker GeoPackage (made by restrack build-register, or the one the plugin opens); it is opened read-only. The statuses are those recorded on or before the as-of date (empty: today); a date before the resolution is refused.</source>
        <translation>Sổ theo dõi là tệp GeoPackage của Theo dõi Nghị quyết (tạo bằng restrack build-register, hoặc sổ mà plugin đang mở); sổ chỉ được mở để đọc. Trạng thái là trạng thái đã ghi nhận vào hoặc trước ngày tính trạng thái (để trống: hôm nay); ngày trước ngày ban hành nghị quyết bị từ chối.</translation>
    </message>
</context>
<context>
    <name>RtProcessingProvider</name>
    <message>
        <source>Resolution Tracker</source>
        <translation>Theo dõi Nghị quyết</translation>
    </message>
    <message>
        <source>Resolution Tracker: a council resolution&apos;s tasks on the map</source>
        <translation>Theo dõi Nghị quyết: các nhiệm vụ của nghị quyết HĐND trên bản đồ</translation>
    </message>
</context>
<context>
    <name>RtServerDialog</name>
    <message>
        <source>Open a Register on a Server</source>
        <translation>Mở sổ theo dõi trên máy chủ</translation>
    </message>
    <message>
        <source>(written below)</source>
        <translation>(nhập bên dưới)</translation>
    </message>
    <message>
        <source>QGIS connection</source>
        <translation>Kết nối của QGIS</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Xác thực</translation>
    </message>
    <message>
        <source>Without an authentication configuration the user name comes from the connection or pg_service.conf and the password from ~/.pgpass. The project keeps the connection, never a password.</source>
        <translation>Không có cấu hình xác thực thì tên người dùng lấy từ kết nối hoặc pg_service.conf và mật khẩu từ ~/.pgpass. Dự án chỉ lưu kết nối, không bao giờ lưu mật khẩu.</translation>
    </message>
    <message>
        <source>Give a server&apos;s connection: service=NAME, host=… dbname=…, or postgresql://host/database.</source>
        <translation>Hãy nhập kết nối tới máy chủ: service=TÊN, host=… dbname=…, hoặc postgresql://máy-chủ/cơ-sở-dữ-liệu.</translation>
    </message>
    <message>
        <source>Cannot open the register: %1</source>
        <translation>Không mở được sổ theo dõi: %1</translation>
    </message>
</context>
<context>
    <name>RtSessionPackAlgorithm</name>
    <message>
        <source>Make the session pack</source>
        <translation>Tạo tài liệu kỳ họp</translation>
    </message>
    <message>
        <source>resolution,council,session,pack,atlas,report,pdf,xlsx</source>
        <translation>nghị quyết,HĐND,kỳ họp,tài liệu,tập bản đồ,báo cáo,pdf,xlsx</translation>
    </message>
    <message>
        <source>Writes the council session pack: one PDF with the overview, the changes since the last session, the figures, a page per ward and zone, the land cases and all tasks.</source>
        <translation>Tạo tài liệu kỳ họp HĐND: một tệp PDF gồm tổng quan, các thay đổi từ kỳ họp trước, các chỉ tiêu, một trang cho mỗi phường, xã và phân khu, các vụ việc đất đai và toàn bộ nhiệm vụ.</translation>
    </message>
    <message>
        <source>Makes the pack restrack session-pack makes: a cover, an overview (tasks by status and category, the status of all tasks month by month, the city map as of the session date), what changed since the last session (status changes with date, who and evidence; tasks newly overdue and newly done), the figures the resolution set, a page per ward or commune and per planning zone (its map and its tasks), the land cases (aggregates only) and an appendix of all tasks.

Session date: the statuses are as of it. Last session: optional; without it the pack says it has no earlier session to compare with. Template: a folder with edited copies of the pack&apos;s layout templates (pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt), or one .qpt for the cover. Cadastre: a layer with the fields case_id, dossier_status and parcel_id; no other field is read and only counts are printed. Tables: the same tables as an XLSX workbook.

%1</source>
        <translation>Tạo tài liệu như lệnh restrack session-pack: trang bìa, tổng quan (nhiệm vụ theo trạng thái và lĩnh vực, trạng thái toàn bộ nhiệm vụ theo tháng, bản đồ thành phố tính đến ngày kỳ họp), các thay đổi từ kỳ họp trước (thay đổi trạng thái kèm ngày, người báo cáo và căn cứ; nhiệm vụ mới quá hạn và mới hoàn thành), các chỉ tiêu nghị quyết đặt ra, một trang cho mỗi phường, xã và mỗi phân khu quy hoạch (bản đồ và các nhiệm vụ), các vụ việc đất đai (chỉ số liệu tổng hợp) và phụ lục toàn bộ nhiệm vụ.

Ngày kỳ họp: trạng thái tính đến ngày này. Kỳ họp trước: không bắt buộc; nếu không có, tài liệu ghi rõ không có kỳ họp trước để so sánh. Mẫu trình bày: một thư mục chứa bản sao đã sửa của các mẫu (pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt), hoặc một tệp .qpt cho trang bìa. Lớp địa chính: lớp có các trường case_id, dossier_status và parcel_id; không đọc trường nào khác và chỉ in số liệu đếm. Bảng: các bảng đó dưới dạng sổ tính XLSX.

%1</translation>
    </message>
    <message>
        <source>Map layers (GeoPackage)</source>
        <translation>Lớp bản đồ (GeoPackage)</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg *.GPKG)</source>
        <translation>GeoPackage (*.gpkg *.GPKG)</translation>
    </message>
    <message>
        <source>Session date (empty: today)</source>
        <translation>Ngày kỳ họp (để trống: hôm nay)</translation>
    </message>
    <message>
        <source>Date of the last session (optional)</source>
        <translation>Ngày kỳ họp trước (không bắt buộc)</translation>
    </message>
    <message>
        <source>Administrative units (2023 or 2025)</source>
        <translation>Đơn vị hành chính (2023 hoặc 2025)</translation>
    </message>
    <message>
        <source>Language of the pack (vi or en)</source>
        <translation>Ngôn ngữ của tài liệu (vi: tiếng Việt, en: tiếng Anh)</translation>
    </message>
    <message>
        <source>Directive items colour places that commitments name too</source>
        <translation>Tô màu cả theo các mục chỉ đạo chung ở nơi đã có nhiệm vụ cụ thể</translation>
    </message>
    <message>
        <source>Layout templates (a folder, or one .qpt for the cover)</source>
        <translation>Mẫu trình bày (một thư mục, hoặc một tệp .qpt cho trang bìa)</translation>
    </message>
    <message>
        <source>Cadastre layer (PATH|layername=NAME)</source>
        <translation>Lớp địa chính (ĐƯỜNG_DẪN|layername=TÊN)</translation>
    </message>
    <message>
        <source>Session pack (PDF)</source>
        <translation>Tài liệu kỳ họp (PDF)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf *.PDF)</source>
        <translation>Tệp PDF (*.pdf *.PDF)</translation>
    </message>
    <message>
        <source>Tables (XLSX)</source>
        <translation>Các bảng (XLSX)</translation>
    </message>
    <message>
        <source>XLSX files (*.xlsx *.XLSX)</source>
        <translation>Tệp XLSX (*.xlsx *.XLSX)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>The date of the last session &apos;%1&apos; is not a date (YYYY-MM-DD).</source>
        <translation>Ngày kỳ họp trước &apos;%1&apos; không phải là ngày (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>The session pack was not written: %1</source>
        <translation>Chưa tạo được tài liệu kỳ họp: %1</translation>
    </message>
    <message>
        <source>Session pack written: %1 (%2 pages, %3 places, as of %4).</source>
        <translation>Đã tạo tài liệu kỳ họp: %1 (%2 trang, %3 địa bàn, tính đến ngày %4).</translation>
    </message>
</context>
<context>
    <name>RtSessionPackDialog</name>
    <message>
        <source>Make the session pack</source>
        <translation>Tạo tài liệu kỳ họp</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>No workbook</source>
        <translation>Không xuất sổ tính</translation>
    </message>
    <message>
        <source>Optional: the pack&apos;s tables as an XLSX workbook, one sheet each, for pasting into Word</source>
        <translation>Tùy chọn: các bảng của tài liệu kỳ họp dưới dạng sổ tính XLSX, mỗi bảng một trang tính, để dán vào Word</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Các bảng</translation>
    </message>
    <message>
        <source>Replace the existing files</source>
        <translation>Thay các tệp đã có</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Ngày kỳ họp</translation>
    </message>
    <message>
        <source>List what changed since the last session, held on</source>
        <translation>Liệt kê thay đổi từ kỳ họp trước, họp ngày</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Wards and communes of 2023 (as the resolution names them)</source>
        <translation>Phường, xã năm 2023 (như Nghị quyết ghi)</translation>
    </message>
    <message>
        <source>Administrative units of 2025 (from 1/7/2025)</source>
        <translation>Đơn vị hành chính năm 2025 (từ 1/7/2025)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị hành chính</translation>
    </message>
    <message>
        <source>Built-in layouts</source>
        <translation>Mẫu trang in có sẵn</translation>
    </message>
    <message>
        <source>Optional: a folder with the office&apos;s edited copies of some of the pack&apos;s layout templates (pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt); the others stay built in.</source>
        <translation>Tùy chọn: thư mục chứa bản sao đã sửa của cơ quan cho một số mẫu trang in của tài liệu kỳ họp (pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt); các mẫu khác dùng bản có sẵn.</translation>
    </message>
    <message>
        <source>Layout templates</source>
        <translation>Mẫu trang in</translation>
    </message>
    <message>
        <source>Vector layers (*.gpkg *.shp *.geojson);;All files (*)</source>
        <translation>Lớp vector (*.gpkg *.shp *.geojson);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>No cadastre</source>
        <translation>Không dùng dữ liệu địa chính</translation>
    </message>
    <message>
        <source>Optional: parcels with the fields case_id, dossier_status and parcel_id (add |layername=NAME for one layer of a GeoPackage). Only these fields are read and only counts are printed: no owner&apos;s name.</source>
        <translation>Tùy chọn: các thửa đất có trường case_id, dossier_status và parcel_id (thêm |layername=TÊN để chọn một lớp của GeoPackage). Chỉ đọc các trường này và chỉ in số lượng: không có tên chủ sử dụng.</translation>
    </message>
    <message>
        <source>Cadastre of the land cases</source>
        <translation>Địa chính của các vụ việc đất đai</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Choose where to save the pack.</source>
        <translation>Chọn nơi lưu tài liệu kỳ họp.</translation>
    </message>
    <message>
        <source>The pack&apos;s file name must end in .pdf.</source>
        <translation>Tên tệp tài liệu kỳ họp phải có đuôi .pdf.</translation>
    </message>
    <message>
        <source>The workbook&apos;s file name must end in .xlsx.</source>
        <translation>Tên tệp sổ tính phải có đuôi .xlsx.</translation>
    </message>
    <message>
        <source>The last session must come before this one.</source>
        <translation>Kỳ họp trước phải diễn ra trước kỳ họp này.</translation>
    </message>
    <message>
        <source>The layout templates folder does not exist.</source>
        <translation>Thư mục mẫu trang in không tồn tại.</translation>
    </message>
    <message>
        <source>The cadastre file does not exist.</source>
        <translation>Tệp địa chính không tồn tại.</translation>
    </message>
    <message>
        <source>A file exists: tick the box above to replace it.</source>
        <translation>Tệp đã tồn tại: đánh dấu ô ở trên để thay tệp đó.</translation>
    </message>
</context>
<context>
    <name>RtSessionPackTask</name>
    <message>
        <source>Session pack as of %1</source>
        <translation>Tài liệu kỳ họp tính đến ngày %1</translation>
    </message>
    <message>
        <source>the session pack failed</source>
        <translation>không tạo được tài liệu kỳ họp</translation>
    </message>
</context>
<context>
    <name>RtStatusDialog</name>
    <message>
        <source>Change the status of %1</source>
        <translation>Cập nhật trạng thái của %1</translation>
    </message>
    <message>
        <source>%1 — %2
Now: %3 (since %4)</source>
        <translation>%1 — %2
Hiện tại: %3 (từ ngày %4)</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Trạng thái mới</translation>
    </message>
    <message>
        <source>The date the new status holds from</source>
        <translation>Ngày trạng thái mới bắt đầu có hiệu lực</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Person or office making the change (required)</source>
        <translation>Người hoặc cơ quan cập nhật (bắt buộc)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người cập nhật</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>e.g. a decision number: QĐ 1234/QĐ-UBND</source>
        <translation>ví dụ số quyết định: QĐ 1234/QĐ-UBND</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <source>Choose a status other than the current one.</source>
        <translation>Hãy chọn một trạng thái khác trạng thái hiện tại.</translation>
    </message>
    <message>
        <source>Say who makes the change.</source>
        <translation>Hãy ghi rõ ai cập nhật.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RtTaskDock</name>
    <message>
        <source>Resolution Tracker</source>
        <translation>Theo dõi Nghị quyết</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <source>Statuses, overdue flags and map colours are shown as they stood on this date</source>
        <translation>Trạng thái, cảnh báo quá hạn và màu trên bản đồ được hiển thị như tại ngày này</translation>
    </message>
    <message>
        <source>Search tasks (accents and case ignored)</source>
        <translation>Tìm nhiệm vụ (không phân biệt dấu, chữ hoa/thường)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>Cơ quan chủ trì</translation>
    </message>
    <message>
        <source>Ward, commune, zone or site</source>
        <translation>Phường, xã, phân khu hoặc công trình</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Chỉ nhiệm vụ quá hạn</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>Clear every filter and the search</source>
        <translation>Bỏ mọi bộ lọc và từ khóa tìm kiếm</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Cập nhật trạng thái…</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Nghị quyết</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Bind a layer…</source>
        <translation>Liên kết lớp…</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người cập nhật</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>Thời điểm ghi (UTC)</translation>
    </message>
    <message numerus="yes">
        <source>Resolution %1 of %2 — %n task(s)</source>
        <translation>
            <numerusform>Nghị quyết %1 ngày %2 — %n nhiệm vụ</numerusform>
        </translation>
    </message>
    <message>
        <source>No register is open: use Plugins ▸ Resolution Tracker ▸ Open a register…</source>
        <translation>Chưa mở sổ theo dõi nào: dùng Các phần mở rộng ▸ Theo dõi Nghị quyết ▸ Mở sổ theo dõi…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <source>All responsible bodies</source>
        <translation>Mọi cơ quan chủ trì</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Mọi địa điểm</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n nhiệm vụ</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation>%1 trên %2 nhiệm vụ</translation>
    </message>
    <message>
        <source>Task %1 is on no feature of the bound layers.</source>
        <translation>Nhiệm vụ %1 không gắn với đối tượng nào của các lớp đã liên kết.</translation>
    </message>
    <message>
        <source>No task of the resolution is on this feature of %1.</source>
        <translation>Đối tượng này của lớp %1 không có nhiệm vụ nào của nghị quyết.</translation>
    </message>
    <message>
        <source>No layer is bound. Bind a layer of the project to see its features coloured by the status of their tasks.</source>
        <translation>Chưa có lớp nào được liên kết. Hãy liên kết một lớp của dự án để tô màu các đối tượng theo trạng thái nhiệm vụ của chúng.</translation>
    </message>
    <message>
        <source>Select a task to see its clause, the quote from the resolution, its deadline and its history.</source>
        <translation>Chọn một nhiệm vụ để xem điều khoản, đoạn trích từ nghị quyết, thời hạn và lịch sử cập nhật.</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Điều khoản</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Status on %1</source>
        <translation>Trạng thái ngày %1</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Trạng thái hiện tại</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>no register is open</source>
        <translation>chưa mở sổ theo dõi nào</translation>
    </message>
    <message>
        <source>Task %1 is now “%2” (since %3).</source>
        <translation>Nhiệm vụ %1 nay là “%2” (từ ngày %3).</translation>
    </message>
    <message>
        <source>Not recorded: task %1 was changed by someone else meanwhile; it is now “%2”. The panel shows it as it is now; make your change again if it still holds.</source>
        <translation>Chưa ghi nhận: nhiệm vụ %1 vừa được người khác cập nhật, nay là “%2”. Bảng đã hiển thị trạng thái mới nhất; hãy cập nhật lại nếu thay đổi của bạn vẫn đúng.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Chưa ghi nhận: %1</translation>
    </message>
    <message>
        <source>Link selected features</source>
        <translation>Gắn các đối tượng đang chọn</translation>
    </message>
    <message>
        <source>Add the features selected on the map to the places of the selected task</source>
        <translation>Thêm các đối tượng đang chọn trên bản đồ vào địa điểm của nhiệm vụ đang chọn</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Bỏ gắn</translation>
    </message>
    <message>
        <source>Remove the features selected on the map from the places of the selected task</source>
        <translation>Bỏ các đối tượng đang chọn trên bản đồ khỏi địa điểm của nhiệm vụ đang chọn</translation>
    </message>
    <message>
        <source>Not recorded: the places of task %1 were changed by someone else meanwhile. The panel shows them as they are now.</source>
        <translation>Chưa ghi nhận: địa điểm của nhiệm vụ %1 vừa được người khác thay đổi. Bảng đã hiển thị địa điểm mới nhất.</translation>
    </message>
    <message>
        <source>Select on the map the features to link to task %1 (or to unlink from it), then press the button again.</source>
        <translation>Hãy chọn trên bản đồ các đối tượng cần gắn vào nhiệm vụ %1 (hoặc cần bỏ gắn), rồi nhấn lại nút.</translation>
    </message>
    <message numerus="yes">
        <source>Task %1 is now linked to %n more place(s) in %2.</source>
        <translation>
            <numerusform>Nhiệm vụ %1 được gắn thêm %n địa điểm trong lớp %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Task %1 is no longer linked to %n place(s) in %2.</source>
        <translation>
            <numerusform>Nhiệm vụ %1 đã bỏ gắn %n địa điểm trong lớp %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The resolution whose tasks the panel lists and the bound layers are coloured by</source>
        <translation>Nghị quyết có các nhiệm vụ được liệt kê trong bảng và tô màu các lớp đã liên kết</translation>
    </message>
    <message>
        <source>All resolutions</source>
        <translation>Tất cả nghị quyết</translation>
    </message>
    <message>
        <source>Resolution %1 of %2</source>
        <translation>Nghị quyết %1 ngày %2</translation>
    </message>
</context>
<context>
    <name>RtTracker</name>
    <message>
        <source>no register file given</source>
        <translation>chưa chỉ định tệp sổ theo dõi</translation>
    </message>
    <message>
        <source>no register found (looked in %1)</source>
        <translation>không tìm thấy sổ theo dõi (đã tìm trong %1)</translation>
    </message>
    <message>
        <source>no register is open</source>
        <translation>chưa mở sổ theo dõi nào</translation>
    </message>
    <message>
        <source>task %1 is not in the open register</source>
        <translation>nhiệm vụ %1 không có trong sổ theo dõi đang mở</translation>
    </message>
    <message>
        <source>the layer is not available</source>
        <translation>lớp không khả dụng</translation>
    </message>
    <message>
        <source>the layer is not bound to the register</source>
        <translation>lớp chưa được liên kết với sổ theo dõi</translation>
    </message>
    <message>
        <source>select the features first</source>
        <translation>hãy chọn các đối tượng trước</translation>
    </message>
    <message>
        <source>the selected features are already linked to task %1</source>
        <translation>các đối tượng đang chọn đã được gắn với nhiệm vụ %1</translation>
    </message>
    <message>
        <source>none of the selected features is linked to task %1</source>
        <translation>không đối tượng nào đang chọn được gắn với nhiệm vụ %1</translation>
    </message>
    <message>
        <source>reading the keys of %1 was cancelled</source>
        <translation>đã hủy việc đọc khóa của %1</translation>
    </message>
    <message>
        <source>%1 shows the tasks through a key map (%2 → %3): link the features of the layer the tasks name</source>
        <translation>%1 hiển thị nhiệm vụ qua bảng quy đổi khóa (%2 → %3): hãy gắn các đối tượng của lớp mà nhiệm vụ ghi tên</translation>
    </message>
    <message>
        <source>resolution %1 is not in the register %2 (it holds %3)</source>
        <translation>nghị quyết %1 không có trong sổ theo dõi %2 (sổ có %3)</translation>
    </message>
    <message>
        <source>Another desk</source>
        <translation>Người dùng khác</translation>
    </message>
    <message>
        <source>%1 changed %2: %3 → %4</source>
        <translation>%1 đã cập nhật %2: %3 → %4</translation>
    </message>
</context>
<context>
    <name>RtTwoStepTask</name>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation>lỗi không mong đợi: %1</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>lỗi không mong đợi</translation>
    </message>
</context>
</TS>
