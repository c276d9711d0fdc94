"""What is worked out once per database connection, held in one kind of cache.

A build is read-only for its life, so an index, a lookup table or a memo made from one connection
stays true until the server switches to another build (hot reload, rollback). The cache is keyed on
the connection object itself, never on ``id(conn)`` (a connection opened after a reload can reuse the
id of the closed one, and would get the old build's answers), and keeps at most ``keep`` connections:
the one serving and the one a reload replaced.
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
        self._lock = threading.Lock()

    def __call__(self, conn) -> T:
        with self._lock:
            value = self._values.get(conn)
            if value is None:
                while len(self._values) >= self._keep:
                    self._values.pop(next(iter(self._values)))
                value = self._values[conn] = self._make(conn)
            return value
