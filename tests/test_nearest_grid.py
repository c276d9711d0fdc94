"""The nearest practices from the grid (compiled._in_grid, plain Python over the cells the search
box touches) are those of the KD-tree path it replaced for small boxes (compiled._in_box and
_closest, which tests/test_compiled.py checks against the SQL path): over random real postcodes,
random points across England and points on the grid's cell edges, for several dates and counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from localnhs.query import compiled
from localnhs.query.model import to_dict
from localnhs.query.places import from_postcode_row
from localnhs.store import read

SEED = 20261203
DATES = [dt.date.today(), dt.date(2016, 4, 1), dt.date(2021, 1, 1)]


def _both(conn, loc, when, n, monkeypatch):
    monkeypatch.setattr(compiled, "GRID_RADII", 0.0)  # every box from the KD-tree
    kd = [to_dict(p) for p in compiled.nearest_practices(conn, loc, when, n)]
    monkeypatch.undo()
    grid = [to_dict(p) for p in compiled.nearest_practices(conn, loc, when, n)]
    return kd, grid


@pytest.fixture(scope="module")
def places(conn):
    rng = random.Random(SEED)
    pcds = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND lat IS NOT NULL")]
    locs = [from_postcode_row(conn, read.postcode(conn, p), p) for p in rng.sample(pcds, 1500)]
    base = locs[0]
    points = [(rng.uniform(50.0, 55.8), rng.uniform(-5.7, 1.8)) for _ in range(300)]
    edges = [(round(rng.uniform(50.5, 55.0) / 0.05) * 0.05, round(rng.uniform(-3.0, 0.5) / 0.08) * 0.08)
             for _ in range(100)]
    locs += [dataclasses.replace(base, lat=lat, lon=lon, notes=[]) for lat, lon in points + edges]
    return locs


@pytest.mark.parametrize("when", DATES)
def test_grid_gives_the_kd_tree_answers(conn, places, when, monkeypatch):
    rng = random.Random(SEED)
    diffs, total = [], 0
    for loc in places:
        n = rng.choice([5, 5, 1, 2, 8])
        kd, grid = _both(conn, loc, when, n, monkeypatch)
        total += len(kd)
        if kd != grid:
            diffs.append((loc.postcode, loc.lat, loc.lon, n))
    assert diffs == []
    assert total > len(places) * 3  # answers were found, not two empty lists


def test_the_grid_holds_every_practice_once(conn):
    file, _ = compiled.release_for(conn, dt.date.today())
    pts = compiled._points(conn, file)
    held = sorted(rec[-1] for row in pts.grid.values() for cell in row.values() for rec in cell)
    assert held == list(range(len(pts.codes))) and len(held) > 5000
