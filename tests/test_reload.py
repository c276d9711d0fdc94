"""Hot reload under load, and rollback, on a real `localnhs serve` over loopback.

64 keep-alive connections hit the API for a bounded time; halfway a second build is renamed
over the served file exactly as `localnhs build` does (store/swap.py). Every request must be
answered (no 5xx, no dropped connection), the new build must be served within 5 s of the swap
and the old one never after; `localnhs rollback` then puts the first build back.
Figures (p99 and throughput) are printed, and asserted only in `make load`'s report, not here.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from loadgen import run
from server import serving

from localnhs.store.swap import previous_path, swap_in

LOAD_SECONDS = float(os.environ.get("LOCALNHS_LOAD_SECONDS", "16"))


def _readyz(base) -> dict:
    with urllib.request.urlopen(base + "/readyz", timeout=5) as r:
        return json.loads(r.read())


@pytest.fixture
def builds(db_path, tmp_path, conn):
    """The served path (a hard link to the real build: nothing copied) and a second build."""
    served = tmp_path / "var" / "localnhs.sqlite"
    served.parent.mkdir()
    try:
        os.link(db_path, served)
    except OSError:
        shutil.copyfile(db_path, served)
    second = tmp_path / "var" / ".localnhs.sqlite.building-test"
    shutil.copyfile(db_path, second)
    c = sqlite3.connect(second)
    c.execute("UPDATE meta SET value = value || '-second' WHERE key = 'build_id'")
    c.commit()
    c.close()
    first = dict(conn.execute("SELECT key, value FROM meta").fetchall())["build_id"]
    return served, second, first, first + "-second"


def test_swap_under_load_then_rollback(builds, conn):
    served, second, first_id, second_id = builds
    rng = random.Random(17)
    pcs = [r[0] for r in conn.execute("SELECT pcd FROM postcode WHERE pcd >= 'WA' AND pcd < 'WB' "
                                      "AND status = 'live' AND lat IS NOT NULL")]
    paths = [f"/api/places/{urllib.parse.quote(p)}" for p in rng.sample(pcs, 500)]
    paths += ["/api/organisations/RWW", "/api/search?q=warrington", "/healthz"]

    def swap():
        swap_in(second, served)

    with serving(served) as base:
        assert _readyz(base)["build"]["id"] == first_id
        res = run(base, paths, connections=64, seconds=LOAD_SECONDS, at=[(LOAD_SECONDS / 2, swap)])
        print("\nswap under load:", res.summary())
        swapped_at = res.events["swap"]
        assert res.dropped == [], res.dropped[:5]
        assert {r[2] for r in res.responses} == {200}
        first_new = res.first_with(second_id)
        assert first_new is not None and first_new - swapped_at < 5.0, (swapped_at, first_new)
        assert not [r for r in res.responses if r[0] > swapped_at + 5.0 and r[3] != second_id]
        assert {r[3] for r in res.responses if r[0] < swapped_at} == {first_id}
        assert previous_path(served).exists()

        back = subprocess.run([sys.executable, "-m", "localnhs", "rollback", "--db", str(served)],
                              capture_output=True, text=True, env={"PATH": "", "COLUMNS": "300"})
        assert back.returncode == 0 and first_id in back.stdout, back.stderr
        deadline = time.monotonic() + 5
        while _readyz(base)["build"]["id"] != first_id:
            assert time.monotonic() < deadline, "rollback not picked up within 5 s"
            time.sleep(0.2)
        assert _readyz(base)["reloads"] == 2


def test_rollback_without_a_previous_build(tmp_path):
    res = subprocess.run([sys.executable, "-m", "localnhs", "rollback", "--db", str(tmp_path / "x.sqlite")],
                         capture_output=True, text=True, env={"PATH": ""})
    assert res.returncode == 4 and "nothing to roll back to" in " ".join(res.stderr.split())


def test_a_reload_carries_the_recent_answers_over_worked_out_on_the_new_build(builds):
    """Before the switch, the old build's most recent place answers are worked out on the new build
    (api/carry.py): the first request after the swap is a cache hit with the new build's
    X-Data-Build, ETag and the bytes the new build itself gives (a conditional request with a tag
    that matches nothing goes past the cache and works the answer out)."""
    from fastapi.testclient import TestClient

    from localnhs.api.app import create_app

    served, second, first_id, second_id = builds
    paths = ["/api/places/WA5%201QG", "/api/v1/places/NN17%201AB?as_of=2016-04-01",
             "/api/places/TA1%205DA?as_of=bad&as_of=2019-06-01"]
    with TestClient(create_app(served, check_pages=False)) as api:
        before = {p: api.get(p) for p in paths}
        assert {r.headers["x-data-build"] for r in before.values()} == {first_id}
        swap_in(second, served)
        assert api.app.state.db.reload()
        for p in paths:
            after = api.get(p)
            fresh = api.get(p, headers={"If-None-Match": '"no-such-tag"'})
            assert after.status_code == fresh.status_code == 200, p
            assert after.headers["x-cache"] == "hit" and "x-cache" not in fresh.headers, p
            assert after.headers["x-data-build"] == fresh.headers["x-data-build"] == second_id
            assert after.headers["etag"] == fresh.headers["etag"] != before[p].headers["etag"]
            assert after.content == fresh.content
            assert int(after.headers["content-length"]) == len(after.content)
        # A path the old build never answered is worked out on the new one as before.
        assert "x-cache" not in api.get("/api/places/YO10%205DD").headers
