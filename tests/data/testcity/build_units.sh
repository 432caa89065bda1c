#!/bin/sh
# TEST DATA: builds units.gpkg (EPSG:9210) from units.geojson. Run from anywhere.
set -eu
cd "$(dirname "$0")"
rm -f units.gpkg
ogr2ogr -f GPKG units.gpkg units.geojson -nln wards_2023 -s_srs EPSG:4326 -t_srs EPSG:9210 -lco DESCRIPTION="TEST DATA: invented units"
