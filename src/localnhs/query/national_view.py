"""What the web pages need beyond the other query modules: map outlines for a place, the
national structure on a date, list-size distributions, commissioner population ranges,
trusts by type, and the ways-in content for one body.

Domain answers only (plain dicts / lists); rendering lives in web/.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics

from localnhs import kinds
from localnhs.query.dates import ICB_ERA, parse
from localnhs.query.model import Body, LocalSystem
from localnhs.query.names import display
from localnhs.store import read

TRUST_TYPE_ORDER = tuple(kinds.ROLES)
ICB_FIGURE_DATE = ICB_ERA.isoformat()  # practices' sub-ICB location and ICB on the day ICBs began


# ---------------------------------------------------------------- one place: the map


def _geometry(conn, type_: str, vintage: str, code: str | None):
    if not code:
        return None
    row = read.area_geometry(conn, type_, vintage, code)
    return (json.loads(row["geojson"]), row["source"]) if row is not None else None


def place_map(conn, ls: LocalSystem) -> dict:
    """Points (the place, nearest practices, trusts) and outlines (the LSOA 2021 neighbourhood, the
    council and the commissioner's area) for a place's map. Outlines are the simplified boundaries stored at build time."""
    loc = ls.location
    when = dt.date.fromisoformat(ls.as_of)
    points = []
    if loc.lat is not None:
        points.append({"kind": "place", "code": loc.postcode, "name": loc.label, "lat": loc.lat, "lon": loc.lon})
    for p in ls.practices:
        b = p.practice
        if b.lat is not None:
            points.append({"kind": "practice", "code": b.code, "name": b.name, "lat": b.lat, "lon": b.lon,
                           "note": f"{p.distance_km:.1f} km"})
    for r in ls.trusts:
        b = r.trust
        if b is not None and b.lat is not None and not any(x["code"] == b.code for x in points):
            points.append({"kind": "trust", "code": b.code, "name": b.name, "lat": b.lat, "lon": b.lon,
                           "note": r.role.replace("_", " ") + " trust headquarters"})
    outlines = []
    if loc.lsoa21:
        g = _geometry(conn, "lsoa21", "2021", loc.lsoa21)
        if g:
            outlines.append({"kind": "lsoa", "name": f"Neighbourhood {loc.lsoa21} (LSOA 2021)", "geometry": g[0],
                             "source": g[1]})
    for b in sorted(ls.councils, key=lambda c: c.label != "District council"):  # the smaller area first
        g = _geometry(conn, "lad", "2024", b.code) or _geometry(conn, "utla", "2023", b.code)
        if g:
            outlines.append({"kind": "council", "name": f"{b.name} ({b.label.lower()})", "geometry": g[0], "source": g[1]})
            break
    l11 = read.lsoa11(conn, loc.lsoa11) if loc.lsoa11 else None
    l21 = read.lsoa21(conn, loc.lsoa21) if loc.lsoa21 else None
    if when < ICB_ERA:
        code = l11["ccg16"] if l11 is not None else None
        g = _geometry(conn, "ccg", "2016", code)
        if g:
            a = read.area(conn, "ccg", "2016", code)
            outlines.append({"kind": "commissioner", "name": f"{display(a['name']) if a else code} (April 2016 boundary)",
                             "geometry": g[0], "source": g[1]})
    elif l21 is not None:
        for type_, key in (("sub_icb", "sicbl24"), ("icb", "icb24")):
            g = _geometry(conn, type_, "2024", l21[key])
            if g:
                a = read.area(conn, type_, "2024", l21[key])
                outlines.append({"kind": "commissioner" if type_ == "icb" else "sub_icb",
                                 "name": f"{display(a['name']) if a else l21[key]} (2024 boundary)",
                                 "geometry": g[0], "source": g[1]})
    return {"points": points, "outlines": outlines}


# ---------------------------------------------------------------- one body: ways in


def ways_in_for(b: Body, as_of: str | dt.date | None, place: str | None = None) -> dict | None:
    """The ways-in content for a body's kind (same mapping as engage), filled with its name."""
    from localnhs.content import load_bodies
    from localnhs.query.engage import _flags, _kind_for

    when = parse(as_of)
    kind = _kind_for(b, when)
    bodies = load_bodies()
    if kind is None or kind not in bodies:
        return None
    c = bodies[kind]
    values = {"name": b.name, "place": place or "your area"}
    flags = _flags(None, b, when)

    def section(name):
        return [{"title": s.title, "text": s.render(**values), "sources": list(s.sources),
                 "checked": s.checked.isoformat()} for s in c.section(name) if s.applies(when, flags)]

    return {"kind": kind, "title": c.title, "what_it_does": section("what_it_does"),
            "what_it_decides": section("what_it_decides"), "duty_to_involve": section("duty_to_involve"),
            "ways_in": section("ways_in"), "community_planning": section("community_planning")}


# ---------------------------------------------------------------- the whole system


def structure(conn, as_of: str | dt.date | None = None) -> dict:
    """NHS England -> regions -> (area teams -> CCGs) before July 2022, (ICBs -> sub-ICB locations) after."""
    when = parse(as_of)
    d = when.isoformat()
    ccg_era = when < ICB_ERA
    middle_kind, leaf_kinds = ("area_team", ("ccg", "sub_icb_location")) if ccg_era else ("icb", ("sub_icb_location",))
    regions: dict[str, dict] = {}
    for r in read.structure_links(conn, "in_region", (middle_kind,), d):
        reg = regions.setdefault(r["to_code"], {"code": r["to_code"], "name": _name(conn, r["to_code"], d),
                                                "children": []})
        reg["children"].append({"code": r["from_code"], "name": _name(conn, r["from_code"], d), "children": []})
    by_middle = {c["code"]: c for reg in regions.values() for c in reg["children"]}
    leaves = 0
    for r in read.structure_links(conn, "part_of", leaf_kinds, d):
        m = by_middle.get(r["to_code"])
        if m is not None:
            m["children"].append({"code": r["from_code"], "name": _name(conn, r["from_code"], d)})
            leaves += 1
    out = sorted(regions.values(), key=lambda x: x["name"])
    for reg in out:
        reg["children"].sort(key=lambda x: x["name"])
    return {
        "as_of": d, "era": "ccg" if ccg_era else "icb",
        "levels": ["NHS England"] + [kinds.KINDS[k].plural for k in ("region", middle_kind, leaf_kinds[0])],
        "regions": out, "counts": {"regions": len(out), "middle": len(by_middle), "leaves": leaves},
        "source": "ODS releases (eccg, epraccur): where each body was grouped on the date",
    }


def _name(conn, code: str, d: str) -> str:
    row = read.name_at(conn, code, d)
    if row is None:
        org = read.organisation(conn, code)
        return display(org["name"]) if org else code
    return display(row["name"])


def trusts_by_type(conn, as_of: str | dt.date | None = None) -> dict:
    """Open NHS trusts on the date by type (ERIC / CQC classification in force), with foundation trusts."""
    d = parse(as_of).isoformat()
    open_codes = {r["code"] for r in read.open_organisations(conn, "nhs_trust", d)}
    ft = set(read.attribute_codes(conn, "foundation_trust", "yes", d)) & open_codes
    out = []
    for t in TRUST_TYPE_ORDER:
        codes = set(read.attribute_codes(conn, "trust_type", t, d)) & open_codes
        if codes:
            out.append({"type": t, "label": t.replace("_", " "), "trusts": len(codes), "foundation": len(codes & ft)})
    typed = sum(x["trusts"] for x in out)
    return {"as_of": d, "types": out, "typed": typed, "source": "ERIC / CQC trust types; ODS etr open dates"}


def list_size_distribution(conn, date: str, bin_width: int = 2000, cap: int = 40000) -> dict | None:
    """Histogram of registered patients per practice on a figure date; the last bin is 'cap and over'."""
    rows = read.figure_values(conn, "registered_patients", date)
    sizes = sorted(int(r["value"]) for r in rows if r["value"] > 0)
    if not sizes:
        return None
    bins = [{"lo": lo, "hi": lo + bin_width, "count": 0} for lo in range(0, cap, bin_width)]
    bins.append({"lo": cap, "hi": None, "count": 0})
    for s in sizes:
        bins[min(s // bin_width, len(bins) - 1)]["count"] += 1
    return {"date": date, "source": rows[0]["source"], "practices": len(sizes), "median": statistics.median(sizes),
            "min": sizes[0], "max": sizes[-1], "bin_width": bin_width, "bins": bins}


def list_size_dates(conn) -> list[str]:
    return read.figure_dates(conn, "registered_patients")


def icb_population_range(conn, figure_date: str | None = None, as_of: str = ICB_FIGURE_DATE) -> dict | None:
    """Smallest and largest ICB by registered patients: the latest practice list sizes (figure_date),
    each practice counted in the ICB its sub-ICB location belonged to on as_of."""
    dates = read.figure_dates(conn, "registered_patients")
    if not dates:
        return None
    fdate = figure_date or dates[-1]
    rows = read.icb_registered_patients(conn, fdate, as_of)
    if not rows:
        return None
    total = sum(r["value"] for r in read.figure_values(conn, "registered_patients", fdate))
    icbs = [{"code": r["icb"], "name": _name(conn, r["icb"], dt.date.today().isoformat()), "patients": int(r["patients"]),
             "practices": r["practices"]} for r in rows]
    icbs.sort(key=lambda x: x["patients"])
    counted = sum(x["patients"] for x in icbs)
    return {"figure_date": fdate, "as_of": as_of, "icbs": len(icbs), "smallest": icbs[0], "largest": icbs[-1],
            "coverage": counted / total if total else None, "source": read.figure_values(conn, "registered_patients", fdate)[0]["source"],
            "method": (f"registered patients on {fdate} at each practice, counted in the ICB its sub-ICB location "
                       f"belonged to on {as_of}; practices closed before then are left out")}


# ---------------------------------------------------------------- search helpers


def area_place(conn, kind: str, code: str) -> str | None:
    """A postcode near the middle of a council or ward area (the same rule the place search uses)."""
    column = "ward" if kind == "area_ward" else "lad"
    rep = read.area_representative(conn, column, code)
    if rep is None and column == "lad":
        reps = [r for c in read.child_areas(conn, "lad", code) if (r := read.area_representative(conn, "lad", c))]
        rep = max(reps, key=lambda r: r["area_postcodes"], default=None)
    return rep["pcd"] if rep is not None else None


# The seed's two commissioners of 2016: the smallest CCG (Corby) and a big-city one (Birmingham CrossCity).
SEED_CCGS = (("03V", "NHS Corby CCG"), ("13P", "NHS Birmingham CrossCity CCG"))
SEED_CCG_DATE = "2016-01-01"  # the list-size file of January 2016


def seed_commissioners(conn) -> list[dict]:
    """How many people a commissioner served: the seed's two CCGs, registered patients in January 2016."""
    from localnhs.query.stats import commissioner_population

    return [{"code": c, "name": n, "patients": commissioner_population(conn, c, SEED_CCG_DATE)} for c, n in SEED_CCGS]
