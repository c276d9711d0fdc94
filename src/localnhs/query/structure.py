"""How the NHS in England was organised on a date: NHS England -> regions -> area teams -> CCGs
before July 2022, regions -> ICBs -> sub-ICB locations since; and the open NHS trusts by type.

Domain answers only (plain dicts); the tree and the tables are drawn in web/.
"""

from __future__ import annotations

import datetime as dt

from localnhs import kinds
from localnhs.eras import is_ccg_era
from localnhs.query.dates import AsOf, parse
from localnhs.query.names import display
from localnhs.store import read

TRUST_TYPE_ORDER = tuple(kinds.ROLES)


def structure(conn, as_of: AsOf | dt.date | None = None) -> dict:
    """NHS England -> regions -> (area teams -> CCGs) before July 2022, (ICBs -> sub-ICB locations) after."""
    when = parse(as_of)
    d = when.isoformat()
    ccg_era = is_ccg_era(when)
    middle_kind, leaf_kinds = ("area_team", ("ccg", "sub_icb_location")) if ccg_era else ("icb", ("sub_icb_location",))
    regions: dict[str, dict] = {}
    for r in read.structure_links(conn, "in_region", (middle_kind,), d):
        reg = regions.setdefault(r["to_code"], {"code": r["to_code"], "name": name_on(conn, r["to_code"], d),
                                                "children": []})
        reg["children"].append({"code": r["from_code"], "name": name_on(conn, r["from_code"], d), "children": []})
    by_middle = {c["code"]: c for reg in regions.values() for c in reg["children"]}
    leaves = 0
    for r in read.structure_links(conn, "part_of", leaf_kinds, d):
        m = by_middle.get(r["to_code"])
        if m is not None:
            m["children"].append({"code": r["from_code"], "name": name_on(conn, r["from_code"], d)})
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


def name_on(conn, code: str, d: str) -> str:
    """A body's name on an ISO day (its ODS name if no dated name covers the day), or its code."""
    row = read.name_at(conn, code, d)
    if row is None:
        org = read.organisation(conn, code)
        return display(org["name"]) if org else code
    return display(row["name"])


def trusts_by_type(conn, as_of: AsOf | dt.date | None = None) -> dict:
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
