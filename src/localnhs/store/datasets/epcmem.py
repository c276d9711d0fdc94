"""Which commissioner each GP practice belonged to, with ODS's own dates (2019): added to the
memberships epraccur staged, so one membership seen in several files is written once."""

from __future__ import annotations

from localnhs.sources import epcmem, registry
from localnhs.store.staging import read_logged

DATASET = "epcmem"


def load(ctx) -> None:
    for fname in registry.files(DATASET):
        parsed = read_logged(ctx, DATASET, fname, epcmem.read)
        ctx.staged.memberships += [(m.practice, m.commissioner, m.start, m.end, fname) for m in parsed.rows]
