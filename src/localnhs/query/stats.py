"""National figures for a date, each with the date it is true for and its source file."""

from __future__ import annotations

import datetime as dt
import statistics

import orjson

from localnhs.eras import is_ccg_era
from localnhs.query.dates import parse
from localnhs.query.per_connection import build_cache
from localnhs.query.practices import release_for
from localnhs.store import read


def _fig(value, as_of, source):
    return {"value": value, "as_of": as_of, "source": source}


def stats(conn, as_of: str | dt.date | None = None) -> dict:
    """The national figures on a date, worked out once per build and date (a count over every
    postcode takes a few hundred ms, and a build never changes while it serves); a copy each call."""
    when = parse(as_of)
    return orjson.loads(orjson.dumps(build_cache(conn).memo("stats", _stats, when, limit=64)))


def _stats(conn, when: dt.date) -> dict:
    d = when.isoformat()
    logs = {r["file"]: r for r in read.import_log(conn)}
    out = {}
    file, rel_date = release_for(conn, when)
    counts = read.active_gp_counts(conn, file)
    out["gp_practices"] = _fig(counts["practices"], rel_date, file)
    out["commissioners"] = _fig(counts["commissioners"], rel_date, file)
    out["commissioner_kind"] = _fig("CCG" if is_ccg_era(when) else "sub-ICB location", d, file)
    out["regions"] = _fig(counts["regions"], rel_date, file)
    icbs = read.open_organisations(conn, "icb", d)
    out["icbs"] = _fig(len(icbs), d, ", ".join(sorted({i["source"] for i in icbs})) or "ons_icb_names_codes_dec_2024.csv")
    trusts = [t for t in read.open_organisations(conn, "nhs_trust", d) if not _welsh(conn, t["code"], d)]
    etr = next(f for f in logs if f.startswith("etr_") and "dse" in f)
    out["nhs_trusts"] = _fig(len(trusts), d, etr)
    ft = [t for t in trusts if (a := read.attribute_at(conn, t["code"], "foundation_trust", d)) and a["value"] == "yes"]
    out["foundation_trusts"] = _fig(len(ft), d, etr)
    dates = [x for x in read.figure_dates(conn, "registered_patients") if x <= d] or read.figure_dates(conn, "registered_patients")[:1]
    if dates:
        fdate = dates[-1]
        values = read.figure_values(conn, "registered_patients", fdate)
        sizes = [v["value"] for v in values]
        src = values[0]["source"]
        out["registered_patients"] = _fig(int(sum(sizes)), fdate, src)
        out["list_size_median"] = _fig(statistics.median(sizes), fdate, src)
        out["list_size_min"] = _fig(int(min(sizes)), fdate, src)
        out["list_size_max"] = _fig(int(max(sizes)), fdate, src)
        out["list_size_practices"] = _fig(len(sizes), fdate, src)
    cpo = next((f for f in logs if f.startswith("codepo")), None)
    out["postcodes"] = _fig(read.count_postcodes(conn, "E92000001"), logs[cpo]["as_of"] if cpo else None, cpo)
    return out


def _welsh(conn, code: str, d: str) -> bool:
    rel = read.related_from(conn, code, "in_region", d)
    org = read.organisation(conn, code)
    return (not rel and org is not None and org["postcode"] is not None
            and (p := read.postcode(conn, " ".join(org["postcode"].split()))) is not None
            and p["country"] == "W92000004")


def commissioner_population(conn, code: str, date: str) -> int | None:
    """Patients registered with a commissioner's practices on a figure date (the seed's comparison)."""
    rows = [r for r in read.figures(conn, code, "registered_patients_of_practices") if r["date"] == date]
    return int(rows[0]["value"]) if rows else None
