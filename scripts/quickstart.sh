#!/usr/bin/env bash
# Quick start on a fresh Debian 12: installs what is needed, builds everything, and
# prints the register of resolution 172/NQ-HĐND (Móng Cái) from the bundled data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh full
echo
build/full/cli/restrack summary --db build/full/data/mongcai-172.gpkg "$@"
