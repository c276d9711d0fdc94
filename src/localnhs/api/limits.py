"""What one client, or many, may cost the server: body size, bulk budget, rate, time, PDFs,
and the connection-level guards (header and idle timeouts, header size) for uvicorn.

The middleware (outside the app's routes, inside the request-id/log layer) does, per request:
- per-client rate limiting (a token bucket per client address; off for loopback unless asked) -> 429
- the body read whole before the app runs, refused past `max_body_bytes` -> 413
- bulk lookups admitted against a concurrency limit and a budget of postcodes in flight -> 429
- briefing PDFs: a cache keyed on the build id and the request, and a concurrency limit -> 429
- a request timeout -> 503, and cancellation when the client goes away: the app's task is
  cancelled and `request.state.cancelled` (a threading.Event) is set, which long loops in worker
  threads check (the bulk lookup stops at its next postcode).
Every refusal has `Retry-After` where waiting helps, in the API's error shape (postcodes.io's
shape under /postcodesio).

Settings come from `Limits.from_env()` (LOCALNHS_* variables, listed on the class).
"""

from __future__ import annotations

import asyncio
import math
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, fields

import orjson

from localnhs.api.responses import error_body

LOOPBACK = ("127.", "::1", "localhost", "testclient")  # testclient: Starlette's in-process client


@dataclass(frozen=True)
class Limits:
    """Every limit, with the environment variable that overrides it (LOCALNHS_ + upper-case name)."""

    max_body_bytes: int = 2_000_000        # 10,000 postcodes are ~120 kB
    request_timeout_s: float = 60.0        # a 10,000-postcode bulk lookup takes ~10 s on 2 cores
    bulk_concurrency: int = 2              # bulk requests working at once
    bulk_budget: int = 20_000              # postcodes (or geolocations) in flight across them
    rate_per_s: float = 50.0               # per client address; 0 turns rate limiting off
    rate_burst: int = 200
    rate_loopback: bool = False            # loopback clients are not rate limited unless this is on
    pdf_concurrency: int = 1               # briefing PDFs rendering at once
    pdf_queue: int = 4                     # PDFs waiting for a turn before more are refused
    pdf_cache: int = 64                    # rendered PDFs kept (per build)
    header_timeout_s: float = 10.0         # a connection must send a whole request head within this
    keep_alive_s: float = 5.0              # idle keep-alive connections are closed after this
    max_header_bytes: int = 16_384         # request line + headers

    @classmethod
    def from_env(cls, environ=None, **overrides) -> "Limits":
        env = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = env.get("LOCALNHS_" + f.name.upper())
            if raw is None:
                continue
            kind = type(f.default)
            try:
                values[f.name] = (raw.strip().lower() in ("1", "true", "yes", "on")) if kind is bool else kind(raw)
            except ValueError:
                raise ValueError(f"LOCALNHS_{f.name.upper()}={raw!r} is not a {kind.__name__}") from None
        values.update(overrides)
        return cls(**values)


BULK_PATHS = {"/api/places:bulk", "/api/v1/places:bulk", "/postcodesio/postcodes", "/postcodes"}


def _shape(path: str, status: int, code: str, message: str) -> bytes:
    if path.startswith("/postcodesio/") or path == "/postcodes":
        return orjson.dumps({"status": status, "error": message})
    return orjson.dumps(error_body(status, code, message))


