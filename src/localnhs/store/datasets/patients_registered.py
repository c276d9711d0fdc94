"""Patients registered at each GP practice (2016, 2021, 2022) and what those files also link:
the 2016 list-size file ties the ODS region and area-team codes (Y, Q) to ONS codes (E40, E39),
which the NHS England local-office lookup of the ONS lookups folder names; the 2022 practice
map names today's regions and STPs and gives each practice's PCN that January."""

from __future__ import annotations

from collections import Counter, defaultdict

from localnhs.sources import nhs_local_offices, patients, registry
from localnhs.store.intervals import day_before
from localnhs.store.staging import read_logged, relationships

DATASET = "patients_registered"
LOCAL_OFFICES = "ons_lookups_2015_2020"


def load(ctx) -> None:
    hscic = {f: read_logged(ctx, DATASET, f, patients.read_hscic_2016) for f in registry.files(DATASET, "hscic_2016")}
    pmap = {f: read_logged(ctx, DATASET, f, patients.read_map_2022) for f in registry.files(DATASET, "map_2022")}
    with ctx.step("regions, list sizes", total=3) as advance:
        _region_names(ctx, hscic, pmap)
        advance()
        _figures(ctx, advance, hscic, pmap)


def _region_names(ctx, hscic, pmap) -> None:
    """Names of regions, area teams and STPs; their open and close dates from the releases that use them."""
    conn, orgs, release_dates = ctx.conn, ctx.staged.orgs, ctx.staged.release_dates
    q_to_e39, y_to_e40 = {}, {}
    for parsed in hscic.values():
        for r in parsed.rows:
            q_to_e39[r.area_team] = r.area_team_ons
            y_to_e40[r.region] = r.region_ons
    for fname, as_of in registry.files(LOCAL_OFFICES, "local_offices").items():
        parsed = read_logged(ctx, LOCAL_OFFICES, fname, nhs_local_offices.read)
        e39 = {r.code: r.name for r in parsed.rows}
        e40 = {r.region: r.region_name for r in parsed.rows}
        for q, code in q_to_e39.items():
            orgs.put(q, name=e39.get(code, f"NHS England local office {q} ({code})"), kind="area_team",
                     source=fname, as_of=as_of)
        for y, code in y_to_e40.items():
            orgs.put(y, name=e40.get(code, y), kind="region", source=fname, as_of=as_of)
    for fname, parsed in pmap.items():
        as_of = registry.as_of(DATASET, fname)
        for r in parsed.rows:
            orgs.put(r.region, name=r.region_name, kind="region", source=fname, as_of=as_of)
            if r.stp not in orgs.rows or orgs.rows[r.stp].get("kind") != "icb":
                orgs.put(r.stp, name=r.stp_name, kind="stp", source=fname, as_of=as_of)
    seen = defaultdict(list)
    for code, fname in conn.execute(
        "SELECT DISTINCT region, file FROM practice_release WHERE region IS NOT NULL AND country='England' "
        "UNION SELECT DISTINCT hlhg, file FROM practice_release WHERE hlhg IS NOT NULL AND country='England'"
    ):
        seen[code].append(release_dates[fname])
    ordered = sorted(release_dates.values())
    for code, dates in seen.items():
        if code in orgs.rows and orgs.rows[code].get("kind") in ("region", "area_team", "stp"):
            last = max(dates)
            later = [d for d in ordered if d > last]
            orgs.put(code, opened=min(dates) if min(dates) != ordered[0] else None,
                     closed=day_before(later[0]) if later else None)


def _figures(ctx, advance, hscic, pmap) -> None:
    rows = []
    for fname, parsed in hscic.items():
        as_of = registry.as_of(DATASET, fname)
        rows += [(r.practice, "registered_patients", as_of, r.patients, fname) for r in parsed.rows]
        rows += _by_commissioner(parsed.rows, as_of, fname)
    for fname, as_of in registry.files(DATASET, "nhsbsa_2016").items():
        parsed = read_logged(ctx, DATASET, fname, patients.read_nhsbsa_2016)
        rows += [(r.practice, "registered_patients_nhsbsa", as_of, r.patients, fname)
                 for r in parsed.rows if r.is_gp_practice]
        rows += [(r.practice, "gp_count", as_of, r.gp_count, fname) for r in parsed.rows if r.is_gp_practice]
    advance()
    for fname, as_of in registry.files(DATASET, "totals_2021").items():
        parsed = read_logged(ctx, DATASET, fname, patients.read_totals_2021)
        rows += [(r.practice, "registered_patients", as_of, r.patients, fname) for r in parsed.rows]
        rows += _by_commissioner(parsed.rows, as_of, fname)
    for fname, parsed in pmap.items():
        as_of = registry.as_of(DATASET, fname)
        relationships(ctx.conn, [
            (r.practice, r.pcn, "member_of", as_of, as_of, fname, "NHS Digital practice map (Jan 2022)", None)
            for r in parsed.rows if r.pcn and r.pcn != "U"
        ])
    ctx.conn.executemany("INSERT OR IGNORE INTO figure VALUES (?,?,?,?,?)", rows)
    advance()


def _by_commissioner(rows, as_of, fname):
    """Patients registered with each CCG's practices, as the publication groups them."""
    totals = Counter()
    for r in rows:
        if r.ccg:
            totals[r.ccg] += r.patients
    return [(ccg, "registered_patients_of_practices", as_of, n, fname) for ccg, n in totals.items()]
