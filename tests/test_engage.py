"""Issue 4 acceptance: ways in for a place, from the real local system and the content files."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from localnhs.content import load_bodies
from localnhs.query.bodies import body
from localnhs.query.engage import _kind_for, engage


def test_every_kind_of_body_in_the_store_has_content(conn):
    bodies = load_bodies()
    kinds = [r[0] for r in conn.execute("SELECT DISTINCT kind FROM organisation")]
    assert len(kinds) >= 10
    for kind in kinds:
        code = conn.execute("SELECT code FROM organisation WHERE kind = ? LIMIT 1", (kind,)).fetchone()[0]
        for when in (dt.date(2016, 4, 1), dt.date(2026, 1, 1)):
            b = body(conn, code, when)
            content = _kind_for(b, when)
            if kind == "icb" and when < dt.date(2022, 7, 1):
                assert content is None  # STPs were partnerships with no duty of their own
                continue
            assert content in bodies, (kind, code, when)


def test_engage_warrington_names_the_real_bodies(conn):
    plan = engage(conn, "WA5 1QG")
    names = [s.body_name for s in plan.steps]
    assert plan.steps[0].kind == "gp_practice"                      # closest level first
    assert [s.level for s in plan.steps] == sorted(s.level for s in plan.steps)
    assert plan.system.practices[0].practice.name in names
    assert "Warrington and Halton Teaching Hospitals NHS Foundation Trust" in names
    assert "NHS Cheshire and Merseyside Integrated Care Board" in names
    assert "Warrington Health and Wellbeing Board" in names and "Healthwatch Warrington" in names
    ft = next(s for s in plan.steps if s.body_code == "RWW")
    assert ft.kind == "foundation_trust" and any("governor" in w["text"].lower() for w in ft.ways_in)
    assert all(w["sources"] for s in plan.steps for w in s.ways_in)
    assert any("NHS Constitution" in r["text"] or "nhs-constitution" in r["sources"] for r in plan.rights)
    assert any(c["to"] for c in plan.community_planning)


def test_engage_2016_speaks_of_the_ccg(conn):
    plan = engage(conn, "WA5 1QG", "2016-04-01")
    ccg = next(s for s in plan.steps if s.body_code == "02E")
    assert ccg.kind == "ccg" and ccg.body_name == "NHS Warrington CCG"
    assert "monitor" in {s.kind for s in plan.steps}
    assert not any(s.kind in ("icb", "sub_icb_location") for s in plan.steps)


def test_engage_cli_text(db_path):
    res = subprocess.run([sys.executable, "-m", "localnhs", "engage", "WA5 1QG"], capture_output=True, text=True,
                         env={"LOCALNHS_DB": str(db_path), "PATH": "", "COLUMNS": "250"})
    assert res.returncode == 0, res.stderr
    out = " ".join(res.stdout.split()).lower()
    for phrase in ("patient participation group", "governor", "consult", "nhs constitution",
                   "warrington and halton teaching hospitals", "cheshire and merseyside",
                   "warrington health and wellbeing board", "healthwatch warrington"):
        assert phrase in out, phrase
