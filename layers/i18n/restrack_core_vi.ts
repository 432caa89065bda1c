<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>RtAppendixReader</name>
    <message>
        <source>%1 (line %2): no table rows could be read (cells are not separated by tabs, &apos;|&apos; or columns of spaces)</source>
        <translation>%1 (dòng %2): không đọc được dòng nào của bảng (các ô không được phân tách bằng tab, &apos;|&apos; hoặc các cột khoảng trắng)</translation>
    </message>
</context>
<context>
    <name>RtCategories</name>
    <message>
        <source>Planning</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>Đất đai</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>Hạ tầng</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Công nghiệp</translation>
    </message>
    <message>
        <source>Tourism</source>
        <translation>Du lịch</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Môi trường</translation>
    </message>
    <message>
        <source>Culture and society</source>
        <translation>Văn hóa – xã hội</translation>
    </message>
    <message>
        <source>Defence and security</source>
        <translation>Quốc phòng – an ninh</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Hành chính</translation>
    </message>
    <message>
        <source>Economy and budget</source>
        <translation>Kinh tế – ngân sách</translation>
    </message>
    <message>
        <source>Oversight</source>
        <translation>Giám sát</translation>
    </message>
</context>
<context>
    <name>RtCity</name>
    <message>
        <source>line %1, column %2</source>
        <translation>dòng %1, cột %2</translation>
    </message>
    <message>
        <source>%1: no such city file</source>
        <translation>%1: không tìm thấy tệp thành phố này</translation>
    </message>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: không đọc được tệp (%2)</translation>
    </message>
    <message>
        <source>%1: expected an object with &quot;name&quot;, &quot;area&quot;, &quot;crs&quot; …</source>
        <translation>%1: cần một đối tượng JSON có các khóa &quot;name&quot;, &quot;area&quot;, &quot;crs&quot; …</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot; is missing</source>
        <translation>%1: thiếu &quot;name&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;crs&quot;.&quot;epsg&quot; is missing: the EPSG code of the CRS the city&apos;s offices use</source>
        <translation>%1: thiếu &quot;crs&quot;.&quot;epsg&quot;: mã EPSG của hệ tọa độ mà các cơ quan của thành phố sử dụng</translation>
    </message>
    <message>
        <source>%1: &quot;area&quot;.&quot;%2&quot; is missing: the city&apos;s box in degrees (WGS 84)</source>
        <translation>%1: thiếu &quot;area&quot;.&quot;%2&quot;: khung bao của thành phố, tính bằng độ (WGS 84)</translation>
    </message>
    <message>
        <source>%1: &quot;area&quot; is not a box in degrees (west &lt; east, south &lt; north)</source>
        <translation>%1: &quot;area&quot; không phải là khung bao tính bằng độ (west &lt; east, south &lt; north)</translation>
    </message>
    <message>
        <source>%1: map label #%2 needs &quot;text&quot;, &quot;lon&quot; and &quot;lat&quot;</source>
        <translation>%1: nhãn bản đồ #%2 cần có &quot;text&quot;, &quot;lon&quot; và &quot;lat&quot;</translation>
    </message>
    <message>
        <source>%1: layer #%2 needs &quot;table&quot;, &quot;kind&quot; and &quot;fields&quot;</source>
        <translation>%1: lớp #%2 cần có &quot;table&quot;, &quot;kind&quot; và &quot;fields&quot;</translation>
    </message>
    <message>
        <source>%1: layer %2: &quot;match&quot; is &quot;code&quot; or &quot;name&quot;, not &quot;%3&quot;</source>
        <translation>%1: lớp %2: &quot;match&quot; phải là &quot;code&quot; hoặc &quot;name&quot;, không phải &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1: layer %2: &quot;key_map&quot; needs &quot;table&quot;, &quot;from&quot; and &quot;to&quot;</source>
        <translation>%1: lớp %2: &quot;key_map&quot; cần có &quot;table&quot;, &quot;from&quot; và &quot;to&quot;</translation>
    </message>
    <message>
        <source>%1: its gazetteer: %2</source>
        <translation>%1: danh mục địa danh của thành phố: %2</translation>
    </message>
</context>
<context>
    <name>RtClauseTree</name>
    <message>
        <source>the text</source>
        <translation>văn bản</translation>
    </message>
    <message>
        <source>line %1: &apos;%2&apos; in %3 is out of sequence (expected (i%4)); kept as text</source>
        <translation>dòng %1: &apos;%2&apos; trong %3 không đúng thứ tự (lẽ ra là (i%4)); được giữ lại như văn bản thường</translation>
    </message>
    <message>
        <source>line %1: text before the first article is ignored: &quot;%2&quot;</source>
        <translation>dòng %1: bỏ qua phần văn bản đứng trước điều đầu tiên: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>line %1: &apos;%2&apos; follows %3 — a clause may be missing or misnumbered</source>
        <translation>dòng %1: &apos;%2&apos; đứng sau %3 — có thể thiếu một khoản hoặc đánh số sai</translation>
    </message>
    <message>
        <source>the start of %1</source>
        <translation>phần đầu của %1</translation>
    </message>
    <message>
        <source>line %1: &apos;%2&apos; is placed under &apos;%3&apos;</source>
        <translation>dòng %1: &apos;%2&apos; được xếp vào trong &apos;%3&apos;</translation>
    </message>
    <message>
        <source>line %1: a second &apos;%2&apos; under %3; it is cited as &apos;%4&apos;</source>
        <translation>dòng %1: có &apos;%2&apos; thứ hai trong %3; khoản này được trích dẫn là &apos;%4&apos;</translation>
    </message>
</context>
<context>
    <name>RtCli</name>
    <message>
        <source>Layer %1 — %2 features, status as of %3</source>
        <translation>Lớp %1 — %2 đối tượng, trạng thái đến ngày %3</translation>
    </message>
    <message>
        <source>A feature&apos;s status: every task that names it, directive items included.</source>
        <translation>Màu của một đối tượng: mọi nhiệm vụ gắn với nó, kể cả mục chỉ đạo chung.</translation>
    </message>
    <message>
        <source>A feature&apos;s status: the concrete commitments that name it; directive items only where none does (--with-directives: directives too).</source>
        <translation>Màu của một đối tượng: các nhiệm vụ cụ thể gắn với nó; mục chỉ đạo chung chỉ khi không có nhiệm vụ cụ thể nào (--with-directives: tính cả mục chỉ đạo).</translation>
    </message>
    <message>
        <source>key</source>
        <translation>khóa</translation>
    </message>
    <message>
        <source>status</source>
        <translation>trạng thái</translation>
    </message>
    <message>
        <source>done</source>
        <translation>xong</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>nhiệm vụ</translation>
    </message>
    <message>
        <source>MATCHED NO FEATURE (%1)</source>
        <translation>KHÔNG KHỚP ĐỐI TƯỢNG NÀO (%1)</translation>
    </message>
    <message>
        <source>AMBIGUOUS KEYS, MATCHING SEVERAL FEATURES — COUNTED FOR NONE (%1)</source>
        <translation>KHÓA MƠ HỒ, KHỚP NHIỀU ĐỐI TƯỢNG — KHÔNG TÍNH CHO ĐỐI TƯỢNG NÀO (%1)</translation>
    </message>
    <message>
        <source>Wrote rt_status, rt_share_done, rt_tasks, rt_as_of into %1</source>
        <translation>Đã ghi rt_status, rt_share_done, rt_tasks, rt_as_of vào %1</translation>
    </message>
    <message>
        <source>recurring</source>
        <translation>định kỳ</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>thường xuyên</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>chưa xác định ngày</translation>
    </message>
    <message>
        <source>lead: %1</source>
        <translation>chủ trì: %1</translation>
    </message>
    <message>
        <source>; with: %1</source>
        <translation>; phối hợp: %1</translation>
    </message>
    <message>
        <source>Resolution %1 of %2 — progress as of %3</source>
        <translation>Nghị quyết %1 ngày %2 — tình hình thực hiện đến ngày %3</translation>
    </message>
    <message>
        <source>%1 tasks, %2 overdue</source>
        <translation>%1 nhiệm vụ, %2 quá hạn</translation>
    </message>
    <message>
        <source>OVERDUE (%1)</source>
        <translation>QUÁ HẠN (%1)</translation>
    </message>
    <message>
        <source>due </source>
        <translation>hạn </translation>
    </message>
    <message>
        <source>BY STATUS</source>
        <translation>THEO TRẠNG THÁI</translation>
    </message>
    <message>
        <source>BY CATEGORY</source>
        <translation>THEO LĨNH VỰC</translation>
    </message>
    <message>
        <source>PROGRESS AGAINST TARGETS</source>
        <translation>TIẾN ĐỘ SO VỚI CHỈ TIÊU</translation>
    </message>
    <message>
        <source>no value yet</source>
        <translation>chưa có số liệu</translation>
    </message>
    <message>
        <source>measured %1 (%2)</source>
        <translation>đạt %1 (%2)</translation>
    </message>
    <message>
        <source> = %1 of target</source>
        <translation> = %1 chỉ tiêu</translation>
    </message>
    <message>
        <source> (the target states no single figure)</source>
        <translation> (chỉ tiêu không nêu một con số)</translation>
    </message>
    <message>
        <source> (not in the target&apos;s unit)</source>
        <translation> (khác đơn vị với chỉ tiêu)</translation>
    </message>
    <message>
        <source>target: </source>
        <translation>chỉ tiêu: </translation>
    </message>
    <message>
        <source>TASKS BY STATUS AND CATEGORY</source>
        <translation>NHIỆM VỤ THEO TRẠNG THÁI VÀ LĨNH VỰC</translation>
    </message>
    <message>
        <source>%1 resolutions — %2 tasks, %3 overdue as of %4</source>
        <translation>%1 nghị quyết — %2 nhiệm vụ, %3 quá hạn đến ngày %4</translation>
    </message>
    <message>
        <source>(initial)</source>
        <translation>(ban đầu)</translation>
    </message>
    <message>
        <source>%1 (unchanged)</source>
        <translation>%1 (không đổi)</translation>
    </message>
    <message>
        <source>by </source>
        <translation>bởi </translation>
    </message>
    <message>
        <source>Follows up: %1</source>
        <translation>Tiếp nối: %1</translation>
    </message>
    <message>
        <source>Measured values (target: %1):</source>
        <translation>Số liệu đo (chỉ tiêu: %1):</translation>
    </message>
    <message>
        <source>Assignments:</source>
        <translation>Phân công:</translation>
    </message>
    <message>
        <source>the bundled register was not found (looked in %1); build the project (cmake --build) or pass --db FILE.gpkg</source>
        <translation>không tìm thấy sổ theo dõi đi kèm (đã tìm trong %1); hãy biên dịch dự án (cmake --build) hoặc dùng --db FILE.gpkg</translation>
    </message>
    <message>
        <source>note: %1 was made by an earlier version; it was upgraded to register schema %2, and the register as it was is kept as %3</source>
        <translation>lưu ý: %1 được tạo bởi phiên bản cũ hơn; tệp đã được nâng cấp lên lược đồ sổ theo dõi %2, bản sổ theo dõi trước khi nâng cấp được giữ lại tại %3</translation>
    </message>
    <message>
        <source>--lang must be vi or en, not &apos;%1&apos;</source>
        <translation>--lang phải là vi hoặc en, không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>tùy chọn --%1 cần có giá trị</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>không có tùy chọn --%1</translation>
    </message>
    <message>
        <source>--as-of &apos;%1&apos; is not a date; use YYYY-MM-DD</source>
        <translation>--as-of &apos;%1&apos; không phải là ngày; hãy ghi theo dạng YYYY-MM-DD</translation>
    </message>
    <message>
        <source>a task belongs to one resolution: give --resolution once</source>
        <translation>mỗi nhiệm vụ chỉ thuộc một nghị quyết: chỉ ghi --resolution một lần</translation>
    </message>
    <message>
        <source>give --%1 or --%2, not both</source>
        <translation>chỉ dùng --%1 hoặc --%2, không dùng cả hai</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>đầu vào chuẩn</translation>
    </message>
    <message>
        <source>--%1 %2: cannot read it (%3)</source>
        <translation>--%1 %2: không đọc được (%3)</translation>
    </message>
    <message>
        <source>--%1 %2: more than %3 MiB; a note or evidence is text, give a shorter one</source>
        <translation>--%1 %2: lớn hơn %3 MiB; ghi chú hoặc căn cứ là văn bản, hãy đưa nội dung ngắn hơn</translation>
    </message>
    <message>
        <source>--%1 %2: line %3 holds a NUL byte; is it a text file?</source>
        <translation>--%1 %2: dòng %3 chứa byte NUL; đây có phải là tệp văn bản không?</translation>
    </message>
    <message>
        <source>--%1 %2: not UTF-8 text; save it as UTF-8</source>
        <translation>--%1 %2: không phải văn bản UTF-8; hãy lưu tệp dưới dạng UTF-8</translation>
    </message>
    <message>
        <source>%1: cannot read the resolution text (%2)</source>
        <translation>%1: không đọc được văn bản nghị quyết (%2)</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>cảnh báo: %1</translation>
    </message>
    <message>
        <source>refusing to add: %1 disagrees with %2 in %3 place(s); fix the register or the text</source>
        <translation>không thêm: %1 không khớp với %2 ở %3 chỗ; hãy sửa sổ theo dõi hoặc văn bản</translation>
    </message>
    <message>
        <source>added %1 to %2: %3 tasks, checked against %4</source>
        <translation>đã thêm %1 vào %2: %3 nhiệm vụ, đã đối chiếu với %4</translation>
    </message>
    <message>
        <source>  task %1 is %2 in this register (the id %1 was taken)</source>
        <translation>  nhiệm vụ %1 có mã %2 trong sổ theo dõi này (mã %1 đã được dùng)</translation>
    </message>
    <message>
        <source>a task has one lead office: give --office once, and the others with --with</source>
        <translation>mỗi nhiệm vụ chỉ có một cơ quan chủ trì: chỉ ghi --office một lần, các cơ quan phối hợp ghi bằng --with</translation>
    </message>
    <message>
        <source>%1 is required
%2</source>
        <translation>bắt buộc phải có %1
%2</translation>
    </message>
    <message>
        <source>--office (the lead office)</source>
        <translation>--office (cơ quan chủ trì)</translation>
    </message>
    <message>
        <source>--by (who assigns the task)</source>
        <translation>--by (người giao nhiệm vụ)</translation>
    </message>
    <message>
        <source>%1: lead %2%3 (by %4)</source>
        <translation>%1: chủ trì %2%3 (người giao: %4)</translation>
    </message>
    <message>
        <source>; with %1</source>
        <translation>; phối hợp %1</translation>
    </message>
    <message>
        <source>%1 resolution(s), %2 task(s), %3 status change(s), %4 measured value(s), %5 assignment(s)</source>
        <translation>%1 nghị quyết, %2 nhiệm vụ, %3 thay đổi trạng thái, %4 số liệu đo được, %5 lượt phân công</translation>
    </message>
    <message>
        <source>created an empty register (schema %1) in %2%3: tables %4; the histories are append-only. Fill it with: restrack push --from FILE.gpkg --db %2</source>
        <translation>đã tạo sổ theo dõi trống (lược đồ %1) trong %2%3: các bảng %4; các bảng lịch sử chỉ cho phép ghi thêm. Nhập dữ liệu bằng lệnh: restrack push --from FILE.gpkg --db %2</translation>
    </message>
    <message>
        <source> (database schema restrack)</source>
        <translation> (schema restrack trong cơ sở dữ liệu)</translation>
    </message>
    <message>
        <source>%1 is a register of schema %2 already: nothing to upgrade</source>
        <translation>%1 đã là sổ theo dõi theo lược đồ %2: không cần nâng cấp</translation>
    </message>
    <message>
        <source>%1 was upgraded to register schema %2; the register as it was is kept as %3</source>
        <translation>%1 đã được nâng cấp lên lược đồ sổ theo dõi %2; bản sổ theo dõi trước khi nâng cấp được giữ lại tại %3</translation>
    </message>
    <message>
        <source>db role needs --user LOGIN and --as viewer, editor or admin
%1</source>
        <translation>lệnh db role cần --user LOGIN và --as viewer, editor hoặc admin
%1</translation>
    </message>
    <message>
        <source>%1 is now %2 of the registers on %3</source>
        <translation>%1 hiện là %2 của các sổ theo dõi trên %3</translation>
    </message>
    <message>
        <source>db grant needs --user LOGIN, --office or --place, and --by NAME
%1</source>
        <translation>lệnh db grant cần --user LOGIN, --office hoặc --place, và --by NAME
%1</translation>
    </message>
    <message>
        <source>%1 may now change the tasks of %2 in %3</source>
        <translation>%1 từ nay có quyền cập nhật các nhiệm vụ của %2 trong %3</translation>
    </message>
    <message>
        <source>office &quot;%1&quot;</source>
        <translation>cơ quan &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no roles or grants%1 on %2</source>
        <translation>không có vai trò hay quyền được giao nào%1 trên %2</translation>
    </message>
    <message>
        <source> for </source>
        <translation> cho </translation>
    </message>
    <message>
        <source>unknown db action &apos;%1&apos;
%2</source>
        <translation>lệnh db không có thao tác &apos;%1&apos;
%2</translation>
    </message>
    <message>
        <source>pushed %1 to %2: %3</source>
        <translation>đã đưa %1 lên %2: %3</translation>
    </message>
    <message>
        <source>note: the register that was there is kept as %1</source>
        <translation>lưu ý: sổ theo dõi có sẵn trước đó được giữ lại tại %1</translation>
    </message>
    <message>
        <source>--out must be a GeoPackage file or a folder, not a database; use push to copy to a server</source>
        <translation>--out phải là tệp GeoPackage hoặc thư mục, không phải cơ sở dữ liệu; hãy dùng push để sao chép lên máy chủ</translation>
    </message>
    <message>
        <source>%1 already exists; pass --overwrite to replace it</source>
        <translation>%1 đã tồn tại; dùng --overwrite để thay thế</translation>
    </message>
    <message>
        <source>pulled %1 into %2: %3</source>
        <translation>đã tải %1 về %2: %3</translation>
    </message>
    <message>
        <source>%1 already exists; pass --overwrite to replace it (a reviewed register is better kept)</source>
        <translation>%1 đã tồn tại; dùng --overwrite để thay thế (nên giữ lại sổ theo dõi đã rà soát)</translation>
    </message>
    <message>
        <source>--term &apos;%1&apos; is not a council term; write it as 2021-2026</source>
        <translation>--term &apos;%1&apos; không phải là nhiệm kỳ HĐND; hãy ghi theo dạng 2021-2026</translation>
    </message>
    <message>
        <source>%1: no directive clause and no project-list appendix found; nothing to draft</source>
        <translation>%1: không tìm thấy khoản chỉ đạo chung nào, cũng không có phụ lục danh mục dự án; không có gì để lập dự thảo</translation>
    </message>
    <message>
        <source>warning: %1 is on no layer of %2</source>
        <translation>cảnh báo: %1 không có trên lớp nào của %2</translation>
    </message>
    <message>
        <source>%1: cannot write it (%2)</source>
        <translation>%1: không ghi được (%2)</translation>
    </message>
    <message>
        <source>drafted %1: %2 tasks of %3 (%4 directive clauses, %5 appendix rows), council term %6–%7; every task is &quot;review&quot;: &quot;draft&quot;. Review them, then: restrack build-register --register %1 --out REGISTER.gpkg</source>
        <translation>đã lập dự thảo %1: %2 nhiệm vụ của %3 (%4 khoản chỉ đạo chung, %5 dòng phụ lục), nhiệm kỳ HĐND %6–%7; mọi nhiệm vụ đều có &quot;review&quot;: &quot;draft&quot;. Hãy rà soát, sau đó chạy: restrack build-register --register %1 --out REGISTER.gpkg</translation>
    </message>
    <message>
        <source>--as-of and --out are required; %1</source>
        <translation>bắt buộc phải có --as-of và --out; %1</translation>
    </message>
    <message>
        <source>--dpi must be a number from 50 to 1200, not &apos;%1&apos;</source>
        <translation>--dpi phải là số từ 50 đến 1200, không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--units must be 2023 (the wards of the resolution) or 2025 (the units from 1/7/2025), not &apos;%1&apos;</source>
        <translation>--units phải là 2023 (các phường, xã theo nghị quyết) hoặc 2025 (các đơn vị hành chính từ 1/7/2025), không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the bundled map layers were not found (looked in %1); pass --layers FILE.gpkg or set RESTRACK_LAYERS</source>
        <translation>không tìm thấy các lớp bản đồ đi kèm (đã tìm trong %1); hãy dùng --layers FILE.gpkg hoặc đặt biến RESTRACK_LAYERS</translation>
    </message>
    <message>
        <source>wrote %1: %2 tasks, %3 overdue as of %4%5%6</source>
        <translation>đã ghi %1: %2 nhiệm vụ, %3 quá hạn tính đến ngày %4%5%6</translation>
    </message>
    <message>
        <source>, by the 2025 units</source>
        <translation>, theo đơn vị hành chính 2025</translation>
    </message>
    <message>
        <source> (schematic geometry: the notice is on the map)</source>
        <translation> (ranh giới chỉ là sơ đồ: bản đồ có ghi rõ điều này)</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>lỗi nội bộ: %1</translation>
    </message>
    <message>
        <source>--by is required: say who reports</source>
        <translation>bắt buộc phải có --by: ghi rõ người báo cáo</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, dòng %2: %3</translation>
    </message>
    <message>
        <source>%1: %2 of %3 reported rows refused; nothing recorded</source>
        <translation>%1: %2 trong số %3 dòng báo cáo bị từ chối; không có gì được ghi nhận</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>dòng %1: %2</translation>
    </message>
    <message>
        <source>%1: %2 reported rows, %3 status and %4 value history rows %5</source>
        <translation>%1: %2 dòng báo cáo, %3 dòng lịch sử trạng thái và %4 dòng lịch sử số liệu %5</translation>
    </message>
    <message>
        <source>would be recorded (dry run: nothing written)</source>
        <translation>sẽ được ghi nhận (chạy thử: không ghi gì)</translation>
    </message>
    <message>
        <source>--%1 is required
