"""Bulk enrichment: a column of postcodes in, the same rows out with a status and the codes
and names of each date asked for.

Columnar all the way: postcodes are squashed (spacing and case) and checked with polars
string kernels, packed into 64-bit keys and found by binary search in the build's compiled
lookup (sorted keys), and the columns gathered with Arrow ``take``. Files stream in batches,
so memory is bounded by the batch size and the lookup (~0.3 GB), not by the file; rows keep
their input order and none is dropped: each gets one ``status``:

ok, invalid (not the shape of a postcode), not_found (valid, but in no postcode file),
terminated (no longer in use; the codes are the area's), outside_england (Wales, Scotland,
Northern Ireland, the Channel Islands, the Isle of Man).

Columns that depend on the date are suffixed with it (``icb_2016_04_01``); postcode facts
(``pcds``, ``lsoa11``, ...) are not.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute  # noqa: F401 - pa.compute
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from localnhs.export import ALL_FIELDS, FACT_FIELDS, ExportError, Lookup, dates_from, pack_keys, squash
from localnhs.query.bulk import DATED_FIELDS

VALID = r"^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$"
STATUSES = ("ok", "invalid", "not_found", "terminated", "outside_england")
BATCH_ROWS = 250_000
ENGLAND = "E92000001"


def suffix(when: dt.date) -> str:
    return when.isoformat().replace("-", "_")


def dated_name(field: str, when: dt.date) -> str:
    return f"{field}_{suffix(when)}"


def choose_fields(fields) -> tuple[str, ...]:
    """--fields 'icb,icb_name' (or a list): checked against the known columns; pcds always first."""
    if fields is None:
        return ALL_FIELDS
    if isinstance(fields, str):
        fields = [f for f in fields.split(",")]
    chosen = [f.strip() for f in fields if f.strip()]
    unknown = [f for f in chosen if f not in ALL_FIELDS]
    if unknown:
        raise ExportError(f"unknown field {unknown[0]!r}; the fields are: {', '.join(ALL_FIELDS)}")
    out = ["pcds"] + [f for f in chosen if f != "pcds"]
    return tuple(dict.fromkeys(out))


def _dict_encoded(arr: pa.ChunkedArray | pa.Array) -> tuple[np.ndarray, pa.Array]:
    """(indices with -1 for null, dictionary) of a string column."""
    enc = pa.chunked_array(arr).combine_chunks().dictionary_encode() if not isinstance(arr, pa.DictionaryArray) else arr
    idx = pa.compute.fill_null(enc.indices, -1).to_numpy().astype(np.int32)
    return idx, enc.dictionary


def _gather(idx: np.ndarray, dictionary: pa.Array) -> pa.DictionaryArray:
    """A dictionary column for the rows' indices into ``dictionary`` (-1: null). A large
    dictionary (LSOAs, wards) is cut down to the values these rows use when there are fewer rows
    than values, so a small output carries a small dictionary; a batch with as many rows as the
    dictionary has values uses much of it, and keeps it whole (cutting it costs a pass over the
    rows and one over the dictionary). The area fields' dictionaries are small (hundreds)."""
    valid = idx >= 0
    if len(dictionary) <= 4096 or len(idx) >= len(dictionary):
        return pa.DictionaryArray.from_arrays(pa.array(idx, mask=~valid), dictionary)
    counts = np.bincount(idx[valid], minlength=len(dictionary))
    used = np.flatnonzero(counts)
    remap = np.zeros(len(dictionary), dtype=np.int32)
    remap[used] = np.arange(len(used), dtype=np.int32)
    new = remap[np.where(valid, idx, 0)]
    return pa.DictionaryArray.from_arrays(pa.array(new, mask=~valid), dictionary.take(pa.array(used)))


def _null_where(arr: pa.Array, keep: np.ndarray) -> pa.Array:
    """``arr`` (offset 0) with its rows where ``keep`` is False made null, its buffers shared."""
    bits = np.packbits(keep, bitorder="little")
    validity = arr.buffers()[0]
    if validity is not None:
        bits &= np.frombuffer(validity, dtype=np.uint8, count=len(bits))
    return pa.Array.from_buffers(arr.type, len(arr), [pa.py_buffer(bits), *arr.buffers()[1:]])


