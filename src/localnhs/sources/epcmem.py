"""ODS epcmem: each prescribing cost centre's commissioner memberships, with dates, to 2019.

This is what gives a practice's CCG on a past date, even for practices since closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, ods_date, read_rows

COLUMNS = {"practice": 0, "commissioner": 1, "type": 2, "start": 3, "end": 4, "flag": 5}
CODE = re.compile(r"^[A-Z0-9]{3,8}$")


@dataclass(frozen=True)
class Membership:
    line: int
    practice: str
    commissioner: str
    start: str | None
    end: str | None


def read(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    for line, r in read_rows(path, columns=COLUMNS, rejects=rejects):
        if not (CODE.match(r["practice"]) and CODE.match(r["commissioner"])):
            rejects.reject(line, f"bad code {r['practice']!r} -> {r['commissioner']!r}")
            continue
        try:
            start, end = ods_date(r["start"]), ods_date(r["end"])
        except ValueError as exc:
            rejects.reject(line, f"bad date ({exc})")
            continue
        if start and end and end < start:
            rejects.reject(line, f"membership ends ({end}) before it starts ({start})")
            continue
        rows.append(Membership(line, r["practice"], r["commissioner"], start, end))
    return Parsed(path, rows, rejects)
