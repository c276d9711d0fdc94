"""The postcodes.io-compatible API against the real app and database: postcodes.io's routes,
shapes and messages; facts checked against the shipped raw files, not against our own code."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from localnhs.api.app import create_app
from localnhs.api.postcodesio import BULK_POSTCODES_MAX
from localnhs.query.postcodesio import CODES, FIELDS

P = "/postcodesio"


@pytest.fixture(scope="module")
def api(db_path):
    return TestClient(create_app(db_path))


@pytest.fixture(scope="module")
def ccgs_json(raw):
    return json.loads((raw / "onspd_names_codes_postcodesio" / "ccgs.json").read_text(encoding="utf-8-sig"))


def _ok(r):
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == 200
    return body["result"]


def _err(r, status, message):
    assert r.status_code == status, r.text
    body = r.json()
    assert (body["status"], body["error"]) == (status, message)
    assert set(body) <= {"status", "error", "terminated"}


def test_lookup_acceptance(api, ccgs_json):
    res = _ok(api.get(f"{P}/postcodes/SW1A1AA"))
    assert res["postcode"] == "SW1A 1AA" and res["admin_district"] == "Westminster"
    assert res["codes"]["ccg"].startswith("E38")
    # The ODS code of that sub-ICB location, as the ONSPD names-and-codes list gives it.
    assert res["codes"]["ccg_id"] == ccgs_json[res["codes"]["ccg"]]["ccg19cdh"]
    assert res["ccg"] == ccgs_json[res["codes"]["ccg"]]["name"]
    assert (res["outcode"], res["incode"], res["country"]) == ("SW1A", "1AA", "England")
    # Code-Point Open's grid reference for SW1A 1AA (codepo_gb/Data/CSV/sw.csv).
    assert (res["eastings"], res["northings"], res["quality"]) == (529090, 179645, 1)
    # NHS North West London ICB (QRV) merged into NHS West and North London (Z9B2Z) on 1 April 2026.
    assert res["codes"]["icb_id"] == "Z9B2Z" and res["codes"]["icb"] is None
    march = _ok(api.get(f"{P}/postcodes/SW1A1AA", params={"as_of": "2026-03-31"}))
    assert march["codes"]["icb"].startswith("E54") and march["codes"]["icb_id"] == "QRV"
    assert res["admin_ward"] == "St James's" and res["codes"]["admin_ward"] == "E05013806"


def _codepoint_line(raw, pcd: str) -> list[str]:
    import re
    import zipfile

    area = re.match(r"[A-Z]+", pcd).group(0).lower()  # one CSV per postcode area
    with zipfile.ZipFile(raw / "os_codepoint_open" / "codepo_gb_2025.4.0.zip") as zf:
        for line in zf.read(f"codepo_gb/Data/CSV/{area}.csv").decode().splitlines():
            if line.startswith(f'"{pcd}"'):
                return [x.strip('"') for x in line.split(",")]
    raise AssertionError(f"{pcd} not in Code-Point")


@pytest.mark.parametrize("pcd,region", [("SW1A 1AA", "London"), ("WA5 1QG", "North West"), ("CF10 1EP", None)])
def test_health_authority_and_region(api, raw, pcd, region):
    """nhs_ha is Code-Point's own health authority code for the postcode, named by the ONSPD list."""
    names = json.loads((raw / "onspd_names_codes_postcodesio" / "nhsHa.json").read_text(encoding="utf-8-sig"))
    res = _ok(api.get(f"{P}/postcodes/{pcd}"))
    assert res["nhs_ha"] == names[_codepoint_line(raw, pcd)[6]]
    assert res["region"] == region


def test_every_postcodesio_field_is_present(api):
    res = _ok(api.get(f"{P}/postcodes/WA5 1QG"))
    assert list(res)[:len(FIELDS)] == list(FIELDS) and "codes" in res
    assert set(CODES) <= set(res["codes"])
    assert "as_of" not in res  # only when asked for


