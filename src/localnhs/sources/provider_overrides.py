"""The cited override table (content/provider_overrides.yaml): who runs mental-health or
community services in a council area in an era, where the shipped data cannot decide it.

Every row names the provider's ODS code, the page that says so (the trust's, ICB's, CQC's
or NHS England's own) and the date that page was checked. A row without a source is refused.
A provider that is not an NHS trust (non_nhs: true) may have no ODS code: it then needs its
name and what kind of body it is (kind: "limited liability partnership", "community interest
company", ...), so the answer can name it and say it is not an NHS trust.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit
from dataclasses import dataclass
from importlib.resources import files

import yaml

from localnhs.sources._rows import SourceError

FILE = "provider_overrides.yaml"
FOLDER = "provider_overrides"   # more cited rows, one file per part of the country, read after FILE
ROLES = ("mental_health", "community")
AREA_KINDS = ("council_2016", "council_2023")
# A council, a district (E07) where the table splits a county, or a 2016 clinical commissioning group
# (such as 01Y, Tameside and Glossop) where services follow an old CCG line that splits a district.
AREA = re.compile(r"^(?:E(?:06|07|08|09|10)\d{6}|\d\d[A-Z0-9])$")
ODS = re.compile(r"^[A-Z0-9]{3,5}$")
KEYS = {"area", "name", "area_kind", "role", "from", "to", "org", "org_name", "non_nhs", "kind", "source", "checked",
        "says"}


# Hosts of the bodies whose own pages the issue asks for: NHS organisations (trusts, ICBs, NHS England),
# the CQC, councils and government. A row citing any other page (an encyclopaedia, a newspaper) is still a
# cited fact, but a secondary one: the answer says so and is "medium", not "high".
PRIMARY_HOSTS = ("nhs.uk", "nhs.net", "cqc.org.uk", "gov.uk",
                 "parliament.uk",      # answers to written questions
                 "moderngov.co.uk",    # councils' own committee papers (wokingham.moderngov.co.uk)
                 # the providers' and ICBs' own sites that are not on nhs.uk:
                 "newcastle-hospitals.org.uk",   # The Newcastle upon Tyne Hospitals NHS Foundation Trust
                 "careplusgroup.org",            # Care Plus Group, North East Lincolnshire's social enterprise
                 "healthierlsc.co.uk")           # Lancashire and South Cumbria's integrated care board


def primary_source(url: str) -> bool:
    """True when the address is an NHS, CQC, council or government page (by its host)."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return any(host == h or host.endswith("." + h) for h in PRIMARY_HOSTS)


@dataclass(frozen=True)
class Override:
    line: int
    area: str
    area_name: str
    area_kind: str
    role: str
    era_from: str
    era_to: str | None
    org: str | None        # None only for a non-NHS provider without an ODS code
    org_name: str
    non_nhs: bool
    source: str
    checked: str
    says: str
    kind: str | None = None   # what a non-NHS provider is ("limited liability partnership"), where the row says

    @property
    def primary(self) -> bool:
        return primary_source(self.source)


def _date(value, where: str, required: bool) -> str | None:
    if value is None and not required:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SourceError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def texts() -> list[tuple[str, str]]:
    """(name, text) of every file of the cited table: FILE, then FOLDER's files in name order."""
    content = files("localnhs.content")
    out = [(FILE, content.joinpath(FILE).read_text(encoding="utf-8"))]
    folder = content.joinpath(FOLDER)
    if folder.is_dir():
        out += [(f"{FOLDER}/{f.name}", f.read_text(encoding="utf-8"))
                for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".yaml")]
    return out


def read(text: str | None = None) -> list[Override]:
    """Every cited row; with text, the rows of that one text (for tests). A second row for the same
    (area, role, era start) in any file is refused, naming both places."""
    return read_parts(texts() if text is None else [(FILE, text)])


def read_parts(parts: list[tuple[str, str]]) -> list[Override]:
    out, seen = [], {}
    for name, part in parts:
        out += _read_one(name, part, seen)
    return out


def _read_one(name: str, text: str, seen: dict) -> list[Override]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SourceError(f"{name}: not valid YAML: {exc}") from None
    rows = (data or {}).get("overrides")
    if not isinstance(rows, list):
        raise SourceError(f"{name}: expected an 'overrides' list")
    lines = [n + 1 for n, line in enumerate(text.splitlines()) if line.lstrip().startswith("- area:")]
    out = []
    for i, r in enumerate(rows):
        line = lines[i] if i < len(lines) else 0
        where = f"{name}:{line}"
        if not isinstance(r, dict):
            raise SourceError(f"{where}: expected a mapping")
        unknown = set(r) - KEYS
        if unknown:
            raise SourceError(f"{where}: unknown key(s) {sorted(unknown)}")
        non_nhs = bool(r.get("non_nhs"))
        needed = ["area", "name", "area_kind", "role", "from", "org_name", "source", "checked", "says"]
        if not non_nhs or r.get("org") not in (None, ""):
            needed.insert(5, "org")
        elif r.get("kind") in (None, ""):
            raise SourceError(f"{where}: missing 'kind' (a non-NHS provider without an ODS code needs its name "
                              "and what kind of body it is, e.g. kind: limited liability partnership)")
        for key in needed:
            if r.get(key) in (None, ""):
                raise SourceError(f"{where}: missing '{key}' (every row needs a provider and a cited source)")
        if not AREA.match(str(r["area"])):
            raise SourceError(f"{where}: area {r['area']!r} is not a council code (E06/E07/E08/E09/E10) or a 2016 CCG code")
        if r["area_kind"] not in AREA_KINDS:
            raise SourceError(f"{where}: area_kind {r['area_kind']!r} is not one of {AREA_KINDS}")
        if r["role"] not in ROLES:
            raise SourceError(f"{where}: role {r['role']!r} is not one of {ROLES}")
        if r.get("org") not in (None, "") and not ODS.match(str(r["org"])):
            raise SourceError(f"{where}: org {r['org']!r} is not an ODS code")
        if not str(r["source"]).startswith("https://"):
            raise SourceError(f"{where}: source must be an https:// address")
        row = Override(line, r["area"], r["name"], r["area_kind"], r["role"], _date(r["from"], where, True),
                       _date(r.get("to"), where, False), r.get("org") or None, r["org_name"], non_nhs,
                       r["source"], _date(r["checked"], where, True), " ".join(str(r["says"]).split()),
                       (r.get("kind") or None) if non_nhs else None)
        key = (row.area, row.area_kind, row.role, row.era_from)
        if key in seen:
            raise SourceError(f"{where}: a second row for {row.area} {row.role} from {row.era_from} "
                              f"(the first is at {seen[key]})")
        seen[key] = where
        out.append(row)
    return out
