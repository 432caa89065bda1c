#!/usr/bin/python3
"""Builds data/mongcai-layers.gpkg, the sample map layers of Móng Cái.

Run with Debian's system python (GDAL/OGR bindings + shapely):

    /usr/bin/python3 data/layers/build_mongcai_layers.py [--out FILE] [--units CSV]

Inputs (all committed next to this script, GMT is NOT needed):
  gshhg_land_full.txt     GSHHG 2.3.7 full-resolution shoreline (extract_gshhg.sh)
  gshhg_border_full.txt   GSHHG 2.3.7 international border      (extract_gshhg.sh)
  mongcai-units-2023.csv  the 17 units of 2023 (copy of shared/reference)

Everything is computed in EPSG:5899 (VN-2000 / TM-3 107-45) after a
WGS 84 -> EPSG:5899 transformation by OGR/PROJ (checked against the
+towgs84 definition in FACTS.md). Only `land` and `border` are real
(GSHHG) geometry; everything else is schematic and says so. See README.md.

The output is deterministic: running it twice gives identical files (the
GeoPackage timestamps are pinned with OGR_CURRENT_DATE). It is written to a
temporary file in the same folder and renamed into place.
"""

import argparse
import csv
import math
import os
import sys
import tempfile
import time

from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb
from shapely.geometry import (LineString, MultiLineString, MultiPoint,
                              MultiPolygon, Point, Polygon, box)
from shapely.ops import nearest_points, split, unary_union, voronoi_diagram
from shapely.ops import transform as shapely_transform
from shapely.validation import make_valid

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(REPO, "data", "mongcai-layers.gpkg")

# The region of the GSHHG extract (must match extract_gshhg.sh).
REGION = (107.55, 21.30, 108.25, 21.75)  # west, south, east, north
# Timestamp written into gpkg_contents.last_change: fixed (the day the 2025 units took effect), so
# that the file is reproducible; $SOURCE_DATE_EPOCH overrides it. GeoPackage wants milliseconds.
FIXED_DATE = "2025-07-01T00:00:00.000Z"

TARGET_EPSG = 5899
# FACTS.md: EPSG:6960 written as a PROJ +towgs84 (rotation signs flipped). Used only to check
# that GDAL/PROJ picked this transformation for EPSG:4326 -> EPSG:5899.
CHECK_PROJ4 = ("+proj=tmerc +lat_0=0 +lon_0=107.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 "
               "+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,"
               "0.00427372,0.252906278 +units=m +no_defs")

# Values of the `source` field (README.md explains them).
SRC_GSHHG = "gshhg"                       # geometry taken from GSHHG as it is (clipped to the region/border)
SRC_SCHEMATIC = "schematic"               # invented, illustrative geometry
SRC_SCHEMATIC_GSHHG = "schematic-from-gshhg"  # invented shape, part of its outline is the GSHHG shoreline/border

NOT_LEGAL = "Schematic, illustrative — not a legal boundary."

# A point known to be on the Vietnamese mainland (Móng Cái centre): tells which side of the
# border is Vietnam.
VIETNAM_ANCHOR = (107.965, 21.520)

# ---------------------------------------------------------------------------------------------
# Schematic inputs (lon/lat, WGS 84). None of these is survey data.
# ---------------------------------------------------------------------------------------------

# Western limit of the city (the boundary with Hải Hà district is not in any open data set
# available here): a schematic line from north of the China border down to the head of the bay
# west of Quảng Nghĩa. It only cuts the mainland; west of it is Hải Hà district.
WEST_LIMIT_LAND = [(107.735, 21.75), (107.738, 21.60), (107.745, 21.56), (107.765, 21.509)]
# At sea the city's islands are told from Hải Hà's (Cái Chiên island etc.) by this line: an
# island belongs to the city when its representative point lies east of it.
WEST_LIMIT_SEA = [(107.765, 21.509), (107.800, 21.462), (107.815, 21.400), (107.828, 21.360),
                  (107.832, 21.30)]
# Islands of Vĩnh Trung / Vĩnh Thực: land south of this latitude (only the Vĩnh Thực island
# and its islets are there, inside the city limit) is shared between these two communes only.
ISLAND_GROUP_MAX_LAT = 21.405
ISLAND_UNITS = ("06754", "06757")
# Partition clean-up (m²): land pieces smaller than SMALL_PIECE are never split between units;
# unit fragments smaller than SLIVER go to the neighbour they share most edge with.
SMALL_PIECE = 1.0e6
SLIVER = 0.25e6

# Auxiliary Voronoi seeds: each unit's cell is the union of the cells of its CSV point and of
# these extra points, so that the schematic units get plausible shapes and sizes.
AUX_SEEDS = {
    "06709": [],                                          # Ka Long
    "06712": [],                                          # Trần Phú
    "06715": [(107.954, 21.521), (107.940, 21.500)],      # Ninh Dương
    "06718": [],                                          # Hòa Lạc
    "06721": [(108.055, 21.492)],                         # Trà Cổ (towards Mũi Sa Vĩ)
    "06724": [],                                          # Hải Sơn
    "06727": [],                                          # Bắc Sơn
    "06730": [(107.875, 21.563)],                         # Hải Đông
    "06733": [(107.845, 21.545)],                         # Hải Tiến
    "06736": [(107.912, 21.560), (107.948, 21.533)],      # Hải Yên
    "06739": [(107.770, 21.556)],                         # Quảng Nghĩa
    # Hải Hòa: along the Bắc Luân river to the sea, and the coast north of Trà Cổ
    "06742": [(107.982, 21.530), (107.977, 21.521), (108.010, 21.540), (108.040, 21.525),
              (108.060, 21.530), (108.025, 21.506), (108.052, 21.512)],
    "06745": [(107.969, 21.513), (107.980, 21.500)],      # Hải Xuân
    "06748": [(107.954, 21.463)],                         # Vạn Ninh
    "06751": [(107.978, 21.438)],                         # Bình Ngọc
    "06754": [],                                          # Vĩnh Trung
    "06757": [],                                          # Vĩnh Thực
}


