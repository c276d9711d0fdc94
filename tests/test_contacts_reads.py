"""The batched and keyed reads behind a place's contacts give what the one-at-a-time reads gave:
the same rows in the same order (the answers' bytes depend on the order)."""

from __future__ import annotations

import random

from localnhs.query import contacts as C
from localnhs.store import read_contacts as rc

_OLD_SITES = ("SELECT c.*, s.name AS site_name, s.postcode AS site_postcode, s.snapshot, s.nhs FROM trust_site s "
              "JOIN contact c ON c.code = s.code AND c.source = 'nhsuk_sites/' || s.snapshot || '/Hospital.csv' "
              "WHERE s.parent = ? ORDER BY s.snapshot DESC, s.code")


def test_trust_sites_by_key_match_the_scan(conn):
    layout = rc.trust_sites_layout(conn)
    parents = [r[0] for r in conn.execute("SELECT DISTINCT parent FROM trust_site")]
    assert parents
    for p in parents:
        old = [tuple(r) for r in conn.execute(_OLD_SITES, (p,))]
        assert [tuple(r) for r in rc.trust_site_contacts(conn, p, layout)] == old, p
        assert [tuple(r) for r in rc.trust_site_contacts(conn, p)] == old, p


def test_contacts_by_code_matches_contacts(conn):
    codes = [r[0] for r in conn.execute("SELECT DISTINCT code FROM contact")][:3000] + ["NOPE"]
    random.Random(1).shuffle(codes)
    for i in range(0, len(codes), 12):
        part = codes[i:i + 12]
        got = rc.contacts_by_code(conn, part)
        assert list(got) == part
        for code in part:
            assert [tuple(r) for r in got[code]] == [tuple(r) for r in rc.contacts(conn, code)]


def _old_practice_names(conn, codes):
    from rapidfuzz import fuzz

    out = {}
    for code, r in rc.listings(conn, list(codes)).items():
        org = conn.execute("SELECT * FROM organisation WHERE code = ?", (code,)).fetchone()
        same = org is not None and fuzz.token_set_ratio(org["name"].lower(), r["name"].lower()) >= 80
        out[code] = {"name": r["name"], "address": r["address"], "as_of": r["as_of"], "source": r["source"],
                     "ods_name": org["name"] if org is not None else None, "same_practice": same}
    return out


def test_practice_names_per_code_keep_the_listing_order(conn, monkeypatch):
    listed = [r[0] for r in conn.execute("SELECT DISTINCT code FROM listing")]
    unlisted = [r[0] for r in conn.execute(
        "SELECT code FROM organisation WHERE kind = 'gp_practice' AND code NOT IN (SELECT code FROM listing) LIMIT 50")]
    pool = listed + unlisted
    rng = random.Random(2)
    monkeypatch.setattr(C, "PRACTICE_NAMES_LIMIT", 40)   # refilled many times on the way
    for _ in range(3000):
        codes = rng.sample(pool, rng.randint(1, 6))
        got = C.practice_names(conn, codes)
        assert list(got.items()) == list(_old_practice_names(conn, codes).items())
        if got:
            got[next(iter(got))]["name"] = "changed"   # a copy: a later answer is unchanged
