"""The LSOA boundaries (2011, 2021, via geographr): each LSOA's representative point (always
inside its shape), the one LSOA11 an LSOA21 came from (the candidate whose shape overlaps it
most), the LSOA21 map shapes, and the 2016 CCG shapes (no boundary was published for them:
LSOA11s nest exactly in CCG16s, so they are dissolved)."""

from __future__ import annotations

import numpy as np
import polars as pl
import shapely

from localnhs.sources import boundaries, ons_lookups
from localnhs.store.datasets._geo import lsoa_layer
from localnhs.store.datasets.ons_boundaries_nhs_2023_2024 import TOLERANCE, geojson
from localnhs.store.staging import lsoa_frame

DATASET = boundaries.GEOGRAPHR


def _path(ctx, key):
    return ctx.path(DATASET, boundaries.GEOGRAPHR_FILES[key][0])


def load(ctx) -> None:
    staged = ctx.staged
    with ctx.step("geography: LSOA shapes", total=4) as advance:
        layers = {}
        for key in ("lsoa11", "lsoa21"):
            path = _path(ctx, key)
            layers[key] = lsoa_layer(path)
            ctx.log(DATASET, path, layers[key].rejects)
        advance()
        points = {}
        for key in ("lsoa11", "lsoa21"):
            layer = layers[key]
            xy = shapely.get_coordinates(shapely.point_on_surface(layer.geoms))
            points[key] = pl.DataFrame({"code": layer.codes.astype(str), "lon": np.round(xy[:, 0], 6),
                                        "lat": np.round(xy[:, 1], 6), "_g": np.arange(len(layer.codes))})
        lsoa11 = lsoa_frame(staged.lsoa11).join(points["lsoa11"], on="code", how="left")
        lsoa21 = lsoa_frame(staged.lsoa21).join(points["lsoa21"], on="code", how="left")
        for key, df in (("lsoa11", lsoa11), ("lsoa21", lsoa21)):
            nogeom = df.filter(pl.col("lat").is_null())
            if nogeom.height:
                ctx.notes.append(f"geography: {nogeom.height} {key} without a boundary, e.g. {nogeom['code'][0]}")
        staged.lsoa11.append(points["lsoa11"].select("code", "lon", "lat"))
        staged.lsoa21.append(lsoa21.select("code", "lon", "lat", _best_lsoa11(lsoa21, layers)))
        advance()

        layer = layers["lsoa21"]
        eng = np.array([c.startswith("E") for c in layer.codes])
        gj = geojson(layer.geoms[eng], TOLERANCE["lsoa21"])
        file = boundaries.GEOGRAPHR_FILES["lsoa21"][0]
        rows = [("lsoa21", "2021", c, g, file) for c, g in zip(layer.codes[eng], gj)]
        advance()
        rows += _ccg16(lsoa11, layers["lsoa11"])
        ctx.conn.executemany("INSERT INTO area_geometry VALUES (?,?,?,?,?)", rows)
        advance()


def _best_lsoa11(lsoa21: pl.DataFrame, layers) -> pl.Series:
    """LSOA21 -> one LSOA11: unchanged and split LSOAs have one candidate; for merged and
    complex ones take the LSOA11 whose 2011 shape overlaps the 2021 shape most (ties: the
    lookup's first row)."""
    g11 = dict(zip(layers["lsoa11"].codes, range(len(layers["lsoa11"].codes))))
    cand = lsoa21.select("code", "_g", "lsoa11_candidates").explode("lsoa11_candidates")
    multi = cand.filter(pl.col("code").is_duplicated())
    best = {}
    if multi.height:
        i21 = multi["_g"].to_numpy()
        i11 = np.array([g11.get(c, -1) for c in multi["lsoa11_candidates"]])
        ok = i11 >= 0
        area = np.zeros(len(i21))
        area[ok] = shapely.area(shapely.intersection(layers["lsoa21"].geoms[i21[ok]], layers["lsoa11"].geoms[i11[ok]]))
        m = multi.with_columns(pl.Series("overlap", area), pl.int_range(pl.len()).alias("_order"))
        m = m.sort(["code", "overlap", "_order"], descending=[False, True, False]).unique("code", keep="first")
        best = dict(m.select("code", "lsoa11_candidates").iter_rows())
    return lsoa21.select(
        pl.col("code").replace_strict(best, default=None).fill_null(pl.col("lsoa11_candidates").list.first())
        .alias("lsoa11")
    ).to_series()


def _ccg16(lsoa11: pl.DataFrame, l11) -> list[tuple]:
    """CCG 2016 shapes: the union of their LSOA11s."""
    order = lsoa11.filter(pl.col("_g").is_not_null()).select("ccg16", "_g").sort("ccg16", "_g")
    source = f"{boundaries.GEOGRAPHR_FILES['lsoa11'][0]} dissolved by {ons_lookups.TABLES['lsoa_ccg16'].file}"
    rows = []
    for (ccg,), grp in order.group_by(["ccg16"], maintain_order=True):
        parts = l11.geoms[grp["_g"].to_numpy()]
        shape = shapely.coverage_union_all(parts)  # exact and fast when the LSOAs tile cleanly
        if not shapely.is_valid(shape):
            shape = shapely.union_all(parts)
        rows.append(("ccg", "2016", ccg, geojson(np.array([shape]), TOLERANCE["ccg"])[0], source))
    return rows
