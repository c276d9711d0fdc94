"""One body by its code: what it is, its relationships both ways, its history and figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from localnhs.query.bodies import body
from localnhs.query.dates import parse
from localnhs.query.errors import InvalidInput, NotFound
from localnhs.query.model import Body, Successor
from localnhs.query.names import display
from localnhs.store import read

OUTWARD = {"commissioned_by": "commissioned by", "member_of": "member of", "part_of": "part of",
           "in_region": "in NHS England region", "succeeded_by": "succeeded by", "serves": "serves"}
INWARD = {"commissioned_by": "commissions", "member_of": "has member", "part_of": "includes",
          "in_region": "region of", "succeeded_by": "successor of", "serves": "served by"}


@dataclass
class Link:
    relation: str
    code: str
    name: str
    kind: str
    valid_from: str | None
    valid_to: str | None
    source: str
    method: str | None


@dataclass
class OrganisationView:
    as_of: str
    body: Body
    address: str | None
    postcode: str | None
    attributes: list[dict]
    names: list[dict]
    current: list[Link]             # relationships valid on the date, both ways
    history: list[Link]             # all outward relationships over time
    figures: dict[str, list[dict]]
    counts: dict[str, int] = field(default_factory=dict)
    areas: list[dict] = field(default_factory=list)   # the ONS areas it covers, by vintage
    successors: list[Successor] = field(default_factory=list)  # all that took over by the date (a split has several)


def _link(conn, r, other_code, relation) -> Link:
    org = read.organisation(conn, other_code)
    return Link(relation, other_code, display(org["name"]) if org else other_code, org["kind"] if org else "unknown",
                r["valid_from"], r["valid_to"], r["source"], r["method"])


def _members(conn, rows, open_on: str | None) -> list:
    """One row per member (files overlap: epcmem and several epraccur releases can each hold the
    same membership), the latest kept; members with no organisation record (prescribing settings
    that are not GP practices, so have no name here) are left out rather than shown as a bare code,
    and so are members closed before ``open_on`` (a practice that closed in 2019 is not a member today)."""
    latest = {}
    for r in rows:
        seen = latest.get(r["from_code"])
        if seen is None or (r["valid_from"] or "") > (seen["valid_from"] or ""):
            latest[r["from_code"]] = r
    out = []
    for r in latest.values():
        org = read.organisation(conn, r["from_code"])
        if org is None or (open_on and org["closed"] and org["closed"] < open_on):
            continue
        if open_on and org["kind"] == "gp_practice":   # dormant, or gone from the ODS release in force
            status = read.attribute_at(conn, org["code"], "status", open_on)
            if status is None or status["value"] != "active":
                continue
        out.append(r)
    return out


def organisation(conn, code: str, as_of: str | dt.date | None = None, max_members: int = 200) -> OrganisationView:
    when = parse(as_of)
    code = (code or "").strip().upper()
    if not code or len(code) > 16:  # ODS codes are 3-6 characters; HWB-/HW- + an ONS code is 13
        raise InvalidInput(f"{code!r} is not an organisation code", hint="ODS codes look like RWW, 02E, QYG or N81013.")
    b = body(conn, code, when)
    if b is None:
        raise NotFound(f"No organisation with code {code}.", hint="Search by name with `localnhs search`.")
    org = read.organisation(conn, code)
    d = when.isoformat()
    current, counts = [], {}
    for kind, words in OUTWARD.items():
        for r in read.related_from(conn, code, kind, d):
            current.append(_link(conn, r, r["to_code"], words))
    for kind, words in INWARD.items():
        rows = _members(conn, read.related_to(conn, code, kind, d, limit=100000), None if kind == "succeeded_by" else d)
        counts[words] = len(rows)
        for r in rows[:max_members]:
            current.append(_link(conn, r, r["from_code"], words))
    history = []
    for kind, words in OUTWARD.items():
        for r in read.related_from(conn, code, kind):
            history.append(_link(conn, r, r["to_code"], words))
    for r in read.related_to(conn, code, "succeeded_by"):
        history.append(_link(conn, r, r["from_code"], INWARD["succeeded_by"]))
    successors = []
    if b.successor is not None:
        firsts = [r for r in read.related_from(conn, code, "succeeded_by") if r["valid_from"] == b.successor.date]
        for r in firsts:
            name = read.name_at(conn, r["to_code"], d) or read.organisation(conn, r["to_code"])
            successors.append(Successor(r["to_code"], display(name["name"]) if name else r["to_code"], r["valid_from"]))
        if len(successors) <= 1:
            successors = [b.successor]
    figures: dict[str, list[dict]] = {}
    for measure in ("registered_patients", "registered_patients_of_practices", "registered_patients_nhsbsa", "gp_count"):
        rows = read.figures(conn, code, measure)
        if rows:
            figures[measure] = [{"date": r["date"], "value": r["value"], "source": r["source"]} for r in rows]
    return OrganisationView(
        as_of=d, body=b, address=display(org["address"]) if org["address"] else None, postcode=org["postcode"],
        attributes=[dict(r) for r in read.attributes(conn, code)],
        names=[{"name": display(r["name"]), "valid_from": r["valid_from"], "valid_to": r["valid_to"],
                "source": r["source"]} for r in read.names(conn, code)],
        current=current, history=sorted(history, key=lambda l: l.valid_from or ""), figures=figures, counts=counts,
        areas=[{"code": a["code"], "type": a["type"], "vintage": a["vintage"], "name": a["name"], "source": a["source"]}
               for a in read.areas_of_organisation(conn, code)],
        successors=successors,
    )


SUCCESSION = (OUTWARD["succeeded_by"], INWARD["succeeded_by"])


def split_history(view: OrganisationView) -> tuple[list[Link], list[Link]]:
    """A body's history in two: the mergers and takeovers it was part of (who it succeeded, who
    succeeded it), and the rest (what it belonged to, was commissioned by or was in, over time)."""
    successions = [link for link in view.history if link.relation in SUCCESSION]
    memberships = [link for link in view.history if link.relation not in SUCCESSION]
    return successions, memberships
