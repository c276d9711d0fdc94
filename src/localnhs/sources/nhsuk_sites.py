"""NHS.UK (NHS Choices) hospital lists, four snapshots 2014-2020: each hospital's postcode,
SubType ("Mental Health Hospital" only in 2014) and the trust that runs it (ParentODSCode),
with the phone number and website NHS.UK listed for it (checked by contacts_check; a refused
value is reported as file:line and the site row is kept).

The uploaders of the snapshots saved them with different delimiters and encodings (see each
folder's PROVENANCE.md), so each snapshot declares its own. Rows repeat once per service
listing: the first row of each site code is kept.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources import contacts_check as check
from localnhs.sources._rows import Parsed, Rejects, SourceError

DATASET = "nhsuk_sites"
FILE = "Hospital.csv"
# snapshot folder -> (delimiter, encoding); the date each describes is in sources/registry.py
SNAPSHOTS = {
    "2014-02": ("\u00ac", "cp1252"),
    "2016-02": (",", "cp1252"),
    "2018-01": ("\u00ac", "cp1252"),
    "2020-01": ("~", "cp1252"),
}
CONTACTS = ("Phone", "Website")   # after ParentName in every snapshot
REQUIRED = ("OrganisationCode", "SubType", "Sector", "OrganisationName", "Postcode", "ParentODSCode", "ParentName")
CODE = re.compile(r"^[A-Z0-9]{3,7}$")
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$")
FLOAT = re.compile(r"^-?\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Site:
    line: int
    snapshot: str
    code: str
    name: str
    subtype: str
    nhs: bool
    postcode: str
    parent: str
    parent_name: str
    phone: check.Checked | None = None
    website: check.Checked | None = None


def _anchor(raw: list[str], start: int) -> int | None:
    for i in range(start, len(raw) - 4):
        pcd = " ".join(raw[i].upper().split())
        if POSTCODE.match(pcd) and FLOAT.match(raw[i + 1].strip()) and FLOAT.match(raw[i + 2].strip()):
            return i
    return None


def read(path: Path, snapshot: str) -> Parsed:
    delimiter, encoding = SNAPSHOTS[snapshot]
    rejects = Rejects(f"{snapshot}/{path.name}")
    try:
        text = path.read_bytes().decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(f"{DATASET}/{snapshot}/{path.name}: not {encoding} text ({exc.reason})") from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SourceError(f"{DATASET}/{snapshot}/{path.name}:1: missing column(s) {', '.join(missing)}")
    at = {c: header.index(c) for c in REQUIRED}
    contact_at = {c: header.index(c) for c in CONTACTS if c in header}
    seen, rows = set(), []
    for line, raw in enumerate(reader, start=2):
        if not raw or not any(v.strip() for v in raw):
            continue
        rejects.rows += 1
        if len(raw) < len(header):
            rejects.reject(line, f"expected {len(header)} columns, found {len(raw)}")
            continue
        r = {c: raw[i].strip() for c, i in at.items()}
        r.update({c: raw[i].strip() for c, i in contact_at.items()})
        if len(raw) > len(header):
            # An unquoted comma in the name or address (2016-02 re-save) shifts the columns after it:
            # re-anchor on the postcode, which is followed by latitude, longitude and the parent trust.
            anchor = _anchor(raw, at["Postcode"])
            if anchor is None:
                rejects.reject(line, f"expected {len(header)} columns, found {len(raw)}, and no postcode to re-align on")
                continue
            r["Postcode"], r["ParentODSCode"], r["ParentName"] = raw[anchor], raw[anchor + 3], raw[anchor + 4]
            # The contact columns are counted from the end: a comma can also sit in the trust's name.
            r.update({c: raw[len(raw) - (len(header) - i)].strip() for c, i in contact_at.items()})
        if r["OrganisationCode"] in seen:
            continue  # one row per service listing: the site is already read
        pcd = " ".join(r["Postcode"].upper().split())
        if not CODE.match(r["OrganisationCode"]) or not CODE.match(r["ParentODSCode"]):
            rejects.reject(line, f"site or parent code not an ODS code ({r['OrganisationCode']!r}, {r['ParentODSCode']!r})")
            continue
        if not POSTCODE.match(pcd):
            rejects.reject(line, f"postcode {r['Postcode']!r} is not a postcode")
            continue
        seen.add(r["OrganisationCode"])
        got = {}
        for c, fn in (("Phone", check.phone), ("Website", check.website)):
            value = r.get(c, "")
            res = None if check.blank(value) else fn(value)
            if isinstance(res, check.Refused):
                rejects.reject(line, f"{r['OrganisationCode']}: {c} refused: {res.reason}")
                res = None
            got[c] = res
        rows.append(Site(line, snapshot, r["OrganisationCode"], r["OrganisationName"], r["SubType"],
                         r["Sector"] == "NHS Sector", pcd, r["ParentODSCode"], r["ParentName"],
                         got["Phone"], got["Website"]))
    return Parsed(path, rows, rejects)
