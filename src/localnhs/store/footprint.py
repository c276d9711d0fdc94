"""Who runs mental-health and community services in each upper-tier council, per era, built
from the data (NHS.UK hospital lists, ERIC site counts, trust types, OHID catchments, ODS
successions) and then the cited override table for what the data cannot decide.

No official lookup says which mental-health or community trust serves a council. The best
signal in the raw data is where each trust runs its hospitals: a mental-health trust that runs
3 of the 4 mental-health hospitals in a county is that county's trust. Community services
are harder (few community hospitals are listed), so the order of evidence is: a community trust
running sites in the area; a community trust headquartered there; the area's mental-health
trust where it also runs many community hospitals (a combined trust, ERIC); the area's main
acute trust where it runs community sites (an integrated trust, ERIC); a non-NHS provider
(social enterprise, CIC) running the area's community hospital. Each row says which.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from localnhs.sources import nhsuk_sites, provider_overrides, trust_types


@dataclass(frozen=True)
class Era:
    area_kind: str
    era_from: str
    era_to: str | None
    snapshots: tuple[str, ...]   # NHS.UK snapshots that describe the era, latest last
    date: str                    # the day trust codes and types are read at


# 2016 geography and hospital lists until the 2020 mergers; councils since April 2023 after.
ERAS = (
    Era("council_2016", "2013-04-01", "2020-03-31", ("2014-02", "2016-02"), "2016-04-01"),
    Era("council_2023", "2020-04-01", None, ("2018-01", "2020-01"), "2020-04-01"),
)
MH_TYPES = ("mental_health", "care_trust")
# High-secure and forensic hospitals serve a region or the country, not the council they stand in
# (Broadmoor, run by West London NHS Trust, is in Bracknell Forest): they are not votes for a council.
NEAREST_SITE_FALLBACK = False  # measured on the tuning half: worse than the headquarters fallback (see README)
REGIONAL_SITE = ("broadmoor", "rampton", "ashworth", "secure", "forensic")
# Both thresholds were chosen on the tuning half of tests/places_checked.py (README, "How trusts are assigned").
COMBINED_MIN_COMMUNITY_HOSPITALS = 2   # ERIC: an MH trust with this many community hospitals runs community services
# ERIC: or with this many times as many non-inpatient sites as mental-health sites (pure mental-health trusts
# sit at 0.1-1.5, combined ones at 3 and above); None turns the rule off. Decided on the tuning half (README).
COMBINED_NON_INPATIENT_RATIO: float | None = 3.0
INTEGRATED_MIN_NON_INPATIENT = 10      # ERIC: an acute trust with community hospitals or this many clinics does too
ERIC_SITES = "ERIC-2023-24_trust_data.csv"


def load(ctx) -> None:
    conn = ctx.conn
    with ctx.step("trust sites (NHS.UK)", total=len(nhsuk_sites.SNAPSHOTS)) as advance:
        for snap in nhsuk_sites.SNAPSHOTS:
            path = ctx.path(nhsuk_sites.DATASET, f"{snap}/{nhsuk_sites.FILE}")
            parsed = nhsuk_sites.read(path, snap)
            ctx.log(nhsuk_sites.DATASET, path, parsed.rejects, name=f"{snap}/{nhsuk_sites.FILE}")
            conn.executemany(
                "INSERT OR IGNORE INTO trust_site VALUES (?,?,?,?,?,?,?,?,?)",
                [(s.snapshot, s.code, s.name, s.subtype, int(s.nhs), s.postcode, s.parent, s.parent_name,
                  f"nhsuk_sites/{snap}/{nhsuk_sites.FILE}") for s in parsed.rows])
            advance()
    with ctx.step("provider footprints", total=len(ERAS) + 1) as advance:
        eric = _eric_sites(ctx)
        for era in ERAS:
            conn.executemany("INSERT INTO provider_footprint VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                             _derive(conn, era, eric))
            advance()
        conn.executemany("INSERT INTO provider_footprint VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         [(o.area, o.area_kind, o.role, o.era_from, o.era_to, o.org, o.org_name,
                           "non_nhs" if o.non_nhs else "nhs_trust", "override", _override_evidence(o), o.source,
                           "high" if o.primary else "medium")
                          for o in provider_overrides.read()])
        conn.execute("DROP TABLE IF EXISTS temp.footprint_postcodes")
        advance()


def _override_evidence(o) -> str:
    """What a cited row says, in words; a non-NHS provider's kind comes first where the row names it."""
    said = f"{o.says} (checked {o.checked})"
    if not o.primary:
        said += "; a secondary source, not an NHS, CQC or council page"
    if o.non_nhs and o.kind:
        return f"{o.org_name} is a {o.kind}, not an NHS trust: {said}"
    return said