def _found_status(lookup: Lookup) -> np.ndarray:
    """The status of a found postcode, per lookup row: outside_england (4), else terminated (3),
    else ok (0). The same for every Enricher of a build: worked out once (a pass over every
    postcode) and kept on the Lookup."""
    status = lookup.derived.get("status")
    if status is None:
        facts = lookup.facts()
        ctry_idx = facts.column("ctry").chunk(0).to_numpy()
        st_idx = facts.column("pcd_status").chunk(0).to_numpy()
        ctry_dict, st_dict = lookup.dictionary("ctry"), lookup.dictionary("pcd_status")
        england = np.array([v == ENGLAND for v in ctry_dict.to_pylist()] + [False])      # index -1 (null) reads
        terminated = np.array([v == "terminated" for v in st_dict.to_pylist()] + [False])  # the False at the end
        status = np.where(~england[ctry_idx], 4, np.where(terminated[st_idx], 3, 0)).astype(np.int32)
        lookup.derived["status"] = status
    return status


class Enricher:
    """Enriches batches against one build's lookup for fixed dates and fields. Added text columns
    are Arrow dictionary columns (a batch's rows share few distinct values); `plain=True` on
    `enrich_arrow` decodes them."""

    STATUS_VALUES = pa.array(["ok", "invalid", "not_found", "terminated", "outside_england"])

    def __init__(self, lookup: Lookup, as_of=None, fields=None):
        self.lookup = lookup
        self.dates = dates_from(as_of)
        self.fields = choose_fields(fields)
        self.fact_fields = [f for f in self.fields if f in FACT_FIELDS]
        self.dated_fields = [f for f in self.fields if f in DATED_FIELDS]
        facts = lookup.facts()
        self._keys = facts.column("key").chunk(0).to_numpy()
        self._plain = {f: facts.column(f).chunk(0) for f in ("pcds", "lat", "long") if f in self.fact_fields}
        self._coded = {f: (facts.column(f).chunk(0).to_numpy(), lookup.dictionary(f))
                       for f in self.fact_fields if f not in self._plain}
        self._akey = facts.column("akey").chunk(0).to_numpy()
        self._status = _found_status(lookup)
        # Each date's fields as indices into their dictionary, one per akey, and a -1 after the
        # last for rows with no area (akey -1 reads it): one gather per column, no np.where.
        self._areas = {}
        for d in self.dates:
            areas = lookup.areas(d)
            for f in self.dated_fields:
                idx, dictionary = _dict_encoded(areas.column(f))
                self._areas[d, f] = (np.append(idx, np.int32(-1)), dictionary)

    def output_names(self) -> list[str]:
        return ["status", *self.fact_fields, *[dated_name(f, d) for d in self.dates for f in self.dated_fields]]

    def _find(self, key: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row of each key in the sorted lookup, the keys' sort order, the rows in that order).
        Searching in key order is cache-friendly, and so is reading lookup columns in it."""
        order = pl.Series(key).arg_sort().to_numpy()  # polars sorts on all cores; numpy's stable sort was 3x slower
        in_order = np.searchsorted(self._keys, key[order])
        np.minimum(in_order, len(self._keys) - 1, out=in_order)
        pos = np.empty(len(key), dtype=np.int64)
        pos[order] = in_order
        return pos, order, in_order

    def columns(self, postcodes: pl.Series) -> pa.Table:
        """The added columns (status first) for a Series of postcodes, row for row."""
        sq, valid_s = squashed(postcodes)
        key = pl.DataFrame({"sq": sq, "valid": valid_s}).select(
            pack_keys(pl.when(pl.col("valid")).then(pl.col("sq")).otherwise(pl.lit(""))))
        valid = valid_s.to_numpy()
        key = key.to_series().to_numpy()
        pos, order, in_order = self._find(key)
        found = valid & (self._keys[pos] == key)
        # Rows not found (invalid, not_found, outside England's islands) are few: a lookup column
        # is gathered at every row's position, and these rows are set afterwards.
        lost = np.flatnonzero(~found)

        status = self._status[pos]
        status[lost] = 2                                                   # not_found, unless
        missed = np.flatnonzero(valid & ~found)                           # few: islands are outside England
        if len(missed):
            island = sq.gather(missed).str.contains(r"^(BT|GY|JE|IM)[0-9]").fill_null(False).to_numpy()
            status[missed[island]] = 4
        status[~valid] = 1
        arrays = [pa.DictionaryArray.from_arrays(pa.array(status), self.STATUS_VALUES)]
        inverse = None
        for f in self.fact_fields:
            if f in self._plain:
                # Taken in key order (near-sequential reads of the lookup), then put back in row
                # order from the much smaller result; the rows not found become null.
                if inverse is None:
                    inverse = np.empty(len(order), dtype=np.int64)
                    inverse[order] = np.arange(len(order))
                    inverse = pa.array(inverse)
                taken = self._plain[f].take(pa.array(in_order)).take(inverse)
                arrays.append(_null_where(taken, found) if len(lost) else taken)
            else:
                idx, dictionary = self._coded[f]
                g = idx[pos]
                g[lost] = -1
                arrays.append(_gather(g, dictionary))
        akey = self._akey[pos]
        akey[lost] = -1
        for d in self.dates:
            for f in self.dated_fields:
                idx, dictionary = self._areas[d, f]
                arrays.append(_gather(idx[akey], dictionary))               # akey -1 reads idx's last, -1
        return pa.Table.from_arrays(arrays, names=self.output_names())

    def enrich_arrow(self, table: pa.Table, postcode_col: str, plain: bool = False) -> pa.Table:
        added = self.columns(pl.from_arrow(table.column(postcode_col)))
        out = table
        for name, col in zip(added.column_names, added.columns):
            if plain and pa.types.is_dictionary(col.type):
                col = col.cast(pa.string())
            out = out.append_column(name, col)
        return out


def squashed(postcodes: pl.Series) -> tuple[pl.Series, pl.Series]:
    """(export.squash of each postcode, whether it has the shape of one: VALID), computed fast: plain
    spaces are dropped and case folded for every row, and only rows that then fail VALID (a few:
    invalid ones, or ones with tabs or other Unicode spacing, which VALID's ASCII letters and digits
    cannot hold) are squashed again with the whitespace regex and checked again. The same values as
    squash (whitespace removal and upper-casing commute), without a regex replace over every row."""
    sq = postcodes.cast(pl.String).str.replace_all(" ", "", literal=True).str.to_uppercase()
    valid = sq.str.contains(VALID).fill_null(False)
    again = (~valid).arg_true()
    if len(again):
        redone = sq.gather(again).str.replace_all(r"\s", "")
        sq = sq.scatter(again, redone)
        valid = valid.scatter(again, redone.str.contains(VALID).fill_null(False))
    return sq, valid


def _check_columns(names: list[str], postcode_col: str, added: list[str], where: str) -> None:
    if postcode_col not in names:
        raise ExportError(f"no column {postcode_col!r} in {where}; its columns are: {', '.join(names)} "
                          "(choose one with --postcode-column)")
    clash = [c for c in added if c in names]
    if clash:
        raise ExportError(f"{where} already has a column {clash[0]!r}, which enrichment adds; rename it or choose "
                          "other --fields")


# -- files -----------------------------------------------------------------------------------

def _kind(path: Path, what: str) -> str:
    ext = path.suffix.lower()
    if ext in (".csv", ".txt"):
        return "csv"
    if ext in (".parquet", ".pq"):
        return "parquet"
    raise ExportError(f"{path}: the {what} file must end in .csv or .parquet (the extension picks the format)")


class _Reader:
    def __init__(self, path: Path, batch_rows: int):
        self.path = path
        self.kind = _kind(path, "input")
        if not path.is_file():
            raise ExportError(f"cannot read {path}: no such file")
        try:
            if self.kind == "parquet":
                self._pf = pq.ParquetFile(path)
                self.names = self._pf.schema_arrow.names
                self.total, self.unit = self._pf.metadata.num_rows, "rows"
            else:
                with open(path, "rb") as f:
                    head = f.read(1 << 20)
                if not head.strip():
                    raise ExportError(f"cannot read {path}: the file is empty (a CSV needs a header line)")
                import csv
                import io

                self.names = next(csv.reader(io.StringIO(head.decode("utf-8-sig", errors="replace").splitlines()[0])))
                self.total, self.unit = path.stat().st_size, "bytes"
        except ExportError:
            raise
        except Exception as exc:  # noqa: BLE001 - unreadable input becomes a message
            raise ExportError(f"cannot read {path} as {self.kind.upper()}: {exc}") from None
        self.batch_rows = batch_rows

    def batches(self) -> Iterator[tuple[pa.Table, int]]:
        """(batch, progress units done so far)."""
        try:
            if self.kind == "parquet":
                done = 0
                for b in self._pf.iter_batches(batch_size=self.batch_rows):
                    done += b.num_rows
                    yield pa.Table.from_batches([b]), done
                return
            f = open(self.path, "rb")
            try:
                reader = pacsv.open_csv(
                    f, read_options=pacsv.ReadOptions(block_size=32 << 20, encoding="utf8"),
                    convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in self.names},
                                                         strings_can_be_null=False, quoted_strings_can_be_null=False))
                for b in reader:
                    yield pa.Table.from_batches([b]), f.tell()
            finally:
                f.close()
        except ExportError:
            raise
        except (pa.ArrowInvalid, OSError, UnicodeDecodeError) as exc:
            raise ExportError(f"cannot read {self.path} as {self.kind.upper()}: {exc}") from None


class _Writer:
    def __init__(self, path: Path, unique: tuple[str, ...] = ()):
        self.path = path
        self.unique = unique  # columns with a different value in almost every row (the postcodes)
        self.kind = _kind(path, "output")
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self._w = None

    def write(self, table: pa.Table) -> None:
        if self._w is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.kind == "parquet":
                # No min/max statistics for dictionary columns (the added codes and names): they cost
                # more than half the writing, and a column of codes is not one to skip row groups on.
                stats = [f.name for f in table.schema if not pa.types.is_dictionary(f.type)]
                # Nor Parquet dictionary encoding for the postcodes: nearly every one differs, so the
                # writer would build a dictionary for each row group only to give it up (the same
                # values, ~40% less writing time and a smaller file).
                dicts = [f.name for f in table.schema if f.name not in self.unique or pa.types.is_dictionary(f.type)]
                self._w = pq.ParquetWriter(self.tmp, table.schema, compression="zstd", store_schema=False,
                                           write_statistics=stats, use_dictionary=dicts)
            else:
                self._w = open(self.tmp, "wb")
                self._header = True
        if self.kind == "parquet":
            self._w.write_table(table)
        else:
            pl.from_arrow(table).write_csv(self._w, include_header=self._header)
            self._header = False

    def close(self, ok: bool) -> None:
        if self._w is not None:
            self._w.close()
        if ok:
            os.replace(self.tmp, self.path)
        elif self.tmp.exists():
            self.tmp.unlink()


def enrich_file(lookup: Lookup, src: Path, dst: Path, postcode_col: str = "postcode", as_of=None, fields=None,
                batch_rows: int = BATCH_ROWS, progress: Callable[[int, int, str], None] | None = None) -> dict:
    """Streams src into dst; returns counts per status. dst appears only when complete."""
    src, dst = Path(src), Path(dst)
    if src.resolve() == dst.resolve():
        raise ExportError(f"{dst} is the input file: write the output to another file")
    enricher = Enricher(lookup, as_of, fields)
    reader = _Reader(src, batch_rows)
    _check_columns(reader.names, postcode_col, enricher.output_names(), str(src))
    writer = _Writer(dst, unique=(postcode_col, "pcds"))
    counts = dict.fromkeys(STATUSES, 0)
    ok = False
    try:
        rows = 0
        tally = np.zeros(len(STATUSES), dtype=np.int64)
        # Three stages overlap: the next batch is read and the last one written (Arrow and polars
        # release the GIL) while this one is enriched; one batch in flight each way bounds memory.
        with ThreadPoolExecutor(max_workers=2) as pool:
            batches = reader.batches()
            ahead = pool.submit(next, batches, None)
            writing = None
            while (item := ahead.result()) is not None:
                batch, done = item
                ahead = pool.submit(next, batches, None)
                out = enricher.enrich_arrow(batch, postcode_col)
                if writing is not None:
                    writing.result()
                writing = pool.submit(writer.write, out)
                rows += out.num_rows
                tally += np.bincount(out.column("status").combine_chunks().indices.to_numpy(), minlength=len(STATUSES))
                if progress:
                    progress(done, reader.total, reader.unit)
            if writing is not None:
                writing.result()
        for name, code in zip(Enricher.STATUS_VALUES.to_pylist(), tally):
            counts[name] = int(code)
        if writer._w is None:  # an input with a header and no rows: still a valid, empty output
            empty = pa.Table.from_pydict({n: pa.array([], pa.string()) for n in reader.names})
            writer.write(enricher.enrich_arrow(empty, postcode_col))
        ok = True
    finally:
        writer.close(ok)
    return {"rows": rows, "dates": [d.isoformat() for d in enricher.dates], **counts}


# -- frames (the Python API) -----------------------------------------------------------------

_LOOKUPS: dict[tuple, Lookup] = {}


def default_lookup(db: str | os.PathLike | None = None) -> Lookup:
    """The Lookup of the database at ``db`` (default: the project's), reused while that file is the
    same one: a rebuild swaps in a new file, which gets a new Lookup rather than the old build's."""
    from localnhs import paths
    from localnhs.store.db import connect

    path = Path(db or paths.default_db())
    try:
        st = path.stat()
    except OSError:
        st = None
    key = (str(path), st.st_ino if st else None, st.st_mtime_ns if st else None)
    lk = _LOOKUPS.get(key)
    if lk is None:
        lk = Lookup(connect(path))
        _LOOKUPS.clear()   # one database at a time: let an old build's connection go
        _LOOKUPS[key] = lk
    return lk


def enrich_frame(frame, postcode_col: str = "postcode", as_of=None, fields=None, db=None, lookup: Lookup | None = None):
    """pandas or polars DataFrame (or Arrow table) in, the same kind out, with the added columns."""
    lk = lookup or default_lookup(db)
    enricher = Enricher(lk, as_of, fields)
    kind = type(frame).__module__.split(".")[0]
    if kind == "polars":
        table = frame.to_arrow()
    elif kind == "pandas":
        table = pa.Table.from_pandas(frame, preserve_index=False)
    elif isinstance(frame, pa.Table):
        table = frame
    else:
        raise ExportError(f"enrich takes a pandas or polars DataFrame or an Arrow table, not {type(frame).__name__}")
    _check_columns(table.column_names, postcode_col, enricher.output_names(), "the frame")
    out = enricher.enrich_arrow(table, postcode_col, plain=True)
    if kind == "polars":
        return pl.from_arrow(out)
    if kind == "pandas":
        df = out.to_pandas()
        df.index = frame.index
        return df
    return out


# -- the bulk API: one set-based lookup per request --------------------------------------------

ITEM_ERRORS = {
    "invalid": (400, "invalid_input", "{q!r} is not a valid postcode"),
    "not_found": (404, "not_found", "{pc} is a valid postcode but it is not in the postcode data"),
    "outside_england": (404, "outside_england", "{pc} is outside NHS England"),
}


def bulk_table(lookup: Lookup, postcodes: list[str], as_of=None, fields=None) -> pa.Table:
    """``query`` (as sent) and the enrichment columns, one row per postcode, in order."""
    key = (tuple(dates_from(as_of)), choose_fields(fields))
    cache = lookup.enrichers
    enricher = cache.get(key)
    if enricher is None:
        if len(cache) > 32:
            cache.clear()
        enricher = cache[key] = Enricher(lookup, list(key[0]), list(key[1]))
    table = pa.table({"query": pa.array(postcodes, pa.string())})
    return enricher.enrich_arrow(table, "query", plain=True)


def bulk_items(table: pa.Table) -> list[dict]:
    """JSON items: every column of the row, and for a row that is not answered an ``error`` in the
    API's error shape."""
    rows = table.to_pylist()
    for r in rows:
        err = ITEM_ERRORS.get(r["status"])
        if err:
            status, code, message = err
            pc = r.get("pcds") or " ".join(str(r["query"]).split()).upper()
            r["error"] = {"status": status, "code": code, "message": message.format(q=r["query"], pc=pc)}
    return rows


def bulk_csv(table: pa.Table) -> bytes:
    import io

    buf = io.BytesIO()
    pl.from_arrow(table).write_csv(buf)
    return buf.getvalue()
