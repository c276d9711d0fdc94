"""Read-side SQL for the postcodes.io-compatible API: batched postcode reads, key-range
scans for search, and the whole-table reads its in-memory indexes are built from.

Batched because a bulk request names up to 10,000 postcodes: one IN (...) read per few
hundred keys is ~50x cheaper than a read per key.
"""

from __future__ import annotations

import sqlite3

Row = sqlite3.Row
_BATCH = 500  # well under SQLite's bound-parameter limit


def postcodes(conn, pcds) -> dict[str, Row]:
    """Rows for the given normalised postcodes (live or terminated), keyed by postcode."""
    keys = list(dict.fromkeys(pcds))
    out: dict[str, Row] = {}
    for start in range(0, len(keys), _BATCH):
        chunk = keys[start:start + _BATCH]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT * FROM postcode WHERE pcd IN ({marks})", chunk):
            out[row["pcd"]] = row
    return out


def live_from(conn, prefix: str, limit: int) -> list[Row]:
    """Live postcodes whose key starts with prefix, in key order, at most limit."""
    return conn.execute(
        "SELECT * FROM postcode WHERE pcd >= ? AND pcd < ? AND status = 'live' ORDER BY pcd LIMIT ?",
        (prefix, prefix + "\uffff", limit),
    ).fetchall()


def live_in_outcode(conn, outcode: str) -> list[Row]:
    return conn.execute(
        "SELECT * FROM postcode WHERE pcd >= ? AND pcd < ? AND status = 'live'", (outcode + " ", outcode + "!")
    ).fetchall()


def live_points(conn) -> list[tuple]:
    """(postcode, lat, lon) of every live postcode; lat/lon are NULL where it has no grid reference."""
    return conn.execute("SELECT pcd, lat, lon FROM postcode WHERE status = 'live'").fetchall()


def lsoa11_all(conn) -> list[Row]:
    return conn.execute("SELECT * FROM lsoa11").fetchall()


def lsoa21_all(conn) -> list[Row]:
    return conn.execute("SELECT * FROM lsoa21").fetchall()


def areas_all(conn) -> list[Row]:
    """Every named area (type, vintage, code, name, ods_code, parent_code)."""
    return conn.execute("SELECT type, vintage, code, name, ods_code, parent_code FROM area").fetchall()


def district_facts(conn) -> list[Row]:
    """(lad, fact, code, name): each district's region and former NHS health authority."""
    return conn.execute("SELECT lad, fact, code, name FROM district_fact").fetchall()


def region_of_commissioner(conn, ods: str, date: str) -> Row | None:
    """The NHS England region (ONS code and name) an ODS commissioner was in on a date,
    through its ODS region (Y-code) and the ONS region that carries that Y-code."""
    return conn.execute(
        "SELECT a.code, a.name FROM relationship r JOIN area a ON a.type = 'nhs_region' AND a.ods_code = r.to_code "
        "WHERE r.from_code = :c AND r.kind = 'in_region' AND (r.valid_from IS NULL OR r.valid_from <= :d) "
        "AND (r.valid_to IS NULL OR r.valid_to >= :d) ORDER BY a.vintage DESC LIMIT 1",
        {"c": ods, "d": date},
    ).fetchone()
