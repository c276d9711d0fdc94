"""ONSPD names and codes (via postcodes.io): the 2025 districts and wards Code-Point uses, names
for counties the 2016 lookup left unnamed, the 2024 NHS England regions (given their ODS Y codes
by name from the ONS 2019 list), and a check of the 2024 sub-ICB ODS codes. (nhsHa.json names the
health authorities Code-Point gives each postcode, in the os_codepoint_open step.)"""

from __future__ import annotations

from localnhs.sources._rows import SourceError
from localnhs.store.datasets._geo import names


def load(ctx) -> None:
    areas = ctx.staged.areas
    with ctx.step("geography: ONSPD names", total=1) as advance:
        # Code-Point (Oct 2025) districts and wards: two 2025 codes (Barnsley, Sheffield boundary
        # changes) postdate the 2024 lookups.
        utla_of = ctx.staged.parsed["utla_of_lad23"]
        for code, v in names(ctx, "districts.json").items():
            parent = utla_of.get(code) or (code if code[:3] in ("E06", "E08", "E09", "W06", "S12") else None)
            areas.put(code, "lad", "2025", v["name"], "districts.json", parent=parent)
        for code, v in names(ctx, "wards.json").items():
            areas.put(code, "ward", "2025", v["name"], "wards.json")
        counties = names(ctx, "counties.json")
        for (t, v, code), row in list(areas.rows.items()):  # fill any county the 2016 lookup left unnamed
            if t == "county" and row[3] == code and code in counties:
                areas.rows[(t, v, code)] = row[:3] + (counties[code]["name"],) + row[4:]

        # 2024: ONS codes and names from ONSPD; the Y-codes by name from NHSER19 (the 2019
        # scheme's names are unchanged, four ONS codes were reissued since).
        r19, file19 = ctx.staged.parsed["nhser19"]
        y_by_name = {n.lower(): y for n, y in r19.select("nhser_name", "nhser_ods").iter_rows()}
        for code, v in names(ctx, "nhs_regions.json").items():
            ods = y_by_name.get(v["name"].lower())
            if ods is None:
                raise SourceError(f"nhs_regions.json: region {code} {v['name']!r} has no namesake in {file19}")
            areas.put(code, "nhs_region", "2024", v["name"], "nhs_regions.json", ods=ods)

        names(ctx, "icb.json")  # recorded; the lookup's own ICB names are used (identical list)
        sub_ods = names(ctx, "ccgs.json")
        for (t, v, code), row in areas.rows.items():
            if t == "sub_icb" and v == "2024" and code in sub_ods and sub_ods[code]["ods"] not in (None, row[4]):
                ctx.notes.append(f"geography: sub-ICB {code} ODS {row[4]} in the 2024 lookup, {sub_ods[code]['ods']} in ccgs.json")
        advance()
