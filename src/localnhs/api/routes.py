"""JSON API routes: thin over query/."""

from __future__ import annotations

import re

from fastapi import APIRouter, Body, Query, Request

from localnhs.api import models as m
from localnhs.api.limits import check_cancelled
from localnhs.api.responses import BULK_LIMIT, JSON, JSONBytes, query_error_body
from localnhs.query import dates
from localnhs.query.errors import InvalidInput, QueryError
from localnhs.query.model import to_dict

# Mounted twice by the app: at /api/v1 (in the OpenAPI document) and at /api (the same routes, kept as aliases).
router = APIRouter(tags=["localnhs"])
AsOf = Query(None, description="Date the answer is for: YYYY-MM-DD, a year (YYYY, for 1 July), or today "
                                "(the default).", examples=["2016-04-01"])
AS_OF = re.compile(r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})|today|)$")


CODE = re.compile(r"^[A-Za-z0-9-]{1,16}$")  # ODS codes (RWW, 02E, N81013) and HWB-/HW- + an ONS code


def as_of_value(value):
    """as_of as the API takes it (exactly what the OpenAPI document says), else 400."""
    if value is None or (isinstance(value, str) and AS_OF.match(value)):
        return value
    raise InvalidInput(f"as_of {value!r} is not a date", hint="Give a date as YYYY-MM-DD, e.g. 2016-04-01.")


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json(content):
    """Serialise once, directly: answers are plain dicts already (skips FastAPI's re-encoding)."""
    return JSON(content)


@router.get("/places/{postcode}", summary="The local health system for a postcode",
            responses=m.responses(m.Place, m.E400, m.E404))
async def place(request: Request, postcode: str, as_of: str | None = AsOf):
    # async: a compiled lookup is well under a millisecond, cheaper than a thread hop, and it is
    # answered with the build named in X-Data-Build (chosen as the request starts); a queued thread
    # could answer from a build swapped in meanwhile. Repeated answers come from api/cache.py.
    from localnhs.query import postcode as pc

    if not pc.is_full(postcode):
        raise InvalidInput(f"{postcode!r} is not a valid postcode", hint=f"Enter {pc.EXAMPLE}.")
    return place_answer(request.app.state.conn, postcode, as_of)


async def place_direct(request: Request):
    """GET /places/{postcode} as a plain Starlette route, put in front of the FastAPI route above
    (fast_routes): the same checks, errors and body, from the same function, without FastAPI's
    parameter machinery (its dependency solving and validation were ~0.2 ms of a first answer's
    ~1.2 ms of server time). The FastAPI route stays for the OpenAPI document. A repeated as_of
    reads the last one, as FastAPI's does (Starlette's query_params.get)."""
    return await place(request, request.path_params["postcode"], request.query_params.get("as_of"))


def fast_routes(prefixes) -> list:
    """The plain routes for the place answer under each prefix (api/app.create_app puts them first)."""
    from starlette.routing import Route

    return [Route(f"{prefix}/places/{{postcode}}", place_direct, methods=["GET"], include_in_schema=False)
            for prefix in prefixes]


def place_answer(conn, postcode: str, as_of: str | None):
    """The JSON response for GET /places/{postcode}."""
    from localnhs.query.local_system import local_system
    from localnhs.query.representatives import with_contacts_json

    return JSONBytes(with_contacts_json(conn, local_system(conn, postcode, dates.AsOf.parse(as_of_value(as_of)))))


@router.get("/organisations/{code}", summary="One organisation: relationships both ways, history, figures",
            responses=m.responses(m.Organisation, m.E400, m.E404))
def organisation(request: Request, code: str, as_of: str | None = AsOf):
    from localnhs.query.representatives import organisation_with_contacts
    from localnhs.query.organisations import organisation as q

    if not CODE.match(code):
        raise InvalidInput(f"{code!r} is not an organisation code", hint="ODS codes look like RWW, 02E, QYG or N81013.")
    conn = request.app.state.conn
    return _json(organisation_with_contacts(conn, q(conn, code, dates.AsOf.parse(as_of_value(as_of)))))


@router.get("/search", summary="Find practices, trusts, commissioners, councils and places by name",
            responses=m.responses(m.Search, m.E400))
def search(request: Request, q: str = Query(..., min_length=1, max_length=200), limit: int = Query(20, ge=1, le=100)):
    from localnhs.query.search import search as s

    return _json({"query": q, "results": to_dict(s(request.app.state.conn, q, limit=limit))})


@router.get("/stats", summary="National figures for a date", responses=m.responses(m.Stats, m.E400))
def stats(request: Request, as_of: str | None = AsOf):
    from localnhs.query.stats import stats as s

    return _json(s(request.app.state.conn, dates.AsOf.parse(as_of_value(as_of))))


@router.post("/places:bulk", summary="Up to 10,000 postcodes at once; errors are per item",
             responses=m.responses(m.Bulk, m.E400, m.E413))
