"""What the geography datasets' steps share: reading a declared lookup table and logging it,
the LSOA count checks, and the LSOA boundary layers (parsed once, used by the boundary and
postcode steps)."""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from localnhs.sources import boundaries, onspd_names
from localnhs.sources._rows import SourceError

ENGLISH_LSOA11 = 32_844
ENGLISH_LSOA21 = 33_755


def table(ctx, module, key, dataset=None):
    """A lookup table a sources module declares (``module.TABLES[key]``, or the table itself), logged."""
    t = module.TABLES[key] if isinstance(key, str) else key
    path = ctx.path(dataset or module.DATASET, t.file)
    df, rejects = module.read(path, t)
    ctx.log(dataset or module.DATASET, path, rejects)
    return df, t.file


def names(ctx, file):
    """One of the ONSPD names-and-codes lists, logged."""
    path = ctx.path(onspd_names.DATASET, file)
    data, rejects = onspd_names.read(path)
    ctx.log(onspd_names.DATASET, path, rejects)
    return data


@lru_cache(maxsize=2)
def lsoa_layer(path):
    """The LSOA boundary layers, shared with the postcode step (parsing one costs ~1.5 s)."""
    prefix = "lsoa11" if "lsoa11" in path.name else "lsoa21"
    return boundaries.read_geographr(path, prefix)


def one_to_one(df: pl.DataFrame, key: str, value: str, file: str) -> None:
    bad = df.group_by(key).agg(pl.col(value).n_unique().alias("n")).filter(pl.col("n") > 1)
    if bad.height:
        raise SourceError(f"{file}: {bad.height} {key} codes have more than one {value}, e.g. {bad[key][0]}")


def england(df: pl.DataFrame, col: str) -> pl.DataFrame:
    return df.filter(pl.col(col).str.starts_with("E"))


def check_lsoas(df: pl.DataFrame, file: str, col: str = "lsoa11", expect: int = ENGLISH_LSOA11) -> None:
    codes = df.filter(pl.col(col).str.starts_with("E"))[col]
    if codes.n_unique() != expect or codes.len() != expect:
        raise SourceError(f"{file}: expected {expect:,} English {col} rows, one each; "
                          f"found {codes.len():,} rows, {codes.n_unique():,} distinct")
