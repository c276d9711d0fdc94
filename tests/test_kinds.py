"""The registry of body kinds and trust roles (src/localnhs/kinds.py), entry by entry.

Every kind has its labels, plural and words, and the ways-in content it names exists with ways in;
every kind the build writes is in the registry; every trust role the data holds is declared.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from localnhs import kinds
from localnhs.content import load_bodies
from localnhs.eras import ICB_ERA

CCG_DAY, ICB_DAY = dt.date(2016, 4, 1), dt.date(2025, 6, 1)
# Kinds that have no ways-in content of their own, and why.
NO_WAYS_IN = {
    "independent_provider": "a non-NHS provider: residents go through its commissioner",
    "national_body": "each national body is its own content file (NATIONAL_BODIES)",
}


@pytest.mark.parametrize("code", list(kinds.KINDS))
def test_every_kind_has_labels_plural_and_words(code):
    k = kinds.KINDS[code]
    assert k.code == code
    for day in (CCG_DAY, ICB_DAY):
        assert k.label(day).strip() and k.label(day) != code, (code, day)
    assert k.plural.strip() and k.plural != k.word, code
    assert k.word.strip() and k.word[0].isupper(), code
    assert (k.diagram or k.label(ICB_DAY)).strip(), code
    assert all(start is None or isinstance(start, dt.date) for start, _ in k.labels + k.ways_in), code


@pytest.mark.parametrize("code", list(kinds.KINDS))
def test_every_kind_names_content_with_ways_in(code):
    k = kinds.KINDS[code]
    bodies = load_bodies()
    if code in NO_WAYS_IN:
        assert not k.content_files(), code
        return
    files = k.content_files()
    assert files, f"{code}: names no ways-in file"
    for f in files:
        assert f in bodies, f"{code}: content/bodies/{f}.yaml missing"
        ways = bodies[f].section("ways_in")
        assert ways and all(s.title for s in ways), f
    # On some date of the ones answered, the kind's own content speaks for it.
    assert k.content(CCG_DAY) or k.content(ICB_DAY), code


@pytest.mark.parametrize("name", list(load_bodies()))
def test_every_content_file_belongs_to_a_kind(name):
    assert name in kinds.content_files()


def test_labels_follow_the_icb_era():
    """A CCG's code is a sub-ICB location's from the day ICBs began; an ICB's code was an STP's before."""
    before = ICB_ERA - dt.timedelta(days=1)
    for code in ("ccg", "sub_icb_location"):
        k = kinds.KINDS[code]
        assert "Clinical Commissioning Group" in k.label(before) and k.content(before) == "ccg"
        assert "Sub-ICB" in k.label(ICB_ERA) and k.content(ICB_ERA) == "sub_icb_location"
    icb = kinds.KINDS["icb"]
    assert "STP" in icb.label(before) and icb.content(before) is None
    assert "ICB" in icb.label(ICB_ERA) and icb.content(ICB_ERA) == "icb"


def test_every_kind_in_the_build_is_registered(db_path):
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        built = {r[0] for r in conn.execute("SELECT DISTINCT kind FROM organisation")}
        types = {r[0] for r in conn.execute("SELECT DISTINCT value FROM org_attribute WHERE attribute = 'trust_type'")}
    finally:
        conn.close()
    assert built and built <= set(kinds.KINDS), built - set(kinds.KINDS)
    assert types and types <= set(kinds.ROLES), types - set(kinds.ROLES)


@pytest.mark.parametrize("code", list(kinds.ROLES))
def test_every_trust_role_has_its_words(code):
    r = kinds.ROLES[code]
    for use in ("adjective", "heading", "table", "text", "diagram", "service"):
        assert getattr(r, use).strip(), (code, use)
    assert kinds.trust_label(code, True).endswith("foundation trust")
    assert r.adjective in kinds.trust_label(code, False)


def test_place_roles_have_content_by_type():
    """Each role a place is answered for has a note in both trust content files."""
    bodies = load_bodies()
    for f in kinds.KINDS["nhs_trust"].content_files():
        assert set(kinds.PLACE_ROLES) <= set(bodies[f].by_type), f


def test_each_ods_role_maps_to_one_kind():
    roles = [r for k in kinds.KINDS.values() for r in k.ods_roles]
    assert roles and len(roles) == len(set(roles)), "an ODS role code maps to two kinds"
    for k in kinds.KINDS.values():
        for r in k.ods_roles:
            assert kinds.ods_kind(("RO0", r)) == k.code, r
    assert kinds.ods_kind(("RO0",)) is None
