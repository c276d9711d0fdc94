"""Putting a built database in place, keeping the one it replaces, and going back to it.

Every rename is atomic, so a reader (the server, a CLI command) always finds a whole
database at the path. The build being replaced stays beside it as `<name>.previous.sqlite`
(a hard link: no copy), which `localnhs rollback` swaps back in; a second rollback goes
forward again.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from localnhs.store.db import StoreError, connect


def previous_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.previous{db_path.suffix}")


def _link(src: Path, dst: Path) -> None:
    dst.unlink(missing_ok=True)
    try:
        os.link(src, dst)
    except OSError:  # no hard links here: copy (the old file is not being written)
        shutil.copy2(src, dst)


def swap_in(new_file: Path, db_path: Path) -> None:
    """Rename new_file over db_path, keeping what was there as the previous build."""
    db_path = Path(db_path)
    if db_path.exists():
        prev = previous_path(db_path)
        staged = prev.with_name(f".{prev.name}.staging")
        _link(db_path, staged)
        os.replace(staged, prev)
    os.replace(new_file, db_path)


def build_id(path: Path) -> str:
    conn = connect(path)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.close()
    return meta.get("build_id") or meta.get("built_at", "unknown")


def rollback(db_path: Path) -> tuple[str, str]:
    """Put the previous build back at db_path; the one it replaces becomes the previous.
    Returns (build now at db_path, build now kept as previous)."""
    db_path = Path(db_path)
    prev = previous_path(db_path)
    if not prev.exists():
        raise StoreError(f"no previous build kept at {prev}: nothing to roll back to")
    back = build_id(prev)  # refuses a previous file that does not open or has another schema
    current = build_id(db_path) if db_path.exists() else None
    staged = prev.with_name(f".{prev.name}.staging")
    if current is not None:
        _link(db_path, staged)
    os.replace(prev, db_path)
    if current is not None:
        os.replace(staged, prev)
    return back, current or "none"
