"""The compiled answers share their kept parts (commissioners, councils, ward, HWB, Healthwatch,
trusts by role, practices, national bodies) with every later answer for the same placement and
date: nothing that uses an answer may change it. Every consumer is run over real answers here
(the JSON API, the place page, the briefing, bulk) and the kept parts must be as they were, and
the answers the same, afterwards."""

from __future__ import annotations

import random
import urllib.parse

import pytest
from fastapi.testclient import TestClient

from localnhs.api.app import create_app
from localnhs.query import compiled
from localnhs.query.local_system import local_system
from localnhs.query.model import to_dict

SEED = 20261203
DATES = [None, "2016-04-01"]


def _kept(conn) -> dict:
    made = compiled.compiled_for(conn)
    return {"areas": {k: to_dict(v) for k, v in made.areas.items()},
            "practices": {k: to_dict(list(v)) for k, v in made.practices.items()},
            "national": {d: to_dict(list(compiled._national(d))) for d in {k[-1] for k in made.areas}}}


@pytest.fixture(scope="module")
def app(db_path):
    return create_app(db_path)


def test_using_answers_leaves_the_kept_parts_unchanged(app, conn):
    served = app.state.conn
    pcds = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' AND lat IS NOT NULL")]
    sample = ["WA5 1QG", *random.Random(SEED).sample(pcds, 12)]
    before = {(p, d): to_dict(local_system(served, p, d)) for p in sample for d in DATES}
    kept = _kept(served)
    assert len(kept["areas"]) >= len(sample) and kept["practices"]
    client = TestClient(app)
    for p in sample:
        q = urllib.parse.quote(p)
        for d in DATES:
            suffix = f"?as_of={d}" if d else ""
            for url in (f"/api/places/{q}{suffix}", f"/places/{q}{suffix}", f"/places/{q}/briefing{suffix}"):
                assert client.get(url).status_code == 200, url
    for d in DATES:
        body = {"postcodes": sample, **({"as_of": d} if d else {})}
        assert client.post("/api/places:bulk", json=body).status_code == 200
    after = _kept(served)
    assert {k: after["areas"][k] for k in kept["areas"]} == kept["areas"]
    assert {k: after["practices"][k] for k in kept["practices"]} == kept["practices"]
    assert {k: after["national"][k] for k in kept["national"]} == kept["national"]
    assert {(p, d): to_dict(local_system(served, p, d)) for p in sample for d in DATES} == before
