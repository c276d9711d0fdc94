"""Opening the built database read-only, with the schema version checked at start-up, and
an integrity check for the server to run before it answers from a file."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from localnhs.store.schema import SCHEMA_VERSION


class StoreError(Exception):
    """The database is missing, unreadable or built by another schema version."""


class DamagedDatabase(StoreError):
    """The file opens but its pages are not what SQLite wrote (disk fault, partial copy)."""


def damaged(path, exc: Exception) -> DamagedDatabase:
    return DamagedDatabase(f"the database at {path} is damaged ({exc}): rebuild it with `localnhs build`, "
                           "or go back to the previous build with `localnhs rollback`")


MMAP_BYTES = 268_435_456  # SQLite reads pages straight from a memory map of the file, up to this size
CACHE_KIB = 65_536        # and keeps up to this much in its own page cache


def connect(path: Path, *, mmap_bytes: int = MMAP_BYTES, cache_kib: int = CACHE_KIB) -> sqlite3.Connection:
    """Open a build read-only, its schema version checked. mmap_bytes and cache_kib: SQLite's
    mmap_size and page cache size (a server gives smaller ones: api/serving.py)."""
    if not Path(path).exists():
        raise StoreError(f"no database at {path}: run `localnhs build` first")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is not a localnhs database ({exc})") from None
    found = int(row[0]) if row else None
    if found != SCHEMA_VERSION:
        conn.close()
        raise StoreError(
            f"{path} has schema version {found}, this localnhs needs {SCHEMA_VERSION}: "
            "run `localnhs build` to rebuild it"
        )
    conn.execute("PRAGMA query_only = ON")
    conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
    conn.execute(f"PRAGMA mmap_size = {int(mmap_bytes)}")
    return conn


# SQLite 3.40's quick_check reports "NULL value in t.c" for every row of a WITHOUT ROWID table
# whose key columns follow a value column (our `figure` table); each such report is re-checked
# with a query and dropped when the column holds no NULL.
_NULL_REPORT = re.compile(r"^NULL value in (\w+)\.(\w+)$")


def integrity_problems(conn: sqlite3.Connection, limit: int = 100) -> list[str]:
    """What PRAGMA quick_check finds wrong (empty when the file is whole)."""
    found = [r[0] for r in conn.execute(f"PRAGMA quick_check({int(limit)})")]
    if found == ["ok"]:
        return []
    real, checked = [], {}
    for msg in found:
        m = _NULL_REPORT.match(msg)
        if m:
            key = m.groups()
            if key not in checked:
                table, col = key
                checked[key] = conn.execute(f'SELECT count(*) FROM "{table}" WHERE "{col}" IS NULL').fetchone()[0]
            if not checked[key]:
                continue
        real.append(msg)
    return real


def verify(path: Path, **settings) -> sqlite3.Connection:
    """Check every page of the database (a few seconds), then open it; raise StoreError if it is
    not whole. The check reads the whole file through its own connection, closed afterwards: on
    the connection a server goes on to use, every page read would stay in its memory map (the
    whole file, ~190 MB of the server's resident memory, from the start)."""
    check = connect(path)
    try:
        problems = integrity_problems(check)
    except sqlite3.DatabaseError as exc:
        raise damaged(path, exc) from None
    finally:
        check.close()
    if problems:
        shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
        raise damaged(path, shown)
    return connect(path, **settings)
