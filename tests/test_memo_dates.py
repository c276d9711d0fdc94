"""The per-build memos behind a place answer (commissioner chains, councils, footprint rows,
catchment shares, LSOA and organisation rows, representatives, practice parts) are shared by every
date and every place one build answers. A memo keyed on too little - a chain or a council kept
without its date, a district's councils kept for one vintage and handed to another - would give one
date's answer to another, or one place's to its neighbour. So one connection answers many places on
many dates, interleaved, and each answer must be the byte-identical answer of a fresh connection
(empty memos) that is asked for that date only.

The dates straddle the changes the memos must not carry across: CCGs to ICBs (1 July 2022), the
2019, 2021 and 2023 council vintages (Dorset, Buckinghamshire, North Yorkshire, Cumbria and Somerset
reorganised), the 2024 sub-ICB lookup and the ICBs of 1 April 2026, split by council area."""

from __future__ import annotations

import random

import pytest

from localnhs.api.routes import place_answer
from localnhs.store.db import connect

DATES = ["2016-04-01", "2019-03-31", "2019-04-01", "2022-06-30", "2022-07-01", "2023-03-31", "2023-04-01",
         "2024-03-31", "2024-04-01", "2026-03-31", "2026-04-01", None]
# Places in the councils and ICBs that changed on those dates, then a random sample of England.
# Frimley ICB (one sub-ICB location) was split on 1 April 2026 by council area: Rushmoor and Hart
# went to Hampshire and Isle of Wight, Surrey Heath and Waverley to Surrey, Slough and Windsor to
# Berkshire East.
FIXED = ["HG1 1AA", "CA1 1QS", "LA9 4DL", "TA1 1AA", "BA20 1AA", "DT1 1AA", "BH21 1AA", "HP19 9AA",
         "NN17 1AA", "WA5 1QG", "SK13 8AA", "PE30 1AA", "CB10 1AA", "CB7 5GJ", "AL1 1AG",
         "GU11 1AA", "GU12 5RH", "SL0 1AD", "RG10 0GH", "GU10 5AE"]
SEED = 20261203


@pytest.fixture(scope="module")
def sample(conn) -> list[str]:
    pcds = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' AND lat IS NOT NULL")]
    known = {r[0] for r in conn.execute(
        f"SELECT pcd FROM postcode WHERE pcd IN ({','.join('?' * len(FIXED))})", FIXED)}
    assert len(known) >= len(FIXED) - 3, sorted(set(FIXED) - known)
    return sorted(known) + random.Random(SEED).sample(pcds, 24)


def test_memos_do_not_carry_an_answer_across_dates_or_places(db_path, sample):
    shared = connect(db_path)
    asked = [(p, d) for p in sample for d in DATES]
    random.Random(SEED).shuffle(asked)   # every place on every date, in no order
    got = {key: place_answer(shared, *key).body for key in asked}
    again = {key: place_answer(shared, *key).body for key in reversed(asked)}  # now from the memos
    shared.close()
    for d in DATES:
        fresh = connect(db_path)       # a new BuildCache: nothing kept from another date
        try:
            for p in sample:
                expected = place_answer(fresh, p, d).body
                assert got[(p, d)] == expected, (p, d)
                assert again[(p, d)] == expected, (p, d)
        finally:
            fresh.close()
