"""The JSON API against the real app and database: one error shape, per-item bulk errors,
caching headers, CORS for GET, CSP, OpenAPI."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from localnhs.api.app import BULK_LIMIT, create_app


@pytest.fixture(scope="module")
def api(db_path):
    from localnhs.api.routes import warm_bulk_lookup

    app = create_app(db_path)
    # What a server does in the background when a build starts serving (api/serving.warm): the
    # set-based bulk tests below then measure the route, not the one-off compile of a new build.
    warm_bulk_lookup(app.state.conn)
    return TestClient(app)


def _error(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()["error"]
    assert body["status"] == status and body["code"] == code and body["message"]
    return body


def test_place_json(api):
    r = api.get("/api/places/wa51qg", params={"as_of": "2016-04-01"})
    assert r.status_code == 200
    data = r.json()
    assert data["as_of"] == "2016-04-01" and data["commissioners"][0]["code"] == "02E"
    assert {t["role"] for t in data["trusts"]} == {"acute", "ambulance", "mental_health", "community"}


def test_errors(api):
    assert "valid postcode" in _error(api.get("/api/places/WA5%201Q!"), 400, "invalid_input")["message"]
    _error(api.get("/api/places/ZZ99%209ZZ"), 404, "not_found")
    assert _error(api.get("/api/places/CF10%201AA"), 404, "outside_england")["nation"] == "Wales"
    _error(api.get("/api/places/WA5%201QG", params={"as_of": "yesterday"}), 400, "invalid_input")
    _error(api.get("/api/organisations/NOPE1"), 404, "not_found")
    _error(api.get("/api/nothing-here"), 404, "not_found")
    _error(api.get("/api/search"), 400, "invalid_input")


def test_organisation_and_search(api):
    org = api.get("/api/organisations/RTV", params={"as_of": "2016-06-01"}).json()
    assert org["body"]["name"] == "5 Boroughs Partnership NHS Foundation Trust"
    assert api.get("/api/organisations/RTV").json()["body"]["successor"]["code"] == "RW4"
    hits = api.get("/api/search", params={"q": "Warrington & Halton"}).json()["results"]
    assert hits[0]["code"] == "RWW"


def test_bulk_per_item_errors(api):
    r = api.post("/api/places:bulk", json={"postcodes": ["WA5 1QG", "not a postcode", "CF10 1AA", "NN17 1AB"],
                                            "as_of": "2016-04-01"})
    assert r.status_code == 200
    results = r.json()["results"]
    assert results[0]["result"]["commissioners"][0]["code"] == "02E"
    assert results[1]["error"]["code"] == "invalid_input"
    assert results[2]["error"]["code"] == "outside_england"
    assert results[3]["result"]["commissioners"][0]["code"] == "03V"


@pytest.mark.parametrize("as_of", ["2016-04-01", None])
def test_a_bulk_answer_is_the_place_answer(api, as_of):
    """One shape for a place: each bulk result is what GET /api/places/{pc} answers for that date,
    less the nearest practices and the national bodies (and the contacts the single lookup adds)."""
    postcodes = ["WA5 1QG", "NN17 1AB", "TA1 5DA", "E1 1BB", "YO10 5DD"]
    body = {"postcodes": postcodes} | ({"as_of": as_of} if as_of else {})
    results = api.post("/api/places:bulk", json=body).json()["results"]
    for pc, item in zip(postcodes, results):
        single = api.get(f"/api/places/{pc}", params={"as_of": as_of} if as_of else {}).json()
        assert set(single) - set(item["result"]) >= {"practices", "national"}
        assert item["result"] == {k: single[k] for k in item["result"]}, pc
    _error(api.post("/api/places:bulk", json={"postcodes": ["WA5 1QG"] * (BULK_LIMIT + 1)}), 400, "invalid_input")
    _error(api.post("/api/places:bulk", json={"postcode": "WA5 1QG"}), 400, "invalid_input")


def test_headers(api):
    r = api.get("/api/places/WA5%201QG", headers={"Origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "*"
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert "max-age" in r.headers["cache-control"]
    again = api.get("/api/places/WA5%201QG", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304
    other = api.get("/api/places/WA5%201QG", params={"as_of": "2016-04-01"})
    assert other.headers["etag"] != r.headers["etag"]
    assert "server-timing" in r.headers
    head = api.head("/api/places/WA5%201QG")
    assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == r.headers["etag"]


def test_openapi_and_docs(api):
    spec = api.get("/openapi.json").json()
    ops = {"/api/v1/places/{postcode}": "get", "/api/v1/organisations/{code}": "get", "/api/v1/search": "get",
           "/api/v1/stats": "get", "/api/v1/places:bulk": "post"}
    assert set(ops) <= set(spec["paths"])
    models = {"/api/v1/places/{postcode}": "Place", "/api/v1/organisations/{code}": "Organisation",
              "/api/v1/search": "Search", "/api/v1/stats": "Stats", "/api/v1/places:bulk": "Bulk"}
    for path, method in ops.items():
        responses = spec["paths"][path][method]["responses"]
        assert "422" not in responses                    # FastAPI's default; the API answers 400
        assert {"200", "400", "429", "503"} <= set(responses), path
        schema = responses["200"]["content"]["application/json"]["schema"]
        refs = [s["$ref"] for s in schema.get("anyOf", [schema])]   # bulk: one date, or the set-based answer
        assert refs[0].endswith("/" + models[path]), (path, refs)
        assert responses["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
        assert "Retry-After" in responses["429"]["headers"]
    assert "404" in spec["paths"]["/api/v1/places/{postcode}"]["get"]["responses"]
    assert "413" in spec["paths"]["/api/v1/places:bulk"]["post"]["responses"]
    assert set(spec["components"]["schemas"]["Error"]["required"]) == {"error"}
    # the unversioned paths answer the same (aliases), outside the document
    assert api.get("/api/places/WA5%201QG").json() == api.get("/api/v1/places/WA5%201QG").json()
    assert "/api/places/{postcode}" not in spec["paths"]
    docs = api.get("/api/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text                      # works offline: Swagger UI is served from /static
    assert api.get("/static/vendor/swagger/swagger-ui-bundle.js").status_code == 200


def test_bulk_contract_says_what_the_route_takes_and_the_route_refuses_the_rest(api):
    """The bulk request in the document is the model the route reads (dates or a list of dates,
    fields from the enrich columns, json or csv), and what falls outside it is a 400, not a guess."""
    from localnhs.export import ALL_FIELDS

    spec = api.get("/openapi.json").json()
    op = spec["paths"]["/api/v1/places:bulk"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/BulkRequest"}
    req = spec["components"]["schemas"]["BulkRequest"]["properties"]
    assert {"type": "array", "minItems": 1} .items() <= [s for s in req["as_of"]["anyOf"] if s.get("type") == "array"][0].items()
    assert req["fields"]["anyOf"][0]["items"]["enum"] == list(ALL_FIELDS)
    assert set(op["responses"]["200"]["content"]) == {"application/json", "text/csv"}
    assert [p["schema"] for p in op["parameters"] if p["name"] == "format"] == [{"type": "string", "enum": ["json", "csv"]}]
    for body, query in (({"postcodes": ["WA5 1QG"], "format": {}}, ""), ({"postcodes": ["WA5 1QG"]}, "?format="),
                        ({"postcodes": ["WA5 1QG"], "as_of": []}, ""), ({"postcodes": ["WA5 1QG"], "as_of": {}}, ""),
                        ({"postcodes": ["WA5 1QG"], "format": "csv"}, "?format=xml")):
        r = api.post("/api/v1/places:bulk" + query, json=body)
        assert r.status_code == 400, (body, query, r.text)
        assert r.json()["error"]["code"] == "invalid_input"
    r = api.post("/api/v1/places:bulk", json={"postcodes": ["WA5 1QG"], "as_of": ["2016-04-01"], "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv") and "WA5 1QG" in r.text
