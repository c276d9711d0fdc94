"""The eras of the English NHS structure the answers follow, each defined once, from the data.

The dates are the ones the dataset registry (``sources/registry.py``) declares for the files they
come from, not retyped:

- ``ICB_ERA``: 1 July 2022, when the Health and Care Act 2022 closed the clinical commissioning
  groups and the integrated care boards began (their sub-ICB locations carry the CCG codes on):
  the date of the first ONS LSOA -> sub-ICB location / ICB lookup (``lookup_lsoa11_sicbl22...``).
- ``ICB_2026``: 1 April 2026, when 12 ICBs merged or split into 7: the date of the ODS successor
  file (``icb_2026/``).
- ``CCG_SNAPSHOT``: 1 April 2016, the day the "April 2016" views show (the CCG picture the seed
  describes): the date of the ONS LSOA -> CCG 2016 lookup (``lsoa_ccg16``).
- ``CCG_VINTAGES``: the ONS LSOA 2011 -> CCG lookups (2015 to 2021), by the first day each is in force,
  with the ``lsoa11`` column that holds it.

Only the registry is imported (it imports no parser), so every layer may read this module.
"""

from __future__ import annotations

import datetime as dt

from localnhs.sources import registry

_CCG_LOOKUPS = (("ons_lookups_2015_2020", f"lsoa_ccg{yy}") for yy in range(15, 21))
# (first day, lsoa11 column), oldest first.
CCG_VINTAGES: tuple[tuple[str, str], ...] = tuple(
    (registry.as_of(ds, registry.file_name(ds, part)), part.removeprefix("lsoa_"))
    for ds, part in (*_CCG_LOOKUPS, ("geographr_lookups", "lsoa_ccg21"))
)
ICB_ERA = dt.date.fromisoformat(registry.as_of("geographr_lookups", registry.file_name("geographr_lookups", "lsoa_sicbl22")))
ICB_2026 = dt.date.fromisoformat(next(iter(registry.files("icb_2026").values())))
CCG_SNAPSHOT = dt.date.fromisoformat(
    registry.as_of("ons_lookups_2015_2020", registry.file_name("ons_lookups_2015_2020", "lsoa_ccg16")))


def is_ccg_era(day: dt.date) -> bool:
    """Before 1 July 2022: clinical commissioning groups, and STPs rather than ICBs."""
    return day < ICB_ERA
