<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
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
</context>
<context>
    <name>RtFeatureStatuses</name>
    <message>
        <source>No task</source>
        <translation>Không có nhiệm vụ</translation>
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
</context>
<context>
    <name>RtProgress</name>
    <message>
        <source> = %1 of target</source>
        <translation> = %1 chỉ tiêu</translation>
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
</TS>
