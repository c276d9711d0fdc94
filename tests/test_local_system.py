"""Issue 3 acceptance: the local system for places checked by hand, for 2016-04-01 and today,
on the full shipped snapshot. Official-lookup answers (commissioners, councils, acute catchment,
ambulance) must be right everywhere; the mental-health and community methods (no official
lookup exists) are measured for accuracy, and the seed's Warrington answer must be exact."""

from __future__ import annotations

import subprocess
import sys

import pytest

from localnhs.query.errors import InvalidInput, NotFound, OutsideEngland
from localnhs.query.local_system import local_system
from places_checked import ACUTE, AMBULANCE, CHECKED

TODAY = None
Y2016 = "2016-04-01"


def _trust(ls, role):
    r = next(t for t in ls.trusts if t.role == role)
    return r.trust.code if r.trust else None


@pytest.fixture(scope="module")
def answers(conn):
    return {(pc, d): local_system(conn, pc, d) for pc, *_ in CHECKED for d in (Y2016, TODAY)}


def test_sample_spans_all_seven_regions(answers):
    regions = {answers[(pc, TODAY)].commissioners[-1].name for pc, *_ in CHECKED}
    assert len(CHECKED) >= 20
    assert len(regions) == 7, regions
    assert {r for _, r, *_ in CHECKED} == regions


@pytest.mark.parametrize("pc,region,y16,now", CHECKED, ids=[c[0] for c in CHECKED])
def test_commissioners(answers, pc, region, y16, now):
    then, today = answers[(pc, Y2016)], answers[(pc, TODAY)]
    assert then.commissioners[0].code == y16[0]
    assert then.commissioners[0].label.startswith("Clinical Commissioning Group")
    assert [b.code for b in today.commissioners[:2]] == list(now[:2])
    assert today.commissioners[1].label == "Integrated Care Board (ICB)"
    assert today.commissioners[-1].name == region


@pytest.mark.parametrize("pc", sorted(ACUTE))
def test_acute_and_ambulance(answers, pc):
    assert (_trust(answers[(pc, Y2016)], "acute"), _trust(answers[(pc, TODAY)], "acute")) == ACUTE[pc]
    assert _trust(answers[(pc, Y2016)], "ambulance") == AMBULANCE[pc]
    assert _trust(answers[(pc, TODAY)], "ambulance") == AMBULANCE[pc]


def test_mental_health_and_community_accuracy(answers):
    """Measured, not assumed: the method's hit rate over the hand-checked sample (both dates)."""
    hits = {"mental_health": 0, "community": 0}
    misses = []
    for pc, _, y16, now in CHECKED:
        for d, mh, com in ((Y2016, y16[1], y16[2]), (TODAY, now[2], now[3])):
            for role, want in (("mental_health", mh), ("community", com)):
                got = _trust(answers[(pc, d)], role)
                hits[role] += got == want
                if got != want:
                    misses.append((pc, d, role, got, want))
    n = 2 * len(CHECKED)
    print(f"mental health {hits['mental_health']}/{n}, community {hits['community']}/{n}; misses: {misses}")
    assert hits["mental_health"] / n >= 0.9
    assert hits["community"] / n >= 0.85


def test_warrington_2016_as_the_seed_lists_it(answers):
    ls = answers[("WA5 1QG", Y2016)]
    assert ls.commissioners[0].name == "NHS Warrington CCG"
    assert ls.commissioners[-1].name == "North of England"
    roles = {t.role: t.trust for t in ls.trusts}
    assert roles["acute"].code == "RWW" and roles["acute"].foundation_trust
    assert roles["ambulance"].name == "North West Ambulance Service NHS Trust"
    assert roles["mental_health"].code == "RTV"   # 5 Boroughs Partnership, later North West Boroughs
    assert roles["community"].name == "Bridgewater Community Healthcare NHS Foundation Trust"
    assert [c.name for c in ls.councils] == ["Warrington"]
    assert ls.hwb.name == "Warrington Health and Wellbeing Board"
    assert ls.healthwatch.name == "Healthwatch Warrington"
    assert {"MONITOR", "CQC", "NHS_ENGLAND", "NICE"} <= {b.code for b in ls.national}


def test_warrington_today_shows_successors(answers):
    ls = answers[("WA5 1QG", TODAY)]
    assert ls.commissioners[1].name == "NHS Cheshire and Merseyside Integrated Care Board"
    roles = {t.role: t for t in ls.trusts}
    assert roles["mental_health"].trust.code == "RW4"
    assert "North West Boroughs" in roles["mental_health"].note and "2021-06-01" in roles["mental_health"].note
    assert roles["community"].trust.code == "RWW"
    assert "Bridgewater" in roles["community"].note and "2026-04-01" in roles["community"].note
    assert "MONITOR" not in {b.code for b in ls.national}
    for t in ls.trusts:
        assert t.method and t.confidence in ("high", "medium", "low")


