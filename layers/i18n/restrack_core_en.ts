<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>RtCategories</name>
    <message>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>Infrastructure</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Tourism</source>
        <translation>Tourism</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Culture and society</source>
        <translation>Culture and society</translation>
    </message>
    <message>
        <source>Defence and security</source>
        <translation>Defence and security</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Economy and budget</source>
        <translation>Economy and budget</translation>
    </message>
    <message>
        <source>Oversight</source>
        <translation>Oversight</translation>
    </message>
</context>
<context>
    <name>RtCli</name>
    <message>
        <source>Layer %1 — %2 features, status as of %3</source>
        <translation>Layer %1 — %2 features, status as of %3</translation>
    </message>
    <message>
        <source>A feature&apos;s status: every task that names it, directive items included.</source>
        <translation>A feature&apos;s status: every task that names it, directive items included.</translation>
    </message>
    <message>
        <source>A feature&apos;s status: the concrete commitments that name it; directive items only where none does (--with-directives: directives too).</source>
        <translation>A feature&apos;s status: the concrete commitments that name it; directive items only where none does (--with-directives: directives too).</translation>
    </message>
    <message>
        <source>key</source>
        <translation>key</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tasks</translation>
    </message>
    <message>
        <source>MATCHED NO FEATURE (%1)</source>
        <translation>MATCHED NO FEATURE (%1)</translation>
    </message>
    <message>
        <source>AMBIGUOUS KEYS, MATCHING SEVERAL FEATURES — COUNTED FOR NONE (%1)</source>
        <translation>AMBIGUOUS KEYS, MATCHING SEVERAL FEATURES — COUNTED FOR NONE (%1)</translation>
    </message>
    <message>
        <source>Wrote rt_status, rt_share_done, rt_tasks, rt_as_of into %1</source>
        <translation>Wrote rt_status, rt_share_done, rt_tasks, rt_as_of into %1</translation>
    </message>
    <message>
        <source>recurring</source>
        <translation>recurring</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>lead: %1</source>
        <translation>lead: %1</translation>
    </message>
    <message>
        <source>; with: %1</source>
        <translation>; with: %1</translation>
    </message>
    <message>
        <source>Resolution %1 of %2 — progress as of %3</source>
        <translation>Resolution %1 of %2 — progress as of %3</translation>
    </message>
    <message>
        <source>%1 tasks, %2 overdue</source>
        <translation>%1 tasks, %2 overdue</translation>
    </message>
    <message>
        <source>OVERDUE (%1)</source>
        <translation>OVERDUE (%1)</translation>
    </message>
    <message>
        <source>due </source>
        <translation>due </translation>
    </message>
    <message>
        <source>BY STATUS</source>
        <translation>BY STATUS</translation>
    </message>
    <message>
        <source>BY CATEGORY</source>
        <translation>BY CATEGORY</translation>
    </message>
    <message>
        <source>PROGRESS AGAINST TARGETS</source>
        <translation>PROGRESS AGAINST TARGETS</translation>
    </message>
    <message>
        <source>no value yet</source>
        <translation>no value yet</translation>
    </message>
    <message>
        <source>measured %1 (%2)</source>
        <translation>measured %1 (%2)</translation>
    </message>
    <message>
        <source> = %1 of target</source>
        <translation> = %1 of target</translation>
    </message>
    <message>
        <source> (the target states no single figure)</source>
        <translation> (the target states no single figure)</translation>
    </message>
    <message>
        <source> (not in the target&apos;s unit)</source>
        <translation> (not in the target&apos;s unit)</translation>
    </message>
    <message>
        <source>target: </source>
        <translation>target: </translation>
    </message>
    <message>
        <source>TASKS BY STATUS AND CATEGORY</source>
        <translation>TASKS BY STATUS AND CATEGORY</translation>
    </message>
    <message>
        <source>%1 resolutions — %2 tasks, %3 overdue as of %4</source>
        <translation>%1 resolutions — %2 tasks, %3 overdue as of %4</translation>
    </message>
    <message>
        <source>(initial)</source>
        <translation>(initial)</translation>
    </message>
    <message>
        <source>%1 (unchanged)</source>
        <translation>%1 (unchanged)</translation>
    </message>
    <message>
        <source>by </source>
        <translation>by </translation>
    </message>
    <message>
        <source>Follows up: %1</source>
        <translation>Follows up: %1</translation>
    </message>
    <message>
        <source>Measured values (target: %1):</source>
        <translation>Measured values (target: %1):</translation>
    </message>
    <message>
        <source>Assignments:</source>
        <translation>Assignments:</translation>
    </message>
