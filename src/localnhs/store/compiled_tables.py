"""Writing the answers a build compiles (query/compile_answers.py) into its compiled_date and
compiled_part tables (store/schema.py); reading them is store/read.py's."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def write(conn: sqlite3.Connection, day: str, dtype: str, columns: int, rows: int, slots: bytes,
          parts: Iterable[tuple[str, bytes]]) -> None:
    """One compiled date: its packed slots and its parts (key, data), committed."""
    conn.execute("INSERT INTO compiled_date VALUES (?,?,?,?,?)", (day, dtype, columns, rows, slots))
    conn.executemany("INSERT INTO compiled_part VALUES (?,?,?)", ((day, k, v) for k, v in parts))
    conn.commit()
