"""A postcodes.io-compatible API, so existing clients and scripts work by changing one URL.

Mounted under /postcodesio (and at the root with `localnhs serve --postcodesio-root`).
Same routes, parameters, limits and messages as postcodes.io's published API:
{"status": 200, "result": ...}, bulk [{"query", "result"}], errors {"status", "error"}.
Beyond it: ``as_of=YYYY-MM-DD`` on every route, ``nhs=true`` adds the NHS bodies,
bulk lookups take 10,000 postcodes, ``codes.icb_id`` is the ICB's ODS code.
Handlers never raise: every answer, including errors, is built here in postcodes.io's shape.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import Response

from localnhs.query import postcode as pc
from localnhs.query import postcodesio as q
from localnhs.query.dates import parse
from localnhs.query.errors import QueryError

PREFIX = "/postcodesio"
BULK_POSTCODES_MAX = 10_000
BULK_GEOLOCATIONS_MAX = 1_000
NEAREST = {"limit": (10, 100), "radius": (100, 2000)}
NEAREST_OUTCODES = {"limit": (10, 100), "radius": (5000, 25000)}
SEARCH_LIMIT = (10, 100)
WIDE_RADIUS, WIDE_LIMIT = 20_000, 10
GEO_QUERY_KEYS = ("limit", "longitude", "latitude", "radius", "widesearch")

INVALID_JSON = ("Invalid JSON query submitted. \nYou need to submit a JSON object with an array of postcodes or "
                "geolocation objects.\nAlso ensure that Content-Type is set to application/json\n")


class Problem(Exception):
    """An error answered in postcodes.io's shape."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


# A query of only these is no query: the white space of JavaScript's trim() (what postcodes.io runs
# on) and of the JSON Schema pattern \S the contract gives for q. str.strip() also drops \x1c-\x1f
# and \x85, which the pattern counts as text: q=%1D was documented valid and refused with 400.
SPACE = " \t\n\v\f\r\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

def _send(body: dict, status: int = 200, headers: dict | None = None) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type="application/json", headers=headers)


def _ok(result, headers=None) -> Response:
    return _send({"status": 200, "result": result}, headers=headers)


def _error(status: int, message: str, **extra) -> Response:
    return _send({"status": status, "error": message, **extra}, status)


def _when(request: Request) -> dt.date:
    value = request.query_params.get("as_of")
    try:
        return parse(value)
    except QueryError:
        raise Problem(400, f"Invalid as_of date submitted: give YYYY-MM-DD, e.g. 2016-04-01 (got {value!r})") from None


def _flag(request: Request, name: str) -> bool:
    v = request.query_params.get(name)
    return v is not None and v.lower() not in ("false", "0", "no")


def _conn(request: Request):
    return request.app.state.conn


def _records(request: Request, rows, when: dt.date) -> list:
    """Records for rows (None stays None), with the as_of and nhs extensions when asked for."""
    ref = q.reference(_conn(request))
    stamp = request.query_params.get("as_of") is not None
    nhs = _flag(request, "nhs")
    out = []
    for row in rows:
        if row is None:
            out.append(None)
            continue
        rec = q.record(ref, row, when)
        if stamp:
            rec["as_of"] = when.isoformat()
        if nhs:
            from localnhs.query.postcodesio_nhs import nhs_bodies

            rec["nhs"] = nhs_bodies(_conn(request), row["pcd"], when)
        out.append(rec)
    return out


def _number(raw, default, maximum, message, integer=False):
    if raw in (None, ""):
        return default
    try:
        value = int(raw) if integer else float(raw)
    except (TypeError, ValueError):
        raise Problem(400, message) from None
    if value != value or value < 0:  # NaN, negative
        raise Problem(400, message)
    return min(value, maximum)


def _coordinate(raw, low, high) -> float:
    if isinstance(raw, bool):  # JSON true/false is not a coordinate (postcodes.io's parseFloat gives NaN)
        raise Problem(400, "Invalid longitude/latitude submitted")
    try:
        v = float(raw)
    except (TypeError, ValueError):
        raise Problem(400, "Invalid longitude/latitude submitted") from None
    if not (low <= v <= high):
        raise Problem(400, "Invalid longitude/latitude submitted")
    return v


