"""The ASGI application (FastAPI): JSON API under /api, pages from web/."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

from localnhs import attribution, paths
from localnhs.query.errors import OutsideEngland, QueryError
from localnhs.store.db import connect


def error_body(status: int, code: str, message: str, **extra) -> dict:
    return {"error": {"status": status, "code": code, "message": message, **extra}}


def create_app(db_path=None) -> FastAPI:
    conn = connect(db_path or paths.default_db())
    app = FastAPI(title="localnhs API", version="0.1.0",
                  description="Who runs the NHS where I live - from official data. " + attribution.SHORT)
    app.state.conn = conn

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError):
        extra = {"nation": exc.nation} if isinstance(exc, OutsideEngland) else {}
        if exc.hint:
            extra["hint"] = exc.hint
        return JSONResponse(error_body(exc.status, exc.code, exc.message, **extra), status_code=exc.status)

    @app.get("/api/places/{postcode}")
    def place(postcode: str, as_of: str | None = None):
        from localnhs.query.local_system import local_system
        from localnhs.query.model import to_dict

        return to_dict(local_system(conn, postcode, as_of))

    @app.get("/", response_class=HTMLResponse)
    def home():
        return ("<!doctype html><html lang='en-GB'><title>localnhs</title><h1>localnhs</h1>"
                "<p>Try <a href='/api/places/WA5%201QG'>/api/places/WA5 1QG</a>.</p>"
                f"<footer>{attribution.SHORT}</footer></html>")

    return app
