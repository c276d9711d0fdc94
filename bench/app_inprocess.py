"""The app's own cost per request, without sockets: GET /api/places/{pc} called as ASGI in-process
over BENCH_N (200) random live postcodes, after two passes (so every answer is in the answer
cache), for BENCH_S (3) seconds. Prints requests a second and microseconds a request; with
--profile, the cProfile of 1,000 requests.

    .venv/bin/python bench/app_inprocess.py [DB] [--profile]
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from localnhs import paths  # noqa: E402
from localnhs.api.app import create_app  # noqa: E402
from localnhs.store.db import connect  # noqa: E402
from run import sample  # noqa: E402


def _scope(path: str) -> dict:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
            "path": path, "raw_path": urllib.parse.quote(path).encode(), "query_string": b"", "root_path": "",
            "headers": [(b"host", b"127.0.0.1:8000"), (b"accept", b"*/*")], "client": ("127.0.0.1", 5555),
            "server": ("127.0.0.1", 8000), "state": {}}


async def _call(app, path: str) -> int:
    sent, asked = [], []

    async def receive():
        if not asked:
            asked.append(1)
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)  # a client that stays: the server sees no disconnect

    async def send(message):
        sent.append(message)

    await app(_scope(path), receive, send)
    return sent[0]["status"]


async def main(db: Path, profile: bool) -> None:
    conn = connect(db)
    places = [f"/api/places/{p}" for p in sample(conn, int(os.environ.get("BENCH_N", "200")), seed=7)]
    conn.close()
    app = create_app(db, check_pages=False)
    for _ in range(2):
        statuses = [await _call(app, p) for p in places]
    assert all(s == 200 for s in statuses), statuses
    n, t0, limit = 0, time.perf_counter(), float(os.environ.get("BENCH_S", "3"))
    while time.perf_counter() - t0 < limit:
        for p in places:
            await _call(app, p)
            n += 1
    took = time.perf_counter() - t0
    print(f"{n / took:.0f} requests/s in-process, {took / n * 1e6:.0f} us a request "
          f"(load average {os.getloadavg()[0]:.1f})")
    if profile:
        pr = cProfile.Profile()
        pr.enable()
        for _ in range(1000 // len(places) + 1):
            for p in places:
                await _call(app, p)
        pr.disable()
        pstats.Stats(pr).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    asyncio.run(main(Path(args[0]) if args else paths.default_db(), "--profile" in sys.argv))
