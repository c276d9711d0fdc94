"""JSON API routes: thin over query/."""

from __future__ import annotations

from fastapi import APIRouter, Body, Query, Request

from localnhs.api.responses import BULK_LIMIT, JSON, query_error_body
from localnhs.query import dates
from localnhs.query.errors import InvalidInput, QueryError
from localnhs.query.model import to_dict

router = APIRouter(prefix="/api")
AsOf = Query(None, description="Date the answer is for, YYYY-MM-DD (default today).", examples=["2016-04-01"])


def _json(content):
    """Serialise once, directly: answers are plain dicts already (skips FastAPI's re-encoding)."""
    return JSON(content)


@router.get("/places/{postcode}", summary="The local health system for a postcode")
async def place(request: Request, postcode: str, as_of: str | None = AsOf):
    # async: a compiled lookup is well under a millisecond, cheaper than a thread hop, and it is
    # answered with the build named in X-Data-Build (chosen as the request starts); a queued thread
    # could answer from a build swapped in meanwhile. Repeated answers come from api/cache.py.
    from localnhs.query import postcode as pc
    from localnhs.query.local_system import local_system

    if not pc.is_full(postcode):
        raise InvalidInput(f"{postcode!r} is not a valid postcode", hint=f"Enter {pc.EXAMPLE}.")
    from localnhs.query.representatives import with_contacts

    conn = request.app.state.conn
    return _json(with_contacts(conn, local_system(conn, postcode, dates.AsOf.parse(as_of))))


@router.get("/organisations/{code}", summary="One organisation: relationships both ways, history, figures")
def organisation(request: Request, code: str, as_of: str | None = AsOf):
    from localnhs.query.representatives import organisation_with_contacts
    from localnhs.query.organisations import organisation as q

    conn = request.app.state.conn
    return _json(organisation_with_contacts(conn, q(conn, code, dates.AsOf.parse(as_of))))


@router.get("/search", summary="Find practices, trusts, commissioners, councils and places by name")
def search(request: Request, q: str = Query(..., min_length=1, max_length=200), limit: int = Query(20, ge=1, le=100)):
    from localnhs.query.search import search as s

    return _json({"query": q, "results": to_dict(s(request.app.state.conn, q, limit=limit))})


@router.get("/stats", summary="National figures for a date")
def stats(request: Request, as_of: str | None = AsOf):
    from localnhs.query.stats import stats as s

    return s(request.app.state.conn, dates.AsOf.parse(as_of))


@router.post("/places:bulk", summary="Up to 10,000 postcodes at once; errors are per item")
def bulk(request: Request, body: dict = Body(..., examples=[{"postcodes": ["WA5 1QG", "NN17 1AA"], "as_of": "2016-04-01"}])):
    from localnhs.query.bulk import enrich

    postcodes = body.get("postcodes") if isinstance(body, dict) else None
    if not isinstance(postcodes, list) or not all(isinstance(p, str) for p in postcodes):
        raise InvalidInput('Send {"postcodes": ["WA5 1QG", ...]} with a list of postcode strings.')
    if len(postcodes) > BULK_LIMIT:
        raise InvalidInput(f"At most {BULK_LIMIT:,} postcodes per request; this had {len(postcodes):,}.")
    conn = request.app.state.conn
    results = []
    for item in enrich(conn, postcodes, dates.AsOf.parse(body.get("as_of"))):
        if isinstance(item["result"], QueryError):
            results.append({"query": item["query"], **query_error_body(item["result"])})
        else:
            results.append({"query": item["query"], "result": item["result"]})
    return _json({"as_of": body.get("as_of"), "count": len(results), "results": results})
