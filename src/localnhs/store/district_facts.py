"""Facts a council district's postcodes share, kept for the postcodes.io-compatible API:
its English region and its former NHS health authority.

- region: the ONS LAD (2024) -> region lookup, for English districts.
- nhs_ha: Code-Point Open gives every postcode the NHS health authority its point falls in
  (English Strategic Health Authority, Welsh or Scottish health board). In the October 2025
  release every district's postcodes share one, so it is kept per district; the build stops
  if a release ever splits a district. Names from the ONSPD list (nhsHa.json).
"""

from __future__ import annotations

import polars as pl

from localnhs.sources import onspd_names
from localnhs.sources._rows import SourceError

INSERT = "INSERT INTO district_fact VALUES (?,?,?,?,?)"


def regions(conn, lad_region: pl.DataFrame, file: str) -> None:
    rows = lad_region.select("lad", "region", "region_name").unique("lad", keep="first", maintain_order=True)
    conn.executemany(INSERT, [(lad, "region", code, name, file) for lad, code, name in rows.iter_rows()])


def health_authorities(ctx, codepoint: pl.DataFrame, file: str) -> None:
    path = ctx.path(onspd_names.DATASET, "nhsHa.json")
    names, rejects = onspd_names.read(path)
    ctx.log(onspd_names.DATASET, path, rejects)
    per = codepoint.filter(pl.col("lad").is_not_null() & pl.col("nhs_ha").is_not_null()) \
        .group_by("lad").agg(pl.col("nhs_ha").n_unique().alias("n"), pl.col("nhs_ha").first().alias("code"))
    split = per.filter(pl.col("n") > 1)
    if split.height:
        raise SourceError(f"{file}: district {split['lad'][0]} has postcodes in {split['n'][0]} NHS health "
                          "authorities; one per district was expected")
    unnamed = sorted(set(per["code"]) - set(names))
    if unnamed:
        raise SourceError(f"nhsHa.json: no name for the health authority codes {', '.join(unnamed[:5])} in {file}")
    ctx.conn.executemany(INSERT, [(lad, "nhs_ha", code, names[code]["name"], file)
                                  for lad, _, code in per.sort("lad").iter_rows()])
