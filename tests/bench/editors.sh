#!/usr/bin/env bash
# Many desks, one register (issue 9): EDITORS desks make CHANGES `restrack set-status` each at
# once, on a PostgreSQL or a GeoPackage register, in four cells:
#   same task / own task   all desks change one task (CM-QHPK-A3), or each desk its own task
#   --expect no / yes      blind changes, or each change names the status the desk last read
#                          (its own last save, or the status a stale refusal named); a stale
#                          refusal is then a correct outcome, not a loss
# Each cell starts from a fresh copy of the register. After it, the history is checked:
#   missing  changes reported saved (exit 0) without their history row (lost updates)
#   extra    history rows of changes reported refused (a refusal that wrote)
#   breaks   rows whose old status is not the previous row's new one (per task)
#
#   tests/bench/editors.sh RESTRACK REGISTER.gpkg pg|gpkg [EDITORS] [CHANGES]
#
# Prints one Markdown table row per cell. On pg a throw-away cluster is started
# (scripts/pg-test-cluster.sh) and stopped. Exit 1 if any cell has a missing or extra row or
# a chain break.
set -euo pipefail
usage="usage: $0 RESTRACK REGISTER.gpkg pg|gpkg [EDITORS] [CHANGES]"
restrack=${1:?$usage}
register=${2:?$usage}
backend=${3:?$usage}
editors=${4:-10}
changes=${5:-100}
case "$backend" in pg|gpkg) ;; *) echo "$usage" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
cluster=
cleanup() {
  [ -n "$cluster" ] && "$here/scripts/pg-test-cluster.sh" stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
if [ "$backend" = pg ]; then
  cluster=$(mktemp -d /tmp/rt-pg-bench.XXXXXX)
  "$here/scripts/pg-test-cluster.sh" start "$cluster"
  # shellcheck disable=SC1091
  . "$cluster/env.sh"
  export PGPASSWORD=$RT_TEST_PG_PASSWORD
fi

same_task=CM-QHPK-A3
mapfile -t own_tasks < <(sqlite3 "$register" "SELECT task_id FROM rt_tasks ORDER BY ordinal LIMIT $editors")
[ "${#own_tasks[@]}" -eq "$editors" ] || { echo "$0: the register has fewer than $editors tasks" >&2; exit 1; }

# q LOCATION SQL: the rows of a query on the cell's register, one a line.
q() {
  if [ "$backend" = pg ]; then
    psql -X -A -t -q -h "$RT_TEST_PG_HOST" -p "$RT_TEST_PG_PORT" -U "$RT_TEST_PG_SUPERUSER" -d "${1##*/}" \
      -c "SET search_path TO restrack" -c "$2"
  else
    sqlite3 -cmd ".timeout 10000" "$1" "$2"
  fi
}

# fresh NAME: a new register for a cell, its location printed.
fresh() {
  if [ "$backend" = pg ]; then
    psql -X -q -h "$RT_TEST_PG_HOST" -p "$RT_TEST_PG_PORT" -U "$RT_TEST_PG_SUPERUSER" -d postgres \
      -c "CREATE DATABASE $1 TEMPLATE rt_test" >/dev/null
    local uri="${RT_TEST_PG%/rt_test}/$1"
    "$restrack" push --from "$register" --db "$uri" >/dev/null
    echo "$uri"
  else
    cp "$register" "$work/$1.gpkg"
    echo "$work/$1.gpkg"
  fi
}

# desk E TASK LOCATION EXPECT CELL: CHANGES set-status of TASK; files saved-E, stale-E, busy-E, other-E.
desk() {
  local e=$1 task=$2 location=$3 expect=$4 cell=$5 read status note rc c
  read=$(q "$location" "SELECT status FROM rt_tasks WHERE task_id = '$task'")
  for ((c = 1; c <= changes; c++)); do
    note="$cell desk $e change $c"
    local extra=()
    if [ "$expect" = yes ]; then
      if [ "$read" = in_progress ]; then status=blocked; else status=in_progress; fi
      extra=(--expect "$read")
    elif (( (e + c) % 2 )); then status=in_progress; else status=blocked; fi
    rc=0
    "$restrack" set-status --db "$location" "$task" "$status" --by "Bàn $e" --note "$note" "${extra[@]}" \
      >/dev/null 2>"$work/err-$e" || rc=$?
    case $rc in
      0) echo "$note" >> "$work/$cell/saved-$e"; read=$status ;;
      3) echo "$note" >> "$work/$cell/stale-$e"
         read=$(sed -n "s/.*its status is now '\([a-z_]*\)'.*/\1/p" "$work/err-$e" | head -1) ;;
      4) echo "$note" >> "$work/$cell/busy-$e" ;;
      *) echo "$note: exit $rc: $(head -1 "$work/err-$e")" >> "$work/$cell/other-$e" ;;
    esac
  done
}

lines() { find "$work/$1" -name "$2" -exec cat {} + | wc -l; }
failed=0
echo "| backend | tasks | --expect | saved | refused stale | refused busy | other | saved but missing | refused but recorded | chain breaks | elapsed s | saved/s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for tasks in same own; do
  for expect in no yes; do
    cell="c_${tasks}_${expect}"
    mkdir -p "$work/$cell"
    location=$(fresh "$cell")
    start=$(date +%s%N)
    for ((e = 1; e <= editors; e++)); do
      if [ "$tasks" = same ]; then task=$same_task; else task=${own_tasks[e - 1]}; fi
      desk "$e" "$task" "$location" "$expect" "$cell" &
    done
    wait
    elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    saved=$(lines "$cell" 'saved-*')
    # What the history holds of this cell's notes, against what the desks were told.
    q "$location" "SELECT note FROM rt_status_history WHERE note LIKE '$cell desk %'" | sort > "$work/$cell.recorded"
    find "$work/$cell" -name 'saved-*' -exec cat {} + | sort > "$work/$cell.saved"
    missing=$(comm -23 "$work/$cell.saved" "$work/$cell.recorded" | wc -l)
    extra=$(comm -13 "$work/$cell.saved" "$work/$cell.recorded" | wc -l)
    breaks=$(q "$location" "SELECT count(*) FROM (SELECT old_status, lag(new_status) OVER (PARTITION BY task_id ORDER BY seq) AS previous
                            FROM rt_status_history) h WHERE previous IS NOT NULL AND old_status IS DISTINCT FROM previous")
    other=$(lines "$cell" 'other-*')
    [ "$other" -gt 0 ] && find "$work/$cell" -name 'other-*' -exec cat {} + | head -3 >&2
    awk -v b="$backend" -v t="$tasks" -v x="$expect" -v s="$saved" -v st="$(lines "$cell" 'stale-*')" -v bu="$(lines "$cell" 'busy-*')" \
        -v o="$other" -v m="$missing" -v r="$extra" -v br="$breaks" -v ms="$elapsed_ms" \
        'BEGIN { printf "| %s | %s | %s | %d | %d | %d | %d | %d | %d | %d | %.1f | %.1f |\n", b, t, x, s, st, bu, o, m, r, br, ms / 1000, s * 1000 / ms }'
    if [ "$missing" -ne 0 ] || [ "$extra" -ne 0 ] || [ "$breaks" -ne 0 ]; then failed=1; fi
  done
done
exit "$failed"
