"""Liveness and readiness for load balancers and operators.

/healthz: the process answers. /readyz: the served database opens, has this code's schema,
passed its page-by-page integrity check when the server started, and how old the build is.
"""

from __future__ import annotations

import sqlite3

from fastapi import APIRouter, Request

from localnhs.api.responses import JSON, error_body
from localnhs.store import read
from localnhs.store.schema import SCHEMA_VERSION

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
def healthz():
    return JSON({"status": "ok"}, headers={"cache-control": "no-store"})


@router.get("/readyz")
def readyz(request: Request):
    db = request.app.state.db
    build = db.current
    try:
        found = int(read.meta(build.conn).get("schema_version", 0))
    except (sqlite3.Error, ValueError) as exc:
        return JSON(error_body(503, "not_ready", f"the database cannot be read ({exc})"), status_code=503,
                    headers={"cache-control": "no-store", "retry-after": "5"})
    if found != SCHEMA_VERSION:
        return JSON(error_body(503, "not_ready", f"database schema {found}, this server needs {SCHEMA_VERSION}"),
                    status_code=503, headers={"cache-control": "no-store", "retry-after": "5"})
    age = build.age_seconds()
    return JSON({
        "status": "ready",
        "build": {"id": build.build_id, "built_at": build.built_at, "age_seconds": None if age is None else round(age)},
        "schema_version": found,
        "integrity_check_at_start": db.started_integrity,
        "reloads": db.reloads,
        "last_reload_error": db.last_error,
        "limits": dict(getattr(request.app.state, "limit_counts", {})),
    }, headers={"cache-control": "no-store"})
