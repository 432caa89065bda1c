#!/usr/bin/env bash
# Resolution Tracker end to end: real QGIS desktop under Xvfb with the built plugin.
#
#   run_e2e.sh --plugin BUILD/plugin/libresolutiontrackerplugin.so --restrack BUILD/cli/restrack \
#              --source-dir SRC --work-dir BUILD/tests/e2e [--lang vi|en] [--timeout SECONDS] [--live-pg]
#
# 1. a throw-away QGIS profile under WORK/run/profiles/default: the plugin's folder in
#    [plugins] searchPathsForPlugins, [Plugins] libresolutiontrackerplugin=true, the UI language;
# 2. copies of data/mongcai-layers.gpkg and data/mongcai.qgs, and a register built there by
#    `restrack build-register` (RESTRACK_DB points at it: the source tree and the bundled
#    register are never written);
# 3. `qgis --profiles-path WORK/run --code e2e_inside_qgis.py mongcai.qgs` on an Xvfb that
#    picks a free display itself (-displayfd), in its own process group, killed as a whole
#    on timeout;
# 4. the verdict from WORK/artifacts/e2e-result.json (written by the script inside QGIS):
#    exit 0 only if every check passed and QGIS quit cleanly.
# With --live-pg, the register is on a throw-away PostgreSQL cluster of this run's own
# (scripts/pg-test-cluster.sh; the shared ctest fixture "pg" must not be stopped under other
# tests): `restrack db init` + `restrack push` of the register built in 2., reached as
# service=rt_e2e (a pg_service.conf and a pgpass file in WORK/run: no password in the project
# or on a command line). The scenario inside QGIS is then the live one (live_pg_scenario in
# e2e_inside_qgis.py): the plugin opened on the server, another desk's changes through the
# CLI, the server stopped and started again. The cluster is stopped and removed at the end.
# Artifacts kept in WORK/artifacts: e2e-screenshot.png (the main window after the status
# changes), e2e-canvas.png, e2e-after-reload.png, the status dialog, zone A3 before/after,
# qgis.log, e2e-result.json. With --live-pg: e2e-live-delays.json (the measured delays, also
# printed), the server dialog, the main window and the canvas after each change and with the
# server stopped, zone A3 rendered before and after each change.
set -uo pipefail

die() { echo "e2e: $*" >&2; exit 2; }
PLUGIN='' RESTRACK='' SRC='' WORK='' LANG_UI=vi TIMEOUT=200 LIVE_PG=0
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) PLUGIN=$2; shift 2 ;;
    --restrack) RESTRACK=$2; shift 2 ;;
    --source-dir) SRC=$2; shift 2 ;;
    --work-dir) WORK=$2; shift 2 ;;
    --lang) LANG_UI=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --live-pg) LIVE_PG=1; shift ;;
    *) die "unknown argument $1" ;;
  esac
done
[ -f "$PLUGIN" ] || die "plugin module not found: '$PLUGIN' (build the target resolutiontrackerplugin)"
[ -x "$RESTRACK" ] || die "restrack not found: '$RESTRACK'"
[ -f "$SRC/data/mongcai.qgs" ] || die "not a source tree: '$SRC'"
[ -n "$WORK" ] || die "--work-dir is required"
for tool in qgis Xvfb python3 setsid; do
  command -v "$tool" >/dev/null || die "$tool is not installed (scripts/install-deps.sh installs it)"
done
case "$LANG_UI" in vi|en) ;; *) die "--lang vi|en" ;; esac

PLUGIN=$(readlink -f "$PLUGIN")
RESTRACK=$(readlink -f "$RESTRACK")
SRC=$(readlink -f "$SRC")
mkdir -p "$WORK"
WORK=$(readlink -f "$WORK")
RUN="$WORK/run"
ART="$WORK/artifacts"
rm -rf "$RUN" "$ART"
mkdir -p "$RUN/data" "$RUN/profiles/default/QGIS" "$RUN/xdg/runtime" "$ART"
chmod 700 "$RUN/xdg/runtime"
RESULT="$ART/e2e-result.json"
LOG="$ART/qgis.log"
PLUGIN_BASE=$(basename "$PLUGIN" .so)

