#!/usr/bin/env bash
# Kills on a PostgreSQL register (issue 9), as kill_import.sh does on a GeoPackage:
#  1. KILLS clients killed (SIGKILL) at a random moment of their run (0-110 % of an
#     uninterrupted run's time): odd ones `restrack import-report`
#     of an office's 89-row form, even ones `restrack set-status` of one task (with a note).
#     After each, once the server has no session of the killed client left, the history
#     holds the whole change or none of it; the task's current status is its last history
#     row's new status.
#  2. STOPS times the server stopped with `pg_ctl stop -m immediate` a random 0-200 ms after
#     an import-report's transaction opened on it, then started again: the import is whole or absent, never a part;
#     what the client printed (its exit code, its first line with digits blanked) is counted.
#
#   tests/bench/kill_pg.sh RESTRACK REGISTER.gpkg [KILLS] [STOPS]
#
# Starts a throw-away cluster (scripts/pg-test-cluster.sh) and stops it. Exit 1 on a change
# recorded in part or a register that cannot be read after.
set -euo pipefail
usage="usage: $0 RESTRACK REGISTER.gpkg [KILLS] [STOPS]"
restrack=${1:?$usage}
source_register=${2:?$usage}
kills=${3:-300}
stops=${4:-40}
here=$(cd "$(dirname "$0")/../.." && pwd)
cluster=$(mktemp -d /tmp/rt-pg-kill.XXXXXX)
work=$(mktemp -d)
trap '"$here/scripts/pg-test-cluster.sh" stop "$cluster"; rm -rf "$work"' EXIT
"$here/scripts/pg-test-cluster.sh" start "$cluster"
# shellcheck disable=SC1091
. "$cluster/env.sh"
export PGPASSWORD=$RT_TEST_PG_PASSWORD
db=$RT_TEST_PG
if [ "$(id -u)" -eq 0 ]; then runas=(runuser -u postgres --); else runas=(); fi
pg_ctl=(/usr/lib/postgresql/15/bin/pg_ctl -D "$cluster/data")

# The office gets every task on a GeoPackage copy, which is then pushed to the server.
cp "$source_register" "$work/register.gpkg"
office="Văn phòng HĐND và UBND"
for id in $(sqlite3 "$work/register.gpkg" "SELECT task_id FROM rt_tasks"); do
  "$restrack" assign --db "$work/register.gpkg" "$id" --office "$office" --by "UBND" >/dev/null
done
"$restrack" push --from "$work/register.gpkg" --db "$db" >/dev/null

q() { psql -X -A -t -h "$RT_TEST_PG_HOST" -p "$RT_TEST_PG_PORT" -U "$RT_TEST_PG_SUPERUSER" -d rt_test -c "$1"; }
rows() { q "SELECT count(*) FROM restrack.rt_status_history"; }
# Every task's current status is its last history row's (tasks with a history).
mismatched() {
  q "SELECT count(*) FROM restrack.rt_tasks t JOIN LATERAL (SELECT new_status FROM restrack.rt_status_history h
     WHERE h.task_id = t.task_id ORDER BY seq DESC LIMIT 1) last ON true WHERE last.new_status <> t.status"
}
# Waits until the server holds no session of another client (a killed client's is rolled back or committed).
settle() {
  for _ in $(seq 100); do
    [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = 'rt_test' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")" = 0 ] && return
    sleep 0.05
  done
  echo "a killed client's session is still on the server after 5 s" >&2
}
make_form() {
  rm -f "$work/form.csv"
  "$restrack" report-form --db "$db" --office "$office" --out "$work/form.csv" >/dev/null
  python3 - "$work/form.csv" "$work/filled.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
note = [i for i, h in enumerate(rows[0]) if h.endswith('[note]')][0]
for r in rows[2:]:
    r[note] = 'Báo cáo kỳ họp'
csv.writer(open(sys.argv[2], 'w', encoding='utf-8-sig', newline='')).writerows(rows)
print(len(rows) - 2)
PY
}

