"""The ONS postcode -> LSOA11 -> MSOA11 lookup (May 2022): which MSOA each LSOA11 nests in
(checked one-to-one). The postcode step places postcodes by the same frame (read once, cached)."""

from __future__ import annotations

from localnhs.sources import ons_postcodes
from localnhs.store.datasets._geo import one_to_one

DATASET = "ons_postcode_lsoa_lookup"


def load(ctx) -> None:
    with ctx.step("geography: LSOA in MSOA", total=1) as advance:
        path = ctx.path(DATASET, ons_postcodes.FILE)
        pcd, rejects = ons_postcodes.read(path)
        ctx.log(DATASET, path, rejects)
        nest = pcd.select("lsoa11", "msoa11").unique()
        one_to_one(nest, "lsoa11", "msoa11", ons_postcodes.FILE)
        ctx.staged.lsoa11.append(nest.rename({"lsoa11": "code"}))
        ctx.staged.parsed["lsoa11_msoa11"] = nest
        parent_msoa = dict(nest.iter_rows())
        areas = ctx.staged.areas
        for (t, v, code), row in list(areas.rows.items()):
            if t == "lsoa11":
                areas.rows[(t, v, code)] = row[:5] + (parent_msoa.get(code),) + row[6:]
        advance()