# The profile. QGIS loads C++ plugins from searchPathsForPlugins, and only those set true in [Plugins].
cat > "$RUN/profiles/default/QGIS/QGIS3.ini" <<EOF
[plugins]
searchPathsForPlugins=$(dirname "$PLUGIN")

[Plugins]
$PLUGIN_BASE=true

[locale]
overrideFlag=true
userLocale=$LANG_UI

[app]
askToSaveMemoryLayers=false
plugin_installer\\checkOnStart=false
plugin_installer\\checkOnStartInterval=0

[qgis]
checkVersion=false
EOF

# The data: copies, and a register built from the curated sources.
cp "$SRC/data/mongcai-layers.gpkg" "$SRC/data/mongcai.qgs" "$RUN/data/"
export RESTRACK_DB="$RUN/data/mongcai-172-e2e.gpkg"
"$RESTRACK" build-register --out "$RESTRACK_DB" \
    --register "$SRC/data/mongcai-172-register.json" --text "$SRC/data/NQ-172-HDND-2023-MongCai.txt" \
  || die "restrack build-register failed"

export RT_E2E_SCENARIO=desk
if [ "$LIVE_PG" = 1 ]; then
  # Our own cluster: the test stops and starts its server, which the shared fixture must not see.
  PG_CLUSTER=$(mktemp -d /tmp/rt-pg-e2e.XXXXXX)
  trap '"$SRC/scripts/pg-test-cluster.sh" stop "$PG_CLUSTER"' EXIT
  "$SRC/scripts/pg-test-cluster.sh" start "$PG_CLUSTER" || die "the PostgreSQL test cluster did not start"
  # shellcheck disable=SC1091
  . "$PG_CLUSTER/env.sh"
  printf '[rt_e2e]\nhost=%s\nport=%s\ndbname=rt_test\nuser=%s\nconnect_timeout=5\n' \
    "$RT_TEST_PG_HOST" "$RT_TEST_PG_PORT" "$RT_TEST_PG_SUPERUSER" > "$RUN/pg_service.conf"
  ( umask 077; printf '%s:%s:rt_test:%s:%s\n' "$RT_TEST_PG_HOST" "$RT_TEST_PG_PORT" "$RT_TEST_PG_SUPERUSER" \
      "$RT_TEST_PG_PASSWORD" > "$RUN/pgpass" )
  unset RT_TEST_PG RT_TEST_PG_PASSWORD
  export PGSERVICEFILE="$RUN/pg_service.conf" PGPASSFILE="$RUN/pgpass"
  "$RESTRACK" db init --db service=rt_e2e || die "restrack db init failed"
  "$RESTRACK" push --from "$RESTRACK_DB" --db service=rt_e2e || die "restrack push failed"
  export RT_E2E_SCENARIO=live_pg RT_E2E_PG=service=rt_e2e RT_E2E_PG_CLUSTER="$PG_CLUSTER"
  export RT_E2E_PG_SCRIPT="$SRC/scripts/pg-test-cluster.sh"
fi

export RT_E2E_RESULT="$RESULT" RT_E2E_ARTIFACTS="$ART" RT_E2E_RESTRACK="$RESTRACK" RT_E2E_SOURCE_DIR="$SRC"
export RT_E2E_PLUGIN="$PLUGIN_BASE" RT_E2E_LANG="$LANG_UI" RT_E2E_TIMEOUT=$((TIMEOUT - 40))
# Keep QGIS away from the user's own folders and session.
export XDG_RUNTIME_DIR="$RUN/xdg/runtime" XDG_CONFIG_HOME="$RUN/xdg/config" XDG_CACHE_HOME="$RUN/xdg/cache"
export XDG_DATA_HOME="$RUN/xdg/data" QT_QPA_PLATFORM=xcb LC_ALL=C.UTF-8 LANG=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY SESSION_MANAGER

