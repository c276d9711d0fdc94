"""The answers, as plain dataclasses. Interfaces render these; ``to_dict`` feeds JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

import orjson


def to_dict(obj):
    """Dataclasses, lists and tuples, dicts and dates as plain JSON-ready values (a dataclass is a
    dict of its fields in order, a date its ISO form). orjson does this in C, about 8x faster than
    walking the fields here (800 vs 99 us for a place answer, identical on 800 sampled answers);
    anything it cannot encode (a dict with keys that are not strings, a set) takes the walk below."""
    try:
        return orjson.loads(orjson.dumps(obj))
    except TypeError:
        return _walk(obj)


def _walk(obj):
    if dataclasses.is_dataclass(obj):
        return {f.name: _walk(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_walk(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _walk(v) for k, v in obj.items()}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


@dataclass
class Successor:
    code: str
    name: str
    date: str


@dataclass
class Body:
    """One organisation as it was on the date asked about."""

    code: str
    name: str
    kind: str
    label: str                       # what it is, in words ("Clinical Commissioning Group")
    source: str
    opened: str | None = None
    closed: str | None = None
    foundation_trust: bool | None = None
    trust_type: str | None = None
    successor: Successor | None = None
    method: str | None = None        # how it was assigned to the place, in words
    confidence: str | None = None    # high / medium / low
    lat: float | None = None
    lon: float | None = None


@dataclass
class Location:
    query: str
    postcode: str
    status: str                      # live / terminated
    terminated: str | None
    country: str
    lat: float | None
    lon: float | None
    located_by: str                  # postcode / lsoa_centre / none
    lsoa11: str | None
    lsoa21: str | None
    msoa11: str | None
    placed_by: str | None
    label: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Area:
    code: str
    name: str
    type: str
    vintage: str


@dataclass
class NearPractice:
    practice: Body
    distance_km: float
    list_size: int | None
    list_size_date: str | None
    pcn: Body | None
    commissioner: Body | None
    note: str | None = None


@dataclass
class TrustRole:
    role: str                        # acute, ambulance, mental_health, community
    trust: Body | None
    method: str
    confidence: str
    share: float | None = None
    distance_km: float | None = None
    others: list[dict] = field(default_factory=list)
    note: str | None = None
    basis: str | None = None         # lookup | data | cited | headquarters | none: where the answer came from
    source: str | None = None        # the file(s) or cited page behind it


@dataclass
class LocalSystem:
    as_of: str
    location: Location
    councils: list[Body]
    ward: Area | None
    hwb: Body | None
    healthwatch: Body | None
    commissioners: list[Body]        # closest first: CCG / sub-ICB location, then area team / ICB, then region
    practices: list[NearPractice]
    trusts: list[TrustRole]
    national: list[Body]
    sources: list[str]
    notes: list[str] = field(default_factory=list)
