"""The JSON answers over a fixed random sample of postcodes, both eras (plus bulk, stats,
organisations and search), match the ones saved from the code before a refactor.

Save the reference first, from the commit you start from (into var/, not committed):

    .venv/bin/python scripts/answers_snapshot.py var/answers-baseline.json var/test/localnhs-*.sqlite

then refactor and run this test. Without a saved reference there is nothing to compare with,
and the test says so (skip) rather than passing.
"""

from __future__ import annotations

import importlib.util
import json
import os

import pytest
from fastapi.testclient import TestClient

from localnhs.paths import REPO_ROOT

BASELINE = os.environ.get("LOCALNHS_ANSWERS_BASELINE", str(REPO_ROOT / "var" / "answers-baseline.json"))


def _snapshot_module():
    spec = importlib.util.spec_from_file_location("answers_snapshot", REPO_ROOT / "scripts" / "answers_snapshot.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _differences(before, after, path="", out=None, limit=20):
    out = [] if out is None else out
    if len(out) >= limit:
        return out
    if isinstance(before, dict) and isinstance(after, dict):
        for k in sorted(set(before) | set(after)):
            _differences(before.get(k), after.get(k), f"{path}.{k}", out, limit)
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (x, y) in enumerate(zip(before, after)):
            _differences(x, y, f"{path}[{i}]", out, limit)
    elif before != after:
        out.append(f"{path}: {json.dumps(before, default=str)[:80]} -> {json.dumps(after, default=str)[:80]}")
    return out


def test_differences_are_found():
    assert _differences({"a": [1, {"b": 2}]}, {"a": [1, {"b": 3}]}) == [".a[1].b: 2 -> 3"]


def test_answers_match_the_saved_baseline(db_path):
    if not os.path.exists(BASELINE):
        pytest.skip(f"no saved answers at {BASELINE}: see this module's docstring")
    from localnhs.api.app import create_app

    saved = json.loads(open(BASELINE).read())
    snap = _snapshot_module()
    with TestClient(create_app(db_path)) as client:
        now = json.loads(json.dumps(snap.snapshot(client, saved["postcodes"]), sort_keys=True, default=str))
    assert set(now) == set(saved["answers"])
    changed = {k: _differences(saved["answers"][k], now[k]) for k in saved["answers"] if saved["answers"][k] != now[k]}
    assert not changed, json.dumps(changed, indent=1)[:4000]
