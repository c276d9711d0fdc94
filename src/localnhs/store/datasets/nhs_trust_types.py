"""Trust types from CQC's primary inspection categories (January 2022), staged with ERIC's
(trust_types): each trust's type holds until a later file says otherwise."""

from __future__ import annotations

from localnhs.sources import registry, trust_types
from localnhs.store.staging import read_logged

DATASET = "nhs_trust_types"


def load(ctx) -> None:
    for fname, as_of in registry.files(DATASET).items():
        parsed = read_logged(ctx, DATASET, fname, trust_types.read_cqc)
        ctx.staged.trust_types += [(t.code, as_of, t.type, fname) for t in parsed.rows]
