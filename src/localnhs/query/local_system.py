"""The local health system for a place on a date: the seeds' hand-made list, from data."""

from __future__ import annotations

import datetime as dt

from localnhs.query import compiled
from localnhs.query import councils as councils_q
from localnhs.query.commissioners import commissioners, footprint
from localnhs.query.dates import parse
from localnhs.query.model import LocalSystem
from localnhs.query.national import national_bodies
from localnhs.query.places import locate
from localnhs.query.practices import nearest
from localnhs.query.trusts import trusts


def local_system(conn, query: str, as_of: str | dt.date | None = None, n_practices: int = 5) -> LocalSystem:
    """A full postcode is answered from the compiled placements (query/compiled.py); anything else
    (partial postcodes, places, organisations, postcodes not in the data) by the query path below."""
    found = compiled.lookup(conn, query, as_of, n_practices)
    if found is not None:
        return found
    return local_system_live(conn, query, as_of, n_practices)


def local_system_live(conn, query: str, as_of: str | dt.date | None = None, n_practices: int = 5) -> LocalSystem:
    """The query path, step by step: what the compiled answers are built from and checked against."""
    when = parse(as_of)
    loc = locate(conn, query)
    chain = commissioners(conn, loc, when)
    place_comm = chain[0].code if chain else None
    area = footprint(conn, chain, when)
    cs, hwb, hw = councils_q.councils(conn, loc, when)
    notes = list(loc.notes)
    if not chain:
        notes.append("No commissioner could be found for this place on that date.")
    sources = sorted({b.source for b in [*chain, *cs] if b and b.source})
    return LocalSystem(
        as_of=when.isoformat(), location=loc, councils=cs, ward=councils_q.ward(conn, loc, when),
        hwb=hwb, healthwatch=hw, commissioners=chain,
        practices=nearest(conn, loc, when, n=n_practices, place_commissioner=place_comm),
        trusts=trusts(conn, loc, when, area, cs[0].code if cs else None), national=national_bodies(when), sources=sources, notes=notes,
    )
