"""as_of handling: every answer is for a date, and the date picks each dataset's vintage.

The date is parsed once, where it comes in (a CLI option, an API or page query parameter), into an
``AsOf``, and passed down; ``parse`` gives the day of an ``AsOf`` or a date without parsing again. The eras are in ``eras``.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from localnhs.eras import CCG_VINTAGES, ICB_2026, ICB_ERA, is_ccg_era
from localnhs.query.errors import InvalidInput

__all__ = ["AsOf", "CCG_VINTAGES", "ICB_2026", "ICB_ERA", "ccg_column", "parse", "today"]

_today: tuple[dt.date, float, float] = (dt.date.min, 0.0, 0.0)  # a local day, when it starts and ends (epoch s)


def today() -> dt.date:
    """``dt.date.today()`` for one clock read: the local day is worked out once, with the moments
    it starts and ends, and given again while the clock is between them."""
    global _today
    now = time.time()
    day, starts, ends = _today
    if starts <= now < ends:
        return day
    day = dt.date.fromtimestamp(now)
    _today = (day, dt.datetime.combine(day, dt.time()).timestamp(),
              dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).timestamp())
    return day


@dataclass(frozen=True)
class AsOf:
    """The date an answer is for, parsed once where it comes in: the day, and whether it was asked
    for (``named``) or is today by default, so links and file names can leave it out."""

    day: dt.date
    named: bool = True

    @classmethod
    def parse(cls, value: "str | dt.date | AsOf | None") -> "AsOf":
        """None, '' or 'today' -> today; ISO 'YYYY-MM-DD' (or 'YYYY', read as 1 July) otherwise."""
        if isinstance(value, AsOf):
            return value
        if value is None or value == "" or value == "today":
            return cls(today(), named=False)
        if isinstance(value, dt.date):
            return cls(value)
        text = str(value).strip()
        try:
            if len(text) == 4 and text.isdigit():
                return cls(dt.date(int(text), 7, 1))
            return cls(dt.date.fromisoformat(text))
        except ValueError:
            raise InvalidInput(f"{value!r} is not a date", hint="Give a date as YYYY-MM-DD, e.g. 2016-04-01.") from None

    @property
    def iso(self) -> str:
        return self.day.isoformat()

    @property
    def param(self) -> str | None:
        """The date as a query parameter or file-name part: None when it is today by default."""
        return self.iso if self.named else None

    @property
    def ccg_era(self) -> bool:
        return is_ccg_era(self.day)

    def __str__(self) -> str:
        return self.iso


def parse(value: "str | dt.date | AsOf | None") -> dt.date:
    """The day to answer for: a date as it is, an ``AsOf``'s day, anything else through ``AsOf.parse``."""
    if isinstance(value, dt.date):
        return value
    return AsOf.parse(value).day


def ccg_column(as_of: dt.date) -> str | None:
    """The LSOA11 -> CCG vintage in force on the date (None in the ICB era)."""
    if as_of >= ICB_ERA:
        return None
    iso = as_of.isoformat()
    col = CCG_VINTAGES[0][1]
    for start, name in CCG_VINTAGES:
        if iso >= start:
            col = name
    return col
