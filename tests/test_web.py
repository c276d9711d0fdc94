"""Web pages over the real build: status codes, the facts the seeds name, escaping, CSP hygiene."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from fastapi.testclient import TestClient

PC = "WA5 1QG"
PC_URL = "/places/WA5%201QG"


@pytest.fixture(scope="module")
def client(db_path):
    from localnhs.api.app import create_app

    return TestClient(create_app(db_path))


def _no_inline(html: str) -> None:
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_home(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    html = r.text
    assert 'action="/search"' in html and 'id="q"' in html
    assert "Contains OS data" in html  # attribution in the footer
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    _no_inline(html)


def test_static_served(client):
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/map.js").status_code == 200
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200


def test_search_full_postcode_redirects(client):
    r = client.get("/search", params={"q": "wa51qg"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == PC_URL


@pytest.mark.parametrize("q", ["", "WA5 1Q!", "WA5 1Q"])
def test_search_invalid_shows_error_summary(client, q):
    r = client.get("/search", params={"q": q})
    assert r.status_code == 400
    assert "nhsuk-error-summary" in r.text and 'href="#q"' in r.text
    assert "nhsuk-error-message" in r.text and "nhsuk-form-group--error" in r.text
    if q:
        assert "WA5 1QG" in r.text  # says what a valid postcode looks like
    _no_inline(r.text)


def test_search_names(client):
    r = client.get("/search", params={"q": "warrington"})
    assert r.status_code == 200
    # Warrington's trust and its former CCG (today a sub-ICB location under the same code) both come up.
    assert "/organisations/RWW" in r.text and "/organisations/02E" in r.text
    assert "/places/" in r.text  # the council area links to a representative postcode


def test_search_nothing_found_suggests(client):
    r = client.get("/search", params={"q": "warrington zzqxj"})
    assert r.status_code == 404
    assert "Did you mean" in r.text and "Warrington" in r.text


def test_search_escapes_input(client):
    r = client.get("/search", params={"q": "<script>alert(1)</script>"})
    assert r.status_code == 400
    assert "<script>alert" not in r.text and "&lt;script&gt;" in r.text


def test_search_forgives_typing_slips(client):
    r = client.get("/search", params={"q": "Warington"})
    assert "Did you mean" in r.text and 'href="/search?q=Warrington">Warrington</a>?' in r.text
    assert "/organisations/RWW" in r.text  # the corrected search's results are shown
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r.text))
    assert text.count("Warrington Council area") == 1  # one entry per area


def test_search_results_say_where(client):
    r = client.get("/search", params={"q": "Fairfield Surgery"})
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r.text))
    # the three practices of that name in epraccur, told apart by town and council
    for where in ("GP practice in Etchingham, Rother", "GP practice in Warrington", "GP practice in Llanelli, Carmarthenshire"):
        assert where in text, where
    r = client.get("/search", params={"q": "NHS Warrington CCG"})
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r.text))
    assert "Former name of NHS Cheshire and Merseyside ICB - 02E" in text and text.count("Former name") == 1


def test_place_today(client):
    r = client.get(PC_URL)
    assert r.status_code == 200
    html = r.text
    assert re.search(r"<h1[^>]*>Who runs the NHS for (<span[^>]*>)?WA5 1QG", html)
    assert "Cheshire and Merseyside" in html
    assert "Warrington and Halton" in html and "/organisations/RWW" in html
    assert '<figure class="app-diagram app-diagram--system"' in html and "<svg" in html
    assert 'id="map-data"' in html and '"outlines"' in html
    assert "/places/WA5%201QG/briefing" in html and "briefing.pdf" in html
    assert "ways to have a say" in html and "Community planning" in html
    assert "as_of=2016-04-01" in html
    _no_inline(html)


def _text(html: str) -> str:
    """What a reader sees: the page without scripts, tags and attribute values."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_place_first_screen_comes_first(client):
    from localnhs.query.local_system import local_system

    ls = local_system(client.app.state.conn, PC)
    html = r = client.get(PC_URL).text
    text = _text(html)
    nearest = ls.practices[0].practice.name
    acute = next(r.trust.name for r in ls.trusts if r.role == "acute")
    order = [text.index(x) for x in ("Your local NHS", nearest, acute, "Healthwatch Warrington",
                                     "Three ways to have a say", "How the pieces fit together", "Map", "More detail")]
    assert order == sorted(order), order
    # the detail sits in NHS.UK details components; the first screen names each body once
    assert html.count('class="nhsuk-details') >= 6
    first = text[text.index("Your local NHS"):text.index("Three ways to have a say")]
    assert first.count(acute) == 1 and first.count(nearest) == 1


