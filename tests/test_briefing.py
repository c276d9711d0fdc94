"""The briefing PDF (issue #16 item 8), made by the real app from the real build: tagged for
assistive technology (PDF/UA-1: a structure tree, marked content, the document language), the
local system diagram and both map panels in it as tagged figures with their text, a link back to
the place's page on the site it was asked from, and one or two A4 pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib

import pytest

from localnhs.query.local_system import local_system

PC_URL = "/places/WA5%201QG"


@pytest.fixture(scope="module")
def client(db_path):
    from starlette.testclient import TestClient

    from localnhs.api.app import create_app

    return TestClient(create_app(db_path), base_url="http://briefing.test")


def _objects(pdf: bytes) -> bytes:
    """The file with every Flate stream inflated (dictionaries live in compressed object streams)."""
    parts = [pdf]
    for m in re.finditer(rb"stream\r?\n", pdf):
        end = pdf.find(b"endstream", m.end())
        try:
            parts.append(zlib.decompressobj().decompress(pdf[m.end():end]))
        except zlib.error:
            pass
    return b"\n".join(parts)


def _poppler(args: list[str], path) -> str:
    assert shutil.which(args[0]), f"{args[0]} (poppler-utils) is needed: apt-get install poppler-utils"
    return subprocess.run([*args, str(path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("as_of", [None, "2016-04-01"])
def test_briefing_pdf_tagged_with_diagram_map_and_link(client, conn, tmp_path, as_of):
    r = client.get(PC_URL + "/briefing.pdf", params={"as_of": as_of} if as_of else {})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    path = tmp_path / "briefing.pdf"
    path.write_bytes(r.content)

    info = _poppler(["pdfinfo"], path)
    assert re.search(r"Tagged:\s+yes", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 1 <= pages <= 2, info
    assert re.search(r"Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info), info

    objects = _objects(r.content)
    assert b"/StructTreeRoot" in objects
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked true", objects)
    assert re.search(rb"/Lang \(en-GB\)", objects)
    # the link back to the place's page, on the host the PDF was asked from, for the same date
    back = "http://briefing.test" + PC_URL + (f"?as_of={as_of}" if as_of else "")
    assert f"/URI ({back})".encode() in objects

    # the diagram and both map panels are tagged figures, with their drawn text and a name
    tree = _poppler(["pdfinfo", "-struct-text"], path)
    figures = re.findall(r"Figure:\n(?:\s+/\w+.*\n)*\s+\"([^\"]*)\"", tree)
    assert len(figures) == 3, tree[:2000]
    ls = local_system(conn, "WA5 1QG", as_of)
    diagram, near, wide = figures
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731 - poppler drops the spaces in drawn text
    assert "oversees" in diagram and squash(ls.practices[0].practice.name) in diagram
    assert all(squash(r.trust.name) in diagram for r in ls.trusts if r.trust)
    assert "WA51QG" in near and re.search(r"\d+m", near)
    assert "WA51QG" in wide and re.search(r"\d+km", wide)
    assert b"/Alt (Map around WA5 1QG)" in objects


def test_briefing_says_when_a_trust_answers_for_one_merged_into_it(client):
    """Warrington's community health trust, Bridgewater (RY2), became part of Warrington and Halton
    (RWW) on 1 April 2026 (ODS successions): today's briefing names RWW and says why; April 2016's
    names Bridgewater with no such note. Role names come from the roles registry."""
    from localnhs.kinds import ROLES

    today = client.get(PC_URL + "/briefing").text
    then = client.get(PC_URL + "/briefing", params={"as_of": "2016-04-01"}).text
    merged = ("Bridgewater Community Healthcare NHS Foundation Trust (RY2) became part of Warrington and Halton "
              "Teaching Hospitals NHS Foundation Trust on 1 April 2026")
    assert merged in today and merged not in then
    assert "Bridgewater Community Healthcare NHS Foundation Trust (RY2)" in then
    for role in ("acute", "mental_health", "community", "ambulance"):
        assert f"<dt>{ROLES[role].service.capitalize()}</dt>" in today
