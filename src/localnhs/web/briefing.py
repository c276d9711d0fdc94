"""The printable briefing for a neighbourhood meeting: one HTML page with a print stylesheet,
and the same HTML rendered to an A4 PDF by WeasyPrint (no network: /static is read from disk).
The PDF is tagged (PDF/UA-1: structure tree, document language and title), carries the local
system diagram and the server-drawn map, and links back to the place's page on the site.

    render_html(conn, query, as_of=None, site=None) -> str
    render_pdf(conn, query, as_of=None, site=None) -> bytes
    pdf_in_child(html, stopped=None) -> bytes | None     (what the server uses)

The server renders a PDF in a child process (`python -m localnhs.web.briefing`, HTML on stdin,
the PDF on stdout): WeasyPrint's seconds of work hold the GIL, and in the server's own process
they stalled every other request (a lookup went from 4 ms to a median of 0.5 s with 8 PDFs asked
for). The child runs at a lower priority, is killed when the request is stopped (the client left,
or the server's request timeout), and how many run at once is the server's PDF limit
(api/limits.py: pdf_concurrency, pdf_queue).
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
import subprocess
import sys
import time
from collections.abc import Callable
from urllib.parse import unquote, urljoin, urlparse

from localnhs.kinds import ROLES
from localnhs.web import STATIC_DIR, jinja_env, place_href

BASE_URL = "http://localnhs.invalid/"
# Where the PDF's link back points when it is made outside a request (`localnhs briefing`):
# LOCALNHS_SITE_URL, else the address `make serve` / `localnhs serve` listens on.
DEFAULT_SITE = "http://127.0.0.1:8000/"
PDF_VARIANT = "pdf/ua-1"  # WeasyPrint >= 59: tagged PDF with PDF/UA-1 metadata


def context(conn, query: str, as_of=None, site: str | None = None) -> dict:
    from localnhs.query.about import sources_of_place
    from localnhs.query.contacts import for_system
    from localnhs.query.dates import AsOf
    from localnhs.query.engage import engage
    from localnhs.query.place_map import place_map
    from localnhs.web.diagram import local_system_svg
    from localnhs.web.placemap import legend, map_panels

    asked = AsOf.parse(as_of)
    plan = engage(conn, query, asked.day)
    ls = plan.system
    map_data = place_map(conn, ls)
    site = site or os.environ.get("LOCALNHS_SITE_URL") or DEFAULT_SITE
    return {"ls": ls, "plan": plan, "is_2016": asked.ccg_era, "as_of_param": asked.param, "roles": ROLES,
            "contacts": for_system(conn, ls),
            "diagram_svg": local_system_svg(ls), "map_panels": map_panels(map_data), "map_legend": legend(map_data),
            "page_url": urljoin(site, place_href(ls.location.postcode, asked.param)),
            "sources": sources_of_place(conn, ls, map_data), "about_data": urljoin(site, "/about/data")}


def render_html(conn, query: str, as_of=None, site: str | None = None) -> str:
    return jinja_env().get_template("briefing.html").render(**context(conn, query, as_of, site))


def _static(url: str) -> tuple[bytes, str]:
    """Serve /static/... from the package; refuse everything else (no network from the PDF renderer)."""
    path = unquote(urlparse(url).path)
    if url.startswith(BASE_URL) and path.startswith("/static/"):
        f = (STATIC_DIR / path.removeprefix("/static/")).resolve()
        if f.is_file() and STATIC_DIR.resolve() in f.parents:
            return f.read_bytes(), mimetypes.guess_type(f.name)[0] or "application/octet-stream"
    raise ValueError(f"not fetched: {url}")


def _fetcher():
    try:  # WeasyPrint >= 67: URLFetcher subclasses
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except ImportError:  # older: a function returning a dict
        def fetch(url):
            body, mime = _static(url)
            return {"string": body, "mime_type": mime}
        return fetch

    class StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            body, mime = _static(url)
            return URLFetcherResponse(url, body, {"Content-Type": mime})

    return StaticFetcher()


def html_to_pdf(html: str) -> bytes:
    """A briefing page's HTML as a tagged A4 PDF."""
    from weasyprint import HTML

    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf(
        pdf_variant=PDF_VARIANT, pdf_tags=True, uncompressed_pdf=False)


def render_pdf(conn, query: str, as_of=None, site: str | None = None) -> bytes:
    """The briefing as a tagged A4 PDF (one or two pages) linking back to the place's page on site."""
    return html_to_pdf(render_html(conn, query, as_of, site))


CHILD_BOUND_S = 120.0   # a hang guard; the server's request timeout (60 s) stops a render first
CHILD_POLL_S = 0.1      # how often the parent looks whether the request was stopped


class PdfFailed(RuntimeError):
    """The PDF renderer (child process) failed or hung; the message says how."""


def pdf_in_child(html: str, stopped: Callable[[], bool] | None = None, bound_s: float = CHILD_BOUND_S) -> bytes | None:
    """html_to_pdf in a child process. None when ``stopped()`` turned true meanwhile (the child is
    killed at once); PdfFailed when the child fails or outlives bound_s (killed too)."""
    proc = subprocess.Popen([sys.executable, "-m", "localnhs.web.briefing"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    data: bytes | None = html.encode("utf-8")
    end = time.monotonic() + bound_s
    try:
        while True:
            try:
                out, err = proc.communicate(data, timeout=CHILD_POLL_S)
                break
            except subprocess.TimeoutExpired:
                data = None  # sent: a retried communicate() carries on where it was
                if stopped is not None and stopped():
                    return None
                if time.monotonic() > end:
                    raise PdfFailed(f"the PDF renderer took longer than {bound_s:g} s and was stopped") from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    if proc.returncode != 0:
        tail = err.decode("utf-8", errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise PdfFailed(f"the PDF renderer exited with {proc.returncode}: {tail[0][:300]}")
    return out


def pdf_filename(postcode: str, as_of=None) -> str:
    return f"localnhs-briefing-{postcode.replace(' ', '')}-{as_of or dt.date.today().isoformat()}.pdf"


def _child_main() -> None:
    """`python -m localnhs.web.briefing`: HTML on stdin, the PDF on stdout (see pdf_in_child)."""
    try:
        os.nice(5)  # the server's requests come first
    except OSError:
        pass
    html = sys.stdin.buffer.read().decode("utf-8")
    sys.stdout.buffer.write(html_to_pdf(html))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _child_main()