</context>
<context>
    <name>RtFeatureStatuses</name>
    <message>
        <source>No task</source>
        <translation>No task</translation>
    </message>
</context>
<context>
    <name>RtMapExport</name>
    <message>
        <source>Resolution %1 of %2 of the %3 council</source>
        <translation>Resolution %1 of %2 of the %3 council</translation>
    </message>
    <message>
        <source>tasks of all %1 resolutions of the register</source>
        <translation>tasks of all %1 resolutions of the register</translation>
    </message>
    <message>
        <source>tasks of resolution %1</source>
        <translation>tasks of resolution %1</translation>
    </message>
    <message>
        <source>tasks of resolutions %1</source>
        <translation>tasks of resolutions %1</translation>
    </message>
    <message>
        <source>task statuses: register %1</source>
        <translation>task statuses: register %1</translation>
    </message>
    <message>
        <source>shoreline and border GSHHG 2.3.7 (LGPL)</source>
        <translation>shoreline and border GSHHG 2.3.7 (LGPL)</translation>
    </message>
    <message>
        <source>boundaries of wards, zones and sites: diagrams drawn from public documents</source>
        <translation>boundaries of wards, zones and sites: diagrams drawn from public documents</translation>
    </message>
    <message>
        <source>2025 units from the 2023 ward codes through the field %1 of the layer %2</source>
        <translation>2025 units from the 2023 ward codes through the field %1 of the layer %2</translation>
    </message>
    <message>
        <source>Sources: </source>
        <translation>Sources: </translation>
    </message>
    <message>
        <source>Status / Trạng thái thực hiện</source>
        <translation>Status / Trạng thái thực hiện</translation>
    </message>
    <message>
        <source>Features / Đối tượng trên bản đồ</source>
        <translation>Features / Đối tượng trên bản đồ</translation>
    </message>
    <message>
        <source>Resolution No. %1 of %2 — Progress as of %3</source>
        <translation>Resolution No. %1 of %2 — Progress as of %3</translation>
    </message>
    <message>
        <source>Council map — %1</source>
        <translation>Council map — %1</translation>
    </message>
    <message>
        <source>%1. Each ward, zone and site is coloured by the status of the resolution&apos;s tasks linked to it.</source>
        <translation>%1. Each ward, zone and site is coloured by the status of the resolution&apos;s tasks linked to it.</translation>
    </message>
    <message>
        <source>Administrative units 2025 (from 1/7/2025): each unit, zone and site is coloured by the status of the tasks linked to it; a task stated for a 2023 ward or commune counts for the 2025 unit that includes it.</source>
        <translation>Administrative units 2025 (from 1/7/2025): each unit, zone and site is coloured by the status of the tasks linked to it; a task stated for a 2023 ward or commune counts for the 2025 unit that includes it.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Legend / Chú giải</source>
        <translation>Legend / Chú giải</translation>
    </message>
    <message>
        <source>A place&apos;s colour: every task that names it, directive items included. </source>
        <translation>A place&apos;s colour: every task that names it, directive items included. </translation>
    </message>
    <message>
        <source>A place&apos;s colour: the concrete commitments that name it; directive items colour it only where no commitment names it. </source>
        <translation>A place&apos;s colour: the concrete commitments that name it; directive items colour it only where no commitment names it. </translation>
    </message>
    <message>
        <source>A place with several tasks shows, in order of precedence: blocked, overdue, in progress, done, dropped, not started, no report.</source>
        <translation>A place with several tasks shows, in order of precedence: blocked, overdue, in progress, done, dropped, not started, no report.</translation>
    </message>
    <message>
        <source>Tasks by status (as of %1)</source>
        <translation>Tasks by status (as of %1)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <source>of which overdue / trong đó quá hạn</source>
        <translation>of which overdue / trong đó quá hạn</translation>
    </message>
    <message>
        <source>Overdue tasks (%1)</source>
        <translation>Overdue tasks (%1)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Task (id)</source>
        <translation>Task (id)</translation>
    </message>
    <message>
        <source>No task is overdue.</source>
        <translation>No task is overdue.</translation>
    </message>
    <message>
        <source>… and %1 more overdue (see: restrack summary)</source>
        <translation>… and %1 more overdue (see: restrack summary)</translation>
    </message>
    <message>
        <source>Made with Resolution Tracker on %1 from the register; statuses as of %2.</source>
        <translation>Made with Resolution Tracker on %1 from the register; statuses as of %2.</translation>
    </message>
    <message>
        <source>Administrative unit 2025</source>
        <translation>Administrative unit 2025</translation>
    </message>
    <message>
        <source>Ward or commune (2023)</source>
        <translation>Ward or commune (2023)</translation>
    </message>
    <message>
        <source>Zoning sub-plan (dashed outline)</source>
        <translation>Zoning sub-plan (dashed outline)</translation>
    </message>
    <message>
        <source>Site (bold outline)</source>
        <translation>Site (bold outline)</translation>
    </message>
    <message>
        <source>Road, bridge, lighting</source>
        <translation>Road, bridge, lighting</translation>
    </message>
    <message>
        <source>International border</source>
        <translation>International border</translation>
    </message>
