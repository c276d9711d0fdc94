"""Elected representatives for a place: its Westminster constituency (2024 boundaries) and the MP
elected there on 4 July 2024, its ward and council.

The constituency is the one holding most of the place's neighbourhood's people (mySociety's
LSOA 2011 -> 2024 constituency overlaps, 2019 population). Where another constituency holds more
than 2% of them the answer says the neighbourhood is split and names both. Councillors' names are
not in the data: the answer links to WriteToThem, which finds them from the postcode.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import orjson

from localnhs.query.contacts import Contact, contacts_for, finder, for_system, practice_names
from localnhs.query.model import to_dict
from localnhs.query.per_connection import build_cache
from localnhs.store import read_contacts as rc

SPLIT_SHARE = 0.02
ELECTION = "2024-07-04"


@dataclass
class MP:
    name: str
    party: str                # as the House of Commons Library abbreviates it (Lab, Con, LD, ...)
    party_name: str
    constituency: str
    constituency_code: str
    share: float              # share of the neighbourhood's people in this constituency
    elected: str              # 2024-07-04
    result: str | None
    source: str
    text: str


@dataclass
class Representatives:
    constituency: dict | None          # {code, name, share}
    mp: MP | None
    split: bool
    others: list[MP]                   # other constituencies holding > 2% of the neighbourhood's people
    ward: dict | None                  # {code, name}
    councils: list[dict]               # [{code, name, label, contacts}]
    write_to: list[Contact]            # how to write to the MP and councillors
    text: str
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _party(abbrev: str) -> str:
    from localnhs.content import load_contact_finders

    return load_contact_finders()[1].get(abbrev, abbrev)


def _day(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B %Y')}"


def _mp(row) -> MP | None:
    if not row["mp"]:
        return None
    party = _party(row["party"])
    text = f"{row['mp']} ({party}), MP for {row['name']}, elected {_day(row['elected'])}"
    return MP(row["mp"], row["party"], party, row["name"], row["constituency"], round(row["share"], 4),
              row["elected"], row["result"], row["mp_source"], text)


def representatives(conn, ls, today: dt.date | None = None) -> Representatives:
    """For a local system (query.local_system): constituency and MP from its LSOA 2011, its ward and councils."""
    today = today or dt.date.today()
    loc = ls.location
    rows = rc.constituency_overlaps(conn, loc.lsoa11) if loc.lsoa11 else []
    notes, sources = [], set()
    mp, others, constituency, split = None, [], None, False
    if rows:
        top = rows[0]
        constituency = {"code": top["constituency"], "name": top["name"], "share": round(top["share"], 4)}
        mp = _mp(top)
        sources |= {top["source"]} | ({top["mp_source"]} if top["mp_source"] else set())
        others = [m for m in (_mp(r) for r in rows[1:] if r["share"] > SPLIT_SHARE) if m]
        split = bool(others)
        if split:
            parts = "; ".join(f"{o.share:.0%} in {o.constituency} (MP {o.name}, {o.party_name})" for o in others)
            notes.append(f"This neighbourhood is split between constituencies: {top['share']:.0%} of its people "
                         f"live in {top['name']}, {parts}. Check your own address with UK Parliament's finder.")
    elif loc.lsoa11:
        notes.append(f"No 2024 constituency overlap is listed for neighbourhood {loc.lsoa11}.")
    else:
        notes.append("This place has no LSOA 2011, so its constituency cannot be read from the overlap table.")
    if mp:
        notes.append(f"MPs as elected on {_day(ELECTION)}: a by-election or change of party since is not in the data.")
        if dt.date.fromisoformat(ls.as_of) < dt.date.fromisoformat(ELECTION):
            notes.append(f"This answer is for {_day(ls.as_of)}, but the MP shown is the one elected on "
                         f"{_day(ELECTION)} (earlier MPs are not in the data): write to today's MP.")
    councils = [{"code": b.code, "name": b.name, "label": b.label,
                 "contacts": [to_dict(c) for c in contacts_for(conn, b, today)]} for b in ls.councils]
    ward = {"code": ls.ward.code, "name": ls.ward.name} if ls.ward else None
    write_to = [c for c in (finder("mp", today), finder("write_to_them", today)) if c]
    if mp:
        council_words = ls.councils[-1].name if ls.councils else "your council"
        ward_words = f"{ward['name']} ward, " if ward else ""
        text = (f"Your MP: {mp.text}. Your councillors: {ward_words}{council_words} "
                "(names not in the data: WriteToThem finds them).")
    else:
        text = "Your MP could not be found from the data for this place."
    return Representatives(constituency, mp, split, others, ward, councils, write_to, text, sorted(sources), notes)


def _representatives_dict(conn, ls) -> dict:
    """to_dict(representatives(conn, ls)), worked out once per build for what it depends on (the
    LSOA 2011, the ward, the councils, the date when it is before the election, today) and copied
    out: the places of one neighbourhood share it."""
    return orjson.loads(orjson.dumps(_representatives_kept(conn, ls)))


def _representatives_kept(conn, ls) -> Representatives:
    """What _representatives_dict copies, as kept for the build (shared: read, never changed)."""
    today = dt.date.today()
    loc = ls.location
    before = ls.as_of if dt.date.fromisoformat(ls.as_of) < dt.date.fromisoformat(ELECTION) else None
    key = (loc.lsoa11, before, (ls.ward.code, ls.ward.name) if ls.ward else None,
           tuple((b.kind, b.code, b.name, b.label, b.successor.code if b.successor else None) for b in ls.councils),
           today)
    # The dataclass is kept, not its dict: orjson writes it as the same JSON, so a first answer no
    # longer turns it into a dict (to_dict's round trip) only for with_contacts_json to write that.
    return build_cache(conn).memo("representatives", lambda c, *_: representatives(c, ls, today), *key,
                                  limit=50_000)


def with_contacts(conn, ls) -> dict:
    """A local system as a dict, with ``contacts`` (body code -> dated contacts), ``representatives``
    (constituency, MP, ward, councils) and ``practice_names`` (NHS.UK's readable names)."""

    out = to_dict(ls)
    for key, value in _added(conn, ls):
        out[key] = orjson.loads(orjson.dumps(value)) if key == "representatives" else value  # that one is kept: a copy
    return out


def _added(conn, ls, shared: bool = False) -> tuple[tuple[str, object], ...]:
    """The keys with_contacts adds to a local system, in order (the representatives as kept for the
    build: shared, never to be changed; with ``shared`` the contacts too, for with_contacts_json,
    which only writes them out)."""
    return (("contacts", for_system(conn, ls, shared=shared)), ("representatives", _representatives_kept(conn, ls)),
            ("practice_names", practice_names(conn, [p.practice.code for p in ls.practices])))


def with_contacts_json(conn, ls) -> bytes | dict:
    """The JSON of with_contacts(conn, ls), byte for byte, without building its dict: the local
    system written once (orjson, as to_dict reads it) and the three added keys written after it.
    A first answer of the API spent a quarter of its time turning the answer into a dict and the
    dict back into JSON (to_dict, the representatives' copy, then the response's own dumps).
    Where orjson cannot write the answer (none of today's), the dict, for the caller to write."""
    keys = orjson.OPT_NON_STR_KEYS  # as the response writes them: a provider without an ODS code is "null"
    try:
        parts = [orjson.dumps(ls, option=keys)[:-1]]
        for key, value in _added(conn, ls, shared=True):
            parts += [b',"', key.encode(), b'":', orjson.dumps(value, option=keys)]
    except TypeError:
        return with_contacts(conn, ls)
    return b"".join(parts) + b"}"


def organisation_with_contacts(conn, view) -> dict:
    """An organisation view as a dict with its ``contacts`` and, where it has a postcode in
    England, the ``representatives`` of the place it stands in."""
    from localnhs.query.errors import QueryError
    from localnhs.query.local_system import local_system

    out = to_dict(view)
    out["contacts"] = [to_dict(c) for c in contacts_for(conn, view.body)]
    if view.body.kind == "gp_practice":
        out["nhsuk_name"] = practice_names(conn, [view.body.code]).get(view.body.code)
    reps = None
    if view.postcode:
        try:
            reps = to_dict(representatives(conn, local_system(conn, view.postcode, view.as_of, n_practices=1)))
        except QueryError:
            reps = None
    out["representatives"] = reps
    return out
