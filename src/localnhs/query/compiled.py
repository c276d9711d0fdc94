"""The local system for a postcode from answers compiled once and kept in memory.

What does not depend on the exact point - commissioners, ICB, region, councils, ward, Health and
Wellbeing Board, Healthwatch and the trusts by role with their method and confidence - is the same
for every postcode of a placement (LSOA 2011, LSOA 2021, MSOA, Code-Point district and ward) on a
date. It is computed once per placement and date by the query functions themselves (so it cannot
drift from them) and then reused: a lookup is one postcode read plus in-memory joins. On the
dates a build compiled (its own day, and any other it was asked for: query/compile_answers.py) the parts are read
from the build instead of worked out (a row of part ids per placement, each part decoded once per
build), so a first answer there does no query work at all; on any other date, and for a
placement the build has no parts for, they are worked out on first use as before. Whether a
part really is point-free is observed, not assumed: the parts are computed against a watched
location, and a part that read the coordinates (a trust chosen by distance, a predecessor picked
by nearness) is recomputed for every lookup instead of reused.

The nearest practices come from a KD-tree (scipy cKDTree) over the open practices of each
epraccur release, built once, with the same box-widening rule as the SQL path
(query/practices.py), so the answers are the same (tests/test_compiled.py compares both over a
large random sample of postcodes and dates).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import math
import sys
import zlib
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import numpy as np
from scipy.spatial import cKDTree

from localnhs.query import answer_codec, area_rows
from localnhs.query import councils as councils_q
from localnhs.query import postcode as pc
from localnhs.query import postcode_index
from localnhs.query import trusts as trusts_q
from localnhs.query.bodies import body
from localnhs.query.commissioners import commissioners, footprint
from localnhs.query.dates import parse, today
from localnhs.query.errors import NotFound
from localnhs.query.geo import km
from localnhs.query.model import Body, LocalSystem, Location, NearPractice, TrustRole
from localnhs.query.national import national_bodies
from localnhs.query.per_connection import build_cache
from localnhs.query.places import from_postcode_row
from localnhs.query.practices import _active, list_size, practice_links, release_for
from localnhs.store import read

log = logging.getLogger(__name__)

AREA_FIELDS = frozenset({"lsoa11", "lsoa21", "msoa11"})
MEMO_LIMIT = 200_000
LON_SCALE = 1.6  # the SQL path's search box is 1.6 times as wide in longitude as in latitude


class _Watched:
    """A Location that records which of its fields were read."""

    __slots__ = ("_loc", "_seen")

    def __init__(self, loc: Location):
        object.__setattr__(self, "_loc", loc)
        object.__setattr__(self, "_seen", set())

    def __getattr__(self, name):
        self._seen.add(name)
        return getattr(self._loc, name)


@dataclasses.dataclass
class _Area:
    chain: list[Body]
    place_footprint: str | None
    councils: list[Body]
    hwb: Body | None
    healthwatch: Body | None
    ward: object
    # None: that role depends on the point, computed per lookup; BY_HEADQUARTERS: the footprint has
    # no row for the placement, so only the choice by headquarters distance is made per lookup
    roles: list[TrustRole | None | str]
    sources: list[str]


class Compiled:
    """What one build has compiled (held in that build's BuildCache, query/per_connection.py):
    placements by (LSOAs, MSOA, district, ward, date), the codes of a placement by (area id, date),
    the practice index per epraccur release and the practice parts per (practice, date). A new
    build (hot reload) gets a new object, so it can never answer from the old build's memos.
    Bounded: a memo past MEMO_LIMIT is emptied and refilled."""

    def __init__(self, conn):
        self.areas: dict = {}
        self.points: dict[str, "_Points"] = {}
        self.releases: dict[dt.date, str] = {}  # the epraccur release (file) in force on a date
        self.practices: dict = {}
        # What the build compiled (query/compile_answers.py), by date: read first, worked out only
        # for the dates and placements it does not hold.
        self.stored: dict[dt.date, _Stored] = {}
        for r in read.compiled_dates(conn):
            self.stored[dt.date.fromisoformat(r["date"])] = _Stored(conn, r)

    @staticmethod
    def bounded(memo: dict) -> dict:
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        return memo


class _Stored:
    """One compiled date of the build: the slots (a row of part ids per postcode_area id, 0 where
    the placement is answered the live way) and the parts and bodies, each decoded on first use
    and then shared by every answer (read, never changed, as the live memos' parts)."""

    def __init__(self, conn, r):
        self.conn, self.date = conn, r["date"]
        self.slots = np.frombuffer(zlib.decompress(r["slots"]), dtype=r["dtype"]).reshape(r["rows"], r["columns"])
        self.parts: dict[int, object] = {}
        self.bodies: dict[int, Body] = {}
        self.practices: dict[str, tuple] | None = None  # code -> facts, once load() has read them all

    def _read(self, key: str) -> bytes:
        data = read.compiled_part(self.conn, self.date, key)
        if data is None:
            raise answer_codec.CodecError(f"compiled part {key} of {self.date} is missing from the build")
        return data

    def body(self, i: int) -> Body:
        got = self.bodies.get(i)
        if got is None:
            got = self.bodies[i] = answer_codec.decode(self._read(f"b{i}"))
        return got

    def part(self, i: int):
        got = self.parts.get(i, _NO_PART)
        if got is _NO_PART:
            got = self.parts[i] = answer_codec.decode(self._read(f"p{i}"), self.body)
        return got

    def area(self, area_id: int) -> "_Area | None":
        """The placement's compiled parts, or None where it has none or one cannot be read (then
        it is answered the live way, and a damaged part is logged: a wrong build never gives an
        error for an answer it can work out)."""
        if not 0 <= area_id < self.slots.shape[0]:
            return None
        ids = self.slots[area_id].tolist()
        if not ids[0]:
            return None
        try:
            v = [self.part(i) for i in ids]
        except answer_codec.CodecError as exc:
            _damaged(self.date, exc)
            return None
        return _Area(v[0], v[1], v[2], v[3], v[4], v[5], v[6:10], v[10])

    def load(self) -> None:
        """Decode every body, part and practice of the date at once (one statement, ~0.2 s for
        ~27,000 parts), before the build serves (query/preload.py). Decoded one by one instead, a
        server's first few thousand answers each paid for their own parts, with every request in
        flight waiting behind them. A part that cannot be read is left out here and logged when an
        answer asks for it (area() and practice() then work it out, as before)."""
        practices: dict[str, tuple] = {}
        rows = read.compiled_parts(self.conn, self.date)
        for key, data in rows:  # the bodies first: parts refer to them
            if key[0] == "b" and int(key[1:]) not in self.bodies:
                try:
                    self.bodies[int(key[1:])] = answer_codec.decode(data)
                except answer_codec.CodecError:
                    pass
        for key, data in rows:
            kind = key[0]
            try:
                if kind == "p" and int(key[1:]) not in self.parts:
                    self.parts[int(key[1:])] = answer_codec.decode(data, self.body)
                elif kind == "g":
                    practices[key[1:]] = tuple(answer_codec.decode(data, self.body))
            except answer_codec.CodecError:
                pass
        self.practices = practices

    def practice(self, code: str):
        """A practice's facts on the date (body, list size and its date, PCN, commissioner), or None
        (not compiled, or its part cannot be read: worked out instead, as area() does)."""
        if self.practices is not None and code in self.practices:
            return self.practices[code]
        data = read.compiled_part(self.conn, self.date, f"g{code}")
        if data is None:
            return None
        try:
            return tuple(answer_codec.decode(data, self.body))
        except answer_codec.CodecError as exc:
            _damaged(self.date, exc)
            return None


def _damaged(date: str, exc: Exception) -> None:
    log.warning("compiled answers of %s: %s; working the answer out instead", date, exc)


_NO_PART = object()


def compiled_for(conn) -> Compiled:
    """The Compiled object of the build this connection reads."""
    return build_cache(conn).part("compiled", Compiled)


_ROLES = ("acute", "ambulance", "mental_health", "community")
BY_HEADQUARTERS = "by headquarters"


def _role(conn, loc, when, area, council, role: str) -> TrustRole:
    if role == "acute":
        return trusts_q.acute(conn, loc, when, area, council)
    if role == "ambulance":
        return trusts_q.ambulance(conn, loc, when)
    if role == "mental_health":
        return trusts_q.mental_health(conn, loc, when, area, council)
    return trusts_q.community(conn, loc, when, area, council)


def _compile_area(conn, loc: Location, when: dt.date) -> tuple[_Area, bool]:
    """The point-free parts for the location's placement; False when any of the
    commissioner/council parts read more than the placement (then nothing is reused)."""
    w = _Watched(loc)
    chain = commissioners(conn, w, when)
    area = footprint(conn, chain, when)
    cs, hwb, hw = councils_q.councils(conn, w, when)
    ward = councils_q.ward(conn, w, when)
    reusable = w._seen <= AREA_FIELDS | {"postcode"}
    council = cs[0].code if cs else None
    roles = []
    for role in _ROLES:
        rw = _Watched(loc)
        r = _role(conn, rw, when, area, council, role)
        if rw._seen <= AREA_FIELDS | {"postcode"}:
            roles.append(r)
            continue
        if role in ("mental_health", "community"):
            # Often only the fallback read the point: the footprint's answer (None: no row) is the
            # placement's, and the lookup need only pick the nearest headquarters.
            fw = _Watched(loc)
            if trusts_q.from_footprint(conn, fw, when, role) is None and fw._seen <= AREA_FIELDS | {"postcode"}:
                roles.append(BY_HEADQUARTERS)
                continue
        roles.append(None)
    sources = sorted({b.source for b in [*chain, *cs] if b and b.source})
    return _Area(chain, area, cs, hwb, hw, ward, roles, sources), reusable


GRID_LAT = 0.05                # a grid cell: the first search box's half-height ...
GRID_LON = GRID_LAT * LON_SCALE  # ... and half-width, in degrees
GRID_RADII = 0.4               # search boxes this big or bigger (rural, rare) use the KD-tree


@dataclasses.dataclass
class _Points:
    codes: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    box: np.ndarray        # min_lon, max_lon, min_lat, max_lat as the R-tree stores them (float32 bounds)
    tree: cKDTree | None
    # cell row -> cell column -> the practices whose box's lower corner is in that cell, in R-tree
    # order, each as (min_lon, max_lon, min_lat, max_lat, x, y, z on the unit sphere, index)
    grid: dict[int, dict[int, list[tuple]]]
    exact: list[tuple[float, float, float]]  # by index: latitude in radians, its cosine, longitude (for geo.km)


def _points(conn, file: str, made: Compiled | None = None) -> _Points:
    """Open GP practices of one epraccur release, in the R-tree's order (the SQL path's order for ties)."""
    memo = (made or compiled_for(conn)).points
    got = memo.get(file)
    if got is None:
        got = memo[file] = _index_points(conn, file)
    return got


def _index_points(conn, file: str) -> _Points:
    active = _active(conn, file)
    rows = [r for r in read.gp_points(conn) if r["code"] in active]
    codes = np.array([r["code"] for r in rows], dtype=object)
    lat = np.array([r["lat"] for r in rows], dtype=float)
    lon = np.array([r["lon"] for r in rows], dtype=float)
    box = np.array([(r["min_lon"], r["max_lon"], r["min_lat"], r["max_lat"]) for r in rows], dtype=float).reshape(-1, 4)
    tree = cKDTree(np.column_stack([lat, lon / LON_SCALE])) if rows else None
    grid: dict[int, dict[int, list[tuple]]] = {}
    exact = []
    for i, r in enumerate(rows):
        p2, l2 = math.radians(r["lat"]), math.radians(r["lon"])
        cell = grid.setdefault(math.floor(r["min_lat"] / GRID_LAT), {}).setdefault(math.floor(r["min_lon"] / GRID_LON), [])
        cell.append((r["min_lon"], r["max_lon"], r["min_lat"], r["max_lat"], *_unit(p2, l2), i))
        exact.append((p2, math.cos(p2), r["lon"]))
    return _Points(codes, lat, lon, box, tree, grid, exact)


def _unit(p: float, l: float) -> tuple[float, float, float]:
    """The point on the unit sphere at latitude p, longitude l (radians)."""
    return math.cos(p) * math.cos(l), math.cos(p) * math.sin(l), math.sin(p)


def _in_grid(pts: _Points, lat: float, lon: float, radius: float, n: int) -> tuple[int, list[tuple[float, int]]]:
    """How many practices are in the SQL path's search box, and (km, index) of the n nearest, ties
    in R-tree order: _in_box and _closest in plain Python over the grid cells the box touches. A
    practice in the box has its lower corner in it, and x >= lo gives floor(x / cell) >= floor(lo / cell),
    so those cells hold every one. They are ranked first by the squared chord between unit vectors
    (a few multiplications; in the same order as the great-circle distance), and geo.km is worked out,
    step for step (the same bits), only for those within 1e-6 of the n-th chord: rounding in either
    formula is orders of magnitude smaller, so nothing beyond that margin can be among the n."""
    dlat, dlon = radius, radius * LON_SCALE
    lo_lat, hi_lat, lo_lon, hi_lon = lat - dlat, lat + dlat, lon - dlon, lon + dlon
    qx, qy, qz = _unit(math.radians(lat), math.radians(lon))
    first, last = math.floor(lo_lon / GRID_LON), math.floor(hi_lon / GRID_LON) + 1
    found = []
    for i in range(math.floor(lo_lat / GRID_LAT), math.floor(hi_lat / GRID_LAT) + 1):
        row = pts.grid.get(i)
        if row is None:
            continue
        for j in range(first, last):
            for min_lon, max_lon, min_lat, max_lat, x, y, z, k in row.get(j, ()):
                if min_lon >= lo_lon and max_lon <= hi_lon and min_lat >= lo_lat and max_lat <= hi_lat:
                    x, y, z = x - qx, y - qy, z - qz
                    found.append((x * x + y * y + z * z, k))
    count = len(found)
    if count > n:
        found.sort()
        cut = found[n - 1][0] * (1 + 1e-6) + 1e-18
        found = [f for f in found if f[0] <= cut]
    p1 = math.radians(lat)
    c1 = math.cos(p1)
    sin, asin, sqrt, radians, exact = math.sin, math.asin, math.sqrt, math.radians, pts.exact
    ranked = []
    for _, k in found:
        p2, c2, plon = exact[k]
        a = sin((p2 - p1) / 2) ** 2 + c1 * c2 * sin(radians(plon - lon) / 2) ** 2
        ranked.append((6371.0088 * 2 * asin(sqrt(a)), k))
    ranked.sort()  # by distance, then index: a stable sort by distance of the R-tree order
    return count, ranked[:n]


def _in_box(pts: _Points, lat: float, lon: float, radius: float) -> np.ndarray:
    dlat, dlon = radius, radius * LON_SCALE
    if pts.tree is None:
        return np.array([], dtype=np.int64)
    near = np.array(pts.tree.query_ball_point([lat, lon / LON_SCALE], radius * (1 + 1e-6) + 1e-9, p=np.inf),
                    dtype=np.int64)
    near.sort()
    b = pts.box[near]
    keep = (b[:, 0] >= lon - dlon) & (b[:, 1] <= lon + dlon) & (b[:, 2] >= lat - dlat) & (b[:, 3] <= lat + dlat)
    return near[keep]


def _haversine(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """geo.km over arrays (to the last bit or two: used to pick candidates, never as the answer)."""
    p1, p2 = np.radians(lat), np.radians(lats)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 6371.0088 * 2 * np.arcsin(np.sqrt(a))


def _closest(pts: _Points, lat: float, lon: float, found: np.ndarray, n: int) -> list[tuple[float, int]]:
    """(km, index) of the n nearest of `found` by geo.km, ties in R-tree order: exact distances are
    worked out only for the points the array distance cannot rule out."""
    if len(found) > n:
        approx = _haversine(lat, lon, pts.lat[found], pts.lon[found])
        cut = np.partition(approx, n - 1)[n - 1]
        found = found[approx <= cut * (1 + 1e-9) + 1e-9]
    exact = [(km(lat, lon, pts.lat[i], pts.lon[i]), i) for i in found.tolist()]
    exact.sort(key=lambda t: t[0])  # stable: equal distances keep the R-tree order
    return exact[:n]


def _practice_parts(conn, code: str, as_of: dt.date, made: Compiled | None = None):
    made = made or compiled_for(conn)
    memo = made.practices
    got = memo.get((code, as_of))
    if got is None:
        stored = made.stored.get(as_of)
        got = stored.practice(code) if stored is not None else None
        if got is None:
            got = _find_practice_parts(conn, code, as_of)
        Compiled.bounded(memo)[(code, as_of)] = got
    return got


def _find_practice_parts(conn, code: str, as_of: dt.date):
    prac = body(conn, code, as_of, method="nearest open practice", confidence="high")
    size, size_date = list_size(conn, code, as_of)
    pcn, comm = practice_links(conn, code, as_of)
    return prac, size, size_date, pcn, comm


def nearest_practices(conn, loc: Location, as_of: dt.date, n: int = 5,
                      place_commissioner: str | None = None) -> list[NearPractice]:
    """query/practices.nearest from the in-memory index: the same box-widening search and ranking."""
    if loc.lat is None or n <= 0:
        return []
    made = compiled_for(conn)
    file = made.releases.get(as_of)
    if file is None:
        file = Compiled.bounded(made.releases)[as_of] = release_for(conn, as_of)[0]
    pts = _points(conn, file, made)
    lat, lon = loc.lat, loc.lon
    radius = 0.05
    ranked: list[tuple[float, int]] = []
    while radius < 3.0:
        if radius < GRID_RADII:
            count, ranked = _in_grid(pts, lat, lon, radius, n)
        else:
            found = _in_box(pts, lat, lon, radius)
            ranked = _closest(pts, lat, lon, found, n)
            count = len(found)
        if count >= n and ranked[n - 1][0] <= radius * 111:
            break
        radius *= 2
    out = []
    for dist, i in ranked:
        prac, size, size_date, pcn, comm = _practice_parts(conn, pts.codes[i], as_of, made)
        note = None
        if comm and place_commissioner and comm.code != place_commissioner:
            note = (f"This practice is commissioned by {comm.name}, not the commissioner for the place itself: "
                    "practice lists do not follow area boundaries.")
        out.append(NearPractice(prac, round(dist, 2), size, size_date, pcn, comm, note))  # shared, as above
    return out


@lru_cache(maxsize=4096)
def _national(as_of: dt.date) -> tuple[Body, ...]:
    return tuple(national_bodies(as_of))


def local_system_for(conn, loc: Location, row, when: dt.date, n_practices: int = 5) -> LocalSystem:
    """The answer for a located postcode (row: its postcode row, for the district and ward)."""
    key = (loc.lsoa11, loc.lsoa21, loc.msoa11, row["lad"], row["ward"], when)
    made = compiled_for(conn)
    table = Compiled.bounded(made.areas)
    area = table.get(key)
    if area is None:
        stored = made.stored.get(when)
        if stored is not None and loc.located_by != "neighbouring_postcode" and "area_id" in row:
            area = stored.area(row["area_id"])  # a stand-in's fields are another placement's
        if area is not None:
            table[key] = area
        else:
            area, reusable = _compile_area(conn, loc, when)
            if reusable:
                table[key] = area
    # The kept parts are shared by every answer for the placement, not copied: answers are read,
    # never changed (tests/test_compiled_shared.py runs the API, the pages and bulk over answers
    # and checks the kept parts are as they were). Only the lists are the answer's own.
    chain = list(area.chain)
    cs = list(area.councils)
    council = cs[0].code if cs else None
    roles = [r if r.__class__ is TrustRole else
             trusts_q.by_headquarters(conn, loc, when, role, area.place_footprint, council) if r is BY_HEADQUARTERS else
             _role(conn, loc, when, area.place_footprint, council, role)
             for role, r in zip(_ROLES, area.roles)]
    notes = list(loc.notes)
    if not chain:
        notes.append("No commissioner could be found for this place on that date.")
    return LocalSystem(
        as_of=when.isoformat(), location=loc, councils=cs, ward=area.ward,
        hwb=area.hwb, healthwatch=area.healthwatch, commissioners=chain,
        practices=nearest_practices(conn, loc, when, n=n_practices, place_commissioner=chain[0].code if chain else None),
        trusts=roles, national=list(_national(when)), sources=list(area.sources),
        notes=notes,
    )


def lookup(conn, query: str, as_of=None, n_practices: int = 5) -> LocalSystem | None:
    """The compiled answer for a full postcode in the data; None for anything else (the caller
    answers those - partial postcodes, places, organisations, unknown postcodes - the usual way)."""
    if isinstance(query, str) and pc.FULL_SPACED.fullmatch(query):  # already normal: nothing to strip or normalise
        when = today() if as_of is None else parse(as_of)
        text = pcd = query
    else:
        if not pc.is_full(query or ""):
            return None
        when = parse(as_of)
        text = (query or "").strip()
        if len(text) > 200:
            return None
        pcd = pc.normalise(text)
    row = area_rows.postcode_row(conn, pcd)
    if row is None:
        return None
    loc = from_postcode_row(conn, row, text)
    return local_system_for(conn, loc, row, when, n_practices)


def _codes_of(ls: LocalSystem) -> dict:
    loc = ls.location
    chain = {b.kind: b.code for b in ls.commissioners}
    return {
        "lsoa11": loc.lsoa11, "lsoa21": loc.lsoa21, "msoa11": loc.msoa11,
        "ward": ls.ward.code if ls.ward else None,
        "commissioner": ls.commissioners[0].code if ls.commissioners else None,
        "icb": chain.get("icb"), "region": chain.get("region"),
        "councils": [c.code for c in ls.councils],
        "hwb": ls.hwb.code if ls.hwb else None, "healthwatch": ls.healthwatch.code if ls.healthwatch else None,
    }


class Codes(Mapping):
    """The codes of one postcode on a date, read-only: a Mapping with the keys of _codes_of (and
    ``postcode`` first), equal to the dict of them. The placement's codes are kept once per
    placement and date and shared by every answer for it; an answer is only the postcode and a
    pointer to them, so nothing is copied per lookup. No item can be set on it, the kept codes are
    behind a read-only proxy, and ``councils`` is a new list each time it is read: no caller can
    change what is kept. ``dict(codes)`` is a plain dict of it."""

    __slots__ = ("postcode", "_kept")

    def __init__(self, postcode: str, kept: MappingProxyType):
        self.postcode = postcode
        self._kept = kept  # the placement's codes ("postcode": None first, councils a tuple)

    def __getitem__(self, key):
        if key == "postcode":
            return self.postcode
        if key == "councils":
            return list(self._kept["councils"])
        return self._kept[key]

    def __iter__(self):
        return iter(self._kept)

    def __len__(self) -> int:
        return len(self._kept)

    def __contains__(self, key) -> bool:
        return key in self._kept

    def __repr__(self) -> str:
        return f"Codes({dict(self)!r})"


def _kept_codes(found: dict) -> MappingProxyType:
    """A placement's codes as kept: interned (the many placements of one ICB, council or region
    then share one string object), councils as a tuple, and a ``postcode`` slot first (for the
    key order; an answer gives its own postcode there)."""
    kept = {k: sys.intern(v) if isinstance(v, str) else v for k, v in {"postcode": None, **found}.items()}
    kept["councils"] = tuple(sys.intern(c) for c in found["councils"])
    return MappingProxyType(kept)


class _Codes(postcode_index.PostcodeIndex):
    """The codes of postcodes for one build: the postcode index (query/postcode_index.py) and the
    codes of each placement by date, as they are first asked for. Bounded as Compiled's memos."""

    __slots__ = ("by_date", "count", "slots")

    def __init__(self, conn):
        index = postcode_index.build(conn)
        super().__init__(index.sectors, index.areas, index.others, index.size)
        # Per date, a list by placement id (one pointer each, no int key to compare on a read),
        # one longer than the largest id, so the index's -1 (no such postcode) reads None.
        self.by_date: dict[dt.date, list[MappingProxyType | None]] = {}
        self.count = 0
        self.slots = max(max(index.areas, default=-1), max(index.others.values(), default=-1)) + 2

    def keep(self, area: int, when: dt.date, kept: MappingProxyType) -> None:
        if self.count >= MEMO_LIMIT or (when not in self.by_date and len(self.by_date) >= CODE_DATES):
            self.by_date, self.count = {}, 0
        got = self.by_date.get(when)
        if got is None:
            got = self.by_date[when] = [None] * self.slots
        got[area] = kept
        self.count += 1


_peek_build = build_cache.peek
CODE_DATES = 32  # dates whose codes are kept at once (a list of ~87,000 pointers each)


def codes(conn, postcode: str, as_of=None) -> Codes:
    """The area codes of a postcode on a date - neighbourhoods (LSOA 2011/2021, MSOA), ward, the
    commissioner (CCG or sub-ICB location), ICB, NHS England region, councils, Health and Wellbeing
    Board and Healthwatch - from the in-memory postcode index and the compiled placement.
    Errors as local_system's (invalid, not found, outside England).

    The index is built on the build's first call (one scan of the compact postcode table, a second
    or two). A postcode given in the normal form ('WA5 1QG') whose placement has been answered on
    that date before is found in a few dict and array reads, with no database read, and answered
    without copying anything (a read-only Codes over the placement's kept codes)."""
    cache = _peek_build(conn)
    table = cache.peek("codes") if cache is not None else None
    if table is None:
        table = build_cache(conn).part("codes", _Codes)
    when = today() if as_of is None else parse(as_of)
    base = table.sectors.get(postcode[:-2])
    if base is not None:
        unit = table.units.get(postcode[-2:])
        if unit is not None:
            kept = table.by_date.get(when)
            hit = None if kept is None else kept[table.areas[base + unit]]
            if hit is not None:  # postcode is a normalised postcode of the data (it was found)
                return Codes(postcode, hit)
    return _codes_looked_up(conn, table, postcode, when)


def _codes_looked_up(conn, table: _Codes, postcode: str, when: dt.date) -> Codes:
    """codes() when the placement's codes are not in memory yet (or the postcode is not normalised)."""
    pcd = postcode if pc.FULL_SPACED.match(postcode) else pc.normalise(postcode)
    area = table.area(pcd)
    if area is not None:
        kept = table.by_date.get(when)
        hit = None if kept is None else kept[area]
        if hit is not None:
            return Codes(pcd, hit)
    ls = lookup(conn, pcd, when, n_practices=0)
    if ls is None:  # not in the data: the query path's message
        from localnhs.query.places import locate

        locate(conn, pcd)  # raises: not in the data, or outside England
        raise NotFound(f"{pcd} is not in the postcode data.")
    kept = _kept_codes(_codes_of(ls))
    if area is not None and ls.location.located_by != "neighbouring_postcode":
        table.keep(area, when, kept)  # a stand-in's codes are not its placement's
    return Codes(pcd, kept)
