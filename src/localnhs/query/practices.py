"""Nearest open GP practices to a place on a date, with list size, PCN and commissioner.

'Open on a date' means active GP practice (prescribing setting 4 / role RO76) in the latest
ODS epraccur release on or before that date (the earliest release for earlier dates).
"""

from __future__ import annotations

import datetime as dt

from localnhs.query.bodies import body, copy
from localnhs.query.geo import km
from localnhs.query.model import Body, Location, NearPractice
from localnhs.query.per_connection import build_cache
from localnhs.store import read


def release_for(conn, as_of: dt.date) -> tuple[str, str]:
    rows = build_cache(conn).part("releases", read.releases)
    chosen = rows[0]
    for r in rows:
        if r["as_of"] <= as_of.isoformat():
            chosen = r
    return chosen["file"], chosen["as_of"]


def _active(conn, file: str) -> frozenset[str]:
    return build_cache(conn).memo("active_practices", _find_active, file)


def _find_active(conn, file: str) -> frozenset[str]:
    return frozenset(read.active_gp_codes(conn, file))


def list_size(conn, code: str, as_of: dt.date) -> tuple[int | None, str | None]:
    """The registered-patient count nearest before the date (else the first after)."""
    return build_cache(conn).memo("list_sizes", _list_size, code, as_of)


def _list_size(conn, code: str, as_of: dt.date) -> tuple[int | None, str | None]:
    rows = read.figures(conn, code, "registered_patients")
    if not rows:
        return None, None
    before = [r for r in rows if r["date"] <= as_of.isoformat()]
    r = before[-1] if before else rows[0]
    return int(r["value"]), r["date"]


def practice_links(conn, code: str, as_of: dt.date) -> tuple[Body | None, Body | None]:
    pcn, comm = _links(conn, code, as_of)
    return (copy(pcn) if pcn else None), (copy(comm) if comm else None)


def _links(conn, code: str, as_of: dt.date) -> tuple[Body | None, Body | None]:
    return build_cache(conn).memo("practice_links", _find_links, code, as_of)


def _find_links(conn, code: str, as_of: dt.date) -> tuple[Body | None, Body | None]:
    d = as_of.isoformat()
    pcn = comm = None
    rel = read.related_from(conn, code, "member_of", d)
    if not rel:  # ePCN is of Jan 2023: later dates use its memberships still open then
        rel = [r for r in read.related_from(conn, code, "member_of") if r["valid_to"] is None and r["valid_from"] <= d]
    if rel:
        pcn = body(conn, rel[0]["to_code"], as_of, method="ODS PCN membership", confidence="high")
    rel = read.related_from(conn, code, "commissioned_by", d)
    if rel:
        comm = body(conn, rel[0]["to_code"], as_of, method="ODS practice membership", confidence="high")
    return pcn, comm


def nearest(conn, loc: Location, as_of: dt.date, n: int = 5, place_commissioner: str | None = None) -> list[NearPractice]:
    if loc.lat is None:
        return []
    file, _ = release_for(conn, as_of)
    active = _active(conn, file)
    radius = 0.05
    found = []
    while radius < 3.0:
        pts = read.points_near(conn, loc.lat, loc.lon, radius, radius * 1.6)
        found = [p for p in pts if p["kind"] == "gp_practice" and p["code"] in active]
        if len(found) >= n:
            # make sure nothing just outside the box is nearer than the n-th found
            dists = sorted(km(loc.lat, loc.lon, p["lat"], p["lon"]) for p in found)
            if dists[n - 1] <= radius * 111:
                break
        radius *= 2
    ranked = sorted(found, key=lambda p: km(loc.lat, loc.lon, p["lat"], p["lon"]))[:n]
    out = []
    for p in ranked:
        prac = body(conn, p["code"], as_of, method="nearest open practice", confidence="high")
        size, size_date = list_size(conn, p["code"], as_of)
        pcn, comm = practice_links(conn, p["code"], as_of)
        note = None
        if comm and place_commissioner and comm.code != place_commissioner:
            note = (f"This practice is commissioned by {comm.name}, not the commissioner for the place itself: "
                    "practice lists do not follow area boundaries.")
        out.append(NearPractice(prac, round(km(loc.lat, loc.lon, p["lat"], p["lon"]), 2), size, size_date, pcn, comm, note))
    return out
