"""The most recently asked place answers, worked out on a new build before it serves.

A hot reload empties the answer cache (api/cache.py): every answer is then asked for the first time
again, and under load each request waited behind those first answers for seconds after a swap
(``make load``). So, before the switch, while the old build still answers, the reload's thread
works out the old build's most recently used JSON place answers again on the new build - the
same function the route calls (routes.place_answer), so the bytes are the new build's own - and
offers them to the cache, which takes them in when the first request of the new build comes.

An entry's headers are the old entry's, which the same layers gave the same request, with what
depends on the build put right: ``X-Data-Build``, the ``ETag`` (api/headers.etag) and
``Content-Length``. Bounded by time (the new build must serve within seconds) and by the cache's
own size; an answer the new build refuses is left out (its request is worked out when it comes).
"""

from __future__ import annotations

import logging
import time
import urllib.parse

from localnhs.api import cache as cache_mod
from localnhs.api.headers import etag
from localnhs.query.errors import QueryError

log = logging.getLogger(__name__)
PREFIXES = ("/api/places/", "/api/v1/places/")


def _as_of(query_string: bytes) -> str | None:
    """as_of as the route reads it: the last one (Starlette's query_params.get)."""
    found = None
    for name, value in urllib.parse.parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if name == "as_of":
            found = value
    return found


def carry(cache: cache_mod.AnswerCache, old_build: str, new_build: str, conn, budget_s: float) -> dict:
    """Work out the old build's most recent place answers on ``conn`` (the new build's) for about
    ``budget_s`` seconds and offer them to ``cache`` for ``new_build``; returns counts (logged)."""
    from localnhs.api.routes import place_answer

    start = time.perf_counter()
    build = new_build.encode("ascii", "replace")
    entries, tried, refused = [], 0, 0
    for key, (status, headers, _, _, _) in cache.recent(old_build, PREFIXES):
        if time.perf_counter() - start > budget_s:
            break
        _, day, path, query_string, origin = key
        tried += 1
        prefix = next(p for p in PREFIXES if path.startswith(p))
        try:
            body = place_answer(conn, path[len(prefix):], _as_of(query_string)).body
        except QueryError:
            refused += 1
            continue
        rebuilt = {b"x-data-build": build, b"etag": etag(build, path, query_string),
                   b"content-length": str(len(body)).encode()}
        kept = [(k, rebuilt.get(k.lower(), v)) for k, v in headers]
        packed = cache_mod._pack(body)
        entries.append(((new_build, day, path, query_string, origin),
                        (status, kept, packed, len(packed) + 200, len(body))))
    entries.reverse()  # the least recently used first, so the cache keeps the same order
    cache.offer(new_build, entries)
    done = {"carried": len(entries), "tried": tried, "refused": refused,
            "seconds": round(time.perf_counter() - start, 3)}
    log.info("carried answers to build %s: %s", new_build, done)
    return done
