"""Row count and a content hash of every table in a built database, as one JSON object.

Two builds of the same raw files by different code give the same fingerprint when the
refactor changed nothing stored (the meta table, which holds the build time, is left out):

    .venv/bin/python scripts/db_fingerprint.py var/localnhs.sqlite
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys


def fingerprint(path: str) -> dict[str, dict]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    out = {}
    for t in tables:
        if t == "meta":
            continue
        rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{t}"'))
        h = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
        out[t] = {"rows": len(rows), "sha256": h}
    return out


if __name__ == "__main__":
    print(json.dumps(fingerprint(sys.argv[1]), indent=1))
