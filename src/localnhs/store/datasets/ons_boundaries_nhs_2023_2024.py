"""ONS boundaries of ICBs, sub-ICB locations, NHS England regions (2023/24) and councils: the
map shapes, and each ICB's region (no ICB -> region lookup is published, so each ICB's ONS
label point is tested in the 2024 region polygons; the 2022 ICBs take their 2023 successor's)."""

from __future__ import annotations

import numpy as np
import shapely

from localnhs.sources import boundaries
from localnhs.sources._rows import SourceError

DATASET = boundaries.ONS
# April 2023 Frimley / Surrey Heartlands recoding: ICB22 code -> the ICB23/24 code it became.
ICB22_TO_ICB23 = {"E54000052": "E54000063", "E54000053": "E54000064"}
# Simplification tolerance in degrees (~1e-5 deg = 1.1 m north-south).
TOLERANCE = {"lsoa21": 0.0002, "lad": 0.0004, "utla": 0.0005, "sub_icb": 0.0005, "icb": 0.0008,
             "nhs_region": 0.001, "ccg": 0.0005}
SHAPES = (("icb23", "icb", "2024"), ("sicbl23", "sub_icb", "2024"), ("nhser24", "nhs_region", "2024"),
          ("lad24", "lad", "2024"), ("ctyua23", "utla", "2023"))


def geojson(geoms, tolerance):
    """Simplified (topology kept) and rounded to 5 places (~1 m) for the maps."""
    simple = shapely.simplify(geoms, tolerance, preserve_topology=True)
    return shapely.to_geojson(shapely.transform(simple, lambda c: np.round(c, 5)))


def load(ctx) -> None:
    with ctx.step("geography: map shapes", total=len(SHAPES) + 1) as advance:
        layers = {}
        for key, _type, _vintage in SHAPES:
            file, prefix = boundaries.ONS_FILES[key]
            path = ctx.path(DATASET, file)
            layers[key] = boundaries.read_ons(path, prefix)
            ctx.log(DATASET, path, layers[key].rejects)
        _icb_regions(ctx, layers["icb23"], layers["nhser24"])
        advance()
        rows = []
        for key, type_, vintage in SHAPES:
            layer = layers[key]
            eng = np.array([c.startswith("E") for c in layer.codes])
            gj = geojson(layer.geoms[eng], TOLERANCE[type_])
            rows += [(type_, vintage, c, g, boundaries.ONS_FILES[key][0]) for c, g in zip(layer.codes[eng], gj)]
            advance()
        ctx.conn.executemany("INSERT INTO area_geometry VALUES (?,?,?,?,?)", rows)


def _icb_regions(ctx, icbs, regs) -> None:
    """Each ICB's 2024 region, set as the parent of the 2022 and 2024 ICB areas."""
    areas = ctx.staged.areas
    tree = shapely.STRtree(regs.geoms)
    pt_idx, reg_idx = tree.query(icbs.label, predicate="within")
    found = dict(zip(icbs.codes[pt_idx], regs.codes[reg_idx]))
    for i, code in enumerate(icbs.codes):
        if code not in found:  # label point on a coast / generalised edge: nearest region
            found[code] = regs.codes[tree.nearest(icbs.label[i])]
    unknown = set(found.values()) - {c for (t, v, c) in areas.rows if t == "nhs_region" and v == "2024"}
    if unknown:
        raise SourceError(f"{boundaries.ONS_FILES['nhser24'][0]}: region codes {sorted(unknown)} are not in nhs_regions.json")
    for old, new in ICB22_TO_ICB23.items():
        found[old] = found[new]
    for vintage in ("2022", "2024"):
        missing = [c for (t, v, c) in areas.rows if t == "icb" and v == vintage and c not in found]
        if missing:
            raise SourceError(f"no NHS England region found for ICB {', '.join(missing)}")
        areas.set_parents("icb", vintage, found)
