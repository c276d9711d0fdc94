"""Councils, trusts and elected representatives (``contacts_and_representatives/``, each folder's
PROVENANCE.md): council homepages by GSS code (GOV.UK Local Links Manager), mySociety's local
authority names and codes, NHS trust websites by trust name (NHS England's provider directory,
Oct 2023), the MPs elected on 4 July 2024 (House of Commons Library) and mySociety's LSOA (2011)
-> 2024 constituency overlaps.

Trust websites carry no ODS code: ``match_trusts`` matches each listed name to the trusts open on
the list's date with rapidfuzz, and says for every name it cannot place why.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from localnhs.sources import contacts_check as check
from localnhs.sources._rows import Parsed, Rejects, SourceError, read_rows, to_int

FOLDER = "contacts_and_representatives"
COUNCILS = f"{FOLDER}/council_websites"
LA_NAMES = f"{FOLDER}/la_names_codes"
TRUST_WEBSITES = f"{FOLDER}/trust_websites_2023"
MPS = f"{FOLDER}/ge2024_mps"
PCON = f"{FOLDER}/pcon24_lsoa11_lookup"
GSS = re.compile(r"^[EWSN]\d{8}$")


@dataclass(frozen=True)
class Council:
    line: int
    gss: str
    name: str
    tier: str
    country: str
    website: check.Checked


def read_councils(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    tiers = {"1": "county", "2": "district", "3": "unitary"}
    for line, r in read_rows(path, required=("gss", "tier_id", "country_name", "homepage_url", "name"), rejects=rejects):
        if not GSS.match(r["gss"]):
            rejects.reject(line, f"gss {r['gss']!r} is not a GSS code")
            continue
        site = check.website(r["homepage_url"])
        if isinstance(site, check.Refused):
            rejects.reject(line, f"{r['gss']}: homepage_url refused: {site.reason}")
            continue
        rows.append(Council(line, r["gss"], r["name"], tiers.get(r["tier_id"], r["tier_id"]), r["country_name"], site))
    return Parsed(path, rows, rejects)


@dataclass(frozen=True)
class LocalAuthority:
    line: int
    code: str            # mySociety's three-letter code
    gss: str
    official_name: str
    nice_name: str
    nation: str
    current: bool
    former_gss: tuple[str, ...]
    replaced_by: str | None
    wdtk_id: str | None   # WhatDoTheyKnow body slug


def read_la_names(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    need = ("local-authority-code", "official-name", "nice-name", "gss-code", "nation", "current-authority",
            "former-gss-codes", "replaced-by", "wdtk-id")
    for line, r in read_rows(path, required=need, rejects=rejects):
        if not r["gss-code"]:
            continue   # a few old authorities have no GSS code; nothing joins to them
        if not GSS.match(r["gss-code"]):
            rejects.reject(line, f"gss-code {r['gss-code']!r} is not a GSS code")
            continue
        former = tuple(c for c in re.split(r"[,;\s]+", r["former-gss-codes"]) if GSS.match(c))
        rows.append(LocalAuthority(line, r["local-authority-code"], r["gss-code"], r["official-name"], r["nice-name"],
                                   r["nation"], r["current-authority"] == "True", former,
                                   r["replaced-by"] or None, r["wdtk-id"] or None))
    return Parsed(path, rows, rejects)


@dataclass(frozen=True)
class TrustWebsite:
    line: int
    name: str
    website: check.Checked


def read_trust_websites(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    for line, r in read_rows(path, columns={"name": 0, "url": 1}, encoding="utf-8", rejects=rejects):
        site = check.website(r["url"])
        if not r["name"]:
            rejects.reject(line, "no trust name")
        elif isinstance(site, check.Refused):
            rejects.reject(line, f"{r['name']}: website refused: {site.reason}")
        else:
            rows.append(TrustWebsite(line, r["name"], site))
    return Parsed(path, rows, rejects)


@dataclass(frozen=True)
class Member:
    line: int
    constituency: str    # PCON24CD
    constituency_name: str
    country: str
    first_name: str
    surname: str
    party: str           # the Library's abbreviation (Lab, Con, LD, ...)
    result: str


def read_mps(path: Path) -> Parsed:
    rejects = Rejects(path.name)
    rows = []
    need = ("ONS ID", "Constituency name", "Country name", "Member first name", "Member surname", "Result", "First party")
    for line, r in read_rows(path, required=need, rejects=rejects):
        if not GSS.match(r["ONS ID"]):
            rejects.reject(line, f"ONS ID {r['ONS ID']!r} is not a GSS code")
            continue
        if not (r["Member first name"] or r["Member surname"]) or not r["First party"]:
            rejects.reject(line, f"{r['ONS ID']}: no member or party")
            continue
        rows.append(Member(line, r["ONS ID"], r["Constituency name"], r["Country name"], r["Member first name"],
                           r["Member surname"], r["First party"], r["Result"]))
    return Parsed(path, rows, rejects)


def read_pcon_names(path: Path) -> Parsed:
    """mySociety short code (UKPARL.2025.AAD) -> (PCON24CD, name)."""
    rejects = Rejects(path.name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"{path.name}: not JSON ({exc})") from None
    rows = []
    for i, (short, v) in enumerate(data.items(), start=1):
        rejects.rows += 1
        gss, name = (v or {}).get("parlcon_2024_gss_code"), (v or {}).get("parlcon_2024_name")
        if not (isinstance(gss, str) and GSS.match(gss) and name):
            rejects.reject(i, f"entry {short!r}: no GSS code or name")
            continue
        rows.append((short, gss, name))
    return Parsed(path, rows, rejects)


@dataclass(frozen=True)
class Overlap:
    line: int
    lsoa11: str
    constituency: str    # PCON24CD
    share: float         # fraction of the LSOA's 2019 population in this constituency
    population: float    # people in the overlap


def read_overlaps(path: Path, names: dict[str, str]) -> Parsed:
    """The parquet overlap table; ``names``: short code -> PCON24CD (from read_pcon_names).
    Rows with no population (an LSOA with no residents apportioned) keep their area share only
    when it is the LSOA's sole row."""
    import polars as pl

    rejects = Rejects(path.name)
    try:
        df = pl.read_parquet(path, columns=["LSOA11", "PARL25", "percentage_overlap_pop", "overlap_pop",
                                            "percentage_overlap_area"])
    except Exception as exc:  # polars raises several error types for a damaged file
        raise SourceError(f"{path.name}: not a readable parquet file with the overlap columns ({exc})") from None
    rows = []
    for line, (lsoa, short, share, pop, area) in enumerate(df.iter_rows(), start=1):
        rejects.rows += 1
        if not isinstance(lsoa, str) or not lsoa:
            rejects.reject(line, "no LSOA code")
            continue
        gss = names.get(short)
        if gss is None:
            rejects.reject(line, f"{lsoa}: constituency {short!r} is not in the code lookup")
            continue
        if share is None or not (0 <= share <= 1.0000001):
            rejects.reject(line, f"{lsoa}: population share {share!r} is not a fraction")
            continue
        if not (pop or 0) and not share:
            continue   # no people in this part of the LSOA
        rows.append(Overlap(line, lsoa, gss, float(share), float(pop or 0)))
    return Parsed(path, rows, rejects)


