"""Trust type by trust: NHS Digital ERIC returns (2015/16, 2016/17 workbooks; 2023/24 CSV)
and CQC's primary inspection category (January 2022).

ERIC's 'Organisation Type' is the standard NHS trust-type classification; we normalise it
to acute / mental_health / community / ambulance / care_trust and keep the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, SourceError, read_rows

CODE = re.compile(r"^[A-Z0-9]{3,5}$")


def normalise(text: str) -> str | None:
    t = text.upper()
    if t.startswith("ACUTE"):
        return "acute"
    if "MENTAL HEALTH" in t:
        return "mental_health"
    if t.startswith("COMMUNITY"):
        return "community"
    if "AMBULANCE" in t:
        return "ambulance"
    if "CARE TRUST" in t:
        return "care_trust"
    return None


@dataclass(frozen=True)
class TrustType:
    line: int
    code: str
    name: str
    type: str
    original: str


def _row(rows, rejects, line, code, name, text):
    if not CODE.match(code):
        rejects.reject(line, f"bad trust code {code!r}")
        return
    kind = normalise(text)
    if kind is None:
        rejects.reject(line, f"unknown trust type {text!r}")
        return
    rows.append(TrustType(line, code, name, kind, text))


def read_eric_xls(path: Path) -> Parsed:
    import xlrd

    rejects = Rejects(path.name)
    rows: list[TrustType] = []
    try:
        book = xlrd.open_workbook(str(path), logfile=open("/dev/null", "w"))
        sheet = book.sheet_by_name("Trust Data")
    except Exception as exc:  # xlrd raises several unrelated types for a bad workbook
        raise SourceError(f"{path.name}: cannot read sheet 'Trust Data' ({exc})") from None
    header = [str(v).strip() for v in sheet.row_values(1)]
    for col in ("Organisation Code", "Organisation Name", "Organisation Type"):
        if col not in header:
            raise SourceError(f"{path.name}: sheet 'Trust Data' row 2 has no column {col!r}")
    ci, ni, ti = (header.index(c) for c in ("Organisation Code", "Organisation Name", "Organisation Type"))
    for r in range(2, sheet.nrows):
        values = sheet.row_values(r)
        code = str(values[ci]).strip()
        if not code:
            continue
        rejects.rows += 1
        _row(rows, rejects, r + 1, code, str(values[ni]).strip(), str(values[ti]).strip())
    return Parsed(path, rows, rejects)


def read_eric_csv(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows: list[TrustType] = []
    for line, r in read_rows(path, required=("Trust Code", "Trust Name", "Trust Type"), rejects=rejects):
        if not r["Trust Code"]:
            rejects.rows -= 1  # the published file ends with one entirely blank row
            continue
        _row(rows, rejects, line, r["Trust Code"], r["Trust Name"], r["Trust Type"])
    return Parsed(path, rows, rejects)


def read_cqc(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows: list[TrustType] = []
    for line, r in read_rows(path, required=("trust_code", "primary_category"), rejects=rejects):
        text = r["primary_category"]
        if text in ("", "NA"):
            continue  # CQC lists no category for a handful of trusts (e.g. R0D): nothing to record
        _row(rows, rejects, line, r["trust_code"], "", text)
    return Parsed(path, rows, rejects)


ERIC_SITE_COLUMNS = {
    "mental_health": "Number of sites - Mental Health (including Specialist services) (No.)",
    "mental_health_ld": "Number of sites - Mental Health and Learning Disabilities (No.)",
    "community_hospital": "Number of sites - Community hospital (with inpatient beds) (No.)",
    "non_inpatient": "Number of sites - Non inpatient (No.)",
}


@dataclass(frozen=True)
class SiteCounts:
    line: int
    code: str
    counts: dict


def read_eric_site_counts(path: Path) -> Parsed:
    """Sites by type per trust (ERIC 2023/24): many community hospitals or non-inpatient sites
    mark a trust that runs community health services as well as its main ones."""
    rejects = Rejects(path.name)
    rows: list[SiteCounts] = []
    for line, r in read_rows(path, required=("Trust Code", *ERIC_SITE_COLUMNS.values()), rejects=rejects):
        if not r["Trust Code"]:
            rejects.rows -= 1
            continue
        try:
            counts = {k: int(float(r[c] or 0)) for k, c in ERIC_SITE_COLUMNS.items()}
        except ValueError:
            rejects.reject(line, "a site count is not a number")
            continue
        rows.append(SiteCounts(line, r["Trust Code"], counts))
    return Parsed(path, rows, rejects)
