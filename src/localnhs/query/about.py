"""What the database was built from, and which of it an answer used: each logged file with its
dataset's title, publisher, licence and page, as sources/registry.py declares them (one answer
for `localnhs about`, /about/data and the "where this comes from" lists of the pages)."""

from __future__ import annotations

import datetime as dt

from localnhs.query.model import LocalSystem
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


def describe(dataset: str) -> dict:
    """A dataset's title, publisher and licence, as the registry declares them (a dataset the registry
    does not know - an old build's - by its folder name, pointing to its PROVENANCE.md)."""
    d = registry.BY_ID.get(dataset)
    publisher, licence = registry.publisher(dataset)
    title = d.title if d else dataset.replace("_", " ").capitalize()
    return {"title": title, "publisher": publisher, "licence": licence}


def files_by_dataset(conn) -> dict[str, dict]:
    """Every imported file -> its dataset described ({dataset, title, publisher, licence, as_of})."""
    return {r["file"]: {"dataset": r["source"], "as_of": r["as_of"], **describe(r["source"])} for r in read.import_log(conn)}


def source_of(files: dict[str, dict], file: str | None) -> dict | None:
    """The dataset a source file belongs to; a derived source ("x.csv dissolved by y.csv") by its first file."""
    if not file:
        return None
    return files.get(file) or next((d for f, d in files.items() if file.startswith(f)), None)


def sources_of_place(conn, ls: LocalSystem, map_data: dict | None = None) -> list[dict]:
    """The datasets behind a place's answer (its bodies and its map's outlines), by title, each with
    the dates of the files used."""
    files = {b.source for b in [*ls.commissioners, *ls.councils, ls.hwb, ls.healthwatch] if b and b.source}
    for p in ls.practices:
        files |= {b.source for b in (p.practice, p.pcn, p.commissioner) if b and b.source}
    files |= {r.trust.source for r in ls.trusts if r.trust and r.trust.source}
    files |= {o.get("source") for o in (map_data or {}).get("outlines", []) if o.get("source")}
    known = files_by_dataset(conn)
    used: dict[str, dict] = {}
    for f in sorted(files):
        d = source_of(known, f)
        if d is None:
            continue
        entry = used.setdefault(d["dataset"], {**describe(d["dataset"]), "dates": set()})
        entry["dates"].add(d["as_of"])
    out = []
    for key, d in sorted(used.items(), key=lambda kv: kv[1]["title"]):
        dates = sorted(d.pop("dates"))
        out.append({**d, "dataset": key, "dates": [dt.date.fromisoformat(x[:10]).isoformat() for x in dates]})
    return out