def _eric_sites(ctx) -> dict[str, dict]:
    parsed = trust_types.read_eric_site_counts(ctx.path("trust_types", ERIC_SITES))
    return {r.code: r.counts for r in parsed.rows}


def _successor(conn, code: str, date: str) -> str:
    """The trust that ran a site's services on the date: follow ODS successions up to it."""
    seen = set()
    while code not in seen:
        seen.add(code)
        row = conn.execute("SELECT to_code FROM relationship WHERE from_code = ? AND kind = 'succeeded_by' "
                           "AND valid_from <= ? ORDER BY valid_from LIMIT 1", (code, date)).fetchone()
        if row is None:
            break
        code = row[0]
    return code


def _types(conn, date: str) -> dict[str, str]:
    """Trust type on the date; a trust unclassified then keeps its latest known type.

    ERIC's "care trust" covers both mental-health and social care trusts (Camden and Islington) and
    community ones (Gloucestershire Care Services): a care trust counts as mental health only where
    another classification says so or its name does, and as a community trust otherwise."""
    out, ever = {}, defaultdict(set)
    for code, value, valid_from, valid_to in conn.execute(
        "SELECT code, value, valid_from, valid_to FROM org_attribute WHERE attribute = 'trust_type' "
        "ORDER BY code, coalesce(valid_from, '')"
    ):
        ever[code].add(value)
        if (valid_from or "") <= date and (valid_to is None or valid_to >= date):
            out[code] = value
        else:
            out.setdefault(code, value)
    for code, value in list(out.items()):
        if value == "care_trust" and "mental_health" not in ever[code]:
            name = _name(conn, code, date).upper()
            out[code] = "mental_health" if "MENTAL HEALTH" in name else "community"
    return out


_UPPER_2023 = ("coalesce((SELECT a.parent_code FROM area a WHERE a.type = 'lad' AND a.code = p.lad "
               "ORDER BY a.vintage = '2024' DESC, a.vintage DESC LIMIT 1), p.lad)")


def _council_sql(area_kind: str) -> str:
    """Upper-tier council of a postcode, as the query layer finds it for that era."""
    if area_kind == "council_2016":
        return ("SELECT coalesce(a.parent_code, l.lad16) FROM postcode p JOIN lsoa11 l ON l.code = p.lsoa11 "
                "LEFT JOIN area a ON a.type = 'lad' AND a.vintage = '2016' AND a.code = l.lad16 WHERE p.pcd = ?")
    return f"SELECT {_UPPER_2023} FROM postcode p WHERE p.pcd = ?"


# English postcodes counted by district, MSOA 2011 and whether live, in one pass over the stored
# postcode table (grouped by its integer placement and state ids, then named): the 2023 era's
# councils and acute catchments read these instead of scanning the postcode view twice.
_POSTCODE_COUNTS = (
    "CREATE TEMP TABLE IF NOT EXISTS footprint_postcodes AS "
    "SELECT a.lad AS lad, a.msoa11 AS msoa11, s.status = 'live' AS live, sum(c.n) AS n "
    "FROM (SELECT area, state, count(*) AS n FROM postcode_compact GROUP BY area, state) c "
    "JOIN postcode_area a ON a.id = c.area JOIN postcode_state s ON s.id = c.state "
    "WHERE a.country = 'E92000001' GROUP BY 1, 2, 3")