# --- matching trust names to ODS codes --------------------------------------------------------

MATCH_MIN = 92   # rapidfuzz token_sort_ratio on normalised names; chosen so every match was checked


def normalise(name: str) -> str:
    name = re.sub(r"\s*\((?:formerly|previously)[^)]*\)", "", name)
    s = unicodedata.normalize("NFKD", name).replace("\u2019", "'").replace("\u2018", "'").lower()
    s = s.replace("&", " and ").replace("'s", "s").replace("'", "")
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"\bnhs\b|\btrust\b|\bfoundation\b|\bthe\b", " ", s)
    return " ".join(s.split())


@dataclass(frozen=True)
class TrustMatch:
    line: int
    listed_name: str
    code: str | None
    score: float
    reason: str          # how it matched, or why not


def match_trusts(listed: list[TrustWebsite], candidates: dict[str, list[str]]) -> list[TrustMatch]:
    """Each listed trust name -> the ODS code of the trust of that name (``candidates``: code ->
    every name of the NHS trusts open on the list's date, current and former). In order: the same
    normalised name; the best rapidfuzz token_sort_ratio at or above MATCH_MIN that no other trust
    scores alike; the one trust whose name contains every word of the listed name ("Wirral
    Community" in "Wirral Community Health and Care"). Each code is claimed by one listed name."""
    from rapidfuzz import fuzz

    pairs = [(code, n, normalise(n)) for code, names in candidates.items() for n in names]
    out: list[TrustMatch] = []
    for t in listed:
        key = normalise(t.name)
        same = {code for code, _, k in pairs if k == key}
        if len(same) == 1:
            code = same.pop()
            out.append(TrustMatch(t.line, t.name, code, 100.0, "same name"))
            continue
        best: dict[str, tuple[float, str]] = {}
        for code, n, k in pairs:
            sc = fuzz.token_sort_ratio(key, k)
            if code not in best or sc > best[code][0]:
                best[code] = (sc, n)
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
        if not ranked:
            out.append(TrustMatch(t.line, t.name, None, 0.0, "no trust open on the list's date"))
            continue
        (code, (score, name)) = ranked[0]
        second = ranked[1] if len(ranked) > 1 else None
        if score >= MATCH_MIN and not (second and second[1][0] >= score - 1):
            out.append(TrustMatch(t.line, t.name, code, score, f"name match {score:.0f}% ({name})"))
            continue
        words = set(key.split())
        within = {c for c, n, k in pairs if len(words) >= 2 and words <= set(k.split())}
        if len(within) == 1:
            c = within.pop()
            n = next(n for cc, n, k in pairs if cc == c and words <= set(k.split()))
            out.append(TrustMatch(t.line, t.name, c, float(fuzz.token_sort_ratio(key, normalise(n))),
                                  f"every word of the listed name is in {n}"))
            continue
        if second and score >= MATCH_MIN:
            reason = f"ambiguous: {name} and {second[1][1]} score alike"
        elif len(within) > 1:
            reason = f"ambiguous: {len(within)} open trusts' names contain every word of it"
        else:
            reason = f"no trust of that name open on the list's date (closest: {name}, score {score:.0f} < {MATCH_MIN})"
        out.append(TrustMatch(t.line, t.name, None, score, reason))
    # One code, one listed name: a second claimant loses to the better score.
    by_code: dict[str, TrustMatch] = {}
    for m in out:
        if m.code and (m.code not in by_code or m.score > by_code[m.code].score):
            by_code[m.code] = m
    return [m if not m.code or by_code[m.code] is m else
            TrustMatch(m.line, m.listed_name, None, m.score, f"{by_code[m.code].listed_name} matches {m.code} better")
            for m in out]
