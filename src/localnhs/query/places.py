"""From what a person types to a located place: a postcode, an outcode or sector, a council
or ward name, or an organisation code. Everything reduces to one postcode row."""

from __future__ import annotations

import re
import statistics

from localnhs.query import postcode as pc
from localnhs.query.errors import InvalidInput, NotFound, OutsideEngland
from localnhs.query.model import Location
from localnhs.query.names import display
from localnhs.store import read

NATIONS = {
    "W92000004": ("Wales", "NHS Wales: your local health board (see 111.wales.nhs.uk) runs health services there."),
    "S92000003": ("Scotland", "NHS Scotland: your NHS board (see nhsinform.scot) runs health services there."),
}
PREFIX_NATIONS = {
    "BT": ("Northern Ireland", "Health and Social Care (HSC) in Northern Ireland runs health services there "
                               "(see nidirect.gov.uk)."),
    "GY": ("Guernsey", "The States of Guernsey run health services there; it is not part of the NHS."),
    "JE": ("Jersey", "The Government of Jersey runs health services there; it is not part of the NHS."),
    "IM": ("the Isle of Man", "Manx Care runs health services there; it is not part of the NHS in England."),
}
ENGLAND = "E92000001"


def _outside(pcd: str, nation: str, where: str) -> OutsideEngland:
    return OutsideEngland(f"{pcd} is in {nation}, outside NHS England.", nation=nation, hint=where)


def from_postcode_row(conn, row, query: str, label: str | None = None) -> Location:
    if row["country"] != ENGLAND:
        nation, where = NATIONS.get(row["country"], ("another UK nation", "Its own health service runs care there."))
        raise _outside(row["pcd"], nation, where)
    notes = []
    if row["lat"] is None and not row["lsoa11"]:
        stand_in = _neighbour(conn, row["pcd"])
        if stand_in is not None:
            loc = from_postcode_row(conn, stand_in, query, label=label or row["pcd"])
            loc.postcode, loc.status, loc.terminated = row["pcd"], row["status"], row["terminated"]
            loc.located_by = "neighbouring_postcode"
            loc.notes.insert(0, f"{row['pcd']} has no grid reference or neighbourhood of its own (often a PO box "
                                f"or large-user postcode); the answer is for {stand_in['pcd']}, the middle of the "
                                "postcodes around it.")
            return loc
    lat, lon, located = row["lat"], row["lon"], "postcode"
    if lat is None and row["lsoa11"]:
        l = read.lsoa11(conn, row["lsoa11"])
        if l is not None and l["lat"] is not None:
            lat, lon, located = l["lat"], l["lon"], "lsoa_centre"
            notes.append("This postcode has no grid reference of its own; distances are measured from the "
                         "centre of its neighbourhood (LSOA).")
    if lat is None:
        located = "none"
        notes.append("This postcode has no location, so nearest practices and trusts cannot be measured.")
    if row["status"] == "terminated":
        when = f" in {row['terminated']}" if row["terminated"] else " after May 2022"
        notes.append(f"{row['pcd']} is no longer in use (terminated{when}); the answer is for the area it covered.")
    return Location(
        query=query, postcode=row["pcd"], status=row["status"], terminated=row["terminated"],
        country="England", lat=lat, lon=lon, located_by=located, lsoa11=row["lsoa11"], lsoa21=row["lsoa21"],
        msoa11=row["msoa11"], placed_by=row["placed_by"], label=label or row["pcd"], notes=notes,
    )


def _neighbour(conn, pcd: str):
    """A located postcode standing in for one without coordinates: same sector, else same district."""
    outward, inward = pcd.split(" ")
    for prefix in (f"{outward} {inward[0]}", f"{outward} "):
        rows = [r for r in read.postcodes_in(conn, prefix) if r["lat"] is not None and r["lsoa11"]]
        if rows:
            return _representative(rows)
    return None


def _representative(rows):
    """The postcode nearest the middle of a set: stands for an outcode, sector or council."""
    located = [r for r in rows if r["lat"] is not None and r["country"] == ENGLAND]
    if not located:
        return rows[0] if rows else None
    mlat = statistics.fmean(r["lat"] for r in located)
    mlon = statistics.fmean(r["lon"] for r in located)
    return min(located, key=lambda r: (r["lat"] - mlat) ** 2 + (r["lon"] - mlon) ** 2)


