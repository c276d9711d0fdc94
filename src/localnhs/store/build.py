"""Build a fresh SQLite file from the raw folder, then swap it in atomically.

The new database is written beside the old one under a temporary name and only
renamed over it when every step has finished and the invariants hold, so a failed
build leaves the previous database serving.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import resource
import secrets
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from localnhs.sources import registry
from localnhs.sources._rows import Rejects, SourceError
from localnhs.store import guards
from localnhs.store.schema import DDL, SCHEMA_VERSION
from localnhs.store.staging import Staged
from localnhs.store.swap import swap_in


class BuildError(Exception):
    """The build stopped; the message says which file or check, and the old database is untouched."""


@dataclass
class BuildContext:
    conn: sqlite3.Connection
    raw: Path
    progress: Progress | None = None
    timings: dict[str, float] = field(default_factory=dict)
    # The process's peak RSS (MB) when each step ended: the step that raised it is the one to shrink.
    peaks: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    previous: guards.Previous = field(default_factory=guards.Previous)
    accept_changes: bool = False
    # What the dataset steps put into the tables several of them fill (store/staging.py).
    staged: Staged = field(default_factory=Staged)
    # After a build: the postcode tables' frames as written (coded, areas, states), for the bulk
    # lookup compile to start from instead of reading 2.5 M rows back (cli.py hands them over).
    postcodes: tuple | None = None

    def path(self, dataset: str, name: str) -> Path:
        p = self.raw / dataset / name
        if not p.exists():
            raise SourceError(f"{dataset}/{name}: file not found under {self.raw}")
        return p

    def record(self, dataset: str, path: Path, as_of: str | None, rejects: Rejects, name: str | None = None) -> None:
        """Write one file's import_log row (with the previous build's row count) and its rejects,
        after checking the reject rate and the file's declared guards. ``name`` tells apart files of
        one name in dated subfolders (nhsuk_sites/2014-02/Hospital.csv)."""
        name = name or path.name
        rejects.check()
        before = self.previous.rows.get((dataset, name))
        guards.check_file(dataset, name, rejects.rows, before, accept_changes=self.accept_changes, notes=self.notes)
        self.conn.execute(
            "INSERT OR REPLACE INTO import_log VALUES (?,?,?,?,?,?,?)",
            (dataset, name, sha256(path), as_of, rejects.rows, rejects.count, before),
        )
        self.conn.executemany(
            "INSERT INTO reject VALUES (?,?,?)",
            [(name, line, reason) for line, reason in rejects.items],
        )

    def log(self, dataset: str, path: Path, rejects: Rejects, name: str | None = None) -> None:
        """`record` with the as-of date sources/registry.py declares for the file (``name``: its
        path inside the dataset folder when that is not just the file name)."""
        try:
            as_of = registry.as_of(dataset, name or path.name)
        except KeyError as exc:
            raise SourceError(str(exc.args[0])) from None
        self.record(dataset, path, as_of, rejects, name=name)

    @contextmanager
    def step(self, name: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        task = self.progress.add_task(name, total=total) if self.progress else None
        start = time.perf_counter()

        def advance(n: int = 1) -> None:
            if self.progress is not None:
                self.progress.advance(task, n)

        yield advance
        self.timings[name] = time.perf_counter() - start
        self.peaks[name] = peak_rss_mb()
        if self.progress is not None:
            self.progress.update(task, completed=total or 1, total=total or 1)


def release_memory() -> None:
    """Hand memory the finished steps freed back to the system before the next heavy phase, so
    the bulk lookup compile does not stack on the build's high-water mark: cycles collected, and
    glibc's free heap pages returned (malloc_trim; nothing to do under another C library) with
    Arrow's pool's unused memory."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except ImportError:
        pass
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _trim(conn) -> None:
    """Between steps: the SQLite page cache's clean pages and glibc's free heap handed back (no
    garbage collection: that costs time at every step). Each later step then starts from what the
    build still holds, not from the previous step's high-water mark: parsing GeoJSON and CSVs
    leaves ~100-150 MB of freed heap that the next step's Arrow buffers (another allocator) cannot reuse."""
    import ctypes
    import ctypes.util

    conn.execute("PRAGMA shrink_memory")
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def rss_mb() -> float:
    """This process's resident set now, in MB (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def peak_rss_mb() -> float:
    """This process's peak resident set so far, in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _steps():
    """The load steps in the order sources/registry.py derives from the datasets' dependencies
    (imported only now, so `localnhs --help` stays fast)."""
    return [(target, registry.resolve(target)) for target in registry.build_order()]


def build(raw: Path, db_path: Path, *, show_progress: bool = True, accept_changes: bool = False,
          finish: Callable[[sqlite3.Connection, Path], None] | None = None) -> BuildContext:
    """Build into a temporary file beside ``db_path`` and rename it over only if every file and
    guard passed. Counts are compared with the database being replaced (``accept_changes``
    lets a stated fall through; floors and coverage always hold)."""
    raw = Path(raw)
    if not raw.is_dir():
        raise BuildError(f"raw data folder {raw} does not exist (give --raw or set LOCALNHS_RAW)")
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.executescript(DDL)
    progress = (
        Progress(TextColumn("{task.description:<28}"), BarColumn(), TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn())
        if show_progress
        else None
    )
    ctx = BuildContext(conn=conn, raw=raw, progress=progress, previous=guards.previous_build(db_path),
                       accept_changes=accept_changes)
    ok = False
    try:
        if progress:
            progress.start()
        for _name, load in _steps():
            load(ctx)
            conn.commit()
            _trim(conn)
        now = dt.datetime.now(dt.timezone.utc)
        meta = {
            "schema_version": str(SCHEMA_VERSION),
            "built_at": now.isoformat(timespec="seconds"),
            # Names this build in every response (X-Data-Build, ETag): time plus a random tail.
            "build_id": now.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3),
            "raw": str(raw),
        }
        counts = guards.check_build(conn, ctx.previous, accept_changes=accept_changes, notes=ctx.notes)
        meta.update({f"count:{k}": str(v) for k, v in counts.items()})
        conn.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        conn.commit()
        if finish is not None:  # what is made from the finished tables (localnhs/building.py: compiled answers)
            with ctx.step("compiled answers", total=1):
                # Its workers run beside this process: the page cache (~120-200 MB of pages not read
                # again before VACUUM) is let go first, so it does not add to theirs.
                conn.execute("PRAGMA shrink_memory")
                release_memory()
                finish(conn, tmp)
        conn.execute("ANALYZE")
        conn.commit()
        # Rewritten packed: rows were written in source order, which leaves b-tree pages part full
        # (212 -> 194 MB, 1.6 s).
        with ctx.step("vacuum", total=1):
            conn.execute("VACUUM")
        ok = True
    except SourceError as exc:
        raise BuildError(str(exc)) from None
    finally:
        if progress:
            progress.stop()
        conn.close()
        if ok:
            ctx.postcodes = ctx.staged.parsed.get("postcodes")
        ctx.staged = Staged()  # the parsed files the steps shared: not needed once the tables are written
        if not ok:
            tmp.unlink(missing_ok=True)
    swap_in(tmp, db_path)
    return ctx
