#!/usr/bin/python3
"""Draws a quick PNG preview of data/mongcai-layers.gpkg (needs python3-matplotlib).

    /usr/bin/python3 data/layers/preview_mongcai_layers.py [--gpkg FILE] [--out /tmp/mongcai-preview.png]

Left: the whole city (wards of 2023, the 2025 units as thick lines, the border, the land
around). Right: the urban core and Trà Cổ with zones, sites and site lines, labelled.
"""

import argparse
import os

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import PathPatch  # noqa: E402
from matplotlib.path import Path  # noqa: E402
from osgeo import ogr, osr  # noqa: E402

ogr.UseExceptions()
osr.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))


def read_layer(ds, name, ct):
    out = []
    for f in ds.GetLayerByName(name):
        g = f.GetGeometryRef().Clone()
        g.Transform(ct)
        out.append(({k: f.GetField(k) for k in f.keys()}, g))
    return out


def rings(g):
    """Exterior/interior rings (lists of (x, y)) of an OGR (multi)polygon."""
    out = []
    polys = [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())] \
        if g.GetGeometryType() == ogr.wkbMultiPolygon else [g]
    for p in polys:
        for i in range(p.GetGeometryCount()):
            out.append((i, p.GetGeometryRef(i).GetPoints()))
    return out


def lines(g):
    if g.GetGeometryType() == ogr.wkbMultiLineString:
        return [g.GetGeometryRef(i).GetPoints() for i in range(g.GetGeometryCount())]
    return [g.GetPoints()]


def fill(ax, g, **kw):
    """Fills an OGR (multi)polygon, holes left open."""
    polys = [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())] \
        if g.GetGeometryType() == ogr.wkbMultiPolygon else [g]
    for p in polys:
        verts, codes = [], []
        for i in range(p.GetGeometryCount()):
            pts = [(q[0], q[1]) for q in p.GetGeometryRef(i).GetPoints()]
            verts.extend(pts)
            codes.extend([Path.MOVETO] + [Path.LINETO] * (len(pts) - 2) + [Path.CLOSEPOLY])
        ax.add_patch(PathPatch(Path(verts, codes), **kw))


def outline(ax, g, **kw):
    for _, pts in rings(g):
        xs, ys = zip(*[(p[0], p[1]) for p in pts])
        ax.plot(xs, ys, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gpkg", default=os.path.join(os.path.dirname(HERE), "mongcai-layers.gpkg"))
    ap.add_argument("--out", default="/tmp/mongcai-preview.png")
    args = ap.parse_args()

    ds = ogr.Open(args.gpkg)
    src = ds.GetLayerByName("land").GetSpatialRef()
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, wgs84)
    L = {n: read_layer(ds, n, ct) for n in
         ("land", "border", "wards_2023", "wards_2025", "zones", "sites", "site_lines")}

    fig, axes = plt.subplots(1, 2, figsize=(22, 11))
    views = [(axes[0], (107.70, 108.10, 21.33, 21.68), "Móng Cái — wards 2023 (schematic), units 2025 (thick)"),
             (axes[1], (107.90, 108.08, 21.43, 21.56), "Urban core and Trà Cổ — zones, sites, site lines")]
    colours = plt.cm.tab20.colors
    for ax, (x0, x1, y0, y1), title in views:
        ax.set_facecolor("#dceefa")
        for _, g in L["land"]:
            fill(ax, g, fc="#f2efe6", ec="#888", lw=0.3)
        for i, (a, g) in enumerate(L["wards_2023"]):
            fill(ax, g, fc=colours[i % 20], ec="k", lw=0.3, alpha=0.55)
        for a, g in L["wards_2025"]:
            outline(ax, g, color="k", lw=1.4)
        for a, g in L["border"]:
            for pts in lines(g):
                ax.plot(*zip(*[(p[0], p[1]) for p in pts]), color="red", lw=1.6, ls="--")
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect(1 / 0.93)
        ax.set_title(title)
        ax.grid(True, lw=0.3)

    ax = axes[0]
    for a, g in L["wards_2023"]:
        c = g.PointOnSurface()
        ax.text(c.GetX(), c.GetY(), a["name"].split(" ", 1)[1], fontsize=8, ha="center", clip_on=True)

    ax = axes[1]
    for a, g in L["zones"]:
        outline(ax, g, color="purple", lw=1.2, ls=":")
        c = g.PointOnSurface()
        ax.text(c.GetX(), c.GetY(), a["code"], color="purple", fontsize=13, weight="bold", clip_on=True)
    for a, g in L["sites"]:
        fill(ax, g, fc="#d62728", ec="#7a0000", lw=0.6, alpha=0.8)
        c = g.PointOnSurface()
        ax.text(c.GetX(), c.GetY(), a["site_id"], fontsize=7, clip_on=True)
    for a, g in L["site_lines"]:
        for pts in lines(g):
            ax.plot(*zip(*[(p[0], p[1]) for p in pts]), color="#1f3fbf", lw=2)
        c = g.Centroid()
        ax.text(c.GetX(), c.GetY(), a["site_id"], fontsize=7, color="#1f3fbf", clip_on=True)

    fig.suptitle("mongcai-layers.gpkg (EPSG:5899, drawn in lon/lat) — land and border: GSHHG 2.3.7; "
                 "everything else schematic, not a legal boundary", fontsize=11)
    fig.tight_layout()
    fig.savefig(args.out, dpi=70)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
