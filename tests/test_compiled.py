"""The compiled answers (query/compiled.py: placements computed once, practices from a KD-tree)
are the query path's answers: compared field by field over a large random sample of postcodes on
today's date and in 2016, and a smaller one on the days each vintage changes."""

from __future__ import annotations

import random

import pytest

from localnhs.query import compiled
from localnhs.query.local_system import local_system, local_system_live
from localnhs.query.model import to_dict

SEED = 20261202
BOUNDARIES = ["2015-07-01", "2016-03-31", "2019-03-31", "2019-04-01", "2020-03-31", "2020-04-01", "2022-06-30",
              "2022-07-01", "2023-03-31", "2023-04-01", "2024-03-31", "2024-04-01", "2026-03-31", "2026-04-01"]


def _sample(conn, n):
    live = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live'")]
    odd = [r[0] for r in conn.execute(  # no coordinates, terminated, placed by geometry
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND (lat IS NULL OR status = 'terminated' "
        "OR placed_by != 'ons_lookup')")]
    rng = random.Random(SEED)
    return rng.sample(live, n) + rng.sample(odd, n // 10)


def _same(conn, pcds, as_of):
    diffs = []
    for p in pcds:
        old = to_dict(local_system_live(conn, p, as_of))
        new = compiled.lookup(conn, p, as_of)
        assert new is not None, p
        if to_dict(new) != old:
            diffs.append((p, as_of))
    return diffs


@pytest.mark.parametrize("as_of", [None, "2016-04-01"])
def test_compiled_equals_query_path(conn, as_of):
    pcds = _sample(conn, 2000)
    assert _same(conn, pcds, as_of) == []
    # second time round the placements come from memory: still the same answers
    assert _same(conn, pcds[:300], as_of) == []


def test_compiled_on_vintage_boundaries(conn):
    pcds = _sample(conn, 120)
    diffs = [d for day in BOUNDARIES for d in _same(conn, pcds, day)]
    assert diffs == []


def test_local_system_uses_compiled_only_for_postcodes(conn):
    assert compiled.lookup(conn, "WA5") is None and compiled.lookup(conn, "Warrington") is None
    assert compiled.lookup(conn, "ZZ9 9ZZ") is None  # valid shape, not in the data: the query path says so
    assert to_dict(local_system(conn, "wa51qg", "2016-04-01")) == to_dict(local_system_live(conn, "wa51qg", "2016-04-01"))
    assert to_dict(local_system(conn, "WA5")) == to_dict(local_system_live(conn, "WA5"))
