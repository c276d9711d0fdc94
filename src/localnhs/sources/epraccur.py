"""ODS epraccur (GP practices / prescribing cost centres), both published layouts.

Classic releases (2015-2025): status A/C/D/P, column 25 the prescribing setting (4 = GP practice).
DSE release (2026): status ACTIVE/INACTIVE/DORMANT, column 25 pipe-joined ODS role codes
(RO76 = GP practice), town shifted into column 7. Both are headerless, so positions are declared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, ods_date, read_rows

COLUMNS = {
    "code": 0, "name": 1, "region": 2, "hlhg": 3,
    "addr1": 4, "addr2": 5, "addr3": 6, "addr4": 7, "addr5": 8, "postcode": 9,
    "opened": 10, "closed": 11, "status": 12, "subtype": 13, "commissioner": 14,
    "joined": 15, "left": 16, "phone": 17, "amended": 21, "parent": 23, "setting": 25,
}

# file name -> (layout, encoding); each file's as-of date is in sources/registry.py (argued in PROVENANCE.md).
FORMAT = {
    "epraccur_2015-11-27.csv": ("classic", "utf-8"),
    "epraccur_2017-02.csv": ("classic", "utf-8"),
    "epraccur_2019-H2.csv": ("classic", "latin-1"),
    "epraccur_2025-09.csv": ("classic", "utf-8"),
    "epraccur_2026-02_dse.csv": ("dse", "utf-8"),
    "egpam_2015-12-18.csv": ("classic", "utf-8"),
}

STATUS = {
    "A": "active", "C": "closed", "D": "dormant", "P": "proposed",
    "ACTIVE": "active", "INACTIVE": "closed", "DORMANT": "dormant",
}
CODE = re.compile(r"^[A-Z0-9]{3,8}$")
# The amendments file also carries individual GPs (G + 7 digits, status B etc.): not practices.
PRACTITIONER = re.compile(r"^G\d{7}$")


@dataclass(frozen=True)
class Practice:
    line: int
    code: str
    name: str
    region: str
    hlhg: str
    address: str
    postcode: str
    opened: str | None
    closed: str | None
    status: str
    commissioner: str
    joined: str | None
    left: str | None
    phone: str
    setting: str
    is_gp: bool
    country: str


def read(path: Path, layout: str, encoding: str) -> Parsed:
    rejects = Rejects(path.name)
    rows: list[Practice] = []
    seen: set[str] = set()
    for line, r in read_rows(path, columns=COLUMNS, encoding=encoding, rejects=rejects):
        code = r["code"]
        if PRACTITIONER.match(code):
            rejects.rows -= 1
            continue
        if not CODE.match(code):
            rejects.reject(line, f"organisation code {code!r} is not an ODS code")
            continue
        if code in seen:
            rejects.reject(line, f"duplicate organisation code {code}")
            continue
        status = STATUS.get(r["status"])
        if status is None:
            rejects.reject(line, f"unknown status {r['status']!r}")
            continue
        try:
            opened, closed = ods_date(r["opened"]), ods_date(r["closed"])
            joined, left = ods_date(r["joined"]), ods_date(r["left"])
        except ValueError as exc:
            rejects.reject(line, f"bad date ({exc})")
            continue
        if not r["name"]:
            rejects.reject(line, "empty name")
            continue
        setting = r["setting"]
        if layout == "dse":
            is_gp = "RO76" in setting.split("|")
            address_parts = [r["addr1"], r["addr2"], r["addr3"], r["addr4"]]
        else:
            if setting and not setting.isdigit():
                rejects.reject(line, f"prescribing setting {setting!r} is not a number")
                continue
            is_gp = setting == "4"
            address_parts = [r["addr1"], r["addr2"], r["addr3"], r["addr4"], r["addr5"]]
        seen.add(code)
        welsh = code.startswith("W") or r["region"] == "W00"
        rows.append(Practice(
            line=line, code=code, name=r["name"], region=r["region"], hlhg=r["hlhg"],
            address=", ".join(p for p in address_parts if p), postcode=r["postcode"],
            opened=opened, closed=closed, status=status, commissioner=r["commissioner"],
            joined=joined, left=left, phone=r["phone"], setting=setting, is_gp=is_gp,
            country="Wales" if welsh else "England",
        ))
    return Parsed(path, rows, rejects)
