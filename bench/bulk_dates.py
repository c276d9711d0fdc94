"""New dates in a bulk request: `python bench/bulk_dates.py [DB]`.

A bulk request with a list of dates (``POST /api/places:bulk``, ``as_of`` a list) needs the dated
answer of each area its postcodes fall in, for each date. This times ``bulk_table`` (what the
route calls) for dates the lookup has never seen, in process, over a compiled lookup in a
temporary folder (compiling the postcode facts is not timed):

- few_new_dates_s: 3 postcodes x 4 never-seen dates (the shape schemathesis sends);
- many_new_dates_s: 10,000 random English postcodes (seeded) x 4 never-seen dates;
- seen_dates_s: the same 10,000 again for the same 4 dates (answers already worked out);
- full_date_s: every area of England for one never-seen date (what `localnhs export` needs).

Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def measure(db_path) -> dict:
    from localnhs.enrichment import bulk_table
    from localnhs.export import Lookup
    from localnhs.store.db import connect

    conn = connect(Path(db_path))
    root = Path(tempfile.mkdtemp(prefix="localnhs-bench-dates-"))
    lk = Lookup(conn, root=root)
    lk.facts()
    pcs = np.array(lk.fact_column("pcds").to_pylist())
    english = lk.facts().column("akey").to_numpy() >= 0
    rng = np.random.default_rng(20261203)
    many = list(pcs[english][rng.integers(0, int(english.sum()), 10_000)])
    out = {}

    t = time.perf_counter()
    bulk_table(lk, ["WA5 1QG", "NN17 1AA", "SW1A 1AA"], ["2001-02-03", "2011-05-06", "2019-09-09", "2023-03-03"])
    out["few_new_dates_s"] = round(time.perf_counter() - t, 3)

    dates = ["2014-01-15", "2017-06-30", "2022-07-01", "2025-12-31"]
    t = time.perf_counter()
    bulk_table(lk, many, dates)
    out["many_new_dates_s"] = round(time.perf_counter() - t, 3)
    lk.enrichers.clear()
    t = time.perf_counter()
    bulk_table(lk, many, dates)
    out["seen_dates_s"] = round(time.perf_counter() - t, 3)

    t = time.perf_counter()
    lk.areas("2015-08-08")
    out["full_date_s"] = round(time.perf_counter() - t, 3)
    return out


if __name__ == "__main__":
    from localnhs import paths

    print(json.dumps(measure(sys.argv[1] if len(sys.argv) > 1 else paths.default_db())))
