"""The answer cache in the real app: a repeated lookup is answered from memory with the same
status, body and headers the app gave it (ETag, X-Data-Build, CORS for a cross-origin request),
conditional requests still get their 304, and the admission checks outside it still apply."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from localnhs.api.app import create_app
from localnhs.api.limits import Limits


@pytest.fixture(scope="module")
def api(db_path):
    return TestClient(create_app(db_path, check_pages=False))


SAME = ("etag", "x-data-build", "content-type", "content-security-policy", "cache-control")


@pytest.mark.parametrize("path", ["/api/v1/places/NN17%201AB", "/api/places/WA5%201QG?as_of=2016-04-01",
                                  "/places/TA1%205DA"])
def test_a_repeat_is_answered_from_the_cache_with_the_same_answer(api, path):
    first, again = api.get(path), api.get(path)
    assert first.status_code == again.status_code == 200
    assert "x-cache" not in first.headers and again.headers["x-cache"] == "hit"
    assert again.content == first.content
    assert {h: again.headers.get(h) for h in SAME} == {h: first.headers.get(h) for h in SAME}
    assert "server-timing" in again.headers


def test_cors_follows_the_request_not_the_cached_copy(api):
    path = "/api/places/YO10%205DD"
    plain = api.get(path)
    crossed = api.get(path, headers={"Origin": "https://example.org"})
    crossed_again = api.get(path, headers={"Origin": "https://example.org"})
    plain_again = api.get(path)
    assert "access-control-allow-origin" not in plain.headers and "access-control-allow-origin" not in plain_again.headers
    assert crossed.headers["access-control-allow-origin"] == crossed_again.headers["access-control-allow-origin"] == "*"
    assert plain_again.headers["x-cache"] == crossed_again.headers["x-cache"] == "hit"


def test_a_conditional_request_still_gets_304(api):
    path = "/api/places/E1%201BB"
    tag = api.get(path).headers["etag"]
    api.get(path)  # now cached
    r = api.get(path, headers={"If-None-Match": tag})
    assert r.status_code == 304 and r.content == b"" and r.headers["etag"] == tag


def test_the_rate_limit_applies_to_cached_answers_too(db_path):
    limits = Limits(rate_per_s=1.0, rate_burst=2, rate_loopback=True)
    client = TestClient(create_app(db_path, check_pages=False, limits=limits))
    statuses = [client.get("/api/places/WA5%201QG").status_code for _ in range(4)]
    assert statuses[:2] == [200, 200] and 429 in statuses[2:]


def test_a_server_opens_a_compiled_bulk_lookup_on_the_first_bulk_request(db_path):
    """A starting server leaves the build's compiled bulk lookup closed (it holds ~165 MB that single
    place answers never use); the first set-based bulk request opens it and is answered from it."""
    import time

    from localnhs.api.routes import bulk_lookup, warm_bulk_lookup
    from localnhs.store.db import connect

    conn = connect(db_path)
    assert warm_bulk_lookup(conn, compile=True)  # as `localnhs build` leaves it
    conn.close()
    app = create_app(db_path, check_pages=False)
    with TestClient(app) as client:
        assert client.get("/api/places/WA5%201QG").status_code == 200
        time.sleep(1)
        lookup = bulk_lookup(app.state.conn)
        assert lookup._facts is None
        r = client.post("/api/places:bulk", json={"postcodes": ["WA5 1QG"], "fields": ["icb"]})
        assert r.status_code == 200, r.text
        assert lookup._facts is not None and lookup._facts.num_rows > 2_000_000


def test_a_server_does_not_compile_a_missing_lookup_on_its_own(db_path, tmp_path, monkeypatch):
    """Compiling takes tens of seconds and ~1 GB: a server starting up leaves it to `localnhs
    build` (or the first bulk request), so its start stays cheap."""
    import time

    from localnhs.api.routes import bulk_lookup

    monkeypatch.setenv("LOCALNHS_LOOKUP", str(tmp_path / "lookup"))
    app = create_app(db_path, check_pages=False)
    with TestClient(app):
        time.sleep(2)
        assert bulk_lookup(app.state.conn)._facts is None
        assert not (tmp_path / "lookup").exists() or not any((tmp_path / "lookup").rglob("facts.arrow"))
