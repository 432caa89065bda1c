# Resolution Tracker end-to-end test, the part that runs inside QGIS desktop
# (`qgis --code e2e_inside_qgis.py PROJECT.qgs`, started by run_e2e.sh under Xvfb).
#
# Drives the plugin as a user would: the menu, the task dock (tree, table, search box,
# filters), the details and history of a task, the status dialog (typed through an input
# method commit, as a Vietnamese keyboard delivers text), then checks the store (restrack
# history --json on the register copy), the zone's status and colour on the map, the
# translation of the UI, and unloading and reloading the plugin through QGIS's Plugin
# Manager. Every wait is a wait for a condition, with a deadline. Writes the result as JSON
# (after every step, so a crash still leaves the last step reached) and quits QGIS.
#
# Configuration comes from the environment (set by run_e2e.sh):
#   RT_E2E_RESULT     the JSON result file          RT_E2E_ARTIFACTS  folder for screenshots, logs
#   RT_E2E_RESTRACK   the built restrack            RESTRACK_DB       the register copy the plugin opens
#   RT_E2E_SOURCE_DIR the source tree (for the .ts files)
#   RT_E2E_PLUGIN     the plugin's library base name (libresolutiontrackerplugin)
#   RT_E2E_LANG       vi|en, the language QGIS was started in
#   RT_E2E_TIMEOUT    seconds for the whole run inside QGIS
#   RT_E2E_SCENARIO   desk (the above) | live_pg (run_e2e.sh --live-pg: the register on a
#                     PostgreSQL server, RT_E2E_PG; another desk's changes, the server stopped
#                     and started again; see live_pg_scenario)
import datetime
import json
import os
import re
import sqlite3
import subprocess
import time
import traceback
import xml.etree.ElementTree as ET

from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDate, QModelIndex, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QInputMethodEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QAbstractButton, QAbstractItemView, QAction, QApplication, QComboBox, QDateEdit,
                                 QDateTimeEdit, QDialog, QDialogButtonBox, QDockWidget, QGroupBox, QLabel,
                                 QLineEdit, QListView, QMessageBox, QPlainTextEdit, QTableView, QTabWidget,
                                 QTextEdit, QToolBar, QTreeView, QWidget)
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsExpression, QgsFeatureRequest,
                       QgsMapRendererSequentialJob, QgsMapSettings, QgsPointXY, QgsProject)
from qgis.gui import QgsMessageBarItem
from qgis.utils import iface

ENV = os.environ
RESULT = ENV.get("RT_E2E_RESULT", "/tmp/rt-e2e-result.json")
ARTIFACTS = ENV.get("RT_E2E_ARTIFACTS", os.path.dirname(RESULT))
RESTRACK = ENV.get("RT_E2E_RESTRACK", "restrack")
DB = ENV.get("RESTRACK_DB", "")
SOURCE_DIR = ENV.get("RT_E2E_SOURCE_DIR", "")
PLUGIN = ENV.get("RT_E2E_PLUGIN", "libresolutiontrackerplugin")
LANG = ENV.get("RT_E2E_LANG", "vi")
TOTAL_TIMEOUT = float(ENV.get("RT_E2E_TIMEOUT", "150"))

MENU_SOURCE = "&Resolution Tracker"
TASK_A3 = "CM-QHPK-A3"       # "Lập, trình duyệt quy hoạch phân khu A3": linked to zone A3 only
TASK_DIRECTIVE = "DT-05-i1"  # the directive that also names zone A3 (and the other zones, five communes)
ZONE = "A3"
TODAY = datetime.date.today()
BY = "Phòng Quản lý đô thị (kiểm thử e2e)"
NOTE_1 = "Đã trình duyệt quy hoạch phân khu A3; chờ quyết định phê duyệt."
EVIDENCE_1 = "Tờ trình số 123/TTr-QLĐT ngày %s" % TODAY.strftime("%d/%m/%Y")
NOTE_2 = "Các quy hoạch phân khu và quy hoạch chung xã đã được đẩy nhanh, trình duyệt."
EVIDENCE_2 = "Báo cáo số 45/BC-UBND"
STATUS_LABELS = {"done": {"hoàn thành", "done"}, "in_progress": {"đang thực hiện", "in progress"}}


class Failed(Exception):
    """A required check failed: the run stops (later steps depend on it)."""


class Timeout(Exception):
    pass


class Wait:
    """Wait until condition() is true, at most timeout seconds; actual() says what was seen instead."""

    def __init__(self, what, condition, timeout=20.0, actual=None):
        self.what, self.condition, self.timeout, self.actual = what, condition, timeout, actual


# ---------------------------------------------------------------- the record of the run
state = {
    "finished": False, "ok": False, "step": "start", "checks": [], "failures": [],
    "notes": [], "screenshots": [], "timings": {}, "language": LANG, "qgis_messages": [],
}
started = time.monotonic()


def save():
    state["elapsed_s"] = round(time.monotonic() - started, 1)
    tmp = RESULT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(state, f, ensure_ascii=False, indent=1)
    os.replace(tmp, RESULT)


def check(name, ok, detail="", required=False):
    state["checks"].append({"step": state["step"], "name": name, "ok": bool(ok), "detail": str(detail)})
    if not ok:
        state["failures"].append("%s: %s%s" % (state["step"], name, (" — " + str(detail)) if detail else ""))
        save()
        if required:
            raise Failed(name)
    return bool(ok)


def note(text):
    state["notes"].append("%s: %s" % (state["step"], text))


def step(name):
    state["timings"][state["step"]] = round(time.monotonic() - started, 1)
    state["step"] = name
    save()


# ---------------------------------------------------------------- QGIS messages
def on_log(message, tag, level):
    if len(state["qgis_messages"]) < 400:
        state["qgis_messages"].append("[%s/%s] %s" % (tag, int(level), message[:500]))
    text = (tag + " " + message).lower()
    if int(level) == 2 and any(name.lower() in text for name in PLUGIN_NAMES):
        state["failures"].append("QGIS logged an error about the plugin: [%s] %s" % (tag, message[:500]))


def message_log_lines():
    """Everything QGIS's Log Messages panel holds (it has the start-up messages our listener missed)."""
    lines = []
    for viewer in mw().findChildren(QWidget, "QgsMessageLogViewer"):
        for tabs in viewer.findChildren(QTabWidget):
            for i in range(tabs.count()):
                for text in tabs.widget(i).findChildren(QPlainTextEdit) + (
                        [tabs.widget(i)] if isinstance(tabs.widget(i), QPlainTextEdit) else []):
                    lines += ["[%s] %s" % (tabs.tabText(i), l) for l in text.toPlainText().splitlines() if l.strip()]
    return lines


bar_lines = []  # (time.monotonic(), level, text) of every message-bar item, as it was pushed


def on_bar_item(item):
    try:
        if not isinstance(item, QgsMessageBarItem):
            item = sip.cast(item, QgsMessageBarItem)  # widgetAdded hands it over as a plain QWidget
        text = item.title() + " " + item.text()
        level = int(item.level())
    except Exception:  # noqa: BLE001 - informative only
        return
    bar_lines.append((time.monotonic(), level, text))
    state["qgis_messages"].append("[message bar/%d] %s" % (level, text[:500]))
    if level == 2:  # Qgis.Critical
        state["failures"].append("%s: the message bar shows an error: %s" % (state["step"], text[:500]))



expected_message_boxes = []
dialog_texts = []


def watch_message_boxes():
    """An unexpected message box is a failure (its text says why); close it so the run goes on."""
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible() and w not in expected_message_boxes:
            state["failures"].append("%s: unexpected message box \"%s\": %s %s" % (
                state["step"], w.windowTitle(), w.text(), w.informativeText()))
            grab(w, "e2e-unexpected-message-box.png")
            w.reject()
            w.hide()


