"""Render checks for the base templates and the vendored static assets (jinja2 only)."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

WEB = Path(__file__).resolve().parents[1] / "src" / "localnhs" / "web"
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"
VENDOR_CSS = [
    STATIC / "vendor" / "nhsuk" / "nhsuk-frontend.min.css",
    STATIC / "vendor" / "leaflet" / "leaflet.css",
]


@pytest.fixture(scope="module")
def env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
    )


def test_error_page_escapes_and_has_layout(env):
    html = env.get_template("error.html").render(
        heading="<script>", message="a & b", status=404, attribution_short="Contains OS data"
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "a &amp; b" in html
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert '<html lang="en-GB">' in html
    assert 'id="maincontent"' in html and 'href="#maincontent"' in html
    assert "&lt;script&gt; – localnhs</title>" in html
    assert 'action="/search"' in html and 'name="q"' in html
    assert 'href="/national"' in html and 'href="/about/data"' in html
    assert "Contains OS data" in html
    # strict CSP: no inline scripts or styles
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag
    assert "<style" not in html
    assert " style=" not in html


def test_macros_render(env):
    m = env.get_template("macros.html").module
    assert 'href="#q"' in str(m.error_summary([{"text": "Enter a postcode", "href": "#q"}]))
    rows = str(m.summary_list([{"key": "A", "value": "<b>"}, {"key": "B", "value_html": "<b>ok</b>"}]))
    assert "&lt;b&gt;" in rows and "<b>ok</b>" in rows
    assert "nhsuk-tag--green" in str(m.tag("Live", "green"))
    assert "nhsuk-tag--" not in str(m.tag("x", "not-a-colour"))
    card = str(m.card("<ICB>", "<p>x</p>", href="/icb/1", tag={"text": "ICB", "colour": "blue"}))
    assert "&lt;ICB&gt;" in card and "nhsuk-card--clickable" in card and "nhsuk-tag--blue" in card
    crumbs = str(m.breadcrumbs([{"text": "Home", "href": "/"}, {"text": "Here"}]))
    assert 'class="nhsuk-back-link" href="/"' in crumbs and "Here" not in crumbs
    field = str(m.input_with_error("postcode", "Postcode", "<x>", error="Enter a postcode", hint="e.g. LS1 4AP"))
    assert 'aria-describedby="postcode-hint postcode-error"' in field and "&lt;x&gt;" in field
    assert "nhsuk-card--warning" in str(m.warning_callout("Data", "<b>"))


def _static_urls(html: str) -> list[str]:
    return re.findall(r"""(?:href|src)=["'](/static/[^"']+)["']""", html)


def test_base_static_urls_exist(env):
    html = env.get_template("base.html").render()
    urls = _static_urls(html)
    assert "/static/vendor/nhsuk/nhsuk-frontend.min.css" in urls
    assert "/static/app.css" in urls and "/static/app.js" in urls
    for url in urls:
        path = STATIC / url.removeprefix("/static/")
        assert path.is_file(), url
    # nothing loaded from another origin
    assert not re.search(r"""(?:href|src)=["'](?:https?:)?//""", html)


def test_app_js_imports_exist():
    js = (STATIC / "app.js").read_text()
    for ref in re.findall(r"""from\s+["'](\.[^"']+)["']""", js):
        assert (STATIC / ref).resolve().is_file(), ref


@pytest.mark.parametrize("css", VENDOR_CSS, ids=lambda p: p.parent.name)
def test_vendored_css_urls_resolve(css: Path):
    text = css.read_text()
    refs = [r.strip("'\" ") for r in re.findall(r"url\(([^)]*)\)", text)]
    assert refs, "expected some url() references"
    for ref in refs:
        if ref.startswith(("#", "data:")):
            continue
        assert not re.match(r"^(?:[a-z]+:|//|/)", ref), f"non-relative url({ref}) in {css.name}"
        target = (css.parent / re.split(r"[?#]", ref)[0]).resolve()
        assert target.is_file(), f"{css.name}: url({ref}) missing"
