"""Ambulance service areas (2016, CCG basis): the trust that answers 999 calls per LSOA11.

The Isle of Wight is outside the ten regional services; its own NHS trust (R1F) runs
the island's ambulances, as the provenance notes.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from localnhs.sources._frame import CCG, LSOA11, TEXT, Col, read_csv
from localnhs.sources._rows import Rejects, SourceError

DATASET = "ambulance_areas"
LSOA_FILE = "lsoa11_ambulance_service.csv.gz"
CCG_FILE = "ccg16_ambulance_service.csv"
TRUST = Col(r"R[0-9A-Z]{2}", what="an NHS trust code")


def read_lsoa(path: Path) -> tuple[pl.DataFrame, Rejects]:
    """lsoa11, ccg16, service, trust."""
    rejects = Rejects(path.name)
    df = read_csv(path, {"lsoa11_code": Col(LSOA11), "CCG16CD": Col(CCG), "ambulance_service": Col(TEXT),
                         "ambulance_trust_code": TRUST}, rejects=rejects)
    return df.rename({"lsoa11_code": "lsoa11", "CCG16CD": "ccg16", "ambulance_service": "service",
                      "ambulance_trust_code": "trust"}), rejects


def read_ccg(path: Path) -> tuple[pl.DataFrame, Rejects]:
    """ccg16, service, trust: the NHS England CCG -> service table the LSOA file inherits."""
    rejects = Rejects(path.name)
    df = read_csv(path, {"CCG16CD": Col(CCG), "ambulance_service": Col(TEXT), "ambulance_trust_code": TRUST},
                  rejects=rejects)
    return df.rename({"CCG16CD": "ccg16", "ambulance_service": "service", "ambulance_trust_code": "trust"}), rejects


def check_consistent(lsoa: pl.DataFrame, ccg: pl.DataFrame) -> None:
    """Every LSOA's trust is its CCG's: the LSOA file was built that way, so a mismatch is corruption."""
    j = lsoa.join(ccg.select("ccg16", pl.col("trust").alias("ccg_trust")), on="ccg16", how="left")
    bad = j.filter(pl.col("ccg_trust").is_null() | (pl.col("ccg_trust") != pl.col("trust")))
    if bad.height:
        r = bad.row(0, named=True)
        raise SourceError(f"{LSOA_FILE}:{r['_line']}: {r['lsoa11']} has {r['trust']} but its CCG16 {r['ccg16']} "
                          f"has {r['ccg_trust']} in {CCG_FILE} ({bad.height} such rows)")
