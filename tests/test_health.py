"""Health and a damaged database: /healthz and /readyz over the real build; a database with
random bytes in its middle, a file that is no database and one of another schema all make
`localnhs serve` refuse to start (exit 4, a message, no traceback) and the CLI exit 4."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from localnhs.api.app import create_app


@pytest.fixture(scope="module")
def api(db_path):
    return TestClient(create_app(db_path))


def _cli(db: Path, *args, timeout=90):
    env = {"LOCALNHS_DB": str(db), "PATH": "", "COLUMNS": "300"}
    return subprocess.run([sys.executable, "-m", "localnhs", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def test_healthz_and_readyz(api, conn):
    assert api.get("/healthz").json() == {"status": "ok"}
    r = api.get("/readyz")
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    ready = r.json()
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    assert ready["status"] == "ready" and ready["integrity_check_at_start"] == "ok"
    assert ready["build"]["id"] == meta["build_id"] and ready["build"]["built_at"] == meta["built_at"]
    assert ready["build"]["age_seconds"] >= 0 and ready["schema_version"] == int(meta["schema_version"])


def test_every_response_names_its_build(api, conn):
    build = dict(conn.execute("SELECT key, value FROM meta").fetchall())["build_id"]
    for path, status in [("/api/places/WA5%201QG", 200), ("/places/WA5%201QG", 200), ("/api/places/ZZ99", 400),
                         ("/api/nowhere", 404), ("/static/vendor/nhsuk/assets/images/favicon.ico", 200)]:
        r = api.get(path)
        assert r.status_code == status and r.headers["x-data-build"] == build, path
    tag = api.get("/api/places/WA5%201QG").headers["etag"]
    assert tag.startswith(f'"{build}-')


def test_if_none_match(api):
    tag = api.get("/api/stats").headers["etag"]
    assert api.get("/api/stats", headers={"If-None-Match": f'"other", {tag}'}).status_code == 304
    star = api.get("/api/places/WA5%201QG", headers={"If-None-Match": "*"})
    assert star.status_code == 304 and star.content == b"" and star.headers["etag"]
    missing = api.get("/api/places/ZZ9%209ZZ", headers={"If-None-Match": "*"})
    assert missing.status_code == 404 and missing.json()["error"]["status"] == 404


@pytest.fixture(scope="module")
def damaged_db(db_path, tmp_path_factory) -> Path:
    """A copy of the real build with 20 MB of random bytes written over its middle, and over the root
    page of the postcode table (which pages the middle holds moves as tables are added; every lookup
    reads the postcode table's root)."""
    copy = tmp_path_factory.mktemp("damaged") / "localnhs.sqlite"
    shutil.copyfile(db_path, copy)
    size = copy.stat().st_size
    probe = sqlite3.connect(copy)
    page_size = probe.execute("PRAGMA page_size").fetchone()[0]
    root = probe.execute("SELECT rootpage FROM sqlite_master WHERE name = 'postcode_compact'").fetchone()[0]
    probe.close()
    with open(copy, "r+b") as fh:
        fh.seek(size // 2 - 10_000_000)
        fh.write(os.urandom(20_000_000))
        fh.seek((root - 1) * page_size)
        fh.write(os.urandom(page_size))
    return copy


def test_damaged_database_refused_by_serve_and_cli(damaged_db):
    before = hashlib.sha256(damaged_db.read_bytes()).hexdigest()
    res = _cli(damaged_db, "serve", "--port", "1")  # never gets as far as binding the port
    assert res.returncode == 4, res.stdout + res.stderr
    msg = " ".join(res.stderr.split())
    assert f"the database at {damaged_db} is damaged" in msg and "localnhs rollback" in msg
    assert "Traceback" not in res.stderr
    look = _cli(damaged_db, "lookup", "WA5 1QG")
    assert look.returncode == 4 and "is damaged" in " ".join(look.stderr.split()), look.stdout + look.stderr
    assert hashlib.sha256(damaged_db.read_bytes()).hexdigest() == before  # only ever read


def test_not_a_database_and_wrong_schema(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(os.urandom(1 << 16))
    res = _cli(junk, "serve", "--port", "1")
    assert res.returncode == 4 and "is not a localnhs database" in " ".join(res.stderr.split())
    old = tmp_path / "old.sqlite"
    c = sqlite3.connect(old)
    c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    c.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    c.commit()
    c.close()
    for args in (("serve", "--port", "1"), ("about",)):
        res = _cli(old, *args)
        assert res.returncode == 4 and "has schema version 1" in " ".join(res.stderr.split()), args
        assert "Traceback" not in res.stderr


def test_served_connection_reads_through_its_own_bounded_cache(api):
    """The page-by-page check at start reads the whole file on a connection of its own; the one
    served from maps nothing (SQLite's page cache, bounded, holds what it reads), so the server's
    resident memory does not grow towards the size of the file as postcodes are looked up."""
    from localnhs.api.serving import SERVE_CACHE_KIB

    conn = api.app.state.conn
    assert api.app.state.db.current.integrity == "ok"
    assert conn.execute("PRAGMA mmap_size").fetchone()[0] == 0
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -SERVE_CACHE_KIB
    assert api.get("/api/places/WA5 1QG").status_code == 200
