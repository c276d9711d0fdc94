"""The garbage collector's pauses while a prepared server process works out first answers.

    .venv/bin/python scripts/gc_pauses.py [--no-freeze] [N]

Prepares the build as `localnhs serve` does (api/serving.ServingDB.prepare with api/app.prime,
which ends with gc.freeze()), then answers N (3,000) random live English postcodes the first time
and prints, per generation, how many collections ran, their total and their longest pause in ms.
Every pause stops the server's event loop, so every request in flight waits through it.
--no-freeze skips the freeze, to compare.
"""

from __future__ import annotations

import gc
import random
import sys
import time
from types import SimpleNamespace

from localnhs import paths
from localnhs.api.app import prime
from localnhs.api.routes import place_answer
from localnhs.api.serving import ServingDB


def main(argv: list[str]) -> None:
    freeze = "--no-freeze" not in argv
    n = int(next((a for a in argv if a.isdigit()), "3000"))
    if not freeze:
        gc.freeze = lambda: None  # this process only: prepare as the server does, but without the freeze
    db = ServingDB(SimpleNamespace(state=SimpleNamespace()), paths.default_db(), check_pages=False)
    db.on_prepare.append(prime)
    db.prepare(db.current.conn)
    conn = db.current.conn
    # A dev script, not the app: it reads the table directly to draw its sample.
    pcs = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' AND lat IS NOT NULL")]
    sample = random.Random(4).sample(pcs, n)
    pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
    started = [0.0]

    def timed(phase, info):
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            pauses[info["generation"]].append((time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(timed)
    t = time.perf_counter()
    for p in sample:
        place_answer(conn, p, None)
    took = time.perf_counter() - t
    gc.callbacks.remove(timed)
    print(f"{'frozen at start' if freeze else 'not frozen'} ({gc.get_freeze_count():,} objects): "
          f"{took / n * 1e3:.2f} ms per first answer over {n:,}")
    for gen, ms in pauses.items():
        print(f"  generation {gen}: {len(ms)} collections, {sum(ms):.0f} ms in all, longest {max(ms, default=0):.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
