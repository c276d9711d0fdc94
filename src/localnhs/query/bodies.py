"""An organisation as it stood on a date: its name then, what it was, and its successor."""

from __future__ import annotations

import datetime as dt

from localnhs import kinds
from localnhs.query.area_rows import plain
from localnhs.query.model import Body, Successor
from localnhs.query.names import display
from localnhs.query.per_connection import build_cache
from localnhs.store import read


def label(conn, org, kind: str, as_of: dt.date, trust_type: str | None, ft: bool | None) -> str:
    """The kind's label on the date (``kinds``); a trust by its type and status, a council by its tier."""
    if kind == "nhs_trust":
        return kinds.trust_label(trust_type, ft)
    if kind == "council":
        if org["code"] in kinds.SPECIAL_COUNCILS:
            return kinds.SPECIAL_COUNCILS[org["code"]][1]
        tier = read.attribute_at(conn, org["code"], "tier", as_of.isoformat())
        return kinds.COUNCIL_TIERS.get(tier["value"] if tier else "", "Council")
    return kinds.label(kind, as_of)


def successor(conn, code: str, as_of: dt.date) -> Successor | None:
    """The body that took over by the date, following chains of mergers (RY1 -> RW4, ...)."""
    d = as_of.isoformat()
    seen = {code}
    current, when = code, None
    for _ in range(6):
        rows = [r for r in read.related_from(conn, current, "succeeded_by") if r["valid_from"] <= d
                and r["to_code"] not in seen]
        if not rows:
            break
        r = max(rows, key=lambda r: r["valid_from"])
        current, when = r["to_code"], r["valid_from"]
        seen.add(current)
    if current == code:
        return None
    org = organisation_row(conn, current)
    name = read.name_at(conn, current, d)
    return Successor(current, display(name["name"] if name else (org["name"] if org else current)), when)


def body(conn, code: str, as_of: dt.date, *, method: str | None = None, confidence: str | None = None) -> Body | None:
    """A fresh copy each call (callers set method and confidence); the lookups behind it are cached,
    since the database is read-only while serving."""
    b = build_cache(conn).memo("bodies", _body, code, as_of, limit=BODY_MEMO_LIMIT)
    return None if b is None else copy(b, method=method, confidence=confidence)


_SAME = object()


def copy(b: Body, method=_SAME, confidence=_SAME) -> Body:
    """A shallow copy of a Body, with a new method and confidence if given: what dataclasses.replace
    gives, by one call of the constructor instead of its per-field walk (which was a tenth of a new
    place answer's time: a body is copied some 30 times per answer). Not through ``__dict__``:
    reading an instance's ``__dict__`` makes Python give it a separate dict object, larger, and one
    more object for the garbage collector to walk in every memo that keeps bodies."""
    return Body(code=b.code, name=b.name, kind=b.kind, label=b.label, source=b.source, opened=b.opened,
                closed=b.closed, foundation_trust=b.foundation_trust, trust_type=b.trust_type,
                successor=b.successor, method=b.method if method is _SAME else method,
                confidence=b.confidence if confidence is _SAME else confidence, lat=b.lat, lon=b.lon)


BODY_MEMO_LIMIT = 50_000
ORG_ROW_LIMIT = 2_000


def organisation_row(conn, code: str):
    """read.organisation, remembered (bounded): a practice's row is read for its body on each date
    it is asked for, then again for its NHS.UK name; a trust's for its contacts."""
    return build_cache(conn).memo("organisation_rows", _organisation_row, code, limit=ORG_ROW_LIMIT)


def _organisation_row(conn, code: str) -> dict | None:
    """The row as a dict of its columns (area_rows.plain: kept out of the garbage collector's walks)."""
    return plain(read.organisation(conn, code))


def _succeeded(conn) -> frozenset[str]:
    """The organisations with any successor relationship (a few hundred): for every other one
    successor() would read no rows and give None, so a new practice's body skips that read."""
    return build_cache(conn).part("succeeded", lambda c: frozenset(read.organisations_related_from(c, "succeeded_by")))


def _body(conn, code: str, as_of: dt.date) -> Body | None:
    org = organisation_row(conn, code)
    if org is None:
        return None
    d = as_of.isoformat()
    name_row = read.name_at(conn, code, d)
    name = display(name_row["name"] if name_row else org["name"])
    kind = org["kind"]
    trust_type = ft = None
    if kind == "nhs_trust":
        t = read.attribute_at(conn, code, "trust_type", d)
        trust_type = t["value"] if t else None
        f = read.attribute_at(conn, code, "foundation_trust", d)
        ft = (f["value"] == "yes") if f else ("FOUNDATION" in name.upper())
    succ = None
    closed = org["closed"]
    if (closed is None or closed < d) and code in _succeeded(conn):
        succ = successor(conn, code, as_of)
    if succ is not None and (closed is None or succ.date <= d):
        closed = closed or (dt.date.fromisoformat(succ.date) - dt.timedelta(days=1)).isoformat()
    elif closed is not None and closed >= d:
        succ = None
    return Body(
        code=code, name=name, kind=kind, label=label(conn, org, kind, as_of, trust_type, ft),
        source=(name_row["source"] if name_row else org["source"]), opened=org["opened"], closed=closed,
        foundation_trust=ft, trust_type=trust_type, successor=succ,
        lat=org["lat"], lon=org["lon"],
    )


def is_open(b: Body, as_of: dt.date) -> bool:
    d = as_of.isoformat()
    return (b.opened is None or b.opened <= d) and (b.closed is None or b.closed >= d)
