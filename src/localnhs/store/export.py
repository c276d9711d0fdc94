"""Column reads for bulk work: the whole postcode table as Arrow record batches, and the SQL
that users paste into DuckDB. Everything bulk enrichment and export need from the database
goes through here, so a change of the postcode table's shape changes only this module.

The batches always have the same columns, whatever the table stores:
pcd ('WA5 1QG'), country, status (live / terminated), terminated ('YYYY-MM' or null),
lsoa11, lsoa21, msoa11, lad, ward, lat, lon.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

FACT_SCHEMA = pa.schema([
    ("pcd", pa.string()), ("country", pa.string()), ("status", pa.string()), ("terminated", pa.string()),
    ("lsoa11", pa.string()), ("lsoa21", pa.string()), ("msoa11", pa.string()),
    ("lad", pa.string()), ("ward", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
])

_FACTS = ("SELECT pcd, country, status, terminated, lsoa11, lsoa21, msoa11, lad, ward, lat, lon "
          "FROM postcode ORDER BY pcd")


def postcode_facts(conn, batch_rows: int = 250_000) -> Iterator[pa.RecordBatch]:
    """Every postcode row (all countries, live and terminated), in key order, as record batches."""
    cur = conn.execute(_FACTS)
    names = FACT_SCHEMA.names
    while True:
        rows = cur.fetchmany(batch_rows)
        if not rows:
            return
        cols = list(zip(*rows))
        yield pa.RecordBatch.from_arrays(
            [pa.array(cols[i], type=FACT_SCHEMA.field(i).type) for i in range(len(names))], schema=FACT_SCHEMA)


def postcode_count(conn) -> int:
    return conn.execute("SELECT count(*) FROM postcode").fetchone()[0]


def duckdb_enrich_macro(parquet_path: str, name: str = "localnhs_enrich") -> str:
    """A DuckDB table macro ``name(tbl, pc)`` over one exported ``postcodes_<date>.parquet``: every
    row of table ``tbl`` in order, with a status and the exported columns of that date. Postcodes
    are matched whatever their spacing and case, as ``localnhs enrich`` does."""
    path = parquet_path.replace("'", "''")
    return f"""
CREATE OR REPLACE MACRO {name}(tbl, pc) AS TABLE
WITH input AS (
  SELECT *, row_number() OVER () AS localnhs_row,
         upper(regexp_replace(CAST(pc AS VARCHAR), '\\s', '', 'g')) AS localnhs_sq
  FROM query_table(tbl)
),
keyed AS (
  SELECT *, CASE WHEN regexp_full_match(localnhs_sq, '[A-Z]{{1,2}}[0-9][0-9A-Z]?[0-9][A-Z]{{2}}')
                 THEN localnhs_sq END AS localnhs_key
  FROM input
),
lookup AS (
  SELECT replace(pcds, ' ', '') AS localnhs_key, * FROM read_parquet('{path}')
)
SELECT keyed.* EXCLUDE (localnhs_row, localnhs_sq, localnhs_key),
       CASE WHEN keyed.localnhs_key IS NULL THEN 'invalid'
            WHEN lookup.pcds IS NULL AND regexp_matches(keyed.localnhs_sq, '^(BT|GY|JE|IM)[0-9]') THEN 'outside_england'
            WHEN lookup.pcds IS NULL THEN 'not_found'
            WHEN lookup.ctry <> 'E92000001' THEN 'outside_england'
            WHEN lookup.pcd_status = 'terminated' THEN 'terminated'
            ELSE 'ok' END AS status,
       lookup.* EXCLUDE (localnhs_key)
FROM keyed LEFT JOIN lookup ON lookup.localnhs_key = keyed.localnhs_key
ORDER BY keyed.localnhs_row
"""
