<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>RtAddResolutionWizard</name>
    <message>
        <source>Add a resolution</source>
        <translation>Add a resolution</translation>
    </message>
    <message>
        <source>The resolution&apos;s text</source>
        <translation>The resolution&apos;s text</translation>
    </message>
    <message>
        <source>A plain text, a PDF with a text layer or a DOCX file of the resolution.</source>
        <translation>A plain text, a PDF with a text layer or a DOCX file of the resolution.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Resolution texts (*.txt *.pdf *.docx);;All files (*)</source>
        <translation>Resolution texts (*.txt *.pdf *.docx);;All files (*)</translation>
    </message>
    <message>
        <source>Check what was read</source>
        <translation>Check what was read</translation>
    </message>
    <message>
        <source>The header, the clauses and what the reader found doubtful. If something is wrong, correct the text and read it again.</source>
        <translation>The header, the clauses and what the reader found doubtful. If something is wrong, correct the text and read it again.</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>The tasks</source>
        <translation>The tasks</translation>
    </message>
    <message>
        <source>One task for each directive and each project of an appendix. Untick those not to follow; edit the title, the deadline as the text words it, the body responsible and the places.</source>
        <translation>One task for each directive and each project of an appendix. Untick those not to follow; edit the title, the deadline as the text words it, the body responsible and the places.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Choose the resolution&apos;s text.</source>
        <translation>Choose the resolution&apos;s text.</translation>
    </message>
    <message>
        <source>%1: cannot read the file (%2)</source>
        <translation>%1: cannot read the file (%2)</translation>
    </message>
    <message>
        <source>Number: %1
Date: %2
Council: %3
Session: %4
Title: %5</source>
        <translation>Number: %1
Date: %2
Council: %3
Session: %4
Title: %5</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <source>task %1 (row %2): the title is empty</source>
        <translation>task %1 (row %2): the title is empty</translation>
    </message>
    <message>
        <source>task %1 (row %2): %3</source>
        <translation>task %1 (row %2): %3</translation>
    </message>
    <message>
        <source>task %1 (row %2): &apos;%3&apos; is not a place of the city&apos;s gazetteer</source>
        <translation>task %1 (row %2): &apos;%3&apos; is not a place of the city&apos;s gazetteer</translation>
    </message>
</context>
<context>
    <name>RtBindDialog</name>
    <message>
        <source>Bind a layer to the resolution&apos;s tasks</source>
        <translation>Bind a layer to the resolution&apos;s tasks</translation>
    </message>
    <message>
        <source>Pick a layer and the field(s) that hold the keys of its features. The tasks name their places by GSO code (wards), zone code, site id, or commune code / map sheet / parcel number (parcels). Nothing is written to the layer&apos;s data: its status is a computed field saved in the project.</source>
        <translation>Pick a layer and the field(s) that hold the keys of its features. The tasks name their places by GSO code (wards), zone code, site id, or commune code / map sheet / parcel number (parcels). Nothing is written to the layer&apos;s data: its status is a computed field saved in the project.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Wards and communes</source>
        <translation>Wards and communes</translation>
    </message>
    <message>
        <source>Zoning sub-plans</source>
        <translation>Zoning sub-plans</translation>
    </message>
    <message>
        <source>Sites (works, roads, areas)</source>
        <translation>Sites (works, roads, areas)</translation>
    </message>
    <message>
        <source>Cadastral parcels</source>
        <translation>Cadastral parcels</translation>
    </message>
    <message>
        <source>Features are</source>
        <translation>Features are</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Names (accents, case and prefixes such as “Phường” ignored)</source>
        <translation>Names (accents, case and prefixes such as “Phường” ignored)</translation>
    </message>
    <message>
        <source>Keys are</source>
        <translation>Keys are</translation>
    </message>
    <message>
        <source>Key field</source>
        <translation>Key field</translation>
    </message>
    <message>
        <source>Second key field</source>
        <translation>Second key field</translation>
    </message>
    <message>
        <source>Third key field</source>
        <translation>Third key field</translation>
    </message>
    <message>
        <source>For parcels: the map sheet number after the commune code</source>
        <translation>For parcels: the map sheet number after the commune code</translation>
    </message>
    <message>
        <source>For parcels: the parcel number</source>
        <translation>For parcels: the parcel number</translation>
    </message>
    <message>
        <source>Bind</source>
        <translation>Bind</translation>
    </message>
    <message>
        <source>Unbind</source>
        <translation>Unbind</translation>
    </message>
    <message>
        <source>The project has no vector layer to bind.</source>
        <translation>The project has no vector layer to bind.</translation>
    </message>
    <message>
        <source>Choose the field that holds the keys.</source>
        <translation>Choose the field that holds the keys.</translation>
    </message>
    <message>
        <source>%1: %2 features, %3 with tasks (keys: %4, %5).</source>
        <translation>%1: %2 features, %3 with tasks (keys: %4, %5).</translation>
    </message>
    <message>
        <source>Every task place of this kind lands on a feature.</source>
        <translation>Every task place of this kind lands on a feature.</translation>
    </message>
    <message numerus="yes">
        <source>%n task place(s) land on no feature:</source>
        <translation>
            <numerusform>%n task place lands on no feature:</numerusform>
            <numerusform>%n task places land on no feature:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) match several features and count for none of them:</source>
        <translation>
            <numerusform>%n key matches several features and counts for none of them:</numerusform>
            <numerusform>%n keys match several features and count for none of them:</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 → features %2</source>
        <translation>  %1 → features %2</translation>
    </message>
    <message>
        <source>%1 is no longer bound; its own style is back.</source>
        <translation>%1 is no longer bound; its own style is back.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>Reading the keys of %n feature(s) of %1 in the background…</source>
        <translation>
            <numerusform>Reading the keys of %n feature of %1 in the background…</numerusform>
            <numerusform>Reading the keys of %n features of %1 in the background…</numerusform>
        </translation>
    </message>
    <message>
        <source>The tasks name other units: translate their keys through a table</source>
        <translation>The tasks name other units: translate their keys through a table</translation>
    </message>
    <message>
        <source>A file layer (GeoPackage, shapefile, spreadsheet…), e.g. wards_2023 of the sample</source>
        <translation>A file layer (GeoPackage, shapefile, spreadsheet…), e.g. wards_2023 of the sample</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Key as the tasks state it</source>
        <translation>Key as the tasks state it</translation>
    </message>
    <message>
        <source>Key as the layer holds it</source>
        <translation>Key as the layer holds it</translation>
    </message>
