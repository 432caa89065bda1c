#!/usr/bin/env bash
# The whole test suite: both configurations (full: QGIS + its Qt 5; core-qt6: the core
# on Qt 6 without QGIS), each built and run by ctest. Installs missing packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
status=0
for config in full core-qt6; do
  echo "=== configuration: $config"
  scripts/build.sh "$config"
  (cd "build/$config" && ctest --output-on-failure -j "$(nproc)") || status=1
done
exit $status
