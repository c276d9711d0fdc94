"""Who commissions care for a place on a date.

2013-2022: the place's CCG from the ONS LSOA -> CCG lookup of that year, then the CCG's
area team (local office) or STP and its NHS England region as the ODS releases record them.
From 1 July 2022: the sub-ICB location and ICB from the ONS lookups (July 2022 on LSOA 2011,
April 2024 on LSOA 2021, after the 2023 Frimley / Surrey Heartlands code changes), then the
ICB's region.
"""

from __future__ import annotations

import datetime as dt

from localnhs.query import area_rows as rows
from localnhs.query.bodies import body, copy
from localnhs.query.dates import ICB_ERA, ccg_column
from localnhs.query.model import Body, Location
from localnhs.query.names import display
from localnhs.query.per_connection import build_cache
from localnhs.store import read

SICBL24_FROM = dt.date(2024, 4, 1)
AREA_SUCCESSOR = "icb_area_successor"  # council area -> the ICB that took it when its ICB split
LOOKUP = "official lookup (the ONS table of which {what} each neighbourhood was in, {vintage})"


def _ods(conn, type_, vintage, ons_code):
    a = rows.area(conn, type_, vintage, ons_code) if ons_code else None
    return (a["ods_code"] if a else None), a


def commissioners(conn, loc: Location, as_of: dt.date) -> list[Body]:
    """Fresh copies of the chain for the place's neighbourhood: what the lookups give for it (the
    CCG, or the sub-ICB location and ICB, with the district where an ICB was split), and the chain
    worked out once per build for those codes and the date, shared by every neighbourhood in them."""
    l11 = rows.lsoa11(conn, loc.lsoa11) if loc.lsoa11 else None
    l21 = rows.lsoa21(conn, loc.lsoa21) if loc.lsoa21 else None
    if as_of < ICB_ERA:
        col = ccg_column(as_of)
        if l11 is None or not l11[col]:
            return []
        key = ("ccg", col, l11[col])
    elif as_of >= SICBL24_FROM and l21 is not None and l21["sicbl24"]:
        key = ("icb", l21["sicbl24"], l21["icb24"], "2024", l21["lad24"])
    elif l11 is not None and l11["sicbl22"]:
        key = ("icb", l11["sicbl22"], l11["icb22"], "2022", l21["lad24"] if l21 is not None else None)
    else:
        return []
    return [copy(b) for b in build_cache(conn).memo("commissioner_chains", _chain, *key, as_of, limit=20_000)]


def _chain(conn, era: str, *key) -> list[Body]:
    """The chain for the lookups' codes on a date: ("ccg", column, CCG's ONS code, date) or
    ("icb", sub-ICB location's and ICB's ONS codes, vintage, the 2024 district, date)."""
    as_of = key[-1]
    d = as_of.isoformat()
    chain: list[Body] = []
    if era == "ccg":
        col, ccg_ons = key[0], key[1]
        vintage = "20" + col[3:]
        ods, _ = _ods(conn, "ccg", vintage, ccg_ons)
        ccg = body(conn, ods, as_of, method=LOOKUP.format(what="CCG", vintage=vintage), confidence="high") if ods else None
        if ccg is None:
            return chain
        chain.append(ccg)
        for rel in read.related_from(conn, ccg.code, "part_of", d)[:1]:
            parent = body(conn, rel["to_code"], as_of, method="ODS release: where the CCG's practices were grouped",
                          confidence="high")
            if parent:
                chain.append(parent)
        for rel in read.related_from(conn, ccg.code, "in_region", d)[:1]:
            region = body(conn, rel["to_code"], as_of, method="ODS release: the CCG's practices' region",
                          confidence="high")
            if region:
                chain.append(region)
        return chain

    sub, icb, vintage, lad24 = key[0], key[1], key[2], key[3]
    sub_ods, _ = _ods(conn, "sub_icb", vintage, sub)
    icb_ods, icb_area = _ods(conn, "icb", vintage, icb)
    method = f"official lookup (the ONS table of which sub-ICB location and ICB each neighbourhood is in, {vintage})"
    sub_b = body(conn, sub_ods, as_of, method=method, confidence="high") if sub_ods else None
    if sub_b:
        chain.append(sub_b)
    if icb_ods:
        icb_ods, icb_method, confidence = icb_on(conn, icb_ods, {"lad24": lad24}, as_of, method)
        b = body(conn, icb_ods, as_of, method=icb_method, confidence=confidence)
        if b:
            chain.append(b)
    if icb_ods:
        rel = read.related_from(conn, icb_ods, "in_region", d)
        region_code = rel[0]["to_code"] if rel else None
        if region_code is None and icb_area is not None and icb_area["parent_code"]:
            region_code = rows.area(conn, "nhs_region", "2024", icb_area["parent_code"])["ods_code"]
        region = body(conn, region_code, as_of, method="ICB's NHS England region", confidence="high") if region_code else None
        if region:
            chain.append(region)
    return chain


def _upper_council(conn, l21) -> str | None:
    lad = l21["lad24"] if l21 is not None else None
    area = read.area(conn, "lad", "2024", lad) if lad else None
    return (area["parent_code"] or lad) if area is not None else lad


def icb_on(conn, icb: str, l21, as_of: dt.date, method: str) -> tuple[str, str, str]:
    """The ICB a neighbourhood of the lookup's ICB belongs to on the date: the lookup's own, or
    after a reorganisation (1 April 2026) its ODS successor. Where the ICB was split between
    successors, the one that took the place's council area (derived at build, and said so)."""
    d = as_of.isoformat()
    confidence = "high"
    for _ in range(4):
        succs = [r for r in read.related_from(conn, icb, "succeeded_by")
                 if r["valid_from"] <= d and (o := read.organisation(conn, r["to_code"])) and o["kind"] == "icb"]
        if not succs:
            break
        old = read.organisation(conn, icb)
        old_name = display(old["name"]).replace("Integrated Care Board", "ICB") if old else icb
        if len(succs) == 1:
            new, how = succs[0]["to_code"], "ODS successor organisations"
        else:
            upper = _upper_council(conn, l21)
            ids = {r["to_code"] for r in succs}
            hits = [r for r in read.related_from(conn, upper, AREA_SUCCESSOR, d) if r["to_code"] in ids] if upper else []
            if not hits:
                break
            new, how, confidence = hits[0]["to_code"], hits[0]["method"], "medium"
        date = succs[0]["valid_from"]
        org = read.organisation(conn, new)
        new_name = display(org["name"]).replace("Integrated Care Board", "ICB") if org else new
        method = f"{method}; that lookup's {old_name} ({icb}) was succeeded on {date} by {new_name} ({new}): {how}"
        icb = new
    return icb, method, confidence


def footprint(conn, chain: list[Body], as_of: dt.date) -> str | None:
    """The commissioning footprint used to find a place's mental-health and community trusts:
    the ICB from July 2022; before that the CCG's STP (ONS CCG to STP lookups, 2017-2021; the
    2017 footprints also stand for 2016, when STPs were first drawn), else its area team."""
    if not chain:
        return None
    if as_of >= ICB_ERA or chain[0].kind not in ("ccg", "sub_icb_location"):
        return chain[1].code if len(chain) > 1 else None
    rel = build_cache(conn).memo("in_stp", read.related_from, chain[0].code, "in_stp", as_of.isoformat(), limit=20_000)
    if rel:
        return rel[0]["to_code"]
    return chain[1].code if len(chain) > 1 else None
