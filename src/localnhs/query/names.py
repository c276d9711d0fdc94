"""Readable names: ODS publishes names in capitals ("NHS WARRINGTON CCG"); people read
"NHS Warrington CCG". Acronyms stay capitalised, small words go lower case."""

from __future__ import annotations

import re

ACRONYMS = {"NHS", "CCG", "ICB", "PCN", "GP", "GPS", "UK", "ICS", "STP", "HQ", "LLP", "PMS", "APMS", "II", "III",
            "IV", "CIC", "UCL", "MK", "IOW", "NW", "NE", "SE", "SW", "DR", "BMA", "LTD", "PLC", "UHB", "UHS"}
SMALL = {"and", "of", "the", "for", "in", "on", "at", "with", "upon", "by", "to"}


# ODS and NHS.UK shorten the words of many practice names to fit a field ("GUARDIAN STREET MED/CTR",
# "Portugal Place Health Ctr", "Maples Family Med.Pract."); the reader gets the words in full.
ABBREVIATIONS = (
    (re.compile(r"\bMed\s*[/.]\s*Ctr\b\.?", re.I), "Medical Centre"),
    (re.compile(r"\bMed\s*[/.]\s*Pract?\b\.?", re.I), "Medical Practice"),
    (re.compile(r"\bH(?:lth|th)\.?\s*Ctr\b\.?", re.I), "Health Centre"),
    (re.compile(r"\bMed\.(?=[A-Za-z])", re.I), "Medical "),
    (re.compile(r"\bMed\b\.?(?=\s|$|,|\))", re.I), "Medical"),
    (re.compile(r"\bH\s*/\s*C(?:entre)?\b\.?", re.I), "Health Centre"),
    (re.compile(r"\bHc\b", re.I), "Health Centre"),
    (re.compile(r"\bPtnrs\b", re.I), "Partners"),
    (re.compile(r"\bPtnr\b", re.I), "Partner"),
    (re.compile(r"\bCtr\b\.?", re.I), "Centre"),
    (re.compile(r"\bPract?\b\.?", re.I), "Practice"),
    (re.compile(r"\bH(?:lth|th)\b\.?", re.I), "Health"),
    (re.compile(r"\bSurg\b\.?", re.I), "Surgery"),
)


def expand(name: str) -> str:
    """The shortened words of a practice name in full ("Guardian Street Medical Centre")."""
    for pattern, full in ABBREVIATIONS:
        name = pattern.sub(full, name)
    # a word glued on after "Med." starts with a capital like its neighbours ("Medical Centre")
    return re.sub(r"\bMedical (centre|practice|group)\b", lambda m: "Medical " + m.group(1).capitalize(), name)


def display(name: str | None) -> str:
    if not name:
        return ""
    if any(c.islower() for c in name):
        return expand(name)  # already mixed case (ONS names, geographr, NHS.UK)
    return expand(_capitalised(name))


def _capitalised(name: str) -> str:
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
