"""Commissioners: every CCG since 2013 and today's sub-ICB locations and ICBs (eccg), the ICBs'
ONS codes and names, and each commissioner's NHS England region and area team / STP / ICB over
the CCG years, from the majority of its active practices in each epraccur release."""

from __future__ import annotations

from collections import Counter, defaultdict

from localnhs import kinds
from localnhs.eras import ICB_ERA
from localnhs.sources import ods_orgs, registry
from localnhs.store.intervals import day_before, from_snapshots
from localnhs.store.staging import read_logged, relationships

DATASET = "eccg"
ICB_START = ICB_ERA.isoformat()  # ICBs' first day


def load(ctx) -> None:
    staged, conn = ctx.staged, ctx.conn
    orgs = staged.orgs
    with ctx.step("commissioners and regions", total=3) as advance:
        eccg_open: dict[str, str] = {}
        for fname, as_of in registry.files(DATASET, "eccg").items():
            parsed = read_logged(ctx, DATASET, fname, ods_orgs.read)
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
                    relationships(conn, [(o.code, o.hlhg, "part_of", max(o.opened, ICB_START), None, fname,
                                          "ODS parent (ICB)", None)])
        advance()

        # ICBs: ONS names and codes give each ICB's Q code, E54 code and name.
        for fname, as_of in registry.files(DATASET, "icb_names").items():
            parsed = read_logged(ctx, DATASET, fname, ods_orgs.read_icb_names)
            for i in parsed.rows:
                orgs.put(i.code, name=i.name, kind="icb", opened=ICB_START, source=fname, as_of=as_of)
                conn.execute("INSERT INTO org_attribute VALUES (?,?,?,?,?,?)",
                             (i.code, "ons_code", i.ons_code, None, None, fname))
        advance()
        _regions_by_practices(ctx, eccg_open)
        advance()


def _majority(counter_by_key):
    return {key: counts.most_common(1)[0][0] for key, counts in counter_by_key.items()}


def _regions_by_practices(ctx, eccg_open) -> None:
    """Commissioner -> region and -> area team / STP / ICB, per epraccur release, by the
    majority of each commissioner's active GP practices in that release."""
    conn, orgs, release_dates = ctx.conn, ctx.staged.orgs, ctx.staged.release_dates
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
    relationships(conn, rows)


def _cap(end, release_dates):
    """CCG-era intervals read from releases stop where the ICB era's own parents take over."""
    last = max(release_dates.values())
    if end is None:
        return day_before(ICB_START) if last < ICB_START else None
    return end
