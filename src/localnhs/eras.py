"""The eras of the English NHS structure the answers follow, each defined once.

- ``ICB_ERA``: 1 July 2022, when the Health and Care Act 2022 closed the clinical commissioning
  groups and the integrated care boards began (their sub-ICB locations carry the CCG codes on).
  It is also the vintage of the first ONS LSOA -> sub-ICB / ICB lookup (``ons_lookups_2022_2024``).
- ``ICB_2026``: 1 April 2026, when 12 ICBs merged or split into 7 (``icb_2026/``, the ODS
  successor file, whose rows carry that date).
- ``CCG_VINTAGES``: the ONS LSOA 2011 -> CCG lookups, by the first day each one is in force.

A leaf module: nothing here imports the rest of the package, so sources/, store/, query/ and the
edges can all read it.
"""

from __future__ import annotations

import datetime as dt

ICB_ERA = dt.date(2022, 7, 1)
ICB_2026 = dt.date(2026, 4, 1)

# LSOA11 -> CCG lookup vintages (column in lsoa11) by the first date each is valid.
CCG_VINTAGES: tuple[tuple[str, str], ...] = (
    ("2015-07-01", "ccg15"), ("2016-04-01", "ccg16"), ("2017-04-01", "ccg17"), ("2018-04-01", "ccg18"),
    ("2019-04-01", "ccg19"), ("2020-04-01", "ccg20"), ("2021-04-01", "ccg21"),
)


def is_ccg_era(day: dt.date) -> bool:
    """Before 1 July 2022: clinical commissioning groups, and STPs rather than ICBs."""
    return day < ICB_ERA
