"""Every postcode of a build and its placement, in memory: a postcode's placement id
(postcode_area.id) without a database read.

Laid out for a lookup in a few Python operations, with no SQLite and no numpy call per lookup: a
postcode is its sector (``'WA5 1'``, ``pcd[:-2]``) and its unit (``'QG'``, ``pcd[-2:]``). The unit's
two letters come from the 20 the inward code uses (not C, I, K, M, O or V), so there are 400 units;
every sector owns a run of 400 slots in one array of placement ids (-1 where the sector has no such
postcode), and a dict gives each sector's first slot. A lookup is two dict reads and one array
read, and only an exact normalised postcode of the data is found ('WA5 1QG', not 'wa51qg'). A
postcode of the data whose unit has another letter (none in the 2025 files) is kept in a small
dict beside them, so nothing in the table is left out. For 2.5 million postcodes in 11,800 sectors
the array is about 19 MB.

Built once per build (held in the build's cache by query/compiled.py) from range scans of the
compact postcode table, one initial letter at a time so the scratch memory stays small; the
placement ids are the table's own, and tests compare the index with the table row for row.
"""

from __future__ import annotations

import string
from array import array

import numpy as np

from localnhs.store import read

UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
UNITS = {a + b: i for i, (a, b) in enumerate((a, b) for a in UNIT_LETTERS for b in UNIT_LETTERS)}
WIDTH = len(UNITS)
# Range scans by first character: '' up to 'B', 'B' up to 'C', ..., 'Z' to the end.
_CHUNKS = list(zip(["", *string.ascii_uppercase[1:]], [*string.ascii_uppercase[1:], "\uffff"]))
_LETTER = np.full(256, -1, dtype=np.int64)
_LETTER[[ord(c) for c in UNIT_LETTERS]] = np.arange(len(UNIT_LETTERS))


class PostcodeIndex:
    """``area(pcd)``: the placement id of a normalised postcode, None when it is not in the data."""

    __slots__ = ("sectors", "units", "areas", "others", "size")

    def __init__(self, sectors: dict[str, int], areas: array, others: dict[str, int], size: int):
        self.sectors = sectors  # sector -> its first slot in areas
        self.units = UNITS      # unit ('QG') -> its slot within a sector's run
        self.areas = areas      # placement id per slot, -1 for none
        self.others = others    # postcodes whose unit has a letter outside UNIT_LETTERS
        self.size = size        # postcodes indexed

    def area(self, pcd: str) -> int | None:
        base = self.sectors.get(pcd[:-2])
        unit = self.units.get(pcd[-2:])
        if base is None or unit is None:
            return self.others.get(pcd)
        found = self.areas[base + unit]
        return found if found >= 0 else None

    def __len__(self) -> int:
        return self.size


def build(conn) -> PostcodeIndex:
    """The index of every row of the compact postcode table (all countries, live and terminated)."""
    sectors: dict[str, int] = {}
    areas = array("i")
    others: dict[str, int] = {}
    size = 0
    for start, stop in _CHUNKS:
        pcds, area_text = read.postcode_keys(conn, start, stop)
        if pcds:
            size += _add(pcds, np.fromstring(area_text, dtype=np.int64, sep=","), sectors, areas, others)
    return PostcodeIndex(sectors, areas, others, size)


def _add(pcds: str, area_ids: np.ndarray, sectors: dict, areas: array, others: dict) -> int:
    """Index one scan's postcodes (comma-separated, in key order) with their placement ids; the
    number of postcodes it held."""
    buf = np.frombuffer(pcds.encode("ascii"), dtype=np.uint8)
    ends = np.append(np.flatnonzero(buf == ord(",")), len(buf))  # one past each postcode's last character
    starts = np.empty_like(ends)
    starts[0], starts[1:] = 0, ends[:-1] + 1
    rows = len(ends)
    if rows != len(area_ids) or (ends - starts).min() < 3:
        raise ValueError(f"the compact postcode table gave {len(ends)} postcodes and {len(area_ids)} placements "
                         "that do not pair up: rebuild the database with `localnhs build`")
    unit = _LETTER[buf[ends - 2]] * len(UNIT_LETTERS) + _LETTER[buf[ends - 1]]
    odd = (_LETTER[buf[ends - 2]] < 0) | (_LETTER[buf[ends - 1]] < 0)
    for i in np.flatnonzero(odd).tolist():
        others[pcds[starts[i]:ends[i]]] = int(area_ids[i])
    keep = ~odd
    starts, ends, unit, area_ids = starts[keep], ends[keep], unit[keep], area_ids[keep]
    if not len(ends):
        return rows
    # Rows come in key order, so a sector's postcodes are consecutive: a new sector starts where
    # pcd[:-2] differs from the row before's (in length or in any character).
    sector_len = ends - starts - 2
    longest = int(sector_len.max())
    padded = np.append(buf, np.zeros(longest, dtype=np.uint8))
    new = np.empty(len(ends), dtype=bool)
    new[0] = True
    new[1:] = sector_len[1:] != sector_len[:-1]
    for k in range(longest):
        new[1:] |= (padded[starts[1:] + k] != padded[starts[:-1] + k]) & (k < sector_len[1:])
    first = np.flatnonzero(new)
    slots = np.full(len(first) * WIDTH, -1, dtype=np.intc)  # C int, as array("i")
    slots[(np.cumsum(new) - 1) * WIDTH + unit] = area_ids
    base = len(areas)
    for i, (s, e) in enumerate(zip(starts[first].tolist(), ends[first].tolist())):
        sector = pcds[s:e - 2]
        if sector in sectors:
            raise ValueError(f"the compact postcode table is not in postcode order (sector {sector!r} is split): "
                             "rebuild the database with `localnhs build`")
        sectors[sector] = base + i * WIDTH
    areas.frombytes(slots.tobytes())
    return rows
