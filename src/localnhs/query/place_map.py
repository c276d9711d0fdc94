"""What a place's map shows: points (the place, its nearest practices, its trusts' headquarters)
and outlines (its LSOA 2021 neighbourhood, its council, its commissioner's area on the date).

Outlines are the simplified boundaries stored at build time. Domain answers only (plain dicts);
the map itself is drawn in web/.
"""

from __future__ import annotations

import json

from localnhs.eras import is_ccg_era
from localnhs.query.dates import parse
from localnhs.query.model import LocalSystem
from localnhs.query.names import display
from localnhs.query.per_connection import build_cache
from localnhs.store import read


SHARED_TYPES = frozenset({"lad", "utla", "ccg", "sub_icb", "icb"})  # areas many places share
SHARED_LIMIT = 2_000


def _geometry(conn, type_: str, vintage: str, code: str | None):
    """(GeoJSON geometry, source) of an area, None when it has none. A council's or commissioner's
    outline (large, and the same for every place in it) is read and parsed once per build and the
    same object handed to every map (maps only read it); a neighbourhood's is read each time."""
    if not code:
        return None
    if type_ in SHARED_TYPES:
        return build_cache(conn).memo("area_geometry", _read_geometry, type_, vintage, code, limit=SHARED_LIMIT)
    return _read_geometry(conn, type_, vintage, code)


def _read_geometry(conn, type_: str, vintage: str, code: str):
    row = read.area_geometry(conn, type_, vintage, code)
    return (json.loads(row["geojson"]), row["source"]) if row is not None else None


def place_map(conn, ls: LocalSystem) -> dict:
    """{points, outlines} for the place's map, each outline with the boundary file it comes from."""
    loc = ls.location
    when = parse(ls.as_of)
    points = []
    if loc.lat is not None:
        points.append({"kind": "place", "code": loc.postcode, "name": loc.label, "lat": loc.lat, "lon": loc.lon})
    for p in ls.practices:
        b = p.practice
        if b.lat is not None:
            points.append({"kind": "practice", "code": b.code, "name": b.name, "lat": b.lat, "lon": b.lon,
                           "note": f"{p.distance_km:.1f} km"})
    for r in ls.trusts:
        b = r.trust
        if b is not None and b.lat is not None and not any(x["code"] == b.code for x in points):
            points.append({"kind": "trust", "code": b.code, "name": b.name, "lat": b.lat, "lon": b.lon,
                           "note": r.role.replace("_", " ") + " trust headquarters"})
    outlines = []
    if loc.lsoa21:
        g = _geometry(conn, "lsoa21", "2021", loc.lsoa21)
        if g:
            outlines.append({"kind": "lsoa", "name": f"Neighbourhood {loc.lsoa21} (LSOA 2021)", "geometry": g[0],
                             "source": g[1]})
    for b in sorted(ls.councils, key=lambda c: c.label != "District council"):  # the smaller area first
        g = _geometry(conn, "lad", "2024", b.code) or _geometry(conn, "utla", "2023", b.code)
        if g:
            outlines.append({"kind": "council", "name": f"{b.name} ({b.label.lower()})", "geometry": g[0], "source": g[1]})
            break
    l11 = read.lsoa11(conn, loc.lsoa11) if loc.lsoa11 else None
    l21 = read.lsoa21(conn, loc.lsoa21) if loc.lsoa21 else None
    if is_ccg_era(when):
        code = l11["ccg16"] if l11 is not None else None
        g = _geometry(conn, "ccg", "2016", code)
        if g:
            a = read.area(conn, "ccg", "2016", code)
            outlines.append({"kind": "commissioner", "name": f"{display(a['name']) if a else code} (April 2016 boundary)",
                             "geometry": g[0], "source": g[1]})
    elif l21 is not None:
        for type_, key in (("sub_icb", "sicbl24"), ("icb", "icb24")):
            g = _geometry(conn, type_, "2024", l21[key])
            if g:
                a = read.area(conn, type_, "2024", l21[key])
                outlines.append({"kind": "commissioner" if type_ == "icb" else "sub_icb",
                                 "name": f"{display(a['name']) if a else l21[key]} (2024 boundary)",
                                 "geometry": g[0], "source": g[1]})
    return {"points": points, "outlines": outlines}
