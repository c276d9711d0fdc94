"""Server-rendered web pages (NHS.UK design system) over the query layer: rendering only."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

CONFIDENCE_COLOURS = {"high": "green", "medium": "yellow", "low": "red", "none": "grey"}


def nice_date(value) -> str:
    """'2016-04-01' -> '1 April 2016'; '2016-04' -> 'April 2016'; anything else unchanged."""
    if not value:
        return ""
    text = str(value)
    try:
        if len(text) == 7:
            return dt.date.fromisoformat(text + "-01").strftime("%B %Y")
        d = dt.date.fromisoformat(text[:10])
        return f"{d.day} {d.strftime('%B %Y')}"
    except ValueError:
        return text


ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def plain_dates(text) -> str:
    """GOV.UK style for every ISO date in running text: 'on 2021-06-01' -> 'on 1 June 2021'."""
    if not text:
        return text or ""
    return ISO_DATE.sub(lambda m: nice_date(m.group(0)), str(text))


def org_href(body) -> str | None:
    """Link to a body's page, or None for bodies we have no page for (national bodies)."""
    kind = getattr(body, "kind", None) or (body.get("kind") if isinstance(body, dict) else None)
    code = getattr(body, "code", None) or (body.get("code") if isinstance(body, dict) else None)
    if not code or kind in (None, "national_body", "unknown", "independent_provider"):
        return None
    from urllib.parse import quote

    return ("/practices/" if kind == "gp_practice" else "/organisations/") + quote(code, safe="")


def place_href(postcode: str, as_of: str | None = None, suffix: str = "") -> str:
    from urllib.parse import quote, urlencode

    url = "/places/" + quote(postcode, safe="") + suffix
    return url + ("?" + urlencode({"as_of": as_of}) if as_of else "")


@lru_cache(maxsize=1)
def jinja_env():
    import jinja2

    from localnhs import attribution

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["nicedate"] = nice_date
    env.filters["plaindates"] = plain_dates
    # First letter up, the rest as written (Jinja's capitalize would turn "NHS" into "nhs").
    env.filters["sentence"] = lambda t: (t[:1].upper() + t[1:]) if t else t
    env.filters["thousands"] = lambda n: f"{round(n):,}" if n is not None else ""
    env.filters["monthyear"] = lambda d: dt.date.fromisoformat(d).strftime("%B %Y") if d else ""
    env.globals.update(org_href=org_href, place_href=place_href, confidence_colour=CONFIDENCE_COLOURS.get,
                       attribution_short=attribution.SHORT)
    return env
