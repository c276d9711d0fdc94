"""OHID acute trust catchments by MSOA 2011: the share of each neighbourhood's admissions
that went to each acute trust (2018 and 2019 catchment years).

The 2018 extract predates geographr's "sum repeated trusts" fix, so a trust can appear
twice for one MSOA (a merged trust's predecessors): those shares are added up.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from localnhs.sources._frame import MSOA11, TEXT, Col, read_csv
from localnhs.sources._rows import Rejects

DATASET = "acute_trust_catchments"
FILES = {2018: "trust_msoa11_catchyear2018.csv", 2019: "trust_msoa11_catchyear2019.csv"}
MSOA_NAMES = "lookup_msoa11_ltla21.csv"
SHARE = r"(?:0(?:\.\d+)?|1(?:\.0+)?|\d(?:\.\d+)?e-\d+)"
SPEC = {
    "msoa_code": Col(MSOA11, what="an MSOA 2011 code"),
    "trust_code": Col(r"[0-9A-Z]{3}", what="a 3-character trust code"),
    "proportion": Col(SHARE, what="a share between 0 and 1"),
}


def read(path: Path) -> tuple[pl.DataFrame, Rejects]:
    """msoa11, trust, share: one row per MSOA x trust (repeats summed)."""
    rejects = Rejects(path.name)
    df = read_csv(path, SPEC, rejects=rejects)
    df = (
        df.group_by("msoa_code", "trust_code")
        .agg(pl.col("proportion").cast(pl.Float64).sum())
        .rename({"msoa_code": "msoa11", "trust_code": "trust", "proportion": "share"})
        .sort("msoa11", "trust")
    )
    return df, rejects


def read_msoa_names(path: Path) -> tuple[pl.DataFrame, Rejects]:
    """msoa11 -> name ('Hartlepool 001'), England and Wales."""
    rejects = Rejects(path.name)
    df = read_csv(path, {"msoa11_code": Col(MSOA11), "msoa11_name": Col(TEXT)}, rejects=rejects)
    return df.select(pl.col("msoa11_code").alias("msoa11"), pl.col("msoa11_name").alias("name")), rejects
