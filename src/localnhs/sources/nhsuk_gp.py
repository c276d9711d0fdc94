"""NHS.UK (NHS Choices) GP practice and CCG listings, Feb 2014 and May 2019: each practice's
readable name and address as the NHS website showed them, and its phone, email and website.

Files are ``¬``-delimited Latin-1 (cp1252) text with a header row and no quoting (each folder's
PROVENANCE.md). Rows are addressed by header name. A practice listed more than once (the 2014 file
has several profiles per practice) keeps its first row; branch-surgery rows (practice code + 3
digits) are counted but not kept, since they are no ODS organisation of their own. A contact that
fails its check (contacts_check) is refused with file:line and the reason, and the rest of the row
is kept; nothing is filled in from elsewhere.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources import contacts_check as check
from localnhs.sources._rows import Parsed, Rejects, SourceError

DATASET = "nhsuk_gp"
DELIMITER = "\u00ac"
ENCODING = "cp1252"
# snapshot folder -> its files (the date each describes is in sources/registry.py)
FILES = {"2014-02": ("GP.csv",), "2019-05": ("GP.csv", "CCG.csv")}
REQUIRED = ("OrganisationCode", "OrganisationName", "Address1", "Address2", "Address3", "City", "County",
            "Postcode", "Phone", "Email", "Website")
CODE = re.compile(r"^[A-Z0-9]{3,6}$")
BRANCH = re.compile(r"^[A-Z0-9]{6}\d{3}$")


@dataclass(frozen=True)
class Listing:
    line: int
    code: str
    name: str
    address: str
    postcode: str
    phone: check.Checked | None
    email: check.Checked | None
    website: check.Checked | None


def read(path: Path, snapshot: str | None = None) -> Parsed:
    snapshot = snapshot or path.parent.name
    label = f"{DATASET}/{snapshot}/{path.name}"
    rejects = Rejects(f"{snapshot}/{path.name}")
    try:
        text = path.read_bytes().decode(ENCODING)
    except UnicodeDecodeError as exc:
        raise SourceError(f"{label}: not {ENCODING} text ({exc.reason} at byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITER, quoting=csv.QUOTE_NONE)
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SourceError(f"{label}:1: missing column(s) {', '.join(missing)}")
    at = {c: header.index(c) for c in REQUIRED}
    rows, seen = [], set()
    last_short = None
    for line, raw in enumerate(reader, start=2):
        if not raw or not any(v.strip() for v in raw):
            continue
        rejects.rows += 1
        if len(raw) != len(header):
            rejects.reject(line, f"expected {len(header)} columns, found {len(raw)}")
            last_short = line if len(raw) < len(header) else None
            continue
        last_short = None
        r = {c: " ".join(raw[i].split()) for c, i in at.items()}
        code = r["OrganisationCode"].upper()
        if BRANCH.match(code):
            continue
        if not CODE.match(code):
            rejects.reject(line, f"OrganisationCode {r['OrganisationCode']!r} is not an ODS code")
            continue
        if code in seen:
            continue
        seen.add(code)
        got = {}
        for field, fn in (("Phone", check.phone), ("Email", check.email), ("Website", check.website)):
            if check.blank(r[field]):
                got[field] = None
                continue
            res = fn(r[field])
            if isinstance(res, check.Refused):
                rejects.reject(line, f"{code}: {field} refused: {res.reason}")
                got[field] = None
            else:
                got[field] = res
        address = ", ".join(v for v in (r["Address1"], r["Address2"], r["Address3"], r["City"], r["County"]) if v)
        rows.append(Listing(line, code, r["OrganisationName"], address, " ".join(r["Postcode"].upper().split()),
                            got["Phone"], got["Email"], got["Website"]))
    if last_short is not None:
        raise SourceError(f"{label}:{last_short}: file ends in an incomplete row (truncated?)")
    return Parsed(path, rows, rejects)
