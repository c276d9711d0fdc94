"""OHID's acute trust catchments (2018, 2019): the share of each MSOA's admissions that went to
each trust; and the MSOA11 areas (those the postcode lookup nests LSOAs in), named from the
catchments' MSOA lookup."""

from __future__ import annotations

import polars as pl

from localnhs.sources import catchments

DATASET = catchments.DATASET


def load(ctx) -> None:
    with ctx.step("acute catchments", total=len(catchments.FILES) + 1) as advance:
        for year, file in catchments.FILES.items():
            path = ctx.path(DATASET, file)
            df, rejects = catchments.read(path)
            ctx.log(DATASET, path, rejects)
            ctx.conn.executemany(
                "INSERT INTO catchment VALUES (?,?,?,?,?)",
                df.select("msoa11", "trust", pl.lit(year).alias("year"), "share", pl.lit(file).alias("source")).iter_rows(),
            )
            advance()
        names_path = ctx.path(DATASET, catchments.MSOA_NAMES)
        msoa_names, rejects = catchments.read_msoa_names(names_path)
        ctx.log(DATASET, names_path, rejects)
        nest = ctx.staged.parsed["lsoa11_msoa11"]
        msoas = nest.select("msoa11").unique().join(msoa_names, on="msoa11", how="left").sort("msoa11")
        ctx.staged.areas.frame(msoas, "msoa11", "2011", catchments.MSOA_NAMES, code="msoa11")
        advance()
