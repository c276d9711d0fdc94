"""The contract and observability against the real app: one error shape (CORS preflight refusal,
405 with Allow, NUL in the path), /api/v1 with the old paths as aliases, request ids, JSON logs
with the traceback kept from the client, and /metrics in the Prometheus text format."""

from __future__ import annotations

import io
import json
import logging

import pytest
from fastapi.testclient import TestClient
from live import error_of, ready, request, serving

from localnhs.api.app import create_app
from localnhs.api.observe import JsonFormatter


@pytest.fixture(scope="module")
def app(db_path):
    return create_app(db_path)


@pytest.fixture(scope="module")
def api(app):
    return TestClient(app, raise_server_exceptions=False)


def test_cors_preflight_refused_in_the_error_shape(api):
    r = api.options("/api/v1/places:bulk", headers={"Origin": "https://example.org",
                                                    "Access-Control-Request-Method": "DELETE"})
    assert r.status_code == 400 and r.headers["content-type"] == "application/json"
    assert error_of(r.content)["code"] == "cors_preflight_refused"
    ok = api.options("/api/v1/places:bulk", headers={"Origin": "https://example.org",
                                                     "Access-Control-Request-Method": "POST",
                                                     "Access-Control-Request-Headers": "content-type"})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "*"


def test_405_names_the_allowed_methods(api):
    r = api.get("/api/v1/places:bulk")
    assert r.status_code == 405 and r.headers["allow"] == "POST" and error_of(r.content)["code"] == "method_not_allowed"
    r = api.delete("/api/v1/places/WA5%201QG")
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
    r = api.put("/postcodesio/postcodes")    # postcodes.io's routes keep postcodes.io's shape
    assert r.status_code == 405 and set(r.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}
    assert r.json() == {"status": 405, "error": "Method not allowed"}


def test_versioned_prefix_and_aliases(api):
    v1 = api.get("/api/v1/stats")
    assert v1.status_code == 200 and v1.json() == api.get("/api/stats").json()
    assert api.post("/api/v1/places:bulk", json={"postcodes": ["WA5 1QG"]}).json()["results"][0]["result"]["location"]["postcode"] == "WA5 1QG"
    assert api.get("/api/v1/places/WA5%001QG").status_code == 400   # a NUL the app sees: 400, in the shape
    error_of(api.get("/api/v1/places/WA5%001QG").content)
    assert error_of(api.get("/api/v1/stats", params={"as_of": "20160401"}).content)["code"] == "invalid_input"


def test_request_id_echoed_or_made(api):
    r = api.get("/healthz", headers={"X-Request-Id": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    made = api.get("/healthz", headers={"X-Request-Id": "no spaces; or <tags>"}).headers["x-request-id"]
    assert made != "no spaces; or <tags>" and len(made) == 32
    assert api.get("/api/v1/places/ZZ99%209ZZ").headers["x-request-id"]


def test_unexpected_error_is_a_500_in_the_shape_with_the_traceback_only_in_the_log(db_path):
    app = create_app(db_path, check_pages=False)

    @app.get("/api/v1/boom", include_in_schema=False)
    def boom():
        raise RuntimeError("secret internals")

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    log = logging.getLogger("localnhs.error")
    log.addHandler(handler)
    try:
        r = TestClient(app, raise_server_exceptions=False).get("/api/v1/boom", headers={"X-Request-Id": "rid-42"})
    finally:
        log.removeHandler(handler)
    assert r.status_code == 500 and "secret" not in r.text and "Traceback" not in r.text
    body = error_of(r.content)
    assert body["code"] == "internal_error" and body["request_id"] == "rid-42"
    line = json.loads(stream.getvalue().splitlines()[-1])
    assert line["request_id"] == "rid-42" and line["level"] == "error"
    assert "RuntimeError: secret internals" in line["traceback"]


def test_metrics_and_json_access_log_on_the_real_server(db_path, tmp_path):
    log = tmp_path / "serve.log"
    with serving(db_path, log=log) as (base, port):
        request(port, "GET", "/api/v1/places/WA5%201QG", headers={"X-Request-Id": "load-1"})
        request(port, "GET", "/api/v1/places/ZZ99%209ZZ")
        status, headers, body = request(port, "GET", "/metrics")
        build = ready(base)["build"]["id"]
    text = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/plain")
    assert 'localnhs_request_duration_seconds_bucket{le="0.05",method="GET",route="/api/v1/places/{postcode}"}' in text
    assert 'localnhs_responses_total{status="404"} 1.0' in text
    assert f'localnhs_build_age_seconds{{build="{build}"}}' in text
    lines = [json.loads(x) for x in log.read_text().splitlines() if x.startswith("{")]
    access = [x for x in lines if x["logger"] == "localnhs.access"]
    first = next(x for x in access if x["request_id"] == "load-1")
    assert first["status"] == 200 and first["path"] == "/api/v1/places/WA5 1QG" and first["build"] == build
    assert any(x["status"] == 404 for x in access)
    # the request just before the server stopped is logged too (access lines are buffered; the
    # server writes them out as it shuts down)
    assert access[-1]["path"] == "/readyz" and access[-1]["status"] == 200
