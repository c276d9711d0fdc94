"""Lookup tables for bulk work, and `localnhs export`.

A build's postcodes and the dated answer for every area are compiled once into Parquet under
``var/lookup/<build id>/`` (postcode facts with an area key; one small area table per date
asked for), and reused by `localnhs enrich`, `localnhs export`, the bulk API, DuckDB and Spark.

`localnhs export` writes, for each date, one row per postcode (England, Wales and Scotland,
live and terminated) with ONS Postcode Directory-style columns, as Parquet and CSV, and a
README.md beside them naming the build, the dates, the columns, the source files and the
attribution their licences require.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from localnhs import paths
from localnhs.query.bulk import DATED_FIELDS, area_answers, area_keys
from localnhs.query.dates import parse
from localnhs.store import read
from localnhs.store.export import postcode_parts

FORMAT_VERSION = "2"  # bump when the compiled lookup or exported columns change
# Postcode columns, the same for every date (ONS Postcode Directory names where it has one).
FACT_FIELDS = ("pcds", "pcd_status", "doterm", "ctry", "lat", "long", "lsoa11", "lsoa21", "msoa11", "osward")
FIELD_DOCS = {
    "pcds": "postcode, outward and inward parts separated by one space ('WA5 1QG')",
    "pcd_status": "live, or terminated (no longer in use; the codes are those of the area it covered)",
    "doterm": "month the postcode was terminated (YYYY-MM) where known",
    "ctry": "country: E92000001 England, W92000004 Wales, S92000003 Scotland",
    "lat": "latitude (WGS84) from OS Code-Point Open; empty where the postcode has no grid reference",
    "long": "longitude (WGS84)",
    "lsoa11": "Lower Layer Super Output Area 2011 (ONS postcode -> LSOA 2011 lookup, May 2022)",
    "lsoa21": "Lower Layer Super Output Area 2021",
    "msoa11": "Middle Layer Super Output Area 2011",
    "osward": "electoral ward (OS Code-Point Open, October 2025)",
    "ccg": "Clinical Commissioning Group, ODS code (dates before 1 July 2022)",
    "ccg_ons": "the CCG's ONS code (E38...)",
    "ccg_name": "the CCG's name on the date",
    "sicbl": "sub-ICB location, ODS code (dates from 1 July 2022)",
    "sicbl_ons": "the sub-ICB location's ONS code (E38...)",
    "sicbl_name": "the sub-ICB location's name on the date",
    "icb": "Integrated Care Board, ODS code (from 1 April 2026 the successor ICB where ICBs merged or split)",
    "icb_ons": "the ICB's ONS code (E54...); empty for the ICBs of 1 April 2026, which have none in the data",
    "icb_name": "the ICB's name on the date",
    "area_team": "NHS England area team (local office) the CCG's practices were grouped under, ODS code",
    "area_team_name": "the area team's name",
    "nhser": "NHS England region, ODS code",
    "nhser_ons": "the region's ONS code (E40...)",
    "nhser_name": "the region's name on the date",
    "oscty": "county council (two-tier areas), ONS code",
    "oscty_name": "the county council's name",
    "oslaua": "district, unitary, metropolitan borough or London borough council, ONS code",
    "oslaua_name": "the council's name",
    "hwb_name": "Health and Wellbeing Board (one per upper-tier council)",
    "healthwatch_name": "local Healthwatch",
    "ambulance": "ambulance trust, ODS code (NHS England ambulance service areas; its successor after a merger)",
    "ambulance_name": "the ambulance trust's name on the date",
}
ALL_FIELDS = FACT_FIELDS + DATED_FIELDS
CODED = ("pcd_status", "doterm", "ctry", "lsoa11", "lsoa21", "msoa11", "osward")  # stored as indices
_LOCK = threading.Lock()


class ExportError(Exception):
    """Something the user asked of an export or enrichment cannot be done (message says what)."""


def pack_keys(squashed: pl.Expr) -> pl.Expr:
    """A squashed postcode ('WA51QG', at most 7 characters) as one 64-bit integer: its bytes,
    space-padded to 8, read big-endian. Equal postcodes give equal keys; sorted keys allow a
    binary search instead of a hash join."""
    return squashed.str.pad_end(8).cast(pl.Binary).bin.reinterpret(dtype=pl.UInt64, endianness="big")


def squash(col: pl.Expr) -> pl.Expr:
    """Spacing and case dropped: ' wa5  1qg' -> 'WA51QG' (vectorised)."""
    return col.cast(pl.String).str.replace_all(r"\s", "").str.to_uppercase()


def lookup_root() -> Path:
    return Path(os.environ.get("LOCALNHS_LOOKUP", paths.var_dir() / "lookup"))


def _build_id(conn) -> str:
    meta = read.meta(conn)
    return meta.get("build_id") or meta.get("built_at", "unknown").replace(":", "")


def _write_atomic(table, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, target)


# Where each CODED field is stored: postcode_state or postcode_area (by the postcode's id), and its column.
_CODED_FROM = {"pcd_status": ("state", "status"), "doterm": ("state", "terminated"), "ctry": ("area", "country"),
               "lsoa11": ("area", "lsoa11"), "lsoa21": ("area", "lsoa21"), "msoa11": ("area", "msoa11"),
               "osward": ("area", "ward")}


def _first_seen_codes(ids: pl.Series, table: pl.DataFrame) -> tuple[pl.Series, pl.Series]:
    """A stored text column dictionary-encoded without making 2.5 M strings: ``ids`` are the
    postcodes' ids into ``table`` (id, value), in the lookup's row order. Returns (int32 indices,
    -1 for null; the distinct values in order of first use), what Arrow's dictionary_encode gives
    for the column of values itself: only integers are joined per postcode."""
    value = table.columns[1]
    codes = table.select("id", _v=pl.col(value).rank("dense"))  # equal texts, equal numbers; null stays null
    per = ids.to_frame("id").join(codes, on="id", how="left", maintain_order="left")["_v"]
    order = per.drop_nulls().unique(maintain_order=True)
    index = pl.DataFrame({"_v": order, "_i": pl.int_range(0, len(order), dtype=pl.Int32, eager=True)})
    indices = per.to_frame().join(index, on="_v", how="left", maintain_order="left")["_i"].fill_null(-1)
    text = table.select(pl.col(value), _v=pl.col(value).rank("dense")).unique("_v")
    values = index.join(text, on="_v", how="left", maintain_order="left")[value]
    return indices, values


class Lookup:
    """The compiled lookup of one build: postcode facts sorted by packed key, area answers per date."""

    def __init__(self, conn, root: Path | None = None, show_progress: bool = False):
        self.conn = conn
        self.build_id = _build_id(conn)
        self.dir = (root or lookup_root()) / f"{self.build_id}-v{FORMAT_VERSION}"
        self.show_progress = show_progress
        self._facts: pa.Table | None = None
        self._keys: pl.DataFrame | None = None
        self._areas: dict[str, pa.Table] = {}
        self._dicts: dict[str, pa.Array] = {}
        # Enrichers made for the bulk API, by (dates, fields): enrichment.bulk_table's, bounded there.
        self.enrichers: dict[tuple, object] = {}
        # Arrays worked out from the facts once per build for enrichment (enrichment._found_status).
        self.derived: dict[str, object] = {}
        self._parts: dict | None = None

    # -- postcode facts ------------------------------------------------------------------
    def _compile_facts(self) -> None:
        """facts.arrow: one row per postcode sorted by packed key, uncompressed Arrow IPC so every
        process memory-maps it instead of reading it (key, pcds, lat, long, akey with -1 for none,
        and CODED fields as int32 indices, -1 for null, into dict_<field>.parquet)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        parts = {k: pl.from_arrow(v) for k, v in (self._parts or postcode_parts(self.conn)).items()}
        pcs = parts["postcodes"]
        akey, keys = area_keys(pcs, parts["areas"])
        f = (pcs.with_columns(akey=akey.cast(pl.Int32).fill_null(-1))
             .select(pack_keys(pl.col("pcd").str.replace_all(" ", "")).alias("key"), pl.col("pcd").alias("pcds"),
                     "lat", pl.col("lon").alias("long"), "akey", "area", "state")
             .sort("key"))
        del pcs, akey
        cols = {"key": f["key"].to_arrow(), "pcds": f["pcds"].to_arrow().cast(pa.string()),
                "lat": f["lat"].to_arrow(), "long": f["long"].to_arrow(), "akey": f["akey"].to_arrow()}
        for name in CODED:
            part, column = _CODED_FROM[name]
            indices, values = _first_seen_codes(f[part], parts[part + "s"].select("id", column))
            cols[name] = indices.to_arrow()
            _write_atomic(pa.table({"value": values.to_arrow().cast(pa.string())}), self.dir / f"dict_{name}.parquet")
        del f, parts
        table = pa.table(cols).combine_chunks()
        _write_atomic(keys.to_arrow(), self.dir / "keys.parquet")
        tmp = self.dir / f".facts.arrow.{os.getpid()}.tmp"
        with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as w:
            w.write_table(table)
        os.replace(tmp, self.dir / "facts.arrow")
        self._clean_old_builds()

    def _clean_old_builds(self) -> None:
        """Keep this build's lookup and the one before (a rollback's), drop older ones."""
        builds = sorted((p for p in self.dir.parent.iterdir() if p.is_dir() and p != self.dir),
                        key=lambda p: p.stat().st_mtime)
        for old in builds[:-1]:
            shutil.rmtree(old, ignore_errors=True)

    def compiled(self) -> bool:
        """Whether this build's postcode table is already compiled on disk."""
        return (self.dir / "facts.arrow").exists() and (self.dir / "keys.parquet").exists()

    def ready(self, compile: bool = False, parts: dict | None = None) -> bool:
        """Open the postcode table and the area answers of the default dates (today and April
        2016), compiling them first only if ``compile`` (~15 s and ~700 MB: `localnhs build` does
        it; a starting server only opens what is there). True when ready. ``parts``: the stored
        postcode tables as store/export.postcode_parts gives them, when the caller has them already
        (the build hands over the frames it wrote) instead of reading them back."""
        if not compile and not self.compiled():
            return False
        self._parts = parts
        self.facts()
        self._parts = None
        for day in dates_from(None):
            self.areas(day)
        return True

    def facts(self) -> pa.Table:
        """The memory-mapped postcode table (see _compile_facts for its columns)."""
        with _LOCK:
            if self._facts is None:
                target = self.dir / "facts.arrow"
                if not target.exists() or not (self.dir / "keys.parquet").exists():
                    self._compile_facts()
                self._facts = pa.ipc.open_file(pa.memory_map(str(target), "r")).read_all()
            return self._facts

    def dictionary(self, name: str) -> pa.Array:
        """The distinct values of a CODED fact field, in index order."""
        if name not in self._dicts:
            self.facts()
            self._dicts[name] = pq.read_table(self.dir / f"dict_{name}.parquet").column("value").combine_chunks()
        return self._dicts[name]

    def fact_column(self, name: str) -> pa.Array:
        """A fact field as plain values, one per postcode row."""
        col = self.facts().column(name).combine_chunks()
        if name in CODED:
            idx = col.to_numpy()
            return self.dictionary(name).take(pa.array(idx, mask=idx < 0))
        return col

    def keys(self) -> pl.DataFrame:
        self.facts()
        with _LOCK:
            if self._keys is None:
                self._keys = pl.read_parquet(self.dir / "keys.parquet")
            return self._keys

    # -- dated area answers ----------------------------------------------------------------
    def areas(self, as_of) -> pa.Table:
        """akey -> DATED_FIELDS for the date, row i for akey i."""
        when = parse(as_of)
        iso = when.isoformat()
        if iso in self._areas:
            return self._areas[iso]
        keys = self.keys()
        target = self.dir / f"areas_{iso}.parquet"
        with _LOCK:
            if not target.exists():
                answers = area_answers(self.conn, keys, when).sort("akey")
                _write_atomic(answers.to_arrow(), target)
            table = pq.read_table(target)
            self._areas[iso] = table
            return table

    # -- flattened per-date table --------------------------------------------------------
    def flat(self, as_of, fields: tuple[str, ...] = ALL_FIELDS) -> pl.DataFrame:
        """One row per postcode with the fact fields and the date's fields (unsuffixed), in
        postcode order."""
        facts = pl.DataFrame({f: self.fact_column(f) for f in FACT_FIELDS if f in fields}
                             | {"akey": self.facts().column("akey")})
        areas = pl.from_arrow(self.areas(as_of)).with_columns(pl.col("akey").cast(pl.Int32))
        dated = [f for f in fields if f in DATED_FIELDS]
        out = facts.join(areas.select("akey", *dated), on="akey", how="left", maintain_order="left")
        return out.select([f for f in fields]).sort("pcds")


