"""The JSON response class and the one error shape, {"error": {"status", "code", "message", ...}},
shared by the app assembly (api/app.py) and every router, which import this module rather than
the app, so no router imports the module that imports it."""

from __future__ import annotations

import json

from fastapi.responses import JSONResponse

from localnhs.query.errors import OutsideEngland, QueryError

BULK_LIMIT = 10_000


def error_body(status: int, code: str, message: str, **extra) -> dict:
    return {"error": {"status": status, "code": code, "message": message, **extra}}


def query_error_body(exc: QueryError) -> dict:
    extra = {"nation": exc.nation} if isinstance(exc, OutsideEngland) else {}
    if exc.hint:
        extra["hint"] = exc.hint
    return error_body(exc.status, exc.code, exc.message, **extra)


class JSON(JSONResponse):
    """Serialise once, directly: answers are plain dicts already (skips FastAPI's re-encoding)."""

    def render(self, content) -> bytes:
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str)
        try:
            return text.encode()
        except UnicodeEncodeError:  # a lone surrogate echoed from the request: escape it instead
            return json.dumps(content, ensure_ascii=True, separators=(",", ":"), default=str).encode()
