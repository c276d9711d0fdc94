"""A real `localnhs serve` in its own process on a free loopback port, for benchmarks: the same
helper the test suite uses (localnhs.api.launch), which waits for /healthz and fails at once if
the server exits early."""

from __future__ import annotations

from contextlib import contextmanager

from localnhs.api.launch import launched


@contextmanager
def server_process(db, workers: int = 1, **settings):
    """Yields (base URL, the server's Popen) once the server answers; stops the server afterwards."""
    with launched(db, workers=workers, **settings) as server:
        yield server.base, server.process


@contextmanager
def serving(db, workers: int = 1, **settings):
    """Yields the base URL once the server answers; stops the server afterwards."""
    with launched(db, workers=workers, **settings) as server:
        yield server.base
