"""Tests run against the real build of the full shipped snapshot in ../shared/data/raw.

The database is built once per code version (keyed by a hash of the build code) under
var/test/, so a second run of the suite reuses it and a change to the build rebuilds it.
"""

from __future__ import annotations

import datetime as dt

import hashlib
import os
from pathlib import Path

import pytest

from localnhs.paths import REPO_ROOT, raw_dir

BUILD_CODE = [REPO_ROOT / "src/localnhs/sources", REPO_ROOT / "src/localnhs/store"]
BUILD_DATA = [REPO_ROOT / "src/localnhs/content/provider_overrides.yaml",   # read into the store at build time
              REPO_ROOT / "src/localnhs/content/healthwatch_areas.yaml",
              REPO_ROOT / "src/localnhs/kinds.py", REPO_ROOT / "src/localnhs/eras.py"]  # the loaders read them


def _code_hash() -> str:
    h = hashlib.sha256()
    for folder in BUILD_CODE:
        for f in sorted(folder.rglob("*.py")):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    for f in [*BUILD_DATA, *sorted((REPO_ROOT / "src/localnhs/content/provider_overrides").glob("*.yaml"))]:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


@pytest.fixture(scope="session")
def raw() -> Path:
    path = raw_dir()
    if not path.is_dir():
        pytest.fail(f"raw data not found at {path}: the tests need ../shared/data/raw beside the repo")
    return path


@pytest.fixture(scope="session")
def db_path(raw) -> Path:
    from localnhs.building import build

    target = REPO_ROOT / "var" / "test" / f"localnhs-{_code_hash()}.sqlite"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob("localnhs-*.sqlite"):
            old.unlink()
        # 2016-04-01 compiled too, so the suite reads compiled answers on both eras (tests/test_compiled_answers.py)
        build(raw, target, show_progress=False, compile_dates=[dt.date(2016, 4, 1)])
    os.environ["LOCALNHS_DB"] = str(target)
    return target


@pytest.fixture(scope="session")
def conn(db_path):
    from localnhs.store.db import connect

    c = connect(db_path)
    yield c
    c.close()