def test_corby_2016_county_and_district(answers):
    ls = answers[("NN17 1AB", Y2016)]
    assert ls.commissioners[0].name == "NHS Corby CCG"
    assert [(c.code, c.label) for c in ls.councils] == [("E10000021", "County council"), ("E07000150", "District council")]
    assert ls.hwb.name == "Northamptonshire Health and Wellbeing Board"
    today = answers[("NN17 1AB", TODAY)]
    assert [c.code for c in today.councils] == ["E06000061"]  # North Northamptonshire unitary since 2021


def test_london_borough(answers):
    ls = answers[("SE1 7EH", TODAY)]
    assert [(c.name, c.label) for c in ls.councils] == [("Lambeth", "London borough council")]


def test_practices_near_with_list_size_and_pcn(answers):
    ls = answers[("WA5 1QG", TODAY)]
    assert len(ls.practices) == 5
    assert ls.practices == sorted(ls.practices, key=lambda p: p.distance_km)
    assert all(p.pcn is not None and p.commissioner is not None for p in ls.practices)
    then = answers[("WA5 1QG", Y2016)]
    assert all(p.list_size and p.list_size_date == "2016-01-01" for p in then.practices)
    assert all(p.pcn is None for p in then.practices)  # PCNs began in July 2019


def test_cross_border_postcodes(conn):
    assert local_system(conn, "CH1 2HN").councils[0].code == "E06000050"      # Chester, England
    assert local_system(conn, "NP16 7AA").location.country == "England"        # Tidenham, Gloucestershire
    assert local_system(conn, "SY1 1AA").commissioners[1].code == "QOC"        # Shrewsbury
    for pc in ("CH5 1AB", "SY23 1AB", "NP20 1AA"):
        with pytest.raises(OutsideEngland) as e:
            local_system(conn, pc)
        assert e.value.nation == "Wales" and "NHS Wales" in e.value.hint


def test_postcode_without_coordinates(conn):
    ls = local_system(conn, "BD98 1GA")
    assert ls.location.located_by == "neighbouring_postcode"
    assert ls.commissioners and ls.commissioners[1].code == "QWO"
    assert "no grid reference" in ls.notes[0]


def test_terminated_and_unknown_postcodes(conn):
    ls = local_system(conn, "al11aa", Y2016)
    assert ls.location.status == "terminated" and ls.location.terminated == "1994-05"
    assert ls.commissioners[0].label.startswith("Clinical Commissioning Group")
    assert any("no longer in use" in n for n in ls.notes)
    with pytest.raises(NotFound):
        local_system(conn, "ZZ99 9ZZ")
    with pytest.raises(InvalidInput) as e:
        local_system(conn, "WA5 1Q!")
    assert "valid postcode" in e.value.message


def test_other_inputs(conn):
    assert local_system(conn, "wa5").location.label.startswith("WA5")
    assert local_system(conn, "RWW").location.postcode == "WA5 1QG"
    assert local_system(conn, "Warrington").councils[0].code == "E06000007"


@pytest.mark.parametrize("args,code,text", [
    (["lookup", "WA5 1Q!"], 2, "valid postcode"),
    (["lookup", "ZZ99 9ZZ"], 3, "not in Code-Point"),
    (["lookup", "CF10 1AA"], 3, "Wales"),
    (["lookup", "BT1 1AA"], 3, "Northern Ireland"),
    (["lookup", "WA5 1QG", "--as-of", "2016-13-01"], 2, "not a date"),
    (["org", "NOPE1"], 3, "No organisation"),
])
def test_cli_exit_codes_and_no_traceback(db_path, args, code, text):
    res = subprocess.run([sys.executable, "-m", "localnhs", *args], capture_output=True, text=True,
                         env={"LOCALNHS_DB": str(db_path), "PATH": "", "COLUMNS": "200"})
    assert res.returncode == code, res.stderr
    assert text in res.stderr
    assert "Traceback" not in res.stderr


def test_cli_lookup_json(db_path):
    import json

    res = subprocess.run([sys.executable, "-m", "localnhs", "lookup", "WA5 1QG", "--as-of", Y2016, "--json"],
                         capture_output=True, text=True, env={"LOCALNHS_DB": str(db_path), "PATH": ""})
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["commissioners"][0]["code"] == "02E" and data["as_of"] == Y2016
