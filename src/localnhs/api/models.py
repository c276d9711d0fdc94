"""Response models for the OpenAPI document: what each endpoint answers, success and error.

The routes return plain dicts (serialised once, directly); these models describe them for
/openapi.json and /api/docs and are checked against real answers by schemathesis
(tests/test_schemathesis.py). Open to additions (extra fields allowed) so a new field is not
a contract break; the fields listed are the ones always present.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# ----------------------------------------------------------------------------- errors


class ErrorDetail(_Open):
    status: int = Field(description="The HTTP status, repeated.", examples=[404])
    code: str = Field(description="A stable machine-readable reason: invalid_input, not_found, outside_england, "
                                  "method_not_allowed, payload_too_large, rate_limited, too_busy, timeout, "
                                  "headers_too_large, database_unavailable, internal_error, ...",
                      examples=["not_found"])
    message: str = Field(description="What was wrong, in words.", examples=["No postcode ZZ99 9ZZ."])
    hint: str | None = Field(None, description="What to try instead.")
    nation: str | None = Field(None, description="For outside_england: the nation the postcode is in.")
    request_id: str | None = Field(None, description="The X-Request-Id of the request, to quote when reporting it.")


class Error(BaseModel):
    """The one error shape of the API."""

    model_config = ConfigDict(extra="forbid")
    error: ErrorDetail


def _err(description: str) -> dict:
    return {"model": Error, "description": description}


RETRY = {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}}
E400 = {400: _err("Invalid input: the message says what a valid value looks like.")}
E404 = {404: _err("Not found, or outside NHS England (code outside_england, with the nation).")}
E405 = {405: {**_err("Method not allowed; the Allow header lists the allowed ones."),
              "headers": {"Allow": {"description": "Allowed methods.", "schema": {"type": "string"}}}}}
E413 = {413: _err("The request body is larger than the server accepts.")}
E429 = {429: {**_err("Too many requests from this client, or too much bulk work in flight."), "headers": RETRY}}
E431 = {431: _err("The request line and headers are too large.")}
E503 = {503: {**_err("Timed out, or the data store cannot answer right now."), "headers": RETRY}}
COMMON = {**E429, **E431, **E503}


def responses(model, *extra: dict, description: str = "The answer.") -> dict:
    """The responses= of a route: its success model, the given errors and the common ones."""
    out: dict = {200: {"model": model, "description": description}}
    for e in extra:
        out.update(e)
    out.update(COMMON)
    return out


# ----------------------------------------------------------------------------- bodies


class Successor(_Open):
    code: str
    name: str
    date: str


class Body(_Open):
    """An organisation or area: practice, trust, commissioner, council, region..."""

    code: str = Field(examples=["RWW"])
    name: str = Field(examples=["Warrington and Halton Teaching Hospitals NHS Foundation Trust"])
    kind: str = Field(examples=["nhs_trust"])
    label: str = Field(description="What it is, in words.")
    source: str = Field(description="The file or cited page the fact comes from.")
    opened: str | None = None
    closed: str | None = None
    foundation_trust: bool | None = None
    trust_type: str | None = None
    successor: Successor | None = None
    method: str | None = Field(None, description="How it was assigned to the place, in words.")
    confidence: str | None = Field(None, description="high / medium / low")
    lat: float | None = None
    lon: float | None = None


class Location(_Open):
    query: str
    postcode: str
    status: str = Field(description="live / terminated")
    terminated: str | None = None
    country: str
    lat: float | None = None
    lon: float | None = None
    located_by: str
    label: str
    notes: list[str] = []


class Area(_Open):
    code: str
    name: str
    type: str
    vintage: str


class NearPractice(_Open):
    practice: Body
    distance_km: float
    list_size: int | None = None
    list_size_date: str | None = None
    pcn: Body | None = None
    commissioner: Body | None = None
    note: str | None = None


class TrustRole(_Open):
    role: str = Field(description="acute, ambulance, mental_health, community")
    trust: Body | None = None
    method: str
    confidence: str
    share: float | None = None
    distance_km: float | None = None
    note: str | None = None
    basis: str | None = None
    source: str | None = None


class Place(_Open):
    """The local health system for a postcode on a date."""

    as_of: str = Field(examples=["2016-04-01"])
    location: Location
    councils: list[Body]
    ward: Area | None = None
    hwb: Body | None = Field(None, description="The Health and Wellbeing Board.")
    healthwatch: Body | None = None
    commissioners: list[Body] = Field(description="Closest first: CCG / sub-ICB location, ICB, region.")
    practices: list[NearPractice]
    trusts: list[TrustRole]
    national: list[Body]
    sources: list[str]
    notes: list[str] = []


class Link(_Open):
    relation: str
    code: str
    name: str
    kind: str


class Organisation(_Open):
    """One organisation: what it is, relationships both ways, history, figures."""

    as_of: str
    body: Body
    address: str | None = None
    postcode: str | None = None
    attributes: list[dict]
    names: list[dict]
    current: list[Link]
    history: list[Link]
    figures: dict[str, list[dict]]
    counts: dict[str, int] = {}
    areas: list[dict] = []
    successors: list[Successor] = []


class SearchHit(_Open):
    code: str
    name: str
    kind: str
    current: bool
    exact: bool


class Search(_Open):
    query: str
    results: list[SearchHit]


class Figure(_Open):
    value: int | float | str | None
    as_of: str
    source: str


class Stats(BaseModel):
    """National figures, each with its date and source file (keyed by figure name)."""

    model_config = ConfigDict(extra="allow")
    gp_practices: Figure
    postcodes: Figure


class BulkRequest(BaseModel):
    postcodes: list[str] = Field(max_length=10_000, examples=[["WA5 1QG", "NN17 1AA"]])
    as_of: str | list[str] | None = Field(None, examples=["2016-04-01", ["today", "2016-04-01"]])
    fields: list[str] | None = Field(None, description="Columns of `localnhs enrich` to return (set-based answer).",
                                     examples=[["icb", "icb_name"]])
    format: Literal["json", "csv"] | None = Field(None, description="json (default) or csv (set-based answer).")


class BulkPlace(_Open):
    """A postcode's answer as GET /api/places/{pc} gives it, without `practices` and `national`."""

    as_of: str = Field(examples=["2016-04-01"])
    location: Location
    councils: list[Body]
    ward: Area | None = None
    hwb: Body | None = None
    healthwatch: Body | None = None
    commissioners: list[Body]
    trusts: list[TrustRole]
    sources: list[str]
    notes: list[str] = []


class BulkItem(BaseModel):
    """One postcode's answer: `result`, or `error` in the error shape (per item; the batch still answers 200)."""

    model_config = ConfigDict(extra="forbid")
    query: str
    result: BulkPlace | None = None
    error: ErrorDetail | None = None


class Bulk(_Open):
    """One date, JSON: each postcode's place answer (GET /api/places/{pc} without practices and national bodies)."""

    as_of: str | None
    count: int
    results: list[BulkItem]


class BulkFlatItem(_Open):
    """One row of the set-based answer: the query, its status, the chosen columns (suffixed by date
    when several dates were asked for), and ``error`` on a row that is not answered."""

    query: str
    status: str
    error: ErrorDetail | None = None


class BulkFlat(_Open):
    """A list of dates, ``fields`` or ``format=csv``: the codes and names of `localnhs enrich`."""

    as_of: list[str]
    count: int
    fields: list[str]
    results: list[BulkFlatItem]
