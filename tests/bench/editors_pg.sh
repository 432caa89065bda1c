#!/usr/bin/env bash
# Ten desks change the same task of one PostgreSQL register at once, through `restrack
# set-status`, and the history is checked: every change reported as saved (exit 0) has its
# history row, and the chain holds (each row's old status is the previous row's new one).
#
#   tests/bench/editors_pg.sh RESTRACK REGISTER.gpkg [EDITORS] [CHANGES]
#
# Starts a throw-away cluster (scripts/pg-test-cluster.sh), pushes the register, runs the
# desks, prints the counts, stops the cluster. Exit 1 if a saved change is missing or the
# chain breaks.
set -euo pipefail
restrack=${1:?usage: $0 RESTRACK REGISTER.gpkg [EDITORS] [CHANGES]}
register=${2:?usage: $0 RESTRACK REGISTER.gpkg [EDITORS] [CHANGES]}
editors=${3:-10}
changes=${4:-30}
here=$(cd "$(dirname "$0")/../.." && pwd)
cluster=$(mktemp -d /tmp/rt-pg-bench.XXXXXX)
work=$(mktemp -d)
trap '"$here/scripts/pg-test-cluster.sh" stop "$cluster"; rm -rf "$work"' EXIT
"$here/scripts/pg-test-cluster.sh" start "$cluster"
# shellcheck disable=SC1091
. "$cluster/env.sh"
"$restrack" push --from "$register" --db "$RT_TEST_PG" >/dev/null
task=CM-QHPK-A3
start=$(date +%s%N)
for ((e = 1; e <= editors; e++)); do
  (
    for ((c = 1; c <= changes; c++)); do
      if (( (e + c) % 2 )); then status=in_progress; else status=blocked; fi
      if "$restrack" set-status --db "$RT_TEST_PG" "$task" "$status" --by "Bàn $e" --note "desk $e change $c" >/dev/null 2>"$work/err-$e-$c"; then
        echo "desk $e change $c" >> "$work/saved-$e"
      else
        echo "$(cat "$work/err-$e-$c")" >> "$work/refused-$e"
      fi
    done
  ) &
done
wait
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
seconds=$((elapsed_ms / 1000)).$(printf '%03d' $((elapsed_ms % 1000)))
count_lines() { find "$work" -name "$1" -exec cat {} + | wc -l; }
saved=$(count_lines 'saved-*')
refused=$(count_lines 'refused-*')
export PGPASSWORD=$RT_TEST_PG_PASSWORD
q() { psql -X -A -t -h "$RT_TEST_PG_HOST" -p "$RT_TEST_PG_PORT" -U "$RT_TEST_PG_SUPERUSER" -d rt_test -c "$1"; }
missing=0
while read -r line; do
  [ "$(q "SELECT count(*) FROM restrack.rt_status_history WHERE task_id = '$task' AND note = '$line'")" = 1 ] || missing=$((missing + 1))
done < <(find "$work" -name 'saved-*' -exec cat {} +)
breaks=$(q "SELECT count(*) FROM (SELECT old_status, lag(new_status) OVER (ORDER BY seq) AS previous FROM restrack.rt_status_history WHERE task_id = '$task') h WHERE previous IS NOT NULL AND old_status IS DISTINCT FROM previous")
echo "editors: $editors x $changes changes of one task in ${seconds}s; saved: $saved; refused (busy): $refused; saved but missing from the history: $missing; history chain breaks: $breaks"
[ "$missing" -eq 0 ] && [ "$breaks" -eq 0 ]
