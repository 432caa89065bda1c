<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>RtAppendixReader</name>
    <message>
        <source>%1 (line %2): no table rows could be read (cells are not separated by tabs, &apos;|&apos; or columns of spaces)</source>
        <translation>%1 (line %2): no table rows could be read (cells are not separated by tabs, &apos;|&apos; or columns of spaces)</translation>
    </message>
</context>
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
    <name>RtCity</name>
    <message>
        <source>line %1, column %2</source>
        <translation>line %1, column %2</translation>
    </message>
    <message>
        <source>%1: no such city file</source>
        <translation>%1: no such city file</translation>
    </message>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: cannot read it (%2)</translation>
    </message>
    <message>
        <source>%1: expected an object with &quot;name&quot;, &quot;area&quot;, &quot;crs&quot; …</source>
        <translation>%1: expected an object with &quot;name&quot;, &quot;area&quot;, &quot;crs&quot; …</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot; is missing</source>
        <translation>%1: &quot;name&quot; is missing</translation>
    </message>
    <message>
        <source>%1: &quot;crs&quot;.&quot;epsg&quot; is missing: the EPSG code of the CRS the city&apos;s offices use</source>
        <translation>%1: &quot;crs&quot;.&quot;epsg&quot; is missing: the EPSG code of the CRS the city&apos;s offices use</translation>
    </message>
    <message>
        <source>%1: &quot;area&quot;.&quot;%2&quot; is missing: the city&apos;s box in degrees (WGS 84)</source>
        <translation>%1: &quot;area&quot;.&quot;%2&quot; is missing: the city&apos;s box in degrees (WGS 84)</translation>
    </message>
    <message>
        <source>%1: &quot;area&quot; is not a box in degrees (west &lt; east, south &lt; north)</source>
        <translation>%1: &quot;area&quot; is not a box in degrees (west &lt; east, south &lt; north)</translation>
    </message>
    <message>
        <source>%1: map label #%2 needs &quot;text&quot;, &quot;lon&quot; and &quot;lat&quot;</source>
        <translation>%1: map label #%2 needs &quot;text&quot;, &quot;lon&quot; and &quot;lat&quot;</translation>
    </message>
    <message>
        <source>%1: layer #%2 needs &quot;table&quot;, &quot;kind&quot; and &quot;fields&quot;</source>
        <translation>%1: layer #%2 needs &quot;table&quot;, &quot;kind&quot; and &quot;fields&quot;</translation>
    </message>
    <message>
        <source>%1: layer %2: &quot;match&quot; is &quot;code&quot; or &quot;name&quot;, not &quot;%3&quot;</source>
        <translation>%1: layer %2: &quot;match&quot; is &quot;code&quot; or &quot;name&quot;, not &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1: layer %2: &quot;key_map&quot; needs &quot;table&quot;, &quot;from&quot; and &quot;to&quot;</source>
        <translation>%1: layer %2: &quot;key_map&quot; needs &quot;table&quot;, &quot;from&quot; and &quot;to&quot;</translation>
    </message>
    <message>
        <source>%1: its gazetteer: %2</source>
        <translation>%1: its gazetteer: %2</translation>
    </message>
</context>
<context>
    <name>RtClauseTree</name>
    <message>
        <source>the text</source>
        <translation>the text</translation>
    </message>
    <message>
        <source>line %1: &apos;%2&apos; in %3 is out of sequence (expected (i%4)); kept as text</source>
        <translation>line %1: &apos;%2&apos; in %3 is out of sequence (expected (i%4)); kept as text</translation>
    </message>
    <message>
        <source>line %1: text before the first article is ignored: &quot;%2&quot;</source>
        <translation>line %1: text before the first article is ignored: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>line %1: &apos;%2&apos; follows %3 — a clause may be missing or misnumbered</source>
        <translation>line %1: &apos;%2&apos; follows %3 — a clause may be missing or misnumbered</translation>
    </message>
    <message>
        <source>the start of %1</source>
        <translation>the start of %1</translation>
    </message>
    <message>
        <source>line %1: &apos;%2&apos; is placed under &apos;%3&apos;</source>
        <translation>line %1: &apos;%2&apos; is placed under &apos;%3&apos;</translation>
    </message>
    <message>
        <source>line %1: a second &apos;%2&apos; under %3; it is cited as &apos;%4&apos;</source>
        <translation>line %1: a second &apos;%2&apos; under %3; it is cited as &apos;%4&apos;</translation>
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
    <message>
        <source>the bundled register was not found (looked in %1); build the project (cmake --build) or pass --db FILE.gpkg</source>
        <translation>the bundled register was not found (looked in %1); build the project (cmake --build) or pass --db FILE.gpkg</translation>
    </message>
    <message>
        <source>note: %1 was made by an earlier version; it was upgraded to register schema %2, and the register as it was is kept as %3</source>
        <translation>note: %1 was made by an earlier version; it was upgraded to register schema %2, and the register as it was is kept as %3</translation>
    </message>
    <message>
        <source>--lang must be vi or en, not &apos;%1&apos;</source>
        <translation>--lang must be vi or en, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>option --%1 needs a value</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>unknown option --%1</translation>
    </message>
    <message>
        <source>--as-of &apos;%1&apos; is not a date; use YYYY-MM-DD</source>
        <translation>--as-of &apos;%1&apos; is not a date; use YYYY-MM-DD</translation>
    </message>
    <message>
        <source>a task belongs to one resolution: give --resolution once</source>
        <translation>a task belongs to one resolution: give --resolution once</translation>
    </message>
    <message>
        <source>give --%1 or --%2, not both</source>
        <translation>give --%1 or --%2, not both</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>standard input</translation>
    </message>
    <message>
        <source>--%1 %2: cannot read it (%3)</source>
        <translation>--%1 %2: cannot read it (%3)</translation>
    </message>
    <message>
        <source>--%1 %2: more than %3 MiB; a note or evidence is text, give a shorter one</source>
        <translation>--%1 %2: more than %3 MiB; a note or evidence is text, give a shorter one</translation>
    </message>
    <message>
        <source>--%1 %2: line %3 holds a NUL byte; is it a text file?</source>
        <translation>--%1 %2: line %3 holds a NUL byte; is it a text file?</translation>
    </message>
    <message>
        <source>--%1 %2: not UTF-8 text; save it as UTF-8</source>
        <translation>--%1 %2: not UTF-8 text; save it as UTF-8</translation>
    </message>
    <message>
        <source>%1: cannot read the resolution text (%2)</source>
        <translation>%1: cannot read the resolution text (%2)</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <source>refusing to add: %1 disagrees with %2 in %3 place(s); fix the register or the text</source>
        <translation>refusing to add: %1 disagrees with %2 in %3 place(s); fix the register or the text</translation>
    </message>
    <message>
        <source>added %1 to %2: %3 tasks, checked against %4</source>
        <translation>added %1 to %2: %3 tasks, checked against %4</translation>
    </message>
    <message>
        <source>  task %1 is %2 in this register (the id %1 was taken)</source>
        <translation>  task %1 is %2 in this register (the id %1 was taken)</translation>
    </message>
    <message>
        <source>a task has one lead office: give --office once, and the others with --with</source>
        <translation>a task has one lead office: give --office once, and the others with --with</translation>
    </message>
    <message>
        <source>%1 is required
%2</source>
        <translation>%1 is required
%2</translation>
    </message>
    <message>
        <source>--office (the lead office)</source>
        <translation>--office (the lead office)</translation>
    </message>
    <message>
        <source>--by (who assigns the task)</source>
        <translation>--by (who assigns the task)</translation>
    </message>
    <message>
        <source>%1: lead %2%3 (by %4)</source>
        <translation>%1: lead %2%3 (by %4)</translation>
    </message>
    <message>
        <source>; with %1</source>
        <translation>; with %1</translation>
    </message>
    <message>
        <source>%1 resolution(s), %2 task(s), %3 status change(s), %4 measured value(s), %5 assignment(s)</source>
        <translation>%1 resolution(s), %2 task(s), %3 status change(s), %4 measured value(s), %5 assignment(s)</translation>
    </message>
    <message>
        <source>created an empty register (schema %1) in %2%3: tables %4; the histories are append-only. Fill it with: restrack push --from FILE.gpkg --db %2</source>
        <translation>created an empty register (schema %1) in %2%3: tables %4; the histories are append-only. Fill it with: restrack push --from FILE.gpkg --db %2</translation>
    </message>
    <message>
        <source> (database schema restrack)</source>
        <translation> (database schema restrack)</translation>
    </message>
    <message>
        <source>%1 is a register of schema %2 already: nothing to upgrade</source>
        <translation>%1 is a register of schema %2 already: nothing to upgrade</translation>
    </message>
    <message>
        <source>%1 was upgraded to register schema %2; the register as it was is kept as %3</source>
        <translation>%1 was upgraded to register schema %2; the register as it was is kept as %3</translation>
    </message>
    <message>
        <source>db role needs --user LOGIN and --as viewer, editor or admin
%1</source>
        <translation>db role needs --user LOGIN and --as viewer, editor or admin
%1</translation>
    </message>
    <message>
        <source>%1 is now %2 of the registers on %3</source>
        <translation>%1 is now %2 of the registers on %3</translation>
    </message>
    <message>
        <source>db grant needs --user LOGIN, --office or --place, and --by NAME
%1</source>
        <translation>db grant needs --user LOGIN, --office or --place, and --by NAME
%1</translation>
    </message>
    <message>
        <source>%1 may now change the tasks of %2 in %3</source>
        <translation>%1 may now change the tasks of %2 in %3</translation>
    </message>
    <message>
        <source>office &quot;%1&quot;</source>
        <translation>office &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no roles or grants%1 on %2</source>
        <translation>no roles or grants%1 on %2</translation>
    </message>
    <message>
        <source> for </source>
        <translation> for </translation>
    </message>
    <message>
        <source>unknown db action &apos;%1&apos;
%2</source>
        <translation>unknown db action &apos;%1&apos;
%2</translation>
    </message>
    <message>
        <source>pushed %1 to %2: %3</source>
        <translation>pushed %1 to %2: %3</translation>
    </message>
    <message>
        <source>note: the register that was there is kept as %1</source>
        <translation>note: the register that was there is kept as %1</translation>
    </message>
    <message>
        <source>--out must be a GeoPackage file or a folder, not a database; use push to copy to a server</source>
        <translation>--out must be a GeoPackage file or a folder, not a database; use push to copy to a server</translation>
    </message>
    <message>
        <source>%1 already exists; pass --overwrite to replace it</source>
        <translation>%1 already exists; pass --overwrite to replace it</translation>
    </message>
    <message>
        <source>pulled %1 into %2: %3</source>
        <translation>pulled %1 into %2: %3</translation>
    </message>
    <message>
        <source>%1 already exists; pass --overwrite to replace it (a reviewed register is better kept)</source>
        <translation>%1 already exists; pass --overwrite to replace it (a reviewed register is better kept)</translation>
    </message>
    <message>
        <source>--term &apos;%1&apos; is not a council term; write it as 2021-2026</source>
        <translation>--term &apos;%1&apos; is not a council term; write it as 2021-2026</translation>
    </message>
    <message>
        <source>%1: no directive clause and no project-list appendix found; nothing to draft</source>
        <translation>%1: no directive clause and no project-list appendix found; nothing to draft</translation>
    </message>
    <message>
        <source>warning: %1 is on no layer of %2</source>
        <translation>warning: %1 is on no layer of %2</translation>
    </message>
    <message>
        <source>%1: cannot write it (%2)</source>
        <translation>%1: cannot write it (%2)</translation>
    </message>
    <message>
        <source>drafted %1: %2 tasks of %3 (%4 directive clauses, %5 appendix rows), council term %6–%7; every task is &quot;review&quot;: &quot;draft&quot;. Review them, then: restrack build-register --register %1 --out REGISTER.gpkg</source>
        <translation>drafted %1: %2 tasks of %3 (%4 directive clauses, %5 appendix rows), council term %6–%7; every task is &quot;review&quot;: &quot;draft&quot;. Review them, then: restrack build-register --register %1 --out REGISTER.gpkg</translation>
    </message>
    <message>
        <source>--as-of and --out are required; %1</source>
        <translation>--as-of and --out are required; %1</translation>
    </message>
    <message>
        <source>--dpi must be a number from 50 to 1200, not &apos;%1&apos;</source>
        <translation>--dpi must be a number from 50 to 1200, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--units must be 2023 (the wards of the resolution) or 2025 (the units from 1/7/2025), not &apos;%1&apos;</source>
        <translation>--units must be 2023 (the wards of the resolution) or 2025 (the units from 1/7/2025), not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the bundled map layers were not found (looked in %1); pass --layers FILE.gpkg or set RESTRACK_LAYERS</source>
        <translation>the bundled map layers were not found (looked in %1); pass --layers FILE.gpkg or set RESTRACK_LAYERS</translation>
    </message>
    <message>
        <source>wrote %1: %2 tasks, %3 overdue as of %4%5%6</source>
        <translation>wrote %1: %2 tasks, %3 overdue as of %4%5%6</translation>
    </message>
    <message>
        <source>, by the 2025 units</source>
        <translation>, by the 2025 units</translation>
    </message>
    <message>
        <source> (schematic geometry: the notice is on the map)</source>
        <translation> (schematic geometry: the notice is on the map)</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>internal error: %1</translation>
    </message>
    <message>
        <source>--by is required: say who reports</source>
        <translation>--by is required: say who reports</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, row %2: %3</translation>
    </message>
    <message>
        <source>%1: %2 of %3 reported rows refused; nothing recorded</source>
        <translation>%1: %2 of %3 reported rows refused; nothing recorded</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>row %1: %2</translation>
    </message>
    <message>
        <source>%1: %2 reported rows, %3 status and %4 value history rows %5</source>
        <translation>%1: %2 reported rows, %3 status and %4 value history rows %5</translation>
    </message>
    <message>
        <source>would be recorded (dry run: nothing written)</source>
        <translation>would be recorded (dry run: nothing written)</translation>
    </message>
    <message>
        <source>--%1 is required
%2</source>
        <translation>--%1 is required
