"""What a sane raw file looks like, declared per dataset, so a file cut short at a line
boundary (which parses cleanly) cannot build "successfully" with half its rows.

Three guards, checked by the build (store/guards.py):
- ``MIN_ROWS``: the fewest data rows a file can have and still be a whole release. The floors
  sit below every release shipped so far (the counts are in `localnhs about`), far above a
  cut-off file: the 2026 practice file has 15,389 rows, the smallest practice release 12,922.
- ``MAX_DROP``: how far a file's row count may fall against the same file in the previous
  build before the build stops (``--accept-changes`` lets an expected fall through).
- ``COVERAGE``: headline facts of the finished build - how much of England each key lookup
  covers, as a fraction that must hold, and counts compared with the previous build.
"""

from __future__ import annotations

import fnmatch

# A file may lose at most this fraction of its rows against the previous build.
MAX_DROP = 0.10
# A headline count (active practices, live postcodes, ...) may fall at most this much.
MAX_HEADLINE_DROP = 0.05

# dataset -> {file name pattern: minimum data rows}
MIN_ROWS: dict[str, dict[str, int]] = {
    "epraccur": {"epraccur_*": 12_000, "egpam_*": 50},
    "eccg": {"eccg_*": 250, "ons_icb_names_codes_*": 42},
    "epcmem": {"epcmem_*": 40_000},
    "epcn": {"ePCN_*": 6_000},
    "etr": {"etr_*": 200},
    "nhs_trusts": {"etr_*": 200, "trusts22_*": 190},
    "nhs_trust_types": {"cqc_*": 180},
    "trust_types": {"ERIC-*": 180, "HospitalEstatesAndFacilitiesStatistics_*": 200},
    "trust_successions": {"ods_succ_2*": 10_000, "ods_succ_succarc*": 20_000},
    "icb_2026": {"icb_successions_*": 16},
    "patients_registered": {"gp-reg-pat*": 6_000, "nhsbsa_*": 9_000},
    "acute_trust_catchments": {"lookup_msoa11_*": 7_000, "trust_msoa11_catchyear*": 50_000},
    "ambulance_areas": {"ccg16_*": 200, "lsoa11_*": 32_000},
    "geographr_boundaries": {"boundaries_lsoa11*": 34_000, "boundaries_lsoa21*": 35_000},
    "geographr_lookups": {"lookup_lsoa11_*": 32_000, "lookup_lsoa21_*": 33_000, "lookup_ltla*": 280},
    "ons_boundaries_nhs_2023_2024": {
        "Counties_and_Unitary_Authorities_*": 200, "Integrated_Care_Boards_*": 42,
        "Local_Authority_Districts_*": 300, "NHS_England_Regions_*": 7, "NHS_SubICB_*": 100,
    },
    "ons_lookups_2015_2020": {
        "CCG*": 130, "LAD16_*": 250, "LSOA11_*": 32_000, "NHSER19_*": 7, "NHSRLO17_*": 10,
        "WD16_*": 8_000, "WD19_*": 8_000,
    },
    "ons_postcode_lsoa_lookup": {"PCD_*": 2_000_000},
    "onspd_names_codes_postcodesio": {
        "ccgs.json": 100, "counties.json": 20, "districts.json": 300, "icb.json": 42,
        "nhs_regions.json": 7, "wards.json": 8_000, "nhsHa.json": 30,
    },
    "os_codepoint_open": {"codepo_gb*": 1_600_000},
    "nhsuk_sites": {"*/Hospital.csv": 1_000},
    "nhsuk_gp": {"*/GP.csv": 8_000, "*/CCG.csv": 150},
    "contacts_and_representatives/council_websites": {"local-authorities.csv": 350},
    "contacts_and_representatives/la_names_codes": {"uk_local_authorities.csv": 400},
    "contacts_and_representatives/trust_websites_2023": {"urls.csv": 200},
    "contacts_and_representatives/ge2024_mps": {"HoC-GE2024-*": 650},
    "contacts_and_representatives/pcon24_lsoa11_lookup": {"LSOA11_PARL25_*": 40_000, "pcon_2024_lookup.json": 650},
}

# name -> (minimum fraction covered, what it means). The measures are computed in store/guards.py.
COVERAGE: dict[str, tuple[float, str]] = {
    "postcodes_with_lsoa21": (0.995, "live English postcodes placed in an LSOA 2021"),
    "practices_with_commissioner": (0.99, "active English GP practices in the newest release with a commissioner"),
    "lsoa21_with_icb": (0.999, "English LSOA 2021s with a 2024 sub-ICB location and ICB"),
    "lsoa11_with_ccg16": (0.999, "English LSOA 2011s with a 2016 CCG"),
    "practices_with_phone": (0.98, "active English GP practices in the newest release with a phone number (NHS.UK)"),
    "lsoa11_with_mp": (0.999, "English LSOA 2011s with a 2024 constituency and its MP"),
}


def min_rows(dataset: str, file: str) -> int | None:
    """The declared floor for a file, or None when its dataset declares none for it."""
    for pattern, floor in MIN_ROWS.get(dataset, {}).items():
        if fnmatch.fnmatchcase(file, pattern):
            return floor
    return None
