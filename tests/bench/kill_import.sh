#!/usr/bin/env bash
# Kills `restrack import-report` at random moments (SIGKILL, as a crash or a power cut would)
# and checks after each kill that the register opens and holds either every row of the
# office's form or none of them — never a part.
#
#   tests/bench/kill_import.sh RESTRACK REGISTER.gpkg [KILLS]
#
# Works on a copy of REGISTER.gpkg in a temporary folder: all 89 tasks are assigned to one
# office, a form of those tasks is made and filled (a note on each row), then imported and
# killed after a random 0–350 ms; a form whose import went through is made again.
set -euo pipefail
restrack=${1:?usage: $0 RESTRACK REGISTER.gpkg [KILLS]}
source_register=${2:?usage: $0 RESTRACK REGISTER.gpkg [KILLS]}
kills=${3:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/register.gpkg"
cp "$source_register" "$db"
office="Văn phòng HĐND và UBND"
for id in $(sqlite3 "$db" "SELECT task_id FROM rt_tasks"); do
  "$restrack" assign --db "$db" "$id" --office "$office" --by "UBND" >/dev/null
done
rows() { sqlite3 "$db" "SELECT count(*) FROM rt_status_history"; }
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
form_rows=$(make_form)
all=0 none=0 partial=0 broken=0
for ((k = 1; k <= kills; k++)); do
  before=$(rows)
  "$restrack" import-report --db "$db" "$work/filled.csv" --by "Văn phòng" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 350)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! "$restrack" summary --db "$db" >/dev/null 2>&1; then broken=$((broken + 1)); fi
  after=$(rows)
  case $((after - before)) in
    0) none=$((none + 1)) ;;
    "$form_rows") all=$((all + 1)); form_rows=$(make_form) ;;
    *) partial=$((partial + 1)); echo "kill $k: $((after - before)) of $form_rows rows recorded" >&2 ;;
  esac
done
echo "kills: $kills; form rows: $form_rows; imports recorded whole: $all; recorded nothing: $none; recorded in part: $partial; register unreadable after: $broken"
[ "$partial" -eq 0 ] && [ "$broken" -eq 0 ]
