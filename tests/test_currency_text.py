"""The words follow the place and the date: 2016 answers speak of 2016 bodies, today's of today's;
the council's tier decides the council ways in; no template phrase reads wrong for the body.

Checked on real answers for a sample of places in every NHS region: the hand-checked places plus
one representative neighbourhood of each of the 42 ICBs of the 2024 lookup.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from localnhs.query.engage import engage
from places_checked import CHECKED

Y2016 = dt.date(2016, 4, 1)
TODAY = dt.date(2026, 12, 2)
LATER_BODIES = re.compile(r"\b(ICBs?|sub-ICB|integrated care (boards?|partnerships?|systems?|strategy)|"
                          r"primary care networks?|PCNs?)\b", re.I)
CCG = re.compile(r"\b(CCGs?|clinical commissioning groups?)\b", re.I)
LABELLED_LATER = re.compile(r"^Since \d{1,2} \w+ (\d{4}):")


@pytest.fixture(scope="module")
def places(conn):
    reps = [r[0] for r in conn.execute(
        "SELECT min(r.pcd) FROM lsoa21 l JOIN area_rep r ON r.type = 'lsoa21' AND r.code = l.code "
        "WHERE l.icb24 IS NOT NULL GROUP BY l.icb24")]
    assert len(reps) == 42
    return sorted({pc for pc, *_ in CHECKED} | set(reps))


def _texts(plan) -> list[str]:
    """Every sentence of advice and description a person reads, plus labels and methods."""
    ls = plan.system
    out = []
    for b in [*ls.commissioners, *ls.councils, ls.hwb, ls.healthwatch, *ls.national]:
        if b is not None:
            out += [b.label, b.method or ""]
    out += [r.method for r in ls.trusts] + list(ls.notes)
    for s in plan.steps:
        out += [s.role, *s.what_it_does, *s.duty_to_involve, s.type_note or ""]
        out += [w["title"] for w in s.ways_in] + [w["text"] for w in s.ways_in]
    out += [p["text"] for p in plan.community_planning] + [r["text"] for r in plan.rights]
    out += [c["text"] for c in plan.changes_since_2016]
    return [t for t in out if t]


def test_2016_answers_describe_2016_bodies(conn, places):
    """No ICB, sub-ICB location, integrated care partnership or PCN in a 2016 answer, except as a
    later change labelled with its date ("Since 1 July 2022: ...")."""
    bad = []
    for pc in places:
        plan = engage(conn, pc, Y2016)
        assert plan.system.commissioners[0].kind in ("ccg", "sub_icb_location"), pc
        assert plan.system.commissioners[0].label.startswith("Clinical Commissioning Group"), pc
        for text in _texts(plan):
            if LATER_BODIES.search(text):
                m = LABELLED_LATER.match(text)
                if not (m and int(m.group(1)) >= 2019):
                    bad.append((pc, text))
    assert not bad, bad[:5]


def test_todays_answers_name_ccgs_only_as_former(conn, places):
    bad = []
    for pc in places:
        plan = engage(conn, pc, TODAY)
        for text in _texts(plan):
            for sentence in re.split(r"(?<=[.;:])\s+", text):
                if CCG.search(sentence) and "former" not in sentence.lower():
                    bad.append((pc, sentence))
    assert not bad, bad[:5]


def test_2016_national_bodies_include_tda_and_phe(conn):
    then = {b.code for b in engage(conn, "WA5 1QG", Y2016).system.national}
    now = {b.code for b in engage(conn, "WA5 1QG", TODAY).system.national}
    assert {"TDA", "PHE", "MONITOR"} <= then and not ({"TDA", "PHE", "MONITOR"} & now)


def _step(plan, kind):
    return [s for s in plan.steps if s.kind == kind]


def _ways(step):
    return " ".join(w["title"] + " " + w["text"] for w in step.ways_in)


def test_two_tier_council_ways_in_follow_the_tier(conn):
    """Corby in 2016: Northamptonshire county has scrutiny and the HWB; Corby district has planning."""
    plan = engage(conn, "NN17 1AB", Y2016)
    (county,) = _step(plan, "council")
    (district,) = _step(plan, "district_council")
    assert county.body_code == "E10000021" and district.body_code == "E07000150"
    assert "health scrutiny committee" in _ways(county) and "refer" in _ways(county)
    assert "scrutiny committee" not in _ways(district).replace("county", "")
    assert "Local Plan" in _ways(district) and "Local Plan" not in _ways(county)
    assert "public health" not in " ".join(district.what_it_does).split("belong")[0]
    today = engage(conn, "NN17 1AB", TODAY)
    (unitary,) = _step(today, "council")
    assert unitary.body_code == "E06000061" and not _step(today, "district_council")
    assert "call the proposal in" in _ways(unitary) and "Local Plan" in _ways(unitary)


def test_template_phrases_read_right(conn):
    plan = engage(conn, "WA5 1QG", TODAY)
    text = " ".join(_texts(plan))
    assert "Tell Care Quality Commission" not in text and "Tell the Care Quality Commission" in text
    assert "NHS England (and its regions) regional team" not in text
    assert "councillors on Warrington" not in text and "councillors on the council for Warrington" in text
    (ft,) = [s for s in plan.steps if s.kind == "foundation_trust" and s.body_code == "RWW"]
    assert "public benefit corporation" in " ".join(ft.what_it_does)
    assert len(_step(plan, "nhs_england")) == 1            # the region, not a second national copy


def test_sole_sub_icb_location_points_to_the_place_partnership(conn):
    plan = engage(conn, "E1 6AN", TODAY)                  # NHS North East London: one sub-ICB location
    (sub,) = _step(plan, "sub_icb_location")
    assert "covers the whole integrated care board" in _ways(sub)
    assert "who leads its work for" not in _ways(sub)
    shared = engage(conn, "WA5 1QG", TODAY)               # Cheshire and Merseyside: nine
    assert "who leads its work for" in _ways(_step(shared, "sub_icb_location")[0])


def test_special_councils_are_named_for_what_they_are(conn):
    city = engage(conn, "EC2V 7HH", TODAY)
    assert [b.label for b in city.system.councils] == ["City of London Corporation"]
    scilly = engage(conn, "TR21 0AB", TODAY)
    assert [b.label for b in scilly.system.councils] == ["Council of the Isles of Scilly"]
    assert scilly.system.healthwatch is not None and _step(scilly, "council")


def test_health_scrutiny_follows_the_2024_rules(conn):
    council_now = _step(engage(conn, "WA5 1QG", TODAY), "council")[0]
    council_2016 = _step(engage(conn, "WA5 1QG", Y2016), "council")[0]
    assert "call the proposal in" in _ways(council_now) and "refer" not in _ways(council_now)
    assert "refer a change it opposed to the Secretary of State" in _ways(council_2016)
    assert "call the proposal in" not in _ways(council_2016)


@pytest.mark.parametrize("pc, when, name, cited", [
    ("BH1 1AA", TODAY, "Healthwatch Dorset", True),                    # Bournemouth, Christchurch and Poole
    ("NN1 1DE", dt.date(2023, 6, 1), "Healthwatch Northamptonshire", True),
    ("NN1 1DE", TODAY, "Healthwatch West Northamptonshire", True),
    ("NN17 1AB", TODAY, "Healthwatch North Northamptonshire", False),  # not in the cited list: derived
    ("WA5 1QG", TODAY, "Healthwatch Warrington", False),
])
def test_healthwatch_areas_are_cited_or_say_derived(conn, pc, when, name, cited):
    hw = engage(conn, pc, when).system.healthwatch
    assert hw.name == name
    assert hw.method.startswith("cited") == cited and ("derived" in hw.method) != cited
    assert hw.confidence == ("high" if cited else "medium")
