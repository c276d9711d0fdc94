"""Limits against a real `localnhs serve` on loopback: body size (413), bulk budget and concurrency
(429 + Retry-After), per-client rate limit, request timeout, work stopped when the client leaves,
bounded PDF rendering, header/idle timeouts, oversized headers, and the small input faults."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time

import pytest
from live import error_of, parse, raw, read_all, ready, request, serving, until


@pytest.fixture(scope="module")
def postcodes(conn) -> list[str]:
    """10,000 live English postcodes spread over the country (every n-th in order), so a bulk
    request of them is real work in thousands of areas - seconds even once answers are compiled,
    not the few neighbourhoods the first 10,000 in order would be."""
    rows = conn.execute("SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' "
                        "ORDER BY pcd").fetchall()
    step = max(1, len(rows) // 10_000)
    return [r[0] for r in rows[::step]][:10_000]


@pytest.fixture(scope="module")
def tight(db_path):
    """A server with tight limits: one bulk at a time, 3 s per request, one PDF and no queue,
    1 s to send a request head, 1 s idle keep-alive."""
    with serving(db_path, bulk_concurrency=1, request_timeout_s=3, pdf_concurrency=1, pdf_queue=0,
                 header_timeout_s=1, keep_alive_s=1, max_body_bytes=1_000_000) as live:
        yield live


@pytest.fixture(scope="module")
def one_pdf(db_path):
    """A server that renders one briefing PDF at a time and queues none."""
    with serving(db_path, pdf_concurrency=1, pdf_queue=0) as live:
        yield live



def _until(check, bound_s=30.0):
    return until(check, bound_s)


def test_body_over_the_limit_is_413_in_the_error_shape(tight):
    base, port = tight
    # declared too large: refused before a byte of it is read
    status, headers, body = request(port, "POST", "/api/places:bulk",
                                    headers={"Content-Length": str(100_000_000)})
    assert status == 413 and error_of(body)["code"] == "payload_too_large"
    # chunked, no length: refused once the limit is passed
    chunk = b'{"postcodes": ["' + b"A" * 300_000 + b'"]}'
    data = (b"POST /api/places:bulk HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: application/json\r\n\r\n")
    data += b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(4)) + b"0\r\n\r\n"
    status, _, body = parse(raw(port, data))
    assert status == 413 and error_of(body)["status"] == 413
    # the postcodes.io routes answer in postcodes.io's shape
    status, _, body = request(port, "POST", "/postcodesio/postcodes", headers={"Content-Length": "5000000"})
    assert status == 413 and json.loads(body)["status"] == 413 and json.loads(body)["error"]
    assert ready(base)["limits"]["too_large"] >= 3


def test_bulk_concurrency_429_timeout_503_and_the_work_stops(tight, postcodes):
    base, port = tight
    big = _slow_bulk(postcodes)
    before = ready(base)["limits"]
    first: dict = {}

    def slow():
        first["answer"] = request(port, "POST", "/api/places:bulk", big)

    t = threading.Thread(target=slow)
    t.start()
    assert _until(lambda: _busy(base))
    status, headers, body = request(port, "POST", "/api/places:bulk", json.dumps({"postcodes": ["WA5 1QG"]}).encode())
    assert status == 429 and int(headers["retry-after"]) >= 1 and error_of(body)["code"] == "too_busy"
    t.join(60)
    status, headers, body = first["answer"]
    # 10,000 postcodes worked out take longer than this server's 3 s: stopped, answered 503 with Retry-After
    assert status == 503 and error_of(body)["code"] == "timeout" and headers["retry-after"]
    assert _until(lambda: ready(base)["limits"]["work_stopped"] > before["work_stopped"])
    # and the slot is free again
    assert _until(lambda: request(port, "POST", "/api/places:bulk",
                                  json.dumps({"postcodes": ["WA5 1QG"]}).encode())[0] == 200)


def _slow_bulk(postcodes) -> bytes:
    """A bulk request of 10,000 postcodes on a date no build compiles answers for (2019-06-01): each
    is worked out, tens of seconds of work, where on the build's own day the compiled answers take
    a second or two (and the request could end before the limits it tests)."""
    return json.dumps({"postcodes": postcodes, "as_of": "2019-06-01"}).encode()


def _busy(base) -> bool:
    return ready(base)["limits"]["bulk_in_flight"] > 0


def test_bulk_stops_when_its_client_goes_away(tight, postcodes):
    base, port = tight
    big = _slow_bulk(postcodes)
    before = ready(base)["limits"]
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /api/places:bulk HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              b"Content-Length: %d\r\n\r\n%s" % (len(big), big))
    assert _until(lambda: _busy(base))   # admitted
    time.sleep(1.0)                      # and working on it (10,000 postcodes take several seconds)
    s.close()                            # the client leaves
    assert _until(lambda: ready(base)["limits"]["client_gone"] > before["client_gone"])
    assert _until(lambda: ready(base)["limits"]["work_stopped"] > before["work_stopped"])
    assert ready(base)["limits"]["timed_out"] == before["timed_out"]  # stopped for leaving, not by the clock


def test_pdf_cached_per_build(one_pdf):
    base, port = one_pdf
    first = request(port, "GET", "/places/WA5%201QG/briefing.pdf", timeout=90)
    assert first[0] == 200 and first[2].startswith(b"%PDF") and "x-cache" not in first[1]
    again = request(port, "GET", "/places/WA5%201QG/briefing.pdf")   # the same PDF again: from the cache
    assert again[0] == 200 and again[1].get("x-cache") == "hit" and again[2] == first[2]
    assert ready(base)["limits"]["pdf_cache_hits"] == 1


def test_half_open_and_idle_connections_are_closed(tight):
    _, port = tight
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")   # a request head never finished
        status, _, body = parse(read_all(s))
    assert status == 408 and error_of(body)["code"] == "request_timeout"
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:  # connects, says nothing
        assert parse(read_all(s))[0] == 408
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:  # keep-alive, then idle
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = read_all(s)   # returns only because the server closes the idle connection
    assert answer.startswith(b"HTTP/1.1 200")


def test_oversized_headers_and_nul_in_request_line_answer_in_the_error_shape(tight):
    _, port = tight
    status, headers, body = parse(raw(port, b"GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40_000 + b"\r\n\r\n"))
    # refused by the HTTP parser's guard (400) or, past it, by the app's measure (431): in the error shape
    assert status in (400, 431) and headers["content-type"] == "application/json"
    assert error_of(body)["code"] in ("bad_request", "headers_too_large")
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:   # the same, arriving in pieces
        s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: ")
        try:
            for _ in range(40):
                s.sendall(b"a" * 1000)
                time.sleep(0.01)  # arrive as pieces: h11 measures the head while it is incomplete
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused part way, as it should be; the answer is already in our receive buffer
        status, headers, body = parse(read_all(s))
    # h11 measures the incomplete head (400); httptools counts a header once it is whole, so a trickled
    # one is cut off by the header timeout instead (408): refused either way, in the error shape
    assert status in (400, 408) and error_of(body)["code"] in ("bad_request", "request_timeout")
    status, _, body = parse(raw(port, b"GET /api/places/WA5\x001QG HTTP/1.1\r\nHost: x\r\n\r\n"))
    assert status == 400 and error_of(body)["status"] == 400
    status, _, body = request(port, "GET", "/api/places/WA5%001QG")   # a NUL the app sees
    assert status == 400 and error_of(body)["code"] == "invalid_input"


def test_lone_surrogate_in_a_bulk_body_is_400(tight):
    _, port = tight
    status, _, body = request(port, "POST", "/api/places:bulk", b'{"postcodes": ["WA5 1QG", "\\ud800"]}')
    assert status == 400 and "postcodes[1]" in error_of(body)["message"]


def test_rate_limit_per_client(db_path):
    with serving(db_path, rate_per_s=1, rate_burst=3, rate_loopback=1) as (base, port):
        answers = [request(port, "GET", "/api/stats") for _ in range(6)]   # (the start-up probe took one)
    assert answers[0][0] == 200 and {a[0] for a in answers} == {200, 429}
    limited = [a for a in answers if a[0] == 429]
    assert limited and int(limited[0][1]["retry-after"]) >= 1 and error_of(limited[0][2])["code"] == "rate_limited"


def test_loopback_is_not_rate_limited_by_default(db_path):
    with serving(db_path, rate_per_s=1, rate_burst=3) as (base, port):
        assert {request(port, "GET", "/healthz")[0] for _ in range(10)} == {200}


def test_near_rejects_a_negative_count(db_path):
    r = subprocess.run([sys.executable, "-m", "localnhs", "near", "WA5 1QG", "-n", "-5"], capture_output=True,
                       text=True, env={"LOCALNHS_DB": str(db_path), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 2 and "-n" in r.stderr and "Traceback" not in r.stderr
