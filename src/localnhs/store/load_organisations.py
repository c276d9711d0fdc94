"""Organisations and their dated relationships: practices, commissioners, regions, trusts,
PCNs, successions and list sizes.

Snapshot files (epraccur releases, trust lists) become validity intervals through
``intervals.from_snapshots``; files that carry their own dates (epcmem, ePCN, succ) keep them.
Closed bodies in the DSE files carry today's region and ICB, so those columns are only
read for bodies open in the file.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from localnhs import kinds
from localnhs.eras import ICB_ERA
from localnhs.sources import registry
from localnhs.sources import (
    epcmem, epcn, epraccur, nhs_local_offices, ods_orgs, patients, successions, trust_lists, trust_types,
)
from localnhs.sources._rows import Rejects
from localnhs.store import icb_2026
from localnhs.store.intervals import close_open_ends, day_before, from_snapshots

ICB_START = ICB_ERA.isoformat()  # ICBs' first day


class Orgs:
    """Organisation rows keyed by code; later puts (newer files) win field by field."""

    def __init__(self):
        self.rows: dict[str, dict] = {}

    def put(self, code: str, **fields) -> None:
        row = self.rows.setdefault(code, {"code": code})
        row.update({k: v for k, v in fields.items() if v not in (None, "")})

    def write(self, conn) -> None:
        cols = ["code", "name", "kind", "address", "postcode", "opened", "closed", "source", "as_of"]
        conn.executemany(
            f"INSERT INTO organisation ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
            [tuple(r.get(c) for c in cols) for r in self.rows.values() if r.get("name") and r.get("kind")],
        )


def _relationships(conn, rows) -> None:
    conn.executemany(
        "INSERT INTO relationship (from_code, to_code, kind, valid_from, valid_to, source, method, weight)"
        " VALUES (?,?,?,?,?,?,?,?)",
        rows,
    )


def _names(conn, intervals) -> None:
    conn.executemany("INSERT INTO org_name VALUES (?,?,?,?,?)", intervals)


def _attributes(conn, attribute, intervals) -> None:
    conn.executemany(
        "INSERT INTO org_attribute VALUES (?,?,?,?,?,?)",
        [(code, attribute, value, start, end, src) for code, value, start, end, src in intervals],
    )


def _runs(observations):
    """(code, date, value, source) -> intervals where each value holds until a different one is seen."""
    by_code = defaultdict(list)
    for code, date, value, source in observations:
        by_code[code].append((date, value, source))
    out = []
    for code, obs in by_code.items():
        obs.sort()
        runs = []
        for date, value, source in obs:
            if not runs or runs[-1][1] != value:
                runs.append([date, value, source])
        for i, (date, value, source) in enumerate(runs):
            start = None if i == 0 else date
            end = day_before(runs[i + 1][0]) if i + 1 < len(runs) else None
            out.append((code, value, start, end, source))
    return out


def load(ctx) -> None:
    orgs = Orgs()
    with ctx.step("practices (epraccur)", total=len(registry.files("epraccur", "release")) + 2) as advance:
        release_dates = _practices(ctx, orgs, advance)
    # Two patient files serve both the region names and the figures: read each once.
    hscic = {f: _load(ctx, "patients_registered", f, patients.read_hscic_2016)
             for f in registry.files("patients_registered", "hscic_2016")}
    pmap = {f: _load(ctx, "patients_registered", f, patients.read_map_2022)
            for f in registry.files("patients_registered", "map_2022")}
    with ctx.step("commissioners and regions", total=4) as advance:
        _commissioners(ctx, orgs, release_dates, advance, hscic, pmap)
    with ctx.step("trusts", total=9) as advance:
        _trusts(ctx, orgs, advance)
    with ctx.step("successions, PCNs, list sizes", total=6) as advance:
        _successions(ctx, advance)
        icb_2026.load(ctx, orgs)
        _pcns(ctx, orgs, advance)
        _figures(ctx, advance, hscic, pmap)
    orgs.write(ctx.conn)


def _practices(ctx, orgs, advance) -> dict[str, str]:
    conn = ctx.conn
    release_dates: dict[str, str] = {}
    name_obs, status_obs, memberships = [], [], []
    release_rows = []
    for fname, as_of in sorted(registry.files("epraccur", "release").items(), key=lambda kv: kv[1]):
        parsed = _load(ctx, "epraccur", fname, epraccur.read, *epraccur.FORMAT[fname])
        release_dates[fname] = as_of
        for p in parsed.rows:
            release_rows.append((fname, as_of, p.code, p.name, p.status, int(p.is_gp), p.country,
                                 p.commissioner or None, p.region or None, p.hlhg or None,
                                 p.postcode or None, p.opened, p.closed))
            if p.is_gp:
                orgs.put(p.code, name=p.name, kind="gp_practice", address=p.address, postcode=p.postcode,
                         opened=p.opened, closed=p.closed, source=fname, as_of=as_of)
                name_obs.append((p.code, fname, p.name, fname))
                status_obs.append((p.code, fname, p.status, fname))
            if p.commissioner:
                memberships.append((p.code, p.commissioner, p.joined, p.left, fname))
        advance()
    conn.executemany(f"INSERT INTO practice_release VALUES ({','.join('?' * 13)})", release_rows)

    for fname in registry.files("epraccur", "amendment"):
        parsed = _load(ctx, "epraccur", fname, epraccur.read, *epraccur.FORMAT[fname])
        for p in parsed.rows:
            if p.commissioner:
                memberships.append((p.code, p.commissioner, p.joined, p.left, fname))
        advance()

    for fname in registry.files("epcmem"):
        parsed = _load(ctx, "epcmem", fname, epcmem.read)
        memberships += [(m.practice, m.commissioner, m.start, m.end, fname) for m in parsed.rows]
        advance()

    opened = {code: r.get("opened") for code, r in orgs.rows.items()}
    _names(conn, from_snapshots(name_obs, release_dates, open_first=opened))
    _attributes(conn, "status", from_snapshots(status_obs, release_dates, open_first=opened))
    _relationships(conn, [
        (practice, comm, "commissioned_by", start, end, src, "ODS membership", None)
        for practice, comm, start, end, src in close_open_ends(memberships)
    ])
    return release_dates


def _load(ctx, dataset: str, fname: str, reader, *args):
    """Read one raw file with its reader and log it (hash, registry date, rows, rejects)."""
    path = ctx.path(dataset, fname)
    parsed = reader(path, *args)
    ctx.log(dataset, path, parsed.rejects)
    return parsed


def _majority(counter_by_key):
    return {key: counts.most_common(1)[0][0] for key, counts in counter_by_key.items()}


def _commissioners(ctx, orgs, release_dates, advance, hscic, pmap) -> None:
    conn = ctx.conn
    # eccg: every CCG since 2013 and today's sub-ICB locations, with dates.
    eccg_open: dict[str, str] = {}
    for fname, as_of in registry.files("eccg", "eccg").items():
        parsed = _load(ctx, "eccg", fname, ods_orgs.read)
        for o in parsed.rows:
            # By its ODS role (``kinds``); a CCG open on the day ICBs began carried on as a sub-ICB location.
            kind = kinds.ods_kind(o.roles)
            if kind is None and o.closed is None and o.opened <= ICB_START:
                kind = "sub_icb_location"
            if kind is None or kind == "sub_icb_location" and o.closed is not None:
                kind = "ccg"
            orgs.put(o.code, name=o.name, kind=kind, address=o.address, postcode=o.postcode,
                     opened=o.opened, closed=o.closed, source=fname, as_of=as_of)
            eccg_open[o.code] = o.opened
            if o.closed is None and o.hlhg and kind in ("sub_icb_location", "sub_icb_reporting_entity"):
                _relationships(conn, [(o.code, o.hlhg, "part_of", max(o.opened, ICB_START), None, fname,
                                       "ODS parent (ICB)", None)])
    advance()

    # ICBs: ONS names and codes give each ICB's Q code, E54 code and name.
    for fname, as_of in registry.files("eccg", "icb_names").items():
        parsed = _load(ctx, "eccg", fname, ods_orgs.read_icb_names)
        for i in parsed.rows:
            orgs.put(i.code, name=i.name, kind="icb", opened=ICB_START, source=fname, as_of=as_of)
            conn.execute("INSERT INTO org_attribute VALUES (?,?,?,?,?,?)",
                         (i.code, "ons_code", i.ons_code, None, None, fname))
    advance()

    # Commissioner -> region and -> area team / STP / ICB, per epraccur release, by the
    # majority of each commissioner's active GP practices in that release.
    region_by = defaultdict(Counter)
    hlhg_by = defaultdict(Counter)
    hlhg_region_by = defaultdict(Counter)
    for fname, comm, region, hlhg in conn.execute(
        "SELECT file, commissioner, region, hlhg FROM practice_release "
        "WHERE is_gp = 1 AND status = 'active' AND country = 'England' AND commissioner IS NOT NULL"
    ):
        if region:
            region_by[(comm, fname)][region] += 1
        if hlhg:
            hlhg_by[(comm, fname)][hlhg] += 1
        if hlhg and region:
            hlhg_region_by[(hlhg, fname)][region] += 1
    region_obs = [(c, f, v, f) for (c, f), v in _majority(region_by).items()]
    hlhg_obs = [(c, f, v, f) for (c, f), v in _majority(hlhg_by).items()]
    hlhg_region_obs = [(h, f, v, f) for (h, f), v in _majority(hlhg_region_by).items()]
    method = "majority of the commissioner's practices in the ODS release"
    # For the ICB era the eccg parent is authoritative; releases cover the CCG years.
    pre_icb = {f: d for f, d in release_dates.items() if d < ICB_START}
    rows = []
    for subject, value, start, end, src in from_snapshots(region_obs, pre_icb, open_first=eccg_open):
        rows.append((subject, value, "in_region", start, _cap(end, pre_icb), src, method, None))
    for subject, value, start, end, src in from_snapshots(hlhg_obs, pre_icb, open_first=eccg_open):
        rows.append((subject, value, "part_of", start, _cap(end, pre_icb), src, method, None))
    # An ICB's first recorded region held from the day ICBs began (the releases start in 2025).
    icb_open = {c: r["opened"] for c, r in orgs.rows.items() if r.get("kind") == "icb"}
    for subject, value, start, end, src in from_snapshots(hlhg_region_obs, release_dates, open_first=icb_open):
        rows.append((subject, value, "in_region", start, end, src, "majority of the practices in the ODS release", None))
    _relationships(conn, rows)
    advance()

    # Names of regions, area teams and STPs: the 2016 list-size file links ODS (Q, Y) to ONS
    # (E39, E40) codes, the ONS 2017 lookup names those; the 2022 map names today's.
    q_to_e39, y_to_e40 = {}, {}
    for parsed in hscic.values():
        for r in parsed.rows:
            q_to_e39[r.area_team] = r.area_team_ons
            y_to_e40[r.region] = r.region_ons
    for fname, as_of in registry.files("ons_lookups_2015_2020", "local_offices").items():
        parsed = _load(ctx, "ons_lookups_2015_2020", fname, nhs_local_offices.read)
        e39 = {r.code: r.name for r in parsed.rows}
        e40 = {r.region: r.region_name for r in parsed.rows}
        for q, code in q_to_e39.items():
            orgs.put(q, name=e39.get(code, f"NHS England local office {q} ({code})"), kind="area_team",
                     source=fname, as_of=as_of)
        for y, code in y_to_e40.items():
            orgs.put(y, name=e40.get(code, y), kind="region", source=fname, as_of=as_of)
    for fname, parsed in pmap.items():
        as_of = registry.as_of("patients_registered", fname)
        for r in parsed.rows:
            orgs.put(r.region, name=r.region_name, kind="region", source=fname, as_of=as_of)
            if r.stp not in orgs.rows or orgs.rows[r.stp].get("kind") != "icb":
                orgs.put(r.stp, name=r.stp_name, kind="stp", source=fname, as_of=as_of)
    # Region and area-team open/close dates follow from the releases that use them.
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
    advance()


def _cap(end, release_dates):
    """CCG-era intervals read from releases stop where the ICB era's own parents take over."""
    last = max(release_dates.values())
    if end is None:
        return day_before(ICB_START) if last < ICB_START else None
    return end


