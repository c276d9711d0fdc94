"""Bulk answers: for one date, each postcode's place answer (the shape of a single lookup);
for the set-based path, the dated codes of every area at once. Errors are per item, so one bad
postcode never fails the batch."""

from __future__ import annotations

import datetime as dt

from localnhs.query.commissioners import commissioners
from localnhs.query.councils import councils
from localnhs.query.dates import ICB_ERA, parse
from localnhs.query.errors import QueryError
from localnhs.query.places import locate
from localnhs.query.postcode import normalise
from localnhs.query.model import to_dict
from localnhs.query.trusts import ambulance


# What a bulk answer leaves out of the place answer: the same for every row (national bodies) or
# a search of its own per postcode (nearest practices); GET /api/places/{pc} has them.
LEFT_OUT = ("practices", "national")


def place_answer(conn, query: str, when: dt.date) -> dict:
    """One postcode's answer in the shape of GET /api/places/{pc} (the same local system, from the
    same compiled answers), without LEFT_OUT. A query that is not a full postcode is refused
    (InvalidInput), as a bulk item must be one postcode."""
    from localnhs.query.local_system import local_system

    normalise(query)  # a full postcode, or InvalidInput saying what one looks like
    out = to_dict(local_system(conn, query, when, n_practices=0))
    for key in LEFT_OUT:
        out.pop(key, None)
    return out


def place_answers(conn, postcodes, when: dt.date):
    """(query, answer dict or the QueryError that refused it) for each postcode, in order: one bad
    postcode never fails the batch."""
    for q in postcodes:
        try:
            yield q, place_answer(conn, q, when)
        except QueryError as exc:
            yield q, exc


# --- Set-based enrichment: the answer for every area at once ---------------------------------
#
# A postcode's commissioners and councils depend only on its LSOAs (2011 and 2021) and its
# district, so the domain answer is computed once per distinct (lsoa11, lsoa21, lad) - about
# 36,000 in England - instead of once per postcode. Postcodes without a grid reference or an
# LSOA (PO boxes, large users) are answered through a neighbouring postcode, as a lookup is,
# and get an area key of their own.

ENGLAND = "E92000001"

# The columns each date adds, ONS Postcode Directory-style names; codes are ODS codes for NHS
# bodies (as the API answers), ``*_ons`` the ONS (E..) code where the ONS lookups have one.
DATED_FIELDS = (
    "ccg", "ccg_ons", "ccg_name",               # CCG (before 1 July 2022)
    "sicbl", "sicbl_ons", "sicbl_name",         # sub-ICB location (from 1 July 2022)
    "icb", "icb_ons", "icb_name",               # ICB (from 1 July 2022; from April 2026 the successor ICB)
    "area_team", "area_team_name",              # NHS England area team (local office) of a CCG
    "nhser", "nhser_ons", "nhser_name",         # NHS England region
    "oscty", "oscty_name",                      # county council (two-tier areas)
    "oslaua", "oslaua_name",                    # district, unitary, metropolitan or London borough council
    "hwb_name", "healthwatch_name",             # Health and Wellbeing Board, local Healthwatch
    "ambulance", "ambulance_name",              # ambulance trust (NHS England ambulance service areas)
)
_ONS_TYPE = {"ccg": "ccg", "sub_icb_location": "sub_icb", "icb": "icb", "region": "nhs_region"}


def _ons_code(conn, code: str, kind: str, year: int, cache: dict) -> str | None:
    key = (code, kind, year)
    if key not in cache:
        from localnhs.store import read

        type_ = _ONS_TYPE.get(kind)
        rows = [r for r in read.areas_of_organisation(conn, code) if r["type"] == type_] if type_ else []
        before = [r for r in rows if int(r["vintage"]) <= year]
        pick = (before or rows)[-1] if rows else None
        cache[key] = pick["code"] if pick is not None else None
    return cache[key]


