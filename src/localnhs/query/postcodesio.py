"""postcodes.io's postcode record, filled from localnhs's data, for any date.

Every top-level and ``codes.*`` field postcodes.io returns is present. A field is filled
only from a file that holds it (see FIELD_SOURCES); the rest are null, never guessed.
NHS fields (ccg, icb, nhs_region) and councils follow ``as_of``: the CCG of the year's
ONS LSOA -> CCG lookup before July 2022, the sub-ICB location and ICB after. Extensions
beyond postcodes.io: ``codes.icb_id`` (the ICB's ODS code) and ``as_of`` when asked for.

The lookups a record needs (LSOAs, area names) are read into memory once, so a bulk
request of 10,000 postcodes costs a handful of batched reads, not tens of thousands.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from localnhs.query import postcode as pc
from localnhs.query.dates import ICB_2026, ICB_ERA, ccg_column  # 2026: 12 ICBs merged or split into 7
from localnhs.query.per_connection import build_cache
from localnhs.store import postcodesio as store
from localnhs.store import read_contacts

COUNTRIES = {"E92000001": "England", "W92000004": "Wales", "S92000003": "Scotland"}
SICBL24_FROM = dt.date(2024, 4, 1)
COUNCILS_2016_UNTIL = dt.date(2019, 4, 1)   # LSOA -> LAD 2016 lookup, then 2021, then Code-Point's
COUNCILS_2021_UNTIL = dt.date(2023, 4, 1)
_SUB_ICB_SUFFIX = re.compile(r" ICB - [0-9A-Z]{3,5}$")

# Top-level fields in postcodes.io's order (its current published record).
FIELDS = (
    "postcode", "quality", "eastings", "northings", "country", "nhs_ha", "longitude", "latitude",
    "european_electoral_region", "primary_care_trust", "region", "lsoa", "msoa", "incode", "outcode",
    "parliamentary_constituency", "parliamentary_constituency_2024", "senedd_constituency",
    "senedd_constituency_no", "admin_district", "parish", "admin_county", "date_of_introduction",
    "date_of_termination", "index_of_multiple_deprivation", "admin_ward", "ced", "ccg", "nuts", "pfa",
    "nhs_region", "ttwa", "national_park", "bua", "icb", "cancer_alliance", "lsoa11", "msoa11", "lsoa21",
    "msoa21", "oa21", "ruc11", "ruc21", "lep1", "lep2",
)
CODES = (
    "admin_district", "admin_county", "admin_ward", "parish", "parliamentary_constituency",
    "parliamentary_constituency_2024", "ccg", "ccg_id", "ced", "nuts", "lsoa", "msoa", "lau2", "pfa",
    "nhs_region", "ttwa", "national_park", "bua", "icb", "cancer_alliance", "lsoa11", "msoa11", "lsoa21",
    "msoa21", "oa21", "ruc11", "ruc21", "lep1", "lep2",
)
# Where each filled field comes from; every other field is null, for the reason in NULL_FIELDS.
FIELD_SOURCES = {
    "postcode, incode, outcode, eastings, northings, quality, country, latitude, longitude":
        "OS Code-Point Open (Oct 2025); quality is Code-Point's positional quality divided by ten "
        "(10-90 there, 1-9 in the ONS Postcode Directory, same categories); latitude/longitude converted "
        "from the grid reference",
    "admin_district, admin_county, admin_ward (+ codes)":
        "Code-Point's district and ward codes named from the ONSPD lists; the county is the district's "
        "upper-tier council where that is a county council. Before April 2023 / April 2019 the district "
        "comes from the ONS LSOA -> LAD lookups of 2021 / 2016",
    "nhs_ha": "Code-Point Open's NHS health authority code (former Strategic Health Authority in England, "
              "health board in Wales and Scotland; one per district, checked at build), named from the ONSPD list",
    "region": "ONS LAD 2024 -> region lookup (English postcodes)",
    "lsoa, lsoa11, msoa, msoa11, lsoa21 (+ codes)":
        "ONS postcode -> LSOA 2011 lookup (May 2022), LSOA 2011 -> 2021 lookup and names",
    "ccg, codes.ccg, codes.ccg_id":
        "ONS LSOA -> CCG lookups (2015-2021) before 1 July 2022; ONS LSOA -> sub-ICB location lookups "
        "(2022, 2024) after, named as postcodes.io names them (without the ' ICB - code' suffix)",
    "icb, codes.icb, codes.icb_id (extension), nhs_region (+ code)":
        "ONS LSOA -> ICB lookups (2022, 2024); from 1 April 2026 the successor ICB where the lookup's ICB "
        "merged or split (ODS successors; a split ICB's successor by council area, derived), whose ONS code "
        "(codes.icb) is null: none is in the data; the ICB's NHS England region (the predecessor's for a "
        "successor); before July 2022 the CCG's region in the ODS releases",
    "parliamentary_constituency, parliamentary_constituency_2024 (+ codes)":
        "mySociety's LSOA 2011 -> 2024 constituency overlaps: the constituency holding at least 99% of the "
        "postcode's LSOA's people (2019 population); both fields give the 2024 constituency, as postcodes.io does",
}
NULL_FIELDS = {
    "european_electoral_region": "no lookup to European electoral regions (abolished 2020) ships with the data",
    "primary_care_trust": "no postcode -> primary care trust (2002-2013) lookup ships with the data",
    "parliamentary_constituency, parliamentary_constituency_2024 (where null)":
        "null where no single 2024 constituency holds at least 99% of the postcode's LSOA 2011's people "
        "(mySociety's overlap table gives shares, not a postcode placement; a split neighbourhood is not guessed)",
    "senedd_constituency, senedd_constituency_no": "Welsh only; no lookup ships with the data",
    "parish, ced": "no parish or county electoral division lookup ships with the data",
    "date_of_introduction, date_of_termination": "Code-Point Open carries no dates (live postcodes only)",
    "index_of_multiple_deprivation": "no deprivation data ships with the data",
    "nuts, codes.lau2, pfa, ttwa, national_park, bua, cancer_alliance, ruc11, ruc21, lep1, lep2":
        "no lookup to these geographies ships with the data",
    "msoa21, oa21": "no 2021 MSOA or output-area lookup ships with the data",
    "ccg, icb, nhs_region for Wales and Scotland": "localnhs covers NHS England only",
}


PCON_MIN_SHARE = 0.99   # a constituency fills the fields only where it holds this share of the LSOA's people


def sub_icb_name(name: str) -> str:
    """'NHS Cheshire and Merseyside ICB - 02E' -> 'NHS Cheshire and Merseyside', as postcodes.io names it."""
    return _SUB_ICB_SUFFIX.sub("", name)


class Reference:
    """The small lookups every record needs, held in memory as plain dicts keyed by code
    (about 100,000 rows, read once): a record is then dictionary reads, no SQL."""

    def __init__(self, conn):
        self.conn = conn
        self.lsoa11 = {r["code"]: dict(r) for r in store.lsoa11_all(conn)}
        self.lsoa21 = {r["code"]: dict(r) for r in store.lsoa21_all(conn)}
        self.areas: dict[tuple[str, str, str], dict] = {}
        by: dict[tuple[str, str], dict[str, dict]] = {}
        latest: dict[str, dict[str, dict]] = {}
        for r in sorted(store.areas_all(conn), key=lambda r: (r["type"], r["vintage"], r["code"])):
            a = dict(r)
            if a["type"] == "sub_icb":
                a["short"] = sub_icb_name(a["name"])
            self.areas[(a["type"], a["vintage"], a["code"])] = a
            by.setdefault((a["type"], a["vintage"]), {})[a["code"]] = a
            latest.setdefault(a["type"], {})[a["code"]] = a  # later vintages overwrite earlier
        self.by, self.latest = by, latest
        self.lad = {v: by.get(("lad", v), {}) for v in ("2016", "2021", "2024", "2025")}
        self.lad_any = latest.get("lad", {})
        self.county16, self.utla_any = by.get(("county", "2016"), {}), latest.get("utla", {})
        self.ward25, self.ward_any = by.get(("ward", "2025"), {}), latest.get("ward", {})
        self.msoa11 = by.get(("msoa11", "2011"), {})
        self.region_any = latest.get("nhs_region", {})
        self.district = {(r["lad"], r["fact"]): r["name"] for r in store.district_facts(conn)}
        # LSOA 2011 -> (code, name) of the 2024 constituency holding >= 99% of its people.
        self.pcon = {r["lsoa11"]: (r["code"], r["name"])
                     for r in read_contacts.constituency_placements(conn, PCON_MIN_SHARE)}
        self._regions = lru_cache(maxsize=4096)(self._region_of)
        self._successors = lru_cache(maxsize=4096)(self._successor_of)

    def area(self, type_: str, vintage: str, code: str | None):
        return self.by.get((type_, vintage), {}).get(code) if code else None

    def _region_of(self, ods: str, date: str):
        return store.region_of_commissioner(self.conn, ods, date)

    def _successor_of(self, icb_ods: str, lsoa21: str | None, upper: str | None, when: dt.date):
        """(ODS code, name) of the ICB that took over the lookup's ICB by the date (April 2026
        mergers and splits, as the domain answers them), or None when it still stands."""
        from localnhs.query.commissioners import icb_on
        from localnhs.store import read

        new, _, _ = icb_on(self.conn, icb_ods, self.lsoa21.get(lsoa21), when, "")
        if new == icb_ods:
            return None
        org = read.organisation(self.conn, new)
        return new, org["name"] if org is not None else None


# The lookups for a connection, read on first use; a new build's connection gets its own.
def reference(conn) -> Reference:
    return build_cache(conn).part("postcodesio_reference", Reference)


def find(conn, text: str):
    """The live row for a postcode as typed, or None (postcodes.io's lookup ignores terminated ones)."""
    if not pc.is_full(text or ""):
        return None
    row = store.postcodes(conn, [pc.normalise(text)]).get(pc.normalise(text))
    return row if row is not None and row["status"] == "live" else None


def find_many(conn, texts) -> list:
    """Live rows for a bulk request, one per query in order (None where invalid, unknown or terminated)."""
    keys = [pc.normalise(t) if isinstance(t, str) and pc.is_full(t) else None for t in texts]
    rows = store.postcodes(conn, [k for k in keys if k])
    out = []
    for k in keys:
        row = rows.get(k) if k else None
        out.append(row if row is not None and row["status"] == "live" else None)
    return out


def terminated(conn, text: str):
    key = pc.normalise(text)
    row = store.postcodes(conn, [key]).get(key)
    return row if row is not None and row["status"] == "terminated" else None


def terminated_record(row) -> dict:
    year = month = None
    if row["terminated"]:
        year, month = (int(x) for x in row["terminated"].split("-")[:2])
    return {"postcode": row["pcd"], "year_terminated": year, "month_terminated": month,
            "longitude": row["lon"], "latitude": row["lat"]}


def _councils(ref: Reference, row, l11, when: dt.date):
    """(district code, district name, county code, county name) in force on the date."""
    if l11 is not None and when < COUNCILS_2016_UNTIL and l11["lad16"]:
        lad, vintage = l11["lad16"], "2016"
    elif l11 is not None and when < COUNCILS_2021_UNTIL and l11["lad21"]:
        lad, vintage = l11["lad21"], "2021"
    else:
        lad, vintage = row["lad"], "2025"
        if lad is None and row["lsoa21"] in ref.lsoa21:
            lad, vintage = ref.lsoa21[row["lsoa21"]]["lad24"], "2024"
    if lad is None:
        return None, None, None, None
    a = ref.lad[vintage].get(lad) or ref.lad_any.get(lad)
    if a is None:
        return lad, None, None, None
    county = a["parent_code"] if (a["parent_code"] or "").startswith("E10") else None
    if county is None:
        return lad, a["name"], None, None
    c = ref.county16.get(county) or ref.utla_any.get(county)
    return lad, a["name"], county, c["name"] if c is not None else None


_NO_NHS = (None,) * 8


def _nhs(ref: Reference, l11, l21, when: dt.date) -> tuple:
    """(ccg name, ONS code, ODS code, icb name, ONS code, ODS code, region name, ONS code) on the date."""
    if when < ICB_ERA:
        col = ccg_column(when)
        vintage = "20" + col[3:]
        code = l11[col] if l11 is not None else None
        a = ref.area("ccg", vintage, code)
        if a is None:
            return _NO_NHS
        region = None
        if (a["parent_code"] or "").startswith("E40"):
            region = ref.area("nhs_region", vintage, a["parent_code"])
        elif a["ods_code"]:
            region = ref._regions(a["ods_code"], when.isoformat())
        return (a["name"], code, a["ods_code"], None, None, None,
                region["name"] if region is not None else None, region["code"] if region is not None else None)
    if when >= SICBL24_FROM and l21 is not None and l21["sicbl24"]:
        sub, icb, vintage = l21["sicbl24"], l21["icb24"], "2024"
    elif l11 is not None and l11["sicbl22"]:
        sub, icb, vintage = l11["sicbl22"], l11["icb22"], "2022"
    else:
        return _NO_NHS
    s, i = ref.area("sub_icb", vintage, sub), ref.area("icb", vintage, icb)
    r = ref.region_any.get(i["parent_code"]) if i is not None and i["parent_code"] else None
    icb_name, icb_code, icb_id = (i["name"], icb, i["ods_code"]) if i is not None else (None, None, None)
    if when >= ICB_2026 and icb_id and l21 is not None:
        upper = l21["lad24"]
        succ = ref._successors(icb_id, l21["code"], upper, when)
        if succ is not None:  # a successor ICB: ODS code and name; ONS has issued no code in this data
            icb_id, icb_name, icb_code = succ[0], succ[1], None
    return (s["short"] if s else None, sub if s else None, s["ods_code"] if s else None,
            icb_name, icb_code, icb_id, r["name"] if r else None, r["code"] if r else None)


def record(ref: Reference, row, when: dt.date) -> dict:
    """One postcode in postcodes.io's shape (its field order), for the date."""
    pcd, lsoa11, msoa11, lsoa21, ward_code = row["pcd"], row["lsoa11"], row["msoa11"], row["lsoa21"], row["ward"]
    outcode, incode = pcd.split(" ")
    l11 = ref.lsoa11.get(lsoa11) if lsoa11 else None
    l21 = ref.lsoa21.get(lsoa21) if lsoa21 else None
    lad, lad_name, county, county_name = _councils(ref, row, l11, when)
    ward = (ref.ward25.get(ward_code) or ref.ward_any.get(ward_code)) if ward_code else None
    msoa = ref.msoa11.get(msoa11) if msoa11 else None
    ccg, ccg_code, ccg_id, icb, icb_code, icb_id, region, region_code = _nhs(ref, l11, l21, when)
    lsoa_name = l11["name"] if l11 is not None else None
    msoa_name = msoa["name"] if msoa is not None else None
    quality = row["quality"]
    district = row["lad"] or (l21["lad24"] if l21 is not None else None)
    facts = ref.district
    pcon_code, pcon = ref.pcon.get(lsoa11, (None, None)) if lsoa11 else (None, None)
    return {
        "postcode": pcd, "quality": quality // 10 if quality is not None else None,
        "eastings": row["easting"], "northings": row["northing"], "country": COUNTRIES.get(row["country"]),
        "nhs_ha": facts.get((district, "nhs_ha")), "longitude": row["lon"], "latitude": row["lat"],
        "european_electoral_region": None, "primary_care_trust": None,
        "region": facts.get((l21["lad24"] if l21 is not None else district, "region")),
        "lsoa": lsoa_name, "msoa": msoa_name,
        "incode": incode, "outcode": outcode, "parliamentary_constituency": pcon,
        "parliamentary_constituency_2024": pcon, "senedd_constituency": None, "senedd_constituency_no": None,
        "admin_district": lad_name, "parish": None, "admin_county": county_name, "date_of_introduction": None,
        "date_of_termination": None, "index_of_multiple_deprivation": None,
        "admin_ward": ward["name"] if ward is not None else None, "ced": None, "ccg": ccg, "nuts": None,
        "pfa": None, "nhs_region": region, "ttwa": None, "national_park": None, "bua": None, "icb": icb,
        "cancer_alliance": None, "lsoa11": lsoa_name, "msoa11": msoa_name,
        "lsoa21": l21["name"] if l21 is not None else None, "msoa21": None, "oa21": None, "ruc11": None,
        "ruc21": None, "lep1": None, "lep2": None,
        "codes": {
            "admin_district": lad, "admin_county": county, "admin_ward": ward_code, "parish": None,
            "parliamentary_constituency": pcon_code, "parliamentary_constituency_2024": pcon_code, "ccg": ccg_code,
            "ccg_id": ccg_id, "ced": None, "nuts": None, "lsoa": lsoa11, "msoa": msoa11, "lau2": None,
            "pfa": None, "nhs_region": region_code, "ttwa": None, "national_park": None, "bua": None,
            "icb": icb_code, "cancer_alliance": None, "lsoa11": lsoa11, "msoa11": msoa11, "lsoa21": lsoa21,
            "msoa21": None, "oa21": None, "ruc11": None, "ruc21": None, "lep1": None, "lep2": None,
            "icb_id": icb_id,
        },
    }


# ---- search and autocomplete (postcodes.io's prefix semantics) ------------------------

_INWARD_PREFIX = re.compile(r"^[0-9][A-Z]{0,2}$")


def search(conn, query: str, limit: int) -> list:
    """Live rows starting with what was typed, ignoring spaces; an exact match alone if there is one."""
    upper = " ".join((query or "").upper().split())
    compact = upper.replace(" ", "")
    if not compact:
        return []
    if pc.OUTCODE.match(compact) and " " not in upper:
        rows = store.live_from(conn, compact + " ", limit)
        if rows:
            return _exact_first(rows, compact)
    if " " in upper:
        rows = store.live_from(conn, upper, limit)
        if rows:
            return _exact_first(rows, compact)
    found = {}
    for prefix in _spaced_prefixes(compact):
        for r in store.live_from(conn, prefix, limit):
            if r["pcd"].replace(" ", "").startswith(compact):
                found[r["pcd"]] = r
    rows = sorted(found.values(), key=lambda r: r["pcd"].replace(" ", ""))[:limit]
    return _exact_first(rows, compact)


def _spaced_prefixes(compact: str) -> list[str]:
    """Key prefixes a space-less partial postcode can stand for ('SW1A1' -> 'SW1A 1')."""
    out = [compact]  # still an outward code being typed ('SW1' -> SW1A, SW1E, ...)
    for i in (2, 3, 4):
        out_part, rest = compact[:i], compact[i:]
        if rest and pc.OUTCODE.match(out_part) and _INWARD_PREFIX.match(rest):
            out.append(f"{out_part} {rest}")
    return out


def _exact_first(rows, compact):
    exact = [r for r in rows if r["pcd"].replace(" ", "") == compact]
    return exact or rows


# ---- outward codes --------------------------------------------------------------------


def outcode_record(conn, outcode: str) -> dict | None:
    """postcodes.io's outward-code record: the mean point of its live postcodes and the areas in it."""
    ref = reference(conn)
    rows = store.live_in_outcode(conn, outcode)
    if not rows:
        return None
    located = [r for r in rows if r["lat"] is not None]
    mean = (lambda key: sum(r[key] for r in located) / len(located)) if located else (lambda key: None)
    districts, counties, wards, countries = set(), set(), set(), set()
    today = dt.date.today()
    for r in rows:
        l11 = ref.lsoa11.get(r["lsoa11"]) if r["lsoa11"] else None
        _, lad_name, _, county_name = _councils(ref, r, l11, today)
        ward = (ref.ward25.get(r["ward"]) or ref.ward_any.get(r["ward"])) if r["ward"] else None
        districts.add(lad_name)
        counties.add(county_name)
        wards.add(ward["name"] if ward is not None else None)
        countries.add(COUNTRIES.get(r["country"]))
    e, n = mean("easting"), mean("northing")
    return {
        "outcode": outcode, "longitude": mean("lon"), "latitude": mean("lat"),
        "northings": round(n) if n is not None else None, "eastings": round(e) if e is not None else None,
        "admin_district": sorted(x for x in districts if x), "parish": [],
        "admin_county": sorted(x for x in counties if x), "admin_ward": sorted(x for x in wards if x),
        "country": sorted(x for x in countries if x), "parliamentary_constituency": [],
    }
