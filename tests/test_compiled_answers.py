"""Answers compiled at build time (query/compile_answers.py) are the answers the query code works
out: every stored part of a large random sample of placements and practices, on both compiled
dates, equals what the same code gives now; first answers really are read from them; and a
damaged or hostile part is never run or served, the answer is worked out instead."""

from __future__ import annotations

import pickle
import random
import shutil
import sqlite3

import orjson
import pytest

from localnhs.query import answer_codec, compiled
from localnhs.query import area_rows
from localnhs.query.compile_answers import PAST
from localnhs.query.dates import today
from localnhs.query.local_system import local_system_live
from localnhs.query.model import Body, TrustRole, to_dict
from localnhs.query.places import from_postcode_row
from localnhs.query.practices import _active, release_for
from localnhs.store import read
from localnhs.store.db import connect

SEED = 20261204


def _stored(conn):
    return compiled.compiled_for(conn).stored


def test_the_build_compiled_its_day_and_2016(conn):
    stored = _stored(conn)
    built = dict(conn.execute("SELECT key, value FROM meta").fetchall())["built_at"][:10]
    assert {d.isoformat() for d in stored} == {built, PAST.isoformat()}
    live_places = read.compile_placements(conn)
    for s in stored.values():
        with_slots = sum(1 for r in live_places if s.slots[r["area_id"], 0])
        # every placement with a live postcode has its parts, bar those answered for a neighbour
        assert with_slots >= 0.999 * len(live_places)


@pytest.mark.parametrize("which", ["built", "past"])
def test_stored_parts_equal_what_the_code_works_out(conn, which):
    stored = _stored(conn)
    when = PAST if which == "past" else max(stored)
    s = stored[when]
    places = [(r["area_id"], r["pcd"]) for r in random.Random(SEED).sample(read.compile_placements(conn), 3000)]
    fresh = connect(conn_path(conn))  # its own memos: nothing of the stored parts in them
    try:
        compiled.compiled_for(fresh).stored.clear()
        compared = 0
        for area_id, pcd in places:
            row = area_rows.postcode_row(fresh, pcd)
            loc = from_postcode_row(fresh, row, pcd)
            if loc.located_by == "neighbouring_postcode":
                continue
            worked, reusable = compiled._compile_area(fresh, loc, when)
            got = s.area(area_id)
            assert (got is not None) == reusable, pcd
            if got is not None:
                assert orjson.dumps(got) == orjson.dumps(worked), (pcd, when)
                compared += 1
        assert compared > 2900
        codes = sorted(_active(fresh, release_for(fresh, when)[0]))
        for code in random.Random(SEED).sample(codes, 500):
            assert orjson.dumps(s.practice(code)) == orjson.dumps(compiled._find_practice_parts(fresh, code, when)), code
    finally:
        fresh.close()


def conn_path(conn) -> str:
    return conn.execute("PRAGMA database_list").fetchone()[2]


def test_first_answers_are_read_from_the_compiled_parts(conn):
    fresh = connect(conn_path(conn))
    try:
        when = max(_stored(fresh))  # the build's day
        statements = []
        fresh.set_trace_callback(statements.append)
        pcds = [r["pcd"] for r in random.Random(SEED + 1).sample(read.compile_placements(fresh), 200)]
        for p in pcds:
            assert compiled.lookup(fresh, p, when) is not None
        assert sum("compiled_part" in s for s in statements) > 200
        # no trust was worked out from the footprint and catchment tables: the stored parts answered
        # (on a date whose acute trust some placements pick by distance, those read them each time)
        point_free = all(isinstance(_stored(fresh)[when].part(int(i)), TrustRole)
                         for i in set(_stored(fresh)[when].slots[:, 6].tolist()) - {0})
        if point_free:
            assert not [s for s in statements if "provider_footprint" in s or "FROM catchment" in s]
        assert _stored(fresh)[when].parts
    finally:
        fresh.close()


def test_answers_on_the_compiled_dates_equal_the_query_path(conn):
    pcds = [r["pcd"] for r in random.Random(SEED + 2).sample(read.compile_placements(conn), 400)]
    for when in (PAST, today()):
        for p in pcds:
            assert to_dict(compiled.lookup(conn, p, when)) == to_dict(local_system_live(conn, p, when)), (p, when)


def test_the_codec_reads_only_answer_classes():
    b = Body(code="RWW", name="Warrington and Halton Teaching Hospitals NHS Foundation Trust", kind="nhs_trust",
             label="Acute trust", source="etr.csv")
    role = TrustRole("acute", b, "catchment", "high", share=0.71, others=[{"code": "RBN", "share": 0.2}])
    ids = {}
    data = answer_codec.encode([role, None, "by headquarters"], lambda x: ids.setdefault(id(x), len(ids) + 1))
    assert answer_codec.decode(data, lambda i: b) == [role, None, "by headquarters"]
    assert b"name" not in answer_codec.encode(b)  # fields by position, not by name

    class Evil:
        def __reduce__(self):
            return (print, ("ran",))

    with pytest.raises(answer_codec.CodecError, match="builtins.print"):
        answer_codec.decode(pickle.dumps(Evil()))
    with pytest.raises(answer_codec.CodecError):
        answer_codec.decode(b"\x80\x05not a pickle")


def test_a_damaged_part_is_worked_out_instead(conn, tmp_path):
    copy = tmp_path / "damaged.sqlite"
    shutil.copyfile(conn_path(conn), copy)
    c = sqlite3.connect(copy)
    # every stored placement part of 2016 replaced by a pickle that names a function
    c.execute("UPDATE compiled_part SET data = ? WHERE date = ? AND key LIKE 'p%'",
              (pickle.dumps(print), PAST.isoformat()))
    c.commit()
    c.close()
    damaged = connect(copy)
    try:
        pcds = [r["pcd"] for r in random.Random(SEED + 3).sample(read.compile_placements(damaged), 50)]
        for p in pcds:
            assert to_dict(compiled.lookup(damaged, p, PAST)) == to_dict(local_system_live(conn, p, PAST)), p
    finally:
        damaged.close()
