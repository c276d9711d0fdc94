"""Column reads for bulk work: the whole postcode table as Arrow tables, and the SQL that users
paste into DuckDB. Everything bulk enrichment and export need from the database goes through
here, so a change of the postcode table's shape changes only this module.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

_PARTS = {
    # The compact postcode table and its two dictionaries (schema.py), read as they are stored:
    # 2.5 M rows of one text and four integers instead of the view's eleven joined columns.
    "postcodes": ("SELECT pcd, lat_e6, lon_e6, area, state FROM postcode_compact ORDER BY pcd",
                  pa.schema([("pcd", pa.string()), ("lat_e6", pa.int64()), ("lon_e6", pa.int64()),
                             ("area", pa.int64()), ("state", pa.int64())])),
    "areas": ("SELECT id, country, lsoa11, lsoa21, msoa11, lad, ward FROM postcode_area ORDER BY id",
              pa.schema([("id", pa.int64()), ("country", pa.string()), ("lsoa11", pa.string()),
                         ("lsoa21", pa.string()), ("msoa11", pa.string()), ("lad", pa.string()),
                         ("ward", pa.string())])),
    "states": ("SELECT id, status, terminated FROM postcode_state ORDER BY id",
               pa.schema([("id", pa.int64()), ("status", pa.string()), ("terminated", pa.string())])),
}


def postcode_parts(conn, batch_rows: int = 100_000) -> dict[str, pa.Table]:
    """The postcode table as stored, as Arrow tables: ``postcodes`` (every row, all countries, live
    and terminated, in pcd order: pcd 'WA5 1QG', lat, lon, area, state), ``areas`` (postcode_area:
    id, country, lsoa11, lsoa21, msoa11, lad, ward) and ``states`` (postcode_state: id, status,
    terminated).

    Python's cyclic garbage collector is paused while the rows stream through: the tuples the
    driver makes hold no cycles, and a collection every few hundred thousand of them would walk
    every object the process has, several times over."""
    import gc
    import sqlite3
    from pathlib import Path

    # A connection of its own, without memory mapping and with a small page cache: read through the
    # serving connection's 256 MB map, the scan would leave the whole table resident in this process.
    # Plain tuples, not the serving connection's sqlite3.Row.
    file = next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")
    own = sqlite3.connect(Path(file).as_uri() + "?mode=ro", uri=True) if file else None
    reader = own or conn
    if own is not None:
        own.execute("PRAGMA mmap_size = 0")
        own.execute("PRAGMA cache_size = -8192")
    out = {}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for part, (sql, schema) in _PARTS.items():
            cur = reader.execute(sql)
            batches = []
            while True:
                rows = cur.fetchmany(batch_rows)
                if not rows:
                    break
                cols = list(zip(*rows))
                del rows
                batches.append(pa.RecordBatch.from_arrays(
                    [pa.array(cols[i], type=schema.field(i).type) for i in range(len(schema))], schema=schema))
                del cols
            out[part] = pa.Table.from_batches(batches, schema=schema).combine_chunks()
    finally:
        if enabled:
            gc.enable()
        if own is not None:
            own.close()
    return _degrees(out)


def _degrees(out: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """lat and lon as the view has them: lat_e6 / 1000000.0, an IEEE division (Arrow's; polars
    multiplies by the reciprocal, which is one unit in the last place off for half of the postcodes)."""
    t = out["postcodes"]
    for e6, name in (("lat_e6", "lat"), ("lon_e6", "lon")):
        i = t.schema.get_field_index(e6)
        t = t.set_column(i, name, pc.divide(pc.cast(t[e6], pa.float64()), 1000000.0))
    out["postcodes"] = t
    return out


def parts_from_frames(coded, areas, states) -> dict[str, pa.Table]:
    """What postcode_parts reads, from the frames the build has just written to the three tables
    (datasets/os_codepoint_open.write: ``coded`` in pcd order with its ``area`` and ``state`` ids,
    ``areas`` and ``states`` with theirs): the same tables without reading 2.5 M rows back."""
    frames = {"postcodes": coded.select("pcd", "lat_e6", "lon_e6", "area", "state"),
              "areas": areas.select(id="area", country="country", lsoa11="lsoa11", lsoa21="lsoa21",
                                    msoa11="msoa11", lad="lad", ward="ward").sort("id"),
              "states": states.select(id="state", status="status", terminated="terminated").sort("id")}
    out = {}
    for part, frame in frames.items():
        schema = _PARTS[part][1]
        out[part] = pa.table([frame[name].to_arrow().cast(schema.field(name).type) for name in schema.names],
                             schema=schema).combine_chunks()
    return _degrees(out)


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
