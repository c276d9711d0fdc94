"""Charts and drawings legible on a phone (issue #16 item 6): at 375 px every piece of SVG text
drawn on the page is at least 12 px as rendered (its font size times the drawing's scale), and
each chart has its numbers behind it in a table or list."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/national", "/national?as_of=2016-04-01", "/practices/N81013",
         "/places/WA5%201QG", "/places/WA5%201QG?as_of=2016-04-01"]

# rendered size of every SVG text element that is drawn (not display:none, not in a closed <details>)
RENDERED = """() => [...document.querySelectorAll('svg text')]
  .filter(t => t.getClientRects().length && t.getBoundingClientRect().width > 0)
  .map(t => ({px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a, text: t.textContent}))"""

# each drawn chart: its title, and whether a table / list / details follows it before the next heading
CHARTS = """() => [...document.querySelectorAll('svg.app-chart')].filter(s => s.getClientRects().length).map(s => {
  let el = s.closest('figure') || s, found = false;
  for (let n = el.nextElementSibling; n && !/^H[1-3]$/.test(n.tagName); n = n.nextElementSibling) {
    if (n.matches('table, details, ul') || n.querySelector('table, details, ul')) { found = true; break; }
  }
  return {title: s.querySelector('title')?.textContent, role: s.getAttribute('role'), table: found};
})"""


@pytest.mark.parametrize("path", PAGES)
def test_svg_text_at_least_12px_on_a_phone(page, server, path):
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(server + path)
    sizes = page.evaluate(RENDERED)
    assert sizes, f"{path}: no SVG text drawn"
    small = [s for s in sizes if s["px"] < 12]
    assert small == [], f"{path}: {len(small)} of {len(sizes)} labels under 12 px, e.g. {small[:3]}"


@pytest.mark.parametrize("path", ["/national", "/national?as_of=2016-04-01", "/practices/N81013"])
@pytest.mark.parametrize("width", [375, 1280])
def test_every_chart_is_named_and_has_its_figures_behind_it(page, server, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + path)
    charts = page.evaluate(CHARTS)
    assert charts, f"{path}: no chart drawn at {width} px"
    for c in charts:
        assert c["role"] == "img" and c["title"], c
        assert c["table"], f"{path} at {width} px: no table or list after the chart {c['title']!r}"
    sizes = page.evaluate(RENDERED)
    assert min(s["px"] for s in sizes) >= 12
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
