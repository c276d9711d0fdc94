"""The "ways in" content: every claim cited, every kind present, the seeds' points covered."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from importlib.resources import files
from pathlib import Path

import pytest

from localnhs.eras import ICB_ERA
from localnhs.kinds import KINDS, NATIONAL_BODIES, content_files
from localnhs.content import (
    ContentError,
    load_bodies,
    load_community_planning,
    load_national,
    load_sources,
)

# The ways-in files the registry of kinds names (src/localnhs/kinds.py): disk, loader and registry agree.
EXPECTED_KINDS = set(content_files())
CONTENT = Path(str(files("localnhs.content")))


def _text(body, section=None) -> str:
    stmts = body.all_statements() if section is None else body.section(section)
    return " ".join(((s.title or "") + " " + s.text) for s in stmts).lower()


@pytest.fixture(scope="module")
def bodies():
    return load_bodies()


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def test_every_body_file_loads_and_kinds_match(bodies):
    files_on_disk = {p.stem for p in (CONTENT / "bodies").glob("*.yaml")}
    assert files_on_disk == EXPECTED_KINDS
    assert set(bodies) == EXPECTED_KINDS


def test_every_statement_has_known_sources_and_checked_date(bodies, sources):
    count = 0
    for kind, body in bodies.items():
        assert isinstance(body.checked, dt.date), kind
        for st in body.all_statements():
            count += 1
            assert st.sources, (kind, st.text)
            assert all(s in sources for s in st.sources), (kind, st.sources)
            assert isinstance(st.checked, dt.date), (kind, st.text)
    for item in load_community_planning():
        count += 1
        assert item.sources and all(s in sources for s in item.sources), item.topic
        assert item.to and all(k in EXPECTED_KINDS for k in item.to + item.to_2016), item.topic
    assert count > 100


def test_levels_run_from_practice_to_regulators(bodies):
    """Closest to the resident first: practice < network < commissioner < ICB < NHS England < regulators."""
    chain = [["gp_practice"], ["pcn"], ["ccg", "sub_icb_location"], ["icb"], ["nhs_england"],
             [k for k in NATIONAL_BODIES if k != "nhs_england"]]
    levels = [{bodies[k].level for k in step} for step in chain]
    assert all(len(lv) == 1 for lv in levels[:-1]), levels  # the CCG and its successor are one level
    assert all(max(a) < min(b) for a, b in zip(levels, levels[1:])), levels
    assert bodies["nhs_trust"].level == bodies["foundation_trust"].level


def test_validity_dates_follow_the_eras(bodies):
    """The content's dates agree with the ICB era the data gives (eras.py, from the ONS lookup's date)."""
    day_before = ICB_ERA - dt.timedelta(days=1)
    assert bodies["ccg"].valid_to == day_before and bodies["monitor"].valid_to == day_before
    assert bodies["icb"].valid_from == bodies["sub_icb_location"].valid_from == ICB_ERA
    for code in ("ccg", "sub_icb_location", "icb"):  # each era's ways-in file is valid in that era
        k = KINDS[code]
        for day in (day_before, ICB_ERA):
            if k.content(day):
                assert bodies[k.content(day)].valid_on(day), (code, day)
    assert not bodies["icb"].valid_on(day_before) and not bodies["ccg"].valid_on(ICB_ERA)


def test_every_kind_has_ways_in_with_titles(bodies):
    for kind, body in bodies.items():
        assert body.section("ways_in"), kind
        assert all(s.title for s in body.section("ways_in")), kind


def test_gp_practice_ways_in_mention_ppgs(bodies):
    assert "patient participation group" in _text(bodies["gp_practice"], "ways_in")


def test_foundation_trust_mentions_governors_and_members(bodies):
    text = _text(bodies["foundation_trust"], "ways_in")
    assert "governor" in text and "member" in text


def test_trust_types_are_notes_inside_the_trust_files(bodies):
    for kind in ("nhs_trust", "foundation_trust"):
        assert {"acute", "ambulance", "mental_health", "community"} <= set(bodies[kind].by_type), kind


def test_a_statement_cites_the_nhs_constitution(bodies):
    citing = [s for b in bodies.values() for s in b.all_statements() if "nhs-constitution" in s.sources]
    assert citing
    assert any("involved" in s.text.lower() for s in citing)


def test_ccg_changes_give_icb_date(bodies):
    dates = {s.date for s in bodies["ccg"].section("changes_since_2016")}
    assert ICB_ERA in dates


def test_reforms_carry_their_status_and_date(bodies):
    """Announced (March / July 2025) and then in Parliament since May 2026: each says which."""
    for kind, day in (("nhs_england", dt.date(2025, 3, 13)), ("healthwatch", dt.date(2025, 7, 7))):
        changes = [s for s in bodies[kind].section("changes_since_2016") if s.date == day]
        assert changes and all("announced" in s.text.lower() for s in changes), kind
    for kind in ("nhs_england", "healthwatch", "icb"):
        bill = [s for s in bodies[kind].section("changes_since_2016") if s.date == dt.date(2026, 5, 14)]
        assert bill and all("in parliament since may 2026" in s.text.lower() for s in bill), kind
        assert all("health-bill" in " ".join(s.sources) for s in bill), kind


def test_dated_statements_split_2016_from_today(bodies):
    """Where the words differ by date, the 2016 version ends before ICBs began and today's starts then."""
    for kind in ("hwb", "gp_practice", "nhs_trust", "healthwatch"):
        before = [s for s in bodies[kind].all_statements() if s.valid_to and s.valid_to < ICB_ERA]
        after = [s for s in bodies[kind].all_statements() if s.valid_from and s.valid_from >= ICB_ERA]
        assert before and after, kind
        assert not any("integrated care board" in s.text.lower() for s in before), kind


