"""Which ambulance service covers each LSOA11 (NHS England AmbSYS, 2016), checked against the
CCG -> ambulance service list."""

from __future__ import annotations

import polars as pl

from localnhs.sources import ambulance
from localnhs.store.datasets._geo import check_lsoas

DATASET = ambulance.DATASET


def load(ctx) -> None:
    lsoa_path = ctx.path(DATASET, ambulance.LSOA_FILE)
    amb, rej1 = ambulance.read_lsoa(lsoa_path)
    ccg_path = ctx.path(DATASET, ambulance.CCG_FILE)
    amb_ccg, rej2 = ambulance.read_ccg(ccg_path)
    ambulance.check_consistent(amb, amb_ccg)
    ctx.log(DATASET, lsoa_path, rej1)
    ctx.log(DATASET, ccg_path, rej2)
    check_lsoas(amb, ambulance.LSOA_FILE)
    ctx.staged.lsoa11.append(amb.select(pl.col("lsoa11").alias("code"), pl.col("trust").alias("ambulance")))
