"""What the server did, for operators: a request id on every request, structured JSON logs,
and Prometheus metrics at /metrics.

- X-Request-Id: taken from the request when it is a sane token (letters, digits, `._:-`, at most
  128), else made here; echoed on the response and on every log line written while serving it.
- Logs (JSON, one object a line, on stderr under `localnhs serve`): `localnhs.access` for each
  request (method, path, status, duration, bytes, client, build, request id), and errors with
  their full traceback. A client never sees a traceback: an unexpected exception answers 500 in
  the error shape with the request id to quote.
- /metrics: request latency histogram by route and method, responses by status, the build's age,
  reloads, and what the limits refused (api/limits.py), in the Prometheus text format.
"""

from __future__ import annotations

import asyncio
import atexit
import contextvars
import datetime as dt
import json
import logging
import os
import re
import sys
import time
import traceback

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import Response

from localnhs.api.responses import error_body

REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("localnhs_request_id", default=None)
_SANE = re.compile(rb"^[A-Za-z0-9._:-]{1,128}$")
error_log = logging.getLogger("localnhs.error")


# ----------------------------------------------------------------------------- logs


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, extra fields, traceback."""

    SKIP = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}

    def format(self, record: logging.LogRecord) -> str:
        out = {"ts": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
               "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()}
        rid = getattr(record, "request_id", None) or REQUEST_ID.get()
        if rid:
            out["request_id"] = rid
        for k, v in vars(record).items():
            if k not in self.SKIP and k not in out:
                out[k] = v
        if record.exc_info:
            out["traceback"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(out, default=str, ensure_ascii=False)


def configure_logging(stream=None, access: bool = True) -> None:
    """JSON lines on stderr for localnhs's loggers and uvicorn's errors (uvicorn's own access log
    off); the access lines through AccessLog (below) onto the same stream, or none when not access."""
    global ACCESS
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("localnhs", "uvicorn.error", "uvicorn"):
        lg = logging.getLogger(name)
        lg.handlers[:] = [handler]
        lg.propagate = False
        lg.setLevel(logging.INFO)
    logging.getLogger("uvicorn.access").disabled = True
    if ACCESS is not None:
        ACCESS.flush()
    ACCESS = AccessLog(stream or sys.stderr) if access else None


class AccessLog:
    """The access log: one JSON object a line (the fields JsonFormatter gives a record of the
    `localnhs.access` logger), written to the stream in batches. Every request writes one, so it
    is made directly with orjson and buffered: through logging (a LogRecord, the formatter, a flush
    per line) it was ~19% of the server's time per cached answer (py-spy, 64 connections). A line
    reaches the stream at most FLUSH_S after its request ended (an event-loop timer), at once when
    the buffer passes FLUSH_BYTES, and at exit; error lines are not delayed, so within FLUSH_S an
    error line can come before the access lines of requests that ended just before it."""

    FLUSH_S = 0.2
    FLUSH_BYTES = 64 * 1024

    def __init__(self, stream):
        self.stream = stream
        self.binary = getattr(stream, "buffer", None)
        self.pending = bytearray()
        self.timer = None

    def write(self, fields: dict) -> None:
        try:
            self.pending += orjson.dumps(fields, default=str)
        except TypeError:  # text orjson refuses (a lone surrogate): the standard library's encoder
            self.pending += json.dumps(fields, default=str, ensure_ascii=False).encode("utf-8", "backslashreplace")
        self.pending += b"\n"
        if len(self.pending) >= self.FLUSH_BYTES:
            self.flush()
        elif self.timer is None:
            try:
                self.timer = asyncio.get_running_loop().call_later(self.FLUSH_S, self.flush)
            except RuntimeError:  # no event loop in this thread: write it now
                self.flush()

    def flush(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if not self.pending:
            return
        data, self.pending = bytes(self.pending), bytearray()
        try:
            if self.binary is not None:
                self.stream.flush()  # what went through the text layer first stays first
                self.binary.write(data)
                self.binary.flush()
            else:
                self.stream.write(data.decode("utf-8", "replace"))
                self.stream.flush()
        except (OSError, ValueError):
            pass  # a closed stream (exit): nothing to keep the lines in


ACCESS: AccessLog | None = None


def flush_access() -> None:
    """Write the access lines still buffered (at the server's shutdown)."""
    if ACCESS is not None:
        ACCESS.flush()


atexit.register(flush_access)  # the log in use at exit (configure_logging flushes the one it replaces)


_second: list = [None, ""]


def _now_iso() -> str:
    """datetime.now(utc).isoformat(timespec="milliseconds"), the date and time made once a second."""
    now = time.time()
    sec = int(now)
    if sec != _second[0]:
        _second[0], _second[1] = sec, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec))
    return f"{_second[1]}.{int((now - sec) * 1000):03d}+00:00"


# ----------------------------------------------------------------------------- metrics


