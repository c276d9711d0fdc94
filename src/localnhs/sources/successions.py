"""ODS successor organisations: the current succ file (headerless, YYYYMMDD) and
geographr's merge of succ + succarc (header, ISO dates, to 2022).

Both cover every ODS organisation type; the build keeps them all, so closed practices,
CCGs and trusts alike can point at their successors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, iso_date, ods_date, read_rows

SUCC_COLUMNS = {"old": 0, "new": 1, "reason": 2, "date": 3, "flag": 4}
CODE = re.compile(r"^[A-Z0-9]{3,10}$")


@dataclass(frozen=True)
class Succession:
    line: int
    old: str
    new: str
    date: str


def _read(path: Path, columns, date_col, parse_date) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    kw = {"columns": columns} if columns else {"required": ("old_code", "new_code", "date")}
    for line, r in read_rows(path, rejects=rejects, **kw):
        old, new = (r["old"], r["new"]) if columns else (r["old_code"], r["new_code"])
        if not (CODE.match(old) and CODE.match(new)):
            rejects.reject(line, f"bad code in {old!r} -> {new!r}")
            continue
        try:
            date = parse_date(r[date_col])
        except ValueError as exc:
            rejects.reject(line, f"bad date ({exc})")
            continue
        if date is None:
            rejects.reject(line, "no succession date")
            continue
        rows.append(Succession(line, old, new, date))
    return Parsed(path, rows, rejects)


def read_current(path: Path) -> Parsed:
    return _read(path, SUCC_COLUMNS, "date", ods_date)


def read_archive(path: Path) -> Parsed:
    return _read(path, None, "date", iso_date)
