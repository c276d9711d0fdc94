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
from server import server_process

from localnhs import paths
from localnhs.store.db import connect
from localnhs.store.swap import swap_in

P99_TARGET_MS = 50.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timeline(res) -> str:
    """One line a second: responses, and /api/places p50 / p99 / max of the requests that ended then."""
    by: dict[int, list[float]] = {}
    counts: dict[int, int] = {}
    for when, path, _, _, ms in res.responses:
        counts[int(when)] = counts.get(int(when), 0) + 1
        if path.startswith("/api/places"):
            by.setdefault(int(when), []).append(ms)
    lines = [f"{'s':>4} {'resp':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}"]
    for sec in sorted(counts):
        lat = sorted(by.get(sec, [0.0]))
        lines.append(f"{sec:>4} {counts[sec]:>6} {lat[len(lat) // 2]:>8.1f} "
                     f"{lat[min(len(lat) - 1, int(0.99 * len(lat)))]:>8.1f} {lat[-1]:>8.1f}")
    slow = sorted(res.responses, key=lambda r: -r[4])[:8]
    lines += [f"  slow: {r[0]:.2f} s {r[1]} {r[4]:.0f} ms" for r in slow]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--no-swap", action="store_true")
    ap.add_argument("--workers", type=int, default=1, help="server processes (localnhs serve --workers)")
    ap.add_argument("--timeline", action="store_true", help="print /api/places latency second by second")
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
        with server_process(served, workers=args.workers) as (base, server):
            cpu0 = cpu_seconds(server.pid)
            res = run(base, paths_, connections=args.connections, seconds=args.seconds, at=at)
            cpu = cpu_seconds(server.pid) - cpu0
    print(res.summary())
    if args.timeline:
        print(timeline(res))
    fives = sum(1 for r in res.responses if r[2] >= 500)
    figures = {"connections": args.connections, "seconds": round(res.seconds, 1), "requests": len(res.responses),
               "rps": round(len(res.responses) / res.seconds), "places_p50_ms": round(res.latency(0.5, "/api/places"), 1),
               "places_p99_ms": round(res.latency(0.99, "/api/places"), 1), "5xx": fives, "dropped": len(res.dropped),
               # the server's own CPU time per response: steadier than latency on a shared machine
               "server_cpu_us_per_response": round(1e6 * cpu / max(1, len(res.responses)))}
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
