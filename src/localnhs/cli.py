"""Command line: thin over query/. Rich tables by default, --json (and --csv for lists).

Exit codes: 0 answered, 2 invalid input, 3 valid but not found / outside NHS England,
4 the database is missing or out of date, 1 anything else. No traceback reaches a user.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from localnhs import attribution, paths
from localnhs.kinds import PLACE_ROLES

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Who runs the NHS where I live - from official data.")
out = Console()
err = Console(stderr=True)

AsOf = typer.Option(None, "--as-of", help="Date the answer is for (YYYY-MM-DD); default today.")
Json = typer.Option(False, "--json", help="Print JSON.")
Csv = typer.Option(False, "--csv", help="Print CSV (lists only).")


def _conn():
    from localnhs.store.db import connect

    return connect(paths.default_db())


def _fail(exc: Exception) -> None:
    from localnhs.query.errors import InvalidInput, NotFound, QueryError
    from localnhs.store.db import StoreError

    if isinstance(exc, QueryError):
        err.print(f"[bold red]{exc.message}[/]")
        if exc.hint:
            err.print(exc.hint)
        raise typer.Exit(2 if isinstance(exc, InvalidInput) else 3 if isinstance(exc, NotFound) else 1)
    if isinstance(exc, StoreError):
        err.print(f"[bold red]{exc}[/]")
        raise typer.Exit(4)
    raise exc


def _json(obj) -> None:
    from localnhs.query.model import to_dict

    sys.stdout.write(json.dumps(to_dict(obj), indent=2, ensure_ascii=False, default=str) + "\n")


def _csv(rows: list[dict]) -> None:
    if not rows:
        return
    w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()))
    w.writeheader()
    w.writerows(rows)


def _table(title: str, columns, rows) -> None:
    """Print rows (sequences of values) as a rich table; None shows as blank."""
    t = Table(title=title)
    for c in columns:
        t.add_column(c)
    for r in rows:
        t.add_row(*["" if v is None else str(v) for v in r])
    out.print(t)


def run(fn):
    """Wrap a command so query and store errors become messages and exit codes."""
    import functools

    import inspect

    param = inspect.signature(fn).parameters.get("as_of")
    one_date = param is not None and param.default is AsOf  # the shared --as-of option (one date)

    @functools.wraps(fn)
    def wrapper(*a, **kw):
        try:
            if one_date and "as_of" in kw:  # the date is parsed here, once, and passed down
                from localnhs.query.dates import AsOf

                kw["as_of"] = AsOf.parse(kw["as_of"])
            return fn(*a, **kw)
        except typer.Exit:
            raise
        except Exception as exc:  # noqa: BLE001 - every error becomes a message, never a traceback
            from localnhs.query.errors import QueryError
            from localnhs.store.db import StoreError

            if isinstance(exc, (QueryError, StoreError)):
                _fail(exc)
            import sqlite3

            if isinstance(exc, sqlite3.DatabaseError):  # pages damaged after a clean open
                from localnhs.store.db import damaged

                _fail(damaged(paths.default_db(), exc))
            err.print(f"[bold red]localnhs failed:[/] {type(exc).__name__}: {exc}")
            raise typer.Exit(1)

    return wrapper


@app.command()
@run
def build(raw: Optional[Path] = typer.Option(None, "--raw", help="Raw data folder (default LOCALNHS_RAW or ../shared/data/raw)."),
          db: Optional[Path] = typer.Option(None, "--db", help="Database file to write."),
          accept_changes: bool = typer.Option(False, "--accept-changes",
                                              help="Let row counts fall against the previous build (a real change)."),
          compile_date: list[str] = typer.Option([], "--compile-date", metavar="YYYY-MM-DD",
                                                 help="Also compile every place's answer for this date (repeatable; "
                                                      "the build's own day always is; ~8 s each).")):
    """Build the database from the official raw files (atomic: the old one serves until done).

    Each file's rows are checked against its declared floor and the previous build's count."""
    import time

    from localnhs.building import build as do_build
    from localnhs.store.build import BuildError, peak_rss_mb, release_memory, rss_mb

    from localnhs.query.dates import parse
    from localnhs.query.errors import QueryError

    try:
        extra = [parse(d) for d in compile_date]
    except QueryError as exc:
        err.print(f"[bold red]--compile-date:[/] {exc}")
        raise typer.Exit(2)
    source = paths.raw_dir(raw)
    target = db or paths.default_db()
    start = time.perf_counter()
    try:
        ctx = do_build(source, target, accept_changes=accept_changes, compile_dates=extra)
    except BuildError as exc:
        err.print(f"[bold red]build failed:[/] {exc}")
        err.print(f"The previous database (if any) at {target} is unchanged.")
        raise typer.Exit(1)
    out.print(f"Built {target} ({target.stat().st_size / 1e6:.0f} MB) from {source} in {time.perf_counter() - start:.0f} s.")
    for name, secs in ctx.timings.items():
        out.print(f"  {name:<30} {secs:6.1f} s   peak RSS so far {ctx.peaks.get(name, 0):6.0f} MB")
    # The bulk lookup (enrich, export, the set-based bulk API) of the new build, compiled now so
    # that no request and no server start has to.
    from localnhs.export import Lookup
    from localnhs.store.db import connect
    from localnhs.store.export import parts_from_frames

    started = time.perf_counter()
    parts = parts_from_frames(*ctx.postcodes) if ctx.postcodes else None  # the tables as just written
    ctx.postcodes = None
    given = "from the tables just written" if parts else "read back from the database"
    release_memory()
    before = rss_mb()
    conn = connect(target)
    try:
        Lookup(conn).ready(compile=True, parts=parts)
    finally:
        del parts
        conn.close()
    out.print(f"  {'bulk lookup (compiled)':<30} {time.perf_counter() - started:6.1f} s   peak RSS so far {peak_rss_mb():6.0f} MB "
              f"(at its start {before:.0f} MB; postcodes {given})")
    for note in ctx.notes:
        if note.startswith("accepted:"):
            out.print(f"[yellow]{note}[/]")


@app.command()
@run
def update(dest: Optional[Path] = typer.Option(None, "--dest", help="Folder to download into (a dated folder is made inside)."),
           urls: Optional[Path] = typer.Option(None, "--urls", help="TOML file of dataset -> file -> URL to use instead of the defaults."),
           allow_file_urls: bool = typer.Option(False, "--allow-file-urls", help="Accept file:// URLs (tests).")):
    """Download the raw files into a new dated folder, checking each one; nothing existing is touched."""
    from localnhs.sources.download import DownloadError, download_all

    try:
        folder = download_all(dest or (paths.var_dir() / "raw"), urls, allow_file_urls=allow_file_urls)
    except DownloadError as exc:
        err.print(f"[bold red]update failed:[/] {exc}")
        err.print("Nothing was written: existing folders are untouched.")
        raise typer.Exit(1)
    out.print(f"Downloaded into {folder}. Build from it with: localnhs build --raw {folder}")


@app.command()
@run
def serve(host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(8000, "--port", envvar="PORT"),
          workers: int = typer.Option(1, "--workers", min=1, max=64, envvar="LOCALNHS_WORKERS",
                                      help="Server processes sharing the port (each opens the database read-only)."),
          postcodesio_root: bool = typer.Option(False, "--postcodesio-root",
                                                help="Also answer the postcodes.io-compatible API at the root "
                                                     "(/postcodes/...), not only under /postcodesio/.")):
    """Serve the web app and JSON API (refuses a missing, stale or damaged database: exit 4).

    uvicorn with httptools on asyncio's loop; --workers N runs N processes. A new build (or `localnhs
    rollback`) at the database path is picked up while serving; SIGHUP makes the server look at once."""
    import os

    import uvicorn

    from localnhs.api import serving
    from localnhs.api.observe import configure_logging

    if postcodesio_root:
        os.environ["LOCALNHS_POSTCODESIO_ROOT"] = "1"  # read by create_app (also in worker processes)
    if workers > 1:
        from localnhs.store import read
        from localnhs.store.db import verify

        db = paths.default_db()
        conn = verify(db)  # refuse a bad database before any worker starts (exit 4)
        build_id = read.meta(conn).get("build_id", "unknown")
        conn.close()
        os.environ[serving.CHECKED] = serving.identity_text(db)  # the workers need not check it again
        out.print(f"localnhs on http://{host}:{port}/ serving build {build_id} with {workers} workers")
        configure_logging()  # the supervisor's own messages as JSON lines too; each worker sets its own
        uvicorn.run("localnhs.api.app:worker_app", factory=True, host=host, port=port,
                    **serving.server_options(workers))
        return

    from localnhs.api.app import create_app

    app_ = create_app()  # opens the database and checks every page first (StoreError -> exit 4)
    out.print(f"localnhs on http://{host}:{port}/ serving build {app_.state.db.current.build_id}")
    configure_logging()  # JSON lines on stderr: access log with request ids, errors with tracebacks
    uvicorn.run(app_, host=host, port=port, **serving.server_options(1))


@app.command()
@run
def rollback(db: Optional[Path] = typer.Option(None, "--db", help="Database file (default var/localnhs.sqlite).")):
    """Go back to the build before the current one (kept by every build); run again to go forward."""
    from localnhs.store.swap import rollback as do_rollback

    target = db or paths.default_db()
    now, kept = do_rollback(target)
    out.print(f"{target} is build {now} again; build {kept} is kept as the previous one. "
              "A running server switches within a second (or send it SIGHUP).")


@app.command()
@run
def about(json_out: bool = Json):
    """Data sources, their dates and licences, and the attribution statements."""
    from localnhs.query.about import data_files
    from localnhs.store import read

    conn = _conn()
    rows = data_files(conn)
    meta = read.meta(conn)
    if json_out:
        _json({"built_at": meta.get("built_at"), "sources": rows, "attribution": attribution.LINES})
        return
    _table(f"localnhs data (built {meta.get('built_at')})", ("source", "file", "as_of", "rows", "rejects", "publisher", "licence"),
           [(r["source"], r["file"], r["as_of"], f"{r['rows']:,}", r["rejects"], r["publisher"], r["licence"]) for r in rows])
    for line in attribution.LINES:
        out.print(line)


@app.command()
@run
def stats(as_of: Optional[str] = AsOf, json_out: bool = Json):
    """National figures for a date: practices, commissioners, ICBs, trusts, list sizes."""
    from localnhs.query.stats import stats as q

    result = q(_conn(), as_of)
    if json_out:
        _json(result)
        return
    _table("NHS England in figures", ("figure", "value", "as of", "source"),
           [(k.replace("_", " "), f"{v['value']:,}" if isinstance(v["value"], (int, float)) else v["value"],
             v["as_of"], v["source"]) for k, v in result.items()])


@app.command()
@run
def lookup(query: str, as_of: Optional[str] = AsOf, json_out: bool = Json,
           n: int = typer.Option(5, "-n", min=1, max=100, help="How many nearest practices (1-100).")):
    """The local health system for a postcode, place, council or organisation code."""
    from localnhs.query.local_system import local_system
    from localnhs.render_text import local_system_tables

    conn = _conn()
    result = local_system(conn, query, as_of, n_practices=n)
    if json_out:
        from localnhs.query.representatives import with_contacts

        _json(with_contacts(conn, result))
        return
    for piece in local_system_tables(result):
        out.print(piece)


def _show_organisation(code: str, as_of, json_out: bool, require_kind: str | None = None) -> None:
    from localnhs.query.errors import NotFound
    from localnhs.query.organisations import organisation
    from localnhs.render_text import organisation_tables

    conn = _conn()
    view = organisation(conn, code, as_of)
    if require_kind and view.body.kind != require_kind:
        raise NotFound(f"{code.upper()} is a {view.body.label}, not a GP practice.", hint=f"Use `localnhs org {code}`.")
    if json_out:
        from localnhs.query.representatives import organisation_with_contacts

        _json(organisation_with_contacts(conn, view))
        return
    for piece in organisation_tables(view):
        out.print(piece)


@app.command()
@run
def org(code: str, as_of: Optional[str] = AsOf, json_out: bool = Json):
    """One organisation by its code: what it is, relationships both ways, history, figures."""
    _show_organisation(code, as_of, json_out)


@app.command()
@run
def practice(code: str, as_of: Optional[str] = AsOf, json_out: bool = Json):
    """One GP practice by its code (as `org`, checked to be a practice)."""
    _show_organisation(code, as_of, json_out, require_kind="gp_practice")


@app.command()
@run
def search(text: str, json_out: bool = Json, csv_out: bool = Csv, limit: int = typer.Option(20, "-n", min=1, max=100)):
    """Find practices, trusts, commissioners, councils and places by name."""
    from localnhs.query.errors import NotFound
    from localnhs.query.model import to_dict
    from localnhs.query.search import hit_word, search as q

    hits = q(_conn(), text, limit=limit)
    if not hits:
        raise NotFound(f"Nothing matches {text!r}.", hint="Try fewer words, or a postcode with `localnhs lookup`.")
    rows = [to_dict(h) for h in hits]
    if json_out:
        _json(rows)
    elif csv_out:
        _csv(rows)
    else:
        _table(f"Matches for {text!r}", ("code", "name", "kind", "current"),
               [(h.code, h.name, hit_word(h.kind), "yes" if h.current else "no") for h in hits])


NEAR_KINDS = ("gp", *PLACE_ROLES)  # GP practices, or the trusts of one role


@app.command()
@run
def near(query: str, kind: str = typer.Option("gp", "--kind", help=", ".join(NEAR_KINDS)),
         n: int = typer.Option(5, "-n", min=1, max=100, help="How many (1-100)."), as_of: Optional[str] = AsOf,
         json_out: bool = Json, csv_out: bool = Csv):
    """The nearest practices or trusts of a kind to a place."""
    from localnhs.query.errors import InvalidInput
    from localnhs.query.nearby import nearby

    if kind not in NEAR_KINDS:
        raise InvalidInput(f"--kind {kind!r} is not one of {', '.join(NEAR_KINDS)}")
    rows = nearby(_conn(), query, kind, n, as_of.day)
    if json_out:
        _json(rows)
    elif csv_out:
        _csv(rows)
    else:
        _table(f"Nearest {kind.replace('_', ' ')} to {query}", rows[0].keys() if rows else ("code",),
               [r.values() for r in rows])


@app.command("contacts-coverage")
@run
def contacts_coverage(json_out: bool = Json):
    """How many practices have a phone and a website, trusts a website, LSOAs an MP; every gap with its reason."""
    from localnhs.query.contacts import coverage

    result = coverage(_conn())
    if json_out:
        _json(result)
        return
    for name, c in result.items():
        out.print(f"[bold]{c['what']}[/]: {c['covered']:,} / {c['of']:,} ({c['share']:.1%})")
        gaps = c["uncovered"]
        for item in (gaps.items() if isinstance(gaps, dict) else ((g["code"] + " " + g["name"], g["reason"]) for g in gaps)):
            out.print(f"  - {item[0]}: {item[1]}")
        if "names_matched" in c:
            m = c["names_matched"]
            out.print(f"  trust list names matched to ODS codes: {m['matched']} / {m['of']}")
            for u in m["unmatched"]:
                out.print(f"    - {u['listed_name']}: {u['reason']}")
        if "split" in c:
            out.print(f"  split between constituencies (over 2% in a second): {c['split']:,}; "
                      f"one constituency holds 99% or more: {c['one_constituency_99pc']:,}")


@app.command()
@run
def engage(query: str, as_of: Optional[str] = AsOf, json_out: bool = Json):
    """How to get a say: the bodies for a place, closest first, with the ways in to each."""
    from localnhs.query.engage import engage as q
    from localnhs.render_text import engage_text

    plan = q(_conn(), query, as_of)
    if json_out:
        _json(plan)
        return
    for piece in engage_text(plan):
        out.print(piece)


@app.command()
@run
def briefing(query: str, as_of: Optional[str] = AsOf,
             out_file: Optional[Path] = typer.Option(None, "--out", help="PDF file to write (default: a name from the postcode)."),
             html: bool = typer.Option(False, "--html", help="Write the printable HTML instead of a PDF.")):
    """A one- or two-page printable briefing for a neighbourhood meeting (PDF, or HTML)."""
    from localnhs.query.places import locate
    from localnhs.web.briefing import pdf_filename, render_html, render_pdf

    conn = _conn()
    postcode = locate(conn, query).postcode
    if html:
        target = out_file or Path(pdf_filename(postcode, as_of.param)).with_suffix(".html")
        target.write_text(render_html(conn, postcode, as_of), encoding="utf-8")
    else:
        target = out_file or Path(pdf_filename(postcode, as_of.param))
        target.write_bytes(render_pdf(conn, postcode, as_of))
    out.print(f"Wrote {target}")


@app.command("export")
@run
def export_cmd(out_dir: Path = typer.Option(None, "--out", help="Folder to write into (default var/export)."),
               as_of: Optional[list[str]] = typer.Option(None, "--as-of", help="A date to export (repeat for several; default today and 2016-04-01)."),
               formats: str = typer.Option("parquet,csv", "--format", help="parquet, csv or both (comma-separated).")):
    """Postcode -> codes and names lookup tables per date (Parquet and CSV), with a README naming sources and attribution."""
    from localnhs.export import ExportError, export

    target = out_dir or (paths.var_dir() / "export")
    try:
        with err.status("Compiling the lookup (once per build) and writing the tables..."):
            files = export(_conn(), target, as_of, tuple(f.strip() for f in formats.split(",") if f.strip()))
    except ExportError as exc:
        err.print(f"[bold red]{exc}[/]")
        raise typer.Exit(2)
    for f in files:
        out.print(f"Wrote {f} ({f.stat().st_size / 1e6:,.1f} MB)")


@app.command()
@run
def enrich(src: Path = typer.Argument(..., metavar="IN", help="CSV or Parquet file of postcodes (by extension)."),
           dst: Path = typer.Argument(..., metavar="OUT", help="CSV or Parquet file to write (by extension)."),
           postcode_column: str = typer.Option("postcode", "--postcode-column", help="Column holding the postcodes."),
           as_of: Optional[list[str]] = typer.Option(None, "--as-of", help="A date (repeat for several; default today and 2016-04-01); its columns are suffixed with it."),
           fields: Optional[str] = typer.Option(None, "--fields", help="Comma-separated columns to add (default all; see `localnhs export`'s README)."),
           quiet: bool = typer.Option(False, "--quiet", help="No progress bar.")):
    """Add NHS geography to every row of a file of postcodes: a status per row, nothing dropped, order kept."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from localnhs.enrichment import enrich_file, default_lookup
    from localnhs.export import ExportError

    try:
        lookup = default_lookup()
        with Progress(TextColumn("enriching {task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                      TimeElapsedColumn(), console=err, disable=quiet, transient=True) as bar:
            task = bar.add_task(src.name, total=None)

            def progress(done, total, unit):
                bar.update(task, completed=done, total=total)

            counts = enrich_file(lookup, src, dst, postcode_column, as_of, fields, progress=progress)
    except ExportError as exc:
        err.print(f"[bold red]{exc}[/]")
        raise typer.Exit(2)
    tally = ", ".join(f"{counts[s]:,} {s}" for s in ("ok", "terminated", "outside_england", "not_found", "invalid"))
    out.print(f"Wrote {dst}: {counts['rows']:,} rows for {', '.join(counts['dates'])} ({tally})")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
