"""One row per postcode: Code-Point Open (Oct 2025) for every live GB postcode and its
grid reference, placed in its LSOAs by the ONS May 2022 lookup where that has it.

The lookup is the official placement, so it wins over geometry; the boundaries are
generalised (BSC) and would misplace postcodes near edges. Geometry is only used where
the lookup cannot answer: postcodes newer than May 2022, and choosing between the
LSOA21s that a split LSOA11 became. Distances are measured in British National Grid
metres, in which Code-Point's own coordinates are given.

Terminated postcodes are kept (from the lookup) so old letters still resolve.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import polars as pl
import shapely
from pyproj import Transformer

from localnhs.sources import boundaries, codepoint, geographr_lookups, ons_postcodes
from localnhs.sources._rows import Rejects
from localnhs.store import district_facts
from localnhs.store.datasets._geo import lsoa_layer

ENGLAND = "E92000001"
NEAREST_MAX_M = 1000.0
BATCH = 100_000


def load(ctx) -> None:
    conn = ctx.conn
    with ctx.step("postcodes: read", total=2) as advance:
        cp_path = ctx.path("os_codepoint_open", codepoint.FILE)
        rejects = Rejects(cp_path.name)
        cp = codepoint.read(cp_path, rejects)
        ctx.log("os_codepoint_open", cp_path, rejects)
        district_facts.health_authorities(ctx, cp, cp_path.name)
        advance(1)
        # Already read (and recorded) by the geography step; this is the cached frame.
        ons, _ = ons_postcodes.read(ctx.path("ons_postcode_lsoa_lookup", ons_postcodes.FILE))
        advance(1)

    # Each frame is let go as soon as the next one is made: 2.5 million rows of ~17 columns
    # are ~0.5 GB a copy, and the peak memory of the build is this step's.
    with ctx.step("postcodes: place", total=4) as advance:
        cp = _latlon(cp.drop("nhs_ha"))
        advance(1)
        parts, stats = _place(ctx, cp, ons, advance)
        del cp, ons
        # The lookup is not needed after placing (nor the LSOA shapes, let go in `_place`).
        ons_postcodes.clear_cache()
        coded, areas, states = _code(parts)
        del parts

    with ctx.step("postcodes: write", total=coded.height) as advance:
        write(conn, coded, areas, states, advance)
    # The derived step's representative postcodes read the same rows (store/derive.py).
    ctx.staged.parsed["postcodes"] = (coded, areas, states)
    ctx.notes.append("postcodes: " + ", ".join(f"{k} {v:,}" for k, v in stats.items()))


AREA_COLS = ["country", "lsoa11", "lsoa21", "msoa11", "lad", "ward", "placed_by"]
STATE_COLS = ["status", "terminated", "quality", "source"]


def _dictionary(parts: list[pl.LazyFrame], cols: list[str], name: str) -> pl.DataFrame:
    """The distinct value tuples of `cols` over the rows of every part, most frequent first (small ids
    take one byte), with ids from 1."""
    # The streaming engine groups in ~80 MB; grouping 2.5 million rows in memory takes ~1 GB.
    counts = pl.concat([p.group_by(cols).agg(pl.len().alias("_n")) for p in parts]) \
        .group_by(cols).agg(pl.col("_n").sum()).collect(engine="streaming")
    return (counts.sort(["_n", *cols], descending=[True] + [False] * len(cols), nulls_last=True)
            .drop("_n").with_row_index(name, offset=1).with_columns(pl.col(name).cast(pl.Int64)))


def _ids(rows: pl.LazyFrame, d: pl.DataFrame, cols: list[str], name: str) -> pl.Series:
    """Each row's dictionary id, in row order (only the key columns take part in the join)."""
    return rows.select(cols).join(d.lazy(), on=cols, how="left", nulls_equal=True, maintain_order="left") \
        .select(name).collect().to_series()