%2</translation>
    </message>
    <message>
        <source>--kind must be one of %1, not &apos;%2&apos;</source>
        <translation>--kind must be one of %1, not &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--match must be code or name, not &apos;%1&apos;</source>
        <translation>--match must be code or name, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--write stores the result into GeoPackage layers only; %1 is a %2 dataset (convert it first, e.g. ogr2ogr -f GPKG OUT.gpkg &quot;%1&quot;)</source>
        <translation>--write stores the result into GeoPackage layers only; %1 is a %2 dataset (convert it first, e.g. ogr2ogr -f GPKG OUT.gpkg &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>note: the register keys its %1 places by code (&quot;%1:%2&quot;): join with --match code and the layer&apos;s code field</source>
        <translation>note: the register keys its %1 places by code (&quot;%1:%2&quot;): join with --match code and the layer&apos;s code field</translation>
    </message>
    <message>
        <source>--encoding: %1</source>
        <translation>--encoding: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>note: %1</translation>
    </message>
    <message>
        <source>footnote %1 (%2): %3</source>
        <translation>footnote %1 (%2): %3</translation>
    </message>
    <message>
        <source>%1: %2 (%3 rows)</source>
        <translation>%1: %2 (%3 rows)</translation>
    </message>
    <message>
        <source>figure: %1 %2%3 %4</source>
        <translation>figure: %1 %2%3 %4</translation>
    </message>
    <message>
        <source>%1 is resolution %2 of %3, but the register %4 is for %5 of %6: nothing was built. Draft a register for this text with `restrack draft-register --text %1 --out REGISTER.json`, review it, then run `restrack build-register --register REGISTER.json --out %7`</source>
        <translation>%1 is resolution %2 of %3, but the register %4 is for %5 of %6: nothing was built. Draft a register for this text with `restrack draft-register --text %1 --out REGISTER.json`, review it, then run `restrack build-register --register REGISTER.json --out %7`</translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation>(no number)</translation>
    </message>
    <message>
        <source>refusing to build: %1 disagrees with %2 in %3 place(s); fix the register or the text</source>
        <translation>refusing to build: %1 disagrees with %2 in %3 place(s); fix the register or the text</translation>
    </message>
    <message>
        <source>note: %1 held recorded status changes or place links; it was kept as %2</source>
        <translation>note: %1 held recorded status changes or place links; it was kept as %2</translation>
    </message>
    <message>
        <source>note: %1 of the %2 tasks are drafts (&quot;review&quot;: &quot;draft&quot;), proposed from the text and not reviewed yet</source>
        <translation>note: %1 of the %2 tasks are drafts (&quot;review&quot;: &quot;draft&quot;), proposed from the text and not reviewed yet</translation>
    </message>
    <message>
        <source>built %1: %2 tasks (%3 directive items, %4 commitments) of %5, checked against %6</source>
        <translation>built %1: %2 tasks (%3 directive items, %4 commitments) of %5, checked against %6</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;; use one of: %2</source>
        <translation>unknown status &apos;%1&apos;; use one of: %2</translation>
    </message>
    <message>
        <source>--by is required: say who makes the change</source>
        <translation>--by is required: say who makes the change</translation>
    </message>
    <message>
        <source>--date &apos;%1&apos; is not a date; use YYYY-MM-DD</source>
        <translation>--date &apos;%1&apos; is not a date; use YYYY-MM-DD</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos; in --expect; use one of: %2</source>
        <translation>unknown status &apos;%1&apos; in --expect; use one of: %2</translation>
    </message>
    <message>
        <source>%1: %2 kept, %3 recorded (%4, by %5)</source>
        <translation>%1: %2 kept, %3 recorded (%4, by %5)</translation>
    </message>
    <message>
        <source>note and evidence</source>
        <translation>note and evidence</translation>
    </message>
    <message>
        <source>%1: %2 tasks of %3, statuses of %4</source>
        <translation>%1: %2 tasks of %3, statuses of %4</translation>
    </message>
    <message>
        <source>the office &quot;%1&quot;</source>
        <translation>the office &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the place %1</source>
        <translation>the place %1</translation>
    </message>
    <message>
        <source>--session-date and --out are required; %1</source>
        <translation>--session-date and --out are required; %1</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a date; use YYYY-MM-DD</source>
        <translation>--%1 &apos;%2&apos; is not a date; use YYYY-MM-DD</translation>
    </message>
    <message>
        <source>the bundled register was not found (looked in %1); build the project or pass --db FILE.gpkg</source>
        <translation>the bundled register was not found (looked in %1); build the project or pass --db FILE.gpkg</translation>
    </message>
    <message>
        <source>wrote %1: %2 pages (%3 places) as of %4%5</source>
        <translation>wrote %1: %2 pages (%3 places) as of %4%5</translation>
    </message>
    <message>
        <source>; tables in %1</source>
        <translation>; tables in %1</translation>
    </message>
    <message>
        <source>VALUE &apos;%1&apos; is not a number; write it as 312, 3,65 or 78%</source>
        <translation>VALUE &apos;%1&apos; is not a number; write it as 312, 3,65 or 78%</translation>
    </message>
    <message>
        <source>VALUE %1 is a percentage but --unit says &apos;%2&apos;</source>
        <translation>VALUE %1 is a percentage but --unit says &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--by is required: say who reports the value</source>
        <translation>--by is required: say who reports the value</translation>
    </message>
    <message>
        <source>%1: value %2 recorded</source>
        <translation>%1: value %2 recorded</translation>
    </message>
    <message>
        <source>%1: value %2%3 (%4, by %5)%6</source>
        <translation>%1: value %2%3 (%4, by %5)%6</translation>
    </message>
    <message>
        <source> = %1% of the target &quot;%2&quot;</source>
        <translation> = %1% of the target &quot;%2&quot;</translation>
    </message>
    <message>
        <source>; target &quot;%1&quot; (no share: %2)</source>
        <translation>; target &quot;%1&quot; (no share: %2)</translation>
    </message>
    <message>
        <source>another unit</source>
        <translation>another unit</translation>
    </message>
    <message>
        <source>it states no single figure</source>
        <translation>it states no single figure</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; run `restrack --help`</source>
        <translation>unknown command &apos;%1&apos;; run `restrack --help`</translation>
    </message>
    <message>
        <source>--key-map needs --key-map-fields FROM,TO (e.g. gso_code,gso_code_2025)</source>
        <translation>--key-map needs --key-map-fields FROM,TO (e.g. gso_code,gso_code_2025)</translation>
    </message>
    <message>
        <source>%1: its rights (roles, row-level security) and live-update triggers are all there: nothing was missing</source>
        <translation>%1: its rights (roles, row-level security) and live-update triggers are all there: nothing was missing</translation>
    </message>
    <message>
        <source>%1 (register schema %2): its server set-up was completed, in one transaction; added: %3</source>
        <translation>%1 (register schema %2): its server set-up was completed, in one transaction; added: %3</translation>
    </message>
    <message>
        <source>usage: %1</source>
        <translation>usage: %1</translation>
    </message>
    <message>
        <source>  --register: the resolution&apos;s tasks (a curated or draft register), checked against the text;
  without it the text is added with no tasks. --text defaults to the register&apos;s own text.</source>
        <translation>  --register: the resolution&apos;s tasks (a curated or draft register), checked against the text;
  without it the text is added with no tasks. --text defaults to the register&apos;s own text.</translation>
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
        <translation>  --resolution: colour by the tasks of the resolutions named (default: all);
  --overwrite: replace an existing FILE (it is replaced only once the new map is complete)
  --with-directives: a place&apos;s colour counts every task naming it; by default its concrete commitments,
  and directive items only where no commitment names it
  --template: a copy of the council map&apos;s layout template (map/templates/council-map.qpt, installed under
  share/restrack/templates) edited in QGIS&apos;s layout designer; it must keep the ids of the items the map fills
  --city: the city file (data/&lt;city&gt;/city.json: its CRS, the neighbours named on the map); default: Móng Cái
  --units 2025: colour and label the 2025 administrative units (wards_2025) instead of the 2023 wards;
  the tasks&apos; 2023 ward codes are translated through wards_2023&apos;s field gso_code_2025</translation>
    </message>
    <message>
        <source>  FILE: plain text, PDF or DOCX</source>
        <translation>  FILE: plain text, PDF or DOCX</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidence</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (%4, by %5)</source>
        <translation>%1: %2 → %3 (%4, by %5)</translation>
    </message>
    <message>
        <source>  --since: the last session&apos;s date; the pack lists what changed from it to the session date
  --template: a folder with edited copies of some of map/templates/pack-*.qpt (same file names; the others stay
  the built-in ones), or one .qpt used for the cover; a copy lacking an item the pack fills is refused with its id
  --cadastre: parcels with the fields case_id (a land case&apos;s site id in the register), dossier_status and parcel_id;
  only those fields are read, and only counts are printed
  --tables: the pack&apos;s tables as an XLSX workbook, one sheet each</source>
        <translation>  --since: the last session&apos;s date; the pack lists what changed from it to the session date
  --template: a folder with edited copies of some of map/templates/pack-*.qpt (same file names; the others stay
  the built-in ones), or one .qpt used for the cover; a copy lacking an item the pack fills is refused with its id
  --cadastre: parcels with the fields case_id (a land case&apos;s site id in the register), dossier_status and parcel_id;
  only those fields are read, and only counts are printed
  --tables: the pack&apos;s tables as an XLSX workbook, one sheet each</translation>
    </message>
    <message>
        <source>  VALUE: 312, 3,65 or 3.65, 78% (a per cent sign sets the unit %); without --unit the target&apos;s unit.</source>
        <translation>  VALUE: 312, 3,65 or 3.65, 78% (a per cent sign sets the unit %); without --unit the target&apos;s unit.</translation>
    </message>
</context>
<context>
    <name>RtCliHelp</name>
    <message>
        <source>the document, clause tree and figures of a resolution text</source>
        <translation>the document, clause tree and figures of a resolution text</translation>
    </message>
    <message>
        <source>build a register GeoPackage from the text and the curated tasks</source>
        <translation>build a register GeoPackage from the text and the curated tasks</translation>
    </message>
    <message>
        <source>propose a register (JSON, to be reviewed) from any resolution&apos;s text</source>
        <translation>propose a register (JSON, to be reviewed) from any resolution&apos;s text</translation>
    </message>
    <message>
        <source>add a resolution (its text and the tasks of its register JSON,
checked against the text) to a register; a taken task id becomes ID@NUMBER</source>
        <translation>add a resolution (its text and the tasks of its register JSON,
checked against the text) to a register; a taken task id becomes ID@NUMBER</translation>
    </message>
    <message>
        <source>tasks by resolution, status and category, overdue ones first;
measured values against the targets, assigned offices</source>
        <translation>tasks by resolution, status and category, overdue ones first;
measured values against the targets, assigned offices</translation>
    </message>
    <message>
        <source>record a status change (one transaction); F: a UTF-8 file, - for stdin;
the same status with a note or evidence records the report</source>
        <translation>record a status change (one transaction); F: a UTF-8 file, - for stdin;
the same status with a note or evidence records the report</translation>
    </message>
    <message>
        <source>record a measured value of a task with a target (312, 3,65, 78%)</source>
        <translation>record a measured value of a task with a target (312, 3,65, 78%)</translation>
    </message>
    <message>
        <source>record the lead and cooperating offices of a task (kept as a history)</source>
        <translation>record the lead and cooperating offices of a task (kept as a history)</translation>
    </message>
    <message>
        <source>a task&apos;s status history, measured values and assignments</source>
        <translation>a task&apos;s status history, measured values and assignments</translation>
    </message>
    <message>
        <source>each feature&apos;s status from its tasks; --write stores it (GeoPackage)
--with-directives: directive items colour places that commitments name too</source>
        <translation>each feature&apos;s status from its tasks; --write stores it (GeoPackage)
--with-directives: directive items colour places that commitments name too</translation>
    </message>
    <message>
        <source>an office&apos;s (or a place&apos;s) report form: its tasks, their status on the date,
empty columns to fill in (new status, date, value, evidence, note)</source>
        <translation>an office&apos;s (or a place&apos;s) report form: its tasks, their status on the date,
empty columns to fill in (new status, date, value, evidence, note)</translation>
    </message>
    <message>
        <source>record a filled report form: every row or none; each bad row named by its
row number; a task changed since the form was made is a conflict (exit 3)</source>
        <translation>record a filled report form: every row or none; each bad row named by its
row number; a task changed since the form was made is a conflict (exit 3)</translation>
    </message>
    <message>
        <source>the council-session map (A3, QGIS print layout); --print: hatched, for B/W;
--units 2025: by the administrative units of 2025; --template: an edited layout</source>
        <translation>the council-session map (A3, QGIS print layout); --print: hatched, for B/W;
--units 2025: by the administrative units of 2025; --template: an edited layout</translation>
    </message>
    <message>
        <source>the council session pack: cover, overview, changes since the last
session, figures, a page per ward and zone, land cases, appendix</source>
        <translation>the council session pack: cover, overview, changes since the last
session, figures, a page per ward and zone, land cases, appendix</translation>
    </message>
    <message>
        <source>create an empty register on a PostgreSQL server (schema restrack)</source>
        <translation>create an empty register on a PostgreSQL server (schema restrack)</translation>
    </message>
    <message>
        <source>bring a register to this version&apos;s layout (the old one kept)</source>
        <translation>bring a register to this version&apos;s layout (the old one kept)</translation>
    </message>
    <message>
        <source>give a server login a role (rights kept by the server)</source>
        <translation>give a server login a role (rights kept by the server)</translation>
    </message>
    <message>
        <source>let an editor change the tasks of an office or a place</source>
        <translation>let an editor change the tasks of an office or a place</translation>
    </message>
    <message>
        <source>list roles and grants</source>
        <translation>list roles and grants</translation>
    </message>
    <message>
        <source>copy a register with its whole history to a server (one transaction);
a register there is replaced only with --overwrite, and kept aside</source>
        <translation>copy a register with its whole history to a server (one transaction);
a register there is replaced only with --overwrite, and kept aside</translation>
    </message>
    <message>
        <source>a GeoPackage snapshot of a server&apos;s register, whole history included</source>
        <translation>a GeoPackage snapshot of a server&apos;s register, whole history included</translation>
    </message>
    <message>
        <source>usage: restrack COMMAND [options]</source>
        <translation>usage: restrack COMMAND [options]</translation>
    </message>
    <message>
        <source>commands:</source>
        <translation>commands:</translation>
    </message>
    <message>
        <source>--db takes a GeoPackage file or a PostgreSQL database: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB or service=NAME
(a password is better kept in ~/.pgpass or a service file than on the command line).
Without --db the bundled Móng Cái register (172/NQ-HĐND) is used. --resolution NUMBER (&quot;172/NQ-HĐND&quot;, &quot;172/nq-hdnd&quot; or &quot;172&quot;)
chooses the tasks of that resolution (repeatable; default: every resolution of the register); with an ID it names the
resolution whose register wrote that ID.</source>
        <translation>--db takes a GeoPackage file or a PostgreSQL database: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB or service=NAME
(a password is better kept in ~/.pgpass or a service file than on the command line).
Without --db the bundled Móng Cái register (172/NQ-HĐND) is used. --resolution NUMBER (&quot;172/NQ-HĐND&quot;, &quot;172/nq-hdnd&quot; or &quot;172&quot;)
chooses the tasks of that resolution (repeatable; default: every resolution of the register); with an ID it names the
resolution whose register wrote that ID.</translation>
    </message>
    <message>
        <source>exit codes:
  0 done   1 refused: wrong input, or it names what does not exist   2 wrong command line
  3 stale: the task changed meanwhile (--expect), look again   4 busy: another program holds a lock, retry
  5 read-only: the register, its file or folder cannot be written   6 forbidden: no right to do this
  7 unavailable: the disk or server failed   8 corrupt: the register is damaged or not what this version reads</source>
        <translation>exit codes:
  0 done   1 refused: wrong input, or it names what does not exist   2 wrong command line
  3 stale: the task changed meanwhile (--expect), look again   4 busy: another program holds a lock, retry
  5 read-only: the register, its file or folder cannot be written   6 forbidden: no right to do this
  7 unavailable: the disk or server failed   8 corrupt: the register is damaged or not what this version reads</translation>
    </message>
</context>
<context>
    <name>RtCrsCheck</name>
    <message>
        <source>a CRS without name or EPSG code</source>
        <translation>a CRS without name or EPSG code</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (no EPSG code)</source>
        <translation>&quot;%1&quot; (no EPSG code)</translation>
    </message>
    <message>
        <source>nowhere on Earth (the numbers are out of the range of longitudes and latitudes)</source>
        <translation>nowhere on Earth (the numbers are out of the range of longitudes and latitudes)</translation>
    </message>
    <message>
        <source>around %1°%2, %3°%4</source>
        <translation>around %1°%2, %3°%4</translation>
    </message>
    <message>
        <source>%1 (lon %2–%3, lat %4–%5)</source>
        <translation>%1 (lon %2–%3, lat %4–%5)</translation>
    </message>
    <message>
        <source>no coordinates to check the CRS with</source>
        <translation>no coordinates to check the CRS with</translation>
    </message>
    <message>
        <source>the CRS could not be checked: PROJ does not know EPSG:4326 (is proj.db installed?)</source>
        <translation>the CRS could not be checked: PROJ does not know EPSG:4326 (is proj.db installed?)</translation>
    </message>
    <message>
        <source>the layer declares %1, but %2&apos;s official CRS is %3 and the coordinates fit it too: check which one the data was made in (a wrong TM-3 zone shifts it by tens of km)</source>
        <translation>the layer declares %1, but %2&apos;s official CRS is %3 and the coordinates fit it too: check which one the data was made in (a wrong TM-3 zone shifts it by tens of km)</translation>
    </message>
    <message>
        <source>%1 with the axes swapped</source>
        <translation>%1 with the axes swapped</translation>
    </message>
    <message>
        <source> Swap the two coordinate columns (or axes) of the source data.</source>
        <translation> Swap the two coordinate columns (or axes) of the source data.</translation>
    </message>
    <message>
        <source> Assign EPSG:%1 to the layer as its CRS (assign, do not reproject).</source>
        <translation> Assign EPSG:%1 to the layer as its CRS (assign, do not reproject).</translation>
    </message>
    <message>
        <source>coordinates fit %1</source>
        <translation>coordinates fit %1</translation>
    </message>
    <message>
        <source>the layer declares no CRS, and its coordinates fit none of the CRSs used in Vietnam for %1: find out which CRS the data was made in and assign it</source>
        <translation>the layer declares no CRS, and its coordinates fit none of the CRSs used in Vietnam for %1: find out which CRS the data was made in and assign it</translation>
    </message>
    <message>
        <source>the layer declares no CRS; its %1.%2</source>
        <translation>the layer declares no CRS; its %1.%2</translation>
    </message>
    <message>
        <source>the layer&apos;s CRS cannot be read (&quot;%1&quot;)%2.%3</source>
        <translation>the layer&apos;s CRS cannot be read (&quot;%1&quot;)%2.%3</translation>
    </message>
    <message>
        <source>; its </source>
        <translation>; its </translation>
    </message>
    <message>
        <source>the layer is not in %1: with its CRS %2 it lies %3, and no CRS used in Vietnam (TM-3, UTM 48N/49N, degrees) puts its coordinates there: check the layer&apos;s CRS and where its data comes from</source>
        <translation>the layer is not in %1: with its CRS %2 it lies %3, and no CRS used in Vietnam (TM-3, UTM 48N/49N, degrees) puts its coordinates there: check the layer&apos;s CRS and where its data comes from</translation>
    </message>
    <message>
        <source>latitude and longitude are swapped</source>
        <translation>latitude and longitude are swapped</translation>
    </message>
    <message>
        <source>easting and northing are swapped</source>
        <translation>easting and northing are swapped</translation>
    </message>
    <message>
        <source>the coordinates are degrees (longitude, latitude) but the layer declares a projected CRS in metres</source>
        <translation>the coordinates are degrees (longitude, latitude) but the layer declares a projected CRS in metres</translation>
    </message>
    <message>
        <source>the coordinates are metres but the layer declares degrees</source>
        <translation>the coordinates are metres but the layer declares degrees</translation>
    </message>
    <message>
        <source>UTM coordinates declared as TM-3 (UTM: 6° zones, scale 0.9996; TM-3: 3° zones, 0.9999)</source>
        <translation>UTM coordinates declared as TM-3 (UTM: 6° zones, scale 0.9996; TM-3: 3° zones, 0.9999)</translation>
    </message>
    <message>
        <source>TM-3 coordinates declared as UTM (TM-3: 3° zones, scale 0.9999; UTM: 6° zones, 0.9996)</source>
        <translation>TM-3 coordinates declared as UTM (TM-3: 3° zones, scale 0.9999; UTM: 6° zones, 0.9996)</translation>
    </message>
    <message>
        <source>a TM-3 zone with another central meridian (%1 uses %2)</source>
        <translation>a TM-3 zone with another central meridian (%1 uses %2)</translation>
    </message>
    <message>
        <source>a TM-3 zone with another central meridian</source>
        <translation>a TM-3 zone with another central meridian</translation>
    </message>
    <message>
        <source>the other UTM zone</source>
        <translation>the other UTM zone</translation>
    </message>
    <message>
        <source>the coordinates are in another CRS than the declared one</source>
        <translation>the coordinates are in another CRS than the declared one</translation>
    </message>
    <message>
        <source>the layer is not in %1: with its CRS it lies %2. Likely mistake: %3. The %4; the layer declares %5.%6</source>
        <translation>the layer is not in %1: with its CRS it lies %2. Likely mistake: %3. The %4; the layer declares %5.%6</translation>
    </message>
</context>
<context>
    <name>RtDeadline</name>
    <message>
        <source>there is no such date</source>
        <translation>there is no such date</translation>
    </message>
    <message>
        <source>%1 is not a plausible year</source>
        <translation>%1 is not a plausible year</translation>
    </message>
    <message>
        <source>it names no year, and the date of the resolution is not known</source>
        <translation>it names no year, and the date of the resolution is not known</translation>
    </message>
    <message>
        <source>%1 is not a plausible period</source>
        <translation>%1 is not a plausible period</translation>
    </message>
    <message>
        <source>the period ends before it starts</source>
        <translation>the period ends before it starts</translation>
    </message>
    <message>
        <source>%1 is not a plausible term</source>
        <translation>%1 is not a plausible term</translation>
    </message>
    <message>
        <source>it needs the council term (e.g. 2021–2026), which is not set</source>
        <translation>it needs the council term (e.g. 2021–2026), which is not set</translation>
    </message>
    <message>
        <source>the phrase is not one this version can date (a day, month, quarter, year or period with &quot;trước&quot;, &quot;trong&quot;, &quot;đến hết&quot;, &quot;chậm nhất&quot;; &quot;hết nhiệm kỳ&quot;; &quot;hàng năm&quot;; &quot;thường xuyên&quot;; &quot;kỳ họp cuối năm&quot;)</source>
        <translation>the phrase is not one this version can date (a day, month, quarter, year or period with &quot;trước&quot;, &quot;trong&quot;, &quot;đến hết&quot;, &quot;chậm nhất&quot;; &quot;hết nhiệm kỳ&quot;; &quot;hàng năm&quot;; &quot;thường xuyên&quot;; &quot;kỳ họp cuối năm&quot;)</translation>
    </message>
</context>
<context>
    <name>RtDocumentSource</name>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (line %2)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: no such file</translation>
    </message>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: cannot read it (%2)</translation>
    </message>
    <message>
        <source>%1 is not a plain text: --encoding applies to plain text only</source>
        <translation>%1 is not a plain text: --encoding applies to plain text only</translation>
    </message>
    <message>
        <source>%1 is an OpenDocument file (.odt): save it as .docx, PDF or plain text and import that</source>
        <translation>%1 is an OpenDocument file (.odt): save it as .docx, PDF or plain text and import that</translation>
    </message>
    <message>
        <source>%1 is a ZIP archive but not a Word document (no word/document.xml): expected the plain text, PDF or DOCX of a resolution</source>
        <translation>%1 is a ZIP archive but not a Word document (no word/document.xml): expected the plain text, PDF or DOCX of a resolution</translation>
    </message>
    <message>
        <source>%1 is a Word 97-2003 document (.doc): open it in Word or LibreOffice, save it as .docx or PDF, and import that</source>
        <translation>%1 is a Word 97-2003 document (.doc): open it in Word or LibreOffice, save it as .docx or PDF, and import that</translation>
    </message>
    <message>
        <source>%1 is an RTF document: save it as .docx, PDF or plain text and import that</source>
        <translation>%1 is an RTF document: save it as .docx, PDF or plain text and import that</translation>
    </message>
    <message>
        <source>%1 starts like a PDF but cannot be read as one: it is damaged or cut short</source>
        <translation>%1 starts like a PDF but cannot be read as one: it is damaged or cut short</translation>
    </message>
    <message>
        <source>%1 is a PDF protected by a password: save an unprotected copy and import that</source>
        <translation>%1 is a PDF protected by a password: save an unprotected copy and import that</translation>
    </message>
    <message>
        <source>%1 has no text layer; it is a scan: OCR it first (for example with ocrmypdf -l vie), then import the result</source>
        <translation>%1 has no text layer; it is a scan: OCR it first (for example with ocrmypdf -l vie), then import the result</translation>
    </message>
    <message>
        <source>page %1 of %2 has no text (a scanned page?); whatever it holds is not read</source>
        <translation>page %1 of %2 has no text (a scanned page?); whatever it holds is not read</translation>
    </message>
    <message>
        <source>read from a PDF of %1 page(s) (text layer)</source>
        <translation>read from a PDF of %1 page(s) (text layer)</translation>
    </message>
    <message>
        <source>%1 looks like a Word document but its word/document.xml cannot be read: the file is damaged or cut short</source>
        <translation>%1 looks like a Word document but its word/document.xml cannot be read: the file is damaged or cut short</translation>
    </message>
    <message>
        <source>%1: its word/document.xml is not well-formed XML: %2</source>
        <translation>%1: its word/document.xml is not well-formed XML: %2</translation>
    </message>
    <message>
        <source>read from a Word document (DOCX)</source>
        <translation>read from a Word document (DOCX)</translation>
    </message>
</context>
<context>
    <name>RtDraftRegister</name>
    <message>
        <source>task %1 (%2): the text names no responsible body</source>
        <translation>task %1 (%2): the text names no responsible body</translation>
    </message>
    <message>
        <source>task %1: deadline &apos;%2&apos; has no date (%3)</source>
        <translation>task %1: deadline &apos;%2&apos; has no date (%3)</translation>
    </message>
    <message>
        <source>task %1 (%2, row %3): no place of the gazetteer is named</source>
        <translation>task %1 (%2, row %3): no place of the gazetteer is named</translation>
    </message>
</context>
<context>
    <name>RtEncoding</name>
    <message>
        <source>line %1, column %2</source>
        <translation>line %1, column %2</translation>
    </message>
    <message>
        <source>%1 contains a NUL byte at %2: a text has none. Is the file damaged, or not a text? Remove it (or save the document again as text) and import again</source>
        <translation>%1 contains a NUL byte at %2: a text has none. Is the file damaged, or not a text? Remove it (or save the document again as text) and import again</translation>
    </message>
    <message>
        <source>%1 reads as UTF-16 text but has an odd number of bytes: it is cut short or damaged</source>
        <translation>%1 reads as UTF-16 text but has an odd number of bytes: it is cut short or damaged</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-16 text (a broken surrogate pair at %2)</source>
        <translation>%1 is not valid UTF-16 text (a broken surrogate pair at %2)</translation>
    </message>
    <message>
        <source>VNI-encoded Vietnamese</source>
        <translation>VNI-encoded Vietnamese</translation>
    </message>
    <message>
        <source>TCVN3 (ABC)-encoded Vietnamese</source>
        <translation>TCVN3 (ABC)-encoded Vietnamese</translation>
    </message>
    <message>
        <source>%1 is UTF-8 but contains no Vietnamese letters, only Latin-1 ones: it looks like %2 that was decoded as Windows-1252. Convert the original file to Unicode UTF-8 (for example with UniKey&apos;s converter) and import again</source>
        <translation>%1 is UTF-8 but contains no Vietnamese letters, only Latin-1 ones: it looks like %2 that was decoded as Windows-1252. Convert the original file to Unicode UTF-8 (for example with UniKey&apos;s converter) and import again</translation>
    </message>
    <message>
        <source>unknown encoding &apos;%1&apos;; known: %2</source>
        <translation>unknown encoding &apos;%1&apos;; known: %2</translation>
    </message>
    <message>
        <source>this system&apos;s iconv cannot convert Windows-1258 (CP1258)</source>
        <translation>this system&apos;s iconv cannot convert Windows-1258 (CP1258)</translation>
    </message>
    <message>
        <source>iconv failed (errno %1)</source>
        <translation>iconv failed (errno %1)</translation>
    </message>
    <message>
        <source>%1 is empty: expected the text of a resolution (plain text, PDF or DOCX)</source>
        <translation>%1 is empty: expected the text of a resolution (plain text, PDF or DOCX)</translation>
    </message>
    <message>
        <source>converted from %1 (no byte order mark: told by its NUL bytes)</source>
        <translation>converted from %1 (no byte order mark: told by its NUL bytes)</translation>
    </message>
    <message>
        <source>read as %1, as asked (--encoding)</source>
        <translation>read as %1, as asked (--encoding)</translation>
    </message>
    <message>
        <source>converted from %1</source>
        <translation>converted from %1</translation>
    </message>
    <message>
        <source>%1 is binary data, not a text: %2 control bytes in its first %3 bytes. Expected the plain text, PDF or DOCX of a resolution</source>
        <translation>%1 is binary data, not a text: %2 control bytes in its first %3 bytes. Expected the plain text, PDF or DOCX of a resolution</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text (byte 0x%2 at %3)</source>
        <translation>%1 is not UTF-8 text (byte 0x%2 at %3)</translation>
    </message>
    <message>
        <source>not a legacy encoding</source>
        <translation>not a legacy encoding</translation>
    </message>
    <message>
        <source>capitals written with ABC&apos;s capital fonts (lower-case codes) restored in %1 line(s)</source>
        <translation>capitals written with ABC&apos;s capital fonts (lower-case codes) restored in %1 line(s)</translation>
    </message>
    <message>
        <source>byte 0x%1 at %2</source>
        <translation>byte 0x%1 at %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text: %2 breaks it, although the rest reads as UTF-8. Is the file cut in the middle of a letter, or damaged? Check it and import again</source>
        <translation>%1 is not UTF-8 text: %2 breaks it, although the rest reads as UTF-8. Is the file cut in the middle of a letter, or damaged? Check it and import again</translation>
    </message>
    <message>
        <source>converted from %1 (%2 of %3 words with Vietnamese letters read as Vietnamese; next best %4 at %5%)</source>
        <translation>converted from %1 (%2 of %3 words with Vietnamese letters read as Vietnamese; next best %4 at %5%)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 words Vietnamese)</source>
        <translation>%1 (%2 of %3 words Vietnamese)</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text (%2) and its encoding cannot be told for certain; read as each candidate it gives: %3. Convert it to Unicode UTF-8 (for example with UniKey&apos;s converter), or name its encoding with --encoding (%4), and import again</source>
        <translation>%1 is not UTF-8 text (%2) and its encoding cannot be told for certain; read as each candidate it gives: %3. Convert it to Unicode UTF-8 (for example with UniKey&apos;s converter), or name its encoding with --encoding (%4), and import again</translation>
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
    <name>RtFigures</name>
    <message>
        <source>the appendix</source>
        <translation>the appendix</translation>
    </message>
    <message>
        <source>%1 (line %2), column &quot;%3&quot;: %4 states %5 but its rows sum to %6</source>
        <translation>%1 (line %2), column &quot;%3&quot;: %4 states %5 but its rows sum to %6</translation>
    </message>
    <message>
        <source>the row &quot;%1 %2&quot;</source>
        <translation>the row &quot;%1 %2&quot;</translation>
    </message>
    <message>
        <source>the row &quot;%1&quot;</source>
        <translation>the row &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>RtGazetteer</name>
    <message>
        <source>%1, line %2: a quoted field is not closed</source>
        <translation>%1, line %2: a quoted field is not closed</translation>
    </message>
    <message>
        <source>%1: no such gazetteer file</source>
        <translation>%1: no such gazetteer file</translation>
    </message>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: cannot read it (%2)</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text; save the gazetteer as UTF-8</source>
        <translation>%1: not UTF-8 text; save the gazetteer as UTF-8</translation>
    </message>
    <message>
        <source>%1: empty; expected a header line (kind,code,name,…) and one line per place</source>
        <translation>%1: empty; expected a header line (kind,code,name,…) and one line per place</translation>
    </message>
    <message>
        <source>%1, line 1: no column &quot;%2&quot;; the header needs kind, code and name (has: %3)</source>
        <translation>%1, line 1: no column &quot;%2&quot;; the header needs kind, code and name (has: %3)</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, line %2</translation>
    </message>
    <message>
        <source>%1: %2 fields, the header has %3 (a comma in a name needs quotes)</source>
        <translation>%1: %2 fields, the header has %3 (a comma in a name needs quotes)</translation>
    </message>
    <message>
        <source>%1, column kind: &apos;%2&apos; is not one of %3</source>
        <translation>%1, column kind: &apos;%2&apos; is not one of %3</translation>
    </message>
    <message>
        <source>%1, column code: &apos;%2&apos; is not a code (empty, or with a space or &apos;:&apos;)</source>
        <translation>%1, column code: &apos;%2&apos; is not a code (empty, or with a space or &apos;:&apos;)</translation>
    </message>
    <message>
        <source>%1, column name: the place %2 has no name</source>
        <translation>%1, column name: the place %2 has no name</translation>
    </message>
    <message>
        <source>%1, column %2: &apos;%3&apos; is not a date (YYYY-MM-DD)</source>
        <translation>%1, column %2: &apos;%3&apos; is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>%1: %2 ends (%3) before it begins (%4)</source>
        <translation>%1: %2 ends (%3) before it begins (%4)</translation>
    </message>
    <message>
        <source>%1: %2 is already line %3 for the same dates (a reused code needs valid_from/valid_to)</source>
        <translation>%1: %2 is already line %3 for the same dates (a reused code needs valid_from/valid_to)</translation>
    </message>
    <message>
        <source>%1, line %2, column successor: %3:%4 is not in the gazetteer</source>
        <translation>%1, line %2, column successor: %3:%4 is not in the gazetteer</translation>
    </message>
    <message>
        <source>%1, line %2, column parent: ward:%3 is not in the gazetteer</source>
        <translation>%1, line %2, column parent: ward:%3 is not in the gazetteer</translation>
    </message>
