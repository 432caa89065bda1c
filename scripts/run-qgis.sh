#!/usr/bin/env bash
# Starts QGIS desktop with the Resolution Tracker plugin enabled, in a throw-away profile,
# with the sample project of Móng Cái open and a working copy of the bundled register.
# usage: scripts/run-qgis.sh [vi|en]   (needs a display; builds the full configuration first if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
lang=${1:-vi}
[ -f build/full/plugin/libresolutiontrackerplugin.so ] || scripts/build.sh full
plugin=$(readlink -f build/full/plugin/libresolutiontrackerplugin.so)
run=$(mktemp -d -t restrack-qgis-XXXXXX)
mkdir -p "$run/profiles/default/QGIS" "$run/data"
# QGIS loads C++ plugins from searchPathsForPlugins, and only those set true in [Plugins].
cat > "$run/profiles/default/QGIS/QGIS3.ini" <<INI
[plugins]
searchPathsForPlugins=$(dirname "$plugin")

[Plugins]
$(basename "$plugin" .so)=true

[locale]
overrideFlag=true
userLocale=$lang
INI
# Copies, so that nothing in the source tree or the build is changed by this session.
cp data/mongcai-layers.gpkg data/mongcai.qgs "$run/data/"
cp build/full/data/mongcai-172.gpkg "$run/data/"
export RESTRACK_DB="$run/data/mongcai-172.gpkg"
echo "profile and data in $run (the register copy is $RESTRACK_DB)"
exec qgis --profiles-path "$run" --nologo --noversioncheck "$run/data/mongcai.qgs"
