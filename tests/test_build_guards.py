"""Build guards on real files: a raw file cut cleanly at a line boundary parses without a single
reject, so only its declared floor and the previous build's count can catch it. The serving
database must stay byte for byte what it was (sha256 before and after)."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_build_failures import _raw_with

from localnhs.sources import epraccur, expectations
from localnhs.store import guards
from localnhs.store.build import BuildContext
from localnhs.store.schema import DDL

PRACTICES_2026 = "epraccur_2026-02_dse.csv"


def _sha(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def _cut(raw: Path, tmp: Path, rows: int) -> Path:
    """A raw folder of symlinks whose 2026 practice file keeps only its first `rows` lines (whole lines)."""
    r = _raw_with(raw, tmp, "epraccur")
    f = r / "epraccur" / PRACTICES_2026
    lines = f.read_bytes().splitlines(keepends=True)
    assert len(lines) == 15389  # headerless: one line per practice
    f.chmod(0o644)
    f.write_bytes(b"".join(lines[:rows]))
    return r


@pytest.fixture
def serving_db(db_path, tmp_path) -> Path:
    """The real build, as the database a new build would replace (a link, so nothing is copied)."""
    var = tmp_path / "var"
    var.mkdir()
    link = var / "localnhs.sqlite"
    link.symlink_to(db_path)
    return link


def test_practice_file_cut_at_line_boundary_fails_and_keeps_serving_db(raw, tmp_path, serving_db):
    r = _cut(raw, tmp_path, 7000)
    before = _sha(serving_db)
    res = subprocess.run([sys.executable, "-m", "localnhs", "build", "--raw", str(r), "--db", str(serving_db)],
                         capture_output=True, text=True, env={"PATH": "", "COLUMNS": "300"})
    assert res.returncode == 1, res.stdout + res.stderr
    assert (f"epraccur/{PRACTICES_2026}: 7,000 data rows, the previous build read 15,389 (-54.5%; tolerance -10%)"
            in " ".join(res.stderr.split()))
    assert "--accept-changes" in res.stderr and "Traceback" not in res.stderr
    assert _sha(serving_db) == before
    assert serving_db.is_symlink() and [p.name for p in serving_db.parent.iterdir()] == ["localnhs.sqlite"]


def test_cut_file_fails_its_floor_even_without_a_previous_build(raw, tmp_path):
    from localnhs.store.build import BuildError, build

    r = _cut(raw, tmp_path, 7000)
    with pytest.raises(BuildError, match=rf"epraccur/{PRACTICES_2026}: 7,000 data rows, fewer than the 12,000"):
        build(r, tmp_path / "new.sqlite", show_progress=False, accept_changes=True)
    assert not (tmp_path / "new.sqlite").exists()


def _record_2026(raw_folder: Path, previous: guards.Previous, accept: bool) -> BuildContext:
    conn = sqlite3.connect(":memory:")
    conn.executescript(DDL)
    ctx = BuildContext(conn=conn, raw=raw_folder, previous=previous, accept_changes=accept)
    path = ctx.path("epraccur", PRACTICES_2026)
    ctx.log("epraccur", path, epraccur.read(path, *epraccur.FORMAT[PRACTICES_2026]).rejects)
    return ctx


def test_accept_changes_lets_a_stated_fall_through_and_import_log_keeps_both_counts(raw, tmp_path, db_path):
    r = _cut(raw, tmp_path, 13_000)  # above the floor, 15.5 % below the previous build
    previous = guards.previous_build(db_path)
    assert previous.rows[("epraccur", PRACTICES_2026)] == 15389
    with pytest.raises(guards.GuardError, match=r"13,000 data rows, the previous build read 15,389 \(-15\.5%"):
        _record_2026(r, previous, accept=False)
    ctx = _record_2026(r, previous, accept=True)
    assert ctx.conn.execute("SELECT rows, previous_rows FROM import_log WHERE file = ?",
                            (PRACTICES_2026,)).fetchone() == (13000, 15389)
    assert any(n.startswith(f"accepted: epraccur/{PRACTICES_2026}: 13,000") for n in ctx.notes)


def test_every_shipped_file_has_a_declared_floor_it_meets(conn):
    for r in conn.execute("SELECT source, file, rows FROM import_log"):
        floor = expectations.min_rows(r["source"], r["file"])
        assert floor is not None, f"{r['source']}/{r['file']}: no MIN_ROWS declared in sources/expectations.py"
        assert r["rows"] >= floor, f"{r['source']}/{r['file']}: {r['rows']} < {floor}"


def test_headline_counts_stored_and_compared(conn):
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    counts = guards.headlines(conn)
    assert counts["active_gp_practices"] == 6207  # active English GP practices in the 2026 file
    assert {k: str(v) for k, v in counts.items()} == {k[6:]: v for k, v in meta.items() if k.startswith("count:")}
    cover = guards.coverage(conn)
    assert cover["practices_with_commissioner"] == 1.0 and 0.995 < cover["postcodes_with_lsoa21"] < 1.0
    inflated = guards.Previous(headlines={"active_gp_practices": 7000}, built_at="earlier")
    with pytest.raises(guards.GuardError, match=r"active_gp_practices: 6,207, the previous build \(earlier\) had 7,000"):
        guards.check_build(conn, inflated, accept_changes=False, notes=[])
    notes: list[str] = []
    guards.check_build(conn, inflated, accept_changes=True, notes=notes)
    assert notes and notes[0].startswith("accepted: active_gp_practices")
