"""A bounded loopback load with a second build swapped in halfway (`make load`).

    python bench/load.py [--connections 64] [--seconds 60] [--no-swap]

Starts its own `localnhs serve` on a free 127.0.0.1 port over a hard link to LOCALNHS_DB (default
var/localnhs.sqlite) in a temporary folder; halfway, a copy of that build with a new build id is
renamed over the served file exactly as `localnhs build` does. Reports throughput, /api/places
latency, 5xx, dropped connections and how soon the new build was served; ends with one JSON line.
Exit 1 if any request failed or the new build was not served within 5 s. Target: /api/places p99 <= 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import urllib.parse
from pathlib import Path

from loadgen import run
from server import serving

from localnhs import paths
from localnhs.store.db import connect
from localnhs.store.swap import swap_in

P99_TARGET_MS = 50.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--no-swap", action="store_true")
    args = ap.parse_args()
    db = paths.default_db()
    conn = connect(db)
    build_id = dict(conn.execute("SELECT key, value FROM meta").fetchall()).get("build_id", "")
    pcs = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' AND lat IS NOT NULL")]
    conn.close()
    rng = random.Random(11)
    paths_ = [f"/api/places/{urllib.parse.quote(p)}" for p in rng.sample(pcs, 5000)]
    paths_ += ["/api/organisations/RWW", "/api/search?q=warrington", "/api/stats"]
    with tempfile.TemporaryDirectory(dir=db.parent) as tmp:
        served, second = Path(tmp) / "localnhs.sqlite", Path(tmp) / ".localnhs.sqlite.building"
        os.link(db, served)
        new_id = build_id + "-swapped"
        at = []
        if not args.no_swap:
            shutil.copyfile(db, second)
            c = sqlite3.connect(second)
            c.execute("UPDATE meta SET value = ? WHERE key = 'build_id'", (new_id,))
            c.commit()
            c.close()

            def swap():
                swap_in(second, served)

            at = [(args.seconds / 2, swap)]
        with serving(served) as base:
            res = run(base, paths_, connections=args.connections, seconds=args.seconds, at=at)
    print(res.summary())
    fives = sum(1 for r in res.responses if r[2] >= 500)
    figures = {"connections": args.connections, "seconds": round(res.seconds, 1), "requests": len(res.responses),
               "rps": round(len(res.responses) / res.seconds), "places_p50_ms": round(res.latency(0.5, "/api/places"), 1),
               "places_p99_ms": round(res.latency(0.99, "/api/places"), 1), "5xx": fives, "dropped": len(res.dropped)}
    ok = fives == 0 and not res.dropped
    if at:
        first = res.first_with(new_id)
        late = first is None or first - res.events["swap"] > 5.0
        stale = [r for r in res.responses if r[0] > res.events["swap"] + 5.0 and r[3] != new_id]
        figures["new_build_served_after_s"] = None if first is None else round(first - res.events["swap"], 2)
        figures["old_build_after_5s"] = len(stale)
        ok = ok and not late and not stale
    figures["p99_target_ms"] = P99_TARGET_MS
    figures["p99_target_met"] = figures["places_p99_ms"] <= P99_TARGET_MS
    for d in res.dropped[:10]:
        print("  dropped:", d)
    print(json.dumps(figures))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
