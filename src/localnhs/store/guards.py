"""Build guards: compare what a build read with what a sane file looks like and with the
previous build, so a file cut cleanly at a line boundary stops the build instead of
silently dropping practices (declarations in sources/expectations.py).

Row-count drops and headline drops can be let through with ``--accept-changes`` (a real
reorganisation); floors and coverage cannot - below them the data is not whole.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from localnhs.sources import expectations
from localnhs.sources._rows import SourceError


class GuardError(SourceError):
    """A file or the finished build fails a declared guard; the message names the file or measure."""


@dataclass
class Previous:
    """What the previous build at the target path read: rows per (dataset, file) and headline counts."""

    rows: dict[tuple[str, str], int] = field(default_factory=dict)
    headlines: dict[str, int] = field(default_factory=dict)
    built_at: str | None = None


def previous_build(db_path: Path) -> Previous:
    """The counts of the database a build is about to replace (empty if none or unreadable)."""
    if not Path(db_path).exists():
        return Previous()
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            rows = {(s, f): n for s, f, n in conn.execute("SELECT source, file, rows FROM import_log")}
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return Previous()
    heads = {k.removeprefix("count:"): int(v) for k, v in meta.items() if k.startswith("count:")}
    return Previous(rows=rows, headlines=heads, built_at=meta.get("built_at"))


def check_file(dataset: str, file: str, rows: int, previous: int | None, *, accept_changes: bool,
               notes: list[str]) -> None:
    """Refuse a file under its declared floor, or one that fell too far against the previous build."""
    name = f"{dataset}/{file}"
    if previous and rows < previous * (1 - expectations.MAX_DROP):
        change = f"{name}: {rows:,} data rows, the previous build read {previous:,} " \
                 f"({rows / previous - 1:+.1%}; tolerance -{expectations.MAX_DROP:.0%})"
        if not accept_changes:
            raise GuardError(f"{change}. Truncated or wrong file? If the fall is real, rebuild with --accept-changes.")
        notes.append(f"accepted: {change}")
    floor = expectations.min_rows(dataset, file)
    if floor is not None and rows < floor:
        raise GuardError(f"{name}: {rows:,} data rows, fewer than the {floor:,} a whole release has "
                         "(declared in sources/expectations.py): truncated or wrong file?")


def headlines(conn) -> dict[str, int]:
    """Counts a user would notice if they fell: compared with the previous build's."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "active_gp_practices": one(
            "SELECT count(*) FROM practice_release WHERE is_gp = 1 AND status = 'active' AND country = 'England'"
            " AND as_of = (SELECT max(as_of) FROM practice_release)"),
        "live_postcodes_england": one("SELECT count(*) FROM postcode WHERE status = 'live' AND country = 'E92000001'"),
        "open_nhs_trusts": one("SELECT count(*) FROM organisation WHERE kind = 'nhs_trust' AND closed IS NULL"),
        "icbs": one("SELECT count(*) FROM organisation WHERE kind = 'icb' AND closed IS NULL"),
        "pcns": one("SELECT count(*) FROM organisation WHERE kind = 'pcn' AND closed IS NULL"),
    }


def coverage(conn) -> dict[str, float]:
    """Fractions of England each key lookup covers (declared minimums in sources/expectations.py)."""
    frac = lambda sql: (lambda r: (r[1] or 0) / r[0] if r[0] else 0.0)(conn.execute(sql).fetchone())  # noqa: E731
    return {
        "postcodes_with_lsoa21": frac("SELECT count(*), sum(lsoa21 IS NOT NULL) FROM postcode "
                                      "WHERE status = 'live' AND country = 'E92000001'"),
        "practices_with_commissioner": frac(
            "SELECT count(*), sum(commissioner IS NOT NULL) FROM practice_release WHERE is_gp = 1 "
            "AND status = 'active' AND country = 'England' AND as_of = (SELECT max(as_of) FROM practice_release)"),
        "lsoa21_with_icb": frac("SELECT count(*), sum(icb24 IS NOT NULL AND sicbl24 IS NOT NULL) FROM lsoa21 "
                                "WHERE code LIKE 'E%'"),
        "lsoa11_with_ccg16": frac("SELECT count(*), sum(ccg16 IS NOT NULL) FROM lsoa11 WHERE code LIKE 'E%'"),
        "practices_with_phone": frac(
            "SELECT count(*), sum(EXISTS (SELECT 1 FROM contact c WHERE c.code = p.code AND c.kind = 'phone')) "
            "FROM practice_release p WHERE is_gp = 1 AND status = 'active' AND country = 'England' "
            "AND as_of = (SELECT max(as_of) FROM practice_release)"),
        "lsoa11_with_mp": frac(
            "SELECT count(*), sum(EXISTS (SELECT 1 FROM constituency_overlap o JOIN member_of_parliament m "
            "ON m.constituency = o.constituency WHERE o.lsoa11 = l.code)) FROM lsoa11 l WHERE code LIKE 'E%'"),
    }


def check_build(conn, previous: Previous, *, accept_changes: bool, notes: list[str]) -> dict[str, int]:
    """Coverage floors, then headline counts against the previous build; returns the counts to store."""
    for name, value in coverage(conn).items():
        floor, what = expectations.COVERAGE[name]
        if value < floor:
            raise GuardError(f"coverage {name}: {value:.2%} of {what}, below the declared {floor:.1%}")
    counts = headlines(conn)
    for name, n in counts.items():
        before = previous.headlines.get(name)
        if before and n < before * (1 - expectations.MAX_HEADLINE_DROP):
            change = (f"{name}: {n:,}, the previous build ({previous.built_at}) had {before:,} "
                      f"({n / before - 1:+.1%}; tolerance -{expectations.MAX_HEADLINE_DROP:.0%})")
            if not accept_changes:
                raise GuardError(f"{change}. If the fall is real, rebuild with --accept-changes.")
            notes.append(f"accepted: {change}")
    return counts
