"""The ICB reorganisation of 1 April 2026, checked against the shipped raw table of successions
(icb_2026/) and against where the split areas went by the ICBs' own announcements."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict

import pytest

from localnhs.query.commissioners import commissioners
from localnhs.query.places import from_postcode_row, locate
from localnhs.store import read
from test_cli import run

TODAY = dt.date(2026, 12, 2)
BEFORE = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def successions(raw):
    out = defaultdict(dict)
    with open(raw / "icb_2026" / "icb_successions_2026-04-01.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            out[r["predecessor_code"]][r["successor_code"]] = r["successor_name"]
    return out


def _icb(conn, pcd, when):
    chain = commissioners(conn, locate(conn, pcd), when)
    return next(b for b in chain if b.kind == "icb")


def test_lookup_names_the_successor_today_and_the_old_icb_before(db_path):
    today = json.loads(run(db_path, "lookup", "NR2 3TT", "--json").stdout)
    before = json.loads(run(db_path, "lookup", "NR2 3TT", "--as-of", "2025-06-01", "--json").stdout)
    icb_now = [b for b in today["commissioners"] if b["kind"] == "icb"]
    icb_then = [b for b in before["commissioners"] if b["kind"] == "icb"]
    assert [(b["code"], b["name"]) for b in icb_now] == [("T6Y0W", "NHS Norfolk and Suffolk Integrated Care Board")]
    assert [(b["code"], b["name"]) for b in icb_then] == [("QMM", "NHS Norfolk and Waveney Integrated Care Board")]
    assert "QMM" in icb_now[0]["method"] and "2026-04-01" in icb_now[0]["method"]


def test_stats_count_icbs_as_of_the_date(db_path):
    today = json.loads(run(db_path, "stats", "--json").stdout)
    before = json.loads(run(db_path, "stats", "--as-of", "2025-06-01", "--json").stdout)
    assert today["icbs"]["value"] == 36       # 42 - 12 closed + 6 new (QRL continues)
    assert before["icbs"]["value"] == 42


def test_every_closed_icbs_neighbourhoods_answer_with_a_named_successor(conn, successions):
    """Every LSOA (its representative postcode) of each of the 12 closed ICBs."""
    assert len(successions) == 12
    checked = defaultdict(int)
    rows = conn.execute(
        "SELECT i.ods_code, r.pcd FROM lsoa21 l JOIN area i ON i.type = 'icb' AND i.vintage = '2024' "
        "AND i.code = l.icb24 JOIN area_rep r ON r.type = 'lsoa21' AND r.code = l.code "
        f"WHERE i.ods_code IN ({','.join('?' * len(successions))})", list(successions)).fetchall()
    for pred, pcd in rows:
        loc = from_postcode_row(conn, read.postcode(conn, pcd), pcd)
        now = next(b for b in commissioners(conn, loc, TODAY) if b.kind == "icb")
        then = next(b for b in commissioners(conn, loc, BEFORE) if b.kind == "icb")
        assert then.code == pred, pcd
        assert now.code in successions[pred], (pcd, pred, now.code)
        assert now.name == successions[pred][now.code], (pcd, now.name)
        assert now.closed is None and now.successor is None
        checked[pred] += 1
    assert set(checked) == set(successions) and min(checked.values()) > 300


@pytest.mark.parametrize("pcd, council, successor", [
    # Frimley: east Berkshire to Thames Valley, north-east Hampshire to Hampshire and Isle of Wight,
    # Surrey Heath and Farnham to Surrey and Sussex (thamesvalley.icb.nhs.uk, surreyheartlands.org).
    ("SL1 1AA", "Slough", "S0E4D"), ("RG12 1AA", "Bracknell Forest", "S0E4D"),
    ("GU14 6AZ", "Rushmoor", "QRL"), ("GU9 7QU", "Waverley (Farnham)", "S9B9J"),
    # Hertfordshire and West Essex; Suffolk and North East Essex.
    ("CM20 1AA", "Harlow", "D7T5G"), ("SG1 1AA", "Stevenage", "S1Y5D"),
    ("CO1 1AA", "Colchester", "D7T5G"), ("IP1 1AA", "Ipswich", "T6Y0W"),
])
def test_split_icbs_go_by_council_and_say_it_is_derived(conn, pcd, council, successor):
    icb = _icb(conn, pcd, TODAY)
    assert icb.code == successor, council
    assert icb.confidence == "medium" and "derived" in icb.method


def test_sub_icb_locations_and_trusts_rejoin_the_successor(conn):
    members = {r["from_code"] for r in read.related_to(conn, "T6Y0W", "part_of", TODAY.isoformat())}
    assert {"26A", "06L", "07K"} <= members and "06T" not in members     # North East Essex went to Essex
    assert not read.related_to(conn, "QMM", "part_of", TODAY.isoformat())
    assert {"26A"} <= {r["from_code"] for r in read.related_to(conn, "QMM", "part_of", BEFORE.isoformat())}


def test_organisation_page_shows_the_span_and_successor(db_path):
    from starlette.testclient import TestClient

    from localnhs.api.app import create_app

    client = TestClient(create_app(db_path))
    page = client.get("/organisations/QMM").text
    assert ("NHS Norfolk and Waveney ICB (1 July 2022 – 31 March 2026), succeeded by NHS Norfolk and Suffolk ICB"
            in page)
    split = client.get("/organisations/QNQ").text
    assert "NHS Thames Valley ICB (S0E4D), NHS Surrey and Sussex ICB (S9B9J) and NHS Hampshire and Isle of Wight ICB (QRL)" in split
    api = client.get("/api/organisations/QNQ").json()
    assert {s["code"] for s in api["successors"]} == {"S0E4D", "S9B9J", "QRL"}
