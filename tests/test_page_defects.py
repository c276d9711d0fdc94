"""Defects a reviewer found on real pages, each checked on the real build."""

from __future__ import annotations

import re

import pytest

from localnhs.query.organisations import organisation
from localnhs.query.practices import release_for
from localnhs.query.dates import parse


@pytest.fixture(scope="module")
def client(db_path):
    from starlette.testclient import TestClient

    from localnhs.api.app import create_app

    return TestClient(create_app(db_path))


def test_health_and_wellbeing_board_pages_answer(client):
    page = client.get("/organisations/HWB-E06000007")
    assert page.status_code == 200 and "Warrington Health and Wellbeing Board" in page.text
    api = client.get("/api/organisations/HWB-E06000007")
    assert api.status_code == 200 and api.json()["body"]["kind"] == "hwb"


def test_every_sub_icb_page_lists_each_active_practice_once_by_name(conn, client):
    """All 106 sub-ICB locations: the practices listed are exactly the active GP practices the ODS
    release in force names for that commissioner, each once, each with a name."""
    when = parse("2026-12-02")
    release, _ = release_for(conn, when)
    subs = [r[0] for r in conn.execute(
        "SELECT code FROM organisation WHERE kind = 'sub_icb_location' AND closed IS NULL")]
    assert len(subs) == 106
    for code in subs:
        view = organisation(conn, code, when, max_members=100_000)
        links = [l for l in view.current if l.relation == "commissions"]
        codes = [l.code for l in links]
        assert len(codes) == len(set(codes)), code
        assert all(l.kind == "gp_practice" and l.name and l.name != l.code for l in links), code
        active = {r[0] for r in conn.execute(
            "SELECT code FROM practice_release WHERE file = ? AND commissioner = ? AND is_gp = 1 AND status = 'active'",
            (release, code))}
        assert set(codes) == active, code
    page = client.get("/organisations/02E").text
    listed = re.findall(r"\(([A-Z]\d{5})\)", page)
    assert listed and len(listed) == len(set(listed))


def test_trusts_join_icbs_from_1_july_2022_not_2021(conn):
    view = organisation(conn, "RWW", "2026-12-02")
    icb = [l for l in view.current if l.relation == "part of" and l.kind == "icb"]
    assert [(l.code, l.valid_from) for l in icb] == [("QYG", "2022-07-01")]
    page_2021 = organisation(conn, "RWW", "2021-06-01")
    assert [l.valid_to for l in page_2021.current if l.relation == "part of" and l.code == "QYG"] == ["2022-06-30"]


def test_councils_abolished_on_1_april_2021_close_the_day_before(conn):
    for code in ("E07000150", "E10000021"):          # Corby; Northamptonshire county
        view = organisation(conn, code, "2021-11-30")
        assert view.body.closed == "2021-03-31", code
    assert organisation(conn, "E06000061", "2021-11-30").body.opened == "2021-04-01"  # North Northamptonshire
    assert organisation(conn, "E07000048", "2020-01-01").body.closed == "2019-03-31"  # Christchurch, into BCP


def test_search_says_closed_once(client):
    for q in ("warrington", "northamptonshire", "corby", "nhs norfolk"):
        text = client.get("/search", params={"q": q}).text
        assert "(closed) (closed" not in text and "(closed or former name)" not in text
    corby = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get("/search", params={"q": "corby"}).text))
    # each closed body says so once, with the day it closed (ODS / ONS dates)
    assert corby.count("Closed 31 March 2020") == 1 and "Clinical commissioning group in Corby" in corby
    assert corby.count("Closed 31 March 2021") == 1 and "Council · Closed 31 March 2021" in corby