</context>
<context>
    <name>RtExportDialog</name>
    <message>
        <source>Export the council map</source>
        <translation>Export the council map</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;PNG image (*.png)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>The map layers (wards_2023, zones, sites, site_lines) the council map is drawn from</source>
        <translation>The map layers (wards_2023, zones, sites, site_lines) the council map is drawn from</translation>
    </message>
    <message>
        <source>Map layers</source>
        <translation>Map layers</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Hatched styles for black-and-white printers</source>
        <translation>Hatched styles for black-and-white printers</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Choose where to save the map.</source>
        <translation>Choose where to save the map.</translation>
    </message>
    <message>
        <source>The file name must end in .pdf or .png.</source>
        <translation>The file name must end in .pdf or .png.</translation>
    </message>
    <message>
        <source>Choose the map layers GeoPackage.</source>
        <translation>Choose the map layers GeoPackage.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wards and communes of 2023 (as the resolution names them)</source>
        <translation>Wards and communes of 2023 (as the resolution names them)</translation>
    </message>
    <message>
        <source>Administrative units of 2025 (from 1/7/2025)</source>
        <translation>Administrative units of 2025 (from 1/7/2025)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Replace the existing file</source>
        <translation>Replace the existing file</translation>
    </message>
    <message>
        <source>QGIS layout template (*.qpt)</source>
        <translation>QGIS layout template (*.qpt)</translation>
    </message>
    <message>
        <source>Built-in layout</source>
        <translation>Built-in layout</translation>
    </message>
    <message>
        <source>Optional: a copy of the council map&apos;s layout template (council-map.qpt) edited in QGIS&apos;s layout designer, with the office&apos;s heading or emblem. Empty: the built-in layout.</source>
        <translation>Optional: a copy of the council map&apos;s layout template (council-map.qpt) edited in QGIS&apos;s layout designer, with the office&apos;s heading or emblem. Empty: the built-in layout.</translation>
    </message>
    <message>
        <source>Layout template</source>
        <translation>Layout template</translation>
    </message>
    <message>
        <source>The layout template file does not exist.</source>
        <translation>The layout template file does not exist.</translation>
    </message>
    <message>
        <source>The file exists: tick the box above to replace it with the new map.</source>
        <translation>The file exists: tick the box above to replace it with the new map.</translation>
    </message>
    <message>
        <source>All resolutions</source>
        <translation>All resolutions</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Resolutions</translation>
    </message>
</context>
<context>
    <name>RtExportMapAlgorithm</name>
    <message>
        <source>Export the council map</source>
        <translation>Export the council map</translation>
    </message>
    <message>
        <source>resolution,council,session,map,status,pdf,png,layout</source>
        <translation>resolution,council,session,map,status,pdf,png,layout</translation>
    </message>
    <message>
        <source>Writes the council-session map of a resolution&apos;s tasks, coloured by status as of a date, to PDF or PNG.</source>
        <translation>Writes the council-session map of a resolution&apos;s tasks, coloured by status as of a date, to PDF or PNG.</translation>
    </message>
    <message>
        <source>Makes the map restrack export makes: an A3 landscape print layout with the resolution&apos;s number and the as-of date in the title, the city coloured by the status of its tasks, the legend, scale bar and north arrow, the counts by status, the overdue tasks and the sources (with the notice that schematic shapes are not legal boundaries), written to a PDF or PNG file (the file&apos;s suffix decides).

Map layers: the GeoPackage of the city&apos;s layers (wards_2023, wards_2025, zones, sites, …), opened read-only. Units: the wards and communes of 2023 (the resolution&apos;s own) or the administrative units of 2025 (the tasks&apos; 2023 codes translated through wards_2023&apos;s field gso_code_2025). Print: hatched styles that read on a black-and-white printer. Language: Vietnamese or English.

%1</source>
        <translation>Makes the map restrack export makes: an A3 landscape print layout with the resolution&apos;s number and the as-of date in the title, the city coloured by the status of its tasks, the legend, scale bar and north arrow, the counts by status, the overdue tasks and the sources (with the notice that schematic shapes are not legal boundaries), written to a PDF or PNG file (the file&apos;s suffix decides).

Map layers: the GeoPackage of the city&apos;s layers (wards_2023, wards_2025, zones, sites, …), opened read-only. Units: the wards and communes of 2023 (the resolution&apos;s own) or the administrative units of 2025 (the tasks&apos; 2023 codes translated through wards_2023&apos;s field gso_code_2025). Print: hatched styles that read on a black-and-white printer. Language: Vietnamese or English.

%1</translation>
    </message>
    <message>
        <source>Map layers (GeoPackage)</source>
        <translation>Map layers (GeoPackage)</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg *.GPKG)</source>
        <translation>GeoPackage (*.gpkg *.GPKG)</translation>
    </message>
    <message>
        <source>Administrative units (2023 or 2025)</source>
        <translation>Administrative units (2023 or 2025)</translation>
    </message>
    <message>
        <source>Language of the map (vi or en)</source>
        <translation>Language of the map (vi or en)</translation>
    </message>
    <message>
        <source>Hatched styles for black-and-white printing</source>
        <translation>Hatched styles for black-and-white printing</translation>
    </message>
    <message>
        <source>Council map (PDF or PNG)</source>
        <translation>Council map (PDF or PNG)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf *.PDF);;PNG files (*.png *.PNG)</source>
        <translation>PDF files (*.pdf *.PDF);;PNG files (*.png *.PNG)</translation>
    </message>
    <message>
        <source>Tasks on the map</source>
        <translation>Tasks on the map</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Overdue tasks</translation>
    </message>
    <message>
        <source>The council map was not written: %1</source>
        <translation>The council map was not written: %1</translation>
    </message>
    <message>
        <source>Council map written: %1 (%2 tasks, %3 overdue, as of %4).</source>
        <translation>Council map written: %1 (%2 tasks, %3 overdue, as of %4).</translation>
    </message>