%2</source>
        <translation>bắt buộc phải có --%1
%2</translation>
    </message>
    <message>
        <source>--kind must be one of %1, not &apos;%2&apos;</source>
        <translation>--kind phải là một trong %1, không phải &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--match must be code or name, not &apos;%1&apos;</source>
        <translation>--match phải là code hoặc name, không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--write stores the result into GeoPackage layers only; %1 is a %2 dataset (convert it first, e.g. ogr2ogr -f GPKG OUT.gpkg &quot;%1&quot;)</source>
        <translation>--write chỉ ghi kết quả vào lớp GeoPackage; %1 là tập dữ liệu %2 (hãy chuyển đổi trước, ví dụ ogr2ogr -f GPKG OUT.gpkg &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>note: the register keys its %1 places by code (&quot;%1:%2&quot;): join with --match code and the layer&apos;s code field</source>
        <translation>lưu ý: sổ theo dõi xác định các địa điểm %1 theo mã (&quot;%1:%2&quot;): hãy nối bằng --match code và trường mã của lớp</translation>
    </message>
    <message>
        <source>--encoding: %1</source>
        <translation>tùy chọn --encoding: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>lưu ý: %1</translation>
    </message>
    <message>
        <source>footnote %1 (%2): %3</source>
        <translation>chú thích %1 (%2): %3</translation>
    </message>
    <message>
        <source>%1: %2 (%3 rows)</source>
        <translation>%1: %2 (%3 dòng)</translation>
    </message>
    <message>
        <source>figure: %1 %2%3 %4</source>
        <translation>con số: %1 %2%3 %4</translation>
    </message>
    <message>
        <source>%1 is resolution %2 of %3, but the register %4 is for %5 of %6: nothing was built. Draft a register for this text with `restrack draft-register --text %1 --out REGISTER.json`, review it, then run `restrack build-register --register REGISTER.json --out %7`</source>
        <translation>%1 là nghị quyết %2 ngày %3, nhưng sổ theo dõi %4 dành cho nghị quyết %5 ngày %6: không có gì được lập. Hãy lập dự thảo sổ theo dõi cho văn bản này bằng `restrack draft-register --text %1 --out REGISTER.json`, rà soát, rồi chạy `restrack build-register --register REGISTER.json --out %7`</translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation>(không có số)</translation>
    </message>
    <message>
        <source>refusing to build: %1 disagrees with %2 in %3 place(s); fix the register or the text</source>
        <translation>không lập: %1 không khớp với %2 ở %3 chỗ; hãy sửa sổ theo dõi hoặc văn bản</translation>
    </message>
    <message>
        <source>note: %1 held recorded status changes or place links; it was kept as %2</source>
        <translation>lưu ý: %1 đã có thay đổi trạng thái được ghi nhận hoặc liên kết địa điểm; tệp được giữ lại tại %2</translation>
    </message>
    <message>
        <source>note: %1 of the %2 tasks are drafts (&quot;review&quot;: &quot;draft&quot;), proposed from the text and not reviewed yet</source>
        <translation>lưu ý: %1 trong số %2 nhiệm vụ là dự thảo (&quot;review&quot;: &quot;draft&quot;), được đề xuất từ văn bản và chưa được rà soát</translation>
    </message>
    <message>
        <source>built %1: %2 tasks (%3 directive items, %4 commitments) of %5, checked against %6</source>
        <translation>đã lập %1: %2 nhiệm vụ (%3 mục chỉ đạo chung, %4 nhiệm vụ cụ thể) của %5, đã đối chiếu với %6</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;; use one of: %2</source>
        <translation>không có trạng thái &apos;%1&apos;; hãy dùng một trong các trạng thái: %2</translation>
    </message>
    <message>
        <source>--by is required: say who makes the change</source>
        <translation>bắt buộc phải có --by: ghi rõ người thực hiện thay đổi</translation>
    </message>
    <message>
        <source>--date &apos;%1&apos; is not a date; use YYYY-MM-DD</source>
        <translation>--date &apos;%1&apos; không phải là ngày; hãy ghi theo dạng YYYY-MM-DD</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos; in --expect; use one of: %2</source>
        <translation>không có trạng thái &apos;%1&apos; trong --expect; hãy dùng một trong các trạng thái: %2</translation>
    </message>
    <message>
        <source>%1: %2 kept, %3 recorded (%4, by %5)</source>
        <translation>%1: giữ nguyên %2, ghi nhận %3 (%4, người báo cáo: %5)</translation>
    </message>
    <message>
        <source>note and evidence</source>
        <translation>ghi chú và căn cứ</translation>
    </message>
    <message>
        <source>%1: %2 tasks of %3, statuses of %4</source>
        <translation>%1: %2 nhiệm vụ của %3, trạng thái đến ngày %4</translation>
    </message>
    <message>
        <source>the office &quot;%1&quot;</source>
        <translation>cơ quan &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the place %1</source>
        <translation>địa điểm %1</translation>
    </message>
    <message>
        <source>--session-date and --out are required; %1</source>
        <translation>bắt buộc phải có --session-date và --out; %1</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a date; use YYYY-MM-DD</source>
        <translation>--%1 &apos;%2&apos; không phải là ngày; hãy ghi theo dạng YYYY-MM-DD</translation>
    </message>
    <message>
        <source>the bundled register was not found (looked in %1); build the project or pass --db FILE.gpkg</source>
        <translation>không tìm thấy sổ theo dõi đi kèm (đã tìm trong %1); hãy biên dịch dự án hoặc dùng --db FILE.gpkg</translation>
    </message>
    <message>
        <source>wrote %1: %2 pages (%3 places) as of %4%5</source>
        <translation>đã ghi %1: %2 trang (%3 địa điểm) tính đến ngày %4%5</translation>
    </message>
    <message>
        <source>; tables in %1</source>
        <translation>; các bảng trong %1</translation>
    </message>
    <message>
        <source>VALUE &apos;%1&apos; is not a number; write it as 312, 3,65 or 78%</source>
        <translation>VALUE &apos;%1&apos; không phải là số; hãy viết theo dạng 312, 3,65 hoặc 78%</translation>
    </message>
    <message>
        <source>VALUE %1 is a percentage but --unit says &apos;%2&apos;</source>
        <translation>VALUE %1 là tỷ lệ phần trăm nhưng --unit ghi &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--by is required: say who reports the value</source>
        <translation>bắt buộc phải có --by: ghi rõ người báo cáo số liệu</translation>
    </message>
    <message>
        <source>%1: value %2 recorded</source>
        <translation>%1: đã ghi nhận số liệu %2</translation>
    </message>
    <message>
        <source>%1: value %2%3 (%4, by %5)%6</source>
        <translation>%1: số liệu %2%3 (%4, người báo cáo: %5)%6</translation>
    </message>
    <message>
        <source> = %1% of the target &quot;%2&quot;</source>
        <translation> = %1% chỉ tiêu &quot;%2&quot;</translation>
    </message>
    <message>
        <source>; target &quot;%1&quot; (no share: %2)</source>
        <translation>; chỉ tiêu &quot;%1&quot; (không tính được tỷ lệ: %2)</translation>
    </message>
    <message>
        <source>another unit</source>
        <translation>khác đơn vị</translation>
    </message>
    <message>
        <source>it states no single figure</source>
        <translation>chỉ tiêu không nêu một con số cụ thể</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; run `restrack --help`</source>
        <translation>không có lệnh &apos;%1&apos;; hãy chạy `restrack --help`</translation>
    </message>
    <message>
        <source>--key-map needs --key-map-fields FROM,TO (e.g. gso_code,gso_code_2025)</source>
        <translation>--key-map cần --key-map-fields TỪ,SANG (ví dụ gso_code,gso_code_2025)</translation>
    </message>
    <message>
        <source>%1: its rights (roles, row-level security) and live-update triggers are all there: nothing was missing</source>
        <translation>%1: quyền (vai trò, bảo mật theo dòng) và trigger cập nhật trực tiếp đều đã có: không thiếu gì</translation>
    </message>
    <message>
        <source>%1 (register schema %2): its server set-up was completed, in one transaction; added: %3</source>
        <translation>%1 (lược đồ sổ theo dõi %2): đã hoàn tất thiết lập trên máy chủ trong một giao dịch; đã thêm: %3</translation>
    </message>
    <message>
        <source>usage: %1</source>
        <translation>cách dùng: %1</translation>
    </message>
    <message>
        <source>  --register: the resolution&apos;s tasks (a curated or draft register), checked against the text;
  without it the text is added with no tasks. --text defaults to the register&apos;s own text.</source>
        <translation>  --register: các nhiệm vụ của nghị quyết (sổ theo dõi đã rà soát hoặc bản dự thảo), được đối chiếu với văn bản;
  không có nó thì chỉ thêm văn bản, không có nhiệm vụ. Mặc định --text là văn bản đi kèm sổ theo dõi.</translation>
    </message>
    <message>
        <source>  --resolution: colour by the tasks of the resolutions named (default: all);
  --overwrite: replace an existing FILE (it is replaced only once the new map is complete)
  --with-directives: a place&apos;s colour counts every task naming it; by default its concrete commitments,
  and directive items only where no commitment names it
  --template: a copy of the council map&apos;s layout template (map/templates/council-map.qpt, installed under
  share/restrack/templates) edited in QGIS&apos;s layout designer; it must keep the ids of the items the map fills
  --city: the city file (data/&lt;city&gt;/city.json: its CRS, the neighbours named on the map); default: Móng Cái
  --units 2025: colour and label the 2025 administrative units (wards_2025) instead of the 2023 wards;
  the tasks&apos; 2023 ward codes are translated through wards_2023&apos;s field gso_code_2025</source>
        <translation>  --resolution: tô màu theo nhiệm vụ của các nghị quyết được nêu (mặc định: tất cả);
  --overwrite: thay FILE đã có (chỉ thay khi bản đồ mới đã hoàn chỉnh)
  --with-directives: màu của một địa điểm tính mọi nhiệm vụ nêu tên nó; mặc định chỉ tính các cam kết cụ thể,
  và các mục chỉ đạo chỉ ở nơi không có cam kết nào nêu tên
  --template: bản sao mẫu trang in bản đồ trình HĐND (map/templates/council-map.qpt, cài vào
  share/restrack/templates) đã sửa trong trình thiết kế trang in của QGIS; phải giữ mã (id) của các mục bản đồ điền vào
  --city: tệp thành phố (data/&lt;city&gt;/city.json: hệ tọa độ, các địa danh lân cận ghi trên bản đồ); mặc định: Móng Cái
  --units 2025: tô màu và ghi nhãn theo đơn vị hành chính năm 2025 (wards_2025) thay cho phường, xã năm 2023;
  mã phường, xã 2023 của nhiệm vụ được chuyển đổi qua trường gso_code_2025 của wards_2023</translation>
    </message>
    <message>
        <source>  FILE: plain text, PDF or DOCX</source>
        <translation>  FILE: văn bản thuần, PDF hoặc DOCX</translation>
    </message>
    <message>
        <source>note</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>minh chứng</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (%4, by %5)</source>
        <translation>%1: %2 → %3 (%4, do %5)</translation>
    </message>
    <message>
        <source>  --since: the last session&apos;s date; the pack lists what changed from it to the session date
  --template: a folder with edited copies of some of map/templates/pack-*.qpt (same file names; the others stay
  the built-in ones), or one .qpt used for the cover; a copy lacking an item the pack fills is refused with its id
  --cadastre: parcels with the fields case_id (a land case&apos;s site id in the register), dossier_status and parcel_id;
  only those fields are read, and only counts are printed
  --tables: the pack&apos;s tables as an XLSX workbook, one sheet each</source>
        <translation>  --since: ngày kỳ họp trước; bộ tài liệu liệt kê những gì thay đổi từ ngày đó đến ngày kỳ họp
  --template: thư mục chứa bản sao đã sửa của một số tệp map/templates/pack-*.qpt (cùng tên tệp; các tệp khác dùng
  mẫu có sẵn), hoặc một tệp .qpt dùng cho trang bìa; bản sao thiếu một mục mà bộ tài liệu điền vào bị từ chối, kèm mã mục đó
  --cadastre: các thửa đất có trường case_id (mã địa điểm của vụ việc đất đai trong sổ theo dõi), dossier_status và parcel_id;
  chỉ đọc các trường đó, và chỉ in số lượng
  --tables: các bảng của bộ tài liệu dưới dạng sổ tính XLSX, mỗi bảng một trang tính</translation>
    </message>
    <message>
        <source>  VALUE: 312, 3,65 or 3.65, 78% (a per cent sign sets the unit %); without --unit the target&apos;s unit.</source>
        <translation>  VALUE: 312, 3,65 hoặc 3.65, 78% (dấu phần trăm đặt đơn vị là %); không có --unit thì dùng đơn vị của chỉ tiêu.</translation>
    </message>
</context>
<context>
    <name>RtCliHelp</name>
    <message>
        <source>the document, clause tree and figures of a resolution text</source>
        <translation>văn bản, cây điều khoản và các số liệu của một nghị quyết</translation>
    </message>
    <message>
        <source>build a register GeoPackage from the text and the curated tasks</source>
        <translation>lập sổ theo dõi GeoPackage từ văn bản và các nhiệm vụ đã rà soát</translation>
    </message>
    <message>
        <source>propose a register (JSON, to be reviewed) from any resolution&apos;s text</source>
        <translation>đề xuất sổ theo dõi (JSON, cần rà soát) từ văn bản của một nghị quyết bất kỳ</translation>
    </message>
    <message>
        <source>add a resolution (its text and the tasks of its register JSON,
checked against the text) to a register; a taken task id becomes ID@NUMBER</source>
        <translation>thêm một nghị quyết (văn bản và các nhiệm vụ trong tệp JSON của nó,
đối chiếu với văn bản) vào sổ theo dõi; mã nhiệm vụ đã có thành ID@SỐ</translation>
    </message>
    <message>
        <source>tasks by resolution, status and category, overdue ones first;
measured values against the targets, assigned offices</source>
        <translation>nhiệm vụ theo nghị quyết, trạng thái và nhóm, quá hạn lên đầu;
giá trị đo được so với chỉ tiêu, cơ quan được giao</translation>
    </message>
    <message>
        <source>record a status change (one transaction); F: a UTF-8 file, - for stdin;
the same status with a note or evidence records the report</source>
        <translation>ghi một thay đổi trạng thái (một giao dịch); F: tệp UTF-8, - là stdin;
giữ nguyên trạng thái kèm ghi chú hoặc minh chứng thì ghi nhận báo cáo</translation>
    </message>
    <message>
        <source>record a measured value of a task with a target (312, 3,65, 78%)</source>
        <translation>ghi một giá trị đo được của nhiệm vụ có chỉ tiêu (312, 3,65, 78%)</translation>
    </message>
    <message>
        <source>record the lead and cooperating offices of a task (kept as a history)</source>
        <translation>ghi cơ quan chủ trì và phối hợp của nhiệm vụ (lưu thành lịch sử)</translation>
    </message>
    <message>
        <source>a task&apos;s status history, measured values and assignments</source>
        <translation>lịch sử trạng thái, giá trị đo được và phân công của một nhiệm vụ</translation>
    </message>
    <message>
        <source>each feature&apos;s status from its tasks; --write stores it (GeoPackage)
--with-directives: directive items colour places that commitments name too</source>
        <translation>trạng thái của từng đối tượng theo nhiệm vụ; --write lưu lại (GeoPackage)
--with-directives: mục chỉ đạo cũng tô màu nơi đã có cam kết nêu tên</translation>
    </message>
    <message>
        <source>an office&apos;s (or a place&apos;s) report form: its tasks, their status on the date,
empty columns to fill in (new status, date, value, evidence, note)</source>
        <translation>mẫu báo cáo của một cơ quan (hoặc địa điểm): nhiệm vụ, trạng thái tại ngày,
các cột trống để điền (trạng thái mới, ngày, giá trị, minh chứng, ghi chú)</translation>
    </message>
    <message>
        <source>record a filled report form: every row or none; each bad row named by its
row number; a task changed since the form was made is a conflict (exit 3)</source>
        <translation>ghi nhận mẫu báo cáo đã điền: mọi dòng hoặc không dòng nào; dòng sai được
nêu số dòng; nhiệm vụ đã đổi từ khi lập mẫu là xung đột (mã thoát 3)</translation>
    </message>
    <message>
        <source>the council-session map (A3, QGIS print layout); --print: hatched, for B/W;
--units 2025: by the administrative units of 2025; --template: an edited layout</source>
        <translation>bản đồ trình kỳ họp HĐND (A3, trang in QGIS); --print: tô gạch, in đen trắng;
--units 2025: theo đơn vị hành chính năm 2025; --template: mẫu trang in đã sửa</translation>
    </message>
    <message>
        <source>the council session pack: cover, overview, changes since the last
session, figures, a page per ward and zone, land cases, appendix</source>
        <translation>bộ tài liệu kỳ họp: bìa, tổng quan, thay đổi từ kỳ họp trước,
số liệu, một trang cho mỗi phường, xã và phân khu, vụ việc đất đai, phụ lục</translation>
    </message>
    <message>
        <source>create an empty register on a PostgreSQL server (schema restrack)</source>
        <translation>tạo sổ theo dõi trống trên máy chủ PostgreSQL (lược đồ restrack)</translation>
    </message>
    <message>
        <source>bring a register to this version&apos;s layout (the old one kept)</source>
        <translation>nâng cấp sổ theo dõi lên cấu trúc của phiên bản này (giữ bản cũ)</translation>
    </message>
    <message>
        <source>give a server login a role (rights kept by the server)</source>
        <translation>gán vai trò cho một tài khoản máy chủ (quyền do máy chủ giữ)</translation>
    </message>
    <message>
        <source>let an editor change the tasks of an office or a place</source>
        <translation>cho người cập nhật sửa nhiệm vụ của một cơ quan hoặc địa điểm</translation>
    </message>
    <message>
        <source>list roles and grants</source>
        <translation>liệt kê vai trò và quyền được giao</translation>
    </message>
    <message>
        <source>copy a register with its whole history to a server (one transaction);
a register there is replaced only with --overwrite, and kept aside</source>
        <translation>chép sổ theo dõi cùng toàn bộ lịch sử lên máy chủ (một giao dịch);
sổ đã có ở đó chỉ bị thay khi có --overwrite, và được giữ lại riêng</translation>
    </message>
    <message>
        <source>a GeoPackage snapshot of a server&apos;s register, whole history included</source>
        <translation>bản chụp GeoPackage sổ theo dõi trên máy chủ, gồm toàn bộ lịch sử</translation>
    </message>
    <message>
        <source>usage: restrack COMMAND [options]</source>
        <translation>cách dùng: restrack LỆNH [TÙY_CHỌN]</translation>
    </message>
    <message>
        <source>commands:</source>
        <translation>các lệnh:</translation>
    </message>
    <message>
        <source>--db takes a GeoPackage file or a PostgreSQL database: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB or service=NAME
(a password is better kept in ~/.pgpass or a service file than on the command line).
Without --db the bundled Móng Cái register (172/NQ-HĐND) is used. --resolution NUMBER (&quot;172/NQ-HĐND&quot;, &quot;172/nq-hdnd&quot; or &quot;172&quot;)
chooses the tasks of that resolution (repeatable; default: every resolution of the register); with an ID it names the
resolution whose register wrote that ID.</source>
        <translation>--db nhận một tệp GeoPackage hoặc một cơ sở dữ liệu PostgreSQL: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB hoặc service=NAME
(mật khẩu nên để trong ~/.pgpass hoặc tệp service, không nên ghi trên dòng lệnh).
Không có --db thì dùng sổ theo dõi Móng Cái đi kèm (172/NQ-HĐND). --resolution NUMBER (&quot;172/NQ-HĐND&quot;, &quot;172/nq-hdnd&quot; hoặc &quot;172&quot;)
chọn các nhiệm vụ của nghị quyết đó (lặp lại được; mặc định: mọi nghị quyết trong sổ); đi kèm một ID thì nó chỉ nghị quyết
có sổ theo dõi đã ghi ID đó.</translation>
    </message>
    <message>
        <source>exit codes:
  0 done   1 refused: wrong input, or it names what does not exist   2 wrong command line
  3 stale: the task changed meanwhile (--expect), look again   4 busy: another program holds a lock, retry
  5 read-only: the register, its file or folder cannot be written   6 forbidden: no right to do this
  7 unavailable: the disk or server failed   8 corrupt: the register is damaged or not what this version reads</source>
        <translation>mã thoát:
  0 xong   1 từ chối: dữ liệu vào sai, hoặc nêu cái không tồn tại   2 dòng lệnh sai
  3 cũ: nhiệm vụ đã thay đổi trong lúc đó (--expect), xem lại   4 bận: chương trình khác đang khóa, thử lại
  5 chỉ đọc: không ghi được sổ theo dõi, tệp hoặc thư mục của nó   6 không có quyền làm việc này
  7 không sẵn sàng: đĩa hoặc máy chủ bị lỗi   8 hỏng: sổ theo dõi bị hỏng hoặc không phải loại phiên bản này đọc được</translation>
    </message>
</context>
<context>
    <name>RtCrsCheck</name>
    <message>
        <source>a CRS without name or EPSG code</source>
        <translation>hệ tọa độ không có tên hoặc mã EPSG</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (no EPSG code)</source>
        <translation>&quot;%1&quot; (không có mã EPSG)</translation>
    </message>
    <message>
        <source>nowhere on Earth (the numbers are out of the range of longitudes and latitudes)</source>
        <translation>ngoài Trái Đất (các số nằm ngoài phạm vi kinh độ và vĩ độ)</translation>
    </message>
    <message>
        <source>around %1°%2, %3°%4</source>
        <translation>quanh %1°%2, %3°%4</translation>
    </message>
    <message>
        <source>%1 (lon %2–%3, lat %4–%5)</source>
        <translation>%1 (kinh độ %2–%3, vĩ độ %4–%5)</translation>
    </message>
    <message>
        <source>no coordinates to check the CRS with</source>
        <translation>không có tọa độ để kiểm tra hệ tọa độ</translation>
    </message>
    <message>
        <source>the CRS could not be checked: PROJ does not know EPSG:4326 (is proj.db installed?)</source>
        <translation>không kiểm tra được hệ tọa độ: PROJ không nhận biết EPSG:4326 (proj.db đã được cài đặt chưa?)</translation>
    </message>
    <message>
        <source>the layer declares %1, but %2&apos;s official CRS is %3 and the coordinates fit it too: check which one the data was made in (a wrong TM-3 zone shifts it by tens of km)</source>
        <translation>lớp khai báo %1, nhưng hệ tọa độ chính thức của %2 là %3 và tọa độ cũng khớp với hệ này: hãy kiểm tra dữ liệu được lập theo hệ nào (sai múi TM-3 làm dữ liệu lệch hàng chục km)</translation>
    </message>
    <message>
        <source>%1 with the axes swapped</source>
        <translation>%1 khi đổi chỗ hai trục</translation>
    </message>
    <message>
        <source> Swap the two coordinate columns (or axes) of the source data.</source>
        <translation> Hãy đổi chỗ hai cột tọa độ (hoặc hai trục) của dữ liệu gốc.</translation>
    </message>
    <message>
        <source> Assign EPSG:%1 to the layer as its CRS (assign, do not reproject).</source>
        <translation> Hãy gán EPSG:%1 làm hệ tọa độ của lớp (gán, không chuyển đổi tọa độ).</translation>
    </message>
    <message>
        <source>coordinates fit %1</source>
        <translation>tọa độ của lớp khớp với %1</translation>
    </message>
    <message>
        <source>the layer declares no CRS, and its coordinates fit none of the CRSs used in Vietnam for %1: find out which CRS the data was made in and assign it</source>
        <translation>lớp không khai báo hệ tọa độ, và tọa độ của lớp không khớp với hệ tọa độ nào được dùng ở Việt Nam cho %1: hãy xác định dữ liệu được lập theo hệ tọa độ nào và gán hệ đó cho lớp</translation>
    </message>
    <message>
        <source>the layer declares no CRS; its %1.%2</source>
        <translation>lớp không khai báo hệ tọa độ; %1.%2</translation>
    </message>
    <message>
        <source>the layer&apos;s CRS cannot be read (&quot;%1&quot;)%2.%3</source>
        <translation>không đọc được hệ tọa độ của lớp (&quot;%1&quot;)%2.%3</translation>
    </message>
    <message>
        <source>; its </source>
        <translation>; </translation>
    </message>
    <message>
        <source>the layer is not in %1: with its CRS %2 it lies %3, and no CRS used in Vietnam (TM-3, UTM 48N/49N, degrees) puts its coordinates there: check the layer&apos;s CRS and where its data comes from</source>
        <translation>lớp không nằm trong %1: với hệ tọa độ %2, lớp sẽ nằm %3, và không có hệ tọa độ nào dùng ở Việt Nam (TM-3, UTM 48N/49N, độ) đưa tọa độ của lớp về đó: hãy kiểm tra hệ tọa độ của lớp và nguồn gốc dữ liệu</translation>
    </message>
    <message>
        <source>latitude and longitude are swapped</source>
        <translation>vĩ độ và kinh độ bị đổi chỗ cho nhau</translation>
    </message>
    <message>
        <source>easting and northing are swapped</source>
        <translation>tọa độ hướng đông (easting) và hướng bắc (northing) bị đổi chỗ cho nhau</translation>
    </message>
    <message>
        <source>the coordinates are degrees (longitude, latitude) but the layer declares a projected CRS in metres</source>
        <translation>tọa độ tính bằng độ (kinh độ, vĩ độ) nhưng lớp khai báo hệ tọa độ phẳng tính bằng mét</translation>
    </message>
    <message>
        <source>the coordinates are metres but the layer declares degrees</source>
        <translation>tọa độ tính bằng mét nhưng lớp khai báo hệ tọa độ tính bằng độ</translation>
    </message>
    <message>
        <source>UTM coordinates declared as TM-3 (UTM: 6° zones, scale 0.9996; TM-3: 3° zones, 0.9999)</source>
        <translation>tọa độ UTM bị khai báo là TM-3 (UTM: múi 6°, hệ số tỷ lệ 0.9996; TM-3: múi 3°, 0.9999)</translation>
    </message>
    <message>
        <source>TM-3 coordinates declared as UTM (TM-3: 3° zones, scale 0.9999; UTM: 6° zones, 0.9996)</source>
        <translation>tọa độ TM-3 bị khai báo là UTM (TM-3: múi 3°, hệ số tỷ lệ 0.9999; UTM: múi 6°, 0.9996)</translation>
    </message>
    <message>
        <source>a TM-3 zone with another central meridian (%1 uses %2)</source>
        <translation>múi TM-3 có kinh tuyến trục khác (%1 dùng %2)</translation>
    </message>
    <message>
        <source>a TM-3 zone with another central meridian</source>
        <translation>múi TM-3 có kinh tuyến trục khác</translation>
    </message>
    <message>
        <source>the other UTM zone</source>
        <translation>múi UTM còn lại</translation>
    </message>
    <message>
        <source>the coordinates are in another CRS than the declared one</source>
        <translation>tọa độ thuộc một hệ tọa độ khác với hệ đã khai báo</translation>
    </message>
    <message>
        <source>the layer is not in %1: with its CRS it lies %2. Likely mistake: %3. The %4; the layer declares %5.%6</source>
        <translation>lớp không nằm trong %1: với hệ tọa độ đã khai báo, lớp sẽ nằm %2. Nhiều khả năng lỗi là: %3. Kiểm tra cho thấy %4; còn lớp khai báo %5.%6</translation>
    </message>
</context>
<context>
    <name>RtDeadline</name>
    <message>
        <source>there is no such date</source>
        <translation>ngày này không tồn tại</translation>
    </message>
    <message>
        <source>%1 is not a plausible year</source>
        <translation>%1 không phải là năm hợp lý</translation>
    </message>
    <message>
        <source>it names no year, and the date of the resolution is not known</source>
        <translation>không ghi năm, và chưa biết ngày ban hành nghị quyết</translation>
    </message>
    <message>
        <source>%1 is not a plausible period</source>
        <translation>%1 không phải là khoảng thời gian hợp lý</translation>
    </message>
    <message>
        <source>the period ends before it starts</source>
        <translation>khoảng thời gian kết thúc trước khi bắt đầu</translation>
    </message>
    <message>
        <source>%1 is not a plausible term</source>
        <translation>%1 không phải là nhiệm kỳ hợp lý</translation>
    </message>
    <message>
        <source>it needs the council term (e.g. 2021–2026), which is not set</source>
        <translation>cần có nhiệm kỳ HĐND (ví dụ 2021–2026), nhưng nhiệm kỳ chưa được thiết lập</translation>
    </message>
    <message>
        <source>the phrase is not one this version can date (a day, month, quarter, year or period with &quot;trước&quot;, &quot;trong&quot;, &quot;đến hết&quot;, &quot;chậm nhất&quot;; &quot;hết nhiệm kỳ&quot;; &quot;hàng năm&quot;; &quot;thường xuyên&quot;; &quot;kỳ họp cuối năm&quot;)</source>
        <translation>phiên bản này chưa xác định được ngày từ cụm từ này (hỗ trợ: ngày, tháng, quý, năm hoặc giai đoạn kèm &quot;trước&quot;, &quot;trong&quot;, &quot;đến hết&quot;, &quot;chậm nhất&quot;; &quot;hết nhiệm kỳ&quot;; &quot;hàng năm&quot;; &quot;thường xuyên&quot;; &quot;kỳ họp cuối năm&quot;)</translation>
    </message>
</context>
<context>
    <name>RtDocumentSource</name>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (dòng %2)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: không tìm thấy tệp</translation>
    </message>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: không đọc được tệp (%2)</translation>
    </message>
    <message>
        <source>%1 is not a plain text: --encoding applies to plain text only</source>
        <translation>%1 không phải là tệp văn bản thuần: --encoding chỉ áp dụng cho văn bản thuần</translation>
    </message>
    <message>
        <source>%1 is an OpenDocument file (.odt): save it as .docx, PDF or plain text and import that</source>
        <translation>%1 là tệp OpenDocument (.odt): hãy lưu thành .docx, PDF hoặc văn bản thuần rồi nhập tệp đó</translation>
    </message>
    <message>
        <source>%1 is a ZIP archive but not a Word document (no word/document.xml): expected the plain text, PDF or DOCX of a resolution</source>
        <translation>%1 là tệp nén ZIP nhưng không phải văn bản Word (không có word/document.xml): cần văn bản thuần, PDF hoặc DOCX của nghị quyết</translation>
    </message>
    <message>
        <source>%1 is a Word 97-2003 document (.doc): open it in Word or LibreOffice, save it as .docx or PDF, and import that</source>
        <translation>%1 là văn bản Word 97-2003 (.doc): hãy mở bằng Word hoặc LibreOffice, lưu thành .docx hoặc PDF, rồi nhập tệp đó</translation>
    </message>
    <message>
        <source>%1 is an RTF document: save it as .docx, PDF or plain text and import that</source>
        <translation>%1 là văn bản RTF: hãy lưu thành .docx, PDF hoặc văn bản thuần rồi nhập tệp đó</translation>
    </message>
    <message>
        <source>%1 starts like a PDF but cannot be read as one: it is damaged or cut short</source>
        <translation>%1 có phần đầu giống tệp PDF nhưng không đọc được như PDF: tệp bị hỏng hoặc bị cắt cụt</translation>
    </message>
    <message>
        <source>%1 is a PDF protected by a password: save an unprotected copy and import that</source>
        <translation>%1 là tệp PDF được bảo vệ bằng mật khẩu: hãy lưu một bản không có mật khẩu rồi nhập bản đó</translation>
    </message>
    <message>
        <source>%1 has no text layer; it is a scan: OCR it first (for example with ocrmypdf -l vie), then import the result</source>
        <translation>%1 không có lớp văn bản, đây là bản quét: hãy nhận dạng ký tự (OCR) trước (ví dụ bằng ocrmypdf -l vie), rồi nhập kết quả</translation>
    </message>
    <message>
        <source>page %1 of %2 has no text (a scanned page?); whatever it holds is not read</source>
        <translation>trang %1/%2 không có văn bản (trang quét?); nội dung trên trang này không được đọc</translation>
    </message>
    <message>
        <source>read from a PDF of %1 page(s) (text layer)</source>
        <translation>đọc từ tệp PDF %1 trang (lớp văn bản)</translation>
    </message>
    <message>
        <source>%1 looks like a Word document but its word/document.xml cannot be read: the file is damaged or cut short</source>
        <translation>%1 trông giống văn bản Word nhưng không đọc được word/document.xml: tệp bị hỏng hoặc bị cắt cụt</translation>
    </message>
    <message>
        <source>%1: its word/document.xml is not well-formed XML: %2</source>
        <translation>%1: word/document.xml của tệp không phải XML hợp lệ: %2</translation>
    </message>
    <message>
        <source>read from a Word document (DOCX)</source>
        <translation>đọc từ văn bản Word (DOCX)</translation>
    </message>
</context>
<context>
    <name>RtDraftRegister</name>
    <message>
        <source>task %1 (%2): the text names no responsible body</source>
        <translation>nhiệm vụ %1 (%2): văn bản không nêu cơ quan chủ trì</translation>
    </message>
    <message>
        <source>task %1: deadline &apos;%2&apos; has no date (%3)</source>
        <translation>nhiệm vụ %1: thời hạn &apos;%2&apos; không xác định được ngày (%3)</translation>
    </message>
    <message>
        <source>task %1 (%2, row %3): no place of the gazetteer is named</source>
        <translation>nhiệm vụ %1 (%2, dòng %3): không nêu địa điểm nào có trong danh mục địa danh</translation>
    </message>
</context>
<context>
    <name>RtEncoding</name>
    <message>
        <source>line %1, column %2</source>
        <translation>dòng %1, cột %2</translation>
    </message>
    <message>
        <source>%1 contains a NUL byte at %2: a text has none. Is the file damaged, or not a text? Remove it (or save the document again as text) and import again</source>
        <translation>%1 chứa byte NUL tại %2, trong khi văn bản không có byte này. Tệp bị hỏng, hay không phải là văn bản? Hãy xóa byte đó (hoặc lưu lại tài liệu dưới dạng văn bản) rồi nhập lại</translation>
    </message>
    <message>
        <source>%1 reads as UTF-16 text but has an odd number of bytes: it is cut short or damaged</source>
        <translation>%1 được đọc như văn bản UTF-16 nhưng có số byte lẻ: tệp bị cắt cụt hoặc bị hỏng</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-16 text (a broken surrogate pair at %2)</source>
        <translation>%1 không phải văn bản UTF-16 hợp lệ (cặp surrogate bị lỗi tại %2)</translation>
    </message>
    <message>
        <source>VNI-encoded Vietnamese</source>
        <translation>tiếng Việt mã VNI</translation>
    </message>
    <message>
        <source>TCVN3 (ABC)-encoded Vietnamese</source>
        <translation>tiếng Việt mã TCVN3 (ABC)</translation>
    </message>
    <message>
        <source>%1 is UTF-8 but contains no Vietnamese letters, only Latin-1 ones: it looks like %2 that was decoded as Windows-1252. Convert the original file to Unicode UTF-8 (for example with UniKey&apos;s converter) and import again</source>
        <translation>%1 là UTF-8 nhưng không chứa chữ cái tiếng Việt nào, chỉ có chữ cái Latin-1: có vẻ đây là %2 đã bị giải mã theo Windows-1252. Hãy chuyển tệp gốc sang Unicode UTF-8 (ví dụ bằng công cụ chuyển mã của UniKey) rồi nhập lại</translation>
    </message>
    <message>
        <source>unknown encoding &apos;%1&apos;; known: %2</source>
        <translation>không có bảng mã &apos;%1&apos;; các bảng mã được hỗ trợ: %2</translation>
    </message>
    <message>
        <source>this system&apos;s iconv cannot convert Windows-1258 (CP1258)</source>
        <translation>iconv của hệ thống này không chuyển đổi được Windows-1258 (CP1258)</translation>
    </message>
    <message>
        <source>iconv failed (errno %1)</source>
        <translation>iconv bị lỗi (errno %1)</translation>
    </message>
    <message>
        <source>%1 is empty: expected the text of a resolution (plain text, PDF or DOCX)</source>
        <translation>%1 trống: cần văn bản của nghị quyết (văn bản thuần, PDF hoặc DOCX)</translation>
    </message>
    <message>
        <source>converted from %1 (no byte order mark: told by its NUL bytes)</source>
        <translation>đã chuyển từ %1 (không có dấu thứ tự byte (BOM): nhận biết qua các byte NUL)</translation>
    </message>
    <message>
        <source>read as %1, as asked (--encoding)</source>
        <translation>đọc theo %1, như đã yêu cầu (--encoding)</translation>
    </message>
    <message>
        <source>converted from %1</source>
        <translation>đã chuyển từ %1</translation>
    </message>
    <message>
        <source>%1 is binary data, not a text: %2 control bytes in its first %3 bytes. Expected the plain text, PDF or DOCX of a resolution</source>
        <translation>%1 là dữ liệu nhị phân, không phải văn bản: có %2 byte điều khiển trong %3 byte đầu tiên. Cần văn bản thuần, PDF hoặc DOCX của nghị quyết</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text (byte 0x%2 at %3)</source>
        <translation>%1 không phải văn bản UTF-8 (byte 0x%2 tại %3)</translation>
    </message>
    <message>
        <source>not a legacy encoding</source>
        <translation>không phải bảng mã cũ</translation>
    </message>
    <message>
        <source>capitals written with ABC&apos;s capital fonts (lower-case codes) restored in %1 line(s)</source>
        <translation>đã khôi phục chữ hoa viết bằng phông chữ hoa của ABC (mã chữ thường) ở %1 dòng</translation>
    </message>
    <message>
        <source>byte 0x%1 at %2</source>
        <translation>byte 0x%1 tại %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text: %2 breaks it, although the rest reads as UTF-8. Is the file cut in the middle of a letter, or damaged? Check it and import again</source>
        <translation>%1 không phải văn bản UTF-8: %2 làm hỏng văn bản, dù phần còn lại đọc được như UTF-8. Tệp có bị cắt ngang giữa một chữ cái, hay bị hỏng? Hãy kiểm tra rồi nhập lại</translation>
    </message>
    <message>
        <source>converted from %1 (%2 of %3 words with Vietnamese letters read as Vietnamese; next best %4 at %5%)</source>
        <translation>đã chuyển từ %1 (%2/%3 từ có chữ cái tiếng Việt đọc ra tiếng Việt; phương án tốt thứ hai là %4 với %5%)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 words Vietnamese)</source>
        <translation>%1 (%2/%3 từ là tiếng Việt)</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text (%2) and its encoding cannot be told for certain; read as each candidate it gives: %3. Convert it to Unicode UTF-8 (for example with UniKey&apos;s converter), or name its encoding with --encoding (%4), and import again</source>
        <translation>%1 không phải văn bản UTF-8 (%2) và không xác định chắc chắn được bảng mã; kết quả đọc theo từng bảng mã có thể: %3. Hãy chuyển tệp sang Unicode UTF-8 (ví dụ bằng công cụ chuyển mã của UniKey), hoặc chỉ định bảng mã bằng --encoding (%4), rồi nhập lại</translation>
    </message>
