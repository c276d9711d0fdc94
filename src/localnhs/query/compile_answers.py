"""Compiling answers at build time, so that no request works one out from the tables.

For each date compiled (the build's day, and any other asked for, e.g. 2016-04-01) and every
English placement with a live postcode (a postcode_area row: LSOAs, MSOA, district, ward), the
point-free parts of its answer -
commissioners, councils, Health and Wellbeing Board, Healthwatch, ward, the trusts by role,
sources - are worked out by the query functions themselves (query/compiled.py's _compile_area,
the code that answers on any other date, so the two cannot drift) and stored; so are the facts of
every open GP practice on that date (its body, list size, PCN and commissioner). A server then
answers a first-time postcode with a postcode read, a row of part ids and a few part reads, each
part decoded once per build and shared.

Stored compactly (query/answer_codec.py): each distinct part once per date, each organisation
(Body) in it once per date by reference; per placement only a row of part ids (the slots). A
placement whose parts read more than the placement (a trust chosen by distance from the point)
gets no slots and is answered the live way, as before.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import orjson

from localnhs.query import answer_codec, area_rows
from localnhs.query import compiled as compiled_q
from localnhs.query.places import from_postcode_row
from localnhs.query.practices import _active, release_for
from localnhs.store import compiled_tables, read
from localnhs.store.db import connect

PAST = dt.date(2016, 4, 1)
# The columns of a placement's slots: the _Area fields in order, its roles one column each.
COLUMNS = ("chain", "place_footprint", "councils", "hwb", "healthwatch", "ward",
           "acute", "ambulance", "mental_health", "community", "sources")


def dates_to_compile(today: dt.date, extra=()) -> list[dt.date]:
    """The build's own day, and any dates asked for (``localnhs build --compile-date 2016-04-01``).
    Only the build's day by default: each date costs ~15 s of CPU (~8 s of the build on two cores),
    and the build's time has a budget (60 s); another date's first answers are worked out when asked."""
    return sorted({today, *extra})


class _Parts:
    """Distinct parts and bodies of one date, each given an id on first sight. A value is looked up
    by its JSON bytes (orjson, in C: a dataclass as its fields by name), with its type's name, so
    only a new part is encoded."""

    def __init__(self, first: int = 1, stride: int = 1):
        # Ids first, first + stride, ...: workers compiling parts of one date side by side take
        # ids of their own residue, so their parts never collide (a part both meet is kept twice).
        self.first, self.stride = first, stride
        self.bodies: dict[bytes, int] = {}
        self.parts: dict[tuple, int] = {}
        self.rows: list[tuple[str, bytes]] = []

    def body_id(self, b) -> int:
        key = orjson.dumps(b)
        got = self.bodies.get(key)
        if got is None:
            got = self.bodies[key] = self.first + self.stride * len(self.bodies)
            self.rows.append((f"b{got}", answer_codec.encode(b)))
        return got

    def part_id(self, value) -> int:
        key = (value.__class__.__name__, orjson.dumps(value))
        got = self.parts.get(key)
        if got is None:
            got = self.parts[key] = self.first + self.stride * len(self.parts)
            self.rows.append((f"p{got}", answer_codec.encode(value, self.body_id)))
        return got


def compile_date(db_path: Path, when: dt.date, placements: list[dict], share: int = 0,
                 shares: int = 1) -> tuple[np.ndarray, list[tuple[str, bytes]], dict]:
    """The slots (one row per postcode_area id) and the part rows for one date, from a finished
    build, with counts for the build log. ``placements``: this worker's rows of
    read.compile_placements, as dicts; ``share`` of ``shares``: its every shares-th practice."""
    conn = connect(db_path)
    try:
        slots = np.zeros((read.max_postcode_area(conn) + 1, len(COLUMNS)), dtype=np.uint32)
        parts = _Parts(share + 1, shares)
        by_key: dict[tuple, np.ndarray | None] = {}
        live = 0
        for given in placements:
            row = area_rows.postcode_row_from(given)
            area_id, pcd = row["area_id"], row["pcd"]
            area_rows.remember_postcode_row(conn, row)  # as postcode_row would read it, for the parts' reads
            loc = from_postcode_row(conn, row, pcd)
            if loc.located_by == "neighbouring_postcode":  # answered for another postcode's placement
                live += 1
                continue
            key = (loc.lsoa11, loc.lsoa21, loc.msoa11, row["lad"], row["ward"])
            if key not in by_key:
                area, reusable = compiled_q._compile_area(conn, loc, when)
                by_key[key] = (np.array([parts.part_id(v) for v in _columns(area)], dtype=np.uint32)
                               if reusable else None)
            ids = by_key[key]
            if ids is None:
                live += 1
            else:
                slots[area_id] = ids
        practices = 0
        for code in sorted(_active(conn, release_for(conn, when)[0]))[share::shares]:
            value = compiled_q._find_practice_parts(conn, code, when)
            prac = value[0]  # its own body is in no other part: kept inline, one read for the lot
            parts.rows.append((f"g{code}", answer_codec.encode(value, lambda b: None if b is prac else parts.body_id(b))))
            practices += 1
        counts = {"placements": len(placements), "compiled": len(placements) - live, "live": live, "parts": len(parts.parts),
                  "bodies": len(parts.bodies), "practices": practices}
        return slots, parts.rows, counts
    finally:
        conn.close()


def _columns(area) -> list:
    return [area.chain, area.place_footprint, area.councils, area.hwb, area.healthwatch, area.ward,
            *area.roles, area.sources]


def _compile_one(db_path: str, day: str, placements: list[dict], share: int, shares: int):
    """One share of one date, in a worker process (what the pool runs)."""
    t0, c0 = time.perf_counter(), time.process_time()
    slots, rows, counts = compile_date(Path(db_path), dt.date.fromisoformat(day), placements, share, shares)
    counts["seconds"] = round(time.perf_counter() - t0, 1)
    counts["cpu_seconds"] = round(time.process_time() - c0, 1)
    return day, slots, rows, counts


def write(conn: sqlite3.Connection, db_path: Path, today: dt.date, log=None, workers: int = 2, extra=()) -> dict:
    """Compile every date into the build being written (``conn``, the build's own connection, after
    its tables and meta are committed; ``db_path`` its file, which the workers read through query
    connections). Each date is split between ``workers`` processes side by side (fresh interpreters,
    not forks of the build, whose memory they would each count again): the placements read once
    here, each worker given a run of neighbouring ones."""
    days = [d.isoformat() for d in dates_to_compile(today, extra)]
    conn.row_factory = sqlite3.Row
    try:
        every = [dict(r) for r in read.compile_placements(conn)]
    finally:
        conn.row_factory = None
    chunks = [every[len(every) * k // workers:len(every) * (k + 1) // workers] for k in range(workers)]
    tasks = [(str(db_path), day, chunks[k], k, workers) for day in days for k in range(workers)]
    if workers > 1:
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            results = list(pool.map(_compile_one, *zip(*tasks)))
    else:
        results = [_compile_one(*t) for t in tasks]
    out = {}
    for day in days:
        mine = [r for r in results if r[0] == day]
        slots = mine[0][1]
        for _, other, _, _ in mine[1:]:
            np.maximum(slots, other, out=slots)  # each placement is in one share only
        dtype = "uint16" if int(slots.max(initial=0)) < 2**16 else "uint32"
        packed = zlib.compress(np.ascontiguousarray(slots, dtype=dtype).tobytes(), 6)
        compiled_tables.write(conn, day, dtype, len(COLUMNS), slots.shape[0], packed,
                              (row for _, _, rows, _ in mine for row in rows))
        counts = {k: sum(m[3][k] for m in mine) for k in mine[0][3] if k != "seconds"}  # cpu_seconds: summed
        counts["seconds"] = max(m[3]["seconds"] for m in mine)
        out[day] = counts
        if log:
            log(f"compiled answers for {day}: {counts}")
    return out
