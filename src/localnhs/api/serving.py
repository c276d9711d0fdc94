"""The database the server answers from, swapped whole when a new build lands.

`localnhs build` and `localnhs rollback` rename a new file over the served path. The server
notices (a stat every second, or at once on SIGHUP), opens and checks the new file in a
worker thread, then points `app.state.conn` at it: a request reads that attribute once, so
requests already running finish on the old build and the next one gets the new build -
none is dropped. A new file that fails to open is logged and the old build keeps serving.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import logging
import os
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from localnhs.store import read
from localnhs.store.db import StoreError, connect, verify

log = logging.getLogger("localnhs.serving")
POLL_SECONDS = 0.25  # a stat of the file: cheap, and a new build's notice is a part of the 5 s it has to serve
# The served connection reads pages into SQLite's own cache (16 MB), not through a memory map:
# every page read through a map stays in the server's resident memory, and serving random
# postcodes reads pages from all over the file (a 190 MB build: ~130 MB resident after 900
# places, against a bounded 16 MB; the server's CPU time per response was the same within the
# noise of the shared machine, bench/load.py). The OS file cache still holds the file.
SERVE_MMAP_BYTES = 0
SERVE_CACHE_KIB = 16_384


@dataclass(frozen=True)
class Build:
    conn: object
    build_id: str
    built_at: str | None
    integrity: str          # "ok" (checked page by page), or "not checked" (opened by a reload)
    identity: tuple         # (inode, mtime_ns, size) of the file when opened
    opened_at: float

    def age_seconds(self) -> float | None:
        if not self.built_at:
            return None
        return (dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(self.built_at)).total_seconds()


def _identity(path: Path) -> tuple:
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size


def open_build(path: Path, *, check_pages: bool) -> Build:
    """Open (and, at start-up, check page by page) the database; StoreError when unusable."""
    ident = _identity(path) if Path(path).exists() else None
    settings = {"mmap_bytes": SERVE_MMAP_BYTES, "cache_kib": SERVE_CACHE_KIB}
    conn = verify(path, **settings) if check_pages else connect(path, **settings)
    meta = read.meta(conn)
    return Build(conn=conn, build_id=meta.get("build_id") or meta.get("built_at", "unknown"),
                 built_at=meta.get("built_at"), integrity="ok" if check_pages else "not checked",
                 identity=ident, opened_at=time.time())


def _after_full_collection(phase: str, info: dict) -> None:
    if phase == "stop" and info.get("generation") == 2:
        gc.freeze()


def _freeze_after_full_collections() -> None:
    """What outlives a full collection (mostly the memos first answers fill: placements, bodies,
    contacts) is frozen after it, as prepare() freezes what exists at start: the next full
    collection walks only what is newer. Without it every full collection walked every memo again
    (~45 ms, every ~3,000 first answers, with every request in flight waiting). Frozen objects are
    still freed when nothing refers to them (reference counts); only a cycle among them would
    outlive its use, and the memos' rows, bodies and answers hold none. Registered once per process."""
    if _after_full_collection not in gc.callbacks:
        gc.callbacks.append(_after_full_collection)