def _nearest(request: Request, lon, lat, limit, radius, wide: bool, when) -> list | None:
    from localnhs.query.postcodesio_nearest import points

    lon, lat = _coordinate(lon, -180, 180), _coordinate(lat, -90, 90)
    limit = _number(limit, NEAREST["limit"][0], NEAREST["limit"][1], "Invalid result limit submitted", integer=True)
    radius = _number(radius, NEAREST["radius"][0], NEAREST["radius"][1], "Invalid lookup radius submitted")
    if wide:
        limit, radius = min(limit, WIDE_LIMIT), WIDE_RADIUS
    hits = points(_conn(request)).nearest(lat, lon, radius, limit)
    if not hits:
        return None
    rows = q.store.postcodes(_conn(request), [p for p, _ in hits])
    recs = _records(request, [rows[p] for p, _ in hits], when)
    for rec, (_, d) in zip(recs, hits):
        rec["distance"] = round(d, 6)
    return recs


def handled(fn):
    """Turn Problems (and anything unexpected) into postcodes.io-shaped errors."""
    import functools

    @functools.wraps(fn)
    async def wrapper(request: Request, *args, **kwargs):
        try:
            return await fn(request, *args, **kwargs)
        except Problem as p:
            return _error(p.status, p.message)
        except sqlite3.DatabaseError:
            return _error(503, "The data store cannot answer right now; try again shortly.")
        except Exception:  # never a traceback to a client
            return _error(500, "500 Server Error. Something went wrong on our side.")

    return wrapper


_FIELDS_DOC = (
    "postcodes.io's record, every field present. Filled from:\n\n"
    + "\n".join(f"- **{k}**: {v}" for k, v in q.FIELD_SOURCES.items())
    + "\n\nnull, and why:\n\n" + "\n".join(f"- **{k}**: {v}" for k, v in q.NULL_FIELDS.items())
    + "\n\nExtensions: `as_of=YYYY-MM-DD`, `nhs=true`, `codes.icb_id`."
)


