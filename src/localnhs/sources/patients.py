"""Registered patients per GP practice (list sizes) and the practice -> PCN -> CCG -> STP ->
region map that comes with the January 2022 release.

Files: HSCIC January 2016 (quinary ages), NHSBSA January 2016 (cross-check, with GP counts),
NHS Digital January 2021 (totals), NHS Digital January 2022 mapping file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, read_rows, to_int

CODE = re.compile(r"^[A-Z0-9]{3,8}$")


@dataclass(frozen=True)
class ListSize:
    line: int
    practice: str
    patients: int
    ccg: str = ""
    area_team: str = ""        # NHS England area team / local office, Q70-Q84 (2016)
    area_team_ons: str = ""
    region: str = ""           # NHS England commissioning region, Y54-Y57 (2016)
    region_ons: str = ""
    gp_count: int | None = None
    is_gp_practice: bool = True


@dataclass(frozen=True)
class PracticeMap:
    line: int
    practice: str
    name: str
    pcn: str
    pcn_name: str
    ccg: str
    ccg_name: str
    stp: str
    stp_ons: str
    stp_name: str
    region: str
    region_ons: str
    region_name: str


def read_hscic_2016(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    need = ("GP_PRACTICE_CODE", "CCG_CODE", "ONS_REGION_CODE", "NHSE_REGION_CODE",
            "ONS_COMM_RGN_CODE", "NHSE_COMM_REGION_CODE", "TOTAL_ALL", "Total_Male", "Total_Female")
    for line, r in read_rows(path, required=need, rejects=rejects):
        code = r["GP_PRACTICE_CODE"]
        try:
            total, male, female = to_int(r["TOTAL_ALL"]), to_int(r["Total_Male"]), to_int(r["Total_Female"])
        except ValueError:
            rejects.reject(line, f"patient count {r['TOTAL_ALL']!r} is not a number")
            continue
        if not CODE.match(code):
            rejects.reject(line, f"bad practice code {code!r}")
        elif total != male + female:
            rejects.reject(line, f"TOTAL_ALL {total} is not male {male} + female {female}")
        else:
            rows.append(ListSize(line, code, total, r["CCG_CODE"], r["NHSE_REGION_CODE"], r["ONS_REGION_CODE"],
                                 r["NHSE_COMM_REGION_CODE"], r["ONS_COMM_RGN_CODE"]))
    return Parsed(path, rows, rejects)


def read_nhsbsa_2016(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    for line, r in read_rows(path, required=("PracticeCode", "Total", "GP Count", "GP practice"),
                             encoding="latin-1", rejects=rejects):
        try:
            total, gps = to_int(r["Total"]), to_int(r["GP Count"])
        except ValueError:
            rejects.reject(line, f"Total {r['Total']!r} or GP Count {r['GP Count']!r} is not a number")
            continue
        if not CODE.match(r["PracticeCode"]):
            rejects.reject(line, f"bad practice code {r['PracticeCode']!r}")
            continue
        rows.append(ListSize(line, r["PracticeCode"], total, gp_count=gps,
                             is_gp_practice=r["GP practice"] == "Yes"))
    return Parsed(path, rows, rejects)


def read_totals_2021(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    need = ("CODE", "CCG_CODE", "SEX", "AGE", "NUMBER_OF_PATIENTS", "TYPE")
    for line, r in read_rows(path, required=need, rejects=rejects):
        if r["SEX"] != "ALL" or r["AGE"] != "ALL" or r["TYPE"] != "GP":
            rejects.reject(line, f"expected an all-persons GP total, found {r['TYPE']}/{r['SEX']}/{r['AGE']}")
            continue
        try:
            n = to_int(r["NUMBER_OF_PATIENTS"])
        except ValueError:
            rejects.reject(line, f"NUMBER_OF_PATIENTS {r['NUMBER_OF_PATIENTS']!r} is not a number")
            continue
        rows.append(ListSize(line, r["CODE"], n, r["CCG_CODE"]))
    return Parsed(path, rows, rejects)


def read_map_2022(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    need = ("PRACTICE_CODE", "PRACTICE_NAME", "PCN_CODE", "PCN_NAME", "CCG_CODE", "CCG_NAME", "STP_CODE",
            "ONS_STP_CODE", "STP_NAME", "COMM_REGION_CODE", "ONS_COMM_REGION_CODE", "COMM_REGION_NAME")
    for line, r in read_rows(path, required=need, rejects=rejects):
        if not CODE.match(r["PRACTICE_CODE"]):
            rejects.reject(line, f"bad practice code {r['PRACTICE_CODE']!r}")
            continue
        rows.append(PracticeMap(line, r["PRACTICE_CODE"], r["PRACTICE_NAME"], r["PCN_CODE"], r["PCN_NAME"],
                                r["CCG_CODE"], r["CCG_NAME"], r["STP_CODE"], r["ONS_STP_CODE"], r["STP_NAME"],
                                r["COMM_REGION_CODE"], r["ONS_COMM_REGION_CODE"], r["COMM_REGION_NAME"]))
    return Parsed(path, rows, rejects)
