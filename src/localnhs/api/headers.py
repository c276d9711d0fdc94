"""Response headers for every request, as plain ASGI middleware (no per-request task or body
copying): CSP and friends, Server-Timing, and ETag / Cache-Control for GET.

The database is read-only for the life of a build, so a GET's ETag is known before the app
runs (build id + path + query): a matching If-None-Match is answered 304 straight away.
"""

from __future__ import annotations

import hashlib
import time


def etag(build: bytes, path: str, query_string: bytes) -> bytes:
    """A GET's ETag: the build id leads it (a new build never matches an old tag), then a hash of
    the build, path and query."""
    key = f"{build!r}|{path}|{query_string.decode('latin-1')}"
    return b'"' + build + b"-" + hashlib.sha1(key.encode()).hexdigest()[:16].encode() + b'"'


class HeadersMiddleware:
    """build_id: a callable giving the id of the build serving now (it changes on a hot reload)."""

    def __init__(self, app, *, build_id, csp: str):
        self.app, self.csp = app, csp.encode()
        self.build_id = build_id if callable(build_id) else (lambda: build_id)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        head = scope["method"] == "HEAD"
        if head:  # HEAD is GET without the body (the routes are declared for GET only)
            scope = {**scope, "method": "GET"}
        path = scope["path"]
        is_get = scope["method"] == "GET"
        build = self.build_id().encode("ascii", "replace")
        tag = None
        any_tag = False  # If-None-Match: * - any current representation matches (RFC 9110 13.1.2)
        if is_get:
            tag = etag(build, path, scope.get("query_string", b""))
            for name, value in scope["headers"]:
                if name == b"if-none-match":
                    tags = [t.strip().removeprefix(b"W/") for t in value.split(b",")]
                    if tag in tags:
                        await send({"type": "http.response.start", "status": 304,
                                    "headers": [(b"etag", tag), (b"cache-control", b"public, max-age=3600"),
                                                (b"x-data-build", build)]})
                        await send({"type": "http.response.body", "body": b""})
                        return
                    any_tag = any_tag or b"*" in tags
        start = time.perf_counter()
        swallow = False

        async def send_with_headers(message):
            nonlocal swallow
            if swallow:
                if message["type"] == "http.response.body" and not message.get("more_body"):
                    await send({"type": "http.response.body", "body": b""})
                return
            if message["type"] == "http.response.start" and any_tag and message["status"] == 200:
                swallow = True
                await send({"type": "http.response.start", "status": 304,
                            "headers": [(b"etag", tag), (b"x-data-build", build)]})
                return
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers.append((b"x-data-build", build))
                headers.append((b"server-timing", f"app;dur={(time.perf_counter() - start) * 1000:.2f}".encode()))
                if not path.startswith("/api/docs"):
                    headers.append((b"content-security-policy", self.csp))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
                if is_get and message["status"] == 200 and b"etag" not in names:
                    headers.append((b"etag", tag))
                    if b"cache-control" not in names:
                        headers.append((b"cache-control", b"public, max-age=3600"))
                message = {**message, "headers": headers}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)
