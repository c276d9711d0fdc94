"""Each dataset folder of the raw data in words: its title, publisher and licence (declared in
sources/registry.py from each folder's PROVENANCE.md), so pages name sources the way a reader
knows them - "GP practices, NHS Organisation Data Service" - and keep file names for /about/data."""

from __future__ import annotations

def describe(dataset: str) -> dict:
    """A dataset's title, publisher and licence, as sources/registry.py declares them."""
    from localnhs.sources import registry

    d = registry.BY_ID.get(dataset)
    if d is None:
        return {"title": dataset.replace("_", " ").capitalize(), "publisher": "see the dataset's PROVENANCE.md",
                "licence": registry.OGL}
    return {"title": d.title, "publisher": d.publisher, "licence": d.licence}


def by_file(conn) -> dict[str, dict]:
    """Every imported file -> its dataset described ({dataset, title, publisher, licence, as_of})."""
    from localnhs.store import read

    return {r["file"]: {"dataset": r["source"], "as_of": r["as_of"], **describe(r["source"])} for r in read.import_log(conn)}


def label_for(files: dict[str, dict], file: str | None) -> dict | None:
    """A source as a reader knows it: derived sources ("x.csv dissolved by y.csv") by their first file."""
    if not file:
        return None
    return files.get(file) or next((d for f, d in files.items() if file.startswith(f)), None)