</context>
<context>
    <name>RtExportTask</name>
    <message>
        <source>Council map as of %1</source>
        <translation>Council map as of %1</translation>
    </message>
    <message>
        <source>the export failed</source>
        <translation>the export failed</translation>
    </message>
</context>
<context>
    <name>RtExpressionFunctions</name>
    <message>
        <source>no register is open in Resolution Tracker</source>
        <translation>no register is open in Resolution Tracker</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a date (YYYY-MM-DD)</source>
        <translation>%1: &apos;%2&apos; is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>%1: no register is open in Resolution Tracker</source>
        <translation>%1: no register is open in Resolution Tracker</translation>
    </message>
    <message>
        <source>Syntax</source>
        <translation>Syntax</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>a place key as the register writes it: &apos;ward:06715&apos;, &apos;zone:A3&apos;, &apos;site:hai-yen-ip&apos;, &apos;parcel:06715/12/345&apos;; or the key alone (&apos;A3&apos;, a field such as &quot;code&quot;) when only one kind of place has it. A number is read as a GSO code with its leading zeros (6715 is &apos;06715&apos;).</source>
        <translation>a place key as the register writes it: &apos;ward:06715&apos;, &apos;zone:A3&apos;, &apos;site:hai-yen-ip&apos;, &apos;parcel:06715/12/345&apos;; or the key alone (&apos;A3&apos;, a field such as &quot;code&quot;) when only one kind of place has it. A number is read as a GSO code with its leading zeros (6715 is &apos;06715&apos;).</translation>
    </message>
    <message>
        <source>optional: another date than the panel&apos;s (a date, or text &apos;YYYY-MM-DD&apos;); a date before the resolution is refused</source>
        <translation>optional: another date than the panel&apos;s (a date, or text &apos;YYYY-MM-DD&apos;); a date before the resolution is refused</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>The tasks are those of the register open in Resolution Tracker, with their status as of the panel&apos;s date; the answer is the one the join gives a feature of this place (restrack join, the Processing algorithm &quot;Join resolution tasks to a layer&quot;).</source>
        <translation>The tasks are those of the register open in Resolution Tracker, with their status as of the panel&apos;s date; the answer is the one the join gives a feature of this place (restrack join, the Processing algorithm &quot;Join resolution tasks to a layer&quot;).</translation>
    </message>
    <message>
        <source>The status of the resolution&apos;s tasks at a place, the code the Resolution Tracker styles colour: none (no task names the place), not_started, in_progress, done, blocked, dropped, no_report or overdue.</source>
        <translation>The status of the resolution&apos;s tasks at a place, the code the Resolution Tracker styles colour: none (no task names the place), not_started, in_progress, done, blocked, dropped, no_report or overdue.</translation>
    </message>
    <message>
        <source>The ids of the tasks that name a place, comma-separated, in the register&apos;s order (empty when none does).</source>
        <translation>The ids of the tasks that name a place, comma-separated, in the register&apos;s order (empty when none does).</translation>
    </message>
    <message>
        <source>The share of a place&apos;s tasks that are done, from 0 to 1: done / (tasks − dropped); 0 when no task names it.</source>
        <translation>The share of a place&apos;s tasks that are done, from 0 to 1: done / (tasks − dropped); 0 when no task names it.</translation>
    </message>
</context>
<context>
    <name>RtImportReportDialog</name>
    <message>
        <source>Import an Office Report</source>
        <translation>Import an Office Report</translation>
    </message>
    <message>
        <source>Report forms (*.xlsx *.ods *.csv)</source>
        <translation>Report forms (*.xlsx *.ods *.csv)</translation>
    </message>
    <message>
        <source>Filled form</source>
        <translation>Filled form</translation>
    </message>
    <message>
        <source>the office or person reporting</source>
        <translation>the office or person reporting</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>What it records, or why it is refused</source>
        <translation>What it records, or why it is refused</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>No register is open.</source>
        <translation>No register is open.</translation>
    </message>
    <message>
        <source>Choose the filled form.</source>
        <translation>Choose the filled form.</translation>
    </message>
    <message>
        <source>Say who reports (the office or person).</source>
        <translation>Say who reports (the office or person).</translation>
    </message>
    <message>
        <source>Recorded: %1 status and %2 value history rows.</source>
        <translation>Recorded: %1 status and %2 value history rows.</translation>
    </message>
    <message>
        <source>%1 of %2 reported rows are refused: nothing can be recorded until they are corrected.</source>
        <translation>%1 of %2 reported rows are refused: nothing can be recorded until they are corrected.</translation>
    </message>
    <message>
        <source>%1 reported rows can be recorded.</source>
        <translation>%1 reported rows can be recorded.</translation>
    </message>
</context>
<context>
    <name>RtJoinTasksAlgorithm</name>
    <message>
        <source>Join resolution tasks to a layer</source>
        <translation>Join resolution tasks to a layer</translation>
    </message>
    <message>
        <source>resolution,task,status,join,ward,zone,parcel,council</source>
        <translation>resolution,task,status,join,ward,zone,parcel,council</translation>
    </message>
    <message>
        <source>Gives every feature of a layer the aggregated status of the resolution tasks that name its place.</source>
        <translation>Gives every feature of a layer the aggregated status of the resolution tasks that name its place.</translation>
    </message>
    <message>
        <source>Joins the tasks of a resolution&apos;s register to the features of any vector layer by a place key, as restrack join does, and writes the layer with four more fields: rt_status (the status code the Resolution Tracker styles colour: none, not_started, in_progress, done, blocked, dropped, no_report, overdue), rt_tasks (the ids of the feature&apos;s tasks), rt_share_done (done tasks / tasks not dropped, 0 to 1) and rt_as_of. Fields of those names in the input are replaced.

Place kind: which places of the tasks the layer holds (ward or commune, zoning zone, site, cadastral parcel). Key fields: the field that holds the place&apos;s code or name, or for parcels the commune code, map sheet and parcel number fields. Match by code compares codes (GSO codes in numeric fields get their leading zeros back); match by name compares Vietnamese place names however they are spelled (&quot;Hải Hòa&quot;, &quot;Hải Hoà&quot;, &quot;P. Hai Hoa&quot;).

Key map (optional): when the layer holds other units than the tasks name (the units of 2025 for tasks written in the communes of 2023), a table and two of its fields translating the tasks&apos; keys into the layer&apos;s; a key the map lacks is reported as unmatched, never guessed.