def _postcode_counts(conn) -> str:
    conn.execute(_POSTCODE_COUNTS)
    return "temp.footprint_postcodes"


def _councils(conn, area_kind: str) -> dict[str, str]:
    if area_kind == "council_2016":
        sql = ("SELECT DISTINCT coalesce(a.parent_code, l.lad16), 1 FROM lsoa11 l LEFT JOIN area a ON a.type = 'lad' "
               "AND a.vintage = '2016' AND a.code = l.lad16 WHERE l.lad16 LIKE 'E%'")
    else:  # the postcode's own district code, as the query layer reads it (Sheffield is E08000039 since 2024)
        sql = (f"SELECT DISTINCT {_UPPER_2023}, 1 FROM (SELECT DISTINCT lad FROM {_postcode_counts(conn)} "
               "WHERE lad IS NOT NULL) p")
    return {code: code for code, _ in conn.execute(sql) if code}


def _name(conn, code: str, date: str) -> str:
    row = conn.execute("SELECT name FROM org_name WHERE code = ? AND (valid_from IS NULL OR valid_from <= ?) "
                       "AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from DESC LIMIT 1",
                       (code, date, date)).fetchone()
    if row is None:
        row = conn.execute("SELECT name FROM organisation WHERE code = ?", (code,)).fetchone()
    return row[0] if row else code


def _acute_by_council(conn, area_kind: str) -> dict[str, str]:
    """The trust taking most of a council's hospital admissions (OHID catchments, latest year)."""
    if area_kind == "council_2016":
        sql = ("SELECT coalesce(a.parent_code, l.lad16) AS council, c.trust, sum(c.share) FROM lsoa11 l "
               "JOIN catchment c ON c.msoa11 = l.msoa11 AND c.year = (SELECT max(year) FROM catchment) "
               "LEFT JOIN area a ON a.type = 'lad' AND a.vintage = '2016' AND a.code = l.lad16 GROUP BY 1, 2")
    else:
        sql = (f"SELECT {_UPPER_2023} AS council, c.trust, sum(c.share * p.n) FROM (SELECT lad, msoa11, sum(n) AS n "
               f"FROM {_postcode_counts(conn)} WHERE live GROUP BY lad, msoa11) p "
               "JOIN catchment c ON c.msoa11 = p.msoa11 AND c.year = (SELECT max(year) FROM catchment) GROUP BY 1, 2")
    best: dict[str, tuple[float, str]] = {}
    for council, trust, share in conn.execute(sql):
        if council and (council not in best or share > best[council][0]):
            best[council] = (share, trust)
    return {c: t for c, (_, t) in best.items()}