def _router(root: bool) -> APIRouter:
    r = APIRouter(tags=["postcodes.io compatible"])

    @r.get("/postcodes", summary="Search postcodes (q=) or reverse geocode (lon=&lat=)")
    @handled
    async def postcodes_query(request: Request):
        p, when = request.query_params, _when(request)
        lon, lat = p.get("lon") or p.get("longitude"), p.get("lat") or p.get("latitude")
        if lon is not None or lat is not None:
            if not (lon and lat):
                raise Problem(400, "Invalid longitude/latitude submitted")
            wide = _flag(request, "widesearch") or _flag(request, "wideSearch")
            return _ok(_nearest(request, lon, lat, p.get("limit"), p.get("radius"), wide, when))
        text = p.get("q") or p.get("query")
        if not text or not text.strip(SPACE):
            raise Problem(400, "No postcode query submitted. Remember to include query parameter")
        limit = _search_limit(p.get("limit"))
        rows = q.search(_conn(request), text, limit)
        return _ok(_records(request, rows, when) or None)

    @r.post("/postcodes", summary="Bulk lookup ({\"postcodes\": [...]}) or bulk reverse geocode ({\"geolocations\": [...]})")
    @handled
    async def postcodes_bulk(request: Request):
        try:
            body = json.loads(await request.body() or b"null")
        except (ValueError, UnicodeDecodeError):
            raise Problem(400, INVALID_JSON) from None
        if not isinstance(body, dict):
            raise Problem(400, INVALID_JSON)
        when = _when(request)
        if body.get("postcodes") is not None:
            return _bulk_lookup(request, body["postcodes"], when)
        if body.get("geolocations") is not None:
            return _bulk_geocode(request, body["geolocations"], when)
        raise Problem(400, INVALID_JSON)

    @r.get("/postcodes/lon/{lon}/lat/{lat}", summary="Reverse geocode (path form)")
    @handled
    async def lonlat(request: Request, lon: str, lat: str):
        p = request.query_params
        return _ok(_nearest(request, lon, lat, p.get("limit"), p.get("radius"),
                            _flag(request, "widesearch") or _flag(request, "wideSearch"), _when(request)))

    @r.get("/postcodes/lat/{lat}/lon/{lon}", summary="Reverse geocode (path form)")
    @handled
    async def latlon(request: Request, lat: str, lon: str):
        return await lonlat.__wrapped__(request, lon, lat)

    @r.get("/postcodes/{postcode}", summary="Look up a postcode", description=_FIELDS_DOC)
    @handled
    async def postcode(request: Request, postcode: str):
        when = _when(request)
        if not pc.is_full(postcode.strip()):
            raise Problem(404, "Invalid postcode")
        row = q.find(_conn(request), postcode)
        if row is None:
            t = q.terminated(_conn(request), postcode)
            if t is not None:
                return _error(404, "Postcode not found", terminated=q.terminated_record(t))
            raise Problem(404, "Postcode not found")
        return _ok(_records(request, [row], when)[0])

    @r.get("/postcodes/{postcode}/validate", summary="Is this a live postcode?")
    @handled
    async def validate(request: Request, postcode: str):
        return _ok(q.find(_conn(request), postcode) is not None)

    @r.get("/postcodes/{postcode}/nearest", summary="Postcodes nearest a postcode")
    @handled
    async def nearest(request: Request, postcode: str):
        when = _when(request)
        row = q.find(_conn(request), postcode)
        if row is None:
            raise Problem(404, "Postcode not found")
        p = request.query_params
        wide = _flag(request, "widesearch") or _flag(request, "wideSearch")
        return _ok(_nearest(request, row["lon"], row["lat"], p.get("limit"), p.get("radius"), wide, when))

    @r.get("/postcodes/{postcode}/autocomplete", summary="Complete a partial postcode")
    @handled
    async def autocomplete(request: Request, postcode: str):
        _when(request)
        rows = q.search(_conn(request), postcode, _search_limit(request.query_params.get("limit")))
        return _ok([row["pcd"] for row in rows] or None)

    @r.get("/random/postcodes", summary="A random live postcode (outcode= to pick within one)")
    @handled
    async def random_postcode(request: Request):
        when = _when(request)
        conn = _conn(request)
        outcode = (request.query_params.get("outcode") or "").replace(" ", "").upper()
        if outcode:
            rows = q.store.live_in_outcode(conn, outcode)
            row = random.choice(rows) if rows else None
        else:
            from localnhs.query.postcodesio_nearest import points

            pick = points(conn).random()
            row = q.store.postcodes(conn, [pick]).get(pick) if pick else None
        result = _records(request, [row], when)[0]
        return _ok(result, headers={"cache-control": "no-store"})

    @r.get("/outcodes", summary="Outward codes nearest a point (lon=&lat=)")
    @handled
    async def outcodes_query(request: Request):
        _when(request)
        p = request.query_params
        lon, lat = p.get("lon") or p.get("longitude"), p.get("lat") or p.get("latitude")
        if not (lon and lat):
            raise Problem(400, "Invalid longitude/latitude submitted")
        return _ok(_nearest_outcodes(request, lon, lat))

    @r.get("/outcodes/{outcode}", summary="An outward code: its centre and the areas in it")
    @handled
    async def outcode(request: Request, outcode: str):
        _when(request)
        rec = _outcode(request, outcode)
        if rec is None:
            raise Problem(404, "Outcode not found")
        return _ok(rec)

    @r.get("/outcodes/{outcode}/nearest", summary="Outward codes nearest an outward code")
    @handled
    async def outcode_nearest(request: Request, outcode: str):
        _when(request)
        rec = _outcode(request, outcode)
        if rec is None or rec["latitude"] is None:
            raise Problem(404, "Outcode not found")
        return _ok(_nearest_outcodes(request, rec["longitude"], rec["latitude"]))

    @r.get("/terminated_postcodes/{postcode}", summary="A terminated postcode: when, where")
    @handled
    async def terminated(request: Request, postcode: str):
        _when(request)
        if not pc.is_full(postcode.strip()):
            raise Problem(404, "Invalid postcode")
        row = q.terminated(_conn(request), postcode)
        if row is None:
            raise Problem(404, "Terminated postcode not found")
        return _ok(q.terminated_record(row))

    # Scottish Postcode Directory and OS place names: not in localnhs's data.
    @r.get("/scotland/postcodes/{postcode}", summary="Not supported: no Scottish Postcode Directory in the data")
    @handled
    async def scotland(request: Request, postcode: str):
        raise Problem(404, "Scottish postcode data is not available on this server (localnhs covers NHS England)")

    @r.get("/places", summary="Not supported: no place names in the data")
    @handled
    async def places_query(request: Request):
        raise Problem(404, "Place not found")

    @r.get("/random/places", summary="Not supported: no place names in the data")
    @handled
    async def random_place(request: Request):
        raise Problem(404, "Place not found")

    if not root:  # at the root, /places/{code} is localnhs's own place page
        @r.get("/places/{code}", summary="Not supported: no place names in the data")
        @handled
        async def place(request: Request, code: str):
            raise Problem(404, "Place not found")

        @r.api_route("/{rest:path}", methods=["GET", "POST"], include_in_schema=False)
        @handled
        async def unknown(request: Request, rest: str):
            from localnhs.api.contract import allowed_methods

            allow = allowed_methods(request.app)(request.url.path)
            if allow and request.method not in allow.split(", "):  # a known route, another method
                return _send({"status": 405, "error": "Method not allowed"}, 405, headers={"Allow": allow})
            raise Problem(404, "Resource not found")

    return r


