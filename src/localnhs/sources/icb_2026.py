"""The ICB reorganisation of 1 April 2026: which ICBs closed, which took over, and their names.

The ODS successor file carries the same pairs as codes only; this table adds the new ICBs'
ODS names and says which predecessors were split between successors (``kind`` = split).
Which council areas of a split ICB went where is not in the file: the build derives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, iso_date, read_rows

COLUMNS = ("predecessor_code", "predecessor_name", "successor_code", "successor_name", "date", "kind")
CODE = re.compile(r"^[A-Z0-9]{3,5}$")
KINDS = ("merger", "split", "acquisition")


@dataclass(frozen=True)
class IcbSuccession:
    line: int
    predecessor: str
    predecessor_name: str
    successor: str
    successor_name: str
    date: str
    kind: str          # merger, split or acquisition (the successor continues and gains territory)


def read(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    for line, r in read_rows(path, required=COLUMNS, rejects=rejects):
        pred, succ = r["predecessor_code"], r["successor_code"]
        if not (CODE.match(pred) and CODE.match(succ)) or pred == succ:
            rejects.reject(line, f"bad ICB codes {pred!r} -> {succ!r}")
            continue
        if not (r["predecessor_name"] and r["successor_name"]):
            rejects.reject(line, "an ICB without a name")
            continue
        kind = r["kind"].split(" ")[0]
        if kind not in KINDS:
            rejects.reject(line, f"kind {r['kind']!r} is not one of {', '.join(KINDS)}")
            continue
        try:
            date = iso_date(r["date"])
        except ValueError as exc:
            rejects.reject(line, f"bad date ({exc})")
            continue
        if date is None:
            rejects.reject(line, "no date")
            continue
        rows.append(IcbSuccession(line, pred, r["predecessor_name"], succ, r["successor_name"], date, kind))
    return Parsed(path, rows, rejects)
