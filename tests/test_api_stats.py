"""/api/stats: national figures for a date, each with its date and source file, checked against
the raw files read here directly and against the structure's known changes (209 CCGs in April 2016;
42 ICBs from July 2022, 36 from the mergers of 1 April 2026; 4 NHS England regions in 2016, 7 now)."""

from __future__ import annotations

import csv
import statistics

import pytest
from fastapi.testclient import TestClient

from localnhs.api.app import create_app
from localnhs.eras import ICB_2026
from localnhs.query.about import data_files


@pytest.fixture(scope="module")
def api(db_path):
    return TestClient(create_app(db_path))


def _stats(api, as_of=None):
    r = api.get("/api/stats", params={"as_of": as_of} if as_of else {})
    assert r.status_code == 200, r.text
    return r.json()


def _raw_2016_lists(raw):
    with open(raw / "patients_registered" / "gp-reg-patients-2016-01.csv", newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_2016_figures_match_the_raw_list_sizes(api, raw):
    s = _stats(api, "2016-04-01")
    rows = _raw_2016_lists(raw)
    sizes = [int(r["TOTAL_ALL"]) for r in rows]
    assert s["registered_patients"]["value"] == sum(sizes)
    assert s["list_size_median"]["value"] == statistics.median(sizes)
    assert s["list_size_practices"]["value"] == len(sizes)
    assert s["registered_patients"]["source"] == "gp-reg-patients-2016-01.csv"
    # The same file groups practices by CCG: the CCG count from the ODS release agrees with it.
    assert s["commissioners"]["value"] == len({r["CCG_CODE"] for r in rows}) == 209
    assert s["commissioner_kind"]["value"] == "CCG"
    assert s["regions"]["value"] == 4 and s["icbs"]["value"] == 0


def test_icbs_follow_the_2022_and_2026_structures(api):
    assert _stats(api, "2022-07-01")["icbs"]["value"] == 42
    assert _stats(api, "2025-06-01")["icbs"]["value"] == 42
    now = _stats(api, ICB_2026.isoformat())
    assert now["icbs"]["value"] == 36 and "icb_successions" in now["icbs"]["source"]
    today = _stats(api)
    assert today["icbs"]["value"] == 36 and today["regions"]["value"] == 7
    assert today["commissioner_kind"]["value"] == "sub-ICB location"


@pytest.mark.parametrize("as_of", [None, "2016-04-01"])
def test_every_figure_is_dated_and_names_a_logged_file(api, conn, as_of):
    logged = {r["file"] for r in data_files(conn)}
    for key, fig in _stats(api, as_of).items():
        assert set(fig) >= {"value", "as_of", "source"}, key
        assert fig["as_of"] and len(fig["as_of"]) == 10, key
        for f in fig["source"].split(", "):
            assert f in logged, (key, f)
        if as_of:
            assert fig["as_of"] <= as_of or key == "postcodes", (key, fig["as_of"])  # a file from before the date


def test_bad_date_is_a_400_naming_it(api):
    r = api.get("/api/stats", params={"as_of": "2016-02-30"})
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["status"] == 400 and "2016-02-30" in err["message"]
