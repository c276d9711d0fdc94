"""Drive the pages in headless Chromium: the journey, errors, the date switch, the map, axe-core
(WCAG 2.2 AA) on every page, no CSP violations, screenshots at 1280 and 320 px."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "search": "/search?q=warrington",
    "search-error": "/search?q=WA5+1Q%21",
    "search-none": "/search?q=warrington+zzqxj",
    "place": "/places/WA5%201QG",
    "place-2016": "/places/WA5%201QG?as_of=2016-04-01",
    "organisation": "/organisations/RWW",
    "practice": "/practices/N81013",
    "ccg-2016": "/organisations/02E?as_of=2016-04-01",
    "national": "/national",
    "national-2016": "/national?as_of=2016-04-01",
    "about-data": "/about/data",
    "briefing": "/places/WA5%201QG/briefing",
    "error-outside": "/places/CF10%201AA",
    "not-found": "/no/such/page",
}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _clean(page, allow=()):
    bad = [p for p in page.problems if not any(a in p for a in allow)]
    csp = [p for p in page.problems if "Content Security Policy" in p or "Content-Security-Policy" in p]
    assert not csp, csp
    assert not bad, bad


def _axe(page):
    # axe is injected with add_init_script (CDP, not subject to the page's CSP): an inline
    # <script> tag would be, and must be, blocked by script-src 'self'.
    result = page.evaluate(
        "async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})); }",
        AXE_TAGS,
    )
    assert result == [], result


def test_journey(page, server):
    page.goto(server + "/")
    assert page.locator("h1").count() == 1
    page.fill("#q", "WA5 1QG")
    page.click("form.app-search-form button[type=submit]")
    page.wait_for_url(re.compile(r"/places/WA5%201QG$"))
    assert "Who runs the NHS for WA5 1QG" in page.inner_text("h1")
    assert "Cheshire and Merseyside" in page.inner_text("main")
    # the map drew points and outlines without any tiles
    page.wait_for_selector("#map.app-map--ready")
    assert page.locator("#map path.leaflet-interactive").count() >= 3
    # through to an organisation and back
    page.click("main a[href='/organisations/RWW']")
    page.wait_for_url(re.compile(r"/organisations/RWW$"))
    assert "Warrington and Halton" in page.inner_text("h1")
    page.go_back()
    page.wait_for_url(re.compile(r"/places/WA5%201QG$"))
    _clean(page)


def test_invalid_input_shows_error_summary(page, server):
    page.goto(server + "/")
    page.fill("#q", "WA5 1Q!")
    page.click("form.app-search-form button[type=submit]")
    summary = page.locator(".nhsuk-error-summary")
    summary.wait_for()
    assert "WA5 1QG" in summary.inner_text()
    assert page.locator("#q-error").is_visible()
    page.click(".nhsuk-error-summary a[href='#q']")
    _clean(page, allow=("status of 400",))


def test_as_of_switch_shows_2016_ccg(page, server):
    page.goto(server + "/places/WA5%201QG")
    page.click("nav.app-switch a:has-text('April 2016')")
    page.wait_for_url(re.compile(r"as_of=2016-04-01"))
    main = page.inner_text("main")
    assert "NHS Warrington CCG" in main and "02E" in main
    assert page.locator("main a[href='/organisations/02E']").count() >= 1
    _clean(page)


@pytest.mark.parametrize("name", list(PAGES))
def test_page_accessible_and_screenshots(page, server, axe_source, screenshots, name):
    page.add_init_script(path=str(axe_source))
    resp = page.goto(server + PAGES[name])
    assert resp is not None
    assert page.locator("h1").count() == 1
    if "place" in name:
        page.wait_for_selector("#map.app-map--ready")
    _axe(page)
    page.screenshot(path=str(screenshots / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    if "place" in name:
        page.wait_for_selector("#map.app-map--ready")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{name}: horizontal scroll of {overflow}px at 320px"
    _axe(page)
    page.screenshot(path=str(screenshots / f"{name}-320.png"), full_page=True)
    # 4xx pages log a console error for the failed document load only
    _clean(page, allow=("Failed to load resource: the server responded with a status of 4",))