def bulk(request: Request, body: dict = Body(..., examples=[
        {"postcodes": ["WA5 1QG", "NN17 1AA"], "as_of": "2016-04-01"},
        {"postcodes": ["WA5 1QG", "NN17 1AA"], "as_of": ["today", "2016-04-01"], "format": "csv", "fields": ["icb", "ccg"]}]),
         format: str | None = Query(None, description="json (default) or csv")):
    """One date in JSON: each postcode's answer in the shape of ``GET /api/places/{pc}`` (location,
    commissioners, councils, ward, Health and Wellbeing Board, Healthwatch, trusts by role with method
    and confidence), without nearest practices and national bodies. A list of
    dates, ``fields`` or ``format=csv``: the codes and names of `localnhs enrich` for every date,
    from one set-based lookup over all the postcodes (columns suffixed with the date; a status per
    row, an ``error`` on the rows not answered)."""
    postcodes = body.get("postcodes") if isinstance(body, dict) else None
    if not isinstance(postcodes, list) or not all(isinstance(p, str) for p in postcodes):
        raise InvalidInput('Send {"postcodes": ["WA5 1QG", ...]} with a list of postcode strings.')
    if len(postcodes) > BULK_LIMIT:
        raise InvalidInput(f"At most {BULK_LIMIT:,} postcodes per request; this had {len(postcodes):,}.")
    for i, p in enumerate(postcodes):
        if not p.isascii() and not _utf8(p):
            raise InvalidInput(f"postcodes[{i}] is not valid text (it holds a lone UTF-16 surrogate).")
    if format is not None and format not in ("json", "csv"):
        raise InvalidInput(f"format {format!r} is not known: use json or csv.")
    fmt = body.get("format")
    if fmt is None:
        fmt = "json" if format is None else format
    as_of, fields = body.get("as_of"), body.get("fields")
    if as_of is not None and not isinstance(as_of, (str, list)):
        raise InvalidInput('as_of is a date ("2016-04-01", "today") or a list of dates.')
    if fmt not in ("json", "csv"):
        raise InvalidInput(f"format {fmt!r} is not known: use json or csv.")
    if isinstance(as_of, list) or fields is not None or fmt == "csv":
        return _bulk_set(request, postcodes, as_of, fields, fmt)
    from localnhs.query.bulk import place_answers

    conn = request.app.state.conn
    results = []
    for query, answer in place_answers(conn, postcodes, dates.AsOf.parse(as_of_value(as_of)).day):
        check_cancelled(request)  # the client left or time ran out: stop here (api/limits.py)
        if isinstance(answer, QueryError):
            results.append({"query": query, **query_error_body(answer)})
        else:
            results.append({"query": query, "result": answer})
    return _json({"as_of": as_of, "count": len(results), "results": results})


def _lookup(request: Request):
    """The compiled bulk lookup of the build being served (made once per build)."""
    return bulk_lookup(request.app.state.conn)


def bulk_lookup(conn):
    from localnhs.export import Lookup
    from localnhs.query.per_connection import build_cache

    return build_cache(conn).part("bulk_lookup", Lookup)


def warm_bulk_lookup(conn, compile: bool = False) -> bool:
    """Open a build's bulk lookup (the postcode table, and the area answers for today and April
    2016) ahead of the first set-based bulk request. Run in a background thread when a build
    starts serving. `localnhs build` compiles the lookup beside the database it writes; when it
    is not there (a database built another way), compiling it is left to the first bulk request
    unless ``compile`` is true - a compile takes tens of seconds and ~1 GB, which a server that
    is starting up should not spend unasked. True when the lookup is ready."""
    return bulk_lookup(conn).ready(compile)


def _bulk_set(request: Request, postcodes, as_of, fields, fmt):
    from fastapi.responses import Response

    from localnhs.enrichment import bulk_csv, bulk_items, bulk_table
    from localnhs.export import ExportError, dates_from

    if isinstance(as_of, list) and not as_of:
        raise InvalidInput('as_of is an empty list: give at least one date, e.g. ["today", "2016-04-01"].')
    dates = as_of if isinstance(as_of, list) else ([as_of] if as_of else None)
    if dates is not None and not all(isinstance(d, str) for d in dates):
        raise InvalidInput('as_of is a date or a list of dates, e.g. ["today", "2016-04-01"].')
    if fields is not None and not (isinstance(fields, list) and all(isinstance(f, str) for f in fields)):
        raise InvalidInput('fields is a list of column names, e.g. ["icb", "icb_name"].')
    try:
        table = bulk_table(_lookup(request), postcodes, dates, fields)
    except ExportError as exc:
        raise InvalidInput(str(exc)) from None
    if fmt == "csv":
        return Response(bulk_csv(table), media_type="text/csv; charset=utf-8")
    return _json({"as_of": [d.isoformat() for d in dates_from(dates)], "count": table.num_rows,
                  "fields": table.column_names[1:], "results": bulk_items(table)})

