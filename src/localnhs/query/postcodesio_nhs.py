"""The ``nhs`` object added to a postcodes.io record with ``nhs=true``: the local health
system of the place on the date (commissioners, nearest practices, trusts by role, councils,
Health and Wellbeing Board, Healthwatch), each with its code, from the same answer as
`localnhs place` - so it says how each was assigned and how sure that is."""

from __future__ import annotations

import datetime as dt

from localnhs.query.errors import QueryError
from localnhs.query.local_system import local_system

PRACTICES = 3


def _body(b) -> dict | None:
    if b is None:
        return None
    return {"code": b.code, "name": b.name, "kind": b.kind}


def nhs_bodies(conn, pcd: str, when: dt.date) -> dict | None:
    """None where localnhs has no answer (Wales, Scotland, a postcode it cannot place)."""
    try:
        ls = local_system(conn, pcd, when, n_practices=PRACTICES)
    except QueryError:
        return None
    return {
        "as_of": ls.as_of,
        "commissioners": [_body(b) for b in ls.commissioners],
        "practices": [{**_body(p.practice), "distance_km": p.distance_km, "list_size": p.list_size}
                      for p in ls.practices],
        "trusts": {t.role: (None if t.trust is None else {**_body(t.trust), "method": t.method,
                                                          "confidence": t.confidence})
                   for t in ls.trusts},
        "councils": [_body(b) for b in ls.councils],
        "health_and_wellbeing_board": _body(ls.hwb),
        "healthwatch": _body(ls.healthwatch),
    }