def locate(conn, query: str) -> Location:
    text = (query or "").strip()
    if not text:
        raise InvalidInput("Enter a postcode, place or organisation name.", hint=f"For example {pc.EXAMPLE}.")
    if len(text) > 200:
        raise InvalidInput("That is too long to be a postcode, place or organisation name.")
    if pc.is_full(text):
        pcd = pc.normalise(text)
        row = read.postcode(conn, pcd)
        if row is None:
            nation = PREFIX_NATIONS.get(pcd[:2])
            if nation and re.match(r"^(BT|GY|JE|IM)\d", pcd):
                raise _outside(pcd, *nation)
            raise NotFound(f"{pcd} is a valid postcode but it is not in Code-Point Open (Oct 2025) or the "
                           "ONS postcode lookup (May 2022).", hint="Check it on a recent letter, or try the first half, e.g. 'WA5'.")
        return from_postcode_row(conn, row, text)
    part = pc.partial(text)
    if part:
        kind, prefix = part
        rows = read.postcodes_in(conn, prefix + (" " if kind == "outcode" else ""))
        if not rows:
            nation = PREFIX_NATIONS.get(prefix[:2])
            if nation and re.match(r"^(BT|GY|JE|IM)\d", prefix):
                raise _outside(prefix, *nation)
            raise NotFound(f"No live postcodes start {prefix}.", hint=f"Enter {pc.EXAMPLE}.")
        rep = _representative(rows)
        loc = from_postcode_row(conn, rep, text, label=f"{prefix} ({'district' if kind == 'outcode' else 'sector'})")
        loc.notes.insert(0, f"{prefix} covers {len(rows):,} postcodes; this answer is for {rep['pcd']}, near its middle.")
        return loc
    code = text.upper()
    if re.fullmatch(r"[A-Z0-9]{3,6}", code) or code.startswith(("HWB-", "HW-")):
        org = read.organisation(conn, code)
        if org is not None:
            return _org_location(conn, org, text)
    return _named_place(conn, text)


def _org_location(conn, org, query: str) -> Location:
    if org["kind"] == "council":
        return _area_location(conn, "lad", org["code"], display(org["name"]), query)
    if not org["postcode"]:
        raise NotFound(f"{display(org['name'])} ({org['code']}) has no address in the data, so it cannot be placed.")
    row = read.postcode(conn, " ".join(org["postcode"].split()))
    if row is None:
        raise NotFound(f"The postcode of {display(org['name'])}, {org['postcode']}, is not in the postcode data.")
    return from_postcode_row(conn, row, query, label=f"{display(org['name'])} ({org['code']})")


def _area_location(conn, column: str, code: str, name: str, query: str) -> Location:
    rep = read.area_representative(conn, column, code)
    if rep is None and column == "lad":
        # An upper-tier council: stand in with the postcode of its largest district.
        reps = [r for c in read.child_areas(conn, "lad", code) if (r := read.area_representative(conn, "lad", c))]
        rep = max(reps, key=lambda r: r["area_postcodes"], default=None)
    if rep is None and column == "lad":
        # A council since abolished (e.g. Northamptonshire, 2021): the middle of its old neighbourhoods.
        rep = _representative(read.lsoa21_reps_for_old_area(conn, code))
    if rep is None:
        raise NotFound(f"No postcodes found in {name}.")
    loc = from_postcode_row(conn, rep, query, label=name)
    loc.notes.insert(0, f"{name} is a wide area; this answer is for {rep['pcd']}, a postcode near its middle. "
                        "Enter your own postcode for your nearest practices.")
    return loc


def _named_place(conn, text: str) -> Location:
    from localnhs.query.search import search

    hits = search(conn, text, limit=10)
    places = [h for h in hits if h.kind.startswith("area_")]
    exact = [h for h in hits if h.exact]
    best = (exact or places or hits or [None])[0]
    if best is None:
        if re.search(r"\d", text):
            raise InvalidInput(f"{text!r} is not a valid postcode", hint=f"Enter {pc.EXAMPLE}.")
        raise NotFound(f"Nothing called {text!r} was found.", hint="Try a postcode, a council or a practice name.")
    if best.kind.startswith("area_"):
        column = "ward" if best.kind == "area_ward" else "lad"
        return _area_location(conn, column, best.code, best.name, text)
    org = read.organisation(conn, best.code)
    return _org_location(conn, org, text)
