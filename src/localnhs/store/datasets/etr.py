"""NHS trusts from today's ODS trust list (etr): each trust's organisation row, and its name,
foundation status, region and headquarters' ICB as observed in the list (staged with the older
lists of nhs_trusts, which together give each fact's dates)."""

from __future__ import annotations

from localnhs.sources import ods_orgs, registry
from localnhs.store.staging import read_logged

DATASET = "etr"


def load(ctx) -> None:
    orgs, lists = ctx.staged.orgs, ctx.staged.trust_lists
    with ctx.step("trusts", total=len(registry.files(DATASET))) as advance:
        for fname, as_of in registry.files(DATASET).items():
            parsed = read_logged(ctx, DATASET, fname, ods_orgs.read)
            lists.list_dates[fname] = as_of
            for t in parsed.rows:
                orgs.put(t.code, name=t.name, kind="nhs_trust", address=t.address, postcode=t.postcode,
                         opened=t.opened, closed=t.closed, source=fname, as_of=as_of)
                lists.opened[t.code], lists.closed[t.code] = t.opened, t.closed
                if t.closed is None:
                    lists.observe(t.code, fname, t.name, t.region, t.hlhg)
            advance()