# How long each client takes when not killed (one run each, recorded like any other change):
# the kills fall at random within that time, so that they land before, during and after the
# transaction whatever the machine's load.
ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(ms); "$restrack" set-status --db "$db" CM-QHPK-A3 blocked --by "Bàn 0" --note "timed" >/dev/null; status_ms=$(( $(ms) - t0 ))
form_rows=$(make_form)
t0=$(ms); "$restrack" import-report --db "$db" "$work/filled.csv" --by "Văn phòng" >/dev/null; import_ms=$(( $(ms) - t0 ))
form_rows=$(make_form)
echo "uninterrupted: set-status ${status_ms} ms, import-report of $form_rows rows ${import_ms} ms"
pause() { sleep "$(awk -v r="$RANDOM" -v m="$1" 'BEGIN { printf "%.3f", r / 32768 * m * 1.1 / 1000 }')"; }
declare -A whole=( [import]=0 [status]=0 ) none=( [import]=0 [status]=0 )
partial=0 broken=0 status_flip=0
for ((k = 1; k <= kills; k++)); do
  before=$(rows)
  if (( k % 2 )); then
    kind=import expected=$form_rows window=$import_ms
    "$restrack" import-report --db "$db" "$work/filled.csv" --by "Văn phòng" >/dev/null 2>&1 &
  else
    kind=status expected=1 window=$status_ms
    if (( k % 4 )); then status=blocked; else status=in_progress; fi
    "$restrack" set-status --db "$db" CM-QHPK-A3 "$status" --by "Bàn $k" --note "kill $k" >/dev/null 2>&1 &
  fi
  pid=$!
  pause "$window"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  settle
  if ! "$restrack" summary --db "$db" >/dev/null 2>&1; then broken=$((broken + 1)); fi
  after=$(rows)
  case $((after - before)) in
    0) none[$kind]=$((none[$kind] + 1)) ;;
    "$expected") whole[$kind]=$((whole[$kind] + 1)); form_rows=$(make_form) ;;
    *) partial=$((partial + 1)); echo "kill $k ($kind): $((after - before)) of $expected rows recorded" >&2 ;;
  esac
  [ "$(mismatched)" = 0 ] || { status_flip=$((status_flip + 1)); echo "kill $k ($kind): a task's status differs from its last history row" >&2; }
done
echo "client kills: $kills; import-report ($form_rows rows): whole ${whole[import]}, nothing ${none[import]}; set-status: whole ${whole[status]}, nothing ${none[status]}; recorded in part: $partial; status not its last history row: $status_flip; register unreadable after: $broken"

# 2. The server stopped at once (as a crash would) during an import.
server_start() {
  "${runas[@]}" "${pg_ctl[@]}" -l "$cluster/server.log" -w -t 60 \
    -o "-p $RT_TEST_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$cluster -c fsync=on" start >/dev/null
}
stop_whole=0 stop_none=0 stop_partial=0 stop_broken=0
: > "$work/printed"
for ((s = 1; s <= stops; s++)); do
  before=$(rows)
  rc=0
  "$restrack" import-report --db "$db" "$work/filled.csv" --by "Văn phòng" >/dev/null 2>"$work/err" &
  pid=$!
  # Once the import's transaction is open on the server, a random 0-200 ms more.
  for _ in $(seq 200); do
    [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = 'rt_test' AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND backend_type = 'client backend'")" != 0 ] && break
    kill -0 "$pid" 2>/dev/null || break
  done
  pause 180
  "${runas[@]}" "${pg_ctl[@]}" -m immediate -w stop >/dev/null
  wait "$pid" || rc=$?
  server_start
  if ! "$restrack" summary --db "$db" >/dev/null 2>&1; then stop_broken=$((stop_broken + 1)); fi
  after=$(rows)
  case $((after - before)) in
    0) outcome=nothing; stop_none=$((stop_none + 1)) ;;
    "$form_rows") outcome=whole; stop_whole=$((stop_whole + 1)); form_rows=$(make_form) ;;
    *) outcome=partial; stop_partial=$((stop_partial + 1)); echo "stop $s: $((after - before)) of $form_rows rows recorded" >&2 ;;
  esac
  # The client's first line, digits blanked so that like messages count together.
  echo "$outcome, exit $rc: $(head -1 "$work/err" | sed 's/[0-9]\+/N/g' | cut -c1-160)" >> "$work/printed"
  grep -q "$RT_TEST_PG_PASSWORD" "$work/err" && echo "stop $s: the client printed the password" >&2
done
echo "server stops: $stops; imports recorded whole: $stop_whole; recorded nothing: $stop_none; recorded in part: $stop_partial; register unreadable after: $stop_broken"
echo "what the client printed (count, outcome, exit code, first line):"
sort "$work/printed" | uniq -c | sort -rn
[ "$partial" -eq 0 ] && [ "$broken" -eq 0 ] && [ "$status_flip" -eq 0 ] && [ "$stop_partial" -eq 0 ] && [ "$stop_broken" -eq 0 ]
