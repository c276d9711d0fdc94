"""Councils for a place: unitary, or county plus district, with the ward, and the Health and
Wellbeing Board and local Healthwatch that go with the upper-tier council."""

from __future__ import annotations

import datetime as dt

from localnhs.query import area_rows as rows
from localnhs.query.bodies import body, copy
from localnhs.query.model import Area, Body, Location
from localnhs.query.per_connection import build_cache
from localnhs.store import read

ERA_2016 = dt.date(2019, 4, 1)
ERA_2021 = dt.date(2023, 4, 1)


def _lad_and_vintage(conn, loc: Location, as_of: dt.date):
    l11 = rows.lsoa11(conn, loc.lsoa11) if loc.lsoa11 else None
    if as_of < ERA_2016 and l11 is not None and l11["lad16"]:
        return l11["lad16"], "2016", "county"
    if as_of < ERA_2021 and l11 is not None and l11["lad21"]:
        return l11["lad21"], "2021", "utla"
    pc = rows.postcode_places(conn, loc.postcode)
    lad = pc[0] if pc is not None and pc[0] else None
    if lad is None and loc.lsoa21:
        l21 = rows.lsoa21(conn, loc.lsoa21)
        lad = l21["lad24"] if l21 else None
    return lad, "2024", "utla"


def councils(conn, loc: Location, as_of: dt.date) -> tuple[list[Body], Body | None, Body | None]:
    """Returns ([upper-tier or unitary, district?], HWB, Healthwatch): fresh copies of what is
    worked out once per build for the district, its vintage and the date (a council's places share it)."""
    lad, vintage, _ = _lad_and_vintage(conn, loc, as_of)
    if not lad:
        return [], None, None
    out, hwb, hw = build_cache(conn).memo("councils", _councils, lad, vintage, as_of, limit=20_000)
    return [copy(b) for b in out], (copy(hwb) if hwb else None), (copy(hw) if hw else None)


def _councils(conn, lad: str, vintage: str, as_of: dt.date) -> tuple[list[Body], Body | None, Body | None]:
    area = rows.area(conn, "lad", vintage, lad) or rows.area_any_vintage(conn, "lad", lad)
    upper = area["parent_code"] if area is not None and area["parent_code"] and area["parent_code"] != lad else None
    out = []
    method = f"official lookup (the ONS table of councils, {vintage})"
    for code in ([upper] if upper else []) + [lad]:
        b = body(conn, code, as_of, method=method, confidence="high")
        if b:
            out.append(b)
    top = upper or lad
    hwb = body(conn, f"HWB-{top}", as_of, method="one per upper-tier council (derived)", confidence="high")
    serves = read.related_from(conn, f"HW-{top}", "serves", as_of.isoformat())
    how = serves[0]["method"] if serves else "one per upper-tier council, named after it (derived)"
    hw = body(conn, f"HW-{top}", as_of, method=how,
              confidence="high" if how.startswith("cited") else "medium")
    return out, hwb, hw


def ward(conn, loc: Location, as_of: dt.date) -> Area | None:
    pc = rows.postcode_places(conn, loc.postcode)
    if pc is not None and pc[1]:
        a = rows.area_any_vintage(conn, "ward", pc[1])
        if a:
            return Area(a["code"], a["name"], "ward", a["vintage"])
    return None
