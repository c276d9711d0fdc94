"""Which NHS trusts serve a place, and how sure we are.

- acute: OHID catchments - the trust taking the largest share of the neighbourhood's (MSOA's)
  hospital admissions; fallback the nearest acute trust headquarters.
- ambulance: NHS England's ambulance service areas (by 2016 CCG), an official lookup.
- mental health and community: no official area lookup exists. The provider footprint built
  at build time (store/footprint.py) names, per upper-tier council and era, who runs them:
  from a cited override where one exists ('high'), else derived from the data ('medium', with
  the evidence in words). A trust since merged answers through its successor; a trust formed
  later answers, on a past date, through the predecessor that ran the services then. Where
  the footprint has no mental-health row, the nearest headquarters of that type in the
  place's commissioning footprint stands in ('medium' at best, 'low' outside it).
  Accuracy is measured on the hand-checked places in tests/test_local_system.py.
"""

from __future__ import annotations

import datetime as dt

from localnhs import kinds
from localnhs.eras import is_ccg_era
from localnhs.query import area_rows as rows
from localnhs.query.bodies import body, is_open
from localnhs.query.commissioners import commissioners, footprint
from localnhs.query.geo import km
from localnhs.query.model import Body, Location, Successor, TrustRole
from localnhs.query.per_connection import build_cache
from localnhs.store import read

LABELS = {code: role.service for code, role in kinds.ROLES.items()}
def _footprints(conn) -> dict:
    """(footprint, council) of a trust's headquarters per (code, date), for this connection's build."""
    return build_cache(conn).part("trust_footprints", lambda _conn: {})


COMMUNITY_REACH_KM = 25  # community trusts serve compact areas: farther than this, it is not yours
ERA_SPLIT = dt.date(2020, 4, 1)  # footprints before this date use 2016 councils, from it councils since 2023
FOOTPRINT_DATE = {"council_2016": dt.date(2016, 4, 1), "council_2023": dt.date(2024, 6, 1)}
NO_COMMUNITY_ADVICE = ("Ask your GP practice who provides community nursing and therapy where you live, or see "
                       "the services page of your {commissioner}, which commissions them.")


def _no_community_advice(as_of: dt.date) -> str:
    """The commissioner of the date: the CCG before 1 July 2022, the ICB since."""
    who = "Clinical Commissioning Group" if is_ccg_era(as_of) else "Integrated Care Board"
    return NO_COMMUNITY_ADVICE.format(commissioner=who)


def _current(conn, b: Body, as_of: dt.date) -> tuple[Body, str | None]:
    """A trust closed by the date answers through its successor, saying so."""
    if is_open(b, as_of) or b.successor is None:
        return b, None
    succ = body(conn, b.successor.code, as_of)
    if succ is None:
        return b, None
    return succ, f"{b.name} ({b.code}) became part of {succ.name} on {b.successor.date}."


def _trust_place(conn, code: str, as_of: dt.date) -> tuple[str | None, str | None]:
    """(commissioning footprint, upper-tier council) of a trust's headquarters on a date."""
    from localnhs.query.councils import councils
    from localnhs.query.places import from_postcode_row

    memo = _footprints(conn)
    key = (code, as_of)
    if key in memo:
        return memo[key]
    if len(memo) > 50_000:  # as_of is free input on the API: keep the memo bounded
        memo.clear()
    result = (None, None)
    org = read.organisation(conn, code)
    postcode = " ".join((org["postcode"] or "").split()) if org is not None else ""
    if not postcode:
        stand_in = read.attribute_at(conn, code, "locator_postcode", as_of.isoformat())
        postcode = stand_in["value"] if stand_in else ""
    row = read.postcode(conn, postcode) if postcode else None
    if row is not None and row["country"] == "E92000001":
        loc = from_postcode_row(conn, row, postcode)
        cs, _, _ = councils(conn, loc, as_of)
        result = (footprint(conn, commissioners(conn, loc, as_of), as_of), cs[0].code if cs else None)
    memo[key] = result
    return result