def _trusts(ctx, orgs, advance) -> None:
    conn = ctx.conn
    list_dates: dict[str, str] = {}      # full trust lists: names, FT status
    name_obs, ft_obs, region_obs, hlhg_obs = [], [], [], []
    opened, closed = {}, {}
    for fname, as_of in registry.files("etr").items():
        parsed = _load(ctx, "etr", fname, ods_orgs.read)
        list_dates[fname] = as_of
        for t in parsed.rows:
            orgs.put(t.code, name=t.name, kind="nhs_trust", address=t.address, postcode=t.postcode,
                     opened=t.opened, closed=t.closed, source=fname, as_of=as_of)
            opened[t.code], closed[t.code] = t.opened, t.closed
            if t.closed is None:
                name_obs.append((t.code, fname, t.name, fname))
                ft_obs.append((t.code, fname, "yes" if "FOUNDATION" in t.name.upper() else "no", fname))
                if t.region:
                    region_obs.append((t.code, fname, t.region, fname))
                if t.hlhg:
                    hlhg_obs.append((t.code, fname, t.hlhg, fname))
        advance()
    for fname, as_of in registry.files("nhs_trusts", "etr_old").items():
        parsed = _load(ctx, "nhs_trusts", fname, trust_lists.read_etr_old)
        list_dates[fname] = as_of
        for t in parsed.rows:
            if t.code not in orgs.rows:
                orgs.put(t.code, name=t.name, kind="nhs_trust", postcode=t.postcode, opened=t.opened,
                         closed=t.closed, source=fname, as_of=as_of)
                opened[t.code], closed[t.code] = t.opened, t.closed
            if t.closed is None or t.closed > as_of:
                name_obs.append((t.code, fname, t.name, fname))
                ft_obs.append((t.code, fname, "yes" if "FOUNDATION" in t.name.upper() else "no", fname))
                region_obs.append((t.code, fname, t.region, fname))
                hlhg_obs.append((t.code, fname, t.hlhg, fname))
        advance()
    region_dates, hlhg_dates = dict(list_dates), dict(list_dates)
    fname = registry.file_name("nhs_trusts", "regions")
    parsed = _load(ctx, "nhs_trusts", fname, trust_lists.read_regions)
    region_dates[fname] = registry.as_of("nhs_trusts", fname)
    region_obs += [(r.code, fname, r.region_ods, fname) for r in parsed.rows if r.status == "open"]
    advance()
    fname = registry.file_name("nhs_trusts", "stps")
    parsed = _load(ctx, "nhs_trusts", fname, trust_lists.read_stps)
    hlhg_dates[fname] = registry.as_of("nhs_trusts", fname)
    e54_to_q = {a: c for c, a in conn.execute(
        "SELECT code, value FROM org_attribute WHERE attribute = 'ons_code'")}
    hlhg_obs += [(r.code, fname, e54_to_q[r.stp_code], fname) for r in parsed.rows if r.stp_code in e54_to_q]
    advance()

    dated = {"open_first": opened, "closed": closed}
    _names(conn, from_snapshots(name_obs, list_dates, **dated))
    _attributes(conn, "foundation_trust", from_snapshots(ft_obs, list_dates, **dated))
    rows = []
    for subject, value, start, end, src in from_snapshots(region_obs, region_dates, **dated):
        rows.append((subject, value, "in_region", start, end, src, "ODS trust list", None))
    for subject, value, start, end, src in from_snapshots(hlhg_obs, hlhg_dates, **dated):
        rows.append((subject, value, "part_of", start, end, src, "ODS trust list (headquarters)", None))
    _relationships(conn, rows)

    type_obs, detail_obs, eric_names = [], [], []
    for fname, start in registry.files("trust_types", "eric_xls").items():
        parsed = _load(ctx, "trust_types", fname, trust_types.read_eric_xls)
        type_obs += [(t.code, start, t.type, fname) for t in parsed.rows]
        detail_obs += [(t.code, start, t.original, fname) for t in parsed.rows]
        eric_names += [(t.code, t.name, fname) for t in parsed.rows]
        advance()
    for fname, as_of in registry.files("nhs_trust_types").items():
        parsed = _load(ctx, "nhs_trust_types", fname, trust_types.read_cqc)
        type_obs += [(t.code, as_of, t.type, fname) for t in parsed.rows]
        advance()
    for fname, start in registry.files("trust_types", "eric_csv").items():
        parsed = _load(ctx, "trust_types", fname, trust_types.read_eric_csv)
        type_obs += [(t.code, start, t.type, fname) for t in parsed.rows]
        detail_obs += [(t.code, start, t.original, fname) for t in parsed.rows]
        advance()
    # Care trusts (e.g. Camden and Islington, TAF) are not in the etr lists: ERIC still names them.
    for code, name, src in sorted(set(eric_names), key=lambda t: (t[2], t[0], t[1])):
        if code not in orgs.rows:
            orgs.put(code, name=name, kind="nhs_trust", source=src)
    _attributes(conn, "trust_type", _runs(type_obs))
    _attributes(conn, "trust_type_detail", _runs(detail_obs))


