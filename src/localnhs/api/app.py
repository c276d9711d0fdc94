"""The ASGI application (FastAPI): the JSON API under /api and the web pages from web/.

One error shape everywhere: {"error": {"status", "code", "message", ...}}. GET responses carry
an ETag (a hash of the database build and the request) and Cache-Control; CORS is open for
GET; every response gets a Content-Security-Policy allowing only this origin (plus map tiles).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from starlette.applications import Starlette
from starlette.exceptions import HTTPException as StarletteHTTPException

from localnhs import attribution, paths
from localnhs.api import health, observe, postcodesio, routes
from localnhs.api.responses import BULK_LIMIT, JSON, error_body, query_error_body  # noqa: F401 - BULK_LIMIT for callers
from localnhs.query.errors import QueryError
from localnhs.web import pages

log = logging.getLogger("localnhs.api")
CSP = ("default-src 'self'; img-src 'self' data: https://*.tile.openstreetmap.org; "
       "style-src 'self'; script-src 'self'; font-src 'self' data:; connect-src 'self'; "
       "frame-ancestors 'none'; base-uri 'self'; form-action 'self'")


@asynccontextmanager
async def _lifespan(app: FastAPI):
    # Watch the database file for a new build (or SIGHUP) for as long as the server runs. The
    # build's bulk lookup is opened by the first set-based bulk request, not here: opening it loads
    # polars and pyarrow and the area tables (~165 MB of the server's memory) that a server
    # answering single places never uses.
    app.state.db.on_prepare.append(prime)
    app.state.db.on_carry.append(lambda old, new: carry_answers(app, old, new))
    app.state.db.prepare(app.state.db.current.conn)
    app.state.db.warm()
    task = asyncio.create_task(app.state.db.watch())
    try:
        yield
    finally:
        task.cancel()
        # The last access lines, before uvicorn re-raises the SIGTERM it stopped on (which ends the
        # process without running atexit).
        observe.flush_access()


PRIME_POSTCODE = "WA5 1QG"  # the README's example


RELOAD_PRELOAD_SECONDS = 1.0  # a hot reload's share of the 5 s in which a new build must serve
RELOAD_CARRY_SECONDS = 1.5    # and the share for carrying the old build's recent answers over


def carry_answers(app, old, new) -> None:
    """The old build's most recent place answers, worked out on the new build and offered to the
    answer cache before the switch (api/carry.py); nothing before the first request built the cache."""
    from localnhs.api.cache import AnswerCache
    from localnhs.api.carry import carry

    cache = app.built.get(AnswerCache)
    if cache is not None:
        carry(cache, old.build_id, new.build_id, new.conn, RELOAD_CARRY_SECONDS)


def prime(conn, reloading: bool = False) -> None:
    """What the build's first answers share, read at once (query/preload.py; on a hot reload for
    at most RELOAD_PRELOAD_SECONDS, as the old build answers meanwhile), then one place answer and
    its page, worked out and thrown away (api/serving.ServingDB.prepare)."""
    from localnhs.query.dates import AsOf
    from localnhs.query.preload import preload

    preload(conn, budget_s=RELOAD_PRELOAD_SECONDS if reloading else None)
    try:
        routes.place_answer(conn, PRIME_POSTCODE, None)
        pages.place_html(conn, PRIME_POSTCODE, AsOf.parse(None))
    except QueryError:
        pass  # a database without that postcode: the imports are done all the same


class App(FastAPI):
    """FastAPI with a list of middleware (``outer``: (class, options), outermost first) run outside
    FastAPI's own layers (its error, telemetry and body-limit middleware), not inside them as
    ``add_middleware``'s are: the observing, admission and answer-cache layers every request
    passes, so a cached answer goes through nothing else (those three layers were ~12% of the
    server's time per cached answer, most of it the telemetry layer asking whether it is on)."""

    outer: list = []
    built: dict = {}  # class -> the instance of each outer layer, once the stack is built

    async def __call__(self, scope, receive, send):
        # An HTTP request goes straight to the middleware stack: FastAPI's own __call__ first asks
        # its OpenTelemetry hook whether it is on (environment reads, ~4% of a cached answer's
        # time). localnhs does not use that hook; its own metrics are at /metrics.
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        if self.root_path:
            scope["root_path"] = self.root_path
        await Starlette.__call__(self, scope, receive, send)

    def build_middleware_stack(self):
        app = super().build_middleware_stack()
        built = {}
        for cls, options in reversed(self.outer):
            app = built[cls] = cls(app, **options)
        self.built = built
        return app


def create_app(db_path=None, *, check_pages: bool = True, limits=None) -> FastAPI:
    """The app over the database at db_path; check_pages runs SQLite's page-by-page check first;
    limits: an api.limits.Limits (default from the LOCALNHS_* environment)."""
    from localnhs.api.limits import AdmissionMiddleware, Limits, LimitsMiddleware, new_counts
    from localnhs.api.serving import ServingDB

    app = App(title="localnhs API", version="0.1.0", default_response_class=JSON,
              docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=_lifespan,
              description="Who runs the NHS where I live - from official data. " + attribution.SHORT)
    served = app.state.db = ServingDB(app, db_path or paths.default_db(), check_pages=check_pages)

    def build_id() -> str:
        return served.current.build_id

    # From the outside in: observe, contract, admission and the answer cache (App.outer, outside
    # FastAPI's own layers), then limits, headers, CORS, the app. (Middleware added later runs
    # earlier.) POST too: postcodes.io's bulk lookups are cross-origin POSTs (read-only, no credentials).
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"])

    from localnhs.api.headers import HeadersMiddleware

    app.add_middleware(HeadersMiddleware, build_id=build_id, csp=CSP)
    app.state.limits = limits or Limits.from_env()
    app.state.limit_counts = new_counts()
    app.add_middleware(LimitsMiddleware, limits=app.state.limits, build_id=build_id, counts=app.state.limit_counts)
    from localnhs.api import contract
    from localnhs.api.cache import AnswerCache

    root = os.environ.get("LOCALNHS_POSTCODESIO_ROOT") == "1"
    allow = contract.allowed_methods(app)
    app.state.metrics = observe.Metrics(app)
    # Rendered place answers and pages kept per (build, date, path, query), with the headers the
    # layers inside gave them: a hit skips the request machinery of the limits (timeouts and
    # cancellation are for work, and a hit does none), but not the admission checks outside it.
    app.outer = [
        (observe.ObserveMiddleware, {"metrics": app.state.metrics, "build_id": build_id, "routes": lambda: app.routes}),
        (contract.ContractMiddleware, {"postcodesio_root": root, "allow": allow}),
        (AdmissionMiddleware, {"limits": app.state.limits, "counts": app.state.limit_counts}),
        (AnswerCache, {"build_id": build_id}),
    ]
    app.openapi = contract.openapi(app)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError):
        if not request.url.path.startswith("/api/"):
            return pages.error_page(request, exc.status, exc.message, exc.hint)
        return JSON(query_error_body(exc), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", []))
        return JSON(error_body(400, "invalid_input", f"{where}: {first.get('msg', 'invalid request')}"), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if not request.url.path.startswith("/api/") and exc.status_code == 404:
            return pages.error_page(request, 404, "Page not found", "Check the address, or search from the home page.")
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "error")
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:  # every method the path answers (Starlette names only the first route's)
            headers["Allow"] = allow(request.url.path) or headers.get("Allow", "")
        if contract.postcodesio_path(request.url.path, root):  # postcodes.io's routes keep postcodes.io's shape
            message = "Method not allowed" if exc.status_code == 405 else str(exc.detail)
            return JSON({"status": exc.status_code, "error": message}, status_code=exc.status_code, headers=headers)
        return JSON(error_body(exc.status_code, code, str(exc.detail)), status_code=exc.status_code, headers=headers)

    @app.exception_handler(sqlite3.DatabaseError)
    async def database_error(request: Request, exc: sqlite3.DatabaseError):
        log.error("database error on %s: %s", request.url.path, exc)
        return JSON(error_body(503, "database_unavailable", "The data store cannot answer right now."),
                    status_code=503, headers={"retry-after": "30"})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        # Starlette's outermost layer answers with this, then raises the exception on to
        # api/observe.py, outside it, which logs it with its traceback and the request id.
        return JSON(observe.internal_error_body(request.scope.get("state", {}).get("request_id")), status_code=500)

    from fastapi.openapi.docs import get_swagger_ui_html

    @app.get("/api/docs", include_in_schema=False)
    def docs():
        # Swagger UI from our own static files: the docs page works offline.
        return get_swagger_ui_html(openapi_url="/openapi.json", title="localnhs API",
                                   swagger_js_url="/static/vendor/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/nhsuk/assets/images/favicon.ico")

    # The API and the web pages side by side on one app: routers first, then /static and the pages.
    app.include_router(health.router)
    app.include_router(observe.router)
    app.include_router(routes.router, prefix="/api/v1")
    app.include_router(routes.router, prefix="/api", include_in_schema=False)  # the unversioned aliases
    app.router.routes[0:0] = routes.fast_routes(("/api/v1", "/api"))  # matched first: routes.place_direct
    postcodesio.mount(app, root=os.environ.get("LOCALNHS_POSTCODESIO_ROOT") == "1")
    pages.mount(app)
    return app


def worker_app():
    """uvicorn's factory in each worker process: the same JSON logging and app as one process.
    The parent checked the database page by page before starting the workers; a worker trusts
    that check when the file is still the one checked, and only opens it."""
    from dataclasses import replace

    from localnhs.api import serving
    from localnhs.api.observe import configure_logging

    configure_logging()
    logging.getLogger("uvicorn.error").setLevel(serving.LOG_LEVEL.upper())
    app = create_app(check_pages=False)
    db = app.state.db
    if os.environ.get(serving.CHECKED) == serving.identity_text(db.path) and db.current.identity == db.current_identity():
        db.started_integrity = "ok"
        db.current = replace(db.current, integrity="ok")
    return app
