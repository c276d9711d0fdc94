"""Plain words in Chromium (issue #16 item 5 and its acceptance): every date in a page's text
(details, hidden drawings and SVG titles included; scripts left out) is in GOV.UK style,
"1 June 2021", and no source is shown as a bare file name outside /about/data."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/search?q=warrington", "/search?q=Warington", "/search?q=Fairfield+Surgery",
         "/places/WA5%201QG", "/places/WA5%201QG?as_of=2016-04-01", "/places/WA5%201QG/briefing",
         "/places/WA5%201QG/briefing?as_of=2016-04-01", "/organisations/RWW", "/organisations/RWW?as_of=2016-04-01",
         "/organisations/02E?as_of=2016-04-01", "/practices/N81013", "/national", "/national?as_of=2016-04-01",
         "/about/data", "/places/CF10%201AA"]

# all the text a reader or a screen reader can get at, open or closed, except scripts and styles
ALL_TEXT = """() => { const c = document.documentElement.cloneNode(true);
  c.querySelectorAll('script, style, noscript').forEach(e => e.remove());
  const attrs = [...c.querySelectorAll('[aria-label], [title], [alt]')]
    .map(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('alt')].filter(Boolean).join(' '));
  return c.textContent + '\\n' + attrs.join('\\n'); }"""

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
NOT_GOVUK = {
    "ISO date": r"\b\d{4}-\d{2}-\d{2}\b",
    "numeric date": r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    "leading zero": rf"\b0\d (?:{MONTHS}) \d{{4}}\b",
    "ordinal": rf"\b\d{{1,2}}(?:st|nd|rd|th) (?:{MONTHS})\b",
    "month first": rf"\b(?:{MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b",
    "short month": r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}\b",
}
URL = re.compile(r"https?://\S+")
FILE_NAME = re.compile(r"\b[\w.-]+\.(?:csv|json|geojson|zip|gz|xlsx?|ods|txt|parquet|xml)\b", re.I)


def _text(page, server, path) -> str:
    resp = page.goto(server + path)
    assert resp is not None and resp.status < 500, path
    return page.evaluate(ALL_TEXT)


@pytest.mark.parametrize("path", PAGES)
def test_dates_in_govuk_style(page, server, path):
    text = _text(page, server, path)
    if path == "/about/data":  # the file names there carry their publishers' dates
        text = FILE_NAME.sub(" ", text)
    text = URL.sub(" ", text)  # a printed web address keeps its ?as_of=2016-04-01
    assert len(text.split()) > 50, f"{path}: hardly any text"
    found = {k: sorted(set(re.findall(p, text)))[:5] for k, p in NOT_GOVUK.items() if re.search(p, text)}
    assert found == {}, f"{path}: {found}"


@pytest.mark.parametrize("path", [p for p in PAGES if p != "/about/data"])
def test_no_source_as_a_bare_file_name(page, server, path):
    names = sorted(set(FILE_NAME.findall(_text(page, server, path))))
    assert names == [], f"{path}: {names[:8]}"


def test_about_data_names_every_file(page, server, conn):
    """The one page that shows file names shows every imported file, under its dataset's title."""
    from localnhs.store import read

    text = _text(page, server, "/about/data")
    files = [r["file"] for r in read.import_log(conn)]
    assert files and all(f in text for f in files)
