"""A real `localnhs serve` in its own process on a free loopback port, for benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager


@contextmanager
def server_process(db, workers: int = 1):
    """Yields (base URL, the server's Popen) once the server answers; stops the server afterwards."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [sys.executable, "-m", "localnhs", "serve", "--port", str(port)]
    if workers > 1:
        args += ["--workers", str(workers)]
    server = subprocess.Popen(args, env={**os.environ, "LOCALNHS_DB": str(db)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/stats", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=20)


@contextmanager
def serving(db, workers: int = 1):
    """Yields the base URL once the server answers; stops the server afterwards."""
    with server_process(db, workers) as (base, _):
        yield base
