"""to_dict: the one conversion of answers to JSON-ready values, the same whichever way it runs."""

from __future__ import annotations

import datetime as dt

from localnhs.query.local_system import local_system
from localnhs.query.model import _walk, to_dict


def test_fast_and_slow_conversions_agree_on_real_answers(conn):
    for pc in ("WA5 1QG", "NN17 1AB", "TR21 0HE", "E1 1BB"):
        for day in (dt.date(2016, 4, 1), dt.date(2026, 12, 1)):
            ls = local_system(conn, pc, day)
            assert to_dict(ls) == _walk(ls)


def test_what_orjson_cannot_encode_takes_the_walk():
    assert to_dict({1: dt.date(2020, 1, 2)}) == {1: "2020-01-02"}
    assert to_dict([("a", dt.date(2016, 4, 1))]) == [["a", "2016-04-01"]]
