"""The API's contract, kept: every error in the one error shape, and an OpenAPI document that
lists what the server really answers.

ContractMiddleware: an error that did not come from our handlers (Starlette's CORS preflight
refusal in plain text, a 405 without Allow, anything else not JSON) is rewritten into
{"error": {"status", "code", "message"}} - or postcodes.io's {"status", "error"} under
/postcodesio. HTML error pages
for people (the web pages' 404) are left as they are.

openapi(app): FastAPI's document, with the 422 it assumes replaced by the 400 we send, and
the limits' 413/429/431/503 (with Retry-After) on every operation.
"""

from __future__ import annotations

import orjson
from pydantic import BaseModel, ConfigDict

from localnhs.api.limits import BULK_PATHS
from localnhs.api.responses import error_body

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         406: "not_acceptable", 408: "request_timeout", 411: "length_required", 413: "payload_too_large",
         415: "unsupported_media_type", 429: "rate_limited", 431: "headers_too_large", 500: "internal_error",
         503: "unavailable"}


def postcodesio_path(path: str, root: bool) -> bool:
    if path.startswith("/postcodesio/") or path == "/postcodesio":
        return True
    return root and path.split("/")[1:2] in (["postcodes"], ["outcodes"], ["terminated_postcodes"], ["random"],
                                             ["scotland"], ["places"]) and not path.startswith("/places/")