# Planning sub-zones (quy hoạch phân khu) of resolution 172/NQ-HĐND. No public geometry exists:
# these are illustrative rectangles (centre lon, lat; width, height in m; rotation in degrees,
# counter-clockwise) around the urban core, cut to the land; a later zone never overlaps an
# earlier one.
ZONES = [
    ("A4.1", "Quy hoạch phân khu A4.1", (107.966, 21.526, 1800, 2000, 0)),
    ("A3", "Quy hoạch phân khu A3", (107.995, 21.530, 2200, 2000, 0)),
    ("A5", "Quy hoạch phân khu A5", (107.985, 21.502, 2200, 1800, 0)),
    ("A6", "Quy hoạch phân khu A6", (107.938, 21.522, 2000, 2000, 0)),
    ("D1", "Quy hoạch phân khu D1", (108.040, 21.485, 3600, 1300, 22)),
]

# Sites named in the resolution. Every one is schematic: a plausible shape at a plausible
# place, never a surveyed outline. Keys:
#   ward  - the 2023 unit the site lies in (the shape is cut to that unit's land)
#   shape - ("rect", lon, lat, width_m, height_m, rotation_deg)
#           ("rects", [rect, ...])  several parts (a MultiPolygon)
#           ("band", [(lon, lat), ...], half_width_m)  a strip along a line
#           ("shore", [(lon, lat), ...], reach_m, width_m)  a strip of land width_m deep along
#               the GSHHG shoreline that lies on the right-hand side of the line (an axis drawn
#               along the land), within reach_m of it
#   area_ha - when given, the shape is scaled so that the site's area (after cutting to the
#           land and the unit) is this.
# Sites are built in this order; a site never overlaps one built before it.
SITES = [
    dict(site_id="sa-vy-flag-tower", kind="public_building",
         name_vi="Cột cờ Sa Vỹ (Cột cờ Tổ quốc), mũi Sa Vỹ", name_en="Sa Vỹ flag tower (Fatherland flag tower), Sa Vỹ cape",
         ward="06721", shape=("rect", 108.0 + 4 / 60 + 6.4 / 3600, 21.0 + 29 / 60 + 32.7 / 3600, 40, 40, 0)),
    dict(site_id="sa-vy-square", kind="tourism",
         name_vi="Quảng trường Tượng Mẹ Âu Cơ và Đền thờ Lạc Long Quân, mũi Sa Vỹ",
         name_en="Square with the Mother Âu Cơ statue and Lạc Long Quân temple, Sa Vỹ cape",
         ward="06721", shape=("rect", 108.0670, 21.4921, 200, 120, 22), area_ha=2.0),
    dict(site_id="tra-co-military-office", kind="public_building",
         name_vi="Trụ sở Ban Chỉ huy Quân sự phường Trà Cổ", name_en="Trà Cổ ward military command office",
         ward="06721", shape=("rect", 108.0265, 21.4845, 80, 60, 22), area_ha=0.5),
    dict(site_id="po-hen-market", kind="market",
         name_vi="Chợ phiên vùng cao Pò Hèn, xã Hải Sơn", name_en="Pò Hèn highland market, Hải Sơn commune",
         ward="06724", shape=("rect", 107.7720, 21.6300, 120, 90, 0), area_ha=1.0),
    dict(site_id="tran-phu-walking-street", kind="urban",
         name_vi="Tuyến phố đi bộ phường Trần Phú", name_en="Trần Phú ward walking street",
         ward="06712", shape=("band", [(107.9655, 21.5305), (107.9690, 21.5320), (107.9725, 21.5330)], 12)),
    dict(site_id="border-gate-area", kind="port",
         name_vi="Khu vực cửa khẩu quốc tế Móng Cái (cầu Bắc Luân I)",
         name_en="Móng Cái international border gate area (Bắc Luân I bridge)",
         ward="06712", shape=("rect", 107.9694, 21.5350, 320, 260, 0)),
    dict(site_id="tran-phu-high-school", kind="public_building",
         name_vi="Trường THPT Trần Phú", name_en="Trần Phú high school",
         ward="06712", shape=("rect", 107.9680, 21.5285, 150, 110, 0), area_ha=1.5),
    dict(site_id="land-ninh-duong-1022", kind="land_case",
         name_vi="Khu vực 1022 hồ sơ cấp đổi giấy chứng nhận, phường Ninh Dương",
         name_en="Area of the 1,022 certificate-exchange dossiers, Ninh Dương ward",
         ward="06715", shape=("rect", 107.9480, 21.5060, 700, 550, 0), area_ha=35.0),
    dict(site_id="land-tra-co-certificates", kind="land_case",
         name_vi="Khu dân cư cấp giấy chứng nhận quyền sử dụng đất, phường Trà Cổ",
         name_en="Residential area awaiting land-use right certificates, Trà Cổ ward",
         ward="06721", shape=("rect", 108.0400, 21.4905, 1000, 350, 22), area_ha=30.0),
    dict(site_id="land-hai-hoa-khu-9", kind="land_case",
         name_vi="Tồn tại đất đai khu 9, phường Hải Hòa", name_en="Long-standing land case, khu 9, Hải Hòa ward",
         ward="06742", shape=("rect", 107.9900, 21.5250, 400, 350, 0), area_ha=12.0),
    dict(site_id="land-hai-hoa-35-hspt", kind="land_case",
         name_vi="Khu đất tồn tại theo bản án phúc thẩm 35/HSPT, phường Hải Hòa",
         name_en="Land case under appeal judgment 35/HSPT, Hải Hòa ward",
         ward="06742", shape=("rect", 108.0100, 21.5300, 250, 200, 0), area_ha=5.0),
    dict(site_id="land-thoi-phi", kind="land_case",
         name_vi="Khu vực Thoi Phi, xã Vạn Ninh", name_en="Thoi Phi area, Vạn Ninh commune",
         ward="06748", shape=("rect", 107.9330, 21.4650, 500, 400, 0), area_ha=20.0),
    dict(site_id="land-tran-phu-school-forest", kind="land_case",
         name_vi="Rừng thực nghiệm trường Trần Phú", name_en="Trần Phú school experimental forest",
         ward="06736", shape=("rect", 107.9250, 21.5650, 600, 500, 0), area_ha=30.0),
    dict(site_id="hai-yen-ip", kind="industrial",
         name_vi="Khu công nghiệp Hải Yên", name_en="Hải Yên industrial park",
         ward="06736", shape=("rect", 107.9200, 21.5400, 1600, 1150, 0), area_ha=182.42),
    dict(site_id="nam-luc-lam-cluster", kind="industrial",
         name_vi="Cụm công nghiệp Nam sông Lục Lâm (cụm số 1, số 2)",
         name_en="Nam sông Lục Lâm industrial cluster (clusters 1 and 2)",
         ward="06742", shape=("rects", [(107.9990, 21.5040, 500, 450, 0), (108.0150, 21.5055, 450, 400, 0)]),
         area_ha=40.0),
    dict(site_id="van-ninh-port", kind="port",
         name_vi="Cảng tổng hợp Vạn Ninh (giai đoạn 1)", name_en="Vạn Ninh general port (phase 1)",
         ward="06748", shape=("rect", 107.9610, 21.4460, 1100, 900, 0), area_ha=83.0),
    dict(site_id="mong-cai-dong-hung-cooperation-zone", kind="industrial",
         name_vi="Khu hợp tác kinh tế qua biên giới Móng Cái – Đông Hưng (phía Việt Nam)",
         name_en="Móng Cái–Dongxing cross-border economic cooperation zone (Vietnamese side)",
         ward="06742", shape=("rect", 107.9990, 21.5400, 1300, 900, 20), area_ha=100.0),
    dict(site_id="tra-co-tourism", kind="tourism",
         name_vi="Khu du lịch Trà Cổ (bãi biển Trà Cổ)", name_en="Trà Cổ tourism area (Trà Cổ beach)",
         ward="06721", shape=("shore", [(108.008, 21.4755), (108.040, 21.4865), (108.075, 21.4925)],
                                       1500, 250), area_ha=170.0),
]