def _derive(conn, era: Era, eric: dict[str, dict]) -> list[tuple]:
    types = _types(conn, era.date)
    council_of = _council_sql(era.area_kind)
    mh: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))   # council -> snapshot -> trust
    com: dict[str, Counter] = defaultdict(Counter)
    non_nhs: dict[str, Counter] = defaultdict(Counter)
    non_nhs_names: dict[str, str] = {}
    memo: dict[str, str | None] = {}
    mh_points: list[tuple[str, str, str]] = []
    for snap in era.snapshots:
        for pcd, parent, name, nhs, parent_name in conn.execute(
            "SELECT postcode, parent, name, nhs, parent_name FROM trust_site WHERE snapshot = ?", (snap,)
        ).fetchall():
            if pcd not in memo:
                row = conn.execute(council_of, (pcd,)).fetchone()
                memo[pcd] = row[0] if row else None
            council = memo[pcd]
            if not council:
                continue
            if not nhs:
                if "community" in name.lower() and _looks_social_enterprise(parent_name):
                    non_nhs[council][parent] += 1
                    non_nhs_names[parent] = parent_name
                continue
            trust = _successor(conn, parent, era.date)
            kind = types.get(trust)
            if kind in MH_TYPES and not any(w in name.lower() for w in REGIONAL_SITE):
                mh[council][snap][trust] += 1
                mh_points.append((pcd, trust, name))
            elif kind == "community":
                com[council][trust] += 1
    acute = _acute_by_council(conn, era.area_kind)
    hq = _community_headquarters(conn, era, types, council_of)
    centres = _centres(conn, era.area_kind) if NEAREST_SITE_FALLBACK else {}  # a scan of every postcode: only if used
    rows = []
    src_sites = ", ".join(f"nhsuk_sites/{s}" for s in era.snapshots)
    for council in sorted(_councils(conn, era.area_kind)):
        base = (council, era.area_kind)
        mh_trust = None
        by_snap = mh.get(council)
        if by_snap:
            snap = max(by_snap, key=lambda s: (sum(by_snap[s].values()) > 0, s))
            counts = by_snap[snap]
            mh_trust, n = counts.most_common(1)[0]
            total = sum(counts.values())
            rows.append((*base, "mental_health", era.era_from, era.era_to, mh_trust, _name(conn, mh_trust, era.date),
                         "nhs_trust", "sites",
                         f"runs {n} of the {total} NHS mental-health hospital{'s' if total != 1 else ''} listed in "
                         f"this council area (NHS.UK hospital list, {snap})", src_sites, "medium"))
        elif NEAREST_SITE_FALLBACK and council in centres:
            near = _nearest_site(conn, centres[council], mh_points)
            if near is not None:
                mh_trust, site, dist = near
                rows.append((*base, "mental_health", era.era_from, era.era_to, mh_trust, _name(conn, mh_trust, era.date),
                             "nhs_trust", "nearest_site",
                             f"no NHS mental-health hospital is listed in this council area; the nearest, {site} "
                             f"({dist:.0f} km from the middle of the area), is run by this trust", src_sites, "low"))
        rows.append(_community_row(conn, era, base, com.get(council), hq.get(council), mh_trust,
                                   acute.get(council), non_nhs.get(council), non_nhs_names, eric, src_sites))
    return rows


def _centres(conn, area_kind: str) -> dict[str, tuple[float, float]]:
    """The middle of each council's neighbourhoods (mean of LSOA centres)."""
    if area_kind == "council_2016":
        sql = ("SELECT coalesce(a.parent_code, l.lad16), avg(l.lat), avg(l.lon) FROM lsoa11 l LEFT JOIN area a "
               "ON a.type = 'lad' AND a.vintage = '2016' AND a.code = l.lad16 WHERE l.lat IS NOT NULL GROUP BY 1")
    else:
        sql = (f"SELECT {_UPPER_2023}, avg(p.lat), avg(p.lon) FROM (SELECT lad, avg(lat) AS lat, avg(lon) AS lon "
               "FROM postcode WHERE country = 'E92000001' AND status = 'live' AND lat IS NOT NULL GROUP BY lad) p GROUP BY 1")
    return {c: (lat, lon) for c, lat, lon in conn.execute(sql) if c}


def _nearest_site(conn, centre, points):
    from math import asin, cos, radians, sin, sqrt

    best = None
    for pcd, trust, name in points:
        row = conn.execute("SELECT lat, lon FROM postcode WHERE pcd = ?", (pcd,)).fetchone()
        if row is None or row[0] is None:
            continue
        la1, lo1, la2, lo2 = map(radians, (centre[0], centre[1], row[0], row[1]))
        d = 2 * 6371 * asin(sqrt(sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2))
        if best is None or d < best[2]:
            best = (trust, name, d)
    return best


