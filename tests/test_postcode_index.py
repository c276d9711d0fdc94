"""The in-memory postcode index (query/postcode_index.py) against the compact postcode table it is
built from, and compiled.codes (which answers from it) against the query path: random real
postcodes of every kind (live and terminated, England, Wales and Scotland), near misses (a real
sector with a unit it does not have, lower case, no space) and invalid text."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from localnhs.query import compiled, postcode_index
from localnhs.query.dates import today
from localnhs.query.errors import InvalidInput, NotFound, OutsideEngland
from localnhs.query.local_system import local_system_live
from localnhs.query.postcode import normalise
from localnhs.store import read

SEED = 20261203
INVALID = ["", "A", "QG", "WA5", "WA5 1", "WA5 1Q", "WA5 1QGG", "WA5 1QG ", " WA5 1QG", "WA5  1QG", "wa5 1qg", "WA51QG",
           "ZZ9 9ZZ", "WA5 1QC", "WA5 1CQ", "1QG", "W 1QG", "WA5 1qG", "ÅA5 1QG"]


@pytest.fixture(scope="module")
def index(conn):
    return postcode_index.build(conn)


def _kinds(conn, n: int) -> list[str]:
    rng = random.Random(SEED)
    out = []
    for where in ("country = 'E92000001' AND status = 'live'", "status = 'terminated'",
                  "country = 'W92000004'", "country = 'S92000003'", "lat IS NULL"):
        pcds = [r[0] for r in conn.execute(f"SELECT pcd FROM postcode WHERE {where}")]
        out += rng.sample(pcds, min(n, len(pcds)))
    return out


def _near_misses(pcds: list[str]) -> list[str]:
    """Each postcode with its last letter changed (a real sector; mostly a unit it does not have)."""
    return [p[:-1] + ("A" if p[-1] != "A" else "B") for p in pcds]


def test_the_index_holds_every_postcode_of_the_table(conn, index):
    assert len(index) == conn.execute("SELECT count(*) FROM postcode_compact").fetchone()[0]
    assert len(index.sectors) == conn.execute(
        "SELECT count(DISTINCT substr(pcd, 1, length(pcd) - 2)) FROM postcode_compact").fetchone()[0]


def test_the_index_gives_the_tables_placement(conn, index):
    pcds = _kinds(conn, 1000)
    assert len(pcds) > 4000
    asked = pcds + _near_misses(pcds) + INVALID
    wrong = [p for p in asked if index.area(p) != read.postcode_area_id(conn, p)]
    assert wrong == []
    assert sum(index.area(p) is None for p in _near_misses(pcds)) > 100  # the near misses do miss
    assert all(index.area(p) is not None for p in pcds)


def test_the_index_finds_only_the_normal_form(conn, index):
    real = _kinds(conn, 50)
    for p in real:
        assert index.area(p.lower()) is None and index.area(p.replace(" ", "")) is None
        assert index.area(" " + p) is None and index.area(p + " ") is None


def _reference(conn, text, as_of):
    """codes() as the query path gives them, or the error it raises."""
    try:
        pcd = normalise(text)
        ls = local_system_live(conn, pcd, as_of, n_practices=1)  # (0 is not a count it takes)
    except (InvalidInput, NotFound, OutsideEngland) as exc:
        return type(exc)
    return {"postcode": pcd, **compiled._codes_of(ls)}


def _codes(conn, text, as_of):
    try:
        return compiled.codes(conn, text, as_of)
    except (InvalidInput, NotFound, OutsideEngland) as exc:
        return type(exc)


@pytest.mark.parametrize("as_of", [None, "2016-04-01"])
def test_codes_are_the_query_paths(conn, as_of):
    pcds = _kinds(conn, 120)
    rng = random.Random(SEED)
    variants = [rng.choice([p, p.lower(), p.replace(" ", ""), f"  {p.lower()} "]) for p in pcds]
    asked = pcds + variants + _near_misses(pcds[:60]) + INVALID
    expected = {p: _reference(conn, p, as_of) for p in asked}
    assert sum(isinstance(v, dict) for v in expected.values()) > 300
    assert {InvalidInput, NotFound, OutsideEngland} <= {v for v in expected.values() if not isinstance(v, dict)}
    for rnd in range(2):  # the second time round from memory
        got = {p: _codes(conn, p, as_of) for p in asked}
        assert [p for p in asked if got[p] != expected[p]] == [], rnd
        assert all(list(got[p]) == list(expected[p]) for p in asked if isinstance(expected[p], dict))  # key order


def test_codes_are_read_only_and_share_nothing_a_caller_can_change(conn):
    first = compiled.codes(conn, "WA5 1QG")
    with pytest.raises(TypeError):
        first["lsoa11"] = "changed"
    with pytest.raises(TypeError):
        first._kept["lsoa11"] = "changed"
    first["councils"].append("changed")  # the caller's own list
    plain = dict(first)
    plain["councils"].append("changed")
    plain["lsoa11"] = "changed"
    again = compiled.codes(conn, "WA5 1QG")
    assert "changed" not in again["councils"] and again["lsoa11"] != "changed"
    assert again == compiled.codes(conn, "wa5 1qg") == {**again, "postcode": "WA5 1QG"}
    assert isinstance(dict(again)["councils"], list) and list(again)[0] == "postcode"
    neighbour = compiled.codes(conn, "WA5 1QA")  # the same placement: the kept codes are shared, the postcode is its own
    assert neighbour._kept is again._kept and neighbour["postcode"] == "WA5 1QA" and again["postcode"] == "WA5 1QG"


def test_today_is_the_local_date():
    assert today() == dt.date.today()
    assert today() is today()
