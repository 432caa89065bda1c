#!/usr/bin/env bash
# The session pack against QGIS's atlas export of the same place template: each mode in its own
# process (peak memory is the process's), interleaved N times; medians and the ratio.
# usage: tests/bench/pack_bench.sh [BUILD_DIR] [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/full}
n=${2:-5}
bench=$build/tests/bench/rt_pack_bench
db=$build/data/mongcai-172.gpkg
layers=data/mongcai-layers.gpkg
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for i in $(seq "$n"); do
  for mode in pack atlas; do
    /usr/bin/time -f "$mode %e %U %M" -o "$out/time" env QT_QPA_PLATFORM=offscreen "$bench" "$mode" "$db" "$layers" "$out/$mode.pdf" >/dev/null
    cat "$out/time" >> "$out/times"
  done
done
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
size() { stat -c %s "$1"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for mode in pack atlas; do
  wall=$(awk -v m=$mode '$1==m {print $2}' "$out/times" | median)
  cpu=$(awk -v m=$mode '$1==m {print $3}' "$out/times" | median)
  rss=$(awk -v m=$mode '$1==m {print $4}' "$out/times" | median)
  if [ $mode = atlas ]; then
    p=$(( $(pages "$out/atlas.pdf") + $(pages "$out/atlas.pdf.overview.pdf") )); s=$(( $(size "$out/atlas.pdf") + $(size "$out/atlas.pdf.overview.pdf") ))
  else
    p=$(pages "$out/pack.pdf"); s=$(size "$out/pack.pdf")
  fi
  echo "$mode: wall ${wall} s, cpu ${cpu} s, peak RSS $((rss / 1024)) MiB, $p pages, $s bytes (median of $n)"
  eval "${mode}_wall=$wall"
done
awk -v a="$pack_wall" -v b="$atlas_wall" 'BEGIN { printf "ratio pack / atlas (wall): %.2f\n", a / b }'
