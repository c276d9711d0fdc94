"""Issue 14 acceptance: ways in with addresses. `engage`, `lookup --json` and the JSON API carry dated
contacts and the place's MP, ward and council, from the real build."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from localnhs.api.app import create_app
from localnhs.query.engage import engage


def run(db_path, *args):
    env = {"LOCALNHS_DB": str(db_path), "PATH": "", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "localnhs", *args], capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def engage_json(db_path):
    res = run(db_path, "engage", "WA5 1QG", "--json")
    assert res.returncode == 0, res.stderr
    return res.stdout, json.loads(res.stdout)


@pytest.fixture(scope="module")
def api(db_path):
    return TestClient(create_app(db_path))


def test_engage_wa5_has_trust_council_practices_and_mp(engage_json, conn):
    text, plan = engage_json
    assert "https://www.whh.nhs.uk/" in text and "https://www.warrington.gov.uk/" in text
    # The nearest practices' phone numbers and websites as NHS.UK listed them.
    practices = [p["practice"]["code"] for p in plan["system"]["practices"]]
    listed = conn.execute(
        f"SELECT code, kind, value FROM contact WHERE code IN ({','.join('?' * len(practices))}) "
        "AND source = 'nhsuk_gp/2019-05/GP.csv' AND kind IN ('phone', 'website')", practices).fetchall()
    assert {r["code"] for r in listed if r["kind"] == "phone"} == set(practices)
    assert any(r["kind"] == "website" for r in listed)
    for r in listed:
        assert r["value"] in text, (r["code"], r["kind"], r["value"])
    mp = plan["representatives"]["mp"]
    assert mp["constituency"] in ("Warrington North", "Warrington South")
    assert mp["name"] in ("Charlotte Nichols", "Sarah Hall") and mp["name"] in text
    assert mp["elected"] == "2024-07-04" and mp["party_name"] == "Labour"


def test_every_way_in_has_a_next_step_and_a_message(engage_json):
    _, plan = engage_json
    for s in plan["steps"]:
        assert s["contacts"], f"{s['body_name']} has no contact"
        assert s["next_step"] and any(c["value"] in s["next_step"] for c in s["contacts"]), s["body_name"]
        assert s["message"] and "{" not in s["message"], s["body_name"]
        for c in s["contacts"]:
            assert c["source"] and c["as_of"] and c["value"].startswith(("http", "0")) or c["kind"] == "email"
    kinds = {w["kind"]: w for w in plan["write_to"]}
    assert kinds["mp"]["message"].startswith(f"Dear {plan['representatives']['mp']['name']}")
    assert plan["representatives"]["ward"]["name"] in kinds["councillor"]["to"]
    # A Health and Wellbeing Board has no contact in the data: it goes to the council's website, saying so.
    hwb = next(s for s in plan["steps"] if s["kind"] == "hwb")
    assert hwb["contacts"][0]["value"] == "https://www.warrington.gov.uk/"
    assert "No contact for Health and Wellbeing Boards is in the data" in hwb["contacts"][0]["text"]


def test_stale_contacts_say_their_date_in_the_text(conn):
    plan = engage(conn, "WA5 1QG")
    practice = plan.steps[0]
    assert practice.kind == "gp_practice"
    phone = next(c for c in practice.contacts if c["kind"] == "phone")
    assert phone["stale"] and "May 2019" in phone["text"] and "over two years old" in phone["text"]
    assert "May 2019" in practice.next_step
    council = next(s for s in plan.steps if s.kind == "council")
    assert not council.contacts[0]["stale"] and "November 2025" in council.contacts[0]["text"]


def test_lookup_json_has_contacts_and_representatives(db_path):
    res = run(db_path, "lookup", "WA5 1QG", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    rww = data["contacts"]["RWW"]
    assert rww[0]["value"] == "https://www.whh.nhs.uk/" and rww[0]["source"].endswith("urls.csv")
    assert rww[0]["as_of"] == "2023-10-26"
    reps = data["representatives"]
    assert reps["mp"]["source"].endswith("HoC-GE2024-results-by-constituency.csv")
    assert reps["councils"][0]["contacts"][0]["value"] == "https://www.warrington.gov.uk/"
    first = data["practices"][0]["practice"]["code"]
    assert data["practice_names"][first]["source"] == "nhsuk_gp/2019-05/GP.csv"


def test_api_place_and_organisation_carry_contacts_with_source_and_date(api):
    data = api.get("/api/places/WA5%201QG").json()
    for code, contacts in data["contacts"].items():
        assert contacts, code
        assert all(c["source"] and c["as_of"] for c in contacts), code
    assert data["representatives"]["constituency"]["name"].startswith("Warrington")
    org = api.get("/api/organisations/RWW").json()
    assert org["contacts"][0]["value"] == "https://www.whh.nhs.uk/"
    assert any(c["kind"] == "phone" and c["about"] for c in org["contacts"])   # its hospital's switchboard
    assert org["representatives"]["mp"]["name"]
    practice = api.get("/api/organisations/N81012").json()
    assert practice["nhsuk_name"]["name"] and practice["body"]["code"] == "N81012"


def test_westminster_is_in_cities_of_london_and_westminster(conn):
    from localnhs.query.local_system import local_system
    from localnhs.query.representatives import representatives

    reps = representatives(conn, local_system(conn, "SW1A 1AA"))
    assert reps.constituency["name"] == "Cities of London and Westminster"


def test_a_split_neighbourhood_names_both_constituencies(conn):
    from localnhs.query.local_system import local_system
    from localnhs.query.representatives import representatives

    row = conn.execute(
        "SELECT p.pcd FROM postcode p WHERE p.status = 'live' AND p.lsoa11 IN (SELECT lsoa11 FROM constituency_overlap "
        "WHERE share BETWEEN 0.3 AND 0.7 AND lsoa11 LIKE 'E01%') LIMIT 1").fetchone()
    reps = representatives(conn, local_system(conn, row["pcd"]))
    assert reps.split and reps.others
    note = " ".join(reps.notes)
    assert reps.constituency["name"] in note and reps.others[0].constituency in note and reps.others[0].name in note


def _squash(text: str) -> str:
    return "".join(text.split())


def test_briefing_pdf_has_a_working_contact_for_every_body_it_names(conn, tmp_path):
    import shutil

    from localnhs.query.contacts import for_system
    from localnhs.web.briefing import render_pdf

    pdftotext = shutil.which("pdftotext") or "/usr/bin/pdftotext"
    pdf = tmp_path / "wa5.pdf"
    pdf.write_bytes(render_pdf(conn, "WA5 1QG"))
    text = _squash(subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    plan = engage(conn, "WA5 1QG")
    ls = plan.system
    contacts = for_system(conn, ls)
    named = [*ls.commissioners, *(r.trust for r in ls.trusts if r.trust), *ls.councils, ls.hwb, ls.healthwatch,
             *(p.practice for p in ls.practices[:3])]
    for b in named:
        assert contacts.get(b.code), f"{b.name} has no contact"
        assert _squash(contacts[b.code][0]["value"]) in text, f"{b.name}: {contacts[b.code][0]['value']} not in the PDF"
    for s in plan.steps:
        assert any(_squash(c["value"]) in text for c in s.contacts), f"{s.body_name}: no contact in the PDF"
    assert _squash(plan.representatives["mp"]["name"]) in text
    assert _squash("https://www.parliament.uk/about/mps-and-lords/members/") in text


def test_place_page_shows_contacts_and_representatives(api):
    html = api.get("/places/WA5%201QG").text
    assert 'href="https://www.whh.nhs.uk/"' in html and 'href="https://www.warrington.gov.uk/"' in html
    assert "Your MP and councillors" in html and ("Sarah Hall" in html or "Charlotte Nichols" in html)
    assert 'href="tel:01925' in html and "A message you can adapt" in html
    assert "over two years old" in html   # stale contacts say so in the text


def test_about_data_lists_the_new_sources_with_licences_and_attribution(api):
    html = api.get("/about/data").text
    for dataset in ("nhsuk_gp", "contacts_and_representatives/ge2024_mps", "contacts_and_representatives/la_names_codes",
                    "contacts_and_representatives/pcon24_lsoa11_lookup", "contacts_and_representatives/council_websites",
                    "contacts_and_representatives/trust_websites_2023"):
        assert dataset in html, dataset
    assert "Open Parliament Licence v3.0" in html and "CC BY 4.0" in html
    assert "Contains Parliamentary information licensed under the Open Parliament Licence v3.0." in html
    assert "Contains mySociety data" in html


def test_2016_answers_give_the_ccg_its_own_listed_contacts(conn):
    plan = engage(conn, "WA5 1QG", "2016-04-01")
    ccg = next(s for s in plan.steps if s.kind == "ccg")
    assert ccg.body_code == "02E"
    site = next(c for c in ccg.contacts if c["kind"] == "website")
    assert site["source"] == "nhsuk_gp/2019-05/CCG.csv" and "CCGs closed on 30 June 2022" in site["text"]
    assert all(s.contacts for s in plan.steps), [s.body_name for s in plan.steps if not s.contacts]
    assert any("elected on 4 July 2024" in n and "1 April 2016" in n for n in plan.representatives["notes"])


def test_contacts_coverage_counts_every_gap_with_its_reason(db_path, conn):
    res = run(db_path, "contacts-coverage", "--json")
    assert res.returncode == 0, res.stderr
    cov = json.loads(res.stdout)
    for name in ("practices_with_phone", "practices_with_website"):
        c = cov[name]
        assert c["covered"] + sum(c["uncovered"].values()) == c["of"], name
    assert cov["practices_with_phone"]["of"] == conn.execute(
        "SELECT count(*) FROM practice_release WHERE is_gp = 1 AND status = 'active' AND country = 'England' "
        "AND as_of = (SELECT max(as_of) FROM practice_release)").fetchone()[0]
    t = cov["trusts_with_website"]
    assert t["covered"] + len(t["uncovered"]) == t["of"] and all(u["reason"] for u in t["uncovered"])
    assert any(u["code"] == "RQF" and "Welsh" in u["reason"] for u in t["uncovered"])   # Velindre, Cardiff
    m = t["names_matched"]
    assert m["matched"] + len(m["unmatched"]) == m["of"] == 213
    lsoa = cov["lsoas_with_mp"]
    assert lsoa["covered"] == lsoa["of"] == 32_844 and lsoa["split"] > 1000
