"""`localnhs serve --workers 2` on loopback runs with the same server settings as one process:
the guarded HTTP protocol (header timeout, answers in the error shape), JSON access logs with
request ids, the build named on every response, and the start-up page check reported by /readyz."""

from __future__ import annotations

import json
import socket
import urllib.request

from live import error_of, parse, read_all, ready, serving


def test_two_workers_keep_the_header_timeout_json_logs_and_build(db_path, conn, tmp_path):
    build_id = dict(conn.execute("SELECT key, value FROM meta").fetchall())["build_id"]
    log = tmp_path / "serve.log"
    with serving(db_path, log=log, workers=2, header_timeout_s=1, keep_alive_s=1) as (base, port):
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")   # a request head never finished
            status, _, body = parse(read_all(s))
        assert status == 408 and error_of(body)["code"] == "request_timeout"
        req = urllib.request.Request(base + "/api/places/WA5%201QG", headers={"X-Request-Id": "workers-test-1"})
        with urllib.request.urlopen(req, timeout=30) as r:
            assert r.headers["X-Data-Build"] == build_id and r.headers["X-Request-Id"] == "workers-test-1"
            assert json.loads(r.read())["location"]["postcode"] == "WA5 1QG"
        state = ready(base)
        assert state["build"]["id"] == build_id and state["integrity_check_at_start"] == "ok"
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    access = [x for x in lines if x.get("logger") == "localnhs.access" and x.get("request_id") == "workers-test-1"]
    assert len(access) == 1 and access[0]["status"] == 200 and access[0]["build"] == build_id