Every task link that matches no feature, and every key that matches several features (it then counts for none), is listed in the log and counted in the outputs UNMATCHED and AMBIGUOUS.

%1</source>
        <translation>Joins the tasks of a resolution&apos;s register to the features of any vector layer by a place key, as restrack join does, and writes the layer with four more fields: rt_status (the status code the Resolution Tracker styles colour: none, not_started, in_progress, done, blocked, dropped, no_report, overdue), rt_tasks (the ids of the feature&apos;s tasks), rt_share_done (done tasks / tasks not dropped, 0 to 1) and rt_as_of. Fields of those names in the input are replaced.

Place kind: which places of the tasks the layer holds (ward or commune, zoning zone, site, cadastral parcel). Key fields: the field that holds the place&apos;s code or name, or for parcels the commune code, map sheet and parcel number fields. Match by code compares codes (GSO codes in numeric fields get their leading zeros back); match by name compares Vietnamese place names however they are spelled (&quot;Hải Hòa&quot;, &quot;Hải Hoà&quot;, &quot;P. Hai Hoa&quot;).

Key map (optional): when the layer holds other units than the tasks name (the units of 2025 for tasks written in the communes of 2023), a table and two of its fields translating the tasks&apos; keys into the layer&apos;s; a key the map lacks is reported as unmatched, never guessed.

Every task link that matches no feature, and every key that matches several features (it then counts for none), is listed in the log and counted in the outputs UNMATCHED and AMBIGUOUS.

%1</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Place kind (ward, zone, site, parcel)</source>
        <translation>Place kind (ward, zone, site, parcel)</translation>
    </message>
    <message>
        <source>Key field(s): code or name; commune, sheet and parcel for parcels</source>
        <translation>Key field(s): code or name; commune, sheet and parcel for parcels</translation>
    </message>
    <message>
        <source>Match by (code or name)</source>
        <translation>Match by (code or name)</translation>
    </message>
    <message>
        <source>Key map table (optional)</source>
        <translation>Key map table (optional)</translation>
    </message>
    <message>
        <source>Key map: field of the tasks&apos; keys</source>
        <translation>Key map: field of the tasks&apos; keys</translation>
    </message>
    <message>
        <source>Key map: field of the layer&apos;s keys</source>
        <translation>Key map: field of the layer&apos;s keys</translation>
    </message>
    <message>
        <source>Layer with task status</source>
        <translation>Layer with task status</translation>
    </message>
    <message>
        <source>Features written</source>
        <translation>Features written</translation>
    </message>
    <message>
        <source>Features with tasks</source>
        <translation>Features with tasks</translation>
    </message>
    <message>
        <source>Task links that matched no feature</source>
        <translation>Task links that matched no feature</translation>
    </message>
    <message>
        <source>Keys that matched several features</source>
        <translation>Keys that matched several features</translation>
    </message>
    <message>
        <source>The place kind must be one of %1, not &apos;%2&apos;.</source>
        <translation>The place kind must be one of %1, not &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>%1: choose 1 to 3 key fields, not %2.</source>
        <translation>%1: choose 1 to 3 key fields, not %2.</translation>
    </message>
    <message>
        <source>Layer %1 has no field &apos;%2&apos;; its fields: %3</source>
        <translation>Layer %1 has no field &apos;%2&apos;; its fields: %3</translation>
    </message>
    <message>
        <source>Layer %1 is not where the register&apos;s places are: %2 (Layer Properties › Source › Assigned CRS)</source>
        <translation>Layer %1 is not where the register&apos;s places are: %2 (Layer Properties › Source › Assigned CRS)</translation>
    </message>
    <message>
        <source>A key map needs its two fields: the tasks&apos; keys (e.g. gso_code) and the layer&apos;s (e.g. gso_code_2025).</source>
        <translation>A key map needs its two fields: the tasks&apos; keys (e.g. gso_code) and the layer&apos;s (e.g. gso_code_2025).</translation>
    </message>
    <message>
        <source>The key map %1 must be a file layer (GeoPackage, shapefile, …), not a %2 layer.</source>
        <translation>The key map %1 must be a file layer (GeoPackage, shapefile, …), not a %2 layer.</translation>
    </message>
    <message>
        <source>The key map cannot be read: %1</source>
        <translation>The key map cannot be read: %1</translation>
    </message>
    <message>
        <source>The key map %1 (%2 → %3) is empty.</source>
        <translation>The key map %1 (%2 → %3) is empty.</translation>
    </message>
    <message>
        <source>%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)</source>
        <translation>%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)</translation>
    </message>
    <message>
        <source>%1: %2 features, %3 with tasks, status as of %4.</source>
        <translation>%1: %2 features, %3 with tasks, status as of %4.</translation>
    </message>
    <message>
        <source>Every task link of kind %1 matched a feature.</source>
        <translation>Every task link of kind %1 matched a feature.</translation>
    </message>
    <message numerus="yes">
        <source>%n task link(s) matched no feature:</source>
        <translation>
            <numerusform>%n task link matched no feature:</numerusform>
            <numerusform>%n task links matched no feature:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) matched several features and count for none of them:</source>
        <translation>
            <numerusform>%n key matched several features and counts for none of them:</numerusform>
            <numerusform>%n keys matched several features and count for none of them:</numerusform>
        </translation>
    </message>
    <message>
        <source>The register keys its %1 places by code (&quot;%1:%2&quot;): match by code on the layer&apos;s code field.</source>
        <translation>The register keys its %1 places by code (&quot;%1:%2&quot;): match by code on the layer&apos;s code field.</translation>
    </message>
</context>
<context>
    <name>RtKeyReadTask</name>
    <message>
        <source>Resolution Tracker: reading the keys of %1</source>
        <translation>Resolution Tracker: reading the keys of %1</translation>
    </message>
