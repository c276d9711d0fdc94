"""The ONS lookups of 2021-2024 (via geographr): each LSOA11's CCG (2021), sub-ICB location and
ICB (2022) and 2017 ward; each LSOA21's sub-ICB location and ICB (2024), ward and district
(2024); district -> upper-tier council (2021, 2023) and -> region (2024); and the LSOA11 ->
LSOA21 pairs (the boundary step picks one LSOA11 per LSOA21 among them). CCG21 and STP21 ODS
codes come from the patients map of January 2022 (patients_registered)."""

from __future__ import annotations

import polars as pl

from localnhs.sources import geographr_lookups as gl
from localnhs.sources import ons_lookups as ol
from localnhs.store import district_facts
from localnhs.store.datasets._geo import ENGLISH_LSOA21, check_lsoas, england, table
from localnhs.store.staging import relationships


def load(ctx) -> None:
    with ctx.step("geography: 2021-2024 lookups", total=2) as advance:
        _lsoa11(ctx)
        advance()
        _lsoa21(ctx)
        advance()


def _lsoa11(ctx) -> None:
    areas, parts = ctx.staged.areas, ctx.staged.lsoa11
    # CCG21 / STP21: ODS codes from NHS Digital's January 2022 practice map.
    pmap, pfile = table(ctx, ol, ol.PRACTICE_MAP, dataset="patients_registered")
    ccg21_ods = dict(pmap.select("ccg", "ccg_ods").unique().iter_rows())
    stp21_ods = dict(pmap.select("stp", "stp_ods").unique().iter_rows())
    c21, file = table(ctx, gl, "lsoa_ccg21")
    check_lsoas(c21, file)
    c21 = c21.with_columns(pl.col("ccg").replace_strict(ccg21_ods, default=None).alias("ccg_ods"),
                           pl.col("stp").replace_strict(stp21_ods, default=None).alias("stp_ods"))
    missing = c21.filter(pl.col("ccg_ods").is_null())["ccg"].unique().to_list()
    if missing:
        ctx.notes.append(f"geography: no ODS code in {pfile} for CCG21 {', '.join(missing)}")
    areas.frame(c21, "ccg", "2021", file, code="ccg", name="ccg_name", ods="ccg_ods", parent="stp")
    areas.frame(c21, "stp", "2021", file, code="stp", name="stp_name", ods="stp_ods")
    areas.frame(c21, "lad", "2021", file, code="lad", name="lad_name")
    parts.append(c21.select(pl.col("lsoa11").alias("code"), pl.col("ccg").alias("ccg21"), pl.col("lad").alias("lad21")))
    c21_rows = [(code, row[5], row[4], row[6]) for (t, v, code), row in areas.rows.items() if t == "ccg" and v == "2021"]
    relationships(ctx.conn, [(ods, stp, "in_stp", "2021-04-01", "2022-06-30", src, "ONS LSOA to CCG to STP lookup", None)
                             for _code, stp, ods, src in c21_rows if ods and stp])

    s22, file = table(ctx, gl, "lsoa_sicbl22")
    check_lsoas(s22, file)
    areas.frame(s22, "sub_icb", "2022", file, code="sicbl", name="sicbl_name", ods="sicbl_ods", parent="icb")
    areas.frame(s22, "icb", "2022", file, code="icb", name="icb_name", ods="icb_ods")
    parts.append(s22.select(pl.col("lsoa11").alias("code"), pl.col("sicbl").alias("sicbl22"), pl.col("icb").alias("icb22")))

    w17, file = table(ctx, gl, "lsoa11_ward17")
    w17 = england(w17, "lsoa11")
    check_lsoas(w17, file)
    parts.append(w17.select(pl.col("lsoa11").alias("code"), pl.col("ward").alias("ward17")))
    ward_names = ctx.staged.parsed["ward_names"]  # from the 2016 and 2019 ward lists (ons_lookups_2015_2020)
    for ward in w17["ward"].unique().sort():
        areas.put(ward, "ward", "2017", ward_names.get(ward), file)


def _lsoa21(ctx) -> None:
    areas = ctx.staged.areas
    i24, file = table(ctx, gl, "lsoa21_icb24")
    check_lsoas(i24, file, "lsoa21", ENGLISH_LSOA21)
    areas.frame(i24, "sub_icb", "2024", file, code="sicbl", name="sicbl_name", ods="sicbl_ods", parent="icb")
    areas.frame(i24, "icb", "2024", file, code="icb", name="icb_name", ods="icb_ods")
    areas.frame(i24, "lsoa21", "2021", file, code="lsoa21", name="lsoa21_name")
    parts = ctx.staged.lsoa21
    parts.append(i24.select(pl.col("lsoa21").alias("code"), pl.col("lsoa21_name").alias("name"),
                            pl.col("sicbl").alias("sicbl24"), pl.col("icb").alias("icb24")))

    w24, file = table(ctx, gl, "lsoa21_ward24")
    w24 = england(w24, "lsoa21")
    check_lsoas(w24, file, "lsoa21", ENGLISH_LSOA21)
    areas.frame(w24, "ward", "2024", file, code="ward", name="ward_name", parent="lad")
    parts.append(w24.select(pl.col("lsoa21").alias("code"), pl.col("ward").alias("ward24"), pl.col("lad").alias("lad24")))

    u21, file = table(ctx, gl, "ltla21_utla21")
    u21 = england(u21, "lad")
    areas.frame(u21, "utla", "2021", file, code="utla", name="utla_name")
    areas.set_parents("lad", "2021", dict(u21.select("lad", "utla").iter_rows()))
    u23, file23 = table(ctx, gl, "ltla23_utla23")
    u23 = england(u23, "lad")
    areas.frame(u23, "utla", "2023", file23, code="utla", name="utla_name")
    r24, file = table(ctx, gl, "ltla24_region24")
    district_facts.regions(ctx.conn, r24, file)
    areas.frame(r24, "region", "2024", file, code="region", name="region_name")
    areas.frame(r24, "lad", "2024", file, code="lad", name="lad_name")
    utla_of = dict(u23.select("lad", "utla").iter_rows())
    areas.set_parents("lad", "2024", utla_of)
    ctx.staged.parsed["utla_of_lad23"] = utla_of

    pairs, file = table(ctx, gl, "lsoa11_lsoa21")
    pairs = england(pairs, "lsoa21")
    # Candidate LSOA11s per LSOA21 in file order; the overlap choice is made with the shapes.
    parts.append(pairs.group_by("lsoa21", maintain_order=True).agg(pl.col("lsoa11").alias("lsoa11_candidates"))
                 .rename({"lsoa21": "code"}))