def _candidates(conn, ttype: str, as_of: dt.date) -> list[Body]:
    memo = _footprints(conn)
    key = ("type", ttype, as_of)
    if key not in memo:
        d = as_of.isoformat()
        seen, out = set(), []
        codes = read.attribute_codes(conn, "trust_type", ttype, d)
        if ttype == "mental_health":  # care trusts (e.g. Camden and Islington) ran mental health services
            codes += read.attribute_codes(conn, "trust_type", "care_trust", d)
        for code in codes:
            b = body(conn, code, as_of)
            if b is None or b.lat is None or code in seen:
                continue
            if b.opened and b.opened > d:
                continue
            if not is_open(b, as_of) and b.successor is None:
                continue
            seen.add(code)
            out.append(b)
        memo[key] = out
    return memo[key]


def _pool(conn, ttype: str, as_of: dt.date, place_footprint: str | None, council: str | None):
    """The trusts a place's answer is chosen from: the same for every place of a council and footprint."""
    memo = _footprints(conn)
    key = ("pool", ttype, as_of, place_footprint, council)
    if key not in memo:
        cands = _candidates(conn, ttype, as_of)
        # A trust headquartered in the place's own (upper-tier) council comes first, then the footprint.
        same_council = [b for b in cands if council and _trust_place(conn, b.code, as_of)[1] == council]
        inside = same_council or [b for b in cands if place_footprint and _trust_place(conn, b.code, as_of)[0] == place_footprint]
        # Community trusts serve compact areas: one outside the place's footprint is not its provider.
        pool = inside or ([] if ttype == "community" else cands)
        memo[key] = (same_council, inside, pool)
    return memo[key]


def by_type(conn, loc: Location, as_of: dt.date, ttype: str, place_footprint: str | None,
            council: str | None = None) -> TrustRole:
    if loc.lat is None:
        return TrustRole(ttype, None, "no location for this postcode", "none")
    same_council, inside, pool = _pool(conn, ttype, as_of, place_footprint, council)
    if not pool and ttype == "community":
        return TrustRole(ttype, None, "no community health trust is headquartered in this commissioning area: "
                         "community services here are run by another local trust, often the acute or mental "
                         "health trust (not in the shipped data)", "low")
    if not pool:
        return TrustRole(ttype, None, f"no {LABELS[ttype]} found in the data for this date", "none")
    ranked = sorted(pool, key=lambda b: km(loc.lat, loc.lon, b.lat, b.lon))
    best = ranked[0]
    dist = round(km(loc.lat, loc.lon, best.lat, best.lon), 1)
    if ttype == "community" and dist > COMMUNITY_REACH_KM:
        # Most places without a community trust nearby get community services from their acute or
        # mental-health trust; which one is not in the shipped data, so say so instead of guessing.
        return TrustRole(ttype, None, f"no community health trust within {COMMUNITY_REACH_KM} km (nearest: "
                         f"{best.name}, {dist:g} km): community services here are run by another local trust, "
                         "often the acute or mental health trust", "low", distance_km=dist)
    if inside:
        where = ("in this council area" if same_council else
                 "in this STP footprint" if is_ccg_era(as_of) else "in this ICB")
        if len(inside) == 1:  # a guess from where a headquarters is, not a lookup: never 'high'
            method, conf = f"the only {LABELS[ttype]} headquartered {where}, {dist:g} km away", "medium"
        else:
            method, conf = f"nearest of {len(inside)} {LABELS[ttype]}s headquartered {where}, {dist:g} km", "low"
    else:
        method, conf = f"nearest {LABELS[ttype]} headquarters, {dist:g} km (none in this commissioning area)", "low"
    shown, note = _current(conn, best, as_of)
    if shown is best:  # the pool's own Body, shared by every answer from this pool: the answer gets a copy
        shown = object.__new__(Body)
        shown.__dict__.update(best.__dict__)
    if shown.code != best.code:  # say whose headquarters were measured, not the successor's
        method = f"{best.name} was {method}; it is now part of {shown.name}"
    shown.method, shown.confidence = method, conf
    others = [{"code": b.code, "name": b.name, "distance_km": round(km(loc.lat, loc.lon, b.lat, b.lon), 1)}
              for b in ranked[1:3]]
    return TrustRole(ttype, shown, method, conf, distance_km=dist, others=others, note=note)


