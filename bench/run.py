"""Reproducible benchmarks: `make bench`. Prints each figure beside its target and the ratio.

- lookup: in-process local_system() over 10,000 random live English postcodes (seeded), today and 2016
- api / page: server time (the app's Server-Timing header: request in to response out, including
  JSON or HTML rendering) for /api/places/{pc} and /places/{pc} over 1,000 random postcodes
Targets come from the issues: API p95 <= 5 ms, page p95 <= 50 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

from localnhs import paths
from localnhs.store.db import connect


def pct(ts, p):
    ts = sorted(ts)
    return ts[min(len(ts) - 1, int(p * len(ts)))]


def sample(conn, n, seed=20261124):
    pcs = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' AND lat IS NOT NULL")]
    return random.Random(seed).sample(pcs, n)


def bench_lookup(conn, n, as_of):
    from localnhs.query.local_system import local_system

    pcs = sample(conn, n)
    for p in pcs[:50]:
        local_system(conn, p, as_of)
    ts = []
    for p in pcs:
        t = time.perf_counter()
        local_system(conn, p, as_of)
        ts.append((time.perf_counter() - t) * 1000)
    return ts


def bench_http(db, n, path_fmt):
    """A real server (uvicorn, its own process) on a free loopback port; server time from the app's
    Server-Timing header, so client-side overhead is not counted."""
    import urllib.parse
    import urllib.request

    from server import serving

    pcs = sample(connect(db), n, seed=7)
    ts = []
    with serving(db) as base:
        for i, p in enumerate(pcs):
            with urllib.request.urlopen(base + path_fmt.format(urllib.parse.quote(p)), timeout=10) as r:
                r.read()
                if i >= 20:  # warm-up excluded
                    ts.append(float(r.headers["server-timing"].split("dur=")[1]))
    return ts


def main() -> None:
    db = paths.default_db()
    conn = connect(db)
    n = int(os.environ.get("BENCH_N", "10000"))
    rows = []
    for label, as_of in (("lookup today", None), ("lookup 2016-04-01", "2016-04-01")):
        ts = bench_lookup(conn, n, as_of)
        rows.append((f"{label} (n={n}) median", statistics.median(ts), None))
        rows.append((f"{label} (n={n}) p99", pct(ts, 0.99), None))
    m = int(os.environ.get("BENCH_HTTP_N", "1000"))
    api = bench_http(db, m, "/api/places/{}")
    rows.append((f"GET /api/places/{{pc}} (n={m}) p95", pct(api, 0.95), 5.0))
    try:
        page = bench_http(db, m, "/places/{}")
        rows.append((f"GET /places/{{pc}} (n={m}) p95", pct(page, 0.95), 50.0))
    except Exception as exc:  # the web pages may not be mounted in a minimal install
        print(f"page benchmark skipped: {exc}", file=sys.stderr)
    print(f"{'figure':<44} {'ms':>8} {'target':>8} {'ratio':>7}")
    for name, value, target in rows:
        ratio = f"{value / target:.2f}" if target else ""
        print(f"{name:<44} {value:8.2f} {target if target else '':>8} {ratio:>7}")


if __name__ == "__main__":
    main()