# Roads and bridges named in the resolution (all schematic). Each is a list of lines
# (lon, lat vertices); a bridge stops at the GSHHG border.
SITE_LINES = [
    dict(site_id="coastal-road-cau-voi-hai-yen", kind="road",
         name_vi="Đường ven biển đoạn Cầu Voi – đường nối KCN Hải Yên (giai đoạn 1)",
         name_en="Coastal road, Cầu Voi to the Hải Yên industrial park link road (phase 1)",
         lines=[[(107.8680, 21.5120), (107.8800, 21.5105), (107.8930, 21.5130), (107.9050, 21.5160),
                 (107.9140, 21.5215), (107.9180, 21.5320)]]),
    dict(site_id="bac-luan-3-bridge", kind="bridge",
         name_vi="Cầu Bắc Luân 3 và đường dẫn cầu", name_en="Bắc Luân 3 bridge and its approach road",
         lines=[[(108.0120, 21.5320), (108.0150, 21.5380), (108.0170, 21.5435)],
                [(108.0170, 21.5435), (108.0185, 21.5490), (108.0200, 21.5560)]]),
    dict(site_id="luc-lam-cluster-roads", kind="road",
         name_vi="Đường kết nối cụm công nghiệp số 1, số 2 phía Nam sông Lục Lâm, phường Hải Hòa",
         name_en="Roads to industrial clusters 1 and 2 south of the Lục Lâm river, Hải Hòa ward",
         lines=[[(107.9930, 21.5145), (107.9975, 21.5085)],
                [(107.9930, 21.5145), (108.0050, 21.5130), (108.0135, 21.5085)]]),
    dict(site_id="ba-mai-junction-road", kind="road",
         name_vi="Đường nối vòng xuyến Ngân hàng Nông nghiệp – nút giao cầu Bà Mai",
         name_en="Road from the Agribank roundabout to the Bà Mai bridge junction",
         lines=[[(107.9630, 21.5220), (107.9585, 21.5160), (107.9540, 21.5100), (107.9500, 21.5030)]]),
    dict(site_id="dai-lo-hoa-binh-lighting", kind="road",
         name_vi="Điện trang trí Đại lộ Hòa Bình (cửa khẩu Bắc Luân I – nút giao đường cao tốc)",
         name_en="Decorative lighting, Hòa Bình avenue (Bắc Luân I border gate to the expressway junction)",
         lines=[[(107.9694, 21.5345), (107.9720, 21.5260), (107.9780, 21.5150), (107.9860, 21.5050),
                 (107.9920, 21.4975)]]),
    dict(site_id="ka-long-river-lighting", kind="road",
         name_vi="Điện trang trí dọc sông Ka Long (cầu Ka Long – cầu Hòa Bình)",
         name_en="Decorative lighting along the Ka Long river (Ka Long bridge to Hòa Bình bridge)",
         lines=[[(107.9575, 21.5320), (107.9605, 21.5250), (107.9655, 21.5180), (107.9720, 21.5120)]]),
]


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

