"""A bounded loopback load: N keep-alive HTTP/1.1 connections from one asyncio loop (cheaper per
request than client threads, so the server - not the client - is what gets measured).

    results = run(base, paths, connections=64, seconds=20, at=(10.0, swap))

Each response is recorded as (seconds since start, path, status, X-Data-Build, latency ms);
a connection the server drops mid-request is counted, reconnected and the load goes on.
`at` runs a callable in a thread at a given second (used to swap a new build in halfway).
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
import urllib.parse
from dataclasses import dataclass, field


@dataclass
class Results:
    responses: list[tuple[float, str, int, str, float]] = field(default_factory=list)
    dropped: list[tuple[float, str, str]] = field(default_factory=list)
    events: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0

    def latency(self, q: float, prefix: str = "") -> float:
        lat = sorted(r[4] for r in self.responses if r[1].startswith(prefix))
        return lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")

    def first_with(self, build: str, after: float = 0.0) -> float | None:
        return next((r[0] for r in self.responses if r[3] == build and r[0] >= after), None)

    def summary(self) -> str:
        n = len(self.responses)
        fives = sum(1 for r in self.responses if r[2] >= 500)
        return (f"{n} responses in {self.seconds:.1f} s ({n / max(self.seconds, 1e-9):.0f}/s); "
                f"/api/places p50 {self.latency(0.5, '/api/places'):.1f} ms, p99 {self.latency(0.99, '/api/places'):.1f} ms; "
                f"5xx {fives}; dropped connections {len(self.dropped)}")


async def _request(reader, writer, host: str, path: str) -> tuple[int, str]:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
    await reader.readexactly(int(headers.get("content-length", "0")))
    if headers.get("connection", "").lower() == "close":
        raise ConnectionResetError("server closed the connection")
    return status, headers.get("x-data-build", "")


async def _client(seed: int, base, paths, deadline: float, start: float, out: Results, queue=None) -> None:
    u = urllib.parse.urlsplit(base)
    rng = random.Random(seed)
    reader = writer = None
    while time.monotonic() < deadline:
        if queue is None:
            path = rng.choice(paths)
        elif queue:
            path = queue.pop()
        else:
            break
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(u.hostname, u.port)
            t = time.perf_counter()
            status, build = await asyncio.wait_for(_request(reader, writer, u.netloc, path), 30)
            out.responses.append((time.monotonic() - start, path, status, build, (time.perf_counter() - t) * 1000))
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError, IndexError) as exc:
            out.dropped.append((time.monotonic() - start, path, type(exc).__name__))
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _run(base, paths, connections, seconds, at, each_once=False) -> Results:
    out = Results()
    queue = random.Random(0).sample(paths, len(paths)) if each_once else None
    start = time.monotonic()
    deadline = start + seconds
    timers = []
    for when, action in at:
        def fire(action=action, when=when):
            out.events[getattr(action, "__name__", str(when))] = time.monotonic() - start
            action()
        timers.append(threading.Timer(when, fire))
    for t in timers:
        t.start()
    try:
        await asyncio.gather(*[_client(i, base, paths, deadline, start, out, queue) for i in range(connections)])
    finally:
        for t in timers:
            t.join()
    out.seconds = time.monotonic() - start
    return out


def run(base: str, paths: list[str], *, connections: int = 64, seconds: float = 20.0, at=(),
        each_once: bool = False) -> Results:
    """Bounded: stops at `seconds` (plus at most one request timeout). Runs its own event loop in
    a thread, so it works from code that already has one running (pytest with Playwright).
    each_once: request every path once, in a shuffled order, then stop (a first pass that leaves no
    path unrequested, as random draws for a fixed time can)."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(asyncio.run(_run(base, paths, connections, seconds, at,
                                                                         each_once))))
    thread.start()
    thread.join()
    return box[0]
