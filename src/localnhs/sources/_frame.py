"""Polars counterpart of ``_rows.read_rows`` for the large geography files.

Same contract - columns addressed by name, every value checked against a declared
pattern, bad rows rejected with their line number - but vectorised, because the
postcode files have millions of rows and a per-row Python loop costs tens of seconds.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import polars as pl

from localnhs.sources._rows import Rejects, SourceError

# Patterns shared by the geography readers (GSS codes are 3 characters + 6 digits).
LSOA11 = r"[EW]01\d{6}"
LSOA21 = r"[EW]01\d{6}"
MSOA11 = r"[EW]02\d{6}"
LAD = r"[EWSN](?:06|07|08|09|12|13|41|42)\d{6}"
WARD = r"[EWN]05\d{6}|S13\d{6}|N08\d{6}"
CCG = r"E38\d{6}"
STP = r"E54\d{6}"
ICB = r"E54\d{6}"
NHSER = r"E40\d{6}"
NHSRLO = r"E39\d{6}"
REGION = r"E12\d{6}"
COUNTY = r"E1[013]\d{6}"
UTLA = r"[EW](?:06|08|09|10|11)\d{6}"
ODS3 = r"[0-9A-Z]{3}"
SICBL_ODS = r"[0-9A-Z]{3}|[0-9A-Z]{5}"  # 5 characters for the sub-ICBs made by the 2021/22 mergers
TEXT = r".*\S.*"
POSTCODE = r"[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}"


@dataclass(frozen=True)
class Col:
    """A declared column: the pattern its values must match; blank allowed when optional."""

    pattern: str
    optional: bool = False
    what: str | None = None


def _source(path: Path | bytes):
    return io.BytesIO(path) if isinstance(path, (bytes, bytearray)) else path


def read_csv(
    path: Path,
    spec: Mapping[str, Col | str],
    *,
    rejects: Rejects,
    data: bytes | None = None,
    names: list[str] | None = None,
    name: str | None = None,
    first_line: int | None = None,
) -> pl.DataFrame:
    """Read a CSV into a string DataFrame of the spec's columns plus ``_line``.

    With ``names`` the file is headerless and those are its column names in order.
    Rows failing a pattern are rejected (counted in ``rejects``) and dropped.
    """
    label = name or Path(path).name
    spec = {k: (Col(v) if isinstance(v, str) else v) for k, v in spec.items()}
    try:
        df = pl.read_csv(
            _source(data if data is not None else path),
            has_header=names is None,
            new_columns=names,
            infer_schema=False,
            encoding="utf8",
            raise_if_empty=False,
            truncate_ragged_lines=False,
        )
    except (pl.exceptions.PolarsError, OSError, EOFError) as exc:
        raise SourceError(f"{label}: cannot read CSV ({str(exc).splitlines()[0][:200]})") from None
    df = df.rename({c: c.lstrip("\ufeff").strip() for c in df.columns})
    if df.height == 0:
        raise SourceError(f"{label}: no data rows")
    missing = [c for c in spec if c not in df.columns]
    if missing:
        raise SourceError(f"{label}: missing column(s) {', '.join(missing)}; found {', '.join(df.columns[:12])}")
    start = first_line if first_line is not None else (1 if names is not None else 2)
    df = df.select(
        pl.int_range(start, start + pl.len(), dtype=pl.Int64).alias("_line"),
        *[pl.col(c).fill_null("").str.strip_chars().alias(c) for c in spec],
    )
    rejects.rows += df.height
    checks = []
    for c, col in spec.items():
        ok = pl.col(c).str.contains(f"^(?:{col.pattern})$")
        checks.append(ok | (pl.col(c) == "") if col.optional else ok)
    good = df.select(pl.all_horizontal(checks).alias("ok")).to_series()
    if good.all():
        return df
    # The reasons are written for the rejected rows only: formatting one for every row of a
    # million-row file costs more memory than the file itself.
    bad = df.filter(~good)
    reason = None
    for c, col in reversed(list(spec.items())):
        ok = pl.col(c).str.contains(f"^(?:{col.pattern})$")
        if col.optional:
            ok = ok | (pl.col(c) == "")
        why = pl.format("{} '{}' is not {}", pl.lit(c), pl.col(c), pl.lit(col.what or f"/{col.pattern}/"))
        reason = pl.when(~ok).then(why).otherwise(reason if reason is not None else pl.lit(None, pl.String))
    for line, why in bad.select("_line", reason.alias("_reject")).iter_rows():
        rejects.reject(line, why)
    # A blank last row in a required column reads as a cut-off file, as in read_rows.
    if not good[-1]:
        tail = df.row(df.height - 1, named=True)
        if any(tail[c] == "" for c, col in spec.items() if not col.optional):
            raise SourceError(f"{label}:{tail['_line']}: file ends in an incomplete row (truncated?)")
    return df.filter(good)


def to_float(df: pl.DataFrame, *cols: str) -> pl.DataFrame:
    return df.with_columns([pl.col(c).cast(pl.Float64) for c in cols])
