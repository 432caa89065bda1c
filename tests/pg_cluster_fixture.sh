#!/usr/bin/env bash
# ctest's fixture "pg": a throw-away PostgreSQL + PostGIS cluster for the tests of the
# PostgreSQL backend (scripts/pg-test-cluster.sh), started before them and stopped after.
#
#   tests/pg_cluster_fixture.sh start STATE_DIR   # STATE_DIR/env.sh: RT_TEST_PG and friends
#   tests/pg_cluster_fixture.sh stop STATE_DIR
#
# The cluster itself lives in a folder of its own under /tmp (the server runs as an
# unprivileged user who must be able to read it); STATE_DIR (in the build tree) records
# where, so that `stop` finds it, and a cluster left by a killed run is stopped first.
set -euo pipefail
action=${1:-}
state=${2:-}
[ -n "$action" ] && [ -n "$state" ] || { echo "usage: $0 start|stop STATE_DIR" >&2; exit 2; }
cluster_script="$(cd "$(dirname "$0")/.." && pwd)/scripts/pg-test-cluster.sh"

stop_recorded() {
  if [ -f "$state/cluster_dir" ]; then
    "$cluster_script" stop "$(cat "$state/cluster_dir")" || true
    rm -f "$state/cluster_dir"
  fi
  rm -f "$state/env.sh"
}

case "$action" in
  start)
    mkdir -p "$state"
    stop_recorded
    cluster=$(mktemp -d /tmp/rt-pg.XXXXXX)
    echo "$cluster" > "$state/cluster_dir"
    "$cluster_script" start "$cluster"
    cp "$cluster/env.sh" "$state/env.sh"
    echo "PostgreSQL test cluster started in $cluster (env: $state/env.sh)"
    ;;
  stop)
    stop_recorded
    echo "PostgreSQL test cluster stopped"
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2; exit 2 ;;
esac
