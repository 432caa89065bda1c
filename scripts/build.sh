#!/usr/bin/env bash
# Configures and builds one configuration: full (QGIS, its Qt) or core-qt6 (no QGIS, Qt 6).
# usage: scripts/build.sh full|core-qt6
set -euo pipefail
cd "$(dirname "$0")/.."
config=${1:-full}
case "$config" in
  full)     options=(-DRT_WITH_QGIS=ON) ;;
  core-qt6) options=(-DRT_WITH_QGIS=OFF -DRT_QT_MAJOR=6) ;;
  *) echo "usage: $0 full|core-qt6" >&2; exit 2 ;;
esac
# ccache, when the machine has it, shares compiled objects between checkouts (not required).
if command -v ccache >/dev/null; then
  options+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$PWD")}" CCACHE_NOHASHDIR=true
fi
cmake -S . -B "build/$config" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${options[@]}" >/dev/null
cmake --build "build/$config" -j "$(nproc)"