class ServingDB:
    """Holds the current build for an app; `reload()` swaps in a changed file."""

    def __init__(self, app, path: Path, *, check_pages: bool = True):
        self.app, self.path = app, Path(path)
        self.started_integrity = "ok" if check_pages else "not checked"
        self.current = open_build(self.path, check_pages=check_pages)
        self.last_error: str | None = None
        self.reloads = 0
        self._lock = threading.Lock()
        self.on_new_build: list = []  # fn(conn) run in the background when a build starts serving (warm())
        self.on_prepare: list = []    # fn(conn, reloading) run on a build before it serves (prepare())
        self.on_carry: list = []      # fn(old, new) run on a reload after prepare(), before the switch
        app.state.conn = self.current.conn

    def current_identity(self) -> tuple | None:
        try:
            return _identity(self.path)
        except OSError:
            return None

    def changed(self) -> bool:
        try:
            return _identity(self.path) != self.current.identity
        except OSError:
            return False  # mid-rename or removed: keep serving what is open

    def reload(self, force: bool = False) -> bool:
        """Swap in the file at the path if it changed; True when a new build now serves."""
        with self._lock:
            if not force and not self.changed():
                return False
            try:
                new = open_build(self.path, check_pages=False)
            except StoreError as exc:
                self.last_error = str(exc)
                log.error("reload refused: %s; still serving build %s", exc, self.current.build_id)
                return False
            self.prepare(new.conn, reloading=True)  # while the old build still serves
            for fn in list(self.on_carry):  # e.g. api/carry.py: the old build's recent answers, on the new one
                try:
                    fn(self.current, new)
                except Exception:  # noqa: BLE001 - carrying answers over must never stop a build from serving
                    log.exception("carrying answers to build %s failed", new.build_id)
            old, self.current = self.current, new
            self.app.state.conn = new.conn
            self.last_error = None
            self.reloads += 1
            log.warning("now serving build %s (was %s)", new.build_id, old.build_id)
        self.warm()
        return True

    def prepare(self, conn, reloading: bool = False) -> None:
        """Run each on_prepare(conn, reloading) on a build before it serves: at start-up (before the
        server listens) and on a reload (in the reload's thread, while the old build goes on serving). What
        every answer needs once per process or build - the imports, the build's practice index,
        the templates - is then made here, not by the first requests, which would hold up every
        connection behind them. A failure is logged, never raised."""
        for fn in list(self.on_prepare):
            try:
                fn(conn, reloading)
            except Exception:  # noqa: BLE001 - preparing must never stop a build from serving
                log.exception("preparing %s failed", getattr(fn, "__name__", fn))
        # What exists now (the imports, the postcode index, the practice trees, the templates) lives
        # as long as the process or the build: moved out of the garbage collector's generations, a
        # full collection no longer walks it. Every full collection of that heap stopped the event
        # loop for ~110-130 ms, every ~500 first answers, and each request in flight waited through it.
        gc.freeze()
        _freeze_after_full_collections()

    def warm(self) -> None:
        """Run each on_new_build(conn) for the build serving now, in a background thread (slow
        compiles a request would otherwise wait for); a failure is logged, never raised."""
        conn = self.current.conn

        def run():
            for fn in list(self.on_new_build):
                try:
                    fn(conn)
                except Exception:  # noqa: BLE001 - a warm-up must never take the server down
                    log.exception("warming %s for build %s failed", getattr(fn, "__name__", fn), self.current.build_id)

        if self.on_new_build:
            threading.Thread(target=run, name="localnhs-warm", daemon=True).start()

    async def watch(self) -> None:
        """Poll the file (and answer SIGHUP) for the life of the server."""
        loop = asyncio.get_running_loop()
        poke = asyncio.Event()
        try:
            loop.add_signal_handler(signal.SIGHUP, poke.set)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (tests) or no SIGHUP on this platform: polling only
        while True:
            try:
                await asyncio.wait_for(poke.wait(), POLL_SECONDS)
            except asyncio.TimeoutError:
                pass
            forced = poke.is_set()
            poke.clear()
            if forced or self.changed():
                await asyncio.to_thread(self.reload, forced)


# ------------------------------------------------------------- how `localnhs serve` runs uvicorn

LOG_LEVEL = "warning"           # uvicorn's own messages; localnhs's JSON access and error logs are INFO
CHECKED = "LOCALNHS_CHECKED_IDENTITY"  # set by the parent: the file it checked page by page before forking


def server_options(workers: int = 1) -> dict:
    """uvicorn.run(**options) for one process or several: asyncio's event loop, httptools guarded by
    api/limits.py (header timeout, head size, malformed requests in the error shape), the idle
    timeout, and no logging config of uvicorn's (api/observe.py's JSON logs). With workers > 1 the
    protocol is named by import path (each worker is a new process and builds it from the same
    LOCALNHS_* settings).

    The loop is asyncio's own, not uvloop: uvloop takes one new connection off the listening socket
    per turn of its loop, so while the loop is busy (answers being worked out) connections wait in
    the accept queue - under `make load`, 64 connections opened at once had their first request
    answered one every ~0.2 s, the last after the whole run (20 s). asyncio accepts every waiting
    connection at once, and answers cached requests at about the same CPU time per request (350-460 us
    either way on the shared 2-core machine; bench/load.py prints the server's CPU time per response)."""
    from localnhs.api.limits import Limits, uvicorn_options

    options = {"loop": "asyncio", "log_level": LOG_LEVEL, **uvicorn_options(Limits.from_env(), "httptools")}
    if workers > 1:
        options.update(http=f"{__name__}:GuardedHttpTools", workers=workers)
    return options


def identity_text(path: Path) -> str:
    return ":".join(map(str, _identity(path)))


def __getattr__(name: str):
    # The guarded httptools protocol, made on first use in the process that imports it (a worker).
    if name == "GuardedHttpTools":
        from localnhs.api.limits import Limits, uvicorn_options

        cls = uvicorn_options(Limits.from_env(), "httptools")["http"]
        globals()[name] = cls
        return cls
    raise AttributeError(name)