</context>
<context>
    <name>RtGpkgBackend</name>
    <message>
        <source>the file is read-only</source>
        <translation>the file is read-only</translation>
    </message>
    <message>
        <source>its folder is read-only (%1), and a change must create %2-journal there</source>
        <translation>its folder is read-only (%1), and a change must create %2-journal there</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>the file or its folder is read-only</translation>
    </message>
    <message>
        <source>another program is writing to it</source>
        <translation>another program is writing to it</translation>
    </message>
    <message>
        <source>it holds an unfinished change of a program that stopped while writing, which only a program that may write to it can undo</source>
        <translation>it holds an unfinished change of a program that stopped while writing, which only a program that may write to it can undo</translation>
    </message>
    <message>
        <source>the journal beside it cannot be opened (%1)</source>
        <translation>the journal beside it cannot be opened (%1)</translation>
    </message>
    <message>
        <source>it may not be written (%1)</source>
        <translation>it may not be written (%1)</translation>
    </message>
    <message>
        <source>access was refused (%1)</source>
        <translation>access was refused (%1)</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>a read or write error on the disk (%1)</source>
        <translation>a read or write error on the disk (%1)</translation>
    </message>
    <message>
        <source>the file is damaged (%1)</source>
        <translation>the file is damaged (%1)</translation>
    </message>
    <message>
        <source>%1 cannot be read: a program that was writing to it stopped half-way, and its unfinished change (in %1-journal) must be undone first, which needs write access to the file and its folder. Run any restrack command that writes as someone who may write there, or copy both files to a folder you may write to and open the copy; the journal is left as it is</source>
        <translation>%1 cannot be read: a program that was writing to it stopped half-way, and its unfinished change (in %1-journal) must be undone first, which needs write access to the file and its folder. Run any restrack command that writes as someone who may write there, or copy both files to a folder you may write to and open the copy; the journal is left as it is</translation>
    </message>
    <message>
        <source>%1 is locked by another program that is writing to it; try again in a moment</source>
        <translation>%1 is locked by another program that is writing to it; try again in a moment</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>this GDAL has no GeoPackage (GPKG) driver</source>
        <translation>this GDAL has no GeoPackage (GPKG) driver</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <source>cannot create table %1: %2</source>
        <translation>cannot create table %1: %2</translation>
    </message>
    <message>
        <source>cannot create column %1.%2: %3</source>
        <translation>cannot create column %1.%2: %3</translation>
    </message>
    <message>
        <source>cannot write the schema version: %1</source>
        <translation>cannot write the schema version: %1</translation>
    </message>
    <message>
        <source>closing the file failed</source>
        <translation>closing the file failed</translation>
    </message>
    <message>
        <source>no register file given</source>
        <translation>no register file given</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 does not exist</translation>
    </message>
    <message>
        <source>%1 is a folder, not a GeoPackage file</source>
        <translation>%1 is a folder, not a GeoPackage file</translation>
    </message>
    <message>
        <source>%1 is not a readable GeoPackage (%2)</source>
        <translation>%1 is not a readable GeoPackage (%2)</translation>
    </message>
    <message>
        <source>GDAL cannot open it</source>
        <translation>GDAL cannot open it</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2, and it holds an unfinished change of a program that stopped while writing, which must be undone first</source>
        <translation>%1 cannot be opened: %2, and it holds an unfinished change of a program that stopped while writing, which must be undone first</translation>
    </message>
    <message>
        <source>%1 cannot be opened for writing: %2</source>
        <translation>%1 cannot be opened for writing: %2</translation>
    </message>
    <message>
        <source>%1: this GDAL gives no access to the GeoPackage&apos;s SQLite connection</source>
        <translation>%1: this GDAL gives no access to the GeoPackage&apos;s SQLite connection</translation>
    </message>
    <message>
        <source>%1 is a GeoPackage but not a Resolution Tracker register: table %2 missing</source>
        <translation>%1 is a GeoPackage but not a Resolution Tracker register: table %2 missing</translation>
    </message>
    <message>
        <source>%1 is not a register this version can read: column %2.%3 missing</source>
        <translation>%1 is not a register this version can read: column %2.%3 missing</translation>
    </message>
    <message>
        <source>cannot read the schema version of %1: %2</source>
        <translation>cannot read the schema version of %1: %2</translation>
    </message>
    <message>
        <source>%1 is a damaged register: its schema version in rt_meta is %2</source>
        <translation>%1 is a damaged register: its schema version in rt_meta is %2</translation>
    </message>
    <message>
        <source>%1 is a register of schema %2, which this version reads but does not write; open it for writing to upgrade it first</source>
        <translation>%1 is a register of schema %2, which this version reads but does not write; open it for writing to upgrade it first</translation>
    </message>
    <message>
        <source>cannot read the triggers of %1</source>
        <translation>cannot read the triggers of %1</translation>
    </message>
    <message>
        <source>trigger %1 is missing</source>
        <translation>trigger %1 is missing</translation>
    </message>
    <message>
        <source>trigger %1 was changed</source>
        <translation>trigger %1 was changed</translation>
    </message>
    <message>
        <source>%1 was altered outside Resolution Tracker: its history (%2) is no longer append-only (%3), so its history may have been changed; nothing is written to it. Check the file, then restore it from a copy or rebuild the register</source>
        <translation>%1 was altered outside Resolution Tracker: its history (%2) is no longer append-only (%3), so its history may have been changed; nothing is written to it. Check the file, then restore it from a copy or rebuild the register</translation>
    </message>
    <message>
        <source>the register is not open</source>
        <translation>the register is not open</translation>
    </message>
    <message>
        <source>table %1 has no column %2</source>
        <translation>table %1 has no column %2</translation>
    </message>
    <message>
        <source>cannot read table %1 of %2: %3</source>
        <translation>cannot read table %1 of %2: %3</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <source>%1 was opened read-only</source>
        <translation>%1 was opened read-only</translation>
    </message>
    <message>
        <source>%1: a change is already under way</source>
        <translation>%1: a change is already under way</translation>
    </message>
    <message>
        <source>another program is writing to %1 and holds its write lock; try again in a moment</source>
        <translation>another program is writing to %1 and holds its write lock; try again in a moment</translation>
    </message>
    <message>
        <source>%1 was moved or deleted while it was open</source>
        <translation>%1 was moved or deleted while it was open</translation>
    </message>
    <message>
        <source>%1 was replaced by other programs again and again while this change waited; try again</source>
        <translation>%1 was replaced by other programs again and again while this change waited; try again</translation>
    </message>
    <message>
        <source>%1: no change under way</source>
        <translation>%1: no change under way</translation>
    </message>
    <message>
        <source>table %1 has no sequence</source>
        <translation>table %1 has no sequence</translation>
    </message>
    <message>
        <source>cannot read the history of %1: %2</source>
        <translation>cannot read the history of %1: %2</translation>
    </message>
    <message>
        <source>table %1: an update needs a filter and values</source>
        <translation>table %1: an update needs a filter and values</translation>
    </message>
    <message>
        <source>table %1: a delete needs a filter</source>
        <translation>table %1: a delete needs a filter</translation>
    </message>
    <message>
        <source>another program is reading %1 and holds a reader&apos;s lock on it (a long query, a database browser?); the change could not be saved, try again when it has finished</source>
        <translation>another program is reading %1 and holds a reader&apos;s lock on it (a long query, a database browser?); the change could not be saved, try again when it has finished</translation>
    </message>
    <message>
        <source>no file name given for the register</source>
        <translation>no file name given for the register</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file name or allow overwriting it</source>
        <translation>%1 already exists; choose another file name or allow overwriting it</translation>
    </message>
    <message>
        <source>refusing to replace %1: only a register is replaced, and this is not one: %2</source>
        <translation>refusing to replace %1: only a register is replaced, and this is not one: %2</translation>
    </message>
    <message>
        <source>cannot create %1: folder %2 does not exist</source>
        <translation>cannot create %1: folder %2 does not exist</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>cannot create %1: %2</translation>
    </message>
    <message>
        <source>refusing to replace it: %1</source>
        <translation>refusing to replace it: %1</translation>
    </message>
    <message>
        <source>it holds recorded changes and could not be kept aside (%1); nothing was replaced</source>
        <translation>it holds recorded changes and could not be kept aside (%1); nothing was replaced</translation>
    </message>
    <message>
        <source>%1 is a register of schema %2 and must be upgraded, but it was opened read-only</source>
        <translation>%1 is a register of schema %2 and must be upgraded, but it was opened read-only</translation>
    </message>
    <message>
        <source>cannot upgrade %1 from schema %2 to %3; it was left as it was: %4</source>
        <translation>cannot upgrade %1 from schema %2 to %3; it was left as it was: %4</translation>
    </message>
    <message>
        <source>it could not be kept aside first (%1)</source>
        <translation>it could not be kept aside first (%1)</translation>
    </message>
