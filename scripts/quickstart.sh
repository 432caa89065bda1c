#!/usr/bin/env bash
# Quick start on a fresh Debian 12: installs what is needed, builds everything, prints the
# register of resolution 172/NQ-HĐND (Móng Cái) and makes the council-session map of today
# (PDF and PNG) and today's council session pack (PDF, with its tables as XLSX) from the bundled data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh full
today=$(date +%F)
restrack=build/full/cli/restrack
echo
"$restrack" summary --as-of "$today" "$@"
echo
"$restrack" export --as-of "$today" --out "build/full/council-map-$today.pdf" --overwrite "$@"
"$restrack" export --as-of "$today" --out "build/full/council-map-$today.png" --overwrite "$@"
# The pack's date is its session date: --as-of D becomes --session-date D.
pack_args=()
for a in "$@"; do [ "$a" = --as-of ] && pack_args+=(--session-date) || pack_args+=("$a"); done
"$restrack" session-pack --session-date "$today" --out "build/full/session-pack-$today.pdf" --tables "build/full/session-pack-$today.xlsx" --overwrite ${pack_args[@]+"${pack_args[@]}"}