def dates_from(values) -> list[dt.date]:
    """The dates asked for (one or a list; default today and 2016-04-01), parsed, each once."""
    if isinstance(values, (str, dt.date)):
        values = [values]
    out = [parse(v) for v in (values or ["today", "2016-04-01"])]
    seen, uniq = set(), []
    for d in out:
        if d not in seen:
            seen.add(d)
            uniq.append(d)
    return uniq


def export(conn, out_dir: Path, as_of=None, formats=("parquet", "csv"), progress=None) -> list[Path]:
    """Writes postcodes_<date>.parquet/.csv per date and README.md into out_dir; returns the files."""
    from localnhs.attribution import LINES
    from localnhs.query.about import data_files

    bad = [f for f in formats if f not in ("parquet", "csv")]
    if bad:
        raise ExportError(f"unknown format {bad[0]!r}: choose parquet, csv or both")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    lk = Lookup(conn)
    written = []
    dates = dates_from(as_of)
    for when in dates:
        if progress:
            progress(f"postcodes for {when.isoformat()}")
        flat = lk.flat(when)
        base = out_dir / f"postcodes_{when.isoformat()}"
        if "parquet" in formats:
            tmp = base.with_suffix(".parquet.tmp")
            flat.write_parquet(tmp, compression="zstd")
            os.replace(tmp, base.with_suffix(".parquet"))
            written.append(base.with_suffix(".parquet"))
        if "csv" in formats:
            tmp = base.with_suffix(".csv.tmp")
            flat.write_csv(tmp)
            os.replace(tmp, base.with_suffix(".csv"))
            written.append(base.with_suffix(".csv"))
        rows = flat.height
    if "parquet" in formats:
        from localnhs.duckdb_sql import macros

        # The same tables normalised, for engines that broadcast the lookup (Spark): one row per
        # postcode with its area key, and per date one row per area (about 37,000).
        keys = pl.DataFrame({f: lk.fact_column(f) for f in FACT_FIELDS} | {"akey": lk.facts().column("akey")})
        keys.write_parquet(out_dir / "postcode_keys.parquet", compression="zstd")
        written.append(out_dir / "postcode_keys.parquet")
        for when in dates:
            target = out_dir / f"areas_{when.isoformat()}.parquet"
            pl.from_arrow(lk.areas(when)).with_columns(pl.col("akey").cast(pl.Int32)).write_parquet(target, compression="zstd")
            written.append(target)

        (out_dir / "enrich.sql").write_text(macros(out_dir), encoding="utf-8")
        written.append(out_dir / "enrich.sql")
    meta = read.meta(conn)
    readme = out_dir / "README.md"
    readme.write_text(_readme(meta, dates, rows, data_files(conn), LINES), encoding="utf-8")
    written.append(readme)
    return written