</context>
<context>
    <name>RtKeyReader</name>
    <message>
        <source>the layer is not available</source>
        <translation>the layer is not available</translation>
    </message>
    <message>
        <source>%1: bind 1 to 3 key fields, not %2</source>
        <translation>%1: bind 1 to 3 key fields, not %2</translation>
    </message>
    <message>
        <source>layer %1 is not where Móng Cái is: %2 (Layer Properties › Source › Assigned CRS)</source>
        <translation>layer %1 is not where Móng Cái is: %2 (Layer Properties › Source › Assigned CRS)</translation>
    </message>
    <message>
        <source>layer %1 has no field &apos;%2&apos;; its fields: %3</source>
        <translation>layer %1 has no field &apos;%2&apos;; its fields: %3</translation>
    </message>
    <message>
        <source>%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)</source>
        <translation>%1: field %2 is numeric; GSO codes read with their leading zeros (5 digits)</translation>
    </message>
    <message>
        <source>layer %1: the key map cannot be read: %2</source>
        <translation>layer %1: the key map cannot be read: %2</translation>
    </message>
    <message>
        <source>layer %1: the key map %2 (%3 → %4) is empty</source>
        <translation>layer %1: the key map %2 (%3 → %4) is empty</translation>
    </message>
</context>
<context>
    <name>RtLayerBinding</name>
    <message>
        <source>Resolution Tracker: status of the feature&apos;s tasks (computed)</source>
        <translation>Resolution Tracker: status of the feature&apos;s tasks (computed)</translation>
    </message>
</context>
<context>
    <name>RtPlaceStatusIndex</name>
    <message>
        <source>&apos;%1&apos; names places of several kinds (%2): write the kind, e.g. &apos;%3:%1&apos;</source>
        <translation>&apos;%1&apos; names places of several kinds (%2): write the kind, e.g. &apos;%3:%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: unknown place kind &apos;%2&apos; (use %3)</source>
        <translation>&apos;%1&apos;: unknown place kind &apos;%2&apos; (use %3)</translation>
    </message>
</context>
<context>
    <name>RtPlugin</name>
    <message>
        <source>About Resolution Tracker</source>
        <translation>About Resolution Tracker</translation>
    </message>
    <message>
        <source>&amp;Resolution Tracker</source>
        <translation>&amp;Resolution Tracker</translation>
    </message>
    <message>
        <source>%1
Statuses: %2</source>
        <translation>%1
Statuses: %2</translation>
    </message>
    <message>
        <source>Resolution Tracker Panel</source>
        <translation>Resolution Tracker Panel</translation>
    </message>
    <message>
        <source>Show or hide the tasks of the resolution</source>
        <translation>Show or hide the tasks of the resolution</translation>
    </message>
    <message>
        <source>Open a Register…</source>
        <translation>Open a Register…</translation>
    </message>
    <message>
        <source>Bind a Layer…</source>
        <translation>Bind a Layer…</translation>
    </message>
    <message>
        <source>Export the Council Map…</source>
        <translation>Export the Council Map…</translation>
    </message>
    <message>
        <source>Tasks of a Feature</source>
        <translation>Tasks of a Feature</translation>
    </message>
    <message>
        <source>Click a feature of a bound layer to list its tasks</source>
        <translation>Click a feature of a bound layer to list its tasks</translation>
    </message>
    <message>
        <source>A bound layer could not be restored: %1</source>
        <translation>A bound layer could not be restored: %1</translation>
    </message>
    <message>
        <source>No register is open (%1).</source>
        <translation>No register is open (%1).</translation>
    </message>
    <message>
        <source>Open a Register</source>
        <translation>Open a Register</translation>
    </message>
    <message>
        <source>Resolution Tracker register (*.gpkg)</source>
        <translation>Resolution Tracker register (*.gpkg)</translation>
    </message>
    <message>
        <source>Cannot open the register: %1</source>
        <translation>Cannot open the register: %1</translation>
    </message>
    <message>
        <source>Register %1 opened; the project remembers it.</source>
        <translation>Register %1 opened; the project remembers it.</translation>
    </message>
    <message>
        <source>Open a register first.</source>
        <translation>Open a register first.</translation>
    </message>
    <message>
        <source>Council map written: %1</source>
        <translation>Council map written: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>The council map was not written: %1</source>
        <translation>The council map was not written: %1</translation>
    </message>
    <message>
        <source>Resolution Tracker</source>
        <translation>Resolution Tracker</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>A layer could not be bound: %1</source>
        <translation>A layer could not be bound: %1</translation>
    </message>
    <message>
        <source>%1 is bound: its features show their tasks&apos; status.</source>
        <translation>%1 is bound: its features show their tasks&apos; status.</translation>
    </message>
    <message>
        <source>Directive Items Colour Places Too</source>
        <translation>Directive Items Colour Places Too</translation>
    </message>
    <message>
        <source>Off: a place is coloured by the concrete commitments that name it, and by directive items only where no commitment names it. On: by every task that names it, directive items included.</source>
        <translation>Off: a place is coloured by the concrete commitments that name it, and by directive items only where no commitment names it. On: by every task that names it, directive items included.</translation>
    </message>
    <message>
        <source>Session Pack…</source>
        <translation>Session Pack…</translation>
    </message>
    <message>
        <source>Session pack written (%1 pages): %2</source>
        <translation>Session pack written (%1 pages): %2</translation>
    </message>
    <message>
        <source>The session pack was not written: %1</source>
        <translation>The session pack was not written: %1</translation>
    </message>
    <message>
        <source>Add a Resolution…</source>
        <translation>Add a Resolution…</translation>
    </message>
    <message>
        <source>Add a resolution&apos;s text and its tasks to the open register</source>
        <translation>Add a resolution&apos;s text and its tasks to the open register</translation>
    </message>
    <message>
        <source>Resolution %1 added to the register.</source>
        <translation>Resolution %1 added to the register.</translation>
    </message>
    <message>
        <source>%1 more changes made at other desks were read.</source>
        <translation>%1 more changes made at other desks were read.</translation>
    </message>
    <message>
        <source>The register server is unreachable; showing the state read at %1; reconnecting…</source>
        <translation>The register server is unreachable; showing the state read at %1; reconnecting…</translation>
    </message>
    <message>
        <source>The register server is reachable again; the tasks were read again.</source>
        <translation>The register server is reachable again; the tasks were read again.</translation>
    </message>
    <message>
        <source>Import an Office Report…</source>
        <translation>Import an Office Report…</translation>
    </message>
    <message>
        <source>Record an office&apos;s filled report form (made by restrack report-form): every row or none</source>
        <translation>Record an office&apos;s filled report form (made by restrack report-form): every row or none</translation>
    </message>
    <message>
        <source>Open a Register on a Server…</source>
        <translation>Open a Register on a Server…</translation>
    </message>
    <message>
        <source>Open a register kept on a PostgreSQL server, shared by several desks</source>
        <translation>Open a register kept on a PostgreSQL server, shared by several desks</translation>
    </message>
    <message>
        <source>Register on %1 opened; the project remembers the connection (no password).</source>
        <translation>Register on %1 opened; the project remembers the connection (no password).</translation>
    </message>
