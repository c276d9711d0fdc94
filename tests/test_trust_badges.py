"""The web badge follows the answer's confidence: a trust derived from the data or found by the
headquarters fallback never shows "High confidence" on the place page; a cited or official one may."""

import html as htmllib
import re

import pytest
from fastapi.testclient import TestClient

LABELS = {"acute": "Hospital", "ambulance": "Ambulance service", "mental_health": "Mental health services",
          "community": "Community health services"}
# Places whose answers come by every route: data (Leeds, Sheffield), headquarters fallback
# (Hammersmith), a non-NHS provider from the cited table (Huddersfield), official lookups (all).
PLACES = ["LS2 9BR", "S1 2EL", "W6 8RH", "HD3 3EA", "N19 5NF"]


@pytest.fixture(scope="module")
def client(db_path):
    from localnhs.api.app import create_app

    return TestClient(create_app(db_path))


@pytest.mark.parametrize("pc", PLACES)
def test_badge_follows_confidence(client, conn, pc):
    from localnhs.query.local_system import local_system

    page = client.get(f"/places/{pc.replace(' ', '%20')}")
    assert page.status_code == 200
    text = htmllib.unescape(page.text)
    for t in local_system(conn, pc).trusts:
        m = re.search(re.escape(LABELS[t.role]) + r": [^<]*</h3>\s*<p[^>]*>(.*?)</p>", text, re.S)
        assert m, (pc, t.role)
        badge = re.search(r"(High|Medium|Low) confidence", m.group(1))
        assert badge and badge.group(1).lower() == t.confidence, (pc, t.role, t.confidence, m.group(1)[:120])
        if t.basis in ("data", "headquarters", "none"):
            assert "High confidence" not in m.group(1), (pc, t.role, t.basis)
        if t.trust is not None and t.trust.kind == "independent_provider":
            assert "not an NHS trust" in text, (pc, t.role)
