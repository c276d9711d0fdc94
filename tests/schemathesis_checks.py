"""A schemathesis check (loaded with SCHEMATHESIS_HOOKS=schemathesis_checks by
tests/test_schemathesis.py): every error response is in the API's one error shape.

- localnhs routes: ``{"error": {"status": <the response's status>, "code": "...", "message": "..."}}``
- the postcodes.io-compatible routes (/postcodesio/...): postcodes.io's own shape,
  ``{"status": <the response's status>, "error": "..."}``

both as ``application/json``. The schema checks hold a documented error to its schema; this one
also covers what the document does not (a 405, a refusal from the limits, an error with no
documented schema)."""

from __future__ import annotations

import json

import schemathesis


class ErrorShape(AssertionError):
    pass


@schemathesis.check
def error_shape(ctx, response, case):
    status = response.status_code
    if status < 400:
        return None
    path = case.operation.path
    ctype = (response.headers.get("content-type") or [""])[0]
    if not ctype.startswith("application/json"):
        raise ErrorShape(f"{status} for {case.method} {path} is {ctype or 'without a content type'}, not JSON: "
                         f"{response.content[:200]!r}")
    try:
        body = json.loads(response.content)
    except ValueError:
        raise ErrorShape(f"{status} for {case.method} {path}: the body is not JSON: {response.content[:200]!r}") from None
    if path.startswith("/postcodesio"):
        ok = isinstance(body, dict) and body.get("status") == status and isinstance(body.get("error"), str)
        shape = '{"status": %d, "error": "..."}' % status
    else:
        err = body.get("error") if isinstance(body, dict) else None
        ok = (isinstance(err, dict) and err.get("status") == status and isinstance(err.get("code"), str)
              and err["code"] and isinstance(err.get("message"), str) and err["message"])
        shape = '{"error": {"status": %d, "code": "...", "message": "..."}}' % status
    if not ok:
        raise ErrorShape(f"{status} for {case.method} {path} is not in the error shape {shape}: "
                         f"{response.content[:300]!r}")
    return None
