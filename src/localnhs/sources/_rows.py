"""Shared row-reading machinery: named columns, line numbers and rejects.

Readers address columns by name - a header name, or for headerless ODS files a
declared position map - so a shifted layout fails loudly instead of silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping

# A build fails when a file rejects more than this fraction of its rows.
MAX_REJECT_FRACTION = 0.01


class SourceError(Exception):
    """A raw file cannot be used: the message names the file (and line where known)."""


@dataclass
class Rejects:
    file: str
    rows: int = 0
    items: list[tuple[int, str]] = field(default_factory=list)

    def reject(self, line: int, reason: str) -> None:
        self.items.append((line, reason))

    @property
    def count(self) -> int:
        return len(self.items)

    def lines(self) -> list[str]:
        return [f"{self.file}:{line}: {reason}" for line, reason in self.items]

    def check(self, max_fraction: float = MAX_REJECT_FRACTION) -> None:
        """Refuse a file whose rejects exceed the stated fraction."""
        if self.rows == 0:
            raise SourceError(f"{self.file}: no data rows")
        if self.count > max_fraction * self.rows:
            shown = "\n  ".join(self.lines()[:10])
            raise SourceError(
                f"{self.file}: {self.count} of {self.rows} rows rejected "
                f"(more than {max_fraction:.1%}); first:\n  {shown}"
            )


@dataclass
class Parsed:
    """Rows read from one file plus its rejects."""

    file: Path
    rows: list
    rejects: Rejects


def open_text(path: Path, encoding: str = "utf-8-sig") -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding=encoding, newline="")
    return open(path, encoding=encoding, newline="")


def read_rows(
    path: Path,
    *,
    columns: Mapping[str, int] | None = None,
    required: tuple[str, ...] = (),
    encoding: str = "utf-8-sig",
    rejects: Rejects,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, {name: value}) for every data row.

    With ``columns`` the file is headerless and positions are declared; without,
    the first row is the header and ``required`` names must all be present.
    Rows of the wrong width are rejected, not guessed at.
    """
    try:
        with open_text(path, encoding) as fh:
            reader = csv.reader(fh)
            if columns is None:
                try:
                    header = [h.strip() for h in next(reader)]
                except StopIteration:
                    raise SourceError(f"{path.name}:1: empty file") from None
                missing = [c for c in required if c not in header]
                if missing:
                    raise SourceError(
                        f"{path.name}:1: missing column(s) {', '.join(missing)}; "
                        f"found {', '.join(header[:12])}"
                    )
                index = {name: i for i, name in enumerate(header) if name}
                width = len(header)
                first_line = 2
            else:
                index = dict(columns)
                width = max(index.values()) + 1
                first_line = 1
            short_at = None
            for lineno, raw in enumerate(reader, start=first_line):
                if not raw or (len(raw) == 1 and not raw[0].strip()):
                    continue
                rejects.rows += 1
                if len(raw) < width:
                    rejects.reject(lineno, f"expected {width} columns, found {len(raw)}")
                    short_at = lineno
                    continue
                short_at = None
                yield lineno, {name: raw[i].strip() for name, i in index.items()}
            if short_at is not None:
                # A short *last* row means the file was cut off: refuse it rather than lose the rest.
                raise SourceError(f"{path.name}:{short_at}: file ends in an incomplete row (truncated?)")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path.name}: not {encoding} text ({exc.reason} at byte {exc.start})") from None
    except csv.Error as exc:
        raise SourceError(f"{path.name}: malformed CSV: {exc}") from None


def ods_date(value: str) -> str | None:
    """ODS dates are YYYYMMDD; blank means open-ended. Returns ISO or raises ValueError."""
    value = value.strip()
    if not value:
        return None
    return _ods_iso(value)


@lru_cache(maxsize=1 << 16)
def _ods_iso(value: str) -> str:
    # Memoised: files repeat a few thousand dates over ~100,000 rows, and strptime is ~10 us a call.
    return dt.datetime.strptime(value, "%Y%m%d").date().isoformat()


def iso_date(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    return dt.date.fromisoformat(value).isoformat()


def to_int(value: str) -> int:
    """Integers as published: thousands separators allowed, nothing else."""
    return int(value.replace(",", "").strip())
