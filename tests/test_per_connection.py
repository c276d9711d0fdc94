"""The per-connection cache: one value per build's connection, never another build's."""

from __future__ import annotations

import datetime as dt
import sqlite3

from localnhs.query import contacts, postcodesio, postcodesio_nearest, search, trusts
import pytest

from localnhs.query.per_connection import BuildCache, PerConnection, build_cache


def _build_of(conn) -> str:
    return conn.execute("SELECT value FROM build").fetchone()[0]


def _database(tmp_path, name: str) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / f"{name}.sqlite", check_same_thread=False)
    conn.execute("CREATE TABLE IF NOT EXISTS build (value TEXT)")
    conn.execute("DELETE FROM build")
    conn.execute("INSERT INTO build VALUES (?)", (name,))
    conn.commit()
    return conn


def test_a_new_connection_never_gets_the_closed_ones_value(tmp_path):
    cache = PerConnection(_build_of)
    # Open, use and drop connections one after another, as hot reloads do: CPython often gives the
    # new object the id of the one just freed, which an id(conn)-keyed memo would confuse.
    for i in range(50):
        conn = _database(tmp_path, f"build-{i % 3}")
        assert cache(conn) == f"build-{i % 3}"
        conn.close()
        del conn


def test_the_value_is_made_once_per_connection_and_at_most_two_are_kept(tmp_path):
    made = []
    cache = PerConnection(lambda c: made.append(c) or len(made))
    a, b, c = (_database(tmp_path, n) for n in "abc")
    assert cache(a) == cache(a) == 1
    assert cache(b) == 2 and cache(a) == 1
    assert cache(c) == 3              # a third build: the oldest (a) is let go
    assert cache(a) == 4 and len(made) == 4


@pytest.mark.parametrize("cache", [contacts._cache, postcodesio.reference, postcodesio_nearest.points,
                                   search._vocabulary, trusts._footprints], ids=lambda f: f.__qualname__)
def test_the_query_caches_hang_on_the_build(db_path, cache):
    """Each module-level cache is a part of the build's one BuildCache: the same object for one
    connection, a different one for a second connection to the same file (a reload)."""
    from localnhs.store.db import connect

    a, b = connect(db_path), connect(db_path)
    try:
        assert cache(a) is cache(a)
        assert cache(a) is not cache(b)
        assert any(v is cache(a) for v in build_cache(a)._parts.values())
    finally:
        a.close()
        b.close()


def test_a_memo_is_per_arguments_and_bounded(tmp_path):
    conn = _database(tmp_path, "memo")
    cache = BuildCache(conn)
    calls = []

    def make(c, x):
        calls.append(x)
        return None if x == 0 else (_build_of(c), x)

    assert cache.memo("m", make, 1) == ("memo", 1) == cache.memo("m", make, 1)
    assert cache.memo("m", make, 0) is None and cache.memo("m", make, 0) is None  # None is remembered too
    assert calls == [1, 0]
    for x in range(2, 10):
        cache.memo("m", make, x, limit=4)
    assert len(cache._memos["m"]) <= 4          # emptied and refilled past the limit
    assert cache.memo("other", make, 1) == ("memo", 1) and calls.count(1) == 2  # names do not share


def test_each_build_has_its_own_compiled_answers_and_practice_facts(db_path):
    """Two connections (a build and the one a reload opens) never share a compiled placement, a
    practice index or a practice fact: each gets its own BuildCache."""
    from localnhs.query import compiled, practices
    from localnhs.query.per_connection import build_cache
    from localnhs.store.db import connect

    a, b = connect(db_path), connect(db_path)
    try:
        for c in (a, b):
            compiled.lookup(c, "WA5 1QG")
        ca, cb = compiled.compiled_for(a), compiled.compiled_for(b)
        assert ca is not cb and ca is compiled.compiled_for(a)
        assert ca.areas and cb.areas and ca.areas is not cb.areas
        assert ca.points and next(iter(ca.points.values())) is not next(iter(cb.points.values()))
        for c in (a, b):
            practices.list_size(c, "N81013", dt.date(2024, 1, 1))
        sizes_a, sizes_b = build_cache(a)._memos["list_sizes"], build_cache(b)._memos["list_sizes"]
        assert sizes_a and sizes_b and sizes_a is not sizes_b
    finally:
        a.close()
        b.close()