start=$(date +%s)
# Xvfb picks a free display itself (-displayfd: no race with other X servers or parallel
# runs) and says which once it accepts clients; QGIS then runs on it. Both run in their own
# process group (setsid), so a timeout or ctest's kill takes them down together.
export RUN ART LOG
# shellcheck disable=SC2016  # expanded by the inner bash, from the exported variables
setsid bash -c '
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$RUN/display" >"$ART/xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 200); do
    [ -s "$RUN/display" ] && break
    kill -0 "$xvfb" 2>/dev/null || { echo "e2e: Xvfb did not start (see $ART/xvfb.log)" >&2; exit 90; }
    sleep 0.05
  done
  [ -s "$RUN/display" ] || { echo "e2e: Xvfb gave no display within 10 s" >&2; exit 91; }
  export DISPLAY=":$(head -n1 "$RUN/display")"
  qgis --profiles-path "$RUN" --nologo --noversioncheck \
       --code "$RT_E2E_SOURCE_DIR/tests/e2e/e2e_inside_qgis.py" "$RUN/data/mongcai.qgs" >"$LOG" 2>&1 </dev/null
  rc=$?
  kill "$xvfb" 2>/dev/null
  wait "$xvfb" 2>/dev/null
  exit "$rc"
' &
pgid=$!
cleanup() { kill -TERM -- "-$pgid" 2>/dev/null; sleep 2; kill -KILL -- "-$pgid" 2>/dev/null; }
trap 'cleanup; exit 3' TERM INT HUP  # exit also runs the EXIT trap (the cluster stopped)
rc=
while [ -z "$rc" ]; do
  if ! kill -0 "$pgid" 2>/dev/null; then
    wait "$pgid"; rc=$?
  elif [ $(( $(date +%s) - start )) -ge "$TIMEOUT" ]; then
    echo "e2e: QGIS still running after ${TIMEOUT}s: killed" >&2
    cleanup; wait "$pgid" 2>/dev/null; rc=124
  else
    sleep 0.5
  fi
done
kill -TERM -- "-$pgid" 2>/dev/null  # whatever is left of the group
elapsed=$(( $(date +%s) - start ))

python3 - "$RESULT" "$rc" "$elapsed" "$LOG" <<'EOF'
import json, sys
result, rc, elapsed, log = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def tail():
    try:
        lines = open(log, errors="replace").read().splitlines()
    except OSError:
        return "(no log)"
    return "\n".join("    " + l for l in lines[-40:])
try:
    r = json.load(open(result, encoding="utf-8"))
except (OSError, ValueError) as e:
    print("e2e: FAILED: no result from inside QGIS (%s); QGIS exited with %d after %ss. Last lines of %s:\n%s"
          % (e, rc, elapsed, log, tail()))
    sys.exit(1)
passed = sum(1 for c in r["checks"] if c["ok"])
print("e2e: %d/%d checks passed in %ss (QGIS exit code %d); last step: %s" % (passed, len(r["checks"]), elapsed, rc, r["step"]))
for n in r.get("notes", []):
    print("  note: " + n)
for s in r.get("screenshots", []):
    print("  screenshot: " + s)
failures = list(r.get("failures", []))
for d in r.get("exit_dialogs", []):
    failures.append("a window was open when the test quit QGIS, or QGIS asked something at exit: " + d)
if not r.get("finished"):
    failures.append("QGIS stopped before the test finished (crash or kill) in step %s" % r["step"])
if rc != 0:
    failures.append("QGIS exited with code %d (%s)" % (rc, "killed on timeout" if rc == 124 else "crash?"))
if failures:
    print("e2e: FAILED:")
    for f in failures:
        print("  - " + f)
    if rc != 0 or not r.get("finished"):
        print("  last lines of %s:\n%s" % (log, tail()))
    sys.exit(1)
print("e2e: PASSED (language %s)" % r.get("language"))
EOF
