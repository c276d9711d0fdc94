"""Which organisation took over from which (ODS successions, archive and current): one
succeeded_by relationship per pair, dated as the current file gives it when both list it."""

from __future__ import annotations

from localnhs.sources import registry, successions
from localnhs.store.staging import read_logged, relationships

DATASET = "trust_successions"


def load(ctx) -> None:
    best: dict[tuple[str, str], tuple[str, str]] = {}
    for reader, part in ((successions.read_archive, "archive"), (successions.read_current, "current")):
        for fname in registry.files(DATASET, part):
            parsed = read_logged(ctx, DATASET, fname, reader)
            for s in parsed.rows:
                best[(s.old, s.new)] = (s.date, fname)  # the current succ file, read last, wins
    relationships(ctx.conn, [
        (old, new, "succeeded_by", date, None, src, "ODS successor organisations", None)
        for (old, new), (date, src) in best.items()
    ])
