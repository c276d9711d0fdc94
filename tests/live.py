"""A real `localnhs serve` in its own process on a free loopback port, with LOCALNHS_* settings,
and raw-socket helpers for the requests an HTTP client library will not send."""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from localnhs.api.launch import launched


def until(check, bound_s: float = 30.0) -> bool:
    """Poll check() until true (bounded); the bound is a hang guard, not what is tested."""
    end = time.monotonic() + bound_s
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.05)
    return False


@contextmanager
def serving(db: Path, log: Path | None = None, workers: int = 1, **settings):
    """Yields (base_url, port); settings become LOCALNHS_<NAME> variables (e.g. request_timeout_s=2).
    The server is started by localnhs.api.launch, the helper the benchmarks use too."""
    with launched(db, workers=workers, log=log, **settings) as server:
        yield server.base, server.port


def raw(port: int, data: bytes, timeout: float = 30) -> bytes:
    """Send bytes, read until the server closes (or timeout); the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        return read_all(s)


def read_all(s: socket.socket) -> bytes:
    chunks = []
    while True:
        try:
            chunk = s.recv(65536)
        except (ConnectionResetError, TimeoutError, socket.timeout):
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def request(port: int, method: str, path: str, body: bytes = b"", headers: dict | None = None,
            timeout: float = 60) -> tuple[int, dict, bytes]:
    """One request on its own connection (Connection: close); (status, headers, body)."""
    head = {"Host": "127.0.0.1", "Connection": "close", **(headers or {})}
    if body or method == "POST":
        head.setdefault("Content-Length", str(len(body)))
        head.setdefault("Content-Type", "application/json")
    data = f"{method} {path} HTTP/1.1\r\n".encode() + b"".join(
        f"{k}: {v}\r\n".encode() for k, v in head.items()) + b"\r\n" + body
    return parse(raw(port, data, timeout))


def parse(answer: bytes) -> tuple[int, dict, bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    if headers.get("transfer-encoding") == "chunked":
        out, rest = b"", body
        while rest:
            size, _, rest = rest.partition(b"\r\n")
            n = int(size, 16)
            if n == 0:
                break
            out, rest = out + rest[:n], rest[n + 2:]
        body = out
    return status, headers, body


def error_of(body: bytes) -> dict:
    """The API's one error shape, checked: {"error": {"status", "code", "message"}}."""
    err = json.loads(body)["error"]
    assert isinstance(err["status"], int) and err["code"] and err["message"], err
    return err


def ready(base: str) -> dict:
    return json.loads(urllib.request.urlopen(base + "/readyz", timeout=10).read())