async def refuse(send, path: str, status: int, code: str, message: str, retry_after: float | None = None,
                 extra_headers=()) -> None:
    body = _shape(path, status, code, message)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"cache-control", b"no-store"), *extra_headers]
    if retry_after is not None:
        headers.append((b"retry-after", str(max(1, math.ceil(retry_after))).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class TokenBuckets:
    """One bucket per client address: `rate` tokens a second up to `burst`; at most `size` clients kept."""

    def __init__(self, rate: float, burst: int, size: int = 10_000):
        self.rate, self.burst, self.size = rate, burst, size
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str, now: float | None = None) -> float:
        """0 when the request may go ahead, else the seconds until it may."""
        now = time.monotonic() if now is None else now
        tokens, last = self.buckets.pop(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate
        self.buckets[client] = (tokens, now)
        while len(self.buckets) > self.size:
            self.buckets.popitem(last=False)
        return wait


def bulk_cost(body: bytes) -> int:
    """How many lookups a bulk body asks for (1 if it cannot be read: the route will refuse it)."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        return 1
    if isinstance(data, dict):
        items = data.get("postcodes") if data.get("postcodes") is not None else data.get("geolocations")
        if isinstance(items, list):
            return max(1, len(items))
    return 1


class BulkGate:
    def __init__(self, concurrency: int, budget: int):
        self.concurrency, self.budget = concurrency, budget
        self.active, self.cost = 0, 0
        self.started: list[float] = []

    def admit(self, cost: int) -> bool:
        if self.active >= self.concurrency or (self.active and self.cost + cost > self.budget):
            return False
        self.active += 1
        self.cost += cost
        return True

    def release(self, cost: int) -> None:
        self.active -= 1
        self.cost -= cost


class PdfGate:
    def __init__(self, concurrency: int, queue: int, cache: int):
        self.sem = asyncio.Semaphore(concurrency)
        self.queue, self.waiting, self.cache_size = queue, 0, cache
        self.cache: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()

    def get(self, key):
        hit = self.cache.get(key)
        if hit is not None:
            self.cache.move_to_end(key)
        return hit

    def put(self, key, value) -> None:
        self.cache[key] = value
        while len(self.cache) > self.cache_size:
            self.cache.popitem(last=False)


def new_counts() -> dict:
    """What the limits did, by kind (shown at /readyz and /metrics)."""
    return {"rate_limited": 0, "too_large": 0, "bulk_refused": 0, "pdf_refused": 0, "pdf_cache_hits": 0,
            "timed_out": 0, "client_gone": 0, "work_stopped": 0, "bulk_in_flight": 0}


class AdmissionMiddleware:
    """The checks every request passes before anything answers it, cached answers included: the
    per-client rate limit and the size of a request head that arrived whole. Cheap (no task, no
    body read), so it sits outside the answer cache; LimitsMiddleware does the rest inside it."""

    def __init__(self, app, *, limits: Limits, counts: dict | None = None):
        self.app, self.limits = app, limits
        self.rate = TokenBuckets(limits.rate_per_s, limits.rate_burst) if limits.rate_per_s > 0 else None
        self.counts = counts if counts is not None else new_counts()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        lim, path = self.limits, scope["path"]
        client = (scope.get("client") or ("",))[0] or ""
        if self.rate is not None and (lim.rate_loopback or not client.startswith(LOOPBACK)):
            wait = self.rate.take(client)
            if wait:
                self.counts["rate_limited"] += 1
                return await refuse(send, path, 429, "rate_limited",
                                    f"Too many requests from {client}: at most {lim.rate_per_s:g} a second "
                                    f"(bursts of {lim.rate_burst}).", retry_after=wait)
        # h11 bounds a request head that arrives in pieces; one that arrives whole is measured here.
        head = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") + sum(
            len(k) + len(v) + 4 for k, v in scope["headers"])
        if head > lim.max_header_bytes:
            return await refuse(send, path, 431, "headers_too_large",
                                f"The request line and headers are {head:,} bytes; at most "
                                f"{lim.max_header_bytes:,} are accepted.", extra_headers=[(b"connection", b"close")])
        await self.app(scope, receive, send)


class LimitsMiddleware:
    """Body size, bulk budget, PDF rendering, request timeouts and cancellation when the client
    goes away (inside the answer cache: a cached answer needs none of them). build_id: a callable
    giving the id of the build serving now (keys the PDF cache)."""

    def __init__(self, app, *, limits: Limits, build_id, counts: dict | None = None):
        self.app, self.limits, self.build_id = app, limits, build_id
        self.bulk = BulkGate(limits.bulk_concurrency, limits.bulk_budget)
        self._pdf: PdfGate | None = None  # made on first use, inside the server's event loop
        self.counts = counts if counts is not None else new_counts()

    @property
    def pdf(self) -> PdfGate:
        if self._pdf is None:
            self._pdf = PdfGate(self.limits.pdf_concurrency, self.limits.pdf_queue, self.limits.pdf_cache)
        return self._pdf

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        lim, path = self.limits, scope["path"]
        deadline = time.monotonic() + lim.request_timeout_s

        # The body, whole, before the app runs (it is small or refused).
        length = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if length is not None and length.isdigit() and int(length) > lim.max_body_bytes:
            self.counts["too_large"] += 1
            return await refuse(send, path, 413, "payload_too_large", self._too_large(int(length)),
                                extra_headers=[(b"connection", b"close")])
        chunks, size, more = [], 0, True
        if scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE") and length is None:
            more = False  # nothing to read; a body-less request's first message is the end
            first = None
        else:
            first = True
        while more:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                self.counts["timed_out"] += 1
                return await refuse(send, path, 408, "request_timeout",
                                    f"The request body did not arrive within {lim.request_timeout_s:g} s.",
                                    extra_headers=[(b"connection", b"close")])
            if message["type"] == "http.disconnect":
                self.counts["client_gone"] += 1
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > lim.max_body_bytes:
                self.counts["too_large"] += 1
                return await refuse(send, path, 413, "payload_too_large", self._too_large(size, at_least=True),
                                    extra_headers=[(b"connection", b"close")])
            more = message.get("more_body", False)
        body = b"".join(chunks) if first else b""

        # Admission: bulk budget and PDF rendering.
        release = None
        if scope["method"] == "POST" and path in BULK_PATHS:
            cost = bulk_cost(body)
            if not self.bulk.admit(cost):
                self.counts["bulk_refused"] += 1
                return await refuse(send, path, 429, "too_busy",
                                    f"The server is already working on {self.bulk.active} bulk request(s) "
                                    f"({self.bulk.cost:,} lookups, budget {lim.bulk_budget:,}); "
                                    "try again shortly.", retry_after=max(1.0, self.bulk.cost / 2000))
            self.counts["bulk_in_flight"] = self.bulk.active

            def release():
                self.bulk.release(cost)
                self.counts["bulk_in_flight"] = self.bulk.active
        elif scope["method"] in ("GET", "HEAD") and path.endswith("/briefing.pdf"):
            return await self._pdf_request(scope, receive, send, body, deadline)
        await self._run(scope, receive, send, body, deadline, release)

    def _too_large(self, size: int, at_least: bool = False) -> str:
        return (f"The request body is {'over ' if at_least else ''}{size:,} bytes; at most "
                f"{self.limits.max_body_bytes:,} are accepted (10,000 postcodes fit in about 120,000).")

    async def _pdf_request(self, scope, receive, send, body, deadline):
        gate, path = self.pdf, scope["path"]
        key = (self.build_id(), path, scope.get("query_string", b""), scope["method"])
        hit = gate.get(key)
        if hit is not None:
            self.counts["pdf_cache_hits"] += 1
            status, headers, content = hit
            await send({"type": "http.response.start", "status": status, "headers": headers + [(b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": content})
            return
        if gate.sem.locked() and gate.waiting >= gate.queue:
            self.counts["pdf_refused"] += 1
            return await refuse(send, path, 429, "too_busy",
                                f"{gate.waiting} briefing PDFs are already waiting to be made; try again shortly.",
                                retry_after=5)
        gate.waiting += 1
        try:
            await asyncio.wait_for(gate.sem.acquire(), max(0.0, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            self.counts["timed_out"] += 1
            return await refuse(send, path, 503, "timeout", "No turn to make the PDF came in time; try again.",
                                retry_after=5)
        finally:
            gate.waiting -= 1
        captured: dict = {"body": []}

        async def capture(message):
            if message["type"] == "http.response.start":
                captured["status"], captured["headers"] = message["status"], list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                captured["body"].append(message.get("body", b""))
            await send(message)

        def done():
            gate.sem.release()
            if captured.get("status") == 200:
                gate.put(key, (200, captured["headers"], b"".join(captured["body"])))

        await self._run(scope, receive, capture, body, deadline, done)

    async def _run(self, scope, receive, send, body, deadline, release):
        """Run the app with the body replayed; cancel it on timeout or when the client goes away.
        `release` runs when the app's work has really ended (a worker thread finishes its job first)."""
        cancelled = threading.Event()
        st = scope.setdefault("state", {})
        st["cancelled"], st["limit_counts"] = cancelled, self.counts
        gone = asyncio.Event()
        sent_body = False
        state = {"started": False, "closed": False}

        async def replay():
            nonlocal sent_body
            if not sent_body:
                sent_body = True
                return {"type": "http.request", "body": body, "more_body": False}
            await gone.wait()
            return {"type": "http.disconnect"}

        async def guarded_send(message):
            if state["closed"]:
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        async def watch():
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return

        task = asyncio.ensure_future(self.app(scope, replay, guarded_send))
        if release is not None:
            task.add_done_callback(lambda t: release())
        watcher = asyncio.ensure_future(watch())
        try:
            done, _ = await asyncio.wait({task, watcher}, timeout=max(0.0, deadline - time.monotonic()),
                                         return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            cancelled.set()
            task.cancel()
            watcher.cancel()
            raise
        if task in done:
            watcher.cancel()
            return task.result()
        # The client left, or time ran out: stop the work, answer (if anyone is listening), move on.
        cancelled.set()
        gone.set()
        task.cancel()
        task.add_done_callback(_quiet)
        if watcher in done:
            self.counts["client_gone"] += 1
            state["closed"] = True
            return
        watcher.cancel()
        self.counts["timed_out"] += 1
        started = state["started"]
        state["closed"] = True
        if not started:
            await refuse(send, scope["path"], 503, "timeout",
                         f"The answer took longer than {self.limits.request_timeout_s:g} s and was stopped; "
                         "ask for less at once, or try again later.", retry_after=10,
                         extra_headers=[(b"connection", b"close")])


def _quiet(task: asyncio.Future) -> None:
    if not task.cancelled():
        task.exception()  # retrieved, so asyncio does not log it as never retrieved


class Cancelled(Exception):
    """Raised inside a worker thread when its request was cancelled (client gone or timed out)."""


def check_cancelled(request) -> None:
    ev = getattr(request.state, "cancelled", None)
    if ev is not None and ev.is_set():
        counts = getattr(request.state, "limit_counts", None)
        if counts is not None:
            counts["work_stopped"] += 1
        raise Cancelled()


# ----------------------------------------------------------------- the HTTP server's own guards


def uvicorn_options(limits: Limits | None = None, http: str = "httptools") -> dict:
    """uvicorn.run(**options): the HTTP protocol (httptools, or h11) guarded with a header timeout,
    a header-size limit and malformed requests answered in the API's error shape; an idle timeout."""
    limits = limits or Limits.from_env()
    return {"http": _protocol(limits, http), "timeout_keep_alive": max(1, int(limits.keep_alive_s)),
            "h11_max_incomplete_event_size": limits.max_header_bytes, "timeout_graceful_shutdown": 10,
            "log_config": None}  # keep the JSON logging set up by api/observe.py


def _protocol(limits: Limits, http: str = "httptools"):
    head_timeout, max_head = limits.header_timeout_s, limits.max_header_bytes
    bad_request = orjson.dumps(error_body(400, "bad_request", "The request could not be read as HTTP/1.1 "
                                          "(malformed request line or headers, or headers too large)."))
    too_slow = orjson.dumps(error_body(408, "request_timeout",
                                       f"No complete request head arrived within {head_timeout:g} s."))
    if http == "httptools":
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as Base
    else:
        from uvicorn.protocols.http.h11_impl import H11Protocol as Base

    class Guarded(Base):
        """Closes a connection that has not sent a whole request head within header_timeout_s
        (from connecting, or from a request's first byte); refuses a head over max_header_bytes;
        answers bad requests in the error shape."""

        _head_timer = None
        _head_started = 0.0
        _head_bytes = 0
        _in_head = True

        def connection_made(self, transport):
            from localnhs.api.corked import CorkedTransport

            # a response's head and body in one send (api/corked.py)
            super().connection_made(CorkedTransport(transport, self.loop))
            self._head_started = self.loop.time()
            self._arm(head_timeout)

        # One timer per connection, not one per request: a request head that begins records when,
        # and a pending timer that fires early (it was armed for an earlier head) waits out the rest
        # of this head's time. Scheduling and cancelling a timer for every request of a keep-alive
        # connection was ~3% of the server's time per cached answer.
        def _arm(self, delay):
            if self._head_timer is None:
                self._head_timer = self.loop.call_later(delay, self._head_timeout)

        def _disarm(self):
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        # httptools: the parser's callbacks say where a head begins and ends
        def on_message_begin(self):
            self._in_head, self._head_bytes = True, 0
            self._head_started = self.loop.time()
            self._arm(head_timeout)
            super().on_message_begin()

        def on_url(self, url):
            self._count(len(url))
            super().on_url(url)

        def on_header(self, name, value):
            self._count(len(name) + len(value) + 4)
            super().on_header(name, value)

        def on_headers_complete(self):
            self._in_head = False
            super().on_headers_complete()

        def _count(self, n):
            self._head_bytes += n
            if self._head_bytes > max_head and not self.transport.is_closing():
                self._write_raw(400, bad_request)

        def data_received(self, data):
            super().data_received(data)
            if http != "httptools":  # h11: its state says whether the head is complete
                import h11

                if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                    self._arm(head_timeout)
                else:
                    self._disarm()

        def connection_lost(self, exc):
            self._disarm()
            super().connection_lost(exc)

        def _head_timeout(self):
            self._head_timer = None
            if self.transport.is_closing():
                return
            if http == "httptools":
                if not self._in_head:
                    return
                left = self._head_started + head_timeout - self.loop.time()
                if left > 0:  # armed for an earlier head: this one still has time
                    self._arm(left)
                    return
            else:
                import h11

                if self.conn.their_state is not h11.IDLE:
                    return
            if self.cycle is not None and not self.cycle.response_complete:
                return  # a response is still being written
            self._write_raw(408, too_slow)

        def send_400_response(self, msg: str) -> None:
            self._write_raw(400, bad_request)

        def _write_raw(self, status: int, body: bytes) -> None:
            reason = {400: b"Bad Request", 408: b"Request Timeout"}[status]
            self.transport.write(b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
                                 b"connection: close\r\n\r\n%s" % (status, reason, len(body), body))
            self.transport.close()

    return Guarded