def _latest_code(conn, code: str) -> str:
    """The trust a catchment code answers as today: follow ODS successions to the end. Once per
    build and code (a few hundred codes; each MSOA's catchment rows name some twenty)."""
    return build_cache(conn).memo("latest_trust_code", _find_latest_code, code)


def _find_latest_code(conn, code: str) -> str:
    seen = set()
    while code not in seen:
        seen.add(code)
        nxt = {r["to_code"] for r in read.related_from(conn, code, "succeeded_by")}
        if len(nxt) != 1:  # none, or split between trusts (Pennine Acute, 2021): the body's own successor decides
            break
        code = nxt.pop()
    return code


def _catchment_shares(conn, msoa11: str) -> tuple[list[tuple[str, float]], str]:
    """Admission shares by trust, averaged over the catchment years, with every code carried to
    its successor first: one year's file can miss a merged trust entirely (2019 has no Somerset
    FT rows, so Taunton's largest share there is Bristol's), which the other year still holds.
    Once per build and MSOA (they do not depend on the date), shared: read, never changed."""
    return build_cache(conn).memo("catchment_shares", _find_catchment_shares, msoa11, limit=2_000)


def _find_catchment_shares(conn, msoa11: str) -> tuple[list[tuple[str, float]], str]:
    years = build_cache(conn).part("catchment_years", read.catchment_years)
    totals: dict[str, float] = {}
    used = []
    for year in years:
        year_rows = read.catchment(conn, msoa11, year)
        if not year_rows:
            continue
        used.append(str(year))
        for r in year_rows:
            code = _latest_code(conn, r["trust"])
            totals[code] = totals.get(code, 0.0) + r["share"]
    if not used:
        return [], ""
    ranked = sorted(((c, v / len(used)) for c, v in totals.items()), key=lambda t: -t[1])
    return ranked, " and ".join(used)


def acute(conn, loc: Location, as_of: dt.date, place_footprint: str | None, council: str | None = None) -> TrustRole:
    ranked, years = _catchment_shares(conn, loc.msoa11) if loc.msoa11 else ([], "")
    if not ranked:
        role = by_type(conn, loc, as_of, "acute", place_footprint, council)
        role.method = role.method + " (no catchment figures for this neighbourhood)"
        return role
    code, share = ranked[0]
    b = body(conn, code, as_of)
    note = None
    if b is not None:
        b, note = _as_it_was(conn, b, loc, as_of)
    if b is None:
        return by_type(conn, loc, as_of, "acute", place_footprint, council)
    method = f"{share:.0%} of this neighbourhood's hospital admissions ({years} catchments, OHID)"
    conf = "high" if share >= 0.5 else "medium" if share >= 0.25 else "low"
    b.method, b.confidence = method, conf
    others = [{"code": c, "name": (body(conn, c, as_of) or b).name, "share": round(v, 3)}
              for c, v in ranked[1:4] if v >= 0.05]
    return TrustRole("acute", b, method, conf, share=round(share, 3), others=others, note=note, basis="lookup",
                     source="acute_trust_catchments")


def _as_it_was(conn, b: Body, loc: Location, as_of: dt.date) -> tuple[Body, str | None]:
    """Catchments name trusts as of 2021. On an earlier date the hospitals may have belonged to a
    predecessor that later merged in (Royal Liverpool into Liverpool University Hospitals, 2019):
    take the nearest of the trust and its predecessors that ran acute hospitals on that date."""
    d = as_of.isoformat()
    later = [r for r in _predecessors(conn, b.code) if r["valid_from"] > d]
    if later and loc.lat is not None:
        # Predecessors first: on a tie (the merged trust often keeps a predecessor's address) they win.
        options = [p for p in (body(conn, r["from_code"], as_of) for r in later) if p is not None] + [b]
        options = [p for p in options if p.lat is not None and is_open(p, as_of) and p.opened is not None
                   and p.opened <= d and p.trust_type in ("acute", None)]
        if options:
            best = min(options, key=lambda p: km(loc.lat, loc.lon, p.lat, p.lon))
            if best.code != b.code:
                return best, (f"{best.name} ({best.code}) later became part of {b.name} ({b.code}); the catchment "
                              f"share is {b.name}'s, and {best.name} was the nearer of them.")
            return b, None
    if b.opened and b.opened > d:
        return b, f"{b.name} was formed on {b.opened}; on {d} its hospitals were run by its predecessors."
    return _current(conn, b, as_of)


