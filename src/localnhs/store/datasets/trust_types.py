"""Trust types from the Estates Returns (ERIC 2015/16, 2016/17, 2023/24): each trust's type and
ERIC's own wording, staged with CQC's categories (nhs_trust_types) so a type holds until a later
file says otherwise; and care trusts that the ODS trust lists lack but ERIC names."""

from __future__ import annotations

from localnhs.sources import registry, trust_types
from localnhs.store.staging import read_logged

DATASET = "trust_types"


def load(ctx) -> None:
    staged = ctx.staged
    eric_names = []
    with ctx.step("trust types (ERIC)", total=3) as advance:
        for fname, start in registry.files(DATASET, "eric_xls").items():
            parsed = read_logged(ctx, DATASET, fname, trust_types.read_eric_xls)
            staged.trust_types += [(t.code, start, t.type, fname) for t in parsed.rows]
            staged.trust_type_details += [(t.code, start, t.original, fname) for t in parsed.rows]
            eric_names += [(t.code, t.name, fname) for t in parsed.rows]
            advance()
        for fname, start in registry.files(DATASET, "eric_csv").items():
            parsed = read_logged(ctx, DATASET, fname, trust_types.read_eric_csv)
            staged.trust_types += [(t.code, start, t.type, fname) for t in parsed.rows]
            staged.trust_type_details += [(t.code, start, t.original, fname) for t in parsed.rows]
            advance()
    # Care trusts (e.g. Camden and Islington, TAF) are not in the etr lists: ERIC still names them.
    for code, name, src in sorted(set(eric_names), key=lambda t: (t[2], t[0], t[1])):
        if code not in staged.orgs.rows:
            staged.orgs.put(code, name=name, kind="nhs_trust", source=src)
