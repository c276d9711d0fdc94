"""GeoJSON boundaries (geographr's conversions and ONS's own downloads), gz or plain.

GEOS parses the geometries in one call (much faster than building them feature by
feature); the properties come from the same text via json.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from localnhs.sources._rows import Rejects, SourceError

GEOGRAPHR = "geographr_boundaries"
ONS = "ons_boundaries_nhs_2023_2024"
# key -> (file, property prefix); the files' as-of dates are in sources/registry.py
ONS_FILES = {
    "icb23": ("Integrated_Care_Boards_April_2023_EN_BSC_-187828753279616787.geo.json", "ICB23"),
    "sicbl23": ("NHS_SubICB_April_2023_EN_BSC_8040841744469859785.geo.json", "SICBL23"),
    "nhser24": ("NHS_England_Regions_January_2024_EN_BSC_7500404208533377417.geo.json", "NHSER24"),
    "lad24": ("Local_Authority_Districts_May_2024_Boundaries__UK_BSC_-5684348521832897108.geo.json", "LAD24"),
    "ctyua23": ("Counties_and_Unitary_Authorities_December_2023_Boundaries_UK_BSC_4952317392296043005.geo.json", "CTYUA23"),
}
GEOGRAPHR_FILES = {
    "lsoa11": ("boundaries_lsoa11.geojson.gz", "lsoa11"),
    "lsoa21": ("boundaries_lsoa21.geojson.gz", "lsoa21"),
}


@dataclass
class Layer:
    codes: np.ndarray        # str codes, one per feature
    names: np.ndarray
    geoms: np.ndarray        # shapely geometries, WGS84 lon/lat
    label: np.ndarray | None  # ONS label points (LONG/LAT) where the file has them
    rejects: Rejects


def read(path: Path, code_key: str, name_key: str, code_pattern: str = r"^[EWSN]\d{8}$") -> Layer:
    """Features of a FeatureCollection: their code and name properties and geometries."""
    import re

    raw = path.read_bytes()
    try:
        text = gzip.decompress(raw) if path.suffix == ".gz" else raw
        doc = json.loads(text)
    except (OSError, EOFError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path.name}: not readable GeoJSON ({exc})") from None
    features = doc.get("features") if isinstance(doc, dict) else None
    if not features:
        raise SourceError(f"{path.name}: no features")
    props = [f.get("properties") or {} for f in features]
    for key in (code_key, name_key):
        if key not in props[0]:
            raise SourceError(f"{path.name}: missing property {key}; found {', '.join(props[0])}")
    try:
        geoms = shapely.get_parts(shapely.from_geojson(text))
    except shapely.errors.GEOSException as exc:
        raise SourceError(f"{path.name}: bad geometry ({exc})") from None
    if len(geoms) != len(features):  # a null geometry: fall back to one feature at a time
        geoms = np.array([shapely.from_geojson(json.dumps(f["geometry"])) if f.get("geometry") else None
                          for f in features], dtype=object)
    rejects = Rejects(path.name)
    ok = re.compile(code_pattern)
    keep = []
    for i, (p, g) in enumerate(zip(props, geoms)):
        rejects.rows += 1
        code = str(p.get(code_key) or "")
        if not ok.match(code):
            rejects.reject(i + 1, f"feature {i + 1}: {code_key} {code!r} is not a GSS code")
        elif g is None or shapely.is_empty(g):
            rejects.reject(i + 1, f"feature {i + 1} ({code}): no geometry")
        else:
            keep.append(i)
    idx = np.array(keep, dtype=np.int64)
    codes = np.array([props[i][code_key] for i in keep], dtype=object)
    if len(set(codes)) != len(codes):
        raise SourceError(f"{path.name}: duplicate {code_key} codes")
    names = np.array([str(props[i].get(name_key) or props[i][code_key]) for i in keep], dtype=object)
    label = None
    if "LONG" in props[0] and "LAT" in props[0]:
        label = shapely.points([float(props[i]["LONG"]) for i in keep], [float(props[i]["LAT"]) for i in keep])
    geoms = geoms[idx]
    bad = ~shapely.is_valid(geoms)
    if bad.any():  # self-touching rings from generalisation: repair, keeping polygons only
        geoms[bad] = shapely.make_valid(geoms[bad], method="structure", keep_collapsed=False)
    return Layer(codes, names, geoms, label, rejects)


def read_ons(path: Path, prefix: str) -> Layer:
    return read(path, f"{prefix}CD", f"{prefix}NM")


def read_geographr(path: Path, prefix: str) -> Layer:
    return read(path, f"{prefix}_code", f"{prefix}_name")