</context>
<context>
    <name>RtFeatureStatuses</name>
    <message>
        <source>No task</source>
        <translation>Không có nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>RtFigures</name>
    <message>
        <source>the appendix</source>
        <translation>phụ lục</translation>
    </message>
    <message>
        <source>%1 (line %2), column &quot;%3&quot;: %4 states %5 but its rows sum to %6</source>
        <translation>%1 (dòng %2), cột &quot;%3&quot;: %4 ghi %5 nhưng tổng các dòng là %6</translation>
    </message>
    <message>
        <source>the row &quot;%1 %2&quot;</source>
        <translation>dòng &quot;%1 %2&quot;</translation>
    </message>
    <message>
        <source>the row &quot;%1&quot;</source>
        <translation>dòng &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>RtGazetteer</name>
    <message>
        <source>%1, line %2: a quoted field is not closed</source>
        <translation>%1, dòng %2: có một trường mở dấu ngoặc kép nhưng chưa đóng</translation>
    </message>
    <message>
        <source>%1: no such gazetteer file</source>
        <translation>%1: không tìm thấy tệp danh mục địa danh</translation>
    </message>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: không đọc được tệp (%2)</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text; save the gazetteer as UTF-8</source>
        <translation>%1: không phải văn bản UTF-8; hãy lưu danh mục địa danh ở dạng UTF-8</translation>
    </message>
    <message>
        <source>%1: empty; expected a header line (kind,code,name,…) and one line per place</source>
        <translation>%1: tệp trống; cần một dòng tiêu đề (kind,code,name,…) và mỗi địa điểm một dòng</translation>
    </message>
    <message>
        <source>%1, line 1: no column &quot;%2&quot;; the header needs kind, code and name (has: %3)</source>
        <translation>%1, dòng 1: không có cột &quot;%2&quot;; dòng tiêu đề cần có kind, code và name (hiện có: %3)</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, dòng %2</translation>
    </message>
    <message>
        <source>%1: %2 fields, the header has %3 (a comma in a name needs quotes)</source>
        <translation>%1: có %2 trường, trong khi dòng tiêu đề có %3 (tên có dấu phẩy phải đặt trong dấu ngoặc kép)</translation>
    </message>
    <message>
        <source>%1, column kind: &apos;%2&apos; is not one of %3</source>
        <translation>%1, cột kind: &apos;%2&apos; không thuộc các giá trị %3</translation>
    </message>
    <message>
        <source>%1, column code: &apos;%2&apos; is not a code (empty, or with a space or &apos;:&apos;)</source>
        <translation>%1, cột code: &apos;%2&apos; không phải là mã (để trống, hoặc có dấu cách hay &apos;:&apos;)</translation>
    </message>
    <message>
        <source>%1, column name: the place %2 has no name</source>
        <translation>%1, cột name: địa điểm %2 không có tên</translation>
    </message>
    <message>
        <source>%1, column %2: &apos;%3&apos; is not a date (YYYY-MM-DD)</source>
        <translation>%1, cột %2: &apos;%3&apos; không phải là ngày (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>%1: %2 ends (%3) before it begins (%4)</source>
        <translation>%1: %2 kết thúc (%3) trước khi bắt đầu (%4)</translation>
    </message>
    <message>
        <source>%1: %2 is already line %3 for the same dates (a reused code needs valid_from/valid_to)</source>
        <translation>%1: %2 đã có ở dòng %3 với cùng khoảng thời gian (mã được dùng lại phải có valid_from/valid_to)</translation>
    </message>
    <message>
        <source>%1, line %2, column successor: %3:%4 is not in the gazetteer</source>
        <translation>%1, dòng %2, cột successor: %3:%4 không có trong danh mục địa danh</translation>
    </message>
    <message>
        <source>%1, line %2, column parent: ward:%3 is not in the gazetteer</source>
        <translation>%1, dòng %2, cột parent: ward:%3 không có trong danh mục địa danh</translation>
    </message>
</context>
<context>
    <name>RtGpkgBackend</name>
    <message>
        <source>the file is read-only</source>
        <translation>tệp ở chế độ chỉ đọc</translation>
    </message>
    <message>
        <source>its folder is read-only (%1), and a change must create %2-journal there</source>
        <translation>thư mục chứa tệp ở chế độ chỉ đọc (%1), trong khi mỗi thay đổi phải tạo tệp %2-journal tại đó</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>tệp hoặc thư mục chứa tệp ở chế độ chỉ đọc</translation>
    </message>
    <message>
        <source>another program is writing to it</source>
        <translation>một chương trình khác đang ghi vào tệp</translation>
    </message>
    <message>
        <source>it holds an unfinished change of a program that stopped while writing, which only a program that may write to it can undo</source>
        <translation>tệp còn một thay đổi dở dang của một chương trình bị dừng khi đang ghi; chỉ chương trình có quyền ghi vào tệp mới hoàn tác được thay đổi này</translation>
    </message>
    <message>
        <source>the journal beside it cannot be opened (%1)</source>
        <translation>không mở được tệp nhật ký (journal) bên cạnh tệp (%1)</translation>
    </message>
    <message>
        <source>it may not be written (%1)</source>
        <translation>không được phép ghi vào tệp (%1)</translation>
    </message>
    <message>
        <source>access was refused (%1)</source>
        <translation>truy cập bị từ chối (%1)</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
        <source>a read or write error on the disk (%1)</source>
        <translation>lỗi đọc hoặc ghi trên ổ đĩa (%1)</translation>
    </message>
    <message>
        <source>the file is damaged (%1)</source>
        <translation>tệp bị hỏng (%1)</translation>
    </message>
    <message>
        <source>%1 cannot be read: a program that was writing to it stopped half-way, and its unfinished change (in %1-journal) must be undone first, which needs write access to the file and its folder. Run any restrack command that writes as someone who may write there, or copy both files to a folder you may write to and open the copy; the journal is left as it is</source>
        <translation>không đọc được %1: một chương trình đang ghi vào tệp đã dừng giữa chừng, và thay đổi dở dang của chương trình đó (trong %1-journal) phải được hoàn tác trước; việc này cần quyền ghi vào tệp và thư mục chứa tệp. Hãy chạy một lệnh restrack bất kỳ có ghi dữ liệu bằng tài khoản có quyền ghi tại đó, hoặc sao chép cả hai tệp sang một thư mục mà bạn có quyền ghi rồi mở bản sao; tệp journal được giữ nguyên</translation>
    </message>
    <message>
        <source>%1 is locked by another program that is writing to it; try again in a moment</source>
        <translation>%1 đang bị khóa bởi một chương trình khác đang ghi vào tệp; hãy thử lại sau giây lát</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>không đọc được %1: %2</translation>
    </message>
    <message>
        <source>this GDAL has no GeoPackage (GPKG) driver</source>
        <translation>bản GDAL này không có trình điều khiển GeoPackage (GPKG)</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>lỗi không xác định</translation>
    </message>
    <message>
        <source>cannot create table %1: %2</source>
        <translation>không tạo được bảng %1: %2</translation>
    </message>
    <message>
        <source>cannot create column %1.%2: %3</source>
        <translation>không tạo được cột %1.%2: %3</translation>
    </message>
    <message>
        <source>cannot write the schema version: %1</source>
        <translation>không ghi được phiên bản lược đồ: %1</translation>
    </message>
    <message>
        <source>closing the file failed</source>
        <translation>đóng tệp thất bại</translation>
    </message>
    <message>
        <source>no register file given</source>
        <translation>chưa chỉ định tệp sổ theo dõi</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 không tồn tại</translation>
    </message>
    <message>
        <source>%1 is a folder, not a GeoPackage file</source>
        <translation>%1 là thư mục, không phải tệp GeoPackage</translation>
    </message>
    <message>
        <source>%1 is not a readable GeoPackage (%2)</source>
        <translation>%1 không phải là tệp GeoPackage đọc được (%2)</translation>
    </message>
    <message>
        <source>GDAL cannot open it</source>
        <translation>GDAL không mở được tệp</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2, and it holds an unfinished change of a program that stopped while writing, which must be undone first</source>
        <translation>không mở được %1: %2, và tệp còn một thay đổi dở dang của một chương trình bị dừng khi đang ghi, cần được hoàn tác trước</translation>
    </message>
    <message>
        <source>%1 cannot be opened for writing: %2</source>
        <translation>không mở được %1 để ghi: %2</translation>
    </message>
    <message>
        <source>%1: this GDAL gives no access to the GeoPackage&apos;s SQLite connection</source>
        <translation>%1: bản GDAL này không cho phép truy cập kết nối SQLite của GeoPackage</translation>
    </message>
    <message>
        <source>%1 is a GeoPackage but not a Resolution Tracker register: table %2 missing</source>
        <translation>%1 là tệp GeoPackage nhưng không phải sổ theo dõi của Resolution Tracker: thiếu bảng %2</translation>
    </message>
    <message>
        <source>%1 is not a register this version can read: column %2.%3 missing</source>
        <translation>%1 không phải sổ theo dõi mà phiên bản này đọc được: thiếu cột %2.%3</translation>
    </message>
    <message>
        <source>cannot read the schema version of %1: %2</source>
        <translation>không đọc được phiên bản lược đồ của %1: %2</translation>
    </message>
    <message>
        <source>%1 is a damaged register: its schema version in rt_meta is %2</source>
        <translation>%1 là sổ theo dõi bị hỏng: phiên bản lược đồ trong rt_meta là %2</translation>
    </message>
    <message>
        <source>%1 is a register of schema %2, which this version reads but does not write; open it for writing to upgrade it first</source>
        <translation>%1 là sổ theo dõi theo lược đồ %2, phiên bản này chỉ đọc được mà không ghi được; hãy mở tệp ở chế độ ghi để nâng cấp trước</translation>
    </message>
    <message>
        <source>cannot read the triggers of %1</source>
        <translation>không đọc được các trigger của %1</translation>
    </message>
    <message>
        <source>trigger %1 is missing</source>
        <translation>thiếu trigger %1</translation>
    </message>
    <message>
        <source>trigger %1 was changed</source>
        <translation>trigger %1 đã bị thay đổi</translation>
    </message>
    <message>
        <source>%1 was altered outside Resolution Tracker: its history (%2) is no longer append-only (%3), so its history may have been changed; nothing is written to it. Check the file, then restore it from a copy or rebuild the register</source>
        <translation>%1 đã bị sửa đổi bên ngoài Resolution Tracker: lịch sử (%2) không còn ở chế độ chỉ ghi thêm (%3), nên lịch sử có thể đã bị thay đổi; không ghi gì vào tệp. Hãy kiểm tra tệp, sau đó khôi phục từ bản sao hoặc dựng lại sổ theo dõi</translation>
    </message>
    <message>
        <source>the register is not open</source>
        <translation>sổ theo dõi chưa được mở</translation>
    </message>
    <message>
        <source>table %1 has no column %2</source>
        <translation>bảng %1 không có cột %2</translation>
    </message>
    <message>
        <source>cannot read table %1 of %2: %3</source>
        <translation>không đọc được bảng %1 của %2: %3</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>không ghi được vào %1: %2</translation>
    </message>
    <message>
        <source>%1 was opened read-only</source>
        <translation>%1 đã được mở ở chế độ chỉ đọc</translation>
    </message>
    <message>
        <source>%1: a change is already under way</source>
        <translation>%1: đang có một thay đổi chưa hoàn tất</translation>
    </message>
    <message>
        <source>another program is writing to %1 and holds its write lock; try again in a moment</source>
        <translation>một chương trình khác đang ghi vào %1 và giữ khóa ghi; hãy thử lại sau giây lát</translation>
    </message>
    <message>
        <source>%1 was moved or deleted while it was open</source>
        <translation>%1 đã bị di chuyển hoặc xóa trong khi đang mở</translation>
    </message>
    <message>
        <source>%1 was replaced by other programs again and again while this change waited; try again</source>
        <translation>%1 liên tục bị các chương trình khác thay thế trong khi thay đổi này chờ; hãy thử lại</translation>
    </message>
    <message>
        <source>%1: no change under way</source>
        <translation>%1: không có thay đổi nào đang thực hiện</translation>
    </message>
    <message>
        <source>table %1 has no sequence</source>
        <translation>bảng %1 không có bộ đánh số (sequence)</translation>
    </message>
    <message>
        <source>cannot read the history of %1: %2</source>
        <translation>không đọc được lịch sử của %1: %2</translation>
    </message>
    <message>
        <source>table %1: an update needs a filter and values</source>
        <translation>bảng %1: lệnh cập nhật cần có điều kiện lọc và giá trị</translation>
    </message>
    <message>
        <source>table %1: a delete needs a filter</source>
        <translation>bảng %1: lệnh xóa cần có điều kiện lọc</translation>
    </message>
    <message>
        <source>another program is reading %1 and holds a reader&apos;s lock on it (a long query, a database browser?); the change could not be saved, try again when it has finished</source>
        <translation>một chương trình khác đang đọc %1 và giữ khóa đọc (một truy vấn dài, một trình duyệt cơ sở dữ liệu?); không lưu được thay đổi, hãy thử lại khi chương trình đó đã xong</translation>
    </message>
    <message>
        <source>no file name given for the register</source>
        <translation>chưa chỉ định tên tệp cho sổ theo dõi</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file name or allow overwriting it</source>
        <translation>%1 đã tồn tại; hãy chọn tên tệp khác hoặc cho phép ghi đè</translation>
    </message>
    <message>
        <source>refusing to replace %1: only a register is replaced, and this is not one: %2</source>
        <translation>từ chối thay thế %1: chỉ được thay thế tệp sổ theo dõi, mà tệp này không phải: %2</translation>
    </message>
    <message>
        <source>cannot create %1: folder %2 does not exist</source>
        <translation>không tạo được %1: thư mục %2 không tồn tại</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>không tạo được %1: %2</translation>
    </message>
    <message>
        <source>refusing to replace it: %1</source>
        <translation>từ chối thay thế tệp: %1</translation>
    </message>
    <message>
        <source>it holds recorded changes and could not be kept aside (%1); nothing was replaced</source>
        <translation>tệp có chứa các thay đổi đã ghi nhận và không thể cất giữ riêng (%1); không có gì bị thay thế</translation>
    </message>
    <message>
        <source>%1 is a register of schema %2 and must be upgraded, but it was opened read-only</source>
        <translation>%1 là sổ theo dõi theo lược đồ %2 và phải được nâng cấp, nhưng tệp đã được mở ở chế độ chỉ đọc</translation>
    </message>
    <message>
        <source>cannot upgrade %1 from schema %2 to %3; it was left as it was: %4</source>
        <translation>không nâng cấp được %1 từ lược đồ %2 lên %3; tệp được giữ nguyên: %4</translation>
    </message>
    <message>
        <source>it could not be kept aside first (%1)</source>
        <translation>không thể cất giữ riêng tệp trước (%1)</translation>
    </message>
</context>
<context>
    <name>RtHeaderReader</name>
    <message>
        <source>%1: no document number (a line &quot;Số: 172/NQ-HĐND&quot;) before the first article; is this the text of a resolution?</source>
        <translation>%1: không có số văn bản (dòng &quot;Số: 172/NQ-HĐND&quot;) trước điều đầu tiên; đây có phải văn bản nghị quyết không?</translation>
    </message>
    <message>
        <source>%1: no valid place and date line (&quot;Móng Cái, ngày 13 tháng 10 năm 2023&quot;) before the first article</source>
        <translation>%1: không có dòng địa danh và ngày tháng hợp lệ (&quot;Móng Cái, ngày 13 tháng 10 năm 2023&quot;) trước điều đầu tiên</translation>
    </message>
    <message>
        <source>%1: no article (&quot;Điều 1. …&quot;) or numbered item found after the header; the text is not a resolution or is truncated</source>
        <translation>%1: không tìm thấy điều (&quot;Điều 1. …&quot;) hay mục đánh số nào sau phần đầu văn bản; văn bản không phải nghị quyết hoặc bị cắt cụt</translation>
    </message>
</context>
<context>
    <name>RtLayerKeys</name>
    <message>
        <source>another program is writing to the file (database is locked): close it there and retry</source>
        <translation>một chương trình khác đang ghi vào tệp (database is locked): hãy đóng tệp ở chương trình đó rồi thử lại</translation>
    </message>
    <message>
        <source>%1 has no layer %2 (it holds %3: %4)</source>
        <translation>%1 không có lớp %2 (tệp có %3: %4)</translation>
    </message>
    <message>
        <source>%1 has no layer &apos;%2&apos;; its layers: %3</source>
        <translation>%1 không có lớp &apos;%2&apos;; các lớp hiện có: %3</translation>
    </message>
    <message>
        <source>%1 holds no vector layer</source>
        <translation>%1 không chứa lớp vector nào</translation>
    </message>
    <message>
        <source>%1 holds several layers (%2): name one with &quot;%1|layername=NAME&quot;</source>
        <translation>%1 chứa nhiều lớp (%2): hãy chỉ định một lớp bằng &quot;%1|layername=NAME&quot;</translation>
    </message>
    <message>
        <source>%1: unknown layer option &apos;%2&apos;; a layer is PATH, PATH|layername=NAME or PATH|layerid=N</source>
        <translation>%1: tùy chọn lớp &apos;%2&apos; không hợp lệ; một lớp được ghi là PATH, PATH|layername=NAME hoặc PATH|layerid=N</translation>
    </message>
    <message>
        <source>%1: the option %2 is given twice; name one layer</source>
        <translation>%1: tùy chọn %2 được nêu hai lần; hãy chỉ định một lớp</translation>
    </message>
    <message>
        <source>%1: layername is empty; name the layer (layername=NAME)</source>
        <translation>%1: layername để trống; hãy ghi tên lớp (layername=NAME)</translation>
    </message>
    <message>
        <source>%1: layerid &apos;%2&apos; is not a layer number (0, 1, …)</source>
        <translation>%1: layerid &apos;%2&apos; không phải số thứ tự lớp (0, 1, …)</translation>
    </message>
    <message>
        <source>%1: give layername or layerid, not both</source>
        <translation>%1: hãy nêu layername hoặc layerid, không nêu cả hai</translation>
    </message>
    <message>
        <source>no layer given: use PATH or &quot;PATH|layername=NAME&quot;</source>
        <translation>chưa chỉ định lớp: hãy dùng PATH hoặc &quot;PATH|layername=NAME&quot;</translation>
    </message>
    <message>
        <source>%1: no key field given; name the field(s) that hold the place key</source>
        <translation>%1: chưa chỉ định trường khóa; hãy nêu (các) trường chứa khóa địa điểm</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: không tìm thấy tệp</translation>
    </message>
    <message>
        <source>%1: GDAL cannot open it as a vector dataset (%2)</source>
        <translation>%1: GDAL không mở được tệp dưới dạng dữ liệu vector (%2)</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>định dạng không xác định</translation>
    </message>
    <message>
        <source>%1 has no field &apos;%2&apos;; its fields: %3</source>
        <translation>%1 không có trường &apos;%2&apos;; các trường hiện có: %3</translation>
    </message>
    <message>
        <source>%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)</source>
        <translation>%1: trường %2 có kiểu số, trong khi mã GSO phải được đọc kèm các chữ số 0 ở đầu (5 chữ số)</translation>
    </message>
    <message>
        <source>%1: GDAL reported while reading: %2</source>
        <translation>%1: GDAL báo khi đọc: %2</translation>
    </message>
    <message>
        <source>%1: cannot open it for writing (%2)</source>
        <translation>%1: không mở được tệp để ghi (%2)</translation>
    </message>
    <message>
        <source>read-only or not a vector dataset</source>
        <translation>chỉ đọc hoặc không phải dữ liệu vector</translation>
    </message>
    <message>
        <source>%1 is a %2 dataset: the result is written into GeoPackage layers only (convert it first, e.g. ogr2ogr -f GPKG OUT.gpkg &quot;%1&quot;)</source>
        <translation>%1 là dữ liệu %2: kết quả chỉ được ghi vào lớp GeoPackage (hãy chuyển đổi trước, ví dụ ogr2ogr -f GPKG OUT.gpkg &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>%1 has no feature id column; cannot tell which row is which</source>
        <translation>%1 không có cột mã đối tượng (feature id); không phân biệt được các dòng</translation>
    </message>
    <message>
        <source>%1: field %2 exists with type %3, expected %4; rename or delete it</source>
        <translation>%1: trường %2 đã tồn tại với kiểu %3, cần kiểu %4; hãy đổi tên hoặc xóa trường đó</translation>
    </message>
    <message>
        <source>%1: cannot start a transaction (%2)</source>
        <translation>%1: không bắt đầu được giao dịch (transaction) (%2)</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>lỗi không xác định</translation>
    </message>
    <message>
        <source>%1: %2 (%3); nothing was written</source>
        <translation>%1: %2 (%3); không có gì được ghi</translation>
    </message>
    <message>
        <source>cannot add field %1</source>
        <translation>không thêm được trường %1</translation>
    </message>
    <message>
        <source>cannot create a temporary table</source>
        <translation>không tạo được bảng tạm</translation>
    </message>
    <message>
        <source>cannot stage the results</source>
        <translation>không đưa được kết quả vào bảng tạm</translation>
    </message>
    <message>
        <source>cannot update the features</source>
        <translation>không cập nhật được các đối tượng</translation>
    </message>
    <message>
        <source>cannot drop the temporary table</source>
        <translation>không xóa được bảng tạm</translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation>không xác nhận (commit) được giao dịch</translation>
    </message>
    <message>
        <source>%1: closing the file failed (%2)</source>
        <translation>%1: đóng tệp thất bại (%2)</translation>
    </message>
    <message>
        <source>%1: %2 &apos;%3&apos; is given several values of &apos;%4&apos; (%5): left out of the key map</source>
        <translation>%1: %2 &apos;%3&apos; được gán nhiều giá trị &apos;%4&apos; (%5): bị loại khỏi bảng đối chiếu khóa</translation>
    </message>
</context>
<context>
    <name>RtLayoutTemplate</name>
    <message>
        <source>a label</source>
        <translation>một nhãn</translation>
    </message>
    <message>
        <source>a map</source>
        <translation>một bản đồ</translation>
    </message>
    <message>
        <source>a legend</source>
        <translation>một chú giải</translation>
    </message>
    <message>
        <source>a scale bar</source>
        <translation>một thước tỷ lệ</translation>
    </message>
    <message>
        <source>a picture</source>
        <translation>một hình ảnh</translation>
    </message>
    <message>
        <source>a fixed table (Add Fixed Table)</source>
        <translation>một bảng cố định (Add Fixed Table)</translation>
    </message>
    <message>
        <source>the frame of %1</source>
        <translation>khung của %1</translation>
    </message>
    <message>
        <source>an empty frame</source>
        <translation>một khung trống</translation>
    </message>
    <message>
        <source>template %1: cannot read it (%2)</source>
        <translation>mẫu %1: không đọc được (%2)</translation>
    </message>
    <message>
        <source>template %1: not a QGIS layout template (line %2, column %3: %4)</source>
        <translation>mẫu %1: không phải mẫu bố cục QGIS (dòng %2, cột %3: %4)</translation>
    </message>
    <message>
        <source>template %1: not a QGIS layout template (its root is &lt;%2&gt;, not &lt;Layout&gt;); save one from QGIS&apos;s layout designer (Layout › Save as Template…)</source>
        <translation>mẫu %1: không phải mẫu bố cục QGIS (phần tử gốc là &lt;%2&gt;, không phải &lt;Layout&gt;); hãy lưu một mẫu từ trình thiết kế bố cục của QGIS (Layout › Save as Template…)</translation>
    </message>
    <message>
        <source>template %1: QGIS could not read it as a layout template</source>
        <translation>mẫu %1: QGIS không đọc được tệp này như một mẫu bố cục</translation>
    </message>
    <message>
        <source>template %1: no item with the id &apos;%2&apos; (%3); the map needs it. In QGIS&apos;s layout designer give that id to such an item (Item Properties › Item ID)</source>
        <translation>mẫu %1: không có phần tử nào có id &apos;%2&apos; (%3); bản đồ cần phần tử này. Trong trình thiết kế bố cục của QGIS, hãy đặt id đó cho một phần tử thuộc loại này (Item Properties › Item ID)</translation>
    </message>
    <message>
        <source>template %1: the item &apos;%2&apos; is %3, not %4</source>
        <translation>mẫu %1: phần tử &apos;%2&apos; là %3, không phải %4</translation>
    </message>
</context>
<context>
    <name>RtMapExport</name>
    <message>
        <source>Resolution %1 of %2 of the %3 council</source>
        <translation>Nghị quyết %1 ngày %2 của HĐND %3</translation>
    </message>
    <message>
        <source>tasks of all %1 resolutions of the register</source>
        <translation>nhiệm vụ của tất cả %1 nghị quyết của sổ theo dõi</translation>
    </message>
    <message>
        <source>tasks of resolution %1</source>
        <translation>nhiệm vụ của Nghị quyết %1</translation>
    </message>
    <message>
        <source>tasks of resolutions %1</source>
        <translation>nhiệm vụ của các Nghị quyết %1</translation>
    </message>
    <message>
        <source>task statuses: register %1</source>
        <translation>trạng thái nhiệm vụ: sổ theo dõi %1</translation>
    </message>
    <message>
        <source>shoreline and border GSHHG 2.3.7 (LGPL)</source>
        <translation>đường bờ biển và biên giới GSHHG 2.3.7 (LGPL)</translation>
    </message>
    <message>
        <source>boundaries of wards, zones and sites: diagrams drawn from public documents</source>
        <translation>ranh giới phường, xã, phân khu và công trình: sơ đồ vẽ theo tài liệu công khai</translation>
    </message>
    <message>
        <source>2025 units from the 2023 ward codes through the field %1 of the layer %2</source>
        <translation>đơn vị hành chính 2025 quy đổi từ mã phường, xã năm 2023 theo trường %1 của lớp %2</translation>
    </message>
    <message>
        <source>Sources: </source>
        <translation>Nguồn: </translation>
    </message>
    <message>
        <source>Status / Trạng thái thực hiện</source>
        <translation>Trạng thái thực hiện / Status</translation>
    </message>
    <message>
        <source>Features / Đối tượng trên bản đồ</source>
        <translation>Đối tượng trên bản đồ / Features</translation>
    </message>
    <message>
        <source>Resolution No. %1 of %2 — Progress as of %3</source>
        <translation>Nghị quyết số %1 ngày %2 — Tình hình thực hiện đến ngày %3</translation>
    </message>
    <message>
        <source>Council map — %1</source>
        <translation>Bản đồ HĐND — %1</translation>
    </message>
    <message>
        <source>%1. Each ward, zone and site is coloured by the status of the resolution&apos;s tasks linked to it.</source>
        <translation>%1. Màu của mỗi địa bàn, phân khu, công trình: trạng thái các nhiệm vụ của Nghị quyết gắn với nó.</translation>
    </message>
    <message>
        <source>Administrative units 2025 (from 1/7/2025): each unit, zone and site is coloured by the status of the tasks linked to it; a task stated for a 2023 ward or commune counts for the 2025 unit that includes it.</source>
        <translation>Đơn vị hành chính 2025 (từ 1/7/2025): màu của mỗi đơn vị, phân khu, công trình là trạng thái các nhiệm vụ gắn với nó; nhiệm vụ ghi theo phường, xã năm 2023 được tính cho đơn vị 2025 bao gồm phường, xã đó.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>BẮC</translation>
    </message>
    <message>
        <source>Legend / Chú giải</source>
        <translation>Chú giải / Legend</translation>
    </message>
    <message>
        <source>A place&apos;s colour: every task that names it, directive items included. </source>
        <translation>Màu của một địa bàn, phân khu, công trình: mọi nhiệm vụ gắn với nó, kể cả các mục chỉ đạo chung. </translation>
    </message>
    <message>
        <source>A place&apos;s colour: the concrete commitments that name it; directive items colour it only where no commitment names it. </source>
        <translation>Màu của một địa bàn, phân khu, công trình: các nhiệm vụ cụ thể gắn với nó; mục chỉ đạo chung chỉ tô màu nơi không có nhiệm vụ cụ thể nào. </translation>
    </message>
    <message>
        <source>A place with several tasks shows, in order of precedence: blocked, overdue, in progress, done, dropped, not started, no report.</source>
        <translation>Một đối tượng gắn nhiều nhiệm vụ nhận trạng thái theo thứ tự ưu tiên: vướng mắc, quá hạn, đang thực hiện, hoàn thành, không còn phù hợp, chưa triển khai, chưa có báo cáo.</translation>
    </message>
    <message>
        <source>Tasks by status (as of %1)</source>
        <translation>Nhiệm vụ theo trạng thái (đến %1)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Số NV</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Tổng số nhiệm vụ</translation>
    </message>
    <message>
        <source>of which overdue / trong đó quá hạn</source>
        <translation>trong đó quá hạn / of which overdue</translation>
    </message>
    <message>
        <source>Overdue tasks (%1)</source>
        <translation>Nhiệm vụ quá hạn (%1)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Task (id)</source>
        <translation>Nhiệm vụ (mã)</translation>
    </message>
    <message>
        <source>No task is overdue.</source>
        <translation>Không có nhiệm vụ quá hạn.</translation>
    </message>
    <message>
        <source>… and %1 more overdue (see: restrack summary)</source>
        <translation>… và %1 nhiệm vụ quá hạn khác (xem: restrack summary)</translation>
    </message>
    <message>
        <source>Made with Resolution Tracker on %1 from the register; statuses as of %2.</source>
        <translation>Lập bằng Resolution Tracker ngày %1 từ sổ theo dõi; trạng thái tính đến %2.</translation>
    </message>
    <message>
        <source>Administrative unit 2025</source>
        <translation>Đơn vị hành chính 2025</translation>
    </message>
    <message>
        <source>Ward or commune (2023)</source>
        <translation>Phường, xã (2023)</translation>
    </message>
    <message>
        <source>Zoning sub-plan (dashed outline)</source>
        <translation>Phân khu quy hoạch (viền nét đứt)</translation>
    </message>
    <message>
        <source>Site (bold outline)</source>
        <translation>Công trình, khu vực (viền đậm)</translation>
    </message>
    <message>
        <source>Road, bridge, lighting</source>
        <translation>Tuyến đường, cầu, chiếu sáng</translation>
    </message>
    <message>
        <source>International border</source>
        <translation>Biên giới quốc gia</translation>
    </message>
    <message>
        <source>template %1: the table &apos;%2&apos; has %3 columns; the council map fills %4 (%5)</source>
        <translation>mẫu %1: bảng &apos;%2&apos; có %3 cột; bản đồ HĐND điền %4 cột (%5)</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>không ghi được tệp</translation>
    </message>
    <message>
        <source>not enough memory for the image; lower the dpi</source>
        <translation>không đủ bộ nhớ cho hình ảnh; hãy giảm dpi</translation>
    </message>
    <message>
        <source>the PDF could not be created</source>
        <translation>không tạo được tệp PDF</translation>
    </message>
    <message>
        <source>QgsLayoutExporter error %1</source>
        <translation>lỗi QgsLayoutExporter %1</translation>
    </message>
    <message>
        <source>%1: the output must end in .pdf or .png</source>
        <translation>%1: tệp đầu ra phải có đuôi .pdf hoặc .png</translation>
    </message>
    <message>
        <source>template %1: no such file</source>
        <translation>mẫu %1: không tìm thấy tệp</translation>
    </message>
    <message>
        <source>font %1 is not installed (Debian: fonts-dejavu-core): Vietnamese diacritics may not render</source>
        <translation>phông chữ %1 chưa được cài đặt (Debian: fonts-dejavu-core): dấu tiếng Việt có thể hiển thị không đúng</translation>
    </message>
    <message>
        <source>%1: the export failed: %2</source>
        <translation>%1: xuất thất bại: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>Illustrative diagram, not a legal boundary</source>
        <translation>Sơ đồ minh họa, không phải ranh giới pháp lý</translation>
    </message>
</context>
<context>
    <name>RtMapLayers</name>
    <message>
        <source>%1 has no table &apos;%2&apos;</source>
        <translation>%1 không có bảng &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: table &apos;%2&apos; has no field &apos;%3&apos; to join the tasks on</source>
        <translation>%1: bảng &apos;%2&apos; không có trường &apos;%3&apos; để nối với các nhiệm vụ</translation>
    </message>
    <message>
        <source>%1: cannot make a memory copy of &apos;%2&apos;</source>
        <translation>%1: không tạo được bản sao trong bộ nhớ của &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: cannot copy the features of &apos;%2&apos;</source>
        <translation>%1: không sao chép được các đối tượng của &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1, table &apos;%2&apos;: %3</source>
        <translation>%1, bảng &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>ward %1 (2023) has no 2025 unit in %2, table &apos;%3&apos;, field &apos;%4&apos;: not shown on the 2025 units for task %5</source>
        <translation>phường, xã %1 (2023) không có đơn vị 2025 tương ứng trong %2, bảng &apos;%3&apos;, trường &apos;%4&apos;: không hiển thị trên các đơn vị 2025 cho nhiệm vụ %5</translation>
    </message>
    <message>
        <source>the ward units must be 2023 or 2025, not %1</source>
        <translation>đơn vị phường, xã phải theo năm 2023 hoặc 2025, không phải %1</translation>
    </message>
    <message>
        <source>%1: no such file; pass the map layers GeoPackage (--layers)</source>
        <translation>%1: không tìm thấy tệp; hãy chỉ định tệp GeoPackage chứa các lớp bản đồ (--layers)</translation>
    </message>
    <message>
        <source>%1: not a GeoPackage GDAL can read (%2)</source>
        <translation>%1: không phải tệp GeoPackage mà GDAL đọc được (%2)</translation>
    </message>
    <message>
        <source>%1 has no table &apos;%2&apos;: there are no 2025 units to show</source>
        <translation>%1 không có bảng &apos;%2&apos;: không có đơn vị 2025 nào để hiển thị</translation>
    </message>
    <message>
        <source>task %1 is on no feature of %2</source>
        <translation>nhiệm vụ %1 không gắn với đối tượng nào của %2</translation>
    </message>
    <message>
        <source>%1 holds none of the tables %2, zones, sites, site_lines: %3</source>
        <translation>%1 không chứa bảng nào trong số %2, zones, sites, site_lines: %3</translation>
    </message>
</context>
<context>
    <name>RtMapStyle</name>
    <message>
        <source>%1: cannot read the style (%2)</source>
        <translation>%1: không đọc được kiểu hiển thị (%2)</translation>
    </message>
    <message>
        <source>%1 is missing from the library</source>
        <translation>thư viện không có %1</translation>
    </message>
    <message>
        <source>%1: not a QML style (line %2: %3)</source>
        <translation>%1: không phải kiểu hiển thị QML (dòng %2: %3)</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>Đất liền</translation>
    </message>
    <message>
        <source>International border</source>
        <translation>Biên giới quốc gia</translation>
    </message>
    <message>
        <source>Wards and communes (2023)</source>
        <translation>Phường, xã (2023)</translation>
    </message>
    <message>
        <source>Units from 1/7/2025</source>
        <translation>Đơn vị hành chính từ 1/7/2025</translation>
    </message>
    <message>
        <source>Zoning sub-plans</source>
        <translation>Phân khu quy hoạch</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Công trình, khu vực</translation>
    </message>
    <message>
        <source>Roads, bridges, lighting</source>
        <translation>Tuyến đường, cầu, chiếu sáng</translation>
    </message>
    <message>
        <source>Status not computed</source>
        <translation>Chưa tính trạng thái</translation>
    </message>
</context>
<context>
    <name>RtOutputFile</name>
    <message>
        <source>%1: the folder %2 does not exist or is not writable</source>
        <translation>%1: thư mục %2 không tồn tại hoặc không ghi được</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file name</source>
        <translation>%1 là thư mục, không phải tên tệp</translation>
    </message>
    <message>
        <source>%1 exists; pass --overwrite to replace it</source>
        <translation>%1 đã tồn tại; hãy thêm --overwrite để thay thế</translation>
    </message>
    <message>
        <source>%1: cannot create the temporary file %2: %3</source>
        <translation>%1: không tạo được tệp tạm %2: %3</translation>
    </message>
    <message>
        <source>%1: cannot write to disk: %2</source>
        <translation>%1: không ghi được xuống ổ đĩa: %2</translation>
    </message>
    <message>
        <source>%1: cannot replace it: %2</source>
        <translation>%1: không thay thế được tệp: %2</translation>
    </message>
    <message>
        <source>%1: cannot write it: %2</source>
        <translation>%1: không ghi được tệp: %2</translation>
    </message>
    <message>
        <source>%1: written, but its folder could not be synced to disk: %2</source>
        <translation>%1: đã ghi, nhưng không đồng bộ được thư mục chứa tệp xuống ổ đĩa: %2</translation>
    </message>
</context>
<context>
    <name>RtParagraphs</name>
    <message>
        <source>removed %1 page number(s) and %2 running header or footer line(s)</source>
        <translation>đã loại bỏ %1 số trang và %2 dòng tiêu đề đầu trang hoặc chân trang</translation>
    </message>
    <message>
        <source>line %1: footnote %2 appears twice; the first is kept</source>
        <translation>dòng %1: chú thích %2 xuất hiện hai lần; giữ lại chú thích đầu tiên</translation>
    </message>
</context>
<context>
    <name>RtPgBackend</name>
    <message>
        <source>the connection to the server was lost (%1)</source>
        <translation>mất kết nối tới máy chủ (%1)</translation>
    </message>
    <message>
        <source>another program is changing it and holds its lock; try again in a moment</source>
        <translation>một chương trình khác đang thay đổi dữ liệu và giữ khóa; hãy thử lại sau giây lát</translation>
    </message>
    <message>
        <source>another program changed it meanwhile (%1)</source>
        <translation>dữ liệu đã bị thay đổi trong lúc đó bởi một chương trình khác (%1)</translation>
    </message>
    <message>
        <source>the server refused access (%1)</source>
        <translation>máy chủ từ chối truy cập (%1)</translation>
    </message>
    <message>
        <source>the server accepts no writes (%1)</source>
        <translation>máy chủ không chấp nhận ghi (%1)</translation>
    </message>
    <message>
        <source>the server is out of resources (%1)</source>
        <translation>máy chủ đã hết tài nguyên (%1)</translation>
    </message>
    <message>
        <source>no database connection given</source>
        <translation>chưa chỉ định kết nối cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>không kết nối được tới %1: %2</translation>
    </message>
    <message>
        <source>cannot connect to %1: out of memory</source>
        <translation>không kết nối được tới %1: hết bộ nhớ</translation>
    </message>
    <message>
        <source>cannot set up the connection to %1</source>
        <translation>không thiết lập được kết nối tới %1</translation>
    </message>
    <message>
        <source>the register is not open</source>
        <translation>sổ theo dõi chưa được mở</translation>
    </message>
    <message>
        <source>the connection to %1 was lost and cannot be made again: %2</source>
        <translation>mất kết nối tới %1 và không kết nối lại được: %2</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>không đọc được %1</translation>
    </message>
    <message>
        <source>%1 holds no register (no table %2 in schema %3); create one with &apos;restrack db init&apos; or &apos;restrack push&apos;</source>
        <translation>%1 không chứa sổ theo dõi nào (không có bảng %2 trong lược đồ %3); hãy tạo bằng &apos;restrack db init&apos; hoặc &apos;restrack push&apos;</translation>
    </message>
    <message>
        <source>cannot read the schema version of %1: %2</source>
        <translation>không đọc được phiên bản lược đồ của %1: %2</translation>
    </message>
    <message>
        <source>%1 is a damaged register: its schema version in %2 is %3</source>
        <translation>%1 là sổ theo dõi bị hỏng: phiên bản lược đồ trong %2 là %3</translation>
    </message>
    <message>
        <source>cannot read the tables of %1</source>
        <translation>không đọc được các bảng của %1</translation>
    </message>
    <message>
        <source>%1 is not a register this version can read: table %2 missing</source>
        <translation>%1 không phải sổ theo dõi mà phiên bản này đọc được: thiếu bảng %2</translation>
    </message>
    <message>
        <source>%1 is not a register this version can read: column %2.%3 missing</source>
        <translation>%1 không phải sổ theo dõi mà phiên bản này đọc được: thiếu cột %2.%3</translation>
    </message>
    <message>
        <source>cannot read the triggers of %1</source>
        <translation>không đọc được các trigger của %1</translation>
    </message>
    <message>
        <source>trigger %1 is disabled</source>
        <translation>trigger %1 đã bị vô hiệu hóa</translation>
    </message>
    <message>
        <source>trigger %1 is missing</source>
        <translation>thiếu trigger %1</translation>
    </message>
    <message>
        <source>%1 was altered outside Resolution Tracker: its history (%2) is no longer append-only (%3), so its history may have been changed; nothing is written to it. Check the database, then restore the register from a backup or push it again</source>
        <translation>%1 đã bị sửa đổi bên ngoài Resolution Tracker: lịch sử (%2) không còn ở chế độ chỉ ghi thêm (%3), nên lịch sử có thể đã bị thay đổi; không ghi gì vào đó. Hãy kiểm tra cơ sở dữ liệu, sau đó khôi phục sổ theo dõi từ bản sao lưu hoặc đẩy lên lại (push)</translation>
    </message>
    <message>
        <source>table %1 has no column %2</source>
        <translation>bảng %1 không có cột %2</translation>
    </message>
    <message>
        <source>cannot read table %1 of %2</source>
        <translation>không đọc được bảng %1 của %2</translation>
    </message>
    <message>
        <source>%1 was opened read-only</source>
        <translation>%1 đã được mở ở chế độ chỉ đọc</translation>
    </message>
    <message>
        <source>%1: a change is already under way</source>
        <translation>%1: đang có một thay đổi chưa hoàn tất</translation>
    </message>
    <message>
        <source>%1 cannot be written</source>
        <translation>không ghi được vào %1</translation>
    </message>
    <message>
        <source>another program is changing %1 and holds its lock; try again in a moment</source>
        <translation>một chương trình khác đang thay đổi %1 và giữ khóa; hãy thử lại sau giây lát</translation>
    </message>
    <message>
        <source>task %1 of %2</source>
        <translation>nhiệm vụ %1 của %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>không ghi được vào %1: %2</translation>
    </message>
    <message>
        <source>%1 may not change task %2 of %3: it may be changed by %4an administrator (rt_admin)</source>
        <translation>%1 không được thay đổi nhiệm vụ %2 của %3: nhiệm vụ này chỉ có thể được thay đổi bởi %4quản trị viên (rt_admin)</translation>
    </message>
    <message>
        <source>%1: no change under way</source>
        <translation>%1: không có thay đổi nào đang thực hiện</translation>
    </message>
    <message>
        <source>table %1 has no sequence</source>
        <translation>bảng %1 không có bộ đánh số (sequence)</translation>
    </message>
    <message>
        <source>cannot number a new row of %1 in %2</source>
        <translation>không đánh số được dòng mới của %1 trong %2</translation>
    </message>
    <message>
        <source>cannot read the history of %1</source>
        <translation>không đọc được lịch sử của %1</translation>
    </message>
    <message>
        <source>table %1, column %2: a text holding a NUL character cannot be stored on the server</source>
        <translation>bảng %1, cột %2: không lưu được lên máy chủ văn bản có chứa ký tự NUL</translation>
    </message>
    <message>
        <source>%1 cannot be written (table %2)</source>
        <translation>không ghi được vào %1 (bảng %2)</translation>
    </message>
    <message>
        <source>table %1: an update needs a filter and values</source>
        <translation>bảng %1: lệnh cập nhật cần có điều kiện lọc và giá trị</translation>
    </message>
    <message>
        <source>table %1: a delete needs a filter</source>
        <translation>bảng %1: lệnh xóa cần có điều kiện lọc</translation>
    </message>
    <message>
        <source>%1 cannot be written: the server rolled the change back</source>
        <translation>không ghi được vào %1: máy chủ đã hủy (rollback) thay đổi</translation>
    </message>
    <message>
        <source>cannot create the register&apos;s tables in %1</source>
        <translation>không tạo được các bảng của sổ theo dõi trong %1</translation>
    </message>
    <message>
        <source>cannot create a register in %1: %2</source>
        <translation>không tạo được sổ theo dõi trong %1: %2</translation>
    </message>
    <message>
        <source>cannot read its schemas</source>
        <translation>không đọc được các lược đồ (schema) của cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>schema %1 exists but holds no register; refusing to replace what is not a register</source>
        <translation>schema %1 đã có nhưng không chứa sổ theo dõi nào; không thay thế vì nội dung trong đó không phải là sổ theo dõi</translation>
    </message>
    <message>
        <source>%1 already holds a register (schema %2); allow overwriting it, or use another database</source>
        <translation>%1 đã chứa một sổ theo dõi (schema %2); hãy cho phép ghi đè sổ đó, hoặc dùng cơ sở dữ liệu khác</translation>
    </message>
    <message>
        <source>the register there could not be kept aside; nothing was replaced</source>
        <translation>không thể giữ lại sổ theo dõi hiện có ở đó làm bản dự phòng; không có gì bị thay thế</translation>
    </message>
    <message>
        <source>schema %1 of %2</source>
        <translation>schema %1 của %2</translation>
    </message>
    <message>
        <source>the register there could not be replaced</source>
        <translation>không thể thay thế sổ theo dõi hiện có ở đó</translation>
    </message>
    <message>
        <source>cannot create its indexes and triggers</source>
        <translation>không tạo được các chỉ mục (index) và trigger của sổ theo dõi</translation>
    </message>
    <message>
        <source>%1 is a register of schema %2, which this version cannot upgrade</source>
        <translation>%1 là sổ theo dõi theo lược đồ %2, phiên bản này không nâng cấp được</translation>
    </message>
    <message>
        <source>cannot read the server set-up of %1</source>
        <translation>không đọc được thiết lập trên máy chủ của %1</translation>
    </message>
    <message>
        <source>the live-update trigger of %1</source>
        <translation>trigger cập nhật trực tiếp của %1</translation>
    </message>
    <message>
        <source>the role %1</source>
        <translation>vai trò %1</translation>
    </message>
    <message>
        <source>the table of grants (rt_grants)</source>
        <translation>bảng quyền được giao (rt_grants)</translation>
    </message>
    <message>
        <source>the functions that say who may change a task</source>
        <translation>các hàm xác định ai được thay đổi một nhiệm vụ</translation>
    </message>
    <message>
        <source>the column db_user of %1</source>
        <translation>cột db_user của %1</translation>
    </message>
    <message>
        <source>row-level security on %1</source>
        <translation>bảo mật theo dòng trên %1</translation>
    </message>
    <message>
        <source>the policy</source>
        <translation>chính sách</translation>
    </message>
    <message>
        <source>the policies</source>
        <translation>các chính sách</translation>
    </message>
    <message>
        <source>the privilege %1 of %2 on %3</source>
        <translation>đặc quyền %1 của %2 trên %3</translation>
    </message>
    <message>
        <source>the server set-up of %1 was not completed, nothing was changed: %2</source>
        <translation>chưa hoàn tất được thiết lập trên máy chủ của %1, không có gì bị thay đổi: %2</translation>
    </message>
    <message>
        <source>cannot add its rights and live-update triggers</source>
        <translation>không thêm được quyền và trigger cập nhật trực tiếp</translation>
    </message>
    <message>
        <source>still missing after the set-up: %1</source>
        <translation>vẫn còn thiếu sau khi thiết lập: %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> hoặc </translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 của %3</translation>
    </message>
</context>
<context>
    <name>RtPgConnection</name>
    <message>
        <source>authcfg=%1 names a QGIS authentication configuration, which only QGIS can read: outside QGIS give the user in the connection or pg_service.conf and the password in ~/.pgpass</source>
        <translation>authcfg=%1 là một cấu hình xác thực của QGIS, chỉ QGIS mới đọc được: khi chạy ngoài QGIS, hãy khai báo tên người dùng trong chuỗi kết nối hoặc trong pg_service.conf, và mật khẩu trong ~/.pgpass</translation>
    </message>
</context>
<context>
    <name>RtPgKeyCopy</name>
    <message>
        <source>out of memory while connecting</source>
        <translation>hết bộ nhớ khi kết nối</translation>
    </message>
    <message>
        <source>no table or view %1</source>
        <translation>không có bảng hoặc khung nhìn %1</translation>
    </message>
    <message>
        <source>%1: the feature id &apos;%2&apos; is not a whole number</source>
        <translation>%1: mã đối tượng &apos;%2&apos; không phải số nguyên</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: đã hủy</translation>
    </message>
</context>
<context>
    <name>RtPgListener</name>
    <message>
        <source>the connection to the server failed</source>
        <translation>kết nối tới máy chủ thất bại</translation>
    </message>
    <message>
        <source>the payload is not JSON (%1 at character %2)</source>
        <translation>nội dung thông báo (payload) không phải JSON (%1 tại ký tự thứ %2)</translation>
    </message>
    <message>
        <source>the payload is not a JSON object</source>
        <translation>nội dung thông báo (payload) không phải một đối tượng JSON</translation>
    </message>
    <message>
        <source>&quot;task&quot; is missing or not a task id</source>
        <translation>&quot;task&quot; bị thiếu hoặc không phải mã nhiệm vụ</translation>
    </message>
    <message>
        <source>&quot;kind&quot; is &quot;%1&quot;, not status, value or assignment</source>
        <translation>&quot;kind&quot; là &quot;%1&quot;, không phải status, value hay assignment</translation>
    </message>
    <message>
        <source>&quot;old&quot; is neither text nor null</source>
        <translation>&quot;old&quot; không phải chuỗi văn bản, cũng không phải null</translation>
    </message>
    <message>
        <source>&quot;new&quot; is missing or not text</source>
        <translation>&quot;new&quot; bị thiếu hoặc không phải chuỗi văn bản</translation>
    </message>
    <message>
        <source>&quot;by&quot; is not text</source>
        <translation>&quot;by&quot; không phải chuỗi văn bản</translation>
    </message>
    <message>
        <source>&quot;db_user&quot; is not text</source>
        <translation>&quot;db_user&quot; không phải chuỗi văn bản</translation>
    </message>
    <message>
        <source>&quot;seq&quot; is missing or not a whole number</source>
        <translation>&quot;seq&quot; bị thiếu hoặc không phải số nguyên</translation>
    </message>
    <message>
        <source>out of memory while connecting</source>
        <translation>hết bộ nhớ trong khi kết nối</translation>
    </message>
    <message>
        <source>the server did not answer within %1 seconds</source>
        <translation>máy chủ không phản hồi trong vòng %1 giây</translation>
    </message>
</context>
<context>
    <name>RtPgRights</name>
    <message>
        <source>%1 is a file: rights are kept by a PostgreSQL server (give --db postgresql://… or service=NAME)</source>
        <translation>%1 là một tệp: quyền chỉ được quản lý trên máy chủ PostgreSQL (hãy dùng --db postgresql://… hoặc service=NAME)</translation>
    </message>
    <message>
        <source>give an office or a place (ward:06742, zone:A3), one of them</source>
        <translation>hãy chỉ định một cơ quan hoặc một địa điểm (ward:06742, zone:A3), chỉ một trong hai</translation>
    </message>
    <message>
        <source>place &apos;%1&apos;: give it with its kind, as the register names places (ward:06742, zone:A3, site:hai-yen-ip)</source>
        <translation>địa điểm &apos;%1&apos;: hãy ghi kèm loại địa điểm, theo cách sổ theo dõi đặt tên địa điểm (ward:06742, zone:A3, site:hai-yen-ip)</translation>
    </message>
    <message>
        <source>%1 is not an editor of %2: first `restrack db role --user %1 --as editor`</source>
        <translation>%1 không có vai trò người cập nhật trong %2: trước tiên hãy chạy `restrack db role --user %1 --as editor`</translation>
    </message>
    <message>
        <source>%1: may change the tasks of %2 (granted by %3, %4 UTC)</source>
        <translation>%1: được phép thay đổi các nhiệm vụ của %2 (do %3 giao quyền lúc %4 UTC)</translation>
    </message>
    <message>
        <source>office &quot;%1&quot;</source>
        <translation>cơ quan &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 has no user %2: the server&apos;s administrator creates the login first (CREATE ROLE … LOGIN, with a password kept in ~/.pgpass)</source>
        <translation>%1 không có người dùng %2: quản trị viên máy chủ cần tạo tài khoản trước (CREATE ROLE … LOGIN, mật khẩu lưu trong ~/.pgpass)</translation>
    </message>
</context>
<context>
    <name>RtProgress</name>
    <message>
        <source> = %1 of target</source>
        <translation> = %1 chỉ tiêu</translation>
    </message>
</context>
<context>
    <name>RtQgisAuth</name>
    <message>
        <source>authcfg=%1: QGIS&apos;s authentication system is not available (%2)</source>
        <translation>authcfg=%1: hệ thống xác thực của QGIS không sẵn sàng (%2)</translation>
    </message>
    <message>
        <source>no QGIS application</source>
        <translation>không có ứng dụng QGIS</translation>
    </message>
    <message>
        <source>authcfg=%1: QGIS&apos;s authentication database has no configuration with this id (Settings ▸ Options ▸ Authentication lists them)</source>
        <translation>authcfg=%1: cơ sở dữ liệu xác thực của QGIS không có cấu hình với mã này (xem danh sách ở Settings ▸ Options ▸ Authentication)</translation>
    </message>
    <message>
        <source>authcfg=%1: the configuration could not be read (is QGIS&apos;s master password set and entered?)</source>
        <translation>authcfg=%1: không đọc được cấu hình (mật khẩu chủ của QGIS đã được đặt và nhập chưa?)</translation>
    </message>
    <message>
        <source>authcfg=%1 (%2) is of method %3: a register&apos;s connection takes a user name and password (method Basic)</source>
        <translation>authcfg=%1 (%2) dùng phương thức %3: kết nối tới sổ theo dõi cần tên người dùng và mật khẩu (phương thức Basic)</translation>
    </message>
    <message>
        <source>authcfg=%1 (%2) has no user name</source>
        <translation>authcfg=%1 (%2) không có tên người dùng</translation>
    </message>
</context>
<context>
    <name>RtRegister</name>
    <message>
        <source>line %1, column %2</source>
        <translation>dòng %1, cột %2</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is missing</source>
        <translation>thiếu trường &quot;%1&quot;</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation>trường &quot;%1&quot; phải là chuỗi văn bản</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is empty</source>
        <translation>trường &quot;%1&quot; bị để trống</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a list of strings</source>
        <translation>trường &quot;%1&quot; phải là danh sách các chuỗi văn bản</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a list of resolution numbers or of {&quot;resolution&quot;: …, &quot;task&quot;: …}</source>
        <translation>trường &quot;%1&quot; phải là danh sách số hiệu nghị quyết hoặc danh sách {&quot;resolution&quot;: …, &quot;task&quot;: …}</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; names a resolution without a number</source>
        <translation>trường &quot;%1&quot; nêu một nghị quyết không có số hiệu</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a whole number</source>
        <translation>trường &quot;%1&quot; phải là số nguyên</translation>
    </message>
    <message>
        <source>%1 (task %2)</source>
        <translation>%1 (nhiệm vụ %2)</translation>
    </message>
    <message>
        <source>kind &apos;%1&apos; is neither &quot;directive&quot; nor &quot;commitment&quot;</source>
        <translation>loại &apos;%1&apos; không phải &quot;directive&quot; cũng không phải &quot;commitment&quot;</translation>
    </message>
    <message>
        <source>&quot;review&quot; is &quot;%1&quot;; it is &quot;draft&quot; (proposed, not reviewed yet) or &quot;reviewed&quot;</source>
        <translation>&quot;review&quot; đang là &quot;%1&quot;; giá trị hợp lệ là &quot;draft&quot; (đề xuất, chưa rà soát) hoặc &quot;reviewed&quot;</translation>
    </message>
    <message>
        <source>unknown category &apos;%1&apos;; known: %2</source>
        <translation>lĩnh vực &apos;%1&apos; không xác định; các lĩnh vực hợp lệ: %2</translation>
    </message>
    <message>
        <source>%1 (task %2): deadline &apos;%3&apos; has no date (%4); it is kept as written and never counts as overdue</source>
        <translation>%1 (nhiệm vụ %2): thời hạn &apos;%3&apos; không có ngày cụ thể (%4); thời hạn được giữ nguyên như văn bản và không bao giờ bị tính là quá hạn</translation>
    </message>
    <message>
        <source>place key &apos;%1&apos; is not one of ward:&lt;5-digit GSO code&gt;, zone:&lt;code&gt;, site:&lt;id&gt;, parcel:&lt;key&gt;</source>
        <translation>khóa địa điểm &apos;%1&apos; không thuộc các dạng ward:&lt;mã GSO 5 chữ số&gt;, zone:&lt;mã&gt;, site:&lt;mã&gt;, parcel:&lt;khóa&gt;</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;; known: %2</source>
        <translation>trạng thái &apos;%1&apos; không xác định; các trạng thái hợp lệ: %2</translation>
    </message>
    <message>
        <source>status &apos;%1&apos; needs its evidence in &quot;status_quote&quot;; without evidence the status is &quot;no_report&quot;</source>
        <translation>trạng thái &apos;%1&apos; cần có căn cứ trong &quot;status_quote&quot;; không có căn cứ thì trạng thái là &quot;no_report&quot;</translation>
    </message>
    <message>
        <source>&quot;status_quote&quot; is given but the status is &quot;no_report&quot;</source>
        <translation>đã có &quot;status_quote&quot; nhưng trạng thái lại là &quot;no_report&quot;</translation>
    </message>
    <message>
        <source>%1 has no row %2 (it has %3 rows)</source>
        <translation>%1 không có dòng %2 (chỉ có %3 dòng)</translation>
    </message>
    <message>
        <source>clause %1 does not exist in the text</source>
        <translation>khoản %1 không có trong văn bản</translation>
    </message>
    <message>
        <source>footnote %1 does not exist in the text</source>
        <translation>chú thích %1 không có trong văn bản</translation>
    </message>
    <message>
        <source>footnote %1 is cited in %2, not in %3</source>
        <translation>chú thích %1 được dẫn tại %2, không phải tại %3</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: không có tệp này</translation>
    </message>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: không đọc được (%2)</translation>
    </message>
    <message>
        <source>%1: expected an object with &quot;resolution&quot; and &quot;tasks&quot;</source>
        <translation>%1: cần một đối tượng JSON có &quot;resolution&quot; và &quot;tasks&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;resolution&quot; needs &quot;text&quot;, &quot;number&quot; and &quot;date&quot; (YYYY-MM-DD)</source>
        <translation>%1: &quot;resolution&quot; cần có &quot;text&quot;, &quot;number&quot; và &quot;date&quot; (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>%1: &quot;resolution&quot;.&quot;council_term&quot; needs &quot;start&quot; and &quot;end&quot; years</source>
        <translation>%1: &quot;resolution&quot;.&quot;council_term&quot; cần có năm &quot;start&quot; và năm &quot;end&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;tasks&quot; must be a non-empty list</source>
        <translation>%1: &quot;tasks&quot; phải là danh sách không rỗng</translation>
    </message>
    <message>
        <source>%1, task #%2</source>
        <translation>%1, nhiệm vụ thứ %2</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: cần một đối tượng JSON</translation>
    </message>
    <message>
        <source>%1: id &apos;%2&apos; is used twice</source>
        <translation>%1: mã &apos;%2&apos; bị dùng hai lần</translation>
    </message>
    <message>
        <source>the register is for %1 but the text is %2</source>
        <translation>sổ theo dõi dành cho %1 nhưng văn bản là %2</translation>
    </message>
    <message>
        <source>the register dates the resolution %1 but the text says %2</source>
        <translation>sổ theo dõi ghi ngày của nghị quyết là %1 nhưng văn bản ghi %2</translation>
    </message>
    <message>
        <source>task %1, %2: %3</source>
        <translation>nhiệm vụ %1, %2: %3</translation>
    </message>
    <message>
        <source>task %1, %2: &quot;%3&quot; does not occur in %4%5</source>
        <translation>nhiệm vụ %1, %2: &quot;%3&quot; không có trong %4%5</translation>
    </message>
    <message>
        <source>, footnote %1</source>
        <translation>, chú thích %1</translation>
    </message>
    <message>
        <source>task %1, follows_up: %2 is this resolution itself</source>
        <translation>nhiệm vụ %1, follows_up: %2 chính là nghị quyết này</translation>
    </message>
    <message>
        <source>task %1, follows_up: %2 is not cited in %3</source>
        <translation>nhiệm vụ %1, follows_up: %2 không được dẫn trong %3</translation>
    </message>
</context>
<context>
    <name>RtReportForm</name>
    <message>
        <source>Task id</source>
        <translation>Mã nhiệm vụ</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Điều khoản</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nội dung nhiệm vụ</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Mã trạng thái</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Trạng thái mới</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Measured value</source>
        <translation>Giá trị đo được</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Căn cứ (văn bản)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>%1: GDAL has no %2 driver</source>
        <translation>%1: GDAL không có trình điều khiển (driver) %2</translation>
    </message>
    <message>
        <source>%1: cannot create the form (%2)</source>
        <translation>%1: không tạo được phiếu (%2)</translation>
    </message>
    <message>
        <source>%1: cannot add the form&apos;s sheet</source>
        <translation>%1: không thêm được trang tính của phiếu</translation>
    </message>
    <message>
        <source>%1: cannot write a row of the form</source>
        <translation>%1: không ghi được một dòng của phiếu</translation>
    </message>
    <message>
        <source>%1: the form could not be written (%2)</source>
        <translation>%1: không ghi được phiếu (%2)</translation>
    </message>
    <message>
        <source>a report form is for one office or one place: give exactly one of them</source>
        <translation>phiếu báo cáo lập cho một cơ quan hoặc một địa điểm: hãy chỉ định đúng một trong hai</translation>
    </message>
    <message>
        <source>no task is assigned to the office &quot;%1&quot; (lead or cooperating) on %2; offices assigned: %3</source>
        <translation>không có nhiệm vụ nào giao cho cơ quan &quot;%1&quot; (chủ trì hoặc phối hợp) trong %2; các cơ quan được giao: %3</translation>
    </message>
    <message>
        <source>no task is linked to the place &quot;%1&quot; on %2</source>
        <translation>không có nhiệm vụ nào gắn với địa điểm &quot;%1&quot; trong %2</translation>
    </message>
    <message>
        <source>%1: a report form is written as .xlsx, .ods or .csv</source>
        <translation>%1: phiếu báo cáo chỉ ghi được dưới dạng .xlsx, .ods hoặc .csv</translation>
    </message>
    <message>
        <source>%1: cannot make a scratch folder</source>
        <translation>%1: không tạo được thư mục tạm</translation>
    </message>
    <message>
        <source>%1: cannot write the form (%2)</source>
        <translation>%1: không ghi được phiếu (%2)</translation>
    </message>
</context>
<context>
    <name>RtReportImport</name>
    <message>
        <source>%1: a report form is an .xlsx, .ods or .csv file</source>
        <translation>%1: phiếu báo cáo phải là tệp .xlsx, .ods hoặc .csv</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: không có tệp này</translation>
    </message>
    <message>
        <source>%1: cannot be read as a %2 spreadsheet (%3)</source>
        <translation>%1: không đọc được dưới dạng bảng tính %2 (%3)</translation>
    </message>
    <message>
        <source>%1: not an office report form: the column &quot;%2&quot; is missing (sheet &quot;%3&quot;, row 1)</source>
        <translation>%1: không phải phiếu báo cáo của cơ quan: thiếu cột &quot;%2&quot; (trang tính &quot;%3&quot;, dòng 1)</translation>
    </message>
    <message>
        <source>%1 changed since the form was made (%2): the form says %3, the register now says %4</source>
        <translation>%1 đã thay đổi kể từ khi lập phiếu (%2): phiếu ghi %3, sổ theo dõi hiện ghi %4</translation>
    </message>
    <message>
        <source> (recorded by %1, dated %2)</source>
        <translation> (do %1 ghi nhận, ngày %2)</translation>
    </message>
    <message>
        <source>say who reports: the person or office importing the form is required</source>
        <translation>hãy cho biết ai báo cáo: cần có người hoặc cơ quan nhập phiếu</translation>
    </message>
    <message>
        <source>%1: not an office report form: the form&apos;s own row (id &quot;%2&quot; with its date, time made and register in the column &quot;%3&quot;) is missing or damaged</source>
        <translation>%1: không phải phiếu báo cáo của cơ quan: dòng thông tin của phiếu (mã &quot;%2&quot; kèm ngày, thời điểm lập và sổ theo dõi trong cột &quot;%3&quot;) bị thiếu hoặc bị hỏng</translation>
    </message>
    <message>
        <source>%1: this form was made from the register of %2, not from this register (%3)</source>
        <translation>%1: phiếu này được lập từ sổ theo dõi của %2, không phải từ sổ theo dõi này (%3)</translation>
    </message>
    <message>
        <source>the row reports something but has no task id</source>
        <translation>dòng có nội dung báo cáo nhưng không có mã nhiệm vụ</translation>
    </message>
    <message>
        <source>unknown task id &quot;%1&quot;</source>
        <translation>mã nhiệm vụ &quot;%1&quot; không tồn tại</translation>
    </message>
    <message>
        <source>the form&apos;s status column says &quot;%1&quot;, which is not a status: the row was edited; take it from a new form</source>
        <translation>cột trạng thái của phiếu ghi &quot;%1&quot;, không phải một trạng thái: dòng này đã bị sửa; hãy lấy lại dòng này từ một phiếu mới</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;; write one of %2, or its Vietnamese or English label</source>
        <translation>trạng thái &quot;%1&quot; không xác định; hãy ghi một trong các mã %2, hoặc nhãn tiếng Việt hay tiếng Anh tương ứng</translation>
    </message>
    <message>
        <source>the date &quot;%1&quot; is not a date; write 2024-06-20 or 20/06/2024</source>
        <translation>&quot;%1&quot; không phải là ngày; hãy ghi dạng 2024-06-20 hoặc 20/06/2024</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; is not a number; write it as 312, 3,65 or 78%</source>
        <translation>giá trị &quot;%1&quot; không phải là số; hãy ghi dạng 312, 3,65 hoặc 78%</translation>
    </message>
    <message>
        <source>%1: no row reports anything (a new status, date, value, evidence or note): nothing recorded</source>
        <translation>%1: không có dòng nào có nội dung báo cáo (trạng thái mới, ngày, số liệu, căn cứ hoặc ghi chú): không ghi nhận gì</translation>
    </message>
    <message>
        <source>%1: the import was not applied at all, nothing was changed: the server is unavailable (%2); import the form again once it is back</source>
        <translation>%1: phiếu hoàn toàn chưa được nhập, không có gì bị thay đổi: không kết nối được máy chủ (%2); hãy nhập lại phiếu khi máy chủ hoạt động trở lại</translation>
    </message>
    <message>
        <source>%1: the import was not applied at all, nothing was changed: the register cannot be written (%2)</source>
        <translation>%1: phiếu hoàn toàn chưa được nhập, không có gì bị thay đổi: không ghi được vào sổ theo dõi (%2)</translation>
    </message>
</context>
<context>
    <name>RtResolutionImporter</name>
    <message>
        <source>the text</source>
        <translation>văn bản</translation>
    </message>
    <message>
        <source>%1: no article (&quot;Điều 1. …&quot;) or numbered item found after the header; the text is not a resolution or is truncated</source>
        <translation>%1: không tìm thấy điều (&quot;Điều 1. …&quot;) hay mục đánh số nào sau phần đầu văn bản; văn bản không phải là nghị quyết hoặc bị cắt cụt</translation>
    </message>
    <message>
        <source>%1 looks truncated: it ends at line %2 inside %3 (&quot;…%4&quot;) without the closing formula (&quot;Nghị quyết này … thông qua …&quot;) or the recipients list (&quot;Nơi nhận:&quot;). Check the file is complete</source>
        <translation>%1 có vẻ bị cắt cụt: văn bản kết thúc ở dòng %2 trong %3 (&quot;…%4&quot;) mà không có câu kết (&quot;Nghị quyết này … thông qua …&quot;) hay phần nơi nhận (&quot;Nơi nhận:&quot;). Hãy kiểm tra xem tệp có đầy đủ không</translation>
    </message>
    <message>
        <source>line %1: footnote %2 is not cited anywhere in the text</source>
        <translation>dòng %1: chú thích %2 không được dẫn ở bất cứ đâu trong văn bản</translation>
    </message>
    <message>
        <source>footnote %1 is cited in %2 but its text is missing</source>
        <translation>chú thích %1 được dẫn tại %2 nhưng thiếu nội dung chú thích</translation>
    </message>
</context>
<context>
    <name>RtSessionPack</name>
    <message>
        <source> (continued)</source>
        <translation> (tiếp)</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>số liệu: %1</translation>
    </message>
    <message>
        <source>Since the last session</source>
        <translation>Thay đổi từ kỳ họp trước</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người báo cáo</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>overdue (due %1)</source>
        <translation>quá hạn (hạn %1)</translation>
    </message>
    <message>
        <source>The figures the resolution set</source>
        <translation>Các chỉ tiêu nghị quyết đặt ra</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>Giá trị mới nhất</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>no value reported</source>
        <translation>chưa có số liệu báo cáo</translation>
    </message>
    <message>
        <source>Land cases</source>
        <translation>Các vụ việc đất đai</translation>
    </message>
    <message>
        <source>Case (task)</source>
        <translation>Vụ việc (nhiệm vụ)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa bàn</translation>
    </message>
    <message>
        <source>Dossiers (parcels) by status</source>
        <translation>Hồ sơ (thửa) theo tình trạng</translation>
    </message>
    <message>
        <source>Appendix: all tasks</source>
        <translation>Phụ lục: toàn bộ nhiệm vụ</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Điều khoản</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Resolution No. %1 of %2 — Session of %3</source>
        <translation>Nghị quyết số %1 ngày %2 — Tài liệu kỳ họp ngày %3</translation>
    </message>
    <message>
        <source>A place&apos;s colour: every task that names it, directive items included.</source>
        <translation>Màu của một địa bàn, phân khu: mọi nhiệm vụ gắn với nó, kể cả các mục chỉ đạo chung.</translation>
    </message>
    <message>
        <source>A place&apos;s colour: the concrete commitments that name it; directive items colour it only where no commitment names it.</source>
        <translation>Màu của một địa bàn, phân khu: các nhiệm vụ cụ thể gắn với nó; mục chỉ đạo chung chỉ tô màu nơi không có nhiệm vụ cụ thể nào.</translation>
    </message>
    <message>
        <source>People&apos;s Council</source>
        <translation>Hội đồng nhân dân</translation>
    </message>
    <message>
        <source>Term %1–%2</source>
        <translation>Nhiệm kỳ %1–%2</translation>
    </message>
    <message>
        <source>Resolution passed at: %1</source>
        <translation>Nghị quyết thông qua tại: %1</translation>
    </message>
    <message>
        <source>Session pack: how the resolution stands</source>
        <translation>Tài liệu kỳ họp: tình hình thực hiện nghị quyết</translation>
    </message>
    <message>
        <source>Session of %1</source>
        <translation>Kỳ họp ngày %1</translation>
    </message>
    <message>
        <source>Resolution No. %1 of %2
%3
(%4 tasks)</source>
        <translation>Nghị quyết số %1 ngày %2
%3
(%4 nhiệm vụ)</translation>
    </message>
    <message>
        <source>Compared with the last session of %1</source>
        <translation>So sánh với kỳ họp trước ngày %1</translation>
    </message>
    <message>
        <source>No earlier session to compare with</source>
        <translation>Không có kỳ họp trước để so sánh</translation>
    </message>
    <message>
        <source>Made with Resolution Tracker from the register %1; statuses as of %2.</source>
        <translation>Lập bằng Resolution Tracker từ sổ theo dõi %1; trạng thái tính đến ngày %2.</translation>
    </message>
    <message>
        <source>Overview as of %1</source>
        <translation>Tổng quan đến ngày %1</translation>
    </message>
    <message>
        <source>%1 tasks, %2 overdue. %3</source>
        <translation>%1 nhiệm vụ, %2 quá hạn. %3</translation>
    </message>
    <message>
        <source>Tasks by status</source>
        <translation>Nhiệm vụ theo trạng thái</translation>
    </message>
    <message>
        <source>Tasks by category</source>
        <translation>Nhiệm vụ theo lĩnh vực</translation>
    </message>
    <message>
        <source>Status of all tasks by month</source>
        <translation>Trạng thái toàn bộ nhiệm vụ theo tháng</translation>
    </message>
    <message>
        <source>No earlier session to compare with (no --since).</source>
        <translation>Không có kỳ họp trước để so sánh (không có --since).</translation>
    </message>
    <message>
        <source>From %1 to %2: %3 status changes, %6 values reported; newly overdue: %4; newly done: %5.</source>
        <translation>Từ %1 đến %2: %3 thay đổi trạng thái, %6 số liệu báo cáo; mới quá hạn: %4; mới hoàn thành: %5.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>No change.</source>
        <translation>Không có thay đổi.</translation>
    </message>
    <message>
        <source>No earlier session to compare with.</source>
        <translation>Không có kỳ họp trước để so sánh.</translation>
    </message>
    <message>
        <source>Targets as the resolution states them; values are the latest reported up to %1.</source>
        <translation>Chỉ tiêu như nghị quyết ghi; giá trị là số liệu báo cáo mới nhất đến ngày %1.</translation>
    </message>
    <message>
        <source>Administrative unit 2025</source>
        <translation>Đơn vị hành chính 2025</translation>
    </message>
    <message>
        <source>Ward or commune</source>
        <translation>Phường, xã</translation>
    </message>
    <message>
        <source>Planning zone</source>
        <translation>Phân khu quy hoạch</translation>
    </message>
    <message>
        <source>Status on the map: %1. %2 tasks, %3 overdue, as of %4.</source>
        <translation>Trạng thái trên bản đồ: %1. %2 nhiệm vụ, %3 quá hạn, đến ngày %4.</translation>
    </message>
    <message>
        <source>No task names this place.</source>
        <translation>Không có nhiệm vụ nào gắn với nơi này.</translation>
    </message>
    <message>
        <source>… and %1 more tasks (see the appendix)</source>
        <translation>… và %1 nhiệm vụ khác (xem phụ lục)</translation>
    </message>
    <message>
        <source>The register&apos;s land tasks; dossiers (parcels) by status from the cadastre layer, aggregates only, no land user&apos;s name is printed.</source>
        <translation>Các nhiệm vụ đất đai của sổ theo dõi; số hồ sơ (số thửa) theo tình trạng từ lớp địa chính, chỉ số liệu tổng hợp, không in tên người sử dụng đất.</translation>
    </message>
    <message>
        <source>The register&apos;s land tasks. No cadastre layer (--cadastre): dossiers and parcels are not counted.</source>
        <translation>Các nhiệm vụ đất đai của sổ theo dõi. Không có lớp địa chính (--cadastre): chưa đếm hồ sơ và thửa đất.</translation>
    </message>
    <message>
        <source>No land task.</source>
        <translation>Không có nhiệm vụ đất đai.</translation>
    </message>
    <message>
        <source>Statuses as of %1; evidence: the latest report, or the resolution&apos;s words.</source>
        <translation>Trạng thái đến ngày %1; căn cứ: báo cáo mới nhất, hoặc trích dẫn nghị quyết.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>--cadastre %1: after &apos;|&apos; only layername=NAME is understood</source>
        <translation>--cadastre %1: sau &apos;|&apos; chỉ hiểu layername=TÊN</translation>
    </message>
    <message>
        <source>--cadastre %1: cannot open it as a vector layer</source>
        <translation>--cadastre %1: không mở được thành lớp vector</translation>
    </message>
    <message>
        <source>--cadastre %1: the file has several layers; name one with |layername=NAME</source>
        <translation>--cadastre %1: tệp có nhiều lớp; hãy chỉ rõ một lớp bằng |layername=TÊN</translation>
    </message>
    <message>
        <source>--cadastre %1: no layer named %2</source>
        <translation>--cadastre %1: không có lớp nào tên %2</translation>
    </message>
    <message>
        <source>--cadastre %1: the layer needs the fields case_id (the land case&apos;s site id in the register) and dossier_status; it has %2 of them</source>
        <translation>--cadastre %1: lớp cần có các trường case_id (mã địa điểm của vụ việc đất đai trong sổ theo dõi) và dossier_status; lớp này có %2</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>không trường nào</translation>
    </message>
    <message>
        <source>only dossier_status</source>
        <translation>chỉ trường dossier_status</translation>
    </message>
    <message>
        <source>only case_id</source>
        <translation>chỉ trường case_id</translation>
    </message>
    <message>
        <source>%1: GDAL has no XLSX driver</source>
        <translation>%1: GDAL không có trình điều khiển XLSX</translation>
    </message>
    <message>
        <source>%1: cannot create the workbook (%2)</source>
        <translation>%1: không tạo được bảng tính (%2)</translation>
    </message>
    <message>
        <source>%1: cannot add the sheet %2</source>
        <translation>%1: không thêm được trang tính %2</translation>
    </message>
    <message>
        <source>%1: cannot write a row of the sheet %2</source>
        <translation>%1: không ghi được một dòng của trang tính %2</translation>
    </message>
    <message>
        <source>%1: the workbook could not be written (%2)</source>
        <translation>%1: không ghi được bảng tính (%2)</translation>
    </message>
    <message>
        <source>%1: the pack is a PDF; the output must end in .pdf</source>
        <translation>%1: bộ tài liệu là tệp PDF; tên tệp đầu ra phải kết thúc bằng .pdf</translation>
    </message>
    <message>
        <source>%1: the tables are a workbook; the file must end in .xlsx</source>
        <translation>%1: các bảng được ghi thành bảng tính; tên tệp phải kết thúc bằng .xlsx</translation>
    </message>
    <message>
        <source>template %1: no such file or folder</source>
        <translation>mẫu %1: không có tệp hoặc thư mục này</translation>
    </message>
    <message>
        <source>units must be 2023 or 2025, not %1</source>
        <translation>đơn vị hành chính phải là 2023 hoặc 2025, không phải %1</translation>
    </message>
    <message>
        <source>the session date is required</source>
        <translation>cần có ngày kỳ họp</translation>
    </message>
    <message>
        <source>the last session&apos;s date %1 must be before the session date %2</source>
        <translation>ngày kỳ họp trước %1 phải sớm hơn ngày kỳ họp %2</translation>
    </message>
    <message>
        <source>%1: the register holds the resolution %2, not %3</source>
        <translation>%1: sổ theo dõi chứa nghị quyết %2, không phải %3</translation>
    </message>
    <message>
        <source>--since: %1</source>
        <translation>tùy chọn --since: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>no temporary folder for the charts</source>
        <translation>không có thư mục tạm cho các biểu đồ</translation>
    </message>
    <message>
        <source>%1 %2 has no geometry on the map: its page shows the whole city</source>
        <translation>%1 %2 không có hình học trên bản đồ: trang của nó hiển thị toàn thành phố</translation>
    </message>
    <message>
        <source>%1: the PDF could not be started</source>
        <translation>%1: không bắt đầu tạo được tệp PDF</translation>
    </message>
    <message>
        <source>%1: cannot write the workbook (%2)</source>
        <translation>%1: không ghi được bảng tính (%2)</translation>
    </message>
</context>
<context>
    <name>RtStatuses</name>
    <message>
        <source>Not started</source>
        <translation>Chưa triển khai</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Vướng mắc</translation>
    </message>
    <message>
        <source>Dropped (no longer relevant)</source>
        <translation>Không còn phù hợp</translation>
    </message>
    <message>
        <source>No report</source>
        <translation>Chưa có báo cáo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>RtStore</name>
    <message>
        <source>%1: unexpected error: %2</source>
        <translation>%1: lỗi không mong đợi: %2</translation>
    </message>
    <message>
        <source>%1: unexpected error</source>
        <translation>%1: lỗi không mong đợi</translation>
    </message>
    <message>
        <source>the register is not open</source>
        <translation>sổ theo dõi chưa được mở</translation>
    </message>
    <message>
        <source>write failed: task %1 not changed: %2</source>
        <translation>ghi thất bại: nhiệm vụ %1 chưa được thay đổi: %2</translation>
    </message>
    <message>
        <source>%1 holds no resolution &apos;%2&apos;; it holds %3</source>
        <translation>%1 không chứa nghị quyết &apos;%2&apos;; các nghị quyết có trong đó: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names several resolutions of %2 (%3); give the whole number</source>
        <translation>&apos;%1&apos; khớp với nhiều nghị quyết của %2 (%3); hãy ghi đầy đủ số hiệu</translation>
    </message>
    <message>
        <source>task %1 follows up %2, its own resolution; a task follows up an earlier one</source>
        <translation>nhiệm vụ %1 tiếp nối %2, chính là nghị quyết chứa nhiệm vụ này; một nhiệm vụ chỉ tiếp nối nghị quyết ban hành trước đó</translation>
    </message>
    <message>
        <source>task %1 follows up task %2 of %3, which is not in the register; add that resolution first, or cite the resolution alone</source>
        <translation>nhiệm vụ %1 tiếp nối nhiệm vụ %2 của %3, nhưng nghị quyết này không có trong sổ theo dõi; hãy thêm nghị quyết đó trước, hoặc chỉ dẫn riêng nghị quyết (không nêu nhiệm vụ)</translation>
    </message>
    <message>
        <source>task %1 follows up %2 of %3, which is later than %4 of %5</source>
        <translation>nhiệm vụ %1 tiếp nối %2 ngày %3, văn bản này ban hành sau %4 ngày %5</translation>
    </message>
    <message>
        <source>task %1 follows up task %2 of %3, which that resolution does not have</source>
        <translation>nhiệm vụ %1 tiếp nối nhiệm vụ %2 của %3, nhưng nghị quyết đó không có nhiệm vụ này</translation>
    </message>
    <message>
        <source>task %1: --by is required: say who makes the change</source>
        <translation>nhiệm vụ %1: bắt buộc có --by: hãy cho biết ai thực hiện thay đổi</translation>
    </message>
    <message>
        <source>task %1: the %2 holds a NUL character (character %3); a text cannot hold one</source>
        <translation>nhiệm vụ %1: %2 chứa ký tự NUL (ký tự thứ %3); văn bản không được chứa ký tự này</translation>
    </message>
    <message>
        <source>task %1: date %2 is before the resolution (%3)</source>
        <translation>nhiệm vụ %1: ngày %2 trước ngày ban hành nghị quyết (%3)</translation>
    </message>
    <message>
        <source>task %1: date %2 is in the future</source>
        <translation>nhiệm vụ %1: ngày %2 là ngày trong tương lai</translation>
    </message>
    <message>
        <source> (changed by %1 on %2)</source>
        <translation> (do %1 thay đổi ngày %2)</translation>
    </message>
    <message>
        <source>task %1 changed meanwhile: its status is now &apos;%2&apos;%3, not &apos;%4&apos; as your edit assumed; reload and try again</source>
        <translation>nhiệm vụ %1 đã bị thay đổi trong lúc đó: trạng thái hiện là &apos;%2&apos;%3, không phải &apos;%4&apos; như nội dung bạn sửa giả định; hãy tải lại rồi thử lại</translation>
    </message>
    <message>
        <source>task %1: status is already &apos;%2&apos;; a report that keeps it is recorded when it brings a note, evidence or a value</source>
        <translation>nhiệm vụ %1: trạng thái đã là &apos;%2&apos;; báo cáo giữ nguyên trạng thái chỉ được ghi nhận khi có kèm ghi chú, căn cứ hoặc số liệu</translation>
    </message>
    <message>
        <source>task %1: nothing to record: no status, value, note or evidence</source>
        <translation>nhiệm vụ %1: không có gì để ghi nhận: không có trạng thái, số liệu, ghi chú hay căn cứ</translation>
    </message>
    <message>
        <source>task %1: date %2 must not be before the task&apos;s latest status date %3</source>
        <translation>nhiệm vụ %1: ngày %2 không được sớm hơn ngày của trạng thái gần nhất của nhiệm vụ (%3)</translation>
    </message>
    <message>
        <source>task %1 has no target in the register; a measured value is recorded against a target the resolution states</source>
        <translation>nhiệm vụ %1 không có chỉ tiêu trong sổ theo dõi; số liệu đo được chỉ được ghi nhận theo chỉ tiêu do nghị quyết đặt ra</translation>
    </message>
    <message>
        <source>task %1: value %2 is not a measure of progress (a number, 0 or more)</source>
        <translation>nhiệm vụ %1: giá trị %2 không phải là số liệu tiến độ (phải là một số, từ 0 trở lên)</translation>
    </message>
    <message>
        <source>task %1: date %2 must not be before the task&apos;s latest value date %3</source>
        <translation>nhiệm vụ %1: ngày %2 không được sớm hơn ngày của số liệu gần nhất của nhiệm vụ (%3)</translation>
    </message>
    <message>
        <source>%1 kept, %2</source>
        <translation>%1 được giữ nguyên, %2</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>value %1%2</source>
        <translation>số liệu %1%2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>không tạo được %1</translation>
    </message>
    <message>
        <source>no file name given for the register</source>
        <translation>chưa có tên tệp cho sổ theo dõi</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>không tạo được %1: %2</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>không mở được %1</translation>
    </message>
    <message>
        <source>no register file given</source>
        <translation>chưa chỉ định tệp sổ theo dõi</translation>
    </message>
    <message>
        <source>%1 is not a readable %2 (%3)</source>
        <translation>%1 không phải là tệp %2 đọc được (%3)</translation>
    </message>
    <message>
        <source>%1 holds an empty register: no resolution yet; fill it with `restrack push --from FILE.gpkg --db %1`</source>
        <translation>%1 chứa một sổ theo dõi trống: chưa có nghị quyết nào; hãy nạp dữ liệu bằng `restrack push --from FILE.gpkg --db %1`</translation>
    </message>
    <message>
        <source>%1 is a damaged register: it holds no resolution</source>
        <translation>%1 là sổ theo dõi bị hỏng: không chứa nghị quyết nào</translation>
    </message>
    <message>
        <source>%1 is a damaged register: table rt_document must hold one row, it holds %2</source>
        <translation>%1 là sổ theo dõi bị hỏng: bảng rt_document phải có đúng một dòng, nhưng đang có %2 dòng</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>không đọc được %1</translation>
    </message>
    <message>
        <source>resolution %1 has no task &apos;%2&apos;; run `restrack summary --resolution &quot;%1&quot;` to list its task ids</source>
        <translation>nghị quyết %1 không có nhiệm vụ &apos;%2&apos;; hãy chạy `restrack summary --resolution &quot;%1&quot;` để xem danh sách mã nhiệm vụ</translation>
    </message>
    <message>
        <source>%1 holds no resolution</source>
        <translation>%1 không chứa nghị quyết nào</translation>
    </message>
    <message>
        <source>%1 holds none of the resolutions %2</source>
        <translation>%1 không chứa nghị quyết nào trong số %2</translation>
    </message>
    <message>
        <source>cannot add a resolution to %1</source>
        <translation>không thêm được nghị quyết vào %1</translation>
    </message>
    <message>
        <source>%1 was opened read-only; nothing was added</source>
        <translation>%1 được mở ở chế độ chỉ đọc; không có gì được thêm</translation>
    </message>
    <message>
        <source>nothing was added to %1: %2</source>
        <translation>không có gì được thêm vào %1: %2</translation>
    </message>
    <message>
        <source>%1 holds resolution %2 already; nothing was added</source>
        <translation>%1 đã có nghị quyết %2; không có gì được thêm</translation>
    </message>
    <message>
        <source>task id %1 of %2 is taken in %3, and so is %4; nothing was added</source>
        <translation>mã nhiệm vụ %1 của %2 đã được dùng trong %3, mã %4 cũng vậy; không có gì được thêm</translation>
    </message>
    <message>
        <source>task id %1 of %2 is taken in %3; nothing was added</source>
        <translation>mã nhiệm vụ %1 của %2 đã được dùng trong %3; không có gì được thêm</translation>
    </message>
    <message>
        <source>the addition of %1 was interrupted</source>
        <translation>việc thêm %1 bị gián đoạn</translation>
    </message>
    <message>
        <source>write failed: nothing was added to %1: %2</source>
        <translation>ghi thất bại: không có gì được thêm vào %1: %2</translation>
    </message>
    <message>
        <source>write failed: nothing changed: %1</source>
        <translation>ghi thất bại: không có gì bị thay đổi: %1</translation>
    </message>
    <message>
        <source>write failed: %1</source>
        <translation>ghi thất bại: %1</translation>
    </message>
    <message>
        <source>nothing changed: %1 was opened read-only</source>
        <translation>không có gì bị thay đổi: %1 được mở ở chế độ chỉ đọc</translation>
    </message>
    <message>
        <source>nothing changed: the batch holds no change</source>
        <translation>không có gì bị thay đổi: lô cập nhật không chứa thay đổi nào</translation>
    </message>
    <message>
        <source>task %1 not changed: %2 was opened read-only</source>
        <translation>nhiệm vụ %1 chưa được thay đổi: %2 được mở ở chế độ chỉ đọc</translation>
    </message>
    <message>
        <source>task %1: --by is required: say who assigns the task</source>
        <translation>nhiệm vụ %1: bắt buộc có --by: hãy cho biết ai giao nhiệm vụ</translation>
    </message>
    <message>
        <source>task %1: the lead office is required (--office)</source>
        <translation>nhiệm vụ %1: bắt buộc có cơ quan chủ trì (--office)</translation>
    </message>
    <message>
        <source>task %1: %2 is the lead office; it cannot also be a cooperating one</source>
        <translation>nhiệm vụ %1: %2 là cơ quan chủ trì; không thể đồng thời là cơ quan phối hợp</translation>
    </message>
    <message>
        <source>task %1 is assigned so already (lead %2, by %3 on %4)</source>
        <translation>nhiệm vụ %1 đã được giao đúng như vậy (chủ trì: %2, do %3 giao ngày %4)</translation>
    </message>
    <message>
        <source>write failed: %1: the assignment of task %2 was interrupted; nothing was changed</source>
        <translation>ghi thất bại: %1: việc giao nhiệm vụ %2 bị gián đoạn; không có gì bị thay đổi</translation>
    </message>
    <message>
        <source>task %1: place &apos;%2&apos; is not kind:key with kind ward, zone, site or parcel</source>
        <translation>nhiệm vụ %1: địa điểm &apos;%2&apos; không có dạng loại:khóa, với loại là ward, zone, site hoặc parcel</translation>
    </message>
    <message>
        <source>task %1 changed meanwhile: its places are now &apos;%2&apos;, not &apos;%3&apos; as your edit assumed; reload and try again</source>
        <translation>nhiệm vụ %1 đã bị thay đổi trong lúc đó: địa điểm hiện là &apos;%2&apos;, không phải &apos;%3&apos; như nội dung bạn sửa giả định; hãy tải lại rồi thử lại</translation>
    </message>
    <message>
        <source>write failed: %1: the change of the places of task %2 was interrupted; nothing was changed</source>
        <translation>ghi thất bại: %1: việc thay đổi địa điểm của nhiệm vụ %2 bị gián đoạn; không có gì bị thay đổi</translation>
    </message>
    <message>
        <source>no valid date given</source>
        <translation>chưa có ngày hợp lệ</translation>
    </message>
    <message>
        <source>date %1 is before the resolution (%2): its tasks had no status yet</source>
        <translation>ngày %1 trước ngày ban hành nghị quyết (%2): khi đó các nhiệm vụ chưa có trạng thái</translation>
    </message>
    <message>
        <source>%1: the change of task %2 was interrupted</source>
        <translation>%1: thay đổi của nhiệm vụ %2 bị gián đoạn</translation>
    </message>
    <message>
        <source>write failed: nothing changed, the whole batch of %1 changes was rolled back: %2</source>
        <translation>ghi thất bại: không có gì bị thay đổi, toàn bộ lô %1 thay đổi đã được hủy: %2</translation>
    </message>
    <message>
        <source>write failed: the connection was lost while the change was being committed, so whether it was recorded is not known; look at the history before trying again: %1</source>
        <translation>ghi thất bại: mất kết nối trong lúc xác nhận thay đổi, nên không biết thay đổi đã được ghi nhận hay chưa; hãy xem lịch sử trước khi thử lại: %1</translation>
    </message>
    <message>
        <source>%1: %2 (%3, by %4)</source>
        <translation>%1: %2 (%3, do %4)</translation>
    </message>
</context>
<context>
    <name>RtStoreFiles</name>
    <message>
        <source>cannot open %1 to flush it: %2</source>
        <translation>không mở được %1 để ghi hẳn xuống ổ đĩa: %2</translation>
    </message>
    <message>
        <source>cannot flush %1 to the disk (Windows error %2)</source>
        <translation>không ghi hẳn được %1 xuống ổ đĩa (lỗi Windows %2)</translation>
    </message>
    <message>
        <source>cannot flush %1 to the disk: %2</source>
        <translation>không ghi hẳn được %1 xuống ổ đĩa: %2</translation>
    </message>
    <message>
        <source>cannot open folder %1 to flush it: %2</source>
        <translation>không mở được thư mục %1 để ghi hẳn xuống ổ đĩa: %2</translation>
    </message>
    <message>
        <source>cannot flush folder %1 to the disk: %2</source>
        <translation>không ghi hẳn được thư mục %1 xuống ổ đĩa: %2</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>đã tồn tại</translation>
    </message>
    <message>
        <source>cannot move the new file into place (Windows error %1)</source>
        <translation>không đưa được tệp mới vào đúng vị trí (lỗi Windows %1)</translation>
    </message>
    <message>
        <source>cannot move the new file into place: %1</source>
        <translation>không đưa được tệp mới vào đúng vị trí: %1</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>không đổi tên được %1 thành %2</translation>
    </message>
    <message>
        <source>cannot keep %1 as %2: %3</source>
        <translation>không giữ lại được %1 dưới tên %2: %3</translation>
    </message>
    <message>
        <source>cannot find a free backup name for %1</source>
        <translation>không tìm được tên còn trống cho bản sao lưu của %1</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>không đọc được: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>tệp rỗng</translation>
    </message>
    <message>
        <source>it is not an SQLite database file</source>
        <translation>đây không phải tệp cơ sở dữ liệu SQLite</translation>
    </message>
    <message>
        <source>the file is truncated</source>
        <translation>tệp bị cắt cụt (không đầy đủ)</translation>
    </message>
</context>
<context>
    <name>RtStoreQueries</name>
    <message>
        <source>unknown task id &apos;%1&apos;; run `restrack summary` to list task ids</source>
        <translation>mã nhiệm vụ &apos;%1&apos; không tồn tại; hãy chạy `restrack summary` để xem danh sách mã nhiệm vụ</translation>
    </message>
    <message>
        <source>cannot read the clauses of %1: %2</source>
        <translation>không đọc được các khoản của %1: %2</translation>
    </message>
    <message>
        <source>cannot read the clauses of %1: clause &apos;%2&apos; comes before its parent &apos;%3&apos;</source>
        <translation>không đọc được các khoản của %1: khoản &apos;%2&apos; đứng trước mục cấp trên &apos;%3&apos;</translation>
    </message>
    <message>
        <source>cannot read the footnotes of %1: %2</source>
        <translation>không đọc được các chú thích của %1: %2</translation>
    </message>
    <message>
        <source>cannot read the figures of %1: %2</source>
        <translation>không đọc được các số liệu của %1: %2</translation>
    </message>
    <message>
        <source>cannot read the figures of %1: unknown figure kind &apos;%2&apos;</source>
        <translation>không đọc được các số liệu của %1: loại số liệu &apos;%2&apos; không xác định</translation>
    </message>
    <message>
        <source>cannot read the resolutions of %1: %2</source>
        <translation>không đọc được các nghị quyết của %1: %2</translation>
    </message>
    <message>
        <source>cannot read the task places of %1: %2</source>
        <translation>không đọc được địa điểm của các nhiệm vụ trong %1: %2</translation>
    </message>
    <message>
        <source>cannot read the tasks of %1: %2</source>
        <translation>không đọc được các nhiệm vụ của %1: %2</translation>
    </message>
    <message>
        <source>%1: task %2 belongs to resolution &apos;%3&apos;, which the register does not hold</source>
        <translation>%1: nhiệm vụ %2 thuộc nghị quyết &apos;%3&apos;, nhưng sổ theo dõi không chứa nghị quyết này</translation>
    </message>
    <message>
        <source>%1: task %2: what it follows up cannot be read (&apos;%3&apos;)</source>
        <translation>%1: nhiệm vụ %2: không đọc được nội dung tiếp nối (&apos;%3&apos;)</translation>
    </message>
    <message>
        <source>%1: task %2 has an unknown status &apos;%3&apos;; was it written by a newer version?</source>
        <translation>%1: nhiệm vụ %2 có trạng thái không xác định &apos;%3&apos;; có phải sổ được ghi bằng phiên bản mới hơn?</translation>
    </message>
    <message>
        <source>%1: task %2: its deadline &apos;%3&apos; cannot be read: %4</source>
        <translation>%1: nhiệm vụ %2: không đọc được thời hạn &apos;%3&apos;: %4</translation>
    </message>
    <message>
        <source>task %1: the stored deadline (%2 %3) does not match its phrase &apos;%4&apos;, which now means %5 %6; re-import the resolution to refresh the register</source>
        <translation>nhiệm vụ %1: thời hạn đã lưu (%2 %3) không khớp với cách ghi &apos;%4&apos;, mà hiện nay có nghĩa là %5 %6; hãy nhập lại nghị quyết để cập nhật sổ theo dõi</translation>
    </message>
    <message>
        <source>cannot read the status history of %1: %2</source>
        <translation>không đọc được lịch sử trạng thái của %1: %2</translation>
    </message>
    <message>
        <source>%1: the status history holds an unknown status &apos;%2&apos;; was it written by a newer version?</source>
        <translation>%1: lịch sử trạng thái có trạng thái không xác định &apos;%2&apos;; có phải sổ được ghi bằng phiên bản mới hơn?</translation>
    </message>
    <message>
        <source>cannot read the measured values of %1: %2</source>
        <translation>không đọc được số liệu đo được của %1: %2</translation>
    </message>
    <message>
        <source>cannot read the assignments of %1: %2</source>
        <translation>không đọc được thông tin giao nhiệm vụ của %1: %2</translation>
    </message>
    <message>
        <source>%1: task %2: an assignment holds an unknown role &apos;%3&apos;; was it written by a newer version?</source>
        <translation>%1: nhiệm vụ %2: một lần giao nhiệm vụ có vai trò không xác định &apos;%3&apos;; có phải sổ được ghi bằng phiên bản mới hơn?</translation>
    </message>
    <message>
        <source>%1: task %2: assignment %3 has no lead office</source>
        <translation>%1: nhiệm vụ %2: lần giao %3 không có cơ quan chủ trì</translation>
    </message>
</context>
<context>
    <name>RtStoreSchema</name>
    <message>
        <source>%1 was written by a newer version of Resolution Tracker (register schema %2; this version reads schemas 1 to %3): open it with that version or a newer one; nothing was changed</source>
        <translation>%1 được ghi bằng phiên bản Resolution Tracker mới hơn (lược đồ sổ theo dõi %2; phiên bản này đọc được lược đồ từ 1 đến %3): hãy mở bằng phiên bản đó hoặc mới hơn; không có gì bị thay đổi</translation>
    </message>
</context>
<context>
    <name>RtStoreTransfer</name>
    <message>
        <source>%1 holds no resolution: there is nothing to copy</source>
        <translation>%1 không chứa nghị quyết nào: không có gì để sao chép</translation>
    </message>
    <message>
        <source>a register with %1 resolution(s) is there already; pass --overwrite to replace it (it is kept aside first)</source>
        <translation>ở đó đã có một sổ theo dõi với %1 nghị quyết; hãy dùng --overwrite để thay thế (sổ cũ sẽ được giữ lại làm bản dự phòng trước)</translation>
    </message>
</context>
<context>
    <name>RtStoreWriter</name>
    <message>
        <source>cannot create %1: the resolution has no number</source>
        <translation>không tạo được %1: nghị quyết không có số hiệu</translation>
    </message>
    <message>
        <source>cannot create %1: the resolution has no date, which the status history starts from</source>
        <translation>không tạo được %1: nghị quyết không có ngày ban hành, là mốc bắt đầu của lịch sử trạng thái</translation>
    </message>
    <message>
        <source>cannot create %1: a task has no id</source>
        <translation>không tạo được %1: có nhiệm vụ không có mã</translation>
    </message>
    <message>
        <source>cannot create %1: task id &apos;%2&apos; occurs twice</source>
        <translation>không tạo được %1: mã nhiệm vụ &apos;%2&apos; xuất hiện hai lần</translation>
    </message>
    <message>
        <source>cannot create %1: task %2: %3</source>
        <translation>không tạo được %1: nhiệm vụ %2: %3</translation>
    </message>
    <message>
        <source>cannot create %1: task %2: deadline &apos;%3&apos; means %4 with the council term %5–%6, not %7</source>
        <translation>không tạo được %1: nhiệm vụ %2: thời hạn &apos;%3&apos;, theo nhiệm kỳ HĐND %5–%6, có nghĩa là %4, không phải %7</translation>
    </message>
</context>
<context>
    <name>RtTaskModels</name>
    <message>
        <source>, footnote %1</source>
        <translation>, chú thích %1</translation>
    </message>
    <message>
        <source>Clause / task</source>
        <translation>Điều khoản / nhiệm vụ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Progress against target</source>
        <translation>Tiến độ so với chỉ tiêu</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Cơ quan chủ trì</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Điều khoản</translation>
    </message>
</context>
<context>
    <name>RtTasksAsOf</name>
    <message>
        <source>no valid as-of date given; use YYYY-MM-DD</source>
        <translation>chưa có ngày tính đến hợp lệ; hãy dùng dạng YYYY-MM-DD</translation>
    </message>
    <message>
        <source>the resolution</source>
        <translation>nghị quyết</translation>
    </message>
    <message>
        <source>the resolution (%1)</source>
        <translation>nghị quyết (%1)</translation>
    </message>
    <message>
        <source>the as-of date %1 is before %2 of %3: its tasks had no status yet; choose %3 or later</source>
        <translation>ngày tính đến %1 sớm hơn %2 ngày %3: khi đó các nhiệm vụ chưa có trạng thái; hãy chọn ngày %3 hoặc muộn hơn</translation>
    </message>
</context>
</TS>