def _search_limit(raw) -> int:
    try:
        limit = int(raw)
    except (TypeError, ValueError):
        return SEARCH_LIMIT[0]
    return SEARCH_LIMIT[0] if limit < 1 else min(limit, SEARCH_LIMIT[1])


def _bulk_lookup(request: Request, postcodes, when) -> Response:
    if not isinstance(postcodes, list):
        raise Problem(400, "Invalid data submitted. You need to provide a JSON array")
    if len(postcodes) > BULK_POSTCODES_MAX:
        raise Problem(400, f"Too many postcodes submitted. Up to {BULK_POSTCODES_MAX} postcodes can be bulk "
                           "requested at a time")
    queries = [p for p in postcodes if isinstance(p, str)]
    recs = _records(request, q.find_many(_conn(request), queries), when)
    results = [{"query": text, "result": rec} for text, rec in zip(queries, recs)]
    keep = _filter(request)
    if keep is not None:
        for item in results:
            if item["result"] is not None:
                item["result"] = {k: item["result"][k] for k in keep if k in item["result"]}
    return _ok(results)


def _bulk_geocode(request: Request, geolocations, when) -> Response:
    if not isinstance(geolocations, list):
        raise Problem(400, "Invalid data submitted. You need to provide a JSON array")
    if len(geolocations) > BULK_GEOLOCATIONS_MAX:
        raise Problem(400, f"Too many locations submitted. Up to {BULK_GEOLOCATIONS_MAX} locations can be bulk "
                           "requested at a time")
    p = request.query_params
    defaults = {k: p[k] for k in ("limit", "radius") if p.get(k)}
    if _flag(request, "widesearch"):
        defaults["widesearch"] = True
    results = []
    keep = _filter(request)
    for g in geolocations:
        g = {**defaults, **g} if isinstance(g, dict) else {}
        echo = {k: v for k, v in g.items() if k.lower() in GEO_QUERY_KEYS}
        recs = _nearest(request, g.get("longitude"), g.get("latitude"), g.get("limit"), g.get("radius"),
                        bool(g.get("widesearch") or g.get("wideSearch")), when)
        if recs is not None and keep is not None:
            recs = [{k: r[k] for k in keep if k in r} for r in recs]
        results.append({"query": echo, "result": recs})
    return _ok(results)


def _filter(request: Request) -> list[str] | None:
    """?filter=postcode,longitude,latitude keeps those top-level fields of each bulk result."""
    raw = request.query_params.get("filter")
    if not raw:
        return None
    wanted = [f for f in raw.replace(" ", "").lower().split(",") if f]
    allowed = set(q.FIELDS) | {"codes", "distance", "as_of", "nhs"}
    return [f for f in wanted if f in allowed]


def _outcode(request: Request, outcode: str) -> dict | None:
    code = outcode.replace(" ", "").upper()
    if not pc.OUTCODE.match(code):
        return None
    return _outcode_record(_conn(request), code)


def _outcode_record(conn, code: str):
    """An outcode's record reads every postcode in it: remembered for the build being served."""
    from localnhs.query.per_connection import build_cache

    return build_cache(conn).memo("postcodesio_outcodes", q.outcode_record, code, limit=5000)


def _nearest_outcodes(request: Request, lon, lat) -> list | None:
    from localnhs.query.postcodesio_nearest import points

    p = request.query_params
    lon, lat = _coordinate(lon, -180, 180), _coordinate(lat, -90, 90)
    limit = _number(p.get("limit"), NEAREST_OUTCODES["limit"][0], NEAREST_OUTCODES["limit"][1],
                    "Invalid result limit submitted", integer=True)
    radius = _number(p.get("radius"), NEAREST_OUTCODES["radius"][0], NEAREST_OUTCODES["radius"][1],
                     "Invalid lookup radius submitted")
    hits = points(_conn(request)).nearest_outcodes(lat, lon, radius, limit)
    out = []
    for code, d in hits:
        rec = _outcode_record(_conn(request), code)
        if rec is not None:
            out.append({**rec, "distance": round(d, 6)})
    return out or None


def mount(app, *, root: bool = False) -> None:
    """Add the compatible API under /postcodesio, and at the root too when asked."""
    app.include_router(_router(root=False), prefix=PREFIX)
    if root:
        app.include_router(_router(root=True))
