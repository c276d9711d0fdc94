"""The dated area answers bulk enrichment works out once per distinct combination of what an
answer reads (query/bulk.area_answers) are the answers worked out for each area key on its own,
on every era: CCGs by each year's lookup, the 2019 and 2023 council changes, sub-ICB locations
on LSOA 2011 and 2021, and the April 2026 ICBs. The sample holds random keys and postcodes
answered through a neighbour (stand-ins), seeded, from the real build."""

from __future__ import annotations

import polars as pl
import pytest

from localnhs.query.bulk import DATED_FIELDS, area_answers

DATES = ("2014-01-15", "2016-04-01", "2019-03-31", "2019-04-01", "2021-05-05", "2022-07-01", "2023-04-01",
         "2024-04-01", "2026-04-01", "today")


@pytest.fixture(scope="module")
def keys(conn):
    from localnhs.export import Lookup

    all_keys = Lookup(conn).keys()
    standins = all_keys.filter(pl.col("standin"))
    assert standins.height > 100, "the build has postcodes answered through a neighbour"
    sample = pl.concat([all_keys.filter(~pl.col("standin")).sample(400, seed=20261203),
                        standins.sample(40, seed=20261203)])
    return sample.sort("akey")


@pytest.mark.parametrize("as_of", DATES)
def test_shared_answers_are_each_keys_own(conn, keys, as_of):
    shared = area_answers(conn, keys, as_of)
    own = area_answers(conn, keys, as_of, shared=False)
    assert shared.columns == ["akey", *DATED_FIELDS]
    answered = own.filter(pl.col("oslaua").is_not_null()).height
    assert answered > 0.9 * keys.height, "the sample is of English areas with councils"
    diff = shared.join(own, on="akey", suffix="_own").filter(
        pl.any_horizontal([pl.col(f).ne_missing(pl.col(f"{f}_own")) for f in DATED_FIELDS]))
    assert diff.height == 0, diff.head(5).to_dicts()
