"""Older ODS trust lists (etr of 2016 and 2021, with a header added by THF) and
geographr's 2022 trust -> NHS England region / STP tables.

These give trust names and regions *as they were*, which the DSE etr (today's names,
today's regions) cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, ods_date, read_rows

CODE = re.compile(r"^[A-Z0-9]{3,5}$")


@dataclass(frozen=True)
class TrustListed:
    line: int
    code: str
    name: str
    region: str
    hlhg: str
    postcode: str
    opened: str | None
    closed: str | None


@dataclass(frozen=True)
class TrustRegion:
    line: int
    code: str
    name: str
    region_ods: str
    region_ons: str
    region_name: str
    status: str


@dataclass(frozen=True)
class TrustStp:
    line: int
    code: str
    stp_code: str
    stp_name: str


def read_etr_old(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    seen = set()
    need = ("organisation_code", "name", "national_grouping", "high_level_health_geography",
            "postcode", "open_date", "close_date")
    for line, r in read_rows(path, required=need, rejects=rejects):
        code = r["organisation_code"]
        if not CODE.match(code) or code in seen:
            rejects.reject(line, f"bad or duplicate organisation code {code!r}")
            continue
        try:
            opened, closed = ods_date(r["open_date"]), ods_date(r["close_date"])
        except ValueError as exc:
            rejects.reject(line, f"bad date ({exc})")
            continue
        seen.add(code)
        rows.append(TrustListed(line, code, r["name"], r["national_grouping"],
                                r["high_level_health_geography"], r["postcode"], opened, closed))
    return Parsed(path, rows, rejects)


def read_regions(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    need = ("nhs_trust22_code", "nhs_trust22_name", "nhs_region21_nhs_code",
            "nhs_region21_ons_code", "nhs_region21_name", "status")
    for line, r in read_rows(path, required=need, rejects=rejects):
        if not CODE.match(r["nhs_trust22_code"]):
            rejects.reject(line, f"bad trust code {r['nhs_trust22_code']!r}")
            continue
        rows.append(TrustRegion(line, r["nhs_trust22_code"], r["nhs_trust22_name"], r["nhs_region21_nhs_code"],
                                r["nhs_region21_ons_code"], r["nhs_region21_name"], r["status"]))
    return Parsed(path, rows, rejects)


def read_stps(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    for line, r in read_rows(path, required=("nhs_trust22_code", "stp21_code", "stp21_name"), rejects=rejects):
        if not CODE.match(r["nhs_trust22_code"]) or not r["stp21_code"].startswith("E54"):
            rejects.reject(line, "bad trust or STP code")
            continue
        rows.append(TrustStp(line, r["nhs_trust22_code"], r["stp21_code"], r["stp21_name"]))
    return Parsed(path, rows, rejects)
