"""Issue 9 acceptance on the full shipped snapshot: counts straight from the official files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from localnhs.query.stats import commissioner_population, stats
from localnhs.store import read


def test_every_file_logged_with_hash_and_date(conn):
    logs = read.import_log(conn)
    files = {r["file"] for r in logs}
    assert "epraccur_2015-11-27.csv" in files and "epraccur_2026-02_dse.csv" in files
    assert "codepo_gb_2025.4.0.zip" in files
    for r in logs:
        assert len(r["sha256"]) == 64 and r["rows"] > 0 and r["as_of"], r["file"]
        assert r["rejects"] <= 0.01 * r["rows"], r["file"]


def test_practices_and_commissioners_2016(conn):
    s = stats(conn, "2016-01-15")
    assert s["gp_practices"]["value"] == 7756
    assert s["gp_practices"]["source"] == "epraccur_2015-11-27.csv"
    assert s["commissioners"]["value"] == 209
    assert s["regions"]["value"] == 4
    assert s["icbs"]["value"] == 0


def test_practices_and_commissioners_today(conn):
    s = stats(conn)
    assert s["gp_practices"]["value"] == 6207
    assert s["gp_practices"]["source"] == "epraccur_2026-02_dse.csv"
    assert s["commissioners"]["value"] == 106
    assert s["icbs"]["value"] == 36   # 42 until 31 March 2026; 12 closed and 6 began on 1 April (icb_2026/)
    assert s["regions"]["value"] == 7
    assert s["postcodes"]["value"] == 1_492_125  # live English postcodes in Code-Point Open


def test_registered_patients_2016(conn):
    s = stats(conn, "2016-06-01")
    assert s["list_size_practices"]["value"] == 7712
    assert s["list_size_median"]["value"] == 6639.5
    assert s["list_size_max"]["value"] == 60352
    assert s["registered_patients"]["value"] == 57_539_930
    assert commissioner_population(conn, "03V", "2016-01-01") == 74_913
    assert commissioner_population(conn, "13P", "2016-01-01") == 721_087


@pytest.mark.parametrize("date,expected", [("2016-06-01", 209), ("2019-04-01", 191), ("2022-07-01", 106)])
def test_commissioners_open_on_date(conn, date, expected):
    ccgs = read.open_organisations(conn, "ccg", date) + read.open_organisations(conn, "sub_icb_location", date)
    assert len(ccgs) == expected


def test_icb_era_structure(conn):
    subs = read.open_organisations(conn, "sub_icb_location", "2022-07-01")
    icbs = {r["to_code"] for s in subs for r in read.related_from(conn, s["code"], "part_of", "2022-07-01")}
    assert len(icbs) == 42
    regions = {r["to_code"] for i in icbs for r in read.related_from(conn, i, "in_region", "2022-07-01")}
    assert len(regions) == 7


def test_2016_ccg_regions_come_from_2015_release_not_eccg(conn):
    # eccg gives the closed Warrington CCG today's region (Y62); in 2016 it was in Y54 (North).
    rel = read.related_from(conn, "02E", "in_region", "2016-06-01")
    assert [r["to_code"] for r in rel] == ["Y54"]
    assert read.organisation(conn, "Y54")["name"] == "North of England"


def test_every_active_practice_commissioner_resolves(conn):
    for release in read.releases(conn):
        missing = conn.execute(
            "SELECT code, commissioner FROM practice_release p WHERE file = ? AND is_gp = 1 AND status = 'active' "
            "AND country = 'England' AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.code = p.commissioner)",
            (release["file"],)).fetchall()
        assert missing == [], (release["file"], [tuple(m) for m in missing[:5]])


def test_names_as_they_were(conn):
    assert read.name_at(conn, "RTV", "2016-06-01")["name"] == "5 BOROUGHS PARTNERSHIP NHS FOUNDATION TRUST"
    assert read.name_at(conn, "RWW", "2016-06-01")["name"] == "WARRINGTON AND HALTON HOSPITALS NHS FOUNDATION TRUST"


def test_successions(conn):
    succ = {(r["to_code"], r["valid_from"]) for r in read.related_from(conn, "RTV", "succeeded_by")}
    assert ("RW4", "2021-06-01") in succ
    assert ("RWW", "2026-04-01") in {(r["to_code"], r["valid_from"]) for r in read.related_from(conn, "RY2", "succeeded_by")}


def test_stats_cli_json(db_path):
    res = subprocess.run([sys.executable, "-m", "localnhs", "stats", "--json", "--as-of", "2016-01-15"],
                         capture_output=True, text=True, env={"LOCALNHS_DB": str(db_path), "PATH": ""})
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    for key in ("gp_practices", "commissioners", "icbs", "regions", "nhs_trusts", "foundation_trusts",
                "registered_patients", "list_size_median", "list_size_min", "list_size_max", "postcodes"):
        assert set(data[key]) == {"value", "as_of", "source"}, key
    assert data["gp_practices"]["value"] == 7756


def test_trusts_open_in_2016_match_the_etr_file(conn):
    # 237 trusts in the DSE etr were open on 2016-06-01 (as an independent Nov 2017 extract also gives)
    etr = [r for r in read.open_organisations(conn, "nhs_trust", "2016-06-01") if r["source"] == "etr_2025-12_dse.csv"]
    assert len(etr) == 237
    # care trusts (Camden and Islington, Sheffield Health and Social Care, ...) come from ERIC
    assert read.organisation(conn, "TAH")["source"].startswith("HospitalEstatesAndFacilitiesStatistics")
    assert read.organisation(conn, "RY2")["closed"] == "2026-03-31"   # into RWW, per ODS succ