def _successions(ctx, advance) -> None:
    best: dict[tuple[str, str], tuple[str, str]] = {}
    for reader, part in ((successions.read_archive, "archive"), (successions.read_current, "current")):
        for fname in registry.files("trust_successions", part):
            parsed = _load(ctx, "trust_successions", fname, reader)
            for s in parsed.rows:
                best[(s.old, s.new)] = (s.date, fname)  # the current succ file, read last, wins
    _relationships(ctx.conn, [
        (old, new, "succeeded_by", date, None, src, "ODS successor organisations", None)
        for (old, new), (date, src) in best.items()
    ])
    advance()


def _pcns(ctx, orgs, advance) -> None:
    for fname, as_of in registry.files("epcn").items():
        path = ctx.path("epcn", fname)
        details, members = epcn.read(path)
        members.rejects.check()
        # One workbook, two sheets: logged (and guarded) as one file with both sheets' rows.
        both = Rejects(path.name, details.rejects.rows + members.rejects.rows,
                       details.rejects.items + members.rejects.items)
        details.rejects.check()
        ctx.log("epcn", path, both)
        for p in details.rows:
            orgs.put(p.code, name=p.name, kind="pcn", address=p.address, postcode=p.postcode,
                     opened=p.opened, closed=p.closed, source=fname, as_of=as_of)
        _relationships(ctx.conn, [
            (p.code, p.sub_icb, "part_of", p.opened, p.closed, fname, "ODS PCN parent", None)
            for p in details.rows if p.sub_icb
        ] + [
            (m.practice, m.pcn, "member_of", m.start, m.end, fname, "ODS PCN core partner", None)
            for m in members.rows
        ])
    advance()