class ContractMiddleware:
    def __init__(self, app, *, postcodesio_root: bool = False, allow=None):
        self.app, self.root = app, postcodesio_root
        self.allow = allow  # callable(path) -> "GET, HEAD" or None: the methods a path answers

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]
        preflight = scope["method"] == "OPTIONS" and any(k == b"access-control-request-method"
                                                          for k, _ in scope["headers"])
        held: dict = {}

        async def send_checked(message):
            if message["type"] == "http.response.start":
                status = message["status"]
                if status < 400:  # nothing to check (most responses): sent as they are
                    return await send(message)
                headers = list(message.get("headers", []))
                ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if status >= 400 and not ctype.startswith((b"application/json", b"text/html")):
                    held["start"] = {**message, "headers": headers}
                    held["body"] = []
                    return
                if status == 405 and not any(k.lower() == b"allow" for k, _ in headers) and self.allow:
                    allowed = self.allow(path)
                    if allowed:
                        message = {**message, "headers": headers + [(b"allow", allowed.encode())]}
                return await send(message)
            if "start" in held:
                held["body"].append(message.get("body", b""))
                if message.get("more_body"):
                    return
                return await send_rewritten(held["start"], b"".join(held["body"]))
            await send(message)

        async def send_rewritten(start, text: bytes):
            status = start["status"]
            message = text.decode("utf-8", "replace").strip() or f"HTTP {status}"
            code = CODES.get(status, "error")
            if preflight and status == 400:
                code = "cors_preflight_refused"
                message = f"CORS preflight refused: {message}. This API allows GET and POST from any origin."
            if postcodesio_path(path, self.root):
                body = orjson.dumps({"status": status, "error": message})
            else:
                body = orjson.dumps(error_body(status, code, message))
            keep = [(k, v) for k, v in start["headers"] if k.lower() not in (b"content-type", b"content-length")]
            if status == 405 and not any(k.lower() == b"allow" for k, _ in keep) and self.allow:
                allowed = self.allow(path)
                if allowed:
                    keep.append((b"allow", allowed.encode()))
            await send({**start, "headers": keep + [(b"content-type", b"application/json"),
                                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, send_checked)


def allowed_methods(app):
    """A function path -> 'GET, HEAD' (the methods the app's routes answer there), for 405's Allow."""
    from fastapi.routing import iter_route_contexts
    from starlette.routing import compile_path

    table: list = []

    def allow(path: str) -> str | None:
        if not table:
            for ctx in iter_route_contexts(app.routes):
                p, methods = ctx.path, ctx.methods
                if p and methods and "{rest:path}" not in p:  # (the postcodes.io catch-all answers 404)
                    table.append((compile_path(p)[0], set(methods)))
        found: set[str] = set()
        for regex, methods in table:
            if regex.match(path):
                found |= methods
        if "GET" in found:
            found.add("HEAD")
        return ", ".join(sorted(found)) or None

    return allow


# ----------------------------------------------------------------------------- OpenAPI


class PostcodesIoError(BaseModel):
    """postcodes.io's error shape, kept by the compatible routes (a terminated postcode's 404 adds `terminated`)."""

    model_config = ConfigDict(extra="allow")
    status: int
    error: str


class PostcodesIoAnswer(BaseModel):
    model_config = ConfigDict(extra="allow")
    status: int
    result: object = None


YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"  # 0001-9999, as Python's dates
# What the API accepts, exactly (schemathesis holds the server to it both ways).
AS_OF_SCHEMA = {"anyOf": [{"type": "string", "format": "date"},
                          {"type": "string", "pattern": "^(?:" + YEAR + "|today|)$"}],
                "description": "YYYY-MM-DD, a year (YYYY: 1 July of it), or today (the default)."}
POSTCODE_SCHEMA = {"type": "string", "examples": ["WA5 1QG"],
                   "description": "A full postcode, any case and spacing.",
                   "pattern": r"^\s*[A-Za-z]\s*(?:[A-Za-z]\s*)?[0-9]\s*(?:[0-9A-Za-z]\s*)?[0-9]\s*[A-Za-z]\s*[A-Za-z]\s*$"}


CODE_SCHEMA = {"type": "string", "pattern": "^[A-Za-z0-9-]{1,16}$", "examples": ["RWW"],
               "description": "An ODS code (RWW, 02E, N81013), or HWB-/HW- and an ONS code."}


def _num(name, low, high, where="query"):
    return {"name": name, "in": where, "required": True,
            "schema": {"type": "number", "minimum": low, "maximum": high}}


# postcodes.io reads longitude and latitude of each geolocation (and its own limit, radius,
# widesearch); other keys are ignored there as here, so the document does not forbid them.
_GEO = {"type": "object", "required": ["longitude", "latitude"],
        "properties": {"longitude": {"type": "number", "minimum": -180, "maximum": 180},
                       "latitude": {"type": "number", "minimum": -90, "maximum": 90}}}
# postcodes.io's routes read their query themselves; what they take, for the document.
POSTCODESIO_PARAMS = {
    ("/postcodes", "get"): [{"name": "q", "in": "query", "required": True,
                             "description": "Postcode search (or give lon= and lat= instead to reverse geocode).",
                             "schema": {"type": "string", "pattern": "\\S"}}],
    ("/outcodes", "get"): [_num("lon", -180, 180), _num("lat", -90, 90)],
    ("/postcodes/lon/{lon}/lat/{lat}", "get"): [_num("lon", -180, 180, "path"), _num("lat", -90, 90, "path")],
    ("/postcodes/lat/{lat}/lon/{lon}", "get"): [_num("lat", -90, 90, "path"), _num("lon", -180, 180, "path")],
}
POSTCODESIO_BODY = {"required": True, "content": {"application/json": {"schema": {"anyOf": [
    {"type": "object", "required": ["postcodes"], "properties": {"postcodes": {"type": "array", "maxItems": 10_000}}},
    {"type": "object", "required": ["geolocations"], "properties": {"geolocations": {
        "type": "array", "maxItems": 1_000, "items": _GEO}}}]}}}}


def openapi(app):
    """app.openapi replacement: the real status codes and the error shapes on every operation."""
    from fastapi.openapi.utils import get_openapi

    from localnhs.api.models import BulkFlat, BulkRequest, Error

    def build() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        for model in (Error, PostcodesIoError, PostcodesIoAnswer, BulkRequest):
            js = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, sub in js.pop("$defs", {}).items():
                schemas.setdefault(name, sub)
            schemas.setdefault(model.__name__, js)
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        schemas["BulkRequest"]["properties"]["as_of"] = {
            "anyOf": [*AS_OF_SCHEMA["anyOf"], {"type": "array", "minItems": 1, "items": {"anyOf": AS_OF_SCHEMA["anyOf"]}},
                      {"type": "null"}],
            "description": AS_OF_SCHEMA["description"] + " A list of dates gives the set-based answer."}
        from localnhs.export import ALL_FIELDS

        # text without lone UTF-16 surrogates (refused with a 400: they cannot be echoed back as JSON)
        schemas["BulkRequest"]["properties"]["postcodes"]["items"] = {"type": "string", "pattern": r"^[^\ud800-\udfff]*$"}

        schemas["BulkRequest"]["properties"]["fields"] = {
            "anyOf": [{"type": "array", "items": {"type": "string", "enum": list(ALL_FIELDS)}}, {"type": "null"}],
            "description": "Columns of `localnhs enrich` to return (the set-based answer)."}
        for model in (BulkFlat,):
            js = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, sub in js.pop("$defs", {}).items():
                schemas.setdefault(name, sub)
            schemas.setdefault(model.__name__, js)
        retry = {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}}
        for path, ops in spec.get("paths", {}).items():
            pio = postcodesio_path(path, True) and not path.startswith("/api/")
            ref = {"$ref": "#/components/schemas/" + ("PostcodesIoError" if pio else "Error")}

            def err(description, headers=None):
                out = {"description": description, "content": {"application/json": {"schema": ref}}}
                if headers:
                    out["headers"] = headers
                return out

            for method, op in ops.items():
                if pio:
                    tail = path.removeprefix("/postcodesio")
                    if (tail, method) in POSTCODESIO_PARAMS:
                        op["parameters"] = POSTCODESIO_PARAMS[(tail, method)]
                    if (tail, method) == ("/postcodes", "post"):
                        op["requestBody"] = POSTCODESIO_BODY
                if path.startswith("/api/"):
                    for param in op.get("parameters", []):
                        if param["name"] == "as_of":
                            param["schema"] = AS_OF_SCHEMA
                        elif param["name"] == "postcode" and param["in"] == "path":
                            param["schema"] = POSTCODE_SCHEMA
                        elif param["name"] == "code" and param["in"] == "path":
                            param["schema"] = CODE_SCHEMA
                responses = op.setdefault("responses", {})
                responses.pop("422", None)
                if pio:
                    ok = responses.setdefault("200", {"description": "The answer."})
                    ok["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/PostcodesIoAnswer"}}}
                    responses.setdefault("404", err("Not found (postcodes.io's shape)."))
                if op.get("parameters") or op.get("requestBody") or pio:
                    responses.setdefault("400", err("Invalid input: the message says what was wrong."))
                if method == "post":
                    responses.setdefault("413", err("The request body is larger than the server accepts."))
                responses.setdefault("429", err("Too many requests from this client, or too much bulk work at once.",
                                                retry))
                responses.setdefault("431", err("The request line and headers are too large."))
                responses.setdefault("503", err("Timed out, or the data store cannot answer right now.", retry))
                if path in BULK_PATHS and method == "post" and not pio:
                    op["requestBody"] = {"required": True, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/BulkRequest"}}}}
                    for param in op.get("parameters", []):
                        if param["name"] == "format":
                            param["schema"] = {"type": "string", "enum": ["json", "csv"]}
                    # one date in JSON (Bulk), or the set-based answer (BulkFlat), or CSV
                    ok = responses.setdefault("200", {"description": "The answer."})
                    ok["content"] = {
                        "application/json": {"schema": {"anyOf": [{"$ref": "#/components/schemas/Bulk"},
                                                                  {"$ref": "#/components/schemas/BulkFlat"}]}},
                        "text/csv": {"schema": {"type": "string"}}}
                if path in BULK_PATHS:
                    responses["429"]["description"] = ("Too many requests, or the bulk budget (concurrent bulk "
                                                       "requests, postcodes in flight) is spent.")
        app.openapi_schema = spec
        return spec

    return build