# ---------------------------------------------------------------- helpers
def mw():
    return iface.mainWindow()


def grab(widget, name):
    path = os.path.join(ARTIFACTS, name)
    try:
        widget.grab().save(path)
        state["screenshots"].append(path)
    except Exception as e:  # noqa: BLE001
        note("could not grab %s: %s" % (name, e))
    return path


def read_ts(language):
    """{source: translation} of the committed .ts file (finished messages only)."""
    path = os.path.join(SOURCE_DIR, "plugin", "i18n", "resolutiontracker_%s.ts" % language)
    out = {}
    if not os.path.exists(path):
        return out
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        if tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete") and tr.text:
            out[source] = tr.text
    return out


TS = {"vi": read_ts("vi"), "en": read_ts("en")}
MENU_TITLES = {MENU_SOURCE} | {TS[l][MENU_SOURCE] for l in TS if MENU_SOURCE in TS[l]}
# How the plugin names itself in QGIS's log (its tag is translated): errors under these names fail the test.
PLUGIN_NAMES = {PLUGIN, "resolutiontracker", "Resolution Tracker"} | {
    TS[l]["Resolution Tracker"] for l in TS if "Resolution Tracker" in TS[l]}


def plugin_menus():
    """The plugin's menus a user can reach from the menu bar (QGIS keeps removed menus as hidden objects)."""
    found = []

    def walk(actions, depth):
        for a in actions:
            m = a.menu()
            if m is None or not a.isVisible():
                continue
            if m.title() in MENU_TITLES:
                found.append(m)
            if depth < 3:
                walk(m.actions(), depth + 1)
    walk(mw().menuBar().actions(), 0)
    return found


def menu_action_texts(menu):
    out = []
    for a in menu.actions():
        if a.isSeparator():
            continue
        out.append(a.text())
        if a.menu() is not None:
            out += ["%s > %s" % (a.text(), t) for t in menu_action_texts(a.menu())]
    return out


def toolbar_actions():
    """The plugin's buttons on QGIS's toolbars (their object names start with Rt)."""
    return sorted(a.objectName() for tb in mw().findChildren(QToolBar) for a in tb.actions()
                  if a.objectName().startswith("Rt") and a.isVisible())


def docks():
    return [d for d in mw().findChildren(QDockWidget, "RtTaskDock")]


def child(parent, cls, name):
    w = parent.findChild(cls, name) if parent is not None else None
    if w is None:
        # the widget may live in a floating window or a dialog of its own
        for top in QApplication.topLevelWidgets():
            if top.objectName() == name and isinstance(top, cls):
                return top
            w = top.findChild(cls, name)
            if w is not None:
                return w
    return w


def visible_dialog(name):
    for top in QApplication.topLevelWidgets():
        if top.objectName() == name and isinstance(top, QDialog) and top.isVisible():
            return top
    return None


def as_own_class(w):
    """The widget as its own QGIS class (sip may hand a QgsCheckableComboBox over as a plain QComboBox)."""
    if w is None:
        return None
    import qgis.gui
    cls = getattr(qgis.gui, w.metaObject().className(), None)
    return sip.cast(w, cls) if cls is not None and not isinstance(w, cls) else w


def register_task_ids():
    con = sqlite3.connect("file:%s?mode=ro" % DB, uri=True)
    try:
        return {r[0] for r in con.execute("SELECT task_id FROM rt_tasks")}
    finally:
        con.close()


ROLES = (Qt.DisplayRole, Qt.ToolTipRole, Qt.UserRole, Qt.UserRole + 1, Qt.UserRole + 2, Qt.UserRole + 3)


def fetch_all(model, parent=QModelIndex()):
    while model.canFetchMore(parent):
        model.fetchMore(parent)


def model_rows(model, parent=QModelIndex(), depth=0):
    """[(index of column 0, [strings of the row in every column and role], is_leaf)], depth first."""
    out = []
    fetch_all(model, parent)
    for r in range(model.rowCount(parent)):
        strings = []
        for c in range(model.columnCount(parent)):
            idx = model.index(r, c, parent)
            for role in ROLES:
                v = model.data(idx, role)
                if isinstance(v, str) and v:
                    strings.append(v)
        idx0 = model.index(r, 0, parent)
        has_children = model.hasChildren(idx0) and depth < 8
        out.append((idx0, strings, not has_children))
        if has_children:
            out += model_rows(model, idx0, depth + 1)
    return out


TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*")


def ids_in(strings, ids):
    found = set()
    for s in strings:
        found |= ids & set(TOKEN.findall(s))
    return found


def row_of(view, task_id):
    for idx, strings, _ in model_rows(view.model()):
        if task_id in ids_in(strings, {task_id}):
            return idx, strings
    return None, None


def widget_text(w):
    if w is None:
        return ""
    for getter in ("toPlainText", "text", "currentText"):
        if hasattr(w, getter):
            try:
                return getattr(w, getter)()
            except TypeError:
                pass
    texts = []
    for c in w.findChildren(QWidget):
        if isinstance(c, (QLabel, QLineEdit)):
            texts.append(c.text())
        elif isinstance(c, (QTextEdit, QPlainTextEdit)):
            texts.append(c.toPlainText())
    return "\n".join(texts)


def click(widget, pos=None):
    if pos is None:
        QTest.mouseClick(widget, Qt.LeftButton)
    else:
        QTest.mouseClick(widget, Qt.LeftButton, Qt.NoModifier, pos)


def click_later(widget):
    """Click a button that may open a modal dialog (exec() would block the caller)."""
    QTimer.singleShot(0, lambda: click(widget))


def select_row(view, task_id):
    idx, _ = row_of(view, task_id)
    if idx is None:
        return False
    view.scrollTo(idx)
    rect = view.visualRect(idx)
    click(view.viewport(), rect.center())
    return True


def text_entry(w):
    """The widget that takes typed text: the widget itself, an editable combo's line edit, a file widget's line edit."""
    if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return w
    if isinstance(w, QComboBox) and w.isEditable():
        return w.lineEdit()
    if hasattr(w, "lineEdit") and callable(w.lineEdit):
        return w.lineEdit()
    return w.findChild(QLineEdit)


def type_text(w, text):
    """Types text as an input method commits it (how a Vietnamese keyboard, Telex/VNI, delivers it)."""
    entry = text_entry(w)
    if entry is None:
        return False
    entry.setFocus(Qt.OtherFocusReason)
    entry.selectAll()
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(entry, ev)
    got = entry.toPlainText() if isinstance(entry, (QPlainTextEdit, QTextEdit)) else entry.text()
    return got == text


def combo_index(combo, code, labels):
    i = combo.findData(code)
    if i >= 0:
        return i
    for role in (Qt.UserRole + 1, Qt.UserRole + 2):
        i = combo.findData(code, role)
        if i >= 0:
            return i
    for i in range(combo.count()):
        if combo.itemText(i).strip().lower() in labels or combo.itemText(i).strip().lower().startswith(tuple(labels)):
            return i
    return -1


def ok_button(dialog):
    box = dialog.findChild(QDialogButtonBox)
    if box is not None:
        for which in (QDialogButtonBox.Ok, QDialogButtonBox.Save, QDialogButtonBox.Apply, QDialogButtonBox.Yes):
            b = box.button(which)
            if b is not None:
                return b
        for b in box.buttons():
            if box.buttonRole(b) in (QDialogButtonBox.AcceptRole, QDialogButtonBox.YesRole, QDialogButtonBox.ApplyRole):
                return b
    for b in dialog.findChildren(QAbstractButton):
        if getattr(b, "isDefault", lambda: False)():
            return b
    return None