def ambulance(conn, loc: Location, as_of: dt.date) -> TrustRole:
    l11 = rows.lsoa11(conn, loc.lsoa11) if loc.lsoa11 else None
    code = l11["ambulance"] if l11 is not None else None
    b = body(conn, code, as_of) if code else None
    if b is None:
        return TrustRole("ambulance", None, "no ambulance service area for this neighbourhood", "none")
    b, note = _current(conn, b, as_of)
    method = "official lookup (NHS England ambulance service areas, drawn on the former CCG areas of 2016)"
    b.method, b.confidence = method, "high"
    return TrustRole("ambulance", b, method, "high", note=note, basis="lookup", source="ambulance_areas")


def _footprint_areas(conn, loc: Location, as_of: dt.date) -> tuple[list[str], str]:
    """The councils the footprint is keyed on for this date, closest first: the district (where the
    cited table splits a county: Craven in North Yorkshire), then the upper-tier council - as in 2016
    before April 2020, since April 2023 after (as the build keyed them). Districts abolished in 2023
    are still found, through the neighbourhood's 2021 district. They depend on the postcode (its
    district) and its LSOAs only, and a new placement asks for them four times (mental health and
    community, each twice): remembered for the answers being worked out (bounded small)."""
    kind = "council_2016" if as_of < ERA_SPLIT else "council_2023"
    key = (loc.postcode, loc.lsoa11, loc.lsoa21, kind)
    return build_cache(conn).memo("footprint_areas", lambda c, *_: _find_footprint_areas(c, loc, kind), *key,
                                  limit=rows.NEAR_LIMIT)


def _find_footprint_areas(conn, loc: Location, kind: str) -> tuple[list[str], str]:
    from localnhs.query.councils import councils

    cs, _, _ = councils(conn, loc, FOOTPRINT_DATE[kind])
    codes = [c.code for c in reversed(cs)]
    if kind == "council_2023" and loc.lsoa11:
        l11 = rows.lsoa11(conn, loc.lsoa11)
        if l11 is not None and l11["lad21"] and l11["lad21"].startswith("E07") and l11["lad21"] not in codes:
            codes.insert(0, l11["lad21"])
    ccg = _ccg_2016(conn, loc)
    if ccg:
        codes.insert(0, ccg)
    return codes, kind


def _ccg_2016(conn, loc: Location) -> str | None:
    """The place's clinical commissioning group on 1 April 2016: the finest key of the cited table,
    for services that follow an old CCG line through a district (Glossop, in Derbyshire's High Peak,
    was Tameside and Glossop CCG and keeps Pennine Care's mental-health services)."""
    memo = _footprints(conn)
    key = ("ccg2016", loc.lsoa11)  # commissioners on a CCG-era date read the LSOA 2011 only
    if key not in memo:
        if len(memo) > 50_000:
            memo.clear()
        chain = commissioners(conn, loc, FOOTPRINT_DATE["council_2016"])
        memo[key] = chain[0].code if chain else None
    return memo[key]


