"""Turn dated observations into validity intervals.

Many official files are snapshots: "on date D, X was true". A fact seen in consecutive
snapshots is one interval, from its first sighting (or the body's open date) to the day
before the first snapshot that no longer shows it. Relationship and attribute rows are
all built this way, so ``as_of`` queries reduce to ``valid_from <= D <= valid_to``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Hashable, Iterable


def day_before(iso: str) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def from_snapshots(
    observations: Iterable[tuple[Hashable, str, Hashable, str]],
    snapshot_dates: dict[str, str],
    *,
    open_first: dict[Hashable, str] | None = None,
    closed: dict[Hashable, str | None] | None = None,
) -> list[tuple[Hashable, Hashable, str | None, str | None, str]]:
    """observations: (subject, snapshot_key, value, source); snapshot_dates: key -> ISO date.

    Returns (subject, value, valid_from, valid_to, source) intervals. The latest snapshot's
    values stay open-ended. ``open_first`` pushes the first interval of a subject back to
    its open date, since a body's first recorded value held from when it opened;
    ``closed`` caps every interval at the body's close date.
    """
    order = sorted(snapshot_dates, key=snapshot_dates.get)
    seen: dict[Hashable, dict[str, tuple[Hashable, str]]] = defaultdict(dict)
    for subject, key, value, source in observations:
        seen[subject][key] = (value, source)
    out = []
    for subject, by_key in seen.items():
        current = None  # (value, start, source)
        first = True
        for i, key in enumerate(order):
            obs = by_key.get(key)
            value = obs[0] if obs else None
            if current is not None and value != current[0]:
                out.append((subject, current[0], current[1], day_before(snapshot_dates[key]), current[2]))
                current = None
            if obs is not None and current is None:
                start = snapshot_dates[key]
                if first and open_first and open_first.get(subject):
                    start = min(start, open_first[subject])
                current = (value, start, obs[1])
                first = False
        if current is not None:
            out.append((subject, current[0], current[1], None, current[2]))
    if closed:
        out = [_cap(row, closed.get(row[0])) for row in out]
    return [row for row in out if row is not None]


def _cap(row, close):
    subject, value, start, end, source = row
    if close is None:
        return row
    if start and start > close:
        return None
    return (subject, value, start, close if end is None or end > close else end, source)


def close_open_ends(
    intervals: list[tuple[str, str, str | None, str | None, str]],
) -> list[tuple[str, str, str | None, str | None, str]]:
    """Dated memberships (subject, value, start, end, source) from several files: drop exact
    repeats and end an open-ended membership the day before the next one starts."""
    by_subject: dict[str, dict[tuple[str, str | None], tuple]] = defaultdict(dict)
    for subject, value, start, end, source in intervals:
        key = (value, start)
        prev = by_subject[subject].get(key)
        if prev is None or (prev[3] is None and end is not None):
            by_subject[subject][key] = (subject, value, start, end, source)
    out = []
    for rows in by_subject.values():
        ordered = sorted(rows.values(), key=lambda r: r[2] or "")
        for i, (subject, value, start, end, source) in enumerate(ordered):
            if end is None:
                later = [r[2] for r in ordered[i + 1:] if r[1] != value and r[2] and r[2] > (start or "")]
                if later:
                    end = day_before(min(later))
            out.append((subject, value, start, end, source))
    return out