def area_answer(conn, loc, when, ons_cache: dict | None = None) -> dict:
    """The dated codes and names for one located place (DATED_FIELDS), from the domain queries
    a lookup uses, so bulk answers and single lookups agree."""
    ons_cache = {} if ons_cache is None else ons_cache
    out = dict.fromkeys(DATED_FIELDS)
    chain = commissioners(conn, loc, when)
    icb_era = when >= ICB_ERA
    for i, b in enumerate(chain):
        ons = _ons_code(conn, b.code, b.kind, when.year, ons_cache)
        if i == 0 and b.kind in ("ccg", "sub_icb_location"):
            # the same ODS code was a CCG, then a sub-ICB location: the date says which
            p = "sicbl" if icb_era else "ccg"
            out[p], out[f"{p}_ons"], out[f"{p}_name"] = b.code, ons, b.name
        elif b.kind == "region":
            out["nhser"], out["nhser_ons"], out["nhser_name"] = b.code, ons, b.name
        elif icb_era:
            out["icb"], out["icb_ons"], out["icb_name"] = b.code, ons, b.name
        else:
            out["area_team"], out["area_team_name"] = b.code, b.name
    cs, hwb, hw = councils(conn, loc, when)
    if cs:
        out["oslaua"], out["oslaua_name"] = cs[-1].code, cs[-1].name
        if len(cs) > 1:
            out["oscty"], out["oscty_name"] = cs[0].code, cs[0].name
    out["hwb_name"] = hwb.name if hwb else None
    out["healthwatch_name"] = hw.name if hw else None
    amb = ambulance(conn, loc, when).trust
    if amb is not None:
        out["ambulance"], out["ambulance_name"] = amb.code, amb.name
    return out


def area_keys(postcodes, areas):
    """Number the areas: returns (akey, keys). ``postcodes`` is the stored postcode table in pcd
    order (pcd, lat, area: its postcode_area id) and ``areas`` that table (id, country, lsoa11,
    lsoa21, lad); ``akey`` has one value per postcode row (null outside England) and ``keys`` one
    row per akey with the columns the domain needs (lsoa11, lsoa21, lad, a representative pcd, and
    ``standin`` for a postcode answered through its neighbours).

    An area is an English postcode's (lsoa11, lsoa21, lad), a null read as '', or, for a postcode
    with neither a location nor an LSOA 2011 (``standin``), that postcode alone. Keys are numbered
    in the order of each area's first postcode, which is also its representative (the smallest
    pcd). The grouping is worked out on the ~90,000 stored placements, not on 2.5 M rows of text:
    per postcode only integers are joined and grouped."""
    import polars as pl

    a = areas.select(
        pl.col("id").alias("area"), english=pl.col("country") == ENGLAND, _nolsoa=pl.col("lsoa11").is_null(),
        _g=pl.concat_str([pl.col(c).fill_null("") for c in ("lsoa11", "lsoa21", "lad")], separator="|")
        .rank("dense").cast(pl.Int64))
    p = (postcodes.select("pcd", "area", _nolat=pl.col("lat").is_null()).with_row_index("_row")
         .join(a, on="area", how="left", maintain_order="left"))
    alone = pl.col("english") & pl.col("_nolat") & pl.col("_nolsoa")
    # a standin postcode is a group of its own: a negative number no placement has
    p = p.select("_row", "pcd", "area", _alone=alone,
                 _g=pl.when(~pl.col("english")).then(None).when(alone).then(-1 - pl.col("_row").cast(pl.Int64))
                 .otherwise(pl.col("_g")))
    first = (p.filter(pl.col("_g").is_not_null()).group_by("_g").agg(pl.col("_row").min())
             .sort("_row").with_row_index("akey"))
    lead = p.select("_row", "pcd", "area", "_alone").join(first, on="_row", how="inner").sort("akey")
    keys = (lead.join(areas.select(pl.col("id").alias("area"), "lsoa11", "lsoa21", "lad"), on="area", how="left",
                      maintain_order="left")
            .select("akey", "lsoa11", "lsoa21", "lad", "pcd", standin="_alone"))
    akey = p.select("_g").join(first.select("_g", "akey"), on="_g", how="left", maintain_order="left")["akey"]
    return akey, keys


