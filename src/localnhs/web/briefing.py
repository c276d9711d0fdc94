"""The printable briefing for a neighbourhood meeting: one HTML page with a print stylesheet,
and the same HTML rendered to an A4 PDF by WeasyPrint (no network: /static is read from disk).
The PDF is tagged (PDF/UA-1: structure tree, document language and title), carries the local
system diagram and the server-drawn map, and links back to the place's page on the site.

    render_html(conn, query, as_of=None, site=None) -> str
    render_pdf(conn, query, as_of=None, site=None) -> bytes
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
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


def render_pdf(conn, query: str, as_of=None, site: str | None = None) -> bytes:
    """The briefing as a tagged A4 PDF (one or two pages) linking back to the place's page on site."""
    from weasyprint import HTML

    html = render_html(conn, query, as_of, site)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf(
        pdf_variant=PDF_VARIANT, pdf_tags=True, uncompressed_pdf=False)


def pdf_filename(postcode: str, as_of=None) -> str:
    return f"localnhs-briefing-{postcode.replace(' ', '')}-{as_of or dt.date.today().isoformat()}.pdf"