def _figures(ctx, advance, hscic, pmap) -> None:
    rows = []
    for fname, parsed in hscic.items():
        as_of = registry.as_of("patients_registered", fname)
        rows += [(r.practice, "registered_patients", as_of, r.patients, fname) for r in parsed.rows]
        rows += _by_commissioner(parsed.rows, as_of, fname)
    for fname, as_of in registry.files("patients_registered", "nhsbsa_2016").items():
        parsed = _load(ctx, "patients_registered", fname, patients.read_nhsbsa_2016)
        rows += [(r.practice, "registered_patients_nhsbsa", as_of, r.patients, fname)
                 for r in parsed.rows if r.is_gp_practice]
        rows += [(r.practice, "gp_count", as_of, r.gp_count, fname) for r in parsed.rows if r.is_gp_practice]
    advance()
    for fname, as_of in registry.files("patients_registered", "totals_2021").items():
        parsed = _load(ctx, "patients_registered", fname, patients.read_totals_2021)
        rows += [(r.practice, "registered_patients", as_of, r.patients, fname) for r in parsed.rows]
        rows += _by_commissioner(parsed.rows, as_of, fname)
    for fname, parsed in pmap.items():
        as_of = registry.as_of("patients_registered", fname)
        _relationships(ctx.conn, [
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
