"""How each English district's mental-health and community answer is decided, on both eras.

    cd tests && ../.venv/bin/python district_coverage.py ../var/localnhs.sqlite [--list]

One postcode per district (the middle one, in postcode order, of the district's live English postcodes
with a grid reference) is answered through `local_system` on 2016-04-01 and today; the table counts
districts by how each role was decided (cited row high / medium, data, headquarters, none). --list
prints the districts whose community answer has no cited row. A district split between providers is
seen through one postcode only, so this is a measure of the cited table's reach, not of its accuracy
(the frozen held-out sets measure that).
"""

from __future__ import annotations

import collections
import datetime as dt
import sys

from localnhs.query.local_system import local_system
from localnhs.store.db import connect

DATES = ("2016-04-01", dt.date.today().isoformat())
ROLES = ("community", "mental_health")


def one_postcode_per_district(conn) -> list[tuple[str, str]]:
    return conn.execute("""
        SELECT lad, pcd FROM (
            SELECT lad, pcd, row_number() OVER (PARTITION BY lad ORDER BY pcd) AS n,
                   count(*) OVER (PARTITION BY lad) AS m
            FROM postcode WHERE country = 'E92000001' AND terminated IS NULL AND lat IS NOT NULL)
        WHERE n = m / 2""").fetchall()


def main(db: str, show: bool) -> None:
    conn = connect(db)
    counts, uncited = collections.Counter(), []
    places = one_postcode_per_district(conn)
    for _, pc in places:
        for day in DATES:
            ls = local_system(conn, pc, day)
            for t in ls.trusts:
                if t.role in ROLES:
                    how = f"{t.basis} ({t.confidence})"
                    counts[(t.role, day, how)] += 1
                    if t.role == "community" and t.basis != "cited":
                        names = ", ".join(c.name for c in ls.councils)
                        uncited.append(f"{day} {pc} ({names}): {t.trust.name if t.trust else 'none found'} [{t.basis}]")
    print(f"{len(places)} districts, one postcode each")
    print("| role | date | decided by | districts |\n|---|---|---|---|")
    for (role, day, how), n in sorted(counts.items()):
        print(f"| {role.replace('_', ' ')} | {day} | {how} | {n} |")
    if show:
        print("\n".join(uncited))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(args[0] if args else "../var/localnhs.sqlite", "--list" in sys.argv)
