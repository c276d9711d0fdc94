"""What tests/places_checked.PLACES covers: places per half, ICBs of July 2022 and of today, and the
mental-health trusts open on each date that no row checks. The same facts are asserted in
tests/test_local_system.py; this prints them, with what is missing by name:

    cd tests && python places_coverage.py ../var/localnhs.sqlite
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from places_checked import PLACES, half

DATES = ("2016-04-01", "2024-06-01")
ICB_2022 = dt.date(2023, 6, 1)   # a day when the 42 ICBs of July 2022 were all in force


def coverage(conn) -> dict:
    from localnhs.query.bodies import body, is_open
    from localnhs.query.local_system import local_system
    from localnhs.store import read

    icbs_2022, icbs_now = {}, {}
    for pc, *_ in PLACES:
        for b in local_system(conn, pc, ICB_2022).commissioners:
            if b.kind == "icb":
                icbs_2022.setdefault(b.code, b.name)
        now = local_system(conn, pc).commissioners[1]
        icbs_now.setdefault(now.code, now.name)
    all_2022 = {r["code"]: r["name"] for r in conn.execute(
        "SELECT DISTINCT o.code, o.name FROM organisation o WHERE o.kind = 'icb' AND (o.opened IS NULL OR o.opened <= ?) "
        "AND (o.closed IS NULL OR o.closed >= ?)", (ICB_2022.isoformat(), ICB_2022.isoformat()))}
    checked = {v for row in PLACES for v in (row[2][0], row[3][0]) if v}
    mh_missing = {}
    for date in DATES:
        d = dt.date.fromisoformat(date)
        open_mh = {c for kind in ("mental_health", "care_trust") for c in read.attribute_codes(conn, "trust_type", kind, date)}
        mh_missing[date] = sorted(c for c in open_mh - checked if (b := body(conn, c, d)) and is_open(b, d))
    return {"places": len(PLACES), "halves": Counter(half(pc) for pc, *_ in PLACES),
            "icbs_2022": icbs_2022, "icbs_2022_missing": sorted(set(all_2022) - set(icbs_2022)),
            "icbs_now": icbs_now, "mh_checked": len(checked), "mh_missing": mh_missing}


if __name__ == "__main__":
    import sqlite3
    import sys

    conn = sqlite3.connect(sys.argv[1] if len(sys.argv) > 1 else "../var/localnhs.sqlite")
    conn.row_factory = sqlite3.Row
    c = coverage(conn)
    print(f"places: {c['places']} ({dict(c['halves'])})")
    print(f"ICBs of July 2022 covered: {len(c['icbs_2022'])}; in force then but not covered: {c['icbs_2022_missing'] or 'none'}")
    print(f"ICBs in force today covered: {len(c['icbs_now'])}")
    print(f"mental-health trusts checked at least once: {c['mh_checked']}")
    for date, missing in c["mh_missing"].items():
        print(f"  open on {date} and not checked: {missing or 'none'}"
              " (tests/test_local_system.NO_LOCAL_AREA lists those without a local area)")
