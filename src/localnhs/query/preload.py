"""What a server reads from a build before the build serves, so that its first answers are cheap.

A server that has just started, or just switched to a new build, answers every postcode for the
first time. Each such answer used to decode its own compiled parts and read the contacts and
NHS.UK names of its bodies and practices one answer at a time, and under load every request in
flight waited behind those first answers (``make load``: ~5 s of queueing at the start and after a
swap). Most of that is shared by many answers and small in total, so it is read here at once, in a
few statements: the day's compiled parts, bodies and practices (query/compiled.py), every
compiled body's contacts and every open practice's NHS.UK name (query/contacts.py), and the
national figures (/api/stats). What depends on the exact place - a neighbourhood's MP, the nearest
practices - is still worked out on first use.

The answers do not change: the same functions fill the same memos the first answers would have.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from localnhs.query import compiled as compiled_q
from localnhs.query import contacts as contacts_q
from localnhs.query.stats import stats

log = logging.getLogger(__name__)
CHUNK = 1_000


def preload(conn, today: dt.date | None = None, budget_s: float | None = None) -> dict:
    """Read what the build's first answers for ``today`` would each read; returns counts and the
    seconds taken (logged). Only the day the build compiled is loaded whole: on any other day the
    answers are worked out on first use, as before. ``budget_s``: stop after about that many
    seconds, between steps (a hot reload, where the new build must serve within seconds while the
    old one answers the load): first the compiled parts and the national figures, then contacts
    and names in chunks; whatever is left is read by the first answers that need it, as before."""
    today = today or dt.date.today()
    start = time.perf_counter()
    done = {"parts": 0, "practices": 0, "contacts": 0, "names": 0, "complete": False}

    def over() -> bool:
        return budget_s is not None and time.perf_counter() - start > budget_s

    stored = compiled_q.compiled_for(conn).stored.get(today)
    if stored is not None:
        stored.load()
        done["parts"] = len(stored.parts)
        done["practices"] = len(stored.practices or {})
    stats(conn, today)
    if stored is not None:
        practices = [facts[0] for facts in (stored.practices or {}).values()]
        bodies = [*stored.bodies.values(), *practices]
        for i in range(0, len(bodies), CHUNK):
            if over():
                break
            done["contacts"] += contacts_q.keep_all(conn, bodies[i:i + CHUNK], today)
        codes = [b.code for b in practices]
        for i in range(0, len(codes), CHUNK):
            if over():
                break
            done["names"] += len(contacts_q.practice_names(conn, codes[i:i + CHUNK]))
    done["complete"] = not over()
    done["seconds"] = round(time.perf_counter() - start, 3)
    log.info("preloaded build for %s: %s", today.isoformat(), done)
    return done