</context>
<context>
    <name>RtProgress</name>
    <message>
        <source> = %1 of target</source>
        <translation> = %1 of target</translation>
    </message>
</context>
<context>
    <name>RtReportForm</name>
    <message>
        <source>Task id</source>
        <translation>Task id</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Status code</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Measured value</source>
        <translation>Measured value</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RtSessionPack</name>
    <message>
        <source> (continued)</source>
        <translation> (continued)</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>value: %1</translation>
    </message>
    <message>
        <source>Since the last session</source>
        <translation>Since the last session</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>overdue (due %1)</source>
        <translation>overdue (due %1)</translation>
    </message>
    <message>
        <source>The figures the resolution set</source>
        <translation>The figures the resolution set</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>Latest value</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>no value reported</source>
        <translation>no value reported</translation>
    </message>
    <message>
        <source>Land cases</source>
        <translation>Land cases</translation>
    </message>
    <message>
        <source>Case (task)</source>
        <translation>Case (task)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Dossiers (parcels) by status</source>
        <translation>Dossiers (parcels) by status</translation>
    </message>
    <message>
        <source>Appendix: all tasks</source>
        <translation>Appendix: all tasks</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Resolution No. %1 of %2 — Session of %3</source>
        <translation>Resolution No. %1 of %2 — Session of %3</translation>
    </message>
    <message>
        <source>A place&apos;s colour: every task that names it, directive items included.</source>
        <translation>A place&apos;s colour: every task that names it, directive items included.</translation>
    </message>
    <message>
        <source>A place&apos;s colour: the concrete commitments that name it; directive items colour it only where no commitment names it.</source>
        <translation>A place&apos;s colour: the concrete commitments that name it; directive items colour it only where no commitment names it.</translation>
    </message>
    <message>
        <source>People&apos;s Council</source>
        <translation>People&apos;s Council</translation>
    </message>
    <message>
        <source>Term %1–%2</source>
        <translation>Term %1–%2</translation>
    </message>
    <message>
        <source>Resolution passed at: %1</source>
        <translation>Resolution passed at: %1</translation>
    </message>
    <message>
        <source>Session pack: how the resolution stands</source>
        <translation>Session pack: how the resolution stands</translation>
    </message>
    <message>
        <source>Session of %1</source>
        <translation>Session of %1</translation>
    </message>
    <message>
        <source>Resolution No. %1 of %2
