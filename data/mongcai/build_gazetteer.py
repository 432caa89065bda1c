#!/usr/bin/env python3
"""Builds data/mongcai/gazetteer.csv, the places of Móng Cái the register and the text name.

Inputs, all committed:
  - data/layers/mongcai-units-2023.csv: the 17 communes and wards of 13/10/2023 (GSO codes)
    and the unit of 1/7/2025 each went into (Nghị quyết 1679/NQ-UBTVQH15, shared FACTS.md);
  - data/mongcai-layers.gpkg: the zones (code, name) and the sites and site lines (site_id,
    name_vi, name_en) of the sample layers, read with sqlite3 (a GeoPackage is SQLite);
  - the tables below: the ward each site lies in (as data/layers/build_mongcai_layers.py
    places it) and the other spellings under which data/NQ-172-HDND-2023-MongCai.txt names
    a place (noun phrases that name it, typos of the text included: "Trà Cỏ").

Columns: kind (ward, zone, site), code (GSO code, zone code, site id), name (official),
name_en, variants ("|" between them), parent (the ward a site lies in), successor (the
unit of 1/7/2025 that took a 2023 unit in), valid_from, valid_to (ISO dates; empty: open),
source. Run: python3 data/mongcai/build_gazetteer.py (writes the CSV next to itself).
"""
import csv
import os
import sqlite3

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)

# The 2023 units end when the units of 2025 begin (1/7/2025); Hòa Lạc left the GSO list
# between 1/9/2024 and 1/11/2024 (units CSV: "merged ... from 1/11/2024").
UNITS_2023_END = "2025-06-30"
UNITS_2025_START = "2025-07-01"
ENDS = {"06718": "2024-10-31"}

# Other spellings of a ward in the resolution text.
WARD_VARIANTS = {
    "06721": ["Trà Cỏ"],  # 172/NQ-HĐND writes "Trà Cỏ" twice
}

# The ward each site lies in (data/layers/build_mongcai_layers.py, SITES[].ward).
SITE_PARENT = {
    "sa-vy-flag-tower": "06721", "sa-vy-square": "06721", "tra-co-military-office": "06721",
    "po-hen-market": "06724", "tran-phu-walking-street": "06712", "border-gate-area": "06712",
    "tran-phu-high-school": "06712", "land-ninh-duong-1022": "06715", "land-tra-co-certificates": "06721",
    "land-hai-hoa-khu-9": "06742", "land-hai-hoa-35-hspt": "06742", "land-thoi-phi": "06748",
    "land-tran-phu-school-forest": "06736", "hai-yen-ip": "06736", "nam-luc-lam-cluster": "06742",
    "van-ninh-port": "06748", "mong-cai-dong-hung-cooperation-zone": "06742", "tra-co-tourism": "06721",
}

# Names under which 172/NQ-HĐND (or common usage) names a site.
SITE_VARIANTS = {
    "sa-vy-flag-tower": ["Cột cờ Sa Vỹ", "Cột cờ Tổ quốc"],
    "sa-vy-square": ["Tượng Mẹ Âu Cơ", "Đền thờ Lạc Long Quân"],
    "tra-co-military-office": ["Ban Chỉ huy Quân sự phường Trà Cổ", "Ban Chỉ huy Quân sự phường Trà Cỏ"],
    "po-hen-market": ["chợ phiên vùng cao Pò Hèn", "chợ Pò Hèn"],
    "tran-phu-walking-street": ["phố đi bộ Trần Phú"],
    "border-gate-area": ["cửa khẩu quốc tế Móng Cái"],
    "tran-phu-high-school": ["Trường Trung học phổ thông Trần Phú"],
    "land-hai-hoa-khu-9": ["khu 9, phường Hải Hòa"],
    "land-thoi-phi": ["khu vực Thoi Phi"],
    "hai-yen-ip": ["KCN Hải Yên"],
    "nam-luc-lam-cluster": ["Cụm công nghiệp Nam sông Lục Lâm", "CCN Nam sông Lục Lâm"],
    "van-ninh-port": ["Cảng tổng hợp Vạn Ninh", "cảng Vạn Ninh"],
    "mong-cai-dong-hung-cooperation-zone": ["Khu hợp tác kinh tế qua biên giới Móng Cái - Đông Hưng",
                                            "Khu hợp tác kinh tế qua biên giới Móng Cái (Việt Nam) - Đông Hưng (Trung Quốc)"],
    "tra-co-tourism": ["Khu du lịch quốc gia Trà Cổ", "bãi biển Trà Cổ"],
    "coastal-road-cau-voi-hai-yen": ["Đường ven biển đoạn từ Cầu Voi đến đường nối khu công nghiệp Hải Yên"],
    "bac-luan-3-bridge": ["Cầu Bắc Luân 3"],
    "luc-lam-cluster-roads": ["Đường kết nối vào cụm công nghiệp số 1, số 2 phía Nam sông Lục Lâm"],
    "ba-mai-junction-road": ["nút giao cầu Bà Mai"],
    "dai-lo-hoa-binh-lighting": ["Đại lộ Hòa Bình"],
    "ka-long-river-lighting": ["sông Ka Long"],
}

COLUMNS = ["kind", "code", "name", "name_en", "variants", "parent", "successor", "valid_from", "valid_to", "source"]


def main():
    rows = []
    units = list(csv.DictReader(open(os.path.join(DATA, "layers", "mongcai-units-2023.csv"), encoding="utf-8")))
    for u in units:
        rows.append(dict(kind="ward", code=u["gso_code_2023"], name=u["name_2023"], name_en="",
                         variants="|".join(WARD_VARIANTS.get(u["gso_code_2023"], [])), parent="",
                         successor=u["gso_code_2025"], valid_from="", valid_to=ENDS.get(u["gso_code_2023"], UNITS_2023_END),
                         source="GSO unit list 10/04/2023; 2025 unit: NQ 1679/NQ-UBTVQH15"))
    seen = set()
    for u in units:
        if u["gso_code_2025"] in seen:
            continue
        seen.add(u["gso_code_2025"])
        rows.append(dict(kind="ward", code=u["gso_code_2025"], name=u["unit_2025"], name_en="", variants="", parent="",
                         successor="", valid_from=UNITS_2025_START, valid_to="", source="NQ 1679/NQ-UBTVQH15 (from 1/7/2025)"))

    db = sqlite3.connect(os.path.join(DATA, "mongcai-layers.gpkg"))
    for code, name in db.execute("select code, name from zones order by code"):
        rows.append(dict(kind="zone", code=code, name=name, name_en=f"Zoning plan {code}",
                         variants="|".join([f"phân khu {code}", code]), parent="", successor="", valid_from="", valid_to="",
                         source="172/NQ-HĐND; sample layer zones"))
    for table in ("sites", "site_lines"):
        for site_id, name_vi, name_en in db.execute(f"select site_id, name_vi, name_en from {table} order by fid"):
            rows.append(dict(kind="site", code=site_id, name=name_vi, name_en=name_en,
                             variants="|".join(SITE_VARIANTS.get(site_id, [])), parent=SITE_PARENT.get(site_id, ""),
                             successor="", valid_from="", valid_to="", source=f"172/NQ-HĐND; sample layer {table}"))
    missing = (set(SITE_PARENT) | set(SITE_VARIANTS)) - {r["code"] for r in rows if r["kind"] == "site"}
    if missing:
        raise SystemExit(f"sites not in the sample layers: {sorted(missing)}")

    out = os.path.join(HERE, "gazetteer.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {out}: {len(rows)} places")


if __name__ == "__main__":
    main()