def read_gmt_segments(path):
    """GMT multi-segment text -> list of [(lon, lat), ...] (empty segments dropped)."""
    segments, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith(">"):
                current = []
                segments.append(current)
                continue
            lon, lat = (float(v) for v in line.split()[:2])
            current.append((lon, lat))
    return [s for s in segments if len(s) >= 2]


def read_units(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != 17:
        sys.exit(f"{path}: expected 17 units, found {len(rows)}")
    return rows


# ---------------------------------------------------------------------------------------------
# Coordinates
# ---------------------------------------------------------------------------------------------

def make_transforms():
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(TARGET_EPSG)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    options = osr.CoordinateTransformationOptions()
    options.SetAreaOfInterest(*REGION)
    fwd = osr.CoordinateTransformation(wgs84, target, options)
    inv = osr.CoordinateTransformation(target, wgs84, options)

    # Check: GDAL's choice must be EPSG:6960 (VN-2000 to WGS 84 (2), the +towgs84 of FACTS.md).
    check = osr.SpatialReference()
    check.ImportFromProj4(CHECK_PROJ4)
    check.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct_check = osr.CoordinateTransformation(wgs84, check)
    west, south, east, north = REGION
    worst = 0.0
    for lon in (west, (west + east) / 2, east):
        for lat in (south, (south + north) / 2, north):
            a = fwd.TransformPoint(lon, lat)
            b = ct_check.TransformPoint(lon, lat)
            worst = max(worst, math.hypot(a[0] - b[0], a[1] - b[1]))
    if worst > 0.01:
        sys.exit(f"EPSG:4326 -> EPSG:{TARGET_EPSG}: GDAL's transformation differs from the "
                 f"+towgs84 of FACTS.md by {worst:.3f} m; check the PROJ database")

    def to_m(geom):
        return shapely_transform(lambda x, y, z=None: _tr(fwd, x, y), geom)

    def to_deg(geom):
        return shapely_transform(lambda x, y, z=None: _tr(inv, x, y), geom)

    return to_m, to_deg, target


def _tr(ct, xs, ys):
    if isinstance(xs, float):
        p = ct.TransformPoint(xs, ys)
        return p[0], p[1]
    pts = ct.TransformPoints(list(zip(xs, ys)))
    return [p[0] for p in pts], [p[1] for p in pts]


# ---------------------------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------------------------

def polygons_of(geom):
    """The polygons of any geometry (lines/points from overlays dropped)."""
    if geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        out = []
        for g in geom.geoms:
            out.extend(polygons_of(g))
        return out
    return []


def lines_of(geom):
    if geom.is_empty:
        return []
    if geom.geom_type == "LineString":
        return [geom]
    if geom.geom_type in ("MultiLineString", "GeometryCollection"):
        out = []
        for g in geom.geoms:
            out.extend(lines_of(g))
        return out
    return []


def as_multipolygon(geom, min_area=1.0):
    """MultiPolygon of the parts of geom of at least min_area m² (slivers from overlays dropped)."""
    parts = [p for p in polygons_of(make_valid(geom)) if p.area >= min_area]
    mp = MultiPolygon(sorted(parts, key=lambda p: (-p.area, p.bounds)))
    if not mp.is_valid:
        mp = MultiPolygon(polygons_of(make_valid(mp)))
    return mp


def as_multilinestring(geom):
    return MultiLineString(lines_of(geom))


# ---------------------------------------------------------------------------------------------
# Real geometry from GSHHG
# ---------------------------------------------------------------------------------------------

def chain_open_segments(segments):
    """Joins GMT's per-bin pieces of one shoreline at their shared end points."""
    pieces = [list(s) for s in segments]
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(pieces):
            for j, b in enumerate(pieces):
                if i != j and a[-1] == b[0]:
                    pieces[i] = a + b[1:]
                    del pieces[j]
                    joined = True
                    break
            if joined:
                break
    return pieces


def build_land_lonlat(segments):
    """Land polygons (lon/lat) from the GSHHG level-1 shoreline of the region.

    GMT cuts the shoreline at its storage bins (a seam at 108°E) and at the region: pieces are joined at the bin seams.
    What remains is closed rings (islands) and one open line, the mainland shore, running from
    the region's edge to the region's edge; the mainland is closed along the region's northern
    edges (the whole northern part of the region is land). Checked against `gmt select -Ns/k`
    on a 141 x 91 grid when the extract was made (README.md).
    """
    west, south, east, north = REGION
    closed = [s for s in segments if s[0] == s[-1]]
    pieces = chain_open_segments([s for s in segments if s[0] != s[-1]])
    islands = [Polygon(p) for p in closed]
    mainland = []
    for p in pieces:
        if p[0] == p[-1]:
            islands.append(Polygon(p))
        else:
            mainland.append(p)
    if len(mainland) != 1:
        sys.exit(f"expected one open mainland shoreline in the GSHHG extract, found {len(mainland)}")
    shore = mainland[0]
    (x0, y0), (x1, _) = shore[0], shore[-1]
    if not (x0 == west and y0 == south and x1 == east):
        sys.exit("unexpected GSHHG mainland shoreline ends: the region changed? "
                 f"{shore[0]} -> {shore[-1]}")
    ring = shore + [(east, north), (west, north), shore[0]]
    land = unary_union([make_valid(Polygon(ring))] + [make_valid(i) for i in islands])
    return MultiPolygon(polygons_of(land))


def build_border_lonlat(segments):
    """The China–Vietnam border (lon/lat) as one line, from GMT's per-bin pieces.

    At the seam at 107.78°E the two pieces overlap by 0.0028° (one vertex overshoots);
    that vertex is dropped so the line stays simple.
    """
    line = list(segments[0])
    for seg in segments[1:]:
        if math.dist(line[-1], seg[0]) == 0.0:
            line.extend(seg[1:])
            continue
        for drop in range(0, 4):
            candidate = line[:len(line) - drop] + list(seg)
            if LineString(candidate).is_simple:
                line = candidate
                break
        else:
            sys.exit("cannot join the GSHHG border pieces into a simple line")
    return LineString(line)


def vietnam_side_lonlat(border):
    """The part of the region box on the Vietnamese side of the border.

    The border ends at sea (mouth of the Bắc Luân river); it is prolonged along its last
    direction to the region's edge (only water there) so it splits the box in two.
    """
    region = box(*REGION)
    (xa, ya), (xb, yb) = border.coords[-2], border.coords[-1]
    d = math.hypot(xb - xa, yb - ya)
    far = (xb + (xb - xa) / d, yb + (yb - ya) / d)
    cutter = LineString(list(border.coords) + [far])
    parts = split(region, cutter)
    sides = [p for p in parts.geoms if p.contains(Point(VIETNAM_ANCHOR))]
    if len(parts.geoms) != 2 or len(sides) != 1:
        sys.exit("the GSHHG border does not split the region in two")
    return sides[0], LineString([(xb, yb), far])


# ---------------------------------------------------------------------------------------------
# The city and its schematic units
# ---------------------------------------------------------------------------------------------

def city_land_m(land_vn_m, to_m):
    """Land of Móng Cái: the Vietnamese GSHHG land east of the schematic western limit."""
    limit = LineString(WEST_LIMIT_LAND + WEST_LIMIT_SEA[1:])
    halves = split(box(*REGION), limit)
    east_side = [p for p in halves.geoms if p.contains(Point(VIETNAM_ANCHOR))]
    if len(east_side) != 1:
        sys.exit("the schematic western limit does not split the region")
    east_side_m = to_m(east_side[0])
    land_cut_m = to_m(LineString(WEST_LIMIT_LAND))
    keep = []
    for poly in land_vn_m.geoms:
        if poly.intersects(land_cut_m):
            pieces = polygons_of(split(poly, land_cut_m))
            if len(pieces) < 2:
                sys.exit("the schematic western limit does not cut through the mainland")
        else:
            pieces = [poly]
        keep.extend(p for p in pieces if east_side_m.contains(p.representative_point()))
    return MultiPolygon(polygons_of(unary_union(keep)))


def unit_points_m(units, groups, to_m):
    """CSV point of each unit in EPSG:5899, moved onto its land when GSHHG has it at sea."""
    points, moved = {}, {}
    for u in units:
        code = u["gso_code_2023"]
        p = to_m(Point(float(u["approx_lon"]), float(u["approx_lat"])))
        land = groups[code]
        if not land.contains(p):
            # the nearest point at least 30 m inside the GSHHG land
            inner = land.buffer(-30.0)
            q = nearest_points(inner, p)[0]
            moved[code] = (p, q)
            p = q
        points[code] = p
    return points, moved


def voronoi_partition(land, seeds, points):
    """Splits `land` among the units by the Voronoi cells of their seeds.

    seeds: list of (unit code, Point); points: {code: the unit's own point}.
    A Voronoi split would cut islets and leave slivers, so:
      - a piece of land (island, islet) under SMALL_PIECE m² goes whole to the unit whose
        cells cover most of it;
      - a fragment of a unit under SLIVER m² that does not hold the unit's point and touches
        another unit's main land goes to the neighbour it shares the longest edge with.
    Returns {code: geometry}.
    """
    pts = MultiPoint([p for _, p in seeds])
    minx, miny, maxx, maxy = land.bounds
    envelope = box(minx - 50000, miny - 50000, maxx + 50000, maxy + 50000)
    cells = voronoi_diagram(pts, envelope=envelope)
    by_code = {}
    for cell in cells.geoms:
        owners = [code for code, p in seeds if cell.contains(p)]
        if len(owners) != 1:
            sys.exit("Voronoi partition: a cell without exactly one seed")
        by_code.setdefault(owners[0], []).append(cell)
    regions = {code: unary_union(cs) for code, cs in sorted(by_code.items())}

    parts = []  # (code, polygon)
    for piece in sorted(land.geoms, key=lambda p: p.bounds):
        shares = [(piece.intersection(r), code) for code, r in regions.items()]
        shares = [(g, code) for g, code in shares if not g.is_empty]
        if piece.area < SMALL_PIECE:
            best = max(shares, key=lambda gc: (gc[0].area, gc[1]))[1]
            parts.append((best, piece))
        else:
            for g, code in shares:
                parts.extend((code, p) for p in polygons_of(g) if p.area > 0.01)

    anchored = [(code, poly) for code, poly in parts
                if poly.area >= SLIVER or poly.contains(points[code])]
    for i, (code, poly) in enumerate(parts):
        if poly.area >= SLIVER or poly.contains(points[code]):
            continue
        edges = {}
        for other, q in anchored:
            if other != code and poly.intersects(q):
                shared = poly.intersection(q).length
                if shared > 0:
                    edges[other] = edges.get(other, 0.0) + shared
        if edges:
            parts[i] = (max(edges, key=lambda c: (edges[c], c)), poly)
    out = {}
    for code, poly in parts:
        out.setdefault(code, []).append(poly)
    return {code: unary_union(ps) for code, ps in out.items()}


def build_wards(units, city_m, to_m, to_deg):
    island_land, main_land = [], []
    for poly in city_m.geoms:
        lat = to_deg(poly.representative_point()).y
        (island_land if lat < ISLAND_GROUP_MAX_LAT else main_land).append(poly)
    island_land = MultiPolygon(island_land)
    main_land = MultiPolygon(main_land)
    groups = {u["gso_code_2023"]: (island_land if u["gso_code_2023"] in ISLAND_UNITS else main_land)
              for u in units}
    points, moved = unit_points_m(units, groups, to_m)

    wards = {}
    for land, codes in ((island_land, [c for c in points if c in ISLAND_UNITS]),
                        (main_land, [c for c in points if c not in ISLAND_UNITS])):
        seeds = []
        for code in codes:
            seeds.append((code, points[code]))
            for lon, lat in AUX_SEEDS.get(code, []):
                seeds.append((code, to_m(Point(lon, lat))))
        wards.update(voronoi_partition(land, seeds, points))
    wards = {code: as_multipolygon(g) for code, g in wards.items()}
    return wards, points, moved


def rect_m(to_m, lon, lat, width, height, angle, scale=1.0):
    """A width x height (m) rectangle centred on lon/lat, rotated by angle (° counter-clockwise)."""
    c = to_m(Point(lon, lat))
    w, h = width * scale / 2.0, height * scale / 2.0
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    corners = [(-w, -h), (w, -h), (w, h), (-w, h)]
    return Polygon([(c.x + x * ca - y * sa, c.y + x * sa + y * ca) for x, y in corners])


def shape_m(to_m, shape, scale=1.0, land_m=None):
    kind = shape[0]
    if kind == "rect":
        return rect_m(to_m, *shape[1:], scale=scale)
    if kind == "rects":
        return unary_union([rect_m(to_m, *r, scale=scale) for r in shape[1]])
    if kind == "band":
        return to_m(LineString(shape[1])).buffer(shape[2] * scale, cap_style=2, join_style=2)
    if kind == "shore":
        right = to_m(LineString(shape[1])).buffer(-shape[2], single_sided=True)
        shore = land_m.boundary.intersection(right)
        return shore.buffer(shape[3] * scale)
    raise ValueError(kind)


def fit_area(make, target):
    """make(scale) -> geometry whose area grows with scale: (geometry, scale) of area `target` m²."""
    lo, hi = 0.01, 1.0
    while make(hi).area < target:
        hi *= 2.0
        if hi > 64:
            sys.exit(f"cannot reach {target / 1e4:.1f} ha")
    for _ in range(60):
        mid = (lo + hi) / 2.0
        if make(mid).area < target:
            lo = mid
        else:
            hi = mid
    return make(hi), hi


def source_of(drawn, land_m):
    """schematic-from-gshhg when the GSHHG shoreline or border cut the drawn shape."""
    return SRC_SCHEMATIC_GSHHG if drawn.difference(land_m).area > 1.0 else SRC_SCHEMATIC


def build_zones(to_m, city_m):
    zones, taken = [], None
    for code, name, (lon, lat, w, h, angle) in ZONES:
        g = rect_m(to_m, lon, lat, w, h, angle).intersection(city_m)
        if taken is not None:
            g = g.difference(taken)
        g = as_multipolygon(g, min_area=100.0)
        taken = g if taken is None else taken.union(g)
        zones.append(dict(code=code, name=name, source=SRC_SCHEMATIC, geom=g))
    return zones


def build_sites(to_m, land_m, wards):
    sites, taken = [], None
    for spec in SITES:
        within = wards[spec["ward"]]
        if taken is not None:
            within = within.difference(taken)

        def make(scale, spec=spec, within=within):
            return within.intersection(shape_m(to_m, spec["shape"], scale, land_m))

        if spec.get("area_ha"):
            g, scale = fit_area(make, spec["area_ha"] * 1e4)
        else:
            g, scale = make(1.0), 1.0
        g = as_multipolygon(g, min_area=1.0)
        if g.is_empty:
            sys.exit(f"site {spec['site_id']}: empty after cutting to its unit's land")
        drawn = shape_m(to_m, spec["shape"], scale, land_m)
        taken = g if taken is None else taken.union(g)
        sites.append(dict(site_id=spec["site_id"], name_vi=spec["name_vi"], name_en=spec["name_en"],
                          kind=spec["kind"], source=source_of(drawn, land_m), ward=spec["ward"],
                          geom=g))
    return sites


def build_site_lines(to_m, vn_side_m):
    out = []
    for spec in SITE_LINES:
        drawn = MultiLineString([to_m(LineString(l)) for l in spec["lines"]])
        g = as_multilinestring(drawn.intersection(vn_side_m))
        source = SRC_SCHEMATIC_GSHHG if drawn.difference(vn_side_m).length > 0.5 else SRC_SCHEMATIC
        out.append(dict(site_id=spec["site_id"], name_vi=spec["name_vi"], name_en=spec["name_en"],
                        kind=spec["kind"], source=source, geom=g))
    return out


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------

def check(cond, message):
    if not cond:
        sys.exit("check failed: " + message)


def run_checks(land_m, city_m, units, wards, points, zones, sites, site_lines):
    total = sum(g.area for g in wards.values())
    check(abs(total - city_m.area) < 1.0, f"wards cover {total} m² of {city_m.area} m² of city land")
    check(unary_union(list(wards.values())).symmetric_difference(city_m).area < 1.0,
          "the wards do not cover the city land exactly")
    codes = sorted(wards)
    for i, a in enumerate(codes):
        check(wards[a].is_valid and not wards[a].is_empty, f"ward {a} invalid or empty")
        check(wards[a].contains(points[a]), f"ward {a} does not contain its point")
        for b in codes[i + 1:]:
            check(wards[a].intersection(wards[b]).area < 1.0, f"wards {a} and {b} overlap")
    check(len(wards) == len(units) == 17, "17 wards expected")
    land_tol = land_m.buffer(0.01)
    for i, z in enumerate(zones):
        check(z["geom"].is_valid and not z["geom"].is_empty, f"zone {z['code']} invalid/empty")
        check(land_tol.contains(z["geom"]), f"zone {z['code']} not on land")
        for z2 in zones[i + 1:]:
            check(z["geom"].intersection(z2["geom"]).area < 1.0, f"zones {z['code']}/{z2['code']} overlap")
    for s in sites:
        check(s["geom"].is_valid and not s["geom"].is_empty, f"site {s['site_id']} invalid/empty")
        check(land_tol.contains(s["geom"]), f"site {s['site_id']} not on land")
        check(wards[s["ward"]].buffer(0.01).contains(s["geom"]), f"site {s['site_id']} not in its unit")
    for s in site_lines:
        check(s["geom"].is_valid and not s["geom"].is_empty, f"site line {s['site_id']} invalid/empty")


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

def write_gpkg(path, srs, layers):
    """layers: list of (name, ogr geometry type, description, [(field, ogr type)], [records])."""
    out_dir = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".mongcai-layers-", suffix=".gpkg", dir=out_dir)
    os.close(fd)
    os.unlink(tmp)
    stamp = FIXED_DATE
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(int(os.environ["SOURCE_DATE_EPOCH"])))
    gdal.SetConfigOption("OGR_CURRENT_DATE", stamp)
    try:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(tmp)
        for name, gtype, description, fields, records in layers:
            lyr = ds.CreateLayer(name, srs, gtype, options=[
                "GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES",
                f"IDENTIFIER={name}", f"DESCRIPTION={description}"])
            for fname, ftype in fields:
                lyr.CreateField(ogr.FieldDefn(fname, ftype))
            defn = lyr.GetLayerDefn()
            lyr.StartTransaction()
            for rec in records:
                f = ogr.Feature(defn)
                for fname, _ in fields:
                    f.SetField(fname, rec[fname])
                geom = ogr.CreateGeometryFromWkb(shapely_wkb.dumps(rec["geom"]))
                f.SetGeometry(geom)
                lyr.CreateFeature(f)
            lyr.CommitTransaction()
        ds = None
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    finally:
        gdal.SetConfigOption("OGR_CURRENT_DATE", None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="output GeoPackage (default: %(default)s)")
    ap.add_argument("--units", default=os.path.join(HERE, "mongcai-units-2023.csv"),
                    help="the units CSV (default: %(default)s)")
    args = ap.parse_args()

    to_m, to_deg, srs = make_transforms()
    units = read_units(args.units)
    by_code = {u["gso_code_2023"]: u for u in units}

    # Real geometry (GSHHG), lon/lat, then EPSG:5899.
    land_ll = build_land_lonlat(read_gmt_segments(os.path.join(HERE, "gshhg_land_full.txt")))
    border_ll = build_border_lonlat(read_gmt_segments(os.path.join(HERE, "gshhg_border_full.txt")))
    vn_side_ll, sea_extension_ll = vietnam_side_lonlat(border_ll)
    check(not sea_extension_ll.intersects(land_ll), "the prolonged border crosses land")
    land_vn_ll = MultiPolygon(polygons_of(land_ll.intersection(vn_side_ll)))
    border_region_ll = border_ll.intersection(box(*REGION))

    land_m = as_multipolygon(to_m(land_vn_ll))
    # China's side is kept too, so that maps show it as land and not as sea.
    land_cn_m = as_multipolygon(to_m(MultiPolygon(polygons_of(land_ll.difference(vn_side_ll)))))
    border_m = as_multilinestring(to_m(border_region_ll))
    vn_side_m = to_m(vn_side_ll)

    # Schematic geometry, EPSG:5899.
    city_m = city_land_m(land_m, to_m)
    wards, points, moved = build_wards(units, city_m, to_m, to_deg)
    zones = build_zones(to_m, city_m)
    sites = build_sites(to_m, land_m, wards)
    site_lines = build_site_lines(to_m, vn_side_m)
    run_checks(land_m, city_m, units, wards, points, zones, sites, site_lines)

    # wards_2025: the 2023 units dissolved by their 2025 unit.
    merged = {}
    for u in units:
        merged.setdefault(u["gso_code_2025"], (u["unit_2025"], []))[1].append(wards[u["gso_code_2023"]])
    wards_2025 = []
    for code in sorted(merged):
        name, geoms = merged[code]
        g = as_multipolygon(unary_union(geoms))
        wards_2025.append(dict(gso_code=code, name=name, area_km2=round(g.area / 1e6, 3),
                               source=SRC_SCHEMATIC, geom=g))
    check(len(wards_2025) == 6, "6 units of 2025 expected")

    wards_2023 = []
    for code in sorted(wards):
        u = by_code[code]
        wards_2023.append(dict(gso_code=code, name=u["name_2023"], unit_type=u["unit_type"],
                               unit_2025=u["unit_2025"], gso_code_2025=u["gso_code_2025"],
                               area_km2=round(wards[code].area / 1e6, 3), source=SRC_SCHEMATIC,
                               geom=wards[code]))

    S, R = ogr.OFTString, ogr.OFTReal
    site_fields = [("site_id", S), ("name_vi", S), ("name_en", S), ("kind", S), ("source", S)]
    layers = [
        ("land", ogr.wkbMultiPolygon,
         "Land in 107.55-108.25 E, 21.30-21.75 N, from the GSHHG 2.3.7 full-resolution shoreline "
         "(LGPL), split at the GSHHG border: country VN (includes the neighbouring Hải Hà district "
         "west of the city) and CN. Real shoreline at about 1:250,000 quality, not survey-grade.",
         [("country", S), ("source", S)],
         [dict(country="VN", source=SRC_GSHHG, geom=land_m),
          dict(country="CN", source=SRC_GSHHG, geom=land_cn_m)]),
        ("border", ogr.wkbMultiLineString,
         "China–Vietnam border from GSHHG 2.3.7 full resolution (LGPL), clipped to the region. "
         "Not an official boundary line.",
         [("source", S), ("name", S)],
         [dict(source=SRC_GSHHG, name="Biên giới Việt Nam – Trung Quốc", geom=border_m)]),
        ("wards_2023", ogr.wkbMultiPolygon,
         NOT_LEGAL + " The 17 communes/wards of Móng Cái in 2023: a Voronoi partition around one "
         "point per unit, cut to the GSHHG land. Areas are of this geometry, not official.",
         [("gso_code", S), ("name", S), ("unit_type", S), ("unit_2025", S), ("gso_code_2025", S),
          ("area_km2", R), ("source", S)], wards_2023),
        ("wards_2025", ogr.wkbMultiPolygon,
         NOT_LEGAL + " The 6 units of Móng Cái from 1/7/2025 (NQ 1679/NQ-UBTVQH15), dissolved from "
         "the schematic wards_2023.",
         [("gso_code", S), ("name", S), ("area_km2", R), ("source", S)], wards_2025),
        ("zones", ogr.wkbMultiPolygon,
         NOT_LEGAL + " Planning sub-zones A3, A4.1, A5, A6, D1: no public geometry exists; these "
         "shapes only show roughly where in the city they are.",
         [("code", S), ("name", S), ("source", S)], zones),
        ("sites", ogr.wkbMultiPolygon,
         NOT_LEGAL + " Places named in resolution 172/NQ-HĐND: plausible shapes at plausible "
         "places, sized to the stated areas where known. Not surveyed.",
         site_fields, sites),
        ("site_lines", ogr.wkbMultiLineString,
         NOT_LEGAL + " Roads and bridges named in resolution 172/NQ-HĐND: illustrative lines, "
         "not surveyed alignments.",
         site_fields, site_lines),
    ]
    write_gpkg(args.out, srs, layers)

    print(f"wrote {args.out}")
    print(f"  land: {land_m.area / 1e6:.2f} km² (Vietnamese side of the region), "
          f"of which the city (wards): {city_m.area / 1e6:.2f} km²")
    for w in wards_2023:
        print(f"  {w['gso_code']} {w['name']:<20} {w['area_km2']:8.2f} km²  "
              f"(CSV ~{by_code[w['gso_code']]['approx_area_km2']})")
    for w in wards_2025:
        print(f"  {w['gso_code']} {w['name']:<20} {w['area_km2']:8.2f} km²")
    for z in zones:
        print(f"  zone {z['code']:<5} {z['geom'].area / 1e6:6.2f} km²")
    for s in sites:
        print(f"  site {s['site_id']:<36} {s['geom'].area / 1e4:8.2f} ha  in {s['ward']}  {s['source']}")
    for s in site_lines:
        print(f"  line {s['site_id']:<36} {s['geom'].length / 1e3:6.2f} km  {s['source']}")
    for code, (p, q) in sorted(moved.items()):
        print(f"  note: the point of {code} is at sea in GSHHG; moved {p.distance(q):.0f} m onto land")



if __name__ == "__main__":
    main()