# A key's dated answer (area_answer) reads, besides the organisation tables, only the place's LSOA
# rows and its postcode's district: the LSOA 2011 row's CCG, sub-ICB, ICB, council and ambulance
# columns, the LSOA 2021 row's sub-ICB, ICB and district, and the postcode's ``lad``. Most keys
# share those values (about 400 distinct LSOA 2011 rows of them and 330 of LSOA 2021, against
# 36,000 keys), so area_answers works each distinct combination out once per date, and a new date
# costs a few hundred domain answers instead of 36,000. The combination is the rows without the
# columns below, which no dated answer reads (identity, names, wards, geometry); a column added
# to the tables joins the combination, which stays correct. tests/test_bulk_areas.py checks the
# shared answers against one answer per key (shared=False) on every era.
_LSOA11_UNREAD = frozenset({"code", "name", "msoa11", "ward17", "lat", "lon"})
_LSOA21_UNREAD = frozenset({"code", "name", "lsoa11", "ward24", "lat", "lon"})


def _signatures(rows, unread) -> dict:
    if not rows:
        return {}
    cols = [c for c in rows[0].keys() if c not in unread]
    return {r["code"]: tuple(r[c] for c in cols) for r in rows}


class _AreaInputs:
    """What area_answers reads once per build: each LSOA's signature, and the places standing in
    for postcodes without a location of their own (locating one reads its whole sector)."""

    def __init__(self, conn):
        from localnhs.store import read

        self.lsoa11 = _signatures(read.all_lsoa11(conn), _LSOA11_UNREAD)
        self.lsoa21 = _signatures(read.all_lsoa21(conn), _LSOA21_UNREAD)
        self._standins: dict = {}

    def standin(self, conn, pcd: str):
        if pcd not in self._standins:
            try:
                self._standins[pcd] = locate(conn, pcd)
            except QueryError:
                self._standins[pcd] = None
        return self._standins[pcd]


def _location(conn, inputs: _AreaInputs, lsoa11, lsoa21, pcd, standin):
    from localnhs.query.model import Location

    if standin:
        return inputs.standin(conn, pcd)
    return Location(query=pcd, postcode=pcd, status="live", terminated=None, country="England", lat=None,
                    lon=None, located_by="postcode", lsoa11=lsoa11, lsoa21=lsoa21, msoa11=None,
                    placed_by=None, label=pcd)


def area_answers(conn, keys, as_of, shared: bool = True) -> "pl.DataFrame":
    """One row per area key with DATED_FIELDS for the date. shared=False works every key out on
    its own (the reference the shared answers are checked against)."""
    import polars as pl

    from localnhs.query.per_connection import build_cache

    when = parse(as_of)
    inputs = build_cache(conn).part("area_inputs", _AreaInputs)
    ons_cache: dict = {}
    memo: dict = {}
    none = dict.fromkeys(DATED_FIELDS)
    cols = {f: [] for f in DATED_FIELDS}
    for lsoa11, lsoa21, lad, pcd, standin in keys.select("lsoa11", "lsoa21", "lad", "pcd", "standin").iter_rows():
        loc = _location(conn, inputs, lsoa11, lsoa21, pcd, standin)
        if loc is None:
            ans = none
        else:
            sig = (inputs.lsoa11.get(loc.lsoa11) if loc.lsoa11 else None,
                   inputs.lsoa21.get(loc.lsoa21) if loc.lsoa21 else None, lad or None) if shared else None
            ans = memo.get(sig) if shared else None
            if ans is None:
                ans = area_answer(conn, loc, when, ons_cache)
                if shared:
                    memo[sig] = ans
        for k in DATED_FIELDS:
            cols[k].append(ans[k])
    return pl.DataFrame({"akey": keys["akey"], **cols}, schema={"akey": pl.UInt32, **{f: pl.String for f in DATED_FIELDS}})
