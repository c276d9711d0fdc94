"""The ONS lookups of the CCG years (2015-2020): each LSOA11's CCG per vintage, its 2016 district
and 2019 upper-tier council, the 2016 counties, the CCG -> NHS England region (2017, 2018) and
CCG -> STP (2017-2020) lookups, and the ward names the 2017 wards are named by. (Its NHS England
local-office file names ODS codes and is read by patients_registered, which links them.)"""

from __future__ import annotations

import polars as pl

from localnhs.sources import ons_lookups as ol
from localnhs.store.datasets._geo import check_lsoas, england, table
from localnhs.store.staging import relationships

DATASET = "ons_lookups_2015_2020"
STP_ENDS = {"17": "2018-03-31", "18": "2019-03-31", "19": "2020-03-31", "20": "2021-03-31"}


def load(ctx) -> None:
    with ctx.step("geography: CCG-era lookups", total=3) as advance:
        _lsoa_ccgs(ctx)
        advance()
        _regions_and_stps(ctx)
        advance()
        ward_names: dict[str, str] = {}
        for key in ("wd19", "wd16"):  # the 2017 wards mostly kept their 2016 or 2019 names
            df, _ = table(ctx, ol, key)
            ward_names.update(df.select("ward", "ward_name").iter_rows())
        ctx.staged.parsed["ward_names"] = ward_names
        r19, file19 = table(ctx, ol, "nhser19")
        ctx.staged.parsed["nhser19"] = (r19, file19)
        advance()


def _lsoa_ccgs(ctx) -> None:
    areas, parts = ctx.staged.areas, ctx.staged.lsoa11
    for yy in ("15", "16", "17", "18", "19", "20"):
        df, file = table(ctx, ol, f"lsoa_ccg{yy}")
        check_lsoas(df, file)
        vintage = f"20{yy}"
        areas.frame(df, "ccg", vintage, file, code="ccg", name="ccg_name", ods="ccg_ods")
        cols = [pl.col("lsoa11").alias("code"), pl.col("ccg").alias(f"ccg{yy}")]
        if yy == "16":
            cols += [pl.col("lsoa11_name").alias("name"), pl.col("lad").alias("lad16")]
            areas.frame(df, "lad", "2016", file, code="lad", name="lad_name")
            areas.frame(df, "lsoa11", "2011", file, code="lsoa11", name="lsoa11_name")
        parts.append(df.select(cols))

    cty, file = table(ctx, ol, "lad16_cty16")
    # Metropolitan counties (E11) and Inner/Outer London (E13) are not councils: only
    # shire-county districts have an upper tier above them.
    cty = cty.filter(pl.col("county").str.starts_with("E10"))
    areas.frame(cty, "county", "2016", file, code="county", name="county_name")
    areas.set_parents("lad", "2016", dict(cty.select("lad", "county").iter_rows()))

    utla, file = table(ctx, ol, "lsoa_utla19")
    utla = england(utla, "lsoa11")
    check_lsoas(utla, file)
    areas.frame(utla, "utla", "2019", file, code="utla", name="utla_name")
    parts.append(utla.select(pl.col("lsoa11").alias("code"), pl.col("utla").alias("utla19")))


def _regions_and_stps(ctx) -> None:
    """NHS England regions of 2017 and 2018; STPs of 2017-2020 and the CCGs in each."""
    areas = ctx.staged.areas
    r17, file17 = table(ctx, ol, "ccg17_nhser17")
    r18, file18 = table(ctx, ol, "ccg18_nhser18")
    ods18 = dict(r18.select("nhser", "nhser_ods").unique().iter_rows())
    r17 = r17.with_columns(pl.col("nhser").replace_strict(ods18, default=None).alias("nhser_ods"))
    areas.frame(r17, "nhs_region", "2017", file17, code="nhser", name="nhser_name", ods="nhser_ods")
    areas.frame(r18, "nhs_region", "2018", file18, code="nhser", name="nhser_name", ods="nhser_ods")
    areas.set_parents("ccg", "2017", dict(r17.select("ccg", "nhser").iter_rows()))
    areas.set_parents("ccg", "2018", dict(r18.select("ccg", "nhser").iter_rows()))
    stp_links = []
    for yy in ("17", "18", "19", "20"):
        df, file = table(ctx, ol, f"ccg_stp{yy}")
        areas.frame(df, "stp", f"20{yy}", file, code="stp", name="stp_name", ods="stp_ods" if yy == "20" else None)
        if yy in ("19", "20"):
            areas.set_parents("ccg", f"20{yy}", dict(df.select("ccg", "stp").iter_rows()))
        # CCG -> STP as dated relationships: the footprint used to place trusts before ICBs.
        # STP footprints date from 2016; the first ONS lookup (April 2017) also stands for 2016.
        start = None if yy == "17" else f"20{yy}-04-01"
        for ccg, stp in df.select("ccg", "stp").iter_rows():
            row = areas.rows.get(("ccg", f"20{yy}", ccg))
            if row is not None and row[4]:
                stp_links.append((row[4], stp, "in_stp", start, STP_ENDS[yy], file, "ONS CCG to STP lookup", None))
    relationships(ctx.conn, stp_links)
