"""`near`: the nearest practices or trusts of one kind to a place, as plain rows."""

from __future__ import annotations

import datetime as dt

from localnhs.query.geo import km
from localnhs.query.places import locate
from localnhs.query.practices import nearest
from localnhs.query.trusts import _candidates


def nearby(conn, query: str, kind: str, n: int, as_of: dt.date) -> list[dict]:
    loc = locate(conn, query)
    if kind == "gp":
        return [{"code": p.practice.code, "name": p.practice.name, "distance_km": p.distance_km,
                 "list_size": p.list_size, "list_size_date": p.list_size_date,
                 "pcn": p.pcn.name if p.pcn else None, "commissioner": p.commissioner.name if p.commissioner else None}
                for p in nearest(conn, loc, as_of, n=n)]
    if loc.lat is None:
        return []
    cands = [b for b in _candidates(conn, kind, as_of) if b.closed is None or b.closed >= as_of.isoformat()]
    ranked = sorted(cands, key=lambda b: km(loc.lat, loc.lon, b.lat, b.lon))[:n]
    return [{"code": b.code, "name": b.name, "distance_km": round(km(loc.lat, loc.lon, b.lat, b.lon), 2),
             "foundation_trust": b.foundation_trust, "type": b.trust_type} for b in ranked]
