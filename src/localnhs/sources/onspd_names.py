"""ONSPD code -> name lists (as postcodes.io keeps them): current sub-ICB locations with
their ODS codes, ICBs, NHS England regions, districts, wards, counties.

JSON, not CSV, so there are no line numbers: a reject names the code instead.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from localnhs.sources._rows import Rejects, SourceError

DATASET = "onspd_names_codes_postcodesio"
# file -> code pattern kept (other nations' codes are skipped, not rejected); as-of dates: sources/registry.py
PATTERNS = {
    "ccgs.json": r"E38\d{6}",
    "icb.json": r"E54\d{6}",
    "nhs_regions.json": r"E40\d{6}",
    "districts.json": r"[EWS](?:06|07|08|09|12)\d{6}",
    "wards.json": r"[EW]05\d{6}|S13\d{6}",
    "counties.json": r"E10\d{6}",
    "nhsHa.json": r"E18\d{6}|W11\d{6}|S08\d{6}",
}
ODS3 = re.compile(r"^(?:[0-9A-Z]{3}|[0-9A-Z]{5})$")


def read(path: Path) -> tuple[dict[str, dict[str, str | None]], Rejects]:
    """{code: {"name": ..., "ods": ... or None}} for the codes of the file's pattern."""
    pattern = PATTERNS[path.name]
    keep = re.compile(rf"^{pattern}$")
    rejects = Rejects(path.name)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path.name}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path.name}: expected a JSON object of code -> name")
    out: dict[str, dict[str, str | None]] = {}
    for i, (code, value) in enumerate(data.items(), start=1):
        rejects.rows += 1
        if not keep.match(code):
            continue
        ods = None
        if isinstance(value, dict):  # ccgs.json: {"ccg19cdh": "02P", "name": "..."}
            name, ods = value.get("name"), value.get("ccg19cdh")
            if ods is not None and not ODS3.match(ods):
                rejects.reject(i, f"{code}: ODS code {ods!r} is not a 3- or 5-character code")
                continue
        else:
            name = value
        if not isinstance(name, str) or not name.strip():
            rejects.reject(i, f"{code}: no name")
            continue
        out[code] = {"name": name.strip(), "ods": ods}
    if not out:
        raise SourceError(f"{path.name}: no codes matching {pattern}")
    return out, rejects