</context>
<context>
    <name>RtPluginMetadata</name>
    <message>
        <source>Resolution Tracker</source>
        <translation>Resolution Tracker</translation>
    </message>
    <message>
        <source>A council resolution&apos;s tasks on the map, coloured by status, with the council map and the session pack</source>
        <translation>A council resolution&apos;s tasks on the map, coloured by status, with the council map and the session pack</translation>
    </message>
</context>
<context>
    <name>RtProcessingAlgorithm</name>
    <message>
        <source>Register (Resolution Tracker GeoPackage)</source>
        <translation>Register (Resolution Tracker GeoPackage)</translation>
    </message>
    <message>
        <source>Resolution Tracker register (*.gpkg *.GPKG);;All files (*)</source>
        <translation>Resolution Tracker register (*.gpkg *.GPKG);;All files (*)</translation>
    </message>
    <message>
        <source>Status as of (empty: today)</source>
        <translation>Status as of (empty: today)</translation>
    </message>
    <message>
        <source>The as-of date &apos;%1&apos; is not a date; write it as YYYY-MM-DD (for example 2026-11-26).</source>
        <translation>The as-of date &apos;%1&apos; is not a date; write it as YYYY-MM-DD (for example 2026-11-26).</translation>
    </message>
    <message>
        <source>The register cannot be opened: %1</source>
        <translation>The register cannot be opened: %1</translation>
    </message>
    <message>
        <source>The tasks cannot be read as of %1: %2</source>
        <translation>The tasks cannot be read as of %1: %2</translation>
    </message>
    <message>
        <source>The register is a Resolution Tracker GeoPackage (made by restrack build-register, or the one the plugin opens); it is opened read-only. The statuses are those recorded on or before the as-of date (empty: today); a date before the resolution is refused.</source>
        <translation>The register is a Resolution Tracker GeoPackage (made by restrack build-register, or the one the plugin opens); it is opened read-only. The statuses are those recorded on or before the as-of date (empty: today); a date before the resolution is refused.</translation>
    </message>
</context>
<context>
    <name>RtProcessingProvider</name>
    <message>
        <source>Resolution Tracker</source>
        <translation>Resolution Tracker</translation>
    </message>
    <message>
        <source>Resolution Tracker: a council resolution&apos;s tasks on the map</source>
        <translation>Resolution Tracker: a council resolution&apos;s tasks on the map</translation>
    </message>
</context>
<context>
    <name>RtServerDialog</name>
    <message>
        <source>Open a Register on a Server</source>
        <translation>Open a Register on a Server</translation>
    </message>
    <message>
        <source>(written below)</source>
        <translation>(written below)</translation>
    </message>
    <message>
        <source>QGIS connection</source>
        <translation>QGIS connection</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>Without an authentication configuration the user name comes from the connection or pg_service.conf and the password from ~/.pgpass. The project keeps the connection, never a password.</source>
        <translation>Without an authentication configuration the user name comes from the connection or pg_service.conf and the password from ~/.pgpass. The project keeps the connection, never a password.</translation>
    </message>
    <message>
        <source>Give a server&apos;s connection: service=NAME, host=… dbname=…, or postgresql://host/database.</source>
        <translation>Give a server&apos;s connection: service=NAME, host=… dbname=…, or postgresql://host/database.</translation>
    </message>
    <message>
        <source>Cannot open the register: %1</source>
        <translation>Cannot open the register: %1</translation>
    </message>
</context>
<context>
    <name>RtSessionPackAlgorithm</name>
    <message>
        <source>Make the session pack</source>
        <translation>Make the session pack</translation>
    </message>
    <message>
        <source>resolution,council,session,pack,atlas,report,pdf,xlsx</source>
        <translation>resolution,council,session,pack,atlas,report,pdf,xlsx</translation>
    </message>
    <message>
        <source>Writes the council session pack: one PDF with the overview, the changes since the last session, the figures, a page per ward and zone, the land cases and all tasks.</source>
        <translation>Writes the council session pack: one PDF with the overview, the changes since the last session, the figures, a page per ward and zone, the land cases and all tasks.</translation>
    </message>
    <message>
        <source>Makes the pack restrack session-pack makes: a cover, an overview (tasks by status and category, the status of all tasks month by month, the city map as of the session date), what changed since the last session (status changes with date, who and evidence; tasks newly overdue and newly done), the figures the resolution set, a page per ward or commune and per planning zone (its map and its tasks), the land cases (aggregates only) and an appendix of all tasks.

Session date: the statuses are as of it. Last session: optional; without it the pack says it has no earlier session to compare with. Template: a folder with edited copies of the pack&apos;s layout templates (pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt), or one .qpt for the cover. Cadastre: a layer with the fields case_id, dossier_status and parcel_id; no other field is read and only counts are printed. Tables: the same tables as an XLSX workbook.

%1</source>
        <translation>Makes the pack restrack session-pack makes: a cover, an overview (tasks by status and category, the status of all tasks month by month, the city map as of the session date), what changed since the last session (status changes with date, who and evidence; tasks newly overdue and newly done), the figures the resolution set, a page per ward or commune and per planning zone (its map and its tasks), the land cases (aggregates only) and an appendix of all tasks.

Session date: the statuses are as of it. Last session: optional; without it the pack says it has no earlier session to compare with. Template: a folder with edited copies of the pack&apos;s layout templates (pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt), or one .qpt for the cover. Cadastre: a layer with the fields case_id, dossier_status and parcel_id; no other field is read and only counts are printed. Tables: the same tables as an XLSX workbook.

