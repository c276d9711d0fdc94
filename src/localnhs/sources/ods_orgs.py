"""ODS Data Search and Export reports eccg (CCGs, sub-ICB locations) and etr (NHS trusts).

Both hold history (closed bodies with their dates) in the standard 27-column ODS layout.
Beware: closed rows carry today's region and ICB in columns 2-3, so those columns are
only trusted for bodies that are still open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, ods_date, read_rows

COLUMNS = {
    "code": 0, "name": 1, "region": 2, "hlhg": 3,
    "addr1": 4, "addr2": 5, "addr3": 6, "addr4": 7, "postcode": 9,
    "opened": 10, "closed": 11, "roles": 13, "phone": 17, "gor": 23,
}
CODE = re.compile(r"^[A-Z0-9]{3,5}$")


@dataclass(frozen=True)
class OdsOrg:
    line: int
    code: str
    name: str
    region: str
    hlhg: str
    address: str
    postcode: str
    opened: str | None
    closed: str | None
    roles: tuple[str, ...]


def read(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows: list[OdsOrg] = []
    seen: set[str] = set()
    for line, r in read_rows(path, columns=COLUMNS, rejects=rejects):
        code = r["code"]
        if not CODE.match(code):
            rejects.reject(line, f"organisation code {code!r} is not an ODS code")
            continue
        if code in seen:
            rejects.reject(line, f"duplicate organisation code {code}")
            continue
        try:
            opened, closed = ods_date(r["opened"]), ods_date(r["closed"])
        except ValueError as exc:
            rejects.reject(line, f"bad date ({exc})")
            continue
        if opened is None:
            rejects.reject(line, "no open date")
            continue
        seen.add(code)
        rows.append(OdsOrg(
            line=line, code=code, name=r["name"], region=r["region"], hlhg=r["hlhg"],
            address=", ".join(p for p in (r["addr1"], r["addr2"], r["addr3"], r["addr4"]) if p),
            postcode=r["postcode"], opened=opened, closed=closed,
            roles=tuple(x for x in r["roles"].split("|") if x),
        ))
    return Parsed(path, rows, rejects)


@dataclass(frozen=True)
class IcbName:
    line: int
    ons_code: str
    code: str
    name: str


def read_icb_names(path: Path) -> Parsed:
    """ONS ICB names and codes: links each ICB's ODS Q code to its ONS E54 code."""
    rejects = Rejects(path.name)
    rows = []
    for line, r in read_rows(path, required=("ICB24CD", "ICB24CDH", "ICB24NM"), rejects=rejects):
        if not (r["ICB24CD"].startswith("E54") and CODE.match(r["ICB24CDH"])):
            rejects.reject(line, f"bad ICB codes {r['ICB24CD']!r} / {r['ICB24CDH']!r}")
            continue
        rows.append(IcbName(line, r["ICB24CD"], r["ICB24CDH"], r["ICB24NM"]))
    return Parsed(path, rows, rejects)
