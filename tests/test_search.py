"""Name search as a domain rule (query/search.py): what the search page shows comes from here."""

from __future__ import annotations

import datetime as dt

import pytest

from localnhs.api.cache import cacheable
from localnhs.query.search import find, whereabouts


def test_a_closed_trust_shows_closed_only_on_dates_after_it_closed(conn):
    # Weston Area Health NHS Trust closed on 31 March 2020 (merged into University Hospitals Bristol and Weston).
    before = whereabouts(conn, ["RA3"], dt.date(2019, 6, 1))["RA3"]
    on_the_day = whereabouts(conn, ["RA3"], dt.date(2020, 3, 31))["RA3"]
    after = whereabouts(conn, ["RA3"], dt.date(2024, 6, 1))["RA3"]
    assert before["closed"] is None
    assert on_the_day["closed"] == after["closed"] == "2020-03-31"
    assert before["name"] == after["name"] and after["town"]


def test_find_gives_hits_when_the_text_matches(conn):
    found = find(conn, "warrington")
    assert {h.code for h in found.hits} >= {"RWW", "02E"}
    assert not found.suggestions and found.did_you_mean is None


def test_find_corrects_a_slip_and_says_so(conn):
    found = find(conn, "Warington")
    assert not found.hits
    assert found.did_you_mean == "Warrington"
    assert "RWW" in {h.code for h in found.suggestions}


def test_find_drops_a_word_when_no_spelling_helps(conn):
    found = find(conn, "warrington hospital zzqxjv")
    assert not found.hits and found.did_you_mean is None
    assert "RWW" in {h.code for h in found.suggestions}


def test_find_says_nothing_for_nonsense(conn):
    found = find(conn, "zzqxjv qqzzxv")
    assert not found.hits and not found.suggestions and found.did_you_mean is None


@pytest.mark.parametrize("path,cached", [
    ("/national", True), ("/national/x", False), ("/api/places/WA51QG", True), ("/places/WA51QG", True),
    ("/places/WA51QG/briefing.pdf", False), ("/places/WA51QG/community", False), ("/api/places:bulk", False),
])
def test_the_answer_cache_takes_whole_answers_only(path, cached):
    assert cacheable(path) is cached
