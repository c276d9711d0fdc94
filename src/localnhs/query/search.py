"""Name search over organisations (current and former names) and council / ward areas.

Tolerant of case, punctuation and '&' versus 'and': both sides go through the same key.
Tolerant of typing slips too: ``suggest`` corrects each word to the closest word that occurs
in the names we hold (rapidfuzz's edit-distance ratio), so "Warington" offers "Warrington".
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from localnhs import kinds
from localnhs.query.names import display
from localnhs.query.per_connection import build_cache
from localnhs.store import read
from localnhs.store.search_key import name_key

# Hits that are not bodies: council areas and wards (their place page), and former names.
AREA_HITS = {"area_utla": (0, "Council area"), "area_lad": (0, "Council area"), "area_ward": (3, "Ward"),
             "former_name": (4, "Former name")}


def hit_order(kind: str) -> int:
    """Rank among equally good hits: areas first, then the kinds people look for most (``kinds``)."""
    if kind in AREA_HITS:
        return AREA_HITS[kind][0]
    k = kinds.kind(kind)
    return k.search_order if k else 2


def hit_word(kind: str) -> str:
    """What a hit is, in a list of results: "Council area", "GP practice", "Integrated care board"."""
    return AREA_HITS[kind][1] if kind in AREA_HITS else kinds.word(kind)


SUGGEST_CUTOFF = 80  # rapidfuzz ratio (0-100): "warington" / "warrington" is 94.7


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
    hits.sort(key=lambda h: (not h.exact, not h.current, hit_order(h.kind), len(h.name)))
    return hits[:limit]


def _count_words(conn) -> tuple[list[str], Counter]:
    counts = Counter(w for k in read.search_keys(conn) for w in k.split())
    return list(counts), counts


# The words of every search key, for each build's connection.
def _vocabulary(conn) -> tuple[list[str], Counter]:
    return build_cache(conn).part("search_vocabulary", _count_words)


def suggest(conn, text: str) -> str | None:
    """The query with each unknown word replaced by the closest known one (ties: the commoner word),
    or None when every word is known or nothing is close enough."""
    words, counts = _vocabulary(conn)
    asked = name_key(text or "").split()
    out, changed = [], False
    for w in asked:
        if w in counts or len(w) < 3 or w.isdigit():
            out.append(w)
            continue
        best = process.extract(w, words, scorer=fuzz.ratio, score_cutoff=SUGGEST_CUTOFF, limit=5)
        if not best:
            out.append(w)
            continue
        top = max(best, key=lambda m: (m[1], counts[m[0]]))
        out.append(top[0])
        changed = True
    return " ".join(out) if changed else None


def whereabouts(conn, codes: list[str], as_of: dt.date) -> dict[str, dict]:
    """code -> {name, town, council, closed}: the name it has now, the last part of the address, the
    council its postcode is in (newest ONS name) and the closing date if it had closed by ``as_of``
    (a body that closes later was open on the day asked about), so results with the same name can
    be told apart."""
    out = {}
    for r in read.org_places(conn, list(codes)):
        town = display((r["address"] or "").split(",")[-1].strip().upper()) or None
        closed = r["closed"] if r["closed"] and r["closed"] <= as_of.isoformat() else None
        out[r["code"]] = {"name": display(r["name"]), "town": town, "council": r["council"], "closed": closed}
    return out


@dataclass
class Found:
    """What a name search found: ``hits`` when the text matched; otherwise ``suggestions`` from a
    corrected spelling (with ``did_you_mean``, the corrected text as a name is written) or, failing
    that, from the text with one word left out."""

    hits: list[Hit]
    suggestions: list[Hit]
    did_you_mean: str | None = None


def find(conn, text: str, limit: int = 20) -> Found:
    """A name search that never just says "nothing": exact hits, else a spelling correction that
    finds something, else what matches with a word dropped."""
    hits = search(conn, text, limit=limit)
    if hits:
        return Found(hits, [])
    better = suggest(conn, text)
    fixed = search(conn, better, limit=limit) if better else []
    if fixed:
        return Found([], fixed, display(better.upper()))
    return Found([], with_a_word_dropped(conn, text))


def with_a_word_dropped(conn, text: str, limit: int = 10) -> list[Hit]:
    """When nothing matches: what matches with any one word left out, each body once."""
    out, seen = [], set()
    words = text.split()
    for drop in range(len(words)):
        fewer = " ".join(words[:drop] + words[drop + 1:])
        if not fewer:
            continue
        for h in search(conn, fewer, limit=5):
            if h.code not in seen:
                seen.add(h.code)
                out.append(h)
    return out[:limit]


def area_postcode(conn, kind: str, code: str) -> str | None:
    """A postcode near the middle of a council or ward area found by search (the rule the place
    search uses), so the area's result can open the local NHS there."""
    column = "ward" if kind == "area_ward" else "lad"
    rep = read.area_representative(conn, column, code)
    if rep is None and column == "lad":
        reps = [r for c in read.child_areas(conn, "lad", code) if (r := read.area_representative(conn, "lad", c))]
        rep = max(reps, key=lambda r: r["area_postcodes"], default=None)
    return rep["pcd"] if rep is not None else None
