"""Readable names: ODS publishes names in capitals ("NHS WARRINGTON CCG"); people read
"NHS Warrington CCG". Acronyms stay capitalised, small words go lower case."""

from __future__ import annotations

import re

ACRONYMS = {"NHS", "CCG", "ICB", "PCN", "GP", "GPS", "UK", "ICS", "STP", "HQ", "LLP", "PMS", "APMS", "II", "III",
            "IV", "CIC", "UCL", "MK", "IOW", "NW", "NE", "SE", "SW", "DR", "BMA", "LTD", "PLC", "UHB", "UHS"}
SMALL = {"and", "of", "the", "for", "in", "on", "at", "with", "upon", "by", "to"}


def display(name: str | None) -> str:
    if not name:
        return ""
    if any(c.islower() for c in name):
        return name  # already mixed case (ONS names, geographr)
    words = re.split(r"(\s+|-|/|\(|\))", name)
    out = []
    first = True
    for w in words:
        if not w or not w.strip() or w in "-/()":
            out.append(w)
            continue
        core = w.strip(".,'&")
        if core.upper() in ACRONYMS and core not in ("DR",):
            out.append(w if core.upper() != "GPS" else w.replace("GPS", "GPs"))
        elif core.lower() in SMALL and not first:
            out.append(w.lower())
        elif re.fullmatch(r"[A-Z]\d+\w*|\d+\w*", core):
            out.append(w)
        elif "'" in w:
            out.append("'".join(p.capitalize() for p in w.lower().split("'")))
        else:
            out.append(w.capitalize())
        first = False
    return "".join(out)


def short(name: str | None) -> str:
    """The form people write: "NHS Norfolk and Suffolk ICB" for "... Integrated Care Board"."""
    return display(name).replace("Integrated Care Board", "ICB")
