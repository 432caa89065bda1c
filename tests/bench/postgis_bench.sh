#!/usr/bin/env bash
# The aggregated status of 1,000,000 parcels in PostGIS: the server's query against the
# client's join, and the plugin's binding on a "postgres" layer (rt_postgis_bench).
#
#   tests/bench/postgis_bench.sh RT_POSTGIS_BENCH [--parcels N] [--runs R] [--report FILE.md]
#
# Starts a throw-away cluster (scripts/pg-test-cluster.sh), runs the program on it with
# --db, stops the cluster. The program's exit status is the script's (1: a check failed).
set -euo pipefail
bench=${1:?usage: $0 RT_POSTGIS_BENCH [--parcels N] [--runs R] [--report FILE.md]}
shift
here=$(cd "$(dirname "$0")/../.." && pwd)
cluster=$(mktemp -d /tmp/rt-pg-bench.XXXXXX)
trap '"$here/scripts/pg-test-cluster.sh" stop "$cluster"' EXIT
"$here/scripts/pg-test-cluster.sh" start "$cluster"
# shellcheck disable=SC1091
. "$cluster/env.sh"
"$bench" --db "$RT_TEST_PG" "$@"
