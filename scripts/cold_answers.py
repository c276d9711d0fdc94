"""What a place answer costs the first time it is asked (cold) and the second (warm), in one process.

    .venv/bin/python scripts/cold_answers.py [SEED] [AS_OF]     # e.g. 5 2016-04-01

Over 1,000 random live English postcodes: milliseconds per answer in local_system, with_contacts
and the JSON (wall time), the process's CPU time per answer (less moved by other work on the
machine), and the SQL statements per answer (counted with the connection's trace callback,
which is deterministic where wall time on a shared machine is not). A fresh server, or one that
has just switched to a new build, answers every new postcode the cold way until its memos fill.
"""

from __future__ import annotations

import random
import sys
import time

from localnhs import paths
from localnhs.api.responses import JSON
from localnhs.query import dates
from localnhs.query.local_system import local_system
from localnhs.query.representatives import with_contacts
from localnhs.store.db import connect


def main(argv: list[str]) -> None:
    seed = int(argv[0]) if argv else 5
    day = argv[1] if len(argv) > 1 else None
    conn = connect(paths.default_db())
    # A dev script, not the app: it reads the table directly to draw its sample.
    pcs = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' AND lat IS NOT NULL")]
    sample = random.Random(seed).sample(pcs, 1000)
    local_system(conn, sample[0])
    with_contacts(conn, local_system(conn, sample[0]))
    statements = [0]
    conn.set_trace_callback(lambda _sql: statements.__setitem__(0, statements[0] + 1))
    for label in ("cold", "warm"):
        tl = tc = tj = 0.0
        statements[0] = in_local = 0
        cpu = time.process_time()
        for p in sample:
            t0, before = time.perf_counter(), statements[0]
            ls = local_system(conn, p, dates.AsOf.parse(day))
            t1 = time.perf_counter()
            in_local += statements[0] - before
            d = with_contacts(conn, ls)
            t2 = time.perf_counter()
            JSON(d)
            t3 = time.perf_counter()
            tl, tc, tj = tl + t1 - t0, tc + t2 - t1, tj + t3 - t2
        n = len(sample)
        cpu = time.process_time() - cpu
        print(f"{label} {day or 'today'}: local_system {tl / n * 1e3:.2f} ms  with_contacts {tc / n * 1e3:.2f} ms  "
              f"json {tj / n * 1e3:.2f} ms  (CPU {cpu / n * 1e3:.2f} ms)  SQL statements per answer {statements[0] / n:.1f} "
              f"(local_system {in_local / n:.1f})", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
