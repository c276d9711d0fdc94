"""A bounded concurrent load on a local server (loopback only): N threads for at most T seconds or
M requests, mixing the API and pages; reports throughput, latency percentiles and any non-2xx/3xx.

    python bench/load.py [--threads 8] [--seconds 20] [--max 4000]
Starts its own `localnhs serve` on a free 127.0.0.1 port over LOCALNHS_DB (default var/).
"""

from __future__ import annotations

import argparse
import random
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from localnhs import paths
from localnhs.store.db import connect
from server import serving


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--max", type=int, default=4000)
    args = ap.parse_args()
    db = paths.default_db()
    conn = connect(db)
    pcs = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' AND lat IS NOT NULL")]
    rng = random.Random(11)
    paths_ = [f"/api/places/{urllib.parse.quote(p)}" for p in rng.sample(pcs, 2000)]
    paths_ += [f"/places/{urllib.parse.quote(p)}?as_of=2016-04-01" for p in rng.sample(pcs, 500)]
    paths_ += ["/api/places/WA5%201Q!", "/api/places/CF10%201AA", "/search?q=warrington", "/national"]
    with serving(db) as base:
        run_load(base, paths_, args)


def run_load(base, paths_, args) -> None:
    lock = threading.Lock()
    lat, bad, count = [], [], [0]
    deadline = time.monotonic() + args.seconds

    def worker(seed: int) -> None:
        r = random.Random(seed)
        while time.monotonic() < deadline:
            with lock:
                if count[0] >= args.max:
                    return
                count[0] += 1
            path = r.choice(paths_)
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(base + path, timeout=10) as resp:
                    resp.read()
                    status = resp.status
            except urllib.error.HTTPError as e:
                status = e.code
            except OSError as e:
                status = str(e)
            dt = (time.perf_counter() - t) * 1000
            expected = 400 if "Q!" in path else 404 if "CF10" in path else 200
            with lock:
                lat.append(dt)
                if status != expected:
                    bad.append((path, status))

    start = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    lat.sort()
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]  # noqa: E731
    print(f"{len(lat)} requests in {elapsed:.1f} s with {args.threads} threads: {len(lat) / elapsed:.0f}/s; "
          f"latency p50 {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms, p99 {p(0.99):.1f} ms; unexpected statuses: {len(bad)}")
    for b in bad[:10]:
        print("  ", b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
