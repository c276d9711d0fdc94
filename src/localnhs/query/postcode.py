"""UK postcode normalisation and validation (the shapes Royal Mail issues).

Accepts any case and spacing ("wa51qg", " WA5  1QG "); returns the ONS 'pcds' form
"WA5 1QG" that the store is keyed on. Partial postcodes (outcode "WA5", sector "WA5 1")
are recognised separately so a search can widen to an area.
"""

from __future__ import annotations

import re

from localnhs.query.errors import InvalidInput

_OUTCODE = r"(?:[A-Z]{1,2}[0-9][0-9A-Z]?)"
_INCODE = r"[0-9][A-Z]{2}"
FULL = re.compile(rf"^({_OUTCODE})({_INCODE})$")
SECTOR = re.compile(rf"^({_OUTCODE}) ?([0-9])$")
OUTCODE = re.compile(rf"^{_OUTCODE}$")
FULL_SPACED = re.compile(rf"^{_OUTCODE} {_INCODE}$")  # already in the normal form: 'WA5 1QG'

EXAMPLE = "a full postcode such as 'WA5 1QG' or 'SW1A 1AA' (letters and digits, outward and inward parts)"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "").upper()


def normalise(text: str) -> str:
    """'wa51qg' -> 'WA5 1QG'; raises InvalidInput naming what a valid postcode looks like."""
    s = squash(text)
    m = FULL.match(s)
    if not m:
        raise InvalidInput(f"{text.strip()!r} is not a valid postcode", hint=f"Enter {EXAMPLE}.")
    return f"{m.group(1)} {m.group(2)}"


def is_full(text: str) -> bool:
    return bool(FULL.match(squash(text)))


def partial(text: str) -> tuple[str, str] | None:
    """('outcode', 'WA5') or ('sector', 'WA5 1') for partial postcodes, else None."""
    raw = " ".join((text or "").upper().split())
    if OUTCODE.match(raw.replace(" ", "")) and " " not in raw:
        return ("outcode", raw)
    m = SECTOR.match(raw)
    if m and (" " in raw or len(raw) >= 3):
        return ("sector", f"{m.group(1)} {m.group(2)}")
    return None
