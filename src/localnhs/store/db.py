"""Opening the built database read-only, with the schema version checked at start-up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from localnhs.store.schema import SCHEMA_VERSION


class StoreError(Exception):
    """The database is missing, unreadable or built by another schema version."""


def connect(path: Path) -> sqlite3.Connection:
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
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA mmap_size = 268435456")
    return conn
