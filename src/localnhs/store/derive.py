"""Facts derived at build time from what the other steps loaded: councils, Health and
Wellbeing Boards and local Healthwatch per upper-tier council, and organisation locations.

No official list of HWBs or local Healthwatch ships with the raw data; every upper-tier
council (county or unitary) must have one of each by law, so one of each is derived per
upper-tier council of each vintage, and labelled as derived.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import numpy as np
import polars as pl

from localnhs.eras import CCG_VINTAGES, ICB_ERA
from localnhs.sources import registry
from localnhs.store import icb_2026
from localnhs.store.datasets.eccg import ICB_START
from localnhs.store.intervals import day_before, from_snapshots
from localnhs.store.search_key import name_key

# ONS vintages that list councils, with the first date each describes.
COUNCIL_VINTAGES = [
    ("lad", "2016", "2016-12-01"), ("county", "2016", "2016-12-01"),
    ("utla", "2019", "2019-04-01"), ("utla", "2021", "2021-04-01"), ("lad", "2021", "2021-04-01"),
    ("utla", "2023", "2023-04-01"), ("lad", "2024", "2024-05-01"), ("lad", "2025", "2025-10-01"),
]
HEALTHWATCH_METHOD = "one local Healthwatch per upper-tier council, named after it (derived: not in the cited list)"
HEALTHWATCH_CITED = "content/healthwatch_areas.yaml"
ENGLAND = "E92000001"
# The areas each of which gets a representative postcode (columns of the postcode view).
REP_TYPES = ("lad", "ward", "lsoa21")
HWB_METHOD = "one Health and Wellbeing Board per upper-tier council (derived: no official list is shipped)"


def tier(code: str) -> str:
    return {"E06": "unitary", "E08": "metropolitan", "E09": "london_borough", "E10": "county",
            "E07": "district"}.get(code[:3], "other")


def load(ctx) -> None:
    with ctx.step("councils, HWBs, Healthwatch", total=1):
        _councils(ctx.conn)
    with ctx.step("ICBs from April 2026", total=1):
        _split_at_icb_start(ctx.conn)
        icb_2026.derive(ctx.conn)
    with ctx.step("commissioner names by vintage", total=1):
        _commissioner_names(ctx.conn)
    with ctx.step("types of new trusts", total=1):
        _inherited_trust_types(ctx.conn)
        _close_succeeded_trusts(ctx.conn)
    with ctx.step("representative postcodes", total=1):
        _representatives(ctx.conn, ctx.staged.parsed["postcodes"])  # kept: the bulk lookup compile reads them too
    with ctx.step("organisation locations", total=1):
        _locations(ctx.conn)
    with ctx.step("search index", total=1):
        _search(ctx.conn)
    # Counted once here: a count over 2.5 million rows is too slow for every stats request.
    for country, n in ctx.conn.execute(
        "SELECT country, count(*) FROM postcode WHERE status = 'live' GROUP BY country"
    ).fetchall():
        ctx.conn.execute("INSERT INTO meta VALUES (?, ?)", (f"live_postcodes_{country}", str(n)))


def _councils(conn) -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    names: dict[str, tuple[str, str, str]] = {}
    for area_type, vintage, date in COUNCIL_VINTAGES:
        for code, name, source in conn.execute(
            "SELECT code, name, source FROM area WHERE type = ? AND vintage = ? AND code LIKE 'E%'",
            (area_type, vintage),
        ):
            if tier(code) == "other":
                continue
            seen[code].append(date)
            if code not in names or date >= names[code][1]:
                names[code] = (name, date, source)
    dates = sorted({d for _, _, d in COUNCIL_VINTAGES})
    closes = {}
    for code, present in seen.items():
        # A council is closed once a later vintage of its own tier no longer lists it.
        own = [d for t, v, d in COUNCIL_VINTAGES if (t == "lad") == (tier(code) == "district") and d > max(present)]
        closes[code] = day_before(min(own)) if own else None
    # A district goes with its county: Corby closed with Northamptonshire on 31 March 2021 (the
    # county vintages are dated 1 April; the next district list only December 2021).
    for code, county in conn.execute(
        "SELECT DISTINCT code, parent_code FROM area WHERE type = 'lad' AND parent_code LIKE 'E10%'"
    ).fetchall():
        if code in closes and closes.get(county) and (closes[code] is None or closes[county] < closes[code]):
            closes[code] = closes[county]
    orgs, rels, attrs, hw_names = [], [], [], []
    cited = _healthwatch_areas()
    for code, present in seen.items():
        name, as_of, source = names[code]
        closed = closes[code]
        opened = None if min(present) == dates[0] else min(present)
        orgs.append((code, name, "council", opened, closed, source, as_of))
        attrs.append((code, "tier", tier(code), None, None, source))
        if tier(code) != "district":
            orgs.append((f"HWB-{code}", f"{name} Health and Wellbeing Board", "hwb", opened, closed, source, as_of))
            spans = _healthwatch_spans(cited.get(code, []), f"Healthwatch {name}", opened, closed)
            orgs.append((f"HW-{code}", spans[-1][0], "healthwatch", opened, closed, source, as_of))
            rels.append((f"HWB-{code}", code, "part_of", opened, closed, source, HWB_METHOD, None))
            for hw_name, start, end, how, src in spans:
                rels.append((f"HW-{code}", code, "serves", start, end, src, how, None))
                hw_names.append((f"HW-{code}", hw_name, start, end, src))
    conn.executemany(
        "INSERT INTO organisation (code, name, kind, opened, closed, source, as_of) VALUES (?,?,?,?,?,?,?)", orgs
    )
    conn.executemany("INSERT INTO org_attribute VALUES (?,?,?,?,?,?)", attrs)
    conn.executemany(
        "INSERT INTO relationship (from_code, to_code, kind, valid_from, valid_to, source, method, weight)"
        " VALUES (?,?,?,?,?,?,?,?)", rels
    )
    conn.executemany("INSERT INTO org_name VALUES (?,?,?,?,?)", hw_names)


def _healthwatch_areas() -> dict[str, list]:
    from localnhs.content import load_healthwatch_areas

    by_council = defaultdict(list)
    for area in load_healthwatch_areas():
        for council in area.councils:
            by_council[council].append(area)
    return by_council


def _healthwatch_spans(areas, derived_name: str, opened, closed):
    """(name, from, to, method, source) for a council's local Healthwatch: the cited arrangements
    (a shared Healthwatch Dorset; Northamptonshire's county-wide one until 2025), and the derived
    "Healthwatch <council>" for any time the cited list does not cover."""
    spans, cursor = [], opened
    for a in sorted(areas, key=lambda a: a.valid_from or dt.date.min):
        start = a.valid_from.isoformat() if a.valid_from else None
        end = a.valid_to.isoformat() if a.valid_to else None
        if start and (cursor is None or start > cursor) and cursor is not None:
            spans.append((derived_name, cursor, day_before(start), HEALTHWATCH_METHOD, "derived"))
        how = f"cited: {a.name} serves this council area ({', '.join(a.sources)}; checked {a.checked})"
        spans.append((a.name, start, end, how, HEALTHWATCH_CITED))
        cursor = None if end is None else (dt.date.fromisoformat(end) + dt.timedelta(days=1)).isoformat()
        if end is None:
            break
    else:
        if cursor is not None and (closed is None or cursor <= closed):
            spans.append((derived_name, cursor, closed, HEALTHWATCH_METHOD, "derived"))
    if not spans:
        spans.append((derived_name, opened, closed, HEALTHWATCH_METHOD, "derived"))
    return spans

def _split_at_icb_start(conn) -> None:
    """An ICB's code was its STP's before 1 July 2022 (QYG: Cheshire and Merseyside Health and Care
    Partnership). A trust listed under that code in 2021 was in the STP footprint, not "part of
    the ICB since 2021": the relationship is cut at the ICBs' first day so each side is dated right."""
    start = ICB_START
    rows = conn.execute("""
        SELECT r.rowid, r.* FROM relationship r
        WHERE r.valid_from < :s AND (r.valid_to IS NULL OR r.valid_to >= :s)
          AND (r.to_code IN (SELECT code FROM organisation WHERE kind = 'icb')
               OR r.from_code IN (SELECT code FROM organisation WHERE kind = 'icb'))
    """, {"s": start}).fetchall()
    for row in rows:
        conn.execute("UPDATE relationship SET valid_to = ? WHERE rowid = ?", (day_before(start), row[0]))
    conn.executemany(
        "INSERT INTO relationship (from_code, to_code, kind, valid_from, valid_to, source, method, weight)"
        " VALUES (?,?,?,?,?,?,?,?)",
        [(r[1], r[2], r[3], start, r[5], r[6], r[7], r[8]) for r in rows],
    )


def _locations(conn) -> None:
    """Place organisations at their postcode; a retired postcode falls back to its LSOA's centre."""
    conn.execute("""
        UPDATE organisation SET
          lat = coalesce(p.lat, l.lat), lon = coalesce(p.lon, l.lon),
          easting = p.easting, northing = p.northing
        FROM postcode p LEFT JOIN lsoa11 l ON l.code = p.lsoa11
        WHERE p.pcd = organisation.postcode
    """)
    _locate_by_name(conn)
    rows = conn.execute(
        "SELECT code, lon, lat FROM organisation WHERE lat IS NOT NULL "
        "AND kind IN ('gp_practice', 'nhs_trust', 'pcn') ORDER BY code"
    ).fetchall()
    conn.executemany("INSERT INTO org_point_code VALUES (?,?)", [(i, r[0]) for i, r in enumerate(rows, 1)])
    conn.executemany("INSERT INTO org_point VALUES (?,?,?,?,?)",
                     [(i, r[1], r[1], r[2], r[2]) for i, r in enumerate(rows, 1)])


def _search(conn) -> None:
    rows = []
    for code, name, kind, closed in conn.execute("SELECT code, name, kind, closed FROM organisation"):
        rows.append((name_key(name), name, code, kind, int(closed is None)))
    for code, name in conn.execute(
        "SELECT DISTINCT n.code, n.name FROM org_name n JOIN organisation o ON o.code = n.code WHERE n.name != o.name"
    ):
        rows.append((name_key(name), name, code, "former_name", 0))
    for code, name, type_ in conn.execute(
        "SELECT code, name, type FROM area WHERE code LIKE 'E%' AND ((type = 'lad' AND vintage = '2024') "
        "OR (type = 'utla' AND vintage = '2023') OR (type = 'ward' AND vintage = '2025'))"
    ):
        rows.append((name_key(name), name, code, f"area_{type_}", 1))
    conn.executemany("INSERT INTO search VALUES (?,?,?,?,?)", rows)


# ONS commissioner lookups name each CCG / sub-ICB location as it was in that vintage.
# (type, vintage) -> the first day of that lookup, as the dataset registry declares it.
COMMISSIONER_VINTAGES = {("ccg", "20" + col.removeprefix("ccg")): start for start, col in CCG_VINTAGES} | {
    ("sub_icb", "2022"): ICB_ERA.isoformat(),
    ("sub_icb", "2024"): registry.as_of("geographr_lookups", registry.file_name("geographr_lookups", "lsoa21_icb24")),
}


def _commissioner_names(conn) -> None:
    """NHS Warrington CCG (2016) and NHS Cheshire and Merseyside ICB - 02E (2022) are one ODS code."""
    dates = {f"{t}:{v}": d for (t, v), d in COMMISSIONER_VINTAGES.items()}
    obs = [
        (ods, f"{t}:{v}", name, source)
        for t, v, ods, name, source in conn.execute(
            "SELECT type, vintage, ods_code, name, source FROM area WHERE type IN ('ccg', 'sub_icb') AND ods_code IS NOT NULL"
        )
        if f"{t}:{v}" in dates
    ]
    opened, closed = {}, {}
    for code, o, c in conn.execute("SELECT code, opened, closed FROM organisation WHERE kind IN ('ccg', 'sub_icb_location')"):
        opened[code], closed[code] = o, c
    rows = from_snapshots(obs, dates, open_first=opened, closed=closed)
    conn.executemany("INSERT INTO org_name VALUES (?,?,?,?,?)", rows)


def _inherited_trust_types(conn) -> None:
    """A trust formed by merger after the last classification (e.g. North London NHS FT, 2024)
    takes the type its predecessors had, and says so in the source."""
    rows = conn.execute("""
        SELECT r.to_code, a.value, group_concat(DISTINCT r.from_code)
        FROM relationship r JOIN org_attribute a ON a.code = r.from_code AND a.attribute = 'trust_type'
        JOIN organisation o ON o.code = r.to_code AND o.kind = 'nhs_trust'
        WHERE r.kind = 'succeeded_by' AND a.valid_to IS NULL
          AND NOT EXISTS (SELECT 1 FROM org_attribute x WHERE x.code = r.to_code AND x.attribute = 'trust_type')
        GROUP BY r.to_code, a.value ORDER BY r.to_code, count(*) DESC
    """).fetchall()
    chosen = {}
    for code, value, preds in rows:
        if code not in chosen or (chosen[code][0] == "care_trust" and value != "care_trust"):
            chosen[code] = (value, preds)
    conn.executemany(
        "INSERT INTO org_attribute VALUES (?,?,?,?,?,?)",
        [(code, "trust_type", value, None, None, f"derived from predecessors {preds}")
         for code, (value, preds) in chosen.items()],
    )


def _locate_by_name(conn) -> None:
    """Care trusts (TAD, TAE, TAF, TAH...) are missing from the etr lists, so no address ships for
    them. Where the trust's name contains a council's name ("Sheffield Health and Social Care"),
    place it at the middle of that council's neighbourhoods, and record that this is how."""
    lads = conn.execute(
        "SELECT a.name, avg(l.lat), avg(l.lon), a.code FROM area a JOIN lsoa21 l ON l.lad24 = a.code "
        "WHERE a.type = 'lad' AND a.vintage = '2024' GROUP BY a.code"
    ).fetchall()
    for code, name in conn.execute(
        "SELECT code, name FROM organisation WHERE kind = 'nhs_trust' AND lat IS NULL"
    ).fetchall():
        key = f" {name_key(name)} "
        hits = [h for h in lads if f" {name_key(h[0])} " in key]
        if not hits:
            continue
        n, lat, lon, lad = max(hits, key=lambda h: len(h[0]))
        near = conn.execute(
            "SELECT r.pcd FROM lsoa21 l JOIN area_rep r ON r.type = 'lsoa21' AND r.code = l.code WHERE l.lad24 = ? "
            "ORDER BY (l.lat - ?) * (l.lat - ?) + (l.lon - ?) * (l.lon - ?) LIMIT 1", (lad, lat, lat, lon, lon)
        ).fetchone()
        conn.execute("UPDATE organisation SET lat = ?, lon = ? WHERE code = ?", (lat, lon, code))
        if near:  # the postcode nearest that middle stands in for the address when placing it in an ICB
            conn.execute("INSERT INTO org_attribute VALUES (?,?,?,?,?,?)",
                         (code, "locator_postcode", near[0], None, None, "derived"))
        conn.execute("INSERT INTO org_attribute VALUES (?,?,?,?,?,?)",
                     (code, "location_method", f"middle of {n} (named in the trust's name; no address shipped)",
                      None, None, "derived"))


def _representatives(conn, postcodes) -> None:
    """For each council district, ward and LSOA 2021: the live postcode nearest the middle of its
    postcodes, so a place name resolves with one indexed read instead of a scan.

    ``postcodes`` is what the postcode step wrote (the compact rows in postcode order and their
    two dictionaries), read here as the `postcode` view gives it: degrees are lat_e6 / 10^6."""
    coded, areas, states = postcodes
    data = coded.lazy().join(areas.lazy().select("area", "country", *REP_TYPES), on="area", how="left",
                             maintain_order="left") \
        .join(states.lazy().select("state", "status"), on="state", how="left", maintain_order="left") \
        .filter((pl.col("country") == ENGLAND) & (pl.col("status") == "live") & pl.col("lat_e6").is_not_null()) \
        .select("pcd", "lat_e6", "lon_e6", *REP_TYPES).collect()
    # numpy divides as SQLite does; polars multiplies by the reciprocal, which can differ in the last bit.
    data = data.with_columns(*[pl.Series(c, data[f"{c}_e6"].to_numpy().astype(np.float64) / 1_000_000.0).fill_nan(None)
                               for c in ("lat", "lon")])
    rows = []
    for type_ in REP_TYPES:
        rows += _nearest_middle(data, type_)
    conn.executemany("INSERT INTO area_rep VALUES (?,?,?,?)", rows)


def _nearest_middle(data: pl.DataFrame, key: str) -> list[tuple]:
    """(key, code, the postcode nearest the mean point, number of postcodes) for each code in
    column ``key``, as a loop over the rows in postcode order finds them: each mean summed in
    that order (Python floats), the nearest the first of equals; near ties go to that loop."""
    part = data.select(key, "pcd", "lat", "lon").filter(pl.col(key).is_not_null() & (pl.col(key) != ""))
    if part.height == 0:
        return []
    part = part.sort(key, maintain_order=True)  # stable: each code's rows stay in postcode order
    codes = part[key].to_numpy()
    n = len(codes)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    ends = np.r_[starts[1:], n]
    size = ends - starts
    lat_l, lon_l = part["lat"].to_list(), part["lon"].to_list()
    bounds = list(zip(starts.tolist(), ends.tolist()))
    mlat = np.array([sum(lat_l[s:e]) / (e - s) for s, e in bounds])
    mlon = np.array([sum(lon_l[s:e]) / (e - s) for s, e in bounds])
    group = np.repeat(np.arange(len(starts)), size)
    d = (part["lat"].to_numpy() - mlat[group]) ** 2 + (part["lon"].to_numpy() - mlon[group]) ** 2
    order = np.lexsort((np.arange(n), d, group))  # by code, then distance, then postcode order
    best = order[starts]
    second = order[np.minimum(starts + 1, n - 1)]
    d1, d2 = d[best], np.where(size > 1, d[second], np.inf)
    # numpy squares by multiplying and Python's ** 2 calls pow(): where the two nearest are
    # within rounding of each other, the loop itself decides.
    for g in np.flatnonzero(d2 <= d1 * (1 + 1e-9)).tolist():
        s, e = bounds[g]
        ml, mo = float(mlat[g]), float(mlon[g])
        best[g] = min(range(s, e), key=lambda i: (lat_l[i] - ml) ** 2 + (lon_l[i] - mo) ** 2)
    pcds = part["pcd"].to_numpy()
    return [(key, c, p, k) for c, p, k in zip(codes[starts].tolist(), pcds[best].tolist(), size.tolist())]


def _close_succeeded_trusts(conn) -> None:
    """A trust whose successor took over (ODS succ) closed the day before, even where the list we
    have predates it (Bridgewater, RY2, into RWW on 2026-04-01) or has no dates (care trusts)."""
    conn.execute("""
        UPDATE organisation SET closed = (
            SELECT date(min(r.valid_from), '-1 day') FROM relationship r
            WHERE r.from_code = organisation.code AND r.kind = 'succeeded_by')
        WHERE kind = 'nhs_trust' AND closed IS NULL
          AND EXISTS (SELECT 1 FROM relationship r WHERE r.from_code = organisation.code AND r.kind = 'succeeded_by')
    """)