def _on_date(conn, code: str, loc: Location, as_of: dt.date) -> tuple[Body | None, str | None]:
    """The provider as it was on the date: its successor once merged away; on a date before it was
    formed, the predecessor that ran the services (the nearest of them to the place)."""
    b = body(conn, code, as_of)
    if b is None:
        return None, None
    d = as_of.isoformat()
    if b.opened and b.opened > d:
        preds = [p for p in (body(conn, r["from_code"], as_of) for r in _predecessors(conn, code))
                 if p is not None and is_open(p, as_of)]
        if preds:
            best = min(preds, key=lambda p: km(loc.lat, loc.lon, p.lat, p.lon)
                       if loc.lat is not None and p.lat is not None else 0.0)
            return best, f"{best.name} ({best.code}) later became part of {b.name} ({b.code})."
    return _current(conn, b, as_of)


def _non_nhs(row) -> Body:
    """A provider that is not an NHS trust; a cited row may name one that has no ODS code (code None)."""
    return Body(code=row["org_code"], name=row["org_name"], kind="independent_provider",
                label="Community health provider (not an NHS trust)", source=row["source"])


def _footprint_rows(conn, area: str, kind: str, role: str, d: str) -> list:
    """read.provider_footprint, once per build for a council, era, role and date."""
    return build_cache(conn).memo("provider_footprint", read.provider_footprint, area, kind, role, d, limit=50_000)


def _predecessors(conn, code: str) -> list:
    """read.related_to(code, "succeeded_by"): the trusts that merged into this one, once per build."""
    return build_cache(conn).memo("trust_predecessors", read.related_to, code, "succeeded_by")


def from_footprint(conn, loc: Location, as_of: dt.date, role: str) -> TrustRole | None:
    """The footprint's answer for a role here, or None where it has no row."""
    areas, kind = _footprint_areas(conn, loc, as_of)
    found = next((r for r in (_footprint_rows(conn, a, kind, role, as_of.isoformat()) for a in areas) if r), None)
    if not found:
        return None
    row = found[0]
    cited = row["method"] == "override"
    basis = "cited" if cited else "data"
    if row["org_code"] is None and row["org_name"] is None:
        method = (f"no {LABELS[role]} found for this council area: {row['evidence']}. "
                  "Community health services are still provided here, by a trust or another provider the "
                  f"shipped data does not name. {_no_community_advice(as_of)}")
        return TrustRole(role, None, method, "low", basis="none", source=row["source"])
    if cited:
        method = f"from the cited table of providers: {row['evidence']} ({row['source']})"
    else:
        method = f"derived from the data: {row['evidence']}"
    if row["provider_kind"] == "non_nhs":
        b, note = _non_nhs(row), f"{row['org_name']} is not an NHS trust: it provides NHS-funded services under contract."
    else:
        b, note = _on_date(conn, row["org_code"], loc, as_of)
        if b is None:
            return None
    conf = row["confidence"]
    b.method, b.confidence = method, conf
    return TrustRole(role, b, method, conf, note=note, basis=basis, source=row["source"])


def by_headquarters(conn, loc: Location, as_of: dt.date, role: str, footprint: str | None,
                    council: str | None) -> TrustRole:
    """A mental-health or community role where the footprint has no row: the nearest headquarters
    of that type (by_type), said to rest on headquarters."""
    found = by_type(conn, loc, as_of, role, footprint, council)
    found.basis = "headquarters"
    if role == "community" and found.trust is None:
        found.method = f"{found.method}. {_no_community_advice(as_of)}"
    return found


def mental_health(conn, loc: Location, as_of: dt.date, footprint: str | None, council: str | None) -> TrustRole:
    role = from_footprint(conn, loc, as_of, "mental_health")
    return role if role is not None else by_headquarters(conn, loc, as_of, "mental_health", footprint, council)


def community(conn, loc: Location, as_of: dt.date, footprint: str | None, council: str | None) -> TrustRole:
    role = from_footprint(conn, loc, as_of, "community")
    return role if role is not None else by_headquarters(conn, loc, as_of, "community", footprint, council)


def trusts(conn, loc: Location, as_of: dt.date, footprint: str | None, council: str | None = None) -> list[TrustRole]:
    return [
        acute(conn, loc, as_of, footprint, council),
        ambulance(conn, loc, as_of),
        mental_health(conn, loc, as_of, footprint, council),
        community(conn, loc, as_of, footprint, council),
    ]
