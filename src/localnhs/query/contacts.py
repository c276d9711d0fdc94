"""Contacts for the bodies of a local system, each a dated fact with its source.

Practices: phone, website and email as NHS.UK listed them (May 2019; Feb 2014 where 2019 has
none). Trusts: the website in NHS England's provider directory (Oct 2023), else the one NHS.UK
listed for its hospitals, and the phone of its main hospital (NHS.UK, 2014-2020). Councils: the
homepage GOV.UK lists. CCGs: NHS.UK's CCG listing (May 2019). Bodies the data holds no contact
for (ICBs and sub-ICB locations, Health and Wellbeing Boards, local Healthwatch, national bodies)
get the official finder or the council's page from content/contact_finders.yaml, and say so.

A contact listed more than two years before today says its date in its text ("over two years
old") and is marked ``stale``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from localnhs.query.bodies import organisation_row
from localnhs.query.dates import ICB_ERA
from localnhs.query.model import Body
from localnhs.query.names import expand
from localnhs.query.per_connection import build_cache
from localnhs.store import read_contacts as rc

STALE_AFTER_DAYS = 730
KIND_WORDS = {"website": "website", "phone": "phone", "email": "email"}
TRUST_LIST = "contacts_and_representatives/trust_websites_2023/urls.csv"


@dataclass
class Contact:
    kind: str                 # website | phone | email | finder
    value: str                # a web address, a phone number or an email address
    text: str                 # what it is, who listed it and when ("website as listed by NHS.UK, May 2019")
    as_of: str | None         # the date of the listing (finders: the date checked)
    source: str               # the file (or, for a finder, the page read to choose it)
    listed_by: str
    stale: bool = False
    about: str | None = None  # what the contact reaches, when not the body itself ("Warrington Hospital")
    note: str | None = None


@lru_cache(maxsize=1024)
def month(iso: str) -> str:
    """"May 2019" for "2019-05-22" (remembered: the listings carry a handful of dates, and strftime
    was a tenth of a new body's contacts)."""
    d = dt.date.fromisoformat(iso)
    return d.strftime("%B %Y")


@lru_cache(maxsize=1024)
def _stale(as_of: str | None, today: dt.date) -> bool:
    """Whether a listing of ``as_of`` is over two years old on ``today`` (remembered per pair: few dates)."""
    return bool(as_of) and (today - dt.date.fromisoformat(as_of)).days > STALE_AFTER_DAYS


def _fact(row, today: dt.date, about: str | None = None) -> Contact:
    stale = _stale(row["as_of"], today)
    what = KIND_WORDS.get(row["kind"], row["kind"])
    if about:
        what = f"{what} of {about}"
    text = f"{what} as listed by {row['listed_by']}, {month(row['as_of'])}"
    if stale:
        text += " (over two years old: check it before relying on it)"
    return Contact(row["kind"], row["value"], text, row["as_of"], row["source"], row["listed_by"], stale, about,
                   row["note"])


def finder(kind: str, today: dt.date | None = None, url: str | None = None, about: str | None = None) -> Contact | None:
    from localnhs.content import load_contact_finders

    finders, _ = load_contact_finders()
    f = finders.get(kind)
    if f is None or not (url or f.url):
        return None
    return Contact("finder", url or f.url, f"{f.title}: {f.says}", f.checked.isoformat(), f.read[0],
                   "contact_finders.yaml (official pages, checked " + f.checked.isoformat() + ")",
                   about=about)


def _newest_each_kind(rows, kinds=("phone", "website", "email")) -> list:
    out, seen = [], set()
    for r in rows:   # newest first
        if r["kind"] in kinds and r["kind"] not in seen:
            seen.add(r["kind"])
            out.append(r)
    order = {k: i for i, k in enumerate(kinds)}
    return sorted(out, key=lambda r: order[r["kind"]])


def _listed(conn, code: str, rows: dict | None) -> list:
    """rc.contacts(conn, code), from ``rows`` (rc.contacts_by_code, read for a whole answer) if it has the code."""
    found = rows.get(code) if rows else None
    return found if found is not None else rc.contacts(conn, code)


def _trust(conn, code: str, today: dt.date, rows: dict | None = None) -> list[Contact]:
    own = [r for r in _listed(conn, code, rows) if r["kind"] == "website"]
    out = [_fact(r, today) for r in own[:1]]
    sites = rc.trust_site_contacts(conn, code, build_cache(conn).part("trust_sites", rc.trust_sites_layout))
    if not sites:
        return out
    newest = sites[0]["snapshot"]
    latest = [s for s in sites if s["snapshot"] == newest]
    if not out:
        webs = Counter(s["value"] for s in latest if s["kind"] == "website")
        if webs:
            value = webs.most_common(1)[0][0]
            row = next(s for s in latest if s["kind"] == "website" and s["value"] == value)
            out.append(_fact(row, today, about="its hospitals"))
    org = organisation_row(conn, code)
    phones = [s for s in latest if s["kind"] == "phone" and s["nhs"]] or [s for s in latest if s["kind"] == "phone"]
    if phones:
        # The site at the trust's headquarters postcode, else the number most of its sites give (a switchboard).
        common = Counter(s["value"] for s in phones).most_common(1)[0][0]
        main = next((s for s in phones if org is not None and s["site_postcode"] == org["postcode"]),
                    next(s for s in phones if s["value"] == common))
        out.append(_fact(main, today, about=_site_name(main["site_name"])))
    return out


def _site_name(name: str) -> str:
    return " ".join(name.split())


def _council_code(b: Body) -> str | None:
    if b.kind in ("hwb", "healthwatch") and "-" in b.code:
        return b.code.split("-", 1)[1]
    return b.code if b.kind == "council" else None


def _cache(conn) -> dict:
    """Answers already worked out on this connection's build (contacts do not change within a build)."""
    return build_cache(conn).part("contacts", lambda _conn: {})


def contacts_for(conn, b: Body, today: dt.date | None = None, practice: Body | None = None,
                 as_of: dt.date | None = None) -> list[Contact]:
    """The contacts for one body; ``practice``: the nearest practice, which a PCN is reached through;
    ``as_of``: the date the answer is for (before July 2022 a commissioner is its CCG, with the CCG's
    own listed contacts). Returns fresh objects (callers may annotate them)."""
    today = today or dt.date.today()
    if b.kind == "pcn":
        return _contacts_for(conn, b, today, practice, as_of)
    return [Contact(**vars(c)) for c in _kept(conn, b, today, practice, as_of)]


def _key(b: Body, today: dt.date, as_of: dt.date | None) -> tuple:
    return (b.kind, b.code, b.successor.code if b.successor else None, as_of is not None and as_of < ICB_ERA, today)


def _kept(conn, b: Body, today: dt.date, practice: Body | None, as_of: dt.date | None,
          rows: dict | None = None) -> list[Contact]:
    """contacts_for's list as kept for the build (not a PCN's): shared, never to be changed."""
    key = _key(b, today, as_of)
    cache = _cache(conn)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _contacts_for(conn, b, today, practice, as_of, rows)
    return found


def _contacts_for(conn, b: Body, today: dt.date, practice: Body | None, as_of: dt.date | None,
                  rows: dict | None = None) -> list[Contact]:
    """``rows``: contact rows already read (rc.contacts_by_code) for the codes this may need."""
    if b.kind in ("ccg", "sub_icb_location") and as_of is not None and as_of < ICB_ERA:
        listed = [_fact(r, today) for r in _newest_each_kind(_listed(conn, b.code, rows), ("website", "phone"))]
        for c in listed:
            c.text += " (CCGs closed on 30 June 2022)"
        if listed:
            return listed
    if b.kind == "gp_practice":
        return [_fact(r, today) for r in _newest_each_kind(_listed(conn, b.code, rows))]
    if b.kind == "nhs_trust":
        out = _trust(conn, b.code, today, rows)
        if not out and b.successor:
            out = [c for c in _trust(conn, b.successor.code, today, rows)]
            for c in out:
                c.text += f" (for {b.successor.name}, which took over on {b.successor.date})"
        return out
    if b.kind == "council":
        return [_fact(r, today) for r in _listed(conn, b.code, rows) if r["kind"] == "website"][:1]
    if b.kind == "ccg":
        return [_fact(r, today) for r in _newest_each_kind(_listed(conn, b.code, rows), ("website", "phone"))]
    if b.kind in ("icb", "sub_icb_location", "sub_icb_reporting_entity", "stp"):
        f = finder("icb", today)
        return [f] if f else []
    if b.kind == "hwb":
        council = _council_code(b)
        pages = [r for r in _listed(conn, council, rows) if r["kind"] == "website"] if council else []
        f = finder("hwb", today, url=pages[0]["value"] if pages else None, about="the council's website")
        return [f] if f else []
    if b.kind == "healthwatch":
        f = finder("healthwatch", today)
        return [f] if f else []
    if b.kind == "pcn" and practice is not None:
        out = []
        for c in [Contact(**vars(c)) for c in _kept(conn, practice, today, None, None, rows)]:  # contacts_for's
            c.about = practice.name
            c.text = f"through {practice.name}, a member practice (no contact for the network is in the data): {c.text}"
            out.append(c)
        return out
    if b.kind in ("region", "area_team", "commissioning_hub"):
        f = finder("nhs_england", today)
        return [f] if f else []
    if b.kind == "national_body":
        f = finder(b.code.lower(), today)
        return [f] if f else []
    return []


def for_system(conn, ls, today: dt.date | None = None, shared: bool = False) -> dict[str, list]:
    """Body code -> its contacts (as dicts), for every body a local system names. ``shared``: the
    kept Contact lists themselves, to be written out and never changed (with_contacts_json: orjson
    writes a Contact as the dict of its fields, so the bytes are the same, without a dict made per
    contact of every first answer)."""
    today = today or dt.date.today()
    bodies: list[tuple[Body, Body | None]] = []   # (body, the practice a PCN is reached through)
    for p in ls.practices:
        bodies += [(p.practice, None)] + ([(p.pcn, p.practice)] if p.pcn else [])
        bodies += [(p.commissioner, None)] if p.commissioner else []
    bodies += [(b, None) for b in [*ls.commissioners, *(r.trust for r in ls.trusts if r.trust), *ls.councils,
                                   *(b for b in (ls.hwb, ls.healthwatch) if b), *ls.national]]
    when = dt.date.fromisoformat(ls.as_of)
    cache = _cache(conn)
    # First the bodies (the first of each code) and the keys of their kept contacts; the contact rows
    # of those not kept yet, and of the codes they read (a trust's successor, an HWB's council, a
    # PCN's practice), are then read in one statement: a place's first answer has some ten new
    # bodies, each one statement before (~13 us each). A warm answer reads nothing.
    todo: list[tuple[Body, Body | None, tuple | None]] = []
    seen: set[str] = set()
    codes: dict[str, None] = {}
    for b, practice in bodies:
        if b.code in seen:
            continue
        seen.add(b.code)
        if b.kind == "pcn":   # not kept: reached through its practice's kept contacts
            key = None
            if practice is not None and _key(practice, today, None) not in cache:
                codes[practice.code] = None
        else:
            key = _key(b, today, when)
            if key not in cache:
                codes[b.code] = None
                if b.successor:
                    codes[b.successor.code] = None
                council = _council_code(b)
                if council:
                    codes[council] = None
        todo.append((b, practice, key))
    rows = rc.contacts_by_code(conn, codes) if codes else None
    out: dict[str, list[dict]] = {}
    for b, practice, key in todo:
        if key is None:
            found = _contacts_for(conn, b, today, practice, when, rows)
        else:
            found = cache.get(key)
            if found is None:
                found = cache[key] = _contacts_for(conn, b, today, practice, when, rows)
            if shared:
                out[b.code] = found
                continue
        out[b.code] = [dict(vars(c)) for c in found]   # each a new dict, from the kept contacts
    return out


KEEP_ALL_CHUNK = 500


def keep_all(conn, bodies, today: dt.date) -> int:
    """Work out and keep the contacts of many bodies for answers about ``today`` (what for_system
    would keep for them), reading their contact rows a chunk of codes per statement: the preload
    of a build (query/preload.py). A PCN's are not kept (for_system reaches them through its
    practice). Returns how many were added."""
    cache = _cache(conn)
    todo, seen = [], set()
    for b in bodies:
        if b.kind == "pcn" or b.code in seen:
            continue
        seen.add(b.code)
        key = _key(b, today, today)
        if key not in cache:
            todo.append((b, key))
    added = 0
    for i in range(0, len(todo), KEEP_ALL_CHUNK):
        chunk = todo[i:i + KEEP_ALL_CHUNK]
        codes: dict[str, None] = {}
        for b, _ in chunk:
            codes[b.code] = None
            if b.successor:
                codes[b.successor.code] = None
            council = _council_code(b)
            if council:
                codes[council] = None
        rows = rc.contacts_by_code(conn, codes)
        for b, key in chunk:
            if key not in cache:
                cache[key] = _contacts_for(conn, b, today, None, today, rows)
                added += 1
    return added


PRACTICE_NAMES_LIMIT = 20_000
_UNREAD = object()


def practice_names(conn, codes: list[str]) -> dict[str, dict]:
    """Practice code -> the readable name and address NHS.UK listed (ODS names are upper case).
    ``same_practice`` says whether the listed name is a readable form of today's ODS name (a name
    changed since the listing is not used for display).

    Remembered per practice for the build, not per list of practices: the nearest five of a new
    place were almost never a list seen before, so the old per-list memo missed on nearly every
    first answer (one statement and five fuzzy matches each time) and held up to 20,000 lists of
    five. The practices not yet remembered are read in one statement. The dict is in the order the
    listings query gave (a practice's oldest listing date, then its code), as before."""
    kept = build_cache(conn).part("practice_names", lambda _conn: {})   # code -> (first listed, entry) or None
    found, new = {}, []
    for code in codes:
        v = kept.get(code, _UNREAD)
        if v is _UNREAD:
            new.append(code)
        else:
            found[code] = v
    if new:
        if len(kept) + len(new) > PRACTICE_NAMES_LIMIT:
            kept.clear()   # bounded: emptied and refilled, like BuildCache.memo
        for code, v in _practice_names(conn, new).items():
            found[code] = kept[code] = v
    listed = sorted((v[0], code) for code, v in found.items() if v is not None)
    return {code: dict(found[code][1]) for _, code in listed}


def _practice_names(conn, codes: list[str]) -> dict[str, tuple[str, dict] | None]:
    """code -> (the date of its oldest listing, practice_names's entry), or None if NHS.UK never listed it."""
    from rapidfuzz import fuzz

    rows = rc.named_listings(conn, codes)
    out: dict[str, tuple[str, dict] | None] = {}
    for code in codes:
        r = rows.get(code)
        if r is None:
            out[code] = None
            continue
        ods = r["ods_name"]
        same = ods is not None and fuzz.token_set_ratio(ods.lower(), r["name"].lower()) >= 80
        out[code] = (r["first_listed"], {"name": r["name"], "address": r["address"], "as_of": r["as_of"],
                                         "source": r["source"], "ods_name": ods, "same_practice": same})
    return out


def display_name(names: dict, code: str, fallback: str) -> str:
    """The NHS.UK readable name where it is the same practice's name, else ``fallback``."""
    n = names.get(code)
    return expand(n["name"]) if n and n["same_practice"] else fallback


def coverage(conn) -> dict:
    """How much of England the contacts and representatives cover, every gap counted with its reason."""
    out: dict = {}
    for kind in ("phone", "website"):
        r = rc.practice_contact_coverage(conn, kind)
        out[f"practices_with_{kind}"] = {
            "covered": r["covered"], "of": r["total"], "share": round(r["covered"] / r["total"], 4),
            "what": f"active English GP practices (newest ODS release) with a {kind} (NHS.UK, May 2019 or Feb 2014)",
            "uncovered": {"not in either NHS.UK listing": r["not_listed"],
                          f"listed, {kind} refused by the check (see the reject table)": r["refused"],
                          f"listed without a {kind}": r["listed_without"]}}
    missing = rc.open_trusts_without_listed_website(conn)
    total = rc.open_trust_count(conn)
    reasons = []
    for t in missing:
        if t["country"] == "W92000004":
            why = "a Welsh trust: NHS England's directory lists English trusts only"
        else:
            why = ("not in NHS England's directory of October 2023 under any name this build holds for it "
                   "(opened after the list, or renamed to a name the shipped ODS files do not carry)")
        reasons.append({"code": t["code"], "name": t["name"], "reason": why})
    matches = rc.trust_name_matches(conn)
    out["trusts_with_website"] = {
        "covered": total - len(missing), "of": total, "share": round((total - len(missing)) / total, 4),
        "what": "open NHS trusts (ODS) with a website from NHS England's provider directory (Oct 2023)",
        "uncovered": reasons,
        "names_matched": {"matched": sum(1 for m in matches if m["code"]), "of": len(matches),
                          "unmatched": [{"listed_name": m["listed_name"], "reason": m["reason"]}
                                        for m in matches if not m["code"]]}}
    r = rc.lsoa_constituency_counts(conn, 0.99)
    out["lsoas_with_mp"] = {
        "covered": r["with_mp"], "of": r["lsoas"], "share": round(r["with_mp"] / r["lsoas"], 4),
        "what": "English LSOAs (2011) with a 2024 constituency and its MP (mySociety overlaps, HoC Library)",
        "uncovered": {"no overlap row or no MP": r["lsoas"] - r["with_mp"]},
        "split": r["split"], "one_constituency_99pc": r["placed"]}
    return out