def test_place_words_are_plain(client):
    for url in (PC_URL, PC_URL + "?as_of=2016-04-01", "/organisations/RWW", "/practices/N81013"):
        text = _text(client.get(url).text)
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), (url, re.findall(r".{40}\d{4}-\d{2}-\d{2}.{20}", text))
        assert not re.search(r"\b[\w-]+\.(csv|xlsx?|json|geojson|gz)\b", text), (url, re.findall(r"[\w-]+\.(?:csv|xlsx?|json|gz)", text))


def test_place_sources_link_to_about_data(client):
    html = client.get(PC_URL).text
    assert 'href="/about/data#dataset-epraccur"' in html and "GP practices</a>" in html
    about = client.get("/about/data").text
    assert 'id="dataset-epraccur"' in about and "epraccur_2015-11-27.csv" in about


def test_place_date_input(client):
    r = client.get(PC_URL, params={"day": "1", "month": "6", "year": "2019"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == PC_URL + "?as_of=2019-06-01"
    r = client.get(PC_URL, params={"day": "31", "month": "2", "year": "2019"})
    assert r.status_code == 400 and "real date" in r.text
    html = client.get(PC_URL, params={"as_of": "2019-06-01"}).text
    assert 'class="nhsuk-date-input"' in html and 'name="day" type="text" inputmode="numeric" value="1"' in html


def test_place_map_is_server_rendered(client):
    from localnhs.query.local_system import local_system

    ls = local_system(client.app.state.conn, PC)
    html = client.get(PC_URL).text
    maps = re.findall(r'<svg[^>]*class="app-map-svg".*?</svg>', html, flags=re.S)
    assert len(maps) == 2  # around the place, and the wider area
    assert all("<path" in svg for svg in maps)
    assert not any(re.search(r"https?://(?!www\.w3\.org/2000/svg)", svg) for svg in maps)
    legend = html[html.index('class="nhsuk-list app-legend"'):]
    for p in ls.practices:
        assert p.practice.name in legend
    assert "Warrington (unitary council)" in legend and "Neighbourhood E01012457" in legend


def test_place_2016(client):
    r = client.get(PC_URL, params={"as_of": "2016-04-01"})
    assert r.status_code == 200
    assert "NHS Warrington CCG" in r.text and "/organisations/02E" in r.text
    assert "1 April 2016" in r.text


def test_place_redirects_to_normal_form(client):
    r = client.get("/places/wa51qg", params={"as_of": "2016-04-01"}, follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == PC_URL + "?as_of=2016-04-01"


def test_place_errors(client):
    r = client.get("/places/WA5%201Q!")
    assert r.status_code == 400 and "not a valid postcode" in r.text and "<h1>" in r.text
    r = client.get("/places/CF10%201AA")  # Cardiff
    assert r.status_code == 404 and "Wales" in r.text
    r = client.get(PC_URL, params={"as_of": "not-a-date"})
    assert r.status_code == 400


def test_organisation_pages(client):
    r = client.get("/organisations/RWW")
    assert r.status_code == 200
    assert "Warrington and Halton" in r.text and "How to have a say" in r.text
    _no_inline(r.text)
    r = client.get("/organisations/02E", params={"as_of": "2016-04-01"})
    assert r.status_code == 200 and "Warrington" in r.text
    assert client.get("/organisations/NOPE99").status_code == 404


def test_practice_page_has_list_size_chart(client):
    from localnhs.query.local_system import local_system

    code = local_system(client.app.state.conn, PC).practices[0].practice.code
    r = client.get(f"/practices/{code}")
    assert r.status_code == 200
    assert "Registered patients" in r.text and 'class="app-chart' in r.text


def _ccg_patients_2016(raw) -> dict[str, int]:
    """Registered patients per CCG in January 2016, summed here from the raw NHS Digital file."""
    import csv
    from collections import Counter

    totals: Counter = Counter()
    with open(raw / "patients_registered" / "gp-reg-patients-2016-01.csv", newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            totals[r["CCG_CODE"]] += int(r["TOTAL_ALL"])
    return totals


def test_national(client, raw):
    """The structure counts of each era, and the commissioner sizes the raw list-size file gives."""
    then = client.get("/national", params={"as_of": "2016-04-01"})
    assert then.status_code == 200
    assert "4 regions" in then.text and "209 clinical commissioning groups" in then.text
    before_2026 = client.get("/national", params={"as_of": "2025-06-01"})
    assert "7 regions, 42 integrated care boards" in before_2026.text
    r = client.get("/national")
    assert r.status_code == 200
    _no_inline(r.text)
    # Today: the 36 ICBs of April 2026, none of the ones that closed on 31 March 2026 beside them;
    # the same counts as /api/stats, and the lede's figures agree with both dates.
    stats = {d: client.get("/api/stats", params={"as_of": d} if d else {}).json()["icbs"]["value"]
             for d in ("2022-07-01", None)}
    assert f"7 regions, {stats[None]} integrated care boards" in r.text and stats[None] == 36
    assert f"({stats['2022-07-01']} at first, {stats[None]} since the mergers of 1 April 2026)" in r.text
    totals = _ccg_patients_2016(raw)
    smallest = min(totals, key=totals.get)
    # The smallest CCG of 2016 is shown (beside a big city one), each with the raw file's count.
    for code in (smallest, "13P"):
        assert f"({code}), January 2016" in r.text and f"{totals[code]:,} registered patients" in r.text, code


def test_about_data(client):
    from localnhs import attribution

    r = client.get("/about/data")
    assert r.status_code == 200
    import html

    text = html.unescape(r.text)
    for line in attribution.LINES:
        assert line in text, line
    assert "epraccur" in r.text and "Ordnance Survey" in r.text
    assert re.search(r"<code[^>]*>[0-9a-f]{12}…</code>", r.text)


def test_unknown_page_is_html_404(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "Page not found" in r.text


def test_briefing_html(client):
    r = client.get(PC_URL + "/briefing", params={"as_of": "2016-04-01"})
    assert r.status_code == 200
    assert "NHS Warrington CCG" in r.text and "Community planning" in r.text
    assert "/static/briefing.css" in r.text
    _no_inline(r.text)


def test_briefing_pdf(client, tmp_path):
    r = client.get(PC_URL + "/briefing.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed: .ci/run installs it"
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(r.content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "WA5 1QG" in flat
    assert "Cheshire and Merseyside" in flat
    assert "Warrington and Halton" in flat
    assert "Open Government Licence" in flat
    m = re.search(r"Pages:\s+(\d+)", pages)
    assert m and int(m.group(1)) <= 2, pages


def test_briefing_pdf_2016(client, tmp_path):
    r = client.get(PC_URL + "/briefing.pdf", params={"as_of": "2016-04-01"})
    assert r.status_code == 200
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed: .ci/run installs it"
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(r.content)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "NHS Warrington CCG" in text


def test_practice_names_in_full(client, conn):
    """ODS and NHS.UK both shorten the nearest practice to WA5 1QG ("GUARDIAN STREET MED/CTR",
    "Guardian Street Med/Ctr"); the page and the briefing give the words in full."""
    from localnhs.store import read

    raw = read.organisation(conn, "N81012")["name"]
    assert "MED/CTR" in raw
    for path in ("/places/WA5 1QG", "/places/WA5 1QG/briefing", "/practices/N81012"):
        text = client.get(path).text
        assert "Guardian Street Medical Centre" in text and "Med/Ctr" not in text, path
