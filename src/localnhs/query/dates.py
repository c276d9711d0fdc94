"""as_of handling: every answer is for a date, and the date picks each dataset's vintage."""

from __future__ import annotations

import datetime as dt

from localnhs.query.errors import InvalidInput

ICB_ERA = dt.date(2022, 7, 1)  # CCGs replaced by ICBs and their sub-ICB locations

# LSOA11 -> CCG lookup vintages (column in lsoa11) by the first date each is valid.
CCG_VINTAGES = [
    ("2015-07-01", "ccg15"), ("2016-04-01", "ccg16"), ("2017-04-01", "ccg17"), ("2018-04-01", "ccg18"),
    ("2019-04-01", "ccg19"), ("2020-04-01", "ccg20"), ("2021-04-01", "ccg21"),
]


def parse(value: str | dt.date | None) -> dt.date:
    """None or 'today' -> today; ISO 'YYYY-MM-DD' (or 'YYYY') otherwise."""
    if value is None or value == "" or value == "today":
        return dt.date.today()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 7, 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{value!r} is not a date", hint="Give a date as YYYY-MM-DD, e.g. 2016-04-01.") from None


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