def test_april_2026_successor_icb(api):
    """Cambridge's ICB (QUE) merged into NHS Central East on 1 April 2026 (icb_2026/ successions)."""
    before = _ok(api.get(f"{P}/postcodes/CB2 1TN", params={"as_of": "2026-03-31"}))
    assert before["codes"]["icb_id"] == "QUE" and before["codes"]["icb"].startswith("E54")
    after = _ok(api.get(f"{P}/postcodes/CB2 1TN", params={"as_of": "2026-04-01"}))
    assert after["codes"]["icb_id"] == "S1Y5D" and after["codes"]["icb"] is None
    assert "Central East" in after["icb"]


def test_2016_ccg(api):
    res = _ok(api.get(f"{P}/postcodes/WA51QG", params={"as_of": "2016-04-01"}))
    assert res["ccg"] == "NHS Warrington CCG" and res["codes"]["ccg_id"] == "02E"
    assert res["codes"]["ccg"] == "E38000194" and res["icb"] is None and res["as_of"] == "2016-04-01"
    today = _ok(api.get(f"{P}/postcodes/WA51QG"))
    assert today["ccg"] == "NHS Cheshire and Merseyside" and today["codes"]["icb_id"] == "QYG"


def test_sub_icb_names_match_postcodesio(api, ccgs_json, conn):
    """Our names for today's sub-ICB locations are postcodes.io's, for every one in England."""
    from localnhs.query import postcodesio as q

    ref = q.reference(conn)
    ours = {code: q.sub_icb_name(a["name"]) for (t, v, code), a in ref.areas.items() if t == "sub_icb" and v == "2024"}
    shared = set(ours) & set(ccgs_json)
    assert len(shared) >= 100
    assert {c: ours[c] for c in shared} == {c: ccgs_json[c]["name"] for c in shared}