%3
(%4 tasks)</source>
        <translation>Resolution No. %1 of %2
%3
(%4 tasks)</translation>
    </message>
    <message>
        <source>Compared with the last session of %1</source>
        <translation>Compared with the last session of %1</translation>
    </message>
    <message>
        <source>No earlier session to compare with</source>
        <translation>No earlier session to compare with</translation>
    </message>
    <message>
        <source>Made with Resolution Tracker from the register %1; statuses as of %2.</source>
        <translation>Made with Resolution Tracker from the register %1; statuses as of %2.</translation>
    </message>
    <message>
        <source>Overview as of %1</source>
        <translation>Overview as of %1</translation>
    </message>
    <message>
        <source>%1 tasks, %2 overdue. %3</source>
        <translation>%1 tasks, %2 overdue. %3</translation>
    </message>
    <message>
        <source>Tasks by status</source>
        <translation>Tasks by status</translation>
    </message>
    <message>
        <source>Tasks by category</source>
        <translation>Tasks by category</translation>
    </message>
    <message>
        <source>Status of all tasks by month</source>
        <translation>Status of all tasks by month</translation>
    </message>
    <message>
        <source>No earlier session to compare with (no --since).</source>
        <translation>No earlier session to compare with (no --since).</translation>
    </message>
    <message>
        <source>From %1 to %2: %3 status changes, %6 values reported; newly overdue: %4; newly done: %5.</source>
        <translation>From %1 to %2: %3 status changes, %6 values reported; newly overdue: %4; newly done: %5.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>No change.</source>
        <translation>No change.</translation>
    </message>
    <message>
        <source>No earlier session to compare with.</source>
        <translation>No earlier session to compare with.</translation>
    </message>
    <message>
        <source>Targets as the resolution states them; values are the latest reported up to %1.</source>
        <translation>Targets as the resolution states them; values are the latest reported up to %1.</translation>
    </message>
    <message>
        <source>Administrative unit 2025</source>
        <translation>Administrative unit 2025</translation>
    </message>
    <message>
        <source>Ward or commune</source>
        <translation>Ward or commune</translation>
    </message>
    <message>
        <source>Planning zone</source>
        <translation>Planning zone</translation>
    </message>
    <message>
        <source>Status on the map: %1. %2 tasks, %3 overdue, as of %4.</source>
        <translation>Status on the map: %1. %2 tasks, %3 overdue, as of %4.</translation>
    </message>
    <message>
        <source>No task names this place.</source>
        <translation>No task names this place.</translation>
    </message>
    <message>
        <source>… and %1 more tasks (see the appendix)</source>
        <translation>… and %1 more tasks (see the appendix)</translation>
    </message>
    <message>
        <source>The register&apos;s land tasks; dossiers (parcels) by status from the cadastre layer, aggregates only, no land user&apos;s name is printed.</source>
        <translation>The register&apos;s land tasks; dossiers (parcels) by status from the cadastre layer, aggregates only, no land user&apos;s name is printed.</translation>
    </message>
    <message>
        <source>The register&apos;s land tasks. No cadastre layer (--cadastre): dossiers and parcels are not counted.</source>
        <translation>The register&apos;s land tasks. No cadastre layer (--cadastre): dossiers and parcels are not counted.</translation>
    </message>
    <message>
        <source>No land task.</source>
        <translation>No land task.</translation>
    </message>
    <message>
        <source>Statuses as of %1; evidence: the latest report, or the resolution&apos;s words.</source>
        <translation>Statuses as of %1; evidence: the latest report, or the resolution&apos;s words.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>RtStatuses</name>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Dropped (no longer relevant)</source>
        <translation>Dropped (no longer relevant)</translation>
    </message>
    <message>
        <source>No report</source>
        <translation>No report</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>RtTaskModels</name>
    <message>
        <source>, footnote %1</source>
        <translation>, footnote %1</translation>
    </message>
    <message>
        <source>Clause / task</source>
        <translation>Clause / task</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Progress against target</source>
        <translation>Progress against target</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
</context>
</TS>
