"""DuckDB: a table macro over the tables `localnhs export` wrote, so an analyst can enrich any
table or file in SQL.

    localnhs export --out lookup --format parquet
    python -m localnhs.duckdb_sql lookup > lookup/enrich.sql     # (export writes it too)
    duckdb -c ".read lookup/enrich.sql"     # then query localnhs_enrich('patients', postcode)

``localnhs_enrich(tbl, pc)`` is the table ``tbl`` (a table or view name), every row in order, with
``status`` and the exported columns of the date (unsuffixed); one macro per exported date
(``localnhs_enrich_2016_04_01``), ``localnhs_enrich`` being the first date's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from localnhs.store.export import duckdb_enrich_macro


def macros(export_dir) -> str:
    """The SQL defining the macros for every postcodes_<date>.parquet in export_dir."""
    folder = Path(export_dir).resolve()
    tables = sorted(folder.glob("postcodes_*.parquet"), reverse=True)
    if not tables:
        raise FileNotFoundError(f"no postcodes_<date>.parquet in {folder}: run `localnhs export --out {folder}` first")
    parts = []
    for n, path in enumerate(tables):
        suffix = path.stem.removeprefix("postcodes_").replace("-", "_")
        parts.append(duckdb_enrich_macro(str(path), f"localnhs_enrich_{suffix}"))
        if n == 0:
            parts.append(duckdb_enrich_macro(str(path), "localnhs_enrich"))
    return "\n".join(p.strip() + ";" for p in parts) + "\n"


def register(con, export_dir) -> None:
    """Define the macros on a DuckDB connection."""
    con.execute(macros(export_dir))


if __name__ == "__main__":
    sys.stdout.write(macros(sys.argv[1] if len(sys.argv) > 1 else "var/export"))
