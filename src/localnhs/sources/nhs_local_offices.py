"""ONS NHS England (Region, Local Office) -> NHS England (Region), April 2017: the only
shipped file naming the 2016-era regions and local offices (area teams)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, read_rows



@dataclass(frozen=True)
class LocalOffice:
    line: int
    code: str
    name: str
    region: str
    region_name: str


def read(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    for line, r in read_rows(path, required=("NHSRLO17CD", "NHSRLO17NM", "NHSER17CD", "NHSER17NM"), rejects=rejects):
        if not (r["NHSRLO17CD"].startswith("E39") and r["NHSER17CD"].startswith("E40")):
            rejects.reject(line, "expected E39 local office and E40 region codes")
            continue
        rows.append(LocalOffice(line, r["NHSRLO17CD"], r["NHSRLO17NM"], r["NHSER17CD"], r["NHSER17NM"]))
    return Parsed(path, rows, rejects)
