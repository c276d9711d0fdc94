"""Rows of the geography tables as one build holds them, remembered per build.

A new placement's answer reads the same few rows many times over: its LSOA 2011 row about eight
times (commissioners on the date and in 2016, councils on the date and on the footprint's two
dates, ambulance area, footprint keys), its postcode's district three or four times, and the same
council and commissioner area rows as every other place of that council. Each read is an indexed
SQL statement; here each is made once per build (query/per_connection.py's BuildCache, so a new
build starts empty) and the same row object is handed out again. Rows are read-only.

The LSOA and postcode memos are bounded small (a full set of LSOA rows is some 40 MB): they are
there for the reads of one answer and of the places around it, not to hold the country.
"""

from __future__ import annotations

from localnhs.query.per_connection import build_cache
from localnhs.store import read

NEAR_LIMIT = 2_000    # LSOA rows and postcode districts: the answers being worked out now
AREA_LIMIT = 20_000   # area rows (councils, commissioners, wards): a few thousand in all


def lsoa11(conn, code: str):
    """read.lsoa11, remembered."""
    return build_cache(conn).memo("lsoa11_rows", read.lsoa11, code, limit=NEAR_LIMIT)


def lsoa21(conn, code: str):
    """read.lsoa21, remembered."""
    return build_cache(conn).memo("lsoa21_rows", read.lsoa21, code, limit=NEAR_LIMIT)


def area(conn, type_: str, vintage: str, code: str):
    """read.area, remembered."""
    return build_cache(conn).memo("area_rows", read.area, type_, vintage, code, limit=AREA_LIMIT)


def area_any_vintage(conn, type_: str, code: str):
    """read.area_any_vintage, remembered."""
    return build_cache(conn).memo("area_any_rows", read.area_any_vintage, type_, code, limit=AREA_LIMIT)


def postcode_places(conn, pcd: str) -> tuple[str | None, str | None] | None:
    """(district, ward) of a postcode as read.postcode gives them (None: no such postcode row)."""
    return build_cache(conn).memo("postcode_places", _postcode_places, pcd, limit=NEAR_LIMIT)


def _postcode_places(conn, pcd: str):
    row = read.postcode(conn, pcd)
    return None if row is None else (row["lad"], row["ward"])
