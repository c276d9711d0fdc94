"""ONS postcode -> LSOA11 -> MSOA11 -> LAD lookup (May 2022), England extract.

The official placement of a postcode in its 2011 LSOA, live or terminated; it has no
coordinates, so it is joined to Code-Point on the normalised postcode. Read once per
build and shared by the geography and postcode steps (it is the biggest file we parse).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import polars as pl

from localnhs.sources._frame import LAD, LSOA11, MSOA11, POSTCODE, Col, read_csv
from localnhs.sources._rows import Rejects

FILE = "PCD_OA_LSOA_MSOA_LAD_MAY22_EN_extract.csv.gz"
YYYYMM = r"(?:19[5-9]\d|20[0-2]\d)(?:0[1-9]|1[0-2])"
SPEC = {
    "pcds": Col(POSTCODE, what="a postcode"),
    "dointr": Col(YYYYMM, what="a YYYYMM date"),
    "doterm": Col(YYYYMM, optional=True, what="a YYYYMM date"),
    "lsoa11cd": Col(LSOA11, what="an LSOA 2011 code"),
    "msoa11cd": Col(MSOA11, what="an MSOA 2011 code"),
    "ladcd": Col(LAD, what="a LAD code"),
}


@lru_cache(maxsize=1)
def _read(path: Path) -> tuple[pl.DataFrame, Rejects]:
    rejects = Rejects(path.name)
    df = read_csv(path, SPEC, rejects=rejects)
    if df["pcds"].n_unique() < df.height:  # (checked first: `unique` over every column costs ~350 MB)
        df = df.unique("pcds", keep="first", maintain_order=True)
    df = df.select(
        pl.col("pcds").alias("pcd"),
        pl.col("lsoa11cd").alias("lsoa11"),
        pl.col("msoa11cd").alias("msoa11"),
        pl.col("ladcd").alias("lad"),
        # 'YYYY-MM' or null; a postcode is live in May 2022 when doterm is blank.
        pl.when(pl.col("doterm") != "")
        .then(pl.col("doterm").str.slice(0, 4) + "-" + pl.col("doterm").str.slice(4, 2))
        .alias("terminated"),
    )
    return df, rejects


def read(path: Path) -> tuple[pl.DataFrame, Rejects]:
    """(frame of pcd, lsoa11, msoa11, lad, terminated, and the file's rejects). Cached."""
    return _read(Path(path))


def clear_cache() -> None:
    _read.cache_clear()