def _readme(meta, dates, rows, files, attribution) -> str:
    lines = [
        "# localnhs postcode lookup tables",
        "",
        f"Built {meta.get('built_at')} (build {meta.get('build_id')}) by `localnhs export`, localnhs format {FORMAT_VERSION}.",
        "",
        "One file per date, one row per postcode in England, Wales and Scotland (live and terminated, "
        f"{rows:,} rows), as Parquet and CSV:",
        "",
    ]
    for d in dates:
        lines.append(f"- `postcodes_{d.isoformat()}.parquet` / `.csv`: the NHS bodies and councils of each "
                     f"postcode on {d.isoformat()}")
    lines += [
        "",
        "Codes and names are filled for England only (localnhs covers NHS England); Welsh and Scottish "
        "rows carry their country and postcode facts. A terminated postcode keeps the codes of the area "
        "it covered. Dates pick each lookup's vintage as `localnhs lookup --as-of` does: the CCG of that "
        "year's ONS lookup before 1 July 2022, sub-ICB locations and ICBs after (2022 and 2024 "
        "lookups), and from 1 April 2026 the successor ICBs.",
        "",
        "## Columns",
        "",
        "| column | meaning |",
        "|---|---|",
    ]
    lines += [f"| `{f}` | {FIELD_DOCS[f]} |" for f in ALL_FIELDS]
    lines += ["", "The same, normalised (with the Parquet files): `postcode_keys.parquet` (the postcode columns and "
              "`akey`, an area key; -1 outside England) and `areas_<date>.parquet` (one row per `akey` with the "
              "date's columns). Join on `akey`; the keys hold only within one export.",
              "", "`enrich.sql` (with the Parquet files) defines DuckDB table macros over them: "
              "after `.read enrich.sql`, `localnhs_enrich('my_table', postcode)` is that table with the newest "
              "date's columns, `localnhs_enrich_2016_04_01(...)` with that date's.", "", "## Source files", "", "| dataset | file | as of | publisher | licence |", "|---|---|---|---|---|"]
    lines += [f"| {r['source']} | {r['file']} | {r['as_of'] or ''} | {r['publisher']} | {r['licence']} |" for r in files]
    lines += ["", "## Attribution", "", "Reuse of these tables must carry these statements:", ""]
    lines += [f"- {a}" for a in attribution]
    return "\n".join(lines) + "\n"
