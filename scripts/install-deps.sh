#!/usr/bin/env bash
# Installs everything Resolution Tracker needs on Debian 12, from Debian's own packages.
# Idempotent: packages already present are left as they are.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config git
  # QGIS 3.22 development files (Qt 5) and what its headers need
  qgis libqgis-dev qgis-providers libqt5webkit5-dev qttools5-dev qttools5-dev-tools
  libqt5svg5-dev libqca-qt5-2-dev qt5keychain-dev libqscintilla2-qt5-dev libqwt-qt5-dev libqt5serialport5-dev
  qtpositioning5-dev libqt5opengl5-dev qtbase5-private-dev libqt5sql5-sqlite
  # Qt 6 for the core-qt6 configuration (QGIS 4 readiness)
  qt6-base-dev qt6-base-dev-tools libgl-dev
  # Qt 6's lupdate and lrelease: the core-qt6 configuration compiles and checks the catalogues with them
  qt6-l10n-tools qt6-tools-dev
  # GDAL/OGR, PROJ, GEOS, the GeoPackage validator
  libgdal-dev gdal-bin python3-gdal libproj-dev proj-bin libgeos-dev libsqlite3-dev sqlite3
  # the PostgreSQL/PostGIS store: libpq, and the server the tests start as a throw-away cluster
  libpq-dev postgresql-15 postgresql-15-postgis-3 postgresql-client-15
  # the importer: PDF text layers (poppler's C++ library)
  libpoppler-cpp-dev
  # tests
  catch2 xvfb xauth poppler-utils fonts-dejavu-core strace
  # the end-to-end test: QGIS desktop runs its Python script (qgis --code) under Xvfb
  python3-qgis
)
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
