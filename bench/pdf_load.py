"""Lookups while briefing PDFs are made: `python bench/pdf_load.py [DB]`.

A real `localnhs serve` (localnhs.api.launch) with 2 PDFs rendering at once and 8 queued. One
client asks uncached `GET /api/places/{pc}` (a new live English postcode each time, 20 ms
apart) first on its own (idle_*), then while 8 distinct briefing PDFs are asked for at once
(during_*). Prints one JSON line: lookup p50/p90/max in ms, how many, and the PDFs' wall time.
"""

from __future__ import annotations

import json
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

OUTCODES = ("WA5 ", "NN17 ", "SW1A ", "LS1 ", "M1 ", "B1 ", "PL1 ", "NE1 ", "CB2 ", "EX4 ")


def _pct(ts, p):
    ts = sorted(ts)
    return round(ts[min(len(ts) - 1, int(p * len(ts)))] * 1000, 1)


def measure(db_path) -> dict:
    from live import request

    from localnhs.api.launch import launched
    from localnhs.store import read
    from localnhs.store.db import connect

    conn = connect(Path(db_path))
    places = [r["pcd"] for oc in OUTCODES for r in read.postcodes_in(conn, oc)
              if r["country"] == "E92000001" and r["lat"] is not None]
    pdfs, lookups = places[:8], iter(places[8:])

    def lookup():
        t = time.perf_counter()
        assert request(server.port, "GET", "/api/places/" + quote(next(lookups)))[0] == 200
        return time.perf_counter() - t

    out = {}
    with launched(db_path, pdf_concurrency=2, pdf_queue=8, request_timeout_s=900) as server:
        lookup()
        idle = []
        for _ in range(100):
            idle.append(lookup())
            time.sleep(0.02)
        done = []

        def pdf(pc):
            status, _, body = request(server.port, "GET", f"/places/{quote(pc)}/briefing.pdf", timeout=900)
            done.append(status)

        t0 = time.perf_counter()
        threads = [threading.Thread(target=pdf, args=(pc,)) for pc in pdfs]
        for t in threads:
            t.start()
        during = []
        while any(t.is_alive() for t in threads):
            during.append(lookup())
            time.sleep(0.02)
        out["pdfs_s"] = round(time.perf_counter() - t0, 1)
        out["pdf_statuses"] = sorted(done)
    out |= {"idle_p50_ms": _pct(idle, 0.5), "idle_p90_ms": _pct(idle, 0.9),
            "during_n": len(during), "during_p50_ms": _pct(during, 0.5), "during_p90_ms": _pct(during, 0.9),
            "during_max_ms": round(max(during) * 1000, 1), "during_mean_ms": round(statistics.fmean(during) * 1000, 1)}
    return out


if __name__ == "__main__":
    from localnhs import paths

    print(json.dumps(measure(sys.argv[1] if len(sys.argv) > 1 else paths.default_db())))
