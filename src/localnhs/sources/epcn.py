"""ODS ePCN workbook: primary care networks and their member practices (Jan 2023)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources._rows import Parsed, Rejects, SourceError, ods_date

CODE = re.compile(r"^[A-Z0-9]{3,8}$")


@dataclass(frozen=True)
class Pcn:
    line: int
    code: str
    name: str
    sub_icb: str
    opened: str | None
    closed: str | None
    postcode: str
    address: str


@dataclass(frozen=True)
class PcnMember:
    line: int
    practice: str
    pcn: str
    start: str | None
    end: str | None


def _sheet(book, name, path):
    if name not in book.sheetnames:
        raise SourceError(f"{path.name}: no sheet {name!r} (found {', '.join(book.sheetnames)})")
    rows = book[name].iter_rows(values_only=True)
    header = [" ".join(str(h or "").split()) for h in next(rows)]
    return header, rows


def _col(header, name, path, sheet):
    if name not in header:
        raise SourceError(f"{path.name}: sheet {sheet!r} has no column {name!r}")
    return header.index(name)


def _s(v) -> str:
    return "" if v is None else str(v).strip()


def read(path: Path) -> tuple[Parsed, Parsed]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile/KeyError/etc. for a damaged workbook
        raise SourceError(f"{path.name}: cannot open workbook ({exc})") from None

    header, it = _sheet(book, "PCNDetails", path)
    c = {n: _col(header, n, path, "PCNDetails") for n in
         ("PCN Code", "PCN Name", "Current Sub ICB Loc Code", "Open Date", "Close Date", "Postcode",
          "Address Line 1", "Address Line 4")}
    rejects = Rejects(f"{path.name}#PCNDetails")
    pcns = []
    for line, v in enumerate(it, start=2):
        if not any(v):
            continue
        rejects.rows += 1
        code = _s(v[c["PCN Code"]])
        if not CODE.match(code):
            rejects.reject(line, f"bad PCN code {code!r}")
            continue
        try:
            opened, closed = ods_date(_s(v[c["Open Date"]])), ods_date(_s(v[c["Close Date"]]))
        except ValueError as exc:
            rejects.reject(line, f"bad date ({exc})")
            continue
        address = ", ".join(x for x in (_s(v[c["Address Line 1"]]), _s(v[c["Address Line 4"]])) if x)
        pcns.append(Pcn(line, code, _s(v[c["PCN Name"]]), _s(v[c["Current Sub ICB Loc Code"]]),
                        opened, closed, _s(v[c["Postcode"]]), address))

    sheet = "PCN Core Partner Details"
    header, it = _sheet(book, sheet, path)
    c = {n: _col(header, n, path, sheet) for n in
         ("Partner Organisation Code", "PCN Code", "Practice to PCN Relationship Start Date",
          "Practice to PCN Relationship End Date")}
    mrejects = Rejects(f"{path.name}#{sheet}")
    members = []
    for line, v in enumerate(it, start=2):
        if not any(v):
            continue
        mrejects.rows += 1
        practice, pcn = _s(v[c["Partner Organisation Code"]]), _s(v[c["PCN Code"]])
        if not (CODE.match(practice) and CODE.match(pcn)):
            mrejects.reject(line, f"bad practice or PCN code {practice!r} / {pcn!r}")
            continue
        try:
            start = ods_date(_s(v[c["Practice to PCN Relationship Start Date"]]))
            end = ods_date(_s(v[c["Practice to PCN Relationship End Date"]]))
        except ValueError as exc:
            mrejects.reject(line, f"bad date ({exc})")
            continue
        members.append(PcnMember(line, practice, pcn, start, end))
    book.close()
    return Parsed(path, pcns, rejects), Parsed(path, members, mrejects)