def test_errors_in_postcodesio_shape(api):
    _err(api.get(f"{P}/postcodes/NOTAPOSTCODE"), 404, "Invalid postcode")
    _err(api.get(f"{P}/postcodes/ZZ99 9ZZ"), 404, "Postcode not found")
    r = api.get(f"{P}/postcodes/AL1 1AA")  # terminated May 1994 (ONS postcode lookup)
    _err(r, 404, "Postcode not found")
    assert r.json()["terminated"]["year_terminated"] == 1994 and r.json()["terminated"]["month_terminated"] == 5
    _err(api.get(f"{P}/postcodes", params={"q": " "}), 400,
         "No postcode query submitted. Remember to include query parameter")
    # a control character is text to the contract's pattern (\S) and to JavaScript's trim(): searched, not refused
    r = api.get(f"{P}/postcodes", params={"q": "\x1d"})
    assert r.status_code == 200 and r.json() == {"status": 200, "result": None}
    _err(api.get(f"{P}/postcodes", params={"lon": "x", "lat": "51"}), 400, "Invalid longitude/latitude submitted")
    _err(api.get(f"{P}/postcodes", params={"lon": "-0.14", "lat": "51.5", "limit": "many"}), 400,
         "Invalid result limit submitted")
    _err(api.get(f"{P}/postcodes/SW1A1AA", params={"as_of": "yesterday"}), 400,
         "Invalid as_of date submitted: give YYYY-MM-DD, e.g. 2016-04-01 (got 'yesterday')")
    _err(api.get(f"{P}/outcodes/ZZ99"), 404, "Outcode not found")
    _err(api.get(f"{P}/terminated_postcodes/SW1A1AA"), 404, "Terminated postcode not found")
    _err(api.get(f"{P}/no/such/route"), 404, "Resource not found")
    assert api.get(f"{P}/scotland/postcodes/AB101XG").status_code == 404
    _err(api.get(f"{P}/places"), 404, "Place not found")
    r = api.post(f"{P}/postcodes", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["error"].startswith("Invalid JSON query submitted.")


def test_bulk_lookup(api):
    r = api.post(f"{P}/postcodes", json={"postcodes": ["WA5 1QG", "not one", 7, "AL1 1AA", "sw1a1aa"]})
    res = _ok(r)
    assert [x["query"] for x in res] == ["WA5 1QG", "not one", "AL1 1AA", "sw1a1aa"]  # non-strings dropped
    assert [x["result"]["postcode"] if x["result"] else None for x in res] == ["WA5 1QG", None, None, "SW1A 1AA"]
    big = ["WA5 1QG"] * (BULK_POSTCODES_MAX + 1)
    _err(api.post(f"{P}/postcodes", json={"postcodes": big}), 400,
         f"Too many postcodes submitted. Up to {BULK_POSTCODES_MAX} postcodes can be bulk requested at a time")
    _err(api.post(f"{P}/postcodes", json={"postcodes": "WA5 1QG"}), 400,
         "Invalid data submitted. You need to provide a JSON array")
    filtered = _ok(api.post(f"{P}/postcodes", params={"filter": "postcode,longitude, codes,nonsense"},
                            json={"postcodes": ["WA5 1QG"]}))
    assert list(filtered[0]["result"]) == ["postcode", "longitude", "codes"]
    dated = _ok(api.post(f"{P}/postcodes", params={"as_of": "2016-04-01"}, json={"postcodes": ["WA5 1QG"]}))
    assert dated[0]["result"]["codes"]["ccg_id"] == "02E"


def test_reverse_geocoding(api):
    here = _ok(api.get(f"{P}/postcodes/SW1A1AA"))
    near = _ok(api.get(f"{P}/postcodes", params={"lon": here["longitude"], "lat": here["latitude"], "limit": 5,
                                                 "radius": 500}))
    assert near[0]["postcode"] == "SW1A 1AA" and near[0]["distance"] < 1
    assert [n["distance"] for n in near] == sorted(n["distance"] for n in near) and len(near) == 5
    assert all(n["distance"] <= 500 for n in near)
    assert _ok(api.get(f"{P}/postcodes/SW1A1AA/nearest", params={"limit": 3}))[0]["postcode"] == "SW1A 1AA"
    assert _ok(api.get(f"{P}/postcodes/lon/{here['longitude']}/lat/{here['latitude']}"))[0]["postcode"] == "SW1A 1AA"
    # The middle of the North Sea: nothing within 2 km; widesearch looks to 20 km.
    assert _ok(api.get(f"{P}/postcodes", params={"lon": 2.5, "lat": 54.5})) is None
    bulk = _ok(api.post(f"{P}/postcodes", json={"geolocations": [
        {"longitude": here["longitude"], "latitude": here["latitude"], "limit": 2, "radius": 500, "x": 1},
        {"longitude": 2.5, "latitude": 54.5}]}))
    assert bulk[0]["query"] == {"longitude": here["longitude"], "latitude": here["latitude"], "limit": 2, "radius": 500}
    assert len(bulk[0]["result"]) == 2 and bulk[1]["result"] is None


def test_search_validate_autocomplete_random(api):
    assert [r["postcode"] for r in _ok(api.get(f"{P}/postcodes", params={"q": "sw1a1aa"}))] == ["SW1A 1AA"]
    partial = _ok(api.get(f"{P}/postcodes", params={"q": "SW1A 1", "limit": 3}))
    assert len(partial) == 3 and all(r["postcode"].startswith("SW1A 1") for r in partial)
    compact = _ok(api.get(f"{P}/postcodes", params={"q": "WA51Q"}))
    assert compact and all(r["postcode"].startswith("WA5 1Q") for r in compact)
    assert _ok(api.get(f"{P}/postcodes/SW1A1AA/validate")) is True
    assert _ok(api.get(f"{P}/postcodes/AL11AA/validate")) is False  # terminated
    assert _ok(api.get(f"{P}/postcodes/rubbish/validate")) is False
    auto = _ok(api.get(f"{P}/postcodes/WA5/autocomplete"))
    assert len(auto) == 10 and all(p.startswith("WA5 ") for p in auto)
    r = api.get(f"{P}/random/postcodes", params={"outcode": "wa5"})
    assert _ok(r)["outcode"] == "WA5" and r.headers["cache-control"] == "no-store"
    assert _ok(api.get(f"{P}/random/postcodes"))["postcode"]
    assert _ok(api.get(f"{P}/random/postcodes", params={"outcode": "ZZ99"})) is None


def test_outcodes_and_terminated(api):
    sw1a = _ok(api.get(f"{P}/outcodes/sw1a"))
    assert sw1a["outcode"] == "SW1A" and "Westminster" in sw1a["admin_district"] and sw1a["country"] == ["England"]
    nearest = _ok(api.get(f"{P}/outcodes/SW1A/nearest", params={"limit": 3}))
    assert nearest[0]["outcode"] == "SW1A" and len(nearest) == 3
    by_point = _ok(api.get(f"{P}/outcodes", params={"lon": sw1a["longitude"], "lat": sw1a["latitude"]}))
    assert by_point[0]["outcode"] == "SW1A"
    t = _ok(api.get(f"{P}/terminated_postcodes/AL11AA"))
    assert t == {"postcode": "AL1 1AA", "year_terminated": 1994, "month_terminated": 5, "longitude": None,
                 "latitude": None}


def test_nhs_extension(api):
    res = _ok(api.get(f"{P}/postcodes/WA5 1QG", params={"nhs": "true", "as_of": "2016-04-01"}))
    nhs = res["nhs"]
    assert nhs["commissioners"][0]["code"] == "02E"
    assert set(nhs["trusts"]) == {"acute", "ambulance", "mental_health", "community"}
    assert nhs["practices"] and nhs["healthwatch"]["name"].startswith("Healthwatch")
    assert _ok(api.get(f"{P}/postcodes/CF10 1EP", params={"nhs": "true"}))["nhs"] is None  # Wales


def test_cors_allows_cross_origin_bulk(api):
    r = api.options(f"{P}/postcodes", headers={"origin": "https://example.org",
                                               "access-control-request-method": "POST",
                                               "access-control-request-headers": "content-type"})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    r = api.get(f"{P}/postcodes/SW1A1AA", headers={"origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "*"


def test_root_mount_keeps_web_pages(db_path, monkeypatch):
    monkeypatch.setenv("LOCALNHS_POSTCODESIO_ROOT", "1")
    root = TestClient(create_app(db_path))
    assert _ok(root.get("/postcodes/SW1A1AA"))["postcode"] == "SW1A 1AA"
    assert _ok(root.get("/postcodesio/postcodes/SW1A1AA"))["postcode"] == "SW1A 1AA"
    page = root.get("/places/WA51QG")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


def test_openapi_documents_the_compatible_api(api):
    paths = api.get("/openapi.json").json()["paths"]
    assert f"{P}/postcodes/{{postcode}}" in paths and "post" in paths[f"{P}/postcodes"]


def test_parliamentary_constituency_where_one_seat_holds_the_neighbourhood(api, conn):
    res = _ok(api.get(f"{P}/postcodes/SW1A1AA"))
    assert res["parliamentary_constituency"] == res["parliamentary_constituency_2024"] == "Cities of London and Westminster"
    assert res["codes"]["parliamentary_constituency_2024"] == "E14001172"   # pcon_2024_lookup.json
    # A postcode whose neighbourhood is split between seats (no seat with 99% of its people) is null, not guessed.
    row = conn.execute(
        "SELECT p.pcd FROM postcode p WHERE p.status = 'live' AND p.country = 'E92000001' AND p.lsoa11 IN "
        "(SELECT lsoa11 FROM constituency_overlap GROUP BY lsoa11 HAVING max(share) < 0.9) LIMIT 1").fetchone()
    split = _ok(api.get(f"{P}/postcodes/{row['pcd']}"))
    assert split["parliamentary_constituency"] is None and split["codes"]["parliamentary_constituency_2024"] is None