%1</translation>
    </message>
    <message>
        <source>Map layers (GeoPackage)</source>
        <translation>Map layers (GeoPackage)</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg *.GPKG)</source>
        <translation>GeoPackage (*.gpkg *.GPKG)</translation>
    </message>
    <message>
        <source>Session date (empty: today)</source>
        <translation>Session date (empty: today)</translation>
    </message>
    <message>
        <source>Date of the last session (optional)</source>
        <translation>Date of the last session (optional)</translation>
    </message>
    <message>
        <source>Administrative units (2023 or 2025)</source>
        <translation>Administrative units (2023 or 2025)</translation>
    </message>
    <message>
        <source>Language of the pack (vi or en)</source>
        <translation>Language of the pack (vi or en)</translation>
    </message>
    <message>
        <source>Directive items colour places that commitments name too</source>
        <translation>Directive items colour places that commitments name too</translation>
    </message>
    <message>
        <source>Layout templates (a folder, or one .qpt for the cover)</source>
        <translation>Layout templates (a folder, or one .qpt for the cover)</translation>
    </message>
    <message>
        <source>Cadastre layer (PATH|layername=NAME)</source>
        <translation>Cadastre layer (PATH|layername=NAME)</translation>
    </message>
    <message>
        <source>Session pack (PDF)</source>
        <translation>Session pack (PDF)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf *.PDF)</source>
        <translation>PDF files (*.pdf *.PDF)</translation>
    </message>
    <message>
        <source>Tables (XLSX)</source>
        <translation>Tables (XLSX)</translation>
    </message>
    <message>
        <source>XLSX files (*.xlsx *.XLSX)</source>
        <translation>XLSX files (*.xlsx *.XLSX)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>The date of the last session &apos;%1&apos; is not a date (YYYY-MM-DD).</source>
        <translation>The date of the last session &apos;%1&apos; is not a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>The session pack was not written: %1</source>
        <translation>The session pack was not written: %1</translation>
    </message>
    <message>
        <source>Session pack written: %1 (%2 pages, %3 places, as of %4).</source>
        <translation>Session pack written: %1 (%2 pages, %3 places, as of %4).</translation>
    </message>
</context>
<context>
    <name>RtSessionPackDialog</name>
    <message>
        <source>Make the session pack</source>
        <translation>Make the session pack</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>No workbook</source>
        <translation>No workbook</translation>
    </message>
    <message>
        <source>Optional: the pack&apos;s tables as an XLSX workbook, one sheet each, for pasting into Word</source>
        <translation>Optional: the pack's tables as an XLSX workbook, one sheet each, for pasting into Word</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Replace the existing files</source>
        <translation>Replace the existing files</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Session date</translation>
    </message>
    <message>
        <source>List what changed since the last session, held on</source>
        <translation>List what changed since the last session, held on</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Wards and communes of 2023 (as the resolution names them)</source>
        <translation>Wards and communes of 2023 (as the resolution names them)</translation>
    </message>
    <message>
        <source>Administrative units of 2025 (from 1/7/2025)</source>
        <translation>Administrative units of 2025 (from 1/7/2025)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Built-in layouts</source>
        <translation>Built-in layouts</translation>
    </message>
    <message>
        <source>Optional: a folder with the office&apos;s edited copies of some of the pack&apos;s layout templates (pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt); the others stay built in.</source>
        <translation>Optional: a folder with the office's edited copies of some of the pack's layout templates (pack-cover.qpt, pack-overview.qpt, pack-table.qpt, pack-figures.qpt, pack-place.qpt); the others stay built in.</translation>
    </message>
    <message>
        <source>Layout templates</source>
        <translation>Layout templates</translation>
    </message>
    <message>
        <source>Vector layers (*.gpkg *.shp *.geojson);;All files (*)</source>
        <translation>Vector layers (*.gpkg *.shp *.geojson);;All files (*)</translation>
    </message>
    <message>
        <source>No cadastre</source>
        <translation>No cadastre</translation>
    </message>
    <message>
        <source>Optional: parcels with the fields case_id, dossier_status and parcel_id (add |layername=NAME for one layer of a GeoPackage). Only these fields are read and only counts are printed: no owner&apos;s name.</source>
        <translation>Optional: parcels with the fields case_id, dossier_status and parcel_id (add |layername=NAME for one layer of a GeoPackage). Only these fields are read and only counts are printed: no owner's name.</translation>
    </message>
    <message>
        <source>Cadastre of the land cases</source>
        <translation>Cadastre of the land cases</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose where to save the pack.</source>
        <translation>Choose where to save the pack.</translation>
    </message>
    <message>
        <source>The pack&apos;s file name must end in .pdf.</source>
        <translation>The pack's file name must end in .pdf.</translation>
    </message>
    <message>
        <source>The workbook&apos;s file name must end in .xlsx.</source>
        <translation>The workbook's file name must end in .xlsx.</translation>
    </message>
    <message>
        <source>The last session must come before this one.</source>
        <translation>The last session must come before this one.</translation>
    </message>
    <message>
        <source>The layout templates folder does not exist.</source>
        <translation>The layout templates folder does not exist.</translation>
    </message>
    <message>
        <source>The cadastre file does not exist.</source>
        <translation>The cadastre file does not exist.</translation>
    </message>
    <message>
        <source>A file exists: tick the box above to replace it.</source>
        <translation>A file exists: tick the box above to replace it.</translation>
    </message>
</context>
<context>
    <name>RtSessionPackTask</name>
    <message>
        <source>Session pack as of %1</source>
        <translation>Session pack as of %1</translation>
    </message>
    <message>
        <source>the session pack failed</source>
        <translation>the session pack failed</translation>
    </message>
</context>
<context>
    <name>RtStatusDialog</name>
    <message>
        <source>Change the status of %1</source>
        <translation>Change the status of %1</translation>
    </message>
    <message>
        <source>%1 — %2
Now: %3 (since %4)</source>
        <translation>%1 — %2
