"""Older ODS trust lists (2016, 2021), which name trusts since closed and date names, foundation
status, regions and STPs; the 2022 trust -> region list; the 2022 trust -> STP list (by the
STP's ONS code, which eccg's ICB names turn into its ODS code)."""

from __future__ import annotations

from localnhs.sources import registry, trust_lists
from localnhs.store.staging import read_logged

DATASET = "nhs_trusts"


def load(ctx) -> None:
    conn, orgs, lists = ctx.conn, ctx.staged.orgs, ctx.staged.trust_lists
    with ctx.step("trust lists", total=3) as advance:
        for fname, as_of in registry.files(DATASET, "etr_old").items():
            parsed = read_logged(ctx, DATASET, fname, trust_lists.read_etr_old)
            lists.list_dates[fname] = as_of
            for t in parsed.rows:
                if t.code not in orgs.rows:
                    orgs.put(t.code, name=t.name, kind="nhs_trust", postcode=t.postcode, opened=t.opened,
                             closed=t.closed, source=fname, as_of=as_of)
                    lists.opened[t.code], lists.closed[t.code] = t.opened, t.closed
                if t.closed is None or t.closed > as_of:
                    lists.name_obs.append((t.code, fname, t.name, fname))
                    lists.ft_obs.append((t.code, fname, "yes" if "FOUNDATION" in t.name.upper() else "no", fname))
                    lists.region_obs.append((t.code, fname, t.region, fname))
                    lists.hlhg_obs.append((t.code, fname, t.hlhg, fname))
        advance()
        fname = registry.file_name(DATASET, "regions")
        parsed = read_logged(ctx, DATASET, fname, trust_lists.read_regions)
        lists.region_dates[fname] = registry.as_of(DATASET, fname)
        lists.region_obs += [(r.code, fname, r.region_ods, fname) for r in parsed.rows if r.status == "open"]
        advance()
        fname = registry.file_name(DATASET, "stps")
        parsed = read_logged(ctx, DATASET, fname, trust_lists.read_stps)
        lists.hlhg_dates[fname] = registry.as_of(DATASET, fname)
        e54_to_q = {a: c for c, a in conn.execute(
            "SELECT code, value FROM org_attribute WHERE attribute = 'ons_code'")}
        lists.hlhg_obs += [(r.code, fname, e54_to_q[r.stp_code], fname) for r in parsed.rows if r.stp_code in e54_to_q]
        advance()
