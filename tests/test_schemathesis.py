"""Schemathesis against the real server (`localnhs serve`, started by localnhs.api.launch) over
the OpenAPI document it publishes: every check schemathesis has (server errors, status codes,
content types, headers and bodies against the document, negative data rejected and positive
data accepted, 405s with Allow, ...) plus tests/schemathesis_checks.py (every error in the API's
one error shape), on the examples, coverage and fuzzing phases, bounded by examples per
operation and a time budget. The test fails on any failure of any check.

max_response_time runs with a hang guard's bound (120 s; the server stops any request at 60 s):
a response time is a timing, and timings belong in bench/ (bench/bulk_dates.py for the bulk
route's new dates), never in a test's verdict on a shared machine.

The run's figures (requests, failures by check) are printed; the command, to run by hand against
a server: see COMMAND below.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from live import request, serving

MAX_EXAMPLES = 30
MAX_TIME_S = 150
SEED = 20261203
COMMAND = ["run", "{base}/openapi.json", "--checks", "all", "--max-response-time", "120",
           "--phases", "examples,coverage,fuzzing", "--max-examples", str(MAX_EXAMPLES),
           "--max-time", str(MAX_TIME_S), "--seed", str(SEED), "--workers", "1",
           "--generation-database", "none", "--request-timeout", "60", "--no-color"]


def figures(ndjson: Path) -> tuple[int, collections.Counter, set[str]]:
    """(requests sent, failures by check, operations tested) from schemathesis's event stream."""
    requests, failures, operations = 0, collections.Counter(), set()
    for line in ndjson.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished["recorder"]
        operations.add(recorder["label"])
        requests += len(recorder.get("interactions") or {})
        for checks in (recorder.get("checks") or {}).values():
            for check in checks:
                if check["status"] == "failure":
                    failures[check["name"]] += 1
    return requests, failures, operations


@pytest.mark.timeout(MAX_TIME_S + 420)
def test_schemathesis_all_checks_against_the_real_server(db_path, tmp_path):
    ndjson = tmp_path / "events.ndjson"
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "schemathesis_checks",
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
    with serving(db_path) as (base, port):
        # The first set-based bulk request of a build compiles the build's bulk lookup (once per
        # build, kept on disk); compiled here, so the run exercises the API rather than that.
        status, _, _ = request(port, "POST", "/api/v1/places:bulk", timeout=600,
                               body=b'{"postcodes": ["WA5 1QG"], "as_of": ["today"]}')
        assert status == 200
        doc = json.loads(urllib.request.urlopen(base + "/openapi.json", timeout=30).read())
        documented = {f"{m.upper()} {p}" for p, ops in doc["paths"].items() for m in ops}
        cmd = [sys.executable, "-m", "schemathesis.cli", *(a.format(base=base) for a in COMMAND),
               "--report", "ndjson", "--report-ndjson-path", str(ndjson)]
        run = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=MAX_TIME_S + 300)
    assert ndjson.exists(), f"schemathesis did not run (exit {run.returncode}):\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    requests, failures, operations = figures(ndjson)
    print(f"schemathesis: {requests:,} requests over {len(operations)} operations; failures by check: "
          f"{dict(failures) or 'none'}")
    summary = run.stdout[run.stdout.find("FAILURES"):] if "FAILURES" in run.stdout else run.stdout[-3000:]
    assert not failures, f"schemathesis failures by check {dict(failures)}:\n{summary[:12000]}"
    assert run.returncode == 0, f"schemathesis exited {run.returncode}:\n{run.stdout[-4000:]}\n{run.stderr[-2000:]}"
    assert operations == documented, f"every operation of the document is tested: {sorted(documented - operations)}"
    assert requests > 1000, f"the run is a real one ({requests} requests)"
