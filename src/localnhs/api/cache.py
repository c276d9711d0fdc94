"""A bounded cache of rendered answers, as plain ASGI middleware.

A place's answer (JSON at /api/places/{pc}, the page at /places/{pc}; and /national) depends only on the
postcode, the date asked about (the query string; no date means today) and the database build,
which is read-only for its life. So a rendered 200 response is kept, keyed by
(build id, today's date, path, query string), and the next identical request is answered from
memory without running the app. A new build (hot reload) changes the key, and the cache is
emptied the first time a request sees it. Bodies are kept LZ4-compressed (a 27 KB answer
unpacks in ~10 µs, against ~80 µs for zlib, for about a third more memory) and the total is
bounded in bytes; the least recently used answers go first. LZ4 comes from the lz4 package (a
block per body), not pyarrow's codec: importing pyarrow would map ~20 MB of Arrow libraries
into a server that has no other use for them.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

try:
    import lz4.block

    def _pack(raw: bytes) -> bytes:
        return lz4.block.compress(raw, store_size=False)

    def _unpack(packed: bytes, size: int) -> bytes:
        return lz4.block.decompress(packed, uncompressed_size=size)
except ImportError:  # an environment made before lz4 joined the dependencies: pyarrow's codec
    import pyarrow as pa

    _LZ4 = pa.Codec("lz4")

    def _pack(raw: bytes) -> bytes:
        return _LZ4.compress(raw, asbytes=True)

    def _unpack(packed: bytes, size: int) -> bytes:
        return _LZ4.decompress(packed, size, asbytes=True)
HIT_HEADERS = [(b"server-timing", b'cache;desc="answer cache"'), (b"x-cache", b"hit")]
CACHED_PREFIXES = ("/api/places/", "/api/v1/places/", "/places/")
CACHED_PATHS = frozenset({"/national"})  # whole pages that depend only on the build, the day and the query
MAX_BYTES = 48 * 1024 * 1024


def cacheable(path: str) -> bool:
    """A single place's answer or page (not the bulk route, briefings or sub-pages), or one of
    CACHED_PATHS."""
    if path in CACHED_PATHS:
        return True
    for prefix in CACHED_PREFIXES:
        if path.startswith(prefix):
            rest = path[len(prefix):]
            return bool(rest) and "/" not in rest and not rest.endswith(".pdf")
    return False


class AnswerCache:
    """build_id: a callable giving the id of the build serving now."""

    def __init__(self, app, *, build_id, max_bytes: int = MAX_BYTES):
        self.app, self.build_id, self.max_bytes = app, build_id, max_bytes
        self.entries: OrderedDict = OrderedDict()
        self.bytes = 0
        self.build = None
        self.hits = self.misses = 0
        self.offered: dict = {}  # build id -> [(key, entry)] worked out before it serves (api/carry.py)

    def _put(self, key, value, size) -> None:
        if size > self.max_bytes // 8:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.bytes -= old[3]
        self.entries[key] = value
        self.bytes += size
        while self.bytes > self.max_bytes and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.bytes -= dropped[3]

    def clear(self) -> None:
        self.entries.clear()
        self.bytes = 0

    def recent(self, build: str, prefixes: tuple[str, ...]) -> list:
        """(key, entry) of the build's answers under the path prefixes, the most recently used first."""
        return [(k, v) for k, v in reversed(list(self.entries.items())) if k[0] == build and k[2].startswith(prefixes)]

    def offer(self, build: str, entries: list) -> None:
        """Answers of a build that does not serve yet, put in when its first request comes (called
        from a reload's thread: one assignment)."""
        self.offered = {build: entries}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or not cacheable(scope["path"]):
            return await self.app(scope, receive, send)
        origin = False
        for name, _ in scope["headers"]:
            if name == b"if-none-match":  # the headers layer inside answers 304s (or 200s) itself
                return await self.app(scope, receive, send)
            origin = origin or name == b"origin"  # CORS headers are sent only to a request with an Origin
        build = self.build_id()
        if build != self.build:
            self.clear()
            self.build = build
            for k, v in self.offered.pop(build, ()):  # oldest first: the most recent end up newest
                self._put(k, v, v[3])
        key = (build, dt.date.today().toordinal(), scope["path"], scope.get("query_string", b""), origin)
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            self.hits += 1
            status, headers, packed, size, raw_size = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": _unpack(packed, raw_size)})
            return
        self.misses += 1
        start: dict = {}
        chunks: list[bytes] = []

        async def keep(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200 and self.build_id() == build:
                    given = start.get("headers", [])
                    if not any(k.lower() == b"set-cookie" for k, _ in given):
                        headers = [(k, v) for k, v in given if k.lower() != b"server-timing"] + HIT_HEADERS
                        raw = b"".join(chunks)
                        packed = _pack(raw)
                        self._put(key, (200, headers, packed, len(packed) + 200, len(raw)), len(packed) + 200)
            await send(message)

        await self.app(scope, receive, keep)
