"""A real `localnhs serve` in its own process on a free loopback port: the one way the test suite
(tests/live.py) and the benchmarks (bench/server.py) start a server.

    with launched(db, workers=2, log=path, request_timeout_s=3) as server:
        server.base, server.port, server.process

It waits until `/healthz` answers, and fails at once (with the exit code and the end of the log)
if the server exits before it does - a refused database, a port already taken - instead of
polling until the bound. `settings` become LOCALNHS_<NAME> variables (the limits of
api/limits.py). The server is stopped (SIGTERM, then SIGKILL) when the block ends.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_BOUND_S = 120.0  # a hang guard: the start-up page check of a full build takes a few seconds


@dataclass(frozen=True)
class Server:
    base: str          # http://127.0.0.1:PORT
    port: int
    process: subprocess.Popen


class ServerExited(RuntimeError):
    """`localnhs serve` exited before it answered."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def launched(db, *, workers: int = 1, log: Path | None = None, args=(), env=None, **settings):
    """Yields a Server once it answers /healthz; stops it afterwards. log: where its stdout and
    stderr go (the JSON logs); without one they go to a temporary file, shown if it exits early."""
    port = free_port()
    environ = {**os.environ, **(env or {}), "LOCALNHS_DB": str(db)}
    environ.update({f"LOCALNHS_{k.upper()}": str(v) for k, v in settings.items()})
    cmd = [sys.executable, "-m", "localnhs", "serve", "--port", str(port), "--workers", str(workers), *args]
    out = open(log, "wb") if log else tempfile.TemporaryFile()
    process = subprocess.Popen(cmd, env=environ, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    try:
        end = time.monotonic() + START_BOUND_S
        while True:
            if process.poll() is not None:
                out.flush()
                if log:
                    tail = Path(log).read_bytes()[-2000:]
                else:
                    out.seek(0)
                    tail = out.read()[-2000:]
                tail = tail.decode(errors="replace")
                raise ServerExited(f"localnhs serve exited with {process.returncode} before answering:\n{tail}")
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > end:
                    raise TimeoutError(f"localnhs serve did not answer {base}/healthz within {START_BOUND_S:g} s")
                time.sleep(0.1)
        yield Server(base, port, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        out.close()
