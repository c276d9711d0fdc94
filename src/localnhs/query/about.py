"""What the database was built from: each logged file with its dataset's publisher, licence
and page from sources/registry.py. One answer for `localnhs about` and /about/data."""

from __future__ import annotations

from localnhs.sources import registry
from localnhs.store import read


def data_files(conn) -> list[dict]:
    rows = []
    for r in read.import_log(conn):
        d = registry.BY_ID.get(r["source"])
        publisher, licence = registry.publisher(r["source"])
        rows.append({**dict(r), "title": d.title if d else None, "publisher": publisher, "licence": licence,
                     "page": d.page if d else None})
    return rows
