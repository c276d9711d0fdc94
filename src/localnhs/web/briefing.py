"""The printable briefing for a neighbourhood meeting: one HTML page with a print stylesheet,
and the same HTML rendered to an A4 PDF by WeasyPrint (no network: /static is read from disk).

    render_html(conn, query, as_of=None) -> str
    render_pdf(conn, query, as_of=None) -> bytes
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from urllib.parse import unquote, urlparse

from localnhs.web import STATIC_DIR, jinja_env

BASE_URL = "http://localnhs.invalid/"


def context(conn, query: str, as_of=None) -> dict:
    from localnhs.query.dates import AsOf
    from localnhs.query.engage import engage

    from localnhs.query.contacts import for_system

    asked = AsOf.parse(as_of)
    plan = engage(conn, query, asked.day)
    ls = plan.system
    return {"ls": ls, "plan": plan, "is_2016": asked.ccg_era, "contacts": for_system(conn, ls),
            "as_of_param": asked.param}


def render_html(conn, query: str, as_of=None) -> str:
    return jinja_env().get_template("briefing.html").render(**context(conn, query, as_of))


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


def render_pdf(conn, query: str, as_of=None) -> bytes:
    """The briefing as an A4 PDF (one or two pages)."""
    from weasyprint import HTML

    html = render_html(conn, query, as_of)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf()


def pdf_filename(postcode: str, as_of=None) -> str:
    return f"localnhs-briefing-{postcode.replace(' ', '')}-{as_of or dt.date.today().isoformat()}.pdf"
