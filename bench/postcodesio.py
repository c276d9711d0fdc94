"""Bulk lookups on the postcodes.io-compatible API: `make bench-postcodesio`.

A real server (bench/server.py: `localnhs serve`, its own process, loopback) answers
POST /postcodesio/postcodes with 10,000 random live postcodes (seeded; England, Wales and
Scotland as Code-Point lists them). The time is the client's wall clock from sending the
request to having received the whole answer (the server's work, both JSON encodings and the
transfer); the client's own parse of the answer is timed apart.
Each run checks one result per query, in order. Target (issue #18): under 2 s.
Ends with one JSON line of figures.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import time
import urllib.request

from localnhs import paths
from localnhs.store.db import connect

TARGET_S = 2.0


def sample(db, n: int, seed: int = 18) -> list[str]:
    pcs = [r[0] for r in connect(db).execute("SELECT pcd FROM postcode WHERE status = 'live'")]
    return random.Random(seed).sample(pcs, n)


SERVER_S: list[float] = []  # the app's own time per request (its Server-Timing header)


def post(url: str, body: dict) -> tuple[float, float, dict]:
    """(seconds until the whole answer is received, seconds to parse it, parsed answer)."""
    data = json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=60) as r:
        raw = r.read()
        SERVER_S.append(float(r.headers["server-timing"].split("dur=")[1].split(",")[0]) / 1000)
    received = time.perf_counter()
    answer = json.loads(raw)
    return received - t, time.perf_counter() - received, answer


def main() -> None:
    from server import serving

    db = paths.default_db()
    n = int(os.environ.get("BENCH_BULK_N", "10000"))
    runs = int(os.environ.get("BENCH_BULK_RUNS", "5"))
    pcs = sample(db, n)
    times, parse = [], []
    with serving(db) as base:
        url = base + "/postcodesio/postcodes"
        post(url, {"postcodes": pcs[:100]})  # warm-up: the in-memory lookups are read on first use
        for _ in range(runs):
            secs, parse_s, answer = post(url, {"postcodes": pcs})
            results = answer["result"]
            assert len(results) == n and [x["query"] for x in results] == pcs, "one result per query, in order"
            assert all(x["result"] is not None for x in results), "every sampled postcode is live"
            times.append(secs)
            parse.append(parse_s)
        secs_2016, _, _ = post(url + "?as_of=2016-04-01", {"postcodes": pcs})
    figures = {
        "postcodesio_bulk_n": n, "postcodesio_bulk_runs": runs,
        "postcodesio_bulk_median_s": round(statistics.median(times), 3),
        "postcodesio_bulk_max_s": round(max(times), 3),
        "postcodesio_bulk_server_median_s": round(statistics.median(SERVER_S[1:runs + 1]), 3),
        "postcodesio_bulk_2016_s": round(secs_2016, 3),
        "postcodesio_bulk_client_parse_median_s": round(statistics.median(parse), 3),
        "postcodesio_bulk_target_s": TARGET_S,
    }
    print(f"POST /postcodesio/postcodes, {n:,} postcodes: median {figures['postcodesio_bulk_median_s']} s, "
          f"max {figures['postcodesio_bulk_max_s']} s over {runs} runs (target < {TARGET_S} s; in the app "
          f"{figures['postcodesio_bulk_server_median_s']} s); "
          f"as_of=2016-04-01 {figures['postcodesio_bulk_2016_s']} s; the client's json.loads of the answer "
          f"{figures['postcodesio_bulk_client_parse_median_s']} s more")
    figures["load_average_1min"] = round(os.getloadavg()[0], 2)  # a busy machine makes every figure slower
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