def _code(parts: list[pl.LazyFrame]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The postcode rows (the parts' rows together) as the compact table's columns, sorted by
    postcode, and its two dictionaries. The parts are coded one by one: their rows are never put
    in one frame, and a part's constant columns (a literal in its plan) never take a column's memory."""
    areas = _dictionary(parts, AREA_COLS, "area")
    states = _dictionary(parts, STATE_COLS, "state")
    # Degrees are stored as integer millionths: the coordinates were rounded to 6 places, so
    # k / 1e6 gives back the same double.
    coded = pl.concat([part.select(
        "pcd", (pl.col("lat") * 1_000_000).round().cast(pl.Int64).alias("lat_e6"),
        (pl.col("lon") * 1_000_000).round().cast(pl.Int64).alias("lon_e6"), "easting", "northing",
    ).collect().with_columns(_ids(part, areas, AREA_COLS, "area"), _ids(part, states, STATE_COLS, "state"))
        for part in parts]).sort("pcd")
    if coded["area"].null_count() or coded["state"].null_count():
        raise ValueError("postcodes: a row matched no dictionary entry")
    return coded, areas, states


def write(conn, coded: pl.DataFrame, areas: pl.DataFrame, states: pl.DataFrame, advance=lambda n: None) -> None:
    """The compact table (from `_code`) plus its two dictionaries (the `postcode` view joins them)."""
    conn.executemany(f"INSERT INTO postcode_area VALUES ({','.join('?' * (1 + len(AREA_COLS)))})",
                     areas.select("area", *AREA_COLS).iter_rows())
    conn.executemany(f"INSERT INTO postcode_state VALUES ({','.join('?' * (1 + len(STATE_COLS)))})",
                     states.select("state", *STATE_COLS).iter_rows())
    _insert_many(conn, "postcode_compact", coded, advance)


def _insert_many(conn, table: str, frame: pl.DataFrame, advance=lambda n: None, per_statement: int = 500) -> None:
    """Insert a frame's rows in column order, `per_statement` rows per INSERT (multi-row VALUES):
    for millions of rows that is ~half the CPU of one executemany row at a time."""
    w = frame.width
    per_statement = max(1, min(per_statement, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // w))
    one = "(" + ",".join("?" * w) + ")"
    many = f"INSERT INTO {table} VALUES {','.join([one] * per_statement)}"
    single = f"INSERT INTO {table} VALUES {one}"
    for start in range(0, frame.height, BATCH):
        chunk = frame.slice(start, BATCH)
        n = chunk.height
        # The chunk's values row by row in one flat list, filled column by column.
        flat: list = [None] * (w * n)
        for j, col in enumerate(chunk.iter_columns()):
            flat[j::w] = col.to_list()
        full = n // per_statement * per_statement * w
        conn.executemany(many, (flat[i:i + w * per_statement] for i in range(0, full, w * per_statement)))
        conn.executemany(single, (flat[i:i + w] for i in range(full, w * n, w)))
        advance(n)


def _latlon(cp: pl.DataFrame) -> pl.DataFrame:
    """WGS84 from British National Grid, vectorised (pyproj, OSTN-free Helmert: ~2 m)."""
    e = cp["easting"].to_numpy().astype(float)
    n = cp["northing"].to_numpy().astype(float)
    ok = ~np.isnan(e)
    lon = np.full(len(e), np.nan)
    lat = np.full(len(e), np.nan)
    tr = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)
    lon[ok], lat[ok] = tr.transform(e[ok], n[ok])
    return cp.with_columns(pl.Series("lat", np.round(lat, 6)).fill_nan(None),
                           pl.Series("lon", np.round(lon, 6)).fill_nan(None))


def _bng_lsoa21(ctx):
    """English LSOA21 polygons in BNG metres and their codes."""
    path = ctx.path(boundaries.GEOGRAPHR, boundaries.GEOGRAPHR_FILES["lsoa21"][0])
    layer = lsoa_layer(path)
    eng = np.array([c.startswith("E") for c in layer.codes])
    tr = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)

    def to_bng(xy):
        x, y = tr.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return layer.codes[eng].astype(str), shapely.transform(layer.geoms[eng], to_bng)


def _place(ctx, cp: pl.DataFrame, ons: pl.DataFrame, advance):
    conn = ctx.conn
    pairs, _ = geographr_lookups.read(
        ctx.path(geographr_lookups.DATASET, geographr_lookups.TABLES["lsoa11_lsoa21"].file),
        geographr_lookups.TABLES["lsoa11_lsoa21"],
    )
    pairs = pairs.filter(pl.col("lsoa21").str.starts_with("E")).select("lsoa11", "lsoa21").unique()
    n_cand = pairs.group_by("lsoa11").agg(pl.len().alias("n"), pl.col("lsoa21").first().alias("only"))
    unique21 = n_cand.filter(pl.col("n") == 1).select("lsoa11", pl.col("only").alias("lsoa21_unique"))
    l21_to_11 = pl.DataFrame(conn.execute("SELECT code, lsoa11 FROM lsoa21").fetchall(),
                             schema=["lsoa21", "lsoa11_of21"], orient="row")
    l11_to_msoa = pl.DataFrame(conn.execute("SELECT code, msoa11 FROM lsoa11").fetchall(),
                               schema=["lsoa11", "msoa11_of11"], orient="row")

    codes21, polys = _bng_lsoa21(ctx)
    # The shapes in metres are the copy used from here: the parsed layers (~100 MB) can go.
    lsoa_layer.cache_clear()
    tree = shapely.STRtree(polys)
    index21 = pl.DataFrame({"lsoa21": codes21, "_poly": np.arange(len(codes21))})
    advance(1)

    # A postcode the lookup lists as terminated but Code-Point lists as live has been
    # reissued: the lookup describes its earlier use (for 60 % of the 8,231 such postcodes
    # in Oct 2025 that LSOA is not where the point now is, median 860 m away), so these are
    # placed by their current coordinates like new postcodes.
    # The placing columns are made for every Code-Point row in Code-Point's order (the joins keep
    # the left order) and added to Code-Point's frame, so no column is copied to place a row;
    # Wales and Scotland have their own NHS: no LSOA placement is needed there.
    england = pl.col("country") == ENGLAND
    eng = cp.select("pcd", "easting", "northing", "country").join(
        ons.filter(pl.col("terminated").is_null()).select("pcd", "lsoa11", "msoa11"), on="pcd", how="left",
        maintain_order="left",
    ).join(unique21, on="lsoa11", how="left", maintain_order="left").select(
        "easting", "northing", "country",
        *[pl.when(england).then(pl.col(c)).alias(c) for c in ("lsoa11", "msoa11", "lsoa21_unique")],
    ).with_row_index("_i")
    located = pl.col("easting").is_not_null()

    # 1. In the lookup, LSOA11 split into several LSOA21s: the candidate the point falls in,
    #    else the nearest candidate. Without coordinates the LSOA21 stays unknown.
    split = eng.filter(pl.col("lsoa11").is_not_null() & pl.col("lsoa21_unique").is_null() & located)
    chosen_split = _within_candidates(split, pairs, index21, polys, tree)
    del split
    advance(1)

    # 2. Not live in the lookup (newer than May 2022, or reissued): point in polygon, else nearest within 1 km.
    new = eng.filter(england & pl.col("lsoa11").is_null() & located)
    chosen_new = _anywhere(new, codes21, polys, tree)
    del new, polys, tree
    advance(1)

    chosen = pl.concat([chosen_split, chosen_new], how="vertical")
    in_lookup = pl.col("lsoa11").is_not_null()
    placed = eng.select("_i", "country", "lsoa11", "msoa11", "lsoa21_unique").join(
        chosen, on="_i", how="left", maintain_order="left"
    ).with_columns(
        pl.coalesce("lsoa21_unique", "lsoa21_geo").alias("lsoa21"),
    ).join(l21_to_11, on="lsoa21", how="left", maintain_order="left").join(
        l11_to_msoa.rename({"lsoa11": "lsoa11_of21", "msoa11_of11": "msoa11_of21"}), on="lsoa11_of21", how="left",
        maintain_order="left",
    ).select(
        pl.when(in_lookup).then(pl.col("lsoa11")).otherwise(pl.col("lsoa11_of21")).alias("lsoa11"),
        "lsoa21",
        pl.when(in_lookup).then(pl.col("msoa11")).otherwise(pl.col("msoa11_of21")).alias("msoa11"),
        pl.when(~england).then(pl.lit(None, pl.String))
        .when(in_lookup).then(pl.lit("ons_lookup"))
        .when(pl.col("placed_geo").is_not_null()).then(pl.col("placed_geo"))
        .otherwise(pl.lit("unplaced")).alias("placed_by"),
    )
    english = eng.select(england).to_series()
    stats = {
        "Code-Point postcodes": cp.height,
        "English": int(english.sum()),
        "English with coordinates": eng.filter(england & located).height,
        "by ONS lookup": placed.filter(pl.col("placed_by") == "ons_lookup").height,
        "of which LSOA21 chosen by point in split LSOA11": chosen_split.filter(pl.col("placed_geo") == "point_in_polygon").height,
        "of which LSOA21 nearest candidate": chosen_split.filter(pl.col("placed_geo") == "nearest_polygon").height,
        "by point in polygon": placed.filter(pl.col("placed_by") == "point_in_polygon").height,
        "by nearest polygon": placed.filter(pl.col("placed_by") == "nearest_polygon").height,
        "unplaced": placed.filter(pl.col("placed_by") == "unplaced").height,
        "English without LSOA21": placed.filter(english & pl.col("lsoa21").is_null()).height,
    }
    del eng, chosen, chosen_split, chosen_new
    live_cols = dict(status=pl.lit("live"), terminated=pl.lit(None, pl.String), source=pl.lit(codepoint.FILE))
    # The constant columns stay literals of the plan (2.5 million copies of one value are ~40 MB each).
    live = cp.with_columns(placed.get_columns()).lazy().with_columns(**live_cols)
    del placed

    # 3. In the lookup but not in Code-Point. Code-Point lists live postcodes only, so a
    #    postcode live in May 2022 and absent in Oct 2025 was terminated in between, on a
    #    date neither file gives (terminated stays NULL).
    gone = ons.join(cp.select("pcd"), on="pcd", how="anti").join(unique21, on="lsoa11", how="left").select(
        "pcd",
        pl.lit(None, pl.Float64).alias("lat"), pl.lit(None, pl.Float64).alias("lon"),
        pl.lit(None, pl.Int32).alias("easting"), pl.lit(None, pl.Int32).alias("northing"),
        pl.lit(None, pl.Int32).alias("quality"), pl.lit(ENGLAND).alias("country"),
        "lsoa11", pl.col("lsoa21_unique").alias("lsoa21"), "msoa11", "lad", pl.lit(None, pl.String).alias("ward"),
        pl.lit("ons_lookup").alias("placed_by"), pl.lit("terminated").alias("status"), "terminated",
        pl.lit(ons_postcodes.FILE).alias("source"),
    )
    stats["terminated (ONS only)"] = gone.height
    # Unsorted: `_code` sorts the compact columns by postcode.
    parts = [live, gone.lazy()]
    advance(1)
    return parts, stats


def _within_candidates(split, pairs, index21, polys, tree) -> pl.DataFrame:
    """LSOA21 for postcodes whose (lookup) LSOA11 has several LSOA21 successors."""
    empty = pl.DataFrame(schema={"_i": pl.UInt32, "lsoa21_geo": pl.String, "placed_geo": pl.String})
    if split.height == 0:
        return empty
    pts = shapely.points(split["easting"].to_numpy(), split["northing"].to_numpy())
    pi, gi = tree.query(pts, predicate="intersects")
    cand = pairs.join(index21, on="lsoa21")
    hits = pl.DataFrame({"_k": pi.astype(np.int64), "_poly": gi.astype(np.int64)})
    keyed = split.select("_i", "lsoa11").with_row_index("_k").with_columns(pl.col("_k").cast(pl.Int64))
    inside = hits.join(keyed, on="_k").join(cand, on=["lsoa11", "_poly"]) \
        .sort("_k", "_poly").unique("_k", keep="first")
    out = inside.select("_i", pl.col("lsoa21").alias("lsoa21_geo"), pl.lit("point_in_polygon").alias("placed_geo"))
    # Outside every candidate (generalised edges): the nearest candidate.
    rest = keyed.join(inside.select("_k"), on="_k", how="anti").join(cand, on="lsoa11")
    if rest.height:
        d = shapely.distance(pts[rest["_k"].to_numpy()], polys[rest["_poly"].to_numpy()])
        near = rest.with_columns(pl.Series("_d", d)).sort("_k", "_d", "_poly").unique("_k", keep="first")
        out = pl.concat([out, near.select("_i", pl.col("lsoa21").alias("lsoa21_geo"),
                                          pl.lit("nearest_polygon").alias("placed_geo"))])
    return out.with_columns(pl.col("_i").cast(pl.UInt32))


def _anywhere(new, codes21, polys, tree) -> pl.DataFrame:
    """LSOA21 of postcodes the lookup lacks: the polygon they fall in, else the nearest within 1 km."""
    empty = pl.DataFrame(schema={"_i": pl.UInt32, "lsoa21_geo": pl.String, "placed_geo": pl.String})
    if new.height == 0:
        return empty
    pts = shapely.points(new["easting"].to_numpy(), new["northing"].to_numpy())
    pi, gi = tree.query(pts, predicate="intersects")
    first = np.full(len(pts), -1)
    order = np.lexsort((gi, pi))  # lowest polygon index wins on a shared edge
    pi, gi = pi[order], gi[order]
    keep = np.r_[True, pi[1:] != pi[:-1]] if len(pi) else np.array([], bool)
    first[pi[keep]] = gi[keep]
    method = np.where(first >= 0, "point_in_polygon", None).astype(object)
    miss = np.flatnonzero(first < 0)
    if len(miss):
        mi, mg = tree.query_nearest(pts[miss], max_distance=NEAREST_MAX_M, all_matches=False)
        first[miss[mi]] = mg
        method[miss[mi]] = "nearest_polygon"
    found = first >= 0
    return pl.DataFrame({
        "_i": new["_i"].to_numpy()[found],
        "lsoa21_geo": codes21[first[found]],
        "placed_geo": method[found].astype(str),
    }).with_columns(pl.col("_i").cast(pl.UInt32))
