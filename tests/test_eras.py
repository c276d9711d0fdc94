"""The eras are defined once (src/localnhs/eras.py, dates from the dataset registry) and the answers
turn on them: the day before 1 July 2022 a place has a CCG, on the day a sub-ICB location in an ICB."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from localnhs import eras
from localnhs.paths import REPO_ROOT
from localnhs.query.dates import AsOf, ccg_column, parse
from localnhs.query.errors import InvalidInput
from localnhs.query.local_system import local_system

SRC = REPO_ROOT / "src" / "localnhs"
# An era date retyped as a literal: date(2022, 7, 1), "2022-07-01", date(2026, 4, 1), "2026-04-01".
RETYPED = re.compile(r"date\(\s*(2022,\s*7,\s*1|2026,\s*4,\s*1)\s*\)|[\"'](2022-07-01|2026-04-01)[\"']")
DECLARED_IN = {SRC / "sources" / "registry.py"}  # the file dates, declared once


def test_no_era_date_is_retyped():
    found = [f"{p.relative_to(REPO_ROOT)}:{n}" for p in sorted(SRC.rglob("*.py")) if p not in DECLARED_IN
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if RETYPED.search(line)]
    assert not found, found


def test_commissioner_changes_on_the_icb_era(conn):
    before, on = eras.ICB_ERA - dt.timedelta(days=1), eras.ICB_ERA
    then, now = local_system(conn, "WA5 1QG", before), local_system(conn, "WA5 1QG", on)
    assert then.commissioners[0].kind in ("ccg", "sub_icb_location") and "CCG" in then.commissioners[0].label
    assert "Sub-ICB location" in now.commissioners[0].label
    assert any(b.kind == "icb" and "ICB" in b.label for b in now.commissioners)
    assert ccg_column(before) == eras.CCG_VINTAGES[-1][1] and ccg_column(on) is None


def test_icb_2026_is_the_successor_file_date(conn):
    """Norwich: NHS Norfolk and Waveney ICB the day before 1 April 2026, its successor from then."""
    before = local_system(conn, "NR2 3TT", eras.ICB_2026 - dt.timedelta(days=1))
    after = local_system(conn, "NR2 3TT", eras.ICB_2026)
    icb = lambda ls: next(b for b in ls.commissioners if b.kind == "icb")  # noqa: E731
    assert icb(before).code != icb(after).code
    assert "Norfolk and Waveney" in icb(before).name


def test_as_of_is_parsed_once_at_the_edge():
    asked = AsOf.parse("2016-04-01")
    assert asked.named and asked.param == "2016-04-01" and asked.ccg_era
    assert AsOf.parse(asked) is asked and parse(asked) == dt.date(2016, 4, 1)
    today = AsOf.parse(None)
    assert not today.named and today.param is None and today.day == dt.date.today()
    assert AsOf.parse("2019").day == dt.date(2019, 7, 1)
    for bad in ("2016-13-01", "yesterday", "1/4/2016"):
        with pytest.raises(InvalidInput, match="is not a date"):
            AsOf.parse(bad)
