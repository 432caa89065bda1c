#!/usr/bin/env bash
# How long after another desk's change this desk's map shows it, on a throw-away PostgreSQL
# cluster (scripts/pg-test-cluster.sh): runs rt_live_bench and stops the cluster.
#
#   tests/bench/live_pg.sh BUILD_DIR [CHANGES] [REPORT.md]
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR [CHANGES] [REPORT.md]}
changes=${2:-30}
report=${3:-}
here=$(cd "$(dirname "$0")/../.." && pwd)
cluster=$(mktemp -d /tmp/rt-pg-live.XXXXXX)
trap '"$here/scripts/pg-test-cluster.sh" stop "$cluster"' EXIT
"$here/scripts/pg-test-cluster.sh" start "$cluster"
# shellcheck disable=SC1091
. "$cluster/env.sh"
"$build/tests/bench/rt_live_bench" --db "$RT_TEST_PG" --changes "$changes" ${report:+--report "$report"}
