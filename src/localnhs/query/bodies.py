"""An organisation as it stood on a date: its name then, what it was, and its successor."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import lru_cache

from localnhs.query.dates import ICB_ERA
from localnhs.query.model import Body, Successor
from localnhs.query.names import display
from localnhs.store import read

TRUST_TYPES = {"acute": "acute", "mental_health": "mental health", "community": "community",
               "ambulance": "ambulance", "care_trust": "care"}
TIERS = {"unitary": "Unitary council", "metropolitan": "Metropolitan borough council",
         "london_borough": "London borough council", "county": "County council", "district": "District council"}
# Single-tier authorities of their own kind (sui generis), though ONS codes them with the London
# boroughs (E09) and the unitaries (E06).
SPECIAL_COUNCILS = {"E09000001": "City of London Corporation", "E06000053": "Council of the Isles of Scilly"}


def label(conn, org, kind: str, as_of: dt.date, trust_type: str | None, ft: bool | None) -> str:
    if kind in ("ccg", "sub_icb_location"):
        return "Clinical Commissioning Group (CCG)" if as_of < ICB_ERA else "Sub-ICB location (formerly CCG)"
    if kind == "icb":
        return "Integrated Care Board (ICB)" if as_of >= ICB_ERA else "Sustainability and Transformation Partnership (STP)"
    if kind == "nhs_trust":
        what = f"{TRUST_TYPES[trust_type]} " if trust_type in TRUST_TYPES else ""
        return f"NHS {what}{'foundation trust' if ft else 'trust'}".replace("NHS care trust", "NHS care trust")
    if kind == "council":
        if org["code"] in SPECIAL_COUNCILS:
            return SPECIAL_COUNCILS[org["code"]]
        tier = read.attribute_at(conn, org["code"], "tier", as_of.isoformat())
        return TIERS.get(tier["value"] if tier else "", "Council")
    return {
        "gp_practice": "GP practice", "pcn": "Primary care network (PCN)", "region": "NHS England region",
        "area_team": "NHS England area team (local office)", "stp": "Sustainability and Transformation Partnership (STP)",
        "hwb": "Health and Wellbeing Board", "healthwatch": "Local Healthwatch",
        "commissioning_hub": "NHS England commissioning hub", "national_body": "National body",
        "sub_icb_reporting_entity": "Sub-ICB reporting entity",
    }.get(kind, kind.replace("_", " "))


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
    org = read.organisation(conn, current)
    name = read.name_at(conn, current, d)
    return Successor(current, display(name["name"] if name else (org["name"] if org else current)), when)


def body(conn, code: str, as_of: dt.date, *, method: str | None = None, confidence: str | None = None) -> Body | None:
    """A fresh copy each call (callers set method and confidence); the lookups behind it are cached,
    since the database is read-only while serving."""
    b = _body(conn, code, as_of)
    return None if b is None else dataclasses.replace(b, method=method, confidence=confidence)


@lru_cache(maxsize=50_000)
def _body(conn, code: str, as_of: dt.date) -> Body | None:
    org = read.organisation(conn, code)
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
    if closed is None or closed < d:
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