def history_json(task_id):
    done = subprocess.run([RESTRACK, "history", "--db", DB, task_id, "--json"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, timeout=30)
    if done.returncode != 0:
        raise Failed("restrack history %s failed: %s" % (task_id, done.stderr.strip()))
    return json.loads(done.stdout)["history"]


def view_model_count(view):
    m = view.model()
    fetch_all(m)
    return m.rowCount() if m is not None else -1


# ---------------------------------------------------------------- the map
def zones_layer():
    for layer in QgsProject.instance().mapLayers().values():
        if "layername=zones" in layer.source():
            return layer
    return None


def zone_feature(layer, code):
    req = QgsFeatureRequest(QgsExpression("\"code\" = '%s'" % code))
    feats = list(layer.getFeatures(req))
    return feats[0] if feats else None


def category_color(layer, status):
    r = layer.renderer()
    if isinstance(r, QgsCategorizedSymbolRenderer):
        for c in r.categories():
            if c.value() == status:
                return c.symbol().color()
    return None


def zone_state(code=ZONE):
    """The zone's rt_status as the layer gives it, and its colour as the layer renders it."""
    layer = zones_layer()
    if layer is None:
        raise Failed("the project has no zones layer")
    f = zone_feature(layer, code)
    if f is None:
        raise Failed("zone %s not found in %s" % (code, layer.name()))
    # The status field the layer is coloured by: the plugin's live field (rt_status_live, a
    # virtual field) when it bound the layer, else the stored rt_status.
    r = layer.renderer()
    field = r.classAttribute() if isinstance(r, QgsCategorizedSymbolRenderer) else "rt_status"
    status = f[field] if layer.fields().indexOf(field) >= 0 else None
    # Render the zones layer alone, without labels, around the zone; sample inside it.
    g = f.geometry()
    point = g.pointOnSurface().asPoint()
    extent = g.boundingBox()
    extent.scale(1.2)
    ms = QgsMapSettings(iface.mapCanvas().mapSettings())  # with the canvas's expression context (project variables)
    ms.setLayers([layer])
    ms.setDestinationCrs(layer.crs())
    ms.setExtent(extent)
    ms.setOutputSize(QSize(240, 240))
    ms.setBackgroundColor(QColor(255, 255, 255))
    ms.setFlag(QgsMapSettings.DrawLabeling, False)
    ms.setFlag(QgsMapSettings.DrawSelection, False)  # the plugin selects the task's features (yellow)
    ms.setFlag(QgsMapSettings.Antialiasing, False)
    job = QgsMapRendererSequentialJob(ms)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    px = ms.mapToPixel().transform(point)
    c = img.pixelColor(int(round(px.x())), int(round(px.y())))
    return {"status": status, "field": field, "rgb": (c.red(), c.green(), c.blue()), "image": img}


def same_rgb(a, b, tol=6):
    return a is not None and b is not None and all(abs(x - y) <= tol for x, y in zip(a, b))


def rgb(c):
    return None if c is None else (c.red(), c.green(), c.blue())


def canvas_still(canvas):
    """A condition: two grabs of the canvas 300 ms apart are the same image."""
    seen = {"image": None, "at": 0.0}

    def still():
        if time.monotonic() - seen["at"] < 0.3:
            return False
        image = canvas.grab().toImage()
        same = seen["image"] is not None and image == seen["image"]
        seen["image"], seen["at"] = image, time.monotonic()
        return same
    return still


canvas_refreshes = [0]
iface.mapCanvas().mapCanvasRefreshed.connect(lambda: canvas_refreshes.__setitem__(0, canvas_refreshes[0] + 1))


# ---------------------------------------------------------------- translation at run time
def visible_ui_texts(root):
    texts = []
    if root is None:
        return texts
    texts.append(root.windowTitle())
    for w in [root] + root.findChildren(QWidget):
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for s in range(m.columnCount()):
                v = m.headerData(s, Qt.Horizontal, Qt.DisplayRole)
                if isinstance(v, str):
                    texts.append(v)
        if w.toolTip():
            texts.append(w.toolTip())
    return [t for t in texts if t]


def untranslated(texts):
    """Texts shown as their source although the language's .ts translates them differently."""
    table = TS.get(LANG, {})
    return sorted({t for t in texts if t in table and table[t] != t})


# ---------------------------------------------------------------- the scenario
def scenario():
    canvas = iface.mapCanvas()

    step("qgis_started")
    yield Wait("QGIS main window shown and the project's layers loaded",
               lambda: mw().isVisible() and len(QgsProject.instance().mapLayers()) > 0, 60)
    yield Wait("the map canvas finished drawing", lambda: not canvas.isDrawing(), 60)
    # The whole Xvfb screen for the main window (no window manager to maximize it).
    mw().setGeometry(QApplication.primaryScreen().availableGeometry())
    check("the sample project is open", zones_layer() is not None, QgsProject.instance().fileName(), required=True)
    ids = register_task_ids()
    check("the register copy holds 89 tasks", len(ids) == 89, "%d tasks in %s" % (len(ids), DB), required=True)

    step("plugin_loaded")
    yield Wait("the plugin's menu in the menu bar", lambda: len(plugin_menus()) > 0, 30,
               lambda: "QGIS's log about the plugin: %s" % (
                   [l for l in message_log_lines() if PLUGIN.lower() in l.lower() or "resolution" in l.lower()][-5:]
                   or "nothing (is [Plugins] %s=true set, is the module in searchPathsForPlugins?)" % PLUGIN))
    menus = plugin_menus()
    check("one plugin menu (no duplicate)", len(menus) == 1, [m.title() for m in menus])
    expected_title = TS.get(LANG, {}).get(MENU_SOURCE, MENU_SOURCE)
    check("the menu title is in the UI language (%s)" % LANG, menus[0].title() == expected_title,
          "shown \"%s\", expected \"%s\"" % (menus[0].title(), expected_title))
    actions_before = menu_action_texts(menus[0])
    check("the menu has actions", len(actions_before) > 0, actions_before)
    check("no duplicate menu actions", len(actions_before) == len(set(actions_before)), actions_before)
    buttons_before = toolbar_actions()
    note("toolbar buttons: %s" % buttons_before)
    note("menu actions: %s" % actions_before)

    step("dock")
    yield Wait("the dock RtTaskDock", lambda: len(docks()) > 0, 20)
    check("one RtTaskDock", len(docks()) == 1, len(docks()))
    dock = docks()[0]
    if not dock.isVisible():
        note("the dock was hidden at start; shown through its toggle action")
        dock.toggleViewAction().trigger()
        yield Wait("the dock visible", lambda: dock.isVisible(), 10)
    tree = child(dock, QTreeView, "RtTaskTree")
    table = child(dock, QTableView, "RtTaskTable")
    search = child(dock, QLineEdit, "RtTaskSearch")
    check("the dock has the task tree RtTaskTree", tree is not None, required=False)
    check("the dock has the task table RtTaskTable", table is not None, required=True)
    for name in ("RtFilterStatus", "RtFilterCategory", "RtFilterResponsible", "RtFilterPlace", "RtFilterOverdue",
                 "RtAsOfDate", "RtTaskDetails", "RtTaskHistory", "RtChangeStatusButton"):
        check("the dock has %s" % name, child(dock, QWidget, name) is not None)
    check("the dock has the search box RtTaskSearch", search is not None)

    yield Wait("the task table lists the register's 89 tasks", lambda: view_model_count(table) == 89, 30)
    listed = ids_in([s for _, ss, _ in model_rows(table.model()) for s in ss], ids)
    check("every task id of the register is in the table", listed == ids,
          "missing: %s" % sorted(ids - listed)[:10])
    if tree is not None:
        yield Wait("the task tree lists the tasks", lambda: len(ids_in(
            [s for _, ss, _ in model_rows(tree.model()) for s in ss], ids)) == 89, 30)
        tree_rows = model_rows(tree.model())
        tree_ids = ids_in([s for _, ss, _ in tree_rows for s in ss], ids)
        check("every task id of the register is in the tree", tree_ids == ids, "missing: %s" % sorted(ids - tree_ids)[:10])
        note("tree: %d nodes, %d leaves" % (len(tree_rows), sum(1 for r in tree_rows if r[2])))
    as_of = child(dock, QWidget, "RtAsOfDate")
    if isinstance(as_of, QDateTimeEdit):
        check("the as-of date starts at today", as_of.date() == QDate.currentDate(), as_of.date().toString(Qt.ISODate))

    step("search")
    if search is not None:
        search.setFocus()
        QTest.keyClicks(search, "QHPK-A3")
        yield Wait("the search narrows the table to the A3 plan",
                   lambda: 0 < view_model_count(table) < 89 and row_of(table, TASK_A3)[0] is not None, 10)
        note("search \"QHPK-A3\": %d rows" % view_model_count(table))

    step("select_task")
    yield Wait("%s in the table" % TASK_A3, lambda: row_of(table, TASK_A3)[0] is not None, 10)
    select_row(table, TASK_A3)
    details = child(dock, QWidget, "RtTaskDetails")
    yield Wait("the details show %s" % TASK_A3,
               lambda: TASK_A3 in widget_text(details) or "quy hoạch phân khu A3" in widget_text(details)
               or "zoning sub-plan A3" in widget_text(details), 10)
    history_view = child(dock, QAbstractItemView, "RtTaskHistory")
    history_rows_before = view_model_count(history_view) if history_view is not None else -1
    check("the history of %s shows its recorded status" % TASK_A3, history_rows_before >= 1, history_rows_before)
    before = zone_state()
    note("zone %s before: %s=%s %s" % (ZONE, before["field"], before["status"], before["rgb"]))
    before["image"].save(os.path.join(ARTIFACTS, "e2e-zone-A3-before.png"))
    check("zone A3 starts in progress", before["status"] == "in_progress", before["status"])
    check("zone A3 is drawn in the in-progress colour",
          same_rgb(before["rgb"], rgb(category_color(zones_layer(), "in_progress"))),
          "%s vs %s" % (before["rgb"], rgb(category_color(zones_layer(), "in_progress"))))

    refreshes = canvas_refreshes[0]
    yield from change_status(dock, table, TASK_A3, "done", NOTE_1, EVIDENCE_1, "in_progress")
    if history_view is not None:
        yield Wait("the history table shows the new entry", lambda: view_model_count(history_view) == history_rows_before + 1, 10)
    yield Wait("the table shows %s as done" % TASK_A3,
               lambda: any(s.strip().lower() in STATUS_LABELS["done"] for s in (row_of(table, TASK_A3)[1] or [])), 10)

    # Zone A3 is linked to its own plan CM-QHPK-A3 and to the broad directive DT-05-i1 (no
    # report). A place is coloured by its concrete commitments, by directives only where no
    # commitment names it (README): A3 turns done at once.
    step("map_after_first_change")
    yield Wait("zone A3 recoloured done", lambda: zone_state()["status"] == "done", 15)
    after = zone_state()
    after["image"].save(os.path.join(ARTIFACTS, "e2e-zone-A3-after.png"))
    done_rgb = rgb(category_color(zones_layer(), "done"))
    in_progress_rgb = rgb(category_color(zones_layer(), "in_progress"))
    check("zone A3 is done (its own plan done; the directive does not colour it)", after["status"] == "done", after["status"])
    check("zone A3 is drawn in the done colour", same_rgb(after["rgb"], done_rgb), "%s vs %s" % (after["rgb"], done_rgb))
    check("zone A3's colour changed", not same_rgb(after["rgb"], before["rgb"]), "%s -> %s" % (before["rgb"], after["rgb"]))
    yield Wait("the map canvas redrawn after the change", lambda: canvas_refreshes[0] > refreshes and not canvas.isDrawing(), 20)
    note("zone %s after: %s %s; canvas redrawn %d times" % (ZONE, after["status"], after["rgb"], canvas_refreshes[0] - refreshes))

    # The user's setting: directive items colour places too. A3 then counts the open directive.
    step("directives_setting")
    directives = [a for a in mw().findChildren(QAction, "RtWithDirectives")]
    check("the menu has the setting Directive Items Colour Places Too", len(directives) >= 1, len(directives))
    if directives:
        toggle = directives[-1]
        check("the setting starts off", not toggle.isChecked(), toggle.isChecked())
        toggle.trigger()
        yield Wait("zone A3 in progress with the directives", lambda: zone_state()["status"] == "in_progress", 15)
        with_directives = zone_state()
        check("zone A3 is drawn in the in-progress colour with the directives", same_rgb(with_directives["rgb"], in_progress_rgb),
              "%s vs %s" % (with_directives["rgb"], in_progress_rgb))
        toggle.trigger()
        yield Wait("zone A3 done again without them", lambda: zone_state()["status"] == "done", 15)
        check("the setting is off again", not toggle.isChecked(), toggle.isChecked())

    step("second_change")
    if search is not None:
        search.clear()
        QTest.keyClicks(search, TASK_DIRECTIVE)
        yield Wait("the search finds %s" % TASK_DIRECTIVE, lambda: row_of(table, TASK_DIRECTIVE)[0] is not None, 10)
    select_row(table, TASK_DIRECTIVE)
    yield Wait("the details show %s" % TASK_DIRECTIVE, lambda: TASK_DIRECTIVE in widget_text(details)
               or "Quy hoạch đi trước" in widget_text(details) or "Planning first" in widget_text(details), 10)
    yield from change_status(dock, table, TASK_DIRECTIVE, "done", NOTE_2, EVIDENCE_2, "no_report")

    step("map_recoloured")
    yield Wait("the table shows %s as done" % TASK_DIRECTIVE,
               lambda: any(s.strip().lower() in STATUS_LABELS["done"] for s in (row_of(table, TASK_DIRECTIVE)[1] or [])), 10)
    last = zone_state()
    check("zone A3 stays done (both of its tasks done)", last["status"] == "done", last["status"])
    check("zone A3 is still drawn in the done colour", same_rgb(last["rgb"], done_rgb), "%s vs %s" % (last["rgb"], done_rgb))

    step("filters")
    if search is not None:
        search.clear()
        yield Wait("the table lists all tasks again", lambda: view_model_count(table) == 89, 10)
    clear_button = child(dock, QAbstractButton, "RtClearFilters")

    def reset_filters():
        if clear_button is not None:
            click(clear_button)
        return Wait("the table lists all tasks again", lambda: view_model_count(table) == 89, 10,
                    lambda: view_model_count(table))

    def table_ids():
        return ids_in([s for _, ss, _ in model_rows(table.model()) for s in ss], ids)

    status_filter = as_own_class(child(dock, QComboBox, "RtFilterStatus"))
    if status_filter is not None:
        i = combo_index(status_filter, "done", STATUS_LABELS["done"])
        check("the status filter offers done", i >= 0, [status_filter.itemText(k) for k in range(status_filter.count())])
        if i >= 0:
            first = status_filter.currentIndex()
            note("status filter: %s, item %d \"%s\"" % (type(status_filter).__name__, i, status_filter.itemText(i)))
            # As a user does: open the list, click the item (a QgsCheckableComboBox ticks it), close the list.
            status_filter.showPopup()
            popup = status_filter.view()
            yield Wait("the status list open", lambda: popup.isVisible(), 5)
            popup.scrollTo(status_filter.model().index(i, 0))
            click(popup.viewport(), popup.visualRect(status_filter.model().index(i, 0)).center())
            for _ in range(3):
                if popup.isVisible():
                    status_filter.hidePopup()
            yield Wait("the status list closed", lambda: not popup.isVisible(), 5)
            yield Wait("the status filter shows the two done tasks", lambda: view_model_count(table) == 2, 10,
                       lambda: "%d rows, checked %s" % (view_model_count(table), getattr(status_filter, "checkedItems", list)()))
            check("the done filter shows exactly the tasks set done", table_ids() == {TASK_A3, TASK_DIRECTIVE},
                  sorted(table_ids()))
            if clear_button is None:
                if hasattr(status_filter, "setItemCheckState"):
                    status_filter.setItemCheckState(i, Qt.Unchecked)
                else:
                    status_filter.setCurrentIndex(first)
                yield Wait("the filter cleared", lambda: True, 1)
            yield reset_filters()
    else:
        note("RtFilterStatus is not a combo box: not exercised")
    overdue_box = child(dock, QAbstractButton, "RtFilterOverdue")
    if overdue_box is not None:
        # The CLI's overdue tasks as of today, from the same register: the plugin must agree.
        done = subprocess.run([RESTRACK, "summary", "--db", DB, "--as-of", TODAY.isoformat(), "--json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=30)
        expected = {t["id"] for t in json.loads(done.stdout)["overdue"]} if done.returncode == 0 else None
        check("restrack summary --json gives the overdue tasks", expected is not None, done.stderr)
        click(overdue_box)
        yield Wait("the overdue filter shows restrack's %d overdue tasks" % len(expected or ()),
                   lambda: table_ids() == expected, 10, lambda: sorted(table_ids() ^ expected))
        note("overdue as of %s: %d tasks" % (TODAY.isoformat(), len(expected)))
        if clear_button is None:
            click(overdue_box)
        yield reset_filters()

    step("translation")
    shown = visible_ui_texts(dock) + actions_before + dialog_texts
    missing = untranslated(shown)
    check("the dock and menu show no untranslated text (%s)" % LANG, not missing, missing[:10])

    step("screenshot")
    select_row(table, TASK_A3)
    yield Wait("the canvas idle", lambda: not canvas.isDrawing(), 20)
    # Zoom out (as a user would) so zone A3 shows among its neighbours, and close the messages.
    extent = zones_layer().extent()
    extent.scale(1.6)
    canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(zones_layer(), extent))
    canvas.refresh()
    iface.messageBar().clearWidgets()
    for layer in QgsProject.instance().mapLayers().values():
        if hasattr(layer, "removeSelection"):
            layer.removeSelection()  # "Deselect features from all layers": the status colours show
    yield Wait("the canvas idle", lambda: not canvas.isDrawing(), 20)
    yield Wait("the canvas still (the plugin's flash of the selected feature over)", canvas_still(canvas), 10)
    grab(canvas, "e2e-canvas.png")
    shot = grab(mw(), "e2e-screenshot.png")
    check("screenshot written", os.path.getsize(shot) > 10000, shot)

    yield from unload_and_reload(ids, buttons_before)


def change_status(dock, table, task_id, status, note_text, evidence, old_status):
    step("status_dialog_%s" % task_id)
    button = child(dock, QAbstractButton, "RtChangeStatusButton")
    check("the button RtChangeStatusButton exists", button is not None, required=True)
    yield Wait("RtChangeStatusButton enabled for the selected task", lambda: button.isEnabled(), 10)
    history_before = history_json(task_id)
    click_later(button)
    yield Wait("the dialog RtStatusDialog open", lambda: visible_dialog("RtStatusDialog") is not None, 10)
    dialog = visible_dialog("RtStatusDialog")
    combo = dialog.findChild(QComboBox, "RtStatusCombo")
    date = dialog.findChild(QWidget, "RtStatusDate")
    by = dialog.findChild(QWidget, "RtStatusBy")
    note_w = dialog.findChild(QWidget, "RtStatusNote")
    evidence_w = dialog.findChild(QWidget, "RtStatusEvidence")
    for name, w in (("RtStatusCombo", combo), ("RtStatusDate", date), ("RtStatusBy", by), ("RtStatusNote", note_w),
                    ("RtStatusEvidence", evidence_w)):
        check("the dialog has %s" % name, w is not None, required=True)
    grab(dialog, "e2e-status-dialog-%s-empty.png" % task_id)

    i = combo_index(combo, status, STATUS_LABELS[status])
    check("the status list offers %s" % status, i >= 0, [combo.itemText(k) for k in range(combo.count())], required=True)
    combo.setFocus()
    combo.setCurrentIndex(i)
    if isinstance(date, QDateTimeEdit) or isinstance(date, QDateEdit):
        if date.date() != QDate.currentDate():
            note("the status date started at %s; set to today" % date.date().toString(Qt.ISODate))
            date.setDate(QDate.currentDate())
    else:
        note("RtStatusDate is %s: left as it is" % type(date).__name__)
    for name, w, text in (("by", by, BY), ("note", note_w, note_text), ("evidence", evidence_w, evidence)):
        check("typed the %s (input method commit)" % name, type_text(w, text), widget_text(text_entry(w)))
    grab(dialog, "e2e-status-dialog-%s-filled.png" % task_id)
    dialog_texts.extend(visible_ui_texts(dialog))
    ok = ok_button(dialog)
    check("the dialog has an OK button", ok is not None, required=True)
    yield Wait("the OK button enabled", lambda: ok.isEnabled(), 5)
    click(ok)
    yield Wait("the dialog closed", lambda: sip.isdeleted(dialog) or not dialog.isVisible(), 10)

    step("store_%s" % task_id)
    history = history_json(task_id)
    check("one new history entry for %s" % task_id, len(history) == len(history_before) + 1,
          "%d -> %d" % (len(history_before), len(history)), required=True)
    last = history[-1]
    check("new status %s" % status, last.get("new_status") == status, last)
    check("old status %s" % old_status, last.get("old_status") == old_status, last.get("old_status"))
    check("recorded by", last.get("by") == BY, last.get("by"))
    check("note", last.get("note") == note_text, last.get("note"))
    check("evidence", last.get("evidence") == evidence, last.get("evidence"))
    check("dated today", last.get("date") == TODAY.isoformat(), last.get("date"))


def plugin_manager():
    return mw().findChild(QDialog, "QgsPluginManagerBase")


def plugin_item():
    pm = plugin_manager()
    view = pm.findChild(QListView, "vwPlugins") if pm is not None else None
    if view is None:
        return None
    model = view.model().sourceModel() if hasattr(view.model(), "sourceModel") else view.model()
    for r in range(model.rowCount()):
        item = model.item(r)
        for role in range(Qt.UserRole, Qt.UserRole + 16):
            if item.data(role) == "cpp:" + PLUGIN:
                return item
    return None


def unload_and_reload(ids, buttons_before):
    step("unload")
    layers_before = set(QgsProject.instance().mapLayers().keys())
    QTimer.singleShot(0, lambda: iface.pluginManagerInterface().showPluginManager(0))
    yield Wait("the Plugin Manager open", lambda: plugin_manager() is not None and plugin_manager().isVisible(), 20)
    yield Wait("the plugin listed in the Plugin Manager", lambda: plugin_item() is not None, 20)
    item = plugin_item()
    check("the Plugin Manager shows the plugin enabled", item.checkState() == Qt.Checked, item.checkState())
    item.setCheckState(Qt.Unchecked)  # what clicking its check box does
    yield Wait("the plugin's menu, toolbar buttons and dock gone",
               lambda: not plugin_menus() and not docks() and not toolbar_actions(), 15,
               lambda: "menus %s, docks %d, buttons %s" % ([m.title() for m in plugin_menus()], len(docks()), toolbar_actions()))
    check("the project's layers are untouched by the unload",
          set(QgsProject.instance().mapLayers().keys()) == layers_before)

    step("reload")
    item = plugin_item()
    item.setCheckState(Qt.Checked)
    yield Wait("the plugin's menu back", lambda: len(plugin_menus()) > 0, 15)
    pm = plugin_manager()
    box = pm.findChild(QDialogButtonBox)
    close = box.button(QDialogButtonBox.Close) if box is not None else None
    if close is not None:
        click(close)
    else:
        pm.reject()
    yield Wait("the Plugin Manager closed", lambda: not plugin_manager().isVisible(), 10)
    menus = plugin_menus()
    check("after reload: exactly one plugin menu", len(menus) == 1, [m.title() for m in menus])
    texts = menu_action_texts(menus[0]) if menus else []
    check("after reload: no duplicate menu actions", len(texts) == len(set(texts)), texts)
    yield Wait("after reload: the dock back", lambda: len(docks()) > 0, 15)
    check("after reload: exactly one RtTaskDock", len(docks()) == 1, len(docks()))
    check("after reload: the same toolbar buttons, once each", toolbar_actions() == buttons_before,
          "%s, before %s" % (toolbar_actions(), buttons_before))
    names = [f.name() for f in zones_layer().fields()]
    check("after reload: no duplicate fields on the bound layer", len(names) == len(set(names)), names)
    dock = docks()[0]
    if not dock.isVisible():
        dock.toggleViewAction().trigger()
    table = child(dock, QTableView, "RtTaskTable")
    yield Wait("after reload: the table lists the 89 tasks", lambda: table is not None and view_model_count(table) == 89, 30)
    yield Wait("after reload: the table still shows %s done" % TASK_A3,
               lambda: any(s.strip().lower() in STATUS_LABELS["done"] for s in (row_of(table, TASK_A3)[1] or [])), 10)
    check("after reload: zone A3 still done", zone_state()["status"] == "done")
    grab(mw(), "e2e-after-reload.png")


# ---------------------------------------------------------------- the live scenario (run_e2e.sh --live-pg)
# The register on a PostgreSQL server (RT_E2E_PG, a service name; the cluster in
# RT_E2E_PG_CLUSTER is this run's own, RT_E2E_PG_SCRIPT halts and resumes it). The plugin is
# opened on it through its menu, another desk changes a task through the CLI, the server is
# stopped and started again. Measured: from the other desk's change (the CLI's exit: its
# commit sent the NOTIFY) to zone A3 rendered in the new colour, and to the message-bar line.
PG = ENV.get("RT_E2E_PG", "")
PG_CLUSTER = ENV.get("RT_E2E_PG_CLUSTER", "")
PG_SCRIPT = ENV.get("RT_E2E_PG_SCRIPT", "")
OTHER_DESK = "Phòng Tài chính – Kế hoạch (bàn khác)"
OTHER_DESK_2 = "Ban Quản lý dự án (bàn thứ ba)"
SANITY_BOUND_S = 5.0  # the issue asks for "within a second"; this only catches a change never heard


def tr_pattern(source):
    """A regular expression for a plugin message as shown in the UI language (%1… match anything)."""
    shown = TS.get(LANG, {}).get(source, source)
    return re.compile(".*".join(re.escape(part) for part in re.split(r"%\d", shown)), re.S)


def bar_lines_since(t0, pattern=None, words=()):
    """The message-bar lines pushed after t0 that match pattern and hold every word (case folded)."""
    out = []
    for at, level, text in bar_lines:
        if at < t0:
            continue
        if pattern is not None and not pattern.search(text):
            continue
        if all(w.lower() in text.lower() for w in words):
            out.append((at, level, text))
    return out


def canvas_colours(layer, code, steps=12):
    """{rgb: count} of the map canvas's pixels at a grid of points inside the zone."""
    canvas = iface.mapCanvas()
    geometry = zone_feature(layer, code).geometry()
    box = geometry.boundingBox()
    image = canvas.grab().toImage()
    settings = canvas.mapSettings()
    counts = {}
    for i in range(1, steps):
        for j in range(1, steps):
            x = box.xMinimum() + box.width() * i / steps
            y = box.yMinimum() + box.height() * j / steps
            if not geometry.contains(QgsPointXY(x, y)):
                continue
            px = settings.mapToPixel().transform(settings.layerToMapCoordinates(layer, QgsPointXY(x, y)))
            if 0 <= px.x() < image.width() and 0 <= px.y() < image.height():
                c = image.pixelColor(int(px.x()), int(px.y()))
                counts[(c.red(), c.green(), c.blue())] = counts.get((c.red(), c.green(), c.blue()), 0) + 1
    return counts


def shows_status(table, task_id, status):
    return any(s.strip().lower() in STATUS_LABELS[status] for s in (row_of(table, task_id)[1] or []))


def other_desk_sets(task_id, status, by, expect):
    """Another desk: the restrack CLI, its own process and connection, on the same server."""
    return subprocess.Popen([RESTRACK, "set-status", "--db", PG, task_id, status, "--by", by, "--expect", expect],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)


def cluster(action):
    done = subprocess.run([PG_SCRIPT, action, PG_CLUSTER], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=90)
    check("pg-test-cluster.sh %s" % action, done.returncode == 0, done.stderr.strip(), required=True)


def remote_change(label, table, history_view, task_id, status, old_status, by, delays):
    """Another desk changes task_id; waits for this desk's panel, map and message bar; records the delays."""
    step("remote_change_%s" % label)
    rows_before = view_model_count(history_view) if history_view is not None else -1
    refreshes = canvas_refreshes[0]
    wanted = rgb(category_color(zones_layer(), status))
    check("the layer has a colour for %s" % status, wanted is not None, required=True)
    t_start = time.monotonic()
    desk = other_desk_sets(task_id, status, by, old_status)
    seen = {}

    def recoloured():
        # The colour drawn (the plugin's renderer, at once) and the status field (the live
        # virtual field, for the attribute table and labels: it follows half a second later).
        zone = zone_state()
        now = time.monotonic()
        if "recoloured" not in seen and same_rgb(zone["rgb"], wanted):
            seen["recoloured"] = now
        if "field" not in seen and zone["status"] == status:
            seen["field"] = now
        if "panel" not in seen and shows_status(table, task_id, status):
            seen["panel"] = now
        if "exit" not in seen and desk.poll() is not None:
            seen["exit"] = now
            if desk.returncode != 0:  # shown as the wait's last error
                raise Failed("restrack set-status exited with %d: %s" % (desk.returncode, desk.stderr.read().strip()))
        return len(seen) == 4
    yield Wait("zone %s drawn %s and the table showing it after another desk's change" % (ZONE, status), recoloured, 15,
               lambda: "zone %s %s (wanted %s); the CLI %s" % (zone_state()["status"], zone_state()["rgb"], wanted,
                                                              "running" if desk.poll() is None else "exited"))
    out, err = desk.communicate(timeout=10)
    check("the other desk's restrack set-status succeeded", desk.returncode == 0, (err or out).strip(), required=True)
    check("the table shows %s as %s" % (task_id, status), shows_status(table, task_id, status), row_of(table, task_id)[1])
    if history_view is not None and rows_before >= 0:
        yield Wait("the history of %s shows the other desk's entry" % task_id,
                   lambda: view_model_count(history_view) == rows_before + 1, 10,
                   lambda: "%d rows, %d before" % (view_model_count(history_view), rows_before))
    changed = tr_pattern("%1 changed %2: %3 → %4")
    yield Wait("a message-bar line naming who changed what",
               lambda: bar_lines_since(t_start, changed, (by, task_id)), 10,
               lambda: [t for _, _, t in bar_lines_since(t_start)])
    at, level, text = bar_lines_since(t_start, changed, (by, task_id))[0]
    check("the line names the new status", any(l in text.lower() for l in STATUS_LABELS[status]), text)
    check("the line is information, not a warning", level == 0, level)
    after = zone_state()
    after["image"].save(os.path.join(ARTIFACTS, "e2e-live-zone-A3-%s.png" % label))
    check("zone %s's status field is %s" % (ZONE, status), after["status"] == status, after["status"])
    check("zone %s is drawn in the %s colour" % (ZONE, status), same_rgb(after["rgb"], wanted), "%s vs %s" % (after["rgb"], wanted))
    yield Wait("the map canvas redrawn after the change",
               lambda: canvas_refreshes[0] > refreshes and not iface.mapCanvas().isDrawing(), 15)
    # The canvas itself, as the user sees it: without the selection's yellow (the plugin selects
    # the task's features), zone A3 mostly in the new colour (labels and a smaller zone on top).
    zones_layer().removeSelection()
    yield Wait("the canvas redrawn without the selection", canvas_still(iface.mapCanvas()), 15)
    counts = canvas_colours(zones_layer(), ZONE)
    common = max(counts, key=counts.get) if counts else None
    check("zone %s on the canvas is drawn in the %s colour" % (ZONE, status), same_rgb(common, wanted),
          "most common of %d samples %s, wanted %s; %s" % (sum(counts.values()), common, wanted,
                                                          sorted(counts.items(), key=lambda kv: -kv[1])[:4]))
    grab(iface.mapCanvas(), "e2e-live-canvas-%s.png" % label)
    grab(mw(), "e2e-live-%s.png" % label)
    delay = {
        "change": "%s %s -> %s by %s" % (task_id, old_status, status, by),
        "cli_run_s": round(seen["exit"] - t_start, 3),
        "recoloured_after_cli_exit_s": round(seen["recoloured"] - seen["exit"], 3),
        "recoloured_after_cli_start_s": round(seen["recoloured"] - t_start, 3),
        "status_field_after_cli_exit_s": round(seen["field"] - seen["exit"], 3),
        "message_bar_after_cli_exit_s": round(at - seen["exit"], 3),
        "table_after_cli_exit_s": round(seen["panel"] - seen["exit"], 3),
    }
    delays.append(delay)
    note("measured %s: zone %s drawn in the new colour %.0f ms after the other desk's CLI exited (%.0f ms after "
         "it started, the CLI itself ran %.0f ms); message-bar line %.0f ms, table %.0f ms, status field %.0f ms after its exit "
         "(polled: a render every tick of 50 ms)" % (
             label, ZONE, 1000 * delay["recoloured_after_cli_exit_s"], 1000 * delay["recoloured_after_cli_start_s"],
             1000 * delay["cli_run_s"], 1000 * delay["message_bar_after_cli_exit_s"],
             1000 * delay["table_after_cli_exit_s"], 1000 * delay["status_field_after_cli_exit_s"]))
    # A sanity bound only (the requirement is a second, the bench measures it): a change
    # heard late because of a poll or a reconnect would show here.
    check("recoloured within %.0f s of the other desk's change" % SANITY_BOUND_S,
          seen["recoloured"] - seen["exit"] < SANITY_BOUND_S, delay)


def live_pg_scenario():
    canvas = iface.mapCanvas()
    delays = []
    state["live_delays"] = delays

    step("qgis_started")
    check("run_e2e.sh --live-pg gave the server and its cluster", PG and PG_CLUSTER and PG_SCRIPT,
          "RT_E2E_PG=%r RT_E2E_PG_CLUSTER=%r" % (PG, PG_CLUSTER), required=True)
    yield Wait("QGIS main window shown and the project's layers loaded",
               lambda: mw().isVisible() and len(QgsProject.instance().mapLayers()) > 0, 60)
    yield Wait("the map canvas finished drawing", lambda: not canvas.isDrawing(), 60)
    mw().setGeometry(QApplication.primaryScreen().availableGeometry())
    check("the sample project is open", zones_layer() is not None, QgsProject.instance().fileName(), required=True)

    step("plugin_loaded")
    yield Wait("the plugin's menu in the menu bar", lambda: len(plugin_menus()) > 0, 30)
    yield Wait("the dock RtTaskDock", lambda: len(docks()) > 0, 20)
    dock = docks()[0]
    if not dock.isVisible():
        dock.toggleViewAction().trigger()
        yield Wait("the dock visible", lambda: dock.isVisible(), 10)
    table = child(dock, QTableView, "RtTaskTable")
    check("the dock has the task table RtTaskTable", table is not None, required=True)

    # As a user does: Resolution Tracker ▸ Open a Register on a Server…, the connection typed.
    step("open_server_register")
    actions = [a for a in mw().findChildren(QAction, "RtOpenServerRegister")]
    check("the menu has Open a Register on a Server…", len(actions) >= 1, required=True)
    t_open = time.monotonic()
    QTimer.singleShot(0, actions[-1].trigger)  # exec() of the dialog would block here
    yield Wait("the dialog RtServerDialog open", lambda: any(
        w.isVisible() and w.metaObject().className() == "RtServerDialog" for w in QApplication.topLevelWidgets()), 10)
    dialog = [w for w in QApplication.topLevelWidgets()
              if w.isVisible() and w.metaObject().className() == "RtServerDialog"][0]
    entries = [e for e in dialog.findChildren(QLineEdit) if e.placeholderText().startswith("service=")]
    check("the dialog has the connection field", len(entries) == 1, [e.placeholderText() for e in dialog.findChildren(QLineEdit)],
          required=True)
    check("typed the connection %s" % PG, type_text(entries[0], PG), entries[0].text())
    grab(dialog, "e2e-live-server-dialog.png")
    box = dialog.findChild(QDialogButtonBox)
    open_button = box.button(QDialogButtonBox.Open) if box is not None else None
    check("the dialog has an Open button", open_button is not None, required=True)
    click(open_button)
    yield Wait("the server dialog closed (the register opened)", lambda: sip.isdeleted(dialog) or not dialog.isVisible(), 30,
               lambda: [l.text() for l in dialog.findChildren(QLabel) if l.text()][-1:])
    opened = tr_pattern("Register on %1 opened; the project remembers the connection (no password).")
    yield Wait("the message bar says the register on the server is open", lambda: bar_lines_since(t_open, opened), 10,
               lambda: [t for _, _, t in bar_lines_since(t_open)])
    entry = QgsProject.instance().readEntry("ResolutionTracker", "/registerPath")[0]
    check("the project remembers the server connection (no password)", entry == PG, entry)
    yield Wait("the table lists the server register's 89 tasks", lambda: view_model_count(table) == 89, 30,
               lambda: view_model_count(table))

    step("select_task")
    select_row(table, TASK_A3)
    history_view = child(dock, QAbstractItemView, "RtTaskHistory")
    details = child(dock, QWidget, "RtTaskDetails")
    yield Wait("the details show %s" % TASK_A3,
               lambda: TASK_A3 in widget_text(details) or "quy hoạch phân khu A3" in widget_text(details)
               or "zoning sub-plan A3" in widget_text(details), 10)
    yield Wait("the table shows %s in progress" % TASK_A3, lambda: shows_status(table, TASK_A3, "in_progress"), 10)
    before = zone_state()
    before["image"].save(os.path.join(ARTIFACTS, "e2e-live-zone-A3-before.png"))
    check("zone A3 starts in progress", before["status"] == "in_progress", before["status"])
    check("zone A3 is drawn in the in-progress colour",
          same_rgb(before["rgb"], rgb(category_color(zones_layer(), "in_progress"))),
          "%s vs %s" % (before["rgb"], rgb(category_color(zones_layer(), "in_progress"))))
    yield Wait("the canvas idle", lambda: not canvas.isDrawing(), 20)

    yield from remote_change("1", table, history_view, TASK_A3, "done", "in_progress", OTHER_DESK, delays)

    # The server goes away: the plugin says so and keeps showing what it read.
    step("server_stopped")
    t_stop = time.monotonic()
    cluster("halt")
    unreachable = tr_pattern("The register server is unreachable; showing the state read at %1; reconnecting…")
    yield Wait("the message bar says the server is unreachable", lambda: bar_lines_since(t_stop, unreachable), 30,
               lambda: [t for _, _, t in bar_lines_since(t_stop)])
    at, level, text = bar_lines_since(t_stop, unreachable)[0]
    note("the plugin said the server was unreachable %.0f ms after pg_ctl stop -m fast returned: %s" % (
        1000 * (at - t_stop), text))
    check("the unreachable line is a warning", level == 1, level)
    grab(mw(), "e2e-live-server-stopped.png")
    check("the table still lists the 89 tasks", view_model_count(table) == 89, view_model_count(table))
    check("the table still shows %s done (the last state read)" % TASK_A3, shows_status(table, TASK_A3, "done"),
          row_of(table, TASK_A3)[1])
    kept = zone_state()
    check("zone A3 is still drawn in the done colour", same_rgb(kept["rgb"], rgb(category_color(zones_layer(), "done"))),
          kept["rgb"])
    # Some seconds without the server: the state shown stays, nothing is reported as an error.
    t_hold = time.monotonic()
    yield Wait("three seconds without the server", lambda: time.monotonic() - t_hold > 3, 10)
    check("after 3 s without the server: still 89 tasks, %s done" % TASK_A3,
          view_model_count(table) == 89 and shows_status(table, TASK_A3, "done"))

    step("server_restarted")
    t_resume = time.monotonic()
    cluster("resume")
    # A change made at once, before the plugin's next try (its listener retries on QGIS's event
    # loop, which waits here for the CLI): no notice is heard for it, it must show all the same
    # (the plugin reads everything again when it reconnects).
    meanwhile = other_desk_sets(TASK_DIRECTIVE, "in_progress", OTHER_DESK, "no_report")
    out, err = meanwhile.communicate(timeout=30)
    check("the other desk's change right after the restart succeeded", meanwhile.returncode == 0, (err or out).strip())
    back = tr_pattern("The register server is reachable again; the tasks were read again.")
    yield Wait("the message bar says the server is reachable again", lambda: bar_lines_since(t_resume, back), 30,
               lambda: [t for _, _, t in bar_lines_since(t_resume)])
    note("reconnected %.1f s after the server was started again (the plugin retries 0.5 s, 1 s, 2 s … at most 10 s apart)"
         % (bar_lines_since(t_resume, back)[0][0] - t_resume))
    check("the unreachable line is gone from the message bar",
          not any(unreachable.search(i.text() or "") for i in iface.messageBar().items()),
          [i.text() for i in iface.messageBar().items()])
    yield Wait("the table lists the 89 tasks after the reconnection", lambda: view_model_count(table) == 89, 10)
    yield Wait("the table shows %s in progress, changed while the plugin was reconnecting" % TASK_DIRECTIVE,
               lambda: shows_status(table, TASK_DIRECTIVE, "in_progress"), 10,
               lambda: row_of(table, TASK_DIRECTIVE)[1])

    yield from remote_change("2-after-reconnect", table, history_view, TASK_A3, "in_progress", "done", OTHER_DESK_2, delays)

    step("delays")
    with open(os.path.join(ARTIFACTS, "e2e-live-delays.json"), "w", encoding="utf-8") as f:
        json.dump(delays, f, ensure_ascii=False, indent=1)
    check("two changes measured", len(delays) == 2, delays)


# ---------------------------------------------------------------- the driver
class Driver:
    def __init__(self, generator):
        self.generator = generator
        self.waiting = None
        self.last_error = None
        self.busy = False
        self.done = False
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.tick)

    def start(self):
        self.timer.start()

    def tick(self):
        if self.busy or self.done:
            return
        self.busy = True
        try:
            watch_message_boxes()
            if time.monotonic() - started > TOTAL_TIMEOUT:
                raise Timeout("the whole run took more than %.0f s" % TOTAL_TIMEOUT)
            if self.waiting is not None:
                wait, deadline = self.waiting
                try:
                    ready = wait.condition()
                except Exception as e:  # noqa: BLE001 - a condition that throws is not met yet
                    ready = False
                    self.last_error = "%s: %s" % (type(e).__name__, e)
                if not ready:
                    if time.monotonic() > deadline:
                        seen = ""
                        if wait.actual is not None:
                            try:
                                seen = "; seen: %s" % (wait.actual(),)
                            except Exception as e:  # noqa: BLE001
                                seen = "; seen: (%s)" % e
                        raise Timeout("waited %.0f s for %s%s%s" % (wait.timeout, wait.what, seen,
                                      (" (last error: %s)" % self.last_error) if self.last_error else ""))
                    return
                self.waiting = None
                self.last_error = None
            request = next(self.generator)
            self.waiting = (request, time.monotonic() + request.timeout)
        except StopIteration:
            self.finish()
        except Failed as e:
            note("stopped: %s" % e)
            self.finish()
        except Timeout as e:
            state["failures"].append("%s: %s" % (state["step"], e))
            self.finish()
        except Exception:  # noqa: BLE001
            state["failures"].append("%s: error in the test script: %s" % (state["step"], traceback.format_exc()))
            self.finish()
        finally:
            self.busy = False

    def finish(self):
        if self.done:
            return
        self.done = True
        self.timer.stop()
        if state["failures"]:
            grab(mw(), "e2e-failure.png")
        try:
            with open(os.path.join(ARTIFACTS, "qgis-message-log.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(message_log_lines() + state["qgis_messages"]) + "\n")
        except Exception as e:  # noqa: BLE001
            note("could not write the message log: %s" % e)
        state["timings"][state["step"]] = round(time.monotonic() - started, 1)
        state["project_layers"] = ["%s [%s] %s" % (l.name(), l.providerType(), l.source()[:120])
                                   for l in QgsProject.instance().mapLayers().values()]
        state["finished"] = True
        state["ok"] = not state["failures"]
        save()
        QTimer.singleShot(0, quit_qgis)


def close_modal_windows():
    """Closes what a modal window is open (a failed step may leave one; QGIS may ask at exit)."""
    modal = QApplication.activeModalWidget()
    if modal is not None:
        text = modal.text() if isinstance(modal, QMessageBox) else ""
        state["exit_dialogs"] = state.get("exit_dialogs", []) + ["%s \"%s\" %s" % (
            type(modal).__name__, modal.windowTitle(), text)]
        grab(modal, "e2e-exit-dialog.png")
        save()
        if isinstance(modal, QMessageBox) and modal.button(QMessageBox.Discard) is not None:
            modal.button(QMessageBox.Discard).click()
        elif isinstance(modal, QMessageBox) and modal.button(QMessageBox.Yes) is not None:
            modal.button(QMessageBox.Yes).click()  # "close anyway"
        elif hasattr(modal, "reject"):
            modal.reject()
        else:
            modal.close()


exit_watch = QTimer()


def quit_qgis():
    # QGIS did not quit within 30 s: leave; the shell reports a non-zero exit code.
    exit_timer = QTimer(QApplication.instance())
    exit_timer.setSingleShot(True)
    exit_timer.timeout.connect(lambda: os._exit(3))
    exit_timer.start(30000)
    exit_watch.setInterval(200)
    exit_watch.timeout.connect(close_modal_windows)
    exit_watch.start()
    close_modal_windows()
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


try:
    os.makedirs(ARTIFACTS, exist_ok=True)
    save()
    QgsApplication.messageLog().messageReceived.connect(on_log)
    iface.messageBar().widgetAdded.connect(on_bar_item)
    driver = Driver(live_pg_scenario() if ENV.get("RT_E2E_SCENARIO") == "live_pg" else scenario())
    QTimer.singleShot(0, driver.start)
except Exception:  # noqa: BLE001
    state["failures"].append("the test script could not start: %s" % traceback.format_exc())
    state["finished"] = True
    save()
    QTimer.singleShot(0, quit_qgis)
