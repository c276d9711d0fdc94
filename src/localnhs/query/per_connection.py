"""What is worked out once per database connection, held in one kind of cache.

A build is read-only for its life, so an index, a lookup table or a memo made from one connection
stays true until the server switches to another build (hot reload, rollback). The cache is keyed on
the connection object itself, never on ``id(conn)`` (a connection opened after a reload can reuse the
id of the closed one, and would get the old build's answers), and keeps at most ``keep`` connections:
the one serving and the one a reload replaced.

``build_cache(conn)`` is the one object per build that the answer memos hang on (the compiled
placements, the nearest-practice index, the practice facts): the app holds the connection of the
build it serves (``app.state.conn``), so a request on a new build gets a new, empty ``BuildCache``
and can never be answered from the old build's memos. Nothing here is an ``lru_cache`` over a
connection (those keep every connection they ever saw alive).
"""

from __future__ import annotations

import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class PerConnection(Generic[T]):
    """``cache(conn)``: the value ``make(conn)`` gives, made on first use for that connection."""

    def __init__(self, make: Callable[[object], T], keep: int = 2):
        self._make = make
        self._keep = keep
        self._values: dict = {}
        self._lock = threading.RLock()
        # ``peek(conn)``: the value if it has been made, else None; one dict read, for hot paths.
        self.peek: Callable[[object], T | None] = self._values.get

    def __call__(self, conn) -> T:
        value = self._values.get(conn)  # the hot path takes no lock: a dict read is atomic
        if value is not None:
            return value
        with self._lock:
            value = self._values.get(conn)
            if value is None:
                while len(self._values) >= self._keep:
                    self._values.pop(next(iter(self._values)))
                value = self._values[conn] = self._make(conn)
            return value


_MISSING = object()
MEMO_LIMIT = 100_000


class BuildCache:
    """Everything one build's connection has worked out, by part name (``"compiled"``,
    ``"practices"``): ``part(name, make)`` is ``make(conn)``, made once for this build, and
    ``memo(name, make, *args)`` is ``make(conn, *args)``, remembered per arguments in a table that
    is emptied and refilled when it grows past ``limit`` (so a long-running server stays bounded)."""

    def __init__(self, conn):
        self.conn = conn
        self._parts: dict[str, object] = {}
        self._memos: dict[str, dict] = {}
        self._lock = threading.RLock()
        # ``peek(name)``: the part if it has been made, else None; one dict read, for hot paths.
        self.peek: Callable[[str], object | None] = self._parts.get

    def memo(self, name: str, make: Callable[..., T], *args, limit: int = MEMO_LIMIT) -> T:
        table = self._memos.get(name)
        if table is None:
            table = self._memos.setdefault(name, {})
        value = table.get(args, _MISSING)
        if value is _MISSING:
            if len(table) >= limit:
                table.clear()
            value = table[args] = make(self.conn, *args)
        return value

    def remember(self, name: str, value, *args, limit: int = MEMO_LIMIT) -> None:
        """Put what ``memo(name, make, *args)`` would make into its table, when the caller has it
        already (the build's compile reads many rows in one statement instead of one each)."""
        table = self._memos.setdefault(name, {})
        if len(table) >= limit:
            table.clear()
        table[args] = value

    def part(self, name: str, make: Callable[[object], T]) -> T:
        value = self._parts.get(name)
        if value is None:
            with self._lock:
                value = self._parts.get(name)
                if value is None:
                    value = self._parts[name] = make(self.conn)
        return value


build_cache: PerConnection[BuildCache] = PerConnection(BuildCache)