def _n(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _looks_social_enterprise(name: str) -> bool:
    n = f" {name.lower()} "
    if " nhs " in n:   # an NHS trust listed under another sector (Avon and Wiltshire Mental Health Partnership)
        return False
    return any(w in n for w in (" community interest company", " cic ", " social enterprise", " partnership",
                                " care services", " virgin care", " healthcare ltd", "health ltd"))


def _community_headquarters(conn, era: Era, types: dict[str, str], council_of: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for code, pcd, opened, closed in conn.execute(
        "SELECT code, postcode, opened, closed FROM organisation WHERE kind = 'nhs_trust' AND postcode IS NOT NULL"
    ).fetchall():
        if types.get(code) != "community" or (opened and opened > era.date) or (closed and closed < era.date):
            continue
        row = conn.execute(council_of, (" ".join(pcd.split()),)).fetchone()
        if row and row[0]:
            out[row[0]].append(code)
    return out


def _combined_evidence(conn, mh_trust: str, eric: dict[str, dict]) -> str | None:
    """Why a mental-health trust counts as a combined mental-health and community trust, or None.

    ERIC 2023/24 site counts: community hospitals with beds, or many more non-inpatient sites (clinics,
    health centres, community bases) than mental-health sites. A trust merged away before 2023/24 is
    judged by its successor's counts."""
    counts = eric.get(mh_trust) or eric.get(_successor(conn, mh_trust, "2100-01-01"))
    if not counts:
        return None
    hospitals, clinics = counts.get("community_hospital", 0), counts.get("non_inpatient", 0)
    mh_sites = counts.get("mental_health", 0) + counts.get("mental_health_ld", 0)
    if hospitals >= COMBINED_MIN_COMMUNITY_HOSPITALS:
        why = f"also runs {_n(hospitals, 'community hospital')} with beds"
    elif COMBINED_NON_INPATIENT_RATIO and clinics >= COMBINED_NON_INPATIENT_RATIO * max(mh_sites, 1):
        why = (f"runs {_n(clinics, 'non-inpatient site')} (clinics, health centres, community bases) against "
               f"{_n(mh_sites, 'mental-health site')}")
    else:
        return None
    return f"the area's mental-health trust, which {why} (ERIC 2023/24): a combined mental-health and community trust"


def _community_row(conn, era, base, com, hq, mh_trust, acute, non_nhs, non_nhs_names, eric, src_sites) -> tuple:
    def row(code, name, kind, method, evidence, source):
        return (*base, "community", era.era_from, era.era_to, code, name, kind, method, evidence, source, "medium")

    if com:
        code, n = com.most_common(1)[0]
        return row(code, _name(conn, code, era.date), "nhs_trust", "sites",
                   f"a community health trust running {n} of the hospitals listed in this council area "
                   f"(NHS.UK hospital list)", src_sites)
    if hq:
        code = sorted(hq)[0]
        return row(code, _name(conn, code, era.date), "nhs_trust", "headquarters",
                   "the community health trust headquartered in this council area (ODS trust list)", "etr")
    combined = _combined_evidence(conn, mh_trust, eric) if mh_trust else None
    if combined:
        return row(mh_trust, _name(conn, mh_trust, era.date), "nhs_trust", "combined_mh", combined,
                   f"{src_sites}, trust_types/{ERIC_SITES}")
    if acute:
        successor = _successor(conn, acute, "2100-01-01")
        counts = eric.get(acute) or eric.get(successor) or {}
        if counts.get("community_hospital", 0) >= 1 or counts.get("non_inpatient", 0) >= INTEGRATED_MIN_NON_INPATIENT:
            return row(acute, _name(conn, acute, era.date), "nhs_trust", "integrated_acute",
                       f"the area's main acute trust (most of its hospital admissions, OHID), which runs "
                       f"{_n(counts.get('community_hospital', 0), 'community hospital')} and "
                       f"{_n(counts.get('non_inpatient', 0), 'clinic or health centre', 'clinics and health centres')} "
                       "(ERIC 2023/24): an integrated acute and community trust",
                       f"acute_trust_catchments, trust_types/{ERIC_SITES}")
    if non_nhs:
        code, n = non_nhs.most_common(1)[0]
        return row(code, non_nhs_names[code], "non_nhs", "non_nhs_sites",
                   "runs the community hospital listed in this council area (NHS.UK hospital list); "
                   "it is not an NHS trust", src_sites)
    return (*base, "community", era.era_from, era.era_to, None, None, None, "none",
            "no NHS trust in the data runs community sites here", src_sites, "low")
