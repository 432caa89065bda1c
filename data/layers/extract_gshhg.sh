#!/usr/bin/env bash
# Extracts the GSHHG full-resolution shoreline and international border around
# Móng Cái into the two small text files that build_mongcai_layers.py reads.
#
# Needs the Debian packages gmt and gmt-gshhg-full (GSHHG 2.3.7, LGPL-3.0-or-later).
# The outputs are committed: the layer build itself never runs GMT.
#
#   data/layers/extract_gshhg.sh            # rewrites gshhg_land_full.txt, gshhg_border_full.txt
#
# Output: GMT multi-segment text (one "lon<TAB>lat" pair per line, segments
# introduced by ">" lines), with a "#" header saying where it comes from.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
region="107.55/108.25/21.30/21.75"

command -v gmt >/dev/null || { echo "extract_gshhg.sh: gmt not found (apt-get install gmt gmt-gshhg-full)" >&2; exit 1; }
gshhg_version="$(dpkg-query -W -f='${Version}' gmt-gshhg-full 2>/dev/null || true)"
[ -n "$gshhg_version" ] || { echo "extract_gshhg.sh: package gmt-gshhg-full is not installed" >&2; exit 1; }
gmt_version="$(gmt --version)"
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT

extract() { # $1 = output file, $2 = what, rest = gmt coast options
    local out="$1" what="$2"; shift 2
    local tmp; tmp="$(mktemp "$out.tmp.XXXXXX")"
    {
        echo "# $what"
        echo "# Source: GSHHG 2.3.7 full resolution (Wessel & Smith), LGPL-3.0-or-later,"
        echo "#   Debian package gmt-gshhg-full $gshhg_version, extracted with GMT $gmt_version:"
        echo "#   gmt coast $*"
        echo "# Written by data/layers/extract_gshhg.sh; read by data/layers/build_mongcai_layers.py."
        echo "# Columns: longitude latitude (WGS 84, degrees). Segments start with '>'."
        (cd "$workdir" && gmt coast "$@")   # in a scratch folder: GMT leaves gmt.history behind
    } > "$tmp"
    chmod 644 "$tmp"
    mv -f "$tmp" "$out"
    echo "wrote $out ($(grep -vc '^[#>]' "$out") points)"
}

extract "$here/gshhg_land_full.txt" "Shoreline (level 1, land/ocean) of the region $region" \
    -R"$region" -Df -M -W
extract "$here/gshhg_border_full.txt" "International border (level 1, -N1) through the region $region" \
    -R"$region" -Df -M -N1