Now: %3 (since %4)</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>The date the new status holds from</source>
        <translation>The date the new status holds from</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Person or office making the change (required)</source>
        <translation>Person or office making the change (required)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>e.g. a decision number: QĐ 1234/QĐ-UBND</source>
        <translation>e.g. a decision number: QĐ 1234/QĐ-UBND</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Choose a status other than the current one.</source>
        <translation>Choose a status other than the current one.</translation>
    </message>
    <message>
        <source>Say who makes the change.</source>
        <translation>Say who makes the change.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RtTaskDock</name>
    <message>
        <source>Resolution Tracker</source>
        <translation>Resolution Tracker</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Statuses, overdue flags and map colours are shown as they stood on this date</source>
        <translation>Statuses, overdue flags and map colours are shown as they stood on this date</translation>
    </message>
    <message>
        <source>Search tasks (accents and case ignored)</source>
        <translation>Search tasks (accents and case ignored)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>Responsible body</translation>
    </message>
    <message>
        <source>Ward, commune, zone or site</source>
        <translation>Ward, commune, zone or site</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Clear every filter and the search</source>
        <translation>Clear every filter and the search</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Bind a layer…</source>
        <translation>Bind a layer…</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>Recorded (UTC)</translation>
    </message>
    <message numerus="yes">
        <source>Resolution %1 of %2 — %n task(s)</source>
        <translation>
            <numerusform>Resolution %1 of %2 — %n task</numerusform>
            <numerusform>Resolution %1 of %2 — %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>No register is open: use Plugins ▸ Resolution Tracker ▸ Open a register…</source>
        <translation>No register is open: use Plugins ▸ Resolution Tracker ▸ Open a register…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All responsible bodies</source>
        <translation>All responsible bodies</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>All places</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation>%1 of %2 tasks</translation>
    </message>
    <message>
        <source>Task %1 is on no feature of the bound layers.</source>
        <translation>Task %1 is on no feature of the bound layers.</translation>
    </message>
    <message>
        <source>No task of the resolution is on this feature of %1.</source>
        <translation>No task of the resolution is on this feature of %1.</translation>
    </message>
    <message>
        <source>No layer is bound. Bind a layer of the project to see its features coloured by the status of their tasks.</source>
        <translation>No layer is bound. Bind a layer of the project to see its features coloured by the status of their tasks.</translation>
    </message>
    <message>
        <source>Select a task to see its clause, the quote from the resolution, its deadline and its history.</source>
        <translation>Select a task to see its clause, the quote from the resolution, its deadline and its history.</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Status on %1</source>
        <translation>Status on %1</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Status now</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>no register is open</source>
        <translation>no register is open</translation>
    </message>
    <message>
        <source>Task %1 is now “%2” (since %3).</source>
        <translation>Task %1 is now “%2” (since %3).</translation>
    </message>
    <message>
        <source>Not recorded: task %1 was changed by someone else meanwhile; it is now “%2”. The panel shows it as it is now; make your change again if it still holds.</source>
        <translation>Not recorded: task %1 was changed by someone else meanwhile; it is now “%2”. The panel shows it as it is now; make your change again if it still holds.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
    <message>
        <source>Link selected features</source>
        <translation>Link selected features</translation>
    </message>
    <message>
        <source>Add the features selected on the map to the places of the selected task</source>
        <translation>Add the features selected on the map to the places of the selected task</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>Remove the features selected on the map from the places of the selected task</source>
        <translation>Remove the features selected on the map from the places of the selected task</translation>
    </message>
    <message>
        <source>Not recorded: the places of task %1 were changed by someone else meanwhile. The panel shows them as they are now.</source>
        <translation>Not recorded: the places of task %1 were changed by someone else meanwhile. The panel shows them as they are now.</translation>
    </message>
    <message>
        <source>Select on the map the features to link to task %1 (or to unlink from it), then press the button again.</source>
        <translation>Select on the map the features to link to task %1 (or to unlink from it), then press the button again.</translation>
    </message>
    <message numerus="yes">
        <source>Task %1 is now linked to %n more place(s) in %2.</source>
        <translation>
            <numerusform>Task %1 is now linked to %n more place in %2.</numerusform>
            <numerusform>Task %1 is now linked to %n more places in %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Task %1 is no longer linked to %n place(s) in %2.</source>
        <translation>
            <numerusform>Task %1 is no longer linked to %n place in %2.</numerusform>
            <numerusform>Task %1 is no longer linked to %n places in %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The resolution whose tasks the panel lists and the bound layers are coloured by</source>
        <translation>The resolution whose tasks the panel lists and the bound layers are coloured by</translation>
    </message>
    <message>
        <source>All resolutions</source>
        <translation>All resolutions</translation>
    </message>
    <message>
        <source>Resolution %1 of %2</source>
        <translation>Resolution %1 of %2</translation>
    </message>
</context>
<context>
    <name>RtTracker</name>
    <message>
        <source>no register file given</source>
        <translation>no register file given</translation>
    </message>
    <message>
        <source>no register found (looked in %1)</source>
        <translation>no register found (looked in %1)</translation>
    </message>
    <message>
        <source>no register is open</source>
        <translation>no register is open</translation>
    </message>
    <message>
        <source>task %1 is not in the open register</source>
        <translation>task %1 is not in the open register</translation>
    </message>
    <message>
        <source>the layer is not available</source>
        <translation>the layer is not available</translation>
    </message>
    <message>
        <source>the layer is not bound to the register</source>
        <translation>the layer is not bound to the register</translation>
    </message>
    <message>
        <source>select the features first</source>
        <translation>select the features first</translation>
    </message>
    <message>
        <source>the selected features are already linked to task %1</source>
        <translation>the selected features are already linked to task %1</translation>
    </message>
    <message>
        <source>none of the selected features is linked to task %1</source>
        <translation>none of the selected features is linked to task %1</translation>
    </message>
    <message>
        <source>reading the keys of %1 was cancelled</source>
        <translation>reading the keys of %1 was cancelled</translation>
    </message>
    <message>
        <source>%1 shows the tasks through a key map (%2 → %3): link the features of the layer the tasks name</source>
        <translation>%1 shows the tasks through a key map (%2 → %3): link the features of the layer the tasks name</translation>
    </message>
    <message>
        <source>resolution %1 is not in the register %2 (it holds %3)</source>
        <translation>resolution %1 is not in the register %2 (it holds %3)</translation>
    </message>
    <message>
        <source>Another desk</source>
        <translation>Another desk</translation>
    </message>
    <message>
        <source>%1 changed %2: %3 → %4</source>
        <translation>%1 changed %2: %3 → %4</translation>
    </message>
</context>
<context>
    <name>RtTwoStepTask</name>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation>unexpected error: %1</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>unexpected error</translation>
    </message>
</context>
</TS>
