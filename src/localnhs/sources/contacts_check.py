"""Checks for contact details as published: a website that is a web address, a UK phone number,
an email address. Each check returns the value as it will be shown (``Checked``) or the reason it
was refused (``Refused``); nothing is guessed beyond what the text itself says (a missing
``http://`` is added, a spreadsheet-dropped leading zero of a 10-digit national number is put
back, and the answer says so in its note)."""

from __future__ import annotations

import re
from dataclasses import dataclass


# Values that stand for "none given" in the listings (not refused: there is nothing to check).
PLACEHOLDER = re.compile(r"^(?:n/?a|none|nil|tbc|-+|\.+|[0 ]+|no (?:telephone|phone) number available)$", re.I)


def blank(text: str) -> bool:
    return not text.strip() or bool(PLACEHOLDER.match(" ".join(text.split())))


@dataclass(frozen=True)
class Checked:
    value: str
    note: str | None = None


@dataclass(frozen=True)
class Refused:
    reason: str


HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,24}$")
EXTENSION = re.compile(r"\s*\(?\s*(ext\.?|extension|opt\.?|option)\s*(\d{1,12})\s*\)?\s*$", re.I)
SPLIT = re.compile(r"\s*(?:/|\bor\b|,|;|\balternatively\b|\(alternatively)\s*", re.I)


def website(text: str) -> Checked | Refused:
    raw = text.strip()
    if not raw:
        return Refused("empty")
    if " " in raw:
        return Refused(f"website {raw!r} contains a space (not one address)")
    note = None
    low = raw.lower()
    if low.startswith("http://") or low.startswith("https://"):
        scheme, rest = raw.split("://", 1)
        scheme = scheme.lower()
    elif "://" in raw or low.startswith("http"):
        return Refused(f"website {raw!r} has a malformed scheme")
    else:
        scheme, rest = "http", raw
        note = "http:// added (the listing gave the address without it)"
    host, sep, path = rest.partition("/")
    host = host.lower()
    if "@" in host:
        return Refused(f"website {raw!r} is an email address, not a web address")
    if host.endswith("."):
        host = host[:-1]
    if ":" in host:
        host, _, port = host.partition(":")
        if not port.isdigit():
            return Refused(f"website {raw!r} has a malformed port")
        host = f"{host}:{port}"
    if not HOST.match(host.split(":")[0]) or ".." in host:
        return Refused(f"website {raw!r} has no valid host name")
    path = (sep + path) if sep else "/"
    if path.startswith("/./") or "/../" in path:
        return Refused(f"website {raw!r} has a malformed path")
    return Checked(f"{scheme}://{host}{path}", note)


def _national(digits: str) -> tuple[str, str | None] | None:
    if digits.startswith("+44") or digits.startswith("0044"):
        digits = "0" + digits[3:] if digits.startswith("+44") else "0" + digits[4:]
        if digits.startswith("00"):
            digits = digits[1:]
    note = None
    if re.fullmatch(r"[1-3578]\d{9}", digits):
        digits, note = "0" + digits, "leading 0 restored (lost from the listed number)"
    if not re.fullmatch(r"0[1-35789]\d{8,9}", digits) or len(set(digits[1:])) == 1:
        return None
    return digits, note


def _format(d: str) -> str:
    if d.startswith("02"):
        return f"{d[:3]} {d[3:7]} {d[7:]}"
    if d[:2] in ("03", "05", "07", "08", "09"):
        return f"{d[:4]} {d[4:7]} {d[7:]}"
    if len(d) == 11 and (d[2] == "1" or d[3] == "1"):   # 0113, 0161 ...
        return f"{d[:4]} {d[4:7]} {d[7:]}"
    if len(d) == 11:
        return f"{d[:5]} {d[5:]}"
    return f"{d[:5]} {d[5:]}"   # 10-digit numbers (some 01xxx areas)


def phone(text: str) -> Checked | Refused:
    raw = " ".join(text.split())
    if not raw:
        return Refused("empty")
    parts = [p for p in SPLIT.split(raw) if p and p.strip()]
    first = parts[0] if parts else raw
    ext, dropped = None, None
    for _ in range(2):   # '01254282501(ext.1) (ext. 1)': the same extension twice
        m = EXTENSION.search(first)
        if not m:
            break
        word = "option" if m.group(1).lower().startswith("opt") else "ext."
        if len(m.group(2)) > 6:   # a second phone number typed into the extension field
            dropped = f"extension {m.group(2)} left out (too long to be an extension)"
        else:
            ext = f"{word} {m.group(2)}"
        first = first[:m.start()]
    digits = re.sub(r"[\s().\-]", "", first)
    if not re.fullmatch(r"\+?\d{9,13}", digits):
        return Refused(f"phone {raw!r} is not a UK phone number")
    got = _national(digits)
    if got is None:
        return Refused(f"phone {raw!r} is not a UK phone number")
    number, note = got
    shown = _format(number) + (f" {ext}" if ext else "")
    if len(parts) > 1:
        note = "; ".join(x for x in (note, f"first of {len(parts)} numbers listed ({raw})") if x)
    if dropped:
        note = "; ".join(x for x in (note, dropped) if x)
    return Checked(shown, note)


def email(text: str) -> Checked | Refused:
    raw = " ".join(text.split())
    if not raw:
        return Refused("empty")
    first, _, comment = raw.partition(" (")
    parts = [p for p in re.split(r"\s*(?:,|;|\bor\b|\band\b)\s*", first) if p]
    if not parts or not EMAIL.match(parts[0]):
        return Refused(f"email {raw!r} is not an email address")
    notes = []
    if len(parts) > 1:
        notes.append(f"first of {len(parts)} addresses listed")
    if comment:
        notes.append(f"listed with the comment ({comment}")
    return Checked(parts[0].lower(), "; ".join(notes) or None)