def test_seed_points_are_covered(bodies):
    everything = " ".join(_text(b) for b in bodies.values())
    for phrase in (
        "social prescribing",
        "community garden",
        "cycling",
        "local patient network",
        "joint strategic needs assessment",
        "enter and view",
        "councillor",
        "specialised services",
        "nhs improvement",
        "meets in public",
    ):
        assert phrase in everything, phrase


def test_placeholders_render(bodies):
    way = bodies["gp_practice"].section("ways_in")[0]
    out = way.render(name="Test Surgery", place="Testville")
    assert "Test Surgery" in out and "{name}" not in out


def test_no_sentence_copied_from_the_seeds(bodies):
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("seeds not beside the repo")
    seed_text = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in seeds.glob("0*.txt")).lower()
    for body in bodies.values():
        for st in body.all_statements():
            for sentence in re.split(r"(?<=[.!?])\s+", st.text):
                words = sentence.split()
                # any run of 10 consecutive words found verbatim in a seed counts as copying
                for i in range(len(words) - 9):
                    chunk = " ".join(words[i : i + 10]).lower()
                    assert chunk not in seed_text, (body.kind, chunk)


def test_national_seed_figures_agree_with_the_data(sources, conn):
    """The seed's 2016 figures (content/national.yaml) against the official files for April 2016."""
    from localnhs.query.stats import stats

    nat = load_national()
    assert nat["year"] == 2016
    figs = {f["id"]: f["value"] for f in nat["seed_figures"]}
    data = stats(conn, "2016-04-01")
    assert figs["ccgs"] == data["commissioners"]["value"]
    assert abs(figs["gp_practices"] - data["gp_practices"]["value"]) / data["gp_practices"]["value"] < 0.05
    assert abs(figs["practice_list_median"] - data["list_size_median"]["value"]) / data["list_size_median"]["value"] < 0.05
    # The money flows: NHS England's budget holds the CCGs' allocation, every figure cited and of its year.
    assert figs["ccg_allocation"] < figs["nhs_england_budget"]
    assert all(f["sources"] and all(s in sources for s in f["sources"]) for f in nat["seed_figures"])
    assert all(f["source"] in sources and f["year"] == nat["year"] for f in nat["flows"])


# ---------------------------------------------------------------- broken content


@pytest.fixture
def tree(tmp_path):
    """A private copy of the content that a test may break."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def test_copy_of_content_loads(tree):
    assert set(load_bodies(tree)) == EXPECTED_KINDS


def test_broken_yaml_names_the_file(tree):
    (tree / "bodies" / "hwb.yaml").write_text("kind: hwb\ntitle: [unclosed\n  level: : 5\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"bodies/hwb\.yaml"):
        load_bodies(tree)


def test_statement_without_sources_is_refused(tree):
    path = tree / "bodies" / "nice.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("sources: [nice-consultations, seed-toolkit]", "sources: []", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"bodies/nice\.yaml: .*no sources"):
        load_bodies(tree)


def test_unknown_source_id_is_refused(tree):
    path = tree / "bodies" / "cqc.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[cqc-feedback]", "[made-up-source]", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"bodies/cqc\.yaml: .*made-up-source"):
        load_bodies(tree)


def test_missing_checked_is_refused(tree):
    path = tree / "bodies" / "pcn.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^checked: .*\n", "", text), encoding="utf-8")
    with pytest.raises(ContentError, match=r"bodies/pcn\.yaml: missing 'checked'"):
        load_bodies(tree)


def test_unknown_placeholder_is_refused(tree):
    path = tree / "community_planning.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Offer local practices", "Offer {practice}", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"community_planning\.yaml: .*\{practice\}"):
        load_community_planning(tree)
