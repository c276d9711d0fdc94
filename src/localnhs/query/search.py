"""Name search over organisations (current and former names) and council / ward areas.

Tolerant of case, punctuation and '&' versus 'and': both sides go through the same key.
"""

from __future__ import annotations

from dataclasses import dataclass

from localnhs.query.names import display
from localnhs.store import read
from localnhs.store.search_key import name_key

KIND_ORDER = {"area_utla": 0, "area_lad": 0, "gp_practice": 1, "nhs_trust": 1, "icb": 1, "sub_icb_location": 1,
              "ccg": 2, "pcn": 2, "council": 2, "area_ward": 3, "former_name": 4}


@dataclass
class Hit:
    code: str
    name: str
    kind: str
    current: bool
    exact: bool


def search(conn, text: str, limit: int = 20) -> list[Hit]:
    key = name_key(text or "")
    words = [w for w in key.split() if w not in ("nhs", "the")] or key.split()
    if not words:
        return []
    # Current names before former ones, so a body is listed under the name it has now.
    rows = sorted(read.search_names(conn, words, limit=400), key=lambda r: not r["current"])
    hits, seen = [], set()
    for r in rows:
        exact = r["name_key"] == key or r["name_key"] in (f"nhs {key}", f"{key} council")
        k = (r["code"], r["kind"] if r["kind"].startswith("area_") else "org")
        if k in seen:
            continue
        seen.add(k)
        hits.append(Hit(r["code"], display(r["name"]), r["kind"], bool(r["current"]), exact))
    hits.sort(key=lambda h: (not h.exact, not h.current, KIND_ORDER.get(h.kind, 2), len(h.name)))
    return hits[:limit]
