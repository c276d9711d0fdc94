"""A whole build: the store's tables (store/build.py) and, before the new file is swapped in, the
answers compiled from them (query/compile_answers.py). The store cannot call the query layer, so
this module, above both, joins them; `localnhs build` and the test suite build through it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from localnhs.store.build import BuildContext, build as build_tables


def build(raw: Path, db_path: Path, *, compile_dates=(), **options) -> BuildContext:
    """store.build.build with the answers of the build's day (and of ``compile_dates``) compiled
    into the file before it replaces the old one; ``options`` as store.build.build takes them."""
    from localnhs.query import compile_answers
    from localnhs.query.dates import today

    day = today()
    extra: tuple[dt.date, ...] = tuple(compile_dates)

    def finish(conn, tmp: Path) -> None:
        compile_answers.write(conn, tmp, day, extra=extra)

    return build_tables(raw, db_path, finish=finish, **options)
