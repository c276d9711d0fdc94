"""The API's answers over a fixed sample of postcodes, both eras (plus bulk, stats, organisations
and search), are the ones recorded in the committed snapshot tests/snapshots/answers.json.

The snapshot is the output of the shipped data, recorded by scripts/answers_snapshot.py from the
same database the suite builds. A refactor must leave it unchanged. A change that is meant to move
answers (a new method, a new dataset) regenerates it in the same commit, so the commit's diff shows
exactly which answers moved, and the commit message says why.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json

import pytest
from fastapi.testclient import TestClient

from localnhs.paths import REPO_ROOT

SNAPSHOT = REPO_ROOT / "tests" / "snapshots" / "answers.json"
REGENERATE = ("If the change is intended, regenerate the snapshot with\n"
              "    .venv/bin/python scripts/answers_snapshot.py\n"
              "and commit tests/snapshots/answers.json in the same commit, its message saying which answers "
              "changed and why. If it is not intended, the code changed an answer: fix the code.")


def _snapshot_module():
    spec = importlib.util.spec_from_file_location("answers_snapshot", REPO_ROOT / "scripts" / "answers_snapshot.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _differences(before, after, path="", out=None, limit=30):
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
        out.append(f"{path}:\n    was {json.dumps(before, ensure_ascii=False)[:300]}\n    now {json.dumps(after, ensure_ascii=False)[:300]}")
    return out


@pytest.fixture(scope="module")
def saved():
    return json.loads(SNAPSHOT.read_text())


def test_differences_are_found():
    assert _differences({"a": [1, {"b": 2}]}, {"a": [1, {"b": 3}]}) == [".a[1].b:\n    was 2\n    now 3"]


def test_snapshot_is_small_and_covers_both_eras(saved):
    from localnhs.eras import ICB_2026, ICB_ERA, is_ccg_era

    assert SNAPSHOT.stat().st_size < 1_000_000
    days = [dt.date.fromisoformat(d) for d in saved["dates"]]
    assert any(is_ccg_era(d) for d in days) and any(d >= ICB_2026 > ICB_ERA for d in days)
    places = [v for k, v in saved["answers"].items() if k.startswith("place ") and v[0] == 200]
    assert len(places) >= 2 * 60, "the sample has shrunk: most sampled postcodes should be answered"
    # Every answered English place has a commissioner and a council.
    assert all(v[1]["commissioners"] and v[1]["councils"] for v in places)


def test_snapshot_is_written_as_the_script_writes_it(saved):
    """So a regenerated snapshot's diff is only the answers that moved."""
    assert SNAPSHOT.read_text() == _snapshot_module().dumps(saved)


def test_answers_match_the_committed_snapshot(db_path, saved):
    from localnhs.api.app import create_app

    snap = _snapshot_module()
    assert list(snap.DATES) == saved["dates"], "the script's dates differ from the snapshot's: " + REGENERATE
    with TestClient(create_app(db_path)) as client:
        now = snap.snapshot(client, saved["postcodes"])
    before = saved["answers"]
    changed = {k: _differences(before.get(k), now.get(k)) for k in sorted(set(before) | set(now))
               if before.get(k) != now.get(k)}
    report = "\n".join(f"{k}\n  " + "\n  ".join(v) for k, v in list(changed.items())[:15])
    assert not changed, (f"{len(changed)} of {len(before)} answers differ from tests/snapshots/answers.json "
                         f"(first 15 shown):\n{report}\n\n{REGENERATE}")
