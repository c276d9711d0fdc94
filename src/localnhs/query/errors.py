"""Errors that reach users: each carries a code and a message a resident can act on."""

from __future__ import annotations


class QueryError(Exception):
    code = "error"
    status = 400

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class InvalidInput(QueryError):
    """The input is not something we can look up (exit 2 / HTTP 400)."""

    code = "invalid_input"
    status = 400


class NotFound(QueryError):
    """Valid input, but nothing by that name or code (exit 3 / HTTP 404)."""

    code = "not_found"
    status = 404


class OutsideEngland(NotFound):
    """A real place whose health service is not NHS England's (exit 3 / HTTP 404, nation named)."""

    code = "outside_england"

    def __init__(self, message: str, *, nation: str, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.nation = nation