</context>
<context>
    <name>RtHeaderReader</name>
    <message>
        <source>%1: no document number (a line &quot;Số: 172/NQ-HĐND&quot;) before the first article; is this the text of a resolution?</source>
        <translation>%1: no document number (a line &quot;Số: 172/NQ-HĐND&quot;) before the first article; is this the text of a resolution?</translation>
    </message>
    <message>
        <source>%1: no valid place and date line (&quot;Móng Cái, ngày 13 tháng 10 năm 2023&quot;) before the first article</source>
        <translation>%1: no valid place and date line (&quot;Móng Cái, ngày 13 tháng 10 năm 2023&quot;) before the first article</translation>
    </message>
    <message>
        <source>%1: no article (&quot;Điều 1. …&quot;) or numbered item found after the header; the text is not a resolution or is truncated</source>
        <translation>%1: no article (&quot;Điều 1. …&quot;) or numbered item found after the header; the text is not a resolution or is truncated</translation>
    </message>
</context>
<context>
    <name>RtLayerKeys</name>
    <message>
        <source>another program is writing to the file (database is locked): close it there and retry</source>
        <translation>another program is writing to the file (database is locked): close it there and retry</translation>
    </message>
    <message>
        <source>%1 has no layer %2 (it holds %3: %4)</source>
        <translation>%1 has no layer %2 (it holds %3: %4)</translation>
    </message>
    <message>
        <source>%1 has no layer &apos;%2&apos;; its layers: %3</source>
        <translation>%1 has no layer &apos;%2&apos;; its layers: %3</translation>
    </message>
    <message>
        <source>%1 holds no vector layer</source>
        <translation>%1 holds no vector layer</translation>
    </message>
    <message>
        <source>%1 holds several layers (%2): name one with &quot;%1|layername=NAME&quot;</source>
        <translation>%1 holds several layers (%2): name one with &quot;%1|layername=NAME&quot;</translation>
    </message>
    <message>
        <source>%1: unknown layer option &apos;%2&apos;; a layer is PATH, PATH|layername=NAME or PATH|layerid=N</source>
        <translation>%1: unknown layer option &apos;%2&apos;; a layer is PATH, PATH|layername=NAME or PATH|layerid=N</translation>
    </message>
    <message>
        <source>%1: the option %2 is given twice; name one layer</source>
        <translation>%1: the option %2 is given twice; name one layer</translation>
    </message>
    <message>
        <source>%1: layername is empty; name the layer (layername=NAME)</source>
        <translation>%1: layername is empty; name the layer (layername=NAME)</translation>
    </message>
    <message>
        <source>%1: layerid &apos;%2&apos; is not a layer number (0, 1, …)</source>
        <translation>%1: layerid &apos;%2&apos; is not a layer number (0, 1, …)</translation>
    </message>
    <message>
        <source>%1: give layername or layerid, not both</source>
        <translation>%1: give layername or layerid, not both</translation>
    </message>
    <message>
        <source>no layer given: use PATH or &quot;PATH|layername=NAME&quot;</source>
        <translation>no layer given: use PATH or &quot;PATH|layername=NAME&quot;</translation>
    </message>
    <message>
        <source>%1: no key field given; name the field(s) that hold the place key</source>
        <translation>%1: no key field given; name the field(s) that hold the place key</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: no such file</translation>
    </message>
    <message>
        <source>%1: GDAL cannot open it as a vector dataset (%2)</source>
        <translation>%1: GDAL cannot open it as a vector dataset (%2)</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>unknown format</translation>
    </message>
    <message>
        <source>%1 has no field &apos;%2&apos;; its fields: %3</source>
        <translation>%1 has no field &apos;%2&apos;; its fields: %3</translation>
    </message>
    <message>
        <source>%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)</source>
        <translation>%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)</translation>
    </message>
    <message>
        <source>%1: GDAL reported while reading: %2</source>
        <translation>%1: GDAL reported while reading: %2</translation>
    </message>
    <message>
        <source>%1: cannot open it for writing (%2)</source>
        <translation>%1: cannot open it for writing (%2)</translation>
    </message>
    <message>
        <source>read-only or not a vector dataset</source>
        <translation>read-only or not a vector dataset</translation>
    </message>
    <message>
        <source>%1 is a %2 dataset: the result is written into GeoPackage layers only (convert it first, e.g. ogr2ogr -f GPKG OUT.gpkg &quot;%1&quot;)</source>
        <translation>%1 is a %2 dataset: the result is written into GeoPackage layers only (convert it first, e.g. ogr2ogr -f GPKG OUT.gpkg &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>%1 has no feature id column; cannot tell which row is which</source>
        <translation>%1 has no feature id column; cannot tell which row is which</translation>
    </message>
    <message>
        <source>%1: field %2 exists with type %3, expected %4; rename or delete it</source>
        <translation>%1: field %2 exists with type %3, expected %4; rename or delete it</translation>
    </message>
    <message>
        <source>%1: cannot start a transaction (%2)</source>
        <translation>%1: cannot start a transaction (%2)</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <source>%1: %2 (%3); nothing was written</source>
        <translation>%1: %2 (%3); nothing was written</translation>
    </message>
    <message>
        <source>cannot add field %1</source>
        <translation>cannot add field %1</translation>
    </message>
    <message>
        <source>cannot create a temporary table</source>
        <translation>cannot create a temporary table</translation>
    </message>
    <message>
        <source>cannot stage the results</source>
        <translation>cannot stage the results</translation>
    </message>
    <message>
        <source>cannot update the features</source>
        <translation>cannot update the features</translation>
    </message>
    <message>
        <source>cannot drop the temporary table</source>
        <translation>cannot drop the temporary table</translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation>cannot commit</translation>
    </message>
    <message>
        <source>%1: closing the file failed (%2)</source>
        <translation>%1: closing the file failed (%2)</translation>
    </message>
    <message>
        <source>%1: %2 &apos;%3&apos; is given several values of &apos;%4&apos; (%5): left out of the key map</source>
        <translation>%1: %2 &apos;%3&apos; is given several values of &apos;%4&apos; (%5): left out of the key map</translation>
    </message>
</context>
<context>
    <name>RtLayoutTemplate</name>
    <message>
        <source>a label</source>
        <translation>a label</translation>
    </message>
    <message>
        <source>a map</source>
        <translation>a map</translation>
    </message>
    <message>
        <source>a legend</source>
        <translation>a legend</translation>
    </message>
    <message>
        <source>a scale bar</source>
        <translation>a scale bar</translation>
    </message>
    <message>
        <source>a picture</source>
        <translation>a picture</translation>
    </message>
    <message>
        <source>a fixed table (Add Fixed Table)</source>
        <translation>a fixed table (Add Fixed Table)</translation>
    </message>
    <message>
        <source>the frame of %1</source>
        <translation>the frame of %1</translation>
    </message>
    <message>
        <source>an empty frame</source>
        <translation>an empty frame</translation>
    </message>
    <message>
        <source>template %1: cannot read it (%2)</source>
        <translation>template %1: cannot read it (%2)</translation>
    </message>
    <message>
        <source>template %1: not a QGIS layout template (line %2, column %3: %4)</source>
        <translation>template %1: not a QGIS layout template (line %2, column %3: %4)</translation>
    </message>
    <message>
        <source>template %1: not a QGIS layout template (its root is &lt;%2&gt;, not &lt;Layout&gt;); save one from QGIS&apos;s layout designer (Layout › Save as Template…)</source>
        <translation>template %1: not a QGIS layout template (its root is &lt;%2&gt;, not &lt;Layout&gt;); save one from QGIS&apos;s layout designer (Layout › Save as Template…)</translation>
    </message>
    <message>
        <source>template %1: QGIS could not read it as a layout template</source>
        <translation>template %1: QGIS could not read it as a layout template</translation>
    </message>
    <message>
        <source>template %1: no item with the id &apos;%2&apos; (%3); the map needs it. In QGIS&apos;s layout designer give that id to such an item (Item Properties › Item ID)</source>
        <translation>template %1: no item with the id &apos;%2&apos; (%3); the map needs it. In QGIS&apos;s layout designer give that id to such an item (Item Properties › Item ID)</translation>
    </message>
    <message>
        <source>template %1: the item &apos;%2&apos; is %3, not %4</source>
        <translation>template %1: the item &apos;%2&apos; is %3, not %4</translation>
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
    <message>
        <source>template %1: the table &apos;%2&apos; has %3 columns; the council map fills %4 (%5)</source>
        <translation>template %1: the table &apos;%2&apos; has %3 columns; the council map fills %4 (%5)</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>the file could not be written</translation>
    </message>
    <message>
        <source>not enough memory for the image; lower the dpi</source>
        <translation>not enough memory for the image; lower the dpi</translation>
    </message>
    <message>
        <source>the PDF could not be created</source>
        <translation>the PDF could not be created</translation>
    </message>
    <message>
        <source>QgsLayoutExporter error %1</source>
        <translation>QgsLayoutExporter error %1</translation>
    </message>
    <message>
        <source>%1: the output must end in .pdf or .png</source>
        <translation>%1: the output must end in .pdf or .png</translation>
    </message>
    <message>
        <source>template %1: no such file</source>
        <translation>template %1: no such file</translation>
    </message>
    <message>
        <source>font %1 is not installed (Debian: fonts-dejavu-core): Vietnamese diacritics may not render</source>
        <translation>font %1 is not installed (Debian: fonts-dejavu-core): Vietnamese diacritics may not render</translation>
    </message>
    <message>
        <source>%1: the export failed: %2</source>
        <translation>%1: the export failed: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Illustrative diagram, not a legal boundary</source>
        <translation>Illustrative diagram, not a legal boundary</translation>
    </message>
</context>
<context>
    <name>RtMapLayers</name>
    <message>
        <source>%1 has no table &apos;%2&apos;</source>
        <translation>%1 has no table &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: table &apos;%2&apos; has no field &apos;%3&apos; to join the tasks on</source>
        <translation>%1: table &apos;%2&apos; has no field &apos;%3&apos; to join the tasks on</translation>
    </message>
    <message>
        <source>%1: cannot make a memory copy of &apos;%2&apos;</source>
        <translation>%1: cannot make a memory copy of &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: cannot copy the features of &apos;%2&apos;</source>
        <translation>%1: cannot copy the features of &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1, table &apos;%2&apos;: %3</source>
        <translation>%1, table &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>ward %1 (2023) has no 2025 unit in %2, table &apos;%3&apos;, field &apos;%4&apos;: not shown on the 2025 units for task %5</source>
        <translation>ward %1 (2023) has no 2025 unit in %2, table &apos;%3&apos;, field &apos;%4&apos;: not shown on the 2025 units for task %5</translation>
    </message>
    <message>
        <source>the ward units must be 2023 or 2025, not %1</source>
        <translation>the ward units must be 2023 or 2025, not %1</translation>
    </message>
    <message>
        <source>%1: no such file; pass the map layers GeoPackage (--layers)</source>
        <translation>%1: no such file; pass the map layers GeoPackage (--layers)</translation>
    </message>
    <message>
        <source>%1: not a GeoPackage GDAL can read (%2)</source>
        <translation>%1: not a GeoPackage GDAL can read (%2)</translation>
    </message>
    <message>
        <source>%1 has no table &apos;%2&apos;: there are no 2025 units to show</source>
        <translation>%1 has no table &apos;%2&apos;: there are no 2025 units to show</translation>
    </message>
    <message>
        <source>task %1 is on no feature of %2</source>
        <translation>task %1 is on no feature of %2</translation>
    </message>
    <message>
        <source>%1 holds none of the tables %2, zones, sites, site_lines: %3</source>
        <translation>%1 holds none of the tables %2, zones, sites, site_lines: %3</translation>
    </message>
</context>
<context>
    <name>RtMapStyle</name>
    <message>
        <source>%1: cannot read the style (%2)</source>
        <translation>%1: cannot read the style (%2)</translation>
    </message>
    <message>
        <source>%1 is missing from the library</source>
        <translation>%1 is missing from the library</translation>
    </message>
    <message>
        <source>%1: not a QML style (line %2: %3)</source>
        <translation>%1: not a QML style (line %2: %3)</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>International border</source>
        <translation>International border</translation>
    </message>
    <message>
        <source>Wards and communes (2023)</source>
        <translation>Wards and communes (2023)</translation>
    </message>
    <message>
        <source>Units from 1/7/2025</source>
        <translation>Units from 1/7/2025</translation>
    </message>
    <message>
        <source>Zoning sub-plans</source>
        <translation>Zoning sub-plans</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Roads, bridges, lighting</source>
        <translation>Roads, bridges, lighting</translation>
    </message>
    <message>
        <source>Status not computed</source>
        <translation>Status not computed</translation>
    </message>
</context>
<context>
    <name>RtOutputFile</name>
    <message>
        <source>%1: the folder %2 does not exist or is not writable</source>
        <translation>%1: the folder %2 does not exist or is not writable</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file name</source>
        <translation>%1 is a folder, not a file name</translation>
    </message>
    <message>
        <source>%1 exists; pass --overwrite to replace it</source>
        <translation>%1 exists; pass --overwrite to replace it</translation>
    </message>
    <message>
        <source>%1: cannot create the temporary file %2: %3</source>
        <translation>%1: cannot create the temporary file %2: %3</translation>
    </message>
    <message>
        <source>%1: cannot write to disk: %2</source>
        <translation>%1: cannot write to disk: %2</translation>
    </message>
    <message>
        <source>%1: cannot replace it: %2</source>
        <translation>%1: cannot replace it: %2</translation>
    </message>
    <message>
        <source>%1: cannot write it: %2</source>
        <translation>%1: cannot write it: %2</translation>
    </message>
    <message>
        <source>%1: written, but its folder could not be synced to disk: %2</source>
        <translation>%1: written, but its folder could not be synced to disk: %2</translation>
    </message>
</context>
<context>
    <name>RtParagraphs</name>
    <message>
        <source>removed %1 page number(s) and %2 running header or footer line(s)</source>
        <translation>removed %1 page number(s) and %2 running header or footer line(s)</translation>
    </message>
    <message>
        <source>line %1: footnote %2 appears twice; the first is kept</source>
        <translation>line %1: footnote %2 appears twice; the first is kept</translation>
    </message>
</context>
<context>
    <name>RtPgBackend</name>
    <message>
        <source>the connection to the server was lost (%1)</source>
        <translation>the connection to the server was lost (%1)</translation>
    </message>
    <message>
        <source>another program is changing it and holds its lock; try again in a moment</source>
        <translation>another program is changing it and holds its lock; try again in a moment</translation>
    </message>
    <message>
        <source>another program changed it meanwhile (%1)</source>
        <translation>another program changed it meanwhile (%1)</translation>
    </message>
    <message>
        <source>the server refused access (%1)</source>
        <translation>the server refused access (%1)</translation>
    </message>
    <message>
        <source>the server accepts no writes (%1)</source>
        <translation>the server accepts no writes (%1)</translation>
    </message>
    <message>
        <source>the server is out of resources (%1)</source>
        <translation>the server is out of resources (%1)</translation>
    </message>
    <message>
        <source>no database connection given</source>
        <translation>no database connection given</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>cannot connect to %1: %2</translation>
    </message>
    <message>
        <source>cannot connect to %1: out of memory</source>
        <translation>cannot connect to %1: out of memory</translation>
    </message>
    <message>
        <source>cannot set up the connection to %1</source>
        <translation>cannot set up the connection to %1</translation>
    </message>
    <message>
        <source>the register is not open</source>
        <translation>the register is not open</translation>
    </message>
    <message>
        <source>the connection to %1 was lost and cannot be made again: %2</source>
        <translation>the connection to %1 was lost and cannot be made again: %2</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>cannot read %1</translation>
    </message>
    <message>
        <source>%1 holds no register (no table %2 in schema %3); create one with &apos;restrack db init&apos; or &apos;restrack push&apos;</source>
        <translation>%1 holds no register (no table %2 in schema %3); create one with &apos;restrack db init&apos; or &apos;restrack push&apos;</translation>
    </message>
    <message>
        <source>cannot read the schema version of %1: %2</source>
        <translation>cannot read the schema version of %1: %2</translation>
    </message>
    <message>
        <source>%1 is a damaged register: its schema version in %2 is %3</source>
        <translation>%1 is a damaged register: its schema version in %2 is %3</translation>
    </message>
    <message>
        <source>cannot read the tables of %1</source>
        <translation>cannot read the tables of %1</translation>
    </message>
    <message>
        <source>%1 is not a register this version can read: table %2 missing</source>
        <translation>%1 is not a register this version can read: table %2 missing</translation>
    </message>
    <message>
        <source>%1 is not a register this version can read: column %2.%3 missing</source>
        <translation>%1 is not a register this version can read: column %2.%3 missing</translation>
    </message>
    <message>
        <source>cannot read the triggers of %1</source>
        <translation>cannot read the triggers of %1</translation>
    </message>
    <message>
        <source>trigger %1 is disabled</source>
        <translation>trigger %1 is disabled</translation>
    </message>
    <message>
        <source>trigger %1 is missing</source>
        <translation>trigger %1 is missing</translation>
    </message>
    <message>
        <source>%1 was altered outside Resolution Tracker: its history (%2) is no longer append-only (%3), so its history may have been changed; nothing is written to it. Check the database, then restore the register from a backup or push it again</source>
        <translation>%1 was altered outside Resolution Tracker: its history (%2) is no longer append-only (%3), so its history may have been changed; nothing is written to it. Check the database, then restore the register from a backup or push it again</translation>
    </message>
    <message>
        <source>table %1 has no column %2</source>
        <translation>table %1 has no column %2</translation>
    </message>
    <message>
        <source>cannot read table %1 of %2</source>
        <translation>cannot read table %1 of %2</translation>
    </message>
    <message>
        <source>%1 was opened read-only</source>
        <translation>%1 was opened read-only</translation>
    </message>
    <message>
        <source>%1: a change is already under way</source>
        <translation>%1: a change is already under way</translation>
    </message>
    <message>
        <source>%1 cannot be written</source>
        <translation>%1 cannot be written</translation>
    </message>
    <message>
        <source>another program is changing %1 and holds its lock; try again in a moment</source>
        <translation>another program is changing %1 and holds its lock; try again in a moment</translation>
    </message>
    <message>
        <source>task %1 of %2</source>
        <translation>task %1 of %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <source>%1 may not change task %2 of %3: it may be changed by %4an administrator (rt_admin)</source>
        <translation>%1 may not change task %2 of %3: it may be changed by %4an administrator (rt_admin)</translation>
    </message>
    <message>
        <source>%1: no change under way</source>
        <translation>%1: no change under way</translation>
    </message>
    <message>
        <source>table %1 has no sequence</source>
        <translation>table %1 has no sequence</translation>
    </message>
    <message>
        <source>cannot number a new row of %1 in %2</source>
        <translation>cannot number a new row of %1 in %2</translation>
    </message>
    <message>
        <source>cannot read the history of %1</source>
        <translation>cannot read the history of %1</translation>
    </message>
    <message>
        <source>table %1, column %2: a text holding a NUL character cannot be stored on the server</source>
        <translation>table %1, column %2: a text holding a NUL character cannot be stored on the server</translation>
    </message>
    <message>
        <source>%1 cannot be written (table %2)</source>
        <translation>%1 cannot be written (table %2)</translation>
    </message>
    <message>
        <source>table %1: an update needs a filter and values</source>
        <translation>table %1: an update needs a filter and values</translation>
    </message>
    <message>
        <source>table %1: a delete needs a filter</source>
        <translation>table %1: a delete needs a filter</translation>
    </message>
    <message>
        <source>%1 cannot be written: the server rolled the change back</source>
        <translation>%1 cannot be written: the server rolled the change back</translation>
    </message>
    <message>
        <source>cannot create the register&apos;s tables in %1</source>
        <translation>cannot create the register&apos;s tables in %1</translation>
    </message>
    <message>
        <source>cannot create a register in %1: %2</source>
        <translation>cannot create a register in %1: %2</translation>
    </message>
    <message>
        <source>cannot read its schemas</source>
        <translation>cannot read its schemas</translation>
    </message>
    <message>
        <source>schema %1 exists but holds no register; refusing to replace what is not a register</source>
        <translation>schema %1 exists but holds no register; refusing to replace what is not a register</translation>
    </message>
    <message>
        <source>%1 already holds a register (schema %2); allow overwriting it, or use another database</source>
        <translation>%1 already holds a register (schema %2); allow overwriting it, or use another database</translation>
    </message>
    <message>
        <source>the register there could not be kept aside; nothing was replaced</source>
        <translation>the register there could not be kept aside; nothing was replaced</translation>
    </message>
    <message>
        <source>schema %1 of %2</source>
        <translation>schema %1 of %2</translation>
    </message>
    <message>
        <source>the register there could not be replaced</source>
        <translation>the register there could not be replaced</translation>
    </message>
    <message>
        <source>cannot create its indexes and triggers</source>
        <translation>cannot create its indexes and triggers</translation>
    </message>
    <message>
        <source>%1 is a register of schema %2, which this version cannot upgrade</source>
        <translation>%1 is a register of schema %2, which this version cannot upgrade</translation>
    </message>
    <message>
        <source>cannot read the server set-up of %1</source>
        <translation>cannot read the server set-up of %1</translation>
    </message>
    <message>
        <source>the live-update trigger of %1</source>
        <translation>the live-update trigger of %1</translation>
    </message>
    <message>
        <source>the role %1</source>
        <translation>the role %1</translation>
    </message>
    <message>
        <source>the table of grants (rt_grants)</source>
        <translation>the table of grants (rt_grants)</translation>
    </message>
    <message>
        <source>the functions that say who may change a task</source>
        <translation>the functions that say who may change a task</translation>
    </message>
    <message>
        <source>the column db_user of %1</source>
        <translation>the column db_user of %1</translation>
    </message>
    <message>
        <source>row-level security on %1</source>
        <translation>row-level security on %1</translation>
    </message>
    <message>
        <source>the policy</source>
        <translation>the policy</translation>
    </message>
    <message>
        <source>the policies</source>
        <translation>the policies</translation>
    </message>
    <message>
        <source>the privilege %1 of %2 on %3</source>
        <translation>the privilege %1 of %2 on %3</translation>
    </message>
    <message>
        <source>the server set-up of %1 was not completed, nothing was changed: %2</source>
        <translation>the server set-up of %1 was not completed, nothing was changed: %2</translation>
    </message>
    <message>
        <source>cannot add its rights and live-update triggers</source>
        <translation>cannot add its rights and live-update triggers</translation>
    </message>
    <message>
        <source>still missing after the set-up: %1</source>
        <translation>still missing after the set-up: %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> or </translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 of %3</translation>
    </message>
</context>
<context>
    <name>RtPgConnection</name>
    <message>
        <source>authcfg=%1 names a QGIS authentication configuration, which only QGIS can read: outside QGIS give the user in the connection or pg_service.conf and the password in ~/.pgpass</source>
        <translation>authcfg=%1 names a QGIS authentication configuration, which only QGIS can read: outside QGIS give the user in the connection or pg_service.conf and the password in ~/.pgpass</translation>
    </message>
</context>
<context>
    <name>RtPgKeyCopy</name>
    <message>
        <source>out of memory while connecting</source>
        <translation>out of memory while connecting</translation>
    </message>
    <message>
        <source>no table or view %1</source>
        <translation>no table or view %1</translation>
    </message>
    <message>
        <source>%1: the feature id &apos;%2&apos; is not a whole number</source>
        <translation>%1: the feature id &apos;%2&apos; is not a whole number</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: cancelled</translation>
    </message>
</context>
<context>
    <name>RtPgListener</name>
    <message>
        <source>the connection to the server failed</source>
        <translation>the connection to the server failed</translation>
    </message>
    <message>
        <source>the payload is not JSON (%1 at character %2)</source>
        <translation>the payload is not JSON (%1 at character %2)</translation>
    </message>
    <message>
        <source>the payload is not a JSON object</source>
        <translation>the payload is not a JSON object</translation>
    </message>
    <message>
        <source>&quot;task&quot; is missing or not a task id</source>
        <translation>&quot;task&quot; is missing or not a task id</translation>
    </message>
    <message>
        <source>&quot;kind&quot; is &quot;%1&quot;, not status, value or assignment</source>
        <translation>&quot;kind&quot; is &quot;%1&quot;, not status, value or assignment</translation>
    </message>
    <message>
        <source>&quot;old&quot; is neither text nor null</source>
        <translation>&quot;old&quot; is neither text nor null</translation>
    </message>
    <message>
        <source>&quot;new&quot; is missing or not text</source>
        <translation>&quot;new&quot; is missing or not text</translation>
    </message>
    <message>
        <source>&quot;by&quot; is not text</source>
        <translation>&quot;by&quot; is not text</translation>
    </message>
    <message>
        <source>&quot;db_user&quot; is not text</source>
        <translation>&quot;db_user&quot; is not text</translation>
    </message>
    <message>
        <source>&quot;seq&quot; is missing or not a whole number</source>
        <translation>&quot;seq&quot; is missing or not a whole number</translation>
    </message>
    <message>
        <source>out of memory while connecting</source>
        <translation>out of memory while connecting</translation>
    </message>
    <message>
        <source>the server did not answer within %1 seconds</source>
        <translation>the server did not answer within %1 seconds</translation>
    </message>
</context>
<context>
    <name>RtPgRights</name>
    <message>
        <source>%1 is a file: rights are kept by a PostgreSQL server (give --db postgresql://… or service=NAME)</source>
        <translation>%1 is a file: rights are kept by a PostgreSQL server (give --db postgresql://… or service=NAME)</translation>
    </message>
    <message>
        <source>give an office or a place (ward:06742, zone:A3), one of them</source>
        <translation>give an office or a place (ward:06742, zone:A3), one of them</translation>
    </message>
    <message>
        <source>place &apos;%1&apos;: give it with its kind, as the register names places (ward:06742, zone:A3, site:hai-yen-ip)</source>
        <translation>place &apos;%1&apos;: give it with its kind, as the register names places (ward:06742, zone:A3, site:hai-yen-ip)</translation>
    </message>
    <message>
        <source>%1 is not an editor of %2: first `restrack db role --user %1 --as editor`</source>
        <translation>%1 is not an editor of %2: first `restrack db role --user %1 --as editor`</translation>
    </message>
    <message>
        <source>%1: may change the tasks of %2 (granted by %3, %4 UTC)</source>
        <translation>%1: may change the tasks of %2 (granted by %3, %4 UTC)</translation>
    </message>
    <message>
        <source>office &quot;%1&quot;</source>
        <translation>office &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 has no user %2: the server&apos;s administrator creates the login first (CREATE ROLE … LOGIN, with a password kept in ~/.pgpass)</source>
        <translation>%1 has no user %2: the server&apos;s administrator creates the login first (CREATE ROLE … LOGIN, with a password kept in ~/.pgpass)</translation>
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
    <name>RtQgisAuth</name>
    <message>
        <source>authcfg=%1: QGIS&apos;s authentication system is not available (%2)</source>
        <translation>authcfg=%1: QGIS&apos;s authentication system is not available (%2)</translation>
    </message>
    <message>
        <source>no QGIS application</source>
        <translation>no QGIS application</translation>
    </message>
    <message>
        <source>authcfg=%1: QGIS&apos;s authentication database has no configuration with this id (Settings ▸ Options ▸ Authentication lists them)</source>
        <translation>authcfg=%1: QGIS&apos;s authentication database has no configuration with this id (Settings ▸ Options ▸ Authentication lists them)</translation>
    </message>
    <message>
        <source>authcfg=%1: the configuration could not be read (is QGIS&apos;s master password set and entered?)</source>
        <translation>authcfg=%1: the configuration could not be read (is QGIS&apos;s master password set and entered?)</translation>
    </message>
    <message>
        <source>authcfg=%1 (%2) is of method %3: a register&apos;s connection takes a user name and password (method Basic)</source>
        <translation>authcfg=%1 (%2) is of method %3: a register&apos;s connection takes a user name and password (method Basic)</translation>
    </message>
    <message>
        <source>authcfg=%1 (%2) has no user name</source>
        <translation>authcfg=%1 (%2) has no user name</translation>
    </message>
</context>
<context>
    <name>RtRegister</name>
    <message>
        <source>line %1, column %2</source>
        <translation>line %1, column %2</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is missing</source>
        <translation>field &quot;%1&quot; is missing</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation>field &quot;%1&quot; must be a string</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is empty</source>
        <translation>field &quot;%1&quot; is empty</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a list of strings</source>
        <translation>field &quot;%1&quot; must be a list of strings</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a list of resolution numbers or of {&quot;resolution&quot;: …, &quot;task&quot;: …}</source>
        <translation>field &quot;%1&quot; must be a list of resolution numbers or of {&quot;resolution&quot;: …, &quot;task&quot;: …}</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; names a resolution without a number</source>
        <translation>field &quot;%1&quot; names a resolution without a number</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a whole number</source>
        <translation>field &quot;%1&quot; must be a whole number</translation>
    </message>
    <message>
        <source>%1 (task %2)</source>
        <translation>%1 (task %2)</translation>
    </message>
    <message>
        <source>kind &apos;%1&apos; is neither &quot;directive&quot; nor &quot;commitment&quot;</source>
        <translation>kind &apos;%1&apos; is neither &quot;directive&quot; nor &quot;commitment&quot;</translation>
    </message>
    <message>
        <source>&quot;review&quot; is &quot;%1&quot;; it is &quot;draft&quot; (proposed, not reviewed yet) or &quot;reviewed&quot;</source>
        <translation>&quot;review&quot; is &quot;%1&quot;; it is &quot;draft&quot; (proposed, not reviewed yet) or &quot;reviewed&quot;</translation>
    </message>
    <message>
        <source>unknown category &apos;%1&apos;; known: %2</source>
        <translation>unknown category &apos;%1&apos;; known: %2</translation>
    </message>
    <message>
        <source>%1 (task %2): deadline &apos;%3&apos; has no date (%4); it is kept as written and never counts as overdue</source>
        <translation>%1 (task %2): deadline &apos;%3&apos; has no date (%4); it is kept as written and never counts as overdue</translation>
    </message>
    <message>
        <source>place key &apos;%1&apos; is not one of ward:&lt;5-digit GSO code&gt;, zone:&lt;code&gt;, site:&lt;id&gt;, parcel:&lt;key&gt;</source>
        <translation>place key &apos;%1&apos; is not one of ward:&lt;5-digit GSO code&gt;, zone:&lt;code&gt;, site:&lt;id&gt;, parcel:&lt;key&gt;</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;; known: %2</source>
        <translation>unknown status &apos;%1&apos;; known: %2</translation>
    </message>
    <message>
        <source>status &apos;%1&apos; needs its evidence in &quot;status_quote&quot;; without evidence the status is &quot;no_report&quot;</source>
        <translation>status &apos;%1&apos; needs its evidence in &quot;status_quote&quot;; without evidence the status is &quot;no_report&quot;</translation>
    </message>
    <message>
        <source>&quot;status_quote&quot; is given but the status is &quot;no_report&quot;</source>
        <translation>&quot;status_quote&quot; is given but the status is &quot;no_report&quot;</translation>
    </message>
    <message>
        <source>%1 has no row %2 (it has %3 rows)</source>
        <translation>%1 has no row %2 (it has %3 rows)</translation>
    </message>
    <message>
        <source>clause %1 does not exist in the text</source>
        <translation>clause %1 does not exist in the text</translation>
    </message>
    <message>
        <source>footnote %1 does not exist in the text</source>
        <translation>footnote %1 does not exist in the text</translation>
    </message>
    <message>
        <source>footnote %1 is cited in %2, not in %3</source>
        <translation>footnote %1 is cited in %2, not in %3</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: no such file</translation>
    </message>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: cannot read it (%2)</translation>
    </message>
    <message>
        <source>%1: expected an object with &quot;resolution&quot; and &quot;tasks&quot;</source>
        <translation>%1: expected an object with &quot;resolution&quot; and &quot;tasks&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;resolution&quot; needs &quot;text&quot;, &quot;number&quot; and &quot;date&quot; (YYYY-MM-DD)</source>
        <translation>%1: &quot;resolution&quot; needs &quot;text&quot;, &quot;number&quot; and &quot;date&quot; (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>%1: &quot;resolution&quot;.&quot;council_term&quot; needs &quot;start&quot; and &quot;end&quot; years</source>
        <translation>%1: &quot;resolution&quot;.&quot;council_term&quot; needs &quot;start&quot; and &quot;end&quot; years</translation>
    </message>
    <message>
        <source>%1: &quot;tasks&quot; must be a non-empty list</source>
        <translation>%1: &quot;tasks&quot; must be a non-empty list</translation>
    </message>
    <message>
        <source>%1, task #%2</source>
        <translation>%1, task #%2</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: expected an object</translation>
    </message>
    <message>
        <source>%1: id &apos;%2&apos; is used twice</source>
        <translation>%1: id &apos;%2&apos; is used twice</translation>
    </message>
    <message>
        <source>the register is for %1 but the text is %2</source>
        <translation>the register is for %1 but the text is %2</translation>
    </message>
    <message>
        <source>the register dates the resolution %1 but the text says %2</source>
        <translation>the register dates the resolution %1 but the text says %2</translation>
    </message>
    <message>
        <source>task %1, %2: %3</source>
        <translation>task %1, %2: %3</translation>
    </message>
    <message>
        <source>task %1, %2: &quot;%3&quot; does not occur in %4%5</source>
        <translation>task %1, %2: &quot;%3&quot; does not occur in %4%5</translation>
    </message>
    <message>
        <source>, footnote %1</source>
        <translation>, footnote %1</translation>
    </message>
    <message>
        <source>task %1, follows_up: %2 is this resolution itself</source>
        <translation>task %1, follows_up: %2 is this resolution itself</translation>
    </message>
    <message>
        <source>task %1, follows_up: %2 is not cited in %3</source>
        <translation>task %1, follows_up: %2 is not cited in %3</translation>
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
    <message>
        <source>%1: GDAL has no %2 driver</source>
        <translation>%1: GDAL has no %2 driver</translation>
    </message>
    <message>
        <source>%1: cannot create the form (%2)</source>
        <translation>%1: cannot create the form (%2)</translation>
    </message>
    <message>
        <source>%1: cannot add the form&apos;s sheet</source>
        <translation>%1: cannot add the form&apos;s sheet</translation>
    </message>
    <message>
        <source>%1: cannot write a row of the form</source>
        <translation>%1: cannot write a row of the form</translation>
    </message>
    <message>
        <source>%1: the form could not be written (%2)</source>
        <translation>%1: the form could not be written (%2)</translation>
    </message>
    <message>
        <source>a report form is for one office or one place: give exactly one of them</source>
        <translation>a report form is for one office or one place: give exactly one of them</translation>
    </message>
    <message>
        <source>no task is assigned to the office &quot;%1&quot; (lead or cooperating) on %2; offices assigned: %3</source>
        <translation>no task is assigned to the office &quot;%1&quot; (lead or cooperating) on %2; offices assigned: %3</translation>
    </message>
    <message>
        <source>no task is linked to the place &quot;%1&quot; on %2</source>
        <translation>no task is linked to the place &quot;%1&quot; on %2</translation>
    </message>
    <message>
        <source>%1: a report form is written as .xlsx, .ods or .csv</source>
        <translation>%1: a report form is written as .xlsx, .ods or .csv</translation>
    </message>
    <message>
        <source>%1: cannot make a scratch folder</source>
        <translation>%1: cannot make a scratch folder</translation>
    </message>
    <message>
        <source>%1: cannot write the form (%2)</source>
        <translation>%1: cannot write the form (%2)</translation>
    </message>
</context>
<context>
    <name>RtReportImport</name>
    <message>
        <source>%1: a report form is an .xlsx, .ods or .csv file</source>
        <translation>%1: a report form is an .xlsx, .ods or .csv file</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: no such file</translation>
    </message>
    <message>
        <source>%1: cannot be read as a %2 spreadsheet (%3)</source>
        <translation>%1: cannot be read as a %2 spreadsheet (%3)</translation>
    </message>
    <message>
        <source>%1: not an office report form: the column &quot;%2&quot; is missing (sheet &quot;%3&quot;, row 1)</source>
        <translation>%1: not an office report form: the column &quot;%2&quot; is missing (sheet &quot;%3&quot;, row 1)</translation>
    </message>
    <message>
        <source>%1 changed since the form was made (%2): the form says %3, the register now says %4</source>
        <translation>%1 changed since the form was made (%2): the form says %3, the register now says %4</translation>
    </message>
    <message>
        <source> (recorded by %1, dated %2)</source>
        <translation> (recorded by %1, dated %2)</translation>
    </message>
    <message>
        <source>say who reports: the person or office importing the form is required</source>
        <translation>say who reports: the person or office importing the form is required</translation>
    </message>
    <message>
        <source>%1: not an office report form: the form&apos;s own row (id &quot;%2&quot; with its date, time made and register in the column &quot;%3&quot;) is missing or damaged</source>
        <translation>%1: not an office report form: the form&apos;s own row (id &quot;%2&quot; with its date, time made and register in the column &quot;%3&quot;) is missing or damaged</translation>
    </message>
    <message>
        <source>%1: this form was made from the register of %2, not from this register (%3)</source>
        <translation>%1: this form was made from the register of %2, not from this register (%3)</translation>
    </message>
    <message>
        <source>the row reports something but has no task id</source>
        <translation>the row reports something but has no task id</translation>
    </message>
    <message>
        <source>unknown task id &quot;%1&quot;</source>
        <translation>unknown task id &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the form&apos;s status column says &quot;%1&quot;, which is not a status: the row was edited; take it from a new form</source>
        <translation>the form&apos;s status column says &quot;%1&quot;, which is not a status: the row was edited; take it from a new form</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;; write one of %2, or its Vietnamese or English label</source>
        <translation>unknown status &quot;%1&quot;; write one of %2, or its Vietnamese or English label</translation>
    </message>
    <message>
        <source>the date &quot;%1&quot; is not a date; write 2024-06-20 or 20/06/2024</source>
        <translation>the date &quot;%1&quot; is not a date; write 2024-06-20 or 20/06/2024</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; is not a number; write it as 312, 3,65 or 78%</source>
        <translation>the value &quot;%1&quot; is not a number; write it as 312, 3,65 or 78%</translation>
    </message>
    <message>
        <source>%1: no row reports anything (a new status, date, value, evidence or note): nothing recorded</source>
        <translation>%1: no row reports anything (a new status, date, value, evidence or note): nothing recorded</translation>
    </message>
    <message>
        <source>%1: the import was not applied at all, nothing was changed: the server is unavailable (%2); import the form again once it is back</source>
        <translation>%1: the import was not applied at all, nothing was changed: the server is unavailable (%2); import the form again once it is back</translation>
    </message>
    <message>
        <source>%1: the import was not applied at all, nothing was changed: the register cannot be written (%2)</source>
        <translation>%1: the import was not applied at all, nothing was changed: the register cannot be written (%2)</translation>
    </message>
</context>
<context>
    <name>RtResolutionImporter</name>
    <message>
        <source>the text</source>
        <translation>the text</translation>
    </message>
    <message>
        <source>%1: no article (&quot;Điều 1. …&quot;) or numbered item found after the header; the text is not a resolution or is truncated</source>
        <translation>%1: no article (&quot;Điều 1. …&quot;) or numbered item found after the header; the text is not a resolution or is truncated</translation>
    </message>
    <message>
        <source>%1 looks truncated: it ends at line %2 inside %3 (&quot;…%4&quot;) without the closing formula (&quot;Nghị quyết này … thông qua …&quot;) or the recipients list (&quot;Nơi nhận:&quot;). Check the file is complete</source>
        <translation>%1 looks truncated: it ends at line %2 inside %3 (&quot;…%4&quot;) without the closing formula (&quot;Nghị quyết này … thông qua …&quot;) or the recipients list (&quot;Nơi nhận:&quot;). Check the file is complete</translation>
    </message>
    <message>
        <source>line %1: footnote %2 is not cited anywhere in the text</source>
        <translation>line %1: footnote %2 is not cited anywhere in the text</translation>
    </message>
    <message>
        <source>footnote %1 is cited in %2 but its text is missing</source>
        <translation>footnote %1 is cited in %2 but its text is missing</translation>
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
    <message>
        <source>--cadastre %1: after &apos;|&apos; only layername=NAME is understood</source>
        <translation>--cadastre %1: after &apos;|&apos; only layername=NAME is understood</translation>
    </message>
    <message>
        <source>--cadastre %1: cannot open it as a vector layer</source>
        <translation>--cadastre %1: cannot open it as a vector layer</translation>
    </message>
    <message>
        <source>--cadastre %1: the file has several layers; name one with |layername=NAME</source>
        <translation>--cadastre %1: the file has several layers; name one with |layername=NAME</translation>
    </message>
    <message>
        <source>--cadastre %1: no layer named %2</source>
        <translation>--cadastre %1: no layer named %2</translation>
    </message>
    <message>
        <source>--cadastre %1: the layer needs the fields case_id (the land case&apos;s site id in the register) and dossier_status; it has %2 of them</source>
        <translation>--cadastre %1: the layer needs the fields case_id (the land case&apos;s site id in the register) and dossier_status; it has %2 of them</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>neither</translation>
    </message>
    <message>
        <source>only dossier_status</source>
        <translation>only dossier_status</translation>
    </message>
    <message>
        <source>only case_id</source>
        <translation>only case_id</translation>
    </message>
    <message>
        <source>%1: GDAL has no XLSX driver</source>
        <translation>%1: GDAL has no XLSX driver</translation>
    </message>
    <message>
        <source>%1: cannot create the workbook (%2)</source>
        <translation>%1: cannot create the workbook (%2)</translation>
    </message>
    <message>
        <source>%1: cannot add the sheet %2</source>
        <translation>%1: cannot add the sheet %2</translation>
    </message>
    <message>
        <source>%1: cannot write a row of the sheet %2</source>
        <translation>%1: cannot write a row of the sheet %2</translation>
    </message>
    <message>
        <source>%1: the workbook could not be written (%2)</source>
        <translation>%1: the workbook could not be written (%2)</translation>
    </message>
    <message>
        <source>%1: the pack is a PDF; the output must end in .pdf</source>
        <translation>%1: the pack is a PDF; the output must end in .pdf</translation>
    </message>
    <message>
        <source>%1: the tables are a workbook; the file must end in .xlsx</source>
        <translation>%1: the tables are a workbook; the file must end in .xlsx</translation>
    </message>
    <message>
        <source>template %1: no such file or folder</source>
        <translation>template %1: no such file or folder</translation>
    </message>
    <message>
        <source>units must be 2023 or 2025, not %1</source>
        <translation>units must be 2023 or 2025, not %1</translation>
    </message>
    <message>
        <source>the session date is required</source>
        <translation>the session date is required</translation>
    </message>
    <message>
        <source>the last session&apos;s date %1 must be before the session date %2</source>
        <translation>the last session&apos;s date %1 must be before the session date %2</translation>
    </message>
    <message>
        <source>%1: the register holds the resolution %2, not %3</source>
        <translation>%1: the register holds the resolution %2, not %3</translation>
    </message>
    <message>
        <source>--since: %1</source>
        <translation>--since: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>no temporary folder for the charts</source>
        <translation>no temporary folder for the charts</translation>
    </message>
    <message>
        <source>%1 %2 has no geometry on the map: its page shows the whole city</source>
        <translation>%1 %2 has no geometry on the map: its page shows the whole city</translation>
    </message>
    <message>
        <source>%1: the PDF could not be started</source>
        <translation>%1: the PDF could not be started</translation>
    </message>
    <message>
        <source>%1: cannot write the workbook (%2)</source>
        <translation>%1: cannot write the workbook (%2)</translation>
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
    <name>RtStore</name>
    <message>
        <source>%1: unexpected error: %2</source>
        <translation>%1: unexpected error: %2</translation>
    </message>
    <message>
        <source>%1: unexpected error</source>
        <translation>%1: unexpected error</translation>
    </message>
    <message>
        <source>the register is not open</source>
        <translation>the register is not open</translation>
    </message>
    <message>
        <source>write failed: task %1 not changed: %2</source>
        <translation>write failed: task %1 not changed: %2</translation>
    </message>
    <message>
        <source>%1 holds no resolution &apos;%2&apos;; it holds %3</source>
        <translation>%1 holds no resolution &apos;%2&apos;; it holds %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names several resolutions of %2 (%3); give the whole number</source>
        <translation>&apos;%1&apos; names several resolutions of %2 (%3); give the whole number</translation>
    </message>
    <message>
        <source>task %1 follows up %2, its own resolution; a task follows up an earlier one</source>
        <translation>task %1 follows up %2, its own resolution; a task follows up an earlier one</translation>
    </message>
    <message>
        <source>task %1 follows up task %2 of %3, which is not in the register; add that resolution first, or cite the resolution alone</source>
        <translation>task %1 follows up task %2 of %3, which is not in the register; add that resolution first, or cite the resolution alone</translation>
    </message>
    <message>
        <source>task %1 follows up %2 of %3, which is later than %4 of %5</source>
        <translation>task %1 follows up %2 of %3, which is later than %4 of %5</translation>
    </message>
    <message>
        <source>task %1 follows up task %2 of %3, which that resolution does not have</source>
        <translation>task %1 follows up task %2 of %3, which that resolution does not have</translation>
    </message>
    <message>
        <source>task %1: --by is required: say who makes the change</source>
        <translation>task %1: --by is required: say who makes the change</translation>
    </message>
    <message>
        <source>task %1: the %2 holds a NUL character (character %3); a text cannot hold one</source>
        <translation>task %1: the %2 holds a NUL character (character %3); a text cannot hold one</translation>
    </message>
    <message>
        <source>task %1: date %2 is before the resolution (%3)</source>
        <translation>task %1: date %2 is before the resolution (%3)</translation>
    </message>
    <message>
        <source>task %1: date %2 is in the future</source>
        <translation>task %1: date %2 is in the future</translation>
    </message>
    <message>
        <source> (changed by %1 on %2)</source>
        <translation> (changed by %1 on %2)</translation>
    </message>
    <message>
        <source>task %1 changed meanwhile: its status is now &apos;%2&apos;%3, not &apos;%4&apos; as your edit assumed; reload and try again</source>
        <translation>task %1 changed meanwhile: its status is now &apos;%2&apos;%3, not &apos;%4&apos; as your edit assumed; reload and try again</translation>
    </message>
    <message>
        <source>task %1: status is already &apos;%2&apos;; a report that keeps it is recorded when it brings a note, evidence or a value</source>
        <translation>task %1: status is already &apos;%2&apos;; a report that keeps it is recorded when it brings a note, evidence or a value</translation>
    </message>
    <message>
        <source>task %1: nothing to record: no status, value, note or evidence</source>
        <translation>task %1: nothing to record: no status, value, note or evidence</translation>
    </message>
    <message>
        <source>task %1: date %2 must not be before the task&apos;s latest status date %3</source>
        <translation>task %1: date %2 must not be before the task&apos;s latest status date %3</translation>
    </message>
    <message>
        <source>task %1 has no target in the register; a measured value is recorded against a target the resolution states</source>
        <translation>task %1 has no target in the register; a measured value is recorded against a target the resolution states</translation>
    </message>
    <message>
        <source>task %1: value %2 is not a measure of progress (a number, 0 or more)</source>
        <translation>task %1: value %2 is not a measure of progress (a number, 0 or more)</translation>
    </message>
    <message>
        <source>task %1: date %2 must not be before the task&apos;s latest value date %3</source>
        <translation>task %1: date %2 must not be before the task&apos;s latest value date %3</translation>
    </message>
    <message>
        <source>%1 kept, %2</source>
        <translation>%1 kept, %2</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>a note</translation>
    </message>
    <message>
        <source>value %1%2</source>
        <translation>value %1%2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>cannot create %1</translation>
    </message>
    <message>
        <source>no file name given for the register</source>
        <translation>no file name given for the register</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>cannot create %1: %2</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>cannot open %1</translation>
    </message>
    <message>
        <source>no register file given</source>
        <translation>no register file given</translation>
    </message>
    <message>
        <source>%1 is not a readable %2 (%3)</source>
        <translation>%1 is not a readable %2 (%3)</translation>
    </message>
    <message>
        <source>%1 holds an empty register: no resolution yet; fill it with `restrack push --from FILE.gpkg --db %1`</source>
        <translation>%1 holds an empty register: no resolution yet; fill it with `restrack push --from FILE.gpkg --db %1`</translation>
    </message>
    <message>
        <source>%1 is a damaged register: it holds no resolution</source>
        <translation>%1 is a damaged register: it holds no resolution</translation>
    </message>
    <message>
        <source>%1 is a damaged register: table rt_document must hold one row, it holds %2</source>
        <translation>%1 is a damaged register: table rt_document must hold one row, it holds %2</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>cannot read %1</translation>
    </message>
    <message>
        <source>resolution %1 has no task &apos;%2&apos;; run `restrack summary --resolution &quot;%1&quot;` to list its task ids</source>
        <translation>resolution %1 has no task &apos;%2&apos;; run `restrack summary --resolution &quot;%1&quot;` to list its task ids</translation>
    </message>
    <message>
        <source>%1 holds no resolution</source>
        <translation>%1 holds no resolution</translation>
    </message>
    <message>
        <source>%1 holds none of the resolutions %2</source>
        <translation>%1 holds none of the resolutions %2</translation>
    </message>
    <message>
        <source>cannot add a resolution to %1</source>
        <translation>cannot add a resolution to %1</translation>
    </message>
    <message>
        <source>%1 was opened read-only; nothing was added</source>
        <translation>%1 was opened read-only; nothing was added</translation>
    </message>
    <message>
        <source>nothing was added to %1: %2</source>
        <translation>nothing was added to %1: %2</translation>
    </message>
    <message>
        <source>%1 holds resolution %2 already; nothing was added</source>
        <translation>%1 holds resolution %2 already; nothing was added</translation>
    </message>
    <message>
        <source>task id %1 of %2 is taken in %3, and so is %4; nothing was added</source>
        <translation>task id %1 of %2 is taken in %3, and so is %4; nothing was added</translation>
    </message>
    <message>
        <source>task id %1 of %2 is taken in %3; nothing was added</source>
        <translation>task id %1 of %2 is taken in %3; nothing was added</translation>
    </message>
    <message>
        <source>the addition of %1 was interrupted</source>
        <translation>the addition of %1 was interrupted</translation>
    </message>
    <message>
        <source>write failed: nothing was added to %1: %2</source>
        <translation>write failed: nothing was added to %1: %2</translation>
    </message>
    <message>
        <source>write failed: nothing changed: %1</source>
        <translation>write failed: nothing changed: %1</translation>
    </message>
    <message>
        <source>write failed: %1</source>
        <translation>write failed: %1</translation>
    </message>
    <message>
        <source>nothing changed: %1 was opened read-only</source>
        <translation>nothing changed: %1 was opened read-only</translation>
    </message>
    <message>
        <source>nothing changed: the batch holds no change</source>
        <translation>nothing changed: the batch holds no change</translation>
    </message>
    <message>
        <source>task %1 not changed: %2 was opened read-only</source>
        <translation>task %1 not changed: %2 was opened read-only</translation>
    </message>
    <message>
        <source>task %1: --by is required: say who assigns the task</source>
        <translation>task %1: --by is required: say who assigns the task</translation>
    </message>
    <message>
        <source>task %1: the lead office is required (--office)</source>
        <translation>task %1: the lead office is required (--office)</translation>
    </message>
    <message>
        <source>task %1: %2 is the lead office; it cannot also be a cooperating one</source>
        <translation>task %1: %2 is the lead office; it cannot also be a cooperating one</translation>
    </message>
    <message>
        <source>task %1 is assigned so already (lead %2, by %3 on %4)</source>
        <translation>task %1 is assigned so already (lead %2, by %3 on %4)</translation>
    </message>
    <message>
        <source>write failed: %1: the assignment of task %2 was interrupted; nothing was changed</source>
        <translation>write failed: %1: the assignment of task %2 was interrupted; nothing was changed</translation>
    </message>
    <message>
        <source>task %1: place &apos;%2&apos; is not kind:key with kind ward, zone, site or parcel</source>
        <translation>task %1: place &apos;%2&apos; is not kind:key with kind ward, zone, site or parcel</translation>
    </message>
    <message>
        <source>task %1 changed meanwhile: its places are now &apos;%2&apos;, not &apos;%3&apos; as your edit assumed; reload and try again</source>
        <translation>task %1 changed meanwhile: its places are now &apos;%2&apos;, not &apos;%3&apos; as your edit assumed; reload and try again</translation>
    </message>
    <message>
        <source>write failed: %1: the change of the places of task %2 was interrupted; nothing was changed</source>
        <translation>write failed: %1: the change of the places of task %2 was interrupted; nothing was changed</translation>
    </message>
    <message>
        <source>no valid date given</source>
        <translation>no valid date given</translation>
    </message>
    <message>
        <source>date %1 is before the resolution (%2): its tasks had no status yet</source>
        <translation>date %1 is before the resolution (%2): its tasks had no status yet</translation>
    </message>
    <message>
        <source>%1: the change of task %2 was interrupted</source>
        <translation>%1: the change of task %2 was interrupted</translation>
    </message>
    <message>
        <source>write failed: nothing changed, the whole batch of %1 changes was rolled back: %2</source>
        <translation>write failed: nothing changed, the whole batch of %1 changes was rolled back: %2</translation>
    </message>
    <message>
        <source>write failed: the connection was lost while the change was being committed, so whether it was recorded is not known; look at the history before trying again: %1</source>
        <translation>write failed: the connection was lost while the change was being committed, so whether it was recorded is not known; look at the history before trying again: %1</translation>
    </message>
    <message>
        <source>%1: %2 (%3, by %4)</source>
        <translation>%1: %2 (%3, by %4)</translation>
    </message>
</context>
<context>
    <name>RtStoreFiles</name>
    <message>
        <source>cannot open %1 to flush it: %2</source>
        <translation>cannot open %1 to flush it: %2</translation>
    </message>
    <message>
        <source>cannot flush %1 to the disk (Windows error %2)</source>
        <translation>cannot flush %1 to the disk (Windows error %2)</translation>
    </message>
    <message>
        <source>cannot flush %1 to the disk: %2</source>
        <translation>cannot flush %1 to the disk: %2</translation>
    </message>
    <message>
        <source>cannot open folder %1 to flush it: %2</source>
        <translation>cannot open folder %1 to flush it: %2</translation>
    </message>
    <message>
        <source>cannot flush folder %1 to the disk: %2</source>
        <translation>cannot flush folder %1 to the disk: %2</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>it already exists</translation>
    </message>
    <message>
        <source>cannot move the new file into place (Windows error %1)</source>
        <translation>cannot move the new file into place (Windows error %1)</translation>
    </message>
    <message>
        <source>cannot move the new file into place: %1</source>
        <translation>cannot move the new file into place: %1</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>cannot rename %1 to %2</translation>
    </message>
    <message>
        <source>cannot keep %1 as %2: %3</source>
        <translation>cannot keep %1 as %2: %3</translation>
    </message>
    <message>
        <source>cannot find a free backup name for %1</source>
        <translation>cannot find a free backup name for %1</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>cannot read it: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>it is not an SQLite database file</source>
        <translation>it is not an SQLite database file</translation>
    </message>
    <message>
        <source>the file is truncated</source>
        <translation>the file is truncated</translation>
    </message>
</context>
<context>
    <name>RtStoreQueries</name>
    <message>
        <source>unknown task id &apos;%1&apos;; run `restrack summary` to list task ids</source>
        <translation>unknown task id &apos;%1&apos;; run `restrack summary` to list task ids</translation>
    </message>
    <message>
        <source>cannot read the clauses of %1: %2</source>
        <translation>cannot read the clauses of %1: %2</translation>
    </message>
    <message>
        <source>cannot read the clauses of %1: clause &apos;%2&apos; comes before its parent &apos;%3&apos;</source>
        <translation>cannot read the clauses of %1: clause &apos;%2&apos; comes before its parent &apos;%3&apos;</translation>
    </message>
    <message>
        <source>cannot read the footnotes of %1: %2</source>
        <translation>cannot read the footnotes of %1: %2</translation>
    </message>
    <message>
        <source>cannot read the figures of %1: %2</source>
        <translation>cannot read the figures of %1: %2</translation>
    </message>
    <message>
        <source>cannot read the figures of %1: unknown figure kind &apos;%2&apos;</source>
        <translation>cannot read the figures of %1: unknown figure kind &apos;%2&apos;</translation>
    </message>
    <message>
        <source>cannot read the resolutions of %1: %2</source>
        <translation>cannot read the resolutions of %1: %2</translation>
    </message>
    <message>
        <source>cannot read the task places of %1: %2</source>
        <translation>cannot read the task places of %1: %2</translation>
    </message>
    <message>
        <source>cannot read the tasks of %1: %2</source>
        <translation>cannot read the tasks of %1: %2</translation>
    </message>
    <message>
        <source>%1: task %2 belongs to resolution &apos;%3&apos;, which the register does not hold</source>
        <translation>%1: task %2 belongs to resolution &apos;%3&apos;, which the register does not hold</translation>
    </message>
    <message>
        <source>%1: task %2: what it follows up cannot be read (&apos;%3&apos;)</source>
        <translation>%1: task %2: what it follows up cannot be read (&apos;%3&apos;)</translation>
    </message>
    <message>
        <source>%1: task %2 has an unknown status &apos;%3&apos;; was it written by a newer version?</source>
        <translation>%1: task %2 has an unknown status &apos;%3&apos;; was it written by a newer version?</translation>
    </message>
    <message>
        <source>%1: task %2: its deadline &apos;%3&apos; cannot be read: %4</source>
        <translation>%1: task %2: its deadline &apos;%3&apos; cannot be read: %4</translation>
    </message>
    <message>
        <source>task %1: the stored deadline (%2 %3) does not match its phrase &apos;%4&apos;, which now means %5 %6; re-import the resolution to refresh the register</source>
        <translation>task %1: the stored deadline (%2 %3) does not match its phrase &apos;%4&apos;, which now means %5 %6; re-import the resolution to refresh the register</translation>
    </message>
    <message>
        <source>cannot read the status history of %1: %2</source>
        <translation>cannot read the status history of %1: %2</translation>
    </message>
    <message>
        <source>%1: the status history holds an unknown status &apos;%2&apos;; was it written by a newer version?</source>
        <translation>%1: the status history holds an unknown status &apos;%2&apos;; was it written by a newer version?</translation>
    </message>
    <message>
        <source>cannot read the measured values of %1: %2</source>
        <translation>cannot read the measured values of %1: %2</translation>
    </message>
    <message>
        <source>cannot read the assignments of %1: %2</source>
        <translation>cannot read the assignments of %1: %2</translation>
    </message>
    <message>
        <source>%1: task %2: an assignment holds an unknown role &apos;%3&apos;; was it written by a newer version?</source>
        <translation>%1: task %2: an assignment holds an unknown role &apos;%3&apos;; was it written by a newer version?</translation>
    </message>
    <message>
        <source>%1: task %2: assignment %3 has no lead office</source>
        <translation>%1: task %2: assignment %3 has no lead office</translation>
    </message>
</context>
<context>
    <name>RtStoreSchema</name>
    <message>
        <source>%1 was written by a newer version of Resolution Tracker (register schema %2; this version reads schemas 1 to %3): open it with that version or a newer one; nothing was changed</source>
        <translation>%1 was written by a newer version of Resolution Tracker (register schema %2; this version reads schemas 1 to %3): open it with that version or a newer one; nothing was changed</translation>
    </message>
</context>
<context>
    <name>RtStoreTransfer</name>
    <message>
        <source>%1 holds no resolution: there is nothing to copy</source>
        <translation>%1 holds no resolution: there is nothing to copy</translation>
    </message>
    <message>
        <source>a register with %1 resolution(s) is there already; pass --overwrite to replace it (it is kept aside first)</source>
        <translation>a register with %1 resolution(s) is there already; pass --overwrite to replace it (it is kept aside first)</translation>
    </message>
</context>
<context>
    <name>RtStoreWriter</name>
    <message>
        <source>cannot create %1: the resolution has no number</source>
        <translation>cannot create %1: the resolution has no number</translation>
    </message>
    <message>
        <source>cannot create %1: the resolution has no date, which the status history starts from</source>
        <translation>cannot create %1: the resolution has no date, which the status history starts from</translation>
    </message>
    <message>
        <source>cannot create %1: a task has no id</source>
        <translation>cannot create %1: a task has no id</translation>
    </message>
    <message>
        <source>cannot create %1: task id &apos;%2&apos; occurs twice</source>
        <translation>cannot create %1: task id &apos;%2&apos; occurs twice</translation>
    </message>
    <message>
        <source>cannot create %1: task %2: %3</source>
        <translation>cannot create %1: task %2: %3</translation>
    </message>
    <message>
        <source>cannot create %1: task %2: deadline &apos;%3&apos; means %4 with the council term %5–%6, not %7</source>
        <translation>cannot create %1: task %2: deadline &apos;%3&apos; means %4 with the council term %5–%6, not %7</translation>
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
<context>
    <name>RtTasksAsOf</name>
    <message>
        <source>no valid as-of date given; use YYYY-MM-DD</source>
        <translation>no valid as-of date given; use YYYY-MM-DD</translation>
    </message>
    <message>
        <source>the resolution</source>
        <translation>the resolution</translation>
    </message>
    <message>
        <source>the resolution (%1)</source>
        <translation>the resolution (%1)</translation>
    </message>
    <message>
        <source>the as-of date %1 is before %2 of %3: its tasks had no status yet; choose %3 or later</source>
        <translation>the as-of date %1 is before %2 of %3: its tasks had no status yet; choose %3 or later</translation>
    </message>
</context>
</TS>
