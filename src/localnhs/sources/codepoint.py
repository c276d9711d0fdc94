"""OS Code-Point Open (Oct 2025): every live GB postcode with its grid reference.

Read straight from the zip (never unpacked into the repo), one headerless CSV per
postcode area, columns declared by position. Rejects are named by the member file,
``codepo_gb/Data/CSV/xx.csv:LINE: reason``, because the zip's own line numbers mean nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import polars as pl

from localnhs.sources._frame import LAD, POSTCODE, WARD, Col, read_csv
from localnhs.sources._rows import Rejects, SourceError

FILE = "codepo_gb_2025.4.0.zip"
MEMBERS = "codepo_gb/Data/CSV/"
COLUMNS = ["PC", "PQ", "EA", "NO", "CY", "RH", "LH", "CC", "DC", "WC"]
COUNTRIES = ("E92000001", "W92000004", "S92000003")
SPEC = {
    "PC": Col(POSTCODE, what="a postcode"),
    "PQ": Col(r"10|20|30|40|50|60|90", what="a positional quality code"),
    "EA": Col(r"\d{1,7}", what="an easting"),
    "NO": Col(r"\d{1,7}", what="a northing"),
    "CY": Col("|".join(COUNTRIES), what="a GB country code"),
    # No-coordinate rows (PQ 90) carry blank district and ward codes.
    "DC": Col(LAD, optional=True, what="a district code"),
    # Former NHS health authority: English Strategic Health Authority (E18), Welsh health board (W11),
    # Scottish health board (S08).
    "LH": Col(r"E18\d{6}|W11\d{6}|S08\d{6}", optional=True, what="an NHS health authority code"),
    "WC": Col(WARD, optional=True, what="a ward code"),
}


def read(path: Path, rejects: Rejects) -> pl.DataFrame:
    """pcd, quality, easting, northing (Int32, null when 0/0), country, lad, ward, nhs_ha."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(f"{path.name}: not a readable zip ({exc})") from None
    with zf:
        members = sorted(n for n in zf.namelist() if n.startswith(MEMBERS) and n.endswith(".csv"))
        if len(members) < 100:
            raise SourceError(f"{path.name}: expected ~120 postcode-area CSVs under {MEMBERS}, found {len(members)}")
        frames = []
        for member in members:
            sub = Rejects(member)
            try:
                data = zf.read(member)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise SourceError(f"{path.name}: {member}: cannot be read ({exc})") from None
            # Typed file by file: the string columns of all ~120 files at once are ~0.5 GB.
            frames.append(_typed(read_csv(path, SPEC, rejects=sub, data=data, names=COLUMNS, name=member)))
            rejects.rows += sub.rows
            for line, why in sub.items:
                rejects.reject(line, f"{member}:{line}: {why}")
    df = pl.concat(frames)
    del frames
    dup = df.filter(pl.col("pcd").is_duplicated())
    if dup.height:
        raise SourceError(f"{path.name}: {dup.height} duplicate postcodes, e.g. {dup['pcd'][0]}")
    return df


def _typed(df: pl.DataFrame) -> pl.DataFrame:
    e = pl.col("EA").cast(pl.Int32)
    n = pl.col("NO").cast(pl.Int32)
    located = (e > 0) & (n > 0)
    return df.select(
        pl.col("PC").alias("pcd"),
        pl.col("PQ").cast(pl.Int32).alias("quality"),
        pl.when(located).then(e).alias("easting"),
        pl.when(located).then(n).alias("northing"),
        pl.col("CY").alias("country"),
        pl.when(pl.col("DC") != "").then(pl.col("DC")).alias("lad"),
        pl.when(pl.col("WC") != "").then(pl.col("WC")).alias("ward"),
        pl.when(pl.col("LH") != "").then(pl.col("LH")).alias("nhs_ha"),
    )
