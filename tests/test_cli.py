"""The command line over the real database: every command answers, in text and JSON/CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest


def run(db_path, *args, env_extra=None):
    env = {"LOCALNHS_DB": str(db_path), "PATH": "", "COLUMNS": "200", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "localnhs", *args], capture_output=True, text=True, env=env)


def test_org_both_ways(db_path):
    res = run(db_path, "org", "QYG", "--json")
    assert res.returncode == 0, res.stderr
    view = json.loads(res.stdout)
    assert view["body"]["label"] == "Integrated Care Board (ICB)"
    assert view["counts"]["includes"] >= 9          # Cheshire and Merseyside's sub-ICB locations
    assert any(l["relation"] == "in NHS England region" and l["code"] == "Y62" for l in view["current"])
    assert {(a["type"], a["vintage"], a["code"]) for a in view["areas"]} >= {("icb", "2022", "E54000008"),
                                                                             ("icb", "2024", "E54000008")}


def test_ccg_figures_over_time(db_path):
    res = run(db_path, "org", "03V", "--json")
    assert res.returncode == 0, res.stderr
    view = json.loads(res.stdout)
    assert view["figures"]["registered_patients_of_practices"][0]["value"] == 74913
    assert [a["vintage"] for a in view["areas"] if a["type"] == "ccg"][:2] == ["2015", "2016"]


def test_practice_and_history(db_path):
    res = run(db_path, "practice", "N81012", "--as-of", "2016-04-01", "--json")
    assert res.returncode == 0, res.stderr
    view = json.loads(res.stdout)
    assert view["figures"]["registered_patients"][0]["date"] == "2016-01-01"
    assert any(l["relation"] == "commissioned by" and l["code"] == "02E" for l in view["current"])
    assert run(db_path, "practice", "RWW").returncode == 3


def test_search_tolerant(db_path):
    res = run(db_path, "search", "warrington & halton", "--csv")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows[0]["code"] == "RWW"
    assert rows[0]["name"] == "Warrington and Halton Teaching Hospitals NHS Foundation Trust" and rows[0]["current"] == "True"
    assert run(db_path, "search", "WARRINGTON AND HALTON!", "--json").stdout.count('"RWW"') >= 1


def test_near(db_path):
    res = run(db_path, "near", "WA5 1QG", "--kind", "acute", "-n", "3", "--json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert rows[0]["code"] == "RWW" and len(rows) == 3
    gp = json.loads(run(db_path, "near", "WA5 1QG", "--kind", "gp", "--json").stdout)
    assert len(gp) == 5 and gp[0]["distance_km"] <= gp[-1]["distance_km"]
    assert run(db_path, "near", "WA5 1QG", "--kind", "dentist").returncode == 2


def test_about_lists_sources_and_attribution(db_path):
    res = run(db_path, "about", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert any(s["file"] == "codepo_gb_2025.4.0.zip" for s in data["sources"])
    assert any("Royal Mail" in line for line in data["attribution"])


# The documented exit codes: 0 answered; 2 invalid input; 3 valid but not found or outside NHS England;
# 4 database missing, damaged or built by another version. Each failure says what was wrong, no traceback.
EXIT_CASES = [
    (("lookup", "WA5 1QG"), 0, "Warrington"),
    (("lookup", "WA5 1QG", "--as-of", "2016-04-01", "--json"), 0, "NHS Warrington CCG"),
    (("stats", "--json"), 0, "sub-ICB location"),
    (("search", "warrington"), 0, "RWW"),
    (("lookup", "WA5 1Q!"), 2, "WA5 1QG"),                    # says what a valid postcode looks like
    (("lookup", "WA5 1QG", "--as-of", "2016-13-01"), 2, "is not a date"),
    (("stats", "--as-of", "yesterday"), 2, "is not a date"),
    (("near", "WA5 1QG", "--kind", "dentist"), 2, "dentist"),
    (("lookup", "EH1 1YZ"), 3, "Scotland"),                    # valid, outside NHS England: names the system
    (("lookup", "CF10 1EP"), 3, "Wales"),
    (("org", "ZZZ99"), 3, "ZZZ99"),
    (("practice", "RWW"), 3, ""),                              # a trust, not a practice
    (("search", "qqqzzzxxx"), 3, "Nothing matches"),
]


@pytest.mark.parametrize("args,code,says", EXIT_CASES, ids=[" ".join(a) for a, _, _ in EXIT_CASES])
def test_exit_codes(db_path, args, code, says):
    res = run(db_path, *args)
    assert res.returncode == code, (res.returncode, res.stdout[-300:], res.stderr[-300:])
    assert says in (res.stdout if code == 0 else res.stderr), res.stderr
    assert "Traceback" not in res.stderr


def test_damaged_database_exits_4(tmp_path):
    bad = tmp_path / "damaged.sqlite"
    bad.write_bytes(b"not a database" * 100)
    res = run(bad, "lookup", "WA5 1QG")
    assert res.returncode == 4, res.stderr
    assert "is not a localnhs database" in res.stderr and "Traceback" not in res.stderr


def test_missing_database_is_a_message(tmp_path):
    res = run(tmp_path / "none.sqlite", "lookup", "WA5 1QG")
    assert res.returncode == 4 and "localnhs build" in res.stderr and "Traceback" not in res.stderr


def test_update_downloads_into_a_dated_folder(tmp_path, raw):
    """`update` against file:// URLs standing in for the publishers (no network here)."""
    src = raw / "etr" / "etr_2025-12_dse.csv"
    urls = tmp_path / "urls.toml"
    urls.write_text(f'[etr]\n"etr.csv" = "{src.as_uri()}"\n')
    res = subprocess.run([sys.executable, "-m", "localnhs", "update", "--dest", str(tmp_path / "raw"), "--urls", str(urls),
                          "--allow-file-urls"], capture_output=True, text=True, env={"PATH": ""})
    assert res.returncode == 0, res.stderr
    (folder,) = (tmp_path / "raw").iterdir()
    assert (folder / "etr" / "etr.csv").read_bytes() == src.read_bytes()
    assert "sha256" in (folder / "etr" / "PROVENANCE.md").read_text()
    urls.write_text('[etr]\n"etr.csv" = "file:///nowhere/etr.csv"\n')
    bad = subprocess.run([sys.executable, "-m", "localnhs", "update", "--dest", str(tmp_path / "raw2"), "--urls", str(urls),
                          "--allow-file-urls"],
                         capture_output=True, text=True, env={"PATH": ""})
    assert bad.returncode == 1 and "etr/etr.csv" in bad.stderr
    assert list((tmp_path / "raw2").iterdir()) == []  # nothing half-downloaded is left behind