class Metrics:
    """The app's own registry (several apps in one process - the tests - never collide)."""

    def __init__(self, app):
        from prometheus_client import CollectorRegistry, Counter, Histogram
        from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

        self.registry = CollectorRegistry(auto_describe=True)
        self.latency = Histogram("localnhs_request_duration_seconds", "Time to answer a request, by route.",
                                 ["method", "route"], registry=self.registry,
                                 buckets=(.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60))
        self.responses = Counter("localnhs_responses_total", "Responses sent, by status code.", ["status"],
                                 registry=self.registry)
        self._latency: dict = {}
        self._responses: dict = {}
        self.exceptions = Counter("localnhs_unhandled_exceptions_total", "Requests that raised (answered 500).",
                                  registry=self.registry)

        class State:
            def collect(self):
                db = app.state.db
                build = db.current
                age = build.age_seconds()
                g = GaugeMetricFamily("localnhs_build_age_seconds", "Age of the build being served.", labels=["build"])
                if age is not None:
                    g.add_metric([build.build_id], age)
                yield g
                yield GaugeMetricFamily("localnhs_build_served_seconds", "Seconds since this build began serving.",
                                        value=time.time() - build.opened_at)
                yield CounterMetricFamily("localnhs_reloads", "New builds swapped in while serving.", value=db.reloads)
                counts = getattr(app.state, "limit_counts", {})
                c = CounterMetricFamily("localnhs_limit_events", "What the limits did, by kind.", labels=["kind"])
                for kind, n in counts.items():
                    if kind != "bulk_in_flight":
                        c.add_metric([kind], n)
                yield c
                yield GaugeMetricFamily("localnhs_bulk_in_flight", "Bulk requests being worked on.",
                                        value=counts.get("bulk_in_flight", 0))

            def describe(self):
                return []

        self.registry.register(State())

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """One response: its latency by (method, route) and its status. The labelled children are
        kept in dicts of our own (prometheus_client's labels() takes a lock and checks its
        arguments on every call)."""
        timer = self._latency.get((method, route))
        if timer is None:
            timer = self._latency[(method, route)] = self.latency.labels(method, route)
        timer.observe(seconds)
        counter = self._responses.get(status)
        if counter is None:
            counter = self._responses[status] = self.responses.labels(str(status))
        counter.inc()

    def text(self) -> bytes:
        from prometheus_client import generate_latest

        return generate_latest(self.registry)


router = APIRouter(include_in_schema=False)


@router.get("/metrics")
def metrics(request: Request):
    from prometheus_client import CONTENT_TYPE_LATEST

    return Response(request.app.state.metrics.text(), media_type=CONTENT_TYPE_LATEST,
                    headers={"cache-control": "no-store"})


# ----------------------------------------------------------------------------- the middleware


def internal_error_body(request_id: str | None) -> dict:
    """What a client sees of an unexpected error: the error shape and the request id to quote."""
    return error_body(500, "internal_error", "Something went wrong on our side; quote the request id if you "
                      "report it.", request_id=request_id)


class ObserveMiddleware:
    """Outermost: request id, access log, metrics; an exception becomes a logged 500 in the error shape."""

    METHODS = {"GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"}

    def __init__(self, app, *, metrics: Metrics, build_id, routes=None):
        self.app, self.metrics, self.build_id = app, metrics, build_id
        self.routes = routes          # callable giving the app's routes (for the route label)
        self._table: list | None = None
        self._labels: dict = {}  # (path, status) -> label, for paths asked again (emptied at LABELS_KEPT)

    LABELS_KEPT = 20_000

    def route_label(self, path: str, status) -> str:
        """The route template a path matched (bounded label set), e.g. /api/v1/places/{postcode}."""
        key = (path, status == 404)
        label = self._labels.get(key)
        if label is None:
            if len(self._labels) >= self.LABELS_KEPT:
                self._labels.clear()
            label = self._labels[key] = self._match(path, status)
        return label

    def _match(self, path: str, status) -> str:
        if self._table is None:
            from fastapi.routing import iter_route_contexts
            from starlette.routing import compile_path

            self._table = [(compile_path(c.path)[0], c.path) for c in iter_route_contexts(self.routes())
                           if c.path and c.path != "/"] if self.routes else []
        for regex, template in self._table:
            if regex.match(path):
                return template
        return "/" if path == "/" else ("unmatched" if status == 404 else "other")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        rid = next((v for k, v in scope["headers"] if k == b"x-request-id"), None)
        rid = rid.decode() if rid is not None and _SANE.match(rid) else os.urandom(16).hex()
        token = REQUEST_ID.set(rid)
        scope.setdefault("state", {})["request_id"] = rid
        start = time.perf_counter()
        seen = {"status": None, "bytes": 0}
        rid_header = (b"x-request-id", rid.encode())

        async def send_observed(message):
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                message = {**message, "headers": [*message.get("headers", []), rid_header]}
            elif message["type"] == "http.response.body":
                seen["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_observed)
        except Exception as exc:
            self.metrics.exceptions.inc()
            error_log.error("unhandled %s on %s %s", type(exc).__name__, scope["method"], scope["path"],
                            exc_info=True, extra={"request_id": rid})
            if seen["status"] is None:
                body = orjson.dumps(internal_error_body(rid))
                seen["status"] = 500
                await send({"type": "http.response.start", "status": 500,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode()), rid_header]})
                await send({"type": "http.response.body", "body": body})
        finally:
            REQUEST_ID.reset(token)
            took = time.perf_counter() - start
            status = seen["status"] or 499  # 499: the client went away before an answer
            label = self.route_label(scope["path"], status)
            method = scope["method"] if scope["method"] in self.METHODS else "other"
            self.metrics.observe(method, label, status, took)
            if ACCESS is not None:
                client = scope.get("client") or ("", 0)
                ACCESS.write({
                    "ts": _now_iso(), "level": "info", "logger": "localnhs.access",
                    "message": f"{scope['method']} {scope['path']} {status}", "request_id": rid,
                    "method": scope["method"], "path": scope["path"],
                    "query": scope.get("query_string", b"").decode("latin-1"), "status": status,
                    "duration_ms": round(took * 1000, 2), "bytes": seen["bytes"], "client": client[0],
                    "build": self.build_id()})
