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

NEAR_LIMIT = 256      # LSOA and postcode rows: the answers being worked out now (and their neighbours)
AREA_LIMIT = 20_000   # area rows (councils, commissioners, wards): a few thousand in all


def plain(row) -> dict | None:
    """A row as a dict of its columns, as kept in a memo: a dict holding only strings and numbers is
    left out of the garbage collector's walks (a sqlite3.Row is not), and every full collection walks
    every object a build keeps."""
    return None if row is None else dict(zip(row.keys(), row))


def lsoa11(conn, code: str) -> dict | None:
    """read.lsoa11, remembered."""
    return build_cache(conn).memo("lsoa11_rows", lambda c, k: plain(read.lsoa11(c, k)), code, limit=NEAR_LIMIT)


def lsoa21(conn, code: str) -> dict | None:
    """read.lsoa21, remembered."""
    return build_cache(conn).memo("lsoa21_rows", lambda c, k: plain(read.lsoa21(c, k)), code, limit=NEAR_LIMIT)


def area(conn, type_: str, vintage: str, code: str) -> dict | None:
    """read.area, remembered."""
    return build_cache(conn).memo("area_rows", _area, type_, vintage, code, limit=AREA_LIMIT)


def _area(conn, type_: str, vintage: str, code: str) -> dict | None:
    return plain(read.area(conn, type_, vintage, code))


def area_any_vintage(conn, type_: str, code: str) -> dict | None:
    """read.area_any_vintage, remembered."""
    return build_cache(conn).memo("area_any_rows", _area_any_vintage, type_, code, limit=AREA_LIMIT)


def _area_any_vintage(conn, type_: str, code: str) -> dict | None:
    return plain(read.area_any_vintage(conn, type_, code))


def postcode_places(conn, pcd: str) -> tuple[str | None, str | None] | None:
    """(district, ward) of a postcode as read.postcode gives them (None: no such postcode row)."""
    row = postcode_row(conn, pcd)
    return None if row is None else (row["lad"], row["ward"])


def postcode_row(conn, pcd: str) -> dict | None:
    """read.postcode's row, remembered (bounded small): the compiled lookup reads it, then the
    councils and ward of a new placement read its district and ward again. Shared: read, never changed."""
    return build_cache(conn).memo("postcode_rows", _postcode_row, pcd, limit=NEAR_LIMIT)


def remember_postcode_row(conn, row: dict) -> None:
    """Hand postcode_row a row read with many others (compile_placements' rows, which have its
    keys and values)."""
    build_cache(conn).remember("postcode_rows", row, row["pcd"], limit=NEAR_LIMIT)


def postcode_row_from(r) -> dict:
    """_postcode_row's dict from one row holding the compact row's, placement's and state's columns
    (read.compile_placements' rows)."""
    return _row(r["pcd"], r["lat_e6"], r["lon_e6"], r["easting"], r["northing"], r["area_id"], r, r)


def _postcode_row(conn, pcd: str) -> dict | None:
    """read.postcode's row (the postcode view's columns), from the compact row and its placement and
    state, which are remembered per build (about 87,000 placements and 300 states): one indexed
    read without the view's joins. Coordinates as the view computes them (lat_e6 / 1000000.0)."""
    got = read.postcode_compact(conn, pcd)
    if got is None:
        return None
    lat_e6, lon_e6, easting, northing, area_id, state_id = got
    cache = build_cache(conn)
    area = cache.memo("postcode_area", _placement, area_id)
    state = cache.memo("postcode_state", _state, state_id)
    if area is None or state is None:  # not in the view (its joins drop the row)
        return None
    return _row(pcd, lat_e6, lon_e6, easting, northing, area_id, area, state)


def _row(pcd, lat_e6, lon_e6, easting, northing, area_id, area, state) -> dict:
    """The postcode view's columns (and ``area_id``) from a compact row and its placement and state."""
    return {"pcd": pcd, "lat": None if lat_e6 is None else lat_e6 / 1000000.0,
            "lon": None if lon_e6 is None else lon_e6 / 1000000.0, "easting": easting, "northing": northing,
            "quality": state["quality"], "country": area["country"], "status": state["status"],
            "terminated": state["terminated"], "lsoa11": area["lsoa11"], "lsoa21": area["lsoa21"],
            "msoa11": area["msoa11"], "lad": area["lad"], "ward": area["ward"], "placed_by": area["placed_by"],
            "source": state["source"], "area_id": area_id}


def _placement(conn, area_id: int) -> dict | None:
    return plain(read.postcode_area(conn, area_id))


def _state(conn, state_id: int) -> dict | None:
    return plain(read.postcode_state(conn, state_id))
