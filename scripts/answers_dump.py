"""Write the exact bytes of many place answers to a file, to compare two versions of the code.

    .venv/bin/python scripts/answers_dump.py DB OUT [SEED] [--preload]
    cmp OUT_BEFORE OUT_AFTER          # same bytes: the change moved no answer

--preload reads what a server reads before it serves (query/preload.py) first: the dump with it
and without it must be the same bytes.

2,500 random English postcodes (2,200 live and located, 300 terminated or without a grid
reference), each asked first for today and 2016-04-01 (every fourth also for 2021-06-30 and
2026-12-01) in one shuffled order, so each answer is a first-time one with the dates interleaved;
then all again in the reverse order for today and 2016-04-01, answered from the memos. Each line
is the postcode, the date and the JSON bytes of GET /api/places (or the error). Run it with each
version's own environment over the same database; a memo that leaked across dates or answers
shows as a differing line.
"""

from __future__ import annotations

import hashlib
import random
import sys

from localnhs.api.routes import place_answer
from localnhs.query.errors import QueryError
from localnhs.store.db import connect

DATES = (None, "2016-04-01", "2021-06-30", "2026-12-01")


def main(argv: list[str]) -> None:
    preloaded = "--preload" in argv
    argv = [a for a in argv if a != "--preload"]
    db, out = argv[0], argv[1]
    seed = int(argv[2]) if len(argv) > 2 else 1
    conn = connect(db)
    if preloaded:
        from localnhs.query.preload import preload

        preload(conn)
    # A dev script, not the app: it reads the table directly to draw its sample.
    live = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' AND lat IS NOT NULL")]
    other = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND (status != 'live' OR lat IS NULL)")]
    rng = random.Random(seed)
    sample = rng.sample(live, 2200) + rng.sample(other, 300)
    rng.shuffle(sample)

    def answer(pcd, day):
        try:
            return place_answer(conn, pcd, day).body
        except QueryError as e:
            return repr(e).encode()

    lines = []
    for i, pcd in enumerate(sample):
        for day in (DATES if i % 4 == 0 else DATES[:2]):
            lines.append(f"{pcd}|{day}|".encode() + answer(pcd, day))
    for pcd in reversed(sample):
        for day in DATES[:2]:
            lines.append(f"again {pcd}|{day}|".encode() + answer(pcd, day))
    data = b"\n".join(lines)
    with open(out, "wb") as f:
        f.write(data)
    print(len(lines), "answers", hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    main(sys.argv[1:])
